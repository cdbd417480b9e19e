/* The zhibiao/1 JSON format (docs/format.md): a strict loader whose every error names
 * file:line:column and the path of the value, and a writer whose output loads back into
 * the same plan.
 *
 * jansson parses; it keeps no positions for values, so locate.c finds them in the text
 * when a message needs one, and lists where every indicator starts in one pass. The plan
 * is built in a new zb_plan and swapped into the caller's only when everything succeeded. */
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json/json_internal.h"
#include "plan/plan_internal.h"
#include "zhibiao/json.h"

#define FORMAT_NAME "zhibiao/1"
#define PATH_MAX_STEPS 8

/* ---- names shared by the loader and the writer ------------------------------------ */

typedef struct enum_name {
    const char *name;
    int value;
    int alias; /* accepted, never written */
} enum_name;

static const enum_name qualifier_names[] = {
    {">=", ZB_QUAL_AT_LEAST, 0}, {"~", ZB_QUAL_ABOUT, 0}, {"<=", ZB_QUAL_AT_MOST, 0},
    {"none", ZB_QUAL_NONE, 0},   {"≥", ZB_QUAL_AT_LEAST, 1}, {"≈", ZB_QUAL_ABOUT, 1},
    {"≤", ZB_QUAL_AT_MOST, 1},   {NULL, 0, 0}};
static const enum_name kind_names[] = {
    {"cumulative", ZB_KIND_CUMULATIVE, 0}, {"rate", ZB_KIND_RATE, 0}, {"level", ZB_KIND_LEVEL, 0}, {NULL, 0, 0}};
static const enum_name direction_names[] = {
    {"higher", ZB_DIR_HIGHER, 0}, {"lower", ZB_DIR_LOWER, 0}, {NULL, 0, 0}};
static const enum_name attribute_names[] = {{"binding", ZB_ATTR_BINDING, 0},
                                            {"anticipatory", ZB_ATTR_ANTICIPATORY, 0},
                                            {"约束性", ZB_ATTR_BINDING, 1},
                                            {"预期性", ZB_ATTR_ANTICIPATORY, 1},
                                            {NULL, 0, 0}};
static const enum_name attachment_kind_names[] = {
    {"text", ZB_ATTACH_TEXT, 0}, {"targets", ZB_ATTACH_TARGETS, 0}, {"units", ZB_ATTACH_UNITS, 0}, {NULL, 0, 0}};

static const char *enum_to_name(const enum_name *names, int value)
{
    for (; names->name; names++)
        if (names->value == value && !names->alias)
            return names->name;
    return NULL;
}

typedef struct meta_key {
    const char *key;
    zb_meta field;
} meta_key;

static const meta_key meta_keys[] = {
    {"title", ZB_META_TITLE},         {"organ", ZB_META_ORGAN},         {"organ_mark", ZB_META_ORGAN_MARK},
    {"doc_number", ZB_META_DOC_NUMBER}, {"signature", ZB_META_SIGNATURE}, {"note", ZB_META_NOTE},
    {"printer", ZB_META_PRINTER},     {"index_no", ZB_META_INDEX_NO},   {"publisher", ZB_META_PUBLISHER},
    {"validity", ZB_META_VALIDITY},   {"disclosure", ZB_META_DISCLOSURE}, {"plan_title", ZB_META_PLAN_TITLE}};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The keys each object may hold, in the order the writer puts them. */
static const char *const top_keys[] = {
    "format", "title", "organ", "organ_mark", "doc_number", "signature", "note", "printer",
    "index_no", "publisher", "validity", "disclosure", "plan_title", "date", "printed",
    "published", "year", "years", "recipients", "copy_to", "units", "categories", "indicators",
    "tasks", "prose_targets", "body", "plan_body", "attachments", "actuals", NULL};
static const char *const unit_keys[] = {"name", "full_name", NULL};
static const char *const category_keys[] = {"name", "indicators", NULL};
static const char *const indicator_keys[] = {
    "seq", "name", "unit", "attribute", "base_year", "base", "target", "qualifier", "targets", "kind",
    "direction", "weight", "responsible", "note", NULL};
static const char *const flat_indicator_keys[] = {
    "seq", "category", "name", "unit", "attribute", "base_year", "base", "target", "qualifier", "targets",
    "kind", "direction", "weight", "responsible", "note", NULL};
static const char *const target_keys[] = {"year", "target", "qualifier", NULL};
static const char *const task_keys[] = {"number", "headings", "title", "text", "duties", NULL};
static const char *const duty_keys[] = {"text", "responsible", "leads", "note", NULL};
static const char *const block_keys[] = {"level", "text", NULL};
static const char *const prose_keys[] = {"name", "unit", "value", "qualifier", "years", "sentence", "task", NULL};
static const char *const attachment_keys[] = {"number", "kind", "title", "text", NULL};
static const char *const actual_keys[] = {"seq", "period", "value", "note", NULL};

/* ======================================================================================
 * Loading
 * ==================================================================================== */

/* More keys than any object may hold (top_keys has the most). */
#define KEYS_MAX 32

typedef struct loader {
    const char *text; /* the JSON, a byte-order mark already skipped */
    size_t len;
    const char *name;  /* what messages call the input */
    zb_plan *target;   /* the caller's plan: receives the message, and the result at the end */
    zb_plan *plan;     /* the plan being built */
    zb_jstep path[PATH_MAX_STEPS];
    size_t depth;
    zb_jpos *pos; /* where indicators and tasks start, in document order */
    size_t npos;
    size_t cursor[4]; /* per zb_jpos_kind: where the next lookup starts */
    zb_buf scratch;
    /* The keys of the object check_keys() read last: its values are found among them by
     * member(), a few comparisons, instead of being hashed again one lookup at a time. */
    const json_t *keyed;
    size_t nkeys;
    struct {
        const char *key;
        json_t *value;
    } keys[KEYS_MAX];
} loader;

/* Frees arr[i], read and no longer needed, while it is still in the cache (a null takes its
 * place): jansson's tree is otherwise freed at the end, every node a cache miss again. */
static void forget(loader *ld, json_t *arr, size_t i)
{
    if (ld->keyed == json_array_get(arr, i))
        ld->keyed = NULL;
    json_array_set_new(arr, i, json_null());
}

/* obj[key], or NULL. */
static json_t *member(loader *ld, json_t *obj, const char *key)
{
    if (obj != ld->keyed)
        return json_object_get(obj, key);
    for (size_t i = 0; i < ld->nkeys; i++)
        if (ld->keys[i].key[0] == key[0] && strcmp(ld->keys[i].key, key) == 0)
            return ld->keys[i].value;
    return NULL;
}

static void push_key(loader *ld, const char *key)
{
    if (ld->depth < PATH_MAX_STEPS)
        ld->path[ld->depth] = (zb_jstep){.key = key};
    ld->depth++;
}

static void push_index(loader *ld, size_t index)
{
    if (ld->depth < PATH_MAX_STEPS)
        ld->path[ld->depth] = (zb_jstep){.index = index};
    ld->depth++;
}

static void pop(loader *ld)
{
    if (ld->depth)
        ld->depth--;
}

static size_t path_depth(const loader *ld)
{
    return ld->depth < PATH_MAX_STEPS ? ld->depth : PATH_MAX_STEPS;
}

static char *vformat(const char *fmt, va_list ap) ZB_PRINTF(1, 0);
static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return s;
}

/* Sets the caller's message to "name:line:col: path: what" and returns code. */
static zb_status report_raw(loader *ld, zb_status code, size_t off, const char *path, const char *what)
{
    int line, col;
    zb_text_position(ld->text, ld->len, off, &line, &col);
    zb_buf m = {0};
    zb_buf_addf(&m, "%s:%d:%d: ", ld->name, line, col);
    if (path && *path)
        zb_buf_addf(&m, "%s: ", path);
    zb_buf_adds(&m, what ? what : "out of memory");
    if (m.failed || !what) {
        zb_buf_free(&m);
        return zb_plan_fail(ld->target, ZB_ERR_NOMEM, "%s: out of memory", ld->name);
    }
    zb_plan_fail(ld->target, code, "%s", m.data);
    zb_buf_free(&m);
    return code;
}

static zb_status report(loader *ld, zb_status code, size_t off, size_t print_depth, const char *what)
{
    zb_buf p = {0};
    zb_json_path_print(&p, ld->path, print_depth);
    zb_status st = report_raw(ld, code, off, p.failed ? "" : p.data, what);
    zb_buf_free(&p);
    return st;
}

/* An error about the value at the current path. */
static zb_status fail_here(loader *ld, zb_status code, const char *fmt, ...) ZB_PRINTF(3, 4);
static zb_status fail_here(loader *ld, zb_status code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *what = vformat(fmt, ap);
    va_end(ap);
    size_t d = path_depth(ld);
    size_t off = zb_json_locate(ld->text, ld->len, ld->path, d, 0);
    zb_status st = report(ld, code, off, d, what);
    free(what);
    return st;
}

/* An error about a key of the object at the current path: points at the key itself. */
static zb_status fail_key(loader *ld, const char *key, zb_status code, const char *fmt, ...) ZB_PRINTF(4, 5);
static zb_status fail_key(loader *ld, const char *key, zb_status code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *what = vformat(fmt, ap);
    va_end(ap);
    size_t d = path_depth(ld);
    size_t off;
    if (d < PATH_MAX_STEPS) {
        ld->path[d] = (zb_jstep){.key = key};
        off = zb_json_locate(ld->text, ld->len, ld->path, d + 1, 1);
    } else {
        off = zb_json_locate(ld->text, ld->len, ld->path, d, 0);
    }
    zb_status st = report(ld, code, off, d, what);
    free(what);
    return st;
}

/* A plan mutator failed: its message, located at the current path. The model may have
 * begun it with the def.source we gave it ("plan.json:9:5: "), which the location we put
 * in front already says. */
static zb_status fail_plan(loader *ld, zb_status code)
{
    const char *msg = zb_errmsg(ld->plan);
    size_t n = strlen(ld->name);
    if (strncmp(msg, ld->name, n) == 0 && msg[n] == ':') {
        const char *p = msg + n + 1;
        int fields = 0;
        while (fields < 2 && *p >= '0' && *p <= '9') {
            while (*p >= '0' && *p <= '9')
                p++;
            if (*p != ':')
                break;
            p++;
            fields++;
        }
        if (fields == 2 && *p == ' ')
            msg = p + 1;
    }
    return fail_here(ld, code, "%s", *msg ? msg : zb_strerror(code));
}

/* A user's text for a message: quoted, control characters escaped, shortened. */
static const char *quoted(const char *s, char *buf, size_t size)
{
    size_t o = 0, chars = 0;
    buf[o++] = '"';
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) != 0x80 && ++chars > 48) {
            memcpy(buf + o, "…", strlen("…"));
            o += strlen("…");
            break;
        }
        if (o + 8 >= size)
            break;
        if (*p < 0x20 || *p == '"' || *p == '\\')
            o += (size_t)snprintf(buf + o, size - o, *p < 0x20 ? "\\u%04x" : "\\%c", *p);
        else
            buf[o++] = (char)*p;
    }
    /* A cut inside a character must not leave half of it behind. */
    while (o > 1 && zb_utf8_check(buf + 1, o - 1) < o - 1)
        o--;
    buf[o++] = '"';
    buf[o] = '\0';
    return buf;
}

#define QUOTE_MAX 400

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE: return "true";
    case JSON_FALSE: return "false";
    case JSON_NULL: return "null";
    }
    return "something else";
}

/* Edit distance with transpositions (optimal string alignment), for "did you mean". */
static size_t edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 32 || m > 32)
        return SIZE_MAX;
    size_t d[33][33];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[n][m];
}

static int key_allowed(const char *key, const char *const *keys)
{
    for (; *keys; keys++)
        if (key[0] == (*keys)[0] && strcmp(key, *keys) == 0) /* the first byte tells most apart */
            return 1;
    return 0;
}

/* Unknown keys are errors: a misspelt key must not be ignored silently. */
static zb_status check_keys(loader *ld, json_t *obj, const char *const *keys)
{
    const char *key;
    json_t *v;
    ld->keyed = NULL;
    ld->nkeys = 0;
    json_object_foreach(obj, key, v) {
        if (key_allowed(key, keys)) {
            /* Keys are unique (duplicates are refused) and all allowed: at most KEYS_MAX. */
            if (ld->nkeys < KEYS_MAX) {
                ld->keys[ld->nkeys].key = key;
                ld->keys[ld->nkeys].value = v;
            }
            ld->nkeys++;
            continue;
        }
        ld->nkeys = 0;
        const char *best = NULL;
        size_t best_d = SIZE_MAX;
        for (const char *const *k = keys; *k; k++) {
            size_t d = edit_distance(key, *k);
            if (d < best_d) {
                best_d = d;
                best = *k;
            }
        }
        char q[QUOTE_MAX];
        if (best && best_d <= (strlen(best) <= 4 ? 1u : 2u))
            return fail_key(ld, key, ZB_ERR_SCHEMA, "unknown key %s (did you mean \"%s\"?)",
                            quoted(key, q, sizeof q), best);
        zb_buf list = {0};
        for (const char *const *k = keys; *k; k++)
            zb_buf_addf(&list, "%s%s", k == keys ? "" : ", ", *k);
        zb_status st = fail_key(ld, key, ZB_ERR_SCHEMA, "unknown key %s (expected one of: %s)",
                                quoted(key, q, sizeof q), list.failed ? "" : list.data);
        zb_buf_free(&list);
        return st;
    }
    if (ld->nkeys <= KEYS_MAX)
        ld->keyed = obj;
    return ZB_OK;
}

static zb_status expect_object(loader *ld, const json_t *v, const char *what)
{
    if (json_is_object(v))
        return ZB_OK;
    return fail_here(ld, ZB_ERR_SCHEMA, "expected an object (%s), got %s", what, type_name(v));
}

/* obj[key] as a string; *out NULL when absent. */
static zb_status opt_string(loader *ld, json_t *obj, const char *key, const char **out)
{
    json_t *v = member(ld, obj, key);
    *out = NULL;
    if (!v)
        return ZB_OK;
    if (!json_is_string(v)) {
        push_key(ld, key);
        return fail_here(ld, ZB_ERR_SCHEMA, "expected a string, got %s", type_name(v));
    }
    *out = json_string_value(v);
    return ZB_OK;
}

static zb_status req_string(loader *ld, json_t *obj, const char *key, const char **out)
{
    zb_status st = opt_string(ld, obj, key, out);
    if (st == ZB_OK && !*out)
        return fail_here(ld, ZB_ERR_SCHEMA, "missing key \"%s\"", key);
    return st;
}

/* The value at the current path as an integer in [min, max]. */
static zb_status int_value(loader *ld, json_t *v, int min, int max, const char *expected, int *out)
{
    char num[32];
    if (!json_is_number(v))
        return fail_here(ld, ZB_ERR_SCHEMA, "expected an integer, got %s", type_name(v));
    double d = json_number_value(v);
    if (!isfinite(d) || d != floor(d))
        return fail_here(ld, ZB_ERR_SCHEMA, "expected an integer, got %s", zb_format_number(d, num));
    if (d < min || d > max)
        return fail_here(ld, ZB_ERR_VALUE, "expected %s, got %s", expected, zb_format_number(d, num));
    *out = (int)d;
    return ZB_OK;
}

/* obj[key] as an integer; *present says whether it was there. */
static zb_status opt_int(loader *ld, json_t *obj, const char *key, int min, int max, const char *expected,
                         int *out, int *present)
{
    json_t *v = member(ld, obj, key);
    *present = v != NULL;
    if (!v)
        return ZB_OK;
    push_key(ld, key);
    zb_status st = int_value(ld, v, min, max, expected, out);
    if (st == ZB_OK)
        pop(ld);
    return st;
}

static zb_status req_int(loader *ld, json_t *obj, const char *key, int min, int max, const char *expected,
                         int *out)
{
    int present;
    zb_status st = opt_int(ld, obj, key, min, max, expected, out, &present);
    if (st == ZB_OK && !present)
        return fail_here(ld, ZB_ERR_SCHEMA, "missing key \"%s\"", key);
    return st;
}

/* obj[key] as one of names; *out unchanged when absent. */
static zb_status opt_enum(loader *ld, json_t *obj, const char *key, const enum_name *names, int *out)
{
    const char *s;
    zb_status st = opt_string(ld, obj, key, &s);
    if (st || !s)
        return st;
    for (const enum_name *n = names; n->name; n++) {
        if (strcmp(s, n->name) == 0) {
            *out = n->value;
            return ZB_OK;
        }
    }
    zb_buf list = {0};
    int aliases = 0;
    size_t count = 0, k = 0;
    for (const enum_name *n = names; n->name; n++)
        count += !n->alias;
    for (const enum_name *n = names; n->name; n++) {
        if (n->alias) {
            aliases = 1;
            continue;
        }
        k++;
        zb_buf_addf(&list, "%s\"%s\"", k == 1 ? "" : k == count ? " or " : ", ", n->name);
    }
    if (aliases) {
        zb_buf_adds(&list, " (or ");
        k = 0;
        for (const enum_name *n = names; n->name; n++)
            if (n->alias)
                zb_buf_addf(&list, "%s\"%s\"", k++ ? ", " : "", n->name);
        zb_buf_adds(&list, ")");
    }
    char q[QUOTE_MAX];
    push_key(ld, key);
    st = fail_here(ld, ZB_ERR_VALUE, "expected %s, got %s", list.failed ? "" : list.data, quoted(s, q, sizeof q));
    zb_buf_free(&list);
    return st;
}

/* obj[key] as an array; *out NULL when absent. */
static zb_status opt_array(loader *ld, json_t *obj, const char *key, json_t **out)
{
    json_t *v = member(ld, obj, key);
    *out = NULL;
    if (!v)
        return ZB_OK;
    if (!json_is_array(v)) {
        push_key(ld, key);
        return fail_here(ld, ZB_ERR_SCHEMA, "expected an array, got %s", type_name(v));
    }
    *out = v;
    return ZB_OK;
}

/* Checks that every element of arr (at the current path) is a string. */
static zb_status all_strings(loader *ld, json_t *arr)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        if (!json_is_string(v)) {
            push_index(ld, i);
            return fail_here(ld, ZB_ERR_SCHEMA, "expected a string, got %s", type_name(v));
        }
    }
    return ZB_OK;
}

static int parse_digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

/* "YYYY-MM-DD", a date that exists. */
static int parse_date(const char *s, zb_date *d)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || parse_digits(s, 4, &d->year) ||
        parse_digits(s + 5, 2, &d->month) || parse_digits(s + 8, 2, &d->day))
        return -1;
    return zb_date_valid(*d) ? 0 : -1;
}

/* "YYYY-MM". */
/* "name:line:col" of the object that the position pass found for (kind, outer, inner). */
static const char *source_of(loader *ld, zb_jpos_kind kind, size_t outer, size_t inner)
{
    for (size_t k = ld->cursor[kind]; k < ld->npos; k++) {
        const zb_jpos *p = &ld->pos[k];
        if (p->kind == kind && p->outer == outer && p->inner == inner) {
            ld->cursor[kind] = k + 1;
            ld->scratch.len = 0;
            zb_buf_adds(&ld->scratch, ld->name);
            zb_buf_addc(&ld->scratch, ':');
            zb_buf_add_uint(&ld->scratch, (unsigned)p->line);
            zb_buf_addc(&ld->scratch, ':');
            zb_buf_add_uint(&ld->scratch, (unsigned)p->col);
            return ld->scratch.failed ? NULL : ld->scratch.data;
        }
    }
    return NULL;
}

/* ---- the parts of a plan ---- */

static zb_status load_strings(loader *ld, json_t *root, const char *key,
                              zb_status (*add)(zb_plan *, const char *))
{
    json_t *arr;
    zb_status st = opt_array(ld, root, key, &arr);
    if (st || !arr)
        return st;
    push_key(ld, key);
    if ((st = all_strings(ld, arr)) != ZB_OK)
        return st;
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        if ((st = add(ld->plan, json_string_value(v))) != ZB_OK) {
            push_index(ld, i);
            return fail_plan(ld, st);
        }
    }
    pop(ld);
    return ZB_OK;
}

static zb_status load_unit(loader *ld, json_t *v)
{
    const char *name, *full = NULL;
    zb_status st;
    if (json_is_string(v)) {
        name = json_string_value(v);
    } else {
        if (!json_is_object(v))
            return fail_here(ld, ZB_ERR_SCHEMA, "expected a string or an object (a unit), got %s", type_name(v));
        if ((st = check_keys(ld, v, unit_keys)) || (st = req_string(ld, v, "name", &name)) ||
            (st = opt_string(ld, v, "full_name", &full)))
            return st;
    }
    if ((st = zb_plan_add_unit(ld->plan, name, full)) != ZB_OK) {
        if (json_is_object(v))
            push_key(ld, "name");
        return fail_plan(ld, st);
    }
    return ZB_OK;
}

/* obj[key] as displayed text: a string as given, a number the shortest way it reads back
 * (num: 32 bytes of room). *out NULL when absent. */
static zb_status opt_text_or_number(loader *ld, json_t *obj, const char *key, char *num, const char **out)
{
    json_t *t = member(ld, obj, key);
    *out = NULL;
    if (!t)
        return ZB_OK;
    if (json_is_string(t)) {
        *out = json_string_value(t);
    } else if (json_is_number(t) && zb_number_usable(json_number_value(t))) {
        *out = zb_format_number(json_number_value(t), num);
    } else if (json_is_number(t)) {
        push_key(ld, key);
        return fail_here(ld, ZB_ERR_VALUE, "%g is beyond the numbers a plan holds (%s)", json_number_value(t),
                         ZB_NUMBER_RANGE);
    } else {
        push_key(ld, key);
        return fail_here(ld, ZB_ERR_SCHEMA, "expected a number or a string, got %s", type_name(t));
    }
    return ZB_OK;
}

/* The per-year targets of indicator index: [{"year": 2025, "target": 7, "qualifier": "<="}]. */
static zb_status load_targets(loader *ld, json_t *arr, size_t index)
{
    size_t k;
    json_t *v;
    push_key(ld, "targets");
    json_array_foreach(arr, k, v) {
        push_index(ld, k);
        zb_status st;
        int year, q = ZB_QUAL_AUTO;
        const char *text;
        char num[32];
        if ((st = expect_object(ld, v, "a target")) || (st = check_keys(ld, v, target_keys)) ||
            (st = req_int(ld, v, "year", 1900, 9999, "a year from 1900 to 9999", &year)) ||
            (st = opt_text_or_number(ld, v, "target", num, &text)) ||
            (st = opt_enum(ld, v, "qualifier", qualifier_names, &q)))
            return st;
        if (!text)
            return fail_here(ld, ZB_ERR_SCHEMA, "missing key \"target\"");
        if (zb_plan_indicator_find_target(ld->plan, index, year) != ZB_NONE) {
            push_key(ld, "year");
            return fail_here(ld, ZB_ERR_DUPLICATE, "a second target for %d", year);
        }
        if ((st = zb_plan_indicator_set_target(ld->plan, index, year, text, (zb_qualifier)q)) != ZB_OK)
            return fail_plan(ld, st);
        pop(ld);
    }
    pop(ld);
    return ZB_OK;
}

/* One indicator: in categories[outer].indicators[inner] when category != ZB_NONE, else in
 * the top-level indicators[inner], where a "category" key may name its category. */
static zb_status load_indicator(loader *ld, json_t *v, size_t category, size_t outer, size_t inner)
{
    zb_status st;
    int nested = category != ZB_NONE;
    if ((st = expect_object(ld, v, "an indicator")) != ZB_OK)
        return st;
    if (nested && json_object_get(v, "category"))
        return fail_key(ld, "category", ZB_ERR_SCHEMA,
                        "unknown key \"category\" (an indicator inside a category belongs to it; "
                        "\"category\" is for indicators in the top-level \"indicators\")");
    if ((st = check_keys(ld, v, nested ? indicator_keys : flat_indicator_keys)) != ZB_OK)
        return st;

    zb_indicator_def def = {0};
    int seq_present = 0, base_year_present = 0, q = ZB_QUAL_AUTO, k = ZB_KIND_AUTO, d = ZB_DIR_AUTO,
        attr = ZB_ATTR_NONE;
    json_t *targets = NULL;
    char base_num[32];
    if ((st = opt_int(ld, v, "seq", 1, INT_MAX, "a positive integer", &def.seq, &seq_present)) ||
        (st = req_string(ld, v, "name", &def.name)) || (st = opt_string(ld, v, "unit", &def.unit)) ||
        (st = opt_enum(ld, v, "qualifier", qualifier_names, &q)) || (st = opt_enum(ld, v, "kind", kind_names, &k)) ||
        (st = opt_enum(ld, v, "direction", direction_names, &d)) ||
        (st = opt_enum(ld, v, "attribute", attribute_names, &attr)) ||
        (st = opt_int(ld, v, "base_year", 1900, 9999, "a year from 1900 to 9999", &def.base_year,
                      &base_year_present)) ||
        (st = opt_text_or_number(ld, v, "base", base_num, &def.base)) || (st = opt_string(ld, v, "note", &def.note)) ||
        (st = opt_array(ld, v, "targets", &targets)))
        return st;
    if (base_year_present && !def.base)
        return fail_key(ld, "base_year", ZB_ERR_SCHEMA, "\"base_year\" without \"base\" (the base value of that year)");
    def.qualifier = (zb_qualifier)q;
    def.kind = (zb_kind)k;
    def.direction = (zb_direction)d;
    def.attribute = (zb_attribute)attr;
    if (nested) {
        def.category = zb_plan_category_name(ld->plan, category);
    } else if ((st = opt_string(ld, v, "category", &def.category)) != ZB_OK) {
        return st;
    }

    /* A number target is written as zb_format_number prints it; a string as given. */
    char num[32];
    if ((st = opt_text_or_number(ld, v, "target", num, &def.target)) != ZB_OK)
        return st;

    /* 考核权重: 1 when absent; the model rejects a weight that is not above 0. */
    json_t *weight = member(ld, v, "weight");
    if (weight) {
        if (!json_is_number(weight)) {
            push_key(ld, "weight");
            return fail_here(ld, ZB_ERR_SCHEMA, "expected a number, got %s", type_name(weight));
        }
        def.weight = json_number_value(weight);
        if (!(def.weight > 0)) {
            push_key(ld, "weight");
            return fail_here(ld, ZB_ERR_VALUE, "expected a number greater than 0, got %s",
                             zb_format_number(def.weight, num));
        }
    }

    json_t *resp = member(ld, v, "responsible");
    if (resp) {
        push_key(ld, "responsible");
        if (json_is_string(resp))
            def.responsible = json_string_value(resp);
        else if (!json_is_array(resp))
            return fail_here(ld, ZB_ERR_SCHEMA, "expected an array of strings or a string, got %s",
                             type_name(resp));
        else if ((st = all_strings(ld, resp)) != ZB_OK)
            return st;
        pop(ld);
    }

    def.source = source_of(ld, nested ? ZB_JPOS_CATEGORY_INDICATOR : ZB_JPOS_INDICATOR, outer, inner);
    size_t index;
    if ((st = zb_plan_add_indicator(ld->plan, &def, &index)) != ZB_OK) {
        if (st == ZB_ERR_DUPLICATE && seq_present)
            push_key(ld, "seq");
        else if (st == ZB_ERR_VALUE && def.category && !nested)
            push_key(ld, "category");
        return fail_plan(ld, st);
    }
    if (json_is_array(resp)) {
        size_t i;
        json_t *u;
        json_array_foreach(resp, i, u) {
            if ((st = zb_plan_add_indicator_responsible(ld->plan, index, json_string_value(u))) != ZB_OK) {
                push_key(ld, "responsible");
                push_index(ld, i);
                return fail_plan(ld, st);
            }
        }
    }
    if (targets && (st = load_targets(ld, targets, index)) != ZB_OK)
        return st;
    return ZB_OK;
}

static zb_status load_indicator_array(loader *ld, json_t *arr, size_t category, size_t outer)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        push_index(ld, i);
        zb_status st = load_indicator(ld, v, category, outer, i);
        if (st)
            return st;
        pop(ld);
        forget(ld, arr, i);
    }
    return ZB_OK;
}

static zb_status load_category(loader *ld, json_t *v, size_t c)
{
    zb_status st;
    const char *name;
    json_t *inds;
    if ((st = expect_object(ld, v, "a category")) || (st = check_keys(ld, v, category_keys)) ||
        (st = req_string(ld, v, "name", &name)) || (st = opt_array(ld, v, "indicators", &inds)))
        return st;
    size_t index;
    if ((st = zb_plan_add_category(ld->plan, name, &index)) != ZB_OK) {
        push_key(ld, "name");
        return fail_plan(ld, st);
    }
    if (!inds)
        return ZB_OK;
    push_key(ld, "indicators");
    if ((st = load_indicator_array(ld, inds, index, c)) != ZB_OK)
        return st;
    pop(ld);
    return ZB_OK;
}

/* Duties name their units in one string (zb_plan_add_task_duty); an array is joined with
 * 、, which the model splits again. */
static zb_status load_duty(loader *ld, json_t *v, size_t task)
{
    zb_status st;
    const char *text, *note, *resp = NULL;
    if ((st = expect_object(ld, v, "a duty")) || (st = check_keys(ld, v, duty_keys)) ||
        (st = opt_string(ld, v, "text", &text)) || (st = opt_string(ld, v, "note", &note)))
        return st;
    json_t *r = member(ld, v, "responsible");
    if (r) {
        push_key(ld, "responsible");
        if (json_is_string(r)) {
            resp = json_string_value(r);
        } else if (!json_is_array(r)) {
            return fail_here(ld, ZB_ERR_SCHEMA, "expected an array of strings or a string, got %s", type_name(r));
        } else {
            if ((st = all_strings(ld, r)) != ZB_OK)
                return st;
            ld->scratch.len = 0;
            zb_buf_adds(&ld->scratch, ""); /* so that [] gives "", not NULL */
            size_t i;
            json_t *u;
            json_array_foreach(r, i, u) zb_buf_addf(&ld->scratch, "%s%s", i ? "、" : "", json_string_value(u));
            if (ld->scratch.failed)
                return fail_here(ld, ZB_ERR_NOMEM, "out of memory");
            resp = ld->scratch.data;
        }
        pop(ld);
    }
    int leads = 1, present;
    if ((st = opt_int(ld, v, "leads", 1, INT_MAX, "a positive integer", &leads, &present)))
        return st;
    if ((st = zb_plan_add_task_duty(ld->plan, task, text, resp, note)) != ZB_OK)
        return fail_plan(ld, st);
    size_t d = zb_plan_task_duty_count(ld->plan, task) - 1;
    size_t units = zb_plan_task_duty_responsible_count(ld->plan, task, d);
    if (present && (size_t)leads != zb_plan_task_duty_lead_count(ld->plan, task, d)) {
        push_key(ld, "leads");
        if ((size_t)leads > units)
            return fail_here(ld, ZB_ERR_VALUE, "%d lead units, but the item names %zu unit%s", leads, units,
                             units == 1 ? "" : "s");
        if ((st = zb_plan_set_task_duty_lead_count(ld->plan, task, d, (size_t)leads)) != ZB_OK)
            return fail_plan(ld, st);
        pop(ld);
    }
    return ZB_OK;
}

static zb_status load_task(loader *ld, json_t *v, size_t t)
{
    zb_status st;
    zb_task_def def = {0};
    json_t *headings, *duties;
    if ((st = expect_object(ld, v, "a task")) || (st = check_keys(ld, v, task_keys)) ||
        (st = opt_string(ld, v, "number", &def.number)) || (st = opt_string(ld, v, "title", &def.title)) ||
        (st = opt_string(ld, v, "text", &def.text)) || (st = opt_array(ld, v, "headings", &headings)) ||
        (st = opt_array(ld, v, "duties", &duties)))
        return st;
    const char **list = NULL;
    if (headings && json_array_size(headings)) {
        push_key(ld, "headings");
        if ((st = all_strings(ld, headings)) != ZB_OK)
            return st;
        pop(ld);
        def.heading_count = json_array_size(headings);
        list = malloc(def.heading_count * sizeof *list);
        if (!list)
            return fail_here(ld, ZB_ERR_NOMEM, "out of memory");
        for (size_t k = 0; k < def.heading_count; k++)
            list[k] = json_string_value(json_array_get(headings, k));
        def.headings = list;
    }
    def.source = source_of(ld, ZB_JPOS_TASK, 0, t);
    size_t index;
    st = zb_plan_add_task(ld->plan, &def, &index);
    free(list);
    if (st)
        return fail_plan(ld, st);
    if (!duties)
        return ZB_OK;
    push_key(ld, "duties");
    size_t i;
    json_t *d;
    json_array_foreach(duties, i, d) {
        push_index(ld, i);
        if ((st = load_duty(ld, d, index)) != ZB_OK)
            return st;
        pop(ld);
    }
    pop(ld);
    return ZB_OK;
}

/* Two years [first, last] at obj[key]; both 0 when absent. */
static zb_status opt_year_pair(loader *ld, json_t *obj, const char *key, int *first, int *last)
{
    json_t *years = member(ld, obj, key);
    *first = *last = 0;
    if (!years)
        return ZB_OK;
    push_key(ld, key);
    if (!json_is_array(years) || json_array_size(years) != 2) {
        if (json_is_array(years))
            return fail_here(ld, ZB_ERR_SCHEMA, "expected two years [first, last], got %zu item%s",
                             json_array_size(years), json_array_size(years) == 1 ? "" : "s");
        return fail_here(ld, ZB_ERR_SCHEMA, "expected an array of two years [first, last], got %s",
                         type_name(years));
    }
    int y[2];
    for (size_t k = 0; k < 2; k++) {
        push_index(ld, k);
        zb_status st = int_value(ld, json_array_get(years, k), 1900, 9999, "a year from 1900 to 9999", &y[k]);
        if (st != ZB_OK)
            return st;
        pop(ld);
    }
    if (y[0] > y[1])
        return fail_here(ld, ZB_ERR_VALUE, "years %d–%d: the first is after the last", y[0], y[1]);
    pop(ld);
    *first = y[0];
    *last = y[1];
    return ZB_OK;
}

static zb_status load_prose_target(loader *ld, json_t *v, size_t p)
{
    zb_status st;
    zb_prose_target_def def = {0};
    int q = ZB_QUAL_AUTO, task = -1, present;
    if ((st = expect_object(ld, v, "a prose target")) || (st = check_keys(ld, v, prose_keys)) ||
        (st = req_string(ld, v, "name", &def.name)) || (st = opt_string(ld, v, "unit", &def.unit)) ||
        (st = opt_enum(ld, v, "qualifier", qualifier_names, &q)) ||
        (st = opt_year_pair(ld, v, "years", &def.first_year, &def.last_year)) ||
        (st = opt_string(ld, v, "sentence", &def.sentence)) ||
        (st = opt_int(ld, v, "task", 0, INT_MAX, "a task index (0 for the first task)", &task, &present)))
        return st;
    def.qualifier = (zb_qualifier)q;
    def.task = present ? (size_t)task : ZB_NONE;
    char num[32];
    json_t *value = member(ld, v, "value");
    if (!value)
        return fail_here(ld, ZB_ERR_SCHEMA, "missing key \"value\"");
    if (json_is_string(value)) {
        def.value = json_string_value(value);
    } else if (json_is_number(value) && isfinite(json_number_value(value))) {
        def.value = zb_format_number(json_number_value(value), num);
    } else {
        push_key(ld, "value");
        return fail_here(ld, ZB_ERR_SCHEMA, "expected a number or a string, got %s", type_name(value));
    }
    def.source = source_of(ld, ZB_JPOS_PROSE, 0, p);
    if ((st = zb_plan_add_prose_target(ld->plan, &def, NULL)) != ZB_OK) {
        if (st == ZB_ERR_NOT_FOUND)
            push_key(ld, "task");
        else if (st == ZB_ERR_VALUE && json_is_string(value))
            push_key(ld, "value");
        return fail_plan(ld, st);
    }
    return ZB_OK;
}

static zb_status load_block_part(loader *ld, json_t *v, zb_part part)
{
    zb_status st;
    int level = 0, present;
    const char *text;
    if ((st = expect_object(ld, v, "a block of body text")) || (st = check_keys(ld, v, block_keys)) ||
        (st = opt_int(ld, v, "level", 0, 4, "0 (a paragraph) to 4 (a heading 1.–(1))", &level, &present)) ||
        (st = req_string(ld, v, "text", &text)))
        return st;
    if ((st = zb_plan_add_block_to(ld->plan, part, level, text)) != ZB_OK)
        return fail_plan(ld, st);
    return ZB_OK;
}

static zb_status load_block(loader *ld, json_t *v) { return load_block_part(ld, v, ZB_PART_DOCUMENT); }
static zb_status load_plan_block(loader *ld, json_t *v) { return load_block_part(ld, v, ZB_PART_PLAN); }

static zb_status load_attachment(loader *ld, json_t *v)
{
    zb_status st;
    int number = 0, present, kind = ZB_ATTACH_TEXT;
    const char *title, *text;
    if ((st = expect_object(ld, v, "an attachment")) || (st = check_keys(ld, v, attachment_keys)) ||
        (st = opt_int(ld, v, "number", 1, INT_MAX, "a positive integer", &number, &present)) ||
        (st = opt_enum(ld, v, "kind", attachment_kind_names, &kind)) || (st = req_string(ld, v, "title", &title)) ||
        (st = opt_string(ld, v, "text", &text)))
        return st;
    if ((st = zb_plan_add_attachment(ld->plan, number, (zb_attachment_kind)kind, title, text)) != ZB_OK) {
        if (present)
            push_key(ld, "number");
        return fail_plan(ld, st);
    }
    return ZB_OK;
}

static zb_status load_actual(loader *ld, json_t *v)
{
    zb_status st;
    int seq;
    const char *period, *note;
    if ((st = expect_object(ld, v, "an actual")) || (st = check_keys(ld, v, actual_keys)) ||
        (st = req_int(ld, v, "seq", 1, INT_MAX, "a positive integer", &seq)) ||
        (st = req_string(ld, v, "period", &period)) || (st = opt_string(ld, v, "note", &note)))
        return st;
    char q[QUOTE_MAX], month[8];
    /* A month in any of the spellings every front door takes (2024-06, 2024-6, 2024年6月). */
    int m = zb_period_parse(period, month);
    if (m != 1) {
        push_key(ld, "period");
        return fail_here(ld, ZB_ERR_VALUE, "not a %s: %s (write it as " ZB_PERIOD_SPELLINGS ")",
                         m == 2 ? "month but a date" : "month", quoted(period, q, sizeof q));
    }
    json_t *value = member(ld, v, "value");
    if (!value)
        return fail_here(ld, ZB_ERR_SCHEMA, "missing key \"value\"");
    if (!json_is_number(value)) {
        push_key(ld, "value");
        return fail_here(ld, ZB_ERR_SCHEMA, "expected a number, got %s", type_name(value));
    }
    if (!zb_number_usable(json_number_value(value))) {
        push_key(ld, "value");
        return fail_here(ld, ZB_ERR_VALUE, "%g is beyond the numbers a plan holds (%s)", json_number_value(value),
                         ZB_NUMBER_RANGE);
    }
    if ((st = zb_plan_add_actual(ld->plan, seq, month, json_number_value(value), note)) != ZB_OK) {
        push_key(ld, st == ZB_ERR_NOT_FOUND ? "seq" : "period");
        return fail_plan(ld, st);
    }
    return ZB_OK;
}

/* Loads every element of root[key] with one of the functions above; those that need the
 * element's index (categories, tasks, prose targets) take the indexed form. */
static zb_status load_each_at(loader *ld, json_t *root, const char *key,
                              zb_status (*load)(loader *, json_t *), zb_status (*load_at)(loader *, json_t *, size_t))
{
    json_t *arr;
    zb_status st = opt_array(ld, root, key, &arr);
    if (st || !arr)
        return st;
    push_key(ld, key);
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        push_index(ld, i);
        if ((st = load ? load(ld, v) : load_at(ld, v, i)) != ZB_OK)
            return st;
        pop(ld);
        forget(ld, arr, i);
    }
    pop(ld);
    return ZB_OK;
}

static zb_status load_each(loader *ld, json_t *root, const char *key, zb_status (*load)(loader *, json_t *))
{
    return load_each_at(ld, root, key, load, NULL);
}

static zb_status load_date(loader *ld, json_t *root, const char *key, zb_date_field field)
{
    const char *s;
    zb_status st = opt_string(ld, root, key, &s);
    if (st || !s)
        return st;
    push_key(ld, key);
    zb_date d = {0};
    char q[QUOTE_MAX];
    if (parse_date(s, &d))
        return fail_here(ld, ZB_ERR_VALUE, "not a date: %s (expected YYYY-MM-DD)", quoted(s, q, sizeof q));
    if ((st = zb_plan_set_date(ld->plan, field, d)) != ZB_OK)
        return fail_plan(ld, st);
    pop(ld);
    return ZB_OK;
}

static zb_status load_years(loader *ld, json_t *root)
{
    zb_status st;
    json_t *year = member(ld, root, "year"), *years = member(ld, root, "years");
    int first, last;
    if (year && years)
        return fail_key(ld, "years", ZB_ERR_SCHEMA, "give \"year\" or \"years\", not both");
    if (year) {
        push_key(ld, "year");
        if ((st = int_value(ld, year, 1900, 9999, "a year from 1900 to 9999", &first)) != ZB_OK)
            return st;
        last = first;
    } else if (years) {
        push_key(ld, "years");
        if (!json_is_array(years) || json_array_size(years) != 2) {
            if (json_is_array(years))
                return fail_here(ld, ZB_ERR_SCHEMA, "expected two years [first, last], got %zu item%s",
                                 json_array_size(years), json_array_size(years) == 1 ? "" : "s");
            return fail_here(ld, ZB_ERR_SCHEMA, "expected an array of two years [first, last], got %s",
                             type_name(years));
        }
        int y[2];
        for (size_t k = 0; k < 2; k++) {
            push_index(ld, k);
            if ((st = int_value(ld, json_array_get(years, k), 1900, 9999, "a year from 1900 to 9999", &y[k])) != ZB_OK)
                return st;
            pop(ld);
        }
        first = y[0];
        last = y[1];
    } else {
        return ZB_OK;
    }
    if ((st = zb_plan_set_years(ld->plan, first, last)) != ZB_OK)
        return fail_plan(ld, st);
    pop(ld);
    return ZB_OK;
}

static zb_status load_root(loader *ld, json_t *root)
{
    zb_status st;
    char q[QUOTE_MAX];
    if (!json_is_object(root))
        return fail_here(ld, ZB_ERR_SCHEMA, "expected an object (a zhibiao/1 plan), got %s", type_name(root));
    /* The format first: a newer file's keys are not unknown keys, they are a newer format. */
    json_t *format = member(ld, root, "format");
    if (!format)
        return fail_here(ld, ZB_ERR_SCHEMA, "missing key \"format\" (a plan starts with \"format\": \"%s\")",
                         FORMAT_NAME);
    push_key(ld, "format");
    if (!json_is_string(format))
        return fail_here(ld, ZB_ERR_SCHEMA, "expected a string, got %s", type_name(format));
    if (strcmp(json_string_value(format), FORMAT_NAME) != 0)
        return fail_here(ld, ZB_ERR_SCHEMA, "unsupported format %s (this version reads \"%s\")",
                         quoted(json_string_value(format), q, sizeof q), FORMAT_NAME);
    pop(ld);
    if ((st = check_keys(ld, root, top_keys)) != ZB_OK)
        return st;

    for (size_t i = 0; i < COUNT(meta_keys); i++) {
        const char *s;
        if ((st = opt_string(ld, root, meta_keys[i].key, &s)) != ZB_OK)
            return st;
        if (s && (st = zb_plan_set_meta(ld->plan, meta_keys[i].field, s)) != ZB_OK) {
            push_key(ld, meta_keys[i].key);
            return fail_plan(ld, st);
        }
    }
    if ((st = load_date(ld, root, "date", ZB_DATE_ISSUED)) || (st = load_date(ld, root, "printed", ZB_DATE_PRINTED)) ||
        (st = load_date(ld, root, "published", ZB_DATE_PUBLISHED)) ||
        (st = load_years(ld, root)) || (st = load_strings(ld, root, "recipients", zb_plan_add_recipient)) ||
        (st = load_strings(ld, root, "copy_to", zb_plan_add_copy_to)) || (st = load_each(ld, root, "units", load_unit)))
        return st;

    /* As many indicators and actuals as the file holds, room made at once (what is not an
     * array here is refused below). */
    size_t nind = 0, nact = 0;
    json_t *arr = member(ld, root, "categories"), *v;
    size_t i;
    if (json_is_array(arr)) {
        json_array_foreach(arr, i, v) {
            nind += json_array_size(json_object_get(v, "indicators"));
        }
    }
    nind += json_array_size(member(ld, root, "indicators"));
    nact = json_array_size(member(ld, root, "actuals"));
    zb_plan_reserve(ld->plan, nind, nact);
    if ((st = load_each_at(ld, root, "categories", NULL, load_category)) != ZB_OK)
        return st;
    if ((st = opt_array(ld, root, "indicators", &arr)) != ZB_OK)
        return st;
    if (arr) {
        push_key(ld, "indicators");
        if ((st = load_indicator_array(ld, arr, ZB_NONE, 0)) != ZB_OK)
            return st;
        pop(ld);
    }
    /* Prose targets after the tasks they point at. */
    if ((st = load_each_at(ld, root, "tasks", NULL, load_task)) != ZB_OK ||
        (st = load_each_at(ld, root, "prose_targets", NULL, load_prose_target)) != ZB_OK)
        return st;
    /* Actuals last: they refer to indicators by sequence number and to the years. */
    if ((st = load_each(ld, root, "body", load_block)) || (st = load_each(ld, root, "plan_body", load_plan_block)) || (st = load_each(ld, root, "attachments", load_attachment)) ||
        (st = load_each(ld, root, "actuals", load_actual)))
        return st;
    return ZB_OK;
}

/* jansson's message, cut to whole characters and without control characters. */
static void clean_text(const char *in, char *out, size_t size)
{
    size_t n = strlen(in);
    if (n >= size)
        n = size - 1;
    n = zb_utf8_check(in, n);
    for (size_t i = 0; i < n; i++)
        out[i] = (unsigned char)in[i] < 0x20 ? '?' : in[i];
    out[n] = '\0';
}

static zb_status syntax_error(loader *ld, const json_error_t *err)
{
    enum json_error_code code = json_error_code(err);
    size_t pos = err->position > 0 ? (size_t)err->position : 0;
    if (pos > ld->len)
        pos = ld->len;
    char text[JSON_ERROR_TEXT_LENGTH];
    clean_text(err->text, text, sizeof text);

    /* jansson reports the position after the token it stopped at and quotes the token:
     * point at the token's start when the quote is verifiably that token. */
    const char *near = strstr(err->text, " near '");
    size_t start = pos;
    if (near && code != json_error_premature_end_of_input) {
        const char *tok = near + strlen(" near '");
        size_t tlen = strlen(tok);
        if (tlen >= 1 && tok[tlen - 1] == '\'' && tlen - 1 <= pos &&
            memcmp(ld->text + pos - (tlen - 1), tok, tlen - 1) == 0)
            start = pos - (tlen - 1);
    }
    const char *what = text;
    zb_status status = ZB_ERR_SYNTAX;
    char msg[JSON_ERROR_TEXT_LENGTH + 128];
    switch (code) {
    case json_error_duplicate_key: {
        zb_buf path = {0};
        size_t key_at;
        zb_json_path_at(ld->text, ld->len, pos, &path, &key_at);
        if (key_at != ZB_NONE)
            start = key_at;
        const char *key = near ? near + strlen(" near '") : "";
        snprintf(msg, sizeof msg, "duplicate key %.*s", (int)(strlen(key) ? strlen(key) - 1 : 0), key);
        char clean[sizeof msg];
        clean_text(msg, clean, sizeof clean);
        zb_status st = report_raw(ld, ZB_ERR_DUPLICATE, start, path.failed ? "" : path.data, clean);
        zb_buf_free(&path);
        return st;
    }
    case json_error_stack_overflow:
        snprintf(msg, sizeof msg, "arrays and objects nested more than %d deep", JSON_PARSER_MAX_DEPTH);
        what = msg;
        break;
    case json_error_end_of_input_expected:
        snprintf(msg, sizeof msg, "unexpected text after the end of the JSON object%s", near ? near : "");
        clean_text(msg, text, sizeof text);
        break;
    case json_error_numeric_overflow:
        status = ZB_ERR_VALUE;
        snprintf(msg, sizeof msg, "number out of range%s", near ? near : "");
        clean_text(msg, text, sizeof text);
        break;
    case json_error_null_character:
        what = "\\u0000 (a NUL character) is not allowed in a string";
        break;
    case json_error_premature_end_of_input: {
        /* "']' expected near end of file" → "unexpected end of input: ']' expected" */
        const char *eof = strstr(text, " near end of file");
        if (eof)
            snprintf(msg, sizeof msg, "unexpected end of input (is the file cut short?): %.*s",
                     (int)(eof - text), text);
        else
            snprintf(msg, sizeof msg, "unexpected end of input (is the file cut short?)");
        what = msg;
        break;
    }
    case json_error_out_of_memory:
        return zb_plan_fail(ld->target, ZB_ERR_NOMEM, "%s: out of memory", ld->name);
    default:
        snprintf(msg, sizeof msg, "syntax error: %s", text);
        what = msg;
        break;
    }
    return report_raw(ld, status, start, "", what);
}

/* The message for text that is not UTF-8 at byte offset bad. */
static zb_status encoding_error(zb_plan *plan, const char *name, const char *text, size_t len, size_t bad)
{
    int line, col;
    size_t bom = len >= 3 && bad >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    zb_text_position(text + bom, len - bom, bad - bom, &line, &col);
    return zb_plan_fail(plan, ZB_ERR_ENCODING, "%s:%d:%d: invalid UTF-8 at byte offset %zu (0x%02X)%s", name, line,
                        col, bad, (unsigned char)text[bad],
                        zb_looks_like_gbk(text, len) ? "; it looks like GBK: convert it to UTF-8 "
                                                       "(e.g. iconv -f GBK -t UTF-8)"
                                                     : "; zhibiao reads UTF-8 only");
}

/* The first escaped or raw character no document can carry (zb_is_forbidden_control) in
 * JSON text, whose strings jansson has accepted; len when none. A backslash always starts
 * a two-character escape or \uXXXX, so "\\u0001" is text, not U+0001. */
static size_t find_control(const char *s, size_t len, uint32_t *cp)
{
    size_t i = 0;
    while (i < len) {
        const char *hit = s + i;
        size_t rest = len - i;
        /* Only a backslash, DEL or the lead bytes of C1 and U+FFFE/F can start one. */
        while (rest && *hit != '\\' && *hit != 0x7F && *hit != '\xC2' && *hit != '\xEF')
            hit++, rest--;
        if (!rest)
            return len;
        i = (size_t)(hit - s);
        if (*hit == '\\') {
            if (i + 5 < len && hit[1] == 'u') {
                uint32_t v = 0;
                for (int k = 2; k < 6; k++) {
                    char h = hit[k];
                    v = v * 16 + (uint32_t)(h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h - 'A' + 10);
                }
                if (zb_is_forbidden_control(v)) {
                    *cp = v;
                    return i;
                }
                i += 6;
            } else {
                i += 2;
            }
            continue;
        }
        size_t n = rest < 3 ? rest : 3;
        if (zb_text_find_control(hit, n, cp) == 0)
            return i;
        i++;
    }
    return len;
}

/* What a plan may be, for input that is none of it. */
#define NOT_A_PLAN                                                                                                     \
    "zhibiao reads a plan as zhibiao/1 JSON (.json, starting with {) or as an indicator table in CSV (.csv, .tsv "    \
    "or .txt, saved from Excel as CSV UTF-8)"

/* Only space: a message better than jansson's "'[' or '{' expected near end of file". */
static int blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return 0;
    return 1;
}

zb_status zb_json_load_string(zb_plan *plan, const char *text, size_t len, const char *name)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!text && len)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "zb_json_load_string: no text given");
    if (!text)
        text = "";
    if (!name)
        name = "<string>";

    /* jansson accepts only valid UTF-8, so the text is checked here only when it fails:
     * a GBK file then gets a message about its encoding with the byte offset, not a syntax
     * error somewhere in the middle of a string. */
    const char *whole = text;
    size_t whole_len = len;
    /* A byte-order mark, as Windows editors write, is not part of the JSON. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }

    loader ld = {.text = text, .len = len, .name = name, .target = plan};
    if (blank(text, len))
        return report_raw(&ld, ZB_ERR_SYNTAX, len, "",
                          "empty input (expected a JSON object starting with \"format\": \"" FORMAT_NAME "\")");

    json_error_t err;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES | JSON_DECODE_INT_AS_REAL, &err);
    if (!root) {
        const char *bom = zb_text_bom_encoding(whole, whole_len);
        if (bom)
            return zb_plan_fail(plan, ZB_ERR_ENCODING,
                                "%s:1:1: the file is %s (by its byte-order mark); zhibiao reads UTF-8: save it as UTF-8",
                                name, bom);
        const char *wide = zb_text_wide_encoding(text, len);
        if (wide)
            return zb_plan_fail(plan, ZB_ERR_ENCODING,
                                "%s:1:1: the file is %s without a byte-order mark (by its zero bytes); zhibiao reads "
                                "UTF-8: save it as UTF-8",
                                name, wide);
        if (len >= 4 && memcmp(text, "PK\x03\x04", 4) == 0)
            return zb_plan_fail(plan, ZB_ERR_SYNTAX, "%s: not a plan but a zip file (an Excel workbook?); " NOT_A_PLAN,
                                name);
        if (len >= 5 && memcmp(text, "%PDF-", 5) == 0)
            return zb_plan_fail(plan, ZB_ERR_SYNTAX, "%s: not a plan but a PDF; " NOT_A_PLAN, name);
        size_t bad = zb_utf8_check(whole, whole_len);
        if (bad < whole_len)
            return encoding_error(plan, name, whole, whole_len, bad);
        /* Not JSON at all (not even its first character): say which formats there are. */
        size_t first = 0;
        while (first < len && (text[first] == ' ' || text[first] == '\t' || text[first] == '\r' || text[first] == '\n'))
            first++;
        if (first < len && text[first] != '{' && text[first] != '[') {
            /* An excerpt of the first line: up to 40 bytes, printable, whole characters. */
            size_t end = first;
            while (end < len && ((unsigned char)text[end] >= 0x20 || text[end] == '\t') && text[end] != 0x7F &&
                   end - first < 40)
                end++;
            while (end > first && end < len && ((unsigned char)text[end] & 0xC0) == 0x80)
                end--;
            int table = memchr(text + first, ',', end - first) || memchr(text + first, '\t', end - first);
            return zb_plan_fail(plan, ZB_ERR_SYNTAX, "%s: not a JSON plan (it begins \"%.*s\")%s; " NOT_A_PLAN, name,
                                (int)(end - first), text + first,
                                table ? ", it looks like a table: name it .csv to read it as one" : "");
        }
        return syntax_error(&ld, &err);
    }
    /* A control character would reach a document raw: refused where it is written. */
    uint32_t cp;
    size_t ctl = find_control(text, len, &cp);
    if (ctl < len) {
        json_decref(root);
        int line, col;
        zb_text_position(text, len, ctl, &line, &col);
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s:%d:%d: " ZB_CONTROL_MESSAGE, name, line, col, (unsigned)cp);
    }

    zb_status st = ZB_ERR_NOMEM;
    ld.plan = zb_plan_new();
    /* jansson accepts only valid UTF-8 (and no NUL): the strings it hands over are checked.
     * Sources also hold the name, which is the caller's. */
    zb_plan_set_text_checked(ld.plan, zb_utf8_check(name, strlen(name)) == strlen(name));
    if (ld.plan && zb_json_object_positions(text, len, &ld.pos, &ld.npos) == ZB_OK)
        st = load_root(&ld, root);
    else
        zb_plan_fail(plan, ZB_ERR_NOMEM, "%s: out of memory", name);
    zb_plan_set_text_checked(ld.plan, 0);
    json_decref(root);
    free(ld.pos);
    zb_buf_free(&ld.scratch);
    if (st == ZB_OK) {
        zb_plan_swap(plan, ld.plan);
        zb_plan_clear_error(plan);
    }
    zb_plan_free(ld.plan);
    return st;
}

zb_status zb_json_load(zb_plan *plan, const char *path)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!path || !*path)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "zb_json_load: no path given");
    char *data;
    size_t len;
    zb_error err;
    zb_status st = zb_read_file(path, &data, &len, &err);
    if (st)
        return zb_plan_fail(plan, st, "%s", err.message);
    st = zb_json_load_string(plan, data, len, path);
    free(data);
    return st;
}

/* ======================================================================================
 * Saving
 * ==================================================================================== */

#define WRITER_MAX_LEVEL 16

typedef struct writer {
    zb_buf b;
    int level;
    int first[WRITER_MAX_LEVEL];  /* nothing written yet in the container at this level */
    int inline_[WRITER_MAX_LEVEL]; /* the container at this level is written on one line */
    int bad_utf8;
} writer;

static void w_newline(writer *w)
{
    zb_buf_addc(&w->b, '\n');
    for (int i = 0; i < w->level; i++)
        zb_buf_add(&w->b, "  ", 2);
}

static void w_open(writer *w, char c, int one_line)
{
    zb_buf_addc(&w->b, c);
    if (w->level + 1 < WRITER_MAX_LEVEL) {
        w->level++;
        w->first[w->level] = 1;
        w->inline_[w->level] = one_line || w->inline_[w->level - 1];
    }
}

static void w_close(writer *w, char c)
{
    int had_items = !w->first[w->level], one_line = w->inline_[w->level];
    if (w->level > 0)
        w->level--;
    if (had_items && !one_line)
        w_newline(w);
    zb_buf_addc(&w->b, c);
}

/* Before an item of the current container. */
static void w_sep(writer *w)
{
    if (w->inline_[w->level]) {
        if (!w->first[w->level])
            zb_buf_add(&w->b, ", ", 2);
    } else {
        if (!w->first[w->level])
            zb_buf_addc(&w->b, ',');
        w_newline(w);
    }
    w->first[w->level] = 0;
}

static void w_string(writer *w, const char *s)
{
    size_t n = strlen(s);
    if (zb_utf8_check(s, n) != n)
        w->bad_utf8 = 1;
    zb_buf_addc(&w->b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        zb_buf_add(&w->b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': zb_buf_adds(&w->b, "\\\""); break;
        case '\\': zb_buf_adds(&w->b, "\\\\"); break;
        case '\n': zb_buf_adds(&w->b, "\\n"); break;
        case '\r': zb_buf_adds(&w->b, "\\r"); break;
        case '\t': zb_buf_adds(&w->b, "\\t"); break;
        case '\b': zb_buf_adds(&w->b, "\\b"); break;
        case '\f': zb_buf_adds(&w->b, "\\f"); break;
        default: zb_buf_addf(&w->b, "\\u%04x", c); break;
        }
    }
    zb_buf_add(&w->b, s + run, n - run);
    zb_buf_addc(&w->b, '"');
}

static void w_key(writer *w, const char *key)
{
    w_sep(w);
    w_string(w, key);
    zb_buf_add(&w->b, ": ", 2);
}

static void w_key_string(writer *w, const char *key, const char *s)
{
    w_key(w, key);
    w_string(w, s);
}

/* Omitted when empty. */
static void w_opt_string(writer *w, const char *key, const char *s)
{
    if (s && *s)
        w_key_string(w, key, s);
}

static void w_key_int(writer *w, const char *key, int v)
{
    w_key(w, key);
    zb_buf_addf(&w->b, "%d", v);
}

static void w_date(writer *w, const char *key, zb_date d)
{
    if (d.year == 0)
        return;
    w_key(w, key);
    zb_buf_addf(&w->b, "\"%04d-%02d-%02d\"", d.year, d.month, d.day);
}

static void w_strings(writer *w, const char *key, size_t count, const zb_plan *plan,
                      const char *(*get)(const zb_plan *, size_t))
{
    if (!count)
        return;
    w_key(w, key);
    w_open(w, '[', 0);
    for (size_t i = 0; i < count; i++) {
        w_sep(w);
        w_string(w, get(plan, i));
    }
    w_close(w, ']');
}

/* A target as written: a JSON number when the text is exactly that number's shortest form,
 * otherwise the string. */
static void w_target_value(writer *w, const char *text)
{
    char num[32];
    double v;
    zb_qualifier q;
    if (zb_parse_target(text, &v, &q) && isfinite(v) && strcmp(zb_format_number(v, num), text) == 0)
        zb_buf_adds(&w->b, text);
    else
        w_string(w, text);
}

/* The qualifier given for target k when the text alone would read another. */
static const char *given_qualifier(const zb_plan *plan, size_t i, size_t k)
{
    zb_qualifier given = zb_plan_indicator_target_given_qualifier(plan, i, k), written;
    if (given == ZB_QUAL_AUTO)
        return NULL;
    zb_classify_target(zb_plan_indicator_target_text_at(plan, i, k), NULL, &written, NULL);
    return given != written ? enum_to_name(qualifier_names, given) : NULL;
}

/* An indicator with exactly what was given: the unit, kind and direction only when they were
 * given rather than inferred, so that a reload infers the rest the same way. */
static zb_status w_indicator(writer *w, const zb_plan *plan, size_t i, int with_category)
{
    w_sep(w);
    w_open(w, '{', 0);
    w_key_int(w, "seq", zb_plan_indicator_seq(plan, i));
    size_t c = zb_plan_indicator_category(plan, i);
    if (with_category && c != ZB_NONE)
        w_key_string(w, "category", zb_plan_category_name(plan, c));
    w_key_string(w, "name", zb_plan_indicator_name(plan, i));
    if (zb_plan_indicator_unit_given(plan, i))
        w_key_string(w, "unit", zb_plan_indicator_unit(plan, i));
    w_opt_string(w, "attribute", enum_to_name(attribute_names, zb_plan_indicator_attribute(plan, i)));
    const char *base = zb_plan_indicator_base_text(plan, i);
    if (*base) {
        int year = zb_plan_indicator_base_year(plan, i);
        if (year)
            w_key_int(w, "base_year", year);
        w_key(w, "base");
        w_target_value(w, base);
    }
    size_t nt = zb_plan_indicator_target_count(plan, i), first_year = 0;
    if (nt && zb_plan_indicator_target_year(plan, i, 0) == 0) {
        w_key(w, "target");
        w_target_value(w, zb_plan_indicator_target_text_at(plan, i, 0));
        w_opt_string(w, "qualifier", given_qualifier(plan, i, 0));
        first_year = 1;
    }
    if (first_year < nt) {
        w_key(w, "targets");
        w_open(w, '[', 0);
        for (size_t k = first_year; k < nt; k++) {
            w_sep(w);
            w_open(w, '{', 1);
            w_key_int(w, "year", zb_plan_indicator_target_year(plan, i, k));
            w_key(w, "target");
            w_target_value(w, zb_plan_indicator_target_text_at(plan, i, k));
            w_opt_string(w, "qualifier", given_qualifier(plan, i, k));
            w_close(w, '}');
        }
        w_close(w, ']');
    }
    w_opt_string(w, "kind", enum_to_name(kind_names, zb_plan_indicator_kind_given(plan, i)));
    w_opt_string(w, "direction", enum_to_name(direction_names, zb_plan_indicator_direction_given(plan, i)));
    double weight = zb_plan_indicator_weight(plan, i);
    if (weight != 1 && isfinite(weight)) {
        char num[32];
        w_key(w, "weight");
        zb_buf_adds(&w->b, zb_format_number(weight, num));
    }
    size_t n = zb_plan_indicator_responsible_count(plan, i);
    if (n) {
        w_key(w, "responsible");
        w_open(w, '[', 1);
        for (size_t j = 0; j < n; j++) {
            w_sep(w);
            w_string(w, zb_plan_indicator_responsible(plan, i, j));
        }
        w_close(w, ']');
    }
    w_opt_string(w, "note", zb_plan_indicator_note(plan, i));
    w_close(w, '}');
    return ZB_OK;
}

/* Categories with their indicators nested, when that keeps the plan's order; otherwise
 * the indicators flat, each naming its category (see docs/format.md). */
static zb_status w_indicators(writer *w, const zb_plan *plan)
{
    size_t ncat = zb_plan_category_count(plan), n = zb_plan_indicator_count(plan);
    int nested = 1;
    size_t prev = 0;
    for (size_t i = 0; i < n && nested; i++) {
        size_t c = zb_plan_indicator_category(plan, i);
        size_t key = c == ZB_NONE ? ncat : c;
        if (key < prev)
            nested = 0;
        prev = key;
    }
    zb_status st = ZB_OK;
    size_t i = 0;
    if (ncat) {
        w_key(w, "categories");
        w_open(w, '[', 0);
        for (size_t c = 0; c < ncat; c++) {
            w_sep(w);
            int has = nested && i < n && zb_plan_indicator_category(plan, i) == c;
            w_open(w, '{', !has);
            w_key_string(w, "name", zb_plan_category_name(plan, c));
            if (has) {
                w_key(w, "indicators");
                w_open(w, '[', 0);
                for (; i < n && zb_plan_indicator_category(plan, i) == c && !st; i++)
                    st = w_indicator(w, plan, i, 0);
                w_close(w, ']');
            }
            w_close(w, '}');
        }
        w_close(w, ']');
    }
    if (i < n && !st) {
        w_key(w, "indicators");
        w_open(w, '[', 0);
        for (; i < n && !st; i++)
            st = w_indicator(w, plan, i, !nested);
        w_close(w, ']');
    }
    return st;
}

static void w_units(writer *w, const zb_plan *plan)
{
    size_t n = zb_plan_unit_count(plan);
    if (!n)
        return;
    w_key(w, "units");
    w_open(w, '[', 0);
    for (size_t u = 0; u < n; u++) {
        const char *full = zb_plan_unit_full_name(plan, u);
        w_sep(w);
        if (!*full) {
            w_string(w, zb_plan_unit_name(plan, u));
            continue;
        }
        w_open(w, '{', 1);
        w_key_string(w, "name", zb_plan_unit_name(plan, u));
        w_key_string(w, "full_name", full);
        w_close(w, '}');
    }
    w_close(w, ']');
}

static void w_tasks(writer *w, const zb_plan *plan)
{
    size_t n = zb_plan_task_count(plan);
    if (!n)
        return;
    w_key(w, "tasks");
    w_open(w, '[', 0);
    for (size_t t = 0; t < n; t++) {
        w_sep(w);
        w_open(w, '{', 0);
        w_opt_string(w, "number", zb_plan_task_number(plan, t));
        size_t nh = zb_plan_task_heading_count(plan, t);
        if (nh) {
            w_key(w, "headings");
            w_open(w, '[', 0);
            for (size_t k = 0; k < nh; k++) {
                w_sep(w);
                w_string(w, zb_plan_task_heading(plan, t, k));
            }
            w_close(w, ']');
        }
        w_opt_string(w, "title", zb_plan_task_title(plan, t));
        w_opt_string(w, "text", zb_plan_task_text(plan, t));
        size_t nd = zb_plan_task_duty_count(plan, t);
        if (nd) {
            w_key(w, "duties");
            w_open(w, '[', 0);
            for (size_t d = 0; d < nd; d++) {
                w_sep(w);
                w_open(w, '{', 0);
                w_opt_string(w, "text", zb_plan_task_duty_text(plan, t, d));
                size_t nr = zb_plan_task_duty_responsible_count(plan, t, d);
                if (nr) {
                    w_key(w, "responsible");
                    w_open(w, '[', 1);
                    for (size_t k = 0; k < nr; k++) {
                        w_sep(w);
                        w_string(w, zb_plan_task_duty_responsible(plan, t, d, k));
                    }
                    w_close(w, ']');
                }
                size_t leads = zb_plan_task_duty_lead_count(plan, t, d);
                if (leads > 1)
                    w_key_int(w, "leads", (int)leads);
                w_opt_string(w, "note", zb_plan_task_duty_note(plan, t, d));
                w_close(w, '}');
            }
            w_close(w, ']');
        }
        w_close(w, '}');
    }
    w_close(w, ']');
}

/* The blocks of one part; written part by part ("body", then "plan_body"). */
static void w_body(writer *w, const zb_plan *plan, zb_part part, const char *key)
{
    size_t n = zb_plan_block_count(plan), count = 0;
    for (size_t b = 0; b < n; b++)
        count += zb_plan_block_part(plan, b) == part;
    if (!count)
        return;
    w_key(w, key);
    w_open(w, '[', 0);
    for (size_t b = 0; b < n; b++) {
        if (zb_plan_block_part(plan, b) != part)
            continue;
        w_sep(w);
        w_open(w, '{', 1);
        w_key_int(w, "level", zb_plan_block_level(plan, b));
        w_key_string(w, "text", zb_plan_block_text(plan, b));
        w_close(w, '}');
    }
    w_close(w, ']');
}

static void w_prose_targets(writer *w, const zb_plan *plan)
{
    size_t n = zb_plan_prose_target_count(plan);
    if (!n)
        return;
    w_key(w, "prose_targets");
    w_open(w, '[', 0);
    for (size_t p = 0; p < n; p++) {
        w_sep(w);
        w_open(w, '{', 0);
        w_key_string(w, "name", zb_plan_prose_target_name(plan, p));
        w_opt_string(w, "unit", zb_plan_prose_target_unit(plan, p));
        const char *text = zb_plan_prose_target_value_text(plan, p);
        char num[32];
        w_key(w, "value");
        if (strcmp(zb_format_number(zb_plan_prose_target_value(plan, p), num), text) == 0)
            zb_buf_adds(&w->b, text);
        else
            w_string(w, text);
        zb_qualifier q = zb_plan_prose_target_qualifier(plan, p);
        if (q != ZB_QUAL_NONE)
            w_opt_string(w, "qualifier", enum_to_name(qualifier_names, q));
        int first, last;
        zb_plan_prose_target_given_years(plan, p, &first, &last);
        if (first) {
            w_key(w, "years");
            zb_buf_addf(&w->b, "[%d, %d]", first, last);
        }
        w_opt_string(w, "sentence", zb_plan_prose_target_sentence(plan, p));
        size_t task = zb_plan_prose_target_task(plan, p);
        if (task != ZB_NONE && task <= INT_MAX)
            w_key_int(w, "task", (int)task);
        w_close(w, '}');
    }
    w_close(w, ']');
}

static void w_attachments(writer *w, const zb_plan *plan)
{
    size_t n = zb_plan_attachment_count(plan);
    if (!n)
        return;
    w_key(w, "attachments");
    w_open(w, '[', 0);
    for (size_t a = 0; a < n; a++) {
        w_sep(w);
        w_open(w, '{', 0);
        w_key_int(w, "number", zb_plan_attachment_number(plan, a));
        const char *kind = enum_to_name(attachment_kind_names, zb_plan_attachment_kind(plan, a));
        w_key_string(w, "kind", kind ? kind : "text");
        w_key_string(w, "title", zb_plan_attachment_title(plan, a));
        w_opt_string(w, "text", zb_plan_attachment_text(plan, a));
        w_close(w, '}');
    }
    w_close(w, ']');
}

static zb_status w_actuals(writer *w, const zb_plan *plan, zb_error *error)
{
    size_t n = zb_plan_actual_count(plan);
    if (!n)
        return ZB_OK;
    w_key(w, "actuals");
    w_open(w, '[', 0);
    for (size_t a = 0; a < n; a++) {
        double v = zb_plan_actual_value(plan, a);
        char num[32];
        if (!isfinite(v))
            return zb_error_set(error, ZB_ERR_VALUE, "actual %zu is not a finite number", a);
        w_sep(w);
        w_open(w, '{', 1);
        w_key_int(w, "seq", zb_plan_indicator_seq(plan, zb_plan_actual_indicator(plan, a)));
        w_key_string(w, "period", zb_plan_actual_period(plan, a));
        w_key(w, "value");
        zb_buf_adds(&w->b, zb_format_number(v, num));
        w_opt_string(w, "note", zb_plan_actual_note(plan, a));
        w_close(w, '}');
    }
    w_close(w, ']');
    return ZB_OK;
}

zb_status zb_json_dump(const zb_plan *plan, char **out, size_t *len, zb_error *error)
{
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!plan || !out)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "zb_json_dump: %s is NULL", plan ? "out" : "plan");
    writer w = {0};
    w_open(&w, '{', 0);
    w_key_string(&w, "format", FORMAT_NAME);
    for (size_t i = 0; i < COUNT(meta_keys); i++)
        w_opt_string(&w, meta_keys[i].key, zb_plan_meta(plan, meta_keys[i].field));
    w_date(&w, "date", zb_plan_date(plan, ZB_DATE_ISSUED));
    w_date(&w, "printed", zb_plan_date(plan, ZB_DATE_PRINTED));
    w_date(&w, "published", zb_plan_date(plan, ZB_DATE_PUBLISHED));
    int first = zb_plan_first_year(plan), last = zb_plan_last_year(plan);
    if (first && first == last) {
        w_key_int(&w, "year", first);
    } else if (first) {
        w_key(&w, "years");
        zb_buf_addf(&w.b, "[%d, %d]", first, last);
    }
    w_strings(&w, "recipients", zb_plan_recipient_count(plan), plan, zb_plan_recipient);
    w_strings(&w, "copy_to", zb_plan_copy_to_count(plan), plan, zb_plan_copy_to);
    w_units(&w, plan);
    zb_status st = w_indicators(&w, plan);
    if (st) {
        zb_buf_free(&w.b);
        return zb_error_set(error, st, "cannot write JSON: %s", zb_strerror(st));
    }
    w_tasks(&w, plan);
    w_prose_targets(&w, plan);
    w_body(&w, plan, ZB_PART_DOCUMENT, "body");
    w_body(&w, plan, ZB_PART_PLAN, "plan_body");
    w_attachments(&w, plan);
    if ((st = w_actuals(&w, plan, error)) != ZB_OK) {
        zb_buf_free(&w.b);
        return st;
    }
    w_close(&w, '}');
    zb_buf_addc(&w.b, '\n');
    if (w.bad_utf8) {
        zb_buf_free(&w.b);
        return zb_error_set(error, ZB_ERR_ENCODING, "cannot write JSON: a text in the plan is not valid UTF-8");
    }
    size_t n = w.b.len;
    char *s = zb_buf_take(&w.b);
    if (!s)
        return zb_error_set(error, ZB_ERR_NOMEM, "cannot write JSON: out of memory");
    *out = s;
    if (len)
        *len = n;
    zb_error_clear(error);
    return ZB_OK;
}

zb_status zb_json_save(const zb_plan *plan, const char *path, zb_error *error)
{
    if (!path || !*path)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "zb_json_save: no path given");
    char *text;
    size_t len;
    zb_status st = zb_json_dump(plan, &text, &len, error);
    if (st)
        return st;
    st = zb_write_file(path, "json", text, len, error);
    free(text);
    if (st == ZB_OK)
        zb_error_clear(error);
    return st;
}
