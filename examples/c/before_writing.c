/* What to check before a document goes out, as the command line and the Python binding do:
 * zb_plan_validate_opt() for the bulletin about to be written (it needs an issuing organ;
 * a month nobody reported and a year-to-date total that falls are warnings), then the
 * assessment's scores row by row with zb_xlsx_assessment_score(). */
#include <stdio.h>
#include <string.h>

#include "zhibiao.h"

static size_t report(const zb_plan *plan, zb_document_kind document, const char *period)
{
    zb_validate_options vo = {0};
    vo.document = document;
    vo.actuals = 1;
    vo.period = period;
    zb_findings *f = NULL;
    if (zb_plan_validate_opt(plan, &vo, &f) != ZB_OK)
        return 1;
    /* The plan's own warnings (units missing from the list, …) are `zhibiao check`'s to list;
     * here what the document and the actuals add. */
    size_t others = 0;
    for (size_t i = 0; i < zb_findings_count(f); i++) {
        if (zb_findings_severity(f, i) < ZB_SEV_WARNING)
            continue;
        if (strcmp(zb_findings_code(f, i), "unknown-unit") == 0) {
            others++;
            continue;
        }
        printf("  %s: %s [%s]\n", zb_findings_location(f, i), zb_findings_message(f, i), zb_findings_code(f, i));
    }
    if (others)
        printf("  (and %zu units missing from the unit list)\n", others);
    size_t errors = zb_findings_error_count(f);
    zb_findings_free(f);
    return errors;
}

int main(int argc, char **argv)
{
    const char *data = argc > 1 ? argv[1] : "examples/data";
    char path[4096];
    zb_plan *plan = zb_plan_new();
    snprintf(path, sizeof path, "%s/tonglu-2024.json", data);
    zb_status st = zb_json_load(plan, path);
    snprintf(path, sizeof path, "%s/tonglu-2024-actuals.csv", data);
    if (st == ZB_OK)
        st = zb_csv_load_actuals(plan, path, NULL);
    if (st != ZB_OK) {
        fprintf(stderr, "%s\n", zb_errmsg(plan));
        zb_plan_free(plan);
        return 1;
    }
    /* June was reported; July not yet: the bulletin would say 未报送 for every row. */
    const char *months[] = {"2024-06", "2024-07"};
    for (int k = 0; k < 2; k++) {
        printf("bulletin at %s:\n", months[k]);
        size_t errors = report(plan, ZB_DOCUMENT_BULLETIN, months[k]);
        printf("  %zu errors: %s\n", errors, errors ? "not written" : "ready to write");
    }
    /* Without an issuing organ there is no red header: an error, so nothing is written. */
    char organ[256];
    snprintf(organ, sizeof organ, "%s", zb_plan_meta(plan, ZB_META_ORGAN));
    zb_plan_set_meta(plan, ZB_META_ORGAN, NULL);
    printf("bulletin at 2024-06 without an organ:\n");
    size_t errors = report(plan, ZB_DOCUMENT_BULLETIN, "2024-06");
    printf("  %zu error%s: %s\n", errors, errors == 1 ? "" : "s", errors ? "not written" : "ready to write");
    zb_plan_set_meta(plan, ZB_META_ORGAN, organ);

    /* The year-end scores, as the assessment workbook gives them. */
    zb_progress *pr = NULL;
    zb_assessment_options ao = {0};
    ao.scoring = ZB_SCORING_ALL_OR_NOTHING;
    if (zb_progress_evaluate(plan, "2024-12", NULL, &pr, NULL) == ZB_OK) {
        double total = 0, weights = 0;
        for (size_t i = 0; i < zb_progress_count(pr); i++) {
            total += zb_xlsx_assessment_score(plan, pr, i, &ao);
            weights += zb_plan_indicator_weight(plan, zb_progress_indicator(pr, i));
        }
        printf("2024 assessment (all or nothing): %.1f of %.0f points\n", total, weights);
        zb_progress_free(pr);
    }
    zb_plan_free(plan);
    return 0;
}
