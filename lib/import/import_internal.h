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

/* ---- clean.c: the first stage -------------------------------------------------------- */

enum {
    ZB_IMP_LINE_INDENT = 1,  /* the line began with indentation (a new paragraph in Word or PDF text) */
    ZB_IMP_LINE_PAGE_TOP = 2 /* the first line of a page (after a form feed or a page number) */
};

/* A clean line: trimmed; white space inside kept (tabs and runs of spaces separate the
 * cells of a table). */
typedef struct zb_imp_line {
    char *text;     /* malloc'd */
    int number;     /* the input line it starts on */
    int last;       /* the input line it ends on (lines broken at the page width rejoined) */
    unsigned flags; /* ZB_IMP_LINE_* */
} zb_imp_line;

/* What the clean stage did, for the report. */
typedef struct zb_imp_clean_stats {
    size_t lines;           /* input lines */
    size_t punctuation;     /* half-width marks made full-width */
    size_t widths;          /* full-width digits and letters made ASCII */
    size_t number_spaces;   /* spaces beside numbers removed */
    size_t page_breaks;     /* pages after the first */
    size_t page_numbers;    /* page-number lines dropped */
    size_t running_headers; /* running headers dropped */
    size_t rejoined;        /* lines joined to the line before */
    double line_width;      /* the width lines were broken at; 0 = not broken */
} zb_imp_clean_stats;

typedef struct zb_imp_doc {
    zb_imp_line *lines;
    size_t count, cap;
    zb_imp_clean_stats stats;
} zb_imp_doc;

/* Checks and cleans the input (see clean.c). ZB_OK; ZB_ERR_ENCODING for invalid UTF-8, NUL
 * or a control character, with msg naming name:line:column; ZB_ERR_NOMEM. What was changed
 * is reported to report ("cleaned"; "encoding" for the error). doc is empty on error. */
zb_status zb_imp_clean_text(const char *text, size_t len, const char *name, zb_imp_doc *doc, zb_findings *report,
                            char *msg, size_t size);
void zb_imp_doc_free(zb_imp_doc *doc);

/* ---- segment.c: the second stage ----------------------------------------------------- */

/* What a clean line is part of. */
typedef enum zb_imp_role {
    ZB_ROLE_BLANK = 0,
    ZB_ROLE_FURNITURE,    /* a site's banner, menu, breadcrumb, 打印本页 …: dropped */
    ZB_ROLE_HEADER,       /* the site's header block: its fields are in zb_imp_seg.fields */
    ZB_ROLE_MASTHEAD,     /* a red-head document's organ mark: XX人民政府文件 */
    ZB_ROLE_DOC_NUMBER,   /* a 文号 on a line of its own */
    ZB_ROLE_DATE_LINE,    /* a date alone above the body: when the site published it */
    ZB_ROLE_TITLE,        /* the title, one or more lines */
    ZB_ROLE_RECIPIENTS,   /* 主送机关 */
    ZB_ROLE_NOTICE,       /* the text of a notice that issues a plan */
    ZB_ROLE_ATTACH_LIST,  /* 附件说明: 附件：1.XXX */
    ZB_ROLE_SIGNATURE,    /* 署名 */
    ZB_ROLE_DATE,         /* 成文日期 */
    ZB_ROLE_NOTE,         /* 附注: （此件公开发布） */
    ZB_ROLE_PLAN_HEAD,    /* 附件1 above the plan a notice issues */
    ZB_ROLE_PLAN_TITLE,   /* the title of the plan a notice issues */
    ZB_ROLE_BODY,         /* headings and paragraphs of the plan */
    ZB_ROLE_ATTACH_HEAD,  /* 附件2 */
    ZB_ROLE_ATTACH_TITLE, /* its title */
    ZB_ROLE_ATTACHMENT,   /* its content */
    ZB_ROLE_UNPLACED      /* none of these */
} zb_imp_role;

/* What a header label says. */
enum {
    ZB_FIELD_INDEX,
    ZB_FIELD_PUBLISHER,
    ZB_FIELD_PUBLISHED,
    ZB_FIELD_ISSUED,
    ZB_FIELD_PRINTED,
    ZB_FIELD_DOC_NUMBER,
    ZB_FIELD_VALIDITY,
    ZB_FIELD_DISCLOSURE,
    ZB_FIELD_ORGAN,
    ZB_FIELD_TITLE,
    ZB_FIELD_KEEP,      /* known, but the model has no field for it (主题分类 …) */
    ZB_FIELD_FURNITURE, /* 访问次数, 【字号 … */
    ZB_FIELD_UNKNOWN    /* a label the importer does not know */
};

typedef struct zb_imp_field {
    int kind;
    char *label; /* without the spaces inside it: 文号 for `文　　号` */
    char *value; /* trimmed, as written */
    int line;
} zb_imp_field;

typedef struct zb_imp_seg {
    zb_imp_role *roles; /* one per line of the doc */
    zb_imp_field *fields;
    size_t nfields, fields_cap;
    char *title;        /* its lines joined; NULL = none found */
    size_t title_at;    /* its first line, or ZB_NONE */
    size_t title_lines;
    int notice;         /* the title ends in 通知 */
    char *issued;       /* the plan a notice issues (关于印发《X》的通知 → X), or NULL */
    size_t plan_from;   /* the line where that plan's text starts, or ZB_NONE */
    char **listed;      /* the titles its 附件说明 names */
    size_t nlisted, listed_cap;
    int attach_list_line;
    size_t furniture, banners, header_lines;
} zb_imp_seg;

/* Gives every line of doc its role. off: ZB_IMP_OFF_* switches. 0, or -1 when out of memory. */
int zb_imp_segment(const zb_imp_doc *doc, unsigned off, zb_imp_seg *seg);
void zb_imp_seg_free(zb_imp_seg *seg);
/* Shapes the stages share. */
int zb_imp_title_like(const char *s);
int zb_imp_signature_like(const char *s);
int zb_imp_note_like(const char *s);
int zb_imp_doc_number_like(const char *s, size_t len);
int zb_imp_attachment_header(const char *s, int *number, const char **title);

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

/* Heading level of a line: 1 for 一、, 2 for (一) or （一）, 3 for 1. 1． 1、, 4 for (1), （1）
 * or ① … ⑳;
 * 0 for none. *marker: its length in bytes; *number: the number as printed, without the
 * punctuation around it for levels 1 and 3 ("一", "12") and with its brackets for 2 and 4
 * ("(一)", "(1)"), in a buffer of 32 bytes. */
int zb_imp_heading(const char *s, size_t *marker, char *number);

/* A responsibility note found in a text: `(责任单位:…)`, `（牵头单位：…；配合单位：…）`,
 * `【牵头单位：A；责任单位：B、C】`, `（A牵头，B、C配合）`, or an unbracketed `责任单位:…` that
 * ends the text or is all of it. */
typedef struct zb_imp_note {
    size_t start, end;  /* its bytes in the text, brackets included */
    char *units;        /* the units, the leads first, joined with 、 (malloc'd) */
    char *note;         /* what is not a unit, e.g. 列第一位的为牵头单位,下同 (malloc'd, may be "") */
    size_t leads;       /* how many of the units lead: those a 牵头 label or clause names, else 1 */
    int explicit_lead;  /* a 牵头 label or clause named the leads */
    int labelled;       /* 责任单位：… rather than (A牵头，B配合) */
} zb_imp_note;

/* Switches that turn forms the importer knows off, so that tests can show what `check`
 * says about the import that reads them wrongly. Never set by the public API. */
enum {
    ZB_IMP_OFF_NOTE_FORMS = 1, /* only (责任单位:…) and its first labels: no 【】 [], (A牵头，B配合), 责任科室… */
    ZB_IMP_OFF_TABLES = 2,     /* only one-cell-per-line tables with the old header words */
    ZB_IMP_OFF_FURNITURE = 4,  /* site furniture is text */
    ZB_IMP_OFF_TITLE = 8       /* the title is the first line that reads as one */
};

/* Finds the notes of text in order. *out is malloc'd (free with zb_imp_notes_free). 0 = ok,
 * -1 = out of memory. off: ZB_IMP_OFF_* switches (0 normally). */
int zb_imp_find_notes(const char *text, unsigned off, zb_imp_note **out, size_t *count);
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

/* A table read from lines: an indicator table into the plan's indicators, or a task
 * breakdown into tasks. */
typedef struct zb_imp_table_result {
    int found;      /* a table was read */
    int targets;    /* an indicator table (else a task breakdown) */
    size_t rows;    /* indicators added */
    size_t tasks;   /* tasks added */
    size_t items;   /* responsibility items added */
    int table_year; /* from a header such as 2024年目标值; 0 = none */
    size_t used;    /* lines the table took */
} zb_imp_table_result;

/* 1 when lines[0] starts the header of a table, 0 when not, -1 out of memory. */
int zb_imp_table_starts(char *const *lines, size_t count, unsigned off);
/* Reads a table that starts at lines[0] (see table.c): one cell per line, tab-separated or
 * aligned with spaces. out->found is 0 when lines[0] does not start one. Returns 0, or -1
 * when out of memory. */
int zb_imp_read_table(zb_plan *plan, zb_findings *report, const char *name, char *const *lines, const int *numbers,
                      size_t count, unsigned off, zb_imp_table_result *out);

/* What an attachment's lines hold, once read into the plan. */
typedef struct zb_imp_attachment_result {
    zb_attachment_kind kind;
    size_t rows;    /* indicators added */
    size_t units;   /* units added */
    size_t tasks;   /* tasks added from a task breakdown */
    size_t items;   /* their responsibility items */
    int table_year; /* from a header such as 2024年目标值; 0 = none */
    size_t used;    /* lines used; the rest could not be placed */
} zb_imp_attachment_result;

/* The lines of one attachment after its title: a table, a unit list, or text. Adds
 * indicators, categories, tasks and units to plan and reports to report. lines[i],
 * numbers[i]: the text and line number of each. Returns 0, or -1 when out of memory. */
int zb_imp_read_attachment(zb_plan *plan, zb_findings *report, const char *name, int number, const char *title,
                           char *const *lines, const int *numbers, size_t count, unsigned off,
                           zb_imp_attachment_result *out);

/* ---- import.c ------------------------------------------------------------------------ */

/* zb_import_text_string() with ZB_IMP_OFF_* switches (tests only). */
zb_status zb_imp_run(zb_plan *plan, const char *text, size_t len, const char *name, const zb_import_options *options,
                     unsigned off, zb_findings **report);
/* The end of the report: what looks misread (zb_plan_check_misread), a "summary" and a
 * "verdict". 0, or -1 when out of memory. */
int zb_imp_verdict(const zb_plan *plan, zb_findings *report, const char *name);

#endif /* ZB_IMPORT_INTERNAL_H */
