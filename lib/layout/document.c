/* The layout engine of official documents, to GB/T 9704-2012: 版头, title, 主送机关, body,
 * 附件说明, signature and date, 附注, attachments, 版记 and page numbers, driven by a
 * zb_document (layout/document.h) and laid out into pages that a renderer draws.
 *
 * Text on the body grid is first set into a galley of lines (each with its paragraph, and
 * what it must keep on its page), then paginated by the rules of a printed document: a
 * heading never stands alone at a page's foot, a paragraph leaves no single line alone at
 * the foot or the head of a page, and the page with the signature carries body text. Only
 * then are the lines drawn, each on a grid line, so the 22-line grid stays exact. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/document.h"

#define MARK_TOP (35 * ZB_MM)         /* the organ mark's top, below the type area's top (§7.2.4) */
#define MARK_HEIGHT (22 * ZB_MM)      /* its characters at most this tall… */
#define MARK_ADVANCE (15 * ZB_MM)     /* …and this wide */
#define MARK_SCALE_MIN 0.5            /* narrower than this, the mark gets smaller instead */
#define MARK_HEIGHT_MIN (10 * ZB_MM)  /* smaller than this, it takes more lines */
#define MARK_LINES_MAX 6
#define MARK_LINE_GAP (3 * ZB_MM)     /* between the lines of a long mark */
#define RED_RULE (0.5 * ZB_MM)
#define LETTER_MARK_TOP (30 * ZB_MM)  /* 信函格式 (§10.1): from the page's top */
#define LETTER_RULE_LENGTH (170 * ZB_MM)
#define LETTER_FOOT (20 * ZB_MM)      /* the lower double rule, from the page's bottom */
#define LETTER_THICK (0.8 * ZB_MM)
#define LETTER_THIN (0.3 * ZB_MM)
#define LETTER_RULE_GAP (0.6 * ZB_MM)
#define SEAL_WIDTH (42 * ZB_MM)
#define IMPRINT_OUTER (0.35 * ZB_MM)
#define IMPRINT_INNER (0.25 * ZB_MM)
#define PAGE_NUMBER_GAP (7 * ZB_MM)
#define SIGNATURE_BODY_LINES 2        /* body lines the signature's page carries, at least */

enum { ALIGN_JUSTIFY, ALIGN_CENTER };
enum { GL_TEXT, GL_BLANK, GL_FIGURE };

/* A line of the galley: what it draws, and what pagination must respect. */
typedef struct gline {
    int kind;
    size_t g0, g1;       /* glyphs in the galley's store */
    double x;            /* where it starts, from the type area's left */
    double right;        /* where a justified line ends, from the type area's left */
    int align;
    int last;            /* a paragraph's last line: not justified */
    double size;         /* type size */
    int para;            /* the lines of one paragraph share it */
    int keep;            /* the paragraph keeps this many lines of what follows on its page */
    int whole;           /* the paragraph is never split */
    int body;            /* body text: what the signature's page must show */
    const zb_block *fig; /* GL_FIGURE */
    int span;            /* grid lines it takes */
    int page, line;      /* where it goes; page -1: left out (a blank line at a page's head) */
} gline;

/* The layout state of one document. */
typedef struct engine {
    zb_doc *doc; /* the pages being laid out, the caller's */
    const zb_document *c;
    const zb_fontset *fonts;
    zb_error *err;
    int page, line; /* the grid cursor: the next free body line */
    zb_glyphs g;    /* scratch glyphs */
    zb_lines lines;
    zb_buf text;
    char where[96];
    int sealed;
    int has_seal; /* an image to press (from a file or bytes), of seal_w × seal_h pixels */
    double seal_w, seal_h;
    int last_page; /* where the content ends, for the 版记 */
    double last_bottom;
    /* The galley */
    zb_glyphs gg;
    gline *gl;
    size_t ngl, capgl;
    unsigned char *forced; /* a page starts at this line */
    size_t capforced;
    int para;
} engine;

static zb_status nomem(engine *n)
{
    return zb_error_set(n->err, ZB_ERR_NOMEM, "out of memory while laying out the document");
}

static const char *str(const char *s)
{
    return s ? s : "";
}

static void content_at(engine *n, int page, double bottom)
{
    if (page > n->last_page || (page == n->last_page && bottom > n->last_bottom)) {
        n->last_page = page;
        n->last_bottom = bottom;
    }
    zb_doc_touch(n->doc, page);
}

/* The first grid line whose top is at or below y (on the current page). */
static int line_below(double y)
{
    double k = ceil((y - ZB_AREA_TOP) / ZB_LINE_PITCH - 1e-6);
    return k < 0 ? 0 : (int)k;
}

static zb_status shape(engine *n, const char *text, size_t len, zb_font_role role, double size,
                       double char_space, int ink)
{
    return zb_shape(n->doc, &n->g, text, len, role, size, char_space, ink, n->where);
}

/* The baseline of text of size on grid line k: every face on a line shares the body face's
 * baseline, its em box centred on the line's. */
static double grid_baseline(engine *n, int k, double size)
{
    return zb_baseline(zb_fontset_face(n->fonts, ZB_FONT_BODY),
                       zb_grid_top(k) + (ZB_SIZE_BODY - size) / 2, size);
}

/* ---------------------------------------------------------------------------------- */
/* The galley */

static gline *add_gline(engine *n, int kind)
{
    if (zb_grow((void **)&n->gl, &n->capgl, n->ngl + 1, sizeof *n->gl) ||
        zb_grow((void **)&n->forced, &n->capforced, n->ngl + 1, 1))
        return NULL;
    gline *l = &n->gl[n->ngl];
    memset(l, 0, sizeof *l);
    n->forced[n->ngl] = 0;
    n->ngl++;
    l->kind = kind;
    l->span = 1;
    l->page = -1;
    l->para = n->para;
    return l;
}

/* Sets the glyphs in n->g as one paragraph of the galley: the first line from x_first, the
 * others from x_rest, ending at right (all from the type area's left). */
static zb_status set_paragraph(engine *n, double x_first, double x_rest, double right, int align,
                               int keep, int whole, int body)
{
    if (!n->g.n)
        return ZB_OK;
    if (zb_break_lines(n->g.g, n->g.n, right - x_first, right - x_rest, &n->lines))
        return nomem(n);
    size_t base = n->gg.n;
    if (zb_grow((void **)&n->gg.g, &n->gg.cap, base + n->g.n, sizeof *n->gg.g))
        return nomem(n);
    memcpy(n->gg.g + base, n->g.g, n->g.n * sizeof *n->g.g);
    n->gg.n += n->g.n;
    n->para++;
    for (size_t i = 0; i < n->lines.n; i++) {
        const zb_line *l = &n->lines.l[i];
        gline *gl = add_gline(n, GL_TEXT);
        if (!gl)
            return nomem(n);
        gl->g0 = base + l->start;
        gl->g1 = base + l->end;
        gl->x = i == 0 ? x_first : x_rest;
        gl->right = right;
        gl->align = align;
        gl->last = l->last;
        gl->size = l->end > l->start ? n->g.g[l->start].size : ZB_SIZE_BODY;
        gl->keep = keep;
        gl->whole = whole;
        gl->body = body;
    }
    return ZB_OK;
}

/* A blank grid line: left out where it would open a page. */
static zb_status add_blank(engine *n)
{
    n->para++;
    return add_gline(n, GL_BLANK) ? ZB_OK : nomem(n);
}

/* A title in 二号小标宋, balanced over its lines without splitting a word (§7.3.1) and
 * centred; kept whole, with the two lines that follow it. */
static zb_status title_lines(engine *n, const char *title)
{
    n->g.n = 0;
    zb_status st = shape(n, title, strlen(title), ZB_FONT_TITLE, ZB_SIZE_TITLE, 0, ZB_INK_BLACK);
    if (st || !n->g.n)
        return st;
    unsigned char *words = malloc(n->g.n + 1);
    if (!words)
        return nomem(n);
    zb_title_words(n->g.g, n->g.n, n->c->words, n->c->word_count, words);
    int failed = zb_balance_title(n->g.g, n->g.n, ZB_AREA_WIDTH, words, &n->lines);
    free(words);
    if (failed)
        return nomem(n);
    size_t base = n->gg.n;
    if (zb_grow((void **)&n->gg.g, &n->gg.cap, base + n->g.n, sizeof *n->gg.g))
        return nomem(n);
    memcpy(n->gg.g + base, n->g.g, n->g.n * sizeof *n->g.g);
    n->gg.n += n->g.n;
    n->para++;
    for (size_t i = 0; i < n->lines.n; i++) {
        gline *gl = add_gline(n, GL_TEXT);
        if (!gl)
            return nomem(n);
        gl->g0 = base + n->lines.l[i].start;
        gl->g1 = base + n->lines.l[i].end;
        gl->right = ZB_AREA_WIDTH;
        gl->align = ALIGN_CENTER;
        gl->last = 1;
        gl->size = ZB_SIZE_TITLE;
        gl->keep = 2;
        gl->whole = 1;
    }
    return ZB_OK;
}

static int ends_in_punctuation(const char *s)
{
    size_t len = strlen(s);
    static const char *const marks[] = {"，", "、", "；", "：", "。", ",", ";", ":"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t m = strlen(marks[i]);
        if (len >= m && memcmp(s + len - m, marks[i], m) == 0)
            return 1;
    }
    return 0;
}

/* 主送机关: flush left, entries joined with ，, ending in ： (§7.3.2); kept with the body. */
static zb_status recipients(engine *n)
{
    size_t count = n->c->recipient_count;
    if (!count)
        return ZB_OK;
    n->g.n = 0;
    for (size_t i = 0; i < count; i++) {
        const char *r = str(n->c->recipients[i]);
        snprintf(n->where, sizeof n->where, "recipient %zu", i + 1);
        zb_status st = shape(n, r, strlen(r), ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
        if (st)
            return st;
        const char *sep = i + 1 < count ? "，" : "：";
        if (ends_in_punctuation(r)) {
            if (i + 1 < count)
                continue;
            n->g.n--; /* the last one ends in a mark already: make it the colon */
        }
        st = shape(n, sep, strlen(sep), ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
        if (st)
            return st;
    }
    return set_paragraph(n, 0, 0, ZB_AREA_WIDTH, ALIGN_JUSTIFY, 1, 0, 0);
}

/* A heading: a numbered paragraph that is only its number and a phrase (一、主要目标,
 * （一）深化…体系), with no sentence of text after it. */
static int is_heading(const char *s, size_t len, int level)
{
    if (level < 1 || level > 4 || len > 3 * 28 * 3)
        return 0;
    static const char *const stops[] = {"。", "；", "：", "！", "？"};
    for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
        const char *p = strstr(s, stops[i]);
        if (p && (size_t)(p - s) + strlen(stops[i]) < len)
            return 0;
    }
    return 1;
}

/* One paragraph: indented two characters, turning lines flush left; a heading's number and
 * first sentence in its face (一、 黑体, （一） 楷体). level -1 = read it from the numbering. */
static zb_status paragraph(engine *n, const char *text, size_t len, int level, int body)
{
    while (len && (text[0] == ' ' || text[0] == '\r' || text[0] == '\t')) {
        text++;
        len--;
    }
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\r' || text[len - 1] == '\t'))
        len--;
    if (!len)
        return ZB_OK;
    n->text.len = 0;
    /* Chinese punctuation first, so that the heading's sentence is found in any input. */
    int changed = zb_text_punct(text, len, &n->text);
    if (changed < 0)
        return nomem(n);
    if (!changed)
        zb_buf_add(&n->text, text, len);
    if (n->text.failed)
        return nomem(n);
    const char *s = n->text.data;
    len = n->text.len;
    if (level < 0)
        level = zb_heading_level(s);
    n->g.n = 0;
    zb_status st;
    if (level == 1 || level == 2) {
        size_t head = zb_heading_length(s);
        st = shape(n, s, head, level == 1 ? ZB_FONT_HEADING : ZB_FONT_KAI, ZB_SIZE_BODY,
                   ZB_CHAR_SPACE, ZB_INK_BLACK);
        if (!st && head < len)
            st = shape(n, s + head, len - head, ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE,
                       ZB_INK_BLACK);
    } else {
        st = shape(n, s, len, ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
    }
    if (st)
        return st;
    int keep = is_heading(s, len, level) ? (level == 1 ? 2 : 1) : 0;
    return set_paragraph(n, 2 * ZB_CELL, 0, ZB_AREA_WIDTH, ALIGN_JUSTIFY, keep, 0, body);
}

/* Text of several paragraphs, one a line. */
static zb_status paragraphs(engine *n, const char *text, int level, int body)
{
    zb_status st = ZB_OK;
    while (!st) {
        const char *nl = strchr(text, '\n');
        size_t len = nl ? (size_t)(nl - text) : strlen(text);
        st = paragraph(n, text, len, level, body);
        if (!nl)
            break;
        text = nl + 1;
    }
    return st;
}

/* Blocks of text and figures: the document's own, or the text it issues. A figure takes
 * whole grid lines and keeps its caption with it. */
static zb_status blocks(engine *n, const zb_block *b, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (b[i].where_number)
            snprintf(n->where, sizeof n->where, "%s %zu", str(b[i].where), b[i].where_number);
        else
            snprintf(n->where, sizeof n->where, "%s", str(b[i].where));
        zb_status st = ZB_OK;
        if (b[i].chart) {
            double h = b[i].figure_height;
            if (h > ZB_AREA_HEIGHT)
                h = ZB_AREA_HEIGHT;
            n->para++;
            gline *gl = add_gline(n, GL_FIGURE);
            if (!gl)
                return nomem(n);
            gl->fig = &b[i];
            gl->span = line_below(ZB_AREA_TOP + h);
            if (gl->span < 1)
                gl->span = 1;
            if (gl->span > ZB_GRID_LINES)
                gl->span = ZB_GRID_LINES;
            gl->keep = i + 1 < count && b[i + 1].centered ? 1 : 0;
            gl->whole = 1;
        } else if (b[i].centered) {
            n->g.n = 0;
            const char *t = str(b[i].text);
            st = shape(n, t, strlen(t), ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
            if (!st)
                st = set_paragraph(n, 0, 0, ZB_AREA_WIDTH, ALIGN_CENTER, 0, 1, 1);
        } else {
            st = paragraphs(n, str(b[i].text), b[i].level, 1);
        }
        if (st)
            return st;
    }
    return ZB_OK;
}

/* ---------------------------------------------------------------------------------- */
/* Pagination */

/* The paragraph that starts at i ends before the returned index. */
static size_t para_end(const engine *n, size_t i, size_t b)
{
    size_t e = i + 1;
    while (e < b && n->gl[e].para == n->gl[i].para)
        e++;
    return e;
}

static int para_span(const engine *n, size_t i, size_t e)
{
    int s = 0;
    for (size_t k = i; k < e; k++)
        s += n->gl[k].span;
    return s;
}

/* The lines of what follows the paragraph [i, e) that must share its page: a heading keeps
 * the first lines of its text (two, or all of a paragraph of three or fewer lines, since a
 * paragraph leaves no line alone), through a chain of headings. */
static int keep_need(const engine *n, size_t i, size_t e, size_t b, int depth)
{
    if (!n->gl[i].keep || e >= b || depth > 8)
        return 0;
    const gline *q = &n->gl[e];
    if (q->kind == GL_BLANK) /* a title keeps what is after its blank line */
        return e + 1 < b ? 1 + keep_need(n, i, e + 1, b, depth + 1) : 0;
    size_t qe = para_end(n, e, b);
    int ql = para_span(n, e, qe);
    if (q->keep)
        return ql + keep_need(n, e, qe, b, depth + 1);
    if (q->whole || ql <= 3)
        return ql;
    int want = n->gl[i].keep > 2 ? n->gl[i].keep : 2;
    return want < ql ? want : ql;
}

static void new_page(int *page, int *line)
{
    (*page)++;
    *line = 0;
}

/* Places the galley lines [a, b) from (*page, *line) on, and leaves the cursor after them. */
static void paginate(engine *n, size_t a, size_t b, int *page, int *line)
{
    const int rows = ZB_GRID_LINES;
    for (size_t i = a; i < b;) {
        size_t e = para_end(n, i, b);
        gline *p = &n->gl[i];
        if (n->forced[i] && *line > 0)
            new_page(page, line);
        if (*line >= rows)
            new_page(page, line);
        if (p->kind == GL_BLANK) {
            p->page = -1;
            if (*line > 0) {
                p->page = *page;
                p->line = (*line)++;
            }
            i = e;
            continue;
        }
        int span = para_span(n, i, e);
        int need = keep_need(n, i, e, b, 0);
        int room = rows - *line;
        if (span + need > room && *line > 0 && (span + need <= rows || p->whole || p->keep)) {
            /* Kept together with what it keeps, or whole: on the next page when it would
             * fit there; a paragraph that can split goes on below. */
            if (p->keep || p->whole || span <= room) {
                new_page(page, line);
                room = rows;
            }
        }
        if (p->kind == GL_FIGURE) {
            p->page = *page;
            p->line = *line;
            *line += p->span;
            i = e;
            continue;
        }
        /* Text, line by line: a page breaks where a forced break is asked for, and a
         * paragraph across a page break leaves two lines at least on either side. */
        size_t k = i;
        int left = span;
        while (left > 0) {
            room = rows - *line;
            int upto = left;
            for (size_t f = k + 1; f < e; f++)
                if (n->forced[f]) {
                    upto = (int)(f - k);
                    break;
                }
            int take = upto;
            if (take > room) {
                take = room;
                if (!p->whole && left - take < 2)
                    take = left - 2;
                if (!p->whole && k == i && take < 2)
                    take = 0;
                if (take <= 0 && *line == 0)
                    take = room; /* longer than a page: fill it */
                if (take < 0)
                    take = 0;
            }
            for (int t = 0; t < take; t++, k++) {
                n->gl[k].page = *page;
                n->gl[k].line = (*line)++;
            }
            left -= take;
            if (left > 0)
                new_page(page, line);
        }
        i = e;
    }
}

/* Draws the placed galley lines [a, b). */
static zb_status emit_lines(engine *n, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        const gline *l = &n->gl[i];
        if (l->page < 0 || l->kind == GL_BLANK)
            continue;
        if (l->kind == GL_FIGURE) {
            double top = zb_grid_top(l->line), h = l->fig->figure_height;
            if (h > ZB_AREA_HEIGHT)
                h = ZB_AREA_HEIGHT;
            snprintf(n->where, sizeof n->where, "%s", str(l->fig->where));
            zb_status st = zb_chart_draw(n->doc, l->page, ZB_AREA_LEFT, top, ZB_AREA_WIDTH, h, l->fig->chart);
            if (st)
                return st;
            content_at(n, l->page, top + h);
            continue;
        }
        if (l->g1 <= l->g0)
            continue;
        const zb_glyph *g = n->gg.g;
        zb_line line = {l->g0, l->g1, zb_glyphs_width(g, l->g0, l->g1), l->last};
        double x, extra = 0;
        if (l->align == ALIGN_CENTER) {
            x = ZB_AREA_LEFT + l->x + (l->right - l->x - line.width) / 2;
        } else {
            x = ZB_AREA_LEFT + l->x;
            extra = zb_justify_extra(g, &line, l->right - l->x);
        }
        zb_status st = zb_emit(n->doc, l->page, x, grid_baseline(n, l->line, l->size), g, l->g0,
                               l->g1, extra, 1);
        if (st)
            return st;
        content_at(n, l->page, zb_grid_top(l->line) + ZB_SIZE_BODY);
    }
    return ZB_OK;
}

/* ---------------------------------------------------------------------------------- */
/* 版头 */

/* The mark's text for the form: organ_mark as given, else the organ with 文件 in the file
 * form; without 文件 in the other forms. */
static void mark_text(engine *n, zb_buf *b)
{
    const char *organ = str(n->c->organ), *mark = str(n->c->organ_mark);
    zb_buf_adds(b, *mark ? mark : organ);
    int file = n->c->masthead == ZB_MASTHEAD_FILE;
    static const char wj[] = "文件";
    size_t k = sizeof wj - 1;
    if (file && !*mark)
        zb_buf_adds(b, wj);
    else if (!file && b->len > k && memcmp(b->data + b->len - k, wj, k) == 0)
        b->len -= k, b->data[b->len] = '\0';
}

/* The organ mark in red 小标宋, centred, its top at top: its characters as offices set them,
 * at most 22 mm tall and 15 mm wide (narrowed, never spaced out), so that a short name
 * takes a width that grows with its length and a long one fills the type area; a longer one
 * is set smaller, then in balanced lines. *bottom receives the bottom of its last line. */
static zb_status organ_mark(engine *n, const char *text, double top, double *bottom)
{
    *bottom = top;
    n->g.n = 0;
    zb_status st = shape(n, text, strlen(text), ZB_FONT_TITLE, 1, 0, ZB_INK_RED);
    if (st || !n->g.n)
        return st;
    double em = zb_glyphs_width(n->g.g, 0, n->g.n); /* the width at 1 pt, in points = ems */
    /* One line: the advance a full-width character gets, then its height. */
    int nlines = 1;
    double adv = fmin(MARK_ADVANCE, ZB_AREA_WIDTH / em);
    double size = fmin(MARK_HEIGHT, adv / MARK_SCALE_MIN);
    if (size < MARK_HEIGHT_MIN) {
        /* The fewest balanced lines whose widest line leaves the characters tall enough. */
        for (nlines = 2; nlines < MARK_LINES_MAX; nlines++) {
            double a = fmin(MARK_ADVANCE, ZB_AREA_WIDTH / (em / nlines));
            if (fmin(MARK_HEIGHT, a / MARK_SCALE_MIN) >= MARK_HEIGHT_MIN)
                break;
        }
    }
    zb_lines lines = {0};
    if (nlines > 1) {
        if (zb_break_lines(n->g.g, n->g.n, em / nlines * 1.15, em / nlines * 1.15, &lines) ||
            (lines.n >= 2 && lines.n <= 6 && zb_balance_lines(n->g.g, n->g.n, em / nlines * 1.15, &lines))) {
            free(lines.l);
            return nomem(n);
        }
        double widest = 0;
        for (size_t i = 0; i < lines.n; i++)
            widest = fmax(widest, lines.l[i].width);
        nlines = (int)lines.n;
        adv = fmin(MARK_ADVANCE, ZB_AREA_WIDTH / widest);
        size = fmin(MARK_HEIGHT, adv / MARK_SCALE_MIN);
    } else {
        zb_line whole = {0, n->g.n, em, 1};
        if (zb_grow((void **)&lines.l, &lines.cap, 1, sizeof *lines.l))
            return nomem(n);
        lines.l[0] = whole;
        lines.n = 1;
    }
    double hscale = fmin(1, adv / size);
    /* Set at its size: the same glyphs, scaled. */
    for (size_t i = 0; i < n->g.n; i++) {
        zb_glyph *g = &n->g.g[i];
        g->adv *= size;
        g->width *= size;
        g->offset *= size;
        g->size = size;
    }
    const zb_face *face = zb_fontset_face(n->fonts, ZB_FONT_TITLE);
    double y = top;
    for (size_t i = 0; i < lines.n && !st; i++) {
        const zb_line *l = &lines.l[i];
        double w = zb_glyphs_width(n->g.g, l->start, l->end) * hscale;
        st = zb_emit(n->doc, 0, ZB_AREA_LEFT + (ZB_AREA_WIDTH - w) / 2, zb_baseline(face, y, size),
                     n->g.g, l->start, l->end, 0, hscale);
        *bottom = y + size;
        y += size + MARK_LINE_GAP;
    }
    free(lines.l);
    content_at(n, 0, *bottom);
    return st;
}

/* A centred or right-aligned line of body text on grid line k of page 0. */
static zb_status number_line(engine *n, const char *text, int k, int right)
{
    n->g.n = 0;
    zb_status st = shape(n, text, strlen(text), ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
    if (st || !n->g.n)
        return st;
    double w = zb_glyphs_width(n->g.g, 0, n->g.n) - ZB_CHAR_SPACE;
    double x = right ? ZB_AREA_RIGHT - w : ZB_AREA_LEFT + (ZB_AREA_WIDTH - w) / 2;
    st = zb_emit(n->doc, 0, x, grid_baseline(n, k, ZB_SIZE_BODY), n->g.g, 0, n->g.n, 0, 1);
    content_at(n, 0, zb_grid_top(k) + ZB_SIZE_BODY);
    return st;
}

/* A red double rule across the page's middle: thick over thin (top), or thin over thick. */
static zb_status double_rule(engine *n, double y, int thick_first)
{
    double x0 = (ZB_PAGE_WIDTH - LETTER_RULE_LENGTH) / 2, x1 = x0 + LETTER_RULE_LENGTH;
    double t1 = thick_first ? LETTER_THICK : LETTER_THIN, t2 = thick_first ? LETTER_THIN : LETTER_THICK;
    zb_status st = zb_doc_rule(n->doc, 0, x0, y + t1 / 2, x1, y + t1 / 2, t1, ZB_INK_RED);
    double y2 = y + t1 + LETTER_RULE_GAP + t2 / 2;
    if (!st)
        st = zb_doc_rule(n->doc, 0, x0, y2, x1, y2, t2, ZB_INK_RED);
    return st;
}

/* The 版头 in the form asked for; leaves the cursor on the title's line. */
static zb_status masthead(engine *n)
{
    n->page = 0;
    n->line = 0;
    int form = n->c->masthead;
    if (form == ZB_MASTHEAD_NONE)
        return ZB_OK;
    /* No organ, no 版头. */
    if (!*str(n->c->organ) && !*str(n->c->organ_mark))
        return ZB_OK;
    n->text.len = 0;
    mark_text(n, &n->text);
    if (n->text.failed)
        return nomem(n);
    const char *number = str(n->c->doc_number);
    char *mark = zb_strdup(n->text.data ? n->text.data : "");
    if (!mark)
        return nomem(n);
    snprintf(n->where, sizeof n->where, *str(n->c->organ_mark) ? "organ mark" : "organ");
    double bottom = 0;
    zb_status st = ZB_OK;
    if (form == ZB_MASTHEAD_LETTER) {
        /* 信函格式 (§10.1): the mark 30 mm from the page's top, a red double rule 4 mm below it
         * and another 20 mm above the page's bottom, 170 mm long; the number flush right 7/8
         * of a line under the rule; the title two lines below. */
        double top = LETTER_MARK_TOP;
        if (*mark)
            st = organ_mark(n, mark, top, &bottom);
        else
            bottom = top;
        double rule = bottom + 4 * ZB_MM;
        if (!st)
            st = double_rule(n, rule, 1);
        if (!st)
            st = double_rule(n, ZB_PAGE_HEIGHT - LETTER_FOOT - LETTER_THIN - LETTER_RULE_GAP - LETTER_THICK, 0);
        double under = rule + LETTER_THICK + LETTER_RULE_GAP + LETTER_THIN + ZB_SIZE_BODY * 7 / 8;
        int k = line_below(under);
        if (!st && *number) {
            snprintf(n->where, sizeof n->where, "document number");
            st = number_line(n, number, k, 1);
            k++;
        }
        content_at(n, 0, zb_grid_top(k));
        n->line = k + 2;
        free(mark);
        return st;
    }
    /* 文件 and mark forms (§7.2): the mark's top 35 mm below the type area's top; the number
     * two lines below it, centred; the red rule 4 mm below the number; the title two lines
     * below the rule. */
    double top = ZB_AREA_TOP + MARK_TOP;
    if (*mark)
        st = organ_mark(n, mark, top, &bottom);
    else
        bottom = top;
    free(mark);
    if (st)
        return st;
    int k = line_below(bottom) + 2;
    if (*number) {
        snprintf(n->where, sizeof n->where, "document number");
        st = number_line(n, number, k, 0);
        if (st)
            return st;
    }
    double rule = zb_grid_top(k) + ZB_SIZE_BODY + 4 * ZB_MM;
    st = zb_doc_rule(n->doc, 0, ZB_AREA_LEFT, rule, ZB_AREA_RIGHT, rule, RED_RULE, ZB_INK_RED);
    content_at(n, 0, rule);
    n->line = line_below(rule) + 2;
    return st;
}

/* ---------------------------------------------------------------------------------- */
/* 附件说明, signature, date, 附注, seal */

/* 附件说明 (§7.3.4), a blank line below the body: 附件：标题 for one attachment; for several,
 * 附件：1．标题 with the further items aligned under the first number, long titles turning
 * under their own first character. */
static zb_status attachment_note(engine *n)
{
    size_t count = n->c->attachment_count;
    if (!count)
        return ZB_OK;
    zb_status st = add_blank(n);
    double label = 0;
    for (size_t a = 0; a < count && !st; a++) {
        const zb_attached *at = &n->c->attachments[a];
        snprintf(n->where, sizeof n->where, "attachment %d title", count > 1 ? at->number : 0);
        n->g.n = 0;
        if (a == 0) {
            st = shape(n, "附件：", strlen("附件："), ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
            label = zb_glyphs_width(n->g.g, 0, n->g.n);
        }
        size_t num_start = n->g.n;
        if (!st && count > 1) {
            char num[24];
            snprintf(num, sizeof num, "%d．", at->number);
            st = shape(n, num, strlen(num), ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
        }
        double number = zb_glyphs_width(n->g.g, num_start, n->g.n);
        const char *t = str(at->title);
        if (!st)
            st = shape(n, t, strlen(t), ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
        if (!st)
            st = set_paragraph(n, a == 0 ? 2 * ZB_CELL : 2 * ZB_CELL + label, 2 * ZB_CELL + label + number,
                               ZB_AREA_WIDTH, ALIGN_JUSTIFY, 0, 1, 0);
    }
    return st;
}

/* Where the signature block goes, from grid line k (the first line below the body or the
 * 附件说明) of a page. */
typedef struct sigplan {
    int sig_line, date_line, note_line, last; /* -1 = none */
    double seal_top;
    int fits;
    /* Where its lines go: line j's em box at top + (j - k) * pitch. On the grid, unless
     * tightened to keep the block below the body on its page. */
    int k;
    double top, pitch;
} sigplan;

typedef struct sigtext {
    zb_glyphs sig, note;
    zb_lines sig_l, note_l;
    double ws, wd;     /* the widest signature line, the date */
    double xs, xd;     /* where they start (the signature's lines end at xs + ws) */
    char date[64];
} sigtext;

static void plan_signature(engine *n, const sigtext *t, int k, sigplan *p)
{
    int nsig = (int)t->sig_l.n, nnote = (int)t->note_l.n;
    double seal_h = n->has_seal ? SEAL_WIDTH * n->seal_h / n->seal_w : SEAL_WIDTH;
    int first;
    if (n->sealed) {
        /* §7.3.5.1: the seal's top within a line of the body; the signature and the date
         * just below its centre. */
        p->seal_top = zb_grid_top(k);
        double centre = p->seal_top + seal_h / 2;
        first = k + 1;
        while (zb_grid_top(first) + ZB_SIZE_BODY / 2 < centre)
            first++;
        first -= nsig > 1 ? nsig - 1 : 0;
        if (first < k + 1)
            first = k + 1;
    } else {
        /* §7.3.5.2: one blank line, then the signature, the date on the next line. */
        p->seal_top = 0;
        first = k + 1;
    }
    int line = first;
    p->sig_line = nsig ? line : -1;
    line += nsig;
    p->date_line = *t->date ? line++ : -1;
    p->note_line = nnote ? line : -1;
    line += nnote;
    p->last = line - 1;
    p->k = k;
    p->top = zb_grid_top(k);
    p->pitch = ZB_LINE_PITCH;
    p->fits = p->last < ZB_GRID_LINES &&
              (!n->has_seal || p->seal_top + seal_h <= ZB_AREA_BOTTOM + 0.01);
    /* §7.3.5.5: when the rows left are one short, the block's lines move closer (to no less
     * than 1.2 lines of type apart) rather than leave the body for a page of their own. */
    if (!p->fits && !n->sealed && k < ZB_GRID_LINES && p->last == ZB_GRID_LINES) {
        /* Lines k..last into the rows k..21: the last on the page's last row. */
        double pitch = (ZB_GRID_LINES - 1 - k) * ZB_LINE_PITCH / (p->last - k);
        if (pitch >= 1.2 * ZB_SIZE_BODY) {
            p->pitch = pitch;
            p->fits = 1;
        }
    }
}

/* The em box top of line j of the signature block, and its baseline. */
static double sig_top(const sigplan *p, int j)
{
    return p->top + (j - p->k) * p->pitch;
}

static double sig_baseline(engine *n, const sigplan *p, int j)
{
    return zb_baseline(zb_fontset_face(n->fonts, ZB_FONT_BODY), sig_top(p, j), ZB_SIZE_BODY);
}

/* The signature's, date's and 附注's text, shaped, with where they go across the line. */
static zb_status signature_text(engine *n, sigtext *t)
{
    memset(t, 0, sizeof *t);
    const char *sig = str(n->c->signature), *note = str(n->c->note);
    zb_format_date(n->c->date, "", t->date, sizeof t->date);
    const double c = ZB_CELL, right = ZB_AREA_WIDTH;
    zb_status st = ZB_OK;
    if (*t->date) {
        snprintf(n->where, sizeof n->where, "date");
        n->g.n = 0;
        st = shape(n, t->date, strlen(t->date), ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
        t->wd = zb_glyphs_width(n->g.g, 0, n->g.n);
    }
    zb_glyphs keep = n->g; /* the scratch glyphs, taken back below */
    n->g = t->sig;
    if (!st && *sig) {
        snprintf(n->where, sizeof n->where, "signature");
        st = shape(n, sig, strlen(sig), ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
    }
    t->sig = n->g;
    n->g = t->note;
    if (!st && *note) {
        snprintf(n->where, sizeof n->where, "note");
        zb_buf fixed = {0};
        int changed = zb_text_punct(note, strlen(note), &fixed);
        st = changed < 0 ? nomem(n)
                         : shape(n, changed ? fixed.data : note, changed ? fixed.len : strlen(note),
                                 ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
        zb_buf_free(&fixed);
    }
    t->note = n->g;
    n->g = keep;
    if (st)
        return st;
    /* A signature wider than its room (joint organs) goes on balanced lines, broken after
     * 、 where it can be, that end where a single one would. */
    double room = right - 4 * c - (n->sealed ? 2 * c : 0);
    if (t->sig.n && zb_balance_lines(t->sig.g, t->sig.n, room, &t->sig_l))
        return nomem(n);
    for (size_t i = 0; i < t->sig_l.n; i++)
        t->ws = fmax(t->ws, t->sig_l.l[i].width);
    if (t->note.n && zb_break_lines(t->note.g, t->note.n, right - 2 * c, right, &t->note_l))
        return nomem(n);
    double ws = t->ws, wd = t->wd;
    if (n->sealed) {
        /* §7.3.5.1: the date 4 characters in from the right, the signature centred over it. */
        t->xd = right - 4 * c - wd;
        t->xs = *t->date ? t->xd + (wd - ws) / 2 : right - 4 * c - ws;
        if (t->xs + ws > right)
            t->xs = right - ws;
    } else {
        /* §7.3.5.2: the signature 2 characters in from the right, the date 2 characters right
         * of its start; a longer date keeps 2 characters and moves the signature left. */
        t->xs = right - 2 * c - ws;
        t->xd = t->xs + 2 * c;
        if (t->xd + wd > right - 2 * c || t->sig_l.n > 1) {
            /* A wrapped signature: the date under its lines' end. */
            t->xd = right - 2 * c - wd;
            if (t->sig_l.n <= 1)
                t->xs = t->xd - 2 * c;
        }
        if (!t->sig.n)
            t->xd = right - 2 * c - wd;
    }
    if (t->xs < 0)
        t->xs = 0;
    if (t->xd < 0)
        t->xd = 0;
    return ZB_OK;
}

static void sigtext_free(sigtext *t)
{
    free(t->sig.g);
    free(t->note.g);
    free(t->sig_l.l);
    free(t->note_l.l);
}

static zb_status draw_signature(engine *n, const sigtext *t, const sigplan *p, int page)
{
    zb_status st = ZB_OK;
    for (size_t i = 0; i < t->sig_l.n && !st; i++) {
        const zb_line *l = &t->sig_l.l[i];
        double x = ZB_AREA_LEFT + t->xs + (t->ws - l->width);
        st = zb_emit(n->doc, page, x, sig_baseline(n, p, p->sig_line + (int)i), t->sig.g, l->start, l->end,
                     0, 1);
        content_at(n, page, sig_top(p, p->sig_line + (int)i) + ZB_SIZE_BODY);
    }
    if (!st && p->date_line >= 0) {
        n->g.n = 0;
        snprintf(n->where, sizeof n->where, "date");
        st = shape(n, t->date, strlen(t->date), ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
        if (!st)
            st = zb_emit(n->doc, page, ZB_AREA_LEFT + t->xd, sig_baseline(n, p, p->date_line), n->g.g, 0,
                         n->g.n, 0, 1);
        content_at(n, page, sig_top(p, p->date_line) + ZB_SIZE_BODY);
    }
    /* §7.3.6: 附注 on the line after the date, indented two characters. */
    for (size_t i = 0; i < t->note_l.n && !st; i++) {
        const zb_line *l = &t->note_l.l[i];
        double x0 = i ? 0 : 2 * ZB_CELL;
        double extra = zb_justify_extra(t->note.g, l, ZB_AREA_WIDTH - x0);
        st = zb_emit(n->doc, page, ZB_AREA_LEFT + x0, sig_baseline(n, p, p->note_line + (int)i), t->note.g,
                     l->start, l->end, extra, 1);
        content_at(n, page, sig_top(p, p->note_line + (int)i) + ZB_SIZE_BODY);
    }
    if (!st && n->has_seal) {
        double seal_h = SEAL_WIDTH * n->seal_h / n->seal_w;
        double cx = ZB_AREA_LEFT + (*t->date ? t->xd + t->wd / 2 : t->xs + t->ws / 2);
        st = zb_doc_image(n->doc, page, cx - SEAL_WIDTH / 2, p->seal_top, SEAL_WIDTH, seal_h);
        content_at(n, page, p->seal_top + seal_h);
    }
    return st;
}

/* Nonzero when a page may break before galley line b: not inside a paragraph that would
 * leave fewer than two lines on either side or that is never split, and not after a
 * heading that keeps it. */
static int break_ok(const engine *n, size_t a, size_t b)
{
    if (b <= a)
        return 0;
    const gline *l = &n->gl[b], *prev = &n->gl[b - 1];
    if (l->para == prev->para) {
        if (l->whole)
            return 0;
        size_t s = b, e = b;
        while (s > a && n->gl[s - 1].para == l->para)
            s--;
        while (e < n->ngl && n->gl[e].para == l->para)
            e++;
        return b - s >= 2 && e - b >= 2;
    }
    return !prev->keep;
}

/* Places the main flow: [a, t) on from the cursor, then the 附件说明 [t, end) and the
 * signature as one block, below the body when they fit there, else on the next page.
 * Leaves in *page the signature's page and in *shown the body lines it carries. */
static void place_main(engine *n, size_t a, size_t t, const sigtext *tx, int has_sig, sigplan *plan,
                       int *page, int *line, int *shown)
{
    size_t end = n->ngl;
    *page = n->page;
    *line = n->line;
    paginate(n, a, t, page, line);
    int tail = para_span(n, t, end);
    if (t < end && n->gl[t].kind == GL_BLANK && *line == 0)
        tail--;
    int fits = *line + tail <= ZB_GRID_LINES;
    if (fits && has_sig) {
        plan_signature(n, tx, *line + tail, plan);
        fits = plan->fits;
    }
    if (!fits) {
        (*page)++;
        *line = 0;
    }
    paginate(n, t, end, page, line);
    if (has_sig)
        plan_signature(n, tx, *line, plan);
    *shown = 0;
    for (size_t i = a; i < t; i++)
        *shown += n->gl[i].body && n->gl[i].page == *page;
}

/* The main flow, [a, t) the title, 主送机关 and body, [t, end) the 附件说明: paginated so that
 * the page holding the signature (or, without one, the 附件说明) shows body text (no 空白印章,
 * §7.3.5.1): when the 附件说明 and the signature do not fit below the body, the body's last
 * lines go over with them (§7.3.5.5 lets the layout be adjusted so that they fit). */
static zb_status main_flow(engine *n, size_t a, size_t t)
{
    size_t end = n->ngl;
    sigtext tx;
    zb_status st = signature_text(n, &tx);
    if (st) {
        sigtext_free(&tx);
        return st;
    }
    int has_sig = tx.sig.n || *tx.date || tx.note.n;
    int page, line, shown;
    sigplan plan;
    memset(&plan, 0, sizeof plan);
    place_main(n, a, t, &tx, has_sig, &plan, &page, &line, &shown);
    int total = 0;
    for (size_t i = a; i < t; i++)
        total += n->gl[i].body;
    int want = total < SIGNATURE_BODY_LINES ? total : SIGNATURE_BODY_LINES;
    /* A 附件说明 without a signature after it is held to the same: never a page of its own. */
    if ((has_sig || t < end) && shown < want) {
        /* The latest page break the rules allow on the page before the signature's that
         * brings enough body lines over, without emptying that page. */
        size_t pick = 0;
        /* First by the rules for paragraphs; then, rather than leave the signature alone,
         * letting a paragraph leave a single line, and taking what body lines can go. The
         * page left keeps body text. */
        for (int strict = 1; strict >= 0 && !pick; strict--) {
            int moved = 0;
            for (size_t b = t; b-- > a + 1;) {
                const gline *l = &n->gl[b];
                if (l->page < 0)
                    continue;
                if (l->page < page - 1)
                    break;
                moved += l->body;
                if (l->page != page - 1 || l->line == 0 || moved < (strict ? want : 1))
                    continue;
                int ok = strict ? break_ok(n, a, b) : !n->gl[b - 1].keep && !(l->whole && l->para == n->gl[b - 1].para);
                int kept = 0;
                for (size_t k = a; k < b; k++)
                    kept += n->gl[k].body && n->gl[k].page == l->page;
                if (ok && kept > 0) {
                    pick = b;
                    break;
                }
            }
        }
        if (pick) {
            int before = page;
            n->forced[pick] = 1;
            int p2, l2, s2;
            sigplan plan2;
            memset(&plan2, 0, sizeof plan2);
            place_main(n, a, t, &tx, has_sig, &plan2, &p2, &l2, &s2);
            if (s2 > shown && (plan2.fits || !has_sig) && p2 <= before) {
                page = p2, line = l2, shown = s2, plan = plan2;
            } else {
                n->forced[pick] = 0;
                place_main(n, a, t, &tx, has_sig, &plan, &page, &line, &shown);
            }
        }
    }
    st = emit_lines(n, a, end);
    if (!st && has_sig) {
        if (!plan.fits) {
            /* Not even a fresh page below the 附件说明 holds it: a page of its own. */
            page++;
            plan_signature(n, &tx, 0, &plan);
        }
        st = draw_signature(n, &tx, &plan, page);
        line = plan.last + 1;
    }
    n->page = page;
    n->line = line;
    zb_doc_touch(n->doc, page);
    sigtext_free(&tx);
    return st;
}

/* ---------------------------------------------------------------------------------- */
/* Attachments */

/* A table from its content, from (*page, *y) down onto new pages as needed. */
static zb_status table(engine *n, const zb_table_content *tc, int *page, double *y)
{
    if (!tc)
        return ZB_OK;
    zb_table *t = NULL;
    zb_status st = zb_table_new(n->doc, &tc->spec, &t);
    if (st)
        return st;
    size_t cols = tc->spec.columns;
    const char *where[ZB_TABLE_COLS_MAX];
    char names[ZB_TABLE_COLS_MAX][96];
    for (size_t c = 0; c < cols; c++)
        where[c] = "table header";
    st = zb_table_add(t, tc->header, where, 0, ZB_NONE);
    for (size_t r = 0; r < tc->row_count && !st; r++) {
        const zb_table_row *row = &tc->rows[r];
        for (size_t c = 0; c < cols; c++) {
            snprintf(names[c], sizeof names[c], "%s%s", str(row->where),
                     tc->where_suffix ? str(tc->where_suffix[c]) : "");
            where[c] = names[c];
        }
        st = zb_table_add(t, row->cells, where, row->strong, row->group);
    }
    if (!st)
        st = zb_table_draw(t, page, y);
    zb_table_free(t);
    return st;
}

/* An attachment on pages of its own (§7.3.7): 附件N (附件 alone when it is the only one) in
 * 三号黑体 on the first line, its title centred on the third, the content below. */
static zb_status attachment(engine *n, const zb_attached *at, int number)
{
    n->page++;
    n->line = 0;
    zb_doc_touch(n->doc, n->page);
    size_t a = n->ngl;
    char label[32];
    if (number > 0)
        snprintf(label, sizeof label, "附件%d", number);
    else
        snprintf(label, sizeof label, "附件");
    snprintf(n->where, sizeof n->where, "attachment %d", number);
    n->g.n = 0;
    zb_status st = shape(n, label, strlen(label), ZB_FONT_HEADING, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
    if (!st)
        st = set_paragraph(n, 0, 0, ZB_AREA_WIDTH, ALIGN_JUSTIFY, 2, 1, 0);
    if (!st)
        st = add_blank(n);
    snprintf(n->where, sizeof n->where, "attachment %d title", number);
    if (!st)
        st = title_lines(n, str(at->title));
    if (!st)
        st = add_blank(n);
    if (st)
        return st;
    snprintf(n->where, sizeof n->where, "attachment %d text", number);
    if (at->kind == ZB_ATTACHED_LIST) {
        size_t count = at->item_count;
        /* Each item on its own first, so that an error names it. */
        for (size_t i = 0; i < count && !st; i++) {
            snprintf(n->where, sizeof n->where, "%s %zu", str(at->item_where), i + 1);
            n->g.n = 0;
            const char *item = str(at->items[i]);
            st = shape(n, item, strlen(item), ZB_FONT_BODY, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
        }
        if (st)
            return st;
        snprintf(n->where, sizeof n->where, "attachment %d text", number);
        zb_buf list = {0};
        for (size_t i = 0; i < count; i++) {
            if (i)
                zb_buf_adds(&list, "、");
            zb_buf_adds(&list, str(at->items[i]));
        }
        if (list.failed)
            st = nomem(n);
        else if (list.len)
            st = paragraph(n, list.data, list.len, 0, 1);
        zb_buf_free(&list);
    } else if (at->kind == ZB_ATTACHED_TEXT) {
        st = paragraphs(n, str(at->text), -1, 1);
    }
    if (st)
        return st;
    int page = n->page, line = 0;
    paginate(n, a, n->ngl, &page, &line);
    st = emit_lines(n, a, n->ngl);
    n->page = page;
    n->line = line;
    if (!st && at->kind == ZB_ATTACHED_TABLE) {
        if (n->line >= ZB_GRID_LINES) {
            n->page++;
            n->line = 0;
        }
        double y = zb_grid_top(n->line);
        int p = n->page;
        st = table(n, at->table, &p, &y);
        n->page = p;
        n->line = line_below(y);
        content_at(n, p, y);
    }
    return st;
}

/* The text a notice issues (印发…的通知): on a new page, its title in 二号小标宋 on the first
 * line, a blank line, then its text with the same heading levels. */
static zb_status issued_plan(engine *n)
{
    const char *title = str(n->c->annex_title);
    if (!*title && !n->c->annex_count)
        return ZB_OK;
    n->page++;
    n->line = 0;
    zb_doc_touch(n->doc, n->page);
    size_t a = n->ngl;
    zb_status st = ZB_OK;
    if (*title) {
        snprintf(n->where, sizeof n->where, "plan title");
        st = title_lines(n, title);
        if (!st)
            st = add_blank(n);
    }
    if (!st)
        st = blocks(n, n->c->annex, n->c->annex_count);
    if (st)
        return st;
    int page = n->page, line = 0;
    paginate(n, a, n->ngl, &page, &line);
    st = emit_lines(n, a, n->ngl);
    n->page = page;
    n->line = line;
    return st;
}

/* ---------------------------------------------------------------------------------- */
/* 版记 and page numbers */

/* A row of the 版记: glyphs [s, e) of a store, from x (from the type area's left), justified
 * to the right margin unless last. */
typedef struct irow {
    int kind; /* 0 抄送, 1 印发机关 and 印发日期 */
    size_t s, e;
    double x, right;
    int last;
    int date; /* the printing date goes on this row, flush right */
} irow;

/* The 版记 (§7.4): 抄送 and 印发机关 with 印发日期 in 四号仿宋 between full-width rules, the
 * first above its first row, the last on the type area's bottom edge, on the last page,
 * which is even; a 版记 longer than the room left starts on a new page, and one longer
 * than a page runs on over pages. In the letter form only 抄送, without rules. Returns the
 * number of pages that carry a page number (§7.5: none on the 版记's page when a blank
 * page stands before it, nor on that blank page). */
static zb_status imprint(engine *n, int *numbered)
{
    *numbered = n->doc->pages;
    if (n->c->omit_imprint)
        return ZB_OK;
    int letter = n->c->masthead == ZB_MASTHEAD_LETTER;
    const char *printer = letter ? "" : str(n->c->printer);
    size_t copies = n->c->copy_to_count;
    char printed[80];
    zb_format_date(n->c->printed, "印发", printed, sizeof printed);
    if (letter)
        printed[0] = '\0';
    if (!*printer && !copies)
        return ZB_OK;

    const double size = ZB_SIZE_SMALL, margin = ZB_SIZE_SMALL, row = ZB_LINE_PITCH;
    zb_glyphs keep = n->g;
    zb_glyphs store = {0};
    irow *rows = NULL;
    size_t nrows = 0, caprows = 0;
    zb_lines lines = {0};
    zb_status st = ZB_OK;
    n->g = store;
    /* 抄送 (§7.4.2): the list after 抄送：, turning lines aligned after the colon, ending in 。 */
    if (copies) {
        st = shape(n, "抄送：", strlen("抄送："), ZB_FONT_BODY, size, 0, ZB_INK_BLACK);
        double label = zb_glyphs_width(n->g.g, 0, n->g.n);
        for (size_t i = 0; i < copies && !st; i++) {
            const char *c = str(n->c->copy_to[i]);
            snprintf(n->where, sizeof n->where, "copy-to %zu", i + 1);
            st = shape(n, c, strlen(c), ZB_FONT_BODY, size, 0, ZB_INK_BLACK);
            if (!st) {
                const char *sep = i + 1 < copies ? "，" : "。";
                if (ends_in_punctuation(c))
                    n->g.n--;
                st = shape(n, sep, strlen(sep), ZB_FONT_BODY, size, 0, ZB_INK_BLACK);
            }
        }
        double w = ZB_AREA_WIDTH - 2 * margin;
        if (!st && zb_break_lines(n->g.g, n->g.n, w, w - label, &lines))
            st = nomem(n);
        for (size_t i = 0; i < lines.n && !st; i++) {
            if (zb_grow((void **)&rows, &caprows, nrows + 1, sizeof *rows)) {
                st = nomem(n);
                break;
            }
            irow r = {0, lines.l[i].start, lines.l[i].end, margin + (i ? label : 0),
                      ZB_AREA_WIDTH - margin, lines.l[i].last, 0};
            rows[nrows++] = r;
        }
    }
    /* 印发机关 flush left, 印发日期 flush right (§7.4.3); a printer too long for the room left
     * of the date wraps, the date on its last row. */
    double wdate = 0;
    size_t date_start = 0, date_end = 0;
    if (!st && *printed) {
        snprintf(n->where, sizeof n->where, "printing date");
        date_start = n->g.n;
        st = shape(n, printed, strlen(printed), ZB_FONT_BODY, size, 0, ZB_INK_BLACK);
        date_end = n->g.n;
        wdate = zb_glyphs_width(n->g.g, date_start, date_end);
    }
    if (!st && (*printer || *printed)) {
        size_t ps = n->g.n;
        if (*printer) {
            snprintf(n->where, sizeof n->where, "printer");
            st = shape(n, printer, strlen(printer), ZB_FONT_BODY, size, 0, ZB_INK_BLACK);
        }
        double w = ZB_AREA_WIDTH - 2 * margin - (wdate > 0 ? wdate + ZB_CELL : 0);
        if (!st && n->g.n > ps && zb_break_lines(n->g.g + ps, n->g.n - ps, w, w, &lines))
            st = nomem(n);
        size_t count = n->g.n > ps ? lines.n : 0;
        for (size_t i = 0; i < (count ? count : 1) && !st; i++) {
            if (zb_grow((void **)&rows, &caprows, nrows + 1, sizeof *rows)) {
                st = nomem(n);
                break;
            }
            size_t last = count ? count - 1 : 0;
            irow r = {1, count ? ps + lines.l[i].start : ps, count ? ps + lines.l[i].end : ps, margin,
                      margin + w, 1, i == last && *printed};
            rows[nrows++] = r;
        }
    }
    store = n->g;
    n->g = keep;
    free(lines.l);
    if (st || !nrows) {
        free(store.g);
        free(rows);
        return st;
    }

    /* Pages: the rows that fit on a page, from the end; the last page's block ends on the
     * type area's bottom edge. */
    int per_page = (int)floor(ZB_AREA_HEIGHT / row + 1e-6);
    int chunks = (int)((nrows + (size_t)per_page - 1) / (size_t)per_page);
    double height = row * (double)(nrows - (size_t)(chunks - 1) * (size_t)per_page);
    double top = ZB_AREA_BOTTOM - height;
    int page = n->last_page;
    int room = n->last_bottom + 3 * ZB_MM <= top;
    int blank_before = 0;
    if (chunks > 1 || !room) {
        page++;
    }
    if (chunks == 1 && !letter && (page + 1) % 2 != 0) {
        /* The last page is the back of a sheet: an even one. */
        if (page == n->last_page)
            page++;
        else
            page++, blank_before = 1;
    }
    /* §7.5: the 版记's page and a blank page before it carry no number. */
    *numbered = blank_before ? n->last_page + 1 : page + chunks;
    zb_doc_touch(n->doc, page + chunks - 1);

    size_t first_last = nrows - (size_t)(chunks - 1) * (size_t)per_page; /* rows on the last page */
    size_t r = 0;
    for (int c = 0; c < chunks && !st; c++) {
        int pg = page + c;
        size_t count = c == chunks - 1 ? first_last : (size_t)per_page;
        double y = c == chunks - 1 ? top : ZB_AREA_TOP;
        if (c == 0 && !letter)
            st = zb_doc_rule(n->doc, pg, ZB_AREA_LEFT, y, ZB_AREA_RIGHT, y, IMPRINT_OUTER, ZB_INK_BLACK);
        for (size_t k = 0; k < count && !st; k++, r++) {
            const irow *ir = &rows[r];
            if (r > 0 && ir->kind != rows[r - 1].kind && !letter)
                st = zb_doc_rule(n->doc, pg, ZB_AREA_LEFT, y, ZB_AREA_RIGHT, y, IMPRINT_INNER, ZB_INK_BLACK);
            if (!st && ir->e > ir->s) {
                zb_line l = {ir->s, ir->e, zb_glyphs_width(store.g, ir->s, ir->e), ir->last};
                double extra = zb_justify_extra(store.g, &l, ir->right - ir->x);
                double base = zb_baseline(store.g[ir->s].face, y + (row - size) / 2, size);
                st = zb_emit(n->doc, pg, ZB_AREA_LEFT + ir->x, base, store.g, ir->s, ir->e, extra, 1);
            }
            if (!st && ir->date && date_end > date_start) {
                double base = zb_baseline(store.g[date_start].face, y + (row - size) / 2, size);
                st = zb_emit(n->doc, pg, ZB_AREA_RIGHT - margin - wdate, base, store.g, date_start,
                             date_end, 0, 1);
            }
            y += row;
        }
        if (!st && c == chunks - 1 && !letter)
            st = zb_doc_rule(n->doc, pg, ZB_AREA_LEFT, ZB_AREA_BOTTOM, ZB_AREA_RIGHT, ZB_AREA_BOTTOM,
                             IMPRINT_OUTER, ZB_INK_BLACK);
    }
    free(store.g);
    free(rows);
    return st;
}

/* "— N —" in 四号宋体 (§7.5), the top of the dashes' ink 7 mm below the type area: odd pages
 * right, even pages left, one character in. None on the first page of a letter (§10.1). */
static zb_status page_numbers(engine *n, int numbered)
{
    const zb_face *face = zb_fontset_face(n->fonts, ZB_FONT_NUMBER);
    int top = 0;
    if (!zb_face_ink(face, 0x2014, &top, NULL) || top <= 0)
        top = 0;
    double ink = top * ZB_SIZE_SMALL / 1000.0;
    for (int p = n->c->masthead == ZB_MASTHEAD_LETTER ? 1 : 0; p < numbered; p++) {
        char text[32];
        snprintf(text, sizeof text, "— %d —", p + 1);
        snprintf(n->where, sizeof n->where, "page number");
        n->g.n = 0;
        zb_status st = shape(n, text, strlen(text), ZB_FONT_NUMBER, ZB_SIZE_SMALL, 0, ZB_INK_BLACK);
        if (st)
            return st;
        double w = zb_glyphs_width(n->g.g, 0, n->g.n);
        double x = (p + 1) % 2 ? ZB_AREA_RIGHT - ZB_SIZE_SMALL - w : ZB_AREA_LEFT + ZB_SIZE_SMALL;
        double base = top > 0 ? ZB_AREA_BOTTOM + PAGE_NUMBER_GAP + ink
                              : zb_baseline(face, ZB_AREA_BOTTOM + PAGE_NUMBER_GAP, ZB_SIZE_SMALL);
        st = zb_emit(n->doc, p, x, base, n->g.g, 0, n->g.n, 0, 1);
        if (st)
            return st;
    }
    return ZB_OK;
}

/* ---------------------------------------------------------------------------------- */

static zb_status layout_document(engine *n)
{
    zb_status st = masthead(n);
    size_t a = n->ngl;
    const char *title = str(n->c->title);
    if (!st && *title) {
        snprintf(n->where, sizeof n->where, "title");
        st = title_lines(n, title);
        if (!st)
            st = add_blank(n);
    }
    if (!st)
        st = recipients(n);
    if (!st)
        st = blocks(n, n->c->body, n->c->body_count);
    size_t t = n->ngl;
    if (!st)
        st = attachment_note(n);
    if (!st)
        st = main_flow(n, a, t);
    if (!st)
        st = issued_plan(n);
    size_t count = n->c->attachment_count;
    for (size_t i = 0; i < count && !st && !n->c->omit_attachments; i++) {
        const zb_attached *at = &n->c->attachments[i];
        st = attachment(n, at, count > 1 ? at->number : 0);
    }
    int numbered = n->doc->pages;
    if (!st)
        st = imprint(n, &numbered);
    if (!st)
        st = page_numbers(n, numbered);
    return st;
}

zb_status zb_layout_document(const zb_document *content, const zb_seal_size *seal, zb_doc *pages)
{
    engine n;
    memset(&n, 0, sizeof n);
    n.c = content;
    n.err = pages->err;
    n.fonts = pages->fonts;
    n.sealed = content->sealed || seal;
    if (seal && seal->width > 0 && seal->height > 0) {
        n.has_seal = 1;
        n.seal_w = seal->width;
        n.seal_h = seal->height;
    } else {
        n.seal_w = n.seal_h = 1;
    }
    n.doc = pages;
    zb_status st = layout_document(&n);
    free(n.g.g);
    free(n.lines.l);
    free(n.gg.g);
    free(n.gl);
    free(n.forced);
    zb_buf_free(&n.text);
    return st;
}
