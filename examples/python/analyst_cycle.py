"""An analyst's year in pandas, notebook style (each ``# %%`` is a cell): the target table as
Excel exports it (CSV in GBK, with the 附件1 mark above the header), the monthly report as
units send it (one column per month), every file of the cycle, and a summary of the lagging
indicators by unit.

    PYTHONPATH=bindings/python python3 examples/python/analyst_cycle.py [examples/data]

Needs pandas (Debian: apt install python3-pandas).
"""
# %% The target table, as Excel saved it on a Chinese Windows ("CSV (逗号分隔)" is GBK).
import datetime
import io
import os
import sys
import warnings

import pandas as pd

import zhibiao

data = sys.argv[1] if len(sys.argv) > 1 else "examples/data"
table = pd.read_csv(os.path.join(data, "excel-export-gbk.csv"), encoding="gbk", skiprows=1, dtype=str)
print(table.head(3).to_string(index=False))

# %% The plan: the columns of the table, then the document around it.
plan = zhibiao.Plan.from_dataframe(table, title="关于印发《某县制造业高质量发展2025年工作要点》的通知",
                                   organ="某县经济和信息化局", name="excel-export-gbk.csv")
# (Without pandas: zhibiao.Plan.from_csv(path, encoding="gbk") reads the same file.)
plan.doc_number = "某经信〔2025〕8号"
plan.issued = datetime.date(2025, 3, 1)
plan.add_recipient("各乡镇人民政府、街道办事处，县级有关部门")
for unit in ("县经信局", "县统计局", "县发改局", "县科技局", "县投资促进中心", "县生态环境分局"):
    plan.add_unit(unit)
plan.add_block("现将《某县制造业高质量发展2025年工作要点》印发给你们，请结合实际，认真抓好落实。")
plan.add_attachment("2025年目标体系表", kind="targets")
task = plan.add_task("培育优质企业梯队", number=1, text="实施“小升规”三年行动，培育专精特新中小企业。")
task.add_duty(["县经信局", "县科技局"])
problems = [f for f in plan.validate(document="notice") if f.severity >= zhibiao.Severity.WARNING]
print(f"{len(plan.indicators)} indicators in {len(plan.categories)} categories; "
      f"{len(problems)} findings before the notice")

# %% The monthly report: a row per indicator, a column per month (1月 … 6月, the plan's year).
monthly = pd.read_csv(os.path.join(data, "monthly-2025.csv"), comment="#", dtype={"序号": int})
plan.load_actuals(monthly)
print(f"{len(plan.actuals)} monthly values from {len(monthly)} rows")

# %% Every file of the cycle. A workbook can go to memory too (a web handler's response).
fonts = zhibiao.Fonts.defaults()
buf = io.BytesIO()
plan.write_target_table(buf, label="附件1")
with open("analyst-targets.xlsx", "wb") as f:
    f.write(buf.getvalue())
plan.write_breakdown("analyst-breakdown.xlsx")
plan.write_notice("analyst-notice.pdf", fonts=fonts)
with warnings.catch_warnings(record=True) as caught:      # what the writers warn about
    warnings.simplefilter("always", zhibiao.ZhibiaoWarning)
    plan.write_progress("analyst-progress.xlsx", "2025-06")
    plan.write_bulletin("analyst-bulletin.pdf", "2025-06", fonts=fonts, doc_number="某经信〔2025〕21号")
    plan.write_assessment("analyst-assessment.xlsx", "2025-06", scoring="all-or-nothing")
for w in caught:
    print("warning:", w.message)
print("wrote " + ", ".join(sorted(f for f in os.listdir(".") if f.startswith("analyst-"))))

# %% Progress as a DataFrame: the lagging indicators, by lead unit.
progress = plan.progress_frame("2025-06")
print(progress.status.value_counts().to_string())
lagging = progress[progress.status == "滞后"]
summary = (lagging.assign(gap=lagging.expected - lagging.completion)
           .groupby("lead")
           .agg(lagging=("seq", "count"), indicators=("name", "、".join), worst_gap=("gap", "max"))
           .sort_values(["lagging", "worst_gap"], ascending=False))
print(summary.to_string(formatters={"worst_gap": "{:.1%}".format}))

# %% The assessment's ranking, as the workbook has it.
print(plan.assessment_frame("2025-06", scoring="all-or-nothing", by="unit").to_string(index=False))
fonts.close()
plan.close()
