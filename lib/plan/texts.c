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

typedef struct walk {
    const zb_plan *plan;
    issue_fn fn;
    void *ctx;
    int stop;
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

/* One text: subject ("indicator 3 (新增企业)"), field ("name"), location, whether it goes
 * into a workbook cell. */
static void check(walk *w, const char *location, const char *subject, const char *field, const char *text, int cell)
{
    if (w->stop || !text || !*text)
        return;
    size_t len = strlen(text);
    if (zb_utf8_check(text, len) != len)
        return; /* the setters refuse invalid UTF-8; nothing to say here */
    text_issue is;
    snprintf(is.location, sizeof is.location, "%s", location && *location ? location : subject);
    uint32_t cp;
    size_t at = zb_text_find_control(text, len, &cp);
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
    if (cell) {
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

/* A cell the writers make of several texts (units joined with 、, a task's number and
 * title): chars in all, each part already within a cell. */
static void check_joined(walk *w, const char *location, const char *subject, const char *what, size_t chars)
{
    if (w->stop || chars <= CELL_CHARS_MAX)
        return;
    text_issue is;
    snprintf(is.location, sizeof is.location, "%s", location && *location ? location : subject);
    is.code = "text-too-long";
    snprintf(is.message, sizeof is.message, "%s: %s make a cell of %zu characters; a workbook cell holds at most %d",
             subject, what, chars, CELL_CHARS_MAX);
    w->stop = w->fn(w->ctx, &is);
}

/* Characters of texts joined with a one-character separator; 0 when one of them is over a
 * cell on its own (said of that text already). */
static size_t joined_chars(size_t n, const char *(*get)(const zb_plan *, size_t, size_t, size_t), const zb_plan *p,
                           size_t a, size_t b)
{
    size_t chars = n ? n - 1 : 0;
    for (size_t k = 0; k < n; k++) {
        const char *t = get(p, a, b, k);
        size_t c = t ? zb_utf8_length(t) : 0;
        if (c > CELL_CHARS_MAX)
            return 0;
        chars += c;
    }
    return chars;
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

/* A target or base written as a plain number (the whole text: 1e300, -0.0000000000001)
 * beyond what a plan holds: the model keeps it as text, judged as no target; said here. */
static void check_number(walk *w, const char *location, const char *subject, const char *field, const char *text)
{
    if (w->stop || !text || !*text)
        return;
    const char *p = text;
    while (*p == ' ')
        p++;
    if (!((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == '.'))
        return;
    char *end;
    double v = strtod(p, &end);
    while (*end == ' ')
        end++;
    if (end == p || *end || zb_number_usable(v) || v != v)
        return;
    text_issue is;
    snprintf(is.location, sizeof is.location, "%s", location && *location ? location : subject);
    is.code = "number-out-of-range";
    snprintf(is.message, sizeof is.message, "%s: %s %.40s is beyond the numbers a plan holds (%s)", subject, field,
             p, ZB_NUMBER_RANGE);
    w->stop = w->fn(w->ctx, &is);
}

static void walk_plan(walk *w)
{
    const zb_plan *p = w->plan;
    char subject[160], name[128], num[24];
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
    for (size_t k = 0; k < sizeof metas / sizeof metas[0]; k++)
        check(w, metas[k].name, "the plan", metas[k].name, zb_plan_meta(p, metas[k].field), metas[k].cell);
    for (size_t k = 0; k < zb_plan_recipient_count(p); k++)
        check(w, "recipients", "the plan", "a recipient", zb_plan_recipient(p, k), 0);
    for (size_t k = 0; k < zb_plan_copy_to_count(p); k++)
        check(w, "copy_to", "the plan", "a copy_to entry", zb_plan_copy_to(p, k), 0);
    for (size_t k = 0; k < zb_plan_unit_count(p); k++) {
        short_name(zb_plan_unit_name(p, k), name, sizeof name);
        snprintf(subject, sizeof subject, "unit %zu (%s)", k + 1, name);
        check(w, NULL, subject, "the name", zb_plan_unit_name(p, k), 1);
        check(w, NULL, subject, "the full name", zb_plan_unit_full_name(p, k), 1);
    }
    for (size_t k = 0; k < zb_plan_category_count(p); k++) {
        short_name(zb_plan_category_name(p, k), name, sizeof name);
        snprintf(subject, sizeof subject, "category %zu (%s)", k + 1, name);
        check(w, NULL, subject, "the name", zb_plan_category_name(p, k), 1);
    }
    for (size_t i = 0; i < zb_plan_indicator_count(p); i++) {
        short_name(zb_plan_indicator_name(p, i), name, sizeof name);
        snprintf(subject, sizeof subject, "indicator %d (%s)", zb_plan_indicator_seq(p, i), name);
        const char *src = zb_plan_indicator_source(p, i);
        check(w, src, subject, "the name", zb_plan_indicator_name(p, i), 1);
        check(w, src, subject, "the unit", zb_plan_indicator_unit(p, i), 1);
        check(w, src, subject, "the base", zb_plan_indicator_base_text(p, i), 1);
        check(w, src, subject, "the note", zb_plan_indicator_note(p, i), 1);
        for (size_t k = 0; k < zb_plan_indicator_target_count(p, i); k++) {
            check(w, src, subject, "the target", zb_plan_indicator_target_text_at(p, i, k), 1);
            check_number(w, src, subject, "the target", zb_plan_indicator_target_text_at(p, i, k));
        }
        check_number(w, src, subject, "the base", zb_plan_indicator_base_text(p, i));
        {
            /* The assessment's name cell: "name(unit)" when the unit was given apart. */
            const char *nm = zb_plan_indicator_name(p, i), *unit = zb_plan_indicator_unit(p, i);
            const char *bare = zb_plan_indicator_bare_name(p, i);
            if (zb_plan_indicator_unit_given(p, i) && unit && *unit && nm && bare && strcmp(nm, bare) == 0) {
                size_t nc = zb_utf8_length(nm), uc = zb_utf8_length(unit);
                if (nc <= CELL_CHARS_MAX && uc <= CELL_CHARS_MAX)
                    check_joined(w, src, subject, "the name and its unit", nc + uc + 2);
            }
        }
        size_t units = zb_plan_indicator_responsible_count(p, i);
        for (size_t k = 0; k < units; k++)
            check(w, src, subject, "a responsible unit", zb_plan_indicator_responsible(p, i, k), 1);
        check_joined(w, src, subject, "the responsible units joined (责任单位)",
                     joined_chars(units, indicator_unit, p, i, 0));
    }
    for (size_t t = 0; t < zb_plan_task_count(p); t++) {
        short_name(zb_plan_task_title(p, t), name, sizeof name);
        snprintf(subject, sizeof subject, "task %s (%s)", zb_plan_task_number(p, t), name);
        const char *src = zb_plan_task_source(p, t);
        check(w, src, subject, "the number", zb_plan_task_number(p, t), 1);
        check(w, src, subject, "the title", zb_plan_task_title(p, t), 1);
        {
            /* The breakdown's task cell: "1. title". */
            const char *number = zb_plan_task_number(p, t), *title = zb_plan_task_title(p, t);
            size_t nc = number ? zb_utf8_length(number) : 0, tc = title ? zb_utf8_length(title) : 0;
            if (nc <= CELL_CHARS_MAX && tc <= CELL_CHARS_MAX)
                check_joined(w, src, subject, "the number and the title", nc ? nc + 2 + tc : tc);
        }
        check(w, src, subject, "the text", zb_plan_task_text(p, t), 1);
        for (size_t k = 0; k < zb_plan_task_heading_count(p, t); k++)
            check(w, src, subject, "a heading", zb_plan_task_heading(p, t, k), 1);
        for (size_t d = 0; d < zb_plan_task_duty_count(p, t); d++) {
            check(w, src, subject, "a duty", zb_plan_task_duty_text(p, t, d), 1);
            check(w, src, subject, "a duty's note", zb_plan_task_duty_note(p, t, d), 1);
            size_t units = zb_plan_task_duty_responsible_count(p, t, d);
            for (size_t k = 0; k < units; k++)
                check(w, src, subject, "a responsible unit", zb_plan_task_duty_responsible(p, t, d, k), 1);
            check_joined(w, src, subject, "a duty's responsible units joined", joined_chars(units, duty_unit, p, t, d));
        }
    }
    for (size_t b = 0; b < zb_plan_block_count(p); b++) {
        snprintf(num, sizeof num, "%zu", b + 1);
        snprintf(subject, sizeof subject, "body block %s", num);
        check(w, NULL, subject, "the text", zb_plan_block_text(p, b), 0);
    }
    for (size_t a = 0; a < zb_plan_attachment_count(p); a++) {
        snprintf(subject, sizeof subject, "attachment %zu", a + 1);
        check(w, NULL, subject, "the title", zb_plan_attachment_title(p, a), 0);
        check(w, NULL, subject, "the text", zb_plan_attachment_text(p, a), 0);
    }
    for (size_t a = 0; a < zb_plan_actual_count(p); a++) {
        snprintf(subject, sizeof subject, "actual %zu (%s)", a + 1, zb_plan_actual_period(p, a));
        check(w, NULL, subject, "the note", zb_plan_actual_note(p, a), 1);
    }
    for (size_t k = 0; k < zb_plan_prose_target_count(p); k++) {
        short_name(zb_plan_prose_target_name(p, k), name, sizeof name);
        snprintf(subject, sizeof subject, "prose target %s", name);
        const char *src = zb_plan_prose_target_source(p, k);
        check(w, src, subject, "the name", zb_plan_prose_target_name(p, k), 0);
        check(w, src, subject, "the sentence", zb_plan_prose_target_sentence(p, k), 0);
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
    walk w = {plan, add_issue, &a, 0};
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
    walk w = {plan, keep_first, &fi, 0};
    walk_plan(&w);
    if (!fi.found)
        return ZB_OK;
    if (strcmp(fi.is.location, fi.is.message) != 0 && strncmp(fi.is.message, fi.is.location, strlen(fi.is.location)) != 0)
        return zb_error_set(err, ZB_ERR_VALUE, "%s: %s", fi.is.location, fi.is.message);
    return zb_error_set(err, ZB_ERR_VALUE, "%s", fi.is.message);
}
