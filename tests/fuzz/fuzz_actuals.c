/* libFuzzer target: period actuals as CSV, loaded into a small plan and evaluated. A load
 * either adds every row or none; an evaluation never fails on loaded data. */
#include <stdint.h>
#include <stdlib.h>

#include "zhibiao.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zb_plan *plan = zb_plan_new();
    if (!plan)
        return 0;
    static const char *const names[] = {"新增企业(家)", "增加值增速(%)", "研发投入占比(%)", "单位能耗(吨标煤/万元)"};
    static const char *const targets[] = {"62", "6.5左右", "3.5以上", "0.45以下"};
    zb_plan_set_years(plan, 2024, 2024);
    for (int i = 0; i < 4; i++) {
        zb_indicator_def d = {0};
        d.name = names[i];
        d.target = targets[i];
        d.responsible = "县经信局";
        zb_plan_add_indicator(plan, &d, NULL);
    }
    zb_status st = zb_csv_load_actuals_string(plan, (const char *)data, size, "fuzz.csv", NULL);
    if (st != ZB_OK && zb_plan_actual_count(plan) != 0)
        abort(); /* a failed load must add nothing */
    if (st == ZB_OK) {
        static const char *const periods[] = {"2024-01", "2024-06", "2024-12"};
        for (int p = 0; p < 3; p++) {
            zb_progress *progress = NULL;
            if (zb_progress_evaluate(plan, periods[p], NULL, &progress, NULL) != ZB_OK)
                abort();
            for (size_t i = 0; i < zb_progress_count(progress); i++)
                (void)zb_progress_explain(progress, i);
            zb_progress_free(progress);
        }
    }
    zb_plan_free(plan);
    return 0;
}
