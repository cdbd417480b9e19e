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
for c in demo table check; do
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
expect 0 "demo" -- "$cli" demo -o "$tmp/d1"
[ -s "$tmp/d1/tonglu-2024-targets.xlsx" ] && ok || bad "demo wrote no table"
expect 0 "demo again" -- "$cli" demo -o "$tmp/d2"
cmp -s "$tmp/d1/tonglu-2024-targets.xlsx" "$tmp/d2/tonglu-2024-targets.xlsx" && ok || bad "demo output differs between runs"
SOURCE_DATE_EPOCH=86400 "$cli" demo -o "$tmp/d3" >/dev/null 2>&1
cmp -s "$tmp/d1/tonglu-2024-targets.xlsx" "$tmp/d3/tonglu-2024-targets.xlsx" && ok || bad "the plan's date must win over SOURCE_DATE_EPOCH"

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
