/* libFuzzer target: seal images. Any bytes decode or are refused with a reason; a decoded
 * image has its pixels and, when it has one, a mask of its size. */
#include <stdint.h>
#include <stdlib.h>

#include "image/image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zb_image img;
    zb_error err;
    if (zb_png_decode(data, size, "fuzz.png", &img, &err) == ZB_OK) {
        if (!img.width || !img.height || !img.rgb)
            abort();
        volatile unsigned char last = img.rgb[(size_t)img.width * img.height * 3 - 1];
        if (img.alpha)
            last = img.alpha[(size_t)img.width * img.height - 1];
        (void)last;
        zb_image_free(&img);
    } else if (!err.message[0]) {
        abort(); /* a refusal always says why */
    }
    return 0;
}
