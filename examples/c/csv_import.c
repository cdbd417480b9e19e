/* Read an indicator table kept as CSV (the way analysts keep it in Excel), save it as a
 * zhibiao/1 JSON plan and write its target table. */
#include <stdio.h>

#include "zhibiao.h"

int main(int argc, char **argv)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/indicators.csv", argc > 1 ? argv[1] : "examples/data");

    zb_plan *plan = zb_plan_new();
    if (zb_csv_load(plan, path, NULL) != ZB_OK) {
        fprintf(stderr, "%s\n", zb_errmsg(plan));
        zb_plan_free(plan);
        return 1;
    }
    /* The 2025年目标值 header gave the plan its year. */
    printf("%zu indicators in %zu categories for %d\n", zb_plan_indicator_count(plan),
           zb_plan_category_count(plan), zb_plan_first_year(plan));
    for (size_t i = 0; i < zb_plan_indicator_count(plan); i++)
        printf("  %d %s: %s (lead %s)\n", zb_plan_indicator_seq(plan, i), zb_plan_indicator_name(plan, i),
               zb_plan_indicator_target_text(plan, i), zb_plan_indicator_lead(plan, i));

    zb_error err;
    if (zb_json_save(plan, "indicators.json", &err) != ZB_OK ||
        zb_xlsx_write_target_table(plan, "indicators.xlsx", NULL, &err) != ZB_OK) {
        fprintf(stderr, "%s\n", err.message);
        zb_plan_free(plan);
        return 1;
    }
    zb_plan_free(plan);
    return 0;
}
