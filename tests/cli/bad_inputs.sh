#!/usr/bin/env bash
# Every file in tests/data/bad/ must be refused: exit 1, a message on stderr that contains
# the line in its .expect file (the location and what is wrong), and no output file left
# behind, neither the destination nor a temporary file beside it.
set -u
cli=$1
data=${ZB_TEST_DATA:?ZB_TEST_DATA is not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
for f in "$data"/bad/*; do
  case $f in *.expect) continue ;; esac
  exp="${f%.*}.expect"
  [ -f "$exp" ] || { bad "$f: no .expect file"; continue; }
  want=$(head -n1 "$exp")
  for cmd in check table; do
    rm -rf "$tmp/o" && mkdir "$tmp/o"
    if [ $cmd = table ]; then args=(table "$f" -o "$tmp/o/out.xlsx"); else args=(check "$f"); fi
    "$cli" "${args[@]}" >"$tmp/stdout" 2>"$tmp/stderr"
    rc=$?
    if [ $rc -ne 1 ]; then bad "$cmd $(basename "$f"): exit $rc, want 1"; continue; fi
    if ! grep -qF -- "$want" "$tmp/stderr"; then
      bad "$cmd $(basename "$f"): stderr lacks '$want':"; sed 's/^/    /' "$tmp/stderr"; continue
    fi
    if [ -n "$(ls -A "$tmp/o")" ]; then bad "$cmd $(basename "$f"): left files: $(ls -A "$tmp/o")"; continue; fi
    pass=$((pass + 1))
  done
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
