package zhibiao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Every failure is a ZhibiaoException with the C status and the library's located message. */
public class ErrorTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aBrokenPlanNamesWhere() throws IOException {
        Path broken = tmp.getRoot().toPath().resolve("broken.json");
        Files.writeString(broken, "{\n  \"format\": \"zhibiao/1\",\n  \"year\": \"2024\"\n}\n");
        ZhibiaoException e = assertThrows(ZhibiaoException.class, () -> Plan.load(broken));
        assertEquals(Status.SCHEMA, e.code());
        assertEquals(broken + ":3:11: year: expected an integer, got a string", e.getMessage());
        assertTrue(e instanceof RuntimeException);
    }

    @Test
    public void theBadInputCorpus() throws IOException {
        // Each bad input of tests/data/bad fails with the message its .expect names.
        List<String> failures = new ArrayList<>();
        int n = 0;
        try (var files = Files.list(Support.testData("bad"))) {
            for (Path input : (Iterable<Path>) files.sorted()::iterator) {
                String name = input.getFileName().toString();
                if (name.endsWith(".expect"))
                    continue;
                Path expect = input.resolveSibling(name.replaceAll("\\.[a-z]+$", ".expect"));
                if (!Files.exists(expect))
                    continue;
                String want = Files.readString(expect, StandardCharsets.UTF_8).strip();
                n++;
                try (Plan p = Plan.load(input)) {
                    failures.add(name + ": loaded " + p);
                } catch (ZhibiaoException e) {
                    String got = e.getMessage().replace(input.getParent().toString() + File.separator, "");
                    if (!got.contains(want))
                        failures.add(name + ": " + got + " (want " + want + ")");
                    if (e.code() == Status.OK)
                        failures.add(name + ": status OK");
                }
            }
        }
        assertTrue(n > 20);
        assertEquals(List.of(), failures);
    }

    @Test
    public void fromJsonNamesTheInput() {
        ZhibiaoException e = assertThrows(ZhibiaoException.class,
                () -> Plan.fromJson("{\"format\": \"zhibiao/1\", \"years\": [2023, 2021]}", "request body"));
        assertEquals(Status.VALUE, e.code());
        assertTrue(e.getMessage(), e.getMessage().startsWith("request body:1:"));
        ZhibiaoException syntax = assertThrows(ZhibiaoException.class, () -> Plan.fromJson("{"));
        assertEquals(Status.SYNTAX, syntax.code());
        assertTrue(syntax.getMessage(), syntax.getMessage().startsWith("<string>:1:"));
    }

    @Test
    public void aFailedWriteLeavesTheDestination() throws IOException {
        try (Plan plan = Plan.load(Support.data("wuyi-2022.json"))) {
            Path missing = tmp.getRoot().toPath().resolve("no-such-folder").resolve("t.xlsx");
            ZhibiaoException e = assertThrows(ZhibiaoException.class, () -> plan.writeTargetTable(missing));
            assertEquals(Status.WRITE, e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("no-such-folder"));
            Path kept = tmp.newFile("kept.xlsx").toPath();
            Files.writeString(kept, "before");
            assertThrows(ZhibiaoException.class, () -> plan.writeProgress(kept, "1999-01"));
            assertEquals("before", Files.readString(kept));
        }
    }

    @Test
    public void fontsReportTheirFile() throws IOException {
        Path notAFont = tmp.newFile("not-a-font.ttf").toPath();
        Files.writeString(notAFont, "text");
        try (Fonts fonts = new Fonts()) {
            ZhibiaoException e = assertThrows(ZhibiaoException.class, () -> fonts.set(FontRole.BODY, notAFont));
            assertTrue(e.getMessage(), e.getMessage().startsWith(notAFont.toString()));
            assertEquals("", fonts.file(FontRole.BODY)); // unchanged
            ZhibiaoException io = assertThrows(ZhibiaoException.class,
                    () -> fonts.set(FontRole.TITLE, tmp.getRoot().toPath().resolve("absent.ttf")));
            assertEquals(Status.IO, io.code());
        }
    }

    @Test
    public void javaMistakesAreJavaExceptions() {
        try (Plan plan = new Plan()) {
            assertThrows(NullPointerException.class, () -> plan.writeTargetTable(null));
            assertThrows(NullPointerException.class, () -> plan.targetTableBytes(null));
            assertThrows(IllegalArgumentException.class, () -> TableOptions.builder().bodySize(Double.NaN));
            assertThrows(IllegalArgumentException.class, () -> Status.of(99));
        }
    }

    @Test
    public void aMissingLibrarySaysWhereItLooked() throws Exception {
        // In a JVM of its own: the library is loaded once per JVM.
        String java = System.getProperty("zhibiao.java", "java");
        String cp = System.getProperty("zhibiao.classpath", System.getProperty("java.class.path"));
        Path absent = tmp.getRoot().toPath().resolve("libabsent.so");
        Process p = new ProcessBuilder(java, "-Dzhibiao.library=" + absent, "-cp", cp, "zhibiao.LoadProbe")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(out, 0, p.waitFor());
        assertTrue(out, out.contains("system property zhibiao.library=" + absent + " cannot be loaded"));
        assertFalse(out, out.contains("loaded "));
    }
}
