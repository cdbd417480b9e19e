/* Images the documents carry (the seal): decoded once from the bytes the caller read, so that
 * the layout needs only their size and every renderer draws the same pixels. Not
 * installed. */
#ifndef ZB_IMAGE_H
#define ZB_IMAGE_H

#include "core/internal.h"

/* A decoded image: 8-bit RGB pixels and, when any pixel is not fully opaque, an 8-bit alpha
 * mask of the same size; rows top to bottom. Owned by whoever decoded it
 * (zb_image_free()). */
typedef struct zb_image {
    uint32_t width, height;
    unsigned char *rgb;   /* width * height * 3 */
    unsigned char *alpha; /* width * height; NULL when every pixel is opaque */
} zb_image;

/* Decodes len bytes of a PNG file with libpng: every colour type and bit depth, interlaced
 * or not, transparency from an alpha channel or a tRNS chunk. name says in messages what the
 * bytes are (a file name). ZB_ERR_VALUE with the reason when the bytes are not a PNG, are
 * damaged, too large, or fully transparent (nothing would print); ZB_ERR_NOMEM. out is set
 * only on success. */
zb_status zb_png_decode(const void *data, size_t len, const char *name, zb_image *out,
                        zb_error *err);

/* Reads the file at path and decodes it: ZB_ERR_IO when it cannot be read. */
zb_status zb_png_load(const char *path, zb_image *out, zb_error *err);

/* Frees the pixels; a zeroed image or NULL is a no-op. */
void zb_image_free(zb_image *img);

#endif /* ZB_IMAGE_H */
