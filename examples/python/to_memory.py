"""Documents in memory, for a web handler: the plan arrives as a request body, the workbook
or the PDF goes back as bytes, and a bad body gets its error with the place in it.

    PYTHONPATH=bindings/python python3 examples/python/to_memory.py [examples/data]
"""
import os
import sys

import zhibiao

FONTS = zhibiao.Fonts.defaults()  # loaded once, shared by every request (and thread)


def handle(body, document):
    """(HTTP status, content type, payload) for a POSTed plan."""
    try:
        with zhibiao.Plan.from_json(body, name="request body") as plan:
            if document == "notice":
                return 200, "application/pdf", plan.write_notice_bytes(fonts=FONTS)
            return 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", \
                plan.write_target_table_bytes(label="附件2")
    except zhibiao.Error as e:
        return 400, "text/plain; charset=utf-8", str(e).encode("utf-8")


data = sys.argv[1] if len(sys.argv) > 1 else "examples/data"
with open(os.path.join(data, "tonglu-2024.json"), "rb") as f:
    body = f.read()
for document in ("targets", "notice"):
    status, kind, payload = handle(body, document)
    print(f"{document}: {status} {kind.split(';')[0]}, {len(payload)} bytes")
status, _, payload = handle(b'{"format": "zhibiao/1", "year": "2024"}', "targets")
print(f"broken body: {status} {payload.decode('utf-8')}")
FONTS.close()
sys.exit(0 if status == 400 else 1)
