"""zhibiao.Fonts: the fonts of an official document by role (zb_fontset)."""
from . import _convert
from ._errors import ArgumentError
from ._lib import C, FontRole, Handle, Status

_ROLES = tuple(r.name.lower() for r in FontRole)


def _role(value):
    return _convert.enum_value(FontRole, value, "role")


def _index(value):
    return _convert.integer(value, "face_index")


def _bytes(value):
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise ArgumentError(Status.ARGUMENT, f"font data must be bytes, not {type(value).__name__}")
    return bytes(value)


# How font data starts: TrueType, OpenType (CFF), Apple TrueType, a collection (.ttc).
_FONT_SIGNATURES = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")


def _is_font_data(value):
    """Whether a role's value is the font itself rather than its path: a bytearray or
    memoryview, or bytes that start as a font file does (a path never does)."""
    if isinstance(value, (bytearray, memoryview)):
        return True
    return isinstance(value, bytes) and value[:4] in _FONT_SIGNATURES


def _name(value):
    return None if value is None else _convert.utf8(value, "name")


def _face(value, what):
    """(path, index) from a path or a (path, index) pair."""
    if isinstance(value, tuple):
        if len(value) != 2:
            raise ArgumentError(Status.ARGUMENT, f"{what} must be a path or a (path, face_index) pair")
        return value[0], value[1]
    return value, 0


class Fonts:
    """Fonts by role for official documents: body (仿宋), title (小标宋), heading (黑体),
    kai (楷体) and number (宋).

    ``Fonts(body="/fonts/simfang.ttf", title=("/fonts/x.ttc", 1), fallback=[...])`` checks
    each file now. A role may also be the font itself, as bytes read from a database or an
    upload (``Fonts(body=data)``, ``(data, 1)`` for a face of a .ttc): bytes that start as a
    TrueType or OpenType file does, a bytearray or a memoryview; they are copied and never
    touch the disk. roles left unset are filled when a document is written (from
    ``ZHIBIAO_FONT_DIR``, then free Debian fonts), or at once by :meth:`load_defaults`.
    Load a set once and pass it to every document: writers only read it, from any number of
    threads. ``with Fonts.defaults() as fonts:`` frees it on exit.
    """

    def __init__(self, body=None, title=None, heading=None, kai=None, number=None, fallback=()):
        self._h = Handle(C.zb_fontset_new(), C.zb_fontset_free, "fontset")
        try:
            for role, value in zip(_ROLES, (body, title, heading, kai, number)):
                if value is not None:
                    font, index = _face(value, role)
                    if _is_font_data(font):
                        self.set_memory(role, font, index)
                    else:
                        self.set(role, font, index)
            for value in fallback:
                font, index = _face(value, "fallback")
                if _is_font_data(font):
                    self.add_fallback_memory(font, index)
                else:
                    self.add_fallback(font, index)
        except BaseException:
            self.close()
            raise

    @classmethod
    def defaults(cls, **roles):
        """A set with every role filled (zb_fontset_load_defaults); roles given as keywords
        are used first. zhibiao.Error (NOT_FOUND) names the role and where it looked when
        a role stays empty."""
        fonts = cls(**roles)
        try:
            fonts.load_defaults()
        except BaseException:
            fonts.close()
            raise
        return fonts

    @classmethod
    def load(cls, path):
        """A set read from a JSON file: ``{"body": "simfang.ttf", "title": {"file": …,
        "index": 1}, "fallback": [...]}`` (paths relative to the file)."""
        fonts = cls()
        try:
            fonts._h.change(C.zb_fontset_load_json, _convert.path(path))
        except BaseException:
            fonts.close()
            raise
        return fonts

    def set(self, role, path, face_index=0):
        """Uses the font at ``path`` (face ``face_index`` of a .ttc) for ``role``."""
        self._h.change(C.zb_fontset_set, _role(role), _convert.path(path), _index(face_index))

    def set_memory(self, role, data, face_index=0, name=None):
        """Uses a font held in memory for ``role`` (zb_fontset_set_role_memory): the bytes of a
        .ttf, or of a .ttc with face ``face_index``, as read from a database or an upload.
        The library copies them now and never reads or writes the disk for this font;
        ``name`` is what messages and :meth:`file` call it (None: "<memory>")."""
        data = _bytes(data)
        self._h.change(C.zb_fontset_set_role_memory, _role(role), data, len(data), _index(face_index),
                       _name(name))

    def add_fallback_memory(self, data, face_index=0, name=None):
        """Appends a font held in memory to the fallback chain, copied as by :meth:`set_memory`."""
        data = _bytes(data)
        self._h.change(C.zb_fontset_add_fallback_memory, data, len(data), _index(face_index), _name(name))

    def add_fallback(self, path, face_index=0):
        """Appends a font searched for characters a role's font lacks."""
        self._h.change(C.zb_fontset_add_fallback, _convert.path(path), _index(face_index))

    def load_defaults(self):
        """Fills every role not set yet."""
        self._h.change(C.zb_fontset_load_defaults)

    def file(self, role):
        """Path of the font file serving ``role``; "" when unset."""
        return self._h.call(C.zb_fontset_file, _role(role))

    def face_index(self, role):
        """Face index of the font serving ``role``; -1 when unset."""
        return self._h.call(C.zb_fontset_face_index, _role(role))

    def describe(self, role):
        """One line saying what serves ``role``, e.g. ``body (仿宋): AR PL UMing CN, … — a
        free stand-in for 仿宋_GB2312``; "" when unset."""
        return self._h.call(C.zb_fontset_describe, _role(role))

    @property
    def fallbacks(self):
        """Paths of the fallback chain, in order."""
        ptr = self._h.read()
        try:
            return [C.zb_fontset_fallback_file(ptr, i) for i in range(C.zb_fontset_fallback_count(ptr))]
        finally:
            self._h.done_reading()

    @property
    def closed(self):
        return self._h.closed

    def close(self):
        """Frees the fonts; later calls raise zhibiao.Error. Calling it again does nothing."""
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
            return "<zhibiao.Fonts closed>"
        files = {r: self.file(r) for r in _ROLES}
        return "<zhibiao.Fonts " + " ".join(f"{r}={f or '-'}" for r, f in files.items()) + ">"
