"""Errors and ownership: every C error is a zhibiao.Error with its code and the library's
message (file:line:column for bad input), a failed call changes nothing, and a plan or
fontset used after it is closed — directly or through items read from it — raises
zhibiao.Error instead of touching freed memory."""
import gc
import glob
import os
import pickle
import unittest

import zhibiao
from zhibiao import Status

try:
    from . import support
except ImportError:
    import support


class TestError(unittest.TestCase):
    def test_bad_json_names_the_place(self):
        with self.assertRaises(zhibiao.Error) as cm:
            zhibiao.Plan.from_json('{\n  "format": "zhibiao/1",\n  "title": [1]\n}', name="request body")
        e = cm.exception
        self.assertEqual(e.code, Status.SCHEMA)
        self.assertIsInstance(e.code, Status)
        self.assertTrue(e.message.startswith("request body:3:12: title:"), e.message)
        self.assertEqual(str(e), e.message)
        self.assertIn("SCHEMA", repr(e))

    def test_syntax_error_in_a_file(self):
        path = support.test_data("bad", "truncated.json")
        with self.assertRaises(zhibiao.Error) as cm:
            zhibiao.Plan.load(path)
        self.assertEqual(cm.exception.code, Status.SYNTAX)
        self.assertRegex(str(cm.exception), "^" + path + r":\d+:\d+: ")

    def test_every_bad_input_gives_its_message(self):
        """tests/data/bad: each file's message contains its .expect line, as the
        command-line tests check."""
        bad = support.test_data("bad")
        cases = sorted(glob.glob(os.path.join(bad, "*.json")) + glob.glob(os.path.join(bad, "*.csv")))
        self.assertGreater(len(cases), 20)
        for path in cases:
            name = os.path.basename(path)
            with self.subTest(file=name):
                with open(os.path.splitext(path)[0] + ".expect", encoding="utf-8") as f:
                    expected = f.readline().strip()
                load = zhibiao.Plan.from_csv if path.endswith(".csv") else zhibiao.Plan.load
                with self.assertRaises(zhibiao.Error) as cm:
                    load(path)
                self.assertNotEqual(cm.exception.code, Status.OK)
                # The .expect line is the start of the message, naming the file as given.
                if expected.startswith(name):
                    self.assertTrue(str(cm.exception).startswith(path + expected[len(name):]), str(cm.exception))
                else:
                    self.assertIn(expected, str(cm.exception))

    def test_missing_file(self):
        with self.assertRaises(zhibiao.Error) as cm:
            zhibiao.Plan.load("/no/such/plan.json")
        self.assertEqual(cm.exception.code, Status.IO)
        self.assertIn("/no/such/plan.json", str(cm.exception))

    def test_gbk_csv(self):
        with self.assertRaises(zhibiao.Error) as cm:
            zhibiao.Plan.from_csv(support.test_data("bad", "gbk.csv"))
        self.assertEqual(cm.exception.code, Status.ENCODING)
        self.assertIn("GBK", str(cm.exception))

    def test_failed_call_changes_nothing(self):
        with zhibiao.Plan(title="原标题", year=2024) as plan:
            plan.add_indicator(name="a", seq=1)
            with self.assertRaises(zhibiao.Error):
                plan.add_indicator(name="b", seq=1)
            with self.assertRaises(zhibiao.Error):
                plan.year = 1200
            self.assertEqual(len(plan.indicators), 1)
            self.assertEqual(plan.year, 2024)

    def test_message_is_the_last_failure(self):
        with zhibiao.Plan() as plan:
            plan.add_unit("县经信局")
            with self.assertRaises(zhibiao.Error) as cm:
                plan.add_unit("")
            self.assertEqual(cm.exception.code, Status.VALUE)
            self.assertTrue(cm.exception.message)

    def test_error_pickles(self):
        e = zhibiao.Error(Status.WRITE, "t.xlsx: cannot write")
        again = pickle.loads(pickle.dumps(e))
        self.assertEqual((again.code, again.message), (Status.WRITE, "t.xlsx: cannot write"))

    def test_error_without_message_has_the_category(self):
        e = zhibiao.Error(Status.NOMEM)
        self.assertEqual(e.message, zhibiao.strerror(Status.NOMEM))

    def test_text_must_be_str(self):
        with zhibiao.Plan() as plan:
            with self.assertRaises(TypeError):
                plan.add_unit(b"bytes")
            with self.assertRaises(TypeError):
                plan.title = 5


class TestOwnership(unittest.TestCase):
    def test_with_closes(self):
        with zhibiao.Plan.load(support.data("tonglu-2024.json")) as plan:
            indicators = plan.indicators
            task = plan.tasks[0]
            duty = task.duties[0]
            unit = plan.units[0]
            self.assertFalse(plan.closed)
        self.assertTrue(plan.closed)
        for read in (lambda: indicators[0].name, lambda: indicators[5].units, lambda: task.title,
                     lambda: duty.lead, lambda: unit.name, lambda: plan.title, lambda: plan.indicators,
                     lambda: plan.validate(), lambda: plan.to_json(),
                     lambda: plan.write_target_table_bytes(), lambda: plan.add_unit("x")):
            with self.assertRaises(zhibiao.Error) as cm:
                read()
            self.assertEqual(cm.exception.code, Status.ARGUMENT)
            self.assertEqual(str(cm.exception), "the plan is closed")
        self.assertIn("closed", repr(plan))
        self.assertIn("closed plan", repr(indicators[0]))

    def test_close_twice(self):
        plan = zhibiao.Plan()
        plan.close()
        plan.close()
        self.assertTrue(plan.closed)

    def test_items_keep_the_plan_alive(self):
        def first_indicator():
            return zhibiao.Plan.load(support.data("tonglu-2024.json")).indicators[0]
        ind = first_indicator()
        gc.collect()
        self.assertEqual(ind.seq, 1)
        self.assertFalse(ind.plan.closed)

    def test_closed_fonts(self):
        fonts = zhibiao.Fonts.defaults()
        with zhibiao.Plan.load(support.data("wuyi-2022.json")) as plan:
            fonts.close()
            with self.assertRaises(zhibiao.Error) as cm:
                plan.write_notice_bytes(fonts=fonts)
            self.assertEqual(str(cm.exception), "the fontset is closed")
            with self.assertRaises(zhibiao.Error):
                fonts.describe("body")

    def test_failed_load_leaves_nothing_open(self):
        # The plan made for a failed load is freed at once; nothing to close.
        for _ in range(50):
            with self.assertRaises(zhibiao.Error):
                zhibiao.Plan.from_json("{")


if __name__ == "__main__":
    unittest.main()
