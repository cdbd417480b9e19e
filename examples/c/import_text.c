/* Read a plan as a government website publishes it (text copied from the page), list what
 * could not be placed, check it, and save it as a zhibiao/1 JSON plan. */
#include <stdio.h>

#include "zhibiao.h"

int main(int argc, char **argv)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/published-plan.txt", argc > 1 ? argv[1] : "examples/data");

    zb_plan *plan = zb_plan_new();
    zb_findings *report = NULL;
    zb_status st = zb_import_text(plan, path, NULL, &report);
    for (size_t i = 0; i < zb_findings_count(report); i++)
        if (zb_findings_severity(report, i) >= ZB_SEV_WARNING)
            printf("%s: %s\n", zb_findings_location(report, i), zb_findings_message(report, i));
    zb_findings_free(report);
    if (st != ZB_OK) {
        fprintf(stderr, "%s\n", zb_errmsg(plan));
        zb_plan_free(plan);
        return 1;
    }
    printf("%s: %zu tasks, %zu indicators, %zu targets in the prose\n", zb_plan_meta(plan, ZB_META_TITLE),
           zb_plan_task_count(plan), zb_plan_indicator_count(plan), zb_plan_prose_target_count(plan));
    for (size_t t = 0; t < zb_plan_task_count(plan); t++)
        for (size_t d = 0; d < zb_plan_task_duty_count(plan, t); d++)
            printf("  task %s: lead %s\n", zb_plan_task_number(plan, t),
                   zb_plan_task_duty_responsible(plan, t, d, 0));

    zb_findings *findings = NULL;
    zb_plan_validate(plan, &findings);
    printf("check: %zu findings, %zu errors\n", zb_findings_count(findings), zb_findings_error_count(findings));
    zb_findings_free(findings);

    zb_error err;
    int rc = zb_json_save(plan, "published-plan.json", &err) == ZB_OK ? 0 : 1;
    if (rc)
        fprintf(stderr, "%s\n", err.message);
    zb_plan_free(plan);
    return rc;
}
