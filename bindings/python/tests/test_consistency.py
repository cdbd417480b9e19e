"""The binding against the C headers and the library: the enums (error codes first) have
the header's names and values, the declaration table holds every ZB_API function with the
header's types and nothing else, every declared function is in the library, the structs
have the header's fields (and, when a C compiler is at hand, its offsets and sizes), and the
versions agree."""
import ctypes
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from ctypes import POINTER, c_char, c_char_p, c_double, c_int, c_size_t, c_void_p

import zhibiao
from zhibiao import _lib

try:
    from . import support
except ImportError:
    import support

HEADERS = ("common", "plan", "json", "csv", "import", "progress", "xlsx", "font", "pdf", "ofd")

# C enum -> (Python enum, prefix of its constants)
ENUMS = {
    "zb_status": (zhibiao.Status, "ZB_ERR_"),
    "zb_meta": (zhibiao.Meta, "ZB_META_"),
    "zb_date_field": (zhibiao.DateField, "ZB_DATE_"),
    "zb_qualifier": (zhibiao.Qualifier, "ZB_QUAL_"),
    "zb_kind": (zhibiao.Kind, "ZB_KIND_"),
    "zb_direction": (zhibiao.Direction, "ZB_DIR_"),
    "zb_attribute": (zhibiao.Attribute, "ZB_ATTR_"),
    "zb_target_class": (zhibiao.TargetClass, "ZB_TARGET_"),
    "zb_change": (zhibiao.Change, "ZB_CHANGE_"),
    "zb_part": (zhibiao.Part, "ZB_PART_"),
    "zb_attachment_kind": (zhibiao.AttachmentKind, "ZB_ATTACH_"),
    "zb_severity": (zhibiao.Severity, "ZB_SEV_"),
    "zb_standing": (zhibiao.Standing, "ZB_STANDING_"),
    "zb_font_role": (zhibiao.FontRole, "ZB_FONT_"),
    "zb_scoring": (zhibiao.Scoring, "ZB_SCORING_"),
    "zb_document_kind": (zhibiao.Document, "ZB_DOCUMENT_"),
    "zb_masthead": (zhibiao.Masthead, "ZB_MASTHEAD_"),
    "zb_sheet_margins": (zhibiao.SheetMargins, "ZB_MARGINS_"),
}

STRUCTS = {
    "zb_error": _lib.ZbError,
    "zb_date": _lib.ZbDate,
    "zb_indicator_def": _lib.IndicatorDef,
    "zb_task_def": _lib.TaskDef,
    "zb_prose_target_def": _lib.ProseTargetDef,
    "zb_validate_options": _lib.ValidateOptions,
    "zb_csv_options": _lib.CsvOptions,
    "zb_import_options": _lib.ImportOptions,
    "zb_progress_options": _lib.ProgressOptions,
    "zb_table_options": _lib.TableOptions,
    "zb_breakdown_options": _lib.BreakdownOptions,
    "zb_progress_sheet_options": _lib.ProgressSheetOptions,
    "zb_assessment_options": _lib.AssessmentOptions,
    "zb_notice_options": _lib.NoticeOptions,
    "zb_pdf_info": _lib.ZbPdfInfo,
    "zb_bulletin_options": _lib.BulletinOptions,
}

HANDLES = {"zb_plan": _lib.PlanP, "zb_findings": _lib.FindingsP, "zb_progress": _lib.ProgressP,
           "zb_fontset": _lib.FontsetP}


def header_text():
    """The public headers without comments, and their #defines."""
    text = ""
    for name in HEADERS:
        with open(os.path.join(support.source_dir(), "include", "zhibiao", name + ".h"), encoding="utf-8") as f:
            text += f.read() + "\n"
    defines = dict(re.findall(r"^#define\s+(ZB_\w+)\s+(.+?)\s*$", text, re.M))
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    return text, defines


TEXT, DEFINES = header_text()


def c_enums():
    """{enum name: {constant: value}}."""
    enums = {}
    for name, body in re.findall(r"typedef\s+enum\s+(\w+)\s*\{(.*?)\}\s*\w+\s*;", TEXT, re.S):
        enums[name] = {k: int(v) for k, v in re.findall(r"(ZB_\w+)\s*=\s*(-?\d+)", body)}
    return enums


ENUM_VALUES = c_enums()


def c_structs():
    """{struct name: [(type text, field name, array length or None)]}."""
    structs = {}
    for name, body in re.findall(r"typedef\s+struct\s+(\w+)\s*\{(.*?)\}\s*\w+\s*;", TEXT, re.S):
        fields = []
        for decl in body.split(";"):
            decl = " ".join(decl.split())
            if not decl:
                continue
            m = re.match(r"(.*?)(\w+)\s*(?:\[(\w+)\])?$", decl)
            length = m.group(3)
            if length is not None:
                length = int(DEFINES.get(length, length))
            fields.append((m.group(1).strip(), m.group(2), length))
        structs[name] = fields
    return structs


def c_functions():
    """{name: (return type text, [parameter type texts])} of every ZB_API prototype."""
    functions = {}
    for ret, params in re.findall(r"ZB_API\s+([^;{}()]*?)\s*\(([^;{}]*?)\)\s*;", TEXT, re.S):
        ret = " ".join(ret.split())
        m = re.match(r"(.*?)(\w+)$", ret)
        rtype, name = m.group(1).strip(), m.group(2)
        params = " ".join(params.split())
        types = [] if params == "void" else [re.sub(r"\w+$", "", p).strip() for p in params.split(",")]
        functions[name] = (rtype, types)
    return functions


def ctype_of(text):
    """The ctypes type the binding should use for a C type written as text."""
    stars = text.count("*")
    words = [w for w in text.replace("*", " ").split() if w != "const"]
    base = words[0]
    if base == "void":
        if stars == 0:
            return None
        t, stars = c_void_p, stars - 1
    elif base == "char":
        if stars == 0:
            return c_char
        # const char * is text in; char * a buffer; char ** an out pointer to bytes.
        if stars == 1 and text.startswith("const"):
            t, stars = c_char_p, 0
        elif "const *" in text.replace("const char", ""):
            t, stars = c_char_p, stars - 1
        else:
            t, stars = c_char, stars
    elif base in HANDLES:
        t, stars = HANDLES[base], stars - 1
    elif base in STRUCTS:
        t = STRUCTS[base]
    elif base in ENUM_VALUES or base == "int":
        t = c_int
    elif base == "double":
        t = c_double
    elif base == "size_t":
        t = c_size_t
    else:
        raise AssertionError(f"no ctypes type known for {text!r}")
    for _ in range(stars):
        t = POINTER(t)
    return t


class TestEnums(unittest.TestCase):
    def test_status_codes_match_header(self):
        c = ENUM_VALUES["zb_status"]
        py = {("ZB_OK" if m.name == "OK" else "ZB_ERR_" + m.name): m.value for m in zhibiao.Status}
        self.assertEqual(py, c)

    def test_every_enum_is_mirrored(self):
        self.assertEqual(set(ENUM_VALUES), set(ENUMS), "a C enum without a Python mirror, or the reverse")
        for cname, (cls, prefix) in ENUMS.items():
            with self.subTest(enum=cname):
                expected = {k: v for k, v in ENUM_VALUES[cname].items() if k.startswith(prefix)}
                if cname == "zb_status":
                    expected["ZB_OK"] = 0
                    prefix_of = lambda m: "ZB_OK" if m.name == "OK" else prefix + m.name  # noqa: E731
                else:
                    prefix_of = lambda m: prefix + m.name  # noqa: E731
                self.assertEqual({prefix_of(m): m.value for m in cls}, expected)

    def test_strerror_for_every_code(self):
        for code in zhibiao.Status:
            self.assertTrue(zhibiao.strerror(code))
        self.assertEqual(zhibiao.strerror(999), "unknown status")

    def test_standing_labels(self):
        self.assertEqual(zhibiao.Standing.DONE.label, "已完成")
        self.assertEqual(zhibiao.Standing.MISSING.label, "未报送")


class TestVersion(unittest.TestCase):
    def test_versions_agree(self):
        self.assertEqual(DEFINES["ZB_VERSION"].strip('"'), zhibiao.__version__)
        self.assertEqual(_lib.library_version, zhibiao.__version__)
        self.assertEqual(_lib.C.zb_version(), zhibiao.__version__)

    def test_constants(self):
        self.assertEqual(int(DEFINES["ZB_ERROR_MESSAGE_MAX"]), ctypes.sizeof(_lib.ZbError) - ctypes.sizeof(c_int))
        self.assertEqual(_lib.NONE, ctypes.c_size_t(-1).value)


class TestDeclarations(unittest.TestCase):
    def setUp(self):
        self.c = c_functions()
        self.table = {row[0]: row for row in _lib.DECLARATIONS}

    def test_table_has_no_duplicates(self):
        names = [row[0] for row in _lib.DECLARATIONS]
        self.assertEqual(len(names), len(set(names)))

    def test_every_header_function_is_declared(self):
        self.assertGreater(len(self.c), 100)
        self.assertEqual(sorted(set(self.c) - set(self.table)), [], "ZB_API functions missing from the table")

    def test_every_declared_function_is_in_the_headers(self):
        self.assertEqual(sorted(set(self.table) - set(self.c)), [], "declared but not in the headers")

    def test_every_declared_function_is_in_the_library(self):
        lib = ctypes.CDLL(zhibiao.library_path)
        absent = [name for name in self.table if not hasattr(lib, name)]
        self.assertEqual(absent, [], f"{zhibiao.library_path} lacks these")
        self.assertEqual(_lib.missing, ())

    def test_types_match_the_headers(self):
        for name, (rtype, params) in self.c.items():
            with self.subTest(function=name):
                _, restype, argtypes, errcheck = self.table[name]
                self.assertIs(restype, ctype_of(rtype), f"return type {rtype}")
                self.assertEqual(len(argtypes), len(params), "parameter count")
                for i, (have, want) in enumerate(zip(argtypes, params)):
                    self.assertIs(have, ctype_of(want), f"parameter {i + 1}: {want}")
                if rtype == "zb_status":
                    self.assertIsNotNone(errcheck, "a zb_status without an errcheck")

    def test_declarations_are_applied(self):
        f = _lib.C.zb_plan_indicator_name
        self.assertIs(f.restype, c_char_p)
        self.assertEqual(list(f.argtypes), [_lib.PlanP, c_size_t])


class TestStructs(unittest.TestCase):
    def test_fields_match_the_headers(self):
        structs = c_structs()
        self.assertEqual(set(structs), set(STRUCTS), "a C struct without a ctypes mirror, or the reverse")
        for cname, cls in STRUCTS.items():
            with self.subTest(struct=cname):
                fields = structs[cname]
                self.assertEqual([f[0] for f in cls._fields_], [f[1] for f in fields])
                for (name, have), (text, _, length) in zip(cls._fields_, fields):
                    if length is None:
                        self.assertIs(have, ctype_of(text), f"{name}: {text}")
                    else:
                        self.assertTrue(issubclass(have, ctypes.Array), name)
                        self.assertIs(have._type_, ctype_of(text), name)
                        self.assertEqual(have._length_, length, name)

    @unittest.skipUnless(shutil.which("cc"), "no C compiler (cc) to measure the structs with")
    def test_layout_matches_the_compiler(self):
        lines = ['#include <stddef.h>', '#include <stdio.h>', '#include "zhibiao.h"', "int main(void)", "{"]
        for cname, cls in STRUCTS.items():
            lines.append(f'    printf("{cname} %zu\\n", sizeof({cname}));')
            for field, _ in cls._fields_:
                lines.append(f'    printf("{cname}.{field} %zu\\n", offsetof({cname}, {field}));')
        lines += ["    return 0;", "}"]
        with tempfile.TemporaryDirectory() as d:
            src, exe = os.path.join(d, "layout.c"), os.path.join(d, "layout")
            with open(src, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            include = os.path.join(support.source_dir(), "include")
            subprocess.run(["cc", "-std=c11", "-I", include, src, "-o", exe], check=True)
            out = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
        measured = dict(line.rsplit(" ", 1) for line in out.splitlines())
        for cname, cls in STRUCTS.items():
            self.assertEqual(int(measured[cname]), ctypes.sizeof(cls), f"sizeof({cname})")
            for field, _ in cls._fields_:
                self.assertEqual(int(measured[f"{cname}.{field}"]), getattr(cls, field).offset,
                                 f"offsetof({cname}, {field})")


if __name__ == "__main__":
    unittest.main()
