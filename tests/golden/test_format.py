#!/usr/bin/python3
"""Golden test of the official format as a clerk checks it, measured from the PDFs.

Usage: test_format.py ZHIBIAO_PROGRAM            (env: ZB_SOURCE_DIR; ZB_SEEDS_DIR for the seeds)
       test_format.py --measure ZHIBIAO_PROGRAM  (prints the measurements, checks nothing)

Writes the demo's notices and bulletin, and the notices of the two published seeds as
`zhibiao import` reads them (../shared/seeds beside the source tree, or $ZB_SEEDS_DIR; skipped when
absent), and measures on each what GB/T 9704-2012 asks and a 文秘 checks:
- the page number's 一字线: the top of the dash's ink 7 mm below the type area (§7.5), from
  the glyph rasterised at 1200 dpi, not from its em box;
- no heading alone at a page's foot, no paragraph's first or last line alone on a page;
- the page with the signature carries body text (§7.3.5.1, §7.3.5.5), and so does the
  附件说明's page in a document without a signature;
- no half-width , : ; ( ) ! ? inside Chinese text;
- 附件说明 and the attachments' labels agree (§7.3.4, §7.3.7);
- the organ mark: characters at most 22 × 15 mm, no tracking, text extracted without spaces;
- the red is CMYK 0 0.8 0.8 0 (§6.2), every line of body type on one grid of baselines;
- the bulletin's title names its year once;
- a red 版头 without 发文字号 is reported by `notice`, `bulletin` and `check`.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zbgolden  # noqa: E402
from zbgolden import check  # noqa: E402

MM = 72 / 25.4
LEFT, TOP = 28 * MM, 37 * MM
WIDTH, HEIGHT = 156 * MM, 225 * MM
RIGHT, BOTTOM = LEFT + WIDTH, TOP + HEIGHT
PITCH = (HEIGHT - 16) / 21
CELL = WIDTH / 28
SEEDS = {"tonglu-seed": "000_63027711b8e1e1d4.txt", "wuyi-seed": "001_5e1ff4ec9cd73333.txt"}
HALF = re.compile(r"[\u4e00-\u9fff\u3001\u3002\uff08\uff09\u201c\u201d\uff0c\uff1a\uff1b][,:;()!?]"
                  r"|[,:;()!?][\u4e00-\u9fff\u201c\uff08]")
HEADING = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])[^。；]*$")
DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


def run(*args, **kw):
    return subprocess.run(args, capture_output=True, **kw)


class Char:
    __slots__ = ("c", "x", "y", "x0", "x1", "y0", "y1", "font", "size", "color")


class Line:
    def __init__(self, chars):
        self.chars = chars
        self.text = "".join(c.c for c in chars)
        self.x0 = min(c.x0 for c in chars)
        self.x1 = max(c.x1 for c in chars)
        self.base = max(c.y for c in chars)
        self.size = max(c.size for c in chars)


def stext(pdf):
    """Lines of each page from mutool's structured text: characters with their origin,
    quad, font and colour."""
    xml = run("mutool", "draw", "-F", "stext", "-o", "-", pdf).stdout.decode("utf-8")
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter("page"):
        lines = []
        for line in page.iter("line"):
            chars = []
            for font in line.iter("font"):
                for ch in font.iter("char"):
                    c = Char()
                    c.c = ch.get("c")
                    c.x, c.y = float(ch.get("x")), float(ch.get("y"))
                    q = [float(v) for v in ch.get("quad").split()]
                    c.x0, c.y0, c.x1, c.y1 = min(q[0::2]), min(q[1::2]), max(q[0::2]), max(q[1::2])
                    c.font, c.size, c.color = font.get("name"), float(font.get("size")), ch.get("color")
                    if c.c.strip():
                        chars.append(c)
            if chars:
                lines.append(Line(chars))
        pages.append(lines)
    return pages


def body_lines(page):
    """Lines of body type inside the type area, top to bottom."""
    return sorted((l for l in page if TOP - 2 < l.base < BOTTOM + 1 and 15 < l.size < 17.5),
                  key=lambda l: l.base)


def is_number_line(l):
    return l.base > BOTTOM + 2 * MM and re.fullmatch(r"—\d+—", l.text)


def dash_ink_top(pdf, page, dash, tmp):
    """The top of the page number's first dash's ink, in points from the page's top:
    the glyph rasterised at 1200 dpi."""
    dpi = 1200
    s = dpi / 72
    x, y = int(dash.x0 * s), int((BOTTOM + 1) * s)
    w, h = int((dash.x1 - dash.x0) * s), int(14 * MM * s)
    out = os.path.join(tmp, "dash")
    run("pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), "-x", str(x), "-y", str(y),
        "-W", str(w), "-H", str(h), "-singlefile", pdf, out)
    data = open(out + ".pgm", "rb").read()
    parts = data.split(b"\n", 3)
    pw, ph = map(int, parts[1].split())
    px = parts[3]
    for row in range(ph):
        if min(px[row * pw:(row + 1) * pw]) < 128:
            return (y + row) / s
    return None


def content_streams(pdf, tmp):
    out = os.path.join(tmp, "qdf.pdf")
    run("qpdf", "--qdf", "--object-streams=disable", pdf, out)
    data = open(out, "rb").read().decode("latin-1")
    parts = re.split(r"%% Contents for page (\d+)", data)
    return {int(parts[i]): (re.search(r"stream\n(.*?)\nendstream", parts[i + 1], re.S) or [None, ""])[1]
            for i in range(1, len(parts), 2)}


def measure(pdf, tmp, plan=None):
    """Everything the checks look at, as numbers."""
    m = {}
    pages = stext(pdf)
    m["pages"] = len(pages)
    # 1. page numbers: the dash's ink below the type area
    dashes = []
    for i, p in enumerate(pages):
        for l in p:
            if is_number_line(l):
                ink = dash_ink_top(pdf, i + 1, l.chars[0], tmp)
                em_top = l.chars[0].y0
                dashes.append(((ink - BOTTOM) / MM if ink else None, (em_top - BOTTOM) / MM))
    m["dash_ink_mm"] = sorted({round(d[0], 2) for d in dashes if d[0] is not None})
    m["dash_em_top_mm"] = sorted({round(d[1], 2) for d in dashes})
    # 2. headings alone at a page's foot; paragraph lines alone at a foot or a head
    indent = LEFT + 2 * CELL
    heads = widows = orphans = 0
    where = []
    for i in range(len(pages) - 1):
        a, b = body_lines(pages[i]), body_lines(pages[i + 1])
        if not a or not b or abs(a[-1].base - b[0].base) < 1:
            continue
        last, first = a[-1], b[0]
        if (abs(first.x0 - LEFT) > 1 and abs(first.x0 - indent) > 1) or re.fullmatch(r"附件\d*", first.text):
            continue  # not body text: a title, a table, an attachment's label
        if HEADING.match(last.text) and abs(last.x0 - indent) < 1:
            heads += 1
            where.append(f"p{i + 1} {last.text}")
        cont = abs(first.x0 - LEFT) < 1 and first.x1 < RIGHT + 1
        if cont and abs(last.x0 - indent) < 1 and not HEADING.match(last.text) and len(a) > 1:
            orphans += 1
        if cont and len(b) > 1 and abs(b[1].x0 - indent) < 1:
            widows += 1
    m["headings_at_foot"] = heads
    m["headings_at_foot_where"] = where
    m["orphans"] = orphans
    m["widows"] = widows
    # 3. the signature's page: body lines above the 附件说明 and the signature
    sig_body = None
    sig_limit = (-1, 0)
    for i, p in enumerate(pages):
        lines = body_lines(p)
        dates = [k for k, l in enumerate(lines) if DATE.match(l.text) and l.x0 > LEFT + 10 * CELL]
        if not dates:
            continue
        k = dates[0]
        while k > 0 and lines[k - 1].x0 > LEFT + 8 * CELL:  # the signature's lines
            k -= 1
        for j in range(k - 1, -1, -1):  # the 附件说明, if any
            if lines[j].text.startswith("附件："):
                k = j
                break
            if abs(lines[j].x0 - LEFT) < 1 or abs(lines[j].x0 - LEFT - 2 * CELL) < 1:
                break
        body = [l for l in lines[:k] if (abs(l.x0 - LEFT) < 1 or abs(l.x0 - LEFT - 2 * CELL) < 1)
                and not (abs(l.x0 - LEFT) < 1 and l.text.endswith("："))]
        sig_body = (i + 1, len(body))
        sig_limit = (i, lines[k].base if k < len(lines) else BOTTOM)
        break
    m["signature_page"], m["signature_page_body_lines"] = sig_body if sig_body else (None, None)
    # the 附件说明's page (a document without a signature is held to the same)
    m["note_page"] = m["note_page_body_lines"] = None
    for i, p in enumerate(pages):
        lines = body_lines(p)
        k = next((k for k, l in enumerate(lines) if l.text.startswith("附件：")), None)
        if k is None:
            continue
        body = [l for l in lines[:k] if abs(l.x0 - LEFT) < 1 or abs(l.x0 - LEFT - 2 * CELL) < 1]
        m["note_page"], m["note_page_body_lines"] = i + 1, len(body)
        break
    # 4. half-width punctuation inside Chinese
    text = "\n".join(l.text for p in pages for l in p)
    m["half_width"] = len(HALF.findall(text))
    m["half_width_examples"] = HALF.findall(text)[:5]
    # 5. 附件说明 and the labels
    note, labels = [], []
    for p in pages:
        lines = body_lines(p)
        for k, l in enumerate(lines):
            if l.text.startswith("附件：") and not note:
                note.append(l.text[3:])
                for l2 in lines[k + 1:]:
                    if not (LEFT + 2 * CELL + 1 < l2.x0 < LEFT + 6 * CELL):
                        break
                    if re.match(r"^\d+[.．]", l2.text):
                        note.append(l2.text)  # the next item
                    else:
                        note[-1] += l2.text  # a title's turning line
        if lines and re.fullmatch(r"附件\d*", lines[0].text) and abs(lines[0].x0 - LEFT) < 1:
            labels.append(lines[0].text)
    m["attachment_note"] = note
    m["attachment_labels"] = labels
    # 7. the organ mark: its size, advance and tracking, and its text as extractors give it
    first = pages[0][0] if pages and pages[0] else None
    streams = content_streams(pdf, tmp)
    s1 = streams.get(1, "")
    red = re.search(r"0(?:\.0+)? (0\.8|1) (0\.8|1) 0(?:\.0+)? k(.*?)(?:Tj|TJ)", s1, re.S)
    if red and first is not None:
        run_ops = red.group(3)
        tf = re.findall(r"([\d.]+) Tf", run_ops)
        tz = re.findall(r"([\d.]+) Tz", run_ops)
        tc = re.findall(r"(-?[\d.]+) Tc", run_ops)
        m["mark_size_mm"] = round(float(tf[-1]) / MM, 2) if tf else None
        m["mark_scale"] = float(tz[-1]) / 100 if tz else 1.0
        m["mark_tracking_pt"] = float(tc[-1]) if tc else 0.0
        adv = [b.x - a.x for a, b in zip(first.chars, first.chars[1:])]
        m["mark_advance_mm"] = round(max(adv) / MM, 2) if adv else None
        m["mark_red"] = [red.group(1), red.group(2)]
    else:
        m["mark_size_mm"] = m["mark_scale"] = m["mark_tracking_pt"] = m["mark_advance_mm"] = None
        m["mark_red"] = None
    m["mark_pdftotext"] = run("pdftotext", "-f", "1", "-l", "1", pdf, "-").stdout.decode().split("\n")[0]
    mt = run("mutool", "draw", "-F", "txt", "-o", "-", pdf, "1").stdout.decode().strip().split("\n")
    m["mark_mutool"] = mt[0] if mt else ""
    # 9. one grid of baselines: each page's body-type lines against the grid their first
    # line sets
    off = 0.0
    for i, p in enumerate(pages):
        lines = body_lines(p)
        if i == sig_limit[0]:  # the signature's block may be set closer (§7.3.5.5)
            lines = [l for l in lines if l.base < sig_limit[1] - 1]
        if len(lines) < 3:
            continue
        base0 = lines[0].base
        for l in lines:
            k = round((l.base - base0) / PITCH)
            off = max(off, abs(l.base - base0 - k * PITCH))
    m["grid_offset_mm"] = round(off / MM, 3)
    m["red_cmyk"] = sorted(set(re.findall(r"(0 0\.8 0\.8 0|0 1 1 0) [kK]", "".join(streams.values()))))
    return m


def documents(cli, tmp, seeds):
    """The PDFs to measure: the demo's, and the seeds' notices."""
    out = os.path.join(tmp, "demo")
    r = run(cli, "demo", "-o", out)
    check(r.returncode == 0, f"demo: {r.stderr.decode()[-300:]}")
    data = os.path.join(os.environ.get("ZB_SOURCE_DIR", "."), "examples", "data")
    docs = {n: (os.path.join(out, n + ".pdf"), os.path.join(data, n[:n.rindex("-")] + ".json"))
            for n in ("wuyi-2022-notice", "tonglu-2024-notice", "tonglu-2024-bulletin")}
    if seeds:
        for name, seed in SEEDS.items():
            plan = os.path.join(tmp, name + ".json")
            r = run(cli, "import", os.path.join(seeds, seed), "-o", plan)
            check(r.returncode == 0, f"import {name}: {r.stderr.decode()[-300:]}")
            pdf = os.path.join(tmp, name + ".pdf")
            # The 桐庐 seed names no issuing organ (an error for a notice): written anyway, its
            # layout is what is measured here.
            r = run(cli, "notice", plan, "-o", pdf, "--force")
            check(r.returncode == 0, f"notice {name}: {r.stderr.decode()[-300:]}")
            docs[name + "-notice"] = (pdf, plan)
    return docs


def check_document(name, m, cli, tmp, plan_path):
    dash = m["dash_ink_mm"]
    check(dash and all(abs(d - 7.0) < 0.25 for d in dash),
          f"{name}: the page numbers' dash ink at {dash} mm below the type area, want 7.0")
    check(m["headings_at_foot"] == 0, f"{name}: headings alone at a page's foot: {m['headings_at_foot_where']}")
    check(m["orphans"] == 0, f"{name}: {m['orphans']} first lines alone at a page's foot")
    check(m["widows"] == 0, f"{name}: {m['widows']} last lines alone at a page's head")
    dated = True
    if plan_path:
        dated = bool(json.load(open(plan_path, encoding="utf-8")).get("date"))
    check(not dated or (m["signature_page_body_lines"] is not None and m["signature_page_body_lines"] >= 2),
          f"{name}: the signature's page (p{m['signature_page']}) carries "
          f"{m['signature_page_body_lines']} lines of body text, want 2 or more")
    check(m["note_page"] is None or m["note_page_body_lines"] >= 2,
          f"{name}: the 附件说明's page (p{m['note_page']}) carries {m['note_page_body_lines']} lines of body text, "
          "want 2 or more")
    check(m["half_width"] == 0, f"{name}: half-width punctuation in Chinese: {m['half_width_examples']}")
    note, labels = m["attachment_note"], m["attachment_labels"]
    if len(note) == 1:
        check(not re.match(r"^\d+[.．]", note[0]), f"{name}: one attachment is not numbered: {note}")
        check(labels in ([], ["附件"]), f"{name}: the only attachment is labelled 附件: {labels}")
    elif note:
        nums = [re.match(r"^(\d+)．", n) for n in note]
        check(all(nums), f"{name}: attachments numbered 1．…: {note}")
        if all(nums):
            want = [f"附件{n.group(1)}" for n in nums]
            check(labels == want or labels == [], f"{name}: labels {labels}, want {want}")
    if m["mark_size_mm"] is not None:
        check(m["mark_size_mm"] <= 22.01, f"{name}: mark {m['mark_size_mm']} mm tall, at most 22")
        check(m["mark_advance_mm"] <= 15.01, f"{name}: mark characters {m['mark_advance_mm']} mm wide, at most 15")
        check(abs(m["mark_tracking_pt"]) < 0.01, f"{name}: mark tracking {m['mark_tracking_pt']} pt, want none")
        check(" " not in m["mark_pdftotext"] and " " not in m["mark_mutool"],
              f"{name}: the mark extracts without spaces: '{m['mark_pdftotext']}' / '{m['mark_mutool']}'")
        check(m["mark_red"] == ["0.8", "0.8"], f"{name}: the mark is CMYK 0 0.8 0.8 0: {m['mark_red']}")
    check(m["red_cmyk"] in ([], ["0 0.8 0.8 0"]), f"{name}: the red is 0 0.8 0.8 0: {m['red_cmyk']}")
    check(m["grid_offset_mm"] < 0.02, f"{name}: lines {m['grid_offset_mm']} mm off the grid of baselines")


def check_reports(cli, src, tmp):
    """A red 版头 without 发文字号 is reported; the other forms can be chosen."""
    tonglu = os.path.join(src, "examples", "data", "tonglu-2024.json")
    wuyi = os.path.join(src, "examples", "data", "wuyi-2022.json")
    actuals = os.path.join(src, "examples", "data", "tonglu-2024-actuals.csv")
    pdf = os.path.join(tmp, "r.pdf")
    r = run(cli, "notice", tonglu, "-o", pdf)
    check(r.returncode == 0 and b"[no-document-number]" in r.stderr, "notice reports the missing 发文字号")
    r = run(cli, "notice", wuyi, "-o", pdf)
    check(r.returncode == 0 and b"no-document-number" not in r.stderr, "a notice with its number is not reported")
    r = run(cli, "check", tonglu, "--for", "notice")
    check(b"[no-document-number]" in r.stderr and b"[no-imprint]" in r.stderr, "check --for notice reports the 版头 and 版记")
    r = run(cli, "check", tonglu, "--for", "bulletin")
    check(b"no-document-number" not in r.stderr and b"[no-imprint]" in r.stderr,
          "check --for bulletin reports the 版记 only (the bulletin's number is its own)")
    r = run(cli, "table", tonglu, "-o", os.path.join(tmp, "t.xlsx"))
    check(b"no-document-number" not in r.stderr, "table says nothing of the notice's 版头")
    r = run(cli, "bulletin", tonglu, actuals, "--period", "2024-06", "-o", pdf)
    check(r.returncode == 0 and b"[no-document-number]" in r.stderr, "bulletin reports the missing 发文字号")
    r = run(cli, "bulletin", tonglu, actuals, "--period", "2024-06", "-o", pdf, "--doc-number", "桐经信〔2024〕15号")
    check(r.returncode == 0 and b"no-document-number" not in r.stderr, "a bulletin with its number is not reported")
    for form, mark, present in (("mark", "桐庐县经济和信息化局", True), ("none", None, False),
                                ("letter", "桐庐县经济和信息化局", True)):
        r = run(cli, "notice", tonglu, "-o", pdf, "--masthead", form)
        check(r.returncode == 0, f"--masthead {form}: {r.stderr.decode()[-200:]}")
        first = stext(pdf)[0]
        top = first[0].text if first else ""
        if mark:
            check(top == mark, f"--masthead {form}: the mark reads '{top}', want '{mark}'")
        check((b"no-document-number" in r.stderr) == present, f"--masthead {form}: report {present}")
        if form == "none":
            check(top.startswith("桐庐县"), f"--masthead none: the title opens the page: '{top}'")
            check(not any(c.color == "#ff3333" for l in first for c in l.chars), "--masthead none: no red")
        if form == "letter":
            nums = [l for l in first if is_number_line(l)]
            check(not nums, "--masthead letter: no page number on the first page")
    r = run(cli, "notice", tonglu, "-o", pdf, "--masthead", "bogus")
    check(r.returncode == 2, "--masthead bogus is a usage error")


def main():
    args = sys.argv[1:]
    measure_only = args and args[0] == "--measure"
    if measure_only:
        args = args[1:]
    if len(args) != 1:
        print("usage: test_format.py [--measure] ZHIBIAO_PROGRAM")
        return 2
    cli = args[0]
    src = os.environ.get("ZB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
    seeds = os.environ.get("ZB_SEEDS_DIR") or os.path.join(src, "..", "shared", "seeds")
    if not all(os.path.exists(os.path.join(seeds, s)) for s in SEEDS.values()):
        seeds = None
    with tempfile.TemporaryDirectory() as tmp:
        docs = documents(cli, tmp, seeds)
        for name, (pdf, plan) in docs.items():
            m = measure(pdf, tmp, plan)
            if measure_only:
                print(name, json.dumps(m, ensure_ascii=False))
                continue
            check_document(name, m, cli, tmp, plan)
            if name.endswith("bulletin"):
                title = "".join(l.text for l in stext(pdf)[0] if 21 < l.size < 23)
                check(title.count("2024年") == 1, f"{name}: the title names the year once: {title}")
        if not measure_only:
            check_reports(cli, src, tmp)
    if measure_only:
        return 0
    if not seeds:
        print("seeds not found: the imported seeds were not measured")
    return zbgolden.summary()


if __name__ == "__main__":
    sys.exit(main())
