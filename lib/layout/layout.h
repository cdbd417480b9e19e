/* The layout engine of the PDF writers: the page geometry of GB/T 9704-2012, text shaped
 * into glyphs measured with the fonts' own advances, line breaking with the GB/T 15834 rules
 * (禁则), and the display list (pages of text runs, rules and images) that the renderer
 * draws. Data flows one way: document content -> engine -> display list -> renderer. */
#ifndef ZB_LAYOUT_H
#define ZB_LAYOUT_H

#include <stdint.h>

#include "core/internal.h"
#include "font/font_internal.h"
#include "image/image.h"

/* ---- geometry, in points (1 mm = 72/25.4 pt); y grows downwards from the page's top ---- */
#define ZB_MM (72.0 / 25.4)
#define ZB_PAGE_WIDTH 595.276
#define ZB_PAGE_HEIGHT 841.89
#define ZB_AREA_LEFT (28 * ZB_MM)
#define ZB_AREA_TOP (37 * ZB_MM)
#define ZB_AREA_WIDTH (156 * ZB_MM)
#define ZB_AREA_HEIGHT (225 * ZB_MM)
#define ZB_AREA_RIGHT (ZB_AREA_LEFT + ZB_AREA_WIDTH)
#define ZB_AREA_BOTTOM (ZB_AREA_TOP + ZB_AREA_HEIGHT)

#define ZB_SIZE_TITLE 22.0 /* 二号 */
#define ZB_SIZE_BODY 16.0  /* 三号 */
#define ZB_SIZE_SMALL 14.0 /* 四号 */

/* The body grid: 22 lines of 28 characters that fill the type area exactly. */
#define ZB_GRID_CHARS 28
#define ZB_GRID_LINES 22
#define ZB_CELL (ZB_AREA_WIDTH / ZB_GRID_CHARS)
#define ZB_CHAR_SPACE (ZB_CELL - ZB_SIZE_BODY)
#define ZB_LINE_PITCH ((ZB_AREA_HEIGHT - ZB_SIZE_BODY) / (ZB_GRID_LINES - 1))

/* Top of the em box of body line k (0-based) of a page. */
static inline double zb_grid_top(int k)
{
    return ZB_AREA_TOP + k * ZB_LINE_PITCH;
}

/* Inks: black, the red of the 版头, and the grey of a chart's bars. The red is the ink GB/T
 * 9704-2012 §6.2 asks of the printer, Y80% M80%: CMYK 0 0.8 0.8 0, the same in every
 * renderer. */
enum { ZB_INK_BLACK = 0, ZB_INK_RED = 1, ZB_INK_GREY = 2 };
#define ZB_RED_C 0.0
#define ZB_RED_M 0.8
#define ZB_RED_Y 0.8
#define ZB_RED_K 0.0
#define ZB_GREY_LEVEL 0.62 /* 0 = black, 1 = white */

/* ---- the display list ---- */
typedef enum zb_item_kind { ZB_ITEM_TEXT, ZB_ITEM_RULE, ZB_ITEM_IMAGE } zb_item_kind;

typedef struct zb_item {
    zb_item_kind kind;
    int page; /* 0-based */
    int ink;
    /* text: origin of the first glyph and its baseline; rule: one end (the other is x2,
     * y2); image: top-left corner */
    double x, y;
    double x2, y2;
    double w, h;        /* rule: h is the thickness; image: size */
    const zb_face *face; /* text */
    zb_font_role role;   /* text: the role it is set in (the face may be a fallback) */
    double size, char_space, hscale;
    size_t text, len; /* text: UTF-8 bytes in the document's pool */
    size_t seq;       /* order of drawing within a page */
} zb_item;

/* A document being laid out: items, the text they draw, the fallbacks used. Lives on the
 * writer's stack. */
typedef struct zb_doc {
    const zb_fontset *fonts;
    zb_item *items;
    size_t count, cap;
    zb_buf pool;
    int pages;              /* pages in use */
    const zb_image *image;  /* the seal, decoded, drawn by every image item; the caller's */
    /* Fallbacks: a set of (role << 24 | code point) drawn from a face other than the role's. */
    uint32_t *fallback;
    size_t fallback_count, fallback_cap;
    zb_error *err;
} zb_doc;

void zb_doc_init(zb_doc *doc, const zb_fontset *fonts, zb_error *err);
void zb_doc_free(zb_doc *doc);
/* A rule from (x0, y0) to (x1, y1), thickness wide. */
zb_status zb_doc_rule(zb_doc *doc, int page, double x0, double y0, double x1, double y1,
                      double thickness, int ink);
zb_status zb_doc_image(zb_doc *doc, int page, double x, double y, double w, double h);
/* Makes sure pages 0..page exist. */
void zb_doc_touch(zb_doc *doc, int page);
/* "〔〕 from WenQuanYi Zen Hei (body); …" into buf; returns the number of characters. */
size_t zb_doc_fallback_note(const zb_doc *doc, char *buf, size_t size);

/* ---- glyphs ---- */
enum {
    ZB_G_FULL = 1 << 0,     /* full width: takes one cell */
    ZB_G_NO_START = 1 << 1, /* may not start a line: ，。、；：？！”’）〕】》…—% , . ; : ? ! ) ] } */
    ZB_G_NO_END = 1 << 2,   /* may not end a line: “‘（〔【《「『 ( [ { */
    ZB_G_WORD = 1 << 3,     /* Latin letters, digits and their signs: never split */
    ZB_G_DASH = 1 << 4,     /* —: —— is never split */
    ZB_G_ELLIPSIS = 1 << 5, /* …: …… is never split */
    ZB_G_SPACE = 1 << 6     /* white space: a break after it, dropped at a line's end */
};

typedef struct zb_glyph {
    uint32_t cp;
    const zb_face *face; /* NULL for a space no font has: a gap */
    zb_font_role role;
    double adv;          /* the face's advance at the size, points */
    double width;        /* the room it takes on a line, char spacing included */
    double offset;       /* where the glyph sits in that room */
    double size;
    int ink;
    unsigned flags;
} zb_glyph;

typedef struct zb_glyphs {
    zb_glyph *g;
    size_t n, cap;
} zb_glyphs;

/* Appends text (len bytes, valid UTF-8 not required: checked here) set in role at size with
 * char_space added to every character's advance, its half-width punctuation inside Chinese
 * made full-width first (zb_text_punct). A character beyond U+FFFF, a control character or
 * one that no font has is ZB_ERR_VALUE naming it and where ("title"). */
zb_status zb_shape(zb_doc *doc, zb_glyphs *out, const char *text, size_t len, zb_font_role role,
                   double size, double char_space, int ink, const char *where);
/* The flags of a code point (without ZB_G_FULL, which shaping adds). */
unsigned zb_char_flags(uint32_t cp);

/* ---- lines ---- */
typedef struct zb_line {
    size_t start, end; /* glyphs [start, end), trailing spaces excluded */
    double width;      /* natural width */
    int last;          /* the paragraph's last line: not justified */
} zb_line;

typedef struct zb_lines {
    zb_line *l;
    size_t n, cap;
} zb_lines;

/* Nonzero when a line may break before glyph i (0 < i < n). */
int zb_break_allowed(const zb_glyph *g, size_t n, size_t i);
/* Natural width of glyphs [s, e). */
double zb_glyphs_width(const zb_glyph *g, size_t s, size_t e);
/* Breaks n glyphs into lines: the first width_first wide, the others width wide. A line
 * that would end or start against the rules is shortened, its last characters pushed to
 * the next line (推出); a run that cannot be split is broken only when it is longer than a
 * line. Returns 0, or -1 when out of memory. */
int zb_break_lines(const zb_glyph *g, size_t n, double width_first, double width, zb_lines *out);
/* Breaks a title into the fewest lines that fit, of near-equal lengths, upper lines not
 * shorter than lower ones, preferring breaks after 关于, before 《“, after punctuation and
 * before the closing 的通知. Returns 0, or -1 when out of memory. */
int zb_balance_lines(const zb_glyph *g, size_t n, double width, zb_lines *out);
/* zb_balance_lines() keeping words whole (GB/T 9704 §7.3.1 词意完整): words[i] (n + 1
 * entries, from zb_title_words(); NULL = none) counts the words that a break before glyph i
 * would split, and such a break costs far more than one between two words. When every way
 * over the fewest lines splits a word, one line more is taken if it splits none. */
int zb_balance_title(const zb_glyph *g, size_t n, double width, const unsigned char *words,
                     zb_lines *out);
/* Fills inside[0..n] (n + 1 entries, the caller's) with the number of words each break
 * before glyph i would split: the longest word of the built-in lexicon of government titles
 * that starts at each glyph (organs, document types, common nouns, 第N季度), and every
 * occurrence of the count plain strings of words (the document's own names; NULL or ""
 * entries are skipped). Matched on code points; words are not copied. */
void zb_title_words(const zb_glyph *g, size_t n, const char *const *words, size_t count,
                    unsigned char *inside);

/* Baseline of text of size on a face whose em box starts at em_top: the face's em box
 * (ascender to descender) centred on it. */
double zb_baseline(const zb_face *face, double em_top, double size);

/* Draws glyphs [s, e) from x on baseline y, extra points added between neighbours (the
 * slack of a justified line), glyphs scaled horizontally by hscale (1 = none). */
zb_status zb_emit(zb_doc *doc, int page, double x, double y, const zb_glyph *g, size_t s,
                  size_t e, double extra, double hscale);
/* The extra space between glyphs that makes line l end at width; 0 for a paragraph's last
 * line, and for a line that would be spread more than a character between its glyphs. */
double zb_justify_extra(const zb_glyph *g, const zb_line *l, double width);

/* ---- small texts ---- */
/* "2022年3月24日" followed by suffix; "" for an unset date. */
void zb_format_date(zb_date d, const char *suffix, char *buf, size_t size);
/* The heading level that numbering at the start of text says: 一、 -> 1, （一）/(一) -> 2,
 * 1./1． -> 3, （1）/(1) -> 4; 0 for none. */
int zb_heading_level(const char *text);
/* Bytes of text that a heading of level 1 or 2 sets in its face: up to and including the
 * first 。, or all of it. */
size_t zb_heading_length(const char *text);

#endif /* ZB_LAYOUT_H */
