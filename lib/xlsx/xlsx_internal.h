/* What the xlsx writers share: the workbook's safe life cycle, the formats of an official
 * table, the print setup, text measuring for row heights and sheet names. Not installed.
 *
 * The target table uses it now; the breakdown and progress workbooks will reuse it, so
 * nothing here knows about a particular table's columns. */
#ifndef ZB_XLSX_INTERNAL_H
#define ZB_XLSX_INTERNAL_H

#include <time.h>

#include <xlsxwriter.h>

#include "core/internal.h"

/* The standard face names of official documents (GB/T 9704); Excel and WPS substitute
 * what they have when a face is not installed. */
#define ZB_XLSX_FONT_BODY "仿宋_GB2312"
#define ZB_XLSX_FONT_HEADING "黑体"
#define ZB_XLSX_FONT_TITLE "方正小标宋简体"

/* Sizes in points: 二号 title, 三号 label, body and header. */
#define ZB_XLSX_SIZE_TITLE 22.0
#define ZB_XLSX_SIZE_LABEL 16.0
#define ZB_XLSX_SIZE_BODY 12.0

/* Excel's limits: row height and font size in points. */
#define ZB_XLSX_MAX_ROW_HEIGHT 409.0
#define ZB_XLSX_MAX_FONT_SIZE 409.0

/* Room for a sanitised sheet name: 31 UTF-16 units of at most 3 UTF-8 bytes each (a
 * surrogate pair is 4 bytes for 2 units), and the NUL. */
#define ZB_XLSX_SHEET_NAME_SIZE (31 * 3 + 1)

/* ---- small helpers shared by the writers ---- */

/* The longest font name a workbook keeps whole (libxlsxwriter's field, less its NUL). */
#define ZB_XLSX_FONT_NAME_MAX 127

/* An option's text: valid UTF-8 with no control character; a font name (what starts with
 * "font_") of at most ZB_XLSX_FONT_NAME_MAX bytes; no longer than a cell. ZB_ERR_ARGUMENT
 * naming options->what otherwise. */
zb_status zb_xlsx_check_text(const char *s, const char *what, zb_error *err);

/* An option's text, or the default when it is NULL or "". */
static inline const char *zb_xlsx_or(const char *s, const char *def)
{
    return s && *s ? s : def;
}

/* A getter's text, "" for NULL. */
static inline const char *zb_xlsx_safe(const char *s)
{
    return s ? s : "";
}

static inline int zb_xlsx_max_int(int a, int b)
{
    return a > b ? a : b;
}

/* ---- life cycle ---------------------------------------------------------------------- */

/* A workbook being written to a temporary file beside its destination. */
typedef struct zb_xlsx_book {
    zb_output out;
    lxw_workbook *wb;
    int in_row_order; /* opened with zb_xlsx_open_in_row_order() */
} zb_xlsx_book;

/* Reserves the temporary file and opens a workbook on it: cells may be written in any
 * order, strings go to the shared-string table. */
zb_status zb_xlsx_open(zb_xlsx_book *book, const char *path, const char *scratch_dir, zb_error *err);
/* The same in libxlsxwriter's constant_memory mode, for large tables: each row is written
 * out when a later one is begun, so cells (and row heights) go in row by row, a vertical
 * merge is declared at its last row over cells already written, and strings are stored in
 * their cells. Faster and far smaller in memory above a few hundred rows; the same cells. */
zb_status zb_xlsx_open_in_row_order(zb_xlsx_book *book, const char *path, const char *scratch_dir, zb_error *err);
/* Writes the workbook and renames it into place; on failure the destination is untouched
 * and the temporary file removed. The book is finished either way. Closes run in parallel
 * when zb_xlsx_core_is_ours(), one at a time otherwise. */
zb_status zb_xlsx_close(zb_xlsx_book *book, zb_error *err);
/* Nonzero when libxlsxwriter's packager writes docProps/core.xml with zhibiao's
 * lxw_core_assemble_xml_file (core_props.c), which does not use gmtime(): its relocation
 * slot for the function is read, nothing is changed. */
int zb_xlsx_core_is_ours(void);
/* Drops the workbook unwritten and removes the temporary file. Safe on a finished book. */
void zb_xlsx_discard(zb_xlsx_book *book);
/* Turns a libxlsxwriter error into ours: file and zip failures -> ZB_ERR_WRITE, malloc ->
 * ZB_ERR_NOMEM, anything else -> ZB_ERR_XLSX. what: the step that failed. */
zb_status zb_xlsx_error(zb_error *err, lxw_error e, const char *path, const char *what);

/* Document properties; NULL or "" leaves a field out. created must be set (libxlsxwriter
 * would use the clock for 0). */
zb_status zb_xlsx_set_properties(zb_xlsx_book *book, const char *title, const char *subject,
                                 const char *author, time_t created, zb_error *err);

/* ---- formats ------------------------------------------------------------------------- */

/* Faces and sizes of a table; every field must be set (see zb_xlsx_style_defaults). */
typedef struct zb_xlsx_style {
    const char *font_body;
    const char *font_heading;
    const char *font_title;
    double body_size;  /* body and header row */
    double title_size;
    double label_size;
} zb_xlsx_style;

/* The defaults above. */
void zb_xlsx_style_defaults(zb_xlsx_style *style);

/* The formats of an official table, created once per workbook and one per look (a format
 * per cell, or two equal ones, cost a lookup in libxlsxwriter's format table on every write). */
typedef struct zb_xlsx_formats {
    lxw_format *label;  /* 附件N: heading face, left, no border */
    lxw_format *title;  /* title: title face, centred, wrapped, no border */
    lxw_format *header; /* header row: heading face, centred, wrapped, thin borders */
    lxw_format *center; /* body text centred both ways, wrapped, thin borders */
    lxw_format *left;   /* body text left, vertically centred, wrapped, thin borders */
    lxw_format *number; /* body numbers: center itself (General number format) */
} zb_xlsx_formats;

/* A format in a Chinese face (family 3, charset 134: Excel and WPS substitute a Chinese
 * face when the named one is missing), vertically centred. */
lxw_format *zb_xlsx_new_format(lxw_workbook *wb, const char *font, double size);
/* A body-size cell format in font, centred and wrapped; with num_format (e.g. "0.0%") also
 * that number format and thin borders. NULL when out of memory. */
lxw_format *zb_xlsx_cell_format(zb_xlsx_book *book, const zb_xlsx_style *style, const char *font,
                                 const char *num_format);

zb_status zb_xlsx_formats_init(zb_xlsx_book *book, const zb_xlsx_style *style,
                               zb_xlsx_formats *fmt, zb_error *err);

/* ---- print setup --------------------------------------------------------------------- */

typedef struct zb_xlsx_page {
    int landscape;          /* 0: A4 portrait */
    lxw_row_t header_first; /* header rows: repeated on every page, panes frozen below */
    lxw_row_t header_last;
    const char *footer;     /* NULL: page number as "— N —", centred */
    int sheet_margins;      /* 0: the type area of GB/T 9704; nonzero: 19 mm / 25 mm */
} zb_xlsx_page;

/* The printable width and height of A4 in points with the margins of zb_xlsx_page_setup
 * (the type area: 156 × 225 mm upright, 225 × 156 mm on its side). */
void zb_xlsx_page_area(int landscape, int sheet_margins, double *width_pt, double *height_pt);
/* The column widths, in Excel character units, that n columns may share to fill that
 * width at 100 %. */
double zb_xlsx_page_units(int landscape, int sheet_margins, size_t n);

/* A4, margins for a 附件, fitted to one page wide, centred, header rows repeated, panes
 * frozen below them, footer. */
zb_status zb_xlsx_page_setup(zb_xlsx_book *book, lxw_worksheet *ws, const zb_xlsx_page *page,
                             zb_error *err);

/* Where pages will break, so that a group of rows (a merged 类别) is not split when it
 * fits on a page: the writer tells it each row's height; it records a manual break before
 * a group that would straddle a page. Row heights are the ones the writer sets, so the
 * simulation is exact up to the printer's rounding (hence a small reserve). */
typedef struct zb_xlsx_pager {
    double page_pt;   /* printable height in the sheet's points (unscaled) */
    double repeat_pt; /* height of the rows repeated on every page */
    double used;      /* height used on the current page */
    double top;       /* height used before the first body row of the current page */
    lxw_row_t *breaks; /* manual breaks so far (rows that start a page), 0-terminated */
    size_t count;
    size_t cap;
    int failed;       /* out of memory: no more breaks are recorded */
    int record;       /* every break is a manual one (zb_xlsx_pager_row_at was used) */
    /* What follows, when the writer knows it (else NULL): every body row's height and
     * whether it starts a group (a category's rows), and the first row after the group
     * zb_xlsx_pager_category is given. A group is not moved whole to the next page when
     * that, the rows after it paged the same way, would take a page more. */
    const double *ahead_h;
    const unsigned char *ahead_first;
    size_t ahead_n;
    size_t ahead_at;
} zb_xlsx_pager;

/* Printable height of A4 with zb_xlsx_page_setup's margins, for a sheet whose columns are
 * table_width_pt wide in all (fitting to the page width scales both). */
void zb_xlsx_pager_init(zb_xlsx_pager *p, int landscape, double table_width_pt);
/* The same with the margins chosen (zb_xlsx_page.sheet_margins). */
void zb_xlsx_pager_init_margins(zb_xlsx_pager *p, int landscape, int sheet_margins, double table_width_pt);
/* A row that may end up anywhere (label, title, header, a row outside any group). */
void zb_xlsx_pager_row(zb_xlsx_pager *p, double height);
/* The same for row `row`, the break before it made a manual one when it starts a page; from
 * then on a group's rows that flow get manual breaks too. A program that fits more on a
 * page (LibreOffice scales a sheet a little further than Excel) then breaks where this
 * one does, never leaving a heading at a page's foot. Rows must be told in order. */
void zb_xlsx_pager_row_at(zb_xlsx_pager *p, lxw_row_t row, double height);
/* Marks the end of the heading rows (the last of which is repeated, repeat_pt high): a
 * group is never moved off a page that holds nothing but them. */
void zb_xlsx_pager_body(zb_xlsx_pager *p, double repeat_pt);
/* Rows [first, first + n) that belong together, with their heights. */
void zb_xlsx_pager_group(zb_xlsx_pager *p, lxw_row_t first, const double *heights, size_t n);
/* The rows [first, first + n) of a category, whose merged cell needs need_pt: kept on one
 * page when moving them to the next leaves less than a third of this one empty and (when
 * p->ahead_h tells what follows) does not make the table a page longer; else they
 * go on where they are, split at a manual break where the page is full (never leaving the
 * category fewer than need_pt on a page, or a single row). The group-relative rows that
 * start a page go to splits (at most n - 1); returns their count. The writer merges the
 * category's cell per page. */
size_t zb_xlsx_pager_category(zb_xlsx_pager *p, lxw_row_t first, const double *heights, size_t n,
                              double need_pt, size_t *splits);
/* Hands the breaks to the worksheet (at most Excel's 1023) and frees them. */
zb_status zb_xlsx_pager_finish(zb_xlsx_pager *p, zb_xlsx_book *book, lxw_worksheet *ws,
                               zb_error *err);
/* Frees the breaks without using them. */
void zb_xlsx_pager_free(zb_xlsx_pager *p);

/* ---- measuring ----------------------------------------------------------------------- */

/* Width in points left for text in a column of `width` Excel character units. */
double zb_xlsx_column_text_pt(double width);
/* Width in points of columns [first, last] on the printed page (borders included). */
double zb_xlsx_span_pt(const double *widths, size_t first, size_t last);
/* Width in points left for text across columns [first, last] merged into one cell. */
double zb_xlsx_span_text_pt(const double *widths, size_t first, size_t last);
/* Lines that text takes when wrapped at width_pt in a font of font_pt points: full-width
 * characters are an em, others half; Latin words and numbers do not break; closing
 * punctuation never starts a line nor opening punctuation ends one; \n breaks. An empty
 * text takes one line. Invalid UTF-8 is measured byte by byte. */
int zb_xlsx_text_lines(const char *text, double width_pt, double font_pt);
/* zb_xlsx_text_lines(), and *lone set nonzero when the text wraps and its last line holds a
 * single character (with the marks that go with it): 目标 / 值. lone may be NULL. A width
 * that is not finite (an unwrapped cell) gives one line per \n. */
int zb_xlsx_text_wrap(const char *text, double width_pt, double font_pt, int *lone);
/* zb_xlsx_text_wrap by one of the measures zb_xlsx_text_lone looks at: 0 the one rows are
 * sized with, 1 Excel or WPS with the fonts named, 2 LibreOffice without them (width_pt is
 * then the room it gives). */
int zb_xlsx_text_wrap_in(const char *text, double width_pt, double font_pt, int measure, int *lone);
/* Nonzero when text leaves one character alone on its last line in a column of `width`
 * Excel units in any of the programs that print a sheet: by zb_xlsx_text_wrap's measure, in
 * Excel or WPS with the Chinese fonts named (Latin half an em, “ ” a full one), or in
 * LibreOffice without them (a column about 6 % wider for its text, DejaVu Sans for Latin). */
int zb_xlsx_text_lone(const char *text, double width, double font_pt);
/* Chooses the widths (Excel units, in whole pixels: sevenths of a unit) of ncols columns
 * sharing their sum, and what is left of room_pt (the page's width in points; 0: nothing
 * more), so that as few
 * texts as possible leave a character alone on their last line, then the rows are as low as
 * they can be: width moves between columns, none going below min[c]; a character alone
 * weighs weight[c] (NULL: 1 for all; less for a column of sentences, where a name's matters
 * more; 1 in the header row whatever the column) and is looked for in every program's lines
 * (zb_xlsx_text_lone) in the header and in columns of weight 1, by rows' measure alone in
 * the others. cells holds rows × ncols texts (NULL: none); the first
 * height_rows rows count for height, the others (a merged cell's text, which its writer
 * balances with zb_xlsx_balance_text) only lightly; the first row is the header, printed on
 * every page, so its lines weigh one more for every 25 rows. Only the first ZB_XLSX_FIT_ROWS
 * rows are looked at. */
void zb_xlsx_fit_widths(double *widths, const double *min, const double *weight, size_t ncols,
                        const char *const *cells, size_t rows, size_t height_rows, double font_pt,
                        double room_pt);
#define ZB_XLSX_FIT_ROWS 400
/* A merged label (a category) that wraps, as offices set it: broken with line feeds into the
 * same number of lines, as even as they can be (牵引性\n指标, 2023年发\n展目标), so that every
 * program shows the same lines whatever its margins. A new string (free()), or NULL when
 * the text takes one line, has line feeds already, or holds a word longer than a line. */
char *zb_xlsx_balance_text(const char *text, double width_pt, double font_pt);
/* Height in points of a row holding `lines` lines of font_pt text, capped at Excel's 409. */
double zb_xlsx_row_height(int lines, double font_pt);
/* Height of the tallest of a row's texts: the row height for the most lines. */
double zb_xlsx_text_height(const char *text, double width_pt, double font_pt);

/* ---- values -------------------------------------------------------------------------- */

/* Nonzero when text is a number that Excel's General format shows exactly as written
 * ("450", "6.5", "-3", "0.25"; not "6.50", "007", "1e3", "20%", "1,200", nor more than
 * 11 characters), with *value set. Locale-independent. */
int zb_xlsx_plain_number(const char *text, double *value);

/* Makes name a valid Excel sheet name into out (ZB_XLSX_SHEET_NAME_SIZE bytes): drops
 * control characters and []:*?/\, trims spaces and apostrophes at both ends, keeps at most
 * 31 UTF-16 units; an empty result, "History" or invalid UTF-8 gives fallback (which must
 * itself be valid). */
void zb_xlsx_sheet_name(const char *name, const char *fallback, char *out);

/* ---- grouping ------------------------------------------------------------------------ */

/* Numbers the distinct texts among keys[0..n) (NULL counts as "") in the order they first
 * appear: ids[i] receives the number of keys[i], *distinct how many there are. Linear in
 * n (a hash), for grouping thousands of rows by unit. 0 = ok, -1 = out of memory. */
int zb_xlsx_number_keys(const char *const *keys, size_t n, size_t *ids, size_t *distinct);

#endif /* ZB_XLSX_INTERNAL_H */
