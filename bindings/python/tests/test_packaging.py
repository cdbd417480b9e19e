"""The package's own build backend (build_backend/zhibiao_build.py): the wheel holds every
module of the package and the version of zhibiao/_version.py, its RECORD is right, the same
sources give the same bytes, and the sdist can be built again. tests/cli/pip_install.sh
installs it with pip into a plain virtual environment."""
import base64
import hashlib
import importlib.util
import os
import tarfile
import unittest
import zipfile

import zhibiao

try:
    from . import support
except ImportError:
    import support


def backend():
    path = os.path.join(support.source_dir(), "bindings", "python", "build_backend", "zhibiao_build.py")
    spec = importlib.util.spec_from_file_location("zhibiao_build", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestBackend(support.TempDirTestCase):
    def setUp(self):
        super().setUp()
        self.backend = backend()
        self.package = os.path.join(support.source_dir(), "bindings", "python", "zhibiao")

    def test_pyproject_names_the_backend_and_needs_nothing(self):
        with open(os.path.join(support.source_dir(), "bindings", "python", "pyproject.toml"), encoding="utf-8") as f:
            text = f.read()
        self.assertIn("requires = []", text)
        self.assertIn('build-backend = "zhibiao_build"', text)
        self.assertIn('backend-path = ["build_backend"]', text)
        self.assertEqual(self.backend.get_requires_for_build_wheel(), [])
        self.assertEqual(self.backend.get_requires_for_build_sdist(), [])

    def test_wheel(self):
        name = self.backend.build_wheel(self.dir)
        self.assertEqual(name, f"zhibiao-{zhibiao.__version__}-py3-none-any.whl")
        info = f"zhibiao-{zhibiao.__version__}.dist-info"
        with zipfile.ZipFile(self.path(name)) as z:
            names = z.namelist()
            modules = sorted(f"zhibiao/{m}" for m in os.listdir(self.package) if m.endswith(".py"))
            self.assertEqual(sorted(n for n in names if n.startswith("zhibiao/")), modules)
            self.assertIn("zhibiao/_frames.py", names)
            metadata = z.read(f"{info}/METADATA").decode("utf-8")
            self.assertIn(f"\nVersion: {zhibiao.__version__}\n", metadata)
            self.assertIn("\nName: zhibiao\n", metadata)
            self.assertIn('Requires-Dist: pandas; extra == "pandas"', metadata)
            self.assertIn("Root-Is-Purelib: true", z.read(f"{info}/WHEEL").decode())
            record = z.read(f"{info}/RECORD").decode().splitlines()
            self.assertEqual(sorted(line.split(",")[0] for line in record), sorted(names))
            for line in record:
                entry, digest, size = line.split(",")
                if entry.endswith("RECORD"):
                    self.assertEqual((digest, size), ("", ""))
                    continue
                data = z.read(entry)
                want = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                self.assertEqual(digest, "sha256=" + want, entry)
                self.assertEqual(int(size), len(data), entry)
            with open(os.path.join(self.package, "_plan.py"), "rb") as f:
                self.assertEqual(z.read("zhibiao/_plan.py"), f.read())

    def test_same_bytes(self):
        a = self.backend.build_wheel(self.dir)
        with open(self.path(a), "rb") as f:
            first = f.read()
        os.remove(self.path(a))
        self.backend.build_wheel(self.dir)
        with open(self.path(a), "rb") as f:
            self.assertEqual(f.read(), first)

    def test_metadata_and_editable(self):
        info = self.backend.prepare_metadata_for_build_wheel(self.dir)
        self.assertTrue(os.path.exists(os.path.join(self.dir, info, "METADATA")))
        name = self.backend.build_editable(self.dir)
        with zipfile.ZipFile(self.path(name)) as z:
            pth = z.read("_zhibiao_editable.pth").decode().strip()
        self.assertEqual(os.path.realpath(pth), os.path.realpath(os.path.dirname(self.package)))

    def test_sdist_builds_again(self):
        name = self.backend.build_sdist(self.dir)
        base = f"zhibiao-{zhibiao.__version__}"
        with tarfile.open(self.path(name)) as t:
            names = t.getnames()
            self.assertIn(f"{base}/pyproject.toml", names)
            self.assertIn(f"{base}/build_backend/zhibiao_build.py", names)
            self.assertIn(f"{base}/zhibiao/__init__.py", names)
            self.assertIn(f"{base}/PKG-INFO", names)
            t.extractall(self.path("x"))
        spec = importlib.util.spec_from_file_location(
            "zb_again", self.path(f"x/{base}/build_backend/zhibiao_build.py"))
        again = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(again)
        os.mkdir(self.path("w"))
        self.assertEqual(again.build_wheel(self.path("w")), f"{base}-py3-none-any.whl")


if __name__ == "__main__":
    unittest.main()
