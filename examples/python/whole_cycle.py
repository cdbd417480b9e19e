"""The whole cycle from an indicator table kept in Excel (CSV): the plan, its target table,
responsibility breakdown and issuing notice; then, with a few actuals reported, the June
monitoring workbook, the second-quarter bulletin and the year-end assessment.

    PYTHONPATH=bindings/python python3 examples/python/whole_cycle.py [examples/data]
"""
import datetime
import os
import sys

import zhibiao

data = sys.argv[1] if len(sys.argv) > 1 else "examples/data"
try:
    with zhibiao.Plan.from_csv(os.path.join(data, "indicators.csv")) as plan, \
            zhibiao.Fonts.defaults() as fonts:
        # The CSV gives the indicators (and the year, from 2025年目标值); the rest is the document.
        plan.title = "某县制造业高质量发展2025年工作要点"
        plan.organ = "某县经济和信息化局"
        plan.issued = datetime.date(2025, 3, 1)
        plan.add_recipient("各乡镇人民政府、街道办事处")
        for unit in ("县经信局", "县发改局", "县科技局"):
            plan.add_unit(unit)
        plan.add_block("现将《某县制造业高质量发展2025年工作要点》印发给你们，请认真抓好落实。")
        plan.add_attachment("2025年目标体系表", kind="targets")
        task = plan.add_task("培育优质企业", number=1)
        task.add_duty(["县经信局", "县科技局"])

        plan.write_target_table("cycle-targets.xlsx", label="附件1")
        plan.write_breakdown("cycle-breakdown.xlsx")
        plan.write_notice("cycle-notice.pdf", fonts=fonts)

        # Year-to-date actuals, as the units report them (or plan.load_actuals("actuals.csv")).
        for seq, june, december in [(1, 7.4, 7.1), (2, 12.0, 16.2), (3, 21, 53), (4, 5, 12), (5, 0.47, 0.44)]:
            plan.add_actual(seq, "2025-06", june)
            plan.add_actual(seq, "2025-12", december)
        plan.write_progress("cycle-progress.xlsx", period="2025-06")
        plan.write_bulletin("cycle-bulletin.pdf", period="2025-06", fonts=fonts)
        plan.write_assessment("cycle-assessment.xlsx", period="2025-12")

        for row in plan.evaluate("2025-06"):
            print(f"{row.seq} {row.name}: {row.status} ({row.explain})")
        print("wrote " + ", ".join(sorted(f for f in os.listdir(".") if f.startswith("cycle-"))))
except zhibiao.Error as e:
    sys.exit(f"error: {e}")
