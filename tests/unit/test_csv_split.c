/* The CSV reader's field splitter against libcsv in its strict mode (CSV_STRICT |
 * CSV_STRICT_FINI), which zhibiao used before: on thousands of generated texts of quotes,
 * delimiters, spaces, tabs, line ends (\n, \r\n, \r), comment lines and Chinese text, both give
 * the same rows, the same cells (trimmed as the reader trims them), the same line of every
 * row, and fail at the same byte. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h> /* libcsv, the reference */

#include "csv/csv_internal.h"

/* What a reader saw: rows as "line|cell|cell|...\n", then the failure. */
typedef struct record {
    zb_buf rows;
    int fail_line, fail_col; /* a byte that breaks the rules: its line and column */
    int unterminated;        /* a quoted field that never ends */
} record;

static void add_trimmed(zb_buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t w;
    while (n && (w = zb_csv_space_width(u, n)) != 0)
        u += w, n -= w;
    for (;;) { /* from the end: a space is ASCII, U+00A0, U+3000 or a BOM */
        if (n >= 1 && zb_csv_space_width(u + n - 1, 1))
            n -= 1;
        else if (n >= 2 && zb_csv_space_width(u + n - 2, 2) == 2)
            n -= 2;
        else if (n >= 3 && zb_csv_space_width(u + n - 3, 3) == 3)
            n -= 3;
        else
            break;
    }
    zb_buf_add(b, (const char *)u, n);
}

/* ---- the reference: libcsv fed one line at a time ------------------------------------ */

typedef struct ref {
    record *r;
    zb_buf row; /* cells of the row being read, each trimmed and followed by '|' */
    int nonempty;
    size_t row_line;
} ref;

static void ref_field(void *data, size_t len, void *vctx)
{
    ref *x = vctx;
    size_t before = x->row.len;
    add_trimmed(&x->row, data ? (const char *)data : "", data ? len : 0);
    x->nonempty |= x->row.len > before;
    zb_buf_addc(&x->row, '|');
}

static void ref_row(int c, void *vctx)
{
    (void)c;
    ref *x = vctx;
    if (x->nonempty) {
        zb_buf_add_uint(&x->r->rows, x->row_line);
        zb_buf_addc(&x->r->rows, '|');
        zb_buf_add(&x->r->rows, x->row.data, x->row.len);
        zb_buf_addc(&x->r->rows, '\n');
    }
    x->row.len = 0;
    x->nonempty = 0;
    x->row_line = 0;
}

static size_t line_end(const char *s, size_t len, size_t pos)
{
    size_t e = pos;
    while (e < len && s[e] != '\n' && s[e] != '\r')
        e++;
    if (e < len)
        e += (s[e] == '\r' && e + 1 < len && s[e + 1] == '\n') ? 2 : 1;
    return e;
}

static void reference(const char *s, size_t len, char delim, int comments, record *r)
{
    struct csv_parser p;
    assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL), 0);
    csv_set_delim(&p, (unsigned char)delim);
    ref x = {r, {0}, 0, 0};
    size_t pos = 0;
    int line = 1;
    while (pos < len) {
        size_t end = line_end(s, len, pos);
        size_t k = pos;
        while (k < end && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (comments && !x.row_line && k < end && s[k] == '#') {
            pos = end;
            line++;
            continue;
        }
        if (!x.row_line) {
            for (size_t i = pos; i < end; i++)
                if (s[i] != '\r' && s[i] != '\n' && !((s[i] == ' ' || s[i] == '\t') && s[i] != delim)) {
                    x.row_line = (size_t)line;
                    break;
                }
        }
        size_t done = csv_parse(&p, s + pos, end - pos, ref_field, ref_row, &x);
        if (done < end - pos) {
            r->fail_line = line;
            r->fail_col = 1;
            for (size_t i = pos; i < pos + done; i++)
                r->fail_col += ((unsigned char)s[i] & 0xC0) != 0x80;
            break;
        }
        pos = end;
        line++;
    }
    if (!r->fail_line && csv_fini(&p, ref_field, ref_row, &x) != 0)
        r->unterminated = 1;
    csv_free(&p);
    zb_buf_free(&x.row);
}

/* ---- zhibiao's reader ------------------------------------------------------------------ */

typedef struct ours {
    zb_csv_reader r; /* first: on_row casts back */
    record *rec;
} ours;

static void ours_row(zb_csv_reader *r)
{
    ours *o = (ours *)r;
    zb_buf *b = &o->rec->rows;
    zb_buf_add_uint(b, r->row_line);
    zb_buf_addc(b, '|');
    for (size_t i = 0; i < r->ncells; i++) {
        zb_buf_adds(b, r->cells[i]);
        zb_buf_addc(b, '|');
    }
    zb_buf_addc(b, '\n');
}

static void run_ours(const char *s, size_t len, char delim, int comments, record *rec)
{
    ours o;
    memset(&o, 0, sizeof o);
    o.r.name = "t.csv";
    o.r.delim = delim;
    o.r.comments = comments;
    o.r.on_row = ours_row;
    o.rec = rec;
    if (zb_csv_read(&o.r, s, len) != ZB_OK) {
        if (strstr(o.r.msg, "never ends")) {
            rec->unterminated = 1;
        } else if (sscanf(o.r.msg, "t.csv:%d:%d:", &rec->fail_line, &rec->fail_col) != 2) {
            fail_msg("unexpected failure: %s", o.r.msg);
        }
    }
    zb_csv_reader_free(&o.r);
}

/* ---- the comparison ------------------------------------------------------------------ */

static void compare(const char *s, size_t len, char delim, int comments)
{
    record a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    reference(s, len, delim, comments, &a);
    run_ours(s, len, delim, comments, &b);
    int fails_a = a.fail_line || a.unterminated, fails_b = b.fail_line || b.unterminated;
    /* Rows are handed over as they end, so a failure leaves the rows before it read. */
    const char *ra = a.rows.data ? a.rows.data : "", *rb = b.rows.data ? b.rows.data : "";
    if (fails_a != fails_b || a.fail_line != b.fail_line || a.fail_col != b.fail_col ||
        a.unterminated != b.unterminated || strcmp(ra, rb) != 0) {
        zb_buf shown = {0};
        for (size_t i = 0; i < len; i++) {
            if (s[i] == '\n')
                zb_buf_adds(&shown, "\\n");
            else if (s[i] == '\r')
                zb_buf_adds(&shown, "\\r");
            else if (s[i] == '\t')
                zb_buf_adds(&shown, "\\t");
            else
                zb_buf_addc(&shown, s[i]);
        }
        fail_msg("text \"%s\" (delimiter 0x%02X, comments %d):\nlibcsv %d:%d %d\n%s\nzhibiao %d:%d %d\n%s",
                 shown.data, (unsigned char)delim, comments, a.fail_line, a.fail_col, a.unterminated, ra,
                 b.fail_line, b.fail_col, b.unterminated, rb);
    }
    zb_buf_free(&a.rows);
    zb_buf_free(&b.rows);
}

static void test_cases(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "a,b\n1,2\n",
        "a,b\r\n1,2\r\n",
        "a,b\r1,2\r",
        "a,b",
        "a,\n,b\n,\n\n\n",
        "  a  ,  b  \n",
        "\"a,b\",\"c\"\"d\"\n",
        "\"a\nb\",c\n",
        "\"a\r\nb\"\n",
        "\"a\"  ,b\n",
        "\"a\"x,b\n",
        "a\"b,c\n",
        "\"a\"  \"b\"\n",
        "\"never",
        "a,\"never\nends",
        "# comment\na,b\n# another\n\"x\n# inside\",y\n",
        "指标,目标\n\"新增“小升规”企业\",62\n",
        "\t\ta\t,\tb\n",
        "\"\"\n",
        "\"\"\"\"\n",
        "a,b,",
    };
    static const char delims[] = {',', '\t', ';'};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        for (size_t d = 0; d < sizeof delims; d++)
            for (int c = 0; c < 2; c++)
                compare(texts[i], strlen(texts[i]), delims[d], c);
}

static void test_generated(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a", "指", ",", ";", "\t", " ", "\"", "\"\"", "\n", "\r\n",
                                         "\r", "#", "bc", "标值"};
    static const char delims[] = {',', '\t', ';', ' '};
    uint64_t x = 0x9E3779B97F4A7C15u;
    char text[128];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        size_t count = x % 24;
        for (size_t k = 0; k < count; k++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            const char *piece = pieces[x % (sizeof pieces / sizeof pieces[0])];
            memcpy(text + n, piece, strlen(piece));
            n += strlen(piece);
        }
        compare(text, n, delims[round % 4], (round / 4) % 2);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_generated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
