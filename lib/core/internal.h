/* Internal helpers shared by the modules; not installed. */
#ifndef ZB_CORE_INTERNAL_H
#define ZB_CORE_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "zhibiao/common.h"

#if defined(__GNUC__)
#define ZB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define ZB_PRINTF(f, a)
#endif

/* ---- memory and strings ---- */
char *zb_strdup(const char *s);                /* NULL -> NULL */
char *zb_strndup(const char *s, size_t n);
/* Grows *items (of *cap elements of size elem) so that it holds at least need; 0 = ok. */
int zb_grow(void **items, size_t *cap, size_t need, size_t elem);

/* A growable NUL-terminated byte buffer. On allocation failure it sets failed and stops. */
typedef struct zb_buf {
    char *data;
    size_t len;
    size_t cap;
    int failed;
} zb_buf;
void zb_buf_add(zb_buf *b, const char *s, size_t n);
void zb_buf_adds(zb_buf *b, const char *s);
void zb_buf_addc(zb_buf *b, char c);
void zb_buf_addf(zb_buf *b, const char *fmt, ...) ZB_PRINTF(2, 3);
/* Decimal digits of v, without printf (loaders write a location for every row). */
void zb_buf_add_uint(zb_buf *b, unsigned long long v);
void zb_buf_free(zb_buf *b);
/* Hands the data to the caller (never NULL unless failed), resetting the buffer. */
char *zb_buf_take(zb_buf *b);

/* ---- errors ---- */
/* Formats into err (may be NULL) and returns code. */
zb_status zb_error_set(zb_error *err, zb_status code, const char *fmt, ...) ZB_PRINTF(3, 4);
zb_status zb_error_setv(zb_error *err, zb_status code, const char *fmt, va_list ap) ZB_PRINTF(3, 0);
void zb_error_clear(zb_error *err);

/* ---- files ---- */
/* What messages call a document written to memory. */
#define ZB_IN_MEMORY "<memory>"

/* The most zb_read_file reads: 256 MB. */
#define ZB_READ_MAX (256 << 20)
/* Reads a whole file (a pipe too), at most ZB_READ_MAX bytes; *out is NUL-terminated,
 * freed with free(). */
zb_status zb_read_file(const char *path, char **out, size_t *len, zb_error *err);

/* An output on its way to its destination (output.c says the rule). The writer writes the
 * whole document to tmp, then commits; a failure at any point is aborted. */
typedef struct zb_output {
    char *path;   /* destination as given, for messages */
    char *target; /* what is written: path with symbolic links followed */
    char *tmp;    /* the temporary file the writer writes */
    int kind;     /* replaced by rename, rewritten in place (hard links), or streamed */
} zb_output;
/* Checks path (extension: the one the document has, without the dot; NULL for any) and
 * reserves the temporary file: beside the destination for a file (mode, owner and group as
 * the destination's, or 0666 less the umask), private for a device or a pipe. */
zb_status zb_output_begin(zb_output *out, const char *path, const char *extension, zb_error *err);
/* Puts the finished temporary file in place and removes it; aborts on failure. */
zb_status zb_output_commit(zb_output *out, zb_error *err);
/* Removes the temporary file; the destination is untouched. Safe after commit. */
void zb_output_abort(zb_output *out);
/* Writes len bytes to path through zb_output. */
zb_status zb_write_file(const char *path, const char *extension, const char *data, size_t len, zb_error *err);
/* The folder for the temporary files a dependency must write: option when given (named in
 * messages as option_name, e.g. "the scratch_dir option"), else TMPDIR, else /tmp; checked
 * to be a folder we can write in (ZB_ERR_WRITE naming it and what chose it). *dir points
 * into option, the environment or a literal. */
zb_status zb_scratch_dir(const char *option, const char *option_name, const char **dir, zb_error *err);

/* ---- UTF-8 ---- */
/* Returns the offset of the first invalid byte, or len when all is valid. */
size_t zb_utf8_check(const char *s, size_t len);
/* Decodes one code point at s (valid UTF-8 assumed); *n receives its length. */
uint32_t zb_utf8_decode(const char *s, size_t *n);
/* Encodes cp into out (4 bytes room); returns the length. */
size_t zb_utf8_encode(uint32_t cp, char *out);
/* Characters no document can carry: C0 controls but tab, line feed and carriage return,
 * DEL, the C1 controls and U+FFFE/U+FFFF (not allowed in XML, invisible on paper). */
int zb_is_forbidden_control(uint32_t cp);
/* Offset of the first such character in s (UTF-8), len when none; *cp (may be NULL)
 * receives it. */
size_t zb_text_find_control(const char *s, size_t len, uint32_t *cp);
/* The encoding a byte-order mark names ("UTF-32LE", "UTF-32BE", "UTF-16LE", "UTF-16BE"),
 * or NULL; UTF-32 is tried first (its mark begins like UTF-16's). */
const char *zb_text_bom_encoding(const char *s, size_t len);
/* The same encodings in text without the mark, told by where the zero bytes of its first 64
 * bytes fall (UTF-32 first, then UTF-16 by a clear majority); NULL when there is no zero
 * byte there or no such pattern. A guess to name in a message, never to decode by. */
const char *zb_text_wide_encoding(const char *s, size_t len);
/* The message for a control character at its place, after "file:line:col: ". */
#define ZB_CONTROL_MESSAGE "control character U+%04X in a text: no document can print it or keep it; remove it"

/* Line and column (1-based, columns in characters) of byte offset off in s. */
void zb_text_position(const char *s, size_t len, size_t off, int *line, int *col);
/* Nonzero when s looks like GBK/GB18030 text rather than garbage (used on non-UTF-8 input). */
int zb_looks_like_gbk(const char *s, size_t len);
/* Nonzero for a CJK ideograph or full-width / CJK punctuation code point. */
int zb_is_cjk(uint32_t cp);
/* Number of code points. */
size_t zb_utf8_length(const char *s);
/* Chinese punctuation in Chinese text (GB/T 15834): the half-width , ; : ? ! ( ) " and a
 * full stop after an ideograph become ，；：？！（）“”。 where Chinese is beside or inside
 * them, and the blanks beside a mark so changed go; numbers (1,000  10:30  6.5), Latin text
 * and web or e-mail addresses keep theirs. Appends the result to out and returns 1 when
 * anything changed; returns 0 (out untouched) when nothing did or s is not valid UTF-8; -1
 * when out of memory. The same text gives the same result, and the result is its own. */
int zb_text_punct(const char *s, size_t len, zb_buf *out);

/* ---- numbers ---- */
/* The numbers a plan may hold: 0, or a magnitude from 10^-9 to 10^15 (a workbook keeps 15
 * digits; anything made of such numbers — ratios, sums, scores — stays finite). */
#define ZB_NUMBER_MAX 1e15
#define ZB_NUMBER_MIN 1e-9
#define ZB_NUMBER_RANGE "0, or from 0.000000001 to 1000000000000000 in size"
int zb_number_usable(double v);

/* The shortest text that reads back as v ("450", "6.5", "0.1", "1000000000000000",
 * "0.00005"; -0 is "0"), in digits below 10^29 and down to 10^-12; buf needs 32 bytes. */
const char *zb_format_number(double v, char *buf);
/* v rounded to that many significant digits (1 to 17), then as zb_format_number() writes it:
 * a figure made of others (a sum, a ratio) without a float's noise, and without an
 * exponent; buf needs 32 bytes. */
const char *zb_format_rounded(double v, int significant, char *buf);

/* One decimal digit, ASCII or full-width (U+FF10..U+FF19, as a Chinese input method types
 * it): its value, *p moved past it; -1 when *p holds none. */
int zb_read_digit(const char **p);

/* ---- periods ---- */
/* A month as people write it: 2024-06, 2024-6, 2024.06, 2024/6, 2024年6月(份), full-width
 * digits too. 1 = a month, out holds "YYYY-MM"; 0 = not a month; 2 = a date (2024-06-30),
 * which is what Excel makes of 2024-06. */
int zb_period_parse(const char *s, char out[8]);
/* zb_period_parse() with the message (after prefix, e.g. "progress: "): ZB_ERR_VALUE saying
 * what the text is and how to write a month, ZB_ERR_ARGUMENT for NULL. */
zb_status zb_period_check(const char *text, char out[8], const char *prefix, zb_error *err);
#define ZB_PERIOD_SPELLINGS "2024-06, 2024-6, 2024.06 or 2024年6月"

/* ---- time ---- */
/* Creation time for outputs: the given date if set, else SOURCE_DATE_EPOCH, else 1 January
 * of fallback_year (or 1980 when 0). Never the clock. */
time_t zb_output_time(zb_date date, int fallback_year);
/* Days-from-civil: UTC midnight of a date as time_t, without timegm or the TZ. */
time_t zb_date_to_time(int year, int month, int day);
/* Nonzero when the date exists. */
int zb_date_valid(zb_date d);

#endif /* ZB_CORE_INTERNAL_H */
