#!/usr/bin/env bash
# Every file in tests/data/bad-actuals/ must be refused by the progress commands: exit 1, the
# line of its .expect file in the message (with the line number), and no output file.
set -u
cli=$1
src=${ZB_SOURCE_DIR:?ZB_SOURCE_DIR is not set}
data=${ZB_TEST_DATA:?ZB_TEST_DATA is not set}
plan=$src/examples/data/tonglu-2024.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
for f in "$data"/bad-actuals/*.csv; do
  [ -e "$f" ] || continue
  want=$(head -n1 "${f%.csv}.expect" 2>/dev/null) || { bad "$f: no .expect file"; continue; }
  for cmd in progress assess; do
    rm -rf "$tmp/o" && mkdir "$tmp/o"
    "$cli" $cmd "$plan" "$f" --period 2024-06 -o "$tmp/o/out.xlsx" >"$tmp/stdout" 2>"$tmp/stderr"
    rc=$?
    if [ $rc -ne 1 ]; then bad "$cmd $(basename "$f"): exit $rc, want 1"; continue; fi
    if ! grep -qF -- "$want" "$tmp/stderr"; then
      bad "$cmd $(basename "$f"): stderr lacks '$want':"; sed 's/^/    /' "$tmp/stderr"; continue
    fi
    if [ -n "$(ls -A "$tmp/o")" ]; then bad "$cmd $(basename "$f"): left files"; continue; fi
    pass=$((pass + 1))
  done
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
