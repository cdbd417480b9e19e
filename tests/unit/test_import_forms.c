/* The text importer on the forms published documents really take, one test per kind of
 * misread: the header block (labels spaced or in | tables, • lists and [ ], unknown labels,
 * values glued together), the title (banners, breadcrumbs, mastheads, running headers, a title
 * over two lines, an unlabelled 文号), responsibility notes (【】, (A牵头，B配合), labels on
 * lines of their own, a note after ①②③, two leads, 、 inside brackets), tables (tabs, years
 * and 属性, names over two lines, a task breakdown, furniture after a unit list), PDF text
 * (broken lines, page numbers, running headers, spaces beside numbers), punctuation, and
 * the parts of a notice (附件说明 over two lines, recipients of a notice that issues nothing).
 * Only the public API is used. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zhibiao.h"

/* Imports text, asserting success and the number of unplaced lines. */
static zb_plan *imp(const char *text, size_t unplaced, zb_findings **report)
{
    zb_plan *plan = zb_plan_new();
    assert_non_null(plan);
    zb_findings *r = NULL;
    zb_status st = zb_import_text_string(plan, text, strlen(text), "t.txt", NULL, &r);
    if (st != ZB_OK)
        fail_msg("import: %s", zb_errmsg(plan));
    size_t n = 0;
    for (size_t i = 0; i < zb_findings_count(r); i++)
        if (strcmp(zb_findings_code(r, i), "unplaced") == 0) {
            n++;
            if (n > unplaced)
                fprintf(stderr, "unplaced: %s: %s\n", zb_findings_location(r, i), zb_findings_message(r, i));
        }
    if (n != unplaced)
        fail_msg("%zu lines unplaced, expected %zu", n, unplaced);
    if (report)
        *report = r;
    else
        zb_findings_free(r);
    return plan;
}

static int has(const zb_findings *f, const char *code, const char *part)
{
    for (size_t i = 0; i < zb_findings_count(f); i++)
        if (strcmp(zb_findings_code(f, i), code) == 0 && (!part || strstr(zb_findings_message(f, i), part)))
            return 1;
    return 0;
}

/* The codes zb_plan_validate() finds. */
static int check_has(const zb_plan *plan, const char *code)
{
    zb_findings *v;
    assert_int_equal(zb_plan_validate(plan, &v), ZB_OK);
    int r = has(v, code, NULL);
    zb_findings_free(v);
    return r;
}

static void assert_units(const zb_plan *plan, size_t t, size_t d, const char *const *units, size_t n)
{
    if (zb_plan_task_duty_responsible_count(plan, t, d) != n) {
        for (size_t k = 0; k < zb_plan_task_duty_responsible_count(plan, t, d); k++)
            fprintf(stderr, "  unit %zu: %s\n", k, zb_plan_task_duty_responsible(plan, t, d, k));
        fail_msg("task %zu item %zu: %zu units, expected %zu (note “%s”)", t, d,
                 zb_plan_task_duty_responsible_count(plan, t, d), n, zb_plan_task_duty_note(plan, t, d));
    }
    for (size_t k = 0; k < n; k++)
        assert_string_equal(zb_plan_task_duty_responsible(plan, t, d, k), units[k]);
}

static int ymd(zb_date d) { return d.year * 10000 + d.month * 100 + d.day; }

/* ---- the header block ------------------------------------------------------------------ */

/* Labels set with spaces, tabs or U+3000 inside them. */
static void test_header_spaced_labels(void **state)
{
    (void)state;
    zb_plan *plan = imp("索 引 号：001234/2025-00012\t发布机构：县经信局\n"
                        "文\u3000\u3000号：青经信〔2025〕7号\t发布日期：2025-03-01\n"
                        "成 文 日 期：2025-02-27\n"
                        "青山县2025年工业工作要点\n"
                        "一、重点任务\n"
                        "1.推进技术改造。（责任单位：县经信局）\n",
                        0, NULL);
    assert_string_equal(zb_plan_meta(plan, ZB_META_INDEX_NO), "001234/2025-00012");
    assert_string_equal(zb_plan_meta(plan, ZB_META_PUBLISHER), "县经信局");
    assert_string_equal(zb_plan_meta(plan, ZB_META_DOC_NUMBER), "青经信〔2025〕7号");
    assert_int_equal(ymd(zb_plan_date(plan, ZB_DATE_PUBLISHED)), 20250301);
    assert_int_equal(ymd(zb_plan_date(plan, ZB_DATE_ISSUED)), 20250227);
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "青山县2025年工业工作要点");
    zb_plan_free(plan);
}

/* A header laid out as a | table, a • list or with [labels]. */
static void test_header_layouts(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "| 索引号 | 001234/2025-00012 | 主题分类 | 工业 |\n"
        "| 发布机构 | 县经信局 | 成文日期 | 2025-02-27 |\n"
        "| 文号 | 青经信〔2025〕7号 | 有效性 | 有效 |\n"
        "青山县2025年工业工作要点\n一、重点任务\n1.推进技术改造。（责任单位：县经信局）\n",
        "• 索引号：001234/2025-00012\n• 发布机构：县经信局\n• 成文日期：2025-02-27\n"
        "• 文号：青经信〔2025〕7号\n• 有效性：有效\n"
        "青山县2025年工业工作要点\n一、重点任务\n1.推进技术改造。（责任单位：县经信局）\n",
        "[索引号] 001234/2025-00012  [发布机构] 县经信局  [成文日期] 2025-02-27\n"
        "【文号】青经信〔2025〕7号 【有效性】有效\n"
        "青山县2025年工业工作要点\n一、重点任务\n1.推进技术改造。（责任单位：县经信局）\n",
    };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        zb_plan *plan = imp(texts[k], 0, NULL);
        assert_string_equal(zb_plan_meta(plan, ZB_META_INDEX_NO), "001234/2025-00012");
        assert_string_equal(zb_plan_meta(plan, ZB_META_PUBLISHER), "县经信局");
        assert_string_equal(zb_plan_meta(plan, ZB_META_DOC_NUMBER), "青经信〔2025〕7号");
        assert_string_equal(zb_plan_meta(plan, ZB_META_VALIDITY), "有效");
        assert_int_equal(ymd(zb_plan_date(plan, ZB_DATE_ISSUED)), 20250227);
        assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "青山县2025年工业工作要点");
        zb_plan_free(plan);
    }
}

/* Labels the first importer did not know, values glued to the next field, a date that lost
 * its label, fields after the title; an unknown label is reported as such. */
static void test_header_labels_and_glued_values(void **state)
{
    (void)state;
    zb_findings *r;
    zb_plan *plan = imp("发布机构：县政府办公室   2025-03-14 09:20\n"
                        "文\u3000\u3000号：枫政办函〔2025〕7号 时效：有效\n"
                        "发文日期：2025-03-12 是否有效：是\n"
                        "信息分类：规划计划\u3000\u3000公开方式：主动公开\n"
                        "联系电话：0571-12345678\n"
                        "枫林县工业设备更新行动计划\n"
                        "发布时间：2025-03-15 10:00\u3000\u3000来源：县经信局\u3000\u3000浏览次数：88\n"
                        "一、重点任务\n"
                        "1.推进设备更新。（责任单位：县经信局）\n",
                        0, &r);
    assert_string_equal(zb_plan_meta(plan, ZB_META_PUBLISHER), "县政府办公室");
    assert_string_equal(zb_plan_meta(plan, ZB_META_DOC_NUMBER), "枫政办函〔2025〕7号");
    assert_string_equal(zb_plan_meta(plan, ZB_META_VALIDITY), "有效");
    assert_string_equal(zb_plan_meta(plan, ZB_META_DISCLOSURE), "主动公开");
    assert_int_equal(ymd(zb_plan_date(plan, ZB_DATE_ISSUED)), 20250312);
    assert_int_equal(ymd(zb_plan_date(plan, ZB_DATE_PUBLISHED)), 20250314); /* the date without a label */
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "枫林县工业设备更新行动计划");
    assert_true(has(r, "unknown-label", "联系电话"));
    assert_true(has(r, "recognised", "信息分类 规划计划 (no field for it"));
    assert_true(has(r, "recognised", "site furniture: 浏览次数"));
    zb_findings_free(r);
    zb_plan_free(plan);
}

/* ---- the title -------------------------------------------------------------------------- */

/* Banners, breadcrumbs, accessibility links and a red-head masthead are not the title; an
 * unlabelled 文号 under the masthead is read. */
static void test_title_not_banner(void **state)
{
    (void)state;
    zb_findings *r;
    zb_plan *plan = imp("• 无障碍\n"
                        "无障碍浏览 | 长者模式 | 简体 | 繁體\n"
                        "青山县人民政府门户网站\n"
                        "首页 > 政务公开 > 政策文件\n"
                        "青山县人民政府办公室文件\n"
                        "青政办发[2025]12号\n"
                        "青山县人民政府办公室关于推进工业稳增长的通知\n"
                        "各乡镇人民政府，县政府各部门：\n"
                        "一、加快项目建设。（责任单位：县发改局）\n"
                        "二、强化要素保障。（责任单位：县财政局）\n"
                        "青山县人民政府办公室\n"
                        "2025年3月2日\n"
                        "打印本页 关闭窗口\n",
                        0, &r);
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "青山县人民政府办公室关于推进工业稳增长的通知");
    assert_string_equal(zb_plan_meta(plan, ZB_META_ORGAN_MARK), "青山县人民政府办公室文件");
    assert_string_equal(zb_plan_meta(plan, ZB_META_DOC_NUMBER), "青政办发〔2025〕12号");
    assert_string_equal(zb_plan_meta(plan, ZB_META_ORGAN), "青山县人民政府办公室");
    assert_int_equal(zb_plan_recipient_count(plan), 2);
    assert_int_equal(zb_plan_task_count(plan), 2);
    assert_false(check_has(plan, "title-banner"));
    zb_findings_free(r);
    zb_plan_free(plan);
}

/* A title over two lines is one title; the plan a notice issues is found under it. */
static void test_title_over_two_lines(void **state)
{
    (void)state;
    zb_plan *plan = imp("青山县人民政府关于印发\n"
                        "青山县工业稳增长若干措施的通知\n"
                        "青政发〔2025〕3号\n"
                        "各乡镇人民政府，县政府各部门：\n"
                        "现将《青山县工业稳增长若干措施》印发给你们，请认真贯彻执行。\n"
                        "青山县人民政府\n"
                        "2025年2月10日\n"
                        "青山县工业稳增长若干措施\n"
                        "一、加快项目建设。（责任单位：县发改局）\n",
                        0, NULL);
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "青山县人民政府关于印发青山县工业稳增长若干措施的通知");
    assert_string_equal(zb_plan_meta(plan, ZB_META_PLAN_TITLE), "青山县工业稳增长若干措施");
    assert_string_equal(zb_plan_meta(plan, ZB_META_DOC_NUMBER), "青政发〔2025〕3号");
    assert_int_equal(zb_plan_task_count(plan), 1);
    zb_plan_free(plan);
}

/* ---- responsibility notes -------------------------------------------------------------- */

static void test_note_in_square_brackets(void **state)
{
    (void)state;
    zb_plan *plan = imp("青山县工作要点\n一、重点任务\n"
                        "1.推进集群培育。完善培育体系。【牵头单位：县经信局；责任单位：县发改局、县科技局】\n"
                        "2.强化要素保障。[牵头单位:县财政局;配合单位:县经信局]\n",
                        0, NULL);
    const char *a[] = {"县经信局", "县发改局", "县科技局"};
    assert_units(plan, 0, 0, a, 3);
    assert_int_equal(zb_plan_task_duty_lead_count(plan, 0, 0), 1);
    assert_null(strstr(zb_plan_task_text(plan, 0), "牵头"));
    const char *b[] = {"县财政局", "县经信局"};
    assert_units(plan, 1, 0, b, 2);
    assert_false(check_has(plan, "unit-name"));
    zb_plan_free(plan);
}

static void test_note_of_role_clauses(void **state)
{
    (void)state;
    zb_plan *plan = imp("临川市工作要点\n一、重点工作\n"
                        "1.建立项目储备库。（市发改委牵头，各县（市、区）人民政府、市级有关部门配合）\n"
                        "2.完善低空基础设施。（省发展改革委牵头，省交通运输厅、民航监管局按职责分工负责）\n"
                        "3.拓展应用场景。（省交通运输厅、省应急管理厅牵头，各设区市人民政府配合）\n"
                        "4.统筹资金。（含技改资金）\n",
                        0, NULL);
    assert_int_equal(zb_plan_task_count(plan), 4);
    const char *a[] = {"市发改委", "各县（市、区）人民政府", "市级有关部门"};
    assert_units(plan, 0, 0, a, 3);
    assert_string_equal(zb_plan_task_duty_note(plan, 0, 0), "");
    const char *b[] = {"省发展改革委", "省交通运输厅", "民航监管局"};
    assert_units(plan, 1, 0, b, 3);
    assert_int_equal(zb_plan_task_duty_lead_count(plan, 2, 0), 2);
    assert_int_equal(zb_plan_task_duty_count(plan, 3), 0); /* (含技改资金) is no note */
    zb_plan_free(plan);
}

/* 牵头单位：A and 责任单位：B on lines of their own; a note after ①②③; 责任领导 kept as a note. */
static void test_note_on_its_own_line(void **state)
{
    (void)state;
    zb_plan *plan = imp("临江开发区行动计划\n一、重点行动\n"
                        "1.壮大主导产业。引进亿元以上项目15个。\n"
                        "牵头单位：经济发展局、投资促进局\n"
                        "责任单位：科技创新局\n"
                        "2.推进企业培育。\n"
                        "①实施“小升规”培育计划；\n"
                        "②支持企业股改上市。\n"
                        "（牵头单位：企业服务中心；配合单位：财政金融局）\n"
                        "3.服务企业发展。每月走访规上企业。\n"
                        "责任领导：李建华\u3000责任科室：经济发展办\u3000协办单位：招商服务中心\n",
                        0, NULL);
    assert_int_equal(zb_plan_task_count(plan), 3);
    const char *a[] = {"经济发展局", "投资促进局", "科技创新局"};
    assert_units(plan, 0, 0, a, 3);
    assert_int_equal(zb_plan_task_duty_lead_count(plan, 0, 0), 2);
    assert_int_equal(zb_plan_task_duty_count(plan, 0), 1);
    const char *b[] = {"企业服务中心", "财政金融局"};
    assert_units(plan, 1, 0, b, 2);
    assert_string_equal(zb_plan_task_duty_text(plan, 1, 0), ""); /* it covers the whole task */
    assert_non_null(strstr(zb_plan_task_text(plan, 1), "②支持企业股改上市"));
    const char *c[] = {"经济发展办", "招商服务中心"};
    assert_units(plan, 2, 0, c, 2);
    assert_string_equal(zb_plan_task_duty_note(plan, 2, 0), "责任领导：李建华");
    /* The notes stay paragraphs of the text as published; the tasks' texts leave them out. */
    int note_blocks = 0;
    for (size_t b2 = 0; b2 < zb_plan_block_count(plan); b2++)
        note_blocks += strstr(zb_plan_block_text(plan, b2), "牵头单位") && zb_plan_block_level(plan, b2) == 0;
    assert_int_equal(note_blocks, 2);
    for (size_t t = 0; t < zb_plan_task_count(plan); t++)
        assert_null(strstr(zb_plan_task_text(plan, t), "单位："));
    zb_plan_free(plan);
}

/* 、 inside brackets is part of a unit's name; two lead units. */
static void test_note_units_in_brackets_and_two_leads(void **state)
{
    (void)state;
    zb_plan *plan = imp("临川市工作要点\n一、重点工作\n"
                        "1.抓好项目。（牵头单位：市发改委、市经信局；配合单位：各县（市、区）人民政府）\n",
                        0, NULL);
    const char *a[] = {"市发改委", "市经信局", "各县（市、区）人民政府"};
    assert_units(plan, 0, 0, a, 3);
    assert_int_equal(zb_plan_task_duty_lead_count(plan, 0, 0), 2);
    assert_false(check_has(plan, "unit-name"));
    zb_plan_free(plan);
}

/* ---- tables ------------------------------------------------------------------------------ */

/* A table pasted from a browser: tab-separated rows, the 类别 merged (empty below its first
 * row), two target years under 目标值, 属性 and a base year. */
static void test_table_tab_separated(void **state)
{
    (void)state;
    zb_findings *r;
    zb_plan *plan = imp("临江开发区行动计划（2025—2026年）\n一、重点行动\n1.做事。（责任单位：经济发展局）\n"
                        "附件\n主要指标\n"
                        "序号\t类别\t指标名称\t单位\t属性\t2024年基数\t目标值\t\t责任部门\n"
                        "\t\t\t\t\t\t2025年\t2026年\t\n"
                        "1\t规模效益\t规上工业总产值\t亿元\t预期性\t980\t1080\t1200\t经济发展局\n"
                        "2\t\t新增规上工业企业\t家\t预期性\t21\t25\t25\t企业服务中心\n"
                        "3\t绿色低碳\t单位工业增加值能耗下降\t%\t约束性\t3.1\t完成市下达任务\t完成市下达任务\t生态环境分局\n",
                        0, &r);
    assert_int_equal(zb_plan_indicator_count(plan), 3);
    assert_int_equal(zb_plan_category_count(plan), 2);
    assert_int_equal(zb_plan_indicator_category(plan, 1), 0);
    assert_string_equal(zb_plan_indicator_unit(plan, 0), "亿元");
    assert_int_equal(zb_plan_indicator_attribute(plan, 2), ZB_ATTR_BINDING);
    assert_int_equal(zb_plan_indicator_target_count(plan, 0), 2);
    assert_int_equal(zb_plan_attachment_kind(plan, 0), ZB_ATTACH_TARGETS);
    assert_false(check_has(plan, "empty-table"));
    assert_true(has(r, "recognised", "cells separated by tabs"));
    zb_findings_free(r);
    zb_plan_free(plan);
}

/* One cell per line: bare years and 属性, names broken over two lines, merged categories. */
static void test_table_cells_wrapped_names(void **state)
{
    (void)state;
    zb_findings *r;
    zb_plan *plan = imp("临川市工作要点\n一、重点工作\n1.做事。（责任单位：市发改委）\n"
                        "附件1\n主要指标\n"
                        "序号\n类别\n指标名称\n计量单位\n属性\n2024年\n2025年\n牵头单位\n"
                        "1\n投资\n固定资产投资增速\n%\n预期性\n6.3\n7左右\n市发改委\n"
                        "2\n民间投资占固定资产投资\n比重\n%\n预期性\n54.8\n55以上\n市发改委\n"
                        "3\n市级重点建设项目完成\n投资\n亿元\n约束性\n612\n650\n市重点项目推进中心\n"
                        "4\n创新\n研发经费投入强度\n%\n预期性\n2.8\n3\n市科技局\n",
                        0, &r);
    assert_int_equal(zb_plan_indicator_count(plan), 4);
    assert_int_equal(zb_plan_category_count(plan), 2); /* a wrapped name is no new category */
    assert_string_equal(zb_plan_indicator_name(plan, 1), "民间投资占固定资产投资比重");
    assert_string_equal(zb_plan_indicator_name(plan, 2), "市级重点建设项目完成投资");
    assert_int_equal(zb_plan_indicator_category(plan, 2), 0);
    assert_string_equal(zb_plan_category_name(plan, 1), "创新");
    assert_string_equal(zb_plan_indicator_target_text(plan, 2), "650");
    assert_true(has(r, "recognised", "2 names broken over lines joined"));
    zb_findings_free(r);
    zb_plan_free(plan);
}

/* A 任务分解表 is the breakdown itself: tasks and their items. */
static void test_task_breakdown_table(void **state)
{
    (void)state;
    zb_plan *plan = imp("南溪市2025年重点任务分解表\n"
                        "序号\n重点任务\n具体举措\n牵头单位\n配合单位\n完成时限\n"
                        "1\n推动工业稳增长\n落实企业“白名单”制度\n市经信局\n市发改委、市财政局\n2025年6月底前\n"
                        "2\n建立重点企业运行监测机制\n市经信局\n市统计局\n持续推进\n"
                        "3\n优化营商环境\n开展涉企收费专项检查\n市市场监管局、市发改委\n市财政局\n2025年10月底前\n",
                        0, NULL);
    assert_int_equal(zb_plan_task_count(plan), 2);
    assert_string_equal(zb_plan_task_title(plan, 0), "推动工业稳增长");
    assert_int_equal(zb_plan_task_duty_count(plan, 0), 2);
    const char *a[] = {"市经信局", "市统计局"};
    assert_units(plan, 0, 1, a, 2);
    assert_string_equal(zb_plan_task_duty_note(plan, 0, 1), "完成时限：持续推进");
    assert_int_equal(zb_plan_task_duty_lead_count(plan, 1, 0), 2);
    assert_false(check_has(plan, "table-as-text"));
    zb_plan_free(plan);
}

/* A unit list stops at the page's furniture. */
static void test_unit_list_and_furniture(void **state)
{
    (void)state;
    zb_plan *plan = imp("东港市实施方案\n一、主要任务\n（一）推进改造。（责任单位：市经信局）\n"
                        "附件2\n责任单位名单\n市经信局、市科技局、市商务局\n"
                        "打印本页 关闭窗口\n扫一扫在手机打开当前页\n【打印】【关闭】\n",
                        0, NULL);
    assert_int_equal(zb_plan_unit_count(plan), 3);
    assert_false(check_has(plan, "unit-name"));
    zb_plan_free(plan);
}

/* ---- PDF text ------------------------------------------------------------------------------ */

static void test_pdf_lines_and_pages(void **state)
{
    (void)state;
    zb_findings *r;
    zb_plan *plan = imp("江海省推进低空经济发展行动方案\n"
                        "一、发展目标\n"
                        "到 2027 年，全省低空经济规模突破 1000 亿元，培育低空经济\n"
                        "领域专精特新企业 100 家以上，建成通用机场 20 个、垂直起降点\n"
                        "500 个，开通低空航线 300 条以上，新增就业 3000 人以上，对产值\n"
                        "下滑 10% 以上的企业开展帮扶。\n"
                        "二、重点任务\n"
                        "（一）完善低空基础设施。统筹规划建设通用机场和垂直起\n"
                        "降点，推动低空智联网建设，建设起降场 15 个。（省发展改革委\n"
                        "— 3 —\n"
                        "\f江海省人民政府公报\n"
                        "牵头，省交通运输厅配合）\n"
                        "（二）拓展低空应用场景。在物流配送、应急救援等领域开\n"
                        "展试点，每年新增应用场景 50 个以上。（省交通运输厅牵头）\n"
                        "- 4 -\n"
                        "\f江海省人民政府公报\n"
                        "（三）壮大低空制造产业。支持整机企业做大做强，引进培\n"
                        "育核心零部件企业，建设低空装备产业园 5 个。（省经信厅牵头）\n"
                        "— 5 —\n",
                        0, &r);
    assert_int_equal(zb_plan_task_count(plan), 3);
    const char *a[] = {"省发展改革委", "省交通运输厅"};
    assert_units(plan, 0, 0, a, 2);
    for (size_t b = 0; b < zb_plan_block_count(plan); b++) {
        assert_null(strstr(zb_plan_block_text(plan, b), "公报"));
        assert_null(strstr(zb_plan_block_text(plan, b), "— 3 —"));
    }
    assert_string_equal(zb_plan_block_text(plan, 1),
                        "到2027年，全省低空经济规模突破1000亿元，培育低空经济领域专精特新企业100家以上，建成通用机场20个、"
                        "垂直起降点500个，开通低空航线300条以上，新增就业3000人以上，对产值下滑10%以上的企业开展帮扶。");
    /* Spaces beside numbers: 3000 人以上 is a target with its qualifier; 10% 以上的企业 is not. */
    int jobs = 0, slump = 0, fields = 0;
    for (size_t p = 0; p < zb_plan_prose_target_count(plan); p++) {
        const char *name = zb_plan_prose_target_name(plan, p);
        if (strcmp(name, "新增就业") == 0) {
            jobs = 1;
            assert_string_equal(zb_plan_prose_target_unit(plan, p), "人");
            assert_int_equal(zb_plan_prose_target_qualifier(plan, p), ZB_QUAL_AT_LEAST);
        }
        slump |= strstr(name, "下滑") != NULL;
        fields |= strcmp(name, "建设起降场") == 0 && strcmp(zb_plan_prose_target_value_text(plan, p), "15") == 0;
    }
    assert_true(jobs);
    assert_false(slump);
    assert_true(fields);
    assert_true(has(r, "cleaned", "page number “— 3 —” dropped"));
    assert_true(has(r, "cleaned", "running header “江海省人民政府公报” dropped"));
    assert_true(has(r, "cleaned", "rejoined"));
    zb_findings_free(r);
    zb_plan_free(plan);
}

/* ---- punctuation ----------------------------------------------------------------------------- */

static void test_half_width_punctuation(void **state)
{
    (void)state;
    zb_findings *r;
    zb_plan *plan = imp("云岭市若干举措\n一、推动科技创新\n"
                        "1.建设创新平台.支持企业建设研发机构,新增平台5家;详见 http://www.example.gov.cn/a?b=1,c=2 。"
                        "(责任单位:市科技局,市财政局)\n"
                        "2.加强金融支持.设立规模1,200万元的基金,每天17:30前报送.(责任单位:市财政局)\n",
                        0, &r);
    const char *t0 = zb_plan_task_text(plan, 0);
    assert_non_null(strstr(t0, "建设研发机构，新增平台5家；"));
    assert_non_null(strstr(t0, "http://www.example.gov.cn/a?b=1,c=2"));
    const char *a[] = {"市科技局", "市财政局"};
    assert_units(plan, 0, 0, a, 2);
    assert_non_null(strstr(zb_plan_task_text(plan, 1), "1,200万元"));
    assert_non_null(strstr(zb_plan_task_text(plan, 1), "17:30"));
    assert_string_equal(zb_plan_task_heading(plan, 0, 0), "一、推动科技创新");
    assert_true(has(r, "stage", "half-width marks made full-width"));
    zb_findings_free(r);
    zb_plan_free(plan);
}

/* ---- the parts of a notice ----------------------------------------------------------------- */

/* 附件说明 over two lines is not text of the notice (the notice writes it from the
 * attachments): no second line read as a heading. */
static void test_attachment_list_of_a_notice(void **state)
{
    (void)state;
    zb_findings *r;
    zb_plan *plan = imp("清溪县人民政府办公室关于印发清溪县技术改造行动方案的通知\n"
                        "各乡镇人民政府，县政府各部门：\n"
                        "现将《清溪县技术改造行动方案》印发给你们，请认真组织实施。\n"
                        "附件：1.清溪县技术改造行动方案\n"
                        "2.清溪县技术改造主要目标表\n"
                        "清溪县人民政府办公室\n"
                        "2025年4月8日\n"
                        "附件1\n"
                        "清溪县技术改造行动方案\n"
                        "一、重点任务\n"
                        "1.推动设备更新。（责任单位：县经信局）\n"
                        "附件2\n"
                        "清溪县技术改造主要目标表\n"
                        "序号\n指标名称\n单位\n2027年目标\n责任单位\n"
                        "1\n实施技术改造项目\n项\n300\n县经信局\n",
                        0, &r);
    for (size_t b = 0; b < zb_plan_block_count(plan); b++) {
        assert_null(strstr(zb_plan_block_text(plan, b), "附件"));
        assert_null(strstr(zb_plan_block_text(plan, b), "主要目标表"));
    }
    assert_string_equal(zb_plan_meta(plan, ZB_META_PLAN_TITLE), "清溪县技术改造行动方案");
    assert_int_equal(zb_plan_task_count(plan), 1);
    assert_int_equal(zb_plan_attachment_count(plan), 1);
    assert_int_equal(zb_plan_attachment_number(plan, 0), 2);
    assert_int_equal(zb_plan_indicator_count(plan), 1);
    assert_true(has(r, "recognised", "附件说明: 2 attachments named"));
    zb_findings_free(r);
    zb_plan_free(plan);
}

/* A notice that issues no plan keeps its recipients (after its 文号 on a line of its own),
 * its tasks and its signature. */
static void test_notice_without_plan(void **state)
{
    (void)state;
    zb_plan *plan = imp("青石县经济商务局关于做好2025年度“亩均效益”评价工作的通知\n"
                        "青经商〔2025〕18号\n"
                        "各乡镇人民政府、街道办事处，县级有关单位：\n"
                        "现就有关事项通知如下。\n"
                        "一、数据采集。4月底前完成数据归集。（责任单位：县税务局、县统计局）\n"
                        "二、结果运用。6月底前发布评价结果。（责任单位：县经济商务局）\n"
                        "青石县经济商务局\n"
                        "2025年4月2日\n",
                        0, NULL);
    assert_int_equal(zb_plan_recipient_count(plan), 2);
    assert_string_equal(zb_plan_recipient(plan, 0), "各乡镇人民政府、街道办事处");
    assert_int_equal(zb_plan_task_count(plan), 2);
    assert_string_equal(zb_plan_meta(plan, ZB_META_SIGNATURE), "青石县经济商务局");
    assert_int_equal(ymd(zb_plan_date(plan, ZB_DATE_ISSUED)), 20250402);
    assert_string_equal(zb_plan_meta(plan, ZB_META_DOC_NUMBER), "青经商〔2025〕18号");
    zb_plan_free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_spaced_labels),
        cmocka_unit_test(test_header_layouts),
        cmocka_unit_test(test_header_labels_and_glued_values),
        cmocka_unit_test(test_title_not_banner),
        cmocka_unit_test(test_title_over_two_lines),
        cmocka_unit_test(test_note_in_square_brackets),
        cmocka_unit_test(test_note_of_role_clauses),
        cmocka_unit_test(test_note_on_its_own_line),
        cmocka_unit_test(test_note_units_in_brackets_and_two_leads),
        cmocka_unit_test(test_table_tab_separated),
        cmocka_unit_test(test_table_cells_wrapped_names),
        cmocka_unit_test(test_task_breakdown_table),
        cmocka_unit_test(test_unit_list_and_furniture),
        cmocka_unit_test(test_pdf_lines_and_pages),
        cmocka_unit_test(test_half_width_punctuation),
        cmocka_unit_test(test_attachment_list_of_a_notice),
        cmocka_unit_test(test_notice_without_plan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
