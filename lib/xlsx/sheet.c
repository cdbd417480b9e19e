/* The pieces every xlsx writer shares: safe life cycle, formats, print setup, measuring. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/xlsx_internal.h"

/* ---- life cycle ---------------------------------------------------------------------- */

static zb_status open_book(zb_xlsx_book *book, const char *path, int in_row_order, const char *scratch_dir,
                           zb_error *err)
{
    memset(book, 0, sizeof *book);
    /* libxlsxwriter 1.1.4 writes each part of the workbook to a temporary file before
     * zipping them, and silently falls back from a folder it cannot use to TMPDIR, /tmp and
     * the current folder: the folder is chosen and checked here, and named when unusable. */
    const char *tmp;
    zb_status st = zb_scratch_dir(scratch_dir, "the scratch_dir option", &tmp, err);
    if (st)
        return st;
    st = zb_output_begin(&book->out, path, "xlsx", err);
    if (st)
        return st;
    lxw_workbook_options opt;
    memset(&opt, 0, sizeof opt);
    opt.constant_memory = in_row_order ? LXW_TRUE : LXW_FALSE;
    opt.tmpdir = (char *)tmp;
    book->in_row_order = in_row_order;
    book->wb = workbook_new_opt(book->out.tmp, &opt);
    if (!book->wb) {
        zb_output_abort(&book->out);
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory creating the workbook", path);
    }
    return ZB_OK;
}

zb_status zb_xlsx_open(zb_xlsx_book *book, const char *path, const char *scratch_dir, zb_error *err)
{
    return open_book(book, path, 0, scratch_dir, err);
}

zb_status zb_xlsx_open_in_row_order(zb_xlsx_book *book, const char *path, const char *scratch_dir, zb_error *err)
{
    return open_book(book, path, 1, scratch_dir, err);
}

/* libxlsxwriter formats the creation date with gmtime(), whose result lives in one buffer
 * shared by the whole process: two workbooks closing at once could swap dates. zhibiao
 * gives it a core.xml writer that does not (core_props.c); where that cannot be relied on,
 * closes are taken one at a time. This lock guards that library's hidden state; zhibiao
 * keeps none. */
static pthread_mutex_t close_lock = PTHREAD_MUTEX_INITIALIZER;

zb_status zb_xlsx_close(zb_xlsx_book *book, zb_error *err)
{
    /* workbook_close() frees the workbook whether or not it could write it. */
    int serial = !zb_xlsx_core_is_ours();
    errno = 0;
    if (serial)
        pthread_mutex_lock(&close_lock);
    lxw_error e = workbook_close(book->wb);
    if (serial)
        pthread_mutex_unlock(&close_lock);
    book->wb = NULL;
    if (e != LXW_NO_ERROR) {
        zb_status st = zb_xlsx_error(err, e, book->out.path, "writing the workbook");
        zb_output_abort(&book->out);
        return st;
    }
    return zb_output_commit(&book->out, err);
}

void zb_xlsx_discard(zb_xlsx_book *book)
{
    if (book->wb)
        lxw_workbook_free(book->wb);
    book->wb = NULL;
    zb_output_abort(&book->out);
}

zb_status zb_xlsx_check_text(const char *s, const char *what, zb_error *err)
{
    if (!s)
        return ZB_OK;
    size_t n = strlen(s);
    if (zb_utf8_check(s, n) != n)
        return zb_error_set(err, ZB_ERR_ARGUMENT, "options->%s is not valid UTF-8", what);
    uint32_t cp;
    if (zb_text_find_control(s, n, &cp) < n)
        return zb_error_set(err, ZB_ERR_ARGUMENT, "options->%s holds the control character U+%04X", what,
                            (unsigned)cp);
    /* libxlsxwriter would cut a longer font name, perhaps inside a character. */
    if (strncmp(what, "font_", 5) == 0 && n > ZB_XLSX_FONT_NAME_MAX)
        return zb_error_set(err, ZB_ERR_ARGUMENT,
                            "options->%s is %zu bytes long; a workbook keeps a font name of at most %d bytes", what,
                            n, ZB_XLSX_FONT_NAME_MAX);
    if (zb_utf8_length(s) > 32767)
        return zb_error_set(err, ZB_ERR_ARGUMENT, "options->%s is longer than the 32,767 characters a cell holds",
                            what);
    return ZB_OK;
}

zb_status zb_xlsx_error(zb_error *err, lxw_error e, const char *path, const char *what)
{
    int saved = errno;
    zb_status code;
    switch (e) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
        code = ZB_ERR_NOMEM;
        break;
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
        code = ZB_ERR_WRITE;
        break;
    default:
        code = ZB_ERR_XLSX;
        break;
    }
    if (code == ZB_ERR_WRITE && saved)
        return zb_error_set(err, code, "%s: cannot write: %s: libxlsxwriter error %d: %s (%s)",
                            path ? path : "", what, (int)e, lxw_strerror(e), strerror(saved));
    return zb_error_set(err, code, "%s: %s: libxlsxwriter error %d: %s", path ? path : "", what,
                        (int)e, lxw_strerror(e));
}

zb_status zb_xlsx_set_properties(zb_xlsx_book *book, const char *title, const char *subject,
                                 const char *author, time_t created, zb_error *err)
{
    lxw_doc_properties p;
    memset(&p, 0, sizeof p);
    /* libxlsxwriter copies the strings; its fields are not const. docProps/core.xml takes
     * them as XML text, where a control character has no escape at all: such characters
     * are left out (the writers refuse them in the plan; this is the last guard). */
    char *clean[3] = {NULL, NULL, NULL};
    const char *given[3] = {title, subject, author};
    for (int k = 0; k < 3; k++) {
        const char *t = given[k];
        if (!t || !*t)
            continue;
        size_t n = strlen(t);
        if (zb_text_find_control(t, n, NULL) == n)
            continue;
        zb_buf b = {0};
        for (size_t i = 0; i < n;) {
            size_t at = zb_text_find_control(t + i, n - i, NULL);
            zb_buf_add(&b, t + i, at);
            i += at;
            if (i < n) /* skip the character: 1, 2 or 3 bytes */
                i += (unsigned char)t[i] < 0x80 ? 1 : (unsigned char)t[i] == 0xC2 ? 2 : 3;
        }
        clean[k] = zb_buf_take(&b);
        if (!clean[k]) {
            free(clean[0]);
            free(clean[1]);
            return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", book->out.path);
        }
        given[k] = clean[k];
    }
    p.title = given[0] && *given[0] ? (char *)given[0] : NULL;
    p.subject = given[1] && *given[1] ? (char *)given[1] : NULL;
    p.author = given[2] && *given[2] ? (char *)given[2] : NULL;
    /* 0 means "now" to libxlsxwriter: keep the epoch itself off the clock. */
    p.created = created > 0 ? created : 1;
    lxw_error e = workbook_set_properties(book->wb, &p);
    for (int k = 0; k < 3; k++)
        free(clean[k]);
    if (e != LXW_NO_ERROR)
        return zb_xlsx_error(err, e, book->out.path, "setting the document properties");
    return ZB_OK;
}

/* ---- formats ------------------------------------------------------------------------- */

void zb_xlsx_style_defaults(zb_xlsx_style *style)
{
    style->font_body = ZB_XLSX_FONT_BODY;
    style->font_heading = ZB_XLSX_FONT_HEADING;
    style->font_title = ZB_XLSX_FONT_TITLE;
    style->body_size = ZB_XLSX_SIZE_BODY;
    style->title_size = ZB_XLSX_SIZE_TITLE;
    style->label_size = ZB_XLSX_SIZE_LABEL;
}

/* Family 3 (modern) and charset 134 (GB2312) are what Excel writes for Chinese faces; they
 * make Excel and WPS pick a Chinese substitute when the named face is missing. */
lxw_format *zb_xlsx_new_format(lxw_workbook *wb, const char *font, double size)
{
    lxw_format *f = workbook_add_format(wb);
    if (!f)
        return NULL;
    format_set_font_name(f, font);
    format_set_font_size(f, size);
    format_set_font_family(f, 3);
    format_set_font_charset(f, 134);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

lxw_format *zb_xlsx_cell_format(zb_xlsx_book *book, const zb_xlsx_style *style, const char *font,
                                 const char *num_format)
{
    lxw_format *f = zb_xlsx_new_format(book->wb, font, style->body_size);
    if (!f)
        return NULL;
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_text_wrap(f);
    if (num_format) {
        format_set_num_format(f, num_format);
        format_set_border(f, LXW_BORDER_THIN);
    }
    return f;
}

static void set_cell(lxw_format *f, uint8_t align)
{
    format_set_align(f, align);
    format_set_text_wrap(f);
    format_set_border(f, LXW_BORDER_THIN);
}

zb_status zb_xlsx_formats_init(zb_xlsx_book *book, const zb_xlsx_style *style,
                               zb_xlsx_formats *fmt, zb_error *err)
{
    lxw_workbook *wb = book->wb;
    fmt->label = zb_xlsx_new_format(wb, style->font_heading, style->label_size);
    fmt->title = zb_xlsx_new_format(wb, style->font_title, style->title_size);
    fmt->header = zb_xlsx_new_format(wb, style->font_heading, style->body_size);
    fmt->center = zb_xlsx_new_format(wb, style->font_body, style->body_size);
    fmt->left = zb_xlsx_new_format(wb, style->font_body, style->body_size);
    /* One format per look: a number looks like the text beside it. libxlsxwriter finds the
     * style of a second, equal format by hashing it on every cell written with it. */
    fmt->number = fmt->center;
    if (!fmt->label || !fmt->title || !fmt->header || !fmt->center || !fmt->left)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory creating cell formats",
                            book->out.path);
    format_set_align(fmt->label, LXW_ALIGN_LEFT);
    format_set_align(fmt->title, LXW_ALIGN_CENTER);
    format_set_text_wrap(fmt->title);
    set_cell(fmt->header, LXW_ALIGN_CENTER);
    set_cell(fmt->center, LXW_ALIGN_CENTER);
    set_cell(fmt->left, LXW_ALIGN_LEFT);
    return ZB_OK;
}

/* ---- print setup --------------------------------------------------------------------- */

/* A sheet's own margins, in inches: 19 mm at the sides, 25 mm top and bottom with room for
 * the footer. */
#define MARGIN_SIDE_IN 0.75
#define MARGIN_TOP_IN 1.0
#define MARGIN_BOTTOM_IN 1.0
#define MM_IN (1 / 25.4)
/* A4 in points. */
#define A4_WIDTH_PT (210.0 / 25.4 * 72.0)
#define A4_HEIGHT_PT (297.0 / 25.4 * 72.0)
/* What a printer may take off a page by rounding row heights to its dots. */
#define PAGE_RESERVE_PT 4.0

/* The margins in inches: left, right, top, bottom, and the footer's. A 附件 prints in the
 * type area of the document it is attached to (GB/T 9704 §5.2.1: 37 mm top, 35 mm bottom,
 * 28 mm on the binding side, 26 mm on the other; on its side the page keeps the type area
 * where it is on the sheet, 225 × 156 mm, the table's head towards the binding, §8), its
 * page number 7 mm below the type area (§7.5). */
static void margins(int landscape, int sheet, double m[5])
{
    if (sheet) {
        m[0] = m[1] = MARGIN_SIDE_IN;
        m[2] = MARGIN_TOP_IN;
        m[3] = MARGIN_BOTTOM_IN;
        m[4] = 0.3; /* Excel's own */
    } else if (landscape) {
        m[0] = 37 * MM_IN, m[1] = 35 * MM_IN, m[2] = 28 * MM_IN, m[3] = 26 * MM_IN;
        m[4] = (26 - 7 - 5) * MM_IN; /* a 四号 line's bottom 5 mm below its top */
    } else {
        m[0] = 28 * MM_IN, m[1] = 26 * MM_IN, m[2] = 37 * MM_IN, m[3] = 35 * MM_IN;
        m[4] = (35 - 7 - 5) * MM_IN;
    }
}

void zb_xlsx_page_area(int landscape, int sheet_margins, double *width_pt, double *height_pt)
{
    double m[5];
    margins(landscape, sheet_margins, m);
    if (width_pt)
        *width_pt = (landscape ? A4_HEIGHT_PT : A4_WIDTH_PT) - (m[0] + m[1]) * 72.0;
    if (height_pt)
        *height_pt = (landscape ? A4_WIDTH_PT : A4_HEIGHT_PT) - (m[2] + m[3]) * 72.0;
}

double zb_xlsx_page_units(int landscape, int sheet_margins, size_t n)
{
    double w;
    zb_xlsx_page_area(landscape, sheet_margins, &w, NULL);
    /* A column of w units is 7w + 5 pixels of 0.75 pt. */
    return floor((w / 0.75 - 5.0 * (double)n) / 7.0);
}

zb_status zb_xlsx_page_setup(zb_xlsx_book *book, lxw_worksheet *ws, const zb_xlsx_page *page,
                             zb_error *err)
{
    worksheet_set_paper(ws, 9); /* A4 */
    if (page->landscape)
        worksheet_set_landscape(ws);
    else
        worksheet_set_portrait(ws);
    double m[5];
    margins(page->landscape, page->sheet_margins, m);
    worksheet_set_margins(ws, m[0], m[1], m[2], m[3]);
    worksheet_center_horizontally(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    /* Page numbers as GB/T 9704 writes them: — 1 —. */
    lxw_header_footer_options fo;
    memset(&fo, 0, sizeof fo);
    fo.margin = m[4];
    lxw_error e = worksheet_set_footer_opt(ws, page->footer ? page->footer : "&C— &P —", &fo);
    if (e == LXW_NO_ERROR)
        e = worksheet_repeat_rows(ws, page->header_first, page->header_last);
    if (e != LXW_NO_ERROR)
        return zb_xlsx_error(err, e, book->out.path, "setting up the printed page");
    worksheet_freeze_panes(ws, page->header_last + 1, 0);
    return ZB_OK;
}

void zb_xlsx_pager_init(zb_xlsx_pager *p, int landscape, double table_width_pt)
{
    zb_xlsx_pager_init_margins(p, landscape, 1, table_width_pt);
}

void zb_xlsx_pager_init_margins(zb_xlsx_pager *p, int landscape, int sheet_margins, double table_width_pt)
{
    memset(p, 0, sizeof *p);
    double w, h;
    zb_xlsx_page_area(landscape, sheet_margins, &w, &h);
    /* Fitting to one page wide shrinks rows as much as columns. */
    double scale = table_width_pt > w ? w / table_width_pt : 1.0;
    p->page_pt = h / scale - PAGE_RESERVE_PT;
}

void zb_xlsx_pager_row(zb_xlsx_pager *p, double height)
{
    /* An automatic break: the next page starts with the repeated header. */
    if (p->used > 0 && p->used + height > p->page_pt)
        p->used = p->top = p->repeat_pt;
    p->used += height;
}

static void add_break(zb_xlsx_pager *p, lxw_row_t row);

void zb_xlsx_pager_row_at(zb_xlsx_pager *p, lxw_row_t row, double height)
{
    /* The break the program would make, made here: one that fits more on a page (a
     * program that scales the page a little further, as LibreOffice does) breaks where
     * this one does. */
    p->record = 1;
    if (p->used > 0 && p->used + height > p->page_pt) {
        add_break(p, row);
        p->used = p->top = p->repeat_pt;
    }
    p->used += height;
}

void zb_xlsx_pager_body(zb_xlsx_pager *p, double repeat_pt)
{
    p->repeat_pt = repeat_pt;
    p->top = p->used;
}

static void add_break(zb_xlsx_pager *p, lxw_row_t row)
{
    if (p->failed || p->count >= LXW_BREAKS_MAX)
        return;
    if (zb_grow((void **)&p->breaks, &p->cap, p->count + 2, sizeof *p->breaks)) {
        p->failed = 1;
        return;
    }
    p->breaks[p->count++] = row;
    p->breaks[p->count] = 0;
}

void zb_xlsx_pager_group(zb_xlsx_pager *p, lxw_row_t first, const double *heights, size_t n)
{
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += heights[i];
    if (p->used + total > p->page_pt && p->repeat_pt + total <= p->page_pt && p->used > p->top) {
        add_break(p, first);
        p->top = p->repeat_pt;
        p->used = p->repeat_pt + total;
        return;
    }
    for (size_t i = 0; i < n; i++) { /* fits, or taller than any page: it flows */
        if (p->record)
            zb_xlsx_pager_row_at(p, first + (lxw_row_t)i, heights[i]);
        else
            zb_xlsx_pager_row(p, heights[i]);
    }
}

/* Pages the rows [from, from + AHEAD_ROWS) of p->ahead_h start, from a page with used of
 * it used (top of it before its first body row), the way the pager does: a group moved
 * whole when that leaves less than a third of a page empty, else rows where they fit.
 * Returns the pages begun. */
#define AHEAD_ROWS 300
static int simulate(const zb_xlsx_pager *p, double used, double top, size_t from)
{
    size_t end = p->ahead_n - from > AHEAD_ROWS ? from + AHEAD_ROWS : p->ahead_n;
    int pages = 0;
    for (size_t i = from; i < end;) {
        size_t j = i + 1;
        while (j < end && !p->ahead_first[j])
            j++;
        double total = 0;
        for (size_t k = i; k < j; k++)
            total += p->ahead_h[k];
        if (j - i > 1 && used + total > p->page_pt && used > top && p->page_pt - used < p->page_pt / 3 &&
            p->repeat_pt + total <= p->page_pt) {
            pages++;
            used = p->repeat_pt + total;
            top = p->repeat_pt;
        } else {
            for (size_t k = i; k < j; k++) {
                if (used + p->ahead_h[k] > p->page_pt && used > top) {
                    pages++;
                    used = top = p->repeat_pt;
                }
                used += p->ahead_h[k];
            }
        }
        i = j;
    }
    return pages;
}

/* Whether starting the group (heights[0..n)) on the next page rather than here takes a page
 * more, the rows after it (p->ahead_h) paged the same way. */
static int moving_adds_a_page(const zb_xlsx_pager *p, const double *heights, size_t n, double total)
{
    if (!p->ahead_h || !p->ahead_first || p->ahead_at > p->ahead_n)
        return 0;
    int moved = 1 + simulate(p, p->repeat_pt + total, p->repeat_pt, p->ahead_at);
    int here = 0;
    double used = p->used, top = p->top;
    for (size_t k = 0; k < n; k++) {
        if (used + heights[k] > p->page_pt && used > top) {
            here++;
            used = top = p->repeat_pt;
        }
        used += heights[k];
    }
    here += simulate(p, used, top, p->ahead_at);
    return moved > here;
}

size_t zb_xlsx_pager_category(zb_xlsx_pager *p, lxw_row_t first, const double *heights, size_t n,
                              double need_pt, size_t *splits)
{
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += heights[i];
    if (p->used + total > p->page_pt && p->used > p->top && p->page_pt - p->used < p->page_pt / 3 &&
        p->repeat_pt + total <= p->page_pt && !moving_adds_a_page(p, heights, n, total)) {
        /* Keeping it whole costs less than a third of a page: it starts the next page. */
        add_break(p, first);
        p->top = p->repeat_pt;
        p->used = p->repeat_pt + total;
        return 0;
    }
    /* Else it goes on here, a manual break where a page is full: each page's part two rows
     * at least (or the whole group) and tall enough for the category's text, the group's
     * last row never alone on a page. */
    size_t count = 0, start = 0;
    int moved = 0;
    for (size_t i = 0; i < n; i++) {
        if (p->used + heights[i] > p->page_pt && p->used > p->top) {
            size_t at = i;
            if (n - at == 1 && at - start >= 3)
                at--;
            double have = 0;
            for (size_t k = start; k < at; k++)
                have += heights[k];
            if (start == 0 && !moved && (at < 2 || have < need_pt - 0.01)) {
                /* Too little of it would stay here: the whole group to the next page. */
                add_break(p, first);
                at = 0;
                moved = 1;
            } else {
                add_break(p, first + (lxw_row_t)at);
                splits[count++] = at;
            }
            p->top = p->repeat_pt;
            p->used = p->repeat_pt;
            for (size_t k = at; k < i; k++)
                p->used += heights[k];
            start = at;
        }
        p->used += heights[i];
    }
    return count;
}

zb_status zb_xlsx_pager_finish(zb_xlsx_pager *p, zb_xlsx_book *book, lxw_worksheet *ws,
                               zb_error *err)
{
    lxw_error e = LXW_NO_ERROR;
    if (p->count > 0)
        e = worksheet_set_h_pagebreaks(ws, p->breaks); /* copies the list */
    zb_xlsx_pager_free(p);
    if (e != LXW_NO_ERROR)
        return zb_xlsx_error(err, e, book->out.path, "setting the page breaks");
    return ZB_OK;
}

void zb_xlsx_pager_free(zb_xlsx_pager *p)
{
    free(p->breaks);
    p->breaks = NULL;
    p->count = p->cap = 0;
}

/* ---- measuring ----------------------------------------------------------------------- */

/* Excel sizes columns in characters of the default font (Calibri 11: 7 px a digit, 5 px
 * of padding) and leaves about 3 px of margin on each side of a cell's text; 96 px to
 * the inch makes a pixel 0.75 pt. */
#define PX_PER_CHAR 7.0
#define COLUMN_PADDING_PX 5.0
#define TEXT_MARGIN_PX 6.0
#define PT_PER_PX 0.75
/* A line of CJK text in Excel, WPS and LibreOffice takes about 1.3 em; the padding keeps
 * the text off the borders. */
#define LINE_SPACING 1.3
#define ROW_PADDING_PT 6.0

static double column_px(double width)
{
    return width < 1.0 ? width * (PX_PER_CHAR + COLUMN_PADDING_PX)
                       : floor(width * PX_PER_CHAR + COLUMN_PADDING_PX + 0.5);
}

double zb_xlsx_column_text_pt(double width)
{
    double px = column_px(width) - TEXT_MARGIN_PX;
    return px > 0 ? px * PT_PER_PX : 0;
}

double zb_xlsx_span_pt(const double *widths, size_t first, size_t last)
{
    double px = 0;
    for (size_t c = first; c <= last; c++)
        px += column_px(widths[c]);
    return px * PT_PER_PX;
}

double zb_xlsx_span_text_pt(const double *widths, size_t first, size_t last)
{
    double px = 0;
    for (size_t c = first; c <= last; c++)
        px += column_px(widths[c]);
    px -= TEXT_MARGIN_PX;
    return px > 0 ? px * PT_PER_PX : 0;
}

/* Decodes one code point without reading past a truncated or invalid sequence: such a
 * byte stands for itself (U+FFFD, one byte). */
static uint32_t next_cp(const unsigned char *s, size_t *n)
{
    unsigned c = s[0];
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, cp = c & 0x07;
    else
        goto bad;
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80) /* also stops at the NUL */
            goto bad;
        cp = (cp << 6) | (s[k] & 0x3F);
    }
    *n = len;
    return cp;
bad:
    *n = 1;
    return 0xFFFD;
}

/* Widths in hundredths of an em: full-width characters are an em. The programs that print a
 * sheet set the rest differently, so a text is measured three ways:
 * - rows are sized with Latin letters and digits at 0.65 em, more than a Chinese font's (0.5)
 *   and Calibri's (0.51), so that a text the measure puts on one line stays on one line
 *   where the font named is missing and the digits are set in a wider one; a row may be a
 *   line taller than it needs, text is never cut off;
 * - Excel and WPS with the Chinese fonts named set Latin at half an em and “ ” ‘ ’ at a
 *   full one;
 * - LibreOffice without them (Latin from DejaVu Sans, Chinese from WenQuanYi Zen Hei, as
 *   measured on its PDFs) gives a column about 6 % more room (LO_PT_PER_PX) and sets digits
 *   at 0.633 em, “ ” at 0.517, ( ) at 0.392, % at 0.95.
 * A character alone on a line is looked for in all three. */
#define W_EM 100
typedef struct metrics {
    int latin, space, paren, percent, quote;
} metrics;
static const metrics M_SIZE = {65, 50, 65, 65, W_EM};
static const metrics M_NAMED = {50, 50, 50, 50, W_EM};
static const metrics M_FALLBACK = {64, 32, 40, 95, 52};
/* LibreOffice's room for text in a column of px Excel pixels (12 pt text; fitted to its PDFs
 * over widths of 4 to 40 units). */
#define LO_PT_PER_PX 0.793
#define LO_MARGIN_PT 2.0

static int cp_width(uint32_t cp, const metrics *m)
{
    if (cp < 0x80)
        return cp == ' '   ? m->space
               : cp == '(' || cp == ')' || cp == '[' || cp == ']' || cp == '{' || cp == '}' ? m->paren
               : cp == '%' ? m->percent
                           : m->latin;
    if (cp >= 0x4E00 && cp <= 0x9FFF)
        return W_EM;
    if (cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019)
        return m->quote;
    return zb_is_cjk(cp) ? W_EM : m->latin;
}

/* Characters that may not start a line (GB/T 15834). */
static int no_line_start(uint32_t cp)
{
    switch (cp) {
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1B: case 0xFF1A: case 0xFF1F:
    case 0xFF01: case 0x201D: case 0x2019: case 0xFF09: case 0x3015: case 0x3011: case 0x300B:
    case 0x300D: case 0x300F: case 0x3009: case 0x3017: case 0xFF05: case 0x2030: case 0x2103:
    case 0x00B7: case 0x30FB:
        return 1;
    default:
        return 0;
    }
}

/* Characters that may not end a line. */
static int no_line_end(uint32_t cp)
{
    switch (cp) {
    case 0x201C: case 0x2018: case 0xFF08: case 0x3014: case 0x3010: case 0x300A: case 0x300C:
    case 0x300E: case 0x3008: case 0x3016:
        return 1;
    default:
        return 0;
    }
}

/* How a character takes part in line breaking. */
enum {
    K_END,   /* the NUL */
    K_NL,    /* a hard line break */
    K_SPACE, /* a break opportunity */
    K_WORD,  /* Latin letters and digits: no break inside a run */
    K_CHAR,  /* a break before and after (ideographs) */
    K_OPEN,  /* never ends a line */
    K_CLOSE, /* never starts a line */
    K_DASH   /* — and …: a run is never split */
};

/* The character under the cursor, decoded once. */
typedef struct cursor {
    const unsigned char *s;
    size_t n;
    uint32_t cp;
    int cls;
    int width;
    const metrics *m;
} cursor;

static void classify(cursor *c)
{
    unsigned ch = c->s[0];
    if (ch < 0x80) {
        c->n = 1;
        c->cp = ch;
        c->width = cp_width(ch, c->m);
        switch (ch) {
        case 0: c->cls = K_END; break;
        case '\n': c->cls = K_NL; break;
        case ' ': case '\t': case '\r': c->cls = K_SPACE; break;
        case '(': case '[': case '{': c->cls = K_OPEN; break;
        case ')': case ']': case '}': case ',': case '.': case ';': case ':': case '!': case '?':
        case '%':
            c->cls = K_CLOSE;
            break;
        default: c->cls = ch > 0x20 && ch < 0x7F ? K_WORD : K_CHAR; break;
        }
        return;
    }
    uint32_t cp = next_cp(c->s, &c->n);
    c->cp = cp;
    if (cp >= 0x4E00 && cp <= 0x9FFF) { /* most of any Chinese text */
        c->width = W_EM;
        c->cls = K_CHAR;
        return;
    }
    c->width = cp_width(cp, c->m);
    c->cls = no_line_start(cp) ? K_CLOSE
             : no_line_end(cp) ? K_OPEN
             : cp == 0x2014 || cp == 0x2026 ? K_DASH
                                            : K_CHAR;
}

static void advance(cursor *c)
{
    c->s += c->n;
    classify(c);
}

/* A text cut once into the clusters a line breaks between (opening marks, then a word, a
 * run of — or …, or one character, then closing marks; a space; a line feed), each with its
 * width in the three measures, so that it is wrapped at any width without being decoded
 * again. */
enum { P_CLUSTER, P_SPACE, P_NL };
#define MEASURES 3
static const metrics *const measures[MEASURES] = {&M_SIZE, &M_NAMED, &M_FALLBACK};

typedef struct mpiece {
    int w[MEASURES];
    unsigned char kind;
    unsigned char chars; /* the characters it holds, marks aside: 0, 1, or 2 for more */
    unsigned char wide;  /* it is one full-width character */
} mpiece;

typedef struct mtext {
    mpiece *p;
    size_t n, cap;
    int percent;     /* holds a % (wider in DejaVu Sans than the measure rows are sized with) */
    int owned;       /* p was allocated here */
} mtext;

static void mtext_free(mtext *t)
{
    if (t->owned)
        free(t->p);
    t->p = NULL;
    t->n = t->cap = 0;
}

static void add_width(mpiece *p, uint32_t cp, int nm)
{
    if (cp >= 0x4E00 && cp <= 0x9FFF) { /* most of any Chinese text */
        for (int k = 0; k < nm; k++)
            p->w[k] += W_EM;
        return;
    }
    for (int k = 0; k < nm; k++)
        p->w[k] += cp_width(cp, measures[k]);
}

/* Cuts text into t, whose p may hold t->cap pieces already (a caller's buffer); more are
 * allocated. The widths of the first nm measures are set. 0, or -1 when out of memory. */
static int measure_text(const char *text, mtext *t, int nm)
{
    t->n = 0;
    t->percent = 0;
    cursor c;
    c.s = (const unsigned char *)text;
    c.m = &M_SIZE;
    classify(&c);
    while (c.cls != K_END) {
        if (t->n == t->cap) {
            size_t cap = t->cap ? t->cap * 2 : 16;
            mpiece *p = t->owned ? realloc(t->p, cap * sizeof *p) : malloc(cap * sizeof *p);
            if (!p)
                return -1;
            if (!t->owned && t->n)
                memcpy(p, t->p, t->n * sizeof *p);
            t->p = p;
            t->cap = cap;
            t->owned = 1;
        }
        mpiece *p = &t->p[t->n++];
        p->w[0] = p->w[1] = p->w[2] = 0;
        p->chars = p->wide = 0;
        if (c.cls == K_NL || c.cls == K_SPACE) {
            p->kind = c.cls == K_NL ? P_NL : P_SPACE;
            add_width(p, c.cp, nm);
            advance(&c);
            continue;
        }
        p->kind = P_CLUSTER;
        int chars = 0;
        while (c.cls == K_OPEN) {
            add_width(p, c.cp, nm);
            advance(&c);
        }
        if (c.cls == K_WORD) {
            /* Latin punctuation inside a word (1,200  3.5  20%) does not break it. */
            while (c.cls == K_WORD || (c.cls == K_CLOSE && c.cp < 0x80)) {
                t->percent |= c.cp == '%';
                add_width(p, c.cp, nm);
                chars += c.cls == K_WORD;
                advance(&c);
            }
        } else if (c.cls == K_DASH) {
            uint32_t run = c.cp;
            while (c.cls == K_DASH && c.cp == run) {
                for (int k = 0; k < nm; k++)
                    p->w[k] += W_EM;
                chars++;
                advance(&c);
            }
        } else if (c.cls != K_END && c.cls != K_NL && c.cls != K_SPACE) {
            chars = c.cls == K_CHAR; /* a mark (the % of (%)) is not a character of the text */
            p->wide = (unsigned char)zb_is_cjk(c.cp);
            add_width(p, c.cp, nm);
            advance(&c);
        }
        while (c.cls == K_CLOSE) {
            t->percent |= c.cp == '%';
            add_width(p, c.cp, nm);
            advance(&c);
        }
        p->chars = (unsigned char)(chars > 2 ? 2 : chars);
    }
    return 0;
}

/* Whole hundredths of an em in a line width_pt wide; at least one full-width character so
 * that wrapping ends. An unwrapped cell (no width) breaks at its line feeds only. */
static long line_units(double width_pt, double font_pt)
{
    long units = width_pt < 1e9 ? (long)floor(width_pt / (font_pt / W_EM) + 1e-9) : 1L << 40;
    return units < W_EM ? W_EM : units;
}

/* The lines of t in lines of `units` by measure k; *lone (may be NULL) as zb_xlsx_text_wrap
 * says. A line breaks only between clusters; a space where it breaks is swallowed; a word
 * longer than a line is broken anywhere. */
static int wrap_measured(const mtext *t, long units, int k, int *lone)
{
    int lines = 1;
    long used = 0;
    int content = 0, wide = 0; /* characters on the last line (marks aside); the last one's width */
    for (size_t i = 0; i < t->n; i++) {
        const mpiece *p = &t->p[i];
        if (p->kind == P_NL) {
            lines++;
            used = 0;
            content = wide = 0;
            continue;
        }
        long w = p->w[k];
        if (p->kind == P_SPACE) {
            if (used + w <= units)
                used += w;
            continue;
        }
        int chars = p->chars;
        if (used > 0 && used + w > units) {
            lines++;
            used = 0;
            content = wide = 0;
        }
        while (w > units) {
            lines++;
            w -= units;
            content = 0;
            chars = 2; /* the end of a word: not a character alone */
        }
        used += w;
        if (chars) {
            content += chars;
            wide = p->wide && chars == 1;
        }
        if (lines > 10000) /* no row is that tall; stop counting */
            break;
    }
    if (lone)
        *lone = lines > 1 && content == 1 && wide;
    return lines;
}

#define MTEXT_STACK 96

static int wrap(const char *text, double width_pt, double font_pt, int k, int *lone)
{
    if (lone)
        *lone = 0;
    if (!text || font_pt <= 0)
        return 1;
    mpiece buf[MTEXT_STACK];
    mtext t = {buf, 0, MTEXT_STACK, 0, 0};
    int lines = 1;
    if (measure_text(text, &t, k + 1) == 0)
        lines = wrap_measured(&t, line_units(width_pt, font_pt), k, lone);
    mtext_free(&t);
    return lines;
}

/* zb_xlsx_text_wrap's measure in one pass over the text, for the writers' one look at a
 * cell (wrap_measured gives the same lines: test_xlsx compares them). */
static int wrap_direct(const char *text, double width_pt, double font_pt, int *lone)
{
    if (lone)
        *lone = 0;
    if (!text || font_pt <= 0)
        return 1;
    long units = line_units(width_pt, font_pt);
    cursor c;
    c.s = (const unsigned char *)text;
    c.m = &M_SIZE;
    classify(&c);
    int lines = 1;
    long used = 0;
    int content = 0, wide = 0; /* characters on the last line (marks aside); the last one's width */
    while (c.cls != K_END) {
        if (c.cls == K_NL) {
            lines++;
            used = 0;
            content = wide = 0;
            advance(&c);
            continue;
        }
        if (c.cls == K_SPACE) {
            if (used + c.width <= units)
                used += c.width; /* a space where the line breaks is swallowed */
            advance(&c);
            continue;
        }
        /* One cluster: opening marks, then a word, a run of — or …, or one character,
         * then closing marks; a line breaks only between clusters. */
        long w = 0;
        int chars = 0, last_wide = 0; /* the cluster's characters, marks aside */
        while (c.cls == K_OPEN) {
            w += c.width;
            advance(&c);
        }
        if (c.cls == K_WORD) {
            /* Latin punctuation inside a word (1,200  3.5  20%) does not break it. */
            while (c.cls == K_WORD || (c.cls == K_CLOSE && c.cp < 0x80)) {
                w += c.width;
                chars += c.cls == K_WORD;
                advance(&c);
            }
        } else if (c.cls == K_DASH) {
            uint32_t run = c.cp;
            while (c.cls == K_DASH && c.cp == run) {
                w += W_EM;
                chars++;
                advance(&c);
            }
        } else if (c.cls != K_END && c.cls != K_NL && c.cls != K_SPACE) {
            chars = c.cls == K_CHAR; /* a mark (the % of (%)) is not a character of the text */
            last_wide = zb_is_cjk(c.cp);
            w += c.width;
            advance(&c);
        }
        while (c.cls == K_CLOSE) {
            w += c.width;
            advance(&c);
        }
        if (used > 0 && used + w > units) {
            lines++;
            used = 0;
            content = wide = 0;
        }
        while (w > units) { /* a word longer than a line is broken anywhere */
            lines++;
            w -= units;
            content = 0;
            chars = 2; /* the end of a word: not a character alone */
        }
        used += w;
        if (chars) {
            content += chars;
            wide = last_wide;
        }
        if (lines > 10000) /* no row is that tall; stop counting */
            break;
    }
    if (lone)
        *lone = lines > 1 && content == 1 && wide;
    return lines;
}

int zb_xlsx_text_wrap(const char *text, double width_pt, double font_pt, int *lone)
{
    return wrap_direct(text, width_pt, font_pt, lone);
}

int zb_xlsx_text_lines(const char *text, double width_pt, double font_pt)
{
    return wrap_direct(text, width_pt, font_pt, NULL);
}

int zb_xlsx_text_wrap_in(const char *text, double width_pt, double font_pt, int measure, int *lone)
{
    if (measure < 0 || measure >= MEASURES)
        measure = 0;
    return wrap(text, width_pt, font_pt, measure, lone);
}

/* Whether t, which takes `lines` lines by the measure rows are sized with in a column of
 * `width` units, leaves a character alone in Excel or WPS with the fonts named, or in
 * LibreOffice without them. */
static int lone_elsewhere(const mtext *t, int lines, double width, double font_pt)
{
    /* They set Latin no wider and have no less room, so a text of one line here is one line
     * there too, unless it holds a % (wider in DejaVu Sans). */
    if (lines < 2 && !t->percent)
        return 0;
    int lone = 0;
    wrap_measured(t, line_units(zb_xlsx_column_text_pt(width), font_pt), 1, &lone);
    if (!lone) {
        double lo = LO_PT_PER_PX * column_px(width) - LO_MARGIN_PT;
        wrap_measured(t, line_units(lo > 0 ? lo : 0, font_pt), 2, &lone);
    }
    return lone;
}

int zb_xlsx_text_lone(const char *text, double width, double font_pt)
{
    if (!text || font_pt <= 0)
        return 0;
    mpiece buf[MTEXT_STACK];
    mtext t = {buf, 0, MTEXT_STACK, 0, 0};
    int lone = 0;
    if (measure_text(text, &t, MEASURES) == 0) {
        int lines = wrap_measured(&t, line_units(zb_xlsx_column_text_pt(width), font_pt), 0, &lone);
        lone = lone || lone_elsewhere(&t, lines, width, font_pt);
    }
    mtext_free(&t);
    return lone;
}

/* Widths are chosen in whole pixels (a seventh of a unit: Excel stores any width and draws
 * it in pixels), which leaves room to satisfy Excel's measure and LibreOffice's at once where
 * whole units cannot. */
static int to_px(double width)
{
    return (int)column_px(width);
}

static double from_px(int px)
{
    return px >= (int)(PX_PER_CHAR + COLUMN_PADDING_PX) ? (px - COLUMN_PADDING_PX) / PX_PER_CHAR
                                                        : px / (PX_PER_CHAR + COLUMN_PADDING_PX);
}

/* What a column of cells costs at a width: the lines of each measured row, and the cells
 * that leave a character alone. */
typedef struct fit_col {
    double weight; /* of a character alone in this column: 1 for headers and names */
    short *lines; /* by width in pixels, then row: NULL until measured */
    double *lone; /* by width: the cost of what is alone, and of the merged texts' lines */
    long *sum;    /* by width: the measured rows' lines in all */
    double *alone; /* by width: the cost of the characters alone in headers and names (weight
                    * 1), the ones whole pixels are moved for */
    unsigned char *done;
} fit_col;

#define FIT_LONE_COST 1000.0 /* one character alone weighs more than any row's height */

/* The texts being fitted, each cut once (mt[r * ncols + c]; NULL cells have no pieces). */
typedef struct fit_texts {
    const char *const *cells;
    const mtext *mt;
    const long *one; /* by cell: its width by the first measure on one line; -1: a line feed */
    size_t ncols, rows, height_rows;
    double font_pt;
} fit_texts;

/* The width of t on one line by the first measure (spaces counted), or -1 when it holds a
 * line feed: no wider than a line, it is one line. */
static long one_line_width(const mtext *t)
{
    long w = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (t->p[i].kind == P_NL)
            return -1;
        w += t->p[i].w[0];
    }
    return w;
}

static void fit_measure(fit_col *fc, size_t c, int px, const fit_texts *ft)
{
    double weight = fc->weight, font_pt = ft->font_pt;
    size_t height_rows = ft->height_rows;
    if (fc->done[px])
        return;
    double width = from_px(px);
    double pt = zb_xlsx_column_text_pt(width);
    long units = line_units(pt, font_pt);
    short *l = fc->lines + (size_t)px * height_rows;
    double lone = 0, alone = 0;
    long sum = 0;
    for (size_t r = 0; r < ft->rows; r++) {
        const char *t = ft->cells[r * ft->ncols + c];
        const mtext *m = &ft->mt[r * ft->ncols + c];
        long one = ft->one[r * ft->ncols + c];
        int single = 0;
        /* Most texts fit on a line at most of the widths tried: one line, none of it alone,
         * as wrap_measured would say, without walking the pieces again. */
        int n = t && !(one >= 0 && one <= units) ? wrap_measured(m, units, 0, &single) : 1;
        if (r < height_rows) {
            /* Other programs' lines count in the header and in columns of names (weight 1);
             * a working sheet's columns trade a character alone against height by the
             * measure rows are sized with only. */
            int named = r == 0 || weight >= 1.0;
            if (t && !single && named)
                single = lone_elsewhere(m, n, width, font_pt);
            lone += FIT_LONE_COST * (r == 0 ? 1.0 : weight) * single; /* a header is no sentence */
            alone += named ? FIT_LONE_COST * single : 0;
            l[r] = (short)(n > 30000 ? 30000 : n);
            sum += l[r];
        } else if (t) {
            /* A merged cell's text: its writer balances its lines (zb_xlsx_balance_text),
             * which leaves a character alone only where the column is too narrow for any
             * balance (牵引 / 性指 / 标); its lines cost a little, as its rows may have to
             * grow. */
            if (n > 1) {
                char *even = zb_xlsx_balance_text(t, pt, font_pt);
                single = zb_xlsx_text_lone(even ? even : t, width, font_pt);
                free(even);
            }
            lone += 0.5 * n + FIT_LONE_COST * weight * single;
            alone += weight >= 1.0 ? FIT_LONE_COST * single : 0;
        }
    }
    fc->lone[px] = lone;
    fc->alone[px] = alone;
    fc->sum[px] = sum;
    fc->done[px] = 1;
}

/* A row of `most` lines: its lines, and more for a tall row than for two low ones (a cell of
 * nine lines beside cells of one is what a reader notices). The header prints on every page:
 * about one more for every 25 rows. */
static double row_cost(int most, size_t r, size_t height_rows)
{
    double h = most + 0.25 * (most - 1) * (most - 1);
    return r == 0 ? h * (1.0 + (double)height_rows / 25.0) : h;
}

/* Each row's three tallest cells at the current widths (their lines and columns): a move
 * that changes two columns is then costed from them alone. */
typedef struct fit_top {
    short n[3];
    short c[3];
} fit_top;

static double fit_cost(fit_col *fc, const int *px, const fit_texts *ft, fit_top *top)
{
    size_t ncols = ft->ncols, height_rows = ft->height_rows;
    double cost = 0;
    for (size_t c = 0; c < ncols; c++) {
        fit_measure(&fc[c], c, px[c], ft);
        cost += fc[c].lone[px[c]];
    }
    for (size_t r = 0; r < height_rows; r++) {
        fit_top t = {{1, 1, 1}, {-1, -1, -1}};
        for (size_t c = 0; c < ncols; c++) {
            short n = fc[c].lines[(size_t)px[c] * height_rows + r];
            for (int k = 0; k < 3; k++) {
                if (t.c[k] < 0 || n > t.n[k]) {
                    for (int j = 2; j > k; j--)
                        t.n[j] = t.n[j - 1], t.c[j] = t.c[j - 1];
                    t.n[k] = n;
                    t.c[k] = (short)c;
                    break;
                }
            }
        }
        if (top)
            top[r] = t;
        cost += row_cost(t.n[0] > 1 ? t.n[0] : 1, r, height_rows);
    }
    return cost;
}

/* The cost with column d at pd pixels and column e at pe, the others as top says. */
static double fit_cost_move(fit_col *fc, const int *px, const fit_texts *ft, const fit_top *top, double lone,
                            size_t d, int pd, size_t e, int pe)
{
    size_t height_rows = ft->height_rows;
    fit_measure(&fc[d], d, pd, ft);
    fit_measure(&fc[e], e, pe, ft);
    double cost = lone - fc[d].lone[px[d]] - fc[e].lone[px[e]] + fc[d].lone[pd] + fc[e].lone[pe];
    const short *ld = fc[d].lines + (size_t)pd * height_rows, *le = fc[e].lines + (size_t)pe * height_rows;
    for (size_t r = 0; r < height_rows; r++) {
        int most = ld[r] > le[r] ? ld[r] : le[r];
        const fit_top *t = &top[r];
        for (int k = 0; k < 3; k++) {
            if (t->c[k] >= 0 && (size_t)t->c[k] != d && (size_t)t->c[k] != e) {
                if (t->n[k] > most)
                    most = t->n[k];
                break;
            }
        }
        cost += row_cost(most > 1 ? most : 1, r, height_rows);
    }
    return cost;
}

/* The widest run a line never breaks (a number, a Latin word, a run of dashes), in
 * twentieths of an em. */
static long widest_word(const char *text)
{
    cursor c;
    c.s = (const unsigned char *)text;
    c.m = &M_SIZE;
    classify(&c);
    long most = 0;
    while (c.cls != K_END) {
        long w = 0;
        if (c.cls == K_WORD) {
            while (c.cls == K_WORD || (c.cls == K_CLOSE && c.cp < 0x80)) {
                w += c.width;
                advance(&c);
            }
        } else if (c.cls == K_DASH) {
            uint32_t run = c.cp;
            while (c.cls == K_DASH && c.cp == run) {
                w += W_EM;
                advance(&c);
            }
        } else {
            advance(&c);
        }
        if (w > most)
            most = w;
    }
    return most;
}

void zb_xlsx_fit_widths(double *widths, const double *min, const double *weight, size_t ncols,
                        const char *const *cells, size_t rows, size_t height_rows, double font_pt,
                        double room_pt)
{
    if (ncols < 2 || !cells)
        return;
    if (rows > ZB_XLSX_FIT_ROWS)
        rows = ZB_XLSX_FIT_ROWS;
    if (height_rows > rows)
        height_rows = rows;
    int total = 0, room = 0;
    int *w = malloc(ncols * sizeof *w), *lo = malloc(ncols * sizeof *lo);
    int *px = malloc(ncols * sizeof *px), *lo_px = malloc(ncols * sizeof *lo_px);
    fit_col *fc = calloc(ncols, sizeof *fc);
    mtext *mt = calloc(rows * ncols, sizeof *mt);
    long *one = calloc(rows && ncols ? rows * ncols : 1, sizeof *one);
    fit_texts ft = {cells, mt, one, ncols, rows, height_rows, font_pt};
    if (!w || !lo || !px || !lo_px || !fc || !mt || !one)
        goto done;
    for (size_t i = 0; i < rows * ncols; i++) {
        if (cells[i] && measure_text(cells[i], &mt[i], MEASURES))
            goto done;
        one[i] = cells[i] ? one_line_width(&mt[i]) : 0;
    }
    for (size_t c = 0; c < ncols; c++) {
        w[c] = (int)floor(widths[c] + 0.5);
        lo[c] = (int)ceil(min[c]);
        if (w[c] < lo[c])
            w[c] = lo[c];
        total += w[c];
        room += to_px(w[c]);
        /* No number or word of a row broken (2800 / 20% on one line), as far as the column's
         * first width allows. */
        long word = 0;
        for (size_t r = 0; r < height_rows; r++) {
            const char *t = cells[r * ncols + c];
            long ww = t ? widest_word(t) : 0;
            if (ww > word)
                word = ww;
        }
        double need = (double)word * font_pt / W_EM;
        while (lo[c] < w[c] && zb_xlsx_column_text_pt((double)lo[c]) < need - 1e-9)
            lo[c]++;
        lo_px[c] = to_px(lo[c]);
    }
    /* The pixels the page holds beyond whole units (or none: the widths' own sum). */
    if (room_pt > 0 && (int)floor(room_pt / PT_PER_PX + 1e-9) > room)
        room = (int)floor(room_pt / PT_PER_PX + 1e-9);
    for (size_t c = 0; c < ncols; c++) {
        fc[c].weight = weight ? weight[c] : 1.0;
        size_t widths_n = (size_t)room + 1;
        fc[c].lines = malloc(widths_n * (height_rows ? height_rows : 1) * sizeof *fc[c].lines);
        fc[c].lone = calloc(widths_n, sizeof *fc[c].lone);
        fc[c].sum = calloc(widths_n, sizeof *fc[c].sum);
        fc[c].alone = calloc(widths_n, sizeof *fc[c].alone);
        fc[c].done = calloc(widths_n, 1);
        if (!fc[c].lines || !fc[c].lone || !fc[c].sum || !fc[c].alone || !fc[c].done)
            goto done;
    }
    /* First the widths that leave the fewest characters alone, which each column decides on
     * its own: a knapsack over the columns in whole units, a column's lines in all standing
     * in for the rows' heights. Each column is looked at up to twice its width, or 25
     * units more. */
    {
        int *hi = malloc(ncols * sizeof *hi);
        double *best = malloc((ncols + 1) * ((size_t)total + 1) * sizeof *best);
        int *pick = malloc(ncols * ((size_t)total + 1) * sizeof *pick);
        if (!hi || !best || !pick) {
            free(hi);
            free(best);
            free(pick);
            goto done;
        }
        for (size_t c = 0; c < ncols; c++) {
            hi[c] = w[c] * 2 > lo[c] + 20 ? w[c] * 2 : lo[c] + 20;
            if (hi[c] < w[c] + 25)
                hi[c] = w[c] + 25;
            if (hi[c] > total)
                hi[c] = total;
        }
#define BEST(c, b) best[(c) * ((size_t)total + 1) + (size_t)(b)]
        for (int b = 0; b <= total; b++)
            BEST(ncols, b) = b == 0 ? 0 : HUGE_VAL;
        for (size_t c = ncols; c-- > 0;) {
            for (int b = 0; b <= total; b++) {
                BEST(c, b) = HUGE_VAL;
                pick[c * ((size_t)total + 1) + (size_t)b] = -1;
                for (int x = lo[c]; x <= hi[c] && x <= b; x++) {
                    double rest = BEST(c + 1, b - x);
                    if (rest == HUGE_VAL)
                        continue;
                    int xp = to_px(x);
                    fit_measure(&fc[c], c, xp, &ft);
                    double own = fc[c].lone[xp] + (double)fc[c].sum[xp] * 1e-3;
                    if (own + rest < BEST(c, b)) {
                        BEST(c, b) = own + rest;
                        pick[c * ((size_t)total + 1) + (size_t)b] = x;
                    }
                }
            }
        }
        if (BEST(0, total) < HUGE_VAL) {
            int b = total;
            for (size_t c = 0; c < ncols; c++) {
                w[c] = pick[c * ((size_t)total + 1) + (size_t)b];
                b -= w[c];
            }
        }
#undef BEST
        free(hi);
        free(best);
        free(pick);
    }
    int used = 0;
    for (size_t c = 0; c < ncols; c++) {
        px[c] = to_px(w[c]);
        used += px[c];
    }
    fit_top *top = malloc((height_rows ? height_rows : 1) * sizeof *top);
    if (!top)
        goto done;
    double cost = fit_cost(fc, px, &ft, top);
    /* Then the best move while one helps: up to 24 units from one column to another, then,
     * where a header or a name leaves a character alone, up to two units' pixels to or from
     * its column (from what the page has left first). */
    for (int round = 0; round < 400; round++) {
        double best_cost = cost, lone = 0;
        for (size_t c = 0; c < ncols; c++)
            lone += fc[c].lone[px[c]];
        size_t bd = 0, br = 0;
        int bstep = 0, bspare = 0;
        for (size_t r = 0; r < ncols; r++) {
            for (size_t d = 0; d < ncols; d++) {
                if (d == r)
                    continue;
                int pixels = fc[r].alone[px[r]] > 0 || fc[d].alone[px[d]] > 0;
                for (int unit = 1; unit >= (pixels ? 0 : 1); unit--) {
                    int steps = unit ? 24 : 2 * (int)PX_PER_CHAR - 1;
                    for (int k = 1; k <= steps; k++) {
                        int step = unit ? k * (int)PX_PER_CHAR : k;
                        int spare = unit ? 0 : (room - used < step ? room - used : step);
                        int take = step - spare;
                        if (px[r] + step > room || px[d] - take < lo_px[d])
                            break;
                        if (!unit && take == 0 && d != (r == 0 ? 1 : 0))
                            continue; /* from the page alone: tried once */
                        double c2 = fit_cost_move(fc, px, &ft, top, lone, d, px[d] - take, r, px[r] + step);
                        if (c2 < best_cost - 1e-9) {
                            best_cost = c2;
                            bd = d, br = r, bstep = step, bspare = spare;
                        }
                    }
                }
            }
        }
        if (!bstep)
            break;
        px[bd] -= bstep - bspare;
        px[br] += bstep;
        used += bspare;
        cost = fit_cost(fc, px, &ft, top);
    }
    free(top);
    for (size_t c = 0; c < ncols; c++)
        widths[c] = from_px(px[c]);
done:
    for (size_t c = 0; fc && c < ncols; c++) {
        free(fc[c].lines);
        free(fc[c].lone);
        free(fc[c].sum);
        free(fc[c].alone);
        free(fc[c].done);
    }
    free(fc);
    for (size_t i = 0; mt && i < rows * ncols; i++)
        mtext_free(&mt[i]);
    free(mt);
    free(one);
    free(w);
    free(lo);
    free(px);
    free(lo_px);
}

/* The clusters a line breaks between (as in zb_xlsx_text_wrap): their byte offsets and
 * widths; a space is a cluster of its own, dropped where a line breaks. Returns their count,
 * or 0 when there are more than max. */
typedef struct piece {
    size_t at, len;
    long w;
    int space;
} piece;

static size_t pieces(const char *text, piece *out, size_t max)
{
    cursor c;
    c.s = (const unsigned char *)text;
    c.m = &M_SIZE;
    classify(&c);
    size_t m = 0;
    while (c.cls != K_END) {
        if (m == max)
            return 0;
        piece *p = &out[m++];
        p->at = (size_t)((const char *)c.s - text);
        p->w = 0;
        p->space = c.cls == K_SPACE || c.cls == K_NL;
        if (p->space) {
            p->w = c.width;
            advance(&c);
        } else {
            while (c.cls == K_OPEN) {
                p->w += c.width;
                advance(&c);
            }
            if (c.cls == K_WORD) {
                while (c.cls == K_WORD || (c.cls == K_CLOSE && c.cp < 0x80)) {
                    p->w += c.width;
                    advance(&c);
                }
            } else if (c.cls == K_DASH) {
                uint32_t run = c.cp;
                while (c.cls == K_DASH && c.cp == run) {
                    p->w += W_EM;
                    advance(&c);
                }
            } else if (c.cls != K_END && c.cls != K_NL && c.cls != K_SPACE) {
                p->w += c.width;
                advance(&c);
            }
            while (c.cls == K_CLOSE) {
                p->w += c.width;
                advance(&c);
            }
        }
        p->len = (size_t)((const char *)c.s - text) - p->at;
    }
    return m;
}

/* Width of clusters [a, b) set on one line: spaces at either end do not count. */
static long span_width(const piece *p, size_t a, size_t b)
{
    while (a < b && p[a].space)
        a++;
    while (b > a && p[b - 1].space)
        b--;
    long w = 0;
    for (size_t k = a; k < b; k++)
        w += p[k].w;
    return w;
}

#define BALANCE_MAX 256

char *zb_xlsx_balance_text(const char *text, double width_pt, double font_pt)
{
    if (!text || strchr(text, '\n') || font_pt <= 0)
        return NULL;
    int lines = zb_xlsx_text_wrap(text, width_pt, font_pt, NULL);
    if (lines < 2 || lines > 16)
        return NULL;
    long units = (long)floor(width_pt / (font_pt / W_EM) + 1e-9);
    piece *p = malloc(BALANCE_MAX * sizeof *p);
    if (!p)
        return NULL;
    size_t m = pieces(text, p, BALANCE_MAX);
    for (size_t k = 0; k < m; k++)
        if (p[k].w > units) { /* a word longer than a line: left to the program */
            m = 0;
            break;
        }
    if (m < (size_t)lines) {
        free(p);
        return NULL;
    }
    /* The break points that make `lines` lines as even as they can be (the least sum of
     * their widths' squares: 提升产 / 业科技 / 创新 / 能力, not … / 创新能 / 力); a tie goes
     * to the longer first line. */
    size_t L = (size_t)lines;
    long *best = malloc((L + 1) * (m + 1) * sizeof *best);
    size_t *from = malloc((L + 1) * (m + 1) * sizeof *from);
    char *out = NULL;
    if (!best || !from)
        goto done;
#define B(l, e) best[(l) * (m + 1) + (e)]
#define F(l, e) from[(l) * (m + 1) + (e)]
    for (size_t e = 0; e <= m; e++)
        B(0, e) = e == 0 ? 0 : LONG_MAX;
    for (size_t l = 1; l <= L; l++) {
        for (size_t e = 0; e <= m; e++) {
            B(l, e) = LONG_MAX;
            F(l, e) = 0;
            for (size_t a = l - 1; a < e; a++) {
                if (B(l - 1, a) == LONG_MAX)
                    continue;
                long w = span_width(p, a, e);
                if (w > units || w == 0)
                    continue;
                long cost = B(l - 1, a) + w * w;
                if (cost < B(l, e) || (cost == B(l, e) && a > F(l, e))) {
                    B(l, e) = cost;
                    F(l, e) = a;
                }
            }
        }
    }
    if (B(L, m) == LONG_MAX)
        goto done;
    {
        size_t cut[17];
        size_t e = m;
        for (size_t l = L; l > 0; l--) {
            cut[l] = e;
            e = F(l, e);
        }
        cut[0] = 0;
        size_t len = strlen(text);
        out = malloc(len + L + 1);
        if (!out)
            goto done;
        size_t o = 0;
        for (size_t l = 1; l <= L; l++) {
            size_t a = cut[l - 1], b = cut[l];
            while (a < b && p[a].space)
                a++;
            while (b > a && p[b - 1].space)
                b--;
            if (a < b) {
                size_t start = p[a].at, end = p[b - 1].at + p[b - 1].len;
                memcpy(out + o, text + start, end - start);
                o += end - start;
            }
            if (l < L)
                out[o++] = '\n';
        }
        out[o] = '\0';
    }
#undef B
#undef F
done:
    free(best);
    free(from);
    free(p);
    return out;
}

double zb_xlsx_row_height(int lines, double font_pt)
{
    double h = lines * font_pt * LINE_SPACING + ROW_PADDING_PT;
    /* Whole pixels, as Excel stores them. */
    h = ceil(h / PT_PER_PX - 1e-9) * PT_PER_PX;
    return h > ZB_XLSX_MAX_ROW_HEIGHT ? ZB_XLSX_MAX_ROW_HEIGHT : h;
}

double zb_xlsx_text_height(const char *text, double width_pt, double font_pt)
{
    return zb_xlsx_row_height(zb_xlsx_text_lines(text, width_pt, font_pt), font_pt);
}

/* ---- values -------------------------------------------------------------------------- */

int zb_xlsx_plain_number(const char *text, double *value)
{
    static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10};
    const char *p = text;
    int neg = 0;
    if (!p || !*p || strlen(p) > 11) /* General shows at most 11 characters */
        return 0;
    if (*p == '-') {
        neg = 1;
        p++;
    }
    if (*p < '0' || *p > '9' || (p[0] == '0' && p[1] >= '0' && p[1] <= '9'))
        return 0;
    unsigned long long mant = 0;
    int frac = -1;
    int last = 0;
    for (; *p; p++) {
        if (*p == '.' && frac < 0) {
            frac = 0;
            continue;
        }
        if (*p < '0' || *p > '9')
            return 0;
        mant = mant * 10 + (unsigned)(*p - '0');
        last = *p;
        if (frac >= 0)
            frac++;
    }
    /* "6." and "6.50" do not read back as written. */
    if (frac == 0 || (frac > 0 && last == '0'))
        return 0;
    if (neg && mant == 0)
        return 0;
    /* Both are exact (fewer than 2^53, 10^k for k <= 10): the quotient is correctly rounded. */
    double v = (double)mant / pow10[frac > 0 ? frac : 0];
    if (value)
        *value = neg ? -v : v;
    return 1;
}

/* Excel reserves "History" (any case) for its change tracking. */
static int is_history(const char *s)
{
    static const char word[] = "history";
    for (size_t i = 0; i < sizeof word - 1; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[i])
            return 0;
    }
    return s[sizeof word - 1] == '\0';
}

void zb_xlsx_sheet_name(const char *name, const char *fallback, char *out)
{
    size_t o = 0;
    int units = 0;
    const unsigned char *s = (const unsigned char *)(name ? name : "");
    if (zb_utf8_check((const char *)s, strlen((const char *)s)) != strlen((const char *)s))
        s = (const unsigned char *)"";
    /* Skip leading spaces and apostrophes. */
    while (*s == ' ' || *s == '\'')
        s++;
    while (*s) {
        size_t n;
        uint32_t cp = next_cp(s, &n);
        int u = cp >= 0x10000 ? 2 : 1;
        if (cp < 0x20 || zb_is_forbidden_control(cp) || (cp < 0x80 && strchr("[]:*?/\\", (int)cp))) {
            s += n;
            continue;
        }
        if (units + u > 31)
            break;
        memcpy(out + o, s, n);
        o += n;
        units += u;
        s += n;
    }
    while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '\''))
        o--;
    out[o] = '\0';
    if (o == 0 || is_history(out)) {
        size_t f = strlen(fallback);
        if (f >= ZB_XLSX_SHEET_NAME_SIZE)
            f = ZB_XLSX_SHEET_NAME_SIZE - 1;
        memcpy(out, fallback, f);
        out[f] = '\0';
    }
}

/* ---- grouping ------------------------------------------------------------------------ */

static size_t key_hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)h;
}

int zb_xlsx_number_keys(const char *const *keys, size_t n, size_t *ids, size_t *distinct)
{
    /* Open addressing, at most half full: a slot holds the index of the key that first
     * brought its text, or ZB_NONE; ids of those first keys give the numbers. */
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    size_t *slots = malloc(cap * sizeof *slots);
    if (!slots)
        return -1;
    for (size_t k = 0; k < cap; k++)
        slots[k] = ZB_NONE;
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        const char *key = keys[i] ? keys[i] : "";
        for (size_t k = key_hash(key) & (cap - 1);; k = (k + 1) & (cap - 1)) {
            if (slots[k] == ZB_NONE) {
                slots[k] = i;
                ids[i] = count++;
                break;
            }
            const char *other = keys[slots[k]] ? keys[slots[k]] : "";
            if (strcmp(other, key) == 0) {
                ids[i] = ids[slots[k]];
                break;
            }
        }
    }
    free(slots);
    *distinct = count;
    return 0;
}
