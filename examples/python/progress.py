"""Monthly monitoring (月度监测): load the plan and its actuals, see how every indicator
stands at the end of June, and write the monitoring workbook.

    PYTHONPATH=bindings/python python3 examples/python/progress.py [examples/data]
"""
import collections
import os
import sys

import zhibiao

data = sys.argv[1] if len(sys.argv) > 1 else "examples/data"
try:
    with zhibiao.Plan.load(os.path.join(data, "tonglu-2024.json")) as plan:
        plan.load_actuals(os.path.join(data, "tonglu-2024-actuals.csv"))
        rows = plan.evaluate("2024-06")
        counts = collections.Counter(row.status for row in rows)
        print("2024-06: " + ", ".join(f"{status} {n}" for status, n in counts.most_common()))
        for row in rows:
            if row.standing == zhibiao.Standing.BEHIND:
                lead = plan.indicator(row.seq).lead
                print(f"  滞后 {row.seq} {row.name} ({lead}): {row.explain}")
        plan.write_progress("example-progress.xlsx", period="2024-06")
        print("wrote example-progress.xlsx")
except zhibiao.Error as e:
    sys.exit(f"error: {e}")
