"""Whole-process benchmarks, run by scripts/bench: hyperfine side by side, one command per
line, medians and ratios.

  table 10k / 100k   `zhibiao table` on a CSV from gen_plan vs floor_table (the same
                     workbook with libxlsxwriter alone, in its default mode and in
                     constant_memory mode), the Python XlsxWriter peer and, with --base,
                     the previous zhibiao
  memory 100k        peak resident memory of the same runs
  notice 10 / 50 p   `zhibiao notice` vs the previous zhibiao (--base) and the ReportLab peer
                     drawing the same content

Usage: python3 whole.py BUILD_DIR RUNS [--base ZHIBIAO] [--readme]
Peers run only when their Python modules are installed; the previous zhibiao only with
--base. Inputs and outputs live in a temporary folder.
"""
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
PYTHON = "/usr/bin/python3"


def has_module(name):
    return subprocess.run([PYTHON, "-c", "import " + name], capture_output=True).returncode == 0


def run(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)


def hyperfine(cases, runs, tmp, tag, rounds=3):
    """cases: [(name, argv)]; returns {name: median seconds}. hyperfine runs one command's
    runs in a block, so the load of a shared machine can favour one of them: the runs are
    split into rounds, each starting with the next command, and their times pooled."""
    times = {name: [] for name, _ in cases}
    cpu = {name: [] for name, _ in cases}
    per_round = max(2, -(-runs // rounds))
    for k in range(rounds):
        order = cases[k % len(cases):] + cases[:k % len(cases)]
        out = os.path.join(tmp, "%s-%d.json" % (tag, k))
        cmd = ["hyperfine", "-N", "--style", "none", "--warmup", "2", "--runs", str(per_round),
               "--export-json", out]
        for name, argv in order:
            cmd += ["-n", name, shlex.join(argv)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        with open(out) as f:
            for r in json.load(f)["results"]:
                times[r["command"]] += r["times"]
                cpu[r["command"]].append(r["user"] + r["system"])
    CPU.update({name: statistics.mean(c) for name, c in cpu.items()})
    return {name: statistics.median(t) for name, t in times.items()}


# Mean CPU time (user + system) of the last hyperfine cases, by name: steadier than the wall
# time when other programs share the machine.
CPU = {}


def peak_kb(argv, times=3):
    """Median of the peak resident set size (KiB) of `times` runs."""
    peaks = []
    for _ in range(times):
        p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        if status != 0:
            raise RuntimeError("failed: " + " ".join(argv))
        peaks.append(usage.ru_maxrss)
    return statistics.median(peaks)


def pages(pdf):
    """Page count of a PDF (qpdf), or None."""
    r = subprocess.run(["qpdf", "--show-npages", pdf], capture_output=True, text=True)
    return int(r.stdout) if r.returncode == 0 and r.stdout.strip().isdigit() else None


def show(title, medians, order):
    print("== " + title)
    for name in order:
        if name in medians:
            print("  %-34s median %9.1f ms   CPU %9.1f ms" % (name, medians[name] * 1e3, CPU.get(name, 0) * 1e3))


def main():
    args = sys.argv[1:]
    readme = "--readme" in args
    base = None
    if "--base" in args:
        base = args[args.index("--base") + 1]
        if not os.access(base, os.X_OK):
            base = None
    build, runs = args[0], max(int(args[1]), 5)
    zb = os.path.join(build, "bin", "zhibiao")
    tools = os.path.join(build, "bench", "tools")
    floor, gen, dump = (os.path.join(tools, t) for t in ("floor_table", "gen_plan", "dump_notice"))
    xlsxwriter = has_module("xlsxwriter")
    reportlab = has_module("reportlab")
    goals = []  # (figure, value, goal text, met)
    readme_rows = []

    tmp = tempfile.mkdtemp(prefix="zb-whole-")
    try:
        inputs = {}
        for n, tag in ((10000, "10k"), (100000, "100k")):
            inputs[tag] = os.path.join(tmp, "t%s.csv" % tag)
            run([gen, "table", str(n), inputs[tag]])
        tonglu = os.path.join(SOURCE, "examples", "data", "tonglu-2024.json")
        for n, tag in ((60, "10p"), (760, "50p")):
            inputs[tag] = os.path.join(tmp, "n%s.json" % tag)
            run([gen, "notice", str(n), tonglu, inputs[tag]])
            if reportlab:
                run([dump, inputs[tag], inputs[tag] + ".tsv"])

        # ---- target tables ----
        for tag, reps in (("10k", runs), ("100k", max(runs // 2, 3))):
            src = inputs[tag]
            out = lambda name: os.path.join(tmp, "%s-%s.xlsx" % (name, tag))
            cases = [("zhibiao", [zb, "table", src, "-o", out("zb"), "--label", "附件2"]),
                     ("floor", [floor, src, out("floor")]),
                     ("floor constant_memory", [floor, src, out("floorcm"), "--constant-memory"])]
            if base:
                cases.append(("previous zhibiao", [base, "table", src, "-o", out("base"), "--label", "附件2"]))
            if xlsxwriter:
                cases.append(("Python XlsxWriter", [PYTHON, os.path.join(HERE, "peer_table.py"), src, out("py")]))
            m = hyperfine(cases, reps, tmp, "table" + tag)
            show("target table, %s rows (hyperfine, %d runs in 3 rounds)" % (tag, reps), m, [c[0] for c in cases])
            r = m["zhibiao"] / m["floor"]
            goals.append(("table %s: zhibiao / floor (CPU %.2f)" % (tag, CPU["zhibiao"] / CPU["floor"]), r,
                          "<= 1.0", r <= 1.0))
            print("  zhibiao / floor %.2f, / floor constant_memory %.2f" %
                  (r, m["zhibiao"] / m["floor constant_memory"]))
            if base:
                print("  previous / zhibiao %.2f" % (m["previous zhibiao"] / m["zhibiao"]))
            if xlsxwriter:
                print("  Python XlsxWriter / floor %.2f, / zhibiao %.2f" %
                      (m["Python XlsxWriter"] / m["floor"], m["Python XlsxWriter"] / m["zhibiao"]))
            readme_rows.append(("target table, %s rows" % tag, m.get("zhibiao"), m.get("floor"),
                                m.get("Python XlsxWriter"), None))
            if tag == "100k":
                kz = peak_kb(cases[0][1])
                kf = peak_kb(cases[1][1])
                kc = peak_kb(cases[2][1])
                print("  peak memory: zhibiao %.1f MB, floor %.1f MB, floor constant_memory %.1f MB" %
                      (kz / 1024, kf / 1024, kc / 1024))
                goals.append(("table 100k: peak memory zhibiao / floor constant_memory", kz / kc,
                              "<= 1.5", kz / kc <= 1.5))

        # ---- notices ----
        for tag in ("10p", "50p"):
            src = inputs[tag]
            out = lambda name: os.path.join(tmp, "%s-%s.pdf" % (name, tag))
            cases = [("zhibiao", [zb, "notice", src, "-o", out("zb")])]
            if base:
                cases.append(("previous zhibiao", [base, "notice", src, "-o", out("base")]))
            if reportlab:
                cases.append(("ReportLab", [PYTHON, os.path.join(HERE, "peer_notice.py"), src + ".tsv", out("rl")]))
            m = hyperfine(cases, runs, tmp, "notice" + tag)
            label = "10" if tag == "10p" else "50"
            show("notice, %s pages (hyperfine, %d runs in 3 rounds)" % (label, runs), m, [c[0] for c in cases])
            size = os.path.getsize(out("zb"))
            line = "  bytes: zhibiao %d (%s pages)" % (size, pages(out("zb")))
            if base:
                bsize = os.path.getsize(out("base"))
                speed = m["previous zhibiao"] / m["zhibiao"]
                # The per-font work leaves the bytes as they were (bench_notice's goal line);
                # the layout of the pages has changed since with other work.
                line += ", previous %d (%s pages)" % (bsize, pages(out("base")))
                goal = 1.3 if tag == "10p" else 1.2
                goals.append(("notice %s pages: previous / zhibiao (CPU %.2f)" %
                              (label, CPU["previous zhibiao"] / CPU["zhibiao"]), speed, ">= %.1f" % goal,
                              speed >= goal))
            if reportlab:
                line += ", ReportLab %d; ReportLab / zhibiao %.2f" % (os.path.getsize(out("rl")),
                                                                     m["ReportLab"] / m["zhibiao"])
            print(line)
            readme_rows.append(("notice, %s pages" % label, m.get("zhibiao"), None, None, m.get("ReportLab")))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    for figure, value, goal, met in goals:
        print("goal: %s  %.2f  (%s)  %s" % (figure, value, goal, "met" if met else "NOT MET"))
    if readme:
        print("== README table (python3 tests/bench/whole.py %s %d%s --readme)" %
              (build, runs, " --base ZHIBIAO" if base else ""))
        print("| | zhibiao | plain C floor | Python XlsxWriter | ReportLab |")
        print("|---|---:|---:|---:|---:|")
        ms = lambda v: "%.0f ms" % (v * 1e3) if v else "—"
        for row in readme_rows:
            print("| %s | %s | %s | %s | %s |" % (row[0], ms(row[1]), ms(row[2]), ms(row[3]), ms(row[4])))


if __name__ == "__main__":
    main()
