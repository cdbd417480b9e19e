/* The PDF renderer: draws the pages the layout engine made (lib/layout) with libharu. It
 * never lays out: every glyph, rule and image arrives positioned. Not installed. */
#ifndef ZB_RENDER_PDF_H
#define ZB_RENDER_PDF_H

#include "render/render.h"

/* Draws the pages into a PDF at path (written beside it, then renamed into place).
 * *bytes receives the file's size. */
zb_status zb_pdf_render(const zb_doc *doc, const char *path, const zb_render_options *options,
                        size_t *bytes, zb_error *err);

#endif /* ZB_RENDER_PDF_H */
