/* Fonts by role: loading and checking font files with HarfBuzz, the defaults (ZHIBIAO_FONT_DIR,
 * then free Debian fonts), the JSON font list, metrics for layout and subsets for embedding.
 *
 * A zb_face is immutable once loaded and reference counted, so a fontset can be copied
 * cheaply (the PDF writers fill defaults on a copy) and read by many threads at once.
 * Every call that changes a fontset builds the new state aside and swaps it in only on
 * success, so that a failed call changes nothing. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <jansson.h>

#include "font/font_internal.h"
#include "json/json_internal.h"

/* ======================================================================================
 * Faces
 * ==================================================================================== */

struct zb_face {
    atomic_int refs;
    hb_blob_t *blob;
    hb_face_t *face;
    hb_font_t *font;
    unsigned upem;
    int ascender;  /* 1/1000 em */
    int descender; /* 1/1000 em, negative */
    char *path;   /* the file, or the caller's name for a font given as bytes */
    int index;
    int memory;   /* given as bytes (zb_fontset_set_role_memory): path names no file */
    char *family;
};

static zb_face *face_ref(zb_face *f)
{
    if (f)
        atomic_fetch_add_explicit(&f->refs, 1, memory_order_relaxed);
    return f;
}

static void face_unref(zb_face *f)
{
    if (!f || atomic_fetch_sub_explicit(&f->refs, 1, memory_order_acq_rel) != 1)
        return;
    hb_font_destroy(f->font);
    hb_face_destroy(f->face);
    hb_blob_destroy(f->blob);
    free(f->path);
    free(f->family);
    free(f);
}

static int has_table(hb_face_t *face, const char *tag)
{
    hb_blob_t *b = hb_face_reference_table(face, hb_tag_from_string(tag, 4));
    unsigned len = hb_blob_get_length(b);
    hb_blob_destroy(b);
    return len > 0;
}

/* A name in the language given, or NULL. */
static char *name_in(hb_face_t *face, hb_ot_name_id_t id, hb_language_t lang)
{
    unsigned n = hb_ot_name_get_utf8(face, id, lang, NULL, NULL);
    if (n == 0)
        return NULL;
    unsigned size = n + 1;
    char *s = malloc(size);
    if (!s)
        return NULL;
    hb_ot_name_get_utf8(face, id, lang, &size, s);
    s[size < n ? size : n] = '\0';
    return s;
}

/* The family name as Chinese users know it (文泉驿正黑 rather than WenQuanYi Zen Hei) when the
 * font has one, else the English one, else whatever there is; NULL only when out of memory. */
static char *family_name(hb_face_t *face)
{
    static const char *const langs[] = {"zh-cn", "zh", "en"};
    for (size_t i = 0; i < sizeof langs / sizeof *langs; i++) {
        char *s = name_in(face, HB_OT_NAME_ID_FONT_FAMILY, hb_language_from_string(langs[i], -1));
        if (s && *s)
            return s;
        free(s);
    }
    unsigned count = 0;
    const hb_ot_name_entry_t *entries = hb_ot_name_list_names(face, &count);
    for (unsigned i = 0; i < count; i++) {
        if (entries[i].name_id != HB_OT_NAME_ID_FONT_FAMILY)
            continue;
        char *s = name_in(face, HB_OT_NAME_ID_FONT_FAMILY, entries[i].language);
        if (s && *s)
            return s;
        free(s);
    }
    return zb_strdup("");
}

static int to_milli(hb_position_t v, unsigned upem)
{
    long long x = (long long)v * 1000;
    long long h = upem / 2;
    return (int)(x >= 0 ? (x + h) / upem : -((-x + h) / upem));
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Whether every table of face index lies inside the file. HarfBuzz reads a table that runs
 * past the end as missing, which would give a cut-short file a misleading message ("no glyf
 * table"). On failure, tag receives the first such table. */
static int tables_inside(hb_blob_t *blob, int index, char tag[5])
{
    unsigned len;
    const unsigned char *d = (const unsigned char *)hb_blob_get_data(blob, &len);
    size_t at = 0;
    if (len >= 12 && memcmp(d, "ttcf", 4) == 0) {
        if (len < 12 + 4 * ((size_t)index + 1))
            return 0;
        at = be32(d + 12 + 4 * (size_t)index);
    }
    if (at > len || len - at < 12)
        return 0;
    size_t n = (size_t)d[at + 4] << 8 | d[at + 5];
    for (size_t i = 0; i < n; i++) {
        size_t rec = at + 12 + 16 * i;
        if (rec > len || len - rec < 16) {
            memcpy(tag, "dir.", 5);
            return 0;
        }
        uint32_t off = be32(d + rec + 8), size = be32(d + rec + 12);
        if (off > len || size > len - off) {
            memcpy(tag, d + rec, 4);
            tag[4] = '\0';
            return 0;
        }
    }
    return 1;
}

/* Common characters that every font able to print a Chinese official document has. */
static const uint32_t chinese_probe[] = {0x4E00 /* 一 */, 0x7684 /* 的 */, 0x56FD /* 国 */};

static zb_status face_from_blob(hb_blob_t *blob, const char *path, int index, int memory, zb_face **out,
                                zb_error *err);

/* Loads and checks face index of path. On error *out is NULL and err says why. */
static zb_status face_load(const char *path, int index, zb_face **out, zb_error *err)
{
    *out = NULL;
    /* HarfBuzz says only "failed": ask the system first, for a message with the reason. */
    struct stat st;
    if (stat(path, &st) != 0)
        return zb_error_set(err, ZB_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return zb_error_set(err, ZB_ERR_IO, "%s: is a folder, not a font file", path);
    /* A FIFO would block the read for ever and /dev/zero never end: a font is a file. */
    if (!S_ISREG(st.st_mode))
        return zb_error_set(err, ZB_ERR_IO, "%s: is %s, not a font file", path,
                            S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device" : "not a regular file");
    FILE *probe = fopen(path, "rb");
    if (!probe)
        return zb_error_set(err, ZB_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    fclose(probe);

    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (!blob)
        return zb_error_set(err, ZB_ERR_IO, "%s: cannot read the file", path);
    return face_from_blob(blob, path, index, 0, out, err);
}

/* Checks face index of the font in blob (which it takes over) and makes the face; path is
 * the file or, for bytes in memory, the caller's name for them. */
static zb_status face_from_blob(hb_blob_t *blob, const char *path, int index, int memory, zb_face **out,
                                zb_error *err)
{
    *out = NULL;
    unsigned count = hb_face_count(blob);
    if (count == 0) {
        hb_blob_destroy(blob);
        return zb_error_set(err, ZB_ERR_VALUE, "%s: not a TrueType font file (no readable font header)", path);
    }
    if (index < 0 || (unsigned)index >= count) {
        hb_blob_destroy(blob);
        if (count == 1)
            return zb_error_set(err, ZB_ERR_VALUE, "%s: no face %d: the file has 1 face (index 0)", path,
                                index);
        return zb_error_set(err, ZB_ERR_VALUE, "%s: no face %d: the file has %u faces (index 0 to %u)", path,
                            index, count, count - 1);
    }
    char tag[5] = "";
    if (!tables_inside(blob, index, tag)) {
        hb_blob_destroy(blob);
        if (strcmp(tag, "dir.") == 0 || !*tag)
            return zb_error_set(err, ZB_ERR_VALUE, "%s: face %d is damaged or cut short: its table directory "
                                                   "runs past the end of the file",
                                path, index);
        return zb_error_set(err, ZB_ERR_VALUE,
                            "%s: face %d is damaged or cut short: its '%s' table runs past the end of the file",
                            path, index, tag);
    }
    hb_face_t *face = hb_face_create(blob, (unsigned)index);
    zb_status status = ZB_OK;
    if (has_table(face, "CFF ") || has_table(face, "CFF2"))
        status = zb_error_set(err, ZB_ERR_VALUE,
                              "%s: face %d has CFF outlines; only TrueType outlines can be embedded", path,
                              index);
    else if (!has_table(face, "glyf") || !has_table(face, "loca"))
        status = zb_error_set(err, ZB_ERR_VALUE,
                              "%s: face %d has no TrueType outlines (no glyf table); only TrueType outlines "
                              "can be embedded",
                              path, index);
    else if (!has_table(face, "cmap") || !has_table(face, "head") || !has_table(face, "hhea") ||
             !has_table(face, "hmtx") || hb_face_get_upem(face) == 0)
        status = zb_error_set(err, ZB_ERR_VALUE, "%s: face %d is damaged: a required table is missing", path,
                              index);
    if (status == ZB_OK) {
        /* fsType is bytes 8-9 of OS/2. Without OS/2 the font states no restriction. */
        hb_blob_t *os2 = hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2'));
        unsigned len;
        const unsigned char *d = (const unsigned char *)hb_blob_get_data(os2, &len);
        unsigned fs = len >= 10 ? (unsigned)d[8] << 8 | d[9] : 0;
        hb_blob_destroy(os2);
        if ((fs & 0x000F) == 0x0002)
            status = zb_error_set(err, ZB_ERR_VALUE,
                                  "%s: face %d may not be embedded: its fsType (0x%04X) says \"restricted "
                                  "license embedding\"",
                                  path, index, fs);
        else if (fs & 0x0200)
            status = zb_error_set(err, ZB_ERR_VALUE,
                                  "%s: face %d may not be embedded: its fsType (0x%04X) allows bitmap "
                                  "embedding only",
                                  path, index, fs);
        else if (fs & 0x0100)
            /* Documents embed subsets only (a whole CJK font is 10-20 MB); libharu refuses it too. */
            status = zb_error_set(err, ZB_ERR_VALUE,
                                  "%s: face %d may not be embedded: its fsType (0x%04X) forbids subsetting, "
                                  "and only subsets are embedded",
                                  path, index, fs);
    }
    if (status != ZB_OK) {
        hb_face_destroy(face);
        hb_blob_destroy(blob);
        return status;
    }

    hb_face_make_immutable(face);
    hb_font_t *font = hb_font_create(face);
    hb_ot_font_set_funcs(font);
    unsigned upem = hb_face_get_upem(face);
    hb_font_set_scale(font, (int)upem, (int)upem);
    hb_font_make_immutable(font);

    size_t have = 0;
    char missing[64] = "";
    for (size_t i = 0; i < sizeof chinese_probe / sizeof *chinese_probe; i++) {
        hb_codepoint_t g;
        if (hb_font_get_nominal_glyph(font, chinese_probe[i], &g)) {
            have++;
        } else {
            char u[5];
            u[zb_utf8_encode(chinese_probe[i], u)] = '\0';
            if (*missing)
                strcat(missing, " ");
            strcat(missing, u);
        }
    }
    if (have < sizeof chinese_probe / sizeof *chinese_probe) {
        hb_font_destroy(font);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
        if (have == 0)
            return zb_error_set(err, ZB_ERR_VALUE, "%s: face %d has no Chinese characters (no glyph for %s)",
                                path, index, missing);
        return zb_error_set(err, ZB_ERR_VALUE,
                            "%s: face %d lacks common Chinese characters (no glyph for %s)", path, index,
                            missing);
    }

    zb_face *f = calloc(1, sizeof *f);
    char *p = zb_strdup(path);
    char *family = family_name(face);
    if (!f || !p || !family) {
        free(f);
        free(p);
        free(family);
        hb_font_destroy(font);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", path);
    }
    atomic_init(&f->refs, 1);
    f->blob = blob;
    f->face = face;
    f->font = font;
    f->upem = upem;
    hb_font_extents_t ext;
    if (hb_font_get_h_extents(font, &ext)) {
        f->ascender = to_milli(ext.ascender, upem);
        f->descender = to_milli(ext.descender, upem);
    } else {
        /* Only a font without hhea and OS/2 metrics gets here: the usual CJK proportions. */
        f->ascender = 880;
        f->descender = -120;
    }
    if (f->descender > 0)
        f->descender = -f->descender;
    f->path = p;
    f->index = index;
    f->memory = memory;
    f->family = family;
    *out = f;
    zb_error_clear(err);
    return ZB_OK;
}

/* A face from bytes in memory: copied, so the caller may free them at once. */
static zb_status face_load_memory(const void *data, size_t size, int index, const char *name, zb_face **out,
                                  zb_error *err)
{
    *out = NULL;
    if (size > UINT_MAX)
        return zb_error_set(err, ZB_ERR_VALUE, "%s: %zu bytes is too large for a font", name, size);
    hb_blob_t *blob = hb_blob_create_or_fail((const char *)data, (unsigned)size, HB_MEMORY_MODE_DUPLICATE, NULL, NULL);
    if (!blob)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory copying the font", name);
    return face_from_blob(blob, name, index, 1, out, err);
}

int zb_face_in_memory(const zb_face *face) { return face ? face->memory : 0; }

/* Nonzero when both hold the same bytes. */
static int same_bytes(const zb_face *a, const zb_face *b)
{
    unsigned na = 0, nb = 0;
    const char *da = hb_blob_get_data(a->blob, &na);
    const char *db = hb_blob_get_data(b->blob, &nb);
    return na == nb && (da == db || memcmp(da, db, na) == 0);
}

int zb_face_same(const zb_face *a, const zb_face *b)
{
    if (a == b)
        return 1;
    if (!a || !b || a->index != b->index)
        return 0;
    if (a->memory || b->memory)
        return same_bytes(a, b);
    return strcmp(a->path, b->path) == 0;
}

const char *zb_face_data(const zb_face *face, size_t *len)
{
    unsigned n = 0;
    const char *d = face ? hb_blob_get_data(face->blob, &n) : NULL;
    *len = n;
    return d;
}

int zb_face_has(const zb_face *face, uint32_t cp)
{
    hb_codepoint_t g;
    return face && hb_font_get_nominal_glyph(face->font, cp, &g);
}

int zb_face_advance(const zb_face *face, uint32_t cp)
{
    hb_codepoint_t g;
    if (!face || !hb_font_get_nominal_glyph(face->font, cp, &g))
        return 0;
    return to_milli(hb_font_get_glyph_h_advance(face->font, g), face->upem);
}

int zb_face_ink(const zb_face *face, uint32_t cp, int *top, int *bottom)
{
    hb_codepoint_t g;
    hb_glyph_extents_t e;
    if (!face || !hb_font_get_nominal_glyph(face->font, cp, &g) ||
        !hb_font_get_glyph_extents(face->font, g, &e))
        return 0;
    if (top)
        *top = to_milli(e.y_bearing, face->upem);
    if (bottom)
        *bottom = to_milli(e.y_bearing + e.height, face->upem);
    return 1;
}

int zb_face_advance_units(const zb_face *face, uint32_t cp, unsigned *upem)
{
    hb_codepoint_t g;
    if (upem)
        *upem = face ? face->upem : 1000;
    if (!face || !hb_font_get_nominal_glyph(face->font, cp, &g))
        return 0;
    return hb_font_get_glyph_h_advance(face->font, g);
}

void zb_face_extents(const zb_face *face, int *ascender, int *descender)
{
    if (ascender)
        *ascender = face ? face->ascender : 0;
    if (descender)
        *descender = face ? face->descender : 0;
}

const char *zb_face_family(const zb_face *face) { return face ? face->family : ""; }

const char *zb_face_path(const zb_face *face) { return face ? face->path : ""; }

int zb_face_index(const zb_face *face) { return face ? face->index : -1; }

/* Tables a PDF does not use: layout (the writers place glyphs themselves), vertical
 * metrics, and embedded bitmaps, which in CJK fonts can outweigh the outlines. */
static const char *const subset_drop[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "mort",
                                          "kerx", "vhea", "vmtx", "VORG", "EBDT", "EBLC", "EBSC", "CBDT", "CBLC",
                                          "sbix", "SVG ", "bdat", "bloc", "hdmx", "VDMX", "LTSH", "DSIG", "PCLT",
                                          "meta", "feat", "Silf", "Glat", "Gloc", "Sill", "COLR", "CPAL"};

/* libharu 2.3.0 rewrites the font it embeds table by table in a fixed order ending with
 * prep, then seeks to each table's start; when prep is empty and the font so far fills its
 * 4096-byte blocks exactly, that seek fails (error 0x1033 while saving). A font without prep
 * gets one holding SVTCA[1], which sets the vectors to the x-axis they have anyway: the
 * glyphs draw as before, and the last table is never empty. Returns a new reference, or
 * NULL when out of memory. */
static hb_face_t *with_prep(hb_face_t *sub)
{
    hb_blob_t *prep = hb_face_reference_table(sub, HB_TAG('p', 'r', 'e', 'p'));
    unsigned have = hb_blob_get_length(prep);
    hb_blob_destroy(prep);
    if (have)
        return hb_face_reference(sub);
    /* The subset is a face under construction, which cannot list its tables: read it
     * back from its bytes. */
    hb_blob_t *bytes = hb_face_reference_blob(sub);
    hb_face_t *face = hb_face_create(bytes, 0);
    hb_blob_destroy(bytes);
    hb_face_t *builder = hb_face_builder_create();
    hb_tag_t tags[64];
    unsigned start = 0, count;
    do {
        count = sizeof tags / sizeof tags[0];
        hb_face_get_table_tags(face, start, &count, tags);
        for (unsigned i = 0; i < count; i++) {
            hb_blob_t *t = hb_face_reference_table(face, tags[i]);
            hb_face_builder_add_table(builder, tags[i], t);
            hb_blob_destroy(t);
        }
        start += count;
    } while (count == sizeof tags / sizeof tags[0]);
    static const char svtca_x[1] = {0x01};
    hb_blob_t *t = hb_blob_create(svtca_x, 1, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_bool_t ok = hb_face_builder_add_table(builder, HB_TAG('p', 'r', 'e', 'p'), t) && start > 0;
    hb_blob_destroy(t);
    hb_face_destroy(face);
    if (!ok) {
        hb_face_destroy(builder);
        return NULL;
    }
    return builder;
}

zb_status zb_face_subset(const zb_face *face, const uint32_t *cps, size_t n, char **out, size_t *len,
                         zb_error *err)
{
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!face || !out || !len || (n && !cps))
        return zb_error_set(err, ZB_ERR_ARGUMENT, "zb_face_subset: no face, code points or output given");

    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory making a subset", face->path);
    hb_set_t *unicodes = hb_subset_input_unicode_set(in);
    for (size_t i = 0; i < n; i++)
        if (cps[i] <= 0x10FFFF)
            hb_set_add(unicodes, cps[i]);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof subset_drop / sizeof *subset_drop; i++)
        hb_set_add(drop, hb_tag_from_string(subset_drop[i], 4));
    /* libharu reads the PostScript name (name ID 6) and the style (ID 2) from either the
     * Windows English or the Macintosh records: keep both kinds. The .notdef outline stays so
     * that a missing character shows as a box rather than nothing. Hinting stays: libharu
     * 2.3.0 copies cvt/fpgm/prep, and the instructions are a small part of a CJK glyph. */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NAME_LEGACY | HB_SUBSET_FLAGS_NOTDEF_OUTLINE);

    hb_face_t *sub = hb_set_allocation_successful(unicodes) && hb_set_allocation_successful(drop)
                         ? hb_subset_or_fail(face->face, in)
                         : NULL;
    hb_subset_input_destroy(in);
    if (!sub)
        return zb_error_set(err, ZB_ERR_VALUE, "%s: face %d: HarfBuzz could not make a subset (out of memory "
                                               "or a damaged font)",
                            face->path, face->index);
    hb_face_t *made = with_prep(sub);
    hb_blob_t *blob = made ? hb_face_reference_blob(made) : hb_blob_get_empty();
    hb_face_destroy(made);
    unsigned blen;
    const char *data = hb_blob_get_data(blob, &blen);
    char *copy = blen ? malloc(blen) : NULL;
    if (copy)
        memcpy(copy, data, blen);
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    if (!copy)
        return zb_error_set(err, blen ? ZB_ERR_NOMEM : ZB_ERR_VALUE, "%s: face %d: %s", face->path, face->index,
                            blen ? "out of memory making a subset" : "HarfBuzz made an empty subset");
    *out = copy;
    *len = blen;
    zb_error_clear(err);
    return ZB_OK;
}

/* ======================================================================================
 * Fontsets
 * ==================================================================================== */

typedef enum origin { ORIGIN_NONE = 0, ORIGIN_CALLER, ORIGIN_FONT_DIR, ORIGIN_DEBIAN } origin;

struct zb_fontset {
    zb_face *role[ZB_FONT_ROLE_COUNT];
    origin origin[ZB_FONT_ROLE_COUNT];
    char *describe[ZB_FONT_ROLE_COUNT];
    zb_face **fallback;
    size_t nfallback;
    size_t cap;
    char errmsg[ZB_ERROR_MESSAGE_MAX];
};

/* What each role is called, the face it stands for, and the standard face's full name. */
static const struct {
    const char *key;
    const char *face;
    const char *standard;
} roles[ZB_FONT_ROLE_COUNT] = {
    {"body", "仿宋", "仿宋_GB2312"},
    {"title", "小标宋", "方正小标宋简体"},
    {"heading", "黑体", "黑体"},
    {"kai", "楷体", "楷体_GB2312"},
    {"number", "宋体", "宋体"},
};

static int role_ok(zb_font_role role) { return (int)role >= 0 && (int)role < ZB_FONT_ROLE_COUNT; }

const char *zb_font_role_standard(zb_font_role role) { return role_ok(role) ? roles[role].standard : ""; }

/* Copies a message into the fontset, cut at a character boundary when it is too long. */
static zb_status fail_msg(zb_fontset *fonts, zb_status code, const char *msg)
{
    size_t n = strlen(msg);
    if (n >= sizeof fonts->errmsg)
        n = sizeof fonts->errmsg - 1;
    n = zb_utf8_check(msg, n);
    memcpy(fonts->errmsg, msg, n);
    fonts->errmsg[n] = '\0';
    return code;
}

static zb_status fail(zb_fontset *fonts, zb_status code, const char *fmt, ...) ZB_PRINTF(3, 4);
static zb_status fail(zb_fontset *fonts, zb_status code, const char *fmt, ...)
{
    char msg[ZB_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return fail_msg(fonts, code, msg);
}

static zb_status succeed(zb_fontset *fonts)
{
    fonts->errmsg[0] = '\0';
    return ZB_OK;
}

zb_fontset *zb_fontset_new(void) { return calloc(1, sizeof(zb_fontset)); }

/* Releases what the fontset holds, leaving it empty. */
static void fontset_clear(zb_fontset *fonts)
{
    for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++) {
        face_unref(fonts->role[r]);
        free(fonts->describe[r]);
        fonts->role[r] = NULL;
        fonts->describe[r] = NULL;
        fonts->origin[r] = ORIGIN_NONE;
    }
    for (size_t i = 0; i < fonts->nfallback; i++)
        face_unref(fonts->fallback[i]);
    free(fonts->fallback);
    fonts->fallback = NULL;
    fonts->nfallback = fonts->cap = 0;
}

void zb_fontset_free(zb_fontset *fonts)
{
    if (!fonts)
        return;
    fontset_clear(fonts);
    free(fonts);
}

const char *zb_fontset_errmsg(const zb_fontset *fonts) { return fonts ? fonts->errmsg : ""; }

zb_fontset *zb_fontset_copy(const zb_fontset *fonts)
{
    if (!fonts)
        return NULL;
    zb_fontset *c = zb_fontset_new();
    if (!c)
        return NULL;
    if (fonts->nfallback) {
        c->fallback = malloc(fonts->nfallback * sizeof *c->fallback);
        if (!c->fallback) {
            free(c);
            return NULL;
        }
        c->cap = fonts->nfallback;
    }
    for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++) {
        if (!fonts->role[r])
            continue;
        c->describe[r] = zb_strdup(fonts->describe[r]);
        if (!c->describe[r]) {
            zb_fontset_free(c);
            return NULL;
        }
        c->role[r] = face_ref(fonts->role[r]);
        c->origin[r] = fonts->origin[r];
    }
    for (size_t i = 0; i < fonts->nfallback; i++)
        c->fallback[c->nfallback++] = face_ref(fonts->fallback[i]);
    return c;
}

/* Moves src's contents into dst (whose old contents are released); src is left empty. */
static void fontset_take(zb_fontset *dst, zb_fontset *src)
{
    fontset_clear(dst);
    memcpy(dst->role, src->role, sizeof dst->role);
    memcpy(dst->origin, src->origin, sizeof dst->origin);
    memcpy(dst->describe, src->describe, sizeof dst->describe);
    dst->fallback = src->fallback;
    dst->nfallback = src->nfallback;
    dst->cap = src->cap;
    memset(src->role, 0, sizeof src->role);
    memset(src->origin, 0, sizeof src->origin);
    memset(src->describe, 0, sizeof src->describe);
    src->fallback = NULL;
    src->nfallback = src->cap = 0;
}

/* A face already loaded in this fontset from the same file and index: loaded once, shared.
 * Fonts given as bytes are never matched by name: two uploads may share one. */
static zb_face *find_face(const zb_fontset *fonts, const char *path, int index)
{
    for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++)
        if (fonts->role[r] && !fonts->role[r]->memory && fonts->role[r]->index == index &&
            strcmp(fonts->role[r]->path, path) == 0)
            return fonts->role[r];
    for (size_t i = 0; i < fonts->nfallback; i++)
        if (!fonts->fallback[i]->memory && fonts->fallback[i]->index == index &&
            strcmp(fonts->fallback[i]->path, path) == 0)
            return fonts->fallback[i];
    return NULL;
}

/* A new reference to the face of path/index: the fontset's own when it has it, else loaded. */
static zb_status get_face(const zb_fontset *fonts, const char *path, int index, zb_face **out, zb_error *err)
{
    zb_face *f = find_face(fonts, path, index);
    if (f) {
        *out = face_ref(f);
        zb_error_clear(err);
        return ZB_OK;
    }
    return face_load(path, index, out, err);
}

/* Puts face (a reference the fontset takes over) in role r; on failure the face is released. */
static zb_status put_role(zb_fontset *fonts, zb_font_role r, zb_face *face, origin from, zb_error *err)
{
    zb_buf d = {0};
    zb_buf_addf(&d, "%s (%s): ", roles[r].key, roles[r].face);
    if (*face->family)
        zb_buf_addf(&d, "%s, ", face->family);
    zb_buf_addf(&d, "%s%s face %d — ", face->path, face->memory ? " (bytes in memory)" : "", face->index);
    switch (from) {
    case ORIGIN_DEBIAN:
        zb_buf_addf(&d, "a free stand-in for %s", roles[r].standard);
        break;
    case ORIGIN_FONT_DIR:
        zb_buf_addf(&d, "the standard %s, from ZHIBIAO_FONT_DIR", roles[r].standard);
        break;
    default:
        zb_buf_adds(&d, "set by the caller");
        break;
    }
    char *text = zb_buf_take(&d);
    if (!text) {
        face_unref(face);
        return zb_error_set(err, ZB_ERR_NOMEM, "out of memory");
    }
    face_unref(fonts->role[r]);
    free(fonts->describe[r]);
    fonts->role[r] = face;
    fonts->origin[r] = from;
    fonts->describe[r] = text;
    return ZB_OK;
}

static zb_status put_fallback(zb_fontset *fonts, zb_face *face, zb_error *err)
{
    if (zb_grow((void **)&fonts->fallback, &fonts->cap, fonts->nfallback + 1, sizeof *fonts->fallback)) {
        face_unref(face);
        return zb_error_set(err, ZB_ERR_NOMEM, "out of memory");
    }
    fonts->fallback[fonts->nfallback++] = face;
    return ZB_OK;
}

zb_status zb_fontset_set(zb_fontset *fonts, zb_font_role role, const char *path, int face_index)
{
    if (!fonts)
        return ZB_ERR_ARGUMENT;
    if (!role_ok(role))
        return fail(fonts, ZB_ERR_ARGUMENT, "zb_fontset_set: no font role %d (roles are 0 to %d)", (int)role,
                    ZB_FONT_ROLE_COUNT - 1);
    if (!path || !*path)
        return fail(fonts, ZB_ERR_ARGUMENT, "zb_fontset_set: no file given for %s (%s)", roles[role].key,
                    roles[role].face);
    zb_error err;
    zb_face *face;
    /* put_role cannot fail after the load except for memory, and then it releases the face,
     * leaving the role as it was. */
    if (get_face(fonts, path, face_index, &face, &err) != ZB_OK ||
        put_role(fonts, role, face, ORIGIN_CALLER, &err) != ZB_OK)
        return fail_msg(fonts, err.code, err.message);
    return succeed(fonts);
}

zb_status zb_fontset_add_fallback(zb_fontset *fonts, const char *path, int face_index)
{
    if (!fonts)
        return ZB_ERR_ARGUMENT;
    if (!path || !*path)
        return fail(fonts, ZB_ERR_ARGUMENT, "zb_fontset_add_fallback: no file given");
    zb_error err;
    zb_face *face;
    if (get_face(fonts, path, face_index, &face, &err) != ZB_OK || put_fallback(fonts, face, &err) != ZB_OK)
        return fail_msg(fonts, err.code, err.message);
    return succeed(fonts);
}

/* A face given as bytes that this fontset already holds under the same name: shared, so
 * that one font uploaded for several roles is held once. */
static int memory_match(const zb_face *f, const void *data, size_t size, int index, const char *name)
{
    unsigned n = 0;
    const char *d = f && f->memory ? hb_blob_get_data(f->blob, &n) : NULL;
    return d && f->index == index && n == size && strcmp(f->path, name) == 0 && memcmp(d, data, size) == 0;
}

static zb_status get_face_memory(const zb_fontset *fonts, const void *data, size_t size, int index,
                                 const char *name, zb_face **out, zb_error *err)
{
    for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++)
        if (memory_match(fonts->role[r], data, size, index, name)) {
            *out = face_ref(fonts->role[r]);
            return ZB_OK;
        }
    for (size_t i = 0; i < fonts->nfallback; i++)
        if (memory_match(fonts->fallback[i], data, size, index, name)) {
            *out = face_ref(fonts->fallback[i]);
            return ZB_OK;
        }
    return face_load_memory(data, size, index, name, out, err);
}

/* The name a font given as bytes goes by. */
static const char *memory_name(const char *name) { return name && *name ? name : "<memory>"; }

zb_status zb_fontset_set_role_memory(zb_fontset *fonts, zb_font_role role, const void *data, size_t size,
                                     int face_index, const char *name)
{
    if (!fonts)
        return ZB_ERR_ARGUMENT;
    if (!role_ok(role))
        return fail(fonts, ZB_ERR_ARGUMENT, "zb_fontset_set_role_memory: no font role %d (roles are 0 to %d)",
                    (int)role, ZB_FONT_ROLE_COUNT - 1);
    if (!data || !size)
        return fail(fonts, ZB_ERR_ARGUMENT, "zb_fontset_set_role_memory: no font bytes given for %s (%s)",
                    roles[role].key, roles[role].face);
    zb_error err;
    zb_face *face;
    if (get_face_memory(fonts, data, size, face_index, memory_name(name), &face, &err) != ZB_OK ||
        put_role(fonts, role, face, ORIGIN_CALLER, &err) != ZB_OK)
        return fail_msg(fonts, err.code, err.message);
    return succeed(fonts);
}

zb_status zb_fontset_add_fallback_memory(zb_fontset *fonts, const void *data, size_t size, int face_index,
                                         const char *name)
{
    if (!fonts)
        return ZB_ERR_ARGUMENT;
    if (!data || !size)
        return fail(fonts, ZB_ERR_ARGUMENT, "zb_fontset_add_fallback_memory: no font bytes given");
    zb_error err;
    zb_face *face;
    if (get_face_memory(fonts, data, size, face_index, memory_name(name), &face, &err) != ZB_OK ||
        put_fallback(fonts, face, &err) != ZB_OK)
        return fail_msg(fonts, err.code, err.message);
    return succeed(fonts);
}

const char *zb_fontset_file(const zb_fontset *fonts, zb_font_role role)
{
    if (!fonts || !role_ok(role))
        return NULL;
    return fonts->role[role] ? fonts->role[role]->path : "";
}

int zb_fontset_face_index(const zb_fontset *fonts, zb_font_role role)
{
    if (!fonts || !role_ok(role) || !fonts->role[role])
        return -1;
    return fonts->role[role]->index;
}

const char *zb_fontset_describe(const zb_fontset *fonts, zb_font_role role)
{
    if (!fonts || !role_ok(role))
        return NULL;
    return fonts->describe[role] ? fonts->describe[role] : "";
}

size_t zb_fontset_fallback_count(const zb_fontset *fonts) { return fonts ? fonts->nfallback : 0; }

const char *zb_fontset_fallback_file(const zb_fontset *fonts, size_t i)
{
    return fonts && i < fonts->nfallback ? fonts->fallback[i]->path : NULL;
}

const zb_face *zb_fontset_face(const zb_fontset *fonts, zb_font_role role)
{
    return fonts && role_ok(role) ? fonts->role[role] : NULL;
}

const zb_face *zb_fontset_fallback_face(const zb_fontset *fonts, size_t i)
{
    return fonts && i < fonts->nfallback ? fonts->fallback[i] : NULL;
}

const zb_face *zb_fontset_pick(const zb_fontset *fonts, zb_font_role role, uint32_t cp)
{
    if (!fonts || !role_ok(role))
        return NULL;
    if (zb_face_has(fonts->role[role], cp))
        return fonts->role[role];
    for (size_t i = 0; i < fonts->nfallback; i++)
        if (zb_face_has(fonts->fallback[i], cp))
            return fonts->fallback[i];
    return NULL;
}

int zb_fontset_complete(const zb_fontset *fonts)
{
    if (!fonts)
        return 0;
    for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++)
        if (!fonts->role[r])
            return 0;
    return 1;
}

/* ======================================================================================
 * Defaults
 * ==================================================================================== */

/* The usual file names of the standard faces, as offices install them. */
static const char *const standard_names[ZB_FONT_ROLE_COUNT][5] = {
    {"simfang.ttf", "FangSong_GB2312.ttf", "仿宋_GB2312.ttf", "fangsong.ttf", NULL},
    {"FZXBSJW.TTF", "FZXBSK.TTF", "方正小标宋简体.ttf", "fzxbs.ttf", NULL},
    {"simhei.ttf", "黑体.ttf", NULL},
    {"simkai.ttf", "KaiTi_GB2312.ttf", "楷体_GB2312.ttf", "kaiti.ttf", NULL},
    {"simsun.ttc", "simsun.ttf", "宋体.ttf", NULL},
};

typedef struct standin {
    const char *path; /* below the system root */
    int index;
    const char *package;
} standin;

#define UMING {"/usr/share/fonts/truetype/arphic/uming.ttc", 0, "fonts-arphic-uming"}
#define UKAI {"/usr/share/fonts/truetype/arphic/ukai.ttc", 0, "fonts-arphic-ukai"}
#define GBSN {"/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", 0, "fonts-arphic-gbsn00lp"}
#define GKAI {"/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", 0, "fonts-arphic-gkai00mp"}
#define ZENHEI {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, "fonts-wqy-zenhei"}

/* Free fonts with TrueType outlines, closest first: a Ming (song) face is the nearest to 仿宋;
 * SungtiL, a heavier song, to 小标宋. */
static const standin standins[ZB_FONT_ROLE_COUNT][3] = {
    {UMING, GBSN, {NULL, 0, NULL}},
    {GBSN, UMING, {NULL, 0, NULL}},
    {ZENHEI, {NULL, 0, NULL}, {NULL, 0, NULL}},
    {UKAI, GKAI, {NULL, 0, NULL}},
    {UMING, GBSN, {NULL, 0, NULL}},
};

/* Fallbacks for characters a role's font lacks: song faces first, since four of the five
 * roles are song-like and a 黑体 glyph stands out in a 宋体 line (槃 in a title); Zen Hei
 * last, for its wide coverage. */
static const standin fallback_standins[] = {UMING, GBSN, ZENHEI};

static int ascii_caseeq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* The names of the files in a folder, sorted so that the choice does not depend on readdir's
 * order. */
typedef struct name_list {
    char **names;
    size_t n;
    size_t cap;
} name_list;

static void name_list_free(name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->names[i]);
    free(l->names);
    memset(l, 0, sizeof *l);
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static zb_status list_folder(const char *dir, name_list *out, zb_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return zb_error_set(err, ZB_ERR_IO, "ZHIBIAO_FONT_DIR=%s: cannot open the folder: %s", dir,
                            strerror(errno));
    struct dirent *e;
    zb_status st = ZB_OK;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *s = zb_strdup(e->d_name);
        if (!s || zb_grow((void **)&out->names, &out->cap, out->n + 1, sizeof *out->names)) {
            free(s);
            st = zb_error_set(err, ZB_ERR_NOMEM, "out of memory");
            break;
        }
        out->names[out->n++] = s;
    }
    closedir(d);
    if (st != ZB_OK) {
        name_list_free(out);
        return st;
    }
    if (out->n)
        qsort(out->names, out->n, sizeof *out->names, cmp_names);
    return ZB_OK;
}

/* Fills the unset roles of fonts (a staging copy) from font_dir (NULL: not used) and from the
 * Debian fonts below system_root ("" for the real system). */
static zb_status fill_defaults(zb_fontset *fonts, const char *font_dir, const char *system_root, zb_error *err)
{
    if (font_dir && *font_dir) {
        name_list files = {0};
        zb_status st = list_folder(font_dir, &files, err);
        if (st != ZB_OK)
            return st;
        for (int r = 0; r < ZB_FONT_ROLE_COUNT && st == ZB_OK; r++) {
            if (fonts->role[r])
                continue;
            const char *found = NULL;
            for (size_t k = 0; standard_names[r][k] && !found; k++)
                for (size_t i = 0; i < files.n && !found; i++)
                    if (ascii_caseeq(files.names[i], standard_names[r][k]))
                        found = files.names[i];
            if (!found)
                continue;
            zb_buf p = {0};
            zb_buf_addf(&p, "%s%s%s", font_dir, font_dir[strlen(font_dir) - 1] == '/' ? "" : "/", found);
            char *path = zb_buf_take(&p);
            zb_face *face;
            if (!path)
                st = zb_error_set(err, ZB_ERR_NOMEM, "out of memory");
            else if ((st = get_face(fonts, path, 0, &face, err)) == ZB_OK)
                st = put_role(fonts, (zb_font_role)r, face, ORIGIN_FONT_DIR, err);
            else {
                /* The user put the file there on purpose: say so rather than fall back. */
                char why[ZB_ERROR_MESSAGE_MAX];
                memcpy(why, err->message, sizeof why);
                zb_error_set(err, st, "%s (found in ZHIBIAO_FONT_DIR as the %s font)", why, roles[r].face);
            }
            free(path);
        }
        name_list_free(&files);
        if (st != ZB_OK)
            return st;
    }

    zb_buf path = {0};
    for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++) {
        for (size_t k = 0; k < 3 && standins[r][k].path && !fonts->role[r]; k++) {
            path.len = 0;
            zb_buf_addf(&path, "%s%s", system_root, standins[r][k].path);
            if (path.failed)
                break;
            zb_face *face;
            zb_error ignored;
            /* A stand-in that is missing or unusable is skipped: the next one may do. */
            if (get_face(fonts, path.data, standins[r][k].index, &face, &ignored) == ZB_OK &&
                put_role(fonts, (zb_font_role)r, face, ORIGIN_DEBIAN, err) != ZB_OK) {
                zb_buf_free(&path);
                return ZB_ERR_NOMEM;
            }
        }
    }
    for (size_t k = 0; k < sizeof fallback_standins / sizeof *fallback_standins && !path.failed; k++) {
        path.len = 0;
        zb_buf_addf(&path, "%s%s", system_root, fallback_standins[k].path);
        if (path.failed)
            break;
        int listed = 0;
        for (size_t i = 0; i < fonts->nfallback && !listed; i++)
            listed = fonts->fallback[i]->index == fallback_standins[k].index &&
                     strcmp(fonts->fallback[i]->path, path.data) == 0;
        zb_face *face;
        zb_error ignored;
        if (!listed && get_face(fonts, path.data, fallback_standins[k].index, &face, &ignored) == ZB_OK &&
            put_fallback(fonts, face, err) != ZB_OK) {
            zb_buf_free(&path);
            return ZB_ERR_NOMEM;
        }
    }
    int nomem = path.failed;
    zb_buf_free(&path);
    if (nomem)
        return zb_error_set(err, ZB_ERR_NOMEM, "out of memory");

    /* Name the first role left unset in full, and the others briefly. */
    int first = -1;
    zb_buf also = {0};
    for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++) {
        if (fonts->role[r])
            continue;
        if (first < 0)
            first = r;
        else
            zb_buf_addf(&also, "%s%s (%s)", also.len ? ", " : "", roles[r].key, roles[r].face);
    }
    if (first < 0)
        return ZB_OK;
    zb_buf m = {0};
    zb_buf_addf(&m, "no font for %s (%s): ", roles[first].key, roles[first].face);
    if (font_dir && *font_dir) {
        zb_buf_addf(&m, "none of");
        for (size_t k = 0; standard_names[first][k]; k++)
            zb_buf_addf(&m, "%s %s", k ? "," : "", standard_names[first][k]);
        zb_buf_addf(&m, " in ZHIBIAO_FONT_DIR=%s, and ", font_dir);
    } else {
        zb_buf_adds(&m, "ZHIBIAO_FONT_DIR is not set, and ");
    }
    zb_buf_adds(&m, "no usable");
    for (size_t k = 0; k < 3 && standins[first][k].path; k++)
        zb_buf_addf(&m, "%s %s%s", k ? " or" : "", system_root, standins[first][k].path);
    zb_buf_adds(&m, "; install");
    for (size_t k = 0; k < 3 && standins[first][k].path; k++)
        zb_buf_addf(&m, "%s %s", k ? " or" : "", standins[first][k].package);
    zb_buf_addf(&m, ", put %s in ZHIBIAO_FONT_DIR, or name a font file for the role", standard_names[first][0]);
    if (also.len)
        zb_buf_addf(&m, " (also missing: %s)", also.data);
    zb_buf_free(&also);
    char *text = zb_buf_take(&m);
    zb_error_set(err, text ? ZB_ERR_NOT_FOUND : ZB_ERR_NOMEM, "%s", text ? text : "out of memory");
    free(text);
    return err->code;
}

/* zb_fontset_load_defaults() with the folder and the system root given, for tests that
 * must not depend on the fonts installed. Not in a header: see tests/unit/test_font.c. */
zb_status zb_fontset_load_defaults_from(zb_fontset *fonts, const char *font_dir, const char *system_root)
{
    if (!fonts)
        return ZB_ERR_ARGUMENT;
    zb_fontset *stage = zb_fontset_copy(fonts);
    if (!stage)
        return fail(fonts, ZB_ERR_NOMEM, "out of memory");
    zb_error err;
    zb_status st = fill_defaults(stage, font_dir, system_root ? system_root : "", &err);
    if (st != ZB_OK) {
        zb_fontset_free(stage);
        return fail_msg(fonts, st, err.message);
    }
    fontset_take(fonts, stage);
    zb_fontset_free(stage);
    return succeed(fonts);
}

zb_status zb_fontset_load_defaults(zb_fontset *fonts)
{
    return zb_fontset_load_defaults_from(fonts, getenv("ZHIBIAO_FONT_DIR"), "");
}

/* ======================================================================================
 * JSON
 * ==================================================================================== */

typedef struct json_ctx {
    const char *name; /* the file, for messages */
    const char *text;
    size_t len;
    const char *dir; /* folder of the file, for relative paths */
    zb_fontset *stage;
    zb_error *err;
} json_ctx;

/* "file:line:col: " of the value (or key) at path. */
static void json_where(const json_ctx *c, zb_buf *m, const zb_jstep *path, size_t depth, int at_key)
{
    size_t off = zb_json_locate(c->text, c->len, path, depth, at_key);
    int line, col;
    zb_text_position(c->text, c->len, off, &line, &col);
    zb_buf_addf(m, "%s:%d:%d: ", c->name, line, col);
}

static zb_status json_fail(const json_ctx *c, zb_status code, const zb_jstep *path, size_t depth, int at_key,
                           const char *fmt, ...) ZB_PRINTF(6, 7);
static zb_status json_fail(const json_ctx *c, zb_status code, const zb_jstep *path, size_t depth, int at_key,
                           const char *fmt, ...)
{
    zb_buf m = {0};
    json_where(c, &m, path, depth, at_key);
    zb_json_path_print(&m, path, depth);
    if (depth)
        zb_buf_adds(&m, ": ");
    char what[ZB_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    zb_buf_adds(&m, what);
    char *text = zb_buf_take(&m);
    zb_error_set(c->err, text ? code : ZB_ERR_NOMEM, "%s", text ? text : "out of memory");
    free(text);
    return c->err->code;
}

/* Reads a font entry ("file" or {"file": ..., "index": n}) at path and loads its face. */
static zb_status json_font(const json_ctx *c, json_t *v, zb_jstep *path, size_t depth, zb_face **out)
{
    const char *file = NULL;
    json_int_t index = 0;
    if (json_is_string(v)) {
        file = json_string_value(v);
    } else if (json_is_object(v)) {
        const char *key;
        json_t *item;
        json_object_foreach(v, key, item) {
            path[depth] = (zb_jstep){key, 0};
            if (strcmp(key, "file") == 0) {
                if (!json_is_string(item))
                    return json_fail(c, ZB_ERR_SCHEMA, path, depth + 1, 0, "expected a file name (a string)");
                file = json_string_value(item);
            } else if (strcmp(key, "index") == 0) {
                if (!json_is_integer(item) || json_integer_value(item) < 0 || json_integer_value(item) > 65535)
                    return json_fail(c, ZB_ERR_SCHEMA, path, depth + 1, 0,
                                     "expected a face index (a whole number from 0)");
                index = json_integer_value(item);
            } else {
                return json_fail(c, ZB_ERR_SCHEMA, path, depth + 1, 1,
                                 "unknown key (a font is {\"file\": \"...\", \"index\": 0})");
            }
        }
        if (!file)
            return json_fail(c, ZB_ERR_SCHEMA, path, depth, 0, "missing key \"file\"");
    } else {
        return json_fail(c, ZB_ERR_SCHEMA, path, depth, 0,
                         "expected a font file name or {\"file\": \"...\", \"index\": 0}");
    }
    if (!*file)
        return json_fail(c, ZB_ERR_SCHEMA, path, depth, 0, "empty file name");

    zb_buf full = {0};
    if (file[0] == '/' || !c->dir)
        zb_buf_adds(&full, file);
    else
        zb_buf_addf(&full, "%s%s%s", c->dir, c->dir[strlen(c->dir) - 1] == '/' ? "" : "/", file);
    char *p = zb_buf_take(&full);
    if (!p)
        return zb_error_set(c->err, ZB_ERR_NOMEM, "out of memory");
    zb_error e;
    zb_status st = get_face(c->stage, p, (int)index, out, &e);
    free(p);
    if (st != ZB_OK)
        return json_fail(c, st, path, depth, 0, "%s", e.message);
    return ZB_OK;
}

static zb_status json_root(const json_ctx *c, json_t *root)
{
    zb_jstep path[4] = {{0}};
    if (!json_is_object(root))
        return json_fail(c, ZB_ERR_SCHEMA, path, 0, 0,
                         "expected an object with the keys body, title, heading, kai, number and fallback");
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        path[0] = (zb_jstep){key, 0};
        int r = -1;
        for (int k = 0; k < ZB_FONT_ROLE_COUNT; k++)
            if (strcmp(key, roles[k].key) == 0)
                r = k;
        zb_face *face;
        zb_status st;
        if (r >= 0) {
            if ((st = json_font(c, v, path, 1, &face)) != ZB_OK ||
                (st = put_role(c->stage, (zb_font_role)r, face, ORIGIN_CALLER, c->err)) != ZB_OK)
                return st;
        } else if (strcmp(key, "fallback") == 0) {
            if (!json_is_array(v))
                return json_fail(c, ZB_ERR_SCHEMA, path, 1, 0, "expected an array of fonts");
            size_t i;
            json_t *item;
            json_array_foreach(v, i, item) {
                path[1] = (zb_jstep){NULL, i};
                if ((st = json_font(c, item, path, 2, &face)) != ZB_OK ||
                    (st = put_fallback(c->stage, face, c->err)) != ZB_OK)
                    return st;
            }
        } else {
            return json_fail(c, ZB_ERR_SCHEMA, path, 1, 1,
                             "unknown key (expected body, title, heading, kai, number or fallback)");
        }
    }
    return ZB_OK;
}

zb_status zb_fontset_load_json(zb_fontset *fonts, const char *path)
{
    if (!fonts)
        return ZB_ERR_ARGUMENT;
    if (!path || !*path)
        return fail(fonts, ZB_ERR_ARGUMENT, "zb_fontset_load_json: no file given");
    zb_error err;
    char *text;
    size_t len;
    zb_status st = zb_read_file(path, &text, &len, &err);
    if (st != ZB_OK)
        return fail_msg(fonts, st, err.message);

    /* A byte-order mark, as Windows editors write, is not part of the JSON. */
    size_t bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    json_error_t jerr;
    json_t *root = json_loadb(text + bom, len - bom, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        st = fail(fonts, ZB_ERR_SYNTAX, "%s:%d:%d: %s", path, jerr.line, jerr.column, jerr.text);
        free(text);
        return st;
    }

    const char *slash = strrchr(path, '/');
    char *dir = slash ? zb_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : NULL;
    zb_fontset *stage = zb_fontset_copy(fonts);
    if ((slash && !dir) || !stage) {
        st = fail(fonts, ZB_ERR_NOMEM, "out of memory");
    } else {
        json_ctx c = {path, text + bom, len - bom, dir, stage, &err};
        st = json_root(&c, root);
        if (st == ZB_OK) {
            fontset_take(fonts, stage);
            succeed(fonts);
        } else {
            fail_msg(fonts, st, err.message);
        }
    }
    zb_fontset_free(stage);
    free(dir);
    json_decref(root);
    free(text);
    return st;
}
