#!/usr/bin/env bash
# The program as a user meets it: help, version, exit codes, the demo, determinism.
set -u
cli=$1
src=${ZB_SOURCE_DIR:?ZB_SOURCE_DIR is not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
# expect CODE DESCRIPTION -- command...
expect() {
  local want=$1 what=$2; shift 3
  "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  local rc=$?
  if [ $rc -eq "$want" ]; then ok; else bad "$what: exit $rc, want $want"; sed 's/^/    /' "$tmp/stderr"; fi
}
has() { if grep -qF -- "$2" "$tmp/$1"; then ok; else bad "$1 lacks '$2'"; sed 's/^/    /' "$tmp/$1"; fi; }

expect 0 "--version" -- "$cli" --version
has stdout "zhibiao 0."
expect 0 "--help" -- "$cli" --help
has stdout "table PLAN -o OUT.xlsx"
for c in demo table check notice import breakdown progress bulletin assess; do
  expect 0 "$c --help" -- "$cli" $c --help
  has stdout "usage: zhibiao $c"
done
expect 2 "no command" -- "$cli"
expect 2 "unknown command" -- "$cli" frobnicate
has stderr "unknown command 'frobnicate'"
expect 2 "table without -o" -- "$cli" table "$src/examples/data/tonglu-2024.json"
has stderr "needs -o"
expect 2 "unknown option" -- "$cli" table --bogus x.json
expect 1 "missing input" -- "$cli" check "$tmp/nope.json"
has stderr "nope.json: cannot open"

# The demo, twice: the same bytes.
demo_files="tonglu-2024-targets.xlsx tonglu-2024-breakdown.xlsx wuyi-2022-notice.pdf tonglu-2024-notice.pdf
  tonglu-2024-progress.xlsx tonglu-2024-bulletin.pdf tonglu-2024-assessment.xlsx wuyi-2022-notice.ofd
  tonglu-2024-notice.ofd tonglu-2024-bulletin.ofd"
expect 0 "demo" -- "$cli" demo -o "$tmp/d1"
has stderr "a free stand-in for 仿宋_GB2312"
for f in $demo_files; do [ -s "$tmp/d1/$f" ] && ok || bad "demo wrote no $f"; done
expect 0 "demo again" -- "$cli" demo -o "$tmp/d2"
for f in $demo_files; do cmp -s "$tmp/d1/$f" "$tmp/d2/$f" && ok || bad "$f differs between runs"; done
SOURCE_DATE_EPOCH=86400 "$cli" demo -o "$tmp/d3" >/dev/null 2>&1
for f in $demo_files; do cmp -s "$tmp/d1/$f" "$tmp/d3/$f" && ok || bad "$f: the plan's date must win over SOURCE_DATE_EPOCH"; done

# Notices: options, fonts, errors.
expect 0 "notice" -- "$cli" notice "$src/examples/data/wuyi-2022.json" -o "$tmp/n.pdf" --sealed --no-attachments
has stderr "wrote $tmp/n.pdf"
expect 2 "notice without -o" -- "$cli" notice "$src/examples/data/wuyi-2022.json"
printf '{"body": "%s/nope.ttf"}' "$tmp" >"$tmp/fonts.json"
expect 1 "notice with a missing font" -- "$cli" notice "$src/examples/data/wuyi-2022.json" -o "$tmp/m.pdf" --fonts "$tmp/fonts.json"
has stderr "nope.ttf"
[ ! -e "$tmp/m.pdf" ] && ok || bad "a notice was written despite the bad font"
printf 'not a png' >"$tmp/seal.png"
expect 1 "notice with a bad seal" -- "$cli" notice "$src/examples/data/wuyi-2022.json" -o "$tmp/s.pdf" --seal "$tmp/seal.png"
[ ! -e "$tmp/s.pdf" ] && ok || bad "a notice was written despite the bad seal"

# The progress cycle.
plan=$src/examples/data/tonglu-2024.json actuals=$src/examples/data/tonglu-2024-actuals.csv
expect 0 "progress" -- "$cli" progress "$plan" "$actuals" --period 2024-06 -o "$tmp/p.xlsx"
expect 0 "bulletin" -- "$cli" bulletin "$plan" "$actuals" --period 2024-06 -o "$tmp/q.pdf" --doc-number "桐经信〔2024〕15号"
expect 0 "assess" -- "$cli" assess "$plan" "$actuals" --period 2024-12 -o "$tmp/a.xlsx" --scoring all-or-nothing
expect 2 "progress without --period" -- "$cli" progress "$plan" "$actuals" -o "$tmp/x.xlsx"
has stderr "needs --period"
expect 2 "assess with a bad rule" -- "$cli" assess "$plan" "$actuals" --period 2024-12 -o "$tmp/x.xlsx" --scoring best
has stderr "expected proportional or all-or-nothing"
expect 2 "progress with a bad tolerance" -- "$cli" progress "$plan" "$actuals" --period 2024-06 -o "$tmp/x.xlsx" --tolerance abc
has stderr "--tolerance: not a number: 'abc'"
expect 1 "progress at a month outside the plan" -- "$cli" progress "$plan" "$actuals" --period 2031-06 -o "$tmp/x.xlsx"
[ ! -e "$tmp/x.xlsx" ] && ok || bad "a workbook was written for a bad period"

# The breakdown.
expect 0 "breakdown" -- "$cli" breakdown "$src/examples/data/tonglu-2024.json" -o "$tmp/b.xlsx"
[ -s "$tmp/b.xlsx" ] && ok || bad "no breakdown workbook"

# Import: a published text in, a plan that checks out.
printf '某县2025年工作要点\n\n一、主要目标\n\n2025年，力争新增“小升规”企业30家以上。\n\n二、重点任务\n\n1.培育企业。新增企业30家。(责任单位:县经信局、县发改局)\n' >"$tmp/p.txt"
expect 0 "import" -- "$cli" import "$tmp/p.txt" -o "$tmp/p.json"
expect 0 "check the import" -- "$cli" check "$tmp/p.json"
printf '\xc4\xb3\xcf\xd8\n' >"$tmp/gbk.txt"
expect 1 "import GBK" -- "$cli" import "$tmp/gbk.txt" -o "$tmp/g.json"
has stderr "GBK"
[ ! -e "$tmp/g.json" ] && ok || bad "an import was written from a GBK file"

# The example data checks without errors (warnings are expected: the seed's own unit list
# misspells a unit).
for p in tonglu-2024 wuyi-2022; do
  expect 0 "check $p" -- "$cli" check "$src/examples/data/$p.json"
  has stderr "0 errors"
  expect 0 "table $p" -- "$cli" table "$src/examples/data/$p.json" -o "$tmp/$p.xlsx"
done
# The tonglu check points at the misspelt unit with the nearest name.
"$cli" check "$src/examples/data/tonglu-2024.json" 2>"$tmp/stderr"
has stderr "县规划和自然资源局 is not in the unit list; did you mean 县规和自然划资源局?"

# A CSV table in, a workbook out.
printf '序号,类别,指标名称,2025年目标值,责任单位\n1,甲类,新增企业(家),10,县经信局\n2,,增速(%%),6.5,县发改局、开发区\n' >"$tmp/t.csv"
expect 0 "table from csv" -- "$cli" table "$tmp/t.csv" -o "$tmp/t.xlsx"
[ -s "$tmp/t.xlsx" ] && ok || bad "no workbook from csv"

# Cannot write: exit 3, and an existing destination is left as it was.
expect 3 "unwritable folder" -- "$cli" table "$src/examples/data/tonglu-2024.json" -o "$tmp/no/such/dir/x.xlsx"
echo keep >"$tmp/keep.xlsx"
chmod 0555 "$tmp" 2>/dev/null
if [ "$(id -u)" != 0 ]; then
  expect 3 "read-only folder" -- "$cli" table "$src/examples/data/tonglu-2024.json" -o "$tmp/keep.xlsx"
  [ "$(cat "$tmp/keep.xlsx")" = keep ] && ok || bad "destination changed after a failed write"
fi
chmod 0755 "$tmp"
expect 3 "destination is a folder" -- "$cli" table "$src/examples/data/tonglu-2024.json" -o "$tmp/d1"
[ "$(cat "$tmp/keep.xlsx")" = keep ] && ok || bad "destination changed"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
