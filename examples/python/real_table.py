"""A county's 工作要点 table as offices publish it — 计量单位, 2024年实际, qualitative cells, caps,
stated changes — read from its CSV, checked, and carried through the year: the target table,
June's monitoring workbook and bulletin, the year-end assessment.

    PYTHONPATH=bindings/python python3 examples/python/real_table.py examples/data
"""
import os
import sys

import zhibiao

data = sys.argv[1] if len(sys.argv) > 1 else "examples/data"
try:
    with zhibiao.Plan.load(os.path.join(data, "county-2025.json")) as plan:
        plan.load_actuals(os.path.join(data, "county-2025-actuals.csv"))
        # Nothing a published table holds is an error: qualitative targets are notes.
        errors = [f for f in plan.validate() if f.severity == zhibiao.Severity.ERROR]
        print(f"{len(plan.indicators)} indicators, {len(errors)} errors")
        cap = plan.indicator(12)
        print(f"#12 {cap.name}: {cap.target_text} ({cap.unit}), {cap.direction.name.lower()} is better")
        for row in plan.evaluate("2025-06"):
            if row.standing in (zhibiao.Standing.WARNING, zhibiao.Standing.EXCEEDED, zhibiao.Standing.QUALITATIVE):
                print(f"  {row.seq} {row.status}: {row.explain}")
        # The kind, direction and weight read from the table can be corrected in code.
        plan.indicator(14).weight = 2
        plan.write_target_table("county-targets.xlsx", label="附件1")
        plan.write_progress("county-2025-06.xlsx", "2025-06")
        plan.write_bulletin("county-2025-q2.pdf", "2025-06")
        plan.write_assessment("county-2025.xlsx", "2025-12")
        print("wrote county-targets.xlsx, county-2025-06.xlsx, county-2025-q2.pdf, county-2025.xlsx")
except zhibiao.Error as e:
    sys.exit(f"error: {e}")
