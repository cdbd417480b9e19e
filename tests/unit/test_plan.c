/* Tests of the plan model: storage, setters and getters, error paths, swap and move,
 * actuals, and lookups on plans of realistic size. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/plan_internal.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

static int setup(void **state)
{
    *state = zb_plan_new();
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    zb_plan_free(*state);
    return 0;
}

static size_t add(zb_plan *plan, int seq, const char *category, const char *name, const char *target,
                  const char *responsible)
{
    zb_indicator_def def = {0};
    def.seq = seq;
    def.category = category;
    def.name = name;
    def.target = target;
    def.responsible = responsible;
    size_t i = ZB_NONE;
    assert_int_equal(zb_plan_add_indicator(plan, &def, &i), ZB_OK);
    assert_string_equal(zb_errmsg(plan), "");
    return i;
}

/* ---- lifetime and errors ---- */

static void test_lifetime(void **state)
{
    (void)state;
    zb_plan_free(NULL);
    zb_plan *plan = zb_plan_new();
    assert_non_null(plan);
    assert_string_equal(zb_errmsg(plan), "");
    assert_string_equal(zb_errmsg(NULL), "");
    assert_int_equal(zb_plan_fail(plan, ZB_ERR_VALUE, "bad %d", 7), ZB_ERR_VALUE);
    assert_string_equal(zb_errmsg(plan), "bad 7");
    zb_plan_clear_error(plan);
    assert_string_equal(zb_errmsg(plan), "");
    assert_int_equal(zb_plan_fail(NULL, ZB_ERR_IO, "x"), ZB_ERR_IO);
    zb_plan_clear_error(NULL);
    zb_plan_free(plan);
}

static void test_error_message_truncated_on_character(void **state)
{
    zb_plan *plan = *state;
    char big[3 * 400 + 1];
    for (int i = 0; i < 400; i++)
        memcpy(big + 3 * i, "指", 3);
    big[1200] = '\0';
    zb_plan_fail(plan, ZB_ERR_VALUE, "x%s", big);
    size_t n = strlen(zb_errmsg(plan));
    assert_true(n < ZB_ERROR_MESSAGE_MAX);
    assert_int_equal(zb_utf8_check(zb_errmsg(plan), n), n);
}

/* Every getter answers a NULL plan as it answers a bad index. */
static void test_null_plan_getters(void **state)
{
    (void)state;
    assert_null(zb_plan_meta(NULL, ZB_META_TITLE));
    zb_date d = zb_plan_date(NULL, ZB_DATE_ISSUED);
    assert_int_equal(d.year + d.month + d.day, 0);
    assert_int_equal(zb_plan_first_year(NULL), 0);
    assert_int_equal(zb_plan_last_year(NULL), 0);
    assert_int_equal(zb_plan_recipient_count(NULL), 0);
    assert_null(zb_plan_recipient(NULL, 0));
    assert_int_equal(zb_plan_copy_to_count(NULL), 0);
    assert_null(zb_plan_copy_to(NULL, 0));
    assert_int_equal(zb_plan_unit_count(NULL), 0);
    assert_null(zb_plan_unit_name(NULL, 0));
    assert_null(zb_plan_unit_full_name(NULL, 0));
    assert_int_equal(zb_plan_find_unit(NULL, "x"), ZB_NONE);
    assert_int_equal(zb_plan_category_count(NULL), 0);
    assert_null(zb_plan_category_name(NULL, 0));
    assert_int_equal(zb_plan_find_category(NULL, "x"), ZB_NONE);
    assert_int_equal(zb_plan_indicator_count(NULL), 0);
    assert_int_equal(zb_plan_find_indicator(NULL, 1), ZB_NONE);
    assert_int_equal(zb_plan_indicator_seq(NULL, 0), 0);
    assert_null(zb_plan_indicator_name(NULL, 0));
    assert_true(isnan(zb_plan_indicator_target(NULL, 0)));
    assert_int_equal(zb_plan_task_count(NULL), 0);
    assert_null(zb_plan_task_title(NULL, 0));
    assert_int_equal(zb_plan_block_count(NULL), 0);
    assert_int_equal(zb_plan_block_level(NULL, 0), -1);
    assert_int_equal(zb_plan_attachment_count(NULL), 0);
    assert_int_equal(zb_plan_attachment_number(NULL, 0), 0);
    assert_int_equal(zb_plan_actual_count(NULL), 0);
    assert_int_equal(zb_plan_actual_indicator(NULL, 0), ZB_NONE);
    assert_true(isnan(zb_plan_actual_value(NULL, 0)));
    assert_int_equal(zb_plan_find_actual(NULL, 0, "2024-01"), ZB_NONE);
}

/* Every setter refuses a NULL plan. */
static void test_null_plan_setters(void **state)
{
    (void)state;
    zb_indicator_def def = {0};
    def.name = "x";
    zb_task_def task = {0};
    zb_date date = {2024, 1, 1};
    assert_int_equal(zb_plan_set_meta(NULL, ZB_META_TITLE, "x"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_set_date(NULL, ZB_DATE_ISSUED, date), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_set_years(NULL, 2024, 2024), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_recipient(NULL, "x"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_copy_to(NULL, "x"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_unit(NULL, "x", NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_category(NULL, "x", NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_indicator(NULL, &def, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_indicator_responsible(NULL, 0, "x"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_task(NULL, &task, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_task_duty(NULL, 0, NULL, "x", NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_block(NULL, 0, "x"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_attachment(NULL, 0, ZB_ATTACH_TEXT, "x", NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_actual(NULL, 1, "2024-01", 1, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_note(NULL, "", "x", "a", "b"), ZB_ERR_ARGUMENT);
    zb_plan_swap(NULL, NULL);
    zb_plan_move_table(NULL, NULL);
}

/* ---- metadata ---- */

static void test_meta(void **state)
{
    zb_plan *plan = *state;
    for (int f = ZB_META_TITLE; f <= ZB_META_PLAN_TITLE; f++)
        assert_string_equal(zb_plan_meta(plan, (zb_meta)f), "");
    /* The fields a site's header block and a notice's plan add. */
    static const struct {
        zb_meta field;
        const char *text;
    } site[] = {
        {ZB_META_INDEX_NO, "113307230026011330/2022-264120"},
        {ZB_META_PUBLISHER, "县府办"},
        {ZB_META_VALIDITY, "有效"},
        {ZB_META_DISCLOSURE, "主动公开"},
        {ZB_META_PLAN_TITLE, "武义县新一轮制造业“腾笼换鸟、凤凰涅槃”攻坚行动方案"},
    };
    for (size_t i = 0; i < COUNT(site); i++) {
        assert_int_equal(zb_plan_set_meta(plan, site[i].field, site[i].text), ZB_OK);
        assert_string_equal(zb_plan_meta(plan, site[i].field), site[i].text);
    }
    /* Prose keeps its inner spaces; only the ends are trimmed. */
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_TITLE, "  桐庐县“415X”先进制造业集群培育工程 2024年工作要点 "),
                     ZB_OK);
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "桐庐县“415X”先进制造业集群培育工程 2024年工作要点");
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_DOC_NUMBER, "武政发〔2022〕11号"), ZB_OK);
    assert_string_equal(zb_plan_meta(plan, ZB_META_DOC_NUMBER), "武政发〔2022〕11号");
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_DOC_NUMBER, NULL), ZB_OK);
    assert_string_equal(zb_plan_meta(plan, ZB_META_DOC_NUMBER), "");

    static const int bad_fields[] = {-1, 12, 100};
    for (size_t i = 0; i < COUNT(bad_fields); i++) {
        assert_int_equal(zb_plan_set_meta(plan, (zb_meta)bad_fields[i], "x"), ZB_ERR_ARGUMENT);
        assert_string_not_equal(zb_errmsg(plan), "");
        assert_null(zb_plan_meta(plan, (zb_meta)bad_fields[i]));
    }
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_ORGAN, "\xc3\x28"), ZB_ERR_ENCODING);
    assert_string_equal(zb_plan_meta(plan, ZB_META_ORGAN), "");
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_ORGAN, "武义县人民政府"), ZB_OK);
    assert_string_equal(zb_errmsg(plan), "");
}

static void test_dates(void **state)
{
    zb_plan *plan = *state;
    static const struct {
        zb_date date;
        zb_status st;
    } cases[] = {
        {{2022, 3, 24}, ZB_OK},        {{2024, 2, 29}, ZB_OK},          {{2024, 2, 30}, ZB_ERR_VALUE},
        {{2023, 2, 29}, ZB_ERR_VALUE}, {{2022, 13, 1}, ZB_ERR_VALUE},   {{2022, 0, 1}, ZB_ERR_VALUE},
        {{1899, 12, 31}, ZB_ERR_VALUE}, {{2022, 4, 31}, ZB_ERR_VALUE},  {{0, 0, 1}, ZB_ERR_VALUE},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        zb_date before = zb_plan_date(plan, ZB_DATE_ISSUED);
        zb_status st = zb_plan_set_date(plan, ZB_DATE_ISSUED, cases[i].date);
        assert_int_equal(st, cases[i].st);
        zb_date now = zb_plan_date(plan, ZB_DATE_ISSUED);
        zb_date want = st == ZB_OK ? cases[i].date : before;
        assert_int_equal(now.year, want.year);
        assert_int_equal(now.month, want.month);
        assert_int_equal(now.day, want.day);
        if (st)
            assert_string_not_equal(zb_errmsg(plan), "");
        else
            assert_string_equal(zb_errmsg(plan), "");
    }
    zb_date printed = {2022, 3, 25};
    assert_int_equal(zb_plan_set_date(plan, ZB_DATE_PRINTED, printed), ZB_OK);
    assert_int_equal(zb_plan_date(plan, ZB_DATE_PRINTED).day, 25);
    zb_date zero = {0, 0, 0};
    assert_int_equal(zb_plan_set_date(plan, ZB_DATE_PRINTED, zero), ZB_OK);
    assert_int_equal(zb_plan_date(plan, ZB_DATE_PRINTED).year, 0);
    zb_date published = {2022, 3, 29};
    assert_int_equal(zb_plan_set_date(plan, ZB_DATE_PUBLISHED, published), ZB_OK);
    assert_int_equal(zb_plan_date(plan, ZB_DATE_PUBLISHED).day, 29);
    assert_int_equal(zb_plan_date(plan, ZB_DATE_ISSUED).day, 29); /* the last good case above */
    assert_int_equal(zb_plan_set_date(plan, (zb_date_field)3, printed), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_date(plan, (zb_date_field)3).year, 0);
    assert_int_equal(zb_plan_date(plan, (zb_date_field)-1).year, 0);
}

static void test_years(void **state)
{
    zb_plan *plan = *state;
    static const struct {
        int first, last;
        zb_status st;
    } cases[] = {
        {2024, 2024, ZB_OK},        {2021, 2023, ZB_OK},        {1900, 9999, ZB_OK},
        {0, 0, ZB_OK},              {2023, 2021, ZB_ERR_VALUE}, {1899, 2024, ZB_ERR_VALUE},
        {2024, 10000, ZB_ERR_VALUE}, {0, 2024, ZB_ERR_VALUE},   {2024, 0, ZB_ERR_VALUE},
        {-1, -1, ZB_ERR_VALUE},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        int f0 = zb_plan_first_year(plan), l0 = zb_plan_last_year(plan);
        assert_int_equal(zb_plan_set_years(plan, cases[i].first, cases[i].last), cases[i].st);
        assert_int_equal(zb_plan_first_year(plan), cases[i].st ? f0 : cases[i].first);
        assert_int_equal(zb_plan_last_year(plan), cases[i].st ? l0 : cases[i].last);
    }
}

static void test_recipients_and_copy_to(void **state)
{
    zb_plan *plan = *state;
    assert_int_equal(zb_plan_add_recipient(plan, "各乡镇人民政府、街道办事处"), ZB_OK);
    assert_int_equal(zb_plan_add_recipient(plan, " 县政府 各部门 "), ZB_OK);
    assert_int_equal(zb_plan_recipient_count(plan), 2);
    assert_string_equal(zb_plan_recipient(plan, 0), "各乡镇人民政府、街道办事处");
    assert_string_equal(zb_plan_recipient(plan, 1), "县政府各部门");
    assert_null(zb_plan_recipient(plan, 2));
    assert_int_equal(zb_plan_add_recipient(plan, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_recipient(plan, " \u3000"), ZB_ERR_VALUE);
    assert_int_equal(zb_plan_add_recipient(plan, "\xe4\xb8"), ZB_ERR_ENCODING);
    assert_int_equal(zb_plan_recipient_count(plan), 2);

    assert_int_equal(zb_plan_add_copy_to(plan, "县委各部门"), ZB_OK);
    assert_int_equal(zb_plan_copy_to_count(plan), 1);
    assert_string_equal(zb_plan_copy_to(plan, 0), "县委各部门");
    assert_null(zb_plan_copy_to(plan, 1));
    assert_int_equal(zb_plan_add_copy_to(plan, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_copy_to(plan, ""), ZB_ERR_VALUE);
    assert_int_equal(zb_plan_copy_to_count(plan), 1);
}

/* ---- units and categories ---- */

static void test_units(void **state)
{
    zb_plan *plan = *state;
    assert_int_equal(zb_plan_add_unit(plan, "县经信局", "桐庐县经济和信息化局"), ZB_OK);
    assert_int_equal(zb_plan_add_unit(plan, "县 发改局", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_unit(plan, "开发区", ""), ZB_OK);
    assert_int_equal(zb_plan_unit_count(plan), 3);
    assert_string_equal(zb_plan_unit_name(plan, 1), "县发改局");
    assert_string_equal(zb_plan_unit_full_name(plan, 0), "桐庐县经济和信息化局");
    assert_string_equal(zb_plan_unit_full_name(plan, 1), "");
    assert_string_equal(zb_plan_unit_full_name(plan, 2), "");
    assert_null(zb_plan_unit_name(plan, 3));
    assert_null(zb_plan_unit_full_name(plan, 3));
    assert_int_equal(zb_plan_find_unit(plan, "县发改局"), 1);
    assert_int_equal(zb_plan_find_unit(plan, "县\u00a0发改局 "), 1);
    assert_int_equal(zb_plan_find_unit(plan, "县商务局"), ZB_NONE);
    assert_int_equal(zb_plan_find_unit(plan, NULL), ZB_NONE);

    static const struct {
        const char *name;
        zb_status st;
    } bad[] = {
        {NULL, ZB_ERR_ARGUMENT}, {"", ZB_ERR_VALUE}, {"\u3000", ZB_ERR_VALUE},
        {"县经信局", ZB_ERR_DUPLICATE}, {" 县经信局", ZB_ERR_DUPLICATE}, {"\xff", ZB_ERR_ENCODING},
    };
    for (size_t i = 0; i < COUNT(bad); i++) {
        assert_int_equal(zb_plan_add_unit(plan, bad[i].name, NULL), bad[i].st);
        assert_string_not_equal(zb_errmsg(plan), "");
        assert_int_equal(zb_plan_unit_count(plan), 3);
    }
    assert_int_equal(zb_plan_add_unit(plan, "县商务局", "\xff"), ZB_ERR_ENCODING);
    assert_int_equal(zb_plan_unit_count(plan), 3);
}

static void test_categories(void **state)
{
    zb_plan *plan = *state;
    size_t i = 99;
    assert_int_equal(zb_plan_find_category(plan, "x"), ZB_NONE);
    assert_int_equal(zb_plan_add_category(plan, "牵\u00a0引\u00a0性\u00a0指\u00a0标", &i), ZB_OK);
    assert_int_equal(i, 0);
    assert_int_equal(zb_plan_add_category(plan, "深化集群培育体系", NULL), ZB_OK);
    assert_int_equal(zb_plan_category_count(plan), 2);
    assert_string_equal(zb_plan_category_name(plan, 0), "牵引性指标");
    assert_null(zb_plan_category_name(plan, 2));
    assert_int_equal(zb_plan_find_category(plan, "牵引性指标"), 0);
    assert_int_equal(zb_plan_find_category(plan, "牵 引 性 指 标"), 0);
    assert_int_equal(zb_plan_find_category(plan, "深化集群培育体系"), 1);

    i = 99;
    assert_int_equal(zb_plan_add_category(plan, "深化集群培育体系", &i), ZB_ERR_DUPLICATE);
    assert_int_equal(i, 1);
    assert_non_null(strstr(zb_errmsg(plan), "深化集群培育体系"));
    assert_int_equal(zb_plan_add_category(plan, NULL, &i), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_category(plan, "  ", &i), ZB_ERR_VALUE);
    assert_int_equal(zb_plan_add_category(plan, "\x80", &i), ZB_ERR_ENCODING);
    assert_int_equal(zb_plan_category_count(plan), 2);
}

/* ---- indicators ---- */

static void test_indicator_fields(void **state)
{
    zb_plan *plan = *state;
    static const struct {
        const char *name, *unit, *target, *responsible;
        const char *want_name, *want_bare, *want_unit, *want_target_text;
        double value;
        zb_qualifier q;
        zb_kind kind;
        zb_direction dir;
        size_t nresp;
        const char *lead;
    } cases[] = {
        {"新增“小升规”企业(家)", NULL, "62", "县经信局", "新增“小升规”企业(家)", "新增“小升规”企业", "家", "62", 62,
         ZB_QUAL_NONE, ZB_KIND_CUMULATIVE, ZB_DIR_HIGHER, 1, "县经信局"},
        {"规上工业增加值增速(%)", NULL, "6.5%左右", "县经信局、县统计局", "规上工业增加值增速(%)",
         "规上工业增加值增速", "%", "6.5%左右", 6.5, ZB_QUAL_ABOUT, ZB_KIND_RATE, ZB_DIR_HIGHER, 2, "县经信局"},
        {"培育智能工厂(数字化车间)(家)", NULL, "5", "县经信局", "培育智能工厂(数字化车间)(家)",
         "培育智能工厂(数字化车间)", "家", "5", 5, ZB_QUAL_NONE, ZB_KIND_CUMULATIVE, ZB_DIR_HIGHER, 1, "县经信局"},
        {"新增市级以上首台(套)项目", NULL, "2", NULL, "新增市级以上首台(套)项目", "新增市级以上首台(套)项目", "",
         "2", 2, ZB_QUAL_NONE, ZB_KIND_CUMULATIVE, ZB_DIR_HIGHER, 0, ""},
        {"专利快速预审提速率(%)", NULL, " 20% ", "县市场监管局", "专利快速预审提速率(%)", "专利快速预审提速率", "%",
         "20%", 20, ZB_QUAL_NONE, ZB_KIND_LEVEL, ZB_DIR_HIGHER, 1, "县市场监管局"},
        {"新增“ 品字标浙江制造”认证企业(家)", NULL, "5", "县市场监管局", "新增“品字标浙江制造”认证企业(家)",
         "新增“品字标浙江制造”认证企业", "家", "5", 5, ZB_QUAL_NONE, ZB_KIND_CUMULATIVE, ZB_DIR_HIGHER, 1,
         "县市场监管局"},
        /* A unit given apart from the name: the name is kept whole. */
        {"工业用地出让面积", "亩", "持续提升", "县规划和自然资源局 县经信局", "工业用地出让面积", "工业用地出让面积",
         "亩", "持续提升", NAN, ZB_QUAL_NONE, ZB_KIND_CUMULATIVE, ZB_DIR_HIGHER, 2, "县规划和自然资源局"},
        /* A unit given that equals the name's: the bare name drops it. */
        {"完成技术改造投资(亿元)", " 亿元", "15以上", NULL, "完成技术改造投资(亿元)", "完成技术改造投资", "亿元",
         "15以上", 15, ZB_QUAL_AT_LEAST, ZB_KIND_CUMULATIVE, ZB_DIR_HIGHER, 0, ""},
        /* "" means no unit, even when the name carries one. */
        {"招引项目(个)", "", "", NULL, "招引项目(个)", "招引项目(个)", "", "", NAN, ZB_QUAL_NONE,
         ZB_KIND_CUMULATIVE, ZB_DIR_HIGHER, 0, ""},
        /* % given apart from the name makes a level. */
        {"研发投入强度", "%", "≥3", NULL, "研发投入强度", "研发投入强度", "%", "≥3", 3, ZB_QUAL_AT_LEAST,
         ZB_KIND_LEVEL, ZB_DIR_HIGHER, 0, ""},
        {"单位工业增加值能耗(吨标煤/万元)", NULL, "0.5以下", "县发改局，县经信局；开发区", "单位工业增加值能耗(吨标煤/万元)",
         "单位工业增加值能耗", "吨标煤/万元", "0.5以下", 0.5, ZB_QUAL_AT_MOST, ZB_KIND_LEVEL, ZB_DIR_LOWER, 3,
         "县发改局"},
        /* Separators of every kind, empty pieces and repeats dropped. */
        {"x", NULL, NULL, " 、县发改局,,县经信局\u00a0开发区;县发改局；\u3000", "x", "x", "", "", NAN, ZB_QUAL_NONE,
         ZB_KIND_CUMULATIVE, ZB_DIR_HIGHER, 3, "县发改局"},
        /* An empty name is accepted and left to validation. */
        {"", NULL, "1", NULL, "", "", "", "1", 1, ZB_QUAL_NONE, ZB_KIND_CUMULATIVE, ZB_DIR_HIGHER, 0, ""},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        zb_indicator_def def = {0};
        def.name = cases[k].name;
        def.unit = cases[k].unit;
        def.target = cases[k].target;
        def.responsible = cases[k].responsible;
        size_t i = ZB_NONE;
        assert_int_equal(zb_plan_add_indicator(plan, &def, &i), ZB_OK);
        assert_int_equal(i, k);
        assert_int_equal(zb_plan_indicator_seq(plan, i), (int)k + 1);
        assert_string_equal(zb_plan_indicator_name(plan, i), cases[k].want_name);
        assert_string_equal(zb_plan_indicator_bare_name(plan, i), cases[k].want_bare);
        assert_string_equal(zb_plan_indicator_unit(plan, i), cases[k].want_unit);
        assert_string_equal(zb_plan_indicator_target_text(plan, i), cases[k].want_target_text);
        double t = zb_plan_indicator_target(plan, i);
        if (isnan(cases[k].value))
            assert_true(isnan(t));
        else
            assert_true(t == cases[k].value);
        assert_int_equal(zb_plan_indicator_qualifier(plan, i), cases[k].q);
        assert_int_equal(zb_plan_indicator_kind(plan, i), cases[k].kind);
        assert_int_equal(zb_plan_indicator_direction(plan, i), cases[k].dir);
        assert_int_equal(zb_plan_indicator_responsible_count(plan, i), cases[k].nresp);
        assert_string_equal(zb_plan_indicator_lead(plan, i), cases[k].lead);
        assert_int_equal(zb_plan_indicator_category(plan, i), ZB_NONE);
        assert_string_equal(zb_plan_indicator_source(plan, i), "");
    }
    size_t last = COUNT(cases) - 2;
    assert_string_equal(zb_plan_indicator_responsible(plan, last, 0), "县发改局");
    assert_string_equal(zb_plan_indicator_responsible(plan, last, 1), "县经信局");
    assert_string_equal(zb_plan_indicator_responsible(plan, last, 2), "开发区");
    assert_null(zb_plan_indicator_responsible(plan, last, 3));
}

static void test_indicator_explicit(void **state)
{
    zb_plan *plan = *state;
    zb_indicator_def def = {0};
    def.seq = 7;
    def.category = " 牵\u00a0引\u00a0性\u00a0指\u00a0标";
    def.name = "规上工业增加值增速(%)";
    def.target = "6.5以上";
    def.qualifier = ZB_QUAL_ABOUT;
    def.kind = ZB_KIND_CUMULATIVE;
    def.direction = ZB_DIR_LOWER;
    def.source = "plan.json:14:7";
    size_t i;
    assert_int_equal(zb_plan_add_indicator(plan, &def, &i), ZB_OK);
    assert_int_equal(zb_plan_indicator_seq(plan, i), 7);
    assert_int_equal(zb_plan_indicator_qualifier(plan, i), ZB_QUAL_ABOUT);
    assert_int_equal(zb_plan_indicator_kind(plan, i), ZB_KIND_CUMULATIVE);
    assert_int_equal(zb_plan_indicator_direction(plan, i), ZB_DIR_LOWER);
    assert_string_equal(zb_plan_indicator_source(plan, i), "plan.json:14:7");
    assert_int_equal(zb_plan_category_count(plan), 1);
    assert_string_equal(zb_plan_category_name(plan, 0), "牵引性指标");
    assert_int_equal(zb_plan_indicator_category(plan, i), 0);

    /* The same category by another spelling joins it; seq 0 continues after the largest. */
    def.seq = 0;
    def.category = "牵引性指标";
    def.name = "b";
    assert_int_equal(zb_plan_add_indicator(plan, &def, &i), ZB_OK);
    assert_int_equal(zb_plan_indicator_seq(plan, i), 8);
    assert_int_equal(zb_plan_indicator_category(plan, i), 0);
    def.seq = 3;
    def.category = "";
    assert_int_equal(zb_plan_add_indicator(plan, &def, &i), ZB_OK);
    assert_int_equal(zb_plan_indicator_category(plan, i), ZB_NONE);
    def.seq = 0;
    def.category = "新类别";
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    assert_int_equal(zb_plan_indicator_seq(plan, 3), 9);
    assert_int_equal(zb_plan_indicator_category(plan, 3), 1);
    assert_int_equal(zb_plan_category_count(plan), 2);

    assert_int_equal(zb_plan_find_indicator(plan, 7), 0);
    assert_int_equal(zb_plan_find_indicator(plan, 8), 1);
    assert_int_equal(zb_plan_find_indicator(plan, 3), 2);
    assert_int_equal(zb_plan_find_indicator(plan, 9), 3);
    assert_int_equal(zb_plan_find_indicator(plan, 4), ZB_NONE);
    assert_int_equal(zb_plan_find_indicator(plan, 0), ZB_NONE);
    assert_int_equal(zb_plan_find_indicator(plan, -1), ZB_NONE);
}

static void test_indicator_errors(void **state)
{
    zb_plan *plan = *state;
    zb_indicator_def ok = {0};
    ok.seq = 3;
    ok.name = "新增“小升规”企业(家)";
    ok.source = "table.csv:4";
    assert_int_equal(zb_plan_add_indicator(plan, &ok, NULL), ZB_OK);

    static const struct {
        int seq;
        const char *name;
        int qualifier, kind, direction;
        const char *category;
        zb_status st;
        const char *msg; /* part of the message */
    } cases[] = {
        {5, NULL, 0, 0, 0, NULL, ZB_ERR_ARGUMENT, "no name"},
        {-1, "x", 0, 0, 0, NULL, ZB_ERR_VALUE, "negative"},
        {3, "新增“小升规”企业(家)", 0, 0, 0, NULL, ZB_ERR_DUPLICATE,
         "indicator 3 (新增“小升规”企业(家)): sequence number 3 is already used by 新增“小升规”企业(家) (table.csv:4)"},
        {5, "x", 5, 0, 0, NULL, ZB_ERR_VALUE, "qualifier"},
        {5, "x", -1, 0, 0, NULL, ZB_ERR_VALUE, "qualifier"},
        {5, "x", 0, 4, 0, NULL, ZB_ERR_VALUE, "kind"},
        {5, "x", 0, -1, 0, NULL, ZB_ERR_VALUE, "kind"},
        {5, "x", 0, 0, 3, NULL, ZB_ERR_VALUE, "direction"},
        {5, "x", 0, 0, -1, NULL, ZB_ERR_VALUE, "direction"},
        {5, "\xe4\xb8", 0, 0, 0, NULL, ZB_ERR_ENCODING, "UTF-8"},
        {5, "x", 0, 0, 0, "\xe4", ZB_ERR_ENCODING, "UTF-8"},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        zb_indicator_def def = {0};
        def.seq = cases[k].seq;
        def.name = cases[k].name;
        def.qualifier = (zb_qualifier)cases[k].qualifier;
        def.kind = (zb_kind)cases[k].kind;
        def.direction = (zb_direction)cases[k].direction;
        def.category = cases[k].category ? cases[k].category : "新类别";
        size_t i = 42;
        assert_int_equal(zb_plan_add_indicator(plan, &def, &i), cases[k].st);
        assert_int_equal(i, 42);
        if (!strstr(zb_errmsg(plan), cases[k].msg))
            fail_msg("case %zu: message \"%s\" lacks \"%s\"", k, zb_errmsg(plan), cases[k].msg);
        /* Nothing changed, not even the category. */
        assert_int_equal(zb_plan_indicator_count(plan), 1);
        assert_int_equal(zb_plan_category_count(plan), 0);
    }
    assert_int_equal(zb_plan_add_indicator(plan, NULL, NULL), ZB_ERR_ARGUMENT);
    assert_string_not_equal(zb_errmsg(plan), "");
    /* A success clears the message. */
    ok.seq = 0;
    assert_int_equal(zb_plan_add_indicator(plan, &ok, NULL), ZB_OK);
    assert_string_equal(zb_errmsg(plan), "");
    assert_int_equal(zb_plan_indicator_seq(plan, 1), 4);

    /* No sequence number is left after INT_MAX. */
    ok.seq = 2147483647;
    assert_int_equal(zb_plan_add_indicator(plan, &ok, NULL), ZB_OK);
    ok.seq = 0;
    assert_int_equal(zb_plan_add_indicator(plan, &ok, NULL), ZB_ERR_VALUE);
    assert_int_equal(zb_plan_indicator_count(plan), 3);
}

static void test_indicator_getters_bad_index(void **state)
{
    zb_plan *plan = *state;
    add(plan, 1, NULL, "a", "1", "x");
    static const size_t bad[] = {1, 2, ZB_NONE};
    for (size_t k = 0; k < COUNT(bad); k++) {
        size_t i = bad[k];
        assert_int_equal(zb_plan_indicator_seq(plan, i), 0);
        assert_int_equal(zb_plan_indicator_category(plan, i), ZB_NONE);
        assert_null(zb_plan_indicator_name(plan, i));
        assert_null(zb_plan_indicator_bare_name(plan, i));
        assert_null(zb_plan_indicator_unit(plan, i));
        assert_null(zb_plan_indicator_target_text(plan, i));
        assert_true(isnan(zb_plan_indicator_target(plan, i)));
        assert_int_equal(zb_plan_indicator_qualifier(plan, i), ZB_QUAL_AUTO);
        assert_int_equal(zb_plan_indicator_kind(plan, i), ZB_KIND_AUTO);
        assert_int_equal(zb_plan_indicator_direction(plan, i), ZB_DIR_AUTO);
        assert_int_equal(zb_plan_indicator_responsible_count(plan, i), 0);
        assert_null(zb_plan_indicator_responsible(plan, i, 0));
        assert_null(zb_plan_indicator_lead(plan, i));
        assert_null(zb_plan_indicator_source(plan, i));
        assert_true(isnan(zb_plan_indicator_weight(plan, i)));
    }
}

/* The new fields on a bad index, and every setter on one. */
static void test_indicator_fields_bad_index(void **state)
{
    zb_plan *plan = *state;
    add(plan, 1, NULL, "a", "1", "x");
    static const size_t bad[] = {1, ZB_NONE};
    for (size_t k = 0; k < COUNT(bad); k++) {
        size_t i = bad[k];
        assert_int_equal(zb_plan_indicator_unit_given(plan, i), 0);
        assert_int_equal(zb_plan_indicator_target_class(plan, i), ZB_TARGET_NONE);
        assert_int_equal(zb_plan_indicator_attribute(plan, i), ZB_ATTR_NONE);
        assert_int_equal(zb_plan_indicator_base_year(plan, i), 0);
        assert_null(zb_plan_indicator_base_text(plan, i));
        assert_true(isnan(zb_plan_indicator_base_value(plan, i)));
        assert_null(zb_plan_indicator_note(plan, i));
        assert_int_equal(zb_plan_indicator_target_count(plan, i), 0);
        assert_int_equal(zb_plan_indicator_primary_target(plan, i), ZB_NONE);
        assert_int_equal(zb_plan_indicator_find_target(plan, i, 0), ZB_NONE);
        assert_int_equal(zb_plan_indicator_set_target(plan, i, 0, "1", ZB_QUAL_AUTO), ZB_ERR_ARGUMENT);
        assert_non_null(strstr(zb_errmsg(plan), "set target: indicator index "));
        assert_int_equal(zb_plan_indicator_set_unit(plan, i, "家"), ZB_ERR_ARGUMENT);
        assert_int_equal(zb_plan_indicator_set_kind(plan, i, ZB_KIND_RATE), ZB_ERR_ARGUMENT);
        assert_int_equal(zb_plan_indicator_set_direction(plan, i, ZB_DIR_LOWER), ZB_ERR_ARGUMENT);
        assert_int_equal(zb_plan_indicator_set_weight(plan, i, 2), ZB_ERR_ARGUMENT);
        assert_int_equal(zb_plan_indicator_set_attribute(plan, i, ZB_ATTR_BINDING), ZB_ERR_ARGUMENT);
        assert_int_equal(zb_plan_indicator_set_base(plan, i, 2020, "1"), ZB_ERR_ARGUMENT);
        assert_int_equal(zb_plan_indicator_set_note(plan, i, "x"), ZB_ERR_ARGUMENT);
    }
    /* A bad target index. */
    assert_int_equal(zb_plan_indicator_target_year(plan, 0, 1), 0);
    assert_null(zb_plan_indicator_target_text_at(plan, 0, 1));
    assert_true(isnan(zb_plan_indicator_target_value_at(plan, 0, 1)));
    assert_int_equal(zb_plan_indicator_target_qualifier_at(plan, 0, 1), ZB_QUAL_AUTO);
    assert_int_equal(zb_plan_indicator_target_class_at(plan, 0, 1), ZB_TARGET_NONE);
    assert_int_equal(zb_plan_indicator_target_change_at(plan, 0, 1), ZB_CHANGE_NONE);
    assert_true(isnan(zb_plan_indicator_target_change_amount_at(plan, 0, 1)));
    assert_int_equal(zb_plan_indicator_target_as_change_at(plan, 0, 1), 0);
    /* A NULL plan. */
    assert_int_equal(zb_plan_indicator_set_target(NULL, 0, 0, "1", ZB_QUAL_AUTO), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_indicator_set_note(NULL, 0, "x"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_indicator_target_count(NULL, 0), 0);
}

/* Targets per year: kept in year order, the primary one is the plan's last year's, else the
 * one tied to no year, else the latest; the single-target getters follow it. */
static void test_indicator_targets(void **state)
{
    zb_plan *plan = *state;
    zb_indicator_def def = {.seq = 1, .name = "新增企业(家)", .target = "100", .target_year = 2024};
    size_t i;
    assert_int_equal(zb_plan_add_indicator(plan, &def, &i), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_target(plan, i, 2026, "≥300", ZB_QUAL_AUTO), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_target(plan, i, 2025, "200以上", ZB_QUAL_AUTO), ZB_OK);
    assert_int_equal(zb_plan_indicator_target_count(plan, i), 3);
    assert_int_equal(zb_plan_indicator_target_year(plan, i, 0), 2024);
    assert_int_equal(zb_plan_indicator_target_year(plan, i, 1), 2025);
    assert_int_equal(zb_plan_indicator_target_year(plan, i, 2), 2026);
    /* No years: the latest. */
    assert_int_equal(zb_plan_indicator_primary_target(plan, i), 2);
    assert_string_equal(zb_plan_indicator_target_text(plan, i), "≥300");
    assert_true(zb_plan_indicator_target(plan, i) == 300);
    assert_int_equal(zb_plan_indicator_qualifier(plan, i), ZB_QUAL_AT_LEAST);
    /* The plan's last year decides. */
    assert_int_equal(zb_plan_set_years(plan, 2024, 2025), ZB_OK);
    assert_int_equal(zb_plan_indicator_primary_target(plan, i), 1);
    assert_string_equal(zb_plan_indicator_target_text(plan, i), "200以上");
    /* Replace one, remove one, add one tied to no year. */
    assert_int_equal(zb_plan_indicator_set_target(plan, i, 2025, "250", ZB_QUAL_AT_MOST), ZB_OK);
    assert_string_equal(zb_plan_indicator_target_text_at(plan, i, 1), "250");
    assert_int_equal(zb_plan_indicator_target_qualifier_at(plan, i, 1), ZB_QUAL_AT_MOST);
    assert_int_equal(zb_plan_indicator_set_target(plan, i, 2024, NULL, ZB_QUAL_AUTO), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_target(plan, i, 2030, NULL, ZB_QUAL_AUTO), ZB_OK); /* nothing to remove */
    assert_int_equal(zb_plan_indicator_target_count(plan, i), 2);
    assert_int_equal(zb_plan_indicator_find_target(plan, i, 2024), ZB_NONE);
    assert_int_equal(zb_plan_indicator_find_target(plan, i, 2026), 1);
    assert_int_equal(zb_plan_set_years(plan, 2027, 2027), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_target(plan, i, 0, "—", ZB_QUAL_AUTO), ZB_OK);
    assert_int_equal(zb_plan_indicator_target_year(plan, i, 0), 0);
    assert_int_equal(zb_plan_indicator_primary_target(plan, i), 0);
    assert_int_equal(zb_plan_indicator_target_class(plan, i), ZB_TARGET_NONE);
    assert_true(isnan(zb_plan_indicator_target(plan, i)));
    assert_int_equal(zb_plan_indicator_qualifier(plan, i), ZB_QUAL_NONE);
    /* Bad arguments change nothing. */
    assert_int_equal(zb_plan_indicator_set_target(plan, i, 1899, "1", ZB_QUAL_AUTO), ZB_ERR_VALUE);
    assert_int_equal(zb_plan_indicator_set_target(plan, i, 2025, "1", (zb_qualifier)9), ZB_ERR_VALUE);
    assert_int_equal(zb_plan_indicator_set_target(plan, i, 2025, "\xff", ZB_QUAL_AUTO), ZB_ERR_ENCODING);
    assert_int_equal(zb_plan_indicator_target_count(plan, i), 3);
    /* An indicator without targets. */
    size_t j = add(plan, 2, NULL, "b", NULL, NULL);
    assert_int_equal(zb_plan_indicator_target_count(plan, j), 0);
    assert_string_equal(zb_plan_indicator_target_text(plan, j), "");
    assert_int_equal(zb_plan_indicator_qualifier(plan, j), ZB_QUAL_NONE);
    assert_int_equal(zb_plan_indicator_target_class(plan, j), ZB_TARGET_NONE);
    add(plan, 3, NULL, "c", "", NULL); /* "" is no target too */
    assert_int_equal(zb_plan_indicator_target_count(plan, 2), 0);
}

/* What each form of target is compared with, given the name, unit, kind and base. */
static void test_target_values(void **state)
{
    zb_plan *plan = *state;
    static const struct {
        const char *name, *unit, *base, *target;
        zb_kind kind;
        double value;
        zb_qualifier qualifier;
        zb_direction direction;
        int as_change;
    } cases[] = {
        /* plain numbers; a written bound also says which way is better */
        {"新增企业(家)", NULL, NULL, "62", 0, 62, ZB_QUAL_NONE, ZB_DIR_HIGHER, 0},
        {"淘汰落后产能企业(家)", NULL, NULL, "≤10", 0, 10, ZB_QUAL_AT_MOST, ZB_DIR_LOWER, 0},
        {"单位工业增加值能耗", NULL, NULL, "≥0.3", 0, 0.3, ZB_QUAL_AT_LEAST, ZB_DIR_HIGHER, 0},
        {"单位工业增加值能耗", NULL, NULL, "0.5", 0, 0.5, ZB_QUAL_NONE, ZB_DIR_LOWER, 0},
        /* a change of a level with a base: the level it leads to */
        {"单位工业增加值能耗", "吨标煤/万元", "0.5", "下降3%", 0, 0.485, ZB_QUAL_AT_MOST, ZB_DIR_LOWER, 0},
        {"单位工业增加值能耗", "吨标煤/万元", "0.5", "下降3%以上", 0, 0.485, ZB_QUAL_AT_MOST, ZB_DIR_LOWER, 0},
        {"单位工业增加值能耗", "吨标煤/万元", "0.5", "下降3%左右", 0, 0.485, ZB_QUAL_ABOUT, ZB_DIR_LOWER, 0},
        {"规上工业亩均增加值", "万元/亩", "150", "增长5%", 0, 157.5, ZB_QUAL_AT_LEAST, ZB_DIR_HIGHER, 0},
        {"研发投入占比", "%", "2.6", "提高0.2个百分点", 0, 2.8, ZB_QUAL_AT_LEAST, ZB_DIR_HIGHER, 0},
        {"新增建设用地(亩)", NULL, "1200", "减少200亩", 0, 1000, ZB_QUAL_AT_MOST, ZB_DIR_LOWER, 0},
        /* a change of a level without a base: the change itself */
        {"单位工业增加值能耗", "吨标煤/万元", NULL, "下降3%", 0, 3, ZB_QUAL_AT_LEAST, ZB_DIR_LOWER, 1},
        {"单位工业增加值能耗", "吨标煤/万元", "/", "下降3%", 0, 3, ZB_QUAL_AT_LEAST, ZB_DIR_LOWER, 1},
        {"工业产值(亿元)", NULL, NULL, "增长8%以下", 0, 8, ZB_QUAL_AT_MOST, ZB_DIR_HIGHER, 1},
        /* the name is itself a rate or a change: the number is its value */
        {"规上工业增加值增速(%)", NULL, NULL, "增长8%", 0, 8, ZB_QUAL_NONE, ZB_DIR_HIGHER, 0},
        {"规上工业增加值增速(%)", NULL, "7", "增长8%", 0, 8, ZB_QUAL_NONE, ZB_DIR_HIGHER, 0},
        {"规上工业增加值增速(%)", NULL, NULL, "下降2%以上", 0, -2, ZB_QUAL_AT_MOST, ZB_DIR_LOWER, 0},
        {"单位GDP能耗下降率(%)", NULL, NULL, "下降3%", 0, 3, ZB_QUAL_NONE, ZB_DIR_HIGHER, 0},
        {"单位GDP能耗降低(%)", NULL, NULL, "下降3%以上", 0, 3, ZB_QUAL_AT_LEAST, ZB_DIR_HIGHER, 0},
        {"地区生产总值增速(%)", NULL, NULL, "年均增长6.5%左右", 0, 6.5, ZB_QUAL_ABOUT, ZB_DIR_HIGHER, 0},
        /* points on a rate need the base */
        {"规上工业增加值增速(%)", NULL, "6", "提高1个百分点", 0, 7, ZB_QUAL_AT_LEAST, ZB_DIR_HIGHER, 0},
        /* a yearly rate from the base year to the plan's last year (2025) */
        {"地区生产总值(亿元)", NULL, "1000", "年均增长10%", ZB_KIND_LEVEL, 1000 * 1.1 * 1.1 * 1.1 * 1.1 * 1.1,
         ZB_QUAL_AT_LEAST, ZB_DIR_HIGHER, 0},
        /* qualitative and placeholders: no value */
        {"森林覆盖率(%)", NULL, "64.5", "稳步提升", 0, NAN, ZB_QUAL_NONE, ZB_DIR_HIGHER, 0},
        {"工业固废综合利用率(%)", NULL, NULL, "—", 0, NAN, ZB_QUAL_NONE, ZB_DIR_HIGHER, 0},
    };
    assert_int_equal(zb_plan_set_years(plan, 2021, 2025), ZB_OK);
    for (size_t k = 0; k < COUNT(cases); k++) {
        zb_indicator_def def = {.seq = (int)k + 1, .name = cases[k].name, .unit = cases[k].unit,
                                .base = cases[k].base, .base_year = cases[k].base ? 2020 : 0,
                                .target = cases[k].target, .kind = cases[k].kind};
        size_t i;
        assert_int_equal(zb_plan_add_indicator(plan, &def, &i), ZB_OK);
        double v = zb_plan_indicator_target(plan, i);
        int same = isnan(cases[k].value) ? isnan(v) : fabs(v - cases[k].value) < 1e-9;
        if (!same || zb_plan_indicator_qualifier(plan, i) != cases[k].qualifier ||
            zb_plan_indicator_direction(plan, i) != cases[k].direction ||
            zb_plan_indicator_target_as_change_at(plan, i, 0) != cases[k].as_change)
            fail_msg("case %zu (%s, %s): %.17g, qualifier %d, direction %d, as change %d", k, cases[k].name,
                     cases[k].target, v, zb_plan_indicator_qualifier(plan, i), zb_plan_indicator_direction(plan, i),
                     zb_plan_indicator_target_as_change_at(plan, i, 0));
    }
    /* Worked out from the base, or not. */
    assert_int_equal(zb_plan_indicator_target_from_base_at(plan, 4, 0), 1);
    assert_int_equal(zb_plan_indicator_target_from_base_at(plan, 10, 0), 0); /* no base: the change */
    assert_int_equal(zb_plan_indicator_target_from_base_at(plan, 14, 0), 0); /* a rate's own change */
    assert_int_equal(zb_plan_indicator_target_from_base_at(plan, 0, 0), 0);
    assert_int_equal(zb_plan_indicator_target_from_base_at(plan, 0, 9), 0);
    /* The change as written stays what it was. */
    assert_int_equal(zb_plan_indicator_target_change_at(plan, 4, 0), ZB_CHANGE_PERCENT);
    assert_true(zb_plan_indicator_target_change_amount_at(plan, 4, 0) == -3);
    assert_true(isnan(zb_plan_indicator_target_change_amount_at(plan, 0, 0)));
}

/* The setters: each changes one thing, and what is inferred follows. */
static void test_indicator_setters(void **state)
{
    zb_plan *plan = *state;
    zb_indicator_def def = {.seq = 1, .name = "规上工业亩均税收", .target = "30"};
    size_t i;
    assert_int_equal(zb_plan_add_indicator(plan, &def, &i), ZB_OK);
    assert_int_equal(zb_plan_indicator_kind(plan, i), ZB_KIND_LEVEL); /* 亩均 */
    assert_int_equal(zb_plan_indicator_unit_given(plan, i), 0);

    /* The unit: given, then read from the name again. */
    assert_int_equal(zb_plan_indicator_set_unit(plan, i, " 万元/亩 "), ZB_OK);
    assert_string_equal(zb_plan_indicator_unit(plan, i), "万元/亩");
    assert_int_equal(zb_plan_indicator_unit_given(plan, i), 1);
    assert_int_equal(zb_plan_indicator_set_unit(plan, i, NULL), ZB_OK);
    assert_string_equal(zb_plan_indicator_unit(plan, i), "");
    assert_int_equal(zb_plan_indicator_unit_given(plan, i), 0);
    assert_int_equal(zb_plan_indicator_set_unit(plan, i, "\xff"), ZB_ERR_ENCODING);

    /* A unit given apart from a name that carries one: the name keeps its group. */
    size_t j = add(plan, 2, NULL, "新增企业(家)", "5", NULL);
    assert_string_equal(zb_plan_indicator_bare_name(plan, j), "新增企业");
    assert_int_equal(zb_plan_indicator_set_unit(plan, j, "个"), ZB_OK);
    assert_string_equal(zb_plan_indicator_bare_name(plan, j), "新增企业(家)");
    assert_int_equal(zb_plan_indicator_set_unit(plan, j, "家"), ZB_OK);
    assert_string_equal(zb_plan_indicator_bare_name(plan, j), "新增企业");
    assert_int_equal(zb_plan_indicator_unit_given(plan, j), 1);
    /* A unit per something makes an inferred kind a level; a given kind stays. */
    assert_int_equal(zb_plan_indicator_kind(plan, j), ZB_KIND_CUMULATIVE);
    assert_int_equal(zb_plan_indicator_set_unit(plan, j, "万元/亩"), ZB_OK);
    assert_int_equal(zb_plan_indicator_kind(plan, j), ZB_KIND_LEVEL);
    assert_int_equal(zb_plan_indicator_set_kind(plan, j, ZB_KIND_CUMULATIVE), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_unit(plan, j, "元/平方米"), ZB_OK);
    assert_int_equal(zb_plan_indicator_kind(plan, j), ZB_KIND_CUMULATIVE);
    assert_int_equal(zb_plan_indicator_set_kind(plan, j, ZB_KIND_AUTO), ZB_OK);
    assert_int_equal(zb_plan_indicator_kind(plan, j), ZB_KIND_LEVEL);
    assert_int_equal(zb_plan_indicator_set_kind(plan, j, (zb_kind)4), ZB_ERR_VALUE);

    /* Direction: given wins; AUTO infers again. */
    assert_int_equal(zb_plan_indicator_set_direction(plan, j, ZB_DIR_LOWER), ZB_OK);
    assert_int_equal(zb_plan_indicator_direction(plan, j), ZB_DIR_LOWER);
    assert_int_equal(zb_plan_indicator_set_direction(plan, j, ZB_DIR_AUTO), ZB_OK);
    assert_int_equal(zb_plan_indicator_direction(plan, j), ZB_DIR_HIGHER);
    assert_int_equal(zb_plan_indicator_set_direction(plan, j, (zb_direction)-1), ZB_ERR_VALUE);

    /* Weight: 0 is the default 1. */
    assert_int_equal(zb_plan_indicator_set_weight(plan, j, 8), ZB_OK);
    assert_true(zb_plan_indicator_weight(plan, j) == 8);
    assert_int_equal(zb_plan_indicator_set_weight(plan, j, 0), ZB_OK);
    assert_true(zb_plan_indicator_weight(plan, j) == 1);
    assert_int_equal(zb_plan_indicator_set_weight(plan, j, -1), ZB_ERR_VALUE);
    assert_int_equal(zb_plan_indicator_set_weight(plan, j, NAN), ZB_ERR_VALUE);
    assert_true(zb_plan_indicator_weight(plan, j) == 1);

    /* Attribute. */
    assert_int_equal(zb_plan_indicator_attribute(plan, j), ZB_ATTR_NONE);
    assert_int_equal(zb_plan_indicator_set_attribute(plan, j, ZB_ATTR_BINDING), ZB_OK);
    assert_int_equal(zb_plan_indicator_attribute(plan, j), ZB_ATTR_BINDING);
    assert_int_equal(zb_plan_indicator_set_attribute(plan, j, (zb_attribute)3), ZB_ERR_VALUE);
    assert_int_equal(zb_plan_indicator_attribute(plan, j), ZB_ATTR_BINDING);

    /* Base: the text as written, its number when it holds one. */
    assert_int_equal(zb_plan_indicator_set_base(plan, j, 2024, " 1,200 "), ZB_OK);
    assert_string_equal(zb_plan_indicator_base_text(plan, j), "1,200");
    assert_int_equal(zb_plan_indicator_base_year(plan, j), 2024);
    assert_true(zb_plan_indicator_base_value(plan, j) == 1200);
    assert_int_equal(zb_plan_indicator_set_base(plan, j, 2024, "—"), ZB_OK);
    assert_true(isnan(zb_plan_indicator_base_value(plan, j)));
    assert_int_equal(zb_plan_indicator_set_base(plan, j, 2024, NULL), ZB_OK);
    assert_string_equal(zb_plan_indicator_base_text(plan, j), "");
    assert_int_equal(zb_plan_indicator_base_year(plan, j), 0);
    assert_int_equal(zb_plan_indicator_set_base(plan, j, 20, "1"), ZB_ERR_VALUE);
    assert_int_equal(zb_plan_indicator_set_base(plan, j, 2020, "\xff"), ZB_ERR_ENCODING);

    /* A base turns a stated change into a level. */
    assert_int_equal(zb_plan_indicator_set_target(plan, j, 0, "下降10%", ZB_QUAL_AUTO), ZB_OK);
    assert_int_equal(zb_plan_indicator_target_as_change_at(plan, j, 0), 1);
    assert_int_equal(zb_plan_indicator_set_base(plan, j, 2024, "50"), ZB_OK);
    assert_int_equal(zb_plan_indicator_target_as_change_at(plan, j, 0), 0);
    assert_true(fabs(zb_plan_indicator_target(plan, j) - 45) < 1e-12);

    /* Note. */
    assert_int_equal(zb_plan_indicator_set_note(plan, j, " 三年累计 "), ZB_OK);
    assert_string_equal(zb_plan_indicator_note(plan, j), "三年累计");
    assert_int_equal(zb_plan_indicator_set_note(plan, j, NULL), ZB_OK);
    assert_string_equal(zb_plan_indicator_note(plan, j), "");
    assert_int_equal(zb_plan_indicator_set_note(plan, j, "\xff"), ZB_ERR_ENCODING);

    /* The definition's new fields. */
    zb_indicator_def d2 = {.seq = 3, .name = "x", .attribute = ZB_ATTR_ANTICIPATORY, .base = "7", .base_year = 2023,
                           .note = "n", .target = "8", .target_year = 2024};
    assert_int_equal(zb_plan_add_indicator(plan, &d2, &i), ZB_OK);
    assert_int_equal(zb_plan_indicator_attribute(plan, i), ZB_ATTR_ANTICIPATORY);
    assert_int_equal(zb_plan_indicator_base_year(plan, i), 2023);
    assert_string_equal(zb_plan_indicator_note(plan, i), "n");
    assert_int_equal(zb_plan_indicator_target_year(plan, i, 0), 2024);
    d2.seq = 4;
    d2.attribute = (zb_attribute)7;
    assert_int_equal(zb_plan_add_indicator(plan, &d2, NULL), ZB_ERR_VALUE);
    d2.attribute = ZB_ATTR_NONE;
    d2.target_year = 99;
    assert_int_equal(zb_plan_add_indicator(plan, &d2, NULL), ZB_ERR_VALUE);
    assert_string_equal(zb_errmsg(plan), "indicator 4 (x): year 99 is not 0 or 1900–9999");
    d2.target_year = 0;
    d2.base_year = 10000;
    assert_int_equal(zb_plan_add_indicator(plan, &d2, NULL), ZB_ERR_VALUE);
    d2.base_year = 0;
    d2.note = "\xff";
    assert_int_equal(zb_plan_add_indicator(plan, &d2, NULL), ZB_ERR_ENCODING);
    assert_int_equal(zb_plan_indicator_count(plan), 3);
}

/* 考核权重: 0 in the definition means 1; anything else must be finite and above 0. */
static void test_indicator_weight(void **state)
{
    zb_plan *plan = *state;
    zb_indicator_def def = {.seq = 1, .name = "a(家)", .target = "10"};
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    def.seq = 2;
    def.weight = 2.5;
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    def.seq = 3;
    def.weight = 1e-3;
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    assert_true(zb_plan_indicator_weight(plan, 0) == 1);
    assert_true(zb_plan_indicator_weight(plan, 1) == 2.5);
    assert_true(zb_plan_indicator_weight(plan, 2) == 1e-3);

    static const double bad[] = {-1, -0.0001, NAN, INFINITY, -INFINITY};
    for (size_t k = 0; k < COUNT(bad); k++) {
        def.seq = 4;
        def.weight = bad[k];
        assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_ERR_VALUE);
        assert_non_null(strstr(zb_errmsg(plan), "indicator 4 (a(家)): weight"));
        assert_int_equal(zb_plan_indicator_count(plan), 3);
        assert_int_equal(zb_plan_find_indicator(plan, 4), ZB_NONE);
    }
    assert_true(isnan(zb_plan_indicator_weight(NULL, 0)));
}

static void test_indicator_responsible(void **state)
{
    zb_plan *plan = *state;
    size_t i = add(plan, 1, NULL, "a", "1", NULL);
    assert_string_equal(zb_plan_indicator_lead(plan, i), "");
    assert_int_equal(zb_plan_add_indicator_responsible(plan, i, " 县经信局"), ZB_OK);
    assert_int_equal(zb_plan_add_indicator_responsible(plan, i, "县 发改局"), ZB_OK);
    assert_int_equal(zb_plan_indicator_responsible_count(plan, i), 2);
    assert_string_equal(zb_plan_indicator_lead(plan, i), "县经信局");
    assert_string_equal(zb_plan_indicator_responsible(plan, i, 1), "县发改局");

    static const struct {
        size_t i;
        const char *unit;
        zb_status st;
    } bad[] = {
        {1, "x", ZB_ERR_ARGUMENT},        {ZB_NONE, "x", ZB_ERR_ARGUMENT}, {0, NULL, ZB_ERR_ARGUMENT},
        {0, " ", ZB_ERR_VALUE},           {0, "县经信局", ZB_ERR_DUPLICATE}, {0, "\xff", ZB_ERR_ENCODING},
    };
    for (size_t k = 0; k < COUNT(bad); k++) {
        assert_int_equal(zb_plan_add_indicator_responsible(plan, bad[k].i, bad[k].unit), bad[k].st);
        assert_string_not_equal(zb_errmsg(plan), "");
        assert_int_equal(zb_plan_indicator_responsible_count(plan, i), 2);
    }
}

/* ---- tasks ---- */

static void test_tasks(void **state)
{
    zb_plan *plan = *state;
    const char *headings[] = {"二、重点任务", " (一)深化集群培育体系 "};
    zb_task_def def = {0};
    def.number = "1";
    def.headings = headings;
    def.heading_count = 2;
    def.title = "全面落实产业链“链长+链主”制";
    def.text = "全面落实产业链“链长+链主”制。 深化 “415X” 集群培育。";
    def.source = "plan.txt:40";
    size_t t = 9;
    assert_int_equal(zb_plan_add_task(plan, &def, &t), ZB_OK);
    assert_int_equal(t, 0);
    zb_task_def empty = {0};
    assert_int_equal(zb_plan_add_task(plan, &empty, NULL), ZB_OK);
    assert_int_equal(zb_plan_task_count(plan), 2);

    assert_string_equal(zb_plan_task_number(plan, 0), "1");
    assert_int_equal(zb_plan_task_heading_count(plan, 0), 2);
    assert_string_equal(zb_plan_task_heading(plan, 0, 0), "二、重点任务");
    assert_string_equal(zb_plan_task_heading(plan, 0, 1), "(一)深化集群培育体系");
    assert_null(zb_plan_task_heading(plan, 0, 2));
    assert_string_equal(zb_plan_task_title(plan, 0), "全面落实产业链“链长+链主”制");
    /* Free text keeps its spaces. */
    assert_string_equal(zb_plan_task_text(plan, 0), "全面落实产业链“链长+链主”制。 深化 “415X” 集群培育。");
    assert_string_equal(zb_plan_task_source(plan, 0), "plan.txt:40");
    assert_string_equal(zb_plan_task_number(plan, 1), "");
    assert_int_equal(zb_plan_task_heading_count(plan, 1), 0);
    assert_string_equal(zb_plan_task_title(plan, 1), "");
    assert_string_equal(zb_plan_task_text(plan, 1), "");
    assert_string_equal(zb_plan_task_source(plan, 1), "");

    /* Bad index. */
    assert_null(zb_plan_task_number(plan, 2));
    assert_int_equal(zb_plan_task_heading_count(plan, 2), 0);
    assert_null(zb_plan_task_heading(plan, 2, 0));
    assert_null(zb_plan_task_title(plan, 2));
    assert_null(zb_plan_task_text(plan, 2));
    assert_null(zb_plan_task_source(plan, 2));

    /* Errors. */
    assert_int_equal(zb_plan_add_task(plan, NULL, NULL), ZB_ERR_ARGUMENT);
    zb_task_def bad = {0};
    bad.heading_count = 1;
    assert_int_equal(zb_plan_add_task(plan, &bad, NULL), ZB_ERR_ARGUMENT);
    const char *null_heading[] = {NULL};
    bad.headings = null_heading;
    assert_int_equal(zb_plan_add_task(plan, &bad, NULL), ZB_ERR_ARGUMENT);
    const char *bad_heading[] = {"\xff"};
    bad.headings = bad_heading;
    assert_int_equal(zb_plan_add_task(plan, &bad, NULL), ZB_ERR_ENCODING);
    zb_task_def bad_text = {0};
    bad_text.text = "\xc0\x80";
    assert_int_equal(zb_plan_add_task(plan, &bad_text, NULL), ZB_ERR_ENCODING);
    assert_string_not_equal(zb_errmsg(plan), "");
    assert_int_equal(zb_plan_task_count(plan), 2);
}

static void test_task_duties(void **state)
{
    zb_plan *plan = *state;
    zb_task_def def = {0};
    def.number = "3";
    assert_int_equal(zb_plan_add_task(plan, &def, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(plan, 0, NULL, "县经信局、县发改局", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(plan, 0, "推进数字化改造。", "县经信局", "各乡镇(街道)配合"), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(plan, 0, NULL, NULL, NULL), ZB_OK);
    assert_int_equal(zb_plan_task_duty_count(plan, 0), 3);
    assert_string_equal(zb_plan_task_duty_text(plan, 0, 0), "");
    assert_string_equal(zb_plan_task_duty_note(plan, 0, 0), "");
    assert_int_equal(zb_plan_task_duty_responsible_count(plan, 0, 0), 2);
    assert_string_equal(zb_plan_task_duty_responsible(plan, 0, 0, 0), "县经信局");
    assert_string_equal(zb_plan_task_duty_responsible(plan, 0, 0, 1), "县发改局");
    assert_null(zb_plan_task_duty_responsible(plan, 0, 0, 2));
    assert_string_equal(zb_plan_task_duty_text(plan, 0, 1), "推进数字化改造。");
    assert_string_equal(zb_plan_task_duty_note(plan, 0, 1), "各乡镇(街道)配合");
    assert_int_equal(zb_plan_task_duty_responsible_count(plan, 0, 2), 0);

    /* Bad indexes. */
    assert_int_equal(zb_plan_task_duty_count(plan, 1), 0);
    assert_null(zb_plan_task_duty_text(plan, 0, 3));
    assert_null(zb_plan_task_duty_note(plan, 0, 3));
    assert_int_equal(zb_plan_task_duty_responsible_count(plan, 0, 3), 0);
    assert_null(zb_plan_task_duty_responsible(plan, 1, 0, 0));
    assert_null(zb_plan_task_duty_text(plan, 1, 0));

    assert_int_equal(zb_plan_add_task_duty(plan, 1, NULL, "x", NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_task_duty(plan, 0, "\xff", "x", NULL), ZB_ERR_ENCODING);
    assert_int_equal(zb_plan_add_task_duty(plan, 0, NULL, "\xff", NULL), ZB_ERR_ENCODING);
    assert_int_equal(zb_plan_add_task_duty(plan, 0, NULL, NULL, "\xff"), ZB_ERR_ENCODING);
    assert_int_equal(zb_plan_task_duty_count(plan, 0), 3);
}

/* An item may have several leads (牵头单位:A、B;配合单位:C); a separator inside brackets is
 * part of a unit's name. */
static void test_task_duty_leads(void **state)
{
    zb_plan *plan = *state;
    zb_task_def def = {.number = "1"};
    assert_int_equal(zb_plan_add_task(plan, &def, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(plan, 0, NULL, "市发改委、市经信局、各县（市、区）人民政府", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(plan, 0, NULL, NULL, NULL), ZB_OK);
    assert_int_equal(zb_plan_task_duty_responsible_count(plan, 0, 0), 3);
    assert_string_equal(zb_plan_task_duty_responsible(plan, 0, 0, 2), "各县（市、区）人民政府");
    assert_int_equal(zb_plan_task_duty_lead_count(plan, 0, 0), 1); /* the first, unless set */
    assert_int_equal(zb_plan_task_duty_lead_count(plan, 0, 1), 0); /* no units */
    assert_int_equal(zb_plan_set_task_duty_lead_count(plan, 0, 0, 2), ZB_OK);
    assert_int_equal(zb_plan_task_duty_lead_count(plan, 0, 0), 2);
    /* A bad call changes nothing. */
    assert_int_equal(zb_plan_set_task_duty_lead_count(plan, 0, 0, 4), ZB_ERR_VALUE);
    assert_non_null(strstr(zb_errmsg(plan), "4 lead units, but the item names 3 units"));
    assert_int_equal(zb_plan_set_task_duty_lead_count(plan, 0, 0, 0), ZB_ERR_VALUE);
    assert_int_equal(zb_plan_set_task_duty_lead_count(plan, 0, 1, 1), ZB_ERR_VALUE);
    assert_int_equal(zb_plan_set_task_duty_lead_count(plan, 0, 2, 1), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_set_task_duty_lead_count(plan, 1, 0, 1), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_set_task_duty_lead_count(NULL, 0, 0, 1), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_task_duty_lead_count(plan, 0, 0), 2);
    assert_int_equal(zb_plan_task_duty_lead_count(plan, 0, 2), 0);
    assert_int_equal(zb_plan_task_duty_lead_count(NULL, 0, 0), 0);
    /* Brackets and quotes of every kind keep their separators. */
    assert_int_equal(zb_plan_add_task_duty(plan, 0, NULL, "“低散乱污、高耗低效”整治办,各镇【街道、园区】", NULL), ZB_OK);
    assert_int_equal(zb_plan_task_duty_responsible_count(plan, 0, 2), 2);
    assert_string_equal(zb_plan_task_duty_responsible(plan, 0, 2, 0), "“低散乱污、高耗低效”整治办");
    assert_string_equal(zb_plan_task_duty_responsible(plan, 0, 2, 1), "各镇【街道、园区】");
}

/* ---- body and attachments ---- */

static void test_blocks(void **state)
{
    zb_plan *plan = *state;
    static const struct {
        int level;
        const char *text;
        zb_status st;
    } cases[] = {
        {1, "一、主要目标", ZB_OK},   {0, " 到2024年, 全县 规上工业增加值增长6.5%。 ", ZB_OK},
        {4, "(1)", ZB_OK},           {5, "x", ZB_ERR_VALUE},
        {-1, "x", ZB_ERR_VALUE},     {0, NULL, ZB_ERR_ARGUMENT},
        {0, "\xff", ZB_ERR_ENCODING},
    };
    size_t n = 0;
    for (size_t k = 0; k < COUNT(cases); k++) {
        assert_int_equal(zb_plan_add_block(plan, cases[k].level, cases[k].text), cases[k].st);
        if (cases[k].st == ZB_OK)
            n++;
        else
            assert_string_not_equal(zb_errmsg(plan), "");
        assert_int_equal(zb_plan_block_count(plan), n);
    }
    assert_int_equal(zb_plan_block_level(plan, 0), 1);
    assert_int_equal(zb_plan_block_level(plan, 1), 0);
    assert_string_equal(zb_plan_block_text(plan, 1), "到2024年, 全县 规上工业增加值增长6.5%。");
    assert_int_equal(zb_plan_block_level(plan, 3), -1);
    assert_null(zb_plan_block_text(plan, 3));
}

static void test_block_parts(void **state)
{
    zb_plan *plan = *state;
    assert_int_equal(zb_plan_add_block(plan, 0, "现印发给你们,请认真组织实施。"), ZB_OK);
    assert_int_equal(zb_plan_add_block_to(plan, ZB_PART_PLAN, 1, "一、总体要求"), ZB_OK);
    assert_int_equal(zb_plan_add_block_to(plan, ZB_PART_DOCUMENT, 0, "文"), ZB_OK);
    assert_int_equal(zb_plan_add_block_to(plan, (zb_part)2, 0, "x"), ZB_ERR_VALUE);
    assert_string_not_equal(zb_errmsg(plan), "");
    assert_int_equal(zb_plan_add_block_to(plan, (zb_part)-1, 0, "x"), ZB_ERR_VALUE);
    assert_int_equal(zb_plan_add_block_to(plan, ZB_PART_PLAN, 9, "x"), ZB_ERR_VALUE);
    assert_int_equal(zb_plan_add_block_to(NULL, ZB_PART_PLAN, 0, "x"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_block_count(plan), 3);
    assert_int_equal(zb_plan_block_part(plan, 0), ZB_PART_DOCUMENT);
    assert_int_equal(zb_plan_block_part(plan, 1), ZB_PART_PLAN);
    assert_int_equal(zb_plan_block_level(plan, 1), 1);
    assert_int_equal(zb_plan_block_part(plan, 2), ZB_PART_DOCUMENT);
    assert_int_equal(zb_plan_block_part(plan, 3), ZB_PART_DOCUMENT);
    assert_int_equal(zb_plan_block_part(NULL, 0), ZB_PART_DOCUMENT);
}

static zb_prose_target_def prose(const char *name, const char *unit, const char *value)
{
    zb_prose_target_def d = {0};
    d.name = name;
    d.unit = unit;
    d.value = value;
    d.task = ZB_NONE;
    return d;
}

static void test_prose_targets(void **state)
{
    zb_plan *plan = *state;
    zb_task_def task = {0};
    task.number = "21";
    task.title = "促进中小企业专精特新发展";
    assert_int_equal(zb_plan_add_task(plan, &task, NULL), ZB_OK);

    zb_prose_target_def d = prose(" 新增“ 小升规”企业", "家", "62");
    d.qualifier = ZB_QUAL_AT_LEAST;
    d.sentence = "力争新增“小升规”企业62家以上。";
    d.task = 0;
    d.source = "tonglu.txt:69";
    size_t idx = 99;
    assert_int_equal(zb_plan_add_prose_target(plan, &d, &idx), ZB_OK);
    assert_int_equal(idx, 0);
    assert_string_equal(zb_errmsg(plan), "");
    assert_string_equal(zb_plan_prose_target_name(plan, 0), "新增“小升规”企业"); /* normalised */
    assert_string_equal(zb_plan_prose_target_unit(plan, 0), "家");
    assert_string_equal(zb_plan_prose_target_value_text(plan, 0), "62");
    assert_true(zb_plan_prose_target_value(plan, 0) == 62);
    assert_int_equal(zb_plan_prose_target_qualifier(plan, 0), ZB_QUAL_AT_LEAST);
    assert_string_equal(zb_plan_prose_target_sentence(plan, 0), "力争新增“小升规”企业62家以上。");
    assert_int_equal(zb_plan_prose_target_task(plan, 0), 0);
    assert_string_equal(zb_plan_prose_target_source(plan, 0), "tonglu.txt:69");
    /* Years not given: the plan's, whatever they become. */
    assert_int_equal(zb_plan_prose_target_first_year(plan, 0), 0);
    assert_int_equal(zb_plan_set_years(plan, 2021, 2023), ZB_OK);
    assert_int_equal(zb_plan_prose_target_first_year(plan, 0), 2021);
    assert_int_equal(zb_plan_prose_target_last_year(plan, 0), 2023);

    /* Defaults: no unit, no qualifier, no task, no sentence. */
    d = prose("规上工业增加值增速", NULL, "6.5");
    d.first_year = 2021;
    d.last_year = 2022;
    assert_int_equal(zb_plan_add_prose_target(plan, &d, NULL), ZB_OK);
    assert_string_equal(zb_plan_prose_target_unit(plan, 1), "");
    assert_int_equal(zb_plan_prose_target_qualifier(plan, 1), ZB_QUAL_NONE);
    assert_int_equal(zb_plan_prose_target_task(plan, 1), ZB_NONE);
    assert_string_equal(zb_plan_prose_target_sentence(plan, 1), "");
    assert_string_equal(zb_plan_prose_target_source(plan, 1), "");
    assert_int_equal(zb_plan_prose_target_first_year(plan, 1), 2021);
    assert_int_equal(zb_plan_prose_target_last_year(plan, 1), 2022);
    d = prose("整治提升高耗低效企业", "家", "400");
    d.first_year = 2022;
    d.last_year = 2023;
    assert_int_equal(zb_plan_add_prose_target(plan, &d, NULL), ZB_OK);
    assert_int_equal(zb_plan_prose_target_first_year(plan, 2), 2022);

    /* Errors change nothing and say why. */
    static const struct {
        const char *name, *value;
        int qualifier, first, last;
        size_t task;
        zb_status st;
    } bad[] = {
        {NULL, "1", 0, 0, 0, ZB_NONE, ZB_ERR_ARGUMENT},
        {"x", NULL, 0, 0, 0, ZB_NONE, ZB_ERR_ARGUMENT},
        {"x", "六十二", 0, 0, 0, ZB_NONE, ZB_ERR_VALUE},
        {"x", "", 0, 0, 0, ZB_NONE, ZB_ERR_VALUE},
        {"x", "1和2", 0, 0, 0, ZB_NONE, ZB_ERR_VALUE},
        {" ", "1", 0, 0, 0, ZB_NONE, ZB_ERR_VALUE},
        {"x", "1", 7, 0, 0, ZB_NONE, ZB_ERR_VALUE},
        {"x", "1", 0, 2023, 2021, ZB_NONE, ZB_ERR_VALUE},
        {"x", "1", 0, 2023, 0, ZB_NONE, ZB_ERR_VALUE},
        {"x", "1", 0, 0, 2023, ZB_NONE, ZB_ERR_VALUE}, /* both or neither */
        {"x", "1", 0, 1800, 1801, ZB_NONE, ZB_ERR_VALUE},
        {"x", "1", 0, 0, 0, 1, ZB_ERR_NOT_FOUND},
        {"\xff", "1", 0, 0, 0, ZB_NONE, ZB_ERR_ENCODING},
    };
    for (size_t k = 0; k < COUNT(bad); k++) {
        d = prose(bad[k].name, "家", bad[k].value);
        d.qualifier = (zb_qualifier)bad[k].qualifier;
        d.first_year = bad[k].first;
        d.last_year = bad[k].last;
        d.task = bad[k].task;
        zb_plan_clear_error(plan);
        if (zb_plan_add_prose_target(plan, &d, NULL) != bad[k].st)
            fail_msg("case %zu", k);
        assert_string_not_equal(zb_errmsg(plan), "");
        assert_int_equal(zb_plan_prose_target_count(plan), 3);
    }
    assert_int_equal(zb_plan_add_prose_target(plan, NULL, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_prose_target(NULL, &d, NULL), ZB_ERR_ARGUMENT);

    /* Bad indexes. */
    assert_null(zb_plan_prose_target_name(plan, 3));
    assert_null(zb_plan_prose_target_unit(plan, 3));
    assert_null(zb_plan_prose_target_value_text(plan, 3));
    assert_true(isnan(zb_plan_prose_target_value(plan, 3)));
    assert_int_equal(zb_plan_prose_target_qualifier(plan, 3), ZB_QUAL_AUTO);
    assert_int_equal(zb_plan_prose_target_first_year(plan, 3), 0);
    assert_int_equal(zb_plan_prose_target_last_year(plan, 3), 0);
    assert_null(zb_plan_prose_target_sentence(plan, 3));
    assert_int_equal(zb_plan_prose_target_task(plan, 3), ZB_NONE);
    assert_null(zb_plan_prose_target_source(plan, 3));
    assert_int_equal(zb_plan_prose_target_count(NULL), 0);
}

static void test_attachments(void **state)
{
    zb_plan *plan = *state;
    static const struct {
        int number;
        int kind;
        const char *title, *text;
        zb_status st;
        int want_number;
    } cases[] = {
        {0, ZB_ATTACH_TEXT, "“415X”产业集群重点企业名单", "一、…", ZB_OK, 1},
        {0, ZB_ATTACH_TARGETS, "2024年目标体系表", NULL, ZB_OK, 2},
        {5, ZB_ATTACH_UNITS, "县级有关单位名单", NULL, ZB_OK, 5},
        {0, ZB_ATTACH_TEXT, "后记", NULL, ZB_OK, 6},
        {2, ZB_ATTACH_TEXT, "重号", NULL, ZB_ERR_DUPLICATE, 0},
        {-1, ZB_ATTACH_TEXT, "负号", NULL, ZB_ERR_VALUE, 0},
        {0, 3, "坏类", NULL, ZB_ERR_VALUE, 0},
        {0, -1, "坏类", NULL, ZB_ERR_VALUE, 0},
        {0, ZB_ATTACH_TEXT, NULL, NULL, ZB_ERR_ARGUMENT, 0},
        {0, ZB_ATTACH_TEXT, "", NULL, ZB_ERR_VALUE, 0},
        {0, ZB_ATTACH_TEXT, " \u3000", NULL, ZB_ERR_VALUE, 0},
        {0, ZB_ATTACH_TEXT, "\xff", NULL, ZB_ERR_ENCODING, 0},
    };
    size_t n = 0;
    for (size_t k = 0; k < COUNT(cases); k++) {
        zb_status st = zb_plan_add_attachment(plan, cases[k].number, (zb_attachment_kind)cases[k].kind,
                                              cases[k].title, cases[k].text);
        assert_int_equal(st, cases[k].st);
        if (st == ZB_OK) {
            assert_int_equal(zb_plan_attachment_number(plan, n), cases[k].want_number);
            assert_int_equal(zb_plan_attachment_kind(plan, n), cases[k].kind);
            assert_string_equal(zb_plan_attachment_title(plan, n), cases[k].title);
            assert_string_equal(zb_plan_attachment_text(plan, n), cases[k].text ? cases[k].text : "");
            n++;
        } else {
            assert_string_not_equal(zb_errmsg(plan), "");
        }
        assert_int_equal(zb_plan_attachment_count(plan), n);
    }
    assert_int_equal(zb_plan_attachment_number(plan, n), 0);
    assert_int_equal(zb_plan_attachment_kind(plan, n), ZB_ATTACH_TEXT);
    assert_null(zb_plan_attachment_title(plan, n));
    assert_null(zb_plan_attachment_text(plan, n));
}

/* ---- actuals ---- */

static void test_actuals(void **state)
{
    zb_plan *plan = *state;
    add(plan, 1, NULL, "新增“小升规”企业(家)", "62", "县经信局");
    add(plan, 2, NULL, "规上工业增加值增速(%)", "6.5", "县经信局");
    assert_int_equal(zb_plan_set_years(plan, 2024, 2024), ZB_OK);
    assert_int_equal(zb_plan_add_actual(plan, 1, "2024-03", 15, " 一季度 "), ZB_OK);
    assert_int_equal(zb_plan_add_actual(plan, 2, "2024-03", 7.1, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(plan, 1, "2024-12", -2.5, NULL), ZB_OK);
    assert_int_equal(zb_plan_actual_count(plan), 3);
    assert_int_equal(zb_plan_actual_indicator(plan, 1), 1);
    assert_string_equal(zb_plan_actual_period(plan, 0), "2024-03");
    assert_true(zb_plan_actual_value(plan, 1) == 7.1);
    assert_string_equal(zb_plan_actual_note(plan, 0), "一季度");
    assert_string_equal(zb_plan_actual_note(plan, 1), "");
    assert_int_equal(zb_plan_find_actual(plan, 0, "2024-03"), 0);
    assert_int_equal(zb_plan_find_actual(plan, 1, "2024-03"), 1);
    assert_int_equal(zb_plan_find_actual(plan, 0, "2024-12"), 2);
    assert_int_equal(zb_plan_find_actual(plan, 1, "2024-12"), ZB_NONE);
    assert_int_equal(zb_plan_find_actual(plan, 2, "2024-03"), ZB_NONE);
    assert_int_equal(zb_plan_find_actual(plan, 0, "2024-3"), 0); /* any spelling of the month */
    assert_int_equal(zb_plan_find_actual(plan, 0, "2024-3-1"), ZB_NONE);
    assert_int_equal(zb_plan_find_actual(plan, 0, NULL), ZB_NONE);

    static const struct {
        int seq;
        const char *period;
        double value;
        zb_status st;
    } bad[] = {
        {3, "2024-01", 1, ZB_ERR_NOT_FOUND}, {0, "2024-01", 1, ZB_ERR_NOT_FOUND},
        {1, NULL, 1, ZB_ERR_ARGUMENT},       {1, "2024-13", 1, ZB_ERR_VALUE},
        {1, "2024-00", 1, ZB_ERR_VALUE},     {1, "2024-3", 1, ZB_ERR_DUPLICATE},
        {1, "2024-011", 1, ZB_ERR_VALUE},    {1, "2024/01/31", 1, ZB_ERR_VALUE},
        {1, "24-01", 1, ZB_ERR_VALUE},       {1, "２０２４年3月", 1, ZB_ERR_DUPLICATE},
        {1, "", 1, ZB_ERR_VALUE},            {1, "2023-12", 1, ZB_ERR_VALUE},
        {1, "2025-01", 1, ZB_ERR_VALUE},     {1, "2024-01", NAN, ZB_ERR_VALUE},
        {1, "2024-01", INFINITY, ZB_ERR_VALUE}, {1, "2024-03", 1, ZB_ERR_DUPLICATE},
        {1, "\xff", 1, ZB_ERR_ENCODING},
    };
    for (size_t k = 0; k < COUNT(bad); k++) {
        assert_int_equal(zb_plan_add_actual(plan, bad[k].seq, bad[k].period, bad[k].value, NULL), bad[k].st);
        assert_string_not_equal(zb_errmsg(plan), "");
        assert_int_equal(zb_plan_actual_count(plan), 3);
    }
    assert_int_equal(zb_plan_add_actual(plan, 1, "2024-04", 1, "\xff"), ZB_ERR_ENCODING);
    /* Without a span of years any year from 1900 is accepted. */
    assert_int_equal(zb_plan_set_years(plan, 0, 0), ZB_OK);
    assert_int_equal(zb_plan_add_actual(plan, 1, "2030-01", 1, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(plan, 1, "1899-01", 1, NULL), ZB_ERR_VALUE);
    assert_string_equal(zb_plan_actual_period(plan, 3), "2030-01");

    assert_int_equal(zb_plan_actual_indicator(plan, 4), ZB_NONE);
    assert_null(zb_plan_actual_period(plan, 4));
    assert_true(isnan(zb_plan_actual_value(plan, 4)));
    assert_null(zb_plan_actual_note(plan, 4));
}

/* The rollback a loader uses: the newest actuals go, the index forgets them, the rest stay
 * findable (the index shifts entries back rather than leaving holes). */
static void test_truncate_actuals(void **state)
{
    zb_plan *plan = *state;
    char period[8];
    for (int seq = 1; seq <= 40; seq++)
        add(plan, seq, NULL, "x", "1", NULL);
    for (int seq = 1; seq <= 40; seq++) {
        for (int m = 1; m <= 12; m++) {
            snprintf(period, sizeof period, "2024-%02d", m);
            assert_int_equal(zb_plan_add_actual(plan, seq, period, seq * 100 + m, m == 3 ? "note" : NULL), ZB_OK);
        }
    }
    assert_int_equal(zb_plan_actual_count(plan), 480);
    zb_plan_truncate_actuals(plan, 500); /* more than there are: nothing happens */
    assert_int_equal(zb_plan_actual_count(plan), 480);
    zb_plan_truncate_actuals(plan, 100);
    assert_int_equal(zb_plan_actual_count(plan), 100);
    for (int seq = 1; seq <= 40; seq++) {
        for (int m = 1; m <= 12; m++) {
            snprintf(period, sizeof period, "2024-%02d", m);
            size_t a = zb_plan_find_actual(plan, (size_t)seq - 1, period);
            size_t k = (size_t)(seq - 1) * 12 + (size_t)(m - 1);
            if (k < 100) {
                assert_int_equal(a, k);
                assert_true(zb_plan_actual_value(plan, a) == seq * 100 + m);
            } else {
                assert_int_equal(a, ZB_NONE);
            }
        }
    }
    /* What was removed can be added again. */
    assert_int_equal(zb_plan_add_actual(plan, 40, "2024-12", 1, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(plan, 40, "2024-12", 1, NULL), ZB_ERR_DUPLICATE);
    zb_plan_truncate_actuals(plan, 0);
    assert_int_equal(zb_plan_actual_count(plan), 0);
    assert_int_equal(zb_plan_find_actual(plan, 0, "2024-01"), ZB_NONE);
    zb_plan_truncate_actuals(NULL, 0);
}

/* ---- swap, move, notes ---- */

static size_t note_count_in(const zb_plan *plan);

static void test_swap(void **state)
{
    zb_plan *a = *state;
    zb_plan *b = zb_plan_new();
    assert_non_null(b);
    assert_int_equal(zb_plan_set_meta(a, ZB_META_TITLE, "A"), ZB_OK);
    add(a, 5, "牵 引", "a(家)", "1", "x");
    assert_int_equal(zb_plan_add_actual(a, 5, "2024-01", 1, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_unit(b, "县经信局", NULL), ZB_OK);
    zb_plan_fail(b, ZB_ERR_IO, "b failed");

    zb_plan_swap(a, b);
    assert_string_equal(zb_plan_meta(a, ZB_META_TITLE), "");
    assert_string_equal(zb_plan_meta(b, ZB_META_TITLE), "A");
    assert_string_equal(zb_errmsg(a), "b failed");
    assert_string_equal(zb_errmsg(b), "");
    assert_int_equal(zb_plan_indicator_count(a), 0);
    assert_int_equal(zb_plan_find_indicator(a, 5), ZB_NONE);
    assert_int_equal(zb_plan_find_unit(a, "县经信局"), 0);
    assert_int_equal(zb_plan_find_indicator(b, 5), 0);
    assert_int_equal(zb_plan_find_category(b, "牵引"), 0);
    assert_int_equal(zb_plan_find_actual(b, 0, "2024-01"), 0);
    assert_int_equal(zb_plan_find_unit(b, "县经信局"), ZB_NONE);
    assert_int_equal(note_count_in(b), 1);
    assert_int_equal(note_count_in(a), 0);
    /* Prose targets go with the whole plan. */
    zb_prose_target_def d = prose("新增企业", "家", "3");
    assert_int_equal(zb_plan_add_prose_target(a, &d, NULL), ZB_OK);
    zb_plan_swap(a, b);
    assert_int_equal(zb_plan_prose_target_count(a), 0);
    assert_int_equal(zb_plan_prose_target_count(b), 1);
    zb_plan_swap(a, b);
    assert_int_equal(zb_plan_prose_target_count(a), 1);
    zb_plan_swap(a, a);
    assert_int_equal(zb_plan_unit_count(a), 1);
    zb_plan_free(b);
}

static void test_move_table(void **state)
{
    zb_plan *dst = *state;
    zb_plan *src = zb_plan_new();
    assert_non_null(src);
    assert_int_equal(zb_plan_add_unit(dst, "县 经信局", NULL), ZB_OK); /* a note that stays */
    add(dst, 1, "旧\u00a0类", "旧指标", "1", NULL);                     /* a note that goes */
    assert_int_equal(zb_plan_add_actual(dst, 1, "2024-01", 1, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_block(dst, 0, "正文"), ZB_OK);
    zb_prose_target_def d = prose("旧指标", NULL, "1");
    assert_int_equal(zb_plan_add_prose_target(dst, &d, NULL), ZB_OK);
    d.name = "新指标";
    assert_int_equal(zb_plan_add_prose_target(src, &d, NULL), ZB_OK);
    add(src, 7, "新 类", "新指标(家)", "2", "县经信局");
    add(src, 8, "新 类", "新指标二", "3", NULL);
    assert_int_equal(zb_plan_add_actual(src, 8, "2024-02", 2, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_recipient(src, "各 部门"), ZB_OK); /* a note that stays in src */
    assert_int_equal(note_count_in(dst), 2);
    assert_int_equal(note_count_in(src), 2);

    zb_plan_move_table(dst, src);
    assert_int_equal(zb_plan_indicator_count(dst), 2);
    assert_int_equal(zb_plan_category_count(dst), 1);
    assert_string_equal(zb_plan_category_name(dst, 0), "新类");
    assert_int_equal(zb_plan_find_indicator(dst, 1), ZB_NONE);
    assert_int_equal(zb_plan_find_indicator(dst, 8), 1);
    assert_int_equal(zb_plan_find_category(dst, "新类"), 0);
    assert_int_equal(zb_plan_find_category(dst, "旧类"), ZB_NONE);
    assert_int_equal(zb_plan_actual_count(dst), 1);
    assert_int_equal(zb_plan_find_actual(dst, 1, "2024-02"), 0);
    assert_int_equal(zb_plan_block_count(dst), 1);
    assert_int_equal(zb_plan_unit_count(dst), 1);
    /* Prose targets belong to the text, not the table: each plan keeps its own. */
    assert_int_equal(zb_plan_prose_target_count(dst), 1);
    assert_string_equal(zb_plan_prose_target_name(dst, 0), "旧指标");
    assert_int_equal(zb_plan_prose_target_count(src), 1);
    assert_int_equal(note_count_in(dst), 2); /* its unit note and src's category note */
    assert_int_equal(note_count_in(src), 1); /* its recipient note */

    assert_int_equal(zb_plan_indicator_count(src), 0);
    assert_int_equal(zb_plan_category_count(src), 0);
    assert_int_equal(zb_plan_actual_count(src), 0);
    assert_int_equal(zb_plan_find_indicator(src, 8), ZB_NONE);
    assert_int_equal(zb_plan_recipient_count(src), 1);
    /* src is usable afterwards; seq numbering starts over. */
    assert_int_equal(add(src, 0, "新类", "again", "1", NULL), 0);
    assert_int_equal(zb_plan_indicator_seq(src, 0), 1);
    /* dst continues after the moved numbers. */
    assert_int_equal(add(dst, 0, NULL, "next", "1", NULL), 2);
    assert_int_equal(zb_plan_indicator_seq(dst, 2), 9);
    zb_plan_move_table(dst, dst);
    assert_int_equal(zb_plan_indicator_count(dst), 3);
    zb_plan_free(src);
}

/* Counts notes through the internal accessor validate.c uses. */
size_t zb_plan_note_count(const zb_plan *plan);
int zb_plan_note_get(const zb_plan *plan, size_t i, const char **location, const char **message);

static size_t note_count_in(const zb_plan *plan) { return zb_plan_note_count(plan); }

static void test_notes(void **state)
{
    zb_plan *plan = *state;
    const char *loc, *msg;
    assert_int_equal(zb_plan_add_note(plan, "plan.json:3:5", "indicator name", " a", "a"), ZB_OK);
    assert_int_equal(zb_plan_add_note(plan, NULL, "category name", "b\u00a0c", "bc"), ZB_OK);
    assert_int_equal(zb_plan_note_count(plan), 2);
    assert_true(zb_plan_note_get(plan, 0, &loc, &msg));
    assert_string_equal(loc, "plan.json:3:5");
    assert_string_equal(msg, "indicator name “ a” normalised to “a” (white space trimmed)");
    assert_true(zb_plan_note_get(plan, 1, &loc, &msg));
    assert_string_equal(loc, "plan");
    assert_string_equal(msg, "category name “b<U+00A0>c” normalised to “bc” (white space removed)");
    assert_false(zb_plan_note_get(plan, 2, &loc, &msg));
    assert_int_equal(zb_plan_add_note(plan, "", NULL, "a", "b"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_note(plan, "", "x", NULL, "b"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_note(plan, "", "x", "a", NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_plan_add_note(plan, "\xff", "x", "a", "b"), ZB_ERR_ENCODING);
    assert_int_equal(zb_plan_note_count(plan), 2);

    /* Names the model normalises leave notes; names already normal do not. */
    zb_plan *p = zb_plan_new();
    assert_non_null(p);
    add(p, 37, "牵\u00a0引", "新增“ 品字标浙江制造”认证企业(家)", "5", NULL);
    add(p, 38, "牵引", "正常(家)", "5", NULL);
    assert_int_equal(zb_plan_note_count(p), 2);
    assert_true(zb_plan_note_get(p, 0, &loc, &msg));
    assert_string_equal(loc, "indicator 37");
    assert_string_equal(msg, "indicator 37: name “新增“ 品字标浙江制造”认证企业(家)” normalised to "
                             "“新增“品字标浙江制造”认证企业(家)” (white space removed)");
    assert_true(zb_plan_note_get(p, 1, &loc, &msg));
    assert_string_equal(msg, "indicator 37: category “牵<U+00A0>引” normalised to “牵引” (white space removed)");
    zb_plan_free(p);
}

/* ---- size ---- */

/* 10,000 indicators with 12 actuals each, every one looked up: quick only when lookups are
 * indexed (a linear search would make this minutes under the sanitizers). */
static void test_large_plan(void **state)
{
    zb_plan *plan = *state;
    enum { N = 10000 };
    char name[64], category[32], unit[32], period[8];
    assert_int_equal(zb_plan_set_years(plan, 2024, 2024), ZB_OK);
    for (int k = 0; k < 500; k++) {
        snprintf(unit, sizeof unit, "单位%d", k);
        assert_int_equal(zb_plan_add_unit(plan, unit, NULL), ZB_OK);
    }
    for (int k = 1; k <= N; k++) {
        snprintf(name, sizeof name, "指标%d(家)", k);
        snprintf(category, sizeof category, "类别%d", k % 1000);
        zb_indicator_def def = {0};
        def.seq = N + 1 - k; /* descending, so the index is not the order */
        def.category = category;
        def.name = name;
        def.target = "10";
        assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    }
    for (int k = 1; k <= N; k++)
        for (int m = 1; m <= 12; m++) {
            snprintf(period, sizeof period, "2024-%02d", m);
            assert_int_equal(zb_plan_add_actual(plan, k, period, k + m, NULL), ZB_OK);
        }
    assert_int_equal(zb_plan_actual_count(plan), (size_t)N * 12);
    for (int k = 1; k <= N; k++) {
        size_t i = zb_plan_find_indicator(plan, k);
        assert_int_equal(i, (size_t)(N - k));
        for (int m = 1; m <= 12; m++) {
            snprintf(period, sizeof period, "2024-%02d", m);
            size_t a = zb_plan_find_actual(plan, i, period);
            assert_int_not_equal(a, ZB_NONE);
            assert_true(zb_plan_actual_value(plan, a) == k + m);
        }
    }
    for (int k = 0; k < 1000; k++) {
        snprintf(category, sizeof category, "类别%d", k);
        assert_int_not_equal(zb_plan_find_category(plan, category), ZB_NONE);
    }
    for (int k = 0; k < 500; k++) {
        snprintf(unit, sizeof unit, "单位%d", k);
        assert_int_equal(zb_plan_find_unit(plan, unit), (size_t)k);
    }
    assert_int_equal(zb_plan_category_count(plan), 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lifetime),
        cmocka_unit_test_setup_teardown(test_error_message_truncated_on_character, setup, teardown),
        cmocka_unit_test(test_null_plan_getters),
        cmocka_unit_test(test_null_plan_setters),
        cmocka_unit_test_setup_teardown(test_meta, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_years, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recipients_and_copy_to, setup, teardown),
        cmocka_unit_test_setup_teardown(test_units, setup, teardown),
        cmocka_unit_test_setup_teardown(test_categories, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indicator_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indicator_explicit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indicator_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indicator_getters_bad_index, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indicator_weight, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indicator_fields_bad_index, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indicator_targets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_target_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indicator_setters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indicator_responsible, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tasks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_task_duties, setup, teardown),
        cmocka_unit_test_setup_teardown(test_task_duty_leads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_blocks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_block_parts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prose_targets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attachments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_actuals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncate_actuals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_swap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_move_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_notes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_large_plan, setup, teardown),
    };
    return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}
