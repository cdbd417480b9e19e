/* XML text for the OFD parts: escaping that always gives well-formed XML 1.0, and numbers
 * written without printf, so that a host program's locale cannot turn 5.57 into 5,57. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render/ofd/render_ofd.h"

/* Length of the UTF-8 sequence at s (at most n bytes) and its code point, or 0 when the
 * bytes there are not UTF-8. */
static size_t utf8_at(const unsigned char *s, size_t n, uint32_t *cp)
{
    size_t ok = zb_utf8_check((const char *)s, n < 4 ? n : 4);
    size_t len = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    if (ok < len)
        return 0;
    size_t k;
    *cp = zb_utf8_decode((const char *)s, &k);
    return k;
}

void zb_xml_escape(zb_buf *b, const char *str, size_t n, int attribute)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        /* Plain ASCII that needs nothing is copied in one piece. */
        while (run < n && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '&' && s[run] != '<' &&
               s[run] != '>' && s[run] != '"')
            run++;
        if (run > i) {
            zb_buf_add(b, str + i, run - i);
            i = run;
            continue;
        }
        unsigned c = s[i];
        if (c == '&') {
            zb_buf_adds(b, "&amp;");
        } else if (c == '<') {
            zb_buf_adds(b, "&lt;");
        } else if (c == '>') {
            zb_buf_adds(b, "&gt;");
        } else if (c == '"') {
            zb_buf_adds(b, attribute ? "&quot;" : "\"");
        } else if (c == '\t' || c == '\n' || c == '\r') {
            if (attribute)
                zb_buf_addf(b, "&#%u;", c);
            else
                zb_buf_addc(b, (char)c);
        } else if (c < 0x20) {
            zb_buf_adds(b, "\xEF\xBF\xBD");
        } else {
            uint32_t cp = 0;
            size_t k = utf8_at(s + i, n - i, &cp);
            if (!k || cp == 0xFFFE || cp == 0xFFFF) {
                zb_buf_adds(b, "\xEF\xBF\xBD");
                i += k ? k : 1;
                continue;
            }
            zb_buf_add(b, str + i, k);
            i += k;
            continue;
        }
        i++;
    }
}

void zb_xml_number(zb_buf *b, double v, int decimals)
{
    static const double scale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    /* Beyond 1e12 there is no page to speak of; such a value is clamped, not printed in
     * exponent form. */
    if (!isfinite(v))
        v = 0;
    if (v > 1e12)
        v = 1e12;
    if (v < -1e12)
        v = -1e12;
    long long n = llround(v * scale[decimals]);
    long long unit = (long long)scale[decimals];
    char buf[48];
    size_t len = 0;
    if (n < 0) {
        buf[len++] = '-';
        n = -n;
    }
    len += (size_t)snprintf(buf + len, sizeof buf - len, "%lld", n / unit);
    long long frac = n % unit;
    if (frac) {
        char digits[24];
        snprintf(digits, sizeof digits, "%0*lld", decimals, frac);
        size_t d = strlen(digits);
        while (d > 0 && digits[d - 1] == '0')
            d--;
        buf[len++] = '.';
        memcpy(buf + len, digits, d);
        len += d;
    }
    zb_buf_add(b, buf, len);
}
