/* Positions in JSON text, which jansson does not keep for values: where a value or a key
 * starts (for messages), and where each indicator and task starts (for def.source).
 *
 * The text has already been accepted by jansson, so this is a scanner of token boundaries,
 * not a parser. It still checks every bound, so that no input can make it read past the
 * text, and it never recurses, so that nesting depth cannot exhaust the stack. */
#include <stdlib.h>
#include <string.h>

#include "json/json_internal.h"

static size_t skip_ws(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* i at the opening quote; returns the offset just after the closing one. A quote closes
 * the string unless an odd number of backslashes comes right before it. */
static size_t skip_string(const char *s, size_t len, size_t i)
{
    size_t from = i + 1;
    while (from < len) {
        const char *q = memchr(s + from, '"', len - from);
        if (!q)
            return len;
        size_t j = (size_t)(q - s), b = j;
        while (b > from && s[b - 1] == '\\')
            b--;
        if ((j - b) % 2 == 0)
            return j + 1;
        from = j + 1;
    }
    return len;
}

/* The bytes skip_value stops at inside a container. */
static int structural(char c)
{
    static const unsigned char table[256] = {['"'] = 1, ['{'] = 1, ['['] = 1, ['}'] = 1, [']'] = 1};
    return table[(unsigned char)c];
}

/* i at the first character of a value; returns the offset just after it. */
static size_t skip_value(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return len;
    if (s[i] == '"')
        return skip_string(s, len, i);
    if (s[i] == '{' || s[i] == '[') {
        size_t depth = 0;
        while (i < len) {
            char c = s[i];
            if (!structural(c)) {
                i++;
                continue;
            }
            if (c == '"') {
                i = skip_string(s, len, i);
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else {
                if (depth <= 1)
                    return i + 1;
                depth--;
            }
            i++;
        }
        return len;
    }
    /* number, true, false, null */
    while (i < len && s[i] != ',' && s[i] != ']' && s[i] != '}' && s[i] != ' ' && s[i] != '\t' &&
           s[i] != '\n' && s[i] != '\r')
        i++;
    return i;
}

static int hex4(const char *s, size_t len, size_t i, uint32_t *out)
{
    uint32_t v = 0;
    if (i + 4 > len)
        return -1;
    for (size_t k = 0; k < 4; k++) {
        char c = s[i + k];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

/* Decodes the string character at *i (not the closing quote) into enc (4 bytes room),
 * advancing *i. Returns its length in bytes; 0 when the text is not a valid escape. */
static size_t decode_char(const char *s, size_t len, size_t *i, char *enc)
{
    size_t p = *i;
    if (s[p] != '\\') {
        enc[0] = s[p];
        *i = p + 1;
        return 1;
    }
    if (p + 1 >= len)
        return 0;
    char e = s[p + 1];
    *i = p + 2;
    switch (e) {
    case '"': enc[0] = '"'; return 1;
    case '\\': enc[0] = '\\'; return 1;
    case '/': enc[0] = '/'; return 1;
    case 'b': enc[0] = '\b'; return 1;
    case 'f': enc[0] = '\f'; return 1;
    case 'n': enc[0] = '\n'; return 1;
    case 'r': enc[0] = '\r'; return 1;
    case 't': enc[0] = '\t'; return 1;
    case 'u': break;
    default: return 0;
    }
    uint32_t cp;
    if (hex4(s, len, p + 2, &cp))
        return 0;
    *i = p + 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t lo;
        if (p + 12 > len || s[p + 6] != '\\' || s[p + 7] != 'u' || hex4(s, len, p + 8, &lo) ||
            lo < 0xDC00 || lo > 0xDFFF)
            return 0;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        *i = p + 12;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return 0;
    }
    return zb_utf8_encode(cp, enc);
}

/* Nonzero when the JSON string at i (its opening quote) decodes to key. Keys may be
 * written with escapes ("n\u0061me"); jansson hands them over decoded. */
static int key_equals(const char *s, size_t len, size_t i, const char *key)
{
    size_t k = 0;
    i++;
    while (i < len && s[i] != '"') {
        char enc[4];
        size_t n = decode_char(s, len, &i, enc);
        if (n == 0)
            return 0;
        for (size_t j = 0; j < n; j++, k++)
            if (key[k] == '\0' || key[k] != enc[j])
                return 0;
    }
    return key[k] == '\0';
}

/* ---- walking objects and arrays; every function returns ZB_NONE past the end ---- */

/* i at '{': offset of the first key, or ZB_NONE for {}. */
static size_t object_first(const char *s, size_t len, size_t i)
{
    i = skip_ws(s, len, i + 1);
    return i < len && s[i] == '"' ? i : ZB_NONE;
}

/* k at a key: offset of its value. */
static size_t member_value(const char *s, size_t len, size_t k)
{
    size_t i = skip_ws(s, len, skip_string(s, len, k));
    if (i < len && s[i] == ':')
        i = skip_ws(s, len, i + 1);
    return i < len ? i : ZB_NONE;
}

/* v at the value of a member (or at an array element): offset of what follows the comma
 * after it, or ZB_NONE at the end of the container. */
static size_t next_item(const char *s, size_t len, size_t v)
{
    size_t i = skip_ws(s, len, skip_value(s, len, v));
    if (i >= len || s[i] != ',')
        return ZB_NONE;
    i = skip_ws(s, len, i + 1);
    return i < len ? i : ZB_NONE;
}

/* i at '[': offset of the first element, or ZB_NONE for []. */
static size_t array_first(const char *s, size_t len, size_t i)
{
    i = skip_ws(s, len, i + 1);
    return i < len && s[i] != ']' ? i : ZB_NONE;
}

/* The member of the object at i whose key is key: *key_at and the value offset. */
static size_t object_find(const char *s, size_t len, size_t i, const char *key, size_t *key_at)
{
    for (size_t k = object_first(s, len, i); k != ZB_NONE;) {
        size_t v = member_value(s, len, k);
        if (v == ZB_NONE)
            return ZB_NONE;
        if (key_equals(s, len, k, key)) {
            *key_at = k;
            return v;
        }
        k = next_item(s, len, v);
        if (k != ZB_NONE && s[k] != '"')
            return ZB_NONE;
    }
    return ZB_NONE;
}

size_t zb_json_locate(const char *text, size_t len, const zb_jstep *path, size_t depth, int at_key)
{
    size_t i = skip_ws(text, len, 0);
    for (size_t d = 0; d < depth && i < len; d++) {
        const zb_jstep *step = &path[d];
        size_t next = ZB_NONE;
        if (step->key && text[i] == '{') {
            size_t key_at = ZB_NONE;
            next = object_find(text, len, i, step->key, &key_at);
            if (next != ZB_NONE && at_key && d + 1 == depth)
                return key_at;
        } else if (!step->key && text[i] == '[') {
            next = array_first(text, len, i);
            for (size_t n = 0; n < step->index && next != ZB_NONE; n++)
                next = next_item(text, len, next);
        }
        if (next == ZB_NONE)
            return i;
        i = next;
    }
    return i < len ? i : len;
}

/* ---- positions of indicators, tasks and prose targets ---- */

typedef struct pos_list {
    zb_jpos *items;
    size_t count;
    size_t cap;
    int failed;
} pos_list;

static void pos_add(pos_list *l, zb_jpos_kind kind, size_t outer, size_t inner, size_t offset)
{
    if (l->failed || zb_grow((void **)&l->items, &l->cap, l->count + 1, sizeof *l->items)) {
        l->failed = 1;
        return;
    }
    l->items[l->count++] = (zb_jpos){.kind = kind, .outer = outer, .inner = inner, .offset = offset};
}

/* Records every element of the array at i. */
static void pos_add_array(pos_list *l, const char *s, size_t len, size_t i, zb_jpos_kind kind, size_t outer)
{
    if (i == ZB_NONE || s[i] != '[')
        return;
    size_t n = 0;
    for (size_t e = array_first(s, len, i); e != ZB_NONE; e = next_item(s, len, e))
        pos_add(l, kind, outer, n++, e);
}

zb_status zb_json_object_positions(const char *text, size_t len, zb_jpos **out, size_t *count)
{
    pos_list l = {0};
    *out = NULL;
    *count = 0;
    size_t root = skip_ws(text, len, 0);
    if (root >= len || text[root] != '{')
        return ZB_OK;
    /* One walk over the top-level members in document order, so that the list comes out
     * sorted by offset and line and column can be counted incrementally below. */
    for (size_t k = object_first(text, len, root); k != ZB_NONE;) {
        size_t v = member_value(text, len, k);
        if (v == ZB_NONE)
            break;
        if (key_equals(text, len, k, "indicators")) {
            pos_add_array(&l, text, len, v, ZB_JPOS_INDICATOR, 0);
        } else if (key_equals(text, len, k, "tasks")) {
            pos_add_array(&l, text, len, v, ZB_JPOS_TASK, 0);
        } else if (key_equals(text, len, k, "prose_targets")) {
            pos_add_array(&l, text, len, v, ZB_JPOS_PROSE, 0);
        } else if (key_equals(text, len, k, "categories") && text[v] == '[') {
            size_t c = 0;
            for (size_t e = array_first(text, len, v); e != ZB_NONE; e = next_item(text, len, e), c++) {
                size_t key_at;
                if (text[e] == '{')
                    pos_add_array(&l, text, len, object_find(text, len, e, "indicators", &key_at),
                                  ZB_JPOS_CATEGORY_INDICATOR, c);
            }
        }
        k = next_item(text, len, v);
        if (k != ZB_NONE && text[k] != '"')
            break;
    }
    if (l.failed) {
        free(l.items);
        return ZB_ERR_NOMEM;
    }
    size_t at = 0;
    int line = 1, col = 1;
    for (size_t n = 0; n < l.count; n++) {
        size_t off = l.items[n].offset;
        if (off < at) { /* cannot happen for a document-order walk; recount from the start */
            at = 0;
            line = col = 1;
        }
        int dl, dc;
        zb_text_position(text + at, len - at, off - at, &dl, &dc);
        if (dl == 1) {
            col += dc - 1;
        } else {
            line += dl - 1;
            col = dc;
        }
        at = off;
        l.items[n].line = line;
        l.items[n].col = col;
    }
    *out = l.items;
    *count = l.count;
    return ZB_OK;
}

/* ---- the path at an offset ---- */

typedef struct open_container {
    char type;     /* '{' or '[' */
    int in_key;    /* object: between the key and its ':' (or expecting a key) */
    size_t index;  /* array: current element */
    size_t key_at; /* object: offset of the current key, ZB_NONE before the first */
} open_container;

/* Appends the decoded JSON string at i, shortened to about 40 characters. */
static void append_string(zb_buf *out, const char *s, size_t len, size_t i)
{
    size_t chars = 0;
    i++;
    while (i < len && s[i] != '"') {
        char enc[4];
        size_t n = decode_char(s, len, &i, enc);
        if (n == 0)
            break;
        /* Count characters, not bytes: a cut must fall between two characters. */
        if (((unsigned char)enc[0] & 0xC0) != 0x80 && ++chars > 40) {
            zb_buf_adds(out, "…");
            return;
        }
        if ((unsigned char)enc[0] < 0x20)
            zb_buf_addc(out, '?');
        else
            zb_buf_add(out, enc, n);
    }
}

void zb_json_path_print(zb_buf *out, const zb_jstep *path, size_t depth)
{
    for (size_t d = 0; d < depth; d++) {
        if (path[d].key)
            zb_buf_addf(out, "%s%s", d ? "." : "", path[d].key);
        else
            zb_buf_addf(out, "[%zu]", path[d].index);
    }
}

void zb_json_path_at(const char *text, size_t len, size_t offset, zb_buf *out, size_t *key_at)
{
    open_container *stack = NULL;
    size_t depth = 0, cap = 0;
    *key_at = ZB_NONE;
    if (offset > len)
        offset = len;
    size_t i = 0;
    while (i < offset) {
        char c = text[i];
        if (c == '{' || c == '[') {
            if (zb_grow((void **)&stack, &cap, depth + 1, sizeof *stack)) {
                free(stack);
                return;
            }
            stack[depth++] = (open_container){.type = c, .in_key = c == '{', .key_at = ZB_NONE};
            i++;
        } else if (c == '}' || c == ']') {
            if (depth)
                depth--;
            i++;
        } else if (c == '"') {
            if (depth && stack[depth - 1].type == '{' && stack[depth - 1].in_key)
                stack[depth - 1].key_at = i;
            i = skip_string(text, len, i);
        } else if (c == ':') {
            if (depth)
                stack[depth - 1].in_key = 0;
            i++;
        } else if (c == ',') {
            if (depth && stack[depth - 1].type == '[')
                stack[depth - 1].index++;
            else if (depth)
                stack[depth - 1].in_key = 1;
            i++;
        } else {
            i++;
        }
    }
    /* Every open container but the innermost contributes the step into its child. */
    size_t shown = 0;
    for (size_t d = 0; d + 1 < depth; d++) {
        if (++shown > 24) {
            zb_buf_adds(out, "…");
            break;
        }
        if (stack[d].type == '[') {
            zb_buf_addf(out, "[%zu]", stack[d].index);
        } else if (stack[d].key_at != ZB_NONE) {
            if (d)
                zb_buf_addc(out, '.');
            append_string(out, text, len, stack[d].key_at);
        }
    }
    if (depth && stack[depth - 1].type == '{')
        *key_at = stack[depth - 1].key_at;
    free(stack);
}
