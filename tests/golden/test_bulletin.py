#!/usr/bin/python3
"""Golden test of the quarterly bulletin (通报) PDF as a reader sees it.

Usage: test_bulletin.py ZHIBIAO_PROGRAM   (env: ZB_SOURCE_DIR)

Runs `zhibiao bulletin tonglu-2024.json tonglu-2024-actuals.csv --period 2024-06 -o X.pdf`
twice and reads X.pdf back with poppler (pdftotext -bbox-layout, pdffonts, pdfinfo) and qpdf:
the title, the counts in the text against the statuses in the progress table, the lagging
indicators and the unreported ones named with their lead units, the chart's caption, the
附件说明 and the attachment with the table (header repeated on every page, every indicator
in it), the date at the end of the period, page numbers as the notice has them, embedded
subset fonts, a clean qpdf --check, and identical bytes from two runs. When the program has
no bulletin command or the actuals are missing, it says so and counts nothing.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zbgolden  # noqa: E402
from zbgolden import check  # noqa: E402

MM = 72 / 25.4
LEFT, TOP = 28 * MM, 37 * MM
WIDTH, HEIGHT = 156 * MM, 225 * MM
RIGHT, BOTTOM = LEFT + WIDTH, TOP + HEIGHT
XHTML = "{http://www.w3.org/1999/xhtml}"
# The progress table's columns (lib/content/bulletin.c), as shares of the type area's width.
FRACS = [0.065, 0.10, 0.22, 0.09, 0.085, 0.09, 0.085, 0.09, 0.175]
HEAD = ["序号", "类别", "指标名称", "目标值", "本期累计", "完成率", "序时进度", "状态", "牵头单位"]
STATUSES = ["已完成", "超序时", "滞后", "达标", "未达标", "无目标值", "未报送"]
PERIOD = "2024-06"


def run(*args):
    return subprocess.run(args, check=True, capture_output=True)


WIDE = str.maketrans("(),:;", "（），：；")


def strip(s):
    """Without white space, and with the punctuation the bulletin sets inside Chinese."""
    return re.sub(r"\s+", "", s).translate(WIDE)


def read_pages(pdf):
    """Words of each page: (text, x0, y0, x1, y1), and lines as strings."""
    xml = run("pdftotext", "-bbox-layout", pdf, "-").stdout.decode("utf-8")
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter(XHTML + "page"):
        lines = []
        for line in page.iter(XHTML + "line"):
            words = [(w.text or "", float(w.get("xMin")), float(w.get("yMin")),
                      float(w.get("xMax")), float(w.get("yMax")))
                     for w in line.iter(XHTML + "word")]
            if words:
                lines.append(words)
        pages.append(lines)
    return pages


def is_page_number(words):
    return min(w[2] for w in words) > BOTTOM + 2


def bare(name):
    """The name without the unit group that ends it (新增“小升规”企业(家) -> 新增“小升规”企业)."""
    return re.sub(r"[(（][^()（）]*[)）]$", "", name)


def body_text(pages):
    return "".join(strip("".join(w[0] for w in l)) for p in pages for l in p if not is_page_number(l))


def table_rows(pages):
    """(seq, status) pairs read from the progress table, by the y of the seq and the status
    (both single-line cells centred in their row), and the table pages."""
    edges = [LEFT]
    for f in FRACS:
        edges.append(edges[-1] + f * WIDTH)

    def column(w):
        x = (w[1] + w[3]) / 2
        for c in range(len(FRACS)):
            if edges[c] <= x < edges[c + 1]:
                return c
        return None

    rows, table_pages = [], []
    for i, p in enumerate(pages):
        words = [w for l in p if not is_page_number(l) for w in l]
        if not any(w[0] == "序号" and column(w) == 0 for w in words):
            continue
        table_pages.append(i)
        seqs = [w for w in words if column(w) == 0 and w[0].isdigit()]
        stats = [w for w in words if column(w) == 7 and w[0] in STATUSES]
        for s in seqs:
            mid = (s[2] + s[4]) / 2
            match = [t for t in stats if abs((t[2] + t[4]) / 2 - mid) < 3]
            rows.append((int(s[0]), match[0][0] if len(match) == 1 else None))
    return rows, table_pages


def section(text, title):
    """The text of the section headed by title, up to the next numbered section or 附件说明."""
    m = re.search(r"[一二三四五六]、" + title + r"(.*?)(?=[一二三四五六]、|附件：|$)", text)
    return m.group(1) if m else ""


def check_bulletin(pdf, plan, actuals_periods):
    name = "bulletin"
    qc = subprocess.run(["qpdf", "--check", pdf], capture_output=True)
    check(qc.returncode == 0, f"{name}: qpdf --check: {qc.stdout.decode()[-300:]}")
    info = run("pdfinfo", pdf).stdout.decode()
    npages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    fonts = run("pdffonts", pdf).stdout.decode().splitlines()[2:]
    check(fonts, f"{name}: has fonts")
    for f in fonts:
        cols = f.split()
        check(cols[-5] == "yes" and cols[-4] == "yes", f"{name}: font embedded and subset: {f}")

    pages = read_pages(pdf)
    check(len(pages) == npages, f"{name}: {len(pages)} pages read")
    text = body_text(pages)

    # The 版头 and the title.
    organ = plan.get("organ_mark") or plan["organ"] + "文件"
    first = strip("".join(w[0] for w in pages[0][0]))
    check(first == organ, f"{name}: the first line is the organ mark: {first}")
    # The year once: the plan's own 2024年 is left out of the bulletin's title.
    title = f"关于2024年第二季度{strip(plan['title']).replace('2024年', '', 1)}指标进展情况的通报"
    check(title in text, f"{name}: the title {title}")
    # Its lines break between words (GB/T 9704 §7.3.1 词意完整): not inside a word of the
    # lexicon's or of the plan's names.
    lines0 = [strip("".join(w[0] for w in l)) for l in pages[0]]
    breaks = None
    for a in range(len(lines0)):
        for b in range(a + 1, len(lines0) + 1):
            if "".join(lines0[a:b]) == title:
                breaks = [sum(len(x) for x in lines0[a:k]) for k in range(a + 1, b)]
        if breaks is not None:
            break
    check(breaks is not None, f"{name}: the title's lines on page 1: {lines0[:6]}")
    words = ["制造业", "先进制造业", "产业集群", "培育工程", "工作要点", "进展情况", "第二季度"]
    words += [strip(plan["organ"])] + [strip(c["name"]) for c in plan["categories"]]
    for w in words:
        at = title.find(w)
        while at >= 0 and w:
            split = [b for b in breaks or [] if at < b < at + len(w)]
            check(not split, f"{name}: the title's lines split {w}: {lines0}")
            at = title.find(w, at + 1)
    for r in plan.get("recipients", []):
        check(strip(r) + "：" in text, f"{name}: recipient {r}")

    # The table: every indicator once, each with a status; the header on every table page.
    rows, table_pages = table_rows(pages)
    seqs = [ind["seq"] for c in plan["categories"] for ind in c["indicators"]]
    check(sorted(r[0] for r in rows) == sorted(seqs), f"{name}: every indicator in the table once "
          f"({len(rows)} rows for {len(seqs)} indicators)")
    check(all(r[1] for r in rows), f"{name}: every row has a status: {[r for r in rows if not r[1]]}")
    check(table_pages and table_pages[-1] >= npages - 2, f"{name}: the table is at the end ({table_pages})")
    if not table_pages:
        return
    for i in table_pages:
        # The header's cells, some on two lines (本期/累计), above the first row.
        words = [w for l in pages[i] for w in l]
        top = min(w[2] for w in words if w[0] == "序号")
        head = {w[0] for w in words if abs(w[2] - top) < 12}
        want = {"序号", "类别", "指标名称", "目标值", "本期", "完成率", "序时", "状态", "牵头单位"}
        check(want <= head, f"{name} p{i + 1}: the header is repeated: missing {want - head}")
    attach = table_pages[0]
    lines = [strip("".join(w[0] for w in l)) for l in pages[attach]]
    check(lines and lines[0] == "附件", f"{name}: the attachment page starts with 附件: {lines[:1]}")
    check("2024年6月指标进展情况表" in lines, f"{name}: the attachment's title")
    check("附件：2024年6月指标进展情况表" in text, f"{name}: the 附件说明")

    # The counts in the text agree with the table's statuses; zero counts are left out.
    from_table = {s: sum(1 for r in rows if r[1] == s) for s in STATUSES}
    m = re.search(r"截至2024年6月底，(\d+)项指标中，(.*?)。", text)
    check(m, f"{name}: the counts sentence")
    if m:
        check(int(m.group(1)) == len(seqs), f"{name}: {m.group(1)} indicators in all")
        said = {k: int(v) for k, v in re.findall(r"(已完成|超序时|滞后|未达标|达标|无目标值|未报送)(\d+)项", m.group(2))}
        for s in STATUSES:
            check(said.get(s, 0) == from_table[s],
                  f"{name}: {s}: the text says {said.get(s, 0)}, the table has {from_table[s]}")
            check(s not in said or said[s] > 0, f"{name}: a zero count is left out ({s})")
        for k, v in re.findall(r"(已完成|超序时|滞后|未达标|达标|无目标值|未报送)\d+项，占([\d.]+)%", m.group(2)):
            check(abs(float(v) - 100 * said[k] / len(seqs)) < 0.051, f"{name}: share of {k} {v}%")
    # The actuals say which ones are unreported: the table must agree.
    reported = {seq for seq, period in actuals_periods if period == PERIOD}
    for seq, status in rows:
        check((status == "未报送") == (seq not in reported),
              f"{name}: indicator {seq} is {status}, reported: {seq in reported}")

    # The lagging indicators, in plan order, each with its lead unit.
    by_seq = {ind["seq"]: ind for c in plan["categories"] for ind in c["indicators"]}
    status = dict(rows)
    lagging = [s for s in seqs if status.get(s) in ("滞后", "未达标")]
    sec = section(text, "滞后指标")
    items = re.split(r"（\d+）", sec)[1:]
    check(len(items) == len(lagging), f"{name}: {len(items)} lagging items for {len(lagging)} lagging indicators")
    for item, seq in zip(items, lagging):
        ind = by_seq[seq]
        check(item.startswith(strip(bare(ind["name"])) + "："), f"{name}: lagging item names {ind['name']}: {item[:30]}")
        lead = (ind.get("responsible") or [""])[0]
        if lead:
            check(f"牵头单位：{lead}）" in item, f"{name}: lagging item {seq} names its lead unit {lead}")
        if status[seq] == "滞后":
            check("完成率" in item and "低于序时进度" in item, f"{name}: item {seq} gives completion and the gap")
        else:
            check("实际" in item and "目标" in item, f"{name}: item {seq} gives actual and target")

    # The unreported ones, named with their lead units.
    missing = [s for s in seqs if status.get(s) == "未报送"]
    sec = section(text, "未报送指标")
    check(bool(sec) == bool(missing), f"{name}: a section for the unreported indicators when there are any")
    for seq in missing:
        ind = by_seq[seq]
        check(strip(bare(ind["name"])) in sec, f"{name}: unreported {ind['name']} is named")
        lead = (ind.get("responsible") or [""])[0]
        if lead:
            check(strip(bare(ind["name"])) + f"（牵头单位：{lead}）" in sec, f"{name}: unreported {seq} with {lead}")

    # The chart and its caption; the date at the end of the period; the signature.
    check("图1各类别指标平均完成率" in text, f"{name}: the chart's caption")
    check("序时进度50.0%" in text, f"{name}: the chart's reference line is labelled")
    for c in plan["categories"]:
        if any(status.get(i["seq"]) in ("已完成", "超序时", "滞后") for i in c["indicators"]):
            check(strip(c["name"]) in text, f"{name}: the chart names {c['name']}")
    check("2024年6月30日" in text, f"{name}: dated the last day of the period")
    sig = plan.get("signature") or plan["organ"]
    check(strip(sig) + "2024年6月30日" in text, f"{name}: signature {sig} above the date")
    check("下步工作要求" in text, f"{name}: the requirements section")

    # Page numbers as the notice has them: — N —, odd pages right, even pages left.
    numbered = 0
    for i, p in enumerate(pages):
        nums = [l for l in p if is_page_number(l)]
        if not nums:
            continue
        numbered += 1
        words = nums[0]
        check(strip("".join(w[0] for w in words)) == f"—{i + 1}—", f"{name} p{i + 1}: page number")
        x0, x1 = min(w[1] for w in words), max(w[3] for w in words)
        if (i + 1) % 2:
            check(abs(x1 - (RIGHT - 14)) < 1.5, f"{name} p{i + 1}: odd page number right")
        else:
            check(abs(x0 - (LEFT + 14)) < 1.5, f"{name} p{i + 1}: even page number left")
    check(numbered >= npages - 1, f"{name}: pages numbered ({numbered} of {npages})")

    # Nothing outside the type area but the page numbers.
    for i, p in enumerate(pages):
        for l in p:
            x0, x1 = min(w[1] for w in l), max(w[3] for w in l)
            check(x0 > LEFT - 0.6 and x1 < RIGHT + 0.6, f"{name} p{i + 1}: '{l[0][0]}…' inside the type area")
            if not is_page_number(l):
                check(max(w[4] for w in l) < BOTTOM + 1, f"{name} p{i + 1}: '{l[0][0]}…' above the bottom")


def main():
    if len(sys.argv) != 2:
        print("usage: test_bulletin.py ZHIBIAO_PROGRAM")
        return 2
    prog = sys.argv[1]
    src = os.environ.get("ZB_SOURCE_DIR", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    plan_path = os.path.join(src, "examples", "data", "tonglu-2024.json")
    actuals = os.path.join(src, "examples", "data", "tonglu-2024-actuals.csv")
    if not os.path.exists(actuals):
        print(f"skip: {actuals} is missing")
        return zbgolden.summary()
    with tempfile.TemporaryDirectory() as tmp:
        a, b = os.path.join(tmp, "a.pdf"), os.path.join(tmp, "b.pdf")
        args = [prog, "bulletin", plan_path, actuals, "--period", PERIOD, "-o"]
        helped = subprocess.run([prog, "bulletin", "--help"], capture_output=True)
        if helped.returncode != 0:
            print(f"skip: {prog} has no bulletin command")
            return zbgolden.summary()
        first = subprocess.run(args + [a], capture_output=True)
        check(first.returncode == 0, f"bulletin: exit {first.returncode}: {first.stderr.decode()[-300:]}")
        if first.returncode != 0:
            return zbgolden.summary()
        subprocess.run(args + [b], check=True, capture_output=True)
        check(open(a, "rb").read() == open(b, "rb").read(), "bulletin: two runs give the same bytes")
        plan = json.load(open(plan_path, encoding="utf-8"))
        periods = []
        for line in open(actuals, encoding="utf-8"):
            m = re.match(r"\s*(\d+)\s*,\s*(\d{4}-\d{2})\s*,", line)
            if m:
                periods.append((int(m.group(1)), m.group(2)))
        check_bulletin(a, plan, periods)
    return zbgolden.summary()


if __name__ == "__main__":
    sys.exit(main())
