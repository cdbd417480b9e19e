/* Write the responsibility breakdown (责任分解表): who leads and who supports each task and
 * indicator, with a sheet per unit. */
#include <stdio.h>

#include "zhibiao.h"

int main(void)
{
    zb_plan *plan = zb_plan_new();
    zb_plan_set_meta(plan, ZB_META_TITLE, "某县2025年制造业工作要点");
    zb_plan_add_unit(plan, "县经信局", NULL);
    zb_plan_add_unit(plan, "县发改局", NULL);
    zb_plan_add_unit(plan, "县科技局", NULL);

    const char *headings[] = {"二、重点任务", "(一)培育优质企业"};
    zb_task_def task = {0};
    task.number = "1";
    task.headings = headings;
    task.heading_count = 2;
    task.title = "促进中小企业专精特新发展";
    size_t t;
    zb_plan_add_task(plan, &task, &t);
    /* The first unit named leads; the rest cooperate. */
    zb_plan_add_task_duty(plan, t, "新增专精特新中小企业15家以上。", "县经信局、县科技局", NULL);
    zb_plan_add_task_duty(plan, t, "新增“小升规”企业60家。", "县经信局、县发改局", "各乡镇（街道）配合");

    zb_indicator_def ind = {0};
    ind.category = "企业培育";
    ind.name = "新增“小升规”企业(家)";
    ind.target = "60";
    ind.responsible = "县经信局、县发改局";
    zb_plan_add_indicator(plan, &ind, NULL);

    zb_error err;
    int rc = 0;
    if (zb_xlsx_write_breakdown(plan, "example-breakdown.xlsx", NULL, &err) != ZB_OK) {
        fprintf(stderr, "%s\n", err.message);
        rc = 1;
    } else {
        printf("wrote example-breakdown.xlsx: %zu tasks, %zu units\n", zb_plan_task_count(plan),
               zb_plan_unit_count(plan));
    }
    zb_plan_free(plan);
    return rc;
}
