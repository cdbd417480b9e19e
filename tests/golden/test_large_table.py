#!/usr/bin/python3
"""Golden test of a large target table, which zhibiao writes in row order (libxlsxwriter's
constant_memory mode: strings in their cells, each category merge declared at its last row).

Usage: test_large_table.py ZHIBIAO_PROGRAM

A CSV of 360 indicators in groups of 1 to 9 rows (long names that wrap, numbers, percents,
以上 and 左右 targets, one to three units) is written whole, and again as its two halves,
tables of 180 rows (under 200, they stay in the shared-string layout). The data repeat every
180 rows, so that each half is what the whole is twice over and the columns, whose widths are
fitted to the rows, come out the same. Read back with
openpyxl, the large table holds the same cells, styles (fonts, alignment, borders, the number
format) and row heights as the small ones row for row, merges every group of more than one row
over its 类别 cell on each page it prints on (the pages break at other rows in the small
tables: there the category cells and a part's last row may differ), and stores its strings
inline; two runs give the same bytes.
"""
import os
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zbgolden  # noqa: E402
from zbgolden import check  # noqa: E402

HEADER = "序号,类别,指标名称,计量单位,2024年目标值,责任单位\n"
VERBS = ["新增", "培育", "完成", "推动规上工业企业", "建设省级以上高新技术企业研发中心和重点实验室"]
UNITS = ["县经信局", "县发改局", "县科技局", "县市场监管局", "市生态环境局桐庐分局"]


PERIOD = 180  # rows: 36 groups of 1 to 9, and every name, unit and target form


def make_rows(n):
    rows, seq, group = [], 1, 0
    while seq <= n:
        size = 1 + (group * 7) % 9
        category = "类别%03d：%s" % (group + 1, "提升产业链供应链韧性和安全水平" if group % 4 == 0 else "要素保障")
        for k in range(size):
            if seq > n:
                break
            p = seq % PERIOD
            name = "%s项目%03d" % (VERBS[seq % len(VERBS)], seq)
            unit = ["个", "%", "亿元", "家"][seq % 4]
            target = [str(p + 100), "%d.5" % (p % 90 + 10), "%d以上" % (p % 70 + 10),
                      "%d左右" % (p % 40 + 10)][seq % 4]
            if unit == "%" and seq % 3 == 0:
                target = "%d%%" % (p % 90 + 10)
            units = "、".join(UNITS[(seq + j) % len(UNITS)] for j in range(1 + seq % 3))
            rows.append((seq, category if k == 0 else "", name, unit, target, units))
            seq += 1
        group += 1
    return rows


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for r in rows:
            f.write(",".join(str(x) for x in r) + "\n")


def sheet_data(path):
    """Body rows (below the header) as (values, styles, height), the merges there and the
    body rows that start a page (0-based, as the rows)."""
    ws = openpyxl.load_workbook(path).active
    header = next(r for r in range(1, 6) if ws.cell(r, 1).value == "序号")
    breaks = {b.id - header for b in ws.row_breaks.brk}  # id: the row above the break
    rows = []
    for r in range(header + 1, ws.max_row + 1):
        cells = [ws.cell(r, c) for c in range(1, ws.max_column + 1)]
        rows.append(([c.value for c in cells],
                     [(c.font.name, c.font.sz, c.alignment.horizontal, c.alignment.vertical,
                       c.alignment.wrap_text, c.border.left.style, c.border.bottom.style, c.number_format)
                      for c in cells],
                     ws.row_dimensions[r].height))
    merges = sorted((m.min_row - header - 1, m.max_row - header - 1, m.min_col, m.max_col)
                    for m in ws.merged_cells.ranges if m.min_row > header)
    return rows, merges, breaks


def check_categories(name, rows, data, merges, breaks):
    """Each group's 类别 is merged over its rows on each page they print on: its parts start
    at the group's first row or at a page break, the text (balanced with line feeds) on each
    part's first row, blanks under it."""
    spans = {a: b for a, b, c1, c2 in merges if c1 == c2 == 2}
    i = 0
    while i < len(rows):
        end = i + 1
        while end < len(rows) and rows[end][1] == "":
            end += 1
        r = i
        while r < end:
            last = spans.get(r, r)
            ok = last < end and (r == i or r in breaks) and \
                str(data[r][0][1] or "").replace("\n", "") == rows[i][1] and \
                all(data[k][0][1] is None for k in range(r + 1, last + 1))
            if not ok:
                check(False, "%s: the category of rows %d-%d at row %d" % (name, i + 1, end, r + 1))
                break
            r = last + 1
        i = end


def main():
    zb = sys.argv[1]
    with tempfile.TemporaryDirectory() as d:
        rows = make_rows(2 * PERIOD)
        whole = os.path.join(d, "whole.csv")
        write_csv(whole, rows)
        out = os.path.join(d, "whole.xlsx")
        subprocess.run([zb, "table", whole, "-o", out], check=True, capture_output=True)
        again = os.path.join(d, "again.xlsx")
        subprocess.run([zb, "table", whole, "-o", again], check=True, capture_output=True)
        check(open(out, "rb").read() == open(again, "rb").read(), "two runs give the same bytes")
        with zipfile.ZipFile(out) as z:
            names = z.namelist()
            sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        check("xl/sharedStrings.xml" not in names and 't="inlineStr"' in sheet,
              "the large table stores its strings in their cells")

        # The two halves, tables of 180 rows; a group starts each.
        parts = [rows[:PERIOD], rows[PERIOD:]]
        check(rows[PERIOD][1] != "", "the second half starts a group")
        small_rows, small_merges, small_breaks, offset = [], [], set(), 0
        for k, part in enumerate(parts):
            path = os.path.join(d, "part%d.csv" % k)
            write_csv(path, part)
            xlsx = os.path.join(d, "part%d.xlsx" % k)
            subprocess.run([zb, "table", path, "-o", xlsx], check=True, capture_output=True)
            with zipfile.ZipFile(xlsx) as z:
                check("xl/sharedStrings.xml" in z.namelist(), "a small table keeps shared strings")
            r, m, br = sheet_data(xlsx)
            check_categories("part %d" % k, part, r, m, br)
            small_rows += r
            small_merges += [(a + offset, b + offset, c1, c2) for a, b, c1, c2 in m]
            small_breaks |= {x + offset for x in br}
            offset += len(r)

        def widths(path):
            ws = openpyxl.load_workbook(path).worksheets[0]
            return [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, 7)]
        check(all(widths(os.path.join(d, "part%d.xlsx" % k)) == widths(out) for k in range(len(parts))),
              "the halves' columns are as wide as the whole's")
        big_rows, big_merges, big_breaks = sheet_data(out)
        check(len(big_rows) == len(rows) == len(small_rows), "one row per indicator")
        check_categories("the large table", rows, big_rows, big_merges, big_breaks)
        # The pages break at other rows in the tables of 200 (each with its own title): the
        # 类别 cells and the height of a row ending a page's part of a group (grown for the
        # category's text) may differ there; all else is the same.
        near = big_breaks | small_breaks
        split = set()  # rows of a group a page break cuts in either table
        i = 0
        while i < len(rows):
            end = i + 1
            while end < len(rows) and rows[end][1] == "":
                end += 1
            if any(i < x < end for x in near):
                split |= set(range(i, end))
            i = end
        for i, (a, b) in enumerate(zip(big_rows, small_rows)):
            check(a[0][:1] + a[0][2:] == b[0][:1] + b[0][2:], "row %d cells: %r / %r" % (i + 1, a[0], b[0]))
            check(a[1][:1] + a[1][2:] == b[1][:1] + b[1][2:], "row %d styles" % (i + 1))
            if a[0][1] is not None and b[0][1] is not None:  # (openpyxl styles a merge's lower cells
                check(a[1][1] == b[1][1], "row %d category style" % (i + 1))  # by its own rules)
            if i not in split:
                check(a[2] == b[2], "row %d height: %r / %r" % (i + 1, a[2], b[2]))
        groups = sum(1 for i, r in enumerate(rows) if r[1] and (i + 1 < len(rows) and rows[i + 1][1] == ""))
        check(len(big_merges) >= groups, "a merge for every group of more than one row")
        # The cells under a merged 类别 are blanks with the cell's borders.
        first = big_merges[0]
        check(big_rows[first[1]][0][1] is None and big_rows[first[1]][1][1][5] == "thin",
              "formatted blanks under a merged category")
    return zbgolden.summary()


if __name__ == "__main__":
    sys.exit(main())
