"""The quarterly bulletin (季度通报): a GB/T 9704 document that says how many indicators are
done, ahead, lagging or unreported, names the lagging ones, and attaches the table.

    PYTHONPATH=bindings/python python3 examples/python/bulletin.py [examples/data]
"""
import os
import sys

import zhibiao

data = sys.argv[1] if len(sys.argv) > 1 else "examples/data"
try:
    with zhibiao.Plan.load(os.path.join(data, "tonglu-2024.json")) as plan, zhibiao.Fonts.defaults() as fonts:
        plan.load_actuals(os.path.join(data, "tonglu-2024-actuals.csv"))
        # The title defaults to 关于2024年第2季度…指标进展情况的通报; the date is the period's end.
        info = plan.write_bulletin("example-bulletin.pdf", period="2024-06", fonts=fonts,
                                   doc_number="桐经信〔2024〕21号")
        print(f"wrote example-bulletin.pdf: {info.pages} pages, {info.bytes} bytes")
except zhibiao.Error as e:
    sys.exit(f"error: {e}")
