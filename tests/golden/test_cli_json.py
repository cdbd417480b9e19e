"""The command line's machine contract (docs/cli.md), read by a program in another language
than C: check --json and evaluate --json/--csv are parsed and compared with what the plan
and the actuals say; the writers' JSON summaries and error objects; '-' for standard input
and standard output; -q; exit codes."""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from zbgolden import check, summary  # noqa: E402

cli = sys.argv[1]
src = os.environ["ZB_SOURCE_DIR"]
data = os.path.join(src, "examples", "data")
plan_path = os.path.join(data, "tonglu-2024.json")
actuals_path = os.path.join(data, "tonglu-2024-actuals.csv")
tmp = tempfile.mkdtemp(prefix="zb-cli-json-")


def run(*args, stdin=None):
    p = subprocess.run([cli, *args], input=stdin, capture_output=True)
    return p.returncode, p.stdout, p.stderr


def one_json(text, what):
    try:
        return json.loads(text.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        check(False, f"{what}: not one JSON object ({e}): {text[:300]!r}")
        return {}


# ---- check --json ---------------------------------------------------------------------
rc, out, err = run("check", "--json", plan_path)
doc = one_json(out, "check --json")
check(rc == 0, f"check --json exit {rc}")
check(err == b"", f"check --json printed on stderr: {err[:200]!r}")
check(doc.get("loaded") is True and doc.get("indicators") == 41 and doc.get("categories") == 10,
      f"check --json counts: {doc.get('indicators')}, {doc.get('categories')}")
findings = doc.get("findings", [])
check(doc.get("errors") == 0 and doc.get("warnings") == sum(f["severity"] == "warning" for f in findings)
      and doc.get("notes") == sum(f["severity"] == "note" for f in findings), "check --json counts match findings")
keys = {"severity", "code", "file", "line", "column", "path", "location", "message"}
check(all(keys <= set(f) for f in findings), "every finding has every key")
unknown = [f for f in findings if f["code"] == "unknown-unit"]
check(len(unknown) >= 5, f"unknown-unit findings: {len(unknown)}")
with open(plan_path, encoding="utf-8") as fh:
    lines = fh.read().split("\n")
for f in unknown:
    check(f["file"] == plan_path and isinstance(f["line"], int) and isinstance(f["column"], int),
          f"located: {f}")
    check(f["location"] == f"{f['file']}:{f['line']}:{f['column']}", f"location split: {f}")
    # The place named is the item's object in the file: an opening brace at that column.
    text = lines[f["line"] - 1]
    check(text[f["column"] - 1:f["column"]] == "{", f"{f['location']} points at {text.strip()[:40]!r}")
cat = [f for f in findings if f["location"].startswith("category ")]
check(cat and cat[0]["file"] is None and cat[0]["line"] is None and cat[0]["severity"] == "note",
      f"a location naming an item has no file: {cat[:1]}")

# A broken plan: one finding, split, exit 1; from standard input too.
broken = os.path.join(tmp, "broken.json")
with open(broken, "w", encoding="utf-8") as fh:
    fh.write('{\n  "format": "zhibiao/1",\n  "year": "2024"\n}\n')
rc, out, err = run("check", "--json", broken)
doc = one_json(out, "check --json broken")
check(rc == 1, f"broken: exit {rc}")
check(doc.get("loaded") is False and doc.get("errors") == 1, f"broken: {doc}")
f = (doc.get("findings") or [{}])[0]
check(f.get("code") == "schema" and f.get("file") == broken and f.get("line") == 3 and f.get("column") == 11
      and f.get("path") == "year" and f.get("message") == "expected an integer, got a string", f"broken finding: {f}")
check(f.get("location") == f"{broken}:3:11", f"a load failure's location is the place alone: {f.get('location')!r}")
# A file that cannot be opened: no place in it, no path in a plan; the message names it.
nofile = "no-such-plan.json"  # relative: a name that also looks like a JSON path
for args in (("check", "--json", nofile), ("evaluate", plan_path, "no-such-actuals.csv",
                                          "--period", "2024-06", "--json")):
    rc, out, err = run(*args)
    doc = one_json(out if args[0] == "check" else err, f"{args[0]} missing file")
    f = (doc.get("findings") or [{}])[0] if args[0] == "check" else doc.get("error", {})
    check(rc == 1 and f.get("file") is None and f.get("path") is None and f.get("line") is None
          and "no-such-" in f.get("message", "") and "cannot open" in f.get("message", ""),
          f"{args[0]}: a file that cannot be opened: {f}")
with open(broken, "rb") as fh:
    rc, out, err = run("check", "--json", "-", stdin=fh.read())
f = (one_json(out, "check --json -").get("findings") or [{}])[0]
check(rc == 1 and f.get("file") == "<stdin>" and f.get("line") == 3, f"stdin broken: {rc} {f}")
with open(plan_path, "rb") as fh:
    rc, out, err = run("check", "--json", "-", stdin=fh.read())
doc = one_json(out, "check --json - (tonglu)")
check(rc == 0 and doc.get("file") == "<stdin>" and doc.get("indicators") == 41, f"stdin plan: {rc}")
check(all(f["file"] in (None, "<stdin>") for f in doc.get("findings", [])), "stdin findings name <stdin>")
rc, out, err = run("check", "-q", "--json", plan_path)
doc = one_json(out, "check -q --json")
check(rc == 0 and doc.get("findings") == [] and doc.get("warnings", 0) > 0, "check -q --json lists errors only")

# ---- evaluate --json / --csv ----------------------------------------------------------
rc, out, err = run("evaluate", plan_path, actuals_path, "--period", "2024-06", "--json")
ev = one_json(out, "evaluate --json")
check(rc == 0 and err == b"", f"evaluate --json exit {rc} {err[:200]!r}")
rows = ev.get("rows", [])
check(ev.get("period") == "2024-06" and len(rows) == 41 == ev.get("indicators"), "evaluate --json: 41 rows")
counts = ev.get("counts", {})
check(set(counts) == {"missing", "done", "ahead", "behind", "met", "not-met", "no-target", "exceeded", "warning",
                      "within", "qualitative"}
      and sum(counts.values()) == 41, f"counts: {counts}")
for k in counts:
    check(counts[k] == sum(r["standing"] == k for r in rows), f"count of {k}")
actuals = {}
with open(actuals_path, encoding="utf-8") as fh:
    for r in csv.DictReader(line for line in fh if not line.startswith("#")):
        if r["period"] == "2024-06" and r["actual"].strip():
            actuals[int(r["seq"])] = float(r["actual"].strip().rstrip("%"))
labels = {"missing": "未报送", "done": "已完成", "ahead": "超序时", "behind": "滞后", "met": "达标",
          "not-met": "未达标", "no-target": "无目标值", "exceeded": "超出", "warning": "预警", "within": "受控",
          "qualitative": "定性"}
for r in rows:
    check(labels.get(r["standing"]) == r["status"], f"status of {r['seq']}: {r['standing']} {r['status']}")
    if r["seq"] in actuals:
        check(r["actual"] == actuals[r["seq"]], f"actual of {r['seq']}: {r['actual']} vs {actuals[r['seq']]}")
    else:
        check(r["actual"] is None and r["standing"] == "missing", f"missing {r['seq']}: {r}")
    if r["standing"] in ("ahead", "behind"):
        check(r["expected"] == 0.5, f"expected at June: {r['expected']}")
        check(abs(r["completion"] - r["actual"] / r["target"]) < 1e-12 or r["completion"] > 0,
              f"completion of {r['seq']}")
        check((r["standing"] == "ahead") == (r["completion"] >= r["expected"]), f"ahead/behind of {r['seq']}")

# Numbers in digits, as docs/cli.md shows them (450, not 4.5e+02), in JSON and CSV alike.
check(b'"target": 450,' in out and b"e+" not in out and b"e-" not in out,
      f"evaluate --json numbers in digits: {out[out.find(b'target'):][:60]!r}")
rc, out, err = run("evaluate", plan_path, actuals_path, "--period", "2024-06", "--csv")
table = list(csv.DictReader(io.StringIO(out.decode("utf-8"), newline="")))
check(table and table[0]["target"] == "450" and b"e+" not in out and b"e-" not in out,
      f"evaluate --csv numbers in digits: {table[:1]}")
check(rc == 0 and len(table) == 41, f"evaluate --csv: {rc}, {len(table)} rows")
for r, j in zip(table, rows):
    check(int(r["seq"]) == j["seq"] and r["name"] == j["name"] and r["standing"] == j["standing"]
          and r["explain"] == j["explain"], f"csv row {r['seq']} = json row")
    check((r["actual"] == "" and j["actual"] is None) or float(r["actual"]) == j["actual"], f"csv actual {r['seq']}")
rc, out, err = run("evaluate", plan_path, "--period", "2024-13", "--json")
e = one_json(err, "evaluate bad period").get("error", {})
check(rc == 1 and out == b"" and e.get("code") == "value" and e.get("exit") == 1 and "2024-13" in e.get("text", ""),
      f"evaluate bad period: {rc} {e}")
rc, out, err = run("evaluate", plan_path, "--period", "2024-06", "--json", "--csv")
check(rc == 2 and one_json(err, "json+csv").get("error", {}).get("code") == "usage", f"--json --csv: {rc}")
rc, out, err = run("evaluate", plan_path, actuals_path, "--period", "2024-06")
check(rc == 0 and "超序时" in out.decode("utf-8") and out.decode("utf-8").count("\n") == 42, "evaluate text table")

# ---- writers --------------------------------------------------------------------------
t = os.path.join(tmp, "t.xlsx")
rc, out, err = run("table", plan_path, "-o", t, "--json")
s = one_json(out, "table --json")
check(rc == 0 and err == b"", f"table --json: {rc} {err[:200]!r}")
check(s.get("command") == "table" and s.get("output") == t and s.get("format") == "xlsx"
      and s.get("bytes") == os.path.getsize(t) and s.get("indicators") == 41, f"table summary: {s}")
check(any(f["code"] == "unknown-unit" for f in s.get("findings", [])), "table summary carries the warnings")
n = os.path.join(tmp, "n.pdf")
rc, out, err = run("notice", plan_path, "-o", n, "--json")
s = one_json(out, "notice --json")
check(rc == 0 and err == b"", f"notice --json: {rc} {err[:300]!r}")
check(s.get("format") == "pdf" and s.get("bytes") == os.path.getsize(n) and s.get("pages", 0) > 1, f"notice: {s}")
check([f["role"] for f in s.get("fonts", [])] == ["body", "title", "heading", "kai", "number"]
      and all(f["file"] for f in s["fonts"]), f"notice fonts: {s.get('fonts')}")
rc, out, err = run("notice", plan_path, "-o", n)
check(rc == 0 and err.decode("utf-8").count("font ") == 5, "the font report without -q")
rc, out, err = run("notice", plan_path, "-o", n, "-q")
check(rc == 0 and b"font " not in err and b"wrote" not in err, f"-q silences the font report: {err[:300]!r}")

# -o -: the document on stdout, the summary on stderr; the same bytes as the file.
rc, out, err = run("notice", plan_path, "-o", "-", "--json")
with open(n, "rb") as fh:
    check(rc == 0 and out == fh.read(), "notice -o - gives the file's bytes")
check(one_json(err, "notice -o - summary").get("output") == "-", "notice -o - summary on stderr")
rc, out, err = run("table", "-", "-o", "-", "-q", stdin=open(plan_path, "rb").read())
with open(t, "rb") as fh:
    check(rc == 0 and out == fh.read() and err.count(b"\n") == 7, f"table - -o -: {rc} {err[:300]!r}")
for cmd, ext in (("progress", "xlsx"), ("assess", "xlsx"), ("bulletin", "pdf")):
    o = os.path.join(tmp, f"{cmd}.{ext}")
    period = "2024-12" if cmd == "assess" else "2024-06"
    rc, out, err = run(cmd, plan_path, actuals_path, "--period", period, "-o", o, "--json")
    s = one_json(out, f"{cmd} --json")
    check(rc == 0 and s.get("format") == ext and s.get("period") == period and s.get("bytes") == os.path.getsize(o),
          f"{cmd} summary: {rc} {s}")
o = os.path.join(tmp, "b.xlsx")
rc, out, err = run("breakdown", plan_path, "-o", o, "--json")
check(rc == 0 and one_json(out, "breakdown --json").get("tasks", 0) > 0, "breakdown summary")
o = os.path.join(tmp, "imported.json")
rc, out, err = run("import", os.path.join(data, "published-plan.txt"), "-o", o, "--json")
s = one_json(out, "import --json")
check(rc == 0 and s.get("format") == "json" and s.get("indicators", 0) > 0 and s.get("findings"), f"import: {rc}")
rc, out, err = run("demo", "-o", os.path.join(tmp, "demo"), "--json")
s = one_json(out, "demo --json")
check(rc == 0 and len(s.get("files", [])) >= 7 and all(f["bytes"] > 0 for f in s["files"]), f"demo: {rc} {s}")

# Errors: an object on stderr with the exit code, nothing on stdout, nothing written.
rc, out, err = run("table", broken, "-o", os.path.join(tmp, "x.xlsx"), "--json")
e = one_json(err, "table broken").get("error", {})
check(rc == 1 and out == b"" and e.get("exit") == 1 and e.get("code") == "schema" and e.get("status") == 7
      and e.get("line") == 3 and e.get("path") == "year" and e.get("command") == "table", f"error object: {e}")
check(not os.path.exists(os.path.join(tmp, "x.xlsx")), "nothing written")
rc, out, err = run("table", plan_path, "-o", os.path.join(tmp, "no", "such", "t.xlsx"), "--json")
e = one_json(err, "cannot write").get("error", {})
check(rc == 3 and e.get("exit") == 3 and e.get("code") == "write", f"cannot write: {rc} {e}")
rc, out, err = run("table", plan_path, "--json")
e = one_json(err, "usage").get("error", {})
check(rc == 2 and e.get("code") == "usage" and e.get("exit") == 2, f"usage: {rc} {e}")
bad = os.path.join(tmp, "dup.json")
with open(bad, "w", encoding="utf-8") as fh:
    json.dump({"format": "zhibiao/1", "year": 2024, "indicators": [{"seq": 1, "name": "", "target": "5"}]}, fh)
rc, out, err = run("notice", bad, "-o", os.path.join(tmp, "y.pdf"), "--json")
e = one_json(err, "invalid").get("error", {})
check(rc == 1 and e.get("code") == "invalid" and e.get("findings")
      and all(f["severity"] == "error" for f in e["findings"]), f"invalid: {rc} {e}")

sys.exit(summary())
