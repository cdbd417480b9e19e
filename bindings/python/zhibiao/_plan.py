"""zhibiao.Plan and what is read from it: indicators, tasks, units and the rest."""
import ctypes
import dataclasses
import datetime
from ctypes import POINTER, byref, c_char, c_size_t

from . import _convert
from ._convert import optional_number, utf8
from ._fonts import Fonts
from ._lib import (AssessmentOptions, AttachmentKind, Attribute, BreakdownOptions, BulletinOptions, C,
                   Change, TargetClass,
                   CsvOptions, DateField, Direction, Error, FindingsP, Handle, ImportOptions,
                   IndicatorDef, Kind, Meta, NoticeOptions, NONE, Part, ProgressOptions, ProgressP,
                   ProgressSheetOptions, ProseTargetDef, Qualifier, Scoring, Severity, Standing,
                   TableOptions, TaskDef, ZbDate, ZbError, ZbPdfInfo)

# ---- values (snapshots, independent of the plan) -----------------------------------------


@dataclasses.dataclass(frozen=True)
class Finding:
    """One finding of :meth:`Plan.validate` or of an import report."""
    severity: Severity
    code: str       #: stable short code: "duplicate-seq", "unknown-unit", "unplaced", …
    location: str   #: "plan.json:14:7", "table.csv:12", "indicator 20"
    message: str

    def __str__(self):
        return f"{self.location}: {self.severity.name.lower()}: {self.message}"


@dataclasses.dataclass(frozen=True)
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


def _target_text(value):
    if value is None or isinstance(value, str):
        return utf8(value, "target")
    number = _convert.number(value, "target")
    return (str(int(number)) if number.is_integer() else repr(number)).encode()


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
        return f"{self.name}"


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
    source = property(lambda self: self._get(C.zb_plan_indicator_source),
                      doc="Where it came from (\"plan.json:14:7\"); \"\" when not known.")

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
        return Qualifier(self._get(C.zb_plan_indicator_qualifier))

    @property
    def kind(self):
        return Kind(self._get(C.zb_plan_indicator_kind))

    @property
    def direction(self):
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

    def set_base(self, value, year=None):
        """Sets the base value (text as displayed, or a number) and its year; None clears it."""
        self._set(C.zb_plan_indicator_set_base, int(year or 0), _target_text(value))

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

    def set_target(self, text, year=None, qualifier=None):
        """Sets the target for ``year`` (None: the one tied to no year): text as displayed or a
        number; None removes it. ``qualifier`` None reads it from the text."""
        q = Qualifier.AUTO if qualifier is None else _convert.enum_value(Qualifier, qualifier, "qualifier")
        self._set(C.zb_plan_indicator_set_target, int(year or 0), _target_text(text), q)

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

    def add_unit(self, name):
        """Appends a responsible unit (the first one is the lead)."""
        self._plan._h.change(C.zb_plan_add_indicator_responsible, self._index, utf8(name, "name"))

    def actual(self, period):
        """The year-to-date value reported for ``period``; None when none was."""
        ptr = self._plan._h.read()
        try:
            a = C.zb_plan_find_actual(ptr, self._index, _convert.period(period))
            return None if a == NONE else C.zb_plan_actual_value(ptr, a)
        finally:
            self._plan._h.done_reading()

    def _describe(self):
        return f"{self.seq} {self.name} target {self.target_text!r}"


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
        if isinstance(count, bool) or not isinstance(count, int):
            raise TypeError(f"lead_count: expected an int, got {type(count).__name__}")
        if count < 1:
            raise ValueError(f"lead_count: expected at least 1, got {count}")
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
        return f"lead {self.lead}"


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

    def add_duty(self, units, text=None, note=None):
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
        return f"{self.seq} {self.period} {self.value}"


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


def _date_property(field):
    def get(self):
        return _date(self._h.call(C.zb_plan_date, field))

    def set(self, value):
        if value is None:
            d = ZbDate()
        elif isinstance(value, datetime.date):
            d = ZbDate(value.year, value.month, value.day)
        elif isinstance(value, str):
            day = datetime.date.fromisoformat(value)
            d = ZbDate(day.year, day.month, day.day)
        else:
            raise TypeError(f"a date must be a datetime.date or 'YYYY-MM-DD', not {type(value).__name__}")
        self._h.change(C.zb_plan_set_date, field, d)
    return property(get, set, doc=f"Date {field.name} (a datetime.date); None when unset.")


class Plan:
    """An indicator system (指标体系) and the document around it (zb_plan).

    Make one with ``Plan(title=…, year=2024, organ=…)`` and the add_* methods, or load one:
    :meth:`load` (zhibiao/1 JSON), :meth:`from_json`, :meth:`from_csv`, :meth:`import_text`.
    ``with Plan.load(path) as plan:`` frees the C plan on exit; items read from a plan
    (indicators, tasks, …) keep it alive, and reading them after it is closed raises
    :class:`zhibiao.Error`. Any number of threads may read and write documents from one
    plan at once; changes wait for those calls, and they for changes.
    """

    def __init__(self, title=None, year=None, organ=None, **metadata):
        self._h = Handle(C.zb_plan_new(), C.zb_plan_free, "plan")
        #: What an import recognised and could not place (findings); [] otherwise.
        self.report = []
        try:
            if title is not None:
                self.title = title
            if organ is not None:
                self.organ = organ
            if year is not None:
                self.year = year
            for key, value in metadata.items():
                if key not in _META and key not in _DATES and key not in ("years", "recipients", "copy_to"):
                    raise TypeError(f"Plan() got an unexpected keyword argument {key!r}")
                if key in ("recipients", "copy_to"):
                    adder = self.add_recipient if key == "recipients" else self.add_copy_to
                    for name in value:
                        adder(name)
                elif value is not None:
                    setattr(self, key, value)
        except BaseException:
            self.close()
            raise

    # -- loading --

    @classmethod
    def _loaded(cls, func, *args):
        plan = cls()
        try:
            plan._h.change(func, *args)
        except BaseException:
            plan.close()
            raise
        return plan

    @classmethod
    def load(cls, path):
        """The plan in a zhibiao/1 JSON file. Errors name ``file:line:column``."""
        return cls._loaded(C.zb_json_load, _convert.path(path))

    @classmethod
    def from_json(cls, text, name=None):
        """The plan in zhibiao/1 JSON text (str or UTF-8 bytes); ``name`` is what messages
        call it (default "<string>")."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        return cls._loaded(C.zb_json_load_string, data, len(data), utf8(name, "name"))

    @staticmethod
    def _csv_options(delimiter):
        o = CsvOptions()
        if delimiter is not None:
            if not isinstance(delimiter, str) or len(delimiter) != 1 or not delimiter.isascii():
                raise ValueError("delimiter must be one ASCII character")
            o.delimiter = delimiter.encode()
        return o

    @classmethod
    def from_csv(cls, path, delimiter=None):
        """A plan from an indicator table kept as CSV (序号, 类别, 指标名称, 计量单位,
        目标值, 责任单位; see csv.h). ``delimiter`` None = detect."""
        return cls._loaded(C.zb_csv_load, _convert.path(path), cls._csv_options(delimiter))

    @classmethod
    def from_csv_string(cls, text, name=None, delimiter=None):
        """:meth:`from_csv` from text in memory."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        return cls._loaded(C.zb_csv_load_string, data, len(data), utf8(name, "name"),
                           cls._csv_options(delimiter))

    @classmethod
    def _import(cls, func, args, strict):
        plan = cls()
        report = FindingsP()
        options = ImportOptions(1 if strict else 0)
        try:
            plan._h.change(func, *args, options, byref(report))
        except BaseException as e:
            if isinstance(e, Error):
                e.report = _findings(report)
            C.zb_findings_free(report)
            plan.close()
            raise
        plan.report = _findings(report)
        C.zb_findings_free(report)
        return plan

    @classmethod
    def import_text(cls, path, strict=False):
        """A plan read from the text a government website publishes (import.h). The plan's
        ``report`` lists what was recognised and what could not be placed; with ``strict``
        a line that cannot be placed is an error (whose ``report`` has the findings)."""
        return cls._import(C.zb_import_text, (_convert.path(path),), strict)

    @classmethod
    def import_text_string(cls, text, name=None, strict=False):
        """:meth:`import_text` from text in memory."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        return cls._import(C.zb_import_text_string, (data, len(data), utf8(name, "name")), strict)

    def load_actuals(self, path, delimiter=None):
        """Adds the period actuals of a CSV file (seq, period, actual[, note]); all or none."""
        self._h.change(C.zb_csv_load_actuals, _convert.path(path), self._csv_options(delimiter))

    def load_actuals_string(self, text, name=None, delimiter=None):
        """:meth:`load_actuals` from text in memory."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        self._h.change(C.zb_csv_load_actuals_string, data, len(data), utf8(name, "name"),
                       self._csv_options(delimiter))

    # -- saving --

    def save(self, path):
        """Writes the plan as zhibiao/1 JSON (through a temporary file beside it)."""
        self._h.call(C.zb_json_save, _convert.path(path), ZbError())

    def to_json(self):
        """The plan as zhibiao/1 JSON text."""
        return self._bytes(C.zb_json_dump).decode("utf-8")

    def _bytes(self, func, *args, fonts=False, info=False):
        """Calls a writer to memory; its bytes, freed on the C side."""
        out = POINTER(c_char)()
        n = c_size_t()
        extra = (ZbPdfInfo(),) if info else ()
        self._call(func, *args, byref(out), byref(n), *extra, ZbError(), fonts=fonts)
        try:
            return ctypes.string_at(out, n.value)
        finally:
            C.zb_free(out)

    def _call(self, func, *args, fonts=False):
        """func(plan, [fonts,] *args) as a reader of the plan (and of the fonts)."""
        if fonts is False:
            return self._h.call(func, *args)
        if fonts is None:
            return self._h.call(func, None, *args)
        if not isinstance(fonts, Fonts):
            raise TypeError(f"fonts must be a zhibiao.Fonts or None, not {type(fonts).__name__}")
        fptr = fonts._h.read()
        try:
            return self._h.call(func, fptr, *args)
        finally:
            fonts._h.done_reading()

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
        """(first, last) year the plan covers; None when unset."""
        ptr = self._h.read()
        try:
            first, last = C.zb_plan_first_year(ptr), C.zb_plan_last_year(ptr)
        finally:
            self._h.done_reading()
        return (first, last) if first else None

    @years.setter
    def years(self, value):
        if value is None:
            first = last = 0
        elif isinstance(value, int) and not isinstance(value, bool):
            first = last = value
        else:
            first, last = value
        self._h.change(C.zb_plan_set_years, int(first), int(last))

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

    def add_recipient(self, name):
        self._h.change(C.zb_plan_add_recipient, utf8(name, "name"))

    @property
    def copy_to(self):
        """抄送, in order."""
        return self._list(C.zb_plan_copy_to_count, C.zb_plan_copy_to)

    def add_copy_to(self, name):
        self._h.change(C.zb_plan_add_copy_to, utf8(name, "name"))

    # -- units and categories --

    @property
    def units(self):
        """The directory of responsible units."""
        return [Unit(self, i) for i in range(self._h.call(C.zb_plan_unit_count))]

    def add_unit(self, name, full_name=None):
        """Adds a responsible unit (short name as plans write it, e.g. 县经信局)."""
        self._h.change(C.zb_plan_add_unit, utf8(name, "name"), utf8(full_name, "full_name"))
        return Unit(self, self._h.call(C.zb_plan_unit_count) - 1)

    def find_unit(self, name):
        """The unit of that short name; None when there is none."""
        i = self._h.call(C.zb_plan_find_unit, utf8(name, "name"))
        return None if i == NONE else Unit(self, i)

    @property
    def categories(self):
        """Category names (类别), in order."""
        return self._list(C.zb_plan_category_count, C.zb_plan_category_name)

    def add_category(self, name):
        """Appends a category; Error (DUPLICATE) when it exists."""
        self._h.change(C.zb_plan_add_category, utf8(name, "name"), None)

    # -- indicators --

    @property
    def indicators(self):
        """The indicators, in order."""
        return [Indicator(self, i) for i in range(self._h.call(C.zb_plan_indicator_count))]

    def indicator(self, seq):
        """The indicator with sequence number ``seq``; KeyError when there is none."""
        i = self._h.call(C.zb_plan_find_indicator, int(seq))
        if i == NONE:
            raise KeyError(seq)
        return Indicator(self, i)

    def add_indicator(self, *, name, category=None, target=None, unit=None, units=None, seq=None,
                      kind=None, qualifier=None, direction=None, weight=None, source=None,
                      target_year=None, attribute=None, base=None, base_year=None, note=None):
        """Appends an indicator and returns it.

        ``target`` is text as displayed ("6.5以上", "20%", "完成市下达任务") or a number, for
        ``target_year`` (None: tied to no year; add more with :meth:`Indicator.set_target`);
        ``unit`` None takes it from the name's last (…); ``units`` the responsible units, a
        list (lead first) or one string; ``kind``, ``qualifier``, ``direction`` None are
        inferred (names such as "rate", "at_least", "lower" or the enums); ``seq`` None is one
        more than the largest; ``weight`` None is 1; ``attribute`` "binding" (约束性) or
        "anticipatory" (预期性); ``base`` the base value (基期值) of ``base_year``; ``note`` 备注.
        """
        d = IndicatorDef()
        d.target_year = int(target_year or 0)
        d.base = _target_text(base)
        d.base_year = int(base_year or 0)
        d.note = utf8(note, "note")
        if attribute is not None:
            d.attribute = _convert.enum_value(Attribute, attribute, "attribute")
        d.name = utf8(name, "name")
        d.category = utf8(category, "category")
        d.target = _target_text(target)
        d.unit = utf8(unit, "unit")
        d.source = utf8(source, "source")
        if seq is not None:
            d.seq = int(seq)
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
            units = [utf8(u, "units") for u in (units or ())]
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

    def add_task(self, title, text=None, number=None, headings=(), source=None):
        """Appends a task and returns it; add its responsibility items with
        :meth:`Task.add_duty`."""
        d = TaskDef()
        d.title = utf8(title, "title")
        d.text = utf8(text, "text")
        d.number = utf8(None if number is None else str(number), "number")
        d.source = utf8(source, "source")
        heads = [utf8(h, "headings") for h in headings]
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

    def add_block(self, text, level=0, part=Part.DOCUMENT):
        """Appends a paragraph (level 0) or a heading (1–4: 一、 (一) 1. (1)) to the document's
        own text, or with part="plan" to the text of the plan a notice issues."""
        part = _convert.enum_value(Part, part, "part")
        self._h.change(C.zb_plan_add_block_to, part, int(level), utf8(text, "text"))
        return Block(self, self._h.call(C.zb_plan_block_count) - 1)

    @property
    def attachments(self):
        return [Attachment(self, a) for a in range(self._h.call(C.zb_plan_attachment_count))]

    def add_attachment(self, title, kind=AttachmentKind.TEXT, text=None, number=0):
        """Appends an attachment (附件): kind "targets" (the target table), "units" (the unit
        list) or "text"; ``number`` 0 = one more than the last."""
        kind = _convert.enum_value(AttachmentKind, kind, "kind")
        self._h.change(C.zb_plan_add_attachment, int(number), kind, utf8(title, "title"),
                       utf8(text, "text"))
        return Attachment(self, self._h.call(C.zb_plan_attachment_count) - 1)

    @property
    def prose_targets(self):
        return [ProseTarget(self, p) for p in range(self._h.call(C.zb_plan_prose_target_count))]

    def add_prose_target(self, name, value, unit=None, qualifier=None, first_year=0, last_year=0,
                         sentence=None, task=None, source=None):
        """Appends a target found in the text: ``value`` the number as written ("62")."""
        d = ProseTargetDef()
        d.name = utf8(name, "name")
        d.value = _target_text(value)
        d.unit = utf8(unit, "unit")
        d.qualifier = _convert.enum_value(Qualifier, qualifier, "qualifier") if qualifier is not None else 0
        d.first_year = int(first_year)
        d.last_year = int(last_year)
        d.sentence = utf8(sentence, "sentence")
        d.task = NONE if task is None else (task.index if isinstance(task, Task) else int(task))
        d.source = utf8(source, "source")
        index = c_size_t()
        self._h.change(C.zb_plan_add_prose_target, d, byref(index))
        return ProseTarget(self, index.value)

    # -- actuals and progress --

    @property
    def actuals(self):
        """The period actuals, in the order added."""
        return [Actual(self, a) for a in range(self._h.call(C.zb_plan_actual_count))]

    def add_actual(self, seq, period, value, note=None):
        """Records the year-to-date ``value`` of indicator ``seq`` at the end of ``period``
        ("YYYY-MM" or a date)."""
        self._h.change(C.zb_plan_add_actual, int(seq), _convert.period(period),
                       _convert.number(value, "value"), utf8(note, "note"))

    def evaluate(self, period, about_tolerance=None):
        """How every indicator stands at ``period``: a list of :class:`ProgressRow` in plan
        order. ``about_tolerance`` as in zb_progress_options (None = the default)."""
        options = ProgressOptions()
        if about_tolerance is not None:
            options.about_tolerance = _convert.number(about_tolerance, "about_tolerance")
        progress = ProgressP()
        ptr = self._h.read()
        try:
            C.zb_progress_evaluate(ptr, _convert.period(period), options, byref(progress), ZbError())
            try:
                rows = []
                for i in range(C.zb_progress_count(progress)):
                    standing = Standing(C.zb_progress_standing(progress, i))
                    rows.append(ProgressRow(
                        seq=C.zb_progress_seq(progress, i),
                        name=C.zb_plan_indicator_name(ptr, C.zb_progress_indicator(progress, i)),
                        standing=standing,
                        status=C.zb_standing_label(standing),
                        actual=optional_number(C.zb_progress_actual(progress, i)),
                        target=optional_number(C.zb_progress_target(progress, i)),
                        completion=optional_number(C.zb_progress_completion(progress, i)),
                        expected=optional_number(C.zb_progress_expected(progress, i)),
                        explain=C.zb_progress_explain(progress, i)))
                return rows
            finally:
                C.zb_progress_free(progress)
        finally:
            self._h.done_reading()

    # -- validation --

    def validate(self):
        """The findings of zb_plan_validate(): a list of :class:`Finding` (errors must be
        fixed before documents are written)."""
        out = FindingsP()
        self._h.call(C.zb_plan_validate, byref(out))
        try:
            return _findings(out)
        finally:
            C.zb_findings_free(out)

    # -- documents --

    def write_target_table(self, path, **options):
        """Writes the target table (目标体系表) as .xlsx. Options as zb_table_options: label,
        title, sheet_name, header_*, unit_column, font_body, font_heading, font_title,
        body_size, title_size."""
        o = _convert.options(TableOptions, "write_target_table", options, paths=("scratch_dir",))
        self._call(C.zb_xlsx_write_target_table, _convert.path(path), o, ZbError())

    def write_target_table_bytes(self, **options):
        """:meth:`write_target_table` to memory: the workbook's bytes."""
        o = _convert.options(TableOptions, "write_target_table_bytes", options, paths=("scratch_dir",))
        return self._bytes(C.zb_xlsx_target_table_to_buffer, o)

    def write_breakdown(self, path, **options):
        """Writes the responsibility breakdown (责任分解表) as .xlsx. Options: title,
        font_body, font_heading, font_title."""
        o = _convert.options(BreakdownOptions, "write_breakdown", options, paths=("scratch_dir",))
        self._call(C.zb_xlsx_write_breakdown, _convert.path(path), o, ZbError())

    def write_breakdown_bytes(self, **options):
        o = _convert.options(BreakdownOptions, "write_breakdown_bytes", options, paths=("scratch_dir",))
        return self._bytes(C.zb_xlsx_breakdown_to_buffer, o)

    def write_progress(self, path, period, **options):
        """Writes the monitoring workbook (指标监测表) at ``period``. Options: title,
        about_tolerance, font_body, font_heading, font_title."""
        o = _convert.options(ProgressSheetOptions, "write_progress", options, paths=("scratch_dir",))
        self._call(C.zb_xlsx_write_progress, _convert.period(period), _convert.path(path), o, ZbError())

    def write_progress_bytes(self, period, **options):
        o = _convert.options(ProgressSheetOptions, "write_progress_bytes", options, paths=("scratch_dir",))
        return self._bytes(C.zb_xlsx_progress_to_buffer, _convert.period(period), o)

    def write_assessment(self, path, period, **options):
        """Writes the annual assessment (年度考核) at ``period``. Options: title, scoring
        ("proportional" or "all_or_nothing"), cap, about_tolerance, font_*."""
        o = _convert.options(AssessmentOptions, "write_assessment", options, enums={"scoring": Scoring},
                                paths=("scratch_dir",))
        self._call(C.zb_xlsx_write_assessment, _convert.period(period), _convert.path(path), o, ZbError())

    def write_assessment_bytes(self, period, **options):
        o = _convert.options(AssessmentOptions, "write_assessment_bytes", options, enums={"scoring": Scoring},
                                paths=("scratch_dir",))
        return self._bytes(C.zb_xlsx_assessment_to_buffer, _convert.period(period), o)

    def write_notice(self, path, fonts=None, *, format=None, **options):
        """Writes the notice (通知) as a GB/T 9704 document and returns its :class:`PdfInfo`:
        a PDF, or an OFD (GB/T 33190) when ``format`` is "ofd" or, without ``format``,
        when ``path`` ends in .ofd. ``fonts`` a :class:`Fonts` (None = the library's
        defaults, loaded for this call). Options: seal_png, sealed, omit_attachments,
        omit_imprint."""
        ofd = _convert.document_format(format, path) == "ofd"
        o = _convert.options(NoticeOptions, "write_notice", options, paths=("seal_png",))
        info = ZbPdfInfo()
        self._call(C.zb_ofd_write_notice if ofd else C.zb_pdf_write_notice, _convert.path(path), o, info,
                   ZbError(), fonts=fonts)
        return _info(info)

    def write_notice_bytes(self, fonts=None, *, format="pdf", **options):
        """The notice's bytes: a PDF, or an OFD with format="ofd"."""
        ofd = _convert.document_format(format) == "ofd"
        o = _convert.options(NoticeOptions, "write_notice_bytes", options, paths=("seal_png",))
        return self._bytes(C.zb_ofd_notice_to_buffer if ofd else C.zb_pdf_notice_to_buffer, o, fonts=fonts,
                           info=True)

    def write_bulletin(self, path, period, fonts=None, *, format=None, **options):
        """Writes the progress bulletin (通报) at ``period`` as a PDF, or an OFD as
        :meth:`write_notice` says; returns its :class:`PdfInfo`. Options: title,
        doc_number, about_tolerance, seal_png, sealed."""
        ofd = _convert.document_format(format, path) == "ofd"
        o = _convert.options(BulletinOptions, "write_bulletin", options, paths=("seal_png",))
        info = ZbPdfInfo()
        self._call(C.zb_ofd_write_bulletin if ofd else C.zb_pdf_write_bulletin, _convert.period(period),
                   _convert.path(path), o, info, ZbError(), fonts=fonts)
        return _info(info)

    def write_bulletin_bytes(self, period, fonts=None, *, format="pdf", **options):
        """The bulletin's bytes: a PDF, or an OFD with format="ofd"."""
        ofd = _convert.document_format(format) == "ofd"
        o = _convert.options(BulletinOptions, "write_bulletin_bytes", options, paths=("seal_png",))
        return self._bytes(C.zb_ofd_bulletin_to_buffer if ofd else C.zb_pdf_bulletin_to_buffer,
                           _convert.period(period), o, fonts=fonts, info=True)

    # -- lifetime --

    @property
    def closed(self):
        return self._h.closed

    def close(self):
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
        return f"<zhibiao.Plan {self.title!r}: {self._h.call(C.zb_plan_indicator_count)} indicators>"


def _info(info):
    return PdfInfo(info.pages, info.bytes, info.fallback_chars,
                   info.fallback_note.decode("utf-8", "replace"))


