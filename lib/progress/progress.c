/* Progress evaluation (月度监测): each indicator's actual at a period against its target, with
 * the numbers behind the standing in one line. docs/progress.md states the same rules as
 * tables; keep the two in step. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "zhibiao/progress.h"

typedef struct result {
    size_t indicator;
    size_t actual_at; /* index of the actual used, or ZB_NONE */
    int seq;
    int target_year;  /* the year of the target judged against; 0 = tied to no year */
    zb_standing standing;
    double actual, target, completion, expected;
    size_t explain;     /* offset of the line in text; fixed up into a pointer when done */
    size_t target_text; /* offset of the target's text in text */
} result;

struct zb_progress {
    char period[8];
    result *results;
    size_t count;
    char *text;        /* every explain line and target text, each NUL-terminated */
    const char **lines; /* lines[i] points into text */
    const char **targets; /* targets[i] points into text */
    size_t counts[ZB_STANDING_COUNT];
};

static const char *const labels[ZB_STANDING_COUNT] = {"未报送", "已完成", "超序时", "滞后", "达标", "未达标",
                                                      "无目标值", "超出",   "预警",   "受控", "定性"};

const char *zb_standing_label(zb_standing standing)
{
    return (int)standing >= 0 && (int)standing < ZB_STANDING_COUNT ? labels[standing] : "";
}

/* ---- numbers as the explain lines write them ------------------------------------------ */

/* Appends the decimal digits of n (>= 0). */
static void add_uint(zb_buf *b, unsigned long long n)
{
    char tmp[24];
    size_t k = sizeof tmp;
    do {
        tmp[--k] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    zb_buf_add(b, tmp + k, sizeof tmp - k);
}

/* Appends r / 10^decimals written out, r an integer (negative allowed). */
static void add_fixed(zb_buf *b, long long r, int decimals)
{
    unsigned long long u = r < 0 ? 0ull - (unsigned long long)r : (unsigned long long)r;
    if (r < 0)
        zb_buf_addc(b, '-');
    unsigned long long scale = 1;
    for (int k = 0; k < decimals; k++)
        scale *= 10;
    add_uint(b, u / scale);
    if (decimals) {
        char frac[24];
        unsigned long long f = u % scale;
        for (int k = decimals - 1; k >= 0; k--, f /= 10)
            frac[k] = (char)('0' + f % 10);
        zb_buf_addc(b, '.');
        zb_buf_add(b, frac, (size_t)decimals);
    }
}

/* The shortest text that reads back as v, as zb_format_number() writes it. Most actuals and
 * targets have a few decimals at most, so those are written without printf: r / 10^k with
 * r an exact integer is the correctly rounded double nearest that decimal, which is what
 * strtod reads back. */
static void add_number(zb_buf *b, double v)
{
    if (v == 0) {
        zb_buf_addc(b, '0'); /* -0 too */
        return;
    }
    static const double powers[] = {1, 10, 100, 1000, 10000};
    for (int k = 0; k < 5; k++) {
        double x = v * powers[k];
        if (fabs(x) >= 9e15)
            break;
        double r = nearbyint(x);
        if (r / powers[k] == v) {
            add_fixed(b, (long long)r, k);
            return;
        }
    }
    char buf[32];
    zb_buf_adds(b, zb_format_number(v, buf));
}

/* A number rounded to 6 decimals, trailing zeros dropped: for computed values (a threshold,
 * an allowance) that the reader recomputes by hand. */
static void add_computed(zb_buf *b, double v)
{
    if (!(fabs(v) < 9e9)) {
        add_number(b, v);
        return;
    }
    long long r = (long long)nearbyint(v * 1e6);
    int decimals = 6;
    while (decimals > 0 && r % 10 == 0) {
        r /= 10;
        decimals--;
    }
    add_fixed(b, r, decimals);
}

/* A fraction as a percentage with one decimal: 0.5111 -> "51.1%". */
static void add_percent(zb_buf *b, double fraction)
{
    double p = fraction * 1000.0;
    if (!(fabs(p) < 9e15)) {
        /* Beyond 10^14 %: the shortest digits that are its value, not the noise %.1f
         * prints past them. */
        char buf[32];
        zb_buf_adds(b, zb_format_number(fraction * 100.0, buf));
        zb_buf_adds(b, ".0%");
        return;
    }
    add_fixed(b, (long long)nearbyint(p), 1);
    zb_buf_addc(b, '%');
}

/* Comparisons that a reader doing the sum by hand would agree with: 0.1 * 3 is 0.3. */
#define ZB_EPS 1e-9
static int at_least(double a, double b) { return a >= b - ZB_EPS * fmax(1.0, fabs(b)); }
static int at_most(double a, double b) { return a <= b + ZB_EPS * fmax(1.0, fabs(b)); }

/* ---- periods ------------------------------------------------------------------------ */

/* What every indicator of one evaluation shares. */
typedef struct context {
    const zb_plan *plan;
    const char *period;
    double about_tolerance; /* the option as given */
    int year, month;        /* of the period */
    int first, last;        /* the plan's span (the period's year when it has none) */
} context;

/* The months a target covers up to the period: its schedule. */
typedef struct schedule {
    int elapsed, total; /* months up to the end of the period, and in all */
    int final;          /* the period is the target's last month */
    double expected;    /* elapsed / total */
} schedule;

static void set_schedule(schedule *s, int elapsed, int total)
{
    s->elapsed = elapsed;
    s->total = total;
    s->final = elapsed == total;
    s->expected = (double)elapsed / total;
}

/* The target a period is judged against (docs/progress.md, "Which target"): the one for the
 * period's year, with that year's schedule; else the one tied to no year, over the plan's
 * span; else the first for a later year, a milestone over the months from the span's start
 * to the end of its year. ZB_NONE when none of these exists. */
static size_t choose_target(const context *c, size_t i, schedule *s)
{
    const zb_plan *plan = c->plan;
    size_t n = zb_plan_indicator_target_count(plan, i);
    size_t yearless = ZB_NONE, later = ZB_NONE;
    for (size_t k = 0; k < n; k++) {
        int y = zb_plan_indicator_target_year(plan, i, k);
        if (y == c->year) {
            set_schedule(s, c->month, 12);
            return k;
        }
        if (y == 0)
            yearless = k;
        else if (y > c->year && later == ZB_NONE)
            later = k;
    }
    int since_start = (c->year - c->first) * 12 + c->month;
    if (yearless != ZB_NONE) {
        set_schedule(s, since_start, (c->last - c->first + 1) * 12);
        return yearless;
    }
    if (later != ZB_NONE) {
        set_schedule(s, since_start, (zb_plan_indicator_target_year(plan, i, later) - c->first + 1) * 12);
        return later;
    }
    set_schedule(s, since_start, (c->last - c->first + 1) * 12);
    return ZB_NONE;
}

/* ---- the rules, one function per kind ---------------------------------------------------- */

/* A value in % when the unit is %, or the target is a plain number written with %. */
static int is_percent(const zb_plan *plan, size_t i, size_t k)
{
    const char *unit = zb_plan_indicator_unit(plan, i);
    if (strcmp(unit, "%") == 0 || strcmp(unit, "％") == 0)
        return 1;
    if (k == ZB_NONE || zb_plan_indicator_target_change_at(plan, i, k) != ZB_CHANGE_NONE)
        return 0;
    const char *text = zb_plan_indicator_target_text_at(plan, i, k);
    return strchr(text, '%') || strstr(text, "％");
}

/* A target's text as an explain line quotes it: whole up to 60 characters, else its first
 * 60 and "…" — the 目标值 column beside the line holds it whole, and a line must stay within
 * a cell however long the target is. */
#define QUOTE_CHARS 60
static void add_quoted(zb_buf *b, const char *text)
{
    size_t n = 0, chars = 0, len = strlen(text);
    while (n < len && chars < QUOTE_CHARS) {
        size_t k;
        zb_utf8_decode(text + n, &k);
        n += k ? k : 1;
        chars++;
    }
    zb_buf_add(b, text, n < len ? n : len);
    if (n < len)
        zb_buf_adds(b, "…");
}

/* "（6/12）": the months behind the time schedule. */
static void add_months(zb_buf *b, const schedule *s)
{
    add_uint(b, (unsigned long long)s->elapsed);
    zb_buf_addc(b, '/');
    add_uint(b, (unsigned long long)s->total);
}

static void add_schedule(zb_buf *b, const schedule *s)
{
    zb_buf_adds(b, "（");
    add_months(b, s);
    zb_buf_adds(b, "）");
}

/* A target that was worked out from a base (下降3% from 0.5 → 0.485) is shown to 6 decimals;
 * one written as a number, the shortest way. */
static void add_target(zb_buf *b, double t, int computed)
{
    if (computed)
        add_computed(b, t);
    else
        add_number(b, t);
}

/* Higher is better: completion = actual / target against the schedule. */
static void eval_cumulative(const schedule *s, result *r, int computed, zb_buf *b)
{
    double a = r->actual, t = r->target;
    if (t > 0) {
        r->completion = a / t;
        r->standing = at_least(r->completion, 1.0)           ? ZB_STANDING_DONE
                      : at_least(r->completion, r->expected) ? ZB_STANDING_AHEAD
                                                             : ZB_STANDING_BEHIND;
        zb_buf_adds(b, "累计 ");
        add_number(b, a);
        zb_buf_adds(b, " / 目标 ");
        add_target(b, t, computed);
        zb_buf_adds(b, " = ");
        add_percent(b, r->completion);
        zb_buf_adds(b, "，序时进度 ");
        add_percent(b, r->expected);
        add_schedule(b, s);
        return;
    }
    /* A target of zero or less gives no ratio and no schedule: only the comparison. */
    int done = at_least(a, t);
    r->standing = done ? ZB_STANDING_DONE : ZB_STANDING_BEHIND;
    zb_buf_adds(b, "累计 ");
    add_number(b, a);
    zb_buf_adds(b, done ? " ≥ 目标 " : " < 目标 ");
    add_target(b, t, computed);
    zb_buf_adds(b, "（目标不大于 0，不计完成率和序时进度）");
}

/* A cap (≤ on a count, or lower is better): judged against the cap, never as progress. Over
 * it: 超出, whenever. Within it: 已完成 at the target's last month; before, 预警 above the
 * time-proportional share of it (the allowance), else 受控. No completion rate: a count
 * below its cap is not "more than done". */
static void eval_cap(const schedule *s, result *r, int computed, zb_buf *b)
{
    double a = r->actual, t = r->target;
    r->completion = NAN;
    zb_buf_adds(b, "累计 ");
    add_number(b, a);
    if (!at_most(a, t)) {
        r->standing = ZB_STANDING_EXCEEDED;
        zb_buf_adds(b, " > 上限 ");
        add_target(b, t, computed);
        return;
    }
    if (s->final) {
        r->standing = ZB_STANDING_DONE;
        zb_buf_adds(b, " ≤ 上限 ");
        add_target(b, t, computed);
        zb_buf_adds(b, "（期末 ");
        add_months(b, s);
        zb_buf_adds(b, "）");
        return;
    }
    if (t <= 0) {
        /* No share of nothing: within the cap is within the schedule. */
        r->standing = ZB_STANDING_WITHIN;
        zb_buf_adds(b, " ≤ 上限 ");
        add_target(b, t, computed);
        return;
    }
    double allowance = r->expected * t;
    int within = at_most(a, allowance);
    r->standing = within ? ZB_STANDING_WITHIN : ZB_STANDING_WARNING;
    zb_buf_adds(b, within ? " ≤ 序时额度 " : " > 序时额度 ");
    add_computed(b, allowance);
    zb_buf_adds(b, "（上限 ");
    add_target(b, t, computed);
    zb_buf_adds(b, " × ");
    add_months(b, s);
    zb_buf_adds(b, "）");
    if (!within) {
        zb_buf_adds(b, "，未超上限 ");
        add_target(b, t, computed);
    }
}

/* The tolerance of a 左右 target. */
static double tolerance_of(const context *c, double t, int percent)
{
    double tol = 0, opt = c->about_tolerance;
    if (opt == 0)
        tol = percent ? 0.5 : 0.02 * fabs(t);
    else if (opt > 0)
        tol = percent ? opt : opt * fabs(t);
    return isfinite(tol) ? tol : 0;
}

/* The words of a stated change judged as the change itself: "下降" and its unit. */
typedef struct change_words {
    const char *verb; /* 下降, 增长, 提高, 减少, 增加 */
    const char *unit; /* "%", " 个百分点", or the indicator's unit */
} change_words;

static void words_of_change(const zb_plan *plan, size_t i, size_t k, change_words *w)
{
    zb_change how = zb_plan_indicator_target_change_at(plan, i, k);
    int down = zb_plan_indicator_target_change_amount_at(plan, i, k) < 0;
    switch (how) {
    case ZB_CHANGE_POINTS:
        w->verb = down ? "下降" : "提高";
        w->unit = " 个百分点";
        break;
    case ZB_CHANGE_AMOUNT:
        w->verb = down ? "减少" : "增加";
        w->unit = zb_plan_indicator_unit(plan, i);
        break;
    default:
        w->verb = down ? "下降" : "增长";
        w->unit = "%";
        break;
    }
}

/* A rate or level: the value at the period against the target, which way the qualifier (or
 * else the direction) says; 左右 within a tolerance. A change stated without a base is judged
 * the same way on the change itself. */
static void eval_level(const context *c, result *r, size_t i, size_t k, zb_qualifier q, int higher,
                       int as_change, zb_buf *b)
{
    const zb_plan *plan = c->plan;
    double a = r->actual, t = r->target;
    change_words words = {"", ""};
    int percent = 0;
    if (as_change)
        words_of_change(plan, i, k, &words);
    else
        percent = is_percent(plan, i, k);
    int computed = zb_plan_indicator_target_from_base_at(plan, i, k);
    /* A written 以上 or 以下 says which way the comparison goes, whatever the name suggests; a
     * change judged on its own is at least its size unless bounded from above. */
    int ge = q == ZB_QUAL_AT_LEAST || (q != ZB_QUAL_AT_MOST && (higher || as_change));
    double tol = q == ZB_QUAL_ABOUT ? tolerance_of(c, t, percent || (as_change && words.unit[0] == '%')) : 0;
    double threshold = ge ? t - tol : t + tol;
    int met = ge ? at_least(a, threshold) : at_most(a, threshold);
    r->standing = met ? ZB_STANDING_MET : ZB_STANDING_NOT_MET;
    const char *sym = met ? (ge ? " ≥ " : " ≤ ") : (ge ? " < " : " > ");
    const char *unit = as_change ? words.unit : percent ? "%" : "";

    if (as_change) {
        zb_buf_adds(b, words.verb);
        zb_buf_addc(b, ' ');
    }
    add_number(b, a);
    zb_buf_adds(b, unit);
    zb_buf_adds(b, sym);
    /* Met without the tolerance: compare with the target itself, the simpler sum. */
    int plain = tol == 0 || (ge ? a >= t : a <= t);
    if (plain) {
        zb_buf_adds(b, "目标 ");
        if (as_change) {
            zb_buf_adds(b, words.verb);
            zb_buf_addc(b, ' ');
        }
        add_target(b, t, computed);
        zb_buf_adds(b, unit);
    } else {
        add_target(b, t, computed);
        zb_buf_adds(b, unit);
        zb_buf_adds(b, ge ? " − " : " + ");
        add_computed(b, tol);
        zb_buf_adds(b, " = ");
        add_computed(b, threshold);
        zb_buf_adds(b, unit);
    }
    if (computed) {
        /* How the target was worked out from the base: （基期 0.5 下降3%）. */
        zb_buf_adds(b, "（基期 ");
        add_number(b, zb_plan_indicator_base_value(plan, i));
        zb_buf_addc(b, ' ');
        add_quoted(b, zb_plan_indicator_target_text_at(plan, i, k));
        zb_buf_adds(b, "）");
    }
    if (as_change)
        zb_buf_adds(b, "（无基期值，按变化幅度计）");
    switch (q) {
    case ZB_QUAL_AT_LEAST:
        if (!as_change && !computed)
            zb_buf_adds(b, "（以上）");
        break;
    case ZB_QUAL_AT_MOST:
        if (!as_change && !computed)
            zb_buf_adds(b, "（以下）");
        break;
    case ZB_QUAL_ABOUT:
        zb_buf_adds(b, "（左右，容差");
        if (tol == 0) {
            zb_buf_adds(b, " 0");
        } else if (percent || (as_change && words.unit[0] == '%')) {
            zb_buf_addc(b, ' ');
            add_computed(b, tol);
            zb_buf_adds(b, " 个百分点");
        } else {
            zb_buf_adds(b, "为目标的 ");
            add_computed(b, c->about_tolerance > 0 ? c->about_tolerance * 100 : 2);
            zb_buf_adds(b, "%，即 ");
            add_computed(b, tol);
        }
        zb_buf_adds(b, higher || as_change ? "）" : "，越低越好）");
        break;
    default:
        if (!higher && !as_change)
            zb_buf_adds(b, "（越低越好）");
        break;
    }
}

/* What a target without a number says, for the explain line. */
static void add_no_target(const context *c, size_t i, size_t k, zb_buf *b)
{
    if (k != ZB_NONE) {
        zb_buf_adds(b, "目标值“");
        add_quoted(b, zb_plan_indicator_target_text_at(c->plan, i, k));
        zb_buf_adds(b, "”没有可比较的数字");
    } else if (zb_plan_indicator_target_count(c->plan, i) > 0) {
        add_uint(b, (unsigned long long)c->year);
        zb_buf_adds(b, "年没有目标值");
    } else {
        zb_buf_adds(b, "没有目标值");
    }
}

static void eval_one(const context *c, size_t i, result *r, zb_buf *b)
{
    const zb_plan *plan = c->plan;
    zb_kind kind = zb_plan_indicator_kind(plan, i);
    int higher = zb_plan_indicator_direction(plan, i) != ZB_DIR_LOWER;
    schedule s;
    size_t k = choose_target(c, i, &s);
    zb_target_class cls = k != ZB_NONE ? zb_plan_indicator_target_class_at(plan, i, k) : ZB_TARGET_NONE;
    int as_change = k != ZB_NONE && zb_plan_indicator_target_as_change_at(plan, i, k);
    r->seq = zb_plan_indicator_seq(plan, i);
    r->target_year = k != ZB_NONE ? zb_plan_indicator_target_year(plan, i, k) : 0;
    r->target = k != ZB_NONE ? zb_plan_indicator_target_value_at(plan, i, k) : NAN;
    r->completion = NAN;
    r->actual = NAN;
    int scheduled = kind == ZB_KIND_CUMULATIVE && k != ZB_NONE && cls != ZB_TARGET_QUALITATIVE && !as_change;
    r->expected = scheduled ? s.expected : NAN;
    size_t a = r->actual_at;
    r->indicator = i;
    if (a != ZB_NONE)
        r->actual = zb_plan_actual_value(plan, a);

    /* A qualitative target is reported, never scored as a number. */
    if (cls == ZB_TARGET_QUALITATIVE) {
        r->standing = ZB_STANDING_QUALITATIVE;
        r->target = NAN;
        zb_buf_adds(b, "定性目标“");
        add_quoted(b, zb_plan_indicator_target_text_at(plan, i, k));
        zb_buf_adds(b, "”");
        if (a != ZB_NONE) {
            zb_buf_adds(b, "，本期 ");
            add_number(b, r->actual);
        } else {
            zb_buf_adds(b, "，按报送情况评定");
        }
        return;
    }
    if (a == ZB_NONE) {
        r->standing = ZB_STANDING_MISSING;
        zb_buf_adds(b, "未报送 ");
        zb_buf_adds(b, c->period);
        zb_buf_adds(b, " 的数据");
        return;
    }
    if (cls != ZB_TARGET_NUMERIC || isnan(r->target)) {
        r->standing = ZB_STANDING_NO_TARGET;
        add_no_target(c, i, cls == ZB_TARGET_NUMERIC ? ZB_NONE : k, b);
        zb_buf_adds(b, "，本期 ");
        add_number(b, r->actual);
        return;
    }
    zb_qualifier q = zb_plan_indicator_target_qualifier_at(plan, i, k);
    int computed = zb_plan_indicator_target_from_base_at(plan, i, k);
    if (kind == ZB_KIND_CUMULATIVE && !as_change) {
        /* 以上 / 以下 written on the target say which way is better, as for rates: ≤ (or lower
         * is better without a bound) makes the target a cap. */
        int cap = q == ZB_QUAL_AT_MOST || (q != ZB_QUAL_AT_LEAST && !higher);
        if (cap)
            eval_cap(&s, r, computed, b);
        else
            eval_cumulative(&s, r, computed, b);
    } else {
        eval_level(c, r, i, k, q, higher, as_change, b);
    }
}

/* ---- evaluation and results ------------------------------------------------------------ */

zb_status zb_progress_parse_period(const char *text, char *out, zb_error *error)
{
    zb_error_clear(error);
    char canon[8];
    zb_status st = zb_period_check(text, canon, "", error);
    if (st == ZB_OK && out)
        memcpy(out, canon, 8);
    return st;
}

zb_status zb_progress_evaluate(const zb_plan *plan, const char *period, const zb_progress_options *options,
                               zb_progress **out, zb_error *error)
{
    if (out)
        *out = NULL;
    if (!plan || !out)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "progress: %s is NULL", plan ? "out" : "plan");
    if (!period)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "progress: no period given");
    char canon[8];
    zb_status pst = zb_period_check(period, canon, "progress: ", error);
    if (pst)
        return pst;
    period = canon;
    int year = atoi(canon), month = atoi(canon + 5);
    int first = zb_plan_first_year(plan), last = zb_plan_last_year(plan);
    if (first && (year < first || year > last)) {
        if (first == last)
            return zb_error_set(error, ZB_ERR_VALUE, "progress: period %s is outside the plan's year %d", period,
                                first);
        return zb_error_set(error, ZB_ERR_VALUE, "progress: period %s is outside the plan's years %d–%d", period,
                            first, last);
    }
    if (!first)
        first = last = year; /* no span: a one-year plan for the period's year */

    context c = {0};
    c.plan = plan;
    c.period = period;
    c.about_tolerance = options ? options->about_tolerance : 0;
    if (isnan(c.about_tolerance))
        c.about_tolerance = 0;
    c.year = year;
    c.month = month;
    c.first = first;
    c.last = last;

    zb_progress *p = calloc(1, sizeof *p);
    size_t n = zb_plan_indicator_count(plan);
    if (!p)
        return zb_error_set(error, ZB_ERR_NOMEM, "progress: out of memory");
    memcpy(p->period, period, 8);
    if (n) {
        p->results = malloc(n * sizeof *p->results);
        p->lines = malloc(n * sizeof *p->lines);
        p->targets = malloc(n * sizeof *p->targets);
    }
    zb_buf b = {0};
    if (n && (!p->results || !p->lines || !p->targets))
        goto nomem;
    /* All lookups first: independent of each other, their cache misses overlap, where
     * between the formatting of the lines they would come one at a time. */
    for (size_t i = 0; i < n; i++)
        p->results[i].actual_at = zb_plan_find_actual(plan, i, period);
    for (size_t i = 0; i < n; i++) {
        result *r = &p->results[i];
        r->explain = b.len;
        eval_one(&c, i, r, &b);
        zb_buf_add(&b, "", 1); /* each line keeps its NUL */
        /* The target judged against, copied: the results outlive changes to the plan. */
        r->target_text = b.len;
        size_t k = zb_plan_indicator_find_target(plan, i, r->target_year);
        if (k != ZB_NONE)
            zb_buf_adds(&b, zb_plan_indicator_target_text_at(plan, i, k));
        zb_buf_add(&b, "", 1);
        p->counts[r->standing]++;
    }
    if (b.failed)
        goto nomem;
    p->count = n;
    p->text = zb_buf_take(&b);
    if (n && !p->text)
        goto nomem;
    for (size_t i = 0; i < n; i++) {
        p->lines[i] = p->text + p->results[i].explain;
        p->targets[i] = p->text + p->results[i].target_text;
    }
    *out = p;
    zb_error_clear(error);
    return ZB_OK;

nomem:
    zb_buf_free(&b);
    zb_progress_free(p);
    return zb_error_set(error, ZB_ERR_NOMEM, "progress: out of memory evaluating %zu indicators", n);
}

void zb_progress_free(zb_progress *progress)
{
    if (!progress)
        return;
    free(progress->results);
    free(progress->lines);
    free(progress->targets);
    free(progress->text);
    free(progress);
}

static const result *get(const zb_progress *p, size_t i) { return p && i < p->count ? &p->results[i] : NULL; }

const char *zb_progress_period(const zb_progress *progress) { return progress ? progress->period : ""; }

size_t zb_progress_count(const zb_progress *progress) { return progress ? progress->count : 0; }

size_t zb_progress_indicator(const zb_progress *progress, size_t i)
{
    const result *r = get(progress, i);
    return r ? r->indicator : ZB_NONE;
}

int zb_progress_seq(const zb_progress *progress, size_t i)
{
    const result *r = get(progress, i);
    return r ? r->seq : 0;
}

zb_standing zb_progress_standing(const zb_progress *progress, size_t i)
{
    const result *r = get(progress, i);
    return r ? r->standing : ZB_STANDING_MISSING;
}

double zb_progress_actual(const zb_progress *progress, size_t i)
{
    const result *r = get(progress, i);
    return r ? r->actual : NAN;
}

double zb_progress_target(const zb_progress *progress, size_t i)
{
    const result *r = get(progress, i);
    return r ? r->target : NAN;
}

double zb_progress_completion(const zb_progress *progress, size_t i)
{
    const result *r = get(progress, i);
    return r ? r->completion : NAN;
}

double zb_progress_expected(const zb_progress *progress, size_t i)
{
    const result *r = get(progress, i);
    return r ? r->expected : NAN;
}

const char *zb_progress_target_text(const zb_progress *progress, size_t i)
{
    return get(progress, i) ? progress->targets[i] : "";
}

int zb_progress_target_year(const zb_progress *progress, size_t i)
{
    const result *r = get(progress, i);
    return r ? r->target_year : 0;
}

const char *zb_progress_explain(const zb_progress *progress, size_t i)
{
    return get(progress, i) ? progress->lines[i] : "";
}

size_t zb_progress_count_standing(const zb_progress *progress, zb_standing standing)
{
    if (!progress || (int)standing < 0 || (int)standing >= ZB_STANDING_COUNT)
        return 0;
    return progress->counts[standing];
}
