/* The first stage of the importer: the text as it arrives (copied from a web page, a Word
 * file or a PDF) becomes clean lines.
 *
 * - The input must be plain UTF-8 text: invalid UTF-8 (GBK), NUL and other control
 *   characters are refused with their line and column. This is the one place where the
 *   importer checks its input.
 * - Each line: zero-width characters go; full-width digits and Latin letters (１２３, ＡＢＣ)
 *   and ％ become ASCII; the single space a PDF extractor sets around a number in Chinese
 *   text (`新增 15 个`, `到 2027 年`) goes; half-width `, : ; ? ! ( )` between Chinese
 *   characters become full-width (numbers, Latin words and URLs keep theirs).
 * - Page artefacts: page-number lines (`— 3 —`, `- 3 -`, `第3页`), running headers and
 *   footers (the same line at the top of several pages, or a gazette's masthead at the top
 *   of one) are dropped; lines broken at the page width (a PDF's 28 characters) are
 *   rejoined into their paragraphs.
 *
 * Every change is counted and reported with its line. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_internal.h"

/* ---- code points ---------------------------------------------------------------------- */

static int is_ideograph(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) ||
           cp == 0x3007;
}

/* Chinese text around a mark: an ideograph or Chinese punctuation (quotes and brackets
 * included), not a full-width Latin letter. */
static int is_chinese(uint32_t cp)
{
    if (is_ideograph(cp))
        return 1;
    if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
        (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
        return cp != 0x3000;
    return cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x2014 || cp == 0x2026 ||
           cp == 0x00B7;
}

static int is_ascii_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

static int is_ascii_alnum(uint32_t cp)
{
    return is_ascii_digit(cp) || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

static int is_zero_width(uint32_t cp)
{
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

/* Display width as a page sets it: a Chinese character is one, ASCII half. */
static double cp_width(uint32_t cp) { return cp < 0x80 ? 0.5 : 1.0; }

/* ---- a line as code points ------------------------------------------------------------ */

typedef struct cps {
    uint32_t *v;
    size_t n, cap;
} cps;

static int cps_push(cps *c, uint32_t cp)
{
    if (zb_grow((void **)&c->v, &c->cap, c->n + 1, sizeof *c->v))
        return -1;
    c->v[c->n++] = cp;
    return 0;
}

static int cps_decode(cps *c, const char *s, size_t len)
{
    c->n = 0;
    size_t n;
    for (size_t i = 0; i < len; i += n) {
        uint32_t cp = zb_utf8_decode(s + i, &n);
        if (cps_push(c, cp))
            return -1;
    }
    return 0;
}

static char *cps_encode(const cps *c)
{
    char *out = malloc(c->n * 4 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < c->n; i++)
        o += zb_utf8_encode(c->v[i], out + o);
    out[o] = '\0';
    return out;
}

static void cps_delete(cps *c, size_t i)
{
    memmove(c->v + i, c->v + i + 1, (c->n - i - 1) * sizeof *c->v);
    c->n--;
}

/* The nearest code point before i (after, for dir > 0) that is not an ASCII space; 0 at
 * the end. *at receives its index. */
static uint32_t neighbour(const cps *c, size_t i, int dir, size_t *at)
{
    size_t k = i;
    for (;;) {
        if (dir < 0) {
            if (k == 0)
                return 0;
            k--;
        } else {
            if (k + 1 >= c->n)
                return 0;
            k++;
        }
        if (c->v[k] != ' ') {
            if (at)
                *at = k;
            return c->v[k];
        }
    }
}

/* Nonzero when position i lies in a URL or an e-mail address: the run of non-space
 * characters around it holds "://", "www." or "@". */
static int in_url(const cps *c, size_t i)
{
    size_t b = i, e = i;
    while (b > 0 && c->v[b - 1] > ' ' && c->v[b - 1] < 0x80)
        b--;
    while (e + 1 < c->n && c->v[e + 1] > ' ' && c->v[e + 1] < 0x80)
        e++;
    for (size_t k = b; k + 2 <= e; k++) {
        if (c->v[k] == ':' && c->v[k + 1] == '/' && c->v[k + 2] == '/')
            return 1;
        if (k + 3 <= e && (c->v[k] == 'w' || c->v[k] == 'W') && c->v[k + 1] == c->v[k] && c->v[k + 2] == c->v[k] &&
            c->v[k + 3] == '.')
            return 1;
    }
    for (size_t k = b; k <= e; k++)
        if (c->v[k] == '@')
            return 1;
    return 0;
}

/* ---- the cleaning of one line ---------------------------------------------------------- */

typedef struct line_counts {
    size_t widths, spaces, punct;
} line_counts;

/* Full-width digits and Latin letters (as some sites and Word set them) and ％ become ASCII;
 * zero-width characters go. */
static void fix_widths(cps *c, line_counts *k)
{
    for (size_t i = 0; i < c->n;) {
        uint32_t cp = c->v[i];
        if (is_zero_width(cp)) {
            cps_delete(c, i);
            continue;
        }
        if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
            cp == 0xFF05) {
            c->v[i] = cp - 0xFEE0;
            k->widths++;
        } else if (cp == 0xFF0E && i > 0 && i + 1 < c->n && is_ascii_digit(c->v[i - 1]) &&
                   (is_ascii_digit(c->v[i + 1]) || (c->v[i + 1] >= 0xFF10 && c->v[i + 1] <= 0xFF19))) {
            c->v[i] = '.'; /* ３．５ */
            k->widths++;
        }
        i++;
    }
}

/* A PDF extractor sets a space where the face changes between Chinese and a run of digits
 * (`新增 15 个`, `到 2027 年`, `增长 8% 以上`). One ASCII space between a number and Chinese
 * goes; runs of two or more (columns of a table laid out with spaces) stay. */
static int is_number_cp(uint32_t cp) { return is_ascii_digit(cp) || cp == '.' || cp == ',' || cp == '%'; }

/* The number run [b, e) stands in Chinese text: what is beside it on the other side is the
 * line's end, Chinese, or one space and Chinese (not a - or / of a date or an index). */
static int in_prose(const cps *c, size_t b, size_t e, int before)
{
    if (before) {
        if (b == 0)
            return 1;
        uint32_t p = c->v[b - 1];
        return is_chinese(p) || (p == ' ' && b >= 2 && is_chinese(c->v[b - 2]));
    }
    if (e >= c->n)
        return 1;
    uint32_t p = c->v[e];
    return is_chinese(p) || (p == ' ' && e + 1 < c->n && is_chinese(c->v[e + 1]));
}

static void fix_number_spaces(cps *c, line_counts *k)
{
    for (size_t i = 1; i + 1 < c->n; i++) {
        if (c->v[i] != ' ' || c->v[i - 1] == ' ' || c->v[i + 1] == ' ')
            continue;
        uint32_t a = c->v[i - 1], b = c->v[i + 1];
        int number_before = is_ascii_digit(a) || a == '%' || (a == '.' && i >= 2 && is_ascii_digit(c->v[i - 2]));
        int number_after = is_ascii_digit(b);
        if (number_before) {
            size_t s = i;
            while (s > 0 && is_number_cp(c->v[s - 1]))
                s--;
            number_before = in_prose(c, s, i, 1);
        }
        if (number_after) {
            size_t e = i + 1;
            while (e < c->n && is_number_cp(c->v[e]))
                e++;
            number_after = in_prose(c, i + 1, e, 0);
        }
        /* Not beside a dash: — 3 — is a page number as printed. */
        if ((number_before && is_chinese(b) && b != 0x201C && b != 0x2018 && b != 0x2014) ||
            (number_after && is_chinese(a) && a != 0x201D && a != 0x2019 && a != 0x2014)) {
            cps_delete(c, i);
            k->spaces++;
            i--;
        }
    }
}

static uint32_t full_width_of(uint32_t cp)
{
    switch (cp) {
    case ',': return 0xFF0C;
    case ':': return 0xFF1A;
    case ';': return 0xFF1B;
    case '?': return 0xFF1F;
    case '!': return 0xFF01;
    case '(': return 0xFF08;
    case ')': return 0xFF09;
    default: return 0;
    }
}

/* Converts the mark at i and drops the ASCII spaces the half-width habit left around it
 * where Chinese text follows or precedes (`责任单位: 县经信局`). */
static size_t convert_mark(cps *c, size_t i, line_counts *k)
{
    c->v[i] = full_width_of(c->v[i]);
    k->punct++;
    if (i + 2 < c->n && c->v[i + 1] == ' ' && c->v[i + 2] != ' ' && is_chinese(c->v[i + 2]) &&
        c->v[i] != 0xFF08)
        cps_delete(c, i + 1);
    if (i >= 2 && c->v[i - 1] == ' ' && c->v[i - 2] != ' ' && is_chinese(c->v[i - 2]) && c->v[i] != 0xFF09) {
        cps_delete(c, i - 1);
        i--;
    }
    return i;
}

/* Half-width punctuation inside Chinese becomes full-width. `, : ; ? !` when Chinese stands
 * on one side of it and not a digit on both (1,200 and 17:27 stay); `( )` as a pair, when
 * Chinese is inside or beside it (规上工业增加值增速(%), (一)); nothing inside a URL. */
static int fix_punctuation(cps *c, line_counts *k)
{
    /* Brackets first, matched on a stack; an unmatched one is judged alone. */
    size_t *stack = NULL, depth = 0, cap = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (c->v[i] == '(') {
            if (zb_grow((void **)&stack, &cap, depth + 1, sizeof *stack)) {
                free(stack);
                return -1;
            }
            stack[depth++] = i;
        } else if (c->v[i] == ')') {
            size_t at = 0;
            int chinese = is_chinese(neighbour(c, i, +1, &at));
            if (depth) {
                size_t o = stack[--depth];
                chinese |= is_chinese(neighbour(c, o, -1, &at));
                for (size_t j = o + 1; j < i && !chinese; j++)
                    chinese = is_chinese(c->v[j]);
                if (chinese && !in_url(c, o)) {
                    c->v[o] = 0xFF08;
                    c->v[i] = 0xFF09;
                    k->punct += 2;
                }
            } else if (chinese || is_chinese(neighbour(c, i, -1, &at))) {
                c->v[i] = 0xFF09;
                k->punct++;
            }
        }
    }
    while (depth) {
        size_t o = stack[--depth], at;
        if (is_chinese(neighbour(c, o, -1, &at)) || is_chinese(neighbour(c, o, +1, &at))) {
            c->v[o] = 0xFF08;
            k->punct++;
        }
    }
    free(stack);
    for (size_t i = 0; i < c->n; i++) {
        uint32_t cp = c->v[i];
        if (cp != ',' && cp != ':' && cp != ';' && cp != '?' && cp != '!')
            continue;
        size_t at;
        uint32_t prev = neighbour(c, i, -1, &at), next = neighbour(c, i, +1, &at);
        if (!(is_chinese(prev) || is_chinese(next)) || (is_ascii_digit(prev) && is_ascii_digit(next)) || in_url(c, i))
            continue;
        i = convert_mark(c, i, k);
    }
    /* Spaces left around the brackets just converted: （ 责任单位 ）. */
    for (size_t i = 0; i < c->n; i++) {
        if (c->v[i] == 0xFF08 && i + 2 < c->n && c->v[i + 1] == ' ' && c->v[i + 2] != ' ')
            cps_delete(c, i + 1);
        if (c->v[i] == 0xFF09 && i >= 2 && c->v[i - 1] == ' ' && c->v[i - 2] != ' ' && is_chinese(c->v[i - 2])) {
            cps_delete(c, i - 1);
            i--;
        }
    }
    return 0;
}

static int is_space_cp(uint32_t cp) { return zb_imp_is_space(cp); }

/* ---- page artefacts -------------------------------------------------------------------- */

static int is_dash(uint32_t cp)
{
    return cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0xFF0D || cp == 0x2012 || cp == 0x2015 || cp == '~' ||
           cp == 0x2212 || cp == 0x2500;
}

/* `— 3 —`, `- 3 -`, `—3—`, `第3页`, `第 3 页 共 12 页`. *bare: the line is only digits or N/M,
 * a page number only where a page ends. */
static int page_number_line(const char *s, int *bare)
{
    cps c = {0};
    *bare = 0;
    if (cps_decode(&c, s, strlen(s))) {
        free(c.v);
        return 0;
    }
    size_t i = 0, n = c.n;
    while (i < n && is_space_cp(c.v[i]))
        i++;
    while (n > i && is_space_cp(c.v[n - 1]))
        n--;
    int ok = 0;
    size_t lead = 0, trail = 0, digits = 0, k = i;
    while (k < n && is_dash(c.v[k])) {
        k++;
        lead++;
    }
    while (k < n && is_space_cp(c.v[k]))
        k++;
    while (k < n && is_ascii_digit(c.v[k])) {
        k++;
        digits++;
    }
    while (k < n && is_space_cp(c.v[k]))
        k++;
    while (k < n && is_dash(c.v[k])) {
        k++;
        trail++;
    }
    if (k == n && digits && digits <= 4) {
        if (lead && trail && lead <= 3 && trail <= 3)
            ok = 1;
        else if (!lead && !trail)
            ok = *bare = 1;
    }
    if (!ok && n > i && c.v[i] == 0x7B2C) { /* 第 */
        k = i + 1;
        while (k < n && is_space_cp(c.v[k]))
            k++;
        digits = 0;
        while (k < n && is_ascii_digit(c.v[k])) {
            k++;
            digits++;
        }
        while (k < n && is_space_cp(c.v[k]))
            k++;
        if (digits && digits <= 4 && k < n && c.v[k] == 0x9875) { /* 页 */
            k++;
            while (k < n && is_space_cp(c.v[k]))
                k++;
            if (k == n) {
                ok = 1;
            } else if (c.v[k] == 0x5171) { /* 共 */
                k++;
                while (k < n && (is_space_cp(c.v[k]) || is_ascii_digit(c.v[k])))
                    k++;
                ok = k + 1 == n && c.v[k] == 0x9875;
            }
        }
    }
    if (!ok) {
        /* 3/12 */
        k = i;
        size_t a = 0, b = 0;
        while (k < n && is_ascii_digit(c.v[k])) {
            k++;
            a++;
        }
        while (k < n && is_space_cp(c.v[k]))
            k++;
        if (a && a <= 4 && k < n && c.v[k] == '/') {
            k++;
            while (k < n && is_space_cp(c.v[k]))
                k++;
            while (k < n && is_ascii_digit(c.v[k])) {
                k++;
                b++;
            }
            ok = *bare = k == n && b && b <= 4;
        }
    }
    free(c.v);
    return ok;
}

/* A gazette's or a document's masthead repeated as a running header: 公报, 第N期. */
static int masthead_words(const char *s)
{
    static const char *const words[] = {"公报", "政报", "简报", "通讯", "年第"};
    if (zb_utf8_length(s) > 40)
        return 0;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strstr(s, words[k]))
            return 1;
    return 0;
}

/* ---- the document ---------------------------------------------------------------------- */

typedef struct raw_line {
    char *text;       /* after the per-line cleaning, trimmed */
    int number;       /* input line */
    int page_top;     /* after a form feed */
    int indent;       /* began with indentation */
    int dropped;      /* 1 page number, 2 running header or footer */
    double width;     /* as laid out: without the spaces beside numbers, before punctuation */
    line_counts k;
} raw_line;

void zb_imp_doc_free(zb_imp_doc *doc)
{
    for (size_t i = 0; i < doc->count; i++)
        free(doc->lines[i].text);
    free(doc->lines);
    memset(doc, 0, sizeof *doc);
}

static int doc_push(zb_imp_doc *doc, char *text, int number, int last, unsigned flags)
{
    if (zb_grow((void **)&doc->lines, &doc->cap, doc->count + 1, sizeof *doc->lines))
        return -1;
    zb_imp_line *l = &doc->lines[doc->count++];
    l->text = text;
    l->number = number;
    l->last = last;
    l->flags = flags;
    return 0;
}

static int say(zb_findings *f, zb_severity sev, const char *code, const char *name, int line, const char *fmt, ...)
    ZB_PRINTF(6, 7);
static int say(zb_findings *f, zb_severity sev, const char *code, const char *name, int line, const char *fmt, ...)
{
    char where[600];
    if (line > 0)
        snprintf(where, sizeof where, "%s:%d", name, line);
    else
        snprintf(where, sizeof where, "%s", name);
    char msg[800];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return zb_findings_add(f, sev, code, where, "%s", msg);
}

/* The input refused, naming where: invalid UTF-8 (GBK), NUL and control characters. */
static zb_status check_input(const char *text, size_t len, const char *name, zb_findings *report, char *msg,
                             size_t size)
{
    /* A byte-order mark says what the file is: UTF-16 or UTF-32, named. */
    const char *bom = zb_text_bom_encoding(text, len);
    if (bom) {
        snprintf(msg, size, "%s:1:1: the file is %s (by its byte-order mark); zhibiao reads UTF-8: save it as UTF-8",
                 name, bom);
        char where[600];
        snprintf(where, sizeof where, "%s:1", name);
        if (zb_findings_add(report, ZB_SEV_ERROR, "encoding", where, "the text is %s, not UTF-8", bom))
            return ZB_ERR_NOMEM;
        return ZB_ERR_ENCODING;
    }
    /* Without the mark, the zero bytes of UTF-16 or UTF-32 say which it is. */
    const char *wide = zb_text_wide_encoding(text, len);
    if (wide) {
        snprintf(msg, size,
                 "%s:1:1: the file is %s without a byte-order mark (by its zero bytes); zhibiao reads UTF-8: save it "
                 "as UTF-8",
                 name, wide);
        char where[600];
        snprintf(where, sizeof where, "%s:1", name);
        if (zb_findings_add(report, ZB_SEV_ERROR, "encoding", where, "the text is %s, not UTF-8", wide))
            return ZB_ERR_NOMEM;
        return ZB_ERR_ENCODING;
    }
    size_t bad = zb_utf8_check(text, len);
    int line, col;
    if (bad < len) {
        zb_text_position(text, len, bad, &line, &col);
        int gbk = zb_looks_like_gbk(text, len);
        snprintf(msg, size, "%s:%d:%d: invalid UTF-8 at byte offset %zu (0x%02X)%s", name, line, col, bad,
                 (unsigned char)text[bad],
                 gbk ? "; it looks like GBK: convert it to UTF-8 (e.g. iconv -f GBK -t UTF-8)"
                     : "; zhibiao reads UTF-8 only");
        char where[600];
        snprintf(where, sizeof where, "%s:%d", name, line);
        if (zb_findings_add(report, ZB_SEV_ERROR, "encoding", where, "%s",
                            gbk ? "the text is GBK, not UTF-8" : "the text is not UTF-8"))
            return ZB_ERR_NOMEM;
        return ZB_ERR_ENCODING;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)text[i];
        /* Valid UTF-8 by now: C1 controls are C2 80..C2 9F, U+FFFE/U+FFFF are EF BF BE/BF. No
         * document can carry them, and the other loaders refuse them too. */
        uint32_t c1 = 0;
        if (b == 0xC2 && i + 1 < len && (unsigned char)text[i + 1] <= 0x9F)
            c1 = (unsigned char)text[i + 1];
        else if (b == 0xEF && i + 2 < len && (unsigned char)text[i + 1] == 0xBF && (unsigned char)text[i + 2] >= 0xBE)
            c1 = 0xFFFEu + ((unsigned char)text[i + 2] - 0xBEu);
        if (c1) {
            zb_text_position(text, len, i, &line, &col);
            snprintf(msg, size, "%s:%d:%d: control character U+%04X in the text; no document can print it or keep it",
                     name, line, col, (unsigned)c1);
            char where[600];
            snprintf(where, sizeof where, "%s:%d:%d", name, line, col);
            if (zb_findings_add(report, ZB_SEV_ERROR, "encoding", where, "%s", "control character in the text"))
                return ZB_ERR_NOMEM;
            return ZB_ERR_ENCODING;
        }
        if (b >= 0x20 && b != 0x7F)
            continue;
        if (b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v')
            continue;
        zb_text_position(text, len, i, &line, &col);
        /* UTF-16 text has a NUL beside every ASCII character. */
        size_t zeros = 0, sample = len < 400 ? len : 400;
        for (size_t k = 0; k < sample; k++)
            zeros += text[k] == '\0';
        int utf16 = b == 0 && zeros * 4 >= sample;
        if (b == 0)
            snprintf(msg, size, "%s:%d:%d: NUL byte in the text%s", name, line, col,
                     utf16 ? "; it looks like UTF-16: save it as UTF-8 text"
                           : "; this is not plain text (a Word or PDF file?): save or copy it as UTF-8 text");
        else
            snprintf(msg, size, "%s:%d:%d: control character U+%04X in the text; plain text holds none", name, line,
                     col, (unsigned)b);
        char where[600];
        snprintf(where, sizeof where, "%s:%d:%d", name, line, col);
        if (zb_findings_add(report, ZB_SEV_ERROR, "encoding", where, "%s",
                            b == 0 ? "NUL byte in the text" : "control character in the text"))
            return ZB_ERR_NOMEM;
        return ZB_ERR_ENCODING;
    }
    return ZB_OK;
}

/* A row of a table written with pipes (`| 序号 | 指标名称 | 目标值 |`, as a Markdown table or a
 * text export sets it) becomes a row of tab-separated cells, which the table readers read;
 * its rule (`|---|:---:|`) becomes an empty line. A line that does not both start and end
 * with a pipe (a site's menu `首页 | 政务公开`) is left alone. */
static void pipe_row(cps *c)
{
    size_t b = 0, e = c->n, pipes = 0;
    while (b < e && is_space_cp(c->v[b]))
        b++;
    while (e > b && is_space_cp(c->v[e - 1]))
        e--;
    if (e - b < 2 || (c->v[b] != '|' && c->v[b] != 0xFF5C) || (c->v[e - 1] != '|' && c->v[e - 1] != 0xFF5C))
        return;
    int rule = 1;
    for (size_t i = b; i < e; i++) {
        uint32_t cp = c->v[i];
        if (cp == '|' || cp == 0xFF5C)
            pipes++;
        else if (cp != '-' && cp != ':' && !is_space_cp(cp))
            rule = 0;
    }
    if (pipes < 3)
        return;
    if (rule) {
        c->n = 0;
        return;
    }
    /* The cells, trimmed, between tabs; the outer pipes go. */
    size_t o = 0;
    for (size_t i = b + 1; i < e; i++) {
        uint32_t cp = c->v[i];
        if (cp == '|' || cp == 0xFF5C) {
            while (o && c->v[o - 1] == ' ')
                o--;
            if (i + 1 < e)
                c->v[o++] = '\t';
            while (i + 1 < e && c->v[i + 1] == ' ')
                i++;
        } else {
            if (o == 0 && cp == ' ')
                continue;
            c->v[o++] = cp;
        }
    }
    c->n = o;
}

/* One input line through the per-line cleaning. */
static int clean_line(const char *s, size_t len, cps *c, raw_line *out)
{
    if (cps_decode(c, s, len))
        return -1;
    pipe_row(c);
    fix_widths(c, &out->k);
    size_t lead = 0, spaces = 0;
    while (lead < c->n && is_space_cp(c->v[lead])) {
        spaces += c->v[lead] == ' ' ? 1 : 2;
        lead++;
    }
    out->indent = spaces >= 2 || (lead && c->v[0] == '\t');
    while (c->n > lead && is_space_cp(c->v[c->n - 1]))
        c->n--;
    /* The width as laid out: without the spaces an extractor added beside numbers, with
     * half-width punctuation as it was set. */
    fix_number_spaces(c, &out->k);
    double w = 0;
    for (size_t i = lead; i < c->n; i++)
        w += cp_width(c->v[i]);
    out->width = w;
    if (fix_punctuation(c, &out->k))
        return -1;
    /* Trimmed; runs of white space inside stay for the table readers. A row of cells keeps
     * the tabs at its ends (its first cells may be empty, under merged ones). */
    size_t tabs = 0, b = 0, e = c->n;
    for (size_t i = 0; i < c->n; i++)
        tabs += c->v[i] == '\t';
    while (b < e && is_space_cp(c->v[b]) && !(tabs >= 2 && c->v[b] == '\t'))
        b++;
    while (e > b && is_space_cp(c->v[e - 1]) && !(tabs >= 2 && c->v[e - 1] == '\t'))
        e--;
    cps t = {e > b ? c->v + b : NULL, e - b, 0};
    out->text = cps_encode(&t);
    return out->text ? 0 : -1;
}

/* Nonzero when a line opens something of its own, so that a broken line before it is not
 * continued into it: a heading, 附件, a note, a header label, a date. */
static int starts_block(const char *s)
{
    char number[32];
    size_t marker;
    zb_date d;
    if (zb_imp_heading(s, &marker, number) || zb_imp_date_line(s, &d))
        return 1;
    static const char *const words[] = {"附件", "（责任", "（牵头", "【", "[", "牵头单位", "责任单位", "配合单位",
                                        "（此件", "抄送", "印发"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (zb_imp_starts(s, words[k]))
            return 1;
    return 0;
}

static int ends_sentence(const char *s)
{
    size_t len = strlen(s);
    return zb_imp_ends(s, len, "。") || zb_imp_ends(s, len, "：") || zb_imp_ends(s, len, "！") ||
           zb_imp_ends(s, len, "？") || zb_imp_ends(s, len, "；");
}

/* Nonzero when s is a row of columns aligned with spaces: two or more runs of two or more
 * spaces inside it. Such rows are never rejoined. */
static int columns(const char *s)
{
    size_t runs = 0;
    for (size_t i = 0; s[i]; i++)
        if (s[i] == ' ' && s[i + 1] == ' ' && (i == 0 || s[i - 1] != ' '))
            runs++;
    return runs >= 2;
}

/* Nonzero when s leaves a bracket open: （责任单位： at a line's end goes on. */
static int open_bracket(const char *s)
{
    int depth = 0;
    size_t n;
    for (size_t i = 0; s[i]; i += n) {
        uint32_t cp = zb_utf8_decode(s + i, &n);
        if (cp == 0xFF08 || cp == '(' || cp == 0x3010 || cp == '[')
            depth++;
        else if ((cp == 0xFF09 || cp == ')' || cp == 0x3011 || cp == ']') && depth > 0)
            depth--;
    }
    return depth > 0;
}

/* The width lines were broken at, or 0 when the text is not laid out in lines: many
 * consecutive lines of nearly the same width, not ending a sentence. */
static double broken_width(const raw_line *l, size_t count)
{
    enum { MAXW = 121 };
    size_t hist[MAXW] = {0}, wide = 0;
    for (size_t i = 0; i < count; i++) {
        if (l[i].dropped || l[i].width < 12 || l[i].width >= MAXW - 1 || strchr(l[i].text, '\t') || columns(l[i].text))
            continue;
        hist[(size_t)l[i].width]++;
        wide++;
    }
    size_t best = 0, best_count = 0;
    for (size_t k = 16; k + 1 < MAXW; k++) {
        size_t n = hist[k - 1] + hist[k] + hist[k + 1];
        if (n > best_count) {
            best_count = n;
            best = k;
        }
    }
    if (best_count < 6 || best_count * 10 < wide * 3)
        return 0;
    /* The widest line of the band is the measure; lines run together in paragraphs. */
    double w = 0;
    size_t pairs = 0;
    const raw_line *prev = NULL;
    for (size_t i = 0; i < count; i++) {
        if (l[i].dropped || !*l[i].text)
            continue;
        int in = l[i].width >= (double)best - 1 && l[i].width < (double)best + 2 && !strchr(l[i].text, '\t');
        if (in && l[i].width > w)
            w = l[i].width;
        if (in && prev && prev->width >= (double)best - 1 && prev->width < (double)best + 2 && !ends_sentence(prev->text))
            pairs++;
        prev = &l[i];
    }
    return pairs >= 3 ? w : 0;
}

zb_status zb_imp_clean_text(const char *text, size_t len, const char *name, zb_imp_doc *doc, zb_findings *report,
                            char *msg, size_t size)
{
    memset(doc, 0, sizeof *doc);
    msg[0] = '\0';
    zb_status st = check_input(text, len, name, report, msg, size);
    if (st)
        return st;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }

    raw_line *raw = NULL;
    size_t nraw = 0, cap = 0;
    cps c = {0};
    int number = 1, page_top = 0, nomem = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len && !nomem; i++) {
        /* Line ends: \n, \r\n, \r, \v (Word's line break), \f (a page break), U+2028/9. */
        size_t brk = 0;
        if (i < len) {
            unsigned char b = (unsigned char)text[i];
            if (b == '\n' || b == '\r' || b == '\v' || b == '\f')
                brk = 1;
            else if (b == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80 &&
                     ((unsigned char)text[i + 2] == 0xA8 || (unsigned char)text[i + 2] == 0xA9))
                brk = 3;
            else
                continue;
        }
        if (zb_grow((void **)&raw, &cap, nraw + 1, sizeof *raw)) {
            nomem = 1;
            break;
        }
        raw_line *l = &raw[nraw];
        memset(l, 0, sizeof *l);
        l->number = number;
        l->page_top = page_top;
        if (clean_line(text + start, i - start, &c, l)) {
            nomem = 1;
            break;
        }
        nraw++;
        if (i == len)
            break;
        unsigned char b = (unsigned char)text[i];
        if (b == '\f' && !*l->text)
            l->dropped = 3; /* the empty line pdftotext leaves before a page's form feed */
        page_top = b == '\f' ? 1 : (*l->text ? 0 : page_top);
        if (b == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
        /* A form feed or a vertical tab breaks the line without starting a new one in the
         * editor's count only when it is on its own: pdftotext puts \f at the start of the
         * next page's first line. */
        if (b != '\f')
            number++;
        i += brk - 1;
        start = i + 1;
    }
    free(c.v);
    if (nomem)
        goto fail;

    /* Page numbers: where a page ends; their neighbours are the page's bottom and the next
     * page's top. */
    for (size_t i = 0; i < nraw; i++) {
        int bare;
        if (!*raw[i].text || !page_number_line(raw[i].text, &bare))
            continue;
        size_t next = i + 1;
        while (next < nraw && !*raw[next].text && !raw[next].page_top)
            next++;
        int at_end = next >= nraw || raw[next].page_top;
        if (bare && !at_end)
            continue;
        raw[i].dropped = 1;
        doc->stats.page_numbers++;
        if (next < nraw)
            raw[next].page_top = 1;
    }
    for (size_t i = 0; i < nraw; i++)
        doc->stats.page_breaks += raw[i].page_top && i > 0;

    /* Running headers: the same first line on several pages, or a gazette's masthead. The
     * first line of a page is the first one not dropped after its top. */
    for (size_t i = 0; i < nraw; i++) {
        if (!raw[i].page_top)
            continue;
        size_t j = i;
        while (j < nraw && (!*raw[j].text || raw[j].dropped))
            j++;
        if (j >= nraw || raw[j].dropped)
            continue;
        size_t same = 0;
        for (size_t k = 0; k < nraw; k++) {
            if (!raw[k].page_top)
                continue;
            size_t m = k;
            while (m < nraw && (!*raw[m].text || raw[m].dropped == 1))
                m++;
            same += m < nraw && strcmp(raw[m].text, raw[j].text) == 0;
        }
        char number_text[32];
        size_t marker;
        if ((same >= 2 || masthead_words(raw[j].text)) && zb_utf8_length(raw[j].text) <= 40 &&
            !zb_imp_heading(raw[j].text, &marker, number_text)) {
            raw[j].dropped = 2;
            doc->stats.running_headers++;
        }
    }

    for (size_t i = 0; i < nraw && !nomem; i++) {
        if (raw[i].dropped == 1)
            nomem |= say(report, ZB_SEV_NOTE, "cleaned", name, raw[i].number, "page number “%s” dropped", raw[i].text);
        else if (raw[i].dropped == 2)
            nomem |= say(report, ZB_SEV_NOTE, "cleaned", name, raw[i].number, "running header “%s” dropped",
                         raw[i].text);
    }
    double width = broken_width(raw, nraw);
    doc->stats.line_width = width;

    for (size_t i = 0; i < nraw && !nomem; i++) {
        raw_line *l = &raw[i];
        doc->stats.punctuation += l->k.punct;
        doc->stats.widths += l->k.widths;
        doc->stats.number_spaces += l->k.spaces;
        if (l->dropped)
            continue;
        if (l->k.punct || l->k.widths || l->k.spaces) {
            zb_buf what = {0};
            if (l->k.punct)
                zb_buf_addf(&what, "%zu half-width mark%s made full-width", l->k.punct, l->k.punct == 1 ? "" : "s");
            if (l->k.spaces)
                zb_buf_addf(&what, "%s%zu space%s beside numbers removed", what.len ? ", " : "", l->k.spaces,
                            l->k.spaces == 1 ? "" : "s");
            if (l->k.widths)
                zb_buf_addf(&what, "%s%zu full-width digit%s or letter%s made ASCII", what.len ? ", " : "",
                            l->k.widths, l->k.widths == 1 ? "" : "s", l->k.widths == 1 ? "" : "s");
            nomem |= what.failed || say(report, ZB_SEV_NOTE, "cleaned", name, l->number, "%s", what.data);
            zb_buf_free(&what);
        }
        /* A line broken at the measure continues on the next kept line, unless that one
         * opens something of its own. */
        char *joined = zb_strdup(l->text);
        int last = l->number;
        unsigned flags = (l->indent ? ZB_IMP_LINE_INDENT : 0) | (l->page_top ? ZB_IMP_LINE_PAGE_TOP : 0);
        size_t parts = 1;
        if (!joined) {
            nomem = 1;
            break;
        }
        double w = l->width;
        while (width > 0 && *joined && w >= width - 3.0 && !strchr(joined, '\t') && !columns(joined)) {
            size_t j = i + 1;
            while (j < nraw && raw[j].dropped)
                j++;
            if (j >= nraw || !*raw[j].text || raw[j].indent || starts_block(raw[j].text) || strchr(raw[j].text, '\t') ||
                columns(raw[j].text) ||
                (zb_imp_ends(joined, strlen(joined), "：") && !open_bracket(joined)))
                break;
            size_t a = strlen(joined), b = strlen(raw[j].text);
            char *m = realloc(joined, a + b + 2);
            if (!m) {
                nomem = 1;
                break;
            }
            joined = m;
            /* Latin words broken across lines keep their space; a number broken at the
             * measure (`15` / `00亩`, `5` / `G基站`) is one number and gets none. */
            unsigned char before = a ? (unsigned char)joined[a - 1] : 0;
            unsigned char after = (unsigned char)raw[j].text[0];
            int digit = (before >= '0' && before <= '9') || (after >= '0' && after <= '9');
            int latin = a && b && is_ascii_alnum(before) && is_ascii_alnum(after) && !digit;
            if (latin)
                joined[a++] = ' ';
            memcpy(joined + a, raw[j].text, b + 1);
            for (size_t k = i + 1; k < j; k++)
                if (raw[k].dropped && raw[k].page_top)
                    flags |= ZB_IMP_LINE_PAGE_TOP;
            last = raw[j].number;
            w = raw[j].width;
            doc->stats.punctuation += raw[j].k.punct;
            doc->stats.widths += raw[j].k.widths;
            doc->stats.number_spaces += raw[j].k.spaces;
            i = j;
            parts++;
        }
        if (nomem) {
            free(joined);
            break;
        }
        if (parts > 1) {
            doc->stats.rejoined += parts - 1;
            nomem |= say(report, ZB_SEV_NOTE, "cleaned", name, l->number,
                         "%zu lines broken at the page width (%g characters) rejoined (lines %d–%d)", parts,
                         width, l->number, last);
        }
        if (doc_push(doc, joined, l->number, last, flags)) {
            free(joined);
            nomem = 1;
        }
    }
    if (nomem)
        goto fail;
    doc->stats.lines = nraw;
    for (size_t i = 0; i < nraw; i++)
        free(raw[i].text);
    free(raw);
    return ZB_OK;

fail:
    for (size_t i = 0; i < nraw; i++)
        free(raw[i].text);
    free(raw);
    zb_imp_doc_free(doc);
    snprintf(msg, size, "%s: out of memory", name);
    return ZB_ERR_NOMEM;
}
