/* What the JSON loader needs to know about positions in its input; not installed. */
#ifndef ZB_JSON_INTERNAL_H
#define ZB_JSON_INTERNAL_H

#include <stddef.h>

#include "core/internal.h"

/* One step of a path into a JSON document: an object key, or an array index when key is
 * NULL. Paths print as categories[2].indicators[3].target. */
typedef struct zb_jstep {
    const char *key;
    size_t index;
} zb_jstep;

/* Byte offset of the value at path[0..depth) in text, or, with at_key, of the key that
 * names the last step (which must then be a key). text must be well-formed JSON. When the
 * path does not match the text, the offset of the deepest value that does: a message then
 * points near the problem rather than nowhere. Linear in the text; for the error path. */
size_t zb_json_locate(const char *text, size_t len, const zb_jstep *path, size_t depth, int at_key);

/* Where the plan's objects start, found in one linear pass so that every indicator can
 * say where it came from (def.source) without a search per indicator. */
typedef enum zb_jpos_kind {
    ZB_JPOS_INDICATOR = 0,          /* indicators[inner] */
    ZB_JPOS_CATEGORY_INDICATOR = 1, /* categories[outer].indicators[inner] */
    ZB_JPOS_TASK = 2,               /* tasks[inner] */
    ZB_JPOS_PROSE = 3               /* prose_targets[inner] */
} zb_jpos_kind;

typedef struct zb_jpos {
    zb_jpos_kind kind;
    size_t outer;
    size_t inner;
    size_t offset; /* of the opening brace (or of whatever value stands there) */
    int line;      /* 1-based */
    int col;       /* 1-based, in characters */
} zb_jpos;

/* Lists the positions of the objects above in document order, with their line and
 * column. text must be well-formed JSON. *out is freed with free(); ZB_ERR_NOMEM or ZB_OK. */
zb_status zb_json_object_positions(const char *text, size_t len, zb_jpos **out, size_t *count);

/* The path (as above) of the innermost array or object open at offset, and in *key_at the
 * offset of the key being read there (ZB_NONE when none). Only the text before offset needs
 * to be well-formed: this names where jansson stopped, e.g. at a duplicate key. Appends to
 * out; deep paths are shortened with "…". */
void zb_json_path_at(const char *text, size_t len, size_t offset, zb_buf *out, size_t *key_at);

/* Appends a path as it prints in messages. */
void zb_json_path_print(zb_buf *out, const zb_jstep *path, size_t depth);

#endif /* ZB_JSON_INTERNAL_H */
