"""The build backend of the zhibiao Python package (PEP 517 and PEP 660), in the standard
library alone, so that ``pip install bindings/python`` works in a plain virtual environment
with no index and no setuptools or wheel installed: the package is pure Python, and a wheel
is a zip file with three small text files beside it.

The wheel is the same bytes for the same sources (entries sorted, dates from
SOURCE_DATE_EPOCH or 1980-01-01)."""
import base64
import hashlib
import io
import os
import re
import tarfile
import time
import zipfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # bindings/python
PACKAGE = "zhibiao"
SUMMARY = ("Indicator systems (指标体系) and the official documents they live in: Python binding of "
           "libzhibiao")
CLASSIFIERS = (
    "Programming Language :: Python :: 3",
    "Programming Language :: C",
    "Natural Language :: Chinese (Simplified)",
    "Operating System :: POSIX :: Linux",
)


def _version():
    with open(os.path.join(HERE, PACKAGE, "_version.py"), encoding="utf-8") as f:
        m = re.search(r'^__version__\s*=\s*"([^"]+)"', f.read(), re.M)
    if not m:
        raise RuntimeError(f"{PACKAGE}/_version.py has no __version__")
    return m.group(1)


def _dist_info():
    return f"{PACKAGE}-{_version()}.dist-info"


def _metadata():
    with open(os.path.join(HERE, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    lines = ["Metadata-Version: 2.1", f"Name: {PACKAGE}", f"Version: {_version()}", f"Summary: {SUMMARY}",
             "License: See the zhibiao repository", "Requires-Python: >=3.8"]
    lines += [f"Classifier: {c}" for c in CLASSIFIERS]
    lines += ["Provides-Extra: pandas", 'Requires-Dist: pandas; extra == "pandas"',
              "Description-Content-Type: text/markdown", "", readme]
    return "\n".join(lines).encode("utf-8")


def _wheel_file():
    return ("Wheel-Version: 1.0\nGenerator: zhibiao_build\nRoot-Is-Purelib: true\n"
            "Tag: py3-none-any\n").encode("ascii")


def _date_time():
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        t = time.gmtime(max(int(epoch), 315532800))  # zip dates start in 1980
        return t[:6]
    return (1980, 1, 1, 0, 0, 0)


def _package_files():
    """(name in the archive, path) of the package's Python files, sorted."""
    out = []
    root = os.path.join(HERE, PACKAGE)
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                out.append((os.path.relpath(path, HERE).replace(os.sep, "/"), path))
    return sorted(out)


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{name},sha256={digest},{len(data)}"


def _write_wheel(directory, entries):
    """A wheel from (name, bytes) entries, with its dist-info; returns the file name."""
    info = _dist_info()
    entries = list(entries) + [(f"{info}/METADATA", _metadata()), (f"{info}/WHEEL", _wheel_file()),
                               (f"{info}/top_level.txt", f"{PACKAGE}\n".encode())]
    record = [_record_line(n, d) for n, d in entries] + [f"{info}/RECORD,,"]
    entries.append((f"{info}/RECORD", ("\n".join(record) + "\n").encode()))
    name = f"{PACKAGE}-{_version()}-py3-none-any.whl"
    when = _date_time()
    with zipfile.ZipFile(os.path.join(directory, name), "w", zipfile.ZIP_DEFLATED) as z:
        for entry, data in entries:
            zi = zipfile.ZipInfo(entry, when)
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return name


def _read(path):
    with open(path, "rb") as f:
        return f.read()


# ---- PEP 517 -------------------------------------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    info = os.path.join(metadata_directory, _dist_info())
    os.makedirs(info, exist_ok=True)
    for name, data in (("METADATA", _metadata()), ("WHEEL", _wheel_file())):
        with open(os.path.join(info, name), "wb") as f:
            f.write(data)
    return _dist_info()


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, [(name, _read(path)) for name, path in _package_files()])


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """PEP 660: a wheel whose .pth file puts this source folder on sys.path."""
    return _write_wheel(wheel_directory, [(f"_{PACKAGE}_editable.pth", (HERE + "\n").encode())])


def build_sdist(sdist_directory, config_settings=None):
    base = f"{PACKAGE}-{_version()}"
    files = [("pyproject.toml", os.path.join(HERE, "pyproject.toml")),
             ("README.md", os.path.join(HERE, "README.md")),
             ("build_backend/zhibiao_build.py", os.path.abspath(__file__))] + _package_files()
    pkg_info = _metadata()
    name = f"{base}.tar.gz"
    mtime = int(time.mktime(_date_time() + (0, 0, -1))) if os.environ.get("SOURCE_DATE_EPOCH") else 315532800
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz", format=tarfile.PAX_FORMAT) as t:
        for entry, data in sorted([(e, _read(p)) for e, p in files] + [("PKG-INFO", pkg_info)]):
            ti = tarfile.TarInfo(f"{base}/{entry}")
            ti.size = len(data)
            ti.mtime = mtime
            ti.mode = 0o644
            t.addfile(ti, io.BytesIO(data))
    return name
