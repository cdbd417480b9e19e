/* The PDF renderer: draws the pages the layout engine made (lib/layout) with libharu. It
 * never lays out: every glyph, rule and image arrives positioned. Not installed. */
#ifndef ZB_RENDER_PDF_H
#define ZB_RENDER_PDF_H

#include <time.h>

#include "layout/layout.h"

/* How the fonts go into the file. */
typedef enum zb_font_embedding {
    ZB_EMBED_SUBSET = 0, /* a subset per face, made with zb_face_subset() (what the library does) */
    ZB_EMBED_LIBHARU = 1 /* libharu's own loader on the whole font file (the benchmark's baseline) */
} zb_font_embedding;

typedef struct zb_render_options {
    zb_font_embedding embedding;
    const char *title;  /* document properties, UTF-8; NULL = none */
    const char *author;
    time_t created;     /* CreationDate */
} zb_render_options;

/* Draws the pages into a PDF, made in memory: with out NULL written to path (beside it,
 * then renamed into place); else handed over in *out (free() it) and path is only what
 * messages call the document. *bytes receives the size. Nothing else touches the disk: font
 * subsets go to libharu from memory. */
zb_status zb_pdf_render(const zb_doc *doc, const char *path, const zb_render_options *options,
                        char **out, size_t *bytes, zb_error *err);

#endif /* ZB_RENDER_PDF_H */
