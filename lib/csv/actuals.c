/* Period actuals (月度监测) from CSV: seq, period, actual and an optional note per row, as the
 * lead units report them. Every row is checked first (indicator, period, number, duplicates
 * in the file and in the plan) and the actuals are added only when all rows passed, so a bad
 * file changes nothing. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"
#include "plan/plan_internal.h"
#include "zhibiao/csv.h"

typedef enum acol {
    ACOL_EMPTY = 0, /* no header text: the column must stay empty */
    ACOL_SEQ,
    ACOL_PERIOD,
    ACOL_ACTUAL,
    ACOL_NOTE,
    ACOL_COUNT
} acol;

/* Header names after zb_csv_header_key(): spaces removed, ASCII lower-cased. */
static const struct {
    const char *key;
    acol kind;
} header_names[] = {
    {"seq", ACOL_SEQ},         {"序号", ACOL_SEQ},        {"period", ACOL_PERIOD},   {"期间", ACOL_PERIOD},
    {"月份", ACOL_PERIOD},     {"报告期", ACOL_PERIOD},   {"actual", ACOL_ACTUAL},   {"累计值", ACOL_ACTUAL},
    {"实际值", ACOL_ACTUAL},   {"本期累计", ACOL_ACTUAL}, {"value", ACOL_ACTUAL},    {"note", ACOL_NOTE},
    {"备注", ACOL_NOTE},       {"说明", ACOL_NOTE},
};

#define ACCEPTED_COLUMNS                                                                           \
    "seq/序号, period/期间/月份/报告期, actual/累计值/实际值/本期累计/value, and optionally note/备注/说明"

/* One row, checked and waiting to be added. */
typedef struct pending {
    int seq;
    char period[8];
    double value;
    char *note; /* NULL = none */
} pending;

/* (indicator, month) pairs seen so far, with the line of each: open addressing, no removal. */
typedef struct seen_slot {
    uint64_t key;
    size_t line; /* 0 = empty */
} seen_slot;

typedef struct actuals_ctx {
    zb_csv_reader r; /* first: on_row casts back */
    const zb_plan *plan;

    int have_header;
    size_t ncols;
    acol *kinds;
    char **heads;                /* header texts as written, for messages */
    size_t col_of[ACOL_COUNT];   /* 1-based column of each kind; 0 = absent */

    pending *rows;
    size_t nrows, rows_cap;
    seen_slot *seen;
    size_t seen_cap, seen_count;
} actuals_ctx;

/* ---- reading the cells ---------------------------------------------------------------- */

/* 序号: digits only (ASCII or full-width), 1..INT_MAX. 1 = ok, 0 = not digits, -1 = range. */
static int parse_seq(const char *s, int *out)
{
    long long v = 0;
    const char *p = s;
    if (!*p)
        return 0;
    while (*p) {
        int d = zb_read_digit(&p);
        if (d < 0)
            return 0;
        if (v <= 2147483647LL)
            v = v * 10 + d;
    }
    if (v == 0 || v > 2147483647LL)
        return -1;
    *out = (int)v;
    return 1;
}

/* A plain number as a report writes it: an optional sign, digits (ASCII or full-width) with
 * thousands separators in groups of three, a decimal part, and a trailing % for a percentage.
 * Nothing else: no words, no units, no qualifiers. 1 = ok; 0 = not a number. */
static int parse_value(const char *s, double *value, int *percent)
{
    char buf[96];
    size_t o = 0;
    const char *p = s;
    *percent = 0;
    if (*p == '-' || *p == '+')
        buf[o++] = *p++;
    else if (strncmp(p, "－", strlen("－")) == 0)
        buf[o++] = '-', p += strlen("－");
    else if (strncmp(p, "＋", strlen("＋")) == 0)
        p += strlen("＋");
    size_t digits = 0, group = 0;
    int grouped = 0;
    for (;;) {
        int d = zb_read_digit(&p);
        if (d >= 0) {
            if (o + 2 >= sizeof buf)
                return 0;
            buf[o++] = (char)('0' + d);
            digits++, group++;
            continue;
        }
        if (*p == ',' || strncmp(p, "，", strlen("，")) == 0) {
            /* 1,200: the first group 1-3 digits, every later one exactly 3 */
            if (!digits || (grouped ? group != 3 : group > 3))
                return 0;
            grouped = 1;
            group = 0;
            p += *p == ',' ? 1 : strlen("，");
            continue;
        }
        break;
    }
    if (!digits || (grouped && group != 3))
        return 0;
    if (*p == '.' || strncmp(p, "．", strlen("．")) == 0) {
        p += *p == '.' ? 1 : strlen("．");
        buf[o++] = '.';
        size_t frac = 0;
        int d;
        while ((d = zb_read_digit(&p)) >= 0) {
            if (o + 2 >= sizeof buf)
                return 0;
            buf[o++] = (char)('0' + d);
            frac++;
        }
        if (!frac)
            return 0;
    }
    if (*p == '%' || strncmp(p, "％", strlen("％")) == 0) {
        p += *p == '%' ? 1 : strlen("％");
        *percent = 1;
    }
    if (*p)
        return 0;
    buf[o] = '\0';
    double v = strtod(buf, NULL);
    if (!isfinite(v))
        return 0;
    *value = v == 0 ? 0 : v; /* no -0 */
    return 1;
}

static int is_percent(const zb_plan *plan, size_t i)
{
    const char *unit = zb_plan_indicator_unit(plan, i);
    const char *text = zb_plan_indicator_target_text(plan, i);
    return strcmp(unit, "%") == 0 || strcmp(unit, "％") == 0 || strchr(text, '%') || strstr(text, "％");
}

/* ---- duplicates within the file ------------------------------------------------------- */

static uint64_t mix(uint64_t x)
{
    x ^= x >> 30; /* splitmix64's finaliser */
    x *= 0xbf58476d1ce4e5b9u;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebu;
    return x ^ (x >> 31);
}

/* The line that already holds key, or 0; when none, records it at line. -1 = out of memory. */
static long long seen_check(actuals_ctx *c, uint64_t key, size_t line)
{
    if ((c->seen_count + 1) * 2 > c->seen_cap) {
        size_t cap = c->seen_cap ? c->seen_cap * 2 : 64;
        seen_slot *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return -1;
        for (size_t i = 0; i < c->seen_cap; i++) {
            if (!c->seen[i].line)
                continue;
            size_t k = (size_t)mix(c->seen[i].key) & (cap - 1);
            while (slots[k].line)
                k = (k + 1) & (cap - 1);
            slots[k] = c->seen[i];
        }
        free(c->seen);
        c->seen = slots;
        c->seen_cap = cap;
    }
    size_t k = (size_t)mix(key) & (c->seen_cap - 1);
    for (; c->seen[k].line; k = (k + 1) & (c->seen_cap - 1))
        if (c->seen[k].key == key)
            return (long long)c->seen[k].line;
    c->seen[k].key = key;
    c->seen[k].line = line;
    c->seen_count++;
    return 0;
}

/* ---- rows ------------------------------------------------------------------------------ */

/* "累计值" or "column 3": how a message names a column after file:line:column. */
static const char *head_of(const actuals_ctx *c, size_t col, char *buf, size_t size)
{
    char ex[192];
    if (col <= c->ncols && c->heads[col - 1][0])
        snprintf(buf, size, "%s", zb_csv_excerpt(c->heads[col - 1], ex, sizeof ex));
    else
        snprintf(buf, size, "column %zu", col);
    zb_csv_trim_tail(buf);
    return buf;
}

static void read_header(actuals_ctx *c)
{
    zb_csv_reader *r = &c->r;
    size_t line = r->row_line;
    c->kinds = calloc(r->ncells, sizeof *c->kinds);
    c->heads = calloc(r->ncells, sizeof *c->heads);
    if (!c->kinds || !c->heads) {
        zb_csv_fail_nomem(r);
        return;
    }
    c->ncols = r->ncells;
    for (size_t i = 0; i < c->ncols; i++) /* the header keeps copies of its cells */
        if (!(c->heads[i] = zb_strdup(r->cells[i]))) {
            zb_csv_fail_nomem(r);
            return;
        }
    c->have_header = 1;

    char ex[192], label[256];
    for (size_t i = 0; i < c->ncols; i++) {
        char *key = zb_csv_header_key(c->heads[i]);
        if (!key) {
            zb_csv_fail_nomem(r);
            return;
        }
        acol kind = ACOL_COUNT;
        if (!*key)
            kind = ACOL_EMPTY;
        for (size_t k = 0; kind == ACOL_COUNT && k < sizeof header_names / sizeof *header_names; k++)
            if (strcmp(key, header_names[k].key) == 0)
                kind = header_names[k].kind;
        free(key);
        if (kind == ACOL_COUNT) {
            zb_csv_fail(r, ZB_ERR_SCHEMA, "%s:%zu:%zu: unknown column \"%s\"; the first row must name the columns "
                        ACCEPTED_COLUMNS, r->name, line, i + 1, zb_csv_excerpt(c->heads[i], ex, sizeof ex));
            return;
        }
        c->kinds[i] = kind;
        if (kind == ACOL_EMPTY)
            continue;
        if (c->col_of[kind]) {
            zb_csv_fail(r, ZB_ERR_SCHEMA, "%s:%zu:%zu: duplicate column: \"%s\" names the same thing as column %zu (%s)",
                        r->name, line, i + 1, zb_csv_excerpt(c->heads[i], ex, sizeof ex), c->col_of[kind],
                        head_of(c, c->col_of[kind], label, sizeof label));
            return;
        }
        c->col_of[kind] = i + 1;
    }
    static const struct {
        acol kind;
        const char *what;
    } required[] = {{ACOL_SEQ, "seq (序号)"}, {ACOL_PERIOD, "period (期间)"}, {ACOL_ACTUAL, "actual (累计值)"}};
    for (size_t k = 0; k < sizeof required / sizeof *required; k++) {
        if (!c->col_of[required[k].kind]) {
            zb_csv_fail(r, ZB_ERR_SCHEMA, "%s:%zu: no %s column; the columns are " ACCEPTED_COLUMNS, r->name, line,
                        required[k].what);
            return;
        }
    }
}

/* The cell of a column kind in the current row; "" when absent or the row is short. */
static const char *cell_of(const actuals_ctx *c, acol kind)
{
    size_t col = c->col_of[kind];
    return col && col <= c->r.ncells ? c->r.cells[col - 1] : "";
}

static void read_data_row(actuals_ctx *c)
{
    zb_csv_reader *r = &c->r;
    size_t line = r->row_line;
    char ex[192], label[256];

    /* Extra trailing cells are fine while empty: Excel pads every row to the widest one. */
    for (size_t i = 0; i < r->ncells; i++) {
        if (!r->cells[i][0] || (i < c->ncols && c->kinds[i] != ACOL_EMPTY))
            continue;
        if (i >= c->ncols)
            zb_csv_fail(r, ZB_ERR_SCHEMA,
                        "%s:%zu:%zu: the row has %zu fields but the header has %zu (field %zu is \"%s\"); a "
                        "field that holds the delimiter must be quoted",
                        r->name, line, i + 1, r->ncells, c->ncols, i + 1, zb_csv_excerpt(r->cells[i], ex, sizeof ex));
        else
            zb_csv_fail(r, ZB_ERR_SCHEMA, "%s:%zu:%zu: column %zu has no header but holds \"%s\"", r->name, line,
                        i + 1, i + 1, zb_csv_excerpt(r->cells[i], ex, sizeof ex));
        return;
    }

    const char *seq_text = cell_of(c, ACOL_SEQ);
    const char *period_text = cell_of(c, ACOL_PERIOD);
    const char *value_text = cell_of(c, ACOL_ACTUAL);
    const char *note = cell_of(c, ACOL_NOTE);
    size_t seq_col = c->col_of[ACOL_SEQ], period_col = c->col_of[ACOL_PERIOD],
           value_col = c->col_of[ACOL_ACTUAL];

    pending row = {0};
    int st = parse_seq(seq_text, &row.seq);
    if (!*seq_text) {
        zb_csv_fail(r, ZB_ERR_VALUE, "%s:%zu:%zu: %s: no sequence number", r->name, line, seq_col,
                    head_of(c, seq_col, label, sizeof label));
        return;
    }
    if (st <= 0) {
        zb_csv_fail(r, ZB_ERR_VALUE, "%s:%zu:%zu: %s: %s: \"%s\"", r->name, line, seq_col,
                    head_of(c, seq_col, label, sizeof label),
                    st == 0 ? "not a sequence number" : "sequence number out of range (1 to 2147483647)",
                    zb_csv_excerpt(seq_text, ex, sizeof ex));
        return;
    }
    size_t ind = zb_plan_find_indicator(c->plan, row.seq);
    if (ind == ZB_NONE) {
        zb_csv_fail(r, ZB_ERR_NOT_FOUND, "%s:%zu:%zu: %s: there is no indicator %d in the plan", r->name, line,
                    seq_col, head_of(c, seq_col, label, sizeof label), row.seq);
        return;
    }
    st = zb_period_parse(period_text, row.period);
    if (st != 1) {
        zb_csv_fail(r, ZB_ERR_VALUE, "%s:%zu:%zu: %s: %s \"%s\"; write the month as YYYY-MM, e.g. 2024-06%s",
                    r->name, line, period_col, head_of(c, period_col, label, sizeof label),
                    !*period_text ? "no period:" : st == 2 ? "a date, not a month:" : "not a month:",
                    zb_csv_excerpt(period_text, ex, sizeof ex),
                    st == 2 ? " (Excel turns 2024-06 into a date: format the column as text)" : "");
        return;
    }
    int year = atoi(row.period);
    int first = zb_plan_first_year(c->plan), last = zb_plan_last_year(c->plan);
    if (first && (year < first || year > last)) {
        if (first == last)
            zb_csv_fail(r, ZB_ERR_VALUE, "%s:%zu:%zu: %s: %s is outside the plan's year %d", r->name, line,
                        period_col, head_of(c, period_col, label, sizeof label), row.period, first);
        else
            zb_csv_fail(r, ZB_ERR_VALUE, "%s:%zu:%zu: %s: %s is outside the plan's years %d–%d", r->name,
                        line, period_col, head_of(c, period_col, label, sizeof label), row.period, first, last);
        return;
    }
    /* A row with no actual is a template row not reported yet: it adds nothing. */
    if (!*value_text)
        return;
    int percent = 0;
    if (!parse_value(value_text, &row.value, &percent)) {
        zb_csv_fail(r, ZB_ERR_VALUE,
                    "%s:%zu:%zu: %s: not a number: \"%s\" (write the number only, e.g. 230, 1,200.5 or 6.8%%)",
                    r->name, line, value_col, head_of(c, value_col, label, sizeof label),
                    zb_csv_excerpt(value_text, ex, sizeof ex));
        return;
    }
    if (!zb_number_usable(row.value)) {
        zb_csv_fail(r, ZB_ERR_VALUE, "%s:%zu:%zu: %s: \"%s\" is beyond the numbers a plan holds (%s)", r->name, line,
                    value_col, head_of(c, value_col, label, sizeof label), zb_csv_excerpt(value_text, ex, sizeof ex),
                    ZB_NUMBER_RANGE);
        return;
    }
    if (percent && !is_percent(c->plan, ind)) {
        const char *unit = zb_plan_indicator_unit(c->plan, ind);
        zb_csv_fail(r, ZB_ERR_VALUE, "%s:%zu:%zu: %s: \"%s\" is a percentage but indicator %d (%s) is %s%s",
                    r->name, line, value_col, head_of(c, value_col, label, sizeof label),
                    zb_csv_excerpt(value_text, ex, sizeof ex), row.seq, zb_plan_indicator_name(c->plan, ind),
                    *unit ? "counted in " : "not a percentage", unit);
        return;
    }

    uint64_t key = ((uint64_t)ind << 17) | (uint64_t)(year * 12 + atoi(row.period + 5) - 1);
    long long other = seen_check(c, key, line);
    if (other < 0) {
        zb_csv_fail_nomem(r);
        return;
    }
    if (other > 0) {
        zb_csv_fail(r, ZB_ERR_DUPLICATE, "%s:%zu:%zu: %s: indicator %d already has an actual for %s at line %lld",
                    r->name, line, period_col, head_of(c, period_col, label, sizeof label), row.seq, row.period,
                    other);
        return;
    }
    size_t there = zb_plan_find_actual(c->plan, ind, row.period);
    if (there != ZB_NONE) {
        char num[32];
        zb_csv_fail(r, ZB_ERR_DUPLICATE, "%s:%zu:%zu: %s: indicator %d already has an actual for %s in the plan (%s)",
                    r->name, line, period_col, head_of(c, period_col, label, sizeof label), row.seq, row.period,
                    zb_format_number(zb_plan_actual_value(c->plan, there), num));
        return;
    }

    if (zb_grow((void **)&c->rows, &c->rows_cap, c->nrows + 1, sizeof *c->rows)) {
        zb_csv_fail_nomem(r);
        return;
    }
    if (*note && !(row.note = zb_strdup(note))) {
        zb_csv_fail_nomem(r);
        return;
    }
    c->rows[c->nrows++] = row;
}

static void on_actuals_row(zb_csv_reader *r)
{
    actuals_ctx *c = (actuals_ctx *)r;
    if (c->have_header)
        read_data_row(c);
    else
        read_header(c);
}

static void ctx_free(actuals_ctx *c)
{
    zb_csv_reader_free(&c->r);
    for (size_t i = 0; c->heads && i < c->ncols; i++)
        free(c->heads[i]);
    free(c->heads);
    free(c->kinds);
    for (size_t i = 0; i < c->nrows; i++)
        free(c->rows[i].note);
    free(c->rows);
    free(c->seen);
}

zb_status zb_csv_load_actuals_string(zb_plan *plan, const char *text, size_t len, const char *name,
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
    if (d && (d == '"' || d == '\r' || d == '\n' || d == '#' || d >= 0x80))
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT,
                            "%s: delimiter 0x%02X cannot be used: not a quote, a line end, # or a non-ASCII byte",
                            name, (unsigned)d);

    actuals_ctx c;
    memset(&c, 0, sizeof c);
    c.r.name = name;
    c.r.delim = delim;
    c.r.comments = 1;
    c.r.on_row = on_actuals_row;
    c.plan = plan;
    zb_csv_read(&c.r, text, len);
    if (!c.r.status && !c.have_header)
        zb_csv_fail(&c.r, ZB_ERR_SCHEMA,
                    "%s: empty file: expected a header row naming the columns, e.g. seq,period,actual,note", name);
    if (c.r.status) {
        zb_status st = zb_plan_fail(plan, c.r.status, "%s", c.r.msg);
        ctx_free(&c);
        return st;
    }

    /* Every row passed: adding can now fail only for memory, and then what was added goes. */
    size_t before = zb_plan_actual_count(plan);
    for (size_t i = 0; i < c.nrows; i++) {
        const pending *row = &c.rows[i];
        zb_status st = zb_plan_add_actual(plan, row->seq, row->period, row->value, row->note);
        if (st) {
            char msg[ZB_ERROR_MESSAGE_MAX];
            snprintf(msg, sizeof msg, "%s", zb_errmsg(plan));
            zb_plan_truncate_actuals(plan, before);
            zb_plan_fail(plan, st, "%s: %s", name, msg);
            ctx_free(&c);
            return st;
        }
    }
    zb_plan_clear_error(plan);
    ctx_free(&c);
    return ZB_OK;
}

zb_status zb_csv_load_actuals(zb_plan *plan, const char *path, const zb_csv_options *options)
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
    st = zb_csv_load_actuals_string(plan, text, len, path, options);
    free(text);
    return st;
}
