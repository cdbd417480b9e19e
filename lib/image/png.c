/* PNG images (the seal) decoded with libpng: palette, grey and colour, 1 to 16 bits, with an
 * alpha channel or a tRNS chunk, interlaced or not, all come out as 8-bit RGB plus an 8-bit
 * alpha mask. libpng's errors return here through its error handler (setjmp/longjmp), so a
 * damaged file is refused with libpng's reason and never ends the process. */
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image/image.h"

#define PNG_MAX_SIDE 10000
#define PNG_MAX_PIXELS 25000000UL
#define PNG_MAX_FILE (64u << 20)
#define PNG_MAX_CHUNK (8u << 20) /* ancillary chunks (text, profiles) a seal never needs */

/* The decoding state, outside the frame that calls setjmp so that nothing in it is lost
 * when libpng jumps back. */
typedef struct png_job {
    const unsigned char *data;
    size_t len, off;
    png_structp png;
    png_infop info;
    unsigned char *pixels; /* RGBA rows */
    png_bytep *rows;
    uint32_t width, height;
    char why[160];
    jmp_buf jump;
} png_job;

static void PNGCBAPI on_error(png_structp png, png_const_charp msg)
{
    png_job *job = png_get_error_ptr(png);
    snprintf(job->why, sizeof job->why, "%s", msg ? msg : "libpng failed");
    longjmp(job->jump, 1);
}

static void PNGCBAPI on_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

static void PNGCBAPI on_read(png_structp png, png_bytep out, size_t n)
{
    png_job *job = png_get_io_ptr(png);
    if (n > job->len - job->off)
        png_error(png, "the file ends before its image is complete");
    memcpy(out, job->data + job->off, n);
    job->off += n;
}

/* Runs libpng over job->data into job->pixels (RGBA, 8 bits). 0 on success; -1 with
 * job->why set. */
static int run_libpng(png_job *job)
{
    if (setjmp(job->jump))
        return -1;
    png_structp png = job->png;
    png_infop info = job->info;
    png_set_read_fn(png, job, on_read);
    png_set_user_limits(png, PNG_MAX_SIDE, PNG_MAX_SIDE);
    png_set_chunk_malloc_max(png, PNG_MAX_CHUNK);
    png_read_info(png, info);
    job->width = png_get_image_width(png, info);
    job->height = png_get_image_height(png, info);
    if ((unsigned long)job->width * job->height > PNG_MAX_PIXELS)
        png_error(png, "its size is too large");
    int color = png_get_color_type(png, info);
    /* Everything to 8-bit RGBA: palettes and low-bit grey expanded, tRNS made an alpha
     * channel, 16 bits scaled down, grey made RGB, an opaque alpha added where none is. */
    png_set_expand(png);
    png_set_scale_16(png);
    png_set_gray_to_rgb(png);
    if (!(color & PNG_COLOR_MASK_ALPHA) && !png_get_valid(png, info, PNG_INFO_tRNS))
        png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    size_t stride = png_get_rowbytes(png, info);
    if (stride != (size_t)job->width * 4)
        png_error(png, "its pixels cannot be converted to RGBA");
    job->pixels = malloc(stride * job->height);
    job->rows = malloc(job->height * sizeof *job->rows);
    if (!job->pixels || !job->rows)
        png_error(png, "out of memory");
    for (uint32_t y = 0; y < job->height; y++)
        job->rows[y] = job->pixels + (size_t)y * stride;
    png_read_image(png, job->rows);
    png_read_end(png, NULL);
    return 0;
}

static zb_status refuse(zb_error *err, const char *name, const char *why)
{
    return zb_error_set(err, ZB_ERR_VALUE, "the seal image %s is not a PNG file that can be drawn: %s",
                        name, why);
}

/* libpng allocates a chunk's declared length before it reads the chunk, so a damaged length
 * in a file of a few hundred bytes would cost up to 2 GB: every chunk up to IEND is checked
 * against the bytes there are first. 1 with why set when one runs past the end; 0 otherwise
 * (libpng then says what else is wrong, a missing IEND among it). */
static int chunk_past_end(const unsigned char *d, size_t len, char *why, size_t cap)
{
    size_t off = 8;
    while (len - off >= 8) {
        uint32_t n = (uint32_t)d[off] << 24 | (uint32_t)d[off + 1] << 16 | (uint32_t)d[off + 2] << 8 | d[off + 3];
        const unsigned char *type = d + off + 4;
        size_t rest = len - off - 8; /* the chunk's data and its 4-byte CRC */
        if (n > rest || rest - n < 4) {
            int letters = 1;
            for (int i = 0; i < 4; i++)
                letters &= (type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= 'a' && type[i] <= 'z');
            if (letters)
                snprintf(why, cap, "the file ends inside its %.4s chunk (of %lu bytes)", (const char *)type,
                         (unsigned long)n);
            else
                snprintf(why, cap, "the file ends inside the chunk at byte %zu (of %lu bytes)", off,
                         (unsigned long)n);
            return 1;
        }
        if (memcmp(type, "IEND", 4) == 0)
            return 0;
        off += 12 + (size_t)n;
    }
    return 0;
}

zb_status zb_png_decode(const void *data, size_t len, const char *name, zb_image *out,
                        zb_error *err)
{
    if (!name)
        name = "(bytes)";
    if (!data || len < 8 || png_sig_cmp((png_const_bytep)data, 0, 8) != 0)
        return zb_error_set(err, ZB_ERR_VALUE, "the seal image %s is not a PNG file", name);
    if (len > PNG_MAX_FILE)
        return refuse(err, name, "larger than 64 MB");
    char why[96];
    if (chunk_past_end(data, len, why, sizeof why))
        return refuse(err, name, why);
    png_job job;
    memset(&job, 0, sizeof job);
    job.data = data;
    job.len = len;
    job.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &job, on_error, on_warning);
    if (job.png)
        job.info = png_create_info_struct(job.png);
    if (!job.png || !job.info) {
        png_destroy_read_struct(&job.png, &job.info, NULL);
        return zb_error_set(err, ZB_ERR_NOMEM, "out of memory");
    }
    int failed = run_libpng(&job);
    png_destroy_read_struct(&job.png, &job.info, NULL);
    free(job.rows);
    if (failed) {
        free(job.pixels);
        if (strcmp(job.why, "out of memory") == 0)
            return zb_error_set(err, ZB_ERR_NOMEM, "out of memory while reading the seal image %s", name);
        return refuse(err, name, job.why);
    }

    /* RGBA to RGB and a mask; no mask when every pixel is opaque. */
    size_t n = (size_t)job.width * job.height;
    unsigned char *rgb = malloc(n * 3), *alpha = malloc(n);
    if (!rgb || !alpha) {
        free(rgb);
        free(alpha);
        free(job.pixels);
        return zb_error_set(err, ZB_ERR_NOMEM, "out of memory while reading the seal image %s", name);
    }
    unsigned lo = 255, hi = 0;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = job.pixels + i * 4;
        rgb[i * 3] = p[0];
        rgb[i * 3 + 1] = p[1];
        rgb[i * 3 + 2] = p[2];
        alpha[i] = p[3];
        if (p[3] < lo)
            lo = p[3];
        if (p[3] > hi)
            hi = p[3];
    }
    free(job.pixels);
    if (hi == 0) {
        free(rgb);
        free(alpha);
        return refuse(err, name, "every pixel is transparent, so nothing would print");
    }
    if (lo == 255) {
        free(alpha);
        alpha = NULL;
    }
    out->width = job.width;
    out->height = job.height;
    out->rgb = rgb;
    out->alpha = alpha;
    return ZB_OK;
}

zb_status zb_png_load(const char *path, zb_image *out, zb_error *err)
{
    char *data = NULL;
    size_t len = 0;
    zb_error rerr;
    if (zb_read_file(path, &data, &len, &rerr))
        return zb_error_set(err, ZB_ERR_IO, "cannot read the seal image: %s", rerr.message);
    zb_status st = zb_png_decode(data, len, path, out, err);
    free(data);
    return st;
}

void zb_image_free(zb_image *img)
{
    if (!img)
        return;
    free(img->rgb);
    free(img->alpha);
    memset(img, 0, sizeof *img);
}
