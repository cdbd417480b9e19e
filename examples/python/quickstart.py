"""Ten lines: load a plan, read its indicators, write three documents, catch a bad file.

    PYTHONPATH=bindings/python python3 examples/python/quickstart.py [examples/data]
"""
import os
import sys

import zhibiao

data = sys.argv[1] if len(sys.argv) > 1 else "examples/data"
with zhibiao.Plan.load(os.path.join(data, "tonglu-2024.json")) as plan:
    first = plan.indicators[0]
    print(f"{plan.title}: {len(plan.indicators)} indicators; #1 {first.name} → {first.target_text}")
    plan.write_target_table("targets.xlsx", label="附件2")
    plan.write_notice("notice.pdf")
    plan.write_breakdown("breakdown.xlsx")
try:
    zhibiao.Plan.from_json('{"format": "zhibiao/1",\n "year": "2024"}', name="broken.json")
except zhibiao.Error as e:
    print(f"caught {e.code.name}: {e}")  # broken.json:2:10: year: expected an integer, got a string
