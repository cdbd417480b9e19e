/**
 * @file font.h
 * @brief Fonts by role for official documents (GB/T 9704-2012): which font file prints
 *        the body (仿宋), the title (小标宋), headings (黑体), 楷体 and numbers (宋).
 *
 * The standard faces are proprietary and are not shipped. Each role can be pointed at a
 * font file (and a face index inside a .ttc); roles left unset are filled, in order, from
 * the folder named by `ZHIBIAO_FONT_DIR` (the usual file names of the standard faces, e.g.
 * `simfang.ttf`, `FZXBSJW.TTF`, `simhei.ttf`, `simkai.ttf`, `simsun.ttc`) and then from free
 * Debian fonts with TrueType outlines (AR PL UMing, AR PL SungtiL GB, WenQuanYi Zen Hei,
 * AR PL UKai, AR PL KaitiM GB). zb_fontset_describe() says which file serves each role and
 * whether it is a stand-in. A character that a role's font lacks is drawn from the next
 * font in the fallback chain that has it.
 *
 * Only fonts with TrueType outlines that allow embedding can be used: a CFF/OpenType font,
 * a font whose fsType forbids embedding, a missing file or a bad face index is refused
 * with a message naming the file and the reason.
 *
 * Ownership and threads: a ::zb_fontset owns the font data it loaded. Once loaded it is
 * only read, so one fontset may be shared by documents written in several threads at once
 * (changing it while documents are being written needs the caller's lock).
 */
#ifndef ZB_FONT_H
#define ZB_FONT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Opaque set of fonts by role. Create with zb_fontset_new(), free with zb_fontset_free(). */
typedef struct zb_fontset zb_fontset;

/** @brief The roles of type in an official document. Values are only ever appended. */
typedef enum zb_font_role {
    ZB_FONT_BODY = 0,    /**< Body text, 三号仿宋 (仿宋_GB2312). */
    ZB_FONT_TITLE = 1,   /**< Title and issuing-organ mark, 小标宋 (方正小标宋简体). */
    ZB_FONT_HEADING = 2, /**< First-level headings, 附件N labels, table headers: 黑体. */
    ZB_FONT_KAI = 3,     /**< Second-level headings: 楷体 (楷体_GB2312). */
    ZB_FONT_NUMBER = 4   /**< Page numbers and figures in tables: 宋体. */
} zb_font_role;

/** Number of roles in ::zb_font_role. */
#define ZB_FONT_ROLE_COUNT 5

/** @brief A new fontset with no role set. Returns NULL only when out of memory. */
ZB_API zb_fontset *zb_fontset_new(void);

/** @brief Frees the fontset and the font data it holds. NULL is a no-op. */
ZB_API void zb_fontset_free(zb_fontset *fonts);

/**
 * @brief The detail of the last failed call on this fontset, e.g.
 *        `/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc: face 0 has CFF outlines; only TrueType outlines can be embedded`.
 * @return Owned by the fontset; "" after a successful call; "" for NULL.
 */
ZB_API const char *zb_fontset_errmsg(const zb_fontset *fonts);

/**
 * @brief Uses the font at @p path (face @p face_index of a .ttc; 0 for a .ttf) for @p role.
 *        The file is read and checked now.
 * @return ::ZB_ERR_IO (cannot read), ::ZB_ERR_VALUE (not a TrueType-outline font, embedding
 *         forbidden, bad face index, no Chinese characters), ::ZB_ERR_ARGUMENT (bad role);
 *         the fontset is unchanged on error.
 */
ZB_API zb_status zb_fontset_set(zb_fontset *fonts, zb_font_role role, const char *path, int face_index);

/**
 * @brief Appends a font to the fallback chain searched, after a role's own font, for
 *        characters that font lacks. Checked like zb_fontset_set().
 */
ZB_API zb_status zb_fontset_add_fallback(zb_fontset *fonts, const char *path, int face_index);

/**
 * @brief Uses a font held in memory for @p role: @p size bytes of a TrueType file (a .ttf,
 *        or a .ttc with face @p face_index) at @p data, as a web back end holds fonts read
 *        from a database or an upload. Checked like zb_fontset_set().
 *
 * Ownership: the fontset copies the bytes during the call, so the caller may free or reuse
 * them as soon as it returns; nothing about this font is ever read from or written to the
 * disk, and the documents embed subsets of it made in memory.
 * @param name What messages, zb_fontset_file() and zb_fontset_describe() call the font, e.g.
 *             "simfang.ttf"; it names no file. NULL or "" = "<memory>". Fonts given as bytes
 *             are never taken for one another by name.
 * @return As zb_fontset_set(); ::ZB_ERR_ARGUMENT for NULL @p data or @p size 0. The fontset
 *         is unchanged on error.
 */
ZB_API zb_status zb_fontset_set_role_memory(zb_fontset *fonts, zb_font_role role, const void *data,
                                            size_t size, int face_index, const char *name);

/**
 * @brief Appends a font held in memory to the fallback chain; the bytes are copied as by
 *        zb_fontset_set_role_memory().
 */
ZB_API zb_status zb_fontset_add_fallback_memory(zb_fontset *fonts, const void *data, size_t size,
                                                int face_index, const char *name);

/**
 * @brief Reads roles and fallbacks from a JSON file:
 *        `{"body": "/path/simfang.ttf", "title": {"file": "/path/x.ttc", "index": 1},
 *          "fallback": ["/path/a.ttf", {"file": "/path/b.ttc", "index": 0}]}`.
 *        Relative paths are relative to the JSON file's folder. Unknown keys are errors.
 * @return As zb_fontset_set(), plus ::ZB_ERR_SYNTAX (also for a duplicate key) / ::ZB_ERR_SCHEMA
 *         with `file:line:column`.
 */
ZB_API zb_status zb_fontset_load_json(zb_fontset *fonts, const char *path);

/**
 * @brief Fills every role not set yet: first from `ZHIBIAO_FONT_DIR` (when set), then from
 *        the free Debian fonts; also appends the free fonts found to the fallback chain.
 *        zb_pdf_write_notice() calls it on a copy when roles are missing, so calling it is
 *        only needed to learn early what will be used.
 * @return ::ZB_ERR_NOT_FOUND naming the role and the places looked in when a role stays
 *         unset (install fonts-arphic-uming, fonts-wqy-zenhei, fonts-arphic-ukai).
 */
ZB_API zb_status zb_fontset_load_defaults(zb_fontset *fonts);

/**
 * @brief Path of the font file serving @p role (for a font given as bytes, the name given
 *        with it); "" when unset; NULL for a bad role.
 */
ZB_API const char *zb_fontset_file(const zb_fontset *fonts, zb_font_role role);

/** @brief Face index of the font serving @p role; -1 when unset or for a bad role. */
ZB_API int zb_fontset_face_index(const zb_fontset *fonts, zb_font_role role);

/**
 * @brief One line saying what serves @p role, e.g.
 *        `body (仿宋): AR PL UMing CN, /usr/share/fonts/truetype/arphic/uming.ttc face 0 — a free stand-in for 仿宋_GB2312`.
 * @return Owned by the fontset; "" when the role is unset; NULL for a bad role.
 */
ZB_API const char *zb_fontset_describe(const zb_fontset *fonts, zb_font_role role);

/** @brief Number of fonts in the fallback chain. */
ZB_API size_t zb_fontset_fallback_count(const zb_fontset *fonts);

/** @brief Path of fallback font @p i; NULL for a bad index. */
ZB_API const char *zb_fontset_fallback_file(const zb_fontset *fonts, size_t i);

#ifdef __cplusplus
}
#endif

#endif /* ZB_FONT_H */
