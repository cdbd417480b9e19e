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

enum role { ROLE_PLAIN = 0, ROLE_LEAD = 1, ROLE_COOP = 2 };

typedef struct label {
    const char *text;
    int role;
} label;

static const label labels[] = {
    {"责任单位", ROLE_PLAIN}, {"责任部门", ROLE_PLAIN}, {"责任主体", ROLE_PLAIN}, {"主办单位", ROLE_PLAIN},
    {"主责单位", ROLE_PLAIN}, {"牵头单位", ROLE_LEAD},  {"牵头部门", ROLE_LEAD},  {"配合单位", ROLE_COOP},
    {"配合部门", ROLE_COOP},  {"协办单位", ROLE_COOP},  {"参与单位", ROLE_COOP},
};

/* A label and its colon at s: returns the bytes they take and the role, or 0. */
static size_t match_label(const char *s, int *role)
{
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        size_t k = zb_imp_starts(s, labels[i].text);
        if (!k)
            continue;
        const char *p = s + k;
        skip_spaces(&p);
        size_t c = zb_imp_starts(p, ":") ? 1 : zb_imp_starts(p, "：");
        if (!c)
            continue;
        *role = labels[i].role;
        return (size_t)(p + c - s);
    }
    return 0;
}

static int is_open_bracket(uint32_t cp) { return cp == '(' || cp == 0xFF08; }
static int is_close_bracket(uint32_t cp) { return cp == ')' || cp == 0xFF09; }
static int is_open_quote(uint32_t cp) { return cp == 0x201C || cp == 0x2018 || cp == 0x300A; }
static int is_close_quote(uint32_t cp) { return cp == 0x201D || cp == 0x2019 || cp == 0x300B; }

int zb_imp_looks_like_unit(const char *name, size_t len)
{
    static const char *const not_words[] = {"的", "为", "下同", "列出", "第一", "负责", "按照", "职责", "分工",
                                            "以下", "以上", "。", "：", ":"};
    static const char *const suffixes[] = {
        "局", "办", "委", "会", "部", "院", "所", "室", "中心", "公司", "行", "厅", "处", "站", "队", "组", "协",
        "联", "社", "馆", "校", "园", "区", "镇", "乡", "街道", "政府", "集团", "单位", "部门", "机关", "海关",
        "团", "署", "科", "股", "台", "场", "办事处", "管委会", ")", "）"};
    size_t chars = 0, n;
    for (size_t i = 0; i < len; i += n) {
        zb_utf8_decode(name + i, &n);
        chars++;
    }
    if (chars < 2 || chars > 30)
        return 0;
    char *copy = zb_strndup(name, len);
    if (!copy)
        return 0;
    int ok = 1;
    for (size_t i = 0; ok && i < sizeof not_words / sizeof *not_words; i++)
        if (strstr(copy, not_words[i]))
            ok = 0;
    if (ok && !zb_infer_collective(copy)) {
        ok = 0;
        for (size_t i = 0; !ok && i < sizeof suffixes / sizeof *suffixes; i++)
            ok = zb_imp_ends(copy, len, suffixes[i]);
    }
    free(copy);
    return ok;
}

/* One clause of a note's content, between separators. */
typedef struct clause {
    size_t start, end; /* in the content */
    size_t sep_end;    /* end of the separator after it */
} clause;

static int is_clause_separator(uint32_t cp)
{
    return cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' || cp == 0x3002;
}

/* Appends the names of [b, e) of s, split at 、 outside quotes and brackets, to list. */
static void add_names(zb_buf *list, const char *s, size_t b, size_t e)
{
    size_t n, start = b;
    int depth = 0;
    for (size_t i = b; i <= e; i += n ? n : 1) {
        uint32_t cp = i < e ? zb_utf8_decode(s + i, &n) : 0;
        if (i == e)
            n = 0;
        if (is_open_bracket(cp) || is_open_quote(cp))
            depth++;
        else if ((is_close_bracket(cp) || is_close_quote(cp)) && depth > 0)
            depth--;
        if (i == e || (cp == 0x3001 && depth == 0)) {
            char *name = zb_imp_trim(s + start, i - start);
            if (!name) {
                list->failed = 1;
                return;
            }
            if (*name) {
                if (list->len)
                    zb_buf_adds(list, "、");
                zb_buf_adds(list, name);
            }
            free(name);
            start = i + n;
        }
        if (i == e)
            break;
    }
}

/* Nonzero when every name of [b, e) split at 、 reads like a unit. */
static int all_units(const char *s, size_t b, size_t e)
{
    size_t n, start = b, names = 0;
    int depth = 0;
    for (size_t i = b; i <= e; i += n) {
        uint32_t cp = i < e ? zb_utf8_decode(s + i, &n) : 0;
        if (is_open_bracket(cp) || is_open_quote(cp))
            depth++;
        else if ((is_close_bracket(cp) || is_close_quote(cp)) && depth > 0)
            depth--;
        if (i == e || (cp == 0x3001 && depth == 0)) {
            size_t a = start, z = i, m;
            while (a < z && zb_imp_is_space(zb_utf8_decode(s + a, &m)))
                a += m;
            while (z > a && s[z - 1] == ' ')
                z--;
            if (z > a) {
                if (!zb_imp_looks_like_unit(s + a, z - a))
                    return 0;
                names++;
            }
            if (i == e)
                break;
            start = i + n;
        }
    }
    return names > 0;
}

/* Reads a note's content: units by role and the clauses that are not units. */
static int parse_content(const char *s, size_t len, int role, char **units_out, char **note_out)
{
    zb_buf lists[3] = {{0}}, note = {0};
    clause c = {0, 0, 0};
    size_t i = 0, n;
    int depth = 0, bad = 0;
    const char *pending_sep = NULL; /* the separator after the last note clause */
    size_t pending_sep_len = 0;
    while (c.start <= len && !bad) {
        /* Find the clause's end. */
        i = c.start;
        while (i < len) {
            uint32_t cp = zb_utf8_decode(s + i, &n);
            if (is_open_bracket(cp) || is_open_quote(cp))
                depth++;
            else if ((is_close_bracket(cp) || is_close_quote(cp)) && depth > 0)
                depth--;
            else if (depth == 0 && is_clause_separator(cp))
                break;
            i += n;
        }
        c.end = i;
        c.sep_end = i < len ? i + n : len;
        size_t b = c.start, e = c.end;
        while (b < e && zb_imp_is_space(zb_utf8_decode(s + b, &n)))
            b += n;
        while (e > b && s[e - 1] == ' ')
            e--;
        int r = 0;
        size_t k = b < e ? match_label(s + b, &r) : 0, b0 = b;
        if (k) {
            role = r;
            b += k;
            while (b < e && zb_imp_is_space(zb_utf8_decode(s + b, &n)))
                b += n;
        }
        if (b < e) {
            int use = role;
            size_t ue = e, kept = 0;
            static const char *const coop_words[] = {"协同配合", "配合", "协助", "参与"};
            for (size_t w = 0; w < sizeof coop_words / sizeof *coop_words && !kept; w++) {
                if (zb_imp_ends(s + b, e - b, coop_words[w])) {
                    ue = e - strlen(coop_words[w]);
                    use = ROLE_COOP;
                    kept = 1;
                }
            }
            if (!kept && zb_imp_ends(s + b, e - b, "牵头")) {
                ue = e - strlen("牵头");
                use = ROLE_LEAD;
                kept = 1;
            }
            int units = ue > b && all_units(s, b, ue);
            if (units)
                add_names(&lists[use], s, b, ue);
            /* A clause that is not (only) units is kept as the note: 下同, …配合. */
            if (!units || kept) {
                if (note.len && pending_sep)
                    zb_buf_add(&note, pending_sep, pending_sep_len);
                else if (note.len)
                    zb_buf_adds(&note, ",");
                size_t from = units ? b : b0; /* a label is kept only with words that are not units */
                zb_buf_add(&note, s + from, e - from);
                pending_sep = c.end < len ? s + c.end : NULL;
                pending_sep_len = c.sep_end - c.end;
            }
        }
        if (c.end >= len)
            break;
        c.start = c.sep_end;
    }
    zb_buf all = {0};
    zb_buf_adds(&all, "");
    for (int r = 0; r < 3; r++) {
        static const int order[3] = {ROLE_LEAD, ROLE_PLAIN, ROLE_COOP};
        zb_buf *l = &lists[order[r]];
        if (l->failed)
            bad = 1;
        if (l->len) {
            if (all.len)
                zb_buf_adds(&all, "、");
            zb_buf_add(&all, l->data, l->len);
        }
        zb_buf_free(l);
    }
    zb_buf_adds(&note, "");
    if (bad || all.failed || note.failed) {
        zb_buf_free(&all);
        zb_buf_free(&note);
        return -1;
    }
    *units_out = zb_buf_take(&all);
    *note_out = zb_buf_take(&note);
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

static int push_note(zb_imp_note **out, size_t *count, size_t *cap, const char *text, size_t start, size_t end,
                     size_t cb, size_t ce, int role)
{
    /* The content ends before a closing bracket and any 。 that closes the list. */
    while (ce > cb && (zb_imp_ends(text + cb, ce - cb, "。") || text[ce - 1] == ' ' || text[ce - 1] == '.'))
        ce -= zb_imp_ends(text + cb, ce - cb, "。") ? strlen("。") : 1;
    zb_imp_note note = {start, end, NULL, NULL};
    if (parse_content(text + cb, ce - cb, role, &note.units, &note.note))
        return -1;
    if (zb_grow((void **)out, cap, *count + 1, sizeof **out)) {
        free(note.units);
        free(note.note);
        return -1;
    }
    (*out)[(*count)++] = note;
    return 0;
}

int zb_imp_find_notes(const char *text, zb_imp_note **out, size_t *count)
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
        int role;
        if (is_open_bracket(cp)) {
            size_t cb = i + n, ce, k;
            const char *p = text + cb;
            skip_spaces(&p);
            if (!quote && (k = match_label(p, &role)) != 0) {
                /* Its closing bracket, brackets inside it counted (各乡镇（街道）). */
                int depth = 1;
                size_t j = cb, m;
                while (j < len) {
                    uint32_t c = zb_utf8_decode(text + j, &m);
                    if (is_open_bracket(c))
                        depth++;
                    else if (is_close_bracket(c) && --depth == 0)
                        break;
                    j += m;
                }
                ce = j;
                size_t end = j < len ? j + m : len; /* an unclosed note runs to the end */
                if (push_note(out, count, &cap, text, i, end, (size_t)(p - text) + k, ce, role)) {
                    zb_imp_notes_free(*out, *count);
                    *out = NULL;
                    *count = 0;
                    return -1;
                }
                last_end = i = end;
                continue;
            }
        }
        i += n;
    }
    /* An unbracketed note ends a paragraph: …。责任单位：县经信局. It must begin the text
     * or follow the end of a sentence. */
    i = last_end;
    quote = 0;
    int depth = 0;
    uint32_t prev = 0;
    while (i < len) {
        uint32_t cp = zb_utf8_decode(text + i, &n);
        int role;
        size_t k;
        if (!quote && !depth && (i == last_end || prev == 0x3002 || prev == 0xFF1B || prev == ';' || prev == ' ' ||
                                 prev == 0xFF0C || prev == ',') &&
            (k = match_label(text + i, &role)) != 0) {
            if (push_note(out, count, &cap, text, i, len, i + k, len, role)) {
                zb_imp_notes_free(*out, *count);
                *out = NULL;
                *count = 0;
                return -1;
            }
            break;
        }
        if (is_open_quote(cp))
            quote++;
        else if (is_close_quote(cp) && quote > 0)
            quote--;
        else if (is_open_bracket(cp))
            depth++;
        else if (is_close_bracket(cp) && depth > 0)
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
