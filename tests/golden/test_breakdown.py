#!/usr/bin/python3
"""Golden test of the responsibility breakdown (责任分解表) as a reader sees it.

Usage: test_breakdown.py ZHIBIAO_PROGRAM   (env: ZB_SOURCE_DIR, ZB_TEST_DATA)

Runs `zhibiao breakdown examples/data/tonglu-2024.json -o OUT.xlsx` twice, reads the
workbook back with openpyxl and checks it against what the JSON says, worked out here
independently of the library: every responsibility item in 任务分解 (task, text, lead,
cooperating units, note, numbering, heading rows, merges); every unit's counts in 按单位
(the directory in its order, then the units it misses in the order they are first named),
the total row and the links; a sheet for every unit with something to list, with valid
and unique names, holding exactly that unit's items and indicators; the print setup,
document properties, and that two runs give the same bytes.

Skips (exit 0) when the program has no `breakdown` command yet.
"""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zbgolden  # noqa: E402
from zbgolden import check, is_cjk, normalise  # noqa: E402,F401

SEPARATORS = re.compile(r"[、,，;；\s]+")





def units_of(value):
    """Responsible units as the model splits them: a list, or one string with separators;
    a unit named twice is kept once."""
    if value is None:
        return []
    names = value if isinstance(value, list) else SEPARATORS.split(value)
    out = []
    for n in names:
        for part in SEPARATORS.split(n):
            part = normalise(part)
            if part and part not in out:
                out.append(part)
    return out


def collective(name):
    """plan.h zb_infer_collective: 各, 相关, 有关 anywhere; 成员单位, 等 at the end."""
    return (any(w in name for w in ("各", "相关", "有关"))
            or any(name.endswith(w) for w in ("成员单位", "等", "等单位", "等部门")))


def shown(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def target_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def model(plan):
    """Items, indicators and units as the breakdown must show them."""
    items = []  # (task label, text, units, note, heading)
    for t in plan.get("tasks", []):
        number = normalise(t.get("number", ""))
        title = normalise(t.get("title", ""))
        label = "%s. %s" % (number, title) if number else title
        headings = t.get("headings") or []
        heading = normalise(headings[-1]) if headings else ""
        task_text = normalise(t.get("text", ""))
        duties = t.get("duties") or []
        if not duties:
            items.append({"label": label, "text": task_text or title, "units": [], "note": "未明确责任单位",
                          "heading": heading, "counted": False, "task": t})
        for d in duties:
            items.append({"label": label, "text": normalise(d.get("text", "")) or task_text or title,
                          "units": units_of(d.get("responsible")), "note": normalise(d.get("note", "")),
                          "heading": heading, "counted": True, "task": t})
    indicators = []
    for c in plan.get("categories", []):
        for i in c.get("indicators", []):
            indicators.append({"name": normalise(i["name"]), "target": target_text(i.get("target")),
                               "units": units_of(i.get("responsible"))})
    for i in plan.get("indicators", []):
        indicators.append({"name": normalise(i["name"]), "target": target_text(i.get("target")),
                           "units": units_of(i.get("responsible"))})

    directory = []
    for u in plan.get("units", []):
        directory.append(normalise(u if isinstance(u, str) else u["name"]))
    order = list(directory)
    roles = {}  # unit -> [lead items, coop items, lead indicators, coop indicators] as lists

    def name(u, role, ref):
        if u not in roles:
            roles[u] = [[], [], [], []]
            if u not in order:
                order.append(u)
        roles[u][role].append(ref)

    for k, it in enumerate(items):
        for j, u in enumerate(it["units"]):
            name(u, 0 if j == 0 else 1, k)
    for k, ind in enumerate(indicators):
        for j, u in enumerate(ind["units"]):
            name(u, 2 if j == 0 else 3, k)
    for u in order:
        roles.setdefault(u, [[], [], [], []])
    return items, indicators, directory, order, roles


def merged_ranges(ws):
    return {str(m) for m in ws.merged_cells.ranges}


def check_print(ws, landscape, header_row, label):
    ps = ws.page_setup
    check(str(ps.paperSize) == "9", "%s: paper A4" % label)
    check(ps.orientation == ("landscape" if landscape else "portrait"), "%s: %s" % (label, ps.orientation))
    check(ws.sheet_properties.pageSetUpPr.fitToPage, "%s: fit to page" % label)
    check(ps.fitToWidth in (None, 1, "1") and str(ps.fitToHeight) == "0", "%s: one page wide" % label)
    check(ws.print_title_rows in ("$%d:$%d" % (header_row, header_row), "%d:%d" % (header_row, header_row)),
          "%s: header row repeated: %r" % (label, ws.print_title_rows))
    check(ws.freeze_panes == "A%d" % (header_row + 1), "%s: panes frozen: %r" % (label, ws.freeze_panes))
    check(ws.oddFooter.center.text == "— &P —", "%s: footer — N —: %r" % (label, ws.oddFooter.center.text))


def valid_sheet_name(name):
    units = sum(2 if ord(ch) > 0xFFFF else 1 for ch in name)
    return (0 < units <= 31 and not any(ch in name for ch in "[]:*?/\\")
            and not name.startswith("'") and not name.endswith("'") and name.lower() != "history")


def main():
    if len(sys.argv) != 2:
        print("usage: test_breakdown.py ZHIBIAO_PROGRAM", file=sys.stderr)
        return 2
    program = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    source = os.environ.get("ZB_SOURCE_DIR") or os.path.dirname(os.path.dirname(here))
    plan_path = os.path.join(source, "examples", "data", "tonglu-2024.json")

    r = subprocess.run([program, "breakdown", "--help"], capture_output=True, text=True)
    if r.returncode != 0:
        print("skipped: %s has no breakdown command yet (%s)" % (program, r.stderr.strip()))
        print("0 passed, 0 failed")
        return 0

    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    items, indicators, directory, order, roles = model(plan)
    title = normalise(plan["title"]) + "责任分解表"
    check(len([i for i in items if i["counted"]]) == 29, "the seed has 29 responsibility items")

    with tempfile.TemporaryDirectory(prefix="zb-golden-") as tmp:
        outs = []
        for run in ("a", "b"):
            out = os.path.join(tmp, run + ".xlsx")
            r = subprocess.run([program, "breakdown", plan_path, "-o", out], capture_output=True, text=True)
            check(r.returncode == 0, "breakdown exits 0 (%s)" % r.stderr.strip())
            outs.append(out)
        path = outs[0]
        with open(outs[0], "rb") as fa, open(outs[1], "rb") as fb:
            check(fa.read() == fb.read(), "two runs give the same bytes")

        wb = openpyxl.load_workbook(path)
        names = wb.sheetnames
        check(names[:2] == ["任务分解", "按单位"], "first sheets: %r" % names[:2])
        with zipfile.ZipFile(path) as zf:
            for i in range(len(names)):
                check("<f>" not in zf.read("xl/worksheets/sheet%d.xml" % (i + 1)).decode(), "no formulas in sheet %d" % (i + 1))

        # ---- 任务分解 ----------------------------------------------------------------
        ws = wb["任务分解"]
        check(ws["A1"].value == title, "任务分解 title: %r" % ws["A1"].value)
        check(ws["A1"].font.sz == 22 and ws["A1"].alignment.horizontal == "center", "title 22 pt, centred")
        header = [ws.cell(row=2, column=c).value for c in range(1, 7)]
        check(header == ["序号", "任务", "分工事项", "牵头单位", "配合单位", "备注"], "任务分解 header: %r" % header)
        merges = merged_ranges(ws)
        check("A1:F1" in merges, "title merged across")
        label = None
        rows = []       # the item rows as read
        headings = []   # heading rows as read
        row_of_item = []
        for r in range(3, ws.max_row + 1):
            a = ws.cell(row=r, column=1).value
            if "A%d:F%d" % (r, r) in merges:
                headings.append(a)
                label = None
                continue
            b = ws.cell(row=r, column=2).value
            if b is not None:
                label = b
            rows.append((shown(a), label, shown(ws.cell(row=r, column=3).value),
                         shown(ws.cell(row=r, column=4).value), shown(ws.cell(row=r, column=5).value),
                         shown(ws.cell(row=r, column=6).value)))
            row_of_item.append(r)
            check(ws.row_dimensions[r].height is not None and ws.row_dimensions[r].height >= 15,
                  "任务分解 row %d has a height" % r)
            for c in range(1, 7):
                cell = ws.cell(row=r, column=c)
                check(all(getattr(cell.border, side).style == "thin" for side in ("left", "right", "top", "bottom")),
                      "任务分解 %s has thin borders" % cell.coordinate)
        want_rows = []
        seq = 1
        for it in items:
            want_rows.append((str(seq) if it["counted"] else "", it["label"], it["text"],
                              it["units"][0] if it["units"] else "", "、".join(it["units"][1:]), it["note"]))
            if it["counted"]:
                seq += 1
        check(len(rows) == len(want_rows), "任务分解 has a row per item: %d, want %d" % (len(rows), len(want_rows)))
        for got, want in zip(rows, want_rows):
            check(got == want, "任务分解 row %r != %r" % (got, want))
        for r in row_of_item:
            check(isinstance(ws.cell(row=r, column=1).value, (int, type(None))), "序号 of row %d is a number" % r)
        want_headings = []
        for it in items:
            if it["heading"] and (not want_headings or want_headings[-1] != it["heading"]):
                want_headings.append(it["heading"])
        check(headings == want_headings, "heading rows: %r" % headings)
        check(len(headings) == 8, "eight heading rows (一) to (八)")
        check_print(ws, True, 2, "任务分解")

        # ---- 按单位 ------------------------------------------------------------------
        ws = wb["按单位"]
        check(ws["A1"].value == title, "按单位 title")
        header = [ws.cell(row=2, column=c).value for c in range(1, 8)]
        check(header == ["序号", "单位", "牵头事项", "配合事项", "牵头指标", "配合指标", "备注"], "按单位 header: %r" % header)
        check(ws.max_row == 2 + len(order) + 1, "按单位: a row per unit and a total: %d rows" % ws.max_row)
        totals = [0, 0, 0, 0]
        sheet_of = {}
        for k, u in enumerate(order):
            r = 3 + k
            got_name = ws.cell(row=r, column=2).value
            check(got_name == u, "按单位 row %d: %r, want %r" % (r, got_name, u))
            check(ws.cell(row=r, column=1).value == k + 1, "按单位 row %d numbered" % r)
            counts = [ws.cell(row=r, column=3 + j).value for j in range(4)]
            want = [len(x) for x in roles[u]]
            check(counts == want, "按单位 %s: counts %r, want %r" % (u, counts, want))
            check(all(isinstance(x, int) for x in counts), "按单位 %s: counts are numbers" % u)
            for j in range(4):
                totals[j] += want[j]
            remark = shown(ws.cell(row=r, column=7).value)
            want_remark = "集体名称" if collective(u) else ("" if u in directory else "未列入单位名录")
            check(remark == want_remark, "按单位 %s: remark %r, want %r" % (u, remark, want_remark))
            link = ws.cell(row=r, column=2).hyperlink
            if sum(want):
                check(link is not None and link.location, "按单位 %s links to its sheet" % u)
                if link is not None and link.location:
                    m = re.fullmatch(r"'(.*)'!A1", link.location)
                    check(m is not None, "link location %r" % link.location)
                    if m:
                        sheet_of[u] = m.group(1).replace("''", "'")
            else:
                check(link is None, "按单位 %s (nothing to list) has no link" % u)
        r = 3 + len(order)
        check(ws.cell(row=r, column=1).value == "合计" and "A%d:B%d" % (r, r) in merged_ranges(ws), "total row")
        got_totals = [ws.cell(row=r, column=3 + j).value for j in range(4)]
        check(got_totals == totals, "totals %r, want %r" % (got_totals, totals))
        check(totals[0] == 29 and totals[2] == 41, "29 items and 41 indicators have a lead: %r" % totals)
        # The seed's own examples: 县经信局 leads most; the directory's misspelling of
        # 县规划和自然资源局 shows as a unit missing from it.
        check(order.index("县规划和自然资源局") >= len(directory), "县规划和自然资源局 is not in the directory")
        check_print(ws, False, 2, "按单位")

        # ---- a sheet per unit ----------------------------------------------------------
        with_items = [u for u in order if sum(len(x) for x in roles[u])]
        check(names[2:] == [sheet_of.get(u) for u in with_items], "a sheet per unit with something to list, in order")
        check(len(set(n.lower() for n in names)) == len(names), "sheet names unique without regard to case")
        for n in names:
            check(valid_sheet_name(n), "valid sheet name %r" % n)
        role_names = ["牵头事项", "配合事项", "牵头指标", "配合指标"]
        numerals = "一二三四"
        for u in with_items:
            if u not in sheet_of or sheet_of[u] not in names:
                check(False, "sheet of %s" % u)
                continue
            ws = wb[sheet_of[u]]
            check(ws["A1"].value == title, "%s: title" % u)
            caption = ws["A2"].value or ""
            check(caption.startswith("责任单位:%s" % u), "%s: caption %r" % (u, caption))
            want = []
            section = 0
            for k in range(4):
                refs = roles[u][k]
                if not refs:
                    continue
                want.append(("%s、%s(%d项)" % (numerals[section], role_names[k], len(refs)),))
                section += 1
                for n, ref in enumerate(refs):
                    if k < 2:
                        it = items[ref]
                        want.append((str(n + 1), it["label"], it["text"], it["units"][0], "、".join(it["units"][1:])))
                    else:
                        ind = indicators[ref]
                        want.append((str(n + 1), ind["name"], ind["target"], ind["units"][0], "、".join(ind["units"][1:])))
            got = []
            merges = merged_ranges(ws)
            label = None
            for r in range(4, ws.max_row + 1):
                if "A%d:F%d" % (r, r) in merges:
                    got.append((ws.cell(row=r, column=1).value,))
                    continue
                b = ws.cell(row=r, column=2).value
                if b is not None:
                    label = b
                got.append(tuple([shown(ws.cell(row=r, column=1).value), label]
                                 + [shown(ws.cell(row=r, column=c).value) for c in (3, 4, 5)]))
            check(got == want, "%s: its list %r != %r" % (u, got[:6], want[:6]))
            check_print(ws, True, 3, u)

        # Document properties.
        props = wb.properties
        check(props.title == title, "property title: %r" % props.title)
        check(props.creator == plan.get("organ"), "property creator: %r" % props.creator)
        y, m, d = (int(x) for x in plan["date"].split("-"))
        check(props.created == datetime.datetime(y, m, d), "property created: %r" % props.created)

        # A title given on the command line goes over every sheet.
        out = os.path.join(tmp, "t.xlsx")
        r = subprocess.run([program, "breakdown", plan_path, "-o", out, "--title", "责任清单"],
                           capture_output=True, text=True)
        if r.returncode == 0:
            wb2 = openpyxl.load_workbook(out)
            check(all(s["A1"].value == "责任清单" for s in wb2.worksheets), "--title over every sheet")

    return zbgolden.summary()


if __name__ == "__main__":
    sys.exit(main())
