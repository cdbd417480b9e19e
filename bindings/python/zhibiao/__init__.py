"""zhibiao (指标): a local government's indicator system and the official documents it
lives in — target tables, breakdowns, progress workbooks and assessments as .xlsx, notices
and bulletins as GB/T 9704 PDFs — from Python, over the C library libzhibiao (ctypes).

    import zhibiao
    with zhibiao.Plan.load("examples/data/tonglu-2024.json") as plan:
        print(len(plan.indicators), plan.indicators[0].name)
        plan.write_target_table("targets.xlsx", label="附件2")
        plan.write_notice("notice.pdf")

Every byte is written by the C library. Every error is a :class:`Error` with ``.code`` (a
:class:`Status`) and the library's message (``plan.json:14:7: …``), and also the standard
exception it amounts to: FileNotFoundError, ValueError, KeyError, TypeError, OverflowError.
pandas, when installed, goes in and out: :meth:`Plan.from_dataframe`,
:meth:`Plan.to_dataframe`, :meth:`Plan.load_actuals` of a DataFrame,
:meth:`Plan.progress_frame`. The library is found through ``ZHIBIAO_LIBRARY``, next to this
package, a build tree above it (``build/lib``), the installation prefix, then the system;
docs/python.md says more.
"""
from ._version import __version__
from ._enums import (AttachmentKind, Attribute, Change, DateField, Direction, Document, FontRole, Kind,
                     Masthead, Meta, Part, Qualifier, Scoring, Severity, SheetMargins, Standing, Status,
                     TargetClass)
from ._errors import (ArgumentError, Error, FileAccessError, FileError, InputError, MissingFileError,
                      NotFoundError, OutOfMemoryError, RangeError, ZhibiaoWarning, strerror)
from ._lib import LibraryError
from ._lib import C as _C
from ._lib import path as library_path
from ._convert import optional_number as _optional_number
from ._convert import utf8 as _utf8
from ._fonts import Fonts
from ._plan import (Actual, Attachment, Block, Duty, Finding, Indicator, PdfInfo, Plan, ProgressRow,
                    ProseTarget, Target, Task, Unit)

import ctypes as _ctypes


def parse_target(text):
    """The number and qualifier of a target as displayed: "6.5以上" → (6.5,
    Qualifier.AT_LEAST), "450" → (450.0, Qualifier.NONE); None when the text holds no single
    number ("持续提升")."""
    value = _ctypes.c_double()
    qualifier = _ctypes.c_int()
    if not _C.zb_parse_target(_utf8(text, "text"), _ctypes.byref(value), _ctypes.byref(qualifier)):
        return None
    return _optional_number(value.value), Qualifier(qualifier.value)


def infer_unit(name):
    """The measurement unit a name carries in its last (…): "培育智能工厂(数字化车间)(家)" →
    "家"; "" when none."""
    data = _utf8(name, "name")
    buf = _ctypes.create_string_buffer(len(data) + 1)
    _C.zb_infer_unit(data, buf, len(buf))
    return buf.value.decode("utf-8")


def infer_kind(name):
    """The :class:`Kind` a name suggests (增速 → RATE, 占比 → LEVEL, else CUMULATIVE)."""
    return Kind(_C.zb_infer_kind(_utf8(name, "name")))


def infer_kind_with_unit(name, unit):
    """The :class:`Kind` a name suggests with its unit written apart ("亩均税收", "万元/亩" → LEVEL)."""
    return Kind(_C.zb_infer_kind_with_unit(_utf8(name, "name"), _utf8(unit, "unit")))


def classify_target(text):
    """What a target cell holds: (:class:`TargetClass`, number or None, :class:`Qualifier`,
    :class:`Change`). "下降3%" → (NUMERIC, -3.0, NONE, PERCENT); "完成市下达任务" →
    (QUALITATIVE, None, NONE, NONE); "—" → (NONE, None, NONE, NONE)."""
    value = _ctypes.c_double()
    qualifier = _ctypes.c_int()
    change = _ctypes.c_int()
    cls = _C.zb_classify_target(_utf8(text, "text"), _ctypes.byref(value), _ctypes.byref(qualifier),
                                _ctypes.byref(change))
    return (TargetClass(cls), _optional_number(value.value), Qualifier(qualifier.value),
            Change(change.value))


def infer_direction(name):
    """The :class:`Direction` a name suggests (能耗, 排放 → LOWER unless 下降…)."""
    return Direction(_C.zb_infer_direction(_utf8(name, "name")))


def infer_collective(name):
    """Whether a responsible-unit name stands for a group (县级相关部门, 各乡镇（街道）)."""
    return bool(_C.zb_infer_collective(_utf8(name, "name")))


__all__ = [
    "__version__", "library_path", "strerror",
    "Error", "FileError", "MissingFileError", "FileAccessError", "InputError", "RangeError", "NotFoundError",
    "ArgumentError", "OutOfMemoryError", "LibraryError", "ZhibiaoWarning",
    "Plan", "Fonts", "Indicator", "Task", "Duty", "Unit", "Block", "Attachment", "Actual",
    "ProseTarget", "Finding", "ProgressRow", "PdfInfo", "Target",
    "Status", "Meta", "DateField", "Qualifier", "Kind", "Direction", "Part", "AttachmentKind",
    "Severity", "Standing", "FontRole", "Scoring", "Document", "Attribute", "TargetClass", "Change",
    "Masthead", "SheetMargins",
    "parse_target", "classify_target", "infer_unit", "infer_kind", "infer_kind_with_unit",
    "infer_direction", "infer_collective",
]

# Public classes print as zhibiao.X (their home modules are private).
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type):
        _obj.__module__ = __name__
del _name, _obj
