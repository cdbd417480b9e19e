/* The text importer: both seeds end to end (when ../shared/seeds is there), our own fixtures
 * in tests/data/import/ for each rule (lead/cooperating form, full- and half-width
 * punctuation, headings with their own note, collective units, notes kept, dirt, a notice,
 * a five-column table with a unit list, GBK, nothing recognisable), the helpers one by one,
 * and the contract: errors leave the plan alone, strict mode, the report. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_internal.h"
#include "zhibiao/json.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* ---- helpers ------------------------------------------------------------------------ */

/* $ZB_SOURCE_DIR/<rel> or $ZB_TEST_DATA/<rel>; NULL when the variable is unset. */
static char *path_in(const char *var, const char *rel)
{
    const char *dir = getenv(var);
    if (!dir || !*dir)
        return NULL;
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *p = malloc(n);
    assert_non_null(p);
    snprintf(p, n, "%s/%s", dir, rel);
    return p;
}

static int readable(const char *path)
{
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (f)
        fclose(f);
    return f != NULL;
}

/* Imports a fixture of tests/data/import, asserting the status; the caller frees both. */
static zb_plan *import_fixture(const char *file, zb_status expect, zb_findings **report)
{
    char rel[256];
    snprintf(rel, sizeof rel, "import/%s", file);
    char *path = path_in("ZB_TEST_DATA", rel);
    if (!path) {
        fprintf(stderr, "ZB_TEST_DATA is not set: skipping\n");
        skip();
    }
    zb_plan *plan = zb_plan_new();
    assert_non_null(plan);
    zb_findings *r = NULL;
    zb_status st = zb_import_text(plan, path, NULL, &r);
    if (st != expect)
        fail_msg("%s: status %d, expected %d: %s", file, st, expect, zb_errmsg(plan));
    assert_non_null(r);
    free(path);
    if (report)
        *report = r;
    else
        zb_findings_free(r);
    return plan;
}

static zb_plan *import_string(const char *text, zb_status expect, zb_findings **report)
{
    zb_plan *plan = zb_plan_new();
    assert_non_null(plan);
    zb_findings *r = NULL;
    zb_status st = zb_import_text_string(plan, text, strlen(text), "t.txt", NULL, &r);
    if (st != expect)
        fail_msg("status %d, expected %d: %s", st, expect, zb_errmsg(plan));
    if (report)
        *report = r;
    else
        zb_findings_free(r);
    return plan;
}

/* Imports a fixture of tests/data/trial (texts written as other offices publish them). */
static zb_plan *import_trial(const char *file, zb_findings **report)
{
    char rel[256];
    snprintf(rel, sizeof rel, "trial/%s", file);
    char *path = path_in("ZB_TEST_DATA", rel);
    if (!path) {
        fprintf(stderr, "ZB_TEST_DATA is not set: skipping\n");
        skip();
    }
    zb_plan *plan = zb_plan_new();
    assert_non_null(plan);
    zb_findings *r = NULL;
    zb_status st = zb_import_text(plan, path, NULL, &r);
    if (st != ZB_OK)
        fail_msg("%s: status %d: %s", file, st, zb_errmsg(plan));
    free(path);
    if (report)
        *report = r;
    else
        zb_findings_free(r);
    return plan;
}

static size_t count_code(const zb_findings *f, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < zb_findings_count(f); i++)
        n += strcmp(zb_findings_code(f, i), code) == 0;
    return n;
}

static int has_message(const zb_findings *f, const char *code, const char *part)
{
    for (size_t i = 0; i < zb_findings_count(f); i++)
        if (strcmp(zb_findings_code(f, i), code) == 0 && strstr(zb_findings_message(f, i), part))
            return 1;
    return 0;
}

static size_t find_task(const zb_plan *plan, const char *number)
{
    for (size_t t = 0; t < zb_plan_task_count(plan); t++)
        if (strcmp(zb_plan_task_number(plan, t), number) == 0)
            return t;
    fail_msg("no task %s", number);
    return ZB_NONE;
}

static size_t find_prose(const zb_plan *plan, const char *name)
{
    for (size_t p = 0; p < zb_plan_prose_target_count(plan); p++)
        if (strcmp(zb_plan_prose_target_name(plan, p), name) == 0)
            return p;
    fail_msg("no prose target %s", name);
    return ZB_NONE;
}

static void assert_duty(const zb_plan *plan, size_t t, size_t d, const char *const *units, size_t n, const char *note)
{
    assert_int_equal(zb_plan_task_duty_responsible_count(plan, t, d), n);
    for (size_t k = 0; k < n; k++)
        assert_string_equal(zb_plan_task_duty_responsible(plan, t, d, k), units[k]);
    assert_string_equal(zb_plan_task_duty_note(plan, t, d), note);
}

/* The text with full-width ，：；？！（） as ASCII: the importer makes half-width marks inside
 * Chinese full-width, where the example data keeps the seed's half-width ones. */
static void fold_marks(const char *s, char *out, size_t size)
{
    static const char *const wide[] = {"，", "：", "；", "？", "！", "（", "）"};
    static const char narrow[] = ",:;?!()";
    size_t o = 0;
    while (*s && o + 5 < size) {
        size_t k = 0;
        while (k < 7 && strncmp(s, wide[k], strlen(wide[k])) != 0)
            k++;
        if (k < 7) {
            out[o++] = narrow[k];
            s += strlen(wide[k]);
        } else {
            out[o++] = *s++;
        }
    }
    out[o] = '\0';
}

static void assert_same_text(const char *got, const char *want)
{
    char a[2048], b[2048];
    fold_marks(got, a, sizeof a);
    fold_marks(want, b, sizeof b);
    if (strcmp(a, b) != 0)
        fail_msg("\"%s\" != \"%s\"", got, want);
}

/* Dump, load, dump: the same bytes. */
static void assert_json_round_trip(const zb_plan *plan)
{
    char *a = NULL, *b = NULL;
    zb_error err;
    assert_int_equal(zb_json_dump(plan, &a, NULL, &err), ZB_OK);
    zb_plan *copy = zb_plan_new();
    if (zb_json_load_string(copy, a, strlen(a), "dump.json") != ZB_OK)
        fail_msg("%s", zb_errmsg(copy));
    assert_int_equal(zb_json_dump(copy, &b, NULL, &err), ZB_OK);
    assert_string_equal(a, b);
    zb_free(a);
    zb_free(b);
    zb_plan_free(copy);
}

/* ---- the seeds ---------------------------------------------------------------------- */

static zb_plan *import_seed(const char *file, zb_findings **report)
{
    /* $ZB_SEEDS_DIR, else ../shared/seeds beside the source tree. */
    char *path = path_in("ZB_SEEDS_DIR", file);
    if (!path) {
        char rel[256];
        snprintf(rel, sizeof rel, "../shared/seeds/%s", file);
        path = path_in("ZB_SOURCE_DIR", rel);
    }
    if (!readable(path)) {
        fprintf(stderr, "%s is not there: skipping the seed\n", path ? path : file);
        free(path);
        skip();
    }
    zb_plan *plan = zb_plan_new();
    zb_findings *r = NULL;
    zb_status st = zb_import_text(plan, path, NULL, &r);
    if (st != ZB_OK)
        fail_msg("%s: %s", path, zb_errmsg(plan));
    free(path);
    *report = r;
    return plan;
}

static void test_tonglu_seed(void **state)
{
    (void)state;
    zb_findings *report;
    zb_plan *plan = import_seed("000_63027711b8e1e1d4.txt", &report);
    assert_int_equal(count_code(report, "unplaced"), 0);

    /* Header block and title; the document is the plan itself. */
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "桐庐县“415X”先进制造业集群培育工程2024年工作要点");
    assert_string_equal(zb_plan_meta(plan, ZB_META_PLAN_TITLE), "");
    assert_string_equal(zb_plan_meta(plan, ZB_META_INDEX_NO), "M059/2024-123007");
    assert_string_equal(zb_plan_meta(plan, ZB_META_PUBLISHER), "县经信局");
    assert_string_equal(zb_plan_meta(plan, ZB_META_DISCLOSURE), "主动公开");
    assert_string_equal(zb_plan_meta(plan, ZB_META_DOC_NUMBER), ""); /* 文件编号- */
    zb_date pub = zb_plan_date(plan, ZB_DATE_PUBLISHED);
    assert_int_equal(pub.year * 10000 + pub.month * 100 + pub.day, 20240531);
    assert_int_equal(zb_plan_first_year(plan), 2024);
    assert_int_equal(zb_plan_last_year(plan), 2024);
    assert_true(has_message(report, "recognised", "site furniture: 访问次数"));
    for (size_t b = 0; b < zb_plan_block_count(plan); b++)
        assert_int_equal(zb_plan_block_part(plan, b), ZB_PART_DOCUMENT);

    /* 附件2: the published table, equal to the example built from it. */
    assert_int_equal(zb_plan_indicator_count(plan), 41);
    assert_int_equal(zb_plan_category_count(plan), 10);
    char *example = path_in("ZB_SOURCE_DIR", "examples/data/tonglu-2024.json");
    zb_plan *want = zb_plan_new();
    if (zb_json_load(want, example) != ZB_OK)
        fail_msg("%s", zb_errmsg(want));
    free(example);
    assert_int_equal(zb_plan_indicator_count(want), 41);
    for (size_t i = 0; i < 41; i++) {
        int seq = zb_plan_indicator_seq(want, i);
        size_t k = zb_plan_find_indicator(plan, seq);
        assert_int_not_equal(k, ZB_NONE);
        assert_same_text(zb_plan_indicator_name(plan, k), zb_plan_indicator_name(want, i));
        assert_string_equal(zb_plan_indicator_unit(plan, k), zb_plan_indicator_unit(want, i));
        assert_string_equal(zb_plan_indicator_target_text(plan, k), zb_plan_indicator_target_text(want, i));
        assert_same_text(zb_plan_category_name(plan, zb_plan_indicator_category(plan, k)),
                         zb_plan_category_name(want, zb_plan_indicator_category(want, i)));
        size_t n = zb_plan_indicator_responsible_count(want, i);
        assert_int_equal(zb_plan_indicator_responsible_count(plan, k), n);
        for (size_t j = 0; j < n; j++)
            assert_string_equal(zb_plan_indicator_responsible(plan, k, j), zb_plan_indicator_responsible(want, i, j));
    }
    zb_plan_free(want);
    assert_string_equal(zb_plan_category_name(plan, 0), "牵引性指标");

    /* 附件3: 28 units as published, misspelling included. */
    assert_int_equal(zb_plan_unit_count(plan), 28);
    assert_int_not_equal(zb_plan_find_unit(plan, "县规和自然划资源局"), ZB_NONE);
    assert_int_equal(zb_plan_attachment_count(plan), 2);
    assert_int_equal(zb_plan_attachment_number(plan, 0), 2);
    assert_int_equal(zb_plan_attachment_kind(plan, 0), ZB_ATTACH_TARGETS);
    assert_string_equal(zb_plan_attachment_title(plan, 0), "2024年目标体系表");
    assert_int_equal(zb_plan_attachment_number(plan, 1), 3);
    assert_int_equal(zb_plan_attachment_kind(plan, 1), ZB_ATTACH_UNITS);

    /* 29 numbered tasks and the four 政策保障 items. */
    assert_int_equal(zb_plan_task_count(plan), 33);
    size_t t1 = find_task(plan, "1");
    assert_string_equal(zb_plan_task_title(plan, t1), "全面落实产业链“链长+链主”制");
    assert_int_equal(zb_plan_task_heading_count(plan, t1), 2);
    assert_string_equal(zb_plan_task_heading(plan, t1, 0), "二、重点任务");
    assert_string_equal(zb_plan_task_heading(plan, t1, 1), "（一）深化“415X”先进制造业集群培育体系");
    assert_int_equal(zb_plan_task_duty_count(plan, t1), 1);
    const char *u1[] = {"县经信局", "县发改局", "各产业集群工作组成员单位"};
    assert_duty(plan, t1, 0, u1, 3, "各产业集群工作组成员单位配合。以下列第一位的为牵头单位，不再列出");
    assert_string_equal(zb_plan_task_duty_text(plan, t1, 0), ""); /* the whole task */
    assert_null(strstr(zb_plan_task_text(plan, t1), "责任单位"));
    size_t t25 = find_task(plan, "25");
    assert_int_equal(zb_plan_task_duty_responsible_count(plan, t25, 0), 10);
    assert_string_equal(zb_plan_task_duty_responsible(plan, t25, 0, 0), "县委改革办");
    size_t g1 = find_task(plan, "(一)");
    assert_string_equal(zb_plan_task_title(plan, g1), "强化组织领导");
    assert_int_equal(zb_plan_task_heading_count(plan, g1), 1);
    assert_string_equal(zb_plan_task_heading(plan, g1, 0), "三、政策保障");
    const char *ug[] = {"产业集群工作组各成员单位"};
    assert_duty(plan, g1, 0, ug, 1, "");
    assert_true(has_message(report, "collective", "产业集群工作组各成员单位"));
    find_task(plan, "(四)");

    /* Prose targets, linked to their task. */
    size_t p = find_prose(plan, "新增“小升规”企业");
    assert_string_equal(zb_plan_prose_target_unit(plan, p), "家");
    assert_string_equal(zb_plan_prose_target_value_text(plan, p), "62");
    assert_int_equal(zb_plan_prose_target_qualifier(plan, p), ZB_QUAL_AT_LEAST);
    assert_int_equal(zb_plan_prose_target_task(plan, p), find_task(plan, "21"));
    assert_non_null(strstr(zb_plan_prose_target_sentence(plan, p), "62家以上"));
    assert_int_equal(zb_plan_prose_target_first_year(plan, p), 2024);
    p = find_prose(plan, "规上工业增加值增速");
    assert_int_equal(zb_plan_prose_target_qualifier(plan, p), ZB_QUAL_ABOUT);
    assert_true(zb_plan_prose_target_value(plan, p) == 6.5);
    assert_int_equal(zb_plan_prose_target_task(plan, p), ZB_NONE);
    p = find_prose(plan, "全县“415X”先进制造业集群规上企业营业收入");
    assert_int_equal(zb_plan_prose_target_qualifier(plan, p), ZB_QUAL_AT_LEAST); /* 突破 */
    p = find_prose(plan, "新增能耗支持民间投资项目的比重");
    assert_int_equal(zb_plan_prose_target_qualifier(plan, p), ZB_QUAL_AT_LEAST); /* 不低于 */
    p = find_prose(plan, "招引研究领域与桐庐产业基础高度吻合的海内外高层次人才");
    assert_string_equal(zb_plan_prose_target_unit(plan, p), "人"); /* 不少于20人 */
    find_prose(plan, "完成低效用地整治提升");
    find_prose(plan, "新型储能装机");
    assert_true(zb_plan_prose_target_count(plan) >= 40);

    /* check: warnings only, among them the body that disagrees with the table. */
    zb_findings *v;
    assert_int_equal(zb_plan_validate(plan, &v), ZB_OK);
    assert_int_equal(zb_findings_error_count(v), 0);
    int mismatch = 0;
    for (size_t i = 0; i < zb_findings_count(v); i++)
        if (strcmp(zb_findings_code(v, i), "prose-mismatch") == 0) {
            mismatch++;
            assert_non_null(strstr(zb_findings_message(v, i), "prose target “新型储能装机0.5万千瓦”"));
            assert_non_null(strstr(zb_findings_message(v, i), "indicator 28 (光伏发电装机量（万千瓦）) under another name"));
        }
    assert_int_equal(mismatch, 1);
    assert_true(has_message(v, "unknown-unit", "县规划和自然资源局 is not in the unit list; did you mean 县规和自然划资源局?"));
    zb_findings_free(v);
    assert_json_round_trip(plan);
    zb_findings_free(report);
    zb_plan_free(plan);
}

static void test_wuyi_seed(void **state)
{
    (void)state;
    zb_findings *report;
    zb_plan *plan = import_seed("001_5e1ff4ec9cd73333.txt", &report);
    assert_int_equal(count_code(report, "unplaced"), 0);

    assert_string_equal(zb_plan_meta(plan, ZB_META_DOC_NUMBER), "武政发〔2022〕11号");
    assert_string_equal(zb_plan_meta(plan, ZB_META_ORGAN), "武义县人民政府");
    assert_string_equal(zb_plan_meta(plan, ZB_META_SIGNATURE), "武义县人民政府");
    assert_string_equal(zb_plan_meta(plan, ZB_META_INDEX_NO), "113307230026011330/2022-264120");
    assert_string_equal(zb_plan_meta(plan, ZB_META_PUBLISHER), "县府办");
    assert_string_equal(zb_plan_meta(plan, ZB_META_VALIDITY), "有效");
    assert_string_equal(zb_plan_meta(plan, ZB_META_NOTE), "（此件公开发布）");
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE),
                        "武义县人民政府关于印发《武义县新一轮制造业“腾笼换鸟、凤凰涅槃”攻坚行动方案》的通知");
    assert_string_equal(zb_plan_meta(plan, ZB_META_PLAN_TITLE), "武义县新一轮制造业“腾笼换鸟、凤凰涅槃”攻坚行动方案");
    zb_date d = zb_plan_date(plan, ZB_DATE_ISSUED);
    assert_int_equal(d.year * 10000 + d.month * 100 + d.day, 20220324);
    d = zb_plan_date(plan, ZB_DATE_PUBLISHED);
    assert_int_equal(d.year * 10000 + d.month * 100 + d.day, 20220329);
    assert_int_equal(zb_plan_recipient_count(plan), 2);
    assert_string_equal(zb_plan_recipient(plan, 0), "各镇人民政府、街道办事处、联盟");
    assert_string_equal(zb_plan_recipient(plan, 1), "县政府各部门");
    assert_int_equal(zb_plan_first_year(plan), 2021);
    assert_int_equal(zb_plan_last_year(plan), 2023);

    /* The notice's text, then the plan's. */
    assert_int_equal(zb_plan_block_part(plan, 0), ZB_PART_DOCUMENT);
    assert_non_null(strstr(zb_plan_block_text(plan, 0), "现印发给你们"));
    assert_int_equal(zb_plan_block_part(plan, 1), ZB_PART_PLAN);
    assert_non_null(strstr(zb_plan_block_text(plan, 1), "为深入贯彻落实全省新一轮制造业"));
    assert_int_equal(zb_plan_block_level(plan, 2), 1);
    assert_string_equal(zb_plan_block_text(plan, 2), "一、总体要求");
    size_t plan_blocks = 0;
    for (size_t b = 0; b < zb_plan_block_count(plan); b++)
        plan_blocks += zb_plan_block_part(plan, b) == ZB_PART_PLAN;
    assert_int_equal(plan_blocks, zb_plan_block_count(plan) - 1);

    /* 18 numbered tasks and the six 组织保障 items. */
    assert_int_equal(zb_plan_task_count(plan), 24);
    for (int k = 1; k <= 18; k++) {
        char number[8];
        snprintf(number, sizeof number, "%d", k);
        assert_int_equal(find_task(plan, number), (size_t)(k - 1));
    }
    size_t t1 = find_task(plan, "1");
    assert_string_equal(zb_plan_task_title(plan, t1), "明确整治对象");
    assert_string_equal(zb_plan_task_heading(plan, t1, 1), "（一）更大决心淘汰落后产能。");
    assert_int_equal(zb_plan_task_duty_count(plan, t1), 1);
    assert_string_equal(zb_plan_task_duty_note(plan, t1, 0), "列第一位的为牵头单位，下同");
    assert_string_equal(zb_plan_task_duty_responsible(plan, t1, 0, 1), "县“低散乱污”整治办");
    assert_int_equal(zb_plan_task_duty_responsible_count(plan, t1, 0), 9);
    size_t t2 = find_task(plan, "2");
    assert_int_equal(zb_plan_task_duty_count(plan, t2), 2);
    assert_string_equal(zb_plan_task_duty_responsible(plan, t2, 0, 0), "县“低散乱污”整治办");
    assert_non_null(strstr(zb_plan_task_duty_text(plan, t2, 0), "整治提升高耗低效企业400家"));
    assert_string_equal(zb_plan_task_duty_responsible(plan, t2, 1, 0), "县经济商务局");
    assert_int_equal(zb_plan_task_duty_responsible_count(plan, t2, 1), 1);
    assert_non_null(strstr(zb_plan_task_duty_text(plan, t2, 1), "全力推进节能减碳技术改造"));
    size_t t3 = find_task(plan, "3");
    assert_int_equal(zb_plan_task_duty_count(plan, t3), 4);
    assert_string_equal(zb_plan_task_duty_text(plan, t3, 0),
                        "结合新一轮国土空间规划编制，统筹研究工业用地布局，科学规划，避免因规划不合理造成土地资源使用低效。");
    assert_string_equal(zb_plan_task_duty_responsible(plan, t3, 2, 5), "县政务服务管理办公室");
    size_t g2 = find_task(plan, "(二)");
    assert_string_equal(zb_plan_task_heading(plan, g2, 0), "四、组织保障");
    assert_int_equal(zb_plan_task_duty_count(plan, g2), 2);
    assert_string_equal(zb_plan_task_duty_responsible(plan, g2, 0, 0), "县级相关部门");
    assert_true(has_message(report, "collective", "县级相关部门"));
    find_task(plan, "(六)");

    /* Targets in prose: 到2023年 falls in the plan's span. */
    size_t p = ZB_NONE;
    for (size_t k = 0; k < zb_plan_prose_target_count(plan); k++)
        if (strcmp(zb_plan_prose_target_name(plan, k), "整治提升高耗低效企业") == 0 &&
            zb_plan_prose_target_task(plan, k) == t2)
            p = k;
    assert_int_not_equal(p, ZB_NONE);
    assert_string_equal(zb_plan_prose_target_value_text(plan, p), "400");
    assert_string_equal(zb_plan_prose_target_unit(plan, p), "家");
    assert_int_equal(zb_plan_prose_target_last_year(plan, p), 2023);
    assert_int_equal(zb_plan_prose_target_first_year(plan, p), 2021);
    p = find_prose(plan, "规上工业增加值年均增速");
    assert_string_equal(zb_plan_prose_target_value_text(plan, p), "13");
    assert_string_equal(zb_plan_prose_target_unit(plan, p), "%");
    assert_int_equal(zb_plan_prose_target_qualifier(plan, p), ZB_QUAL_AT_LEAST);
    p = find_prose(plan, "规上制造业全员劳动生产率");
    assert_string_equal(zb_plan_prose_target_unit(plan, p), "万元/人");
    p = find_prose(plan, "制造业投资年均增速"); /* 在17%以上 */
    assert_int_equal(zb_plan_prose_target_qualifier(plan, p), ZB_QUAL_AT_LEAST);
    assert_true(zb_plan_prose_target_count(plan) >= 40);

    zb_findings *v;
    assert_int_equal(zb_plan_validate(plan, &v), ZB_OK);
    assert_int_equal(zb_findings_error_count(v), 0);
    zb_findings_free(v);
    assert_json_round_trip(plan);
    zb_findings_free(report);
    zb_plan_free(plan);
}

/* ---- our fixtures ------------------------------------------------------------------- */

static void test_lead_and_cooperating(void **state)
{
    (void)state;
    zb_plan *plan = import_fixture("lead-coop.txt", ZB_OK, NULL);
    assert_int_equal(zb_plan_task_count(plan), 3);
    const char *a[] = {"县发改局", "县经信局", "县数据局"};
    assert_duty(plan, 0, 0, a, 3, "");
    const char *b[] = {"县经信局", "县通信发展办", "各乡镇（街道）"};
    assert_duty(plan, 1, 0, b, 3, "");
    /* 1． and 2、 are items like 1. */
    assert_string_equal(zb_plan_task_number(plan, 0), "1");
    assert_string_equal(zb_plan_task_number(plan, 1), "2");
    assert_string_equal(zb_plan_task_title(plan, 1), "推进网络覆盖");
    assert_string_equal(zb_plan_task_heading(plan, 2, 1), "（二）培育数字企业");
    size_t p = find_prose(plan, "新增机架");
    assert_int_equal(zb_plan_prose_target_task(plan, p), 0);
    assert_int_equal(zb_plan_prose_target_qualifier(plan, p), ZB_QUAL_AT_LEAST);
    p = find_prose(plan, "全县数字经济核心产业增加值");
    assert_string_equal(zb_plan_prose_target_unit(plan, p), "亿元");
    zb_plan_free(plan);
}

/* The same plan with full-width and with half-width punctuation reads the same. */
static void test_full_and_half_width(void **state)
{
    (void)state;
    zb_plan *full = import_fixture("fullwidth.txt", ZB_OK, NULL);
    zb_plan *half = import_fixture("halfwidth.txt", ZB_OK, NULL);
    assert_int_equal(zb_plan_task_count(full), 2);
    assert_int_equal(zb_plan_task_count(half), 2);
    for (size_t t = 0; t < 2; t++) {
        assert_string_equal(zb_plan_task_title(full, t), zb_plan_task_title(half, t));
        assert_int_equal(zb_plan_task_duty_count(full, t), zb_plan_task_duty_count(half, t));
        size_t n = zb_plan_task_duty_responsible_count(full, t, 0);
        assert_int_equal(n, zb_plan_task_duty_responsible_count(half, t, 0));
        for (size_t k = 0; k < n; k++)
            assert_string_equal(zb_plan_task_duty_responsible(full, t, 0, k), zb_plan_task_duty_responsible(half, t, 0, k));
    }
    const char *u[] = {"县发改局", "县经信局", "各乡镇"};
    assert_duty(full, 0, 0, u, 3, "各乡镇配合");
    assert_duty(half, 0, 0, u, 3, "各乡镇配合");
    assert_int_equal(zb_plan_prose_target_count(full), 3);
    assert_int_equal(zb_plan_prose_target_count(half), 3);
    for (size_t p = 0; p < 3; p++) {
        assert_string_equal(zb_plan_prose_target_name(full, p), zb_plan_prose_target_name(half, p));
        assert_string_equal(zb_plan_prose_target_value_text(full, p), zb_plan_prose_target_value_text(half, p));
    }
    find_prose(half, "完成工业投资");
    zb_plan_free(full);
    zb_plan_free(half);
}

static void test_heading_with_note(void **state)
{
    (void)state;
    zb_plan *plan = import_fixture("heading-note.txt", ZB_OK, NULL);
    assert_int_equal(zb_plan_task_count(plan), 3);
    assert_string_equal(zb_plan_task_number(plan, 0), "(一)");
    assert_string_equal(zb_plan_task_title(plan, 0), "加强统筹协调");
    assert_string_equal(zb_plan_task_heading(plan, 0, 0), "二、保障措施");
    assert_string_equal(zb_plan_task_duty_responsible(plan, 0, 0, 0), "县市场监管局");
    /* A heading without 。: its whole text (the note aside) is the title. */
    assert_string_equal(zb_plan_task_number(plan, 1), "(二)");
    assert_string_equal(zb_plan_task_title(plan, 1), "落实资金保障");
    assert_string_equal(zb_plan_task_duty_responsible(plan, 1, 0, 0), "县财政局");
    /* A chapter heading with a note is a task with no heading above it. */
    assert_string_equal(zb_plan_task_number(plan, 2), "三");
    assert_string_equal(zb_plan_task_title(plan, 2), "宣传引导");
    assert_int_equal(zb_plan_task_heading_count(plan, 2), 0);
    /* Under 主要目标 the sentence is a target, not a task. */
    size_t p = find_prose(plan, "全县新增省级品牌企业");
    assert_int_equal(zb_plan_prose_target_task(plan, p), ZB_NONE);
    zb_plan_free(plan);
}

static void test_collective_units(void **state)
{
    (void)state;
    zb_findings *report;
    zb_plan *plan = import_fixture("collective.txt", ZB_OK, &report);
    assert_int_equal(zb_plan_task_count(plan), 4);
    static const char *const names[] = {"各乡镇（街道）", "县级有关单位", "县委宣传部等", "县安委会各成员单位"};
    for (size_t k = 0; k < COUNT(names); k++) {
        assert_true(has_message(report, "collective", names[k]));
        assert_true(zb_infer_collective(names[k]));
    }
    assert_int_equal(count_code(report, "collective"), 4);
    assert_string_equal(zb_plan_task_duty_responsible(plan, 3, 0, 0), "县安委会各成员单位");
    /* A unit list makes check look units up; collective names are left alone. */
    assert_int_equal(zb_plan_add_unit(plan, "县应急管理局", NULL), ZB_OK);
    zb_findings *v;
    assert_int_equal(zb_plan_validate(plan, &v), ZB_OK);
    for (size_t i = 0; i < zb_findings_count(v); i++)
        for (size_t k = 0; k < COUNT(names); k++)
            assert_null(strstr(zb_findings_message(v, i), names[k]));
    assert_int_equal(count_code(v, "unknown-unit"), 0);
    zb_findings_free(v);
    zb_findings_free(report);
    zb_plan_free(plan);
}

static void test_notes_kept(void **state)
{
    (void)state;
    zb_plan *plan = import_fixture("notes.txt", ZB_OK, NULL);
    assert_int_equal(zb_plan_task_count(plan), 4);
    const char *a[] = {"县商务局", "县发改局"};
    assert_duty(plan, 0, 0, a, 2, "列第一位的为牵头单位，下同");
    const char *b[] = {"县行政服务中心", "县商务局", "各园区管委会"};
    assert_duty(plan, 1, 0, b, 3, "各园区管委会配合。以下均由第一位单位牵头，不再列出");
    /* 责任单位： without brackets at the end of a paragraph. */
    const char *c[] = {"县自然资源局", "县发改局"};
    assert_duty(plan, 2, 0, c, 2, "");
    assert_string_equal(zb_plan_task_text(plan, 2), "做好要素对接。统筹土地、能耗指标向重点项目倾斜。");
    /* Two notes, each closing the sentences before it. */
    assert_int_equal(zb_plan_task_duty_count(plan, 3), 2);
    assert_string_equal(zb_plan_task_duty_text(plan, 3, 0), "建立项目推进月报制度。");
    assert_string_equal(zb_plan_task_duty_responsible(plan, 3, 0, 0), "县督考办");
    assert_string_equal(zb_plan_task_duty_text(plan, 3, 1), "开展季度项目比拼。");
    assert_string_equal(zb_plan_task_duty_responsible(plan, 3, 1, 0), "县商务局");
    zb_plan_free(plan);
}

static void test_dirt(void **state)
{
    (void)state;
    zb_findings *report;
    zb_plan *plan = import_fixture("dirt.txt", ZB_OK, &report);
    /* The header's U+3000 separates two fields. */
    assert_string_equal(zb_plan_meta(plan, ZB_META_INDEX_NO), "001/2025-0001");
    assert_string_equal(zb_plan_meta(plan, ZB_META_PUBLISHER), "县经信局");
    /* U+3000 inside a word, a stray space inside quotes. */
    assert_string_equal(zb_plan_task_title(plan, 0), "培育优质企业");
    assert_non_null(strstr(zb_plan_task_text(plan, 0), "推动企业做大做强，新增“小巨人”企业2家。"));
    find_prose(plan, "全县培育“专精特新”企业");
    assert_true(count_code(report, "normalised") >= 2);
    /* 附件 2 with a no-break space; a four-column table; a spaced category. */
    assert_int_equal(zb_plan_attachment_count(plan), 1);
    assert_int_equal(zb_plan_attachment_number(plan, 0), 2);
    assert_int_equal(zb_plan_indicator_count(plan), 3);
    assert_int_equal(zb_plan_category_count(plan), 2);
    assert_string_equal(zb_plan_category_name(plan, 0), "规模指标");
    assert_int_equal(zb_plan_indicator_category(plan, 1), 0); /* the merged cell, flattened */
    assert_string_equal(zb_plan_indicator_target_text(plan, 2), "3.2");
    assert_int_equal(zb_plan_indicator_responsible_count(plan, 0), 0);
    zb_findings_free(report);
    zb_plan_free(plan);
}

static void test_table_units_text(void **state)
{
    (void)state;
    zb_plan *plan = import_fixture("table5.txt", ZB_OK, NULL); /* it starts with a BOM */
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "青山县绿色低碳2025年工作要点");
    assert_int_equal(zb_plan_attachment_count(plan), 3);
    assert_int_equal(zb_plan_attachment_kind(plan, 0), ZB_ATTACH_TARGETS);
    assert_string_equal(zb_plan_attachment_title(plan, 0), "2025年目标任务表"); /* 附件1：title */
    assert_int_equal(zb_plan_indicator_count(plan), 2);
    assert_string_equal(zb_plan_indicator_unit(plan, 0), "万千瓦");
    assert_string_equal(zb_plan_indicator_name(plan, 1), "节能改造项目");
    assert_int_equal(zb_plan_indicator_category(plan, 1), 0);
    assert_int_equal(zb_plan_indicator_responsible_count(plan, 1), 2);
    assert_int_equal(zb_plan_attachment_kind(plan, 1), ZB_ATTACH_UNITS);
    assert_int_equal(zb_plan_unit_count(plan), 5);
    assert_string_equal(zb_plan_unit_name(plan, 3), "县财政局");
    assert_int_equal(zb_plan_attachment_kind(plan, 2), ZB_ATTACH_TEXT);
    assert_string_equal(zb_plan_attachment_text(plan, 2), "请各单位于每月5日前报送进展情况。");
    zb_plan_free(plan);
}

static void test_notice(void **state)
{
    (void)state;
    zb_plan *plan = import_fixture("notice.txt", ZB_OK, NULL);
    assert_string_equal(zb_plan_meta(plan, ZB_META_DOC_NUMBER), "青政发〔2025〕3号");
    assert_string_equal(zb_plan_meta(plan, ZB_META_ORGAN), "青山县人民政府");
    assert_string_equal(zb_plan_meta(plan, ZB_META_NOTE), "（此件公开发布）");
    assert_string_equal(zb_plan_meta(plan, ZB_META_PLAN_TITLE), "青山县制造业提质三年行动计划（2025—2027年）");
    zb_date d = zb_plan_date(plan, ZB_DATE_ISSUED); /* 二〇二五年二月十日 */
    assert_int_equal(d.year * 10000 + d.month * 100 + d.day, 20250210);
    assert_int_equal(zb_plan_recipient_count(plan), 2);
    assert_string_equal(zb_plan_recipient(plan, 0), "各乡镇人民政府、街道办事处");
    assert_int_equal(zb_plan_first_year(plan), 2025);
    assert_int_equal(zb_plan_last_year(plan), 2027);
    assert_int_equal(zb_plan_block_part(plan, 0), ZB_PART_DOCUMENT);
    assert_int_equal(zb_plan_block_part(plan, 1), ZB_PART_PLAN);
    assert_string_equal(zb_plan_block_text(plan, 1), "一、目标任务");
    assert_int_equal(zb_plan_task_count(plan), 1);
    size_t p = find_prose(plan, "全县规上工业产值");
    assert_int_equal(zb_plan_prose_target_last_year(plan, p), 2027);
    zb_plan_free(plan);
}

static void test_gbk(void **state)
{
    (void)state;
    zb_findings *report;
    zb_plan *plan = import_fixture("gbk.txt", ZB_ERR_ENCODING, &report);
    assert_non_null(strstr(zb_errmsg(plan), "gbk.txt:1:1: invalid UTF-8"));
    assert_non_null(strstr(zb_errmsg(plan), "looks like GBK"));
    assert_int_equal(zb_findings_error_count(report), 1);
    assert_string_equal(zb_findings_code(report, 0), "encoding");
    assert_int_equal(zb_plan_task_count(plan), 0);
    zb_findings_free(report);
    zb_plan_free(plan);
    /* Bytes that are neither. */
    plan = import_string("一、目标\n\xff\xfe\n", ZB_ERR_ENCODING, NULL);
    assert_non_null(strstr(zb_errmsg(plan), "t.txt:2:1:"));
    assert_non_null(strstr(zb_errmsg(plan), "UTF-8 only"));
    zb_plan_free(plan);
}

static void test_nothing_recognisable(void **state)
{
    (void)state;
    zb_plan *plan = import_fixture("nothing.txt", ZB_ERR_VALUE, NULL);
    assert_non_null(strstr(zb_errmsg(plan), "nothing recognisable"));
    assert_int_equal(zb_plan_block_count(plan), 0);
    zb_plan_free(plan);
    plan = import_string("", ZB_ERR_VALUE, NULL);
    zb_plan_free(plan);
    plan = import_string("\n\n  \n", ZB_ERR_VALUE, NULL);
    zb_plan_free(plan);
}

/* ---- contract ----------------------------------------------------------------------- */

static void test_errors_keep_the_plan(void **state)
{
    (void)state;
    zb_plan *plan = zb_plan_new();
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_TITLE, "旧标题"), ZB_OK);
    const char *bad = "乱七八糟的一段话。\n";
    assert_int_equal(zb_import_text_string(plan, bad, strlen(bad), "x.txt", NULL, NULL), ZB_ERR_VALUE);
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "旧标题");
    zb_findings *r = (zb_findings *)1;
    assert_int_equal(zb_import_text(plan, "/nonexistent/plan.txt", NULL, &r), ZB_ERR_IO);
    assert_null(r);
    assert_non_null(strstr(zb_errmsg(plan), "/nonexistent/plan.txt"));
    assert_int_equal(zb_import_text(NULL, "x", NULL, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_import_text(plan, NULL, NULL, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_import_text(plan, "", NULL, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_import_text_string(NULL, "x", 1, NULL, NULL, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_import_text_string(plan, NULL, 3, NULL, NULL, NULL), ZB_ERR_ARGUMENT);
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "旧标题");
    /* A success replaces everything. */
    const char *good = "新的工作要点\n一、任务\n1.做事。(责任单位:县经信局)\n";
    assert_int_equal(zb_import_text_string(plan, good, strlen(good), NULL, NULL, NULL), ZB_OK);
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "新的工作要点");
    assert_string_equal(zb_errmsg(plan), "");
    assert_string_equal(zb_plan_task_source(plan, 0), "<string>:3");
    zb_plan_free(plan);
}

static void test_unplaced_and_strict(void **state)
{
    (void)state;
    /* A short line before the title fits nowhere; a line after a table neither. */
    const char *text = "首页>政务公开\n内部资料\n青山县工作要点\n一、任务\n1.做事。(责任单位:县经信局)\n附件1\n表\n序号\n指标名称\n目标值\n1\n甲(个)\n3\n多余的一行文字\n";
    zb_findings *r;
    zb_plan *plan = import_string(text, ZB_OK, &r);
    assert_int_equal(count_code(r, "unplaced"), 2);
    assert_true(has_message(r, "unplaced", "could not place “内部资料”"));
    assert_true(has_message(r, "recognised", "site furniture: 首页>政务公开 (dropped)"));
    int found = 0;
    for (size_t i = 0; i < zb_findings_count(r); i++)
        if (strcmp(zb_findings_code(r, i), "unplaced") == 0 && strcmp(zb_findings_location(r, i), "t.txt:14") == 0)
            found = 1;
    assert_true(found);
    assert_int_equal(zb_plan_indicator_count(plan), 1);
    zb_findings_free(r);
    zb_plan_free(plan);

    plan = zb_plan_new();
    zb_import_options opt = {.strict = 1};
    assert_int_equal(zb_import_text_string(plan, text, strlen(text), "t.txt", &opt, &r), ZB_ERR_VALUE);
    assert_string_equal(zb_errmsg(plan), "t.txt:2: could not place “内部资料” (strict import)");
    assert_int_equal(zb_plan_task_count(plan), 0);
    assert_non_null(r);
    zb_findings_free(r);
    zb_plan_free(plan);
}

static void test_line_ends_and_bom(void **state)
{
    (void)state;
    const char *text = "\xEF\xBB\xBF青山县工作要点\r\n\r\n一、任务\r\n1.做事。(责任单位:县经信局)\r2.再做。(责任单位:县发改局)\n";
    zb_plan *plan = import_string(text, ZB_OK, NULL);
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "青山县工作要点");
    assert_int_equal(zb_plan_task_count(plan), 2);
    assert_string_equal(zb_plan_task_source(plan, 1), "t.txt:5");
    zb_plan_free(plan);
}

/* Text holds no NUL or control characters: refused with their place, like the other
 * loaders; the plan is left as it was. Form feeds, tabs and vertical tabs are layout. */
static void test_controls_refused(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t len;
        const char *message;
    } cases[] = {
#define LIT(s) s, sizeof s - 1
        {LIT("青山县工作要点\n一、任务\n1.做\0事。\n"), "n.txt:3:4: NUL byte in the text"},
        {LIT("青山县工作要点\n一、任务\x01\n"), "n.txt:2:5: control character U+0001 in the text"},
        {LIT("青山县工作要点\x1b[0m\n"), "n.txt:1:8: control character U+001B"},
        {LIT("\x7f"), "n.txt:1:1: control character U+007F"},
        {LIT("a\0b\0c\0d\0"), "n.txt:1:1: the file is UTF-16LE without a byte-order mark"},
        /* C1 controls and the noncharacters, which the JSON loader refuses in what the
         * importer wrote (fuzzing found the round trip failing). */
        {LIT("青山县工作要点\n一、任务\xc2\x8b做事\n"), "n.txt:2:5: control character U+008B in the text"},
        {LIT("\xc2\x80"), "n.txt:1:1: control character U+0080"},
        {LIT("青山\xef\xbf\xbe"), "n.txt:1:3: control character U+FFFE"},
        {LIT("青山\xef\xbf\xbf"), "n.txt:1:3: control character U+FFFF"},
#undef LIT
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        zb_plan *plan = zb_plan_new();
        assert_int_equal(zb_plan_set_meta(plan, ZB_META_TITLE, "旧标题"), ZB_OK);
        zb_findings *r = NULL;
        assert_int_equal(zb_import_text_string(plan, cases[k].text, cases[k].len, "n.txt", NULL, &r), ZB_ERR_ENCODING);
        if (!strstr(zb_errmsg(plan), cases[k].message))
            fail_msg("case %zu: %s", k, zb_errmsg(plan));
        assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "旧标题");
        assert_int_equal(zb_findings_error_count(r), 1);
        assert_string_equal(zb_findings_code(r, 0), "encoding");
        zb_findings_free(r);
        zb_plan_free(plan);
    }
    /* Tabs, form and vertical feeds are layout; U+00A0 and U+FFFD are text. */
    const char *ok = "青山县工作要点\f\n一、任务\v1.做事\xc2\xa0\xef\xbf\xbd。\t(责任单位:县经信局)\n";
    zb_plan *plan = import_string(ok, ZB_OK, NULL);
    assert_string_equal(zb_plan_task_duty_responsible(plan, 0, 0, 0), "县经信局");
    zb_plan_free(plan);
}

/* ---- helpers, table-driven ---------------------------------------------------------- */

static void test_headings(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int level;
        const char *number;
    } cases[] = {
        {"一、主要目标", 1, "一"},      {"十二、其他", 1, "十二"},     {"(一)深化", 2, "(一)"},
        {"（三）提升", 2, "(三)"},      {"1.全面落实", 3, "1"},       {"12．推进", 3, "12"},
        {"3、加快", 3, "3"},            {"（1）细则", 4, "(1)"},      {"(２)全角", 4, "(2)"},
        {"１．全角数字", 3, "1"},       {"3.5%的增长", 0, ""},        {"2024年,力争", 0, ""},
        {"①实施计划", 4, "①"},        {"⑳最后一项", 4, "⑳"},
        {"一是加强", 0, ""},            {"(此件公开发布)", 0, ""},    {"1234.太长", 0, ""},
        {"", 0, ""},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        char number[32];
        size_t marker = 0;
        int level = zb_imp_heading(cases[k].text, &marker, number);
        if (level != cases[k].level || strcmp(number, cases[k].number) != 0)
            fail_msg("%s: level %d number %s", cases[k].text, level, number);
    }
}

static void test_dates(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int ymd; /* 0 = not a date line */
    } cases[] = {
        {"2022年3月24日", 20220324},   {" 2022 年 3 月 24 日 ", 20220324}, {"二〇二二年三月二十四日", 20220324},
        {"二〇二五年十二月三十一日", 20251231}, {"2024-05-31", 20240531}, {"2024/5/3", 20240503},
        {"2024.05.31", 20240531},      {"2023年2月29日", 0},              {"2022年3月24日印发", 0},
        {"到2023年", 0},               {"2022年13月1日", 0},              {"", 0},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        zb_date d = {0, 0, 0};
        int ok = zb_imp_date_line(cases[k].text, &d);
        int got = ok ? d.year * 10000 + d.month * 100 + d.day : 0;
        if (got != cases[k].ymd)
            fail_msg("%s: %d", cases[k].text, got);
    }
}

static void test_notes_parsing(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t count;
        const char *units; /* of the last note */
        const char *note;
    } cases[] = {
        {"做事。(责任单位:县经信局、县发改局)", 1, "县经信局、县发改局", ""},
        {"做事。（责任单位：县经信局）", 1, "县经信局", ""},
        {"做事。( 责任单位 : 县经信局)", 1, "县经信局", ""},
        {"做事。（牵头单位：县发改局；配合单位：县经信局、县财政局）", 1, "县发改局、县经信局、县财政局", ""},
        {"做事。（配合单位：县财政局；牵头单位：县发改局）", 1, "县发改局、县财政局", ""},
        {"做事。(责任单位:县经信局,各乡镇配合)", 1, "县经信局、各乡镇", "各乡镇配合"},
        {"做事。(责任单位:县经信局,列第一位的为牵头单位,下同)", 1, "县经信局", "列第一位的为牵头单位,下同"},
        {"做事。(责任单位:各乡镇（街道）)", 1, "各乡镇（街道）", ""},
        {"做事。(责任单位:县“低散乱污”整治办)", 1, "县“低散乱污”整治办", ""},
        {"做事。(责任单位:县经信局)再做。(责任单位:县商务局)", 2, "县商务局", ""},
        {"做事。责任单位：县经信局、县发改局", 1, "县经信局、县发改局", ""},
        {"做事。(责任单位:县经信局", 1, "县经信局", ""}, /* unclosed */
        {"明确责任单位：县经信局", 0, "", ""},            /* a word in a sentence */
        {"“(责任单位:县经信局)”", 0, "", ""},             /* quoted */
        {"(此件公开发布)", 0, "", ""},
        {"做事。(责任单位:)", 1, "", ""},
        {"做事。（由县发改局负责）", 1, "县发改局", ""},
        {"做事。（县经信局牵头，县发改局、县科技局配合）", 1, "县经信局、县发改局、县科技局", ""},
        {"做事。【牵头单位：县经信局；责任单位：县发改局】", 1, "县经信局、县发改局", ""},
        {"做事。（含技改投资）", 0, "", ""},
        {"牵头单位：县经信局、县发改局", 1, "县经信局、县发改局", ""},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        zb_imp_note *notes;
        size_t n;
        assert_int_equal(zb_imp_find_notes(cases[k].text, 0, &notes, &n), 0);
        if (n != cases[k].count)
            fail_msg("%s: %zu notes", cases[k].text, n);
        if (n && (strcmp(notes[n - 1].units, cases[k].units) || strcmp(notes[n - 1].note, cases[k].note)))
            fail_msg("%s: units %s note %s", cases[k].text, notes[n - 1].units, notes[n - 1].note);
        zb_imp_notes_free(notes, n);
    }
}

static void test_targets_parsing(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *name; /* NULL: none found */
        const char *value;
        const char *unit;
        zb_qualifier q;
        int year;
    } cases[] = {
        {"力争新增“小升规”企业62家以上。", "新增“小升规”企业", "62", "家", ZB_QUAL_AT_LEAST, 0},
        {"规上工业增加值增速达到6.5%左右。", "规上工业增加值增速", "6.5", "%", ZB_QUAL_ABOUT, 0},
        {"到2023年,整治提升高耗低效企业400家。", "整治提升高耗低效企业", "400", "家", ZB_QUAL_NONE, 2023},
        {"完成低效用地整治提升2800亩。", "完成低效用地整治提升", "2800", "亩", ZB_QUAL_NONE, 0},
        {"力争营业收入突破450亿元。", "营业收入", "450", "亿元", ZB_QUAL_AT_LEAST, 0},
        {"民间投资比重不低于70%。", "民间投资比重", "70", "%", ZB_QUAL_AT_LEAST, 0},
        {"引进人才不少于20人。", "引进人才", "20", "人", ZB_QUAL_AT_LEAST, 0},
        {"单位能耗控制在５万吨标准煤以内。", "单位能耗", "5", "万吨标准煤", ZB_QUAL_AT_MOST, 0},
        {"每年谋划1项产业链协同创新项目。", "谋划产业链协同创新项目", "1", "项", ZB_QUAL_NONE, 0},
        {"落实“8+4”政策体系。", NULL, NULL, NULL, 0, 0},
        {"落实“省民营经济32条”。", NULL, NULL, NULL, 0, 0},
        {"县十七届政府第3次常务会议。", NULL, NULL, NULL, 0, 0},
        {"实现100%“标准地”模式出让。", NULL, NULL, NULL, 0, 0},
        {"招引10亿元以上制造业项目。", NULL, NULL, NULL, 0, 0},
        {"深入实施“三服务”2.0版。", NULL, NULL, NULL, 0, 0},
        {"全球500强企业。", NULL, NULL, NULL, 0, 0},
        {"2024年5月启动。", NULL, NULL, NULL, 0, 0},
        {"投资(或1亿美元以上)项目。", NULL, NULL, NULL, 0, 0},
        {"建设5G基站。", NULL, NULL, NULL, 0, 0},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        zb_imp_targets t = {0};
        assert_int_equal(zb_imp_find_targets(cases[k].text, ZB_NONE, 1, &t), 0);
        if (!cases[k].name) {
            if (t.count)
                fail_msg("%s: found %s", cases[k].text, t.items[0].name);
        } else {
            if (t.count != 1)
                fail_msg("%s: %zu targets", cases[k].text, t.count);
            zb_imp_target *x = &t.items[0];
            if (strcmp(x->name, cases[k].name) || strcmp(x->value, cases[k].value) || strcmp(x->unit, cases[k].unit) ||
                x->qualifier != cases[k].q || x->year != cases[k].year)
                fail_msg("%s: %s %s %s q%d y%d", cases[k].text, x->name, x->value, x->unit, x->qualifier, x->year);
            assert_string_equal(x->sentence, cases[k].text);
        }
        zb_imp_targets_free(&t);
    }
}

static void test_clean(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
        int changed;
    } cases[] = {
        {"牵\u00a0引\u00a0性", "牵引性", 1},
        {"“ 品字标浙江制造”", "“品字标浙江制造”", 1},
        {"“百工之乡 八婺金匠”", "“百工之乡 八婺金匠”", 0},
        {"  前后空白  ", "前后空白", 0},
        {"附件\u00a02", "附件2", 1},
        {"a  b", "a b", 1},
        {"零\u200b宽", "零宽", 1},
        {"", "", 0},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        int changed = -1;
        char *out = zb_imp_clean(cases[k].in, &changed);
        assert_non_null(out);
        if (strcmp(out, cases[k].out) || changed != cases[k].changed)
            fail_msg("%s: %s (%d)", cases[k].in, out, changed);
        free(out);
    }
}

/* A PDF's text, lines broken at the page width, a number broken across two lines
 * (`15` / `00亩以上`), page numbers: the number is one number again. */
static void test_trial_pdf_broken_number(void **state)
{
    (void)state;
    zb_findings *r = NULL;
    zb_plan *plan = import_trial("county-jihua-pdf.txt", &r);
    assert_string_equal(zb_plan_meta(plan, ZB_META_PLAN_TITLE), "西河县2025年工业稳增长行动计划");
    size_t p = find_prose(plan, "出让工业用地");
    assert_string_equal(zb_plan_prose_target_value_text(plan, p), "1500");
    assert_string_equal(zb_plan_prose_target_unit(plan, p), "亩");
    assert_int_equal(zb_plan_prose_target_qualifier(plan, p), ZB_QUAL_AT_LEAST);
    p = find_prose(plan, "规上工业企业营业收入");
    assert_string_equal(zb_plan_prose_target_value_text(plan, p), "300");
    assert_int_equal(zb_plan_task_count(plan), 4);
    for (size_t t = 0; t < 4; t++)
        assert_true(zb_plan_task_duty_count(plan, t) >= 1);
    assert_int_equal(zb_plan_task_duty_responsible_count(plan, 3, 0), 3);
    assert_int_equal(zb_plan_task_duty_lead_count(plan, 3, 0), 1);
    assert_int_equal(count_code(r, "unplaced"), 0);
    assert_int_equal(count_code(r, "task-no-unit"), 0);
    zb_findings_free(r);
    zb_plan_free(plan);
}

/* A province's 要点 copied from its site: the page's furniture dropped, the header fields
 * kept, the 要点's tasks with their leads. */
static void test_trial_province_web(void **state)
{
    (void)state;
    zb_findings *r = NULL;
    zb_plan *plan = import_trial("province-yaodian-web.txt", &r);
    assert_string_equal(zb_plan_meta(plan, ZB_META_TITLE), "江东省2025年制造业高质量发展工作要点");
    assert_string_equal(zb_plan_meta(plan, ZB_META_DOC_NUMBER), "江东政办发〔2025〕6号");
    assert_string_equal(zb_plan_meta(plan, ZB_META_INDEX_NO), "002482178/2025-00123");
    zb_date d = zb_plan_date(plan, ZB_DATE_PUBLISHED);
    assert_int_equal(d.year * 10000 + d.month * 100 + d.day, 20250220);
    d = zb_plan_date(plan, ZB_DATE_ISSUED);
    assert_int_equal(d.year * 10000 + d.month * 100 + d.day, 20250218);
    assert_int_equal(zb_plan_recipient_count(plan), 2);
    assert_int_equal(zb_plan_task_count(plan), 3);
    assert_string_equal(zb_plan_task_duty_responsible(plan, 0, 0, 0), "省工业和信息化厅");
    assert_int_equal(zb_plan_task_duty_responsible_count(plan, 0, 0), 3);
    assert_int_equal(zb_plan_task_duty_responsible_count(plan, 2, 0), 2);
    size_t p = find_prose(plan, "全省规上工业增加值增长");
    assert_string_equal(zb_plan_prose_target_value_text(plan, p), "6.5");
    assert_int_equal(zb_plan_prose_target_qualifier(plan, p), ZB_QUAL_ABOUT);
    assert_int_equal(count_code(r, "unplaced"), 0);
    /* The page gives the 要点's title, not the notice's: the notice and the 要点 are read as
     * one, and the report says so. */
    assert_string_equal(zb_plan_meta(plan, ZB_META_PLAN_TITLE), "");
    assert_int_equal(count_code(r, "notice-untitled"), 1);
    zb_findings_free(r);
    zb_plan_free(plan);
}

/* A city's 实施方案 whose 附件 table was pasted as a pipe table (`| 序号 | 指标名称 | … |`, a
 * rule `|---|` under the header): read as the rows of cells it is. */
static void test_trial_pipe_table(void **state)
{
    (void)state;
    zb_findings *r = NULL;
    zb_plan *plan = import_trial("city-shishi-fangan-pipes.txt", &r);
    assert_string_equal(zb_plan_meta(plan, ZB_META_PLAN_TITLE), "南湖市数字经济高质量发展实施方案");
    assert_int_equal(zb_plan_task_count(plan), 3);
    assert_int_equal(zb_plan_task_duty_lead_count(plan, 2, 0), 1);
    assert_string_equal(zb_plan_task_duty_responsible(plan, 2, 0, 1), "各县（市、区）人民政府");
    assert_int_equal(zb_plan_indicator_count(plan), 4);
    size_t i = zb_plan_find_indicator(plan, 1);
    assert_string_equal(zb_plan_indicator_name(plan, i), "数字经济核心产业增加值");
    assert_string_equal(zb_plan_indicator_unit(plan, i), "亿元");
    assert_string_equal(zb_plan_indicator_base_text(plan, i), "420");
    assert_int_equal(zb_plan_indicator_target_count(plan, i), 2);
    assert_string_equal(zb_plan_indicator_target_text(plan, i), "600以上"); /* the last year's */
    i = zb_plan_find_indicator(plan, 4);
    assert_string_equal(zb_plan_indicator_name(plan, i), "5G基站数");
    assert_string_equal(zb_plan_indicator_responsible(plan, i, 0), "市通管办");
    assert_int_equal(count_code(r, "empty-table"), 0);
    assert_int_equal(count_code(r, "unplaced"), 0);
    zb_findings_free(r);
    zb_plan_free(plan);
}

/* check on a deliberately misread import names the problem: each fixture imported with a
 * form of the importer switched off gives the finding that says so, and none without. */
static void test_check_names_a_misread(void **state)
{
    (void)state;
    static const struct {
        const char *file;
        unsigned off;
        const char *code;
        const char *words; /* in the message */
    } cases[] = {
        {"city-yaodian-bullets.txt", ZB_IMP_OFF_NOTE_FORMS, "task-no-unit", "none of the 7 tasks"},
        {"province-yaodian-web.txt", ZB_IMP_OFF_NOTE_FORMS, "unit-name", "brackets do not pair up"},
        {"province-yaodian-web.txt", ZB_IMP_OFF_NOTE_FORMS, "note-in-text", "牵头单位"},
        {"town-yaodian-word.txt", ZB_IMP_OFF_NOTE_FORMS, "note-in-text", "责任领导"},
        {"province-gazette-pdf.txt", ZB_IMP_OFF_NOTE_FORMS, "task-no-unit", "no task was read"},
        {"kaifaqu-yaodian-pdf.txt", ZB_IMP_OFF_NOTE_FORMS, "note-units", "lists units the item does not name"},
        {"province-yaodian-web.txt", ZB_IMP_OFF_TABLES, "empty-table", "names a target table"},
        {"kaifaqu-jihua-word.txt", ZB_IMP_OFF_TABLES, "table-as-text", "reads as a table"},
        {"province-qingdan-tab.txt", ZB_IMP_OFF_TABLES, "table-as-text", "rows of cells separated by tabs"},
        {"city-fangan-units.txt", ZB_IMP_OFF_FURNITURE, "unit-name", "web page's furniture"},
        {"county-jihua-glued.txt", ZB_IMP_OFF_TITLE, "title-banner", "an organ's name alone"},
        {"province-yaodian-web.txt", ZB_IMP_OFF_TITLE | ZB_IMP_OFF_FURNITURE, "title-banner", "banner"},
        {"county-fangan-pdf.txt", ZB_IMP_OFF_TITLE, "title-banner", "masthead"},
    };
    for (size_t k = 0; k < COUNT(cases); k++) {
        char rel[256];
        snprintf(rel, sizeof rel, "import/%s", cases[k].file);
        char *path = path_in("ZB_TEST_DATA", rel);
        if (!path)
            skip();
        char *text;
        size_t len;
        zb_error err;
        assert_int_equal(zb_read_file(path, &text, &len, &err), ZB_OK);
        for (int misread = 0; misread < 2; misread++) {
            zb_plan *plan = zb_plan_new();
            zb_findings *r = NULL;
            zb_status st = zb_imp_run(plan, text, len, cases[k].file, NULL, misread ? cases[k].off : 0, &r);
            if (st)
                fail_msg("%s: %s", cases[k].file, zb_errmsg(plan));
            zb_findings *v;
            assert_int_equal(zb_plan_validate(plan, &v), ZB_OK);
            int found = has_message(v, cases[k].code, cases[k].words);
            if (found != misread) {
                for (size_t i = 0; i < zb_findings_count(v); i++)
                    if (zb_findings_severity(v, i) == ZB_SEV_WARNING)
                        fprintf(stderr, "  %s: %s [%s]\n", zb_findings_location(v, i), zb_findings_message(v, i),
                                zb_findings_code(v, i));
                fail_msg("%s (switches %u): %s %s", cases[k].file, misread ? cases[k].off : 0, cases[k].code,
                         misread ? "not found" : "found in the right reading");
            }
            /* The import's verdict says it too. */
            if (misread)
                assert_true(has_message(r, "verdict", cases[k].code));
            else
                assert_true(has_message(r, "verdict", "read completely"));
            zb_findings_free(v);
            zb_findings_free(r);
            zb_plan_free(plan);
        }
        free(text);
        free(path);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tonglu_seed),
        cmocka_unit_test(test_wuyi_seed),
        cmocka_unit_test(test_lead_and_cooperating),
        cmocka_unit_test(test_full_and_half_width),
        cmocka_unit_test(test_heading_with_note),
        cmocka_unit_test(test_collective_units),
        cmocka_unit_test(test_notes_kept),
        cmocka_unit_test(test_dirt),
        cmocka_unit_test(test_table_units_text),
        cmocka_unit_test(test_notice),
        cmocka_unit_test(test_gbk),
        cmocka_unit_test(test_nothing_recognisable),
        cmocka_unit_test(test_errors_keep_the_plan),
        cmocka_unit_test(test_unplaced_and_strict),
        cmocka_unit_test(test_line_ends_and_bom),
        cmocka_unit_test(test_controls_refused),
        cmocka_unit_test(test_headings),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_notes_parsing),
        cmocka_unit_test(test_targets_parsing),
        cmocka_unit_test(test_clean),
        cmocka_unit_test(test_trial_pdf_broken_number),
        cmocka_unit_test(test_trial_province_web),
        cmocka_unit_test(test_trial_pipe_table),
        cmocka_unit_test(test_check_names_a_misread),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
