#!/usr/bin/python3
"""Golden test of the text importer, as a user meets it.

Usage: test_import.py ZHIBIAO_PROGRAM   (env: ZB_SOURCE_DIR)

For each published seed ($ZB_SEEDS_DIR, else ../shared/seeds beside the source tree; skipped
when absent):
`zhibiao import` writes a plan that `zhibiao check` accepts with no errors; for 桐庐, the
target table written from the import equals, cell for cell (the importer's full-width marks
inside Chinese read as the example's half-width ones) and merge for merge, the one written
from examples/data/tonglu-2024.json; `zhibiao breakdown` gives every unit named in
the import its own sheet; `zhibiao notice` prints the 武义 import whole, the plan it issues
included.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zbgolden  # noqa: E402
from zbgolden import check  # noqa: E402

SEEDS = {"tonglu": "000_63027711b8e1e1d4.txt", "wuyi": "001_5e1ff4ec9cd73333.txt"}


def run(cli, *args):
    return subprocess.run([cli, *args], capture_output=True, text=True)


WIDE = str.maketrans("，：；？！（）", ",:;?!()")


def folded(row):
    """The importer makes half-width marks inside Chinese full-width; the example data keeps
    the seed's half-width ones."""
    return [v.translate(WIDE) if isinstance(v, str) else v for v in row]


def cells(path):
    """The sheet's values, each merged cell's value on every row it covers, and the merged
    column ranges joined where a group goes on over a page break. The table prints a group's
    category again on each page it reaches; where the pages break depends on the measured
    row heights, and full-width marks are wider than the example's half-width ones, so the
    same groups may be cut at other rows."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    spans = []
    for m in ws.merged_cells.ranges:
        top = values[m.min_row - 1][m.min_col - 1]
        for r in range(m.min_row, m.max_row + 1):
            for c in range(m.min_col, m.max_col + 1):
                values[r - 1][c - 1] = top
        spans.append([m.min_col, m.min_row, m.max_col, m.max_row, top])
    spans.sort()
    joined = []
    for sp in spans:
        last = joined[-1] if joined else None
        if (last and sp[0] == last[0] and sp[2] == last[2] and sp[0] == sp[2]
                and sp[1] == last[3] + 1 and sp[4] == last[4]):
            last[3] = sp[3]
        else:
            joined.append(sp)
    merges = sorted(f"{openpyxl.utils.get_column_letter(a)}{b}:{openpyxl.utils.get_column_letter(c)}{d}"
                    for a, b, c, d, _ in joined)
    return values, merges


def main():
    cli = sys.argv[1]
    src = os.environ["ZB_SOURCE_DIR"]
    seeds = os.environ.get("ZB_SEEDS_DIR") or os.path.join(src, "..", "shared", "seeds")
    if not all(os.path.exists(os.path.join(seeds, s)) for s in SEEDS.values()):
        print("seeds not found beside the source tree: skipped")
        print("0 passed, 0 failed")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        plans = {}
        for name, seed in SEEDS.items():
            plan = os.path.join(tmp, name + ".json")
            r = run(cli, "import", os.path.join(seeds, seed), "-o", plan)
            check(r.returncode == 0, f"import {name}: exit {r.returncode}: {r.stderr}")
            check("could not place" not in r.stderr, f"import {name} left lines unplaced: {r.stderr}")
            r = run(cli, "check", plan)
            check(r.returncode == 0 and " 0 errors" in r.stderr, f"check {name}: {r.stderr}")
            plans[name] = plan

        # 桐庐: the table from the import equals the table from the example data.
        mine = os.path.join(tmp, "import.xlsx")
        ref = os.path.join(tmp, "example.xlsx")
        check(run(cli, "table", plans["tonglu"], "-o", mine).returncode == 0, "table from the import")
        check(run(cli, "table", os.path.join(src, "examples/data/tonglu-2024.json"), "-o", ref).returncode == 0,
              "table from the example")
        (mv, mm), (rv, rm) = cells(mine), cells(ref)
        check(len(mv) == len(rv), f"rows: {len(mv)} vs {len(rv)}")
        for i, (a, b) in enumerate(zip(mv, rv)):
            check(folded(a) == folded(b), f"row {i + 1}: {a} != {b}")
        check(mm == rm, f"merges differ: {mm} vs {rm}")

        # The breakdown of the import: a sheet for every unit named in a task.
        data = json.load(open(plans["tonglu"], encoding="utf-8"))
        named = set()
        for t in data.get("tasks", []):
            for d in t.get("duties", []):
                units = d.get("responsible", [])
                named.update(units if isinstance(units, list) else [units])
        book = os.path.join(tmp, "breakdown.xlsx")
        check(run(cli, "breakdown", plans["tonglu"], "-o", book).returncode == 0, "breakdown of the import")
        sheets = set(openpyxl.load_workbook(book, read_only=True).sheetnames)
        for u in sorted(named):
            check(u[:31] in sheets or any(s.startswith(u[:28]) for s in sheets), f"no sheet for unit {u}")

        # 武义: the notice prints the notice and the plan it issues.
        pdf = os.path.join(tmp, "wuyi.pdf")
        r = run(cli, "notice", plans["wuyi"], "-o", pdf)
        check(r.returncode == 0, f"notice of the import: {r.stderr}")
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        flat = "".join(text.split())
        for want in ["武义县人民政府文件", "武政发〔2022〕11号", "县政府各部门：", "（此件公开发布）", "2022年3月24日",
                     "武义县新一轮制造业“腾笼换鸟、凤凰涅槃”攻坚行动方案", "一、总体要求", "18.推进产品升级换代"]:
            check(want in flat, f"the 武义 notice lacks {want}")
        # The seed's half-width commas and colons inside Chinese are printed full-width.
        half = re.findall("[\u4e00-\u9fff“”，。（）][,:;()][\u4e00-\u9fff“”（）]", flat)
        check(not half, f"the 武义 notice prints half-width punctuation inside Chinese: {len(half)}, e.g. {half[:3]}")
    return zbgolden.summary()


if __name__ == "__main__":
    sys.exit(main())
