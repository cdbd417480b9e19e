package zhibiao;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Every writer, to a file and to bytes: the same bytes either way, options that take effect. */
public class WriterTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Plan plan;
    private static Fonts fonts;

    @BeforeClass
    public static void load() {
        plan = Support.tonglu();
        fonts = Fonts.defaults();
    }

    @AfterClass
    public static void free() {
        plan.close();
        fonts.close();
    }

    private Path out(String name) {
        return tmp.getRoot().toPath().resolve(name);
    }

    private static boolean isXlsx(byte[] b) {
        return b.length > 4 && b[0] == 'P' && b[1] == 'K';
    }

    private static boolean isPdf(byte[] b) {
        return new String(Arrays.copyOf(b, 5), StandardCharsets.US_ASCII).equals("%PDF-");
    }

    /** The text of one part of an xlsx (a zip). */
    private static String part(byte[] xlsx, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;)
                if (e.getName().equals(name))
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
        throw new AssertionError(name + " not in the workbook");
    }

    @Test
    public void targetTable() throws IOException {
        byte[] mem = plan.targetTableBytes();
        assertTrue(isXlsx(mem));
        Path file = out("targets.xlsx");
        plan.writeTargetTable(file);
        assertArrayEquals(mem, Files.readAllBytes(file));
        TableOptions o = TableOptions.builder().label("附件2").title("测试标题").sheetName("指标表").unitColumn(true).headerNote("说明").build();
        byte[] labelled = plan.targetTableBytes(o);
        assertNotEquals(Arrays.hashCode(mem), Arrays.hashCode(labelled));
        String strings = part(labelled, "xl/sharedStrings.xml");
        assertTrue(strings.contains("附件2"));
        assertTrue(strings.contains("测试标题"));
        assertTrue(part(labelled, "xl/workbook.xml").contains("指标表"));
        plan.writeTargetTable(file, o);
        assertArrayEquals(labelled, Files.readAllBytes(file));
        assertEquals(o, o.toBuilder().build());
        assertEquals("附件2", o.label().orElseThrow());
        assertTrue(TableOptions.DEFAULTS.label().isEmpty());
    }

    @Test
    public void breakdown() throws IOException {
        byte[] mem = plan.breakdownBytes(BreakdownOptions.builder().title("分解表标题").build());
        assertTrue(isXlsx(mem));
        assertTrue(part(mem, "xl/sharedStrings.xml").contains("分解表标题"));
        Path file = out("breakdown.xlsx");
        plan.writeBreakdown(file, BreakdownOptions.builder().title("分解表标题").build());
        assertArrayEquals(mem, Files.readAllBytes(file));
        plan.writeBreakdown(file);
        assertArrayEquals(plan.breakdownBytes(), Files.readAllBytes(file));
    }

    @Test
    public void margins() throws IOException {
        // The type area of the notice by default (left 28 mm = 1.102 in portrait, 37 mm on the
        // breakdown's landscape sheet), or a spreadsheet's own (0.75 in).
        String doc = part(plan.targetTableBytes(), "xl/worksheets/sheet1.xml");
        assertTrue(doc, doc.contains("<pageMargins left=\"1.10236"));
        TableOptions sheet = TableOptions.builder().margins(SheetMargins.SHEET).build();
        assertTrue(part(plan.targetTableBytes(sheet), "xl/worksheets/sheet1.xml").contains("<pageMargins left=\"0.75\""));
        assertEquals(SheetMargins.DOCUMENT, TableOptions.DEFAULTS.margins());
        assertNotEquals(TableOptions.DEFAULTS, sheet);
        String bd = part(plan.breakdownBytes(), "xl/worksheets/sheet1.xml");
        assertTrue(bd, bd.contains("<pageMargins left=\"1.45669"));
        BreakdownOptions plain = BreakdownOptions.builder().margins(SheetMargins.SHEET).build();
        assertTrue(part(plan.breakdownBytes(plain), "xl/worksheets/sheet1.xml").contains("<pageMargins left=\"0.75\""));
        assertEquals(plain, plain.toBuilder().build());
    }

    @Test
    public void progressAndAssessment() throws IOException {
        byte[] june = plan.progressBytes("2024-06", ProgressSheetOptions.builder().title("六月监测").aboutTolerance(-1).build());
        assertTrue(part(june, "xl/sharedStrings.xml").contains("六月监测"));
        Path file = out("june.xlsx");
        plan.writeProgress(file, "2024-06");
        assertArrayEquals(plan.progressBytes("2024-06"), Files.readAllBytes(file));
        AssessmentOptions a = AssessmentOptions.builder().scoring(Scoring.ALL_OR_NOTHING).cap(1.5).build();
        Path year = out("2024.xlsx");
        plan.writeAssessment(year, "2024-12", a);
        assertArrayEquals(plan.assessmentBytes("2024-12", a), Files.readAllBytes(year));
        assertFalse(Arrays.equals(plan.assessmentBytes("2024-12"), plan.assessmentBytes("2024-12", a)));
        double[] scores = plan.assessmentScores("2024-12", a);
        assertEquals(plan.indicators().size(), scores.length);
        for (double x : scores)
            assertTrue(x == 0 || x == 1 || Double.isNaN(x) || x > 0);
        double[] proportional = plan.assessmentScores("2024-12", AssessmentOptions.DEFAULTS);
        assertFalse(Arrays.equals(scores, proportional));
        ZhibiaoException e = assertThrows(ZhibiaoException.class, () -> plan.progressBytes("2024-6x"));
        assertEquals(Status.VALUE, e.code());
    }

    @Test
    public void notice() throws IOException {
        NoticeOptions o = NoticeOptions.builder().fonts(fonts).build();
        byte[] mem = plan.noticeBytes(o);
        assertTrue(isPdf(mem));
        Path file = out("notice.pdf");
        PdfInfo info = plan.writeNotice(file, o);
        assertArrayEquals(mem, Files.readAllBytes(file));
        assertEquals(mem.length, info.bytes());
        assertTrue(info.pages() > 1);
        byte[] short_ = plan.noticeBytes(o.toBuilder().omitAttachments(true).omitImprint(true).sealed(true).build());
        byte[] letter = plan.noticeBytes(o.toBuilder().masthead(Masthead.LETTER).build());
        assertFalse(Arrays.equals(letter, mem));
        assertTrue(isPdf(short_));
        assertTrue(short_.length < mem.length);
        // Without fonts the library loads its defaults for the call: the same bytes.
        assertArrayEquals(mem, plan.noticeBytes());
    }

    @Test
    public void bulletin() throws IOException {
        BulletinOptions o = BulletinOptions.builder().fonts(fonts).docNumber("桐经信〔2024〕1号").build();
        byte[] mem = plan.bulletinBytes("2024-06", o);
        assertTrue(isPdf(mem));
        Path file = out("q2.pdf");
        PdfInfo info = plan.writeBulletin(file, "2024-06", o);
        assertArrayEquals(mem, Files.readAllBytes(file));
        assertTrue(info.pages() >= 1);
        assertThrows(ZhibiaoException.class, () -> plan.bulletinBytes("2030-01", o));
    }

    @Test
    public void ofd() throws IOException {
        NoticeOptions o = NoticeOptions.builder().fonts(fonts).build();
        byte[] mem = plan.ofdNoticeBytes(o);
        assertTrue(isXlsx(mem)); /* an OFD is a zip too */
        Path file = out("notice.ofd");
        PdfInfo info = plan.writeOfdNotice(file, o);
        assertArrayEquals(mem, Files.readAllBytes(file));
        assertTrue(info.pages() > 1);
        BulletinOptions b = BulletinOptions.builder().fonts(fonts).build();
        Path q2 = out("q2.ofd");
        plan.writeOfdBulletin(q2, "2024-06", b);
        assertArrayEquals(plan.ofdBulletinBytes("2024-06", b), Files.readAllBytes(q2));
        assertThrows(ZhibiaoException.class, () -> plan.ofdBulletinBytes("2024-13", b));
    }

    @Test
    public void seal() throws IOException {
        Path notPng = out("seal.png");
        Files.writeString(notPng, "not a png");
        ZhibiaoException e = assertThrows(ZhibiaoException.class,
                () -> plan.noticeBytes(NoticeOptions.builder().fonts(fonts).sealPng(notPng).build()));
        assertEquals(Status.VALUE, e.code());
        assertTrue(e.getMessage(), e.getMessage().contains("seal.png"));
    }

    @Test
    public void inputsFromMemory() throws IOException {
        Path sealFile = Support.testData("seals", "rgba8.png");
        byte[] fromFiles = plan.noticeBytes(NoticeOptions.builder().fonts(fonts).sealPng(sealFile).build());
        try (Fonts mine = new Fonts()) {
            for (FontRole r : FontRole.values())
                mine.set(r, Files.readAllBytes(Path.of(fonts.file(r))), fonts.faceIndex(r), "db:" + r);
            for (String f : fonts.fallbacks())
                mine.addFallback(Files.readAllBytes(Path.of(f)), 0, null);
            assertEquals("db:BODY", mine.file(FontRole.BODY));
            assertTrue(mine.describe(FontRole.BODY).contains("db:BODY (bytes in memory)"));
            NoticeOptions o = NoticeOptions.builder().fonts(mine).sealPngBytes(Files.readAllBytes(sealFile)).build();
            assertArrayEquals(fromFiles, plan.noticeBytes(o));
            Path file = out("sealed.pdf");
            plan.writeNotice(file, o);
            assertArrayEquals(fromFiles, Files.readAllBytes(file));
            ZhibiaoException twice = assertThrows(ZhibiaoException.class,
                    () -> plan.noticeBytes(o.toBuilder().sealPng(sealFile).build()));
            assertEquals(Status.ARGUMENT, twice.code());
            ZhibiaoException notPng = assertThrows(ZhibiaoException.class,
                    () -> plan.bulletinBytes("2024-06", BulletinOptions.builder().fonts(mine)
                            .sealPngBytes("not a png".getBytes(StandardCharsets.UTF_8)).build()));
            assertTrue(notPng.getMessage(), notPng.getMessage().contains("seal (bytes in memory)"));
            ZhibiaoException bad = assertThrows(ZhibiaoException.class,
                    () -> mine.set(FontRole.TITLE, "junk".getBytes(StandardCharsets.UTF_8), 0, "junk.ttf"));
            assertTrue(bad.getMessage(), bad.getMessage().startsWith("junk.ttf: "));
        }
        assertThrows(IllegalArgumentException.class, () -> NoticeOptions.builder().sealPngBytes(new byte[0]));
    }

    @Test
    public void scratchFolder() throws IOException {
        Path scratch = tmp.newFolder("scratch").toPath();
        byte[] mem = plan.targetTableBytes(TableOptions.builder().scratchDir(scratch).build());
        assertArrayEquals(plan.targetTableBytes(), mem);
        try (var left = Files.list(scratch)) {
            assertEquals(0, left.count());
        }
        Path missing = scratch.resolve("missing");
        ZhibiaoException e = assertThrows(ZhibiaoException.class,
                () -> plan.breakdownBytes(BreakdownOptions.builder().scratchDir(missing).build()));
        assertEquals(Status.WRITE, e.code());
        assertEquals(missing + " (the scratch_dir option): cannot hold temporary files: No such file or directory",
                e.getMessage());
        assertThrows(ZhibiaoException.class, () -> plan.writeProgress(out("p.xlsx"), "2024-06",
                ProgressSheetOptions.builder().scratchDir(missing).build()));
        assertThrows(ZhibiaoException.class, () -> plan.assessmentBytes("2024-12",
                AssessmentOptions.builder().scratchDir(missing).build()));
    }

    @Test
    public void fonts() {
        for (FontRole r : FontRole.values()) {
            assertFalse(fonts.file(r).isEmpty());
            assertTrue(fonts.faceIndex(r) >= 0);
            assertTrue(fonts.describe(r).startsWith(r.name().toLowerCase()));
        }
        assertFalse(fonts.fallbacks().isEmpty());
        try (Fonts mine = new Fonts()) {
            assertEquals("", mine.file(FontRole.BODY));
            assertEquals(-1, mine.faceIndex(FontRole.BODY));
            mine.set(FontRole.BODY, Path.of(fonts.file(FontRole.BODY)), fonts.faceIndex(FontRole.BODY));
            assertEquals(fonts.file(FontRole.BODY), mine.file(FontRole.BODY));
            mine.addFallback(Path.of(fonts.fallbacks().get(0)));
            assertEquals(1, mine.fallbacks().size());
        }
    }
}
