/* What published tables hold beyond a number per row: a unit column, 属性, a base value,
 * a target per year, qualitative targets, caps and stated changes. Builds such a plan in code,
 * writes its target table, and judges June's actuals by the rules of docs/progress.md. */
#include <stdio.h>

#include "zhibiao.h"

int main(void)
{
    zb_plan *plan = zb_plan_new();
    zb_plan_set_years(plan, 2025, 2026);
    const zb_indicator_def defs[] = {
        {.seq = 1, .name = "规上工业亩均税收", .unit = "万元/亩", .attribute = ZB_ATTR_ANTICIPATORY,
         .base = "28.5", .base_year = 2024, .target = "30", .target_year = 2025},
        {.seq = 2, .name = "单位工业增加值能耗", .unit = "吨标煤/万元", .attribute = ZB_ATTR_BINDING,
         .base = "0.5", .base_year = 2024, .target = "下降3%", .target_year = 2025},
        {.seq = 3, .name = "淘汰落后产能企业", .unit = "家", .target = "≤10", .target_year = 2025},
        {.seq = 4, .name = "工业用水重复利用率", .unit = "%", .target = "完成市下达任务", .target_year = 2025},
    };
    for (size_t k = 0; k < sizeof defs / sizeof defs[0]; k++)
        if (zb_plan_add_indicator(plan, &defs[k], NULL) != ZB_OK)
            fprintf(stderr, "%s\n", zb_errmsg(plan));
    /* The 2026 column: one more target per indicator. */
    zb_plan_indicator_set_target(plan, 0, 2026, "32", ZB_QUAL_AUTO);
    zb_plan_indicator_set_target(plan, 1, 2026, "下降5%", ZB_QUAL_AUTO);
    zb_plan_indicator_set_weight(plan, 2, 5);

    zb_plan_add_actual(plan, 1, "2025-06", 29, NULL);
    zb_plan_add_actual(plan, 2, "2025-06", 0.48, NULL);
    zb_plan_add_actual(plan, 3, "2025-06", 6, NULL);

    zb_error err;
    zb_progress *p = NULL;
    if (zb_xlsx_write_target_table(plan, "real-table.xlsx", NULL, &err) != ZB_OK ||
        zb_progress_evaluate(plan, "2025-06", NULL, &p, &err) != ZB_OK) {
        fprintf(stderr, "%s\n", err.message);
        zb_plan_free(plan);
        return 1;
    }
    for (size_t i = 0; i < zb_progress_count(p); i++)
        printf("%d %s [%d年 %s] %s: %s\n", zb_progress_seq(p, i), zb_plan_indicator_name(plan, i),
               zb_progress_target_year(p, i), zb_progress_target_text(p, i),
               zb_standing_label(zb_progress_standing(p, i)), zb_progress_explain(p, i));
    zb_progress_free(p);
    zb_plan_free(plan);
    return 0;
}
