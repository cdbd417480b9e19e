/* The image module: PNG seals decoded with libpng. Every colour type and bit depth, interlaced
 * or not, with transparency from an alpha channel or a tRNS chunk, written here with libpng
 * and read back pixel by pixel; the seal corpus in tests/data/seals (as seal makers and
 * ImageMagick save them); damaged, truncated, oversized and fully transparent files refused
 * with a reason, never a crash. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "image/image.h"
#include "support.h"

/* ---- writing test images with libpng ------------------------------------------------- */

typedef struct membuf {
    unsigned char *data;
    size_t len, cap;
} membuf;

static void PNGCBAPI mem_write(png_structp png, png_bytep data, size_t n)
{
    membuf *m = png_get_io_ptr(png);
    if (m->len + n > m->cap) {
        m->cap = (m->len + n) * 2;
        m->data = realloc(m->data, m->cap);
        assert_non_null(m->data);
    }
    memcpy(m->data + m->len, data, n);
    m->len += n;
}

static void PNGCBAPI mem_flush(png_structp png)
{
    (void)png;
}

enum { W = 13, H = 7 }; /* odd sizes: every Adam7 pass has its edge cases */

/* The expected 8-bit RGBA of pixel (x, y) of a test image of the given kind. */
typedef struct kind {
    int color, depth, interlace, trns;
    const char *name;
} kind;

/* A sample of depth bits for (x, y, channel): varied, and full range at the corners. */
static unsigned sample(int x, int y, int c, int depth)
{
    unsigned v = (unsigned)(x * 7 + y * 13 + c * 29 + x * y);
    if (depth == 16)
        return (v % 256) << 8 | (unsigned)((x ^ y) & 0xFF); /* the whole range, low bytes varied */
    return v % (1u << depth);
}

static unsigned to8(unsigned v, int depth)
{
    if (depth == 16)
        return (v * 255u + 32767u) / 65535u; /* png_set_scale_16 rounds to nearest */
    unsigned max = (1u << depth) - 1;
    return v * 255u / max;
}

/* Palette entry i: a colour and an alpha (the tRNS entries cover the first half). */
static void palette_entry(int i, unsigned char rgb[3], unsigned *alpha, int trns, int entries)
{
    rgb[0] = (unsigned char)(i * 37);
    rgb[1] = (unsigned char)(255 - i * 11);
    rgb[2] = (unsigned char)(i * 5 + 3);
    *alpha = trns && i < entries / 2 ? (unsigned)(i * 255 / (entries / 2 ? entries / 2 : 1)) : 255;
}

static void expected(const kind *k, int x, int y, unsigned out[4])
{
    int d = k->depth;
    switch (k->color) {
    case PNG_COLOR_TYPE_GRAY: {
        unsigned v = sample(x, y, 0, d);
        out[0] = out[1] = out[2] = to8(v, d);
        out[3] = k->trns && v == sample(0, 0, 0, d) ? 0 : 255;
        break;
    }
    case PNG_COLOR_TYPE_GRAY_ALPHA:
        out[0] = out[1] = out[2] = to8(sample(x, y, 0, d), d);
        out[3] = to8(sample(x, y, 3, d), d);
        break;
    case PNG_COLOR_TYPE_RGB: {
        int key = 1;
        for (int c = 0; c < 3; c++) {
            out[c] = to8(sample(x, y, c, d), d);
            key &= sample(x, y, c, d) == sample(0, 0, c, d);
        }
        out[3] = k->trns && key ? 0 : 255;
        break;
    }
    case PNG_COLOR_TYPE_RGB_ALPHA:
        for (int c = 0; c < 4; c++)
            out[c] = to8(sample(x, y, c, d), d);
        break;
    default: { /* palette */
        int entries = 1 << d;
        int i = (int)sample(x, y, 0, d);
        unsigned char rgb[3];
        unsigned a;
        palette_entry(i, rgb, &a, k->trns, entries);
        out[0] = rgb[0];
        out[1] = rgb[1];
        out[2] = rgb[2];
        out[3] = a;
        break;
    }
    }
}

/* Packs samples of depth bits, most significant first, as PNG rows hold them. */
static void put_sample(unsigned char *row, size_t index, int depth, unsigned v)
{
    if (depth == 16) {
        row[index * 2] = (unsigned char)(v >> 8);
        row[index * 2 + 1] = (unsigned char)v;
    } else if (depth == 8) {
        row[index] = (unsigned char)v;
    } else {
        size_t bit = index * (size_t)depth;
        int shift = 8 - depth - (int)(bit % 8);
        row[bit / 8] |= (unsigned char)(v << shift);
    }
}

static membuf write_png(const kind *k)
{
    membuf m = {0};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(png);
    assert_non_null(png);
    assert_non_null(info);
    if (setjmp(png_jmpbuf(png)))
        fail_msg("libpng could not write the test image %s", k->name);
    png_set_write_fn(png, &m, mem_write, mem_flush);
    png_set_IHDR(png, info, W, H, k->depth, k->color,
                 k->interlace ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    int channels = k->color == PNG_COLOR_TYPE_RGB ? 3 : k->color == PNG_COLOR_TYPE_RGB_ALPHA ? 4
                   : k->color == PNG_COLOR_TYPE_GRAY_ALPHA ? 2 : 1;
    if (k->color == PNG_COLOR_TYPE_PALETTE) {
        int entries = 1 << k->depth;
        png_color pal[256];
        png_byte alpha[256];
        for (int i = 0; i < entries; i++) {
            unsigned char rgb[3];
            unsigned a;
            palette_entry(i, rgb, &a, k->trns, entries);
            pal[i].red = rgb[0];
            pal[i].green = rgb[1];
            pal[i].blue = rgb[2];
            alpha[i] = (png_byte)a;
        }
        png_set_PLTE(png, info, pal, entries);
        if (k->trns)
            png_set_tRNS(png, info, alpha, entries / 2, NULL);
    } else if (k->trns) {
        png_color_16 key;
        memset(&key, 0, sizeof key);
        key.gray = (png_uint_16)sample(0, 0, 0, k->depth);
        key.red = (png_uint_16)sample(0, 0, 0, k->depth);
        key.green = (png_uint_16)sample(0, 0, 1, k->depth);
        key.blue = (png_uint_16)sample(0, 0, 2, k->depth);
        png_set_tRNS(png, info, NULL, 0, &key);
    }
    png_write_info(png, info);
    size_t stride = ((size_t)W * (size_t)channels * (size_t)k->depth + 7) / 8;
    unsigned char *pixels = calloc(stride * H, 1);
    png_bytep rows[H];
    for (int y = 0; y < H; y++) {
        rows[y] = pixels + (size_t)y * stride;
        for (int x = 0; x < W; x++) {
            for (int c = 0; c < channels; c++) {
                /* Grey+alpha keeps its alpha in channel 3 of sample(): see expected(). */
                int ch = k->color == PNG_COLOR_TYPE_GRAY_ALPHA && c == 1 ? 3 : c;
                put_sample(rows[y], (size_t)x * (size_t)channels + (size_t)c, k->depth,
                           sample(x, y, ch, k->depth));
            }
        }
    }
    png_write_image(png, rows);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    free(pixels);
    return m;
}

/* Every colour type and depth PNG allows, interlaced and not, with and without tRNS. */
static void test_every_kind(void **state)
{
    (void)state;
    static const struct {
        int color;
        int depths[5];
        int trns_ok;
    } types[] = {
        {PNG_COLOR_TYPE_GRAY, {1, 2, 4, 8, 16}, 1},
        {PNG_COLOR_TYPE_GRAY_ALPHA, {8, 16, 0, 0, 0}, 0},
        {PNG_COLOR_TYPE_RGB, {8, 16, 0, 0, 0}, 1},
        {PNG_COLOR_TYPE_RGB_ALPHA, {8, 16, 0, 0, 0}, 0},
        {PNG_COLOR_TYPE_PALETTE, {1, 2, 4, 8, 0}, 1},
    };
    int tried = 0;
    for (size_t t = 0; t < sizeof types / sizeof types[0]; t++) {
        for (int di = 0; di < 5 && types[t].depths[di]; di++) {
            for (int interlace = 0; interlace < 2; interlace++) {
                for (int trns = 0; trns <= types[t].trns_ok; trns++) {
                    char name[64];
                    snprintf(name, sizeof name, "type %d depth %d%s%s", types[t].color,
                             types[t].depths[di], interlace ? " interlaced" : "", trns ? " tRNS" : "");
                    kind k = {types[t].color, types[t].depths[di], interlace, trns, name};
                    membuf m = write_png(&k);
                    zb_image img;
                    zb_error err;
                    zb_status st = zb_png_decode(m.data, m.len, name, &img, &err);
                    if (st)
                        fail_msg("%s: %s", name, err.message);
                    assert_int_equal(img.width, W);
                    assert_int_equal(img.height, H);
                    int translucent = 0;
                    for (int y = 0; y < H; y++) {
                        for (int x = 0; x < W; x++) {
                            unsigned want[4];
                            expected(&k, x, y, want);
                            const unsigned char *p = img.rgb + ((size_t)y * W + (size_t)x) * 3;
                            unsigned a = img.alpha ? img.alpha[(size_t)y * W + (size_t)x] : 255;
                            if (p[0] != want[0] || p[1] != want[1] || p[2] != want[2] || a != want[3])
                                fail_msg("%s: pixel (%d, %d) is %u %u %u %u, want %u %u %u %u", name, x, y,
                                         p[0], p[1], p[2], a, want[0], want[1], want[2], want[3]);
                            translucent |= want[3] != 255;
                        }
                    }
                    /* A mask exactly when some pixel is not opaque. */
                    assert_int_equal(img.alpha != NULL, translucent);
                    zb_image_free(&img);
                    free(m.data);
                    tried++;
                }
            }
        }
    }
    assert_int_equal(tried, 2 * (5 * 2 + 2 + 2 * 2 + 2 + 4 * 2));
}

/* The corpus: files as seal makers and ImageMagick write them (tests/data/seals/README.md). */
static void test_corpus(void **state)
{
    (void)state;
    static const struct {
        const char *file;
        uint32_t w, h;
        int alpha;
    } corpus[] = {
        {"rgba8-interlaced.png", 300, 300, 1},  {"rgba8.png", 160, 160, 1},
        {"rgba16.png", 160, 160, 1},            {"rgba16-interlaced.png", 160, 160, 1},
        {"ga8.png", 160, 160, 1},               {"ga16-interlaced.png", 160, 160, 1},
        {"palette-trns.png", 160, 160, 1},      {"palette-trns-interlaced.png", 160, 160, 1},
        {"palette2-trns.png", 160, 160, 1},     {"rgb8-trns.png", 160, 160, 1},
        {"rgb8-interlaced.png", 160, 160, 0},   {"grey16.png", 160, 160, 0},
        {"grey1-interlaced.png", 160, 160, 0},
    };
    const char *data = getenv("ZB_TEST_DATA");
    assert_non_null(data);
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/seals/%s", data, corpus[i].file);
        zb_image img;
        zb_error err;
        zb_status st = zb_png_load(path, &img, &err);
        if (st)
            fail_msg("%s: %s", corpus[i].file, err.message);
        assert_int_equal(img.width, corpus[i].w);
        assert_int_equal(img.height, corpus[i].h);
        assert_int_equal(img.alpha != NULL, corpus[i].alpha);
        if (corpus[i].alpha) {
            /* The corner is transparent, the ring's top is opaque. */
            assert_int_equal(img.alpha[0], 0);
            size_t top = (size_t)(corpus[i].w / 2) + (size_t)(corpus[i].h / 18) * corpus[i].w;
            assert_true(img.alpha[top] > 200);
        }
        zb_image_free(&img);
    }
}

static void test_refused(void **state)
{
    (void)state;
    zb_image img;
    zb_error err;
    /* Not a PNG at all. */
    assert_int_equal(zb_png_decode("GIF89a......", 12, "x.gif", &img, &err), ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "x.gif is not a PNG"));
    assert_int_equal(zb_png_decode(NULL, 0, NULL, &img, &err), ZB_ERR_VALUE);
    assert_int_equal(zb_png_decode("", 0, "empty.png", &img, &err), ZB_ERR_VALUE);
    /* A file that cannot be read. */
    assert_int_equal(zb_png_load("/nonexistent/seal.png", &img, &err), ZB_ERR_IO);
    assert_non_null(strstr(err.message, "/nonexistent/seal.png"));

    /* Fully transparent: nothing would print. */
    {
        membuf m = {0};
        png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
        png_infop info = png_create_info_struct(png);
        if (setjmp(png_jmpbuf(png)))
            fail();
        png_set_write_fn(png, &m, mem_write, mem_flush);
        png_set_IHDR(png, info, 4, 4, 8, PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_ADAM7,
                     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        png_write_info(png, info);
        unsigned char px[4 * 4 * 4];
        memset(px, 0, sizeof px);
        png_bytep rows[4] = {px, px + 16, px + 32, px + 48};
        png_write_image(png, rows);
        png_write_end(png, info);
        png_destroy_write_struct(&png, &info);
        assert_int_equal(zb_png_decode(m.data, m.len, "clear.png", &img, &err), ZB_ERR_VALUE);
        assert_non_null(strstr(err.message, "transparent"));
        free(m.data);
    }
}

/* A PNG whose header claims a huge image: refused before any pixel is allocated. */
static void test_too_large(void **state)
{
    (void)state;
    static const uint32_t sides[][2] = {{20000, 1}, {1, 20000}, {9000, 9000}, {0x7FFFFFFF, 1}};
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        unsigned char file[8 + 25 + 12];
        static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        memcpy(file, sig, 8);
        unsigned char *c = file + 8;
        c[0] = 0, c[1] = 0, c[2] = 0, c[3] = 13;
        memcpy(c + 4, "IHDR", 4);
        uint32_t w = sides[i][0], h = sides[i][1];
        unsigned char body[13] = {(unsigned char)(w >> 24), (unsigned char)(w >> 16), (unsigned char)(w >> 8),
                                  (unsigned char)w, (unsigned char)(h >> 24), (unsigned char)(h >> 16),
                                  (unsigned char)(h >> 8), (unsigned char)h, 8, 6, 0, 0, 0};
        memcpy(c + 8, body, 13);
        uLong crc = crc32(0L, c + 4, 17);
        c[21] = (unsigned char)(crc >> 24), c[22] = (unsigned char)(crc >> 16);
        c[23] = (unsigned char)(crc >> 8), c[24] = (unsigned char)crc;
        /* IEND */
        unsigned char *e = c + 25;
        e[0] = e[1] = e[2] = e[3] = 0;
        memcpy(e + 4, "IEND", 4);
        crc = crc32(0L, e + 4, 4);
        e[8] = (unsigned char)(crc >> 24), e[9] = (unsigned char)(crc >> 16);
        e[10] = (unsigned char)(crc >> 8), e[11] = (unsigned char)crc;
        zb_image img;
        zb_error err;
        assert_int_equal(zb_png_decode(file, sizeof file, "big.png", &img, &err), ZB_ERR_VALUE);
        assert_non_null(strstr(err.message, "big.png"));
    }
}

/* Every truncation and single-byte change of good files (interlaced RGBA among them):
 * refused or decoded, never a crash or a leak (the suite runs under ASan and valgrind). */
static void test_damage(void **state)
{
    (void)state;
    const kind kinds[] = {{PNG_COLOR_TYPE_RGB_ALPHA, 8, 1, 0, "rgba interlaced"},
                          {PNG_COLOR_TYPE_PALETTE, 4, 0, 1, "palette"},
                          {PNG_COLOR_TYPE_GRAY_ALPHA, 16, 1, 0, "grey alpha 16"}};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        membuf m = write_png(&kinds[k]);
        unsigned char *buf = malloc(m.len);
        zb_image img;
        zb_error err;
        for (size_t cut = 0; cut < m.len; cut++) {
            zb_status st = zb_png_decode(m.data, cut, "cut.png", &img, &err);
            /* A file cut anywhere lacks its IEND: always refused. */
            assert_int_equal(st, ZB_ERR_VALUE);
        }
        for (size_t i = 8; i < m.len; i++) {
            memcpy(buf, m.data, m.len);
            buf[i] ^= 0x5A;
            zb_status st = zb_png_decode(buf, m.len, "flip.png", &img, &err);
            if (st == ZB_OK)
                zb_image_free(&img);
            else
                assert_non_null(strstr(err.message, "flip.png"));
        }
        free(buf);
        free(m.data);
    }
    zb_image_free(NULL);
}

/* A chunk whose length runs past the end of the file is refused before libpng reads it:
 * libpng allocates a chunk's declared length first, so a 200-byte file whose tEXt chunk
 * claims 1.7 GB once cost that much memory (found by fuzz_png); so did one whose chunk
 * header was there without its CRC. */
static void test_chunk_past_end(void **state)
{
    (void)state;
    static const unsigned char oom[] = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0xa0, 0x00, 0x00, 0x00, 0xa0, 0x02, 0x03, 0x00, 0x00, 0x00, 0xf6, 0xa1, 0x8f,
        0xbe, 0x67, 0x00, 0x04, 0x25, 0x74, 0x45, 0x58, 0x74, 0x64, 0x61, 0x74, 0x65, 0x3a, 0x63, 0x72,
        0x65, 0x61, 0x74, 0x65, 0x00, 0x32, 0x30, 0x32, 0x36, 0x2d, 0x31, 0x32, 0x2d, 0x30, 0x33, 0x54};
    zb_image img;
    zb_error err;
    assert_int_equal(zb_png_decode(oom, sizeof oom, "oom.png", &img, &err), ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "oom.png"));
    assert_non_null(strstr(err.message, "the file ends inside its tEXt chunk (of 1728054309 bytes)"));
    /* The chunk's length and type only: the same. */
    assert_int_equal(zb_png_decode(oom, 41, "oom.png", &img, &err), ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "the file ends inside its tEXt chunk (of 1728054309 bytes)"));

    /* A good file with each chunk's length made too large by one, and a chunk type that is
     * no name: refused, naming the chunk or its place. */
    const kind k = {PNG_COLOR_TYPE_RGB_ALPHA, 8, 1, 0, "rgba interlaced"};
    membuf m = write_png(&k);
    unsigned char *buf = malloc(m.len);
    assert_non_null(buf);
    int chunks = 0;
    for (size_t off = 8; off + 12 <= m.len; chunks++) {
        uint32_t n = (uint32_t)m.data[off] << 24 | (uint32_t)m.data[off + 1] << 16 | (uint32_t)m.data[off + 2] << 8 |
                     m.data[off + 3];
        memcpy(buf, m.data, m.len);
        uint32_t big = (uint32_t)(m.len - off - 12) + 1;
        buf[off] = (unsigned char)(big >> 24), buf[off + 1] = (unsigned char)(big >> 16);
        buf[off + 2] = (unsigned char)(big >> 8), buf[off + 3] = (unsigned char)big;
        assert_int_equal(zb_png_decode(buf, m.len, "long.png", &img, &err), ZB_ERR_VALUE);
        char want[80];
        snprintf(want, sizeof want, "the file ends inside its %.4s chunk (of %lu bytes)",
                 (const char *)m.data + off + 4, (unsigned long)big);
        if (!strstr(err.message, want))
            fail_msg("%s: %s", want, err.message);
        if (off == 8) {
            buf[off + 4] = 0x01;
            assert_int_equal(zb_png_decode(buf, m.len, "long.png", &img, &err), ZB_ERR_VALUE);
            assert_non_null(strstr(err.message, "the file ends inside the chunk at byte 8 (of "));
        }
        off += 12 + (size_t)n;
    }
    assert_true(chunks >= 3); /* IHDR, IDAT, IEND at least */
    /* The file itself still decodes. */
    assert_int_equal(zb_png_decode(m.data, m.len, "good.png", &img, &err), ZB_OK);
    zb_image_free(&img);
    free(buf);
    free(m.data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_kind), cmocka_unit_test(test_corpus), cmocka_unit_test(test_refused),
        cmocka_unit_test(test_too_large),  cmocka_unit_test(test_damage), cmocka_unit_test(test_chunk_past_end),
    };
    return cmocka_run_group_tests_name("image", tests, NULL, NULL);
}
