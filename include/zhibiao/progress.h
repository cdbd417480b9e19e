/**
 * @file progress.h
 * @brief The progress cycle (月度监测、季度通报、年度考核): evaluating period actuals against the
 *        targets. docs/progress.md gives the rules as a table per kind, so that every status
 *        can be recomputed by hand.
 *
 * Actuals are cumulative values at the end of a month (`YYYY-MM`): year-to-date for a
 * one-year plan, since the start of the span for a multi-year one. They are held by the plan
 * (zb_plan_add_actual(), the plan's JSON, or zb_csv_load_actuals()). An evaluation reads
 * the plan only and owns its results: a ::zb_progress stays valid after the plan changes.
 */
#ifndef ZB_PROGRESS_H
#define ZB_PROGRESS_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief How an indicator stands at a period. Values are only ever appended. */
typedef enum zb_standing {
    ZB_STANDING_MISSING = 0,   /**< 未报送: no actual for the period. */
    ZB_STANDING_DONE = 1,      /**< 已完成: a cumulative indicator at or past its target, or a cap kept to its last month. */
    ZB_STANDING_AHEAD = 2,     /**< 超序时: a cumulative indicator on or ahead of the time schedule. */
    ZB_STANDING_BEHIND = 3,    /**< 滞后: a cumulative indicator behind the time schedule. */
    ZB_STANDING_MET = 4,       /**< 达标: a rate or level that meets its target. */
    ZB_STANDING_NOT_MET = 5,   /**< 未达标: a rate or level that does not. */
    ZB_STANDING_NO_TARGET = 6, /**< 无目标值: the target holds no number to compare with (a placeholder, unrecognised text, none). */
    ZB_STANDING_EXCEEDED = 7,  /**< 超出: a cumulative count over its cap (`≤10`, or lower is better). */
    ZB_STANDING_WARNING = 8,   /**< 预警: within its cap but above the time-proportional share of it. */
    ZB_STANDING_WITHIN = 9,    /**< 受控: within its cap and its time-proportional share, before the cap's last month. */
    ZB_STANDING_QUALITATIVE = 10 /**< 定性: a qualitative target (完成市下达任务): reported, not scored as a number. */
} zb_standing;

/** Number of values in ::zb_standing. */
#define ZB_STANDING_COUNT 11

/** @brief The Chinese label of a standing (已完成, 超序时, …); "" for a value outside the enum. Static. */
ZB_API const char *zb_standing_label(zb_standing standing);

/** @brief Options for zb_progress_evaluate(). All-zero means defaults; fields are only ever appended. */
typedef struct zb_progress_options {
    /**
     * How far a target qualified 左右 (≈) may be missed and still count as met: in
     * percentage points for a % target, else as a fraction of the target. 0 = 0.5 points
     * for % targets and 0.02 (2 %) otherwise; a negative value means none.
     */
    double about_tolerance;
} zb_progress_options;

/** @brief Opaque results of one evaluation. Free with zb_progress_free(). */
typedef struct zb_progress zb_progress;

/**
 * @brief Reads a month as people write it: 2024-06, 2024-6, 2024.06, 2024/6, 2024年6月 and
 *        2024年6月份 (full-width digits too) are the same month. Every function taking a
 *        period takes these spellings; the actuals CSV reads the same.
 * @param text   the month.
 * @param out    Receives "YYYY-MM" and its NUL: room for 8 bytes, caller-owned; may be NULL.
 * @param error  May be NULL; receives the detail.
 * @return ::ZB_OK; ::ZB_ERR_VALUE for text that is not a month (a date such as 2024-06-30 is
 *         said to be one); ::ZB_ERR_ARGUMENT for NULL.
 */
ZB_API zb_status zb_progress_parse_period(const char *text, char *out, zb_error *error);

/**
 * @brief Evaluates every indicator of @p plan at @p period (a month, zb_progress_parse_period(),
 *        the end of that month).
 * @param options NULL = defaults.
 * @param out     Receives the results (one per indicator, in plan order), owned by the caller.
 * @param error   May be NULL; receives the detail.
 * @return ::ZB_ERR_VALUE for a malformed period or one outside the plan's span of years.
 *         Reads the plan only.
 */
ZB_API zb_status zb_progress_evaluate(const zb_plan *plan, const char *period,
                                      const zb_progress_options *options, zb_progress **out,
                                      zb_error *error);
/** @brief Frees the results. NULL is a no-op. */
ZB_API void zb_progress_free(zb_progress *progress);
/** @brief The period evaluated, "YYYY-MM". */
ZB_API const char *zb_progress_period(const zb_progress *progress);
/** @brief Number of results (the plan's indicator count at evaluation). */
ZB_API size_t zb_progress_count(const zb_progress *progress);
/** @brief Index in the plan of the indicator of result @p i; ::ZB_NONE for a bad index. */
ZB_API size_t zb_progress_indicator(const zb_progress *progress, size_t i);
/** @brief Sequence number of the indicator of result @p i; 0 for a bad index. */
ZB_API int zb_progress_seq(const zb_progress *progress, size_t i);
/** @brief Standing of result @p i. */
ZB_API zb_standing zb_progress_standing(const zb_progress *progress, size_t i);
/** @brief The actual used (year-to-date at the period); NaN when missing. */
ZB_API double zb_progress_actual(const zb_progress *progress, size_t i);
/** @brief The number of the target judged against (zb_plan_indicator_target_value_at()); NaN when none. */
ZB_API double zb_progress_target(const zb_progress *progress, size_t i);
/** @brief The target judged against, as displayed (`≤10`, `完成市下达任务`); "" when none. Owned by the results. */
ZB_API const char *zb_progress_target_text(const zb_progress *progress, size_t i);
/** @brief The year of the target judged against; 0 when it is tied to no year (or there is none). */
ZB_API int zb_progress_target_year(const zb_progress *progress, size_t i);
/**
 * @brief Completion as a fraction: actual / target for a cumulative indicator judged by
 *        progress; NaN where it does not apply: a cap (超出/预警/受控, and a cap kept), a rate
 *        or level, a qualitative or missing one. Never above 100 % for a cap.
 */
ZB_API double zb_progress_completion(const zb_progress *progress, size_t i);
/**
 * @brief The time schedule (序时进度) as a fraction, for a cumulative indicator: m/12 at the end
 *        of month m against a target for the period's year (or a one-year plan's); the
 *        elapsed share of the span against a target for the whole span; NaN otherwise.
 */
ZB_API double zb_progress_expected(const zb_progress *progress, size_t i);
/**
 * @brief The numbers behind the standing in one line, e.g.
 *        `累计 230 / 目标 450 = 51.1%，序时进度 50.0%（6/12）` or `6.8% ≥ 目标 6.5%（左右，容差 0.5 个百分点）`.
 *        Owned by the results.
 */
ZB_API const char *zb_progress_explain(const zb_progress *progress, size_t i);
/** @brief Number of results with @p standing. */
ZB_API size_t zb_progress_count_standing(const zb_progress *progress, zb_standing standing);

#ifdef __cplusplus
}
#endif

#endif /* ZB_PROGRESS_H */
