package zhibiao;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The writers check the plan for their document first, as the command line and Python do: a
 * plan with errors is refused (INVALID, the errors listed and in the report) and nothing is
 * written, unless the options say force(true); warnings never stop a write.
 */
public class WriterCheckTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Fonts fonts;

    @BeforeClass
    public static void load() {
        fonts = Fonts.defaults();
    }

    @AfterClass
    public static void free() {
        fonts.close();
    }

    private Path out(String name) {
        return tmp.getRoot().toPath().resolve(name);
    }

    /** A destination already holding something, to see that a refused write leaves it. */
    private Path existing(String name) throws IOException {
        Path p = out(name);
        Files.write(p, "earlier".getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static void assertUnchanged(Path p) throws IOException {
        assertEquals("earlier", new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
    }

    private static List<String> codes(ZhibiaoException e) {
        return e.report().stream().map(Finding::code).collect(Collectors.toList());
    }

    /** The 桐庐 plan with no title and no organ: everything else a notice needs. */
    private static Plan untitled() {
        Plan plan = Support.tonglu();
        plan.setMeta(Meta.TITLE, "");
        plan.setMeta(Meta.ORGAN, "");
        return plan;
    }

    private static ZhibiaoException refused(String what, Runnable write) {
        ZhibiaoException e = assertThrows(ZhibiaoException.class, write::run);
        assertEquals(Status.INVALID, e.code());
        assertTrue(e.getMessage(), e.getMessage().startsWith(what + ": the plan has "));
        assertTrue(e.getMessage(), e.getMessage().contains("; nothing written (force(true) writes it anyway):\n  "));
        assertFalse(e.report().isEmpty());
        for (Finding f : e.report())
            assertEquals(Severity.ERROR, f.severity());
        // The first ten are listed, one a line.
        for (Finding f : e.report().subList(0, Math.min(10, e.report().size())))
            assertTrue(e.getMessage(), e.getMessage().contains("\n  " + f));
        return e;
    }

    @Test
    public void noticeWithoutTitleAndOrganIsRefusedAndNothingWritten() throws IOException {
        try (Plan plan = untitled()) {
            NoticeOptions o = NoticeOptions.builder().fonts(fonts).build();
            Path pdf = existing("notice.pdf");
            ZhibiaoException e = refused("writeNotice", () -> plan.writeNotice(pdf, o));
            assertEquals(List.of("missing-title", "missing-organ"), codes(e));
            assertTrue(e.getMessage(), e.getMessage().contains("the plan has 2 errors;"));
            assertTrue(e.getMessage(), e.getMessage().contains("[missing-title]"));
            assertTrue(e.getMessage(), e.getMessage().contains("[missing-organ]"));
            assertUnchanged(pdf);
            assertEquals(List.of("missing-title", "missing-organ"), codes(refused("noticeBytes", () -> plan.noticeBytes(o))));
            Path ofd = existing("notice.ofd");
            refused("writeOfdNotice", () -> plan.writeOfdNotice(ofd, o));
            assertUnchanged(ofd);
            refused("ofdNoticeBytes", () -> plan.ofdNoticeBytes(o));
            // The defaults check too (no fonts given).
            Path plain = existing("plain.pdf");
            refused("writeNotice", () -> plan.writeNotice(plain));
            assertUnchanged(plain);
        }
    }

    @Test
    public void oneErrorIsSaidInTheSingular() {
        try (Plan plan = Support.tonglu()) {
            plan.setMeta(Meta.ORGAN, "");
            ZhibiaoException e = refused("noticeBytes", () -> plan.noticeBytes(NoticeOptions.builder().fonts(fonts).build()));
            assertEquals(List.of("missing-organ"), codes(e));
            assertTrue(e.getMessage(), e.getMessage().contains("the plan has 1 error;"));
        }
    }

    @Test
    public void forceWritesTheNoticeAnyway() throws IOException {
        try (Plan plan = untitled()) {
            NoticeOptions o = NoticeOptions.builder().fonts(fonts).force(true).build();
            assertTrue(o.force());
            assertFalse(o.toBuilder().force(false).build().force());
            assertEquals(o, o.toBuilder().build());
            assertFalse(o.equals(o.toBuilder().force(false).build()));
            Path pdf = existing("notice.pdf");
            PdfInfo info = plan.writeNotice(pdf, o);
            byte[] written = Files.readAllBytes(pdf);
            assertTrue(new String(written, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
            assertTrue(info.pages() >= 1);
            assertArrayEquals(written, plan.noticeBytes(o));
            Path ofd = existing("notice.ofd");
            plan.writeOfdNotice(ofd, o);
            assertArrayEquals(Files.readAllBytes(ofd), plan.ofdNoticeBytes(o));
        }
    }

    @Test
    public void bulletinWithoutOrganIsRefused() throws IOException {
        try (Plan plan = untitled()) {
            BulletinOptions o = BulletinOptions.builder().fonts(fonts).build();
            Path pdf = existing("bulletin.pdf");
            // A bulletin makes its own title: only the organ is an error.
            ZhibiaoException e = refused("writeBulletin", () -> plan.writeBulletin(pdf, "2024-06", o));
            assertEquals(List.of("missing-organ"), codes(e));
            assertUnchanged(pdf);
            refused("bulletinBytes", () -> plan.bulletinBytes("2024-06", o));
            refused("writeOfdBulletin", () -> plan.writeOfdBulletin(pdf, "2024-06", o));
            assertUnchanged(pdf);
            refused("ofdBulletinBytes", () -> plan.ofdBulletinBytes("2024-06", o));
            BulletinOptions forced = o.toBuilder().force(true).build();
            plan.writeBulletin(pdf, "2024-06", forced);
            assertArrayEquals(Files.readAllBytes(pdf), plan.bulletinBytes("2024-06", forced));
        }
    }

    @Test
    public void tablesOfAPlanWithNoIndicatorsAreRefused() throws IOException {
        try (Plan plan = new Plan()) {
            plan.setMeta(Meta.TITLE, "测试县2025年工作要点");
            plan.setMeta(Meta.ORGAN, "测试县人民政府");
            plan.setYear(2025);
            Path xlsx = existing("table.xlsx");
            ZhibiaoException e = refused("writeTargetTable", () -> plan.writeTargetTable(xlsx));
            assertEquals(List.of("no-indicators"), codes(e));
            assertTrue(e.getMessage(), e.getMessage().contains("the plan has 1 error;"));
            assertUnchanged(xlsx);
            assertEquals(List.of("no-indicators"), codes(refused("targetTableBytes", () -> plan.targetTableBytes())));
            refused("writeProgress", () -> plan.writeProgress(xlsx, "2025-06"));
            refused("progressBytes", () -> plan.progressBytes("2025-06"));
            refused("writeAssessment", () -> plan.writeAssessment(xlsx, "2025-12"));
            refused("assessmentBytes", () -> plan.assessmentBytes("2025-12"));
            assertUnchanged(xlsx);
            byte[] forced = plan.targetTableBytes(TableOptions.builder().force(true).build());
            assertTrue(forced.length > 4 && forced[0] == 'P' && forced[1] == 'K');
            plan.writeTargetTable(xlsx, TableOptions.builder().force(true).build());
            assertFalse(Files.readString(xlsx, StandardCharsets.ISO_8859_1).equals("earlier"));
        }
    }

    @Test
    public void aValidPlanWritesTheSameBytesForcedOrNot() {
        try (Plan plan = Support.tonglu()) {
            NoticeOptions n = NoticeOptions.builder().fonts(fonts).build();
            assertArrayEquals(plan.noticeBytes(n), plan.noticeBytes(n.toBuilder().force(true).build()));
            BulletinOptions b = BulletinOptions.builder().fonts(fonts).build();
            assertArrayEquals(plan.bulletinBytes("2024-06", b), plan.bulletinBytes("2024-06", b.toBuilder().force(true).build()));
            assertArrayEquals(plan.targetTableBytes(), plan.targetTableBytes(TableOptions.builder().force(true).build()));
            assertArrayEquals(plan.breakdownBytes(), plan.breakdownBytes(BreakdownOptions.builder().force(true).build()));
            assertArrayEquals(plan.progressBytes("2024-06"),
                    plan.progressBytes("2024-06", ProgressSheetOptions.builder().force(true).build()));
            assertArrayEquals(plan.assessmentBytes("2024-12"),
                    plan.assessmentBytes("2024-12", AssessmentOptions.builder().force(true).build()));
        }
    }

    @Test
    public void warningsNeverStopAWrite() {
        try (Plan plan = Support.tonglu()) {
            // No one reported for a month of another year: the check warns, the write goes on.
            List<Finding> found = plan.validate(DocumentKind.PROGRESS, true, "2024-01");
            assertTrue(found.stream().noneMatch(f -> f.severity() == Severity.ERROR));
            plan.setMeta(Meta.PRINTER, "");
            assertTrue(plan.validate(DocumentKind.NOTICE, false, null).stream()
                    .anyMatch(f -> f.code().equals("no-imprint") && f.severity() == Severity.WARNING));
            assertTrue(plan.noticeBytes(NoticeOptions.builder().fonts(fonts).build()).length > 0);
            assertTrue(plan.progressBytes("2024-01").length > 0);
        }
    }

    @Test
    public void aPeriodTheLibraryCannotReadIsRefusedByName() {
        try (Plan plan = Support.tonglu()) {
            for (Function<String, byte[]> write : List.<Function<String, byte[]>>of(plan::progressBytes,
                    plan::assessmentBytes, p -> plan.bulletinBytes(p, BulletinOptions.builder().fonts(fonts).build()))) {
                ZhibiaoException e = assertThrows(ZhibiaoException.class, () -> write.apply("2024-13"));
                assertEquals(Status.VALUE, e.code());
                assertTrue(e.getMessage(), e.getMessage().contains("2024-13"));
            }
            // Another spelling of a month the library reads is taken, as the writers take it.
            assertArrayEquals(plan.progressBytes("2024-06"), plan.progressBytes("2024年6月"));
        }
    }

    @Test
    public void manyErrorsAreShownUpToTenAndAllReported() {
        try (Plan plan = new Plan()) {
            plan.setYear(2025);
            for (int k = 1; k <= 13; k++)
                plan.addIndicator(IndicatorDef.builder("").seq(k).target("100").build());
            ZhibiaoException e = refused("targetTableBytes", () -> plan.targetTableBytes());
            assertEquals(13, e.report().size());
            assertTrue(e.report().stream().allMatch(f -> f.code().equals("empty-name")));
            assertTrue(e.getMessage(), e.getMessage().contains("the plan has 13 errors;"));
            assertTrue(e.getMessage(), e.getMessage().endsWith("\n  … and 3 more"));
            assertEquals(11, e.getMessage().split("\n  ").length - 1);
        }
    }
}
