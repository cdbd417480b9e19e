/* What the PDF module shares between its files, and the entry the benchmark uses; not
 * installed. */
#ifndef ZB_PDF_INTERNAL_H
#define ZB_PDF_INTERNAL_H

#include <time.h>

#include "pdf/layout.h"
#include "zhibiao/pdf.h"

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

/* Draws the display list into a PDF at path (written beside it, then renamed into place).
 * *bytes receives the file's size. */
zb_status zb_pdf_render(const zb_doc *doc, const char *path, const zb_render_options *options,
                        size_t *bytes, zb_error *err);

/* Checks that path is a PNG that libpng reads without an error (libharu lets libpng abort
 * the process on one) and gives its size in pixels. ZB_ERR_IO when it cannot be read,
 * ZB_ERR_VALUE when it is not such a PNG. */
zb_status zb_png_check(const char *path, double *width, double *height, zb_error *err);

/* zb_pdf_write_notice() with a choice of font embedding. */
zb_status zb_pdf_write_notice_embedding(const zb_plan *plan, const zb_fontset *fonts,
                                        const char *path, const zb_notice_options *options,
                                        zb_font_embedding embedding, zb_pdf_info *info,
                                        zb_error *error);

/* For the benchmark: the same notice with every font embedded by libharu's own loader from
 * the whole font file (HPDF_LoadTTFontFromFile, or HPDF_LoadTTFontFromFile2 for a .ttc). */
static inline zb_status zb_pdf_write_notice_libharu_fonts(const zb_plan *plan,
                                                          const zb_fontset *fonts,
                                                          const char *path,
                                                          const zb_notice_options *options,
                                                          zb_pdf_info *info, zb_error *error)
{
    return zb_pdf_write_notice_embedding(plan, fonts, path, options, ZB_EMBED_LIBHARU, info, error);
}

#endif /* ZB_PDF_INTERNAL_H */
