/* zb_import_text(): a plan as published, read in four stages.
 *
 * 1. clean (clean.c): the input checked (UTF-8, no NUL or control characters) and made
 *    into clean lines: widths, half-width punctuation inside Chinese, the spaces a PDF
 *    extractor sets beside numbers, page numbers and running headers dropped, lines broken
 *    at the page width rejoined.
 * 2. segment (segment.c): each line's part: site furniture, the header block, masthead,
 *    document number, title, recipients, the notice's text, 附件说明, signature, date, 附注,
 *    the plan it issues, the body, the attachments.
 * 3. recognise (here, text.c, prose.c, table.c): headings (一、 (一) 1. (1) ①), tasks and
 *    their responsibility notes, targets in prose, tables (indicator tables and task
 *    breakdowns: one cell per line, tab-separated, aligned with spaces) and unit lists.
 * 4. build: what was recognised goes into a new plan through the model's calls; the years
 *    are settled; the plan replaces the caller's only on success.
 *
 * Each stage reports what it did (code "stage"); every line ends up placed or reported
 * ("unplaced"); the report ends with a summary and a verdict. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_internal.h"

/* ---- the importer's state ----------------------------------------------------------- */

typedef struct pending_duty {
    char *text;    /* the sentences the note closes; "" = none apart from the title */
    char *units;   /* the leads first */
    char *note;
    size_t leads;
    int explicit_lead;
    int line_only; /* the note was a line of its own (or ended its line) */
} pending_duty;

/* A task being read: committed when the next heading, item or attachment begins, because
 * paragraphs that follow it still belong to it. */
typedef struct pending_task {
    int open;
    int line;
    char number[32];
    char *headings[2];
    size_t heading_count;
    char *title;
    zb_buf text;
    zb_buf since; /* text after the last note, which no note covers yet */
    pending_duty *duties;
    size_t duty_count, duty_cap;
} pending_task;

typedef struct importer {
    const char *name;
    unsigned off; /* ZB_IMP_OFF_* */
    zb_plan *plan;
    zb_findings *report;
    int nomem;
    int first_unplaced; /* line number, 0 = none */
    char first_unplaced_text[160];

    zb_imp_doc doc;
    zb_imp_seg seg;

    zb_part part;
    int plan_text; /* the text read now is the plan's (tasks and targets count) */
    char *h1, *h2;
    int targets_section; /* under a heading such as 一、主要目标: numbered items are not tasks */
    /* A numbered item among the targets, which a note on the next line makes a task. */
    char *item_text;
    size_t item_marker;
    char item_number[32];
    int item_line;
    pending_task task;
    zb_imp_targets targets;
    size_t recognised; /* structure found: header fields, headings, tasks, tables… */
    size_t blocks, tasks, duties, headings, attachments, indicators, units, unplaced, furniture, tables;
    size_t unknown_labels;

    int attach_open;
    int attach_number;
    int attach_line;
    zb_buf attach_title;
    char **attach_lines;
    int *attach_numbers;
    size_t attach_count, attach_cap, attach_numbers_cap;

    int title_first, title_last;
    int to_year, span_first, span_last, years_word;
    int table_year;

    char **collectives;
    size_t collective_count, collective_cap;
} importer;

/* ---- reporting ---------------------------------------------------------------------- */

static int say(importer *im, zb_severity sev, const char *code, int line, const char *fmt, ...) ZB_PRINTF(5, 6);
static int say(importer *im, zb_severity sev, const char *code, int line, const char *fmt, ...)
{
    char where[600];
    if (line > 0)
        snprintf(where, sizeof where, "%s:%d", im->name, line);
    else
        snprintf(where, sizeof where, "%s", im->name);
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (msg)
        vsnprintf(msg, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    int bad = !msg || zb_findings_add(im->report, sev, code, where, "%s", msg);
    free(msg);
    if (bad)
        im->nomem = 1;
    return bad ? -1 : 0;
}

/* The first characters of a text, for messages: at most max characters, then …. */
static void excerpt(const char *s, size_t max, char *out, size_t size)
{
    size_t i = 0, chars = 0, n;
    while (s[i] && chars < max && i + 8 < size) {
        zb_utf8_decode(s + i, &n);
        i += n;
        chars++;
    }
    memcpy(out, s, i);
    if (s[i] && i + 4 <= size) {
        memcpy(out + i, "…", strlen("…"));
        i += strlen("…");
    }
    out[i] = '\0';
}

static void unplaced(importer *im, int line, const char *text, const char *why)
{
    char ex[160];
    excerpt(text, 30, ex, sizeof ex);
    im->unplaced++;
    if (!im->first_unplaced) {
        im->first_unplaced = line;
        snprintf(im->first_unplaced_text, sizeof im->first_unplaced_text, "%s", ex);
    }
    say(im, ZB_SEV_WARNING, "unplaced", line, "could not place “%s”%s%s", ex, why ? ": " : "", why ? why : "");
}

/* A model call failed: out of memory stops the import; anything else is reported and the
 * item left out. */
static int model_failed(importer *im, zb_status st, int line, const char *what)
{
    if (st == ZB_OK)
        return 0;
    if (st == ZB_ERR_NOMEM) {
        im->nomem = 1;
        return -1;
    }
    say(im, ZB_SEV_WARNING, "unplaced", line, "%s: %s", what, zb_errmsg(im->plan));
    return -1;
}

static void set_meta(importer *im, zb_meta field, const char *value, int line, const char *what)
{
    model_failed(im, zb_plan_set_meta(im->plan, field, value), line, what);
}

static void note_collectives(importer *im, const char *units, int line)
{
    size_t len = strlen(units), start = 0, n;
    int depth = 0;
    for (size_t i = 0; i <= len && !im->nomem; i += n) {
        uint32_t cp = i < len ? zb_utf8_decode(units + i, &n) : 0;
        if (i == len)
            n = 1;
        if (cp == '(' || cp == 0xFF08 || cp == 0x3010 || cp == 0x201C)
            depth++;
        else if ((cp == ')' || cp == 0xFF09 || cp == 0x3011 || cp == 0x201D) && depth > 0)
            depth--;
        if (i < len && (cp != 0x3001 || depth))
            continue;
        char *u = zb_strndup(units + start, i - start);
        start = i + n;
        if (!u) {
            im->nomem = 1;
            return;
        }
        int seen = !zb_infer_collective(u);
        for (size_t k = 0; !seen && k < im->collective_count; k++)
            seen = strcmp(im->collectives[k], u) == 0;
        if (seen || zb_grow((void **)&im->collectives, &im->collective_cap, im->collective_count + 1,
                            sizeof *im->collectives)) {
            if (!seen)
                im->nomem = 1;
            free(u);
            continue;
        }
        im->collectives[im->collective_count++] = u;
        say(im, ZB_SEV_NOTE, "collective", line,
            "responsible unit %s stands for a group of units (not looked up in the unit list)", u);
    }
}

/* ---- tasks -------------------------------------------------------------------------- */

static void duty_free(pending_duty *d)
{
    free(d->text);
    free(d->units);
    free(d->note);
}

static void task_reset(pending_task *t)
{
    for (size_t k = 0; k < t->heading_count; k++)
        free(t->headings[k]);
    free(t->title);
    zb_buf_free(&t->text);
    zb_buf_free(&t->since);
    for (size_t d = 0; d < t->duty_count; d++)
        duty_free(&t->duties[d]);
    free(t->duties);
    memset(t, 0, sizeof *t);
}

/* Adds a task to the plan with its items; items name their units lead first. */
static void add_task(importer *im, const zb_task_def *def, int line, const pending_duty *duties, size_t count,
                     int whole)
{
    size_t index;
    zb_status st = zb_plan_add_task(im->plan, def, &index);
    if (model_failed(im, st, line, "task"))
        return;
    im->tasks++;
    for (size_t d = 0; d < count && !im->nomem; d++) {
        const pending_duty *u = &duties[d];
        /* One note closing the whole task covers all of it. */
        const char *text = whole ? NULL : *u->text ? u->text : def->title;
        st = zb_plan_add_task_duty(im->plan, index, text, u->units, u->note);
        if (model_failed(im, st, line, "responsibility item"))
            continue;
        im->duties++;
        size_t dd = zb_plan_task_duty_count(im->plan, index) - 1;
        size_t n = zb_plan_task_duty_responsible_count(im->plan, index, dd);
        size_t leads = u->leads < n ? u->leads : n;
        if (leads > 1)
            model_failed(im, zb_plan_set_task_duty_lead_count(im->plan, index, dd, leads), line, "lead units");
        note_collectives(im, u->units, line);
    }
}

static void close_task(importer *im)
{
    pending_task *t = &im->task;
    if (!t->open)
        return;
    zb_task_def def = {0};
    def.number = t->number;
    def.headings = (const char *const *)t->headings;
    def.heading_count = t->heading_count;
    def.title = t->title ? t->title : "";
    def.text = t->text.data ? t->text.data : "";
    char where[600];
    snprintf(where, sizeof where, "%s:%d", im->name, t->line);
    def.source = where;
    int trailing = t->since.len > 0;
    add_task(im, &def, t->line, t->duties, t->duty_count, t->duty_count == 1 && !trailing);
    task_reset(t);
}

/* The text of [b, e) of s without white space and the punctuation a note leaves at its
 * ends (。 ， after a closing bracket). */
static char *segment_text(const char *s, size_t b, size_t e)
{
    size_t n;
    for (;;) {
        while (b < e && zb_imp_is_space(zb_utf8_decode(s + b, &n)))
            b += n;
        if (b < e) {
            uint32_t cp = zb_utf8_decode(s + b, &n);
            if (cp == 0x3002 || cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' || cp == '.') {
                b += n;
                continue;
            }
        }
        break;
    }
    return zb_imp_trim(s + b, e - b);
}

/* Text of line from byte begin on, without its notes (which lie after begin). */
static char *without_notes(const char *line, size_t begin, const zb_imp_note *notes, size_t count)
{
    zb_buf b = {0};
    size_t at = begin;
    for (size_t k = 0; k < count; k++) {
        zb_buf_add(&b, line + at, notes[k].start - at);
        at = notes[k].end;
    }
    zb_buf_adds(&b, line + at);
    if (b.failed) {
        zb_buf_free(&b);
        return NULL;
    }
    char *t = zb_imp_trim(b.data, b.len);
    zb_buf_free(&b);
    return t;
}

static void since_add(pending_task *t, const char *s)
{
    if (!*s)
        return;
    if (t->since.len)
        zb_buf_adds(&t->since, "\n");
    zb_buf_adds(&t->since, s);
}

/* A note on a line of its own right after another (牵头单位：A, then 责任单位：B) completes
 * the same item: the leads a 牵头 label names first, the rest after. */
static int merge_duty(pending_duty *d, const zb_imp_note *n)
{
    zb_buf u = {0}, note = {0};
    int new_first = n->explicit_lead && !d->explicit_lead;
    const char *a = new_first ? n->units : d->units, *b = new_first ? d->units : n->units;
    zb_buf_adds(&u, a);
    if (*a && *b)
        zb_buf_adds(&u, "、");
    zb_buf_adds(&u, b);
    zb_buf_adds(&note, d->note);
    if (*d->note && *n->note)
        zb_buf_adds(&note, "；");
    zb_buf_adds(&note, n->note);
    if (u.failed || note.failed) {
        zb_buf_free(&u);
        zb_buf_free(&note);
        return -1;
    }
    free(d->units);
    free(d->note);
    d->units = zb_buf_take(&u);
    d->note = zb_buf_take(&note);
    if (new_first)
        d->leads = n->leads;
    else if (n->explicit_lead && d->explicit_lead)
        d->leads += n->leads;
    d->explicit_lead |= n->explicit_lead;
    return 0;
}

/* Adds a line's text from byte begin on (after a heading's marker) and its notes, whose
 * offsets are in the line, to the open task. first: the task's first line, whose first
 * sentence is its title. Each note closes the sentences since the last one. */
static void task_add_line(importer *im, const char *content, size_t begin, const zb_imp_note *notes, size_t count,
                          int first)
{
    pending_task *t = &im->task;
    char *plain = without_notes(content, begin, notes, count);
    if (!plain) {
        im->nomem = 1;
        return;
    }
    if (*plain) {
        if (t->text.len)
            zb_buf_adds(&t->text, "\n");
        zb_buf_adds(&t->text, plain);
    }
    size_t from = begin;
    if (first) {
        size_t end = begin + zb_imp_first_sentence(content + begin);
        size_t limit = count ? notes[0].start : strlen(content);
        size_t title_end = end <= limit ? end : limit;
        char *title = zb_imp_trim(content + begin, title_end - begin);
        if (!title) {
            free(plain);
            im->nomem = 1;
            return;
        }
        size_t tl = strlen(title);
        while (tl > 0 && (zb_imp_ends(title, tl, "。") || zb_imp_ends(title, tl, "；") || zb_imp_ends(title, tl, "，") ||
                          title[tl - 1] == ';' || title[tl - 1] == ',' || title[tl - 1] == '.'))
            tl -= (unsigned char)title[tl - 1] < 0x80 ? 1 : 3;
        title[tl] = '\0';
        free(t->title);
        t->title = title;
        if (end <= limit)
            from = end;
    }
    for (size_t k = 0; k < count && !im->nomem; k++) {
        char *seg = segment_text(content, from, notes[k].start);
        if (!seg) {
            im->nomem = 1;
            break;
        }
        int alone = !*seg && !t->since.len;
        if (alone && t->duty_count && t->duties[t->duty_count - 1].line_only) {
            if (merge_duty(&t->duties[t->duty_count - 1], &notes[k]))
                im->nomem = 1;
            free(seg);
            from = notes[k].end;
            continue;
        }
        since_add(t, seg);
        free(seg);
        if (zb_grow((void **)&t->duties, &t->duty_cap, t->duty_count + 1, sizeof *t->duties)) {
            im->nomem = 1;
            break;
        }
        pending_duty d = {zb_buf_take(&t->since), zb_strdup(notes[k].units), zb_strdup(notes[k].note),
                          notes[k].leads, notes[k].explicit_lead, 0};
        if (!d.text)
            d.text = zb_strdup("");
        if (!d.text || !d.units || !d.note) {
            duty_free(&d);
            im->nomem = 1;
            break;
        }
        t->duties[t->duty_count++] = d;
        from = notes[k].end;
    }
    /* Text after the last note (or a line without notes) is not covered by any note yet. */
    char *rest = segment_text(content, from, strlen(content));
    if (!rest) {
        im->nomem = 1;
    } else {
        since_add(t, rest);
        if (count && t->duty_count)
            t->duties[t->duty_count - 1].line_only = !*rest;
    }
    if (t->since.failed || t->text.failed)
        im->nomem = 1;
    free(rest);
    free(plain);
}

static void open_task(importer *im, int line, const char *number, int with_h2)
{
    close_task(im);
    pending_task *t = &im->task;
    t->open = 1;
    t->line = line;
    snprintf(t->number, sizeof t->number, "%s", number);
    const char *hs[2] = {im->h1, with_h2 ? im->h2 : NULL};
    for (size_t k = 0; k < 2; k++) {
        if (!hs[k])
            continue;
        if (!(t->headings[t->heading_count] = zb_strdup(hs[k]))) {
            im->nomem = 1;
            return;
        }
        t->heading_count++;
    }
}

/* ---- the header block ------------------------------------------------------------- */

static int is_none(const char *v)
{
    return !strcmp(v, "-") || !strcmp(v, "—") || !strcmp(v, "无") || !strcmp(v, "－") || !strcmp(v, "/") ||
           !strcmp(v, "暂无");
}

/* A date with an optional time after it (2024-05-31 17:09:35); *rest: what follows. */
static int read_date_time(const char *v, zb_date *d, const char **rest)
{
    const char *end;
    if (!zb_imp_read_date(v, d, &end))
        return 0;
    const char *p = end;
    while (*p == ' ' || *p == '\t')
        p++;
    int digits = 0;
    const char *q = p;
    while ((*q >= '0' && *q <= '9') || *q == ':') {
        digits += *q != ':';
        q++;
    }
    if (digits >= 3 && q > p && strchr(p, ':') && strchr(p, ':') < q)
        p = q;
    else
        p = end;
    while (zb_imp_is_space((unsigned char)*p))
        p++;
    *rest = p;
    return 1;
}

/* The 文号 as GB/T 9704 writes it: the year in 〔〕. */
static char *doc_number_normalised(const char *v)
{
    zb_buf b = {0};
    size_t n;
    for (size_t i = 0; v[i]; i += n) {
        uint32_t cp = zb_utf8_decode(v + i, &n);
        if (cp == '[' || cp == 0xFF08 || cp == '(' || cp == 0x3010 || cp == 0xFE5D || cp == 0x3016 || cp == 0xFF3B)
            zb_buf_adds(&b, "〔");
        else if (cp == ']' || cp == 0xFF09 || cp == ')' || cp == 0x3011 || cp == 0xFE5E || cp == 0x3017 ||
                 cp == 0xFF3D)
            zb_buf_adds(&b, "〕");
        else if (cp != ' ')
            zb_buf_add(&b, v + i, n);
    }
    zb_buf_adds(&b, "");
    return zb_buf_take(&b);
}

static void set_doc_number(importer *im, const char *value, int line, const char *how)
{
    char *v = doc_number_normalised(value);
    if (!v) {
        im->nomem = 1;
        return;
    }
    const char *have = zb_plan_meta(im->plan, ZB_META_DOC_NUMBER);
    if (*have) {
        if (strcmp(have, v) != 0)
            say(im, ZB_SEV_WARNING, "unplaced", line, "%s %s differs from the 文号 %s already read; not kept", how, v,
                have);
        else
            say(im, ZB_SEV_NOTE, "recognised", line, "%s %s (the same as the header's)", how, v);
    } else {
        set_meta(im, ZB_META_DOC_NUMBER, v, line, "document number");
        if (strcmp(v, value) != 0)
            say(im, ZB_SEV_NOTE, "recognised", line, "%s %s (written %s; the year set in 〔〕 as GB/T 9704 has it)", how,
                v, value);
        else
            say(im, ZB_SEV_NOTE, "recognised", line, "%s %s", how, v);
    }
    im->recognised++;
    free(v);
}

static int ascii_index(const char *v)
{
    for (const char *p = v; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '/' ||
              *p == '-' || *p == '_' || *p == '.' || *p == ' '))
            return 0;
    return *v != 0;
}

static void set_date_field(importer *im, zb_date_field f, const char *label, const char *value, int line)
{
    zb_date d;
    const char *rest;
    if (!read_date_time(value, &d, &rest) || *rest) {
        say(im, ZB_SEV_WARNING, "unplaced", line, "header: %s “%s” is not a date", label, value);
        return;
    }
    if (zb_plan_date(im->plan, f).year) {
        say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s (a date is already set; not kept)", label, value);
        return;
    }
    model_failed(im, zb_plan_set_date(im->plan, f, d), line, label);
    say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s", label, value);
}

/* Each field of the header block, its value checked for its shape. */
static void apply_fields(importer *im)
{
    for (size_t k = 0; k < im->seg.nfields && !im->nomem; k++) {
        const zb_imp_field *f = &im->seg.fields[k];
        const char *label = f->label, *v = f->value;
        int line = f->line;
        im->recognised++;
        switch (f->kind) {
        case ZB_FIELD_FURNITURE:
            say(im, ZB_SEV_NOTE, "recognised", line, "site furniture: %s%s%s (dropped)", label, *v ? " " : "", v);
            continue;
        case ZB_FIELD_KEEP:
            say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s (no field for it; not kept)", label,
                *v ? v : "(empty)");
            continue;
        case ZB_FIELD_UNKNOWN:
            im->unknown_labels++;
            say(im, ZB_SEV_WARNING, "unknown-label", line, "header: unknown label “%s” (value “%s”): not kept", label, v);
            continue;
        case ZB_FIELD_TITLE:
            say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s (evidence for the title)", label, v);
            continue;
        default:
            break;
        }
        if (!*v || is_none(v)) {
            say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s", label, *v ? "- (none)" : "(empty)");
            continue;
        }
        switch (f->kind) {
        case ZB_FIELD_PUBLISHED:
            set_date_field(im, ZB_DATE_PUBLISHED, label, v, line);
            break;
        case ZB_FIELD_ISSUED:
            set_date_field(im, ZB_DATE_ISSUED, label, v, line);
            break;
        case ZB_FIELD_PRINTED:
            set_date_field(im, ZB_DATE_PRINTED, label, v, line);
            break;
        case ZB_FIELD_DOC_NUMBER: {
            /* 澜政办函〔2025〕12号 followed by something else: the number, then the rest. */
            size_t len = strlen(v), cut = len;
            for (size_t i = 0; i < len; i++)
                if (v[i] == ' ' || v[i] == '\t') {
                    cut = i;
                    break;
                }
            char head[256];
            snprintf(head, sizeof head, "%.*s", (int)(cut < 255 ? cut : 255), v);
            if (!zb_imp_doc_number_like(v, len) && !zb_imp_doc_number_like(head, strlen(head))) {
                say(im, ZB_SEV_WARNING, "unplaced", line,
                    "header: %s “%s” does not read as a document number (X发〔YYYY〕N号); not kept", label, v);
                break;
            }
            char what[80];
            snprintf(what, sizeof what, "header: %s", label);
            set_doc_number(im, zb_imp_doc_number_like(v, len) ? v : head, line, what);
            if (!zb_imp_doc_number_like(v, len))
                say(im, ZB_SEV_WARNING, "unplaced", line, "header: “%s” after the 文号 could not be placed", v + cut + 1);
            break;
        }
        case ZB_FIELD_INDEX:
            if (!ascii_index(v))
                say(im, ZB_SEV_WARNING, "unplaced", line, "header: %s “%s” does not read as an index number", label, v);
            else if (*zb_plan_meta(im->plan, ZB_META_INDEX_NO))
                say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s (already given; not kept)", label, v);
            else {
                set_meta(im, ZB_META_INDEX_NO, v, line, label);
                say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s", label, v);
            }
            break;
        case ZB_FIELD_VALIDITY: {
            const char *val = !strcmp(v, "是") ? "有效" : !strcmp(v, "否") ? "失效" : v;
            if (*zb_plan_meta(im->plan, ZB_META_VALIDITY))
                break;
            set_meta(im, ZB_META_VALIDITY, val, line, label);
            say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s%s%s", label, v, val != v ? " → " : "",
                val != v ? val : "");
            break;
        }
        default: {
            /* An organ or office: 县政府办公室   2025-03-14 09:20 carries a date that lost its
             * label. */
            zb_meta field = f->kind == ZB_FIELD_DISCLOSURE ? ZB_META_DISCLOSURE
                            : f->kind == ZB_FIELD_ORGAN    ? ZB_META_ORGAN
                                                           : ZB_META_PUBLISHER;
            char *value = zb_strdup(v);
            if (!value) {
                im->nomem = 1;
                return;
            }
            size_t len = strlen(value);
            for (size_t i = 1; i < len; i++) {
                zb_date d;
                const char *rest;
                if ((value[i - 1] == ' ' || value[i - 1] == '\t') && read_date_time(value + i, &d, &rest) && !*rest) {
                    char *tail = value + i;
                    if (!zb_plan_date(im->plan, ZB_DATE_PUBLISHED).year) {
                        model_failed(im, zb_plan_set_date(im->plan, ZB_DATE_PUBLISHED, d), line, "date");
                        say(im, ZB_SEV_NOTE, "recognised", line,
                            "header: the date %s after %s has no label: taken as 发布日期", tail, label);
                    } else {
                        say(im, ZB_SEV_NOTE, "recognised", line, "header: the date %s after %s has no label: not kept",
                            tail, label);
                    }
                    value[i - 1] = '\0';
                    char *t = zb_imp_trim(value, strlen(value));
                    free(value);
                    value = t;
                    break;
                }
            }
            if (!value) {
                im->nomem = 1;
                return;
            }
            if (*zb_plan_meta(im->plan, field))
                say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s (already given as %s; not kept)", label, value,
                    zb_plan_meta(im->plan, field));
            else {
                set_meta(im, field, value, line, label);
                say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s", label, value);
            }
            free(value);
        }
        }
    }
}

/* ---- attachments ---------------------------------------------------------------------- */

static void finish_attachment(importer *im)
{
    if (!im->attach_open)
        return;
    im->attach_open = 0;
    char **lines = im->attach_lines;
    int *numbers = im->attach_numbers;
    size_t count = im->attach_count;
    char fallback[32];
    const char *title = im->attach_title.len ? im->attach_title.data : NULL;
    if (!title && count) {
        title = lines[0];
        lines++;
        numbers++;
        count--;
    }
    if (!title) {
        snprintf(fallback, sizeof fallback, "附件%d", im->attach_number);
        title = fallback;
        say(im, ZB_SEV_WARNING, "unplaced", im->attach_line, "附件%d has no title", im->attach_number);
    }
    char *clean_title = zb_imp_clean(title, NULL);
    if (!clean_title) {
        im->nomem = 1;
        return;
    }
    size_t before_units = zb_plan_unit_count(im->plan);
    zb_imp_attachment_result res;
    if (zb_imp_read_attachment(im->plan, im->report, im->name, im->attach_number, clean_title, lines, numbers, count,
                               im->off, &res)) {
        im->nomem = 1;
    } else {
        im->attachments++;
        im->recognised++;
        im->indicators += res.rows;
        im->tables += res.kind == ZB_ATTACH_TARGETS || res.tasks;
        im->tasks += res.tasks;
        im->duties += res.items;
        im->units += zb_plan_unit_count(im->plan) - before_units;
        if (res.table_year && !im->table_year)
            im->table_year = res.table_year;
        for (size_t l = res.used; l < count && !im->nomem; l++)
            unplaced(im, numbers[l], lines[l], "after the table of this attachment");
    }
    free(clean_title);
    zb_buf_free(&im->attach_title);
    for (size_t l = 0; l < im->attach_count; l++)
        free(im->attach_lines[l]);
    im->attach_count = 0;
}

static void start_attachment(importer *im, int number, const char *title, int line)
{
    close_task(im);
    finish_attachment(im);
    im->attach_open = 1;
    im->attach_number = number;
    im->attach_line = line;
    if (title)
        zb_buf_adds(&im->attach_title, title);
    if (number)
        say(im, ZB_SEV_NOTE, "recognised", line, "附件%d begins", number);
    else
        say(im, ZB_SEV_NOTE, "recognised", line, "附件 (no number) begins");
}

/* Table cells go to the model as printed (it normalises names and notes what it changed);
 * text lines are cleaned here. */
static void attachment_line(importer *im, const char *s, int line)
{
    if (zb_grow((void **)&im->attach_lines, &im->attach_cap, im->attach_count + 1, sizeof *im->attach_lines) ||
        zb_grow((void **)&im->attach_numbers, &im->attach_numbers_cap, im->attach_count + 1,
                sizeof *im->attach_numbers)) {
        im->nomem = 1;
        return;
    }
    char *copy = zb_strdup(s);
    if (!copy) {
        im->nomem = 1;
        return;
    }
    im->attach_lines[im->attach_count] = copy;
    im->attach_numbers[im->attach_count] = line;
    im->attach_count++;
}

/* ---- title, recipients ------------------------------------------------------------------ */

/* The title; for a notice 关于印发《X》的通知, the organ before 关于; years in it. */
static void read_title(importer *im, const char *title, int line)
{
    set_meta(im, ZB_META_TITLE, title, line, "title");
    size_t len = strlen(title);
    im->recognised++;
    if (im->seg.title_lines > 1)
        say(im, ZB_SEV_NOTE, "recognised", line, "title (over %zu lines, joined): %s", im->seg.title_lines, title);
    else
        say(im, ZB_SEV_NOTE, "recognised", line, "title: %s", title);
    const char *about = strstr(title, "关于");
    if (im->seg.notice && about && about > title) {
        char *organ = zb_strndup(title, (size_t)(about - title));
        if (!organ) {
            im->nomem = 1;
            return;
        }
        if (!*zb_plan_meta(im->plan, ZB_META_ORGAN)) {
            set_meta(im, ZB_META_ORGAN, organ, line, "issuing organ");
            say(im, ZB_SEV_NOTE, "recognised", line, "issuing organ (from the title): %s", organ);
        }
        free(organ);
    }
    /* Years in the title: (2021-2023), 2021—2023年, or 2024年. */
    int to = 0, words = 0;
    zb_imp_scan_years(title, &to, &im->title_first, &im->title_last, &words);
    if (!im->title_first) {
        for (size_t i = 4; i + 3 <= len; i++) {
            if (zb_imp_starts(title + i, "年") && (i == 4 || title[i - 5] < '0' || title[i - 5] > '9')) {
                int y = 0, ok = 1;
                for (size_t k = i - 4; k < i; k++)
                    ok &= title[k] >= '0' && title[k] <= '9';
                for (size_t k = i - 4; ok && k < i; k++)
                    y = y * 10 + (title[k] - '0');
                if (ok && y >= 1900 && y <= 9999) {
                    im->title_first = im->title_last = y;
                    break;
                }
            }
        }
    }
}

/* 主送机关: 各镇人民政府、街道办事处、联盟,县政府各部门: — entries split at ， outside brackets
 * (、 stays inside an entry). */
static void read_recipients(importer *im, const char *s, int line)
{
    size_t len = strlen(s), start = 0, n;
    if (zb_imp_ends(s, len, "："))
        len -= strlen("：");
    else if (zb_imp_ends(s, len, ":"))
        len--;
    size_t added = 0;
    int depth = 0;
    for (size_t i = 0; i <= len && !im->nomem; i += n) {
        uint32_t cp = i < len ? zb_utf8_decode(s + i, &n) : 0;
        if (i == len)
            n = 1;
        if (cp == '(' || cp == 0xFF08)
            depth++;
        else if ((cp == ')' || cp == 0xFF09) && depth > 0)
            depth--;
        if (i < len && !((cp == 0xFF0C || cp == ',') && depth == 0))
            continue;
        char *r = zb_imp_trim(s + start, i - start);
        start = i + n;
        if (!r) {
            im->nomem = 1;
            return;
        }
        if (*r && !model_failed(im, zb_plan_add_recipient(im->plan, r), line, "recipient"))
            added++;
        free(r);
    }
    im->recognised++;
    say(im, ZB_SEV_NOTE, "recognised", line, "recipients (主送机关): %zu", added);
}

static int heading_is_targets(const char *h)
{
    static const char *const words[] = {"目标", "要求", "原则", "思路", "意义", "背景", "形势"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strstr(h, words[k]))
            return 1;
    return 0;
}

/* The text a heading stands for in a task's heading path: the marker and first sentence of
 * a heading that runs on into a paragraph ((一)强化组织领导。加强…), else the line. */
static char *heading_text(const char *line, size_t marker, const zb_imp_note *notes, size_t count)
{
    char *plain = without_notes(line, 0, notes, count);
    if (!plain)
        return NULL;
    size_t end = marker + zb_imp_first_sentence(plain + marker);
    size_t len = strlen(plain);
    if (end < len) {
        while (end > marker && (zb_imp_ends(plain, end, "。") || zb_imp_ends(plain, end, "；")))
            end -= strlen("。");
        plain[end] = '\0';
    }
    return plain;
}

static void set_heading(char **slot, char *text)
{
    free(*slot);
    *slot = text;
}

/* ---- the body: headings, tasks, notes, targets ------------------------------------------ */

/* One line of the document's or the plan's text. */
static void body_line(importer *im, const char *raw, int line)
{
    int changed = 0;
    /* A row of cells the table readers did not take keeps its tabs, so that check can tell
     * a table kept as text. */
    const char *tab = strchr(raw, '\t');
    char *text = tab && strchr(tab + 1, '\t') ? zb_strdup(raw) : zb_imp_clean(raw, &changed);
    if (!text) {
        im->nomem = 1;
        return;
    }
    if (changed) {
        char ex[160];
        excerpt(text, 30, ex, sizeof ex);
        say(im, ZB_SEV_NOTE, "normalised", line, "white space cleaned in “%s”", ex);
    }
    char number[32];
    size_t marker = 0;
    int level = zb_imp_heading(text, &marker, number);
    zb_imp_note *notes = NULL;
    size_t nnotes = 0;
    if (zb_imp_find_notes(text + marker, im->off, &notes, &nnotes)) {
        free(text);
        im->nomem = 1;
        return;
    }
    /* The notes were found after the marker; from here on their offsets are in the line. */
    for (size_t k = 0; k < nnotes; k++) {
        notes[k].start += marker;
        notes[k].end += marker;
    }
    if (level)
        im->headings++;
    if (level >= 1 && level <= 3)
        close_task(im);
    /* A line that is only a note belongs to the task before it; it stays a paragraph of the
     * text, as published. */
    char *plain = without_notes(text, 0, notes, nnotes);
    if (!plain) {
        zb_imp_notes_free(notes, nnotes);
        free(text);
        im->nomem = 1;
        return;
    }
    int note_only = nnotes && !*plain && !level;
    if (!model_failed(im, zb_plan_add_block_to(im->plan, im->part, level, text), line, "body text"))
        im->blocks++;
    if (level == 1 || level == 2) {
        char *h = heading_text(text, marker, notes, nnotes);
        if (!h)
            im->nomem = 1;
        if (level == 1) {
            set_heading(&im->h1, h);
            set_heading(&im->h2, NULL);
            im->targets_section = h && heading_is_targets(h);
        } else {
            set_heading(&im->h2, h);
        }
    }
    size_t task = ZB_NONE;
    if (im->plan_text && !im->nomem) {
        /* What starts a task: a numbered item (not among the targets), or a heading or
         * paragraph that carries its own responsibility note. A (1) or ① item, a
         * paragraph or a note on a line of its own after a task continues it. */
        int starts;
        if (level == 1 || level == 2)
            starts = nnotes > 0;
        else if (level == 3)
            starts = nnotes > 0 || !im->targets_section;
        else
            starts = !im->task.open && nnotes > 0 && !note_only;
        if (note_only && !im->task.open && im->item_text) {
            /* 5、强化督查。… under 工作要求, its note on the next line: a task after all. */
            open_task(im, im->item_line, im->item_number, 1);
            if (!im->nomem)
                task_add_line(im, im->item_text, im->item_marker, NULL, 0, 1);
        }
        free(im->item_text);
        im->item_text = NULL;
        if (level == 3 && !starts) {
            im->item_text = zb_strdup(text);
            im->item_marker = marker;
            im->item_line = line;
            snprintf(im->item_number, sizeof im->item_number, "%s", number);
            if (!im->item_text)
                im->nomem = 1;
        }
        if (starts) {
            open_task(im, line, number, level == 0 || level >= 3);
            if (level == 1) {
                /* A chapter that is itself a task has no heading above it. */
                for (size_t k = 0; k < im->task.heading_count; k++)
                    free(im->task.headings[k]);
                im->task.heading_count = 0;
            }
        }
        if (im->task.open && !im->nomem) {
            task_add_line(im, text, starts ? marker : 0, notes, nnotes, starts);
            task = zb_plan_task_count(im->plan);
        } else if (note_only) {
            unplaced(im, line, text, "a responsibility note with no task before it");
        }
        if (zb_imp_find_targets(plain, task, line, &im->targets))
            im->nomem = 1;
        zb_imp_scan_years(plain, &im->to_year, &im->span_first, &im->span_last, &im->years_word);
    } else if (nnotes && !im->nomem) {
        say(im, ZB_SEV_NOTE, "recognised", line, "a responsibility note in the notice text is kept as text");
    }
    free(plain);
    zb_imp_notes_free(notes, nnotes);
    free(text);
}

/* A table in the body (a task breakdown issued as the plan, a table pasted into the text):
 * the lines it takes from line i on, 0 when none starts there. */
static size_t body_table(importer *im, size_t i)
{
    const zb_imp_doc *doc = &im->doc;
    /* Cheap first: does a header start here? */
    char *head[40];
    size_t nh = 0;
    for (size_t k = i; k < doc->count && nh < 40; k++)
        if (im->seg.roles[k] == ZB_ROLE_BODY)
            head[nh++] = doc->lines[k].text;
        else if (im->seg.roles[k] != ZB_ROLE_BLANK)
            break;
    int starts = zb_imp_table_starts(head, nh, im->off);
    if (starts <= 0) {
        if (starts < 0)
            im->nomem = 1;
        return 0;
    }
    close_task(im);
    size_t end = i;
    while (end < doc->count && (im->seg.roles[end] == ZB_ROLE_BODY || im->seg.roles[end] == ZB_ROLE_BLANK))
        end++;
    /* The body's lines from i on, blank ones left out. */
    size_t n = 0;
    char **lines = malloc((end - i + 1) * sizeof *lines);
    int *numbers = malloc((end - i + 1) * sizeof *numbers);
    size_t *index = malloc((end - i + 1) * sizeof *index);
    if (!lines || !numbers || !index) {
        free(lines);
        free(numbers);
        free(index);
        im->nomem = 1;
        return 0;
    }
    for (size_t k = i; k < end; k++) {
        if (im->seg.roles[k] != ZB_ROLE_BODY)
            continue;
        lines[n] = doc->lines[k].text;
        numbers[n] = doc->lines[k].number;
        index[n++] = k;
    }
    size_t taken = 0;
    zb_imp_table_result tr;
    size_t before_tasks = zb_plan_task_count(im->plan);
    if (n && zb_imp_read_table(im->plan, im->report, im->name, lines, numbers, n, im->off, &tr)) {
        im->nomem = 1;
    } else if (n && tr.found) {
        im->tables++;
        im->indicators += tr.rows;
        im->tasks += zb_plan_task_count(im->plan) - before_tasks;
        im->duties += tr.items;
        im->recognised++;
        if (tr.table_year && !im->table_year)
            im->table_year = tr.table_year;
        taken = index[tr.used - 1] - i + 1;
    }
    free(lines);
    free(numbers);
    free(index);
    return taken;
}

/* ---- stage 3 and 4: the lines by their roles ------------------------------------------ */

static void read_lines(importer *im)
{
    zb_imp_seg *seg = &im->seg;
    zb_imp_doc *doc = &im->doc;
    apply_fields(im);
    if (seg->title)
        read_title(im, seg->title, doc->lines[seg->title_at].number);
    int listed_said = 0;
    zb_buf plan_title = {0};
    int plan_title_line = 0;
    for (size_t i = 0; i < doc->count && !im->nomem; i++) {
        const char *s = doc->lines[i].text;
        int line = doc->lines[i].number;
        zb_imp_role role = seg->roles[i];
        if (role != ZB_ROLE_PLAN_TITLE && plan_title.len) {
            char *t = zb_imp_clean(plan_title.data, NULL);
            if (!t) {
                im->nomem = 1;
                break;
            }
            set_meta(im, ZB_META_PLAN_TITLE, t, plan_title_line, "plan title");
            say(im, ZB_SEV_NOTE, "recognised", plan_title_line, "the plan the notice issues: %s", t);
            free(t);
            zb_buf_free(&plan_title);
            im->recognised++;
        }
        switch (role) {
        case ZB_ROLE_BLANK:
        case ZB_ROLE_HEADER:
        case ZB_ROLE_TITLE:
            break;
        case ZB_ROLE_FURNITURE: {
            char ex[160];
            excerpt(s, 30, ex, sizeof ex);
            im->furniture++;
            say(im, ZB_SEV_NOTE, "recognised", line, "site furniture: %s (dropped)", ex);
            break;
        }
        case ZB_ROLE_MASTHEAD:
            if (!*zb_plan_meta(im->plan, ZB_META_ORGAN_MARK))
                set_meta(im, ZB_META_ORGAN_MARK, s, line, "masthead");
            say(im, ZB_SEV_NOTE, "recognised", line, "masthead (发文机关标志): %s", s);
            im->recognised++;
            break;
        case ZB_ROLE_DOC_NUMBER:
            set_doc_number(im, s, line, "document number (发文字号):");
            break;
        case ZB_ROLE_DATE_LINE: {
            zb_date d;
            if (zb_imp_date_line(s, &d) && !zb_plan_date(im->plan, ZB_DATE_PUBLISHED).year) {
                model_failed(im, zb_plan_set_date(im->plan, ZB_DATE_PUBLISHED, d), line, "date");
                say(im, ZB_SEV_NOTE, "recognised", line, "a date above the body with no label: taken as 发布日期 %s", s);
            } else {
                unplaced(im, line, s, "a second date above the body");
            }
            break;
        }
        case ZB_ROLE_RECIPIENTS:
            read_recipients(im, s, line);
            break;
        case ZB_ROLE_NOTICE:
            im->part = ZB_PART_DOCUMENT;
            im->plan_text = 0;
            body_line(im, s, line);
            break;
        case ZB_ROLE_ATTACH_LIST:
            if (!listed_said) {
                listed_said = 1;
                zb_buf list = {0};
                for (size_t k = 0; k < seg->nlisted; k++)
                    zb_buf_addf(&list, "%s%zu. %s", k ? "; " : "", k + 1, seg->listed[k]);
                zb_buf_adds(&list, "");
                if (list.failed)
                    im->nomem = 1;
                else
                    say(im, ZB_SEV_NOTE, "recognised", line,
                        "附件说明: %zu attachment%s named (%s); not kept as text: the notice writes it from the "
                        "attachments",
                        seg->nlisted, seg->nlisted == 1 ? "" : "s", list.data);
                zb_buf_free(&list);
                im->recognised++;
            }
            break;
        case ZB_ROLE_SIGNATURE: {
            char *sig = zb_imp_clean(s, NULL);
            if (!sig) {
                im->nomem = 1;
                break;
            }
            set_meta(im, ZB_META_SIGNATURE, sig, line, "signature");
            if (!*zb_plan_meta(im->plan, ZB_META_ORGAN))
                set_meta(im, ZB_META_ORGAN, sig, line, "issuing organ");
            say(im, ZB_SEV_NOTE, "recognised", line, "signature (署名): %s", sig);
            free(sig);
            im->recognised++;
            break;
        }
        case ZB_ROLE_DATE: {
            zb_date d;
            close_task(im);
            if (zb_imp_date_line(s, &d)) {
                model_failed(im, zb_plan_set_date(im->plan, ZB_DATE_ISSUED, d), line, "date");
                say(im, ZB_SEV_NOTE, "recognised", line, "date (成文日期): %04d-%02d-%02d", d.year, d.month, d.day);
            }
            im->recognised++;
            /* A notice's text ends at its date; the plan it issues follows. */
            if (seg->issued && im->part == ZB_PART_DOCUMENT) {
                set_meta(im, ZB_META_PLAN_TITLE, seg->issued, line, "plan title");
                set_heading(&im->h1, NULL);
                set_heading(&im->h2, NULL);
            }
            break;
        }
        case ZB_ROLE_NOTE: {
            char *note = zb_imp_clean(s, NULL);
            if (!note) {
                im->nomem = 1;
                break;
            }
            if (!*zb_plan_meta(im->plan, ZB_META_NOTE)) {
                set_meta(im, ZB_META_NOTE, note, line, "note");
                say(im, ZB_SEV_NOTE, "recognised", line, "note (附注): %s", note);
            }
            free(note);
            break;
        }
        case ZB_ROLE_PLAN_HEAD:
            close_task(im);
            finish_attachment(im);
            say(im, ZB_SEV_NOTE, "recognised", line, "%s holds the plan the notice issues: read as its text", s);
            break;
        case ZB_ROLE_PLAN_TITLE:
            close_task(im);
            finish_attachment(im);
            if (!plan_title.len)
                plan_title_line = line;
            zb_buf_adds(&plan_title, s);
            im->part = ZB_PART_PLAN;
            im->plan_text = 1;
            set_heading(&im->h1, NULL);
            set_heading(&im->h2, NULL);
            break;
        case ZB_ROLE_BODY: {
            if (im->attach_open) {
                attachment_line(im, s, line);
                break;
            }
            im->part = seg->plan_from != ZB_NONE && i >= seg->plan_from ? ZB_PART_PLAN : ZB_PART_DOCUMENT;
            im->plan_text = !seg->issued || im->part == ZB_PART_PLAN;
            size_t used = body_table(im, i);
            if (used) {
                i += used - 1;
                break;
            }
            body_line(im, s, line);
            break;
        }
        case ZB_ROLE_ATTACH_HEAD: {
            int number;
            const char *title;
            zb_imp_attachment_header(s, &number, &title);
            start_attachment(im, number, title, line);
            break;
        }
        case ZB_ROLE_ATTACH_TITLE:
            zb_buf_adds(&im->attach_title, s);
            break;
        case ZB_ROLE_ATTACHMENT:
            attachment_line(im, s, line);
            break;
        case ZB_ROLE_UNPLACED:
            unplaced(im, line, s, seg->title_at == ZB_NONE || i < seg->title_at ? "before the title" : "above the body");
            break;
        }
    }
    zb_buf_free(&plan_title);
    close_task(im);
    finish_attachment(im);
}

/* The years the plan covers, from what the text said. */
static void settle_years(importer *im)
{
    int first = 0, last = 0;
    if (im->title_first) {
        first = im->title_first;
        last = im->title_last;
    } else if (im->to_year) {
        last = im->to_year;
        int issued = zb_plan_date(im->plan, ZB_DATE_ISSUED).year;
        if (!issued)
            issued = zb_plan_date(im->plan, ZB_DATE_PUBLISHED).year;
        if (im->span_last == last)
            first = im->span_first; /* a 2021–2023 plan it implements: 《…方案(2021-2023)》 */
        else if (im->years_word)
            first = last - im->years_word + 1; /* 三年攻坚 */
        else if (issued && issued <= last)
            first = issued;
        else
            first = last;
    } else if (im->table_year) {
        first = last = im->table_year;
    } else if (zb_plan_first_year(im->plan)) {
        first = zb_plan_first_year(im->plan); /* a table's years */
        last = zb_plan_last_year(im->plan);
    }
    if (first && !model_failed(im, zb_plan_set_years(im->plan, first, last), 0, "years")) {
        if (first == last)
            say(im, ZB_SEV_NOTE, "recognised", 0, "year: %d", first);
        else
            say(im, ZB_SEV_NOTE, "recognised", 0, "years: %d–%d", first, last);
    }
}

static void add_targets(importer *im)
{
    int pf = zb_plan_first_year(im->plan), pl = zb_plan_last_year(im->plan);
    size_t added = 0;
    for (size_t k = 0; k < im->targets.count && !im->nomem; k++) {
        zb_imp_target *t = &im->targets.items[k];
        zb_prose_target_def def = {0};
        def.name = t->name;
        def.unit = t->unit;
        def.value = t->value;
        def.qualifier = t->qualifier == ZB_QUAL_NONE ? ZB_QUAL_AUTO : t->qualifier;
        def.sentence = t->sentence;
        def.task = t->task != ZB_NONE && t->task < zb_plan_task_count(im->plan) ? t->task : ZB_NONE;
        char where[600];
        snprintf(where, sizeof where, "%s:%d", im->name, t->line);
        def.source = where;
        /* Only years that differ from the plan's are stored. */
        if (t->year && t->year != pl) {
            def.first_year = pf && pf <= t->year ? pf : t->year;
            def.last_year = t->year;
        } else if (!t->year && t->at_year && !(pf == t->at_year && pl == t->at_year)) {
            def.first_year = def.last_year = t->at_year;
        }
        zb_status st = zb_plan_add_prose_target(im->plan, &def, NULL);
        if (st == ZB_ERR_NOMEM)
            im->nomem = 1;
        else if (st == ZB_OK)
            added++;
        else
            im->targets.skipped++;
    }
    if (added || im->targets.skipped)
        say(im, ZB_SEV_NOTE, "recognised", 0,
            "prose targets: %zu (numbers passed over as dates, ordinals, quoted names or parts of names: %zu)", added,
            im->targets.skipped);
    im->recognised += added;
}

static void importer_free(importer *im)
{
    task_reset(&im->task);
    free(im->item_text);
    zb_imp_targets_free(&im->targets);
    free(im->h1);
    free(im->h2);
    zb_buf_free(&im->attach_title);
    for (size_t l = 0; l < im->attach_count; l++)
        free(im->attach_lines[l]);
    free(im->attach_lines);
    free(im->attach_numbers);
    for (size_t k = 0; k < im->collective_count; k++)
        free(im->collectives[k]);
    free(im->collectives);
    zb_imp_seg_free(&im->seg);
    zb_imp_doc_free(&im->doc);
}

/* What each stage did, in one note each. */
static void report_stages(importer *im)
{
    const zb_imp_clean_stats *c = &im->doc.stats;
    zb_buf b = {0};
    zb_buf_addf(&b, "clean: %zu lines", c->lines);
    if (c->page_breaks)
        zb_buf_addf(&b, ", %zu pages", c->page_breaks + 1);
    zb_buf_addf(&b, "; %zu page numbers and %zu running headers dropped; %zu lines broken at the page width", c->page_numbers,
                c->running_headers, c->rejoined);
    if (c->line_width > 0)
        zb_buf_addf(&b, " (%g characters)", c->line_width);
    zb_buf_addf(&b, " rejoined; %zu half-width marks made full-width; %zu spaces beside numbers removed; %zu "
                    "full-width digits or letters made ASCII",
                c->punctuation, c->number_spaces, c->widths);
    zb_buf_adds(&b, "");
    if (b.failed)
        im->nomem = 1;
    else
        say(im, ZB_SEV_NOTE, "stage", 0, "%s", b.data);
    zb_buf_free(&b);

    const zb_imp_seg *s = &im->seg;
    size_t notice = 0, body = 0, attach = 0, unplaced = 0;
    for (size_t i = 0; i < im->doc.count; i++) {
        zb_imp_role r = s->roles[i];
        notice += r == ZB_ROLE_RECIPIENTS || r == ZB_ROLE_NOTICE || r == ZB_ROLE_ATTACH_LIST || r == ZB_ROLE_SIGNATURE ||
                  r == ZB_ROLE_DATE || r == ZB_ROLE_NOTE;
        body += r == ZB_ROLE_BODY || r == ZB_ROLE_PLAN_TITLE;
        attach += r == ZB_ROLE_ATTACH_HEAD || r == ZB_ROLE_ATTACH_TITLE || r == ZB_ROLE_ATTACHMENT;
        unplaced += r == ZB_ROLE_UNPLACED;
    }
    say(im, ZB_SEV_NOTE, "stage", 0,
        "segment: %zu furniture lines, %zu header lines with %zu fields, title %s%s, %zu lines of notice parts, %zu "
        "body lines, %zu attachment lines, %zu lines before the body that fit nowhere",
        s->furniture, s->header_lines, s->nfields, s->title ? "found" : "not found",
        s->title && s->title_lines > 1 ? " (joined from several lines)" : "", notice, body, attach, unplaced);
    say(im, ZB_SEV_NOTE, "stage", 0,
        "recognise: %zu headings, %zu tasks with %zu responsibility items, %zu tables, %zu indicators, %zu units, "
        "%zu prose targets",
        im->headings, im->tasks, im->duties, im->tables, im->indicators, im->units, im->targets.count);
    say(im, ZB_SEV_NOTE, "stage", 0,
        "build: %zu body blocks, %zu tasks, %zu indicators in %zu categories, %zu units, %zu attachments, %zu prose "
        "targets; %zu lines unplaced",
        im->blocks, zb_plan_task_count(im->plan), zb_plan_indicator_count(im->plan), zb_plan_category_count(im->plan),
        zb_plan_unit_count(im->plan), zb_plan_attachment_count(im->plan), zb_plan_prose_target_count(im->plan),
        im->unplaced);
}

zb_status zb_imp_run(zb_plan *plan, const char *text, size_t len, const char *name, const zb_import_options *options,
                     unsigned off, zb_findings **report)
{
    if (report)
        *report = NULL;
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!text && len)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "zb_import_text_string: no text given");
    if (!text)
        text = "";
    if (!name)
        name = "<string>";
    zb_findings *f = zb_findings_new();
    if (!f)
        return zb_plan_fail(plan, ZB_ERR_NOMEM, "%s: out of memory", name);

    importer im = {0};
    im.name = name;
    im.off = off;
    im.report = f;

    /* Stage 1: clean. The input is checked here and nowhere else. */
    char msg[ZB_ERROR_MESSAGE_MAX];
    zb_status st = zb_imp_clean_text(text, len, name, &im.doc, f, msg, sizeof msg);
    if (st) {
        st = zb_plan_fail(plan, st, "%s", msg);
        if (report)
            *report = f;
        else
            zb_findings_free(f);
        return st;
    }
    im.plan = zb_plan_new();
    if (!im.plan || zb_imp_segment(&im.doc, off, &im.seg)) {
        im.nomem = 1;
    } else {
        im.plan_text = 1;
        read_lines(&im);
        if (!im.nomem)
            settle_years(&im);
        if (!im.nomem)
            add_targets(&im);
    }
    if (im.nomem) {
        st = zb_plan_fail(plan, ZB_ERR_NOMEM, "%s: out of memory", name);
    } else {
        report_stages(&im);
        im.recognised += im.tasks + im.headings;
        if (!im.nomem)
            zb_imp_verdict(im.plan, f, name);
        if (im.nomem)
            st = zb_plan_fail(plan, ZB_ERR_NOMEM, "%s: out of memory", name);
        else if (!im.recognised)
            st = zb_plan_fail(plan, ZB_ERR_VALUE,
                              "%s: nothing recognisable: no header block, headings, tasks, notice parts, tables or "
                              "targets (is this a plan as published?)",
                              name);
        else if (options && options->strict && im.first_unplaced)
            st = zb_plan_fail(plan, ZB_ERR_VALUE, "%s:%d: could not place “%s” (strict import)", name,
                              im.first_unplaced, im.first_unplaced_text);
    }
    if (st == ZB_OK) {
        zb_plan_swap(plan, im.plan);
        zb_plan_clear_error(plan);
    }
    zb_plan_free(im.plan);
    importer_free(&im);
    if (report)
        *report = f;
    else
        zb_findings_free(f);
    return st;
}

zb_status zb_import_text_string(zb_plan *plan, const char *text, size_t len, const char *name,
                                const zb_import_options *options, zb_findings **report)
{
    return zb_imp_run(plan, text, len, name, options, 0, report);
}

zb_status zb_import_text(zb_plan *plan, const char *path, const zb_import_options *options, zb_findings **report)
{
    if (report)
        *report = NULL;
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!path || !*path)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "zb_import_text: no path given");
    char *data;
    size_t len;
    zb_error err;
    zb_status st = zb_read_file(path, &data, &len, &err);
    if (st)
        return zb_plan_fail(plan, st, "%s", err.message);
    st = zb_import_text_string(plan, data, len, path, options, report);
    free(data);
    return st;
}

int zb_imp_verdict(const zb_plan *plan, zb_findings *report, const char *name)
{
    /* Every warning that says something was not placed counts: lines, header values of the
     * wrong shape, tables that could not be read. */
    size_t unplaced = 0;
    for (size_t i = 0; i < zb_findings_count(report); i++)
        unplaced += strcmp(zb_findings_code(report, i), "unplaced") == 0;
    size_t before = zb_findings_count(report);
    if (zb_plan_check_misread(plan, report))
        return -1;
    size_t signs = zb_findings_count(report) - before;
    const char *doc_number = zb_plan_meta(plan, ZB_META_DOC_NUMBER);
    size_t items = 0;
    for (size_t t = 0; t < zb_plan_task_count(plan); t++)
        items += zb_plan_task_duty_count(plan, t);
    const char *title = zb_plan_meta(plan, ZB_META_TITLE);
    if (zb_findings_add(report, ZB_SEV_NOTE, "summary", name,
                        "title: %s; 文号: %s; %zu tasks with %zu responsibility items; %zu indicators; %zu "
                        "attachments; %zu unplaced",
                        *title ? title : "(none)", *doc_number ? doc_number : "(none)", zb_plan_task_count(plan), items,
                        zb_plan_indicator_count(plan), zb_plan_attachment_count(plan), unplaced))
        return -1;
    if (!signs && !unplaced)
        return zb_findings_add(report, ZB_SEV_NOTE, "verdict", name,
                               "read completely: every line placed, nothing looks misread");
    zb_buf what = {0};
    for (size_t k = before; k < before + signs; k++) {
        const char *code = zb_findings_code(report, k);
        int dup = 0;
        for (size_t j = before; j < k && !dup; j++)
            dup = strcmp(zb_findings_code(report, j), code) == 0;
        if (!dup)
            zb_buf_addf(&what, "%s%s", what.len ? ", " : "", code);
    }
    zb_buf_adds(&what, "");
    if (what.failed) {
        zb_buf_free(&what);
        return -1;
    }
    int r;
    if (signs)
        r = zb_findings_add(report, ZB_SEV_WARNING, "verdict", name,
                            "check the result: %zu unplaced; %zu sign%s of a misread (%s)", unplaced, signs,
                            signs == 1 ? "" : "s", what.data);
    else
        r = zb_findings_add(report, ZB_SEV_WARNING, "verdict", name,
                            "read with gaps: %zu unplaced (listed above); nothing else looks misread", unplaced);
    zb_buf_free(&what);
    return r;
}
