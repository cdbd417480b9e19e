/* Attachments of a published plan: a target table whose cells come one per line (as web
 * pages flatten an HTML table), a list of units, or text.
 *
 * The table: header cells (序号 类别 指标名称 2024年目标值 责任单位, optionally 计量单位), then
 * the rows. A merged category cell appears only on the first row of its group, so a row has
 * either all its cells or one fewer. The sequence numbers 1, 2, 3… anchor the rows: after
 * the cells a row must have, the next line is either the next number (the row had no
 * category) or one more cell and then the next number. When both readings fit, the one
 * whose target cell holds a number wins; a row followed by anything else is the last. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_internal.h"

enum column { COL_SEQ, COL_CATEGORY, COL_NAME, COL_UNIT, COL_TARGET, COL_RESP, COL_REMARK, COL_COUNT };

#define MAX_COLUMNS 8

/* The column a header cell names, or -1. *year receives the year of 2024年目标值. */
static int header_column(const char *cell, int *year)
{
    static const struct {
        const char *text;
        int column;
    } words[] = {
        {"序号", COL_SEQ},       {"编号", COL_SEQ},        {"类别", COL_CATEGORY},   {"类型", COL_CATEGORY},
        {"分类", COL_CATEGORY},  {"指标类别", COL_CATEGORY}, {"领域", COL_CATEGORY},  {"指标名称", COL_NAME},
        {"指标", COL_NAME},      {"名称", COL_NAME},       {"指标内容", COL_NAME},   {"计量单位", COL_UNIT},
        {"单位", COL_UNIT},      {"责任单位", COL_RESP},   {"牵头单位", COL_RESP},   {"责任部门", COL_RESP},
        {"牵头部门", COL_RESP},  {"备注", COL_REMARK},
    };
    char *c = zb_normalize_name(cell);
    if (!c)
        return -1;
    int col = -1;
    for (size_t i = 0; col < 0 && i < sizeof words / sizeof *words; i++)
        if (strcmp(c, words[i].text) == 0)
            col = words[i].column;
    if (col < 0) {
        /* [YYYY年][年度|预期]目标[值|任务] */
        const char *p = c;
        int y = 0, digits = 0;
        while (*p >= '0' && *p <= '9' && digits < 4) {
            y = y * 10 + (*p++ - '0');
            digits++;
        }
        size_t k;
        if (digits == 4 && (k = zb_imp_starts(p, "年")))
            p += k;
        else if (digits)
            p = NULL;
        if (p) {
            if ((k = zb_imp_starts(p, "年度")) || (k = zb_imp_starts(p, "预期")))
                p += k;
            if ((k = zb_imp_starts(p, "目标"))) {
                p += k;
                if (!*p || strcmp(p, "值") == 0 || strcmp(p, "任务") == 0) {
                    col = COL_TARGET;
                    if (digits == 4 && y >= 1900 && y <= 9999)
                        *year = y;
                }
            }
        }
    }
    free(c);
    return col;
}

/* The line as a sequence number: its value when it is only ASCII digits, else -1. */
static long seq_value(const char *s)
{
    long v = 0;
    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > 1000000)
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

static int add_attachment(zb_plan *plan, zb_findings *report, const char *where, int number, zb_attachment_kind kind,
                          const char *title, const char *text)
{
    zb_status st = zb_plan_add_attachment(plan, number, kind, title, text);
    if (st == ZB_ERR_DUPLICATE) {
        st = zb_plan_add_attachment(plan, 0, kind, title, text);
        if (st == ZB_OK &&
            zb_findings_add(report, ZB_SEV_WARNING, "renumbered", where, "附件%d appears twice; the second is 附件%d",
                            number, zb_plan_attachment_number(plan, zb_plan_attachment_count(plan) - 1)))
            return -1;
    }
    if (st == ZB_ERR_NOMEM)
        return -1;
    if (st != ZB_OK)
        return zb_findings_add(report, ZB_SEV_WARNING, "unplaced", where, "附件%d: %s", number, zb_errmsg(plan));
    return 0;
}

/* Reads the rows of a table whose header is lines[0..ncols). Returns the lines used. */
static int read_table(zb_plan *plan, zb_findings *report, const char *name, const int *cols, size_t ncols,
                      char *const *lines, const int *numbers, size_t count, size_t *used, size_t *rows)
{
    int has_cat = 0;
    size_t pos[COL_COUNT];
    for (size_t k = 0; k < COL_COUNT; k++)
        pos[k] = MAX_COLUMNS;
    for (size_t k = 0; k < ncols; k++) {
        pos[cols[k]] = k;
        has_cat |= cols[k] == COL_CATEGORY;
    }
    size_t m = ncols - 1 - (size_t)has_cat; /* cells after the number, without a category */
    size_t i = ncols;
    long expected = i < count ? seq_value(lines[i]) : -1;
    if (expected < 0)
        return 0;
    const char *category = NULL;
    char where[512];
    *rows = 0;
    while (i < count && seq_value(lines[i]) == expected) {
        /* Score each reading: 2 when the row ends at the next number or at the end, +1
         * when its target cell holds a number. */
        int best = -1, best_score = -1;
        for (int with_cat = 0; with_cat <= has_cat; with_cat++) {
            size_t cells = m + (size_t)with_cat;
            if (i + 1 + cells > count)
                continue;
            size_t after = i + 1 + cells;
            int score = after == count || seq_value(lines[after]) == expected + 1 ? 2 : 0;
            /* The target cell's place among the row's cells. */
            size_t t = pos[COL_TARGET];
            if (!with_cat && has_cat && pos[COL_CATEGORY] < t)
                t--;
            t--; /* the number is not among the cells */
            if (zb_parse_target(lines[i + 1 + t], NULL, NULL))
                score++;
            /* The first row carries its category, when the table has the column. */
            if (score > best_score || (score == best_score && *rows == 0 && with_cat)) {
                best = with_cat;
                best_score = score;
            }
        }
        /* A row that is not followed by the next number ends the table: it is taken when its
         * target cell holds a number (what follows is then left over). */
        if (best < 0 || best_score < 1)
            break;
        int last = best_score < 2;
        const char *cell[MAX_COLUMNS] = {0};
        size_t c = i + 1;
        for (size_t k = 1; k < ncols; k++) {
            if (cols[k] == COL_CATEGORY && !best)
                continue;
            cell[k] = lines[c++];
        }
        if (best)
            category = cell[pos[COL_CATEGORY]];
        zb_indicator_def def = {0};
        def.seq = expected > 0 && expected < 1000000 ? (int)expected : 0;
        def.category = category;
        def.name = cell[pos[COL_NAME]];
        def.unit = pos[COL_UNIT] < MAX_COLUMNS ? cell[pos[COL_UNIT]] : NULL;
        def.target = cell[pos[COL_TARGET]];
        def.responsible = pos[COL_RESP] < MAX_COLUMNS ? cell[pos[COL_RESP]] : NULL;
        snprintf(where, sizeof where, "%s:%d", name, numbers[i]);
        def.source = where;
        zb_status st = zb_plan_add_indicator(plan, &def, NULL);
        if (st == ZB_ERR_DUPLICATE) {
            def.seq = 0;
            st = zb_plan_add_indicator(plan, &def, NULL);
            if (st == ZB_OK &&
                zb_findings_add(report, ZB_SEV_WARNING, "renumbered", where,
                                "indicator %ld (%s): the number is already used; numbered %d", expected, def.name,
                                zb_plan_indicator_seq(plan, zb_plan_indicator_count(plan) - 1)))
                return -1;
        }
        if (st == ZB_ERR_NOMEM)
            return -1;
        if (st != ZB_OK) {
            if (zb_findings_add(report, ZB_SEV_WARNING, "unplaced", where, "table row %ld: %s", expected,
                                zb_errmsg(plan)))
                return -1;
        } else {
            (*rows)++;
        }
        if (pos[COL_REMARK] < MAX_COLUMNS &&
            zb_findings_add(report, ZB_SEV_WARNING, "unplaced", where, "table row %ld: remark “%s” is not kept",
                            expected, cell[pos[COL_REMARK]]))
            return -1;
        i = c;
        expected++;
        if (last)
            break;
    }
    *used = i;
    return 0;
}

/* Splits the lines at 、 (and ，, ；;) into names when they read as a list of units. */
static int read_unit_list(zb_plan *plan, zb_findings *report, const char *name, char *const *lines,
                          const int *numbers, size_t count, size_t *added, int *is_list)
{
    size_t names = 0, units = 0, n;
    *is_list = 0;
    *added = 0;
    for (size_t pass = 0; pass < 2; pass++) {
        for (size_t l = 0; l < count; l++) {
            const char *s = lines[l];
            size_t len = strlen(s), start = 0;
            if (zb_imp_ends(s, len, "。") || zb_imp_ends(s, len, ":") || zb_imp_ends(s, len, "："))
                return 0;
            for (size_t i = 0; i <= len; i += n) {
                uint32_t cp = i < len ? zb_utf8_decode(s + i, &n) : 0;
                if (i == len)
                    n = 1;
                if (i < len && cp != 0x3001 && cp != 0xFF0C && cp != ',' && cp != 0xFF1B && cp != ';')
                    continue;
                char *u = zb_imp_trim(s + start, i - start);
                if (!u)
                    return -1;
                if (*u && pass == 0) {
                    names++;
                    units += (size_t)zb_imp_looks_like_unit(u, strlen(u));
                } else if (*u) {
                    zb_status st = zb_plan_add_unit(plan, u, NULL);
                    char where[512];
                    snprintf(where, sizeof where, "%s:%d", name, numbers[l]);
                    int bad = 0;
                    if (st == ZB_ERR_NOMEM)
                        bad = 1;
                    else if (st == ZB_ERR_DUPLICATE)
                        bad = zb_findings_add(report, ZB_SEV_NOTE, "recognised", where,
                                              "unit list: %s is listed twice; kept once", u);
                    else if (st != ZB_OK)
                        bad = zb_findings_add(report, ZB_SEV_WARNING, "unplaced", where, "unit list: %s: %s", u,
                                              zb_errmsg(plan));
                    else
                        (*added)++;
                    if (bad) {
                        free(u);
                        return -1;
                    }
                }
                free(u);
                start = i + n;
            }
        }
        /* A list: several names, nearly all of them organs. */
        if (pass == 0 && (names < 2 || units * 5 < names * 4))
            return 0;
        *is_list = 1;
    }
    return 0;
}

int zb_imp_read_attachment(zb_plan *plan, zb_findings *report, const char *name, int number, const char *title,
                           char *const *lines, const int *numbers, size_t count, unsigned off,
                           zb_imp_attachment_result *out)
{
    (void)off;
    memset(out, 0, sizeof *out);
    char where[512];
    snprintf(where, sizeof where, "%s:%d", name, count ? numbers[0] : 0);

    /* A table: header cells, each column once, with a number, a name and a target. */
    int cols[MAX_COLUMNS], seen = 0, year = 0;
    size_t ncols = 0;
    while (ncols < count && ncols < MAX_COLUMNS) {
        int c = header_column(lines[ncols], &year);
        if (c < 0 || (seen & (1 << c)))
            break;
        seen |= 1 << c;
        cols[ncols++] = c;
    }
    int table = ncols >= 3 && cols[0] == COL_SEQ && (seen & (1 << COL_NAME)) && (seen & (1 << COL_TARGET));
    if (table) {
        size_t used = 0, rows = 0;
        size_t before_categories = zb_plan_category_count(plan);
        if (read_table(plan, report, name, cols, ncols, lines, numbers, count, &used, &rows))
            return -1;
        if (rows > 0) {
            out->kind = ZB_ATTACH_TARGETS;
            out->rows = rows;
            out->used = used;
            out->table_year = year;
            zb_buf cols_text = {0};
            for (size_t k = 0; k < ncols; k++)
                zb_buf_addf(&cols_text, "%s%s", k ? ", " : "", lines[k]);
            int bad = cols_text.failed ||
                      zb_findings_add(report, ZB_SEV_NOTE, "recognised", where,
                                      "附件%d: target table %s: %zu indicators, %zu new categories (columns %s)", number,
                                      title, rows, zb_plan_category_count(plan) - before_categories, cols_text.data);
            zb_buf_free(&cols_text);
            if (bad)
                return -1;
            return add_attachment(plan, report, where, number, ZB_ATTACH_TARGETS, title, NULL);
        }
    }

    size_t added;
    int is_list;
    if (read_unit_list(plan, report, name, lines, numbers, count, &added, &is_list))
        return -1;
    if (is_list) {
        out->kind = ZB_ATTACH_UNITS;
        out->units = added;
        out->used = count;
        if (zb_findings_add(report, ZB_SEV_NOTE, "recognised", where, "附件%d: unit list %s: %zu units", number, title,
                            added))
            return -1;
        return add_attachment(plan, report, where, number, ZB_ATTACH_UNITS, title, NULL);
    }

    zb_buf text = {0};
    for (size_t l = 0; l < count; l++)
        zb_buf_addf(&text, "%s%s", l ? "\n" : "", lines[l]);
    if (text.failed)
        return -1;
    out->kind = ZB_ATTACH_TEXT;
    out->used = count;
    int bad = zb_findings_add(report, ZB_SEV_NOTE, "recognised", where, "附件%d: text %s: %zu lines", number, title,
                              count) ||
              add_attachment(plan, report, where, number, ZB_ATTACH_TEXT, title, text.data);
    zb_buf_free(&text);
    return bad ? -1 : 0;
}
