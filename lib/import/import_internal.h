/* What the parts of the text importer share; not installed.
 *
 * The importer (import.c) reads the text line by line; text.c holds the small readers of
 * Chinese official text it needs (white space, dates, heading markers, responsibility notes),
 * prose.c finds quantitative targets in sentences, table.c reads attachments. All text
 * handed to these helpers is valid UTF-8 and NUL-terminated (the importer checks the input
 * first), which is what lets them decode without bounds checks. */
#ifndef ZB_IMPORT_INTERNAL_H
#define ZB_IMPORT_INTERNAL_H

#include <stdint.h>

#include "plan/plan_internal.h"
#include "zhibiao/import.h"

/* ---- text.c ------------------------------------------------------------------------- */

/* White space as copied web pages carry it: ASCII, U+00A0, U+3000, the Unicode spaces and
 * the zero-width ones. */
int zb_imp_is_space(uint32_t cp);
/* The code point at s and its length in *n; 0 (and *n = 0) at the terminating NUL. */
uint32_t zb_imp_cp(const char *s, size_t *n);
/* An ASCII or full-width digit's value, or -1. */
int zb_imp_digit(uint32_t cp);
/* Length of word when s starts with it, else 0. */
size_t zb_imp_starts(const char *s, const char *word);
/* Nonzero when s (of len bytes) ends with word. */
int zb_imp_ends(const char *s, size_t len, const char *word);
/* A copy of s without white space at its ends. NULL when out of memory. */
char *zb_imp_trim(const char *s, size_t len);
/* Body text with the dirt of web pages cleaned: U+00A0, U+3000 and zero-width spaces
 * between Chinese characters removed, other white space one ASCII space, spaces just inside
 * quotes and brackets (“ 品字标) removed, ends trimmed. Spaces between Chinese words typed
 * on purpose (“百工之乡 八婺金匠”) stay. *changed: whether anything but the ends changed. */
char *zb_imp_clean(const char *s, int *changed);
/* The same text without 《》“”"' and white space, for comparing titles. */
char *zb_imp_fold_title(const char *s);

/* A date written 2022年3月24日, 二〇二二年三月二十四日, 2022-03-24, 2022/3/24 or 2022.3.24 at
 * s; *end receives where it stops. 1 when one was read (and exists). */
int zb_imp_read_date(const char *s, zb_date *d, const char **end);
/* 1 when the whole line is a date (white space around it allowed). */
int zb_imp_date_line(const char *s, zb_date *d);

/* Heading level of a line: 1 for 一、, 2 for (一) or （一）, 3 for 1. 1． 1、, 4 for (1) or （1）;
 * 0 for none. *marker: its length in bytes; *number: the number as printed, without the
 * punctuation around it for levels 1 and 3 ("一", "12") and with its brackets for 2 and 4
 * ("(一)", "(1)"), in a buffer of 32 bytes. */
int zb_imp_heading(const char *s, size_t *marker, char *number);

/* A responsibility note found in a text: `(责任单位:…)`, `（牵头单位：…；配合单位：…）`, or an
 * unbracketed `责任单位:…` that ends the text. */
typedef struct zb_imp_note {
    size_t start, end; /* its bytes in the text, brackets included */
    char *units;       /* the units, lead first, joined with 、 (malloc'd) */
    char *note;        /* what is not a unit, e.g. 列第一位的为牵头单位,下同 (malloc'd, may be "") */
} zb_imp_note;

/* Finds the notes of text in order. *out is malloc'd (free with zb_imp_notes_free). 0 = ok,
 * -1 = out of memory. */
int zb_imp_find_notes(const char *text, zb_imp_note **out, size_t *count);
void zb_imp_notes_free(zb_imp_note *notes, size_t count);
/* Nonzero when name reads like the name of an organ: 县经信局, 开发区, 县“低散乱污”整治办,
 * or a collective name (zb_infer_collective). */
int zb_imp_looks_like_unit(const char *name, size_t len);

/* Byte offset of the end of the first sentence of text (just after its 。！？; or the
 * end of text), not counting those inside quotes or brackets. */
size_t zb_imp_first_sentence(const char *text);

/* ---- prose.c ------------------------------------------------------------------------ */

/* A target found in a sentence, before it is added to the plan. */
typedef struct zb_imp_target {
    char *name;
    char *unit;
    char *value;
    char *sentence;
    zb_qualifier qualifier;
    int year;    /* 到2023年 → 2023 (last_year); 0 = none */
    int at_year; /* 2024年, … at the start of the sentence → 2024; 0 = none */
    size_t task; /* index the task has or will have, or ZB_NONE */
    int line;
} zb_imp_target;

typedef struct zb_imp_targets {
    zb_imp_target *items;
    size_t count, cap;
    size_t skipped; /* numbers passed over: dates, ordinals, quoted names, parts of names */
} zb_imp_targets;

/* Appends the targets found in text (a paragraph without its responsibility notes). 0 =
 * ok, -1 = out of memory. */
int zb_imp_find_targets(const char *text, size_t task, int line, zb_imp_targets *out);
void zb_imp_targets_free(zb_imp_targets *t);

/* Years that text mentions: the largest 到YYYY年 / 至YYYY年 (*to), a span (YYYY-YYYY) or
 * YYYY—YYYY年 ending in want_last when it is nonzero, otherwise any (*span_first,
 * *span_last), and whether it speaks of 三年 / 两年 / 五年 (*years_word = 3, 2, 5). Values
 * are only raised or set, so one call per line accumulates. */
void zb_imp_scan_years(const char *text, int *to, int *span_first, int *span_last, int *years_word);

/* ---- table.c ------------------------------------------------------------------------ */

/* What an attachment's lines hold, once read into the plan. */
typedef struct zb_imp_attachment_result {
    zb_attachment_kind kind;
    size_t rows;       /* indicators added */
    size_t units;      /* units added */
    int table_year;    /* from a header such as 2024年目标值; 0 = none */
    size_t used;       /* lines used; the rest could not be placed */
} zb_imp_attachment_result;

/* The lines of one attachment after its title: a target table whose cells come one per
 * line, a unit list, or text. Adds indicators, categories and units to plan and reports
 * to report. lines[i], numbers[i]: the text and line number of each. Returns 0, or -1
 * when out of memory. */
int zb_imp_read_attachment(zb_plan *plan, zb_findings *report, const char *name, int number, const char *title,
                           char *const *lines, const int *numbers, size_t count, zb_imp_attachment_result *out);

#endif /* ZB_IMPORT_INTERNAL_H */
