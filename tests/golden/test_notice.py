#!/usr/bin/python3
"""Golden test of the notice (通知) PDF as a reader sees it, against GB/T 9704-2012.

Usage: test_notice.py ZHIBIAO_PROGRAM   (env: ZB_SOURCE_DIR, ZB_TEST_DATA)

Runs `zhibiao demo -o DIR` twice and reads DIR/wuyi-2022-notice.pdf and
DIR/tonglu-2024-notice.pdf back with poppler (pdftotext -bbox-layout, pdffonts, pdfinfo,
pdftoppm) and qpdf: page size, the type area, the body grid (22 lines at the line pitch,
28 characters filling 156 mm), line-breaking rules, the red organ mark 35 mm below the
type area's top, page numbers 7 mm below it alternating sides, the 版记 on an even page
with its last rule on the type area's bottom edge, embedded subset fonts, the text of
the plan read back, identical bytes from two runs and the file sizes.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_format  # noqa: E402
import zbgolden  # noqa: E402
from zbgolden import check, is_cjk, normalise  # noqa: E402,F401

MM = 72 / 25.4
PAGE_W, PAGE_H = 595.276, 841.89
LEFT, TOP = 28 * MM, 37 * MM
WIDTH, HEIGHT = 156 * MM, 225 * MM
RIGHT, BOTTOM = LEFT + WIDTH, TOP + HEIGHT
PITCH = (HEIGHT - 16) / 21
CELL = WIDTH / 28
NO_START = set("，。、；：？！”’）〕】》」』…—·%,.;:?!)]}")
XHTML = "{http://www.w3.org/1999/xhtml}"



def run(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, **kw)


FOLD = str.maketrans("（）：，；！？“”", "():,;!?\"\"")


def strip(s):
    """Without white space, and with punctuation folded to one width: text is printed with
    Chinese punctuation inside Chinese (test_format.py counts what is left half-width)."""
    return re.sub(r"\s+", "", s).translate(FOLD)


class Line:
    def __init__(self, el):
        self.words = [(w.text or "", float(w.get("xMin")), float(w.get("yMin")),
                       float(w.get("xMax")), float(w.get("yMax")))
                      for w in el.iter(XHTML + "word")]
        self.text = "".join(w[0] for w in self.words)
        self.x0 = min(w[1] for w in self.words)
        self.y0 = min(w[2] for w in self.words)
        self.x1 = max(w[3] for w in self.words)
        self.y1 = max(w[4] for w in self.words)


def read_pages(pdf):
    """Lines of each page as pdftotext -bbox-layout gives them."""
    xml = run("pdftotext", "-bbox-layout", pdf, "-").stdout.decode("utf-8")
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter(XHTML + "page"):
        lines = [Line(l) for l in page.iter(XHTML + "line")]
        pages.append([l for l in lines if l.words])
    return pages


def is_page_number(line):
    return line.y0 > BOTTOM + 2


def content_streams(pdf, tmp):
    """The uncompressed content stream of each page (qpdf --qdf)."""
    out = os.path.join(tmp, "qdf.pdf")
    run("qpdf", "--qdf", "--object-streams=disable", pdf, out)
    data = open(out, "rb").read().decode("latin-1")
    parts = re.split(r"%% Contents for page (\d+)", data)
    streams = {}
    for i in range(1, len(parts), 2):
        body = parts[i + 1]
        m = re.search(r"stream\n(.*?)\nendstream", body, re.S)
        streams[int(parts[i])] = m.group(1) if m else ""
    return streams, data


def rules(stream):
    """Straight strokes: (x0, y0, x1, y1, width, red) in PDF coordinates."""
    out = []
    width = 1.0
    red = False
    toks = stream.split()
    for i, t in enumerate(toks):
        try:
            if t == "w":
                width = float(toks[i - 1])
            elif t == "K":
                red = [float(v) for v in toks[i - 4:i]] == [0, 0.8, 0.8, 0]
            elif t in ("G", "RG"):
                red = t == "RG" and float(toks[i - 3]) > 0.7 and float(toks[i - 2]) < 0.2
            elif t == "l" and i >= 5 and toks[i - 3] == "m":
                x0, y0, x1, y1 = (float(toks[i - 5]), float(toks[i - 4]),
                                  float(toks[i - 2]), float(toks[i - 1]))
                out.append((x0, y0, x1, y1, width, red))
        except ValueError:
            pass
    return out


def red_pixels(pdf, tmp, top_mm, bottom_mm):
    """Red pixels of page 1 rendered at 50 dpi between two heights (mm from the top)."""
    base = os.path.join(tmp, "red")
    run("pdftoppm", "-r", "50", "-f", "1", "-l", "1", pdf, base)
    ppm = next(os.path.join(tmp, f) for f in os.listdir(tmp) if f.startswith("red") and f.endswith(".ppm"))
    data = open(ppm, "rb").read()
    head = data.split(b"\n", 3)
    w, h = map(int, head[1].split())
    px = head[3]
    y0, y1 = int(top_mm / 25.4 * 50), int(bottom_mm / 25.4 * 50)
    red = other = 0
    for y in range(max(0, y0), min(h, y1)):
        for x in range(w):
            r, g, b = px[(y * w + x) * 3:(y * w + x) * 3 + 3]
            if r > 180 and g < 90 and b < 90:
                red += 1
            elif r < 120 and g < 120 and b < 120:
                other += 1
    os.unlink(ppm)
    return red, other


def check_document(name, pdf, plan, tmp):
    size = os.path.getsize(pdf)
    check(size < 400 * 1024, f"{name}: {size} bytes, should be under 400 KB")
    qc = subprocess.run(["qpdf", "--check", pdf], capture_output=True)
    check(qc.returncode == 0, f"{name}: qpdf --check: {qc.stdout.decode()[-300:]}")
    info = run("pdfinfo", pdf).stdout.decode()
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    check(m and abs(float(m.group(1)) - PAGE_W) < 0.5 and abs(float(m.group(2)) - PAGE_H) < 0.5,
          f"{name}: page size is A4: {m and m.group(0)}")
    npages = int(re.search(r"Pages:\s+(\d+)", info).group(1))

    # Fonts: all embedded, subset (libharu marks its fonts with a tag, so also check that
    # each embedded font program is small: a whole CJK font is megabytes).
    fonts = run("pdffonts", pdf).stdout.decode().splitlines()[2:]
    check(fonts, f"{name}: has fonts")
    for f in fonts:
        cols = f.split()
        check(cols[-5] == "yes" and cols[-4] == "yes", f"{name}: font embedded and subset: {f}")
    streams, qdf = content_streams(pdf, tmp)
    lengths = [int(x) for x in re.findall(r"/Length1 (\d+)", qdf)]
    check(lengths and all(n < 300 * 1024 for n in lengths),
          f"{name}: embedded font programs are subsets (sizes {lengths})")

    pages = read_pages(pdf)
    check(len(pages) == npages, f"{name}: {len(pages)} pages read")

    # The type area: text starts at 28 mm, never passes 28 + 156 mm, and nothing but the page
    # numbers goes below 37 + 225 mm.
    xs = [l.x0 for p in pages for l in p]
    check(min(xs) > LEFT - 0.6, f"{name}: leftmost text at {min(xs):.2f} pt, type area at {LEFT:.2f}")
    check(any(abs(x - LEFT) < 0.6 for x in xs), f"{name}: some line starts at the type area's left")
    for i, p in enumerate(pages):
        for l in p:
            check(l.x1 < RIGHT + 0.6, f"{name} p{i + 1}: '{l.text}' ends at {l.x1:.2f} > {RIGHT:.2f}")
            check(l.y0 > TOP - 12, f"{name} p{i + 1}: '{l.text}' above the type area")
            if not is_page_number(l):
                check(l.y1 < BOTTOM + 1.0, f"{name} p{i + 1}: '{l.text}' below the type area ({l.y1:.2f})")

    # The grid: a page of body text has 22 lines at the line pitch, and a full line has 28
    # characters spanning 156 mm. Lines are compared by the middle of their boxes: each face
    # has its own ascent, the em boxes are centred on the grid.
    full_page = False
    full_line = False
    # Baselines as mutool reads them: every face on a line shares the grid's baseline.
    for sp in test_format.stext(pdf):
        bases = []
        for b in sorted(l.base for l in test_format.body_lines(sp)):
            if not bases or b - bases[-1] > 1:
                bases.append(b)
        if len(bases) == 22:
            steps = [b - a for a, b in zip(bases, bases[1:])]
            if all(abs(s - PITCH) < 0.05 for s in steps) and TOP < bases[0] < TOP + 16:
                full_page = True
    for p in pages:
        body = [l for l in p if not is_page_number(l)]
        for l in body:
            chars = l.text
            if (len(chars) == 28 and all(ord(c) > 0x2E80 for c in chars)
                    and abs(l.x0 - LEFT) < 0.6 and abs(l.x1 - RIGHT) < 0.6):
                full_line = True
    if name.startswith("tonglu"):  # the 武义 notice has no full page of body text
        check(full_page, f"{name}: a full body page has 22 lines at a pitch of {PITCH:.2f} pt")
    check(full_line, f"{name}: a full body line has 28 characters across 156 mm")

    # 禁则: no line starts with a closing mark.
    for i, p in enumerate(pages):
        for l in p:
            if not is_page_number(l):
                check(l.text[0] not in NO_START, f"{name} p{i + 1}: line starts with a closing mark: '{l.text}'")

    # The 版头: the organ mark's top 35 mm below the type area's top, red.
    mark = pages[0][0]
    organ = plan.get("organ_mark") or plan["organ"] + "文件"
    check(strip(mark.text) == organ, f"{name}: first line is the organ mark: '{mark.text}'")
    check(abs(mark.y0 - (TOP + 35 * MM)) < 3, f"{name}: organ mark top at {mark.y0 / MM:.1f} mm, want 72")
    red, _ = red_pixels(pdf, tmp, 72, 72 + 22)
    check(red > 200, f"{name}: organ mark is red ({red} red pixels)")
    red_body, dark_body = red_pixels(pdf, tmp, 150, 250)
    check(red_body == 0 and dark_body > 100, f"{name}: body text is black ({red_body} red pixels)")
    check(any(r[5] and abs(r[0] - LEFT) < 0.5 and abs(r[2] - RIGHT) < 0.5 and r[1] == r[3]
              for r in rules(streams.get(1, ""))),
          f"{name}: a red rule as wide as the type area on page 1")

    # Page numbers: "— N —" 7 mm below the type area, odd pages right, even pages left, one
    # character in; none on a page that holds only the 版记.
    numbered = 0
    for i, p in enumerate(pages):
        nums = [l for l in p if is_page_number(l)]
        if not nums:
            continue
        numbered += 1
        n = nums[0]
        check(strip(n.text) == f"—{i + 1}—", f"{name} p{i + 1}: page number '{n.text}'")
        # The dash's ink is 7 mm below the type area (test_format.py measures the glyph); its
        # em box starts higher.
        check(3 * MM < n.y0 - BOTTOM < 8 * MM, f"{name} p{i + 1}: page number at {(n.y0 - BOTTOM) / MM:.1f} mm below")
        if (i + 1) % 2:
            check(abs(n.x1 - (RIGHT - 14)) < 1.5, f"{name} p{i + 1}: odd page number right, 1 character in")
        else:
            check(abs(n.x0 - (LEFT + 14)) < 1.5, f"{name} p{i + 1}: even page number left, 1 character in")
    check(numbered >= len(pages) - 2, f"{name}: pages numbered")

    # The 版记: on an even page, the last rule on the type area's bottom edge.
    if plan.get("printer") or plan.get("copy_to"):
        check(npages % 2 == 0, f"{name}: the 版记 is on an even page ({npages})")
        last = rules(streams.get(npages, ""))
        bottom_y = PAGE_H - BOTTOM
        check(any(abs(r[1] - bottom_y) < 0.3 and abs(r[0] - LEFT) < 0.5 and abs(r[2] - RIGHT) < 0.5
                  for r in last), f"{name}: the 版记's last rule on the type area's bottom edge")
        text = "".join(l.text for l in pages[-1])
        check(plan.get("printer", "") in text, f"{name}: the 版记 names the printer")

    # The text of the plan, read back.
    doc = "".join(strip(l.text) for p in pages for l in p if not is_page_number(l))
    check(strip(plan["title"]) in doc, f"{name}: the title reads back")
    for b in plan.get("body", []):
        check(strip(b["text"]) in doc, f"{name}: body text reads back: {b['text'][:20]}…")
    for r in plan.get("recipients", []):
        check(strip(r) in doc, f"{name}: recipient {r} reads back")
    check_table(name, pages, plan)


def check_table(name, pages, plan):
    """Table cells read back column by column (a cell's lines interleave with its
    neighbours' in reading order, so each column is read on its own)."""
    rows = [ind for c in plan.get("categories", []) for ind in c["indicators"]]
    if not rows:
        return
    table_pages = [p for p in pages if any(strip(l.text) == "序号" or strip(l.text).startswith("序号") for l in p)]
    check(table_pages, f"{name}: the target table is there")
    fr = [0.07, 0.15, 0.34, 0.20, 0.24]
    edges = [LEFT]
    for f in fr:
        edges.append(edges[-1] + f * WIDTH)
    cols = ["" for _ in fr]
    for p in table_pages:
        words = sorted((w for l in p if not is_page_number(l) for w in l.words), key=lambda w: (round(w[2]), w[1]))
        for w in words:
            x = (w[1] + w[3]) / 2
            for c in range(len(fr)):
                if edges[c] <= x < edges[c + 1]:
                    cols[c] += w[0]
    cols = [strip(c) for c in cols]
    for ind in rows:
        check(str(ind["seq"]) in cols[0], f"{name}: 序号 {ind['seq']} in the table")
        check(strip(ind["name"]) in cols[2], f"{name}: name {ind['name']} in the table")
        target = ind.get("target", "")
        target = target if isinstance(target, str) else ("%g" % target)
        check(strip(target) in cols[3], f"{name}: target {target} of {ind['seq']} in the table")
        units = "、".join(ind.get("responsible", []))
        check(strip(units) in cols[4], f"{name}: units {units} of {ind['seq']} in the table")
    for c in plan.get("categories", []):
        check(strip(c["name"]) in cols[1], f"{name}: category {c['name']} in the table")


def main():
    if len(sys.argv) != 2:
        print("usage: test_notice.py ZHIBIAO_PROGRAM")
        return 2
    prog = sys.argv[1]
    src = os.environ.get("ZB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
    with tempfile.TemporaryDirectory() as tmp:
        a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        run(prog, "demo", "-o", a)
        run(prog, "demo", "-o", b)
        for name in ("wuyi-2022", "tonglu-2024"):
            pdf = os.path.join(a, name + "-notice.pdf")
            check(os.path.exists(pdf), f"{name}: demo wrote {pdf}")
            if not os.path.exists(pdf):
                continue
            same = open(pdf, "rb").read() == open(os.path.join(b, name + "-notice.pdf"), "rb").read()
            check(same, f"{name}: two runs give the same bytes")
            plan = json.load(open(os.path.join(src, "examples", "data", name + ".json"), encoding="utf-8"))
            check_document(name, pdf, plan, tmp)
    return zbgolden.summary()


if __name__ == "__main__":
    sys.exit(main())
