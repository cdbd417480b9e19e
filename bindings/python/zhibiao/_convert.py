"""Python values to C ones: paths, text, periods, enums, and option structs from keyword
arguments (an unknown keyword is a TypeError naming it, as for any Python function)."""
import datetime
import math
import os
from ctypes import c_char_p, c_double, c_int, c_void_p, cast, create_string_buffer, pointer

from ._lib import ProgressOptions


def path(value):
    """A file name for C: str, bytes or os.PathLike, in the file-system encoding."""
    return os.fsencode(os.fspath(value))


def utf8(value, what):
    """Text for C (None stays None, meaning "not given")."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.encode("utf-8")
    raise TypeError(f"{what} must be a str, not {type(value).__name__}")


def period(value):
    """"YYYY-MM" from a str, or from a date (its month)."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"{value.year:04d}-{value.month:02d}".encode()
    if isinstance(value, str):
        return value.encode("utf-8")
    raise TypeError(f"period must be a 'YYYY-MM' str or a date, not {type(value).__name__}")


def document_format(value, target=None):
    """"pdf" or "ofd" for an official document: the format given (any case, a leading dot
    allowed), else "ofd" for a target whose name ends in .ofd, else "pdf"."""
    if value is None:
        name = os.fsdecode(os.fspath(target)) if target is not None else ""
        return "ofd" if name.lower().endswith(".ofd") else "pdf"
    if not isinstance(value, str):
        raise TypeError(f"format must be a str, not {type(value).__name__}")
    f = value.strip().lower().lstrip(".")
    if f not in ("pdf", "ofd"):
        raise ValueError(f"format: {value!r} is not one of pdf, ofd")
    return f


def number(value, what):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} must be a number, not {type(value).__name__}")
    return float(value)


def optional_number(value):
    """NaN from C as None."""
    return None if math.isnan(value) else value


def enum_value(cls, value, what):
    """An enum member from a member, its int value, or its name in any case ("rate",
    "all-or-nothing")."""
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        key = value.strip().upper().replace("-", "_").replace(" ", "_")
        if key in cls.__members__:
            return cls[key]
        names = ", ".join(m.lower() for m in cls.__members__)
        raise ValueError(f"{what}: {value!r} is not one of {names}")
    if isinstance(value, int) and not isinstance(value, bool):
        return cls(value)
    raise TypeError(f"{what} must be a {cls.__name__} or its name, not {type(value).__name__}")


def options(struct, function, given, enums=None, paths=()):
    """The option struct for ``function`` from its keyword arguments. Fields take their C
    names; None leaves a field at its default (zero); ``about_tolerance`` fills the
    evaluation options that several structs point to."""
    enums = enums or {}
    fields = {name: ctype for name, ctype in struct._fields_}
    s = struct()
    for key, value in given.items():
        if key == "about_tolerance" and "progress" in fields:
            if value is not None:
                s.progress = pointer(ProgressOptions(number(value, key)))
            continue
        if key == "seal_png_data" and key in fields:
            # The seal as PNG bytes: kept alive by the struct for the call.
            if value is not None:
                if not isinstance(value, (bytes, bytearray, memoryview)):
                    raise TypeError(f"seal_png_data must be bytes, not {type(value).__name__}")
                data = bytes(value)
                if not data:
                    raise ValueError("seal_png_data: an empty seal")
                s._seal = create_string_buffer(data, len(data))
                s.seal_png_data = cast(s._seal, c_void_p)
                s.seal_png_size = len(data)
            continue
        ctype = fields.get(key)
        if ctype not in (c_char_p, c_int, c_double):
            raise TypeError(f"{function}() got an unexpected keyword argument {key!r}")
        if value is None:
            continue
        if key in enums:
            value = int(enum_value(enums[key], value, key))
        elif ctype is c_char_p:
            value = path(value) if key in paths else utf8(value, key)
        elif ctype is c_int:
            if not isinstance(value, int):
                raise TypeError(f"{key} must be an int or a bool, not {type(value).__name__}")
            value = int(value)
        else:
            value = number(value, key)
        setattr(s, key, value)
    return s
