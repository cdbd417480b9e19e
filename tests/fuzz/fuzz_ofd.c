/* libFuzzer target for the OFD writer: a zhibiao/1 plan in, the notice (and, when the plan
 * has a year, its June bulletin) written as OFD to memory. No input may crash it; a refusal
 * must be a non-empty, valid UTF-8 message; what it writes must be a zip that libzip opens
 * with its consistency checks, every part read back whole (CRCs checked), and every XML part
 * valid UTF-8 without a character XML 1.0 cannot hold.
 *
 * Run: fuzz_ofd -max_total_time=30 SCRATCH tests/fuzz/corpus/ofd examples/data */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/internal.h"
#include "zhibiao.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Loaded once: every write reads it, as a server's would. */
static zb_fontset *fonts;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fonts = zb_fontset_new();
    if (!fonts || zb_fontset_load_defaults(fonts) != ZB_OK)
        abort();
    return 0;
}

static void check_message(const zb_error *err)
{
    size_t n = strlen(err->message);
    if (n == 0 || zb_utf8_check(err->message, n) != n)
        abort();
}

static int is_xml(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static void check_package(const char *data, size_t len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    if (!src)
        abort();
    zip_t *za = zip_open_from_source(src, ZIP_CHECKCONS | ZIP_RDONLY, &ze);
    if (!za)
        abort();
    zip_int64_t n = zip_get_num_entries(za, 0);
    if (n < 5 || strcmp(zip_get_name(za, 0, 0), "OFD.xml") != 0)
        abort();
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t st;
        if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) != 0)
            abort();
        char *buf = malloc(st.size ? st.size : 1);
        zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)i, 0);
        if (!buf || !f || zip_fread(f, buf, st.size) != (zip_int64_t)st.size || zip_fclose(f) != 0)
            abort();
        if (is_xml(st.name)) {
            if (zb_utf8_check(buf, st.size) != st.size)
                abort();
            for (size_t k = 0; k < st.size; k++) {
                unsigned char c = (unsigned char)buf[k];
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    abort();
            }
        }
        free(buf);
    }
    zip_close(za);
    zip_error_fini(&ze);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zb_plan *plan = zb_plan_new();
    if (!plan)
        return 0;
    if (zb_json_load_string(plan, (const char *)data, size, "fuzz.json") != ZB_OK) {
        zb_plan_free(plan);
        return 0;
    }
    zb_error err;
    char *out = NULL;
    size_t len = 0;
    zb_status st = zb_ofd_notice_to_buffer(plan, fonts, NULL, &out, &len, NULL, &err);
    if (st == ZB_OK)
        check_package(out, len);
    else if (out || len)
        abort();
    else
        check_message(&err);
    zb_free(out);

    int year = zb_plan_first_year(plan);
    if (year > 0) {
        char period[16];
        snprintf(period, sizeof period, "%04d-06", year % 10000);
        out = NULL;
        len = 0;
        st = zb_ofd_bulletin_to_buffer(plan, fonts, period, NULL, &out, &len, NULL, &err);
        if (st == ZB_OK)
            check_package(out, len);
        else
            check_message(&err);
        zb_free(out);
    }
    zb_plan_free(plan);
    return 0;
}
