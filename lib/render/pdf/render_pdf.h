/* The PDF renderer: draws the pages the layout engine made (lib/layout) with libharu. It
 * never lays out: every glyph, rule and image arrives positioned. Not installed. */
#ifndef ZB_RENDER_PDF_H
#define ZB_RENDER_PDF_H

#include <hpdf.h>

#include "render/render.h"

/* Draws the pages into a PDF at path (written beside it, then renamed into place); *bytes
 * receives the file's size. The document is made in memory and written at once. */
zb_status zb_pdf_render(const zb_doc *doc, const char *path, const zb_render_options *options,
                        size_t *bytes, zb_error *err);

/* The same PDF into memory: *out (free() it) and *len. Nothing touches the disk: font
 * subsets go to libharu from memory, and libharu saves into its own stream. Messages call
 * the document <memory>. */
zb_status zb_pdf_render_to_memory(const zb_doc *doc, const zb_render_options *options, char **out,
                                  size_t *len, zb_error *err);

/* Replaces libharu's parsed copy of the cmap of the TrueType font `name` (loaded into pdf)
 * by one segment over a table of the 65,536 glyph ids, each as libharu's own lookup gives
 * it: the same glyphs, found in one step instead of a scan of the segments (libharu looks up
 * all 65,536 codes when it sets a UTF-8 font up). The file is unchanged: libharu embeds the
 * cmap table from the font file. 1 when replaced, 0 when left as it was (not libharu 2.3,
 * not a format-4 cmap, out of memory). */
int zb_pdf_flatten_cmap(HPDF_Doc pdf, const char *name);

#endif /* ZB_RENDER_PDF_H */
