/* Load a plan from JSON, validate it, and print what the check finds. */
#include <stdio.h>

#include "zhibiao.h"

int main(int argc, char **argv)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tonglu-2024.json", argc > 1 ? argv[1] : "examples/data");

    zb_plan *plan = zb_plan_new();
    if (zb_json_load(plan, path) != ZB_OK) {
        /* The message names file:line:column and what is wrong. */
        fprintf(stderr, "%s\n", zb_errmsg(plan));
        zb_plan_free(plan);
        return 1;
    }
    zb_findings *findings = NULL;
    zb_plan_validate(plan, &findings);
    for (size_t i = 0; i < zb_findings_count(findings); i++)
        printf("%s: %s [%s]\n", zb_findings_location(findings, i), zb_findings_message(findings, i),
               zb_findings_code(findings, i));
    printf("%zu indicators, %zu findings, %zu errors\n", zb_plan_indicator_count(plan),
           zb_findings_count(findings), zb_findings_error_count(findings));
    int rc = zb_findings_error_count(findings) ? 1 : 0;
    zb_findings_free(findings);
    zb_plan_free(plan);
    return rc;
}
