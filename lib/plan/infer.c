/* What a name or a target text says on its own: the unit, kind and direction a name
 * suggests, the number and qualifier a target holds, and the normalisation of names. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plan_internal.h"

/* Shared with plan.c, which needs it for bare names; not part of plan_internal.h. */

/* White space as real tables carry it: ASCII, U+00A0 (used to spread a category over a
 * tall merged cell), U+3000 and the other Unicode spaces, plus the zero-width ones that
 * copying out of web pages leaves behind. */
static int is_space(uint32_t cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

/* These functions take text straight from callers, so they must not trust it to be
 * UTF-8: a bad byte reads as U+FFFD of length 1 and is never read past. Decoding checks the
 * sequence as zb_utf8_check() would, in the same step. */
static uint32_t decode(const char *str, size_t len, size_t *n)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (len >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && !(c == 0xE0 && s[1] < 0xA0) &&
            !(c == 0xED && s[1] >= 0xA0)) {
            *n = 3;
            return ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        }
    } else if (c >= 0xC2 && c <= 0xDF) {
        if (len >= 2 && (s[1] & 0xC0) == 0x80) {
            *n = 2;
            return ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
        }
    } else if (c >= 0xF0 && c <= 0xF4) {
        if (len >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80 &&
            !(c == 0xF0 && s[1] < 0x90) && !(c == 0xF4 && s[1] >= 0x90)) {
            *n = 4;
            return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
                   ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        }
    }
    *n = 1;
    return 0xFFFD;
}

/* The code point that ends at byte offset end (> 0); *start receives where it begins. */
static uint32_t decode_back(const char *s, size_t end, size_t *start)
{
    size_t b = end - 1;
    for (int k = 0; b > 0 && k < 3 && ((unsigned char)s[b] & 0xC0) == 0x80; k++)
        b--;
    size_t n;
    uint32_t cp = decode(s + b, end - b, &n);
    if (b + n != end) {
        *start = end - 1;
        return 0xFFFD;
    }
    *start = b;
    return cp;
}

/* Nonzero when s[0..len) holds a character is_space() takes, found on the bytes: most names
 * hold none and are then copied as they are. */
static int has_space(const char *str, size_t len)
{
    /* The bytes a white-space character can start with. */
    static const unsigned char may_start[256] = {
        ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
        [0xC2] = 1,  [0xE1] = 1,  [0xE2] = 1,  [0xE3] = 1,  [0xEF] = 1,
    };
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < len; i++) {
        if (!may_start[s[i]])
            continue;
        unsigned c = s[i];
        if (c <= 0x20) {
            if (c == ' ' || (c >= 0x09 && c <= 0x0D))
                return 1;
            continue;
        }
        if (c < 0xC2)
            continue;
        unsigned b1 = i + 1 < len ? s[i + 1] : 0, b2 = i + 2 < len ? s[i + 2] : 0;
        switch (c) {
        case 0xC2: /* U+00A0 */
            if (b1 == 0xA0)
                return 1;
            break;
        case 0xE1: /* U+1680 */
            if (b1 == 0x9A && b2 == 0x80)
                return 1;
            break;
        case 0xE2: /* U+2000–200B, 2028, 2029, 202F, 205F */
            if ((b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8B) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) ||
                (b1 == 0x81 && b2 == 0x9F))
                return 1;
            break;
        case 0xE3: /* U+3000 */
            if (b1 == 0x80 && b2 == 0x80)
                return 1;
            break;
        case 0xEF: /* U+FEFF */
            if (b1 == 0xBB && b2 == 0xBF)
                return 1;
            break;
        default:
            break;
        }
    }
    return 0;
}

char *zb_normalize_name(const char *s)
{
    return zb_normalize_name_n(s ? s : "", s ? strlen(s) : 0);
}

char *zb_normalize_name_n(const char *s, size_t len)
{
    /* Runs only shrink (to one space or nothing), so the input length is enough. */
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    if (!has_space(s, len)) {
        memcpy(out, s, len);
        out[len] = '\0';
        return out;
    }
    size_t o = 0, i = 0;
    uint32_t prev = 0;
    int have_prev = 0;
    while (i < len) {
        size_t n;
        uint32_t cp = decode(s + i, len - i, &n);
        if (!is_space(cp)) {
            memcpy(out + o, s + i, n);
            o += n;
            i += n;
            prev = cp;
            have_prev = 1;
            continue;
        }
        size_t j = i + n;
        uint32_t next = 0;
        int have_next = 0;
        while (j < len) {
            size_t m;
            uint32_t c = decode(s + j, len - j, &m);
            if (!is_space(c)) {
                next = c;
                have_next = 1;
                break;
            }
            j += m;
        }
        /* Chinese is written without spaces, so a space beside a Chinese character or
         * full-width punctuation is layout, not part of the name; between Latin words or
         * numbers it separates them and stays, as one space. */
        if (have_prev && have_next && !zb_is_cjk(prev) && !zb_is_cjk(next))
            out[o++] = ' ';
        i = j;
    }
    out[o] = '\0';
    return out;
}

static int is_close(uint32_t cp) { return cp == ')' || cp == 0xFF09; }
static int is_open(uint32_t cp) { return cp == '(' || cp == 0xFF08; }

/* Finds the bracketed group that ends s (trailing spaces aside), with something other than
 * spaces before it. *open: offset of its opening bracket; [*cb, *ce): its content. */
static int find_unit_group(const char *s, size_t len, size_t *open, size_t *cb, size_t *ce)
{
    size_t end = len, st;
    while (end > 0 && is_space(decode_back(s, end, &st)))
        end = st;
    if (end == 0 || !is_close(decode_back(s, end, &st)))
        return 0;
    size_t content_end = st;
    int depth = 0;
    size_t pos = end;
    while (pos > 0) {
        uint32_t cp = decode_back(s, pos, &st);
        if (is_close(cp)) {
            depth++;
        } else if (is_open(cp) && --depth == 0) {
            /* A name that is nothing but a group has no unit to split off. */
            for (size_t b = st, prev; b > 0; b = prev) {
                if (!is_space(decode_back(s, b, &prev))) {
                    *open = st;
                    *cb = pos;
                    *ce = content_end;
                    return 1;
                }
            }
            return 0;
        }
        pos = st;
    }
    return 0;
}

void zb_infer_name_group(const char *name, size_t *bare, size_t *unit_begin, size_t *unit_end)
{
    size_t len = strlen(name), open, b, e, st, n;
    *bare = len;
    *unit_begin = *unit_end = 0;
    if (!find_unit_group(name, len, &open, &b, &e))
        return;
    while (open > 0 && is_space(decode_back(name, open, &st)))
        open = st;
    while (b < e && is_space(decode(name + b, e - b, &n)))
        b += n;
    while (e > b && is_space(decode_back(name, e, &st)))
        e = st;
    *bare = open;
    *unit_begin = b;
    *unit_end = e;
}

size_t zb_bare_name_length(const char *name)
{
    size_t bare, b, e;
    zb_infer_name_group(name, &bare, &b, &e);
    return bare;
}

size_t zb_infer_unit(const char *name, char *buf, size_t size)
{
    size_t bare, b = 0, e = 0;
    if (name)
        zb_infer_name_group(name, &bare, &b, &e);
    size_t len = e - b;
    if (buf && size > 0) {
        size_t k = len < size - 1 ? len : size - 1;
        /* Never cut a character in half. */
        while (k > 0 && k < len && ((unsigned char)name[b + k] & 0xC0) == 0x80)
            k--;
        if (k > 0)
            memcpy(buf, name + b, k);
        buf[k] = '\0';
    }
    return len;
}

/* Nonzero when word occurs in s[0..n). */
static int has_bytes(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    for (size_t i = 0; i + w <= n; i++)
        if (memcmp(s + i, word, w) == 0)
            return 1;
    return 0;
}

static int contains_any(const char *s, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(s, words[i]))
            return 1;
    return 0;
}

/* A name is tested against dozens of words: the first two bytes of each character it holds
 * are noted once, as bits, and a word whose first character is not among them is not
 * searched for. */
static uint64_t pair_bit(unsigned char b0, unsigned char b1)
{
    return (uint64_t)1 << ((b0 * 31u + b1) & 63);
}

static uint64_t pairs_of(const char *s)
{
    uint64_t bits = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80) /* a character starts here */
            bits |= pair_bit(p[0], p[1]);
    return bits;
}

static int has_any(const char *s, uint64_t pairs, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const unsigned char *w = (const unsigned char *)words[i];
        if ((pairs & pair_bit(w[0], w[1])) && strstr(s, words[i]))
            return 1;
    }
    return 0;
}

static zb_kind kind_of(const char *name, uint64_t pairs)
{
    /* Growth first: 增加值增速(%) is a rate although its unit is %. */
    static const char *const rate_words[] = {"增速", "增长", "增幅"};
    /* 人均, 亩均, 每万人口…: an amount per something is an intensity, a level like 单位…. */
    static const char *const level_words[] = {"占比", "比重", "覆盖率", "保有", "人均", "亩均", "户均", "地均",
                                              "每万", "每千", "每百", "每平方"};
    if (has_any(name, pairs, rate_words, sizeof rate_words / sizeof *rate_words))
        return ZB_KIND_RATE;
    if (has_any(name, pairs, level_words, sizeof level_words / sizeof *level_words))
        return ZB_KIND_LEVEL;
    /* 提速率(%), 发生率: a ratio is a level whatever its unit says. */
    size_t bl, ub, ue;
    zb_infer_name_group(name, &bl, &ub, &ue);
    if (bl >= 3 && memcmp(name + bl - 3, "率", 3) == 0)
        return ZB_KIND_LEVEL;
    const char *unit = name + ub;
    size_t n = ue - ub;
    if ((n == 1 && unit[0] == '%') || (n == 3 && memcmp(unit, "％", 3) == 0))
        return ZB_KIND_LEVEL;
    /* An intensity (单位工业增加值能耗, 吨标煤/万元) is a level at the period, not an amount that
     * accumulates through the year. */
    if (strncmp(name, "单位", strlen("单位")) == 0 || strncmp(name, "每", strlen("每")) == 0 ||
        (n < 64 && (memchr(unit, '/', n) || has_bytes(unit, n, "／")))) /* a unit as a name holds it */
        return ZB_KIND_LEVEL;
    return ZB_KIND_CUMULATIVE;
}

zb_kind zb_infer_kind(const char *name)
{
    return name ? kind_of(name, pairs_of(name)) : ZB_KIND_CUMULATIVE;
}

static zb_kind kind_with_unit(const char *name, uint64_t pairs, const char *unit)
{
    zb_kind kind = name ? kind_of(name, pairs) : ZB_KIND_CUMULATIVE;
    if (kind != ZB_KIND_CUMULATIVE || !unit || !*unit)
        return kind;
    /* A unit given apart from the name says what the name's own unit group would: % is a
     * share, a unit per something (万元/亩, 吨标煤/万元) an intensity. */
    if (strcmp(unit, "%") == 0 || strcmp(unit, "％") == 0 || strcmp(unit, "‰") == 0 || strchr(unit, '/') ||
        strstr(unit, "／") || strstr(unit, "每"))
        return ZB_KIND_LEVEL;
    return kind;
}

zb_kind zb_infer_kind_with_unit(const char *name, const char *unit)
{
    return kind_with_unit(name, name ? pairs_of(name) : 0, unit);
}

static zb_direction direction_of(const char *name, uint64_t pairs)
{
    /* Lower is better for what a plan wants less of: energy use, emissions, accidents,
     * deaths and incidence rates. A name that itself states the decrease (能耗下降率) has a
     * positive target where more decrease is better, so it stays higher-is-better. */
    static const char *const lower_words[] = {"能耗", "排放", "事故", "死亡", "发生率"};
    static const char *const decrease_words[] = {"下降", "降低", "减少", "削减", "节约"};
    if (has_any(name, pairs, lower_words, sizeof lower_words / sizeof *lower_words) &&
        !has_any(name, pairs, decrease_words, sizeof decrease_words / sizeof *decrease_words))
        return ZB_DIR_LOWER;
    return ZB_DIR_HIGHER;
}

zb_direction zb_infer_direction(const char *name)
{
    return name ? direction_of(name, pairs_of(name)) : ZB_DIR_HIGHER;
}

void zb_infer_name_facts(const char *name, const char *unit, int infer_kind, zb_name_facts *out)
{
    static const char *const decrease[] = {"下降", "降低", "降幅", "减少", "削减", "压减", "压降"};
    static const char *const increase[] = {"增速", "增长", "增幅", "涨幅"};
    uint64_t pairs = pairs_of(name);
    out->direction = direction_of(name, pairs);
    out->decrease = has_any(name, pairs, decrease, sizeof decrease / sizeof *decrease);
    out->change = out->decrease || has_any(name, pairs, increase, sizeof increase / sizeof *increase);
    out->kind = infer_kind ? kind_with_unit(name, pairs, unit) : ZB_KIND_AUTO;
}

/* ---- targets ---- */

typedef struct qual_word {
    const char *text;
    zb_qualifier qualifier;
} qual_word;

/* Longer words first where one starts another. 力争 (strive for) is stretch wording with
 * no bound of its own: it is skipped. */
static const qual_word prefix_words[] = {
    {"不低于", ZB_QUAL_AT_LEAST}, {"不少于", ZB_QUAL_AT_LEAST}, {"≥", ZB_QUAL_AT_LEAST},
    {"≧", ZB_QUAL_AT_LEAST},      {">=", ZB_QUAL_AT_LEAST},     {"＞＝", ZB_QUAL_AT_LEAST},
    {"不超过", ZB_QUAL_AT_MOST},  {"不高于", ZB_QUAL_AT_MOST},  {"不多于", ZB_QUAL_AT_MOST},
    {"≤", ZB_QUAL_AT_MOST},       {"≦", ZB_QUAL_AT_MOST},       {"<=", ZB_QUAL_AT_MOST},
    {"＜＝", ZB_QUAL_AT_MOST},    {"约", ZB_QUAL_ABOUT},        {"≈", ZB_QUAL_ABOUT},
    {"~", ZB_QUAL_ABOUT},         {"～", ZB_QUAL_ABOUT},        {"力争", ZB_QUAL_NONE},
    {"达到", ZB_QUAL_NONE},       {"控制在", ZB_QUAL_NONE},
    /* A strict bound is read as the bound (`<5.5`: at most 5.5), after the two-character
     * forms above so that `<=` stays one word. */
    {"＜", ZB_QUAL_AT_MOST},      {"<", ZB_QUAL_AT_MOST},       {"＞", ZB_QUAL_AT_LEAST},
    {">", ZB_QUAL_AT_LEAST},
};

static const qual_word suffix_words[] = {
    {"及以上", ZB_QUAL_AT_LEAST}, {"以上", ZB_QUAL_AT_LEAST}, {"左右", ZB_QUAL_ABOUT},
    {"及以下", ZB_QUAL_AT_MOST},  {"以下", ZB_QUAL_AT_MOST},  {"以内", ZB_QUAL_AT_MOST},
};

static void skip_spaces(const char *s, size_t *p, size_t end)
{
    size_t n;
    while (*p < end && is_space(decode(s + *p, end - *p, &n)))
        *p += n;
}

/* Matches one word of the table at *p; returns its index or -1. */
static int match_word(const char *s, size_t *p, size_t end, const qual_word *words, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (*p >= end || s[*p] != words[i].text[0])
            continue;
        size_t n = strlen(words[i].text);
        if (n <= end - *p && memcmp(s + *p, words[i].text, n) == 0) {
            *p += n;
            return (int)i;
        }
    }
    return -1;
}

/* Merges a qualifier into *q; 0 when two different bounds are written (≥5以下). */
static int merge_qualifier(zb_qualifier *q, zb_qualifier add)
{
    if (add == ZB_QUAL_NONE || *q == add)
        return 1;
    if (*q != ZB_QUAL_NONE)
        return 0;
    *q = add;
    return 1;
}

/* An ASCII or full-width digit's value, or -1. */
static int digit_value(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return (int)(cp - 0xFF10);
    return -1;
}

static int is_digit_at(const char *s, size_t p, size_t end)
{
    size_t n;
    return p < end && digit_value(decode(s + p, end - p, &n)) >= 0;
}

/* Reads an unsigned decimal number at *p: digits with optional thousands separators
 * (1,200 or 1，200, groups of exactly three), then an optional fraction. */
static int read_number(const char *s, size_t *p, size_t end, double *out)
{
    char digits[64]; /* significant text of the number, ASCII, separators dropped */
    size_t nd = 0, frac = 0, group = 0;
    int commas = 0, first_group = -1, in_frac = 0, any = 0;
    size_t pos = *p;
    while (pos < end) {
        size_t n;
        uint32_t cp = decode(s + pos, end - pos, &n);
        int d = digit_value(cp);
        if (d >= 0) {
            if (nd + 1 >= sizeof digits)
                return 0; /* no real target has 60 digits */
            digits[nd++] = (char)('0' + d);
            any = 1;
            if (in_frac)
                frac++;
            else
                group++;
        } else if ((cp == ',' || cp == 0xFF0C) && !in_frac && group > 0 &&
                   is_digit_at(s, pos + n, end)) {
            if (commas == 0)
                first_group = (int)group;
            else if (group != 3)
                return 0;
            commas++;
            group = 0;
        } else if ((cp == '.' || cp == 0xFF0E) && !in_frac && is_digit_at(s, pos + n, end)) {
            in_frac = 1;
        } else {
            break;
        }
        pos += n;
    }
    if (!any)
        return 0;
    if (commas && (first_group > 3 || group != 3))
        return 0;
    digits[nd] = '\0';

    /* Exact when the digits fit a double's integer range and the scale is an exact power
     * of ten (one correctly rounded division); strtod, which follows the locale's decimal
     * point, only for the rare rest. */
    size_t lead = 0;
    while (lead < nd && digits[lead] == '0')
        lead++;
    if (nd - lead <= 15 && frac <= 22) {
        static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
        uint64_t m = 0;
        for (size_t i = lead; i < nd; i++)
            m = m * 10 + (uint64_t)(digits[i] - '0');
        *out = (double)m / pow10[frac];
    } else {
        char text[66];
        size_t ip = nd - frac;
        memcpy(text, digits, ip);
        text[ip] = '.';
        memcpy(text + ip + 1, digits + ip, frac);
        text[ip + 1 + frac] = '\0';
        *out = strtod(text, NULL);
    }
    *p = pos;
    return 1;
}

int zb_parse_target(const char *text, double *value, zb_qualifier *qualifier)
{
    if (value)
        *value = NAN;
    if (qualifier)
        *qualifier = ZB_QUAL_NONE;
    if (!text)
        return 0;
    size_t end = strlen(text), p = 0, st;
    while (end > 0 && is_space(decode_back(text, end, &st)))
        end = st;

    zb_qualifier q = ZB_QUAL_NONE;
    for (;;) {
        skip_spaces(text, &p, end);
        int w = match_word(text, &p, end, prefix_words, sizeof prefix_words / sizeof *prefix_words);
        if (w < 0)
            break;
        if (!merge_qualifier(&q, prefix_words[w].qualifier))
            return 0;
    }

    int negative = 0;
    size_t n;
    if (p < end) {
        uint32_t cp = decode(text + p, end - p, &n);
        if (cp == '+' || cp == 0xFF0B || cp == '-' || cp == 0xFF0D || cp == 0x2212) {
            negative = cp != '+' && cp != 0xFF0B;
            p += n;
        }
    }
    double v;
    if (!read_number(text, &p, end, &v))
        return 0;

    skip_spaces(text, &p, end);
    if (p < end) {
        uint32_t cp = decode(text + p, end - p, &n);
        if (cp == '%' || cp == 0xFF05)
            p += n;
    }
    skip_spaces(text, &p, end);
    /* A target cell often carries its unit: 62家, 0.5万千瓦, 5个以上. Up to eight characters
     * that are neither digits nor a qualifier are taken as that unit and skipped. */
    for (int unit_chars = 0; p < end && unit_chars < 8; unit_chars++) {
        size_t probe = p;
        if (match_word(text, &probe, end, suffix_words, sizeof suffix_words / sizeof *suffix_words) >= 0)
            break;
        uint32_t cp = decode(text + p, end - p, &n);
        if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || cp == '.' || cp == 0xFF0E || is_space(cp))
            break;
        p += n;
    }
    int w = match_word(text, &p, end, suffix_words, sizeof suffix_words / sizeof *suffix_words);
    if (w >= 0 && !merge_qualifier(&q, suffix_words[w].qualifier))
        return 0;
    skip_spaces(text, &p, end);
    if (p != end)
        return 0; /* a second number, or words that are not a qualifier */

    /* A number beyond what a plan may hold is no number to reckon with (validation says
     * so); -0 is 0. */
    if (!zb_number_usable(v))
        return 0;
    if (value)
        *value = negative && v != 0 ? -v : v;
    if (qualifier)
        *qualifier = q;
    return 1;
}

/* ---- target cells ---- */

static int is_dash(uint32_t cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFF0D || cp == 0x2500 ||
           cp == 0x2501 || cp == 0xFE58 || cp == 0xFE63 || cp == '_' || cp == 0x2026 || cp == 0x22EF;
}

static int is_slash(uint32_t cp) { return cp == '/' || cp == 0xFF0F || cp == '\\' || cp == 0xFF3C || cp == 0x2215; }

/* The text between leading and trailing white space: [*b, *e). */
static void trim_bounds(const char *s, size_t *b, size_t *e)
{
    size_t n, st;
    *b = 0;
    *e = strlen(s);
    while (*b < *e && is_space(decode(s + *b, *e - *b, &n)))
        *b += n;
    while (*e > *b && is_space(decode_back(s, *e, &st)))
        *e = st;
}

/* Empty, a run of dashes or of slashes, or a word that says "nothing here". */
static int is_placeholder(const char *s)
{
    static const char *const words[] = {"无", "暂无", "不适用", "不涉及", "空", "N/A", "n/a", "NA", "na", "×"};
    size_t b, e, n;
    trim_bounds(s, &b, &e);
    if (b == e)
        return 1;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == e - b && memcmp(s + b, words[i], e - b) == 0)
            return 1;
    int dashes = 1, slashes = 1;
    for (size_t p = b; p < e; p += n) {
        uint32_t cp = decode(s + p, e - p, &n);
        if (!is_dash(cp) && !is_space(cp))
            dashes = 0;
        if (!is_slash(cp) && !is_space(cp))
            slashes = 0;
    }
    return dashes || slashes;
}

static int has_digit(const char *s)
{
    size_t len = strlen(s), n;
    for (size_t p = 0; p < len; p += n)
        if (digit_value(decode(s + p, len - p, &n)) >= 0)
            return 1;
    return 0;
}

/* Words of qualitative targets: what a table writes where it sets no number. A text without
 * digits that holds one is a qualitative target; 下达 marks one even with digits (完成省下达
 * 的2024年任务). Byte matching is safe: these are whole UTF-8 sequences. */
static const char *const qualitative_words[] = {
    "下达", "提升", "提高", "增长", "增加", "上升", "下降", "降低", "减少", "稳定", "持平", "完成", "达到",
    "达标", "保持", "确保", "改善", "优化", "加快", "推进", "持续", "稳步", "逐步", "逐年", "有所", "力争",
    "争创", "创建", "实现", "不低于", "不高于", "高于", "低于", "上年", "全覆盖", "清零", "零发生", "只增不减",
    "合理区间", "好于", "快于", "同步", "领先", "前列", "巩固", "扩大", "壮大", "做强", "突破"};

static int is_qualitative(const char *s)
{
    if (strstr(s, "下达"))
        return 1;
    if (has_digit(s))
        return 0;
    return contains_any(s, qualitative_words, sizeof qualitative_words / sizeof *qualitative_words);
}

typedef struct change_word {
    const char *text;
    int sign;
} change_word;

/* Longer words first where one starts another. */
static const change_word change_words[] = {
    {"下降", -1}, {"降低", -1}, {"减少", -1}, {"削减", -1}, {"压减", -1}, {"压降", -1},
    {"增长", 1},  {"提高", 1},  {"提升", 1},  {"上升", 1},  {"增加", 1},
};

/* Skips a comparison that opens a stated change: 比上年, 较上年, 比基期, 较2020年(末), 同比. */
static void skip_comparison(const char *s, size_t *p, size_t end)
{
    size_t q = *p;
    if (end - q >= strlen("同比") && memcmp(s + q, "同比", strlen("同比")) == 0) {
        *p = q + strlen("同比");
        return;
    }
    if (!(end - q >= 3 && (memcmp(s + q, "比", 3) == 0 || memcmp(s + q, "较", 3) == 0)))
        return;
    q += 3;
    if (end - q >= strlen("上年") && memcmp(s + q, "上年", strlen("上年")) == 0) {
        q += strlen("上年");
    } else if (end - q >= strlen("基期") && memcmp(s + q, "基期", strlen("基期")) == 0) {
        q += strlen("基期");
    } else {
        int digits = 0;
        size_t n;
        while (q < end && digit_value(decode(s + q, end - q, &n)) >= 0 && digits < 4)
            q += n, digits++;
        if (digits != 4 || !(end - q >= 3 && memcmp(s + q, "年", 3) == 0))
            return;
        q += 3;
    }
    if (end - q >= 3 && memcmp(s + q, "末", 3) == 0)
        q += 3;
    *p = q;
}

/* 下降3%, 提高2个百分点以上, 较2020年下降13.5%, 年均增长6%左右, 减少10家. 1 on a match. */
static int parse_change(const char *s, double *number, zb_qualifier *qualifier, zb_change *change)
{
    size_t p, end;
    trim_bounds(s, &p, &end);
    skip_comparison(s, &p, end);
    skip_spaces(s, &p, end);
    int annual = 0;
    if (end - p >= strlen("年均") && memcmp(s + p, "年均", strlen("年均")) == 0) {
        annual = 1;
        p += strlen("年均");
    }
    int sign = 0;
    for (size_t i = 0; i < sizeof change_words / sizeof *change_words && !sign; i++) {
        size_t n = strlen(change_words[i].text);
        if (end - p >= n && memcmp(s + p, change_words[i].text, n) == 0) {
            sign = change_words[i].sign;
            p += n;
        }
    }
    if (!sign)
        return 0;
    zb_qualifier q = ZB_QUAL_NONE;
    for (;;) {
        skip_spaces(s, &p, end);
        int w = match_word(s, &p, end, prefix_words, sizeof prefix_words / sizeof *prefix_words);
        if (w < 0)
            break;
        if (!merge_qualifier(&q, prefix_words[w].qualifier))
            return 0;
    }
    double v;
    if (!read_number(s, &p, end, &v))
        return 0;
    skip_spaces(s, &p, end);
    zb_change how = ZB_CHANGE_AMOUNT;
    size_t n;
    if (p < end) {
        uint32_t cp = decode(s + p, end - p, &n);
        if (cp == '%' || cp == 0xFF05) {
            p += n;
            how = ZB_CHANGE_PERCENT;
        } else if (end - p >= strlen("个百分点") && memcmp(s + p, "个百分点", strlen("个百分点")) == 0) {
            p += strlen("个百分点");
            how = ZB_CHANGE_POINTS;
        } else if (end - p >= strlen("百分点") && memcmp(s + p, "百分点", strlen("百分点")) == 0) {
            p += strlen("百分点");
            how = ZB_CHANGE_POINTS;
        }
    }
    skip_spaces(s, &p, end);
    if (how == ZB_CHANGE_AMOUNT) {
        /* The unit of an amount: 减少10家, 压减5万吨. */
        for (int k = 0; p < end && k < 8; k++) {
            size_t probe = p;
            if (match_word(s, &probe, end, suffix_words, sizeof suffix_words / sizeof *suffix_words) >= 0)
                break;
            uint32_t cp = decode(s + p, end - p, &n);
            if (digit_value(cp) >= 0 || cp == '.' || cp == 0xFF0E || is_space(cp))
                break;
            p += n;
        }
    }
    int w = match_word(s, &p, end, suffix_words, sizeof suffix_words / sizeof *suffix_words);
    if (w >= 0 && !merge_qualifier(&q, suffix_words[w].qualifier))
        return 0;
    skip_spaces(s, &p, end);
    if (p != end)
        return 0;
    if (annual) {
        if (how != ZB_CHANGE_PERCENT)
            return 0; /* 年均 comes with a rate */
        how = ZB_CHANGE_ANNUAL;
    }
    *number = sign * v;
    *qualifier = q;
    *change = how;
    return 1;
}

/* 1725, 96.5: digits with at most one point between digits, read as read_number() reads
 * them (a number of sixteen digits or more is left to it). 1 with *v set when so. */
static int plain_decimal(const char *text, double *v)
{
    static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    uint64_t m = 0;
    size_t digits = 0, frac = 0;
    int point = 0;
    const char *p = text;
    while (*p == '0' && p[1] >= '0' && p[1] <= '9') /* leading zeros count for nothing */
        p++;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            m = m * 10 + (uint64_t)(*p - '0');
            digits++;
            frac += point;
        } else if (*p == '.' && !point && digits && p[1] >= '0' && p[1] <= '9') {
            point = 1;
        } else {
            return 0;
        }
        if (digits > 15)
            return 0;
    }
    if (!digits)
        return 0;
    *v = (double)m / pow10[frac];
    return 1;
}

zb_target_class zb_classify_target(const char *text, double *number, zb_qualifier *qualifier, zb_change *change)
{
    double plain;
    if (text && plain_decimal(text, &plain)) { /* most target cells */
        if (number)
            *number = plain;
        if (qualifier)
            *qualifier = ZB_QUAL_NONE;
        if (change)
            *change = ZB_CHANGE_NONE;
        return ZB_TARGET_NUMERIC;
    }
    double v = NAN;
    zb_qualifier q = ZB_QUAL_NONE;
    zb_change how = ZB_CHANGE_NONE;
    zb_target_class cls;
    if (!text || is_placeholder(text))
        cls = ZB_TARGET_NONE;
    else if (zb_parse_target(text, &v, &q))
        cls = ZB_TARGET_NUMERIC;
    else if (parse_change(text, &v, &q, &how))
        cls = ZB_TARGET_NUMERIC;
    else if (is_qualitative(text))
        cls = ZB_TARGET_QUALITATIVE;
    else
        cls = ZB_TARGET_UNRECOGNISED;
    if (cls != ZB_TARGET_NUMERIC) {
        v = NAN;
        q = ZB_QUAL_NONE;
        how = ZB_CHANGE_NONE;
    }
    if (number)
        *number = v;
    if (qualifier)
        *qualifier = q;
    if (change)
        *change = how;
    return cls;
}

/* ---- collective names ---- */

int zb_infer_collective(const char *name)
{
    /* Plans name groups of units where a list would be too long: 各乡镇（街道）, 县政府各部门,
     * 县级相关部门, 县级有关单位, 产业集群工作组成员单位, 县经信局等. A single unit's name never
     * holds 各, 相关 or 有关, so finding them anywhere is safe; 成员单位 and 等 only count at
     * the end (等级, 平等 inside a name are words of their own). Byte matching is enough:
     * these are whole UTF-8 sequences and cannot match inside another character. */
    static const char *const anywhere[] = {"各", "相关", "有关"};
    static const char *const endings[] = {"成员单位", "等", "等单位", "等部门"};
    if (!name)
        return 0;
    if (contains_any(name, anywhere, sizeof anywhere / sizeof *anywhere))
        return 1;
    size_t len = strlen(name), st;
    while (len > 0 && is_space(decode_back(name, len, &st)))
        len = st;
    for (size_t i = 0; i < sizeof endings / sizeof *endings; i++) {
        size_t n = strlen(endings[i]);
        if (len >= n && memcmp(name + len - n, endings[i], n) == 0)
            return 1;
    }
    return 0;
}
