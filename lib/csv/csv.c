/* CSV import of an indicator table (指标体系表), the way analysts keep the seed's 附件2 in
 * Excel. libcsv splits fields; this file checks the encoding, finds the delimiter, maps the
 * header to columns, tracks line numbers and builds the table in a scratch plan that is
 * moved into the caller's plan only when the whole file was read. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h> /* libcsv, not zhibiao/csv.h */

#include "core/internal.h"
#include "plan/plan_internal.h"
#include "zhibiao/csv.h"

/* What a header cell names. */
typedef enum col_kind {
    COL_EMPTY = 0, /* no header text: the column must stay empty */
    COL_SEQ,
    COL_CATEGORY,
    COL_NAME,
    COL_UNIT,
    COL_TARGET,
    COL_RESPONSIBLE,
    COL_IGNORED, /* 备注 and the like: analysts keep them, the model has no place for them */
    COL_KIND_COUNT
} col_kind;

/* Header names after header_key(): spaces removed, ASCII lower-cased. */
static const struct {
    const char *key;
    col_kind kind;
} header_names[] = {
    {"序号", COL_SEQ},           {"seq", COL_SEQ},
    {"no", COL_SEQ},             {"no.", COL_SEQ},
    {"#", COL_SEQ},              {"类别", COL_CATEGORY},
    {"category", COL_CATEGORY},  {"指标名称", COL_NAME},
    {"指标", COL_NAME},          {"name", COL_NAME},
    {"indicator", COL_NAME},     {"计量单位", COL_UNIT},
    {"单位", COL_UNIT},          {"unit", COL_UNIT},
    {"目标值", COL_TARGET},      {"目标", COL_TARGET},
    {"target", COL_TARGET},      {"责任单位", COL_RESPONSIBLE},
    {"牵头单位", COL_RESPONSIBLE}, {"responsible", COL_RESPONSIBLE},
    {"units", COL_RESPONSIBLE},  {"备注", COL_IGNORED},
    {"说明", COL_IGNORED},       {"note", COL_IGNORED},
    {"notes", COL_IGNORED},      {"remark", COL_IGNORED},
    {"remarks", COL_IGNORED},
};

#define ACCEPTED_COLUMNS                                                                      \
    "序号/seq, 类别/category, 指标名称/name, 计量单位/unit, 目标值/target (or 2024年目标值), " \
    "责任单位/responsible, 备注/note"

/* Advice for the encodings Excel writes when asked for "CSV" or "Unicode text". */
#define SAVE_AS_UTF8 "save it as \"CSV UTF-8 (逗号分隔)(*.csv)\" and load it again"

/* What the loader remembers of each indicator it added, for duplicate messages. */
typedef struct row_info {
    size_t line;
    int auto_seq; /* its 序号 was empty and the plan numbered it */
} row_info;

typedef struct csv_ctx {
    const char *name; /* what messages call the input */
    zb_plan *tmp;     /* the table being built */
    zb_status status; /* first failure; later callbacks do nothing */
    char msg[ZB_ERROR_MESSAGE_MAX];
    char delim;

    /* The row being read: trimmed copies of its cells, and where it starts. */
    char **cells;
    size_t ncells, cells_cap;
    size_t row_line;   /* 0 = no row begun */
    size_t row_offset; /* byte offset of the start of row_line */

    /* The header. */
    int have_header;
    size_t ncols;
    col_kind *kinds;
    char **heads;                 /* header texts as written (trimmed), for messages */
    size_t col_of[COL_KIND_COUNT]; /* 1-based column of each kind; 0 = absent */
    size_t preamble_line;         /* first single-cell row skipped before the header */
    char *preamble_text;

    /* The data rows. */
    char *category; /* the 类别 above, continued over blank cells (a flattened merged cell) */
    row_info *rows; /* one per indicator added, by index */
    size_t rows_cap;
} csv_ctx;

/* ---- small text helpers ------------------------------------------------------------ */

/* Width in bytes of a white-space character at s (n bytes left), 0 if none. Covers what
 * cells carry from Excel and the web: ASCII space and controls, U+00A0, U+3000, a stray BOM. */
static size_t space_width(const unsigned char *s, size_t n)
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
    if (n >= 1 && space_width(s + n - 1, 1))
        return 1;
    if (n >= 2 && space_width(s + n - 2, 2) == 2)
        return 2;
    if (n >= 3 && space_width(s + n - 3, 3) == 3)
        return 3;
    return 0;
}

/* A malloc'd copy of s[0..n) without white space at either end; NULL when out of memory. */
static char *trim_copy(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t w;
    while (n && (w = space_width(u, n)) != 0)
        u += w, n -= w;
    while (n && (w = space_width_back(u, n)) != 0)
        n -= w;
    return zb_strndup((const char *)u, n);
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
 * lone \r, as libcsv sees them (Excel for Mac still writes \r). */
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
static const char *excerpt(const char *s, char *buf, size_t size)
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
static void utf8_trim_tail(char *s)
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

/* Records the first failure; the load stops feeding the parser once one is set. */
static void fail(csv_ctx *c, zb_status code, const char *fmt, ...) ZB_PRINTF(3, 4);
static void fail(csv_ctx *c, zb_status code, const char *fmt, ...)
{
    if (c->status)
        return;
    c->status = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->msg, sizeof c->msg, fmt, ap);
    va_end(ap);
    utf8_trim_tail(c->msg);
}

static void fail_nomem(csv_ctx *c)
{
    fail(c, ZB_ERR_NOMEM, "%s: out of memory reading the table", c->name);
}

/* "column 3 (序号)": how messages name a column. */
static const char *column_label(const csv_ctx *c, size_t col, char *buf, size_t size)
{
    char ex[192];
    if (col <= c->ncols && c->heads[col - 1][0])
        snprintf(buf, size, "column %zu (%s)", col, excerpt(c->heads[col - 1], ex, sizeof ex));
    else
        snprintf(buf, size, "column %zu", col);
    utf8_trim_tail(buf);
    return buf;
}

/* ---- the header ---------------------------------------------------------------------- */

/* The header text as matched: white space removed anywhere (`指 标 名 称`, `2024年 目标值`),
 * ASCII lower-cased. NULL when out of memory. */
static char *header_key(const char *s)
{
    size_t n = strlen(s);
    char *k = malloc(n + 1);
    if (!k)
        return NULL;
    size_t o = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (n) {
        size_t w = space_width(u, n);
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

/* One decimal digit, ASCII or full-width (U+FF10..U+FF19); -1 when *p holds none. */
static int read_digit(const char **p)
{
    const unsigned char *u = (const unsigned char *)*p;
    if (u[0] >= '0' && u[0] <= '9') {
        *p += 1;
        return u[0] - '0';
    }
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
        *p += 3;
        return u[2] - 0x90;
    }
    return -1;
}

static int read_year(const char **p)
{
    int y = 0;
    for (int i = 0; i < 4; i++) {
        int d = read_digit(p);
        if (d < 0)
            return -1;
        y = y * 10 + d;
    }
    return y;
}

/* `2024年目标值` / `2024年目标` → 2024, 2024; `2021-2023年目标值` (also – or —) → 2021, 2023.
 * Returns 1 on a match. */
static int parse_year_header(const char *key, int *first, int *last)
{
    const char *p = key;
    int a = read_year(&p);
    if (a < 0)
        return 0;
    int b = a;
    static const char *const dashes[] = {"-", "–", "—"};
    for (size_t i = 0; i < sizeof dashes / sizeof dashes[0]; i++) {
        size_t n = strlen(dashes[i]);
        if (strncmp(p, dashes[i], n) == 0) {
            p += n;
            if ((b = read_year(&p)) < 0)
                return 0;
            break;
        }
    }
    if (strncmp(p, "年目标", strlen("年目标")) != 0)
        return 0;
    p += strlen("年目标");
    if (strncmp(p, "值", strlen("值")) == 0)
        p += strlen("值");
    if (*p)
        return 0;
    *first = a;
    *last = b;
    return 1;
}

/* The kind a header key names; COL_KIND_COUNT when it names nothing known. */
static col_kind lookup_header(const char *key, int *first, int *last)
{
    *first = *last = 0;
    if (!*key)
        return COL_EMPTY;
    for (size_t i = 0; i < sizeof header_names / sizeof header_names[0]; i++)
        if (strcmp(key, header_names[i].key) == 0)
            return header_names[i].kind;
    if (parse_year_header(key, first, last))
        return COL_TARGET;
    return COL_KIND_COUNT;
}

static int names_a_column(const char *cell)
{
    char *key = header_key(cell);
    if (!key)
        return 0;
    int first, last;
    col_kind k = lookup_header(key, &first, &last);
    free(key);
    return k != COL_EMPTY && k != COL_KIND_COUNT;
}

/* The header texts, for a message: `序号, 类别, 目标值`. */
static void list_header(const csv_ctx *c, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < c->ncols && o + 1 < size; i++) {
        char ex[192];
        if (!c->heads[i][0])
            continue;
        int n = snprintf(buf + o, size - o, "%s%s", o ? ", " : "", excerpt(c->heads[i], ex, sizeof ex));
        if (n < 0 || (size_t)n >= size - o)
            break;
        o += (size_t)n;
    }
    utf8_trim_tail(buf);
}

static void read_header(csv_ctx *c)
{
    size_t line = c->row_line;
    size_t nonempty = 0, only = 0;
    for (size_t i = 0; i < c->ncells; i++)
        if (c->cells[i][0])
            nonempty++, only = i;

    /* A row of one cell that names no column is the 附件2 mark or the title that the target
     * table (and so Excel's CSV of it) has above the header: skip it. */
    if (nonempty == 1 && !names_a_column(c->cells[only])) {
        if (!c->preamble_text) {
            c->preamble_line = line;
            c->preamble_text = c->cells[only];
            c->cells[only] = NULL;
        }
        return;
    }

    c->kinds = calloc(c->ncells, sizeof *c->kinds);
    c->heads = calloc(c->ncells, sizeof *c->heads);
    if (!c->kinds || !c->heads) {
        fail_nomem(c);
        return;
    }
    /* The header owns the cells from here on. */
    memcpy(c->heads, c->cells, c->ncells * sizeof *c->cells);
    c->ncols = c->ncells;
    c->ncells = 0;
    c->have_header = 1;

    int year_first = 0, year_last = 0;
    size_t year_col = 0;
    char label[256], other[256];
    for (size_t i = 0; i < c->ncols; i++) {
        char *key = header_key(c->heads[i]);
        if (!key) {
            fail_nomem(c);
            return;
        }
        int first, last;
        col_kind kind = lookup_header(key, &first, &last);
        free(key);
        if (kind == COL_KIND_COUNT) {
            const char *h = c->heads[i];
            int fullwidth = strstr(h, "，") || strstr(h, "；") || strstr(h, "、");
            fail(c, ZB_ERR_SCHEMA, "%s:%zu: %s: unknown column%s; the columns are " ACCEPTED_COLUMNS,
                 c->name, line, column_label(c, i + 1, label, sizeof label),
                 fullwidth ? " (full-width ， ； 、 do not separate columns)" : "");
            return;
        }
        c->kinds[i] = kind;
        if (kind == COL_EMPTY || kind == COL_IGNORED)
            continue;
        if (c->col_of[kind]) {
            fail(c, ZB_ERR_SCHEMA, "%s:%zu: %s: duplicate column: %s names the same thing", c->name,
                 line, column_label(c, i + 1, label, sizeof label),
                 column_label(c, c->col_of[kind], other, sizeof other));
            return;
        }
        c->col_of[kind] = i + 1;
        if (first) {
            year_first = first;
            year_last = last;
            year_col = i + 1;
        }
    }
    if (!c->col_of[COL_NAME]) {
        char list[512];
        list_header(c, list, sizeof list);
        fail(c, ZB_ERR_SCHEMA, "%s:%zu: no 指标名称 (name) column; the header has %s; the columns are " ACCEPTED_COLUMNS,
             c->name, line, list);
        return;
    }
    if (year_col) {
        zb_status st = zb_plan_set_years(c->tmp, year_first, year_last);
        if (st == ZB_ERR_NOMEM)
            fail_nomem(c);
        else if (st)
            fail(c, ZB_ERR_VALUE, "%s:%zu: %s: not a year or span of years between 1900 and 9999",
                 c->name, line, column_label(c, year_col, label, sizeof label));
    }
}

/* ---- data rows ----------------------------------------------------------------------- */

/* The cell of a column kind in the current row: NULL when the table has no such column,
 * "" when the row is shorter than the header. */
static const char *cell_of(const csv_ctx *c, col_kind kind)
{
    size_t col = c->col_of[kind];
    if (!col)
        return NULL;
    return col <= c->ncells ? c->cells[col - 1] : "";
}

/* 序号: digits only (ASCII or full-width), 1..INT_MAX. 1 = ok, 0 = not digits, -1 = range. */
static int parse_seq(const char *s, int *out)
{
    long long v = 0;
    int big = 0;
    const char *p = s;
    if (!*p)
        return 0;
    while (*p) {
        int d = read_digit(&p);
        if (d < 0)
            return 0;
        if (!big) {
            v = v * 10 + d;
            if (v > INT_MAX)
                big = 1;
        }
    }
    if (big || v == 0)
        return -1;
    *out = (int)v;
    return 1;
}

static void read_data_row(csv_ctx *c)
{
    size_t line = c->row_line;
    char label[256], ex[192];

    /* Extra trailing cells are fine while empty: Excel pads every row to the widest one. */
    for (size_t i = c->ncols; i < c->ncells; i++) {
        if (c->cells[i][0]) {
            fail(c, ZB_ERR_SCHEMA,
                 "%s:%zu: the row has %zu fields but the header has %zu (field %zu is \"%s\"); a "
                 "field that holds the delimiter '%s' must be quoted",
                 c->name, line, c->ncells, c->ncols, i + 1, excerpt(c->cells[i], ex, sizeof ex),
                 c->delim == '\t' ? "\\t" : (char[]){c->delim, '\0'});
            return;
        }
    }
    size_t nonempty = 0;
    for (size_t i = 0; i < c->ncells && i < c->ncols; i++) {
        if (!c->cells[i][0])
            continue;
        nonempty++;
        if (c->kinds[i] == COL_EMPTY) {
            fail(c, ZB_ERR_SCHEMA, "%s:%zu: column %zu has no header but holds \"%s\"", c->name, line,
                 i + 1, excerpt(c->cells[i], ex, sizeof ex));
            return;
        }
    }

    const char *cat = cell_of(c, COL_CATEGORY);
    if (cat && *cat) {
        char *copy = zb_strdup(cat);
        if (!copy) {
            fail_nomem(c);
            return;
        }
        free(c->category);
        c->category = copy;
        /* A row that holds only a 类别 heads the group below it (some tables set categories
         * as rows of their own); the category is kept even if no indicator follows. */
        if (nonempty == 1) {
            if (zb_plan_add_category(c->tmp, cat, NULL) == ZB_ERR_NOMEM)
                fail_nomem(c);
            return;
        }
    }

    zb_indicator_def def = {0};
    const char *seq = cell_of(c, COL_SEQ);
    size_t seq_col = c->col_of[COL_SEQ];
    if (seq && *seq) {
        int r = parse_seq(seq, &def.seq);
        if (r <= 0) {
            fail(c, ZB_ERR_VALUE, "%s:%zu: %s: %s: \"%s\"", c->name, line,
                 column_label(c, seq_col, label, sizeof label),
                 r == 0 ? "not a sequence number" : "sequence number out of range (1 to 2147483647)",
                 excerpt(seq, ex, sizeof ex));
            return;
        }
        size_t other = zb_plan_find_indicator(c->tmp, def.seq);
        if (other != ZB_NONE) {
            fail(c, ZB_ERR_DUPLICATE, "%s:%zu: %s: sequence number %d is already used at line %zu%s",
                 c->name, line, column_label(c, seq_col, label, sizeof label), def.seq,
                 c->rows[other].line,
                 c->rows[other].auto_seq ? " (numbered automatically: its 序号 is empty)" : "");
            return;
        }
    }

    const char *unit = cell_of(c, COL_UNIT);
    const char *target = cell_of(c, COL_TARGET);
    const char *resp = cell_of(c, COL_RESPONSIBLE);
    const char *name = cell_of(c, COL_NAME);
    def.category = c->category;
    def.name = name ? name : "";
    def.unit = unit && *unit ? unit : NULL; /* empty: take it from the name */
    def.target = target && *target ? target : NULL;
    def.responsible = resp && *resp ? resp : NULL;

    size_t count = zb_plan_indicator_count(c->tmp);
    if (zb_grow((void **)&c->rows, &c->rows_cap, count + 1, sizeof *c->rows)) {
        fail_nomem(c);
        return;
    }
    zb_buf src = {0};
    zb_buf_addf(&src, "%s:%zu", c->name, line);
    if (src.failed) {
        zb_buf_free(&src);
        fail_nomem(c);
        return;
    }
    def.source = src.data;
    size_t index = 0;
    zb_status st = zb_plan_add_indicator(c->tmp, &def, &index);
    zb_buf_free(&src);
    if (st == ZB_ERR_NOMEM) {
        fail_nomem(c);
        return;
    }
    if (st) {
        fail(c, st, "%s:%zu: %s", c->name, line, zb_errmsg(c->tmp));
        return;
    }
    if (index < c->rows_cap) {
        c->rows[index].line = line;
        c->rows[index].auto_seq = def.seq == 0;
    }
}

/* ---- libcsv callbacks ---------------------------------------------------------------- */

static void clear_row(csv_ctx *c)
{
    for (size_t i = 0; i < c->ncells; i++)
        free(c->cells[i]);
    c->ncells = 0;
}

static void on_field(void *data, size_t len, void *vctx)
{
    csv_ctx *c = vctx;
    if (c->status)
        return;
    if (zb_grow((void **)&c->cells, &c->cells_cap, c->ncells + 1, sizeof *c->cells)) {
        fail_nomem(c);
        return;
    }
    char *cell = trim_copy(data ? (const char *)data : "", data ? len : 0);
    if (!cell) {
        fail_nomem(c);
        return;
    }
    c->cells[c->ncells++] = cell;
}

static void on_row(int terminator, void *vctx)
{
    (void)terminator;
    csv_ctx *c = vctx;
    if (!c->status) {
        int empty = 1;
        for (size_t i = 0; i < c->ncells && empty; i++)
            empty = !c->cells[i][0];
        if (!empty) {
            if (c->have_header)
                read_data_row(c);
            else
                read_header(c);
        }
    }
    clear_row(c);
    c->row_line = 0;
}

/* ---- the load ------------------------------------------------------------------------ */

/* The delimiter of the first record that holds one: whichever of , \t ; occurs most outside
 * quotes (ties go to the comma, then the tab); a comma when no record holds any. */
static char detect_delimiter(const char *s, size_t len)
{
    static const char cand[3] = {',', '\t', ';'};
    size_t count[3] = {0, 0, 0};
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
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

/* Nonzero when a line holds something that begins a row for libcsv: anything but spaces,
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

/* Where the quoted field that never closes begins: libcsv (strict) has accepted everything
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

/* Checks the bytes before any parsing: Excel on Chinese Windows saves "CSV" in GBK and
 * "Unicode text" in UTF-16, and neither must be read as garbage. */
static zb_status check_encoding(csv_ctx *c, const char *text, size_t len, size_t bom)
{
    const unsigned char *u = (const unsigned char *)text;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        fail(c, ZB_ERR_ENCODING,
             "%s:1: the file is UTF-16 (what Excel saves as \"Unicode text\"), not UTF-8; " SAVE_AS_UTF8,
             c->name);
        return c->status;
    }
    const char *body = text + bom;
    size_t n = len - bom;
    size_t line, col;
    const char *nul = memchr(body, '\0', n);
    if (nul) {
        size_t off = (size_t)(nul - body);
        text_pos(body, n, off, &line, &col);
        fail(c, ZB_ERR_ENCODING,
             "%s:%zu:%zu: a NUL byte at offset %zu: this is not UTF-8 text (UTF-16 without a "
             "byte-order mark?); " SAVE_AS_UTF8,
             c->name, line, col, off + bom);
        return c->status;
    }
    size_t bad = zb_utf8_check(body, n);
    if (bad < n) {
        text_pos(body, n, bad, &line, &col);
        if (zb_looks_like_gbk(body, n))
            fail(c, ZB_ERR_ENCODING,
                 "%s:%zu:%zu: not valid UTF-8: the file looks like GBK/GB18030, the encoding Excel "
                 "uses for \"CSV\" on Chinese Windows; " SAVE_AS_UTF8,
                 c->name, line, col);
        else
            fail(c, ZB_ERR_ENCODING, "%s:%zu:%zu: not valid UTF-8: byte 0x%02X at offset %zu; " SAVE_AS_UTF8,
                 c->name, line, col, (unsigned)(unsigned char)body[bad], bad + bom);
        return c->status;
    }
    return ZB_OK;
}

/* Feeds libcsv one line at a time so that every row knows the line it starts on; a quoted
 * field may carry a row over several lines. */
static void parse_text(csv_ctx *c, const char *s, size_t len)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        fail_nomem(c);
        return;
    }
    csv_set_delim(&p, (unsigned char)c->delim);
    /* libcsv grows its field buffer by a fixed step: a step in proportion to the input keeps
     * a long field from costing thousands of reallocations. */
    size_t step = len / 8;
    csv_set_blk_size(&p, step < 1024 ? 1024 : step > ((size_t)1 << 20) ? (size_t)1 << 20 : step);

    size_t pos = 0, line = 1;
    while (pos < len && !c->status) {
        size_t end = pos;
        while (end < len && s[end] != '\n' && s[end] != '\r')
            end++;
        if (end < len)
            end += (s[end] == '\r' && end + 1 < len && s[end + 1] == '\n') ? 2 : 1;
        if (!c->row_line && line_has_content(s + pos, end - pos, c->delim)) {
            c->row_line = line;
            c->row_offset = pos;
        }
        size_t done = csv_parse(&p, s + pos, end - pos, on_field, on_row, c);
        if (done < end - pos && !c->status) {
            if (csv_error(&p) == CSV_EPARSE) {
                size_t col = count_chars(s + pos, done) + 1;
                fail(c, ZB_ERR_SYNTAX,
                     "%s:%zu:%zu: %s; a field that holds \" must be quoted as a whole, each \" "
                     "inside doubled (\"\")",
                     c->name, line, col,
                     s[pos + done] == '"' ? "stray quote" : "text after the closing quote of a field");
            } else {
                fail_nomem(c);
            }
        }
        pos = end;
        line++;
    }
    if (!c->status && csv_fini(&p, on_field, on_row, c) != 0 && !c->status) {
        if (csv_error(&p) == CSV_EPARSE) {
            size_t qline, qcol;
            text_pos(s, len, unclosed_quote(s, c->row_offset, len), &qline, &qcol);
            fail(c, ZB_ERR_SYNTAX, "%s:%zu:%zu: a quoted field starts here and never ends: the closing \" is missing",
                 c->name, qline, qcol);
        } else {
            fail_nomem(c);
        }
    }
    csv_free(&p);
}

static void ctx_free(csv_ctx *c)
{
    clear_row(c);
    free(c->cells);
    for (size_t i = 0; c->heads && i < c->ncols; i++)
        free(c->heads[i]);
    free(c->heads);
    free(c->kinds);
    free(c->preamble_text);
    free(c->category);
    free(c->rows);
    zb_plan_free(c->tmp);
}

zb_status zb_csv_load_string(zb_plan *plan, const char *text, size_t len, const char *name,
                             const zb_csv_options *options)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!name)
        name = "<string>";
    if (!text && len)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "%s: no text given", name);
    if (!text)
        text = "";
    char delim = options ? options->delimiter : 0;
    unsigned char d = (unsigned char)delim;
    if (d && (d == '"' || d == '\r' || d == '\n' || d >= 0x80))
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT,
                            "%s: delimiter 0x%02X cannot be used: not a quote, a line end or a non-ASCII byte",
                            name, (unsigned)d);

    csv_ctx c;
    memset(&c, 0, sizeof c);
    c.name = name;
    c.tmp = zb_plan_new();
    if (!c.tmp)
        return zb_plan_fail(plan, ZB_ERR_NOMEM, "%s: out of memory reading the table", name);

    size_t bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (check_encoding(&c, text, len, bom) == ZB_OK) {
        c.delim = delim ? delim : detect_delimiter(text + bom, len - bom);
        parse_text(&c, text + bom, len - bom);
    }
    if (!c.status && !c.have_header) {
        if (c.preamble_text) {
            char ex[192];
            fail(&c, ZB_ERR_SCHEMA,
                 "%s: no header row naming the columns; line %zu holds only \"%s\"; the columns "
                 "are " ACCEPTED_COLUMNS,
                 name, c.preamble_line, excerpt(c.preamble_text, ex, sizeof ex));
        } else {
            fail(&c, ZB_ERR_SCHEMA,
                 "%s: empty file: expected a header row naming the columns, e.g. "
                 "序号,类别,指标名称,计量单位,目标值,责任单位",
                 name);
        }
    }
    /* Years before the table: setting them is the only step that can fail, and a failed
     * load must leave the plan as it was. */
    if (!c.status && zb_plan_first_year(c.tmp) && !zb_plan_first_year(plan)) {
        zb_status st = zb_plan_set_years(plan, zb_plan_first_year(c.tmp), zb_plan_last_year(c.tmp));
        if (st)
            fail(&c, st, "%s: cannot set the plan's years: %s", name, zb_errmsg(plan));
    }
    if (c.status) {
        zb_status st = c.status;
        zb_plan_fail(plan, st, "%s", c.msg);
        ctx_free(&c);
        return st;
    }
    zb_plan_move_table(plan, c.tmp);
    zb_plan_clear_error(plan);
    ctx_free(&c);
    return ZB_OK;
}

zb_status zb_csv_load(zb_plan *plan, const char *path, const zb_csv_options *options)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!path)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "no CSV path given");
    char *text = NULL;
    size_t len = 0;
    zb_error err;
    zb_status st = zb_read_file(path, &text, &len, &err);
    if (st)
        return zb_plan_fail(plan, st, "%s", err.message);
    st = zb_csv_load_string(plan, text, len, path, options);
    free(text);
    return st;
}
