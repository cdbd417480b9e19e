"""An analyst's script, written from docs/python.md alone: a plan from a DataFrame, the table
written to a BytesIO, the monthly sheet (one column per month) as actuals, progress as a
DataFrame filtered by status, and the errors caught as Python's own. tests/test_analyst.py
runs it in a scratch folder."""
import io
import sys

import pandas as pd

import zhibiao

# The 目标 sheet as the office keeps it (pd.read_excel would give the same frame).
targets = pd.DataFrame({
    "序号": [1, 2, 3, 4, 5],
    "类别": ["牵引性指标", None, "企业培育", None, "绿色发展"],
    "指标名称": ["规上工业增加值(亿元)", "规上工业增加值增速(%)", "新增“小升规”企业(家)", "新增专精特新中小企业(家)",
             "单位工业增加值能耗(吨标煤/万元)"],
    "2025年目标值": [520 * 1.1, "7以上", 50, 12, "0.45以下"],
    "责任单位": ["县经信局、县统计局", "县经信局", "县经信局", ["县经信局", "县科技局"], "县发改局"],
})
plan = zhibiao.Plan.from_dataframe(targets, title="关于印发某县制造业2025年工作要点的通知",
                                   organ="某县经济和信息化局")
print("plan:", plan)
print("year:", plan.year, "target 1:", plan.indicator(1).target_text)

buf = io.BytesIO()
plan.write_target_table(buf, label="附件1")
print("table bytes:", len(buf.getvalue()), buf.getvalue()[:2] == b"PK")

# The 月报: a row per indicator, a column per month.
monthly = pd.DataFrame({
    "序号": [1, 2, 3, 4, 5],
    "指标名称": targets["指标名称"],
    "1月": [45.2, 6.9, 3, 1, 0.47],
    "2月": [88.0, 7.0, 6, 1, 0.46],
    "3月": [131.5, 7.3, 9, None, 0.46],
    "4月": [176.9, 7.2, 15, 2, 0.45],
    "5月": [220.0, 7.1, 18, 2, 0.45],
    "6月": [262.4, 7.4, 21, 3, 0.44],
})
plan.load_actuals(monthly)
print("actuals:", len(plan.actuals))

progress = plan.progress_frame("2025-06")
lagging = progress[progress.status == "滞后"]
print("lagging:", lagging.seq.tolist())
print("by unit:", lagging.groupby("lead").size().to_dict())
print("statuses:", sorted(progress.status.unique()))

plan.write_progress("june.xlsx", "2025-06")
info = plan.write_notice("notice.pdf")
print("notice pages:", info.pages)

try:
    zhibiao.Plan.load("no-such-plan.json")
except FileNotFoundError as e:
    print("missing file:", e.filename)

try:
    zhibiao.Plan.from_json('{"format": "zhibiao/1", "year": "2025"}', name="request")
except ValueError as e:
    print("bad input at:", e.location)

try:
    plan.indicator(99)
except KeyError as e:
    print("no such indicator:", e)

try:
    zhibiao.Plan.from_dataframe(pd.DataFrame({"指标名称": ["x"], "序号": ["一"]}))
except ValueError as e:
    print("bad table:", e.location)

plan.close()
sys.exit(0)
