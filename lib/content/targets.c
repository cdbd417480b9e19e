/* The target table (目标体系表) of a plan as table content: 序号, 类别 (merged over its
 * group), 指标名称, the years' 目标值 and 责任单位, the way the plan's attachment prints it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content_internal.h"

enum { TARGET_COLUMNS = 5 };

/* 目标值 is wide enough for "2024年目标值" and "2021—2023年" on one line each. */
static const double target_fracs[TARGET_COLUMNS] = {0.07, 0.15, 0.34, 0.20, 0.24};
static const int target_center[TARGET_COLUMNS] = {1, 1, 0, 1, 1};
static const char *const target_where[TARGET_COLUMNS] = {"", " category", " name", " target",
                                                         " responsible units"};

void zb_targets_table_free(zb_targets_table *t)
{
    free(t->rows);
    free(t->cells);
    zb_owned_free(&t->strings);
    memset(t, 0, sizeof *t);
}

int zb_targets_table_build(const zb_plan *plan, zb_targets_table *t)
{
    memset(t, 0, sizeof *t);
    size_t n = zb_plan_indicator_count(plan);
    /* Row 0 of cells is the header. */
    t->rows = calloc(n ? n : 1, sizeof *t->rows);
    t->cells = calloc((n + 1) * TARGET_COLUMNS, sizeof *t->cells);
    if (!t->rows || !t->cells)
        goto fail;

    zb_buf buf = {0};
    int first = zb_plan_first_year(plan), last = zb_plan_last_year(plan);
    /* A span of years goes on a line of its own: 2021—2023年 / 目标值. */
    if (first > 0 && last > first)
        zb_buf_addf(&buf, "%d—%d年\n", first, last);
    else if (first > 0)
        zb_buf_addf(&buf, "%d年", first);
    zb_buf_adds(&buf, "目标值");
    const char **head = t->cells;
    head[0] = "序号";
    head[1] = "类别";
    head[2] = "指标名称";
    head[4] = "责任单位";
    if (!(head[3] = zb_own(&t->strings, &buf)))
        goto fail;

    size_t group = 0;
    for (size_t i = 0; i < n; i++) {
        const char **cells = t->cells + (i + 1) * TARGET_COLUMNS;
        int seq = zb_plan_indicator_seq(plan, i);
        size_t cat = zb_plan_indicator_category(plan, i);
        if (i > 0 && (cat == ZB_NONE || cat != zb_plan_indicator_category(plan, i - 1)))
            group++;
        const char *cat_name = cat != ZB_NONE ? zb_plan_category_name(plan, cat) : "";
        zb_buf_addf(&buf, "%d", seq);
        cells[0] = zb_own(&t->strings, &buf);
        cells[1] = cat_name ? cat_name : "";
        cells[2] = zb_plan_indicator_name(plan, i);
        cells[3] = zb_plan_indicator_target_text(plan, i);
        size_t nu = zb_plan_indicator_responsible_count(plan, i);
        for (size_t j = 0; j < nu; j++) {
            if (j)
                zb_buf_adds(&buf, "、");
            zb_buf_adds(&buf, zb_plan_indicator_responsible(plan, i, j));
        }
        cells[4] = zb_own(&t->strings, &buf);
        zb_buf_addf(&buf, "indicator %d", seq);
        t->rows[i].where = zb_own(&t->strings, &buf);
        if (!cells[0] || !cells[4] || !t->rows[i].where)
            goto fail;
        t->rows[i].cells = cells;
        t->rows[i].group = group;
    }

    zb_table_content *c = &t->content;
    c->spec.columns = TARGET_COLUMNS;
    c->spec.fracs = target_fracs;
    c->spec.center = target_center;
    c->spec.merge_col = 1;
    c->header = t->cells;
    c->where_suffix = target_where;
    c->rows = t->rows;
    c->row_count = n;
    return 0;
fail:
    zb_targets_table_free(t);
    return -1;
}
