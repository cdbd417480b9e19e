/* Checks a PNG file through before libharu reads it. libharu 2.3.0 gives libpng an error
 * handler that returns, so libpng aborts the process on a damaged file: every check libpng
 * would fail on (chunk CRCs, IHDR values, chunk order, the palette, the compressed data and
 * each row's filter byte) is made here first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "image/image.h"

#define PNG_MAX_SIDE 10000
#define PNG_MAX_PIXELS 25000000UL
#define PNG_MAX_FILE (64u << 20)

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The rows of the image (all of them, or of each Adam7 pass) as the decoder sees them. */
typedef struct png_rows {
    size_t pass_rows[7], pass_bytes[7]; /* rows and bytes a row (filter byte included) */
    int passes, pass;
    size_t row, col; /* position in the current pass */
    size_t total, seen;
    int bad_filter;
} png_rows;

static size_t row_bytes(uint32_t width, unsigned bits_per_pixel)
{
    return ((size_t)width * bits_per_pixel + 7) / 8 + 1;
}

static void rows_init(png_rows *r, uint32_t w, uint32_t h, unsigned bpp, int interlaced)
{
    memset(r, 0, sizeof *r);
    if (!interlaced) {
        r->passes = 1;
        r->pass_rows[0] = h;
        r->pass_bytes[0] = row_bytes(w, bpp);
    } else {
        static const int x0[7] = {0, 4, 0, 2, 0, 1, 0}, dx[7] = {8, 8, 4, 4, 2, 2, 1};
        static const int y0[7] = {0, 0, 4, 0, 2, 0, 1}, dy[7] = {8, 8, 8, 4, 4, 2, 2};
        r->passes = 7;
        for (int p = 0; p < 7; p++) {
            size_t pw = w > (uint32_t)x0[p] ? (w - (uint32_t)x0[p] + (uint32_t)dx[p] - 1) / (uint32_t)dx[p] : 0;
            size_t ph = h > (uint32_t)y0[p] ? (h - (uint32_t)y0[p] + (uint32_t)dy[p] - 1) / (uint32_t)dy[p] : 0;
            r->pass_rows[p] = pw && ph ? ph : 0;
            r->pass_bytes[p] = pw ? row_bytes((uint32_t)pw, bpp) : 0;
        }
    }
    for (int p = 0; p < r->passes; p++)
        r->total += r->pass_rows[p] * r->pass_bytes[p];
}

/* Walks decompressed bytes, checking the filter byte that starts each row. */
static void rows_feed(png_rows *r, const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n;) {
        while (r->pass < r->passes && (r->pass_rows[r->pass] == 0 || r->row >= r->pass_rows[r->pass])) {
            r->pass++;
            r->row = 0;
            r->col = 0;
        }
        if (r->pass >= r->passes) {
            r->seen += n - i;
            return;
        }
        if (r->col == 0 && b[i] > 4)
            r->bad_filter = 1;
        size_t take = r->pass_bytes[r->pass] - r->col;
        if (take > n - i)
            take = n - i;
        r->col += take;
        r->seen += take;
        i += take;
        if (r->col == r->pass_bytes[r->pass]) {
            r->col = 0;
            r->row++;
        }
    }
}

static zb_status bad(zb_error *err, const char *path, const char *why)
{
    return zb_error_set(err, ZB_ERR_VALUE, "the seal image %s is not a PNG file that can be read: %s",
                        path, why);
}

zb_status zb_png_check(const char *path, double *width, double *height, zb_error *err)
{
    char *data = NULL;
    size_t len = 0;
    zb_error rerr;
    if (zb_read_file(path, &data, &len, &rerr))
        return zb_error_set(err, ZB_ERR_IO, "cannot read the seal image: %s", rerr.message);
    const unsigned char *p = (const unsigned char *)data;
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (len < 8 || memcmp(p, sig, 8) != 0) {
        free(data);
        return zb_error_set(err, ZB_ERR_VALUE, "the seal image %s is not a PNG file", path);
    }
    if (len > PNG_MAX_FILE) {
        free(data);
        return bad(err, path, "larger than 64 MB");
    }
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK) {
        free(data);
        return zb_error_set(err, ZB_ERR_NOMEM, "out of memory");
    }
    unsigned char out[16384];
    png_rows rows;
    memset(&rows, 0, sizeof rows);
    uint32_t w = 0, h = 0;
    unsigned depth = 0, color = 0;
    size_t palette = 0;
    int seen_ihdr = 0, seen_plte = 0, idat_state = 0, seen_iend = 0, z_end = 0;
    const char *why = NULL;
    size_t off = 8;
    while (!why && !seen_iend) {
        if (len - off < 12) {
            why = "it ends before its IEND chunk";
            break;
        }
        uint32_t n = be32(p + off);
        const unsigned char *type = p + off + 4;
        if (n > 0x7FFFFFFFu || n > len - off - 12) {
            why = "a chunk runs past the end of the file";
            break;
        }
        const unsigned char *body = p + off + 8;
        uint32_t crc = (uint32_t)crc32(0L, type, (uInt)(n + 4));
        if (crc != be32(body + n)) {
            why = "a chunk's CRC does not match";
            break;
        }
        for (int k = 0; k < 4; k++)
            if (!((type[k] >= 'A' && type[k] <= 'Z') || (type[k] >= 'a' && type[k] <= 'z')))
                why = "a chunk has a bad name";
        if (why)
            break;
        int is_idat = memcmp(type, "IDAT", 4) == 0;
        if (idat_state == 1 && !is_idat)
            idat_state = 2;
        if (!seen_ihdr && memcmp(type, "IHDR", 4) != 0) {
            why = "it does not start with IHDR";
        } else if (memcmp(type, "IHDR", 4) == 0) {
            if (seen_ihdr || n != 13) {
                why = "a bad IHDR chunk";
                break;
            }
            seen_ihdr = 1;
            w = be32(body);
            h = be32(body + 4);
            depth = body[8];
            color = body[9];
            int ok_depth = (color == 0 && (depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16)) ||
                           (color == 3 && (depth == 1 || depth == 2 || depth == 4 || depth == 8)) ||
                           ((color == 2 || color == 4 || color == 6) && (depth == 8 || depth == 16));
            if (!ok_depth || body[10] != 0 || body[11] != 0 || body[12] > 1)
                why = "its IHDR values are invalid";
            else if (!w || !h || w > PNG_MAX_SIDE || h > PNG_MAX_SIDE ||
                     (unsigned long)w * h > PNG_MAX_PIXELS)
                why = "its size is zero or too large";
            else {
                unsigned channels = color == 2 ? 3 : color == 4 ? 2 : color == 6 ? 4 : 1;
                rows_init(&rows, w, h, channels * depth, body[12]);
            }
        } else if (memcmp(type, "PLTE", 4) == 0) {
            if (seen_plte || idat_state || n % 3 || n == 0 || n / 3 > 256 || color == 0 || color == 4 ||
                (color == 3 && n / 3 > (1u << depth)))
                why = "a bad palette";
            seen_plte = 1;
            palette = n / 3;
        } else if (memcmp(type, "tRNS", 4) == 0) {
            if (idat_state || (color == 3 && (!seen_plte || n > palette)) || (color == 0 && n != 2) ||
                (color == 2 && n != 6) || color == 4 || color == 6)
                why = "a bad transparency chunk";
        } else if (is_idat) {
            if (idat_state == 2)
                why = "its IDAT chunks are not consecutive";
            else if (color == 3 && !seen_plte)
                why = "a palette image without a palette";
            idat_state = 1;
            z.next_in = (Bytef *)body;
            z.avail_in = n;
            while (!why && z.avail_in && !z_end) {
                z.next_out = out;
                z.avail_out = sizeof out;
                int rc = inflate(&z, Z_NO_FLUSH);
                rows_feed(&rows, out, sizeof out - z.avail_out);
                if (rc == Z_STREAM_END)
                    z_end = 1;
                else if (rc != Z_OK && rc != Z_BUF_ERROR)
                    why = "its image data is damaged";
                else if (rc == Z_BUF_ERROR && z.avail_out)
                    break;
            }
        } else if (memcmp(type, "IEND", 4) == 0) {
            seen_iend = 1;
            if (n)
                why = "a bad IEND chunk";
        } else if (!(type[0] & 0x20)) {
            why = "an unknown critical chunk";
        }
        off += 12 + n;
    }
    if (!why && idat_state == 0)
        why = "it has no image data";
    if (!why && (!z_end || rows.seen != rows.total))
        why = "its image data has the wrong size";
    if (!why && rows.bad_filter)
        why = "a row has a bad filter type";
    inflateEnd(&z);
    free(data);
    if (why)
        return bad(err, path, why);
    *width = w;
    *height = h;
    return ZB_OK;
}
