/* libFuzzer target for the CSV import: any bytes, with or without a delimiter option, must
 * give a status and a message, never a crash or a leak; a table that loads must validate
 * and survive a JSON round trip. */
#include <stddef.h>
#include <stdint.h>

#include "zhibiao/csv.h"
#include "zhibiao/json.h"
#include "zhibiao/plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The first byte picks the options, so that forced delimiters are explored too. */
    zb_csv_options opts = {0};
    const zb_csv_options *o = NULL;
    if (size > 0 && (data[0] & 0x80)) {
        static const char delims[] = {',', '\t', ';', '|', ' ', '"', '\n', 0};
        opts.delimiter = delims[data[0] & 7];
        o = &opts;
        data++;
        size--;
    }
    zb_plan *plan = zb_plan_new();
    if (!plan)
        return 0;
    zb_status st = zb_csv_load_string(plan, (const char *)data, size, "fuzz.csv", o);
    if (st == ZB_OK) {
        zb_findings *f = NULL;
        if (zb_plan_validate(plan, &f) == ZB_OK)
            zb_findings_free(f);
        /* What a table loads as, the JSON format holds: it saves and loads back. */
        char *json = NULL;
        size_t len = 0;
        if (zb_json_dump(plan, &json, &len, NULL) == ZB_OK) {
            zb_plan *again = zb_plan_new();
            if (again && zb_json_load_string(again, json, len, "dump") != ZB_OK)
                __builtin_trap();
            zb_plan_free(again);
            zb_free(json);
        }
    } else if (!zb_errmsg(plan)[0]) {
        __builtin_trap(); /* every failure explains itself */
    }
    zb_plan_free(plan);
    return 0;
}
