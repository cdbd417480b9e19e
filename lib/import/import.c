/* zb_import_text(): a plan as published on a government website, read line by line.
 *
 * The text comes in the order sites print it: a header block (索引号, 发布机构, 文号 …) and
 * site furniture (访问次数, 【字号, 分享), the document's title, then either the plan itself
 * (桐庐) or a notice that issues it (武义: 主送机关, notice text, 署名, 成文日期, 附注, then the
 * plan's title and text), then the attachments (附件2 …). Each line is recognised as one of
 * these, or as a heading (一、 (一) 1. (1)) or paragraph of the text; numbered items and
 * headings that carry a responsibility note become tasks; numbers with units in the plan's
 * sentences become prose targets. A line that fits nowhere is reported, never dropped.
 *
 * Everything is built in a new plan, swapped into the caller's only on success. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_internal.h"

/* ---- the importer's state ----------------------------------------------------------- */

typedef struct pending_duty {
    char *text; /* the sentences the note closes; "" = none apart from the title */
    char *units;
    char *note;
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
    pending_duty *duties;
    size_t duty_count, duty_cap;
    int trailing; /* text after its last note, which no note covers */
} pending_task;

typedef struct importer {
    const char *name;
    zb_plan *plan;
    zb_findings *report;
    int nomem;
    int first_unplaced; /* line number, 0 = none */
    char first_unplaced_text[160];

    char **lines;
    int *numbers;
    size_t count;

    int title_seen;
    int notice;           /* the title ends in 通知 */
    char *issued_folded;  /* the title of the plan it issues (印发《X》的通知), folded */
    char *issued;         /* …as written */
    int body_started;
    int recipients_done;
    int expect_plan_title; /* right after the notice's date: the plan's title line may come */
    zb_part part;
    int plan_text; /* the text read now is the plan's (tasks and targets count) */
    char *h1, *h2;
    int targets_section; /* under a heading such as 一、主要目标: numbered items are not tasks */
    pending_task task;
    zb_imp_targets targets;
    size_t recognised; /* structure found: header fields, headings, tasks, tables… */
    size_t blocks, tasks, duties, headings, attachments, indicators, units;

    int attach_open;
    int attach_number;
    int attach_line;
    char *attach_title;
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

static void note_collectives(importer *im, const char *units, int line)
{
    size_t len = strlen(units), start = 0, n;
    for (size_t i = 0; i <= len && !im->nomem; i += n) {
        uint32_t cp = i < len ? zb_utf8_decode(units + i, &n) : 0;
        if (i == len)
            n = 1;
        if (i < len && cp != 0x3001)
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
        say(im, ZB_SEV_NOTE, "collective", line, "responsible unit %s stands for a group of units (not looked up in the unit list)", u);
    }
}

/* ---- tasks -------------------------------------------------------------------------- */

static void task_reset(pending_task *t)
{
    for (size_t k = 0; k < t->heading_count; k++)
        free(t->headings[k]);
    free(t->title);
    zb_buf_free(&t->text);
    for (size_t d = 0; d < t->duty_count; d++) {
        free(t->duties[d].text);
        free(t->duties[d].units);
        free(t->duties[d].note);
    }
    free(t->duties);
    memset(t, 0, sizeof *t);
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
    def.title = t->title;
    def.text = t->text.data ? t->text.data : "";
    char where[600];
    snprintf(where, sizeof where, "%s:%d", im->name, t->line);
    def.source = where;
    size_t index;
    zb_status st = zb_plan_add_task(im->plan, &def, &index);
    if (!model_failed(im, st, t->line, "task")) {
        im->tasks++;
        for (size_t d = 0; d < t->duty_count && !im->nomem; d++) {
            pending_duty *u = &t->duties[d];
            /* One note closing the whole task covers all of it. */
            const char *text = t->duty_count == 1 && !t->trailing ? NULL : *u->text ? u->text : t->title;
            st = zb_plan_add_task_duty(im->plan, index, text, u->units, u->note);
            if (!model_failed(im, st, t->line, "responsibility item")) {
                im->duties++;
                note_collectives(im, u->units, t->line);
            }
        }
    }
    task_reset(t);
}

/* The text of [b, e) of s without white space and the punctuation a note leaves at its
 * ends (。 ， after a closing bracket). */
static char *segment(const char *s, size_t b, size_t e)
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
    const char *content = line;
    zb_buf b = {0};
    size_t at = begin;
    for (size_t k = 0; k < count; k++) {
        zb_buf_add(&b, content + at, notes[k].start - at);
        at = notes[k].end;
    }
    zb_buf_adds(&b, content + at);
    if (b.failed) {
        zb_buf_free(&b);
        return NULL;
    }
    char *t = zb_imp_trim(b.data, b.len);
    zb_buf_free(&b);
    return t;
}

/* Adds a line's text from byte begin on (after a heading's marker) and its notes, whose
 * offsets are in the line, to the open task. first: the task's first line, whose first
 * sentence is its title. */
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
        t->title = title;
        if (end <= limit)
            from = end;
    }
    for (size_t k = 0; k < count && !im->nomem; k++) {
        if (zb_grow((void **)&t->duties, &t->duty_cap, t->duty_count + 1, sizeof *t->duties)) {
            im->nomem = 1;
            break;
        }
        pending_duty d = {segment(content, from, notes[k].start), zb_strdup(notes[k].units), zb_strdup(notes[k].note)};
        if (!d.text || !d.units || !d.note) {
            free(d.text);
            free(d.units);
            free(d.note);
            im->nomem = 1;
            break;
        }
        t->duties[t->duty_count++] = d;
        from = notes[k].end;
    }
    /* Text after the last note (or a line without notes) is not covered by any note. */
    char *rest = segment(content, from, strlen(content));
    if (!rest)
        im->nomem = 1;
    else if (*rest && (count || !first))
        t->trailing = 1;
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

/* ---- lines of the document ---------------------------------------------------------- */

enum header_kind { H_INDEX, H_PUBLISHER, H_SOURCE, H_PUBLISHED, H_ISSUED, H_DOC_NUMBER, H_VALIDITY, H_DISCLOSURE,
                   H_ORGAN, H_KEEP_NOTE, H_FURNITURE };

typedef struct header_label {
    const char *text;
    int kind;
} header_label;

/* Longer labels first where one starts another (发布机构 / 发布日期 share 发布). */
static const header_label header_labels[] = {
    {"索引号", H_INDEX},       {"发布机构", H_PUBLISHER}, {"发布单位", H_PUBLISHER}, {"信息来源", H_SOURCE},
    {"来源", H_SOURCE},        {"发布日期", H_PUBLISHED}, {"发布时间", H_PUBLISHED}, {"成文日期", H_ISSUED},
    {"发文字号", H_DOC_NUMBER}, {"文件编号", H_DOC_NUMBER}, {"文号", H_DOC_NUMBER},  {"有效性", H_VALIDITY},
    {"文件效力", H_VALIDITY},  {"公开方式", H_DISCLOSURE}, {"统一编号", H_KEEP_NOTE}, {"关联文件", H_KEEP_NOTE},
    {"主题分类", H_KEEP_NOTE}, {"体裁分类", H_KEEP_NOTE}, {"组配分类", H_KEEP_NOTE}, {"服务对象", H_KEEP_NOTE},
    {"公开范围", H_KEEP_NOTE}, {"公开时限", H_KEEP_NOTE}, {"生效日期", H_KEEP_NOTE}, {"废止日期", H_KEEP_NOTE},
    {"失效日期", H_KEEP_NOTE}, {"访问次数", H_FURNITURE}, {"浏览次数", H_FURNITURE}, {"【字号", H_FURNITURE},
    {"字号", H_FURNITURE},     {"分享", H_FURNITURE},     {"【打印", H_FURNITURE},   {"【关闭", H_FURNITURE},
    {"打印本页", H_FURNITURE}, {"关闭窗口", H_FURNITURE}, {"当前位置", H_FURNITURE}, {"成文时间", H_ISSUED},
    {"主题词", H_KEEP_NOTE},   {"发文机关", H_ORGAN}, {"所属机构", H_KEEP_NOTE},
};

static const header_label *label_at(const char *s)
{
    for (size_t i = 0; i < sizeof header_labels / sizeof *header_labels; i++)
        if (zb_imp_starts(s, header_labels[i].text))
            return &header_labels[i];
    return NULL;
}

static int is_header_line(const char *s) { return label_at(s) != NULL; }

static int is_dash(const char *v) { return !strcmp(v, "-") || !strcmp(v, "—") || !strcmp(v, "无") || !strcmp(v, "－"); }

static void set_meta(importer *im, zb_meta field, const char *value, int line, const char *what)
{
    model_failed(im, zb_plan_set_meta(im->plan, field, value), line, what);
}

/* A header line: label value label value …, labels with or without a colon. */
static void read_header(importer *im, const char *s, int line)
{
    size_t len = strlen(s), i = 0, n;
    im->recognised++;
    while (i < len && !im->nomem) {
        const header_label *lab = label_at(s + i);
        if (!lab) {
            zb_utf8_decode(s + i, &n);
            i += n;
            continue;
        }
        size_t vb = i + strlen(lab->text);
        while (vb < len) {
            size_t k = zb_imp_starts(s + vb, ":") ? 1 : zb_imp_starts(s + vb, "：");
            if (!k && zb_imp_is_space(zb_utf8_decode(s + vb, &n)))
                k = n;
            if (!k)
                break;
            vb += k;
        }
        size_t ve = vb;
        while (ve < len && !label_at(s + ve)) {
            zb_utf8_decode(s + ve, &n);
            ve += n;
        }
        char *v = zb_imp_trim(s + vb, ve - vb);
        if (!v) {
            im->nomem = 1;
            return;
        }
        /* 【字号 大 中 小】 and such: the brackets are furniture too. */
        size_t vl = strlen(v);
        while (vl > 0 && (zb_imp_ends(v, vl, "】") || zb_imp_ends(v, vl, "【")))
            v[vl -= strlen("】")] = '\0';
        const char *label = lab->text + (zb_imp_starts(lab->text, "【") ? strlen("【") : 0);
        zb_date d;
        switch (lab->kind) {
        case H_FURNITURE:
            say(im, ZB_SEV_NOTE, "recognised", line, "site furniture: %s%s%s (dropped)", label, *v ? " " : "", v);
            break;
        case H_KEEP_NOTE:
            say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s (no field for it; not kept)", label,
                *v ? v : "(empty)");
            break;
        default:
            if (!*v || is_dash(v)) {
                say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s", label, *v ? "- (none)" : "(empty)");
                break;
            }
            if (lab->kind == H_PUBLISHED || lab->kind == H_ISSUED) {
                zb_date_field f = lab->kind == H_ISSUED ? ZB_DATE_ISSUED : ZB_DATE_PUBLISHED;
                if (!zb_imp_read_date(v, &d, NULL)) {
                    say(im, ZB_SEV_WARNING, "unplaced", line, "header: %s “%s” is not a date", label, v);
                } else if (zb_plan_date(im->plan, f).year) {
                    say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s (a date is already set; not kept)", label, v);
                } else {
                    model_failed(im, zb_plan_set_date(im->plan, f, d), line, label);
                    say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s", label, v);
                }
                break;
            }
            zb_meta field = lab->kind == H_INDEX        ? ZB_META_INDEX_NO
                            : lab->kind == H_DOC_NUMBER ? ZB_META_DOC_NUMBER
                            : lab->kind == H_VALIDITY   ? ZB_META_VALIDITY
                            : lab->kind == H_DISCLOSURE ? ZB_META_DISCLOSURE
                            : lab->kind == H_ORGAN      ? ZB_META_ORGAN
                                                        : ZB_META_PUBLISHER;
            if (*zb_plan_meta(im->plan, field)) {
                say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s (already given as %s; not kept)", label, v,
                    zb_plan_meta(im->plan, field));
            } else {
                set_meta(im, field, v, line, label);
                say(im, ZB_SEV_NOTE, "recognised", line, "header: %s %s", label, v);
            }
        }
        free(v);
        i = ve;
    }
}

/* 附件2, 附件 2 (a no-break space), 附件2：标题, or 附件 alone. *number: 0 when not given;
 * *title: the rest after a colon, or NULL. */
static int attachment_header(const char *s, int *number, const char **title)
{
    size_t k = zb_imp_starts(s, "附件"), n;
    if (!k)
        return 0;
    const char *p = s + k;
    while (zb_imp_is_space(zb_imp_cp(p, &n)) && n)
        p += n;
    int v = 0, digits = 0, d;
    while ((d = zb_imp_digit(zb_imp_cp(p, &n))) >= 0 && n && digits < 3) {
        v = v * 10 + d;
        digits++;
        p += n;
    }
    while (zb_imp_is_space(zb_imp_cp(p, &n)) && n)
        p += n;
    *title = NULL;
    if (*p) {
        if (!digits || !((k = zb_imp_starts(p, ":")) || (k = zb_imp_starts(p, "："))))
            return 0;
        p += k;
        while (zb_imp_is_space(zb_imp_cp(p, &n)) && n)
            p += n;
        if (*p)
            *title = p;
    }
    *number = v;
    return 1;
}

static void finish_attachment(importer *im)
{
    if (!im->attach_open)
        return;
    im->attach_open = 0;
    char **lines = im->attach_lines;
    int *numbers = im->attach_numbers;
    size_t count = im->attach_count;
    char fallback[32];
    const char *title = im->attach_title;
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
                               &res)) {
        im->nomem = 1;
    } else {
        im->attachments++;
        im->recognised++;
        im->indicators += res.rows;
        im->units += zb_plan_unit_count(im->plan) - before_units;
        if (res.table_year && !im->table_year)
            im->table_year = res.table_year;
        for (size_t l = res.used; l < count && !im->nomem; l++)
            unplaced(im, numbers[l], lines[l], "after the table of this attachment");
    }
    free(clean_title);
    free(im->attach_title);
    im->attach_title = NULL;
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
    if (title && !(im->attach_title = zb_strdup(title)))
        im->nomem = 1;
    say(im, ZB_SEV_NOTE, "recognised", line, "附件%d begins", number);
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

/* 关于印发《X》的通知 → X; organ before 关于. */
static void read_title(importer *im, const char *title, int line)
{
    set_meta(im, ZB_META_TITLE, title, line, "title");
    size_t len = strlen(title);
    say(im, ZB_SEV_NOTE, "recognised", line, "title: %s", title);
    im->notice = zb_imp_ends(title, len, "通知");
    const char *about = strstr(title, "关于");
    if (im->notice && about && about > title) {
        char *organ = zb_strndup(title, (size_t)(about - title));
        if (!organ) {
            im->nomem = 1;
            return;
        }
        set_meta(im, ZB_META_ORGAN, organ, line, "issuing organ");
        say(im, ZB_SEV_NOTE, "recognised", line, "issuing organ (from the title): %s", organ);
        free(organ);
    }
    const char *issue = im->notice ? strstr(title, "印发") : NULL;
    if (issue) {
        const char *b = strstr(issue, "《"), *e = NULL;
        if (b) {
            b += strlen("《");
            e = strstr(b, "》");
        } else {
            b = issue + strlen("印发");
            e = strstr(b, "的通知");
        }
        if (e && e > b) {
            im->issued = zb_strndup(b, (size_t)(e - b));
            im->issued_folded = im->issued ? zb_imp_fold_title(im->issued) : NULL;
            if (!im->issued || !im->issued_folded)
                im->nomem = 1;
        }
    }
    /* A notice that issues a plan is followed by it; one that issues nothing holds the
     * tasks itself. */
    im->plan_text = !im->issued_folded;
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

/* A title: a line of some length with Chinese in it that does not read as a sentence, a
 * heading or a date. */
static int title_like(const char *s)
{
    size_t len = strlen(s), chars = zb_utf8_length(s);
    char number[32];
    size_t marker;
    zb_date d;
    if (chars < 5 || chars > 120 || zb_imp_heading(s, &marker, number) || zb_imp_date_line(s, &d))
        return 0;
    /* Breadcrumbs and menus (首页 > 政务公开, 网站地图 | 联系我们) and label: value lines are
     * not titles. */
    if (strchr(s, '>') || strchr(s, '|') || strstr(s, "»") || strstr(s, "＞") || strchr(s, ':') || strstr(s, "："))
        return 0;
    if (zb_imp_ends(s, len, "。") || zb_imp_ends(s, len, "：") || zb_imp_ends(s, len, ":") ||
        zb_imp_ends(s, len, "，") || zb_imp_ends(s, len, "；"))
        return 0;
    size_t n;
    for (size_t i = 0; i < len; i += n)
        if (zb_utf8_decode(s + i, &n) >= 0x4E00 && zb_utf8_decode(s + i, &n) <= 0x9FFF)
            return 1;
    return 0;
}

/* 主送机关: 各镇人民政府、街道办事处、联盟,县政府各部门: — entries split at ， and ,. */
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

/* Index of the next non-empty line after i, or ZB_NONE. */
static size_t next_line(const importer *im, size_t i)
{
    for (size_t k = i + 1; k < im->count; k++)
        if (*im->lines[k])
            return k;
    return ZB_NONE;
}

/* A short line that is an organ's name, right before a date line: 署名. */
static int signature_like(const char *s)
{
    size_t chars = zb_utf8_length(s);
    char number[32];
    size_t marker;
    if (chars < 2 || chars > 30 || zb_imp_heading(s, &marker, number))
        return 0;
    static const char *const punct[] = {"。", "，", ",", "；", ";", "：", ":", "、", "！", "？"};
    for (size_t k = 0; k < sizeof punct / sizeof *punct; k++)
        if (strstr(s, punct[k]))
            return 0;
    return 1;
}

/* (此件公开发布): a short line entirely in brackets. */
static int note_like(const char *s)
{
    size_t len = strlen(s);
    int open = zb_imp_starts(s, "(") || zb_imp_starts(s, "（");
    int close = zb_imp_ends(s, len, ")") || zb_imp_ends(s, len, "）");
    return open && close && zb_utf8_length(s) <= 40;
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

/* One line of the document's or the plan's text. */
static void body_line(importer *im, size_t i)
{
    const char *raw = im->lines[i];
    int line = im->numbers[i];
    zb_date d;

    /* The plan a notice issues starts at its own title. */
    int expecting = im->expect_plan_title;
    im->expect_plan_title = 0;
    if (im->issued_folded && (im->part == ZB_PART_DOCUMENT || expecting)) {
        char *folded = zb_imp_fold_title(raw);
        if (!folded) {
            im->nomem = 1;
            return;
        }
        int same = strcmp(folded, im->issued_folded) == 0;
        free(folded);
        if (same) {
            char *t = zb_imp_clean(raw, NULL);
            if (!t) {
                im->nomem = 1;
                return;
            }
            set_meta(im, ZB_META_PLAN_TITLE, t, line, "plan title");
            say(im, ZB_SEV_NOTE, "recognised", line, "the plan the notice issues: %s", t);
            free(t);
            im->part = ZB_PART_PLAN;
            im->plan_text = 1;
            im->recognised++;
            return;
        }
    }

    /* 署名, 成文日期, 附注. */
    size_t next = next_line(im, i);
    zb_date issued = zb_plan_date(im->plan, ZB_DATE_ISSUED);
    if (signature_like(raw) && next != ZB_NONE && zb_imp_date_line(im->lines[next], &d) &&
        (!issued.year || (issued.year == d.year && issued.month == d.month && issued.day == d.day))) {
        char *sig = zb_imp_clean(raw, NULL);
        if (!sig) {
            im->nomem = 1;
            return;
        }
        set_meta(im, ZB_META_SIGNATURE, sig, line, "signature");
        if (!*zb_plan_meta(im->plan, ZB_META_ORGAN))
            set_meta(im, ZB_META_ORGAN, sig, line, "issuing organ");
        say(im, ZB_SEV_NOTE, "recognised", line, "signature (署名): %s", sig);
        free(sig);
        im->recognised++;
        return;
    }
    if (zb_imp_date_line(raw, &d) &&
        (!issued.year || (issued.year == d.year && issued.month == d.month && issued.day == d.day))) {
        close_task(im);
        model_failed(im, zb_plan_set_date(im->plan, ZB_DATE_ISSUED, d), line, "date");
        say(im, ZB_SEV_NOTE, "recognised", line, "date (成文日期): %04d-%02d-%02d", d.year, d.month, d.day);
        im->recognised++;
        if (next != ZB_NONE && note_like(im->lines[next]) && !*zb_plan_meta(im->plan, ZB_META_NOTE)) {
            char *note = zb_imp_clean(im->lines[next], NULL);
            if (!note) {
                im->nomem = 1;
                return;
            }
            set_meta(im, ZB_META_NOTE, note, im->numbers[next], "note");
            say(im, ZB_SEV_NOTE, "recognised", im->numbers[next], "note (附注): %s", note);
            free(note);
            *im->lines[next] = '\0'; /* consumed */
        }
        /* A notice's own text ends with its date; what follows is the plan it issues. */
        if (im->notice && im->issued && im->part == ZB_PART_DOCUMENT) {
            im->part = ZB_PART_PLAN;
            im->plan_text = 1;
            set_meta(im, ZB_META_PLAN_TITLE, im->issued, line, "plan title");
            set_heading(&im->h1, NULL);
            set_heading(&im->h2, NULL);
            im->expect_plan_title = 1;
        }
        return;
    }

    int changed = 0;
    char *text = zb_imp_clean(raw, &changed);
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
    if (zb_imp_find_notes(text + marker, &notes, &nnotes)) {
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
         * paragraph that carries its own responsibility note. A (1) item or a paragraph
         * after a task continues it. */
        int starts;
        if (level == 1 || level == 2)
            starts = nnotes > 0;
        else if (level == 3)
            starts = nnotes > 0 || !im->targets_section;
        else
            starts = !im->task.open && nnotes > 0;
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
        }
        char *plain = without_notes(text, 0, notes, nnotes);
        if (!plain || zb_imp_find_targets(plain, task, line, &im->targets))
            im->nomem = 1;
        if (plain)
            zb_imp_scan_years(plain, &im->to_year, &im->span_first, &im->span_last, &im->years_word);
        free(plain);
    } else if (nnotes && !im->nomem) {
        say(im, ZB_SEV_NOTE, "recognised", line, "a responsibility note in the notice text is kept as text");
    }
    zb_imp_notes_free(notes, nnotes);
    free(text);
}

/* ---- the whole text --------------------------------------------------------------- */

static void read_lines(importer *im)
{
    for (size_t i = 0; i < im->count && !im->nomem; i++) {
        const char *s = im->lines[i];
        int line = im->numbers[i];
        if (!*s)
            continue;
        int number;
        const char *title;
        if (attachment_header(s, &number, &title)) {
            im->body_started = 1;
            im->title_seen = 1;
            start_attachment(im, number, title, line);
            continue;
        }
        if (im->attach_open) {
            attachment_line(im, s, line);
            continue;
        }
        if (!im->body_started && is_header_line(s)) {
            read_header(im, s, line);
            continue;
        }
        if (!im->title_seen) {
            char *clean = zb_imp_clean(s, NULL);
            if (!clean) {
                im->nomem = 1;
                return;
            }
            if (title_like(clean)) {
                im->title_seen = 1;
                read_title(im, clean, line);
                free(clean);
                continue;
            }
            char number_text[32];
            size_t marker;
            size_t len = strlen(clean);
            int body = zb_imp_heading(clean, &marker, number_text) || zb_imp_ends(clean, len, "。") ||
                       zb_utf8_length(clean) > 120;
            free(clean);
            if (!body) {
                unplaced(im, line, s, "before the title");
                continue;
            }
            /* No title: the text starts here and is the plan's own. */
            im->title_seen = 1;
            im->plan_text = 1;
        }
        if (im->notice && !im->body_started && !im->recipients_done) {
            size_t len = strlen(s);
            if ((zb_imp_ends(s, len, "：") || zb_imp_ends(s, len, ":")) && zb_utf8_length(s) <= 200 &&
                !strstr(s, "。")) {
                im->recipients_done = 1;
                im->body_started = 1;
                read_recipients(im, s, line);
                continue;
            }
        }
        im->body_started = 1;
        body_line(im, i);
    }
    close_task(im);
    finish_attachment(im);
}

/* The years the plan covers, from what the text said (see import.h's docs/format notes). */
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
    zb_imp_targets_free(&im->targets);
    free(im->h1);
    free(im->h2);
    free(im->issued);
    free(im->issued_folded);
    free(im->attach_title);
    for (size_t l = 0; l < im->attach_count; l++)
        free(im->attach_lines[l]);
    free(im->attach_lines);
    free(im->attach_numbers);
    for (size_t k = 0; k < im->collective_count; k++)
        free(im->collectives[k]);
    free(im->collectives);
    free(im->lines);
    free(im->numbers);
}

/* Splits the text (a copy the importer owns) into trimmed lines. NUL bytes are white space. */
static int split_lines(importer *im, char *text, size_t len)
{
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += text[i] == '\n' || text[i] == '\r';
    im->lines = malloc(cap * sizeof *im->lines);
    im->numbers = malloc(cap * sizeof *im->numbers);
    if (!im->lines || !im->numbers)
        return -1;
    int no = 1;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] == '\0')
            text[i] = ' ';
        if (i < len && text[i] != '\n' && text[i] != '\r')
            continue;
        int crlf = i + 1 < len && text[i] == '\r' && text[i + 1] == '\n';
        text[i] = '\0'; /* text has room for the NUL at len */
        char *line = zb_imp_trim(text + start, i - start);
        if (!line)
            return -1;
        /* Trimmed in place: the copy is at most as long. */
        memcpy(text + start, line, strlen(line) + 1);
        free(line);
        im->lines[im->count] = text + start;
        im->numbers[im->count] = no++;
        im->count++;
        if (crlf)
            i++;
        start = i + 1;
    }
    return 0;
}

zb_status zb_import_text_string(zb_plan *plan, const char *text, size_t len, const char *name,
                                const zb_import_options *options, zb_findings **report)
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

    /* UTF-8 only; a GBK file is common enough to be named, and so is a file whose
     * byte-order mark says what it is. */
    const char *bom = zb_text_bom_encoding(text, len);
    if (bom) {
        zb_status st = zb_plan_fail(plan, ZB_ERR_ENCODING,
                                    "%s:1:1: the file is %s (by its byte-order mark); zhibiao reads UTF-8: save it as UTF-8",
                                    name, bom);
        char where[600];
        snprintf(where, sizeof where, "%s:1", name);
        zb_findings_add(f, ZB_SEV_ERROR, "encoding", where, "the text is %s, not UTF-8", bom);
        if (report)
            *report = f;
        else
            zb_findings_free(f);
        return st;
    }
    size_t bad = zb_utf8_check(text, len);
    /* A NUL or another control character is refused where it is, as the other loaders do. */
    uint32_t cp = 0;
    size_t ctl = bad < len ? len : zb_text_find_control(text, len, &cp);
    if (ctl < len) {
        int line, col;
        zb_text_position(text, len, ctl, &line, &col);
        zb_status st = zb_plan_fail(plan, ZB_ERR_VALUE, "%s:%d:%d: " ZB_CONTROL_MESSAGE, name, line, col, (unsigned)cp);
        char where[600];
        snprintf(where, sizeof where, "%s:%d", name, line);
        zb_findings_add(f, ZB_SEV_ERROR, "control-character", where, "control character U+%04X", (unsigned)cp);
        if (report)
            *report = f;
        else
            zb_findings_free(f);
        return st;
    }
    if (bad < len) {
        int line, col;
        zb_text_position(text, len, bad, &line, &col);
        int gbk = zb_looks_like_gbk(text, len);
        zb_status st = zb_plan_fail(plan, ZB_ERR_ENCODING, "%s:%d:%d: invalid UTF-8 at byte offset %zu (0x%02X)%s",
                                    name, line, col, bad, (unsigned char)text[bad],
                                    gbk ? "; it looks like GBK: convert it to UTF-8 (e.g. iconv -f GBK -t UTF-8)"
                                        : "; zhibiao reads UTF-8 only");
        char where[600];
        snprintf(where, sizeof where, "%s:%d", name, line);
        zb_findings_add(f, ZB_SEV_ERROR, "encoding", where, "%s", gbk ? "the text is GBK, not UTF-8" : "the text is not UTF-8");
        if (report)
            *report = f;
        else
            zb_findings_free(f);
        return st;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }

    importer im = {0};
    im.name = name;
    im.report = f;
    im.plan = zb_plan_new();
    char *copy = malloc(len + 1);
    zb_status st = ZB_OK;
    if (!im.plan || !copy || (memcpy(copy, text, len), split_lines(&im, copy, len))) {
        im.nomem = 1;
    } else {
        read_lines(&im);
        if (!im.nomem)
            settle_years(&im);
        if (!im.nomem)
            add_targets(&im);
    }
    if (im.nomem) {
        st = zb_plan_fail(plan, ZB_ERR_NOMEM, "%s: out of memory", name);
    } else {
        say(&im, ZB_SEV_NOTE, "recognised", 0,
            "%zu body blocks, %zu headings, %zu tasks with %zu responsibility items, %zu indicators in %zu categories, "
            "%zu units, %zu attachments, %zu prose targets",
            im.blocks, im.headings, im.tasks, im.duties, im.indicators, zb_plan_category_count(im.plan), im.units,
            im.attachments, zb_plan_prose_target_count(im.plan));
        im.recognised += im.tasks + im.headings;
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
    free(copy);
    if (report)
        *report = f;
    else
        zb_findings_free(f);
    return st;
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
