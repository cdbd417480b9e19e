#!/usr/bin/env python3
"""Writes the tiny font fixtures of tests/unit/test_font.c into this folder.

The fonts are built from nothing (no fontTools, no font files), so that they are small,
free of anyone's copyright and the same bytes on every machine:

  zb-test-song.ttf          TrueType, glyphs for space A 一 的 国, units per em 2048,
                            family "测试宋体" (zh-CN) / "Zhibiao Test Song" (en), fsType 0
  zb-test-restricted.ttf    the same with fsType 0x0002 (restricted license embedding)
  zb-test-bitmap-only.ttf   the same with fsType 0x0200 (bitmap embedding only)
  zb-test-no-subsetting.ttf the same with fsType 0x0100 (no subsetting)
  zb-test-latin.ttf         TrueType with space and A only: no Chinese characters
  zb-test-partial.ttf       TrueType with 一 and 的 but no 国
  zb-test-cff.otf           OpenType with CFF outlines (a valid, minimal CFF table)

Run it again after changing it: python3 make_fixtures.py
"""
import os
import struct

UPEM = 2048
ASC, DESC = 1802, -246
HERE = os.path.dirname(os.path.abspath(__file__))


def checksum(data):
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(">%dI" % (len(data) // 4), data)) & 0xFFFFFFFF


def sfnt(tables, flavor=0x00010000):
    """Assembles tables {tag: bytes} into a font file with correct checksums."""
    tags = sorted(tables)
    n = len(tags)
    es = n.bit_length() - 1
    sr = (1 << es) * 16
    head = struct.pack(">IHHHH", flavor, n, sr, es, n * 16 - sr)
    offset = 12 + 16 * n
    directory, body = b"", b""
    for tag in tags:
        data = tables[tag]
        directory += struct.pack(">4sIII", tag.encode("latin-1"), checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    font = bytearray(head + directory + body)
    if "head" in tables:
        pos = 12 + 16 * tags.index("head")
        at = struct.unpack(">I", font[pos + 8:pos + 12])[0] + 8
        font[at:at + 4] = struct.pack(">I", (0xB1B0AFBA - checksum(bytes(font))) & 0xFFFFFFFF)
    return bytes(font)


# Outlines: lists of closed contours of on-curve points, in font units.
def rect(x0, y0, x1, y1):
    return [(x0, y0), (x0, y1), (x1, y1), (x1, y0)]


NOTDEF = [rect(100, 0, 900, 1600), rect(200, 100, 800, 1500)[::-1]]
GLYPHS = {  # code point -> (advance, contours)
    0x0020: (512, []),
    0x0041: (1139, [[(40, 0), (570, 1466), (1100, 0)]]),
    0x4E00: (2048, [rect(120, 900, 1928, 1060)]),  # 一
    0x7684: (2048, [rect(160, -100, 900, 1700), rect(1000, -100, 1900, 1700)]),  # 的
    0x56FD: (2048, [rect(160, -150, 1888, 1750), rect(320, 0, 1728, 1600)[::-1]]),  # 国
}


def glyph_data(contours):
    if not contours:
        return b""
    pts = [p for c in contours for p in c]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    out = struct.pack(">hhhhh", len(contours), min(xs), min(ys), max(xs), max(ys))
    end = -1
    for c in contours:
        end += len(c)
        out += struct.pack(">H", end)
    out += struct.pack(">H", 0)  # no instructions
    out += bytes([0x01] * len(pts))  # on curve, 16-bit deltas
    x = y = 0
    dx, dy = b"", b""
    for px, py in pts:
        dx += struct.pack(">h", px - x)
        dy += struct.pack(">h", py - y)
        x, y = px, py
    out += dx + dy
    return out + b"\0" * (len(out) % 2)


def cmap_table(mapping):
    """A cmap with one format 4 subtable (3, 1) for mapping {code point: glyph id}."""
    cps = sorted(mapping)
    segs = [(c, c, (mapping[c] - c) & 0xFFFF) for c in cps] + [(0xFFFF, 0xFFFF, 1)]
    n = len(segs)
    es = n.bit_length() - 1
    sr = (1 << es) * 2
    sub = struct.pack(">HHHH", n * 2, sr, es, n * 2 - sr)
    sub += b"".join(struct.pack(">H", s[1]) for s in segs) + b"\0\0"
    sub += b"".join(struct.pack(">H", s[0]) for s in segs)
    sub += b"".join(struct.pack(">H", s[2]) for s in segs)
    sub += b"\0\0" * n
    sub = struct.pack(">HHH", 4, 6 + len(sub), 0) + sub
    return struct.pack(">HHHHI", 0, 1, 3, 1, 12) + sub


def name_table(names):
    """names: list of (language id, name id, text), Windows Unicode records."""
    recs = sorted(names)
    strings, records = b"", b""
    for lang, nid, text in recs:
        data = text.encode("utf-16-be")
        records += struct.pack(">HHHHHH", 3, 1, lang, nid, len(data), len(strings))
        strings += data
    return struct.pack(">HHH", 0, len(recs), 6 + 12 * len(recs)) + records + strings


def os2_table(fs_type, first, last, avg):
    t = struct.pack(">HhHHH", 4, avg, 400, 5, fs_type)
    t += struct.pack(">10h", 1300, 1200, 0, 150, 1300, 1200, 0, 700, 100, 600)
    t += struct.pack(">h", 0) + bytes(10)  # sFamilyClass, panose
    t += struct.pack(">IIII", 1, 0x28000000 if first < 0x3000 and last >= 0x4E00 else 0, 0, 0)
    t += b"ZBTS" + struct.pack(">HHH", 0x0040, first, min(last, 0xFFFF))
    t += struct.pack(">hhhHH", ASC, DESC, 0, ASC, -DESC)
    t += struct.pack(">II", 0x00040001 if last >= 0x4E00 else 1, 0)
    t += struct.pack(">hhHHH", 1000, 1466, 0, 32, 2)
    assert len(t) == 96
    return t


def head_table(bbox, loc_format=1):
    return struct.pack(">IIIIHH8s8shhhhHHhhh", 0x00010000, 0x00010000, 0, 0x5F0F3CF5, 0x000B, UPEM, bytes(8),
                       bytes(8), *bbox, 0, 8, 2, loc_format, 0)


def hhea_table(advances, nglyphs):
    return struct.pack(">IhhhHhhhhhhhhhhhH", 0x00010000, ASC, DESC, 0, max(advances), 0, 0, 2000, 1, 0, 0, 0,
                       0, 0, 0, 0, nglyphs)


def post_table():
    return struct.pack(">IIhhIIIII", 0x00030000, 0, -150, 100, 0, 0, 0, 0, 0)


def names_for(family_en, family_zh, ps):
    n = [(0x0409, 0, "Made for zhibiao's tests; public domain"), (0x0409, 1, family_en), (0x0409, 2, "Regular"),
         (0x0409, 3, ps + "-1.0"), (0x0409, 4, family_en), (0x0409, 5, "Version 1.0"), (0x0409, 6, ps)]
    if family_zh:
        n += [(0x0804, 1, family_zh), (0x0804, 2, "Regular"), (0x0804, 4, family_zh)]
    return name_table(n)


def truetype(cps, fs_type=0, family_en="Zhibiao Test Song", family_zh="测试宋体", ps="ZhibiaoTestSong"):
    order = sorted(cps)
    glyphs = [(1024, NOTDEF)] + [GLYPHS[c] for c in order]
    mapping = {c: i + 1 for i, c in enumerate(order)}
    glyf, loca = b"", [0]
    for _, contours in glyphs:
        glyf += glyph_data(contours)
        loca.append(len(glyf))
    pts = [p for _, cs in glyphs for c in cs for p in c]
    bbox = (min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts))
    advances = [a for a, _ in glyphs]
    hmtx = b""
    for adv, cs in glyphs:
        lsb = min((p[0] for c in cs for p in c), default=0)
        hmtx += struct.pack(">Hh", adv, lsb)
    maxp = struct.pack(">IHHHHHHHHHHHHHH", 0x00010000, len(glyphs), max(len(c) for _, cs in glyphs for c in cs) * 2,
                       2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0)
    return sfnt({
        "OS/2": os2_table(fs_type, order[0], order[-1], sum(advances) // len(advances)),
        "cmap": cmap_table(mapping),
        "glyf": glyf,
        "head": head_table(bbox),
        "hhea": hhea_table(advances, len(glyphs)),
        "hmtx": hmtx,
        "loca": b"".join(struct.pack(">I", x) for x in loca),
        "maxp": maxp,
        "name": names_for(family_en, family_zh, ps),
        "post": post_table(),
    })


def cff_index(items):
    if not items:
        return b"\0\0"
    offsets, pos = [1], 1
    for it in items:
        pos += len(it)
        offsets.append(pos)
    size = 1 if pos < 0x100 else 2
    out = struct.pack(">HB", len(items), size)
    out += b"".join(o.to_bytes(size, "big") for o in offsets)
    return out + b"".join(items)


def cff_int(v):
    return b"\x1d" + struct.pack(">i", v)  # 5-byte integer: fixed size, so offsets can be computed first


def cff_table(nglyphs):
    """A minimal valid CFF: glyphs that are empty (endchar), a format 0 charset."""
    name = cff_index([b"ZhibiaoTestCFF"])
    strings, gsubrs = cff_index([]), cff_index([])
    private = b"\x8b\x14"  # defaultWidthX 0
    charset = b"\0" + b"".join(struct.pack(">H", sid) for sid in range(1, nglyphs))
    charstrings = cff_index([b"\x0e"] * nglyphs)  # endchar

    def top(cs_at, chs_at, priv_at):
        return cff_index([cff_int(cs_at) + b"\x0f" + cff_int(chs_at) + b"\x11" + cff_int(len(private)) +
                          cff_int(priv_at) + b"\x12"])

    start = 4 + len(name) + len(top(0, 0, 0)) + len(strings) + len(gsubrs)
    cs_at = start
    chs_at = cs_at + len(charset)
    priv_at = chs_at + len(charstrings)
    return (b"\x01\x00\x04\x01" + name + top(cs_at, chs_at, priv_at) + strings + gsubrs + charset + charstrings +
            private)


def opentype_cff(cps):
    order = sorted(cps)
    advances = [1024] + [GLYPHS[c][0] for c in order]
    n = len(advances)
    return sfnt({
        "CFF ": cff_table(n),
        "OS/2": os2_table(0, order[0], order[-1], sum(advances) // n),
        "cmap": cmap_table({c: i + 1 for i, c in enumerate(order)}),
        "head": head_table((0, DESC, 2048, ASC), 0),
        "hhea": hhea_table(advances, n),
        "hmtx": b"".join(struct.pack(">Hh", a, 0) for a in advances),
        "maxp": struct.pack(">IH", 0x00005000, n),
        "name": names_for("Zhibiao Test CFF", None, "ZhibiaoTestCFF"),
        "post": post_table(),
    }, flavor=0x4F54544F)


def main():
    cjk = [0x20, 0x41, 0x4E00, 0x7684, 0x56FD]
    fixtures = {
        "zb-test-song.ttf": truetype(cjk),
        "zb-test-restricted.ttf": truetype(cjk, fs_type=0x0002),
        "zb-test-bitmap-only.ttf": truetype(cjk, fs_type=0x0200),
        "zb-test-no-subsetting.ttf": truetype(cjk, fs_type=0x0100),
        "zb-test-latin.ttf": truetype([0x20, 0x41], family_en="Zhibiao Test Latin", family_zh=None,
                                      ps="ZhibiaoTestLatin"),
        "zb-test-partial.ttf": truetype([0x20, 0x4E00, 0x7684], family_en="Zhibiao Test Partial", family_zh=None,
                                        ps="ZhibiaoTestPartial"),
        "zb-test-cff.otf": opentype_cff(cjk),
    }
    for name, data in fixtures.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
