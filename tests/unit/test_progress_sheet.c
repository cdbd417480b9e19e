/* The monitoring workbook (zb_xlsx_write_progress): arguments and errors, the cells as the
 * evaluation gives them (statuses, completion formulas with their cached values, the time
 * schedule), conditional formats, filter, panes, print setup, the summary's counts and
 * chart, text never read as a formula, the same bytes for the same data. The demo
 * workbook as a reader sees it is checked by tests/golden/test_progress.py. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>

#include "support.h"
#include "xlsx_reader.h"
#include "zhibiao.h"


/* ---- fixtures ------------------------------------------------------------------------ */

typedef struct fixture {
    char dir[256];
    char path[600];
    zb_plan *plan;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    if (zbt_tmpdir(f->dir, sizeof f->dir, "progress") != 0) {
        free(f);
        return -1;
    }
    zbt_path(f->dir, "p.xlsx", f->path, sizeof f->path);
    f->plan = zb_plan_new();
    if (!f->plan)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    if (zbt_rmtree(f->dir) != 0)
        return -1;
    zb_plan_free(f->plan);
    free(f);
    return 0;
}

static void add(zb_plan *plan, int seq, const char *category, const char *name, const char *target,
                zb_kind kind, zb_direction dir, const char *responsible)
{
    zb_indicator_def d;
    memset(&d, 0, sizeof d);
    d.seq = seq;
    d.category = category;
    d.name = name;
    d.target = target;
    d.kind = kind;
    d.direction = dir;
    d.responsible = responsible;
    assert_int_equal(zb_plan_add_indicator(plan, &d, NULL), ZB_OK);
}

/* Every kind of row, at 2024-06 (schedule 6/12):
 *   1 cumulative 230/450 = 51.1%  超序时   (target in its cell: =E4/D4)
 *   2 cumulative 20/62家 = 32.3%  滞后     (target as text: =E5/62)
 *   3 rate 6.8 vs 6.5             达标
 *   4 level 70 vs 74.5            未达标
 *   5 cumulative 16/15            已完成
 *   6 lower-is-better 0.2 of 0.5  受控     (a cap: no completion rate)
 *   7 a name that looks like a formula, no actual: 未报送
 *   8 no category, no number in the target: 无目标值 */
static void fill(zb_plan *plan)
{
    zb_date issued = {2024, 5, 31};
    assert_int_equal(zb_plan_set_years(plan, 2024, 2024), ZB_OK);
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_TITLE, "桐庐县2024年工作要点"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_ORGAN, "桐庐县经济和信息化局"), ZB_OK);
    assert_int_equal(zb_plan_set_date(plan, ZB_DATE_ISSUED, issued), ZB_OK);
    add(plan, 1, "牵引性指标", "“415X”先进制造业集群规上企业营业收入(亿元)", "450", ZB_KIND_CUMULATIVE,
        ZB_DIR_HIGHER, "县经信局");
    add(plan, 2, "牵引性指标", "新增“小升规”企业(家)", "62家", ZB_KIND_CUMULATIVE, ZB_DIR_HIGHER,
        "县经信局、县统计局");
    add(plan, 3, "推动产业转型升级", "规上工业增加值增速(%)", "6.5", ZB_KIND_RATE, ZB_DIR_HIGHER, "县经信局");
    add(plan, 4, "推动产业转型升级", "高新技术产业增加值占规上工业增加值比重(%)", "74.5", ZB_KIND_LEVEL,
        ZB_DIR_HIGHER, "县科技局");
    add(plan, 5, "推动工业绿色发展", "完成技术改造投资(亿元)", "15", ZB_KIND_CUMULATIVE, ZB_DIR_HIGHER,
        "县发改局");
    add(plan, 6, "推动工业绿色发展", "新增用能总量(万吨标煤)", "0.5", ZB_KIND_CUMULATIVE, ZB_DIR_LOWER,
        "县发改局");
    add(plan, 7, "推动工业绿色发展", "=HYPERLINK(\"http://x\",\"点击\")", "3", ZB_KIND_CUMULATIVE,
        ZB_DIR_HIGHER, "县科技局");
    add(plan, 8, NULL, "营商环境", "见附件", ZB_KIND_LEVEL, ZB_DIR_HIGHER, "");
    const struct {
        int seq;
        double value;
    } actuals[] = {{1, 230}, {2, 20}, {3, 6.8}, {4, 70}, {5, 16}, {6, 0.2}, {8, 5}};
    for (size_t k = 0; k < sizeof actuals / sizeof actuals[0]; k++)
        assert_int_equal(zb_plan_add_actual(plan, actuals[k].seq, "2024-06", actuals[k].value, NULL),
                         ZB_OK);
    /* Another month's value must not leak into June. */
    assert_int_equal(zb_plan_add_actual(plan, 7, "2024-07", 3, NULL), ZB_OK);
}


/* ---- arguments and errors ------------------------------------------------------------ */

static void test_null_arguments(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    zb_error err;
    memset(&err, 0x55, sizeof err);
    assert_int_equal(zb_xlsx_write_progress(NULL, "2024-06", f->path, NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(err.code, ZB_ERR_ARGUMENT);
    assert_true(strlen(err.message) > 0);
    assert_int_equal(zb_xlsx_write_progress(f->plan, NULL, f->path, NULL, &err), ZB_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "period"));
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", NULL, NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", "", NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_xlsx_write_progress(NULL, NULL, NULL, NULL, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zbt_files_in(f->dir), 0);

    memset(&err, 0x55, sizeof err);
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", f->path, NULL, &err), ZB_OK);
    assert_int_equal(err.code, ZB_OK);
    assert_string_equal(err.message, "");
}

static void test_bad_period_and_options(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    zb_error err;
    const char *bad[] = {"2024-13", "2024-06-01", "24-06", "2023-06", "2025-01", "2024-06x", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(zb_xlsx_write_progress(f->plan, bad[i], f->path, NULL, &err), ZB_ERR_VALUE);
        assert_int_equal(err.code, ZB_ERR_VALUE);
    }
    zb_progress_sheet_options o;
    memset(&o, 0, sizeof o);
    o.title = "\xe9\x99"; /* truncated UTF-8 */
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", f->path, &o, &err), ZB_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "title"));
    memset(&o, 0, sizeof o);
    o.font_heading = "\xff";
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", f->path, &o, &err), ZB_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "font_heading"));
    /* Refused calls leave nothing behind. */
    assert_int_equal(zbt_files_in(f->dir), 0);
}

static void test_destination_is_directory(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[700];
    zbt_path(f->dir, "sub", path, sizeof path);
    assert_int_equal(mkdir(path, 0755), 0);
    zb_error err;
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", path, NULL, &err), ZB_ERR_WRITE);
    assert_non_null(strstr(err.message, path));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(zbt_files_in(f->dir), 1);
}

/* ---- what is written ----------------------------------------------------------------- */

static void test_rows(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", f->path, NULL, NULL), ZB_OK);
    book b;
    book_open(&b, f->path);
    const char *s = b.sheet1;
    const sst *t = &b.sst;

    assert_text(s, t, "A1", "2024年6月指标监测表");
    assert_non_null(strstr(get_cell(s, t, "A2").text, "2024年6月底"));
    static const char *const heads[] = {"序号", "类别", "指标名称", "目标值", "本期累计",
                                        "完成率", "序时进度", "状态", "说明", "责任单位"};
    for (int c = 0; c < 10; c++) {
        char ref[8];
        snprintf(ref, sizeof ref, "%c3", 'A' + c);
        assert_text(s, t, ref, heads[c]);
    }

    /* Every status is the evaluation's, with its explanation. */
    zb_progress *pr;
    assert_int_equal(zb_progress_evaluate(f->plan, "2024-06", NULL, &pr, NULL), ZB_OK);
    static const char *const want[] = {"超序时", "滞后", "达标", "未达标", "已完成", "受控", "未报送", "无目标值"};
    for (size_t i = 0; i < 8; i++) {
        char ref[8];
        snprintf(ref, sizeof ref, "H%zu", i + 4);
        assert_text(s, t, ref, zb_standing_label(zb_progress_standing(pr, i)));
        assert_text(s, t, ref, want[i]);
        snprintf(ref, sizeof ref, "I%zu", i + 4);
        assert_text(s, t, ref, zb_progress_explain(pr, i));
    }

    /* 完成率: a live formula with the evaluation's value; blank for rates, levels, missing. */
    cell c = get_cell(s, t, "F4");
    assert_string_equal(c.formula, "E4/D4");
    assert_true(fabs(strtod(c.text, NULL) - 230.0 / 450.0) < 1e-15);
    assert_true(strtod(c.text, NULL) == zb_progress_completion(pr, 0));
    c = get_cell(s, t, "F5");
    assert_string_equal(c.formula, "E5/62");
    assert_true(strtod(c.text, NULL) == 20.0 / 62.0);
    assert_text(s, t, "D5", "62家");
    c = get_cell(s, t, "F8");
    assert_string_equal(c.formula, "E8/D8");
    for (size_t r = 6; r <= 11; r += 1) { /* F9: a cap below its share is not "250% done" */
        if (r == 8)
            continue;
        char ref[8];
        snprintf(ref, sizeof ref, "F%zu", r);
        assert_false(get_cell(s, t, ref).present);
    }
    /* The actual and the schedule; nothing where there is no actual or no schedule. */
    assert_true(cell_number(s, t, "E4") == 230);
    assert_true(cell_number(s, t, "E6") == 6.8);
    assert_false(get_cell(s, t, "E10").present);
    assert_true(cell_number(s, t, "G4") == 0.5);
    assert_false(get_cell(s, t, "G6").present);
    assert_false(get_cell(s, t, "G11").present);
    /* Targets: a plain number stays a number; text stays text. */
    assert_true(cell_number(s, t, "D4") == 450);
    assert_text(s, t, "D11", "见附件");
    assert_text(s, t, "J5", "县经信局、县统计局");
    assert_false(get_cell(s, t, "J11").present); /* no units: a bordered blank */

    /* A name that looks like a formula is text. */
    assert_text(s, t, "C10", "=HYPERLINK(\"http://x\",\"点击\")");
    assert_null(strstr(s, "<f>HYPERLINK"));

    /* 类别 merged over each group of two or more rows. */
    assert_non_null(strstr(s, "<mergeCell ref=\"B4:B5\"/>"));
    assert_non_null(strstr(s, "<mergeCell ref=\"B6:B7\"/>"));
    assert_non_null(strstr(s, "<mergeCell ref=\"B8:B10\"/>"));
    /* A category that wraps is broken into even lines, the same in every program. */
    assert_text(s, t, "B4", "牵引性\n指标");
    zb_progress_free(pr);
    book_close(&b);
}

static void test_sheet_setup(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", f->path, NULL, NULL), ZB_OK);
    book b;
    book_open(&b, f->path);
    const char *s = b.sheet1;
    /* Sheets, filter, panes, print setup. */
    assert_non_null(strstr(b.workbook, "name=\"指标监测\""));
    assert_non_null(strstr(b.workbook, "name=\"汇总\""));
    assert_non_null(strstr(b.workbook, "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'指标监测'!$3:$3<"));
    assert_non_null(strstr(s, "<autoFilter ref=\"A3:J11\"/>"));
    assert_non_null(strstr(s, "ySplit=\"3\" topLeftCell=\"A4\""));
    assert_non_null(strstr(s, "state=\"frozen\""));
    assert_non_null(strstr(s, "paperSize=\"9\""));
    assert_non_null(strstr(s, "orientation=\"landscape\""));
    assert_non_null(strstr(s, "fitToHeight=\"0\""));
    assert_non_null(strstr(s, "<oddFooter>&amp;C— &amp;P —</oddFooter>"));

    /* A colour per status label over the 状态 column; 未达标 before 达标, which it contains. */
    assert_non_null(strstr(s, "<conditionalFormatting sqref=\"H4:H11\">"));
    assert_int_equal(zbt_count(s, "type=\"containsText\""), 7);
    const char *labels[] = {"已完成", "超序时", "滞后", "达标", "未达标", "未报送", "受控"};
    for (size_t k = 0; k < 7; k++) {
        char key[64];
        snprintf(key, sizeof key, "text=\"%s\"", labels[k]);
        assert_non_null(strstr(s, key));
    }
    const char *not_met = strstr(s, "text=\"未达标\""), *met = strstr(s, "text=\"达标\"");
    assert_true(not_met < met);
    char *styles = zbt_unzip_member(f->path, "xl/styles.xml");
    assert_non_null(styles);
    assert_non_null(strstr(styles, "<dxfs count=\"5\">")); /* 已完成 and 达标 share one */
    assert_non_null(strstr(styles, "formatCode=\"0.0%\""));
    free(styles);
    book_close(&b);
}

/* A name in the summary as written (broken into even lines where it wraps), read as one. */
static void assert_name(const char *sheet, const sst *t, const char *ref, const char *want)
{
    cell c = get_cell(sheet, t, ref);
    char flat[sizeof c.text];
    size_t n = 0;
    for (const char *p = c.text; *p; p++)
        if (*p != '\n')
            flat[n++] = *p;
    flat[n] = '\0';
    if (!c.present || !c.is_string || strcmp(flat, want) != 0)
        fail_msg("%s: want \"%s\", got \"%s\"", ref, want, c.present ? c.text : "(empty)");
}

static void test_summary(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", f->path, NULL, NULL), ZB_OK);
    book b;
    book_open(&b, f->path);
    const char *s = b.sheet2;
    const sst *t = &b.sst;

    /* 一、按状态统计: rows 5-12 in the reading order (受控 because one occurs), 合计 on row 13. */
    static const char *const order[] = {"已完成", "超序时", "滞后", "受控", "达标", "未达标", "未报送", "无目标值"};
    static const double counts[] = {1, 1, 1, 1, 1, 1, 1, 1};
    double total = 0;
    for (int k = 0; k < 8; k++) {
        char ref[8];
        snprintf(ref, sizeof ref, "A%d", 5 + k);
        assert_text(s, t, ref, order[k]);
        snprintf(ref, sizeof ref, "B%d", 5 + k);
        assert_true(cell_number(s, t, ref) == counts[k]);
        total += counts[k];
        snprintf(ref, sizeof ref, "C%d", 5 + k);
        assert_true(fabs(cell_number(s, t, ref) - counts[k] / 8) < 1e-12);
    }
    assert_text(s, t, "A13", "合计");
    assert_true(cell_number(s, t, "B13") == total);

    /* 二、按类别统计 from row 15: header on 16, categories from 17, 未分类 last, then 合计;
     * eight standings, so 平均完成率 is column K. */
    assert_text(s, t, "A15", "二、按类别统计");
    assert_text(s, t, "A16", "类别");
    assert_text(s, t, "F16", "受控");
    assert_text(s, t, "K16", "平均完成率");
    assert_name(s, t, "A17", "牵引性指标");
    assert_true(cell_number(s, t, "B17") == 2);
    assert_true(cell_number(s, t, "D17") == 1); /* 超序时 */
    assert_true(cell_number(s, t, "E17") == 1); /* 滞后 */
    assert_true(fabs(cell_number(s, t, "K17") - (230.0 / 450 + 20.0 / 62) / 2) < 1e-12);
    assert_name(s, t, "A18", "推动产业转型升级");
    assert_false(get_cell(s, t, "K18").present); /* rates and levels have no completion */
    assert_name(s, t, "A19", "推动工业绿色发展");
    /* The cap is left out of the average: only 16 / 15 counts. */
    assert_true(fabs(cell_number(s, t, "K19") - 16.0 / 15) < 1e-12);
    assert_text(s, t, "A20", "未分类");
    assert_text(s, t, "A21", "合计");
    assert_true(cell_number(s, t, "B21") == 8);
    /* More than seven standings: the summary turns to landscape. */
    assert_non_null(strstr(s, "orientation=\"landscape\""));

    /* The chart of 平均完成率 by category reads those rows. */
    char *chart = zbt_unzip_member(f->path, "xl/charts/chart1.xml");
    assert_non_null(chart);
    assert_non_null(strstr(chart, "<c:barDir val=\"col\"/>"));
    assert_non_null(strstr(chart, "<c:f>'汇总'!$A$17:$A$20</c:f>"));
    assert_non_null(strstr(chart, "<c:f>'汇总'!$K$17:$K$20</c:f>"));
    assert_non_null(strstr(chart, "平均完成率"));
    free(chart);

    /* 三、按牵头单位统计 after the chart: units in the order first named, 未明确牵头单位 for none. */
    const char *p = strstr(b.strings, "三、按牵头单位统计");
    assert_non_null(p);
    int found = 0;
    for (int r = 21; r < 60 && !found; r++) {
        char ref[8];
        snprintf(ref, sizeof ref, "A%d", r);
        cell c = get_cell(s, t, ref);
        if (c.is_string && strcmp(c.text, "三、按牵头单位统计") == 0) {
            found = 1;
            static const char *const units[] = {"县经信局", "县科技局", "县发改局", "未明确牵头单位", "合计"};
            static const double n[] = {3, 2, 2, 1, 8};
            for (int k = 0; k < 5; k++) {
                snprintf(ref, sizeof ref, "A%d", r + 2 + k);
                assert_name(s, t, ref, units[k]);
                snprintf(ref, sizeof ref, "B%d", r + 2 + k);
                assert_true(cell_number(s, t, ref) == n[k]);
            }
        }
    }
    assert_true(found);
    book_close(&b);
}

static void test_deterministic(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char a[700], b[700];
    zbt_path(f->dir, "a.xlsx", a, sizeof a);
    zbt_path(f->dir, "b.xlsx", b, sizeof b);
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", a, NULL, NULL), ZB_OK);
    sleep(1); /* a clock in the file would show now */
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", b, NULL, NULL), ZB_OK);
    size_t la, lb;
    char *da = zbt_slurp(a, &la), *db = zbt_slurp(b, &lb);
    assert_non_null(da);
    assert_non_null(db);
    assert_int_equal(la, lb);
    assert_memory_equal(da, db, la);
    free(da);
    free(db);
    char *core = zbt_unzip_member(a, "docProps/core.xml");
    assert_non_null(core);
    assert_non_null(strstr(core, ">2024-05-31T00:00:00Z<"));
    assert_non_null(strstr(core, "<dc:title>2024年6月指标监测表</dc:title>"));
    assert_non_null(strstr(core, "<dc:creator>桐庐县经济和信息化局</dc:creator>"));
    free(core);
}

static void test_options(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    zb_progress_sheet_options o;
    memset(&o, 0, sizeof o);
    o.title = "=桐庐县2024年上半年指标监测";
    o.font_body = "宋体";
    o.font_title = "黑体";
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", f->path, &o, NULL), ZB_OK);
    book b;
    book_open(&b, f->path);
    assert_text(b.sheet1, &b.sst, "A1", "=桐庐县2024年上半年指标监测");
    assert_text(b.sheet2, &b.sst, "A1", "=桐庐县2024年上半年指标监测");
    char *styles = zbt_unzip_member(f->path, "xl/styles.xml");
    assert_non_null(styles);
    assert_non_null(strstr(styles, "<name val=\"宋体\"/>"));
    free(styles);
    book_close(&b);

    /* The tolerance of 左右 reaches the evaluation: 6.2 is within 0.5 points of 6.5, not 0.2. */
    zb_plan *plan = zb_plan_new();
    assert_non_null(plan);
    assert_int_equal(zb_plan_set_years(plan, 2024, 2024), ZB_OK);
    add(plan, 1, "甲", "规上工业增加值增速(%)", "6.5左右", ZB_KIND_RATE, ZB_DIR_HIGHER, "县经信局");
    assert_int_equal(zb_plan_add_actual(plan, 1, "2024-06", 6.2, NULL), ZB_OK);
    zb_progress_options po;
    memset(&po, 0, sizeof po);
    assert_int_equal(zb_xlsx_write_progress(plan, "2024-06", f->path, NULL, NULL), ZB_OK);
    book_open(&b, f->path);
    assert_text(b.sheet1, &b.sst, "H4", "达标");
    book_close(&b);
    po.about_tolerance = 0.2;
    o.progress = &po;
    o.title = NULL;
    assert_int_equal(zb_xlsx_write_progress(plan, "2024-06", f->path, &o, NULL), ZB_OK);
    book_open(&b, f->path);
    assert_text(b.sheet1, &b.sst, "H4", "未达标");
    book_close(&b);
    zb_plan_free(plan);
}

/* A plan with nothing in it still gives a whole workbook (no chart: nothing to draw). */
static void test_empty_plan(void **state)
{
    fixture *f = *state;
    assert_int_equal(zb_plan_set_years(f->plan, 2024, 2024), ZB_OK);
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-03", f->path, NULL, NULL), ZB_OK);
    book b;
    book_open(&b, f->path);
    assert_text(b.sheet1, &b.sst, "A1", "2024年3月指标监测表");
    assert_null(strstr(b.sheet1, "conditionalFormatting"));
    assert_true(cell_number(b.sheet2, &b.sst, "B12") == 0);
    assert_null(strstr(b.sheet2, "<drawing"));
    book_close(&b);
}

/* A multi-year plan: the schedule is the elapsed share of the span. */
static void test_span(void **state)
{
    fixture *f = *state;
    assert_int_equal(zb_plan_set_years(f->plan, 2021, 2023), ZB_OK);
    add(f->plan, 1, "甲", "整治提升高耗低效企业(家)", "400", ZB_KIND_CUMULATIVE, ZB_DIR_HIGHER, "县经信局");
    assert_int_equal(zb_plan_add_actual(f->plan, 1, "2022-06", 180, NULL), ZB_OK);
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2022-06", f->path, NULL, NULL), ZB_OK);
    book b;
    book_open(&b, f->path);
    assert_text(b.sheet1, &b.sst, "A1", "2022年6月指标监测表");
    assert_true(cell_number(b.sheet1, &b.sst, "G4") == 18.0 / 36.0);
    assert_text(b.sheet1, &b.sst, "H4", "滞后");
    book_close(&b);
}

typedef struct job {
    const zb_plan *plan;
    char path[700];
    zb_status st;
} job;

static void *write_job(void *arg)
{
    job *j = arg;
    j->st = zb_xlsx_write_progress(j->plan, "2024-06", j->path, NULL, NULL);
    return NULL;
}

/* Two threads writing from one plan at once give the same bytes. */
static void test_threads(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    job jobs[2];
    pthread_t th[2];
    for (int k = 0; k < 2; k++) {
        jobs[k].plan = f->plan;
        snprintf(jobs[k].path, sizeof jobs[k].path, "%s/t%d.xlsx", f->dir, k);
        assert_int_equal(pthread_create(&th[k], NULL, write_job, &jobs[k]), 0);
    }
    for (int k = 0; k < 2; k++) {
        assert_int_equal(pthread_join(th[k], NULL), 0);
        assert_int_equal(jobs[k].st, ZB_OK);
    }
    size_t la, lb;
    char *da = zbt_slurp(jobs[0].path, &la), *db = zbt_slurp(jobs[1].path, &lb);
    assert_non_null(da);
    assert_non_null(db);
    assert_int_equal(la, lb);
    assert_memory_equal(da, db, la);
    free(da);
    free(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_null_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_period_and_options, setup, teardown),
        cmocka_unit_test_setup_teardown(test_destination_is_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sheet_setup, setup, teardown),
        cmocka_unit_test_setup_teardown(test_summary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_options, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_plan, setup, teardown),
        cmocka_unit_test_setup_teardown(test_span, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
    };
    return cmocka_run_group_tests_name("progress_sheet", tests, NULL, NULL);
}
