package zhibiao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Loading plans, reading them back, building them, validating and evaluating. */
public class PlanTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void loadsTheTongluPlanAndReadsItsIndicators() {
        try (Plan plan = Plan.load(Support.data("tonglu-2024.json"))) {
            List<Indicator> all = plan.indicators();
            assertEquals(41, all.size());
            Indicator first = all.get(0);
            assertEquals(0, first.index());
            assertEquals(1, first.seq());
            assertFalse(first.name().isEmpty());
            assertEquals(first, plan.indicator(1).orElseThrow());
            assertTrue(plan.indicator(999).isEmpty());
            assertEquals(2024, plan.firstYear());
            assertEquals(2024, plan.lastYear());
            assertTrue(plan.title().contains("桐庐"));
            // Every indicator has a category, and each is one of the plan's.
            for (Indicator i : all)
                assertTrue(i.category(), plan.categories().contains(i.category()));
            // The 20th indicator is 低效用地整治提升(亩): the unit comes from the name.
            Indicator land = plan.indicator(20).orElseThrow();
            assertEquals("亩", land.unit());
            assertEquals("低效用地整治提升", land.bareName());
            assertEquals(Kind.CUMULATIVE, land.kind());
            assertEquals(Direction.HIGHER, land.direction());
            assertTrue(land.target().isPresent());
            assertEquals(land.units().get(0), land.lead());
            assertTrue(land.source().startsWith(Support.data("tonglu-2024.json").toString() + ":"));
            assertEquals(1.0, land.weight(), 0);
        }
    }

    @Test
    public void indicatorsAreSnapshots() throws Exception {
        Plan plan = Plan.load(Support.data("wuyi-2022.json"));
        List<Indicator> before = plan.indicators();
        plan.close();
        assertTrue(plan.isClosed());
        assertFalse(before.isEmpty());
        assertFalse(before.get(0).name().isEmpty());
        ZhibiaoException e = assertThrows(ZhibiaoException.class, plan::indicators);
        assertEquals(Status.ARGUMENT, e.code());
        assertEquals("the plan is closed", e.getMessage());
        plan.close(); // a second close does nothing
    }

    @Test
    public void loadsByExtensionAndByContent() throws Exception {
        try (Plan csv = Plan.load(Support.data("indicators.csv"))) {
            assertFalse(csv.indicators().isEmpty());
            Path noSuffix = tmp.newFile("table").toPath();
            Files.copy(Support.data("indicators.csv"), noSuffix, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (Plan sniffed = Plan.load(noSuffix)) {
                assertEquals(csv.indicators().size(), sniffed.indicators().size());
            }
        }
        Path json = tmp.newFile("plan.data").toPath();
        Files.writeString(json, "\uFEFF  {\"format\": \"zhibiao/1\", \"title\": \"测试\"}");
        try (Plan p = Plan.load(json)) {
            assertEquals("测试", p.title());
        }
    }

    @Test
    public void jsonRoundTrip() throws Exception {
        try (Plan plan = Support.tonglu()) {
            String json = plan.toJson();
            try (Plan again = Plan.fromJson(json, "again")) {
                assertEquals(json, again.toJson());
                assertEquals(plan.indicators().size(), again.indicators().size());
                assertEquals(plan.actuals(), again.actuals());
            }
            Path saved = tmp.getRoot().toPath().resolve("saved.json");
            plan.save(saved);
            assertEquals(json, Files.readString(saved, StandardCharsets.UTF_8));
        }
    }

    @Test
    public void buildsAPlan() {
        try (Plan plan = new Plan()) {
            plan.setMeta(Meta.TITLE, "  测试县2025年工作要点 ");
            assertEquals("测试县2025年工作要点", plan.title());
            plan.setMeta(Meta.ORGAN, "测试县人民政府");
            assertEquals("测试县人民政府", plan.meta(Meta.ORGAN));
            plan.setYear(2025);
            plan.setDate(DateField.ISSUED, LocalDate.of(2025, 3, 1));
            assertEquals(Optional.of(LocalDate.of(2025, 3, 1)), plan.date(DateField.ISSUED));
            assertEquals(Optional.empty(), plan.date(DateField.PRINTED));
            plan.addRecipient("各乡镇人民政府");
            plan.addCopyTo("县委各部门");
            assertEquals(List.of("各乡镇人民政府"), plan.recipients());
            assertEquals(List.of("县委各部门"), plan.copyTo());
            plan.addUnit("县经信局", "测试县经济和信息化局");
            assertEquals("测试县经济和信息化局", plan.findUnit("县经信局").orElseThrow().fullName());
            assertTrue(plan.findUnit("县财政局").isEmpty());
            assertEquals(0, plan.addCategory("牵引性指标"));
            Indicator i = plan.addIndicator(IndicatorDef.builder("新增“小升规”企业(家)").category("牵引性指标")
                    .target("62以上").units("县经信局", "县市场监管局").build());
            assertEquals(1, i.seq());
            assertEquals("家", i.unit());
            assertEquals(Qualifier.AT_LEAST, i.qualifier());
            assertEquals(62.0, i.target().getAsDouble(), 0);
            assertEquals("县经信局", i.lead());
            Indicator rate = plan.addIndicator(IndicatorDef.builder("规上工业增加值增速(%)").seq(5).target("6.5左右")
                    .weight(2).build());
            assertEquals(Kind.RATE, rate.kind());
            assertEquals(Qualifier.ABOUT, rate.qualifier());
            assertEquals(2.0, rate.weight(), 0);
            assertEquals("", rate.category());
            plan.addIndicatorUnit(5, "县统计局");
            assertEquals(List.of("县统计局"), plan.indicator(5).orElseThrow().units());
            ZhibiaoException dup = assertThrows(ZhibiaoException.class,
                    () -> plan.addIndicator(IndicatorDef.builder("重复").seq(5).build()));
            assertEquals(Status.DUPLICATE, dup.code());
            assertEquals(2, plan.indicators().size()); // a failed call changes nothing

            Task t = plan.addTask(TaskDef.builder("全面落实产业链“链长+链主”制").number("1")
                    .headings("二、重点任务", "(一)强化产业链").text("全面落实产业链“链长+链主”制。").build());
            plan.addDuty(t.index(), List.of("县经信局", "县发改局"), null, "配合");
            Task back = plan.tasks().get(0);
            assertEquals(List.of("二、重点任务", "(一)强化产业链"), back.headings());
            assertEquals("县经信局", back.duties().get(0).lead());
            assertEquals(List.of("县发改局"), back.duties().get(0).cooperating());
            assertEquals("配合", back.duties().get(0).note());
            assertEquals(List.of("县经信局"), back.duties().get(0).leads());
            plan.setDutyLeadCount(t.index(), 0, 2);
            assertEquals(List.of("县经信局", "县发改局"), plan.tasks().get(0).duties().get(0).leads());
            assertEquals(List.of(), plan.tasks().get(0).duties().get(0).cooperating());
            assertEquals(Status.VALUE, assertThrows(ZhibiaoException.class, () -> plan.setDutyLeadCount(t.index(), 0, 3)).code());

            plan.addBlock(1, "一、总体要求");
            plan.addBlock(Part.DOCUMENT, 0, "正文。");
            assertEquals(1, plan.blocks().get(0).level());
            assertEquals("正文。", plan.blocks().get(1).text());
            plan.addAttachment(0, AttachmentKind.TARGETS, "2025年目标体系表", null);
            assertEquals(1, plan.attachments().get(0).number());
            assertEquals(AttachmentKind.TARGETS, plan.attachments().get(0).kind());

            plan.addProseTarget(ProseTargetDef.builder("新增“小升规”企业", "62").unit("家")
                    .qualifier(Qualifier.AT_LEAST).task(t.index()).sentence("新增“小升规”企业62家以上。").build());
            ProseTarget pt = plan.proseTargets().get(0);
            assertEquals(62.0, pt.value().getAsDouble(), 0);
            assertEquals(0, pt.task().getAsInt());
            assertEquals(2025, pt.firstYear());

            plan.addActual(1, "2025-06", 30, "上半年");
            assertEquals(30.0, plan.actual(1, "2025-06").getAsDouble(), 0);
            assertTrue(plan.actual(1, "2025-05").isEmpty());
            assertEquals("上半年", plan.actuals().get(0).note());
            ZhibiaoException bad = assertThrows(ZhibiaoException.class, () -> plan.addActual(99, "2025-06", 1, null));
            assertEquals(Status.NOT_FOUND, bad.code());

            String json = plan.toJson();
            try (Plan again = Plan.fromJson(json)) {
                assertEquals(plan.indicators().stream().map(Indicator::name).toList(),
                        again.indicators().stream().map(Indicator::name).toList());
                assertEquals(plan.tasks().get(0).duties(), again.tasks().get(0).duties());
            }
        }
    }

    @Test
    public void targetsPerYearAndTheSetters() {
        try (Plan plan = new Plan()) {
            plan.setYears(2021, 2025);
            Indicator i = plan.addIndicator(IndicatorDef.builder("单位工业增加值能耗").unit("吨标煤/万元").target("下降3%")
                    .targetYear(2025).attribute(Attribute.BINDING).base(2020, "0.5").note("省定").build());
            assertTrue(i.unitGiven());
            assertEquals("吨标煤/万元", i.unit());
            assertEquals(Attribute.BINDING, i.attribute());
            assertEquals(2020, i.baseYear());
            assertEquals("0.5", i.baseText());
            assertEquals(0.5, i.baseValue().getAsDouble(), 0);
            assertEquals("省定", i.note());
            Target t = i.primaryTarget().orElseThrow();
            assertEquals(2025, t.year());
            assertEquals(Change.PERCENT, t.change());
            assertEquals(-3.0, t.changeAmount().getAsDouble(), 0);
            assertEquals(TargetClass.NUMERIC, t.targetClass());
            assertEquals(0.485, t.value().getAsDouble(), 1e-9);
            plan.setIndicatorTarget(1, 2023, "完成市下达任务", Qualifier.AUTO);
            Indicator again = plan.indicator(1).orElseThrow();
            assertEquals(2, again.targets().size());
            assertEquals(TargetClass.QUALITATIVE, again.target(2023).orElseThrow().targetClass());
            assertTrue(again.target(2023).orElseThrow().value().isEmpty());
            assertEquals(2025, again.primaryTarget().orElseThrow().year());
            plan.setIndicatorTarget(1, 2023, null, Qualifier.AUTO);
            assertEquals(1, plan.indicator(1).orElseThrow().targets().size());
            plan.setIndicatorKind(1, Kind.LEVEL);
            plan.setIndicatorDirection(1, Direction.LOWER);
            plan.setIndicatorWeight(1, 3);
            plan.setIndicatorAttribute(1, Attribute.ANTICIPATORY);
            plan.setIndicatorBase(1, 2020, "0.6");
            plan.setIndicatorNote(1, null);
            plan.setIndicatorUnit(1, "");
            Indicator set = plan.indicator(1).orElseThrow();
            assertEquals(Kind.LEVEL, set.kind());
            assertEquals(Direction.LOWER, set.direction());
            assertEquals(3.0, set.weight(), 0);
            assertEquals(Attribute.ANTICIPATORY, set.attribute());
            assertEquals("0.6", set.baseText());
            assertEquals("", set.note());
            assertEquals("", set.unit());
            assertEquals(Status.VALUE, assertThrows(ZhibiaoException.class, () -> plan.setIndicatorWeight(1, -1)).code());
            assertEquals(Status.NOT_FOUND, assertThrows(ZhibiaoException.class, () -> plan.setIndicatorNote(9, "x")).code());
            assertEquals(Status.VALUE,
                    assertThrows(ZhibiaoException.class, () -> plan.setIndicatorTarget(1, 12, "5", Qualifier.AUTO)).code());
        }
        Zhibiao.Reading r = Zhibiao.classifyTarget("下降3%");
        assertEquals(TargetClass.NUMERIC, r.targetClass());
        assertEquals(Change.PERCENT, r.change());
        assertEquals(TargetClass.QUALITATIVE, Zhibiao.classifyTarget("持续提升").targetClass());
        assertEquals(TargetClass.NONE, Zhibiao.classifyTarget("—").targetClass());
        assertEquals(Kind.LEVEL, Zhibiao.inferKind("规上工业亩均税收", "万元/亩"));
    }

    @Test
    public void validatesWithLocatedFindings() {
        try (Plan plan = Plan.load(Support.data("tonglu-2024.json"))) {
            List<Finding> found = plan.validate();
            Finding unknown = found.stream().filter(f -> f.code().equals("unknown-unit")).findFirst().orElseThrow();
            assertEquals(Severity.WARNING, unknown.severity());
            assertEquals(Support.data("tonglu-2024.json").toString(), unknown.file().orElseThrow());
            assertTrue(unknown.line() > 0);
            assertTrue(unknown.column() > 0);
            assertEquals(unknown.file().get() + ":" + unknown.line() + ":" + unknown.column(), unknown.location());
            assertTrue(unknown.message(), unknown.message().startsWith("indicator 17 "));
            Finding category = found.stream().filter(f -> f.location().startsWith("category")).findFirst().orElseThrow();
            assertTrue(category.file().isEmpty());
            assertEquals(0, category.line());
            assertEquals(Severity.NOTE, category.severity());
            assertTrue(category.toString().startsWith("category 1: note: "));
        }
    }

    @Test
    public void validatesForADocument() {
        try (Plan plan = new Plan()) {
            plan.addIndicator(IndicatorDef.builder("新增企业(家)").target("5").build());
            assertTrue(plan.validate().stream().noneMatch(f -> f.code().equals("missing-title")));
            List<Finding> forNotice = plan.validate(DocumentKind.NOTICE, false, null);
            assertTrue(forNotice.stream().anyMatch(f -> f.code().equals("missing-title") && f.severity() == Severity.ERROR));
            assertThrows(ZhibiaoException.class, () -> plan.validate(DocumentKind.NONE, true, "June"));
        }
    }

    @Test
    public void findingLocationsSplitFromTheRight() {
        Finding f = new Finding(Severity.ERROR, "x", "C:/plans/a:b.json:14:7", "m");
        assertEquals("C:/plans/a:b.json", f.file().orElseThrow());
        assertEquals(14, f.line());
        assertEquals(7, f.column());
        Finding csv = new Finding(Severity.ERROR, "x", "table.csv:12", "m");
        assertEquals("table.csv", csv.file().orElseThrow());
        assertEquals(12, csv.line());
        assertEquals(0, csv.column());
        Finding none = new Finding(Severity.ERROR, "x", "indicator 20", "m");
        assertTrue(none.file().isEmpty());
        Finding empty = new Finding(Severity.ERROR, "x", "", "m");
        assertTrue(empty.file().isEmpty());
        assertEquals("error: m [x]", empty.toString());
    }

    @Test
    public void evaluatesProgress() {
        try (Plan plan = Support.tonglu()) {
            List<Progress> june = plan.evaluate("2024-06");
            assertEquals(41, june.size());
            int counted = 0;
            for (Progress p : june) {
                assertEquals(plan.indicators().get(p.index()).seq(), p.seq());
                assertFalse(p.status().isEmpty());
                assertEquals(p.standing().label(), p.status());
                if (p.standing() == Standing.MISSING)
                    assertTrue(p.actual().isEmpty());
                else
                    assertTrue(p.actual().isPresent());
                if (p.standing() == Standing.BEHIND || p.standing() == Standing.AHEAD) {
                    assertEquals(0.5, p.expected().getAsDouble(), 1e-12);
                    assertEquals(p.actual().getAsDouble() / p.target().getAsDouble(), p.completion().getAsDouble(), 1e-9);
                    counted++;
                }
            }
            assertTrue(counted > 0);
            assertEquals("滞后", Standing.BEHIND.label());
            // A tolerance changes how 左右 targets are judged, never the count.
            assertEquals(41, plan.evaluate("2024-06", -1.0).size());
            ZhibiaoException e = assertThrows(ZhibiaoException.class, () -> plan.evaluate("2024-13"));
            assertEquals(Status.VALUE, e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("2024-13"));
        }
    }

    @Test
    public void importsPublishedText() {
        try (Plan plan = Plan.importText(Support.data("published-plan.txt"))) {
            assertFalse(plan.report().isEmpty());
            assertNotEquals("", plan.title());
        }
        ZhibiaoException e = assertThrows(ZhibiaoException.class,
                () -> Plan.importTextString("这不是一份计划。", "body.txt", true));
        assertTrue(e.getMessage(), e.getMessage().contains("body.txt"));
    }

    @Test
    public void csvFromMemory() {
        String csv = "序号,类别,指标名称,目标值,责任单位\n1,牵引性指标,新增企业(家),10,县经信局\n";
        try (Plan plan = Plan.fromCsvString(csv, "upload.csv")) {
            assertEquals("新增企业(家)", plan.indicators().get(0).name());
            plan.setYear(2024);
            plan.loadActualsString("seq,period,actual\n1,2024-03,4\n", "actuals.csv");
            assertEquals(4.0, plan.actual(1, "2024-03").getAsDouble(), 0);
            ZhibiaoException e = assertThrows(ZhibiaoException.class,
                    () -> plan.loadActualsString("seq,period,actual\n7,2024-03,4\n", "more.csv"));
            assertEquals(Status.NOT_FOUND, e.code());
            assertTrue(e.getMessage(), e.getMessage().startsWith("more.csv:2:"));
        }
    }

    @Test
    public void helpers() {
        Zhibiao.Reading t = Zhibiao.parseTarget("6.5以上").orElseThrow();
        assertEquals(6.5, t.value(), 0);
        assertEquals(Qualifier.AT_LEAST, t.qualifier());
        assertTrue(Zhibiao.parseTarget("持续提升").isEmpty());
        assertEquals("家", Zhibiao.inferUnit("培育智能工厂(数字化车间)(家)"));
        assertEquals("", Zhibiao.inferUnit("新增市级以上首台(套)项目"));
        assertEquals(Kind.RATE, Zhibiao.inferKind("规上工业增加值增速"));
        assertEquals(Direction.LOWER, Zhibiao.inferDirection("单位工业增加值能耗"));
        assertTrue(Zhibiao.inferCollective("县级相关部门"));
        assertFalse(Zhibiao.inferCollective("县经信局"));
        assertEquals(Zhibiao.version(), Zhibiao.libraryVersion());
        assertTrue(Zhibiao.libraryPath().contains("libzhibiao"));
        assertEquals("cannot write output", Zhibiao.strerror(Status.WRITE));
        assertEquals("2024-06", Zhibiao.parsePeriod("2024年6月"));
        assertEquals(Status.VALUE, assertThrows(ZhibiaoException.class, () -> Zhibiao.parsePeriod("June")).code());
        assertEquals(Scoring.ALL_OR_NOTHING, Zhibiao.parseScoring("all-or-nothing"));
        assertThrows(ZhibiaoException.class, () -> Zhibiao.parseScoring("best"));
        assertThrows(ZhibiaoException.class, () -> Zhibiao.checkOutput(java.nio.file.Path.of("/no/such/folder/t.xlsx"), "xlsx"));
        try (Plan p = Plan.load(Support.data("tonglu-2024.json"))) {
            long[] counts = p.breakdownCounts();
            assertTrue(counts[0] > 0 && counts[1] > 0);
        }
    }
}
