/**
 * @file json.h
 * @brief The canonical file format of a plan: JSON with `"format": "zhibiao/1"`,
 *        described in docs/format.md with a JSON Schema in docs/zhibiao-1.schema.json.
 *
 * Loading is strict, because a typo in a key must not pass silently: unknown keys, wrong
 * types, duplicate keys, invalid UTF-8 and trailing garbage are errors, and every error
 * names `file:line:column` (columns count characters, from 1) and what is wrong, e.g.
 * `plan.json:14:7: categories[0].indicators[3].target: expected a number or a string, got an array`.
 * Saving then loading gives the same plan.
 */
#ifndef ZB_JSON_H
#define ZB_JSON_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Replaces the contents of @p plan with the plan in the JSON file at @p path.
 * @return ::ZB_ERR_IO (cannot read), ::ZB_ERR_ENCODING (invalid UTF-8, with its byte
 *         offset), ::ZB_ERR_SYNTAX, ::ZB_ERR_SCHEMA, ::ZB_ERR_VALUE or ::ZB_ERR_DUPLICATE,
 *         with the detail in zb_errmsg(plan). On error the plan is unchanged.
 */
ZB_API zb_status zb_json_load(zb_plan *plan, const char *path);

/**
 * @brief Same as zb_json_load() from memory.
 * @param text UTF-8 JSON, @p len bytes (need not be NUL-terminated).
 * @param name What messages call the input, e.g. "request body"; NULL = "<string>".
 */
ZB_API zb_status zb_json_load_string(zb_plan *plan, const char *text, size_t len, const char *name);

/**
 * @brief Writes the plan as JSON to @p path (through a temporary file beside it, renamed
 *        into place: on failure the destination is as it was).
 * @param error May be NULL; receives the detail.
 */
ZB_API zb_status zb_json_save(const zb_plan *plan, const char *path, zb_error *error);

/**
 * @brief The plan as JSON text in memory.
 * @param out Receives a NUL-terminated string the caller frees with zb_free().
 * @param len May be NULL; receives the length in bytes.
 */
ZB_API zb_status zb_json_dump(const zb_plan *plan, char **out, size_t *len, zb_error *error);

#ifdef __cplusplus
}
#endif

#endif /* ZB_JSON_H */
