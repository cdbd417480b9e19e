"""The Python peer of floor_table.c: reads the indicator CSV that gen_plan writes with the csv
module and writes the same workbook with XlsxWriter (python3-xlsxwriter): the same cells, one
format per look, widths, label, merged title, header row, category merges, row heights
(characters over characters per line), print setup and document properties.

Usage: python3 peer_table.py IN.csv OUT.xlsx
"""
import csv
import datetime
import math
import sys

import xlsxwriter

WIDTHS = [6, 14, 36, 14, 18]


def lines(text, width):
    per_line = math.floor(((width * 7 + 5) - 6) * 0.75 / 12.0)
    return max(1, math.ceil(len(text) / per_line))


def height(n):
    return math.ceil((n * 12 * 1.3 + 6) / 0.75) * 0.75


def plain_number(s):
    body = s[1:] if s.startswith("-") else s
    if not body or len(s) > 11 or body.count(".") > 1 or not body.replace(".", "").isdigit():
        return None
    if not body.replace(".", "").isascii() or body.endswith(".") or ("." in body and body.endswith("0")):
        return None
    return float(s)


def main(src, out):
    with open(src, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    wb = xlsxwriter.Workbook(out)
    ws = wb.add_worksheet("目标体系表")

    def fmt(font, size, align, cell):
        props = {"font_name": font, "font_size": size, "font_family": 3, "font_charset": 134,
                 "valign": "vcenter", "align": align}
        if cell:
            props.update({"text_wrap": True, "border": 1})
        return wb.add_format(props)

    label = fmt("黑体", 16, "left", False)
    title = fmt("方正小标宋简体", 22, "center", False)
    title.set_text_wrap()
    header = fmt("黑体", 12, "center", True)
    center = fmt("仿宋_GB2312", 12, "center", True)
    left = fmt("仿宋_GB2312", 12, "left", True)
    for c, w in enumerate(WIDTHS):
        ws.set_column(c, c, w)
    ws.write_string(0, 0, "附件2", label)
    ws.set_row(0, 27)
    ws.merge_range(1, 0, 1, 4, "2024年目标体系表", title)
    ws.set_row(1, 46.25)
    for c, h in enumerate(["序号", "类别", "指标名称", "2024年目标值", "责任单位"]):
        ws.write_string(2, c, h, header)
    ws.set_row(2, 21.75)

    r0 = 3
    i = 0
    while i < len(rows):
        end = i + 1
        while end < len(rows) and not rows[end][1]:
            end += 1
        cat = rows[i][1]
        merged = end - i > 1
        above = 0.0
        for j in range(i, end):
            seq, _, name, target, units = rows[j][:5]
            rr = r0 + j - i
            ws.write_number(rr, 0, float(seq), center)
            if not merged:
                ws.write_string(rr, 1, cat, center)
            ws.write_string(rr, 2, name, left)
            v = plain_number(target)
            if v is not None:
                ws.write_number(rr, 3, v, center)
            else:
                ws.write_string(rr, 3, target, center)
            ws.write_string(rr, 4, units, center)
            n = max(lines(name, WIDTHS[2]), lines(target, WIDTHS[3]), lines(units, WIDTHS[4]))
            if not merged:
                n = max(n, lines(cat, WIDTHS[1]))
            h = height(n)
            if j + 1 == end and merged:
                need = height(lines(cat, WIDTHS[1]))
                if above + h < need:
                    h = need - above
            above += h
            ws.set_row(rr, h)
        if merged:
            ws.merge_range(r0, 1, r0 + end - i - 1, 1, cat, center)
        r0 += end - i
        i = end

    ws.set_paper(9)
    ws.set_portrait()
    ws.set_margins(28 / 25.4, 26 / 25.4, 37 / 25.4, 35 / 25.4)  # GB/T 9704, as zhibiao sets them
    ws.center_horizontally()
    ws.fit_to_pages(1, 0)
    ws.set_footer("&C— &P —", {"margin": 23 / 25.4})
    ws.repeat_rows(2, 2)
    ws.freeze_panes(3, 0)
    wb.set_properties({"title": "2024年目标体系表", "created": datetime.datetime(2024, 1, 1)})
    wb.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 peer_table.py IN.csv OUT.xlsx")
    main(sys.argv[1], sys.argv[2])
