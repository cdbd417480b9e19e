#!/usr/bin/python3
"""Golden test of the text importer on documents in the styles offices publish.

Usage: test_import_fixtures.py ZHIBIAO_PROGRAM   (env: ZB_TEST_DATA)

Every tests/data/import/NAME.txt with a NAME.facts.json is run end to end, as a user would:
`zhibiao import` (its summary and verdict, the plan's title, 文号, recipients, date, years,
tasks, every responsibility item's leads and cooperating units, indicators, categories,
units, attachments, unplaced lines), `zhibiao check` (no errors, nothing that looks
misread), `zhibiao table` (one row per indicator, a column per target year),
`zhibiao breakdown` (a sheet for every lead unit, each lead counted as leading) and
`zhibiao notice` (the title and 文号 printed, no half-width punctuation inside Chinese).
"""
import glob
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

MISREAD = ["empty-table", "table-as-text", "task-no-unit", "unit-name", "note-units", "note-in-text", "title-banner"]
CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”"


def run(cli, *args):
    return subprocess.run([cli, *args], capture_output=True, text=True)


def indicators_of(plan):
    inds = list(plan.get("indicators", []))
    for c in plan.get("categories", []):
        inds += c.get("indicators", [])
    return inds


def items_of(plan):
    out = []
    for t in plan.get("tasks", []):
        for d in t.get("duties", []):
            units = d.get("responsible", [])
            if isinstance(units, str):
                units = [units]
            n = d.get("leads", 1) if units else 0
            out.append([t.get("number", ""), units[:n], units[n:]])
    return out


def one(cli, tmp, txt, facts):
    name = os.path.basename(txt)[:-4]
    plan_path = os.path.join(tmp, name + ".json")
    r = run(cli, "import", txt, "-o", plan_path)
    check(r.returncode == 0, f"{name}: import exit {r.returncode}: {r.stderr}")
    if r.returncode:
        return
    err = r.stderr
    unplaced = sum(1 for line in err.splitlines() if line.endswith("[unplaced]"))
    check(unplaced == facts["unplaced"], f"{name}: {unplaced} lines unplaced, expected {facts['unplaced']}: {err}")
    check(f"verdict:     {facts['verdict']}" in err, f"{name}: verdict: {err}")
    check(f"title:       {facts['title']}" in err, f"{name}: summary title: {err}")
    check(f"文号:        {facts['doc_number'] or '(none)'}" in err, f"{name}: summary 文号: {err}")

    plan = json.load(open(plan_path, encoding="utf-8"))
    years = plan.get("years", [plan["year"], plan["year"]] if "year" in plan else [])
    got = {
        "title": plan.get("title", ""), "doc_number": plan.get("doc_number", ""), "organ": plan.get("organ", ""),
        "plan_title": plan.get("plan_title", ""), "recipients": plan.get("recipients", []),
        "date": plan.get("date", ""), "years": years, "tasks": len(plan.get("tasks", [])),
        "items": len(items_of(plan)), "indicators": len(indicators_of(plan)),
        "categories": len(plan.get("categories", [])), "units": len(plan.get("units", [])),
        "attachments": [[a.get("number"), a.get("kind", "text"), a["title"]] for a in plan.get("attachments", [])],
        "duties": items_of(plan),
    }
    for key, value in got.items():
        check(value == facts[key], f"{name}: {key}: {value!r}, expected {facts[key]!r}")

    # check: no errors, nothing that looks misread.
    r = run(cli, "check", plan_path)
    check(r.returncode == 0 and " 0 errors" in r.stderr, f"{name}: check: {r.stderr}")
    for code in MISREAD:
        check(f"[{code}]" not in r.stderr, f"{name}: check says {code}: {r.stderr}")

    # table: a row per indicator, a column per target year.
    inds = indicators_of(plan)
    if inds:
        book = os.path.join(tmp, name + ".xlsx")
        r = run(cli, "table", plan_path, "-o", book)
        check(r.returncode == 0, f"{name}: table: {r.stderr}")
        if r.returncode == 0:
            ws = openpyxl.load_workbook(book).worksheets[0]
            rows = [row for row in ws.iter_rows(values_only=True) if isinstance(row[0], (int, float))]
            check(len(rows) == len(inds), f"{name}: table has {len(rows)} rows, expected {len(inds)}")
            header = " ".join(str(c) for row in ws.iter_rows(max_row=4, values_only=True) for c in row if c)
            years_in = sorted({t["year"] for i in inds for t in i.get("targets", []) if "year" in t})
            for y in years_in:
                check(str(y) in header, f"{name}: no {y} column in the table header: {header}")

    # breakdown: every lead unit has a sheet and leads there.
    book = os.path.join(tmp, name + "-breakdown.xlsx")
    r = run(cli, "breakdown", plan_path, "-o", book)
    check(r.returncode == 0, f"{name}: breakdown: {r.stderr}")
    if r.returncode == 0 and got["duties"]:
        wb = openpyxl.load_workbook(book, read_only=True)
        leads = {u for _, ls, _ in got["duties"] for u in ls}
        units = wb["按单位"]
        counts = {row[1]: row[2] for row in units.iter_rows(min_row=1, values_only=True) if row and row[1]}
        for u in sorted(leads):
            check(u[:31] in wb.sheetnames or any(s.startswith(u[:28]) for s in wb.sheetnames),
                  f"{name}: no sheet for lead unit {u}")
            check((counts.get(u) or 0) >= 1, f"{name}: {u} leads no item in 按单位: {counts.get(u)!r}")

    # notice: the title and 文号 as printed; full-width punctuation inside Chinese.
    pdf = os.path.join(tmp, name + ".pdf")
    # A plan without an issuing organ (a 工作要点 published as itself) is written with --force,
    # as the program advises.
    r = run(cli, "notice", plan_path, "-o", pdf, *([] if facts["organ"] else ["--force"]))
    check(r.returncode == 0, f"{name}: notice: {r.stderr}")
    if r.returncode == 0:
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        flat = "".join(text.split())
        check("".join(facts["title"].split())[:20] in flat, f"{name}: the notice lacks its title")
        if facts["doc_number"] and facts["organ"]:  # the 版头 needs an issuing organ
            check(facts["doc_number"] in flat, f"{name}: the notice lacks {facts['doc_number']}")
        half = re.findall(f"[{CJK}][,:;()][{CJK}]", flat)
        check(not half, f"{name}: half-width punctuation inside Chinese in the notice: {half[:5]}")


def main():
    cli = sys.argv[1]
    data = os.path.join(os.environ["ZB_TEST_DATA"], "import")
    fixtures = sorted(glob.glob(os.path.join(data, "*.facts.json")))
    check(len(fixtures) >= 12, f"only {len(fixtures)} fixtures with facts")
    with tempfile.TemporaryDirectory() as tmp:
        for f in fixtures:
            facts = json.load(open(f, encoding="utf-8"))
            one(cli, tmp, f[:-len(".facts.json")] + ".txt", facts)
    return zbgolden.summary()


if __name__ == "__main__":
    sys.exit(main())
