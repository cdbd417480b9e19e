/* The OFD renderer: draws the pages the layout engine made (lib/layout) as a GB/T 33190-2016
 * package (版式文档). It never lays out: every glyph, rule and image arrives positioned, and
 * each lands where the PDF renderer puts it. Not installed. */
#ifndef ZB_RENDER_OFD_H
#define ZB_RENDER_OFD_H

#include "render/render.h"

/* Draws the pages into an OFD package in memory: *out (free()) and *len. */
zb_status zb_ofd_render_to_memory(const zb_doc *doc, const zb_render_options *options, char **out,
                                  size_t *len, zb_error *err);

/* Draws the pages into an OFD package at path (written beside it, then renamed into place);
 * *bytes receives its size. */
zb_status zb_ofd_render(const zb_doc *doc, const char *path, const zb_render_options *options,
                        size_t *bytes, zb_error *err);

/* ---- the XML the package is written in (xml.c) ---- */
/* Appends n bytes of s as XML 1.0 text: &, < and > escaped; in an attribute value (quoted with
 * ") also " and tab, line feed and carriage return, as character references, so that they
 * survive attribute normalisation. A character XML 1.0 cannot hold (a C0 control other than
 * tab, line feed and carriage return; U+FFFE; U+FFFF) and a byte that is not UTF-8 become
 * U+FFFD, so the part is always well-formed. */
void zb_xml_escape(zb_buf *b, const char *s, size_t n, int attribute);
/* Appends v rounded to `decimals` places (0..6): no trailing zeros, no exponent, "0" for
 * zero or for what is not a finite number, and a '.' whatever the locale. */
void zb_xml_number(zb_buf *b, double v, int decimals);

/* ---- the seal (png_write.c) ---- */
/* The image as an 8-bit PNG (RGBA when it has an alpha mask, else RGB): *out (free()) and
 * *len. */
zb_status zb_ofd_png_encode(const zb_image *img, char **out, size_t *len, zb_error *err);

/* ---- SHA-1 (sha1.c), for the document's identifier ---- */
typedef struct zb_sha1 {
    uint32_t h[5];
    uint64_t bytes;
    unsigned char buf[64];
    size_t fill;
} zb_sha1;
void zb_sha1_init(zb_sha1 *s);
void zb_sha1_update(zb_sha1 *s, const void *data, size_t n);
void zb_sha1_final(zb_sha1 *s, unsigned char out[20]);

/* A name-based UUID (RFC 4122 version 5) in zhibiao's namespace for OFD documents: begin,
 * feed the name with zb_sha1_update(), end with the 32 lower-case hex digits a DocID is
 * written in (GB/T 33190: a UUID of 32 characters). */
void zb_ofd_uuid_begin(zb_sha1 *s);
void zb_ofd_uuid_end(zb_sha1 *s, char out[33]);

#endif /* ZB_RENDER_OFD_H */
