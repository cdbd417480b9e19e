#!/usr/bin/python3
"""Golden test of the OFD output (GB/T 33190-2016 版式文档) read back as readers read it.

Usage: test_ofd.py ZHIBIAO_PROGRAM   (env: ZB_SOURCE_DIR)

Writes the 武义 and 桐庐 notices, the 桐庐 Q2 bulletin, the 武义 notice with a seal, and a
stress notice (a long organ mark that is narrowed, markup characters in the title) both as
PDF and as OFD with the program, then for each OFD package:
  - unzips it and parses every XML part, checking the structure GB/T 33190 defines (each
    check names the rule it checks);
  - loads every embedded font with fontTools: TrueType outlines, the tables readers need,
    a cmap that covers every character set in it, the same code points as the font the PDF
    embeds;
  - compares every character's position with the PDF's (mutool stext) within 0.2 mm, the
    rules (PathObject) with the PDF's strokes, the seal with the PDF's image;
and checks the same bytes from a second run in another time zone.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.parsers.expat
from io import BytesIO

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zbgolden  # noqa: E402
import zbofd  # noqa: E402
from zbgolden import check  # noqa: E402
from zbofd import Q  # noqa: E402

from fontTools.ttLib import TTFont  # noqa: E402

TOLERANCE = 0.2  # mm
ROLE_NAMES = {"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"}
NEEDED_TABLES = ("glyf", "loca", "cmap", "name", "OS/2", "post", "head", "hhea", "hmtx", "maxp")
figures = []  # (document, characters, max distance, mean distance)


def run(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, **kw)


# ---- structure ---------------------------------------------------------------------------

def raw_names(data):
    """Element and attribute names as written (no namespace processing), and the
    declarations on the root."""
    names, roots = [], []

    def start(name, attrs):
        if not names:
            roots.append(dict(attrs))
        names.append((name, list(attrs)))
    p = xml.parsers.expat.ParserCreate()
    p.StartElementHandler = start
    p.Parse(data, True)
    return names, roots[0]


def children(el):
    return [c.tag.replace(Q, "") for c in el]


def in_order(tags, order):
    """Whether tags appear in the order the schema gives (repeats allowed)."""
    if not all(t in order for t in tags):
        return False
    pos = [order.index(t) for t in tags]
    return pos == sorted(pos)


def check_structure(name, pkg, plan_title, organ, date):
    # 文件结构: an OFD file is a zip package whose entry OFD.xml sits at its root.
    check(pkg.names[0] == "OFD.xml", f"{name}: OFD.xml is the first entry ({pkg.names[0]})")
    check(all(not n.startswith("/") and ".." not in n for n in pkg.names), f"{name}: relative part names")
    test = pkg.zip.testzip()
    check(test is None, f"{name}: every part's CRC is right ({test})")
    # 命名空间: every element of every part is in http://www.ofdspec.org/2016 with the
    # prefix ofd (readers look elements up as "ofd:OFD").
    for part, data in pkg.raw.items():
        if not part.endswith(".xml"):
            continue
        check(data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>'), f"{name}: {part}: XML declaration")
        names, root = raw_names(data)
        check(root.get("xmlns:ofd") == zbofd.NS, f"{name}: {part}: xmlns:ofd on the root")
        check("xmlns" not in root, f"{name}: {part}: no default namespace")
        bad = [n for n, _ in names if not n.startswith("ofd:")]
        check(not bad, f"{name}: {part}: elements without the ofd: prefix: {bad[:3]}")
        bad = [a for _, attrs in names for a in attrs if ":" in a and not a.startswith("xmlns")]
        check(not bad, f"{name}: {part}: attributes are unqualified: {bad[:3]}")

    # 主入口: ofd:OFD with Version="1.0" and DocType="OFD", a DocBody with DocInfo and DocRoot.
    e = pkg.entry
    check(e.tag == Q + "OFD" and e.get("Version") == "1.0" and e.get("DocType") == "OFD",
          f"{name}: OFD.xml root is ofd:OFD Version=1.0 DocType=OFD ({e.tag} {e.attrib})")
    body = e.findall(Q + "DocBody")
    check(len(body) == 1 and children(body[0]) == ["DocInfo", "DocRoot"], f"{name}: DocBody holds DocInfo, DocRoot")
    # 文档信息: DocID a UUID of 32 characters, then Title, Author, CreationDate (xs:date),
    # Creator, CreatorVersion in the schema's order.
    info = body[0].find(Q + "DocInfo")
    order = ["DocID", "Title", "Author", "Subject", "Abstract", "CreationDate", "ModDate", "DocUsage",
             "Cover", "Keywords", "Creator", "CreatorVersion", "CustomDatas"]
    check(in_order(children(info), order) and children(info)[0] == "DocID",
          f"{name}: DocInfo children in the schema's order: {children(info)}")
    docid = info.findtext(Q + "DocID")
    check(re.fullmatch(r"[0-9a-f]{12}5[0-9a-f]{3}[89ab][0-9a-f]{15}", docid or ""),
          f"{name}: DocID is a 32-character UUID (version 5): {docid}")
    check(info.findtext(Q + "Title") == plan_title, f"{name}: Title is the document's title: {info.findtext(Q + 'Title')}")
    check(info.findtext(Q + "Author") == organ, f"{name}: Author is the issuing organ: {info.findtext(Q + 'Author')}")
    check(info.findtext(Q + "CreationDate") == date, f"{name}: CreationDate {info.findtext(Q + 'CreationDate')} == {date}")
    check(info.findtext(Q + "Creator") == "zhibiao", f"{name}: Creator")

    # 文档根节点: CommonData (MaxUnitID, PageArea, PublicRes, DocumentRes) then Pages.
    d = pkg.document
    check(d.tag == Q + "Document" and children(d) == ["CommonData", "Pages"], f"{name}: Document holds CommonData, Pages")
    cd = d.find(Q + "CommonData")
    check(in_order(children(cd), ["MaxUnitID", "PageArea", "PublicRes", "DocumentRes", "TemplatePage", "DefaultCS"]),
          f"{name}: CommonData children in order: {children(cd)}")
    # 页面区域: A4 in millimetres.
    check(cd.findtext(f"{Q}PageArea/{Q}PhysicalBox") == "0 0 210 297", f"{name}: PageArea is A4 in mm")
    # 标识 (ST_ID): every ID is a positive integer, unique in the document, and MaxUnitID is the
    # largest.
    ids = []
    for part, x in pkg.xml.items():
        for el in x.iter():
            if el.get("ID") is not None:
                ids.append(int(el.get("ID")))
    check(ids and min(ids) > 0 and len(ids) == len(set(ids)), f"{name}: IDs unique and positive")
    check(int(cd.findtext(Q + "MaxUnitID")) == max(ids), f"{name}: MaxUnitID {cd.findtext(Q + 'MaxUnitID')} is the largest ID {max(ids)}")
    # 页树: each Page has an ID and a BaseLoc naming a part of the package.
    pages = d.findall(f"{Q}Pages/{Q}Page")
    check(pages and all(f"{pkg.doc_dir}/{p.get('BaseLoc')}" in pkg.names for p in pages),
          f"{name}: every page's BaseLoc is in the package")

    # 资源: fonts with ID, FontName and FontFile (in the folder BaseLoc names); images with
    # ID, Type and MediaFile.
    for fid, (fname, family, ffile) in pkg.fonts.items():
        check(fname in ROLE_NAMES and family == fname, f"{name}: font {fid} named after a 公文 face: {fname}/{family}")
        check(ffile in pkg.names, f"{name}: font {fid}'s file {ffile} is in the package")
    for mid, mfile in pkg.media.items():
        check(mfile in pkg.names, f"{name}: image {mid}'s file {mfile} is in the package")

    refs_ok = True
    for i, page in enumerate(pkg.pages):
        check(page.tag == Q + "Page" and children(page) == ["Content"], f"{name} p{i + 1}: Page holds Content")
        layers = page.findall(f"{Q}Content/{Q}Layer")
        check(len(layers) == 1 and layers[0].get("Type") == "Body", f"{name} p{i + 1}: one body layer")
        for obj in layers[0]:
            tag = obj.tag.replace(Q, "")
            # 图元对象: a Boundary of four numbers with a positive width and height.
            x, y, w, h = zbofd.box(obj.get("Boundary"))
            check(w > 0 and h > 0 and 0 <= x and x + w <= 210 and 0 <= y and y + h <= 297,
                  f"{name} p{i + 1}: {tag} {obj.get('ID')} boundary on the page: {obj.get('Boundary')}")
            if tag == "TextObject":
                # 文字对象: Font (a font resource) and Size; FillColor before TextCode;
                # 文字定位: one DeltaX value per gap between characters.
                refs_ok &= obj.get("Font") in pkg.fonts
                check(float(obj.get("Size")) > 0, f"{name}: TextObject Size")
                check(children(obj) == ["FillColor", "TextCode"], f"{name}: TextObject children {children(obj)}")
                code = obj.find(Q + "TextCode")
                n = len(code.text or "")
                check(len(zbofd.delta_values(code.get("DeltaX"))) == max(n - 1, 0),
                      f"{name}: DeltaX has {n - 1} values for '{code.text}'")
                check((code.text or "") == (code.text or "").strip(), f"{name}: TextCode has no blank ends: '{code.text}'")
                # The origin of every character inside the Boundary.
                xs = [float(code.get("X"))]
                for v in zbofd.delta_values(code.get("DeltaX")):
                    xs.append(xs[-1] + v)
                check(min(xs) >= 0 and max(xs) <= w and 0 <= float(code.get("Y")) <= h,
                      f"{name}: '{code.text}' inside its boundary")
                # 颜色: Value of three integers 0..255 (RGB).
                v = obj.find(Q + "FillColor").get("Value").split()
                check(len(v) == 3 and all(t.isdigit() and int(t) <= 255 for t in v), f"{name}: colour {v}")
            elif tag == "PathObject":
                # 路径对象: StrokeColor, then AbbreviatedData; a width; stroked, not filled.
                check(children(obj) == ["StrokeColor", "AbbreviatedData"], f"{name}: PathObject children {children(obj)}")
                check(float(obj.get("LineWidth")) > 0 and obj.get("Stroke") == "true" and obj.get("Fill") == "false",
                      f"{name}: PathObject stroke {obj.attrib}")
            elif tag == "ImageObject":
                # 图像对象: a MultiMedia resource drawn on the unit square, scaled by CTM.
                refs_ok &= obj.get("ResourceID") in pkg.media
                ctm = [float(t) for t in obj.get("CTM").split()]
                check(len(ctm) == 6 and abs(ctm[0] - w) < 0.011 and abs(ctm[3] - h) < 0.011 and ctm[1:3] == [0, 0]
                      and ctm[4:] == [0, 0], f"{name}: image CTM scales the unit square to the boundary: {ctm}")
            else:
                check(False, f"{name}: unexpected object {tag}")
    check(refs_ok, f"{name}: every Font and ResourceID refers to a resource")


# ---- fonts -------------------------------------------------------------------------------

def check_fonts(name, pkg, pdf, tmp):
    """Every embedded font: TrueType, the tables readers need, covering what is set in it;
    the code points of the PDF's subsets."""
    used = {}
    for i in range(len(pkg.pages)):
        for ch, _, _, font, _, _ in pkg.chars(i):
            used.setdefault(pkg.fonts[font][2], set()).add(ord(ch))
    files = sorted({f[2] for f in pkg.fonts.values()})
    check(files == sorted(used), f"{name}: every font file is used ({files} vs {sorted(used)})")
    ext = os.path.join(tmp, "extract-" + name)
    os.makedirs(ext, exist_ok=True)
    run("mutool", "extract", os.path.abspath(pdf), cwd=ext)
    pdf_sets = [frozenset(TTFont(os.path.join(ext, f)).getBestCmap())
                for f in sorted(os.listdir(ext)) if f.startswith("font-")]
    ofd_sets = []
    for f in files:
        font = TTFont(BytesIO(pkg.raw[f]))
        missing = [t for t in NEEDED_TABLES if t not in font]
        check(not missing, f"{name}: {f} has the tables readers need (missing {missing})")
        check("CFF " not in font and "CFF2" not in font, f"{name}: {f} has TrueType outlines")
        cmap = font.getBestCmap()
        lost = sorted(chr(c) for c in used.get(f, ()) if c not in cmap)
        check(not lost, f"{name}: {f} covers every character set in it (missing {lost[:10]})")
        glyf = font["glyf"]
        empty = [chr(c) for c in used.get(f, ()) if not chr(c).isspace()
                 and glyf[cmap[c]].numberOfContours == 0]
        check(not empty, f"{name}: {f} has outlines for its characters (empty: {empty[:10]})")
        ofd_sets.append(frozenset(cmap))
    check(sorted(ofd_sets, key=sorted) == sorted(pdf_sets, key=sorted),
          f"{name}: the font files hold the code points of the PDF's subsets")


# ---- positions ---------------------------------------------------------------------------

def check_positions(name, pkg, pdf, tmp):
    pdf_pages = zbofd.pdf_chars(pdf)
    check(len(pdf_pages) == len(pkg.pages), f"{name}: {len(pkg.pages)} pages, the PDF has {len(pdf_pages)}")
    dists = []
    for i in range(min(len(pdf_pages), len(pkg.pages))):
        ours = [c for c in pkg.chars(i) if not c[0].isspace()]
        d, lost, left = zbofd.match(ours, pdf_pages[i])
        dists += d
        check(not lost and not left, f"{name} p{i + 1}: the same characters as the PDF "
                                      f"(OFD only: {''.join(c[0] for c in lost[:20])}; PDF only: {''.join(c[0] for c in left[:20])})")
        far = [x for x in d if x > TOLERANCE]
        check(not far, f"{name} p{i + 1}: {len(far)} characters more than {TOLERANCE} mm from the PDF's (max {max(d, default=0):.3f})")
    figures.append((name, len(dists), max(dists, default=0), sum(dists) / max(len(dists), 1)))

    # Rules: every PathObject is one of the PDF's strokes, same ends and width.
    streams = zbofd.pdf_streams(pdf, tmp)
    height = zbofd.pdf_page_height(pdf)
    for i, stream in enumerate(streams[:len(pkg.pages)]):
        theirs = zbofd.pdf_rules(stream, height)
        ours = pkg.paths(i)
        check(len(ours) == len(theirs), f"{name} p{i + 1}: {len(ours)} paths, the PDF strokes {len(theirs)}")
        for o, t in zip(sorted(ours), sorted(theirs)):
            close = all(abs(a - b) <= 0.02 for a, b in zip(o[:4], t[:4])) and abs(o[4] - t[4]) < 0.002
            check(close, f"{name} p{i + 1}: path {o[:5]} is the PDF's {t}")
        # Images: where the PDF draws its seal.
        imgs = pkg.images(i)
        pimgs = zbofd.pdf_images(stream, height)
        check(len(imgs) == len(pimgs), f"{name} p{i + 1}: {len(imgs)} images, the PDF draws {len(pimgs)}")
        for o, t in zip(imgs, pimgs):
            check(all(abs(a - b) <= 0.02 for a, b in zip(o[:4], t)), f"{name} p{i + 1}: image {o[:4]} at the PDF's {t}")


def check_roles(name, pkg, plan):
    """Text is named after its role's standard face: the organ mark and title 方正小标宋简体
    in red (255 51 51: CMYK 0 80 80 0) and black, the body 仿宋_GB2312, page numbers 宋体."""
    first = pkg.chars(0)
    fonts = pkg.fonts
    mark = [c for c in first if c[5] == "255 51 51"]
    check(mark and all(fonts[c[3]][0] == "方正小标宋简体" for c in mark), f"{name}: the red organ mark is 方正小标宋简体")
    body = [c for c in first if fonts[c[3]][0] == "仿宋_GB2312"]
    check(len(body) > 20, f"{name}: body text in 仿宋_GB2312 ({len(body)} characters)")
    numbers = [c for p in range(len(pkg.pages)) for c in pkg.chars(p) if c[2] > 262 + 3]
    check(numbers and all(fonts[c[3]][0] == "宋体" for c in numbers if c[0].isdigit()),
          f"{name}: page numbers in 宋体")


def main():
    if len(sys.argv) != 2:
        print("usage: test_ofd.py ZHIBIAO_PROGRAM")
        return 2
    prog = sys.argv[1]
    src = os.environ.get("ZB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
    data = os.path.join(src, "examples", "data")
    with tempfile.TemporaryDirectory() as tmp:
        seal = os.path.join(tmp, "seal.png")
        zbofd.seal_png(seal)
        stress = os.path.join(tmp, "stress.json")
        zbofd.stress_plan(os.path.join(data, "wuyi-2022.json"), stress)
        wuyi = json.load(open(os.path.join(data, "wuyi-2022.json"), encoding="utf-8"))
        tonglu = json.load(open(os.path.join(data, "tonglu-2024.json"), encoding="utf-8"))
        bulletin = ["bulletin", os.path.join(data, "tonglu-2024.json"),
                    os.path.join(data, "tonglu-2024-actuals.csv"), "--period", "2024-06"]
        docs = [
            ("wuyi-notice", ["notice", os.path.join(data, "wuyi-2022.json")], wuyi["title"], wuyi["organ"], wuyi["date"]),
            ("tonglu-notice", ["notice", os.path.join(data, "tonglu-2024.json")], tonglu["title"], tonglu["organ"],
             tonglu["date"]),
            ("tonglu-bulletin", bulletin, None, tonglu["organ"], "2024-06-30"),
            ("wuyi-sealed", ["notice", os.path.join(data, "wuyi-2022.json"), "--seal", seal], wuyi["title"],
             wuyi["organ"], wuyi["date"]),
            ("stress", ["notice", stress], "关于<重点>项目“A&B”清单的通知", wuyi["organ"], wuyi["date"]),
        ]
        ids = set()
        for name, args, title, organ, date in docs:
            pdf, ofd = os.path.join(tmp, name + ".pdf"), os.path.join(tmp, name + ".ofd")
            run(prog, *args, "-o", pdf)
            run(prog, *args, "-o", ofd)
            # The same bytes for the same data: a second run in another time zone.
            again = os.path.join(tmp, name + "-again.ofd")
            run(prog, *args, "-o", again, env=dict(os.environ, TZ="Asia/Shanghai"))
            check(open(ofd, "rb").read() == open(again, "rb").read(), f"{name}: two runs give the same bytes")
            pkg = zbofd.Package(ofd)
            if title is None:
                title = pkg.entry.findtext(f"{Q}DocBody/{Q}DocInfo/{Q}Title")
                check(title and title.startswith("关于2024年第二季度"), f"{name}: bulletin title {title}")
            check_structure(name, pkg, title, organ, date)
            check_fonts(name, pkg, pdf, tmp)
            check_positions(name, pkg, pdf, tmp)
            check_roles(name, pkg, wuyi)
            ids.add(pkg.entry.findtext(f"{Q}DocBody/{Q}DocInfo/{Q}DocID"))
            if name == "wuyi-sealed":
                # The seal: the pixels given, their alpha channel kept, drawn once.
                media = list(pkg.media.values())
                check(len(media) == 1 and zbofd.read_png(pkg.raw[media[0]], alpha=True)
                      == zbofd.read_png(seal, alpha=True), f"{name}: the seal has the pixels and transparency given")
            if name == "stress":
                hs = [t.get("HScale") for p in pkg.pages for t in p.iter(Q + "TextObject") if t.get("HScale")]
                check(hs and all(0 < float(h) < 1 for h in hs), f"{name}: the narrowed mark has HScale {hs[:1]}")
        check(len(ids) == len(docs), f"every document has its own DocID: {ids}")
    for name, n, mx, mean in figures:
        print(f"positions: {name}: {n} characters, max {mx:.4f} mm, mean {mean:.4f} mm from the PDF's")
    return zbgolden.summary()


if __name__ == "__main__":
    sys.exit(main())
