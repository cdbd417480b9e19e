"""pandas in and out: a plan from a DataFrame (the CSV reader's columns, Chinese or English)
and back, actuals from long and wide sheets, progress and the assessment as DataFrames, the
errors naming the frame's rows and columns, and everything else working without pandas."""
import datetime
import io
import os
import re
import subprocess
import sys
import unittest
import warnings
import zipfile

import zhibiao
from zhibiao import Kind, Status

try:
    from . import support
except ImportError:
    import support

try:
    import pandas as pd
except ImportError:  # the test without pandas below still runs
    pd = None

needs_pandas = unittest.skipIf(pd is None, "pandas is not installed (apt install python3-pandas)")


def table():
    """A target table as an analyst keeps it: Chinese headers, a merged 类别 flattened to
    blanks, a computed target, units as a list in one cell."""
    return pd.DataFrame({
        "序号": [1, 2, 3, 4],
        "类别": ["牵引性指标", None, "企业培育", float("nan")],
        "指标名称": ["规上工业增加值(亿元)", "规上工业增加值增速(%)", "新增“小升规”企业(家)", "新增专精特新企业(家)"],
        "2025年目标值": [520 * 1.1, "6.5以上", 50, 12],
        "责任单位": [["县经信局", "县统计局"], "县经信局", "县经信局", "县经信局、县科技局"],
    })


@needs_pandas
class TestFromDataFrame(support.TempDirTestCase):
    def test_chinese_headers(self):
        with zhibiao.Plan.from_dataframe(table(), title="某县2025年工作要点", organ="某县经信局") as plan:
            self.assertEqual(plan.year, 2025)
            self.assertEqual(plan.title, "某县2025年工作要点")
            self.assertEqual(plan.organ, "某县经信局")
            self.assertEqual(plan.categories, ["牵引性指标", "企业培育"])
            inds = plan.indicators
            self.assertEqual([i.seq for i in inds], [1, 2, 3, 4])
            self.assertEqual(inds[0].target_text, "572")          # not 572.0000000000001
            self.assertEqual(inds[0].units, ["县经信局", "县统计局"])
            self.assertEqual(inds[1].category, "牵引性指标")       # a blank continues the one above
            self.assertEqual(inds[1].target_text, "6.5以上")
            self.assertEqual(inds[3].units, ["县经信局", "县科技局"])
            self.assertEqual(inds[2].source, "DataFrame row 2")

    def test_english_headers_index_and_year(self):
        df = pd.DataFrame({"seq": [7, 8], "name": ["新增企业(家)", "工业投资增速(%)"], "unit": ["家", "%"],
                           "target": [10.0, 6.5], "responsible": ["县经信局", None]}).set_index("seq")
        with zhibiao.Plan.from_dataframe(df, year=2024) as plan:
            self.assertEqual(plan.year, 2024)
            self.assertEqual([(i.seq, i.target_text, i.unit) for i in plan.indicators],
                             [(7, "10", "家"), (8, "6.5", "%")])
            self.assertEqual(plan.indicators[1].units, [])

    def test_year_must_agree_with_the_header(self):
        with self.assertRaises(ValueError) as cm:
            zhibiao.Plan.from_dataframe(table(), year=2024)
        self.assertIn("2025", str(cm.exception))

    def test_round_trip(self):
        """Every field comes back: a JSON plan, a 十四五 table (base, two target years,
        attribute, notes) and a 工作要点 table (kind, direction, weight)."""
        sources = [support.data("tonglu-2024.json"), support.test_data("csv", "shisiwu.csv"),
                   support.test_data("csv", "gongzuo-yaodian.csv"), support.data("indicators.csv")]
        for source in sources:
            with self.subTest(source=os.path.basename(source)):
                with zhibiao.Plan.load(source) as plan:
                    df = plan.to_dataframe()
                    fields = [indicator_fields(i) for i in plan.indicators]
                    with zhibiao.Plan.from_dataframe(df) as again:
                        back = again.to_dataframe()
                        self.assertEqual(again.years, plan.years)
                        self.assertEqual([indicator_fields(i) for i in again.indicators], fields)
                cols = [c for c in df.columns if c != "source"]
                pd.testing.assert_frame_equal(df[cols], back[cols])
                self.assertTrue(back["source"].str.match(r"DataFrame row \d+$").all())

    def test_to_dataframe(self):
        with zhibiao.Plan.from_dataframe(table()) as plan:
            df = plan.to_dataframe()
        self.assertEqual(list(df.columns), ["seq", "category", "name", "unit", "attribute", "base", "2025年目标值",
                                            "responsible", "kind", "direction", "weight", "note", "lead",
                                            "target_value", "qualifier", "target_class", "unit_given", "base_year",
                                            "bare_name", "source"])
        first = df.iloc[0]
        self.assertEqual((first.seq, first.unit, first["2025年目标值"], first.responsible, first.lead),
                         (1, "亿元", "572", "县经信局、县统计局", "县经信局"))
        self.assertEqual(first.kind, "cumulative")
        self.assertEqual(df.iloc[1].qualifier, "at_least")
        self.assertEqual(df.iloc[1].kind, "rate")
        self.assertEqual(df.target_value.tolist(), [572.0, 6.5, 50.0, 12.0])
        with zhibiao.Plan.load(support.test_data("csv", "shisiwu.csv")) as plan:
            df = plan.to_dataframe()
        self.assertEqual(list(df.columns[4:8]), ["attribute", "2020年基数", "2023年目标值", "2025年目标值"])
        self.assertEqual(df.iloc[0][["2020年基数", "2023年目标值", "2025年目标值", "attribute"]].tolist(),
                         ["520.3", "650", "≥780", "anticipatory"])
        with zhibiao.Plan() as empty:
            self.assertEqual(list(empty.to_dataframe().columns)[6], "target")
            self.assertEqual(len(empty.to_dataframe()), 0)

    def test_kind_direction_weight_columns(self):
        df = table()
        df["kind"] = ["cumulative", "rate", "level", None]
        df["方向"] = ["正向", None, "逆向", None]
        df["weight"] = [10, 5.0, None, 2.5]
        with zhibiao.Plan.from_dataframe(df) as plan:
            inds = plan.indicators
            self.assertEqual([i.kind for i in inds], [Kind.CUMULATIVE, Kind.RATE, Kind.LEVEL, Kind.CUMULATIVE])
            self.assertEqual(inds[2].direction, zhibiao.Direction.LOWER)
            self.assertEqual([i.weight for i in inds], [10, 5, 1, 2.5])
        df["kind"] = ["cumulative", "sideways", None, None]
        with self.assertRaises(ValueError) as cm:
            zhibiao.Plan.from_dataframe(df)
        self.assertTrue(str(cm.exception).startswith("DataFrame row 1, column 'kind'"), str(cm.exception))

    def test_errors_name_row_and_column(self):
        df = pd.DataFrame({"指标名称": ["a", "b", "c"], "序号": [1, 2, "x"]}, index=["r1", "r2", "r3"])
        with self.assertRaises(zhibiao.InputError) as cm:
            zhibiao.Plan.from_dataframe(df)
        e = cm.exception
        self.assertIsInstance(e, ValueError)
        self.assertTrue(str(e).startswith("DataFrame row 'r3'"), str(e))
        self.assertEqual(e.location, "DataFrame row 'r3'")
        with self.assertRaises(ValueError) as cm:
            zhibiao.Plan.from_dataframe(pd.DataFrame({"指标名称": ["a"], "颜色": ["红"]}), name="附件2")
        self.assertIn("颜色", str(cm.exception))
        self.assertTrue(str(cm.exception).startswith("附件2"), str(cm.exception))
        with self.assertRaises(ValueError):
            zhibiao.Plan.from_dataframe(pd.DataFrame({"指标名称": ["a\0b"]}))
        with self.assertRaises(TypeError):
            zhibiao.Plan.from_dataframe([{"指标名称": "a"}])

    def test_validate_names_rows(self):
        df = pd.DataFrame({"指标名称": ["新增企业(家)", "工业投资(亿元)"], "2025年目标值": [10, "五十"]})
        with zhibiao.Plan.from_dataframe(df) as plan:
            bad = [f for f in plan.validate() if f.code == "target-not-number"]
        self.assertEqual(len(bad), 1)
        self.assertEqual(bad[0].location, "DataFrame row 1, column '2025年目标值'")


@needs_pandas
class TestActualsFromDataFrame(support.TempDirTestCase):
    def plan(self):
        return zhibiao.Plan.from_dataframe(table())

    def test_wide_sheet(self):
        # The way every 月报 is laid out: a row per indicator, a column per month.
        wide = pd.DataFrame({"序号": [1, 2, 3, 4], "指标名称": ["a", "b", "c", "d"], "计量单位": ["亿元", "%", "家", "家"],
                             "1月": [40.1, 6.0, 3, None], "2025年2月": [80.2, None, 5, ""], "2025-03": [120.3, 6.1, None, 2],
                             "备注": ["", "", "", ""]})
        with self.plan() as plan:
            plan.load_actuals(wide)
            got = sorted((a.seq, a.period, a.value) for a in plan.actuals)
        self.assertEqual(got, [(1, "2025-01", 40.1), (1, "2025-02", 80.2), (1, "2025-03", 120.3),
                               (2, "2025-01", 6.0), (2, "2025-03", 6.1), (3, "2025-01", 3.0), (3, "2025-02", 5.0),
                               (4, "2025-03", 2.0)])

    def test_wide_sheet_with_dates_and_index(self):
        wide = pd.DataFrame({"seq": [1, 3], pd.Timestamp("2025-04-30"): [150.5, 9],
                             pd.Period("2025-05", freq="M"): [190.25, 12]}).set_index("seq")
        with self.plan() as plan:
            plan.load_actuals(wide)
            self.assertEqual(plan.indicator(1).actual("2025-05"), 190.25)
            self.assertEqual(plan.indicator(3).actual("2025-04"), 9)

    def test_long_sheet(self):
        long = pd.DataFrame({"seq": [1, 1, 3], "period": ["2025-05", datetime.date(2025, 6, 30), "2025年6月"],
                             "actual": [0.1 + 0.2, 250, 21], "note": [None, "含新增", ""]})
        with self.plan() as plan:
            plan.load_actuals(long)
            self.assertEqual(plan.indicator(1).actual("2025-05"), 0.3)   # not 0.30000000000000004
            self.assertEqual(plan.indicator(1).actual("2025-06"), 250)
            self.assertEqual(plan.actuals[1].note, "含新增")
            self.assertEqual(plan.indicator(3).actual("2025-06"), 21)

    def test_all_or_none_and_located_errors(self):
        wide = pd.DataFrame({"序号": [1, 9], "1月": [1, 2]}, index=["甲", "乙"])
        with self.plan() as plan:
            with self.assertRaises(KeyError) as cm:
                plan.load_actuals(wide)
            self.assertIsInstance(cm.exception, zhibiao.NotFoundError)
            self.assertEqual(cm.exception.location, "DataFrame row '乙', column '序号'")
            self.assertEqual(plan.actuals, [])
            with self.assertRaises(ValueError) as cm:
                plan.load_actuals(pd.DataFrame({"序号": [1], "2月": ["一百"]}))
            self.assertIn("column '2月'", str(cm.exception))

    def test_sheet_shapes_refused(self):
        with self.plan() as plan:
            with self.assertRaisesRegex(ValueError, "序号/seq"):
                plan.load_actuals(pd.DataFrame({"指标名称": ["a"], "1月": [1]}))
            with self.assertRaisesRegex(ValueError, "no column names a month"):
                plan.load_actuals(pd.DataFrame({"序号": [1], "指标名称": ["a"]}))
            with self.assertRaisesRegex(ValueError, "column '完成情况': neither a month"):
                plan.load_actuals(pd.DataFrame({"序号": [1], "1月": [1], "完成情况": ["好"]}))
        with zhibiao.Plan(year=(2021, 2023)) as span:
            span.add_indicator(name="x", target=1)
            with self.assertRaisesRegex(ValueError, "a month without its year"):
                span.load_actuals(pd.DataFrame({"序号": [1], "1月": [1]}))


@needs_pandas
class TestProgressFrames(support.TempDirTestCase):
    def test_progress_frame(self):
        with support.tonglu() as plan:
            df = plan.progress_frame("2024-06")
            rows = plan.evaluate("2024-06")
        self.assertEqual(list(df.columns), ["seq", "category", "name", "unit", "lead", "responsible", "standing",
                                            "status", "actual", "target", "completion", "expected", "explain"])
        self.assertEqual(len(df), 41)
        self.assertEqual(df.seq.tolist(), [r.seq for r in rows])
        self.assertEqual(df.status.tolist(), [r.status for r in rows])
        lagging = df[df.status == "滞后"]
        self.assertEqual(len(lagging), sum(r.status == "滞后" for r in rows))
        self.assertTrue((lagging.standing == "behind").all())
        first = df.iloc[0]
        self.assertEqual((first.actual, first.target, first.status), (231.6, 450.0, "超序时"))
        self.assertTrue(df[df.status == "未报送"].actual.isna().all())
        by_unit = lagging.groupby("lead").size()
        self.assertEqual(int(by_unit.sum()), len(lagging))

    def test_progress_frame_warns_of_an_empty_month(self):
        with support.tonglu() as plan:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                df = plan.progress_frame("2024-08")
        self.assertTrue((df.status == "未报送").all())
        self.assertTrue(any(issubclass(w.category, zhibiao.ZhibiaoWarning) and "2024-08" in str(w.message)
                            for w in caught), [str(w.message) for w in caught])

    def test_assessment_frame_is_the_workbook(self):
        with support.tonglu() as plan:
            for scoring in ("proportional", "all-or-nothing", "all_or_nothing"):
                with self.subTest(scoring=scoring):
                    df = plan.assessment_frame("2024-12", scoring=scoring)
                    units = plan.assessment_frame("2024-12", scoring=scoring, by="unit")
                    data = plan.write_assessment_bytes("2024-12", scoring=scoring)
                    scores, ranking = workbook_scores(data)
                    self.assertEqual(len(df), 41)
                    for got, want in zip(df.score.tolist(), scores):
                        self.assertAlmostEqual(got, want, places=9)
                    self.assertEqual(units.lead.tolist(), [r[0] for r in ranking])
                    for (_, count, weight, score, rank), row in zip(ranking, units.itertuples()):
                        self.assertEqual(row.indicators, count)
                        self.assertAlmostEqual(row.weight, weight)
                        self.assertAlmostEqual(row.score, score)
                        self.assertEqual(None if pd.isna(row.rank) else int(row.rank), rank)
            with self.assertRaises(ValueError):
                plan.assessment_frame("2024-12", by="category")
            capped = plan.assessment_frame("2024-12", cap=1.0)
            self.assertTrue((capped.score <= capped.weight + 1e-12).all())


    def test_assessment_frame_leaves_qualitative_out_as_the_workbook_does(self):
        # 定性 indicators are 另行评定: no score, and their weight counts in no unit's total.
        text = ("序号,指标名称,计量单位,目标值,责任单位\n"
                "1,新增企业,家,40,县科技局\n"
                "2,研发经费投入强度,%,3.2,县科技局\n"
                "3,完成上级下达的安全生产任务,,完成上级下达任务,县科技局\n"
                "4,完成省定减排任务,,完成省下达任务,县应急管理局\n"
                "5,新增城镇就业,人,8000,县人社局\n")
        with zhibiao.Plan.from_csv_string(text, name="q.csv") as plan:
            plan.year = 2025
            for seq, value in ((1, 30), (2, 3.3), (3, 1), (5, 4000)):
                plan.add_actual(seq, "2025-12", value)
            df = plan.assessment_frame("2025-12")
            units = plan.assessment_frame("2025-12", by="unit")
            scores, ranking = workbook_scores(plan.write_assessment_bytes("2025-12"), 5)
        self.assertEqual(df.status.tolist()[2:4], ["定性", "定性"])
        self.assertTrue(pd.isna(df.score[2]) and pd.isna(df.score[3]), df.score.tolist())
        self.assertEqual(scores[2:4], ["另行评定", "另行评定"])
        for got, want in zip(df.score.tolist()[:2] + df.score.tolist()[4:], scores[:2] + scores[4:]):
            self.assertAlmostEqual(got, want, places=9)
        self.assertEqual(units.lead.tolist(), [r[0] for r in ranking])
        for (_, count, weight, score, rank), row in zip(ranking, units.itertuples()):
            self.assertEqual(row.indicators, count)
            self.assertAlmostEqual(row.weight, weight)
            self.assertAlmostEqual(row.score, score)
            self.assertEqual(None if pd.isna(row.rank) else int(row.rank), rank)
        keji = units[units.lead == "县科技局"].iloc[0]
        self.assertEqual((keji.indicators, keji.weight), (3, 2.0))
        self.assertAlmostEqual(keji.rate, (0.75 + 1) / 2)
        yingji = units[units.lead == "县应急管理局"].iloc[0]
        self.assertEqual((yingji.indicators, yingji.weight, yingji.score), (1, 0.0, 0.0))
        self.assertTrue(pd.isna(yingji.rate))


def indicator_fields(ind):
    """What an indicator holds, to compare two plans."""
    return (ind.seq, ind.category, ind.name, ind.unit, ind.unit_given, ind.attribute, ind.base_text, ind.base_year,
            [(t.year, t.text) for t in ind.targets], ind.kind, ind.direction, ind.weight, ind.note, ind.units)


def workbook_scores(data, n=41):
    """得分 of the 指标得分 sheet and the rows of 单位排名 (unit, count, weight, score, rank)
    of an assessment workbook, read from its XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        shared = re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode("utf-8"), re.S)
        shared = ["".join(re.findall(r"<t[^>]*>([^<]*)</t>", s)) for s in shared]
        sheets = [z.read(f"xl/worksheets/sheet{n}.xml").decode("utf-8") for n in (1, 2)]

    def cells(xml):
        out = {}
        for ref, attrs, body in re.findall(r'<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>(.*?)</c>)', xml, re.S):
            v = re.search(r"<v>([^<]*)</v>", body or "")
            if v is None:
                continue
            out[ref] = shared[int(v.group(1))] if 't="s"' in attrs else float(v.group(1))
        return out
    one, two = cells(sheets[0]), cells(sheets[1])
    scores = [one[f"G{r}"] for r in range(4, 4 + n)]
    ranking = []
    r = 4
    while one and f"A{r}" in two and two[f"A{r}"] != "合计":
        unit = two[f"A{r}"]
        ranking.append(("" if unit == "未明确牵头单位" else unit, two[f"B{r}"], two[f"C{r}"], two[f"D{r}"],
                        int(two[f"F{r}"]) if f"F{r}" in two else None))
        r += 1
    return scores, ranking


class TestWithoutPandas(unittest.TestCase):
    def test_everything_else_works(self):
        code = r"""
import sys
sys.modules["pandas"] = None          # as if python3-pandas were not installed
import zhibiao
plan = zhibiao.Plan.load(sys.argv[1])
plan.load_actuals(sys.argv[2])
assert len(plan.indicators) == 41
assert plan.write_target_table_bytes()[:2] == b"PK"
assert plan.evaluate("2024-06")[0].status == "超序时"
for call in (lambda: plan.to_dataframe(), lambda: plan.progress_frame("2024-06"),
             lambda: plan.assessment_frame("2024-12"), lambda: zhibiao.Plan.from_dataframe(object())):
    try:
        call()
    except ImportError as e:
        print(e)
    else:
        print("no ImportError")
"""
        r = subprocess.run([sys.executable, "-c", code, support.data("tonglu-2024.json"),
                            support.data("tonglu-2024-actuals.csv")], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 4, r.stdout)
        for line in lines:
            self.assertIn("apt install python3-pandas", line)


if __name__ == "__main__":
    unittest.main()
