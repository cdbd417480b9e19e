/* The quarterly progress bulletin (通报): the notice engine given other content. The text is
 * generated from an evaluation of the plan at a period: how many indicators are done, ahead,
 * lagging or unreported, which ones lag and who leads them, a chart of completion by
 * category, and the progress table as the attachment. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content_internal.h"
#include "plan/plan_internal.h"

#define TABLE_SIZE 10.5 /* 五号: nine columns need the smaller type */
#define NAME_MIN_FRAC 0.14 /* of the table's width, however many columns it has */

int zb_bulletin_quarter(int month)
{
    return month < 1 ? 1 : month > 12 ? 4 : (month + 2) / 3;
}

/* "YYYY-MM" with a month 1..12; 0 when it is not. */
static int parse_period(const char *s, int *year, int *month)
{
    if (!s || strlen(s) != 7 || s[4] != '-')
        return 0;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (s[i] < '0' || s[i] > '9'))
            return 0;
    *year = atoi(s);
    *month = (s[5] - '0') * 10 + (s[6] - '0');
    return *month >= 1 && *month <= 12;
}

static int month_days(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

static const char *const cn_digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

/* ---------------------------------------------------------------------------------- */
/* Owned strings and blocks */

static zb_status nomem(zb_error *err)
{
    return zb_error_set(err, ZB_ERR_NOMEM, "out of memory while writing the bulletin");
}

/* Takes the text of buf into b's strings; NULL when out of memory. */
static char *keep(zb_bulletin *b, zb_buf *buf)
{
    return zb_own(&b->strings, buf);
}

/* Appends a block of text (level as in zb_block) named where + number in messages. */
static int add_text(zb_bulletin *b, int level, zb_buf *buf, const char *where, size_t number)
{
    char *text = keep(b, buf);
    if (!text || zb_grow((void **)&b->body, &b->body_cap, b->body_count + 1, sizeof *b->body))
        return -1;
    zb_block *blk = &b->body[b->body_count++];
    memset(blk, 0, sizeof *blk);
    blk->level = level;
    blk->text = text;
    blk->where = where;
    blk->where_number = number;
    return 0;
}

/* A block of fixed text. */
static int add_fixed(zb_bulletin *b, int level, const char *text, const char *where)
{
    zb_buf buf = {0};
    zb_buf_adds(&buf, text);
    return add_text(b, level, &buf, where, 0);
}

/* ---------------------------------------------------------------------------------- */
/* Numbers as the text prints them */

/* A share or a completion with one decimal: 51.1%. One beyond 10^15 % (a tiny target met
 * many times over) in the shortest digits that are its value, not the noise %.1f prints
 * past them (100000000000000000000000000.0, not 100000000000000004764729344.0). */
static void add_one_decimal(zb_buf *buf, double p)
{
    if (fabs(p) < 0.05)
        p = 0; /* never "-0.0" */
    if (fabs(p) < 1e15) {
        zb_buf_addf(buf, "%.1f", p);
        return;
    }
    char num[32];
    zb_buf_adds(buf, zb_format_number(p, num));
    zb_buf_adds(buf, ".0");
}

static void add_percent(zb_buf *buf, double fraction)
{
    add_one_decimal(buf, fraction * 100);
    zb_buf_addc(buf, '%');
}

/* A value as reported, in digits: every digit a plan holds (15 significant), never an
 * exponent, without the noise a sum's last digits would carry. */
static void add_value(zb_buf *buf, double v)
{
    char num[32];
    zb_buf_adds(buf, zb_format_rounded(v, 15, num));
}

/* A value worked out here (a target times the schedule), which the reader recomputes by
 * hand: at most six decimals. */
static void add_computed(zb_buf *buf, double v)
{
    if (fabs(v) < 1e9)
        v = nearbyint(v * 1e6) / 1e6;
    add_value(buf, v);
}

/* The target a row was judged against, with its unit and (when bound) its qualifier: 6.5%以上,
 * 62家, 5左右; one worked out from the base with the working: 2.8%（基期2.6%提高0.2个百分点）;
 * a change judged as such, or a text, as written. */
static void add_target(zb_buf *buf, const zb_plan *plan, const zb_progress *pr, size_t r, int bound)
{
    size_t i = zb_progress_indicator(pr, r);
    size_t k = zb_plan_indicator_find_target(plan, i, zb_progress_target_year(pr, r));
    double t = zb_progress_target(pr, r);
    if (isnan(t) || k == ZB_NONE || zb_plan_indicator_target_as_change_at(plan, i, k)) {
        zb_buf_adds(buf, zb_progress_target_text(pr, r));
        return;
    }
    const char *unit = zb_plan_indicator_unit(plan, i);
    add_value(buf, t);
    zb_buf_adds(buf, unit);
    if (zb_plan_indicator_target_from_base_at(plan, i, k)) {
        zb_buf_adds(buf, "（基期");
        zb_buf_adds(buf, zb_plan_indicator_base_text(plan, i));
        zb_buf_adds(buf, unit);
        zb_buf_adds(buf, zb_plan_indicator_target_text_at(plan, i, k));
        zb_buf_adds(buf, "）");
        return;
    }
    if (!bound)
        return;
    switch (zb_plan_indicator_target_qualifier_at(plan, i, k)) {
    case ZB_QUAL_AT_LEAST:
        zb_buf_adds(buf, "以上");
        break;
    case ZB_QUAL_ABOUT:
        zb_buf_adds(buf, "左右");
        break;
    case ZB_QUAL_AT_MOST:
        zb_buf_adds(buf, "以内");
        break;
    default:
        break;
    }
}

/* The actual with its unit: 6家, 2.5%; for a change judged as such, the change: 下降2.1%. */
static void add_actual(zb_buf *buf, const zb_plan *plan, const zb_progress *pr, size_t r)
{
    size_t i = zb_progress_indicator(pr, r);
    size_t k = zb_plan_indicator_find_target(plan, i, zb_progress_target_year(pr, r));
    const char *unit = zb_plan_indicator_unit(plan, i);
    if (k != ZB_NONE && zb_plan_indicator_target_as_change_at(plan, i, k)) {
        zb_change how = zb_plan_indicator_target_change_at(plan, i, k);
        int down = zb_plan_indicator_target_change_amount_at(plan, i, k) < 0;
        zb_buf_adds(buf, how == ZB_CHANGE_AMOUNT ? (down ? "减少" : "增加")
                         : how == ZB_CHANGE_POINTS ? (down ? "下降" : "提高")
                                                   : (down ? "下降" : "增长"));
        unit = how == ZB_CHANGE_POINTS ? "个百分点" : how == ZB_CHANGE_AMOUNT ? unit : "%";
    }
    add_value(buf, zb_progress_actual(pr, r));
    zb_buf_adds(buf, unit);
}

/* ---------------------------------------------------------------------------------- */
/* The chart: average completion of the cumulative indicators of each category */

static int build_chart(zb_bulletin *b)
{
    const zb_plan *plan = b->plan;
    size_t ncat = zb_plan_category_count(plan), n = zb_progress_count(b->progress);
    /* One slot per category and one for indicators without one. */
    double *sum = calloc(ncat + 1, sizeof *sum);
    size_t *cnt = calloc(ncat + 1, sizeof *cnt);
    b->bars = calloc(ncat + 1, sizeof *b->bars);
    if (!sum || !cnt || !b->bars) {
        free(sum);
        free(cnt);
        return -1;
    }
    b->chart.reference = NAN;
    for (size_t r = 0; r < n; r++) {
        size_t i = zb_progress_indicator(b->progress, r);
        double expected = zb_progress_expected(b->progress, r);
        if (isnan(b->chart.reference) && !isnan(expected))
            b->chart.reference = expected;
        double c = zb_progress_completion(b->progress, r);
        if (isnan(c))
            continue;
        size_t cat = zb_plan_indicator_category(plan, i);
        size_t slot = cat == ZB_NONE || cat >= ncat ? ncat : cat;
        sum[slot] += c;
        cnt[slot]++;
    }
    for (size_t k = 0; k <= ncat; k++) {
        if (!cnt[k])
            continue;
        zb_chart_bar *bar = &b->bars[b->chart.count++];
        bar->label = k < ncat ? zb_plan_category_name(plan, k) : ncat ? "其他" : "全部指标";
        bar->value = sum[k] / (double)cnt[k];
    }
    free(sum);
    free(cnt);
    b->chart.bars = b->bars;
    b->chart.reference_label = "序时进度";
    return 0;
}

/* ---------------------------------------------------------------------------------- */
/* The progress table (附件) */

/* The seed's nine columns; 计量单位 after the name when a unit was given apart from a name
 * (the names then lose their unit group), 属性 and the base value when an indicator has them. */
enum { C_SEQ, C_CATEGORY, C_NAME, C_UNIT, C_ATTRIBUTE, C_BASE, C_TARGET, C_ACTUAL, C_COMPLETION, C_EXPECTED,
       C_STATUS, C_LEAD, C_COUNT };
static const double table_fracs[C_COUNT] = {0.065, 0.10, 0.22, 0.07, 0.07, 0.08, 0.09, 0.085,
                                            0.09,  0.085, 0.09, 0.175};
static const char *const table_head[C_COUNT] = {"序号",   "类别",      "指标名称", "计量\n单位", "属性",
                                                "基期值", "目标值",    "本期\n累计", "完成率", "序时\n进度",
                                                "状态",   "牵头单位"};
static const char *const table_where[C_COUNT] = {"", " category", " name", " unit", " attribute", " base",
                                                 " target", "", "", "", "", " lead unit"};

/* A percentage cell, "—" when there is none. */
static const char *percent_cell(zb_bulletin *b, zb_buf *buf, double fraction)
{
    if (isnan(fraction))
        return "—";
    add_percent(buf, fraction);
    return keep(b, buf);
}

/* Which columns the table has, in order; the widths of the optional ones come out of the
 * name's share. */
static size_t table_columns(zb_bulletin *b, int *cols)
{
    const zb_plan *plan = b->plan;
    size_t n = zb_plan_indicator_count(plan);
    int unit = 0, attribute = 0, base = 0, years = 0;
    for (size_t i = 0; i < n; i++) {
        unit |= zb_plan_indicator_unit_given(plan, i) && *zb_plan_indicator_unit(plan, i);
        attribute |= zb_plan_indicator_attribute(plan, i) != ZB_ATTR_NONE;
        base |= *zb_plan_indicator_base_text(plan, i) != '\0';
        for (size_t k = 0; k < zb_plan_indicator_target_count(plan, i); k++)
            years |= zb_plan_indicator_target_year(plan, i, k) != 0;
    }
    size_t nc = 0;
    for (int c = 0; c < C_COUNT; c++)
        if ((c != C_UNIT || unit) && (c != C_ATTRIBUTE || attribute) && (c != C_BASE || base))
            cols[nc++] = c;
    for (size_t k = 0; k < nc; k++) {
        int c = cols[k];
        b->fracs[k] = table_fracs[c];
        b->center[k] = c != C_NAME;
        b->head[k] = table_head[c];
        b->where[k] = table_where[c];
    }
    b->extra_columns = nc > C_COUNT - 3;
    /* Targets for particular years: the header says which year's row by row. */
    if (years) {
        zb_buf buf = {0};
        zb_buf_addf(&buf, "%d年\n目标值", b->year);
        for (size_t k = 0; k < nc; k++)
            if (cols[k] == C_TARGET)
                b->head[k] = keep(b, &buf);
    }
    return nc;
}

/* With more columns than the seed's nine: each as wide as its texts need up to a cap, the
 * name what is left; when that is too little, the columns of longer texts wrap more. */
static void fit_columns(zb_bulletin *b, const int *cols, size_t nc, size_t n)
{
    static const double cap[C_COUNT] = {2, 3, 0, 3, 3, 4, 4, 4, 3.4, 3.4, 3, 5};
    double used = 0, squeezable = 0;
    for (size_t k = 0; k < nc; k++) {
        if (cols[k] == C_NAME)
            continue;
        double em = zb_text_ems(b->head[k]);
        for (size_t r = 0; r < n; r++)
            em = fmax(em, zb_text_ems(b->cells[r * nc + k]));
        em = fmin(fmax(em, 2), cap[cols[k]]);
        b->fracs[k] = (em * TABLE_SIZE + 2 * ZB_CELL_PAD_PT) / ZB_TYPE_AREA_PT;
        used += b->fracs[k];
        if (cols[k] == C_CATEGORY || cols[k] == C_BASE || cols[k] == C_TARGET || cols[k] == C_LEAD)
            squeezable += b->fracs[k];
    }
    double over = used - (1 - NAME_MIN_FRAC);
    double scale = over > 0 && squeezable > over ? (squeezable - over) / squeezable : 1;
    double rest = 1;
    for (size_t k = 0; k < nc; k++) {
        if (cols[k] == C_CATEGORY || cols[k] == C_BASE || cols[k] == C_TARGET || cols[k] == C_LEAD)
            b->fracs[k] *= scale;
        if (cols[k] != C_NAME)
            rest -= b->fracs[k];
    }
    for (size_t k = 0; k < nc; k++)
        if (cols[k] == C_NAME)
            b->fracs[k] = rest;
}

static int build_table(zb_bulletin *b)
{
    const zb_plan *plan = b->plan;
    size_t n = zb_progress_count(b->progress), group = 0, prev_cat = ZB_NONE;
    int cols[C_COUNT];
    size_t nc = table_columns(b, cols);
    int unit_column = 0;
    for (size_t k = 0; k < nc; k++) {
        unit_column |= cols[k] == C_UNIT;
        if (!b->head[k])
            return -1;
    }
    b->columns = nc;
    b->rows = calloc(n ? n : 1, sizeof *b->rows);
    b->cells = calloc(n ? n * nc : 1, sizeof *b->cells);
    if (!b->rows || !b->cells)
        return -1;
    zb_buf buf = {0};
    for (size_t r = 0; r < n; r++) {
        const char **cells = b->cells + r * nc;
        size_t i = zb_progress_indicator(b->progress, r);
        int seq = zb_plan_indicator_seq(plan, i);
        size_t cat = zb_plan_indicator_category(plan, i);
        if (r > 0 && (cat == ZB_NONE || cat != prev_cat))
            group++;
        prev_cat = cat;
        zb_standing s = zb_progress_standing(b->progress, r);
        double actual = zb_progress_actual(b->progress, r);
        for (size_t k = 0; k < nc; k++) {
            const char *text = "";
            switch (cols[k]) {
            case C_SEQ:
                zb_buf_addf(&buf, "%d", seq);
                text = keep(b, &buf);
                break;
            case C_CATEGORY:
                text = cat != ZB_NONE ? zb_plan_category_name(plan, cat) : "";
                break;
            case C_NAME:
                text = unit_column ? zb_plan_indicator_bare_name(plan, i) : zb_plan_indicator_name(plan, i);
                break;
            case C_UNIT: text = zb_plan_indicator_unit(plan, i); break;
            case C_ATTRIBUTE: {
                zb_attribute a = zb_plan_indicator_attribute(plan, i);
                text = a == ZB_ATTR_BINDING ? "约束性" : a == ZB_ATTR_ANTICIPATORY ? "预期性" : "";
                break;
            }
            case C_BASE: text = zb_plan_indicator_base_text(plan, i); break;
            /* The target this period was judged against: the year's own in a plan of several. */
            case C_TARGET: text = zb_progress_target_text(b->progress, r); break;
            case C_ACTUAL:
                if (isnan(actual)) {
                    text = "—";
                } else {
                    add_value(&buf, actual);
                    text = keep(b, &buf);
                }
                break;
            case C_COMPLETION: text = percent_cell(b, &buf, zb_progress_completion(b->progress, r)); break;
            case C_EXPECTED: text = percent_cell(b, &buf, zb_progress_expected(b->progress, r)); break;
            case C_STATUS: text = zb_standing_label(s); break;
            case C_LEAD: text = zb_plan_indicator_lead(plan, i); break;
            }
            if (!text)
                return -1;
            cells[k] = text;
        }
        zb_buf_addf(&buf, "indicator %d", seq);
        b->rows[r].where = keep(b, &buf);
        if (!b->rows[r].where)
            return -1;
        b->rows[r].cells = cells;
        b->rows[r].group = group;
        /* What lags or is over its cap is set in the heading face, so that it stands out. */
        unsigned strong = 0;
        for (size_t k = 0; k < nc; k++)
            if (cols[k] == C_STATUS)
                strong = 1u << k;
        b->rows[r].strong = s == ZB_STANDING_BEHIND || s == ZB_STANDING_NOT_MET || s == ZB_STANDING_MISSING ||
                                    s == ZB_STANDING_EXCEEDED
                                ? strong
                                : 0;
    }
    if (b->extra_columns)
        fit_columns(b, cols, nc, n);
    zb_table_content *t = &b->table;
    t->spec.columns = nc;
    t->spec.fracs = b->fracs;
    t->spec.center = b->center;
    t->spec.merge_col = 1;
    t->spec.size = TABLE_SIZE;
    t->header = b->head;
    t->where_suffix = b->where;
    t->rows = b->rows;
    t->row_count = n;
    return 0;
}

/* ---------------------------------------------------------------------------------- */
/* The text */

static int is_lagging(zb_standing s)
{
    return s == ZB_STANDING_BEHIND || s == ZB_STANDING_NOT_MET;
}

/* 一、 二、 … for the sections, numbered as they are printed. */
static void add_section(zb_buf *buf, int number, const char *title)
{
    zb_buf_adds(buf, number <= 10 ? cn_digits[number] : "十");
    zb_buf_adds(buf, "、");
    zb_buf_adds(buf, title);
}

/* 总体情况: the counts by standing, with their shares, and the chart. */
static int overview(zb_bulletin *b, int section)
{
    size_t n = zb_progress_count(b->progress);
    zb_buf buf = {0};
    add_section(&buf, section, "总体情况");
    if (add_text(b, 1, &buf, "heading", 0))
        return -1;
    if (!n)
        return add_fixed(b, 0, "本期无纳入监测的指标。", "overview");

    zb_buf_addf(&buf, "截至%d年%d月底，%zu项指标中，", b->year, b->month, n);
    /* In the order a reader weighs them: done and ahead, then lagging, then unreported. */
    static const zb_standing order[] = {ZB_STANDING_DONE,        ZB_STANDING_AHEAD,    ZB_STANDING_BEHIND,
                                        ZB_STANDING_WITHIN,      ZB_STANDING_WARNING,  ZB_STANDING_EXCEEDED,
                                        ZB_STANDING_MET,         ZB_STANDING_NOT_MET,  ZB_STANDING_QUALITATIVE,
                                        ZB_STANDING_NO_TARGET,   ZB_STANDING_MISSING};
    int first = 1;
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        size_t c = b->counts[order[k]];
        if (!c)
            continue;
        zb_buf_addf(&buf, "%s%s%zu项，占", first ? "" : "；", zb_standing_label(order[k]), c);
        add_percent(&buf, (double)c / (double)n);
        first = 0;
    }
    zb_buf_adds(&buf, "。");
    size_t within = b->counts[ZB_STANDING_WITHIN];
    size_t good = b->counts[ZB_STANDING_DONE] + b->counts[ZB_STANDING_AHEAD] + b->counts[ZB_STANDING_MET] + within;
    zb_buf_addf(&buf, "进度正常（已完成、超序时%s或达标）的指标共%zu项，占", within ? "、受控" : "", good);
    add_percent(&buf, (double)good / (double)n);
    zb_buf_adds(&buf, "。");

    if (b->chart.count == 1) {
        zb_buf_adds(&buf, "累计类指标平均完成率为");
        add_percent(&buf, b->chart.bars[0].value);
        zb_buf_adds(&buf, "（见图1）。");
    } else if (b->chart.count > 1) {
        size_t hi = 0, lo = 0;
        for (size_t k = 1; k < b->chart.count; k++) {
            if (b->chart.bars[k].value > b->chart.bars[hi].value)
                hi = k;
            if (b->chart.bars[k].value < b->chart.bars[lo].value)
                lo = k;
        }
        zb_buf_addf(&buf, "分类别看，%s平均完成率最高，为", b->chart.bars[hi].label);
        add_percent(&buf, b->chart.bars[hi].value);
        zb_buf_addf(&buf, "；%s最低，为", b->chart.bars[lo].label);
        add_percent(&buf, b->chart.bars[lo].value);
        zb_buf_adds(&buf, "（见图1，按累计类指标计算）。");
    }
    if (add_text(b, 0, &buf, "overview", 0))
        return -1;

    if (b->chart.count) {
        if (zb_grow((void **)&b->body, &b->body_cap, b->body_count + 1, sizeof *b->body))
            return -1;
        zb_block *fig = &b->body[b->body_count++];
        memset(fig, 0, sizeof *fig);
        fig->chart = &b->chart;
        fig->figure_height = zb_chart_height(b->chart.count);
        fig->where = "figure 1";
        if (add_fixed(b, 0, "图1 各类别指标平均完成率", "figure 1 caption"))
            return -1;
        b->body[b->body_count - 1].centered = 1;
    }
    return 0;
}

/* 超限及预警指标: caps exceeded, and caps used faster than the time schedule allows. */
static int caps(zb_bulletin *b, int section)
{
    const zb_plan *plan = b->plan;
    zb_buf buf = {0};
    add_section(&buf, section, "超限及预警指标");
    if (add_text(b, 1, &buf, "heading", 0))
        return -1;
    size_t over = b->counts[ZB_STANDING_EXCEEDED], warned = b->counts[ZB_STANDING_WARNING];
    zb_buf_adds(&buf, "以下");
    if (over)
        zb_buf_addf(&buf, "%zu项指标超出控制上限", over);
    if (over && warned)
        zb_buf_adds(&buf, "，");
    if (warned)
        zb_buf_addf(&buf, "%zu项指标未超上限但快于序时进度，予以预警", warned);
    zb_buf_adds(&buf, "：");
    if (add_text(b, 0, &buf, "capped indicators", 0))
        return -1;
    size_t n = zb_progress_count(b->progress), k = 0;
    for (size_t r = 0; r < n; r++) {
        zb_standing s = zb_progress_standing(b->progress, r);
        if (s != ZB_STANDING_EXCEEDED && s != ZB_STANDING_WARNING)
            continue;
        size_t i = zb_progress_indicator(b->progress, r);
        zb_buf_addf(&buf, "（%zu）%s：累计", ++k, zb_plan_indicator_bare_name(plan, i));
        add_actual(&buf, plan, b->progress, r);
        zb_buf_adds(&buf, s == ZB_STANDING_EXCEEDED ? "，超出上限" : "，上限");
        add_target(&buf, plan, b->progress, r, 0);
        if (s == ZB_STANDING_WARNING) {
            zb_buf_adds(&buf, "，序时额度");
            add_computed(&buf, zb_progress_target(b->progress, r) * zb_progress_expected(b->progress, r));
            zb_buf_adds(&buf, zb_plan_indicator_unit(plan, i));
        }
        const char *lead = zb_plan_indicator_lead(plan, i);
        if (lead && *lead)
            zb_buf_addf(&buf, "（牵头单位：%s）", lead);
        zb_buf_adds(&buf, "。");
        if (add_text(b, 4, &buf, "indicator", (size_t)zb_plan_indicator_seq(plan, i)))
            return -1;
    }
    return 0;
}

/* 定性指标: named, to be assessed from what their units report. */
static int qualitative(zb_bulletin *b, int section)
{
    const zb_plan *plan = b->plan;
    zb_buf buf = {0};
    add_section(&buf, section, "定性指标");
    if (add_text(b, 1, &buf, "heading", 0))
        return -1;
    zb_buf_addf(&buf, "以下%zu项指标为定性目标，不按数值计算进度，由牵头单位报送工作进展后另行评定：",
                b->counts[ZB_STANDING_QUALITATIVE]);
    size_t n = zb_progress_count(b->progress), k = 0;
    for (size_t r = 0; r < n; r++) {
        if (zb_progress_standing(b->progress, r) != ZB_STANDING_QUALITATIVE)
            continue;
        size_t i = zb_progress_indicator(b->progress, r);
        zb_buf_addf(&buf, "%s%s（%s）", k++ ? "；" : "", zb_plan_indicator_bare_name(plan, i),
                    zb_progress_target_text(b->progress, r));
    }
    zb_buf_adds(&buf, "。");
    return add_text(b, 0, &buf, "qualitative indicators", 0);
}

/* 滞后指标: each indicator behind the schedule or short of its target, with its lead unit. */
static int lagging(zb_bulletin *b, int section)
{
    const zb_plan *plan = b->plan;
    zb_buf buf = {0};
    add_section(&buf, section, "滞后指标");
    if (add_text(b, 1, &buf, "heading", 0))
        return -1;
    size_t count = b->counts[ZB_STANDING_BEHIND] + b->counts[ZB_STANDING_NOT_MET];
    if (!count)
        return add_fixed(b, 0, "本期无滞后于序时进度或未达到目标的指标。", "lagging indicators");
    zb_buf_addf(&buf, "以下%zu项指标进度滞后于序时进度或未达到目标：", count);
    if (add_text(b, 0, &buf, "lagging indicators", 0))
        return -1;
    size_t n = zb_progress_count(b->progress), k = 0;
    for (size_t r = 0; r < n; r++) {
        zb_standing s = zb_progress_standing(b->progress, r);
        if (!is_lagging(s))
            continue;
        size_t i = zb_progress_indicator(b->progress, r);
        zb_buf_addf(&buf, "（%zu）%s：", ++k, zb_plan_indicator_bare_name(plan, i));
        double c = zb_progress_completion(b->progress, r);
        double e = zb_progress_expected(b->progress, r);
        if (s == ZB_STANDING_BEHIND && !isnan(c) && !isnan(e) && c < e) {
            zb_buf_adds(&buf, "完成率");
            add_percent(&buf, c);
            zb_buf_adds(&buf, "，低于序时进度");
            add_one_decimal(&buf, (e - c) * 100);
            zb_buf_adds(&buf, "个百分点");
        } else {
            zb_buf_adds(&buf, "实际");
            add_actual(&buf, plan, b->progress, r);
            zb_buf_adds(&buf, "，目标");
            add_target(&buf, plan, b->progress, r, 1);
        }
        const char *lead = zb_plan_indicator_lead(plan, i);
        if (lead && *lead)
            zb_buf_addf(&buf, "（牵头单位：%s）", lead);
        zb_buf_adds(&buf, "。");
        if (add_text(b, 4, &buf, "indicator", (size_t)zb_plan_indicator_seq(plan, i)))
            return -1;
    }
    return 0;
}

/* 未报送指标: named with their lead units. */
static int unreported(zb_bulletin *b, int section)
{
    const zb_plan *plan = b->plan;
    size_t count = b->counts[ZB_STANDING_MISSING];
    zb_buf buf = {0};
    add_section(&buf, section, "未报送指标");
    if (add_text(b, 1, &buf, "heading", 0))
        return -1;
    zb_buf_addf(&buf, "以下%zu项指标本期未报送数据：", count);
    size_t n = zb_progress_count(b->progress), k = 0;
    for (size_t r = 0; r < n; r++) {
        if (zb_progress_standing(b->progress, r) != ZB_STANDING_MISSING)
            continue;
        size_t i = zb_progress_indicator(b->progress, r);
        const char *lead = zb_plan_indicator_lead(plan, i);
        zb_buf_addf(&buf, "%s%s", k++ ? "；" : "", zb_plan_indicator_bare_name(plan, i));
        if (lead && *lead)
            zb_buf_addf(&buf, "（牵头单位：%s）", lead);
    }
    zb_buf_adds(&buf, "。");
    return add_text(b, 0, &buf, "unreported indicators", 0);
}

static int requirements(zb_bulletin *b, int section)
{
    zb_buf buf = {0};
    add_section(&buf, section, "下步工作要求");
    if (add_text(b, 1, &buf, "heading", 0))
        return -1;
    return add_fixed(b, 0,
                     "各牵头单位要对照目标任务，深入分析进度滞后的原因，逐项制定针对性措施，"
                     "加快工作推进，确保按期完成目标；各配合单位要按照职责分工，主动对接、协同发力。"
                     "各单位要严格落实月度监测制度，按时、准确报送指标数据，未报送数据的单位要尽快补报。"
                     "对连续两个季度进度滞后的指标，将列入重点督办。",
                     "requirements");
}

/* ---------------------------------------------------------------------------------- */

/* The title of the plan the indicators belong to. A notice that issues a plan (印发…的通知)
 * names it in ZB_META_PLAN_TITLE, or in its own title, 关于印发《X》的通知 or, as often
 * written, 关于印发X的通知: then X, which buf receives; else the plan's title. */
static const char *issued_title(const zb_plan *plan, zb_buf *buf)
{
    const char *title = zb_plan_meta(plan, ZB_META_PLAN_TITLE);
    if (*title)
        return title;
    title = zb_plan_meta(plan, ZB_META_TITLE);
    static const char open[] = "印发", close[] = "的通知", quote_open[] = "《", quote_close[] = "》";
    const char *start = strstr(title, open);
    size_t len = strlen(title), tail = sizeof close - 1;
    if (!start || len < tail || strcmp(title + len - tail, close) != 0)
        return title;
    start += sizeof open - 1;
    const char *end = title + len - tail;
    size_t qo = sizeof quote_open - 1, qc = sizeof quote_close - 1;
    /* 《X》 as a whole: the marks go; a title only partly quoted keeps them. */
    if (end - start > (ptrdiff_t)(qo + qc) && memcmp(start, quote_open, qo) == 0 &&
        memcmp(end - qc, quote_close, qc) == 0 && !strstr(start + qo, quote_open)) {
        start += qo;
        end -= qc;
    }
    if (end <= start)
        return title;
    zb_buf_add(buf, start, (size_t)(end - start));
    return buf->data ? buf->data : title;
}

void zb_bulletin_free(zb_bulletin *b)
{
    if (!b)
        return;
    zb_owned_free(&b->strings);
    free(b->rows);
    free(b->cells);
    free(b->body);
    free(b->bars);
    free(b->recipients);
    free(b->copy_to);
    free(b->words);
    memset(b, 0, sizeof *b);
}

zb_status zb_bulletin_build(const zb_plan *plan, const zb_progress *progress,
                            const zb_bulletin_options *o, zb_bulletin *b, zb_error *error)
{
    memset(b, 0, sizeof *b);
    b->plan = plan;
    b->progress = progress;
    if (!parse_period(zb_progress_period(progress), &b->year, &b->month))
        return zb_error_set(error, ZB_ERR_VALUE, "period \"%s\" is not YYYY-MM",
                            zb_progress_period(progress));
    b->quarter = zb_bulletin_quarter(b->month);
    b->date.year = b->year;
    b->date.month = b->month;
    b->date.day = month_days(b->year, b->month);
    for (size_t r = 0; r < zb_progress_count(progress); r++) {
        zb_standing s = zb_progress_standing(progress, r);
        if ((unsigned)s < ZB_STANDING_COUNT)
            b->counts[s]++;
    }
    zb_buf buf = {0};
    const char *plan_title = issued_title(plan, &buf);
    if (buf.len && !(plan_title = keep(b, &buf)))
        return nomem(error);

    if (o->title && *o->title) {
        zb_buf_adds(&buf, o->title);
    } else {
        /* The year is said once: 关于2024年第二季度某县…工作要点…, not …某县…2024年工作要点…. */
        char year[16];
        snprintf(year, sizeof year, "%d年", b->year);
        const char *y = strstr(plan_title, year);
        while (y) {
            const char *after = y + strlen(year);
            int digit_before = y > plan_title && ((y[-1] >= '0' && y[-1] <= '9') || y[-1] == '-' ||
                                                  (y - plan_title >= 3 && memcmp(y - 3, "—", 3) == 0));
            if (!digit_before && strncmp(after, "度", strlen("度")) != 0)
                break;
            y = strstr(after, year);
        }
        zb_buf_addf(&buf, "关于%d年第%s季度", b->year, cn_digits[b->quarter]);
        if (y) {
            zb_buf_add(&buf, plan_title, (size_t)(y - plan_title));
            zb_buf_adds(&buf, y + strlen(year));
        } else {
            zb_buf_adds(&buf, plan_title);
        }
        /* 某县主要指标 is followed by 进展情况, not by 指标 again. */
        static const char word[] = "指标";
        size_t w = sizeof word - 1;
        int named = buf.len >= w && memcmp(buf.data + buf.len - w, word, w) == 0;
        zb_buf_adds(&buf, named ? "进展情况的通报" : "指标进展情况的通报");
    }
    b->title = keep(b, &buf);
    zb_buf_addf(&buf, "%d年%d月指标进展情况表", b->year, b->month);
    b->attachment_title = keep(b, &buf);
    if (!b->title || !b->attachment_title || build_chart(b) || build_table(b))
        return nomem(error);

    /* The opening: the months covered and the plan, named as a document. */
    zb_buf_addf(&buf, "现将%d年", b->year);
    if (b->month > 1)
        zb_buf_addf(&buf, "1—%d月", b->month);
    else
        zb_buf_adds(&buf, "1月");
    if (*plan_title) {
        int quoted = strncmp(plan_title, "《", strlen("《")) == 0;
        zb_buf_addf(&buf, "%s%s%s确定的", quoted ? "" : "《", plan_title, quoted ? "" : "》");
    }
    zb_buf_addf(&buf, "%zu项指标进展情况通报如下。", zb_progress_count(progress));
    int section = 1;
    if (add_text(b, 0, &buf, "opening", 0) || overview(b, section++) || lagging(b, section++) ||
        ((b->counts[ZB_STANDING_EXCEEDED] || b->counts[ZB_STANDING_WARNING]) && caps(b, section++)) ||
        (b->counts[ZB_STANDING_QUALITATIVE] && qualitative(b, section++)) ||
        (b->counts[ZB_STANDING_MISSING] && unreported(b, section++)) || requirements(b, section++))
        return nomem(error);

    size_t nr = zb_plan_recipient_count(plan), nc = zb_plan_copy_to_count(plan);
    b->recipients = calloc(nr ? nr : 1, sizeof *b->recipients);
    b->copy_to = calloc(nc ? nc : 1, sizeof *b->copy_to);
    size_t nw = 0;
    b->words = zb_plan_title_words(plan, &nw);
    if (!b->recipients || !b->copy_to || !b->words)
        return nomem(error);
    for (size_t i = 0; i < nr; i++)
        b->recipients[i] = zb_plan_recipient(plan, i);
    for (size_t i = 0; i < nc; i++)
        b->copy_to[i] = zb_plan_copy_to(plan, i);

    b->attachment.number = 0; /* the only one: 附件, without a number (GB/T 9704 §7.3.4) */
    b->attachment.title = b->attachment_title;
    b->attachment.kind = ZB_ATTACHED_TABLE;
    b->attachment.table = &b->table;

    zb_document *d = &b->doc;
    d->masthead = o->masthead;
    d->organ = zb_plan_meta(plan, ZB_META_ORGAN);
    d->organ_mark = zb_plan_meta(plan, ZB_META_ORGAN_MARK);
    d->doc_number = o->doc_number;
    d->title = b->title;
    d->recipients = b->recipients;
    d->recipient_count = nr;
    d->body = b->body;
    d->body_count = b->body_count;
    d->attachments = &b->attachment;
    d->attachment_count = 1;
    d->signature = zb_plan_meta(plan, ZB_META_SIGNATURE);
    if (!*d->signature)
        d->signature = d->organ;
    d->date = b->date;
    d->note = zb_plan_meta(plan, ZB_META_NOTE);
    d->seal_png = o->seal_png;
    d->seal_data = o->seal_png_data;
    d->seal_size = o->seal_png_size;
    d->sealed = o->sealed;
    d->copy_to = b->copy_to;
    d->copy_to_count = nc;
    d->printer = zb_plan_meta(plan, ZB_META_PRINTER);
    d->printed = b->date;
    d->words = b->words;
    d->word_count = nw;
    d->info_title = b->title;
    d->info_author = d->organ;
    d->created = zb_output_time(b->date, b->year);
    return ZB_OK;
}

zb_status zb_bulletin_write(const zb_plan *plan, const zb_fontset *fonts, const char *period,
                            const zb_bulletin_options *options, const zb_document_target *to,
                            zb_pdf_info *info, zb_error *error)
{
    zb_status st = zb_document_begin(plan, to, info, error);
    if (st)
        return st;
    if (!period)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no period given");
    zb_bulletin_options defaults;
    memset(&defaults, 0, sizeof defaults);
    const zb_bulletin_options *o = options ? options : &defaults;

    /* The evaluation checks the period: a malformed one or one outside the plan's years is
     * ZB_ERR_VALUE. */
    zb_progress *progress = NULL;
    st = zb_progress_evaluate(plan, period, o->progress, &progress, error);
    if (st)
        return st;
    zb_bulletin b;
    st = zb_bulletin_build(plan, progress, o, &b, error);
    if (!st)
        st = zb_document_write(&b.doc, fonts, to, info, error);
    zb_bulletin_free(&b);
    zb_progress_free(progress);
    return st;
}

static zb_status write_file(zb_render_format format, const zb_plan *plan, const zb_fontset *fonts,
                            const char *period, const char *path,
                            const zb_bulletin_options *options, zb_pdf_info *info, zb_error *error)
{
    zb_document_target to;
    memset(&to, 0, sizeof to);
    to.format = format;
    to.path = path ? path : ""; /* "": no output path given */
    return zb_bulletin_write(plan, fonts, period, options, &to, info, error);
}

ZB_API zb_status zb_pdf_write_bulletin(const zb_plan *plan, const zb_fontset *fonts, const char *period,
                                       const char *path, const zb_bulletin_options *options,
                                       zb_pdf_info *info, zb_error *error)
{
    return write_file(ZB_RENDER_PDF, plan, fonts, period, path, options, info, error);
}

ZB_API zb_status zb_ofd_write_bulletin(const zb_plan *plan, const zb_fontset *fonts, const char *period,
                                       const char *path, const zb_bulletin_options *options,
                                       zb_pdf_info *info, zb_error *error)
{
    return write_file(ZB_RENDER_OFD, plan, fonts, period, path, options, info, error);
}

ZB_API zb_status zb_ofd_bulletin_to_buffer(const zb_plan *plan, const zb_fontset *fonts, const char *period,
                                           const zb_bulletin_options *options, char **out, size_t *len,
                                           zb_pdf_info *info, zb_error *error)
{
    if (out)
        *out = NULL; /* cleared whatever fails */
    if (len)
        *len = 0;
    zb_document_target to;
    memset(&to, 0, sizeof to);
    to.format = ZB_RENDER_OFD;
    to.out = out;
    to.len = len;
    return zb_bulletin_write(plan, fonts, period, options, &to, info, error);
}

ZB_API zb_status zb_pdf_bulletin_to_buffer(const zb_plan *plan, const zb_fontset *fonts, const char *period,
                                           const zb_bulletin_options *options, char **out, size_t *len,
                                           zb_pdf_info *info, zb_error *error)
{
    zb_document_target to;
    memset(&to, 0, sizeof to);
    to.format = ZB_RENDER_PDF;
    to.embedding = ZB_EMBED_SUBSET;
    to.out = out;
    to.len = len;
    return zb_bulletin_write(plan, fonts, period, options, &to, info, error);
}
