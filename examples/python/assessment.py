"""The annual assessment (年度考核): score every indicator on its December actual, then every
lead unit on the indicators it leads, and rank the units.

    PYTHONPATH=bindings/python python3 examples/python/assessment.py [examples/data]
"""
import os
import sys

import zhibiao

data = sys.argv[1] if len(sys.argv) > 1 else "examples/data"
try:
    with zhibiao.Plan.load(os.path.join(data, "tonglu-2024.json")) as plan:
        plan.load_actuals(os.path.join(data, "tonglu-2024-actuals.csv"))
        rows = plan.evaluate("2024-12")
        reached = [r for r in rows if r.standing in (zhibiao.Standing.DONE, zhibiao.Standing.MET)]
        print(f"2024: {len(reached)} of {len(rows)} indicators reached their targets")
        # Proportional scoring (weight × completion, capped at 120 %) is the default;
        # all_or_nothing gives the weight only to targets reached.
        plan.write_assessment("example-assessment.xlsx", period="2024-12", cap=1.2)
        plan.write_assessment("example-assessment-strict.xlsx", period="2024-12", scoring="all_or_nothing")
        print("wrote example-assessment.xlsx and example-assessment-strict.xlsx")
except zhibiao.Error as e:
    sys.exit(f"error: {e}")
