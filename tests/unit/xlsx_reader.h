/* Reading an xlsx back in the unit tests: shared strings, one cell's value, a workbook's
 * members through unzip. Header-only, static inline; include after cmocka.h and support.h. */
#ifndef ZB_TEST_XLSX_READER_H
#define ZB_TEST_XLSX_READER_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading cells back -------------------------------------------------------------- */

/* The shared strings of a workbook, in order. */
typedef struct sst {
    char **s;
    size_t n;
} sst;

/* XML text with the five entities resolved, appended to b. */
static inline void add_unescaped(zb_buf *b, const char *s, size_t len)
{
    static const struct {
        const char *ent;
        char c;
    } ents[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    for (size_t i = 0; i < len;) {
        size_t k;
        for (k = 0; k < 5; k++) {
            size_t el = strlen(ents[k].ent);
            if (i + el <= len && strncmp(s + i, ents[k].ent, el) == 0) {
                zb_buf_addc(b, ents[k].c);
                i += el;
                break;
            }
        }
        if (k == 5)
            zb_buf_addc(b, s[i++]);
    }
}

static inline void sst_load(sst *t, const char *xml)
{
    memset(t, 0, sizeof *t);
    size_t cap = 0;
    for (const char *p = strstr(xml, "<si>"); p; p = strstr(p, "<si>")) {
        const char *end = strstr(p, "</si>");
        assert_non_null(end);
        zb_buf b = {0};
        for (const char *q = strstr(p, "<t"); q && q < end; q = strstr(q, "<t")) {
            const char *open = strchr(q, '>') + 1;
            const char *close = strstr(open, "</t>");
            add_unescaped(&b, open, (size_t)(close - open));
            q = close + 4;
        }
        zb_buf_addc(&b, '\0');
        assert_int_equal(zb_grow((void **)&t->s, &cap, t->n + 1, sizeof *t->s), 0);
        t->s[t->n++] = zb_buf_take(&b);
        p = end;
    }
}

static inline void sst_free(sst *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->s[i]);
    free(t->s);
}

/* One cell as stored: its text (a shared string resolved, or the <v> content), its formula
 * ("" when none) and whether it holds a value at all. */
typedef struct cell {
    int present;
    int is_string;
    char text[512];
    char formula[256];
} cell;

static inline cell get_cell(const char *sheet, const sst *t, const char *ref)
{
    cell c;
    memset(&c, 0, sizeof c);
    char key[32];
    snprintf(key, sizeof key, "<c r=\"%s\"", ref);
    const char *p = strstr(sheet, key);
    if (!p)
        return c;
    const char *gt = strchr(p, '>');
    if (gt[-1] == '/')
        return c; /* a blank cell: style only */
    const char *end = strstr(p, "</c>");
    const char *ts = strstr(p, " t=\"s\"");
    c.is_string = ts && ts < gt;
    const char *f = strstr(p, "<f>");
    if (f && f < end) {
        const char *fe = strstr(f, "</f>");
        zb_buf b = {0};
        add_unescaped(&b, f + 3, (size_t)(fe - f - 3));
        zb_buf_addc(&b, '\0');
        snprintf(c.formula, sizeof c.formula, "%s", b.data);
        zb_buf_free(&b);
    }
    const char *v = strstr(p, "<v>");
    if (v && v < end) {
        const char *ve = strstr(v, "</v>");
        char raw[128];
        snprintf(raw, sizeof raw, "%.*s", (int)(ve - v - 3), v + 3);
        c.present = 1;
        if (c.is_string) {
            size_t k = (size_t)strtoul(raw, NULL, 10);
            assert_true(k < t->n);
            snprintf(c.text, sizeof c.text, "%s", t->s[k]);
        } else {
            snprintf(c.text, sizeof c.text, "%s", raw);
        }
    }
    return c;
}

static inline double cell_number(const char *sheet, const sst *t, const char *ref)
{
    cell c = get_cell(sheet, t, ref);
    assert_true(c.present);
    assert_false(c.is_string);
    return strtod(c.text, NULL);
}

/* A written workbook opened for reading: its sheets and shared strings. */
typedef struct book {
    char *sheet1, *sheet2, *strings, *workbook;
    sst sst;
} book;

static inline void book_open(book *b, const char *path)
{
    b->sheet1 = zbt_unzip_member(path, "xl/worksheets/sheet1.xml");
    b->sheet2 = zbt_unzip_member(path, "xl/worksheets/sheet2.xml");
    b->strings = zbt_unzip_member(path, "xl/sharedStrings.xml");
    b->workbook = zbt_unzip_member(path, "xl/workbook.xml");
    assert_non_null(b->sheet1);
    assert_non_null(b->sheet2);
    assert_non_null(b->strings);
    assert_non_null(b->workbook);
    sst_load(&b->sst, b->strings);
}

static inline void book_close(book *b)
{
    free(b->sheet1);
    free(b->sheet2);
    free(b->strings);
    free(b->workbook);
    sst_free(&b->sst);
}

static inline void assert_text(const char *sheet, const sst *t, const char *ref, const char *want)
{
    cell c = get_cell(sheet, t, ref);
    if (!c.present || !c.is_string || strcmp(c.text, want) != 0)
        fail_msg("%s: want \"%s\", got \"%s\"", ref, want, c.present ? c.text : "(empty)");
}

/* ---- fixtures ------------------------------------------------------------------------ */


#endif /* ZB_TEST_XLSX_READER_H */
