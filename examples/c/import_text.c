/* Read a plan as published (text copied from a government site, a Word file or a PDF), list
 * what could not be placed or looks misread, print the importer's verdict, check the plan and
 * save it as a zhibiao/1 JSON plan. */
#include <stdio.h>
#include <string.h>

#include "zhibiao.h"

int main(int argc, char **argv)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/published-plan.txt", argc > 1 ? argv[1] : "examples/data");

    zb_plan *plan = zb_plan_new();
    zb_findings *report = NULL;
    zb_status st = zb_import_text(plan, path, NULL, &report);
    for (size_t i = 0; i < zb_findings_count(report); i++) {
        const char *code = zb_findings_code(report, i);
        /* Warnings say what could not be read; the summary and the verdict close the report. */
        if (zb_findings_severity(report, i) >= ZB_SEV_WARNING || strcmp(code, "summary") == 0 ||
            strcmp(code, "verdict") == 0)
            printf("%s: %s [%s]\n", zb_findings_location(report, i), zb_findings_message(report, i), code);
    }
    zb_findings_free(report);
    if (st != ZB_OK) {
        fprintf(stderr, "%s\n", zb_errmsg(plan));
        zb_plan_free(plan);
        return 1;
    }
    printf("%s: %zu tasks, %zu indicators, %zu targets in the prose\n", zb_plan_meta(plan, ZB_META_TITLE),
           zb_plan_task_count(plan), zb_plan_indicator_count(plan), zb_plan_prose_target_count(plan));
    for (size_t t = 0; t < zb_plan_task_count(plan); t++) {
        for (size_t d = 0; d < zb_plan_task_duty_count(plan, t); d++) {
            /* An item may have several leads (牵头单位：A、B); the rest cooperate. */
            size_t leads = zb_plan_task_duty_lead_count(plan, t, d), n = zb_plan_task_duty_responsible_count(plan, t, d);
            printf("  task %s:", zb_plan_task_number(plan, t));
            for (size_t k = 0; k < n; k++)
                printf(" %s%s", zb_plan_task_duty_responsible(plan, t, d, k), k < leads ? " (lead)" : "");
            printf("\n");
        }
    }

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
