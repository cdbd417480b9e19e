package zhibiao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sun.jna.Structure;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The binding against the C headers: the one declaration holds every ZB_API function with
 * its number of parameters and nothing else, every enum has the header's constants and
 * values, every struct the header's fields in order, and the versions agree.
 */
public class ConsistencyTest {
    private static String text;

    @BeforeClass
    public static void read() throws IOException {
        StringBuilder b = new StringBuilder();
        try (var files = Files.list(Support.source().resolve("include").resolve("zhibiao"))) {
            for (Path h : (Iterable<Path>) files.sorted()::iterator)
                if (h.toString().endsWith(".h"))
                    b.append(Files.readString(h, StandardCharsets.UTF_8)).append('\n');
        }
        text = b.toString().replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    /** {name: number of parameters} of every ZB_API function. */
    private static Map<String, Integer> functions() {
        Map<String, Integer> out = new TreeMap<>();
        Matcher m = Pattern.compile("ZB_API\\s+[^;(]*?\\b(zb_\\w+)\\s*\\(([^)]*)\\)\\s*;").matcher(text);
        while (m.find()) {
            String params = m.group(2).trim();
            out.put(m.group(1), params.equals("void") || params.isEmpty() ? 0 : params.split(",").length);
        }
        return out;
    }

    @Test
    public void everyFunctionIsDeclaredOnce() {
        Map<String, Integer> c = functions();
        assertTrue(c.size() > 150);
        Map<String, Integer> java = new TreeMap<>();
        for (Method m : ZbLibrary.class.getDeclaredMethods())
            if (m.getName().startsWith("zb_"))
                assertEquals(m.getName() + " declared twice", null, java.put(m.getName(), m.getParameterCount()));
        assertEquals(new TreeSet<>(c.keySet()), new TreeSet<>(java.keySet()));
        assertEquals(c, java);
    }

    @Test
    public void everyDeclaredFunctionIsInTheLibrary() {
        com.sun.jna.NativeLibrary lib = com.sun.jna.NativeLibrary.getInstance(Zhibiao.libraryPath());
        List<String> missing = new ArrayList<>();
        for (Method m : ZbLibrary.class.getDeclaredMethods()) {
            try {
                lib.getFunction(m.getName());
            } catch (UnsatisfiedLinkError e) {
                missing.add(m.getName());
            }
        }
        assertEquals(List.of(), missing);
    }

    /** {constant: value} of a C enum, values counted as C does. */
    private static Map<String, Integer> cEnum(String name) {
        Matcher m = Pattern.compile("typedef\\s+enum\\s+" + name + "\\s*\\{([^}]*)\\}").matcher(text);
        assertTrue(name, m.find());
        Map<String, Integer> out = new LinkedHashMap<>();
        int next = 0;
        for (String item : m.group(1).split(",")) {
            item = item.trim();
            if (item.isEmpty())
                continue;
            String[] kv = item.split("=");
            int v = kv.length > 1 ? Integer.parseInt(kv[1].trim()) : next;
            out.put(kv[0].trim(), v);
            next = v + 1;
        }
        return out;
    }

    private static <E extends Enum<E>> void sameEnum(String cName, String prefix, Class<E> java,
                                                     java.util.function.ToIntFunction<E> value) {
        Map<String, Integer> want = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : cEnum(cName).entrySet()) {
            String k = e.getKey();
            if (k.equals("ZB_OK"))
                want.put("OK", e.getValue());
            else
                want.put(k.substring(prefix.length()), e.getValue());
        }
        Map<String, Integer> got = new LinkedHashMap<>();
        for (E e : java.getEnumConstants())
            got.put(e.name(), value.applyAsInt(e));
        assertEquals(cName, want, got);
    }

    @Test
    public void enumsHaveTheHeadersValues() {
        sameEnum("zb_status", "ZB_ERR_", Status.class, Status::value);
        sameEnum("zb_meta", "ZB_META_", Meta.class, Meta::value);
        sameEnum("zb_date_field", "ZB_DATE_", DateField.class, DateField::value);
        sameEnum("zb_qualifier", "ZB_QUAL_", Qualifier.class, Qualifier::value);
        sameEnum("zb_kind", "ZB_KIND_", Kind.class, Kind::value);
        sameEnum("zb_direction", "ZB_DIR_", Direction.class, Direction::value);
        sameEnum("zb_part", "ZB_PART_", Part.class, Part::value);
        sameEnum("zb_attachment_kind", "ZB_ATTACH_", AttachmentKind.class, AttachmentKind::value);
        sameEnum("zb_severity", "ZB_SEV_", Severity.class, Severity::value);
        sameEnum("zb_standing", "ZB_STANDING_", Standing.class, Standing::value);
        sameEnum("zb_font_role", "ZB_FONT_", FontRole.class, FontRole::value);
        sameEnum("zb_scoring", "ZB_SCORING_", Scoring.class, Scoring::value);
        sameEnum("zb_attribute", "ZB_ATTR_", Attribute.class, Attribute::value);
        sameEnum("zb_target_class", "ZB_TARGET_", TargetClass.class, TargetClass::value);
        sameEnum("zb_change", "ZB_CHANGE_", Change.class, Change::value);
        sameEnum("zb_document_kind", "ZB_DOCUMENT_", DocumentKind.class, DocumentKind::value);
        sameEnum("zb_masthead", "ZB_MASTHEAD_", Masthead.class, Masthead::value);
        sameEnum("zb_sheet_margins", "ZB_MARGINS_", SheetMargins.class, SheetMargins::value);
    }

    /** Field names of a C struct, in order. */
    private static List<String> cFields(String name) {
        Matcher m = Pattern.compile("typedef\\s+struct\\s+" + name + "\\s*\\{(.*?)\\}\\s*" + name + "\\s*;",
                Pattern.DOTALL).matcher(text);
        assertTrue(name, m.find());
        List<String> out = new ArrayList<>();
        for (String decl : m.group(1).split(";")) {
            decl = decl.trim();
            if (decl.isEmpty())
                continue;
            Matcher f = Pattern.compile("(\\w+)\\s*(\\[[^]]*\\])?$").matcher(decl);
            assertTrue(decl, f.find());
            out.add(f.group(1));
        }
        return out;
    }

    private static List<String> javaFields(Structure s) {
        List<String> out = new ArrayList<>();
        for (Class<?> c = s.getClass(); c != null && c != Structure.class; c = c.getSuperclass()) {
            Structure.FieldOrder order = c.getAnnotation(Structure.FieldOrder.class);
            if (order != null)
                return List.of(order.value());
        }
        return out;
    }

    @Test
    public void structsHaveTheHeadersFields() {
        Map<String, Structure> structs = new LinkedHashMap<>();
        structs.put("zb_error", new ZbLibrary.ZbError());
        structs.put("zb_date", new ZbLibrary.ZbDate());
        structs.put("zb_indicator_def", new ZbLibrary.IndicatorDefStruct());
        structs.put("zb_task_def", new ZbLibrary.TaskDefStruct());
        structs.put("zb_prose_target_def", new ZbLibrary.ProseTargetDefStruct());
        structs.put("zb_csv_options", new ZbLibrary.CsvOptionsStruct());
        structs.put("zb_import_options", new ZbLibrary.ImportOptionsStruct());
        structs.put("zb_progress_options", new ZbLibrary.ProgressOptionsStruct());
        structs.put("zb_table_options", new ZbLibrary.TableOptionsStruct());
        structs.put("zb_breakdown_options", new ZbLibrary.BreakdownOptionsStruct());
        structs.put("zb_progress_sheet_options", new ZbLibrary.ProgressSheetOptionsStruct());
        structs.put("zb_assessment_options", new ZbLibrary.AssessmentOptionsStruct());
        structs.put("zb_notice_options", new ZbLibrary.NoticeOptionsStruct());
        structs.put("zb_bulletin_options", new ZbLibrary.BulletinOptionsStruct());
        structs.put("zb_pdf_info", new ZbLibrary.PdfInfoStruct());
        structs.put("zb_validate_options", new ZbLibrary.ValidateOptionsStruct());
        Matcher all = Pattern.compile("typedef\\s+struct\\s+(zb_\\w+)\\s*\\{").matcher(text);
        TreeSet<String> declared = new TreeSet<>();
        while (all.find())
            declared.add(all.group(1));
        assertEquals(declared, new TreeSet<>(structs.keySet()));
        for (Map.Entry<String, Structure> e : structs.entrySet())
            assertEquals(e.getKey(), cFields(e.getKey()), javaFields(e.getValue()));
        assertEquals(12, new ZbLibrary.ZbDate().size());
        assertEquals(4 + 1024, new ZbLibrary.ZbError().size());
    }

    @Test
    public void versionsAgree() throws IOException {
        Matcher m = Pattern.compile("#define ZB_VERSION \"([^\"]+)\"").matcher(
                Files.readString(Support.source().resolve("include/zhibiao/common.h"), StandardCharsets.UTF_8));
        assertTrue(m.find());
        assertEquals(m.group(1), Zhibiao.version());
        assertEquals(m.group(1), Zhibiao.libraryVersion());
    }
}
