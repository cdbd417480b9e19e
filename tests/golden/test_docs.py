"""The documents say what the program does: the error examples of README.md and
docs/python.md run as written and print what their comments show, and the two agree."""
import os
import re
import subprocess
import sys
import unittest

SRC = os.environ.get("ZB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("ZB_BINARY_DIR", os.path.join(SRC, "build"))


def error_example(path):
    """The `try:` block of the first Python example in path that has one, and the output its
    last comment promises."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for block in re.findall(r"```python\n(.*?)```", text, re.S):
        lines = block.splitlines()
        starts = [i for i, l in enumerate(lines) if l.startswith("try:")]
        if not starts:
            continue
        body = lines[starts[0]:]
        shown = re.search(r"#\s*(.+)$", body[-1]).group(1).strip()
        return "\n".join(body), shown
    raise AssertionError(f"{path}: no error example")


def run(code):
    env = dict(os.environ, PYTHONPATH=os.path.join(SRC, "bindings", "python"))
    lib = os.path.join(BIN, "lib", "libzhibiao.so")
    if os.path.exists(lib):
        env["ZHIBIAO_LIBRARY"] = lib
    out = subprocess.run([sys.executable, "-c", "import zhibiao\n" + code], capture_output=True, text=True,
                         env=env, timeout=60)
    if out.returncode != 0:
        raise AssertionError(out.stderr)
    return out.stdout.strip()


def sanitized():
    """A sanitizer build's library cannot be loaded into the plain interpreter."""
    try:
        with open(os.path.join(BIN, "CMakeCache.txt"), encoding="utf-8") as f:
            return any(line.startswith(("ZB_SANITIZE:BOOL=ON", "ZB_FUZZ:BOOL=ON", "ZB_TSAN:BOOL=ON")) for line in f)
    except OSError:
        return False


@unittest.skipIf(sanitized(), "the library is built with a sanitizer")
class TestDocs(unittest.TestCase):
    def test_error_examples_print_what_they_show(self):
        for name in ("README.md", os.path.join("docs", "python.md")):
            with self.subTest(doc=name):
                code, shown = error_example(os.path.join(SRC, name))
                self.assertEqual(run(code), shown)

    def test_readme_and_python_md_agree(self):
        a = error_example(os.path.join(SRC, "README.md"))
        b = error_example(os.path.join(SRC, "docs", "python.md"))
        self.assertEqual(a, b)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]])
