/* Tests for progress evaluation (progress.h): every kind, direction and qualifier at the
 * boundaries docs/progress.md names, the explain lines word for word, bad periods, the
 * results' lifetime, and the demo data's standings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zhibiao/csv.h"
#include "zhibiao/json.h"
#include "zhibiao/progress.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))
#define NONE NAN /* no actual, or a NaN expected */

static void assert_same(double got, double want, const char *what, size_t k)
{
    if (isnan(want) ? !isnan(got) : !(fabs(got - want) <= 1e-12 * fmax(1.0, fabs(want))))
        fail_msg("case %zu: %s is %.17g, want %.17g", k, what, got, want);
}

/* ---- one indicator, one actual: the table --------------------------------------------- */

typedef struct pcase {
    const char *name;
    const char *target; /* NULL = none */
    zb_kind kind;
    zb_direction dir;
    zb_qualifier q;    /* ZB_QUAL_AUTO = from the target text */
    int first, last;   /* the plan's years; 0 = none */
    const char *period;
    double actual;     /* NONE = not reported */
    double tolerance;  /* zb_progress_options.about_tolerance */
    zb_standing want;
    double completion; /* NONE = NaN */
    double expected;   /* NONE = NaN */
    const char *explain;
    const char *base;  /* 基期值; NULL = none */
} pcase;

#define CUM ZB_KIND_CUMULATIVE
#define RATE ZB_KIND_RATE
#define LEVEL ZB_KIND_LEVEL
#define UP ZB_DIR_HIGHER
#define DOWN ZB_DIR_LOWER
#define AUTO ZB_QUAL_AUTO

static const pcase cases[] = {
    /* cumulative, higher is better: completion = actual / target against m/12 */
    {"营业收入(亿元)", "450", CUM, UP, AUTO, 2024, 2024, "2024-06", 230, 0, ZB_STANDING_AHEAD, 230.0 / 450, 0.5,
     "累计 230 / 目标 450 = 51.1%，序时进度 50.0%（6/12）", NULL},
    {"营业收入(亿元)", "450", CUM, UP, AUTO, 2024, 2024, "2024-06", 225, 0, ZB_STANDING_AHEAD, 0.5, 0.5,
     "累计 225 / 目标 450 = 50.0%，序时进度 50.0%（6/12）", NULL}, /* exactly on schedule */
    {"营业收入(亿元)", "450", CUM, UP, AUTO, 2024, 2024, "2024-06", 224.9, 0, ZB_STANDING_BEHIND, 224.9 / 450, 0.5,
     "累计 224.9 / 目标 450 = 50.0%，序时进度 50.0%（6/12）", NULL}, /* rounds to 50.0% but is behind */
    {"营业收入(亿元)", "450", CUM, UP, AUTO, 2024, 2024, "2024-06", 450, 0, ZB_STANDING_DONE, 1, 0.5,
     "累计 450 / 目标 450 = 100.0%，序时进度 50.0%（6/12）", NULL}, /* exactly on target */
    {"营业收入(亿元)", "450", CUM, UP, AUTO, 2024, 2024, "2024-03", 500, 0, ZB_STANDING_DONE, 500.0 / 450, 0.25,
     "累计 500 / 目标 450 = 111.1%，序时进度 25.0%（3/12）", NULL},
    {"营业收入(亿元)", "450", CUM, UP, AUTO, 2024, 2024, "2024-12", 449.99, 0, ZB_STANDING_BEHIND, 449.99 / 450, 1,
     "累计 449.99 / 目标 450 = 100.0%，序时进度 100.0%（12/12）", NULL}, /* December: done or behind */
    {"新增企业(家)", "60", CUM, UP, AUTO, 2024, 2024, "2024-01", 5, 0, ZB_STANDING_AHEAD, 5.0 / 60, 1.0 / 12,
     "累计 5 / 目标 60 = 8.3%，序时进度 8.3%（1/12）", NULL}, /* 5/60 and 1/12 differ in the last bit */
    {"装机量(万千瓦)", "0.3", CUM, UP, AUTO, 2024, 2024, "2024-04", 0.1, 0, ZB_STANDING_AHEAD, 0.1 / 0.3, 4.0 / 12,
     "累计 0.1 / 目标 0.3 = 33.3%，序时进度 33.3%（4/12）", NULL},
    {"新增企业(家)", "60", CUM, UP, AUTO, 2024, 2024, "2024-02", 0, 0, ZB_STANDING_BEHIND, 0, 2.0 / 12,
     "累计 0 / 目标 60 = 0.0%，序时进度 16.7%（2/12）", NULL},
    {"新增企业(家)", "1,200", CUM, UP, AUTO, 2024, 2024, "2024-09", 1234.5, 0, ZB_STANDING_DONE, 1234.5 / 1200, 0.75,
     "累计 1234.5 / 目标 1200 = 102.9%，序时进度 75.0%（9/12）", NULL},
    {"净增企业(家)", "10", CUM, UP, AUTO, 2024, 2024, "2024-06", -2, 0, ZB_STANDING_BEHIND, -0.2, 0.5,
     "累计 -2 / 目标 10 = -20.0%，序时进度 50.0%（6/12）", NULL},
    {"新增企业(家)", "62以上", CUM, UP, AUTO, 2024, 2024, "2024-06", 31, 0, ZB_STANDING_AHEAD, 0.5, 0.5,
     "累计 31 / 目标 62 = 50.0%，序时进度 50.0%（6/12）", NULL}, /* 以上 agrees with higher */
    {"新增企业(家)", "5左右", CUM, UP, AUTO, 2024, 2024, "2024-12", 4.9, 0, ZB_STANDING_BEHIND, 0.98, 1,
     "累计 4.9 / 目标 5 = 98.0%，序时进度 100.0%（12/12）", NULL}, /* no tolerance for cumulative */
    /* a target of zero or less: only the comparison */
    {"净增亏损企业(家)", "0", CUM, UP, AUTO, 2024, 2024, "2024-06", 0, 0, ZB_STANDING_DONE, NONE, 0.5,
     "累计 0 ≥ 目标 0（目标不大于 0，不计完成率和序时进度）", NULL},
    {"净增亏损企业(家)", "0", CUM, UP, AUTO, 2024, 2024, "2024-06", -1, 0, ZB_STANDING_BEHIND, NONE, 0.5,
     "累计 -1 < 目标 0（目标不大于 0，不计完成率和序时进度）", NULL},

    /* cumulative, lower is better: a cap, judged against the cap; the allowance at month m is
     * m/12 of it; never a completion rate */
    {"工业用能总量(万吨标煤)", "200", CUM, DOWN, AUTO, 2024, 2024, "2024-06", 80, 0, ZB_STANDING_WITHIN, NONE, 0.5,
     "累计 80 ≤ 序时额度 100（上限 200 × 6/12）", NULL},
    {"工业用能总量(万吨标煤)", "200", CUM, DOWN, AUTO, 2024, 2024, "2024-06", 100, 0, ZB_STANDING_WITHIN, NONE, 0.5,
     "累计 100 ≤ 序时额度 100（上限 200 × 6/12）", NULL}, /* exactly the allowance */
    {"工业用能总量(万吨标煤)", "200", CUM, DOWN, AUTO, 2024, 2024, "2024-06", 100.5, 0, ZB_STANDING_WARNING, NONE, 0.5,
     "累计 100.5 > 序时额度 100（上限 200 × 6/12），未超上限 200", NULL},
    {"工业用能总量(万吨标煤)", "200", CUM, DOWN, AUTO, 2024, 2024, "2024-03", 250, 0, ZB_STANDING_EXCEEDED, NONE, 0.25,
     "累计 250 > 上限 200", NULL},
    {"工业用能总量(万吨标煤)", "200", CUM, DOWN, AUTO, 2024, 2024, "2024-07", 110, 0, ZB_STANDING_WITHIN, NONE, 7.0 / 12,
     "累计 110 ≤ 序时额度 116.666667（上限 200 × 7/12）", NULL},
    {"工业用能总量(万吨标煤)", "200", CUM, DOWN, AUTO, 2024, 2024, "2024-12", 200, 0, ZB_STANDING_DONE, NONE, 1,
     "累计 200 ≤ 上限 200（期末 12/12）", NULL}, /* the last month: kept */
    {"工业用能总量(万吨标煤)", "200", CUM, DOWN, AUTO, 2024, 2024, "2024-12", 201, 0, ZB_STANDING_EXCEEDED, NONE, 1,
     "累计 201 > 上限 200", NULL},
    {"工业用能总量(万吨标煤)", "200", CUM, DOWN, AUTO, 2024, 2024, "2024-06", 0, 0, ZB_STANDING_WITHIN, NONE, 0.5,
     "累计 0 ≤ 序时额度 100（上限 200 × 6/12）", NULL},
    {"工业用能总量(万吨标煤)", "200", CUM, DOWN, AUTO, 2024, 2024, "2024-12", 0, 0, ZB_STANDING_DONE, NONE, 1,
     "累计 0 ≤ 上限 200（期末 12/12）", NULL},
    {"新增亏损企业(家)", "0", CUM, DOWN, AUTO, 2024, 2024, "2024-06", 0, 0, ZB_STANDING_WITHIN, NONE, 0.5,
     "累计 0 ≤ 上限 0", NULL}, /* a cap of 0: no share of nothing */
    {"新增亏损企业(家)", "0", CUM, DOWN, AUTO, 2024, 2024, "2024-06", 1, 0, ZB_STANDING_EXCEEDED, NONE, 0.5,
     "累计 1 > 上限 0", NULL},
    /* the qualifier says which way: ≤ / 以内 on a count is a cap whatever the name, ≥ on a lower one a floor */
    {"保障新上项目用能(万吨标煤)", "15以内", CUM, UP, AUTO, 2024, 2024, "2024-06", 6, 0, ZB_STANDING_WITHIN, NONE, 0.5,
     "累计 6 ≤ 序时额度 7.5（上限 15 × 6/12）", NULL},
    {"淘汰落后产能企业(家)", "≤10", CUM, ZB_DIR_AUTO, AUTO, 2024, 2024, "2024-06", 6, 0, ZB_STANDING_WARNING, NONE, 0.5,
     "累计 6 > 序时额度 5（上限 10 × 6/12），未超上限 10", NULL}, /* not 166.7%, not 滞后 */
    {"淘汰落后产能企业(家)", "≤10", CUM, ZB_DIR_AUTO, AUTO, 2024, 2024, "2024-06", 4, 0, ZB_STANDING_WITHIN, NONE, 0.5,
     "累计 4 ≤ 序时额度 5（上限 10 × 6/12）", NULL},
    {"淘汰落后产能企业(家)", "≤10", CUM, ZB_DIR_AUTO, AUTO, 2024, 2024, "2024-09", 11, 0, ZB_STANDING_EXCEEDED, NONE, 0.75,
     "累计 11 > 上限 10", NULL},
    {"淘汰落后产能企业(家)", "≤10", CUM, ZB_DIR_AUTO, AUTO, 2024, 2024, "2024-12", 10, 0, ZB_STANDING_DONE, NONE, 1,
     "累计 10 ≤ 上限 10（期末 12/12）", NULL},
    {"工业用能总量(万吨标煤)", "≥10", CUM, DOWN, AUTO, 2024, 2024, "2024-06", 6, 0, ZB_STANDING_AHEAD, 0.6, 0.5,
     "累计 6 / 目标 10 = 60.0%，序时进度 50.0%（6/12）", NULL},
    /* a change of a count from its base: the cap or the amount it leads to */
    {"工矿商贸生产安全事故死亡人数(人)", "下降10%", CUM, ZB_DIR_AUTO, AUTO, 2025, 2025, "2025-06", 3, 0,
     ZB_STANDING_WARNING, NONE, 0.5, "累计 3 > 序时额度 2.7（上限 5.4 × 6/12），未超上限 5.4", "6"},
    {"工矿商贸生产安全事故死亡人数(人)", "下降10%", CUM, ZB_DIR_AUTO, AUTO, 2025, 2025, "2025-12", 5, 0,
     ZB_STANDING_DONE, NONE, 1, "累计 5 ≤ 上限 5.4（期末 12/12）", "6"},
    {"规上工业营业收入(亿元)", "增长5%", CUM, ZB_DIR_AUTO, AUTO, 2025, 2025, "2025-06", 330, 0, ZB_STANDING_AHEAD,
     330 / 642.6, 0.5, "累计 330 / 目标 642.6 = 51.4%，序时进度 50.0%（6/12）", "612"},

    /* rate and level, higher is better */
    {"规上工业增加值增速(%)", "6.5", RATE, UP, AUTO, 2024, 2024, "2024-06", 6.8, 0, ZB_STANDING_MET, NONE, NONE,
     "6.8% ≥ 目标 6.5%", NULL},
    {"规上工业增加值增速(%)", "6.5", RATE, UP, AUTO, 2024, 2024, "2024-06", 6.5, 0, ZB_STANDING_MET, NONE, NONE,
     "6.5% ≥ 目标 6.5%", NULL}, /* exactly on target */
    {"规上工业增加值增速(%)", "6.5", RATE, UP, AUTO, 2024, 2024, "2024-06", 6.49, 0, ZB_STANDING_NOT_MET, NONE, NONE,
     "6.49% < 目标 6.5%", NULL},
    {"规上工业增加值增速(%)", "6.5以上", RATE, UP, AUTO, 2024, 2024, "2024-06", 6.5, 0, ZB_STANDING_MET, NONE, NONE,
     "6.5% ≥ 目标 6.5%（以上）", NULL},
    {"规上工业增加值增速(%)", "6.5以上", RATE, UP, AUTO, 2024, 2024, "2024-06", 6.4, 0, ZB_STANDING_NOT_MET, NONE, NONE,
     "6.4% < 目标 6.5%（以上）", NULL},
    /* 左右: 0.5 percentage points by default for a % target */
    {"规上工业增加值增速(%)", "6.5左右", RATE, UP, AUTO, 2024, 2024, "2024-06", 6.8, 0, ZB_STANDING_MET, NONE, NONE,
     "6.8% ≥ 目标 6.5%（左右，容差 0.5 个百分点）", NULL},
    {"规上工业增加值增速(%)", "6.5左右", RATE, UP, AUTO, 2024, 2024, "2024-06", 6.0, 0, ZB_STANDING_MET, NONE, NONE,
     "6% ≥ 6.5% − 0.5 = 6%（左右，容差 0.5 个百分点）", NULL}, /* the tolerance edge */
    {"规上工业增加值增速(%)", "6.5左右", RATE, UP, AUTO, 2024, 2024, "2024-06", 5.99, 0, ZB_STANDING_NOT_MET, NONE, NONE,
     "5.99% < 6.5% − 0.5 = 6%（左右，容差 0.5 个百分点）", NULL},
    {"规上工业增加值增速(%)", "6.5左右", RATE, UP, AUTO, 2024, 2024, "2024-06", 5.5, 1.0, ZB_STANDING_MET, NONE, NONE,
     "5.5% ≥ 6.5% − 1 = 5.5%（左右，容差 1 个百分点）", NULL}, /* the option, in points */
    {"规上工业增加值增速(%)", "6.5左右", RATE, UP, AUTO, 2024, 2024, "2024-06", 6.4, -1, ZB_STANDING_NOT_MET, NONE,
     NONE, "6.4% < 目标 6.5%（左右，容差 0）", NULL}, /* a negative option: none */
    {"专利快速预审提速率(%)", "20%", LEVEL, UP, ZB_QUAL_ABOUT, 2024, 2024, "2024-06", 19.5, 0, ZB_STANDING_MET, NONE,
     NONE, "19.5% ≥ 20% − 0.5 = 19.5%（左右，容差 0.5 个百分点）", NULL}, /* the qualifier given apart */
    /* 左右 on a target that is not %: 2 % of the target */
    {"动态保有上市培育企业(家)", "20左右", LEVEL, UP, AUTO, 2024, 2024, "2024-06", 19.6, 0, ZB_STANDING_MET, NONE, NONE,
     "19.6 ≥ 20 − 0.4 = 19.6（左右，容差为目标的 2%，即 0.4）", NULL},
    {"动态保有上市培育企业(家)", "20左右", LEVEL, UP, AUTO, 2024, 2024, "2024-06", 19.5, 0, ZB_STANDING_NOT_MET, NONE,
     NONE, "19.5 < 20 − 0.4 = 19.6（左右，容差为目标的 2%，即 0.4）", NULL},
    {"动态保有上市培育企业(家)", "20左右", LEVEL, UP, AUTO, 2024, 2024, "2024-06", 19, 0.05, ZB_STANDING_MET, NONE, NONE,
     "19 ≥ 20 − 1 = 19（左右，容差为目标的 5%，即 1）", NULL},
    /* 以下 on a higher-is-better name: the qualifier decides */
    {"动态保有上市后备企业(家)", "3以下", LEVEL, UP, AUTO, 2024, 2024, "2024-06", 2.5, 0, ZB_STANDING_MET, NONE, NONE,
     "2.5 ≤ 目标 3（以下）", NULL},
    {"动态保有上市后备企业(家)", "3以下", LEVEL, UP, AUTO, 2024, 2024, "2024-06", 3.5, 0, ZB_STANDING_NOT_MET, NONE,
     NONE, "3.5 > 目标 3（以下）", NULL},

    /* rate and level, lower is better */
    {"单位工业增加值能耗(吨标煤/万元)", "0.5", LEVEL, DOWN, AUTO, 2024, 2024, "2024-06", 0.48, 0, ZB_STANDING_MET, NONE,
     NONE, "0.48 ≤ 目标 0.5（越低越好）", NULL},
    {"单位工业增加值能耗(吨标煤/万元)", "0.5", LEVEL, DOWN, AUTO, 2024, 2024, "2024-06", 0.5, 0, ZB_STANDING_MET, NONE,
     NONE, "0.5 ≤ 目标 0.5（越低越好）", NULL},
    {"单位工业增加值能耗(吨标煤/万元)", "0.5", LEVEL, DOWN, AUTO, 2024, 2024, "2024-06", 0.52, 0, ZB_STANDING_NOT_MET,
     NONE, NONE, "0.52 > 目标 0.5（越低越好）", NULL},
    {"单位工业增加值能耗(吨标煤/万元)", "0.5左右", LEVEL, DOWN, AUTO, 2024, 2024, "2024-06", 0.51, 0, ZB_STANDING_MET,
     NONE, NONE, "0.51 ≤ 0.5 + 0.01 = 0.51（左右，容差为目标的 2%，即 0.01，越低越好）", NULL},
    {"单位工业增加值能耗(吨标煤/万元)", "0.5左右", LEVEL, DOWN, AUTO, 2024, 2024, "2024-06", 0.511, 0,
     ZB_STANDING_NOT_MET, NONE, NONE, "0.511 > 0.5 + 0.01 = 0.51（左右，容差为目标的 2%，即 0.01，越低越好）", NULL},
    {"安全生产事故发生率(%)", "0.3以下", RATE, DOWN, AUTO, 2024, 2024, "2024-06", 0.3, 0, ZB_STANDING_MET, NONE, NONE,
     "0.3% ≤ 目标 0.3%（以下）", NULL},
    {"单位工业增加值能耗(吨标煤/万元)", "≥0.5", LEVEL, DOWN, AUTO, 2024, 2024, "2024-06", 0.45, 0, ZB_STANDING_NOT_MET,
     NONE, NONE, "0.45 < 目标 0.5（以上）", NULL}, /* ≥ on a lower-is-better name: the qualifier decides */

    /* a change of a level from its base; as the change itself without one; a rate's own change */
    {"单位工业增加值能耗(吨标煤/万元)", "下降3%", LEVEL, ZB_DIR_AUTO, AUTO, 2025, 2025, "2025-06", 0.48, 0, ZB_STANDING_MET,
     NONE, NONE, "0.48 ≤ 目标 0.485（基期 0.5 下降3%）", "0.5"},
    {"单位工业增加值能耗(吨标煤/万元)", "下降3%", LEVEL, ZB_DIR_AUTO, AUTO, 2025, 2025, "2025-06", 0.49, 0,
     ZB_STANDING_NOT_MET, NONE, NONE, "0.49 > 目标 0.485（基期 0.5 下降3%）", "0.5"},
    {"研发投入占比(%)", "提高0.2个百分点", LEVEL, ZB_DIR_AUTO, AUTO, 2025, 2025, "2025-06", 2.9, 0, ZB_STANDING_MET,
     NONE, NONE, "2.9% ≥ 目标 2.8%（基期 2.6 提高0.2个百分点）", "2.6"},
    {"单位工业增加值能耗(吨标煤/万元)", "下降3%", LEVEL, ZB_DIR_AUTO, AUTO, 2025, 2025, "2025-06", 2.1, 0,
     ZB_STANDING_NOT_MET, NONE, NONE, "下降 2.1% < 目标 下降 3%（无基期值，按变化幅度计）", NULL},
    {"单位工业增加值能耗(吨标煤/万元)", "下降3%", LEVEL, ZB_DIR_AUTO, AUTO, 2025, 2025, "2025-06", 3.2, 0,
     ZB_STANDING_MET, NONE, NONE, "下降 3.2% ≥ 目标 下降 3%（无基期值，按变化幅度计）", NULL},
    {"新增建设用地(亩)", "减少200亩左右", LEVEL, ZB_DIR_AUTO, AUTO, 2025, 2025, "2025-06", 197, 0, ZB_STANDING_MET, NONE,
     NONE, "减少 197亩 ≥ 200亩 − 4 = 196亩（无基期值，按变化幅度计）（左右，容差为目标的 2%，即 4）", NULL},
    {"规上工业增加值增速(%)", "增长8%", RATE, ZB_DIR_AUTO, AUTO, 2025, 2025, "2025-06", 8.5, 0, ZB_STANDING_MET, NONE,
     NONE, "8.5% ≥ 目标 8%", NULL},
    {"单位GDP能耗下降率(%)", "下降3%以上", LEVEL, ZB_DIR_AUTO, AUTO, 2025, 2025, "2025-06", 2.5, 0, ZB_STANDING_NOT_MET,
     NONE, NONE, "2.5% < 目标 3%（以上）", NULL},

    /* qualitative: 定性, whatever the kind, reported or not */
    {"新增企业(家)", "持续提升", CUM, UP, AUTO, 2024, 2024, "2024-06", 5, 0, ZB_STANDING_QUALITATIVE, NONE, NONE,
     "定性目标“持续提升”，本期 5", NULL},
    {"工业用水重复利用率(%)", "完成市下达任务", LEVEL, UP, AUTO, 2024, 2024, "2024-06", NONE, 0, ZB_STANDING_QUALITATIVE,
     NONE, NONE, "定性目标“完成市下达任务”，按报送情况评定", NULL},

    /* not reported, no target */
    {"新增企业(家)", "60", CUM, UP, AUTO, 2024, 2024, "2024-06", NONE, 0, ZB_STANDING_MISSING, NONE, 0.5,
     "未报送 2024-06 的数据", NULL},
    {"规上工业增加值增速(%)", "6.5", RATE, UP, AUTO, 2024, 2024, "2024-06", NONE, 0, ZB_STANDING_MISSING, NONE, NONE,
     "未报送 2024-06 的数据", NULL},
    {"新增企业(家)", "—", CUM, UP, AUTO, 2024, 2024, "2024-06", 5, 0, ZB_STANDING_NO_TARGET, NONE, 0.5,
     "目标值“—”没有可比较的数字，本期 5", NULL},
    {"新增企业(家)", "见专项规划", CUM, UP, AUTO, 2024, 2024, "2024-06", 5, 0, ZB_STANDING_NO_TARGET, NONE, 0.5,
     "目标值“见专项规划”没有可比较的数字，本期 5", NULL},
    {"新增企业(家)", NULL, LEVEL, UP, AUTO, 2024, 2024, "2024-06", 5, 0, ZB_STANDING_NO_TARGET, NONE, NONE,
     "没有目标值，本期 5", NULL},
    {"新增企业(家)", "/", CUM, UP, AUTO, 2024, 2024, "2024-06", NONE, 0, ZB_STANDING_MISSING, NONE, 0.5,
     "未报送 2024-06 的数据", NULL}, /* not reported comes first */

    /* a span of years: the elapsed share of the span */
    {"整治提升高耗低效企业(家)", "400", CUM, UP, AUTO, 2021, 2023, "2022-06", 150, 0, ZB_STANDING_BEHIND, 0.375, 0.5,
     "累计 150 / 目标 400 = 37.5%，序时进度 50.0%（18/36）", NULL},
    {"整治提升高耗低效企业(家)", "400", CUM, UP, AUTO, 2021, 2023, "2021-03", 40, 0, ZB_STANDING_AHEAD, 0.1, 3.0 / 36,
     "累计 40 / 目标 400 = 10.0%，序时进度 8.3%（3/36）", NULL},
    {"整治提升高耗低效企业(家)", "400", CUM, UP, AUTO, 2021, 2023, "2023-12", 399, 0, ZB_STANDING_BEHIND, 399 / 400.0, 1,
     "累计 399 / 目标 400 = 99.8%，序时进度 100.0%（36/36）", NULL},
    {"新增用地(亩)", "3000", CUM, DOWN, AUTO, 2021, 2023, "2022-12", 2100, 0, ZB_STANDING_WARNING, NONE, 24.0 / 36,
     "累计 2100 > 序时额度 2000（上限 3000 × 24/36），未超上限 3000", NULL},
    {"新增用地(亩)", "3000", CUM, DOWN, AUTO, 2021, 2023, "2023-12", 2900, 0, ZB_STANDING_DONE, NONE, 1,
     "累计 2900 ≤ 上限 3000（期末 36/36）", NULL},
    {"新增用地(亩)", "3000", CUM, DOWN, AUTO, 2021, 2023, "2022-12", 2000, 0, ZB_STANDING_WITHIN, NONE, 24.0 / 36,
     "累计 2000 ≤ 序时额度 2000（上限 3000 × 24/36）", NULL}, /* December, not the end */
    {"亩均税收增速(%)", "13", RATE, UP, AUTO, 2021, 2023, "2022-06", 13.2, 0, ZB_STANDING_MET, NONE, NONE,
     "13.2% ≥ 目标 13%", NULL},
    /* no span: a one-year plan for the period's year */
    {"新增企业(家)", "60", CUM, UP, AUTO, 0, 0, "2030-03", 15, 0, ZB_STANDING_AHEAD, 0.25, 0.25,
     "累计 15 / 目标 60 = 25.0%，序时进度 25.0%（3/12）", NULL},
};

static void test_cases(void **state)
{
    (void)state;
    for (size_t k = 0; k < COUNT(cases); k++) {
        const pcase *c = &cases[k];
        zb_plan *plan = zb_plan_new();
        assert_non_null(plan);
        if (c->first)
            assert_int_equal(zb_plan_set_years(plan, c->first, c->last), ZB_OK);
        zb_indicator_def def = {.seq = 7, .name = c->name, .target = c->target, .qualifier = c->q,
                                .kind = c->kind, .direction = c->dir, .base = c->base};
        assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
        if (!isnan(c->actual))
            assert_int_equal(zb_plan_add_actual(plan, 7, c->period, c->actual, NULL), ZB_OK);
        /* Another month's actual must not be used for this one. */
        int other = strcmp(c->period + 5, "01") == 0 ? 2 : 1;
        char period[8];
        snprintf(period, sizeof period, "%.4s-%02d", c->period, other);
        assert_int_equal(zb_plan_add_actual(plan, 7, period, 1e6, NULL), ZB_OK);

        zb_progress_options opt = {.about_tolerance = c->tolerance};
        zb_progress *p = NULL;
        zb_error err;
        if (zb_progress_evaluate(plan, c->period, &opt, &p, &err) != ZB_OK)
            fail_msg("case %zu: %s", k, err.message);
        assert_int_equal(err.code, ZB_OK);
        assert_string_equal(err.message, "");
        assert_int_equal(zb_progress_count(p), 1);
        if (zb_progress_standing(p, 0) != c->want || strcmp(zb_progress_explain(p, 0), c->explain) != 0)
            fail_msg("case %zu (%s %s at %s, actual %g): %s “%s”, want %s “%s”", k, c->name,
                     c->target ? c->target : "-", c->period, c->actual,
                     zb_standing_label(zb_progress_standing(p, 0)), zb_progress_explain(p, 0),
                     zb_standing_label(c->want), c->explain);
        assert_same(zb_progress_completion(p, 0), c->completion, "completion", k);
        assert_same(zb_progress_expected(p, 0), c->expected, "expected", k);
        assert_same(zb_progress_actual(p, 0), c->actual, "actual", k);
        if (zb_progress_standing(p, 0) == ZB_STANDING_QUALITATIVE)
            assert_same(zb_progress_target(p, 0), NAN, "target", k);
        else
            assert_same(zb_progress_target(p, 0), zb_plan_indicator_target(plan, 0), "target", k);
        assert_string_equal(zb_progress_target_text(p, 0), c->target ? c->target : "");
        assert_int_equal(zb_progress_target_year(p, 0), 0);
        assert_int_equal(zb_progress_seq(p, 0), 7);
        assert_int_equal(zb_progress_indicator(p, 0), 0);
        assert_string_equal(zb_progress_period(p), c->period);
        assert_int_equal(zb_progress_count_standing(p, c->want), 1);
        zb_progress_free(p);
        zb_plan_free(plan);
    }
}

/* ---- which target a period is judged against ----------------------------------------------- */

/* A five-year plan with targets for 2023 and 2025: a period is judged against its own year's
 * target, else the one tied to no year, else the next year's as a milestone from the span's
 * start; after the last, there is none. */
static void test_year_targets(void **state)
{
    (void)state;
    zb_plan *plan = zb_plan_new();
    assert_int_equal(zb_plan_set_years(plan, 2021, 2025), ZB_OK);
    zb_indicator_def def = {.seq = 1, .name = "新增企业(家)", .target = "100", .target_year = 2023};
    size_t i;
    assert_int_equal(zb_plan_add_indicator(plan, &def, &i), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_target(plan, i, 2025, "300", ZB_QUAL_AUTO), ZB_OK);
    zb_indicator_def def2 = {.seq = 2, .name = "PM2.5平均浓度(微克/立方米)", .target = "≤27", .target_year = 2023};
    assert_int_equal(zb_plan_add_indicator(plan, &def2, &i), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_target(plan, i, 2025, "≤25", ZB_QUAL_AUTO), ZB_OK);
    zb_indicator_def def3 = {.seq = 3, .name = "森林覆盖率(%)", .target = "稳步提升", .target_year = 2023};
    assert_int_equal(zb_plan_add_indicator(plan, &def3, &i), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_target(plan, i, 2025, "65", ZB_QUAL_AUTO), ZB_OK);
    zb_indicator_def def4 = {.seq = 4, .name = "试点企业(家)", .target = "10", .target_year = 2022};
    assert_int_equal(zb_plan_add_indicator(plan, &def4, NULL), ZB_OK);
    zb_indicator_def def5 = {.seq = 5, .name = "新增用地(亩)", .target = "3000以内"}; /* the whole span */
    assert_int_equal(zb_plan_add_indicator(plan, &def5, NULL), ZB_OK);
    static const struct {
        const char *period;
        int seq;
        double actual;
        zb_standing want;
        int year;
        const char *target;
        double expected;
        const char *explain;
    } ycases[] = {
        {"2023-06", 1, 60, ZB_STANDING_AHEAD, 2023, "100", 0.5, "累计 60 / 目标 100 = 60.0%，序时进度 50.0%（6/12）"},
        {"2022-03", 1, 10, ZB_STANDING_BEHIND, 2023, "100", 15.0 / 36,
         "累计 10 / 目标 100 = 10.0%，序时进度 41.7%（15/36）"},
        {"2024-06", 1, 150, ZB_STANDING_BEHIND, 2025, "300", 42.0 / 60,
         "累计 150 / 目标 300 = 50.0%，序时进度 70.0%（42/60）"},
        {"2025-12", 1, 300, ZB_STANDING_DONE, 2025, "300", 1, "累计 300 / 目标 300 = 100.0%，序时进度 100.0%（12/12）"},
        {"2023-12", 2, 27, ZB_STANDING_MET, 2023, "≤27", NAN, "27 ≤ 目标 27（以下）"},
        {"2025-06", 2, 26, ZB_STANDING_NOT_MET, 2025, "≤25", NAN, "26 > 目标 25（以下）"},
        {"2023-12", 3, 64.8, ZB_STANDING_QUALITATIVE, 2023, "稳步提升", NAN, "定性目标“稳步提升”，本期 64.8"},
        {"2025-12", 3, 65.2, ZB_STANDING_MET, 2025, "65", NAN, "65.2% ≥ 目标 65%"},
        {"2024-06", 4, 5, ZB_STANDING_NO_TARGET, 0, "", NAN, "2024年没有目标值，本期 5"},
        {"2024-06", 5, 2200, ZB_STANDING_WARNING, 0, "3000以内", 42.0 / 60,
         "累计 2200 > 序时额度 2100（上限 3000 × 42/60），未超上限 3000"},
    };
    for (size_t k = 0; k < COUNT(ycases); k++) {
        assert_int_equal(zb_plan_add_actual(plan, ycases[k].seq, ycases[k].period, ycases[k].actual, NULL), ZB_OK);
        zb_progress *p = NULL;
        assert_int_equal(zb_progress_evaluate(plan, ycases[k].period, NULL, &p, NULL), ZB_OK);
        size_t r = (size_t)ycases[k].seq - 1;
        if (zb_progress_standing(p, r) != ycases[k].want || strcmp(zb_progress_explain(p, r), ycases[k].explain) != 0 ||
            zb_progress_target_year(p, r) != ycases[k].year || strcmp(zb_progress_target_text(p, r), ycases[k].target) != 0)
            fail_msg("case %zu: %s “%s”, target %d “%s”", k, zb_standing_label(zb_progress_standing(p, r)),
                     zb_progress_explain(p, r), zb_progress_target_year(p, r), zb_progress_target_text(p, r));
        assert_same(zb_progress_expected(p, r), ycases[k].expected, "expected", k);
        zb_progress_free(p);
    }
    zb_plan_free(plan);
}

/* ---- periods ---------------------------------------------------------------------------- */

static void test_bad_periods(void **state)
{
    (void)state;
    zb_plan *plan = zb_plan_new();
    zb_indicator_def def = {.seq = 1, .name = "新增企业(家)", .target = "60"};
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    assert_int_equal(zb_plan_set_years(plan, 2024, 2024), ZB_OK);
    static const struct {
        const char *period;
        const char *message;
    } bad[] = {
        {"2024-13", "progress: period \"2024-13\" is not a month; write it as 2024-06, 2024-6, 2024.06 or 2024年6月"},
        {"2024-00", "progress: period \"2024-00\" is not a month; write it as 2024-06, 2024-6, 2024.06 or 2024年6月"},
        {"24-06", "progress: period \"24-06\" is not a month; write it as 2024-06, 2024-6, 2024.06 or 2024年6月"},
        {"", "progress: period \"\" is not a month; write it as 2024-06, 2024-6, 2024.06 or 2024年6月"},
        {"2024-06-30", "progress: period \"2024-06-30\" is a date, not a month; write it as 2024-06, 2024-6, 2024.06 or 2024年6月"},
        {" 2024-06", "progress: period \" 2024-06\" is not a month; write it as 2024-06, 2024-6, 2024.06 or 2024年6月"},
        {"0x7e8-06", "progress: period \"0x7e8-06\" is not a month; write it as 2024-06, 2024-6, 2024.06 or 2024年6月"},
        {"1899-12", "progress: period \"1899-12\" is not a month; write it as 2024-06, 2024-6, 2024.06 or 2024年6月"},
        {"\xff\xfe", "progress: the period is not a month; write it as 2024-06, 2024-6, 2024.06 or 2024年6月"},
        {"二〇二四年六月二〇二四年六月二〇二四年六月二〇二四年六月二〇二四年六月", "progress: the period is not a month; write it as 2024-06, 2024-6, 2024.06 or 2024年6月"},
        {"2023-12", "progress: period 2023-12 is outside the plan's year 2024"},
        {"2025-01", "progress: period 2025-01 is outside the plan's year 2024"},
    };
    for (size_t k = 0; k < COUNT(bad); k++) {
        zb_progress *p = (zb_progress *)plan; /* anything: must come back NULL */
        zb_error err = {0};
        assert_int_equal(zb_progress_evaluate(plan, bad[k].period, NULL, &p, &err), ZB_ERR_VALUE);
        assert_null(p);
        assert_int_equal(err.code, ZB_ERR_VALUE);
        assert_string_equal(err.message, bad[k].message);
        assert_int_equal(zb_progress_evaluate(plan, bad[k].period, NULL, &p, NULL), ZB_ERR_VALUE);
    }
    assert_int_equal(zb_plan_set_years(plan, 2021, 2023), ZB_OK);
    zb_progress *p = NULL;
    zb_error err;
    assert_int_equal(zb_progress_evaluate(plan, "2024-01", NULL, &p, &err), ZB_ERR_VALUE);
    assert_string_equal(err.message, "progress: period 2024-01 is outside the plan's years 2021–2023");
    assert_int_equal(zb_progress_evaluate(plan, "2021-01", NULL, &p, &err), ZB_OK);
    zb_progress_free(p);

    assert_int_equal(zb_progress_evaluate(plan, NULL, NULL, &p, &err), ZB_ERR_ARGUMENT);
    assert_null(p);
    assert_int_equal(zb_progress_evaluate(NULL, "2021-01", NULL, &p, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_progress_evaluate(plan, "2021-01", NULL, NULL, &err), ZB_ERR_ARGUMENT);
    zb_plan_free(plan);
}

/* Every spelling of a month the actuals CSV takes is the same month here, and in the
 * plan's actuals: one vocabulary for every front door. */
static void test_period_spellings(void **state)
{
    (void)state;
    static const char *const same[] = {"2024-06", "2024-6", "2024.06", "2024.6", "2024/6", "2024年6月",
                                       "2024年06月", "2024年6月份", "２０２４年６月", "2024－06"};
    zb_plan *plan = zb_plan_new();
    zb_indicator_def def = {.seq = 1, .name = "新增企业(家)", .target = "60"};
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    assert_int_equal(zb_plan_set_years(plan, 2024, 2024), ZB_OK);
    assert_int_equal(zb_plan_add_actual(plan, 1, "2024年6月", 30, NULL), ZB_OK);
    assert_string_equal(zb_plan_actual_period(plan, 0), "2024-06");
    for (size_t k = 0; k < COUNT(same); k++) {
        char out[8] = "";
        zb_error err;
        assert_int_equal(zb_progress_parse_period(same[k], out, &err), ZB_OK);
        assert_string_equal(out, "2024-06");
        assert_int_equal(err.code, ZB_OK);
        assert_int_equal(zb_plan_find_actual(plan, 0, same[k]), 0);
        zb_progress *p = NULL;
        assert_int_equal(zb_progress_evaluate(plan, same[k], NULL, &p, &err), ZB_OK);
        assert_string_equal(zb_progress_period(p), "2024-06");
        assert_true(zb_progress_actual(p, 0) == 30);
        zb_progress_free(p);
    }
    /* The same month twice, however written, is a duplicate. */
    assert_int_equal(zb_plan_add_actual(plan, 1, "2024.06", 31, NULL), ZB_ERR_DUPLICATE);
    char out[8] = "x";
    zb_error err;
    assert_int_equal(zb_progress_parse_period("2024-06-30", out, &err), ZB_ERR_VALUE);
    assert_string_equal(err.message, "period \"2024-06-30\" is a date, not a month; write it as 2024-06, 2024-6, 2024.06 or 2024年6月");
    assert_string_equal(out, "x");
    assert_int_equal(zb_progress_parse_period("June", NULL, &err), ZB_ERR_VALUE);
    assert_int_equal(zb_progress_parse_period(NULL, out, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_progress_parse_period("2024-6", NULL, NULL), ZB_OK);
    zb_plan_free(plan);
}

/* ---- results: lifetime, bad indexes, counts, labels --------------------------------------- */

static void test_results(void **state)
{
    (void)state;
    assert_string_equal(zb_standing_label(ZB_STANDING_MISSING), "未报送");
    assert_string_equal(zb_standing_label(ZB_STANDING_DONE), "已完成");
    assert_string_equal(zb_standing_label(ZB_STANDING_AHEAD), "超序时");
    assert_string_equal(zb_standing_label(ZB_STANDING_BEHIND), "滞后");
    assert_string_equal(zb_standing_label(ZB_STANDING_MET), "达标");
    assert_string_equal(zb_standing_label(ZB_STANDING_NOT_MET), "未达标");
    assert_string_equal(zb_standing_label(ZB_STANDING_NO_TARGET), "无目标值");
    assert_string_equal(zb_standing_label((zb_standing)ZB_STANDING_COUNT), "");
    assert_string_equal(zb_standing_label((zb_standing)-1), "");

    zb_progress_free(NULL);
    assert_int_equal(zb_progress_count(NULL), 0);
    assert_string_equal(zb_progress_period(NULL), "");

    zb_plan *plan = zb_plan_new();
    assert_int_equal(zb_plan_set_years(plan, 2024, 2024), ZB_OK);
    zb_progress *p = NULL;
    /* An empty plan evaluates to no results. */
    assert_int_equal(zb_progress_evaluate(plan, "2024-06", NULL, &p, NULL), ZB_OK);
    assert_int_equal(zb_progress_count(p), 0);
    assert_string_equal(zb_progress_explain(p, 0), "");
    zb_progress_free(p);

    zb_indicator_def a = {.seq = 3, .name = "新增企业(家)", .target = "60"};
    zb_indicator_def b = {.seq = 9, .name = "规上工业增加值增速(%)", .target = "6.5"};
    assert_int_equal(zb_plan_add_indicator(plan, &a, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_indicator(plan, &b, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(plan, 3, "2024-06", 40, NULL), ZB_OK);
    assert_int_equal(zb_progress_evaluate(plan, "2024-06", NULL, &p, NULL), ZB_OK);
    /* The results own their strings: the plan may go. */
    zb_plan_free(plan);
    assert_int_equal(zb_progress_count(p), 2);
    assert_int_equal(zb_progress_seq(p, 1), 9);
    assert_int_equal(zb_progress_indicator(p, 1), 1);
    assert_string_equal(zb_progress_explain(p, 0), "累计 40 / 目标 60 = 66.7%，序时进度 50.0%（6/12）");
    assert_string_equal(zb_progress_explain(p, 1), "未报送 2024-06 的数据");
    assert_int_equal(zb_progress_count_standing(p, ZB_STANDING_AHEAD), 1);
    assert_int_equal(zb_progress_count_standing(p, ZB_STANDING_MISSING), 1);
    assert_int_equal(zb_progress_count_standing(p, ZB_STANDING_DONE), 0);
    assert_int_equal(zb_progress_count_standing(p, (zb_standing)ZB_STANDING_COUNT), 0);
    assert_int_equal(zb_progress_count_standing(p, (zb_standing)-1), 0);
    assert_int_equal(zb_progress_count_standing(NULL, ZB_STANDING_AHEAD), 0);

    static const size_t bad[] = {2, 100, ZB_NONE};
    for (size_t k = 0; k < COUNT(bad); k++) {
        size_t i = bad[k];
        assert_int_equal(zb_progress_indicator(p, i), ZB_NONE);
        assert_int_equal(zb_progress_seq(p, i), 0);
        assert_int_equal(zb_progress_standing(p, i), ZB_STANDING_MISSING);
        assert_true(isnan(zb_progress_actual(p, i)));
        assert_true(isnan(zb_progress_target(p, i)));
        assert_true(isnan(zb_progress_completion(p, i)));
        assert_true(isnan(zb_progress_expected(p, i)));
        assert_string_equal(zb_progress_explain(p, i), "");
        assert_int_equal(zb_progress_indicator(NULL, i), ZB_NONE);
        assert_string_equal(zb_progress_explain(NULL, i), "");
    }
    zb_progress_free(p);
}

/* Options: NULL, all-zero and NaN all mean the defaults. */
static void test_options(void **state)
{
    (void)state;
    zb_plan *plan = zb_plan_new();
    zb_indicator_def def = {.seq = 1, .name = "规上工业增加值增速(%)", .target = "6.5左右"};
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(plan, 1, "2024-06", 6.1, NULL), ZB_OK);
    zb_progress_options zero = {0}, nan = {.about_tolerance = NAN}, tight = {.about_tolerance = 0.2};
    const zb_progress_options *opts[] = {NULL, &zero, &nan};
    for (size_t k = 0; k < COUNT(opts); k++) {
        zb_progress *p = NULL;
        assert_int_equal(zb_progress_evaluate(plan, "2024-06", opts[k], &p, NULL), ZB_OK);
        assert_int_equal(zb_progress_standing(p, 0), ZB_STANDING_MET);
        zb_progress_free(p);
    }
    zb_progress *p = NULL;
    assert_int_equal(zb_progress_evaluate(plan, "2024-06", &tight, &p, NULL), ZB_OK);
    assert_int_equal(zb_progress_standing(p, 0), ZB_STANDING_NOT_MET);
    assert_string_equal(zb_progress_explain(p, 0), "6.1% < 6.5% − 0.2 = 6.3%（左右，容差 0.2 个百分点）");
    zb_progress_free(p);
    zb_plan_free(plan);
}

/* Numbers in the explain lines: shortest form for what was given, percentages with one decimal. */
static void test_number_forms(void **state)
{
    (void)state;
    static const struct {
        double actual;
        const char *explain;
    } forms[] = {
        {0.1, "累计 0.1 / 目标 3 = 3.3%，序时进度 50.0%（6/12）"},
        {1e-7, "累计 0.0000001 / 目标 3 = 0.0%，序时进度 50.0%（6/12）"},
        {123456789.125, "累计 123456789.125 / 目标 3 = 4115226304.2%，序时进度 50.0%（6/12）"},
        {2.0000001, "累计 2.0000001 / 目标 3 = 66.7%，序时进度 50.0%（6/12）"},
        {-0.0, "累计 0 / 目标 3 = 0.0%，序时进度 50.0%（6/12）"},
        {1e15, "累计 1000000000000000 / 目标 3 = 33333333333333332.0%，序时进度 50.0%（6/12）"},
    };
    for (size_t k = 0; k < COUNT(forms); k++) {
        zb_plan *plan = zb_plan_new();
        zb_indicator_def def = {.seq = 1, .name = "新增企业(家)", .target = "3"};
        assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
        assert_int_equal(zb_plan_add_actual(plan, 1, "2024-06", forms[k].actual, NULL), ZB_OK);
        zb_progress *p = NULL;
        assert_int_equal(zb_progress_evaluate(plan, "2024-06", NULL, &p, NULL), ZB_OK);
        assert_string_equal(zb_progress_explain(p, 0), forms[k].explain);
        zb_progress_free(p);
        zb_plan_free(plan);
    }
    /* The largest completion a plan can make, 10^15 of a 10^-9 target: its digits, not the
     * noise %.1f prints past them (100000000000000004764729344.0%). */
    zb_plan *plan = zb_plan_new();
    zb_indicator_def def = {.seq = 1, .name = "试点产值(元)", .target = "0.000000001"};
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(plan, 1, "2024-06", 1e15, NULL), ZB_OK);
    zb_progress *p = NULL;
    assert_int_equal(zb_progress_evaluate(plan, "2024-06", NULL, &p, NULL), ZB_OK);
    assert_string_equal(zb_progress_explain(p, 0), "累计 1000000000000000 / 目标 0.000000001 = "
                                                   "100000000000000000000000000.0%，序时进度 50.0%（6/12）");
    zb_progress_free(p);
    zb_plan_free(plan);
}

/* Numbers beyond what a plan holds are refused where they come in, so nothing made of them
 * (a completion, a sum of weights, a score) can be infinite or NaN. */
/* Characters of UTF-8 text. */
static size_t chars_of(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* An explain line quotes a target's text up to 60 characters, then "…": the 目标值 column
 * holds it whole, and the line stays within a workbook cell however long the target is:
 * a qualitative target and one that is no number alike. */
static void test_long_target_quoted(void **state)
{
    (void)state;
    static const char *const starts[] = {"完成市下达任务", "力争"};
    for (int w = 0; w < 2; w++) {
        size_t n = 32000 * 3 + 64;
        char *target = malloc(n);
        assert_non_null(target);
        strcpy(target, starts[w]);
        for (size_t len = strlen(target); len + 3 < 32000 * 3; len += 3)
            memcpy(target + len, len / 3 % 2 ? "成" : "完", 4);
        zb_plan *plan = zb_plan_new();
        zb_indicator_def def = {.seq = 1, .name = "营商环境", .target = target};
        assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
        assert_int_equal(zb_plan_add_actual(plan, 1, "2024-06", 1, NULL), ZB_OK);
        zb_progress *p = NULL;
        assert_int_equal(zb_progress_evaluate(plan, "2024-06", NULL, &p, NULL), ZB_OK);
        const char *line = zb_progress_explain(p, 0);
        assert_true(chars_of(line) < 100);
        assert_non_null(strstr(line, "…”"));
        /* The first 60 characters of it (three bytes each), whole. */
        char head[181];
        memcpy(head, target, 180);
        head[180] = '\0';
        assert_non_null(strstr(line, head));
        assert_string_equal(zb_progress_target_text(p, 0), target);
        zb_progress_free(p);
        zb_plan_free(plan);
        free(target);
    }
    /* A short one whole, as before. */
    zb_plan *plan = zb_plan_new();
    zb_indicator_def def = {.seq = 1, .name = "营商环境", .target = "完成市下达任务"};
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    zb_progress *p = NULL;
    assert_int_equal(zb_progress_evaluate(plan, "2024-06", NULL, &p, NULL), ZB_OK);
    assert_non_null(strstr(zb_progress_explain(p, 0), "“完成市下达任务”"));
    zb_progress_free(p);
    zb_plan_free(plan);
}

static void test_numbers_a_plan_holds(void **state)
{
    (void)state;
    zb_plan *plan = zb_plan_new();
    zb_indicator_def def = {.seq = 1, .name = "新增企业(家)", .target = "0.000000001"};
    assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
    static const double bad[] = {1e308, -1e16, 1e-10, INFINITY, NAN};
    for (size_t k = 0; k < COUNT(bad); k++) {
        assert_int_equal(zb_plan_add_actual(plan, 1, "2024-06", bad[k], NULL), ZB_ERR_VALUE);
        assert_int_equal(zb_plan_indicator_set_weight(plan, 0, bad[k]), ZB_ERR_VALUE);
    }
    zb_indicator_def heavy = {.seq = 2, .name = "新增就业(人)", .target = "1", .weight = 1e308};
    assert_int_equal(zb_plan_add_indicator(plan, &heavy, NULL), ZB_ERR_VALUE);
    assert_non_null(strstr(zb_errmsg(plan), "weight"));
    /* The largest actual over the smallest target: finite. */
    assert_int_equal(zb_plan_add_actual(plan, 1, "2024-06", 1e15, NULL), ZB_OK);
    assert_int_equal(zb_plan_indicator_set_weight(plan, 0, 1e15), ZB_OK);
    zb_progress *p = NULL;
    assert_int_equal(zb_progress_evaluate(plan, "2024-06", NULL, &p, NULL), ZB_OK);
    assert_true(isfinite(zb_progress_completion(p, 0)));
    assert_null(strstr(zb_progress_explain(p, 0), "inf"));
    assert_null(strstr(zb_progress_explain(p, 0), "e+"));
    zb_progress_free(p);
    /* A target written beyond the range is no number to reckon with, and validation says so. */
    zb_indicator_def huge = {.seq = 3, .name = "总产值(亿元)", .target = "1e300"};
    assert_int_equal(zb_plan_add_indicator(plan, &huge, NULL), ZB_OK);
    assert_true(isnan(zb_plan_indicator_target(plan, 2)));
    zb_findings *f = NULL;
    assert_int_equal(zb_plan_validate(plan, &f), ZB_OK);
    int found = 0;
    for (size_t k = 0; k < zb_findings_count(f); k++)
        found |= strcmp(zb_findings_code(f, k), "number-out-of-range") == 0 &&
                 zb_findings_severity(f, k) == ZB_SEV_ERROR;
    assert_true(found);
    zb_findings_free(f);
    /* -0 is 0. */
    assert_int_equal(zb_plan_add_actual(plan, 1, "2024-07", -0.0, NULL), ZB_OK);
    assert_false(signbit(zb_plan_actual_value(plan, 1)));
    zb_plan_free(plan);
}

/* ---- the demo: examples/data/tonglu-2024.json with its made-up actuals -------------------- */

static void test_demo(void **state)
{
    (void)state;
    const char *src = getenv("ZB_SOURCE_DIR");
    if (!src)
        skip();
    char json[1024], csv[1024];
    snprintf(json, sizeof json, "%s/examples/data/tonglu-2024.json", src);
    snprintf(csv, sizeof csv, "%s/examples/data/tonglu-2024-actuals.csv", src);
    zb_plan *plan = zb_plan_new();
    assert_int_equal(zb_json_load(plan, json), ZB_OK);
    if (zb_csv_load_actuals(plan, csv, NULL) != ZB_OK)
        fail_msg("%s", zb_errmsg(plan));

    /* June: a mix; December: mostly done. The counts docs/progress.md quotes. */
    static const struct {
        const char *period;
        size_t counts[ZB_STANDING_COUNT]; /* in enum order */
    } want[] = {
        {"2024-06", {3, 3, 18, 7, 6, 4, 0}},
        {"2024-12", {0, 28, 0, 3, 8, 2, 0}},
    };
    for (size_t k = 0; k < COUNT(want); k++) {
        zb_progress *p = NULL;
        assert_int_equal(zb_progress_evaluate(plan, want[k].period, NULL, &p, NULL), ZB_OK);
        assert_int_equal(zb_progress_count(p), 41);
        for (int s = 0; s < ZB_STANDING_COUNT; s++)
            if (zb_progress_count_standing(p, (zb_standing)s) != want[k].counts[s])
                fail_msg("%s: %zu %s, want %zu", want[k].period, zb_progress_count_standing(p, (zb_standing)s),
                         zb_standing_label((zb_standing)s), want[k].counts[s]);
        zb_progress_free(p);
    }
    /* The worked example of docs/progress.md. */
    zb_progress *p = NULL;
    assert_int_equal(zb_progress_evaluate(plan, "2024-06", NULL, &p, NULL), ZB_OK);
    assert_string_equal(zb_progress_explain(p, 29), "累计 18 / 目标 62 = 29.0%，序时进度 50.0%（6/12）");
    assert_int_equal(zb_progress_standing(p, 29), ZB_STANDING_BEHIND);
    assert_string_equal(zb_progress_explain(p, 38), "22.5% ≥ 目标 20%");
    zb_progress_free(p);
    zb_plan_free(plan);
}

/* ---- many indicators: the results line up with the plan ------------------------------------ */

static void test_large(void **state)
{
    (void)state;
    zb_plan *plan = zb_plan_new();
    assert_int_equal(zb_plan_set_years(plan, 2024, 2024), ZB_OK);
    char name[64];
    for (int i = 1; i <= 3000; i++) {
        snprintf(name, sizeof name, "指标%d(家)", i);
        zb_indicator_def def = {.seq = i, .name = name, .target = "120"};
        assert_int_equal(zb_plan_add_indicator(plan, &def, NULL), ZB_OK);
        if (i % 3)
            assert_int_equal(zb_plan_add_actual(plan, i, "2024-06", i % 200, NULL), ZB_OK);
    }
    zb_progress *p = NULL;
    assert_int_equal(zb_progress_evaluate(plan, "2024-06", NULL, &p, NULL), ZB_OK);
    size_t total = 0;
    for (int s = 0; s < ZB_STANDING_COUNT; s++)
        total += zb_progress_count_standing(p, (zb_standing)s);
    assert_int_equal(total, 3000);
    assert_int_equal(zb_progress_count_standing(p, ZB_STANDING_MISSING), 1000);
    for (size_t i = 0; i < 3000; i++) {
        int seq = (int)i + 1;
        assert_int_equal(zb_progress_seq(p, i), seq);
        if (seq % 3 == 0) {
            assert_int_equal(zb_progress_standing(p, i), ZB_STANDING_MISSING);
            continue;
        }
        double v = seq % 200;
        zb_standing want = v >= 120 ? ZB_STANDING_DONE : v >= 60 ? ZB_STANDING_AHEAD : ZB_STANDING_BEHIND;
        assert_int_equal(zb_progress_standing(p, i), want);
    }
    zb_progress_free(p);
    zb_plan_free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_year_targets), cmocka_unit_test(test_bad_periods), cmocka_unit_test(test_period_spellings), cmocka_unit_test(test_results),
        cmocka_unit_test(test_options),      cmocka_unit_test(test_number_forms), cmocka_unit_test(test_numbers_a_plan_holds), cmocka_unit_test(test_long_target_quoted), cmocka_unit_test(test_demo),
        cmocka_unit_test(test_large),
    };
    return cmocka_run_group_tests_name("progress", tests, NULL, NULL);
}
