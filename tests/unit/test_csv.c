/* CSV import: delimiters, line ends, quoting, header names, the flattened 类别 cell, line
 * numbers in sources and messages, every error with its location, a failed load leaving the
 * plan alone, and the seed's 附件2 (tonglu-2024.csv) read back cell for cell. */
#define _POSIX_C_SOURCE 200809L
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

#include "zhibiao/csv.h"
#include "zhibiao/json.h"
#include "zhibiao/plan.h"

/* ---- helpers ------------------------------------------------------------------------ */

/* Loads text into a new plan, asserting the status; the caller frees the plan. */
static zb_plan *load_opts(const char *text, zb_status expect, const zb_csv_options *opts)
{
    zb_plan *plan = zb_plan_new();
    assert_non_null(plan);
    zb_status st = zb_csv_load_string(plan, text, strlen(text), "t.csv", opts);
    if (st != expect)
        fail_msg("status %d, expected %d: %s", st, expect, zb_errmsg(plan));
    if (st == ZB_OK)
        assert_string_equal(zb_errmsg(plan), "");
    return plan;
}

static zb_plan *load(const char *text) { return load_opts(text, ZB_OK, NULL); }

/* Index of the indicator with sequence number seq, which must exist. */
static size_t ind(const zb_plan *plan, int seq)
{
    size_t i = zb_plan_find_indicator(plan, seq);
    if (i == ZB_NONE)
        fail_msg("no indicator %d", seq);
    return i;
}

/* Category name of indicator seq; "-" when it has none. */
static const char *cat(const zb_plan *plan, int seq)
{
    size_t c = zb_plan_indicator_category(plan, ind(plan, seq));
    return c == ZB_NONE ? "-" : zb_plan_category_name(plan, c);
}

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("\"%s\" does not contain \"%s\"", haystack, needle);
}

/* ---- reading ------------------------------------------------------------------------ */

static void test_basic(void **state)
{
    (void)state;
    zb_plan *p = load("序号,类别,指标名称,目标值,责任单位\n"
                      "1,牵引性指标,规上工业增加值增速(%),6.5以上,县经信局\n"
                      "2,,特色小镇年度总产出(亿元),250,县发改局、开发区\n");
    assert_int_equal(zb_plan_indicator_count(p), 2);
    assert_int_equal(zb_plan_category_count(p), 1);
    size_t i = ind(p, 1);
    assert_string_equal(zb_plan_indicator_name(p, i), "规上工业增加值增速(%)");
    assert_string_equal(zb_plan_indicator_unit(p, i), "%"); /* no unit column: from the name */
    assert_string_equal(zb_plan_indicator_target_text(p, i), "6.5以上");
    assert_int_equal(zb_plan_indicator_qualifier(p, i), ZB_QUAL_AT_LEAST);
    assert_string_equal(zb_plan_indicator_source(p, i), "t.csv:2");
    i = ind(p, 2);
    assert_string_equal(cat(p, 2), "牵引性指标");
    assert_int_equal(zb_plan_indicator_responsible_count(p, i), 2);
    assert_string_equal(zb_plan_indicator_responsible(p, i, 0), "县发改局");
    assert_string_equal(zb_plan_indicator_responsible(p, i, 1), "开发区");
    assert_string_equal(zb_plan_indicator_source(p, i), "t.csv:3");
    assert_int_equal(zb_plan_first_year(p), 0); /* 目标值 names no year */
    zb_plan_free(p);
}

static void test_delimiters(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        char option;
        const char *name;
        const char *target;
    } cases[] = {
        {"指标名称,目标值\n甲,1\n", 0, "甲", "1"},
        {"指标名称\t目标值\n甲,乙\t1\n", 0, "甲,乙", "1"},
        {"指标名称;目标值\n甲,乙;1\n", 0, "甲,乙", "1"},
        /* the most frequent of the three in the header wins; ties go to the comma */
        {"序号;类别;指标名称,目标值\n;;\"甲\",1\n", 0, NULL, NULL},
        {"指标名称;目标值\n\"甲;乙\";1\n", 0, "甲;乙", "1"},
        /* a delimiter inside quotes in the header does not count */
        {"\"指标名称\",\"目标值\"\n甲,1\n", 0, "甲", "1"},
        {"指标名称|目标值\n甲,乙|1\n", '|', "甲,乙", "1"},
        {"指标名称;目标值\n甲,1;2\n", ',', NULL, NULL},
        /* a file of one column has no delimiter at all */
        {"指标名称\n甲\n乙\n", 0, "甲", ""},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        zb_csv_options opts = {cases[k].option};
        zb_plan *p = zb_plan_new();
        zb_status st = zb_csv_load_string(p, cases[k].text, strlen(cases[k].text), "t.csv", &opts);
        if (!cases[k].name) {
            /* ";" loses to "," or is overridden: the header then names unknown columns */
            if (st != ZB_ERR_SCHEMA)
                fail_msg("case %zu: status %d: %s", k, st, zb_errmsg(p));
        } else {
            if (st != ZB_OK)
                fail_msg("case %zu: %s", k, zb_errmsg(p));
            assert_string_equal(zb_plan_indicator_name(p, 0), cases[k].name);
            assert_string_equal(zb_plan_indicator_target_text(p, 0), cases[k].target);
        }
        zb_plan_free(p);
    }
}

static void test_line_ends(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "指标名称,目标值\n甲,1\n\n乙,2\n",
        "指标名称,目标值\r\n甲,1\r\n\r\n乙,2\r\n",
        "指标名称,目标值\r甲,1\r\r乙,2\r",   /* Excel for Mac */
        "指标名称,目标值\n甲,1\n  \n乙,2",    /* no final line end; a line of spaces */
        "\xEF\xBB\xBF指标名称,目标值\r\n甲,1\r\n\t\r\n乙,2", /* BOM, a line holding a tab */
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        zb_plan *p = load(texts[k]);
        assert_int_equal(zb_plan_indicator_count(p), 2);
        assert_string_equal(zb_plan_indicator_name(p, 0), "甲");
        assert_string_equal(zb_plan_indicator_source(p, 0), "t.csv:2");
        assert_string_equal(zb_plan_indicator_name(p, 1), "乙");
        assert_string_equal(zb_plan_indicator_target_text(p, 1), "2");
        assert_string_equal(zb_plan_indicator_source(p, 1), "t.csv:4");
        zb_plan_free(p);
    }
}

static void test_quoted_fields(void **state)
{
    (void)state;
    zb_plan *p = load("序号,指标名称,目标值,责任单位\n"
                      "1,\"招引落地总投资10亿元以上,含外资(个)\",3,\"县商务局,县发改局\"\n"
                      "2,\"新增\"\"小升规\"\"企业(家)\",62,县经信局\n"
                      "3,\"培育智能工厂\n(数字化车间)(家)\",\"5\r\n\",县经信局\n"
                      "4,  \"  带空格  \"  ,\"\",\n"
                      "5,后一行,1,县经信局\n");
    assert_int_equal(zb_plan_indicator_count(p), 5);
    assert_string_equal(zb_plan_indicator_name(p, ind(p, 1)), "招引落地总投资10亿元以上,含外资(个)");
    assert_int_equal(zb_plan_indicator_responsible_count(p, ind(p, 1)), 2);
    assert_string_equal(zb_plan_indicator_name(p, ind(p, 2)), "新增\"小升规\"企业(家)");
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 2)), "家");
    /* a line break inside a name is white space next to Chinese: the plan drops it */
    assert_string_equal(zb_plan_indicator_name(p, ind(p, 3)), "培育智能工厂(数字化车间)(家)");
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 3)), "家");
    assert_string_equal(zb_plan_indicator_target_text(p, ind(p, 3)), "5");
    assert_string_equal(zb_plan_indicator_source(p, ind(p, 3)), "t.csv:4"); /* where the row starts */
    assert_string_equal(zb_plan_indicator_name(p, ind(p, 4)), "带空格");
    assert_string_equal(zb_plan_indicator_target_text(p, ind(p, 4)), "");
    /* row 3 took lines 4 to 6: its target cell holds a CRLF too */
    assert_string_equal(zb_plan_indicator_source(p, ind(p, 4)), "t.csv:7");
    assert_string_equal(zb_plan_indicator_source(p, ind(p, 5)), "t.csv:8");
    zb_plan_free(p);
}

static void test_header_names(void **state)
{
    (void)state;
    static const char *const headers[] = {
        "序号,类别,指标名称,计量单位,目标值,责任单位",
        "seq,category,name,unit,target,responsible",
        "No.,CATEGORY,Indicator,Unit,Target,Units",
        "#,Category,NAME,单位,目标,牵头单位",
        "序 号,类\u00a0别,指\u3000标\u3000名\u3000称, 计量单位 ,\"目标值\",责任 单位",
        "\xEF\xBB\xBF序号,类别,指标,计量单位,目标值,责任单位",
        "no,category,indicator,unit,target,responsible",
    };
    for (size_t k = 0; k < sizeof headers / sizeof headers[0]; k++) {
        char text[512];
        snprintf(text, sizeof text, "%s\n7,甲类,指标甲,个,3,县经信局\n", headers[k]);
        zb_plan *p = load(text);
        size_t i = ind(p, 7);
        assert_string_equal(cat(p, 7), "甲类");
        assert_string_equal(zb_plan_indicator_name(p, i), "指标甲");
        assert_string_equal(zb_plan_indicator_unit(p, i), "个");
        assert_string_equal(zb_plan_indicator_target_text(p, i), "3");
        assert_string_equal(zb_plan_indicator_lead(p, i), "县经信局");
        zb_plan_free(p);
    }
}

static void test_year_headers(void **state)
{
    (void)state;
    static const struct {
        const char *header;
        int first, last;
    } cases[] = {
        {"2024年目标值", 2024, 2024},        {"2024年目标", 2024, 2024},
        {" 2024 年 目标值", 2024, 2024},     {"２０２５年目标值", 2025, 2025},
        {"2021-2023年目标值", 2021, 2023},   {"2021–2023年目标", 2021, 2023},
        {"2021—2023年目标值", 2021, 2023},   {"目标值", 0, 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[256];
        snprintf(text, sizeof text, "指标名称,%s\n甲,1\n", cases[k].header);
        zb_plan *p = load(text);
        assert_int_equal(zb_plan_first_year(p), cases[k].first);
        assert_int_equal(zb_plan_last_year(p), cases[k].last);
        assert_string_equal(zb_plan_indicator_target_text(p, 0), "1");
        zb_plan_free(p);
    }
    /* The plan's own years win over the header's. */
    zb_plan *p = zb_plan_new();
    assert_int_equal(zb_plan_set_years(p, 2023, 2023), ZB_OK);
    const char *text = "指标名称,2024年目标值\n甲,1\n";
    assert_int_equal(zb_csv_load_string(p, text, strlen(text), "t.csv", NULL), ZB_OK);
    assert_int_equal(zb_plan_first_year(p), 2023);
    assert_int_equal(zb_plan_indicator_count(p), 1);
    zb_plan_free(p);
}

static void test_unit_column(void **state)
{
    (void)state;
    zb_plan *p = load("序号,指标名称,计量单位,目标值\n"
                      "1,单位工业增加值能耗(吨标煤/万元),,0.45以下\n" /* empty: from the name */
                      "2,光伏发电装机量,万千瓦,0.5\n"
                      "3,新增市级以上首台(套)项目,,2\n"                /* the group is not a unit */
                      "4,规上工业增加值增速,%,6.5\n");
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 1)), "吨标煤/万元");
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 2)), "万千瓦");
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 3)), "");
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 4)), "%");
    assert_string_equal(zb_plan_indicator_target_text(p, ind(p, 1)), "0.45以下");
    assert_int_equal(zb_plan_indicator_qualifier(p, ind(p, 1)), ZB_QUAL_AT_MOST);
    zb_plan_free(p);
}

static void test_categories(void **state)
{
    (void)state;
    zb_plan *p = load("序号,类别,指标名称,目标值\n"
                      "1,,无类别,1\n"                      /* blank before any category: none */
                      "2,牵\u00a0引\u00a0性\u00a0指\u00a0标,甲,1\n"
                      "3,,乙,1\n"                          /* blank: the merged cell above */
                      "4,\u3000,丙,1\n"                     /* white space only is blank too */
                      "5,企业培育,丁,1\n"
                      ",绿色发展,,\n"                       /* a row of its own heads a group */
                      "6,,戊,1\n"
                      ",空类别,,\n");                      /* kept even with nothing below */
    assert_int_equal(zb_plan_indicator_count(p), 6);
    assert_string_equal(cat(p, 1), "-");
    assert_string_equal(cat(p, 2), "牵引性指标");
    assert_string_equal(cat(p, 3), "牵引性指标");
    assert_string_equal(cat(p, 4), "牵引性指标");
    assert_string_equal(cat(p, 5), "企业培育");
    assert_string_equal(cat(p, 6), "绿色发展");
    assert_int_equal(zb_plan_category_count(p), 4);
    assert_string_equal(zb_plan_category_name(p, 3), "空类别");
    zb_plan_free(p);
}

static void test_rows_and_sequence(void **state)
{
    (void)state;
    zb_plan *p = load("\n  \n,,\n序号,指标名称,目标值,备注,\n"  /* blank rows before the header */
                      ",甲,1,,\n"                              /* 序号 empty: numbered */
                      "１２,乙,2,三年累计,\n"                 /* full-width digits */
                      ",丙,3,,,,\n"                            /* empty cells past the header */
                      ",,,,\n"
                      "007,丁,4,,\n"
                      "8,,5,,\n"                               /* no name: accepted, validation reports it */
                      ",,,说明,\n");                           /* only a remark: still a row */
    assert_int_equal(zb_plan_indicator_count(p), 6);
    assert_int_equal(zb_plan_indicator_seq(p, 0), 1);
    assert_int_equal(zb_plan_indicator_seq(p, 1), 12);
    assert_int_equal(zb_plan_indicator_seq(p, 2), 13);
    assert_string_equal(zb_plan_indicator_source(p, 2), "t.csv:7");
    assert_int_equal(zb_plan_indicator_seq(p, 3), 7);
    assert_string_equal(zb_plan_indicator_source(p, 3), "t.csv:9");
    assert_string_equal(zb_plan_indicator_name(p, ind(p, 8)), "");
    assert_string_equal(zb_plan_indicator_target_text(p, ind(p, 8)), "5");
    assert_int_equal(zb_plan_indicator_seq(p, 5), 14);
    zb_plan_free(p);
}

static void test_preamble_and_header_only(void **state)
{
    (void)state;
    /* What Excel writes for the target table: 附件2 and the title above the header. */
    zb_plan *p = load("附件2,,,,\n2024年目标体系表,,,,\n\n序号,类别,指标名称,2024年目标值,责任单位\n"
                      "1,牵引性指标,甲,1,县经信局\n");
    assert_int_equal(zb_plan_indicator_count(p), 1);
    assert_string_equal(zb_plan_indicator_source(p, 0), "t.csv:5");
    assert_int_equal(zb_plan_first_year(p), 2024);
    zb_plan_free(p);

    /* A header of one column is a header, not a title. */
    p = load("指标名称\n甲\n");
    assert_int_equal(zb_plan_indicator_count(p), 1);
    zb_plan_free(p);

    /* Only a header: an empty table, which replaces the plan's. */
    p = zb_plan_new();
    zb_indicator_def def = {0};
    def.name = "旧指标";
    assert_int_equal(zb_plan_add_indicator(p, &def, NULL), ZB_OK);
    const char *text = "序号,类别,指标名称,2024年目标值,责任单位\r\n";
    assert_int_equal(zb_csv_load_string(p, text, strlen(text), "t.csv", NULL), ZB_OK);
    assert_int_equal(zb_plan_indicator_count(p), 0);
    assert_int_equal(zb_plan_category_count(p), 0);
    assert_int_equal(zb_plan_first_year(p), 2024);
    zb_plan_free(p);
}

/* ---- errors ------------------------------------------------------------------------- */

static void test_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t len; /* 0 = strlen */
        zb_status status;
        const char *message;
    } cases[] = {
        {"", 0, ZB_ERR_SCHEMA, "t.csv: empty file"},
        {"\xEF\xBB\xBF\r\n \n,,,\n", 0, ZB_ERR_SCHEMA, "t.csv: empty file"},
        {"附件2\n2024年目标体系表\n", 0, ZB_ERR_SCHEMA, "t.csv: no header row naming the columns; line 1 holds only \"附件2\""},
        {"某县2025年工作要点\n一、主要目标\n", 0, ZB_ERR_SCHEMA, "; a notice's text is no table: zhibiao import (zb_import_text) makes a plan of it"},
        {"序号，类别，指标名称\n1，甲，乙\n", 0, ZB_ERR_SCHEMA, "line 1 holds only \"序号，类别，指标名称\""},
        {"序号,类别,目标值\n1,甲,2\n", 0, ZB_ERR_SCHEMA, "t.csv:1: no 指标名称 (name) column; the header has 序号, 类别, 目标值"},
        {"\n\n序号,指标名称,目标数\n", 0, ZB_ERR_SCHEMA, "t.csv:3: column 3 (目标数): unknown column; the columns are 序号/seq"},
        {"序号,指标名称,目标值，责任单位\n", 0, ZB_ERR_SCHEMA, "column 3 (目标值，责任单位): unknown column (full-width"},
        {"name,targets\n", 0, ZB_ERR_SCHEMA, "t.csv:1: column 2 (targets): unknown column"},
        {"指标名称,目标值,2024年目标值\n", 0, ZB_ERR_SCHEMA, "t.csv:1: column 3 (2024年目标值): duplicate column: column 2 (目标值)"},
        {"指标名称,0999年目标值\n甲,1\n", 0, ZB_ERR_VALUE, "t.csv:1: column 2 (0999年目标值): not a year"},
        {"指标名称,2025-2023年目标值\n甲,1\n", 0, ZB_ERR_VALUE, "column 2 (2025-2023年目标值): not a year"},
        {"序号,指标名称\n1,甲\n\nabc,乙\n", 0, ZB_ERR_VALUE, "t.csv:4: column 1 (序号): not a sequence number: \"abc\""},
        {"No.,name\n1.0,甲\n", 0, ZB_ERR_VALUE, "t.csv:2: column 1 (No.): not a sequence number: \"1.0\""},
        {"序号,指标名称\n-1,甲\n", 0, ZB_ERR_VALUE, "not a sequence number: \"-1\""},
        {"序号,指标名称\n0,甲\n", 0, ZB_ERR_VALUE, "t.csv:2: column 1 (序号): sequence number out of range"},
        {"序号,指标名称\n99999999999,甲\n", 0, ZB_ERR_VALUE, "sequence number out of range"},
        {"序号,指标名称\n3,甲\n3,乙\n", 0, ZB_ERR_DUPLICATE, "t.csv:3: column 1 (序号): sequence number 3 is already used at line 2"},
        {"序号,指标名称\n,甲\n1,乙\n", 0, ZB_ERR_DUPLICATE, "sequence number 1 is already used at line 2 (numbered automatically"},
        {"序号,指标名称,目标值\n1,甲,1\n2,乙,丙,3\n", 0, ZB_ERR_SCHEMA, "t.csv:3: the row has 4 fields but the header has 3 (field 4 is \"3\")"},
        {"序号\t指标名称\n1\t甲\t乙\n", 0, ZB_ERR_SCHEMA, "delimiter '\\t'"},
        {"序号,指标名称,\n1,甲,乙\n", 0, ZB_ERR_SCHEMA, "t.csv:2: column 3 has no header but holds \"乙\""},
        {"序号,指标名称\n1,\"甲\n2,乙\n3,丙\n", 0, ZB_ERR_SYNTAX, "t.csv:2:3: a quoted field starts here and never ends"},
        {"序号,指标名称\n1,\"甲\n\"\"x\"\"\n2,乙\n", 0, ZB_ERR_SYNTAX, "t.csv:2:3: a quoted field starts here"},
        {"指标名称\n\"", 0, ZB_ERR_SYNTAX, "t.csv:2:1: a quoted field starts here"},
        {"序号,指标名称\n1,新增\"小升规\"企业\n", 0, ZB_ERR_SYNTAX, "t.csv:2:5: stray quote"},
        {"序号,指标名称\n1,\"甲\"乙\n", 0, ZB_ERR_SYNTAX, "t.csv:2:6: text after the closing quote"},
        {"序号,指标名称\n1,\"甲\n乙\"x,\n", 0, ZB_ERR_SYNTAX, "t.csv:3:3: text after the closing quote"},
        {"\xD0\xF2\xBA\xC5,\xD6\xB8\xB1\xEA\xC3\xFB\xB3\xC6\n", 0, ZB_ERR_ENCODING, "t.csv:1:1: not valid UTF-8: the file looks like GBK/GB18030"},
        {"指标名称\n甲\xFF乙\n", 0, ZB_ERR_ENCODING, "t.csv:2:2: not valid UTF-8: byte 0xFF at offset 16"},
        {"\xEF\xBB\xBF指标名称\n甲\xE4\xB8\n", 0, ZB_ERR_ENCODING, "t.csv:2:2: not valid UTF-8: byte 0xE4 at offset 19"},
        {"指标名称\r\n甲\r\n\x00", 20, ZB_ERR_ENCODING, "t.csv:3:1: a NUL byte at offset 19"},
        {"\xFF\xFE\x07\x63\x00\xD8", 6, ZB_ERR_ENCODING, "t.csv:1:2: not valid UTF-16: an unpaired surrogate 0xD800"},
        {"\xFE\xFF\x63\x07\x00", 5, ZB_ERR_ENCODING, "t.csv:1:2: not valid UTF-16: the file ends in the middle"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        zb_plan *p = zb_plan_new();
        size_t len = cases[k].len ? cases[k].len : strlen(cases[k].text);
        zb_status st = zb_csv_load_string(p, cases[k].text, len, "t.csv", NULL);
        if (st != cases[k].status)
            fail_msg("case %zu: status %d, expected %d: %s", k, st, cases[k].status, zb_errmsg(p));
        if (!strstr(zb_errmsg(p), cases[k].message))
            fail_msg("case %zu: \"%s\" does not contain \"%s\"", k, zb_errmsg(p), cases[k].message);
        assert_int_equal(zb_plan_indicator_count(p), 0);
        assert_int_equal(zb_plan_first_year(p), 0);
        zb_plan_free(p);
    }
}

static void test_failed_load_changes_nothing(void **state)
{
    (void)state;
    zb_plan *p = zb_plan_new();
    assert_int_equal(zb_plan_set_meta(p, ZB_META_TITLE, "工作要点"), ZB_OK);
    assert_int_equal(zb_plan_add_unit(p, "县经信局", NULL), ZB_OK);
    zb_indicator_def def = {0};
    def.seq = 9;
    def.name = "旧指标(家)";
    def.category = "旧类别";
    assert_int_equal(zb_plan_add_indicator(p, &def, NULL), ZB_OK);

    /* The error is in the last row, after a year header and two good rows. */
    const char *bad = "序号,类别,指标名称,2024年目标值\n1,新类别,甲,1\n2,,乙,2\n2,,丙,3\n";
    assert_int_equal(zb_csv_load_string(p, bad, strlen(bad), "t.csv", NULL), ZB_ERR_DUPLICATE);
    assert_contains(zb_errmsg(p), "t.csv:4:");
    assert_int_equal(zb_plan_indicator_count(p), 1);
    assert_string_equal(zb_plan_indicator_name(p, 0), "旧指标(家)");
    assert_int_equal(zb_plan_category_count(p), 1);
    assert_string_equal(zb_plan_category_name(p, 0), "旧类别");
    assert_int_equal(zb_plan_first_year(p), 0);

    /* A good load replaces the table and keeps the rest. */
    const char *good = "序号,类别,指标名称,2024年目标值\n1,新类别,甲,1\n2,,乙,2\n";
    assert_int_equal(zb_csv_load_string(p, good, strlen(good), "t.csv", NULL), ZB_OK);
    assert_string_equal(zb_errmsg(p), "");
    assert_int_equal(zb_plan_indicator_count(p), 2);
    assert_int_equal(zb_plan_find_indicator(p, 9), ZB_NONE);
    assert_int_equal(zb_plan_category_count(p), 1);
    assert_string_equal(zb_plan_category_name(p, 0), "新类别");
    assert_string_equal(zb_plan_meta(p, ZB_META_TITLE), "工作要点");
    assert_int_equal(zb_plan_unit_count(p), 1);
    assert_int_equal(zb_plan_first_year(p), 2024);
    zb_plan_free(p);
}

static void test_arguments(void **state)
{
    (void)state;
    assert_int_equal(zb_csv_load(NULL, "x.csv", NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_csv_load_string(NULL, "", 0, NULL, NULL), ZB_ERR_ARGUMENT);
    zb_plan *p = zb_plan_new();
    assert_int_equal(zb_csv_load(p, NULL, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_csv_load_string(p, NULL, 3, "t.csv", NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_csv_load_string(p, NULL, 0, NULL, NULL), ZB_ERR_SCHEMA);
    assert_contains(zb_errmsg(p), "<string>: empty file");
    assert_int_equal(zb_csv_load(p, "/nonexistent/dir/table.csv", NULL), ZB_ERR_IO);
    assert_contains(zb_errmsg(p), "/nonexistent/dir/table.csv");
    static const char bad_delims[] = {'"', '\n', '\r', (char)0xE3};
    for (size_t k = 0; k < sizeof bad_delims; k++) {
        zb_csv_options opts = {bad_delims[k]};
        const char *t = "指标名称\n甲\n";
        assert_int_equal(zb_csv_load_string(p, t, strlen(t), "t.csv", &opts), ZB_ERR_ARGUMENT);
        assert_contains(zb_errmsg(p), "delimiter");
    }
    /* Only len bytes are read: the text need not end in NUL. */
    const char text[] = "指标名称,目标值\n甲,1\n乙,2\n";
    assert_int_equal(zb_csv_load_string(p, text, strlen("指标名称,目标值\n甲,1\n乙"), "t.csv", NULL), ZB_OK);
    assert_int_equal(zb_plan_indicator_count(p), 2);
    assert_string_equal(zb_plan_indicator_target_text(p, 1), "");
    zb_plan_free(p);
}

/* Inputs that once tripped parsers: none may crash or leak, whatever they return. */
static void test_odd_inputs(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "\"", "\"\"", "\"\"\"", ",", "\r", "\r\r\n", "\n\n\n", ";\t,", "\"a\"\"", "a,\"b\nc",
        "指标名称\n\"\"\n", "指标名称,\n,\n,x\n", "\xEF\xBB\xBF", "\xEF\xBB", "序号,指标名称\n\xEF\xBC\x91,甲\n",
        "指标名称\n\"甲\"  \n", "指标名称\n  \"甲\"  ,  \n",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        zb_plan *p = zb_plan_new();
        zb_status st = zb_csv_load_string(p, texts[k], strlen(texts[k]), "t.csv", NULL);
        if (st != ZB_OK)
            assert_string_not_equal(zb_errmsg(p), "");
        zb_plan_free(p);
    }
}

/* ---- the fixtures in tests/data ----------------------------------------------------- */

static const char *data_dir(void)
{
    const char *d = getenv("ZB_TEST_DATA");
    return d && *d ? d : NULL;
}

static zb_plan *load_file(const char *rel)
{
    const char *dir = data_dir();
    if (!dir)
        return NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    zb_plan *p = zb_plan_new();
    assert_non_null(p);
    if (zb_csv_load(p, path, NULL) != ZB_OK)
        fail_msg("%s: %s", path, zb_errmsg(p));
    return p;
}

/* Category rows numbered as offices number them: the name after the ordinal, or the ordinal
 * alone beside the name; a numeral that starts a name is no ordinal. */
static void test_group_rows(void **state)
{
    (void)state;
    zb_plan *p = load("序号,指标名称,目标值\n"
                      "一、经济发展,,\n"
                      "1,甲,1\n"
                      "（二）,产业,\n"
                      "2,乙,1\n"
                      "(三)　开放合作,,\n"
                      "3,丙,1\n"
                      "十.民生,,\n"
                      "4,丁,1\n");
    assert_string_equal(cat(p, 1), "经济发展");
    assert_string_equal(cat(p, 2), "产业");
    assert_string_equal(cat(p, 3), "开放合作");
    assert_string_equal(cat(p, 4), "民生");
    zb_plan_free(p);
    p = load_opts("序号,指标名称,目标值\n十大工程,,\n", ZB_ERR_VALUE, NULL);
    assert_contains(zb_errmsg(p), "not a sequence number: \"十大工程\"");
    zb_plan_free(p);
    p = load_opts("序号,指标名称,目标值\n一、工业,产值,10\n", ZB_ERR_VALUE, NULL);
    assert_contains(zb_errmsg(p), "heads a group of indicators only when it holds nothing else");
    zb_plan_free(p);
    p = load_opts("序号,指标名称,目标值\n四、,,\n", ZB_ERR_VALUE, NULL); /* the ordinal alone names nothing */
    zb_plan_free(p);
    p = load_opts("序号,指标名称,目标值\n一,甲,\n", ZB_ERR_VALUE, NULL); /* a bare numeral heads nothing */
    assert_contains(zb_errmsg(p), "not a sequence number: \"一\"");
    zb_plan_free(p);
}

/* 配合单位 follow the lead; 完成时限 and 评分标准 are kept in the note. */
static void test_cooperating_and_note_columns(void **state)
{
    (void)state;
    zb_plan *p = load("序号,指标名称,目标值,牵头单位,配合单位,完成时限,评分标准,备注\n"
                      "1,甲,1,县发改局,县统计局、县经信局,12月底,每少10%扣1分,可比价\n"
                      "2,乙,1,县人社局,,,,\n"
                      "3,丙,1,县农业农村局,,6月底,,\n");
    size_t i = ind(p, 1);
    assert_int_equal(zb_plan_indicator_responsible_count(p, i), 3);
    assert_string_equal(zb_plan_indicator_lead(p, i), "县发改局");
    assert_string_equal(zb_plan_indicator_responsible(p, i, 2), "县经信局");
    assert_string_equal(zb_plan_indicator_note(p, i), "可比价；完成时限：12月底；评分标准：每少10%扣1分");
    assert_int_equal(zb_plan_indicator_responsible_count(p, ind(p, 2)), 1);
    assert_string_equal(zb_plan_indicator_note(p, ind(p, 2)), "");
    assert_string_equal(zb_plan_indicator_note(p, ind(p, 3)), "完成时限：6月底");
    zb_plan_free(p);
    p = load_opts("序号,指标名称,目标值,牵头单位,配合单位\n1,甲,1,,县统计局\n", ZB_ERR_VALUE, NULL);
    assert_contains(zb_errmsg(p), "t.csv:2:5: column 5 (配合单位): cooperating units \"县统计局\" without a lead unit");
    zb_plan_free(p);
}

/* Tables written as other offices keep them (tests/data/trial): what each must read as. */
static void test_file_trial_tables(void **state)
{
    (void)state;
    zb_plan *p = load_file("trial/county-kaohe-2025.csv");
    if (!p)
        skip();
    assert_int_equal(zb_plan_indicator_count(p), 7);
    assert_int_equal(zb_plan_category_count(p), 2);
    assert_string_equal(cat(p, 1), "经济发展");
    assert_string_equal(cat(p, 5), "民生保障");
    size_t i = ind(p, 1);
    assert_string_equal(zb_plan_indicator_target_text(p, i), "≥6.5%");
    assert_int_equal(zb_plan_indicator_qualifier(p, i), ZB_QUAL_AT_LEAST);
    assert_true(zb_plan_indicator_weight(p, i) == 10);
    assert_int_equal(zb_plan_indicator_responsible_count(p, i), 2);
    assert_string_equal(zb_plan_indicator_responsible(p, i, 1), "县统计局");
    i = ind(p, 3);
    assert_true(zb_plan_indicator_target(p, i) == 1250000);
    assert_string_equal(zb_plan_indicator_responsible(p, i, 1), "各乡镇（街道）");
    i = ind(p, 4);
    assert_true(zb_plan_indicator_target(p, i) == 8000);
    assert_int_equal(zb_plan_indicator_qualifier(p, i), ZB_QUAL_AT_LEAST);
    assert_true(zb_plan_indicator_target(p, ind(p, 5)) == 3500);
    assert_int_equal(zb_classify_target(zb_plan_indicator_target_text(p, ind(p, 7)), NULL, NULL, NULL),
                     ZB_TARGET_QUALITATIVE);
    zb_plan_free(p);

    p = load_file("trial/town-kaohe-pingfen.csv");
    assert_int_equal(zb_plan_indicator_count(p), 3);
    assert_string_equal(zb_plan_indicator_note(p, ind(p, 1)), "完成时限：12月底；评分标准：完成得满分，每少10%扣1分");
    assert_string_equal(cat(p, 2), "招商引资");
    zb_plan_free(p);

    p = load_file("trial/city-xuhao-mixed.csv");
    assert_int_equal(zb_plan_indicator_count(p), 4);
    assert_string_equal(cat(p, 1), "产业发展");
    assert_string_equal(cat(p, 4), "开放合作");
    assert_true(zb_plan_indicator_target(p, ind(p, 4)) == 2100);
    zb_plan_free(p);

    p = load_file("trial/city-shisiwu-mid.tsv");
    assert_int_equal(zb_plan_indicator_count(p), 8);
    assert_int_equal(zb_plan_category_count(p), 3);
    assert_string_equal(cat(p, 3), "创新驱动");
    assert_string_equal(cat(p, 6), "绿色低碳");
    assert_string_equal(zb_plan_indicator_base_text(p, ind(p, 3)), "1,086");
    assert_int_equal(zb_plan_indicator_direction(p, ind(p, 6)), ZB_DIR_LOWER);
    assert_int_equal(zb_plan_indicator_direction(p, ind(p, 7)), ZB_DIR_LOWER); /* <5.5: a cap */
    assert_int_equal(zb_plan_indicator_qualifier(p, ind(p, 7)), ZB_QUAL_AT_MOST);
    zb_plan_free(p);

    p = load_file("trial/county-fullwidth.csv");
    assert_true(zb_plan_indicator_target(p, ind(p, 1)) == 340);
    assert_true(zb_plan_indicator_target(p, ind(p, 2)) == 7);
    zb_plan_free(p);
}

/* The seed's 附件2 as published: 41 indicators in 10 categories. */
static void test_file_tonglu(void **state)
{
    (void)state;
    zb_plan *p = load_file("csv/tonglu-2024.csv");
    if (!p)
        skip();
    assert_int_equal(zb_plan_indicator_count(p), 41);
    assert_int_equal(zb_plan_category_count(p), 10);
    assert_int_equal(zb_plan_first_year(p), 2024);
    assert_int_equal(zb_plan_last_year(p), 2024);
    static const char *const categories[] = {
        "牵引性指标", "深化集群培育体系", "提升产业链供应链韧性和安全水平", "提升产业科技创新能力",
        "推动产业转型升级", "推动数实深度融合", "推动工业绿色发展", "深化优质企业培育",
        "推动集群品质提升", "强化要素保障",
    };
    for (size_t k = 0; k < 10; k++)
        assert_string_equal(zb_plan_category_name(p, k), categories[k]);
    for (int seq = 1; seq <= 41; seq++)
        assert_int_equal(zb_plan_indicator_seq(p, (size_t)seq - 1), seq);

    size_t i = ind(p, 1);
    assert_string_equal(zb_plan_indicator_name(p, i), "“415X”先进制造业集群规上企业营业收入(亿元)");
    assert_string_equal(zb_plan_indicator_unit(p, i), "亿元");
    assert_string_equal(zb_plan_indicator_target_text(p, i), "450");
    assert_string_equal(zb_plan_indicator_lead(p, i), "县经信局");
    assert_string_equal(cat(p, 5), "牵引性指标");
    assert_string_equal(cat(p, 6), "深化集群培育体系");
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 14)), ""); /* 首台(套)项目 */
    i = ind(p, 17);
    assert_string_equal(zb_plan_indicator_name(p, i), "特色小镇年度总产出(亿元)");
    assert_int_equal(zb_plan_indicator_responsible_count(p, i), 2);
    assert_string_equal(zb_plan_indicator_responsible(p, i, 1), "开发区");
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 23)), "家");
    assert_string_equal(zb_plan_indicator_name(p, ind(p, 37)), "新增“品字标浙江制造”认证企业(家)");
    i = ind(p, 39);
    assert_string_equal(zb_plan_indicator_target_text(p, i), "20%");
    assert_string_equal(zb_plan_indicator_unit(p, i), "%");
    assert_string_equal(cat(p, 39), "推动集群品质提升");
    i = ind(p, 41);
    assert_string_equal(zb_plan_indicator_name(p, i), "新增数字高技能人才(人)");
    assert_string_equal(zb_plan_indicator_target_text(p, i), "200");
    assert_string_equal(zb_plan_indicator_lead(p, i), "县委人才办");
    assert_string_equal(cat(p, 41), "强化要素保障");
    assert_non_null(strstr(zb_plan_indicator_source(p, i), "tonglu-2024.csv:42"));
    zb_plan_free(p);
}

static void test_file_fixtures(void **state)
{
    (void)state;
    if (!data_dir())
        skip();
    zb_plan *p = load_file("csv/english.csv");
    assert_int_equal(zb_plan_indicator_count(p), 4);
    assert_string_equal(zb_plan_indicator_target_text(p, ind(p, 1)), "6.5以上");
    assert_string_equal(zb_plan_indicator_name(p, ind(p, 2)), "新增\"小升规\"企业");
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 2)), "家");
    assert_int_equal(zb_plan_indicator_responsible_count(p, ind(p, 2)), 2);
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 3)), "家");
    assert_non_null(strstr(zb_plan_indicator_source(p, ind(p, 4)), "english.csv:6"));
    assert_string_equal(cat(p, 4), "Green");
    zb_plan_free(p);

    p = load_file("csv/tab.csv");
    assert_int_equal(zb_plan_indicator_count(p), 3);
    assert_string_equal(zb_plan_indicator_name(p, ind(p, 2)), "特色小镇年度总产出,含开发区");
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 2)), "亿元");
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 3)), "%");
    zb_plan_free(p);

    p = load_file("csv/semicolon.csv");
    assert_int_equal(zb_plan_indicator_count(p), 2);
    assert_int_equal(zb_plan_indicator_responsible_count(p, ind(p, 2)), 2);
    zb_plan_free(p);

    p = load_file("csv/units.csv");
    assert_int_equal(zb_plan_indicator_count(p), 4);
    assert_int_equal(zb_plan_first_year(p), 2021);
    assert_int_equal(zb_plan_last_year(p), 2023);
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 2)), "家");
    assert_string_equal(zb_plan_indicator_unit(p, ind(p, 10)), "吨标煤/万元");
    assert_string_equal(cat(p, 11), "绿色发展");
    zb_plan_free(p);

    p = load_file("csv/preamble.csv");
    assert_int_equal(zb_plan_indicator_count(p), 2);
    assert_int_equal(zb_plan_first_year(p), 2024);
    zb_plan_free(p);

    p = load_file("csv/unicode-text.txt"); /* Excel's "Unicode text": UTF-16, tabs */
    assert_int_equal(zb_plan_indicator_count(p), 3);
    assert_int_equal(zb_plan_first_year(p), 2024);
    assert_string_equal(zb_plan_indicator_name(p, ind(p, 1)), "“415X”先进制造业集群规上企业营业收入(亿元)");
    zb_plan_free(p);

    p = load_file("csv/header-only.csv");
    assert_int_equal(zb_plan_indicator_count(p), 0);
    zb_plan_free(p);
}

/* The columns five-year and annual tables carry beyond the seed's five. */
static void test_table_columns(void **state)
{
    (void)state;
    zb_plan *p = load("序号,指标名称,单位,指标属性,2024年基数,2025年目标值,2026年目标值,指标类型,方向,分值,备注\n"
                      "1,亩均税收,万元/亩,约束性,28.5,30,32,,,5分,\n"
                      "2,能耗,吨标煤/万元,预期性,0.5,下降3%,—,水平,逆向,2.5,口径见说明\n"
                      "3,小升规,家, 约束性指标 ,—,完成市下达任务,/,累计,越大越好,,\n"
                      "4,增速,%,,,7以上,,增速,正向,,\n"
                      "5,X,个,,,,,Level,Lower,,\n");
    assert_int_equal(zb_plan_first_year(p), 2025);
    assert_int_equal(zb_plan_last_year(p), 2026);
    size_t i = ind(p, 1);
    assert_int_equal(zb_plan_indicator_kind(p, i), ZB_KIND_LEVEL); /* the unit column says 万元/亩 */
    assert_int_equal(zb_plan_indicator_unit_given(p, i), 1);
    assert_int_equal(zb_plan_indicator_attribute(p, i), ZB_ATTR_BINDING);
    assert_int_equal(zb_plan_indicator_base_year(p, i), 2024);
    assert_string_equal(zb_plan_indicator_base_text(p, i), "28.5");
    assert_true(zb_plan_indicator_weight(p, i) == 5);
    assert_int_equal(zb_plan_indicator_target_count(p, i), 2);
    assert_int_equal(zb_plan_indicator_target_year(p, i, 0), 2025);
    assert_string_equal(zb_plan_indicator_target_text_at(p, i, 1), "32");
    assert_string_equal(zb_plan_indicator_target_text(p, i), "32"); /* the plan's last year */
    i = ind(p, 2);
    assert_int_equal(zb_plan_indicator_attribute(p, i), ZB_ATTR_ANTICIPATORY);
    assert_int_equal(zb_plan_indicator_direction(p, i), ZB_DIR_LOWER);
    assert_true(zb_plan_indicator_weight(p, i) == 2.5);
    assert_string_equal(zb_plan_indicator_note(p, i), "口径见说明");
    assert_true(fabs(zb_plan_indicator_target_value_at(p, i, 0) - 0.485) < 1e-12);
    assert_int_equal(zb_plan_indicator_target_class_at(p, i, 1), ZB_TARGET_NONE);
    assert_string_equal(zb_plan_indicator_target_text_at(p, i, 1), "—");
    i = ind(p, 3);
    assert_int_equal(zb_plan_indicator_attribute(p, i), ZB_ATTR_BINDING);
    assert_string_equal(zb_plan_indicator_base_text(p, i), "—");
    assert_int_equal(zb_plan_indicator_kind(p, i), ZB_KIND_CUMULATIVE);
    assert_int_equal(zb_plan_indicator_target_class_at(p, i, 0), ZB_TARGET_QUALITATIVE);
    i = ind(p, 4);
    assert_int_equal(zb_plan_indicator_kind(p, i), ZB_KIND_RATE);
    assert_int_equal(zb_plan_indicator_target_count(p, i), 1);
    assert_int_equal(zb_plan_indicator_base_year(p, i), 0);
    i = ind(p, 5);
    assert_int_equal(zb_plan_indicator_kind(p, i), ZB_KIND_LEVEL);
    assert_int_equal(zb_plan_indicator_direction(p, i), ZB_DIR_LOWER);
    assert_int_equal(zb_plan_indicator_target_count(p, i), 0);
    /* Each target cell remembers where it was. */
    zb_findings *f = NULL;
    assert_int_equal(zb_plan_validate(p, &f), ZB_OK);
    int seen = 0;
    for (size_t k = 0; k < zb_findings_count(f); k++)
        if (strcmp(zb_findings_code(f, k), "qualitative-target") == 0) {
            assert_string_equal(zb_findings_location(f, k), "t.csv:4:6");
            seen++;
        }
    assert_int_equal(seen, 1);
    assert_int_equal(zb_findings_error_count(f), 0);
    zb_findings_free(f);
    zb_plan_free(p);

    /* 基期值 and 目标值 without years; 实际 as the base. */
    p = load("指标名称,基期值,目标值\n甲,1,2\n");
    assert_int_equal(zb_plan_indicator_base_year(p, 0), 0);
    assert_int_equal(zb_plan_indicator_target_year(p, 0, 0), 0);
    zb_plan_free(p);
    p = load("指标名称,2023年实际,2024年目标值\n甲,1,2\n");
    assert_int_equal(zb_plan_indicator_base_year(p, 0), 2023);
    assert_int_equal(zb_plan_first_year(p), 2024);
    assert_int_equal(zb_plan_last_year(p), 2024);
    assert_int_equal(zb_plan_indicator_target_year(p, 0, 0), 0); /* the plan's own */
    zb_plan_free(p);
    /* A base year before a single span: the span stays as written. */
    p = load("指标名称,2020年基期值,2021-2023年目标值\n甲,1,2\n");
    assert_int_equal(zb_plan_first_year(p), 2021);
    zb_plan_free(p);
    p = load("指标名称,2020年基期值,2025年目标值\n甲,1,2\n");
    assert_int_equal(zb_plan_first_year(p), 2021);
    assert_int_equal(zb_plan_last_year(p), 2025);
    zb_plan_free(p);
}

/* A 目标值 heading merged over year columns, as Excel flattens it: the heading in its first
 * column, the years on the row below; bare `2025年` columns in a single header row. */
static void test_year_columns(void **state)
{
    (void)state;
    zb_plan *p = load("附件1\n"
                      "序号,指标名称,计量单位,基期值,目标值,,,责任单位\n"
                      ",,,2020年,2023年,2024年目标值,2025年,\n"
                      "1,甲,亿元,10,12,13,15,县发改局\n"
                      "2,乙,%,/,持续提升,,≥8,县经信局\n");
    assert_int_equal(zb_plan_first_year(p), 2021);
    assert_int_equal(zb_plan_last_year(p), 2025);
    size_t i = ind(p, 1);
    assert_int_equal(zb_plan_indicator_base_year(p, i), 2020);
    assert_int_equal(zb_plan_indicator_target_count(p, i), 3);
    assert_int_equal(zb_plan_indicator_target_year(p, i, 1), 2024);
    assert_string_equal(zb_plan_indicator_target_text_at(p, i, 2), "15");
    assert_string_equal(zb_plan_indicator_lead(p, i), "县发改局");
    i = ind(p, 2);
    assert_int_equal(zb_plan_indicator_target_count(p, i), 2);
    assert_int_equal(zb_plan_indicator_find_target(p, i, 2024), ZB_NONE);
    zb_plan_free(p);

    /* A heading whose next row is data: no years, the empty column must stay empty. */
    p = load("指标名称,目标值,\n甲,1,\n");
    assert_int_equal(zb_plan_indicator_target_count(p, 0), 1);
    zb_plan_free(p);
    p = load_opts("指标名称,目标值,\n甲,1,2\n", ZB_ERR_SCHEMA, NULL);
    assert_contains(zb_errmsg(p), "t.csv:2: column 3 has no header but holds \"2\"");
    zb_plan_free(p);
    /* Header only, with its years. */
    p = load("指标名称,目标值,\n,2025年,2026年\n");
    assert_int_equal(zb_plan_indicator_count(p), 0);
    assert_int_equal(zb_plan_last_year(p), 2026);
    zb_plan_free(p);

    /* 十四五 style: 2020年 | 2025年: the earlier is the base. */
    p = load("指标名称,2020年,2025年,属性\n甲,5,8,约束性\n");
    assert_string_equal(zb_plan_indicator_base_text(p, 0), "5");
    assert_int_equal(zb_plan_indicator_base_year(p, 0), 2020);
    assert_string_equal(zb_plan_indicator_target_text(p, 0), "8");
    assert_int_equal(zb_plan_first_year(p), 2021);
    zb_plan_free(p);
    /* Three bare years: one base, two targets. */
    p = load("指标名称,2020年,2023年,2025年\n甲,5,6,8\n");
    assert_int_equal(zb_plan_indicator_target_count(p, 0), 2);
    zb_plan_free(p);
    /* A lone bare year is the target; beside another target column, the base. */
    p = load("指标名称,2025年\n甲,8\n");
    assert_string_equal(zb_plan_indicator_target_text(p, 0), "8");
    assert_string_equal(zb_plan_indicator_base_text(p, 0), "");
    zb_plan_free(p);
    p = load("指标名称,2024年,2025年目标值\n甲,7,8\n");
    assert_string_equal(zb_plan_indicator_base_text(p, 0), "7");
    zb_plan_free(p);
}

static void test_column_value_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        zb_status status;
        const char *message;
    } cases[] = {
        {"指标名称,属性\n甲,约束\n乙,必选\n", ZB_ERR_VALUE,
         "t.csv:3:2: column 2 (属性): \"必选\" is not an attribute (约束性 or 预期性)"},
        {"指标名称,类型\n甲,总数\n", ZB_ERR_VALUE,
         "t.csv:2:2: column 2 (类型): \"总数\" is not a kind (累计, 增速 or 水平; cumulative, rate or level)"},
        {"指标名称,方向\n甲,向上\n", ZB_ERR_VALUE,
         "t.csv:2:2: column 2 (方向): \"向上\" is not a direction (正向 or 逆向; 越大越好 or 越小越好)"},
        {"指标名称,权重\n甲,0\n", ZB_ERR_VALUE, "t.csv:2:2: column 2 (权重): \"0\" is not a weight (a number greater than 0)"},
        {"指标名称,分值\n甲,5分以上\n", ZB_ERR_VALUE, "t.csv:2:2: column 2 (分值): \"5分以上\" is not a weight"},
        {"指标名称,权重\n甲,高\n", ZB_ERR_VALUE, "t.csv:2:2: column 2 (权重): \"高\" is not a weight"},
        {"指标名称,2025年目标值,2025年目标\n", ZB_ERR_SCHEMA,
         "t.csv:1: column 3 (2025年目标): duplicate column: column 2 (2025年目标值) names the same thing"},
        {"指标名称,基期值,2024年基数\n", ZB_ERR_SCHEMA, "t.csv:1: column 3 (2024年基数): duplicate column"},
        {"指标名称,属性,指标属性\n", ZB_ERR_SCHEMA, "t.csv:1: column 3 (指标属性): duplicate column"},
        {"指标名称,2024年计划\n", ZB_ERR_SCHEMA, "t.csv:1: column 2 (2024年计划): unknown column; the columns are 序号/seq"},
        {"指标名称,年均/累计\n", ZB_ERR_SCHEMA, "unknown column; the columns are 序号/seq, 类别/category, 指标名称/name, "
                                                "计量单位/单位/unit, 属性/指标属性/attribute, 基期值"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        zb_plan *p = load_opts(cases[k].text, cases[k].status, NULL);
        assert_contains(zb_errmsg(p), cases[k].message);
        assert_int_equal(zb_plan_indicator_count(p), 0);
        zb_plan_free(p);
    }
    /* Empty cells and placeholders leave the values inferred. */
    zb_plan *p = load("指标名称,属性,类型,方向,权重\n单位能耗,—,,/,—\n");
    assert_int_equal(zb_plan_indicator_attribute(p, 0), ZB_ATTR_NONE);
    assert_int_equal(zb_plan_indicator_kind(p, 0), ZB_KIND_LEVEL);
    assert_true(zb_plan_indicator_weight(p, 0) == 1);
    zb_plan_free(p);
}

/* Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated. */
/* The loader checks the whole text once and tells its scratch plan so; the plan it fills for
 * the caller checks every text again, as any plan does. */
static void test_text_checked_once(void **state)
{
    (void)state;
    zb_plan *plan = load("序号,指标名称,目标值\n1,新增企业(家),5\n");
    zb_indicator_def d = {0};
    d.name = "bad \xff name";
    d.target = "5";
    assert_int_equal(zb_plan_add_indicator(plan, &d, NULL), ZB_ERR_ENCODING);
    assert_int_equal(zb_plan_indicator_count(plan), 1);
    zb_plan_free(plan);
    /* A name that is not UTF-8 is not trusted: the sources made from it are refused. */
    plan = zb_plan_new();
    const char *text = "序号,指标名称,目标值\n1,新增企业(家),5\n";
    assert_int_equal(zb_csv_load_string(plan, text, strlen(text), "bad\xff.csv", NULL), ZB_ERR_ENCODING);
    zb_plan_free(plan);
}

static void test_unicode_text(void **state)
{
    (void)state;
    static const char le[] = "\xFF\xFE\x07\x63\x07\x68\x0D\x54\xF0\x79\t\0\xEE\x76\x07\x68\n\0"
                             "\x32\x75\t\0\x35\0\n\0";
    zb_plan *p = zb_plan_new();
    assert_int_equal(zb_csv_load_string(p, le, sizeof le - 1, "t.txt", NULL), ZB_OK);
    assert_string_equal(zb_plan_indicator_name(p, 0), "甲");
    assert_string_equal(zb_plan_indicator_target_text(p, 0), "5");
    zb_plan_free(p);
    static const char be[] = "\xFE\xFF\x63\x07\x68\x07\x54\x0D\x79\xF0\0\t\x76\xEE\x68\x07\0\n"
                             "\xD8\x40\xDC\x0B\0\t\0\x35";
    p = zb_plan_new();
    assert_int_equal(zb_csv_load_string(p, be, sizeof be - 1, "t.txt", NULL), ZB_OK);
    assert_string_equal(zb_plan_indicator_name(p, 0), "\xF0\xA0\x80\x8B"); /* U+2000B, a surrogate pair */
    zb_plan_free(p);
}

/* What one row of a real-table fixture must read as. targets: "year=text" pairs joined by
 * |, year 0 for the one tied to no year; value: the primary target's (NaN for none). */
typedef struct row_expect {
    int seq;
    const char *unit;
    zb_kind kind;
    zb_direction direction;
    zb_attribute attribute;
    const char *base;
    double weight;
    const char *targets;
    zb_target_class cls;
    double value;
} row_expect;

static void expect_rows(const zb_plan *p, const row_expect *rows, size_t n)
{
    assert_int_equal(zb_plan_indicator_count(p), n);
    for (size_t r = 0; r < n; r++) {
        const row_expect *e = &rows[r];
        size_t i = ind(p, e->seq);
        char got[512] = "";
        size_t o = 0;
        for (size_t k = 0; k < zb_plan_indicator_target_count(p, i); k++)
            o += (size_t)snprintf(got + o, sizeof got - o, "%s%d=%s", k ? "|" : "", zb_plan_indicator_target_year(p, i, k),
                                  zb_plan_indicator_target_text_at(p, i, k));
        double v = zb_plan_indicator_target(p, i);
        if (strcmp(zb_plan_indicator_unit(p, i), e->unit) != 0 || zb_plan_indicator_unit_given(p, i) != 1 ||
            zb_plan_indicator_kind(p, i) != e->kind || zb_plan_indicator_direction(p, i) != e->direction ||
            zb_plan_indicator_attribute(p, i) != e->attribute ||
            strcmp(zb_plan_indicator_base_text(p, i), e->base) != 0 || zb_plan_indicator_weight(p, i) != e->weight ||
            strcmp(got, e->targets) != 0 || zb_plan_indicator_target_class(p, i) != e->cls ||
            !(isnan(e->value) ? isnan(v) : fabs(v - e->value) < 1e-9))
            fail_msg("row %d: unit %s, kind %d, direction %d, attribute %d, base %s, weight %g, targets %s, class %d, "
                     "value %.17g",
                     e->seq, zb_plan_indicator_unit(p, i), zb_plan_indicator_kind(p, i),
                     zb_plan_indicator_direction(p, i), zb_plan_indicator_attribute(p, i),
                     zb_plan_indicator_base_text(p, i), zb_plan_indicator_weight(p, i), got,
                     zb_plan_indicator_target_class(p, i), v);
    }
}

/* The two fixtures in the style of published tables: a county 工作要点 table (also as Excel's
 * "Unicode text") and a 十四五 table with a 目标值 heading over two years. */
static void test_file_real_tables(void **state)
{
    (void)state;
    if (!data_dir())
        skip();
    const zb_kind C = ZB_KIND_CUMULATIVE, R = ZB_KIND_RATE, L = ZB_KIND_LEVEL;
    const zb_direction H = ZB_DIR_HIGHER, W = ZB_DIR_LOWER;
    const zb_attribute NA = ZB_ATTR_NONE, B = ZB_ATTR_BINDING, A = ZB_ATTR_ANTICIPATORY;
    const zb_target_class N = ZB_TARGET_NUMERIC, Q = ZB_TARGET_QUALITATIVE, X = ZB_TARGET_NONE;
    const row_expect yaodian[] = {
        {1, "%", R, H, NA, "6.9", 10, "0=7以上", N, 7},
        {2, "亿元", C, H, NA, "612", 8, "0=650", N, 650},
        {3, "%", R, H, NA, "12.1", 5, "0=10", N, 10},
        {4, "万元/亩", L, H, NA, "28.5", 5, "0=30", N, 30},
        {5, "万元/亩", L, H, NA, "150", 5, "0=增长5%", N, 157.5},
        {6, "家", C, H, NA, "35", 5, "0=40", N, 40},
        {7, "%", L, H, NA, "2.6", 5, "0=提高0.2个百分点", N, 2.8},
        {8, "家", C, H, NA, "—", 5, "0=15", N, 15},
        {9, "亿元", C, H, NA, "4.2", 3, "0=持续提升", Q, NAN},
        {10, "吨标煤/万元", L, W, NA, "/", 5, "0=下降3%", N, 3},
        {11, "%", L, H, NA, "90", 3, "0=完成市下达任务", Q, NAN},
        {12, "家", C, W, NA, "8", 5, "0=≤10", N, 10},
        {13, "亩", C, W, NA, "1200", 3, "0=1000以内", N, 1000},
        {14, "%", L, H, NA, "95", 1, "0=—", X, NAN},
        {15, "人", C, W, NA, "6", 5, "0=下降10%", N, 5.4},
        {16, "%", L, H, NA, "78", 5, "0=85", N, 85},
        {17, "个", C, H, NA, "18", 8, "0=20以上", N, 20},
        {18, "家", C, H, NA, "1", 2, "0=/", X, NAN},
        {19, "%", L, H, NA, "/", 3, "0=100", N, 100},
    };
    zb_plan *p = load_file("csv/gongzuo-yaodian.csv");
    expect_rows(p, yaodian, sizeof yaodian / sizeof *yaodian);
    assert_int_equal(zb_plan_first_year(p), 2025);
    assert_int_equal(zb_plan_last_year(p), 2025);
    assert_string_equal(zb_plan_indicator_note(p, ind(p, 10)), "以市考核口径为准");
    assert_int_equal(zb_plan_indicator_responsible_count(p, ind(p, 4)), 2);
    zb_plan *u = load_file("csv/gongzuo-yaodian.txt");
    expect_rows(u, yaodian, sizeof yaodian / sizeof *yaodian);
    char *a, *b;
    assert_int_equal(zb_json_dump(p, &a, NULL, NULL), ZB_OK);
    assert_int_equal(zb_json_dump(u, &b, NULL, NULL), ZB_OK);
    assert_string_equal(a, b);
    zb_free(a);
    zb_free(b);
    zb_plan_free(u);
    zb_plan_free(p);

    const row_expect shisiwu[] = {
        {1, "亿元", C, H, A, "520.3", 1, "2023=650|2025=≥780", N, 780},
        {2, "%", R, H, A, "3.6", 1, "2023=6.5左右|2025=年均增长6.5%左右", N, 6.5},
        {3, "%", R, H, A, "8.2", 1, "2023=8以上|2025=8以上", N, 8},
        {4, "万元/人", L, H, A, "15.6", 1, "2023=18|2025=21", N, 21},
        {5, "%", L, H, A, "8.5", 1, "2023=10|2025=12", N, 12},
        {6, "%", L, H, A, "2.1", 1, "2023=2.5|2025=提高0.8个百分点", N, 2.9},
        {7, "件", L, H, A, "3.2", 1, "2023=5|2025=8", N, 8},
        {8, "家", C, H, A, "120", 1, "2023=160|2025=≥200", N, 200},
        {9, "%", L, W, A, "4.2", 1, "2023=≤5|2025=≤5", N, 5},
        {10, "%", R, H, A, "6.9", 1, "2023=与经济增长同步|2025=与经济增长同步", Q, NAN},
        {11, "人", L, H, A, "2.8", 1, "2023=见专项规划|2025=3.5", N, 3.5},
        {12, "岁", L, H, A, "79.5", 1, "2023=—|2025=80以上", N, 80},
        {13, "%", L, H, B, "—", 1, "2023=完成市下达任务|2025=完成市下达任务", Q, NAN},
        {14, "%", L, H, B, "/", 1, "2023=完成省下达任务|2025=完成省下达任务", Q, NAN},
        {15, "吨标煤/万元", L, W, B, "0.52", 1, "2023=下降8%|2025=下降15%", N, 0.442},
        {16, "%", L, H, B, "92", 1, "2023=93|2025=95以上", N, 95},
        {17, "%", L, H, B, "64.5", 1, "2023=稳步提升|2025=65", N, 65},
        {18, "微克/立方米", L, W, B, "28", 1, "2023=≤27|2025=≤25", N, 25},
        {19, "万吨", C, H, B, "12.1", 1, "2023=保持稳定|2025=≥12", N, 12},
        {20, "人/亿元", L, W, B, "0.02", 1, "2023=下降10%|2025=下降20%", N, 0.016},
    };
    p = load_file("csv/shisiwu.csv");
    expect_rows(p, shisiwu, sizeof shisiwu / sizeof *shisiwu);
    assert_int_equal(zb_plan_first_year(p), 2021);
    assert_int_equal(zb_plan_last_year(p), 2025);
    assert_int_equal(zb_plan_indicator_base_year(p, ind(p, 15)), 2020);
    assert_true(fabs(zb_plan_indicator_target_value_at(p, ind(p, 15), 0) - 0.4784) < 1e-12);
    assert_int_equal(zb_plan_category_count(p), 5);
    /* Nothing a published table holds is an error. */
    zb_findings *f = NULL;
    assert_int_equal(zb_plan_validate(p, &f), ZB_OK);
    assert_int_equal(zb_findings_error_count(f), 0);
    zb_findings_free(f);
    zb_plan_free(p);
}

/* Every tests/data/bad/NAME.csv fails with a message holding the line of NAME.expect, and
 * leaves the plan as it was. */
static void test_file_bad(void **state)
{
    (void)state;
    const char *dir = data_dir();
    if (!dir)
        skip();
    char path[4096];
    snprintf(path, sizeof path, "%s/bad", dir);
    DIR *d = opendir(path);
    assert_non_null(d);
    int seen = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".csv") != 0)
            continue;
        char expect_path[4096], expect[1024] = "";
        snprintf(path, sizeof path, "%s/bad/%s", dir, e->d_name);
        snprintf(expect_path, sizeof expect_path, "%s/bad/%.*s.expect", dir, (int)(n - 4), e->d_name);
        FILE *f = fopen(expect_path, "r");
        if (!f)
            fail_msg("%s has no .expect file", path);
        if (!fgets(expect, sizeof expect, f))
            expect[0] = '\0';
        fclose(f);
        expect[strcspn(expect, "\r\n")] = '\0';
        assert_true(expect[0] != '\0');

        zb_plan *p = zb_plan_new();
        zb_indicator_def def = {0};
        def.name = "旧指标";
        assert_int_equal(zb_plan_add_indicator(p, &def, NULL), ZB_OK);
        zb_status st = zb_csv_load(p, path, NULL);
        if (st == ZB_OK)
            fail_msg("%s loaded", path);
        if (!strstr(zb_errmsg(p), expect))
            fail_msg("%s: \"%s\" does not contain \"%s\"", path, zb_errmsg(p), expect);
        assert_int_equal(zb_plan_indicator_count(p), 1);
        assert_string_equal(zb_plan_indicator_name(p, 0), "旧指标");
        zb_plan_free(p);
        seen++;
    }
    closedir(d);
    assert_true(seen >= 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),
        cmocka_unit_test(test_delimiters),
        cmocka_unit_test(test_line_ends),
        cmocka_unit_test(test_quoted_fields),
        cmocka_unit_test(test_header_names),
        cmocka_unit_test(test_year_headers),
        cmocka_unit_test(test_unit_column),
        cmocka_unit_test(test_categories),
        cmocka_unit_test(test_rows_and_sequence),
        cmocka_unit_test(test_preamble_and_header_only),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_failed_load_changes_nothing),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_odd_inputs),
        cmocka_unit_test(test_file_tonglu),
        cmocka_unit_test(test_file_fixtures),
        cmocka_unit_test(test_file_bad),
        cmocka_unit_test(test_table_columns),
        cmocka_unit_test(test_year_columns),
        cmocka_unit_test(test_column_value_errors),
        cmocka_unit_test(test_text_checked_once),
        cmocka_unit_test(test_unicode_text),
        cmocka_unit_test(test_file_real_tables),
        cmocka_unit_test(test_group_rows),
        cmocka_unit_test(test_cooperating_and_note_columns),
        cmocka_unit_test(test_file_trial_tables),
    };
    return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
