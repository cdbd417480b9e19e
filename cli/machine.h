/* The command line's machine contract (docs/cli.md): JSON for findings, summaries and
 * errors, and the split of a located message into file, line, column and path. */
#ifndef ZB_CLI_MACHINE_H
#define ZB_CLI_MACHINE_H

#include <stdio.h>

#include "zhibiao.h"

/* A JSON text being built (NUL-terminated; on allocation failure it stays what it was). */
typedef struct jw {
    char *s;
    size_t len, cap;
    int need_comma, after_key;
} jw;

void jw_raw(jw *w, const char *text);
/* Object and array punctuation, with the commas between members handled. */
void jw_open(jw *w, char c);
void jw_close(jw *w, char c);
/* A member "key": value (key NULL inside an array). */
void jw_str(jw *w, const char *key, const char *value); /* NULL → null */
void jw_int(jw *w, const char *key, long long value);
void jw_num(jw *w, const char *key, double value);      /* NaN → null */
/* The shortest digits that read back as value, without an exponent below 10^21 (450, not
 * 4.5e+02); "" for NaN or infinity. buf holds ZB_NUMBER_TEXT bytes. */
#define ZB_NUMBER_TEXT 64
const char *number_text(double value, char *buf, size_t size);
void jw_bool(jw *w, const char *key, int value);
void jw_null(jw *w, const char *key);
void jw_key(jw *w, const char *key); /* before a nested jw_open */
/* Writes the text and a newline to f, then frees it. */
void jw_flush(jw *w, FILE *f);

/* A location or a message split: "file:line:column: rest" (or "file:line: rest"); without
 * a location, file is NULL and rest the whole text. path is the plan's JSON path the rest
 * starts with ("categories[0].indicators[3].target: …"), else NULL. Strings point into buf. */
typedef struct located {
    const char *file;
    int line, column; /* 0 when absent */
    const char *path;
    const char *rest;
    char buf[ZB_ERROR_MESSAGE_MAX + 64];
} located;
void split_message(const char *text, located *out);
/* A finding's location alone ("plan.json:14:7", "table.csv:12", "indicator 20"). */
void split_location(const char *location, located *out);

/* The stable name of a status: "schema", "not-found", …; "usage" for exit code 2 without a status. */
const char *status_name(zb_status st);
const char *severity_key(zb_severity s);
const char *standing_key(zb_standing s);

/* One finding as a JSON object (inside an array). */
void jw_finding(jw *w, const zb_findings *f, size_t i);
/* A finding made from a failed load's message, severity error, code the status name. */
void jw_load_failure(jw *w, zb_status st, const char *message);
/* {"error": {...}} on stderr: what failed, where, and the exit code. */
void machine_error(const char *command, zb_status st, int exit_code, const char *message,
                   const zb_findings *found);

#endif /* ZB_CLI_MACHINE_H */
