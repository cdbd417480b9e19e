/* The seal as the OFD package carries it: the decoded pixels every renderer draws (lib/image),
 * written back as an 8-bit PNG with libpng, RGBA when any pixel is not opaque, else RGB. So
 * the OFD shows the PDF's pixels, and a reader meets a plain non-interlaced 8-bit PNG
 * whatever depth, palette or interlacing the caller's file had. No time chunk: the same
 * pixels give the same bytes. */
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/ofd/render_ofd.h"

/* The encoding state, outside the frame that calls setjmp. */
typedef struct png_out {
    const zb_image *img;
    zb_buf out;
    png_structp png;
    png_infop info;
    unsigned char *row;
    char why[160];
    jmp_buf jump;
} png_out;

static void PNGCBAPI on_error(png_structp png, png_const_charp msg)
{
    png_out *job = png_get_error_ptr(png);
    snprintf(job->why, sizeof job->why, "%s", msg ? msg : "libpng failed");
    longjmp(job->jump, 1);
}

static void PNGCBAPI on_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

static void PNGCBAPI on_write(png_structp png, png_bytep data, size_t n)
{
    png_out *job = png_get_io_ptr(png);
    zb_buf_add(&job->out, (const char *)data, n);
    if (job->out.failed)
        png_error(png, "out of memory");
}

static void PNGCBAPI on_flush(png_structp png) { (void)png; }

static int run_libpng(png_out *job)
{
    if (setjmp(job->jump))
        return -1;
    const zb_image *img = job->img;
    int alpha = img->alpha != NULL;
    png_set_write_fn(job->png, job, on_write, on_flush);
    png_set_IHDR(job->png, job->info, img->width, img->height, 8,
                 alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(job->png, job->info);
    size_t channels = alpha ? 4 : 3;
    for (uint32_t y = 0; y < img->height; y++) {
        const unsigned char *rgb = img->rgb + (size_t)y * img->width * 3;
        if (alpha) {
            const unsigned char *a = img->alpha + (size_t)y * img->width;
            for (uint32_t x = 0; x < img->width; x++) {
                memcpy(job->row + x * channels, rgb + x * 3, 3);
                job->row[x * channels + 3] = a[x];
            }
        } else {
            memcpy(job->row, rgb, (size_t)img->width * 3);
        }
        png_write_row(job->png, job->row);
    }
    png_write_end(job->png, NULL);
    return 0;
}

zb_status zb_ofd_png_encode(const zb_image *img, char **out, size_t *len, zb_error *err)
{
    *out = NULL;
    *len = 0;
    png_out job;
    memset(&job, 0, sizeof job);
    job.img = img;
    job.row = malloc((size_t)img->width * 4 + 1);
    job.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &job, on_error, on_warning);
    if (job.png)
        job.info = png_create_info_struct(job.png);
    if (!job.row || !job.png || !job.info) {
        png_destroy_write_struct(&job.png, &job.info);
        free(job.row);
        return zb_error_set(err, ZB_ERR_NOMEM, "out of memory while writing the seal image");
    }
    int failed = run_libpng(&job);
    png_destroy_write_struct(&job.png, &job.info);
    free(job.row);
    if (failed || job.out.failed) {
        zb_buf_free(&job.out);
        if (job.out.failed || strcmp(job.why, "out of memory") == 0)
            return zb_error_set(err, ZB_ERR_NOMEM, "out of memory while writing the seal image");
        return zb_error_set(err, ZB_ERR_VALUE, "cannot write the seal image as PNG: %s", job.why);
    }
    *len = job.out.len;
    *out = zb_buf_take(&job.out);
    return ZB_OK;
}
