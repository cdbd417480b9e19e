"""The documents: each writer to a path and to memory (the same bytes), options as keyword
arguments (an unknown one is a TypeError naming it), and the writers' errors."""
import io
import os
import re
import unittest
import zipfile

import zhibiao
from zhibiao import Status

try:
    from . import support
except ImportError:
    import support


def xlsx_strings(data):
    """The shared strings and sheet names of a workbook, from its bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        shared = z.read("xl/sharedStrings.xml").decode("utf-8")
        book = z.read("xl/workbook.xml").decode("utf-8")
    return re.findall(r"<t[^>]*>([^<]*)</t>", shared), re.findall(r'<sheet name="([^"]*)"', book)


def pdf_pages(data):
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


class WriterTestCase(support.TempDirTestCase):
    @classmethod
    def setUpClass(cls):
        cls.plan = support.tonglu()
        cls.fonts = zhibiao.Fonts.defaults()

    @classmethod
    def tearDownClass(cls):
        cls.plan.close()
        cls.fonts.close()


class TestTargetTable(WriterTestCase):
    def test_file_and_bytes(self):
        self.plan.write_target_table(self.path("t.xlsx"), label="附件2")
        data = self.plan.write_target_table_bytes(label="附件2")
        self.assertEqual(self.read("t.xlsx"), data)
        strings, sheets = xlsx_strings(data)
        self.assertIn("附件2", strings)
        self.assertIn("2024年目标体系表", strings)
        self.assertEqual(sheets, ["目标体系表"])

    def test_same_bytes_each_time(self):
        self.assertEqual(self.plan.write_target_table_bytes(), self.plan.write_target_table_bytes())

    def test_options(self):
        data = self.plan.write_target_table_bytes(title="目标", sheet_name="表一", header_seq="编号",
                                                  unit_column=True, font_body="宋体", body_size=11,
                                                  title_size=18.5, label=None)
        strings, sheets = xlsx_strings(data)
        self.assertEqual(sheets, ["表一"])
        self.assertIn("目标", strings)
        self.assertIn("编号", strings)
        self.assertIn("计量单位", strings)
        self.assertNotEqual(data, self.plan.write_target_table_bytes())

    def test_unknown_option(self):
        with self.assertRaisesRegex(TypeError, r"write_target_table\(\) got an unexpected keyword argument 'labels'"):
            self.plan.write_target_table(self.path("t.xlsx"), labels="附件2")
        with self.assertRaisesRegex(TypeError, "write_target_table_bytes.*'colour'"):
            self.plan.write_target_table_bytes(colour="red")
        self.assertFalse(os.path.exists(self.path("t.xlsx")))

    def test_option_types(self):
        with self.assertRaises(TypeError):
            self.plan.write_target_table_bytes(label=2)
        with self.assertRaises(TypeError):
            self.plan.write_target_table_bytes(body_size="12")
        with self.assertRaises(TypeError):
            self.plan.write_target_table_bytes(unit_column="yes")

    def test_option_refused_by_the_library(self):
        with self.assertRaises(zhibiao.Error) as cm:
            self.plan.write_target_table(self.path("t.xlsx"), body_size=-1)
        self.assertEqual(cm.exception.code, Status.ARGUMENT)
        self.assertIn("body_size", cm.exception.message)

    def test_cannot_write(self):
        path = self.path("no/such/folder/t.xlsx")
        with self.assertRaises(zhibiao.Error) as cm:
            self.plan.write_target_table(path)
        self.assertEqual(cm.exception.code, Status.WRITE)
        self.assertIn(path, str(cm.exception))

    def test_destination_kept_on_error(self):
        with open(self.path("t.xlsx"), "wb") as f:
            f.write(b"old")
        with self.assertRaises(zhibiao.Error):
            self.plan.write_target_table(self.path("t.xlsx"), body_size=-1)
        self.assertEqual(self.read("t.xlsx"), b"old")


class TestBreakdown(WriterTestCase):
    def test_file_and_bytes(self):
        self.plan.write_breakdown(self.path("b.xlsx"))
        data = self.plan.write_breakdown_bytes()
        self.assertEqual(self.read("b.xlsx"), data)
        _, sheets = xlsx_strings(data)
        self.assertEqual(sheets[:2], ["任务分解", "按单位"])
        self.assertIn("县经信局", sheets)

    def test_options(self):
        strings, _ = xlsx_strings(self.plan.write_breakdown_bytes(title="分解", font_body="宋体"))
        self.assertIn("分解", strings)
        with self.assertRaisesRegex(TypeError, "'label'"):
            self.plan.write_breakdown_bytes(label="附件")

    def test_margins(self):
        # The type area of the notice by default (GB/T 9704: left 28 mm, or 37 mm on a landscape
        # page such as the breakdown's), or a spreadsheet's own margins (0.75 in).
        def left(data):
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                sheet = z.read("xl/worksheets/sheet1.xml").decode()
            return float(re.search(r'<pageMargins left="([0-9.]+)"', sheet).group(1))
        for writer, mm in ((self.plan.write_breakdown_bytes, 37), (self.plan.write_target_table_bytes, 28)):
            with self.subTest(writer=writer.__name__):
                self.assertAlmostEqual(left(writer()), mm / 25.4, places=2)
                self.assertEqual(writer(), writer(margins=zhibiao.SheetMargins.DOCUMENT))
                self.assertAlmostEqual(left(writer(margins="sheet")), 0.75, places=2)
                with self.assertRaisesRegex(ValueError, "margins: 'wide' is not one of document, sheet"):
                    writer(margins="wide")


class TestNotice(WriterTestCase):
    def test_file_and_bytes(self):
        info = self.plan.write_notice(self.path("n.pdf"), fonts=self.fonts)
        data = self.plan.write_notice_bytes(fonts=self.fonts)
        self.assertEqual(self.read("n.pdf"), data)
        self.assertTrue(data.startswith(b"%PDF-"))
        self.assertIsInstance(info, zhibiao.PdfInfo)
        self.assertEqual(info.bytes, len(data))
        self.assertEqual(info.pages, pdf_pages(data))
        self.assertGreater(info.pages, 1)

    def test_default_fonts(self):
        self.assertEqual(self.plan.write_notice_bytes(), self.plan.write_notice_bytes(fonts=self.fonts))

    def test_options(self):
        whole = self.plan.write_notice(self.path("a.pdf"), fonts=self.fonts)
        short = self.plan.write_notice(self.path("b.pdf"), fonts=self.fonts, omit_attachments=True,
                                       omit_imprint=True, sealed=True)
        self.assertLess(short.pages, whole.pages)
        with self.assertRaisesRegex(TypeError, "'seal'"):
            self.plan.write_notice(self.path("c.pdf"), seal="x.png")

    def test_masthead(self):
        forms = {m: self.plan.write_notice_bytes(fonts=self.fonts, masthead=m)
                 for m in ("file", "mark", zhibiao.Masthead.LETTER, "none")}
        self.assertEqual(len(set(forms.values())), 4)
        self.assertEqual(forms["file"], self.plan.write_notice_bytes(fonts=self.fonts))
        with self.assertRaisesRegex(ValueError, "masthead: 'red' is not one of file, mark, letter, none"):
            self.plan.write_notice_bytes(fonts=self.fonts, masthead="red")

    def test_bad_seal(self):
        seal = self.path("no-such-seal.png")
        with self.assertRaises(zhibiao.Error) as cm:
            self.plan.write_notice_bytes(fonts=self.fonts, seal_png=seal)
        self.assertEqual(cm.exception.code, Status.IO)
        self.assertIn(seal, str(cm.exception))

    def test_fonts_must_be_fonts(self):
        with self.assertRaises(TypeError):
            self.plan.write_notice_bytes(fonts="uming.ttc")

    @support.requires("zb_fontset_set_role_memory")
    def test_fonts_and_seal_from_bytes(self):
        seal = support.test_data("seals", "rgba8.png")
        from_files = self.plan.write_notice_bytes(fonts=self.fonts, seal_png=seal)
        with zhibiao.Fonts() as mine:
            for role in zhibiao.FontRole:
                with open(self.fonts.file(role), "rb") as f:
                    mine.set_memory(role, f.read(), self.fonts.face_index(role), name=f"db:{role.name}")
            for path in self.fonts.fallbacks:
                with open(path, "rb") as f:
                    mine.add_fallback_memory(f.read())
            self.assertEqual(mine.file("body"), "db:BODY")
            with open(seal, "rb") as f:
                png = f.read()
            self.assertEqual(self.plan.write_notice_bytes(fonts=mine, seal_png_data=png), from_files)
            self.plan.write_bulletin(self.path("b.pdf"), "2024-06", fonts=mine, seal_png_data=png)
            with self.assertRaises(zhibiao.Error) as cm:
                self.plan.write_notice_bytes(fonts=mine, seal_png_data=png, seal_png=seal)
            self.assertEqual(cm.exception.code, Status.ARGUMENT)
            with self.assertRaises(zhibiao.Error) as cm:
                self.plan.write_notice_bytes(fonts=mine, seal_png_data=b"not a png")
            self.assertIn("seal (bytes in memory)", str(cm.exception))
            with self.assertRaises(zhibiao.Error) as cm:
                mine.set_memory("title", b"junk", name="junk.ttf")
            self.assertTrue(str(cm.exception).startswith("junk.ttf: "), cm.exception)
            with self.assertRaises(TypeError):
                mine.set_memory("title", "not bytes")
        with self.assertRaises(ValueError):
            self.plan.write_notice_bytes(fonts=self.fonts, seal_png_data=b"")
        with self.assertRaises(TypeError):
            self.plan.write_notice_bytes(fonts=self.fonts, seal_png_data="seal.png")

    @support.requires("zb_fontset_set_role_memory")
    def test_fonts_constructed_from_bytes(self):
        """Fonts(body=data): a role given as the font's bytes (or a bytearray, or a (data,
        face) pair) is taken from memory; a path stays a path."""
        roles = {}
        for role in zhibiao.FontRole:
            with open(self.fonts.file(role), "rb") as f:
                data = f.read()
            index = self.fonts.face_index(role)
            roles[role.name.lower()] = (data, index) if index else bytearray(data)
        fallback = []
        for path in self.fonts.fallbacks:
            with open(path, "rb") as f:
                fallback.append(f.read())
        with zhibiao.Fonts(**roles, fallback=fallback) as mine:
            self.assertEqual(mine.file("body"), "<memory>")
            self.assertEqual(self.plan.write_notice_bytes(fonts=mine), self.plan.write_notice_bytes(fonts=self.fonts))
        with zhibiao.Fonts(body=os.fsencode(self.fonts.file("body"))) as by_path:
            self.assertEqual(by_path.file("body"), self.fonts.file("body"))


class TestScratch(WriterTestCase):
    def test_scratch_dir(self):
        scratch = self.path("scratch")
        os.mkdir(scratch)
        self.assertEqual(self.plan.write_target_table_bytes(scratch_dir=scratch),
                         self.plan.write_target_table_bytes())
        self.assertEqual(os.listdir(scratch), [])
        missing = self.path("missing")
        with self.assertRaises(zhibiao.Error) as cm:
            self.plan.write_breakdown_bytes(scratch_dir=missing)
        self.assertEqual(cm.exception.code, Status.WRITE)
        self.assertEqual(str(cm.exception),
                         f"{missing} (the scratch_dir option): cannot hold temporary files: No such file or directory")
        with self.assertRaises(zhibiao.Error):
            self.plan.write_assessment(self.path("a.xlsx"), "2024-12", scratch_dir=missing)


@support.requires("zb_ofd_write_notice", "zb_ofd_notice_to_buffer", "zb_ofd_write_bulletin",
                  "zb_ofd_bulletin_to_buffer")
class TestOfd(WriterTestCase):
    """The notice and the bulletin as OFD (GB/T 33190): chosen by the file name or by format."""

    def entry(self, data):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return z.read("OFD.xml").decode("utf-8")

    def test_notice_by_name_and_format(self):
        info = self.plan.write_notice(self.path("n.ofd"), fonts=self.fonts)
        data = self.plan.write_notice_bytes(fonts=self.fonts, format="ofd")
        self.assertEqual(self.read("n.ofd"), data)
        self.assertTrue(data.startswith(b"PK\x03\x04"))
        self.assertIn('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"', self.entry(data))
        self.assertEqual(info.bytes, len(data))
        self.assertEqual(info.pages, self.plan.write_notice(self.path("n.pdf"), fonts=self.fonts).pages)
        # format decides for a name without the extension of either; a name of the other
        # format is refused, and nothing is written.
        self.plan.write_notice(self.path("x.out"), fonts=self.fonts, format=".OFD")
        self.assertEqual(self.read("x.out"), data)
        with self.assertRaises(zhibiao.Error) as e:
            self.plan.write_notice(self.path("y.ofd"), fonts=self.fonts, format="pdf")
        self.assertEqual(e.exception.code, zhibiao.Status.ARGUMENT)
        self.assertIn("the name ends in .ofd, but this document is .pdf", str(e.exception))
        self.assertFalse(os.path.exists(self.path("y.ofd")))
        self.assertTrue(self.plan.write_notice_bytes(fonts=self.fonts).startswith(b"%PDF-"))

    def test_bulletin(self):
        info = self.plan.write_bulletin(self.path("b.ofd"), "2024-06", fonts=self.fonts)
        data = self.plan.write_bulletin_bytes("2024-06", fonts=self.fonts, format="ofd")
        self.assertEqual(self.read("b.ofd"), data)
        self.assertEqual(info.bytes, len(data))
        self.assertIn("<ofd:CreationDate>2024-06-30</ofd:CreationDate>", self.entry(data))

    def test_errors(self):
        with self.assertRaisesRegex(ValueError, "'xps' is not one of pdf, ofd"):
            self.plan.write_notice_bytes(fonts=self.fonts, format="xps")
        with self.assertRaises(TypeError):
            self.plan.write_notice(self.path("n.ofd"), fonts=self.fonts, format=1)
        seal = self.path("no-such-seal.png")
        with self.assertRaises(zhibiao.Error) as cm:
            self.plan.write_notice(self.path("s.ofd"), fonts=self.fonts, seal_png=seal)
        self.assertEqual(cm.exception.code, Status.IO)
        self.assertFalse(os.path.exists(self.path("s.ofd")))


@support.requires("zb_xlsx_write_progress", "zb_xlsx_progress_to_buffer")
class TestProgress(WriterTestCase):
    def test_file_and_bytes(self):
        self.plan.write_progress(self.path("p.xlsx"), period="2024-06")
        data = self.plan.write_progress_bytes("2024-06")
        self.assertEqual(self.read("p.xlsx"), data)
        strings, _ = xlsx_strings(data)
        self.assertIn("2024年6月指标监测表", strings)
        self.assertIn("超序时", strings)

    def test_options_and_errors(self):
        strings, _ = xlsx_strings(self.plan.write_progress_bytes("2024-06", title="六月监测",
                                                                 about_tolerance=0.1))
        self.assertIn("六月监测", strings)
        with self.assertRaises(zhibiao.Error) as cm:
            self.plan.write_progress(self.path("p.xlsx"), "2023-06")
        self.assertEqual(cm.exception.code, Status.VALUE)
        self.assertFalse(os.path.exists(self.path("p.xlsx")))
        with self.assertRaisesRegex(TypeError, "'scoring'"):
            self.plan.write_progress_bytes("2024-06", scoring="proportional")


@support.requires("zb_xlsx_write_assessment", "zb_xlsx_assessment_to_buffer")
class TestAssessment(WriterTestCase):
    def test_file_and_bytes(self):
        self.plan.write_assessment(self.path("a.xlsx"), period="2024-12")
        data = self.plan.write_assessment_bytes("2024-12")
        self.assertEqual(self.read("a.xlsx"), data)
        strings, _ = xlsx_strings(data)
        self.assertIn("2024年度指标考核结果", strings)

    def test_scoring(self):
        proportional = self.plan.write_assessment_bytes("2024-12")
        self.assertEqual(proportional, self.plan.write_assessment_bytes("2024-12", scoring="proportional"))
        strict = self.plan.write_assessment_bytes("2024-12", scoring=zhibiao.Scoring.ALL_OR_NOTHING, cap=1.0)
        self.assertNotEqual(proportional, strict)
        with self.assertRaises(ValueError):
            self.plan.write_assessment_bytes("2024-12", scoring="generous")

    def test_errors(self):
        with self.assertRaises(zhibiao.Error) as cm:
            self.plan.write_assessment_bytes("2024-00")
        self.assertEqual(cm.exception.code, Status.VALUE)


@support.requires("zb_pdf_write_bulletin", "zb_pdf_bulletin_to_buffer")
class TestBulletin(WriterTestCase):
    def test_file_and_bytes(self):
        info = self.plan.write_bulletin(self.path("b.pdf"), period="2024-06", fonts=self.fonts)
        data = self.plan.write_bulletin_bytes("2024-06", fonts=self.fonts)
        self.assertEqual(self.read("b.pdf"), data)
        self.assertEqual(info.bytes, len(data))
        self.assertEqual(info.pages, pdf_pages(data))

    def test_options_and_errors(self):
        a = self.plan.write_bulletin_bytes("2024-06", fonts=self.fonts)
        b = self.plan.write_bulletin_bytes("2024-06", fonts=self.fonts, title="关于上半年指标进展的通报",
                                           doc_number="桐经信〔2024〕9号", sealed=True, about_tolerance=0.2)
        self.assertNotEqual(a, b)
        with self.assertRaises(zhibiao.Error) as cm:
            self.plan.write_bulletin_bytes("June", fonts=self.fonts)
        self.assertEqual(cm.exception.code, Status.VALUE)


if __name__ == "__main__":
    unittest.main()
