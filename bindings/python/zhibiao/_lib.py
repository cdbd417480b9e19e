"""Finding and loading libzhibiao, and the one table of its C declarations.

Everything that knows about C lives here: the enums and structs mirrored from
include/zhibiao/*.h, the search for the shared library, the declaration table (argtypes,
restype, errcheck) applied once at load, and the errcheck functions that turn a failed
zb_status into zhibiao.Error with the handle's message. The rest of the package only calls
``C.zb_*``.
"""
import ctypes
import ctypes.util
import os
import sys
import sysconfig
import threading
from ctypes import POINTER, Structure, c_char, c_char_p, c_double, c_int, c_size_t, c_void_p

from ._errors import Error, InputError, OutOfMemoryError, from_status, strerror  # noqa: F401
from ._version import __version__

from ._enums import (AttachmentKind, CEnum, DateField, Direction, Document, FontRole, Kind, Masthead, Meta,
                     Part, Qualifier, Scoring, Severity, SheetMargins, Standing, Status, Attribute, TargetClass,
                     Change)

#: The size_t that names nothing (ZB_NONE), what the find functions return.
NONE = ctypes.c_size_t(-1).value

# ---- structs ----------------------------------------------------------------------------


class ZbError(Structure):
    _fields_ = [("code", c_int), ("message", c_char * 1024)]


class ZbDate(Structure):
    _fields_ = [("year", c_int), ("month", c_int), ("day", c_int)]


class IndicatorDef(Structure):
    _fields_ = [("seq", c_int), ("category", c_char_p), ("name", c_char_p), ("unit", c_char_p),
                ("target", c_char_p), ("qualifier", c_int), ("kind", c_int), ("direction", c_int),
                ("responsible", c_char_p), ("source", c_char_p), ("weight", c_double),
                ("target_year", c_int), ("attribute", c_int), ("base", c_char_p), ("base_year", c_int),
                ("note", c_char_p)]


class TaskDef(Structure):
    _fields_ = [("number", c_char_p), ("headings", POINTER(c_char_p)), ("heading_count", c_size_t),
                ("title", c_char_p), ("text", c_char_p), ("source", c_char_p)]


class ProseTargetDef(Structure):
    _fields_ = [("name", c_char_p), ("unit", c_char_p), ("value", c_char_p), ("qualifier", c_int),
                ("first_year", c_int), ("last_year", c_int), ("sentence", c_char_p),
                ("task", c_size_t), ("source", c_char_p)]


class ValidateOptions(Structure):
    _fields_ = [("document", c_int), ("actuals", c_int), ("period", c_char_p)]


class CsvOptions(Structure):
    _fields_ = [("delimiter", c_char)]


class ImportOptions(Structure):
    _fields_ = [("strict", c_int)]


class ProgressOptions(Structure):
    _fields_ = [("about_tolerance", c_double)]


class TableOptions(Structure):
    _fields_ = [("label", c_char_p), ("title", c_char_p), ("sheet_name", c_char_p),
                ("header_seq", c_char_p), ("header_category", c_char_p), ("header_name", c_char_p),
                ("header_unit", c_char_p), ("header_target", c_char_p),
                ("header_responsible", c_char_p), ("unit_column", c_int), ("font_body", c_char_p),
                ("font_heading", c_char_p), ("font_title", c_char_p), ("body_size", c_double),
                ("title_size", c_double), ("header_attribute", c_char_p), ("header_base", c_char_p),
                ("header_note", c_char_p), ("scratch_dir", c_char_p),
                ("margins", c_int)]


class BreakdownOptions(Structure):
    _fields_ = [("title", c_char_p), ("font_body", c_char_p), ("font_heading", c_char_p),
                ("font_title", c_char_p), ("scratch_dir", c_char_p),
                ("margins", c_int)]


class ProgressSheetOptions(Structure):
    _fields_ = [("title", c_char_p), ("progress", POINTER(ProgressOptions)),
                ("font_body", c_char_p), ("font_heading", c_char_p), ("font_title", c_char_p),
                ("scratch_dir", c_char_p)]


class AssessmentOptions(Structure):
    _fields_ = [("title", c_char_p), ("scoring", c_int), ("cap", c_double),
                ("progress", POINTER(ProgressOptions)), ("font_body", c_char_p),
                ("font_heading", c_char_p), ("font_title", c_char_p), ("scratch_dir", c_char_p)]


class NoticeOptions(Structure):
    _fields_ = [("seal_png", c_char_p), ("sealed", c_int), ("omit_attachments", c_int),
                ("omit_imprint", c_int), ("masthead", c_int),
                ("seal_png_data", c_void_p), ("seal_png_size", c_size_t)]


class ZbPdfInfo(Structure):
    _fields_ = [("pages", c_int), ("bytes", c_size_t), ("fallback_chars", c_size_t),
                ("fallback_note", c_char * 512)]


class BulletinOptions(Structure):
    _fields_ = [("title", c_char_p), ("doc_number", c_char_p),
                ("progress", POINTER(ProgressOptions)), ("seal_png", c_char_p), ("sealed", c_int),
                ("masthead", c_int),
                ("seal_png_data", c_void_p), ("seal_png_size", c_size_t)]


# Opaque handles: distinct pointer types, so that a fontset passed for a plan is refused.
class _Plan(Structure):
    pass


class _Findings(Structure):
    pass


class _Progress(Structure):
    pass


class _Fontset(Structure):
    pass


PlanP = POINTER(_Plan)
FindingsP = POINTER(_Findings)
ProgressP = POINTER(_Progress)
FontsetP = POINTER(_Fontset)

# ---- errors ------------------------------------------------------------------------------


class LibraryError(ImportError):
    """libzhibiao cannot be found or loaded, is another version, or lacks a function."""


# ---- errcheck ----------------------------------------------------------------------------


def _text(result, func, args):
    return None if result is None else result.decode("utf-8", "replace")


def _check_plan(result, func, args):
    """For calls that change a plan: the detail is zb_errmsg(plan)."""
    if result != Status.OK:
        raise from_status(result, C.zb_errmsg(args[0]))
    return result


def _check_error(result, func, args):
    """For calls that read a handle: the detail is in the zb_error passed last."""
    if result != Status.OK:
        err = args[-1]
        raise from_status(result, err.message.decode("utf-8", "replace") if err else "")
    return result


def _check_fonts(result, func, args):
    """For calls on a fontset: the detail is zb_fontset_errmsg(fonts)."""
    if result != Status.OK:
        raise from_status(result, C.zb_fontset_errmsg(args[0]))
    return result


def _check_status(result, func, args):
    """For calls that keep no detail anywhere (zb_plan_validate: out of memory only)."""
    if result != Status.OK:
        raise from_status(result)
    return result


def _check_new(result, func, args):
    if not result:
        raise OutOfMemoryError(Status.NOMEM, f"{func.__name__}: out of memory")
    return result


# ---- the declaration table ---------------------------------------------------------------
# One row per function of the public headers: name, restype, argtypes, errcheck. Applied
# once, at load. tests/test_consistency.py checks it against the headers and the library.

_S, _Z, _I, _D, _E = c_char_p, c_size_t, c_int, c_double, POINTER(ZbError)
_P, _F = PlanP, FontsetP
_ZP = POINTER(c_size_t)
_OUT = POINTER(POINTER(c_char))
_INFO = POINTER(ZbPdfInfo)

DECLARATIONS = [
    # common.h
    ("zb_strerror", _S, [_I], _text),
    ("zb_version", _S, [], _text),
    ("zb_free", None, [c_void_p], None),
    ("zb_output_check", _I, [_S, _S, _E], _check_error),
    # plan.h: lifetime and errors
    ("zb_plan_new", _P, [], _check_new),
    ("zb_plan_free", None, [_P], None),
    ("zb_plan_load", _I, [_P, _S], _check_plan),
    ("zb_plan_load_string", _I, [_P, _S, _Z, _S], _check_plan),
    ("zb_errmsg", _S, [_P], _text),
    # metadata
    ("zb_plan_set_meta", _I, [_P, _I, _S], _check_plan),
    ("zb_plan_meta", _S, [_P, _I], _text),
    ("zb_plan_set_date", _I, [_P, _I, ZbDate], _check_plan),
    ("zb_plan_date", ZbDate, [_P, _I], None),
    ("zb_plan_set_years", _I, [_P, _I, _I], _check_plan),
    ("zb_plan_first_year", _I, [_P], None),
    ("zb_plan_last_year", _I, [_P], None),
    ("zb_plan_add_recipient", _I, [_P, _S], _check_plan),
    ("zb_plan_recipient_count", _Z, [_P], None),
    ("zb_plan_recipient", _S, [_P, _Z], _text),
    ("zb_plan_add_copy_to", _I, [_P, _S], _check_plan),
    ("zb_plan_copy_to_count", _Z, [_P], None),
    ("zb_plan_copy_to", _S, [_P, _Z], _text),
    # units
    ("zb_plan_add_unit", _I, [_P, _S, _S], _check_plan),
    ("zb_plan_unit_count", _Z, [_P], None),
    ("zb_plan_unit_name", _S, [_P, _Z], _text),
    ("zb_plan_unit_full_name", _S, [_P, _Z], _text),
    ("zb_plan_find_unit", _Z, [_P, _S], None),
    # categories
    ("zb_plan_add_category", _I, [_P, _S, _ZP], _check_plan),
    ("zb_plan_category_count", _Z, [_P], None),
    ("zb_plan_category_name", _S, [_P, _Z], _text),
    ("zb_plan_find_category", _Z, [_P, _S], None),
    # indicators
    ("zb_plan_add_indicator", _I, [_P, POINTER(IndicatorDef), _ZP], _check_plan),
    ("zb_plan_add_indicator_responsible", _I, [_P, _Z, _S], _check_plan),
    ("zb_plan_indicator_count", _Z, [_P], None),
    ("zb_plan_find_indicator", _Z, [_P, _I], None),
    ("zb_plan_indicator_seq", _I, [_P, _Z], None),
    ("zb_plan_indicator_category", _Z, [_P, _Z], None),
    ("zb_plan_indicator_name", _S, [_P, _Z], _text),
    ("zb_plan_indicator_bare_name", _S, [_P, _Z], _text),
    ("zb_plan_indicator_unit", _S, [_P, _Z], _text),
    ("zb_plan_indicator_target_text", _S, [_P, _Z], _text),
    ("zb_plan_indicator_target", _D, [_P, _Z], None),
    ("zb_plan_indicator_qualifier", _I, [_P, _Z], None),
    ("zb_plan_indicator_kind", _I, [_P, _Z], None),
    ("zb_plan_indicator_direction", _I, [_P, _Z], None),
    ("zb_plan_indicator_responsible_count", _Z, [_P, _Z], None),
    ("zb_plan_indicator_responsible", _S, [_P, _Z, _Z], _text),
    ("zb_plan_indicator_lead", _S, [_P, _Z], _text),
    ("zb_plan_indicator_source", _S, [_P, _Z], _text),
    ("zb_plan_indicator_weight", _D, [_P, _Z], None),
    ("zb_plan_indicator_unit_given", _I, [_P, _Z], None),
    ("zb_plan_indicator_target_class", _I, [_P, _Z], None),
    ("zb_plan_indicator_attribute", _I, [_P, _Z], None),
    ("zb_plan_indicator_base_year", _I, [_P, _Z], None),
    ("zb_plan_indicator_base_text", _S, [_P, _Z], _text),
    ("zb_plan_indicator_base_value", _D, [_P, _Z], None),
    ("zb_plan_indicator_note", _S, [_P, _Z], _text),
    ("zb_plan_indicator_target_count", _Z, [_P, _Z], None),
    ("zb_plan_indicator_primary_target", _Z, [_P, _Z], None),
    ("zb_plan_indicator_find_target", _Z, [_P, _Z, _I], None),
    ("zb_plan_indicator_target_year", _I, [_P, _Z, _Z], None),
    ("zb_plan_indicator_target_text_at", _S, [_P, _Z, _Z], _text),
    ("zb_plan_indicator_target_value_at", _D, [_P, _Z, _Z], None),
    ("zb_plan_indicator_target_qualifier_at", _I, [_P, _Z, _Z], None),
    ("zb_plan_indicator_target_class_at", _I, [_P, _Z, _Z], None),
    ("zb_plan_indicator_target_change_at", _I, [_P, _Z, _Z], None),
    ("zb_plan_indicator_target_change_amount_at", _D, [_P, _Z, _Z], None),
    ("zb_plan_indicator_target_as_change_at", _I, [_P, _Z, _Z], None),
    ("zb_plan_indicator_target_from_base_at", _I, [_P, _Z, _Z], None),
    ("zb_plan_indicator_set_target", _I, [_P, _Z, _I, _S, _I], _check_plan),
    ("zb_plan_indicator_set_unit", _I, [_P, _Z, _S], _check_plan),
    ("zb_plan_indicator_set_kind", _I, [_P, _Z, _I], _check_plan),
    ("zb_plan_indicator_set_direction", _I, [_P, _Z, _I], _check_plan),
    ("zb_plan_indicator_set_weight", _I, [_P, _Z, _D], _check_plan),
    ("zb_plan_indicator_set_attribute", _I, [_P, _Z, _I], _check_plan),
    ("zb_plan_indicator_set_base", _I, [_P, _Z, _I, _S], _check_plan),
    ("zb_plan_indicator_set_note", _I, [_P, _Z, _S], _check_plan),
    ("zb_infer_unit", _Z, [_S, POINTER(c_char), _Z], None),
    ("zb_parse_target", _I, [_S, POINTER(c_double), POINTER(c_int)], None),
    ("zb_infer_kind", _I, [_S], None),
    ("zb_infer_direction", _I, [_S], None),
    ("zb_infer_kind_with_unit", _I, [_S, _S], None),
    ("zb_classify_target", _I, [_S, POINTER(c_double), POINTER(c_int), POINTER(c_int)], None),
    # tasks
    ("zb_plan_add_task", _I, [_P, POINTER(TaskDef), _ZP], _check_plan),
    ("zb_plan_task_count", _Z, [_P], None),
    ("zb_plan_task_number", _S, [_P, _Z], _text),
    ("zb_plan_task_heading_count", _Z, [_P, _Z], None),
    ("zb_plan_task_heading", _S, [_P, _Z, _Z], _text),
    ("zb_plan_task_title", _S, [_P, _Z], _text),
    ("zb_plan_task_text", _S, [_P, _Z], _text),
    ("zb_plan_task_source", _S, [_P, _Z], _text),
    ("zb_plan_add_task_duty", _I, [_P, _Z, _S, _S, _S], _check_plan),
    ("zb_plan_task_duty_count", _Z, [_P, _Z], None),
    ("zb_plan_task_duty_text", _S, [_P, _Z, _Z], _text),
    ("zb_plan_task_duty_note", _S, [_P, _Z, _Z], _text),
    ("zb_plan_task_duty_responsible_count", _Z, [_P, _Z, _Z], None),
    ("zb_plan_task_duty_responsible", _S, [_P, _Z, _Z, _Z], _text),
    ("zb_plan_task_duty_lead_count", _Z, [_P, _Z, _Z], None),
    ("zb_plan_set_task_duty_lead_count", _I, [_P, _Z, _Z, _Z], _check_plan),
    # body
    ("zb_plan_add_block", _I, [_P, _I, _S], _check_plan),
    ("zb_plan_add_block_to", _I, [_P, _I, _I, _S], _check_plan),
    ("zb_plan_block_part", _I, [_P, _Z], None),
    ("zb_plan_block_count", _Z, [_P], None),
    ("zb_plan_block_level", _I, [_P, _Z], None),
    ("zb_plan_block_text", _S, [_P, _Z], _text),
    # attachments
    ("zb_plan_add_attachment", _I, [_P, _I, _I, _S, _S], _check_plan),
    ("zb_plan_attachment_count", _Z, [_P], None),
    ("zb_plan_attachment_number", _I, [_P, _Z], None),
    ("zb_plan_attachment_kind", _I, [_P, _Z], None),
    ("zb_plan_attachment_title", _S, [_P, _Z], _text),
    ("zb_plan_attachment_text", _S, [_P, _Z], _text),
    # actuals
    ("zb_plan_add_actual", _I, [_P, _I, _S, _D, _S], _check_plan),
    ("zb_plan_actual_count", _Z, [_P], None),
    ("zb_plan_actual_indicator", _Z, [_P, _Z], None),
    ("zb_plan_actual_period", _S, [_P, _Z], _text),
    ("zb_plan_actual_value", _D, [_P, _Z], None),
    ("zb_plan_actual_note", _S, [_P, _Z], _text),
    ("zb_plan_find_actual", _Z, [_P, _Z, _S], None),
    # prose targets
    ("zb_plan_add_prose_target", _I, [_P, POINTER(ProseTargetDef), _ZP], _check_plan),
    ("zb_plan_prose_target_count", _Z, [_P], None),
    ("zb_plan_prose_target_name", _S, [_P, _Z], _text),
    ("zb_plan_prose_target_unit", _S, [_P, _Z], _text),
    ("zb_plan_prose_target_value_text", _S, [_P, _Z], _text),
    ("zb_plan_prose_target_value", _D, [_P, _Z], None),
    ("zb_plan_prose_target_qualifier", _I, [_P, _Z], None),
    ("zb_plan_prose_target_first_year", _I, [_P, _Z], None),
    ("zb_plan_prose_target_last_year", _I, [_P, _Z], None),
    ("zb_plan_prose_target_sentence", _S, [_P, _Z], _text),
    ("zb_plan_prose_target_task", _Z, [_P, _Z], None),
    ("zb_plan_prose_target_source", _S, [_P, _Z], _text),
    ("zb_infer_collective", _I, [_S], None),
    # validation
    ("zb_plan_validate", _I, [_P, POINTER(FindingsP)], _check_status),
    ("zb_plan_validate_opt", _I, [_P, POINTER(ValidateOptions), POINTER(FindingsP)], _check_status),
    ("zb_findings_count", _Z, [FindingsP], None),
    ("zb_findings_error_count", _Z, [FindingsP], None),
    ("zb_findings_severity", _I, [FindingsP, _Z], None),
    ("zb_findings_code", _S, [FindingsP, _Z], _text),
    ("zb_findings_location", _S, [FindingsP, _Z], _text),
    ("zb_findings_message", _S, [FindingsP, _Z], _text),
    ("zb_findings_free", None, [FindingsP], None),
    # json.h
    ("zb_json_load", _I, [_P, _S], _check_plan),
    ("zb_json_load_string", _I, [_P, _S, _Z, _S], _check_plan),
    ("zb_json_save", _I, [_P, _S, _E], _check_error),
    ("zb_json_dump", _I, [_P, _OUT, _ZP, _E], _check_error),
    # csv.h
    ("zb_csv_load", _I, [_P, _S, POINTER(CsvOptions)], _check_plan),
    ("zb_csv_load_string", _I, [_P, _S, _Z, _S, POINTER(CsvOptions)], _check_plan),
    ("zb_csv_load_actuals", _I, [_P, _S, POINTER(CsvOptions)], _check_plan),
    ("zb_csv_load_actuals_string", _I, [_P, _S, _Z, _S, POINTER(CsvOptions)], _check_plan),
    # import.h
    ("zb_import_text", _I, [_P, _S, POINTER(ImportOptions), POINTER(FindingsP)], _check_plan),
    ("zb_import_text_string", _I, [_P, _S, _Z, _S, POINTER(ImportOptions), POINTER(FindingsP)],
     _check_plan),
    # progress.h
    ("zb_standing_label", _S, [_I], _text),
    ("zb_progress_parse_period", _I, [_S, POINTER(c_char), _E], _check_error),
    ("zb_progress_evaluate", _I, [_P, _S, POINTER(ProgressOptions), POINTER(ProgressP), _E],
     _check_error),
    ("zb_progress_free", None, [ProgressP], None),
    ("zb_progress_period", _S, [ProgressP], _text),
    ("zb_progress_count", _Z, [ProgressP], None),
    ("zb_progress_indicator", _Z, [ProgressP, _Z], None),
    ("zb_progress_seq", _I, [ProgressP, _Z], None),
    ("zb_progress_standing", _I, [ProgressP, _Z], None),
    ("zb_progress_actual", _D, [ProgressP, _Z], None),
    ("zb_progress_target", _D, [ProgressP, _Z], None),
    ("zb_progress_completion", _D, [ProgressP, _Z], None),
    ("zb_progress_expected", _D, [ProgressP, _Z], None),
    ("zb_progress_target_text", _S, [ProgressP, _Z], _text),
    ("zb_progress_target_year", _I, [ProgressP, _Z], None),
    ("zb_progress_explain", _S, [ProgressP, _Z], _text),
    ("zb_progress_count_standing", _Z, [ProgressP, _I], None),
    # xlsx.h
    ("zb_xlsx_write_target_table", _I, [_P, _S, POINTER(TableOptions), _E], _check_error),
    ("zb_xlsx_write_breakdown", _I, [_P, _S, POINTER(BreakdownOptions), _E], _check_error),
    ("zb_xlsx_breakdown_count", _I, [_P, _ZP, _ZP, _E], _check_error),
    ("zb_xlsx_parse_scoring", _I, [_S, POINTER(c_int), _E], _check_error),
    ("zb_xlsx_write_progress", _I, [_P, _S, _S, POINTER(ProgressSheetOptions), _E], _check_error),
    ("zb_xlsx_write_assessment", _I, [_P, _S, _S, POINTER(AssessmentOptions), _E], _check_error),
    ("zb_xlsx_assessment_score", _D, [_P, ProgressP, _Z, POINTER(AssessmentOptions)], None),
    ("zb_xlsx_target_table_to_buffer", _I, [_P, POINTER(TableOptions), _OUT, _ZP, _E],
     _check_error),
    ("zb_xlsx_breakdown_to_buffer", _I, [_P, POINTER(BreakdownOptions), _OUT, _ZP, _E],
     _check_error),
    ("zb_xlsx_progress_to_buffer", _I, [_P, _S, POINTER(ProgressSheetOptions), _OUT, _ZP, _E],
     _check_error),
    ("zb_xlsx_assessment_to_buffer", _I, [_P, _S, POINTER(AssessmentOptions), _OUT, _ZP, _E],
     _check_error),
    # font.h
    ("zb_fontset_new", _F, [], _check_new),
    ("zb_fontset_free", None, [_F], None),
    ("zb_fontset_errmsg", _S, [_F], _text),
    ("zb_fontset_set", _I, [_F, _I, _S, _I], _check_fonts),
    ("zb_fontset_add_fallback", _I, [_F, _S, _I], _check_fonts),
    ("zb_fontset_set_role_memory", _I, [_F, _I, c_void_p, _Z, _I, _S], _check_fonts),
    ("zb_fontset_add_fallback_memory", _I, [_F, c_void_p, _Z, _I, _S], _check_fonts),
    ("zb_fontset_load_json", _I, [_F, _S], _check_fonts),
    ("zb_fontset_load_defaults", _I, [_F], _check_fonts),
    ("zb_fontset_file", _S, [_F, _I], _text),
    ("zb_fontset_face_index", _I, [_F, _I], None),
    ("zb_fontset_describe", _S, [_F, _I], _text),
    ("zb_fontset_fallback_count", _Z, [_F], None),
    ("zb_fontset_fallback_file", _S, [_F, _Z], _text),
    # pdf.h
    ("zb_pdf_write_notice", _I, [_P, _F, _S, POINTER(NoticeOptions), _INFO, _E], _check_error),
    ("zb_pdf_write_bulletin", _I, [_P, _F, _S, _S, POINTER(BulletinOptions), _INFO, _E],
     _check_error),
    ("zb_pdf_notice_to_buffer", _I, [_P, _F, POINTER(NoticeOptions), _OUT, _ZP, _INFO, _E],
     _check_error),
    ("zb_pdf_bulletin_to_buffer", _I, [_P, _F, _S, POINTER(BulletinOptions), _OUT, _ZP, _INFO, _E],
     _check_error),
    # ofd.h
    ("zb_ofd_write_notice", _I, [_P, _F, _S, POINTER(NoticeOptions), _INFO, _E], _check_error),
    ("zb_ofd_write_bulletin", _I, [_P, _F, _S, _S, POINTER(BulletinOptions), _INFO, _E],
     _check_error),
    ("zb_ofd_notice_to_buffer", _I, [_P, _F, POINTER(NoticeOptions), _OUT, _ZP, _INFO, _E],
     _check_error),
    ("zb_ofd_bulletin_to_buffer", _I, [_P, _F, _S, POINTER(BulletinOptions), _OUT, _ZP, _INFO, _E],
     _check_error),
]

# ---- finding the library -----------------------------------------------------------------

if sys.platform == "darwin":
    _FILES = ("libzhibiao.dylib", "libzhibiao.0.dylib")
elif sys.platform == "win32":
    _FILES = ("zhibiao.dll",)
else:
    _FILES = ("libzhibiao.so", "libzhibiao.so.0")


def _package_prefix(package):
    """The installation prefix of a package under <prefix>/lib/pythonX.Y/site-packages (or
    Debian's dist-packages); None for a package used from a source tree."""
    parts = package.split(os.sep)
    for i in range(len(parts) - 1, 1, -1):
        if parts[i] in ("site-packages", "dist-packages") and parts[i - 2] in ("lib", "lib64"):
            return os.sep.join(parts[:i - 2]) or os.sep
    return None


def _lib_folders(prefix):
    """Where ``cmake --install --prefix PREFIX`` puts a library: lib, and on Debian-like
    systems lib/<multiarch>; lib64 on others."""
    multiarch = sysconfig.get_config_var("MULTIARCH")
    folders = [os.path.join(prefix, "lib")]
    if multiarch:
        folders.append(os.path.join(prefix, "lib", multiarch))
    folders.append(os.path.join(prefix, "lib64"))
    return folders


def _candidates():
    """(where, path) in the order searched, after ZHIBIAO_LIBRARY: next to the package, a
    build tree above it, the installation prefixes (the package's, then Python's), the
    dynamic loader (LD_LIBRARY_PATH, the ldconfig cache), then the usual library folders
    (for a library installed where ldconfig has not looked yet)."""
    package = os.path.dirname(os.path.abspath(__file__))
    for name in _FILES:
        yield "next to the package", os.path.join(package, name)
    # A build tree: <dir>/build/lib/ in the folders above the package (the repository keeps
    # the package in bindings/python/zhibiao and the library in build/lib).
    folder = os.path.dirname(package)
    while True:
        yield "build tree", os.path.join(folder, "build", "lib", _FILES[0])
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    seen = set()
    prefixes = [("the package's prefix", _package_prefix(package)), ("Python's prefix", sys.prefix),
                ("Python's base prefix", sys.base_prefix)]
    for where, prefix in prefixes:
        for folder in _lib_folders(prefix) if prefix else ():
            if folder not in seen:
                seen.add(folder)
                yield f"{where} {prefix}", os.path.join(folder, _FILES[-1])
    found = ctypes.util.find_library("zhibiao")
    if found:
        yield "system (find_library)", found
    yield "system (dynamic loader)", _FILES[-1]
    if sys.platform.startswith("linux"):
        for prefix in ("/usr/local", "/usr"):
            for folder in _lib_folders(prefix):
                if folder not in seen:
                    seen.add(folder)
                    yield "usual folder", os.path.join(folder, _FILES[-1])


def _loaded_file(path):
    """The file a loaded library came from, as an absolute path: a relative path is made
    absolute, a bare name found by the dynamic loader is looked up in /proc/self/maps."""
    if os.sep in path:
        return os.path.abspath(path)
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                file = line.rstrip("\n").split(" ", 5)[-1].strip()
                if os.path.basename(file).startswith(path.split(".so")[0] + ".so"):
                    return file
    except OSError:
        pass
    return path


def _open():
    """The loaded library and its path, or LibraryError saying where it looked."""
    env = os.environ.get("ZHIBIAO_LIBRARY")
    if env:
        # Named explicitly: use it or fail, never quietly load another one.
        try:
            return ctypes.CDLL(env), _loaded_file(env)
        except OSError as e:
            raise LibraryError(f"ZHIBIAO_LIBRARY={env} cannot be loaded: {e}") from None
    looked = ["ZHIBIAO_LIBRARY: not set"]
    for where, path in _candidates():
        if os.path.isabs(path) and not os.path.exists(path):
            looked.append(f"{where}: {path}: no such file")
            continue
        try:
            return ctypes.CDLL(path), _loaded_file(path)
        except OSError as e:
            looked.append(f"{where}: {path}: {e}")
    raise LibraryError("libzhibiao cannot be found; looked in:\n  " + "\n  ".join(looked)
                       + "\nbuild it (cmake --build build), install it (cmake --install build "
                         "[--prefix P]) or set ZHIBIAO_LIBRARY to its path")


class _Functions:
    """The declared functions, as attributes: C.zb_plan_new(), …"""


def _missing(name, path):
    def call(*args, **kwargs):
        raise LibraryError(f"{path} has no function {name}: the library is older than, or "
                           f"built from other sources than, this binding ({__version__})")
    call.__name__ = name
    return call


def _apply(cdll, path):
    functions = _Functions()
    missing = []
    for name, restype, argtypes, errcheck in DECLARATIONS:
        try:
            f = getattr(cdll, name)
        except AttributeError:
            missing.append(name)
            setattr(functions, name, _missing(name, path))
            continue
        f.restype = restype
        f.argtypes = argtypes
        if errcheck is not None:
            f.errcheck = errcheck
        setattr(functions, name, f)
    return functions, tuple(missing)


_cdll, path = _open()
C, missing = _apply(_cdll, path)
#: The version of the loaded library (zb_version()).
library_version = C.zb_version()
if library_version != __version__:
    raise LibraryError(f"{path} is libzhibiao {library_version}; this binding is {__version__}")


def available(name):
    """Whether the loaded library has the declared function ``name``."""
    return hasattr(C, name) and name not in missing


# ---- handles -----------------------------------------------------------------------------


class Handle:
    """A C handle shared by threads: many readers at once, one writer alone, and a waiting
    writer served before new readers; closing waits for the calls under way and makes later
    ones raise Error instead of touching freed memory."""

    __slots__ = ("_ptr", "_free", "_what", "_cond", "_readers", "_writing", "_waiting")

    def __init__(self, ptr, free, what):
        self._ptr = ptr
        self._free = free
        self._what = what
        self._cond = threading.Condition(threading.Lock())
        self._readers = 0
        self._writing = False
        self._waiting = 0

    @property
    def closed(self):
        return self._ptr is None

    def _closed_error(self):
        return InputError(Status.ARGUMENT, f"the {self._what} is closed")

    def read(self):
        """Enters a reading call; returns the pointer. Pair with done_reading()."""
        with self._cond:
            while self._writing or self._waiting:
                self._cond.wait()
            if self._ptr is None:
                raise self._closed_error()
            self._readers += 1
            return self._ptr

    def done_reading(self):
        with self._cond:
            self._readers -= 1
            if self._readers == 0:
                self._cond.notify_all()

    def _exclusive(self):
        """Waits until no call is under way and takes the handle (lock held by caller)."""
        self._waiting += 1
        try:
            while self._writing or self._readers:
                self._cond.wait()
        finally:
            self._waiting -= 1
        self._writing = True

    def write(self):
        """Enters a changing call alone; returns the pointer. Pair with done_writing()."""
        with self._cond:
            if self._ptr is None:
                raise self._closed_error()
            self._exclusive()
            if self._ptr is None:
                self._writing = False
                self._cond.notify_all()
                raise self._closed_error()
            return self._ptr

    def done_writing(self):
        with self._cond:
            self._writing = False
            self._cond.notify_all()

    def call(self, func, *args):
        """func(ptr, *args) as a reader."""
        ptr = self.read()
        try:
            return func(ptr, *args)
        finally:
            self.done_reading()

    def change(self, func, *args):
        """func(ptr, *args) as the only caller."""
        ptr = self.write()
        try:
            return func(ptr, *args)
        finally:
            self.done_writing()

    def close(self):
        with self._cond:
            if self._ptr is None:
                return
            self._exclusive()
            ptr, self._ptr = self._ptr, None
            self._writing = False
            self._cond.notify_all()
        if ptr is not None:
            self._free(ptr)
