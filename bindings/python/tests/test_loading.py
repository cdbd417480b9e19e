"""Finding the library: ZHIBIAO_LIBRARY, then next to the package, then a build tree above
it, then the system; an error that lists where it looked; the version check. Each case
imports the package in a fresh interpreter."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import zhibiao

try:
    from . import support
except ImportError:
    import support

PACKAGE = os.path.dirname(os.path.abspath(zhibiao.__file__))
PRINT_PATH = "import zhibiao; print(zhibiao.library_path)"


def run(code, env_update, pythonpath, cwd=None):
    env = dict(os.environ)
    env.pop("ZHIBIAO_LIBRARY", None)
    env.update(env_update)
    env["PYTHONPATH"] = pythonpath
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd or tempfile.gettempdir(),
                          capture_output=True, text=True, timeout=60)


class TestLoading(support.TempDirTestCase):
    def copy_package(self, where):
        """A copy of the package (without a library) at where/zhibiao."""
        dest = os.path.join(where, "zhibiao")
        shutil.copytree(PACKAGE, dest, ignore=shutil.ignore_patterns("__pycache__", "*.so*"))
        return dest

    def test_library_is_loaded(self):
        self.assertTrue(os.path.exists(zhibiao.library_path))
        self.assertEqual(zhibiao.__version__, zhibiao._lib.library_version)

    def test_environment_variable_first(self):
        r = run(PRINT_PATH, {"ZHIBIAO_LIBRARY": zhibiao.library_path}, os.path.dirname(PACKAGE))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), zhibiao.library_path)

    def test_environment_variable_that_does_not_load(self):
        missing = self.path("no-such-libzhibiao.so")
        r = run(PRINT_PATH, {"ZHIBIAO_LIBRARY": missing}, os.path.dirname(PACKAGE))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("LibraryError", r.stderr)
        self.assertIn(f"ZHIBIAO_LIBRARY={missing} cannot be loaded", r.stderr)

    def test_next_to_the_package(self):
        dest = self.copy_package(self.path("site"))
        os.symlink(os.path.realpath(zhibiao.library_path), os.path.join(dest, "libzhibiao.so"))
        r = run(PRINT_PATH, {}, self.path("site"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), os.path.join(dest, "libzhibiao.so"))

    def test_build_tree_above_the_package(self):
        # The repository's layout: bindings/python/zhibiao and build/lib/libzhibiao.so.
        self.copy_package(self.path("repo/bindings/python"))
        lib = self.path("repo/build/lib")
        os.makedirs(lib)
        os.symlink(os.path.realpath(zhibiao.library_path), os.path.join(lib, "libzhibiao.so"))
        r = run(PRINT_PATH, {}, self.path("repo/bindings/python"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), os.path.join(lib, "libzhibiao.so"))

    def test_installation_prefix(self):
        # pip put the package in <prefix>/lib/pythonX.Y/site-packages; cmake --install
        # --prefix <prefix> put the library in <prefix>/lib (or lib/<multiarch>, lib64).
        import sysconfig
        multiarch = sysconfig.get_config_var("MULTIARCH")
        for libdir in ["lib", "lib64"] + ([f"lib/{multiarch}"] if multiarch else []):
            with self.subTest(libdir=libdir):
                prefix = self.path(f"prefix-{libdir.replace('/', '-')}")
                site = os.path.join(prefix, "lib", "python3.11", "site-packages")
                self.copy_package(site)
                os.makedirs(os.path.join(prefix, libdir), exist_ok=True)
                lib = os.path.join(prefix, libdir, "libzhibiao.so.0")
                os.symlink(os.path.realpath(zhibiao.library_path), lib)
                r = run(PRINT_PATH, {"LD_LIBRARY_PATH": ""}, site)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stdout.strip(), lib)

    def test_package_prefix(self):
        from zhibiao import _lib
        self.assertEqual(_lib._package_prefix("/opt/v/lib/python3.11/site-packages/zhibiao"), "/opt/v")
        self.assertEqual(_lib._package_prefix("/usr/lib/python3/dist-packages/zhibiao"), "/usr")
        user = os.path.join(tempfile.gettempdir(), "user", ".local")  # a --user install's prefix
        self.assertEqual(_lib._package_prefix(os.path.join(user, "lib64/python3.8/site-packages/zhibiao")), user)
        self.assertIsNone(_lib._package_prefix("/src/zhibiao/bindings/python/zhibiao"))

    def test_error_lists_where_it_looked(self):
        dest = self.copy_package(self.path("lonely"))
        r = run(PRINT_PATH, {"LD_LIBRARY_PATH": ""}, self.path("lonely"))
        if r.returncode == 0:
            self.skipTest(f"a libzhibiao is installed on the system: {r.stdout.strip()}")
        self.assertIn("libzhibiao cannot be found; looked in:", r.stderr)
        self.assertIn("ZHIBIAO_LIBRARY: not set", r.stderr)
        self.assertIn(f"next to the package: {dest}/libzhibiao.so: no such file", r.stderr)
        self.assertIn(f"build tree: {self.path('lonely')}/build/lib/libzhibiao.so: no such file", r.stderr)
        self.assertIn("system (dynamic loader): libzhibiao.so.0", r.stderr)
        self.assertIn(f"Python's prefix {sys.prefix}: {sys.prefix}/lib/libzhibiao.so.0", r.stderr)
        self.assertIn("usual folder: /usr/local/lib/libzhibiao.so.0", r.stderr)
        self.assertIn("cmake --install build", r.stderr)
        # The order searched: the package, build trees, prefixes, the loader, usual folders.
        order = ["next to the package", "build tree", "Python's prefix", "system (dynamic loader)", "usual folder"]
        places = [r.stderr.index(w) for w in order]
        self.assertEqual(places, sorted(places))

    def test_version_is_checked(self):
        dest = self.copy_package(self.path("old"))
        with open(os.path.join(dest, "_version.py"), "w", encoding="utf-8") as f:
            f.write('__version__ = "0.0.1"\n')
        r = run(PRINT_PATH, {"ZHIBIAO_LIBRARY": zhibiao.library_path}, self.path("old"))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(f"is libzhibiao {zhibiao.__version__}; this binding is 0.0.1", r.stderr)

    def test_missing_function_is_named_when_called(self):
        code = ("import zhibiao\n"
                "from zhibiao import _lib\n"
                "f = _lib._missing('zb_example', 'lib.so')\n"
                "try:\n"
                "    f()\n"
                "except zhibiao.LibraryError as e:\n"
                "    print(e)\n")
        r = run(code, {"ZHIBIAO_LIBRARY": zhibiao.library_path}, os.path.dirname(PACKAGE))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("lib.so has no function zb_example", r.stdout)


if __name__ == "__main__":
    unittest.main()
