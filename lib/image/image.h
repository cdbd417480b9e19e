/* Images the documents carry (the seal), checked before any renderer reads them. Not
 * installed. */
#ifndef ZB_IMAGE_H
#define ZB_IMAGE_H

#include "core/internal.h"

/* Checks that path is a PNG that libpng reads without an error (libharu lets libpng abort
 * the process on one) and gives its size in pixels. ZB_ERR_IO when it cannot be read,
 * ZB_ERR_VALUE when it is not such a PNG. */
zb_status zb_png_check(const char *path, double *width, double *height, zb_error *err);

#endif /* ZB_IMAGE_H */
