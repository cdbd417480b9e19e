/* zb_plan_validate(): what is wrong with a plan, in one pass, without changing it.
 *
 * Only reads the plan (through the public getters and the recorded notes), so several
 * threads may validate one plan at once. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan_internal.h"

/* Defined in plan.c; plan_internal.h does not declare them. */

typedef struct finding {
    zb_severity severity;
    const char *code; /* static */
    char *location;
    char *message;
} finding;

struct zb_findings {
    finding *items;
    size_t count;
    size_t cap;
    size_t errors;
};

size_t zb_findings_count(const zb_findings *findings) { return findings ? findings->count : 0; }

size_t zb_findings_error_count(const zb_findings *findings) { return findings ? findings->errors : 0; }

/* A bad index reads as a note: the mildest answer, never an error that is not there. */
zb_severity zb_findings_severity(const zb_findings *findings, size_t i)
{
    return findings && i < findings->count ? findings->items[i].severity : ZB_SEV_NOTE;
}

const char *zb_findings_code(const zb_findings *findings, size_t i)
{
    return findings && i < findings->count ? findings->items[i].code : NULL;
}

const char *zb_findings_location(const zb_findings *findings, size_t i)
{
    return findings && i < findings->count ? findings->items[i].location : NULL;
}

const char *zb_findings_message(const zb_findings *findings, size_t i)
{
    return findings && i < findings->count ? findings->items[i].message : NULL;
}

void zb_findings_free(zb_findings *findings)
{
    if (!findings)
        return;
    for (size_t i = 0; i < findings->count; i++) {
        free(findings->items[i].location);
        free(findings->items[i].message);
    }
    free(findings->items);
    free(findings);
}

/* Appends a finding; the message buffer is consumed. 0 = ok, -1 = out of memory. */
static int add_finding(zb_findings *f, zb_severity severity, const char *code, const char *location, zb_buf *msg)
{
    char *message = zb_buf_take(msg);
    char *loc = zb_strdup(location);
    if (!message || !loc || zb_grow((void **)&f->items, &f->cap, f->count + 1, sizeof *f->items)) {
        free(message);
        free(loc);
        return -1;
    }
    finding *x = &f->items[f->count++];
    x->severity = severity;
    x->code = code;
    x->location = loc;
    x->message = message;
    if (severity == ZB_SEV_ERROR)
        f->errors++;
    return 0;
}

zb_findings *zb_findings_new(void) { return calloc(1, sizeof(zb_findings)); }

int zb_findings_add(zb_findings *f, zb_severity severity, const char *code, const char *location, const char *fmt,
                    ...)
{
    if (!f)
        return -1;
    zb_buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    char small[512];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if ((size_t)n < sizeof small) {
        zb_buf_add(&msg, small, (size_t)n);
    } else {
        char *big = malloc((size_t)n + 1);
        if (!big)
            return -1;
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        zb_buf_add(&msg, big, (size_t)n);
        free(big);
    }
    if (msg.failed) {
        zb_buf_free(&msg);
        return -1;
    }
    return add_finding(f, severity, code, location ? location : "", &msg);
}

/* ---- nearest unit name ------------------------------------------------------------------ */

/* A name as code points, so that edit distance counts characters, not bytes. */
typedef struct codepoints {
    uint32_t *cp;
    size_t len;
} codepoints;

static int to_codepoints(const char *s, codepoints *out)
{
    size_t n = zb_utf8_length(s), k;
    out->len = 0;
    out->cp = malloc((n ? n : 1) * sizeof *out->cp);
    if (!out->cp)
        return -1;
    for (size_t i = 0; s[i]; i += k)
        out->cp[out->len++] = zb_utf8_decode(s + i, &k);
    return 0;
}

/* Optimal string alignment distance (Levenshtein plus swapping two neighbours), which
 * catches the slips of a retyped unit list: 县规划和自然资源局 / 县规和自然划资源局.
 * rows: 3 * (b->len + 1) scratch. */
static size_t osa_distance(const codepoints *a, const codepoints *b, size_t *rows)
{
    size_t w = b->len + 1;
    size_t *two = rows, *one = rows + w, *cur = rows + 2 * w;
    for (size_t j = 0; j < w; j++)
        one[j] = j;
    for (size_t i = 1; i <= a->len; i++) {
        cur[0] = i;
        for (size_t j = 1; j < w; j++) {
            size_t cost = a->cp[i - 1] != b->cp[j - 1];
            size_t d = one[j] + 1;
            if (cur[j - 1] + 1 < d)
                d = cur[j - 1] + 1;
            if (one[j - 1] + cost < d)
                d = one[j - 1] + cost;
            if (i > 1 && j > 1 && a->cp[i - 1] == b->cp[j - 2] && a->cp[i - 2] == b->cp[j - 1] &&
                two[j - 2] + 1 < d)
                d = two[j - 2] + 1;
            cur[j] = d;
        }
        size_t *t = two;
        two = one;
        one = cur;
        cur = t;
    }
    return one[w - 1];
}

/* Missing names and their suggestions, so that a unit missing from 500 rows costs one
 * search of the directory. Keys point at the plan's strings. */
typedef struct miss_slot {
    const char *name; /* NULL = empty */
    size_t suggestion; /* directory index or ZB_NONE */
} miss_slot;

typedef struct checker {
    const zb_plan *plan;
    codepoints *dir; /* the directory as code points, made at the first miss */
    size_t dir_count;
    size_t *rows;
    size_t rows_cap;
    miss_slot *slots;
    size_t cap, count;
    zb_buf where, subject; /* of the indicator being checked; reused */
} checker;

static size_t hash_name(const char *s)
{
    size_t h = 5381;
    for (; *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h;
}

static void checker_free(checker *c)
{
    for (size_t i = 0; i < c->dir_count; i++)
        free(c->dir[i].cp);
    free(c->dir);
    free(c->rows);
    free(c->slots);
    zb_buf_free(&c->where);
    zb_buf_free(&c->subject);
}

static int checker_load_directory(checker *c)
{
    size_t n = zb_plan_unit_count(c->plan);
    c->dir = calloc(n ? n : 1, sizeof *c->dir);
    if (!c->dir)
        return -1;
    for (; c->dir_count < n; c->dir_count++)
        if (to_codepoints(zb_plan_unit_name(c->plan, c->dir_count), &c->dir[c->dir_count]))
            return -1;
    return 0;
}

/* How many characters of a also occur in b (each match used once). */
static size_t shared_characters(const codepoints *a, const codepoints *b)
{
    size_t n = 0;
    for (size_t i = 0; i < a->len; i++) {
        size_t seen_a = 0, seen_b = 0;
        for (size_t k = 0; k < i; k++)
            seen_a += a->cp[k] == a->cp[i];
        for (size_t k = 0; k < b->len; k++)
            seen_b += b->cp[k] == a->cp[i];
        n += seen_a < seen_b;
    }
    return n;
}

/* The directory name nearest to name, when near enough to be a slip: at most
 * max(2, len / 3) edits. Among equally near names the one sharing more characters wins
 * (县市监局 is short for 县市场监管局, not a misspelling of 县经信局), then the earlier one,
 * so results are stable. */
static int nearest_unit(checker *c, const char *name, size_t *out)
{
    *out = ZB_NONE;
    if (!c->dir && checker_load_directory(c))
        return -1;
    codepoints a;
    if (to_codepoints(name, &a))
        return -1;
    size_t limit = a.len / 3 > 2 ? a.len / 3 : 2, best = limit + 1, best_shared = 0;
    for (size_t i = 0; i < c->dir_count; i++) {
        const codepoints *b = &c->dir[i];
        /* The lengths alone bound the distance from below. */
        size_t gap = a.len > b->len ? a.len - b->len : b->len - a.len;
        if (gap > best)
            continue;
        size_t need = 3 * (b->len + 1);
        if (zb_grow((void **)&c->rows, &c->rows_cap, need, sizeof *c->rows)) {
            free(a.cp);
            return -1;
        }
        size_t d = osa_distance(&a, b, c->rows);
        if (d > limit || d > best)
            continue;
        size_t shared = shared_characters(&a, b);
        if (d < best || shared > best_shared) {
            best = d;
            best_shared = shared;
            *out = i;
        }
    }
    free(a.cp);
    return 0;
}

/* Suggestion for a name missing from the directory, cached per distinct name. */
static int suggest(checker *c, const char *name, size_t *out)
{
    if ((c->count + 1) * 2 > c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        miss_slot *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return -1;
        for (size_t i = 0; i < c->cap; i++) {
            if (!c->slots[i].name)
                continue;
            size_t k = hash_name(c->slots[i].name) & (cap - 1);
            while (slots[k].name)
                k = (k + 1) & (cap - 1);
            slots[k] = c->slots[i];
        }
        free(c->slots);
        c->slots = slots;
        c->cap = cap;
    }
    size_t k = hash_name(name) & (c->cap - 1);
    for (; c->slots[k].name; k = (k + 1) & (c->cap - 1)) {
        if (strcmp(c->slots[k].name, name) == 0) {
            *out = c->slots[k].suggestion;
            return 0;
        }
    }
    if (nearest_unit(c, name, out))
        return -1;
    c->slots[k].name = name;
    c->slots[k].suggestion = *out;
    c->count++;
    return 0;
}

/* Warns about one responsible unit when the directory lacks it. */
static int check_unit(checker *c, zb_findings *f, const char *location, const char *subject, const char *unit)
{
    /* 县级相关部门 stands for several units; no directory lists it. */
    if (zb_plan_find_unit(c->plan, unit) != ZB_NONE || zb_infer_collective(unit))
        return 0;
    size_t s;
    if (suggest(c, unit, &s))
        return -1;
    zb_buf msg = {0};
    zb_buf_addf(&msg, "%s: responsible unit %s is not in the unit list", subject, unit);
    if (s != ZB_NONE)
        zb_buf_addf(&msg, "; did you mean %s?", zb_plan_unit_name(c->plan, s));
    return add_finding(f, ZB_SEV_WARNING, "unknown-unit", location, &msg);
}

/* ---- the checks ------------------------------------------------------------------------- */

static int has_percent(const char *s) { return strchr(s, '%') || strstr(s, "％"); }

/* The unit a numeric target cell writes after its number (`8000万元以上` → 万元), without the
 * qualifier words and white space around it; "" when none. out holds 64 bytes. */
static const char *target_unit(const char *s, char *out)
{
    static const char *const tails[] = {"及以上", "以上", "左右", "及以下", "以下", "以内"};
    const char *p = s, *after = NULL;
    while (*p) {
        const char *q = p;
        if (zb_read_digit(&q) >= 0) {
            after = q;
            p = q;
        } else {
            p++;
        }
    }
    out[0] = '\0';
    if (!after)
        return out;
    while (*after == ' ' || !strncmp(after, "\xE3\x80\x80", 3))
        after += *after == ' ' ? 1 : 3;
    size_t n = strlen(after);
    for (int again = 1; again;) {
        again = 0;
        while (n && after[n - 1] == ' ')
            n--;
        for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
            size_t t = strlen(tails[k]);
            if (n >= t && !memcmp(after + n - t, tails[k], t)) {
                n -= t;
                again = 1;
                break;
            }
        }
    }
    if (n >= 64)
        return out;
    memcpy(out, after, n);
    out[n] = '\0';
    return out;
}

/* The unit without the orders of magnitude in front of it (万元 → 元, 亿千瓦时 → 瓦时), so
 * that 万元 and 亿元 are told apart as the same unit at another scale. */
static const char *unit_base(const char *u)
{
    static const char *const magnitudes[] = {"十", "百", "千", "万", "亿"};
    for (int again = 1; again;) {
        again = 0;
        for (size_t k = 0; k < sizeof magnitudes / sizeof *magnitudes; k++)
            if (!strncmp(u, magnitudes[k], 3) && u[3]) {
                u += 3;
                again = 1;
            }
    }
    return u;
}

/* A text as a finding quotes it: whole up to 60 characters, else its first 60 and "…" (a
 * target of a cell's 32,767 characters is not repeated in full). */
static const char *excerpt(zb_buf *b, const char *s)
{
    size_t n = 0, chars = 0, len = strlen(s);
    while (n < len && chars < 60) {
        size_t k;
        zb_utf8_decode(s + n, &k);
        n += k ? k : 1;
        chars++;
    }
    if (n >= len)
        return s;
    b->len = 0;
    zb_buf_add(b, s, n);
    zb_buf_adds(b, "…");
    return b->failed ? s : b->data;
}



static int check_indicator(checker *c, zb_findings *f, size_t i)
{
    const zb_plan *plan = c->plan;
    int seq = zb_plan_indicator_seq(plan, i);
    const char *name = zb_plan_indicator_name(plan, i);
    const char *source = zb_plan_indicator_source(plan, i);
    const char *unit = zb_plan_indicator_unit(plan, i);

    /* Made for every indicator, findings or not: the checker's buffers, without printf. */
    zb_buf *where = &c->where, *subject = &c->subject;
    zb_buf quote = {0};
    where->len = subject->len = 0;
    zb_buf_adds(subject, "indicator ");
    zb_buf_add_uint(subject, (unsigned)seq);
    zb_buf_adds(where, *source ? source : subject->data ? subject->data : "");
    zb_buf_adds(subject, " (");
    zb_buf_adds(subject, excerpt(&quote, name));
    zb_buf_addc(subject, ')');
    int bad = where->failed || subject->failed;
    zb_buf msg = {0};

    if (!bad && !*name) {
        zb_buf_addf(&msg, "indicator %d: the name is empty", seq);
        bad = add_finding(f, ZB_SEV_ERROR, "empty-name", where->data, &msg);
    }
    if (!bad && *unit && zb_plan_indicator_unit_given(plan, i)) {
        /* 工业投资(亿元) with a 计量单位 of 万元: one of the two is wrong by a scale. */
        char named[64];
        if (zb_infer_unit(name, named, sizeof named) < sizeof named - 1 && *named && strcmp(named, unit) != 0 &&
            strcmp(unit_base(named), unit_base(unit)) == 0) {
            zb_buf_addf(&msg, "%s: the name says %s but the unit (计量单位) is %s: targets and actuals are read as %s",
                        subject->data, named, unit, unit);
            bad = add_finding(f, ZB_SEV_WARNING, "unit-conflict", where->data, &msg);
        }
    }
    size_t nt = zb_plan_indicator_target_count(plan, i);
    if (!bad && nt == 0) {
        zb_buf_addf(&msg, "%s: has no target", subject->data);
        bad = add_finding(f, ZB_SEV_NOTE, "no-target", where->data, &msg);
    }
    /* Every form a published table uses is accepted; what each means is said once here. */
    for (size_t k = 0; !bad && k < nt; k++) {
        const char *whole = zb_plan_indicator_target_text_at(plan, i, k);
        const char *text = excerpt(&quote, whole);
        const char *loc = zb_plan_indicator_target_source(plan, i, k);
        if (!loc || !*loc)
            loc = where->data;
        int year = zb_plan_indicator_target_year(plan, i, k);
        char which[32] = "target";
        if (year)
            snprintf(which, sizeof which, "%d target", year);
        switch (zb_plan_indicator_target_class_at(plan, i, k)) {
        case ZB_TARGET_NONE:
            zb_buf_addf(&msg, "%s: %s \"%s\" is a placeholder: no target", subject->data, which, text);
            bad = add_finding(f, ZB_SEV_NOTE, "no-target", loc, &msg);
            break;
        case ZB_TARGET_QUALITATIVE:
            zb_buf_addf(&msg, "%s: %s \"%s\" is qualitative: reported as 定性, not scored as a number",
                        subject->data, which, text);
            bad = add_finding(f, ZB_SEV_NOTE, "qualitative-target", loc, &msg);
            break;
        case ZB_TARGET_UNRECOGNISED:
            zb_buf_addf(&msg,
                        "%s: %s \"%s\" is neither a number nor a recognised phrase; it is shown as written and "
                        "judged 无目标值",
                        subject->data, which, text);
            bad = add_finding(f, ZB_SEV_WARNING, "target-not-number", loc, &msg);
            break;
        case ZB_TARGET_NUMERIC:
            if (zb_plan_indicator_target_as_change_at(plan, i, k)) {
                zb_buf_addf(&msg,
                            "%s: %s \"%s\" is a change and the indicator has no base value (基期值): actuals "
                            "are read as the change",
                            subject->data, which, text);
                bad = add_finding(f, ZB_SEV_NOTE, "change-without-base", loc, &msg);
            } else if (zb_plan_indicator_target_change_at(plan, i, k) == ZB_CHANGE_NONE && has_percent(whole) &&
                       strcmp(unit, "%") != 0 && strcmp(unit, "％") != 0) {
                if (*unit)
                    zb_buf_addf(&msg, "%s: %s \"%s\" is a percentage but the unit is %s", subject->data, which,
                                text, unit);
                else
                    zb_buf_addf(&msg, "%s: %s \"%s\" is a percentage but the indicator has no unit",
                                subject->data, which, text);
                bad = add_finding(f, ZB_SEV_WARNING, "percent-target", loc, &msg);
            } else if (zb_plan_indicator_target_change_at(plan, i, k) == ZB_CHANGE_NONE && *unit) {
                /* 8000万元 against a unit of 亿元: the number would be read as 8000 亿元. */
                char tu[64];
                target_unit(whole, tu);
                if (*tu && strcmp(tu, unit) != 0 && strcmp(unit_base(tu), unit_base(unit)) == 0) {
                    zb_buf_addf(&msg,
                                "%s: %s \"%s\" is written in %s but the indicator's unit is %s: its number is "
                                "read as %s; write the target in %s",
                                subject->data, which, text, tu, unit, unit, unit);
                    bad = add_finding(f, ZB_SEV_WARNING, "target-unit", loc, &msg);
                }
            }
            break;
        }
    }
    /* The responsible units are unique per indicator (the model drops repeats), so each
     * missing one is reported once. */
    if (zb_plan_unit_count(plan) > 0) {
        size_t n = zb_plan_indicator_responsible_count(plan, i);
        for (size_t j = 0; !bad && j < n; j++)
            bad = check_unit(c, f, where->data, subject->data, zb_plan_indicator_responsible(plan, i, j));
    }
    zb_buf_free(&msg);
    zb_buf_free(&quote);
    return bad ? -1 : 0;
}

static int check_task(checker *c, zb_findings *f, size_t t)
{
    const zb_plan *plan = c->plan;
    const char *number = zb_plan_task_number(plan, t);
    const char *source = zb_plan_task_source(plan, t);
    const char *title = zb_plan_task_title(plan, t);
    zb_buf where = {0}, subject = {0};
    if (*number)
        zb_buf_addf(&subject, "task %s", number);
    else
        zb_buf_addf(&subject, "task #%zu", t + 1);
    zb_buf_adds(&where, *source ? source : subject.data ? subject.data : "");
    if (*title)
        zb_buf_addf(&subject, " (%s)", title);
    int bad = where.failed || subject.failed;

    /* Items of one task often name the same unit; say it once per task. */
    size_t nd = zb_plan_task_duty_count(plan, t);
    for (size_t d = 0; !bad && d < nd; d++) {
        size_t nk = zb_plan_task_duty_responsible_count(plan, t, d);
        for (size_t k = 0; !bad && k < nk; k++) {
            const char *unit = zb_plan_task_duty_responsible(plan, t, d, k);
            int seen = 0;
            for (size_t e = 0; !seen && e <= d; e++) {
                size_t ne = e < d ? zb_plan_task_duty_responsible_count(plan, t, e) : k;
                for (size_t m = 0; !seen && m < ne; m++)
                    seen = strcmp(zb_plan_task_duty_responsible(plan, t, e, m), unit) == 0;
            }
            if (!seen)
                bad = check_unit(c, f, where.data, subject.data, unit);
        }
    }
    zb_buf_free(&where);
    zb_buf_free(&subject);
    return bad ? -1 : 0;
}

static int check_categories(const zb_plan *plan, zb_findings *f)
{
    size_t nc = zb_plan_category_count(plan);
    if (!nc)
        return 0;
    size_t *used = calloc(nc, sizeof *used);
    if (!used)
        return -1;
    size_t ni = zb_plan_indicator_count(plan);
    for (size_t i = 0; i < ni; i++) {
        size_t cat = zb_plan_indicator_category(plan, i);
        if (cat < nc)
            used[cat]++;
    }
    int bad = 0;
    for (size_t k = 0; !bad && k < nc; k++) {
        if (used[k])
            continue;
        const char *name = zb_plan_category_name(plan, k);
        zb_buf where = {0}, msg = {0};
        zb_buf_addf(&where, "category %s", name);
        zb_buf_addf(&msg, "category %s has no indicators", name);
        bad = where.failed || add_finding(f, ZB_SEV_WARNING, "empty-category", where.data, &msg);
        zb_buf_free(&where);
        zb_buf_free(&msg);
    }
    free(used);
    return bad ? -1 : 0;
}

/* ---- prose targets against the table ------------------------------------------------------ */

/* Length of the longest common subsequence of a and b; rows: 2 * (b->len + 1) scratch. */
static size_t lcs_length(const codepoints *a, const codepoints *b, size_t *rows)
{
    size_t w = b->len + 1, *prev = rows, *cur = rows + w;
    for (size_t j = 0; j < w; j++)
        prev[j] = 0;
    for (size_t i = 1; i <= a->len; i++) {
        cur[0] = 0;
        for (size_t j = 1; j < w; j++) {
            if (a->cp[i - 1] == b->cp[j - 1])
                cur[j] = prev[j - 1] + 1;
            else
                cur[j] = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
        }
        size_t *t = prev;
        prev = cur;
        cur = t;
    }
    return prev[w - 1];
}

static int contains_cp(const codepoints *hay, const codepoints *needle)
{
    if (needle->len > hay->len)
        return 0;
    for (size_t i = 0; i + needle->len <= hay->len; i++)
        if (memcmp(hay->cp + i, needle->cp, needle->len * sizeof *needle->cp) == 0)
            return 1;
    return 0;
}

/* How two names of the same unit relate. SAME: one is the other, give or take a few words
 * (新增“小升规”企业 / 新增“小升规”企业; 全县规上工业增加值增速 / 规上工业增加值增速): equal, or one
 * contains the other and is at least 2/3 of it. ALIKE: they probably count the same thing
 * (新培育认定市级以上企业研发机构 / 新增市级以上研发机构): SAME, or one contains the other, or an
 * edit distance of at most half the shorter, or 2/3 of the shorter's characters in order in
 * the longer. Otherwise they are different. */
enum { NAMES_DIFFERENT = 0, NAMES_ALIKE = 1, NAMES_SAME = 2 };

static int compare_names(const codepoints *a, const codepoints *b, size_t *rows)
{
    const codepoints *s = a->len <= b->len ? a : b, *l = s == a ? b : a;
    if (s->len == 0)
        return NAMES_DIFFERENT;
    if (contains_cp(l, s))
        return s->len * 3 >= l->len * 2 ? NAMES_SAME : NAMES_ALIKE;
    if (osa_distance(a, b, rows) * 2 <= s->len)
        return NAMES_ALIKE;
    if (lcs_length(a, b, rows) * 3 >= s->len * 2)
        return NAMES_ALIKE;
    return NAMES_DIFFERENT;
}

typedef struct table_entry {
    const char *unit; /* % and ％ both read as % */
    double value;     /* NaN sorts last */
    size_t index;
} table_entry;

static const char *canonical_unit(const char *u) { return strcmp(u, "％") == 0 ? "%" : u; }

static int compare_entries(const void *pa, const void *pb)
{
    const table_entry *a = pa, *b = pb;
    int c = strcmp(a->unit, b->unit);
    if (c)
        return c;
    int an = isnan(a->value), bn = isnan(b->value);
    if (an || bn)
        return an - bn;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static int same_value(double a, double b) { return fabs(a - b) <= 1e-9 * (fabs(a) > 1 ? fabs(a) : 1); }

/* A prose target is checked against the indicators of its unit only, found by binary search
 * in the table sorted by unit then value: a plan with thousands of targets stays cheap.
 * Two findings:
 * - the same name (SAME) with another number: the text and the table disagree;
 * - the same number and unit under a name unlike any indicator's, where that indicator is
 *   matched by no prose target either and the two names still share two characters in
 *   order: probably one quantity under two names (新型储能装机 0.5万千瓦 / 光伏发电装机量 0.5,
 *   sharing 装机). Requiring both to be unmatched and a little alike keeps a common value
 *   (1个) from pairing unrelated targets. */
static int check_prose(checker *c, zb_findings *f)
{
    const zb_plan *plan = c->plan;
    size_t np = zb_plan_prose_target_count(plan), ni = zb_plan_indicator_count(plan);
    if (!np || !ni)
        return 0;
    int bad = 0;
    table_entry *table = calloc(ni, sizeof *table);
    codepoints *names = calloc(ni, sizeof *names);
    unsigned char *ind_matched = calloc(ni, 1);
    unsigned char *prose_matched = calloc(np, 1);
    codepoints pn = {0};
    if (!table || !names || !ind_matched || !prose_matched)
        bad = 1;
    for (size_t i = 0; !bad && i < ni; i++) {
        table[i].unit = canonical_unit(zb_plan_indicator_unit(plan, i));
        table[i].value = zb_plan_indicator_target(plan, i);
        table[i].index = i;
        bad = to_codepoints(zb_plan_indicator_bare_name(plan, i), &names[i]);
    }
    if (!bad)
        qsort(table, ni, sizeof *table, compare_entries);

    /* First pass: which targets and indicators have a namesake. */
    for (int pass = 0; pass < 2 && !bad; pass++) {
        for (size_t p = 0; !bad && p < np; p++) {
            const char *unit = canonical_unit(zb_plan_prose_target_unit(plan, p));
            double value = zb_plan_prose_target_value(plan, p);
            size_t lo = 0, hi = ni;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (strcmp(table[mid].unit, unit) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo == ni || strcmp(table[lo].unit, unit) != 0)
                continue;
            free(pn.cp);
            pn.cp = NULL;
            if (to_codepoints(zb_plan_prose_target_name(plan, p), &pn)) {
                bad = 1;
                break;
            }
            size_t same = ZB_NONE, same_equal = 0, other = ZB_NONE;
            for (size_t k = lo; !bad && k < ni && strcmp(table[k].unit, unit) == 0; k++) {
                size_t i = table[k].index;
                size_t need = 3 * ((pn.len > names[i].len ? pn.len : names[i].len) + 1);
                if (zb_grow((void **)&c->rows, &c->rows_cap, need, sizeof *c->rows)) {
                    bad = 1;
                    break;
                }
                /* compare_names reads the rows of the longer's width; make it the second. */
                int rel = pn.len >= names[i].len ? compare_names(&names[i], &pn, c->rows)
                                                 : compare_names(&pn, &names[i], c->rows);
                int equal = same_value(table[k].value, value);
                if (pass == 0) {
                    if (rel != NAMES_DIFFERENT) {
                        prose_matched[p] = 1;
                        ind_matched[i] = 1;
                    }
                    continue;
                }
                if (rel == NAMES_SAME) {
                    if (equal)
                        same_equal = 1;
                    else if (same == ZB_NONE && !isnan(table[k].value))
                        same = i;
                }
                if (equal && !prose_matched[p] && !ind_matched[i] && other == ZB_NONE &&
                    (pn.len >= names[i].len ? lcs_length(&names[i], &pn, c->rows)
                                            : lcs_length(&pn, &names[i], c->rows)) >= 2)
                    other = i;
            }
            if (pass == 0 || bad)
                continue;
            size_t hit = !same_equal && same != ZB_NONE ? same : other;
            if (hit == ZB_NONE)
                continue;
            zb_buf where = {0}, msg = {0};
            const char *source = zb_plan_prose_target_source(plan, p);
            if (*source)
                zb_buf_adds(&where, source);
            else
                zb_buf_addf(&where, "prose target %zu", p + 1);
            /* The source is the finding's location already. */
            zb_buf_addf(&msg, "prose target “%s%s%s” ", zb_plan_prose_target_name(plan, p),
                        zb_plan_prose_target_value_text(plan, p), zb_plan_prose_target_unit(plan, p));
            if (hit == same)
                zb_buf_addf(&msg, "says %s where indicator %d (%s) says %s", zb_plan_prose_target_value_text(plan, p),
                            zb_plan_indicator_seq(plan, hit), zb_plan_indicator_name(plan, hit),
                            zb_plan_indicator_target_text(plan, hit));
            else
                zb_buf_addf(&msg, "has the number and unit of indicator %d (%s) under another name",
                            zb_plan_indicator_seq(plan, hit), zb_plan_indicator_name(plan, hit));
            bad = where.failed || add_finding(f, ZB_SEV_WARNING, "prose-mismatch", where.data, &msg);
            zb_buf_free(&where);
            zb_buf_free(&msg);
        }
    }
    free(pn.cp);
    for (size_t i = 0; names && i < ni; i++)
        free(names[i].cp);
    free(names);
    free(table);
    free(ind_matched);
    free(prose_matched);
    return bad ? -1 : 0;
}

/* ---- what a document needs ---------------------------------------------------------- */

static int check_document(const zb_plan *plan, zb_document_kind document, zb_findings *f)
{
    /* A table of indicators with none in it is a silent nothing: say so (an import that did
     * not read its table ends here). */
    if ((document == ZB_DOCUMENT_TABLE || document == ZB_DOCUMENT_PROGRESS || document == ZB_DOCUMENT_ASSESSMENT) &&
        !zb_plan_indicator_count(plan))
        return zb_findings_add(f, ZB_SEV_ERROR, "no-indicators", "indicators",
                               "%s needs indicators; the plan has none",
                               document == ZB_DOCUMENT_TABLE      ? "a target table"
                               : document == ZB_DOCUMENT_PROGRESS ? "a monitoring workbook"
                                                                  : "an assessment");
    if (document != ZB_DOCUMENT_NOTICE && document != ZB_DOCUMENT_BULLETIN)
        return 0;
    const char *what = document == ZB_DOCUMENT_NOTICE ? "a notice" : "a bulletin";
    int bad = 0;
    if (!*zb_plan_meta(plan, ZB_META_TITLE)) {
        /* A bulletin makes its own title; it only names the plan by its title. */
        if (document == ZB_DOCUMENT_NOTICE)
            bad = zb_findings_add(f, ZB_SEV_ERROR, "missing-title", "title",
                                  "a notice needs a title (标题); the plan has none");
        else if (!*zb_plan_meta(plan, ZB_META_PLAN_TITLE))
            bad = zb_findings_add(f, ZB_SEV_WARNING, "missing-title", "title",
                                  "the plan has no title (标题): the bulletin cannot name the plan it reports on");
    }
    if (!bad && !*zb_plan_meta(plan, ZB_META_ORGAN))
        bad = zb_findings_add(f, ZB_SEV_ERROR, "missing-organ", "organ",
                              "%s needs an issuing organ (发文机关, the red header and the signature); the plan has none",
                              what);
    /* What the document would lack against GB/T 9704: a red 版头 (the organ mark and the red
     * rule) with no 发文字号 under it (§7.2.5; the bulletin's number is not the plan's), and
     * a 版记 without its 印发机关 and 印发日期 (§7.4.3). */
    int red = *zb_plan_meta(plan, ZB_META_ORGAN) || *zb_plan_meta(plan, ZB_META_ORGAN_MARK);
    if (!bad && red && document == ZB_DOCUMENT_NOTICE && !*zb_plan_meta(plan, ZB_META_DOC_NUMBER))
        bad = zb_findings_add(f, ZB_SEV_WARNING, "no-document-number", "doc_number",
                              "the notice prints a red 版头 (organ mark and red rule) with no 发文字号 under "
                              "it: give doc_number, or choose another 版头 (mark, letter or none)");
    if (!bad && red && !*zb_plan_meta(plan, ZB_META_PRINTER))
        bad = zb_findings_add(f, ZB_SEV_WARNING, "no-imprint", "printer",
                              "%s has no 版记 (印发机关 and 印发日期): give printer and printed", what);
    return bad;
}

/* ---- the actuals ------------------------------------------------------------------------- */

/* "YYYY-MM" exactly (how the plan keeps periods, so they compare as text). */
static int is_period(const char *p)
{
    if (strlen(p) != 7 || p[4] != '-')
        return 0;
    for (int k = 0; k < 7; k++)
        if (k != 4 && (p[k] < '0' || p[k] > '9'))
            return 0;
    return !(p[5] == '0' && p[6] == '0') && (p[5] < '1' || (p[5] == '1' && p[6] <= '2'));
}

typedef struct ytd {
    size_t indicator;
    const char *period;
    double value;
} ytd;

static int by_indicator_period(const void *pa, const void *pb)
{
    const ytd *a = pa, *b = pb;
    if (a->indicator != b->indicator)
        return a->indicator < b->indicator ? -1 : 1;
    return strcmp(a->period, b->period);
}

/* Year-to-date actuals of a cumulative indicator never fall: a lower one is a monthly
 * figure typed as year-to-date, or a typing slip (256.8 in May, 234.8 in June). */
static int check_ytd(const zb_plan *plan, const char *period, zb_findings *f)
{
    size_t na = zb_plan_actual_count(plan), n = 0;
    ytd *list = malloc((na ? na : 1) * sizeof *list);
    if (!list)
        return -1;
    for (size_t a = 0; a < na; a++) {
        size_t i = zb_plan_actual_indicator(plan, a);
        const char *p = zb_plan_actual_period(plan, a);
        if (zb_plan_indicator_kind(plan, i) != ZB_KIND_CUMULATIVE || (period && strcmp(p, period) > 0))
            continue;
        list[n].indicator = i;
        list[n].period = p;
        list[n].value = zb_plan_actual_value(plan, a);
        n++;
    }
    qsort(list, n, sizeof *list, by_indicator_period);
    int bad = 0;
    for (size_t k = 1; !bad && k < n; k++) {
        const ytd *prev = &list[k - 1], *cur = &list[k];
        if (prev->indicator != cur->indicator || !(cur->value < prev->value))
            continue;
        size_t i = cur->indicator;
        const char *source = zb_plan_indicator_source(plan, i);
        char where[64];
        snprintf(where, sizeof where, "indicator %d", zb_plan_indicator_seq(plan, i));
        bad = zb_findings_add(f, ZB_SEV_WARNING, "ytd-decrease", *source ? source : where,
                              "indicator %d (%s): the year-to-date actual for %s, %.15g, is lower than %s's, "
                              "%.15g; a year-to-date total cannot fall (a month's own figure?)",
                              zb_plan_indicator_seq(plan, i), zb_plan_indicator_name(plan, i), cur->period,
                              cur->value, prev->period, prev->value);
    }
    free(list);
    return bad;
}

/* A document for a month nobody reported shows every indicator as 未报送. */
static int check_period(const zb_plan *plan, const char *period, zb_findings *f)
{
    size_t na = zb_plan_actual_count(plan);
    const char *latest = NULL;
    for (size_t a = 0; a < na; a++) {
        const char *p = zb_plan_actual_period(plan, a);
        if (strcmp(p, period) == 0)
            return 0;
        if (strcmp(p, period) < 0 && (!latest || strcmp(p, latest) > 0))
            latest = p;
    }
    char where[32];
    snprintf(where, sizeof where, "period %s", period);
    if (latest)
        return zb_findings_add(f, ZB_SEV_WARNING, "no-actuals", where,
                               "no indicator has an actual for %s (the latest reported month is %s): every "
                               "indicator would show as 未报送",
                               period, latest);
    return zb_findings_add(f, ZB_SEV_WARNING, "no-actuals", where,
                           "no indicator has an actual for %s%s: every indicator would show as 未报送", period,
                           na ? " or before" : " (the plan has no actuals)");
}

zb_status zb_plan_validate(const zb_plan *plan, zb_findings **out) { return zb_plan_validate_opt(plan, NULL, out); }

zb_status zb_plan_validate_opt(const zb_plan *plan, const zb_validate_options *options, zb_findings **out)
{
    if (!out)
        return ZB_ERR_ARGUMENT;
    *out = NULL;
    if (!plan)
        return ZB_ERR_ARGUMENT;
    zb_validate_options none = {0};
    const zb_validate_options *o = options ? options : &none;
    if ((unsigned)o->document > ZB_DOCUMENT_BULLETIN || (o->actuals && o->period && !is_period(o->period)))
        return ZB_ERR_VALUE;
    zb_findings *f = calloc(1, sizeof *f);
    if (!f)
        return ZB_ERR_NOMEM;
    checker c = {0};
    c.plan = plan;
    /* Sequence numbers cannot repeat: zb_plan_add_indicator() refuses a duplicate, so the
     * "duplicate-seq" check would never fire and is not run. */
    int bad = check_document(plan, o->document, f);
    size_t ni = zb_plan_indicator_count(plan);
    for (size_t i = 0; !bad && i < ni; i++)
        bad = check_indicator(&c, f, i);
    if (zb_plan_unit_count(plan) > 0) {
        size_t nt = zb_plan_task_count(plan);
        for (size_t t = 0; !bad && t < nt; t++)
            bad = check_task(&c, f, t);
    }
    if (!bad)
        bad = check_categories(plan, f);
    if (!bad)
        bad = check_prose(&c, f);
    if (!bad)
        bad = zb_plan_check_misread(plan, f);
    if (!bad)
        /* A workbook cell's limit does not bind the pages of a notice or a bulletin. */
        bad = zb_plan_text_findings(plan, o->document != ZB_DOCUMENT_NOTICE && o->document != ZB_DOCUMENT_BULLETIN, f);
    if (!bad && o->actuals && o->period)
        bad = check_period(plan, o->period, f);
    if (!bad && o->actuals)
        bad = check_ytd(plan, o->period, f);
    size_t nn = zb_plan_note_count(plan);
    for (size_t k = 0; !bad && k < nn; k++) {
        const char *location, *message;
        zb_plan_note_get(plan, k, &location, &message);
        zb_buf msg = {0};
        zb_buf_adds(&msg, message);
        bad = add_finding(f, ZB_SEV_NOTE, "normalised", location, &msg);
    }
    checker_free(&c);
    if (bad) {
        zb_findings_free(f);
        return ZB_ERR_NOMEM;
    }
    *out = f;
    return ZB_OK;
}
