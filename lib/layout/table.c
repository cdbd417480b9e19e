/* Tables drawn in the type area: cells shaped and broken with the line breaker, thin
 * borders, the header repeated on every page, a merged column split per page. */
#include <math.h>
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

static int group_size_one(const table *t, size_t r)
{
    return (r == 1 || t->group[r - 1] != t->group[r]) &&
           (r + 1 >= t->rows || t->group[r + 1] != t->group[r]);
}

/* Draws the text of a cell in the box from x0 to x1, top to top + h. */
static zb_status draw_cell(table *t, const tcell *cell, int center, double x0, double x1,
                           double top, double h)
{
    double block = (double)cell->ln * t->lead;
    double y0 = top + (h - block) / 2;
    for (size_t i = 0; i < cell->ln; i++) {
        const zb_line *l = &t->lines.l[cell->l0 + i];
        if (l->end <= l->start)
            continue;
        const zb_glyph *g = t->g.g;
        double em_top = y0 + (double)i * t->lead + (t->lead - t->size) / 2;
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
        st = draw_cell(t, &t->cells[c], 1, t->edge[c], t->edge[c + 1], t->y, h);
    if (!st)
        st = vlines(t, t->y, h);
    t->y += h;
    return st;
}

/* Draws rows [s, e) placed from top, merged over the segment in the merged column. */
static zb_status draw_segment(table *t, size_t s, size_t e, double top)
{
    zb_status st = ZB_OK;
    int merged = t->merge_col != ZB_NONE && !group_size_one(t, s);
    double y = top;
    for (size_t r = s; r < e && !st; r++) {
        double h = t->h[r];
        if (r == s || !merged) {
            st = hline(t, y, t->edge[0], t->edge[t->ncols]);
        } else {
            if (t->merge_col > 0)
                st = hline(t, y, t->edge[0], t->edge[t->merge_col]);
            if (!st && t->merge_col + 1 < t->ncols + 1)
                st = hline(t, y, t->edge[t->merge_col + 1], t->edge[t->ncols]);
        }
        for (size_t c = 0; c < t->ncols && !st; c++) {
            if (merged && c == t->merge_col)
                continue;
            st = draw_cell(t, &t->cells[r * t->ncols + c], t->center[c], t->edge[c], t->edge[c + 1],
                           y, h);
        }
        if (!st)
            st = vlines(t, y, h);
        y += h;
    }
    if (!st && merged) {
        size_t c = t->merge_col;
        st = draw_cell(t, &t->cells[s * t->ncols + c], t->center[c], t->edge[c], t->edge[c + 1],
                       top, y - top);
    }
    return st;
}

/* Lays the rows out from (t->page, t->y), breaking pages where a row does not fit. */
static zb_status layout(table *t)
{
    zb_status st = draw_header(t);
    int rows_on_page = 0;
    for (size_t r = 1; r < t->rows && !st;) {
        size_t end = r + 1;
        while (end < t->rows && t->group[end] == t->group[r])
            end++;
        int one = end - r == 1;
        /* A single row shows its category like any other cell. */
        if (one && merged_need(t, r) > t->h[r])
            t->h[r] = merged_need(t, r);
        size_t s = r;
        double top = t->y;
        for (; r < end && !st; r++) {
            if (t->y + t->h[r] > ZB_AREA_BOTTOM + 0.01 && rows_on_page > 0) {
                if (r > s) {
                    /* The category's cell on this page must hold its text. */
                    double have = t->y - top, need = merged_need(t, s);
                    if (need > have) {
                        double grow = fmin(need - have, ZB_AREA_BOTTOM - t->y);
                        if (grow > 0) {
                            t->h[r - 1] += grow;
                            t->y += grow;
                        }
                    }
                    st = draw_segment(t, s, r, top);
                }
                if (!st)
                    st = hline(t, t->y, t->edge[0], t->edge[t->ncols]);
                t->page++;
                t->y = ZB_AREA_TOP;
                zb_doc_touch(t->doc, t->page);
                if (!st)
                    st = draw_header(t);
                rows_on_page = 0;
                s = r;
                top = t->y;
            }
            t->y += t->h[r];
            rows_on_page++;
        }
        if (!st && end - s > 1) {
            double have = t->y - top, need = merged_need(t, s);
            if (need > have) {
                double grow = fmin(need - have, ZB_AREA_BOTTOM - t->y);
                if (grow > 0) {
                    t->h[end - 1] += grow;
                    t->y += grow;
                }
            }
        }
        if (!st)
            st = draw_segment(t, s, end, top);
        r = end;
    }
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
