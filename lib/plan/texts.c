/* Texts the documents cannot carry: a control character (no page prints it, no XML part of
 * a workbook or an OFD package may hold it) anywhere, and a text longer than the 32,767
 * characters a workbook cell holds in a field that goes into a cell; and a target or base
 * written as a number beyond what a plan holds (validation only: the model keeps such a
 * text as no number, so nothing non-finite can follow from it). The loaders refuse
 * both where they read them; this catches plans built through the API, for validation
 * (every one, as findings) and for the writers (the first, as their error). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan_internal.h"

/* Excel's limit on the text of one cell, in characters. */
#define CELL_CHARS_MAX 32767

typedef struct text_issue {
    char location[256]; /* the source when known, else what the subject names */
    char message[512];
    const char *code;   /* "control-character" or "text-too-long" */
} text_issue;

/* Called for every issue; nonzero stops the walk. */
typedef int (*issue_fn)(void *ctx, const text_issue *issue);

/* What a text belongs to, named in words only when it has an issue: nearly every text has
 * none, and the walk runs before every document is written. */
typedef enum subject_kind {
    SUBJ_PLAN,
    SUBJ_UNIT,
    SUBJ_CATEGORY,
    SUBJ_INDICATOR,
    SUBJ_TASK,
    SUBJ_BLOCK,
    SUBJ_ATTACHMENT,
    SUBJ_ACTUAL,
    SUBJ_PROSE
} subject_kind;

typedef struct walk {
    const zb_plan *plan;
    issue_fn fn;
    void *ctx;
    int stop;
    subject_kind kind; /* the subject of the texts checked now */
    size_t index;
    const char *source; /* their source, or NULL */
} walk;

/* A name for a message: at most 24 characters of it, cut on a character boundary. */
static void short_name(const char *s, char *out, size_t size)
{
    size_t n = 0, chars = 0, len = strlen(s);
    while (n < len && chars < 24) {
        size_t k;
        zb_utf8_decode(s + n, &k);
        if (n + k + 4 > size)
            break;
        n += k;
        chars++;
    }
    memcpy(out, s, n);
    strcpy(out + n, n < len ? "…" : "");
}

/* "indicator 3 (新增企业)", "unit 2 (县经信局)", "the plan"... */
static void subject_text(const walk *w, char *out, size_t size)
{
    const zb_plan *p = w->plan;
    size_t k = w->index;
    char name[128];
    switch (w->kind) {
    case SUBJ_PLAN:
        snprintf(out, size, "the plan");
        break;
    case SUBJ_UNIT:
        short_name(zb_plan_unit_name(p, k), name, sizeof name);
        snprintf(out, size, "unit %zu (%s)", k + 1, name);
        break;
    case SUBJ_CATEGORY:
        short_name(zb_plan_category_name(p, k), name, sizeof name);
        snprintf(out, size, "category %zu (%s)", k + 1, name);
        break;
    case SUBJ_INDICATOR:
        short_name(zb_plan_indicator_name(p, k), name, sizeof name);
        snprintf(out, size, "indicator %d (%s)", zb_plan_indicator_seq(p, k), name);
        break;
    case SUBJ_TASK:
        short_name(zb_plan_task_title(p, k), name, sizeof name);
        snprintf(out, size, "task %s (%s)", zb_plan_task_number(p, k), name);
        break;
    case SUBJ_BLOCK:
        snprintf(out, size, "body block %zu", k + 1);
        break;
    case SUBJ_ATTACHMENT:
        snprintf(out, size, "attachment %zu", k + 1);
        break;
    case SUBJ_ACTUAL:
        snprintf(out, size, "actual %zu (%s)", k + 1, zb_plan_actual_period(p, k));
        break;
    case SUBJ_PROSE:
        short_name(zb_plan_prose_target_name(p, k), name, sizeof name);
        snprintf(out, size, "prose target %s", name);
        break;
    }
}

static void begin(walk *w, subject_kind kind, size_t index, const char *source)
{
    w->kind = kind;
    w->index = index;
    w->source = source;
}

/* Fills the issue's location and returns the subject for its message. */
static void locate(const walk *w, const char *location, text_issue *is, char *subject, size_t size)
{
    subject_text(w, subject, size);
    if (!location)
        location = w->source;
    snprintf(is->location, sizeof is->location, "%s", location && *location ? location : subject);
}

/* One text of the current subject: field ("name"), location (NULL: the subject's source),
 * whether it goes into a workbook cell. */
static void check(walk *w, const char *location, const char *field, const char *text, int cell)
{
    if (w->stop || !text || !*text)
        return;
    size_t len = strlen(text);
    uint32_t cp;
    size_t at = zb_text_find_control(text, len, &cp);
    /* A cell's limit is in characters, and a character is at least one byte. */
    int too_long = cell && len > CELL_CHARS_MAX;
    if (at == len && !too_long)
        return;
    if (zb_utf8_check(text, len) != len)
        return; /* the setters refuse invalid UTF-8; nothing to say here */
    text_issue is;
    char subject[160];
    locate(w, location, &is, subject, sizeof subject);
    if (at < len) {
        is.code = "control-character";
        size_t chars = 0;
        for (size_t k = 0; k < at; chars++) {
            size_t n;
            zb_utf8_decode(text + k, &n);
            k += n;
        }
        snprintf(is.message, sizeof is.message,
                 "%s: %s holds the control character U+%04X (character %zu): no document can print it or keep it",
                 subject, field, (unsigned)cp, chars + 1);
        w->stop = w->fn(w->ctx, &is);
        if (w->stop)
            return;
    }
    if (too_long) {
        size_t chars = zb_utf8_length(text);
        if (chars > CELL_CHARS_MAX) {
            is.code = "text-too-long";
            snprintf(is.message, sizeof is.message,
                     "%s: %s is %zu characters long; a workbook cell holds at most %d", subject, field, chars,
                     CELL_CHARS_MAX);
            w->stop = w->fn(w->ctx, &is);
        }
    }
}

/* A target or base written as a plain number (the whole text: 1e300, -0.0000000000001)
 * beyond what a plan holds: the model keeps it as text, judged as no target; said here. */
static void check_number(walk *w, const char *field, const char *text)
{
    if (w->stop || !text || !*text)
        return;
    const char *p = text;
    while (*p == ' ')
        p++;
    if (!((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == '.'))
        return;
    /* Up to 15 digits before the point and 9 after it: 0, or from 10^-9 to below 10^15 in
     * size, inside the range whatever the digits (nearly every target; no strtod). */
    const char *q = p + (*p == '-' || *p == '+');
    size_t whole = 0, frac = 0;
    while (*q >= '0' && *q <= '9')
        q++, whole++;
    if (*q == '.')
        for (q++; *q >= '0' && *q <= '9'; q++)
            frac++;
    while (*q == ' ')
        q++;
    if (!*q && whole + frac > 0 && whole <= 15 && frac <= 9)
        return;
    char *end;
    double v = strtod(p, &end);
    while (*end == ' ')
        end++;
    if (end == p || *end || zb_number_usable(v) || v != v)
        return;
    text_issue is;
    char subject[160];
    locate(w, NULL, &is, subject, sizeof subject);
    is.code = "number-out-of-range";
    snprintf(is.message, sizeof is.message, "%s: %s %.40s is beyond the numbers a plan holds (%s)", subject, field,
             p, ZB_NUMBER_RANGE);
    w->stop = w->fn(w->ctx, &is);
}

/* A cell the writers make of several texts (units joined with 、, a task's number and
 * title, a name and its unit): bytes in all first (a character is at least one byte, so
 * nearly every cell stops there), then characters. */
static void check_joined(walk *w, const char *what, size_t bytes, size_t n, const char *const *parts,
                         size_t separators)
{
    if (w->stop || bytes <= CELL_CHARS_MAX)
        return;
    size_t chars = separators;
    for (size_t k = 0; k < n; k++) {
        size_t c = parts[k] ? zb_utf8_length(parts[k]) : 0;
        if (c > CELL_CHARS_MAX)
            return; /* said of that text already */
        chars += c;
    }
    if (chars <= CELL_CHARS_MAX)
        return;
    text_issue is;
    char subject[160];
    locate(w, NULL, &is, subject, sizeof subject);
    is.code = "text-too-long";
    snprintf(is.message, sizeof is.message, "%s: %s make a cell of %zu characters; a workbook cell holds at most %d",
             subject, what, chars, CELL_CHARS_MAX);
    w->stop = w->fn(w->ctx, &is);
}

/* Units joined with 、 (one character) into one cell. */
static void check_units(walk *w, const char *what, size_t n, const char *(*unit)(const zb_plan *, size_t, size_t, size_t),
                        size_t a, size_t b)
{
    if (w->stop || n < 2)
        return;
    size_t bytes = n - 1;
    for (size_t k = 0; k < n; k++) {
        const char *u = unit(w->plan, a, b, k);
        bytes += u ? strlen(u) : 0;
    }
    if (bytes <= CELL_CHARS_MAX)
        return;
    const char **parts = malloc(n * sizeof *parts);
    if (!parts)
        return; /* the writer meets the same cell and says so */
    for (size_t k = 0; k < n; k++)
        parts[k] = unit(w->plan, a, b, k);
    check_joined(w, what, bytes, n, parts, n - 1);
    free(parts);
}

static const char *indicator_unit(const zb_plan *p, size_t i, size_t unused, size_t k)
{
    (void)unused;
    return zb_plan_indicator_responsible(p, i, k);
}

static const char *duty_unit(const zb_plan *p, size_t t, size_t d, size_t k)
{
    return zb_plan_task_duty_responsible(p, t, d, k);
}

static size_t len_of(const char *s) { return s ? strlen(s) : 0; }

static void walk_plan(walk *w)
{
    const zb_plan *p = w->plan;
    static const struct {
        zb_meta field;
        const char *name;
        int cell;
    } metas[] = {{ZB_META_TITLE, "title", 1},         {ZB_META_ORGAN, "organ", 1},
                 {ZB_META_ORGAN_MARK, "organ_mark", 0}, {ZB_META_DOC_NUMBER, "doc_number", 1},
                 {ZB_META_SIGNATURE, "signature", 0},  {ZB_META_NOTE, "note", 0},
                 {ZB_META_PRINTER, "printer", 0},      {ZB_META_INDEX_NO, "index_no", 0},
                 {ZB_META_PUBLISHER, "publisher", 0},  {ZB_META_VALIDITY, "validity", 0},
                 {ZB_META_DISCLOSURE, "disclosure", 0}, {ZB_META_PLAN_TITLE, "plan_title", 0}};
    begin(w, SUBJ_PLAN, 0, NULL);
    for (size_t k = 0; k < sizeof metas / sizeof metas[0]; k++)
        check(w, metas[k].name, metas[k].name, zb_plan_meta(p, metas[k].field), metas[k].cell);
    for (size_t k = 0; k < zb_plan_recipient_count(p); k++)
        check(w, "recipients", "a recipient", zb_plan_recipient(p, k), 0);
    for (size_t k = 0; k < zb_plan_copy_to_count(p); k++)
        check(w, "copy_to", "a copy_to entry", zb_plan_copy_to(p, k), 0);
    for (size_t k = 0; k < zb_plan_unit_count(p); k++) {
        begin(w, SUBJ_UNIT, k, NULL);
        check(w, NULL, "the name", zb_plan_unit_name(p, k), 1);
        check(w, NULL, "the full name", zb_plan_unit_full_name(p, k), 1);
    }
    for (size_t k = 0; k < zb_plan_category_count(p); k++) {
        begin(w, SUBJ_CATEGORY, k, NULL);
        check(w, NULL, "the name", zb_plan_category_name(p, k), 1);
    }
    for (size_t i = 0; i < zb_plan_indicator_count(p); i++) {
        begin(w, SUBJ_INDICATOR, i, zb_plan_indicator_source(p, i));
        check(w, NULL, "the name", zb_plan_indicator_name(p, i), 1);
        check(w, NULL, "the unit", zb_plan_indicator_unit(p, i), 1);
        check(w, NULL, "the base", zb_plan_indicator_base_text(p, i), 1);
        check(w, NULL, "the note", zb_plan_indicator_note(p, i), 1);
        for (size_t k = 0; k < zb_plan_indicator_target_count(p, i); k++) {
            check(w, NULL, "the target", zb_plan_indicator_target_text_at(p, i, k), 1);
            check_number(w, "the target", zb_plan_indicator_target_text_at(p, i, k));
        }
        check_number(w, "the base", zb_plan_indicator_base_text(p, i));
        size_t units = zb_plan_indicator_responsible_count(p, i);
        for (size_t k = 0; k < units; k++)
            check(w, NULL, "a responsible unit", zb_plan_indicator_responsible(p, i, k), 1);
        check_units(w, "the responsible units joined (责任单位)", units, indicator_unit, i, 0);
        /* The assessment's name cell: "name(unit)" when the unit was given apart. */
        const char *name[2] = {zb_plan_indicator_name(p, i), zb_plan_indicator_unit(p, i)};
        size_t bytes = len_of(name[0]) + len_of(name[1]) + 2;
        const char *bare = zb_plan_indicator_bare_name(p, i);
        if (bytes > CELL_CHARS_MAX && zb_plan_indicator_unit_given(p, i) && len_of(name[1]) && name[0] && bare &&
            strcmp(name[0], bare) == 0)
            check_joined(w, "the name and its unit", bytes, 2, name, 2);
    }
    for (size_t t = 0; t < zb_plan_task_count(p); t++) {
        begin(w, SUBJ_TASK, t, zb_plan_task_source(p, t));
        check(w, NULL, "the number", zb_plan_task_number(p, t), 1);
        check(w, NULL, "the title", zb_plan_task_title(p, t), 1);
        /* The breakdown's task cell: "1. title". */
        const char *label[2] = {zb_plan_task_number(p, t), zb_plan_task_title(p, t)};
        if (len_of(label[0]))
            check_joined(w, "the number and the title", len_of(label[0]) + 2 + len_of(label[1]), 2, label, 2);
        check(w, NULL, "the text", zb_plan_task_text(p, t), 1);
        for (size_t k = 0; k < zb_plan_task_heading_count(p, t); k++)
            check(w, NULL, "a heading", zb_plan_task_heading(p, t, k), 1);
        for (size_t d = 0; d < zb_plan_task_duty_count(p, t); d++) {
            check(w, NULL, "a duty", zb_plan_task_duty_text(p, t, d), 1);
            check(w, NULL, "a duty's note", zb_plan_task_duty_note(p, t, d), 1);
            size_t units = zb_plan_task_duty_responsible_count(p, t, d);
            for (size_t k = 0; k < units; k++)
                check(w, NULL, "a responsible unit", zb_plan_task_duty_responsible(p, t, d, k), 1);
            check_units(w, "a duty's responsible units joined", units, duty_unit, t, d);
        }
    }
    for (size_t b = 0; b < zb_plan_block_count(p); b++) {
        begin(w, SUBJ_BLOCK, b, NULL);
        check(w, NULL, "the text", zb_plan_block_text(p, b), 0);
    }
    for (size_t a = 0; a < zb_plan_attachment_count(p); a++) {
        begin(w, SUBJ_ATTACHMENT, a, NULL);
        check(w, NULL, "the title", zb_plan_attachment_title(p, a), 0);
        check(w, NULL, "the text", zb_plan_attachment_text(p, a), 0);
    }
    for (size_t a = 0; a < zb_plan_actual_count(p); a++) {
        begin(w, SUBJ_ACTUAL, a, NULL);
        check(w, NULL, "the note", zb_plan_actual_note(p, a), 1);
    }
    for (size_t k = 0; k < zb_plan_prose_target_count(p); k++) {
        begin(w, SUBJ_PROSE, k, zb_plan_prose_target_source(p, k));
        check(w, NULL, "the name", zb_plan_prose_target_name(p, k), 0);
        check(w, NULL, "the sentence", zb_plan_prose_target_sentence(p, k), 0);
    }
}

typedef struct all_issues {
    int cells;
    zb_findings *f;
} all_issues;

static int add_issue(void *ctx, const text_issue *is)
{
    all_issues *a = ctx;
    if (!a->cells && strcmp(is->code, "text-too-long") == 0)
        return 0;
    return zb_findings_add(a->f, ZB_SEV_ERROR, is->code, is->location, "%s", is->message) != 0;
}

int zb_plan_text_findings(const zb_plan *plan, int cells, zb_findings *f)
{
    all_issues a = {cells, f};
    walk w = {plan, add_issue, &a, 0, SUBJ_PLAN, 0, NULL};
    walk_plan(&w);
    return w.stop;
}

typedef struct first_issue {
    int cells;
    int found;
    text_issue is;
} first_issue;

static int keep_first(void *ctx, const text_issue *is)
{
    first_issue *fi = ctx;
    if ((!fi->cells && strcmp(is->code, "text-too-long") == 0) || strcmp(is->code, "number-out-of-range") == 0)
        return 0;
    fi->is = *is;
    fi->found = 1;
    return 1;
}

zb_status zb_plan_check_texts(const zb_plan *plan, int cells, zb_error *err)
{
    first_issue fi;
    memset(&fi, 0, sizeof fi);
    fi.cells = cells;
    walk w = {plan, keep_first, &fi, 0, SUBJ_PLAN, 0, NULL};
    walk_plan(&w);
    if (!fi.found)
        return ZB_OK;
    if (strcmp(fi.is.location, fi.is.message) != 0 && strncmp(fi.is.message, fi.is.location, strlen(fi.is.location)) != 0)
        return zb_error_set(err, ZB_ERR_VALUE, "%s: %s", fi.is.location, fi.is.message);
    return zb_error_set(err, ZB_ERR_VALUE, "%s", fi.is.message);
}
