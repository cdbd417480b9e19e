/**
 * @file xlsx.h
 * @brief Excel workbooks: the official target table (目标体系表).
 *
 * Writers read the plan only, so several may run on one plan from several threads. Each
 * writes a temporary file beside the destination and renames it into place: the
 * destination holds either the whole new file or what it held before. The same plan gives
 * the same bytes: the document's creation time is the plan's 成文日期, else
 * `SOURCE_DATE_EPOCH`, else 1 January of the plan's first year, never the clock.
 * Text is always written as text: a name that starts with `=` is not a formula.
 */
#ifndef ZB_XLSX_H
#define ZB_XLSX_H

#include "plan.h"
#include "progress.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Where a workbook prints on the page. Values are only ever appended.
 */
typedef enum zb_sheet_margins {
    /** As the 附件 of an official document: in the type area of GB/T 9704-2012 (37 mm top,
     *  35 mm bottom, 28 mm on the binding side, 26 mm on the other; a landscape page keeps
     *  the type area where it is on the sheet), the page number 7 mm below it. */
    ZB_MARGINS_DOCUMENT = 0,
    /** A spreadsheet's own: 19 mm at the sides, 25 mm top and bottom. */
    ZB_MARGINS_SHEET = 1
} zb_sheet_margins;

/**
 * @brief Options for zb_xlsx_write_target_table(). All-zero means defaults; strings are
 *        read during the call only; fields are only ever appended.
 */
typedef struct zb_table_options {
    /** Top-left label, e.g. "附件2" (黑体); NULL = none. */
    const char *label;
    /** Title; NULL = "<year>年目标体系表" ("2021—2023年目标体系表" for a span, "目标体系表" without years). */
    const char *title;
    /** Worksheet name; NULL = "目标体系表". Made valid for Excel (31 characters, no []:*?/\). */
    const char *sheet_name;
    /**
     * Header texts; NULL = 序号, 类别, 指标名称, 计量单位, "<year>年目标值" (目标值 without a
     * year; for a table with a column per year, the header of the targets tied to no year),
     * 责任单位.
     */
    const char *header_seq;
    const char *header_category;  /**< See header_seq. */
    const char *header_name;      /**< See header_seq. */
    const char *header_unit;      /**< See header_seq. */
    const char *header_target;    /**< See header_seq. */
    const char *header_responsible; /**< See header_seq. */
    /**
     * The 计量单位 column after the name (names then lose their unit group): 0 = when some
     * indicator's unit was given apart from its name (a 计量单位 column in the CSV, the JSON
     * `unit` key); > 0 = always; < 0 = never (a unit given apart from a name is then lost).
     */
    int unit_column;
    /** Font of the body cells; NULL = 仿宋_GB2312. */
    const char *font_body;
    /** Font of the label and the header row; NULL = 黑体. */
    const char *font_heading;
    /** Font of the title; NULL = 方正小标宋简体. */
    const char *font_title;
    /** Body font size in points; 0 = 12. */
    double body_size;
    /** Title font size in points; 0 = 22 (二号). */
    double title_size;
    /** Header of the 属性 column (shown when an indicator has an attribute); NULL = 属性. */
    const char *header_attribute;
    /** Header of the base column (shown when an indicator has a base value); NULL = "<year>年基期值" (基期值 when the years differ). */
    const char *header_base;
    /** Header of the 备注 column (shown when an indicator has a note); NULL = 备注. */
    const char *header_note;
    /**
     * Folder for the temporary files libxlsxwriter writes while it builds the workbook (it
     * writes each part to a file before zipping them; the writers to memory also put the
     * workbook itself there before reading it back). NULL = `TMPDIR`, else `/tmp`. It must
     * be a writable folder: errors name it and what chose it (this option or `TMPDIR`).
     */
    const char *scratch_dir;
    /** Where it prints; 0 = ::ZB_MARGINS_DOCUMENT (the notice's type area). */
    zb_sheet_margins margins;
} zb_table_options;

/**
 * @brief Writes the target table of @p plan to @p path as an .xlsx workbook, laid out as
 *        a 附件 of an official document: label, title, header row, one row per indicator in
 *        the plan's order, 类别 merged over each group of two or more rows, thin borders,
 *        wrapped centred text with row heights computed from it, A4 portrait fitted to one
 *        page wide (landscape when the columns need it), the header row repeated on every
 *        page, footer `— N —`, panes frozen. The columns are 序号, 类别, 指标名称, then
 *        计量单位 (see unit_column), 属性 when an indicator has an attribute, the base value
 *        when one has it, a 目标值 column per target year (`2025年目标值`; one column when
 *        every target is for one year or none), 责任单位, and 备注 when one has a note. Every
 *        cell is as written: a plain number as a number, anything else (`≤10`, `下降3%`,
 *        `完成市下达任务`, `—`) as text. A table of more than 200 indicators is written row
 *        by row (libxlsxwriter's constant_memory mode), its strings stored in their cells
 *        rather than in a shared-string table: the same cells, faster and in a fraction of
 *        the memory. Printed in the notice's type area (see margins); the label row one
 *        line high; the columns' widths share the page so that no header or name leaves one
 *        character alone on its last line where a width can avoid it and no number is
 *        broken; a category that wraps is broken into even lines with line feeds. A page
 *        break keeps a group whole (moving it to the next page) only when that leaves less
 *        than a third of the page empty and makes the table no longer; otherwise the group
 *        is split and its category shown again on the new page. Every page break is written
 *        as a manual one (docs/notice.md, The workbooks).
 * @param options NULL = defaults.
 * @param error   May be NULL; receives the detail.
 * @return ::ZB_ERR_ARGUMENT, ::ZB_ERR_WRITE (the destination is unchanged) or ::ZB_ERR_XLSX.
 */
ZB_API zb_status zb_xlsx_write_target_table(const zb_plan *plan, const char *path,
                                            const zb_table_options *options, zb_error *error);

/**
 * @brief Options for zb_xlsx_write_breakdown(). All-zero means defaults; fields are only
 *        ever appended.
 */
typedef struct zb_breakdown_options {
    /** Title over each sheet; NULL = "<plan title>责任分解表" (or "责任分解表"). */
    const char *title;
    /** Fonts as in ::zb_table_options; NULL = 仿宋_GB2312, 黑体, 方正小标宋简体. */
    const char *font_body;
    const char *font_heading; /**< See font_body. */
    const char *font_title;   /**< See font_body. */
    /**
     * Folder for the temporary files libxlsxwriter writes while it builds the workbook (it
     * writes each part to a file before zipping them; the writers to memory also put the
     * workbook itself there before reading it back). NULL = `TMPDIR`, else `/tmp`. It must
     * be a writable folder: errors name it and what chose it (this option or `TMPDIR`).
     */
    const char *scratch_dir;
    /** Where it prints; 0 = ::ZB_MARGINS_DOCUMENT (the notice's type area). */
    zb_sheet_margins margins;
} zb_breakdown_options;

/**
 * @brief Writes the responsibility breakdown (责任分解表) of @p plan to @p path: a sheet
 *        `任务分解` listing every responsibility item (task number and title, item text, lead,
 *        cooperating units); a sheet `按单位` with a row per unit and the columns 单位 /
 *        牵头事项 / 配合事项 / 牵头指标 / 配合指标 (counts); and a sheet per unit listing the
 *        tasks and indicators it leads and supports. Sheet names are made valid for Excel
 *        (at most 31 characters, no []:*?/\, unique). The print setup is the target table's (A4 fitted
 *        to one page wide, header row repeated, footer `— N —`), landscape for the wide
 *        任务分解 and per-unit sheets; the margins as in ::zb_table_options, the widths
 *        chosen the same way.
 * @param options NULL = defaults.
 * @param error   May be NULL; receives the detail.
 */
ZB_API zb_status zb_xlsx_write_breakdown(const zb_plan *plan, const char *path,
                                         const zb_breakdown_options *options, zb_error *error);

/**
 * @brief Options for zb_xlsx_write_progress(). All-zero means defaults; fields are only
 *        ever appended.
 */
typedef struct zb_progress_sheet_options {
    /** Title; NULL = "<year>年<m>月指标监测表". */
    const char *title;
    /** Evaluation options; NULL = defaults. */
    const zb_progress_options *progress;
    /** Fonts as in ::zb_table_options; NULL = 仿宋_GB2312, 黑体, 方正小标宋简体. */
    const char *font_body;
    const char *font_heading; /**< See font_body. */
    const char *font_title;   /**< See font_body. */
    /**
     * Folder for the temporary files libxlsxwriter writes while it builds the workbook (it
     * writes each part to a file before zipping them; the writers to memory also put the
     * workbook itself there before reading it back). NULL = `TMPDIR`, else `/tmp`. It must
     * be a writable folder: errors name it and what chose it (this option or `TMPDIR`).
     */
    const char *scratch_dir;
} zb_progress_sheet_options;

/**
 * @brief Writes the monthly monitoring workbook of @p plan at @p period ("YYYY-MM"): one row
 *        per indicator with 序号, 类别, 指标名称, 计量单位 (when a unit was given apart from a
 *        name), 目标值 (the target the period is judged against), 本期累计, 完成率, 序时进度, 状态,
 *        责任单位 (and the numbers behind the status); 完成率 as a live formula that also carries its
 *        computed value; conditional formats for the statuses; a summary sheet with counts by
 *        status, by category and by lead unit, and a chart of completion by category; panes
 *        frozen, an autofilter, the target table's print setup.
 */
ZB_API zb_status zb_xlsx_write_progress(const zb_plan *plan, const char *period, const char *path,
                                        const zb_progress_sheet_options *options, zb_error *error);

/** @brief How completion turns into a score. */
typedef enum zb_scoring {
    ZB_SCORING_PROPORTIONAL = 0, /**< weight × min(completion, cap); met/not met count 1/0. */
    ZB_SCORING_ALL_OR_NOTHING = 1 /**< weight when done or met, else 0. */
} zb_scoring;

/**
 * @brief Reads a scoring rule by name: "proportional", "all-or-nothing" or "all_or_nothing"
 *        (the command line's and Python's spellings), in any case.
 * @param out    Receives the rule; unchanged on failure.
 * @param error  May be NULL; receives the detail, naming the rules there are.
 * @return ::ZB_OK, ::ZB_ERR_VALUE for another name, ::ZB_ERR_ARGUMENT for NULL.
 */
ZB_API zb_status zb_xlsx_parse_scoring(const char *text, zb_scoring *out, zb_error *error);

/**
 * @brief Options for zb_xlsx_write_assessment(). All-zero means defaults; fields are only
 *        ever appended.
 */
typedef struct zb_assessment_options {
    /** Title; NULL = "<year>年度指标考核结果". */
    const char *title;
    /** Scoring rule; default proportional. */
    zb_scoring scoring;
    /** Cap on over-completion for proportional scoring, as a fraction; 0 = 1.2 (120 %). */
    double cap;
    /** Evaluation options; NULL = defaults. */
    const zb_progress_options *progress;
    /** Fonts as in ::zb_table_options; NULL = defaults. */
    const char *font_body;
    const char *font_heading; /**< See font_body. */
    const char *font_title;   /**< See font_body. */
    /**
     * Folder for the temporary files libxlsxwriter writes while it builds the workbook (it
     * writes each part to a file before zipping them; the writers to memory also put the
     * workbook itself there before reading it back). NULL = `TMPDIR`, else `/tmp`. It must
     * be a writable folder: errors name it and what chose it (this option or `TMPDIR`).
     */
    const char *scratch_dir;
} zb_assessment_options;

/**
 * @brief Writes the annual assessment (年度考核) of @p plan at @p period (normally YYYY-12):
 *        each indicator's score (its weight, zb_plan_indicator_weight(), times the rule),
 *        each lead unit's score from the indicators it leads (sum of scores over sum of
 *        weights, as a percentage), and the units ranked. A cap (≤ on a count) earns its
 *        weight unless exceeded (超出: nothing). A qualitative target (定性) is listed with
 *        the score 另行评定: it earns nothing by formula and its weight counts in no total,
 *        for the office to assess by hand. A unit given apart from a name is printed with it.
 */
ZB_API zb_status zb_xlsx_write_assessment(const zb_plan *plan, const char *period, const char *path,
                                          const zb_assessment_options *options, zb_error *error);

/**
 * @brief What zb_xlsx_write_breakdown() lists for @p plan, without writing: the rows of
 *        任务分解 (responsibility items, and tasks with none) and the units with a sheet of
 *        their own (every unit named by an item or an indicator).
 * @param items  May be NULL; receives the number of responsibility items.
 * @param units  May be NULL; receives the number of unit sheets.
 * @return ::ZB_OK, ::ZB_ERR_ARGUMENT for a NULL plan, ::ZB_ERR_NOMEM.
 */
ZB_API zb_status zb_xlsx_breakdown_count(const zb_plan *plan, size_t *items, size_t *units, zb_error *error);

/**
 * @brief The score zb_xlsx_write_assessment() gives row @p i of @p progress, an evaluation
 *        of @p plan at the period assessed: the 得分 of its 指标得分 sheet, so that a caller
 *        can show or total the scores without reading the workbook.
 * @param options NULL = defaults; only scoring and cap are read.
 * @return The score; NaN for a NULL plan or progress, a bad row, or options the writer
 *         refuses (an unknown rule, a cap outside 1–100).
 */
ZB_API double zb_xlsx_assessment_score(const zb_plan *plan, const zb_progress *progress, size_t i,
                                       const zb_assessment_options *options);

/**
 * @brief The workbooks above written to memory instead of a file: @p out receives the
 *        bytes (free with zb_free()), @p len their count. Same arguments otherwise.
 */
ZB_API zb_status zb_xlsx_target_table_to_buffer(const zb_plan *plan, const zb_table_options *options,
                                                char **out, size_t *len, zb_error *error);
/** @brief zb_xlsx_write_breakdown() to memory. */
ZB_API zb_status zb_xlsx_breakdown_to_buffer(const zb_plan *plan, const zb_breakdown_options *options,
                                             char **out, size_t *len, zb_error *error);
/** @brief zb_xlsx_write_progress() to memory. */
ZB_API zb_status zb_xlsx_progress_to_buffer(const zb_plan *plan, const char *period,
                                            const zb_progress_sheet_options *options, char **out,
                                            size_t *len, zb_error *error);
/** @brief zb_xlsx_write_assessment() to memory. */
ZB_API zb_status zb_xlsx_assessment_to_buffer(const zb_plan *plan, const char *period,
                                              const zb_assessment_options *options, char **out,
                                              size_t *len, zb_error *error);

#ifdef __cplusplus
}
#endif

#endif /* ZB_XLSX_H */
