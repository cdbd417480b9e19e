"""Threads: ctypes releases the GIL and the library has no global state, so four threads
writing documents from one plan and one fontset at once get the same bytes as one thread;
closing a plan or changing it while others write waits for them and never crashes."""
import ctypes
import threading
import unittest

import zhibiao
from zhibiao import _lib

try:
    from . import support
except ImportError:
    import support

THREADS = 4


def in_threads(work, n=THREADS):
    """Runs work(i) in n threads started together; their results (or exceptions) in order."""
    barrier = threading.Barrier(n)
    results = [None] * n

    def run(i):
        barrier.wait()
        try:
            results[i] = work(i)
        except BaseException as e:  # handed back to the test
            results[i] = e

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


class TestThreads(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.plan = support.tonglu()
        cls.fonts = zhibiao.Fonts.defaults()

    @classmethod
    def tearDownClass(cls):
        cls.plan.close()
        cls.fonts.close()

    def test_calls_release_the_gil(self):
        self.assertIsInstance(_lib._cdll, ctypes.CDLL)
        self.assertNotIsInstance(_lib._cdll, ctypes.PyDLL)

    def test_target_table_in_four_threads(self):
        alone = self.plan.write_target_table_bytes(label="附件2")
        results = in_threads(lambda i: self.plan.write_target_table_bytes(label="附件2"))
        for r in results:
            self.assertIsInstance(r, bytes, r)
            self.assertEqual(r, alone)

    def test_notice_in_four_threads_with_one_fontset(self):
        alone = self.plan.write_notice_bytes(fonts=self.fonts)
        results = in_threads(lambda i: self.plan.write_notice_bytes(fonts=self.fonts))
        for r in results:
            self.assertIsInstance(r, bytes, r)
            self.assertEqual(r, alone)

    def test_mixed_documents(self):
        writers = [lambda: self.plan.write_target_table_bytes(), lambda: self.plan.write_breakdown_bytes(),
                   lambda: self.plan.write_notice_bytes(fonts=self.fonts), lambda: self.plan.to_json().encode()]
        alone = [w() for w in writers]
        results = in_threads(lambda i: writers[i]())
        self.assertEqual(results, alone)

    @support.requires("zb_xlsx_progress_to_buffer", "zb_pdf_bulletin_to_buffer", "zb_xlsx_assessment_to_buffer")
    def test_progress_documents(self):
        writers = [lambda: self.plan.write_progress_bytes("2024-06"),
                   lambda: self.plan.write_bulletin_bytes("2024-06", fonts=self.fonts),
                   lambda: self.plan.write_assessment_bytes("2024-12"),
                   lambda: repr(self.plan.evaluate("2024-06")).encode()]
        alone = [w() for w in writers]
        self.assertEqual(in_threads(lambda i: writers[i]()), alone)


class TestRaces(unittest.TestCase):
    def test_close_while_writing(self):
        plan = zhibiao.Plan.load(support.data("tonglu-2024.json"))
        started = threading.Event()

        def work(i):
            if i == 0:
                started.wait(30)
                plan.close()
                return "closed"
            written = 0
            while True:
                try:
                    plan.write_target_table_bytes()
                except zhibiao.Error as e:
                    return (written, str(e))
                written += 1
                started.set()

        results = in_threads(work)
        self.assertEqual(results[0], "closed")
        for written, message in results[1:]:
            self.assertEqual(message, "the plan is closed")

    def test_change_while_writing(self):
        with zhibiao.Plan.load(support.data("tonglu-2024.json")) as plan:
            def work(i):
                if i == 0:
                    for k in range(30):
                        plan.add_indicator(name=f"新增指标{k}(个)", target=k + 1, category="新类别")
                    return None
                return [len(plan.write_target_table_bytes()) for _ in range(5)]

            results = in_threads(work)
            self.assertIsNone(results[0])
            for r in results[1:]:
                self.assertIsInstance(r, list, r)
            self.assertEqual(len(plan.indicators), 71)


if __name__ == "__main__":
    unittest.main()
