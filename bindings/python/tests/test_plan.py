"""zhibiao.Plan: making one in code, loading one (JSON, CSV, published text), reading it
back, validation, saving, actuals and evaluation, and the helpers that read names and
targets."""
import datetime
import json
import math
import unittest

import zhibiao
from zhibiao import Direction, Kind, Qualifier, Severity, Standing, Status

try:
    from . import support
except ImportError:
    import support


def small_plan():
    """The plan of examples/c/target_table.c."""
    plan = zhibiao.Plan(title="某县制造业高质量发展2025年工作要点", year=2025, organ="某县经济和信息化局",
                        issued=datetime.date(2025, 3, 1))
    plan.add_unit("县经信局", "某县经济和信息化局")
    plan.add_unit("县发改局")
    plan.add_indicator(category="牵引性指标", name="规上工业增加值增速(%)", target="7以上", units=["县经信局"])
    plan.add_indicator(category="牵引性指标", name="制造业投资(亿元)", target=30, units=["县发改局", "县经信局"])
    plan.add_indicator(category="企业培育", name="新增“小升规”企业(家)", target="50", units="县经信局")
    return plan


class TestMaking(support.TempDirTestCase):
    def test_metadata(self):
        with zhibiao.Plan(title="标题", year=2024, organ="某县人民政府", doc_number="某政发〔2024〕1号",
                          recipients=["各乡镇人民政府", "县政府各部门"], copy_to=["县委办"],
                          issued="2024-05-31") as plan:
            self.assertEqual(plan.title, "标题")
            self.assertEqual(plan.organ, "某县人民政府")
            self.assertEqual(plan.doc_number, "某政发〔2024〕1号")
            self.assertEqual(plan.year, 2024)
            self.assertEqual(plan.years, (2024, 2024))
            self.assertEqual(plan.issued, datetime.date(2024, 5, 31))
            self.assertIsNone(plan.printed)
            self.assertEqual(plan.recipients, ["各乡镇人民政府", "县政府各部门"])
            self.assertEqual(plan.copy_to, ["县委办"])
            self.assertEqual(plan.signature, "")
            plan.signature = "某县人民政府办公室"
            plan.note = "（此件公开发布）"
            plan.printer = "某县人民政府办公室"
            plan.printed = datetime.date(2024, 6, 3)
            self.assertEqual(plan.signature, "某县人民政府办公室")
            self.assertEqual(plan.printed, datetime.date(2024, 6, 3))
            plan.signature = None
            self.assertEqual(plan.signature, "")
            plan.add_recipient("县级有关单位")
            plan.add_copy_to("县人大常委会办公室")
            self.assertEqual(len(plan.recipients), 3)
            self.assertEqual(plan.copy_to[-1], "县人大常委会办公室")

    def test_table_fields(self):
        """Units, attribute, base, targets per year and the settable kind, direction, weight."""
        with zhibiao.Plan(year=(2021, 2025)) as plan:
            ind = plan.add_indicator(name="单位工业增加值能耗", unit="吨标煤/万元", attribute="binding",
                                     base=0.52, base_year=2020, target="下降15%", target_year=2025,
                                     note="较2020年")
            ind.set_target("完成市下达任务", year=2023)
            self.assertEqual(ind.unit, "吨标煤/万元")
            self.assertTrue(ind.unit_given)
            self.assertEqual(ind.attribute, zhibiao.Attribute.BINDING)
            self.assertEqual((ind.base_year, ind.base_text, ind.base), (2020, "0.52", 0.52))
            self.assertEqual(ind.note, "较2020年")
            self.assertEqual(ind.kind, Kind.LEVEL)
            self.assertEqual(ind.direction, Direction.LOWER)
            self.assertEqual([t.year for t in ind.targets], [2023, 2025])
            first, last = ind.targets
            self.assertEqual(first.target_class, zhibiao.TargetClass.QUALITATIVE)
            self.assertIsNone(first.value)
            self.assertEqual(last.change, zhibiao.Change.PERCENT)
            self.assertEqual(last.change_amount, -15)
            self.assertAlmostEqual(last.value, 0.442)
            self.assertEqual(last.qualifier, Qualifier.AT_MOST)
            self.assertEqual(ind.target_text, "下降15%")      # the plan's last year
            self.assertAlmostEqual(ind.target, 0.442)
            self.assertEqual(ind.target_class, zhibiao.TargetClass.NUMERIC)
            # Settable fields; None infers again or resets.
            ind.kind = "cumulative"
            ind.direction = Direction.HIGHER
            ind.weight = 5
            ind.attribute = "anticipatory"
            ind.note = None
            ind.unit = "万元/亩"
            self.assertEqual((ind.kind, ind.direction, ind.weight), (Kind.CUMULATIVE, Direction.HIGHER, 5))
            self.assertEqual((ind.attribute, ind.note, ind.unit), (zhibiao.Attribute.ANTICIPATORY, "", "万元/亩"))
            ind.kind = None
            ind.direction = None
            ind.weight = None
            ind.unit = None
            self.assertEqual((ind.kind, ind.direction, ind.weight, ind.unit), (Kind.LEVEL, Direction.LOWER, 1, ""))
            self.assertFalse(ind.unit_given)
            ind.set_target(None, year=2023)
            ind.set_base(None)
            self.assertEqual(len(ind.targets), 1)
            self.assertIsNone(ind.base_year)
            self.assertEqual(ind.targets[0].value, 15)      # no base: the change itself
            with self.assertRaises(zhibiao.Error) as cm:
                ind.weight = -1
            self.assertEqual(cm.exception.code, Status.VALUE)
            with self.assertRaises(zhibiao.Error):
                ind.set_target("1", year=20)
            # Saved and loaded, the same.
            again = zhibiao.Plan.from_json(plan.to_json())
            self.assertEqual(again.to_json(), plan.to_json())
            again.close()

    def test_evaluate_caps_and_qualitative(self):
        """A cap is judged against the cap; a qualitative target is 定性; rows say which target."""
        with zhibiao.Plan(year=2025) as plan:
            plan.add_indicator(name="淘汰落后产能企业", unit="家", target="≤10", seq=1)
            plan.add_indicator(name="技术交易额", unit="亿元", target="持续提升", seq=2)
            plan.add_actual(1, "2025-06", 6)
            plan.add_actual(2, "2025-06", 2.3)
            cap, qual = plan.evaluate("2025-06")
            self.assertEqual(cap.standing, Standing.WARNING)
            self.assertEqual(cap.status, "预警")
            self.assertIsNone(cap.completion)
            self.assertEqual(cap.target_text, "≤10")
            self.assertIsNone(cap.target_year)
            self.assertEqual(qual.standing, Standing.QUALITATIVE)
            self.assertEqual(qual.explain, "定性目标“持续提升”，本期 2.3")
            self.assertEqual(plan.indicators[0].direction, Direction.LOWER)

    def test_classify_target(self):
        C, Q = zhibiao.TargetClass, Qualifier
        self.assertEqual(zhibiao.classify_target("下降3%"), (C.NUMERIC, -3, Q.NONE, zhibiao.Change.PERCENT))
        self.assertEqual(zhibiao.classify_target("≤10"), (C.NUMERIC, 10, Q.AT_MOST, zhibiao.Change.NONE))
        self.assertEqual(zhibiao.classify_target("完成市下达任务")[0], C.QUALITATIVE)
        self.assertEqual(zhibiao.classify_target("—")[:2], (C.NONE, None))
        self.assertEqual(zhibiao.classify_target("见附件")[0], C.UNRECOGNISED)
        self.assertEqual(zhibiao.infer_kind_with_unit("规上工业亩均税收", "万元/亩"), Kind.LEVEL)

    def test_span_of_years(self):
        with zhibiao.Plan(year=(2021, 2023)) as plan:
            self.assertEqual(plan.year, (2021, 2023))
            plan.years = None
            self.assertIsNone(plan.year)
        with zhibiao.Plan() as plan:
            with self.assertRaises(zhibiao.Error) as cm:
                plan.year = (2023, 2021)
            self.assertEqual(cm.exception.code, Status.VALUE)

    def test_unknown_keyword(self):
        with self.assertRaisesRegex(TypeError, "unexpected keyword argument 'colour'"):
            zhibiao.Plan(title="x", colour="red")

    def test_bad_date(self):
        with zhibiao.Plan() as plan:
            with self.assertRaises(ValueError):
                plan.issued = "2024-02-30"
            with self.assertRaises(TypeError):
                plan.issued = 20240201

    def test_units(self):
        with small_plan() as plan:
            self.assertEqual([u.name for u in plan.units], ["县经信局", "县发改局"])
            self.assertEqual(plan.units[0].full_name, "某县经济和信息化局")
            self.assertEqual(plan.units[1].full_name, "")
            self.assertEqual(plan.find_unit("县发改局"), plan.units[1])
            self.assertIsNone(plan.find_unit("县财政局"))
            with self.assertRaises(zhibiao.Error) as cm:
                plan.add_unit("县经信局")
            self.assertEqual(cm.exception.code, Status.DUPLICATE)
            self.assertIn("县经信局", str(cm.exception))

    def test_indicators(self):
        with small_plan() as plan:
            self.assertEqual(plan.categories, ["牵引性指标", "企业培育"])
            inds = plan.indicators
            self.assertEqual(len(inds), 3)
            first, second, third = inds
            self.assertEqual([i.seq for i in inds], [1, 2, 3])
            self.assertEqual(first.name, "规上工业增加值增速(%)")
            self.assertEqual(first.bare_name, "规上工业增加值增速")
            self.assertEqual(first.unit, "%")
            self.assertEqual(first.category, "牵引性指标")
            self.assertEqual(first.target, 7.0)
            self.assertEqual(first.target_text, "7以上")
            self.assertEqual(first.qualifier, Qualifier.AT_LEAST)
            self.assertEqual(first.kind, Kind.RATE)
            self.assertEqual(first.direction, Direction.HIGHER)
            self.assertEqual(first.lead, "县经信局")
            self.assertEqual(second.target_text, "30")
            self.assertEqual(second.units, ["县发改局", "县经信局"])
            self.assertEqual(second.lead, "县发改局")
            self.assertEqual(third.units, ["县经信局"])
            self.assertEqual(third.kind, Kind.CUMULATIVE)
            self.assertEqual(plan.indicator(2), second)
            with self.assertRaises(KeyError):
                plan.indicator(99)
            self.assertIn("规上工业增加值增速", repr(first))

    def test_indicator_options(self):
        with zhibiao.Plan(year=2024) as plan:
            ind = plan.add_indicator(name="单位工业增加值能耗", target=0.45, unit="吨标煤/万元", seq=10,
                                     kind="level", qualifier="at_most", direction=Direction.LOWER,
                                     weight=2, source="table.csv:5")
            self.assertEqual(ind.seq, 10)
            self.assertEqual(ind.target_text, "0.45")
            self.assertEqual(ind.unit, "吨标煤/万元")
            self.assertEqual(ind.kind, Kind.LEVEL)
            self.assertEqual(ind.qualifier, Qualifier.AT_MOST)
            self.assertEqual(ind.direction, Direction.LOWER)
            self.assertEqual(ind.weight, 2.0)
            self.assertEqual(ind.source, "table.csv:5")
            self.assertIsNone(ind.category)
            self.assertEqual(ind.units, [])
            ind.add_unit("县发改局")
            self.assertEqual(ind.lead, "县发改局")
            nxt = plan.add_indicator(name="持续提升营商环境", target="持续提升")
            self.assertEqual(nxt.seq, 11)
            self.assertIsNone(nxt.target)
            self.assertEqual(nxt.weight, 1.0)
            with self.assertRaises(ValueError):
                plan.add_indicator(name="x", kind="sideways")
            with self.assertRaises(TypeError):
                plan.add_indicator(name="x", target=True)
            with self.assertRaises(zhibiao.Error) as cm:
                plan.add_indicator(name="重复", seq=10)
            self.assertEqual(cm.exception.code, Status.DUPLICATE)
            self.assertEqual(len(plan.indicators), 2)

    def test_tasks_blocks_attachments(self):
        with zhibiao.Plan(year=2024) as plan:
            task = plan.add_task("加快企业培育", text="加快企业培育。实施小升规三年行动。", number=1,
                                 headings=["二、重点任务", "(一)企业培育"])
            duty = task.add_duty(["县经信局", "县发改局", "县科技局"], note="各乡镇配合")
            task.add_duty("县市场监管局", text="实施小升规三年行动。")
            self.assertEqual(plan.tasks, [task])
            self.assertEqual(task.number, "1")
            self.assertEqual(task.title, "加快企业培育")
            self.assertEqual(task.text, "加快企业培育。实施小升规三年行动。")
            self.assertEqual(task.headings, ["二、重点任务", "(一)企业培育"])
            self.assertEqual(len(task.duties), 2)
            self.assertEqual(duty.lead, "县经信局")
            self.assertEqual(duty.cooperating, ["县发改局", "县科技局"])
            self.assertEqual(duty.note, "各乡镇配合")
            self.assertEqual(duty.text, "")
            self.assertEqual(task.duties[1].text, "实施小升规三年行动。")
            # Two leads (牵头单位:县经信局、县发改局), kept by the JSON round trip.
            self.assertEqual(duty.lead_count, 1)
            self.assertEqual(duty.leads, ["县经信局"])
            duty.lead_count = 2
            self.assertEqual(duty.leads, ["县经信局", "县发改局"])
            self.assertEqual(duty.cooperating, ["县科技局"])
            with self.assertRaises(zhibiao.Error) as cm:
                duty.lead_count = 4
            self.assertEqual(cm.exception.code, Status.VALUE)
            with self.assertRaises(ValueError):
                duty.lead_count = 0
            self.assertEqual(duty.lead_count, 2)
            with zhibiao.Plan.from_json(plan.to_json()) as copy:
                self.assertEqual(copy.tasks[0].duties[0].leads, ["县经信局", "县发改局"])
            # A separator inside brackets is part of the unit's name.
            self.assertEqual(task.add_duty("各县（市、区）人民政府、市发改局").units,
                             ["各县（市、区）人民政府", "市发改局"])

            plan.add_block("一、总体要求", level=1)
            block = plan.add_block("现将方案印发给你们。")
            plan.add_block("方案正文。", part="plan")
            self.assertEqual([(b.level, b.part) for b in plan.blocks],
                             [(1, zhibiao.Part.DOCUMENT), (0, zhibiao.Part.DOCUMENT), (0, zhibiao.Part.PLAN)])
            self.assertEqual(block.text, "现将方案印发给你们。")
            with self.assertRaises(zhibiao.Error) as cm:
                plan.add_block("x", level=7)
            self.assertEqual(cm.exception.code, Status.VALUE)

            att = plan.add_attachment("2024年目标体系表", kind="targets", number=2)
            plan.add_attachment("说明", text="第一段。")
            self.assertEqual(att.number, 2)
            self.assertEqual(att.kind, zhibiao.AttachmentKind.TARGETS)
            self.assertEqual([a.number for a in plan.attachments], [2, 3])
            self.assertEqual(plan.attachments[1].text, "第一段。")

            prose = plan.add_prose_target("新增“小升规”企业", "62", unit="家", qualifier="at_least",
                                          sentence="新增“小升规”企业62家以上。", task=task)
            self.assertEqual(prose.value, 62.0)
            self.assertEqual(prose.unit, "家")
            self.assertEqual(prose.qualifier, Qualifier.AT_LEAST)
            self.assertEqual(prose.task, task)
            self.assertEqual(prose.first_year, 2024)
            self.assertEqual(plan.prose_targets, [prose])


class TestLoading(support.TempDirTestCase):
    def test_load_json(self):
        with zhibiao.Plan.load(support.data("tonglu-2024.json")) as plan:
            self.assertEqual(len(plan.indicators), 41)
            self.assertEqual(plan.title, "桐庐县“415X”先进制造业集群培育工程2024年工作要点")
            self.assertEqual(plan.year, 2024)
            self.assertEqual(plan.issued, datetime.date(2024, 5, 31))
            self.assertEqual(len(plan.categories), 10)
            self.assertEqual(len(plan.units), 28)
            self.assertEqual(len(plan.tasks), 29)
            ind = plan.indicators[0]
            self.assertEqual(ind.target, 450)
            self.assertRegex(ind.source, r"tonglu-2024\.json:\d+:\d+$")
            self.assertTrue(all(t.duties for t in plan.tasks))

    def test_load_pathlike(self):
        import pathlib
        with zhibiao.Plan.load(pathlib.Path(support.data("wuyi-2022.json"))) as plan:
            self.assertEqual(plan.year, (2021, 2023))

    def test_from_json_and_back(self):
        with zhibiao.Plan.load(support.data("tonglu-2024.json")) as plan:
            text = plan.to_json()
        self.assertEqual(json.loads(text)["format"], "zhibiao/1")
        with zhibiao.Plan.from_json(text) as again:
            self.assertEqual(again.to_json(), text)
            self.assertEqual(len(again.indicators), 41)
        with zhibiao.Plan.from_json(text.encode("utf-8"), name="body") as again:
            self.assertEqual(again.title, json.loads(text)["title"])

    def test_save(self):
        with small_plan() as plan:
            plan.save(self.path("plan.json"))
            text = plan.to_json()
        self.assertEqual(self.read("plan.json").decode("utf-8"), text)
        with zhibiao.Plan.load(self.path("plan.json")) as again:
            self.assertEqual([i.name for i in again.indicators][:1], ["规上工业增加值增速(%)"])

    def test_from_csv(self):
        with zhibiao.Plan.from_csv(support.data("indicators.csv")) as plan:
            self.assertEqual(plan.year, 2025)
            self.assertEqual(len(plan.indicators), 5)
            self.assertEqual(plan.categories, ["牵引性指标", "企业培育", "绿色发展"])
            self.assertEqual(plan.indicators[3].units, ["县经信局", "县科技局"])
            self.assertEqual(plan.indicators[4].direction, Direction.LOWER)
            self.assertEqual(plan.indicators[0].source, support.data("indicators.csv") + ":2")

    def test_from_csv_string(self):
        text = "指标名称\t目标值\n新增企业(家)\t5\n"
        with zhibiao.Plan.from_csv_string(text, name="paste") as plan:
            self.assertEqual(plan.indicators[0].unit, "家")
        with zhibiao.Plan.from_csv_string("seq;name\n1;x\n", delimiter=";") as plan:
            self.assertEqual(plan.indicators[0].name, "x")
        with self.assertRaises(ValueError):
            zhibiao.Plan.from_csv_string("a", delimiter=";;")

    def test_import_text(self):
        with zhibiao.Plan.import_text(support.data("published-plan.txt")) as plan:
            self.assertTrue(plan.title)
            self.assertTrue(plan.tasks)
            self.assertIsInstance(plan.report, list)
            self.assertTrue(all(isinstance(f, zhibiao.Finding) for f in plan.report))
            self.assertTrue(plan.report, "the importer reports what it recognised")

    def test_import_text_string(self):
        with open(support.data("published-plan.txt"), encoding="utf-8") as f:
            text = f.read()
        with zhibiao.Plan.import_text(support.data("published-plan.txt")) as a, \
                zhibiao.Plan.import_text_string(text, name="pasted") as b:
            self.assertEqual(len(a.tasks), len(b.tasks))
            self.assertEqual(len(a.report), len(b.report))

    def test_import_nothing_recognisable(self):
        with self.assertRaises(zhibiao.Error) as cm:
            zhibiao.Plan.import_text(support.test_data("import", "nothing.txt"))
        self.assertEqual(cm.exception.code, Status.VALUE)
        self.assertIsInstance(cm.exception.report, list)


class TestValidate(unittest.TestCase):
    def test_findings(self):
        with zhibiao.Plan(year=2024) as plan:
            plan.add_unit("县经信局")
            plan.add_indicator(name="新增企业(家)", target="五十", units=["县经信局"])
            plan.add_indicator(name="工业投资(亿元)", target="20", units=["县规划和自然资源局"])
            findings = plan.validate()
        codes = {f.code for f in findings}
        self.assertIn("target-not-number", codes)
        self.assertIn("unknown-unit", codes)
        unknown = next(f for f in findings if f.code == "unknown-unit")
        self.assertEqual(unknown.severity, Severity.WARNING)
        self.assertEqual(unknown.location, "indicator 2")
        self.assertIn("县规划和自然资源局", unknown.message)
        self.assertIn("indicator 2", str(unknown))

    def test_clean_plan(self):
        with small_plan() as plan:
            self.assertEqual([f for f in plan.validate() if f.severity >= Severity.WARNING], [])
            # What its notice would lack: a 发文字号 under the red 版头 and the 版记's 印发机关;
            # the bulletin has its own number, and the plan's 印发机关.
            warn = lambda doc: sorted(f.code for f in plan.validate(document=doc) if f.severity >= Severity.WARNING)
            self.assertEqual(warn("notice"), ["no-document-number", "no-imprint"])
            self.assertEqual(warn("bulletin"), ["no-imprint"])
            self.assertEqual(warn("table"), [])
            plan.doc_number = "某经信〔2025〕1号"
            plan.printer = "某县经济和信息化局办公室"
            self.assertEqual(warn("notice"), [])


@support.requires("zb_progress_evaluate", "zb_csv_load_actuals")
class TestActuals(support.TempDirTestCase):
    def test_add_and_read(self):
        with small_plan() as plan:
            plan.add_actual(3, "2025-06", 31, note="含新认定")
            plan.add_actual(1, datetime.date(2025, 6, 30), 7.4)
            actuals = plan.actuals
            self.assertEqual([(a.seq, a.period, a.value) for a in actuals], [(3, "2025-06", 31.0), (1, "2025-06", 7.4)])
            self.assertEqual(actuals[0].note, "含新认定")
            self.assertEqual(actuals[0].indicator, plan.indicator(3))
            self.assertEqual(plan.indicator(3).actual("2025-06"), 31.0)
            self.assertIsNone(plan.indicator(2).actual("2025-06"))
            with self.assertRaises(zhibiao.Error) as cm:
                plan.add_actual(9, "2025-06", 1)
            self.assertEqual(cm.exception.code, Status.NOT_FOUND)
            with self.assertRaises(zhibiao.Error) as cm:
                plan.add_actual(1, "2031-01", 1)
            self.assertEqual(cm.exception.code, Status.VALUE)
            with self.assertRaises(zhibiao.Error) as cm:
                plan.add_actual(1, "2025-06", 8)
            self.assertEqual(cm.exception.code, Status.DUPLICATE)

    def test_load_actuals(self):
        with zhibiao.Plan.load(support.data("tonglu-2024.json")) as plan:
            plan.load_actuals(support.data("tonglu-2024-actuals.csv"))
            self.assertGreater(len(plan.actuals), 40)
            self.assertEqual(plan.indicator(1).actual("2024-06"), 231.6)

    def test_load_actuals_all_or_none(self):
        with small_plan() as plan:
            with self.assertRaises(zhibiao.Error) as cm:
                plan.load_actuals_string("seq,period,actual\n1,2025-03,7\n9,2025-03,1\n", name="actuals.csv")
            self.assertEqual(cm.exception.code, Status.NOT_FOUND)
            self.assertIn("actuals.csv:3", str(cm.exception))
            self.assertEqual(plan.actuals, [])
            plan.load_actuals_string("序号,期间,累计值,备注\n1,2025-03,7,一季度\n")
            self.assertEqual(plan.actuals[0].note, "一季度")

    def test_evaluate(self):
        with support.tonglu() as plan:
            rows = plan.evaluate("2024-06")
        self.assertEqual(len(rows), 41)
        first = rows[0]
        self.assertEqual(first.seq, 1)
        self.assertEqual(first.standing, Standing.AHEAD)
        self.assertEqual(first.status, "超序时")
        self.assertEqual(first.actual, 231.6)
        self.assertEqual(first.target, 450)
        self.assertAlmostEqual(first.completion, 231.6 / 450)
        self.assertAlmostEqual(first.expected, 0.5)
        self.assertIn("序时进度", first.explain)
        self.assertTrue(first.name.startswith("“415X”"))
        missing = [r for r in rows if r.standing == Standing.MISSING]
        self.assertTrue(missing)
        self.assertTrue(all(r.actual is None and r.status == "未报送" for r in missing))
        rates = [r for r in rows if r.standing in (Standing.MET, Standing.NOT_MET)]
        self.assertTrue(all(r.completion is None and r.expected is None for r in rates))

    def test_evaluate_options_and_errors(self):
        with support.tonglu() as plan:
            strict = plan.evaluate(datetime.date(2024, 6, 1), about_tolerance=-1)
            self.assertEqual(len(strict), 41)
            with self.assertRaises(zhibiao.Error) as cm:
                plan.evaluate("2024-13")
            self.assertEqual(cm.exception.code, Status.VALUE)
            self.assertIn("2024-13", str(cm.exception))
            with self.assertRaises(TypeError):
                plan.evaluate(202406)


class TestHelpers(unittest.TestCase):
    def test_parse_target(self):
        self.assertEqual(zhibiao.parse_target("450"), (450.0, Qualifier.NONE))
        self.assertEqual(zhibiao.parse_target("6.5以上"), (6.5, Qualifier.AT_LEAST))
        self.assertEqual(zhibiao.parse_target("5左右"), (5.0, Qualifier.ABOUT))
        self.assertEqual(zhibiao.parse_target("不超过3"), (3.0, Qualifier.AT_MOST))
        self.assertIsNone(zhibiao.parse_target("持续提升"))

    def test_infer(self):
        self.assertEqual(zhibiao.infer_unit("培育智能工厂(数字化车间)(家)"), "家")
        self.assertEqual(zhibiao.infer_unit("新增市级以上首台(套)项目"), "")
        self.assertEqual(zhibiao.infer_kind("规上工业增加值增速"), Kind.RATE)
        self.assertEqual(zhibiao.infer_kind("数字经济核心产业增加值占比"), Kind.LEVEL)
        self.assertEqual(zhibiao.infer_direction("单位工业增加值能耗"), Direction.LOWER)
        self.assertEqual(zhibiao.infer_direction("单位工业增加值能耗下降"), Direction.HIGHER)
        self.assertTrue(zhibiao.infer_collective("县级相关部门"))
        self.assertFalse(zhibiao.infer_collective("县经信局"))

    def test_numbers_as_targets(self):
        with zhibiao.Plan() as plan:
            self.assertEqual(plan.add_indicator(name="a", target=450).target_text, "450")
            self.assertEqual(plan.add_indicator(name="b", target=6.5).target_text, "6.5")
            self.assertEqual(plan.add_indicator(name="c", target=20.0).target_text, "20")
            self.assertTrue(math.isclose(plan.add_indicator(name="d", target=0.1).target, 0.1))


if __name__ == "__main__":
    unittest.main()
