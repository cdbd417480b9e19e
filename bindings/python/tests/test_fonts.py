"""zhibiao.Fonts: roles set from files, defaults, a JSON description, what serves each role,
and the library's refusals (a CFF font, a missing file) as zhibiao.Error."""
import os
import unittest

import zhibiao
from zhibiao import FontRole, Status

try:
    from . import support
except ImportError:
    import support


def font(name):
    return support.test_data("fonts", name)


class TestFonts(support.TempDirTestCase):
    def test_defaults(self):
        with zhibiao.Fonts.defaults() as fonts:
            for role in FontRole:
                self.assertTrue(fonts.file(role), role)
                self.assertGreaterEqual(fonts.face_index(role), 0)
            self.assertTrue(fonts.describe("body").startswith("body (仿宋): "))
            self.assertEqual(fonts.describe(FontRole.TITLE), fonts.describe("title"))
            self.assertIsInstance(fonts.fallbacks, list)
            self.assertIn("body=", repr(fonts))

    def test_roles_from_files(self):
        song = font("zb-test-song.ttf")
        with zhibiao.Fonts(body=song, title=(song, 0), fallback=[song]) as fonts:
            self.assertEqual(fonts.file("body"), song)
            self.assertEqual(fonts.file("title"), song)
            self.assertEqual(fonts.file("heading"), "")
            self.assertEqual(fonts.face_index("heading"), -1)
            self.assertEqual(fonts.describe("heading"), "")
            self.assertEqual(fonts.fallbacks, [song])
            fonts.set("kai", song)
            fonts.add_fallback(song, 0)
            self.assertEqual(fonts.file(FontRole.KAI), song)
            self.assertEqual(len(fonts.fallbacks), 2)

    def test_defaults_fill_what_is_left(self):
        song = font("zb-test-song.ttf")
        with zhibiao.Fonts.defaults(body=song) as fonts:
            self.assertEqual(fonts.file("body"), song)
            self.assertNotEqual(fonts.file("title"), "")

    def test_load_json(self):
        with zhibiao.Fonts.load(font("fonts.json")) as fonts:
            self.assertEqual(fonts.file("body"), font("zb-test-song.ttf"))
            self.assertEqual(len(fonts.fallbacks), 2)

    def test_refusals(self):
        with self.assertRaises(zhibiao.Error) as cm:
            zhibiao.Fonts(body=font("zb-test-cff.otf"))
        self.assertEqual(cm.exception.code, Status.VALUE)
        self.assertIn("zb-test-cff.otf", str(cm.exception))
        with self.assertRaises(zhibiao.Error) as cm:
            zhibiao.Fonts(title=self.path("missing.ttf"))
        self.assertEqual(cm.exception.code, Status.IO)
        self.assertIn("missing.ttf", str(cm.exception))
        with zhibiao.Fonts() as fonts:
            with self.assertRaises(zhibiao.Error):
                fonts.set("body", font("zb-test-song.ttf"), face_index=3)
            self.assertEqual(fonts.file("body"), "")

    def test_bad_role(self):
        with zhibiao.Fonts() as fonts:
            with self.assertRaises(ValueError):
                fonts.describe("footnote")
            with self.assertRaises(ValueError):
                fonts.describe(9)
            with self.assertRaises(TypeError):
                fonts.set("body", font("zb-test-song.ttf"), "0")

    def test_bad_json(self):
        path = self.path("fonts.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write('{"body": "a.ttf", "colour": 1}')
        with self.assertRaises(zhibiao.Error) as cm:
            zhibiao.Fonts.load(path)
        self.assertIn(path + ":1:", str(cm.exception))

    def test_notice_with_fonts_from_files(self):
        song = font("zb-test-song.ttf")
        with zhibiao.Plan.load(support.data("wuyi-2022.json")) as plan, \
                zhibiao.Fonts.defaults() as defaults, zhibiao.Fonts.defaults(number=song) as other:
            self.assertNotEqual(plan.write_notice_bytes(fonts=defaults), plan.write_notice_bytes(fonts=other))
            self.assertTrue(os.path.exists(song))


if __name__ == "__main__":
    unittest.main()
