"""zhibiao's exceptions. Every one is a :class:`Error` (``.code`` the C status, ``.message``
the library's detail) and also the standard exception a Python programmer catches: a
missing file is a FileNotFoundError, bad input a ValueError, an unknown sequence number a
KeyError, a wrong type a TypeError, a number C cannot hold an OverflowError."""
import errno as _errno
import os
import re

from ._enums import Status

# "plan.json:14:7: …", "table.csv:12: …", "request body:3:12: …", and for a DataFrame
# "DataFrame row 3, column '目标值': …"
_LOCATION = re.compile(r"^(.+?:\d+(?::\d+)?|[^:]+? row [^,:]+(?:, column [^:]+)?): ")


def _status(code):
    try:
        return Status(code)
    except ValueError:
        return code


def strerror(code):
    """The category of a status in words (zb_strerror), e.g. "cannot write output"."""
    from ._lib import C
    return C.zb_strerror(int(code))


def _rebuild(cls, code, message, report, extra):
    e = cls(code, message, report)
    for key, value in extra.items():
        setattr(e, key, value)
    return e


class Error(Exception):
    """A call into libzhibiao failed, or a value given to it cannot be used.

    ``code`` is the zb_status (a :class:`Status`), ``message`` the detail
    (``plan.json:14:7: …``), or the category in words when there is none; ``location``
    the ``file:line[:column]`` it starts with (None when it names none); ``report`` the
    findings behind it (an import's report, or the errors of a plan a writer refused).
    Catch it to catch everything zhibiao raises, or catch the standard exception each
    subclass also is.
    """

    def __init__(self, code, message="", report=None):
        self.code = _status(code)
        self.message = message or strerror(self.code)
        self.report = list(report or [])
        Exception.__init__(self, self.message)

    @property
    def location(self):
        """``file:line[:column]`` at the start of the message; None when it has none."""
        m = _LOCATION.match(self.message)
        return m.group(1) if m else None

    def __str__(self):
        return self.message

    def __repr__(self):
        code = self.code.name if isinstance(self.code, Status) else self.code
        return f"zhibiao.{type(self).__name__}({code}, {self.message!r})"

    def __reduce__(self):
        extra = {k: getattr(self, k) for k in ("errno", "strerror", "filename") if getattr(self, k, None) is not None}
        return (_rebuild, (type(self), int(self.code), self.message, self.report, extra))


class FileError(Error, OSError):
    """A file cannot be read or written (IO, WRITE). ``errno``, ``strerror`` and
    ``filename`` as for any OSError, when the library said why."""

    def __init__(self, code, message="", report=None, *, errno=None, filename=None):
        Error.__init__(self, code, message, report)
        if errno is None:
            errno = _errno_in(self.message)
        self.errno = errno
        self.strerror = os.strerror(errno) if errno is not None else None
        self.filename = filename

    __str__ = Error.__str__


class MissingFileError(FileError, FileNotFoundError):
    """A file or folder that does not exist (ENOENT)."""


class FileAccessError(FileError, PermissionError):
    """A file the process may not read or write (EACCES, EPERM)."""


class InputError(Error, ValueError):
    """Input that cannot be used: bad JSON or CSV (with its ``location``), a bad value, a
    duplicate, a plan that failed validation."""


class RangeError(InputError, OverflowError):
    """A number outside what the C library holds (an int beyond a C int)."""


class NotFoundError(InputError, KeyError):
    """A reference to something that does not exist: the message says what does."""

    __str__ = Error.__str__


class ArgumentError(Error, TypeError):
    """A value of the wrong type."""


class OutOfMemoryError(Error, MemoryError):
    """The C library ran out of memory."""


class ZhibiaoWarning(UserWarning):
    """A finding worth knowing before a document goes out: a period with no actuals, a
    year-to-date total lower than the month before, a unit missing from the list. The
    document is written; ``warnings.simplefilter("error", zhibiao.ZhibiaoWarning)`` makes
    these errors."""


# The errors a file operation names, by the strerror text the C library appends.
_ERRNOS = tuple(e for e in (getattr(_errno, n, None) for n in (
    "ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS", "EEXIST", "ENAMETOOLONG",
    "ELOOP", "EMFILE", "ENFILE", "EFBIG", "EDQUOT", "ETXTBSY", "EBUSY", "EIO", "EINVAL")) if e is not None)


def _errno_in(message):
    """The errno whose text ends the message (or appears in it); None when none does."""
    texts = [(e, os.strerror(e)) for e in _ERRNOS]
    for e, text in texts:
        if message.endswith(text):
            return e
    for e, text in texts:
        if text in message:
            return e
    return None


_INPUT = frozenset((Status.ARGUMENT, Status.SYNTAX, Status.ENCODING, Status.SCHEMA, Status.VALUE,
                    Status.DUPLICATE, Status.INVALID))


def file_error(code, message, filename=None):
    """The FileError for a failed read or write, of the class its errno calls for."""
    e = _errno_in(message)
    cls = {_errno.ENOENT: MissingFileError, _errno.EACCES: FileAccessError,
           _errno.EPERM: FileAccessError}.get(e, FileError)
    return cls(code, message, errno=e, filename=filename)


def from_status(code, message="", filename=None):
    """The exception for a failed C call: its class from the status (and, for files, from
    the reason the library gave)."""
    code = _status(code)
    if code in (Status.IO, Status.WRITE):
        return file_error(code, message, filename)
    if code in (Status.XLSX, Status.PDF) and _errno_in(message) is not None:
        return file_error(code, message, filename)
    if code == Status.NOMEM:
        return OutOfMemoryError(code, message)
    if code == Status.NOT_FOUND:
        return NotFoundError(code, message)
    if code in _INPUT:
        return InputError(code, message)
    return Error(code, message)
