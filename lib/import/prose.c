/* Quantitative targets written in prose: 新增“小升规”企业62家以上, 规上工业增加值增速达到6.5%左右,
 * 到2023年,整治提升高耗低效企业400家.
 *
 * A target is a number with a measurement unit after it, outside quotes and brackets,
 * followed by the end of a clause. Its name is the words before it back to the clause
 * boundary, without the time words and linking verbs around it (到2023年, 力争, 达到, 突破).
 * Passed over: years and dates (2023年), ordinals (第3次), numbers inside quotes or brackets
 * (“8+4”, “省民营经济32条”, (或1亿美元以上)), numbers without a unit (3.0版, 500强), and a number
 * that is part of a longer name (10亿元以上制造业项目, 100%“标准地”). */
#include <stdlib.h>
#include <string.h>

#include "import/import_internal.h"

/* Measurement units, the longest first where one starts another. count: a unit of things
 * counted one by one, which may come before the name (谋划1项产业链协同创新项目). */
typedef struct unit_word {
    const char *text;
    int count;
} unit_word;

static const unit_word units[] = {
    {"个百分点", 0},   {"百分点", 0},   {"%", 0},        {"％", 0},        {"万千瓦时", 0},  {"亿千瓦时", 0},
    {"千瓦时", 0},     {"万千瓦", 0},   {"千瓦", 0},     {"兆瓦", 0},      {"万元/人", 0},   {"万元/亩", 0},
    {"亿美元", 0},     {"万美元", 0},   {"美元", 0},     {"亿元", 0},      {"万元", 0},      {"元", 0},
    {"万吨标准煤", 0}, {"万吨标煤", 0}, {"吨标准煤", 0}, {"吨标煤", 0},    {"万吨", 0},      {"吨", 0},
    {"万平方米", 0},   {"平方米", 0},   {"万亩", 0},     {"亩", 0},        {"公顷", 0},      {"公里", 0},
    {"千米", 0},       {"万人次", 0},   {"人次", 0},     {"万人", 0},      {"人", 1},        {"名", 1},
    {"家", 1},         {"个", 1},       {"项", 1},       {"场", 1},        {"台", 1},        {"套", 1},
    {"件", 1},         {"座", 1},       {"辆", 1},       {"所", 1},        {"批", 1},        {"户", 1},
    {"处", 1},         {"栋", 1},       {"款", 1},       {"种", 1},        {"分", 0},        {"倍", 0},
};

typedef struct qual_word {
    const char *text;
    zb_qualifier q;
} qual_word;

static const qual_word suffix_quals[] = {
    {"及以上", ZB_QUAL_AT_LEAST}, {"以上", ZB_QUAL_AT_LEAST}, {"左右", ZB_QUAL_ABOUT},
    {"及以下", ZB_QUAL_AT_MOST},  {"以下", ZB_QUAL_AT_MOST},  {"以内", ZB_QUAL_AT_MOST},
};

/* Words between a name and its number, stripped from the name's end. */
static const qual_word linking[] = {
    {"不低于", ZB_QUAL_AT_LEAST}, {"不少于", ZB_QUAL_AT_LEAST}, {"突破", ZB_QUAL_AT_LEAST},
    {"超过", ZB_QUAL_AT_LEAST},   {"逾", ZB_QUAL_AT_LEAST},     {"不超过", ZB_QUAL_AT_MOST},
    {"不高于", ZB_QUAL_AT_MOST},  {"控制在", ZB_QUAL_AT_MOST},  {"低于", ZB_QUAL_AT_MOST},
    {"约", ZB_QUAL_ABOUT},        {"近", ZB_QUAL_ABOUT},        {"达到", ZB_QUAL_NONE},
    {"提高到", ZB_QUAL_NONE},     {"提高至", ZB_QUAL_NONE},     {"提升到", ZB_QUAL_NONE},
    {"提升至", ZB_QUAL_NONE},     {"增加到", ZB_QUAL_NONE},     {"保持在", ZB_QUAL_NONE},
    {"累计达", ZB_QUAL_NONE},     {"共计", ZB_QUAL_NONE},       {"达", ZB_QUAL_NONE},
    {"在", ZB_QUAL_NONE},         {"为", ZB_QUAL_NONE},         {"至", ZB_QUAL_NONE},
    {"到", ZB_QUAL_NONE},         {"共", ZB_QUAL_NONE},
};

/* Words that open a clause without being part of what is counted. */
static const char *const openers[] = {"力争", "确保", "争取", "努力", "其中", "同时", "全年", "每年", "年内",
                                      "三年", "两年", "五年", "实现", "并", "在", "要"};

static int is_open(uint32_t cp) { return cp == '(' || cp == 0xFF08 || cp == 0x201C || cp == 0x2018 || cp == 0x300A; }
static int is_close(uint32_t cp) { return cp == ')' || cp == 0xFF09 || cp == 0x201D || cp == 0x2019 || cp == 0x300B; }

/* Ends a clause: the name of a target never runs across one. 、 separates the items of
 * a list and is handled apart. */
static int is_boundary(uint32_t cp)
{
    return cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' || cp == 0xFF1A || cp == ':' || cp == 0x3002 ||
           cp == 0xFF01 || cp == 0xFF1F;
}

static int is_sentence_end(uint32_t cp) { return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F; }

/* A half-width full stop ends a sentence too (抓好项目开工.全年…), unless it is a decimal
 * point. */
static int ascii_stop(const char *s, size_t i, size_t len)
{
    return s[i] == '.' && !(i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9');
}

/* What may follow a target: the end of its clause. */
static int may_follow(uint32_t cp)
{
    return cp == 0 || is_boundary(cp) || cp == 0x3001 || cp == '.' || cp == ')' || cp == 0xFF09 || cp == 0x201D ||
           cp == 0x2019 || cp == '(' || cp == 0xFF08 || zb_imp_is_space(cp);
}

void zb_imp_targets_free(zb_imp_targets *t)
{
    for (size_t i = 0; i < t->count; i++) {
        free(t->items[i].name);
        free(t->items[i].unit);
        free(t->items[i].value);
        free(t->items[i].sentence);
    }
    free(t->items);
    memset(t, 0, sizeof *t);
}

/* A 4-digit year ending just before s + at (which holds 年), or 0. */
static int year_before(const char *s, size_t at)
{
    if (at < 4)
        return 0;
    int y = 0;
    for (size_t k = at - 4; k < at; k++) {
        if (s[k] < '0' || s[k] > '9')
            return 0;
        y = y * 10 + (s[k] - '0');
    }
    if (at > 4 && s[at - 5] >= '0' && s[at - 5] <= '9')
        return 0;
    return y >= 1900 && y <= 2200 ? y : 0;
}

/* Strips opener words (and time phrases 到2023年, 2024年底前) from the start of [*b, e) and
 * linking words from its end, merging the qualifier they say into *q. */
static void strip_name(const char *s, size_t *b, size_t *e, zb_qualifier *q)
{
    size_t n;
    for (int again = 1; again && *b < *e;) {
        again = 0;
        while (*b < *e && zb_imp_is_space(zb_utf8_decode(s + *b, &n))) {
            *b += n;
            again = 1;
        }
        const char *p = s + *b;
        size_t k = zb_imp_starts(p, "到") ? strlen("到") : zb_imp_starts(p, "至") ? strlen("至") : 0;
        size_t d = k;
        while (d < *e - *b && p[d] >= '0' && p[d] <= '9')
            d++;
        if (d - k == 4 && zb_imp_starts(p + d, "年")) {
            d += strlen("年");
            size_t m;
            if ((m = zb_imp_starts(p + d, "底")) || (m = zb_imp_starts(p + d, "末")))
                d += m;
            if ((m = zb_imp_starts(p + d, "前")))
                d += m;
            if (*b + d <= *e) {
                *b += d;
                again = 1;
                continue;
            }
        }
        for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) {
            size_t m = zb_imp_starts(p, openers[i]);
            if (m && *b + m < *e) {
                *b += m;
                again = 1;
                break;
            }
        }
    }
    for (int again = 1; again && *e > *b;) {
        again = 0;
        while (*e > *b && s[*e - 1] == ' ') {
            (*e)--;
            again = 1;
        }
        for (size_t i = 0; i < sizeof linking / sizeof *linking; i++) {
            size_t m = strlen(linking[i].text);
            if (*e - *b > m && memcmp(s + *e - m, linking[i].text, m) == 0) {
                *e -= m;
                if (*q == ZB_QUAL_NONE)
                    *q = linking[i].q;
                again = 1;
                break;
            }
        }
    }
}

static int has_ideograph(const char *s, size_t b, size_t e)
{
    size_t n;
    for (size_t i = b; i < e; i += n) {
        uint32_t cp = zb_utf8_decode(s + i, &n);
        if (cp >= 0x4E00 && cp <= 0x9FFF)
            return 1;
    }
    return 0;
}

static size_t count_chars(const char *s, size_t b, size_t e)
{
    size_t c = 0, n;
    for (size_t i = b; i < e; i += n) {
        zb_utf8_decode(s + i, &n);
        c++;
    }
    return c;
}

/* A quote mark without its partner in the name (the seed's 浙江制造精品”产品 lost its “) is
 * the text's slip, not part of what is counted: dropped. */
static void drop_stray_quotes(char *name)
{
    size_t len = strlen(name), n;
    int open = 0, close = 0;
    for (size_t i = 0; i < len; i += n) {
        uint32_t cp = zb_utf8_decode(name + i, &n);
        open += cp == 0x201C;
        close += cp == 0x201D;
    }
    if (open == close)
        return;
    uint32_t drop = open > close ? 0x201C : 0x201D;
    size_t o = 0;
    for (size_t i = 0; i < len; i += n) {
        uint32_t cp = zb_utf8_decode(name + i, &n);
        if (cp == drop)
            continue;
        memmove(name + o, name + i, n);
        o += n;
    }
    name[o] = '\0';
}

static int add_target(zb_imp_targets *out, const char *s, size_t nb, size_t ne, const char *tail, size_t tail_len,
                      const char *unit, const char *value, zb_qualifier q, int year, int at_year, const char *sentence,
                      size_t sentence_len, size_t task, int line)
{
    zb_imp_target t = {0};
    t.name = malloc(ne - nb + tail_len + 1);
    t.unit = zb_strdup(unit);
    t.value = zb_strdup(value);
    t.sentence = zb_imp_trim(sentence, sentence_len);
    if (!t.name || !t.unit || !t.value || !t.sentence ||
        zb_grow((void **)&out->items, &out->cap, out->count + 1, sizeof *out->items)) {
        free(t.name);
        free(t.unit);
        free(t.value);
        free(t.sentence);
        return -1;
    }
    memcpy(t.name, s + nb, ne - nb);
    memcpy(t.name + (ne - nb), tail, tail_len);
    t.name[ne - nb + tail_len] = '\0';
    drop_stray_quotes(t.name);
    t.qualifier = q;
    t.year = year;
    t.at_year = at_year;
    t.task = task;
    t.line = line;
    out->items[out->count++] = t;
    return 0;
}

int zb_imp_find_targets(const char *text, size_t task, int line, zb_imp_targets *out)
{
    size_t len = strlen(text), i = 0, n;
    size_t sentence = 0;       /* where the current sentence starts */
    size_t clause = 0;         /* after the last boundary or 、 */
    size_t phrase = 0;         /* after the last boundary (、 aside) */
    size_t last_number = 0;    /* end of the last number read, + 1; 0 = none in this sentence */
    int depth = 0, to_year = 0, at_year = 0;
    uint32_t prev = 0;
    while (i < len) {
        uint32_t cp = zb_utf8_decode(text + i, &n);
        if (is_open(cp)) {
            depth++;
        } else if (is_close(cp)) {
            if (depth > 0)
                depth--;
        } else if (depth == 0 && (is_boundary(cp) || cp == 0x3001 || ascii_stop(text, i, len))) {
            clause = i + n;
            if (cp != 0x3001)
                phrase = i + n;
            if (is_sentence_end(cp) || cp == '.') {
                sentence = i + n;
                last_number = 0;
                to_year = at_year = 0;
            }
        }
        if (zb_imp_digit(cp) < 0 || zb_imp_digit(prev) >= 0 || prev == '.' || prev == 0xFF0E) {
            prev = cp;
            i += n;
            continue;
        }
        /* A number: digits, then a point and digits. */
        size_t start = i;
        char value[40];
        size_t vl = 0;
        int point = 0;
        while (i < len) {
            uint32_t c = zb_utf8_decode(text + i, &n);
            int d = zb_imp_digit(c);
            if (d >= 0) {
                if (vl + 2 < sizeof value)
                    value[vl++] = (char)('0' + d);
            } else if ((c == '.' || c == 0xFF0E) && !point && i + n < len) {
                size_t m;
                if (zb_imp_digit(zb_utf8_decode(text + i + n, &m)) < 0)
                    break;
                point = 1;
                if (vl + 2 < sizeof value)
                    value[vl++] = '.';
            } else {
                break;
            }
            i += n;
        }
        value[vl] = '\0';
        size_t after = i, earlier = last_number;
        if (depth == 0)
            last_number = after + 1;
        uint32_t next = after < len ? zb_utf8_decode(text + after, &n) : 0;

        /* Years mark the time the sentence speaks of. */
        if (zb_imp_starts(text + after, "年") && vl == 4 && !point) {
            int y = year_before(text, after);
            size_t m = strlen("年");
            int to = (start >= 3 && (memcmp(text + start - 3, "到", 3) == 0 || memcmp(text + start - 3, "至", 3) == 0)) ||
                     zb_imp_starts(text + after + m, "底") || zb_imp_starts(text + after + m, "末");
            if (y && to)
                to_year = y;
            else if (y)
                at_year = y;
            out->skipped++;
            prev = '0';
            continue;
        }
        int skip = depth > 0 || prev == 0x7B2C /* 第 */ || (prev < 0x80 && prev != 0 && prev != ' ' && prev != ',' &&
                                                             prev != ';' && prev != ':' && prev != ')') ||
                   (next < 0x80 && next != 0 && next != '%' && next != ' ' && next != ',' && next != ';' &&
                    next != ')' && next != '(' && next != ':');
        const unit_word *unit = NULL;
        size_t ulen = 0;
        if (!skip) {
            for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
                size_t m = zb_imp_starts(text + after, units[k].text);
                if (m > ulen) {
                    ulen = m;
                    unit = &units[k];
                }
            }
        }
        if (!unit) {
            out->skipped++;
            prev = '0';
            continue;
        }
        size_t p = after + ulen;
        zb_qualifier q = ZB_QUAL_NONE;
        for (size_t k = 0; k < sizeof suffix_quals / sizeof *suffix_quals; k++) {
            size_t m = zb_imp_starts(text + p, suffix_quals[k].text);
            if (m) {
                q = suffix_quals[k].q;
                p += m;
                break;
            }
        }
        uint32_t follow = p < len ? zb_utf8_decode(text + p, &n) : 0;

        /* The name: back to the clause boundary, or over a list joined by 、 when nothing in
         * it is a number of its own (数字化车间、智能工厂3个). */
        size_t nb = clause, ne = start;
        if (clause > phrase && (earlier == 0 || earlier - 1 <= phrase))
            nb = phrase;
        if (nb < sentence)
            nb = sentence;
        const char *tail = "";
        size_t tail_len = 0, resume = p;
        if (!may_follow(follow)) {
            /* 谋划1项产业链协同创新项目: a count before the name, after a short verb. */
            size_t vb = nb, ve = ne;
            zb_qualifier dummy = ZB_QUAL_NONE;
            strip_name(text, &vb, &ve, &dummy);
            size_t te = p;
            int d2 = 0;
            while (te < len) {
                uint32_t c = zb_utf8_decode(text + te, &n);
                if (is_open(c))
                    d2++;
                else if (is_close(c) && d2 > 0)
                    d2--;
                else if (d2 == 0 && (is_boundary(c) || c == 0x3001))
                    break;
                if (zb_imp_digit(c) >= 0)
                    break;
                te += n;
            }
            size_t vc = count_chars(text, vb, ve);
            if (!unit->count || q != ZB_QUAL_NONE || vc == 0 || vc > 4 || te == p ||
                (te < len && zb_imp_digit(zb_utf8_decode(text + te, &n)) >= 0) || !has_ideograph(text, p, te)) {
                out->skipped++;
                prev = '0';
                i = after;
                continue;
            }
            tail = text + p;
            tail_len = te - p;
            nb = vb;
            ne = ve;
            resume = te;
        }
        strip_name(text, &nb, &ne, &q);
        size_t chars = count_chars(text, nb, ne) + count_chars(tail, 0, tail_len);
        if (ne <= nb || chars < 3 || chars > 60 || !(has_ideograph(text, nb, ne) || has_ideograph(tail, 0, tail_len))) {
            out->skipped++;
            prev = '0';
            i = resume;
            continue;
        }
        /* The sentence it belongs to, for the reader. */
        size_t se = resume;
        int d3 = 0;
        while (se < len) {
            uint32_t c = zb_utf8_decode(text + se, &n);
            if (is_open(c))
                d3++;
            else if (is_close(c) && d3 > 0)
                d3--;
            if (d3 == 0 && (is_sentence_end(c) || ascii_stop(text, se, len))) {
                se += n;
                break;
            }
            se += n;
        }
        if (add_target(out, text, nb, ne, tail, tail_len, unit->text, value, q, to_year, at_year, text + sentence,
                       se - sentence, task, line))
            return -1;
        prev = '0';
        i = resume;
    }
    return 0;
}

void zb_imp_scan_years(const char *text, int *to, int *span_first, int *span_last, int *years_word)
{
    size_t len = strlen(text);
    for (size_t i = 0; i + 4 <= len; i++) {
        size_t m;
        if ((m = zb_imp_starts(text + i, "年")) && i >= 4) {
            int y = year_before(text, i);
            if (y && i >= 7 && (memcmp(text + i - 7, "到", 3) == 0 || memcmp(text + i - 7, "至", 3) == 0) &&
                y > *to)
                *to = y;
        }
        /* (2021-2023), 2021—2023年, 2021～2023. */
        if (i + 4 <= len && (i == 0 || text[i - 1] < '0' || text[i - 1] > '9')) {
            int a = 0, ok = 1;
            for (size_t k = 0; k < 4; k++) {
                if (text[i + k] < '0' || text[i + k] > '9')
                    ok = 0;
                else
                    a = a * 10 + (text[i + k] - '0');
            }
            if (!ok)
                continue;
            size_t p = i + 4, s;
            if ((s = zb_imp_starts(text + p, "-")) || (s = zb_imp_starts(text + p, "—")) ||
                (s = zb_imp_starts(text + p, "－")) || (s = zb_imp_starts(text + p, "～")) ||
                (s = zb_imp_starts(text + p, "~")) || (s = zb_imp_starts(text + p, "–")) ||
                (s = zb_imp_starts(text + p, "至"))) {
                p += s;
                if (zb_imp_starts(text + p, "—"))
                    p += strlen("—");
                int b = 0;
                ok = p + 4 <= len;
                for (size_t k = 0; ok && k < 4; k++) {
                    if (text[p + k] < '0' || text[p + k] > '9')
                        ok = 0;
                    else
                        b = b * 10 + (text[p + k] - '0');
                }
                if (ok && (p + 4 == len || text[p + 4] < '0' || text[p + 4] > '9') && a >= 1900 && a <= b &&
                    b <= 2200 && b - a <= 20 && b >= *span_last) {
                    *span_first = a;
                    *span_last = b;
                }
            }
        }
    }
    static const struct {
        const char *word;
        int years;
    } words[] = {{"三年", 3}, {"两年", 2}, {"五年", 5}};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (!*years_word && strstr(text, words[k].word))
            *years_word = words[k].years;
}
