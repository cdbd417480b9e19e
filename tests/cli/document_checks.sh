#!/usr/bin/env bash
# What the writing commands check before they write, the same check as `check --for` and the
# Python binding: a notice needs a title and an organ, a bulletin the organ; a plan with
# errors is written only with --force; a month nobody reported and a year-to-date actual
# that falls are warned about by progress, bulletin and assess.
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
lacks() { if grep -qF -- "$2" "$tmp/$1"; then bad "$1 has '$2'"; sed 's/^/    /' "$tmp/$1"; else ok; fi; }
absent() { [ ! -e "$1" ] && ok || bad "$1 was written"; }
present() { [ -s "$1" ] && ok || bad "$1 was not written"; }

# A table kept in Excel: indicators, no title, no organ.
printf '序号,类别,指标名称,2024年目标值,责任单位\n1,甲类,规上工业增加值(亿元),450,县经信局\n2,,新增企业(家),10,县经信局\n' >"$tmp/t.csv"

# The notice refuses it, naming both fields; check --for notice says the same; --force writes.
expect 1 "notice without title and organ" -- "$cli" notice "$tmp/t.csv" -o "$tmp/n.pdf"
has stderr "title: error: a notice needs a title (标题); the plan has none [missing-title]"
has stderr "organ: error: a notice needs an issuing organ"
has stderr "2 errors: nothing written (--force writes it anyway)"
absent "$tmp/n.pdf"
expect 1 "check --for notice" -- "$cli" check --for notice "$tmp/t.csv"
has stderr "[missing-title]"
has stderr "[missing-organ]"
expect 0 "check alone" -- "$cli" check "$tmp/t.csv"
lacks stderr "missing-title"
expect 0 "check --for table" -- "$cli" check --for table "$tmp/t.csv"
expect 2 "check --for an unknown command" -- "$cli" check --for poster "$tmp/t.csv"
has stderr "--for: expected table, breakdown, progress, assess, notice or bulletin, got 'poster'"
expect 0 "notice --force" -- "$cli" notice "$tmp/t.csv" -o "$tmp/n.pdf" --force
has stderr "[missing-title]"
present "$tmp/n.pdf"

# A target table needs indicators: a plan of tasks alone (an import that read no table) is
# refused, not written empty.
printf '{"format": "zhibiao/1", "title": "某县工作要点", "tasks": [{"number": "1", "title": "做事", "duties": [{"responsible": ["县经信局"]}]}]}\n' >"$tmp/tasks.json"
expect 1 "table of a plan without indicators" -- "$cli" table "$tmp/tasks.json" -o "$tmp/empty.xlsx"
has stderr "indicators: error: a target table needs indicators; the plan has none [no-indicators]"
absent "$tmp/empty.xlsx"
expect 0 "breakdown of the same" -- "$cli" breakdown "$tmp/tasks.json" -o "$tmp/tasks.xlsx"

# The tables need no title; the bulletin needs the organ and warns without a title.
expect 0 "table without a title" -- "$cli" table "$tmp/t.csv" -o "$tmp/t.xlsx"
printf 'seq,period,actual\n1,2024-05,256.8\n1,2024-06,234.8\n2,2024-06,4\n' >"$tmp/a.csv"
expect 1 "bulletin without an organ" -- "$cli" bulletin "$tmp/t.csv" "$tmp/a.csv" --period 2024-06 -o "$tmp/b.pdf"
has stderr "organ: error: a bulletin needs an issuing organ"
has stderr "title: warning: the plan has no title"
absent "$tmp/b.pdf"

# A year-to-date total that falls (256.8 in May, 234.8 in June), and a month nobody reported.
plan=$src/examples/data/tonglu-2024.json
expect 0 "progress with a falling total" -- "$cli" progress "$tmp/t.csv" "$tmp/a.csv" --period 2024-06 -o "$tmp/p.xlsx"
has stderr "warning: indicator 1 (规上工业增加值(亿元)): the year-to-date actual for 2024-06, 234.8, is lower than 2024-05's, 256.8"
has stderr "[ytd-decrease]"
present "$tmp/p.xlsx"
expect 0 "progress at a month nobody reported" -- "$cli" progress "$plan" "$src/examples/data/tonglu-2024-actuals.csv" --period 2024-07 -o "$tmp/p7.xlsx"
has stderr "period 2024-07: warning: no indicator has an actual for 2024-07 (the latest reported month is 2024-06)"
expect 0 "assess at a month nobody reported" -- "$cli" assess "$plan" "$src/examples/data/tonglu-2024-actuals.csv" --period 2024-11 -o "$tmp/a11.xlsx"
has stderr "[no-actuals]"
expect 0 "bulletin at a month nobody reported" -- "$cli" bulletin "$plan" --period 2024-06 -o "$tmp/b6.pdf"
has stderr "no indicator has an actual for 2024-06 (the plan has no actuals)"
expect 0 "progress at a reported month" -- "$cli" progress "$plan" "$src/examples/data/tonglu-2024-actuals.csv" --period 2024-06 -o "$tmp/p6.xlsx"
lacks stderr "[no-actuals]"
lacks stderr "[ytd-decrease]"

# A plan with an error: nothing written, unless --force (the error still listed).
printf '序号,指标名称,2024年目标值\n1,新增企业(家),50\n2,,5\n' >"$tmp/e.csv"
expect 1 "table of a plan with an error" -- "$cli" table "$tmp/e.csv" -o "$tmp/e.xlsx"
has stderr "[empty-name]"
absent "$tmp/e.xlsx"
expect 0 "table --force" -- "$cli" table "$tmp/e.csv" -o "$tmp/e.xlsx" --force
has stderr "[empty-name]"
present "$tmp/e.xlsx"
expect 1 "breakdown of a plan with an error" -- "$cli" breakdown "$tmp/e.csv" -o "$tmp/eb.xlsx"
expect 0 "breakdown --force" -- "$cli" breakdown "$tmp/e.csv" -o "$tmp/eb.xlsx" --force

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
