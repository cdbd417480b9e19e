package zhibiao;

import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The library itself and its helpers that need no plan: versions, where it was loaded from,
 * and how it reads targets, units, kinds and directions from text.
 *
 * <p>libzhibiao is found, at first use, through the {@code zhibiao.library} system property,
 * then the {@code ZHIBIAO_LIBRARY} environment variable (either, when set, is the only place
 * tried), then the system ({@code jna.library.path}, {@code java.library.path}, the dynamic
 * loader). When it cannot be loaded, every call throws {@link UnsatisfiedLinkError} saying
 * where it looked.
 */
public final class Zhibiao {
    private Zhibiao() {
    }

    /** The version of this binding, e.g. "0.1.0" (the jar is zhibiao-VERSION.jar). */
    public static String version() {
        return Version.VERSION;
    }

    /** The version of the loaded library (zb_version()); it must equal {@link #version()}. */
    public static String libraryVersion() {
        return Lib.c().zb_version();
    }

    /** The file the library was loaded from. */
    public static String libraryPath() {
        return Lib.path();
    }

    /** The category of a status in words (zb_strerror()). */
    public static String strerror(Status status) {
        return Objects.requireNonNull(status, "status").describe();
    }

    /** A target cell as read: what it holds, its number, qualifier and how it is stated. */
    public static final class Reading {
        private final TargetClass targetClass;
        private final double value;
        private final Qualifier qualifier;
        private final Change change;

        Reading(TargetClass targetClass, double value, Qualifier qualifier, Change change) {
            this.targetClass = targetClass;
            this.value = value;
            this.qualifier = qualifier;
            this.change = change;
        }

        /** What the cell holds. */
        public TargetClass targetClass() {
            return targetClass;
        }

        /** How the number is stated: the value itself or a change (下降3% → PERCENT, −3). */
        public Change change() {
            return change;
        }

        /** The number, e.g. 6.5 for "6.5以上", −3 for "下降3%"; NaN when the cell holds none. */
        public double value() {
            return value;
        }

        /** The qualifier written around it ({@link Qualifier#NONE} when none). */
        public Qualifier qualifier() {
            return qualifier;
        }

        @Override
        public String toString() {
            return targetClass + " " + value + " " + qualifier + " " + change;
        }
    }

    /**
     * Reads a target as displayed (zb_parse_target()): "6.5以上" → 6.5 AT_LEAST, "450" → 450
     * NONE; empty when the text holds no single number ("持续提升").
     */
    public static Optional<Reading> parseTarget(String text) {
        DoubleByReference value = new DoubleByReference();
        IntByReference qualifier = new IntByReference();
        if (Lib.c().zb_parse_target(Objects.requireNonNull(text, "text"), value, qualifier) == 0)
            return Optional.empty();
        return Optional.of(new Reading(TargetClass.NUMERIC, value.getValue(), Qualifier.of(qualifier.getValue()),
                Change.NONE));
    }

    /**
     * What a target cell holds (zb_classify_target()): a number, maybe qualified or a stated
     * change ("下降3%"), a qualitative phrase ("完成市下达任务"), a placeholder ("—") or
     * unrecognised text.
     */
    public static Reading classifyTarget(String text) {
        DoubleByReference value = new DoubleByReference();
        IntByReference qualifier = new IntByReference();
        IntByReference change = new IntByReference();
        TargetClass k = TargetClass.of(Lib.c().zb_classify_target(Objects.requireNonNull(text, "text"), value,
                qualifier, change));
        return new Reading(k, value.getValue(), Qualifier.of(qualifier.getValue()), Change.of(change.getValue()));
    }

    /** The kind a name suggests with the unit written apart from it (万元/亩 → LEVEL). */
    public static Kind inferKind(String name, String unit) {
        return Kind.of(Lib.c().zb_infer_kind_with_unit(Objects.requireNonNull(name, "name"), unit));
    }

    /** The measurement unit a name carries in its last (…): 培育智能工厂(数字化车间)(家) → 家; "" when none. */
    public static String inferUnit(String name) {
        byte[] data = Objects.requireNonNull(name, "name").getBytes(StandardCharsets.UTF_8);
        byte[] buf = new byte[data.length + 1];
        int n = (int) Lib.c().zb_infer_unit(name, buf, new ZbLibrary.SizeT(buf.length)).longValue();
        return new String(buf, 0, Math.min(n, buf.length - 1), StandardCharsets.UTF_8);
    }

    /** The kind a name suggests (增速 → RATE, 占比 → LEVEL, else CUMULATIVE). */
    public static Kind inferKind(String name) {
        return Kind.of(Lib.c().zb_infer_kind(Objects.requireNonNull(name, "name")));
    }

    /** The direction a name suggests (能耗, 排放 → LOWER unless 下降…). */
    public static Direction inferDirection(String name) {
        return Direction.of(Lib.c().zb_infer_direction(Objects.requireNonNull(name, "name")));
    }

    /** Whether a responsible-unit name stands for a group (县级相关部门, 各乡镇（街道）). */
    public static boolean inferCollective(String name) {
        return Lib.c().zb_infer_collective(Objects.requireNonNull(name, "name")) != 0;
    }

    private static void check(int st, ZbLibrary.ZbError err) {
        if (st != 0)
            throw ZhibiaoException.of(st, err.text());
    }

    /**
     * A month as the library reads it (2024-06, 2024-6, 2024年6月, 2024.06, …), written
     * "YYYY-MM" (zb_progress_parse_period()); {@link ZhibiaoException} ({@link Status#VALUE})
     * saying why for text that is not a month.
     */
    public static String parsePeriod(String text) {
        byte[] out = new byte[8];
        ZbLibrary.ZbError err = new ZbLibrary.ZbError();
        check(Lib.c().zb_progress_parse_period(Objects.requireNonNull(text, "text"), out, err), err);
        return new String(out, 0, 7, StandardCharsets.US_ASCII);
    }

    /** A scoring rule by name ("proportional", "all-or-nothing", …; zb_xlsx_parse_scoring()). */
    public static Scoring parseScoring(String text) {
        com.sun.jna.ptr.IntByReference out = new com.sun.jna.ptr.IntByReference();
        ZbLibrary.ZbError err = new ZbLibrary.ZbError();
        check(Lib.c().zb_xlsx_parse_scoring(Objects.requireNonNull(text, "text"), out, err), err);
        return Scoring.of(out.getValue());
    }

    /**
     * Whether a document of this extension ("xlsx", "pdf", "ofd", "json") may be written to
     * {@code path}, by the library's own rule, before anything is made (zb_output_check());
     * {@link ZhibiaoException} saying why not.
     */
    public static void checkOutput(java.nio.file.Path path, String extension) {
        ZbLibrary.ZbError err = new ZbLibrary.ZbError();
        check(Lib.c().zb_output_check(Objects.requireNonNull(path, "path").toString(),
                Objects.requireNonNull(extension, "extension"), err), err);
    }
}
