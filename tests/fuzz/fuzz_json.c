/* libFuzzer target for the zhibiao/1 loader: no input may crash it, every refusal must be
 * a located, valid UTF-8 message, and every plan it accepts must survive dump and reload
 * unchanged (the second dump is the same bytes as the first).
 *
 * Run: fuzz_json -max_total_time=30 -dict=tests/fuzz/fuzz_json.dict SCRATCH tests/data/bad examples/data
 * where SCRATCH is an empty folder: libFuzzer writes the inputs it finds into the first one. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "zhibiao/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *dump_or_die(const zb_plan *plan, size_t *len)
{
    char *out = NULL;
    if (zb_json_dump(plan, &out, len, NULL) != ZB_OK)
        abort();
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zb_plan *plan = zb_plan_new();
    if (!plan)
        return 0;
    zb_status st = zb_json_load_string(plan, (const char *)data, size, "fuzz.json");
    if (st != ZB_OK) {
        const char *msg = zb_errmsg(plan);
        size_t n = strlen(msg);
        if (st != ZB_ERR_NOMEM && strncmp(msg, "fuzz.json:", 10) != 0)
            abort();
        if (zb_utf8_check(msg, n) != n)
            abort();
        zb_plan_free(plan);
        return 0;
    }
    size_t len, len2;
    char *text = dump_or_die(plan, &len);
    zb_plan *copy = zb_plan_new();
    if (!copy)
        abort();
    if (zb_json_load_string(copy, text, len, "dump.json") != ZB_OK)
        abort();
    char *again = dump_or_die(copy, &len2);
    if (len != len2 || memcmp(text, again, len) != 0)
        abort();
    zb_free(again);
    zb_free(text);
    zb_plan_free(copy);
    zb_plan_free(plan);
    return 0;
}
