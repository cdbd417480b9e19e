/* The target table (目标体系表) of a plan as table content, the way the plan's attachment
 * prints it: 序号, 类别 (merged over its group), 指标名称, then 计量单位 when a unit was given
 * apart from a name, 属性 and the base value when an indicator has them, a 目标值 per target
 * year, 责任单位, and 备注 when an indicator has a note — the columns of the workbook
 * (lib/xlsx/target_table.c), every cell as written. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content_internal.h"

/* The seed's five columns keep their widths; 目标值 is wide enough for "2024年目标值" and
 * "2021—2023年" on one line each. */
static const double plain_fracs[] = {0.07, 0.15, 0.34, 0.20, 0.24};
/* Otherwise each column has a share and the name what is left, no less than this. */
#define NAME_MIN_FRAC 0.16
/* More columns than the seed's: 五号 type, so that a row of short texts stays on a line. */
#define WIDE_TABLE_SIZE 10.5

enum { F_SEQ, F_CATEGORY, F_NAME, F_UNIT, F_ATTRIBUTE, F_BASE, F_TARGET, F_RESPONSIBLE, F_NOTE };

typedef struct column {
    int field;
    int year;   /* F_TARGET */
    double cap; /* the widest it grows, in characters of the cell type */
    const char *where;
} column;


double zb_text_ems(const char *s)
{
    double best = 0, line = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\n') {
            best = fmax(best, line);
            line = 0;
        } else if (*p >= 0xE0) {
            line += 1;
        } else if (*p < 0x80) {
            line += 0.55;
        } else if (*p < 0xC0) {
            continue; /* a continuation byte */
        } else {
            line += 0.55; /* two-byte characters: Latin, Greek */
        }
    }
    return fmax(best, line);
}

static int squeezes(int field)
{
    return field == F_CATEGORY || field == F_BASE || field == F_TARGET || field == F_RESPONSIBLE || field == F_NOTE;
}

void zb_targets_table_free(zb_targets_table *t)
{
    free(t->rows);
    free(t->cells);
    zb_owned_free(&t->strings);
    memset(t, 0, sizeof *t);
}

static const char *attribute_text(zb_attribute a)
{
    return a == ZB_ATTR_BINDING ? "约束性" : a == ZB_ATTR_ANTICIPATORY ? "预期性" : "";
}

/* The target years of the plan's indicators in order, 0 (tied to no year) first; at most
 * max. Returns how many. */
static size_t target_years(const zb_plan *plan, int *years, size_t max)
{
    size_t n = zb_plan_indicator_count(plan), count = 0;
    for (size_t i = 0; i < n; i++) {
        size_t nt = zb_plan_indicator_target_count(plan, i);
        for (size_t k = 0; k < nt; k++) {
            int y = zb_plan_indicator_target_year(plan, i, k);
            size_t at = 0;
            while (at < count && years[at] < y)
                at++;
            if ((at < count && years[at] == y) || count == max)
                continue;
            memmove(years + at + 1, years + at, (count - at) * sizeof *years);
            years[at] = y;
            count++;
        }
    }
    return count;
}

/* The columns the plan needs, at most ZB_TABLE_COLS_MAX (years beyond that are left out and
 * reported through *dropped). */
static size_t plan_columns(const zb_plan *plan, column *c, int *base_year, size_t *dropped)
{
    size_t n = zb_plan_indicator_count(plan);
    int unit = 0, attribute = 0, base = 0, note = 0;
    *base_year = -1;
    for (size_t i = 0; i < n; i++) {
        unit |= zb_plan_indicator_unit_given(plan, i) && *zb_plan_indicator_unit(plan, i);
        attribute |= zb_plan_indicator_attribute(plan, i) != ZB_ATTR_NONE;
        note |= *zb_plan_indicator_note(plan, i) != '\0';
        if (*zb_plan_indicator_base_text(plan, i)) {
            int y = zb_plan_indicator_base_year(plan, i);
            base = 1;
            *base_year = *base_year == -1 || *base_year == y ? y : 0;
        }
    }
    size_t fixed = 4 + (size_t)unit + (size_t)attribute + (size_t)base + (size_t)note;
    int years[ZB_TABLE_COLS_MAX];
    size_t room = ZB_TABLE_COLS_MAX - fixed;
    int all[64];
    size_t nall = target_years(plan, all, sizeof all / sizeof *all);
    size_t nyears = nall < room ? nall : room;
    *dropped = nall - nyears;
    memcpy(years, all, nyears * sizeof *years);
    if (nyears == 0)
        years[nyears++] = 0; /* one empty 目标值 column */

    size_t k = 0;
    c[k++] = (column){F_SEQ, 0, 2, ""};
    c[k++] = (column){F_CATEGORY, 0, 3, " category"};
    c[k++] = (column){F_NAME, 0, 0, " name"};
    if (unit)
        c[k++] = (column){F_UNIT, 0, 3, " unit"};
    if (attribute)
        c[k++] = (column){F_ATTRIBUTE, 0, 3, " attribute"};
    if (base)
        c[k++] = (column){F_BASE, 0, 4, " base"};
    for (size_t y = 0; y < nyears; y++)
        c[k++] = (column){F_TARGET, years[y], 4, " target"};
    c[k++] = (column){F_RESPONSIBLE, 0, 5, " responsible units"};
    if (note)
        c[k++] = (column){F_NOTE, 0, 4, " note"};
    return k;
}

int zb_targets_table_build(const zb_plan *plan, zb_targets_table *t)
{
    memset(t, 0, sizeof *t);
    column cols[ZB_TABLE_COLS_MAX];
    int base_year;
    size_t dropped;
    size_t nc = plan_columns(plan, cols, &base_year, &dropped);
    if (dropped)
        return -2; /* a page cannot hold a column per year: said, never dropped silently */
    int unit_column = 0;
    for (size_t c = 0; c < nc; c++)
        unit_column |= cols[c].field == F_UNIT;
    int plain = nc == 5;
    size_t n = zb_plan_indicator_count(plan);
    /* Row 0 of cells is the header. */
    t->rows = calloc(n ? n : 1, sizeof *t->rows);
    t->cells = calloc((n + 1) * nc, sizeof *t->cells);
    if (!t->rows || !t->cells)
        goto fail;
    t->columns = nc;


    zb_buf buf = {0};
    int first = zb_plan_first_year(plan), last = zb_plan_last_year(plan);
    int several = 0;
    for (size_t c = 0; c < nc; c++)
        several += cols[c].field == F_TARGET;
    const char **head = t->cells;
    for (size_t c = 0; c < nc; c++) {
        switch (cols[c].field) {
        case F_SEQ: head[c] = "序号"; break;
        case F_CATEGORY: head[c] = "类别"; break;
        case F_NAME: head[c] = "指标名称"; break;
        case F_UNIT: head[c] = "计量单位"; break;
        case F_ATTRIBUTE: head[c] = "属性"; break;
        case F_RESPONSIBLE: head[c] = "责任单位"; break;
        case F_NOTE: head[c] = "备注"; break;
        case F_BASE:
            if (base_year > 0)
                zb_buf_addf(&buf, "%d年\n基期值", base_year);
            else
                zb_buf_adds(&buf, "基期值");
            head[c] = zb_own(&t->strings, &buf);
            break;
        case F_TARGET:
            if (several > 1 && cols[c].year > 0)
                zb_buf_addf(&buf, "%d年\n目标值", cols[c].year);
            else if (several == 1 && first > 0 && last > first) /* a span on a line of its own */
                zb_buf_addf(&buf, "%d—%d年\n目标值", first, last);
            else if (several == 1 && first > 0)
                zb_buf_addf(&buf, "%d年目标值", first);
            else
                zb_buf_adds(&buf, "目标值");
            head[c] = zb_own(&t->strings, &buf);
            break;
        }
        if (!head[c])
            goto fail;
    }

    size_t group = 0;
    for (size_t i = 0; i < n; i++) {
        const char **cells = t->cells + (i + 1) * nc;
        int seq = zb_plan_indicator_seq(plan, i);
        size_t cat = zb_plan_indicator_category(plan, i);
        if (i > 0 && (cat == ZB_NONE || cat != zb_plan_indicator_category(plan, i - 1)))
            group++;
        for (size_t c = 0; c < nc; c++) {
            const char *text = "";
            switch (cols[c].field) {
            case F_SEQ:
                zb_buf_addf(&buf, "%d", seq);
                text = zb_own(&t->strings, &buf);
                break;
            case F_CATEGORY:
                text = cat != ZB_NONE ? zb_plan_category_name(plan, cat) : "";
                break;
            case F_NAME:
                text = unit_column ? zb_plan_indicator_bare_name(plan, i) : zb_plan_indicator_name(plan, i);
                break;
            case F_UNIT: text = zb_plan_indicator_unit(plan, i); break;
            case F_ATTRIBUTE: text = attribute_text(zb_plan_indicator_attribute(plan, i)); break;
            case F_BASE: text = zb_plan_indicator_base_text(plan, i); break;
            case F_TARGET: {
                size_t k = several == 1 ? zb_plan_indicator_primary_target(plan, i)
                                        : zb_plan_indicator_find_target(plan, i, cols[c].year);
                text = k != ZB_NONE ? zb_plan_indicator_target_text_at(plan, i, k) : "";
                break;
            }
            case F_RESPONSIBLE: {
                size_t nu = zb_plan_indicator_responsible_count(plan, i);
                for (size_t j = 0; j < nu; j++) {
                    if (j)
                        zb_buf_adds(&buf, "、");
                    zb_buf_adds(&buf, zb_plan_indicator_responsible(plan, i, j));
                }
                text = zb_own(&t->strings, &buf);
                break;
            }
            case F_NOTE: text = zb_plan_indicator_note(plan, i); break;
            }
            if (!text)
                goto fail;
            cells[c] = text;
        }
        zb_buf_addf(&buf, "indicator %d", seq);
        t->rows[i].where = zb_own(&t->strings, &buf);
        if (!t->rows[i].where)
            goto fail;
        t->rows[i].cells = cells;
        t->rows[i].group = group;
    }

    /* Widths: the seed's; otherwise each column as wide as its longest text needs, up to a
     * cap in characters (a longer text wraps), and the rest to the name. */
    double size = plain || nc <= 6 ? 12.0 : WIDE_TABLE_SIZE;
    double used = 0;
    for (size_t c = 0; c < nc; c++) {
        t->center[c] = cols[c].field != F_NAME && cols[c].field != F_NOTE;
        t->where[c] = cols[c].where;
        if (plain || cols[c].field == F_NAME)
            continue;
        double em = 0;
        for (size_t r = 0; r <= n; r++)
            em = fmax(em, zb_text_ems(t->cells[r * nc + c]));
        em = fmin(fmax(em, 2), cols[c].cap);
        t->fracs[c] = (em * size + 2 * ZB_CELL_PAD_PT) / ZB_TYPE_AREA_PT;
        used += t->fracs[c];
    }
    if (plain) {
        memcpy(t->fracs, plain_fracs, sizeof plain_fracs);
    } else {
        /* Too wide: the columns of longer texts (category, base, targets, units, remarks)
         * give up their share alike and wrap; 序号, 计量单位 and 属性 keep theirs. */
        double squeezable = 0;
        for (size_t c = 0; c < nc; c++)
            if (squeezes(cols[c].field))
                squeezable += t->fracs[c];
        double over = used - (1 - NAME_MIN_FRAC);
        double scale = over > 0 && squeezable > over ? (squeezable - over) / squeezable : 1;
        double rest = 1;
        for (size_t c = 0; c < nc; c++) {
            if (squeezes(cols[c].field))
                t->fracs[c] *= scale;
            rest -= t->fracs[c];
        }
        t->fracs[2] = rest;
    }

    zb_table_content *c = &t->content;
    c->spec.columns = nc;
    c->spec.fracs = t->fracs;
    c->spec.center = t->center;
    c->spec.merge_col = 1;
    c->spec.size = plain || nc <= 6 ? 0 : WIDE_TABLE_SIZE;
    (void)size;
    c->header = t->cells;
    c->where_suffix = t->where;
    c->rows = t->rows;
    c->row_count = n;
    return 0;
fail:
    zb_targets_table_free(t);
    return -1;
}
