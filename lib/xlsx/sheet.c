/* The pieces every xlsx writer shares: safe life cycle, formats, print setup, measuring. */
#include <errno.h>
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

/* Inches: 19 mm at the sides leaves 172 mm, as wide as the tables are laid out, so that
 * they print at 100%; 25 mm top and bottom with room for the footer. */
#define MARGIN_SIDE_IN 0.75
#define MARGIN_TOP_IN 1.0
#define MARGIN_BOTTOM_IN 1.0
/* A4 in points. */
#define A4_WIDTH_PT (210.0 / 25.4 * 72.0)
#define A4_HEIGHT_PT (297.0 / 25.4 * 72.0)
/* What a printer may take off a page by rounding row heights to its dots. */
#define PAGE_RESERVE_PT 4.0

zb_status zb_xlsx_page_setup(zb_xlsx_book *book, lxw_worksheet *ws, const zb_xlsx_page *page,
                             zb_error *err)
{
    worksheet_set_paper(ws, 9); /* A4 */
    if (page->landscape)
        worksheet_set_landscape(ws);
    else
        worksheet_set_portrait(ws);
    worksheet_set_margins(ws, MARGIN_SIDE_IN, MARGIN_SIDE_IN, MARGIN_TOP_IN, MARGIN_BOTTOM_IN);
    worksheet_center_horizontally(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    /* Page numbers as GB/T 9704 writes them: — 1 —. */
    lxw_error e = worksheet_set_footer(ws, page->footer ? page->footer : "&C— &P —");
    if (e == LXW_NO_ERROR)
        e = worksheet_repeat_rows(ws, page->header_first, page->header_last);
    if (e != LXW_NO_ERROR)
        return zb_xlsx_error(err, e, book->out.path, "setting up the printed page");
    worksheet_freeze_panes(ws, page->header_last + 1, 0);
    return ZB_OK;
}

void zb_xlsx_pager_init(zb_xlsx_pager *p, int landscape, double table_width_pt)
{
    memset(p, 0, sizeof *p);
    double w = (landscape ? A4_HEIGHT_PT : A4_WIDTH_PT) - 2 * MARGIN_SIDE_IN * 72.0;
    double h = (landscape ? A4_WIDTH_PT : A4_HEIGHT_PT) - (MARGIN_TOP_IN + MARGIN_BOTTOM_IN) * 72.0;
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
    for (size_t i = 0; i < n; i++) /* fits, or taller than any page: it flows */
        zb_xlsx_pager_row(p, heights[i]);
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

/* Width in half-ems: full-width characters are an em. */
static int cp_width(uint32_t cp)
{
    return zb_is_cjk(cp) ? 2 : 1;
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
} cursor;

static void classify(cursor *c)
{
    unsigned ch = c->s[0];
    if (ch < 0x80) {
        c->n = 1;
        c->cp = ch;
        c->width = 1;
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
        c->width = 2;
        c->cls = K_CHAR;
        return;
    }
    c->width = cp_width(cp);
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

int zb_xlsx_text_lines(const char *text, double width_pt, double font_pt)
{
    if (!text || font_pt <= 0)
        return 1;
    /* Whole half-ems per line; at least one full-width character so that the loop ends. */
    long units = (long)floor(width_pt / (font_pt / 2.0) + 1e-9);
    if (units < 2)
        units = 2;
    /* No character is wider (in half-ems) than its bytes: a text of no more bytes than the
     * line holds, with no line end, is one line whatever its breaks. */
    size_t len = 0;
    while (len <= (size_t)units && text[len] && text[len] != '\n')
        len++;
    if (len <= (size_t)units && !text[len])
        return 1;
    cursor c;
    c.s = (const unsigned char *)text;
    classify(&c);
    int lines = 1;
    long used = 0;
    while (c.cls != K_END) {
        if (c.cls == K_NL) {
            lines++;
            used = 0;
            advance(&c);
            continue;
        }
        if (c.cls == K_SPACE) {
            if (used + 1 <= units)
                used++; /* a space where the line breaks is swallowed */
            advance(&c);
            continue;
        }
        /* One cluster: opening marks, then a word, a run of — or …, or one character,
         * then closing marks; a line breaks only between clusters. */
        long w = 0;
        while (c.cls == K_OPEN) {
            w += c.width;
            advance(&c);
        }
        if (c.cls == K_WORD) {
            /* Latin punctuation inside a word (1,200  3.5  20%) does not break it. */
            while (c.cls == K_WORD || (c.cls == K_CLOSE && c.cp < 0x80)) {
                w += 1;
                advance(&c);
            }
        } else if (c.cls == K_DASH) {
            uint32_t run = c.cp;
            while (c.cls == K_DASH && c.cp == run) {
                w += 2;
                advance(&c);
            }
        } else if (c.cls != K_END && c.cls != K_NL && c.cls != K_SPACE) {
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
        }
        while (w > units) { /* a word longer than a line is broken anywhere */
            lines++;
            w -= units;
        }
        used += w;
        if (lines > 10000) /* no row is that tall; stop counting */
            break;
    }
    return lines;
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
