/* Months as people write them, one parser for every front door: the actuals CSV, the
 * command line, Python and the C API all take the same spellings. */
#include <string.h>

#include "internal.h"

int zb_read_digit(const char **p)
{
    const unsigned char *u = (const unsigned char *)*p;
    if (u[0] >= '0' && u[0] <= '9') {
        *p += 1;
        return u[0] - '0';
    }
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
        *p += 3;
        return u[2] - 0x90;
    }
    return -1;
}

/* Up to max digits as a number; -1 when there is none. */
static int read_number(const char **p, int max)
{
    int v = -1;
    for (int k = 0; k < max; k++) {
        int d = zb_read_digit(p);
        if (d < 0)
            break;
        v = (v < 0 ? 0 : v * 10) + d;
    }
    return v;
}

/* Skips one of the separators of a month at *p; 1 when one was there. */
static int skip_separator(const char **p)
{
    static const char *const seps[] = {"-", ".", "/", "－", "．", "／"};
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
        size_t k = strlen(seps[i]);
        if (strncmp(*p, seps[i], k) == 0) {
            *p += k;
            return 1;
        }
    }
    return 0;
}

int zb_period_parse(const char *s, char out[8])
{
    if (!s)
        return 0;
    const char *p = s;
    int year = read_number(&p, 4);
    if (year < 0)
        return 0;
    int han = 0;
    if (strncmp(p, "年", strlen("年")) == 0) {
        p += strlen("年");
        han = 1;
    } else if (!skip_separator(&p)) {
        return 0;
    }
    int month = read_number(&p, 2);
    if (month < 0)
        return 0;
    if (han) {
        if (strncmp(p, "月", strlen("月")) != 0)
            return 0;
        p += strlen("月");
        if (strncmp(p, "份", strlen("份")) == 0)
            p += strlen("份");
    } else if (*p && skip_separator(&p) && read_number(&p, 2) >= 0 && !*p) {
        return 2;
    }
    if (*p || year < 1900 || year > 9999 || month < 1 || month > 12)
        return 0;
    out[0] = (char)('0' + year / 1000);
    out[1] = (char)('0' + year / 100 % 10);
    out[2] = (char)('0' + year / 10 % 10);
    out[3] = (char)('0' + year % 10);
    out[4] = '-';
    out[5] = (char)('0' + month / 10);
    out[6] = (char)('0' + month % 10);
    out[7] = '\0';
    return 1;
}

zb_status zb_period_check(const char *text, char out[8], const char *prefix, zb_error *err)
{
    if (!text)
        return zb_error_set(err, ZB_ERR_ARGUMENT, "%sno period given", prefix);
    int r = zb_period_parse(text, out);
    if (r == 1)
        return ZB_OK;
    /* Echo it only when it is short UTF-8: the message must stay whole and readable. */
    size_t n = strlen(text);
    const char *kind = r == 2 ? "a date, not a month" : "not a month";
    if (n > 64 || zb_utf8_check(text, n) != n)
        return zb_error_set(err, ZB_ERR_VALUE, "%sthe period is %s; write it as %s", prefix, kind, ZB_PERIOD_SPELLINGS);
    return zb_error_set(err, ZB_ERR_VALUE, "%speriod \"%s\" is %s; write it as %s", prefix, text, kind,
                        ZB_PERIOD_SPELLINGS);
}
