"""The binding the way Python programmers expect it: real signatures with documented keyword
parameters, readable reprs, enums that print their names, files and BytesIO as targets and
sources, encodings, numbers written as people write them, exceptions that are also the
standard ones, and the safety nets (errors refused unless forced, what a notice needs,
warnings about the actuals)."""
import datetime
import errno
import inspect
import io
import os
import pickle
import pydoc
import unittest
import warnings
import zipfile

import zhibiao
from zhibiao import Kind, Severity, Status

try:
    from . import support
except ImportError:
    import support

XLSX_COMMON = ["font_body", "font_heading", "font_title", "scratch_dir", "force"]
# Every writer and the keywords it shows: file writers take a target first.
WRITERS = {
    "write_target_table": (["target"], ["label", "title", "sheet_name", "header_seq", "header_category", "header_name",
                                        "header_unit", "header_target", "header_responsible", "unit_column",
                                        "body_size", "title_size", "header_attribute", "header_base",
                                        "header_note", "margins"] + XLSX_COMMON),
    "write_breakdown": (["target"], ["title", "margins"] + XLSX_COMMON),
    "write_progress": (["target", "period"], ["title", "about_tolerance"] + XLSX_COMMON),
    "write_assessment": (["target", "period"], ["title", "scoring", "cap", "about_tolerance"] + XLSX_COMMON),
    "write_notice": (["target", "fonts"], ["seal_png", "seal_png_data", "sealed", "omit_attachments", "omit_imprint", "masthead",
                                           "format", "force"]),
    "write_bulletin": (["target", "period", "fonts"], ["title", "doc_number", "about_tolerance", "seal_png",
                                                       "seal_png_data", "sealed", "masthead", "format", "force"]),
}
LOADERS = {
    "load": ["source", "name", "encoding"],
    "from_json": ["text", "name"],
    "from_csv": ["source", "encoding", "delimiter", "name", "year", "title", "organ"],
    "from_dataframe": ["frame", "year", "title", "organ", "name"],
    "import_text": ["source", "strict", "encoding", "name"],
    "load_actuals": ["self", "source", "encoding", "delimiter", "name"],
}


class TestSignatures(unittest.TestCase):
    def test_every_writer_shows_its_keywords(self):
        for name, (positional, keywords) in WRITERS.items():
            for variant in (name, name + "_bytes"):
                with self.subTest(writer=variant):
                    sig = inspect.signature(getattr(zhibiao.Plan, variant))
                    params = list(sig.parameters.values())
                    self.assertNotIn(inspect.Parameter.VAR_KEYWORD, [p.kind for p in params], "no **options")
                    lead = positional if variant == name else [p for p in positional if p != "target"]
                    self.assertEqual([p.name for p in params[1:1 + len(lead)]], lead)
                    kw = [p.name for p in params if p.kind == inspect.Parameter.KEYWORD_ONLY]
                    self.assertEqual(sorted(kw), sorted(keywords))
                    for p in params[1:]:
                        if p.name not in ("target", "period"):
                            self.assertIsNot(p.default, inspect.Parameter.empty, p.name)
                        if p.name != "target" and p.name != "period":
                            self.assertIsNot(p.annotation, inspect.Parameter.empty, p.name)
                    self.assertEqual(sig.parameters["force"].default, False)
                    doc = getattr(zhibiao.Plan, variant).__doc__
                    self.assertNotIn("{", doc, "a docstring placeholder left unformatted")
                    if variant == name:
                        for keyword in keywords:
                            self.assertIn(keyword, doc, f"{variant} does not document {keyword}")

    def test_loaders(self):
        for name, params in LOADERS.items():
            with self.subTest(loader=name):
                sig = inspect.signature(getattr(zhibiao.Plan, name))
                self.assertEqual([p for p in sig.parameters if p != "cls"], params)
                self.assertTrue(getattr(zhibiao.Plan, name).__doc__)

    def test_help_renders(self):
        text = pydoc.render_doc(zhibiao.Plan.write_target_table, renderer=pydoc.plaintext)
        self.assertIn("unit_column: 'bool | None' = None", text)
        self.assertIn("a 计量单位 column", text)
        self.assertNotIn("zb_table_options", text)
        self.assertIn("gbk", pydoc.render_doc(zhibiao.Plan.from_csv, renderer=pydoc.plaintext))

    def test_unknown_keyword(self):
        with support.tonglu() as plan:
            with self.assertRaisesRegex(TypeError, "unexpected keyword argument 'labels'"):
                plan.write_target_table_bytes(labels="附件2")


class TestReprs(unittest.TestCase):
    def test_enums_print_their_names(self):
        with zhibiao.Plan() as plan:
            ind = plan.add_indicator(name="规上工业增加值增速(%)", target="7以上")
            self.assertEqual(str(ind.kind), "Kind.RATE")
            self.assertEqual(f"{ind.kind}", "Kind.RATE")
            self.assertEqual(f"{ind.qualifier:>20}", "  Qualifier.AT_LEAST")
            self.assertIsInstance(ind.kind, __import__("enum").Enum)
            self.assertEqual(ind.kind, Kind.RATE)
            self.assertEqual(int(ind.kind), 2)       # still the C value
        self.assertEqual(str(Status.IO), "Status.IO")

    def test_readable_reprs(self):
        with support.tonglu() as plan:
            ind = plan.indicator(3)
            self.assertRegex(repr(ind), r"^<zhibiao\.Indicator 3 .+: target .+, (cumulative|rate|level), "
                                        r"(higher|lower) is better, lead .+>$")
            row = plan.evaluate("2024-06")[0]
            self.assertEqual(repr(row), "<zhibiao.ProgressRow 1 “415X”先进制造业集群规上企业营业收入(亿元): 超序时 (ahead), "
                                        "actual 231.6 of 450, completion 51.5%, expected 50.0%>")
            self.assertIn("超序时 (ahead)", repr(row))
            finding = zhibiao.Finding(Severity.WARNING, "unknown-unit", "plan.json:3:5", "unit x is not in the list")
            self.assertEqual(repr(finding), "<zhibiao.Finding warning [unknown-unit] plan.json:3:5: unit x is not in the list>")
            self.assertEqual(str(finding), "plan.json:3:5: warning: unit x is not in the list")
            self.assertRegex(repr(plan), r"^<zhibiao\.Plan '.+' 2024: 41 indicators>$")


class TestFilesAndStreams(support.TempDirTestCase):
    @classmethod
    def setUpClass(cls):
        cls.plan = support.tonglu()

    @classmethod
    def tearDownClass(cls):
        cls.plan.close()

    def test_writers_to_bytesio_and_open_files(self):
        cases = [("write_target_table", ()), ("write_breakdown", ()), ("write_progress", ("2024-06",)),
                 ("write_assessment", ("2024-12",)), ("write_notice", ()), ("write_bulletin", ("2024-06",))]
        for name, args in cases:
            with self.subTest(writer=name):
                buf = io.BytesIO()
                result = getattr(self.plan, name)(buf, *args)
                data = getattr(self.plan, name + "_bytes")(*args)
                self.assertEqual(buf.getvalue(), data)
                with open(self.path("out"), "wb") as f:
                    getattr(self.plan, name)(f, *args)
                self.assertEqual(self.read("out"), data)
                if name in ("write_notice", "write_bulletin"):
                    self.assertEqual(result.bytes, len(data))
                else:
                    self.assertIsNone(result)

    @support.requires("zb_ofd_notice_to_buffer")
    def test_open_file_named_ofd(self):
        with open(self.path("n.ofd"), "wb") as f:
            self.plan.write_notice(f)
        self.assertEqual(self.read("n.ofd"), self.plan.write_notice_bytes(format="ofd"))
        buf = io.BytesIO()
        self.plan.write_bulletin(buf, "2024-06", format="OFD")
        self.assertEqual(buf.getvalue()[:2], b"PK")

    def test_text_file_is_refused(self):
        with open(self.path("t.xlsx"), "w", encoding="utf-8") as f:
            with self.assertRaisesRegex(TypeError, "binary mode"):
                self.plan.write_target_table(f)

    def test_loaders_take_paths_text_and_files(self):
        json_path = support.data("wuyi-2022.json")
        with open(json_path, encoding="utf-8") as f:
            text = f.read()
        import pathlib
        for source in (json_path, pathlib.Path(json_path), text, io.StringIO(text), io.BytesIO(text.encode()),
                       open(json_path, "rb")):
            with self.subTest(source=type(source).__name__):
                with zhibiao.Plan.load(source) as plan:
                    self.assertEqual(plan.year, (2021, 2023))
                if hasattr(source, "close"):
                    source.close()
        with open(json_path, "rb") as f:
            with self.assertRaises(zhibiao.InputError) as cm:
                zhibiao.Plan.load(io.BytesIO(b'{"format": "zhibiao/1", "title": [1]}'), name="upload")
            self.assertTrue(str(cm.exception).startswith("upload:1:"), str(cm.exception))
        csv_path = support.data("indicators.csv")
        with open(csv_path, encoding="utf-8-sig") as f:
            csv_text = f.read()
        for source in (csv_path, csv_text, io.StringIO(csv_text), open(csv_path, "rb")):
            with self.subTest(source=type(source).__name__):
                with zhibiao.Plan.from_csv(source) as plan:
                    self.assertEqual(len(plan.indicators), 5)
                if hasattr(source, "close"):
                    source.close()
        with zhibiao.Plan.load(csv_path) as plan:       # load() takes a .csv by its name
            self.assertEqual(len(plan.indicators), 5)
        actuals = support.data("tonglu-2024-actuals.csv")
        with open(actuals, "rb") as f, zhibiao.Plan.load(support.data("tonglu-2024.json")) as plan:
            plan.load_actuals(f)
            self.assertEqual(plan.indicator(1).actual("2024-06"), 231.6)
        with open(support.data("published-plan.txt"), encoding="utf-8") as f:
            with zhibiao.Plan.import_text(f) as plan:
                self.assertTrue(plan.tasks)

    def test_bytes_holding_a_line_break_are_the_content(self):
        # What a web handler has: the request's body. Like a str, bytes holding a line break
        # are the content itself (no file name holds one); without, a path.
        csv_body = "序号,指标名称,目标值\n1,新增企业(家),50\n2,规上工业增加值增速(%),7以上\n".encode()
        for body in (csv_body, bytearray(csv_body), memoryview(csv_body)):
            with self.subTest(kind=type(body).__name__):
                with zhibiao.Plan.from_csv(body) as plan:
                    self.assertEqual([i.seq for i in plan.indicators], [1, 2])
                    self.assertEqual(plan.indicators[0].source, "<bytes>:2")
        with zhibiao.Plan.from_csv("序号,指标名称,目标值\n1,新增企业(家),50\n".encode("gbk"), encoding="gbk") as plan:
            self.assertEqual(plan.indicators[0].name, "新增企业(家)")
        with self.assertRaises(zhibiao.InputError) as cm:
            zhibiao.Plan.from_csv(csv_body + "1,重复,3\n".encode(), name="upload.csv")
        self.assertEqual(cm.exception.location, "upload.csv:4")
        with zhibiao.Plan.load(csv_body) as plan:
            self.assertEqual(len(plan.indicators), 2)
            plan.load_actuals("seq,period,actual\n1,2025-06,30\n".encode())
            self.assertEqual(plan.indicator(1).actual("2025-06"), 30)
        with open(support.data("published-plan.txt"), "rb") as f:
            with zhibiao.Plan.import_text(f.read()) as plan:
                self.assertTrue(plan.tasks)
        with self.assertRaises(FileNotFoundError):
            zhibiao.Plan.from_csv(self.path("none.csv").encode())

    def test_gbk_and_gb18030(self):
        text = "序号,类别,指标名称,2025年目标值,责任单位\n1,牵引性指标,规上工业增加值增速(%),7以上,县经信局\n2,,新增企业(家),50,县经信局\n"
        for encoding in ("gbk", "gb18030"):
            with self.subTest(encoding=encoding):
                path = self.path(f"{encoding}.csv")
                with open(path, "wb") as f:
                    f.write(text.encode(encoding))
                with zhibiao.Plan.from_csv(path, encoding=encoding) as plan:
                    self.assertEqual(plan.indicators[1].name, "新增企业(家)")
                    self.assertEqual(plan.indicators[0].source, path + ":2")
                with open(path, "rb") as f, zhibiao.Plan.from_csv(f, encoding=encoding) as plan:
                    self.assertEqual(plan.categories, ["牵引性指标"])
                with self.assertRaises(zhibiao.InputError) as cm:
                    zhibiao.Plan.from_csv(path)
                self.assertEqual(cm.exception.code, Status.ENCODING)
                self.assertIn('encoding="gb18030"', str(cm.exception))
        with open(self.path("a.csv"), "wb") as f:
            f.write("seq,period,actual,note\n1,2025-06,7.1,含新增\n".encode("gbk"))
        with zhibiao.Plan.from_csv(self.path("gbk.csv"), encoding="gbk") as plan:
            plan.load_actuals(self.path("a.csv"), encoding="gbk")
            self.assertEqual(plan.actuals[0].note, "含新增")
        with open(self.path("bad.csv"), "wb") as f:
            f.write(b"name\nx\n\xff\xfe\n")
        with self.assertRaises(ValueError) as cm:
            zhibiao.Plan.from_csv(self.path("bad.csv"), encoding="gbk")
        self.assertIn(":3: not gbk text", str(cm.exception))
        with self.assertRaises(ValueError):
            zhibiao.Plan.from_csv(self.path("bad.csv"), encoding="no-such-encoding")
        with self.assertRaises(FileNotFoundError):
            zhibiao.Plan.from_csv(self.path("none.csv"), encoding="gbk")


class TestNumbers(unittest.TestCase):
    def test_targets_as_people_write_them(self):
        cases = [(520 * 1.1, "572"), (6.5, "6.5"), (0.32, "0.32"), (0.1 + 0.2, "0.3"), (20.0, "20"), (450, "450"),
                 (10**20, "100000000000000000000"), (1e-5, "0.00001"), (-3.0, "-3"), (-0.0, "0"),
                 (__import__("decimal").Decimal("12.50"), "12.5")]
        with zhibiao.Plan() as plan:
            for value, text in cases:
                with self.subTest(value=value):
                    self.assertEqual(plan.add_indicator(name=f"x{text}", target=value).target_text, text)
            for bad in (float("nan"), float("inf")):
                with self.assertRaises(ValueError):
                    plan.add_indicator(name="bad", target=bad)

    def test_actuals_keep_the_digits(self):
        with zhibiao.Plan(year=2025) as plan:
            plan.add_indicator(name="规上工业增加值(亿元)", target=520 * 1.1, seq=1)
            plan.add_actual(1, "2025-06", 120.1 + 110.2)          # 230.29999999999998
            self.assertEqual(plan.actuals[0].value, 230.3)
            data = plan.write_progress_bytes("2025-06")
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
            strings = z.read("xl/sharedStrings.xml").decode()
        self.assertIn("<v>230.3</v>", sheet)
        self.assertIn("<v>572</v>", sheet + strings.replace("<t>572</t>", "<v>572</v>"))
        self.assertNotIn("572.0000000000001", sheet + strings)

    def test_numpy_numbers(self):
        try:
            import numpy as np
        except ImportError:
            self.skipTest("numpy is not installed")
        with zhibiao.Plan(year=2025) as plan:
            plan.add_indicator(name="a(家)", target=np.float64(520) * 1.1, seq=np.int64(1))
            plan.add_actual(np.int32(1), "2025-03", np.float64(0.1) + np.float64(0.2))
            self.assertEqual(plan.indicator(1).target_text, "572")
            self.assertEqual(plan.actuals[0].value, 0.3)
            # float32 (a frame read with dtype float32) holds 0.1 as 0.100000001490116.
            plan.add_indicator(name="b(亿元)", target=np.float32(520.3), seq=2)
            plan.add_actual(2, "2025-03", np.float32(0.1))
            self.assertEqual(plan.indicator(2).target_text, "520.3")
            self.assertEqual(plan.actuals[1].value, 0.1)


class TestExceptions(support.TempDirTestCase):
    def test_missing_file_is_file_not_found(self):
        loaders = [zhibiao.Plan.load, zhibiao.Plan.from_csv, zhibiao.Plan.import_text,
                   lambda p: zhibiao.Plan(year=2024).load_actuals(p)]
        for load in loaders:
            with self.subTest(loader=load):
                path = self.path("no-such-file")
                with self.assertRaises(FileNotFoundError) as cm:
                    load(path)
                e = cm.exception
                self.assertIsInstance(e, zhibiao.Error)
                self.assertIsInstance(e, zhibiao.FileError)
                self.assertEqual(e.code, Status.IO)
                self.assertEqual(e.errno, errno.ENOENT)
                self.assertEqual(e.filename, path)
                self.assertIn(path, str(e))

    def test_write_failures_are_os_errors(self):
        with support.tonglu() as plan:
            with self.assertRaises(FileNotFoundError) as cm:
                plan.write_target_table(self.path("no/such/folder/t.xlsx"))
            self.assertEqual(cm.exception.code, Status.WRITE)
            with self.assertRaises(OSError) as cm:
                plan.write_target_table(self.dir)          # a folder
            self.assertIsInstance(cm.exception, zhibiao.Error)
            self.assertEqual(cm.exception.code, Status.WRITE)

    def test_bad_input_is_a_value_error_with_its_location(self):
        with self.assertRaises(ValueError) as cm:
            zhibiao.Plan.from_json('{\n  "format": "zhibiao/1",\n  "year": "2024"\n}', name="body")
        e = cm.exception
        self.assertIsInstance(e, zhibiao.InputError)
        self.assertEqual(e.code, Status.SCHEMA)
        self.assertEqual(e.location, "body:3:11")
        with self.assertRaises(ValueError) as cm:
            zhibiao.Plan.load(support.test_data("bad", "truncated.json"))
        self.assertRegex(cm.exception.location, r"truncated\.json:\d+:\d+$")

    def test_a_bad_index_says_what_exists(self):
        with support.tonglu() as plan:
            with self.assertRaises(KeyError) as cm:
                plan.indicator(99)
            self.assertIsInstance(cm.exception, zhibiao.NotFoundError)
            self.assertEqual(str(cm.exception), "no indicator with seq 99; the plan's are 1–41")
            self.assertEqual(cm.exception.code, Status.NOT_FOUND)
            with self.assertRaises(KeyError):
                plan.add_actual(99, "2024-06", 1)
        with zhibiao.Plan() as plan:
            for seq in (1, 2, 3, 7, 9, 10):
                plan.add_indicator(name=f"x{seq}", seq=seq)
            with self.assertRaisesRegex(KeyError, r"the plan's are 1–3, 7, 9–10$"):
                plan.indicator(5)

    def test_wrong_types_nul_and_overflow(self):
        with zhibiao.Plan() as plan:
            with self.assertRaises(TypeError) as cm:
                plan.add_unit(b"bytes")
            self.assertIsInstance(cm.exception, zhibiao.ArgumentError)
            self.assertEqual(cm.exception.code, Status.ARGUMENT)
            with self.assertRaises(TypeError):
                plan.title = 5
            with self.assertRaises(TypeError):
                plan.add_indicator(name="x", seq="3")
            with self.assertRaises(TypeError):
                plan.add_indicator(name="x", seq=3.0)
            # NUL: C would cut the text there.
            with self.assertRaises(ValueError) as cm:
                plan.title = "标\0题"
            self.assertIn("NUL", str(cm.exception))
            self.assertEqual(plan.title, "")
            with self.assertRaises(ValueError):
                plan.add_indicator(name="a\0b")
            with self.assertRaises(ValueError):
                plan.write_target_table(self.path("a\0b.xlsx"))
            self.assertEqual(os.listdir(self.dir), [])
            # Beyond a C int.
            for seq in (2**40, 2**31, -2**31 - 1):
                with self.assertRaises(OverflowError) as cm:
                    plan.add_indicator(name="x", seq=seq)
                self.assertIsInstance(cm.exception, zhibiao.Error)
            with self.assertRaises(OverflowError):
                plan.year = 2**40
            self.assertEqual(plan.indicators, [])
            with self.assertRaises(OverflowError):
                plan.add_block("x", level=2**32)

    def test_from_json_says_what_it_wants(self):
        with self.assertRaises(TypeError) as cm:
            zhibiao.Plan.from_json(5)
        self.assertEqual(str(cm.exception), "from_json() takes JSON text (a str or bytes), not int; for a file use "
                                            "Plan.load(path)")

    def test_years_as_text(self):
        with zhibiao.Plan(year="2024") as plan:
            self.assertEqual(plan.year, 2024)
            plan.year = "2021-2023"
            self.assertEqual(plan.year, (2021, 2023))
            plan.year = "2021年—2023年"
            self.assertEqual(plan.years, (2021, 2023))
            with self.assertRaisesRegex(ValueError, "'20x4' is not a year"):
                plan.year = "20x4"
            with self.assertRaises(TypeError):
                plan.year = (2021, 2022, 2023)

    def test_scoring_both_spellings(self):
        with support.tonglu() as plan:
            a = plan.write_assessment_bytes("2024-12", scoring="all-or-nothing")
            b = plan.write_assessment_bytes("2024-12", scoring="all_or_nothing")
            c = plan.write_assessment_bytes("2024-12", scoring=zhibiao.Scoring.ALL_OR_NOTHING)
            self.assertEqual(a, b)
            self.assertEqual(a, c)
            with self.assertRaisesRegex(ValueError, "proportional, all-or-nothing"):
                plan.write_assessment_bytes("2024-12", scoring="generous")

    def test_period_spellings(self):
        # The months the actuals CSV and the command line take, the same results; a month
        # that is none is told in the same words by the evaluation and by every writer.
        with support.tonglu() as plan, warnings.catch_warnings():
            warnings.simplefilter("ignore", zhibiao.ZhibiaoWarning)
            ref = [(r.seq, r.status, r.actual) for r in plan.evaluate("2024-06")]
            self.assertTrue(any(actual is not None for _, _, actual in ref))
            table = plan.write_progress_bytes("2024-06")
            for p in ("2024-6", "2024.06", "2024/6", "2024年6月", "2024年6月份", "２０２４年６月",
                      datetime.date(2024, 6, 30)):
                with self.subTest(period=p):
                    self.assertEqual([(r.seq, r.status, r.actual) for r in plan.evaluate(p)], ref)
                    self.assertEqual(plan.write_progress_bytes(p), table)
            said = 'period "2024-13" is not a month; write it as 2024-06, 2024-6, 2024.06 or 2024年6月'
            for call in (lambda: plan.evaluate("2024-13"), lambda: plan.write_progress_bytes("2024-13"),
                         lambda: plan.write_assessment_bytes("2024-13"),
                         lambda: plan.write_bulletin_bytes("2024-13"),
                         lambda: plan.validate(period="2024-13", actuals=True)):
                with self.assertRaises(ValueError) as cm:
                    call()
                self.assertIn(said, str(cm.exception))

    def test_errors_pickle_with_their_class(self):
        try:
            zhibiao.Plan.load(self.path("none.json"))
        except FileNotFoundError as e:
            again = pickle.loads(pickle.dumps(e))
        self.assertIsInstance(again, FileNotFoundError)
        self.assertIsInstance(again, zhibiao.Error)
        self.assertEqual((again.code, again.errno, again.filename), (Status.IO, errno.ENOENT, self.path("none.json")))


class TestSafetyNets(support.TempDirTestCase):
    def csv_plan(self):
        return zhibiao.Plan.from_csv(support.data("indicators.csv"))

    def test_notice_needs_title_and_organ(self):
        with self.csv_plan() as plan:
            findings = plan.validate(document="notice")
            self.assertEqual([(f.code, f.location, f.severity) for f in findings if f.severity == Severity.ERROR],
                             [("missing-title", "title", Severity.ERROR), ("missing-organ", "organ", Severity.ERROR)])
            self.assertEqual([f for f in plan.validate() if f.code.startswith("missing-")], [])
            with self.assertRaises(ValueError) as cm:
                plan.write_notice(self.path("n.pdf"))
            e = cm.exception
            self.assertEqual(e.code, Status.INVALID)
            self.assertIn("title: error: a notice needs a title", str(e))
            self.assertIn("organ: error: a notice needs an issuing organ", str(e))
            self.assertIn("force=True", str(e))
            self.assertEqual([f.code for f in e.report], ["missing-title", "missing-organ"])
            self.assertFalse(os.path.exists(self.path("n.pdf")))
            with self.assertRaisesRegex(ValueError, "a bulletin needs an issuing organ"):
                plan.write_bulletin_bytes("2025-06")
            # The tables need neither.
            plan.write_target_table(self.path("t.xlsx"))
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                info = plan.write_notice(self.path("n.pdf"), force=True)
            self.assertGreater(info.pages, 0)
            self.assertTrue(any("missing-title" not in str(w.message) and "a notice needs a title" in str(w.message)
                                for w in caught), [str(w.message) for w in caught])
            plan.title = "关于印发工作要点的通知"
            plan.organ = "某县经济和信息化局"
            self.assertEqual([f for f in plan.validate(document="notice") if f.severity == Severity.ERROR], [])
            plan.write_notice(self.path("n2.pdf"))

    def test_errors_refused_unless_forced(self):
        with zhibiao.Plan(year=2025) as plan:
            plan.add_indicator(name="", target="50")
            for call in (lambda **k: plan.write_target_table(self.path("t.xlsx"), **k),
                         lambda **k: plan.write_breakdown_bytes(**k),
                         lambda **k: plan.write_progress_bytes("2025-06", **k)):
                with self.assertRaises(zhibiao.InputError) as cm:
                    call()
                self.assertEqual(cm.exception.report[0].code, "empty-name")
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    call(force=True)
            self.assertTrue(os.path.exists(self.path("t.xlsx")))

    def test_actuals_warnings(self):
        with zhibiao.Plan(year=2024, title="t", organ="o") as plan:
            plan.add_indicator(name="规上工业增加值(亿元)", target=450, seq=1)
            plan.load_actuals_string("seq,period,actual\n1,2024-05,256.8\n1,2024-06,234.8\n")
            findings = plan.validate(actuals=True)
            self.assertEqual([f.code for f in findings], ["ytd-decrease"])
            self.assertIn("234.8, is lower than 2024-05's, 256.8", findings[0].message)
            self.assertEqual([f.code for f in plan.validate(actuals=True, period="2024-07")],
                             ["no-actuals", "ytd-decrease"])
            self.assertEqual([f.code for f in plan.validate(actuals=True, period="2024年5月")], [])
            with self.assertRaises(ValueError):
                plan.validate(actuals=True, period="2024-13")
            for write in (lambda: plan.write_progress_bytes("2024-07"),
                          lambda: plan.write_assessment(self.path("a.xlsx"), "2024-07"),
                          lambda: plan.write_bulletin_bytes("2024-07")):
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    write()
                messages = [str(w.message) for w in caught if issubclass(w.category, zhibiao.ZhibiaoWarning)]
                self.assertEqual(len(messages), 2, messages)
                self.assertIn("no indicator has an actual for 2024-07", messages[0])
                self.assertIn("year-to-date", messages[1])
                self.assertEqual(caught[0].filename, __file__)   # pointing at the caller's line
            with warnings.catch_warnings():
                warnings.simplefilter("error", zhibiao.ZhibiaoWarning)
                with self.assertRaises(zhibiao.ZhibiaoWarning):
                    plan.write_progress_bytes("2024-07")


if __name__ == "__main__":
    unittest.main()
