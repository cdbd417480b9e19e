/* The CSV reading that the table (csv.c) and actuals (actuals.c) loaders share: this file
 * checks the encoding, finds the delimiter, skips comment lines when asked, and splits the
 * text into fields one line at a time, so that every row knows the line it starts on. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"

/* ---- small text helpers ------------------------------------------------------------ */

/* Width in bytes of a white-space character at s (n bytes left), 0 if none. Covers what
 * cells carry from Excel and the web: ASCII space and controls, U+00A0, U+3000, a stray BOM. */
size_t zb_csv_space_width(const unsigned char *s, size_t n)
{
    if (n >= 1 && (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r')))
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (n >= 3 && ((s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) ||
                   (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)))
        return 3;
    return 0;
}

/* Width of a white-space character that ends s[0..n), 0 if none. Safe from the end because
 * the text is valid UTF-8, where a lead byte never occurs as a continuation. */
static size_t space_width_back(const unsigned char *s, size_t n)
{
    if (n >= 1 && zb_csv_space_width(s + n - 1, 1))
        return 1;
    if (n >= 2 && zb_csv_space_width(s + n - 2, 2) == 2)
        return 2;
    if (n >= 3 && zb_csv_space_width(s + n - 3, 3) == 3)
        return 3;
    return 0;
}

/* s[0..n) without white space at either end: *out and the new length. */
static size_t trim(const char *s, size_t n, const char **out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t w;
    while (n && (w = zb_csv_space_width(u, n)) != 0)
        u += w, n -= w;
    while (n && (w = space_width_back(u, n)) != 0)
        n -= w;
    *out = (const char *)u;
    return n;
}

/* Number of UTF-8 characters in s[0..n). */
static size_t count_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

/* Line and column (1-based, columns in characters) of byte off. Lines end at \n, \r\n or a
 * lone \r, as the splitter sees them (Excel for Mac still writes \r). */
static void text_pos(const char *s, size_t len, size_t off, size_t *line, size_t *col)
{
    size_t l = 1, start = 0;
    for (size_t i = 0; i < off && i < len; i++) {
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'))) {
            l++;
            start = i + 1;
        }
    }
    *line = l;
    *col = count_chars(s + start, off - start) + 1;
}

/* A short, one-line excerpt of s for a message: at most 40 characters, controls as spaces. */
const char *zb_csv_excerpt(const char *s, char *buf, size_t size)
{
    size_t o = 0, chars = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (*u && o + 8 < size) {
        size_t n = 1;
        while ((u[n] & 0xC0) == 0x80)
            n++;
        if (chars == 40) {
            memcpy(buf + o, "…", strlen("…"));
            o += strlen("…");
            break;
        }
        if (n == 1 && *u < 0x20)
            buf[o++] = ' ';
        else
            memcpy(buf + o, u, n), o += n;
        u += n;
        chars++;
    }
    buf[o] = '\0';
    return buf;
}

/* Cuts a partial UTF-8 character off the end of a message that snprintf truncated. */
void zb_csv_trim_tail(char *s)
{
    size_t n = strlen(s);
    size_t k = n;
    while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--;
    if (k == 0)
        return;
    unsigned char lead = (unsigned char)s[k - 1];
    size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (n - (k - 1) < want)
        s[k - 1] = '\0';
}

/* ---- failures ------------------------------------------------------------------------ */

void zb_csv_fail(zb_csv_reader *c, zb_status code, const char *fmt, ...)
{
    if (c->status)
        return;
    c->status = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->msg, sizeof c->msg, fmt, ap);
    va_end(ap);
    zb_csv_trim_tail(c->msg);
}

void zb_csv_fail_nomem(zb_csv_reader *c) { zb_csv_fail(c, ZB_ERR_NOMEM, "%s: out of memory reading the file", c->name); }

/* The header text as matched: white space removed anywhere (`指 标 名 称`, `2024年 目标值`),
 * ASCII lower-cased. NULL when out of memory. */
char *zb_csv_header_key(const char *s)
{
    size_t n = strlen(s);
    char *k = malloc(n + 1);
    if (!k)
        return NULL;
    size_t o = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (n) {
        size_t w = zb_csv_space_width(u, n);
        if (w) {
            u += w, n -= w;
            continue;
        }
        char ch = (char)*u;
        k[o++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
        u++, n--;
    }
    k[o] = '\0';
    return k;
}

/* ---- cells and rows ------------------------------------------------------------------ */

static void clear_row(zb_csv_reader *c)
{
    c->ncells = 0;
    c->row_text.len = 0;
}

/* The cells of a row are kept in one buffer, by offset while it may still move. */
static void on_field(zb_csv_reader *c, const char *data, size_t len)
{
    if (c->status)
        return;
    if (zb_grow((void **)&c->cells, &c->cells_cap, c->ncells + 1, sizeof *c->cells) ||
        zb_grow((void **)&c->cell_at, &c->cell_at_cap, c->ncells + 1, sizeof *c->cell_at)) {
        zb_csv_fail_nomem(c);
        return;
    }
    const char *cell;
    size_t n = trim(data, len, &cell);
    c->cell_at[c->ncells++] = c->row_text.len;
    zb_buf_add(&c->row_text, cell, n);
    zb_buf_addc(&c->row_text, '\0');
    if (c->row_text.failed)
        zb_csv_fail_nomem(c);
}

static void on_row(zb_csv_reader *c)
{
    if (!c->status) {
        int empty = 1;
        for (size_t i = 0; i < c->ncells; i++) {
            c->cells[i] = c->row_text.data + c->cell_at[i];
            empty &= !c->cells[i][0];
        }
        if (!empty)
            c->on_row(c);
    }
    clear_row(c);
    c->row_line = 0;
}

/* ---- the load ------------------------------------------------------------------------ */

/* Nonzero when the line at s (n bytes) is a comment: its first character other than a space
 * or a tab is #. */
static int is_comment_line(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i < n && s[i] == '#';
}

/* Length of the line at s (n bytes left), its end (\n, \r\n or a lone \r) included. */
static size_t line_length(const char *s, size_t n)
{
    /* memchr for \n, then for a \r before it, a window at a time (a file whose lines end
     * in \r alone must not be searched to its end for every line). */
    size_t end = 0;
    while (end < n) {
        size_t window = n - end < 512 ? n - end : 512;
        const char *nl = memchr(s + end, '\n', window);
        size_t stop = nl ? (size_t)(nl - s) : end + window;
        const char *cr = memchr(s + end, '\r', stop - end);
        if (cr || nl) {
            end = cr ? (size_t)(cr - s) : stop;
            break;
        }
        end = stop;
    }
    if (end < n)
        end += (s[end] == '\r' && end + 1 < n && s[end + 1] == '\n') ? 2 : 1;
    return end;
}

/* The delimiter of the first record that holds one: whichever of , \t ; occurs most outside
 * quotes (ties go to the comma, then the tab); a comma when no record holds any. Comment
 * lines, when the loader skips them, say nothing about the delimiter. */
static char detect_delimiter(const char *s, size_t len, int comments)
{
    static const char cand[3] = {',', '\t', ';'};
    size_t count[3] = {0, 0, 0};
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
        if (comments && !quoted && (i == 0 || s[i - 1] == '\n' || s[i - 1] == '\r')) {
            size_t n = line_length(s + i, len - i);
            if (is_comment_line(s + i, n)) {
                i += n - 1;
                continue;
            }
        }
        char ch = s[i];
        if (ch == '"') {
            quoted = !quoted; /* a doubled quote toggles twice */
        } else if (!quoted && (ch == '\n' || ch == '\r')) {
            if (count[0] || count[1] || count[2])
                break;
        } else if (!quoted) {
            for (int k = 0; k < 3; k++)
                count[k] += ch == cand[k];
        }
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (count[k] > count[best])
            best = k;
    return cand[best];
}

/* Nonzero when a line holds something that begins a row: anything but spaces,
 * tabs that are not the delimiter, and the line end. */
static int line_has_content(const char *s, size_t n, char delim)
{
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '\r' || ch == '\n')
            continue;
        if ((ch == ' ' || ch == '\t') && ch != delim)
            continue;
        return 1;
    }
    return 0;
}

/* Where the quoted field that never closes begins: the splitter has accepted everything
 * before it, so a quote toggles in and out, and a quote right after a closing one is an
 * escaped pair, not a new field. */
static size_t unclosed_quote(const char *s, size_t from, size_t len)
{
    size_t open = from;
    int quoted = 0;
    size_t closed_at = (size_t)-1;
    for (size_t i = from; i < len; i++) {
        if (s[i] != '"')
            continue;
        if (quoted) {
            quoted = 0;
            closed_at = i;
        } else {
            quoted = 1;
            if (closed_at == (size_t)-1 || closed_at + 1 != i)
                open = i;
        }
    }
    return open;
}

/* Excel saves "Unicode text" (tab-separated) as UTF-16 with a byte-order mark: decoded to
 * UTF-8 here, it is read like any other file. *out is malloc'd. */
static zb_status decode_utf16(zb_csv_reader *c, const char *text, size_t len, char **out, size_t *out_len)
{
    const unsigned char *u = (const unsigned char *)text;
    int be = u[0] == 0xFE;
    zb_buf b = {0};
    size_t line = 1, col = 1;
    for (size_t i = 2; i < len; i += 2) {
        if (i + 1 >= len) {
            zb_buf_free(&b);
            zb_csv_fail(c, ZB_ERR_ENCODING,
                        "%s:%zu:%zu: not valid UTF-16: the file ends in the middle of a character; " ZB_CSV_SAVE_AS_UTF8,
                        c->name, line, col);
            return c->status;
        }
        uint32_t cp = be ? (uint32_t)(u[i] << 8 | u[i + 1]) : (uint32_t)(u[i + 1] << 8 | u[i]);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < len) {
            uint32_t lo = be ? (uint32_t)(u[i + 2] << 8 | u[i + 3]) : (uint32_t)(u[i + 3] << 8 | u[i + 2]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            zb_buf_free(&b);
            zb_csv_fail(c, ZB_ERR_ENCODING,
                        "%s:%zu:%zu: not valid UTF-16: an unpaired surrogate 0x%04X; " ZB_CSV_SAVE_AS_UTF8, c->name,
                        line, col, (unsigned)cp);
            return c->status;
        }
        char enc[4];
        zb_buf_add(&b, enc, zb_utf8_encode(cp, enc));
        if (cp == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    if (b.failed) {
        zb_csv_fail_nomem(c);
        return c->status;
    }
    *out_len = b.len;
    *out = zb_buf_take(&b);
    if (!*out) {
        *out = zb_strdup("");
        if (!*out) {
            zb_csv_fail_nomem(c);
            return c->status;
        }
    }
    return ZB_OK;
}

/* Checks the bytes before any parsing: Excel on Chinese Windows saves "CSV" in GBK, and it
 * must not be read as garbage. */
static zb_status check_encoding(zb_csv_reader *c, const char *text, size_t len, size_t bom)
{
    const char *body = text + bom;
    size_t n = len - bom;
    size_t line, col;
    const char *nul = memchr(body, '\0', n);
    const char *wide = nul ? zb_text_wide_encoding(body, n) : NULL;
    if (wide) {
        zb_csv_fail(c, ZB_ERR_ENCODING, "%s:1:1: the file is %s without a byte-order mark (by its zero bytes); " ZB_CSV_SAVE_AS_UTF8,
                    c->name, wide);
        return c->status;
    }
    if (nul) {
        size_t off = (size_t)(nul - body);
        text_pos(body, n, off, &line, &col);
        zb_csv_fail(c, ZB_ERR_ENCODING,
             "%s:%zu:%zu: a NUL byte at offset %zu: this is not text as a spreadsheet saves it "
             "(a binary file?); " ZB_CSV_SAVE_AS_UTF8,
             c->name, line, col, off + bom);
        return c->status;
    }
    size_t bad = zb_utf8_check(body, n);
    if (bad == n) {
        uint32_t cp;
        size_t ctl = zb_text_find_control(body, n, &cp);
        if (ctl < n) {
            text_pos(body, n, ctl, &line, &col);
            zb_csv_fail(c, ZB_ERR_VALUE, "%s:%zu:%zu: " ZB_CONTROL_MESSAGE, c->name, line, col, (unsigned)cp);
            return c->status;
        }
    }
    if (bad < n) {
        text_pos(body, n, bad, &line, &col);
        if (zb_looks_like_gbk(body, n))
            zb_csv_fail(c, ZB_ERR_ENCODING,
                 "%s:%zu:%zu: not valid UTF-8: the file looks like GBK/GB18030, the encoding Excel "
                 "uses for \"CSV\" on Chinese Windows; " ZB_CSV_SAVE_AS_UTF8,
                 c->name, line, col);
        else
            zb_csv_fail(c, ZB_ERR_ENCODING, "%s:%zu:%zu: not valid UTF-8: byte 0x%02X at offset %zu; " ZB_CSV_SAVE_AS_UTF8,
                 c->name, line, col, (unsigned)(unsigned char)body[bad], bad + bom);
        return c->status;
    }
    return ZB_OK;
}

/* ---- splitting fields ------------------------------------------------------------------
 * CSV as Excel writes it, read strictly (as libcsv does with CSV_STRICT): fields separated by
 * the delimiter, rows ended by \r, \n or \r\n (blank lines make no row), spaces and tabs
 * around an unquoted field dropped, a quoted field taking delimiters, line ends and doubled
 * quotes ("") as text; a quote inside an unquoted field, or anything but spaces after a
 * closing quote, is an error at that byte, and so is a quoted field that never ends. */

enum { ROW_NOT_BEGUN, FIELD_NOT_BEGUN, FIELD_BEGUN, FIELD_MIGHT_HAVE_ENDED };

typedef struct splitter {
    zb_csv_reader *c;
    zb_buf field;  /* the field so far; a quoted field keeps its closing quote until it ends */
    size_t spaces; /* spaces and tabs at the end of field that may still be dropped */
    int quoted;
    int state;
    unsigned char stop[256]; /* bytes that end a run of an unquoted field */
} splitter;

static void submit_field(splitter *t)
{
    size_t n = t->field.len;
    if (!t->quoted)
        n -= t->spaces;
    on_field(t->c, t->field.data ? t->field.data : "", n);
    t->field.len = 0;
    t->spaces = 0;
    t->quoted = 0;
    t->state = FIELD_NOT_BEGUN;
}

static void submit_row(splitter *t)
{
    on_row(t->c);
    t->field.len = 0;
    t->spaces = 0;
    t->quoted = 0;
    t->state = ROW_NOT_BEGUN;
}

/* Splits s[0..len) (a line, its end included) from the state the last line left. Returns
 * len, or the offset of the byte that breaks the rules (*bad set). */
static size_t split_line(splitter *t, const char *s, size_t len, int *bad)
{
    char delim = t->c->delim;
    size_t i = 0;
    *bad = 0;
    while (i < len && !t->c->status) {
        char ch = s[i];
        switch (t->state) {
        case ROW_NOT_BEGUN:
        case FIELD_NOT_BEGUN:
            if ((ch == ' ' || ch == '\t') && ch != delim) {
                i++;
            } else if (ch == '\r' || ch == '\n') {
                if (t->state == FIELD_NOT_BEGUN) {
                    submit_field(t);
                    submit_row(t);
                }
                i++;
            } else if (ch == delim) {
                submit_field(t);
                i++;
            } else if (ch == '"') {
                t->state = FIELD_BEGUN;
                t->quoted = 1;
                i++;
            } else {
                t->state = FIELD_BEGUN; /* the byte is the field's first: read below */
                t->quoted = 0;
            }
            break;
        case FIELD_BEGUN:
            if (t->quoted) {
                /* Everything up to the next quote is text. */
                const char *q = memchr(s + i, '"', len - i);
                size_t end = q ? (size_t)(q - s) : len;
                zb_buf_add(&t->field, s + i, end - i);
                t->spaces = 0;
                i = end;
                if (q) {
                    zb_buf_addc(&t->field, '"');
                    t->state = FIELD_MIGHT_HAVE_ENDED;
                    i++;
                }
            } else if (t->stop[(unsigned char)ch]) {
                if (ch == '"') {
                    *bad = 1;
                    return i;
                } else if (ch == delim) {
                    submit_field(t);
                } else if (ch == '\r' || ch == '\n') {
                    submit_field(t);
                    submit_row(t);
                } else { /* a space or a tab: dropped if nothing else follows */
                    zb_buf_addc(&t->field, ch);
                    t->spaces++;
                }
                i++;
            } else {
                size_t end = i + 1;
                while (end < len && !t->stop[(unsigned char)s[end]])
                    end++;
                zb_buf_add(&t->field, s + i, end - i);
                t->spaces = 0;
                i = end;
            }
            break;
        case FIELD_MIGHT_HAVE_ENDED: /* a quote seen in a quoted field */
            if (ch == delim || ch == '\r' || ch == '\n') {
                t->field.len -= t->spaces + 1; /* the spaces and the closing quote */
                submit_field(t);
                if (ch != delim)
                    submit_row(t);
                i++;
            } else if (ch == ' ' || ch == '\t') {
                zb_buf_addc(&t->field, ch);
                t->spaces++;
                i++;
            } else if (ch == '"' && !t->spaces) {
                t->state = FIELD_BEGUN; /* "" is a quote; the one kept stands for it */
                i++;
            } else {
                *bad = 1;
                return i;
            }
            break;
        default:
            break;
        }
        if (t->field.failed)
            zb_csv_fail_nomem(t->c);
    }
    return i;
}

/* Ends the last row at the end of the text; 0, or -1 for a quoted field that never ends. */
static int split_end(splitter *t)
{
    switch (t->state) {
    case FIELD_BEGUN:
        if (t->quoted)
            return -1;
        submit_field(t);
        submit_row(t);
        break;
    case FIELD_MIGHT_HAVE_ENDED:
        t->field.len -= t->spaces + 1;
        submit_field(t);
        submit_row(t);
        break;
    case FIELD_NOT_BEGUN:
        submit_field(t);
        submit_row(t);
        break;
    default:
        break;
    }
    return 0;
}

/* Splits the text one line at a time so that every row knows the line it starts on; a quoted
 * field may carry a row over several lines. */
static void parse_text(zb_csv_reader *c, const char *s, size_t len)
{
    splitter t;
    memset(&t, 0, sizeof t);
    t.c = c;
    t.state = ROW_NOT_BEGUN;
    t.stop[(unsigned char)'"'] = t.stop[(unsigned char)c->delim] = t.stop['\r'] = t.stop['\n'] = 1;
    t.stop[' '] = t.stop['\t'] = 1;

    size_t pos = 0, line = 1;
    while (pos < len && !c->status) {
        size_t end = pos + line_length(s + pos, len - pos);
        /* Between rows nothing is pending, so a comment line can be left out whole. */
        if (c->comments && !c->row_line && is_comment_line(s + pos, end - pos)) {
            pos = end;
            line++;
            continue;
        }
        if (!c->row_line && line_has_content(s + pos, end - pos, c->delim)) {
            c->row_line = line;
            c->row_offset = pos;
        }
        int bad;
        size_t done = split_line(&t, s + pos, end - pos, &bad);
        if (bad && !c->status) {
            size_t col = count_chars(s + pos, done) + 1;
            zb_csv_fail(c, ZB_ERR_SYNTAX,
                 "%s:%zu:%zu: %s; a field that holds \" must be quoted as a whole, each \" "
                 "inside doubled (\"\")",
                 c->name, line, col,
                 s[pos + done] == '"' ? "stray quote" : "text after the closing quote of a field");
        }
        pos = end;
        line++;
    }
    if (!c->status && split_end(&t) != 0 && !c->status) {
        size_t qline, qcol;
        text_pos(s, len, unclosed_quote(s, c->row_offset, len), &qline, &qcol);
        zb_csv_fail(c, ZB_ERR_SYNTAX, "%s:%zu:%zu: a quoted field starts here and never ends: the closing \" is missing",
             c->name, qline, qcol);
    }
    zb_buf_free(&t.field);
}

zb_status zb_csv_read(zb_csv_reader *c, const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    char *decoded = NULL;
    const char *bom_name = zb_text_bom_encoding(text, len);
    if (bom_name && strncmp(bom_name, "UTF-32", 6) == 0) {
        zb_csv_fail(c, ZB_ERR_ENCODING, "%s:1:1: the file is %s (by its byte-order mark); " ZB_CSV_SAVE_AS_UTF8, c->name,
                    bom_name);
        return c->status;
    }
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        if (decode_utf16(c, text, len, &decoded, &len))
            return c->status;
        text = decoded;
    }
    size_t bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (check_encoding(c, text, len, bom) == ZB_OK) {
        if (!c->delim)
            c->delim = detect_delimiter(text + bom, len - bom, c->comments);
        parse_text(c, text + bom, len - bom);
    }
    free(decoded);
    return c->status;
}

void zb_csv_reader_free(zb_csv_reader *c)
{
    clear_row(c);
    free(c->cells);
    c->cells = NULL;
    c->cells_cap = 0;
    free(c->cell_at);
    c->cell_at = NULL;
    c->cell_at_cap = 0;
    zb_buf_free(&c->row_text);
}
