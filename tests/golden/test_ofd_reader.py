#!/usr/bin/python3
"""The OFD output opened in an independent reader: ofd.js 0.2.6 (npm, Apache-2.0) in headless
Chromium, as web-based OA systems show OFD.

Usage: test_ofd_reader.py ZHIBIAO_PROGRAM   (env: ZB_SOURCE_DIR, ZB_BINARY_DIR, CHROMIUM)

Writes the 武义 and 桐庐 notices, the 桐庐 Q2 bulletin, the sealed 武义 notice and the stress
notice of test_ofd.py (a narrowed organ mark, markup characters) as PDF and OFD, has tests/ofd-reader/read.js render every page of every OFD in ofd.js, and checks:
the reader parses each package (it looks elements up as "ofd:OFD", "ofd:DocBody", ... so a
package without the ofd: prefix fails here) and renders as many pages as the PDF has; the
text it draws, line by line, is the PDF's text (mutool stext), and each character sits where
the PDF has it within 0.2 mm (the reader's DeltaX and "g" handling); the screenshots show the
red organ mark and body text, and the seal keeps its transparency (the text under it shows).
The screenshots stay in BINARY_DIR/ofd-reader/ to be looked at.

Exits 77 (skipped, with a message saying what is missing) when Chromium, node or
tests/ofd-reader/node_modules is missing: ofd.js is no Debian package, so it is installed only
when asked for (ZB_OFD_READER=1 scripts/test, or npm ci --prefix tests/ofd-reader).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zbgolden  # noqa: E402
import zbofd  # noqa: E402
from zbgolden import check  # noqa: E402

SKIP = 77
TOLERANCE = 0.2  # mm


def lines(chars):
    """Characters grouped into lines by baseline (0.5 mm), each line left to right."""
    out = []
    for c in sorted(chars, key=lambda c: (c[2], c[1])):
        if out and abs(out[-1][0] - c[2]) < 0.5:
            out[-1][1].append(c)
        else:
            out.append((c[2], [c]))
    return ["".join(ch for ch, _, _ in sorted(cs, key=lambda c: c[1])) for _, cs in out]


def missing_reader(src):
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not (os.path.isfile(chromium) and os.access(chromium, os.X_OK)):
        return f"no Chromium at {chromium} (apt-get install chromium, or set CHROMIUM)"
    if not shutil.which("node"):
        return "no node (apt-get install nodejs npm)"
    mods = os.path.join(src, "tests", "ofd-reader", "node_modules")
    for m in ("ofd.js", "puppeteer-core"):
        if not os.path.isdir(os.path.join(mods, m)):
            return f"no {m} in {mods} (ZB_OFD_READER=1 scripts/test, or npm ci --prefix tests/ofd-reader)"
    return None


def ink(path, box=None):
    """Red and dark pixels of a screenshot, optionally inside box (x0, y0, x1, y1) given as
    fractions of the page."""
    w, h, rows = zbofd.read_png(path)
    x0, y0, x1, y1 = box or (0, 0, 1, 1)
    red = dark = total = 0
    for y in range(int(y0 * h), int(y1 * h)):
        for p in rows[y][int(x0 * w):int(x1 * w)]:
            total += 1
            if p[0] > 180 and p[1] < 90 and p[2] < 90:
                red += 1
            elif max(p) < 100:
                dark += 1
    return red, dark, total


def main():
    if len(sys.argv) != 2:
        print("usage: test_ofd_reader.py ZHIBIAO_PROGRAM")
        return 2
    prog = sys.argv[1]
    src = os.environ.get("ZB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
    why = missing_reader(src)
    if why:
        print(f"SKIPPED: the ofd.js reader test cannot run: {why}")
        return SKIP
    out = os.path.join(os.environ.get("ZB_BINARY_DIR", "."), "ofd-reader")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    data = os.path.join(src, "examples", "data")
    with tempfile.TemporaryDirectory() as tmp:
        seal = os.path.join(tmp, "seal.png")
        zbofd.seal_png(seal)
        stress = os.path.join(tmp, "stress.json")
        zbofd.stress_plan(os.path.join(data, "wuyi-2022.json"), stress)
        docs = {
            "wuyi-notice": ["notice", os.path.join(data, "wuyi-2022.json")],
            "tonglu-notice": ["notice", os.path.join(data, "tonglu-2024.json")],
            "tonglu-bulletin": ["bulletin", os.path.join(data, "tonglu-2024.json"),
                                os.path.join(data, "tonglu-2024-actuals.csv"), "--period", "2024-06"],
            "wuyi-sealed": ["notice", os.path.join(data, "wuyi-2022.json"), "--seal", seal],
            "stress": ["notice", stress],
        }
        for name, args in docs.items():
            subprocess.run([prog, *args, "-o", os.path.join(tmp, name + ".pdf")], check=True, capture_output=True)
            subprocess.run([prog, *args, "-o", os.path.join(out, name + ".ofd")], check=True, capture_output=True)
        r = subprocess.run(["node", os.path.join(src, "tests", "ofd-reader", "read.js"), out]
                           + [os.path.join(out, n + ".ofd") for n in docs], capture_output=True)
        check(r.returncode == 0, f"read.js ran: {r.stderr.decode()[-800:]}")
        if r.returncode != 0:
            return zbgolden.summary()
        result = {f["file"]: f for f in json.loads(r.stdout)["files"]}
        for name in docs:
            pdf = os.path.join(tmp, name + ".pdf")
            got = result.get(name + ".ofd")
            check(got and not got["errors"], f"{name}: ofd.js opened it without errors: {got and got['errors']}")
            if not got:
                continue
            want = zbofd.pdf_chars(pdf)
            check(len(got["pages"]) == len(want), f"{name}: ofd.js rendered {len(got['pages'])} pages, the PDF has {len(want)}")
            dists = []
            for i, (page, theirs) in enumerate(zip(got["pages"], want)):
                ours = [tuple(c) for c in page["chars"] if not c[0].isspace()]
                check(lines(ours) == lines(theirs),
                      f"{name} p{i + 1}: the reader's text is the PDF's, line by line:\n  "
                      f"{lines(ours)[:4]}\n  {lines(theirs)[:4]}")
                d, lost, left = zbofd.match(ours, theirs)
                dists += d
                check(not lost and not left and max(d, default=0) <= TOLERANCE,
                      f"{name} p{i + 1}: the reader puts every character within {TOLERANCE} mm of the PDF's "
                      f"(max {max(d, default=0):.3f}, {len(lost)}/{len(left)} unmatched)")
                red, dark, total = ink(page["png"])
                check(dark > 30 * len(ours), f"{name} p{i + 1}: the screenshot shows its {len(ours)} characters "
                                             f"({dark} dark pixels)")
                if i == 0:
                    check(red > total * 0.002, f"{name} p1: the screenshot shows the red organ mark and rule")
            print(f"ofd.js: {name}: {len(got['pages'])} pages, {len(dists)} characters, "
                  f"max {max(dists, default=0):.4f} mm, mean {sum(dists) / max(len(dists), 1):.4f} mm from the PDF's; "
                  f"screenshots {out}/{name}-p*.png")
            if name == "wuyi-sealed":
                # The seal's box on the page (from the package): red ring drawn, and where the
                # PNG is transparent the page shows through (no black square).
                pkg = zbofd.Package(os.path.join(out, name + ".ofd"))
                for i in range(len(pkg.pages)):
                    for x, y, w, h, _, _ in pkg.images(i):
                        box = (x / 210, y / 297, (x + w) / 210, (y + h) / 297)
                        red, dark, total = ink(got["pages"][i]["png"], box)
                        check(red > total * 0.1, f"{name} p{i + 1}: the seal is drawn ({red} of {total} red)")
                        check(dark < total * 0.2, f"{name} p{i + 1}: the seal is transparent ({dark} of {total} dark)")
    return zbgolden.summary()


if __name__ == "__main__":
    sys.exit(main())
