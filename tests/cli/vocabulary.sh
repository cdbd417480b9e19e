#!/usr/bin/env bash
# One vocabulary: the command line takes what the CSV and Python take (months in every
# spelling, both spellings of a scoring rule), numbers strictly, option errors before any
# other output, suggestions for mistyped commands, and summaries that count what was written.
set -u
cli=$1
src=${ZB_SOURCE_DIR:?ZB_SOURCE_DIR is not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
expect() {
  local want=$1 what=$2; shift 3
  "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  local rc=$?
  if [ $rc -eq "$want" ]; then ok; else bad "$what: exit $rc, want $want"; sed 's/^/    /' "$tmp/stderr"; fi
}
has() { if grep -qF -- "$2" "$tmp/$1"; then ok; else bad "$1 lacks '$2'"; sed 's/^/    /' "$tmp/$1"; fi; }
# The whole of stderr is the usage error: nothing was read or printed before it.
only_usage() {
  local n; n=$(wc -l <"$tmp/stderr")
  if [ "$n" -eq 2 ] && grep -q "^Try 'zhibiao" "$tmp/stderr"; then ok; else bad "more than the usage error on stderr:"; sed 's/^/    /' "$tmp/stderr"; fi
}

plan=$src/examples/data/tonglu-2024.json actuals=$src/examples/data/tonglu-2024-actuals.csv

# Months: every spelling the actuals CSV takes, the same workbook.
expect 0 "progress --period 2024-06" -- "$cli" progress "$plan" "$actuals" --period 2024-06 -o "$tmp/ref.xlsx"
has stderr "at 2024-06"
for p in 2024-6 2024.06 2024/6 2024年6月 2024年06月份 ２０２４年６月; do
  expect 0 "progress --period $p" -- "$cli" progress "$plan" "$actuals" --period "$p" -o "$tmp/p.xlsx"
  has stderr "(41 indicators at 2024-06,"
  cmp -s "$tmp/ref.xlsx" "$tmp/p.xlsx" && ok || bad "--period $p gave another workbook"
done
expect 0 "bulletin --period 2024.6" -- "$cli" bulletin "$plan" "$actuals" --period 2024.6 -o "$tmp/b.pdf"
expect 0 "assess --period 2024年12月" -- "$cli" assess "$plan" "$actuals" --period 2024年12月 -o "$tmp/a.xlsx"
for c in progress bulletin assess; do
  ext=xlsx; [ $c = bulletin ] && ext=pdf
  expect 2 "$c --period 2024-13" -- "$cli" $c "$plan" "$actuals" --period 2024-13 -o "$tmp/x.$ext"
  has stderr "zhibiao $c: period \"2024-13\" is not a month; write it as 2024-06, 2024-6, 2024.06 or 2024年6月"
  only_usage
  expect 2 "$c --period 2024-06-30" -- "$cli" $c "$plan" "$actuals" --period 2024-06-30 -o "$tmp/x.$ext"
  has stderr "is a date, not a month"
done
# A period outside the plan is the input's fault, named by the command's own error.
expect 1 "progress --period 2031-06" -- "$cli" progress "$plan" "$actuals" --period 2031-06 -o "$tmp/x.xlsx"

# Scoring: both spellings, the same workbook.
expect 0 "assess --scoring all-or-nothing" -- "$cli" assess "$plan" "$actuals" --period 2024-12 --scoring all-or-nothing -o "$tmp/s1.xlsx"
expect 0 "assess --scoring all_or_nothing" -- "$cli" assess "$plan" "$actuals" --period 2024-12 --scoring all_or_nothing -o "$tmp/s2.xlsx"
cmp -s "$tmp/s1.xlsx" "$tmp/s2.xlsx" && ok || bad "the two spellings of the rule differ"
expect 2 "assess --scoring best" -- "$cli" assess "$plan" "$actuals" --period 2024-12 --scoring best -o "$tmp/x.xlsx"
has stderr "--scoring: expected proportional or all-or-nothing, got 'best'"
only_usage

# Strict numbers, checked before any file is read (the plan here does not even exist).
for v in 0x10 inf nan -inf 1e999 " 1.2" "1.2 " "" 1,2 1.2.3 abc; do
  expect 2 "--cap '$v'" -- "$cli" assess "$tmp/none.json" "$actuals" --period 2024-12 --cap "$v" -o "$tmp/x.xlsx"
  has stderr "--cap: not a number: '$v'"
  only_usage
  expect 2 "--tolerance '$v'" -- "$cli" progress "$tmp/none.json" --period 2024-06 --tolerance "$v" -o "$tmp/x.xlsx"
  has stderr "--tolerance: not a number: '$v'"
done
expect 2 "--cap 0.5" -- "$cli" assess "$tmp/none.json" --period 2024-12 --cap 0.5 -o "$tmp/x.xlsx"
has stderr "--cap: '0.5' is outside 1 to 100"
for v in 1.5 1 1e0 +1.25 100; do
  expect 0 "--cap $v" -- "$cli" assess "$plan" "$actuals" --period 2024-12 --cap "$v" -o "$tmp/c.xlsx"
done
expect 0 "--tolerance 0.25" -- "$cli" progress "$plan" "$actuals" --period 2024-06 --tolerance 0.25 -o "$tmp/t.xlsx"

# Option errors come first: the bad plan below is never read.
expect 2 "bad --cap with a bad plan" -- "$cli" assess "$src/tests/data/bad/syntax-trailing-comma.json" --period 2024-12 --cap x -o "$tmp/x.xlsx"
only_usage
# A file an option names that cannot be opened is said before the plan is read: the one line.
only_error() {
  if [ "$(wc -l <"$tmp/stderr")" -eq 1 ]; then ok; else bad "more than the error on stderr:"; sed 's/^/    /' "$tmp/stderr" | cut -c1-200; fi
}
expect 1 "bulletin --seal missing" -- "$cli" bulletin "$plan" "$actuals" --period 2024-06 --seal "$tmp/none.png" -o "$tmp/x.pdf"
has stderr "zhibiao: cannot read the seal image: $tmp/none.png: cannot open: No such file or directory"
only_error
expect 1 "notice --seal a folder" -- "$cli" notice "$plan" --seal "$tmp" -o "$tmp/x.pdf"
has stderr "$tmp: cannot read: Is a directory"
only_error
expect 1 "notice --fonts missing" -- "$cli" notice "$plan" --fonts "$tmp/none.json" -o "$tmp/x.pdf"
has stderr "zhibiao: $tmp/none.json: cannot open: No such file or directory"
only_error
expect 1 "bulletin --fonts missing" -- "$cli" bulletin "$plan" "$actuals" --period 2024-06 --fonts "$tmp/none.json" -o "$tmp/x.pdf"
only_error
[ ! -e "$tmp/x.pdf" ] && ok || bad "a document was written"
# Options of another command are unknown.
expect 2 "progress --cap" -- "$cli" progress "$plan" --period 2024-06 --cap 1.2 -o "$tmp/x.xlsx"
has stderr "unknown option '--cap'"
expect 2 "assess --seal" -- "$cli" assess "$plan" --period 2024-12 --seal x.png -o "$tmp/x.xlsx"
has stderr "unknown option '--seal'"

# bulletin --seal and --sealed, as for notice.
convert -size 200x200 xc:none -fill none -stroke red -strokewidth 8 -draw "circle 100,100 100,10" PNG32:"$tmp/seal.png" 2>/dev/null
if [ -s "$tmp/seal.png" ]; then
  expect 0 "bulletin --seal" -- "$cli" bulletin "$plan" "$actuals" --period 2024-06 --seal "$tmp/seal.png" -o "$tmp/sealed.pdf"
  pdfimages -list "$tmp/sealed.pdf" 2>/dev/null | grep -q "image" && ok || bad "no seal image in the bulletin"
fi
expect 0 "bulletin --sealed" -- "$cli" bulletin "$plan" "$actuals" --period 2024-06 --sealed -o "$tmp/hand.pdf"
cmp -s "$tmp/hand.pdf" "$tmp/b.pdf" && bad "--sealed changed nothing" || ok
printf 'not a png' >"$tmp/bad.png"
expect 1 "bulletin --seal not a PNG" -- "$cli" bulletin "$plan" "$actuals" --period 2024-06 --seal "$tmp/bad.png" -o "$tmp/bs.pdf"
[ ! -e "$tmp/bs.pdf" ] && ok || bad "a bulletin was written despite the bad seal"

# Commands: a suggestion for a near miss, none for a guess.
expect 2 "tabel" -- "$cli" tabel
has stderr "zhibiao: unknown command 'tabel'; did you mean 'table'?"
expect 2 "notic" -- "$cli" notic x.json
has stderr "did you mean 'notice'?"
expect 2 "brekdown" -- "$cli" brekdown
has stderr "did you mean 'breakdown'?"
expect 2 "asses" -- "$cli" asses
has stderr "did you mean 'assess'?"
expect 2 "imp" -- "$cli" imp
has stderr "did you mean 'import'?"
expect 2 "frobnicate" -- "$cli" frobnicate
has stderr "unknown command 'frobnicate'"
grep -q "did you mean" "$tmp/stderr" && bad "a suggestion for frobnicate" || ok
expect 2 "b (ambiguous)" -- "$cli" b
grep -q "did you mean" "$tmp/stderr" && bad "a suggestion for an ambiguous prefix" || ok

# Summaries count what was written.
cat >"$tmp/tasks.json" <<'EOF'
{"format": "zhibiao/1", "title": "某县2024年工作要点", "year": 2024,
 "categories": [{"name": "甲类", "indicators": [
   {"seq": 1, "name": "新增企业(家)", "target": 10, "responsible": ["县经信局", "县发改局"]},
   {"seq": 2, "name": "新增就业(人)", "target": 500, "responsible": ["县人力社保局"]}]}]}
EOF
expect 0 "breakdown of a plan without tasks" -- "$cli" breakdown "$tmp/tasks.json" -o "$tmp/bd.xlsx"
has stderr "(0 responsibility items, 3 unit sheets, "
sheets=$(unzip -l "$tmp/bd.xlsx" | grep -c 'xl/worksheets/sheet[0-9]*.xml')
[ "$sheets" = 5 ] && ok || bad "the breakdown has $sheets sheets, want 2 + 3"
expect 0 "breakdown of tonglu" -- "$cli" breakdown "$plan" -o "$tmp/bd2.xlsx"
n=$(sed -n 's/.*(\([0-9]*\) responsibility items, \([0-9]*\) unit sheets.*/\2/p' "$tmp/stderr")
sheets=$(unzip -l "$tmp/bd2.xlsx" | grep -c 'xl/worksheets/sheet[0-9]*.xml')
[ -n "$n" ] && [ "$sheets" = $((n + 2)) ] && ok || bad "summary says $n unit sheets, the workbook has $sheets sheets"
printf '{"format": "zhibiao/1", "categories": [{"name": "甲", "indicators": [{"seq": 1, "name": "新增企业(家)", "target": 1}]}]}' >"$tmp/one.json"
expect 0 "table of one indicator" -- "$cli" table "$tmp/one.json" -o "$tmp/one.xlsx"
has stderr "(1 indicator, "

echo "$pass passed, $fail failed"
[ $fail = 0 ]
