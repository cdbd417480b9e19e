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

#endif /* ZB_RENDER_OFD_H */
