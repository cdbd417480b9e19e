/* Tests for the actuals CSV loader (zb_csv_load_actuals): every accepted form of a header,
 * a period and a number; every error with its file:line:column; and that a failed load leaves
 * the plan exactly as it was (the bad files in tests/data/bad-actuals, each with the message
 * it must give in its .expect). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "zhibiao/csv.h"
#include "zhibiao/json.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* A small plan for 2024: a count, a % rate, and a level whose % is only in the target. */
static zb_plan *small_plan(void)
{
    zb_plan *p = zb_plan_new();
    assert_non_null(p);
    assert_int_equal(zb_plan_set_years(p, 2024, 2024), ZB_OK);
    zb_indicator_def a = {.seq = 1, .name = "新增企业(家)", .target = "60"};
    zb_indicator_def b = {.seq = 2, .name = "规上工业增加值增速(%)", .target = "6.5"};
    zb_indicator_def c = {.seq = 3, .name = "专利快速预审提速率", .target = "20%"};
    assert_int_equal(zb_plan_add_indicator(p, &a, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_indicator(p, &b, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_indicator(p, &c, NULL), ZB_OK);
    return p;
}

static zb_status load(zb_plan *p, const char *text)
{
    return zb_csv_load_actuals_string(p, text, strlen(text), "a.csv", NULL);
}

static char *dump(const zb_plan *p)
{
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(zb_json_dump(p, &out, &len, NULL), ZB_OK);
    return out;
}

static const char *data_dir(void)
{
    const char *d = getenv("ZB_TEST_DATA");
    return d && *d ? d : "tests/data";
}

static zb_plan *tonglu(void)
{
    const char *src = getenv("ZB_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/examples/data/tonglu-2024.json", src && *src ? src : ".");
    zb_plan *p = zb_plan_new();
    if (zb_json_load(p, path) != ZB_OK)
        fail_msg("%s", zb_errmsg(p));
    return p;
}

/* ---- accepted forms ---------------------------------------------------------------------- */

static const struct {
    const char *cell;
    double value;
} good_values[] = {
    {"230", 230},       {"1,200", 1200},     {"1,234,567.5", 1234567.5}, {"0.5", 0.5},
    {"-3", -3},         {"+3", 3},           {"－3", -3},               {"＋3", 3},
    {"１２３", 123},    {"１，２００．５", 1200.5}, {"1，200", 1200},    {" 12 ", 12},
    {"0", 0},           {"-0", 0},           {"007", 7},                 {"4,500", 4500},
};

static const char *const bad_values[] = {
    "1,20",  "1,2000", ",100", "1.",   ".5",    "1e3",  "0x10", "1 200", "--5",  "5 %",  "nan", "inf",
    "约5",   "5家",    "62以上", "≥5",  "一百",  "5-",   "1.2.3", "%",    "-",    "1,,000", "12,",
    "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999",
};

static void test_values(void **state)
{
    (void)state;
    char text[512];
    for (size_t k = 0; k < COUNT(good_values); k++) {
        zb_plan *p = small_plan();
        snprintf(text, sizeof text, "seq,period,actual\n1,2024-06,\"%s\"\n", good_values[k].cell);
        if (load(p, text) != ZB_OK)
            fail_msg("%s: %s", good_values[k].cell, zb_errmsg(p));
        assert_int_equal(zb_plan_actual_count(p), 1);
        assert_true(zb_plan_actual_value(p, 0) == good_values[k].value);
        assert_false(signbit(zb_plan_actual_value(p, 0)) && good_values[k].value == 0);
        zb_plan_free(p);
    }
    for (size_t k = 0; k < COUNT(bad_values); k++) {
        zb_plan *p = small_plan();
        snprintf(text, sizeof text, "seq,period,actual\n1,2024-06,\"%s\"\n", bad_values[k]);
        assert_int_equal(load(p, text), ZB_ERR_VALUE);
        char want[512];
        snprintf(want, sizeof want, "a.csv:2:3: actual: not a number: ");
        if (strncmp(zb_errmsg(p), want, strlen(want)) != 0)
            fail_msg("%s: %s", bad_values[k], zb_errmsg(p));
        assert_int_equal(zb_plan_actual_count(p), 0);
        zb_plan_free(p);
    }
    /* % only where the indicator is a percentage: its unit, or its target. */
    zb_plan *p = small_plan();
    assert_int_equal(load(p, "seq,period,actual\n2,2024-06,6.8%\n3,2024-06,22.5％\n"), ZB_OK);
    assert_true(zb_plan_actual_value(p, 0) == 6.8);
    assert_true(zb_plan_actual_value(p, 1) == 22.5);
    assert_int_equal(load(p, "seq,period,actual\n1,2024-07,18%\n"), ZB_ERR_VALUE);
    assert_string_equal(zb_errmsg(p),
                        "a.csv:2:3: actual: \"18%\" is a percentage but indicator 1 (新增企业(家)) is counted in 家");
    zb_plan_free(p);
}

static const struct {
    const char *cell;
    const char *period;
} good_periods[] = {
    {"2024-06", "2024-06"},    {"2024-6", "2024-06"},      {"2024.06", "2024-06"},   {"2024.6", "2024-06"},
    {"2024/6", "2024-06"},     {"2024/12", "2024-12"},     {"2024年6月", "2024-06"}, {"2024年06月", "2024-06"},
    {"2024年6月份", "2024-06"}, {"２０２４－０６", "2024-06"}, {"２０２４年１２月", "2024-12"}, {" 2024-01 ", "2024-01"},
};

static const struct {
    const char *cell;
    const char *message;
} bad_periods[] = {
    {"2024-13", "a.csv:2:2: period: not a month: \"2024-13\"; write the month as YYYY-MM, e.g. 2024-06"},
    {"2024-0", "a.csv:2:2: period: not a month: \"2024-0\"; write the month as YYYY-MM, e.g. 2024-06"},
    {"24-06", "a.csv:2:2: period: not a month: \"24-06\"; write the month as YYYY-MM, e.g. 2024-06"},
    {"2024年6", "a.csv:2:2: period: not a month: \"2024年6\"; write the month as YYYY-MM, e.g. 2024-06"},
    {"2024-", "a.csv:2:2: period: not a month: \"2024-\"; write the month as YYYY-MM, e.g. 2024-06"},
    {"June 2024", "a.csv:2:2: period: not a month: \"June 2024\"; write the month as YYYY-MM, e.g. 2024-06"},
    {"2024-123", "a.csv:2:2: period: not a month: \"2024-123\"; write the month as YYYY-MM, e.g. 2024-06"},
    {"2024 06", "a.csv:2:2: period: not a month: \"2024 06\"; write the month as YYYY-MM, e.g. 2024-06"},
    {"2024-06-30", "a.csv:2:2: period: a date, not a month: \"2024-06-30\"; write the month as YYYY-MM, e.g. 2024-06 "
                   "(Excel turns 2024-06 into a date: format the column as text)"},
    {"2024/6/1", "a.csv:2:2: period: a date, not a month: \"2024/6/1\"; write the month as YYYY-MM, e.g. 2024-06 "
                 "(Excel turns 2024-06 into a date: format the column as text)"},
    {"", "a.csv:2:2: period: no period: \"\"; write the month as YYYY-MM, e.g. 2024-06"},
    {"2023-12", "a.csv:2:2: period: 2023-12 is outside the plan's year 2024"},
    {"2025年1月", "a.csv:2:2: period: 2025-01 is outside the plan's year 2024"},
};

static void test_periods(void **state)
{
    (void)state;
    char text[512];
    for (size_t k = 0; k < COUNT(good_periods); k++) {
        zb_plan *p = small_plan();
        snprintf(text, sizeof text, "seq,period,actual\n1,%s,5\n", good_periods[k].cell);
        if (load(p, text) != ZB_OK)
            fail_msg("%s: %s", good_periods[k].cell, zb_errmsg(p));
        assert_string_equal(zb_plan_actual_period(p, 0), good_periods[k].period);
        zb_plan_free(p);
    }
    for (size_t k = 0; k < COUNT(bad_periods); k++) {
        zb_plan *p = small_plan();
        snprintf(text, sizeof text, "seq,period,actual\n1,%s,5\n", bad_periods[k].cell);
        assert_int_equal(load(p, text), ZB_ERR_VALUE);
        assert_string_equal(zb_errmsg(p), bad_periods[k].message);
        zb_plan_free(p);
    }
    /* A span of years, and no span at all. */
    zb_plan *p = small_plan();
    assert_int_equal(zb_plan_set_years(p, 2021, 2023), ZB_OK);
    assert_int_equal(load(p, "seq,period,actual\n1,2023-12,5\n1,2024-01,5\n"), ZB_ERR_VALUE);
    assert_string_equal(zb_errmsg(p), "a.csv:3:2: period: 2024-01 is outside the plan's years 2021–2023");
    assert_int_equal(zb_plan_set_years(p, 0, 0), ZB_OK);
    assert_int_equal(load(p, "seq,period,actual\n1,2030-01,5\n1,1999-12,5\n"), ZB_OK);
    assert_int_equal(zb_plan_actual_count(p), 2);
    zb_plan_free(p);
}

/* ---- headers and layout --------------------------------------------------------------- */

static const struct {
    const char *text;
    zb_status status;
    const char *message; /* "" for success */
} layouts[] = {
    /* every header name, in any order, in any case, spaced */
    {"序号,期间,累计值\n1,2024-06,5\n", ZB_OK, ""},
    {"序号,月份,实际值,备注\n1,2024-06,5,x\n", ZB_OK, ""},
    {"报告期,本期累计,序号,说明\n2024-06,5,1,x\n", ZB_OK, ""},
    {"SEQ,Period,VALUE,Note\n1,2024-06,5,x\n", ZB_OK, ""},
    {" s e q ,period,Actual\n1,2024-06,5\n", ZB_OK, ""},
    {"seq\tperiod\tactual\n1\t2024-06\t5\n", ZB_OK, ""},
    {"seq;period;actual\n1;2024-06;\"1,200\"\n", ZB_OK, ""},
    {"\xEF\xBB\xBFseq,period,actual\r\n1,2024-06,5\r\n", ZB_OK, ""},
    /* comments and blank lines anywhere outside a field; a # inside a field is text */
    {"# a, b, c; d\n\n   # indented\nseq,period,actual,note\n\n1,2024-06,5,\"x\n# not a comment\"\n#1,2024-07,5\n", ZB_OK, ""},
    /* an empty actual is a template row not reported yet */
    {"seq,period,actual,note\n1,2024-06,,待报\n", ZB_OK, ""},
    /* trailing empty columns, as Excel pads rows */
    {"seq,period,actual,,\n1,2024-06,5,,\n2,2024-06,6,\n", ZB_OK, ""},

    {"", ZB_ERR_SCHEMA, "a.csv: empty file: expected a header row naming the columns, e.g. seq,period,actual,note"},
    {"# only a comment\n", ZB_ERR_SCHEMA, "a.csv: empty file: expected a header row naming the columns, e.g. seq,period,actual,note"},
    {"seq,period,amount\n", ZB_ERR_SCHEMA,
     "a.csv:1:3: unknown column \"amount\"; the first row must name the columns seq/序号, period/期间/月份/报告期, "
     "actual/累计值/实际值/本期累计/value, and optionally note/备注/说明"},
    {"seq,period\n", ZB_ERR_SCHEMA,
     "a.csv:1: no actual (累计值) column; the columns are seq/序号, period/期间/月份/报告期, "
     "actual/累计值/实际值/本期累计/value, and optionally note/备注/说明"},
    {"period,actual\n", ZB_ERR_SCHEMA, "a.csv:1: no seq (序号) column; …"},
    {"seq,actual\n", ZB_ERR_SCHEMA, "a.csv:1: no period (期间) column; …"},
    {"seq,period,actual,value\n", ZB_ERR_SCHEMA,
     "a.csv:1:4: duplicate column: \"value\" names the same thing as column 3 (actual)"},
    {"seq,period,actual\n1,2024-06,5,x\n", ZB_ERR_SCHEMA,
     "a.csv:2:4: the row has 4 fields but the header has 3 (field 4 is \"x\"); a field that holds the delimiter must be quoted"},
    {"seq,period,actual,\n1,2024-06,5,x\n", ZB_ERR_SCHEMA, "a.csv:2:4: column 4 has no header but holds \"x\""},
    {"seq,period,actual\n1,2024-06,\"5\n", ZB_ERR_SYNTAX,
     "a.csv:2:11: a quoted field starts here and never ends: the closing \" is missing"},
    {"seq,period,actual\n1,2024-06,5\"x\"\n", ZB_ERR_SYNTAX, "a.csv:2:12: stray quote; …"},
    {"seq,period,actual\n1,2024-06,\xB0\xEB\xC4\xEA\n", ZB_ERR_ENCODING,
     "a.csv:2:11: not valid UTF-8: the file looks like GBK/GB18030, the encoding Excel uses for \"CSV\" on Chinese "
     "Windows; save it as \"CSV UTF-8 (逗号分隔)(*.csv)\" and load it again"},
    {"\xFF\xFEs\0\0\xDCq\0", ZB_ERR_ENCODING, "a.csv:1:2: not valid UTF-16: an unpaired surrogate 0xDC00…"},
    /* rows */
    {"seq,period,actual\n9,2024-06,5\n", ZB_ERR_NOT_FOUND, "a.csv:2:1: seq: there is no indicator 9 in the plan"},
    {"序号,月份,累计值\n0,2024-06,5\n", ZB_ERR_VALUE,
     "a.csv:2:1: 序号: sequence number out of range (1 to 2147483647): \"0\""},
    {"seq,period,actual\n99999999999,2024-06,5\n", ZB_ERR_VALUE,
     "a.csv:2:1: seq: sequence number out of range (1 to 2147483647): \"99999999999\""},
    {"seq,period,actual\n1.0,2024-06,5\n", ZB_ERR_VALUE, "a.csv:2:1: seq: not a sequence number: \"1.0\""},
    {"seq,period,actual\n,2024-06,5\n", ZB_ERR_VALUE, "a.csv:2:1: seq: no sequence number"},
    {"seq,period,actual,note\n1,2024-06,5,\n2,2024-06,6,\n1,2024-6,7,\n", ZB_ERR_DUPLICATE,
     "a.csv:4:2: period: indicator 1 already has an actual for 2024-06 at line 2"},
    /* the first error in file order wins */
    {"seq,period,actual\n1,2024-06,x\n9,2024-06,5\n", ZB_ERR_VALUE, "a.csv:2:3: actual: not a number: …"},
};

static void test_layouts(void **state)
{
    (void)state;
    for (size_t k = 0; k < COUNT(layouts); k++) {
        zb_plan *p = small_plan();
        size_t len = strlen(layouts[k].text);
        if (layouts[k].status == ZB_ERR_ENCODING && layouts[k].text[0] == '\xFF')
            len = 8; /* UTF-16 holds NUL bytes */
        zb_status st = zb_csv_load_actuals_string(p, layouts[k].text, len, "a.csv", NULL);
        const char *msg = zb_errmsg(p), *want = layouts[k].message;
        size_t n = strlen(want);
        int prefix = n >= 3 && strcmp(want + n - 3, "…") == 0;
        if (st != layouts[k].status || (prefix ? strncmp(msg, want, n - 3) != 0 : strcmp(msg, want) != 0))
            fail_msg("case %zu: status %d, want %d\n  got:  %s\n  want: %s", k, st, layouts[k].status, msg, want);
        if (st)
            assert_int_equal(zb_plan_actual_count(p), 0);
        else
            assert_true(zb_plan_actual_count(p) >= 1 || strstr(layouts[k].text, "待报"));
        zb_plan_free(p);
    }
}

/* Notes, the skipped template row and the comment inside a quoted note, read back. */
static void test_rows_read_back(void **state)
{
    (void)state;
    zb_plan *p = small_plan();
    const char *text = "# 注释\nseq,period,actual,note\n1,2024-06,5,\"x\n# not a comment\"\n2,2024-06,,待报\n"
                       "#3,2024-06,1\n3,2024-06,20%, 半年 \n";
    assert_int_equal(load(p, text), ZB_OK);
    assert_string_equal(zb_errmsg(p), "");
    assert_int_equal(zb_plan_actual_count(p), 2);
    assert_string_equal(zb_plan_actual_note(p, 0), "x\n# not a comment");
    assert_int_equal(zb_plan_actual_indicator(p, 1), 2);
    assert_true(zb_plan_actual_value(p, 1) == 20);
    assert_string_equal(zb_plan_actual_note(p, 1), "半年");
    assert_int_equal(zb_plan_find_actual(p, 1, "2024-06"), ZB_NONE);
    zb_plan_free(p);
}

/* ---- all or nothing ------------------------------------------------------------------- */

static void test_all_or_nothing(void **state)
{
    (void)state;
    zb_plan *p = small_plan();
    assert_int_equal(load(p, "seq,period,actual\n1,2024-05,4\n"), ZB_OK);
    char *before = dump(p);
    /* good rows first, a bad one last: nothing is added */
    assert_int_equal(load(p, "seq,period,actual\n1,2024-06,5\n2,2024-06,6\n3,2024-06,7\n3,2024-06,8\n"),
                     ZB_ERR_DUPLICATE);
    char *after = dump(p);
    assert_string_equal(before, after);
    free(after);
    /* a row that repeats an actual the plan has */
    assert_int_equal(load(p, "seq,period,actual\n2,2024-05,6\n1,2024年5月,4.5\n"), ZB_ERR_DUPLICATE);
    assert_string_equal(zb_errmsg(p), "a.csv:3:2: period: indicator 1 already has an actual for 2024-05 in the plan (4)");
    after = dump(p);
    assert_string_equal(before, after);
    free(after);
    free(before);
    /* a good load clears the message and adds in file order */
    assert_int_equal(load(p, "seq,period,actual\n3,2024-06,7\n1,2024-06,5\n"), ZB_OK);
    assert_string_equal(zb_errmsg(p), "");
    assert_int_equal(zb_plan_actual_count(p), 3);
    assert_int_equal(zb_plan_actual_indicator(p, 1), 2);
    assert_int_equal(zb_plan_actual_indicator(p, 2), 0);
    zb_plan_free(p);
}

static void test_arguments(void **state)
{
    (void)state;
    zb_plan *p = small_plan();
    assert_int_equal(zb_csv_load_actuals(NULL, "x.csv", NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_csv_load_actuals_string(NULL, "", 0, "a.csv", NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_csv_load_actuals(p, NULL, NULL), ZB_ERR_ARGUMENT);
    assert_string_equal(zb_errmsg(p), "no CSV path given");
    assert_int_equal(zb_csv_load_actuals(p, "/nonexistent/actuals.csv", NULL), ZB_ERR_IO);
    assert_non_null(strstr(zb_errmsg(p), "/nonexistent/actuals.csv"));
    assert_int_equal(zb_csv_load_actuals_string(p, NULL, 3, "a.csv", NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_csv_load_actuals_string(p, NULL, 0, NULL, NULL), ZB_ERR_SCHEMA);
    assert_string_equal(zb_errmsg(p),
                        "<string>: empty file: expected a header row naming the columns, e.g. seq,period,actual,note");
    static const char bad_delims[] = {'"', '\n', '\r', '#', (char)0xE3};
    for (size_t k = 0; k < COUNT(bad_delims); k++) {
        zb_csv_options o = {.delimiter = bad_delims[k]};
        assert_int_equal(zb_csv_load_actuals_string(p, "seq,period,actual\n", 18, "a.csv", &o), ZB_ERR_ARGUMENT);
    }
    /* A delimiter given: the header must use it. */
    zb_csv_options semi = {.delimiter = ';'};
    const char *text = "seq;period;actual\n1;2024-06;1,200\n";
    assert_int_equal(zb_csv_load_actuals_string(p, text, strlen(text), "a.csv", &semi), ZB_OK);
    assert_true(zb_plan_actual_value(p, 0) == 1200);
    text = "seq,period,actual\n";
    assert_int_equal(zb_csv_load_actuals_string(p, text, strlen(text), "a.csv", &semi), ZB_ERR_SCHEMA);
    assert_int_equal(zb_plan_actual_count(p), 1);
    zb_plan_free(p);
}

/* ---- files ----------------------------------------------------------------------------- */

static void test_good_files(void **state)
{
    (void)state;
    char path[1024];
    zb_plan *p = tonglu();
    snprintf(path, sizeof path, "%s/actuals/full.csv", data_dir());
    if (zb_csv_load_actuals(p, path, NULL) != ZB_OK)
        fail_msg("%s", zb_errmsg(p));
    static const struct {
        int seq;
        double value;
        const char *note;
    } want[] = {
        {1, 1231.5, "含外资企业, 已核实"}, {2, 7.2, ""}, {3, 15.3, "全角数字"}, {4, 3.2, ""}, {5, 75.1, ""},
        {6, 0, ""}, {7, -1, "负数"}, {9, 36.2, "多行\r\n备注"}, {10, 1234, "全角逗号分组"},
    };
    assert_int_equal(zb_plan_actual_count(p), COUNT(want));
    for (size_t k = 0; k < COUNT(want); k++) {
        assert_int_equal(zb_plan_indicator_seq(p, zb_plan_actual_indicator(p, k)), want[k].seq);
        assert_string_equal(zb_plan_actual_period(p, k), "2024-06");
        assert_true(zb_plan_actual_value(p, k) == want[k].value);
        assert_string_equal(zb_plan_actual_note(p, k), want[k].note);
    }
    snprintf(path, sizeof path, "%s/actuals/tab.csv", data_dir());
    assert_int_equal(zb_csv_load_actuals(p, path, NULL), ZB_OK);
    assert_int_equal(zb_plan_actual_count(p), COUNT(want) + 2);
    assert_string_equal(zb_plan_actual_note(p, COUNT(want)), "年报");
    /* the semicolon file repeats indicator 1 at 2024-06: in the plan already */
    snprintf(path, sizeof path, "%s/actuals/semicolon.csv", data_dir());
    assert_int_equal(zb_csv_load_actuals(p, path, NULL), ZB_ERR_DUPLICATE);
    assert_non_null(strstr(zb_errmsg(p), "semicolon.csv:3:2: period: indicator 1 already has an actual for 2024-06 "
                                         "in the plan (1231.5)"));
    zb_plan_free(p);
    p = tonglu();
    assert_int_equal(zb_csv_load_actuals(p, path, NULL), ZB_OK);
    assert_true(zb_plan_actual_value(p, 0) == 231.6);
    zb_plan_free(p);

    /* the demo's actuals: June without 14, 24 and 38; December complete */
    const char *src = getenv("ZB_SOURCE_DIR");
    snprintf(path, sizeof path, "%s/examples/data/tonglu-2024-actuals.csv", src && *src ? src : ".");
    p = tonglu();
    if (zb_csv_load_actuals(p, path, NULL) != ZB_OK)
        fail_msg("%s", zb_errmsg(p));
    assert_int_equal(zb_plan_actual_count(p), 38 + 41);
    assert_int_equal(zb_plan_find_actual(p, 13, "2024-06"), ZB_NONE);
    assert_int_not_equal(zb_plan_find_actual(p, 13, "2024-12"), ZB_NONE);
    zb_plan_free(p);
}

/* Every file in bad-actuals fails with the message in its .expect, and changes nothing. */
static void test_bad_files(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/bad-actuals", data_dir());
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t files = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        int csv = n > 4 && strcmp(e->d_name + n - 4, ".csv") == 0;
        int expect = n > 7 && strcmp(e->d_name + n - 7, ".expect") == 0;
        if (!csv && !expect)
            continue;
        char path[2048], other[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        /* each .csv has its .expect and each .expect its .csv */
        snprintf(other, sizeof other, "%s/%.*s%s", dir, (int)(n - (csv ? 4 : 7)), e->d_name, csv ? ".expect" : ".csv");
        FILE *f = fopen(other, "rb");
        if (!f)
            fail_msg("%s has no %s", e->d_name, other);
        fclose(f);
        if (!csv)
            continue;
        files++;
        char *want = NULL;
        size_t wlen = 0;
        assert_int_equal(zb_read_file(other, &want, &wlen, NULL), ZB_OK);
        while (wlen && (want[wlen - 1] == '\n' || want[wlen - 1] == '\r'))
            want[--wlen] = '\0';
        assert_true(wlen > 0);

        zb_plan *p = tonglu();
        assert_int_equal(zb_plan_add_actual(p, 41, "2024-03", 50, "已有"), ZB_OK);
        char *before = dump(p);
        zb_status st = zb_csv_load_actuals(p, path, NULL);
        if (st == ZB_OK || !strstr(zb_errmsg(p), want))
            fail_msg("%s: status %d, message\n  %s\nwant it to contain\n  %s", e->d_name, st, zb_errmsg(p), want);
        assert_int_equal(zb_plan_actual_count(p), 1);
        char *after = dump(p);
        assert_string_equal(before, after);
        free(before);
        free(after);
        free(want);
        zb_plan_free(p);
    }
    closedir(d);
    assert_true(files >= 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),         cmocka_unit_test(test_periods),    cmocka_unit_test(test_layouts),
        cmocka_unit_test(test_rows_read_back), cmocka_unit_test(test_all_or_nothing), cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_good_files),     cmocka_unit_test(test_bad_files),
    };
    return cmocka_run_group_tests_name("actuals", tests, NULL, NULL);
}
