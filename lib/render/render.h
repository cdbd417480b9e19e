/* What every renderer is given besides the pages, and the renderers the write path can
 * choose from (lib/content/write.c). A renderer draws the pages the layout engine made
 * (lib/layout); it never lays out. Not installed. */
#ifndef ZB_RENDER_H
#define ZB_RENDER_H

#include <time.h>

#include "layout/layout.h"

/* How the fonts go into a PDF. */
typedef enum zb_font_embedding {
    ZB_EMBED_SUBSET = 0, /* a subset per face, made with zb_face_subset() (what the library does) */
    ZB_EMBED_LIBHARU = 1, /* libharu's own loader on the whole font file (the benchmark's baseline) */
    /* The subsets of ZB_EMBED_SUBSET, libharu left to map every code through each subset's
     * own cmap (no zb_pdf_flatten_cmap): the benchmark's measure of that step, same bytes. */
    ZB_EMBED_SUBSET_UNFLATTENED = 2
} zb_font_embedding;

typedef struct zb_render_options {
    zb_font_embedding embedding; /* PDF only; OFD always embeds subsets */
    const char *title;           /* document properties, UTF-8; NULL = none */
    const char *author;
    time_t created;              /* creation date */
} zb_render_options;

/* The formats a document can be drawn in. */
typedef enum zb_render_format {
    ZB_RENDER_PDF = 0, /* lib/render/pdf, on libharu */
    ZB_RENDER_OFD = 1  /* lib/render/ofd: GB/T 33190-2016 版式文档 */
} zb_render_format;

/* A renderer: draws the pages into a file at path (written beside it, then renamed into
 * place; *bytes receives its size), or into memory (*out, freed with free(); NULL when the
 * renderer has no memory path and the caller must go through a file). */
typedef struct zb_renderer {
    const char *name; /* "PDF", "OFD" */
    zb_status (*to_file)(const zb_doc *doc, const char *path, const zb_render_options *options,
                         size_t *bytes, zb_error *err);
    zb_status (*to_memory)(const zb_doc *doc, const zb_render_options *options, char **out,
                           size_t *len, zb_error *err);
} zb_renderer;

#endif /* ZB_RENDER_H */
