/* What the PDF writers need of a fontset beyond the public API; not installed. */
#ifndef ZB_FONT_INTERNAL_H
#define ZB_FONT_INTERNAL_H

#include <stdint.h>

#include "core/internal.h"
#include "zhibiao/font.h"

/* One face of a font file, loaded and checked: immutable once made, so it may be read by
 * several threads at once. Owned by the fontset that loaded it. */
typedef struct zb_face zb_face;

/* The face of role r; NULL when the role is unset. */
const zb_face *zb_fontset_face(const zb_fontset *fonts, zb_font_role role);
/* Fallback face i; NULL for a bad index. */
const zb_face *zb_fontset_fallback_face(const zb_fontset *fonts, size_t i);
/* The face that draws cp in role r: the role's face when it has a glyph for cp, else the
 * first fallback face that has one, else NULL. */
const zb_face *zb_fontset_pick(const zb_fontset *fonts, zb_font_role role, uint32_t cp);
/* Nonzero when every role is set (what the writers need). */
int zb_fontset_complete(const zb_fontset *fonts);
/* A new fontset with the same roles and fallbacks, sharing the loaded faces (reference
 * counted), so a writer can fill the defaults without changing the caller's fontset. */
zb_fontset *zb_fontset_copy(const zb_fontset *fonts);

/* zb_fontset_load_defaults with the folder of standard faces given (NULL = none) and the
 * Debian font paths looked up below system_root ("" = the real ones): for tests. */
zb_status zb_fontset_load_defaults_from(zb_fontset *fonts, const char *font_dir, const char *system_root);

/* The standard face a role stands for, as GB/T 9704 names it ("仿宋_GB2312", "方正小标宋简体",
 * "黑体", "楷体_GB2312", "宋体"); "" for a bad role. */
const char *zb_font_role_standard(zb_font_role role);

/* Nonzero when the face has a glyph for cp. */
int zb_face_has(const zb_face *face, uint32_t cp);
/* Horizontal advance of cp in 1/1000 em (0 when the face lacks it). */
int zb_face_advance(const zb_face *face, uint32_t cp);
/* The ink of cp's glyph: its top and bottom above the baseline (negative below) in 1/1000
 * em. 0 when the face lacks the glyph, 1 otherwise (an empty glyph has both 0). */
int zb_face_ink(const zb_face *face, uint32_t cp, int *top, int *bottom);
/* Horizontal advance of cp in font units, and the face's units per em (advance 0 when the
 * face lacks cp). */
int zb_face_advance_units(const zb_face *face, uint32_t cp, unsigned *upem);
/* Ascender and descender (descender negative) in 1/1000 em, from the hhea/OS-2 tables. */
void zb_face_extents(const zb_face *face, int *ascender, int *descender);
/* Family name as the font gives it (e.g. "AR PL UMing CN"); never NULL. */
const char *zb_face_family(const zb_face *face);
/* File and face index it was loaded from (for a font given as bytes, the caller's name). */
const char *zb_face_path(const zb_face *face);
int zb_face_index(const zb_face *face);
/* Nonzero for a font given as bytes (zb_fontset_set_role_memory()): its path names no file. */
int zb_face_in_memory(const zb_face *face);
/* Nonzero when a and b are the same font: the same face, the same file and index, or (for
 * fonts given as bytes) the same bytes and index. A PDF holds it once. */
int zb_face_same(const zb_face *a, const zb_face *b);
/* The whole font file's bytes the face was loaded from; owned by the face. */
const char *zb_face_data(const zb_face *face, size_t *len);

/* A TrueType font holding only the glyphs of the given code points (plus .notdef), with a
 * cmap for them, as bytes in memory (free() them): what libharu embeds. cps need not be
 * sorted or unique. Uses HarfBuzz's subsetter. */
zb_status zb_face_subset(const zb_face *face, const uint32_t *cps, size_t n, char **out, size_t *len,
                         zb_error *err);

#endif /* ZB_FONT_INTERNAL_H */
