#!/usr/bin/python3
"""Golden test of the tables offices really publish, read back as a reader sees them.

Usage: test_real_tables.py ZHIBIAO_PROGRAM   (env: ZB_SOURCE_DIR, ZB_TEST_DATA)

Two fixtures in tests/data/csv: a county 工作要点 table (gongzuo-yaodian.csv, also as Excel's
"Unicode text", .txt) with 计量单位, 2024年实际, 类型, 方向, 权重, 备注, qualitative cells, placeholders,
stated changes and caps; and a 十四五 table (shisiwu.csv) with 属性, 2020年基期值 and a 目标值
heading over 2023年 and 2025年. For each: `zhibiao check` finds no error; the target table
(openpyxl) shows every column and every cell as written; the monitoring workbook and the
assessment judge every row by the rule docs/progress.md states; the bulletin and the notice
(pdftotext) print units, the base, the year columns, the caps and the qualitative targets,
and never a negative gap or a cap "more than done".
"""
import csv
import os
import re
import subprocess
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zbgolden  # noqa: E402
from zbgolden import check  # noqa: E402

PROGRAM = sys.argv[1]
DATA = os.environ.get("ZB_TEST_DATA") or os.path.join(os.path.dirname(__file__), "..", "data")
SOURCE = os.environ.get("ZB_SOURCE_DIR") or os.path.join(os.path.dirname(__file__), "..", "..")
YAODIAN = os.path.join(DATA, "csv", "gongzuo-yaodian.csv")
YAODIAN_TXT = os.path.join(DATA, "csv", "gongzuo-yaodian.txt")
SHISIWU = os.path.join(DATA, "csv", "shisiwu.csv")
YAODIAN_ACTUALS = os.path.join(DATA, "actuals", "gongzuo-yaodian-2025.csv")
SHISIWU_ACTUALS = os.path.join(DATA, "actuals", "shisiwu-2023-2025.csv")
COUNTY_JSON = os.path.join(SOURCE, "examples", "data", "county-2025.json")

# What docs/progress.md says each row of the county table is, by 序号.
YAODIAN_JUNE = {1: "达标", 2: "滞后", 3: "达标", 4: "未达标", 5: "达标", 6: "超序时", 7: "未达标",
                8: "已完成", 9: "定性", 10: "未达标", 11: "定性", 12: "预警", 13: "受控", 14: "无目标值",
                15: "超出", 16: "未达标", 17: "超序时", 18: "未报送", 19: "达标"}
YAODIAN_DECEMBER = {1: "达标", 2: "已完成", 3: "未达标", 4: "达标", 5: "达标", 6: "已完成", 7: "达标",
                    8: "已完成", 9: "定性", 10: "达标", 11: "定性", 12: "已完成", 13: "超出", 14: "无目标值",
                    15: "已完成", 16: "达标", 17: "已完成", 18: "无目标值", 19: "达标"}
# The 十四五 table: each period judged against its own year's target.
SHISIWU_2023 = {1: ("已完成", "650"), 2: ("达标", "6.5左右"), 3: ("达标", "8以上"), 4: ("未达标", "18"),
                6: ("未达标", "2.5"), 9: ("达标", "≤5"), 10: ("定性", "与经济增长同步"),
                11: ("无目标值", "见专项规划"), 12: ("无目标值", "—"), 13: ("定性", "完成市下达任务"),
                15: ("达标", "下降8%"), 17: ("定性", "稳步提升"), 18: ("达标", "≤27"), 20: ("达标", "下降10%")}
SHISIWU_2025 = {1: ("滞后", "≥780"), 8: ("超序时", "≥200"), 15: ("未达标", "下降15%"), 18: ("未达标", "≤25")}


def run(*args, ok=True):
    r = subprocess.run([str(a) for a in args], capture_output=True)
    if ok and r.returncode != 0:
        raise RuntimeError(f"{args}: {r.returncode}: {r.stderr.decode()}")
    return r


def csv_rows(path):
    """The data rows of a fixture as dicts by header, the category continued over blanks."""
    text = open(path, "rb").read()
    if text.startswith(b"\xff\xfe"):  # Excel's "Unicode text": UTF-16, tabs
        rows = list(csv.reader(text.decode("utf-16").splitlines(), delimiter="\t"))
    else:
        rows = list(csv.reader(text.decode("utf-8-sig").splitlines()))
    start = next(i for i, r in enumerate(rows) if r and r[0] == "序号")
    head = rows[start]
    body = rows[start + 1:]
    if body and not body[0][0]:  # the years under a 目标值 heading
        sub = body[0]
        head = [sub[i] or head[i] for i in range(len(head))]
        body = body[1:]
    out, category = [], ""
    for r in body:
        d = dict(zip(head, r))
        category = d.get("类别") or category
        d["类别"] = category
        out.append(d)
    return head, out


def as_written(cell_value, text):
    """A cell holds the text as written: a plain number as that number, else the text."""
    if text == "":
        return cell_value in (None, "")
    if isinstance(cell_value, (int, float)):
        return re.fullmatch(r"-?\d+(\.\d+)?", text) is not None and float(text) == cell_value
    return cell_value == text


def sheet_rows(ws, header_row):
    """{header: [values]} of the rows under header_row, merged category cells filled in."""
    heads = [ws.cell(header_row, c).value for c in range(1, ws.max_column + 1)]
    merged = {}
    for rng in ws.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                merged[(r, c)] = ws.cell(rng.min_row, rng.min_col).value
    rows = []
    for r in range(header_row + 1, ws.max_row + 1):
        vals = [merged.get((r, c), ws.cell(r, c).value) for c in range(1, ws.max_column + 1)]
        if vals[0] is None:
            continue
        rows.append(dict(zip(heads, vals)))
    return heads, rows


def target_table(tmp, src, name, want_heads, year_columns):
    """The target table of src shows every column of the CSV and every cell as written."""
    out = os.path.join(tmp, name + ".xlsx")
    run(PROGRAM, "table", src, "-o", out)
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    heads, rows = sheet_rows(ws, 2)
    check(heads == want_heads, f"{name}: header {heads}")
    _, src_rows = csv_rows(src)
    check(len(rows) == len(src_rows), f"{name}: {len(rows)} rows")
    # Column of the workbook -> column of the CSV it shows.
    mapping = {"序号": "序号", "类别": "类别", "指标名称": "指标名称", "计量单位": "计量单位", "属性": "属性",
               "责任单位": "责任单位", "备注": "备注"}
    mapping.update(year_columns)
    for got, want in zip(rows, src_rows):
        for head, col in mapping.items():
            if head not in got:
                continue
            text = want.get(col, "")
            value = got[head]
            if head == "序号":
                check(value == int(text), f"{name}: 序号 {value} vs {text}")
            elif head == "责任单位":
                check((value or "") == text.replace(",", "、"), f"{name} {want['序号']}: {head} {value!r} vs {text!r}")
            else:
                check(as_written(value, text), f"{name} {want['序号']}: {head} {value!r} vs {text!r}")
    # Every column on the page: widths within A4 (132 characters landscape, 88 portrait).
    # The file holds Excel's width with its 5-pixel padding (+0.7109375 a column).
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width - 0.7109375
              for c in range(1, len(heads) + 1)]
    landscape = ws.page_setup.orientation == "landscape"
    check(sum(widths) <= (132 if landscape else 88) + 1e-6, f"{name}: widths {widths} on A4")
    check(ws.page_setup.paperSize in (9, "9"), f"{name}: A4")
    return rows


def progress_book(tmp, plan, actuals, period, name):
    out = os.path.join(tmp, f"{name}-{period}.xlsx")
    run(PROGRAM, "progress", plan, actuals, "--period", period, "-o", out)
    wb = openpyxl.load_workbook(out)
    return wb


def main():
    with tempfile.TemporaryDirectory() as tmp:
        # ---- check: nothing a published table holds is an error
        for src in (YAODIAN, YAODIAN_TXT, SHISIWU):
            r = run(PROGRAM, "check", src, ok=False)
            text = (r.stdout + r.stderr).decode()
            check(r.returncode == 0, f"check {src}: exit {r.returncode}")
            check(re.search(r": \d+ indicators in \d+ categor\w+: 0 errors", text), f"check {src}: {text[-200:]}")
        r = run(PROGRAM, "check", SHISIWU)
        out = r.stdout.decode() + r.stderr.decode()
        check("shisiwu.csv:13:6: warning" in out and "见专项规划" in out, "the unrecognised cell is named")

        # ---- every writer writes what check passes (a notice also needs a title and an organ,
        # which a table alone does not give: the county plan below has them)
        r = run(PROGRAM, "breakdown", SHISIWU, "-o", os.path.join(tmp, "w.xlsx"), ok=False)
        check(r.returncode == 0, f"breakdown of the 十四五 table: exit {r.returncode} {r.stderr.decode()[-200:]}")

        # ---- the target tables
        target_table(tmp, YAODIAN, "yaodian",
                     ["序号", "类别", "指标名称", "计量单位", "2024年基期值", "2025年目标值", "责任单位", "备注"],
                     {"2024年基期值": "2024年实际", "2025年目标值": "2025年目标值"})
        target_table(tmp, YAODIAN_TXT, "yaodian-txt",
                     ["序号", "类别", "指标名称", "计量单位", "2024年基期值", "2025年目标值", "责任单位", "备注"],
                     {"2024年基期值": "2024年实际", "2025年目标值": "2025年目标值"})
        target_table(tmp, SHISIWU, "shisiwu",
                     ["序号", "类别", "指标名称", "计量单位", "属性", "2020年基期值", "2023年目标值", "2025年目标值",
                      "责任单位", "备注"],
                     {"2020年基期值": "2020年基期值", "2023年目标值": "2023年", "2025年目标值": "2025年"})
        # The unit column forced off: none; the seed-style CSV without a unit column: none.
        out = os.path.join(tmp, "nounit.xlsx")
        run(PROGRAM, "table", YAODIAN, "-o", out, "--no-unit-column")
        heads = [c.value for c in openpyxl.load_workbook(out).active[2]]
        check("计量单位" not in heads, f"--no-unit-column: {heads}")

        # ---- the monitoring workbook judges every row by the rule
        for period, want in (("2025-06", YAODIAN_JUNE), ("2025-12", YAODIAN_DECEMBER)):
            wb = progress_book(tmp, YAODIAN, YAODIAN_ACTUALS, period, "yaodian")
            heads, rows = sheet_rows(wb["指标监测"], 3)
            check("计量单位" in heads, f"progress {period}: a unit column ({heads})")
            for row in rows:
                seq = row["序号"]
                check(row["状态"] == want[seq], f"progress {period} {seq}: {row['状态']} want {want[seq]}")
                if want[seq] in ("超出", "预警", "受控") or seq in (12, 13, 15):
                    check(row["完成率"] is None, f"progress {period} {seq}: a cap has no completion rate")
                if isinstance(row["完成率"], (int, float)) and row["状态"] not in ("已完成",):
                    check(row["完成率"] <= 1, f"progress {period} {seq}: completion {row['完成率']} as progress")
            units = {row["序号"]: row["计量单位"] for row in rows}
            check(units[4] == "万元/亩" and units[15] == "人", f"progress {period}: units {units}")
            summary = wb["汇总"]
            labels = [summary.cell(r, 1).value for r in range(1, summary.max_row + 1)]
            for label in set(want.values()):
                check(label in labels, f"progress {period}: 汇总 counts {label}")

        for period, want in (("2023-12", SHISIWU_2023), ("2025-06", SHISIWU_2025)):
            wb = progress_book(tmp, SHISIWU, SHISIWU_ACTUALS, period, "shisiwu")
            _, rows = sheet_rows(wb["指标监测"], 3)
            by_seq = {row["序号"]: row for row in rows}
            for seq, (status, target) in want.items():
                row = by_seq[seq]
                check(row["状态"] == status, f"shisiwu {period} {seq}: {row['状态']} want {status}")
                check(as_written(row["目标值"], target), f"shisiwu {period} {seq}: target {row['目标值']} want {target}")

        # ---- the assessment: caps and qualitative targets in their documented place
        out = os.path.join(tmp, "assess.xlsx")
        run(PROGRAM, "assess", YAODIAN, YAODIAN_ACTUALS, "--period", "2025-12", "-o", out)
        ws = openpyxl.load_workbook(out)["指标得分"]
        _, rows = sheet_rows(ws, 3)
        by_seq = {row["序号"]: row for row in rows if isinstance(row["序号"], int)}
        for seq in (9, 11):
            check(by_seq[seq]["状态"] == "定性" and by_seq[seq]["得分"] == "另行评定", f"assess {seq}: {by_seq[seq]}")
        check(by_seq[13]["状态"] == "超出", f"assess 13: {by_seq[13]}")
        check(by_seq[4]["指标名称"] == "规上工业亩均税收(万元/亩)", f"assess 4: the unit with the name {by_seq[4]}")
        check(by_seq[12]["状态"] == "已完成" and str(by_seq[12]["得分"]).startswith("=IF(OR(")
              and by_seq[12]["完成率"] is None, f"assess 12: a cap kept, scored by its standing {by_seq[12]}")
        rule = ws.cell(2, 1).value
        check("定性指标2项另行评定，不计入权重合计和得分率" in rule, f"assess rule: {rule}")
        check("控制类（上限）指标未超上限得全部权重，超出不得分" in rule, f"assess rule: {rule}")
        total = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == "合计")
        formula = ws.cell(total, 4).value
        check(isinstance(formula, str) and formula.startswith("=SUMIF("), f"assess weight total {formula}")

        # ---- the bulletin: units, caps, qualitative targets, never a negative gap
        pdf = os.path.join(tmp, "bulletin.pdf")
        run(PROGRAM, "bulletin", COUNTY_JSON, YAODIAN_ACTUALS, "--period", "2025-06", "-o", pdf)
        text = re.sub(r"\s+", "", run("pdftotext", pdf, "-").stdout.decode())
        for want in ("三、超限及预警指标", "淘汰落后产能企业：累计6家，上限10家，序时额度5家",
                     "工矿商贸生产安全事故死亡人数：累计6人，超出上限5.4人（基期6人下降10%）",
                     "四、定性指标", "技术交易额（持续提升）", "工业用水重复利用率（完成市下达任务）",
                     "单位工业增加值能耗：实际下降2.1%，目标下降3%",
                     "规上工业亩均税收：实际29万元/亩，目标30万元/亩",
                     "规上工业研发费用占营业收入比重：实际2.7%，目标2.8%（基期2.6%提高0.2个百分点）",
                     "进度正常（已完成、超序时、受控或达标）", "计量单位", "基期值"):
            check(want in text, f"bulletin: {want}")
        check("低于序时进度-" not in text, "bulletin: no negative gap")
        check("166.7%" not in text and "120.0%" not in text, "bulletin: no cap as more than done")

        # ---- the notice's attached table: the target table's columns, cells as written
        pdf = os.path.join(tmp, "notice.pdf")
        run(PROGRAM, "notice", COUNTY_JSON, "-o", pdf)
        text = re.sub(r"\s+", "", run("pdftotext", pdf, "-").stdout.decode())
        for want in ("计量单位", "2024年基期值", "2025年目标值", "备注", "≤10", "1000以内", "完成市下达任务", "持续提升",
                     "下降3%", "增长5%", "提高0.2个百分点", "万元/亩", "吨标煤/万元", "以市考核口径为准"):
            check(want in text, f"notice table: {want}")
    return zbgolden.summary()


if __name__ == "__main__":
    sys.exit(main())
