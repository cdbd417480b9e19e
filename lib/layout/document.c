/* The layout engine of official documents, to GB/T 9704-2012: 版头, title, 主送机关, body,
 * 附件说明, signature and date, 附注, attachments, 版记 and page numbers, driven by a
 * zb_document (layout/document.h) and laid out into pages that a renderer draws. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/document.h"

#define MARK_TOP (35 * ZB_MM)       /* the organ mark's top, below the type area's top */
#define MARK_MAX (22 * ZB_MM)       /* its largest size */
#define MARK_MIN (12 * ZB_MM)       /* below this, a long mark is narrowed instead */
#define MARK_GAP 0.15               /* letter spacing of the mark, in its size */
#define RED_RULE (0.5 * ZB_MM)
#define SEAL_WIDTH (42 * ZB_MM)
#define IMPRINT_OUTER (0.35 * ZB_MM)
#define IMPRINT_INNER (0.25 * ZB_MM)
#define PAGE_NUMBER_GAP (7 * ZB_MM)

/* The layout state of one document. */
typedef struct engine {
    zb_doc *doc; /* the pages being laid out, the caller's */
    const zb_document *c;
    const zb_fontset *fonts;
    zb_error *err;
    int page, line; /* the grid cursor: the next free body line */
    zb_glyphs g;
    zb_lines lines;
    zb_buf text;
    char where[96];
    int sealed;
    int has_seal; /* an image to press (from a file or bytes), of seal_w × seal_h pixels */
    double seal_w, seal_h;
    int last_page;      /* where the content ends, for the 版记 */
    double last_bottom;
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

static void next_page(engine *n)
{
    n->page++;
    n->line = 0;
    zb_doc_touch(n->doc, n->page);
}

static void ensure_line(engine *n)
{
    if (n->line >= ZB_GRID_LINES)
        next_page(n);
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

static zb_status shape_body(engine *n, const char *text, zb_font_role role)
{
    return shape(n, text, strlen(text), role, ZB_SIZE_BODY, ZB_CHAR_SPACE, ZB_INK_BLACK);
}

/* Baseline of a body-size line on grid line k for text of size set in face. */
static double grid_baseline(const zb_face *face, int k, double size)
{
    return zb_baseline(face, zb_grid_top(k) + (ZB_SIZE_BODY - size) / 2, size);
}

enum { ALIGN_JUSTIFY, ALIGN_CENTER };

/* Sets the glyphs in n->g on grid lines from the cursor: the first line from x_first, the
 * others from x_rest (both from the type area's left), all ending at the right edge less
 * right_margin. */
static zb_status flow(engine *n, double x_first, double x_rest, double right_margin, int align)
{
    double right = ZB_AREA_WIDTH - right_margin;
    if (zb_break_lines(n->g.g, n->g.n, right - x_first, right - x_rest, &n->lines))
        return nomem(n);
    for (size_t i = 0; i < n->lines.n; i++) {
        const zb_line *l = &n->lines.l[i];
        ensure_line(n);
        if (l->end > l->start) {
            const zb_glyph *g = n->g.g;
            double size = g[l->start].size;
            double x0 = i == 0 ? x_first : x_rest;
            double x, extra = 0;
            if (align == ALIGN_CENTER) {
                x = ZB_AREA_LEFT + (right - l->width) / 2;
            } else {
                x = ZB_AREA_LEFT + x0;
                extra = zb_justify_extra(g, l, right - x0);
            }
            double base = grid_baseline(g[l->start].face, n->line, size);
            zb_status st = zb_emit(n->doc, n->page, x, base, g, l->start, l->end, extra, 1);
            if (st)
                return st;
            content_at(n, n->page, zb_grid_top(n->line) + ZB_SIZE_BODY);
        }
        n->line++;
    }
    return ZB_OK;
}

/* ---------------------------------------------------------------------------------- */
/* 版头 */

static zb_status masthead(engine *n)
{
    const char *organ = str(n->c->organ);
    const char *mark = str(n->c->organ_mark);
    if (!*organ && !*mark)
        return ZB_OK;
    n->text.len = 0;
    zb_buf_adds(&n->text, *mark ? mark : organ);
    if (!*mark)
        zb_buf_adds(&n->text, "文件");
    if (n->text.failed)
        return nomem(n);

    /* Measure at 1 pt, then size the mark to fill the type area's width with its letter
     * spacing, no larger than 22 mm. */
    snprintf(n->where, sizeof n->where, *mark ? "organ mark" : "organ");
    n->g.n = 0;
    zb_status st = shape(n, n->text.data, n->text.len, ZB_FONT_TITLE, 1, 0, ZB_INK_RED);
    if (st || !n->g.n)
        return st;
    double unit = zb_glyphs_width(n->g.g, 0, n->g.n);
    double gaps = MARK_GAP * (double)(n->g.n - 1);
    double size = ZB_AREA_WIDTH / (unit + gaps);
    double hscale = 1;
    if (size > MARK_MAX)
        size = MARK_MAX;
    if (size < MARK_MIN) {
        hscale = size / MARK_MIN;
        size = MARK_MIN;
    }
    n->g.n = 0;
    st = shape(n, n->text.data, n->text.len, ZB_FONT_TITLE, size, 0, ZB_INK_RED);
    if (st)
        return st;
    double gap = MARK_GAP * size * hscale;
    double width = zb_glyphs_width(n->g.g, 0, n->g.n) * hscale + gap * (double)(n->g.n - 1);
    double top = ZB_AREA_TOP + MARK_TOP;
    double base = zb_baseline(zb_fontset_face(n->fonts, ZB_FONT_TITLE), top, size);
    st = zb_emit(n->doc, 0, ZB_AREA_LEFT + (ZB_AREA_WIDTH - width) / 2, base, n->g.g, 0, n->g.n,
                 gap, hscale);
    if (st)
        return st;

    /* The document number two blank lines below the mark, the red rule 4 mm below it. */
    n->page = 0;
    n->line = line_below(top + size) + 2;
    const char *number = str(n->c->doc_number);
    if (*number) {
        snprintf(n->where, sizeof n->where, "document number");
        n->g.n = 0;
        st = shape_body(n, number, ZB_FONT_BODY);
        if (!st)
            st = flow(n, 0, 0, 0, ALIGN_CENTER);
        if (st)
            return st;
    } else {
        n->line++;
    }
    double rule = zb_grid_top(n->line - 1) + ZB_SIZE_BODY + 4 * ZB_MM;
    st = zb_doc_rule(n->doc, 0, ZB_AREA_LEFT, rule, ZB_AREA_RIGHT, rule, RED_RULE, ZB_INK_RED);
    content_at(n, 0, rule);
    /* The title two blank lines below the rule. */
    n->line = line_below(rule) + 2;
    return st;
}

/* ---------------------------------------------------------------------------------- */
/* Title, 主送机关 */

/* A title in 二号小标宋, balanced over its lines, centred, on the grid from the cursor. */
static zb_status title_lines(engine *n, const char *title)
{
    n->g.n = 0;
    zb_status st = shape(n, title, strlen(title), ZB_FONT_TITLE, ZB_SIZE_TITLE, 0, ZB_INK_BLACK);
    if (st)
        return st;
    if (zb_balance_lines(n->g.g, n->g.n, ZB_AREA_WIDTH, &n->lines))
        return nomem(n);
    for (size_t i = 0; i < n->lines.n; i++) {
        const zb_line *l = &n->lines.l[i];
        ensure_line(n);
        double x = ZB_AREA_LEFT + (ZB_AREA_WIDTH - l->width) / 2;
        double base = grid_baseline(n->g.g[l->start].face, n->line, ZB_SIZE_TITLE);
        st = zb_emit(n->doc, n->page, x, base, n->g.g, l->start, l->end, 0, 1);
        if (st)
            return st;
        content_at(n, n->page, zb_grid_top(n->line) + ZB_SIZE_BODY);
        n->line++;
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

static zb_status recipients(engine *n)
{
    size_t count = n->c->recipient_count;
    if (!count)
        return ZB_OK;
    n->g.n = 0;
    for (size_t i = 0; i < count; i++) {
        const char *r = str(n->c->recipients[i]);
        snprintf(n->where, sizeof n->where, "recipient %zu", i + 1);
        zb_status st = shape_body(n, r, ZB_FONT_BODY);
        if (st)
            return st;
        const char *sep = i + 1 < count ? "，" : "：";
        if (ends_in_punctuation(r)) {
            if (i + 1 < count)
                continue;
            /* The last one ends in a mark already: make it the colon. */
            n->g.n--;
        }
        st = shape_body(n, sep, ZB_FONT_BODY);
        if (st)
            return st;
    }
    return flow(n, 0, 0, 0, ALIGN_JUSTIFY);
}

/* ---------------------------------------------------------------------------------- */
/* Body */

/* One paragraph: indented two characters, turning lines flush left; a heading's number and
 * first sentence in its face (一、 黑体, (一) 楷体). level -1 = read it from the numbering. */
static zb_status paragraph(engine *n, const char *text, size_t len, int level)
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
    zb_buf_add(&n->text, text, len);
    if (n->text.failed)
        return nomem(n);
    const char *s = n->text.data;
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
    return flow(n, 2 * ZB_CELL, 0, 0, ALIGN_JUSTIFY);
}

/* Text of several paragraphs, one a line. */
static zb_status paragraphs(engine *n, const char *text, int level)
{
    zb_status st = ZB_OK;
    while (!st) {
        const char *nl = strchr(text, '\n');
        size_t len = nl ? (size_t)(nl - text) : strlen(text);
        st = paragraph(n, text, len, level);
        if (!nl)
            break;
        text = nl + 1;
    }
    return st;
}

/* A figure across the type area from the cursor's line, on the next page when the rest of
 * this one is too short; the text goes on on the first grid line below it. */
static zb_status figure(engine *n, const zb_block *b)
{
    double h = b->figure_height;
    if (h > ZB_AREA_HEIGHT)
        h = ZB_AREA_HEIGHT;
    ensure_line(n);
    if (zb_grid_top(n->line) + h > ZB_AREA_BOTTOM + 0.01 && n->line > 0)
        next_page(n);
    double top = zb_grid_top(n->line);
    zb_status st = zb_chart_draw(n->doc, n->page, ZB_AREA_LEFT, top, ZB_AREA_WIDTH, h, b->chart);
    content_at(n, n->page, top + h);
    n->line = line_below(top + h);
    return st;
}

/* Blocks of text and figures: the document's own, or the text it issues. */
static zb_status blocks(engine *n, const zb_block *b, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (b[i].where_number)
            snprintf(n->where, sizeof n->where, "%s %zu", str(b[i].where), b[i].where_number);
        else
            snprintf(n->where, sizeof n->where, "%s", str(b[i].where));
        zb_status st;
        if (b[i].chart) {
            st = figure(n, &b[i]);
        } else if (b[i].centered) {
            n->g.n = 0;
            st = shape_body(n, str(b[i].text), ZB_FONT_BODY);
            if (!st && n->g.n)
                st = flow(n, 0, 0, 0, ALIGN_CENTER);
        } else {
            st = paragraphs(n, str(b[i].text), b[i].level);
        }
        if (st)
            return st;
    }
    return ZB_OK;
}

/* 附件说明: 附件：1.标题, further items aligned with the first number. */
static zb_status attachment_note(engine *n)
{
    size_t count = n->c->attachment_count;
    if (!count)
        return ZB_OK;
    n->line++; /* one blank line below the body */
    double label = 0;
    for (size_t a = 0; a < count; a++) {
        const zb_attached *at = &n->c->attachments[a];
        snprintf(n->where, sizeof n->where, "attachment %d title", at->number);
        n->g.n = 0;
        zb_status st = ZB_OK;
        if (a == 0) {
            st = shape_body(n, "附件：", ZB_FONT_BODY);
            label = zb_glyphs_width(n->g.g, 0, n->g.n);
        }
        size_t num_start = n->g.n;
        if (!st && count > 1) {
            char num[24];
            snprintf(num, sizeof num, "%d.", at->number);
            st = shape_body(n, num, ZB_FONT_BODY);
        }
        double number = zb_glyphs_width(n->g.g, num_start, n->g.n);
        if (!st)
            st = shape_body(n, str(at->title), ZB_FONT_BODY);
        if (!st)
            st = flow(n, a == 0 ? 2 * ZB_CELL : 2 * ZB_CELL + label, 2 * ZB_CELL + label + number,
                      0, ALIGN_JUSTIFY);
        if (st)
            return st;
    }
    return ZB_OK;
}

/* ---------------------------------------------------------------------------------- */
/* Signature, date, 附注, seal */

/* Moves the last `count` lines above the cursor to the top of the next page, so that the
 * signature never stands on a page of its own (GB/T 9704 §7.3.5.4). */
static void carry_lines(engine *n, int count)
{
    int from = n->line - count;
    double cut = zb_grid_top(from) - 0.5;
    double shift = zb_grid_top(from) - ZB_AREA_TOP;
    for (size_t i = 0; i < n->doc->count; i++) {
        zb_item *it = &n->doc->items[i];
        if (it->page == n->page && it->kind == ZB_ITEM_TEXT && it->y >= cut) {
            it->page = n->page + 1;
            it->y -= shift;
        }
    }
    next_page(n);
    n->line = count;
    n->last_page = n->page;
    n->last_bottom = zb_grid_top(count - 1) + ZB_SIZE_BODY;
}

/* When a page holds a single line above the signature, takes the last line of the page
 * before along, so that the signature stands under two lines of text. */
static void pull_line(engine *n)
{
    if (n->page == 0 || n->line != 1)
        return;
    double cut = zb_grid_top(ZB_GRID_LINES - 1) - 0.5;
    int any = 0;
    for (size_t i = 0; i < n->doc->count && !any; i++) {
        const zb_item *it = &n->doc->items[i];
        any = it->page == n->page - 1 && it->kind == ZB_ITEM_TEXT && it->y >= cut &&
              it->y < ZB_AREA_BOTTOM;
    }
    if (!any)
        return;
    for (size_t i = 0; i < n->doc->count; i++) {
        zb_item *it = &n->doc->items[i];
        if (it->kind != ZB_ITEM_TEXT)
            continue;
        if (it->page == n->page) {
            it->y += ZB_LINE_PITCH;
        } else if (it->page == n->page - 1 && it->y >= cut && it->y < ZB_AREA_BOTTOM) {
            it->page = n->page;
            it->y -= zb_grid_top(ZB_GRID_LINES - 1) - ZB_AREA_TOP;
        }
    }
    n->line = 2;
    n->last_page = n->page;
    n->last_bottom = zb_grid_top(1) + ZB_SIZE_BODY;
}

static zb_status text_at(engine *n, const char *text, double x, int line, double size)
{
    n->g.n = 0;
    zb_status st = shape(n, text, strlen(text), ZB_FONT_BODY, size, ZB_CHAR_SPACE, ZB_INK_BLACK);
    if (st || !n->g.n)
        return st;
    double base = grid_baseline(n->g.g[0].face, line, size);
    st = zb_emit(n->doc, n->page, ZB_AREA_LEFT + x, base, n->g.g, 0, n->g.n, 0, 1);
    content_at(n, n->page, zb_grid_top(line) + ZB_SIZE_BODY);
    return st;
}

static zb_status text_width(engine *n, const char *text, const char *where, double size,
                            double char_space, double *width)
{
    *width = 0;
    if (!*text)
        return ZB_OK;
    snprintf(n->where, sizeof n->where, "%s", where);
    n->g.n = 0;
    zb_status st = shape(n, text, strlen(text), ZB_FONT_BODY, size, char_space, ZB_INK_BLACK);
    if (!st)
        *width = zb_glyphs_width(n->g.g, 0, n->g.n);
    return st;
}

static zb_status signature(engine *n)
{
    const char *sig = str(n->c->signature);
    char date[64];
    zb_format_date(n->c->date, "", date, sizeof date);
    const char *note = str(n->c->note);
    if (!*sig && !*date && !*note)
        return ZB_OK;
    double ws, wd;
    zb_status st = text_width(n, sig, "signature", ZB_SIZE_BODY, ZB_CHAR_SPACE, &ws);
    if (!st)
        st = text_width(n, date, "date", ZB_SIZE_BODY, ZB_CHAR_SPACE, &wd);
    if (st)
        return st;
    const double c = ZB_CELL, right = ZB_AREA_WIDTH;
    double xs, xd;
    if (n->sealed) {
        /* §7.3.5.1: the date 4 characters in from the right, the signature centred over it. */
        xd = right - 4 * c - wd;
        xs = *date ? xd + (wd - ws) / 2 : right - 4 * c - ws;
        if (xs + ws > right)
            xs = right - ws;
    } else {
        /* §7.3.5.2: the signature 2 characters in from the right, the date 2 characters right
         * of its start; a longer date keeps 2 characters and moves the signature left. */
        xs = right - 2 * c - ws;
        xd = xs + 2 * c;
        if (xd + wd > right - 2 * c) {
            xd = right - 2 * c - wd;
            xs = xd - 2 * c;
        }
        if (!*sig)
            xd = right - 2 * c - wd;
    }
    if (xs < 0)
        xs = 0;
    if (xd < 0)
        xd = 0;

    /* Lines from the one after the body: unsealed, one blank line, then signature and date;
     * sealed, the seal's top on that line and the signature just below its centre. */
    double seal_h = n->has_seal ? SEAL_WIDTH * n->seal_h / n->seal_w : SEAL_WIDTH;
    int lines_sig, last;
    pull_line(n);
    for (int attempt = 0;; attempt++) {
        int k = n->line;
        if (n->sealed) {
            double centre = zb_grid_top(k) + seal_h / 2;
            lines_sig = k + 1;
            while (zb_grid_top(lines_sig) + ZB_SIZE_BODY / 2 < centre)
                lines_sig++;
        } else {
            lines_sig = k + 1;
        }
        int date_line = *sig ? lines_sig + 1 : lines_sig;
        last = *date ? date_line : lines_sig;
        if (*note)
            last++;
        int fits = last < ZB_GRID_LINES &&
                   (!n->has_seal || zb_grid_top(k) + seal_h <= ZB_AREA_BOTTOM + ZB_LINE_PITCH);
        if (fits || attempt > 0)
            break;
        if (n->line > 2 && n->line - 2 > 0)
            carry_lines(n, 2);
        else
            next_page(n);
    }
    int k = n->line;
    int line = lines_sig;
    if (*sig) {
        snprintf(n->where, sizeof n->where, "signature");
        st = text_at(n, sig, xs, line++, ZB_SIZE_BODY);
    }
    if (!st && *date) {
        snprintf(n->where, sizeof n->where, "date");
        st = text_at(n, date, xd, line++, ZB_SIZE_BODY);
    }
    if (!st && *note) {
        snprintf(n->where, sizeof n->where, "note");
        st = text_at(n, note, 2 * c, line++, ZB_SIZE_BODY);
    }
    if (!st && n->has_seal) {
        double cx = ZB_AREA_LEFT + (*date ? xd + wd / 2 : xs + ws / 2);
        double top = zb_grid_top(k);
        st = zb_doc_image(n->doc, n->page, cx - SEAL_WIDTH / 2, top, SEAL_WIDTH, seal_h);
        content_at(n, n->page, top + seal_h);
    }
    n->line = line;
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

static zb_status attachment(engine *n, const zb_attached *at)
{
    int number = at->number;
    next_page(n);
    char label[32];
    if (number > 0)
        snprintf(label, sizeof label, "附件%d", number);
    else
        snprintf(label, sizeof label, "附件");
    snprintf(n->where, sizeof n->where, "attachment %d", number);
    n->g.n = 0;
    zb_status st = shape_body(n, label, ZB_FONT_HEADING);
    if (!st)
        st = flow(n, 0, 0, 0, ALIGN_JUSTIFY);
    if (st)
        return st;
    n->line++;
    snprintf(n->where, sizeof n->where, "attachment %d title", number);
    st = title_lines(n, str(at->title));
    if (st)
        return st;
    n->line++;
    snprintf(n->where, sizeof n->where, "attachment %d text", number);
    switch (at->kind) {
    case ZB_ATTACHED_TABLE: {
        ensure_line(n);
        int page = n->page;
        double y = zb_grid_top(n->line);
        st = table(n, at->table, &page, &y);
        n->page = page;
        n->line = line_below(y);
        content_at(n, page, y);
        break;
    }
    case ZB_ATTACHED_LIST: {
        size_t count = at->item_count;
        /* Each item on its own first, so that an error names it. */
        for (size_t i = 0; i < count && !st; i++) {
            snprintf(n->where, sizeof n->where, "%s %zu", str(at->item_where), i + 1);
            n->g.n = 0;
            st = shape_body(n, str(at->items[i]), ZB_FONT_BODY);
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
            st = paragraph(n, list.data, list.len, 0);
        zb_buf_free(&list);
        break;
    }
    default:
        st = paragraphs(n, str(at->text), -1);
        break;
    }
    return st;
}

/* ---------------------------------------------------------------------------------- */
/* 版记 and page numbers */

/* Returns the number of pages that carry a page number. */
static zb_status imprint(engine *n, int *numbered)
{
    *numbered = n->doc->pages;
    if (n->c->omit_imprint)
        return ZB_OK;
    const char *printer = str(n->c->printer);
    size_t copies = n->c->copy_to_count;
    if (!*printer && !copies)
        return ZB_OK;
    char printed[80];
    zb_format_date(n->c->printed, "印发", printed, sizeof printed);

    const double size = ZB_SIZE_SMALL, margin = ZB_SIZE_SMALL, row = ZB_LINE_PITCH;
    /* 抄送: the list after the label, wrapped lines aligned after the colon. */
    size_t copy_lines = 0;
    zb_glyphs copy = {0};
    zb_lines copy_l = {0};
    double label = 0;
    zb_status st = ZB_OK;
    if (copies) {
        zb_glyphs keep = n->g;
        n->g = copy;
        st = shape(n, "抄送：", strlen("抄送："), ZB_FONT_BODY, size, 0, ZB_INK_BLACK);
        label = zb_glyphs_width(n->g.g, 0, n->g.n);
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
        copy = n->g;
        n->g = keep;
        double w = ZB_AREA_WIDTH - 2 * margin;
        if (!st && zb_break_lines(copy.g, copy.n, w, w - label, &copy_l))
            st = nomem(n);
        copy_lines = copy_l.n;
    }
    int print_row = *printer || *printed;
    if (st) {
        free(copy.g);
        free(copy_l.l);
        return st;
    }
    double height = row * (double)(copy_lines + (print_row ? 1 : 0));
    double top = ZB_AREA_BOTTOM - height;

    /* The 版记 goes on an even page: below the content when there is room, else alone on
     * the next even page. Pages added for it carry no number. */
    int page = n->last_page;
    int room = n->last_bottom + 3 * ZB_MM <= top;
    if ((page + 1) % 2 != 0 || !room) {
        page++;
        if ((page + 1) % 2 != 0)
            page++;
    }
    *numbered = page == n->last_page ? n->doc->pages : n->last_page + 1;
    zb_doc_touch(n->doc, page);

    double y = top;
    st = zb_doc_rule(n->doc, page, ZB_AREA_LEFT, y, ZB_AREA_RIGHT, y, IMPRINT_OUTER, ZB_INK_BLACK);
    for (size_t i = 0; i < copy_lines && !st; i++) {
        const zb_line *l = &copy_l.l[i];
        double x0 = margin + (i ? label : 0);
        double base = zb_baseline(copy.g[l->start].face, y + (row - size) / 2, size);
        double extra = zb_justify_extra(copy.g, l, ZB_AREA_WIDTH - margin - x0);
        st = zb_emit(n->doc, page, ZB_AREA_LEFT + x0, base, copy.g, l->start, l->end, extra, 1);
        y += row;
    }
    if (!st && copy_lines && print_row)
        st = zb_doc_rule(n->doc, page, ZB_AREA_LEFT, y, ZB_AREA_RIGHT, y, IMPRINT_INNER,
                         ZB_INK_BLACK);
    if (!st && print_row) {
        const char *parts[2] = {printer, printed};
        for (int i = 0; i < 2 && !st; i++) {
            if (!*parts[i])
                continue;
            snprintf(n->where, sizeof n->where, i ? "printing date" : "printer");
            n->g.n = 0;
            st = shape(n, parts[i], strlen(parts[i]), ZB_FONT_BODY, size, 0, ZB_INK_BLACK);
            if (st)
                break;
            double w = zb_glyphs_width(n->g.g, 0, n->g.n);
            double x = i ? ZB_AREA_RIGHT - margin - w : ZB_AREA_LEFT + margin;
            double base = zb_baseline(n->g.g[0].face, y + (row - size) / 2, size);
            st = zb_emit(n->doc, page, x, base, n->g.g, 0, n->g.n, 0, 1);
        }
        y += row;
    }
    if (!st)
        st = zb_doc_rule(n->doc, page, ZB_AREA_LEFT, ZB_AREA_BOTTOM, ZB_AREA_RIGHT,
                         ZB_AREA_BOTTOM, IMPRINT_OUTER, ZB_INK_BLACK);
    free(copy.g);
    free(copy_l.l);
    return st;
}

/* "— N —" in 四号, 7 mm below the type area: odd pages right, even pages left, one
 * character in. */
static zb_status page_numbers(engine *n, int numbered)
{
    for (int p = 0; p < numbered; p++) {
        char text[32];
        snprintf(text, sizeof text, "— %d —", p + 1);
        snprintf(n->where, sizeof n->where, "page number");
        n->g.n = 0;
        zb_status st = shape(n, text, strlen(text), ZB_FONT_NUMBER, ZB_SIZE_SMALL, 0, ZB_INK_BLACK);
        if (st)
            return st;
        double w = zb_glyphs_width(n->g.g, 0, n->g.n);
        double x = (p + 1) % 2 ? ZB_AREA_RIGHT - ZB_SIZE_SMALL - w : ZB_AREA_LEFT + ZB_SIZE_SMALL;
        double base = zb_baseline(zb_fontset_face(n->fonts, ZB_FONT_NUMBER),
                                  ZB_AREA_BOTTOM + PAGE_NUMBER_GAP, ZB_SIZE_SMALL);
        st = zb_emit(n->doc, p, x, base, n->g.g, 0, n->g.n, 0, 1);
        if (st)
            return st;
    }
    return ZB_OK;
}

/* The text a notice issues (印发…的通知): after the notice, on a new page, its title in
 * 二号小标宋 on the first line, a blank line, then its text with the same heading levels. */
static zb_status issued_plan(engine *n)
{
    const char *title = str(n->c->annex_title);
    if (!*title && !n->c->annex_count)
        return ZB_OK;
    next_page(n);
    if (*title) {
        snprintf(n->where, sizeof n->where, "plan title");
        zb_status st = title_lines(n, title);
        if (st)
            return st;
        n->line++;
    }
    return blocks(n, n->c->annex, n->c->annex_count);
}

/* ---------------------------------------------------------------------------------- */

static zb_status layout_document(engine *n)
{
    zb_status st = masthead(n);
    const char *title = str(n->c->title);
    if (!st && *title) {
        snprintf(n->where, sizeof n->where, "title");
        st = title_lines(n, title);
        n->line++;
    }
    if (!st)
        st = recipients(n);
    if (!st)
        st = blocks(n, n->c->body, n->c->body_count);
    if (!st)
        st = attachment_note(n);
    if (!st)
        st = signature(n);
    if (!st)
        st = issued_plan(n);
    size_t count = n->c->attachment_count;
    for (size_t a = 0; a < count && !st && !n->c->omit_attachments; a++)
        st = attachment(n, &n->c->attachments[a]);
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
    if (seal) {
        n.has_seal = 1;
        n.seal_w = seal->width;
        n.seal_h = seal->height;
    }
    n.doc = pages;
    zb_status st = layout_document(&n);
    free(n.g.g);
    free(n.lines.l);
    zb_buf_free(&n.text);
    return st;
}
