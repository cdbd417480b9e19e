"""Python values to C ones — text, paths, ints, numbers, periods, enums, sources — each
checked, so that what C cannot take is refused here with the standard exception: a NUL
inside a string (C would cut it there) is a ValueError, an int beyond a C int an
OverflowError, a value of the wrong type a TypeError. All are zhibiao errors too."""
import datetime
import decimal
import io
import math
import numbers
import os
import re
import unicodedata

from ._enums import Status
from ._errors import ArgumentError, InputError, RangeError, file_error

INT_MIN, INT_MAX = -2**31, 2**31 - 1

def type_name(value):
    return type(value).__name__


def _no_nul(data, what):
    i = data.find("\0" if isinstance(data, str) else b"\0")
    if i >= 0:
        raise InputError(Status.VALUE, f"{what} holds a NUL character (at {i}); C would cut the text there")


def utf8(value, what):
    """Text for C: a str as UTF-8 (None stays None, meaning "not given")."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentError(Status.ARGUMENT, f"{what} must be a str, not {type_name(value)}")
    _no_nul(value, what)
    return value.encode("utf-8")


def path(value, what="path"):
    """A file name for C: str, bytes or os.PathLike, in the file-system encoding."""
    try:
        p = os.fsencode(os.fspath(value))
    except TypeError:
        raise ArgumentError(Status.ARGUMENT, f"{what} must be a path (str, bytes or os.PathLike), "
                                             f"not {type_name(value)}") from None
    _no_nul(p, what)
    return p


def integer(value, what, lo=INT_MIN, hi=INT_MAX):
    """An int C can hold (a C int unless told otherwise)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ArgumentError(Status.ARGUMENT, f"{what} must be an int, not {type_name(value)}")
    v = int(value)
    if not lo <= v <= hi:
        raise RangeError(Status.VALUE, f"{what} {v} is out of range ({lo} to {hi})")
    return v


def flag(value, what):
    """A yes/no option: bool (or 0/1)."""
    if isinstance(value, bool) or type_name(value) == "bool_":
        return int(bool(value))
    if isinstance(value, numbers.Integral) and int(value) in (0, 1):
        return int(value)
    raise ArgumentError(Status.ARGUMENT, f"{what} must be a bool, not {type_name(value)}")


def _float(value, what):
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, decimal.Decimal)):
        raise ArgumentError(Status.ARGUMENT, f"{what} must be a number, not {type_name(value)}")
    try:
        if getattr(value, "itemsize", 8) < 8 and not isinstance(value, numbers.Integral):
            # A numpy float32 or float16 holds 0.1 as 0.100000001490116: its own shortest
            # text (numpy's str) has the digits the person typed.
            return float(str(value))
        return float(value)
    except OverflowError:
        raise RangeError(Status.VALUE, f"{what} {value} is too large for a C double") from None


def human(value):
    """A float with the digits a person means: 520*1.1 (572.0000000000001) is 572, 0.1+0.2 is
    0.3. Fifteen significant digits are what a double holds exactly; the rest is the noise of
    binary arithmetic."""
    if not math.isfinite(value) or value == 0:
        return 0.0 if value == 0 else value
    return float(format(value, ".15g"))


def number(value, what):
    """A finite number for C, with the digits a person means."""
    f = _float(value, what)
    if not math.isfinite(f):
        raise InputError(Status.VALUE, f"{what} must be a finite number, not {f}")
    return human(f) if not isinstance(value, numbers.Integral) else f


def number_text(value, what):
    """A number as a person writes it: 572, 6.5, 0.32, 0.00001 (never 572.0000000000001,
    1e-05 or 572.0); ints stay ints."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(int(value))
    f = number(value, what)
    if f == 0:
        return "0"
    if f.is_integer() and abs(f) < 1e21:
        return str(int(f))
    s = format(decimal.Decimal(repr(f)), "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def optional_number(value):
    """NaN from C as None."""
    return None if math.isnan(value) else value


# ---- periods -----------------------------------------------------------------------------

_PERIOD = re.compile(r"^\s*(?:(\d{4})\s*(?:年|[-./])\s*)?(\d{1,2})\s*(月份?)?\s*$")


def parse_period(text, year=None):
    """"YYYY-MM" from a month as reports write it — 2025-01, 2025-1, 2025.01, 2025/1,
    2025年1月, 1月 (with ``year``), full-width digits too; None when it is not one."""
    m = _PERIOD.match(unicodedata.normalize("NFKC", text))
    if not m:
        return None
    y, month, han = m.group(1), int(m.group(2)), m.group(3)
    if y is None:
        if not han or year is None:
            return None
        y = year
    if not 1 <= month <= 12:
        return None
    return f"{int(y):04d}-{month:02d}"


def period_text(value, what="period"):
    """"YYYY-MM" (or another spelling the library takes) from a str, a date or a pandas
    Period/Timestamp (its month)."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, str):
        _no_nul(value, what)
        return value
    year, month = getattr(value, "year", None), getattr(value, "month", None)
    if isinstance(year, numbers.Integral) and isinstance(month, numbers.Integral):
        return f"{int(year):04d}-{int(month):02d}"
    raise ArgumentError(Status.ARGUMENT, f"{what} must be a 'YYYY-MM' str or a date, not {type_name(value)}")


def period(value, what="period"):
    """A period for C: "YYYY-MM" from any spelling the actuals CSV takes (2025-6, 2025年6月,
    2025.06), a date or a pandas Period; other text as it is, for C to refuse by name."""
    text = period_text(value, what)
    return (parse_period(text) or text).encode("utf-8")


# ---- enums -------------------------------------------------------------------------------

def enum_value(cls, value, what):
    """An enum member from a member, its int value, or its name in any case, with - or _
    ("rate", "all-or-nothing", "all_or_nothing")."""
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        key = value.strip().upper().replace("-", "_").replace(" ", "_")
        if key in cls.__members__:
            return cls[key]
        names = ", ".join(m.lower().replace("_", "-") for m in cls.__members__)
        raise InputError(Status.VALUE, f"{what}: {value!r} is not one of {names}")
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        try:
            return cls(int(value))
        except ValueError:
            raise InputError(Status.VALUE, f"{what}: {value} is not a {cls.__name__} value") from None
    raise ArgumentError(Status.ARGUMENT, f"{what} must be a {cls.__name__} or its name, not {type_name(value)}")


# ---- sources: a path, text, bytes of a file, or an open file -------------------------------

class Source:
    """What a loader reads: ``path`` (bytes for C) or ``data`` (UTF-8 bytes) with ``name``,
    what messages call it."""
    __slots__ = ("path", "data", "name")

    def __init__(self, path=None, data=None, name=None):
        self.path, self.data, self.name = path, data, name

    @property
    def display(self):
        """The name for messages, as str."""
        if self.name is not None:
            return self.name
        return os.fsdecode(self.path) if self.path is not None else "<string>"


def _decode(data, encoding, name):
    """Bytes in ``encoding`` as UTF-8 bytes; a byte that is not is an error naming its line."""
    try:
        return data.decode(encoding).encode("utf-8")
    except LookupError:
        raise InputError(Status.VALUE, f"encoding {encoding!r} is not known to Python") from None
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(Status.ENCODING, f"{name}:{line}: not {encoding} text: byte 0x{data[e.start]:02x} "
                                          f"cannot be decoded ({e.reason})") from None


def _text_bytes(value, what):
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise ArgumentError(Status.ARGUMENT, f"{what} must be text (str or bytes), not {type_name(value)}")


def source(value, what, encoding=None, name=None, is_text=None):
    """A loader's input: an open file (text or binary), text (a str that ``is_text`` says is
    the content, by default one holding a line break; bytes holding a line break), or a path
    (str, bytes, os.PathLike).
    With ``encoding`` the bytes are decoded here (GBK, GB18030, …) and given to C as UTF-8."""
    if name is not None:
        utf8(name, "name")
    if hasattr(value, "read"):
        data = value.read()
        if name is None:
            n = getattr(value, "name", None)
            name = n if isinstance(n, str) else "<stream>"
        if isinstance(data, str):
            data = data.encode("utf-8")
        elif not isinstance(data, (bytes, bytearray)):
            raise ArgumentError(Status.ARGUMENT, f"{what}: read() gave {type_name(data)}, not text or bytes")
        data = bytes(data)
        if encoding is not None:
            data = _decode(data, encoding, name)
        return Source(data=data, name=name)
    if isinstance(value, str):
        looks_like_text = is_text(value) if is_text else ("\n" in value or "\r" in value)
        if looks_like_text:
            return Source(data=value.encode("utf-8"), name=name or "<string>")
    if isinstance(value, (bytearray, memoryview)):
        value = bytes(value)
    if isinstance(value, bytes) and (b"\n" in value or b"\r" in value):
        # The content itself (a request's body, an upload read whole), by the rule for str:
        # no file name holds a line break.
        data = value
        shown = name or "<bytes>"
        return Source(data=_decode(data, encoding, shown) if encoding is not None else data, name=shown)
    p = path(value, what)
    if encoding is None:
        return Source(path=p, name=name)
    shown = name or os.fsdecode(p)
    try:
        with open(p, "rb") as f:
            data = f.read()
    except OSError as e:
        raise file_error(Status.IO, f"{shown}: cannot open: {e.strerror}", os.fsdecode(p)) from None
    return Source(data=_decode(data, encoding, shown), name=shown)


def document_format(value, target=None):
    """"pdf" or "ofd" for an official document: the format given (any case, a leading dot
    allowed), else "ofd" for a target whose name (a path's, or an open file's) ends in .ofd,
    else "pdf"."""
    if value is None:
        name = target if isinstance(target, (str, bytes, os.PathLike)) else getattr(target, "name", None)
        name = os.fsdecode(os.fspath(name)) if isinstance(name, (str, bytes, os.PathLike)) else ""
        return "ofd" if name.lower().endswith(".ofd") else "pdf"
    f = utf8(value, "format").decode("utf-8").strip().lower().lstrip(".")
    if f not in ("pdf", "ofd"):
        raise InputError(Status.VALUE, f"format: {value!r} is not one of pdf, ofd")
    return f


def writable(target):
    """Whether a writer's target is an open file (anything with write()) rather than a path."""
    if isinstance(target, io.TextIOBase):
        raise ArgumentError(Status.ARGUMENT, "the file is open in text mode; documents are bytes: "
                                             "open it in binary mode ('wb'), or pass a path or io.BytesIO")
    return hasattr(target, "write") and not isinstance(target, (str, bytes, os.PathLike))
