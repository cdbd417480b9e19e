/* Chinese text set with Chinese punctuation (GB/T 15834): the half-width marks that text
 * typed on a Western keyboard, pasted from a web page or exported from a spreadsheet carries
 * inside Chinese become their full-width forms, while numbers (1,000  10:30  6.5), Latin
 * words and addresses (https://…, a@b.cn) keep theirs. */
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"

/* An ideograph or a full-width mark: what makes a neighbour "Chinese". */
static int chinese(uint32_t c)
{
    return c && zb_is_cjk(c);
}

static int ideograph(uint32_t c)
{
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
           c == 0x3007;
}

static int digit(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static int blank(uint32_t c)
{
    return c == ' ' || c == '\t';
}

/* , ; : ? ! . */
static int stop_mark(uint32_t c)
{
    return c == ',' || c == ';' || c == ':' || c == '?' || c == '!' || c == '.';
}

static int lower_ascii(uint32_t c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Nonzero when the token cps[a..b) is a web address or an e-mail address. */
static int address(const uint32_t *cps, size_t a, size_t b)
{
    for (size_t i = a; i + 2 < b; i++)
        if (cps[i] == ':' && cps[i + 1] == '/' && cps[i + 2] == '/')
            return 1;
    if (b - a > 4 && lower_ascii(cps[a]) == 'w' && lower_ascii(cps[a + 1]) == 'w' &&
        lower_ascii(cps[a + 2]) == 'w' && cps[a + 3] == '.')
        return 1;
    for (size_t i = a + 1; i + 1 < b; i++) {
        if (cps[i] != '@')
            continue;
        for (size_t k = i + 2; k + 1 < b; k++)
            if (cps[k] == '.')
                return 1;
    }
    return 0;
}

/* The full-width form of an ASCII mark, 0 for none. */
static uint32_t wide(uint32_t c)
{
    switch (c) {
    case ',': return 0xFF0C;
    case ';': return 0xFF1B;
    case ':': return 0xFF1A;
    case '?': return 0xFF1F;
    case '!': return 0xFF01;
    case '(': return 0xFF08;
    case ')': return 0xFF09;
    case '.': return 0x3002;
    default: return 0;
    }
}

int zb_text_punct(const char *s, size_t len, zb_buf *out)
{
    /* Only text with one of the marks needs looking at. */
    int any = 0;
    for (size_t i = 0; i < len && !any; i++)
        any = stop_mark((unsigned char)s[i]) || s[i] == '(' || s[i] == ')' || s[i] == '"';
    if (!any || zb_utf8_check(s, len) != len)
        return 0;
    size_t n = 0;
    uint32_t *cp = malloc((len + 1) * sizeof *cp);
    uint32_t *to = malloc((len + 1) * sizeof *to); /* the replacement, 0 = kept */
    unsigned char *guard = calloc(len + 1, 1);      /* inside an address */
    if (!cp || !to || !guard) {
        free(cp);
        free(to);
        free(guard);
        return -1;
    }
    for (size_t i = 0; i < len;) {
        size_t k;
        cp[n] = zb_utf8_decode(s + i, &k);
        to[n++] = 0;
        i += k;
    }
    /* Addresses: tokens of non-Chinese, non-blank characters with :// or www. or a@b.c;
     * a mark that starts or ends one (邮箱:a@b.cn, 详见https://a.cn/x.html,…) is the
     * sentence's. */
    for (size_t a = 0; a < n;) {
        if (blank(cp[a]) || chinese(cp[a])) {
            a++;
            continue;
        }
        size_t b = a;
        while (b < n && !blank(cp[b]) && !chinese(cp[b]))
            b++;
        if (address(cp, a, b)) {
            size_t f = a, e = b;
            while (f < e && stop_mark(cp[f]))
                f++;
            while (e > f && stop_mark(cp[e - 1]))
                e--;
            for (size_t i = f; i < e; i++)
                guard[i] = 1;
        }
        a = b;
    }

    /* Parentheses by pairs: a pair with Chinese inside or beside it becomes （）. */
    size_t *stack = malloc((n + 1) * sizeof *stack);
    size_t depth = 0;
    if (!stack) {
        free(cp);
        free(to);
        free(guard);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (guard[i])
            continue;
        if (cp[i] == '(') {
            stack[depth++] = i;
        } else if (cp[i] == ')') {
            if (!depth) {
                uint32_t p = 0, q = 0;
                for (size_t j = i; j-- > 0 && !p;)
                    p = blank(cp[j]) ? 0 : cp[j];
                for (size_t j = i + 1; j < n && !q; j++)
                    q = blank(cp[j]) ? 0 : cp[j];
                if (chinese(p) || chinese(q))
                    to[i] = 0xFF09;
                continue;
            }
            size_t o = stack[--depth];
            int inside = 0;
            for (size_t j = o + 1; j < i && !inside; j++)
                inside = chinese(cp[j]);
            uint32_t p = 0, q = 0;
            for (size_t j = o; j-- > 0 && !p;)
                p = blank(cp[j]) ? 0 : cp[j];
            for (size_t j = i + 1; j < n && !q; j++)
                q = blank(cp[j]) ? 0 : cp[j];
            if (inside || chinese(p) || chinese(q)) {
                to[o] = 0xFF08;
                to[i] = 0xFF09;
            }
        }
    }
    while (depth) { /* unmatched ( */
        size_t o = stack[--depth];
        uint32_t p = 0, q = 0;
        for (size_t j = o; j-- > 0 && !p;)
            p = blank(cp[j]) ? 0 : cp[j];
        for (size_t j = o + 1; j < n && !q; j++)
            q = blank(cp[j]) ? 0 : cp[j];
        if (chinese(p) || chinese(q))
            to[o] = 0xFF08;
    }
    free(stack);

    /* Straight double quotes by pairs, in order: “ ” when Chinese is inside or beside. */
    size_t open = n;
    for (size_t i = 0; i < n; i++) {
        if (guard[i] || cp[i] != '"')
            continue;
        if (open == n) {
            open = i;
            continue;
        }
        int inside = 0;
        for (size_t j = open + 1; j < i && !inside; j++)
            inside = chinese(cp[j]);
        uint32_t p = 0, q = 0;
        for (size_t j = open; j-- > 0 && !p;)
            p = blank(cp[j]) ? 0 : cp[j];
        for (size_t j = i + 1; j < n && !q; j++)
            q = blank(cp[j]) ? 0 : cp[j];
        if (inside || chinese(p) || chinese(q)) {
            to[open] = 0x201C;
            to[i] = 0x201D;
        }
        open = n;
    }

    /* Pausing and stopping marks beside Chinese; not between digits (1,000  10:30). A full
     * stop only after an ideograph (1.  6.5  Mr. stay). */
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cp[i];
        if (guard[i] || to[i] || !stop_mark(c))
            continue;
        uint32_t p = 0, q = 0;
        for (size_t j = i; j-- > 0 && !p;)
            p = blank(cp[j]) ? 0 : (to[j] ? to[j] : cp[j]);
        for (size_t j = i + 1; j < n && !q; j++)
            q = blank(cp[j]) ? 0 : cp[j];
        if (c == '.') {
            if (ideograph(p) && (!q || chinese(q) || q == '(' || q == ')' || q == '"'))
                to[i] = 0x3002;
            continue;
        }
        if (digit(p) && digit(q))
            continue;
        if (chinese(p) || chinese(q))
            to[i] = wide(c);
    }

    int changed = 0;
    for (size_t i = 0; i < n && !changed; i++)
        changed = to[i] != 0;
    if (changed) {
        /* Blanks beside a mark made full-width go: the mark carries its own space. */
        for (size_t i = 0; i < n; i++) {
            if (blank(cp[i])) {
                size_t a = i, b = i;
                while (a > 0 && blank(cp[a - 1]))
                    a--;
                while (b < n && blank(cp[b]))
                    b++;
                if ((a > 0 && to[a - 1]) || (b < n && to[b])) {
                    i = b - 1;
                    continue;
                }
                for (size_t j = a; j < b; j++) {
                    char u[8];
                    zb_buf_add(out, u, zb_utf8_encode(cp[j], u));
                }
                i = b - 1;
                continue;
            }
            char u[8];
            zb_buf_add(out, u, zb_utf8_encode(to[i] ? to[i] : cp[i], u));
        }
    }
    free(cp);
    free(to);
    free(guard);
    if (out->failed)
        return -1;
    return changed;
}
