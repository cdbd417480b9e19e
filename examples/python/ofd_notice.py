"""Write the notice and the quarterly bulletin as OFD (GB/T 33190 版式文档), the format
e-government archives keep: the same pages as the PDFs, every character in the same place.

    PYTHONPATH=bindings/python python3 examples/python/ofd_notice.py [examples/data]
"""
import os
import sys

import zhibiao

data = sys.argv[1] if len(sys.argv) > 1 else "examples/data"
try:
    with zhibiao.Plan.load(os.path.join(data, "tonglu-2024.json")) as plan, zhibiao.Fonts.defaults() as fonts:
        # The format follows the file name...
        info = plan.write_notice("example-notice.ofd", fonts=fonts)
        print(f"wrote example-notice.ofd: {info.pages} pages, {info.bytes} bytes")
        # ...or is given, e.g. for bytes a web handler sends.
        plan.load_actuals(os.path.join(data, "tonglu-2024-actuals.csv"))
        ofd = plan.write_bulletin_bytes("2024-06", fonts=fonts, format="ofd")
        print(f"bulletin for 2024-06: {len(ofd)} bytes of OFD")
except zhibiao.Error as e:
    sys.exit(f"error: {e}")
