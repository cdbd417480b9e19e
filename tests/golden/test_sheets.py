#!/usr/bin/python3
"""Golden test of the workbooks as the 附件 of an official document, read back with openpyxl.

Usage: test_sheets.py ZHIBIAO_PROGRAM            (env: ZB_SOURCE_DIR; ZB_SEEDS_DIR for the seeds)
       test_sheets.py --measure ZHIBIAO_PROGRAM  (prints the measurements, checks nothing)

The demo's target table, breakdown and monitoring workbook, and the target table of the 桐庐
seed as `zhibiao import` reads it (skipped without the seeds):
- margins: the type area of the document they are attached to (GB/T 9704 §5.2.1: 37 mm top,
  35 mm bottom, 28 mm binding side, 26 mm the other; a landscape page keeps the type area
  where it is on the sheet), and Excel's own with `--margins sheet`;
- the label row (附件2) one line tall;
- no header, category or name cell that leaves one character alone on its last line, by
  the measure the writers use (Calibri-sized columns, 1.3 em lines), and as LibreOffice
  prints them (converted to PDF, read back with pdftotext: a line of one character under a
  cell's other lines; skipped, saying so, where LibreOffice is not installed);
- the pages: a category is kept on one page only when that leaves less than a third of a
  page empty; no page but the last is more than a third empty; a target table is no longer
  than its rows filling the pages without a break.
"""
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zbgolden  # noqa: E402
from zbgolden import check  # noqa: E402

MM_IN = 25.4
A4_W, A4_H = 210 / 25.4 * 72, 297 / 25.4 * 72
SEED = "000_63027711b8e1e1d4.txt"


# Where no widths avoid every character alone, as measured (by the writers' measure, and the
# same allowance in LibreOffice's print):
# - the seed's target table: LibreOffice prints “415X”先进制造业集群规上企业营业收入（亿元） with
#   （亿 / 元） unless 指标名称 is 54 units (384 px) wide, and the other four columns need 237 px
#   of the type area's 589: one is left (2 by Excel's measure before the widths were chosen);
# - the monitoring sheet, a working sheet whose figures keep their widths and whose 说明 is
#   traded against the rows' height: 2 (was 15).
LONE_ALLOWED = {"tonglu-seed-targets": {"目标体系表": 1}, "tonglu-2024-progress": {"指标监测": 2}}


def run(*args):
    return subprocess.run(args, capture_output=True)


# ---- the measure of text in a cell (as lib/xlsx/sheet.c measures it) ------------------------

def column_px(w):
    """A column's pixels from the width Excel stores (its character units plus 5 px of
    padding, 5/7 of a unit)."""
    return math.floor(w * 7 + 0.5)


def text_pt(w):
    return max(0.0, (column_px(w) - 6) * 0.75)


def is_wide(ch):
    cp = ord(ch)
    return (0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFE30 <= cp <= 0xFE4F
            or 0xFF00 <= cp <= 0xFFEF or 0x2010 <= cp <= 0x206F)


NO_START = set("、。，．；：？！”’）〕】》」』〉〗％‰℃·・)]},.;:!?%")
NO_END = set("“‘（〔【《「『〈〖([{")


def clusters(text):
    """Units a line breaks between: opening marks, a Latin word or one character, closing
    marks."""
    out = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == "\n":
            out.append(("\n", 0))
            i += 1
            continue
        if text[i] in " \t":
            out.append((" ", 10))
            i += 1
            continue
        s = i
        while i < n and text[i] in NO_END:
            i += 1
        if i < n and ord(text[i]) < 128 and text[i] not in NO_START and text[i] not in " \t\n":
            while i < n and ord(text[i]) < 128 and text[i] not in " \t\n" and text[i] not in NO_END:
                i += 1
        elif i < n and text[i] in "—…":
            c = text[i]
            while i < n and text[i] == c:
                i += 1
        elif i < n and text[i] not in "\n":
            i += 1
        while i < n and text[i] in NO_START:
            i += 1
        piece = text[s:i]
        # twentieths of an em: full-width 20, Latin 13 (0.65 em)
        out.append((piece, sum(20 if is_wide(c) else 13 for c in piece)))
    return out


def wrap(text, width_pt, font_pt):
    """The lines a cell shows."""
    units = max(20, math.floor(width_pt / (font_pt / 20) + 1e-9))
    lines, cur, used = [], "", 0
    for piece, w in clusters(text or ""):
        if piece == "\n":
            lines.append(cur)
            cur, used = "", 0
            continue
        if used > 0 and used + w > units:
            lines.append(cur)
            cur, used = "", 0
            if piece == " ":
                continue
        cur += piece
        used += w
    lines.append(cur)
    return lines


def lone(text, width_pt, font_pt):
    """Nonzero when the cell's text wraps and its last line is a single character (with the
    marks that go with it)."""
    lines = wrap(text, width_pt, font_pt)
    if len(lines) < 2:
        return False
    last = "".join(c for c in lines[-1] if c not in NO_START and c not in NO_END)
    return len(last) == 1 and is_wide(last)


# ---- what a sheet measures ------------------------------------------------------------------

def font_size(cell, default=12.0):
    return cell.font.sz or default


def measure_sheet(ws):
    m = {}
    pm = ws.page_margins
    m["margins_mm"] = [round(pm.left * MM_IN, 1), round(pm.right * MM_IN, 1), round(pm.top * MM_IN, 1),
                       round(pm.bottom * MM_IN, 1)]
    m["landscape"] = ws.page_setup.orientation == "landscape"
    # the repeated header row: the table's head
    head = int(str(ws.print_title_rows).split(":")[0].replace("$", "")) if ws.print_title_rows else 1
    m["head_row"] = head
    m["row1_height"] = ws.row_dimensions[1].height
    widths = {}
    for col in range(1, ws.max_column + 1):
        letter = openpyxl.utils.get_column_letter(col)
        widths[col] = ws.column_dimensions[letter].width or 8.43
    # cells that wrap: the header row and the columns of names (类别, 指标名称, …)
    merged = {}
    for rng in ws.merged_cells.ranges:
        span = sum(text_pt(widths[c]) + (6 * 0.75 if c != rng.min_col else 0)
                   for c in range(rng.min_col, rng.max_col + 1))
        merged[(rng.min_row, rng.min_col)] = (span, rng.max_col - rng.min_col + 1)
    lones = []
    heads = {c: str(ws.cell(head, c).value or "") for c in range(1, ws.max_column + 1)}
    # headers, and the columns of names: categories, indicators, tasks, units (not the
    # sentences of duties or explanations)
    name_cols = [c for c, h in heads.items() if any(k in h for k in ("类别", "名称", "任务", "单位"))]
    for row in ws.iter_rows(min_row=head, max_row=ws.max_row):
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value:
                continue
            if cell.row != head and cell.column not in name_cols:
                continue
            span = merged.get((cell.row, cell.column))
            if span and span[1] > 1:
                continue  # a title or caption across the table
            w = text_pt(widths[cell.column])
            if lone(cell.value, w, font_size(cell)):
                lones.append(cell.value)
    m["figure_widths"] = [round(widths[c] - 5 / 7) for c, h in heads.items() if h in ("本期累计", "完成率", "序时进度")]
    m["lone"] = len(lones)
    m["lone_examples"] = lones[:6]
    # pages: the printable height at the scale that fits the columns to the page width
    total_w = sum(column_px(widths[c]) for c in widths) * 0.75
    page_w = (A4_H if m["landscape"] else A4_W) - (pm.left + pm.right) * 72
    page_h = (A4_W if m["landscape"] else A4_H) - (pm.top + pm.bottom) * 72
    scale = min(1.0, page_w / total_w) if total_w else 1.0
    avail = page_h / scale
    breaks = {b.id for b in ws.row_breaks.brk}
    repeat = sum((ws.row_dimensions[r].height or 15) for r in range(head, head + 1))
    pages, used, rows = [], 0.0, 0
    for r in range(1, ws.max_row + 1):
        h = ws.row_dimensions[r].height or 15
        if (r - 1 in breaks and rows) or (used + h > avail and rows):
            pages.append((rows, used))
            used, rows = repeat, 0
        used += h
        rows += 1 if r > head else 0
    pages.append((rows, used))
    # the pages the rows would fill without a manual break
    fill, used = 1, 0.0
    for r in range(1, ws.max_row + 1):
        h = ws.row_dimensions[r].height or 15
        if used + h > avail and used > 0:
            fill, used = fill + 1, repeat
        used += h
    m["pages_filled"] = fill
    m["rows_per_page"] = [p[0] for p in pages]
    m["empty_fraction"] = [round(1 - p[1] / avail, 2) for p in pages]
    m["manual_breaks"] = sorted(breaks)
    return m


def workbooks(cli, tmp, seeds, extra=()):
    out = os.path.join(tmp, "demo")
    r = run(cli, "demo", "-o", out)
    check(r.returncode == 0, f"demo: {r.stderr.decode()[-300:]}")
    books = {n: os.path.join(out, n + ".xlsx") for n in
             ("tonglu-2024-targets", "tonglu-2024-breakdown", "tonglu-2024-progress")}
    if seeds:
        plan = os.path.join(tmp, "tonglu-seed.json")
        r = run(cli, "import", os.path.join(seeds, SEED), "-o", plan)
        check(r.returncode == 0, f"import: {r.stderr.decode()[-300:]}")
        book = os.path.join(tmp, "tonglu-seed-targets.xlsx")
        r = run(cli, "table", plan, "-o", book, "--label", "附件2")
        check(r.returncode == 0, f"table of the seed: {r.stderr.decode()[-300:]}")
        books["tonglu-seed-targets"] = book
    return books


def measure_book(path):
    wb = openpyxl.load_workbook(path)
    return {ws.title: measure_sheet(ws) for ws in wb.worksheets}


def check_book(name, sheets):
    for title, m in sheets.items():
        where = f"{name} [{title}]"
        if "progress" in name:  # a working sheet keeps a spreadsheet's margins
            want = [19.0, 19.0, 25.4, 25.4]
        else:
            want = [37.0, 35.0, 28.0, 26.0] if m["landscape"] else [28.0, 26.0, 37.0, 35.0]
        check(m["margins_mm"] == want, f"{where}: margins {m['margins_mm']} mm, want {want}")
        allowed = LONE_ALLOWED.get(name, {}).get(title, 0)
        check(m["lone"] <= allowed,
              f"{where}: {m['lone']} cells leave a character alone: {m['lone_examples']}")
        empty = m["empty_fraction"][:-1]
        check(all(e < 0.34 for e in empty),
              f"{where}: pages {m['rows_per_page']} leave {m['empty_fraction']} of a page empty")
        if "targets" in name:
            # keeping a category on one page never costs the table a page
            check(len(m["rows_per_page"]) <= m["pages_filled"],
                  f"{where}: {len(m['rows_per_page'])} pages, {m['pages_filled']} filled without breaks")
    if "progress" in name:
        # 本期累计, 完成率 and 序时进度 keep their widths: a figure that does not fit shows ###
        m = sheets["指标监测"]
        check(all(w >= want for w, want in zip(m["figure_widths"], (10, 8, 10))),
              f"{name}: the figures' columns are {m['figure_widths']} wide")
    if "targets" in name:
        m = next(iter(sheets.values()))
        check(m["row1_height"] is not None and m["row1_height"] < 30,
              f"{name}: the label row is {m['row1_height']} pt, one line of 16 pt")


# ---- LibreOffice's print ------------------------------------------------------------------

LONE_WORD = re.compile(r"[\u3400-\u9fff][）)】》”’、，。％%]*")


def name_texts(path):
    """The header and name cells' texts of every sheet, line feeds and spaces taken out."""
    out = set()
    for ws in openpyxl.load_workbook(path).worksheets:
        head = int(str(ws.print_title_rows).split(":")[0].replace("$", "")) if ws.print_title_rows else 1
        heads = {c: str(ws.cell(head, c).value or "") for c in range(1, ws.max_column + 1)}
        cols = [c for c, h in heads.items() if any(k in h for k in ("类别", "名称", "任务", "单位"))]
        merged = {(r.min_row, r.min_col) for r in ws.merged_cells.ranges if r.max_col > r.min_col}
        for row in ws.iter_rows(min_row=head, max_row=ws.max_row):
            for cell in row:
                if isinstance(cell.value, str) and (cell.row == head or cell.column in cols) \
                        and (cell.row, cell.column) not in merged:
                    out.add(re.sub(r"\s", "", cell.value))
    return out


def lo_lone(books, tmp):
    """Per workbook, the header and name cells LibreOffice prints with one character alone on
    their last line; None when LibreOffice is missing."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    out = os.path.join(tmp, "lo")
    profile = "file://" + os.path.join(tmp, "lo-profile")
    r = subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf",
                        "--outdir", out] + list(books.values()), capture_output=True, timeout=600)
    check(r.returncode == 0, f"LibreOffice: {r.stderr.decode()[-300:]}")
    found = {}
    for name, path in books.items():
        pdf = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".pdf")
        names = name_texts(path)
        xml = run("pdftotext", "-bbox", pdf, "-").stdout.decode("utf-8")
        words, page = [], 0
        for line in xml.split("\n"):
            if "<page " in line:
                page += 1
            m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
            if m:
                words.append((page, *map(float, m.groups()[:4]), m.group(5)))
        lone = []
        for w in words:
            if not LONE_WORD.fullmatch(w[5]):
                continue
            # up the cell: the closest word above that overlaps it, line by line
            chain, cur = [w[5]], w
            for _ in range(16):
                h = cur[4] - cur[2]
                above = [u for u in words if u[0] == cur[0] and u[4] <= cur[2] + 1 and cur[2] - u[4] < 0.9 * h
                         and u[1] < cur[3] and u[3] > cur[1]]
                if not above:
                    break
                cur = max(above, key=lambda u: u[4])
                chain.insert(0, cur[5])
                if "".join(chain) in names:
                    lone.append("".join(chain[:-1]) + " / " + chain[-1])
                    break
        found[name] = lone
    return found


def check_options(cli, src, tmp):
    """--margins sheet gives Excel's own margins back."""
    tonglu = os.path.join(src, "examples", "data", "tonglu-2024.json")
    book = os.path.join(tmp, "plain.xlsx")
    for cmd in ("table", "breakdown"):
        r = run(cli, cmd, tonglu, "-o", book, "--margins", "sheet")
        check(r.returncode == 0, f"{cmd} --margins sheet: {r.stderr.decode()[-200:]}")
        ws = openpyxl.load_workbook(book).worksheets[0]
        got = [round(getattr(ws.page_margins, k) * MM_IN, 1) for k in ("left", "right", "top", "bottom")]
        check(got == [19.0, 19.0, 25.4, 25.4], f"{cmd} --margins sheet: {got}")
    r = run(cli, "table", tonglu, "-o", book, "--margins", "wide")
    check(r.returncode == 2, "--margins wide is a usage error")


def main():
    args = sys.argv[1:]
    measure_only = args and args[0] == "--measure"
    if measure_only:
        args = args[1:]
    if len(args) != 1:
        print("usage: test_sheets.py [--measure] ZHIBIAO_PROGRAM")
        return 2
    cli = args[0]
    src = os.environ.get("ZB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
    seeds = os.environ.get("ZB_SEEDS_DIR") or os.path.join(src, "..", "shared", "seeds")
    if not os.path.exists(os.path.join(seeds, SEED)):
        seeds = None
    with tempfile.TemporaryDirectory() as tmp:
        books = workbooks(cli, tmp, seeds)
        for name, path in books.items():
            sheets = measure_book(path)
            if measure_only:
                for title, m in list(sheets.items())[:3]:
                    print(name, title, json.dumps(m, ensure_ascii=False))
                continue
            check_book(name, sheets)
        lo = lo_lone(books, tmp)
        if lo is None:
            print("LibreOffice not found: the workbooks were not printed")
        else:
            for name, lone in lo.items():
                allowed = sum(LONE_ALLOWED.get(name, {}).values())
                if measure_only:
                    print(name, "LibreOffice:", len(lone), lone)
                    continue
                check(len(lone) <= allowed, f"{name}: LibreOffice leaves a character alone in {lone}")
        if not measure_only:
            check_options(cli, src, tmp)
    if measure_only:
        return 0
    return zbgolden.summary()


if __name__ == "__main__":
    sys.exit(main())
