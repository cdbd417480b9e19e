"""Write a plan as an official notice (通知) in the GB/T 9704-2012 format, with fonts loaded
once and reused, as a server writing many documents would.

    PYTHONPATH=bindings/python python3 examples/python/notice.py [examples/data]
"""
import os
import sys

import zhibiao

data = sys.argv[1] if len(sys.argv) > 1 else "examples/data"
try:
    # Roles left unset come from $ZHIBIAO_FONT_DIR, then free Debian fonts.
    with zhibiao.Plan.load(os.path.join(data, "wuyi-2022.json")) as plan, zhibiao.Fonts.defaults() as fonts:
        print(fonts.describe("body"))
        # sealed: signature and date placed for a seal stamped by hand.
        info = plan.write_notice("example-notice.pdf", fonts=fonts, sealed=True)
        print(f"wrote example-notice.pdf: {info.pages} pages, {info.bytes} bytes")
        # The same as a letter (信函格式): the organ's name between red double rules.
        info = plan.write_notice("example-letter.pdf", fonts=fonts, sealed=True, masthead="letter")
        print(f"wrote example-letter.pdf: {info.pages} pages")
except zhibiao.Error as e:
    sys.exit(f"error: {e}")
