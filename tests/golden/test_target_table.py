#!/usr/bin/python3
"""Golden test of the target table (目标体系表) as a reader sees it.

Usage: test_target_table.py ZHIBIAO_PROGRAM   (env: ZB_SOURCE_DIR, ZB_TEST_DATA)

Runs `zhibiao demo -o DIR`, reads DIR/tonglu-2024-targets.xlsx back with openpyxl and
checks it against the seed's published 附件2: every cell of the 41 rows, the category
merges, title, label, header, borders, fonts, print setup, frozen panes, document
properties, and that two runs give the same bytes.

The expected rows come from the seed document itself when it is beside the source tree
(../shared/seeds), normalised as the plan normalises names (`牵 引 性 指 标` -> `牵引性指标`);
otherwise from the committed copy tests/data/tonglu-2024-expected.tsv. When both are there
they must agree.
"""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zbgolden  # noqa: E402
from zbgolden import check, is_cjk, normalise  # noqa: E402,F401

SEED = "000_63027711b8e1e1d4.txt"
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}





def seed_rows(path):
    """The 41 rows of 附件2 as published: cells one per line, the category only on the
    first row of its group."""
    lines = [l.strip() for l in open(path, encoding="utf-8")]
    lines = [l for l in lines if l.strip("\u00a0 ")]
    start = lines.index("责任单位") + 1
    end = next(i for i, l in enumerate(lines) if i > start and l.startswith("附件"))
    body = lines[start:end]
    number = re.compile(r"^[0-9.]+%?$")
    rows, i, seq, category = [], 0, 1, ""
    while i < len(body):
        assert body[i] == str(seq), (seq, body[i])
        j = i + 1
        # A row ends where the next sequence number follows its units (never a number).
        while j < len(body) and not (body[j] == str(seq + 1) and not number.match(body[j - 1])):
            j += 1
        cells = body[i + 1:j]
        if len(cells) == 4:
            category = normalise(cells[0])
            cells = cells[1:]
        assert len(cells) == 3, cells
        rows.append((str(seq), category, normalise(cells[0]), cells[1], cells[2]))
        seq += 1
        i = j
    return rows


def tsv_rows(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    return [tuple(l.split("\t")) for l in lines[1:] if l]


def shown(value):
    """A cell value as the sheet shows it under the General format."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def bordered_styles(zf):
    """Indexes of the cell formats (s="...") with thin borders on all four sides."""
    styles = ET.fromstring(zf.read("xl/styles.xml"))
    borders = styles.findall("m:borders/m:border", NS)
    thin = set()
    for i, b in enumerate(borders):
        if all((b.find("m:" + side, NS) is not None and b.find("m:" + side, NS).get("style") == "thin")
               for side in ("left", "right", "top", "bottom")):
            thin.add(i)
    xfs = styles.findall("m:cellXfs/m:xf", NS)
    return {i for i, xf in enumerate(xfs) if int(xf.get("borderId", "0")) in thin}


def main():
    if len(sys.argv) != 2:
        print("usage: test_target_table.py ZHIBIAO_PROGRAM", file=sys.stderr)
        return 2
    program = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    source = os.environ.get("ZB_SOURCE_DIR") or os.path.dirname(os.path.dirname(here))
    data = os.environ.get("ZB_TEST_DATA") or os.path.join(source, "tests", "data")

    expected = tsv_rows(os.path.join(data, "tonglu-2024-expected.tsv"))
    seed = os.path.join(source, "..", "shared", "seeds", SEED)
    if os.path.exists(seed):
        from_seed = seed_rows(seed)
        check(from_seed == expected, "tests/data/tonglu-2024-expected.tsv agrees with the seed's 附件2")
        expected = from_seed
    check(len(expected) == 41, "41 expected rows")
    with open(os.path.join(source, "examples", "data", "tonglu-2024.json"), encoding="utf-8") as f:
        plan = json.load(f)

    with tempfile.TemporaryDirectory(prefix="zb-golden-") as tmp:
        outs = []
        for run in ("a", "b"):
            out = os.path.join(tmp, run)
            r = subprocess.run([program, "demo", "-o", out], capture_output=True, text=True)
            check(r.returncode == 0, "demo exits 0 (%s)" % r.stderr.strip())
            outs.append(os.path.join(out, "tonglu-2024-targets.xlsx"))
        path = outs[0]
        with open(outs[0], "rb") as fa, open(outs[1], "rb") as fb:
            check(fa.read() == fb.read(), "two runs give the same bytes")

        wb = openpyxl.load_workbook(path)
        check(wb.sheetnames == ["目标体系表"], "one sheet named 目标体系表: %r" % wb.sheetnames)
        ws = wb.worksheets[0]

        # Label, title, header.
        check(ws["A1"].value == "附件2", "label 附件2 in A1")
        check(ws["A1"].font.name == "黑体" and ws["A1"].font.sz == 16, "label in 黑体 16 pt")
        check(ws["A2"].value == "2024年目标体系表", "title: %r" % ws["A2"].value)
        check(ws["A2"].font.sz == 22 and ws["A2"].alignment.horizontal == "center", "title 22 pt, centred")
        header = [ws.cell(row=3, column=c).value for c in range(1, 6)]
        check(header == ["序号", "类别", "指标名称", "2024年目标值", "责任单位"], "header: %r" % header)
        for c in range(1, 6):
            cell = ws.cell(row=3, column=c)
            check(cell.font.name == "黑体" and cell.alignment.horizontal == "center"
                  and cell.alignment.wrap_text, "header cell %s: 黑体, centred, wrapped" % cell.coordinate)
        check(ws.max_row == 3 + 41 and ws.max_column == 5, "44 rows, 5 columns: %d x %d" % (ws.max_row, ws.max_column))

        # Every cell of the 41 rows; the category only on the first row of its group.
        groups = []  # (first row, last row) of each category's run
        for k, row in enumerate(expected):
            r = 4 + k
            if k == 0 or row[1] != expected[k - 1][1]:
                groups.append([r, r])
            else:
                groups[-1][1] = r
        breaks = {b.id + 1 for b in ws.row_breaks.brk}  # 1-based rows that start a page
        # A category is shown on its group's first row, and again where a break splits it.
        first_rows = {g[0] for g in groups} | {r for g in groups for r in breaks if g[0] < r <= g[1]}
        for k, (seq, category, name, target, units) in enumerate(expected):
            r = 4 + k
            got = [shown(ws.cell(row=r, column=c).value) for c in range(1, 6)]
            # A category that would leave a character alone is set on even lines.
            got[1] = got[1].replace("\n", "")
            want = [seq, category if r in first_rows else "", name, target, units]
            check(got == want, "row %d: %r != %r" % (r, got, want))
            check(isinstance(ws.cell(row=r, column=1).value, int), "序号 of row %d is a number" % r)
            # Plain-number targets are numbers, anything else (20%) text.
            tv = ws.cell(row=r, column=4).value
            plain = re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?", target) is not None
            check(isinstance(tv, (int, float)) == plain, "target of row %d is %s" % (r, "a number" if plain else "text"))
            name_cell = ws.cell(row=r, column=3)
            check(name_cell.font.name == "仿宋_GB2312" and name_cell.font.sz == 12, "row %d body font" % r)
            check(name_cell.alignment.horizontal == "left" and name_cell.alignment.vertical == "center"
                  and name_cell.alignment.wrap_text, "row %d name left, centred vertically, wrapped" % r)
            for c in (1, 4, 5):
                cell = ws.cell(row=r, column=c)
                check(cell.alignment.horizontal == "center" and cell.alignment.vertical == "center",
                      "cell %s centred" % cell.coordinate)
            height = ws.row_dimensions[r].height
            check(height is not None and height >= 20, "row %d has a height: %r" % (r, height))

        # Merges: the title, and 类别 over every group of two or more rows, once on each page
        # a manual break splits it (a row starting a page has the break before it).
        merges = sorted(str(m) for m in ws.merged_cells.ranges)
        want_merges = ["A2:E2"]
        for a, b in groups:
            start = a
            for r in range(a + 1, b + 2):
                if r == b + 1 or r in breaks:
                    if r - 1 > start:
                        want_merges.append("B%d:B%d" % (start, r - 1))
                    start = r
        want_merges.sort()
        check(len(groups) == 10, "10 category groups")
        check(merges == want_merges, "merges: %r, want %r" % (merges, want_merges))
        for a, b in groups:
            cell = ws.cell(row=a, column=2)
            check(cell.alignment.horizontal == "center" and cell.alignment.vertical == "center"
                  and cell.alignment.wrap_text, "category %s centred and wrapped" % cell.coordinate)
            # A merged category fits in its rows: as many characters a line as its column's
            # width gives (7 px a unit and 5 of padding, 6 px of margin, 12 pt characters).
            per = max(1, int((round(ws.column_dimensions["B"].width * 7) - 6) * 0.75 // 12))
            lines = sum(-(-len(part) // per) for part in cell.value.split("\n"))
            total = sum(ws.row_dimensions[r].height for r in range(a, b + 1))
            check(total >= lines * 12 * 1.3, "category %s fits its rows (%.1f pt)" % (cell.value, total))

        # Rows with long names are taller than rows with short ones.
        short = ws.row_dimensions[5].height    # 规上工业增加值增速(%)
        long_ = ws.row_dimensions[11].height   # 招引落地总投资10亿元以上(或1亿美元以上)制造业重大项目(个)
        check(long_ > short, "a wrapped name makes its row taller (%r > %r)" % (long_, short))

        # Column widths fill the type area of A4 portrait (156 mm: 80 units and 5 px a column).
        widths = [ws.column_dimensions[c].width for c in "ABCDE"]
        px = sum(round(w * 7) for w in widths)
        check(580 <= px <= 590, "columns fill the 156 mm type area: %r (%d px)" % (widths, px))
        mm = [round(getattr(ws.page_margins, k) * 25.4, 1) for k in ("left", "right", "top", "bottom")]
        check(mm == [28.0, 26.0, 37.0, 35.0], "margins of the type area: %r" % mm)
        check(ws.row_dimensions[1].height < 30, "the label's row one line tall: %r" % ws.row_dimensions[1].height)

        # Print setup.
        ps = ws.page_setup
        check(str(ps.paperSize) == "9", "paper A4: %r" % ps.paperSize)
        check(ps.orientation == "portrait", "portrait")
        check(ws.sheet_properties.pageSetUpPr.fitToPage, "fit to page")
        check(ps.fitToWidth in (None, 1, "1"), "one page wide: %r" % ps.fitToWidth)
        check(str(ps.fitToHeight) == "0", "as many pages tall as needed: %r" % ps.fitToHeight)
        check(ws.print_title_rows in ("$3:$3", "3:3"), "header row repeated: %r" % ws.print_title_rows)
        check(ws.freeze_panes == "A4", "panes frozen below the header: %r" % ws.freeze_panes)
        check(ws.print_options.horizontalCentered, "centred horizontally on the page")

        with zipfile.ZipFile(path) as zf:
            sheet_xml = zf.read("xl/worksheets/sheet1.xml").decode("utf-8")
            check("<oddFooter>&amp;C— &amp;P —</oddFooter>" in sheet_xml, "footer &C— &P —")
            check("<f>" not in sheet_xml, "no formulas")
            # Thin borders on every cell of the table, the merged ones included.
            thin = bordered_styles(zf)
            root = ET.fromstring(sheet_xml)
            cells = {c.get("r"): c for c in root.iter("{%s}c" % NS["m"])}
            for r in range(3, 3 + 41 + 1):
                for col in "ABCDE":
                    c = cells.get("%s%d" % (col, r))
                    check(c is not None and int(c.get("s", "0")) in thin, "cell %s%d has thin borders" % (col, r))

        # Document properties.
        props = wb.properties
        check(props.title == "2024年目标体系表", "property title: %r" % props.title)
        check(props.creator == plan.get("organ"), "property creator: %r" % props.creator)
        y, m, d = (int(x) for x in plan["date"].split("-"))
        check(props.created == datetime.datetime(y, m, d), "property created: %r" % props.created)

    return zbgolden.summary()


if __name__ == "__main__":
    sys.exit(main())
