#!/usr/bin/python3
"""Golden test of the monitoring workbook and the annual assessment as a reader sees them.

Usage: test_progress.py ZHIBIAO_PROGRAM   (env: ZB_SOURCE_DIR, ZB_TEST_DATA)

Runs `zhibiao progress examples/data/tonglu-2024.json examples/data/tonglu-2024-actuals.csv
--period 2024-06` and `zhibiao assess … --period 2024-12`, reads the workbooks back with
openpyxl and checks them against numbers recomputed here, in Python, from the rules of
docs/progress.md and xlsx.h: every row's status (recomputed from the plan and the actuals,
and again from the numbers the row's 说明 states), the cached values of the completion
formulas, the time schedule, the conditional formats, filter, panes and print setup, the
summary's counts (which must add up) and its chart; for the assessment every score, the
units' totals and rates, the ranks and their order. Two runs must give the same bytes.

When the program has no `progress` command yet, it prints a skip line and passes.
"""
import csv
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
from zbgolden import check, normalise  # noqa: E402

LABELS = {"missing": "未报送", "done": "已完成", "ahead": "超序时", "behind": "滞后",
          "met": "达标", "not_met": "未达标", "no_target": "无目标值"}
ORDER = ["已完成", "超序时", "滞后", "达标", "未达标", "未报送", "无目标值"]
HEADER = ["序号", "类别", "指标名称", "目标值", "本期累计", "完成率", "序时进度", "状态", "说明", "责任单位"]
EPS = 1e-9


# ---- the model, as docs/format.md and docs/progress.md state it ---------------------------

def unit_of(name):
    """The content of the parenthesised group that ends the name."""
    m = re.search(r"[(（]([^()（）]*)[)）]$", name)
    return m.group(1) if m else ""


def infer_kind(name):
    if any(w in name for w in ("增速", "增长", "增幅")):
        return "rate"
    if any(w in name for w in ("占比", "比重", "覆盖率", "保有")) or name.endswith("率") \
            or unit_of(name) in ("%", "％"):
        return "level"
    return "cumulative"


def infer_direction(name):
    if any(w in name for w in ("下降", "降低", "减少", "削减", "节约")):
        return "higher"
    if any(w in name for w in ("能耗", "排放", "事故", "死亡", "发生率")):
        return "lower"
    return "higher"


def parse_target(target):
    """(number or None, qualifier) from a target as written."""
    if isinstance(target, (int, float)):
        return float(target), "none"
    text = str(target or "")
    q = "none"
    if any(w in text for w in ("以上", "不低于", "≥", ">=")):
        q = ">="
    elif any(w in text for w in ("左右", "约", "≈")):
        q = "~"
    elif any(w in text for w in ("以下", "以内", "不超过", "≤", "<=")):
        q = "<="
    nums = re.findall(r"[0-9][0-9,]*(?:\.[0-9]+)?", text)
    return (float(nums[0].replace(",", "")) if len(nums) == 1 else None), q


def load_plan(path):
    """The indicators in order: dicts with seq, category, name, target text and number,
    qualifier, kind, direction, weight, units."""
    with open(path, encoding="utf-8") as f:
        plan = json.load(f)
    rows = []
    for cat in plan.get("categories", []):
        for ind in cat.get("indicators", []):
            name = normalise(ind["name"])
            value, q = parse_target(ind.get("target"))
            q = {"≥": ">=", "≈": "~", "≤": "<="}.get(ind.get("qualifier"), ind.get("qualifier", q))
            resp = ind.get("responsible", [])
            if isinstance(resp, str):
                resp = [u for u in re.split(r"[、,，;；\s]+", resp) if u]
            rows.append({
                "seq": ind["seq"], "category": normalise(cat.get("name", "")), "name": name,
                "target_text": ind.get("target"), "target": value, "qualifier": q,
                "kind": ind.get("kind") or infer_kind(name),
                "direction": ind.get("direction") or infer_direction(name),
                "weight": float(ind.get("weight", 1)), "units": [normalise(u) for u in resp]})
    return plan, rows


def load_actuals(path):
    """{(seq, 'YYYY-MM'): value} from the actuals CSV (comments and blank actuals skipped)."""
    out = {}
    with open(path, encoding="utf-8-sig") as f:
        lines = [l for l in f if l.strip() and not l.lstrip().startswith("#")]
    for rec in csv.DictReader(lines):
        v = (rec.get("actual") or "").strip()
        if not v:
            continue
        m = re.match(r"(\d{4})\D+(\d{1,2})", rec["period"].strip())
        period = "%s-%02d" % (m.group(1), int(m.group(2)))
        out[(int(rec["seq"]), period)] = float(v.rstrip("%").replace(",", ""))
    return out


def ge(a, b):
    return a >= b - EPS * max(1.0, abs(b))


def le(a, b):
    return a <= b + EPS * max(1.0, abs(b))


def is_percent(ind):
    return unit_of(ind["name"]) in ("%", "％") or "%" in str(ind["target_text"])


def evaluate(ind, actual, month, months=12):
    """(status, completion or None, expected or None) by the rules of docs/progress.md."""
    expected = month / months if ind["kind"] == "cumulative" else None
    if actual is None:
        return LABELS["missing"], None, expected
    t = ind["target"]
    if t is None:
        return LABELS["no_target"], None, expected
    q = ind["qualifier"]
    higher = ind["direction"] != "lower"
    a = actual
    if ind["kind"] == "cumulative":
        up = q == ">=" or (q != "<=" and higher)
        if up and t > 0:
            c = a / t
            status = "done" if ge(c, 1) else "ahead" if ge(c, expected) else "behind"
            return LABELS[status], c, expected
        if up:
            return LABELS["done" if ge(a, t) else "behind"], None, expected
        c = t / a if t > 0 and a > 0 else None
        if month == months:
            return LABELS["done" if le(a, t) else "behind"], c, expected
        allowance = expected * t if t > 0 else t
        return LABELS["ahead" if le(a, allowance) else "behind"], c, expected
    up = q == ">=" or (q != "<=" and higher)
    tol = (0.5 if is_percent(ind) else 0.02 * abs(t)) if q == "~" else 0
    met = ge(a, t - tol) if up else le(a, t + tol)
    return LABELS["met" if met else "not_met"], None, None


def status_from_explain(text):
    """The status the numbers in a 说明 line imply, read back from the line itself."""
    if text.startswith("未报送"):
        return LABELS["missing"]
    if "没有可比较的数字" in text or text.startswith("没有目标值"):
        return LABELS["no_target"]
    m = re.match(r"累计 ([-0-9.]+) / 目标 ([-0-9.]+) = [-0-9.]+%，序时进度 ([0-9.]+)%", text)
    if m:
        a, t, e = float(m.group(1)), float(m.group(2)), float(m.group(3)) / 100
        c = a / t
        # The schedule is printed to one decimal: compare with the fraction it stands for.
        frac = re.search(r"（(\d+)/(\d+)）", text)
        if frac:
            e = int(frac.group(1)) / int(frac.group(2))
        return LABELS["done" if ge(c, 1) else "ahead" if ge(c, e) else "behind"]
    m = re.match(r"([-0-9.]+)%? ([≥≤<>]) ", text)
    if m:
        return LABELS["met" if m.group(2) in "≥≤" else "not_met"]
    m = re.match(r"累计 [-0-9.]+ ([≥≤<>]) ", text)
    if m:
        within = m.group(1) in "≥≤"
        if "序时额度" in text:  # a cap before its last month: within the allowance or over it
            return LABELS["ahead" if within else "behind"]
        return LABELS["done" if within else "behind"]
    return None


def close(a, b, tol=1e-9):
    return a is not None and b is not None and abs(a - b) <= tol * max(1.0, abs(b))


def run(program, args, what):
    r = subprocess.run([program] + args, capture_output=True, text=True)
    check(r.returncode == 0, "%s exits 0 (%s)" % (what, r.stderr.strip()[-300:]))
    return r


# ---- the monitoring workbook --------------------------------------------------------------

def check_progress(path, plan, inds, actuals):
    period, month = "2024-06", 6
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    check(wb.sheetnames == ["指标监测", "汇总"], "sheets 指标监测, 汇总: %r" % wb.sheetnames)
    ws, wc = wb["指标监测"], cached["指标监测"]
    check(ws["A1"].value == "2024年6月指标监测表", "title: %r" % ws["A1"].value)
    check("2024年6月底" in str(ws["A2"].value), "caption names the period: %r" % ws["A2"].value)
    header = [ws.cell(row=3, column=c).value for c in range(1, 11)]
    check(header == HEADER, "header: %r" % header)
    check(ws.max_row == 3 + len(inds), "one row per indicator: %d rows" % ws.max_row)

    counts = {label: 0 for label in ORDER}
    by_category, by_unit = {}, {}
    for k, ind in enumerate(inds):
        r = 4 + k
        actual = actuals.get((ind["seq"], period))
        status, completion, expected = evaluate(ind, actual, month)
        counts[status] += 1
        for key, table in ((ind["category"] or "未分类", by_category),
                           ((ind["units"] or ["未明确牵头单位"])[0], by_unit)):
            entry = table.setdefault(key, {"n": 0, "counts": {label: 0 for label in ORDER}, "c": []})
            entry["n"] += 1
            entry["counts"][status] += 1
            if completion is not None and ind["kind"] == "cumulative":
                entry["c"].append(completion)
        got = ws.cell(row=r, column=8).value
        explain = ws.cell(row=r, column=9).value or ""
        check(ws.cell(row=r, column=1).value == ind["seq"], "row %d is indicator %d" % (r, ind["seq"]))
        check(ws.cell(row=r, column=3).value == ind["name"], "row %d name" % r)
        check(got == status, "row %d (序号 %d): status %r, recomputed %r" % (r, ind["seq"], got, status))
        check(status_from_explain(explain) == got,
              "row %d: status %r agrees with its 说明 %r" % (r, got, explain))
        units = "、".join(ind["units"])
        check((ws.cell(row=r, column=10).value or "") == units, "row %d units %r" % (r, units))
        a = ws.cell(row=r, column=5).value
        check((a is None and actual is None) or close(a, actual), "row %d actual %r == %r" % (r, a, actual))
        f = ws.cell(row=r, column=6).value
        fc = wc.cell(row=r, column=6).value
        if completion is not None:
            check(isinstance(f, str) and f.startswith("="), "row %d 完成率 is a formula: %r" % (r, f))
            check(close(fc, completion, 1e-12), "row %d cached 完成率 %r == %r" % (r, fc, completion))
            check(ws.cell(row=r, column=6).number_format == "0.0%", "row %d 完成率 as 0.0%%" % r)
            # The formula itself computes the same: E/D or E/<number>.
            m = re.fullmatch(r"=E%d/(D%d|[0-9.]+)" % (r, r), f or "")
            check(m is not None, "row %d formula divides the actual by the target: %r" % (r, f))
            if m:
                den = ws.cell(row=r, column=4).value if m.group(1).startswith("D") else float(m.group(1))
                check(close(actual / den, fc, 1e-15), "row %d formula recomputes its cached value" % r)
        else:
            check(f is None, "row %d has no 完成率: %r" % (r, f))
        e = ws.cell(row=r, column=7).value
        if expected is not None:
            check(close(e, expected, 1e-15), "row %d 序时进度 %r == %r" % (r, e, expected))
            check(ws.cell(row=r, column=7).number_format == "0.0%", "row %d 序时进度 as 0.0%%" % r)
        else:
            check(e is None, "row %d has no 序时进度: %r" % (r, e))

    # The demo's June standings as docs/progress.md tabulates them.
    doc = dict(zip(ORDER, [3, 18, 7, 6, 4, 3, 0]))
    check(counts == doc, "June counts as in docs/progress.md: %r" % counts)

    # Conditional formats by status text, 未达标 ahead of 达标 (which it contains).
    last = 3 + len(inds)
    rules = []
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            rules.append((str(cf.sqref), rule.type, rule.text, rule.priority))
    texts = {t for _, _, t, _ in rules}
    for label in ("已完成", "超序时", "滞后", "达标", "未达标", "未报送"):
        check(label in texts, "a conditional format for %s" % label)
    check(all(sq == "H4:H%d" % last and ty == "containsText" for sq, ty, _, _ in rules),
          "the rules are containsText over H4:H%d: %r" % (last, rules))
    prio = {t: p for _, _, t, p in rules}
    check(prio.get("未达标", 99) < prio.get("达标", 0), "未达标 is tested before 达标")

    # Filter, panes, print setup.
    check(ws.auto_filter.ref == "A3:J%d" % last, "autofilter over the header and rows: %r" % ws.auto_filter.ref)
    check(ws.freeze_panes == "A4", "panes frozen below the header: %r" % ws.freeze_panes)
    ps = ws.page_setup
    check(str(ps.paperSize) == "9" and ps.orientation == "landscape", "A4 landscape")
    check(ws.sheet_properties.pageSetUpPr.fitToPage and str(ps.fitToHeight) == "0", "one page wide")
    check(ws.print_title_rows in ("$3:$3", "3:3"), "header row repeated: %r" % ws.print_title_rows)
    check("&P" in (ws.oddFooter.center.text or ""), "page number in the footer")

    # The summary: counts by status add up, and so do the tables by category and by unit.
    sm = wb["汇总"]
    smc = cached["汇总"]
    col = {sm.cell(row=r, column=1).value: r for r in range(1, sm.max_row + 1)}
    total = 0
    for label in ORDER:
        r = col.get(label)
        check(r is not None, "summary has a row for %s" % label)
        if r:
            n = sm.cell(row=r, column=2).value
            check(n == counts[label], "summary %s: %r == %r" % (label, n, counts[label]))
            check(close(sm.cell(row=r, column=3).value, counts[label] / len(inds)), "share of %s" % label)
            total += n or 0
    check(total == len(inds), "the status counts add up to %d" % len(inds))

    def table(heading):
        """Rows under a section heading up to its 合计: {name: row values}."""
        start = col.get(heading)
        check(start is not None, "section %s" % heading)
        rows, r = {}, (start or 0) + 2
        while start and sm.cell(row=r, column=1).value != "合计":
            # a name that wraps is written in even lines
            rows[(sm.cell(row=r, column=1).value or "").replace("\n", "")] = [
                sm.cell(row=r, column=c).value for c in range(2, 11)]
            r += 1
        return rows, [sm.cell(row=r, column=c).value for c in range(2, 11)]

    for heading, expect in (("二、按类别统计", by_category), ("三、按牵头单位统计", by_unit)):
        rows, totals = table(heading)
        check(list(rows) == list(expect), "%s: rows in order %r" % (heading, list(rows)))
        for name, vals in rows.items():
            want = expect.get(name)
            if not want:
                continue
            check(vals[0] == want["n"], "%s %s: %r indicators" % (heading, name, vals[0]))
            check(vals[1:8] == [want["counts"][l] for l in ORDER], "%s %s: counts %r" % (heading, name, vals[1:8]))
            check(sum(vals[1:8]) == vals[0], "%s %s: counts add up" % (heading, name))
            avg = sum(want["c"]) / len(want["c"]) if want["c"] else None
            check((avg is None and vals[8] is None) or close(vals[8], avg),
                  "%s %s: average completion %r == %r" % (heading, name, vals[8], avg))
        check(totals[0] == len(inds) and totals[1:8] == [counts[l] for l in ORDER],
              "%s: 合计 %r" % (heading, totals))
        check(all(sum(v[i] for v in rows.values()) == totals[i] for i in range(8)),
              "%s: the rows add up to 合计" % heading)

    # The chart: a column chart of 平均完成率 by category, from the category table's cells.
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        charts = [n for n in names if n.startswith("xl/charts/chart")]
        check(len(charts) == 1, "one chart: %r" % charts)
        if charts:
            xml = z.read(charts[0]).decode("utf-8")
            check('<c:barDir val="col"/>' in xml, "a column chart")
            check("平均完成率" in xml, "titled with 平均完成率")
            rows, _ = table("二、按类别统计")
            first = col["二、按类别统计"] + 2
            ref = "'汇总'!$J$%d:$J$%d" % (first, first + len(rows) - 1)
            check(ref in xml, "chart values %s" % ref)
        rels = [n for n in names if n.startswith("xl/worksheets/_rels/sheet2")]
        check(bool(rels) and "drawing" in z.read(rels[0]).decode("utf-8"), "the chart is on 汇总")
    check(smc is not None, "summary read with cached values")

    # Document properties from the plan.
    created = wb.properties.created
    check(created is not None and created.strftime("%Y-%m-%d") == plan.get("date", "")[:10],
          "created = the plan's date: %r" % created)


# ---- the assessment -----------------------------------------------------------------------

def scores(inds, actuals, period, month, rule, cap=1.2):
    out = []
    for ind in inds:
        status, completion, _ = evaluate(ind, actuals.get((ind["seq"], period)), month)
        w = ind["weight"]
        if status in (LABELS["missing"], LABELS["no_target"]):
            s = 0.0
        elif rule == "proportional" and ind["kind"] == "cumulative" and completion is not None:
            s = w * max(0.0, min(completion, cap))
        else:
            s = w if status in (LABELS["done"], LABELS["met"]) else 0.0
        out.append((status, completion, s))
    return out


def ranking(inds, result):
    """[(unit, n, weight, score, rate, rank)] by rank, then first appearance; the rank is
    shared by equal rates and the next one skips."""
    units = {}
    for ind, (_, _, s) in zip(inds, result):
        u = ind["units"][0] if ind["units"] else ""
        e = units.setdefault(u, [0, 0.0, 0.0, len(units)])
        e[0] += 1
        e[1] += ind["weight"]
        e[2] += s
    named = sorted(((u, e) for u, e in units.items() if u), key=lambda x: (-round(x[1][2] / x[1][1] * 1e9), x[1][3]))
    out, prev_key, prev_rank = [], None, 0
    for k, (u, e) in enumerate(named):
        key = round(e[2] / e[1] * 1e9)
        rank = prev_rank if key == prev_key else k + 1
        out.append((u, e[0], e[1], e[2], e[2] / e[1], rank))
        prev_key, prev_rank = key, rank
    if "" in units:
        e = units[""]
        out.append(("未明确牵头单位", e[0], e[1], e[2], e[2] / e[1], None))
    return out


def check_assessment(path, inds, actuals, rule):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    check(wb.sheetnames == ["指标得分", "单位排名"], "sheets 指标得分, 单位排名: %r" % wb.sheetnames)
    ws, wc = wb["指标得分"], cached["指标得分"]
    check(ws["A1"].value == "2024年度指标考核结果", "assessment title: %r" % ws["A1"].value)
    note = str(ws["A2"].value)
    want_note = "比例计分，超额完成按120%封顶" if rule == "proportional" else "完成即得分"
    check(want_note in note, "the rule stated: %r" % note)
    header = [ws.cell(row=3, column=c).value for c in range(1, 8)]
    check(header == ["序号", "指标名称", "牵头单位", "权重", "状态", "完成率", "得分"], "header %r" % header)
    result = scores(inds, actuals, "2024-12", 12, rule)
    for k, (ind, (status, completion, score)) in enumerate(zip(inds, result)):
        r = 4 + k
        check(ws.cell(row=r, column=1).value == ind["seq"], "score row %d is indicator %d" % (r, ind["seq"]))
        check(ws.cell(row=r, column=5).value == status, "score row %d status %r == %r"
              % (r, ws.cell(row=r, column=5).value, status))
        check(ws.cell(row=r, column=4).value == ind["weight"], "score row %d weight" % r)
        got = wc.cell(row=r, column=7).value
        check(close(got, score, 1e-12), "score row %d (序号 %d): %r == %r" % (r, ind["seq"], got, score))
        f = ws.cell(row=r, column=7).value
        check(isinstance(f, str) and f.startswith("="), "score row %d is a formula: %r" % (r, f))
        c = wc.cell(row=r, column=6).value
        if ind["kind"] == "cumulative" and completion is not None:
            check(close(c, completion, 1e-12), "score row %d completion %r" % (r, c))
    r = 4 + len(inds)
    check(ws.cell(row=r, column=1).value == "合计", "合计 row")
    check(close(wc.cell(row=r, column=7).value, sum(s for _, _, s in result)), "合计 of scores")
    check(close(wc.cell(row=r, column=4).value, sum(i["weight"] for i in inds)), "合计 of weights")

    rk, rkc = wb["单位排名"], cached["单位排名"]
    header = [rk.cell(row=3, column=c).value for c in range(1, 7)]
    check(header == ["牵头单位", "指标数", "权重合计", "得分合计", "得分率", "排名"], "ranking header %r" % header)
    want = ranking(inds, result)
    for k, (unit, n, weight, score, rate, rank) in enumerate(want):
        r = 4 + k
        got = [rkc.cell(row=r, column=c).value for c in range(1, 7)]
        ok = (got[0] == unit and got[1] == n and close(got[2], weight) and close(got[3], score)
              and close(got[4], rate) and got[5] == rank)
        check(ok, "ranking row %d: %r == %r" % (r, got, [unit, n, weight, score, rate, rank]))
        check(rk.cell(row=r, column=5).number_format == "0.0%", "得分率 as 0.0%")
    ranks = [w[5] for w in want if w[5]]
    check(ranks == sorted(ranks) and ranks[:1] == [1], "ranks run from 1 upwards: %r" % ranks)
    r = 4 + len(want)
    check(rk.cell(row=r, column=1).value == "合计", "ranking 合计 row")
    check(rkc.cell(row=r, column=2).value == len(inds), "ranking counts add up")
    ps = rk.page_setup
    check(str(ps.paperSize) == "9" and rk.print_title_rows in ("$3:$3", "3:3"),
          "ranking printed on A4, header repeated: %r" % rk.print_title_rows)


def main():
    if len(sys.argv) != 2:
        print("usage: test_progress.py ZHIBIAO_PROGRAM", file=sys.stderr)
        return 2
    program = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    source = os.environ.get("ZB_SOURCE_DIR") or os.path.dirname(os.path.dirname(here))
    plan_path = os.path.join(source, "examples", "data", "tonglu-2024.json")
    actuals_path = os.path.join(source, "examples", "data", "tonglu-2024-actuals.csv")

    with tempfile.TemporaryDirectory(prefix="zb-golden-") as tmp:
        out = os.path.join(tmp, "p.xlsx")
        r = subprocess.run([program, "progress", plan_path, actuals_path, "--period", "2024-06", "-o", out],
                           capture_output=True, text=True)
        if r.returncode != 0 and ("unknown command" in r.stderr or not os.path.exists(actuals_path)):
            print("skip: %s has no progress command yet (or no demo actuals)" % program)
            return zbgolden.summary()
        check(r.returncode == 0, "progress exits 0 (%s)" % r.stderr.strip()[-300:])
        if r.returncode != 0:
            return zbgolden.summary()
        plan, inds = load_plan(plan_path)
        actuals = load_actuals(actuals_path)
        check(len(inds) == 41, "41 indicators in the demo plan")

        again = os.path.join(tmp, "p2.xlsx")
        run(program, ["progress", plan_path, actuals_path, "--period", "2024-06", "-o", again], "progress again")
        if os.path.exists(again):
            with open(out, "rb") as fa, open(again, "rb") as fb:
                check(fa.read() == fb.read(), "two runs give the same bytes")
        check_progress(out, plan, inds, actuals)

        for rule, extra in (("proportional", []), ("all-or-nothing", ["--scoring", "all-or-nothing"])):
            out = os.path.join(tmp, "a-%s.xlsx" % rule)
            run(program, ["assess", plan_path, actuals_path, "--period", "2024-12", "-o", out] + extra,
                "assess (%s)" % rule)
            if os.path.exists(out):
                check_assessment(out, inds, actuals, rule)
    return zbgolden.summary()


if __name__ == "__main__":
    sys.exit(main())
