"""The Done-when of the pandas work: tests/analyst_script.py, written from docs/python.md
alone, runs and prints what an analyst expects to see."""
import os
import subprocess
import sys
import unittest

import zhibiao

try:
    from . import support
except ImportError:
    import support

try:
    import pandas  # noqa: F401
except ImportError:
    pandas = None


@unittest.skipIf(pandas is None, "pandas is not installed (apt install python3-pandas)")
class TestAnalystScript(support.TempDirTestCase):
    def test_runs(self):
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "analyst_script.py")
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([os.path.dirname(os.path.dirname(os.path.abspath(zhibiao.__file__)))]
                                            + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
        env["ZHIBIAO_LIBRARY"] = zhibiao.library_path
        r = subprocess.run([sys.executable, "-W", "error::DeprecationWarning", script], cwd=self.dir, env=env,
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout.splitlines()
        want = [
            "plan: <zhibiao.Plan '关于印发某县制造业2025年工作要点的通知' 2025: 5 indicators>",
            "year: 2025 target 1: 572",
            "actuals: 29",
            "lagging: [1, 3, 4]",
            "by unit: {'县经信局': 3}",
            "missing file: no-such-plan.json",
            "bad input at: request:1:33",
            "no such indicator: no indicator with seq 99; the plan's are 1–5",
            "bad table: DataFrame row 0",
        ]
        for line in want:
            self.assertIn(line, out, r.stdout)
        self.assertTrue(any(line.startswith("table bytes: ") and line.endswith(" True") for line in out), r.stdout)
        self.assertTrue(any(line.startswith("notice pages: ") for line in out), r.stdout)
        self.assertTrue(os.path.getsize(self.path("june.xlsx")) > 0)
        self.assertTrue(os.path.getsize(self.path("notice.pdf")) > 0)
        self.assertNotIn("Traceback", r.stderr)


if __name__ == "__main__":
    unittest.main()
