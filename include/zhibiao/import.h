/**
 * @file import.h
 * @brief Reading a plan as published on a government website (plain text copied from the
 *        page, like the two documents in shared/seeds/) into the model.
 *
 * Recognised: the header block sites print (索引号, 发布机构, 发布日期, 文号/文件编号, 有效性,
 * 公开方式); for a notice, 主送机关, the notice text, 署名, 成文日期 and 附注, then the plan it
 * issues; the plan's title and heading structure (一、 (一) 1. (1)); tasks and their
 * responsibility items (`(责任单位:…)`, `牵头单位:…;配合单位:…`), the first unit of each item
 * the lead; quantitative targets written in prose (新增“小升规”企业62家以上, 到2023年…400家) as
 * prose targets; attachments — a target table whose cells come one per line, a unit list,
 * text. Dirt (U+00A0, U+3000 inside words, stray spaces inside quotes, `附件 2`) is cleaned.
 * Text that cannot be placed is reported with its line number, never dropped silently.
 */
#ifndef ZB_IMPORT_H
#define ZB_IMPORT_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Options for zb_import_text(). All-zero means defaults; fields are only ever appended. */
typedef struct zb_import_options {
    /** Nonzero: a line that cannot be placed is an error (::ZB_ERR_VALUE) instead of a warning. */
    int strict;
} zb_import_options;

/**
 * @brief Replaces the contents of @p plan with the plan read from the published text at @p path.
 * @param options NULL = defaults.
 * @param report  May be NULL; receives a new list (caller frees with zb_findings_free()) of
 *                what was recognised (notes) and what could not be placed (warnings "unplaced",
 *                located `file:line`), even on error when it could be made.
 * @return ::ZB_ERR_IO, ::ZB_ERR_ENCODING (GBK or invalid UTF-8, naming the line),
 *         ::ZB_ERR_VALUE (nothing recognisable; or, with strict, an unplaced line); the
 *         detail in zb_errmsg(plan). On error the plan is unchanged.
 */
ZB_API zb_status zb_import_text(zb_plan *plan, const char *path, const zb_import_options *options,
                                zb_findings **report);

/** @brief Same as zb_import_text() from memory; @p name is what messages call the input. */
ZB_API zb_status zb_import_text_string(zb_plan *plan, const char *text, size_t len, const char *name,
                                       const zb_import_options *options, zb_findings **report);

#ifdef __cplusplus
}
#endif

#endif /* ZB_IMPORT_H */
