/* The command line's machine contract: a small JSON writer (UTF-8 passed through, control
 * characters escaped), and the split of the library's located messages. */
#include "machine.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void put(jw *w, const char *s, size_t n)
{
    if (w->len + n + 1 > w->cap) {
        size_t cap = w->cap ? w->cap : 256;
        while (cap < w->len + n + 1)
            cap *= 2;
        char *p = realloc(w->s, cap);
        if (!p)
            return;
        w->s = p;
        w->cap = cap;
    }
    memcpy(w->s + w->len, s, n);
    w->len += n;
    w->s[w->len] = '\0';
}

void jw_raw(jw *w, const char *text) { put(w, text, strlen(text)); }

static void quoted(jw *w, const char *s)
{
    put(w, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char esc[8];
        switch (*p) {
        case '"': put(w, "\\\"", 2); break;
        case '\\': put(w, "\\\\", 2); break;
        case '\n': put(w, "\\n", 2); break;
        case '\r': put(w, "\\r", 2); break;
        case '\t': put(w, "\\t", 2); break;
        default:
            if (*p < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", *p);
                put(w, esc, 6);
            } else {
                put(w, (const char *)p, 1);
            }
        }
    }
    put(w, "\"", 1);
}

/* The comma before a value, unless it follows its key or opens its container. */
static void sep(jw *w)
{
    if (w->after_key)
        w->after_key = 0;
    else if (w->need_comma)
        put(w, ", ", 2);
}

static void member(jw *w, const char *key)
{
    sep(w);
    w->need_comma = 1;
    if (key) {
        quoted(w, key);
        put(w, ": ", 2);
    }
}

void jw_open(jw *w, char c)
{
    sep(w);
    put(w, &c, 1);
    w->need_comma = 0;
}

void jw_close(jw *w, char c)
{
    put(w, &c, 1);
    w->need_comma = 1;
}

void jw_key(jw *w, const char *key)
{
    sep(w);
    quoted(w, key);
    put(w, ": ", 2);
    w->after_key = 1;
}

void jw_str(jw *w, const char *key, const char *value)
{
    member(w, key);
    if (value)
        quoted(w, value);
    else
        jw_raw(w, "null");
}

void jw_int(jw *w, const char *key, long long value)
{
    member(w, key);
    char b[32];
    snprintf(b, sizeof b, "%lld", value);
    jw_raw(w, b);
}

void jw_num(jw *w, const char *key, double value)
{
    member(w, key);
    if (!isfinite(value)) {
        jw_raw(w, "null");
        return;
    }
    char b[ZB_NUMBER_TEXT];
    jw_raw(w, number_text(value, b, sizeof b));
}

const char *number_text(double value, char *buf, size_t size)
{
    if (!isfinite(value)) {
        buf[0] = '\0';
        return buf;
    }
    /* The shortest text that reads back as the same double... */
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, value);
        if (strtod(buf, NULL) == value)
            break;
    }
    if (!strchr(buf, 'e') || fabs(value) >= 1e21)
        return buf;
    /* ...in digits, as a person and a spreadsheet write it (450, not 4.5e+02). */
    char d[ZB_NUMBER_TEXT];
    for (int decimals = 0; decimals <= 30; decimals++) {
        snprintf(d, sizeof d, "%.*f", decimals, value);
        if (strtod(d, NULL) == value) {
            snprintf(buf, size, "%s", d);
            break;
        }
    }
    return buf;
}

void jw_bool(jw *w, const char *key, int value)
{
    member(w, key);
    jw_raw(w, value ? "true" : "false");
}

void jw_null(jw *w, const char *key)
{
    member(w, key);
    jw_raw(w, "null");
}

void jw_flush(jw *w, FILE *f)
{
    if (w->s)
        fprintf(f, "%s\n", w->s);
    fflush(f);
    free(w->s);
    memset(w, 0, sizeof *w);
}

/* A JSON path as the loader writes it: name, name[3], name[3].name, … */
static int is_json_path(const char *s, size_t n)
{
    if (!n || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(isalnum(c) || c == '_' || c == '.' || c == '[' || c == ']' || c == '-'))
            return 0;
    }
    return 1;
}

static int digits(const char *s, int *value)
{
    int n = 0;
    long v = 0;
    while (isdigit((unsigned char)s[n]) && n < 9)
        v = v * 10 + (s[n++] - '0');
    *value = (int)v;
    return n;
}

/* Finds ":L:C" or ":L" at the end of s[0..end) or followed by ": "; the first such place
 * whose file part holds no ": " (a message's words, not a file name). */
static void split(const char *text, located *out, int whole)
{
    memset(out, 0, sizeof *out);
    snprintf(out->buf, sizeof out->buf, "%s", text ? text : "");
    char *b = out->buf;
    out->rest = b;
    for (char *p = strchr(b, ':'); p; p = strchr(p + 1, ':')) {
        if (p == b)
            continue;
        int line = 0, col = 0;
        int n = digits(p + 1, &line);
        if (!n || line <= 0)
            continue;
        char *q = p + 1 + n;
        int m = 0;
        if (*q == ':' && (m = digits(q + 1, &col)) > 0)
            q += 1 + m;
        else
            col = 0;
        int at_end = *q == '\0';
        if (!(whole ? at_end : (q[0] == ':' && q[1] == ' ')))
            continue;
        /* The file part must not be a sentence. */
        int sentence = 0;
        for (char *s = b; s < p; s++)
            if (s[0] == ':' && s[1] == ' ')
                sentence = 1;
        if (sentence)
            break;
        *p = '\0';
        out->file = b;
        out->line = line;
        out->column = col;
        out->rest = at_end ? q : q + 2;
        break;
    }
    if (whole)
        return;
    /* A path follows a file:line:column (a JSON plan's error); a bare prefix such as
     * "plan.json: cannot open" is the file the message is about, and stays in it. */
    const char *colon = out->file ? strstr(out->rest, ": ") : NULL;
    if (colon && is_json_path(out->rest, (size_t)(colon - out->rest))) {
        char *r = (char *)out->rest;
        r[colon - out->rest] = '\0';
        out->path = r;
        out->rest = colon + 2;
    }
}

void split_message(const char *text, located *out) { split(text, out, 0); }

void split_location(const char *location, located *out) { split(location, out, 1); }

const char *status_name(zb_status st)
{
    static const char *const names[] = {"ok", "nomem", "argument", "io", "write", "syntax", "encoding",
                                        "schema", "value", "duplicate", "not-found", "invalid", "xlsx", "pdf"};
    return (int)st >= 0 && (size_t)st < sizeof names / sizeof *names ? names[st] : "usage";
}

const char *severity_key(zb_severity s)
{
    return s == ZB_SEV_ERROR ? "error" : s == ZB_SEV_WARNING ? "warning" : "note";
}

const char *standing_key(zb_standing s)
{
    static const char *const keys[] = {"missing", "done",     "ahead",  "behind", "met",        "not-met",
                                       "no-target", "exceeded", "warning", "within", "qualitative"};
    return (int)s >= 0 && (size_t)s < sizeof keys / sizeof *keys ? keys[s] : "unknown";
}

static void located_members(jw *w, const located *l)
{
    jw_str(w, "file", l->file);
    if (l->line)
        jw_int(w, "line", l->line);
    else
        jw_null(w, "line");
    if (l->column)
        jw_int(w, "column", l->column);
    else
        jw_null(w, "column");
    jw_str(w, "path", l->path);
}

void jw_finding(jw *w, const zb_findings *f, size_t i)
{
    located l;
    const char *location = zb_findings_location(f, i);
    split_location(location, &l);
    jw_open(w, '{');
    jw_str(w, "severity", severity_key(zb_findings_severity(f, i)));
    jw_str(w, "code", zb_findings_code(f, i));
    located_members(w, &l);
    jw_str(w, "location", location);
    jw_str(w, "message", zb_findings_message(f, i));
    jw_close(w, '}');
}

void jw_load_failure(jw *w, zb_status st, const char *message)
{
    located l;
    split_message(message, &l);
    jw_open(w, '{');
    jw_str(w, "severity", "error");
    jw_str(w, "code", status_name(st));
    located_members(w, &l);
    /* The location alone, as a finding's is: file:line[:column]. */
    char where[sizeof l.buf + 32] = "";
    if (l.file && l.column)
        snprintf(where, sizeof where, "%s:%d:%d", l.file, l.line, l.column);
    else if (l.file)
        snprintf(where, sizeof where, "%s:%d", l.file, l.line);
    jw_str(w, "location", where);
    jw_str(w, "message", l.rest);
    jw_close(w, '}');
}

void machine_error(const char *command, zb_status st, int exit_code, const char *message,
                   const zb_findings *found)
{
    located l;
    split_message(message, &l);
    jw w = {0};
    jw_open(&w, '{');
    jw_key(&w, "error");
    jw_open(&w, '{');
    jw_str(&w, "command", command);
    jw_str(&w, "code", exit_code == 2 && st == ZB_OK ? "usage" : status_name(st));
    jw_int(&w, "status", (long long)st);
    jw_int(&w, "exit", exit_code);
    located_members(&w, &l);
    jw_str(&w, "message", l.rest);
    jw_str(&w, "text", message);
    if (found) {
        jw_key(&w, "findings");
        jw_open(&w, '[');
        for (size_t i = 0; i < zb_findings_count(found); i++)
            if (zb_findings_severity(found, i) == ZB_SEV_ERROR)
                jw_finding(&w, found, i);
        jw_close(&w, ']');
    }
    jw_close(&w, '}');
    jw_close(&w, '}');
    jw_flush(&w, stderr);
}
