/* The layout engine: shaping, line breaking (GB/T 15834 禁则), title balancing and the
 * display list. Nothing here knows about libharu. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"

/* Widths are compared with this tolerance so that 28 cells fill a line exactly. */
#define FIT_EPS 0.01

/* ---------------------------------------------------------------------------------- */
/* The display list */

void zb_doc_init(zb_doc *doc, const zb_fontset *fonts, zb_error *err)
{
    memset(doc, 0, sizeof *doc);
    doc->fonts = fonts;
    doc->err = err;
    doc->pages = 1;
}

void zb_doc_free(zb_doc *doc)
{
    free(doc->items);
    zb_buf_free(&doc->pool);
    free(doc->fallback);
    memset(doc, 0, sizeof *doc);
}

void zb_doc_touch(zb_doc *doc, int page)
{
    if (page + 1 > doc->pages)
        doc->pages = page + 1;
}

static zb_item *add_item(zb_doc *doc, zb_item_kind kind, int page)
{
    if (zb_grow((void **)&doc->items, &doc->cap, doc->count + 1, sizeof *doc->items))
        return NULL;
    zb_item *it = &doc->items[doc->count];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->page = page;
    it->seq = doc->count++;
    it->hscale = 1;
    zb_doc_touch(doc, page);
    return it;
}

static zb_status nomem(zb_doc *doc)
{
    return zb_error_set(doc->err, ZB_ERR_NOMEM, "out of memory while laying out the document");
}

zb_status zb_doc_rule(zb_doc *doc, int page, double x0, double y0, double x1, double y1,
                      double thickness, int ink)
{
    zb_item *it = add_item(doc, ZB_ITEM_RULE, page);
    if (!it)
        return nomem(doc);
    it->x = x0;
    it->y = y0;
    it->x2 = x1;
    it->y2 = y1;
    it->h = thickness;
    it->ink = ink;
    return ZB_OK;
}

zb_status zb_doc_image(zb_doc *doc, int page, double x, double y, double w, double h)
{
    zb_item *it = add_item(doc, ZB_ITEM_IMAGE, page);
    if (!it)
        return nomem(doc);
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
    return ZB_OK;
}

/* ---------------------------------------------------------------------------------- */
/* Fallbacks: an open-addressing set of role << 24 | code point (never 0). */

static int fallback_add(zb_doc *doc, uint32_t key)
{
    if ((doc->fallback_count + 1) * 2 > doc->fallback_cap) {
        size_t cap = doc->fallback_cap ? doc->fallback_cap * 2 : 64;
        uint32_t *t = calloc(cap, sizeof *t);
        if (!t)
            return -1;
        for (size_t i = 0; i < doc->fallback_cap; i++) {
            uint32_t k = doc->fallback[i];
            if (!k)
                continue;
            size_t h = (k * 2654435761u) & (cap - 1);
            while (t[h])
                h = (h + 1) & (cap - 1);
            t[h] = k;
        }
        free(doc->fallback);
        doc->fallback = t;
        doc->fallback_cap = cap;
    }
    size_t h = (key * 2654435761u) & (doc->fallback_cap - 1);
    while (doc->fallback[h]) {
        if (doc->fallback[h] == key)
            return 0;
        h = (h + 1) & (doc->fallback_cap - 1);
    }
    doc->fallback[h] = key;
    doc->fallback_count++;
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static const char *const role_names[ZB_FONT_ROLE_COUNT] = {"body", "title", "heading", "kai",
                                                            "number"};

/* Appends s to buf without cutting a character; marks the cut with … once. */
static void note_add(char *buf, size_t size, size_t *len, int *cut, const char *s)
{
    size_t n = strlen(s);
    if (*cut)
        return;
    if (*len + n + 1 > size) {
        static const char ell[] = "…";
        size_t room = size - *len - 1;
        if (room >= sizeof ell - 1) {
            size_t k = room - (sizeof ell - 1);
            if (k > n)
                k = n;
            while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
                k--;
            memcpy(buf + *len, s, k);
            memcpy(buf + *len + k, ell, sizeof ell - 1);
            *len += k + sizeof ell - 1;
            buf[*len] = '\0';
        }
        *cut = 1;
        return;
    }
    memcpy(buf + *len, s, n);
    *len += n;
    buf[*len] = '\0';
}

size_t zb_doc_fallback_note(const zb_doc *doc, char *buf, size_t size)
{
    if (size)
        buf[0] = '\0';
    if (!doc->fallback_count || size < 8)
        return 0;
    uint32_t *keys = malloc(doc->fallback_count * sizeof *keys);
    uint32_t *cps = malloc(doc->fallback_count * sizeof *cps);
    if (!keys || !cps) {
        free(keys);
        free(cps);
        return doc->fallback_count;
    }
    size_t n = 0;
    for (size_t i = 0; i < doc->fallback_cap; i++)
        if (doc->fallback[i])
            keys[n++] = doc->fallback[i];
    qsort(keys, n, sizeof *keys, cmp_u32);
    for (size_t i = 0; i < n; i++)
        cps[i] = keys[i] & 0xFFFFFF;
    qsort(cps, n, sizeof *cps, cmp_u32);
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++)
        if (!i || cps[i] != cps[i - 1])
            distinct++;

    /* Groups of the same role and the same fallback face, in role then code point order. */
    size_t len = 0;
    int cut = 0;
    for (size_t i = 0; i < n;) {
        zb_font_role role = (zb_font_role)(keys[i] >> 24);
        const zb_face *face = zb_fontset_pick(doc->fonts, role, keys[i] & 0xFFFFFF);
        if (len)
            note_add(buf, size, &len, &cut, "; ");
        size_t j = i;
        for (; j < n && keys[j] >> 24 == (uint32_t)role; j++) {
            const zb_face *f = zb_fontset_pick(doc->fonts, role, keys[j] & 0xFFFFFF);
            if (f != face)
                break;
            char u[8];
            u[zb_utf8_encode(keys[j] & 0xFFFFFF, u)] = '\0';
            note_add(buf, size, &len, &cut, u);
        }
        char tail[192];
        snprintf(tail, sizeof tail, " from %s (%s)", face ? zb_face_family(face) : "?",
                 role_names[role]);
        note_add(buf, size, &len, &cut, tail);
        i = j;
    }
    free(keys);
    free(cps);
    return distinct;
}

/* ---------------------------------------------------------------------------------- */
/* Shaping */

static int in_list(uint32_t cp, const uint32_t *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == cp)
            return 1;
    return 0;
}

static const uint32_t no_start[] = {
    0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0x201D, 0x2019, 0xFF09, 0x3015,
    0x3011, 0x300B, 0x300D, 0x300F, 0x3009, 0x3017, 0x3019, 0x301B, 0xFF3D, 0xFF5D, 0x2026,
    0x2014, 0x2015, 0x00B7, 0x30FB, 0xFF0E, 0xFF05, 0x2030, 0x0025, ',', '.', ';', ':', '?',
    '!', ')', ']', '}'};
static const uint32_t no_end[] = {0x201C, 0x2018, 0xFF08, 0x3014, 0x3010, 0x300A, 0x300C,
                                  0x300E, 0x3008, 0x3016, 0x3018, 0x301A, 0xFF3B, 0xFF5B,
                                  '(', '[', '{'};
/* Opening marks whose glyph, when narrower than a cell, hugs the character after it. */
static const uint32_t opening[] = {0x201C, 0x2018};
static const uint32_t closing[] = {0x201D, 0x2019};

unsigned zb_char_flags(uint32_t cp)
{
    unsigned f = 0;
    if (cp == ' ' || cp == 0xA0 || cp == 0x3000)
        return ZB_G_SPACE;
    if (in_list(cp, no_start, sizeof no_start / sizeof no_start[0]))
        f |= ZB_G_NO_START;
    if (in_list(cp, no_end, sizeof no_end / sizeof no_end[0]))
        f |= ZB_G_NO_END;
    if ((cp > 0x20 && cp < 0x7F) || (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0xFF10 && cp <= 0xFF19) ||
        (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A))
        f |= ZB_G_WORD;
    if (cp == 0x2014 || cp == 0x2015)
        f |= ZB_G_DASH;
    if (cp == 0x2026)
        f |= ZB_G_ELLIPSIS;
    return f;
}

/* Invisible format characters that are dropped rather than refused. */
static int invisible(uint32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF;
}

static zb_status shape_text(zb_doc *doc, zb_glyphs *out, const char *text, size_t len,
                            zb_font_role role, double size, double char_space, int ink,
                            const char *where);

zb_status zb_shape(zb_doc *doc, zb_glyphs *out, const char *text, size_t len, zb_font_role role,
                   double size, double char_space, int ink, const char *where)
{
    size_t bad = zb_utf8_check(text, len);
    if (bad != len)
        return zb_error_set(doc->err, ZB_ERR_ENCODING, "%s is not valid UTF-8 (byte %zu)", where,
                            bad + 1);
    /* Whatever the input, Chinese text is set with Chinese punctuation. */
    zb_buf fixed = {0};
    int changed = zb_text_punct(text, len, &fixed);
    if (changed < 0)
        return nomem(doc);
    zb_status st = changed ? shape_text(doc, out, fixed.data, fixed.len, role, size, char_space, ink, where)
                           : shape_text(doc, out, text, len, role, size, char_space, ink, where);
    zb_buf_free(&fixed);
    return st;
}

static zb_status shape_text(zb_doc *doc, zb_glyphs *out, const char *text, size_t len,
                            zb_font_role role, double size, double char_space, int ink,
                            const char *where)
{
    const zb_face *primary = zb_fontset_face(doc->fonts, role);
    for (size_t i = 0; i < len;) {
        size_t k;
        uint32_t cp = zb_utf8_decode(text + i, &k);
        char shown[8];
        shown[zb_utf8_encode(cp, shown)] = '\0';
        i += k;
        if (invisible(cp))
            continue;
        if (cp == '\t' || cp == '\n' || cp == '\r')
            cp = ' ';
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            return zb_error_set(doc->err, ZB_ERR_VALUE,
                                "%s: the control character U+%04X cannot be printed", where,
                                (unsigned)cp);
        if (cp > 0xFFFF)
            return zb_error_set(doc->err, ZB_ERR_VALUE,
                                "%s: the character U+%04X (%s) is beyond U+FFFF, which the "
                                "document's fonts cannot encode",
                                where, (unsigned)cp, shown);
        unsigned flags = zb_char_flags(cp);
        const zb_face *face = zb_fontset_pick(doc->fonts, role, cp);
        if (!face && !(flags & ZB_G_SPACE))
            return zb_error_set(doc->err, ZB_ERR_VALUE,
                                "%s: no font has the character U+%04X (%s); name a font that "
                                "has it as a fallback",
                                where, (unsigned)cp, shown);
        if (face && face != primary && fallback_add(doc, (uint32_t)role << 24 | cp))
            return nomem(doc);
        if (zb_grow((void **)&out->g, &out->cap, out->n + 1, sizeof *out->g))
            return nomem(doc);
        zb_glyph *g = &out->g[out->n++];
        memset(g, 0, sizeof *g);
        g->cp = cp;
        g->face = face;
        g->role = role;
        g->size = size;
        g->ink = ink;
        int full = zb_is_cjk(cp) || cp == 0x3000;
        g->flags = flags | (full ? ZB_G_FULL : 0);
        if (face)
            g->adv = zb_face_advance(face, cp) * size / 1000.0;
        else
            g->adv = 0;
        if (full) {
            /* A full-width character takes one cell whatever its advance; a narrower glyph
             * (proportional quotes in some fonts) sits where the mark belongs. */
            double cell = size + char_space;
            g->width = cell;
            if (g->adv < size - 0.01) {
                if (in_list(cp, opening, sizeof opening / sizeof opening[0]))
                    g->offset = cell - g->adv;
                else if (!in_list(cp, closing, sizeof closing / sizeof closing[0]))
                    g->offset = (cell - g->adv) / 2;
            }
        } else {
            if (!face)
                g->adv = size / 2;
            g->width = g->adv + char_space;
        }
    }
    return ZB_OK;
}

/* ---------------------------------------------------------------------------------- */
/* Line breaking */

int zb_break_allowed(const zb_glyph *g, size_t n, size_t i)
{
    if (i == 0 || i >= n)
        return 0;
    unsigned a = g[i - 1].flags, b = g[i].flags;
    if ((a & ZB_G_SPACE) || (b & ZB_G_SPACE))
        return 1;
    if (b & ZB_G_NO_START)
        return 0;
    if (a & ZB_G_NO_END)
        return 0;
    if ((a & b & ZB_G_DASH) || (a & b & ZB_G_ELLIPSIS) || (a & b & ZB_G_WORD))
        return 0;
    return 1;
}

double zb_glyphs_width(const zb_glyph *g, size_t s, size_t e)
{
    double w = 0;
    for (size_t i = s; i < e; i++)
        w += g[i].width;
    return w;
}

static int push_line(zb_lines *out, const zb_glyph *g, size_t s, size_t e, int last)
{
    while (e > s && (g[e - 1].flags & ZB_G_SPACE))
        e--;
    if (zb_grow((void **)&out->l, &out->cap, out->n + 1, sizeof *out->l))
        return -1;
    zb_line *l = &out->l[out->n++];
    l->start = s;
    l->end = e;
    l->width = zb_glyphs_width(g, s, e);
    l->last = last;
    return 0;
}

/* A place inside a run of Latin letters and digits where it may be broken when it has to
 * be: after / - _ . ? & = # or between a letter and a digit. */
static int soft_break(const zb_glyph *g, size_t i)
{
    uint32_t a = g[i - 1].cp, b = g[i].cp;
    if (a < 128 && strchr("/-_.?&=#", (int)a) && a)
        return 1;
    int da = (a >= '0' && a <= '9'), db = (b >= '0' && b <= '9');
    int la = (a | 32) >= 'a' && (a | 32) <= 'z', lb = (b | 32) >= 'a' && (b | 32) <= 'z';
    return (da && lb) || (la && db);
}

/* Where to break a run that cannot stay whole, at or before full (the first glyph that does
 * not fit), after from: the last soft place that fills at least half the line, else where the
 * line is full. */
static size_t inside_break(const zb_glyph *g, size_t s, size_t from, size_t full, double avail)
{
    for (size_t p = full; p > from && p > s + 1; p--)
        if (soft_break(g, p) && zb_glyphs_width(g, s, p) >= avail / 2)
            return p;
    return full > s ? full : s + 1;
}

int zb_break_lines(const zb_glyph *g, size_t n, double width_first, double width, zb_lines *out)
{
    out->n = 0;
    size_t s = 0;
    for (int first = 1;; first = 0) {
        if (!first)
            while (s < n && (g[s].flags & ZB_G_SPACE))
                s++;
        if (s >= n)
            break;
        double avail = first ? width_first : width;
        double acc = 0;
        size_t i = s;
        /* Spaces may hang past the end: they are dropped there. */
        while (i < n && (acc + g[i].width <= avail + FIT_EPS || (g[i].flags & ZB_G_SPACE)))
            acc += g[i++].width;
        if (i >= n)
            return push_line(out, g, s, n, 1);
        size_t b = i;
        while (b > s && !zb_break_allowed(g, n, b))
            b--;
        if (b == s) {
            /* Nothing the rules allow: the run is longer than the line. */
            b = inside_break(g, s, s, i, avail);
        } else {
            /* What would go to the next line runs from b to the next place the rules allow
             * a break: a run longer than a whole line cannot stay whole anyway, and is broken
             * here rather than leave this line nearly empty; so is a long run of Latin
             * letters or digits (8 or more: an address, a code) that would leave more than
             * half of this line empty. Numbers and words go down whole. */
            size_t e = i, word = 0;
            while (e < n && !zb_break_allowed(g, n, e))
                e++;
            for (size_t k = b; k < e; k++)
                word += (g[k].flags & ZB_G_WORD) != 0;
            double slack = avail - zb_glyphs_width(g, s, b);
            if (zb_glyphs_width(g, b, e) > width + FIT_EPS || (word >= 8 && slack > avail / 2))
                b = inside_break(g, s, b, i, avail);
        }
        if (push_line(out, g, s, b, 0))
            return -1;
        s = b;
    }
    if (out->n)
        out->l[out->n - 1].last = 1;
    return 0;
}

double zb_justify_extra(const zb_glyph *g, const zb_line *l, double width)
{
    if (l->last || l->end - l->start < 2)
        return 0;
    double slack = width - l->width;
    double extra = slack > 0 ? slack / (double)(l->end - l->start - 1) : 0;
    /* A line that would be spread wider than a character between its characters is left
     * ragged instead. */
    double cell = g[l->start].size > 0 ? g[l->start].size : ZB_SIZE_BODY;
    return extra > cell ? 0 : extra;
}

/* ---------------------------------------------------------------------------------- */
/* Title balancing */

/* What a break inside a word costs, for each word it splits (capped at two): more than any
 * other mark against a break, and than a line 8 characters off the mean (0.15 * 8 * 8). */
#define WORD_COST 12.0

/* What one line more than the fewest costs, when it is the way to keep the words whole. */
#define EXTRA_LINE_COST 6.0

/* Cost of breaking before glyph i: negative where a title likes to break, positive inside
 * what reads as one piece. A break between two ideographs costs a little, one inside a known
 * word (words[i], zb_title_words()) much more, and the marks that bound phrases are
 * preferred. */
static double break_cost(const zb_glyph *g, size_t n, size_t i, const int *depth,
                         const unsigned char *words)
{
    double c = 0;
    if (words && words[i])
        c += WORD_COST * (words[i] > 1 ? 2 : 1);
    uint32_t a = g[i - 1].cp, b = g[i].cp;
    int ideographs = a >= 0x4E00 && a <= 0x9FFF && b >= 0x4E00 && b <= 0x9FFF;
    if (ideographs)
        c += 4;
    /* A line that ends a character or two after an opening mark, or starts a character or
     * two before a closing one, splits a name: 《武|义县. */
    if ((i >= 1 && (g[i - 1].flags & ZB_G_NO_END)) || (i >= 2 && (g[i - 2].flags & ZB_G_NO_END)))
        c += 4;
    if (i + 1 < n && (g[i + 1].flags & ZB_G_NO_START))
        c += 4;
    /* A number keeps its unit (2024|年), and counted phrases stay whole (新|一轮, 第|一批,
     * 一|季度). */
    if ((g[i - 1].flags & ZB_G_WORD) && !(g[i].flags & ZB_G_WORD))
        c += 6;
    static const char numerals[] = "一二三四五六七八九十";
    static const char counters[] = "轮批期次届季号个项条款";
    char ua[8], ub[8];
    ua[zb_utf8_encode(a, ua)] = '\0';
    ub[zb_utf8_encode(b, ub)] = '\0';
    if ((a == 0x65B0 || a == 0x7B2C) && strstr(numerals, ub)) /* 新 第 */
        c += 4;
    if (strstr(numerals, ua) && strstr(counters, ub))
        c += 4;
    if (i >= 2 && g[i - 2].cp == 0x5173 && a == 0x4E8E) /* 关于| */
        c -= 5;
    if (b == 0x300A || b == 0x201C) /* |《 |“ */
        c -= 3;
    if (a == 0x300B || a == 0x201D) /* 》| ”| */
        c -= 3;
    if (a == 0x3001 || a == 0xFF0C || a == 0xFF1A || a == 0xFF1B) /* after 、，：； */
        c -= 2;
    /* 的 stays with the document type that ends the title (的通知, 的意见). */
    if (a == 0x7684 && n - i <= 4)
        c += 8;
    if (b == 0x7684 && n - i <= 5)
        c -= 1;
    /* Inside 《》 or “” a break is possible but less good. */
    if (depth[i] > 0)
        c += 1;
    return c;
}

/* Weight of a line's difference from the mean length (in characters, squared) against the
 * costs of the breaks. */
#define DEV_WEIGHT 0.15

/* The cheapest k lines into out, their cost into *cost (HUGE_VAL, out unchanged, when no k
 * lines fit). Returns 0, or -1 when out of memory. */
static int balance_k(const zb_glyph *g, size_t n, double width, const unsigned char *words,
                     size_t k, zb_lines *out, double *cost)
{
    *cost = HUGE_VAL;
    size_t m = 0; /* candidate break positions, plus 0 and n */
    size_t *pos = malloc((n + 1) * sizeof *pos);
    int *depth = calloc(n + 1, sizeof *depth);
    double *pc = malloc((n + 1) * sizeof *pc);
    double *pre = malloc((n + 1) * sizeof *pre); /* widths of glyphs [0, i) */
    if (!pos || !depth || !pc || !pre) {
        free(pos);
        free(depth);
        free(pc);
        free(pre);
        return -1;
    }
    pre[0] = 0;
    for (size_t i = 0; i < n; i++)
        pre[i + 1] = pre[i] + g[i].width;
    int d = 0;
    for (size_t i = 0; i < n; i++) {
        depth[i] = d;
        if (g[i].cp == 0x300A || g[i].cp == 0x201C)
            d++;
        else if ((g[i].cp == 0x300B || g[i].cp == 0x201D) && d > 0)
            d--;
    }
    depth[n] = 0;
    pos[m++] = 0;
    for (size_t i = 1; i < n; i++)
        if (zb_break_allowed(g, n, i))
            pos[m++] = i;
    pos[m++] = n;
    for (size_t a = 1; a + 1 < m; a++)
        pc[a] = break_cost(g, n, pos[a], depth, words);
    pc[0] = pc[m - 1] = 0;

    double total = zb_glyphs_width(g, 0, n);
    double target = total / (double)k;
    double unit = g[0].size > 0 ? g[0].size : 1;

    /* best[j][a][b]: the cheapest j + 1 lines ending with the line pos[a]..pos[b]. Stored
     * sparsely as m * m per j. */
    size_t mm = m * m;
    double *best = malloc(k * mm * sizeof *best);
    size_t *from = malloc(k * mm * sizeof *from);
    if (!best || !from) {
        free(best);
        free(from);
        free(pos);
        free(depth);
        free(pc);
        free(pre);
        return -1;
    }
    for (size_t i = 0; i < k * mm; i++)
        best[i] = HUGE_VAL;
#define LINE_W(a, b) (pre[pos[b]] - pre[pos[a]])
    for (size_t b = 1; b < m; b++) {
        double w = LINE_W(0, b);
        if (w > width + FIT_EPS)
            break;
        double dev = (w - target) / unit;
        best[0 * mm + 0 * m + b] = DEV_WEIGHT * dev * dev + pc[b];
    }
    for (size_t j = 1; j < k; j++) {
        for (size_t a = 1; a < m; a++) {
            for (size_t b = a + 1; b < m; b++) {
                double w = LINE_W(a, b);
                if (w > width + FIT_EPS)
                    break;
                if (j == k - 1 && b != m - 1)
                    continue;
                double dev = (w - target) / unit;
                double line = DEV_WEIGHT * dev * dev + pc[b];
                /* The line before, pos[p]..pos[a], fits too: p runs back from a. */
                for (size_t p = a; p-- > 0;) {
                    double wp = LINE_W(p, a);
                    if (wp > width + FIT_EPS)
                        break;
                    double prev = best[(j - 1) * mm + p * m + a];
                    if (prev == HUGE_VAL)
                        continue;
                    double shape = 0;
                    if (w > wp + 1.5 * unit) /* an upper line much shorter than the next */
                        shape = 20 + (w - wp) / unit;
                    double c = prev + line + shape;
                    if (c < best[j * mm + a * m + b]) {
                        best[j * mm + a * m + b] = c;
                        from[j * mm + a * m + b] = p;
                    }
                }
            }
        }
    }
#undef LINE_W
    size_t ba = 0;
    double bc = HUGE_VAL;
    for (size_t a = 0; a < m; a++) {
        double c = best[(k - 1) * mm + a * m + (m - 1)];
        if (c < bc) {
            bc = c;
            ba = a;
        }
    }
    int failed = 0;
    if (bc < HUGE_VAL) {
        size_t *cut = malloc((k + 1) * sizeof *cut);
        failed = !cut;
        if (cut) {
            cut[k] = m - 1;
            size_t a = ba, b = m - 1;
            for (size_t j = k - 1; j > 0; j--) {
                cut[j] = a;
                size_t p = from[j * mm + a * m + b];
                b = a;
                a = p;
            }
            cut[0] = 0;
            out->n = 0;
            for (size_t j = 0; j < k && !failed; j++)
                failed = push_line(out, g, pos[cut[j]], pos[cut[j + 1]], 1) != 0;
            free(cut);
            *cost = bc;
        }
    }
    free(best);
    free(from);
    free(pos);
    free(depth);
    free(pc);
    free(pre);
    return failed ? -1 : 0;
}

/* Whether lines split a word. */
static int splits_word(const zb_lines *l, const unsigned char *words)
{
    for (size_t j = 1; words && j < l->n; j++)
        if (words[l->l[j].start])
            return 1;
    return 0;
}

int zb_balance_title(const zb_glyph *g, size_t n, double width, const unsigned char *words,
                     zb_lines *out)
{
    if (zb_break_lines(g, n, width, width, out))
        return -1;
    size_t k = out->n;
    /* The search is cubic in the candidate breaks: titles are short, but a runaway one
     * keeps the greedy lines. */
    if (k < 2 || k > 6 || n > 200)
        return 0;
    double cost;
    if (balance_k(g, n, width, words, k, out, &cost))
        return -1;
    if (k == 6 || !splits_word(out, words))
        return 0;
    zb_lines more = {0};
    double more_cost;
    if (balance_k(g, n, width, words, k + 1, &more, &more_cost)) {
        free(more.l);
        return -1;
    }
    if (more_cost < HUGE_VAL && !splits_word(&more, words) &&
        more_cost + EXTRA_LINE_COST < cost) {
        free(out->l);
        *out = more;
    } else {
        free(more.l);
    }
    return 0;
}

int zb_balance_lines(const zb_glyph *g, size_t n, double width, zb_lines *out)
{
    return zb_balance_title(g, n, width, NULL, out);
}

/* ---------------------------------------------------------------------------------- */
/* Emitting glyphs as text runs */

double zb_baseline(const zb_face *face, double em_top, double size)
{
    int a = 880, d = -120;
    if (face)
        zb_face_extents(face, &a, &d);
    if (a - d <= 0) {
        a = 880;
        d = -120;
    }
    return em_top + size / 2 + size * (a + d) / 2000.0;
}

static zb_status emit_run(zb_doc *doc, int page, const zb_glyph *g, size_t s, size_t e,
                          const double *x, double y, double tc, double hscale)
{
    zb_item *it = add_item(doc, ZB_ITEM_TEXT, page);
    if (!it)
        return nomem(doc);
    it->x = x[0];
    it->y = y;
    it->face = g[s].face;
    it->role = g[s].role;
    it->size = g[s].size;
    it->ink = g[s].ink;
    it->char_space = e - s > 1 ? tc : 0;
    it->hscale = hscale;
    it->text = doc->pool.len;
    for (size_t i = s; i < e; i++) {
        char u[8];
        zb_buf_add(&doc->pool, u, zb_utf8_encode(g[i].cp, u));
    }
    if (doc->pool.failed)
        return nomem(doc);
    it->len = doc->pool.len - it->text;
    return ZB_OK;
}

zb_status zb_emit(zb_doc *doc, int page, double x, double y, const zb_glyph *g, size_t s,
                  size_t e, double extra, double hscale)
{
    if (e <= s)
        return ZB_OK;
    if (!(hscale > 0))
        hscale = 1;
    size_t n = e - s;
    double local[64];
    double *dx = n + 1 <= 64 ? local : malloc((n + 1) * sizeof *dx);
    if (!dx)
        return nomem(doc);
    /* Where each glyph is drawn; the char spacing between two glyphs follows from it. */
    double px = x;
    for (size_t i = 0; i < n; i++) {
        dx[i] = px + g[s + i].offset * hscale;
        px += g[s + i].width * hscale + extra;
    }
    dx[n] = px;
    zb_status st = ZB_OK;
    size_t a = 0; /* run start, relative */
    double tc = 0;
    for (size_t i = 0; i <= n && !st; i++) {
        int flush = i == n;
        if (!flush) {
            const zb_glyph *c = &g[s + i];
            if (i > a) {
                const zb_glyph *p = &g[s + i - 1];
                double t = (dx[i] - dx[i - 1]) / hscale - p->adv;
                if (!c->face || c->face != p->face || c->role != p->role || c->size != p->size ||
                    c->ink != p->ink)
                    flush = 1;
                else if (i - a == 1)
                    tc = t;
                else if (fabs(t - tc) > 0.001)
                    flush = 1;
            }
        }
        if (flush) {
            if (i > a && g[s + a].face)
                st = emit_run(doc, page, g, s + a, s + i, dx + a, y, tc, hscale);
            a = i;
            tc = 0;
            /* A gap (a space no font has) is not drawn. */
            if (i < n && !g[s + i].face)
                a = i + 1;
        }
    }
    if (dx != local)
        free(dx);
    return st;
}

/* ---------------------------------------------------------------------------------- */
/* Small texts */

void zb_format_date(zb_date d, const char *suffix, char *buf, size_t size)
{
    if (!d.year || !size) {
        if (size)
            buf[0] = '\0';
        return;
    }
    snprintf(buf, size, "%d年%d月%d日%s", d.year, d.month, d.day, suffix ? suffix : "");
}

static int is_cn_numeral(uint32_t cp)
{
    static const uint32_t digits[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
                                      0x4E03, 0x516B, 0x4E5D, 0x5341, 0x96F6, 0x3007};
    return in_list(cp, digits, sizeof digits / sizeof digits[0]);
}

static int is_digit_cp(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Decodes up to max code points of s into cps; returns how many. */
static size_t decode_prefix(const char *s, uint32_t *cps, size_t max)
{
    size_t n = 0, len = strlen(s), i = 0;
    size_t ok = zb_utf8_check(s, len);
    while (i < ok && n < max) {
        size_t k;
        cps[n++] = zb_utf8_decode(s + i, &k);
        i += k;
    }
    return n;
}

int zb_heading_level(const char *text)
{
    uint32_t c[12];
    size_t n = decode_prefix(text, c, sizeof c / sizeof c[0]);
    size_t i = 0;
    if (n >= 2 && is_cn_numeral(c[0])) {
        while (i < n && i < 4 && is_cn_numeral(c[i]))
            i++;
        return i < n && c[i] == 0x3001 && i + 1 < n ? 1 : 0; /* 一、 */
    }
    if (n >= 3 && (c[0] == 0xFF08 || c[0] == '(')) {
        i = 1;
        int cn = is_cn_numeral(c[1]);
        while (i < n && i < 5 && (cn ? is_cn_numeral(c[i]) : is_digit_cp(c[i])))
            i++;
        if (i == 1 || i >= n || (c[i] != 0xFF09 && c[i] != ')') || i + 1 >= n)
            return 0;
        if (!cn && !is_digit_cp(c[1]))
            return 0;
        return cn ? 2 : 4; /* （一） or （1） */
    }
    if (n >= 3 && is_digit_cp(c[0])) {
        while (i < n && i < 3 && is_digit_cp(c[i]))
            i++;
        /* 1. but not 2.0% */
        if (i + 1 < n && (c[i] == '.' || c[i] == 0xFF0E) && !is_digit_cp(c[i + 1]))
            return 3;
    }
    return 0;
}

size_t zb_heading_length(const char *text)
{
    const char *p = strstr(text, "。");
    return p ? (size_t)(p - text) + strlen("。") : strlen(text);
}
