/* The font module: fonts by role, every refusal (missing file, CFF outlines, bad face index,
 * fsType, no Chinese characters, JSON errors), the defaults (ZHIBIAO_FONT_DIR, then the
 * Debian stand-ins), copies that share faces, fallback picking, subsets that libharu can
 * embed, and one fontset read by several threads at once.
 *
 * The fixtures in tests/data/fonts are made by tests/data/fonts/make_fixtures.py. Tests that
 * need the Debian fonts (scripts/deps installs them) are skipped when they are missing. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <hb-ot.h>
#include <hb.h>
#include <hpdf.h>

#include "core/internal.h"
#include "font/font_internal.h"

/* Defined in lib/font/fontset.c for tests: the defaults with the ZHIBIAO_FONT_DIR folder and
 * the root of the system's font paths given, so that "nothing installed" can be tested. */

#define UMING "/usr/share/fonts/truetype/arphic/uming.ttc"
#define UKAI "/usr/share/fonts/truetype/arphic/ukai.ttc"
#define GBSN "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"
#define GKAI "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"
#define ZENHEI "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
#define DEJAVU "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

/* ---- helpers ---------------------------------------------------------------------- */

#define assert_str(a, b) assert_string_equal((a), (b))

static void assert_contains_at(const char *hay, const char *needle, const char *file, int line)
{
    if (!hay || !strstr(hay, needle))
        fail_msg("%s:%d: \"%s\" not in \"%s\"", file, line, needle, hay ? hay : "(null)");
}
#define assert_contains(h, n) assert_contains_at((h), (n), __FILE__, __LINE__)

static void assert_lacks_at(const char *hay, const char *needle, const char *file, int line)
{
    if (hay && strstr(hay, needle))
        fail_msg("%s:%d: \"%s\" unexpectedly in \"%s\"", file, line, needle, hay);
}
#define assert_lacks(h, n) assert_lacks_at((h), (n), __FILE__, __LINE__)

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Skips the test unless the Debian fonts it uses are installed. */
static void need(const char *path)
{
    if (!exists(path)) {
        fprintf(stderr, "%s is not installed: skipping (scripts/deps --test installs it)\n", path);
        skip();
    }
}

/* tests/data, from ZB_TEST_DATA or else beside this file. */
static const char *data_dir(void)
{
    static char dir[4096];
    const char *env = getenv("ZB_TEST_DATA");
    if (env && *env)
        return env;
    const char *src = __FILE__;
    const char *cut = strstr(src, "unit/test_font.c");
    snprintf(dir, sizeof dir, "%.*sdata", cut ? (int)(cut - src) : 0, src);
    return dir;
}

static char *path_join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = malloc(n);
    assert_non_null(p);
    snprintf(p, n, "%s/%s", a, b);
    return p;
}

/* A fixture in tests/data/fonts (freed by the caller). */
static char *fixture(const char *name)
{
    char *fonts = path_join(data_dir(), "fonts");
    char *p = path_join(fonts, name);
    free(fonts);
    if (!exists(p))
        fail_msg("missing fixture %s (run tests/data/fonts/make_fixtures.py)", p);
    return p;
}

static char *make_temp_dir(void)
{
    const char *t = getenv("TMPDIR");
    char *tmpl = path_join(t && *t ? t : "/tmp", "zb-font-XXXXXX");
    assert_non_null(mkdtemp(tmpl));
    return tmpl;
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *p = path_join(dir, e->d_name);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(p);
        else
            unlink(p);
        free(p);
    }
    closedir(d);
    rmdir(dir);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void write_bytes(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static long file_size(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return (long)st.st_size;
}

/* Everything a caller can see of a fontset, to check that a failed call changed nothing. */
typedef struct snapshot {
    char text[8192];
    const zb_face *faces[ZB_FONT_ROLE_COUNT + 8];
} snapshot;

static void take_snapshot(const zb_fontset *fs, snapshot *s)
{
    memset(s, 0, sizeof *s);
    size_t n = 0;
    for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++) {
        n += (size_t)snprintf(s->text + n, sizeof s->text - n, "%s|%d|%s\n", zb_fontset_file(fs, (zb_font_role)r),
                              zb_fontset_face_index(fs, (zb_font_role)r), zb_fontset_describe(fs, (zb_font_role)r));
        s->faces[r] = zb_fontset_face(fs, (zb_font_role)r);
    }
    for (size_t i = 0; i < zb_fontset_fallback_count(fs); i++) {
        n += (size_t)snprintf(s->text + n, sizeof s->text - n, "fallback %s\n", zb_fontset_fallback_file(fs, i));
        if (i < 8)
            s->faces[ZB_FONT_ROLE_COUNT + i] = zb_fontset_fallback_face(fs, i);
    }
    assert_true(n < sizeof s->text);
}

static void assert_unchanged(const zb_fontset *fs, const snapshot *before)
{
    snapshot now;
    take_snapshot(fs, &now);
    assert_str(now.text, before->text);
    for (size_t i = 0; i < sizeof now.faces / sizeof *now.faces; i++)
        assert_ptr_equal(now.faces[i], before->faces[i]);
}

/* The code points of a UTF-8 string, in order. */
static size_t decode(const char *s, uint32_t *out, size_t max)
{
    size_t n = 0;
    while (*s && n < max) {
        size_t k;
        out[n++] = zb_utf8_decode(s, &k);
        s += k;
    }
    return n;
}

/* The code points that a font (in memory) maps, sorted. */
static size_t collect_cmap(const char *data, size_t len, uint32_t *out, size_t max)
{
    hb_blob_t *b = hb_blob_create(data, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *f = hb_face_create(b, 0);
    hb_set_t *s = hb_set_create();
    hb_face_collect_unicodes(f, s);
    size_t n = 0;
    hb_codepoint_t cp = HB_SET_VALUE_INVALID;
    while (hb_set_next(s, &cp))
        if (n < max)
            out[n++] = cp;
        else
            n++;
    hb_set_destroy(s);
    hb_face_destroy(f);
    hb_blob_destroy(b);
    return n;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorts and removes duplicates; returns the new count. */
static size_t unique(uint32_t *cps, size_t n)
{
    qsort(cps, n, sizeof *cps, cmp_u32);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || cps[m - 1] != cps[i])
            cps[m++] = cps[i];
    return m;
}

/* Big-endian 16 bits at offset off of table tag of a font in memory; -1 without the table. */
static int table_u16(const char *data, size_t len, const char *tag, unsigned off)
{
    hb_blob_t *b = hb_blob_create(data, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *f = hb_face_create(b, 0);
    hb_blob_t *t = hb_face_reference_table(f, hb_tag_from_string(tag, 4));
    unsigned tl;
    const unsigned char *d = (const unsigned char *)hb_blob_get_data(t, &tl);
    int v = tl >= off + 2 ? d[off] << 8 | d[off + 1] : -1;
    hb_blob_destroy(t);
    hb_face_destroy(f);
    hb_blob_destroy(b);
    return v;
}

static int file_table_u16(const char *path, int index, const char *tag, unsigned off)
{
    hb_blob_t *b = hb_blob_create_from_file(path);
    hb_face_t *f = hb_face_create(b, (unsigned)index);
    hb_blob_t *t = hb_face_reference_table(f, hb_tag_from_string(tag, 4));
    unsigned tl;
    const unsigned char *d = (const unsigned char *)hb_blob_get_data(t, &tl);
    int v = tl >= off + 2 ? d[off] << 8 | d[off + 1] : -1;
    hb_blob_destroy(t);
    hb_face_destroy(f);
    hb_blob_destroy(b);
    return v;
}

static unsigned face_count(const char *path)
{
    hb_blob_t *b = hb_blob_create_from_file(path);
    unsigned n = hb_face_count(b);
    hb_blob_destroy(b);
    return n;
}

/* A passage of an official notice: the kind of text that gets subset. */
static const char notice_text[] =
    "武义县人民政府关于印发《武义县新一轮制造业“腾笼换鸟、凤凰涅槃”攻坚行动方案》的通知"
    "武政发〔2022〕11号各乡镇人民政府、街道办事处,县政府各部门:现将《武义县新一轮制造业“腾笼换鸟、"
    "凤凰涅槃”攻坚行动方案》印发给你们,请结合实际,认真贯彻落实。主要目标:到2023年,整治提升高耗"
    "低效企业400家。重点任务:新增“小升规”企业62家,完成技术改造投资15亿元。责任单位:县经信局、县发改局、"
    "县科技局、县财政局、县商务局、县统计局、县规划和自然资源局、县市场监管局、县人力社保局、开发区管委会。"
    "月度监测、季度通报、年度考核。此件公开发布。2022年3月24日";

/* n distinct characters that face has: the notice's first, then CJK ideographs in order. */
static size_t pick_chars(const zb_face *face, uint32_t *out, size_t n)
{
    uint32_t tmp[512];
    size_t k = decode(notice_text, tmp, sizeof tmp / sizeof *tmp);
    k = unique(tmp, k);
    size_t m = 0;
    for (size_t i = 0; i < k && m < n; i++)
        if (zb_face_has(face, tmp[i]))
            out[m++] = tmp[i];
    for (uint32_t cp = 0x4E00; m < n && cp <= 0x9FA5; cp++) {
        int dup = 0;
        for (size_t i = 0; i < m && !dup; i++)
            dup = out[i] == cp;
        if (!dup && zb_face_has(face, cp))
            out[m++] = cp;
    }
    return m;
}

/* ---- an empty fontset and bad arguments ----------------------------------------------- */

static void test_empty(void **state)
{
    (void)state;
    zb_fontset *fs = zb_fontset_new();
    assert_non_null(fs);
    assert_str(zb_fontset_errmsg(fs), "");
    assert_str(zb_fontset_errmsg(NULL), "");
    for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++) {
        assert_str(zb_fontset_file(fs, (zb_font_role)r), "");
        assert_int_equal(zb_fontset_face_index(fs, (zb_font_role)r), -1);
        assert_str(zb_fontset_describe(fs, (zb_font_role)r), "");
        assert_null(zb_fontset_face(fs, (zb_font_role)r));
        assert_null(zb_fontset_pick(fs, (zb_font_role)r, 0x4E00));
    }
    assert_null(zb_fontset_file(fs, (zb_font_role)5));
    assert_null(zb_fontset_file(fs, (zb_font_role)-1));
    assert_null(zb_fontset_describe(fs, (zb_font_role)5));
    assert_int_equal(zb_fontset_face_index(fs, (zb_font_role)5), -1);
    assert_null(zb_fontset_face(fs, (zb_font_role)5));
    assert_null(zb_fontset_pick(fs, (zb_font_role)5, 0x4E00));
    assert_int_equal(zb_fontset_fallback_count(fs), 0);
    assert_null(zb_fontset_fallback_file(fs, 0));
    assert_null(zb_fontset_fallback_face(fs, 0));
    assert_int_equal(zb_fontset_complete(fs), 0);

    /* NULL handles */
    zb_fontset_free(NULL);
    assert_null(zb_fontset_copy(NULL));
    assert_int_equal(zb_fontset_complete(NULL), 0);
    assert_int_equal(zb_fontset_fallback_count(NULL), 0);
    assert_null(zb_fontset_fallback_file(NULL, 0));
    assert_null(zb_fontset_file(NULL, ZB_FONT_BODY));
    assert_null(zb_fontset_describe(NULL, ZB_FONT_BODY));
    assert_null(zb_fontset_pick(NULL, ZB_FONT_BODY, 0x4E00));
    assert_int_equal(zb_fontset_set(NULL, ZB_FONT_BODY, "x.ttf", 0), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_fontset_add_fallback(NULL, "x.ttf", 0), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_fontset_load_json(NULL, "x.json"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_fontset_load_defaults(NULL), ZB_ERR_ARGUMENT);

    /* a NULL face reads as an empty one */
    assert_int_equal(zb_face_has(NULL, 0x4E00), 0);
    assert_int_equal(zb_face_advance(NULL, 0x4E00), 0);
    int a = 1, d = 1;
    zb_face_extents(NULL, &a, &d);
    assert_int_equal(a, 0);
    assert_int_equal(d, 0);
    assert_str(zb_face_family(NULL), "");
    assert_str(zb_face_path(NULL), "");
    assert_int_equal(zb_face_index(NULL), -1);

    /* a copy of an empty set is empty */
    zb_fontset *c = zb_fontset_copy(fs);
    assert_non_null(c);
    assert_str(zb_fontset_file(c, ZB_FONT_BODY), "");
    zb_fontset_free(c);
    zb_fontset_free(fs);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    char *song = fixture("zb-test-song.ttf");
    zb_fontset *fs = zb_fontset_new();
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_BODY, song, 0), ZB_OK);
    snapshot before;
    take_snapshot(fs, &before);

    assert_int_equal(zb_fontset_set(fs, (zb_font_role)5, song, 0), ZB_ERR_ARGUMENT);
    assert_contains(zb_fontset_errmsg(fs), "no font role 5");
    assert_int_equal(zb_fontset_set(fs, (zb_font_role)-1, song, 0), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_TITLE, NULL, 0), ZB_ERR_ARGUMENT);
    assert_contains(zb_fontset_errmsg(fs), "title");
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_TITLE, "", 0), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_fontset_add_fallback(fs, NULL, 0), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_fontset_add_fallback(fs, "", 0), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_fontset_load_json(fs, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_fontset_load_json(fs, ""), ZB_ERR_ARGUMENT);
    assert_unchanged(fs, &before);

    zb_fontset_free(fs);
    free(song);
}

/* ---- setting a role ------------------------------------------------------------------ */

static void test_set_and_metrics(void **state)
{
    (void)state;
    char *song = fixture("zb-test-song.ttf");
    zb_fontset *fs = zb_fontset_new();
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_BODY, song, 0), ZB_OK);
    assert_str(zb_fontset_errmsg(fs), "");
    assert_str(zb_fontset_file(fs, ZB_FONT_BODY), song);
    assert_int_equal(zb_fontset_face_index(fs, ZB_FONT_BODY), 0);
    char want[4096];
    snprintf(want, sizeof want, "body (仿宋): 测试宋体, %s face 0 — set by the caller", song);
    assert_str(zb_fontset_describe(fs, ZB_FONT_BODY), want);
    assert_int_equal(zb_fontset_complete(fs), 0);

    const zb_face *f = zb_fontset_face(fs, ZB_FONT_BODY);
    assert_non_null(f);
    /* the Chinese family name is preferred to the English one */
    assert_str(zb_face_family(f), "测试宋体");
    assert_str(zb_face_path(f), song);
    assert_int_equal(zb_face_index(f), 0);
    /* units per em 2048: advances and extents are scaled to 1/1000 em and rounded */
    assert_true(zb_face_has(f, 0x56FD));
    assert_true(zb_face_has(f, 'A'));
    assert_false(zb_face_has(f, 0x4E2D)); /* 中 */
    assert_int_equal(zb_face_advance(f, 0x56FD), 1000);
    assert_int_equal(zb_face_advance(f, 0x4E00), 1000);
    assert_int_equal(zb_face_advance(f, 'A'), 556); /* 1139 / 2048 */
    assert_int_equal(zb_face_advance(f, ' '), 250);
    assert_int_equal(zb_face_advance(f, 0x4E2D), 0);
    assert_int_equal(zb_face_advance(f, 0x110000), 0);
    int asc, desc;
    zb_face_extents(f, &asc, &desc);
    assert_int_equal(asc, 880);   /* 1802 / 2048 */
    assert_int_equal(desc, -120); /* -246 / 2048 */
    zb_face_extents(f, NULL, NULL);

    /* the same file for a second role shares the loaded face */
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_NUMBER, song, 0), ZB_OK);
    assert_ptr_equal(zb_fontset_face(fs, ZB_FONT_NUMBER), f);
    assert_contains(zb_fontset_describe(fs, ZB_FONT_NUMBER), "number (宋体): 测试宋体");

    /* replacing a role releases the old face (the sanitizers check) */
    char *partial = fixture("zb-test-partial.ttf");
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_NUMBER, partial, 0), ZB_ERR_VALUE);
    if (exists(GBSN)) {
        assert_int_equal(zb_fontset_set(fs, ZB_FONT_NUMBER, GBSN, 0), ZB_OK);
        assert_str(zb_fontset_errmsg(fs), "");
        assert_str(zb_fontset_file(fs, ZB_FONT_NUMBER), GBSN);
        assert_str(zb_face_family(zb_fontset_face(fs, ZB_FONT_NUMBER)), "文鼎ＰＬ简报宋");
        assert_int_equal(zb_fontset_set(fs, ZB_FONT_NUMBER, song, 0), ZB_OK);
    }
    /* an English-only font gives its English family */
    if (exists(UMING)) {
        assert_int_equal(zb_fontset_set(fs, ZB_FONT_KAI, UMING, 0), ZB_OK);
        assert_str(zb_face_family(zb_fontset_face(fs, ZB_FONT_KAI)), "AR PL UMing CN");
        snprintf(want, sizeof want, "kai (楷体): AR PL UMing CN, %s face 0 — set by the caller", UMING);
        assert_str(zb_fontset_describe(fs, ZB_FONT_KAI), want);
    }
    free(partial);
    zb_fontset_free(fs);
    free(song);
}

typedef struct refusal {
    const char *file;   /* a fixture name, or an absolute path */
    int index;
    zb_status status;
    const char *says[3];
} refusal;

static void test_refusals(void **state)
{
    (void)state;
    static const refusal cases[] = {
        {"no-such-font.ttf", 0, ZB_ERR_IO, {"no-such-font.ttf: cannot open: No such file or directory"}},
        {"zb-test-cff.otf", 0, ZB_ERR_VALUE,
         {"zb-test-cff.otf: face 0 has CFF outlines; only TrueType outlines can be embedded"}},
        {"zb-test-restricted.ttf", 0, ZB_ERR_VALUE,
         {"zb-test-restricted.ttf: face 0 may not be embedded", "fsType (0x0002)", "restricted license"}},
        {"zb-test-bitmap-only.ttf", 0, ZB_ERR_VALUE, {"may not be embedded", "fsType (0x0200)", "bitmap"}},
        {"zb-test-no-subsetting.ttf", 0, ZB_ERR_VALUE, {"fsType (0x0100)", "subsetting"}},
        {"zb-test-latin.ttf", 0, ZB_ERR_VALUE, {"zb-test-latin.ttf: face 0 has no Chinese characters"}},
        {"zb-test-partial.ttf", 0, ZB_ERR_VALUE, {"lacks common Chinese characters (no glyph for 国)"}},
        {"zb-test-song.ttf", 1, ZB_ERR_VALUE, {"zb-test-song.ttf: no face 1: the file has 1 face (index 0)"}},
        {"zb-test-song.ttf", -1, ZB_ERR_VALUE, {"no face -1: the file has 1 face"}},
        {"fonts.json", 0, ZB_ERR_VALUE, {"fonts.json: not a TrueType font file"}},
        {"", 0, ZB_ERR_IO, {"is a folder"}},
        {DEJAVU, 0, ZB_ERR_VALUE, {DEJAVU ": face 0 has no Chinese characters"}},
        {GBSN, 3, ZB_ERR_VALUE, {GBSN ": no face 3: the file has 1 face (index 0)"}},
    };
    char *song = fixture("zb-test-song.ttf");
    zb_fontset *fs = zb_fontset_new();
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_BODY, song, 0), ZB_OK);
    assert_int_equal(zb_fontset_add_fallback(fs, song, 0), ZB_OK);
    snapshot before;
    take_snapshot(fs, &before);

    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const refusal *c = &cases[i];
        char *path;
        if (c->file[0] == '/') {
            if (!exists(c->file))
                continue;
            path = zb_strdup(c->file);
        } else {
            char *fonts = path_join(data_dir(), "fonts");
            path = *c->file ? path_join(fonts, c->file) : zb_strdup(fonts);
            free(fonts);
        }
        /* refused alike as a role, as a fallback, and in every role */
        for (int r = 0; r <= ZB_FONT_ROLE_COUNT; r++) {
            zb_status st = r < ZB_FONT_ROLE_COUNT ? zb_fontset_set(fs, (zb_font_role)r, path, c->index)
                                                  : zb_fontset_add_fallback(fs, path, c->index);
            if (st != c->status)
                fail_msg("%s face %d: status %d, expected %d (%s)", c->file, c->index, st, c->status,
                         zb_fontset_errmsg(fs));
            const char *msg = zb_fontset_errmsg(fs);
            assert_contains(msg, path);
            for (size_t k = 0; k < 3 && c->says[k]; k++)
                assert_contains(msg, c->says[k]);
            assert_unchanged(fs, &before);
        }
        free(path);
    }
    /* empty and cut-short files */
    char *dir = make_temp_dir();
    char *cut = path_join(dir, "cut.ttf");
    char *data;
    size_t len;
    assert_int_equal(zb_read_file(song, &data, &len, NULL), ZB_OK);
    static const struct {
        size_t keep;
        const char *says;
    } cuts[] = {
        {0, "not a TrueType font file"},
        {11, "not a TrueType font file"},
        {40, "not a TrueType font file (no readable font header)"},
        {600, "is damaged or cut short: its 'head' table runs past the end of the file"},
        {1180, "is damaged or cut short: its 'post' table runs past the end of the file"},
    };
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        assert_true(cuts[i].keep < len);
        write_bytes(cut, data, cuts[i].keep);
        assert_int_equal(zb_fontset_set(fs, ZB_FONT_TITLE, cut, 0), ZB_ERR_VALUE);
        assert_contains(zb_fontset_errmsg(fs), cut);
        assert_contains(zb_fontset_errmsg(fs), cuts[i].says);
        assert_unchanged(fs, &before);
    }
    free(data);

    /* a message too long for the buffer is cut between characters */
    zb_buf longer = {0};
    zb_buf_adds(&longer, dir);
    for (int k = 0; k < 6; k++) {
        zb_buf_adds(&longer, "/");
        for (int j = 0; j < 70; j++)
            zb_buf_adds(&longer, "仿");
    }
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_TITLE, longer.data, 0), ZB_ERR_IO);
    const char *msg = zb_fontset_errmsg(fs);
    assert_true(strlen(msg) < ZB_ERROR_MESSAGE_MAX && strlen(msg) > ZB_ERROR_MESSAGE_MAX - 4);
    assert_int_equal(zb_utf8_check(msg, strlen(msg)), strlen(msg));
    zb_buf_free(&longer);
    remove_tree(dir);
    free(dir);
    free(cut);

    /* a success clears the message */
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_TITLE, song, 0), ZB_OK);
    assert_str(zb_fontset_errmsg(fs), "");
    zb_fontset_free(fs);
    free(song);
}

static void test_face_index(void **state)
{
    (void)state;
    need(UMING);
    unsigned n = face_count(UMING);
    assert_true(n >= 2);
    zb_fontset *fs = zb_fontset_new();
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_BODY, UMING, (int)n - 1), ZB_OK);
    assert_int_equal(zb_fontset_face_index(fs, ZB_FONT_BODY), (int)n - 1);
    char want[512];
    snprintf(want, sizeof want, "face %u", n - 1);
    assert_contains(zb_fontset_describe(fs, ZB_FONT_BODY), want);
    /* another face of the same file is another face */
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_TITLE, UMING, 0), ZB_OK);
    assert_ptr_not_equal(zb_fontset_face(fs, ZB_FONT_TITLE), zb_fontset_face(fs, ZB_FONT_BODY));

    assert_int_equal(zb_fontset_set(fs, ZB_FONT_KAI, UMING, (int)n), ZB_ERR_VALUE);
    snprintf(want, sizeof want, "%s: no face %u: the file has %u faces (index 0 to %u)", UMING, n, n, n - 1);
    assert_str(zb_fontset_errmsg(fs), want);
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_KAI, UMING, 1000), ZB_ERR_VALUE);
    assert_contains(zb_fontset_errmsg(fs), "no face 1000");
    assert_str(zb_fontset_file(fs, ZB_FONT_KAI), "");
    zb_fontset_free(fs);
}

/* ---- fallbacks and picking ------------------------------------------------------------ */

static void test_fallback_and_pick(void **state)
{
    (void)state;
    char *song = fixture("zb-test-song.ttf");
    zb_fontset *fs = zb_fontset_new();
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_BODY, song, 0), ZB_OK);
    const zb_face *body = zb_fontset_face(fs, ZB_FONT_BODY);

    /* no fallback: what the role's font lacks has no face */
    assert_ptr_equal(zb_fontset_pick(fs, ZB_FONT_BODY, 0x56FD), body);
    assert_null(zb_fontset_pick(fs, ZB_FONT_BODY, 0x4E2D));
    assert_null(zb_fontset_pick(fs, ZB_FONT_TITLE, 0x56FD)); /* unset role, no fallback */

    need(GBSN);
    assert_int_equal(zb_fontset_add_fallback(fs, GBSN, 0), ZB_OK);
    assert_str(zb_fontset_errmsg(fs), "");
    assert_int_equal(zb_fontset_fallback_count(fs), 1);
    assert_str(zb_fontset_fallback_file(fs, 0), GBSN);
    assert_null(zb_fontset_fallback_file(fs, 1));
    const zb_face *gb = zb_fontset_fallback_face(fs, 0);
    assert_non_null(gb);
    assert_null(zb_fontset_fallback_face(fs, 1));

    /* the role's font first, then the chain, then nothing */
    assert_ptr_equal(zb_fontset_pick(fs, ZB_FONT_BODY, 0x56FD), body);
    assert_ptr_equal(zb_fontset_pick(fs, ZB_FONT_BODY, 0x4E2D), gb);
    assert_ptr_equal(zb_fontset_pick(fs, ZB_FONT_TITLE, 0x56FD), gb); /* unset role: the chain */
    assert_null(zb_fontset_pick(fs, ZB_FONT_BODY, 0x1F600));            /* an emoji nobody has */
    assert_null(zb_fontset_pick(fs, (zb_font_role)9, 0x56FD));

    /* the chain is searched in order */
    if (exists(ZENHEI)) {
        assert_int_equal(zb_fontset_add_fallback(fs, ZENHEI, 0), ZB_OK);
        assert_int_equal(zb_fontset_fallback_count(fs), 2);
        const zb_face *zh = zb_fontset_fallback_face(fs, 1);
        uint32_t only_zenhei = 0;
        for (uint32_t cp = 0x2000; cp < 0x10000 && !only_zenhei; cp++)
            if (zb_face_has(zh, cp) && !zb_face_has(gb, cp) && !zb_face_has(body, cp))
                only_zenhei = cp;
        assert_true(only_zenhei != 0);
        assert_ptr_equal(zb_fontset_pick(fs, ZB_FONT_BODY, only_zenhei), zh);
        assert_ptr_equal(zb_fontset_pick(fs, ZB_FONT_BODY, 0x4E2D), gb);
        /* a face already in the set is shared, not loaded again */
        assert_int_equal(zb_fontset_set(fs, ZB_FONT_HEADING, ZENHEI, 0), ZB_OK);
        assert_ptr_equal(zb_fontset_face(fs, ZB_FONT_HEADING), zh);
    }
    zb_fontset_free(fs);
    free(song);
}

/* ---- defaults ------------------------------------------------------------------------ */

static void need_debian_fonts(void)
{
    need(UMING);
    need(UKAI);
    need(GBSN);
    need(ZENHEI);
}

static void test_defaults(void **state)
{
    (void)state;
    need_debian_fonts();
    const char *saved = getenv("ZHIBIAO_FONT_DIR");
    char *keep = saved ? zb_strdup(saved) : NULL;
    unsetenv("ZHIBIAO_FONT_DIR");

    zb_fontset *fs = zb_fontset_new();
    assert_int_equal(zb_fontset_load_defaults(fs), ZB_OK);
    assert_str(zb_fontset_errmsg(fs), "");
    assert_int_equal(zb_fontset_complete(fs), 1);
    static const struct {
        zb_font_role role;
        const char *file;
        const char *describe;
    } want[] = {
        {ZB_FONT_BODY, UMING, "body (仿宋): AR PL UMing CN, " UMING " face 0 — a free stand-in for 仿宋_GB2312"},
        {ZB_FONT_TITLE, GBSN,
         "title (小标宋): 文鼎ＰＬ简报宋, " GBSN " face 0 — a free stand-in for 方正小标宋简体"},
        {ZB_FONT_HEADING, ZENHEI, "heading (黑体): 文泉驿正黑, " ZENHEI " face 0 — a free stand-in for 黑体"},
        {ZB_FONT_KAI, UKAI, "kai (楷体): AR PL UKai CN, " UKAI " face 0 — a free stand-in for 楷体_GB2312"},
        {ZB_FONT_NUMBER, UMING, "number (宋体): AR PL UMing CN, " UMING " face 0 — a free stand-in for 宋体"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        assert_str(zb_fontset_file(fs, want[i].role), want[i].file);
        assert_int_equal(zb_fontset_face_index(fs, want[i].role), 0);
        assert_str(zb_fontset_describe(fs, want[i].role), want[i].describe);
    }
    /* one file serving two roles and the chain is loaded once */
    assert_ptr_equal(zb_fontset_face(fs, ZB_FONT_BODY), zb_fontset_face(fs, ZB_FONT_NUMBER));
    /* song faces first (a 黑体 glyph stands out in a 宋体 line), Zen Hei last */
    assert_int_equal(zb_fontset_fallback_count(fs), 3);
    assert_str(zb_fontset_fallback_file(fs, 0), UMING);
    assert_str(zb_fontset_fallback_file(fs, 1), GBSN);
    assert_str(zb_fontset_fallback_file(fs, 2), ZENHEI);
    assert_ptr_equal(zb_fontset_fallback_face(fs, 0), zb_fontset_face(fs, ZB_FONT_BODY));
    assert_ptr_equal(zb_fontset_fallback_face(fs, 1), zb_fontset_face(fs, ZB_FONT_TITLE));
    assert_ptr_equal(zb_fontset_fallback_face(fs, 2), zb_fontset_face(fs, ZB_FONT_HEADING));
    /* 〔〕 for document numbers are found */
    assert_non_null(zb_fontset_pick(fs, ZB_FONT_BODY, 0x3014));
    assert_non_null(zb_fontset_pick(fs, ZB_FONT_TITLE, 0x3015));

    /* again: nothing changes, the chain does not grow */
    snapshot before;
    take_snapshot(fs, &before);
    assert_int_equal(zb_fontset_load_defaults(fs), ZB_OK);
    assert_unchanged(fs, &before);
    zb_fontset_free(fs);

    /* roles already set are kept */
    char *song = fixture("zb-test-song.ttf");
    fs = zb_fontset_new();
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_BODY, song, 0), ZB_OK);
    assert_int_equal(zb_fontset_add_fallback(fs, UMING, 0), ZB_OK);
    assert_int_equal(zb_fontset_load_defaults(fs), ZB_OK);
    assert_str(zb_fontset_file(fs, ZB_FONT_BODY), song);
    assert_contains(zb_fontset_describe(fs, ZB_FONT_BODY), "set by the caller");
    assert_str(zb_fontset_file(fs, ZB_FONT_NUMBER), UMING);
    assert_int_equal(zb_fontset_fallback_count(fs), 3); /* uming was there already */
    assert_str(zb_fontset_fallback_file(fs, 0), UMING);
    assert_str(zb_fontset_fallback_file(fs, 1), GBSN);
    assert_str(zb_fontset_fallback_file(fs, 2), ZENHEI);
    assert_ptr_equal(zb_fontset_face(fs, ZB_FONT_NUMBER), zb_fontset_fallback_face(fs, 0));
    zb_fontset_free(fs);
    free(song);

    if (keep)
        setenv("ZHIBIAO_FONT_DIR", keep, 1);
    free(keep);
}

/* A fake system root holding links to some of the Debian fonts. */
static char *fake_root(const char *const *fonts, size_t n)
{
    char *root = make_temp_dir();
    for (size_t i = 0; i < n; i++) {
        char *link = path_join(root, fonts[i] + 1);
        for (char *s = strchr(link + strlen(root) + 1, '/'); s; s = strchr(s + 1, '/')) {
            *s = '\0';
            if (mkdir(link, 0777) != 0 && errno != EEXIST)
                fail_msg("mkdir %s: %s", link, strerror(errno));
            *s = '/';
        }
        assert_int_equal(symlink(fonts[i], link), 0);
        free(link);
    }
    return root;
}

static void test_defaults_order_and_not_found(void **state)
{
    (void)state;
    need_debian_fonts();
    zb_fontset *fs = zb_fontset_new();

    /* nothing installed: the first missing role, the places, the package; nothing changed */
    char *empty = make_temp_dir();
    char *song = fixture("zb-test-song.ttf");
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_KAI, song, 0), ZB_OK);
    snapshot before;
    take_snapshot(fs, &before);
    assert_int_equal(zb_fontset_load_defaults_from(fs, NULL, empty), ZB_ERR_NOT_FOUND);
    const char *m = zb_fontset_errmsg(fs);
    assert_contains(m, "no font for body (仿宋)");
    assert_contains(m, "ZHIBIAO_FONT_DIR is not set");
    assert_contains(m, "/usr/share/fonts/truetype/arphic/uming.ttc");
    assert_contains(m, "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf");
    assert_contains(m, "install fonts-arphic-uming or fonts-arphic-gbsn00lp");
    assert_contains(m, "also missing: title (小标宋), heading (黑体), number (宋体)");
    assert_lacks(m, "kai (楷体)");
    assert_unchanged(fs, &before);

    /* with ZHIBIAO_FONT_DIR set but holding nothing useful, it says so */
    assert_int_equal(zb_fontset_load_defaults_from(fs, empty, empty), ZB_ERR_NOT_FOUND);
    assert_contains(zb_fontset_errmsg(fs), "none of simfang.ttf, FangSong_GB2312.ttf, 仿宋_GB2312.ttf, fangsong.ttf "
                                           "in ZHIBIAO_FONT_DIR=");
    assert_unchanged(fs, &before);

    /* without UMing: body and number take SungtiL, the second choice; SungtiL and Zen Hei are chained */
    static const char *const some[] = {GBSN, ZENHEI, UKAI};
    char *root = fake_root(some, 3);
    assert_int_equal(zb_fontset_load_defaults_from(fs, NULL, root), ZB_OK);
    char *want = path_join(root, &GBSN[1]);
    assert_str(zb_fontset_file(fs, ZB_FONT_BODY), want);
    assert_str(zb_fontset_file(fs, ZB_FONT_NUMBER), want);
    assert_str(zb_fontset_file(fs, ZB_FONT_TITLE), want);
    assert_contains(zb_fontset_describe(fs, ZB_FONT_BODY), "a free stand-in for 仿宋_GB2312");
    assert_str(zb_fontset_file(fs, ZB_FONT_KAI), song); /* kept */
    assert_int_equal(zb_fontset_fallback_count(fs), 2);
    assert_str(zb_fontset_fallback_file(fs, 0), want);
    free(want);
    want = path_join(root, &ZENHEI[1]);
    assert_str(zb_fontset_fallback_file(fs, 1), want);
    free(want);
    zb_fontset_free(fs);

    /* without Zen Hei the heading has no stand-in */
    static const char *const no_hei[] = {UMING, UKAI};
    char *root2 = fake_root(no_hei, 2);
    fs = zb_fontset_new();
    assert_int_equal(zb_fontset_load_defaults_from(fs, NULL, root2), ZB_ERR_NOT_FOUND);
    assert_contains(zb_fontset_errmsg(fs), "no font for heading (黑体)");
    assert_contains(zb_fontset_errmsg(fs), "install fonts-wqy-zenhei");
    assert_int_equal(zb_fontset_complete(fs), 0);
    assert_str(zb_fontset_file(fs, ZB_FONT_BODY), "");
    zb_fontset_free(fs);

    remove_tree(root);
    remove_tree(root2);
    remove_tree(empty);
    free(root);
    free(root2);
    free(empty);
    free(song);
}

static void test_font_dir(void **state)
{
    (void)state;
    need_debian_fonts();
    const char *saved = getenv("ZHIBIAO_FONT_DIR");
    char *keep = saved ? zb_strdup(saved) : NULL;

    char *dir = make_temp_dir();
    char *body = path_join(dir, "simfang.ttf");
    assert_int_equal(symlink(GBSN, body), 0);
    /* names are matched regardless of case */
    char *hei = path_join(dir, "SimHei.TTF");
    assert_int_equal(symlink(ZENHEI, hei), 0);
    char *other = path_join(dir, "README.txt");
    write_text(other, "not a font");
    setenv("ZHIBIAO_FONT_DIR", dir, 1);

    zb_fontset *fs = zb_fontset_new();
    assert_int_equal(zb_fontset_load_defaults(fs), ZB_OK);
    assert_str(zb_fontset_file(fs, ZB_FONT_BODY), body);
    char want[4096];
    snprintf(want, sizeof want,
             "body (仿宋): 文鼎ＰＬ简报宋, %s face 0 — the standard 仿宋_GB2312, from ZHIBIAO_FONT_DIR", body);
    assert_str(zb_fontset_describe(fs, ZB_FONT_BODY), want);
    assert_lacks(zb_fontset_describe(fs, ZB_FONT_BODY), "stand-in");
    assert_str(zb_fontset_file(fs, ZB_FONT_HEADING), hei);
    assert_contains(zb_fontset_describe(fs, ZB_FONT_HEADING), "the standard 黑体, from ZHIBIAO_FONT_DIR");
    /* the rest from Debian */
    assert_str(zb_fontset_file(fs, ZB_FONT_TITLE), GBSN);
    assert_contains(zb_fontset_describe(fs, ZB_FONT_TITLE), "a free stand-in");
    assert_str(zb_fontset_file(fs, ZB_FONT_KAI), UKAI);
    assert_str(zb_fontset_file(fs, ZB_FONT_NUMBER), UMING);
    zb_fontset_free(fs);

    /* a file there that fails the checks is an error naming it, not a reason to fall back */
    char *song = fixture("zb-test-song.ttf");
    char *restricted = fixture("zb-test-restricted.ttf");
    char *kai = path_join(dir, "simkai.ttf");
    assert_int_equal(symlink(restricted, kai), 0);
    fs = zb_fontset_new();
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_TITLE, song, 0), ZB_OK);
    snapshot before;
    take_snapshot(fs, &before);
    assert_int_equal(zb_fontset_load_defaults(fs), ZB_ERR_VALUE);
    assert_contains(zb_fontset_errmsg(fs), kai);
    assert_contains(zb_fontset_errmsg(fs), "fsType");
    assert_contains(zb_fontset_errmsg(fs), "found in ZHIBIAO_FONT_DIR as the 楷体 font");
    assert_unchanged(fs, &before);

    /* a folder that does not exist */
    char *gone = path_join(dir, "gone");
    setenv("ZHIBIAO_FONT_DIR", gone, 1);
    assert_int_equal(zb_fontset_load_defaults(fs), ZB_ERR_IO);
    assert_contains(zb_fontset_errmsg(fs), gone);
    assert_unchanged(fs, &before);

    /* an empty value is as good as unset */
    setenv("ZHIBIAO_FONT_DIR", "", 1);
    assert_int_equal(zb_fontset_load_defaults(fs), ZB_OK);
    assert_str(zb_fontset_file(fs, ZB_FONT_BODY), UMING);
    assert_str(zb_fontset_file(fs, ZB_FONT_TITLE), song);
    zb_fontset_free(fs);

    if (keep)
        setenv("ZHIBIAO_FONT_DIR", keep, 1);
    else
        unsetenv("ZHIBIAO_FONT_DIR");
    free(keep);
    remove_tree(dir);
    free(dir);
    free(body);
    free(hei);
    free(other);
    free(kai);
    free(gone);
    free(song);
    free(restricted);
}

/* ---- copies ---------------------------------------------------------------------------- */

static void test_copy(void **state)
{
    (void)state;
    char *song = fixture("zb-test-song.ttf");
    zb_fontset *fs = zb_fontset_new();
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_BODY, song, 0), ZB_OK);
    assert_int_equal(zb_fontset_add_fallback(fs, song, 0), ZB_OK);
    snapshot orig;
    take_snapshot(fs, &orig);

    zb_fontset *c = zb_fontset_copy(fs);
    assert_non_null(c);
    assert_unchanged(c, &orig); /* same roles, same faces (shared) */
    assert_str(zb_fontset_errmsg(c), "");

    /* filling the copy leaves the original alone */
    if (exists(UMING) && exists(UKAI) && exists(GBSN) && exists(ZENHEI)) {
        const char *saved = getenv("ZHIBIAO_FONT_DIR");
        char *keep = saved ? zb_strdup(saved) : NULL;
        unsetenv("ZHIBIAO_FONT_DIR");
        assert_int_equal(zb_fontset_load_defaults(c), ZB_OK);
        assert_int_equal(zb_fontset_complete(c), 1);
        if (keep)
            setenv("ZHIBIAO_FONT_DIR", keep, 1);
        free(keep);
    } else {
        assert_int_equal(zb_fontset_set(c, ZB_FONT_TITLE, song, 0), ZB_OK);
    }
    assert_unchanged(fs, &orig);

    /* the copy outlives the original */
    const zb_face *body = zb_fontset_face(c, ZB_FONT_BODY);
    zb_fontset_free(fs);
    assert_ptr_equal(zb_fontset_face(c, ZB_FONT_BODY), body);
    assert_str(zb_face_path(body), song);
    assert_int_equal(zb_face_advance(body, 0x56FD), 1000);
    assert_str(zb_fontset_file(c, ZB_FONT_BODY), song);
    assert_contains(zb_fontset_describe(c, ZB_FONT_BODY), "set by the caller");
    assert_ptr_equal(zb_fontset_pick(c, ZB_FONT_BODY, 0x4E00), body);
    uint32_t cps[] = {0x4E00, 0x56FD};
    char *out;
    size_t len;
    assert_int_equal(zb_face_subset(body, cps, 2, &out, &len, NULL), ZB_OK);
    free(out);

    /* a copy of a copy, freed in the other order */
    zb_fontset *cc = zb_fontset_copy(c);
    assert_non_null(cc);
    zb_fontset_free(c);
    assert_int_equal(zb_face_advance(zb_fontset_face(cc, ZB_FONT_BODY), 'A'), 556);
    zb_fontset_free(cc);
    free(song);
}

/* ---- JSON -------------------------------------------------------------------------------- */

static void test_json(void **state)
{
    (void)state;
    char *json = fixture("fonts.json");
    char *song = fixture("zb-test-song.ttf");
    zb_fontset *fs = zb_fontset_new();
    /* a role that the file does not name stays; one that it names is replaced */
    if (exists(UKAI)) {
        assert_int_equal(zb_fontset_set(fs, ZB_FONT_KAI, UKAI, 0), ZB_OK);
        assert_int_equal(zb_fontset_set(fs, ZB_FONT_TITLE, UKAI, 0), ZB_OK);
    }
    assert_int_equal(zb_fontset_load_json(fs, json), ZB_OK);
    assert_str(zb_fontset_errmsg(fs), "");
    /* relative paths are relative to the file's folder */
    assert_str(zb_fontset_file(fs, ZB_FONT_BODY), song);
    assert_str(zb_fontset_file(fs, ZB_FONT_TITLE), song);
    assert_ptr_equal(zb_fontset_face(fs, ZB_FONT_BODY), zb_fontset_face(fs, ZB_FONT_TITLE));
    assert_contains(zb_fontset_describe(fs, ZB_FONT_TITLE), "title (小标宋): 测试宋体");
    assert_contains(zb_fontset_describe(fs, ZB_FONT_TITLE), "set by the caller");
    assert_str(zb_fontset_file(fs, ZB_FONT_HEADING), "");
    if (exists(UKAI))
        assert_str(zb_fontset_file(fs, ZB_FONT_KAI), UKAI);
    assert_int_equal(zb_fontset_fallback_count(fs), 2);
    assert_str(zb_fontset_fallback_file(fs, 0), song);
    assert_ptr_equal(zb_fontset_fallback_face(fs, 0), zb_fontset_face(fs, ZB_FONT_BODY));
    char *dot = path_join(data_dir(), "fonts/./zb-test-song.ttf");
    assert_str(zb_fontset_fallback_file(fs, 1), dot);
    free(dot);
    zb_fontset_free(fs);
    free(json);
    free(song);
}

typedef struct json_case {
    const char *text; /* "@" stands for the fixtures' folder */
    zb_status status;
    const char *says; /* "line:col: what", or only "what"; "@" and "$" as in text */
} json_case;

static void test_json_errors(void **state)
{
    (void)state;
    static const json_case cases[] = {
        {"{\"body\": \"zb-test-song.ttf\",}", ZB_ERR_SYNTAX, "1:29: "},
        {"", ZB_ERR_SYNTAX, "1:0: "},
        {"{\"body\": \"a\", \"body\": \"b\"}", ZB_ERR_SYNTAX, "1:20: duplicate object key"},
        {"[\"@/zb-test-song.ttf\"]", ZB_ERR_SCHEMA,
         "1:1: expected an object with the keys body, title, heading, kai, number and fallback"},
        {"{\n  \"body\": \"@/zb-test-song.ttf\",\n  \"colour\": \"red\"\n}", ZB_ERR_SCHEMA,
         "3:3: colour: unknown key (expected body, title, heading, kai, number or fallback)"},
        {"{\"title\": 12}", ZB_ERR_SCHEMA,
         "1:11: title: expected a font file name or {\"file\": \"...\", \"index\": 0}"},
        {"{\"title\": {\"index\": 0}}", ZB_ERR_SCHEMA, "1:11: title: missing key \"file\""},
        {"{\"title\": {\"file\": 3}}", ZB_ERR_SCHEMA, "1:20: title.file: expected a file name (a string)"},
        {"{\"title\": {\"file\": \"@/zb-test-song.ttf\", \"index\": \"0\"}}", ZB_ERR_SCHEMA,
         "title.index: expected a face index (a whole number from 0)"},
        {"{\"title\": {\"file\": \"@/zb-test-song.ttf\", \"index\": -1}}", ZB_ERR_SCHEMA, "title.index: expected"},
        {"{\"title\": {\"file\": \"@/zb-test-song.ttf\", \"face\": 0}}", ZB_ERR_SCHEMA,
         "title.face: unknown key (a font is {\"file\": \"...\", \"index\": 0})"},
        {"{\"body\": \"\"}", ZB_ERR_SCHEMA, "1:10: body: empty file name"},
        {"{\"fallback\": \"@/zb-test-song.ttf\"}", ZB_ERR_SCHEMA, "1:14: fallback: expected an array of fonts"},
        {"{\"fallback\": [\"@/zb-test-song.ttf\", 7]}", ZB_ERR_SCHEMA, "fallback[1]: expected a font file name"},
        {"{\"body\": \"@/zb-test-song.ttf\",\n \"kai\": \"@/missing.ttf\"}", ZB_ERR_IO,
         "2:9: kai: @/missing.ttf: cannot open: No such file or directory"},
        {"{\"kai\": \"@/zb-test-cff.otf\"}", ZB_ERR_VALUE, "1:9: kai: @/zb-test-cff.otf: face 0 has CFF outlines"},
        {"{\"kai\": {\"file\": \"@/zb-test-song.ttf\", \"index\": 2}}", ZB_ERR_VALUE,
         "kai: @/zb-test-song.ttf: no face 2: the file has 1 face"},
        {"{\"fallback\": [{\"file\": \"@/zb-test-restricted.ttf\"}]}", ZB_ERR_VALUE,
         "1:15: fallback[0]: @/zb-test-restricted.ttf: face 0 may not be embedded: its fsType"},
        {"{\"number\": \"missing.ttf\"}", ZB_ERR_IO, "number: $/missing.ttf: cannot open"},
    };
    char *fonts = path_join(data_dir(), "fonts");
    char *dir = make_temp_dir();
    char *file = path_join(dir, "fonts.json");
    char *song = fixture("zb-test-song.ttf");
    zb_fontset *fs = zb_fontset_new();
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_BODY, song, 0), ZB_OK);
    assert_int_equal(zb_fontset_add_fallback(fs, song, 0), ZB_OK);
    snapshot before;
    take_snapshot(fs, &before);

    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        /* "@" is the fixtures' folder, "$" the JSON file's */
        zb_buf text = {0}, says = {0};
        for (const char *s = cases[i].text; *s; s++)
            if (*s == '@')
                zb_buf_adds(&text, fonts);
            else
                zb_buf_addc(&text, *s);
        /* a position, when the case gives one, comes right after the file name */
        if (cases[i].says[0] >= '0' && cases[i].says[0] <= '9')
            zb_buf_addf(&says, "%s:", file);
        for (const char *s = cases[i].says; *s; s++)
            if (*s == '@')
                zb_buf_adds(&says, fonts);
            else if (*s == '$')
                zb_buf_adds(&says, dir);
            else
                zb_buf_addc(&says, *s);
        write_text(file, text.data ? text.data : "");
        zb_status st = zb_fontset_load_json(fs, file);
        if (st != cases[i].status)
            fail_msg("case %zu: status %d, expected %d: %s", i, st, cases[i].status, zb_fontset_errmsg(fs));
        if (strncmp(zb_fontset_errmsg(fs), file, strlen(file)) != 0 || !strstr(zb_fontset_errmsg(fs), says.data))
            fail_msg("case %zu: \"%s\" not in \"%s\"", i, says.data, zb_fontset_errmsg(fs));
        assert_unchanged(fs, &before);
        zb_buf_free(&text);
        zb_buf_free(&says);
    }

    /* a file that is not there */
    char *gone = path_join(dir, "gone.json");
    assert_int_equal(zb_fontset_load_json(fs, gone), ZB_ERR_IO);
    assert_contains(zb_fontset_errmsg(fs), gone);
    assert_unchanged(fs, &before);

    /* a byte-order mark is allowed, and an empty object changes nothing */
    write_text(file, "\xEF\xBB\xBF{}");
    assert_int_equal(zb_fontset_load_json(fs, file), ZB_OK);
    assert_str(zb_fontset_errmsg(fs), "");
    assert_unchanged(fs, &before);

    zb_fontset_free(fs);
    remove_tree(dir);
    free(gone);
    free(dir);
    free(file);
    free(fonts);
    free(song);
}

/* ---- subsets ----------------------------------------------------------------------------- */

static void test_subset_fixture(void **state)
{
    (void)state;
    char *song = fixture("zb-test-song.ttf");
    zb_fontset *fs = zb_fontset_new();
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_BODY, song, 0), ZB_OK);
    const zb_face *f = zb_fontset_face(fs, ZB_FONT_BODY);

    /* unsorted, repeated, and with characters the font lacks or that do not exist */
    uint32_t cps[] = {0x56FD, 0x4E00, 0x56FD, 0x4E2D, 0x110000, 0x4E00};
    char *out = NULL;
    size_t len = 0;
    zb_error err;
    assert_int_equal(zb_face_subset(f, cps, sizeof cps / sizeof *cps, &out, &len, &err), ZB_OK);
    assert_int_equal(err.code, ZB_OK);
    assert_str(err.message, "");
    assert_non_null(out);
    assert_true(len > 0 && (long)len < file_size(song));
    uint32_t got[16];
    assert_int_equal(collect_cmap(out, len, got, 16), 2);
    assert_int_equal(got[0], 0x4E00);
    assert_int_equal(got[1], 0x56FD);
    /* the same input gives the same bytes */
    char *again;
    size_t len2;
    assert_int_equal(zb_face_subset(f, cps, sizeof cps / sizeof *cps, &again, &len2, NULL), ZB_OK);
    assert_int_equal(len2, len);
    assert_memory_equal(again, out, len);
    free(again);
    /* metrics survive: re-parse and compare the advance */
    hb_blob_t *b = hb_blob_create(out, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *face = hb_face_create(b, 0);
    hb_font_t *font = hb_font_create(face);
    hb_codepoint_t g;
    assert_true(hb_font_get_nominal_glyph(font, 0x56FD, &g));
    assert_int_equal(hb_font_get_glyph_h_advance(font, g), 2048);
    assert_int_equal(hb_face_get_upem(face), 2048);
    /* A font without prep gets a one-instruction one (SVTCA[1], a no-op), so that libharu
     * 2.3.0 never meets an empty last table; the other tables are kept. */
    hb_blob_t *prep = hb_face_reference_table(face, HB_TAG('p', 'r', 'e', 'p'));
    unsigned plen;
    const char *pdata = hb_blob_get_data(prep, &plen);
    assert_int_equal(plen, 1);
    assert_int_equal(pdata[0], 0x01);
    hb_blob_destroy(prep);
    static const char *const kept[] = {"head", "hhea", "hmtx", "maxp", "cmap", "glyf", "loca", "name", "post"};
    for (size_t k = 0; k < sizeof kept / sizeof kept[0]; k++) {
        hb_blob_t *t = hb_face_reference_table(face, hb_tag_from_string(kept[k], 4));
        if (!hb_blob_get_length(t))
            fail_msg("the subset lost its %s table", kept[k]);
        hb_blob_destroy(t);
    }
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(b);
    free(out);

    /* nothing asked: only .notdef */
    assert_int_equal(zb_face_subset(f, NULL, 0, &out, &len, &err), ZB_OK);
    assert_int_equal(collect_cmap(out, len, got, 16), 0);
    free(out);

    /* bad calls */
    out = (char *)1;
    len = 9;
    assert_int_equal(zb_face_subset(NULL, cps, 1, &out, &len, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(err.code, ZB_ERR_ARGUMENT);
    assert_contains(err.message, "zb_face_subset");
    assert_null(out);
    assert_int_equal(len, 0);
    assert_int_equal(zb_face_subset(f, NULL, 3, &out, &len, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_face_subset(f, cps, 1, NULL, &len, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_face_subset(f, cps, 1, &out, NULL, NULL), ZB_ERR_ARGUMENT);

    zb_fontset_free(fs);
    free(song);
}

static void haru_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
    HPDF_STATUS *where = data;
    if (!where[0]) {
        where[0] = error;
        where[1] = detail;
    }
}

/* Loads a font file in libharu, draws text with it, saves the PDF and checks with pdffonts
 * that the font is embedded. */
static void check_libharu(const char *font_file, const char *text, const char *pdf_file)
{
    HPDF_STATUS errors[2] = {0, 0};
    HPDF_Doc pdf = HPDF_New(haru_error, errors);
    assert_non_null(pdf);
    assert_int_equal(HPDF_UseUTFEncodings(pdf), HPDF_OK);
    const char *name = HPDF_LoadTTFontFromFile(pdf, font_file, HPDF_TRUE);
    if (!name)
        fail_msg("libharu refused %s: error 0x%04X detail %u", font_file, (unsigned)errors[0], (unsigned)errors[1]);
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    assert_non_null(font);
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 16);
    HPDF_Page_TextOut(page, 72, 700, text);
    HPDF_Page_EndText(page);
    assert_int_equal(HPDF_SaveToFile(pdf, pdf_file), HPDF_OK);
    HPDF_Free(pdf);
    if (errors[0])
        fail_msg("libharu error 0x%04X detail %u", (unsigned)errors[0], (unsigned)errors[1]);

    if (system("pdffonts -v >/dev/null 2>&1") != 0) {
        fprintf(stderr, "pdffonts is not installed (poppler-utils): not checking the embedded font\n");
        return;
    }
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "pdffonts '%s' 2>/dev/null", pdf_file);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char line[1024];
    int embedded = 0;
    while (fgets(line, sizeof line, p))
        if (strstr(line, "CID TrueType") && strstr(line, "Identity-H       yes"))
            embedded = 1;
    pclose(p);
    assert_true(embedded);
}

static void test_subset_system_fonts(void **state)
{
    (void)state;
    need(UMING);
    need(GBSN);
    static const char *const files[] = {UMING, GBSN, ZENHEI, UKAI, GKAI};
    char *dir = make_temp_dir();
    char *ttf = path_join(dir, "subset.ttf");
    char *pdf = path_join(dir, "subset.pdf");
    for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
        if (!exists(files[k]))
            continue;
        zb_fontset *fs = zb_fontset_new();
        assert_int_equal(zb_fontset_set(fs, ZB_FONT_BODY, files[k], 0), ZB_OK);
        const zb_face *f = zb_fontset_face(fs, ZB_FONT_BODY);
        uint32_t cps[300];
        size_t n = pick_chars(f, cps, 300);
        assert_int_equal(n, 300);
        char *out;
        size_t len;
        zb_error err;
        assert_int_equal(zb_face_subset(f, cps, n, &out, &len, &err), ZB_OK);

        /* exactly the characters asked for, in a file a fraction of the size */
        uint32_t got[400];
        assert_int_equal(collect_cmap(out, len, got, 400), n);
        size_t m = unique(cps, n);
        assert_int_equal(m, n);
        assert_memory_equal(got, cps, n * sizeof *cps);
        long full = file_size(files[k]);
        assert_true((long)len * 10 < full);
        assert_true(len < 400 * 1024);
        /* what libharu reads: fsType kept, a PostScript name, a format 4 cmap, TrueType tables */
        assert_int_equal(table_u16(out, len, "OS/2", 8), file_table_u16(files[k], 0, "OS/2", 8));
        assert_int_equal(table_u16(out, len, "head", 18), file_table_u16(files[k], 0, "head", 18)); /* upem */
        for (const char *const *t = (const char *const[]){"head", "hhea", "hmtx", "loca", "glyf", "maxp", "name",
                                                            "post", "cmap", "OS/2", NULL};
             *t; t++)
            if (table_u16(out, len, *t, 0) < 0)
                fail_msg("%s: the subset has no %s table", files[k], *t);
        assert_int_equal(table_u16(out, len, "GSUB", 0), -1);
        assert_int_equal(table_u16(out, len, "vmtx", 0), -1);
        {
            hb_blob_t *b = hb_blob_create(out, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
            hb_face_t *sf = hb_face_create(b, 0);
            char ps[128];
            unsigned size = sizeof ps;
            assert_true(hb_ot_name_get_utf8(sf, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, ps) > 0);
            hb_face_destroy(sf);
            hb_blob_destroy(b);
        }
        /* advances unchanged */
        {
            hb_blob_t *b = hb_blob_create(out, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
            hb_face_t *sf = hb_face_create(b, 0);
            hb_font_t *font = hb_font_create(sf);
            unsigned upem = hb_face_get_upem(sf);
            for (size_t i = 0; i < n; i += 37) {
                hb_codepoint_t g;
                assert_true(hb_font_get_nominal_glyph(font, cps[i], &g));
                long adv = hb_font_get_glyph_h_advance(font, g);
                assert_int_equal((adv * 1000 + upem / 2) / upem, zb_face_advance(f, cps[i]));
            }
            hb_font_destroy(font);
            hb_face_destroy(sf);
            hb_blob_destroy(b);
        }
        /* deterministic */
        char *again;
        size_t len2;
        assert_int_equal(zb_face_subset(f, cps, n, &again, &len2, NULL), ZB_OK);
        assert_int_equal(len2, len);
        assert_memory_equal(again, out, len);
        free(again);

        write_bytes(ttf, out, len);
        check_libharu(ttf, "武政发〔2022〕11号 关于印发行动方案的通知", pdf);
        fprintf(stderr, "  300 characters of %s face 0: %ld bytes -> %zu bytes\n", files[k], full, len);
        free(out);
        zb_fontset_free(fs);
    }
    remove_tree(dir);
    free(dir);
    free(ttf);
    free(pdf);
}

/* ---- threads ------------------------------------------------------------------------------- */

typedef struct worker {
    const zb_fontset *fonts;
    zb_font_role role;
    long advance_sum; /* out */
    size_t missing;   /* out */
    const char *subset;
    size_t subset_len;
    const uint32_t *cps;
    size_t ncps;
    int same_subset; /* out */
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    w->advance_sum = 0;
    w->missing = 0;
    w->same_subset = 1;
    for (int round = 0; round < 3; round++) {
        for (uint32_t cp = 0x3000; cp < 0xA000; cp++) {
            const zb_face *f = zb_fontset_pick(w->fonts, w->role, cp);
            if (f)
                w->advance_sum += zb_face_advance(f, cp);
            else
                w->missing++;
        }
        char *out;
        size_t len;
        zb_error err;
        const zb_face *f = zb_fontset_face(w->fonts, w->role);
        if (zb_face_subset(f, w->cps, w->ncps, &out, &len, &err) != ZB_OK)
            w->same_subset = 0;
        else {
            w->same_subset &= len == w->subset_len && memcmp(out, w->subset, len) == 0;
            free(out);
        }
    }
    return NULL;
}

/* Fonts given as bytes: copied, checked like files, named by the caller, never matched with
 * a file or another upload by name, and subset in memory like a file's. */
static void test_memory(void **state)
{
    (void)state;
    char *song = fixture("zb-test-song.ttf");
    size_t len = 0;
    char *bytes = NULL;
    assert_int_equal(zb_read_file(song, &bytes, &len, NULL), ZB_OK);
    zb_fontset *fs = zb_fontset_new();
    assert_int_equal(zb_fontset_set_role_memory(fs, ZB_FONT_BODY, bytes, len, 0, "simfang.ttf"), ZB_OK);
    assert_str(zb_fontset_errmsg(fs), "");
    /* the fontset holds its own copy: the caller's bytes may go at once */
    memset(bytes, 0, len);
    free(bytes);
    assert_str(zb_fontset_file(fs, ZB_FONT_BODY), "simfang.ttf");
    assert_str(zb_fontset_describe(fs, ZB_FONT_BODY),
               "body (仿宋): 测试宋体, simfang.ttf (bytes in memory) face 0 — set by the caller");
    const zb_face *f = zb_fontset_face(fs, ZB_FONT_BODY);
    assert_true(zb_face_in_memory(f));
    assert_true(zb_face_has(f, 0x56FD));
    assert_int_equal(zb_face_advance(f, 'A'), 556);
    uint32_t cps[] = {0x56FD, 'A'};
    char *sub = NULL;
    size_t sublen = 0;
    assert_int_equal(zb_face_subset(f, cps, 2, &sub, &sublen, NULL), ZB_OK);
    assert_true(sublen > 0);
    free(sub);

    /* the file is another face (never matched by name) but, holding the same bytes, the
     * same font to a PDF */
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_TITLE, song, 0), ZB_OK);
    assert_ptr_not_equal(zb_fontset_face(fs, ZB_FONT_TITLE), f);
    assert_true(zb_face_same(zb_fontset_face(fs, ZB_FONT_TITLE), f));
    assert_false(zb_face_in_memory(zb_fontset_face(fs, ZB_FONT_TITLE)));
    assert_true(zb_face_same(f, f));
    assert_int_equal(zb_read_file(song, &bytes, &len, NULL), ZB_OK);
    assert_int_equal(zb_fontset_set_role_memory(fs, ZB_FONT_HEADING, bytes, len, 0, "simfang.ttf"), ZB_OK);
    /* the same bytes under the same name are held once; under another name, apart, but the
     * same font to a PDF */
    assert_ptr_equal(zb_fontset_face(fs, ZB_FONT_HEADING), f);
    assert_int_equal(zb_fontset_set_role_memory(fs, ZB_FONT_HEADING, bytes, len, 0, "other.ttf"), ZB_OK);
    assert_ptr_not_equal(zb_fontset_face(fs, ZB_FONT_HEADING), f);
    assert_true(zb_face_same(zb_fontset_face(fs, ZB_FONT_HEADING), f));
    bytes[len - 1] ^= 1; /* another font of the same name */
    assert_int_equal(zb_fontset_set_role_memory(fs, ZB_FONT_HEADING, bytes, len, 0, "simfang.ttf"), ZB_OK);
    assert_false(zb_face_same(zb_fontset_face(fs, ZB_FONT_HEADING), f));
    bytes[len - 1] ^= 1;
    /* the file loaded twice is one font */
    assert_int_equal(zb_fontset_set(fs, ZB_FONT_KAI, song, 0), ZB_OK);
    assert_true(zb_face_same(zb_fontset_face(fs, ZB_FONT_KAI), zb_fontset_face(fs, ZB_FONT_TITLE)));

    /* no name: <memory>; fallbacks too */
    assert_int_equal(zb_fontset_add_fallback_memory(fs, bytes, len, 0, NULL), ZB_OK);
    assert_int_equal(zb_fontset_fallback_count(fs), 1);
    assert_str(zb_fontset_fallback_file(fs, 0), "<memory>");

    /* refusals name the font as the caller did, and change nothing */
    assert_int_equal(zb_fontset_set_role_memory(fs, ZB_FONT_BODY, bytes, len, 3, "upload.ttc"), ZB_ERR_VALUE);
    assert_str(zb_fontset_errmsg(fs), "upload.ttc: no face 3: the file has 1 face (index 0)");
    assert_int_equal(zb_fontset_set_role_memory(fs, ZB_FONT_BODY, "not a font", 10, 0, "x.ttf"), ZB_ERR_VALUE);
    assert_contains(zb_fontset_errmsg(fs), "x.ttf: not a TrueType font file");
    assert_ptr_equal(zb_fontset_face(fs, ZB_FONT_BODY), f);
    assert_int_equal(zb_fontset_set_role_memory(fs, ZB_FONT_BODY, NULL, 10, 0, "x.ttf"), ZB_ERR_ARGUMENT);
    assert_contains(zb_fontset_errmsg(fs), "no font bytes given for body");
    assert_int_equal(zb_fontset_set_role_memory(fs, ZB_FONT_BODY, bytes, 0, 0, "x.ttf"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_fontset_set_role_memory(fs, (zb_font_role)9, bytes, len, 0, "x.ttf"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_fontset_set_role_memory(NULL, ZB_FONT_BODY, bytes, len, 0, "x.ttf"), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_fontset_add_fallback_memory(fs, NULL, 0, 0, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_fontset_add_fallback_memory(NULL, bytes, len, 0, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_fontset_add_fallback_memory(fs, "junk", 4, 0, "junk.ttf"), ZB_ERR_VALUE);
    assert_int_equal(zb_fontset_fallback_count(fs), 1);
    free(bytes);

    /* a copy shares the faces */
    zb_fontset *c = zb_fontset_copy(fs);
    assert_ptr_equal(zb_fontset_face(c, ZB_FONT_BODY), f);
    zb_fontset_free(c);
    zb_fontset_free(fs);
    free(song);
}

static void test_threads(void **state)
{
    (void)state;
    need_debian_fonts();
    const char *saved = getenv("ZHIBIAO_FONT_DIR");
    char *keep = saved ? zb_strdup(saved) : NULL;
    unsetenv("ZHIBIAO_FONT_DIR");
    zb_fontset *fs = zb_fontset_new();
    assert_int_equal(zb_fontset_load_defaults(fs), ZB_OK);
    if (keep)
        setenv("ZHIBIAO_FONT_DIR", keep, 1);
    free(keep);

    enum { NTHREADS = 4 };
    worker w[NTHREADS];
    uint32_t cps[NTHREADS][200];
    char *expect[NTHREADS];
    size_t expect_len[NTHREADS];
    long expect_sum[NTHREADS];
    size_t expect_missing[NTHREADS];
    /* what one thread alone computes */
    for (int t = 0; t < NTHREADS; t++) {
        memset(&w[t], 0, sizeof w[t]);
        w[t].fonts = fs;
        w[t].role = (zb_font_role)(t % ZB_FONT_ROLE_COUNT);
        w[t].ncps = pick_chars(zb_fontset_face(fs, w[t].role), cps[t], 200);
        w[t].cps = cps[t];
        assert_int_equal(zb_face_subset(zb_fontset_face(fs, w[t].role), cps[t], w[t].ncps, &expect[t],
                                        &expect_len[t], NULL),
                         ZB_OK);
        w[t].subset = expect[t];
        w[t].subset_len = expect_len[t];
        work(&w[t]);
        assert_true(w[t].same_subset);
        expect_sum[t] = w[t].advance_sum;
        expect_missing[t] = w[t].missing;
    }
    /* the same, four at once on one fontset */
    pthread_t th[NTHREADS];
    for (int t = 0; t < NTHREADS; t++)
        assert_int_equal(pthread_create(&th[t], NULL, work, &w[t]), 0);
    for (int t = 0; t < NTHREADS; t++)
        assert_int_equal(pthread_join(th[t], NULL), 0);
    for (int t = 0; t < NTHREADS; t++) {
        assert_int_equal(w[t].advance_sum, expect_sum[t]);
        assert_int_equal(w[t].missing, expect_missing[t]);
        assert_true(w[t].same_subset);
        free(expect[t]);
    }
    zb_fontset_free(fs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_set_and_metrics),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_face_index),
        cmocka_unit_test(test_fallback_and_pick),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_defaults_order_and_not_found),
        cmocka_unit_test(test_font_dir),
        cmocka_unit_test(test_copy),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_json_errors),
        cmocka_unit_test(test_subset_fixture),
        cmocka_unit_test(test_subset_system_fonts),
        cmocka_unit_test(test_memory),
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests_name("font", tests, NULL, NULL);
}
