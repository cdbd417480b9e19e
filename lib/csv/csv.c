/* CSV import of an indicator table (指标体系表), the way analysts keep the seed's 附件2 in
 * Excel. reader.c checks the encoding, finds the delimiter and hands over rows with their
 * line; this file maps the header to columns and builds the table in a scratch plan that is
 * moved into the caller's plan only when the whole file was read. */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"
#include "plan/plan_internal.h"
#include "zhibiao/csv.h"

/* What a header cell names. */
typedef enum col_kind {
    COL_EMPTY = 0, /* no header text: the column must stay empty */
    COL_SEQ,
    COL_CATEGORY,
    COL_NAME,
    COL_UNIT,
    COL_TARGET, /* one per year, or one tied to no year */
    COL_BASE,
    COL_ATTRIBUTE,
    COL_KIND,
    COL_DIRECTION,
    COL_WEIGHT,
    COL_RESPONSIBLE,
    COL_NOTE,
    COL_COOPERATE, /* 配合单位: units after the responsible ones */
    COL_DEADLINE,  /* 完成时限: kept in the note */
    COL_SCORING,   /* 评分标准: kept in the note */
    COL_YEAR, /* a bare `2025年`: a target or the base, settled by finish_header() */
    COL_KIND_COUNT
} col_kind;

/* Header names after zb_csv_header_key(): spaces removed, ASCII lower-cased. */
static const struct {
    const char *key;
    col_kind kind;
} header_names[] = {
    {"序号", COL_SEQ},
    {"seq", COL_SEQ},
    {"no", COL_SEQ},
    {"no.", COL_SEQ},
    {"#", COL_SEQ},
    {"编号", COL_SEQ},
    {"类别", COL_CATEGORY},
    {"指标类别", COL_CATEGORY},
    {"分类", COL_CATEGORY},
    {"category", COL_CATEGORY},
    {"指标名称", COL_NAME},
    {"指标", COL_NAME},
    {"name", COL_NAME},
    {"indicator", COL_NAME},
    {"计量单位", COL_UNIT},
    {"单位", COL_UNIT},
    {"unit", COL_UNIT},
    {"目标值", COL_TARGET},
    {"目标", COL_TARGET},
    {"预期目标", COL_TARGET},
    {"target", COL_TARGET},
    {"基期值", COL_BASE},
    {"基数", COL_BASE},
    {"基期", COL_BASE},
    {"基准值", COL_BASE},
    {"现状值", COL_BASE},
    {"base", COL_BASE},
    {"baseline", COL_BASE},
    {"属性", COL_ATTRIBUTE},
    {"指标属性", COL_ATTRIBUTE},
    {"attribute", COL_ATTRIBUTE},
    {"类型", COL_KIND},
    {"指标类型", COL_KIND},
    {"kind", COL_KIND},
    {"type", COL_KIND},
    {"方向", COL_DIRECTION},
    {"指标方向", COL_DIRECTION},
    {"direction", COL_DIRECTION},
    {"权重", COL_WEIGHT},
    {"分值", COL_WEIGHT},
    {"weight", COL_WEIGHT},
    {"责任单位", COL_RESPONSIBLE},
    {"牵头单位", COL_RESPONSIBLE},
    {"责任部门", COL_RESPONSIBLE},
    {"牵头部门", COL_RESPONSIBLE},
    {"责任处室", COL_RESPONSIBLE},
    {"牵头处室", COL_RESPONSIBLE},
    {"责任科室", COL_RESPONSIBLE},
    {"主责单位", COL_RESPONSIBLE},
    {"responsible", COL_RESPONSIBLE},
    {"units", COL_RESPONSIBLE},
    {"备注", COL_NOTE},
    {"说明", COL_NOTE},
    {"note", COL_NOTE},
    {"notes", COL_NOTE},
    {"remark", COL_NOTE},
    {"remarks", COL_NOTE},
    {"配合单位", COL_COOPERATE},
    {"配合部门", COL_COOPERATE},
    {"协办单位", COL_COOPERATE},
    {"协办部门", COL_COOPERATE},
    {"参与单位", COL_COOPERATE},
    {"配合处室", COL_COOPERATE},
    {"配合科室", COL_COOPERATE},
    {"完成时限", COL_DEADLINE},
    {"完成时间", COL_DEADLINE},
    {"完成期限", COL_DEADLINE},
    {"时间节点", COL_DEADLINE},
    {"时限", COL_DEADLINE},
    {"评分标准", COL_SCORING},
    {"评分办法", COL_SCORING},
    {"评分细则", COL_SCORING},
    {"计分办法", COL_SCORING},
    {"考核标准", COL_SCORING},
    {"考核办法", COL_SCORING},
};

#define ACCEPTED_COLUMNS                                                                                \
    "序号/seq, 类别/category, 指标名称/name, 计量单位/单位/unit, 属性/指标属性/attribute, "               \
    "基期值/基数/YYYY年基数/YYYY年实际/base, 目标值/target (or YYYY年目标值, one per year, or YYYY年 " \
    "under a 目标值 heading), 类型/指标类型/kind, 方向/direction, 权重/分值/weight, "                    \
    "责任单位/牵头单位/责任部门/责任处室/responsible, 配合单位/协办单位, 完成时限/时间节点, "      \
    "评分标准/考核办法, 备注/note"

/* What the loader remembers of each indicator it added, for duplicate messages. */
typedef struct row_info {
    size_t line;
    int auto_seq; /* its 序号 was empty and the plan numbered it */
} row_info;

typedef struct csv_ctx {
    zb_csv_reader r; /* first: on_row casts back */
    zb_plan *tmp;    /* the table being built */

    /* The header. */
    int have_header;     /* the header row was read (data rows follow, or the sub-header) */
    int sub_pending;     /* a 目标值 heading over empty cells: the next row may give its years */
    size_t header_line;
    size_t ncols;
    col_kind *kinds;
    int *years;          /* per column: the year of a target or base column, 0 = none */
    int span_first;      /* a single `2021–2023年目标值`: its first year */
    char **heads;                  /* header texts as written (trimmed), for messages */
    size_t col_of[COL_KIND_COUNT]; /* 1-based column of each kind (the first target); 0 = absent */
    size_t ntargets;
    size_t preamble_line;          /* first single-cell row skipped before the header */
    char *preamble_text;

    /* The data rows. */
    char *category; /* the 类别 above, continued over blank cells (a flattened merged cell) */
    zb_buf where;   /* "name:line[:column]" of the row being read; reused */
    zb_buf units;   /* the row's responsible units then its cooperating ones; reused */
    zb_buf notes;   /* the row's 备注, 完成时限 and 评分标准; reused */
    row_info *rows; /* one per indicator added, by index */
    size_t rows_cap;
} csv_ctx;

/* "column 3 (序号)": how messages name a column. */
static const char *column_label(const csv_ctx *c, size_t col, char *buf, size_t size)
{
    char ex[192];
    if (col <= c->ncols && c->heads[col - 1][0])
        snprintf(buf, size, "column %zu (%s)", col, zb_csv_excerpt(c->heads[col - 1], ex, sizeof ex));
    else
        snprintf(buf, size, "column %zu", col);
    zb_csv_trim_tail(buf);
    return buf;
}

/* ---- the header ---------------------------------------------------------------------- */

static int read_year(const char **p)
{
    int y = 0;
    for (int i = 0; i < 4; i++) {
        int d = zb_read_digit(p);
        if (d < 0)
            return -1;
        y = y * 10 + d;
    }
    return y;
}

static int skip_word(const char **p, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(*p, word, n) != 0)
        return 0;
    *p += n;
    return 1;
}

/* A header that starts with a year: `2024年目标值` / `2024年目标` (target), `2021-2023年目标值`
 * (also – or —; a target over a span), `2024年基数` / `2024年基期值` / `2023年实际` /
 * `2023年完成值` (base), `2025年` (bare). *kind receives COL_TARGET, COL_BASE or COL_YEAR.
 * Returns 1 on a match; 0 when the key does not start like one. */
static int parse_year_header(const char *key, int *first, int *last, col_kind *kind)
{
    static const char *const targets[] = {"目标值", "目标", "预期目标"};
    static const char *const bases[] = {"基期值", "基数", "基期", "实际值", "实际", "完成值", "完成",
                                        "现状值", "现状", "基准值"};
    const char *p = key;
    int a = read_year(&p);
    if (a < 0)
        return 0;
    int b = a;
    static const char *const dashes[] = {"-", "–", "—", "~", "～", "至"};
    for (size_t i = 0; i < sizeof dashes / sizeof dashes[0]; i++) {
        if (skip_word(&p, dashes[i])) {
            if ((b = read_year(&p)) < 0)
                return 0;
            break;
        }
    }
    if (!skip_word(&p, "年"))
        return 0;
    skip_word(&p, "度");
    *first = a;
    *last = b;
    if (!*p) {
        *kind = a == b ? COL_YEAR : COL_TARGET;
        return 1;
    }
    for (size_t i = 0; i < sizeof targets / sizeof *targets; i++) {
        if (strcmp(p, targets[i]) == 0) {
            *kind = COL_TARGET;
            return 1;
        }
    }
    for (size_t i = 0; i < sizeof bases / sizeof *bases; i++) {
        if (a == b && strcmp(p, bases[i]) == 0) {
            *kind = COL_BASE;
            return 1;
        }
    }
    return 0;
}

/* The kind a header key names; COL_KIND_COUNT when it names nothing known. */
static col_kind lookup_header(const char *key, int *first, int *last)
{
    *first = *last = 0;
    if (!*key)
        return COL_EMPTY;
    for (size_t i = 0; i < sizeof header_names / sizeof header_names[0]; i++)
        if (strcmp(key, header_names[i].key) == 0)
            return header_names[i].kind;
    col_kind kind;
    if (parse_year_header(key, first, last, &kind))
        return kind;
    return COL_KIND_COUNT;
}

/* The kind of a header cell as written (NULL key when out of memory: COL_KIND_COUNT). */
static col_kind cell_kind(const char *cell, int *first, int *last)
{
    char *key = zb_csv_header_key(cell);
    *first = *last = 0;
    if (!key)
        return COL_KIND_COUNT;
    col_kind k = lookup_header(key, first, last);
    free(key);
    return k;
}

static int names_a_column(const char *cell)
{
    int first, last;
    col_kind k = cell_kind(cell, &first, &last);
    return k != COL_EMPTY && k != COL_KIND_COUNT;
}

/* The header texts, for a message: `序号, 类别, 目标值`. */
static void list_header(const csv_ctx *c, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < c->ncols && o + 1 < size; i++) {
        char ex[192];
        if (!c->heads[i][0])
            continue;
        int n = snprintf(buf + o, size - o, "%s%s", o ? ", " : "", zb_csv_excerpt(c->heads[i], ex, sizeof ex));
        if (n < 0 || (size_t)n >= size - o)
            break;
        o += (size_t)n;
    }
    zb_csv_trim_tail(buf);
}

/* A heading over several columns (目标值 or 基期值 merged over the year columns below it, as
 * Excel writes a merged cell: the text in its first column, the others empty). */
static int is_group(const csv_ctx *c, size_t col)
{
    return (c->kinds[col] == COL_TARGET || c->kinds[col] == COL_BASE) && c->years[col] == 0 &&
           col + 1 < c->ncols && c->kinds[col + 1] == COL_EMPTY;
}

/* The row below a group heading gives each column under it a year (`2025年`, `2026年目标值`).
 * Returns 1 and applies it when the current row is such a row: every cell it holds is a
 * year form under a group; 0 (nothing changed) when it is data. */
static int read_sub_header(csv_ctx *c)
{
    size_t n = c->r.ncells < c->ncols ? c->r.ncells : c->ncols;
    size_t any = 0;
    for (size_t i = 0; i < c->r.ncells; i++) {
        const char *cell = c->r.cells[i];
        if (!cell[0])
            continue;
        if (i >= c->ncols)
            return 0;
        int first, last;
        col_kind k = cell_kind(cell, &first, &last);
        if ((k != COL_YEAR && k != COL_TARGET && k != COL_BASE) || !first || first != last)
            return 0;
        /* The heading it stands under: the nearest header text at or left of it, a 目标值 or
         * 基期值 without a year of its own. */
        size_t g = i;
        while (g > 0 && c->kinds[g] == COL_EMPTY)
            g--;
        if ((c->kinds[g] != COL_TARGET && c->kinds[g] != COL_BASE) || c->years[g])
            return 0;
        any++;
    }
    if (!any)
        return 0;
    /* The kind of each column's heading, taken before any column changes. */
    col_kind *under = malloc(n * sizeof *under);
    if (!under) {
        zb_csv_fail_nomem(&c->r);
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        size_t g = i;
        while (g > 0 && c->kinds[g] == COL_EMPTY)
            g--;
        under[i] = c->kinds[g];
    }
    for (size_t i = 0; i < n; i++) {
        const char *cell = c->r.cells[i];
        if (!cell[0])
            continue;
        int first, last;
        col_kind k = cell_kind(cell, &first, &last);
        c->kinds[i] = k == COL_YEAR ? under[i] : k;
        c->years[i] = first;
        /* Messages name the column by its year heading. */
        char *copy = zb_strdup(cell);
        if (!copy) {
            free(under);
            zb_csv_fail_nomem(&c->r);
            return 1;
        }
        free(c->heads[i]);
        c->heads[i] = copy;
    }
    free(under);
    return 1;
}

/* Settles bare years, checks for duplicates and the name column, sets the plan's years. */
static void finish_header(csv_ctx *c)
{
    size_t line = c->header_line;
    char label[256], other[256];
    c->sub_pending = 0;

    /* Bare `2025年` columns: targets; the earliest of several is the base when no other
     * column is (a 十四五 table: 2020年 | 2025年); a lone one beside another target column is
     * the base. */
    size_t nyear = 0, earliest = 0, explicit_targets = 0, explicit_base = 0;
    for (size_t i = 0; i < c->ncols; i++) {
        if (c->kinds[i] == COL_YEAR) {
            if (!nyear || c->years[i] < c->years[earliest])
                earliest = i;
            nyear++;
        }
        explicit_targets += c->kinds[i] == COL_TARGET;
        explicit_base += c->kinds[i] == COL_BASE;
    }
    for (size_t i = 0; i < c->ncols; i++) {
        if (c->kinds[i] != COL_YEAR)
            continue;
        int base = !explicit_base && i == earliest && (nyear >= 2 || explicit_targets);
        c->kinds[i] = base ? COL_BASE : COL_TARGET;
    }

    memset(c->col_of, 0, sizeof c->col_of);
    c->ntargets = 0;
    size_t yearless = 0;
    for (size_t i = 0; i < c->ncols; i++) {
        col_kind kind = c->kinds[i];
        if (kind == COL_EMPTY)
            continue;
        if (kind == COL_TARGET) {
            /* One target column per year; one tied to no year stands alone. */
            for (size_t j = 0; j < i; j++) {
                if (c->kinds[j] == COL_TARGET && (c->years[j] == c->years[i] || !c->years[j] || !c->years[i])) {
                    zb_csv_fail(&c->r, ZB_ERR_SCHEMA, "%s:%zu: %s: duplicate column: %s names the same thing",
                                c->r.name, line, column_label(c, i + 1, label, sizeof label),
                                column_label(c, j + 1, other, sizeof other));
                    return;
                }
            }
            if (!c->col_of[kind])
                c->col_of[kind] = i + 1;
            c->ntargets++;
            yearless += c->years[i] == 0;
            continue;
        }
        if (c->col_of[kind]) {
            zb_csv_fail(&c->r, ZB_ERR_SCHEMA, "%s:%zu: %s: duplicate column: %s names the same thing", c->r.name,
                        line, column_label(c, i + 1, label, sizeof label),
                        column_label(c, c->col_of[kind], other, sizeof other));
            return;
        }
        c->col_of[kind] = i + 1;
    }
    if (!c->col_of[COL_NAME]) {
        char list[512];
        list_header(c, list, sizeof list);
        zb_csv_fail(&c->r, ZB_ERR_SCHEMA,
                    "%s:%zu: no 指标名称 (name) column; the header has %s; the columns are " ACCEPTED_COLUMNS,
                    c->r.name, line, list);
        return;
    }

    /* The plan's years, when it has none: a single target column's year or span; several
     * years: from the year after the base year (or the first target year) to the last. */
    int first = 0, last = 0;
    size_t year_col = 0;
    for (size_t i = 0; i < c->ncols; i++) {
        if (c->kinds[i] != COL_TARGET || !c->years[i])
            continue;
        int a = c->ntargets == 1 && c->span_first ? c->span_first : c->years[i];
        if (!first || a < first)
            first = a;
        if (c->years[i] > last)
            last = c->years[i];
        year_col = i + 1;
    }
    size_t base_col = c->col_of[COL_BASE];
    if (first && base_col && c->years[base_col - 1] && c->years[base_col - 1] < first &&
        !(c->ntargets == 1 && c->span_first))
        first = c->years[base_col - 1] + 1;
    if (year_col) {
        zb_status st = zb_plan_set_years(c->tmp, first, last);
        if (st == ZB_ERR_NOMEM)
            zb_csv_fail_nomem(&c->r);
        else if (st)
            zb_csv_fail(&c->r, ZB_ERR_VALUE, "%s:%zu: %s: not a year or span of years between 1900 and 9999",
                        c->r.name, line, column_label(c, year_col, label, sizeof label));
    }
    (void)yearless;
}

static void read_header(csv_ctx *c)
{
    size_t line = c->r.row_line;
    size_t nonempty = 0, only = 0;
    for (size_t i = 0; i < c->r.ncells; i++)
        if (c->r.cells[i][0])
            nonempty++, only = i;

    /* A row of one cell that names no column is the 附件2 mark or the title that the target
     * table (and so Excel's CSV of it) has above the header: skip it. */
    if (nonempty == 1 && !names_a_column(c->r.cells[only])) {
        if (!c->preamble_text) {
            c->preamble_line = line;
            c->preamble_text = zb_strdup(c->r.cells[only]);
            if (!c->preamble_text)
                zb_csv_fail_nomem(&c->r);
        }
        return;
    }

    c->kinds = calloc(c->r.ncells, sizeof *c->kinds);
    c->years = calloc(c->r.ncells, sizeof *c->years);
    c->heads = calloc(c->r.ncells, sizeof *c->heads);
    if (!c->kinds || !c->years || !c->heads) {
        zb_csv_fail_nomem(&c->r);
        return;
    }
    /* The header keeps copies of its cells. */
    c->ncols = c->r.ncells;
    for (size_t i = 0; i < c->ncols; i++)
        if (!(c->heads[i] = zb_strdup(c->r.cells[i]))) {
            zb_csv_fail_nomem(&c->r);
            return;
        }
    c->have_header = 1;
    c->header_line = line;

    char label[256];
    int any_group = 0;
    for (size_t i = 0; i < c->ncols; i++) {
        int first, last;
        col_kind kind = cell_kind(c->heads[i], &first, &last);
        if (kind == COL_KIND_COUNT) {
            const char *h = c->heads[i];
            int fullwidth = strstr(h, "，") || strstr(h, "；") || strstr(h, "、");
            zb_csv_fail(&c->r, ZB_ERR_SCHEMA, "%s:%zu: %s: unknown column%s; the columns are " ACCEPTED_COLUMNS,
                        c->r.name, line, column_label(c, i + 1, label, sizeof label),
                        fullwidth ? " (full-width ， ； 、 do not separate columns)" : "");
            return;
        }
        c->kinds[i] = kind;
        c->years[i] = last;
        if (kind == COL_TARGET && first != last)
            c->span_first = first;
    }
    for (size_t i = 0; i < c->ncols; i++)
        any_group |= is_group(c, i);
    if (any_group)
        c->sub_pending = 1;
    else
        finish_header(c);
}

/* ---- data rows ----------------------------------------------------------------------- */

/* The cell of a column kind in the current row: NULL when the table has no such column,
 * "" when the row is shorter than the header. */
static const char *cell_of(const csv_ctx *c, col_kind kind)
{
    size_t col = c->col_of[kind];
    if (!col)
        return NULL;
    return col <= c->r.ncells ? c->r.cells[col - 1] : "";
}

/* 序号: digits only (ASCII or full-width), 1..INT_MAX. 1 = ok, 0 = not digits, -1 = range. */
static int parse_seq(const char *s, int *out)
{
    long long v = 0;
    int big = 0;
    const char *p = s;
    if (!*p)
        return 0;
    while (*p) {
        int d = zb_read_digit(&p);
        if (d < 0)
            return 0;
        if (!big) {
            v = v * 10 + d;
            if (v > INT_MAX)
                big = 1;
        }
    }
    if (big || v == 0)
        return -1;
    *out = (int)v;
    return 1;
}

/* A 序号 cell that numbers a group of rows, as tables with categories in rows of their own
 * write it: `一、经济发展`, `（一）`, `(二)产业发展`, `四.` — Chinese numerals, in brackets
 * or before 、 or a full stop. Returns the text after the ordinal, white space trimmed ("" when
 * the cell is the ordinal alone), or NULL when the cell is not one. */
static const char *group_ordinal(const char *s)
{
    static const uint32_t numerals[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
                                        0x516B, 0x4E5D, 0x5341, 0x767E, 0x96F6, 0x3007}; /* 一…十百零〇 */
    const char *p = s;
    size_t n;
    uint32_t cp = zb_utf8_decode(p, &n);
    int bracket = cp == '(' || cp == 0xFF08;
    if (bracket)
        p += n;
    size_t count = 0;
    for (;;) {
        cp = zb_utf8_decode(p, &n);
        size_t k = 0;
        while (k < sizeof numerals / sizeof *numerals && numerals[k] != cp)
            k++;
        if (!*p || k == sizeof numerals / sizeof *numerals)
            break;
        p += n;
        count++;
    }
    if (!count || count > 4)
        return NULL;
    cp = *p ? zb_utf8_decode(p, &n) : 0;
    if (bracket) {
        if (cp != ')' && cp != 0xFF09)
            return NULL;
        p += n;
    } else if (cp == 0x3001 || cp == '.' || cp == 0xFF0E) { /* 、 . ． */
        p += n;
    } else {
        return NULL; /* 十大工程 is a name; a bare 一 may number an indicator: neither is a group */
    }
    for (;;) {
        if (*p == ' ' || *p == '\t')
            p++;
        else if (!strncmp(p, "\xE3\x80\x80", 3)) /* U+3000 */
            p += 3;
        else
            return p;
    }
}

/* What a 序号 cell that is not a number most likely is, said after the error. */
static const char *seq_hint(const char *seq)
{
    static const char *const totals[] = {"合计", "小计", "总计", "总分", "累计"};
    static const char *const notes[] = {"注", "说明", "备注", "填报", "制表", "审核", "联系", "数据来源", "资料来源"};
    for (size_t i = 0; i < sizeof totals / sizeof *totals; i++)
        if (!strncmp(seq, totals[i], strlen(totals[i])))
            return ": a total row is not an indicator; delete it (zhibiao adds up what it needs)";
    for (size_t i = 0; i < sizeof notes / sizeof *notes; i++)
        if (!strncmp(seq, notes[i], strlen(notes[i])))
            return ": a note under the table is not an indicator row; delete it, or put it in the 备注 column";
    if (group_ordinal(seq))
        return ": a row numbered so heads a group of indicators only when it holds nothing else than the "
               "group's name (in the 序号 cell, or in the 指标名称 or 类别 cell)";
    return "";
}

/* The words a column of enumerated values takes, matched after zb_csv_header_key(). */
typedef struct word_value {
    const char *word;
    int value;
} word_value;

static const word_value attribute_words[] = {
    {"约束性", ZB_ATTR_BINDING},      {"约束性指标", ZB_ATTR_BINDING},      {"约束", ZB_ATTR_BINDING},
    {"binding", ZB_ATTR_BINDING},     {"预期性", ZB_ATTR_ANTICIPATORY},     {"预期性指标", ZB_ATTR_ANTICIPATORY},
    {"预期", ZB_ATTR_ANTICIPATORY},   {"anticipatory", ZB_ATTR_ANTICIPATORY}, {"expected", ZB_ATTR_ANTICIPATORY},
};
static const word_value kind_words[] = {
    {"累计", ZB_KIND_CUMULATIVE}, {"累计型", ZB_KIND_CUMULATIVE}, {"累计值", ZB_KIND_CUMULATIVE},
    {"总量", ZB_KIND_CUMULATIVE}, {"cumulative", ZB_KIND_CUMULATIVE}, {"增速", ZB_KIND_RATE},
    {"增速型", ZB_KIND_RATE},     {"增长率", ZB_KIND_RATE},       {"增幅", ZB_KIND_RATE},
    {"rate", ZB_KIND_RATE},       {"水平", ZB_KIND_LEVEL},        {"水平型", ZB_KIND_LEVEL},
    {"时点", ZB_KIND_LEVEL},      {"比重", ZB_KIND_LEVEL},        {"占比", ZB_KIND_LEVEL},
    {"强度", ZB_KIND_LEVEL},      {"level", ZB_KIND_LEVEL},
};
static const word_value direction_words[] = {
    {"正向", ZB_DIR_HIGHER},     {"正", ZB_DIR_HIGHER},       {"越大越好", ZB_DIR_HIGHER},
    {"越高越好", ZB_DIR_HIGHER}, {"越多越好", ZB_DIR_HIGHER}, {"higher", ZB_DIR_HIGHER},
    {"↑", ZB_DIR_HIGHER},        {"逆向", ZB_DIR_LOWER},      {"反向", ZB_DIR_LOWER},
    {"负向", ZB_DIR_LOWER},      {"越小越好", ZB_DIR_LOWER},  {"越低越好", ZB_DIR_LOWER},
    {"越少越好", ZB_DIR_LOWER},  {"lower", ZB_DIR_LOWER},     {"↓", ZB_DIR_LOWER},
};

/* The value a cell names among words; 0 = matched, -1 = not one of them. An empty cell
 * or a placeholder (—, /) leaves *out as it is. */
static int match_cell(const char *cell, const word_value *words, size_t n, int *out)
{
    if (zb_classify_target(cell, NULL, NULL, NULL) == ZB_TARGET_NONE)
        return 0;
    char *key = zb_csv_header_key(cell);
    if (!key)
        return -2;
    int found = -1;
    for (size_t i = 0; i < n && found < 0; i++)
        if (strcmp(key, words[i].word) == 0)
            found = (int)i;
    free(key);
    if (found < 0)
        return -1;
    *out = words[found].value;
    return 0;
}

/* Reads an enumerated cell into *out; on a bad value fails naming the cell. 0 = ok. */
static int read_enum_cell(csv_ctx *c, col_kind kind, const word_value *words, size_t n, const char *expected,
                          int *out)
{
    const char *cell = cell_of(c, kind);
    if (!cell || !*cell)
        return 0;
    int r = match_cell(cell, words, n, out);
    if (r == -2) {
        zb_csv_fail_nomem(&c->r);
        return -1;
    }
    if (r < 0) {
        char label[256], ex[192];
        zb_csv_fail(&c->r, ZB_ERR_VALUE, "%s:%zu:%zu: %s: \"%s\" is not %s", c->r.name, c->r.row_line,
                    c->col_of[kind], column_label(c, c->col_of[kind], label, sizeof label),
                    zb_csv_excerpt(cell, ex, sizeof ex), expected);
        return -1;
    }
    return 0;
}

/* 权重 / 分值: a number above 0, with 分 or % after it if written so. */
static int read_weight_cell(csv_ctx *c, double *out)
{
    const char *cell = cell_of(c, COL_WEIGHT);
    if (!cell || !*cell || zb_classify_target(cell, NULL, NULL, NULL) == ZB_TARGET_NONE)
        return 0;
    double v;
    zb_qualifier q;
    if (!zb_parse_target(cell, &v, &q) || q != ZB_QUAL_NONE || !(v > 0) || !isfinite(v)) {
        char label[256], ex[192];
        zb_csv_fail(&c->r, ZB_ERR_VALUE, "%s:%zu:%zu: %s: \"%s\" is not a weight (a number greater than 0)",
                    c->r.name, c->r.row_line, c->col_of[COL_WEIGHT],
                    column_label(c, c->col_of[COL_WEIGHT], label, sizeof label), zb_csv_excerpt(cell, ex, sizeof ex));
        return -1;
    }
    *out = v;
    return 0;
}

/* Every target cell of the row: the one of a single target column tied to no year (its
 * header's year is the plan's), one per year otherwise. */
static void add_row_targets(csv_ctx *c, size_t index)
{
    for (size_t i = 0; i < c->ncols && i < c->r.ncells; i++) {
        if (c->kinds[i] != COL_TARGET || !c->r.cells[i][0])
            continue;
        int year = c->ntargets == 1 ? 0 : c->years[i];
        zb_status st = zb_plan_indicator_set_target(c->tmp, index, year, c->r.cells[i], ZB_QUAL_AUTO);
        size_t k = st ? ZB_NONE : zb_plan_indicator_find_target(c->tmp, index, year);
        if (!st && k != ZB_NONE) {
            zb_buf *where = &c->where;
            where->len = 0;
            zb_buf_adds(where, c->r.name);
            zb_buf_addc(where, ':');
            zb_buf_add_uint(where, c->r.row_line);
            zb_buf_addc(where, ':');
            zb_buf_add_uint(where, i + 1);
            st = where->failed ? ZB_ERR_NOMEM : zb_plan_indicator_set_target_source(c->tmp, index, k, where->data);
        }
        if (st == ZB_ERR_NOMEM) {
            zb_csv_fail_nomem(&c->r);
            return;
        }
        if (st) {
            zb_csv_fail(&c->r, st, "%s:%zu:%zu: %s", c->r.name, c->r.row_line, i + 1, zb_errmsg(c->tmp));
            return;
        }
    }
}

static void read_data_row(csv_ctx *c)
{
    size_t line = c->r.row_line;
    char label[256], ex[192];

    /* Extra trailing cells are fine while empty: Excel pads every row to the widest one. */
    for (size_t i = c->ncols; i < c->r.ncells; i++) {
        if (c->r.cells[i][0]) {
            zb_csv_fail(&c->r, ZB_ERR_SCHEMA,
                 "%s:%zu: the row has %zu fields but the header has %zu (field %zu is \"%s\"); a "
                 "field that holds the delimiter '%s' must be quoted",
                 c->r.name, line, c->r.ncells, c->ncols, i + 1, zb_csv_excerpt(c->r.cells[i], ex, sizeof ex),
                 c->r.delim == '\t' ? "\\t" : (char[]){c->r.delim, '\0'});
            return;
        }
    }
    size_t nonempty = 0;
    for (size_t i = 0; i < c->r.ncells && i < c->ncols; i++) {
        if (!c->r.cells[i][0])
            continue;
        nonempty++;
        if (c->kinds[i] == COL_EMPTY) {
            zb_csv_fail(&c->r, ZB_ERR_SCHEMA, "%s:%zu: column %zu has no header but holds \"%s\"", c->r.name, line,
                 i + 1, zb_csv_excerpt(c->r.cells[i], ex, sizeof ex));
            return;
        }
    }

    const char *cat = cell_of(c, COL_CATEGORY);
    const char *seq = cell_of(c, COL_SEQ);
    /* A row numbered `一、` heads a group: its name is after the ordinal or in the one other
     * cell it fills (指标名称 or 类别). */
    const char *rest = seq && *seq ? group_ordinal(seq) : NULL;
    if (rest) {
        const char *name = cell_of(c, COL_NAME);
        const char *group = NULL;
        if (nonempty == 1 && *rest)
            group = rest;
        else if (nonempty == 2 && !*rest && cat && *cat)
            group = cat;
        else if (nonempty == 2 && !*rest && name && *name)
            group = name;
        if (group) {
            char *copy = zb_strdup(group);
            if (!copy) {
                zb_csv_fail_nomem(&c->r);
                return;
            }
            free(c->category);
            c->category = copy;
            if (zb_plan_add_category(c->tmp, group, NULL) == ZB_ERR_NOMEM)
                zb_csv_fail_nomem(&c->r);
            return;
        }
    }
    if (cat && *cat) {
        char *copy = zb_strdup(cat);
        if (!copy) {
            zb_csv_fail_nomem(&c->r);
            return;
        }
        free(c->category);
        c->category = copy;
        /* A row that holds only a 类别 heads the group below it (some tables set categories
         * as rows of their own); the category is kept even if no indicator follows. */
        if (nonempty == 1) {
            if (zb_plan_add_category(c->tmp, cat, NULL) == ZB_ERR_NOMEM)
                zb_csv_fail_nomem(&c->r);
            return;
        }
    }

    zb_indicator_def def = {0};
    size_t seq_col = c->col_of[COL_SEQ];
    if (seq && *seq) {
        int r = parse_seq(seq, &def.seq);
        if (r <= 0) {
            zb_csv_fail(&c->r, ZB_ERR_VALUE, "%s:%zu: %s: %s: \"%s\"%s", c->r.name, line,
                 column_label(c, seq_col, label, sizeof label),
                 r == 0 ? "not a sequence number" : "sequence number out of range (1 to 2147483647)",
                 zb_csv_excerpt(seq, ex, sizeof ex), r == 0 ? seq_hint(seq) : "");
            return;
        }
        size_t other = zb_plan_find_indicator(c->tmp, def.seq);
        if (other != ZB_NONE) {
            zb_csv_fail(&c->r, ZB_ERR_DUPLICATE, "%s:%zu: %s: sequence number %d is already used at line %zu%s",
                 c->r.name, line, column_label(c, seq_col, label, sizeof label), def.seq,
                 c->rows[other].line,
                 c->rows[other].auto_seq ? " (numbered automatically: its 序号 is empty)" : "");
            return;
        }
    }

    int attribute = ZB_ATTR_NONE, kind = ZB_KIND_AUTO, direction = ZB_DIR_AUTO;
    if (read_enum_cell(c, COL_ATTRIBUTE, attribute_words, sizeof attribute_words / sizeof *attribute_words,
                       "an attribute (约束性 or 预期性)", &attribute) ||
        read_enum_cell(c, COL_KIND, kind_words, sizeof kind_words / sizeof *kind_words,
                       "a kind (累计, 增速 or 水平; cumulative, rate or level)", &kind) ||
        read_enum_cell(c, COL_DIRECTION, direction_words, sizeof direction_words / sizeof *direction_words,
                       "a direction (正向 or 逆向; 越大越好 or 越小越好)", &direction) ||
        read_weight_cell(c, &def.weight))
        return;

    const char *unit = cell_of(c, COL_UNIT);
    const char *resp = cell_of(c, COL_RESPONSIBLE);
    const char *name = cell_of(c, COL_NAME);
    const char *base = cell_of(c, COL_BASE);
    const char *note = cell_of(c, COL_NOTE);
    def.category = c->category;
    def.name = name ? name : "";
    def.unit = unit && *unit ? unit : NULL; /* empty: take it from the name */
    def.responsible = resp && *resp ? resp : NULL;
    const char *coop = cell_of(c, COL_COOPERATE);
    if (coop && *coop) {
        if (!def.responsible) {
            zb_csv_fail(&c->r, ZB_ERR_VALUE, "%s:%zu:%zu: %s: cooperating units \"%s\" without a lead unit "
                        "(责任单位 or 牵头单位)", c->r.name, line, c->col_of[COL_COOPERATE],
                        column_label(c, c->col_of[COL_COOPERATE], label, sizeof label),
                        zb_csv_excerpt(coop, ex, sizeof ex));
            return;
        }
        /* The lead first, as the model keeps them: 牵头 then 配合 in one list. */
        c->units.len = 0;
        zb_buf_adds(&c->units, resp);
        zb_buf_adds(&c->units, "、");
        zb_buf_adds(&c->units, coop);
        if (c->units.failed) {
            zb_csv_fail_nomem(&c->r);
            return;
        }
        def.responsible = c->units.data;
    }
    def.attribute = (zb_attribute)attribute;
    def.kind = (zb_kind)kind;
    def.direction = (zb_direction)direction;
    def.base = base && *base ? base : NULL;
    def.base_year = def.base ? c->years[c->col_of[COL_BASE] - 1] : 0;
    def.note = note && *note ? note : NULL;
    const char *deadline = cell_of(c, COL_DEADLINE), *scoring = cell_of(c, COL_SCORING);
    if ((deadline && *deadline) || (scoring && *scoring)) {
        /* Kept in the note as the importer keeps a task breakdown's 完成时限. */
        zb_buf *nb = &c->notes;
        nb->len = 0;
        zb_buf_adds(nb, def.note ? def.note : "");
        if (deadline && *deadline)
            zb_buf_addf(nb, "%s完成时限：%s", nb->len ? "；" : "", deadline);
        if (scoring && *scoring)
            zb_buf_addf(nb, "%s评分标准：%s", nb->len ? "；" : "", scoring);
        if (nb->failed) {
            zb_csv_fail_nomem(&c->r);
            return;
        }
        def.note = nb->data;
    }

    size_t count = zb_plan_indicator_count(c->tmp);
    if (zb_grow((void **)&c->rows, &c->rows_cap, count + 1, sizeof *c->rows)) {
        zb_csv_fail_nomem(&c->r);
        return;
    }
    zb_buf *src = &c->where;
    src->len = 0;
    zb_buf_adds(src, c->r.name);
    zb_buf_addc(src, ':');
    zb_buf_add_uint(src, line);
    if (src->failed) {
        zb_csv_fail_nomem(&c->r);
        return;
    }
    def.source = src->data;
    size_t index = 0;
    char *repeat;
    zb_status st = zb_plan_add_indicator_split(c->tmp, &def, &index, &repeat);
    if (repeat) {
        /* A unit named twice is an error, as it is in JSON. */
        char head[256];
        zb_csv_fail(&c->r, ZB_ERR_DUPLICATE, "%s:%zu:%zu: %s: indicator %d (%s): %s is already a responsible unit",
                    c->r.name, line, c->col_of[COL_RESPONSIBLE],
                    column_label(c, c->col_of[COL_RESPONSIBLE], head, sizeof head), def.seq, name ? name : "",
                    repeat);
        free(repeat);
        return;
    }
    if (st == ZB_ERR_NOMEM) {
        zb_csv_fail_nomem(&c->r);
        return;
    }
    if (st) {
        zb_csv_fail(&c->r, st, "%s:%zu: %s", c->r.name, line, zb_errmsg(c->tmp));
        return;
    }
    if (index < c->rows_cap) {
        c->rows[index].line = line;
        c->rows[index].auto_seq = def.seq == 0;
    }
    add_row_targets(c, index);
}

/* Every row with something in it: the header first (after any title rows), the years under a
 * 目标值 heading if it has them, then data. */
static void on_table_row(zb_csv_reader *r)
{
    csv_ctx *c = (csv_ctx *)r;
    if (!c->have_header) {
        read_header(c);
        return;
    }
    if (c->sub_pending) {
        int sub = read_sub_header(c);
        if (c->r.status)
            return;
        finish_header(c);
        if (sub || c->r.status)
            return;
    }
    read_data_row(c);
}

static void ctx_free(csv_ctx *c)
{
    zb_csv_reader_free(&c->r);
    for (size_t i = 0; c->heads && i < c->ncols; i++)
        free(c->heads[i]);
    free(c->heads);
    free(c->kinds);
    free(c->years);
    free(c->preamble_text);
    free(c->category);
    free(c->rows);
    zb_buf_free(&c->where);
    zb_buf_free(&c->units);
    zb_buf_free(&c->notes);
    zb_plan_free(c->tmp);
}

zb_status zb_csv_load_string(zb_plan *plan, const char *text, size_t len, const char *name,
                             const zb_csv_options *options)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!name)
        name = "<string>";
    if (!text && len)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "%s: no text given", name);
    if (!text)
        text = "";
    char delim = options ? options->delimiter : 0;
    unsigned char d = (unsigned char)delim;
    if (d && (d == '"' || d == '\r' || d == '\n' || d >= 0x80))
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT,
                            "%s: delimiter 0x%02X cannot be used: not a quote, a line end or a non-ASCII byte",
                            name, (unsigned)d);

    csv_ctx c;
    memset(&c, 0, sizeof c);
    c.r.name = name;
    c.r.delim = delim;
    c.r.on_row = on_table_row;
    c.tmp = zb_plan_new();
    if (!c.tmp)
        return zb_plan_fail(plan, ZB_ERR_NOMEM, "%s: out of memory reading the table", name);
    /* zb_csv_read() checks the whole text before it splits it; its fields are pieces of it.
     * Sources also hold the name, which is the caller's. */
    zb_plan_set_text_checked(c.tmp, zb_utf8_check(name, strlen(name)) == strlen(name));
    /* A row per line, roughly: room made at once for a large table, no more than a row per
     * 32 bytes (a row of an indicator table is longer), so that a file of short lines does
     * not make the plan reserve more than a few times its size. */
    if (len >= 65536) {
        size_t lines = 0;
        for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
            lines++;
        size_t rows = lines < len / 32 ? lines : len / 32;
        if (zb_plan_reserve(c.tmp, rows, 0) == 0)
            zb_grow((void **)&c.rows, &c.rows_cap, rows, sizeof *c.rows);
    }

    zb_csv_read(&c.r, text, len);
    if (!c.r.status && c.sub_pending)
        finish_header(&c); /* a header over nothing but a 目标值 heading's years */
    if (!c.r.status && !c.have_header) {
        if (c.preamble_text) {
            char ex[192];
            zb_csv_fail(&c.r, ZB_ERR_SCHEMA,
                 "%s: no header row naming the columns; line %zu holds only \"%s\"; the columns "
                 "are " ACCEPTED_COLUMNS "; a notice's text is no table: zhibiao import (zb_import_text) "
                 "makes a plan of it",
                 name, c.preamble_line, zb_csv_excerpt(c.preamble_text, ex, sizeof ex));
        } else {
            zb_csv_fail(&c.r, ZB_ERR_SCHEMA,
                 "%s: empty file: expected a header row naming the columns, e.g. "
                 "序号,类别,指标名称,计量单位,目标值,责任单位",
                 name);
        }
    }
    /* Years before the table: setting them is the only step that can fail, and a failed
     * load must leave the plan as it was. */
    if (!c.r.status && zb_plan_first_year(c.tmp) && !zb_plan_first_year(plan)) {
        zb_status st = zb_plan_set_years(plan, zb_plan_first_year(c.tmp), zb_plan_last_year(c.tmp));
        if (st)
            zb_csv_fail(&c.r, st, "%s: cannot set the plan's years: %s", name, zb_errmsg(plan));
    }
    if (c.r.status) {
        zb_status st = c.r.status;
        zb_plan_fail(plan, st, "%s", c.r.msg);
        ctx_free(&c);
        return st;
    }
    zb_plan_move_table(plan, c.tmp);
    zb_plan_clear_error(plan);
    ctx_free(&c);
    return ZB_OK;
}

zb_status zb_csv_load(zb_plan *plan, const char *path, const zb_csv_options *options)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!path)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "no CSV path given");
    char *text = NULL;
    size_t len = 0;
    zb_error err;
    zb_status st = zb_read_file(path, &text, &len, &err);
    if (st)
        return zb_plan_fail(plan, st, "%s", err.message);
    st = zb_csv_load_string(plan, text, len, path, options);
    free(text);
    return st;
}

/* ---- tables read by other readers ------------------------------------------------------ */

int zb_csv_header_kind(const char *cell, int *first, int *last)
{
    int a = 0, b = 0;
    col_kind k = cell_kind(cell, &a, &b);
    if (first)
        *first = a;
    if (last)
        *last = b;
    switch (k) {
    case COL_EMPTY: return ZB_CSVH_EMPTY;
    case COL_SEQ: return ZB_CSVH_SEQ;
    case COL_CATEGORY: return ZB_CSVH_CATEGORY;
    case COL_NAME: return ZB_CSVH_NAME;
    case COL_UNIT: return ZB_CSVH_UNIT;
    case COL_TARGET: return ZB_CSVH_TARGET;
    case COL_BASE: return ZB_CSVH_BASE;
    case COL_ATTRIBUTE: return ZB_CSVH_ATTRIBUTE;
    case COL_KIND: return ZB_CSVH_KIND;
    case COL_DIRECTION: return ZB_CSVH_DIRECTION;
    case COL_WEIGHT: return ZB_CSVH_WEIGHT;
    case COL_RESPONSIBLE: return ZB_CSVH_RESPONSIBLE;
    case COL_NOTE: return ZB_CSVH_NOTE;
    case COL_YEAR: return ZB_CSVH_YEAR;
    default: return ZB_CSVH_UNKNOWN;
    }
}

zb_status zb_csv_load_rows(zb_plan *plan, const char *name, char *const *const *rows, const size_t *ncells,
                           const size_t *lines, size_t nrows)
{
    if (!plan || !name)
        return ZB_ERR_ARGUMENT;
    if (zb_plan_indicator_count(plan) || zb_plan_category_count(plan))
        return zb_plan_fail(plan, ZB_ERR_DUPLICATE, "%s: the plan has a table already", name);
    csv_ctx c;
    memset(&c, 0, sizeof c);
    c.r.name = name;
    c.r.delim = '\t';
    c.r.on_row = on_table_row;
    c.tmp = zb_plan_new();
    if (!c.tmp)
        return zb_plan_fail(plan, ZB_ERR_NOMEM, "%s: out of memory reading the table", name);
    for (size_t r = 0; r < nrows && !c.r.status; r++) {
        /* Each row as the reader hands it over: trimmed copies. */
        if (zb_grow((void **)&c.r.cells, &c.r.cells_cap, ncells[r] + 1, sizeof *c.r.cells)) {
            zb_csv_fail_nomem(&c.r);
            break;
        }
        c.r.ncells = 0;
        int empty = 1;
        for (size_t k = 0; k < ncells[r]; k++) {
            const char *cell = rows[r][k] ? rows[r][k] : "";
            char *copy = zb_strdup(cell);
            if (!copy) {
                zb_csv_fail_nomem(&c.r);
                break;
            }
            c.r.cells[c.r.ncells++] = copy;
            empty &= !copy[0];
        }
        c.r.row_line = lines[r];
        if (!c.r.status && !empty)
            on_table_row(&c.r);
        for (size_t k = 0; k < c.r.ncells; k++)
            free(c.r.cells[k]);
        c.r.ncells = 0;
    }
    if (!c.r.status && c.sub_pending)
        finish_header(&c);
    if (!c.r.status && !c.have_header)
        zb_csv_fail(&c.r, ZB_ERR_SCHEMA, "%s: no header row naming the columns", name);
    if (!c.r.status && !zb_plan_indicator_count(c.tmp))
        zb_csv_fail(&c.r, ZB_ERR_SCHEMA, "%s: a header and no rows", name);
    if (!c.r.status && zb_plan_first_year(c.tmp) && !zb_plan_first_year(plan)) {
        zb_status st = zb_plan_set_years(plan, zb_plan_first_year(c.tmp), zb_plan_last_year(c.tmp));
        if (st)
            zb_csv_fail(&c.r, st, "%s: cannot set the plan's years: %s", name, zb_errmsg(plan));
    }
    if (c.r.status) {
        zb_status st = c.r.status;
        zb_plan_fail(plan, st, "%s", c.r.msg);
        ctx_free(&c);
        return st;
    }
    zb_plan_move_table(plan, c.tmp);
    zb_plan_clear_error(plan);
    ctx_free(&c);
    return ZB_OK;
}
