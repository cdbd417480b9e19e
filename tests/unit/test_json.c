/* The zhibiao/1 JSON module: load, save, dump, round trips, and every class of error with
 * its exact location. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/internal.h"
#include "json/json_internal.h"
#include "plan/plan_internal.h"
#include "zhibiao/json.h"

/* ---- helpers ---------------------------------------------------------------------- */

static zb_status load(zb_plan *plan, const char *text)
{
    return zb_json_load_string(plan, text, strlen(text), "plan.json");
}

static char *dump(const zb_plan *plan)
{
    char *out = NULL;
    size_t len = 0;
    zb_error err;
    zb_status st = zb_json_dump(plan, &out, &len, &err);
    if (st != ZB_OK)
        fail_msg("zb_json_dump: %s", err.message);
    assert_non_null(out);
    assert_int_equal(strlen(out), len);
    return out;
}

#define assert_str(a, b) assert_string_equal((a), (b))

static void assert_same_double(double a, double b)
{
    if (isnan(a) || isnan(b))
        assert_true(isnan(a) && isnan(b));
    else
        assert_true(a == b);
}

/* Every getter of every item, except where an item came from (its source). */
static void assert_plans_equal(const zb_plan *a, const zb_plan *b)
{
    for (int f = ZB_META_TITLE; f <= ZB_META_PLAN_TITLE; f++)
        assert_str(zb_plan_meta(a, (zb_meta)f), zb_plan_meta(b, (zb_meta)f));
    for (int f = ZB_DATE_ISSUED; f <= ZB_DATE_PUBLISHED; f++) {
        zb_date x = zb_plan_date(a, (zb_date_field)f), y = zb_plan_date(b, (zb_date_field)f);
        assert_int_equal(x.year, y.year);
        assert_int_equal(x.month, y.month);
        assert_int_equal(x.day, y.day);
    }
    assert_int_equal(zb_plan_first_year(a), zb_plan_first_year(b));
    assert_int_equal(zb_plan_last_year(a), zb_plan_last_year(b));
    assert_int_equal(zb_plan_recipient_count(a), zb_plan_recipient_count(b));
    for (size_t i = 0; i < zb_plan_recipient_count(a); i++)
        assert_str(zb_plan_recipient(a, i), zb_plan_recipient(b, i));
    assert_int_equal(zb_plan_copy_to_count(a), zb_plan_copy_to_count(b));
    for (size_t i = 0; i < zb_plan_copy_to_count(a); i++)
        assert_str(zb_plan_copy_to(a, i), zb_plan_copy_to(b, i));
    assert_int_equal(zb_plan_unit_count(a), zb_plan_unit_count(b));
    for (size_t i = 0; i < zb_plan_unit_count(a); i++) {
        assert_str(zb_plan_unit_name(a, i), zb_plan_unit_name(b, i));
        assert_str(zb_plan_unit_full_name(a, i), zb_plan_unit_full_name(b, i));
    }
    assert_int_equal(zb_plan_category_count(a), zb_plan_category_count(b));
    for (size_t i = 0; i < zb_plan_category_count(a); i++)
        assert_str(zb_plan_category_name(a, i), zb_plan_category_name(b, i));
    assert_int_equal(zb_plan_indicator_count(a), zb_plan_indicator_count(b));
    for (size_t i = 0; i < zb_plan_indicator_count(a); i++) {
        assert_int_equal(zb_plan_indicator_seq(a, i), zb_plan_indicator_seq(b, i));
        assert_int_equal(zb_plan_find_indicator(b, zb_plan_indicator_seq(a, i)), i);
        assert_int_equal(zb_plan_indicator_category(a, i), zb_plan_indicator_category(b, i));
        assert_str(zb_plan_indicator_name(a, i), zb_plan_indicator_name(b, i));
        assert_str(zb_plan_indicator_bare_name(a, i), zb_plan_indicator_bare_name(b, i));
        assert_str(zb_plan_indicator_unit(a, i), zb_plan_indicator_unit(b, i));
        assert_str(zb_plan_indicator_target_text(a, i), zb_plan_indicator_target_text(b, i));
        assert_same_double(zb_plan_indicator_target(a, i), zb_plan_indicator_target(b, i));
        assert_int_equal(zb_plan_indicator_qualifier(a, i), zb_plan_indicator_qualifier(b, i));
        assert_int_equal(zb_plan_indicator_kind(a, i), zb_plan_indicator_kind(b, i));
        assert_int_equal(zb_plan_indicator_direction(a, i), zb_plan_indicator_direction(b, i));
        assert_same_double(zb_plan_indicator_weight(a, i), zb_plan_indicator_weight(b, i));
        assert_int_equal(zb_plan_indicator_unit_given(a, i), zb_plan_indicator_unit_given(b, i));
        assert_int_equal(zb_plan_indicator_kind_given(a, i), zb_plan_indicator_kind_given(b, i));
        assert_int_equal(zb_plan_indicator_direction_given(a, i), zb_plan_indicator_direction_given(b, i));
        assert_int_equal(zb_plan_indicator_attribute(a, i), zb_plan_indicator_attribute(b, i));
        assert_int_equal(zb_plan_indicator_base_year(a, i), zb_plan_indicator_base_year(b, i));
        assert_str(zb_plan_indicator_base_text(a, i), zb_plan_indicator_base_text(b, i));
        assert_same_double(zb_plan_indicator_base_value(a, i), zb_plan_indicator_base_value(b, i));
        assert_str(zb_plan_indicator_note(a, i), zb_plan_indicator_note(b, i));
        assert_int_equal(zb_plan_indicator_target_count(a, i), zb_plan_indicator_target_count(b, i));
        for (size_t k = 0; k < zb_plan_indicator_target_count(a, i); k++) {
            assert_int_equal(zb_plan_indicator_target_year(a, i, k), zb_plan_indicator_target_year(b, i, k));
            assert_str(zb_plan_indicator_target_text_at(a, i, k), zb_plan_indicator_target_text_at(b, i, k));
            assert_same_double(zb_plan_indicator_target_value_at(a, i, k), zb_plan_indicator_target_value_at(b, i, k));
            assert_int_equal(zb_plan_indicator_target_qualifier_at(a, i, k),
                             zb_plan_indicator_target_qualifier_at(b, i, k));
            assert_int_equal(zb_plan_indicator_target_class_at(a, i, k), zb_plan_indicator_target_class_at(b, i, k));
            assert_int_equal(zb_plan_indicator_target_change_at(a, i, k), zb_plan_indicator_target_change_at(b, i, k));
        }
        assert_str(zb_plan_indicator_lead(a, i), zb_plan_indicator_lead(b, i));
        assert_int_equal(zb_plan_indicator_responsible_count(a, i), zb_plan_indicator_responsible_count(b, i));
        for (size_t j = 0; j < zb_plan_indicator_responsible_count(a, i); j++)
            assert_str(zb_plan_indicator_responsible(a, i, j), zb_plan_indicator_responsible(b, i, j));
    }
    assert_int_equal(zb_plan_task_count(a), zb_plan_task_count(b));
    for (size_t t = 0; t < zb_plan_task_count(a); t++) {
        assert_str(zb_plan_task_number(a, t), zb_plan_task_number(b, t));
        assert_str(zb_plan_task_title(a, t), zb_plan_task_title(b, t));
        assert_str(zb_plan_task_text(a, t), zb_plan_task_text(b, t));
        assert_int_equal(zb_plan_task_heading_count(a, t), zb_plan_task_heading_count(b, t));
        for (size_t k = 0; k < zb_plan_task_heading_count(a, t); k++)
            assert_str(zb_plan_task_heading(a, t, k), zb_plan_task_heading(b, t, k));
        assert_int_equal(zb_plan_task_duty_count(a, t), zb_plan_task_duty_count(b, t));
        for (size_t d = 0; d < zb_plan_task_duty_count(a, t); d++) {
            assert_str(zb_plan_task_duty_text(a, t, d), zb_plan_task_duty_text(b, t, d));
            assert_str(zb_plan_task_duty_note(a, t, d), zb_plan_task_duty_note(b, t, d));
            size_t n = zb_plan_task_duty_responsible_count(a, t, d);
            assert_int_equal(n, zb_plan_task_duty_responsible_count(b, t, d));
            assert_int_equal(zb_plan_task_duty_lead_count(a, t, d), zb_plan_task_duty_lead_count(b, t, d));
            for (size_t k = 0; k < n; k++)
                assert_str(zb_plan_task_duty_responsible(a, t, d, k), zb_plan_task_duty_responsible(b, t, d, k));
        }
    }
    assert_int_equal(zb_plan_prose_target_count(a), zb_plan_prose_target_count(b));
    for (size_t i = 0; i < zb_plan_prose_target_count(a); i++) {
        assert_str(zb_plan_prose_target_name(a, i), zb_plan_prose_target_name(b, i));
        assert_str(zb_plan_prose_target_unit(a, i), zb_plan_prose_target_unit(b, i));
        assert_str(zb_plan_prose_target_value_text(a, i), zb_plan_prose_target_value_text(b, i));
        assert_same_double(zb_plan_prose_target_value(a, i), zb_plan_prose_target_value(b, i));
        assert_int_equal(zb_plan_prose_target_qualifier(a, i), zb_plan_prose_target_qualifier(b, i));
        assert_int_equal(zb_plan_prose_target_first_year(a, i), zb_plan_prose_target_first_year(b, i));
        assert_int_equal(zb_plan_prose_target_last_year(a, i), zb_plan_prose_target_last_year(b, i));
        assert_str(zb_plan_prose_target_sentence(a, i), zb_plan_prose_target_sentence(b, i));
        assert_int_equal(zb_plan_prose_target_task(a, i), zb_plan_prose_target_task(b, i));
    }
    assert_int_equal(zb_plan_block_count(a), zb_plan_block_count(b));
    for (size_t i = 0; i < zb_plan_block_count(a); i++) {
        assert_int_equal(zb_plan_block_part(a, i), zb_plan_block_part(b, i));
        assert_int_equal(zb_plan_block_level(a, i), zb_plan_block_level(b, i));
        assert_str(zb_plan_block_text(a, i), zb_plan_block_text(b, i));
    }
    assert_int_equal(zb_plan_attachment_count(a), zb_plan_attachment_count(b));
    for (size_t i = 0; i < zb_plan_attachment_count(a); i++) {
        assert_int_equal(zb_plan_attachment_number(a, i), zb_plan_attachment_number(b, i));
        assert_int_equal(zb_plan_attachment_kind(a, i), zb_plan_attachment_kind(b, i));
        assert_str(zb_plan_attachment_title(a, i), zb_plan_attachment_title(b, i));
        assert_str(zb_plan_attachment_text(a, i), zb_plan_attachment_text(b, i));
    }
    assert_int_equal(zb_plan_actual_count(a), zb_plan_actual_count(b));
    for (size_t i = 0; i < zb_plan_actual_count(a); i++) {
        assert_int_equal(zb_plan_actual_indicator(a, i), zb_plan_actual_indicator(b, i));
        assert_str(zb_plan_actual_period(a, i), zb_plan_actual_period(b, i));
        assert_same_double(zb_plan_actual_value(a, i), zb_plan_actual_value(b, i));
        assert_str(zb_plan_actual_note(a, i), zb_plan_actual_note(b, i));
    }
}

/* Dump, load the dump, compare, and check that the dump of the copy is the same bytes. */
static void assert_round_trip(const zb_plan *plan)
{
    char *text = dump(plan);
    zb_plan *copy = zb_plan_new();
    zb_status st = load(copy, text);
    if (st != ZB_OK)
        fail_msg("reload failed: %s\n%s", zb_errmsg(copy), text);
    assert_plans_equal(plan, copy);
    char *again = dump(copy);
    assert_str(text, again);
    free(again);
    free(text);
    zb_plan_free(copy);
}

static void add_indicator(zb_plan *plan, int seq, const char *category, const char *name, const char *target,
                          const char *responsible)
{
    zb_indicator_def def = {.seq = seq, .category = category, .name = name, .target = target,
                            .responsible = responsible};
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
}

/* A plan with something in every part, the way the seeds have them. */
static zb_plan *rich_plan(void)
{
    zb_plan *p = zb_plan_new();
    assert_non_null(p);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_TITLE, "桐庐县“415X”先进制造业集群培育工程2024年工作要点"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_ORGAN, "桐庐县经济和信息化局"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_ORGAN_MARK, "桐庐县经济和信息化局文件"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_DOC_NUMBER, "桐经信〔2024〕12号"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_SIGNATURE, "桐庐县经济和信息化局"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_NOTE, "(此件公开发布)"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_PRINTER, "桐庐县经济和信息化局办公室"), ZB_OK);
    assert_int_equal(zb_plan_set_date(p, ZB_DATE_ISSUED, (zb_date){2024, 5, 31}), ZB_OK);
    assert_int_equal(zb_plan_set_date(p, ZB_DATE_PRINTED, (zb_date){2024, 6, 3}), ZB_OK);
    assert_int_equal(zb_plan_set_years(p, 2024, 2024), ZB_OK);
    assert_int_equal(zb_plan_add_recipient(p, "各乡镇人民政府、街道办事处"), ZB_OK);
    assert_int_equal(zb_plan_add_recipient(p, "县级有关单位"), ZB_OK);
    assert_int_equal(zb_plan_add_copy_to(p, "县委办"), ZB_OK);
    assert_int_equal(zb_plan_add_unit(p, "县经信局", "桐庐县经济和信息化局"), ZB_OK);
    assert_int_equal(zb_plan_add_unit(p, "县发改局", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_unit(p, "县科技局", ""), ZB_OK);
    assert_int_equal(zb_plan_add_category(p, "牵 引 性 指 标", NULL), ZB_OK);
    add_indicator(p, 1, "牵引性指标", "“415X”先进制造业集群规上企业营业收入(亿元)", "450", "县经信局");
    add_indicator(p, 2, "牵引性指标", "规上工业增加值增速(%)", "6.5左右", "县经信局、县发改局");
    add_indicator(p, 3, "牵引性指标", "高新技术产业增加值占规上工业增加值比重(%)", "74.5以上", "县科技局");
    add_indicator(p, 4, "深化集群培育体系", "培育智能工厂(数字化车间)(家)", "1,200", "县经信局");
    add_indicator(p, 5, "深化集群培育体系", "新增市级以上首台(套)项目", "≥20", NULL);
    add_indicator(p, 6, "深化集群培育体系", "专利快速预审提速率(%)", "20%", "县市场监管局");
    add_indicator(p, 7, "绿色低碳", "单位工业增加值能耗", "持续下降", "县发改局 县经信局");
    add_indicator(p, 8, "绿色低碳", "单位工业增加值能耗下降率(%)", "3", NULL);
    add_indicator(p, 9, "绿色低碳", "工业用地容积率", "", NULL);
    /* Explicit values that differ from what would be inferred. */
    zb_indicator_def def = {.seq = 12, .category = "绿色低碳", .name = "亩均税收(万元)", .unit = "万元/亩",
                            .target = "30", .qualifier = ZB_QUAL_AT_MOST, .kind = ZB_KIND_LEVEL,
                            .direction = ZB_DIR_LOWER};
    assert_int_equal(zb_plan_add_indicator(p, &def, NULL), ZB_OK);
    zb_indicator_def def2 = {.seq = 13, .name = "新增“小升规”企业(家)", .unit = "", .target = "62",
                             .qualifier = ZB_QUAL_AT_LEAST, .kind = ZB_KIND_RATE};
    size_t i13;
    assert_int_equal(zb_plan_add_indicator(p, &def2, &i13), ZB_OK);
    assert_int_equal(zb_plan_add_indicator_responsible(p, i13, "县经信局"), ZB_OK);
    assert_int_equal(zb_plan_add_indicator_responsible(p, i13, "各乡镇(街道)"), ZB_OK);
    zb_indicator_def def3 = {.seq = 14, .name = "工业用地容积率", .unit = "%", .target = "-0.5",
                             .qualifier = ZB_QUAL_NONE, .kind = ZB_KIND_CUMULATIVE};
    assert_int_equal(zb_plan_add_indicator(p, &def3, NULL), ZB_OK);
    /* What real tables hold: attribute, base, several years, qualitative and capped targets. */
    zb_indicator_def def4 = {.seq = 18, .name = "单位工业增加值能耗", .unit = "吨标煤/万元",
                             .attribute = ZB_ATTR_BINDING, .base = "0.52", .base_year = 2020,
                             .target = "下降8%", .target_year = 2023, .note = "较2020年", .weight = 5};
    size_t i18;
    assert_int_equal(zb_plan_add_indicator(p, &def4, &i18), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_target(p, i18, 2025, "下降15%", ZB_QUAL_AUTO), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_target(p, i18, 2024, "完成市下达任务", ZB_QUAL_AUTO), ZB_OK);
    zb_indicator_def def5 = {.seq = 19, .name = "淘汰落后产能企业", .unit = "家", .attribute = ZB_ATTR_ANTICIPATORY,
                             .base = "—", .target = "≤10", .direction = ZB_DIR_LOWER};
    size_t i19;
    assert_int_equal(zb_plan_add_indicator(p, &def5, &i19), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_target(p, i19, 2025, "10", ZB_QUAL_AT_MOST), ZB_OK);
    add_indicator(p, 15, NULL, "技改投资(亿元)", "1e+20", NULL);
    add_indicator(p, 17, NULL, "负数(%)", "-0.5", NULL);
    add_indicator(p, 16, NULL, "名字里有\"引号\"和\\反斜杠\t与制表符", "0.1", NULL);

    const char *headings[] = {"二、重点任务", "(一)深化“415X”先进制造业集群培育体系"};
    zb_task_def task = {.number = "1", .headings = headings, .heading_count = 2,
                        .title = "全面落实产业链“链长+链主”制",
                        .text = "健全县领导担任“链长”、龙头企业担任“链主”的高效协同机制。\n第二行。"};
    size_t t;
    assert_int_equal(zb_plan_add_task(p, &task, &t), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(p, t, NULL, "县经信局、县发改局", "各产业集群工作组成员单位配合"), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(p, t, "绘制产业链鱼骨图。", "县发改局", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(p, t, "两家牵头。", "县发改局、县经信局、各乡镇（街道、园区）", NULL), ZB_OK);
    assert_int_equal(zb_plan_set_task_duty_lead_count(p, t, 2, 2), ZB_OK);
    zb_task_def bare = {0};
    assert_int_equal(zb_plan_add_task(p, &bare, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_block(p, 1, "一、主要目标"), ZB_OK);
    assert_int_equal(zb_plan_add_block(p, 0, "坚定不移走新型工业化道路。"), ZB_OK);
    assert_int_equal(zb_plan_add_block(p, 4, "(1)其他"), ZB_OK);
    /* What an imported notice adds: the site's header data, the plan it issues, prose targets. */
    assert_int_equal(zb_plan_set_meta(p, ZB_META_INDEX_NO, "M059/2024-123007"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_PUBLISHER, "县经信局"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_VALIDITY, "有效"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_DISCLOSURE, "主动公开"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_PLAN_TITLE, "攻坚行动方案"), ZB_OK);
    assert_int_equal(zb_plan_set_date(p, ZB_DATE_PUBLISHED, (zb_date){2024, 5, 31}), ZB_OK);
    assert_int_equal(zb_plan_add_block_to(p, ZB_PART_PLAN, 1, "一、总体要求"), ZB_OK);
    assert_int_equal(zb_plan_add_block_to(p, ZB_PART_PLAN, 0, "方案正文。"), ZB_OK);
    zb_prose_target_def pd = {.name = "新增“小升规”企业", .unit = "家", .value = "62",
                              .qualifier = ZB_QUAL_AT_LEAST, .sentence = "力争新增“小升规”企业62家以上。", .task = t};
    assert_int_equal(zb_plan_add_prose_target(p, &pd, NULL), ZB_OK);
    zb_prose_target_def pd2 = {.name = "整治提升高耗低效企业", .unit = "家", .value = "400", .first_year = 2022,
                               .last_year = 2023, .task = ZB_NONE};
    assert_int_equal(zb_plan_add_prose_target(p, &pd2, NULL), ZB_OK);
    zb_prose_target_def pd3 = {.name = "规上工业增加值增速", .unit = "%", .value = "6.50",
                               .qualifier = ZB_QUAL_ABOUT, .task = ZB_NONE};
    assert_int_equal(zb_plan_add_prose_target(p, &pd3, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_attachment(p, 2, ZB_ATTACH_TARGETS, "2024年目标体系表", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_attachment(p, 3, ZB_ATTACH_UNITS, "县级单位名单", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_attachment(p, 5, ZB_ATTACH_TEXT, "说明", "第一段。\n第二段。"), ZB_OK);
    assert_int_equal(zb_plan_add_actual(p, 1, "2024-03", 98.6, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(p, 2, "2024-03", 5.9, "受外需影响"), ZB_OK);
    assert_int_equal(zb_plan_add_actual(p, 1, "2024-06", 210, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(p, 16, "2024-06", -0.25, NULL), ZB_OK);
    return p;
}

static char *data_path(const char *rel)
{
    const char *dir = getenv("ZB_TEST_DATA");
    if (!dir || !*dir)
        return NULL;
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *p = malloc(n);
    assert_non_null(p);
    snprintf(p, n, "%s/%s", dir, rel);
    return p;
}

/* ---- loading ---------------------------------------------------------------------- */

static void test_load_minimal(void **state)
{
    (void)state;
    zb_plan *p = zb_plan_new();
    assert_int_equal(load(p, "{\"format\": \"zhibiao/1\"}"), ZB_OK);
    assert_str(zb_errmsg(p), "");
    assert_int_equal(zb_plan_indicator_count(p), 0);
    assert_int_equal(zb_plan_first_year(p), 0);
    char *text = dump(p);
    assert_str(text, "{\n  \"format\": \"zhibiao/1\"\n}\n");
    free(text);
    zb_plan_free(p);
}

static const char *full_text =
    "\xEF\xBB\xBF{\n"
    "  \"format\": \"zhibiao/1\",\n"
    "  \"title\": \"武义县新一轮制造业“腾笼换鸟、凤凰涅槃”攻坚行动方案\",\n"
    "  \"organ\": \"武义县人民政府\",\n"
    "  \"organ_mark\": \"武义县人民政府文件\",\n"
    "  \"doc_number\": \"武政发〔2022〕11号\",\n"
    "  \"signature\": \"武义县人民政府\",\n"
    "  \"note\": \"(此件公开发布)\",\n"
    "  \"printer\": \"武义县人民政府办公室\",\n"
    "  \"date\": \"2022-03-24\",\n"
    "  \"printed\": \"2022-03-25\",\n"
    "  \"years\": [2021, 2023.0],\n"
    "  \"recipients\": [\"各镇人民政府、街道办事处\"],\n"
    "  \"copy_to\": [\"县委各部门\", \"县人大常委会办公室\"],\n"
    "  \"units\": [\"县经济商务局\", {\"name\": \"县发改局\", \"full_name\": \"武义县发展和改革局\"}, {\"name\": \"开发区\"}],\n"
    "  \"indicators\": [\n"
    "    {\"name\": \"整治提升高耗低效企业(家)\", \"target\": 400, \"responsible\": \"县经济商务局、县发改局\"},\n"
    "    {\"seq\": 7, \"category\": \"攻坚目标\", \"name\": \"规上工业增加值年均增速(%)\", \"target\": \"13\",\n"
    "     \"qualifier\": \"≥\", \"kind\": \"level\", \"direction\": \"lower\", \"unit\": \"%\", \"responsible\": [\"县经济商务局\"]},\n"
    "    {\"name\": \"腾出用地空间(亩)\", \"target\": 1.50, \"qualifier\": \"~\"}\n"
    "  ],\n"
    "  \"categories\": [{\"name\": \"攻\\u575a目标\", \"indicators\": [{\"seq\": 3, \"n\\u0061me\": \"亩均税收(万元)\", \"target\": 2e1}]}],\n"
    "  \"tasks\": [{\"number\": \"1\", \"headings\": [\"二、主要任务\"], \"title\": \"开展整治\", \"text\": \"全文\",\n"
    "             \"duties\": [{\"text\": \"前一句\", \"responsible\": [\"县经济商务局\", \"县发改局\"], \"note\": \"各乡镇配合\"},\n"
    "                        {\"responsible\": \"县资规局,县税务局\", \"leads\": 2}, {}]}],\n"
    "  \"body\": [{\"text\": \"为深入实施……\"}, {\"level\": 2, \"text\": \"(一)目标\"}],\n"
    "  \"attachments\": [{\"title\": \"目标表\", \"kind\": \"targets\"}, {\"number\": 4, \"title\": \"说明\", \"text\": \"正文\"}],\n"
    "  \"actuals\": [{\"seq\": 7, \"period\": \"2022-06\", \"value\": 12.5, \"note\": \"半年\"}, {\"seq\": 4, \"period\": \"2021-12\", \"value\": 150}]\n"
    "}\n";

static void test_load_every_key(void **state)
{
    (void)state;
    zb_plan *p = zb_plan_new();
    zb_status st = load(p, full_text);
    if (st)
        fail_msg("%s", zb_errmsg(p));
    assert_str(zb_plan_meta(p, ZB_META_TITLE), "武义县新一轮制造业“腾笼换鸟、凤凰涅槃”攻坚行动方案");
    assert_str(zb_plan_meta(p, ZB_META_ORGAN), "武义县人民政府");
    assert_str(zb_plan_meta(p, ZB_META_ORGAN_MARK), "武义县人民政府文件");
    assert_str(zb_plan_meta(p, ZB_META_DOC_NUMBER), "武政发〔2022〕11号");
    assert_str(zb_plan_meta(p, ZB_META_SIGNATURE), "武义县人民政府");
    assert_str(zb_plan_meta(p, ZB_META_NOTE), "(此件公开发布)");
    assert_str(zb_plan_meta(p, ZB_META_PRINTER), "武义县人民政府办公室");
    assert_int_equal(zb_plan_date(p, ZB_DATE_ISSUED).day, 24);
    assert_int_equal(zb_plan_date(p, ZB_DATE_PRINTED).day, 25);
    assert_int_equal(zb_plan_first_year(p), 2021);
    assert_int_equal(zb_plan_last_year(p), 2023);
    assert_int_equal(zb_plan_recipient_count(p), 1);
    assert_int_equal(zb_plan_copy_to_count(p), 2);
    assert_str(zb_plan_copy_to(p, 1), "县人大常委会办公室");
    assert_int_equal(zb_plan_unit_count(p), 3);
    assert_str(zb_plan_unit_full_name(p, 0), "");
    assert_str(zb_plan_unit_full_name(p, 1), "武义县发展和改革局");
    assert_str(zb_plan_unit_name(p, 2), "开发区");

    /* Categories first (with their nested indicators), then the top-level list. */
    assert_int_equal(zb_plan_category_count(p), 1);
    assert_str(zb_plan_category_name(p, 0), "攻坚目标");
    assert_int_equal(zb_plan_indicator_count(p), 4);
    assert_int_equal(zb_plan_indicator_seq(p, 0), 3);
    assert_str(zb_plan_indicator_name(p, 0), "亩均税收(万元)");
    assert_str(zb_plan_indicator_target_text(p, 0), "20");
    assert_int_equal(zb_plan_indicator_category(p, 0), 0);
    assert_int_equal(zb_plan_indicator_seq(p, 1), 4); /* next after the largest */
    assert_str(zb_plan_indicator_target_text(p, 1), "400");
    assert_int_equal(zb_plan_indicator_category(p, 1), ZB_NONE);
    assert_int_equal(zb_plan_indicator_responsible_count(p, 1), 2);
    assert_str(zb_plan_indicator_lead(p, 1), "县经济商务局");
    assert_int_equal(zb_plan_indicator_seq(p, 2), 7);
    assert_int_equal(zb_plan_indicator_category(p, 2), 0);
    assert_int_equal(zb_plan_indicator_qualifier(p, 2), ZB_QUAL_AT_LEAST);
    assert_int_equal(zb_plan_indicator_kind(p, 2), ZB_KIND_LEVEL);
    assert_int_equal(zb_plan_indicator_direction(p, 2), ZB_DIR_LOWER);
    assert_str(zb_plan_indicator_unit(p, 2), "%");
    assert_str(zb_plan_indicator_target_text(p, 2), "13");
    assert_int_equal(zb_plan_indicator_seq(p, 3), 8);
    assert_str(zb_plan_indicator_target_text(p, 3), "1.5");
    assert_int_equal(zb_plan_indicator_qualifier(p, 3), ZB_QUAL_ABOUT);
    assert_str(zb_plan_indicator_unit(p, 3), "亩");

    /* Where each came from: the position of its "{" (the BOM is not a column). */
    assert_str(zb_plan_indicator_source(p, 0), "plan.json:22:55");
    assert_str(zb_plan_indicator_source(p, 1), "plan.json:17:5");
    assert_str(zb_plan_indicator_source(p, 2), "plan.json:18:5");
    assert_str(zb_plan_indicator_source(p, 3), "plan.json:20:5");
    assert_str(zb_plan_task_source(p, 0), "plan.json:23:13");

    assert_int_equal(zb_plan_task_count(p), 1);
    assert_str(zb_plan_task_heading(p, 0, 0), "二、主要任务");
    assert_int_equal(zb_plan_task_duty_count(p, 0), 3);
    assert_str(zb_plan_task_duty_text(p, 0, 0), "前一句");
    assert_str(zb_plan_task_duty_note(p, 0, 0), "各乡镇配合");
    assert_int_equal(zb_plan_task_duty_responsible_count(p, 0, 0), 2);
    assert_str(zb_plan_task_duty_responsible(p, 0, 0, 1), "县发改局");
    assert_int_equal(zb_plan_task_duty_responsible_count(p, 0, 1), 2);
    assert_str(zb_plan_task_duty_responsible(p, 0, 1, 1), "县税务局");
    assert_int_equal(zb_plan_task_duty_lead_count(p, 0, 0), 1);
    assert_int_equal(zb_plan_task_duty_lead_count(p, 0, 1), 2);
    assert_str(zb_plan_task_duty_text(p, 0, 2), "");
    assert_int_equal(zb_plan_task_duty_responsible_count(p, 0, 2), 0);
    assert_int_equal(zb_plan_block_count(p), 2);
    assert_int_equal(zb_plan_block_level(p, 0), 0);
    assert_int_equal(zb_plan_block_level(p, 1), 2);
    assert_int_equal(zb_plan_attachment_count(p), 2);
    assert_int_equal(zb_plan_attachment_number(p, 0), 1);
    assert_int_equal(zb_plan_attachment_kind(p, 0), ZB_ATTACH_TARGETS);
    assert_int_equal(zb_plan_attachment_number(p, 1), 4);
    assert_int_equal(zb_plan_attachment_kind(p, 1), ZB_ATTACH_TEXT);
    assert_str(zb_plan_attachment_text(p, 1), "正文");
    assert_int_equal(zb_plan_actual_count(p), 2);
    assert_int_equal(zb_plan_actual_indicator(p, 0), 2);
    assert_true(zb_plan_actual_value(p, 0) == 12.5);
    assert_str(zb_plan_actual_note(p, 0), "半年");
    assert_int_equal(zb_plan_actual_indicator(p, 1), 1);

    assert_round_trip(p);
    zb_plan_free(p);
}

static void test_load_replaces_contents(void **state)
{
    (void)state;
    zb_plan *p = rich_plan();
    assert_int_equal(load(p, "{\"format\": \"zhibiao/1\", \"title\": \"新\", \"indicators\": [{\"name\": \"甲(个)\"}]}"),
                     ZB_OK);
    assert_str(zb_plan_meta(p, ZB_META_TITLE), "新");
    assert_str(zb_plan_meta(p, ZB_META_ORGAN), "");
    assert_int_equal(zb_plan_date(p, ZB_DATE_ISSUED).year, 0);
    assert_int_equal(zb_plan_first_year(p), 0);
    assert_int_equal(zb_plan_unit_count(p), 0);
    assert_int_equal(zb_plan_category_count(p), 0);
    assert_int_equal(zb_plan_indicator_count(p), 1);
    assert_int_equal(zb_plan_indicator_seq(p, 0), 1);
    assert_int_equal(zb_plan_task_count(p), 0);
    assert_int_equal(zb_plan_block_count(p), 0);
    assert_int_equal(zb_plan_attachment_count(p), 0);
    assert_int_equal(zb_plan_actual_count(p), 0);
    assert_str(zb_errmsg(p), "");
    zb_plan_free(p);
}

static void test_failed_load_changes_nothing(void **state)
{
    (void)state;
    zb_plan *p = rich_plan();
    char *before = dump(p);
    static const char *const bad[] = {
        "{\"format\": \"zhibiao/1\", \"title\": \"新\", \"indicators\": [{\"seq\": 1, \"name\": \"甲\"}, {\"seq\": 1, \"name\": \"乙\"}]}",
        "{\"format\": \"zhibiao/1\", \"title\": \"新\", \"actuals\": [{\"seq\": 1, \"period\": \"2024-01\", \"value\": 1}]}",
        "{\"format\": \"zhibiao/1\", \"title\": \"新\",",
        "{\"format\": \"zhibiao/1\", \"title\": \"\xB9\xFA\"}",
        "",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_not_equal(load(p, bad[i]), ZB_OK);
        assert_true(strncmp(zb_errmsg(p), "plan.json:", 10) == 0);
        char *after = dump(p);
        assert_str(before, after);
        free(after);
    }
    assert_int_equal(zb_json_load(p, "/nonexistent/plan.json"), ZB_ERR_IO);
    assert_non_null(strstr(zb_errmsg(p), "/nonexistent/plan.json"));
    char *after = dump(p);
    assert_str(before, after);
    free(after);
    /* A good load after a bad one clears the message. */
    assert_int_equal(load(p, "{\"format\": \"zhibiao/1\"}"), ZB_OK);
    assert_str(zb_errmsg(p), "");
    free(before);
    zb_plan_free(p);
}

/* ---- errors: status and exact message, location included ---------------------------- */

typedef struct error_case {
    const char *text;
    zb_status status;
    const char *message; /* the whole message, or its start when it ends in "…" */
} error_case;

static const error_case error_cases[] = {
    /* syntax */
    {"", ZB_ERR_SYNTAX, "plan.json:1:1: empty input (expected a JSON object starting with \"format\": \"zhibiao/1\")"},
    {"  \n ", ZB_ERR_SYNTAX, "plan.json:2:2: empty input…"},
    {"{\"format\": \"zhibiao/1\"", ZB_ERR_SYNTAX, "plan.json:1:23: unexpected end of input (is the file cut short?): '}' expected"},
    {"{\"format\": \"zhibi", ZB_ERR_SYNTAX, "plan.json:1:18: unexpected end of input (is the file cut short?)"},
    {"{\"format\": \"zhibiao/1\"}\n\n  x", ZB_ERR_SYNTAX, "plan.json:3:3: unexpected text after the end of the JSON object near 'x'"},
    {"{\"format\": \"zhibiao/1\"} {}", ZB_ERR_SYNTAX, "plan.json:1:25: unexpected text after the end of the JSON object near '{'"},
    {"{\"format\": \"zhibiao/1\",\n \"title\": tru}", ZB_ERR_SYNTAX, "plan.json:2:11: syntax error: invalid token near 'tru'"},
    {"{\"format\": \"zhibiao/1\", \"title\": \"a\",}", ZB_ERR_SYNTAX, "plan.json:1:38: syntax error: string or '}' expected near '}'"},
    {"{\"a\": \"\\u0000\"}", ZB_ERR_SYNTAX, "plan.json:1:7: \\u0000 (a NUL character) is not allowed in a string"},
    {"{\"a\": 1e999}", ZB_ERR_VALUE, "plan.json:1:7: number out of range near '1e999'"},
    /* encoding: the byte offset, and line and column in characters */
    {"{\"format\": \"zhibiao/1\",\n \"title\": \"桐庐\xB9\xFA\"}", ZB_ERR_ENCODING,
     "plan.json:2:14: invalid UTF-8 at byte offset 41 (0xB9)…"},
    {"\xEF\xBB\xBF{\"title\": \"\xFF\"}", ZB_ERR_ENCODING, "plan.json:1:12: invalid UTF-8 at byte offset 14 (0xFF); zhibiao reads UTF-8 only"},
    /* duplicate keys, at any depth */
    {"{\"format\": \"zhibiao/1\", \"format\": \"zhibiao/1\"}", ZB_ERR_DUPLICATE, "plan.json:1:25: duplicate key \"format\""},
    {"{\"format\": \"zhibiao/1\", \"tasks\": [{}, {\"duties\": [{\"note\": \"a\",\n  \"note\": \"b\"}]}]}", ZB_ERR_DUPLICATE,
     "plan.json:2:3: tasks[1].duties[0]: duplicate key \"note\""},
    /* a path through a long key is shortened between characters, not inside one */
    {"{\"format\": \"zhibiao/1\", \"键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键\": {\"a\": 1, \"a\": 2}}",
     ZB_ERR_DUPLICATE, "plan.json:1:81: 键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键键…: duplicate key \"a\""},
    /* shape */
    {"[]", ZB_ERR_SCHEMA, "plan.json:1:1: expected an object (a zhibiao/1 plan), got an array"},
    {"{}", ZB_ERR_SCHEMA, "plan.json:1:1: missing key \"format\" (a plan starts with \"format\": \"zhibiao/1\")"},
    {"{\"format\": 1}", ZB_ERR_SCHEMA, "plan.json:1:12: format: expected a string, got a number"},
    {"{\"format\": \"zhibiao/2\", \"future\": 1}", ZB_ERR_SCHEMA,
     "plan.json:1:12: format: unsupported format \"zhibiao/2\" (this version reads \"zhibiao/1\")"},
    {"{\"format\": \"zhibiao/1\", \"titel\": \"x\"}", ZB_ERR_SCHEMA, "plan.json:1:25: unknown key \"titel\" (did you mean \"title\"?)"},
    {"{\"format\": \"zhibiao/1\", \"colour\": \"x\"}", ZB_ERR_SCHEMA,
     "plan.json:1:25: unknown key \"colour\" (expected one of: format, title, organ, organ_mark, doc_number, signature, "
     "note, printer, index_no, publisher, validity, disclosure, plan_title, date, printed, published, year, years, "
     "recipients, copy_to, units, categories, indicators, tasks, prose_targets, body, plan_body, attachments, actuals)"},
    {"{\"format\": \"zhibiao/1\", \"plan_titel\": \"x\"}", ZB_ERR_SCHEMA,
     "plan.json:1:25: unknown key \"plan_titel\" (did you mean \"plan_title\"?)"},
    {"{\"format\": \"zhibiao/1\", \"publised\": \"2024-05-31\"}", ZB_ERR_SCHEMA,
     "plan.json:1:25: unknown key \"publised\" (did you mean \"published\"?)"},
    {"{\"format\": \"zhibiao/1\", \"published\": \"2024-05-32\"}", ZB_ERR_VALUE,
     "plan.json:1:38: published: not a date: \"2024-05-32\" (expected YYYY-MM-DD)"},
    {"{\"format\": \"zhibiao/1\", \"index_no\": 5}", ZB_ERR_SCHEMA, "plan.json:1:37: index_no: expected a string, got a number"},
    {"{\"format\": \"zhibiao/1\", \"plan_body\": [{\"level\": 5, \"text\": \"x\"}]}", ZB_ERR_VALUE,
     "plan.json:1:49: plan_body[0].level: expected 0 (a paragraph) to 4 (a heading 1.–(1)), got 5"},
    /* prose targets */
    {"{\"format\": \"zhibiao/1\", \"prose_targets\": [{\"name\": \"x\", \"value\": 1, \"sentense\": \"s\"}]}", ZB_ERR_SCHEMA,
     "plan.json:1:69: prose_targets[0]: unknown key \"sentense\" (did you mean \"sentence\"?)"},
    {"{\"format\": \"zhibiao/1\", \"prose_targets\": [{\"name\": \"x\"}]}", ZB_ERR_SCHEMA,
     "plan.json:1:43: prose_targets[0]: missing key \"value\""},
    {"{\"format\": \"zhibiao/1\", \"prose_targets\": [{\"value\": 1}]}", ZB_ERR_SCHEMA,
     "plan.json:1:43: prose_targets[0]: missing key \"name\""},
    {"{\"format\": \"zhibiao/1\", \"prose_targets\": [{\"name\": \"x\", \"value\": \"六十二\"}]}", ZB_ERR_VALUE,
     "plan.json:1:66: prose_targets[0].value: …"},
    {"{\"format\": \"zhibiao/1\", \"prose_targets\": [{\"name\": \"x\", \"value\": []}]}", ZB_ERR_SCHEMA,
     "plan.json:1:66: prose_targets[0].value: expected a number or a string, got an array"},
    {"{\"format\": \"zhibiao/1\", \"prose_targets\": [{\"name\": \"x\", \"value\": 1, \"task\": 0}]}", ZB_ERR_NOT_FOUND,
     "plan.json:1:77: prose_targets[0].task: …"},
    {"{\"format\": \"zhibiao/1\", \"prose_targets\": [{\"name\": \"x\", \"value\": 1, \"task\": -1}]}", ZB_ERR_VALUE,
     "plan.json:1:77: prose_targets[0].task: expected a task index (0 for the first task), got -1"},
    {"{\"format\": \"zhibiao/1\", \"prose_targets\": [{\"name\": \"x\", \"value\": 1, \"years\": [2023, 2021]}]}", ZB_ERR_VALUE,
     "plan.json:1:78: prose_targets[0].years: years 2023–2021: the first is after the last"},
    {"{\"format\": \"zhibiao/1\", \"prose_targets\": [{\"name\": \"x\", \"value\": 1, \"qualifier\": \"以上\"}]}", ZB_ERR_VALUE,
     "plan.json:1:82: prose_targets[0].qualifier: expected \">=\", …"},
    {"{\"format\": \"zhibiao/1\", \"title\": null}", ZB_ERR_SCHEMA, "plan.json:1:34: title: expected a string, got null"},
    {"{\"format\": \"zhibiao/1\", \"year\": \"2024\"}", ZB_ERR_SCHEMA, "plan.json:1:33: year: expected an integer, got a string"},
    {"{\"format\": \"zhibiao/1\", \"year\": 2024.5}", ZB_ERR_SCHEMA, "plan.json:1:33: year: expected an integer, got 2024.5"},
    {"{\"format\": \"zhibiao/1\", \"year\": 1800}", ZB_ERR_VALUE, "plan.json:1:33: year: expected a year from 1900 to 9999, got 1800"},
    {"{\"format\": \"zhibiao/1\", \"years\": [2021]}", ZB_ERR_SCHEMA, "plan.json:1:34: years: expected two years [first, last], got 1 item"},
    {"{\"format\": \"zhibiao/1\", \"years\": [2021, true]}", ZB_ERR_SCHEMA, "plan.json:1:41: years[1]: expected an integer, got true"},
    {"{\"format\": \"zhibiao/1\", \"years\": [2023, 2021]}", ZB_ERR_VALUE, "plan.json:1:34: years: …"},
    {"{\"format\": \"zhibiao/1\", \"year\": 2024, \"years\": [2021, 2023]}", ZB_ERR_SCHEMA,
     "plan.json:1:39: give \"year\" or \"years\", not both"},
    {"{\"format\": \"zhibiao/1\", \"date\": \"2024-02-30\"}", ZB_ERR_VALUE,
     "plan.json:1:33: date: not a date: \"2024-02-30\" (expected YYYY-MM-DD)"},
    {"{\"format\": \"zhibiao/1\", \"printed\": \"2024-2-3\"}", ZB_ERR_VALUE,
     "plan.json:1:36: printed: not a date: \"2024-2-3\" (expected YYYY-MM-DD)"},
    {"{\"format\": \"zhibiao/1\", \"recipients\": [\"a\", 2]}", ZB_ERR_SCHEMA, "plan.json:1:45: recipients[1]: expected a string, got a number"},
    {"{\"format\": \"zhibiao/1\", \"copy_to\": \"a\"}", ZB_ERR_SCHEMA, "plan.json:1:36: copy_to: expected an array, got a string"},
    {"{\"format\": \"zhibiao/1\", \"units\": [[]]}", ZB_ERR_SCHEMA, "plan.json:1:35: units[0]: expected a string or an object (a unit), got an array"},
    {"{\"format\": \"zhibiao/1\", \"units\": [{\"full_name\": \"x\"}]}", ZB_ERR_SCHEMA, "plan.json:1:35: units[0]: missing key \"name\""},
    {"{\"format\": \"zhibiao/1\", \"units\": [\"甲\", {\"name\": \"甲\"}]}", ZB_ERR_DUPLICATE, "plan.json:1:49: units[1].name: …"},
    {"{\"format\": \"zhibiao/1\", \"categories\": {}}", ZB_ERR_SCHEMA, "plan.json:1:39: categories: expected an array, got an object"},
    {"{\"format\": \"zhibiao/1\", \"categories\": [\"A\"]}", ZB_ERR_SCHEMA,
     "plan.json:1:40: categories[0]: expected an object (a category), got a string"},
    {"{\"format\": \"zhibiao/1\", \"categories\": [{\"name\": \"A\"}, {\"name\": \"A\"}]}", ZB_ERR_DUPLICATE,
     "plan.json:1:64: categories[1].name: …"},
    {"{\"format\": \"zhibiao/1\",\n \"categories\": [{\"name\": \"A\", \"indicators\": [\n  {\"name\": \"x\"},\n  {\"name\": \"y\", \"target\": [1]}]}]}",
     ZB_ERR_SCHEMA, "plan.json:4:27: categories[0].indicators[1].target: expected a number or a string, got an array"},
    /* weight: a number above 0 */
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"weight\": \"2\"}]}", ZB_ERR_SCHEMA,
     "plan.json:1:64: indicators[0].weight: expected a number, got a string"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"weight\": 0}]}", ZB_ERR_VALUE,
     "plan.json:1:64: indicators[0].weight: expected a number greater than 0, got 0"},
    {"{\"format\": \"zhibiao/1\", \"categories\": [{\"name\": \"A\", \"indicators\": [{\"name\": \"x\", \"weight\": -1.5}]}]}",
     ZB_ERR_VALUE, "plan.json:1:93: categories[0].indicators[0].weight: expected a number greater than 0, got -1.5"},
    /* attribute, base, targets */
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"attribute\": \"约束\"}]}", ZB_ERR_VALUE,
     "plan.json:1:67: indicators[0].attribute: expected \"binding\" or \"anticipatory\" (or \"约束性\", \"预期性\"), got \"约束\""},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"base_year\": 2020}]}", ZB_ERR_SCHEMA,
     "plan.json:1:54: indicators[0]: \"base_year\" without \"base\" (the base value of that year)"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"base\": [1]}]}", ZB_ERR_SCHEMA,
     "plan.json:1:62: indicators[0].base: expected a number or a string, got an array"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"base\": 1, \"base_year\": 20}]}", ZB_ERR_VALUE,
     "plan.json:1:78: indicators[0].base_year: expected a year from 1900 to 9999, got 20"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"targets\": {}}]}", ZB_ERR_SCHEMA,
     "plan.json:1:65: indicators[0].targets: expected an array, got an object"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"targets\": [{\"target\": 1}]}]}", ZB_ERR_SCHEMA,
     "plan.json:1:66: indicators[0].targets[0]: missing key \"year\""},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"targets\": [{\"year\": 2025}]}]}", ZB_ERR_SCHEMA,
     "plan.json:1:66: indicators[0].targets[0]: missing key \"target\""},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"targets\": [{\"year\": 2025, \"target\": 1}, "
     "{\"year\": 2025, \"target\": 2}]}]}",
     ZB_ERR_DUPLICATE, "plan.json:1:104: indicators[0].targets[1].year: a second target for 2025"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"targets\": [{\"year\": 2025, \"taget\": 1}]}]}",
     ZB_ERR_SCHEMA, "plan.json:1:81: indicators[0].targets[0]: unknown key \"taget\" (did you mean \"target\"?)"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"targets\": [{\"year\": 2025, \"target\": 1, "
     "\"qualifier\": \"max\"}]}]}",
     ZB_ERR_VALUE, "plan.json:1:107: indicators[0].targets[0].qualifier: expected \">=\", \"~\", \"<=\" or \"none\" "
                   "(or \"≥\", \"≈\", \"≤\"), got \"max\""},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"note\": 1}]}", ZB_ERR_SCHEMA,
     "plan.json:1:62: indicators[0].note: expected a string, got a number"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"wieght\": 2}]}", ZB_ERR_SCHEMA,
     "plan.json:1:54: indicators[0]: unknown key \"wieght\" (did you mean \"weight\"?)"},
    {"{\"format\": \"zhibiao/1\", \"categories\": [{\"name\": \"A\", \"indicators\": [{\"nmae\": \"x\"}]}]}", ZB_ERR_SCHEMA,
     "plan.json:1:70: categories[0].indicators[0]: unknown key \"nmae\" (did you mean \"name\"?)"},
    {"{\"format\": \"zhibiao/1\", \"categories\": [{\"name\": \"A\", \"indicators\": [{\"name\": \"x\", \"category\": \"A\"}]}]}",
     ZB_ERR_SCHEMA, "plan.json:1:83: categories[0].indicators[0]: unknown key \"category\" (an indicator inside a category…"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"target\": 1}]}", ZB_ERR_SCHEMA, "plan.json:1:40: indicators[0]: missing key \"name\""},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [1]}", ZB_ERR_SCHEMA, "plan.json:1:40: indicators[0]: expected an object (an indicator), got a number"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"seq\": 0}]}", ZB_ERR_VALUE,
     "plan.json:1:61: indicators[0].seq: expected a positive integer, got 0"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"seq\": 3000000000}]}", ZB_ERR_VALUE,
     "plan.json:1:61: indicators[0].seq: expected a positive integer, got 3000000000"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"seq\": 1}, {\"name\": \"y\", \"seq\": 1}]}", ZB_ERR_DUPLICATE,
     "plan.json:1:86: indicators[1].seq: …"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"qualifier\": \"≧\"}]}", ZB_ERR_VALUE,
     "plan.json:1:67: indicators[0].qualifier: expected \">=\", \"~\", \"<=\" or \"none\" (or \"≥\", \"≈\", \"≤\"), got \"≧\""},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"kind\": \"rates\"}]}", ZB_ERR_VALUE,
     "plan.json:1:62: indicators[0].kind: expected \"cumulative\", \"rate\" or \"level\", got \"rates\""},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"direction\": 1}]}", ZB_ERR_SCHEMA,
     "plan.json:1:67: indicators[0].direction: expected a string, got a number"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"responsible\": [\"a\", {}]}]}", ZB_ERR_SCHEMA,
     "plan.json:1:75: indicators[0].responsible[1]: expected a string, got an object"},
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"responsible\": 5}]}", ZB_ERR_SCHEMA,
     "plan.json:1:69: indicators[0].responsible: expected an array of strings or a string, got a number"},
    {"{\"format\": \"zhibiao/1\", \"tasks\": [{\"headings\": [\"a\", null]}]}", ZB_ERR_SCHEMA,
     "plan.json:1:54: tasks[0].headings[1]: expected a string, got null"},
    {"{\"format\": \"zhibiao/1\", \"tasks\": [{\"duties\": [{\"notes\": \"x\"}]}]}", ZB_ERR_SCHEMA,
     "plan.json:1:48: tasks[0].duties[0]: unknown key \"notes\" (did you mean \"note\"?)"},
    {"{\"format\": \"zhibiao/1\", \"body\": [{\"level\": 5, \"text\": \"x\"}]}", ZB_ERR_VALUE,
     "plan.json:1:44: body[0].level: expected 0 (a paragraph) to 4 (a heading 1.–(1)), got 5"},
    {"{\"format\": \"zhibiao/1\", \"body\": [{\"level\": 1}]}", ZB_ERR_SCHEMA, "plan.json:1:34: body[0]: missing key \"text\""},
    {"{\"format\": \"zhibiao/1\", \"attachments\": [{\"title\": \"t\", \"kind\": \"table\"}]}", ZB_ERR_VALUE,
     "plan.json:1:64: attachments[0].kind: expected \"text\", \"targets\" or \"units\", got \"table\""},
    {"{\"format\": \"zhibiao/1\", \"attachments\": [{\"number\": -1, \"title\": \"t\"}]}", ZB_ERR_VALUE,
     "plan.json:1:52: attachments[0].number: expected a positive integer, got -1"},
    /* actuals */
    {"{\"format\": \"zhibiao/1\", \"year\": 2024, \"indicators\": [{\"name\": \"x\"}],\n"
     " \"actuals\": [{\"seq\": 1, \"period\": \"2024-13\", \"value\": 1}]}",
     ZB_ERR_VALUE, "plan.json:2:35: actuals[0].period: not a month: \"2024-13\" (write it as 2024-06, 2024-6, 2024.06 or 2024年6月)"},
    {"{\"format\": \"zhibiao/1\", \"year\": 2024, \"indicators\": [{\"name\": \"x\"}],\n"
     " \"actuals\": [{\"seq\": 2, \"period\": \"2024-03\", \"value\": 1}]}",
     ZB_ERR_NOT_FOUND, "plan.json:2:22: actuals[0].seq: …"},
    {"{\"format\": \"zhibiao/1\", \"year\": 2024, \"indicators\": [{\"name\": \"x\"}],\n"
     " \"actuals\": [{\"seq\": 1, \"period\": \"2023-03\", \"value\": 1}]}",
     ZB_ERR_VALUE, "plan.json:2:35: actuals[0].period: …"},
    {"{\"format\": \"zhibiao/1\", \"year\": 2024, \"indicators\": [{\"name\": \"x\"}],\n"
     " \"actuals\": [{\"seq\": 1, \"period\": \"2024-03\", \"value\": 1}, {\"seq\": 1, \"period\": \"2024-03\", \"value\": 2}]}",
     ZB_ERR_DUPLICATE, "plan.json:2:80: actuals[1].period: …"},
    {"{\"format\": \"zhibiao/1\", \"year\": 2024, \"indicators\": [{\"name\": \"x\"}],\n"
     " \"actuals\": [{\"seq\": 1, \"period\": \"2024-03\", \"value\": \"1\"}]}",
     ZB_ERR_SCHEMA, "plan.json:2:55: actuals[0].value: expected a number, got a string"},
    {"{\"format\": \"zhibiao/1\", \"actuals\": [{\"seq\": 1, \"period\": \"2024-03\"}]}", ZB_ERR_SCHEMA,
     "plan.json:1:37: actuals[0]: missing key \"value\""},
    /* columns count characters: 桐庐 is two columns, six bytes */
    {"{\"format\": \"zhibiao/1\", \"title\": \"桐庐\", \"organ\": 1}", ZB_ERR_SCHEMA, "plan.json:1:49: organ: expected a string, got a number"},
    /* keys written with escapes are the keys they decode to */
    {"{\"format\": \"zhibiao/1\", \"indicators\": [{\"n\\u0061me\": \"x\", \"t\\u0061rget\": {}}]}", ZB_ERR_SCHEMA,
     "plan.json:1:74: indicators[0].target: expected a number or a string, got an object"},
};

static void check_error_case(const error_case *c)
{
    zb_plan *p = zb_plan_new();
    zb_status st = load(p, c->text);
    const char *msg = zb_errmsg(p);
    size_t n = strlen(c->message);
    const char *ellipsis = "…";
    size_t en = strlen(ellipsis);
    int prefix = n >= en && strcmp(c->message + n - en, ellipsis) == 0;
    int ok = st == c->status && (prefix ? strncmp(msg, c->message, n - en) == 0 : strcmp(msg, c->message) == 0);
    if (!ok)
        fail_msg("input:    %s\nstatus:   %d, want %d\nmessage:  %s\nwant:     %s", c->text, st, c->status, msg,
                 c->message);
    assert_int_equal(zb_plan_indicator_count(p), 0);
    zb_plan_free(p);
}

static void test_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof error_cases / sizeof *error_cases; i++)
        check_error_case(&error_cases[i]);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    size_t n = 100000;
    char *text = malloc(n);
    assert_non_null(text);
    memset(text, '[', n);
    zb_plan *p = zb_plan_new();
    assert_int_equal(zb_json_load_string(p, text, n, "deep.json"), ZB_ERR_SYNTAX);
    assert_str(zb_errmsg(p), "deep.json:1:2049: arrays and objects nested more than 2048 deep");
    /* The same inside a value of the plan. */
    const char *head = "{\"format\": \"zhibiao/1\", \"title\": ";
    memcpy(text, head, strlen(head));
    assert_int_equal(zb_json_load_string(p, text, n, "deep.json"), ZB_ERR_SYNTAX);
    assert_non_null(strstr(zb_errmsg(p), "nested more than 2048 deep"));
    free(text);
    zb_plan_free(p);
}

static void test_arguments(void **state)
{
    (void)state;
    zb_plan *p = zb_plan_new();
    char *out = (char *)"x";
    size_t len = 7;
    zb_error err;
    assert_int_equal(zb_json_load(NULL, "x.json"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_json_load(p, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_json_load_string(NULL, "{}", 2, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_json_load_string(p, NULL, 3, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_json_load_string(p, NULL, 0, NULL), ZB_ERR_SYNTAX);
    assert_str(zb_errmsg(p), "<string>:1:1: empty input (expected a JSON object starting with \"format\": \"zhibiao/1\")");
    assert_int_equal(zb_json_dump(NULL, &out, &len, &err), ZB_ERR_ARGUMENT);
    assert_null(out);
    assert_int_equal(len, 0);
    assert_int_equal(err.code, ZB_ERR_ARGUMENT);
    assert_int_equal(zb_json_dump(p, NULL, NULL, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_json_save(p, NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_json_save(NULL, "/tmp/x.json", NULL), ZB_ERR_ARGUMENT);
    /* Text that is not NUL-terminated is read to len only. */
    const char buf[] = "{\"format\": \"zhibiao/1\"}garbage";
    assert_int_equal(zb_json_load_string(p, buf, 23, NULL), ZB_OK);
    zb_plan_free(p);
}

/* ---- saving ----------------------------------------------------------------------- */

static void test_dump_layout(void **state)
{
    (void)state;
    zb_plan *p = zb_plan_new();
    assert_int_equal(zb_plan_set_meta(p, ZB_META_TITLE, "2024年工作要点"), ZB_OK);
    assert_int_equal(zb_plan_set_years(p, 2021, 2023), ZB_OK);
    assert_int_equal(zb_plan_add_unit(p, "县经信局", "桐庐县经济和信息化局"), ZB_OK);
    assert_int_equal(zb_plan_add_unit(p, "县发改局", NULL), ZB_OK);
    add_indicator(p, 1, "牵引性指标", "规上工业增加值增速(%)", "6.5", "县经信局、县发改局");
    add_indicator(p, 2, "牵引性指标", "新增“小升规”企业(家)", "62以上", NULL);
    add_indicator(p, 3, NULL, "单位工业增加值能耗", "3", NULL);
    zb_indicator_def def = {.seq = 4, .name = "亩均税收(万元)", .unit = "万元/亩", .target = "1,200",
                            .kind = ZB_KIND_LEVEL};
    assert_int_equal(zb_plan_add_indicator(p, &def, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_block(p, 1, "一、主要目标"), ZB_OK);
    assert_int_equal(zb_plan_add_attachment(p, 1, ZB_ATTACH_TARGETS, "目标体系表", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(p, 1, "2022-03", 5.5, NULL), ZB_OK);
    char *text = dump(p);
    assert_str(text,
               "{\n"
               "  \"format\": \"zhibiao/1\",\n"
               "  \"title\": \"2024年工作要点\",\n"
               "  \"years\": [2021, 2023],\n"
               "  \"units\": [\n"
               "    {\"name\": \"县经信局\", \"full_name\": \"桐庐县经济和信息化局\"},\n"
               "    \"县发改局\"\n"
               "  ],\n"
               "  \"categories\": [\n"
               "    {\n"
               "      \"name\": \"牵引性指标\",\n"
               "      \"indicators\": [\n"
               "        {\n"
               "          \"seq\": 1,\n"
               "          \"name\": \"规上工业增加值增速(%)\",\n"
               "          \"target\": 6.5,\n"
               "          \"responsible\": [\"县经信局\", \"县发改局\"]\n"
               "        },\n"
               "        {\n"
               "          \"seq\": 2,\n"
               "          \"name\": \"新增“小升规”企业(家)\",\n"
               "          \"target\": \"62以上\"\n"
               "        }\n"
               "      ]\n"
               "    }\n"
               "  ],\n"
               "  \"indicators\": [\n"
               "    {\n"
               "      \"seq\": 3,\n"
               "      \"name\": \"单位工业增加值能耗\",\n"
               "      \"target\": 3\n"
               "    },\n"
               "    {\n"
               "      \"seq\": 4,\n"
               "      \"name\": \"亩均税收(万元)\",\n"
               "      \"unit\": \"万元/亩\",\n"
               "      \"target\": \"1,200\",\n"
               "      \"kind\": \"level\"\n"
               "    }\n"
               "  ],\n"
               "  \"body\": [\n"
               "    {\"level\": 1, \"text\": \"一、主要目标\"}\n"
               "  ],\n"
               "  \"attachments\": [\n"
               "    {\n"
               "      \"number\": 1,\n"
               "      \"kind\": \"targets\",\n"
               "      \"title\": \"目标体系表\"\n"
               "    }\n"
               "  ],\n"
               "  \"actuals\": [\n"
               "    {\"seq\": 1, \"period\": \"2022-03\", \"value\": 5.5}\n"
               "  ]\n"
               "}\n");
    free(text);
    zb_plan_free(p);
}

static void test_round_trip_rich(void **state)
{
    (void)state;
    zb_plan *p = rich_plan();
    assert_round_trip(p);
    char *text = dump(p);
    /* Nested: the categories hold their indicators; no "category" keys. */
    assert_null(strstr(text, "\"category\""));
    /* Escapes of what JSON must escape, UTF-8 for the rest. */
    assert_non_null(strstr(text, "名字里有\\\"引号\\\"和\\\\反斜杠与制表符"));
    assert_non_null(strstr(text, "高效协同机制。\\n第二行。"));
    assert_non_null(strstr(text, "\"target\": \"1e+20\"")); /* the model reads no exponents */
    assert_non_null(strstr(text, "\"target\": -0.5"));
    assert_non_null(strstr(text, "\"target\": \"≥20\""));
    assert_non_null(strstr(text, "\"target\": \"1,200\""));
    /* The parts of the text, and prose targets with numbers as numbers when they read back. */
    assert_non_null(strstr(text, "\"plan_body\": [\n    {\"level\": 1, \"text\": \"一、总体要求\"}"));
    assert_non_null(strstr(text, "\"value\": 62,"));
    assert_non_null(strstr(text, "\"value\": \"6.50\","));
    assert_non_null(strstr(text, "\"years\": [2022, 2023]"));
    assert_non_null(strstr(text, "\"task\": 0"));
    assert_non_null(strstr(text, "\"published\": \"2024-05-31\""));
    free(text);
    zb_plan_free(p);
}

/* The fields real tables hold, written as docs/format.md shows them and read back the same. */
static void test_dump_table_fields(void **state)
{
    (void)state;
    zb_plan *p = zb_plan_new();
    assert_int_equal(zb_plan_set_years(p, 2021, 2025), ZB_OK);
    zb_indicator_def def = {.seq = 1, .name = "单位工业增加值能耗", .unit = "吨标煤/万元", .attribute = ZB_ATTR_BINDING,
                            .base = "0.52", .base_year = 2020, .target = "下降15%", .target_year = 2025,
                            .note = "较2020年"};
    size_t i;
    assert_int_equal(zb_plan_add_indicator(p, &def, &i), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_target(p, i, 2023, "完成市下达任务", ZB_QUAL_AUTO), ZB_OK);
    zb_indicator_def def2 = {.seq = 2, .name = "新增企业(家)", .unit = "家", .base = "1,200", .target = "—",
                             .kind = ZB_KIND_LEVEL, .direction = ZB_DIR_HIGHER};
    assert_int_equal(zb_plan_add_indicator(p, &def2, &i), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_target(p, i, 2025, "10", ZB_QUAL_AT_MOST), ZB_OK);
    char *text = dump(p);
    assert_str(text,
               "{\n"
               "  \"format\": \"zhibiao/1\",\n"
               "  \"years\": [2021, 2025],\n"
               "  \"indicators\": [\n"
               "    {\n"
               "      \"seq\": 1,\n"
               "      \"name\": \"单位工业增加值能耗\",\n"
               "      \"unit\": \"吨标煤/万元\",\n"
               "      \"attribute\": \"binding\",\n"
               "      \"base_year\": 2020,\n"
               "      \"base\": 0.52,\n"
               "      \"targets\": [\n"
               "        {\"year\": 2023, \"target\": \"完成市下达任务\"},\n"
               "        {\"year\": 2025, \"target\": \"下降15%\"}\n"
               "      ],\n"
               "      \"note\": \"较2020年\"\n"
               "    },\n"
               "    {\n"
               "      \"seq\": 2,\n"
               "      \"name\": \"新增企业(家)\",\n"
               "      \"unit\": \"家\",\n"
               "      \"base\": \"1,200\",\n"
               "      \"target\": \"—\",\n"
               "      \"targets\": [\n"
               "        {\"year\": 2025, \"target\": 10, \"qualifier\": \"<=\"}\n"
               "      ],\n"
               "      \"kind\": \"level\",\n"
               "      \"direction\": \"higher\"\n"
               "    }\n"
               "  ]\n"
               "}\n");
    free(text);
    assert_round_trip(p);
    zb_plan_free(p);

    /* The aliases and the Chinese attribute words load too. */
    const char *json = "{\"format\": \"zhibiao/1\", \"indicators\": [{\"name\": \"x\", \"attribute\": \"预期性\", "
                       "\"base\": \"—\", \"target\": 5, \"qualifier\": \"≤\"}]}";
    zb_plan *q = zb_plan_new();
    assert_int_equal(zb_json_load_string(q, json, strlen(json), NULL), ZB_OK);
    assert_int_equal(zb_plan_indicator_attribute(q, 0), ZB_ATTR_ANTICIPATORY);
    assert_string_equal(zb_plan_indicator_base_text(q, 0), "—");
    assert_int_equal(zb_plan_indicator_qualifier(q, 0), ZB_QUAL_AT_MOST);
    zb_plan_free(q);
}

/* 考核权重: optional, 1 when absent, written only when it is not 1. */
static void test_weight(void **state)
{
    (void)state;
    zb_plan *p = zb_plan_new();
    const char *text = "{\"format\": \"zhibiao/1\", \"categories\": [{\"name\": \"A\", \"indicators\": [\n"
                       "  {\"seq\": 1, \"name\": \"a(家)\", \"target\": 10, \"weight\": 2.5},\n"
                       "  {\"seq\": 2, \"name\": \"b(家)\", \"target\": 10},\n"
                       "  {\"seq\": 3, \"name\": \"c(家)\", \"target\": 10, \"weight\": 1}]}],\n"
                       " \"indicators\": [{\"seq\": 4, \"name\": \"d\", \"weight\": 0.25}]}";
    if (load(p, text))
        fail_msg("%s", zb_errmsg(p));
    assert_true(zb_plan_indicator_weight(p, 0) == 2.5);
    assert_true(zb_plan_indicator_weight(p, 1) == 1);
    assert_true(zb_plan_indicator_weight(p, 2) == 1);
    assert_true(zb_plan_indicator_weight(p, 3) == 0.25);
    char *out = dump(p);
    assert_non_null(strstr(out, "\"target\": 10,\n          \"weight\": 2.5\n"));
    assert_non_null(strstr(out, "\"weight\": 0.25"));
    size_t weights = 0;
    for (const char *w = strstr(out, "\"weight\""); w; w = strstr(w + 1, "\"weight\""))
        weights++;
    assert_int_equal(weights, 2); /* not for the weights of 1 */
    free(out);
    assert_round_trip(p);
    zb_plan_free(p);
}

static void test_round_trip_interleaved(void **state)
{
    (void)state;
    zb_plan *p = zb_plan_new();
    size_t empty;
    assert_int_equal(zb_plan_add_category(p, "A", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_category(p, "B", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_category(p, "空类别", &empty), ZB_OK);
    add_indicator(p, 1, "A", "甲(个)", "1", NULL);
    add_indicator(p, 2, "B", "乙(个)", "2", NULL);
    add_indicator(p, 3, "A", "丙(个)", "3", NULL);
    add_indicator(p, 10, NULL, "丁(个)", "4", NULL);
    assert_round_trip(p);
    char *text = dump(p);
    assert_non_null(strstr(text, "\"categories\": [\n    {\"name\": \"A\"},\n    {\"name\": \"B\"},\n    {\"name\": \"空类别\"}\n  ]"));
    assert_non_null(strstr(text, "\"seq\": 3,\n      \"category\": \"A\","));
    free(text);
    zb_plan_free(p);

    /* An uncategorised indicator before a categorised one also needs the flat form. */
    p = zb_plan_new();
    add_indicator(p, 1, NULL, "甲(个)", "1", NULL);
    add_indicator(p, 2, "A", "乙(个)", "2", NULL);
    assert_round_trip(p);
    text = dump(p);
    assert_non_null(strstr(text, "\"category\": \"A\""));
    free(text);
    zb_plan_free(p);

    /* Categories in a different order from their indicators. */
    p = zb_plan_new();
    assert_int_equal(zb_plan_add_category(p, "A", NULL), ZB_OK);
    add_indicator(p, 1, "B", "甲(个)", "1", NULL);
    add_indicator(p, 2, "A", "乙(个)", "2", NULL);
    assert_round_trip(p);
    zb_plan_free(p);
}

/* Every combination of given and inferred unit, kind, direction and qualifier survives. */
static void test_round_trip_inference(void **state)
{
    (void)state;
    static const char *const names[] = {
        "规上工业增加值增速(%)", "新增“小升规”企业(家)", "高新技术产业增加值占比(%)", "单位工业增加值能耗(吨标煤)",
        "单位工业增加值能耗下降率(%)", "工业用地容积率", "新增市级以上首台(套)项目", "培育智能工厂(数字化车间)(家)",
        "安全生产事故起数(起)", "专利快速预审提速率(%)", "动态保有上市培育企业(家)", ""};
    static const char *const units[] = {NULL, "", "%", "家", "亿元"};
    static const char *const targets[] = {NULL, "450", "6.5以上", "≥20", "5左右", "3以内", "持续提升", "20%", "1,200", "0"};
    zb_plan *p = zb_plan_new();
    int seq = 1;
    for (size_t a = 0; a < sizeof names / sizeof *names; a++) {
        for (size_t b = 0; b < sizeof units / sizeof *units; b++) {
            for (size_t c = 0; c < sizeof targets / sizeof *targets; c++) {
                zb_indicator_def def = {.seq = seq, .name = names[a], .unit = units[b], .target = targets[c],
                                        .qualifier = (zb_qualifier)(seq % 5), .kind = (zb_kind)(seq % 4),
                                        .direction = (zb_direction)(seq % 3)};
                assert_int_equal(zb_plan_add_indicator(p, &def, NULL), ZB_OK);
                seq++;
            }
        }
    }
    assert_round_trip(p);
    zb_plan_free(p);
}

static void test_save_and_load_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/zb_test_json_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/plan.json", dir);
    zb_plan *p = rich_plan();
    zb_error err = {ZB_ERR_IO, "stale"};
    assert_int_equal(zb_json_save(p, path, &err), ZB_OK);
    assert_int_equal(err.code, ZB_OK);
    assert_str(err.message, "");
    zb_plan *q = zb_plan_new();
    zb_status st = zb_json_load(q, path);
    if (st)
        fail_msg("%s", zb_errmsg(q));
    assert_plans_equal(p, q);
    /* Sources name the file as given and the line and column of each indicator's "{". */
    char *text = NULL;
    size_t len;
    assert_int_equal(zb_read_file(path, &text, &len, NULL), ZB_OK);
    for (size_t i = 0; i < zb_plan_indicator_count(q); i++) {
        const char *src = zb_plan_indicator_source(q, i);
        assert_true(strncmp(src, path, strlen(path)) == 0);
        int line, col;
        assert_int_equal(sscanf(src + strlen(path), ":%d:%d", &line, &col), 2);
        const char *s = text;
        for (int l = 1; l < line; l++)
            s = strchr(s, '\n') + 1;
        assert_int_equal(s[col - 1], '{'); /* indentation is ASCII: column = byte */
    }
    free(text);
    /* Save over an existing file; a save to a folder that does not exist fails cleanly. */
    assert_int_equal(zb_json_save(q, path, NULL), ZB_OK);
    char bad[300];
    snprintf(bad, sizeof bad, "%s/missing/plan.json", dir);
    assert_int_equal(zb_json_save(q, bad, &err), ZB_ERR_WRITE);
    assert_non_null(strstr(err.message, "missing/plan.json"));
    unlink(path);
    rmdir(dir);
    zb_plan_free(p);
    zb_plan_free(q);
}

/* ---- data files ------------------------------------------------------------------- */

static void test_bad_corpus(void **state)
{
    (void)state;
    char *dirpath = data_path("bad");
    if (!dirpath) {
        fprintf(stderr, "ZB_TEST_DATA is not set: skipping the files in tests/data/bad\n");
        skip();
    }
    DIR *dir = opendir(dirpath);
    assert_non_null(dir);
    struct dirent *e;
    int count = 0;
    while ((e = readdir(dir)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        char file[1024], expect_path[1024];
        snprintf(file, sizeof file, "%s/%s", dirpath, e->d_name);
        snprintf(expect_path, sizeof expect_path, "%s/%.*s.expect", dirpath, (int)(n - 5), e->d_name);
        char *want = NULL;
        size_t wlen;
        if (zb_read_file(expect_path, &want, &wlen, NULL) != ZB_OK)
            fail_msg("%s has no .expect file", file);
        char *nl = strchr(want, '\n');
        if (nl)
            *nl = '\0';
        zb_plan *p = zb_plan_new();
        zb_status st = zb_json_load(p, file);
        if (st == ZB_OK || !strstr(zb_errmsg(p), want))
            fail_msg("%s: status %d, message\n  %s\nlacks\n  %s", e->d_name, st, zb_errmsg(p), want);
        /* Every message starts with the file name as given and a line and column. */
        int line, col;
        assert_true(strncmp(zb_errmsg(p), file, strlen(file)) == 0);
        assert_int_equal(sscanf(zb_errmsg(p) + strlen(file), ":%d:%d: ", &line, &col), 2);
        free(want);
        zb_plan_free(p);
        count++;
    }
    closedir(dir);
    free(dirpath);
    assert_true(count >= 17);
}

static void test_examples_round_trip(void **state)
{
    (void)state;
    char *dirpath = data_path("../../examples/data");
    if (!dirpath) {
        fprintf(stderr, "ZB_TEST_DATA is not set: skipping examples/data\n");
        skip();
    }
    DIR *dir = opendir(dirpath);
    if (!dir) {
        free(dirpath);
        skip();
    }
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        char file[1024];
        snprintf(file, sizeof file, "%s/%s", dirpath, e->d_name);
        zb_plan *p = zb_plan_new();
        zb_status st = zb_json_load(p, file);
        if (st)
            fail_msg("%s", zb_errmsg(p));
        assert_true(zb_plan_indicator_count(p) > 0);
        assert_round_trip(p);
        zb_plan_free(p);
    }
    closedir(dir);
    free(dirpath);
}

/* ---- size and positions ----------------------------------------------------------- */

/* 10,000 indicators: loads (the position pass is linear), every source is right. */
static void test_large_plan(void **state)
{
    (void)state;
    zb_buf b = {0};
    zb_buf_adds(&b, "{\"format\": \"zhibiao/1\", \"year\": 2024, \"categories\": [\n");
    for (int c = 0; c < 10; c++) {
        zb_buf_addf(&b, "%s{\"name\": \"类别%d\", \"indicators\": [\n", c ? ",\n" : "", c);
        for (int i = 0; i < 1000; i++)
            zb_buf_addf(&b, "%s  {\"seq\": %d, \"name\": \"指标%d(家)\", \"target\": %d, \"responsible\": \"县经信局、县发改局\"}",
                        i ? ",\n" : "", c * 1000 + i + 1, c * 1000 + i, i);
        zb_buf_adds(&b, "]}");
    }
    zb_buf_adds(&b, "],\n\"actuals\": [");
    for (int i = 0; i < 10000; i++)
        zb_buf_addf(&b, "%s{\"seq\": %d, \"period\": \"2024-06\", \"value\": %d.5}", i ? ",\n" : "", i + 1, i);
    zb_buf_adds(&b, "]}\n");
    assert_false(b.failed);
    zb_plan *p = zb_plan_new();
    zb_status st = zb_json_load_string(p, b.data, b.len, "big.json");
    if (st)
        fail_msg("%s", zb_errmsg(p));
    assert_int_equal(zb_plan_indicator_count(p), 10000);
    assert_int_equal(zb_plan_actual_count(p), 10000);
    /* Line 2 holds category 0's header; indicator k of category c is on line 3 + c * 1001 + k. */
    assert_str(zb_plan_indicator_source(p, 0), "big.json:3:3");
    assert_str(zb_plan_indicator_source(p, 1000), "big.json:1004:3");
    assert_str(zb_plan_indicator_source(p, 9999), "big.json:10011:3");
    assert_round_trip(p);
    zb_plan_free(p);
    zb_buf_free(&b);
}

static void test_locate(void **state)
{
    (void)state;
    const char *t = "{\"a\": [1, {\"b\\u0063\": [true, \"x\"]}],\n \"d\": {\"e\": null}, \"f\\\"\": 2}";
    size_t len = strlen(t);
    zb_jstep p1[] = {{"a", 0}, {NULL, 1}, {"bc", 0}, {NULL, 1}};
    assert_int_equal(zb_json_locate(t, len, p1, 4, 0), strstr(t, "\"x\"") - t);
    assert_int_equal(zb_json_locate(t, len, p1, 3, 1), strstr(t, "\"b\\u") - t);
    zb_jstep p2[] = {{"d", 0}, {"e", 0}};
    assert_int_equal(zb_json_locate(t, len, p2, 2, 0), strstr(t, "null") - t);
    zb_jstep p3[] = {{"f\"", 0}};
    assert_int_equal(zb_json_locate(t, len, p3, 1, 0), strstr(t, "2}") - t);
    /* A path that does not match stops at the deepest value that does. */
    zb_jstep p4[] = {{"a", 0}, {NULL, 7}};
    assert_int_equal(zb_json_locate(t, len, p4, 2, 0), strchr(t, '[') - t);
    zb_jstep p5[] = {{"zz", 0}};
    assert_int_equal(zb_json_locate(t, len, p5, 1, 0), 0);
    zb_buf out = {0};
    size_t key_at;
    zb_json_path_at(t, len, (size_t)(strstr(t, "true") - t), &out, &key_at);
    assert_str(out.data, "a[1].bc");
    assert_int_equal(key_at, ZB_NONE);
    zb_buf_free(&out);
    zb_json_path_at(t, len, (size_t)(strstr(t, "null") - t), &out, &key_at);
    assert_str(out.data, "d");
    assert_int_equal(key_at, strstr(t, "\"e\"") - t);
    zb_buf_free(&out);
}

/* jansson checks the text; the plan handed over checks every text again, as any plan does. */
static void test_text_checked_once(void **state)
{
    (void)state;
    const char *text = "{\"format\": \"zhibiao/1\", \"year\": 2024, \"indicators\": "
                       "[{\"seq\": 1, \"name\": \"新增企业(家)\", \"target\": 5}]}";
    zb_plan *plan = zb_plan_new();
    assert_non_null(plan);
    assert_int_equal(zb_json_load_string(plan, text, strlen(text), "t.json"), ZB_OK);
    zb_indicator_def d = {0};
    d.name = "bad \xff name";
    assert_int_equal(zb_plan_add_indicator(plan, &d, NULL), ZB_ERR_ENCODING);
    /* Invalid UTF-8 in the text is still reported as such, with its place. */
    const char *bad = "{\"format\": \"zhibiao/1\", \"title\": \"\xc4\xe3\xba\xc3\"}";
    assert_int_equal(zb_json_load_string(plan, bad, strlen(bad), "t.json"), ZB_ERR_ENCODING);
    if (!strstr(zb_errmsg(plan), "t.json:1:35: invalid UTF-8 at byte offset 34"))
        fail_msg("%s", zb_errmsg(plan));
    zb_plan_free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_minimal),
        cmocka_unit_test(test_load_every_key),
        cmocka_unit_test(test_load_replaces_contents),
        cmocka_unit_test(test_failed_load_changes_nothing),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_dump_layout),
        cmocka_unit_test(test_round_trip_rich),
        cmocka_unit_test(test_weight),
        cmocka_unit_test(test_round_trip_interleaved),
        cmocka_unit_test(test_round_trip_inference),
        cmocka_unit_test(test_dump_table_fields),
        cmocka_unit_test(test_save_and_load_file),
        cmocka_unit_test(test_bad_corpus),
        cmocka_unit_test(test_examples_round_trip),
        cmocka_unit_test(test_large_plan),
        cmocka_unit_test(test_locate),
        cmocka_unit_test(test_text_checked_once),
    };
    return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
