"""Scripts as callers write them, from the documentation alone: an analyst's month in
pandas (a table kept in Excel with Chinese headers, a wide monthly sheet, groupby on the
progress frame, the assessment by unit) and an OA back end (bytes in, bytes out, several
threads, bad uploads told by class, code and place)."""
import concurrent.futures
import io
import shutil
import subprocess
import unittest

import zhibiao
from zhibiao import Status

try:
    from . import support
except ImportError:
    import support

try:
    import pandas as pd
except ImportError:
    pd = None

PLAN_CSV = """序号,类别,指标名称,计量单位,2025年目标值,责任单位,备注
1,经济发展,地区生产总值增速,%,6.5左右,县发改局,
2,,规上工业增加值,亿元,"1,250",县经信局,
3,,固定资产投资增速,%,≥8,县发改局、县统计局,
4,创新驱动,新增高新技术企业,家,40,县科技局,
5,,研发经费投入强度,%,3.2,县科技局,
6,民生保障,城镇调查失业率,%,≤5.5,县人力社保局,
7,,新增城镇就业,人,8000以上,县人力社保局,
8,,完成上级下达的安全生产任务,,完成上级下达任务,县应急管理局,
"""

MONTHLY_CSV = """序号,指标名称,1月,2月,3月,4月,5月,6月
1,地区生产总值增速,,,6.1,,,6.8
2,规上工业增加值,90,180,300,410,520,640
3,固定资产投资增速,,,7.5,,,8.2
4,新增高新技术企业,2,5,9,12,15,18
5,研发经费投入强度,,,,,,3.0
6,城镇调查失业率,5.1,5.0,5.2,5.1,5.0,4.9
7,新增城镇就业,600,1400,2300,3500,4300,5100
8,完成上级下达的安全生产任务,,,,,,
"""


@unittest.skipIf(pd is None, "pandas is not installed")
class TestAnalyst(unittest.TestCase):
    def plan(self):
        df = pd.read_csv(io.StringIO(PLAN_CSV))
        plan = zhibiao.Plan.from_dataframe(df, year=2025, title="关于印发某县2025年主要指标的通知",
                                           organ="某县人民政府办公室")
        plan.load_actuals(pd.read_csv(io.StringIO(MONTHLY_CSV)))
        return plan

    def test_reads_as_written(self):
        with self.plan() as plan:
            got = [(i.seq, i.category, i.name, i.unit, i.target_text, i.target, str(i.qualifier), i.lead)
                   for i in plan.indicators]
            self.assertEqual(got, [
                (1, "经济发展", "地区生产总值增速", "%", "6.5左右", 6.5, "Qualifier.ABOUT", "县发改局"),
                (2, "经济发展", "规上工业增加值", "亿元", "1,250", 1250, "Qualifier.NONE", "县经信局"),
                (3, "经济发展", "固定资产投资增速", "%", "≥8", 8, "Qualifier.AT_LEAST", "县发改局"),
                (4, "创新驱动", "新增高新技术企业", "家", "40", 40, "Qualifier.NONE", "县科技局"),
                (5, "创新驱动", "研发经费投入强度", "%", "3.2", 3.2, "Qualifier.NONE", "县科技局"),
                (6, "民生保障", "城镇调查失业率", "%", "≤5.5", 5.5, "Qualifier.AT_MOST", "县人力社保局"),
                (7, "民生保障", "新增城镇就业", "人", "8000以上", 8000, "Qualifier.AT_LEAST", "县人力社保局"),
                (8, "民生保障", "完成上级下达的安全生产任务", "", "完成上级下达任务", None, "Qualifier.NONE",
                 "县应急管理局"),
            ])
            self.assertEqual(plan.indicator(3).units, ["县发改局", "县统计局"])
            # Every month of the wide sheet, empty cells left out.
            self.assertEqual(len(plan.actuals), 2 + 6 + 2 + 6 + 1 + 6 + 6)

    def test_errors_name_rows_not_lines(self):
        # The rows of the frame, also for the earlier row a message points back to.
        df = pd.read_csv(io.StringIO(PLAN_CSV))
        df.loc[4, "序号"] = 2
        with self.assertRaises(zhibiao.InputError) as cm:
            zhibiao.Plan.from_dataframe(df, year=2025)
        self.assertEqual(cm.exception.code, Status.DUPLICATE)
        self.assertTrue(str(cm.exception).startswith("DataFrame row 4: column 1 (序号)"), str(cm.exception))
        self.assertIn("already used at row 1", str(cm.exception))
        self.assertNotIn("line", str(cm.exception))
        with self.plan() as plan:
            twice = pd.DataFrame({"序号": [9], "9月": [1], "9月份": [2]})
            twice.loc[0, "序号"] = 2
            with self.assertRaises(zhibiao.InputError) as cm:
                plan.load_actuals(twice)
        self.assertIn("DataFrame row 0, column '9月份'", str(cm.exception))
        self.assertIn("already has an actual for 2025-09 at row 0, column '9月'", str(cm.exception))

    def test_progress_groupby_and_assessment(self):
        with self.plan() as plan:
            pf = plan.progress_frame("2025-06")
            self.assertEqual(pf.status.tolist(), ["达标", "超序时", "达标", "滞后", "未达标", "达标", "超序时", "定性"])
            self.assertEqual(pf.actual.tolist()[1], 640)
            self.assertAlmostEqual(pf.completion[6], 5100 / 8000)
            lagging = pf[pf.status.isin(["滞后", "未达标"])].groupby("lead").size().to_dict()
            self.assertEqual(lagging, {"县科技局": 2})
            by_cat = pf.groupby("category", sort=False).completion.mean()
            self.assertEqual(by_cat.index.tolist(), ["经济发展", "创新驱动", "民生保障"])
            self.assertAlmostEqual(by_cat["民生保障"], 5100 / 8000)
            units = plan.assessment_frame("2025-06", by="unit").set_index("lead")
            self.assertEqual(units.loc["县发改局", "rank"], 1)
            self.assertEqual(units.loc["县应急管理局", "weight"], 0)     # 定性: 另行评定
            self.assertEqual(plan.write_progress_bytes("2025-06")[:2], b"PK")

    @unittest.skipIf(shutil.which("pdftotext") is None, "pdftotext is not installed")
    def test_bulletin_names_the_plan_the_notice_issued(self):
        with self.plan() as plan:
            pdf = plan.write_bulletin_bytes("2025-06")
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        flat = "".join(text.split())
        self.assertIn("关于2025年第二季度某县主要指标进展情况的通报", flat)
        self.assertIn("《某县2025年主要指标》确定的8项指标", flat)


class TestBackEnd(unittest.TestCase):
    def handle(self, body, kind):
        try:
            plan = (zhibiao.Plan.from_json(body, name="upload.json") if kind == "json" else
                    zhibiao.Plan.from_csv(body, name="upload.csv", year=2025, title="关于印发某县指标的通知",
                                          organ="某县人民政府"))
            with plan:
                return 200, plan.write_notice_bytes(), plan.write_target_table_bytes()
        except zhibiao.Error as e:
            return 400, type(e).__name__, e.code, e.location

    def test_bytes_in_bytes_out_in_threads(self):
        with open(support.data("wuyi-2022.json"), "rb") as f:
            json_body = f.read()
        csv_body = PLAN_CSV.encode("utf-8")
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda i: self.handle(*((json_body, "json") if i % 2 else (csv_body, "csv"))),
                                    range(8)))
        self.assertTrue(all(r[0] == 200 and r[1][:5] == b"%PDF-" and r[2][:2] == b"PK" for r in results))
        self.assertEqual(len({r[1:] for r in results[0::2]}), 1)
        self.assertEqual(len({r[1:] for r in results[1::2]}), 1)

    def test_bad_uploads_are_told_by_place(self):
        cases = [
            (b'{"format": "zhibiao/1",\n "year": "2025"}', "json", ("InputError", Status.SCHEMA, "upload.json:2:10")),
            (b"", "json", ("InputError", Status.SYNTAX, "upload.json:1:1")),
            ("序号,指标名称,目标值\n1,GDP,5\n".encode("gbk"), "csv", ("InputError", Status.ENCODING, "upload.csv:1:1")),
            ("序号,指标名称,目标值\n1,GDP,5\n1,X,6\n".encode(), "csv", ("InputError", Status.DUPLICATE, "upload.csv:3")),
            ("序号,名称,目标\n1,GDP,5\n".encode(), "csv", ("InputError", Status.SCHEMA, "upload.csv:1")),
            ('序号,指标名称,目标值\n1,GDP,"5\n'.encode(), "csv", ("InputError", Status.SYNTAX, "upload.csv:2:7")),
        ]
        for body, kind, want in cases:
            with self.subTest(body=body[:20]):
                self.assertEqual(self.handle(body, kind)[1:], want)


if __name__ == "__main__":
    unittest.main()
