/* The OFD writers (zb_ofd_*): the notice and the bulletin to a file and to memory (the same
 * bytes), their arguments and errors (a bad seal, a destination that cannot be written: the
 * old file stays), the same bytes for the same plan, four threads sharing a plan and a
 * fontset, the package's parts; and the renderer's own pieces: XML escaping (control
 * characters, bytes that are not UTF-8), numbers, SHA-1 and the document's UUID. The pages
 * as readers see them are checked by tests/golden/test_ofd.py and test_ofd_reader.py. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dirent.h>

#include "image/image.h"
#include "render/ofd/render_ofd.h"
#include "support.h"
#include "zhibiao.h"

typedef struct fixture {
    char dir[256];
    zb_plan *plan;     /* the 武义 notice */
    zb_plan *tonglu;   /* the 桐庐 plan with its actuals */
    zb_fontset *fonts;
} fixture;

static void data_path(const char *name, char *out, size_t size)
{
    const char *src = getenv("ZB_SOURCE_DIR");
    snprintf(out, size, "%s/examples/data/%s", src ? src : "../..", name);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || zbt_tmpdir(f->dir, sizeof f->dir, "ofd") != 0)
        return -1;
    f->plan = zb_plan_new();
    f->tonglu = zb_plan_new();
    f->fonts = zb_fontset_new();
    char path[600];
    if (!f->plan || !f->tonglu || !f->fonts || zb_fontset_load_defaults(f->fonts) != ZB_OK)
        return -1;
    data_path("wuyi-2022.json", path, sizeof path);
    if (zb_json_load(f->plan, path) != ZB_OK)
        return -1;
    data_path("tonglu-2024.json", path, sizeof path);
    if (zb_json_load(f->tonglu, path) != ZB_OK)
        return -1;
    data_path("tonglu-2024-actuals.csv", path, sizeof path);
    if (zb_csv_load_actuals(f->tonglu, path, NULL) != ZB_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    int rc = zbt_rmtree(f->dir);
    zb_plan_free(f->plan);
    zb_plan_free(f->tonglu);
    zb_fontset_free(f->fonts);
    free(f);
    return rc;
}

static void write_old(const char *path)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs("old", fp);
    fclose(fp);
}

static void assert_old(const char *path)
{
    size_t len;
    char *s = zbt_slurp(path, &len);
    assert_non_null(s);
    assert_string_equal(s, "old");
    free(s);
}

/* A 2 × 2 red PNG with an alpha channel. */
static const unsigned char red_png[] = {
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x06, 0x00, 0x00, 0x00, 0x72,
    0xB6, 0x0D, 0x24, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x78,
    0x20, 0x20, 0x70, 0x00, 0x84, 0x19, 0x60, 0x0C, 0x00, 0x3F, 0xD2, 0x07, 0x01, 0xF6, 0x25,
    0xD8, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};

/* ---- the renderer's pieces --------------------------------------------------------------- */

static char *escaped(const char *s, size_t n, int attribute)
{
    zb_buf b = {0};
    zb_xml_escape(&b, s, n, attribute);
    zb_buf_addc(&b, '\0');
    return zb_buf_take(&b);
}

static void test_xml_escape(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        size_t n;
        int attribute;
        const char *out;
    } cases[] = {
        {"plain 文字", 0, 0, "plain 文字"},
        {"a<b>&c\"d'", 0, 0, "a&lt;b&gt;&amp;c\"d'"},
        {"a<b>&c\"d'", 0, 1, "a&lt;b&gt;&amp;c&quot;d'"},
        {"tab\tlf\ncr\r", 0, 0, "tab\tlf\ncr\r"},
        {"tab\tlf\ncr\r", 0, 1, "tab&#9;lf&#10;cr&#13;"},
        /* Control characters XML 1.0 cannot hold, even as references. */
        {"a\x01" "b\x1f" "c\x0b" "d\x0c", 0, 0, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD"},
        {"nul\0after", 9, 0, "nul\xEF\xBF\xBD" "after"},
        /* U+FFFE and U+FFFF are not characters; U+FFFD and U+10000 are. */
        {"\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD\xF0\x90\x80\x80", 0, 0,
         "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xF0\x90\x80\x80"},
        /* Bytes that are not UTF-8: a lone continuation, a cut sequence, an overlong form. */
        {"a\x80z", 0, 0, "a\xEF\xBF\xBDz"},
        {"a\xE6\x96", 0, 0, "a\xEF\xBF\xBD\xEF\xBF\xBD"},
        {"\xC0\xAF", 0, 0, "\xEF\xBF\xBD\xEF\xBF\xBD"},
        {"C1 \xC2\x85 stays", 0, 0, "C1 \xC2\x85 stays"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = cases[i].n ? cases[i].n : strlen(cases[i].in);
        char *s = escaped(cases[i].in, n, cases[i].attribute);
        assert_non_null(s);
        if (strcmp(s, cases[i].out) != 0)
            fail_msg("case %zu: got \"%s\", want \"%s\"", i, s, cases[i].out);
        free(s);
    }
}

static void test_xml_number(void **state)
{
    (void)state;
    static const struct {
        double v;
        int decimals;
        const char *out;
    } cases[] = {
        {0, 2, "0"},          {210, 2, "210"},        {5.571428, 2, "5.57"}, {5.575, 2, "5.58"},
        {-0.001, 2, "0"},     {-1.25, 2, "-1.25"},    {1.5, 3, "1.5"},       {0.3528, 4, "0.3528"},
        {0.35, 3, "0.35"},    {7.7611, 4, "7.7611"},  {1e30, 2, "1000000000000"},
        {NAN, 2, "0"},  {12.999, 2, "13"},      {3.14159, 0, "3"},     {2.5, 9, "2.5"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        zb_buf b = {0};
        zb_xml_number(&b, cases[i].v, cases[i].decimals);
        zb_buf_addc(&b, '\0');
        if (strcmp(b.data, cases[i].out) != 0)
            fail_msg("case %zu: got \"%s\", want \"%s\"", i, b.data, cases[i].out);
        zb_buf_free(&b);
    }
}

static void hex(const unsigned char *h, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", h[i]);
}

static void test_sha1(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        const char *digest;
    } cases[] = {
        {"", "da39a3ee5e6b4b0d3255bfef95601890afd80709"},
        {"abc", "a9993e364706816aba3e25717850c26c9cd0d89d"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"},
    };
    unsigned char h[20];
    char out[41];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        zb_sha1 s;
        zb_sha1_init(&s);
        zb_sha1_update(&s, cases[i].in, strlen(cases[i].in));
        zb_sha1_final(&s, h);
        hex(h, 20, out);
        assert_string_equal(out, cases[i].digest);
    }
    /* A million a's, fed in uneven pieces. */
    zb_sha1 s;
    zb_sha1_init(&s);
    char a[997];
    memset(a, 'a', sizeof a);
    size_t left = 1000000;
    while (left) {
        size_t n = left < sizeof a ? left : sizeof a;
        zb_sha1_update(&s, a, n);
        left -= n;
    }
    zb_sha1_final(&s, h);
    hex(h, 20, out);
    assert_string_equal(out, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");

    /* The document identifier: a version-5 UUID, the same for the same name only. */
    char u1[33], u2[33], u3[33];
    zb_ofd_uuid_begin(&s);
    zb_sha1_update(&s, "page", 4);
    zb_ofd_uuid_end(&s, u1);
    zb_ofd_uuid_begin(&s);
    zb_sha1_update(&s, "page", 4);
    zb_ofd_uuid_end(&s, u2);
    zb_ofd_uuid_begin(&s);
    zb_sha1_update(&s, "page!", 5);
    zb_ofd_uuid_end(&s, u3);
    assert_string_equal(u1, u2);
    assert_string_not_equal(u1, u3);
    assert_int_equal(strlen(u1), 32);
    assert_int_equal(u1[12], '5');
    assert_non_null(strchr("89ab", u1[16]));
}

/* ---- the writers ----------------------------------------------------------------------- */

static void test_notice(void **state)
{
    fixture *f = *state;
    char path[600];
    zbt_path(f->dir, "n.ofd", path, sizeof path);
    zb_pdf_info info, pinfo;
    zb_error err;
    zb_status st = zb_ofd_write_notice(f->plan, f->fonts, path, NULL, &info, &err);
    if (st)
        fail_msg("%s", err.message);
    size_t len;
    char *file = zbt_slurp(path, &len);
    assert_non_null(file);
    assert_int_equal(info.bytes, len);
    assert_memory_equal(file, "PK\x03\x04", 4);
    /* The same pages as the PDF. */
    char pdf[600];
    zbt_path(f->dir, "n.pdf", pdf, sizeof pdf);
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, pdf, NULL, &pinfo, &err), ZB_OK);
    assert_int_equal(info.pages, pinfo.pages);
    assert_int_equal(info.fallback_chars, pinfo.fallback_chars);
    assert_string_equal(info.fallback_note, pinfo.fallback_note);

    /* The parts a reader looks for. */
    char *entry = zbt_unzip_member(path, "OFD.xml");
    assert_non_null(entry);
    assert_non_null(strstr(entry, "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\""));
    assert_non_null(strstr(entry, "<ofd:Author>武义县人民政府</ofd:Author>"));
    assert_non_null(strstr(entry, "<ofd:CreationDate>2022-03-24</ofd:CreationDate>"));
    assert_non_null(strstr(entry, "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"));
    free(entry);
    char *doc = zbt_unzip_member(path, "Doc_0/Document.xml");
    assert_non_null(doc);
    assert_int_equal(zbt_count(doc, "<ofd:Page ID="), (size_t)info.pages);
    assert_non_null(strstr(doc, "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"));
    free(doc);
    char *res = zbt_unzip_member(path, "Doc_0/PublicRes.xml");
    assert_non_null(res);
    assert_non_null(strstr(res, "FontName=\"仿宋_GB2312\""));
    assert_non_null(strstr(res, "FontName=\"方正小标宋简体\""));
    free(res);
    char *page = zbt_unzip_member(path, "Doc_0/Pages/Page_0/Content.xml");
    assert_non_null(page);
    assert_non_null(strstr(page, "<ofd:FillColor Value=\"255 51 51\"/>"));   /* the red mark (Y80 M80) */
    assert_non_null(strstr(page, "<ofd:StrokeColor Value=\"255 51 51\"/>")); /* the red rule */
    assert_non_null(strstr(page, "DeltaX=\"g "));
    free(page);

    /* To memory: the file's bytes, and no file anywhere. */
    char *mem = NULL;
    size_t mlen = 0;
    zb_pdf_info minfo;
    assert_int_equal(zb_ofd_notice_to_buffer(f->plan, f->fonts, NULL, &mem, &mlen, &minfo, &err), ZB_OK);
    assert_int_equal(mlen, len);
    assert_memory_equal(mem, file, len);
    assert_int_equal(minfo.bytes, mlen);
    assert_int_equal(minfo.pages, info.pages);
    zb_free(mem);
    free(file);
    assert_int_equal(zbt_files_in(f->dir), 2);
}

static void test_bulletin(void **state)
{
    fixture *f = *state;
    char path[600];
    zbt_path(f->dir, "b.ofd", path, sizeof path);
    zb_pdf_info info;
    zb_error err;
    zb_bulletin_options o = {0};
    o.doc_number = "桐经信〔2024〕15号";
    zb_status st = zb_ofd_write_bulletin(f->tonglu, f->fonts, "2024-06", path, &o, &info, &err);
    if (st)
        fail_msg("%s", err.message);
    assert_true(info.pages >= 3);
    char *entry = zbt_unzip_member(path, "OFD.xml");
    assert_non_null(entry);
    assert_non_null(strstr(entry, "<ofd:Title>关于2024年第二季度"));
    assert_non_null(strstr(entry, "<ofd:CreationDate>2024-06-30</ofd:CreationDate>"));
    free(entry);
    size_t len;
    char *file = zbt_slurp(path, &len);
    char *mem = NULL;
    size_t mlen = 0;
    assert_int_equal(zb_ofd_bulletin_to_buffer(f->tonglu, f->fonts, "2024-06", &o, &mem, &mlen, NULL, &err), ZB_OK);
    assert_int_equal(mlen, len);
    assert_memory_equal(mem, file, len);
    zb_free(mem);
    free(file);
    /* A period outside the plan: the evaluation's error, nothing written. */
    char other[600];
    zbt_path(f->dir, "x.ofd", other, sizeof other);
    assert_int_equal(zb_ofd_write_bulletin(f->tonglu, f->fonts, "2019-06", other, NULL, NULL, &err), ZB_ERR_VALUE);
    assert_int_equal(access(other, F_OK), -1);
}

static void test_arguments(void **state)
{
    fixture *f = *state;
    zb_error err;
    char *mem = (char *)"untouched";
    size_t len = 7;
    char path[600];
    zbt_path(f->dir, "a.ofd", path, sizeof path);
    assert_int_equal(zb_ofd_write_notice(NULL, f->fonts, path, NULL, NULL, &err), ZB_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "no plan"));
    assert_int_equal(zb_ofd_write_notice(f->plan, f->fonts, NULL, NULL, NULL, &err), ZB_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "no output path"));
    assert_int_equal(zb_ofd_write_notice(f->plan, f->fonts, "", NULL, NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_ofd_write_bulletin(f->tonglu, f->fonts, NULL, path, NULL, NULL, &err), ZB_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "no period"));
    assert_int_equal(zb_ofd_write_bulletin(f->tonglu, f->fonts, "2024-06", NULL, NULL, NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_ofd_notice_to_buffer(f->plan, f->fonts, NULL, NULL, &len, NULL, &err), ZB_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "out and len"));
    assert_int_equal(zb_ofd_notice_to_buffer(f->plan, f->fonts, NULL, &mem, NULL, NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_ofd_bulletin_to_buffer(NULL, f->fonts, "2024-06", NULL, &mem, &len, NULL, &err), ZB_ERR_ARGUMENT);
    assert_null(mem); /* cleared whatever fails */
    assert_int_equal(len, 0);
    assert_int_equal(access(path, F_OK), -1);
    /* NULL error and info are allowed; NULL fonts means the defaults. */
    assert_int_equal(zb_ofd_write_notice(f->plan, NULL, path, NULL, NULL, NULL), ZB_OK);
}

static void test_bad_seal(void **state)
{
    fixture *f = *state;
    char path[600], seal[600];
    zbt_path(f->dir, "s.ofd", path, sizeof path);
    write_old(path);
    zb_error err;
    zb_notice_options o = {0};
    zbt_path(f->dir, "missing.png", seal, sizeof seal);
    o.seal_png = seal;
    assert_int_equal(zb_ofd_write_notice(f->plan, f->fonts, path, &o, NULL, &err), ZB_ERR_IO);
    assert_non_null(strstr(err.message, seal));
    assert_old(path);
    zbt_path(f->dir, "text.png", seal, sizeof seal);
    write_old(seal);
    assert_int_equal(zb_ofd_write_notice(f->plan, f->fonts, path, &o, NULL, &err), ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "not a PNG"));
    assert_old(path);
    /* A PNG header over garbage. */
    static const unsigned char head[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                                         'I', 'H', 'D', 'R', 0, 0, 0, 8, 0, 0, 0, 8, 8, 6, 0, 0, 0};
    FILE *fp = fopen(seal, "wb");
    assert_non_null(fp);
    fwrite(head, 1, sizeof head, fp);
    fclose(fp);
    assert_int_not_equal(zb_ofd_write_notice(f->plan, f->fonts, path, &o, NULL, &err), ZB_OK);
    assert_old(path);
    char *mem = NULL;
    size_t len = 0;
    assert_int_not_equal(zb_ofd_notice_to_buffer(f->plan, f->fonts, &o, &mem, &len, NULL, &err), ZB_OK);
    assert_null(mem);
    assert_int_equal(len, 0);
}

/* The seal in the package decodes to the pixels (and alpha) of the seal given. */
static void assert_seal_pixels(const char *ofd, const char *seal)
{
    char cmd[1400], out[700];
    snprintf(out, sizeof out, "%s.image.png", ofd);
    snprintf(cmd, sizeof cmd, "unzip -p '%s' Doc_0/Res/image_0.png > '%s'", ofd, out);
    assert_int_equal(system(cmd), 0);
    zb_image want, got;
    zb_error err;
    assert_int_equal(zb_png_load(seal, &want, &err), ZB_OK);
    if (zb_png_load(out, &got, &err) != ZB_OK)
        fail_msg("%s: %s", seal, err.message);
    assert_int_equal(got.width, want.width);
    assert_int_equal(got.height, want.height);
    assert_memory_equal(got.rgb, want.rgb, (size_t)want.width * want.height * 3);
    assert_int_equal(got.alpha != NULL, want.alpha != NULL);
    if (want.alpha)
        assert_memory_equal(got.alpha, want.alpha, (size_t)want.width * want.height);
    /* A plain PNG: 8 bits, RGB or RGBA, not interlaced (IHDR bytes 24..28). */
    size_t len;
    char *png = zbt_slurp(out, &len);
    assert_non_null(png);
    assert_true(len > 33);
    assert_int_equal((unsigned char)png[24], 8);
    assert_int_equal((unsigned char)png[25], want.alpha ? 6 : 2);
    assert_int_equal((unsigned char)png[28], 0);
    free(png);
    zb_image_free(&want);
    zb_image_free(&got);
    unlink(out);
}

/* Every kind of PNG a seal comes as (palette, grey, 16 bits, tRNS, interlaced): the package
 * carries the same pixels, as a plain 8-bit PNG. */
static void test_seal_variants(void **state)
{
    fixture *f = *state;
    const char *data = getenv("ZB_TEST_DATA");
    char dir[600];
    snprintf(dir, sizeof dir, "%s/seals", data ? data : "../../tests/data");
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".png") != 0)
            continue;
        char seal[1200], path[700];
        snprintf(seal, sizeof seal, "%s/%s", dir, e->d_name);
        zbt_path(f->dir, "v.ofd", path, sizeof path);
        zb_notice_options o = {0};
        o.seal_png = seal;
        o.omit_attachments = 1;
        zb_error err;
        if (zb_ofd_write_notice(f->plan, f->fonts, path, &o, NULL, &err) != ZB_OK)
            fail_msg("%s: %s", e->d_name, err.message);
        assert_seal_pixels(path, seal);
        n++;
    }
    closedir(d);
    assert_true(n >= 10);
}

static void test_seal(void **state)
{
    fixture *f = *state;
    char path[600], seal[600];
    zbt_path(f->dir, "seal.ofd", path, sizeof path);
    zbt_path(f->dir, "seal.png", seal, sizeof seal);
    FILE *fp = fopen(seal, "wb");
    assert_non_null(fp);
    fwrite(red_png, 1, sizeof red_png, fp);
    fclose(fp);
    zb_notice_options o = {0};
    o.seal_png = seal;
    zb_error err;
    zb_status st = zb_ofd_write_notice(f->plan, f->fonts, path, &o, NULL, &err);
    if (st)
        fail_msg("%s", err.message);
    /* The PDF's pixels, their alpha channel with them. */
    assert_seal_pixels(path, seal);
    char *res = zbt_unzip_member(path, "Doc_0/DocumentRes.xml");
    assert_non_null(res);
    assert_non_null(strstr(res, "Type=\"Image\" Format=\"PNG\"><ofd:MediaFile>image_0.png</ofd:MediaFile>"));
    free(res);
    char *doc = zbt_unzip_member(path, "Doc_0/Document.xml");
    assert_non_null(strstr(doc, "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>"));
    free(doc);
    /* Without a seal there are no document resources. */
    assert_int_equal(zb_ofd_write_notice(f->plan, f->fonts, path, NULL, NULL, &err), ZB_OK);
    doc = zbt_unzip_member(path, "Doc_0/Document.xml");
    assert_null(strstr(doc, "DocumentRes"));
    free(doc);
}

static void test_unwritable(void **state)
{
    fixture *f = *state;
    char path[600];
    zb_error err;
    zbt_path(f->dir, "no/such/folder/n.ofd", path, sizeof path);
    assert_int_equal(zb_ofd_write_notice(f->plan, f->fonts, path, NULL, NULL, &err), ZB_ERR_WRITE);
    assert_non_null(strstr(err.message, path));
    /* A directory where the file should go. */
    zbt_path(f->dir, "folder.ofd", path, sizeof path);
    assert_int_equal(mkdir(path, 0755), 0);
    assert_int_equal(zb_ofd_write_notice(f->plan, f->fonts, path, NULL, NULL, &err), ZB_ERR_WRITE);
    /* A failure in the layout leaves the old file. */
    zbt_path(f->dir, "n.ofd", path, sizeof path);
    write_old(path);
    zb_plan *p = zb_plan_new();
    assert_int_equal(zb_plan_set_meta(p, ZB_META_TITLE, "关于印发方案的通知"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_ORGAN, "武义县人民政府"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_NOTE, "😀"), ZB_OK);
    assert_int_equal(zb_ofd_write_notice(p, f->fonts, path, NULL, NULL, &err), ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "U+1F600"));
    assert_old(path);
    zb_plan_free(p);
}

static void test_deterministic(void **state)
{
    fixture *f = *state;
    char *a = NULL, *b = NULL;
    size_t la = 0, lb = 0;
    assert_int_equal(zb_ofd_notice_to_buffer(f->plan, f->fonts, NULL, &a, &la, NULL, NULL), ZB_OK);
    /* The clock and the time zone play no part. */
    const char *tz = getenv("TZ");
    char *saved = tz ? strdup(tz) : NULL;
    setenv("TZ", "America/Los_Angeles", 1);
    sleep(1);
    assert_int_equal(zb_ofd_notice_to_buffer(f->plan, f->fonts, NULL, &b, &lb, NULL, NULL), ZB_OK);
    if (saved) {
        setenv("TZ", saved, 1);
        free(saved);
    } else {
        unsetenv("TZ");
    }
    assert_int_equal(la, lb);
    assert_memory_equal(a, b, la);
    zb_free(a);
    zb_free(b);
    /* Another document, another identifier. */
    zb_notice_options o = {0};
    o.omit_attachments = 1;
    char p1[600], p2[600];
    zbt_path(f->dir, "1.ofd", p1, sizeof p1);
    zbt_path(f->dir, "2.ofd", p2, sizeof p2);
    assert_int_equal(zb_ofd_write_notice(f->plan, f->fonts, p1, NULL, NULL, NULL), ZB_OK);
    assert_int_equal(zb_ofd_write_notice(f->plan, f->fonts, p2, &o, NULL, NULL), ZB_OK);
    char *e1 = zbt_unzip_member(p1, "OFD.xml"), *e2 = zbt_unzip_member(p2, "OFD.xml");
    char *d1 = strstr(e1, "<ofd:DocID>"), *d2 = strstr(e2, "<ofd:DocID>");
    assert_non_null(d1);
    assert_non_null(d2);
    assert_memory_not_equal(d1, d2, 11 + 32);
    free(e1);
    free(e2);
}

typedef struct job {
    const fixture *f;
    int n;
    char *data;
    size_t len;
    zb_status st;
} job;

static void *write_job(void *arg)
{
    job *j = arg;
    if (j->n % 2) {
        j->st = zb_ofd_notice_to_buffer(j->f->plan, j->f->fonts, NULL, &j->data, &j->len, NULL, NULL);
    } else {
        char path[600];
        snprintf(path, sizeof path, "%s/t%d.ofd", j->f->dir, j->n);
        j->st = zb_ofd_write_notice(j->f->plan, j->f->fonts, path, NULL, NULL, NULL);
        j->data = zbt_slurp(path, &j->len);
    }
    return NULL;
}

static void test_threads(void **state)
{
    fixture *f = *state;
    enum { N = 4 };
    pthread_t th[N];
    job jobs[N];
    for (int i = 0; i < N; i++) {
        memset(&jobs[i], 0, sizeof jobs[i]);
        jobs[i].f = f;
        jobs[i].n = i;
        assert_int_equal(pthread_create(&th[i], NULL, write_job, &jobs[i]), 0);
    }
    for (int i = 0; i < N; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    for (int i = 0; i < N; i++) {
        assert_int_equal(jobs[i].st, ZB_OK);
        assert_non_null(jobs[i].data);
        assert_int_equal(jobs[i].len, jobs[0].len);
        assert_memory_equal(jobs[i].data, jobs[0].data, jobs[0].len);
    }
    for (int i = 0; i < N; i++) {
        if (jobs[i].n % 2)
            zb_free(jobs[i].data);
        else
            free(jobs[i].data);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xml_escape),
        cmocka_unit_test(test_xml_number),
        cmocka_unit_test(test_sha1),
        cmocka_unit_test_setup_teardown(test_notice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bulletin, setup, teardown),
        cmocka_unit_test_setup_teardown(test_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_seal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_seal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_seal_variants, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
