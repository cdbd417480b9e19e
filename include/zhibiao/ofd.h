/**
 * @file ofd.h
 * @brief Official documents as OFD (GB/T 33190-2016 《电子文件存储与交换格式 版式文档》), the
 *        format Chinese e-government systems and archives keep: the same notice and bulletin
 *        pages as the PDF writers of pdf.h, laid out once by the GB/T 9704 engine and drawn
 *        by a second renderer.
 *
 * The package is a zip holding `OFD.xml` (document information: title, author = the issuing
 * organ, creation date from the plan, an identifier derived from the content),
 * `Doc_0/Document.xml` (A4 page area in millimetres), the public resources (the fonts) and
 * the document resources (the seal), and one `Content.xml` per page. Every character is
 * placed where the PDF places it (positions in millimetres to 0.01 mm, with `DeltaX`); the
 * fonts are the same subsets the PDF embeds, one TrueType file per face, named after the
 * standard face of their role (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体) so that a
 * reader that picks fonts by name finds the right one; the seal is a PNG image resource
 * with its transparency. Digital signatures (电子签章) are not written: the seal is an image.
 *
 * The options, the information returned and the errors are those of the PDF writers
 * (::zb_notice_options, ::zb_bulletin_options, ::zb_pdf_info in pdf.h). As there, writers read
 * the plan and the fontset only, so several may run at once from several threads; the file is
 * written beside the destination and renamed into place (on failure the destination is as it
 * was); the same plan and fonts give the same bytes.
 */
#ifndef ZB_OFD_H
#define ZB_OFD_H

#include "pdf.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Writes the notice of @p plan to @p path as an OFD package: the pages that
 *        zb_pdf_write_notice() writes, character for character.
 * @param fonts   Fonts by role; NULL = the defaults, loaded for this call (as in
 *                zb_pdf_write_notice()). Only read.
 * @param path    The destination (any name; `.ofd` is the usual one).
 * @param options NULL = defaults; read during the call only.
 * @param info    May be NULL; receives pages, size and the fallbacks used (caller-owned).
 * @param error   May be NULL; receives the detail (caller-owned).
 * @return ::ZB_OK, or the errors of zb_pdf_write_notice() (::ZB_ERR_VALUE, ::ZB_ERR_IO for a
 *         font or seal that cannot be read, ::ZB_ERR_WRITE, ...).
 */
ZB_API zb_status zb_ofd_write_notice(const zb_plan *plan, const zb_fontset *fonts, const char *path,
                                     const zb_notice_options *options, zb_pdf_info *info,
                                     zb_error *error);

/**
 * @brief Writes the progress bulletin (通报) of @p plan at @p period (`YYYY-MM`) to @p path as an
 *        OFD package: the pages of zb_pdf_write_bulletin(). Arguments as there.
 */
ZB_API zb_status zb_ofd_write_bulletin(const zb_plan *plan, const zb_fontset *fonts, const char *period,
                                       const char *path, const zb_bulletin_options *options,
                                       zb_pdf_info *info, zb_error *error);

/**
 * @brief zb_ofd_write_notice() to memory: @p out receives the package's bytes (owned by the
 *        caller, free with zb_free()), @p len their count; both are required. No file is
 *        written, not even a temporary one.
 */
ZB_API zb_status zb_ofd_notice_to_buffer(const zb_plan *plan, const zb_fontset *fonts,
                                         const zb_notice_options *options, char **out, size_t *len,
                                         zb_pdf_info *info, zb_error *error);

/** @brief zb_ofd_write_bulletin() to memory; @p out and @p len as in zb_ofd_notice_to_buffer(). */
ZB_API zb_status zb_ofd_bulletin_to_buffer(const zb_plan *plan, const zb_fontset *fonts, const char *period,
                                           const zb_bulletin_options *options, char **out, size_t *len,
                                           zb_pdf_info *info, zb_error *error);

#ifdef __cplusplus
}
#endif

#endif /* ZB_OFD_H */
