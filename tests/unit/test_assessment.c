/* The annual assessment (zb_xlsx_write_assessment): arguments and options, each
 * indicator's score under both rules (formulas with their cached values), the caps, the
 * units' totals, rates and ranks (ties share a rank, the next one skips), the listing
 * order, the rule stated under the title, and the same bytes for the same data. */
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
    if (zbt_tmpdir(f->dir, sizeof f->dir, "assess") != 0) {
        free(f);
        return -1;
    }
    zbt_path(f->dir, "a.xlsx", f->path, sizeof f->path);
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

static void add(zb_plan *plan, int seq, const char *name, const char *target, zb_kind kind,
                double weight, const char *responsible)
{
    zb_indicator_def d;
    memset(&d, 0, sizeof d);
    d.seq = seq;
    d.category = "类别";
    d.name = name;
    d.target = target;
    d.kind = kind;
    d.direction = ZB_DIR_HIGHER;
    d.weight = weight;
    d.responsible = responsible;
    assert_int_equal(zb_plan_add_indicator(plan, &d, NULL), ZB_OK);
}

/* At 2024-12, with the default proportional rule and cap 1.2:
 *   1 乙 cumulative 100/100, weight 2   已完成  2 × 1.0  = 2
 *   2 甲 cumulative 15/10               已完成  1 × 1.2  = 1.2 (capped from 1.5)
 *   3 丙 cumulative 5/10                滞后    1 × 0.5  = 0.5
 *   4 甲 rate 7 vs 6.5                  达标    1
 *   5 丁 level 70 vs 74.5               未达标  0
 *   6 丁 cumulative, no actual          未报送  0
 *   7 no lead, cumulative 4/4           已完成  1
 * Units: 甲 2.2/2 = 110%, 乙 2/2 = 100%, 丙 0.5/1 = 50%, 丁 0/2 = 0%. */
static void fill(zb_plan *plan)
{
    zb_date issued = {2024, 2, 20};
    assert_int_equal(zb_plan_set_years(plan, 2024, 2024), ZB_OK);
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_ORGAN, "桐庐县经济和信息化局"), ZB_OK);
    assert_int_equal(zb_plan_set_date(plan, ZB_DATE_ISSUED, issued), ZB_OK);
    add(plan, 1, "新增“小升规”企业(家)", "100", ZB_KIND_CUMULATIVE, 2, "乙");
    add(plan, 2, "完成技术改造投资(亿元)", "10", ZB_KIND_CUMULATIVE, 0, "甲、乙");
    add(plan, 3, "培育未来工厂(家)", "10", ZB_KIND_CUMULATIVE, 0, "丙");
    add(plan, 4, "规上工业增加值增速(%)", "6.5", ZB_KIND_RATE, 0, "甲");
    add(plan, 5, "高新技术产业增加值占比(%)", "74.5", ZB_KIND_LEVEL, 0, "丁");
    add(plan, 6, "新增专精特新中小企业(家)", "20", ZB_KIND_CUMULATIVE, 1, "丁");
    add(plan, 7, "=SUM(1,2)", "4", ZB_KIND_CUMULATIVE, 0, NULL);
    const struct {
        int seq;
        double value;
    } actuals[] = {{1, 100}, {2, 15}, {3, 5}, {4, 7}, {5, 70}, {7, 4}};
    for (size_t k = 0; k < sizeof actuals / sizeof actuals[0]; k++)
        assert_int_equal(zb_plan_add_actual(plan, actuals[k].seq, "2024-12", actuals[k].value, NULL),
                         ZB_OK);
    assert_int_equal(zb_plan_add_actual(plan, 6, "2024-06", 8, NULL), ZB_OK); /* not December */
}


static void assert_number(const char *sheet, const sst *t, const char *ref, double want)
{
    double got = cell_number(sheet, t, ref);
    if (fabs(got - want) > 1e-12)
        fail_msg("%s: want %.17g, got %.17g", ref, want, got);
}

/* A ranking row: unit, 指标数, 权重合计, 得分合计, 得分率 (a formula) and 排名 (0: blank). */
static void assert_rank_row(const book *b, int row, const char *unit, double count, double weight,
                            double score, int rank)
{
    char ref[16];
    snprintf(ref, sizeof ref, "A%d", row);
    assert_text(b->sheet2, &b->sst, ref, unit);
    snprintf(ref, sizeof ref, "B%d", row);
    assert_number(b->sheet2, &b->sst, ref, count);
    snprintf(ref, sizeof ref, "C%d", row);
    assert_number(b->sheet2, &b->sst, ref, weight);
    snprintf(ref, sizeof ref, "D%d", row);
    assert_number(b->sheet2, &b->sst, ref, score);
    snprintf(ref, sizeof ref, "E%d", row);
    cell c = get_cell(b->sheet2, &b->sst, ref);
    char formula[32];
    snprintf(formula, sizeof formula, "D%d/C%d", row, row);
    assert_string_equal(c.formula, formula);
    assert_number(b->sheet2, &b->sst, ref, score / weight);
    snprintf(ref, sizeof ref, "F%d", row);
    if (rank)
        assert_number(b->sheet2, &b->sst, ref, rank);
    else
        assert_false(get_cell(b->sheet2, &b->sst, ref).present);
}

/* ---- arguments and options ----------------------------------------------------------- */

static void test_arguments(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    zb_error err;
    memset(&err, 0x55, sizeof err);
    assert_int_equal(zb_xlsx_write_assessment(NULL, "2024-12", f->path, NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(err.code, ZB_ERR_ARGUMENT);
    assert_int_equal(zb_xlsx_write_assessment(f->plan, NULL, f->path, NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", NULL, NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", "", NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12-31", f->path, NULL, &err), ZB_ERR_VALUE);
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2025-12", f->path, NULL, &err), ZB_ERR_VALUE);

    zb_assessment_options o;
    memset(&o, 0, sizeof o);
    o.scoring = (zb_scoring)7;
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", f->path, &o, &err), ZB_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "scoring"));
    const double caps[] = {0.5, -1, NAN, INFINITY, 1000};
    for (size_t k = 0; k < sizeof caps / sizeof caps[0]; k++) {
        memset(&o, 0, sizeof o);
        o.cap = caps[k];
        assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", f->path, &o, &err), ZB_ERR_ARGUMENT);
        assert_non_null(strstr(err.message, "cap"));
    }
    memset(&o, 0, sizeof o);
    o.title = "\xc3";
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", f->path, &o, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zbt_files_in(f->dir), 0);

    memset(&err, 0x55, sizeof err);
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", f->path, NULL, &err), ZB_OK);
    assert_int_equal(err.code, ZB_OK);
    assert_string_equal(err.message, "");
    assert_int_equal(zbt_files_in(f->dir), 1);
}

/* ---- scores and ranks ---------------------------------------------------------------- */

static void test_proportional(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", f->path, NULL, NULL), ZB_OK);
    book b;
    book_open(&b, f->path);
    const char *s = b.sheet1;
    const sst *t = &b.sst;
    assert_non_null(strstr(b.workbook, "name=\"指标得分\""));
    assert_non_null(strstr(b.workbook, "name=\"单位排名\""));
    assert_text(s, t, "A1", "2024年度指标考核结果");
    assert_non_null(strstr(get_cell(s, t, "A2").text, "比例计分，超额完成按120%封顶"));
    static const char *const heads[] = {"序号", "指标名称", "牵头单位", "权重", "状态", "完成率", "得分", "说明"};
    for (int c = 0; c < 8; c++) {
        char ref[8];
        snprintf(ref, sizeof ref, "%c3", 'A' + c);
        assert_text(s, t, ref, heads[c]);
    }

    static const char *const status[] = {"已完成", "已完成", "滞后", "达标", "未达标", "未报送", "已完成"};
    static const double weight[] = {2, 1, 1, 1, 1, 1, 1};
    static const double score[] = {2, 1.2, 0.5, 1, 0, 0, 1};
    static const char *const lead[] = {"乙", "甲", "丙", "甲", "丁", "丁", ""};
    for (int i = 0; i < 7; i++) {
        char ref[8];
        int r = 4 + i;
        snprintf(ref, sizeof ref, "E%d", r);
        assert_text(s, t, ref, status[i]);
        snprintf(ref, sizeof ref, "D%d", r);
        assert_number(s, t, ref, weight[i]);
        snprintf(ref, sizeof ref, "G%d", r);
        assert_number(s, t, ref, score[i]);
        snprintf(ref, sizeof ref, "C%d", r);
        if (*lead[i])
            assert_text(s, t, ref, lead[i]);
        else
            assert_false(get_cell(s, t, ref).present);
    }
    /* Cumulative scores multiply the weight by the completion, capped; the rest count the
     * status. */
    assert_string_equal(get_cell(s, t, "G5").formula, "D5*MAX(0,MIN(F5,1.2))");
    assert_number(s, t, "F5", 1.5);
    assert_string_equal(get_cell(s, t, "G7").formula, "IF(OR(E7=\"已完成\",E7=\"达标\"),D7,0)");
    assert_false(get_cell(s, t, "F7").present); /* a rate has no completion */
    assert_string_equal(get_cell(s, t, "G9").formula, "IF(OR(E9=\"已完成\",E9=\"达标\"),D9,0)");
    /* A name that looks like a formula is text. */
    assert_text(s, t, "B10", "=SUM(1,2)");
    assert_null(strstr(s, "<f>SUM(1,2)"));
    /* 合计. */
    assert_text(s, t, "A11", "合计");
    assert_string_equal(get_cell(s, t, "D11").formula, "SUM(D4:D10)");
    assert_number(s, t, "D11", 8);
    assert_string_equal(get_cell(s, t, "G11").formula, "SUM(G4:G10)");
    assert_number(s, t, "G11", 5.7);

    /* 甲 110%, 乙 100%, 丙 50%, 丁 0%; the indicator without a lead unranked, then 合计. */
    assert_text(b.sheet2, t, "A1", "2024年度指标考核结果");
    assert_text(b.sheet2, t, "A3", "牵头单位");
    assert_text(b.sheet2, t, "F3", "排名");
    assert_rank_row(&b, 4, "甲", 2, 2, 2.2, 1);
    assert_rank_row(&b, 5, "乙", 1, 2, 2, 2);
    assert_rank_row(&b, 6, "丙", 1, 1, 0.5, 3);
    assert_rank_row(&b, 7, "丁", 2, 2, 0, 4);
    assert_rank_row(&b, 8, "未明确牵头单位", 1, 1, 1, 0);
    assert_rank_row(&b, 9, "合计", 7, 8, 5.7, 0);

    /* Print setup as the other tables: header repeated, landscape scores, portrait ranking. */
    assert_non_null(strstr(s, "orientation=\"landscape\""));
    assert_non_null(strstr(b.sheet2, "orientation=\"portrait\""));
    assert_non_null(strstr(b.workbook, "'指标得分'!$3:$3"));
    assert_non_null(strstr(b.workbook, "'单位排名'!$3:$3"));
    assert_non_null(strstr(b.sheet2, "<oddFooter>&amp;C— &amp;P —</oddFooter>"));
    book_close(&b);
}

/* All or nothing: done or met earns the weight. Equal rates share a rank and the next rank
 * skips; equals are listed in the order their units first appear. */
static void test_all_or_nothing(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    zb_assessment_options o;
    memset(&o, 0, sizeof o);
    o.scoring = ZB_SCORING_ALL_OR_NOTHING;
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", f->path, &o, NULL), ZB_OK);
    book b;
    book_open(&b, f->path);
    assert_non_null(strstr(get_cell(b.sheet1, &b.sst, "A2").text, "完成即得分"));
    assert_null(strstr(get_cell(b.sheet1, &b.sst, "A2").text, "封顶"));
    assert_number(b.sheet1, &b.sst, "G5", 1);
    assert_number(b.sheet1, &b.sst, "G6", 0);
    assert_string_equal(get_cell(b.sheet1, &b.sst, "G5").formula,
                        "IF(OR(E5=\"已完成\",E5=\"达标\"),D5,0)");
    assert_rank_row(&b, 4, "乙", 1, 2, 2, 1);
    assert_rank_row(&b, 5, "甲", 2, 2, 2, 1);
    assert_rank_row(&b, 6, "丙", 1, 1, 0, 3);
    assert_rank_row(&b, 7, "丁", 2, 2, 0, 3);
    book_close(&b);
}

/* zb_xlsx_assessment_score gives the 得分 the workbook writes, row by row, under each rule. */
static void test_score_function(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    zb_progress *pr = NULL;
    assert_int_equal(zb_progress_evaluate(f->plan, "2024-12", NULL, &pr, NULL), ZB_OK);
    static const double proportional[] = {2, 1.2, 0.5, 1, 0, 0, 1};
    static const double all_or_nothing[] = {2, 1, 0, 1, 0, 0, 1};
    static const double capped_15[] = {2, 1.5, 0.5, 1, 0, 0, 1};
    zb_assessment_options o;
    memset(&o, 0, sizeof o);
    for (size_t i = 0; i < 7; i++) {
        assert_float_equal(zb_xlsx_assessment_score(f->plan, pr, i, NULL), proportional[i], 1e-12);
        o.scoring = ZB_SCORING_ALL_OR_NOTHING;
        o.cap = 0;
        assert_float_equal(zb_xlsx_assessment_score(f->plan, pr, i, &o), all_or_nothing[i], 1e-12);
        o.scoring = ZB_SCORING_PROPORTIONAL;
        o.cap = 1.5;
        assert_float_equal(zb_xlsx_assessment_score(f->plan, pr, i, &o), capped_15[i], 1e-12);
    }
    /* What the writer refuses, and bad arguments: NaN. */
    assert_true(isnan(zb_xlsx_assessment_score(f->plan, pr, 7, NULL)));
    assert_true(isnan(zb_xlsx_assessment_score(NULL, pr, 0, NULL)));
    assert_true(isnan(zb_xlsx_assessment_score(f->plan, NULL, 0, NULL)));
    o.cap = 0.5;
    assert_true(isnan(zb_xlsx_assessment_score(f->plan, pr, 0, &o)));
    o.cap = 0;
    o.scoring = (zb_scoring)9;
    assert_true(isnan(zb_xlsx_assessment_score(f->plan, pr, 0, &o)));
    zb_progress_free(pr);
}

static void test_cap_and_title(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    zb_assessment_options o;
    memset(&o, 0, sizeof o);
    o.cap = 1.5;
    o.title = "桐庐县2024年度考核";
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", f->path, &o, NULL), ZB_OK);
    book b;
    book_open(&b, f->path);
    assert_text(b.sheet1, &b.sst, "A1", "桐庐县2024年度考核");
    assert_non_null(strstr(get_cell(b.sheet1, &b.sst, "A2").text, "按150%封顶"));
    assert_string_equal(get_cell(b.sheet1, &b.sst, "G5").formula, "D5*MAX(0,MIN(F5,1.5))");
    assert_number(b.sheet1, &b.sst, "G5", 1.5);
    book_close(&b);

    /* Cap 1: no credit beyond the target. */
    o.cap = 1;
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", f->path, &o, NULL), ZB_OK);
    book_open(&b, f->path);
    assert_number(b.sheet1, &b.sst, "G5", 1);
    assert_non_null(strstr(get_cell(b.sheet1, &b.sst, "A2").text, "按100%封顶"));
    book_close(&b);
}

/* Rates that are equal in value but summed in another order still tie. */
static void test_tie_by_value(void **state)
{
    fixture *f = *state;
    assert_int_equal(zb_plan_set_years(f->plan, 2024, 2024), ZB_OK);
    /* 甲: 0.1 + 0.2 over weight 2 … 乙: 0.3 over 2 with a zero beside it. */
    add(f->plan, 1, "甲一(家)", "10", ZB_KIND_CUMULATIVE, 0, "甲");
    add(f->plan, 2, "甲二(家)", "10", ZB_KIND_CUMULATIVE, 0, "甲");
    add(f->plan, 3, "乙一(家)", "10", ZB_KIND_CUMULATIVE, 0, "乙");
    add(f->plan, 4, "乙二(家)", "10", ZB_KIND_CUMULATIVE, 0, "乙");
    assert_int_equal(zb_plan_add_actual(f->plan, 1, "2024-12", 1, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(f->plan, 2, "2024-12", 2, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(f->plan, 3, "2024-12", 3, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(f->plan, 4, "2024-12", 0, NULL), ZB_OK);
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", f->path, NULL, NULL), ZB_OK);
    book b;
    book_open(&b, f->path);
    assert_text(b.sheet2, &b.sst, "A4", "甲");
    assert_number(b.sheet2, &b.sst, "F4", 1);
    assert_text(b.sheet2, &b.sst, "A5", "乙");
    assert_number(b.sheet2, &b.sst, "F5", 1);
    book_close(&b);
}

static void test_deterministic(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char a[700], b[700];
    zbt_path(f->dir, "x.xlsx", a, sizeof a);
    zbt_path(f->dir, "y.xlsx", b, sizeof b);
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", a, NULL, NULL), ZB_OK);
    sleep(1);
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", b, NULL, NULL), ZB_OK);
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
    assert_non_null(strstr(core, ">2024-02-20T00:00:00Z<"));
    assert_non_null(strstr(core, "<dc:title>2024年度指标考核结果</dc:title>"));
    free(core);
}

static void test_empty_plan(void **state)
{
    fixture *f = *state;
    assert_int_equal(zb_plan_set_years(f->plan, 2024, 2024), ZB_OK);
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", f->path, NULL, NULL), ZB_OK);
    book b;
    book_open(&b, f->path);
    assert_text(b.sheet1, &b.sst, "A4", "合计");
    assert_number(b.sheet1, &b.sst, "G4", 0);
    assert_text(b.sheet2, &b.sst, "A4", "合计");
    book_close(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_proportional, setup, teardown),
        cmocka_unit_test_setup_teardown(test_all_or_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_score_function, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cap_and_title, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tie_by_value, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_plan, setup, teardown),
    };
    return cmocka_run_group_tests_name("assessment", tests, NULL, NULL);
}
