/**
 * @file csv.h
 * @brief Import of an indicator table kept as CSV, the way analysts keep it in Excel.
 *
 * The first row names the columns, in Chinese or English, in any order: 序号/seq,
 * 类别/category, 指标名称/name, 计量单位/unit, 属性/attribute, 基期值/`2024年基数`/`2023年实际`,
 * 目标值/target (also `2025年目标值`, one column per year, or `2025年` under a 目标值 heading
 * on the row below), 类型/kind, 方向/direction, 权重/分值/weight, 责任单位/responsible,
 * 备注/note; docs/format.md lists every name and value. 指标名称 is required; an unknown
 * column is an error that lists the known ones. A blank 类别 continues the category above (a
 * merged cell, flattened). The file is UTF-8, with or without a byte-order mark, or UTF-16
 * with one (what Excel saves as "Unicode text"); the delimiter is a comma, a tab or a
 * semicolon, as the header row shows. A file in GBK/GB18030 (what Excel writes for "CSV" on
 * Chinese Windows) is detected and reported with advice, never read as garbage.
 */
#ifndef ZB_CSV_H
#define ZB_CSV_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Options for zb_csv_load(). All-zero means defaults; fields are only ever appended. */
typedef struct zb_csv_options {
    /** Field delimiter; 0 = detect from the header row (comma, tab or semicolon). */
    char delimiter;
} zb_csv_options;

/**
 * @brief Replaces the categories, indicators and actuals of @p plan with the table in the
 *        CSV file at @p path; the rest of the plan (metadata, unit directory, tasks) is kept.
 * @param options NULL = defaults.
 * @return ::ZB_ERR_IO, ::ZB_ERR_ENCODING (GBK, invalid UTF-8 or UTF-16, naming the line),
 *         ::ZB_ERR_SYNTAX (unterminated quote), ::ZB_ERR_SCHEMA (no 指标名称 column, an unknown
 *         or duplicate column, a row longer than the header), ::ZB_ERR_VALUE (a bad 序号, a
 *         value in the 属性, 类型, 方向 or 权重 column that is not one they take),
 *         ::ZB_ERR_DUPLICATE; the detail, `table.csv:12:3: …`, in zb_errmsg(plan).
 *         On error the plan is unchanged.
 */
ZB_API zb_status zb_csv_load(zb_plan *plan, const char *path, const zb_csv_options *options);

/** @brief Same as zb_csv_load() from memory; @p name is what messages call the input. */
ZB_API zb_status zb_csv_load_string(zb_plan *plan, const char *text, size_t len, const char *name,
                                    const zb_csv_options *options);

/**
 * @brief Adds the period actuals in the CSV file at @p path to @p plan: a header row naming
 *        the columns `seq,period,actual` and optionally `note` (also 序号, 期间/月份/报告期,
 *        累计值/实际值/本期累计/value, 备注/说明), then one row per report. Periods may be written
 *        `YYYY-MM`, `YYYY-M`, `2024年6月` or `2024.06`; lines starting with `#` are comments; a
 *        row with an empty actual is not reported yet and is skipped. All rows are added or none.
 * @return ::ZB_ERR_IO, ::ZB_ERR_ENCODING, ::ZB_ERR_SYNTAX, ::ZB_ERR_SCHEMA (missing column),
 *         ::ZB_ERR_NOT_FOUND (unknown seq), ::ZB_ERR_VALUE (bad period, a period outside the
 *         plan's span, a value that is not a number), ::ZB_ERR_DUPLICATE; the detail, naming
 *         `file:line:column`, in zb_errmsg(plan). On error the plan is unchanged.
 */
ZB_API zb_status zb_csv_load_actuals(zb_plan *plan, const char *path, const zb_csv_options *options);

/** @brief Same as zb_csv_load_actuals() from memory; @p name is what messages call the input. */
ZB_API zb_status zb_csv_load_actuals_string(zb_plan *plan, const char *text, size_t len, const char *name,
                                            const zb_csv_options *options);

#ifdef __cplusplus
}
#endif

#endif /* ZB_CSV_H */
