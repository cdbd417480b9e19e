"""What the binding's tests share: where the repository's files are, scratch folders, and
a skip for writers the loaded library does not have."""
import os
import shutil
import tempfile
import unittest

import zhibiao
from zhibiao import _lib


def source_dir():
    """The repository: ZB_SOURCE_DIR (set by CTest), else the folder above this one that
    holds include/zhibiao/common.h."""
    env = os.environ.get("ZB_SOURCE_DIR")
    if env:
        return env
    folder = os.path.dirname(os.path.abspath(__file__))
    while True:
        if os.path.exists(os.path.join(folder, "include", "zhibiao", "common.h")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            raise unittest.SkipTest("the repository (include/zhibiao/common.h) is not found; set ZB_SOURCE_DIR")
        folder = parent


def data(name):
    """A file of examples/data."""
    return os.path.join(source_dir(), "examples", "data", name)


def test_data(*parts):
    """A file of tests/data."""
    return os.path.join(source_dir(), "tests", "data", *parts)


def requires(*functions):
    """Skips a test when the loaded library lacks one of the C functions."""
    lacking = [f for f in functions if not _lib.available(f)]
    return unittest.skipIf(lacking, f"{zhibiao.library_path} lacks {', '.join(lacking)} (not built into it yet)")


class TempDirTestCase(unittest.TestCase):
    """A test with a scratch folder, self.dir, removed afterwards."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="zb-py-")
        self.addCleanup(shutil.rmtree, self.dir, True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def read(self, name):
        with open(self.path(name), "rb") as f:
            return f.read()



def tonglu():
    """A new plan loaded from examples/data/tonglu-2024.json (41 indicators), with the
    actuals of examples/data/tonglu-2024-actuals.csv when the library reads them."""
    plan = zhibiao.Plan.load(data("tonglu-2024.json"))
    if _lib.available("zb_csv_load_actuals"):
        plan.load_actuals(data("tonglu-2024-actuals.csv"))
    return plan
