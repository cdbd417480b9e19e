/* Tests of zb_plan_validate() and the findings list. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/plan_internal.h"
#include "zhibiao/csv.h"

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

static void add(zb_plan *plan, int seq, const char *category, const char *name, const char *unit,
                const char *target, const char *responsible, const char *source)
{
    zb_indicator_def def = {0};
    def.seq = seq;
    def.category = category;
    def.name = name;
    def.unit = unit;
    def.target = target;
    def.responsible = responsible;
    def.source = source;
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
}

static zb_findings *validate(const zb_plan *plan)
{
    zb_findings *f = NULL;
    assert_int_equal(zb_plan_validate(plan, &f), ZB_OK);
    assert_non_null(f);
    return f;
}

typedef struct expected {
    zb_severity severity;
    const char *code;
    const char *location;
    const char *message;
} expected;

static void expect_findings(const zb_findings *f, const expected *want, size_t n)
{
    size_t errors = 0;
    for (size_t i = 0; i < n && i < zb_findings_count(f); i++) {
        if (strcmp(zb_findings_message(f, i), want[i].message) != 0)
            fail_msg("finding %zu: \"%s\", expected \"%s\"", i, zb_findings_message(f, i), want[i].message);
        assert_int_equal(zb_findings_severity(f, i), want[i].severity);
        assert_string_equal(zb_findings_code(f, i), want[i].code);
        assert_string_equal(zb_findings_location(f, i), want[i].location);
        errors += want[i].severity == ZB_SEV_ERROR;
    }
    assert_int_equal(zb_findings_count(f), n);
    assert_int_equal(zb_findings_error_count(f), errors);
}

static void test_arguments(void **state)
{
    zb_plan *plan = *state;
    zb_findings *f = (zb_findings *)1;
    assert_int_equal(zb_plan_validate(NULL, &f), ZB_ERR_ARGUMENT);
    assert_null(f);
    assert_int_equal(zb_plan_validate(plan, NULL), ZB_ERR_ARGUMENT);
    zb_findings_free(NULL);
    assert_int_equal(zb_findings_count(NULL), 0);
    assert_int_equal(zb_findings_error_count(NULL), 0);
    assert_int_equal(zb_findings_severity(NULL, 0), ZB_SEV_NOTE);
    assert_null(zb_findings_code(NULL, 0));
    assert_null(zb_findings_location(NULL, 0));
    assert_null(zb_findings_message(NULL, 0));
}

static void test_empty_plan(void **state)
{
    zb_findings *f = validate(*state);
    assert_int_equal(zb_findings_count(f), 0);
    assert_int_equal(zb_findings_error_count(f), 0);
    assert_null(zb_findings_code(f, 0));
    assert_null(zb_findings_location(f, 0));
    assert_null(zb_findings_message(f, 0));
    assert_int_equal(zb_findings_severity(f, 0), ZB_SEV_NOTE);
    zb_findings_free(f);
}

static void test_clean_plan(void **state)
{
    zb_plan *plan = *state;
    assert_int_equal(zb_plan_add_unit(plan, "县经信局", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_unit(plan, "县统计局", NULL), ZB_OK);
    add(plan, 1, "牵引性指标", "规上工业增加值增速(%)", NULL, "6.5%", "县经信局、县统计局", NULL);
    add(plan, 2, "牵引性指标", "新增“小升规”企业(家)", NULL, "62", "县经信局", NULL);
    zb_findings *f = validate(plan);
    assert_int_equal(zb_findings_count(f), 0);
    zb_findings_free(f);
}

static void test_indicator_findings(void **state)
{
    zb_plan *plan = *state;
    assert_int_equal(zb_plan_add_unit(plan, "县经信局", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_unit(plan, "县规和自然划资源局", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_unit(plan, "县市场监管局", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_category(plan, "空类别", NULL), ZB_OK);
    add(plan, 5, "A", "新增“小升规”企业(家)", NULL, "持续提升", "县经信局", "table.csv:6");
    add(plan, 6, "A", "培育企业(家)", NULL, NULL, "县经信局", NULL);
    add(plan, 20, "A", "低效用地整治提升(亩)", NULL, "2800", "县规划和自然资源局、县经信局、开发区", NULL);
    add(plan, 39, "A", "专利快速预审提速率(件)", NULL, "20%", "县市场监管局", NULL);
    add(plan, 40, "A", "无单位指标", NULL, "20％", "开发区", NULL);
    add(plan, 41, "A", "", NULL, "1", NULL, NULL);
    add(plan, 42, "A", "正常指标(%)", NULL, "20%", "县经信局", NULL);
    const expected want[] = {
        {ZB_SEV_NOTE, "qualitative-target", "table.csv:6",
         "indicator 5 (新增“小升规”企业(家)): target \"持续提升\" is qualitative: reported as 定性, not scored as "
         "a number"},
        {ZB_SEV_NOTE, "no-target", "indicator 6", "indicator 6 (培育企业(家)): has no target"},
        {ZB_SEV_WARNING, "unknown-unit", "indicator 20",
         "indicator 20 (低效用地整治提升(亩)): responsible unit 县规划和自然资源局 is not in the unit list; did you "
         "mean 县规和自然划资源局?"},
        {ZB_SEV_WARNING, "unknown-unit", "indicator 20",
         "indicator 20 (低效用地整治提升(亩)): responsible unit 开发区 is not in the unit list"},
        {ZB_SEV_WARNING, "percent-target", "indicator 39",
         "indicator 39 (专利快速预审提速率(件)): target \"20%\" is a percentage but the unit is 件"},
        {ZB_SEV_WARNING, "percent-target", "indicator 40",
         "indicator 40 (无单位指标): target \"20％\" is a percentage but the indicator has no unit"},
        {ZB_SEV_WARNING, "unknown-unit", "indicator 40",
         "indicator 40 (无单位指标): responsible unit 开发区 is not in the unit list"},
        {ZB_SEV_ERROR, "empty-name", "indicator 41", "indicator 41: the name is empty"},
        {ZB_SEV_WARNING, "empty-category", "category 空类别", "category 空类别 has no indicators"},
    };
    zb_findings *f = validate(plan);
    expect_findings(f, want, COUNT(want));
    assert_int_equal(zb_findings_error_count(f), 1);
    /* A bad index. */
    assert_null(zb_findings_message(f, COUNT(want)));
    assert_int_equal(zb_findings_severity(f, COUNT(want)), ZB_SEV_NOTE);
    zb_findings_free(f);
}

/* Every target form of a published table: none is an error; each is said once, at its cell. */
static void test_target_forms(void **state)
{
    zb_plan *plan = *state;
    const char *csv = "序号,指标名称,计量单位,基期值,2025年目标值,2026年目标值\n"
                      "1,单位工业增加值能耗,吨标煤/万元,,下降3%,下降5%\n"
                      "2,淘汰落后产能企业,家,8,≤10,—\n"
                      "3,工业用水重复利用率,%,90,完成市下达任务,六十二\n"
                      "4,亩均税收,万元/亩,28,增长5%,/\n"
                      "5,企业数,家,,20%,\n";
    assert_int_equal(zb_csv_load_string(plan, csv, strlen(csv), "t.csv", NULL), ZB_OK);
    const expected want[] = {
        {ZB_SEV_NOTE, "change-without-base", "t.csv:2:5",
         "indicator 1 (单位工业增加值能耗): 2025 target \"下降3%\" is a change and the indicator has no base value "
         "(基期值): actuals are read as the change"},
        {ZB_SEV_NOTE, "change-without-base", "t.csv:2:6",
         "indicator 1 (单位工业增加值能耗): 2026 target \"下降5%\" is a change and the indicator has no base value "
         "(基期值): actuals are read as the change"},
        {ZB_SEV_NOTE, "no-target", "t.csv:3:6", "indicator 2 (淘汰落后产能企业): 2026 target \"—\" is a placeholder: no target"},
        {ZB_SEV_NOTE, "qualitative-target", "t.csv:4:5",
         "indicator 3 (工业用水重复利用率): 2025 target \"完成市下达任务\" is qualitative: reported as 定性, not scored as a "
         "number"},
        {ZB_SEV_WARNING, "target-not-number", "t.csv:4:6",
         "indicator 3 (工业用水重复利用率): 2026 target \"六十二\" is neither a number nor a recognised phrase; it is "
         "shown as written and judged 无目标值"},
        {ZB_SEV_NOTE, "no-target", "t.csv:5:6", "indicator 4 (亩均税收): 2026 target \"/\" is a placeholder: no target"},
        {ZB_SEV_WARNING, "percent-target", "t.csv:6:5",
         "indicator 5 (企业数): 2025 target \"20%\" is a percentage but the unit is 家"},
    };
    zb_findings *f = validate(plan);
    expect_findings(f, want, COUNT(want));
    assert_int_equal(zb_findings_error_count(f), 0);
    zb_findings_free(f);
}

/* A target written at another scale than the indicator's unit (8000万元 on 亿元) would be read
 * as that many of the unit; other unit words beside a number (30个 on 家) are left alone. */
static void test_target_unit_scale(void **state)
{
    zb_plan *plan = *state;
    const char *csv = "序号,指标名称,计量单位,目标值\n"
                      "1,招引项目到位资金,亿元,8000万元以上\n"
                      "2,工业投资(亿元),,500 万元\n"
                      "3,城镇新增就业,万人,1.2万人\n"
                      "4,新增企业,家,30个\n"
                      "5,技改投资,亿元,25亿元左右\n"
                      "6,用电量,万千瓦时,3亿千瓦时\n"
                      "7,税收,万元,8000\n";
    assert_int_equal(zb_csv_load_string(plan, csv, strlen(csv), "t.csv", NULL), ZB_OK);
    const expected want[] = {
        {ZB_SEV_WARNING, "target-unit", "t.csv:2:4",
         "indicator 1 (招引项目到位资金): target \"8000万元以上\" is written in 万元 but the indicator's unit is 亿元: "
         "its number is read as 亿元; write the target in 亿元"},
        {ZB_SEV_WARNING, "target-unit", "t.csv:3:4",
         "indicator 2 (工业投资(亿元)): target \"500 万元\" is written in 万元 but the indicator's unit is 亿元: its "
         "number is read as 亿元; write the target in 亿元"},
        {ZB_SEV_WARNING, "target-unit", "t.csv:7:4",
         "indicator 6 (用电量): target \"3亿千瓦时\" is written in 亿千瓦时 but the indicator's unit is 万千瓦时: its "
         "number is read as 万千瓦时; write the target in 万千瓦时"},
    };
    zb_findings *f = validate(plan);
    expect_findings(f, want, COUNT(want));
    zb_findings_free(f);
}

/* A name's unit and a 计量单位 at another scale contradict each other; a bracketed group that
 * is no unit (数字化车间) or another word for a count (家, 个) is left alone. */
static void test_unit_conflict(void **state)
{
    zb_plan *plan = *state;
    const char *csv = "序号,指标名称,计量单位,目标值\n"
                      "1,工业投资(亿元),万元,500\n"
                      "2,新增企业（家）,个,30\n"
                      "3,培育智能工厂(数字化车间),家,5\n"
                      "4,研发投入占比(%),%,3\n"
                      "5,城镇新增就业（万人）,人,12000\n";
    assert_int_equal(zb_csv_load_string(plan, csv, strlen(csv), "t.csv", NULL), ZB_OK);
    const expected want[] = {
        {ZB_SEV_WARNING, "unit-conflict", "t.csv:2",
         "indicator 1 (工业投资(亿元)): the name says 亿元 but the unit (计量单位) is 万元: targets and actuals are "
         "read as 万元"},
        {ZB_SEV_WARNING, "unit-conflict", "t.csv:6",
         "indicator 5 (城镇新增就业（万人）): the name says 万人 but the unit (计量单位) is 人: targets and actuals are "
         "read as 人"},
    };
    zb_findings *f = validate(plan);
    expect_findings(f, want, COUNT(want));
    zb_findings_free(f);
}

/* Without a unit directory there is nothing to check units against. */
static void test_no_directory(void **state)
{
    zb_plan *plan = *state;
    add(plan, 1, NULL, "a(家)", NULL, "1", "谁都不认识的单位", NULL);
    zb_task_def def = {0};
    assert_int_equal(zb_plan_add_task(plan, &def, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(plan, 0, NULL, "谁都不认识的单位", NULL), ZB_OK);
    zb_findings *f = validate(plan);
    assert_int_equal(zb_findings_count(f), 0);
    zb_findings_free(f);
}

static void test_suggestions(void **state)
{
    zb_plan *plan = *state;
    static const char *const directory[] = {"县经信局", "县发改局", "县规和自然划资源局", "县市场监管局",
                                             "县科技局", "县商务局"};
    for (size_t k = 0; k < COUNT(directory); k++)
        assert_int_equal(zb_plan_add_unit(plan, directory[k], NULL), ZB_OK);
    static const struct {
        const char *written;
        const char *suggestion; /* NULL = none */
    } cases[] = {
        {"县规划和自然资源局", "县规和自然划资源局"}, /* two edits: a character moved */
        {"县经信", "县经信局"},                     /* one deletion */
        {"县发展改革局", "县发改局"},               /* two insertions in six characters */
        {"县科技局局局局", NULL},                   /* three edits in seven characters: too far */
        {"县商局", "县商务局"},
        {"县市监局", "县市场监管局"},               /* two deletions */
        {"开发区", NULL},
        {"县经局信", "县经信局"},                   /* a swap of neighbours is one edit */
    };
    for (size_t k = 0; k < COUNT(cases); k++)
        add(plan, (int)k + 1, NULL, "x(家)", NULL, "1", cases[k].written, NULL);
    zb_findings *f = validate(plan);
    assert_int_equal(zb_findings_count(f), COUNT(cases));
    for (size_t k = 0; k < COUNT(cases); k++) {
        char want[256];
        int n = snprintf(want, sizeof want, "indicator %zu (x(家)): responsible unit %s is not in the unit list",
                         k + 1, cases[k].written);
        if (cases[k].suggestion)
            snprintf(want + n, sizeof want - (size_t)n, "; did you mean %s?", cases[k].suggestion);
        assert_string_equal(zb_findings_message(f, k), want);
        assert_string_equal(zb_findings_code(f, k), "unknown-unit");
    }
    zb_findings_free(f);
}

static void test_task_units(void **state)
{
    zb_plan *plan = *state;
    assert_int_equal(zb_plan_add_unit(plan, "县经信局", NULL), ZB_OK);
    zb_task_def def = {0};
    def.number = "3";
    def.title = "推进数字化改造";
    def.source = "plan.txt:44";
    assert_int_equal(zb_plan_add_task(plan, &def, NULL), ZB_OK);
    zb_task_def plain = {0};
    assert_int_equal(zb_plan_add_task(plan, &plain, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(plan, 0, NULL, "县经信局、县经信", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(plan, 0, "另一句。", "县经信、开发区", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(plan, 1, NULL, "开发区", NULL), ZB_OK);
    const expected want[] = {
        {ZB_SEV_WARNING, "unknown-unit", "plan.txt:44",
         "task 3 (推进数字化改造): responsible unit 县经信 is not in the unit list; did you mean 县经信局?"},
        {ZB_SEV_WARNING, "unknown-unit", "plan.txt:44",
         "task 3 (推进数字化改造): responsible unit 开发区 is not in the unit list"},
        {ZB_SEV_WARNING, "unknown-unit", "task #2", "task #2: responsible unit 开发区 is not in the unit list"},
    };
    zb_findings *f = validate(plan);
    expect_findings(f, want, COUNT(want));
    zb_findings_free(f);
}

/* Collective names stand for several units and are never looked up. */
static void test_collective_units(void **state)
{
    zb_plan *plan = *state;
    assert_int_equal(zb_plan_add_unit(plan, "县经信局", NULL), ZB_OK);
    add(plan, 1, NULL, "指标(家)", NULL, "1", "县经信局、县级相关部门", "t.csv:2");
    zb_task_def def = {0};
    def.number = "1";
    assert_int_equal(zb_plan_add_task(plan, &def, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(plan, 0, NULL, "产业集群工作组各成员单位、各乡镇（街道）、县经信局等", NULL),
                     ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(plan, 0, NULL, "县经信、县级有关单位", NULL), ZB_OK);
    const expected want[] = {
        {ZB_SEV_WARNING, "unknown-unit", "task 1",
         "task 1: responsible unit 县经信 is not in the unit list; did you mean 县经信局?"},
    };
    zb_findings *f = validate(plan);
    expect_findings(f, want, COUNT(want));
    zb_findings_free(f);
}

static void add_prose(zb_plan *plan, const char *name, const char *unit, const char *value, const char *source)
{
    zb_prose_target_def d = {0};
    d.name = name;
    d.unit = unit;
    d.value = value;
    d.task = ZB_NONE;
    d.source = source;
    assert_int_equal(zb_plan_add_prose_target(plan, &d, NULL), ZB_OK);
}

static void test_prose_mismatch(void **state)
{
    zb_plan *plan = *state;
    add(plan, 12, NULL, "新增制造业领域科技型中小企业(家)", NULL, "62", NULL, NULL);
    add(plan, 24, NULL, "培育未来工厂(家)", NULL, "1", NULL, NULL);
    add(plan, 28, NULL, "光伏发电装机量(万千瓦)", NULL, "0.5", NULL, NULL);
    add(plan, 29, NULL, "可再生能源装机量(万千瓦)", NULL, "5.5", NULL, NULL);
    add(plan, 30, NULL, "新增“小升规”企业(家)", NULL, "62", NULL, NULL);
    add(plan, 31, NULL, "规上工业增加值增速(%)", NULL, "6.5", NULL, NULL);
    add(plan, 32, NULL, "新增市级以上研发机构(家)", NULL, "10", NULL, NULL);
    /* Agree: same name (give or take words around it), same number. */
    add_prose(plan, "新增“小升规”企业", "家", "62", "t.txt:69");
    add_prose(plan, "全县规上工业增加值增速", "%", "6.5", "t.txt:11");
    add_prose(plan, "可再生能源装机", "万千瓦", "5.5", "t.txt:65");
    add_prose(plan, "培育未来工厂", "家", "1", "t.txt:53");
    /* Alike names with the same number: no finding. */
    add_prose(plan, "新培育认定市级以上企业研发机构", "家", "10", "t.txt:33");
    /* Another number under the same name. */
    add_prose(plan, "新增制造业领域科技型中小企业", "家", "60", "t.txt:33");
    /* Same number and unit under another name, both sides unmatched otherwise. */
    add_prose(plan, "新型储能装机", "万千瓦", "0.5", "t.txt:65");
    /* A common value under another name, but indicator 24 has its own prose target. */
    add_prose(plan, "创建省级企业技术中心", "家", "1", "t.txt:33");
    /* Another unit: never compared. */
    add_prose(plan, "光伏发电装机量", "千瓦", "7", NULL);
    const expected want[] = {
        {ZB_SEV_WARNING, "prose-mismatch", "t.txt:33",
         "prose target “新增制造业领域科技型中小企业60家” says 60 where indicator 12 "
         "(新增制造业领域科技型中小企业(家)) says 62"},
        {ZB_SEV_WARNING, "prose-mismatch", "t.txt:65",
         "prose target “新型储能装机0.5万千瓦” has the number and unit of indicator 28 "
         "(光伏发电装机量(万千瓦)) under another name"},
    };
    zb_findings *f = validate(plan);
    expect_findings(f, want, COUNT(want));
    zb_findings_free(f);
}

/* Many prose targets against many indicators: compared within a unit only. */
static void test_prose_many(void **state)
{
    zb_plan *plan = *state;
    char name[64], unit[32], value[16];
    for (int k = 1; k <= 5000; k++) {
        snprintf(name, sizeof name, "指标%d(单位%d)", k, k % 500);
        snprintf(value, sizeof value, "%d", k);
        add(plan, k, NULL, name, NULL, value, NULL, NULL);
        snprintf(name, sizeof name, "指标%d", k);
        snprintf(unit, sizeof unit, "单位%d", k % 500);
        add_prose(plan, name, unit, value, NULL);
    }
    zb_findings *f = validate(plan);
    assert_int_equal(zb_findings_count(f), 0);
    zb_findings_free(f);
}

/* The internal constructor importers use for their reports. */
static void test_findings_add(void **state)
{
    (void)state;
    zb_findings *f = zb_findings_new();
    assert_non_null(f);
    assert_int_equal(zb_findings_add(f, ZB_SEV_NOTE, "recognised", "a.txt:1", "header: %s", "索引号"), 0);
    char long_text[2000];
    memset(long_text, 'x', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    assert_int_equal(zb_findings_add(f, ZB_SEV_WARNING, "unplaced", NULL, "%s", long_text), 0);
    assert_int_equal(zb_findings_add(f, ZB_SEV_ERROR, "x", "", "e"), 0);
    assert_int_equal(zb_findings_count(f), 3);
    assert_int_equal(zb_findings_error_count(f), 1);
    assert_string_equal(zb_findings_message(f, 0), "header: 索引号");
    assert_string_equal(zb_findings_code(f, 0), "recognised");
    assert_string_equal(zb_findings_location(f, 1), "");
    assert_int_equal(strlen(zb_findings_message(f, 1)), sizeof long_text - 1);
    assert_int_equal(zb_findings_add(NULL, ZB_SEV_NOTE, "x", "", "x"), -1);
    zb_findings_free(f);
}

static void test_notes(void **state)
{
    zb_plan *plan = *state;
    assert_int_equal(zb_plan_add_unit(plan, "县 市场 监管局", NULL), ZB_OK);
    add(plan, 1, "牵\u00a0引\u00a0性\u00a0指\u00a0标", "规上工业增加值增速(%)", NULL, "6.5", NULL, "t.csv:2");
    add(plan, 37, "牵引性指标", "新增“ 品字标浙江制造”认证企业(家)", NULL, "5", "县市场监管局", NULL);
    add(plan, 38, "牵引性指标", "企业数", " 家 ", "5", NULL, NULL);
    assert_int_equal(zb_plan_add_recipient(plan, "各乡镇 人民政府"), ZB_OK);
    assert_int_equal(zb_plan_add_note(plan, "t.csv:1", "column name", " 类别", "类别"), ZB_OK);
    add(plan, 2, NULL, "持续", NULL, "持续提升", NULL, NULL);
    const expected want[] = {
        {ZB_SEV_NOTE, "qualitative-target", "indicator 2",
         "indicator 2 (持续): target \"持续提升\" is qualitative: reported as 定性, not scored as a number"},
        {ZB_SEV_NOTE, "normalised", "plan", "unit name “县 市场 监管局” normalised to “县市场监管局” (white space removed)"},
        {ZB_SEV_NOTE, "normalised", "t.csv:2",
         "indicator 1: category “牵<U+00A0>引<U+00A0>性<U+00A0>指<U+00A0>标” normalised to “牵引性指标” (white space "
         "removed)"},
        {ZB_SEV_NOTE, "normalised", "indicator 37",
         "indicator 37: name “新增“ 品字标浙江制造”认证企业(家)” normalised to “新增“品字标浙江制造”认证企业(家)” "
         "(white space removed)"},
        {ZB_SEV_NOTE, "normalised", "indicator 38", "indicator 38: unit “ 家 ” normalised to “家” (white space trimmed)"},
        {ZB_SEV_NOTE, "normalised", "plan",
         "recipient (主送机关) “各乡镇 人民政府” normalised to “各乡镇人民政府” (white space removed)"},
        {ZB_SEV_NOTE, "normalised", "t.csv:1", "column name “ 类别” normalised to “类别” (white space trimmed)"},
    };
    zb_findings *f = validate(plan);
    expect_findings(f, want, COUNT(want));
    zb_findings_free(f);
}

/* Validation reads the plan only: running it twice gives the same list. */
static void test_repeatable(void **state)
{
    zb_plan *plan = *state;
    assert_int_equal(zb_plan_add_unit(plan, "县经信局", NULL), ZB_OK);
    add(plan, 1, " A", "a(家)", NULL, "x", "县经", NULL);
    zb_findings *a = validate(plan);
    zb_findings *b = validate(plan);
    assert_int_equal(zb_findings_count(a), zb_findings_count(b));
    for (size_t i = 0; i < zb_findings_count(a); i++)
        assert_string_equal(zb_findings_message(a, i), zb_findings_message(b, i));
    zb_findings_free(a);
    zb_findings_free(b);
}

/* 10,000 indicators and 100 units, a fifth of the rows naming a unit the list spells
 * differently: quick only when the nearest name is searched once per distinct miss. */
static zb_findings *validate_opt(const zb_plan *plan, zb_document_kind document, int actuals, const char *period)
{
    zb_validate_options o = {0};
    o.document = document;
    o.actuals = actuals;
    o.period = period;
    zb_findings *f = NULL;
    assert_int_equal(zb_plan_validate_opt(plan, &o, &f), ZB_OK);
    assert_non_null(f);
    return f;
}

static void test_opt_arguments(void **state)
{
    zb_plan *plan = *state;
    zb_findings *f = (zb_findings *)1;
    assert_int_equal(zb_plan_validate_opt(NULL, NULL, &f), ZB_ERR_ARGUMENT);
    assert_null(f);
    assert_int_equal(zb_plan_validate_opt(plan, NULL, NULL), ZB_ERR_ARGUMENT);
    zb_validate_options o = {0};
    o.document = (zb_document_kind)7;
    f = (zb_findings *)1;
    assert_int_equal(zb_plan_validate_opt(plan, &o, &f), ZB_ERR_VALUE);
    assert_null(f);
    const char *bad[] = {"2024-6", "2024-13", "2024-00", "2024年6月", "", "2024-06-30"};
    for (size_t k = 0; k < COUNT(bad); k++) {
        o.document = ZB_DOCUMENT_NONE;
        o.actuals = 1;
        o.period = bad[k];
        assert_int_equal(zb_plan_validate_opt(plan, &o, &f), ZB_ERR_VALUE);
    }
    /* The period is only read with actuals. */
    o.actuals = 0;
    assert_int_equal(zb_plan_validate_opt(plan, &o, &f), ZB_OK);
    zb_findings_free(f);
    /* NULL options are zb_plan_validate. */
    assert_int_equal(zb_plan_validate_opt(plan, NULL, &f), ZB_OK);
    assert_int_equal(zb_findings_count(f), 0);
    zb_findings_free(f);
}

/* A target table, a monitoring workbook and an assessment need indicators: without them the
 * writer would write an empty table, the silent end of an import that did not read its table. */
static void test_document_needs_indicators(void **state)
{
    zb_plan *plan = *state;
    static const struct {
        zb_document_kind document;
        const char *message;
    } cases[] = {
        {ZB_DOCUMENT_TABLE, "a target table needs indicators; the plan has none"},
        {ZB_DOCUMENT_PROGRESS, "a monitoring workbook needs indicators; the plan has none"},
        {ZB_DOCUMENT_ASSESSMENT, "an assessment needs indicators; the plan has none"},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        expected e[] = {{ZB_SEV_ERROR, "no-indicators", "indicators", cases[k].message}};
        zb_findings *f = validate_opt(plan, cases[k].document, 0, NULL);
        expect_findings(f, e, 1);
        zb_findings_free(f);
    }
    zb_findings *f = validate_opt(plan, ZB_DOCUMENT_BREAKDOWN, 0, NULL); /* tasks alone are enough */
    assert_int_equal(zb_findings_count(f), 0);
    zb_findings_free(f);
}

/* A notice needs a title and an organ; a bulletin the organ, and warns when it cannot name
 * the plan; the other documents need nothing more. */
static void test_document_needs(void **state)
{
    zb_plan *plan = *state;
    add(plan, 1, NULL, "新增企业(家)", NULL, "5", NULL, "t.csv:2");
    static const expected notice[] = {
        {ZB_SEV_ERROR, "missing-title", "title", "a notice needs a title (标题); the plan has none"},
        {ZB_SEV_ERROR, "missing-organ", "organ",
         "a notice needs an issuing organ (发文机关, the red header and the signature); the plan has none"},
    };
    zb_findings *f = validate_opt(plan, ZB_DOCUMENT_NOTICE, 0, NULL);
    expect_findings(f, notice, COUNT(notice));
    zb_findings_free(f);
    static const expected bulletin[] = {
        {ZB_SEV_WARNING, "missing-title", "title",
         "the plan has no title (标题): the bulletin cannot name the plan it reports on"},
        {ZB_SEV_ERROR, "missing-organ", "organ",
         "a bulletin needs an issuing organ (发文机关, the red header and the signature); the plan has none"},
    };
    f = validate_opt(plan, ZB_DOCUMENT_BULLETIN, 0, NULL);
    expect_findings(f, bulletin, COUNT(bulletin));
    zb_findings_free(f);
    const zb_document_kind others[] = {ZB_DOCUMENT_NONE, ZB_DOCUMENT_TABLE, ZB_DOCUMENT_BREAKDOWN,
                                       ZB_DOCUMENT_PROGRESS, ZB_DOCUMENT_ASSESSMENT};
    for (size_t k = 0; k < COUNT(others); k++) {
        f = validate_opt(plan, others[k], 0, NULL);
        assert_int_equal(zb_findings_count(f), 0);
        zb_findings_free(f);
    }
    /* A bulletin names the plan by plan_title too; a notice needs its own title. */
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_PLAN_TITLE, "工作要点"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_ORGAN, "某县经济和信息化局"), ZB_OK);
    /* With an organ the red 版头 prints: a notice wants its 发文字号 under it, and both
     * documents their 版记's 印发机关 (GB/T 9704 §7.2.5, §7.4.3). */
    static const expected imprint = {ZB_SEV_WARNING, "no-imprint", "printer",
                                     "a bulletin has no 版记 (印发机关 and 印发日期): give printer and printed"};
    f = validate_opt(plan, ZB_DOCUMENT_BULLETIN, 0, NULL);
    expect_findings(f, &imprint, 1);
    zb_findings_free(f);
    static const expected red[] = {
        {ZB_SEV_ERROR, "missing-title", "title", "a notice needs a title (标题); the plan has none"},
        {ZB_SEV_WARNING, "no-document-number", "doc_number",
         "the notice prints a red 版头 (organ mark and red rule) with no 发文字号 under it: give doc_number, "
         "or choose another 版头 (mark, letter or none)"},
        {ZB_SEV_WARNING, "no-imprint", "printer",
         "a notice has no 版记 (印发机关 and 印发日期): give printer and printed"},
    };
    f = validate_opt(plan, ZB_DOCUMENT_NOTICE, 0, NULL);
    expect_findings(f, red, COUNT(red));
    zb_findings_free(f);
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_TITLE, "关于印发工作要点的通知"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_DOC_NUMBER, "某经信〔2024〕1号"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_PRINTER, "某县经济和信息化局办公室"), ZB_OK);
    f = validate_opt(plan, ZB_DOCUMENT_NOTICE, 0, NULL);
    assert_int_equal(zb_findings_count(f), 0);
    zb_findings_free(f);
    f = validate_opt(plan, ZB_DOCUMENT_BULLETIN, 0, NULL);
    assert_int_equal(zb_findings_count(f), 0);
    zb_findings_free(f);
}

/* Year-to-date actuals of a cumulative indicator that fall, and months nobody reported. */
static void test_actuals(void **state)
{
    zb_plan *plan = *state;
    assert_int_equal(zb_plan_set_years(plan, 2024, 2024), ZB_OK);
    add(plan, 1, NULL, "规上工业增加值(亿元)", NULL, "450", NULL, "plan.json:9:7");
    add(plan, 2, NULL, "规上工业增加值增速(%)", NULL, "6.5", NULL, NULL); /* a rate may fall */
    add(plan, 3, NULL, "新增企业(家)", NULL, "50", NULL, NULL);
    const struct {
        int seq;
        const char *period;
        double value;
    } actuals[] = {{1, "2024-06", 234.8}, {1, "2024-05", 256.8}, {1, "2024-03", 120}, {2, "2024-05", 7.2},
                   {2, "2024-06", 6.1},   {3, "2024-04", 12},    {3, "2024-06", 12},  {3, "2024-08", 11}};
    for (size_t k = 0; k < COUNT(actuals); k++)
        assert_int_equal(zb_plan_add_actual(plan, actuals[k].seq, actuals[k].period, actuals[k].value, NULL), ZB_OK);

    /* Without actuals, nothing about them. */
    zb_findings *f = validate_opt(plan, ZB_DOCUMENT_NONE, 0, "2024-07");
    assert_int_equal(zb_findings_count(f), 0);
    zb_findings_free(f);

    static const expected all[] = {
        {ZB_SEV_WARNING, "ytd-decrease", "plan.json:9:7",
         "indicator 1 (规上工业增加值(亿元)): the year-to-date actual for 2024-06, 234.8, is lower than 2024-05's, "
         "256.8; a year-to-date total cannot fall (a month's own figure?)"},
        {ZB_SEV_WARNING, "ytd-decrease", "indicator 3",
         "indicator 3 (新增企业(家)): the year-to-date actual for 2024-08, 11, is lower than 2024-06's, 12; "
         "a year-to-date total cannot fall (a month's own figure?)"},
    };
    f = validate_opt(plan, ZB_DOCUMENT_NONE, 1, NULL);
    expect_findings(f, all, COUNT(all));
    zb_findings_free(f);
    /* Up to June: the August slip is not looked at yet. */
    f = validate_opt(plan, ZB_DOCUMENT_PROGRESS, 1, "2024-06");
    expect_findings(f, all, 1);
    zb_findings_free(f);

    /* A month nobody reported, after others, before any, and in a plan without actuals. */
    const expected july[] = {
        {ZB_SEV_WARNING, "no-actuals", "period 2024-07",
         "no indicator has an actual for 2024-07 (the latest reported month is 2024-06): every indicator would "
         "show as 未报送"},
        all[0],
    };
    f = validate_opt(plan, ZB_DOCUMENT_ASSESSMENT, 1, "2024-07");
    expect_findings(f, july, COUNT(july));
    zb_findings_free(f);
    static const expected february[] = {
        {ZB_SEV_WARNING, "no-actuals", "period 2024-02",
         "no indicator has an actual for 2024-02 or before: every indicator would show as 未报送"},
    };
    f = validate_opt(plan, ZB_DOCUMENT_NONE, 1, "2024-02");
    expect_findings(f, february, COUNT(february));
    zb_findings_free(f);

    zb_plan *empty = zb_plan_new();
    assert_non_null(empty);
    static const expected none[] = {
        {ZB_SEV_WARNING, "no-actuals", "period 2024-12",
         "no indicator has an actual for 2024-12 (the plan has no actuals): every indicator would show as 未报送"},
    };
    f = validate_opt(empty, ZB_DOCUMENT_NONE, 1, "2024-12");
    expect_findings(f, none, COUNT(none));
    zb_findings_free(f);
    zb_plan_free(empty);
}

static void test_large_plan(void **state)
{
    zb_plan *plan = *state;
    char name[64], unit[64], resp[160];
    for (int k = 0; k < 100; k++) {
        snprintf(unit, sizeof unit, "县第%d号单位管理局", k);
        assert_int_equal(zb_plan_add_unit(plan, unit, NULL), ZB_OK);
    }
    for (int k = 1; k <= 10000; k++) {
        snprintf(name, sizeof name, "指标%d(家)", k);
        if (k % 5 == 0)
            snprintf(resp, sizeof resp, "县第%d号单位管理局、县第%d号单位管理", k % 100, k % 100);
        else
            snprintf(resp, sizeof resp, "县第%d号单位管理局", k % 100);
        add(plan, k, "类别", name, NULL, "10", resp, NULL);
    }
    zb_findings *f = validate(plan);
    assert_int_equal(zb_findings_count(f), 2000);
    assert_int_equal(zb_findings_error_count(f), 0);
    assert_non_null(strstr(zb_findings_message(f, 0), "; did you mean 县第5号单位管理局?"));
    zb_findings_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_target_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(test_target_unit_scale, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unit_conflict, setup, teardown),
        cmocka_unit_test_setup_teardown(test_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_plan, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clean_plan, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indicator_findings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_suggestions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_task_units, setup, teardown),
        cmocka_unit_test_setup_teardown(test_collective_units, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prose_mismatch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prose_many, setup, teardown),
        cmocka_unit_test(test_findings_add),
        cmocka_unit_test_setup_teardown(test_notes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_repeatable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_large_plan, setup, teardown),
        cmocka_unit_test_setup_teardown(test_opt_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_document_needs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_document_needs_indicators, setup, teardown),
        cmocka_unit_test_setup_teardown(test_actuals, setup, teardown),
    };
    return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
