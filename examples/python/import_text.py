"""Read a plan as published (text copied from a government site, a Word file or a PDF), list
what could not be placed or looks misread, print the importer's verdict, check the plan and
save it as a zhibiao/1 JSON plan.

    PYTHONPATH=bindings/python python3 examples/python/import_text.py [examples/data]
"""
import os
import sys

import zhibiao

data = sys.argv[1] if len(sys.argv) > 1 else "examples/data"
try:
    plan = zhibiao.Plan.import_text(os.path.join(data, "published-plan.txt"))
except zhibiao.Error as e:
    for finding in e.report:
        print(finding)
    sys.exit(f"error: {e}")

with plan:
    for finding in plan.report:
        # Warnings say what could not be read; the summary and the verdict close the report.
        if finding.severity >= zhibiao.Severity.WARNING or finding.code in ("summary", "verdict"):
            print(f"{finding.location}: {finding.message} [{finding.code}]")
    print(f"{plan.title}: {len(plan.tasks)} tasks, {len(plan.indicators)} indicators, "
          f"{len(plan.prose_targets)} targets in the prose")
    for task in plan.tasks:
        for duty in task.duties:
            print(f"  task {task.number}: leads {'、'.join(duty.leads)}; cooperating {'、'.join(duty.cooperating)}")
    findings = plan.validate()
    errors = [f for f in findings if f.severity == zhibiao.Severity.ERROR]
    print(f"check: {len(findings)} findings, {len(errors)} errors")
    plan.save("published-plan.json")
