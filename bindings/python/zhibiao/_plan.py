"""zhibiao.Plan and what is read from it: indicators, tasks, units and the rest."""
from __future__ import annotations

import ctypes
import dataclasses
import datetime
import numbers
import os
import re
import unicodedata
import warnings
from ctypes import POINTER, byref, c_char, c_size_t

from . import _convert
from ._convert import optional_number, utf8
from ._errors import ArgumentError, Error, FileError, InputError, NotFoundError, ZhibiaoWarning
from ._fonts import Fonts
from ._lib import (AssessmentOptions, AttachmentKind, Attribute, BreakdownOptions, BulletinOptions, C,
                   Change, CsvOptions, DateField, Direction, FindingsP, Handle, ImportOptions,
                   IndicatorDef, Kind, Masthead, Meta, NoticeOptions, NONE, SheetMargins, Part, ProgressOptions, ProgressP,
                   ProgressSheetOptions, ProseTargetDef, Qualifier, Scoring, Severity, Standing,
                   Status, TableOptions, TargetClass, TaskDef, ValidateOptions, ZbDate, ZbError, ZbPdfInfo)
from ._enums import Document

# ---- values (snapshots, independent of the plan) -----------------------------------------


@dataclasses.dataclass(frozen=True, repr=False)
class Finding:
    """One finding of :meth:`Plan.validate` or of an import report."""
    severity: Severity
    code: str       #: stable short code: "duplicate-seq", "unknown-unit", "unplaced", …
    location: str   #: "plan.json:14:7", "table.csv:12", "indicator 20"
    message: str

    def __str__(self):
        return f"{self.location}: {self.severity.name.lower()}: {self.message}"

    def __repr__(self):
        return f"<zhibiao.Finding {self.severity.name.lower()} [{self.code}] {self.location}: {self.message}>"


def _percent(x):
    return "-" if x is None else f"{x * 100:.1f}%"


def _num(x):
    return "-" if x is None else _convert.number_text(x, "value")


@dataclasses.dataclass(frozen=True, repr=False)
class ProgressRow:
    """How one indicator stands at a period (:meth:`Plan.evaluate`). Numbers that do not
    apply are None; completion and expected are fractions (0.5 = 50 %)."""
    seq: int
    name: str
    standing: Standing
    status: str                 #: the Chinese label of the standing: 已完成, 超序时, 滞后, …
    actual: "float | None"
    target: "float | None"
    completion: "float | None"
    expected: "float | None"
    explain: str                #: the numbers behind the standing in one line
    target_text: str = ""       #: the target judged against, as displayed ("≤10", "完成市下达任务")
    target_year: "int | None" = None  #: its year; None when tied to no year

    def __repr__(self):
        return (f"<zhibiao.ProgressRow {self.seq} {self.name}: {self.status} ({self.standing.name.lower()}), "
                f"actual {_num(self.actual)} of {_num(self.target)}, completion {_percent(self.completion)}, "
                f"expected {_percent(self.expected)}>")


@dataclasses.dataclass(frozen=True)
class Target:
    """One target of an indicator (:attr:`Indicator.targets`), a snapshot."""
    year: "int | None"          #: the year it is for; None when tied to no year (the plan's)
    text: str                   #: as displayed: "≥520", "完成市下达任务", "—"
    value: "float | None"       #: what actuals are compared with; None when there is none
    qualifier: Qualifier
    target_class: TargetClass
    change: Change              #: how it is stated: a value, or a change from the base
    change_amount: "float | None"  #: the change as written, signed (-3 for 下降3%)


@dataclasses.dataclass(frozen=True)
class PdfInfo:
    """What a written PDF came to."""
    pages: int
    bytes: int
    fallback_chars: int
    fallback_note: str


def _findings(ptr):
    """The findings of a zb_findings list (freed by the caller)."""
    return [Finding(Severity(C.zb_findings_severity(ptr, i)), C.zb_findings_code(ptr, i),
                    C.zb_findings_location(ptr, i), C.zb_findings_message(ptr, i))
            for i in range(C.zb_findings_count(ptr))]


def _date(d):
    return datetime.date(d.year, d.month, d.day) if d.year else None


def _target_text(value, what="target"):
    """A target as C takes it: text as displayed, or a number written as a person would."""
    if value is None or isinstance(value, str):
        return utf8(value, what)
    return _convert.number_text(value, what).encode()


def _ranges(numbers, limit=12):
    """"1–5, 7, 9–12" for a sorted list of ints; long lists end with "…"."""
    spans = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    text = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in spans[:limit])
    return text + (", …" if len(spans) > limit else "")


# ---- views (read from the plan when asked; they keep the plan alive) ---------------------


class _View:
    """An item of a plan, by index. Reading it after the plan is closed raises Error."""
    __slots__ = ("_plan", "_index")

    def __init__(self, plan, index):
        self._plan = plan
        self._index = index

    def _get(self, func, *args):
        return self._plan._h.call(func, self._index, *args)

    @property
    def index(self):
        """Position in the plan, from 0, in the order added."""
        return self._index

    @property
    def plan(self):
        return self._plan

    def __eq__(self, other):
        return type(self) is type(other) and self._plan is other._plan and self._index == other._index

    def __repr__(self):
        try:
            return f"<zhibiao.{type(self).__name__} {self._describe()}>"
        except Error:
            return f"<zhibiao.{type(self).__name__} #{self._index} of a closed plan>"

    def __hash__(self):
        return hash((type(self), id(self._plan), self._index))


class Unit(_View):
    """A responsible unit of the directory."""
    __slots__ = ()

    @property
    def name(self):
        return self._get(C.zb_plan_unit_name)

    @property
    def full_name(self):
        """"" when none."""
        return self._get(C.zb_plan_unit_full_name)

    def _describe(self):
        full = self.full_name
        return f"{self.name}" + (f" ({full})" if full else "")


class Indicator(_View):
    """An indicator (指标)."""
    __slots__ = ()

    seq = property(lambda self: self._get(C.zb_plan_indicator_seq), doc="Sequence number (序号).")
    name = property(lambda self: self._get(C.zb_plan_indicator_name), doc="Name as given.")
    bare_name = property(lambda self: self._get(C.zb_plan_indicator_bare_name),
                         doc="The name without the unit group the unit was taken from.")

    target_text = property(lambda self: self._get(C.zb_plan_indicator_target_text),
                           doc="Target as displayed, e.g. \"6.5左右\"; \"\" when none.")
    lead = property(lambda self: self._get(C.zb_plan_indicator_lead),
                    doc="The lead unit (牵头单位); \"\" when none.")

    @property
    def source(self):
        """Where it came from (\"plan.json:14:7\", \"DataFrame row 3\"); \"\" when not known."""
        return self._plan._relocate(self._get(C.zb_plan_indicator_source))

    @property
    def unit(self):
        """Measurement unit (计量单位); "" when none. Settable; None reads it from the name again."""
        return self._get(C.zb_plan_indicator_unit)

    @unit.setter
    def unit(self, value):
        self._set(C.zb_plan_indicator_set_unit, utf8(value, "unit"))

    @property
    def category(self):
        """Category name; None when it has none."""
        ptr = self._plan._h.read()
        try:
            c = C.zb_plan_indicator_category(ptr, self._index)
            return None if c == NONE else C.zb_plan_category_name(ptr, c)
        finally:
            self._plan._h.done_reading()

    @property
    def target(self):
        """Target as a number; None when the text holds none."""
        return optional_number(self._get(C.zb_plan_indicator_target))

    @property
    def qualifier(self):
        """:class:`Qualifier`: ≥ (以上), ≈ (左右), ≤ (以下) or none."""
        return Qualifier(self._get(C.zb_plan_indicator_qualifier))

    @property
    def kind(self):
        """:class:`Kind`: how progress is judged (cumulative, rate, level)."""
        return Kind(self._get(C.zb_plan_indicator_kind))

    @property
    def direction(self):
        """:class:`Direction`: which way is better."""
        return Direction(self._get(C.zb_plan_indicator_direction))

    @kind.setter
    def kind(self, value):
        """Settable; None or Kind.AUTO infers it again from the name and unit."""
        self._set(C.zb_plan_indicator_set_kind, _convert.enum_value(Kind, value or Kind.AUTO, "kind"))

    @direction.setter
    def direction(self, value):
        """Settable; None or Direction.AUTO infers it again."""
        self._set(C.zb_plan_indicator_set_direction,
                  _convert.enum_value(Direction, value or Direction.AUTO, "direction"))

    @property
    def weight(self):
        """Assessment weight (1 unless given); settable, None resets it to 1."""
        return self._get(C.zb_plan_indicator_weight)

    @weight.setter
    def weight(self, value):
        self._set(C.zb_plan_indicator_set_weight, 0.0 if value is None else _convert.number(value, "weight"))

    @property
    def unit_given(self):
        """Whether the unit was given apart from the name (a 计量单位 column)."""
        return bool(self._get(C.zb_plan_indicator_unit_given))

    @property
    def attribute(self):
        """属性: Attribute.BINDING (约束性), ANTICIPATORY (预期性) or NONE; settable."""
        return Attribute(self._get(C.zb_plan_indicator_attribute))

    @attribute.setter
    def attribute(self, value):
        self._set(C.zb_plan_indicator_set_attribute,
                  _convert.enum_value(Attribute, value or Attribute.NONE, "attribute"))

    @property
    def note(self):
        """备注; "" when none; settable."""
        return self._get(C.zb_plan_indicator_note)

    @note.setter
    def note(self, value):
        self._set(C.zb_plan_indicator_set_note, utf8(value, "note"))

    @property
    def base_year(self):
        """Year of the base value (基期); None when not stated."""
        return self._get(C.zb_plan_indicator_base_year) or None

    @property
    def base_text(self):
        """Base value as displayed; "" when none."""
        return self._get(C.zb_plan_indicator_base_text)

    @property
    def base(self):
        """Base value as a number; None when it holds none."""
        return optional_number(self._get(C.zb_plan_indicator_base_value))

    def set_base(self, value: str | float | int | None, year: int | None = None) -> None:
        """Sets the base value (text as displayed, or a number written as a person would)
        and its year; None clears it."""
        self._set(C.zb_plan_indicator_set_base, _convert.integer(year or 0, "year"), _target_text(value, "base"))

    @property
    def target_class(self):
        """What the primary target holds: a :class:`TargetClass`."""
        return TargetClass(self._get(C.zb_plan_indicator_target_class))

    @property
    def targets(self):
        """Every target, in year order (the one tied to no year first)."""
        ptr = self._plan._h.read()
        try:
            i = self._index
            out = []
            for k in range(C.zb_plan_indicator_target_count(ptr, i)):
                out.append(Target(C.zb_plan_indicator_target_year(ptr, i, k) or None,
                                  C.zb_plan_indicator_target_text_at(ptr, i, k),
                                  optional_number(C.zb_plan_indicator_target_value_at(ptr, i, k)),
                                  Qualifier(C.zb_plan_indicator_target_qualifier_at(ptr, i, k)),
                                  TargetClass(C.zb_plan_indicator_target_class_at(ptr, i, k)),
                                  Change(C.zb_plan_indicator_target_change_at(ptr, i, k)),
                                  optional_number(C.zb_plan_indicator_target_change_amount_at(ptr, i, k))))
            return out
        finally:
            self._plan._h.done_reading()

    def set_target(self, text: str | float | int | None, year: int | None = None,
                   qualifier: Qualifier | str | None = None) -> None:
        """Sets the target for ``year`` (None: the one tied to no year): text as displayed or a
        number (written as a person would); None removes it. ``qualifier`` None reads it from
        the text."""
        q = Qualifier.AUTO if qualifier is None else _convert.enum_value(Qualifier, qualifier, "qualifier")
        self._set(C.zb_plan_indicator_set_target, _convert.integer(year or 0, "year"), _target_text(text), q)

    def _set(self, func, *args):
        self._plan._h.change(func, self._index, *args)

    @property
    def units(self):
        """Responsible units, the lead first."""
        ptr = self._plan._h.read()
        try:
            return [C.zb_plan_indicator_responsible(ptr, self._index, j)
                    for j in range(C.zb_plan_indicator_responsible_count(ptr, self._index))]
        finally:
            self._plan._h.done_reading()

    def add_unit(self, name: str) -> None:
        """Appends a responsible unit (the first one is the lead)."""
        self._plan._h.change(C.zb_plan_add_indicator_responsible, self._index, utf8(name, "name"))

    def actual(self, period) -> float | None:
        """The year-to-date value reported for ``period``; None when none was."""
        ptr = self._plan._h.read()
        try:
            a = C.zb_plan_find_actual(ptr, self._index, _convert.period(period))
            return None if a == NONE else C.zb_plan_actual_value(ptr, a)
        finally:
            self._plan._h.done_reading()

    def _describe(self):
        target = self.target_text
        unit = self.unit
        if target and unit and not target.endswith(unit):
            target = f"{target} {unit}"
        parts = [f"target {target}" if target else "no target", self.kind.name.lower(),
                 f"{self.direction.name.lower()} is better"]
        lead = self.lead
        if lead:
            parts.append(f"lead {lead}")
        return f"{self.seq} {self.name}: " + ", ".join(parts)


class Duty(_View):
    """A responsibility item (责任分工) of a task: the units named, the lead first."""
    __slots__ = ("_task",)

    def __init__(self, plan, task, index):
        super().__init__(plan, index)
        self._task = task

    def _get(self, func, *args):
        return self._plan._h.call(func, self._task, self._index, *args)

    text = property(lambda self: self._get(C.zb_plan_task_duty_text),
                    doc="The sentences it covers; \"\" when it covers the whole task.")
    note = property(lambda self: self._get(C.zb_plan_task_duty_note),
                    doc="What it says that is not a unit (…配合); \"\" when none.")

    @property
    def units(self):
        ptr = self._plan._h.read()
        try:
            return [C.zb_plan_task_duty_responsible(ptr, self._task, self._index, k)
                    for k in range(C.zb_plan_task_duty_responsible_count(ptr, self._task, self._index))]
        finally:
            self._plan._h.done_reading()

    @property
    def lead_count(self):
        """How many of the units, from the first, lead (牵头); 0 when the item names none.
        Settable: ``duty.lead_count = 2`` for ``牵头单位:A、B``."""
        return self._get(C.zb_plan_task_duty_lead_count)

    @lead_count.setter
    def lead_count(self, count):
        if isinstance(count, bool) or not isinstance(count, numbers.Integral):
            raise ArgumentError(Status.ARGUMENT, f"lead_count: expected an int, got {type(count).__name__}")
        count = int(count)
        if count < 1:
            raise InputError(Status.VALUE, f"lead_count: expected at least 1, got {count}")
        self._plan._h.change(C.zb_plan_set_task_duty_lead_count, self._task, self._index,
                             min(count, 2**63))

    @property
    def leads(self):
        """The lead units (牵头), usually one."""
        return self.units[:self.lead_count]

    @property
    def lead(self):
        """The first lead unit (牵头); "" when none."""
        units = self.units
        return units[0] if units else ""

    @property
    def cooperating(self):
        """The cooperating units (配合): those after the leads."""
        return self.units[self.lead_count:]

    def __eq__(self, other):
        return super().__eq__(other) and self._task == other._task

    def __hash__(self):
        return hash((Duty, id(self._plan), self._task, self._index))

    def _describe(self):
        coop = self.cooperating
        return f"lead {self.lead or '-'}" + (f", with {'、'.join(coop)}" if coop else "")


class Task(_View):
    """A task (重点任务)."""
    __slots__ = ()

    number = property(lambda self: self._get(C.zb_plan_task_number), doc="Number as printed.")
    title = property(lambda self: self._get(C.zb_plan_task_title))
    text = property(lambda self: self._get(C.zb_plan_task_text))
    source = property(lambda self: self._get(C.zb_plan_task_source))

    @property
    def headings(self):
        """Headings above the task, outermost first."""
        ptr = self._plan._h.read()
        try:
            return [C.zb_plan_task_heading(ptr, self._index, k)
                    for k in range(C.zb_plan_task_heading_count(ptr, self._index))]
        finally:
            self._plan._h.done_reading()

    @property
    def duties(self):
        n = self._get(C.zb_plan_task_duty_count)
        return [Duty(self._plan, self._index, d) for d in range(n)]

    def add_duty(self, units: list[str] | str, text: str | None = None,
                 note: str | None = None) -> Duty:
        """Appends a responsibility item: ``units`` a list (lead first) or one string split
        at 、,，;； and spaces; ``text`` the sentences it covers (None = the whole task)."""
        if not isinstance(units, str):
            units = "、".join(units)
        self._plan._h.change(C.zb_plan_add_task_duty, self._index, utf8(text, "text"),
                             utf8(units, "units"), utf8(note, "note"))
        return Duty(self._plan, self._index, self._get(C.zb_plan_task_duty_count) - 1)

    def _describe(self):
        return f"{self.number} {self.title}"


class Block(_View):
    """A heading (level 1–4) or paragraph (level 0) of body text."""
    __slots__ = ()

    level = property(lambda self: self._get(C.zb_plan_block_level))
    text = property(lambda self: self._get(C.zb_plan_block_text))
    part = property(lambda self: Part(self._get(C.zb_plan_block_part)))

    def _describe(self):
        return f"level {self.level} {self.text[:20]}"


class Attachment(_View):
    """An attachment (附件)."""
    __slots__ = ()

    number = property(lambda self: self._get(C.zb_plan_attachment_number))
    kind = property(lambda self: AttachmentKind(self._get(C.zb_plan_attachment_kind)))
    title = property(lambda self: self._get(C.zb_plan_attachment_title))
    text = property(lambda self: self._get(C.zb_plan_attachment_text))

    def _describe(self):
        return f"附件{self.number} {self.title}"


class Actual(_View):
    """A year-to-date value reported for an indicator at the end of a month."""
    __slots__ = ()

    period = property(lambda self: self._get(C.zb_plan_actual_period), doc="\"YYYY-MM\".")
    value = property(lambda self: self._get(C.zb_plan_actual_value))
    note = property(lambda self: self._get(C.zb_plan_actual_note))

    @property
    def indicator(self):
        return Indicator(self._plan, self._get(C.zb_plan_actual_indicator))

    @property
    def seq(self):
        return self.indicator.seq

    def _describe(self):
        return f"{self.seq} {self.period} {_num(self.value)}"


class ProseTarget(_View):
    """A quantitative target found in the plan's text (新增“小升规”企业62家以上)."""
    __slots__ = ()

    name = property(lambda self: self._get(C.zb_plan_prose_target_name))
    unit = property(lambda self: self._get(C.zb_plan_prose_target_unit))
    value_text = property(lambda self: self._get(C.zb_plan_prose_target_value_text))
    value = property(lambda self: optional_number(self._get(C.zb_plan_prose_target_value)))
    qualifier = property(lambda self: Qualifier(self._get(C.zb_plan_prose_target_qualifier)))
    first_year = property(lambda self: self._get(C.zb_plan_prose_target_first_year))
    last_year = property(lambda self: self._get(C.zb_plan_prose_target_last_year))
    sentence = property(lambda self: self._get(C.zb_plan_prose_target_sentence))
    source = property(lambda self: self._get(C.zb_plan_prose_target_source))

    @property
    def task(self):
        """The task it was found in; None when none."""
        t = self._get(C.zb_plan_prose_target_task)
        return None if t == NONE else Task(self._plan, t)

    def _describe(self):
        return f"{self.name} {self.value_text}{self.unit}"


# ---- the plan ----------------------------------------------------------------------------

_META = {m.name.lower(): m for m in Meta}
_DATES = {"issued": DateField.ISSUED, "printed": DateField.PRINTED, "published": DateField.PUBLISHED}


def _meta_property(field):
    def get(self):
        return self._h.call(C.zb_plan_meta, field)

    def set(self, value):
        self._h.change(C.zb_plan_set_meta, field, utf8(value, field.name.lower()))
    return property(get, set, doc=f"Metadata {field.name} (zb_meta); \"\" when unset; None clears it.")


def _to_date(value, what):
    if value is None:
        return ZbDate()
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return ZbDate(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            day = datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(Status.VALUE, f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None
        return ZbDate(day.year, day.month, day.day)
    raise ArgumentError(Status.ARGUMENT, f"{what} must be a datetime.date or 'YYYY-MM-DD', "
                                         f"not {type(value).__name__}")


def _date_property(field):
    def get(self):
        return _date(self._h.call(C.zb_plan_date, field))

    def set(self, value):
        self._h.change(C.zb_plan_set_date, field, _to_date(value, field.name.lower()))
    return property(get, set, doc=f"Date {field.name} (a datetime.date); None when unset.")


_YEARS = re.compile(r"^\s*(\d{4})\s*(?:年)?\s*(?:(?:-|–|—|~|至|到)\s*(\d{4})\s*(?:年)?\s*)?$")


def _years(value):
    """(first, last) from 2024, (2021, 2023), "2024", "2021-2023" or None (0, 0)."""
    if value is None:
        return 0, 0
    if isinstance(value, str):
        m = _YEARS.match(unicodedata.normalize("NFKC", value))
        if not m:
            raise InputError(Status.VALUE, f"year: {value!r} is not a year; give 2024, (2021, 2023) or "
                                           f"'2021-2023'")
        first = int(m.group(1))
        return first, int(m.group(2) or first)
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ArgumentError(Status.ARGUMENT, f"years must be (first, last), not {len(value)} values")
        return _convert.integer(value[0], "first year"), _convert.integer(value[1], "last year")
    y = _convert.integer(value, "year")
    return y, y


# How a writer's documents are described in help(); formatted into each docstring.
_DOC = {
    "target": "target: where to write: a path (str, bytes, os.PathLike; replaced whole, "
              "or left as it was on error), or an open binary file / io.BytesIO (written to).",
    "force": "force: write even when :meth:`validate` finds errors (by default a plan with "
             "errors is refused with a ValueError listing them, as the command line does).",
    "fonts_xlsx": "font_body, font_heading, font_title: font names the workbook asks for "
                  "(default 仿宋_GB2312, 黑体, 方正小标宋简体).",
    "tolerance": "about_tolerance: how far a 左右 target may be missed (default 0.5 points for "
                 "%, 2 % else).",
    "period": "period: the month evaluated: 'YYYY-MM' (also 2024-6, 2024年6月) or a date.",
    "fonts": "fonts: a :class:`Fonts` (None = the library's defaults, loaded for this call; "
             "load one once when writing many).",
    "seal": "seal_png: a seal image (PNG) pressed over the signature and date; sealed: lay "
            "out the signature for a seal stamped by hand.",
    "format": "format: 'pdf' or 'ofd' (GB/T 33190); None = OFD for a file name ending in .ofd, "
              "else PDF.",
    "margins": "margins: 'document' (the type area of the notice it is attached to, GB/T 9704) "
               "or 'sheet' (a spreadsheet's own margins), or a :class:`SheetMargins`.",
    "masthead": "masthead: the 版头: 'file' (the organ + 文件), 'mark' (the organ alone), 'letter' "
                "(信函格式) or 'none', or a :class:`Masthead`.",
}


def _doc(func):
    func.__doc__ = func.__doc__.format(**_DOC)
    return func


def _seal_bytes(o, data):
    """The seal as PNG bytes in the notice or bulletin options, kept alive by the struct."""
    if data is None:
        return
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ArgumentError(Status.ARGUMENT, f"seal_png_data must be bytes, not {type(data).__name__}")
    data = bytes(data)
    if not data:
        raise InputError(Status.VALUE, "seal_png_data: an empty seal")
    o._seal = ctypes.create_string_buffer(data, len(data))
    o.seal_png_data = ctypes.cast(o._seal, ctypes.c_void_p)
    o.seal_png_size = len(data)


class Plan:
    """An indicator system (指标体系) and the document around it (zb_plan).

    Make one with ``Plan(title=…, year=2024, organ=…)`` and the add_* methods, or load one:
    :meth:`load` (zhibiao/1 JSON, or CSV by its extension), :meth:`from_json`,
    :meth:`from_csv`, :meth:`from_dataframe`, :meth:`import_text`.
    ``with Plan.load(path) as plan:`` frees the C plan on exit; items read from a plan
    (indicators, tasks, …) keep it alive, and reading them after it is closed raises
    :class:`zhibiao.Error`. Any number of threads may read and write documents from one
    plan at once; changes wait for those calls, and they for changes.
    """

    def __init__(self, title: str | None = None, year: int | tuple[int, int] | str | None = None,
                 organ: str | None = None, *, organ_mark: str | None = None,
                 doc_number: str | None = None, signature: str | None = None,
                 note: str | None = None, printer: str | None = None, index_no: str | None = None,
                 publisher: str | None = None, validity: str | None = None,
                 disclosure: str | None = None, plan_title: str | None = None,
                 issued: datetime.date | str | None = None, printed: datetime.date | str | None = None,
                 published: datetime.date | str | None = None,
                 years: tuple[int, int] | None = None, recipients=(), copy_to=()):
        """A new plan. ``title`` (标题), ``organ`` (发文机关) and the other text fields are
        the document's metadata; ``year`` a year (2024), a span ((2021, 2023) or
        "2021-2023"); ``issued``, ``printed``, ``published`` dates; ``recipients`` (主送)
        and ``copy_to`` (抄送) lists of names."""
        self._h = Handle(C.zb_plan_new(), C.zb_plan_free, "plan")
        #: What an import recognised and could not place (findings); [] otherwise.
        self.report = []
        self._rows = None  # line → "DataFrame row 3", for a plan made from a DataFrame
        try:
            texts = dict(title=title, organ=organ, organ_mark=organ_mark, doc_number=doc_number,
                         signature=signature, note=note, printer=printer, index_no=index_no,
                         publisher=publisher, validity=validity, disclosure=disclosure,
                         plan_title=plan_title)
            for key, value in texts.items():
                if value is not None:
                    setattr(self, key, value)
            if year is not None and years is not None:
                raise ArgumentError(Status.ARGUMENT, "give year or years, not both")
            if year is not None or years is not None:
                self.years = year if year is not None else years
            for key, value in (("issued", issued), ("printed", printed), ("published", published)):
                if value is not None:
                    setattr(self, key, value)
            for name in _names(recipients, "recipients"):
                self.add_recipient(name)
            for name in _names(copy_to, "copy_to"):
                self.add_copy_to(name)
        except BaseException:
            self.close()
            raise

    # -- loading --

    @classmethod
    def _loaded(cls, func, src, *args, **metadata):
        """A new plan filled by func(plan, <the source>, *args) and then given metadata."""
        plan = cls()
        try:
            if src.data is not None:
                plan._h.change(func[1], src.data, len(src.data), utf8(src.name, "name"), *args)
            else:
                plan._h.change(func[0], src.path, *args)
            plan._set_loaded_metadata(**metadata)
        except FileError as e:
            plan.close()
            if e.filename is None and src.path is not None:
                e.filename = os.fsdecode(src.path)
            raise
        except BaseException:
            plan.close()
            raise
        return plan

    def _set_loaded_metadata(self, year=None, title=None, organ=None):
        if year is not None:
            first, last = _years(year)
            have = self.years
            if have and have != (first, last):
                span = have[0] if have[0] == have[1] else f"{have[0]}-{have[1]}"
                raise InputError(Status.VALUE, f"year={year!r}, but the table's own header says {span}")
            self.years = (first, last)
        if title is not None:
            self.title = title
        if organ is not None:
            self.organ = organ

    @classmethod
    def load(cls, source, *, name: str | None = None, encoding: str | None = None) -> Plan:
        """The plan in a file: zhibiao/1 JSON, or an indicator table when the name ends in
        .csv, .tsv or .txt (see :meth:`from_csv`), as on the command line.

        source: a path, an open file (text or binary), or the JSON text itself.
        name: what messages call the input (default: the path, or the file's name).
        encoding: the file's encoding when it is not UTF-8 (CSV only: "gbk", "gb18030").
        Errors name ``file:line:column``; a missing file is a FileNotFoundError.
        """
        shown = source if isinstance(source, (str, os.PathLike)) else getattr(source, "name", "")
        shown = os.fsdecode(os.fspath(shown)) if isinstance(shown, (str, bytes, os.PathLike)) else ""
        if shown.lower().endswith((".csv", ".tsv", ".txt")) and not (isinstance(source, str) and "\n" in source):
            return cls.from_csv(source, name=name, encoding=encoding)
        if encoding is not None:
            raise ArgumentError(Status.ARGUMENT, "encoding= is for CSV tables; JSON is always UTF-8")
        src = _convert.source(source, "source", name=name,
                              is_text=lambda s: s.lstrip().startswith(("{", "[")) or "\n" in s)
        # Any other name: the library's rule (zb_plan_load), JSON or a table by the content.
        return cls._loaded((C.zb_plan_load, C.zb_plan_load_string), src)

    @classmethod
    def from_json(cls, text: str | bytes, name: str | None = None) -> Plan:
        """The plan in zhibiao/1 JSON text (str or UTF-8 bytes); ``name`` is what messages
        call it (default "<string>"). For a file, use :meth:`load`."""
        if isinstance(text, (str, bytes, bytearray, memoryview)):
            data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        else:
            raise ArgumentError(Status.ARGUMENT, f"from_json() takes JSON text (a str or bytes), not "
                                                 f"{type(text).__name__}; for a file use Plan.load(path)")
        return cls._loaded((C.zb_json_load, C.zb_json_load_string),
                           _convert.Source(data=data, name=name or "<string>"))

    @staticmethod
    def _csv_options(delimiter):
        o = CsvOptions()
        if delimiter is not None:
            if not isinstance(delimiter, str):
                raise ArgumentError(Status.ARGUMENT, f"delimiter must be a str, not {type(delimiter).__name__}")
            if len(delimiter) != 1 or not delimiter.isascii() or delimiter in "\0\r\n\"":
                raise InputError(Status.VALUE, f"delimiter must be one ASCII character, not {delimiter!r}")
            o.delimiter = delimiter.encode()
        return o

    @classmethod
    def from_csv(cls, source, *, encoding: str | None = None, delimiter: str | None = None,
                 name: str | None = None, year: int | tuple[int, int] | str | None = None,
                 title: str | None = None, organ: str | None = None) -> Plan:
        """A plan from an indicator table kept as CSV, the way Excel saves one.

        The first row names the columns, in Chinese or English, in any order: 序号/seq,
        类别/category, 指标名称/name (required), 计量单位/unit, 目标值/target (or
        ``2025年目标值``, which sets the year), 责任单位/responsible, 备注/note. A blank 类别
        continues the one above.

        source: a path, an open file, or the CSV text itself (a str with line breaks).
        encoding: the file's encoding when it is not UTF-8 — "gbk" or "gb18030" for what
            Excel saves as CSV on Chinese Windows (without it such a file is refused, never
            misread).
        delimiter: "," "\\t" or ";"; None = detect from the header row.
        name: what messages call the input.
        year, title, organ: set on the plan after reading (``year`` must agree with a
            ``2025年目标值`` header).
        """
        src = _convert.source(source, "source", encoding=encoding, name=name)
        try:
            return cls._loaded((C.zb_csv_load, C.zb_csv_load_string), src, cls._csv_options(delimiter),
                               year=year, title=title, organ=organ)
        except InputError as e:
            if e.code == Status.ENCODING and encoding is None:
                e.message += " (from Python: Plan.from_csv(path, encoding=\"gb18030\"))"
                e.args = (e.message,)
            raise

    @classmethod
    def from_csv_string(cls, text: str, name: str | None = None, delimiter: str | None = None) -> Plan:
        """:meth:`from_csv` from text in memory (a str, or UTF-8 bytes)."""
        data = _text_data(text, "text")
        return cls._loaded((C.zb_csv_load, C.zb_csv_load_string),
                           _convert.Source(data=data, name=name or "<string>"), cls._csv_options(delimiter))

    @classmethod
    def from_dataframe(cls, frame, *, year: int | tuple[int, int] | str | None = None,
                       title: str | None = None, organ: str | None = None,
                       name: str = "DataFrame") -> Plan:
        """A plan from a pandas DataFrame holding an indicator table: the columns
        :meth:`from_csv` takes (Chinese or English headers — 序号/seq, 类别/category,
        指标名称/name, 计量单位/unit, 属性/attribute, 基期值/base, 目标值/target or one
        ``2025年目标值`` per year, 责任单位/responsible, 类型/kind, 方向/direction,
        权重/weight, 备注/note; a named index counts as a column), one row per indicator.
        Numbers are written as a person would (572, not 572.0000000000001); empty cells (NaN,
        None) are empty; a list of units is joined. The columns :meth:`to_dataframe` adds
        that are read from the others (lead, target_value, qualifier, target_class,
        unit_given, base_year, bare_name, source) are left out.
        year, title, organ: set on the plan (``year`` when no ``2025年目标值`` header says it).
        name: what messages call the frame.
        Errors name the row and column (``DataFrame row 3, column '目标值': …``). Needs pandas.
        """
        from . import _frames
        return _frames.plan_from_frame(cls, frame, year=year, title=title, organ=organ, name=name)

    @classmethod
    def _import(cls, src, strict):
        plan = cls()
        report = FindingsP()
        options = ImportOptions(_convert.flag(strict, "strict"))
        try:
            if src.data is not None:
                plan._h.change(C.zb_import_text_string, src.data, len(src.data), utf8(src.name, "name"),
                               options, byref(report))
            else:
                plan._h.change(C.zb_import_text, src.path, options, byref(report))
        except BaseException as e:
            if isinstance(e, Error):
                e.report = _findings(report)
            if isinstance(e, FileError) and e.filename is None and src.path is not None:
                e.filename = os.fsdecode(src.path)
            C.zb_findings_free(report)
            plan.close()
            raise
        plan.report = _findings(report)
        C.zb_findings_free(report)
        return plan

    @classmethod
    def import_text(cls, source, *, strict: bool = False, encoding: str | None = None,
                    name: str | None = None) -> Plan:
        """A plan read from the text a government website publishes (import.h).

        source: a path, an open file, or the text itself (a str with line breaks).
        strict: a line that cannot be placed is an error (its ``report`` has the findings).
        encoding: the file's encoding when it is not UTF-8.
        name: what messages call the input.
        The plan's ``report`` lists what was recognised and what could not be placed.
        """
        return cls._import(_convert.source(source, "source", encoding=encoding, name=name), strict)

    @classmethod
    def import_text_string(cls, text: str, name: str | None = None, strict: bool = False) -> Plan:
        """:meth:`import_text` from text in memory."""
        return cls._import(_convert.Source(data=_text_data(text, "text"), name=name or "<string>"), strict)

    def load_actuals(self, source, *, encoding: str | None = None, delimiter: str | None = None,
                     name: str | None = None) -> None:
        """Adds period actuals (year-to-date values at the end of a month); all or none.

        source: a CSV file (path or open file) or CSV text with the columns seq/序号,
            period/期间/月份, actual/累计值/value and optionally note/备注; or a pandas
            DataFrame, either long (those columns) or wide (a seq/序号 column or index and
            one column per month: ``2025-01``, ``2025年1月``, or ``1月`` in the plan's
            year; other columns of the indicator table are ignored). An empty cell is not
            reported yet.
        encoding: the file's encoding when it is not UTF-8 ("gbk", "gb18030").
        delimiter: for CSV; None = detect.
        name: what messages call the input.
        Errors name ``file:line:column`` (or the DataFrame's row and column).
        """
        if _is_frame(source):
            from . import _frames
            return _frames.load_actuals_frame(self, source, name=name or "DataFrame")
        src = _convert.source(source, "source", encoding=encoding, name=name)
        try:
            if src.data is not None:
                self._h.change(C.zb_csv_load_actuals_string, src.data, len(src.data), utf8(src.name, "name"),
                               self._csv_options(delimiter))
            else:
                self._h.change(C.zb_csv_load_actuals, src.path, self._csv_options(delimiter))
        except FileError as e:
            if e.filename is None and src.path is not None:
                e.filename = os.fsdecode(src.path)
            raise

    def load_actuals_string(self, text: str, name: str | None = None, delimiter: str | None = None) -> None:
        """:meth:`load_actuals` from CSV text in memory."""
        data = _text_data(text, "text")
        self._h.change(C.zb_csv_load_actuals_string, data, len(data), utf8(name, "name"),
                       self._csv_options(delimiter))

    # -- saving --

    def save(self, target) -> None:
        """Writes the plan as zhibiao/1 JSON: to a path (through a temporary file beside
        it) or to an open binary file."""
        if _convert.writable(target):
            target.write(self._bytes(C.zb_json_dump)[0])
            return
        self._h.call(C.zb_json_save, _convert.path(target, "target"), ZbError())

    def to_json(self) -> str:
        """The plan as zhibiao/1 JSON text."""
        return self._bytes(C.zb_json_dump)[0].decode("utf-8")

    def to_dataframe(self):
        """The indicators as a pandas DataFrame, one row per indicator: seq, category, name,
        unit, attribute, the base value (under ``2020年基数``, or ``base``), one column per
        target year (``2025年目标值``; ``target`` when the plan has no year), responsible (the
        units joined with 、), kind, direction (lower-case names), weight, note; then what is
        read from those — lead, target_value (the number), qualifier, target_class,
        unit_given, base_year, bare_name, source. :meth:`from_dataframe` reads it back.
        Needs pandas."""
        from . import _frames
        return _frames.plan_to_frame(self)

    def _bytes(self, func, *args, fonts=False, info=False):
        """Calls a writer to memory: (its bytes, its PdfInfo or None), freed on the C side."""
        out = POINTER(c_char)()
        n = c_size_t()
        extra = (ZbPdfInfo(),) if info else ()
        self._call(func, *args, byref(out), byref(n), *extra, ZbError(), fonts=fonts)
        try:
            return ctypes.string_at(out, n.value), (_info(extra[0]) if info else None)
        finally:
            C.zb_free(out)

    def _call(self, func, *args, fonts=False):
        """func(plan, [fonts,] *args) as a reader of the plan (and of the fonts)."""
        if fonts is False:
            return self._h.call(func, *args)
        if fonts is None:
            return self._h.call(func, None, *args)
        if not isinstance(fonts, Fonts):
            raise ArgumentError(Status.ARGUMENT, f"fonts must be a zhibiao.Fonts or None, not {type(fonts).__name__}")
        fptr = fonts._h.read()
        try:
            return self._h.call(func, fptr, *args)
        finally:
            fonts._h.done_reading()

    def _relocate(self, text):
        """A location of a plan made from a DataFrame, in its rows: "DataFrame:4" → "DataFrame
        row 2"; other text as it is."""
        if self._rows is None or not text:
            return text
        return self._rows.relocate(text)

    # -- metadata --

    title = _meta_property(Meta.TITLE)
    organ = _meta_property(Meta.ORGAN)
    organ_mark = _meta_property(Meta.ORGAN_MARK)
    doc_number = _meta_property(Meta.DOC_NUMBER)
    signature = _meta_property(Meta.SIGNATURE)
    note = _meta_property(Meta.NOTE)
    printer = _meta_property(Meta.PRINTER)
    index_no = _meta_property(Meta.INDEX_NO)
    publisher = _meta_property(Meta.PUBLISHER)
    validity = _meta_property(Meta.VALIDITY)
    disclosure = _meta_property(Meta.DISCLOSURE)
    plan_title = _meta_property(Meta.PLAN_TITLE)
    issued = _date_property(DateField.ISSUED)
    printed = _date_property(DateField.PRINTED)
    published = _date_property(DateField.PUBLISHED)

    @property
    def years(self):
        """(first, last) year the plan covers; None when unset. Set it from 2024,
        (2021, 2023), "2021-2023" or None."""
        ptr = self._h.read()
        try:
            first, last = C.zb_plan_first_year(ptr), C.zb_plan_last_year(ptr)
        finally:
            self._h.done_reading()
        return (first, last) if first else None

    @years.setter
    def years(self, value):
        first, last = _years(value)
        self._h.change(C.zb_plan_set_years, first, last)

    @property
    def year(self):
        """The year (an int) of a one-year plan, (first, last) for a span, None when unset."""
        y = self.years
        return y[0] if y and y[0] == y[1] else y

    @year.setter
    def year(self, value):
        self.years = value

    def _list(self, count, item):
        ptr = self._h.read()
        try:
            return [item(ptr, i) for i in range(count(ptr))]
        finally:
            self._h.done_reading()

    @property
    def recipients(self):
        """主送机关, in order."""
        return self._list(C.zb_plan_recipient_count, C.zb_plan_recipient)

    def add_recipient(self, name: str) -> None:
        self._h.change(C.zb_plan_add_recipient, utf8(name, "name"))

    @property
    def copy_to(self):
        """抄送, in order."""
        return self._list(C.zb_plan_copy_to_count, C.zb_plan_copy_to)

    def add_copy_to(self, name: str) -> None:
        self._h.change(C.zb_plan_add_copy_to, utf8(name, "name"))

    # -- units and categories --

    @property
    def units(self):
        """The directory of responsible units."""
        return [Unit(self, i) for i in range(self._h.call(C.zb_plan_unit_count))]

    def add_unit(self, name: str, full_name: str | None = None) -> Unit:
        """Adds a responsible unit (short name as plans write it, e.g. 县经信局)."""
        self._h.change(C.zb_plan_add_unit, utf8(name, "name"), utf8(full_name, "full_name"))
        return Unit(self, self._h.call(C.zb_plan_unit_count) - 1)

    def find_unit(self, name: str) -> Unit | None:
        """The unit of that short name; None when there is none."""
        i = self._h.call(C.zb_plan_find_unit, utf8(name, "name"))
        return None if i == NONE else Unit(self, i)

    @property
    def categories(self):
        """Category names (类别), in order."""
        return self._list(C.zb_plan_category_count, C.zb_plan_category_name)

    def add_category(self, name: str) -> None:
        """Appends a category; Error (DUPLICATE) when it exists."""
        self._h.change(C.zb_plan_add_category, utf8(name, "name"), None)

    # -- indicators --

    @property
    def indicators(self):
        """The indicators, in order."""
        return [Indicator(self, i) for i in range(self._h.call(C.zb_plan_indicator_count))]

    def indicator(self, seq: int) -> Indicator:
        """The indicator with sequence number ``seq``; a KeyError (:class:`NotFoundError`)
        naming the numbers the plan has when there is none."""
        i = self._h.call(C.zb_plan_find_indicator, _convert.integer(seq, "seq"))
        if i == NONE:
            seqs = sorted(ind.seq for ind in self.indicators)
            have = f"the plan's are {_ranges(seqs)}" if seqs else "the plan has no indicators"
            raise NotFoundError(Status.NOT_FOUND, f"no indicator with seq {seq}; {have}")
        return Indicator(self, i)

    def add_indicator(self, *, name: str, category: str | None = None,
                      target: str | float | int | None = None, unit: str | None = None,
                      units: list[str] | str | None = None, seq: int | None = None,
                      kind: Kind | str | None = None, qualifier: Qualifier | str | None = None,
                      direction: Direction | str | None = None, weight: float | None = None,
                      source: str | None = None, target_year: int | None = None,
                      attribute: Attribute | str | None = None, base: str | float | int | None = None,
                      base_year: int | None = None, note: str | None = None) -> Indicator:
        """Appends an indicator and returns it.

        ``target`` is text as displayed ("6.5以上", "20%", "完成市下达任务") or a number
        (written as a person would: 520*1.1 is "572"), for ``target_year`` (None: tied to no
        year; add more with :meth:`Indicator.set_target`); ``unit`` None takes it from the
        name's last (…); ``units`` the responsible units, a list (lead first) or one string;
        ``kind``, ``qualifier``, ``direction`` None are inferred (names such as "rate",
        "at_least", "lower" or the enums); ``seq`` None is one more than the largest;
        ``weight`` None is 1; ``attribute`` "binding" (约束性) or "anticipatory" (预期性);
        ``base`` the base value (基期值) of ``base_year``; ``note`` 备注.
        """
        d = IndicatorDef()
        d.target_year = _convert.integer(target_year or 0, "target_year")
        d.base = _target_text(base, "base")
        d.base_year = _convert.integer(base_year or 0, "base_year")
        d.note = utf8(note, "note")
        if attribute is not None:
            d.attribute = _convert.enum_value(Attribute, attribute, "attribute")
        d.name = utf8(name, "name")
        d.category = utf8(category, "category")
        d.target = _target_text(target)
        d.unit = utf8(unit, "unit")
        d.source = utf8(source, "source")
        if seq is not None:
            d.seq = _convert.integer(seq, "seq")
        if kind is not None:
            d.kind = _convert.enum_value(Kind, kind, "kind")
        if qualifier is not None:
            d.qualifier = _convert.enum_value(Qualifier, qualifier, "qualifier")
        if direction is not None:
            d.direction = _convert.enum_value(Direction, direction, "direction")
        if weight is not None:
            d.weight = _convert.number(weight, "weight")
        if isinstance(units, str):
            d.responsible = utf8(units, "units")
            units = ()
        else:
            units = [utf8(u, "units") for u in _names(units or (), "units")]
        index = c_size_t()
        ptr = self._h.write()
        try:
            C.zb_plan_add_indicator(ptr, d, byref(index))
            # One unit at a time, so that a name holding a separator stays whole.
            for u in units:
                C.zb_plan_add_indicator_responsible(ptr, index.value, u)
        finally:
            self._h.done_writing()
        return Indicator(self, index.value)

    # -- tasks, body, attachments, prose targets --

    @property
    def tasks(self):
        """The tasks (重点任务), in order."""
        return [Task(self, t) for t in range(self._h.call(C.zb_plan_task_count))]

    def add_task(self, title: str, text: str | None = None, number: str | int | None = None,
                 headings=(), source: str | None = None) -> Task:
        """Appends a task and returns it; add its responsibility items with
        :meth:`Task.add_duty`."""
        d = TaskDef()
        d.title = utf8(title, "title")
        d.text = utf8(text, "text")
        if number is not None and not isinstance(number, str):
            number = str(_convert.integer(number, "number"))
        d.number = utf8(number, "number")
        d.source = utf8(source, "source")
        heads = [utf8(h, "headings") for h in _names(headings, "headings")]
        if heads:
            d.headings = (ctypes.c_char_p * len(heads))(*heads)
            d.heading_count = len(heads)
        index = c_size_t()
        self._h.change(C.zb_plan_add_task, d, byref(index))
        return Task(self, index.value)

    @property
    def blocks(self):
        """Body text: headings and paragraphs, in order."""
        return [Block(self, b) for b in range(self._h.call(C.zb_plan_block_count))]

    def add_block(self, text: str, level: int = 0, part=Part.DOCUMENT) -> Block:
        """Appends a paragraph (level 0) or a heading (1–4: 一、 (一) 1. (1)) to the document's
        own text, or with part="plan" to the text of the plan a notice issues."""
        part = _convert.enum_value(Part, part, "part")
        self._h.change(C.zb_plan_add_block_to, part, _convert.integer(level, "level"), utf8(text, "text"))
        return Block(self, self._h.call(C.zb_plan_block_count) - 1)

    @property
    def attachments(self):
        return [Attachment(self, a) for a in range(self._h.call(C.zb_plan_attachment_count))]

    def add_attachment(self, title: str, kind=AttachmentKind.TEXT, text: str | None = None,
                       number: int = 0) -> Attachment:
        """Appends an attachment (附件): kind "targets" (the target table), "units" (the unit
        list) or "text"; ``number`` 0 = one more than the last."""
        kind = _convert.enum_value(AttachmentKind, kind, "kind")
        self._h.change(C.zb_plan_add_attachment, _convert.integer(number, "number"), kind,
                       utf8(title, "title"), utf8(text, "text"))
        return Attachment(self, self._h.call(C.zb_plan_attachment_count) - 1)

    @property
    def prose_targets(self):
        return [ProseTarget(self, p) for p in range(self._h.call(C.zb_plan_prose_target_count))]

    def add_prose_target(self, name: str, value: str | float | int, unit: str | None = None,
                         qualifier=None, first_year: int = 0, last_year: int = 0,
                         sentence: str | None = None, task: Task | int | None = None,
                         source: str | None = None) -> ProseTarget:
        """Appends a target found in the text: ``value`` the number as written ("62")."""
        d = ProseTargetDef()
        d.name = utf8(name, "name")
        d.value = _target_text(value, "value")
        d.unit = utf8(unit, "unit")
        d.qualifier = _convert.enum_value(Qualifier, qualifier, "qualifier") if qualifier is not None else 0
        d.first_year = _convert.integer(first_year, "first_year")
        d.last_year = _convert.integer(last_year, "last_year")
        d.sentence = utf8(sentence, "sentence")
        d.task = NONE if task is None else (task.index if isinstance(task, Task) else
                                             _convert.integer(task, "task", 0, NONE - 1))
        d.source = utf8(source, "source")
        index = c_size_t()
        self._h.change(C.zb_plan_add_prose_target, d, byref(index))
        return ProseTarget(self, index.value)

    # -- actuals and progress --

    @property
    def actuals(self):
        """The period actuals, in the order added."""
        return [Actual(self, a) for a in range(self._h.call(C.zb_plan_actual_count))]

    def add_actual(self, seq: int, period, value: float, note: str | None = None) -> None:
        """Records the year-to-date ``value`` of indicator ``seq`` at the end of ``period``
        ("YYYY-MM" or a date). A float keeps the digits a person means (231.6, never
        231.60000000000002)."""
        self._h.change(C.zb_plan_add_actual, _convert.integer(seq, "seq"), _convert.period(period),
                       _convert.number(value, "value"), utf8(note, "note"))

    @staticmethod
    def _progress_options(about_tolerance):
        options = ProgressOptions()
        if about_tolerance is not None:
            options.about_tolerance = _convert.number(about_tolerance, "about_tolerance")
        return options

    def _evaluate(self, period, about_tolerance, each):
        """each(ptr, progress, i) for every row of zb_progress_evaluate()."""
        progress = ProgressP()
        ptr = self._h.read()
        try:
            C.zb_progress_evaluate(ptr, _convert.period(period), self._progress_options(about_tolerance),
                                   byref(progress), ZbError())
            try:
                return [each(ptr, progress, i) for i in range(C.zb_progress_count(progress))]
            finally:
                C.zb_progress_free(progress)
        finally:
            self._h.done_reading()

    def evaluate(self, period, *, about_tolerance: float | None = None) -> list[ProgressRow]:
        """How every indicator stands at ``period``: a list of :class:`ProgressRow` in plan
        order. ``about_tolerance`` as in zb_progress_options (None = the default)."""
        def row(ptr, progress, i):
            standing = Standing(C.zb_progress_standing(progress, i))
            return ProgressRow(
                seq=C.zb_progress_seq(progress, i),
                name=C.zb_plan_indicator_name(ptr, C.zb_progress_indicator(progress, i)),
                standing=standing,
                status=C.zb_standing_label(standing),
                actual=optional_number(C.zb_progress_actual(progress, i)),
                target=optional_number(C.zb_progress_target(progress, i)),
                completion=optional_number(C.zb_progress_completion(progress, i)),
                expected=optional_number(C.zb_progress_expected(progress, i)),
                explain=C.zb_progress_explain(progress, i),
                target_text=C.zb_progress_target_text(progress, i),
                target_year=C.zb_progress_target_year(progress, i) or None)
        return self._evaluate(period, about_tolerance, row)

    @_doc
    def progress_frame(self, period, *, about_tolerance: float | None = None):
        """How every indicator stands at ``period``, as a pandas DataFrame: one row per
        indicator with seq, category, name, unit, lead, responsible, standing (lower-case
        name), status (已完成, 超序时, 滞后, 未报送, …), actual, target, completion, expected
        (fractions) and explain. Filter it as usual: ``df[df.status == "滞后"]``.

        {period}
        {tolerance}
        Warns (:class:`ZhibiaoWarning`) when the period has no actuals at all or a
        year-to-date total is lower than the month before. Needs pandas.
        """
        from . import _frames
        self._warn_actuals(period)
        return _frames.progress_frame(self, period, about_tolerance)

    @_doc
    def assessment_frame(self, period, *, scoring: str | Scoring = "proportional", cap: float | None = None,
                         about_tolerance: float | None = None, by: str = "indicator"):
        """The annual assessment as a pandas DataFrame, the numbers of the assessment workbook.

        by="indicator": one row per indicator — seq, name, lead, weight, standing, status,
            completion, score (NaN for a qualitative indicator, the workbook's 另行评定);
            by="unit": one row per lead unit — lead, indicators, weight and score (without
            the qualitative ones, as the workbook), rate (score / weight; NaN with no
            weight), rank (equal rates share a rank).
        {period}
        scoring: "proportional" (weight × completion, capped) or "all-or-nothing"
            (``all_or_nothing`` too): the weight when done or met, else 0.
        cap: cap on over-completion for proportional scoring (default 1.2).
        {tolerance}
        Needs pandas.
        """
        from . import _frames
        self._warn_actuals(period)
        return _frames.assessment_frame(self, period, scoring, cap, about_tolerance, by)

    # -- validation --

    def validate(self, *, document: str | None = None, actuals: bool = False,
                 period=None) -> list[Finding]:
        """What is wrong with the plan: a list of :class:`Finding` (errors must be fixed
        before documents are written; the writers refuse a plan with errors unless told
        ``force=True``).

        document: also check what that document needs — "notice" and "bulletin" need a
            title and an issuing organ (an error naming each); "table", "breakdown",
            "progress", "assessment" need nothing more. None: the plan alone.
        actuals: also check the actuals: a year-to-date total lower than the month before
            (a warning, "ytd-decrease").
        period: with actuals, the month a document is written for: a period with no
            actual at all is a warning ("no-actuals"), and later months are not checked.
        """
        out = FindingsP()
        o = ValidateOptions()
        if document is not None:
            o.document = _convert.enum_value(Document, document, "document")
        o.actuals = _convert.flag(actuals, "actuals")
        if period is not None:
            # The library's reading, so that a bad month is told as every front door tells it.
            month = ctypes.create_string_buffer(8)
            C.zb_progress_parse_period(_convert.period(period), month, ZbError())
            o.period = month.value
        self._h.call(C.zb_plan_validate_opt, o, byref(out))
        try:
            return [dataclasses.replace(f, location=self._relocate(f.location), message=self._relocate(f.message))
                    for f in _findings(out)]
        finally:
            C.zb_findings_free(out)

    def _check_before_writing(self, what, document, force, period=None):
        """The warnings a write should give once it succeeded; refuses a plan with errors
        (InputError listing them) unless forced."""
        findings = self.validate(document=document, actuals=period is not None, period=period)
        errors = [f for f in findings if f.severity == Severity.ERROR]
        if errors and not force:
            shown = "\n  ".join(str(f) for f in errors[:10])
            more = f"\n  … and {len(errors) - 10} more" if len(errors) > 10 else ""
            raise InputError(Status.INVALID, f"{what}: the plan has {len(errors)} error"
                                             f"{'' if len(errors) == 1 else 's'}; nothing written "
                                             f"(force=True writes it anyway):\n  {shown}{more}",
                             report=errors)
        return [f"{what}: {f} (written with force=True)" for f in errors] + \
               [f"{what}: {f}" for f in findings if f.severity == Severity.WARNING and f.code in _WARN_ON_WRITE]

    def _warn_actuals(self, period):
        try:
            findings = self.validate(actuals=True, period=period)
        except InputError:
            return  # a period that is not a month: the evaluation says so
        for f in findings:
            if f.severity == Severity.WARNING and f.code in _WARN_ON_WRITE:
                warnings.warn(ZhibiaoWarning(str(f)), stacklevel=3)

    # -- documents --

    def _document(self, what, file_fn, buffer_fn, target, options, *, period=None, fonts=False,
                  info=False, document=None, force=False, to_bytes=False):
        """Writes a document to ``target`` (a path or an open binary file), or returns its
        bytes (to_bytes); a PDF's PdfInfo otherwise."""
        lead = (_convert.period(period),) if period is not None else ()
        if not to_bytes and not _convert.writable(target):
            target = _convert.path(target, "target")
        said = self._check_before_writing(what, document, _convert.flag(force, "force"), period)
        if to_bytes or not isinstance(target, bytes):
            data, result = self._bytes(buffer_fn, *lead, options, fonts=fonts, info=info)
            if not to_bytes:
                target.write(data)
        else:
            extra = (ZbPdfInfo(),) if info else ()
            self._call(file_fn, *lead, target, options, *extra, ZbError(), fonts=fonts)
            result = _info(extra[0]) if info else None
        for text in said:
            warnings.warn(ZhibiaoWarning(text), stacklevel=3)
        return data if to_bytes else result

    @staticmethod
    def _table_options(label, title, sheet_name, header_seq, header_category, header_name, header_unit,
                       header_target, header_responsible, unit_column, font_body, font_heading,
                       font_title, body_size, title_size, header_attribute=None, header_base=None,
                       header_note=None, margins="document"):
        o = TableOptions()
        o.margins = _convert.enum_value(SheetMargins, margins, "margins")
        for key, value in (("label", label), ("title", title), ("sheet_name", sheet_name),
                           ("header_seq", header_seq), ("header_category", header_category),
                           ("header_name", header_name), ("header_unit", header_unit),
                           ("header_target", header_target), ("header_responsible", header_responsible),
                           ("font_body", font_body), ("font_heading", font_heading),
                           ("font_title", font_title), ("header_attribute", header_attribute),
                           ("header_base", header_base), ("header_note", header_note)):
            setattr(o, key, utf8(value, key))
        if unit_column is not None:
            # None: as the plan says (a unit given apart from a name); True on; False off.
            o.unit_column = 1 if _convert.flag(unit_column, "unit_column") else -1
        if body_size is not None:
            o.body_size = _convert.number(body_size, "body_size")
        if title_size is not None:
            o.title_size = _convert.number(title_size, "title_size")
        return o

    @_doc
    def write_target_table(self, target, *, label: str | None = None, title: str | None = None,
                           sheet_name: str | None = None, header_seq: str | None = None,
                           header_category: str | None = None, header_name: str | None = None,
                           header_unit: str | None = None, header_target: str | None = None,
                           header_responsible: str | None = None, unit_column: bool | None = None,
                           font_body: str | None = None, font_heading: str | None = None,
                           font_title: str | None = None, body_size: float | None = None,
                           title_size: float | None = None, header_attribute: str | None = None,
                           header_base: str | None = None, header_note: str | None = None,
                           scratch_dir: str | os.PathLike | None = None,
                           margins: str | SheetMargins = "document",
                           force: bool = False) -> None:
        """Writes the target table (目标体系表) as .xlsx.

        {target}
        label: the top-left mark, e.g. "附件2" (default none).
        title: the title (default "<year>年目标体系表").
        sheet_name: the worksheet's name (default 目标体系表).
        header_seq, header_category, header_name, header_unit, header_target,
            header_responsible: column headings (default 序号, 类别, 指标名称, 计量单位,
            <year>年目标值, 责任单位).
        unit_column: a 计量单位 column, the names without their unit (default: when some unit was
            given apart from a name, e.g. by a 计量单位 column; True always, False never).
        {fonts_xlsx}
        body_size, title_size: font sizes in points (default 12 and 16).
        header_attribute, header_base, header_note: headings of the 属性, base and 备注 columns,
            shown when an indicator has them (default 属性, <year>年基期值, 备注).
        scratch_dir: the folder for the temporary files libxlsxwriter writes (default TMPDIR, else /tmp).
        {margins}
        {force}
        """
        o = self._table_options(label, title, sheet_name, header_seq, header_category, header_name,
                                header_unit, header_target, header_responsible, unit_column, font_body,
                                font_heading, font_title, body_size, title_size, header_attribute,
                                header_base, header_note, margins)
        o.scratch_dir = None if scratch_dir is None else _convert.path(scratch_dir, "scratch_dir")
        self._document("write_target_table", C.zb_xlsx_write_target_table, C.zb_xlsx_target_table_to_buffer,
                       target, o, document="table", force=force)

    @_doc
    def write_target_table_bytes(self, *, label: str | None = None, title: str | None = None,
                                 sheet_name: str | None = None, header_seq: str | None = None,
                                 header_category: str | None = None, header_name: str | None = None,
                                 header_unit: str | None = None, header_target: str | None = None,
                                 header_responsible: str | None = None, unit_column: bool | None = None,
                                 font_body: str | None = None, font_heading: str | None = None,
                                 font_title: str | None = None, body_size: float | None = None,
                                 title_size: float | None = None, header_attribute: str | None = None,
                                 header_base: str | None = None, header_note: str | None = None,
                                 scratch_dir: str | os.PathLike | None = None,
                                 margins: str | SheetMargins = "document",
                                 force: bool = False) -> bytes:
        """:meth:`write_target_table` to memory: the workbook's bytes, byte for byte what
        the file gets. The keywords are those of :meth:`write_target_table`.

        scratch_dir: the folder for the temporary files libxlsxwriter writes (default TMPDIR, else /tmp).
        {force}
        """
        o = self._table_options(label, title, sheet_name, header_seq, header_category, header_name,
                                header_unit, header_target, header_responsible, unit_column, font_body,
                                font_heading, font_title, body_size, title_size, header_attribute,
                                header_base, header_note, margins)
        o.scratch_dir = None if scratch_dir is None else _convert.path(scratch_dir, "scratch_dir")
        return self._document("write_target_table_bytes", None, C.zb_xlsx_target_table_to_buffer, None, o,
                              document="table", force=force, to_bytes=True)

    @staticmethod
    def _fonts_xlsx(o, font_body, font_heading, font_title):
        o.font_body = utf8(font_body, "font_body")
        o.font_heading = utf8(font_heading, "font_heading")
        o.font_title = utf8(font_title, "font_title")
        return o

    @_doc
    def write_breakdown(self, target, *, title: str | None = None, font_body: str | None = None,
                        font_heading: str | None = None, font_title: str | None = None,
                        scratch_dir: str | os.PathLike | None = None,
                        margins: str | SheetMargins = "document",
                        force: bool = False) -> None:
        """Writes the responsibility breakdown (责任分解表) as .xlsx: every responsibility
        item with its lead and cooperating units, counts per unit, a sheet per unit.

        {target}
        title: the title (default "<plan title>责任分解表").
        {fonts_xlsx}
        scratch_dir: the folder for the temporary files libxlsxwriter writes (default TMPDIR, else /tmp).
        {margins}
        {force}
        """
        o = self._fonts_xlsx(BreakdownOptions(utf8(title, "title")), font_body, font_heading, font_title)
        o.scratch_dir = None if scratch_dir is None else _convert.path(scratch_dir, "scratch_dir")
        o.margins = _convert.enum_value(SheetMargins, margins, "margins")
        self._document("write_breakdown", C.zb_xlsx_write_breakdown, C.zb_xlsx_breakdown_to_buffer, target, o,
                       document="breakdown", force=force)

    @_doc
    def write_breakdown_bytes(self, *, title: str | None = None, font_body: str | None = None,
                              font_heading: str | None = None, font_title: str | None = None,
                              scratch_dir: str | os.PathLike | None = None,
                              margins: str | SheetMargins = "document",
                              force: bool = False) -> bytes:
        """:meth:`write_breakdown` to memory: the workbook's bytes.

        scratch_dir: the folder for the temporary files libxlsxwriter writes (default TMPDIR, else /tmp).
        {margins}
        {force}
        """
        o = self._fonts_xlsx(BreakdownOptions(utf8(title, "title")), font_body, font_heading, font_title)
        o.scratch_dir = None if scratch_dir is None else _convert.path(scratch_dir, "scratch_dir")
        o.margins = _convert.enum_value(SheetMargins, margins, "margins")
        return self._document("write_breakdown_bytes", None, C.zb_xlsx_breakdown_to_buffer, None, o,
                              document="breakdown", force=force, to_bytes=True)

    def _progress_sheet_options(self, title, about_tolerance, font_body, font_heading, font_title):
        o = self._fonts_xlsx(ProgressSheetOptions(), font_body, font_heading, font_title)
        o.title = utf8(title, "title")
        o.progress = ctypes.pointer(self._progress_options(about_tolerance))
        return o

    @_doc
    def write_progress(self, target, period, *, title: str | None = None,
                       about_tolerance: float | None = None, font_body: str | None = None,
                       font_heading: str | None = None, font_title: str | None = None,
                       scratch_dir: str | os.PathLike | None = None,
                       force: bool = False) -> None:
        """Writes the monthly monitoring workbook (指标监测表) at ``period``: each
        indicator's target, year-to-date actual, completion, time schedule (序时进度) and
        status, with a summary sheet and a chart.

        {target}
        {period}
        title: the title (default "<year>年<m>月指标监测表").
        {tolerance}
        {fonts_xlsx}
        scratch_dir: the folder for the temporary files libxlsxwriter writes (default TMPDIR, else /tmp).
        {force}
        Warns (:class:`ZhibiaoWarning`) when the period has no actuals at all or a
        year-to-date total is lower than the month before.
        """
        o = self._progress_sheet_options(title, about_tolerance, font_body, font_heading, font_title)
        o.scratch_dir = None if scratch_dir is None else _convert.path(scratch_dir, "scratch_dir")
        self._document("write_progress", C.zb_xlsx_write_progress, C.zb_xlsx_progress_to_buffer, target, o,
                       period=period, document="progress", force=force)

    @_doc
    def write_progress_bytes(self, period, *, title: str | None = None, about_tolerance: float | None = None,
                             font_body: str | None = None, font_heading: str | None = None,
                             font_title: str | None = None, scratch_dir: str | os.PathLike | None = None,
                             force: bool = False) -> bytes:
        """:meth:`write_progress` to memory: the workbook's bytes.

        {period}
        scratch_dir: the folder for the temporary files libxlsxwriter writes (default TMPDIR, else /tmp).
        {force}
        """
        o = self._progress_sheet_options(title, about_tolerance, font_body, font_heading, font_title)
        o.scratch_dir = None if scratch_dir is None else _convert.path(scratch_dir, "scratch_dir")
        return self._document("write_progress_bytes", None, C.zb_xlsx_progress_to_buffer, None, o,
                              period=period, document="progress", force=force, to_bytes=True)

    def _assessment_options(self, title, scoring, cap, about_tolerance, font_body, font_heading, font_title):
        o = self._fonts_xlsx(AssessmentOptions(), font_body, font_heading, font_title)
        o.title = utf8(title, "title")
        o.scoring = _convert.enum_value(Scoring, scoring, "scoring")
        if cap is not None:
            o.cap = _convert.number(cap, "cap")
        o.progress = ctypes.pointer(self._progress_options(about_tolerance))
        return o

    @_doc
    def write_assessment(self, target, period, *, title: str | None = None, scoring: str | Scoring = "proportional",
                         cap: float | None = None, about_tolerance: float | None = None,
                         font_body: str | None = None, font_heading: str | None = None,
                         font_title: str | None = None, scratch_dir: str | os.PathLike | None = None,
                         force: bool = False) -> None:
        """Writes the annual assessment (年度考核) at ``period`` (normally YYYY-12): each
        indicator's score, each lead unit's score and the ranking.

        {target}
        {period}
        title: the title (default "<year>年度指标考核结果").
        scoring: "proportional" (weight × completion, capped; rates and levels the whole
            weight when met) or "all-or-nothing" (``all_or_nothing`` too, or a
            :class:`Scoring`): the weight when done or met, else 0.
        cap: cap on over-completion for proportional scoring (default 1.2).
        {tolerance}
        {fonts_xlsx}
        scratch_dir: the folder for the temporary files libxlsxwriter writes (default TMPDIR, else /tmp).
        {force}
        """
        o = self._assessment_options(title, scoring, cap, about_tolerance, font_body, font_heading, font_title)
        o.scratch_dir = None if scratch_dir is None else _convert.path(scratch_dir, "scratch_dir")
        self._document("write_assessment", C.zb_xlsx_write_assessment, C.zb_xlsx_assessment_to_buffer, target,
                       o, period=period, document="assessment", force=force)

    @_doc
    def write_assessment_bytes(self, period, *, title: str | None = None, scoring: str | Scoring = "proportional",
                               cap: float | None = None, about_tolerance: float | None = None,
                               font_body: str | None = None, font_heading: str | None = None,
                               font_title: str | None = None, scratch_dir: str | os.PathLike | None = None,
                               force: bool = False) -> bytes:
        """:meth:`write_assessment` to memory: the workbook's bytes.

        {period}
        scratch_dir: the folder for the temporary files libxlsxwriter writes (default TMPDIR, else /tmp).
        {force}
        """
        o = self._assessment_options(title, scoring, cap, about_tolerance, font_body, font_heading, font_title)
        o.scratch_dir = None if scratch_dir is None else _convert.path(scratch_dir, "scratch_dir")
        return self._document("write_assessment_bytes", None, C.zb_xlsx_assessment_to_buffer, None, o,
                              period=period, document="assessment", force=force, to_bytes=True)

    @staticmethod
    def _ofd(format, target=None):
        """Whether an official document goes out as OFD rather than PDF."""
        return _convert.document_format(format, target) == "ofd"

    @staticmethod
    def _notice_options(seal_png, sealed, omit_attachments, omit_imprint, masthead):
        o = NoticeOptions()
        o.masthead = _convert.enum_value(Masthead, masthead, "masthead")
        if seal_png is not None:
            o.seal_png = _convert.path(seal_png, "seal_png")
        o.sealed = _convert.flag(sealed, "sealed")
        o.omit_attachments = _convert.flag(omit_attachments, "omit_attachments")
        o.omit_imprint = _convert.flag(omit_imprint, "omit_imprint")
        return o

    @_doc
    def write_notice(self, target, fonts: Fonts | None = None, *, seal_png: str | os.PathLike | None = None, sealed: bool = False,
                     omit_attachments: bool = False, omit_imprint: bool = False,
                     masthead: str | Masthead = "file", format: str | None = None, seal_png_data: bytes | None = None,
                     force: bool = False) -> PdfInfo:
        """Writes the notice (通知) that issues the plan, as a GB/T 9704 document — a PDF,
        or an OFD (GB/T 33190) — and returns its :class:`PdfInfo`. The plan needs a title
        and an issuing organ.

        {target}
        {fonts}
        {seal}
        omit_attachments: leave the attachments out; omit_imprint: leave out the 版记.
        {masthead}
        {format}
        seal_png_data: the seal as PNG bytes instead of a file (not both).
        {force}
        """
        ofd = self._ofd(format, target)
        o = self._notice_options(seal_png, sealed, omit_attachments, omit_imprint, masthead)
        _seal_bytes(o, seal_png_data)
        return self._document("write_notice", C.zb_ofd_write_notice if ofd else C.zb_pdf_write_notice,
                              C.zb_ofd_notice_to_buffer if ofd else C.zb_pdf_notice_to_buffer, target, o,
                              fonts=fonts, info=True, document="notice", force=force)

    @_doc
    def write_notice_bytes(self, fonts: Fonts | None = None, *, seal_png: str | os.PathLike | None = None, sealed: bool = False,
                           omit_attachments: bool = False, omit_imprint: bool = False,
                           masthead: str | Masthead = "file", format: str | None = None,
                           seal_png_data: bytes | None = None,
                           force: bool = False) -> bytes:
        """:meth:`write_notice` to memory: the document's bytes (what a web handler sends).

        {fonts}
        {masthead}
        {format}
        seal_png_data: the seal as PNG bytes instead of a file (not both).
        {force}
        """
        ofd = self._ofd(format)
        o = self._notice_options(seal_png, sealed, omit_attachments, omit_imprint, masthead)
        _seal_bytes(o, seal_png_data)
        return self._document("write_notice_bytes", None, C.zb_ofd_notice_to_buffer if ofd else C.zb_pdf_notice_to_buffer,
                              None, o, fonts=fonts, info=True, document="notice", force=force, to_bytes=True)

    def _bulletin_options(self, title, doc_number, about_tolerance, seal_png, sealed, masthead):
        o = BulletinOptions(utf8(title, "title"), utf8(doc_number, "doc_number"))
        o.masthead = _convert.enum_value(Masthead, masthead, "masthead")
        o.progress = ctypes.pointer(self._progress_options(about_tolerance))
        if seal_png is not None:
            o.seal_png = _convert.path(seal_png, "seal_png")
        o.sealed = _convert.flag(sealed, "sealed")
        return o

    @_doc
    def write_bulletin(self, target, period, fonts: Fonts | None = None, *, title: str | None = None,
                       doc_number: str | None = None, about_tolerance: float | None = None,
                       seal_png: str | os.PathLike | None = None, sealed: bool = False,
                       masthead: str | Masthead = "file", format: str | None = None, seal_png_data: bytes | None = None,
                       force: bool = False) -> PdfInfo:
        """Writes the progress bulletin (通报) at ``period`` as a GB/T 9704 document (PDF or
        OFD, as for :meth:`write_notice`) and returns its :class:`PdfInfo`: how many indicators are done, ahead, lagging or
        unreported, the lagging ones with their lead units, a chart, the progress table.
        The plan needs a title and an issuing organ.

        {target}
        {period}
        {fonts}
        title: the title (default "关于<year>年第<q>季度…指标进展情况的通报").
        doc_number: the document number, e.g. 桐经信〔2024〕15号.
        {tolerance}
        {seal}
        {masthead}
        {format}
        seal_png_data: the seal as PNG bytes instead of a file (not both).
        {force}
        Warns (:class:`ZhibiaoWarning`) when the period has no actuals at all or a
        year-to-date total is lower than the month before.
        """
        ofd = self._ofd(format, target)
        o = self._bulletin_options(title, doc_number, about_tolerance, seal_png, sealed, masthead)
        _seal_bytes(o, seal_png_data)
        return self._document("write_bulletin", C.zb_ofd_write_bulletin if ofd else C.zb_pdf_write_bulletin,
                              C.zb_ofd_bulletin_to_buffer if ofd else C.zb_pdf_bulletin_to_buffer, target, o,
                              period=period, fonts=fonts, info=True, document="bulletin", force=force)

    @_doc
    def write_bulletin_bytes(self, period, fonts: Fonts | None = None, *, title: str | None = None,
                             doc_number: str | None = None, about_tolerance: float | None = None,
                             seal_png: str | os.PathLike | None = None, sealed: bool = False,
                             masthead: str | Masthead = "file", format: str | None = None,
                             seal_png_data: bytes | None = None,
                             force: bool = False) -> bytes:
        """:meth:`write_bulletin` to memory: the document's bytes.

        {period}
        {fonts}
        {masthead}
        {format}
        seal_png_data: the seal as PNG bytes instead of a file (not both).
        {force}
        """
        ofd = self._ofd(format)
        o = self._bulletin_options(title, doc_number, about_tolerance, seal_png, sealed, masthead)
        _seal_bytes(o, seal_png_data)
        return self._document("write_bulletin_bytes", None,
                              C.zb_ofd_bulletin_to_buffer if ofd else C.zb_pdf_bulletin_to_buffer, None, o,
                              period=period, fonts=fonts, info=True, document="bulletin", force=force, to_bytes=True)


    # -- lifetime --

    @property
    def closed(self):
        return self._h.closed

    def close(self) -> None:
        """Frees the C plan; later use of it, or of items read from it, raises
        zhibiao.Error. Calling it again does nothing."""
        self._h.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        h = getattr(self, "_h", None)
        if h is not None:
            h.close()

    def __repr__(self):
        if self.closed:
            return "<zhibiao.Plan closed>"
        n = self._h.call(C.zb_plan_indicator_count)
        year = self.year
        span = "" if year is None else f" {year if isinstance(year, int) else f'{year[0]}-{year[1]}'}"
        return f"<zhibiao.Plan {self.title!r}{span}: {n} indicator{'' if n == 1 else 's'}>"


# Findings a writer warns about (the rest are the plan's own, which validate() lists).
_WARN_ON_WRITE = frozenset(("no-actuals", "ytd-decrease"))


def _info(info):
    return PdfInfo(info.pages, info.bytes, info.fallback_chars,
                   info.fallback_note.decode("utf-8", "replace"))


def _names(values, what):
    """A list of names; a lone str is refused (it would be read letter by letter)."""
    if isinstance(values, str):
        raise ArgumentError(Status.ARGUMENT, f"{what} must be a list of names, not one str")
    try:
        return list(values)
    except TypeError:
        raise ArgumentError(Status.ARGUMENT, f"{what} must be a list of names, not {type(values).__name__}") from None


def _text_data(text, what):
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise ArgumentError(Status.ARGUMENT, f"{what} must be a str or bytes, not {type(text).__name__}")


def _is_frame(value):
    """Whether value is a pandas DataFrame, without importing pandas."""
    return any(c.__name__ == "DataFrame" and c.__module__.startswith("pandas") for c in type(value).__mro__)
