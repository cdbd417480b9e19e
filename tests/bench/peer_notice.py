"""The ReportLab peer of the notice (python3-reportlab): draws what zhibiao's notice draws, as
listed by dump_notice (every line of text at its place, in its font, size, spacing and colour,
and every rule), on A4 pages, with the same TrueType fonts embedded as subsets. It does no
layout: the lines come positioned. The seal image is left out.

Usage: python3 peer_notice.py NOTICE.tsv OUT.pdf
"""
import sys

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

INKS = {0: (0, 0, 0, 1), 1: (0, 1, 1, 0), 2: None}


def main(src, out):
    pages = 0
    items = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "P":
                pages = int(fields[1])
            else:
                items.append(fields)
    fonts = {}
    c = canvas.Canvas(out, pagesize=A4, pageCompression=1)
    height = A4[1]
    by_page = [[] for _ in range(pages)]
    for it in items:
        by_page[int(it[1])].append(it)
    for page in by_page:
        for it in page:
            if it[0] == "T":
                _, _, x, y, size, cs, hs, ink, path, index, text = it
                key = (path, int(index))
                if key not in fonts:
                    name = "F%d" % len(fonts)
                    pdfmetrics.registerFont(TTFont(name, path, subfontIndex=int(index)))
                    fonts[key] = name
                t = c.beginText()
                t.setTextOrigin(float(x), height - float(y))
                t.setFont(fonts[key], float(size))
                t.setCharSpace(float(cs))
                t.setHorizScale(float(hs) * 100)
                if int(ink) == 2:
                    t.setFillGray(0.5)
                else:
                    t.setFillColorCMYK(*INKS[int(ink)])
                t.textOut(text)
                c.drawText(t)
            else:
                _, _, x, y, x2, y2, w, ink = it
                c.setLineWidth(float(w))
                if int(ink) == 2:
                    c.setStrokeGray(0.5)
                else:
                    c.setStrokeColorCMYK(*INKS[int(ink)])
                c.line(float(x), height - float(y), float(x2), height - float(y2))
        c.showPage()
    c.save()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 peer_notice.py NOTICE.tsv OUT.pdf")
    main(sys.argv[1], sys.argv[2])
