"""The enums of the C headers (include/zhibiao/*.h), mirrored: tests/test_consistency.py
keeps names and values in step. Each is an :class:`enum.Enum` that prints its name
(``Kind.RATE``) and is also the int C takes, so it goes to ctypes as it is."""
import enum


class CEnum(int, enum.Enum):
    """A C enum: an :class:`enum.Enum` whose members are also ints (their C values)."""

    def __str__(self):
        return f"{type(self).__name__}.{self.name}"

    def __format__(self, spec):
        return format(str(self), spec)


class Status(CEnum):
    """zb_status (common.h): the result of every fallible call."""
    OK = 0
    NOMEM = 1
    ARGUMENT = 2
    IO = 3
    WRITE = 4
    SYNTAX = 5
    ENCODING = 6
    SCHEMA = 7
    VALUE = 8
    DUPLICATE = 9
    NOT_FOUND = 10
    INVALID = 11
    XLSX = 12
    PDF = 13


class Meta(CEnum):
    """zb_meta (plan.h): the text fields of a plan's document metadata."""
    TITLE = 0
    ORGAN = 1
    ORGAN_MARK = 2
    DOC_NUMBER = 3
    SIGNATURE = 4
    NOTE = 5
    PRINTER = 6
    INDEX_NO = 7
    PUBLISHER = 8
    VALIDITY = 9
    DISCLOSURE = 10
    PLAN_TITLE = 11


class DateField(CEnum):
    """zb_date_field (plan.h)."""
    ISSUED = 0
    PRINTED = 1
    PUBLISHED = 2


class Qualifier(CEnum):
    """zb_qualifier (plan.h): how a target is qualified (以上 ≥, 左右 ≈, 以下 ≤)."""
    AUTO = 0
    NONE = 1
    AT_LEAST = 2
    ABOUT = 3
    AT_MOST = 4


class Kind(CEnum):
    """zb_kind (plan.h): how progress on an indicator is judged."""
    AUTO = 0
    CUMULATIVE = 1
    RATE = 2
    LEVEL = 3


class Direction(CEnum):
    """zb_direction (plan.h): which way is better."""
    AUTO = 0
    HIGHER = 1
    LOWER = 2


class Attribute(CEnum):
    """zb_attribute (plan.h): 约束性 (binding) or 预期性 (anticipatory)."""
    NONE = 0
    BINDING = 1
    ANTICIPATORY = 2


class TargetClass(CEnum):
    """zb_target_class (plan.h): what a target cell holds."""
    NONE = 0
    NUMERIC = 1
    QUALITATIVE = 2
    UNRECOGNISED = 3


class Change(CEnum):
    """zb_change (plan.h): how a numeric target is stated (a value, or a change from the base)."""
    NONE = 0
    PERCENT = 1
    POINTS = 2
    AMOUNT = 3
    ANNUAL = 4


class Part(CEnum):
    """zb_part (plan.h): which text a body block belongs to."""
    DOCUMENT = 0
    PLAN = 1


class Document(CEnum):
    """zb_document_kind (plan.h): a document a plan is written as, for :meth:`Plan.validate`."""
    NONE = 0
    TABLE = 1
    BREAKDOWN = 2
    PROGRESS = 3
    ASSESSMENT = 4
    NOTICE = 5
    BULLETIN = 6


class AttachmentKind(CEnum):
    """zb_attachment_kind (plan.h)."""
    TEXT = 0
    TARGETS = 1
    UNITS = 2


class Severity(CEnum):
    """zb_severity (plan.h): how serious a finding is."""
    NOTE = 0
    WARNING = 1
    ERROR = 2


class Standing(CEnum):
    """zb_standing (progress.h): how an indicator stands at a period; ``.label`` is the
    Chinese label (已完成, 超序时, …)."""
    MISSING = 0
    DONE = 1
    AHEAD = 2
    BEHIND = 3
    MET = 4
    NOT_MET = 5
    NO_TARGET = 6
    EXCEEDED = 7
    WARNING = 8
    WITHIN = 9
    QUALITATIVE = 10

    @property
    def label(self):
        from ._lib import C
        return C.zb_standing_label(self)


class FontRole(CEnum):
    """zb_font_role (font.h): the roles of type in an official document."""
    BODY = 0
    TITLE = 1
    HEADING = 2
    KAI = 3
    NUMBER = 4


class Scoring(CEnum):
    """zb_scoring (xlsx.h): how completion turns into a score in the assessment."""
    PROPORTIONAL = 0
    ALL_OR_NOTHING = 1


class SheetMargins(CEnum):
    """zb_sheet_margins (xlsx.h): where a workbook prints on the page."""
    DOCUMENT = 0
    SHEET = 1


class Masthead(CEnum):
    """zb_masthead (pdf.h): the form of a document's 版头."""
    FILE = 0
    MARK = 1
    LETTER = 2
    NONE = 3
