package zhibiao;

import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * An indicator system (指标体系) and the document around it (zb_plan): metadata, responsible
 * units, categories, indicators, tasks, body text, attachments and period actuals, and the
 * documents written from it.
 *
 * <p>Make one empty and fill it, or load one: {@link #load(Path)}, {@link #fromJson(String)},
 * {@link #fromCsv(Path)}, {@link #importText(Path)}. Close it when done
 * ({@code try (Plan plan = Plan.load(path))}); using it afterwards throws
 * {@link ZhibiaoException} ({@link Status#ARGUMENT}, "the plan is closed"), never crashes.
 * What is read from a plan ({@link Indicator}, {@link Task}, {@link Progress}, …) is a
 * snapshot that stays valid after the plan changes or is closed.
 *
 * <p>Threads: any number of threads may read a plan and write documents from it at once; a
 * change (a setter, an add, a load) waits for them, and they for it. Every failed C call
 * throws {@link ZhibiaoException} with the library's located message; a failed call changes
 * nothing.
 *
 * <p>Every writer first checks the plan for its document ({@link #validate(DocumentKind, boolean, String)},
 * with the actuals up to the period for the monitoring workbook, the assessment and the
 * bulletin) and refuses a plan with errors: {@link ZhibiaoException} ({@link Status#INVALID})
 * listing them, every one in {@link ZhibiaoException#report()}, nothing written; the options'
 * {@code force(true)} writes it anyway. Warnings never stop a write.
 */
public final class Plan implements AutoCloseable {
    private final Handle<ZbLibrary.PlanPtr> handle;
    private List<Finding> report = List.of();

    /** A new, empty plan. */
    public Plan() {
        ZbLibrary c = Lib.c();
        handle = new Handle<>(this, c.zb_plan_new(), c::zb_plan_free, "plan");
    }

    // ---- loading ---------------------------------------------------------------------------

    private static Plan loaded(ToIntFunction<ZbLibrary.PlanPtr> load) {
        Plan plan = new Plan();
        try {
            plan.change(load);
        } catch (RuntimeException e) {
            plan.close();
            throw e;
        }
        return plan;
    }

    /**
     * Loads a plan from a file by the library's rule (zb_plan_load()), as the command line and
     * the Python binding do: a {@code .json} file is a zhibiao/1 plan, a {@code .csv}, {@code .tsv}
     * or {@code .txt} file an indicator table; any other name is read by its content (JSON when
     * it starts with {@code {}, a table when its first line has a comma, tab or semicolon), and
     * a file that is neither is refused with the forms a plan may be in.
     */
    public static Plan load(Path path) {
        String file = Objects.requireNonNull(path, "path").toString();
        return loaded(p -> Lib.c().zb_plan_load(p, file));
    }

    /** A plan from zhibiao/1 JSON text; messages call the input {@code <string>}. */
    public static Plan fromJson(String json) {
        return fromJson(json, null);
    }

    /** A plan from zhibiao/1 JSON text; {@code name} is what messages call the input. */
    public static Plan fromJson(String json, String name) {
        byte[] data = Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8);
        return loaded(p -> Lib.c().zb_json_load_string(p, data, new ZbLibrary.SizeT(data.length), name));
    }

    /** A plan from an indicator table kept as CSV (delimiter detected from the header row). */
    public static Plan fromCsv(Path path) {
        String file = Objects.requireNonNull(path, "path").toString();
        return loaded(p -> Lib.c().zb_csv_load(p, file, null));
    }

    /** A plan from CSV text; {@code name} is what messages call the input (null: {@code <string>}). */
    public static Plan fromCsvString(String csv, String name) {
        byte[] data = Objects.requireNonNull(csv, "csv").getBytes(StandardCharsets.UTF_8);
        return loaded(p -> Lib.c().zb_csv_load_string(p, data, new ZbLibrary.SizeT(data.length), name, null));
    }

    /**
     * A plan read from the text a government website publishes (zb_import_text()). What was
     * recognised and what could not be placed is in {@link #report()}; with {@code strict},
     * a line that cannot be placed is an error ({@link ZhibiaoException#report()} has the
     * findings).
     */
    public static Plan importText(Path path, boolean strict) {
        String file = Objects.requireNonNull(path, "path").toString();
        return imported((p, o, r) -> Lib.c().zb_import_text(p, file, o, r), strict);
    }

    /** {@link #importText(Path, boolean)}, not strict. */
    public static Plan importText(Path path) {
        return importText(path, false);
    }

    /** {@link #importText(Path, boolean)} from text in memory. */
    public static Plan importTextString(String text, String name, boolean strict) {
        byte[] data = Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
        return imported((p, o, r) -> Lib.c().zb_import_text_string(p, data, new ZbLibrary.SizeT(data.length),
                name, o, r), strict);
    }

    private interface ImportCall {
        int call(ZbLibrary.PlanPtr plan, ZbLibrary.ImportOptionsStruct options, PointerByReference report);
    }

    private static Plan imported(ImportCall call, boolean strict) {
        Plan plan = new Plan();
        try {
            ZbLibrary.ImportOptionsStruct o = new ZbLibrary.ImportOptionsStruct();
            o.strict = strict ? 1 : 0;
            plan.handle.change(p -> {
                PointerByReference out = new PointerByReference();
                int st = call.call(p, o, out);
                List<Finding> found = findings(out.getValue());
                if (st != 0) {
                    ZhibiaoException e = ZhibiaoException.of(st, Lib.c().zb_errmsg(p));
                    throw new ZhibiaoException(e.code(), e.getMessage(), found);
                }
                plan.report = found;
                return null;
            });
        } catch (RuntimeException e) {
            plan.close();
            throw e;
        }
        return plan;
    }

    /** What an import recognised and could not place; empty for a plan not imported. */
    public List<Finding> report() {
        return report;
    }

    /**
     * Adds the period actuals in a CSV file (columns seq, period, actual and optionally note;
     * docs/progress.md): all rows or none.
     */
    public void loadActuals(Path path) {
        String file = Objects.requireNonNull(path, "path").toString();
        change(p -> Lib.c().zb_csv_load_actuals(p, file, null));
    }

    /** {@link #loadActuals(Path)} from CSV text; {@code name} is what messages call it. */
    public void loadActualsString(String csv, String name) {
        byte[] data = Objects.requireNonNull(csv, "csv").getBytes(StandardCharsets.UTF_8);
        change(p -> Lib.c().zb_csv_load_actuals_string(p, data, new ZbLibrary.SizeT(data.length), name, null));
    }

    /** Writes the plan as zhibiao/1 JSON (through a temporary file beside it). */
    public void save(Path path) {
        String file = Objects.requireNonNull(path, "path").toString();
        read((p, err) -> Lib.c().zb_json_save(p, file, err));
    }

    /** The plan as zhibiao/1 JSON text. */
    public String toJson() {
        return new String(bytes((p, out, len, err) -> Lib.c().zb_json_dump(p, out, len, err)), StandardCharsets.UTF_8);
    }

    // ---- metadata --------------------------------------------------------------------------

    /** A metadata text; "" when unset. */
    public String meta(Meta field) {
        int f = Objects.requireNonNull(field, "field").value();
        return get(p -> Lib.c().zb_plan_meta(p, f));
    }

    /** Sets a metadata text (copied, its ends trimmed); null clears it. */
    public void setMeta(Meta field, String text) {
        int f = Objects.requireNonNull(field, "field").value();
        change(p -> Lib.c().zb_plan_set_meta(p, f, text));
    }

    /** The title of the plan; "" when unset. */
    public String title() {
        return meta(Meta.TITLE);
    }

    /** A date of the plan; empty when unset. */
    public Optional<LocalDate> date(DateField field) {
        int f = Objects.requireNonNull(field, "field").value();
        ZbLibrary.ZbDate d = get(p -> Lib.c().zb_plan_date(p, f));
        if (d.year == 0)
            return Optional.empty();
        try {
            return Optional.of(LocalDate.of(d.year, d.month, d.day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Sets a date; null clears it. */
    public void setDate(DateField field, LocalDate date) {
        int f = Objects.requireNonNull(field, "field").value();
        ZbLibrary.ZbDate.ByValue d = new ZbLibrary.ZbDate.ByValue();
        if (date != null) {
            d.year = date.getYear();
            d.month = date.getMonthValue();
            d.day = date.getDayOfMonth();
        }
        change(p -> Lib.c().zb_plan_set_date(p, f, d));
    }

    /** First year of the span the plan covers; 0 when unset. */
    public int firstYear() {
        return get(p -> Lib.c().zb_plan_first_year(p));
    }

    /** Last year of the span; 0 when unset; the first year for a one-year plan. */
    public int lastYear() {
        return get(p -> Lib.c().zb_plan_last_year(p));
    }

    /** Sets the span of years, e.g. 2021–2023; 0, 0 clears it. */
    public void setYears(int first, int last) {
        change(p -> Lib.c().zb_plan_set_years(p, first, last));
    }

    /** Makes it a one-year plan. */
    public void setYear(int year) {
        setYears(year, year);
    }

    /** Recipients (主送机关), in order. */
    public List<String> recipients() {
        return get(p -> strings(Lib.c().zb_plan_recipient_count(p), i -> Lib.c().zb_plan_recipient(p, i)));
    }

    /** Appends a recipient. */
    public void addRecipient(String name) {
        change(p -> Lib.c().zb_plan_add_recipient(p, name));
    }

    /** Copy-to organs (抄送), in order. */
    public List<String> copyTo() {
        return get(p -> strings(Lib.c().zb_plan_copy_to_count(p), i -> Lib.c().zb_plan_copy_to(p, i)));
    }

    /** Appends a copy-to organ. */
    public void addCopyTo(String name) {
        change(p -> Lib.c().zb_plan_add_copy_to(p, name));
    }

    // ---- units and categories --------------------------------------------------------------

    /** The responsible units of the directory, in order. */
    public List<Unit> units() {
        return get(p -> {
            ZbLibrary c = Lib.c();
            List<Unit> out = new ArrayList<>();
            long n = c.zb_plan_unit_count(p).longValue();
            for (long i = 0; i < n; i++) {
                ZbLibrary.SizeT k = new ZbLibrary.SizeT(i);
                out.add(new Unit(c.zb_plan_unit_name(p, k), c.zb_plan_unit_full_name(p, k)));
            }
            return List.copyOf(out);
        });
    }

    /** Adds a unit to the directory; {@code fullName} may be null. */
    public void addUnit(String name, String fullName) {
        change(p -> Lib.c().zb_plan_add_unit(p, name, fullName));
    }

    /** The unit of this short name (after normalisation); empty when none. */
    public Optional<Unit> findUnit(String name) {
        return get(p -> {
            ZbLibrary c = Lib.c();
            ZbLibrary.SizeT i = c.zb_plan_find_unit(p, Objects.requireNonNull(name, "name"));
            return i.isNone() ? Optional.<Unit>empty()
                    : Optional.of(new Unit(c.zb_plan_unit_name(p, i), c.zb_plan_unit_full_name(p, i)));
        });
    }

    /** Category names, in order. */
    public List<String> categories() {
        return get(p -> strings(Lib.c().zb_plan_category_count(p), i -> Lib.c().zb_plan_category_name(p, i)));
    }

    /** Appends a category; returns its index (the existing one's for a name in use, which is an error). */
    public int addCategory(String name) {
        ZbLibrary.SizeTByReference index = new ZbLibrary.SizeTByReference();
        change(p -> Lib.c().zb_plan_add_category(p, name, index));
        return (int) index.value();
    }

    // ---- indicators ------------------------------------------------------------------------

    /** The indicators, in order. */
    public List<Indicator> indicators() {
        return get(p -> {
            long n = Lib.c().zb_plan_indicator_count(p).longValue();
            List<Indicator> out = new ArrayList<>();
            for (long i = 0; i < n; i++)
                out.add(indicator(p, new ZbLibrary.SizeT(i)));
            return List.copyOf(out);
        });
    }

    /** The indicator with sequence number {@code seq}; empty when none. */
    public Optional<Indicator> indicator(int seq) {
        return get(p -> {
            ZbLibrary.SizeT i = Lib.c().zb_plan_find_indicator(p, seq);
            return i.isNone() ? Optional.<Indicator>empty() : Optional.of(indicator(p, i));
        });
    }

    private static Indicator indicator(ZbLibrary.PlanPtr p, ZbLibrary.SizeT i) {
        ZbLibrary c = Lib.c();
        ZbLibrary.SizeT cat = c.zb_plan_indicator_category(p, i);
        long n = c.zb_plan_indicator_responsible_count(p, i).longValue();
        List<String> units = new ArrayList<>();
        for (long j = 0; j < n; j++)
            units.add(c.zb_plan_indicator_responsible(p, i, new ZbLibrary.SizeT(j)));
        ZbLibrary.SizeT primary = c.zb_plan_indicator_primary_target(p, i);
        long nt = c.zb_plan_indicator_target_count(p, i).longValue();
        List<Target> targets = new ArrayList<>();
        for (long t = 0; t < nt; t++) {
            ZbLibrary.SizeT k = new ZbLibrary.SizeT(t);
            targets.add(new Target(c.zb_plan_indicator_target_year(p, i, k), c.zb_plan_indicator_target_text_at(p, i, k),
                    TargetClass.of(c.zb_plan_indicator_target_class_at(p, i, k)),
                    optional(c.zb_plan_indicator_target_value_at(p, i, k)),
                    Qualifier.of(c.zb_plan_indicator_target_qualifier_at(p, i, k)),
                    Change.of(c.zb_plan_indicator_target_change_at(p, i, k)),
                    optional(c.zb_plan_indicator_target_change_amount_at(p, i, k)),
                    c.zb_plan_indicator_target_as_change_at(p, i, k) != 0,
                    c.zb_plan_indicator_target_from_base_at(p, i, k) != 0,
                    !primary.isNone() && primary.longValue() == t));
        }
        return new Indicator((int) i.longValue(), c.zb_plan_indicator_seq(p, i), c.zb_plan_indicator_name(p, i),
                c.zb_plan_indicator_bare_name(p, i), cat.isNone() ? "" : c.zb_plan_category_name(p, cat),
                c.zb_plan_indicator_unit(p, i), c.zb_plan_indicator_unit_given(p, i) != 0,
                c.zb_plan_indicator_target_text(p, i), optional(c.zb_plan_indicator_target(p, i)),
                Qualifier.of(c.zb_plan_indicator_qualifier(p, i)), TargetClass.of(c.zb_plan_indicator_target_class(p, i)),
                Kind.of(c.zb_plan_indicator_kind(p, i)), Direction.of(c.zb_plan_indicator_direction(p, i)),
                Attribute.of(c.zb_plan_indicator_attribute(p, i)), c.zb_plan_indicator_base_year(p, i),
                c.zb_plan_indicator_base_text(p, i), optional(c.zb_plan_indicator_base_value(p, i)), targets, units,
                c.zb_plan_indicator_note(p, i), c.zb_plan_indicator_source(p, i), c.zb_plan_indicator_weight(p, i));
    }

    /** Appends an indicator and its responsible units; returns it as added. */
    public Indicator addIndicator(IndicatorDef def) {
        ZbLibrary.IndicatorDefStruct s = Objects.requireNonNull(def, "def").toStruct();
        ZbLibrary.SizeTByReference index = new ZbLibrary.SizeTByReference();
        return handle.change(p -> {
            check(p, Lib.c().zb_plan_add_indicator(p, s, index));
            return indicator(p, new ZbLibrary.SizeT(index.value()));
        });
    }

    /** A change to the indicator with sequence number {@code seq}; NOT_FOUND when there is none. */
    private void changeIndicator(int seq, java.util.function.BiFunction<ZbLibrary.PlanPtr, ZbLibrary.SizeT, Integer> call) {
        change(p -> {
            ZbLibrary.SizeT i = Lib.c().zb_plan_find_indicator(p, seq);
            if (i.isNone())
                throw new ZhibiaoException(Status.NOT_FOUND, "no indicator has the sequence number " + seq);
            return call.apply(p, i);
        });
    }

    /** Appends a responsible unit to the indicator with sequence number {@code seq}. */
    public void addIndicatorUnit(int seq, String unit) {
        changeIndicator(seq, (p, i) -> Lib.c().zb_plan_add_indicator_responsible(p, i, unit));
    }

    /**
     * Sets, replaces or removes (text null) the target of indicator {@code seq} for
     * {@code year} (0: the one tied to no year); {@code qualifier} AUTO reads it from the text.
     */
    public void setIndicatorTarget(int seq, int year, String text, Qualifier qualifier) {
        int q = Objects.requireNonNull(qualifier, "qualifier").value();
        changeIndicator(seq, (p, i) -> Lib.c().zb_plan_indicator_set_target(p, i, year, text, q));
    }

    /** Sets the unit of indicator {@code seq}; null reads it from the name again, "" means none. */
    public void setIndicatorUnit(int seq, String unit) {
        changeIndicator(seq, (p, i) -> Lib.c().zb_plan_indicator_set_unit(p, i, unit));
    }

    /** Sets the kind of indicator {@code seq}; AUTO infers it again. */
    public void setIndicatorKind(int seq, Kind kind) {
        int k = Objects.requireNonNull(kind, "kind").value();
        changeIndicator(seq, (p, i) -> Lib.c().zb_plan_indicator_set_kind(p, i, k));
    }

    /** Sets the direction of indicator {@code seq}; AUTO infers it again. */
    public void setIndicatorDirection(int seq, Direction direction) {
        int d = Objects.requireNonNull(direction, "direction").value();
        changeIndicator(seq, (p, i) -> Lib.c().zb_plan_indicator_set_direction(p, i, d));
    }

    /** Sets the assessment weight of indicator {@code seq}; 0 means the default 1. */
    public void setIndicatorWeight(int seq, double weight) {
        changeIndicator(seq, (p, i) -> Lib.c().zb_plan_indicator_set_weight(p, i, weight));
    }

    /** Sets the attribute (属性) of indicator {@code seq}. */
    public void setIndicatorAttribute(int seq, Attribute attribute) {
        int a = Objects.requireNonNull(attribute, "attribute").value();
        changeIndicator(seq, (p, i) -> Lib.c().zb_plan_indicator_set_attribute(p, i, a));
    }

    /** Sets the base value (基期值) of indicator {@code seq} and its year (0: not stated); text null clears both. */
    public void setIndicatorBase(int seq, int year, String text) {
        changeIndicator(seq, (p, i) -> Lib.c().zb_plan_indicator_set_base(p, i, year, text));
    }

    /** Sets the remark (备注) of indicator {@code seq}; null clears it. */
    public void setIndicatorNote(int seq, String note) {
        changeIndicator(seq, (p, i) -> Lib.c().zb_plan_indicator_set_note(p, i, note));
    }

    // ---- tasks -----------------------------------------------------------------------------

    /** The tasks (重点任务) with their responsibility items, in order. */
    public List<Task> tasks() {
        return get(p -> {
            long n = Lib.c().zb_plan_task_count(p).longValue();
            List<Task> out = new ArrayList<>();
            for (long t = 0; t < n; t++)
                out.add(task(p, new ZbLibrary.SizeT(t)));
            return List.copyOf(out);
        });
    }

    private static Task task(ZbLibrary.PlanPtr p, ZbLibrary.SizeT t) {
        ZbLibrary c = Lib.c();
        List<String> headings = strings(c.zb_plan_task_heading_count(p, t), k -> c.zb_plan_task_heading(p, t, k));
        List<Duty> duties = new ArrayList<>();
        long nd = c.zb_plan_task_duty_count(p, t).longValue();
        for (long d = 0; d < nd; d++) {
            ZbLibrary.SizeT dd = new ZbLibrary.SizeT(d);
            duties.add(new Duty(c.zb_plan_task_duty_text(p, t, dd), c.zb_plan_task_duty_note(p, t, dd),
                    strings(c.zb_plan_task_duty_responsible_count(p, t, dd),
                            k -> c.zb_plan_task_duty_responsible(p, t, dd, k)),
                    (int) c.zb_plan_task_duty_lead_count(p, t, dd).longValue()));
        }
        return new Task((int) t.longValue(), c.zb_plan_task_number(p, t), headings, c.zb_plan_task_title(p, t),
                c.zb_plan_task_text(p, t), c.zb_plan_task_source(p, t), duties);
    }

    /** Appends a task; returns it as added. */
    public Task addTask(TaskDef def) {
        Objects.requireNonNull(def, "def");
        ZbLibrary.TaskDefStruct s = new ZbLibrary.TaskDefStruct();
        s.number = def.number().orElse(null);
        StringArray headings = def.headings().isEmpty() ? null
                : new StringArray(def.headings().toArray(new String[0]), StandardCharsets.UTF_8.name());
        s.headings = headings;
        s.heading_count = new ZbLibrary.SizeT(def.headings().size());
        s.title = def.title();
        s.text = def.text().orElse(null);
        s.source = def.source().orElse(null);
        ZbLibrary.SizeTByReference index = new ZbLibrary.SizeTByReference();
        return handle.change(p -> {
            check(p, Lib.c().zb_plan_add_task(p, s, index));
            return task(p, new ZbLibrary.SizeT(index.value()));
        });
    }

    /**
     * Appends a responsibility item to task {@code task} (its index): {@code units} the lead
     * first; {@code text} the sentences it covers (null: the whole task); {@code note} what it
     * says that is not a unit (null: none).
     */
    public void addDuty(int task, List<String> units, String text, String note) {
        String responsible = String.join("、", Objects.requireNonNull(units, "units"));
        change(p -> Lib.c().zb_plan_add_task_duty(p, new ZbLibrary.SizeT(task), text, responsible, note));
    }

    /** Makes the first {@code count} units of item {@code duty} of task {@code task} its leads (牵头). */
    public void setDutyLeadCount(int task, int duty, int count) {
        change(p -> Lib.c().zb_plan_set_task_duty_lead_count(p, new ZbLibrary.SizeT(task), new ZbLibrary.SizeT(duty),
                new ZbLibrary.SizeT(count)));
    }

    // ---- body text and attachments ---------------------------------------------------------

    /** The body blocks (headings and paragraphs), in order. */
    public List<Block> blocks() {
        return get(p -> {
            ZbLibrary c = Lib.c();
            long n = c.zb_plan_block_count(p).longValue();
            List<Block> out = new ArrayList<>();
            for (long b = 0; b < n; b++) {
                ZbLibrary.SizeT k = new ZbLibrary.SizeT(b);
                out.add(new Block(Part.of(c.zb_plan_block_part(p, k)), c.zb_plan_block_level(p, k),
                        c.zb_plan_block_text(p, k)));
            }
            return List.copyOf(out);
        });
    }

    /** Appends a block to the document's own text: level 0 a paragraph, 1–4 a heading. */
    public void addBlock(int level, String text) {
        addBlock(Part.DOCUMENT, level, text);
    }

    /** Appends a block to {@code part}. */
    public void addBlock(Part part, int level, String text) {
        int pt = Objects.requireNonNull(part, "part").value();
        change(p -> Lib.c().zb_plan_add_block_to(p, pt, level, text));
    }

    /** The attachments, in order. */
    public List<Attachment> attachments() {
        return get(p -> {
            ZbLibrary c = Lib.c();
            long n = c.zb_plan_attachment_count(p).longValue();
            List<Attachment> out = new ArrayList<>();
            for (long a = 0; a < n; a++) {
                ZbLibrary.SizeT k = new ZbLibrary.SizeT(a);
                out.add(new Attachment(c.zb_plan_attachment_number(p, k), AttachmentKind.of(c.zb_plan_attachment_kind(p, k)),
                        c.zb_plan_attachment_title(p, k), c.zb_plan_attachment_text(p, k)));
            }
            return List.copyOf(out);
        });
    }

    /** Appends an attachment: {@code number} as in 附件2 (0: one more than the last); {@code text} for a text attachment. */
    public void addAttachment(int number, AttachmentKind kind, String title, String text) {
        int k = Objects.requireNonNull(kind, "kind").value();
        change(p -> Lib.c().zb_plan_add_attachment(p, number, k, title, text));
    }

    // ---- prose targets ---------------------------------------------------------------------

    /** The quantitative targets found in the plan's text, in order. */
    public List<ProseTarget> proseTargets() {
        return get(p -> {
            ZbLibrary c = Lib.c();
            long n = c.zb_plan_prose_target_count(p).longValue();
            List<ProseTarget> out = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                ZbLibrary.SizeT k = new ZbLibrary.SizeT(i);
                ZbLibrary.SizeT t = c.zb_plan_prose_target_task(p, k);
                out.add(new ProseTarget(c.zb_plan_prose_target_name(p, k), c.zb_plan_prose_target_unit(p, k),
                        c.zb_plan_prose_target_value_text(p, k), optional(c.zb_plan_prose_target_value(p, k)),
                        Qualifier.of(c.zb_plan_prose_target_qualifier(p, k)), c.zb_plan_prose_target_first_year(p, k),
                        c.zb_plan_prose_target_last_year(p, k), c.zb_plan_prose_target_sentence(p, k),
                        t.isNone() ? OptionalInt.empty() : OptionalInt.of((int) t.longValue()),
                        c.zb_plan_prose_target_source(p, k)));
            }
            return List.copyOf(out);
        });
    }

    /** Appends a prose target. */
    public void addProseTarget(ProseTargetDef def) {
        ZbLibrary.ProseTargetDefStruct s = Objects.requireNonNull(def, "def").toStruct();
        change(p -> Lib.c().zb_plan_add_prose_target(p, s, null));
    }

    // ---- actuals and progress --------------------------------------------------------------

    /** The period actuals, in the order added. */
    public List<Actual> actuals() {
        return get(p -> {
            ZbLibrary c = Lib.c();
            long n = c.zb_plan_actual_count(p).longValue();
            List<Actual> out = new ArrayList<>();
            for (long a = 0; a < n; a++) {
                ZbLibrary.SizeT k = new ZbLibrary.SizeT(a);
                out.add(new Actual(c.zb_plan_indicator_seq(p, c.zb_plan_actual_indicator(p, k)),
                        c.zb_plan_actual_period(p, k), c.zb_plan_actual_value(p, k), c.zb_plan_actual_note(p, k)));
            }
            return List.copyOf(out);
        });
    }

    /**
     * Records the year-to-date {@code value} of indicator {@code seq} at the end of
     * {@code period} ("YYYY-MM"); {@code note} may be null.
     */
    public void addActual(int seq, String period, double value, String note) {
        change(p -> Lib.c().zb_plan_add_actual(p, seq, period, value, note));
    }

    /** The value reported for indicator {@code seq} at {@code period}; empty when none was. */
    public OptionalDouble actual(int seq, String period) {
        return get(p -> {
            ZbLibrary c = Lib.c();
            ZbLibrary.SizeT i = c.zb_plan_find_indicator(p, seq);
            if (i.isNone())
                return OptionalDouble.empty();
            ZbLibrary.SizeT a = c.zb_plan_find_actual(p, i, Objects.requireNonNull(period, "period"));
            return a.isNone() ? OptionalDouble.empty() : OptionalDouble.of(c.zb_plan_actual_value(p, a));
        });
    }

    /** How every indicator stands at {@code period} ("YYYY-MM"), in plan order. */
    public List<Progress> evaluate(String period) {
        return evaluate(period, null);
    }

    /**
     * {@link #evaluate(String)} with the tolerance of 左右 targets (percentage points for a %
     * target, else a fraction of the target; negative: none; null: the default).
     */
    public List<Progress> evaluate(String period, Double aboutTolerance) {
        ZbLibrary.ProgressOptionsStruct o = new ZbLibrary.ProgressOptionsStruct();
        if (aboutTolerance != null)
            o.about_tolerance = aboutTolerance;
        return get(p -> {
            ZbLibrary c = Lib.c();
            ZbLibrary.ZbError err = new ZbLibrary.ZbError();
            PointerByReference out = new PointerByReference();
            int st = c.zb_progress_evaluate(p, period, o, out, err);
            if (st != 0)
                throw ZhibiaoException.of(st, err.text());
            ZbLibrary.ProgressPtr r = new ZbLibrary.ProgressPtr();
            r.setPointer(out.getValue());
            try {
                long n = c.zb_progress_count(r).longValue();
                List<Progress> rows = new ArrayList<>();
                for (long k = 0; k < n; k++) {
                    ZbLibrary.SizeT i = new ZbLibrary.SizeT(k);
                    ZbLibrary.SizeT ind = c.zb_progress_indicator(r, i);
                    rows.add(new Progress((int) ind.longValue(), c.zb_progress_seq(r, i), c.zb_plan_indicator_name(p, ind),
                            c.zb_plan_indicator_lead(p, ind), Standing.of(c.zb_progress_standing(r, i)),
                            optional(c.zb_progress_actual(r, i)), optional(c.zb_progress_target(r, i)),
                            c.zb_progress_target_text(r, i), c.zb_progress_target_year(r, i),
                            optional(c.zb_progress_completion(r, i)), optional(c.zb_progress_expected(r, i)),
                            c.zb_progress_explain(r, i)));
                }
                return List.copyOf(rows);
            } finally {
                c.zb_progress_free(r);
            }
        });
    }

    // ---- validation ------------------------------------------------------------------------

    /** The findings of zb_plan_validate(); errors must be fixed before documents are written. */
    public List<Finding> validate() {
        return get(p -> {
            PointerByReference out = new PointerByReference();
            int st = Lib.c().zb_plan_validate(p, out);
            List<Finding> found = findings(out.getValue());
            if (st != 0)
                throw ZhibiaoException.of(st, "");
            return found;
        });
    }

    /**
     * {@link #validate()} and what a document needs (a notice: a title and an issuing organ),
     * and with {@code actuals} whether the actuals look right, up to {@code period}
     * ("YYYY-MM"; null: every month) (zb_plan_validate_opt()).
     */
    public List<Finding> validate(DocumentKind document, boolean actuals, String period) {
        ZbLibrary.ValidateOptionsStruct o = new ZbLibrary.ValidateOptionsStruct();
        o.document = Objects.requireNonNull(document, "document").value();
        o.actuals = actuals ? 1 : 0;
        o.period = period;
        return get(p -> {
            PointerByReference out = new PointerByReference();
            int st = Lib.c().zb_plan_validate_opt(p, o, out);
            List<Finding> found = findings(out.getValue());
            if (st != 0)
                throw ZhibiaoException.of(st, st == Status.VALUE.value() ? "bad period or document: " + period : "");
            return found;
        });
    }

    /**
     * The score the annual assessment gives each indicator at {@code period}, in plan order
     * (zb_xlsx_assessment_score(): the 得分 of its 指标得分 sheet); only the options' scoring,
     * cap and tolerance are read.
     */
    public double[] assessmentScores(String period, AssessmentOptions options) {
        ZbLibrary.AssessmentOptionsStruct ao = options(options).toStruct();
        ZbLibrary.ProgressOptionsStruct po = ao.progress != null ? ao.progress : new ZbLibrary.ProgressOptionsStruct();
        return get(p -> {
            ZbLibrary c = Lib.c();
            ZbLibrary.ZbError err = new ZbLibrary.ZbError();
            PointerByReference out = new PointerByReference();
            int st = c.zb_progress_evaluate(p, period, po, out, err);
            if (st != 0)
                throw ZhibiaoException.of(st, err.text());
            ZbLibrary.ProgressPtr r = new ZbLibrary.ProgressPtr();
            r.setPointer(out.getValue());
            try {
                int n = (int) c.zb_progress_count(r).longValue();
                double[] scores = new double[n];
                for (int i = 0; i < n; i++)
                    scores[i] = c.zb_xlsx_assessment_score(p, r, new ZbLibrary.SizeT(i), ao);
                return scores;
            } finally {
                c.zb_progress_free(r);
            }
        });
    }

    /**
     * What the breakdown lists, without writing it (zb_xlsx_breakdown_count()): the number of
     * rows of 任务分解 and of unit sheets, in that order.
     */
    public long[] breakdownCounts() {
        return get(p -> {
            ZbLibrary.SizeTByReference items = new ZbLibrary.SizeTByReference();
            ZbLibrary.SizeTByReference units = new ZbLibrary.SizeTByReference();
            ZbLibrary.ZbError err = new ZbLibrary.ZbError();
            int st = Lib.c().zb_xlsx_breakdown_count(p, items, units, err);
            if (st != 0)
                throw ZhibiaoException.of(st, err.text());
            return new long[] {items.value(), units.value()};
        });
    }

    /** Reads and frees a zb_findings list (NULL: none). */
    private static List<Finding> findings(Pointer ptr) {
        if (ptr == null)
            return List.of();
        ZbLibrary c = Lib.c();
        ZbLibrary.FindingsPtr f = new ZbLibrary.FindingsPtr();
        f.setPointer(ptr);
        try {
            long n = c.zb_findings_count(f).longValue();
            List<Finding> out = new ArrayList<>();
            for (long k = 0; k < n; k++) {
                ZbLibrary.SizeT i = new ZbLibrary.SizeT(k);
                out.add(new Finding(Severity.of(c.zb_findings_severity(f, i)), c.zb_findings_code(f, i),
                        c.zb_findings_location(f, i), c.zb_findings_message(f, i)));
            }
            return List.copyOf(out);
        } finally {
            c.zb_findings_free(f);
        }
    }

    // ---- documents -------------------------------------------------------------------------

    /** Writes the target table (目标体系表) as .xlsx with the default options. */
    public void writeTargetTable(Path path) {
        writeTargetTable(path, TableOptions.DEFAULTS);
    }

    /** Writes the target table (目标体系表) as .xlsx; the destination is replaced whole or left as it was. */
    public void writeTargetTable(Path path, TableOptions options) {
        String file = file(path);
        ZbLibrary.TableOptionsStruct o = options(options).toStruct();
        checkBeforeWriting("writeTargetTable", DocumentKind.TABLE, null, options.force());
        read((p, err) -> Lib.c().zb_xlsx_write_target_table(p, file, o, err));
    }

    /** The target table's bytes, as {@link #writeTargetTable(Path)} writes them. */
    public byte[] targetTableBytes() {
        return targetTableBytes(TableOptions.DEFAULTS);
    }

    /** The target table's bytes with {@code options}. */
    public byte[] targetTableBytes(TableOptions options) {
        ZbLibrary.TableOptionsStruct o = options(options).toStruct();
        checkBeforeWriting("targetTableBytes", DocumentKind.TABLE, null, options.force());
        return bytes((p, out, len, err) -> Lib.c().zb_xlsx_target_table_to_buffer(p, o, out, len, err));
    }

    /** Writes the responsibility breakdown (责任分解表) as .xlsx. */
    public void writeBreakdown(Path path) {
        writeBreakdown(path, BreakdownOptions.DEFAULTS);
    }

    /** Writes the responsibility breakdown with {@code options}. */
    public void writeBreakdown(Path path, BreakdownOptions options) {
        String file = file(path);
        ZbLibrary.BreakdownOptionsStruct o = options(options).toStruct();
        checkBeforeWriting("writeBreakdown", DocumentKind.BREAKDOWN, null, options.force());
        read((p, err) -> Lib.c().zb_xlsx_write_breakdown(p, file, o, err));
    }

    /** The breakdown's bytes. */
    public byte[] breakdownBytes() {
        return breakdownBytes(BreakdownOptions.DEFAULTS);
    }

    /** The breakdown's bytes with {@code options}. */
    public byte[] breakdownBytes(BreakdownOptions options) {
        ZbLibrary.BreakdownOptionsStruct o = options(options).toStruct();
        checkBeforeWriting("breakdownBytes", DocumentKind.BREAKDOWN, null, options.force());
        return bytes((p, out, len, err) -> Lib.c().zb_xlsx_breakdown_to_buffer(p, o, out, len, err));
    }

    /** Writes the monitoring workbook (指标监测表) at {@code period} ("YYYY-MM"). */
    public void writeProgress(Path path, String period) {
        writeProgress(path, period, ProgressSheetOptions.DEFAULTS);
    }

    /** Writes the monitoring workbook with {@code options}. */
    public void writeProgress(Path path, String period, ProgressSheetOptions options) {
        String file = file(path);
        ZbLibrary.ProgressSheetOptionsStruct o = options(options).toStruct();
        checkBeforeWriting("writeProgress", DocumentKind.PROGRESS, period, options.force());
        read((p, err) -> Lib.c().zb_xlsx_write_progress(p, period, file, o, err));
    }

    /** The monitoring workbook's bytes. */
    public byte[] progressBytes(String period) {
        return progressBytes(period, ProgressSheetOptions.DEFAULTS);
    }

    /** The monitoring workbook's bytes with {@code options}. */
    public byte[] progressBytes(String period, ProgressSheetOptions options) {
        ZbLibrary.ProgressSheetOptionsStruct o = options(options).toStruct();
        checkBeforeWriting("progressBytes", DocumentKind.PROGRESS, period, options.force());
        return bytes((p, out, len, err) -> Lib.c().zb_xlsx_progress_to_buffer(p, period, o, out, len, err));
    }

    /** Writes the annual assessment (年度考核) at {@code period} (normally YYYY-12). */
    public void writeAssessment(Path path, String period) {
        writeAssessment(path, period, AssessmentOptions.DEFAULTS);
    }

    /** Writes the annual assessment with {@code options}. */
    public void writeAssessment(Path path, String period, AssessmentOptions options) {
        String file = file(path);
        ZbLibrary.AssessmentOptionsStruct o = options(options).toStruct();
        checkBeforeWriting("writeAssessment", DocumentKind.ASSESSMENT, period, options.force());
        read((p, err) -> Lib.c().zb_xlsx_write_assessment(p, period, file, o, err));
    }

    /** The assessment's bytes. */
    public byte[] assessmentBytes(String period) {
        return assessmentBytes(period, AssessmentOptions.DEFAULTS);
    }

    /** The assessment's bytes with {@code options}. */
    public byte[] assessmentBytes(String period, AssessmentOptions options) {
        ZbLibrary.AssessmentOptionsStruct o = options(options).toStruct();
        checkBeforeWriting("assessmentBytes", DocumentKind.ASSESSMENT, period, options.force());
        return bytes((p, out, len, err) -> Lib.c().zb_xlsx_assessment_to_buffer(p, period, o, out, len, err));
    }

    /** Writes the notice (通知) as a GB/T 9704 PDF with the default fonts and options. */
    public PdfInfo writeNotice(Path path) {
        return writeNotice(path, NoticeOptions.DEFAULTS);
    }

    /** Writes the notice with {@code options} (fonts included); returns what it came to. */
    public PdfInfo writeNotice(Path path, NoticeOptions options) {
        String file = file(path);
        NoticeOptions opts = options(options);
        ZbLibrary.NoticeOptionsStruct o = opts.toStruct();
        checkBeforeWriting("writeNotice", DocumentKind.NOTICE, null, opts.force());
        ZbLibrary.PdfInfoStruct info = new ZbLibrary.PdfInfoStruct();
        withFonts(opts.fonts().orElse(null), (p, f, err) -> Lib.c().zb_pdf_write_notice(p, f, file, o, info, err));
        return info(info);
    }

    /** The notice's bytes. */
    public byte[] noticeBytes() {
        return noticeBytes(NoticeOptions.DEFAULTS);
    }

    /** The notice's bytes with {@code options}: byte for byte what {@link #writeNotice(Path, NoticeOptions)} writes. */
    public byte[] noticeBytes(NoticeOptions options) {
        NoticeOptions opts = options(options);
        ZbLibrary.NoticeOptionsStruct o = opts.toStruct();
        checkBeforeWriting("noticeBytes", DocumentKind.NOTICE, null, opts.force());
        return fontBytes(opts.fonts().orElse(null),
                (p, f, out, len, err) -> Lib.c().zb_pdf_notice_to_buffer(p, f, o, out, len, null, err));
    }

    /** Writes the progress bulletin (通报) at {@code period} as a GB/T 9704 PDF. */
    public PdfInfo writeBulletin(Path path, String period) {
        return writeBulletin(path, period, BulletinOptions.DEFAULTS);
    }

    /** Writes the progress bulletin with {@code options}; returns what it came to. */
    public PdfInfo writeBulletin(Path path, String period, BulletinOptions options) {
        String file = file(path);
        BulletinOptions opts = options(options);
        ZbLibrary.BulletinOptionsStruct o = opts.toStruct();
        checkBeforeWriting("writeBulletin", DocumentKind.BULLETIN, period, opts.force());
        ZbLibrary.PdfInfoStruct info = new ZbLibrary.PdfInfoStruct();
        withFonts(opts.fonts().orElse(null),
                (p, f, err) -> Lib.c().zb_pdf_write_bulletin(p, f, period, file, o, info, err));
        return info(info);
    }

    /** The bulletin's bytes. */
    public byte[] bulletinBytes(String period) {
        return bulletinBytes(period, BulletinOptions.DEFAULTS);
    }

    /** The bulletin's bytes with {@code options}. */
    public byte[] bulletinBytes(String period, BulletinOptions options) {
        BulletinOptions opts = options(options);
        ZbLibrary.BulletinOptionsStruct o = opts.toStruct();
        checkBeforeWriting("bulletinBytes", DocumentKind.BULLETIN, period, opts.force());
        return fontBytes(opts.fonts().orElse(null),
                (p, f, out, len, err) -> Lib.c().zb_pdf_bulletin_to_buffer(p, f, period, o, out, len, null, err));
    }

    /** Writes the notice as an OFD (GB/T 33190-2016 版式文档), laid out as the PDF is. */
    public PdfInfo writeOfdNotice(Path path, NoticeOptions options) {
        String file = file(path);
        NoticeOptions opts = options(options);
        ZbLibrary.NoticeOptionsStruct o = opts.toStruct();
        checkBeforeWriting("writeOfdNotice", DocumentKind.NOTICE, null, opts.force());
        ZbLibrary.PdfInfoStruct info = new ZbLibrary.PdfInfoStruct();
        withFonts(opts.fonts().orElse(null), (p, f, err) -> Lib.c().zb_ofd_write_notice(p, f, file, o, info, err));
        return info(info);
    }

    /** The OFD notice's bytes: byte for byte what {@link #writeOfdNotice(Path, NoticeOptions)} writes. */
    public byte[] ofdNoticeBytes(NoticeOptions options) {
        NoticeOptions opts = options(options);
        ZbLibrary.NoticeOptionsStruct o = opts.toStruct();
        checkBeforeWriting("ofdNoticeBytes", DocumentKind.NOTICE, null, opts.force());
        return fontBytes(opts.fonts().orElse(null),
                (p, f, out, len, err) -> Lib.c().zb_ofd_notice_to_buffer(p, f, o, out, len, null, err));
    }

    /** Writes the progress bulletin at {@code period} as an OFD. */
    public PdfInfo writeOfdBulletin(Path path, String period, BulletinOptions options) {
        String file = file(path);
        BulletinOptions opts = options(options);
        ZbLibrary.BulletinOptionsStruct o = opts.toStruct();
        checkBeforeWriting("writeOfdBulletin", DocumentKind.BULLETIN, period, opts.force());
        ZbLibrary.PdfInfoStruct info = new ZbLibrary.PdfInfoStruct();
        withFonts(opts.fonts().orElse(null),
                (p, f, err) -> Lib.c().zb_ofd_write_bulletin(p, f, period, file, o, info, err));
        return info(info);
    }

    /** The OFD bulletin's bytes. */
    public byte[] ofdBulletinBytes(String period, BulletinOptions options) {
        BulletinOptions opts = options(options);
        ZbLibrary.BulletinOptionsStruct o = opts.toStruct();
        checkBeforeWriting("ofdBulletinBytes", DocumentKind.BULLETIN, period, opts.force());
        return fontBytes(opts.fonts().orElse(null),
                (p, f, out, len, err) -> Lib.c().zb_ofd_bulletin_to_buffer(p, f, period, o, out, len, null, err));
    }

    /** How many errors a refused write lists in its message; {@link ZhibiaoException#report()} holds them all. */
    private static final int ERRORS_SHOWN = 10;

    /**
     * Refuses a plan with errors for {@code document} unless forced, as the command line and
     * the Python binding do: a {@link ZhibiaoException} ({@link Status#INVALID}) listing the
     * errors, with them in its report, before anything is written. A dated document
     * ({@code period} not null) also has its actuals checked up to that month, which only
     * warns. A period the library cannot read is refused here by name.
     */
    private void checkBeforeWriting(String what, DocumentKind document, String period, boolean force) {
        boolean dated = document == DocumentKind.PROGRESS || document == DocumentKind.ASSESSMENT
                || document == DocumentKind.BULLETIN;
        if (dated && period == null)
            return; // the writer refuses a missing period itself
        List<Finding> errors = validate(document, dated, dated ? Zhibiao.parsePeriod(period) : null).stream()
                .filter(f -> f.severity() == Severity.ERROR).toList();
        if (errors.isEmpty() || force)
            return;
        StringBuilder b = new StringBuilder(what).append(": the plan has ").append(errors.size())
                .append(errors.size() == 1 ? " error" : " errors")
                .append("; nothing written (force(true) writes it anyway):");
        for (Finding f : errors.subList(0, Math.min(errors.size(), ERRORS_SHOWN)))
            b.append("\n  ").append(f);
        if (errors.size() > ERRORS_SHOWN)
            b.append("\n  … and ").append(errors.size() - ERRORS_SHOWN).append(" more");
        throw new ZhibiaoException(Status.INVALID, b.toString(), errors);
    }

    // ---- lifetime --------------------------------------------------------------------------

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return handle.isClosed();
    }

    /** Frees the C plan after the calls under way; later use throws. A second call does nothing. */
    @Override
    public void close() {
        handle.close();
    }

    @Override
    public String toString() {
        if (isClosed())
            return "Plan[closed]";
        return "Plan[" + title() + ": " + get(p -> Lib.c().zb_plan_indicator_count(p).longValue()) + " indicators]";
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static String file(Path path) {
        return Objects.requireNonNull(path, "path").toString();
    }

    private static <T> T options(T options) {
        return Objects.requireNonNull(options, "options (use DEFAULTS)");
    }

    private static OptionalDouble optional(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static List<String> strings(ZbLibrary.SizeT count, Function<ZbLibrary.SizeT, String> item) {
        long n = count.longValue();
        List<String> out = new ArrayList<>();
        for (long i = 0; i < n; i++)
            out.add(item.apply(new ZbLibrary.SizeT(i)));
        return List.copyOf(out);
    }

    private static PdfInfo info(ZbLibrary.PdfInfoStruct s) {
        int n = 0;
        while (n < s.fallback_note.length && s.fallback_note[n] != 0)
            n++;
        return new PdfInfo(s.pages, s.bytes.longValue(), s.fallback_chars.longValue(),
                new String(s.fallback_note, 0, n, StandardCharsets.UTF_8));
    }

    private <R> R get(Function<ZbLibrary.PlanPtr, R> f) {
        return handle.read(f);
    }

    /** A call that changes the plan: on failure, the detail is zb_errmsg(plan). */
    private void change(ToIntFunction<ZbLibrary.PlanPtr> call) {
        handle.change(p -> {
            check(p, call.applyAsInt(p));
            return null;
        });
    }

    private static void check(ZbLibrary.PlanPtr p, int st) {
        if (st != 0)
            throw ZhibiaoException.of(st, Lib.c().zb_errmsg(p));
    }

    /** A call that reads the plan and reports into the zb_error it is given. */
    private interface ErrorCall {
        int call(ZbLibrary.PlanPtr plan, ZbLibrary.ZbError error);
    }

    /** A call that reads the plan and hands out bytes to free with zb_free(). */
    private interface BytesCall {
        int call(ZbLibrary.PlanPtr plan, PointerByReference out, ZbLibrary.SizeTByReference len, ZbLibrary.ZbError error);
    }

    /** A writer that reads the plan and a fontset (NULL: the library's defaults). */
    private interface FontsCall {
        int call(ZbLibrary.PlanPtr plan, ZbLibrary.FontsetPtr fonts, ZbLibrary.ZbError error);
    }

    /** A writer to memory that reads the plan and a fontset. */
    private interface FontBytesCall {
        int call(ZbLibrary.PlanPtr plan, ZbLibrary.FontsetPtr fonts, PointerByReference out,
                 ZbLibrary.SizeTByReference len, ZbLibrary.ZbError error);
    }

    private void read(ErrorCall call) {
        handle.read(p -> {
            ZbLibrary.ZbError err = new ZbLibrary.ZbError();
            int st = call.call(p, err);
            if (st != 0)
                throw ZhibiaoException.of(st, err.text());
            return null;
        });
    }

    private byte[] bytes(BytesCall call) {
        return handle.read(p -> take((out, len, err) -> call.call(p, out, len, err)));
    }

    private interface BufferCall {
        int call(PointerByReference out, ZbLibrary.SizeTByReference len, ZbLibrary.ZbError error);
    }

    /** Runs a writer to memory and copies its bytes into a Java array, freeing the C buffer. */
    private static byte[] take(BufferCall call) {
        PointerByReference out = new PointerByReference();
        ZbLibrary.SizeTByReference len = new ZbLibrary.SizeTByReference();
        ZbLibrary.ZbError err = new ZbLibrary.ZbError();
        int st = call.call(out, len, err);
        Pointer data = out.getValue();
        try {
            if (st != 0)
                throw ZhibiaoException.of(st, err.text());
            long n = len.value();
            if (n > Integer.MAX_VALUE - 8)
                throw new ZhibiaoException(Status.NOMEM, "the document (" + n + " bytes) does not fit in a Java array");
            return data == null ? new byte[0] : data.getByteArray(0, (int) n);
        } finally {
            if (data != null)
                Lib.c().zb_free(data);
        }
    }

    /** Holds the plan and the fonts for reading during the call. */
    private void withFonts(Fonts fonts, FontsCall call) {
        handle.read(p -> {
            ZbLibrary.FontsetPtr f = fonts == null ? null : fonts.handle.acquireRead();
            try {
                ZbLibrary.ZbError err = new ZbLibrary.ZbError();
                int st = call.call(p, f, err);
                if (st != 0)
                    throw ZhibiaoException.of(st, err.text());
                return null;
            } finally {
                if (fonts != null)
                    fonts.handle.releaseRead();
            }
        });
    }

    private byte[] fontBytes(Fonts fonts, FontBytesCall call) {
        return handle.read(p -> {
            ZbLibrary.FontsetPtr f = fonts == null ? null : fonts.handle.acquireRead();
            try {
                return take((out, len, err) -> call.call(p, f, out, len, err));
            } finally {
                if (fonts != null)
                    fonts.handle.releaseRead();
            }
        });
    }
}
