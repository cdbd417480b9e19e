/* Tables in the type area: thin borders, text wrapped with the line breaker, the header row
 * repeated on every page, and a merged column (类别) split into one merged cell per page. */
#ifndef ZB_LAYOUT_TABLE_H
#define ZB_LAYOUT_TABLE_H

#include "layout/layout.h"

/* Columns as fractions of the type area's width; the first row added is the header,
 * repeated on every page; consecutive rows of one group share a merged cell in merge_col,
 * split into one per page. */
#define ZB_TABLE_COLS_MAX 14

typedef struct zb_table_spec {
    size_t columns;      /* 1..ZB_TABLE_COLS_MAX */
    const double *fracs; /* column widths, summing to 1 */
    const int *center;   /* nonzero: the column's text centred; NULL = none */
    size_t merge_col;    /* ZB_NONE = none */
    double size;         /* type size of the cells; 0 = 小四 (12 pt) */
} zb_table_spec;

typedef struct zb_table zb_table;

/* A new table laid out into doc; errors go to doc->err. */
zb_status zb_table_new(zb_doc *doc, const zb_table_spec *spec, zb_table **out);
/* Appends a row: a text per column (a line feed breaks the line), where each one is named in
 * messages, a bit per column set in the heading face (strong), the row's group. */
zb_status zb_table_add(zb_table *t, const char *const *cells, const char *const *where,
                       unsigned strong, size_t group);
/* Draws the rows from (*page, *y) down, onto new pages as needed; on return *page and *y
 * are where the table ends. */
zb_status zb_table_draw(zb_table *t, int *page, double *y);
void zb_table_free(zb_table *t);

#endif /* ZB_LAYOUT_TABLE_H */
