/* libFuzzer target for the text importer: any bytes, strict or not, must give a status and
 * a message (and a report), never a crash or a leak. A plan that imports must validate and
 * survive the JSON round trip byte for byte. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zhibiao/import.h"
#include "zhibiao/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The first byte's top bit picks strict mode. */
    zb_import_options opts = {0};
    if (size > 0 && (data[0] & 0x80)) {
        opts.strict = 1;
        data++;
        size--;
    }
    zb_plan *plan = zb_plan_new();
    if (!plan)
        return 0;
    zb_findings *report = NULL;
    zb_status st = zb_import_text_string(plan, (const char *)data, size, "fuzz.txt", &opts, &report);
    if (!report && st != ZB_ERR_NOMEM)
        __builtin_trap(); /* the report is made even on error */
    zb_findings_free(report);
    if (st != ZB_OK) {
        if (!zb_errmsg(plan)[0])
            __builtin_trap(); /* every failure explains itself */
        zb_plan_free(plan);
        return 0;
    }
    zb_findings *f = NULL;
    if (zb_plan_validate(plan, &f) == ZB_OK)
        zb_findings_free(f);
    char *a = NULL, *b = NULL;
    if (zb_json_dump(plan, &a, NULL, NULL) == ZB_OK) {
        zb_plan *copy = zb_plan_new();
        if (copy) {
            if (zb_json_load_string(copy, a, strlen(a), "dump.json") != ZB_OK)
                __builtin_trap(); /* what we write, we read */
            if (zb_json_dump(copy, &b, NULL, NULL) == ZB_OK && strcmp(a, b) != 0)
                __builtin_trap(); /* …to the same plan */
            zb_free(b);
            zb_plan_free(copy);
        }
        zb_free(a);
    }
    zb_plan_free(plan);
    return 0;
}
