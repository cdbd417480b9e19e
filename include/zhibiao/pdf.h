/**
 * @file pdf.h
 * @brief Official documents as PDF, laid out to GB/T 9704-2012 《党政机关公文格式》: the notice
 *        (通知) that issues a plan, with its attachments.
 *
 * The page: A4, top margin 37 mm, binding margin 28 mm, type area 156 × 225 mm, 三号仿宋 on
 * a grid of 22 lines of 28 characters. The 版头 (issuing-organ mark in red, document number,
 * red rule), the title in 二号小标宋, 主送机关, the body with its heading levels, 附件说明,
 * signature and date (with or without a seal), 附注, each attachment on a new page, the 版记
 * on the last even page, and page numbers `— N —` alternating sides. Line breaking follows
 * GB/T 15834 (no line starts with a closing mark or ends with an opening one). Fonts are
 * subset per document, so a notice with its tables stays small.
 *
 * Writers read the plan and the fontset only, so several may run at once from several
 * threads on the same plan and fontset. The document is made in memory; a file is written
 * beside the destination and renamed into place: on failure the destination is as it was.
 * The writers to memory (zb_pdf_notice_to_buffer()) write no file at all: font subsets go
 * to the PDF from memory, and fonts and seals may be given as bytes. The same plan and fonts
 * give the same bytes (no clock: dates come from the plan or `SOURCE_DATE_EPOCH`).
 */
#ifndef ZB_PDF_H
#define ZB_PDF_H

#include "font.h"
#include "plan.h"
#include "progress.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief The form of the 版头 (the red header): GB/T 9704-2012 §7.2, §10.1. Values are only
 *        ever appended.
 */
typedef enum zb_masthead {
    /** 文件式: the organ mark (`organ_mark`, else the organ + 文件), the 发文字号 two lines
     *  below it and the red rule under the number. */
    ZB_MASTHEAD_FILE = 0,
    /** The same with the organ's name alone as the mark, without 文件 (a 非文件 form). */
    ZB_MASTHEAD_MARK = 1,
    /** 信函格式 (§10.1): the mark 30 mm from the page's top between red double rules, the
     *  number flush right, no page number on the first page, a 版记 of 抄送 only. */
    ZB_MASTHEAD_LETTER = 2,
    /** No 版头: the title opens the first page (paper with a printed header, or a draft). */
    ZB_MASTHEAD_NONE = 3
} zb_masthead;

/**
 * @brief Options for zb_pdf_write_notice(). All-zero means defaults; strings are read
 *        during the call only; fields are only ever appended.
 */
typedef struct zb_notice_options {
    /**
     * A seal image (PNG, transparent background) pressed over the signature and date;
     * NULL = none. Implies @p sealed.
     */
    const char *seal_png;
    /**
     * Nonzero: lay out the signature and date for a document that will be sealed (the date
     * 4 characters in from the right, the signature centred over it, GB/T 9704 §7.3.5.1);
     * zero: as an unsealed document (signature and date flush right, §7.3.5.2).
     */
    int sealed;
    /** Nonzero: leave the attachments out (the 附件说明 is still printed). */
    int omit_attachments;
    /** Nonzero: leave out the 版记 (抄送, 印发机关 and 印发日期). */
    int omit_imprint;
    /** The 版头's form; 0 = ::ZB_MASTHEAD_FILE. */
    zb_masthead masthead;
    /**
     * The seal as PNG bytes in memory instead of a file: @p seal_png_size bytes at
     * @p seal_png_data, read during the call only (the caller keeps them). Giving both this
     * and @p seal_png is ::ZB_ERR_ARGUMENT. Implies @p sealed. Messages call it "seal (bytes
     * in memory)".
     */
    const void *seal_png_data;
    size_t seal_png_size; /**< See seal_png_data. */
} zb_notice_options;

/** @brief What a written document came to. Caller-owned; every field is set on success. */
typedef struct zb_pdf_info {
    /** Number of pages. */
    int pages;
    /** Size of the file in bytes. */
    size_t bytes;
    /** Number of distinct characters drawn from a fallback font because a role's font lacked them. */
    size_t fallback_chars;
    /** Which, e.g. "〔〕 from WenQuanYi Zen Hei (body)"; "" when none. */
    char fallback_note[512];
} zb_pdf_info;

/**
 * @brief Writes the notice of @p plan to @p path as a PDF: the plan's metadata (organ,
 *        organ mark, document number, title, recipients, signature, date, 附注, copy-to,
 *        printer and printing date), its body blocks, and its attachments (the target table
 *        drawn as a table, the unit list, or text).
 * @param fonts   Fonts by role; NULL = zb_fontset_load_defaults() on a fontset of its own
 *                (loading fonts for every call: pass a loaded fontset when writing many).
 * @param options NULL = defaults.
 * @param info    May be NULL; receives pages, size and the fallbacks used.
 * @param error   May be NULL; receives the detail.
 * @return ::ZB_ERR_NOT_FOUND (no font for a role), ::ZB_ERR_VALUE (a character that no font
 *         has, naming it and where it is; a seal that is not a PNG), ::ZB_ERR_ENCODING (text
 *         that is not UTF-8), ::ZB_ERR_IO (a font or the seal cannot be read),
 *         ::ZB_ERR_WRITE, ::ZB_ERR_PDF.
 */
ZB_API zb_status zb_pdf_write_notice(const zb_plan *plan, const zb_fontset *fonts, const char *path,
                                     const zb_notice_options *options, zb_pdf_info *info,
                                     zb_error *error);

/**
 * @brief Options for zb_pdf_write_bulletin(). All-zero means defaults; fields are only ever
 *        appended.
 */
typedef struct zb_bulletin_options {
    /** Title; NULL = "关于<year>年第<q>季度<plan title>指标进展情况的通报" (month m, quarter q),
     *  the plan title's own "<year>年" left out so that the year is said once. */
    const char *title;
    /** Document number; NULL = none (the plan's own is for the plan). */
    const char *doc_number;
    /** Evaluation options; NULL = defaults. */
    const zb_progress_options *progress;
    /** As in ::zb_notice_options. */
    const char *seal_png;
    int sealed; /**< As in ::zb_notice_options. */
    /** As in ::zb_notice_options. */
    zb_masthead masthead;
    /** As in ::zb_notice_options: the seal as PNG bytes in memory. */
    const void *seal_png_data;
    size_t seal_png_size; /**< See seal_png_data. */
} zb_bulletin_options;

/**
 * @brief Writes the progress bulletin (通报) of @p plan at @p period as a GB/T 9704 document
 *        from the notice engine: generated text saying how many indicators are done, ahead,
 *        lagging or unreported and naming the lagging ones with their lead units, actuals and
 *        targets in their units (a target worked out from the base with the working); when
 *        the plan has them, a section on caps exceeded or used faster than the schedule
 *        (超限及预警指标) and one on qualitative targets (定性指标); a bar chart of completion by
 *        category (cumulative indicators judged by progress only); the progress table as its
 *        attachment, with 计量单位, 属性 and 基期值 when the plan has them and the target each
 *        row was judged against. The plan's organ, recipients, signature, copy-to and printer
 *        are used; the date is the end of the period.
 */
ZB_API zb_status zb_pdf_write_bulletin(const zb_plan *plan, const zb_fontset *fonts, const char *period,
                                       const char *path, const zb_bulletin_options *options,
                                       zb_pdf_info *info, zb_error *error);

/**
 * @brief The documents above written to memory instead of a file: @p out receives the bytes
 *        (free with zb_free()), @p len their count. Same arguments otherwise, and the same
 *        bytes as the file. No file is opened for writing: messages call the document
 *        `<memory>`.
 */
ZB_API zb_status zb_pdf_notice_to_buffer(const zb_plan *plan, const zb_fontset *fonts,
                                         const zb_notice_options *options, char **out, size_t *len,
                                         zb_pdf_info *info, zb_error *error);
/** @brief zb_pdf_write_bulletin() to memory. */
ZB_API zb_status zb_pdf_bulletin_to_buffer(const zb_plan *plan, const zb_fontset *fonts, const char *period,
                                           const zb_bulletin_options *options, char **out, size_t *len,
                                           zb_pdf_info *info, zb_error *error);

#ifdef __cplusplus
}
#endif

#endif /* ZB_PDF_H */
