/* The bulletin (通报): the generated text (counts and shares, the lagging list, the
 * unreported list, the title's quarter, the date at the end of the period), the chart's
 * geometry, errors (a bad period, an unwritable destination, a character no font has), the
 * same bytes for the same data, and threads sharing a plan and a fontset. The pages as a
 * reader sees them are checked by tests/golden/test_bulletin.py. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "content/content_internal.h"
#include "support.h"
#include "zhibiao.h"

/* ---- fixtures ------------------------------------------------------------------------ */

typedef struct fixture {
    char dir[256];
    zb_plan *plan;
    zb_fontset *fonts;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    if (zbt_tmpdir(f->dir, sizeof f->dir, "bulletin") != 0) {
        free(f);
        return -1;
    }
    f->plan = zb_plan_new();
    f->fonts = zb_fontset_new();
    if (!f->plan || !f->fonts || zb_fontset_load_defaults(f->fonts) != ZB_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    int rc = zbt_rmtree(f->dir);
    zb_plan_free(f->plan);
    zb_fontset_free(f->fonts);
    free(f);
    return rc;
}

static void add(zb_plan *p, int seq, const char *cat, const char *name, const char *target,
                const char *responsible)
{
    zb_indicator_def d;
    memset(&d, 0, sizeof d);
    d.seq = seq;
    d.category = cat;
    d.name = name;
    d.target = target;
    d.responsible = responsible;
    assert_int_equal(zb_plan_add_indicator(p, &d, NULL), ZB_OK);
}

/* Four indicators at 2024-06 (序时进度 50 %): one done, one ahead, one behind, one rate that
 * misses its target. */
static void fill(zb_plan *p)
{
    assert_int_equal(zb_plan_set_meta(p, ZB_META_TITLE, "某县制造业高质量发展2024年工作要点"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_ORGAN, "某县经济和信息化局"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_PRINTER, "某县经济和信息化局办公室"), ZB_OK);
    assert_int_equal(zb_plan_set_years(p, 2024, 2024), ZB_OK);
    zb_date issued = {2024, 3, 1};
    assert_int_equal(zb_plan_set_date(p, ZB_DATE_ISSUED, issued), ZB_OK);
    assert_int_equal(zb_plan_add_recipient(p, "县级有关单位"), ZB_OK);
    assert_int_equal(zb_plan_add_copy_to(p, "县政府办"), ZB_OK);
    add(p, 1, "产业培育", "新增规上企业(家)", "100", "县经信局、县统计局");
    add(p, 2, "产业培育", "完成工业投资(亿元)", "10", "县发改局");
    add(p, 3, "质量效益", "规上工业增加值增速(%)", "6.5以上", "县统计局");
    add(p, 4, "质量效益", "新增技改项目(个)", "10", "县经信局");
    assert_int_equal(zb_plan_add_actual(p, 1, "2024-06", 20, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(p, 2, "2024-06", 12, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(p, 3, "2024-06", 5.2, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(p, 4, "2024-06", 6, NULL), ZB_OK);
}

static void write_old(const char *path)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs("old", fp);
    fclose(fp);
}

static void assert_old(const char *path)
{
    size_t len;
    char *s = zbt_slurp(path, &len);
    assert_non_null(s);
    assert_string_equal(s, "old");
    free(s);
}

static int contains(const char *data, size_t len, const char *what)
{
    size_t n = strlen(what);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(data + i, what, n) == 0)
            return 1;
    return 0;
}

/* The bulletin's content at period, evaluated with the real evaluation. */
static void build(const zb_plan *plan, const char *period, const zb_bulletin_options *o,
                  zb_progress **pr, zb_bulletin *b)
{
    zb_error err;
    zb_status st = zb_progress_evaluate(plan, period, NULL, pr, &err);
    if (st)
        fail_msg("%s", err.message);
    zb_bulletin_options defaults;
    memset(&defaults, 0, sizeof defaults);
    st = zb_bulletin_build(plan, *pr, o ? o : &defaults, b, &err);
    if (st)
        fail_msg("%s", err.message);
}

/* All of the body's text, one block a line. */
static char *body_text(const zb_bulletin *b)
{
    zb_buf out = {0};
    for (size_t i = 0; i < b->body_count; i++) {
        if (b->body[i].text)
            zb_buf_adds(&out, b->body[i].text);
        else if (b->body[i].chart)
            zb_buf_adds(&out, "[figure]");
        zb_buf_addc(&out, '\n');
    }
    return zb_buf_take(&out);
}

/* ---- the text ------------------------------------------------------------------------ */

static void test_quarter(void **state)
{
    (void)state;
    static const int want[] = {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4};
    for (int m = 1; m <= 12; m++)
        assert_int_equal(zb_bulletin_quarter(m), want[m - 1]);
}

static void test_text(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    zb_progress *pr = NULL;
    zb_bulletin b;
    build(f->plan, "2024-06", NULL, &pr, &b);
    /* the year once, not again in the plan's title */
    assert_string_equal(b.title, "关于2024年第二季度某县制造业高质量发展工作要点指标进展情况的通报");
    assert_string_equal(b.attachment_title, "2024年6月指标进展情况表");
    assert_int_equal(b.date.year, 2024);
    assert_int_equal(b.date.month, 6);
    assert_int_equal(b.date.day, 30);
    assert_int_equal(b.counts[ZB_STANDING_DONE], 1);
    assert_int_equal(b.counts[ZB_STANDING_AHEAD], 1);
    assert_int_equal(b.counts[ZB_STANDING_BEHIND], 1);
    assert_int_equal(b.counts[ZB_STANDING_NOT_MET], 1);

    char *text = body_text(&b);
    assert_non_null(text);
    /* The opening names the months and the plan as a document. */
    assert_non_null(strstr(text, "现将2024年1—6月《某县制造业高质量发展2024年工作要点》确定的4项指标进展情况通报如下。\n"));
    assert_non_null(strstr(text, "一、总体情况\n"));
    /* Counts with shares; zero counts left out. */
    assert_non_null(strstr(text, "截至2024年6月底，4项指标中，已完成1项，占25.0%；超序时1项，占25.0%；"
                                 "滞后1项，占25.0%；未达标1项，占25.0%。"));
    assert_null(strstr(text, "达标0项"));
    assert_null(strstr(text, "未报送0项"));
    assert_null(strstr(text, "未报送指标"));
    assert_non_null(strstr(text, "进度正常（已完成、超序时或达标）的指标共2项，占50.0%。"));
    /* Completion by category: 产业培育 (20 % + 120 %) / 2, 质量效益 60 %. */
    assert_non_null(strstr(text, "分类别看，产业培育平均完成率最高，为70.0%；质量效益最低，为60.0%"));
    assert_non_null(strstr(text, "[figure]\n图1 各类别指标平均完成率\n"));
    /* The lagging list, in plan order, with the lead unit only. */
    assert_non_null(strstr(text, "二、滞后指标\n以下2项指标进度滞后于序时进度或未达到目标：\n"
                                 "（1）新增规上企业：完成率20.0%，低于序时进度30.0个百分点（牵头单位：县经信局）。\n"
                                 "（2）规上工业增加值增速：实际5.2%，目标6.5%以上（牵头单位：县统计局）。\n"));
    /* No unreported section: the requirements come third. */
    assert_non_null(strstr(text, "\n三、下步工作要求\n"));
    free(text);

    /* The chart: one bar a category with cumulative indicators, the schedule as reference. */
    assert_int_equal(b.chart.count, 2);
    assert_string_equal(b.chart.bars[0].label, "产业培育");
    assert_true(fabs(b.chart.bars[0].value - 0.7) < 1e-9);
    assert_true(fabs(b.chart.bars[1].value - 0.6) < 1e-9);
    assert_true(fabs(b.chart.reference - 0.5) < 1e-9);

    /* The document: the plan's organ, recipients, signature and 版记; the date of the period. */
    assert_string_equal(b.doc.organ, "某县经济和信息化局");
    assert_string_equal(b.doc.signature, "某县经济和信息化局");
    assert_int_equal(b.doc.recipient_count, 1);
    assert_int_equal(b.doc.copy_to_count, 1);
    assert_int_equal(b.doc.printed.day, 30);
    assert_int_equal(b.doc.attachment_count, 1);
    assert_string_equal(b.doc.attachments[0].title, "2024年6月指标进展情况表");
    zb_bulletin_free(&b);
    zb_progress_free(pr);
}

static void test_unreported(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    add(f->plan, 5, "质量效益", "新增首台(套)产品", "8", "县科技局、县经信局");
    add(f->plan, 6, NULL, "培育未来工厂(家)", "2", NULL);
    zb_progress *pr = NULL;
    zb_bulletin b;
    build(f->plan, "2024-06", NULL, &pr, &b);
    char *text = body_text(&b);
    assert_non_null(text);
    assert_non_null(strstr(text, "6项指标中，"));
    assert_non_null(strstr(text, "未报送2项，占33.3%。"));
    assert_non_null(strstr(text, "三、未报送指标\n以下2项指标本期未报送数据："
                                 "新增首台(套)产品（牵头单位：县科技局）；培育未来工厂。\n"));
    assert_non_null(strstr(text, "\n四、下步工作要求\n"));
    free(text);
    zb_bulletin_free(&b);
    zb_progress_free(pr);
}

/* Every number in digits, as a reader copies it: a value of 12 digits whole (never
 * 1.23456789e+11), a small one (never 1e-05), a completion made of a tiny target in the
 * digits that are its value (no float noise after them), a quota worked out to at most six
 * decimals. */
static void test_numbers_in_digits(void **state)
{
    fixture *f = *state;
    zb_plan *p = f->plan;
    assert_int_equal(zb_plan_set_meta(p, ZB_META_TITLE, "某县2024年工作要点"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_ORGAN, "某县人民政府"), ZB_OK);
    assert_int_equal(zb_plan_set_years(p, 2024, 2024), ZB_OK);
    add(p, 1, "经济", "地区生产总值(元)", "250000000000", "县发改局");
    add(p, 2, "经济", "单位能耗(吨标煤)", "0.00052", "县经信局");
    add(p, 3, "经济", "试点产值(元)", "0.000000001", "县经信局");
    add(p, 4, "安全", "安全事故死亡人数(人)", "≤7", "县应急局");
    assert_int_equal(zb_plan_add_actual(p, 1, "2024-05", 123456789012.5, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(p, 2, "2024-05", 0.00001, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(p, 3, "2024-05", 1e15, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(p, 4, "2024-05", 3, NULL), ZB_OK);
    zb_progress *pr = NULL;
    zb_bulletin b;
    build(p, "2024-05", NULL, &pr, &b);
    char *text = body_text(&b);
    assert_non_null(text);
    zb_buf all = {0};
    zb_buf_adds(&all, text);
    for (size_t i = 0; i < zb_progress_count(pr) * b.columns; i++) {
        zb_buf_adds(&all, b.cells[i]);
        zb_buf_addc(&all, '\n');
    }
    char *every = zb_buf_take(&all);
    assert_non_null(every);
    /* The actuals as reported. */
    assert_non_null(strstr(every, "\n123456789012.5\n"));
    assert_non_null(strstr(every, "\n0.00001\n"));
    assert_non_null(strstr(every, "\n1000000000000000\n"));
    /* 10^15 / 10^-9 = 10^24, as 10^26 %, digit for digit. */
    assert_non_null(strstr(every, "\n100000000000000000000000000.0%\n"));
    /* 7 x 5/12, not 2.916666667 or 2.9166666666666665. */
    assert_non_null(strstr(text, "序时额度2.916667人"));
    for (const char *q = every; *q; q++)
        if ((*q == 'e' || *q == 'E') && q > every && q[-1] >= '0' && q[-1] <= '9' &&
            (q[1] == '+' || q[1] == '-' || (q[1] >= '0' && q[1] <= '9')))
            fail_msg("a number with an exponent: %.40s", q - 10 > every ? q - 10 : every);
    assert_null(strstr(every, "inf"));
    assert_null(strstr(every, "nan"));
    free(every);
    free(text);
    zb_bulletin_free(&b);
    zb_progress_free(pr);
}

static void test_titles_and_dates(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    static const char *const quarter[] = {"一", "一", "一", "二", "二", "二",
                                          "三", "三", "三", "四", "四", "四"};
    static const int last_day[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 1; m <= 12; m++) {
        char period[24], want[200];
        snprintf(period, sizeof period, "2024-%02d", m);
        zb_progress *pr = NULL;
        zb_bulletin b;
        build(f->plan, period, NULL, &pr, &b);
        snprintf(want, sizeof want, "关于2024年第%s季度", quarter[m - 1]);
        assert_true(strncmp(b.title, want, strlen(want)) == 0);
        assert_int_equal(b.date.day, last_day[m - 1]); /* 2024 is a leap year */
        /* January alone is 1月, later months 1—m月. */
        snprintf(want, sizeof want, m == 1 ? "现将2024年1月《" : "现将2024年1—%d月《", m);
        assert_true(strncmp(b.body[0].text, want, strlen(want)) == 0);
        zb_bulletin_free(&b);
        zb_progress_free(pr);
    }
    /* A title given replaces the generated one; the document number is the option's. */
    zb_bulletin_options o;
    memset(&o, 0, sizeof o);
    o.title = "关于上半年指标进展情况的通报";
    o.doc_number = "某经信〔2024〕35号";
    zb_progress *pr = NULL;
    zb_bulletin b;
    build(f->plan, "2024-06", &o, &pr, &b);
    assert_string_equal(b.title, "关于上半年指标进展情况的通报");
    assert_string_equal(b.doc.doc_number, "某经信〔2024〕35号");
    zb_bulletin_free(&b);
    zb_progress_free(pr);

    /* A notice that issues a plan: the bulletin is about the plan it names. */
    assert_int_equal(zb_plan_set_meta(f->plan, ZB_META_TITLE, "某县人民政府关于印发《某县制造业攻坚行动方案》的通知"), ZB_OK);
    build(f->plan, "2024-06", NULL, &pr, &b);
    assert_string_equal(b.title, "关于2024年第二季度某县制造业攻坚行动方案指标进展情况的通报");
    assert_non_null(strstr(b.body[0].text, "《某县制造业攻坚行动方案》确定的4项指标"));
    zb_bulletin_free(&b);
    zb_progress_free(pr);
    /* …and without the book-title marks, as notices are often titled. */
    static const struct {
        const char *notice, *title, *named;
    } issued[] = {
        {"关于印发某县2024年工作要点的通知", "关于2024年第二季度某县工作要点指标进展情况的通报", "《某县2024年工作要点》"},
        {"关于印发某县2024年主要指标的通知", "关于2024年第二季度某县主要指标进展情况的通报", "《某县2024年主要指标》"},
        {"某县人民政府办公室关于印发某县数字经济行动方案的通知",
         "关于2024年第二季度某县数字经济行动方案指标进展情况的通报", "《某县数字经济行动方案》"},
        {"关于印发《甲方案》和《乙方案》的通知", "关于2024年第二季度《甲方案》和《乙方案》指标进展情况的通报",
         NULL},
    };
    for (size_t i = 0; i < sizeof issued / sizeof issued[0]; i++) {
        assert_int_equal(zb_plan_set_meta(f->plan, ZB_META_TITLE, issued[i].notice), ZB_OK);
        build(f->plan, "2024-06", NULL, &pr, &b);
        assert_string_equal(b.title, issued[i].title);
        if (issued[i].named)
            assert_non_null(strstr(b.body[0].text, issued[i].named));
        zb_bulletin_free(&b);
        zb_progress_free(pr);
    }
    assert_int_equal(zb_plan_set_meta(f->plan, ZB_META_PLAN_TITLE, "某县行动方案"), ZB_OK);
    build(f->plan, "2024-06", NULL, &pr, &b);
    assert_string_equal(b.title, "关于2024年第二季度某县行动方案指标进展情况的通报");
    zb_bulletin_free(&b);
    zb_progress_free(pr);
    /* The year is taken out of the plan's title once; a span of years or 年度 stays. */
    static const struct {
        const char *plan, *title;
    } years[] = {
        {"某县2024年工作要点", "关于2024年第二季度某县工作要点指标进展情况的通报"},
        {"某县2023—2024年行动方案", "关于2024年第二季度某县2023—2024年行动方案指标进展情况的通报"},
        {"某县2024年度考核办法", "关于2024年第二季度某县2024年度考核办法指标进展情况的通报"},
        {"某县12024年方案", "关于2024年第二季度某县12024年方案指标进展情况的通报"},
    };
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
        assert_int_equal(zb_plan_set_meta(f->plan, ZB_META_PLAN_TITLE, years[i].plan), ZB_OK);
        build(f->plan, "2024-06", NULL, &pr, &b);
        assert_string_equal(b.title, years[i].title);
        /* the opening names the plan as it is called */
        assert_non_null(strstr(b.body[0].text, years[i].plan));
        zb_bulletin_free(&b);
        zb_progress_free(pr);
    }
}

/* ---- the chart ----------------------------------------------------------------------- */

static void test_chart_geometry(void **state)
{
    fixture *f = *state;
    zb_error err;
    zb_doc doc;
    zb_doc_init(&doc, f->fonts, &err);
    const zb_chart_bar bars[] = {{"牵引性指标", 0.40},
                                 {"提升产业链供应链韧性和安全水平", 0.85},
                                 {"强化要素保障", 0.10},
                                 {"没有累计类指标", NAN},
                                 {"推动工业绿色发展", 1.0}};
    zb_chart chart = {bars, 5, 0.5, "序时进度"};
    assert_true(fabs(zb_chart_axis_max(&chart) - 1.0) < 1e-9);
    double x = ZB_AREA_LEFT, y = ZB_AREA_TOP + 100, w = ZB_AREA_WIDTH, h = zb_chart_height(5);
    /* About 70 mm for ten bars, less for fewer, more for many. */
    assert_true(zb_chart_height(10) > 65 * ZB_MM && zb_chart_height(10) < 75 * ZB_MM);
    assert_true(h < zb_chart_height(10) && zb_chart_height(2) <= h);
    assert_int_equal(zb_chart_draw(&doc, 0, x, y, w, h, &chart), ZB_OK);

    /* The bars are the thick grey rules: one per value, their lengths proportional to it,
     * all starting at the same x, inside the box. */
    double x0 = -1, per_unit = -1, ref_x = -1;
    size_t nbars = 0;
    for (size_t i = 0; i < doc.count; i++) {
        const zb_item *it = &doc.items[i];
        if (it->kind == ZB_ITEM_TEXT) {
            assert_true(it->x >= x - 0.01 && it->x <= x + w);
            assert_true(it->y >= y && it->y <= y + h);
            continue;
        }
        if (it->kind != ZB_ITEM_RULE)
            continue;
        double lo = fmin(it->x, it->x2), hi = fmax(it->x, it->x2);
        assert_true(lo >= x - 0.01 && hi <= x + w + 0.01);
        assert_true(fmin(it->y, it->y2) >= y - 0.01 && fmax(it->y, it->y2) <= y + h + 0.01);
        if (it->ink == ZB_INK_RED)
            ref_x = it->x;
        if (it->ink != ZB_INK_GREY || it->h < 2)
            continue;
        size_t k = nbars == 3 ? 4 : nbars; /* the NaN bar draws nothing */
        nbars++;
        assert_true(fabs(it->y - it->y2) < 1e-9); /* horizontal */
        if (x0 < 0)
            x0 = lo;
        assert_true(fabs(lo - x0) < 1e-9);
        double unit = (hi - lo) / bars[k].value;
        if (per_unit < 0)
            per_unit = unit;
        assert_true(fabs(unit - per_unit) < 1e-6);
    }
    assert_int_equal(nbars, 4);
    /* The reference line at 50 % on the same scale. */
    assert_true(fabs(ref_x - (x0 + 0.5 * per_unit)) < 1e-6);
    zb_doc_free(&doc);

    /* Past 100 %: the axis grows in steps of 20 %, and stops at 200 %. */
    zb_chart_bar over[] = {{"甲", 1.13}, {"乙", 0.2}};
    zb_chart c2 = {over, 2, NAN, NULL};
    assert_true(fabs(zb_chart_axis_max(&c2) - 1.2) < 1e-9);
    over[0].value = 1.2;
    assert_true(fabs(zb_chart_axis_max(&c2) - 1.2) < 1e-9);
    over[0].value = 5;
    assert_true(fabs(zb_chart_axis_max(&c2) - 2.0) < 1e-9);
    assert_true(zb_chart_height(30) > zb_chart_height(10));
}

/* ---- writing ------------------------------------------------------------------------- */

static void test_write(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[600];
    zbt_path(f->dir, "b.pdf", path, sizeof path);
    zb_pdf_info info;
    zb_error err;
    zb_status st = zb_pdf_write_bulletin(f->plan, f->fonts, "2024-06", path, NULL, &info, &err);
    if (st)
        fail_msg("%s", err.message);
    assert_int_equal(err.code, ZB_OK);
    /* Body pages, the attachment on its own page, the 版记 on an even page. */
    assert_true(info.pages >= 2 && info.pages % 2 == 0);
    size_t len;
    char *pdf = zbt_slurp(path, &len);
    assert_non_null(pdf);
    assert_int_equal(len, info.bytes);
    /* The creation date is the end of the period, not the clock. */
    assert_true(contains(pdf, len, "D:20240630"));
    free(pdf);

    /* Sealed: the same engine lays out the signature for a seal. */
    zb_bulletin_options o;
    memset(&o, 0, sizeof o);
    o.sealed = 1;
    assert_int_equal(zb_pdf_write_bulletin(f->plan, f->fonts, "2024-06", path, &o, &info, &err), ZB_OK);

    /* Fonts may be NULL (the defaults), and a plan without cumulative indicators gets no chart. */
    zb_plan *p = zb_plan_new();
    assert_non_null(p);
    assert_int_equal(zb_plan_set_years(p, 2024, 2024), ZB_OK);
    add(p, 1, NULL, "规上工业增加值增速(%)", "6.5", "县统计局");
    assert_int_equal(zb_plan_add_actual(p, 1, "2024-03", 7, NULL), ZB_OK);
    zb_progress *pr = NULL;
    zb_bulletin b;
    build(p, "2024-03", NULL, &pr, &b);
    assert_int_equal(b.chart.count, 0);
    for (size_t i = 0; i < b.body_count; i++)
        assert_null(b.body[i].chart);
    zb_bulletin_free(&b);
    zb_progress_free(pr);
    assert_int_equal(zb_pdf_write_bulletin(p, NULL, "2024-03", path, NULL, NULL, NULL), ZB_OK);
    zb_plan_free(p);

    /* An empty plan still gives a document that says so. */
    p = zb_plan_new();
    assert_non_null(p);
    build(p, "2024-03", NULL, &pr, &b);
    char *text = body_text(&b);
    assert_non_null(strstr(text, "本期无纳入监测的指标。"));
    free(text);
    zb_bulletin_free(&b);
    zb_progress_free(pr);
    assert_int_equal(zb_pdf_write_bulletin(p, f->fonts, "2024-03", path, NULL, NULL, &err), ZB_OK);
    zb_plan_free(p);
}

static void test_errors(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[600];
    zbt_path(f->dir, "e.pdf", path, sizeof path);
    write_old(path);
    zb_error err;
    zb_pdf_info info;
    static const char *const bad[] = {"2024-13", "2024-00", "24-06", "2024/06/30",
                                      "2023-12", "2025-01", "", "2024-06x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        zb_status st = zb_pdf_write_bulletin(f->plan, f->fonts, bad[i], path, NULL, &info, &err);
        if (st != ZB_ERR_VALUE)
            fail_msg("period \"%s\": status %d (%s)", bad[i], st, err.message);
        assert_int_equal(err.code, ZB_ERR_VALUE);
        assert_int_equal(info.pages, 0);
        assert_old(path);
    }
    assert_int_equal(zb_pdf_write_bulletin(NULL, f->fonts, "2024-06", path, NULL, NULL, &err),
                     ZB_ERR_ARGUMENT);
    assert_int_equal(zb_pdf_write_bulletin(f->plan, f->fonts, NULL, path, NULL, NULL, &err),
                     ZB_ERR_ARGUMENT);
    assert_int_equal(zb_pdf_write_bulletin(f->plan, f->fonts, "2024-06", NULL, NULL, NULL, &err),
                     ZB_ERR_ARGUMENT);
    assert_int_equal(zb_pdf_write_bulletin(f->plan, f->fonts, "2024-06", "", NULL, NULL, &err),
                     ZB_ERR_ARGUMENT);

    /* A seal that is not a PNG. */
    zb_bulletin_options o;
    memset(&o, 0, sizeof o);
    o.seal_png = path;
    assert_int_equal(zb_pdf_write_bulletin(f->plan, f->fonts, "2024-06", path, &o, NULL, &err),
                     ZB_ERR_VALUE);
    assert_old(path);

    /* A character no font has, in a lagging indicator's name: the error names the indicator,
     * and the old file stays. */
    add(f->plan, 7, "产业培育", "新增😀企业(家)", "10", "县经信局");
    assert_int_equal(zb_plan_add_actual(f->plan, 7, "2024-06", 1, NULL), ZB_OK);
    assert_int_equal(zb_pdf_write_bulletin(f->plan, f->fonts, "2024-06", path, NULL, NULL, &err),
                     ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "indicator 7"));
    assert_non_null(strstr(err.message, "U+1F600"));
    assert_old(path);
}

static void test_unwritable(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[600];
    zb_error err;
    /* A folder that does not exist. */
    zbt_path(f->dir, "no/such/folder/b.pdf", path, sizeof path);
    assert_int_equal(zb_pdf_write_bulletin(f->plan, f->fonts, "2024-06", path, NULL, NULL, &err),
                     ZB_ERR_WRITE);
    assert_int_equal(err.code, ZB_ERR_WRITE);

    /* A write that fails half-way (a file size limit): the old file stays. */
    zbt_path(f->dir, "b.pdf", path, sizeof path);
    write_old(path);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {4000, 4000};
        setrlimit(RLIMIT_FSIZE, &rl);
        zb_status st = zb_pdf_write_bulletin(f->plan, f->fonts, "2024-06", path, NULL, NULL, &err);
        _exit(st == ZB_ERR_WRITE && err.code == ZB_ERR_WRITE && strstr(err.message, path) ? 0
                                                                                            : 10 + (int)st);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_old(path);

    /* A read-only folder, where the permissions count (not for root). */
    if (geteuid() != 0) {
        char sub[700], inner[720];
        snprintf(sub, sizeof sub, "%s/ro", f->dir);
        assert_int_equal(mkdir(sub, 0755), 0);
        snprintf(inner, sizeof inner, "%s/b.pdf", sub);
        write_old(inner);
        assert_int_equal(chmod(sub, 0555), 0);
        assert_int_equal(zb_pdf_write_bulletin(f->plan, f->fonts, "2024-06", inner, NULL, NULL, &err),
                         ZB_ERR_WRITE);
        assert_int_equal(chmod(sub, 0755), 0);
        assert_old(inner);
    }
}

static void test_deterministic(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char a[600], b[600];
    zbt_path(f->dir, "a.pdf", a, sizeof a);
    zbt_path(f->dir, "b.pdf", b, sizeof b);
    zb_bulletin_options o;
    memset(&o, 0, sizeof o);
    o.doc_number = "某经信〔2024〕35号";
    assert_int_equal(zb_pdf_write_bulletin(f->plan, f->fonts, "2024-06", a, &o, NULL, NULL), ZB_OK);
    assert_int_equal(zb_pdf_write_bulletin(f->plan, NULL, "2024-06", b, &o, NULL, NULL), ZB_OK);
    size_t la, lb;
    char *x = zbt_slurp(a, &la), *y = zbt_slurp(b, &lb);
    assert_non_null(x);
    assert_non_null(y);
    assert_int_equal(la, lb);
    assert_memory_equal(x, y, la);
    free(x);
    free(y);
}

typedef struct job {
    const zb_plan *plan;
    const zb_fontset *fonts;
    char path[600];
    zb_status st;
} job;

static void *write_job(void *arg)
{
    job *j = arg;
    j->st = zb_pdf_write_bulletin(j->plan, j->fonts, "2024-06", j->path, NULL, NULL, NULL);
    return NULL;
}

/* A valid plan whose fonts once made libharu 2.3.0 fail while saving (error 0x1033: a font
 * without a prep table that filled its 4096-byte blocks exactly), and variants of its title
 * that failed the same way: each writes. */
static void test_font_block_boundary(void **state)
{
    fixture *f = *state;
    static const char head[] = "{\"format\": \"zhibiao/1\", \"title\": \"";
    static const char tail[] =
        "\", \"categories\": [{\"name\": \"甲类\", \"indicators\": [{\"seq\": 1, \"name\": "
        "\"新增企业(家)\", \"target\": 10, \"responsible\": [\"县经信局\"]}]}], \"signature\": "
        "\"某县人民政府\", \"printer\": \"某县办公室\", \"recipients\": [\"各乡镇\"], \"copy_to\": "
        "[\"县委\"], \"note\": \"(此件公开发布)\"}";
    static const char *const titles[] = {
        "关lmzhbar-uY8k/noticepdf颗:题长知",   "甲关lmzhbar-uY8k/noticepdf颗:题长知",
        "关lmzhbar-uY8k/甲noticepdf颗:题长知", "关lmzhbar-uY8k/noticepdf颗:题长知甲",
        "关lmzhbar-uY8k/noticepdf颗甲:题长知",
    };
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        char json[1024];
        snprintf(json, sizeof json, "%s%s%s", head, titles[i], tail);
        zb_plan *p = zb_plan_new();
        if (zb_json_load_string(p, json, strlen(json), "plan.json") != ZB_OK)
            fail_msg("%s", zb_errmsg(p));
        char *out = NULL;
        size_t len = 0;
        zb_error err;
        zb_status st = zb_pdf_bulletin_to_buffer(p, f->fonts, "2024-06", NULL, &out, &len, NULL, &err);
        if (st)
            fail_msg("%s: %s", titles[i], err.message);
        assert_true(len > 1000 && memcmp(out, "%PDF-", 5) == 0);
        zb_free(out);
        zb_plan_free(p);
    }
}

static void test_threads(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    enum { N = 4 };
    pthread_t th[N];
    job jobs[N];
    for (int i = 0; i < N; i++) {
        jobs[i].plan = f->plan;
        jobs[i].fonts = f->fonts;
        snprintf(jobs[i].path, sizeof jobs[i].path, "%s/t%d.pdf", f->dir, i);
        assert_int_equal(pthread_create(&th[i], NULL, write_job, &jobs[i]), 0);
    }
    for (int i = 0; i < N; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    size_t l0;
    char *first = zbt_slurp(jobs[0].path, &l0);
    assert_non_null(first);
    for (int i = 0; i < N; i++) {
        assert_int_equal(jobs[i].st, ZB_OK);
        size_t li;
        char *other = zbt_slurp(jobs[i].path, &li);
        assert_non_null(other);
        assert_int_equal(li, l0);
        assert_memory_equal(first, other, l0);
        free(other);
    }
    free(first);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quarter),
        cmocka_unit_test_setup_teardown(test_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unreported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_numbers_in_digits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_titles_and_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_chart_geometry, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_font_block_boundary, setup, teardown),
    };
    return cmocka_run_group_tests_name("bulletin", tests, NULL, NULL);
}
