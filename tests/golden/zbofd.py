"""Reading OFD packages (GB/T 33190-2016) and the PDFs they are compared with, as the tests
of the OFD output need them: the parts of a package, every character with its position, the
paths and images; and the same from a PDF through mutool and qpdf.

Positions are in millimetres from the page's top-left corner, y downwards (OFD's own
space); PDF points are converted."""
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile

NS = "http://www.ofdspec.org/2016"
Q = "{" + NS + "}"
PT = 25.4 / 72


def run(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, **kw)


def delta_values(text):
    """DeltaX/DeltaY (§11.3 of GB/T 33190: a value per gap, "g N v" for N times v)."""
    out = []
    toks = (text or "").split()
    i = 0
    while i < len(toks):
        if toks[i] == "g":
            out.extend([float(toks[i + 2])] * int(toks[i + 1]))
            i += 3
        else:
            out.append(float(toks[i]))
            i += 1
    return out


def box(text):
    x, y, w, h = (float(v) for v in text.split())
    return x, y, w, h


class Package:
    """An OFD package: its parts and its parsed XML."""

    def __init__(self, path):
        self.path = path
        self.zip = zipfile.ZipFile(path)
        self.names = self.zip.namelist()
        self.xml = {n: ET.fromstring(self.zip.read(n)) for n in self.names if n.endswith(".xml")}
        self.raw = {n: self.zip.read(n) for n in self.names}
        self.entry = self.xml["OFD.xml"]
        root = self.entry.find(f"{Q}DocBody/{Q}DocRoot").text
        self.doc_dir = root.rsplit("/", 1)[0]
        self.document = self.xml[root]
        self.fonts = {}   # ID -> (FontName, FamilyName, part name of the file)
        self.media = {}   # ID -> part name
        for tag in ("PublicRes", "DocumentRes"):
            for el in self.document.findall(f"{Q}CommonData/{Q}{tag}"):
                name = f"{self.doc_dir}/{el.text}"
                res = self.xml[name]
                base = res.get("BaseLoc", "")
                folder = name.rsplit("/", 1)[0] + ("/" + base if base else "")
                for f in res.iter(Q + "Font"):
                    ff = f.find(Q + "FontFile")
                    self.fonts[f.get("ID")] = (f.get("FontName"), f.get("FamilyName"),
                                               f"{folder}/{ff.text}" if ff is not None else None)
                for m in res.iter(Q + "MultiMedia"):
                    self.media[m.get("ID")] = f"{folder}/{m.find(Q + 'MediaFile').text}"
        self.pages = []
        for p in self.document.findall(f"{Q}Pages/{Q}Page"):
            self.pages.append(self.xml[f"{self.doc_dir}/{p.get('BaseLoc')}"])

    def chars(self, page):
        """Every character of a page: (char, x, y, font ID, size, colour) with x, y the
        glyph's origin on its baseline."""
        out = []
        for t in self.pages[page].iter(Q + "TextObject"):
            bx, by, _, _ = box(t.get("Boundary"))
            fill = t.find(Q + "FillColor")
            colour = fill.get("Value") if fill is not None else "0 0 0"
            for code in t.findall(Q + "TextCode"):
                x = bx + float(code.get("X"))
                y = by + float(code.get("Y"))
                dx = delta_values(code.get("DeltaX"))
                text = code.text or ""
                for i, ch in enumerate(text):
                    if i:
                        x += dx[i - 1]
                    out.append((ch, x, y, t.get("Font"), float(t.get("Size")), colour))
        return out

    def paths(self, page):
        """Straight strokes of a page: (x0, y0, x1, y1, width, colour)."""
        out = []
        for p in self.pages[page].iter(Q + "PathObject"):
            bx, by, _, _ = box(p.get("Boundary"))
            sc = p.find(Q + "StrokeColor")
            toks = p.find(Q + "AbbreviatedData").text.split()
            pts = [(bx + float(toks[i + 1]), by + float(toks[i + 2]))
                   for i in range(len(toks)) if toks[i] in ("M", "L")]
            for a, b in zip(pts, pts[1:]):
                out.append((a[0], a[1], b[0], b[1], float(p.get("LineWidth", "0.353")),
                            sc.get("Value") if sc is not None else "0 0 0"))
        return out

    def images(self, page):
        """Images of a page: (x, y, w, h, resource ID, CTM)."""
        return [box(i.get("Boundary")) + (i.get("ResourceID"), i.get("CTM"))
                for i in self.pages[page].iter(Q + "ImageObject")]

    def text(self, page):
        return "".join(c[0] for c in self.chars(page))


def pdf_chars(pdf):
    """Every character mutool finds on each page: (char, x, y) in mm, x, y the origin on
    the baseline; the spaces mutool makes up for gaps are left out."""
    xml = run("mutool", "draw", "-F", "stext", "-o", "-", pdf).stdout.decode("utf-8")
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter("page"):
        chars = []
        for c in page.iter("char"):
            ch = c.get("c")
            if ch.isspace():
                continue
            chars.append((ch, float(c.get("x")) * PT, float(c.get("y")) * PT))
        pages.append(chars)
    return pages


def pdf_page_height(pdf):
    out = run("pdfinfo", pdf).stdout.decode()
    return float(re.search(r"Page size:\s+[\d.]+ x ([\d.]+) pts", out).group(1))


def pdf_streams(pdf, tmp):
    """The uncompressed content stream of each page (qpdf --qdf), in page order."""
    out = f"{tmp}/qdf.pdf"
    run("qpdf", "--qdf", "--object-streams=disable", pdf, out)
    data = open(out, "rb").read().decode("latin-1")
    parts = re.split(r"%% Contents for page (\d+)", data)
    streams = {}
    for i in range(1, len(parts), 2):
        m = re.search(r"stream\n(.*?)\nendstream", parts[i + 1], re.S)
        streams[int(parts[i])] = m.group(1) if m else ""
    return [streams[k] for k in sorted(streams)]


def pdf_rules(stream, height):
    """Straight strokes of a content stream: (x0, y0, x1, y1, width) in mm from the top."""
    out = []
    width = 1.0
    toks = stream.split()
    for i, t in enumerate(toks):
        try:
            if t == "w":
                width = float(toks[i - 1])
            elif t == "l" and i >= 5 and toks[i - 3] == "m":
                x0, y0, x1, y1 = (float(v) for v in (toks[i - 5], toks[i - 4], toks[i - 2], toks[i - 1]))
                out.append((x0 * PT, (height - y0) * PT, x1 * PT, (height - y1) * PT, width * PT))
        except ValueError:
            pass
    return out


def pdf_images(stream, height):
    """Images drawn by a content stream: (x, y, w, h) in mm, y of the top edge from the top."""
    out = []
    for m in re.finditer(r"([-\d.]+) 0 0 ([-\d.]+) ([-\d.]+) ([-\d.]+) cm\s*/\S+ Do", stream):
        w, h, x, y = (float(v) for v in m.groups())
        out.append((x * PT, (height - y - h) * PT, w * PT, h * PT))
    return out


def match(ofd_chars, pdf_chars):
    """Pairs each OFD character with the nearest unused PDF character of the same text.
    Returns (distances, unmatched OFD characters, unmatched PDF characters)."""
    free = {}
    for i, (ch, x, y) in enumerate(pdf_chars):
        free.setdefault(ch, []).append((x, y, i))
    used = set()
    dists = []
    lost = []
    for c in ofd_chars:
        best = None
        for x, y, i in free.get(c[0], []):
            if i in used:
                continue
            d = ((x - c[1]) ** 2 + (y - c[2]) ** 2) ** 0.5
            if best is None or d < best[0]:
                best = (d, i)
        if best is None:
            lost.append(c)
        else:
            used.add(best[1])
            dists.append(best[0])
    left = [pdf_chars[i] for i in range(len(pdf_chars)) if i not in used]
    return dists, lost, left


def read_png(path, alpha=False):
    """A non-interlaced 8-bit RGB or RGBA PNG (what Chromium's screenshots and the OFD's
    seal are) as (width, height, rows of (r, g, b) tuples), (r, g, b, a) with alpha."""
    import struct
    import zlib
    data = open(path, "rb").read() if isinstance(path, str) else path
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        n, tag = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if tag == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and not interlace
        elif tag == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        keep = bpp if alpha else 3
        rows.append([tuple(line[x * bpp:x * bpp + keep]) for x in range(w)])
        prev = line
    return w, h, rows


def seal_png(path, size=240):
    """A seal-like RGBA PNG: a red ring on a transparent background."""
    import struct
    import zlib
    rows = []
    c = (size - 1) / 2
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            r = ((x - c) ** 2 + (y - c) ** 2) ** 0.5
            on = size * 0.40 < r < size * 0.48 or (abs(x - c) < size * 0.08 and abs(y - c) < size * 0.08)
            row += bytes([220, 20, 30, 255]) if on else bytes([0, 0, 0, 0])
        rows.append(bytes(row))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))
    open(path, "wb").write(data)


def stress_plan(src, path):
    """The 武义 plan with a mark too long for one line at full size (narrowed: HScale) and
    XML's own characters in the title and the body."""
    import json
    plan = json.load(open(src, encoding="utf-8"))
    plan["organ_mark"] = "武义县经济商务局武义县发展和改革局武义县科学技术局文件"
    plan["title"] = "关于<重点>项目“A&B”清单的通知"
    plan["body"].insert(0, {"level": 0, "text": "标记<a href=\"x\">&amp;</a>按原文保留，R&D投入>5%。"})
    json.dump(plan, open(path, "w", encoding="utf-8"), ensure_ascii=False)
    return plan
