/* The plan model: storage, setters, getters, the indexes that keep lookups fast, and the
 * error message a failed setter leaves on the plan.
 *
 * Every setter checks everything and allocates everything it needs before it changes the
 * plan, so a failed call (NOMEM included) leaves the plan as it was. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan_internal.h"

/* Shared inside the plan module; plan_internal.h does not declare them. */

#define META_COUNT 12
#define DATE_COUNT 3

/* ---- hash indexes ---------------------------------------------------------------- */

static uint64_t hash_string(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static uint64_t hash_u64(uint64_t x)
{
    x ^= x >> 30; /* splitmix64's finaliser: sequence numbers are dense, spread them */
    x *= 0xbf58476d1ce4e5b9u;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebu;
    return x ^ (x >> 31);
}

/* Name -> index, open addressing. Keys point at the items' own strings, which do not move
 * when the item arrays grow. Items are never removed one by one, so no tombstones. */
typedef struct str_slot {
    const char *key; /* NULL = empty */
    uint64_t hash;
    size_t val;
} str_slot;

typedef struct str_index {
    str_slot *slots;
    size_t cap; /* 0 or a power of two, kept at least twice the count */
    size_t count;
} str_index;

static void str_index_insert_slot(str_slot *slots, size_t cap, str_slot item)
{
    size_t i = (size_t)item.hash & (cap - 1);
    while (slots[i].key)
        i = (i + 1) & (cap - 1);
    slots[i] = item;
}

/* Makes room for one more key, so that the insert that follows cannot fail. */
static int str_index_reserve(str_index *m)
{
    if ((m->count + 1) * 2 <= m->cap)
        return 0;
    size_t cap = m->cap ? m->cap * 2 : 16;
    if (cap > SIZE_MAX / sizeof(str_slot))
        return -1;
    str_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            str_index_insert_slot(slots, cap, m->slots[i]);
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

static void str_index_put(str_index *m, const char *key, size_t val)
{
    str_slot item = {key, hash_string(key), val};
    str_index_insert_slot(m->slots, m->cap, item);
    m->count++;
}

static size_t str_index_find(const str_index *m, const char *key)
{
    if (!m->cap)
        return ZB_NONE;
    uint64_t h = hash_string(key);
    for (size_t i = (size_t)h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->slots[i].key)
            return ZB_NONE;
        if (m->slots[i].hash == h && strcmp(m->slots[i].key, key) == 0)
            return m->slots[i].val;
    }
}

static void str_index_free(str_index *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

/* Number -> index: sequence numbers, and (indicator, period) pairs of actuals. */
typedef struct num_slot {
    uint64_t key;
    size_t val1; /* index + 1; 0 = empty */
} num_slot;

typedef struct num_index {
    num_slot *slots;
    size_t cap;
    size_t count;
} num_index;

static void num_index_insert_slot(num_slot *slots, size_t cap, num_slot item)
{
    size_t i = (size_t)hash_u64(item.key) & (cap - 1);
    while (slots[i].val1)
        i = (i + 1) & (cap - 1);
    slots[i] = item;
}

static int num_index_reserve(num_index *m)
{
    if ((m->count + 1) * 2 <= m->cap)
        return 0;
    size_t cap = m->cap ? m->cap * 2 : 16;
    if (cap > SIZE_MAX / sizeof(num_slot))
        return -1;
    num_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].val1)
            num_index_insert_slot(slots, cap, m->slots[i]);
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

/* Room for n more keys without growing again; 0, or -1 out of memory (m unchanged). */
static int num_index_reserve_n(num_index *m, size_t n)
{
    if (n > SIZE_MAX / 4 - m->count)
        return -1;
    size_t want = (m->count + n) * 2, cap = m->cap ? m->cap : 16;
    if (want <= m->cap)
        return 0;
    while (cap < want) {
        if (cap > SIZE_MAX / 2 / sizeof(num_slot))
            return -1;
        cap *= 2;
    }
    num_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].val1)
            num_index_insert_slot(slots, cap, m->slots[i]);
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

static void num_index_put(num_index *m, uint64_t key, size_t val)
{
    num_slot item = {key, val + 1};
    num_index_insert_slot(m->slots, m->cap, item);
    m->count++;
}

static size_t num_index_find(const num_index *m, uint64_t key)
{
    if (!m->cap)
        return ZB_NONE;
    for (size_t i = (size_t)hash_u64(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->slots[i].val1)
            return ZB_NONE;
        if (m->slots[i].key == key)
            return m->slots[i].val1 - 1;
    }
}

/* Removes key by shifting the rest of its probe run back (no tombstones, no allocation, so a
 * rollback cannot fail). */
static void num_index_remove(num_index *m, uint64_t key)
{
    if (!m->cap)
        return;
    size_t mask = m->cap - 1;
    size_t i = (size_t)hash_u64(key) & mask;
    while (m->slots[i].val1 && m->slots[i].key != key)
        i = (i + 1) & mask;
    if (!m->slots[i].val1)
        return;
    m->slots[i].val1 = 0;
    m->count--;
    for (size_t j = (i + 1) & mask; m->slots[j].val1; j = (j + 1) & mask) {
        size_t home = (size_t)hash_u64(m->slots[j].key) & mask;
        /* The entry at j may fill the hole at i unless its home lies cyclically in (i, j]. */
        int stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) {
            m->slots[i] = m->slots[j];
            m->slots[j].val1 = 0;
            i = j;
        }
    }
}

static void num_index_free(num_index *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

/* ---- the plan ---------------------------------------------------------------------- */

typedef struct str_list {
    char **items;
    size_t count;
    size_t cap;
} str_list;

typedef struct unit_rec {
    char *name;
    char *full_name;
} unit_rec;

/* One target of an indicator: what the cell says, read once when it is set. What it is
 * compared with (value, qualifier) also depends on the indicator's kind, base and the plan's
 * years, so it is worked out when asked for (target_view), never cached stale. */
typedef struct target_rec {
    int year;            /* 0 = tied to no year: the plan's own */
    char *text;
    char *source;        /* where the cell was read, "t.csv:5:6"; NULL = the indicator's */
    zb_qualifier given;  /* ZB_QUAL_AUTO = read from the text */
    zb_target_class cls; /* read from the text */
    zb_qualifier written;
    zb_change change;
    double number;       /* the number written, signed for a change; NaN when none */
} target_rec;

typedef struct indicator_rec {
    int seq;
    size_t category; /* ZB_NONE = none */
    char *name;
    char *bare_name;
    char *unit;
    char *source;
    char *note;
    char *base_text;
    int unit_given;
    zb_kind kind_given; /* ZB_KIND_AUTO = inferred */
    zb_kind kind;       /* as given, else inferred from the name and unit */
    zb_direction direction_given;
    zb_direction name_direction; /* what the name alone says */
    int name_change;    /* the name states a change (下降率, 增幅): a change target is its value */
    int name_decrease;  /* ... and the change is a decrease */
    double weight;
    zb_attribute attribute;
    int base_year;
    double base_value;
    target_rec *targets; /* in year order, 0 first */
    size_t target_count, target_cap;
    str_list responsible;
} indicator_rec;

typedef struct duty_rec {
    char *text;
    char *note;
    str_list responsible;
    size_t leads; /* units that lead; 0 = the first one */
} duty_rec;

typedef struct task_rec {
    char *number;
    str_list headings;
    char *title;
    char *text;
    char *source;
    duty_rec *duties;
    size_t duty_count;
    size_t duty_cap;
} task_rec;

typedef struct block_rec {
    int level;
    zb_part part;
    char *text;
} block_rec;

typedef struct prose_rec {
    char *name;
    char *unit;
    char *value_text;
    double value;
    zb_qualifier qualifier;
    int first_year, last_year; /* 0 = the plan's */
    char *sentence;
    size_t task;
    char *source;
} prose_rec;

typedef struct attachment_rec {
    int number;
    zb_attachment_kind kind;
    char *title;
    char *text;
} attachment_rec;

typedef struct actual_rec {
    size_t indicator;
    char period[8]; /* "YYYY-MM" */
    double value;
    char *note;
} actual_rec;

/* A normalisation note, formatted when recorded so that validation only copies it.
 * table: it belongs to the categories and indicators (moved by zb_plan_move_table). */
typedef struct note_rec {
    char *location;
    char *message;
    int table;
} note_rec;

struct zb_plan {
    char errmsg[ZB_ERROR_MESSAGE_MAX];
    char *meta[META_COUNT]; /* NULL = unset */
    zb_date dates[DATE_COUNT];
    int first_year, last_year;
    str_list recipients;
    str_list copy_to;

    unit_rec *units;
    size_t unit_count, unit_cap;
    str_index unit_index;

    str_list categories;
    str_index category_index;

    indicator_rec *indicators;
    size_t indicator_count, indicator_cap;
    num_index seq_index;
    int max_seq;

    task_rec *tasks;
    size_t task_count, task_cap;

    block_rec *blocks;
    size_t block_count, block_cap;

    attachment_rec *attachments;
    size_t attachment_count, attachment_cap;

    prose_rec *prose;
    size_t prose_count, prose_cap;

    actual_rec *actuals;
    size_t actual_count, actual_cap;
    num_index actual_index;

    note_rec *notes;
    size_t note_count, note_cap;

    int text_checked; /* zb_plan_set_text_checked(): every text added is known to be UTF-8 */
    /* The category text the last indicator was added with, as given, and where it went: a
     * table repeats it row after row, and it is normalised and looked up once. */
    char *last_category_text;
    size_t last_category;
};

/* ---- small helpers ------------------------------------------------------------------ */

/* The same white space as the name normaliser's (infer.c). */
static int is_space(uint32_t cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

/* Nonzero when s is NULL or valid UTF-8; a loader that checked its whole input says so with
 * zb_plan_set_text_checked(), and its text is not checked again field by field. */
static int valid_utf8(const zb_plan *plan, const char *s)
{
    if (!s || plan->text_checked)
        return 1;
    size_t n = strlen(s);
    return zb_utf8_check(s, n) == n;
}

/* A copy of valid UTF-8 text without white space at its ends: free text keeps its inner
 * spaces, only names are normalised. */
static char *dup_trimmed(const char *s)
{
    if (!s)
        s = "";
    size_t b = 0, e = strlen(s), n;
    while (b < e && is_space(zb_utf8_decode(s + b, &n)))
        b += n;
    while (e > b) {
        size_t k = e - 1;
        while (k > b && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        if (!is_space(zb_utf8_decode(s + k, &n)))
            break;
        e = k;
    }
    return zb_strndup(s + b, e - b);
}

static void str_list_free(str_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

static int str_list_reserve(str_list *l, size_t extra)
{
    return zb_grow((void **)&l->items, &l->cap, l->count + extra, sizeof *l->items);
}

static int str_list_has(const str_list *l, const char *s)
{
    for (size_t i = 0; i < l->count; i++)
        if (strcmp(l->items[i], s) == 0)
            return 1;
    return 0;
}

static const char *str_list_get(const str_list *l, size_t i) { return i < l->count ? l->items[i] : NULL; }

/* A separator between responsible units: 、 , ， ; ； or white space. */
static int is_unit_separator(uint32_t cp)
{
    return cp == 0x3001 || cp == ',' || cp == 0xFF0C || cp == ';' || cp == 0xFF1B || is_space(cp);
}

static int opens_group(uint32_t cp)
{
    return cp == '(' || cp == 0xFF08 || cp == 0x3010 || cp == '[' || cp == 0x3014 || cp == 0x201C || cp == 0x300A;
}

static int closes_group(uint32_t cp)
{
    return cp == ')' || cp == 0xFF09 || cp == 0x3011 || cp == ']' || cp == 0x3015 || cp == 0x201D || cp == 0x300B;
}

/* Splits "县发改局、开发区" into normalised names, empty pieces and repeats dropped (the
 * first repeat is handed to *repeat when repeat is not NULL). A separator inside brackets
 * or quotes is part of the name: 各县（市、区）人民政府. */
static zb_status split_units_ex(const char *s, str_list *out, char **repeat)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return ZB_OK;
    size_t i = 0, start = 0, len = strlen(s), n;
    int depth = 0;
    while (i <= len) {
        uint32_t cp = i < len ? zb_utf8_decode(s + i, &n) : 0;
        if (opens_group(cp))
            depth++;
        else if (closes_group(cp) && depth > 0)
            depth--;
        int sep = i == len || (depth == 0 && is_unit_separator(cp));
        if (i == len)
            n = 1;
        if (sep) {
            if (i > start) {
                char *name = zb_normalize_name_n(s + start, i - start);
                /* Room for three at first: a row names one to three units, mostly. */
                if (!name || (out->count == out->cap && str_list_reserve(out, out->count ? 1 : 3))) {
                    free(name);
                    str_list_free(out);
                    return ZB_ERR_NOMEM;
                }
                if (*name && !str_list_has(out, name))
                    out->items[out->count++] = name;
                else if (repeat && *name && !*repeat)
                    *repeat = name;
                else
                    free(name);
            }
            start = i + n;
        }
        i += n;
    }
    return ZB_OK;
}

static zb_status split_units(const char *s, str_list *out) { return split_units_ex(s, out, NULL); }

/* The text with invisible white space spelled out, so a note shows what was removed. */
static char *visible(const char *s)
{
    zb_buf b = {0};
    size_t n;
    for (size_t i = 0; s[i]; i += n) {
        uint32_t cp = zb_utf8_decode(s + i, &n);
        if (cp != ' ' && (is_space(cp) || cp < 0x20))
            zb_buf_addf(&b, "<U+%04X>", (unsigned)cp);
        else
            zb_buf_add(&b, s + i, n);
    }
    return zb_buf_take(&b);
}

static void note_free(note_rec *n)
{
    free(n->location);
    free(n->message);
    memset(n, 0, sizeof *n);
}

/* Formats a note: "<prefix>: <what> “before” normalised to “after” (white space …)". */
static zb_status note_make(note_rec *out, const char *location, const char *prefix, const char *what,
                           const char *before, const char *after, int table)
{
    memset(out, 0, sizeof *out);
    char *shown = visible(before ? before : "");
    char *trimmed = dup_trimmed(before);
    zb_buf b = {0};
    if (shown && trimmed) {
        if (prefix && *prefix)
            zb_buf_addf(&b, "%s: ", prefix);
        zb_buf_addf(&b, "%s “%s” normalised to “%s” (%s)", what, shown, after,
                    strcmp(trimmed, after) == 0 ? "white space trimmed" : "white space removed");
    }
    free(shown);
    free(trimmed);
    out->message = zb_buf_take(&b);
    out->location = zb_strdup(location && *location ? location : "plan");
    out->table = table;
    if (!out->message || !out->location) {
        note_free(out);
        return ZB_ERR_NOMEM;
    }
    return ZB_OK;
}

/* Notes are made before the change they describe, and committed with it. */
static int notes_reserve(zb_plan *plan, size_t extra)
{
    return zb_grow((void **)&plan->notes, &plan->note_cap, plan->note_count + extra, sizeof *plan->notes);
}

static void notes_push(zb_plan *plan, note_rec *n)
{
    plan->notes[plan->note_count++] = *n;
    memset(n, 0, sizeof *n);
}

/* s holds len bytes that snprintf may have cut inside a character: drop the partial
 * character so the message stays UTF-8. */
static void cut_whole(char *s, size_t len)
{
    size_t lead = len;
    while (lead > 0 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return;
    lead--; /* the byte that starts the last character */
    unsigned char c = (unsigned char)s[lead];
    size_t need = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (lead + need > len)
        s[lead] = '\0';
}

static zb_status fail_nomem(zb_plan *plan) { return zb_plan_fail(plan, ZB_ERR_NOMEM, "out of memory"); }

/* ---- lifetime and errors ------------------------------------------------------------ */

zb_plan *zb_plan_new(void)
{
    zb_plan *plan = calloc(1, sizeof *plan);
    return plan;
}

static void target_free(target_rec *t)
{
    free(t->text);
    free(t->source);
}

static void indicator_free(indicator_rec *ind)
{
    free(ind->name);
    free(ind->bare_name);
    free(ind->unit);
    free(ind->source);
    free(ind->note);
    free(ind->base_text);
    for (size_t k = 0; k < ind->target_count; k++)
        target_free(&ind->targets[k]);
    free(ind->targets);
    str_list_free(&ind->responsible);
}

static void duty_free(duty_rec *d)
{
    free(d->text);
    free(d->note);
    str_list_free(&d->responsible);
}

static void task_free(task_rec *t)
{
    free(t->number);
    str_list_free(&t->headings);
    free(t->title);
    free(t->text);
    free(t->source);
    for (size_t i = 0; i < t->duty_count; i++)
        duty_free(&t->duties[i]);
    free(t->duties);
}

static void prose_free(prose_rec *p)
{
    free(p->name);
    free(p->unit);
    free(p->value_text);
    free(p->sentence);
    free(p->source);
}

/* Frees the table part: categories, indicators, actuals and their indexes (not notes). */
static void forget_last_category(zb_plan *plan)
{
    free(plan->last_category_text);
    plan->last_category_text = NULL;
}

static void table_free(zb_plan *plan)
{
    forget_last_category(plan);
    str_list_free(&plan->categories);
    str_index_free(&plan->category_index);
    for (size_t i = 0; i < plan->indicator_count; i++)
        indicator_free(&plan->indicators[i]);
    free(plan->indicators);
    plan->indicators = NULL;
    plan->indicator_count = plan->indicator_cap = 0;
    num_index_free(&plan->seq_index);
    plan->max_seq = 0;
    for (size_t i = 0; i < plan->actual_count; i++)
        free(plan->actuals[i].note);
    free(plan->actuals);
    plan->actuals = NULL;
    plan->actual_count = plan->actual_cap = 0;
    num_index_free(&plan->actual_index);
}

void zb_plan_free(zb_plan *plan)
{
    if (!plan)
        return;
    for (int i = 0; i < META_COUNT; i++)
        free(plan->meta[i]);
    str_list_free(&plan->recipients);
    str_list_free(&plan->copy_to);
    for (size_t i = 0; i < plan->unit_count; i++) {
        free(plan->units[i].name);
        free(plan->units[i].full_name);
    }
    free(plan->units);
    str_index_free(&plan->unit_index);
    table_free(plan);
    for (size_t i = 0; i < plan->task_count; i++)
        task_free(&plan->tasks[i]);
    free(plan->tasks);
    for (size_t i = 0; i < plan->block_count; i++)
        free(plan->blocks[i].text);
    free(plan->blocks);
    for (size_t i = 0; i < plan->attachment_count; i++) {
        free(plan->attachments[i].title);
        free(plan->attachments[i].text);
    }
    free(plan->attachments);
    for (size_t i = 0; i < plan->prose_count; i++)
        prose_free(&plan->prose[i]);
    free(plan->prose);
    for (size_t i = 0; i < plan->note_count; i++)
        note_free(&plan->notes[i]);
    free(plan->notes);
    free(plan);
}

const char *zb_errmsg(const zb_plan *plan) { return plan ? plan->errmsg : ""; }

zb_status zb_plan_fail(zb_plan *plan, zb_status code, const char *fmt, ...)
{
    if (!plan)
        return code;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(plan->errmsg, sizeof plan->errmsg, fmt, ap);
    va_end(ap);
    if (n < 0) {
        plan->errmsg[0] = '\0';
    } else if ((size_t)n >= sizeof plan->errmsg) {
        cut_whole(plan->errmsg, sizeof plan->errmsg - 1);
    }
    return code;
}

void zb_plan_set_text_checked(zb_plan *plan, int checked)
{
    if (plan)
        plan->text_checked = checked != 0;
}

void zb_plan_clear_error(zb_plan *plan)
{
    if (plan)
        plan->errmsg[0] = '\0';
}

/* OK when every text is UTF-8; else the plan's message names which. */
static zb_status check_texts(zb_plan *plan, const char *what, const char *const *texts, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (!valid_utf8(plan, texts[i]))
            return zb_plan_fail(plan, ZB_ERR_ENCODING, "%s: text is not valid UTF-8", what);
    return ZB_OK;
}

/* ---- metadata ------------------------------------------------------------------------ */

zb_status zb_plan_set_meta(zb_plan *plan, zb_meta field, const char *text)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if ((int)field < 0 || (int)field >= META_COUNT)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "metadata field %d does not exist", (int)field);
    static const char *const names[META_COUNT] = {
        "title",         "issuing organ", "issuing-organ mark", "document number", "signature", "note",
        "printing organ", "index number",  "publisher",          "validity",        "disclosure", "plan title",
    };
    const char *texts[] = {text};
    if (check_texts(plan, names[field], texts, 1))
        return ZB_ERR_ENCODING;
    char *copy = NULL;
    if (text && !(copy = dup_trimmed(text)))
        return fail_nomem(plan);
    free(plan->meta[field]);
    plan->meta[field] = copy;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

const char *zb_plan_meta(const zb_plan *plan, zb_meta field)
{
    if (!plan || (int)field < 0 || (int)field >= META_COUNT)
        return NULL;
    return plan->meta[field] ? plan->meta[field] : "";
}

zb_status zb_plan_set_date(zb_plan *plan, zb_date_field field, zb_date date)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if ((int)field < 0 || (int)field >= DATE_COUNT)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "date field %d does not exist", (int)field);
    static const char *const whats[DATE_COUNT] = {"issue date (成文日期)", "printing date (印发日期)",
                                                  "publishing date (发布日期)"};
    const char *what = whats[field];
    int clear = date.year == 0 && date.month == 0 && date.day == 0;
    if (!clear && !zb_date_valid(date))
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s %04d-%02d-%02d does not exist", what, date.year,
                            date.month, date.day);
    plan->dates[field] = clear ? (zb_date){0, 0, 0} : date;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

zb_date zb_plan_date(const zb_plan *plan, zb_date_field field)
{
    zb_date none = {0, 0, 0};
    if (!plan || (int)field < 0 || (int)field >= DATE_COUNT)
        return none;
    return plan->dates[field];
}

zb_status zb_plan_set_years(zb_plan *plan, int first, int last)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!(first == 0 && last == 0) && !(first >= 1900 && first <= last && last <= 9999))
        return zb_plan_fail(plan, ZB_ERR_VALUE,
                            "years %d–%d are not a span of years (1900 <= first <= last <= 9999)", first, last);
    plan->first_year = first;
    plan->last_year = last;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

int zb_plan_first_year(const zb_plan *plan) { return plan ? plan->first_year : 0; }
int zb_plan_last_year(const zb_plan *plan) { return plan ? plan->last_year : 0; }

/* Appends a normalised name to a list of organs (主送, 抄送), noting any change. */
static zb_status add_organ(zb_plan *plan, str_list *list, const char *what, const char *name)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!name)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "%s: no name given", what);
    const char *texts[] = {name};
    if (check_texts(plan, what, texts, 1))
        return ZB_ERR_ENCODING;
    char *norm = zb_normalize_name(name);
    if (!norm)
        return fail_nomem(plan);
    if (!*norm) {
        free(norm);
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s: the name is empty", what);
    }
    note_rec note = {0};
    int changed = strcmp(norm, name) != 0;
    if (str_list_reserve(list, 1) || (changed && notes_reserve(plan, 1)) ||
        (changed && note_make(&note, "", "", what, name, norm, 0))) {
        free(norm);
        return fail_nomem(plan);
    }
    list->items[list->count++] = norm;
    if (changed)
        notes_push(plan, &note);
    zb_plan_clear_error(plan);
    return ZB_OK;
}

zb_status zb_plan_add_recipient(zb_plan *plan, const char *name)
{
    return add_organ(plan, plan ? &plan->recipients : NULL, "recipient (主送机关)", name);
}

size_t zb_plan_recipient_count(const zb_plan *plan) { return plan ? plan->recipients.count : 0; }

const char *zb_plan_recipient(const zb_plan *plan, size_t i)
{
    return plan ? str_list_get(&plan->recipients, i) : NULL;
}

zb_status zb_plan_add_copy_to(zb_plan *plan, const char *name)
{
    return add_organ(plan, plan ? &plan->copy_to : NULL, "copy-to organ (抄送机关)", name);
}

size_t zb_plan_copy_to_count(const zb_plan *plan) { return plan ? plan->copy_to.count : 0; }

const char *zb_plan_copy_to(const zb_plan *plan, size_t i)
{
    return plan ? str_list_get(&plan->copy_to, i) : NULL;
}

/* ---- responsible units ------------------------------------------------------------------ */

zb_status zb_plan_add_unit(zb_plan *plan, const char *name, const char *full_name)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!name)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "responsible unit: no name given");
    const char *texts[] = {name, full_name};
    if (check_texts(plan, "responsible unit", texts, 2))
        return ZB_ERR_ENCODING;
    unit_rec u = {zb_normalize_name(name), zb_normalize_name(full_name)};
    note_rec note = {0};
    zb_status st = ZB_OK;
    int changed = u.name && strcmp(u.name, name) != 0;
    if (!u.name || !u.full_name)
        st = fail_nomem(plan);
    else if (!*u.name)
        st = zb_plan_fail(plan, ZB_ERR_VALUE, "responsible unit: the name is empty");
    else if (str_index_find(&plan->unit_index, u.name) != ZB_NONE)
        st = zb_plan_fail(plan, ZB_ERR_DUPLICATE, "responsible unit %s is already in the unit list", u.name);
    else if (zb_grow((void **)&plan->units, &plan->unit_cap, plan->unit_count + 1, sizeof *plan->units) ||
             str_index_reserve(&plan->unit_index) || (changed && notes_reserve(plan, 1)) ||
             (changed && note_make(&note, "", "", "unit name", name, u.name, 0)))
        st = fail_nomem(plan);
    if (st) {
        free(u.name);
        free(u.full_name);
        return st;
    }
    plan->units[plan->unit_count] = u;
    str_index_put(&plan->unit_index, u.name, plan->unit_count);
    plan->unit_count++;
    if (changed)
        notes_push(plan, &note);
    zb_plan_clear_error(plan);
    return ZB_OK;
}

size_t zb_plan_unit_count(const zb_plan *plan) { return plan ? plan->unit_count : 0; }

const char *zb_plan_unit_name(const zb_plan *plan, size_t i)
{
    return plan && i < plan->unit_count ? plan->units[i].name : NULL;
}

const char *zb_plan_unit_full_name(const zb_plan *plan, size_t i)
{
    return plan && i < plan->unit_count ? plan->units[i].full_name : NULL;
}

/* Looks a name up as it would be stored: normalised, without allocating for the common
 * case of a name that is already normal. */
static size_t find_normalised(const str_index *m, const char *name)
{
    if (!name || !m->count)
        return ZB_NONE;
    size_t i = str_index_find(m, name);
    if (i != ZB_NONE)
        return i;
    char *norm = zb_normalize_name(name);
    if (!norm)
        return ZB_NONE;
    if (strcmp(norm, name) != 0)
        i = str_index_find(m, norm);
    free(norm);
    return i;
}

size_t zb_plan_find_unit(const zb_plan *plan, const char *name)
{
    return plan ? find_normalised(&plan->unit_index, name) : ZB_NONE;
}

/* ---- categories ------------------------------------------------------------------------- */

/* Appends a category whose normalised name is not in the plan yet; takes name. Room for it
 * must have been reserved with category_reserve(). */
static int category_reserve(zb_plan *plan)
{
    return str_list_reserve(&plan->categories, 1) || str_index_reserve(&plan->category_index);
}

static size_t category_push(zb_plan *plan, char *name)
{
    size_t i = plan->categories.count;
    plan->categories.items[plan->categories.count++] = name;
    str_index_put(&plan->category_index, name, i);
    return i;
}

zb_status zb_plan_add_category(zb_plan *plan, const char *name, size_t *index_out)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!name)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "category: no name given");
    const char *texts[] = {name};
    if (check_texts(plan, "category", texts, 1))
        return ZB_ERR_ENCODING;
    char *norm = zb_normalize_name(name);
    if (!norm)
        return fail_nomem(plan);
    if (!*norm) {
        free(norm);
        return zb_plan_fail(plan, ZB_ERR_VALUE, "category: the name is empty");
    }
    size_t found = str_index_find(&plan->category_index, norm);
    if (found != ZB_NONE) {
        if (index_out)
            *index_out = found;
        zb_status st = zb_plan_fail(plan, ZB_ERR_DUPLICATE, "category %s already exists", norm);
        free(norm);
        return st;
    }
    note_rec note = {0};
    int changed = strcmp(norm, name) != 0;
    char where[48];
    snprintf(where, sizeof where, "category %zu", plan->categories.count + 1);
    if (category_reserve(plan) || (changed && notes_reserve(plan, 1)) ||
        (changed && note_make(&note, where, "", "category name", name, norm, 1))) {
        free(norm);
        return fail_nomem(plan);
    }
    size_t i = category_push(plan, norm);
    if (changed)
        notes_push(plan, &note);
    if (index_out)
        *index_out = i;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

size_t zb_plan_category_count(const zb_plan *plan) { return plan ? plan->categories.count : 0; }

const char *zb_plan_category_name(const zb_plan *plan, size_t i)
{
    return plan ? str_list_get(&plan->categories, i) : NULL;
}

size_t zb_plan_find_category(const zb_plan *plan, const char *name)
{
    return plan ? find_normalised(&plan->category_index, name) : ZB_NONE;
}

/* ---- indicators ------------------------------------------------------------------------ */

static const indicator_rec *get_indicator(const zb_plan *plan, size_t i)
{
    return plan && i < plan->indicator_count ? &plan->indicators[i] : NULL;
}

/* "plan.json:14:7: indicator 5 (name)" or "indicator 5 (name)": how messages name one. */
static void describe_indicator(char *out, size_t size, const char *source, int seq, const char *name)
{
    snprintf(out, size, "%s%sindicator %d (%s)", source && *source ? source : "", source && *source ? ": " : "",
             seq, name);
    size_t k = strlen(out);
    if (k + 1 == size)
        cut_whole(out, k);
}

/* "indicator 5" into subject (64 bytes) unless it holds it already. */
static const char *indicator_subject(char *subject, int seq)
{
    if (!subject[0])
        snprintf(subject, 64, "indicator %d", seq);
    return subject;
}

/* describe_indicator() into who, for a message: called only when one is made. */
enum { WHO_SIZE = 512 };
static const char *who_of(char who[WHO_SIZE], const indicator_rec *ind)
{
    describe_indicator(who, WHO_SIZE, ind->source, ind->seq, ind->name);
    return who;
}

static int year_ok(int year) { return year == 0 || (year >= 1900 && year <= 9999); }

/* The number a base value holds, NaN when it holds none or several. */
static double base_number(const char *text)
{
    double v;
    if (!text || !zb_parse_target(text, &v, NULL))
        return NAN;
    return v;
}

/* A new target read from its text; -1 when out of memory. */
static int make_target(target_rec *t, int year, const char *text, zb_qualifier given)
{
    memset(t, 0, sizeof *t);
    t->year = year;
    t->given = given;
    t->text = dup_trimmed(text);
    if (!t->text)
        return -1;
    t->cls = zb_classify_target(t->text, &t->number, &t->written, &t->change);
    return 0;
}

/* The unit (given, normalised; or read from the name) and the bare name that goes with it,
 * as new strings; -1 when out of memory (nothing allocated then). */
static int make_unit(const char *name, const char *given, char **unit, char **bare)
{
    *unit = *bare = NULL;
    size_t bare_len, ub, ue;
    zb_infer_name_group(name, &bare_len, &ub, &ue);
    char *inferred = zb_normalize_name_n(name + ub, ue - ub);
    if (!inferred)
        return -1;
    *unit = given ? zb_normalize_name(given) : zb_strdup(inferred);
    if (*unit) {
        /* The name keeps its unit group unless that group is the unit. */
        if (**unit && strcmp(*unit, inferred) == 0)
            *bare = zb_strndup(name, bare_len);
        else
            *bare = zb_strdup(name);
    }
    free(inferred);
    if (!*unit || !*bare) {
        free(*unit);
        free(*bare);
        *unit = *bare = NULL;
        return -1;
    }
    return 0;
}

/* What the name alone says: direction, whether it states a change, and the kind (with the
 * unit, when not given). Called whenever the unit or the given kind changes. */
static void name_facts(indicator_rec *ind)
{
    zb_name_facts f;
    zb_infer_name_facts(ind->name, ind->unit, ind->kind_given == ZB_KIND_AUTO, &f);
    ind->name_direction = f.direction;
    ind->name_change = f.change;
    ind->name_decrease = f.decrease;
    ind->kind = ind->kind_given != ZB_KIND_AUTO ? ind->kind_given : f.kind;
}

/* What a target is compared with: docs/progress.md, "Stated changes". */
typedef struct target_view {
    double value;
    zb_qualifier qualifier;
    int as_change; /* the value is a change from the base, and so are the actuals */
    int absorbed;  /* a change on a quantity that is itself a change: its value is the number */
    int from_base; /* the value was worked out from the base value */
} target_view;

/* ≥ ↔ ≤: a bound on the size of a decrease is the opposite bound on what is left. */
static zb_qualifier flip(zb_qualifier q)
{
    return q == ZB_QUAL_AT_LEAST ? ZB_QUAL_AT_MOST : q == ZB_QUAL_AT_MOST ? ZB_QUAL_AT_LEAST : q;
}

static void view_target(const zb_plan *plan, const indicator_rec *ind, const target_rec *t, target_view *v)
{
    v->value = t->number;
    v->qualifier = t->written;
    v->as_change = 0;
    v->absorbed = 0;
    v->from_base = 0;
    if (t->cls == ZB_TARGET_NUMERIC && t->change != ZB_CHANGE_NONE) {
        double n = t->number, b = ind->base_value;
        int year = t->year ? t->year : plan->last_year;
        if (t->change != ZB_CHANGE_POINTS && (ind->kind == ZB_KIND_RATE || ind->name_change)) {
            /* 增速 增长8% is 8; 能耗下降率 下降3% is 3 (the name counts the decrease). A written
             * bound is on the size of the change: 增速 下降2%以上 is a rate of −2 or less. */
            v->absorbed = 1;
            v->value = ind->name_decrease ? -n : n;
            if (v->value < 0)
                v->qualifier = flip(v->qualifier);
        } else if (isfinite(b) && (t->change != ZB_CHANGE_ANNUAL || (ind->base_year && year > ind->base_year))) {
            if (t->change == ZB_CHANGE_PERCENT)
                v->value = b * (1 + n / 100);
            else if (t->change == ZB_CHANGE_ANNUAL)
                v->value = b * pow(1 + n / 100, year - ind->base_year);
            else
                v->value = b + n;
            v->from_base = 1;
            /* A decrease of at least 3% leaves at most 97% of the base. */
            if (v->qualifier == ZB_QUAL_NONE)
                v->qualifier = ZB_QUAL_AT_LEAST;
            if (n < 0)
                v->qualifier = flip(v->qualifier);
        } else {
            /* No base to start from: the change itself, counted in its own sense. */
            v->as_change = 1;
            v->value = fabs(n);
            if (v->qualifier == ZB_QUAL_NONE)
                v->qualifier = ZB_QUAL_AT_LEAST;
        }
    }
    if (t->given != ZB_QUAL_AUTO)
        v->qualifier = t->given;
}

static size_t primary_of(const zb_plan *plan, const indicator_rec *ind)
{
    if (!ind->target_count)
        return ZB_NONE;
    if (plan->last_year)
        for (size_t k = 0; k < ind->target_count; k++)
            if (ind->targets[k].year == plan->last_year)
                return k;
    if (ind->targets[0].year == 0)
        return 0;
    return ind->target_count - 1;
}

static zb_direction direction_of(const zb_plan *plan, const indicator_rec *ind)
{
    if (ind->direction_given != ZB_DIR_AUTO)
        return ind->direction_given;
    size_t k = primary_of(plan, ind);
    if (k != ZB_NONE && ind->targets[k].cls == ZB_TARGET_NUMERIC) {
        const target_rec *t = &ind->targets[k];
        target_view v;
        view_target(plan, ind, t, &v);
        if (t->change != ZB_CHANGE_NONE && !v.absorbed)
            return t->number < 0 ? ZB_DIR_LOWER : ZB_DIR_HIGHER;
        if (!v.as_change && v.qualifier == ZB_QUAL_AT_MOST)
            return ZB_DIR_LOWER;
        if (!v.as_change && v.qualifier == ZB_QUAL_AT_LEAST)
            return ZB_DIR_HIGHER;
    }
    return ind->name_direction;
}

/* units: the responsible units already split (zb_plan_add_indicator_split), moved into the
 * indicator when it is made; NULL: split def->responsible here. */
static zb_status add_indicator(zb_plan *plan, const zb_indicator_def *def, size_t *index_out, str_list *units)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!def)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "indicator: no definition given");
    const char *src = def->source && *def->source ? def->source : "";
    const char *at = *src ? ": " : "";
    if (!def->name)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "%s%sindicator %d: no name given", src, at, def->seq);
    const char *texts[] = {def->category, def->name,   def->unit, def->target,
                           def->responsible, def->source, def->base, def->note};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++)
        if (!valid_utf8(plan, texts[k]))
            return zb_plan_fail(plan, ZB_ERR_ENCODING, "%s%sindicator %d: text is not valid UTF-8", src, at,
                                def->seq);
    if (def->seq < 0)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s%sindicator %s: sequence number %d is negative", src, at,
                            def->name, def->seq);
    if ((int)def->qualifier < ZB_QUAL_AUTO || (int)def->qualifier > ZB_QUAL_AT_MOST)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s%sindicator %d (%s): qualifier %d is out of range", src, at,
                            def->seq, def->name, (int)def->qualifier);
    if ((int)def->kind < ZB_KIND_AUTO || (int)def->kind > ZB_KIND_LEVEL)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s%sindicator %d (%s): kind %d is out of range", src, at, def->seq,
                            def->name, (int)def->kind);
    if ((int)def->direction < ZB_DIR_AUTO || (int)def->direction > ZB_DIR_LOWER)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s%sindicator %d (%s): direction %d is out of range", src, at,
                            def->seq, def->name, (int)def->direction);
    /* 0 is the all-zero default; anything else must be a usable weight. */
    if (def->weight != 0 && !(zb_number_usable(def->weight) && def->weight > 0))
        return zb_plan_fail(plan, ZB_ERR_VALUE,
                            "%s%sindicator %d (%s): weight %g is not a number greater than 0 and at most 10^15",
                            src, at, def->seq, def->name, def->weight);
    if ((int)def->attribute < ZB_ATTR_NONE || (int)def->attribute > ZB_ATTR_ANTICIPATORY)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s%sindicator %d (%s): attribute %d is out of range", src, at,
                            def->seq, def->name, (int)def->attribute);
    if (!year_ok(def->target_year) || !year_ok(def->base_year))
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s%sindicator %d (%s): year %d is not 0 or 1900–9999", src, at,
                            def->seq, def->name, year_ok(def->target_year) ? def->base_year : def->target_year);
    int seq = def->seq;
    if (seq == 0) {
        if (plan->max_seq == INT_MAX)
            return zb_plan_fail(plan, ZB_ERR_VALUE, "%s%sindicator %s: no sequence number is left after %d", src,
                                at, def->name, INT_MAX);
        seq = plan->max_seq + 1;
    }
    size_t used = num_index_find(&plan->seq_index, (uint64_t)(unsigned)seq);
    if (used != ZB_NONE) {
        const indicator_rec *other = &plan->indicators[used];
        return zb_plan_fail(plan, ZB_ERR_DUPLICATE,
                            "%s%sindicator %d (%s): sequence number %d is already used by %s%s%s%s", src, at,
                            seq, def->name, seq, other->name, *other->source ? " (" : "", other->source,
                            *other->source ? ")" : "");
    }

    /* Everything that can fail is allocated here, before the plan changes. */
    indicator_rec ind = {0};
    ind.seq = seq;
    ind.category = ZB_NONE;
    ind.weight = def->weight != 0 ? def->weight : 1.0;
    note_rec notes[3] = {{0}};
    size_t nnotes = 0;
    char *category = NULL;
    char *category_text = NULL; /* a copy of def->category, for the next indicator */
    size_t category_new = 0;
    /* "indicator 5", named only in a note: made when the first note is. */
    char subject[64] = "";
    const char *where = *src ? src : subject;

    ind.name = zb_normalize_name(def->name);
    ind.source = zb_strdup(src);
    ind.note = dup_trimmed(def->note);
    ind.base_text = dup_trimmed(def->base && *def->base ? def->base : NULL);
    if (!ind.name || !ind.source || !ind.note || !ind.base_text)
        goto nomem;
    ind.attribute = def->attribute;
    ind.base_year = *ind.base_text ? def->base_year : 0;
    ind.base_value = base_number(ind.base_text);
    if (def->target && *def->target) {
        if (zb_grow((void **)&ind.targets, &ind.target_cap, 1, sizeof *ind.targets) ||
            make_target(&ind.targets[0], def->target_year, def->target, def->qualifier))
            goto nomem;
        ind.target_count = 1;
    }
    if (strcmp(ind.name, def->name) != 0 &&
        note_make(&notes[nnotes++], where, indicator_subject(subject, seq), "name", def->name, ind.name, 1))
        goto nomem;

    if (def->category && plan->last_category_text && strcmp(def->category, plan->last_category_text) == 0) {
        ind.category = plan->last_category;
    } else if (def->category) {
        category_text = zb_strdup(def->category); /* NULL: no shortcut next time, no failure */
        if (!(category = zb_normalize_name(def->category)))
            goto nomem;
        if (*category) {
            ind.category = str_index_find(&plan->category_index, category);
            if (ind.category == ZB_NONE) {
                /* Noted once, when the category is made: a flattened merged cell repeats it. */
                category_new = 1;
                if (category_reserve(plan))
                    goto nomem;
                if (strcmp(category, def->category) != 0 &&
                    note_make(&notes[nnotes++], where, indicator_subject(subject, seq), "category",
                              def->category, category, 1))
                    goto nomem;
            }
        }
    }

    if (make_unit(ind.name, def->unit, &ind.unit, &ind.bare_name))
        goto nomem;
    ind.unit_given = def->unit != NULL;
    if (def->unit && strcmp(ind.unit, def->unit) != 0 &&
        note_make(&notes[nnotes++], where, indicator_subject(subject, seq), "unit", def->unit, ind.unit, 1))
        goto nomem;
    ind.kind_given = def->kind;
    ind.direction_given = def->direction;
    name_facts(&ind);

    if (units) {
        ind.responsible = *units;
        memset(units, 0, sizeof *units);
    } else if (split_units(def->responsible, &ind.responsible)) {
        goto nomem;
    }
    if (zb_grow((void **)&plan->indicators, &plan->indicator_cap, plan->indicator_count + 1,
                sizeof *plan->indicators) ||
        num_index_reserve(&plan->seq_index) || (nnotes && notes_reserve(plan, nnotes)))
        goto nomem;

    /* Commit: nothing below can fail. */
    if (category_new)
        ind.category = category_push(plan, category);
    else
        free(category);
    if (category_text) {
        forget_last_category(plan);
        plan->last_category_text = category_text;
        plan->last_category = ind.category;
    }
    size_t i = plan->indicator_count++;
    plan->indicators[i] = ind;
    num_index_put(&plan->seq_index, (uint64_t)(unsigned)seq, i);
    if (seq > plan->max_seq)
        plan->max_seq = seq;
    for (size_t k = 0; k < nnotes; k++)
        notes_push(plan, &notes[k]);
    if (index_out)
        *index_out = i;
    zb_plan_clear_error(plan);
    return ZB_OK;

nomem:
    indicator_free(&ind);
    free(category);
    free(category_text);
    for (size_t k = 0; k < nnotes; k++)
        note_free(&notes[k]);
    return fail_nomem(plan);
}

zb_status zb_plan_add_indicator(zb_plan *plan, const zb_indicator_def *def, size_t *index_out)
{
    return add_indicator(plan, def, index_out, NULL);
}

int zb_plan_reserve(zb_plan *plan, size_t indicators, size_t actuals)
{
    if (!plan)
        return -1;
    if (indicators && (indicators > SIZE_MAX / 2 - plan->indicator_count ||
                       zb_grow((void **)&plan->indicators, &plan->indicator_cap, plan->indicator_count + indicators,
                               sizeof *plan->indicators) ||
                       num_index_reserve_n(&plan->seq_index, indicators)))
        return -1;
    if (actuals && (actuals > SIZE_MAX / 2 - plan->actual_count ||
                    zb_grow((void **)&plan->actuals, &plan->actual_cap, plan->actual_count + actuals,
                            sizeof *plan->actuals) ||
                    num_index_reserve_n(&plan->actual_index, actuals)))
        return -1;
    return 0;
}

zb_status zb_plan_add_indicator_split(zb_plan *plan, const zb_indicator_def *def, size_t *index_out, char **repeat)
{
    *repeat = NULL;
    if (!plan || !def)
        return add_indicator(plan, def, index_out, NULL);
    str_list units;
    if (split_units_ex(def->responsible, &units, repeat))
        return fail_nomem(plan);
    if (*repeat) {
        str_list_free(&units);
        return ZB_ERR_DUPLICATE;
    }
    zb_status st = add_indicator(plan, def, index_out, &units);
    str_list_free(&units); /* empty when the indicator took the units */
    return st;
}

zb_status zb_plan_add_indicator_responsible(zb_plan *plan, size_t i, const char *unit)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (i >= plan->indicator_count)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "indicator index %zu is out of range (%zu indicators)", i,
                            plan->indicator_count);
    indicator_rec *ind = &plan->indicators[i];
    char who[512];
    if (!unit)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "%s: no responsible unit given", who_of(who, ind));
    if (!valid_utf8(plan, unit))
        return zb_plan_fail(plan, ZB_ERR_ENCODING, "%s: responsible unit is not valid UTF-8", who_of(who, ind));
    char *norm = zb_normalize_name(unit);
    if (!norm)
        return fail_nomem(plan);
    zb_status st = ZB_OK;
    if (!*norm)
        st = zb_plan_fail(plan, ZB_ERR_VALUE, "%s: the responsible unit is empty", who_of(who, ind));
    else if (str_list_has(&ind->responsible, norm))
        st = zb_plan_fail(plan, ZB_ERR_DUPLICATE, "%s: %s is already a responsible unit", who_of(who, ind), norm);
    else if (str_list_reserve(&ind->responsible, 1))
        st = fail_nomem(plan);
    if (st) {
        free(norm);
        return st;
    }
    ind->responsible.items[ind->responsible.count++] = norm;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

size_t zb_plan_indicator_count(const zb_plan *plan) { return plan ? plan->indicator_count : 0; }

size_t zb_plan_find_indicator(const zb_plan *plan, int seq)
{
    if (!plan || seq <= 0)
        return ZB_NONE;
    return num_index_find(&plan->seq_index, (uint64_t)(unsigned)seq);
}

int zb_plan_indicator_seq(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->seq : 0;
}

size_t zb_plan_indicator_category(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->category : ZB_NONE;
}

const char *zb_plan_indicator_name(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->name : NULL;
}

const char *zb_plan_indicator_bare_name(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->bare_name : NULL;
}

const char *zb_plan_indicator_unit(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->unit : NULL;
}

int zb_plan_indicator_unit_given(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->unit_given : 0;
}

static const target_rec *get_target(const zb_plan *plan, size_t i, size_t k)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind && k < ind->target_count ? &ind->targets[k] : NULL;
}

size_t zb_plan_indicator_target_count(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->target_count : 0;
}

size_t zb_plan_indicator_primary_target(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? primary_of(plan, ind) : ZB_NONE;
}

size_t zb_plan_indicator_find_target(const zb_plan *plan, size_t i, int year)
{
    const indicator_rec *ind = get_indicator(plan, i);
    for (size_t k = 0; ind && k < ind->target_count; k++)
        if (ind->targets[k].year == year)
            return k;
    return ZB_NONE;
}

int zb_plan_indicator_target_year(const zb_plan *plan, size_t i, size_t k)
{
    const target_rec *t = get_target(plan, i, k);
    return t ? t->year : 0;
}

const char *zb_plan_indicator_target_text_at(const zb_plan *plan, size_t i, size_t k)
{
    const target_rec *t = get_target(plan, i, k);
    return t ? t->text : NULL;
}

double zb_plan_indicator_target_value_at(const zb_plan *plan, size_t i, size_t k)
{
    const target_rec *t = get_target(plan, i, k);
    if (!t)
        return NAN;
    target_view v;
    view_target(plan, &plan->indicators[i], t, &v);
    return v.value;
}

zb_qualifier zb_plan_indicator_target_qualifier_at(const zb_plan *plan, size_t i, size_t k)
{
    const target_rec *t = get_target(plan, i, k);
    if (!t)
        return ZB_QUAL_AUTO;
    target_view v;
    view_target(plan, &plan->indicators[i], t, &v);
    return v.qualifier;
}

zb_target_class zb_plan_indicator_target_class_at(const zb_plan *plan, size_t i, size_t k)
{
    const target_rec *t = get_target(plan, i, k);
    return t ? t->cls : ZB_TARGET_NONE;
}

zb_change zb_plan_indicator_target_change_at(const zb_plan *plan, size_t i, size_t k)
{
    const target_rec *t = get_target(plan, i, k);
    return t ? t->change : ZB_CHANGE_NONE;
}

double zb_plan_indicator_target_change_amount_at(const zb_plan *plan, size_t i, size_t k)
{
    const target_rec *t = get_target(plan, i, k);
    return t && t->change != ZB_CHANGE_NONE ? t->number : NAN;
}

int zb_plan_indicator_target_as_change_at(const zb_plan *plan, size_t i, size_t k)
{
    const target_rec *t = get_target(plan, i, k);
    if (!t)
        return 0;
    target_view v;
    view_target(plan, &plan->indicators[i], t, &v);
    return v.as_change;
}

int zb_plan_indicator_target_from_base_at(const zb_plan *plan, size_t i, size_t k)
{
    const target_rec *t = get_target(plan, i, k);
    if (!t)
        return 0;
    target_view v;
    view_target(plan, &plan->indicators[i], t, &v);
    return v.from_base;
}

const char *zb_plan_indicator_target_text(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    if (!ind)
        return NULL;
    size_t k = primary_of(plan, ind);
    return k != ZB_NONE ? ind->targets[k].text : "";
}

double zb_plan_indicator_target(const zb_plan *plan, size_t i)
{
    return zb_plan_indicator_target_value_at(plan, i, zb_plan_indicator_primary_target(plan, i));
}

zb_qualifier zb_plan_indicator_qualifier(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    if (!ind)
        return ZB_QUAL_AUTO;
    size_t k = primary_of(plan, ind);
    return k != ZB_NONE ? zb_plan_indicator_target_qualifier_at(plan, i, k) : ZB_QUAL_NONE;
}

zb_target_class zb_plan_indicator_target_class(const zb_plan *plan, size_t i)
{
    return zb_plan_indicator_target_class_at(plan, i, zb_plan_indicator_primary_target(plan, i));
}

zb_kind zb_plan_indicator_kind(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->kind : ZB_KIND_AUTO;
}

zb_direction zb_plan_indicator_direction(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? direction_of(plan, ind) : ZB_DIR_AUTO;
}

zb_attribute zb_plan_indicator_attribute(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->attribute : ZB_ATTR_NONE;
}

int zb_plan_indicator_base_year(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->base_year : 0;
}

const char *zb_plan_indicator_base_text(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->base_text : NULL;
}

double zb_plan_indicator_base_value(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->base_value : NAN;
}

const char *zb_plan_indicator_note(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->note : NULL;
}

zb_kind zb_plan_indicator_kind_given(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->kind_given : ZB_KIND_AUTO;
}

zb_direction zb_plan_indicator_direction_given(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->direction_given : ZB_DIR_AUTO;
}

zb_qualifier zb_plan_indicator_target_given_qualifier(const zb_plan *plan, size_t i, size_t k)
{
    const target_rec *t = get_target(plan, i, k);
    return t ? t->given : ZB_QUAL_AUTO;
}

const char *zb_plan_indicator_target_source(const zb_plan *plan, size_t i, size_t k)
{
    const target_rec *t = get_target(plan, i, k);
    if (!t)
        return NULL;
    return t->source ? t->source : plan->indicators[i].source;
}

/* ---- indicator setters ------------------------------------------------------------------- */

/* The indicator a setter changes, or NULL with the plan's message set. */
static indicator_rec *indicator_for_change(zb_plan *plan, size_t i, const char *what)
{
    if (!plan)
        return NULL;
    if (i >= plan->indicator_count) {
        zb_plan_fail(plan, ZB_ERR_ARGUMENT, "%s: indicator index %zu is out of range (%zu indicators)", what, i,
                     plan->indicator_count);
        return NULL;
    }
    return &plan->indicators[i];
}

zb_status zb_plan_indicator_set_target(zb_plan *plan, size_t i, int year, const char *text, zb_qualifier qualifier)
{
    indicator_rec *ind = indicator_for_change(plan, i, "set target");
    if (!ind)
        return ZB_ERR_ARGUMENT;
    char who[512];
    if (!year_ok(year))
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s: target year %d is not 0 or 1900–9999", who_of(who, ind), year);
    if ((int)qualifier < ZB_QUAL_AUTO || (int)qualifier > ZB_QUAL_AT_MOST)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s: qualifier %d is out of range", who_of(who, ind), (int)qualifier);
    if (!valid_utf8(plan, text))
        return zb_plan_fail(plan, ZB_ERR_ENCODING, "%s: target text is not valid UTF-8", who_of(who, ind));
    size_t at = 0;
    while (at < ind->target_count && ind->targets[at].year < year)
        at++;
    int exists = at < ind->target_count && ind->targets[at].year == year;
    if (!text) {
        if (exists) {
            target_free(&ind->targets[at]);
            memmove(&ind->targets[at], &ind->targets[at + 1], (ind->target_count - at - 1) * sizeof *ind->targets);
            ind->target_count--;
        }
        zb_plan_clear_error(plan);
        return ZB_OK;
    }
    target_rec t;
    if (make_target(&t, year, text, qualifier) ||
        (!exists && zb_grow((void **)&ind->targets, &ind->target_cap, ind->target_count + 1, sizeof *ind->targets))) {
        target_free(&t);
        return fail_nomem(plan);
    }
    if (exists) {
        target_free(&ind->targets[at]);
    } else {
        memmove(&ind->targets[at + 1], &ind->targets[at], (ind->target_count - at) * sizeof *ind->targets);
        ind->target_count++;
    }
    ind->targets[at] = t;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

zb_status zb_plan_indicator_set_target_source(zb_plan *plan, size_t i, size_t k, const char *source)
{
    indicator_rec *ind = indicator_for_change(plan, i, "target source");
    if (!ind)
        return ZB_ERR_ARGUMENT;
    if (k >= ind->target_count)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "target source: target %zu is out of range", k);
    char *copy = source ? zb_strdup(source) : NULL;
    if (source && !copy)
        return fail_nomem(plan);
    free(ind->targets[k].source);
    ind->targets[k].source = copy;
    return ZB_OK;
}

zb_status zb_plan_indicator_set_unit(zb_plan *plan, size_t i, const char *unit)
{
    indicator_rec *ind = indicator_for_change(plan, i, "set unit");
    if (!ind)
        return ZB_ERR_ARGUMENT;
    if (!valid_utf8(plan, unit)) {
        char who[512];
        describe_indicator(who, sizeof who, ind->source, ind->seq, ind->name);
        return zb_plan_fail(plan, ZB_ERR_ENCODING, "%s: unit is not valid UTF-8", who);
    }
    char *u, *bare;
    if (make_unit(ind->name, unit, &u, &bare))
        return fail_nomem(plan);
    free(ind->unit);
    free(ind->bare_name);
    ind->unit = u;
    ind->bare_name = bare;
    ind->unit_given = unit != NULL;
    name_facts(ind);
    zb_plan_clear_error(plan);
    return ZB_OK;
}

zb_status zb_plan_indicator_set_kind(zb_plan *plan, size_t i, zb_kind kind)
{
    indicator_rec *ind = indicator_for_change(plan, i, "set kind");
    if (!ind)
        return ZB_ERR_ARGUMENT;
    if ((int)kind < ZB_KIND_AUTO || (int)kind > ZB_KIND_LEVEL)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "indicator %d: kind %d is out of range", ind->seq, (int)kind);
    ind->kind_given = kind;
    name_facts(ind);
    zb_plan_clear_error(plan);
    return ZB_OK;
}

zb_status zb_plan_indicator_set_direction(zb_plan *plan, size_t i, zb_direction direction)
{
    indicator_rec *ind = indicator_for_change(plan, i, "set direction");
    if (!ind)
        return ZB_ERR_ARGUMENT;
    if ((int)direction < ZB_DIR_AUTO || (int)direction > ZB_DIR_LOWER)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "indicator %d: direction %d is out of range", ind->seq,
                            (int)direction);
    ind->direction_given = direction;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

zb_status zb_plan_indicator_set_weight(zb_plan *plan, size_t i, double weight)
{
    indicator_rec *ind = indicator_for_change(plan, i, "set weight");
    if (!ind)
        return ZB_ERR_ARGUMENT;
    if (weight != 0 && !(zb_number_usable(weight) && weight > 0))
        return zb_plan_fail(plan, ZB_ERR_VALUE, "indicator %d: weight %g is not a number greater than 0 and at most 10^15",
                            ind->seq, weight);
    ind->weight = weight != 0 ? weight : 1.0;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

zb_status zb_plan_indicator_set_attribute(zb_plan *plan, size_t i, zb_attribute attribute)
{
    indicator_rec *ind = indicator_for_change(plan, i, "set attribute");
    if (!ind)
        return ZB_ERR_ARGUMENT;
    if ((int)attribute < ZB_ATTR_NONE || (int)attribute > ZB_ATTR_ANTICIPATORY)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "indicator %d: attribute %d is out of range", ind->seq,
                            (int)attribute);
    ind->attribute = attribute;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

zb_status zb_plan_indicator_set_base(zb_plan *plan, size_t i, int year, const char *text)
{
    indicator_rec *ind = indicator_for_change(plan, i, "set base");
    if (!ind)
        return ZB_ERR_ARGUMENT;
    if (!year_ok(year))
        return zb_plan_fail(plan, ZB_ERR_VALUE, "indicator %d: base year %d is not 0 or 1900–9999", ind->seq, year);
    if (!valid_utf8(plan, text))
        return zb_plan_fail(plan, ZB_ERR_ENCODING, "indicator %d: base value is not valid UTF-8", ind->seq);
    char *copy = dup_trimmed(text && *text ? text : NULL);
    if (!copy)
        return fail_nomem(plan);
    free(ind->base_text);
    ind->base_text = copy;
    ind->base_year = *copy ? year : 0;
    ind->base_value = base_number(copy);
    zb_plan_clear_error(plan);
    return ZB_OK;
}

zb_status zb_plan_indicator_set_note(zb_plan *plan, size_t i, const char *note)
{
    indicator_rec *ind = indicator_for_change(plan, i, "set note");
    if (!ind)
        return ZB_ERR_ARGUMENT;
    if (!valid_utf8(plan, note))
        return zb_plan_fail(plan, ZB_ERR_ENCODING, "indicator %d: note is not valid UTF-8", ind->seq);
    char *copy = dup_trimmed(note);
    if (!copy)
        return fail_nomem(plan);
    free(ind->note);
    ind->note = copy;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

size_t zb_plan_indicator_responsible_count(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->responsible.count : 0;
}

const char *zb_plan_indicator_responsible(const zb_plan *plan, size_t i, size_t j)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? str_list_get(&ind->responsible, j) : NULL;
}

const char *zb_plan_indicator_lead(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    if (!ind)
        return NULL;
    return ind->responsible.count ? ind->responsible.items[0] : "";
}

const char *zb_plan_indicator_source(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->source : NULL;
}

double zb_plan_indicator_weight(const zb_plan *plan, size_t i)
{
    const indicator_rec *ind = get_indicator(plan, i);
    return ind ? ind->weight : NAN;
}

/* ---- tasks ------------------------------------------------------------------------------ */

static const task_rec *get_task(const zb_plan *plan, size_t t)
{
    return plan && t < plan->task_count ? &plan->tasks[t] : NULL;
}

zb_status zb_plan_add_task(zb_plan *plan, const zb_task_def *def, size_t *index_out)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!def)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "task: no definition given");
    const char *src = def->source && *def->source ? def->source : "";
    const char *at = *src ? ": " : "";
    const char *num = def->number ? def->number : "";
    if (!def->headings && def->heading_count)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "%s%stask %s: %zu headings announced but none given", src, at,
                            num, def->heading_count);
    const char *texts[] = {def->number, def->title, def->text, def->source};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++)
        if (!valid_utf8(plan, texts[k]))
            return zb_plan_fail(plan, ZB_ERR_ENCODING, "%s%stask %s: text is not valid UTF-8", src, at, num);
    for (size_t k = 0; k < def->heading_count; k++) {
        if (!def->headings[k])
            return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "%s%stask %s: heading %zu is NULL", src, at, num, k + 1);
        if (!valid_utf8(plan, def->headings[k]))
            return zb_plan_fail(plan, ZB_ERR_ENCODING, "%s%stask %s: heading %zu is not valid UTF-8", src, at,
                                num, k + 1);
    }
    task_rec t = {0};
    t.number = dup_trimmed(def->number);
    t.title = dup_trimmed(def->title);
    t.text = dup_trimmed(def->text);
    t.source = zb_strdup(src);
    int bad = !t.number || !t.title || !t.text || !t.source || str_list_reserve(&t.headings, def->heading_count) ||
              zb_grow((void **)&plan->tasks, &plan->task_cap, plan->task_count + 1, sizeof *plan->tasks);
    for (size_t k = 0; !bad && k < def->heading_count; k++) {
        char *h = dup_trimmed(def->headings[k]);
        if (!h)
            bad = 1;
        else
            t.headings.items[t.headings.count++] = h;
    }
    if (bad) {
        task_free(&t);
        return fail_nomem(plan);
    }
    plan->tasks[plan->task_count] = t;
    if (index_out)
        *index_out = plan->task_count;
    plan->task_count++;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

size_t zb_plan_task_count(const zb_plan *plan) { return plan ? plan->task_count : 0; }

const char *zb_plan_task_number(const zb_plan *plan, size_t t)
{
    const task_rec *task = get_task(plan, t);
    return task ? task->number : NULL;
}

size_t zb_plan_task_heading_count(const zb_plan *plan, size_t t)
{
    const task_rec *task = get_task(plan, t);
    return task ? task->headings.count : 0;
}

const char *zb_plan_task_heading(const zb_plan *plan, size_t t, size_t k)
{
    const task_rec *task = get_task(plan, t);
    return task ? str_list_get(&task->headings, k) : NULL;
}

const char *zb_plan_task_title(const zb_plan *plan, size_t t)
{
    const task_rec *task = get_task(plan, t);
    return task ? task->title : NULL;
}

const char *zb_plan_task_text(const zb_plan *plan, size_t t)
{
    const task_rec *task = get_task(plan, t);
    return task ? task->text : NULL;
}

const char *zb_plan_task_source(const zb_plan *plan, size_t t)
{
    const task_rec *task = get_task(plan, t);
    return task ? task->source : NULL;
}

zb_status zb_plan_add_task_duty(zb_plan *plan, size_t t, const char *text, const char *responsible,
                                const char *note)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (t >= plan->task_count)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "task index %zu is out of range (%zu tasks)", t,
                            plan->task_count);
    task_rec *task = &plan->tasks[t];
    const char *texts[] = {text, responsible, note};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++)
        if (!valid_utf8(plan, texts[k]))
            return zb_plan_fail(plan, ZB_ERR_ENCODING, "%s%stask %s: responsibility item is not valid UTF-8",
                                task->source, *task->source ? ": " : "", task->number);
    duty_rec d = {0};
    d.text = dup_trimmed(text);
    d.note = dup_trimmed(note);
    if (!d.text || !d.note || split_units(responsible, &d.responsible) ||
        zb_grow((void **)&task->duties, &task->duty_cap, task->duty_count + 1, sizeof *task->duties)) {
        duty_free(&d);
        return fail_nomem(plan);
    }
    task->duties[task->duty_count++] = d;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

static const duty_rec *get_duty(const zb_plan *plan, size_t t, size_t d)
{
    const task_rec *task = get_task(plan, t);
    return task && d < task->duty_count ? &task->duties[d] : NULL;
}

size_t zb_plan_task_duty_count(const zb_plan *plan, size_t t)
{
    const task_rec *task = get_task(plan, t);
    return task ? task->duty_count : 0;
}

const char *zb_plan_task_duty_text(const zb_plan *plan, size_t t, size_t d)
{
    const duty_rec *duty = get_duty(plan, t, d);
    return duty ? duty->text : NULL;
}

const char *zb_plan_task_duty_note(const zb_plan *plan, size_t t, size_t d)
{
    const duty_rec *duty = get_duty(plan, t, d);
    return duty ? duty->note : NULL;
}

size_t zb_plan_task_duty_responsible_count(const zb_plan *plan, size_t t, size_t d)
{
    const duty_rec *duty = get_duty(plan, t, d);
    return duty ? duty->responsible.count : 0;
}

const char *zb_plan_task_duty_responsible(const zb_plan *plan, size_t t, size_t d, size_t k)
{
    const duty_rec *duty = get_duty(plan, t, d);
    return duty ? str_list_get(&duty->responsible, k) : NULL;
}

size_t zb_plan_task_duty_lead_count(const zb_plan *plan, size_t t, size_t d)
{
    const duty_rec *duty = get_duty(plan, t, d);
    if (!duty || !duty->responsible.count)
        return 0;
    return duty->leads ? duty->leads : 1;
}

zb_status zb_plan_set_task_duty_lead_count(zb_plan *plan, size_t t, size_t d, size_t count)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (t >= plan->task_count || d >= plan->tasks[t].duty_count)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "task %zu, responsibility item %zu: no such item", t, d);
    task_rec *task = &plan->tasks[t];
    duty_rec *duty = &task->duties[d];
    if (count < 1 || count > duty->responsible.count)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s%stask %s: %zu lead units, but the item names %zu unit%s",
                            task->source, *task->source ? ": " : "", task->number, count, duty->responsible.count,
                            duty->responsible.count == 1 ? "" : "s");
    duty->leads = count;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

/* ---- body text ----------------------------------------------------------------------- */

zb_status zb_plan_add_block(zb_plan *plan, int level, const char *text)
{
    return zb_plan_add_block_to(plan, ZB_PART_DOCUMENT, level, text);
}

zb_status zb_plan_add_block_to(zb_plan *plan, zb_part part, int level, const char *text)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if ((int)part != ZB_PART_DOCUMENT && (int)part != ZB_PART_PLAN)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "body block %zu: part %d is not the document (0) or the plan (1)",
                            plan->block_count + 1, (int)part);
    if (level < 0 || level > 4)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "body block %zu: level %d is not 0 (paragraph) to 4",
                            plan->block_count + 1, level);
    if (!text)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "body block %zu: no text given", plan->block_count + 1);
    if (!valid_utf8(plan, text))
        return zb_plan_fail(plan, ZB_ERR_ENCODING, "body block %zu: text is not valid UTF-8",
                            plan->block_count + 1);
    char *copy = dup_trimmed(text);
    if (!copy || zb_grow((void **)&plan->blocks, &plan->block_cap, plan->block_count + 1, sizeof *plan->blocks)) {
        free(copy);
        return fail_nomem(plan);
    }
    plan->blocks[plan->block_count].level = level;
    plan->blocks[plan->block_count].part = part;
    plan->blocks[plan->block_count].text = copy;
    plan->block_count++;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

size_t zb_plan_block_count(const zb_plan *plan) { return plan ? plan->block_count : 0; }

zb_part zb_plan_block_part(const zb_plan *plan, size_t b)
{
    return plan && b < plan->block_count ? plan->blocks[b].part : ZB_PART_DOCUMENT;
}

int zb_plan_block_level(const zb_plan *plan, size_t b)
{
    return plan && b < plan->block_count ? plan->blocks[b].level : -1;
}

const char *zb_plan_block_text(const zb_plan *plan, size_t b)
{
    return plan && b < plan->block_count ? plan->blocks[b].text : NULL;
}

/* ---- attachments ---------------------------------------------------------------------- */

zb_status zb_plan_add_attachment(zb_plan *plan, int number, zb_attachment_kind kind, const char *title,
                                 const char *text)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!title)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "attachment %d: no title given", number);
    if (!valid_utf8(plan, title) || !valid_utf8(plan, text))
        return zb_plan_fail(plan, ZB_ERR_ENCODING, "attachment %d: text is not valid UTF-8", number);
    if (number < 0)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "attachment %s: number %d is negative", title, number);
    if ((int)kind < ZB_ATTACH_TEXT || (int)kind > ZB_ATTACH_UNITS)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "attachment %s: kind %d is out of range", title, (int)kind);
    if (number == 0) {
        int last = plan->attachment_count ? plan->attachments[plan->attachment_count - 1].number : 0;
        if (last == INT_MAX)
            return zb_plan_fail(plan, ZB_ERR_VALUE, "attachment %s: no number is left after %d", title, last);
        number = last + 1;
    }
    /* 附件N names one attachment; a second 附件2 would make references ambiguous. */
    for (size_t k = 0; k < plan->attachment_count; k++)
        if (plan->attachments[k].number == number)
            return zb_plan_fail(plan, ZB_ERR_DUPLICATE, "attachment %d (%s): number %d is already used by %s",
                                number, title, number, plan->attachments[k].title);
    char *t = dup_trimmed(title);
    char *x = dup_trimmed(text);
    zb_status st = ZB_OK;
    if (!t || !x)
        st = fail_nomem(plan);
    else if (!*t)
        st = zb_plan_fail(plan, ZB_ERR_VALUE, "attachment %d: the title is empty", number);
    else if (zb_grow((void **)&plan->attachments, &plan->attachment_cap, plan->attachment_count + 1,
                     sizeof *plan->attachments))
        st = fail_nomem(plan);
    if (st) {
        free(t);
        free(x);
        return st;
    }
    attachment_rec *a = &plan->attachments[plan->attachment_count++];
    a->number = number;
    a->kind = kind;
    a->title = t;
    a->text = x;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

size_t zb_plan_attachment_count(const zb_plan *plan) { return plan ? plan->attachment_count : 0; }

int zb_plan_attachment_number(const zb_plan *plan, size_t a)
{
    return plan && a < plan->attachment_count ? plan->attachments[a].number : 0;
}

zb_attachment_kind zb_plan_attachment_kind(const zb_plan *plan, size_t a)
{
    return plan && a < plan->attachment_count ? plan->attachments[a].kind : ZB_ATTACH_TEXT;
}

const char *zb_plan_attachment_title(const zb_plan *plan, size_t a)
{
    return plan && a < plan->attachment_count ? plan->attachments[a].title : NULL;
}

const char *zb_plan_attachment_text(const zb_plan *plan, size_t a)
{
    return plan && a < plan->attachment_count ? plan->attachments[a].text : NULL;
}

/* ---- actuals ----------------------------------------------------------------------------- */

/* A month in any of its spellings (zb_period_parse) -> year * 12 + month - 1, or -1 when
 * it is not one; canon (may be NULL) receives "YYYY-MM". */
static int parse_period(const char *p, char canon[8])
{
    char m[8];
    if (zb_period_parse(p, m) != 1)
        return -1;
    if (canon)
        memcpy(canon, m, 8);
    int year = (m[0] - '0') * 1000 + (m[1] - '0') * 100 + (m[2] - '0') * 10 + (m[3] - '0');
    return year * 12 + (m[5] - '0') * 10 + (m[6] - '0') - 1;
}

/* Periods stay below 2^17 (9999 * 12 + 11), so the indicator takes the bits above. */
static uint64_t actual_key(size_t indicator, int period)
{
    return ((uint64_t)indicator << 17) | (uint64_t)period;
}

zb_status zb_plan_add_actual(zb_plan *plan, int seq, const char *period, double value, const char *note)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!period)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "actual of indicator %d: no period given", seq);
    if (!valid_utf8(plan, period) || !valid_utf8(plan, note))
        return zb_plan_fail(plan, ZB_ERR_ENCODING, "actual of indicator %d: text is not valid UTF-8", seq);
    size_t i = zb_plan_find_indicator(plan, seq);
    if (i == ZB_NONE)
        return zb_plan_fail(plan, ZB_ERR_NOT_FOUND, "actual for %s: there is no indicator %d", period, seq);
    const indicator_rec *ind = &plan->indicators[i];
    char who[WHO_SIZE];
    char canon[8];
    int pc = parse_period(period, canon);
    if (pc < 0)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s: period \"%s\" is not a month; write it as " ZB_PERIOD_SPELLINGS,
                            who_of(who, ind), period);
    period = canon;
    int year = pc / 12;
    if (plan->first_year && (year < plan->first_year || year > plan->last_year))
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s: period %s is outside the plan's years %d–%d",
                            who_of(who, ind), period, plan->first_year, plan->last_year);
    if (!zb_number_usable(value))
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s: actual for %s is not a number a plan can hold (%g; %s)",
                            who_of(who, ind), period, value, ZB_NUMBER_RANGE);
    value += 0.0; /* -0 is 0 */
    uint64_t key = actual_key(i, pc);
    if (num_index_find(&plan->actual_index, key) != ZB_NONE)
        return zb_plan_fail(plan, ZB_ERR_DUPLICATE, "%s: there is already an actual for %s", who_of(who, ind), period);
    char *copy = dup_trimmed(note);
    if (!copy ||
        zb_grow((void **)&plan->actuals, &plan->actual_cap, plan->actual_count + 1, sizeof *plan->actuals) ||
        num_index_reserve(&plan->actual_index)) {
        free(copy);
        return fail_nomem(plan);
    }
    actual_rec *a = &plan->actuals[plan->actual_count];
    a->indicator = i;
    memcpy(a->period, period, 8);
    a->value = value;
    a->note = copy;
    num_index_put(&plan->actual_index, key, plan->actual_count);
    plan->actual_count++;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

void zb_plan_truncate_actuals(zb_plan *plan, size_t count)
{
    if (!plan)
        return;
    while (plan->actual_count > count) {
        actual_rec *a = &plan->actuals[--plan->actual_count];
        num_index_remove(&plan->actual_index, actual_key(a->indicator, parse_period(a->period, NULL)));
        free(a->note);
        a->note = NULL;
    }
}

size_t zb_plan_actual_count(const zb_plan *plan) { return plan ? plan->actual_count : 0; }

size_t zb_plan_actual_indicator(const zb_plan *plan, size_t a)
{
    return plan && a < plan->actual_count ? plan->actuals[a].indicator : ZB_NONE;
}

const char *zb_plan_actual_period(const zb_plan *plan, size_t a)
{
    return plan && a < plan->actual_count ? plan->actuals[a].period : NULL;
}

double zb_plan_actual_value(const zb_plan *plan, size_t a)
{
    return plan && a < plan->actual_count ? plan->actuals[a].value : NAN;
}

const char *zb_plan_actual_note(const zb_plan *plan, size_t a)
{
    return plan && a < plan->actual_count ? plan->actuals[a].note : NULL;
}

size_t zb_plan_find_actual(const zb_plan *plan, size_t i, const char *period)
{
    if (!plan || i >= plan->indicator_count)
        return ZB_NONE;
    int pc = parse_period(period, NULL);
    if (pc < 0)
        return ZB_NONE;
    return num_index_find(&plan->actual_index, actual_key(i, pc));
}

/* ---- prose targets ------------------------------------------------------------------- */

zb_status zb_plan_add_prose_target(zb_plan *plan, const zb_prose_target_def *def, size_t *index_out)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!def)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "prose target: no definition given");
    const char *src = def->source && *def->source ? def->source : "";
    const char *at = *src ? ": " : "";
    if (!def->name || !def->value)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "%s%sprose target: %s is required", src, at,
                            def->name ? "the value" : "the name");
    const char *texts[] = {def->name, def->unit, def->value, def->sentence, def->source};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++)
        if (!valid_utf8(plan, texts[k]))
            return zb_plan_fail(plan, ZB_ERR_ENCODING, "%s%sprose target: text is not valid UTF-8", src, at);
    if ((int)def->qualifier < ZB_QUAL_AUTO || (int)def->qualifier > ZB_QUAL_AT_MOST)
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s%sprose target %s: qualifier %d is out of range", src, at,
                            def->name, (int)def->qualifier);
    double value;
    if (!zb_parse_target(def->value, &value, NULL) || !isfinite(value))
        return zb_plan_fail(plan, ZB_ERR_VALUE, "%s%sprose target %s: value \"%s\" is not a number", src, at,
                            def->name, def->value);
    int fy = def->first_year, ly = def->last_year;
    if (!(fy == 0 && ly == 0) && !(fy >= 1900 && fy <= ly && ly <= 9999))
        return zb_plan_fail(plan, ZB_ERR_VALUE,
                            "%s%sprose target %s: years %d–%d are not a span of years (1900 <= first <= last <= 9999)",
                            src, at, def->name, fy, ly);
    if (def->task != ZB_NONE && def->task >= plan->task_count)
        return zb_plan_fail(plan, ZB_ERR_NOT_FOUND, "%s%sprose target %s: there is no task %zu (%zu tasks)", src,
                            at, def->name, def->task, plan->task_count);
    prose_rec p = {0};
    p.name = zb_normalize_name(def->name);
    p.unit = zb_normalize_name(def->unit);
    p.value_text = dup_trimmed(def->value);
    p.sentence = dup_trimmed(def->sentence);
    p.source = zb_strdup(src);
    p.value = value;
    p.qualifier = def->qualifier == ZB_QUAL_AUTO ? ZB_QUAL_NONE : def->qualifier;
    p.first_year = fy;
    p.last_year = ly;
    p.task = def->task;
    zb_status st = ZB_OK;
    if (!p.name || !p.unit || !p.value_text || !p.sentence || !p.source)
        st = fail_nomem(plan);
    else if (!*p.name)
        st = zb_plan_fail(plan, ZB_ERR_VALUE, "%s%sprose target %s: the name is empty", src, at, def->value);
    else if (zb_grow((void **)&plan->prose, &plan->prose_cap, plan->prose_count + 1, sizeof *plan->prose))
        st = fail_nomem(plan);
    if (st) {
        prose_free(&p);
        return st;
    }
    plan->prose[plan->prose_count] = p;
    if (index_out)
        *index_out = plan->prose_count;
    plan->prose_count++;
    zb_plan_clear_error(plan);
    return ZB_OK;
}

static const prose_rec *get_prose(const zb_plan *plan, size_t p)
{
    return plan && p < plan->prose_count ? &plan->prose[p] : NULL;
}

size_t zb_plan_prose_target_count(const zb_plan *plan) { return plan ? plan->prose_count : 0; }

const char *zb_plan_prose_target_name(const zb_plan *plan, size_t p)
{
    const prose_rec *r = get_prose(plan, p);
    return r ? r->name : NULL;
}

const char *zb_plan_prose_target_unit(const zb_plan *plan, size_t p)
{
    const prose_rec *r = get_prose(plan, p);
    return r ? r->unit : NULL;
}

const char *zb_plan_prose_target_value_text(const zb_plan *plan, size_t p)
{
    const prose_rec *r = get_prose(plan, p);
    return r ? r->value_text : NULL;
}

double zb_plan_prose_target_value(const zb_plan *plan, size_t p)
{
    const prose_rec *r = get_prose(plan, p);
    return r ? r->value : NAN;
}

zb_qualifier zb_plan_prose_target_qualifier(const zb_plan *plan, size_t p)
{
    const prose_rec *r = get_prose(plan, p);
    return r ? r->qualifier : ZB_QUAL_AUTO;
}

int zb_plan_prose_target_first_year(const zb_plan *plan, size_t p)
{
    const prose_rec *r = get_prose(plan, p);
    if (!r)
        return 0;
    return r->first_year ? r->first_year : plan->first_year;
}

int zb_plan_prose_target_last_year(const zb_plan *plan, size_t p)
{
    const prose_rec *r = get_prose(plan, p);
    if (!r)
        return 0;
    return r->last_year ? r->last_year : plan->last_year;
}

/* The years as given, 0 when they are the plan's: what a saver writes. */
void zb_plan_prose_target_given_years(const zb_plan *plan, size_t p, int *first, int *last)
{
    const prose_rec *r = get_prose(plan, p);
    *first = r ? r->first_year : 0;
    *last = r ? r->last_year : 0;
}

const char *zb_plan_prose_target_sentence(const zb_plan *plan, size_t p)
{
    const prose_rec *r = get_prose(plan, p);
    return r ? r->sentence : NULL;
}

size_t zb_plan_prose_target_task(const zb_plan *plan, size_t p)
{
    const prose_rec *r = get_prose(plan, p);
    return r ? r->task : ZB_NONE;
}

const char *zb_plan_prose_target_source(const zb_plan *plan, size_t p)
{
    const prose_rec *r = get_prose(plan, p);
    return r ? r->source : NULL;
}

/* ---- whole-plan operations and notes ---------------------------------------------------- */

void zb_plan_swap(zb_plan *a, zb_plan *b)
{
    if (!a || !b || a == b)
        return;
    /* The indexes point at heap strings, never into the struct, so a plain exchange of the
     * structs moves them intact. */
    zb_plan tmp = *a;
    *a = *b;
    *b = tmp;
}

void zb_plan_move_table(zb_plan *dst, zb_plan *src)
{
    if (!dst || !src || dst == src)
        return;
    table_free(dst);
    forget_last_category(src);
    dst->categories = src->categories;
    dst->category_index = src->category_index;
    dst->indicators = src->indicators;
    dst->indicator_count = src->indicator_count;
    dst->indicator_cap = src->indicator_cap;
    dst->seq_index = src->seq_index;
    dst->max_seq = src->max_seq;
    dst->actuals = src->actuals;
    dst->actual_count = src->actual_count;
    dst->actual_cap = src->actual_cap;
    dst->actual_index = src->actual_index;
    memset(&src->categories, 0, sizeof src->categories);
    memset(&src->category_index, 0, sizeof src->category_index);
    src->indicators = NULL;
    src->indicator_count = src->indicator_cap = 0;
    memset(&src->seq_index, 0, sizeof src->seq_index);
    src->max_seq = 0;
    src->actuals = NULL;
    src->actual_count = src->actual_cap = 0;
    memset(&src->actual_index, 0, sizeof src->actual_index);

    /* Notes: dst keeps its other notes and takes src's table notes. Partitioning in place
     * needs no allocation except growing dst's array; if that fails, src's table notes are
     * dropped rather than the move (this function cannot report failure). */
    size_t kept = 0;
    for (size_t k = 0; k < dst->note_count; k++) {
        if (dst->notes[k].table)
            note_free(&dst->notes[k]);
        else
            dst->notes[kept++] = dst->notes[k];
    }
    dst->note_count = kept;
    size_t moving = 0;
    for (size_t k = 0; k < src->note_count; k++)
        moving += src->notes[k].table != 0;
    int room = moving == 0 || notes_reserve(dst, moving) == 0;
    kept = 0;
    for (size_t k = 0; k < src->note_count; k++) {
        if (!src->notes[k].table)
            src->notes[kept++] = src->notes[k];
        else if (room)
            notes_push(dst, &src->notes[k]);
        else
            note_free(&src->notes[k]);
    }
    src->note_count = kept;
}

zb_status zb_plan_add_note(zb_plan *plan, const char *where, const char *what, const char *before,
                           const char *after)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!what || !before || !after)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "note: what, before and after are required");
    const char *texts[] = {where, what, before, after};
    if (check_texts(plan, "note", texts, 4))
        return ZB_ERR_ENCODING;
    /* Notes about categories and indicators travel with the table (zb_plan_move_table). */
    int table = strncmp(what, "category", 8) == 0 || strncmp(what, "indicator", 9) == 0;
    note_rec note;
    if (notes_reserve(plan, 1) || note_make(&note, where, "", what, before, after, table))
        return fail_nomem(plan);
    notes_push(plan, &note);
    zb_plan_clear_error(plan);
    return ZB_OK;
}

size_t zb_plan_note_count(const zb_plan *plan) { return plan ? plan->note_count : 0; }

int zb_plan_note_get(const zb_plan *plan, size_t i, const char **location, const char **message)
{
    if (!plan || i >= plan->note_count)
        return 0;
    *location = plan->notes[i].location;
    *message = plan->notes[i].message;
    return 1;
}
