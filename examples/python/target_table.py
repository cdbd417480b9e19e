"""Build a plan in code and write its target table (目标体系表) as an Excel workbook.

    PYTHONPATH=bindings/python python3 examples/python/target_table.py
"""
import datetime
import sys

import zhibiao

try:
    with zhibiao.Plan(title="某县制造业高质量发展2025年工作要点", year=2025, organ="某县经济和信息化局",
                      issued=datetime.date(2025, 3, 1)) as plan:
        plan.add_unit("县经信局", "某县经济和信息化局")
        plan.add_unit("县发改局")
        # Left out means inferred: the unit from the name's last (…), the kind from words
        # such as 增速, the qualifier from 以上 in the target.
        plan.add_indicator(category="牵引性指标", name="规上工业增加值增速(%)", target="7以上", units=["县经信局"])
        plan.add_indicator(category="牵引性指标", name="制造业投资(亿元)", target=30, units=["县发改局", "县经信局"])
        plan.add_indicator(category="企业培育", name="新增“小升规”企业(家)", target=50, units=["县经信局"])

        plan.write_target_table("example-targets.xlsx", label="附件1")
        first = plan.indicators[0]
        print(f"wrote example-targets.xlsx: {len(plan.indicators)} indicators, #1 {first.bare_name} "
              f"is a {first.kind.name.lower()} in {first.unit}, target {first.target_text}")
except zhibiao.Error as e:
    sys.exit(f"error: {e}")
