/* What the loaders need of the model beyond the public API; not installed. */
#ifndef ZB_PLAN_INTERNAL_H
#define ZB_PLAN_INTERNAL_H

#include "core/internal.h"
#include "zhibiao/plan.h"

/* Sets the plan's message (zb_errmsg) and returns code. */
zb_status zb_plan_fail(zb_plan *plan, zb_status code, const char *fmt, ...) ZB_PRINTF(3, 4);
/* Clears the plan's message (a call that succeeds leaves "" behind). */
void zb_plan_clear_error(zb_plan *plan);

/* Tells the plan that every text added from now on has been checked to be UTF-8 (checked
 * 1) or not (0, the default): a loader that checked its whole input, or whose parser did,
 * sets it on its own scratch plan and clears it before handing the plan over, so that text
 * is checked once, not again field by field. */
void zb_plan_set_text_checked(zb_plan *plan, int checked);

/* zb_plan_add_indicator() for a loader that reads the responsible units as one text, as
 * ::zb_indicator_def's responsible takes them: the model drops a unit named twice, and such
 * a loader reports it as the JSON loader reports a repeated element. The units are split
 * once; when one is named twice nothing is added, *repeat is that unit (normalised,
 * malloc'd) and the result ZB_ERR_DUPLICATE, the plan's message left as it was. *repeat is
 * NULL otherwise. */
zb_status zb_plan_add_indicator_split(zb_plan *plan, const zb_indicator_def *def, size_t *index_out, char **repeat);

/* Texts no document can carry (texts.c): a control character anywhere, or more than the
 * 32,767 characters of a workbook cell in a field that goes into one (alone, or joined with
 * others into one cell). zb_plan_text_findings adds every one to f as an error (nonzero
 * when out of memory); zb_plan_check_texts returns the first as ZB_ERR_VALUE naming the
 * field, for the writers. Lengths only when cells is nonzero: a page has no such limit. */
int zb_plan_text_findings(const zb_plan *plan, int cells, zb_findings *f);
zb_status zb_plan_check_texts(const zb_plan *plan, int cells, zb_error *err);

/* Room for that many more indicators and actuals, for a loader that knows how many it
 * reads: the arrays and indexes grow once instead of doubling row after row (each growth
 * copies them, and glibc merges every small free chunk before a large allocation). Nothing
 * else changes. 0, or -1 when out of memory (the loader goes on without it). */
int zb_plan_reserve(zb_plan *plan, size_t indicators, size_t actuals);

/* Exchanges the whole contents of two plans (messages included): a loader fills a new
 * plan and swaps it in only when everything succeeded, so a failed load changes nothing. */
void zb_plan_swap(zb_plan *a, zb_plan *b);

/* Replaces the categories, indicators, actuals and their normalisation notes of dst with
 * those of src, which is left without them. */
void zb_plan_move_table(zb_plan *dst, zb_plan *src);

/* Removes the actuals added after the first count (the newest first), so that a loader that
 * fails midway can leave the plan as it was. Cannot fail. */
void zb_plan_truncate_actuals(zb_plan *plan, size_t count);

/* Records that a name was normalised (reported by zb_plan_validate as a note).
 * where: the source or ""; what: e.g. "category name", "indicator 37 name", "unit name";
 * before/after: the texts. Notes whose what starts with "category" or "indicator" belong
 * to the table and move with it in zb_plan_move_table. */
zb_status zb_plan_add_note(zb_plan *plan, const char *where, const char *what, const char *before,
                           const char *after);

/* The notes recorded so far, for zb_plan_validate: location and message of note i
 * (owned by the plan). Returns 0 for a bad index. */
size_t zb_plan_note_count(const zb_plan *plan);
int zb_plan_note_get(const zb_plan *plan, size_t i, const char **location, const char **message);

/* The years prose target p was given, 0 when it takes the plan's (what a saver writes; the
 * public getters fill in the plan's span). */
void zb_plan_prose_target_given_years(const zb_plan *plan, size_t p, int *first, int *last);

/* A new, empty list of findings (NULL when out of memory), for loaders and importers that
 * report what they did; free with zb_findings_free(). */
zb_findings *zb_findings_new(void);
/* Appends a finding; code must be a static string. 0 = ok, -1 = out of memory (the list is
 * unchanged). */
int zb_findings_add(zb_findings *f, zb_severity severity, const char *code, const char *location,
                    const char *fmt, ...) ZB_PRINTF(5, 6);

/* Signs that a plan was read wrongly from its text (misread.c): warnings "title-banner",
 * "empty-table", "table-as-text", "task-no-unit", "unit-name", "note-units", "note-in-text"
 * added to f.
 * 0, or -1 when out of memory. */
int zb_plan_check_misread(const zb_plan *plan, zb_findings *f);
/* Nonzero when name (len bytes) reads like the name of an organ: 县经信局, 开发区,
 * 县“低散乱污”整治办, or a collective name (zb_infer_collective). */
int zb_plan_name_is_unit(const char *name, size_t len);

/* What was given rather than inferred, for a saver that writes exactly what was given:
 * ZB_KIND_AUTO / ZB_DIR_AUTO / ZB_QUAL_AUTO when inferred. */
zb_kind zb_plan_indicator_kind_given(const zb_plan *plan, size_t i);
zb_direction zb_plan_indicator_direction_given(const zb_plan *plan, size_t i);
zb_qualifier zb_plan_indicator_target_given_qualifier(const zb_plan *plan, size_t i, size_t k);

/* Where target k of indicator i was read ("t.csv:5:6"); the indicator's source when not
 * recorded; NULL for a bad index. A loader records the cell with the setter. */
const char *zb_plan_indicator_target_source(const zb_plan *plan, size_t i, size_t k);
zb_status zb_plan_indicator_set_target_source(zb_plan *plan, size_t i, size_t k, const char *source);

/* Byte length of a name without its trailing unit group (and the spaces before it). */
size_t zb_bare_name_length(const char *name);
/* The name's trailing unit group in one look: *bare as zb_bare_name_length() gives it,
 * [*unit_begin, *unit_end) the bytes zb_infer_unit() copies (both 0 without a group). */
void zb_infer_name_group(const char *name, size_t *bare, size_t *unit_begin, size_t *unit_end);

/* Normalises a name as plan.h describes; returns a malloc'd string (NULL when out of memory). */
char *zb_normalize_name(const char *s);
/* The same for the len bytes at s (no NUL needed). */
char *zb_normalize_name_n(const char *s, size_t len);

/* What a name says on its own, found in one look over it: the direction
 * (zb_infer_direction()), whether it states a change (增速, 下降率…) and a decrease, and with
 * infer_kind the kind with the unit (zb_infer_kind_with_unit(); else ZB_KIND_AUTO). */
typedef struct zb_name_facts {
    zb_direction direction;
    int change, decrease;
    zb_kind kind;
} zb_name_facts;
void zb_infer_name_facts(const char *name, const char *unit, int infer_kind, zb_name_facts *out);

#endif /* ZB_PLAN_INTERNAL_H */
