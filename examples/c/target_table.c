/* Build a plan in code and write its target table (目标体系表) as an Excel workbook. */
#include <stdio.h>

#include "zhibiao.h"

int main(void)
{
    zb_plan *plan = zb_plan_new();
    zb_plan_set_meta(plan, ZB_META_TITLE, "某县制造业高质量发展2025年工作要点");
    zb_plan_set_meta(plan, ZB_META_ORGAN, "某县经济和信息化局");
    zb_plan_set_date(plan, ZB_DATE_ISSUED, (zb_date){2025, 3, 1});
    zb_plan_set_years(plan, 2025, 2025);
    zb_plan_add_unit(plan, "县经信局", "某县经济和信息化局");
    zb_plan_add_unit(plan, "县发改局", NULL);

    /* Zeroed fields mean defaults: the unit comes from the name's last (…), the kind from
     * words such as 增速, the qualifier from 以上 in the target. */
    zb_indicator_def rows[] = {
        {.category = "牵引性指标", .name = "规上工业增加值增速(%)", .target = "7以上", .responsible = "县经信局"},
        {.category = "牵引性指标", .name = "制造业投资(亿元)", .target = "30", .responsible = "县发改局、县经信局"},
        {.category = "企业培育", .name = "新增“小升规”企业(家)", .target = "50", .responsible = "县经信局"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (zb_plan_add_indicator(plan, &rows[i], NULL) != ZB_OK) {
            fprintf(stderr, "%s\n", zb_errmsg(plan));
            return 1;
        }
    }

    zb_table_options opts = {0};
    opts.label = "附件1";
    zb_error err;
    if (zb_xlsx_write_target_table(plan, "example-targets.xlsx", &opts, &err) != ZB_OK) {
        fprintf(stderr, "%s\n", err.message);
        zb_plan_free(plan);
        return 1;
    }
    printf("wrote example-targets.xlsx: %zu indicators, kind of #1 is %s\n", zb_plan_indicator_count(plan),
           zb_plan_indicator_kind(plan, 0) == ZB_KIND_RATE ? "rate" : "other");
    zb_plan_free(plan);
    return 0;
}
