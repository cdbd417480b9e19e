/* Strings, buffers, errors, files, UTF-8 and time: the small things every module needs. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

char *zb_strdup(const char *s)
{
    return s ? zb_strndup(s, strlen(s)) : NULL;
}

char *zb_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int zb_grow(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    /* A first allocation of what is asked: most arrays of the model hold one to three items
     * (targets, units), and a plan has tens of thousands of them. */
    size_t n = *cap ? *cap : need;
    while (n < need) {
        if (n > SIZE_MAX / 2 / elem)
            return -1;
        n *= 2;
    }
    void *p = realloc(*items, n * elem);
    if (!p)
        return -1;
    *items = p;
    *cap = n;
    return 0;
}

static int buf_reserve(zb_buf *b, size_t extra)
{
    if (b->failed)
        return -1;
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t n = b->cap ? b->cap : 256;
    while (n < b->len + extra + 1) {
        if (n > SIZE_MAX / 2) {
            b->failed = 1;
            return -1;
        }
        n *= 2;
    }
    char *p = realloc(b->data, n);
    if (!p) {
        b->failed = 1;
        return -1;
    }
    b->data = p;
    b->cap = n;
    return 0;
}

void zb_buf_add(zb_buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void zb_buf_adds(zb_buf *b, const char *s) { zb_buf_add(b, s, strlen(s)); }

void zb_buf_addc(zb_buf *b, char c) { zb_buf_add(b, &c, 1); }

void zb_buf_add_uint(zb_buf *b, unsigned long long v)
{
    char digits[24];
    size_t n = sizeof digits;
    do {
        digits[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    zb_buf_add(b, digits + n, sizeof digits - n);
}

void zb_buf_addf(zb_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) {
        va_end(ap2);
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof tmp) {
        zb_buf_add(b, tmp, (size_t)n);
    } else if (!buf_reserve(b, (size_t)n)) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

void zb_buf_free(zb_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

char *zb_buf_take(zb_buf *b)
{
    if (b->failed) {
        zb_buf_free(b);
        return NULL;
    }
    char *p = b->data ? b->data : zb_strdup("");
    memset(b, 0, sizeof *b);
    return p;
}

zb_status zb_error_setv(zb_error *err, zb_status code, const char *fmt, va_list ap)
{
    if (err) {
        err->code = code;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
    }
    return code;
}

zb_status zb_error_set(zb_error *err, zb_status code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    zb_error_setv(err, code, fmt, ap);
    va_end(ap);
    return code;
}

void zb_error_clear(zb_error *err)
{
    if (err) {
        err->code = ZB_OK;
        err->message[0] = '\0';
    }
}

zb_status zb_read_file(const char *path, char **out, size_t *len, zb_error *err)
{
    *out = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return zb_error_set(err, ZB_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    zb_buf b = {0};
    /* A regular file is read into a buffer of its size (one more byte for the NUL), so that
     * a large input is not held in twice the room; anything else grows as it is read. */
    struct stat sb;
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > ZB_READ_MAX) {
        fclose(f);
        return zb_error_set(err, ZB_ERR_IO, "%s: more than %d MB: too large to be read", path, ZB_READ_MAX >> 20);
    }
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0 &&
        (unsigned long long)sb.st_size < SIZE_MAX / 2) {
        b.cap = (size_t)sb.st_size + 1;
        b.data = malloc(b.cap);
        if (!b.data)
            b.cap = 0;
    }
    char chunk[65536];
    size_t n;
    /* A limit far above any plan, seal or font list, so that /dev/zero or an endless pipe
     * is stopped instead of filling memory. */
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        zb_buf_add(&b, chunk, n);
        if (b.len > ZB_READ_MAX) {
            fclose(f);
            zb_buf_free(&b);
            return zb_error_set(err, ZB_ERR_IO, "%s: more than %d MB: too large to be read", path,
                                ZB_READ_MAX >> 20);
        }
    }
    int bad = ferror(f);
    int saved = errno;
    fclose(f);
    if (bad) {
        zb_buf_free(&b);
        return zb_error_set(err, ZB_ERR_IO, "%s: cannot read: %s", path, strerror(saved));
    }
    size_t total = b.len;
    char *data = zb_buf_take(&b);
    if (!data)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory reading the file", path);
    *out = data;
    *len = total;
    return ZB_OK;
}

int zb_is_forbidden_control(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE ||
           cp == 0xFFFF;
}

/* Nonzero when one of the eight bytes of w is below 0x20, or 0x7F, 0xC2 or 0xEF: the bytes
 * a control character, a C1 control or U+FFFE/U+FFFF can start with. Exact, no false
 * negatives (the usual "has a byte less than n" and "has a zero byte" word tricks). */
static int may_hold_control(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t x7f = w ^ (ones * 0x7F), xc2 = w ^ (ones * 0xC2), xef = w ^ (ones * 0xEF);
    return ((((w - ones * 0x20) & ~w) | ((x7f - ones) & ~x7f) | ((xc2 - ones) & ~xc2) | ((xef - ones) & ~xef)) &
               highs) != 0;
}

size_t zb_text_find_control(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < len; i++) {
        /* Most text holds none of those bytes: eight at a time past them. */
        while (len - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (may_hold_control(w))
                break;
            i += 8;
        }
        if (i == len)
            break;
        unsigned c = s[i];
        uint32_t v;
        if (c < 0x20)
            v = c;
        else if (c == 0x7F)
            v = c;
        else if (c == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)
            v = s[i + 1];
        else if (c == 0xEF && i + 2 < len && s[i + 1] == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF))
            v = 0xFFC0u | (s[i + 2] & 0x3Fu);
        else
            continue;
        if (zb_is_forbidden_control(v)) {
            if (cp)
                *cp = v;
            return i;
        }
    }
    return len;
}

const char *zb_text_bom_encoding(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len >= 4 && s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0)
        return "UTF-32LE";
    if (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF)
        return "UTF-32BE";
    if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE)
        return "UTF-16LE";
    if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF)
        return "UTF-16BE";
    return NULL;
}

const char *zb_text_wide_encoding(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t m = len < 64 ? len : 64;
    if (!memchr(s, 0, m))
        return NULL;
    /* UTF-32: every unit of four bytes a code point up to U+10FFFF, its high bytes zero. */
    size_t units = m / 4;
    int le = units > 0, be = units > 0;
    for (size_t u = 0; u < units; u++) {
        const unsigned char *b = s + 4 * u;
        int empty = !(b[0] | b[1] | b[2] | b[3]);
        le &= !empty && b[3] == 0 && b[2] <= 0x10;
        be &= !empty && b[0] == 0 && b[1] <= 0x10;
    }
    if (le != be)
        return le ? "UTF-32LE" : "UTF-32BE";
    /* UTF-16: the zero bytes of Latin letters, digits and punctuation on one side of the
     * pairs (a CJK character may have one on either side, so by a clear majority). */
    size_t even = 0, odd = 0, pairs = m / 2;
    for (size_t i = 0; i + 1 < m; i += 2) {
        even += s[i] == 0;
        odd += s[i + 1] == 0;
    }
    /* And enough of them: a stray NUL in UTF-8 text is not an encoding. */
    if (odd > 2 * even && odd * 8 >= pairs)
        return "UTF-16LE";
    if (even > 2 * odd && even * 8 >= pairs)
        return "UTF-16BE";
    return NULL;
}

zb_status zb_scratch_dir(const char *option, const char *option_name, const char **dir, zb_error *err)
{
    const char *d = option;
    const char *from = option_name;
    if (!d || !*d) {
        d = getenv("TMPDIR");
        from = "TMPDIR";
        if (!d || !*d) {
            d = "/tmp";
            from = NULL;
        }
    }
    struct stat st;
    int e = 0;
    if (stat(d, &st) != 0)
        e = errno;
    else if (!S_ISDIR(st.st_mode))
        e = ENOTDIR;
    else if (access(d, W_OK | X_OK) != 0)
        e = errno;
    if (e) {
        if (!from)
            return zb_error_set(err, ZB_ERR_WRITE, "%s: cannot hold temporary files: %s", d, strerror(e));
        if (from == option_name)
            return zb_error_set(err, ZB_ERR_WRITE, "%s (%s): cannot hold temporary files: %s", d, from,
                                strerror(e));
        return zb_error_set(err, ZB_ERR_WRITE, "%s=%s: cannot hold temporary files: %s", from, d, strerror(e));
    }
    *dir = d;
    return ZB_OK;
}

/* Every text the library reads passes through here, most of it Chinese: ASCII goes eight
 * bytes at a time and a three-byte character is checked in one step. */
size_t zb_utf8_check(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str, *p = s, *end = s + len;
    while (p < end) {
        unsigned c = p[0];
        size_t left = (size_t)(end - p);
        if (c < 0x80) {
            p++;
            /* A run of ASCII, eight bytes at a time. */
            while (end - p >= 8) {
                uint64_t w;
                memcpy(&w, p, 8);
                if (w & 0x8080808080808080u)
                    break;
                p += 8;
            }
        } else if (c >= 0xE0 && c <= 0xEF) {
            /* Overlong below E0 A0, surrogates from ED A0. */
            if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (c == 0xE0 && p[1] < 0xA0) ||
                (c == 0xED && p[1] >= 0xA0))
                break;
            p += 3;
        } else if (c >= 0xC2 && c <= 0xDF) {
            if (left < 2 || (p[1] & 0xC0) != 0x80)
                break;
            p += 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            /* Overlong below F0 90, past U+10FFFF from F4 90. */
            if (left < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80 ||
                (c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))
                break;
            p += 4;
        } else {
            break;
        }
    }
    return (size_t)(p - s);
}

uint32_t zb_utf8_decode(const char *str, size_t *n)
{
    const unsigned char *s = (const unsigned char *)str;
    if (s[0] < 0x80) {
        *n = 1;
        return s[0];
    }
    if ((s[0] & 0xE0) == 0xC0) {
        *n = 2;
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if ((s[0] & 0xF0) == 0xE0) {
        *n = 3;
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *n = 4;
    return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
           ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

size_t zb_utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

void zb_text_position(const char *s, size_t len, size_t off, int *line, int *col)
{
    if (off > len)
        off = len;
    /* Lines by memchr; characters only on the last line. */
    int l = 1, c = 1;
    size_t start = 0;
    const char *nl;
    while (start < off && (nl = memchr(s + start, '\n', off - start)) != NULL) {
        l++;
        start = (size_t)(nl - s) + 1;
    }
    for (size_t i = start; i < off; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80; /* characters, not continuation bytes */
    *line = l;
    *col = c;
}

int zb_looks_like_gbk(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t pairs = 0, i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c < 0x81 || c > 0xFE || i + 1 >= len)
            return 0;
        unsigned d = s[i + 1];
        if (d >= 0x30 && d <= 0x39) { /* GB18030 four-byte sequence */
            if (i + 3 >= len || s[i + 2] < 0x81 || s[i + 2] > 0xFE || s[i + 3] < 0x30 || s[i + 3] > 0x39)
                return 0;
            i += 4;
        } else {
            if (d < 0x40 || d > 0xFE || d == 0x7F)
                return 0;
            i += 2;
        }
        pairs++;
    }
    return pairs > 0;
}

int zb_is_cjk(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF)     /* radicals, CJK punctuation, kana, ideographs */
           || (cp >= 0xF900 && cp <= 0xFAFF)  /* compatibility ideographs */
           || (cp >= 0xFE30 && cp <= 0xFE4F)  /* compatibility forms */
           || (cp >= 0xFF00 && cp <= 0xFFEF)  /* full-width forms */
           || (cp >= 0x2010 && cp <= 0x206F)  /* general punctuation: “ ” — … */
           || (cp >= 0x20000 && cp <= 0x3FFFF);
}

size_t zb_utf8_length(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

time_t zb_date_to_time(int y, int m, int d)
{
    /* Howard Hinnant's days_from_civil. */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long days = era * 146097 + doe - 719468;
    return (time_t)days * 86400;
}

int zb_date_valid(zb_date d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1900 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1)
        return 0;
    int leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    int max = mdays[d.month - 1] + (d.month == 2 && leap);
    return d.day <= max;
}

time_t zb_output_time(zb_date date, int fallback_year)
{
    if (zb_date_valid(date))
        return zb_date_to_time(date.year, date.month, date.day);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (!*end && !errno && v >= 0)
            return (time_t)v;
    }
    return zb_date_to_time(fallback_year >= 1980 ? fallback_year : 1980, 1, 1);
}

int zb_number_usable(double v)
{
    double a = fabs(v);
    return v == 0 || (a >= ZB_NUMBER_MIN && a <= ZB_NUMBER_MAX);
}

/* %.*g's "1.5e+15" or "5e-05" written out in digits ("1500000000000000", "0.00005"), in
 * place; buf has 32 bytes, the mantissa at most 17 digits and the exponent from -12 to 28,
 * so at most 29 digits and a sign fit. */
static void expand_exponent(char *buf)
{
    char *e = strchr(buf, 'e');
    if (!e)
        return;
    int exp = atoi(e + 1);
    if (exp < -12 || exp > 28)
        return;
    *e = '\0';
    char sign = 0, digits[24];
    const char *p = buf;
    if (*p == '-')
        sign = *p++;
    size_t n = 0;
    int point = -1; /* digits before the decimal point in the mantissa */
    for (; *p; p++) {
        if (*p == '.')
            point = (int)n;
        else if (n < sizeof digits)
            digits[n++] = *p;
    }
    if (point < 0)
        point = (int)n;
    int at = point + exp; /* digits before the point in the result */
    char out[32];
    size_t o = 0;
    if (sign)
        out[o++] = sign;
    if (at <= 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int k = 0; k < -at; k++)
            out[o++] = '0';
        for (size_t k = 0; k < n; k++)
            out[o++] = digits[k];
    } else {
        for (int k = 0; k < at; k++)
            out[o++] = (size_t)k < n ? digits[k] : '0';
        if ((size_t)at < n) {
            out[o++] = '.';
            for (size_t k = (size_t)at; k < n; k++)
                out[o++] = digits[k];
        }
    }
    out[o] = '\0';
    memcpy(buf, out, o + 1);
}

const char *zb_format_number(double v, char *buf)
{
    /* -0 reads as 0 to anyone: a target of -0 is 0. */
    if (v == 0)
        v = 0;
    /* Whole numbers below 10^15, most targets and values, print as %.15g does: digits. */
    if (v > -1e15 && v < 1e15 && v == (double)(long long)v) {
        long long k = (long long)v;
        char digits[24];
        size_t n = sizeof digits;
        unsigned long long u = k < 0 ? 0ull - (unsigned long long)k : (unsigned long long)k;
        do {
            digits[--n] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (k < 0)
            digits[--n] = '-';
        memcpy(buf, digits + n, sizeof digits - n);
        buf[sizeof digits - n] = '\0';
        return buf;
    }
    /* A few decimals (6.5, 0.25, 74.5), the rest of them: m / 10^k that is v exactly, m
     * below 10^15 and v at least 10^-4, is what %.15g prints and reads back as v. */
    static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
    if (fabs(v) >= 1e-4 && fabs(v) < 1e9) {
        for (int k = 1; k <= 6; k++) {
            double m = v * p10[k];
            if (!(m > -1e15 && m < 1e15) || m != (double)(long long)m || (double)(long long)m / p10[k] != v)
                continue;
            long long mi = (long long)m;
            if (mi % 10 == 0)
                break; /* a trailing zero: rounding got in the way, take the long road */
            unsigned long long u = mi < 0 ? 0ull - (unsigned long long)mi : (unsigned long long)mi;
            char digits[32];
            size_t n = sizeof digits;
            for (int d = 0; d < k; d++) {
                digits[--n] = (char)('0' + u % 10);
                u /= 10;
            }
            digits[--n] = '.';
            do {
                digits[--n] = (char)('0' + u % 10);
                u /= 10;
            } while (u);
            if (mi < 0)
                digits[--n] = '-';
            memcpy(buf, digits + n, sizeof digits - n);
            buf[sizeof digits - n] = '\0';
            return buf;
        }
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, 32, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    /* Digits, not an exponent, for the numbers a plan holds (10^-9 to 10^15 and what is
     * made of them): 1e+15 would not read back as a target. */
    expand_exponent(buf);
    return buf;
}

const char *zb_format_rounded(double v, int significant, char *buf)
{
    if (significant < 1 || significant > 17)
        significant = 15;
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%.*g", significant, v);
    return zb_format_number(strtod(tmp, NULL), buf);
}
