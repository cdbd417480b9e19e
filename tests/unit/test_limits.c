/* What the documents cannot hold, through the library: control characters refused by every
 * loader with their place and by validation and the writers with their field; texts longer
 * than a cell; numbers in every JSON form, within the range a plan holds; UTF-32 named;
 * repeated units in a CSV cell; fonts that are not files; option texts. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/internal.h"
#include "plan/plan_internal.h"
#include "support.h"
#include "zhibiao.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

static void test_control_helpers(void **state)
{
    (void)state;
    uint32_t cp = 0;
    assert_int_equal(zb_text_find_control("ab\tc\r\nd", 7, &cp), 7);
    assert_int_equal(zb_text_find_control("ab\x01", 3, &cp), 2);
    assert_int_equal(cp, 1);
    assert_int_equal(zb_text_find_control("a\x7f", 2, &cp), 1);
    assert_int_equal(cp, 0x7F);
    assert_int_equal(zb_text_find_control("指\xc2\x85", 5, &cp), 3); /* U+0085 */
    assert_int_equal(cp, 0x85);
    assert_int_equal(zb_text_find_control("\xc2\xa0", 2, &cp), 2); /* U+00A0 is text */
    assert_int_equal(zb_text_find_control("x\xef\xbf\xbe", 4, &cp), 1);
    assert_int_equal(cp, 0xFFFE);
    assert_int_equal(zb_text_find_control("\xef\xbf\xbd", 3, &cp), 3); /* U+FFFD is text */
    assert_string_equal(zb_text_bom_encoding("\xff\xfe\0\0", 4), "UTF-32LE");
    assert_string_equal(zb_text_bom_encoding("\0\0\xfe\xff", 4), "UTF-32BE");
    assert_string_equal(zb_text_bom_encoding("\xff\xfe{\0", 4), "UTF-16LE");
    assert_string_equal(zb_text_bom_encoding("\xfe\xff\0{", 4), "UTF-16BE");
    assert_null(zb_text_bom_encoding("\xef\xbb\xbf{", 4));
    assert_true(zb_number_usable(0) && zb_number_usable(1e15) && zb_number_usable(-1e-9));
    assert_false(zb_number_usable(1.0000001e15) || zb_number_usable(1e-10) || zb_number_usable(INFINITY) ||
                 zb_number_usable(NAN));
}

/* What zb_text_find_control finds, one byte at a time. */
static size_t find_control_bytewise(const unsigned char *s, size_t len, uint32_t *cp)
{
    for (size_t i = 0; i < len; i++) {
        uint32_t v = 0x20;
        if (s[i] < 0x20 || s[i] == 0x7F)
            v = s[i];
        else if (s[i] == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)
            v = s[i + 1];
        else if (s[i] == 0xEF && i + 2 < len && s[i + 1] == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF))
            v = s[i + 2] == 0xBE ? 0xFFFE : 0xFFFF;
        if (zb_is_forbidden_control(v)) {
            *cp = v;
            return i;
        }
    }
    return len;
}

/* The scan that skips eight bytes at a time finds every control character at every place
 * (before, inside and after a window, split across two), and no false one: the bytes that
 * start a control in other sequences (C2 A0, EF BC 88, EF BF BD, a tab) are text. */
static void test_find_control_every_place(void **state)
{
    (void)state;
    static const char *const controls[] = {"\x01", "\x1f", "\x7f", "\xc2\x85", "\xc2\x9f", "\xef\xbf\xbe", "\xef\xbf\xbf", ""};
    static const char *const texts[] = {"指标名称（亿元）、县经信局", "abc\tdef\r\nghi", "\xc2\xa0\xef\xbf\xbd\xef\xbc\x88x"};
    unsigned char buf[128];
    for (size_t t = 0; t < COUNT(texts); t++)
        for (size_t c = 0; c < COUNT(controls); c++)
            for (size_t at = 0; at <= 40; at++) {
                /* The text repeated to 40 bytes, the control put in at byte `at`. */
                size_t tl = strlen(texts[t]), cl = strlen(controls[c]), n = 0;
                while (n < at)
                    buf[n] = (unsigned char)texts[t][n % tl], n++;
                memcpy(buf + n, controls[c], cl);
                n += cl;
                for (size_t k = 0; k < 17; k++)
                    buf[n++] = (unsigned char)texts[t][k % tl];
                for (size_t len = at; len <= n; len++) {
                    uint32_t want_cp = 0, got_cp = 0;
                    size_t want = find_control_bytewise(buf, len, &want_cp);
                    size_t got = zb_text_find_control((const char *)buf, len, &got_cp);
                    if (got != want || (want < len && got_cp != want_cp))
                        fail_msg("text %zu control %zu at %zu len %zu: %zu (U+%04X), expected %zu (U+%04X)", t, c,
                                 at, len, got, (unsigned)got_cp, want, (unsigned)want_cp);
                }
            }
}

/* A target written as a number beyond what a plan holds is found by validation, up to the
 * last digit: plain decimals of up to 15 and 9 digits are inside by their length alone. */
static void test_number_range_edges(void **state)
{
    (void)state;
    static const struct {
        const char *target;
        int beyond;
    } cases[] = {
        {"999999999999999.999999999", 0}, {"1000000000000000", 0}, {"1000000000000001", 1},
        {"0.000000001", 0},               {"-0.000000001", 0},     {"0.0000000001", 1},
        {"0.0000000000", 0},              {"+12.5 ", 0},           {"1e300", 1},
        {"-0.0000000000001", 1},          {"12.", 0},              {".5", 0},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        zb_plan *plan = zb_plan_new();
        zb_indicator_def d = {.seq = 1, .name = "总产值(亿元)", .target = cases[k].target};
        assert_int_equal(zb_plan_add_indicator(plan, &d, NULL), ZB_OK);
        zb_findings *f = NULL;
        assert_int_equal(zb_plan_validate(plan, &f), ZB_OK);
        int found = 0;
        for (size_t i = 0; i < zb_findings_count(f); i++)
            found |= strcmp(zb_findings_code(f, i), "number-out-of-range") == 0;
        if (found != cases[k].beyond)
            fail_msg("target \"%s\": %s", cases[k].target, found ? "found beyond the range" : "not found");
        zb_findings_free(f);
        zb_plan_free(plan);
    }
}

/* Every loader: the place of the character, nothing loaded. */
static void test_loaders_refuse_control_characters(void **state)
{
    (void)state;
    static const struct {
        const char *text, *message;
        int csv;
    } cases[] = {
        {"{\"format\": \"zhibiao/1\",\n \"title\": \"a\\u0001b\"}", "x:2:13: control character U+0001", 0},
        {"{\"format\": \"zhibiao/1\",\n \"title\": \"a\\u001F\"}", "x:2:13: control character U+001F", 0},
        {"{\"format\": \"zhibiao/1\", \"organ\": \"a\\u007f\"}", "x:1:36: control character U+007F", 0},
        {"{\"format\": \"zhibiao/1\", \"organ\": \"\xc2\x9b\"}", "x:1:35: control character U+009B", 0},
        {"{\"format\": \"zhibiao/1\", \"organ\": \"\\uffff\"}", "x:1:35: control character U+FFFF", 0},
        {"序号,指标名称,目标值\n1,新增\x02企业(家),5\n", "x:2:5: control character U+0002", 1},
        {"序号,指标名称,目标值\n1,新增企业(家),5\x1b\n", "x:2:12: control character U+001B", 1},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        zb_plan *plan = zb_plan_new();
        zb_status st = cases[k].csv ? zb_csv_load_string(plan, cases[k].text, strlen(cases[k].text), "x", NULL)
                                    : zb_json_load_string(plan, cases[k].text, strlen(cases[k].text), "x");
        if (st != ZB_ERR_VALUE || !strstr(zb_errmsg(plan), cases[k].message))
            fail_msg("case %zu: %d %s", k, st, zb_errmsg(plan));
        assert_int_equal(zb_plan_indicator_count(plan), 0);
        zb_plan_free(plan);
    }
    /* Not JSON, with a control character and NULs in its first line, and no NUL at its end:
     * the message quotes only what is printable, reads nothing past the text. */
    static const char notjson[] = {'i', 'a', 'o', '/', '2', '"', '"', 'r', 'e', 'r', 1, ' ', 0, 0, '}'};
    char *heap = malloc(sizeof notjson);
    assert_non_null(heap);
    memcpy(heap, notjson, sizeof notjson);
    zb_plan *bad = zb_plan_new();
    assert_int_equal(zb_json_load_string(bad, heap, sizeof notjson, "x"), ZB_ERR_SYNTAX);
    assert_non_null(strstr(zb_errmsg(bad), "x: not a JSON plan (it begins \"iao/2\"\"rer\")"));
    assert_int_equal(zb_json_load_string(bad, heap, 3, "x"), ZB_ERR_SYNTAX);
    assert_non_null(strstr(zb_errmsg(bad), "(it begins \"iao\")"));
    assert_int_equal(zb_json_load_string(bad, heap + 12, 3, "x"), ZB_ERR_SYNTAX);
    free(heap);
    zb_plan_free(bad);
    /* Escaped text that only looks like an escape, tab and line feed: accepted. */
    const char *fine = "{\"format\": \"zhibiao/1\", \"title\": \"a\\\\u0001 \\t\\n b\"}";
    zb_plan *plan = zb_plan_new();
    assert_int_equal(zb_json_load_string(plan, fine, strlen(fine), "x"), ZB_OK);
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "a\\u0001 \t\n b");
    /* Actuals. */
    zb_indicator_def def = {.seq = 1, .name = "新增企业(家)", .target = "5"};
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    const char *act = "seq,period,actual,note\n1,2024-06,3,note\x05\n";
    assert_int_equal(zb_csv_load_actuals_string(plan, act, strlen(act), "a.csv", NULL), ZB_ERR_VALUE);
    assert_non_null(strstr(zb_errmsg(plan), "a.csv:2:17: control character U+0005"));
    assert_int_equal(zb_plan_actual_count(plan), 0);
    zb_plan_free(plan);
}

static int has_code(const zb_findings *f, const char *code, const char *text)
{
    for (size_t k = 0; k < zb_findings_count(f); k++)
        if (strcmp(zb_findings_code(f, k), code) == 0 && zb_findings_severity(f, k) == ZB_SEV_ERROR &&
            (!text || strstr(zb_findings_message(f, k), text)))
            return 1;
    return 0;
}

/* A plan built through the API: validation lists each text, the writers refuse the first
 * with its field (ZB_ERR_VALUE: the input is at fault), before anything is written. */
static void test_api_texts(void **state)
{
    (void)state;
    char dir[256], path[400];
    assert_int_equal(zbt_tmpdir(dir, sizeof dir, "limits"), 0);
    zb_plan *plan = zb_plan_new();
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_TITLE, "某县\x01工作要点"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_ORGAN, "某县人民政府"), ZB_OK);
    size_t n = 33000;
    char *name = malloc(n * 3 + 1);
    assert_non_null(name);
    for (size_t k = 0; k < n; k++)
        memcpy(name + 3 * k, "指", 3);
    name[3 * n] = '\0';
    zb_indicator_def def = {.seq = 4, .name = name, .target = "5", .note = "备\x7f注"};
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    free(name);
    zb_findings *f = NULL;
    assert_int_equal(zb_plan_validate(plan, &f), ZB_OK);
    assert_true(has_code(f, "control-character", "the plan: title holds the control character U+0001 (character 3)"));
    assert_true(has_code(f, "control-character", "the note holds the control character U+007F (character 2)"));
    assert_true(has_code(f, "text-too-long", "the name is 33000 characters long; a workbook cell holds at most 32767"));
    zb_findings_free(f);

    zb_error err;
    snprintf(path, sizeof path, "%s/t.xlsx", dir);
    assert_int_equal(zb_xlsx_write_target_table(plan, path, NULL, &err), ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "title holds the control character U+0001"));
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(zb_pdf_notice_to_buffer(plan, NULL, NULL, &data, &len, NULL, &err), ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "control character U+0001"));
    assert_null(data);
    /* Without the control characters, the length alone: the workbook refuses it, the
     * notice (no cell) does not care. */
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_TITLE, "某县工作要点"), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_note(plan, 0, "备注"), ZB_OK);
    assert_int_equal(zb_xlsx_write_breakdown(plan, path, NULL, &err), ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "indicator 4 ("));
    assert_non_null(strstr(err.message, "the name is 33000 characters long"));
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(zbt_files_in(dir), 0);
    /* A notice has no cell: validated for one, the length is no finding. */
    zb_validate_options vo = {.document = ZB_DOCUMENT_NOTICE};
    assert_int_equal(zb_plan_validate_opt(plan, &vo, &f), ZB_OK);
    assert_false(has_code(f, "text-too-long", "the name is 33000 characters long"));
    zb_findings_free(f);
    vo.document = ZB_DOCUMENT_TABLE;
    assert_int_equal(zb_plan_validate_opt(plan, &vo, &f), ZB_OK);
    assert_true(has_code(f, "text-too-long", "the name is 33000 characters long"));
    zb_findings_free(f);
    zb_plan_free(plan);

    /* Texts within a cell each that make one too long together: units joined with 、 in the
     * 责任单位 cell, a duty's units, a task's "number. title". */
    plan = zb_plan_new();
    char unit[64];
    zb_buf units = {0};
    for (int k = 0; k < 2500; k++) {
        snprintf(unit, sizeof unit, "%s某某某某某某某某某某某某单位%d", k ? "、" : "", k);
        zb_buf_adds(&units, unit);
    }
    char *all = zb_buf_take(&units);
    assert_non_null(all);
    zb_indicator_def many = {.seq = 1, .name = "新增企业(家)", .target = "5", .responsible = all};
    assert_int_equal(zb_plan_add_indicator(plan, &many, NULL), ZB_OK);
    assert_int_equal(zb_plan_validate(plan, &f), ZB_OK);
    assert_true(has_code(f, "text-too-long", "the responsible units joined (责任单位) make a cell of 46389 characters"));
    zb_findings_free(f);
    data = NULL;
    len = 0;
    assert_int_equal(zb_xlsx_target_table_to_buffer(plan, NULL, &data, &len, &err), ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "indicator 1 (新增企业(家)): the responsible units joined"));
    assert_int_equal(zb_xlsx_progress_to_buffer(plan, "2024-06", NULL, &data, &len, &err), ZB_ERR_VALUE);
    assert_null(data);
    zb_plan_free(plan);
    free(all);
    zbt_rmtree(dir);
}

/* JSON numbers in every form are numbers, and read back as the same target. */
static void test_number_forms(void **state)
{
    (void)state;
    static const struct {
        const char *json;
        double value;
        const char *text;
    } cases[] = {
        {"1e+15", 1e15, "1000000000000000"}, {"1e15", 1e15, "1000000000000000"}, {"1E3", 1000, "1000"},
        {"1e-5", 1e-5, "0.00001"},           {"2.5e2", 250, "250"},              {"-0", 0, "0"},
        {"-0.0", 0, "0"},                    {"1e-9", 1e-9, "0.000000001"},      {"123.456e-3", 0.123456, "0.123456"},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        char json[256];
        snprintf(json, sizeof json,
                 "{\"format\": \"zhibiao/1\", \"categories\": [{\"name\": \"甲\", \"indicators\": "
                 "[{\"seq\": 1, \"name\": \"新增企业(家)\", \"target\": %s}]}]}",
                 cases[k].json);
        zb_plan *plan = zb_plan_new();
        if (zb_json_load_string(plan, json, strlen(json), "n.json") != ZB_OK)
            fail_msg("%s: %s", cases[k].json, zb_errmsg(plan));
        if (zb_plan_indicator_target(plan, 0) != cases[k].value || signbit(zb_plan_indicator_target(plan, 0)))
            fail_msg("%s: target %.17g", cases[k].json, zb_plan_indicator_target(plan, 0));
        assert_string_equal(zb_plan_indicator_target_text(plan, 0), cases[k].text);
        zb_findings *f = NULL;
        assert_int_equal(zb_plan_validate(plan, &f), ZB_OK);
        for (size_t i = 0; i < zb_findings_count(f); i++)
            if (strcmp(zb_findings_code(f, i), "target-not-number") == 0)
                fail_msg("%s: %s", cases[k].json, zb_findings_message(f, i));
        zb_findings_free(f);
        zb_plan_free(plan);
    }
}

/* Every loader names UTF-32 (and the JSON and text loaders UTF-16) by the byte-order mark. */
static void test_utf32(void **state)
{
    (void)state;
    static const char u32le[] = "\xff\xfe\0\0{\0\0\0";
    static const char u32be[] = "\0\0\xfe\xff\0\0\0{";
    zb_plan *plan = zb_plan_new();
    assert_int_equal(zb_json_load_string(plan, u32le, sizeof u32le - 1, "p.json"), ZB_ERR_ENCODING);
    assert_string_equal(zb_errmsg(plan), "p.json:1:1: the file is UTF-32LE (by its byte-order mark); zhibiao reads UTF-8: save it as UTF-8");
    assert_int_equal(zb_json_load_string(plan, u32be, sizeof u32be - 1, "p.json"), ZB_ERR_ENCODING);
    assert_non_null(strstr(zb_errmsg(plan), "UTF-32BE"));
    assert_int_equal(zb_json_load_string(plan, "\xff\xfe{\0", 4, "p.json"), ZB_ERR_ENCODING);
    assert_non_null(strstr(zb_errmsg(plan), "UTF-16LE"));
    assert_int_equal(zb_csv_load_string(plan, u32le, sizeof u32le - 1, "t.csv", NULL), ZB_ERR_ENCODING);
    assert_non_null(strstr(zb_errmsg(plan), "t.csv:1:1: the file is UTF-32LE"));
    assert_int_equal(zb_csv_load_actuals_string(plan, u32be, sizeof u32be - 1, "a.csv", NULL), ZB_ERR_ENCODING);
    assert_non_null(strstr(zb_errmsg(plan), "a.csv:1:1: the file is UTF-32BE"));
    zb_findings *r = NULL;
    assert_int_equal(zb_import_text_string(plan, u32le, sizeof u32le - 1, "p.txt", NULL, &r), ZB_ERR_ENCODING);
    assert_non_null(strstr(zb_errmsg(plan), "p.txt:1:1: the file is UTF-32LE"));
    zb_findings_free(r);
    zb_plan_free(plan);
}

/* Without a byte-order mark, every loader names UTF-16 and UTF-32 by where the zero bytes
 * fall (UTF-32 was called UTF-16, JSON's "unexpected end of input"); a stray NUL in UTF-8 is
 * still reported at its place. */
static void test_wide_without_mark(void **state)
{
    (void)state;
    /* 序号,指标名称 / {"format" in each form. */
    static const char csv32le[] = "\x8f\x5e\0\0\xf7\x53\0\0,\0\0\0\x07\x63\0\0\x07\x68\0\0\x0d\x54\0\0\x70\x79\0\0\n\0\0\0";
    static const char csv32be[] = "\0\0\x5e\x8f\0\0\x53\xf7\0\0\0,\0\0\x63\x07\0\0\x68\x07\0\0\0\n";
    static const char csv16le[] = "\x8f\x5e\xf7\x53,\0\x07\x63\x07\x68\x0d\x54\x70\x79\n\0""1\0,\0x\0\n\0";
    static const char json16le[] = "{\0\"\0f\0o\0r\0m\0a\0t\0\"\0";
    static const char json16be[] = "\0{\0\"\0f\0o\0r\0m\0a\0t\0\"";
    static const char json32le[] = "{\0\0\0\"\0\0\0f\0\0\0";
    assert_string_equal(zb_text_wide_encoding(csv32le, sizeof csv32le - 1), "UTF-32LE");
    assert_string_equal(zb_text_wide_encoding(csv32be, sizeof csv32be - 1), "UTF-32BE");
    assert_string_equal(zb_text_wide_encoding(csv16le, sizeof csv16le - 1), "UTF-16LE");
    assert_string_equal(zb_text_wide_encoding(json16be, sizeof json16be - 1), "UTF-16BE");
    assert_null(zb_text_wide_encoding("{\"title\": \"a\0b\", \"format\": \"zhibiao/1\"}", 40));
    assert_null(zb_text_wide_encoding("plain", 5));

    zb_plan *plan = zb_plan_new();
    assert_int_equal(zb_csv_load_string(plan, csv32le, sizeof csv32le - 1, "t.csv", NULL), ZB_ERR_ENCODING);
    assert_non_null(strstr(zb_errmsg(plan), "t.csv:1:1: the file is UTF-32LE without a byte-order mark"));
    assert_int_equal(zb_csv_load_string(plan, csv16le, sizeof csv16le - 1, "t.csv", NULL), ZB_ERR_ENCODING);
    assert_non_null(strstr(zb_errmsg(plan), "t.csv:1:1: the file is UTF-16LE without a byte-order mark"));
    assert_int_equal(zb_csv_load_actuals_string(plan, csv32be, sizeof csv32be - 1, "a.csv", NULL), ZB_ERR_ENCODING);
    assert_non_null(strstr(zb_errmsg(plan), "a.csv:1:1: the file is UTF-32BE without a byte-order mark"));
    assert_int_equal(zb_json_load_string(plan, json16le, sizeof json16le - 1, "p.json"), ZB_ERR_ENCODING);
    assert_string_equal(zb_errmsg(plan), "p.json:1:1: the file is UTF-16LE without a byte-order mark (by its zero "
                                         "bytes); zhibiao reads UTF-8: save it as UTF-8");
    assert_int_equal(zb_json_load_string(plan, json16be, sizeof json16be - 1, "p.json"), ZB_ERR_ENCODING);
    assert_non_null(strstr(zb_errmsg(plan), "UTF-16BE without"));
    assert_int_equal(zb_plan_load_string(plan, json32le, sizeof json32le - 1, "p"), ZB_ERR_ENCODING);
    assert_non_null(strstr(zb_errmsg(plan), "p:1:1: the file is UTF-32LE without"));
    zb_findings *r = NULL;
    assert_int_equal(zb_import_text_string(plan, csv32le, sizeof csv32le - 1, "p.txt", NULL, &r), ZB_ERR_ENCODING);
    assert_non_null(strstr(zb_errmsg(plan), "p.txt:1:1: the file is UTF-32LE without a byte-order mark"));
    zb_findings_free(r);
    r = NULL;
    /* A NUL inside UTF-8 text: its place, no encoding named. */
    static const char nul[] = "序号,指标名称\n1,新增\0企业\n";
    assert_int_equal(zb_csv_load_string(plan, nul, sizeof nul - 1, "t.csv", NULL), ZB_ERR_ENCODING);
    assert_non_null(strstr(zb_errmsg(plan), "t.csv:2:5: a NUL byte"));
    assert_null(strstr(zb_errmsg(plan), "UTF-16"));
    assert_int_equal(zb_import_text_string(plan, nul, sizeof nul - 1, "p.txt", NULL, &r), ZB_ERR_ENCODING);
    assert_non_null(strstr(zb_errmsg(plan), "p.txt:2:5: NUL byte in the text"));
    zb_findings_free(r);
    zb_plan_free(plan);
}

/* A unit named twice in a CSV cell is the error the JSON loader gives for a repeated array
 * element; a separator inside brackets is part of a name. */
static void test_repeated_units(void **state)
{
    (void)state;
    const char *csv = "序号,指标名称,目标值,责任单位\n1,新增企业(家),5,县经信局\n2,新增就业(人),5,县人力社保局、县经信局，县人力社保局\n";
    zb_plan *plan = zb_plan_new();
    assert_int_equal(zb_csv_load_string(plan, csv, strlen(csv), "t.csv", NULL), ZB_ERR_DUPLICATE);
    assert_string_equal(zb_errmsg(plan),
                        "t.csv:3:4: column 4 (责任单位): indicator 2 (新增就业(人)): 县人力社保局 is already a responsible unit");
    assert_int_equal(zb_plan_indicator_count(plan), 0);
    const char *json = "{\"format\": \"zhibiao/1\", \"categories\": [{\"name\": \"甲\", \"indicators\": [{\"seq\": 2, "
                       "\"name\": \"新增就业(人)\", \"target\": 5, \"responsible\": [\"县人力社保局\", \"县人力社保局\"]}]}]}";
    assert_int_equal(zb_json_load_string(plan, json, strlen(json), "p.json"), ZB_ERR_DUPLICATE);
    assert_non_null(strstr(zb_errmsg(plan), "indicator 2 (新增就业(人)): 县人力社保局 is already a responsible unit"));
    const char *fine = "序号,指标名称,目标值,责任单位\n1,新增企业(家),5,\"各县（市、区）人民政府、县经信局\"\n";
    assert_int_equal(zb_csv_load_string(plan, fine, strlen(fine), "t.csv", NULL), ZB_OK);
    assert_int_equal(zb_plan_indicator_responsible_count(plan, 0), 2);
    zb_plan_free(plan);
}

/* A font is a file: a FIFO or a device is refused at once. */
static void test_fonts_are_files(void **state)
{
    (void)state;
    char dir[256], fifo[400];
    assert_int_equal(zbt_tmpdir(dir, sizeof dir, "limits"), 0);
    snprintf(fifo, sizeof fifo, "%s/font.ttf", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    zb_fontset *fonts = zb_fontset_new();
    assert_int_equal(zb_fontset_set(fonts, ZB_FONT_BODY, fifo, 0), ZB_ERR_IO);
    assert_non_null(strstr(zb_fontset_errmsg(fonts), "is a FIFO, not a font file"));
    assert_int_equal(zb_fontset_set(fonts, ZB_FONT_BODY, "/dev/zero", 0), ZB_ERR_IO);
    assert_non_null(strstr(zb_fontset_errmsg(fonts), "/dev/zero: is a device, not a font file"));
    zb_fontset_free(fonts);
    zbt_rmtree(dir);
}

/* Option texts: a font name is kept whole or refused; control characters never pass. */
static void test_option_texts(void **state)
{
    (void)state;
    zb_plan *plan = zb_plan_new();
    zb_indicator_def def = {.seq = 1, .name = "新增企业(家)", .target = "5"};
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    char font[200] = "";
    for (int k = 0; k < 43; k++)
        strcat(font, "仿"); /* 129 bytes */
    zb_table_options o = {0};
    o.font_body = font;
    char *data = NULL;
    size_t len = 0;
    zb_error err;
    assert_int_equal(zb_xlsx_target_table_to_buffer(plan, &o, &data, &len, &err), ZB_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "options->font_body is 129 bytes long"));
    font[126] = '\0'; /* 42 characters */
    assert_int_equal(zb_xlsx_target_table_to_buffer(plan, &o, &data, &len, &err), ZB_OK);
    zb_free(data);
    o.font_body = NULL;
    o.label = "附件\x03";
    assert_int_equal(zb_xlsx_target_table_to_buffer(plan, &o, &data, &len, &err), ZB_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "options->label holds the control character U+0003"));
    zb_breakdown_options bo = {0};
    bo.title = "\xc2\x80";
    assert_int_equal(zb_xlsx_breakdown_to_buffer(plan, &bo, &data, &len, &err), ZB_ERR_ARGUMENT);
    zb_plan_free(plan);
}

/* One rule for which loader reads a plan: the name when it says, else the content. */
static void test_load_rule(void **state)
{
    (void)state;
    char dir[256], path[400];
    assert_int_equal(zbt_tmpdir(dir, sizeof dir, "limits"), 0);
    static const struct {
        const char *name, *text;
        zb_status st;
        const char *message;
        zb_status by_content; /* zb_plan_load_string's status, which goes by the content */
    } cases[] = {
        {"a.dat", "序号,指标名称,目标值\n1,新增企业(家),5\n", ZB_OK, NULL, ZB_OK},
        {"b", "\xef\xbb\xbf  {\"format\": \"zhibiao/1\", \"categories\": [{\"name\": \"甲\", \"indicators\": "
              "[{\"seq\": 1, \"name\": \"新增企业(家)\", \"target\": 5}]}]}", ZB_OK, NULL, ZB_OK},
        {"c.TXT", "序号\t指标名称\t目标值\n1\t新增企业(家)\t5\n", ZB_OK, NULL, ZB_OK},
        {"d.yaml", "title: x\n", ZB_ERR_SYNTAX, "d.yaml: not a JSON plan (it begins \"title: x\"); zhibiao reads a plan as",
         ZB_ERR_SYNTAX},
        {"e.json", "序号,指标名称,目标值\n1,新增企业(家),5\n", ZB_ERR_SYNTAX,
         "it looks like a table: name it .csv to read it as one", ZB_OK},
        {"f.xlsx", "PK\x03\x04rest,x", ZB_ERR_SYNTAX, "not a plan but a zip file", ZB_ERR_SYNTAX},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        snprintf(path, sizeof path, "%s/%s", dir, cases[k].name);
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fputs(cases[k].text, f);
        fclose(f);
        zb_plan *plan = zb_plan_new();
        zb_status st = zb_plan_load(plan, path);
        if (st != cases[k].st || (cases[k].message && !strstr(zb_errmsg(plan), cases[k].message)))
            fail_msg("%s: %d %s", cases[k].name, st, zb_errmsg(plan));
        if (st == ZB_OK)
            assert_int_equal(zb_plan_indicator_count(plan), 1);
        assert_int_equal(zb_plan_load_string(plan, cases[k].text, strlen(cases[k].text), cases[k].name),
                         cases[k].by_content);
        zb_plan_free(plan);
    }
    zb_plan *plan = zb_plan_new();
    assert_int_equal(zb_plan_load(plan, NULL), ZB_ERR_ARGUMENT);
    snprintf(path, sizeof path, "%s/none", dir);
    assert_int_equal(zb_plan_load(plan, path), ZB_ERR_IO);
    assert_int_equal(zb_plan_load(NULL, path), ZB_ERR_ARGUMENT);
    zb_plan_free(plan);
    zbt_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_control_helpers),
        cmocka_unit_test(test_find_control_every_place),
        cmocka_unit_test(test_loaders_refuse_control_characters),
        cmocka_unit_test(test_number_range_edges),
        cmocka_unit_test(test_api_texts),
        cmocka_unit_test(test_number_forms),
        cmocka_unit_test(test_utf32),
        cmocka_unit_test(test_wide_without_mark),
        cmocka_unit_test(test_repeated_units),
        cmocka_unit_test(test_fonts_are_files),   cmocka_unit_test(test_option_texts),
        cmocka_unit_test(test_load_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
