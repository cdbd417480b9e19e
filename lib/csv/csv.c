/* CSV import of an indicator table (指标体系表), the way analysts keep the seed's 附件2 in
 * Excel. reader.c checks the encoding, finds the delimiter and hands over rows with their
 * line; this file maps the header to columns and builds the table in a scratch plan that is
 * moved into the caller's plan only when the whole file was read. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"
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

/* Header names after zb_csv_header_key(): spaces removed, ASCII lower-cased. */
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

/* What the loader remembers of each indicator it added, for duplicate messages. */
typedef struct row_info {
    size_t line;
    int auto_seq; /* its 序号 was empty and the plan numbered it */
} row_info;

typedef struct csv_ctx {
    zb_csv_reader r; /* first: on_row casts back */
    zb_plan *tmp;    /* the table being built */

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

/* "column 3 (序号)": how messages name a column. */
static const char *column_label(const csv_ctx *c, size_t col, char *buf, size_t size)
{
    char ex[192];
    if (col <= c->ncols && c->heads[col - 1][0])
        snprintf(buf, size, "column %zu (%s)", col, zb_csv_excerpt(c->heads[col - 1], ex, sizeof ex));
    else
        snprintf(buf, size, "column %zu", col);
    zb_csv_trim_tail(buf);
    return buf;
}

/* ---- the header ---------------------------------------------------------------------- */

static int read_year(const char **p)
{
    int y = 0;
    for (int i = 0; i < 4; i++) {
        int d = zb_csv_read_digit(p);
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
    char *key = zb_csv_header_key(cell);
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
        int n = snprintf(buf + o, size - o, "%s%s", o ? ", " : "", zb_csv_excerpt(c->heads[i], ex, sizeof ex));
        if (n < 0 || (size_t)n >= size - o)
            break;
        o += (size_t)n;
    }
    zb_csv_trim_tail(buf);
}

static void read_header(csv_ctx *c)
{
    size_t line = c->r.row_line;
    size_t nonempty = 0, only = 0;
    for (size_t i = 0; i < c->r.ncells; i++)
        if (c->r.cells[i][0])
            nonempty++, only = i;

    /* A row of one cell that names no column is the 附件2 mark or the title that the target
     * table (and so Excel's CSV of it) has above the header: skip it. */
    if (nonempty == 1 && !names_a_column(c->r.cells[only])) {
        if (!c->preamble_text) {
            c->preamble_line = line;
            c->preamble_text = c->r.cells[only];
            c->r.cells[only] = NULL;
        }
        return;
    }

    c->kinds = calloc(c->r.ncells, sizeof *c->kinds);
    c->heads = calloc(c->r.ncells, sizeof *c->heads);
    if (!c->kinds || !c->heads) {
        zb_csv_fail_nomem(&c->r);
        return;
    }
    /* The header owns the cells from here on. */
    memcpy(c->heads, c->r.cells, c->r.ncells * sizeof *c->r.cells);
    c->ncols = c->r.ncells;
    c->r.ncells = 0;
    c->have_header = 1;

    int year_first = 0, year_last = 0;
    size_t year_col = 0;
    char label[256], other[256];
    for (size_t i = 0; i < c->ncols; i++) {
        char *key = zb_csv_header_key(c->heads[i]);
        if (!key) {
            zb_csv_fail_nomem(&c->r);
            return;
        }
        int first, last;
        col_kind kind = lookup_header(key, &first, &last);
        free(key);
        if (kind == COL_KIND_COUNT) {
            const char *h = c->heads[i];
            int fullwidth = strstr(h, "，") || strstr(h, "；") || strstr(h, "、");
            zb_csv_fail(&c->r, ZB_ERR_SCHEMA, "%s:%zu: %s: unknown column%s; the columns are " ACCEPTED_COLUMNS,
                 c->r.name, line, column_label(c, i + 1, label, sizeof label),
                 fullwidth ? " (full-width ， ； 、 do not separate columns)" : "");
            return;
        }
        c->kinds[i] = kind;
        if (kind == COL_EMPTY || kind == COL_IGNORED)
            continue;
        if (c->col_of[kind]) {
            zb_csv_fail(&c->r, ZB_ERR_SCHEMA, "%s:%zu: %s: duplicate column: %s names the same thing", c->r.name,
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
        zb_csv_fail(&c->r, ZB_ERR_SCHEMA, "%s:%zu: no 指标名称 (name) column; the header has %s; the columns are " ACCEPTED_COLUMNS,
             c->r.name, line, list);
        return;
    }
    if (year_col) {
        zb_status st = zb_plan_set_years(c->tmp, year_first, year_last);
        if (st == ZB_ERR_NOMEM)
            zb_csv_fail_nomem(&c->r);
        else if (st)
            zb_csv_fail(&c->r, ZB_ERR_VALUE, "%s:%zu: %s: not a year or span of years between 1900 and 9999",
                 c->r.name, line, column_label(c, year_col, label, sizeof label));
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
    return col <= c->r.ncells ? c->r.cells[col - 1] : "";
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
        int d = zb_csv_read_digit(&p);
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
    size_t line = c->r.row_line;
    char label[256], ex[192];

    /* Extra trailing cells are fine while empty: Excel pads every row to the widest one. */
    for (size_t i = c->ncols; i < c->r.ncells; i++) {
        if (c->r.cells[i][0]) {
            zb_csv_fail(&c->r, ZB_ERR_SCHEMA,
                 "%s:%zu: the row has %zu fields but the header has %zu (field %zu is \"%s\"); a "
                 "field that holds the delimiter '%s' must be quoted",
                 c->r.name, line, c->r.ncells, c->ncols, i + 1, zb_csv_excerpt(c->r.cells[i], ex, sizeof ex),
                 c->r.delim == '\t' ? "\\t" : (char[]){c->r.delim, '\0'});
            return;
        }
    }
    size_t nonempty = 0;
    for (size_t i = 0; i < c->r.ncells && i < c->ncols; i++) {
        if (!c->r.cells[i][0])
            continue;
        nonempty++;
        if (c->kinds[i] == COL_EMPTY) {
            zb_csv_fail(&c->r, ZB_ERR_SCHEMA, "%s:%zu: column %zu has no header but holds \"%s\"", c->r.name, line,
                 i + 1, zb_csv_excerpt(c->r.cells[i], ex, sizeof ex));
            return;
        }
    }

    const char *cat = cell_of(c, COL_CATEGORY);
    if (cat && *cat) {
        char *copy = zb_strdup(cat);
        if (!copy) {
            zb_csv_fail_nomem(&c->r);
            return;
        }
        free(c->category);
        c->category = copy;
        /* A row that holds only a 类别 heads the group below it (some tables set categories
         * as rows of their own); the category is kept even if no indicator follows. */
        if (nonempty == 1) {
            if (zb_plan_add_category(c->tmp, cat, NULL) == ZB_ERR_NOMEM)
                zb_csv_fail_nomem(&c->r);
            return;
        }
    }

    zb_indicator_def def = {0};
    const char *seq = cell_of(c, COL_SEQ);
    size_t seq_col = c->col_of[COL_SEQ];
    if (seq && *seq) {
        int r = parse_seq(seq, &def.seq);
        if (r <= 0) {
            zb_csv_fail(&c->r, ZB_ERR_VALUE, "%s:%zu: %s: %s: \"%s\"", c->r.name, line,
                 column_label(c, seq_col, label, sizeof label),
                 r == 0 ? "not a sequence number" : "sequence number out of range (1 to 2147483647)",
                 zb_csv_excerpt(seq, ex, sizeof ex));
            return;
        }
        size_t other = zb_plan_find_indicator(c->tmp, def.seq);
        if (other != ZB_NONE) {
            zb_csv_fail(&c->r, ZB_ERR_DUPLICATE, "%s:%zu: %s: sequence number %d is already used at line %zu%s",
                 c->r.name, line, column_label(c, seq_col, label, sizeof label), def.seq,
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
        zb_csv_fail_nomem(&c->r);
        return;
    }
    zb_buf src = {0};
    zb_buf_addf(&src, "%s:%zu", c->r.name, line);
    if (src.failed) {
        zb_buf_free(&src);
        zb_csv_fail_nomem(&c->r);
        return;
    }
    def.source = src.data;
    size_t index = 0;
    zb_status st = zb_plan_add_indicator(c->tmp, &def, &index);
    zb_buf_free(&src);
    if (st == ZB_ERR_NOMEM) {
        zb_csv_fail_nomem(&c->r);
        return;
    }
    if (st) {
        zb_csv_fail(&c->r, st, "%s:%zu: %s", c->r.name, line, zb_errmsg(c->tmp));
        return;
    }
    if (index < c->rows_cap) {
        c->rows[index].line = line;
        c->rows[index].auto_seq = def.seq == 0;
    }
}

/* Every row with something in it: the header first (after any title rows), then data. */
static void on_table_row(zb_csv_reader *r)
{
    csv_ctx *c = (csv_ctx *)r;
    if (c->have_header)
        read_data_row(c);
    else
        read_header(c);
}

static void ctx_free(csv_ctx *c)
{
    zb_csv_reader_free(&c->r);
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
    c.r.name = name;
    c.r.delim = delim;
    c.r.on_row = on_table_row;
    c.tmp = zb_plan_new();
    if (!c.tmp)
        return zb_plan_fail(plan, ZB_ERR_NOMEM, "%s: out of memory reading the table", name);

    zb_csv_read(&c.r, text, len);
    if (!c.r.status && !c.have_header) {
        if (c.preamble_text) {
            char ex[192];
            zb_csv_fail(&c.r, ZB_ERR_SCHEMA,
                 "%s: no header row naming the columns; line %zu holds only \"%s\"; the columns "
                 "are " ACCEPTED_COLUMNS,
                 name, c.preamble_line, zb_csv_excerpt(c.preamble_text, ex, sizeof ex));
        } else {
            zb_csv_fail(&c.r, ZB_ERR_SCHEMA,
                 "%s: empty file: expected a header row naming the columns, e.g. "
                 "序号,类别,指标名称,计量单位,目标值,责任单位",
                 name);
        }
    }
    /* Years before the table: setting them is the only step that can fail, and a failed
     * load must leave the plan as it was. */
    if (!c.r.status && zb_plan_first_year(c.tmp) && !zb_plan_first_year(plan)) {
        zb_status st = zb_plan_set_years(plan, zb_plan_first_year(c.tmp), zb_plan_last_year(c.tmp));
        if (st)
            zb_csv_fail(&c.r, st, "%s: cannot set the plan's years: %s", name, zb_errmsg(plan));
    }
    if (c.r.status) {
        zb_status st = c.r.status;
        zb_plan_fail(plan, st, "%s", c.r.msg);
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
