/* Small readers of Chinese official text for the importer: white space and dirt, dates,
 * heading markers, and responsibility notes such as (责任单位:县经信局、县发改局). */
#include <stdlib.h>
#include <string.h>

#include "import/import_internal.h"

int zb_imp_is_space(uint32_t cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

uint32_t zb_imp_cp(const char *s, size_t *n)
{
    if (!*s) {
        *n = 0;
        return 0;
    }
    return zb_utf8_decode(s, n);
}

int zb_imp_digit(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return (int)(cp - 0xFF10);
    return -1;
}

size_t zb_imp_starts(const char *s, const char *word)
{
    size_t n = strlen(word);
    return strncmp(s, word, n) == 0 ? n : 0;
}

int zb_imp_ends(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    return len >= n && memcmp(s + len - n, word, n) == 0;
}

char *zb_imp_trim(const char *s, size_t len)
{
    size_t b = 0, e = len, n;
    while (b < e && zb_imp_is_space(zb_imp_cp(s + b, &n)) && n)
        b += n;
    while (e > b) {
        size_t k = e - 1;
        while (k > b && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        if (!zb_imp_is_space(zb_utf8_decode(s + k, &n)))
            break;
        e = k;
    }
    return zb_strndup(s + b, e - b);
}

static int is_zero_width(uint32_t cp)
{
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

static int is_opening(uint32_t cp)
{
    return cp == 0x201C || cp == 0x2018 || cp == '(' || cp == 0xFF08 || cp == 0x300A || cp == 0x3010 ||
           cp == 0x300C || cp == 0x300E || cp == 0x3014 || cp == '[';
}

static int is_closing(uint32_t cp)
{
    return cp == 0x201D || cp == 0x2019 || cp == ')' || cp == 0xFF09 || cp == 0x300B || cp == 0x3011 ||
           cp == 0x300D || cp == 0x300F || cp == 0x3015 || cp == ']';
}

static int note_label_at(const char *s);

char *zb_imp_clean(const char *s, int *changed)
{
    size_t len = strlen(s);
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t o = 0, i = 0, n;
    uint32_t prev = 0;
    while (i < len) {
        uint32_t cp = zb_imp_cp(s + i, &n);
        if (is_zero_width(cp)) {
            i += n;
            continue;
        }
        if (!zb_imp_is_space(cp)) {
            memcpy(out + o, s + i, n);
            o += n;
            i += n;
            prev = cp;
            continue;
        }
        /* A run of white space: what stands on either side decides what it was. */
        int wide = 0;
        uint32_t next = 0;
        while (i < len) {
            cp = zb_imp_cp(s + i, &n);
            if (!zb_imp_is_space(cp) && !is_zero_width(cp)) {
                next = cp;
                break;
            }
            wide |= cp != ' ' && cp != '\t';
            i += n;
        }
        if (!prev || !next)
            continue; /* the ends */
        if (is_opening(prev) || is_closing(next))
            continue; /* “ 品字标浙江制造” */
        if (wide && note_label_at(s + i)) {
            out[o++] = ' '; /* 责任领导：张三　责任科室：…: the space parts two labels */
            continue;
        }
        if (wide && (zb_is_cjk(prev) || zb_is_cjk(next)))
            continue; /* 牵\u00a0引, 附件\u00a02: layout, not words */
        out[o++] = ' ';
    }
    out[o] = '\0';
    if (changed) {
        char *trimmed = zb_imp_trim(s, len);
        *changed = !trimmed || strcmp(trimmed, out) != 0;
        free(trimmed);
    }
    return out;
}

char *zb_imp_fold_title(const char *s)
{
    size_t len = strlen(s), o = 0, n;
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i += n) {
        uint32_t cp = zb_imp_cp(s + i, &n);
        if (zb_imp_is_space(cp) || cp == 0x300A || cp == 0x300B || cp == 0x201C || cp == 0x201D || cp == '"' ||
            cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x300C || cp == 0x300D)
            continue;
        memcpy(out + o, s + i, n);
        o += n;
    }
    out[o] = '\0';
    return out;
}

/* ---- dates ---- */

static void skip_spaces(const char **p)
{
    size_t n;
    while (zb_imp_is_space(zb_imp_cp(*p, &n)) && n)
        *p += n;
}

/* Chinese digit of a year (二〇二二): 0–9, or -1. */
static int chinese_digit(uint32_t cp)
{
    static const uint32_t digits[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
    if (cp == 0x96F6) /* 零 */
        return 0;
    for (int k = 0; k < 10; k++)
        if (digits[k] == cp)
            return k;
    return -1;
}

/* Up to max digits (ASCII, full-width or, for a year, Chinese); -1 when none. */
static int read_digits(const char **p, int max, int chinese)
{
    int v = 0, count = 0;
    size_t n;
    while (count < max) {
        uint32_t cp = zb_imp_cp(*p, &n);
        int d = zb_imp_digit(cp);
        if (d < 0 && chinese)
            d = chinese_digit(cp);
        if (d < 0 || !n)
            break;
        v = v * 10 + d;
        count++;
        *p += n;
    }
    return count ? v : -1;
}

/* A month or day in Chinese numerals: 三, 十, 十二, 二十四, 三十一. */
static int read_chinese_small(const char **p)
{
    size_t n;
    uint32_t cp = zb_imp_cp(*p, &n);
    int v = -1;
    if (cp == 0x5341) { /* 十 */
        *p += n;
        v = 10;
        int d = chinese_digit(zb_imp_cp(*p, &n));
        if (d > 0) {
            v += d;
            *p += n;
        }
        return v;
    }
    int d = chinese_digit(cp);
    if (d <= 0)
        return -1;
    *p += n;
    v = d;
    if (zb_imp_cp(*p, &n) == 0x5341) {
        *p += n;
        v *= 10;
        int e = chinese_digit(zb_imp_cp(*p, &n));
        if (e > 0) {
            v += e;
            *p += n;
        }
    }
    return v;
}

static int read_small(const char **p)
{
    int v = read_digits(p, 2, 0);
    return v >= 0 ? v : read_chinese_small(p);
}

int zb_imp_read_date(const char *s, zb_date *d, const char **end)
{
    const char *p = s;
    int year = read_digits(&p, 4, 1);
    if (year < 1000 || p - s < 4)
        return 0;
    skip_spaces(&p);
    size_t k;
    int month, day;
    if ((k = zb_imp_starts(p, "年"))) {
        p += k;
        skip_spaces(&p);
        month = read_small(&p);
        skip_spaces(&p);
        if (month < 0 || !(k = zb_imp_starts(p, "月")))
            return 0;
        p += k;
        skip_spaces(&p);
        day = read_small(&p);
        skip_spaces(&p);
        if (day < 0 || !(k = zb_imp_starts(p, "日")))
            return 0;
        p += k;
    } else if (*p == '-' || *p == '/' || *p == '.') {
        char sep = *p++;
        month = read_digits(&p, 2, 0);
        if (month < 0 || *p != sep)
            return 0;
        p++;
        day = read_digits(&p, 2, 0);
        if (day < 0)
            return 0;
    } else {
        return 0;
    }
    zb_date date = {year, month, day};
    if (!zb_date_valid(date))
        return 0;
    *d = date;
    if (end)
        *end = p;
    return 1;
}

int zb_imp_date_line(const char *s, zb_date *d)
{
    const char *p = s, *end;
    skip_spaces(&p);
    if (!zb_imp_read_date(p, d, &end))
        return 0;
    skip_spaces(&end);
    return *end == '\0';
}

/* ---- headings ---- */

static int is_chinese_numeral(uint32_t cp)
{
    return chinese_digit(cp) > 0 || cp == 0x5341 || cp == 0x767E || cp == 0x96F6 || cp == 0x3007; /* 十 百 零 〇 */
}

int zb_imp_heading(const char *s, size_t *marker, char *number)
{
    const char *p = s;
    size_t n;
    uint32_t cp = zb_imp_cp(p, &n);
    number[0] = '\0';
    if (cp >= 0x2460 && cp <= 0x2473) { /* ① … ⑳ */
        memcpy(number, p, n);
        number[n] = '\0';
        *marker = n;
        return 4;
    }
    int bracket = cp == '(' || cp == 0xFF08;
    if (bracket)
        p += n;
    const char *digits = p;
    int count = 0, arabic = 0;
    for (;;) {
        cp = zb_imp_cp(p, &n);
        if (!n || count >= 4)
            break;
        if (zb_imp_digit(cp) >= 0 && (arabic || count == 0)) {
            arabic = 1;
        } else if (!arabic && is_chinese_numeral(cp)) {
        } else {
            break;
        }
        p += n;
        count++;
    }
    if (!count || (arabic && count > 3))
        return 0;
    size_t dlen = (size_t)(p - digits);
    cp = zb_imp_cp(p, &n);
    int level;
    if (bracket) {
        if (cp != ')' && cp != 0xFF09)
            return 0;
        level = arabic ? 4 : 2;
    } else if (!arabic) {
        if (cp != 0x3001) /* 、 */
            return 0;
        level = 1;
    } else {
        if (cp != '.' && cp != 0xFF0E && cp != 0x3001)
            return 0;
        size_t m;
        if (zb_imp_digit(zb_imp_cp(p + n, &m)) >= 0)
            return 0; /* 3.5%: a number, not a heading */
        level = 3;
    }
    p += n;
    if (dlen + 3 > 32)
        return 0;
    size_t o = 0;
    if (bracket)
        number[o++] = '(';
    /* Full-width digits are printed as ASCII ones. */
    for (const char *q = digits; q < digits + dlen; q += n) {
        cp = zb_imp_cp(q, &n);
        int d = zb_imp_digit(cp);
        if (d >= 0) {
            number[o++] = (char)('0' + d);
        } else {
            memcpy(number + o, q, n);
            o += n;
        }
    }
    if (bracket)
        number[o++] = ')';
    number[o] = '\0';
    *marker = (size_t)(p - s);
    return level;
}

/* ---- responsibility notes ---- */

enum role { ROLE_PLAIN = 0, ROLE_LEAD = 1, ROLE_COOP = 2, ROLE_PERSON = 3 };

typedef struct label {
    const char *text;
    int role;
    int added; /* a form beyond (责任单位:…), switched off by ZB_IMP_OFF_NOTE_FORMS */
} label;

static const label labels[] = {
    {"责任单位", ROLE_PLAIN, 0}, {"责任部门", ROLE_PLAIN, 0}, {"责任主体", ROLE_PLAIN, 0},
    {"主办单位", ROLE_PLAIN, 0}, {"主责单位", ROLE_PLAIN, 0}, {"牵头单位", ROLE_LEAD, 0},
    {"牵头部门", ROLE_LEAD, 0},  {"配合单位", ROLE_COOP, 0},  {"配合部门", ROLE_COOP, 0},
    {"协办单位", ROLE_COOP, 0},  {"参与单位", ROLE_COOP, 0},  {"责任科室", ROLE_PLAIN, 1},
    {"责任处室", ROLE_PLAIN, 1}, {"责任股室", ROLE_PLAIN, 1}, {"主办科室", ROLE_PLAIN, 1},
    {"主办处室", ROLE_PLAIN, 1}, {"牵头处室", ROLE_LEAD, 1},  {"牵头科室", ROLE_LEAD, 1},
    {"牵头领导", ROLE_PERSON, 1}, {"责任领导", ROLE_PERSON, 1}, {"分管领导", ROLE_PERSON, 1},
    {"联系领导", ROLE_PERSON, 1}, {"责任人", ROLE_PERSON, 1},  {"配合处室", ROLE_COOP, 1},
    {"配合科室", ROLE_COOP, 1},  {"协办处室", ROLE_COOP, 1},  {"协办科室", ROLE_COOP, 1},
    {"协办部门", ROLE_COOP, 1},  {"参与部门", ROLE_COOP, 1},  {"协办", ROLE_COOP, 1},
    {"配合", ROLE_COOP, 1},      {"牵头", ROLE_LEAD, 1},      {"责任", ROLE_PLAIN, 1},
};

/* A label and its colon at s: returns the bytes they take and the role, or 0. */
static size_t match_label(const char *s, int *role, unsigned off)
{
    size_t best = 0;
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        if (labels[i].added && (off & ZB_IMP_OFF_NOTE_FORMS))
            continue;
        size_t k = zb_imp_starts(s, labels[i].text);
        if (!k)
            continue;
        const char *p = s + k;
        skip_spaces(&p);
        size_t c = zb_imp_starts(p, ":") ? 1 : zb_imp_starts(p, "：");
        if (!c || (size_t)(p + c - s) <= best)
            continue;
        *role = labels[i].role;
        best = (size_t)(p + c - s);
    }
    return best;
}

static int note_label_at(const char *s)
{
    int role;
    return match_label(s, &role, 0) != 0;
}

/* Brackets a note is set in: （） () 【】 []. */
static int is_open_bracket(uint32_t cp) { return cp == '(' || cp == 0xFF08 || cp == 0x3010 || cp == '['; }
static int is_close_bracket(uint32_t cp) { return cp == ')' || cp == 0xFF09 || cp == 0x3011 || cp == ']'; }
static int is_square(uint32_t cp) { return cp == 0x3010 || cp == '[' || cp == 0x3011 || cp == ']'; }
static int is_open_quote(uint32_t cp) { return cp == 0x201C || cp == 0x2018 || cp == 0x300A; }
static int is_close_quote(uint32_t cp) { return cp == 0x201D || cp == 0x2019 || cp == 0x300B; }

int zb_imp_looks_like_unit(const char *name, size_t len) { return zb_plan_name_is_unit(name, len); }

static int is_clause_separator(uint32_t cp)
{
    return cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' || cp == 0x3002;
}

/* Calls fn for each name of [b, e) of s split at 、 outside quotes and brackets (trimmed,
 * not empty); stops when fn returns nonzero and returns that. */
typedef int (*name_fn)(const char *s, size_t b, size_t e, void *ctx);

static int each_name(const char *s, size_t b, size_t e, name_fn fn, void *ctx)
{
    size_t n, start = b;
    int depth = 0;
    for (size_t i = b; i <= e; i += n) {
        uint32_t cp = i < e ? zb_utf8_decode(s + i, &n) : 0;
        if (i == e)
            n = 1;
        if (is_open_bracket(cp) || is_open_quote(cp))
            depth++;
        else if ((is_close_bracket(cp) || is_close_quote(cp)) && depth > 0)
            depth--;
        if (i == e || (cp == 0x3001 && depth == 0)) {
            size_t a = start, z = i, m;
            while (a < z && zb_imp_is_space(zb_utf8_decode(s + a, &m)))
                a += m;
            while (z > a) {
                size_t k = z - 1;
                while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
                    k--;
                if (!zb_imp_is_space(zb_utf8_decode(s + k, &m)))
                    break;
                z = k;
            }
            if (z > a) {
                int r = fn(s, a, z, ctx);
                if (r)
                    return r;
            }
            start = i + n;
        }
        if (i == e)
            break;
    }
    return 0;
}

static int check_unit(const char *s, size_t b, size_t e, void *ctx)
{
    size_t *names = ctx;
    (*names)++;
    return zb_imp_looks_like_unit(s + b, e - b) ? 0 : 1;
}

/* Nonzero when every name of [b, e) split at 、 reads like a unit. */
static int all_units(const char *s, size_t b, size_t e)
{
    size_t names = 0;
    return each_name(s, b, e, check_unit, &names) == 0 && names > 0;
}

typedef struct name_list {
    zb_buf buf;
    size_t count;
} name_list;

static int add_name(const char *s, size_t b, size_t e, void *ctx)
{
    name_list *l = ctx;
    if (l->buf.len)
        zb_buf_adds(&l->buf, "、");
    zb_buf_add(&l->buf, s + b, e - b);
    l->count++;
    return l->buf.failed ? -1 : 0;
}

/* The words a clause ends in that say the role of the units before them, the longest
 * first. */
static const struct {
    const char *text;
    int role;
} role_words[] = {
    {"按职责分工负责", ROLE_PLAIN}, {"按职责分工配合", ROLE_COOP}, {"按职责负责", ROLE_PLAIN}, {"分别负责", ROLE_PLAIN},
    {"共同负责", ROLE_PLAIN},       {"协同配合", ROLE_COOP},       {"负责", ROLE_PLAIN},       {"配合", ROLE_COOP},
    {"协助", ROLE_COOP},            {"参与", ROLE_COOP},           {"协同", ROLE_COOP},        {"协办", ROLE_COOP},
    {"牵头", ROLE_LEAD},
};

/* A note's content read into units by role and the clauses that are not units.
 * labelled: the content follows a label (责任单位:…); otherwise every clause must be units
 * with a role word (A牵头，B、C配合) or the content is not a note (returns 1). */
static int parse_content(const char *s, size_t len, int role, int labelled, unsigned off, zb_imp_note *out)
{
    name_list lists[3] = {{{0}, 0}, {{0}, 0}, {{0}, 0}};
    zb_buf note = {0};
    size_t start = 0, n;
    int depth = 0, bad = 0, not_note = 0;
    const char *pending_sep = NULL; /* the separator after the last note clause */
    size_t pending_sep_len = 0;
    while (start <= len && !bad && !not_note) {
        /* The clause's end: a separator, or white space before a label (责任领导：张三　责任科室：…). */
        size_t i = start, sep_end;
        while (i < len) {
            uint32_t cp = zb_utf8_decode(s + i, &n);
            if (is_open_bracket(cp) || is_open_quote(cp))
                depth++;
            else if ((is_close_bracket(cp) || is_close_quote(cp)) && depth > 0)
                depth--;
            else if (depth == 0 && is_clause_separator(cp))
                break;
            else if (depth == 0 && labelled && zb_imp_is_space(cp) && !(off & ZB_IMP_OFF_NOTE_FORMS)) {
                const char *p = s + i;
                skip_spaces(&p);
                int r;
                if ((size_t)(p - s) < len && match_label(p, &r, off)) {
                    n = (size_t)(p - (s + i));
                    break;
                }
            }
            i += n;
        }
        size_t end = i;
        sep_end = i < len ? i + n : len;
        size_t b = start, e = end;
        while (b < e && zb_imp_is_space(zb_utf8_decode(s + b, &n)))
            b += n;
        while (e > b && s[e - 1] == ' ')
            e--;
        int r = 0;
        size_t k = b < e ? match_label(s + b, &r, off) : 0, b0 = b;
        if (k) {
            role = r;
            b += k;
            while (b < e && zb_imp_is_space(zb_utf8_decode(s + b, &n)))
                b += n;
        }
        /* （由县发改局负责）: 由 is no part of the name. */
        if (b < e && zb_imp_starts(s + b, "由") && !zb_imp_starts(s + b, "由于"))
            b += strlen("由");
        if (b < e) {
            int use = role == ROLE_PERSON ? ROLE_PLAIN : role, kept = 0;
            size_t ue = e;
            for (size_t w = 0; w < sizeof role_words / sizeof *role_words && !kept && role != ROLE_PERSON; w++) {
                if (role_words[w].role == ROLE_PLAIN && (off & ZB_IMP_OFF_NOTE_FORMS))
                    continue;
                if (zb_imp_ends(s + b, e - b, role_words[w].text)) {
                    ue = e - strlen(role_words[w].text);
                    /* A plain 负责 after a clause that names the lead cooperates. */
                    use = role_words[w].role;
                    kept = 1;
                }
            }
            int units = role != ROLE_PERSON && ue > b && all_units(s, b, ue);
            if (!labelled && (!units || !kept || k))
                not_note = 1;
            else if (units && each_name(s, b, ue, add_name, &lists[use]) < 0)
                bad = 1;
            /* A clause that is not (only) units is kept as the note: 下同, …配合, 责任领导：张三. */
            if (labelled && (!units || kept)) {
                if (note.len && pending_sep)
                    zb_buf_add(&note, pending_sep, pending_sep_len);
                else if (note.len)
                    zb_buf_adds(&note, "，");
                size_t from = units ? b : b0; /* a label is kept only with words that are not units */
                zb_buf_add(&note, s + from, e - from);
                pending_sep = end < len && is_clause_separator(zb_utf8_decode(s + end, &n)) ? s + end : NULL;
                pending_sep_len = pending_sep ? sep_end - end : 0;
            }
        }
        if (end >= len)
            break;
        start = sep_end;
    }
    zb_buf all = {0};
    zb_buf_adds(&all, "");
    size_t leads = 0, total = 0;
    static const int order[3] = {ROLE_LEAD, ROLE_PLAIN, ROLE_COOP};
    for (int r = 0; r < 3; r++) {
        name_list *l = &lists[order[r]];
        if (l->buf.failed)
            bad = 1;
        if (l->buf.len) {
            if (all.len)
                zb_buf_adds(&all, "、");
            zb_buf_add(&all, l->buf.data, l->buf.len);
        }
        total += l->count;
        if (order[r] == ROLE_LEAD)
            leads = l->count;
        zb_buf_free(&l->buf);
    }
    zb_buf_adds(&note, "");
    if (bad || all.failed || note.failed || not_note) {
        zb_buf_free(&all);
        zb_buf_free(&note);
        return bad || all.failed || note.failed ? -1 : 1;
    }
    out->units = zb_buf_take(&all);
    out->note = zb_buf_take(&note);
    out->explicit_lead = leads > 0;
    out->leads = leads ? leads : total ? 1 : 0;
    out->labelled = labelled;
    return 0;
}

void zb_imp_notes_free(zb_imp_note *notes, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(notes[i].units);
        free(notes[i].note);
    }
    free(notes);
}

/* Reads the content [cb, ce) as a note spanning [start, end) of text; 0 added, 1 not a
 * note, -1 out of memory. */
static int push_note(zb_imp_note **out, size_t *count, size_t *cap, const char *text, size_t start, size_t end,
                     size_t cb, size_t ce, int role, int labelled, unsigned off)
{
    /* The content ends before a closing bracket and any 。 that closes the list. */
    while (ce > cb && (zb_imp_ends(text + cb, ce - cb, "。") || text[ce - 1] == ' ' || text[ce - 1] == '.'))
        ce -= zb_imp_ends(text + cb, ce - cb, "。") ? strlen("。") : 1;
    zb_imp_note note = {start, end, NULL, NULL, 0, 0, labelled};
    int r = parse_content(text + cb, ce - cb, role, labelled, off, &note);
    if (r)
        return r;
    if (zb_grow((void **)out, cap, *count + 1, sizeof **out)) {
        free(note.units);
        free(note.note);
        return -1;
    }
    (*out)[(*count)++] = note;
    return 0;
}

int zb_imp_find_notes(const char *text, unsigned off, zb_imp_note **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    size_t cap = 0, len = strlen(text), i = 0, n, last_end = 0;
    int quote = 0;
    while (i < len) {
        uint32_t cp = zb_utf8_decode(text + i, &n);
        if (is_open_quote(cp))
            quote++;
        else if (is_close_quote(cp) && quote > 0)
            quote--;
        int role = ROLE_PLAIN;
        if (is_open_bracket(cp) && !quote && !(is_square(cp) && (off & ZB_IMP_OFF_NOTE_FORMS))) {
            size_t cb = i + n, k;
            const char *p = text + cb;
            skip_spaces(&p);
            k = match_label(p, &role, off);
            /* Its closing bracket, brackets inside it counted (各乡镇（街道）). */
            int depth = 1;
            size_t j = cb, m = 0;
            while (j < len) {
                uint32_t c = zb_utf8_decode(text + j, &m);
                if (is_open_bracket(c))
                    depth++;
                else if (is_close_bracket(c) && --depth == 0)
                    break;
                j += m;
            }
            size_t end = j < len ? j + m : len; /* an unclosed note runs to the end */
            int r = 1;
            if (k) /* the label stays in the content: a 责任领导 is kept with its name */
                r = push_note(out, count, &cap, text, i, end, (size_t)(p - text), j, role, 1, off);
            else if (!(off & ZB_IMP_OFF_NOTE_FORMS) && j < len)
                r = push_note(out, count, &cap, text, i, end, cb, j, ROLE_PLAIN, 0, off); /* (A牵头，B配合) */
            if (r < 0) {
                zb_imp_notes_free(*out, *count);
                *out = NULL;
                *count = 0;
                return -1;
            }
            if (r == 0) {
                last_end = i = end;
                continue;
            }
        }
        i += n;
    }
    /* An unbracketed note ends a paragraph (…。责任单位：县经信局) or is a line of its own
     * (牵头单位：经济发展局). It begins the text or follows the end of a sentence. */
    i = last_end;
    quote = 0;
    int depth = 0;
    uint32_t prev = 0;
    while (i < len) {
        uint32_t cp = zb_utf8_decode(text + i, &n);
        int role;
        size_t k;
        if (!quote && !depth &&
            (i == last_end || prev == 0x3002 || prev == 0xFF1B || prev == ';' || zb_imp_is_space(prev) ||
             prev == 0xFF0C || prev == ',') &&
            (k = match_label(text + i, &role, off)) != 0) {
            int r = push_note(out, count, &cap, text, i, len, i, len, role, 1, off);
            if (r < 0) {
                zb_imp_notes_free(*out, *count);
                *out = NULL;
                *count = 0;
                return -1;
            }
            break;
        }
        int bracket = !(is_square(cp) && (off & ZB_IMP_OFF_NOTE_FORMS));
        if (is_open_quote(cp))
            quote++;
        else if (is_close_quote(cp) && quote > 0)
            quote--;
        else if (bracket && is_open_bracket(cp))
            depth++;
        else if (bracket && is_close_bracket(cp) && depth > 0)
            depth--;
        prev = cp;
        i += n;
    }
    return 0;
}

size_t zb_imp_first_sentence(const char *text)
{
    size_t i = 0, n;
    int depth = 0;
    while (text[i]) {
        uint32_t cp = zb_utf8_decode(text + i, &n);
        if (is_open_bracket(cp) || is_open_quote(cp))
            depth++;
        else if ((is_close_bracket(cp) || is_close_quote(cp)) && depth > 0)
            depth--;
        else if (depth == 0 && (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == ';'))
            return i + n;
        else if (depth == 0 && cp == '.' && !(text[i + 1] >= '0' && text[i + 1] <= '9'))
            return i + 1; /* a half-width full stop, not a decimal point */
        i += n;
    }
    return i;
}
