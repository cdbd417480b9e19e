"""Plan.load takes a plan by the library's rule, as the command line and Java do: the name
when it says (.json; .csv, .tsv, .txt), else the content; a file that is neither is told the
forms a plan may be in."""
import os
import tempfile
import unittest

import zhibiao

TABLE = "序号,指标名称,目标值\n1,新增企业(家),5\n"


class TestLoadRule(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, text):
        path = os.path.join(self.dir.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_tables_by_name_and_by_content(self):
        for name in ("t.csv", "t.txt", "t.dat", "t"):
            with self.subTest(name=name), zhibiao.Plan.load(self.write(name, TABLE)) as plan:
                self.assertEqual(len(plan.indicators), 1)

    def test_not_a_plan(self):
        with self.assertRaises(zhibiao.Error) as cm:
            zhibiao.Plan.load(self.write("p.yaml", "title: x\n"))
        self.assertIn("not a JSON plan", str(cm.exception))
        self.assertIn("zhibiao reads a plan as zhibiao/1 JSON", str(cm.exception))


if __name__ == "__main__":
    unittest.main()
