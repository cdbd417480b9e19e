"""Write the responsibility breakdown (责任分解表): who leads and who supports each task and
indicator, with a sheet per unit.

    PYTHONPATH=bindings/python python3 examples/python/breakdown.py
"""
import sys

import zhibiao

try:
    with zhibiao.Plan(title="某县2025年制造业工作要点", year=2025) as plan:
        for unit in ("县经信局", "县发改局", "县科技局"):
            plan.add_unit(unit)
        task = plan.add_task("促进中小企业专精特新发展", number=1, headings=["二、重点任务", "(一)培育优质企业"])
        # The first unit named leads; the rest cooperate.
        task.add_duty(["县经信局", "县科技局"], text="新增专精特新中小企业15家以上。")
        task.add_duty(["县经信局", "县发改局"], text="新增“小升规”企业60家。", note="各乡镇（街道）配合")
        plan.add_indicator(category="企业培育", name="新增“小升规”企业(家)", target=60, units=["县经信局", "县发改局"])

        plan.write_breakdown("example-breakdown.xlsx")
        for duty in task.duties:
            print(f"task {task.number}: {duty.lead} leads, {'、'.join(duty.cooperating)} cooperate")
        print(f"wrote example-breakdown.xlsx: {len(plan.tasks)} tasks, {len(plan.units)} units")
except zhibiao.Error as e:
    sys.exit(f"error: {e}")
