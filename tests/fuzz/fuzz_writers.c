/* libFuzzer target for every writer: a zhibiao/1 plan in, each document written to memory —
 * the four workbooks, the notice and the bulletin as PDF, and the plan saved back as JSON.
 * The plan is not validated first: the writers must take, or refuse with a message, whatever
 * a loader accepts. No input may crash a writer; a refusal is a non-empty UTF-8 message and
 * no bytes; a workbook is a zip whose XML parts are UTF-8 without a character XML cannot hold
 * and without an infinite or NaN number; a PDF begins %PDF- and ends with %%EOF; the saved
 * JSON loads again.
 *
 * Run: fuzz_writers -max_total_time=30 SCRATCH tests/fuzz/corpus/writers examples/data */
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

/* A refusal: a message, and nothing handed over. */
static void check_refusal(const zb_error *err, const char *out, size_t len)
{
    size_t n = strlen(err->message);
    if (n == 0 || zb_utf8_check(err->message, n) != n || out || len)
        abort();
}

static void check_xml(const char *buf, size_t n)
{
    if (zb_utf8_check(buf, n) != n || zb_text_find_control(buf, n, NULL) != n)
        abort();
    static const char *const bad[] = {"<v>INF", "<v>-INF", "<v>NAN", "<v>-NAN", "<v>inf", "<v>nan", "<v>-nan"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t k = strlen(bad[i]);
        for (const char *p = buf; (p = memchr(p, '<', (size_t)(buf + n - p))) != NULL; p++)
            if ((size_t)(buf + n - p) >= k && memcmp(p, bad[i], k) == 0)
                abort();
    }
}

static void check_workbook(const char *data, size_t len)
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
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t st;
        if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) != 0)
            abort();
        size_t nl = strlen(st.name);
        if (nl < 4 || (strcmp(st.name + nl - 4, ".xml") != 0 && strcmp(st.name + nl - 5, ".rels") != 0))
            continue;
        char *buf = malloc(st.size ? st.size : 1);
        zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)i, 0);
        if (!buf || !f || zip_fread(f, buf, st.size) != (zip_int64_t)st.size || zip_fclose(f) != 0)
            abort();
        check_xml(buf, st.size);
        free(buf);
    }
    zip_close(za);
    zip_error_fini(&ze);
}

static void check_pdf(const char *data, size_t len)
{
    if (len < 16 || memcmp(data, "%PDF-", 5) != 0)
        abort();
    size_t tail = len < 32 ? len : 32;
    int eof = 0;
    for (size_t i = len - tail; i + 5 <= len; i++)
        eof |= memcmp(data + i, "%%EOF", 5) == 0;
    if (!eof)
        abort();
}

enum { WORKBOOK, PDF, JSON };

/* One writer's result: checked as its kind, then freed. */
static void check(zb_status st, const zb_error *err, char *out, size_t len, int kind)
{
    if (st != ZB_OK) {
        check_refusal(err, out, len);
        return;
    }
    if (!out)
        abort();
    if (kind == WORKBOOK)
        check_workbook(out, len);
    else if (kind == PDF)
        check_pdf(out, len);
    else {
        zb_plan *again = zb_plan_new();
        if (!again || zb_json_load_string(again, out, len, "saved.json") != ZB_OK)
            abort();
        zb_plan_free(again);
    }
    zb_free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Large plans only slow the search; their size is the benchmarks' business. */
    if (size > 32768)
        return 0;
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
    check(zb_xlsx_target_table_to_buffer(plan, NULL, &out, &len, &err), &err, out, len, WORKBOOK);
    out = NULL, len = 0;
    check(zb_xlsx_breakdown_to_buffer(plan, NULL, &out, &len, &err), &err, out, len, WORKBOOK);
    out = NULL, len = 0;
    check(zb_json_dump(plan, &out, &len, &err), &err, out, len, JSON);
    out = NULL, len = 0;
    check(zb_pdf_notice_to_buffer(plan, fonts, NULL, &out, &len, NULL, &err), &err, out, len, PDF);

    int year = zb_plan_first_year(plan);
    if (year <= 0)
        year = 2024;
    char june[16], december[16];
    snprintf(june, sizeof june, "%04d-06", year % 10000);
    snprintf(december, sizeof december, "%04d-12", year % 10000);
    out = NULL, len = 0;
    check(zb_xlsx_progress_to_buffer(plan, june, NULL, &out, &len, &err), &err, out, len, WORKBOOK);
    out = NULL, len = 0;
    check(zb_xlsx_assessment_to_buffer(plan, december, NULL, &out, &len, &err), &err, out, len, WORKBOOK);
    out = NULL, len = 0;
    check(zb_pdf_bulletin_to_buffer(plan, fonts, june, NULL, &out, &len, NULL, &err), &err, out, len, PDF);
    zb_plan_free(plan);
    return 0;
}
