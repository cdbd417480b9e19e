/* What the CSV loaders (the indicator table in csv.c, the period actuals in actuals.c) share:
 * the encoding check, the delimiter, fields split line by line so that every row knows its line,
 * and the first failure with its message. Not installed. */
#ifndef ZB_CSV_INTERNAL_H
#define ZB_CSV_INTERNAL_H

#include <stddef.h>

#include "core/internal.h"
#include "zhibiao/plan.h"

/* Advice for the encodings Excel writes when asked for "CSV" or "Unicode text". */
#define ZB_CSV_SAVE_AS_UTF8 "save it as \"CSV UTF-8 (逗号分隔)(*.csv)\" and load it again"

typedef struct zb_csv_reader zb_csv_reader;

/* A reader over one input. Zero it, set name (and comments), then run zb_csv_read(). A loader
 * embeds it as the first member of its own context and casts back in on_row. */
struct zb_csv_reader {
    const char *name; /* what messages call the input */
    char delim;       /* 0 = detect from the first record that holds one */
    int comments;     /* skip lines whose first non-blank character is # (outside a quoted field) */
    /* Called for each row that has a non-empty cell, with cells, ncells and row_line set;
     * the cells last until the row is done: what is kept is copied. */
    void (*on_row)(zb_csv_reader *r);

    zb_status status; /* first failure; later rows are not read */
    char msg[ZB_ERROR_MESSAGE_MAX];

    char **cells; /* the row being read: its cells, trimmed (in row_text) */
    size_t ncells, cells_cap;
    zb_buf row_text;  /* the row's cells, each ended by a NUL */
    size_t *cell_at;  /* where each begins in row_text */
    size_t cell_at_cap;
    size_t row_line;   /* 1-based line the row starts on; 0 = no row begun */
    size_t row_offset; /* byte offset of the start of row_line */
};

/* Checks the encoding (a BOM skipped; UTF-16, NUL bytes, GBK and other invalid UTF-8 reported
 * with their line), picks the delimiter and reads every row. Returns r->status. */
zb_status zb_csv_read(zb_csv_reader *r, const char *text, size_t len);
/* Frees the cells of the reader (not the reader). */
void zb_csv_reader_free(zb_csv_reader *r);

/* Records the first failure; later ones are dropped. */
void zb_csv_fail(zb_csv_reader *r, zb_status code, const char *fmt, ...) ZB_PRINTF(3, 4);
void zb_csv_fail_nomem(zb_csv_reader *r);

/* A short, one-line excerpt of s for a message: at most 40 characters, controls as spaces.
 * buf should hold 192 bytes. */
const char *zb_csv_excerpt(const char *s, char *buf, size_t size);
/* Cuts a partial UTF-8 character off the end of a message that snprintf truncated. */
void zb_csv_trim_tail(char *s);
/* A header cell as matched: white space removed anywhere, ASCII lower-cased (malloc'd;
 * NULL when out of memory). */
char *zb_csv_header_key(const char *s);
/* Width in bytes of a white-space character at s (n bytes left), 0 if none. */
size_t zb_csv_space_width(const unsigned char *s, size_t n);

/* ---- the indicator table for other readers (the text importer) ---- */

/* What a header cell names, in the vocabulary of the indicator-table reader. */
enum {
    ZB_CSVH_UNKNOWN = -1,
    ZB_CSVH_EMPTY = 0,
    ZB_CSVH_SEQ,
    ZB_CSVH_CATEGORY,
    ZB_CSVH_NAME,
    ZB_CSVH_UNIT,
    ZB_CSVH_TARGET,
    ZB_CSVH_BASE,
    ZB_CSVH_ATTRIBUTE,
    ZB_CSVH_KIND,
    ZB_CSVH_DIRECTION,
    ZB_CSVH_WEIGHT,
    ZB_CSVH_RESPONSIBLE,
    ZB_CSVH_NOTE,
    ZB_CSVH_YEAR /* a bare `2025年`: a target or the base, as the other columns decide */
};

/* The column a header cell names (ZB_CSVH_*); *first, *last (may be NULL) the year or span
 * of a year column, else 0. */
int zb_csv_header_kind(const char *cell, int *first, int *last);

/* Reads a table another reader has split into rows of cells (the header row or rows first,
 * then the data rows; lines[r] is row r's line in the input called name) exactly as
 * zb_csv_load_string() reads a CSV, and moves it into plan, which must hold no indicators
 * or categories yet (::ZB_ERR_DUPLICATE). On error the plan's table is unchanged and
 * zb_errmsg(plan) names the row and the cell. */
zb_status zb_csv_load_rows(zb_plan *plan, const char *name, char *const *const *rows, const size_t *ncells,
                           const size_t *lines, size_t nrows);

#endif /* ZB_CSV_INTERNAL_H */
