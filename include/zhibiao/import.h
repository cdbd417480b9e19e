/**
 * @file import.h
 * @brief Reading a plan as published — text copied from a government site, a Word file or a
 *        PDF — into the model, and saying what could not be read.
 *
 * The import runs in four stages (docs/import.md lists every form each one knows):
 * clean (the input checked: UTF-8, no NUL or control characters; widths; half-width
 * `, : ; ? ! ( )` inside Chinese made full-width; spaces beside numbers; page numbers and
 * running headers dropped; lines broken at a PDF's page width rejoined) → segment (site
 * furniture, the header block by its labels, the title by evidence, the notice's parts, the
 * body, the attachments) → recognise (headings, tasks and their responsibility notes,
 * targets in prose, tables in three layouts, unit lists) → build (the model's calls).
 * Each stage reports what it did; every line ends up placed or reported with its line
 * number; the report ends with a summary and a verdict, and lists what looks misread (the
 * checks of zb_plan_validate()).
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
 *                what each stage did ("stage", "cleaned", "recognised", "normalised",
 *                "collective"), what could not be read (warnings "unplaced", located
 *                `file:line`; "unknown-label" for a header label the importer does not know),
 *                what looks misread (the codes of zb_plan_validate(): "empty-table",
 *                "task-no-unit" …), then a "summary" (title, 文号, tasks, items, indicators,
 *                attachments, unplaced lines) and a "verdict" (a note when every line was
 *                placed and nothing looks misread, else a warning saying what to check),
 *                even on error when it could be made.
 * @return ::ZB_ERR_IO, ::ZB_ERR_ENCODING (GBK or invalid UTF-8, a NUL or another control
 *         character, naming the line and column), ::ZB_ERR_VALUE (nothing recognisable; or,
 *         with strict, an unplaced line); the detail in zb_errmsg(plan). On error the plan is
 *         unchanged.
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
