/* Tables drawn in the type area: cells shaped and broken with the line breaker, thin
 * borders, the header repeated on every page, a merged column split per page. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/table.h"

#define COLS_MAX ZB_TABLE_COLS_MAX
#define TABLE_SIZE 12.0   /* 小四 */
#define TABLE_LEAD 16.5   /* line pitch of cell text */
#define TABLE_PAD_X 3.0
#define TABLE_PAD_Y 4.0
#define TABLE_RULE 0.5

/* A cell: its glyphs and lines, indices into the table's arrays. */
typedef struct tcell {
    size_t g0, gn;
    size_t l0, ln;
} tcell;

struct zb_table {
    zb_doc *doc;
    double size, lead; /* type size and line pitch of cell text */
    size_t ncols;
    double edge[COLS_MAX + 1]; /* column edges, x */
    int center[COLS_MAX];
    size_t merge_col; /* the column merged over a group's rows; ZB_NONE for none */
    zb_glyphs g;
    zb_lines lines; /* all cells' lines; glyph indices absolute */
    zb_lines tmp;
    tcell *cells; /* row * ncols; row 0 is the header */
    size_t *group;
    double *h; /* row heights */
    size_t rows, cells_cap, group_cap, h_cap;
    int page;
    double y;
};
typedef struct zb_table table;

static zb_status nomem(table *t)
{
    return zb_error_set(t->doc->err, ZB_ERR_NOMEM, "out of memory while laying out a table");
}

/* Nonzero when a cell's line holds one character alone, with the marks that go with it (the
 * 标 of 三年攻坚目 / 标, the 元） of …（亿 / 元）): a 文秘 sends such a cell back. */
static int lone_line(const zb_glyph *g, const zb_line *l)
{
    size_t chars = 0, wide = 0;
    for (size_t i = l->start; i < l->end; i++) {
        uint32_t c = g[i].cp;
        if (g[i].flags & (ZB_G_NO_START | ZB_G_NO_END | ZB_G_SPACE))
            continue; /* a mark: not a character of the text */
        chars++;
        wide += (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000;
    }
    return chars == 1 && wide == 1;
}

static void table_free(table *t)
{
    free(t->g.g);
    free(t->lines.l);
    free(t->tmp.l);
    free(t->cells);
    free(t->group);
    free(t->h);
}

/* Appends a row of cell texts in group; the header's cells, and those whose bit is set in
 * strong, in the heading face. */
static zb_status add_row(table *t, const char *const *texts, int header, unsigned strong,
                         size_t group, const char *const *where)
{
    size_t r = t->rows;
    if (zb_grow((void **)&t->cells, &t->cells_cap, (r + 1) * t->ncols, sizeof *t->cells) ||
        zb_grow((void **)&t->group, &t->group_cap, r + 1, sizeof *t->group) ||
        zb_grow((void **)&t->h, &t->h_cap, r + 1, sizeof *t->h))
        return nomem(t);
    double h = t->lead + 2 * TABLE_PAD_Y;
    for (size_t c = 0; c < t->ncols; c++) {
        int heading = header || (strong >> c & 1u);
        tcell *cell = &t->cells[r * t->ncols + c];
        cell->g0 = t->g.n;
        cell->l0 = t->lines.n;
        /* A line feed in a cell's text is a forced break. */
        for (const char *s = texts[c];;) {
            const char *nl = strchr(s, '\n');
            size_t len = nl ? (size_t)(nl - s) : strlen(s);
            size_t g0 = t->g.n;
            zb_status st = zb_shape(t->doc, &t->g, s, len, heading ? ZB_FONT_HEADING : ZB_FONT_BODY,
                                    t->size, 0, ZB_INK_BLACK, where[c]);
            if (st)
                return st;
            double w = t->edge[c + 1] - t->edge[c] - 2 * TABLE_PAD_X;
            if (zb_break_lines(t->g.g + g0, t->g.n - g0, w, w, &t->tmp))
                return nomem(t);
            /* A last line of one character: the same number of lines, as even as they can
             * be (三年攻 / 坚目标), as offices break such a cell by hand. */
            if (t->tmp.n >= 2 && lone_line(t->g.g + g0, &t->tmp.l[t->tmp.n - 1]) &&
                zb_balance_lines(t->g.g + g0, t->g.n - g0, w, &t->tmp))
                return nomem(t);
            if (zb_grow((void **)&t->lines.l, &t->lines.cap, t->lines.n + t->tmp.n,
                        sizeof *t->lines.l))
                return nomem(t);
            for (size_t i = 0; i < t->tmp.n; i++) {
                zb_line l = t->tmp.l[i];
                l.start += g0;
                l.end += g0;
                t->lines.l[t->lines.n++] = l;
            }
            if (!nl)
                break;
            s = nl + 1;
        }
        cell->gn = t->g.n - cell->g0;
        cell->ln = t->lines.n - cell->l0;
        double need = (double)cell->ln * t->lead + 2 * TABLE_PAD_Y;
        if (c != t->merge_col && need > h)
            h = need;
    }
    t->group[r] = group;
    t->h[r] = h;
    t->rows++;
    return ZB_OK;
}

/* The height the merged column's text of row r needs. */
static double merged_need(const table *t, size_t r)
{
    if (t->merge_col == ZB_NONE)
        return 0;
    const tcell *cell = &t->cells[r * t->ncols + t->merge_col];
    return (double)cell->ln * t->lead + 2 * TABLE_PAD_Y;
}

/* A row, or the part of one on a page: its cells' lines [from, to). A whole row's text is
 * centred in its height; a row split over pages is set from the top of each part. */
typedef struct slice {
    size_t row;
    size_t from, to;
    double h;
    int part;
} slice;

/* What a page's part of a group draws: its slices, and whether the merged column is one
 * cell over them (else each row shows its own, or, for the rows after the first of a group
 * whose category is taller than a page, none). */
typedef struct segment {
    slice *s;
    size_t n, cap;
    int merged;
    size_t first; /* the group's first row: the one that shows an unmerged category */
} segment;

/* Draws the lines [from, to) of a cell in the box from x0 to x1, top to top + h: centred
 * in it, or from its top. */
static zb_status draw_cell(table *t, const tcell *cell, int center, double x0, double x1,
                           double top, double h, size_t from, size_t to, int from_top)
{
    if (to > cell->ln)
        to = cell->ln;
    if (from >= to)
        return ZB_OK;
    double block = (double)(to - from) * t->lead;
    double y0 = from_top ? top + TABLE_PAD_Y : top + (h - block) / 2;
    for (size_t i = from; i < to; i++) {
        const zb_line *l = &t->lines.l[cell->l0 + i];
        if (l->end <= l->start)
            continue;
        const zb_glyph *g = t->g.g;
        double em_top = y0 + (double)(i - from) * t->lead + (t->lead - t->size) / 2;
        double base = zb_baseline(g[l->start].face, em_top, t->size);
        /* Ragged lines: in a narrow cell, justifying a line broken early spreads it thin. */
        double x = center ? x0 + (x1 - x0 - l->width) / 2 : x0 + TABLE_PAD_X;
        zb_status st = zb_emit(t->doc, t->page, x, base, g, l->start, l->end, 0, 1);
        if (st)
            return st;
    }
    return ZB_OK;
}

static zb_status hline(table *t, double y, double x0, double x1)
{
    return zb_doc_rule(t->doc, t->page, x0, y, x1, y, TABLE_RULE, ZB_INK_BLACK);
}

static zb_status vlines(table *t, double top, double h)
{
    for (size_t c = 0; c <= t->ncols; c++) {
        zb_status st = zb_doc_rule(t->doc, t->page, t->edge[c], top, t->edge[c], top + h,
                                   TABLE_RULE, ZB_INK_BLACK);
        if (st)
            return st;
    }
    return ZB_OK;
}

static zb_status draw_header(table *t)
{
    double h = t->h[0];
    zb_status st = hline(t, t->y, t->edge[0], t->edge[t->ncols]);
    for (size_t c = 0; c < t->ncols && !st; c++)
        st = draw_cell(t, &t->cells[c], 1, t->edge[c], t->edge[c + 1], t->y, h, 0, SIZE_MAX, 0);
    if (!st)
        st = vlines(t, t->y, h);
    t->y += h;
    return st;
}

/* Draws a page's part of a group from top: each slice's rules and cells, and the merged
 * column over them as one cell. */
static zb_status draw_segment(table *t, const segment *sg, double top)
{
    zb_status st = ZB_OK;
    double y = top;
    size_t mc = t->merge_col;
    for (size_t k = 0; k < sg->n && !st; k++) {
        const slice *sl = &sg->s[k];
        if (k == 0 || !sg->merged || sl->row == sg->s[k - 1].row) {
            st = hline(t, y, t->edge[0], t->edge[t->ncols]);
        } else {
            if (mc > 0)
                st = hline(t, y, t->edge[0], t->edge[mc]);
            if (!st)
                st = hline(t, y, t->edge[mc + 1], t->edge[t->ncols]);
        }
        for (size_t c = 0; c < t->ncols && !st; c++) {
            if (c == mc && (sg->merged || sl->row != sg->first))
                continue;
            st = draw_cell(t, &t->cells[sl->row * t->ncols + c], t->center[c], t->edge[c], t->edge[c + 1], y,
                           sl->h, sl->from, sl->to, sl->part);
        }
        if (!st)
            st = vlines(t, y, sl->h);
        y += sl->h;
    }
    if (!st && sg->merged && sg->n) {
        const tcell *cell = &t->cells[sg->first * t->ncols + mc];
        st = draw_cell(t, cell, t->center[mc], t->edge[mc], t->edge[mc + 1], top, y - top, 0, SIZE_MAX, 0);
    }
    return st;
}

static zb_status push_slice(table *t, segment *sg, size_t row, size_t from, size_t to, double h, int part)
{
    if (zb_grow((void **)&sg->s, &sg->cap, sg->n + 1, sizeof *sg->s))
        return nomem(t);
    slice sl = {row, from, to, h, part};
    sg->s[sg->n++] = sl;
    t->y += h;
    return ZB_OK;
}

/* Draws the segment begun at top, its last slice grown so that a merged category's text
 * fits, and empties it. */
static zb_status flush(table *t, segment *sg, double top)
{
    if (!sg->n)
        return ZB_OK;
    if (sg->merged) {
        double have = t->y - top, need = merged_need(t, sg->first);
        double grow = fmin(need - have, ZB_AREA_BOTTOM - t->y);
        if (grow > 0) {
            sg->s[sg->n - 1].h += grow;
            t->y += grow;
        }
    }
    zb_status st = draw_segment(t, sg, top);
    sg->n = 0;
    return st;
}

/* Closes the page's table and opens the next page with the header. */
static zb_status next_page(table *t)
{
    zb_status st = hline(t, t->y, t->edge[0], t->edge[t->ncols]);
    t->page++;
    t->y = ZB_AREA_TOP;
    zb_doc_touch(t->doc, t->page);
    if (!st)
        st = draw_header(t);
    return st;
}

/* The lines of row r's tallest cell; its category cell counts when shown in the row. */
static size_t row_lines(const table *t, size_t r, int with_category)
{
    size_t n = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        if (c == t->merge_col && !with_category)
            continue;
        const tcell *cell = &t->cells[r * t->ncols + c];
        if (cell->ln > n)
            n = cell->ln;
    }
    return n;
}

/* Lays the rows out from (t->page, t->y), breaking pages where a row does not fit. A group
 * split by a page break shows its category on each page; a group starts on a new page when
 * its category's text would not fit below; a row taller than a page goes on over the pages
 * it needs, its text with it; a category taller than a page is shown once, in its group's
 * first row. */
static zb_status layout(table *t)
{
    zb_status st = draw_header(t);
    const double cap = ZB_AREA_BOTTOM - ZB_AREA_TOP - t->h[0];
    segment sg;
    memset(&sg, 0, sizeof sg);
    int rows_on_page = 0;
    for (size_t r = 1; r < t->rows && !st;) {
        size_t end = r + 1;
        while (end < t->rows && t->group[end] == t->group[r])
            end++;
        int has_category = t->merge_col != ZB_NONE;
        sg.merged = has_category && end - r > 1;
        sg.first = r;
        if (sg.merged && merged_need(t, r) > cap)
            sg.merged = 0;
        /* Where a row shows its own category, the row holds its text. */
        if (has_category && !sg.merged && merged_need(t, r) > t->h[r])
            t->h[r] = merged_need(t, r);
        if (sg.merged && rows_on_page > 0 && merged_need(t, r) > ZB_AREA_BOTTOM - t->y + 0.01) {
            st = next_page(t);
            rows_on_page = 0;
        }
        double top = t->y;
        for (size_t k = r; k < end && !st; k++) {
            double h = t->h[k];
            if (t->y + h <= ZB_AREA_BOTTOM + 0.01) {
                st = push_slice(t, &sg, k, 0, SIZE_MAX, h, 0);
                rows_on_page++;
                continue;
            }
            if (h <= cap + 0.01) {
                /* On the next page, the category repeated there. */
                if (rows_on_page > 0) {
                    st = flush(t, &sg, top);
                    if (!st)
                        st = next_page(t);
                    rows_on_page = 0;
                    top = t->y;
                }
                if (!st)
                    st = push_slice(t, &sg, k, 0, SIZE_MAX, h, 0);
                rows_on_page++;
                continue;
            }
            /* Taller than a page: its lines go on from page to page. */
            size_t total = row_lines(t, k, has_category && !sg.merged && k == sg.first);
            for (size_t from = 0; from < total && !st;) {
                double avail = ZB_AREA_BOTTOM - t->y - 2 * TABLE_PAD_Y;
                size_t fit = avail > 0 ? (size_t)floor(avail / t->lead + 1e-6) : 0;
                if (fit < 2 && rows_on_page > 0) {
                    st = flush(t, &sg, top);
                    if (!st)
                        st = next_page(t);
                    rows_on_page = 0;
                    top = t->y;
                    continue;
                }
                if (fit < 1)
                    fit = 1;
                size_t to = from + fit < total ? from + fit : total;
                st = push_slice(t, &sg, k, from, to, (double)(to - from) * t->lead + 2 * TABLE_PAD_Y, 1);
                rows_on_page++;
                from = to;
                if (!st && from < total) {
                    st = flush(t, &sg, top);
                    if (!st)
                        st = next_page(t);
                    rows_on_page = 0;
                    top = t->y;
                }
            }
        }
        if (!st)
            st = flush(t, &sg, top);
        r = end;
    }
    free(sg.s);
    if (!st)
        st = hline(t, t->y, t->edge[0], t->edge[t->ncols]);
    return st;
}

/* ---------------------------------------------------------------------------------- */
/* The entry points */

zb_status zb_table_new(zb_doc *doc, const zb_table_spec *spec, zb_table **out)
{
    *out = NULL;
    if (!spec->columns || spec->columns > COLS_MAX)
        return zb_error_set(doc->err, ZB_ERR_ARGUMENT, "a table of %zu columns", spec->columns);
    table *t = calloc(1, sizeof *t);
    if (!t)
        return zb_error_set(doc->err, ZB_ERR_NOMEM, "out of memory while laying out a table");
    t->doc = doc;
    t->size = spec->size > 0 ? spec->size : TABLE_SIZE;
    t->lead = t->size * (TABLE_LEAD / TABLE_SIZE);
    t->ncols = spec->columns;
    t->merge_col = spec->merge_col < spec->columns ? spec->merge_col : ZB_NONE;
    double x = ZB_AREA_LEFT;
    for (size_t c = 0; c < t->ncols; c++) {
        t->edge[c] = x;
        x += spec->fracs[c] * ZB_AREA_WIDTH;
        t->center[c] = spec->center ? spec->center[c] : 0;
    }
    t->edge[t->ncols] = ZB_AREA_RIGHT;
    *out = t;
    return ZB_OK;
}

zb_status zb_table_add(zb_table *t, const char *const *cells, const char *const *where,
                       unsigned strong, size_t group)
{
    return add_row(t, cells, t->rows == 0, strong, t->rows == 0 ? ZB_NONE : group, where);
}

zb_status zb_table_draw(zb_table *t, int *page, double *y)
{
    if (t->rows == 0)
        return ZB_OK;
    t->page = *page;
    t->y = *y;
    zb_status st = layout(t);
    *page = t->page;
    *y = t->y;
    return st;
}

void zb_table_free(zb_table *t)
{
    if (!t)
        return;
    table_free(t);
    free(t);
}
