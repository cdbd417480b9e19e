package zhibiao;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import com.sun.jna.Structure;
import com.sun.jna.ptr.ByReference;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;

/**
 * The one declaration of libzhibiao's C functions, with the structs and handle types they
 * take, mirrored from include/zhibiao/*.h (ConsistencyTest keeps the two in step). Nothing
 * outside this package sees it: the public classes turn handles into objects, option structs
 * into builders and failed statuses into {@link ZhibiaoException}.
 */
interface ZbLibrary extends Library {

    // ---- C types ---------------------------------------------------------------------------

    /** size_t, unsigned and as wide as the platform's. */
    final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }

        /** ZB_NONE, (size_t)-1: what the find functions return when nothing matches. */
        boolean isNone() {
            return Native.SIZE_T_SIZE == 8 ? longValue() == -1L : longValue() == 0xFFFFFFFFL;
        }
    }

    /** size_t *. */
    final class SizeTByReference extends ByReference {
        public SizeTByReference() {
            super(Native.SIZE_T_SIZE);
            getPointer().setLong(0, 0);
        }

        long value() {
            return Native.SIZE_T_SIZE == 8 ? getPointer().getLong(0) : getPointer().getInt(0) & 0xFFFFFFFFL;
        }
    }

    /** Opaque zb_plan *. */
    final class PlanPtr extends PointerType {
    }

    /** Opaque zb_fontset *. */
    final class FontsetPtr extends PointerType {
    }

    /** Opaque zb_findings *. */
    final class FindingsPtr extends PointerType {
    }

    /** Opaque zb_progress *. */
    final class ProgressPtr extends PointerType {
    }

    /** A struct of the C API: its strings are UTF-8, whatever the platform's default. */
    abstract class Struct extends Structure {
        Struct() {
            setStringEncoding(StandardCharsets.UTF_8.name());
        }
    }

    /** zb_error (common.h). */
    @Structure.FieldOrder({"code", "message"})
    final class ZbError extends Struct {
        public int code;
        public byte[] message = new byte[1024];

        String text() {
            int n = 0;
            while (n < message.length && message[n] != 0)
                n++;
            return new String(message, 0, n, StandardCharsets.UTF_8);
        }
    }

    /** zb_date (common.h), passed and returned by value. */
    @Structure.FieldOrder({"year", "month", "day"})
    class ZbDate extends Struct {
        public int year;
        public int month;
        public int day;

        /** By value, as zb_plan_set_date() takes it and zb_plan_date() returns it. */
        public static final class ByValue extends ZbDate implements Structure.ByValue {
        }
    }

    /** zb_indicator_def (plan.h). */
    @Structure.FieldOrder({"seq", "category", "name", "unit", "target", "qualifier", "kind", "direction",
            "responsible", "source", "weight", "target_year", "attribute", "base", "base_year", "note"})
    final class IndicatorDefStruct extends Struct {
        public int seq;
        public String category;
        public String name;
        public String unit;
        public String target;
        public int qualifier;
        public int kind;
        public int direction;
        public String responsible;
        public String source;
        public double weight;
        public int target_year;
        public int attribute;
        public String base;
        public int base_year;
        public String note;
    }

    /** zb_task_def (plan.h). */
    @Structure.FieldOrder({"number", "headings", "heading_count", "title", "text", "source"})
    final class TaskDefStruct extends Struct {
        public String number;
        public Pointer headings;
        public SizeT heading_count = new SizeT();
        public String title;
        public String text;
        public String source;
    }

    /** zb_prose_target_def (plan.h). */
    @Structure.FieldOrder({"name", "unit", "value", "qualifier", "first_year", "last_year", "sentence", "task",
            "source"})
    final class ProseTargetDefStruct extends Struct {
        public String name;
        public String unit;
        public String value;
        public int qualifier;
        public int first_year;
        public int last_year;
        public String sentence;
        public SizeT task = new SizeT();
        public String source;
    }

    /** zb_validate_options (plan.h). */
    @Structure.FieldOrder({"document", "actuals", "period"})
    final class ValidateOptionsStruct extends Struct {
        public int document;
        public int actuals;
        public String period;
    }

    /** zb_csv_options (csv.h). */
    @Structure.FieldOrder({"delimiter"})
    final class CsvOptionsStruct extends Struct {
        public byte delimiter;
    }

    /** zb_import_options (import.h). */
    @Structure.FieldOrder({"strict"})
    final class ImportOptionsStruct extends Struct {
        public int strict;
    }

    /** zb_progress_options (progress.h). */
    @Structure.FieldOrder({"about_tolerance"})
    class ProgressOptionsStruct extends Struct {
        public double about_tolerance;

        /** As the option structs point to it. */
        public static final class ByReference extends ProgressOptionsStruct implements Structure.ByReference {
        }
    }

    /** zb_table_options (xlsx.h). */
    @Structure.FieldOrder({"label", "title", "sheet_name", "header_seq", "header_category", "header_name",
            "header_unit", "header_target", "header_responsible", "unit_column", "font_body", "font_heading",
            "font_title", "body_size", "title_size", "header_attribute", "header_base", "header_note", "scratch_dir",
            "margins"})
    final class TableOptionsStruct extends Struct {
        public String label;
        public String title;
        public String sheet_name;
        public String header_seq;
        public String header_category;
        public String header_name;
        public String header_unit;
        public String header_target;
        public String header_responsible;
        public int unit_column;
        public String font_body;
        public String font_heading;
        public String font_title;
        public double body_size;
        public double title_size;
        public String header_attribute;
        public String header_base;
        public String header_note;
        public String scratch_dir;
        public int margins;
    }

    /** zb_breakdown_options (xlsx.h). */
    @Structure.FieldOrder({"title", "font_body", "font_heading", "font_title", "scratch_dir", "margins"})
    final class BreakdownOptionsStruct extends Struct {
        public String title;
        public String font_body;
        public String font_heading;
        public String font_title;
        public String scratch_dir;
        public int margins;
    }

    /** zb_progress_sheet_options (xlsx.h). */
    @Structure.FieldOrder({"title", "progress", "font_body", "font_heading", "font_title", "scratch_dir"})
    final class ProgressSheetOptionsStruct extends Struct {
        public String title;
        public ProgressOptionsStruct.ByReference progress;
        public String font_body;
        public String font_heading;
        public String font_title;
        public String scratch_dir;
    }

    /** zb_assessment_options (xlsx.h). */
    @Structure.FieldOrder({"title", "scoring", "cap", "progress", "font_body", "font_heading", "font_title", "scratch_dir"})
    final class AssessmentOptionsStruct extends Struct {
        public String title;
        public int scoring;
        public double cap;
        public ProgressOptionsStruct.ByReference progress;
        public String font_body;
        public String font_heading;
        public String font_title;
        public String scratch_dir;
    }

    /** zb_notice_options (pdf.h). */
    @Structure.FieldOrder({"seal_png", "sealed", "omit_attachments", "omit_imprint", "masthead", "seal_png_data", "seal_png_size"})
    final class NoticeOptionsStruct extends Struct {
        public String seal_png;
        public int sealed;
        public int omit_attachments;
        public int omit_imprint;
        public int masthead;
        public Pointer seal_png_data;
        public SizeT seal_png_size = new SizeT();
    }

    /** zb_bulletin_options (pdf.h). */
    @Structure.FieldOrder({"title", "doc_number", "progress", "seal_png", "sealed", "masthead", "seal_png_data", "seal_png_size"})
    final class BulletinOptionsStruct extends Struct {
        public String title;
        public String doc_number;
        public ProgressOptionsStruct.ByReference progress;
        public String seal_png;
        public int sealed;
        public int masthead;
        public Pointer seal_png_data;
        public SizeT seal_png_size = new SizeT();
    }

    /** zb_pdf_info (pdf.h). */
    @Structure.FieldOrder({"pages", "bytes", "fallback_chars", "fallback_note"})
    final class PdfInfoStruct extends Struct {
        public int pages;
        public SizeT bytes = new SizeT();
        public SizeT fallback_chars = new SizeT();
        public byte[] fallback_note = new byte[512];
    }

    // ---- common.h --------------------------------------------------------------------------
    String zb_strerror(int status);
    String zb_version();
    void zb_free(Pointer ptr);
    int zb_output_check(String path, String extension, ZbError error);

    // ---- plan.h: lifetime and errors -------------------------------------------------------
    PlanPtr zb_plan_new();
    void zb_plan_free(PlanPtr plan);
    String zb_errmsg(PlanPtr plan);

    // metadata
    int zb_plan_set_meta(PlanPtr plan, int field, String text);
    String zb_plan_meta(PlanPtr plan, int field);
    int zb_plan_set_date(PlanPtr plan, int field, ZbDate.ByValue date);
    ZbDate.ByValue zb_plan_date(PlanPtr plan, int field);
    int zb_plan_set_years(PlanPtr plan, int first, int last);
    int zb_plan_first_year(PlanPtr plan);
    int zb_plan_last_year(PlanPtr plan);
    int zb_plan_add_recipient(PlanPtr plan, String name);
    SizeT zb_plan_recipient_count(PlanPtr plan);
    String zb_plan_recipient(PlanPtr plan, SizeT i);
    int zb_plan_add_copy_to(PlanPtr plan, String name);
    SizeT zb_plan_copy_to_count(PlanPtr plan);
    String zb_plan_copy_to(PlanPtr plan, SizeT i);

    // units
    int zb_plan_add_unit(PlanPtr plan, String name, String fullName);
    SizeT zb_plan_unit_count(PlanPtr plan);
    String zb_plan_unit_name(PlanPtr plan, SizeT i);
    String zb_plan_unit_full_name(PlanPtr plan, SizeT i);
    SizeT zb_plan_find_unit(PlanPtr plan, String name);

    // categories
    int zb_plan_add_category(PlanPtr plan, String name, SizeTByReference indexOut);
    SizeT zb_plan_category_count(PlanPtr plan);
    String zb_plan_category_name(PlanPtr plan, SizeT i);
    SizeT zb_plan_find_category(PlanPtr plan, String name);

    // indicators
    int zb_plan_add_indicator(PlanPtr plan, IndicatorDefStruct def, SizeTByReference indexOut);
    int zb_plan_add_indicator_responsible(PlanPtr plan, SizeT i, String unit);
    SizeT zb_plan_indicator_count(PlanPtr plan);
    SizeT zb_plan_find_indicator(PlanPtr plan, int seq);
    int zb_plan_indicator_seq(PlanPtr plan, SizeT i);
    SizeT zb_plan_indicator_category(PlanPtr plan, SizeT i);
    String zb_plan_indicator_name(PlanPtr plan, SizeT i);
    String zb_plan_indicator_bare_name(PlanPtr plan, SizeT i);
    String zb_plan_indicator_unit(PlanPtr plan, SizeT i);
    String zb_plan_indicator_target_text(PlanPtr plan, SizeT i);
    double zb_plan_indicator_target(PlanPtr plan, SizeT i);
    int zb_plan_indicator_qualifier(PlanPtr plan, SizeT i);
    int zb_plan_indicator_kind(PlanPtr plan, SizeT i);
    int zb_plan_indicator_direction(PlanPtr plan, SizeT i);
    SizeT zb_plan_indicator_responsible_count(PlanPtr plan, SizeT i);
    String zb_plan_indicator_responsible(PlanPtr plan, SizeT i, SizeT j);
    String zb_plan_indicator_lead(PlanPtr plan, SizeT i);
    String zb_plan_indicator_source(PlanPtr plan, SizeT i);
    double zb_plan_indicator_weight(PlanPtr plan, SizeT i);
    int zb_plan_indicator_unit_given(PlanPtr plan, SizeT i);
    int zb_plan_indicator_target_class(PlanPtr plan, SizeT i);
    int zb_plan_indicator_attribute(PlanPtr plan, SizeT i);
    int zb_plan_indicator_base_year(PlanPtr plan, SizeT i);
    String zb_plan_indicator_base_text(PlanPtr plan, SizeT i);
    double zb_plan_indicator_base_value(PlanPtr plan, SizeT i);
    String zb_plan_indicator_note(PlanPtr plan, SizeT i);
    SizeT zb_plan_indicator_target_count(PlanPtr plan, SizeT i);
    SizeT zb_plan_indicator_primary_target(PlanPtr plan, SizeT i);
    SizeT zb_plan_indicator_find_target(PlanPtr plan, SizeT i, int year);
    int zb_plan_indicator_target_year(PlanPtr plan, SizeT i, SizeT k);
    String zb_plan_indicator_target_text_at(PlanPtr plan, SizeT i, SizeT k);
    double zb_plan_indicator_target_value_at(PlanPtr plan, SizeT i, SizeT k);
    int zb_plan_indicator_target_qualifier_at(PlanPtr plan, SizeT i, SizeT k);
    int zb_plan_indicator_target_class_at(PlanPtr plan, SizeT i, SizeT k);
    int zb_plan_indicator_target_change_at(PlanPtr plan, SizeT i, SizeT k);
    double zb_plan_indicator_target_change_amount_at(PlanPtr plan, SizeT i, SizeT k);
    int zb_plan_indicator_target_as_change_at(PlanPtr plan, SizeT i, SizeT k);
    int zb_plan_indicator_target_from_base_at(PlanPtr plan, SizeT i, SizeT k);
    int zb_plan_indicator_set_target(PlanPtr plan, SizeT i, int year, String text, int qualifier);
    int zb_plan_indicator_set_unit(PlanPtr plan, SizeT i, String unit);
    int zb_plan_indicator_set_kind(PlanPtr plan, SizeT i, int kind);
    int zb_plan_indicator_set_direction(PlanPtr plan, SizeT i, int direction);
    int zb_plan_indicator_set_weight(PlanPtr plan, SizeT i, double weight);
    int zb_plan_indicator_set_attribute(PlanPtr plan, SizeT i, int attribute);
    int zb_plan_indicator_set_base(PlanPtr plan, SizeT i, int year, String text);
    int zb_plan_indicator_set_note(PlanPtr plan, SizeT i, String note);
    int zb_infer_kind_with_unit(String name, String unit);
    int zb_classify_target(String text, DoubleByReference number, IntByReference qualifier, IntByReference change);
    SizeT zb_infer_unit(String name, byte[] buf, SizeT size);
    int zb_parse_target(String text, DoubleByReference value, IntByReference qualifier);
    int zb_infer_kind(String name);
    int zb_infer_direction(String name);

    // tasks
    int zb_plan_add_task(PlanPtr plan, TaskDefStruct def, SizeTByReference indexOut);
    SizeT zb_plan_task_count(PlanPtr plan);
    String zb_plan_task_number(PlanPtr plan, SizeT t);
    SizeT zb_plan_task_heading_count(PlanPtr plan, SizeT t);
    String zb_plan_task_heading(PlanPtr plan, SizeT t, SizeT k);
    String zb_plan_task_title(PlanPtr plan, SizeT t);
    String zb_plan_task_text(PlanPtr plan, SizeT t);
    String zb_plan_task_source(PlanPtr plan, SizeT t);
    int zb_plan_add_task_duty(PlanPtr plan, SizeT t, String text, String responsible, String note);
    SizeT zb_plan_task_duty_count(PlanPtr plan, SizeT t);
    String zb_plan_task_duty_text(PlanPtr plan, SizeT t, SizeT d);
    String zb_plan_task_duty_note(PlanPtr plan, SizeT t, SizeT d);
    SizeT zb_plan_task_duty_responsible_count(PlanPtr plan, SizeT t, SizeT d);
    String zb_plan_task_duty_responsible(PlanPtr plan, SizeT t, SizeT d, SizeT k);
    SizeT zb_plan_task_duty_lead_count(PlanPtr plan, SizeT t, SizeT d);
    int zb_plan_set_task_duty_lead_count(PlanPtr plan, SizeT t, SizeT d, SizeT count);

    // body
    int zb_plan_add_block(PlanPtr plan, int level, String text);
    int zb_plan_add_block_to(PlanPtr plan, int part, int level, String text);
    int zb_plan_block_part(PlanPtr plan, SizeT b);
    SizeT zb_plan_block_count(PlanPtr plan);
    int zb_plan_block_level(PlanPtr plan, SizeT b);
    String zb_plan_block_text(PlanPtr plan, SizeT b);

    // attachments
    int zb_plan_add_attachment(PlanPtr plan, int number, int kind, String title, String text);
    SizeT zb_plan_attachment_count(PlanPtr plan);
    int zb_plan_attachment_number(PlanPtr plan, SizeT a);
    int zb_plan_attachment_kind(PlanPtr plan, SizeT a);
    String zb_plan_attachment_title(PlanPtr plan, SizeT a);
    String zb_plan_attachment_text(PlanPtr plan, SizeT a);

    // actuals
    int zb_plan_add_actual(PlanPtr plan, int seq, String period, double value, String note);
    SizeT zb_plan_actual_count(PlanPtr plan);
    SizeT zb_plan_actual_indicator(PlanPtr plan, SizeT a);
    String zb_plan_actual_period(PlanPtr plan, SizeT a);
    double zb_plan_actual_value(PlanPtr plan, SizeT a);
    String zb_plan_actual_note(PlanPtr plan, SizeT a);
    SizeT zb_plan_find_actual(PlanPtr plan, SizeT i, String period);

    // prose targets
    int zb_plan_add_prose_target(PlanPtr plan, ProseTargetDefStruct def, SizeTByReference indexOut);
    SizeT zb_plan_prose_target_count(PlanPtr plan);
    String zb_plan_prose_target_name(PlanPtr plan, SizeT p);
    String zb_plan_prose_target_unit(PlanPtr plan, SizeT p);
    String zb_plan_prose_target_value_text(PlanPtr plan, SizeT p);
    double zb_plan_prose_target_value(PlanPtr plan, SizeT p);
    int zb_plan_prose_target_qualifier(PlanPtr plan, SizeT p);
    int zb_plan_prose_target_first_year(PlanPtr plan, SizeT p);
    int zb_plan_prose_target_last_year(PlanPtr plan, SizeT p);
    String zb_plan_prose_target_sentence(PlanPtr plan, SizeT p);
    SizeT zb_plan_prose_target_task(PlanPtr plan, SizeT p);
    String zb_plan_prose_target_source(PlanPtr plan, SizeT p);
    int zb_infer_collective(String name);

    // validation
    int zb_plan_validate(PlanPtr plan, PointerByReference out);
    int zb_plan_validate_opt(PlanPtr plan, ValidateOptionsStruct options, PointerByReference out);
    SizeT zb_findings_count(FindingsPtr findings);
    SizeT zb_findings_error_count(FindingsPtr findings);
    int zb_findings_severity(FindingsPtr findings, SizeT i);
    String zb_findings_code(FindingsPtr findings, SizeT i);
    String zb_findings_location(FindingsPtr findings, SizeT i);
    String zb_findings_message(FindingsPtr findings, SizeT i);
    void zb_findings_free(FindingsPtr findings);
    int zb_plan_load(PlanPtr plan, String path);
    int zb_plan_load_string(PlanPtr plan, byte[] text, SizeT len, String name);

    // ---- json.h ----------------------------------------------------------------------------
    int zb_json_load(PlanPtr plan, String path);
    int zb_json_load_string(PlanPtr plan, byte[] text, SizeT len, String name);
    int zb_json_save(PlanPtr plan, String path, ZbError error);
    int zb_json_dump(PlanPtr plan, PointerByReference out, SizeTByReference len, ZbError error);

    // ---- csv.h -----------------------------------------------------------------------------
    int zb_csv_load(PlanPtr plan, String path, CsvOptionsStruct options);
    int zb_csv_load_string(PlanPtr plan, byte[] text, SizeT len, String name, CsvOptionsStruct options);
    int zb_csv_load_actuals(PlanPtr plan, String path, CsvOptionsStruct options);
    int zb_csv_load_actuals_string(PlanPtr plan, byte[] text, SizeT len, String name, CsvOptionsStruct options);

    // ---- import.h --------------------------------------------------------------------------
    int zb_import_text(PlanPtr plan, String path, ImportOptionsStruct options, PointerByReference report);
    int zb_import_text_string(PlanPtr plan, byte[] text, SizeT len, String name, ImportOptionsStruct options,
                              PointerByReference report);

    // ---- progress.h ------------------------------------------------------------------------
    String zb_standing_label(int standing);
    int zb_progress_parse_period(String text, byte[] out, ZbError error);
    int zb_progress_evaluate(PlanPtr plan, String period, ProgressOptionsStruct options, PointerByReference out,
                             ZbError error);
    void zb_progress_free(ProgressPtr progress);
    String zb_progress_period(ProgressPtr progress);
    SizeT zb_progress_count(ProgressPtr progress);
    SizeT zb_progress_indicator(ProgressPtr progress, SizeT i);
    int zb_progress_seq(ProgressPtr progress, SizeT i);
    int zb_progress_standing(ProgressPtr progress, SizeT i);
    double zb_progress_actual(ProgressPtr progress, SizeT i);
    double zb_progress_target(ProgressPtr progress, SizeT i);
    String zb_progress_target_text(ProgressPtr progress, SizeT i);
    int zb_progress_target_year(ProgressPtr progress, SizeT i);
    double zb_progress_completion(ProgressPtr progress, SizeT i);
    double zb_progress_expected(ProgressPtr progress, SizeT i);
    String zb_progress_explain(ProgressPtr progress, SizeT i);
    SizeT zb_progress_count_standing(ProgressPtr progress, int standing);

    // ---- xlsx.h ----------------------------------------------------------------------------
    int zb_xlsx_parse_scoring(String text, IntByReference out, ZbError error);
    int zb_xlsx_breakdown_count(PlanPtr plan, SizeTByReference items, SizeTByReference units, ZbError error);
    double zb_xlsx_assessment_score(PlanPtr plan, ProgressPtr progress, SizeT i, AssessmentOptionsStruct options);
    int zb_xlsx_write_target_table(PlanPtr plan, String path, TableOptionsStruct options, ZbError error);
    int zb_xlsx_write_breakdown(PlanPtr plan, String path, BreakdownOptionsStruct options, ZbError error);
    int zb_xlsx_write_progress(PlanPtr plan, String period, String path, ProgressSheetOptionsStruct options,
                               ZbError error);
    int zb_xlsx_write_assessment(PlanPtr plan, String period, String path, AssessmentOptionsStruct options,
                                 ZbError error);
    int zb_xlsx_target_table_to_buffer(PlanPtr plan, TableOptionsStruct options, PointerByReference out,
                                       SizeTByReference len, ZbError error);
    int zb_xlsx_breakdown_to_buffer(PlanPtr plan, BreakdownOptionsStruct options, PointerByReference out,
                                    SizeTByReference len, ZbError error);
    int zb_xlsx_progress_to_buffer(PlanPtr plan, String period, ProgressSheetOptionsStruct options,
                                   PointerByReference out, SizeTByReference len, ZbError error);
    int zb_xlsx_assessment_to_buffer(PlanPtr plan, String period, AssessmentOptionsStruct options,
                                     PointerByReference out, SizeTByReference len, ZbError error);

    // ---- font.h ----------------------------------------------------------------------------
    FontsetPtr zb_fontset_new();
    void zb_fontset_free(FontsetPtr fonts);
    String zb_fontset_errmsg(FontsetPtr fonts);
    int zb_fontset_set(FontsetPtr fonts, int role, String path, int faceIndex);
    int zb_fontset_add_fallback(FontsetPtr fonts, String path, int faceIndex);
    int zb_fontset_set_role_memory(FontsetPtr fonts, int role, byte[] data, SizeT size, int faceIndex, String name);
    int zb_fontset_add_fallback_memory(FontsetPtr fonts, byte[] data, SizeT size, int faceIndex, String name);
    int zb_fontset_load_json(FontsetPtr fonts, String path);
    int zb_fontset_load_defaults(FontsetPtr fonts);
    String zb_fontset_file(FontsetPtr fonts, int role);
    int zb_fontset_face_index(FontsetPtr fonts, int role);
    String zb_fontset_describe(FontsetPtr fonts, int role);
    SizeT zb_fontset_fallback_count(FontsetPtr fonts);
    String zb_fontset_fallback_file(FontsetPtr fonts, SizeT i);

    // ---- pdf.h -----------------------------------------------------------------------------
    int zb_pdf_write_notice(PlanPtr plan, FontsetPtr fonts, String path, NoticeOptionsStruct options,
                            PdfInfoStruct info, ZbError error);
    int zb_pdf_write_bulletin(PlanPtr plan, FontsetPtr fonts, String period, String path,
                              BulletinOptionsStruct options, PdfInfoStruct info, ZbError error);
    int zb_pdf_notice_to_buffer(PlanPtr plan, FontsetPtr fonts, NoticeOptionsStruct options,
                                PointerByReference out, SizeTByReference len, PdfInfoStruct info, ZbError error);
    int zb_pdf_bulletin_to_buffer(PlanPtr plan, FontsetPtr fonts, String period, BulletinOptionsStruct options,
                                  PointerByReference out, SizeTByReference len, PdfInfoStruct info,
                                  ZbError error);

    // ---- ofd.h -----------------------------------------------------------------------------
    int zb_ofd_write_notice(PlanPtr plan, FontsetPtr fonts, String path, NoticeOptionsStruct options,
                            PdfInfoStruct info, ZbError error);
    int zb_ofd_write_bulletin(PlanPtr plan, FontsetPtr fonts, String period, String path,
                              BulletinOptionsStruct options, PdfInfoStruct info, ZbError error);
    int zb_ofd_notice_to_buffer(PlanPtr plan, FontsetPtr fonts, NoticeOptionsStruct options,
                                PointerByReference out, SizeTByReference len, PdfInfoStruct info, ZbError error);
    int zb_ofd_bulletin_to_buffer(PlanPtr plan, FontsetPtr fonts, String period, BulletinOptionsStruct options,
                                  PointerByReference out, SizeTByReference len, PdfInfoStruct info,
                                  ZbError error);
}
