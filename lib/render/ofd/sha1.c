/* SHA-1 (FIPS 180-4), for the name-based UUID (RFC 4122 version 5) that identifies an OFD
 * document by its content. Not used for anything that needs collision resistance. */
#include <string.h>

#include "render/ofd/render_ofd.h"

static uint32_t rol(uint32_t x, int n) { return x << n | x >> (32 - n); }

static void block(zb_sha1 *s, const unsigned char *p)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 |
               p[4 * i + 3];
    for (int i = 16; i < 80; i++)
        w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5A827999;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ED9EBA1;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8F1BBCDC;
        } else {
            f = b ^ c ^ d;
            k = 0xCA62C1D6;
        }
        uint32_t t = rol(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rol(b, 30);
        b = a;
        a = t;
    }
    s->h[0] += a;
    s->h[1] += b;
    s->h[2] += c;
    s->h[3] += d;
    s->h[4] += e;
}

void zb_sha1_init(zb_sha1 *s)
{
    static const uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    memcpy(s->h, h, sizeof h);
    s->bytes = 0;
    s->fill = 0;
}

void zb_sha1_update(zb_sha1 *s, const void *data, size_t n)
{
    const unsigned char *p = data;
    s->bytes += n;
    while (n) {
        size_t take = 64 - s->fill < n ? 64 - s->fill : n;
        memcpy(s->buf + s->fill, p, take);
        s->fill += take;
        p += take;
        n -= take;
        if (s->fill == 64) {
            block(s, s->buf);
            s->fill = 0;
        }
    }
}

void zb_sha1_final(zb_sha1 *s, unsigned char out[20])
{
    uint64_t bits = s->bytes * 8;
    unsigned char pad = 0x80;
    zb_sha1_update(s, &pad, 1);
    pad = 0;
    while (s->fill != 56)
        zb_sha1_update(s, &pad, 1);
    unsigned char len[8];
    for (int i = 0; i < 8; i++)
        len[i] = (unsigned char)(bits >> (56 - 8 * i));
    zb_sha1_update(s, len, 8);
    for (int i = 0; i < 5; i++) {
        out[4 * i] = (unsigned char)(s->h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(s->h[i] >> 8);
        out[4 * i + 3] = (unsigned char)s->h[i];
    }
}

/* The namespace 3c1f0b6e-8d2a-4f47-9e61-7a6869626961, fixed once for zhibiao's OFD
 * documents: their identifiers depend on it. */
static const unsigned char ofd_namespace[16] = {0x3c, 0x1f, 0x0b, 0x6e, 0x8d, 0x2a, 0x4f, 0x47,
                                                0x9e, 0x61, 0x7a, 0x68, 0x69, 0x62, 0x69, 0x61};

void zb_ofd_uuid_begin(zb_sha1 *s)
{
    zb_sha1_init(s);
    zb_sha1_update(s, ofd_namespace, sizeof ofd_namespace);
}

void zb_ofd_uuid_end(zb_sha1 *s, char out[33])
{
    unsigned char h[20];
    zb_sha1_final(s, h);
    h[6] = (unsigned char)((h[6] & 0x0F) | 0x50); /* version 5 */
    h[8] = (unsigned char)((h[8] & 0x3F) | 0x80); /* RFC 4122 variant */
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; i++) {
        out[2 * i] = hex[h[i] >> 4];
        out[2 * i + 1] = hex[h[i] & 15];
    }
    out[32] = '\0';
}
