#!/usr/bin/env bash
# OFD from the command line: the format chosen by -o's extension or --format for notice and
# bulletin, usage errors, bad fonts and seals (nothing written, an old file kept), the same
# bytes twice.
set -u
cli=$1
src=${ZB_SOURCE_DIR:?ZB_SOURCE_DIR is not set}
data=$src/examples/data
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
is_ofd() { [ "$(head -c 4 "$1" | od -An -c | tr -d ' ')" = 'PK003004' ] && unzip -l "$1" | grep -q ' OFD.xml$' && ok || bad "$1 is not an OFD package"; }
is_pdf() { [ "$(head -c 5 "$1")" = '%PDF-' ] && ok || bad "$1 is not a PDF"; }

expect 0 "notice -o .ofd" -- "$cli" notice "$data/wuyi-2022.json" -o "$tmp/n.ofd"
is_ofd "$tmp/n.ofd"
has stderr "wrote $tmp/n.ofd (4 pages,"
expect 0 "notice -o .OFD" -- "$cli" notice "$data/wuyi-2022.json" -o "$tmp/N.OFD"
is_ofd "$tmp/N.OFD"
cmp -s "$tmp/n.ofd" "$tmp/N.OFD" && ok || bad "the same notice twice differs"
expect 0 "notice --format ofd" -- "$cli" notice "$data/wuyi-2022.json" --format ofd -o "$tmp/n.bin"
is_ofd "$tmp/n.bin"
# --format decides when the name does not; a name of the other format is a mistake.
expect 2 "notice --format pdf -o .ofd" -- "$cli" notice "$data/wuyi-2022.json" --format pdf -o "$tmp/p.ofd"
has stderr "p.ofd: the name ends in .ofd, but this document is .pdf"
[ ! -e "$tmp/p.ofd" ] && ok || bad "written under the other format's name"
expect 0 "notice -o .pdf" -- "$cli" notice "$data/wuyi-2022.json" -o "$tmp/n.pdf"
is_pdf "$tmp/n.pdf"
expect 2 "notice --format xps" -- "$cli" notice "$data/wuyi-2022.json" --format xps -o "$tmp/x.ofd"
has stderr "--format: expected pdf or ofd, got 'xps'"
[ ! -e "$tmp/x.ofd" ] && ok || bad "written despite a bad --format"
expect 0 "notice --help" -- "$cli" notice --help
has stdout "--format pdf|ofd"

expect 0 "bulletin -o .ofd" -- "$cli" bulletin "$data/tonglu-2024.json" "$data/tonglu-2024-actuals.csv" --period 2024-06 -o "$tmp/b.ofd"
is_ofd "$tmp/b.ofd"
has stderr "wrote $tmp/b.ofd ("
expect 0 "bulletin --format ofd" -- "$cli" bulletin "$data/tonglu-2024.json" "$data/tonglu-2024-actuals.csv" --period 2024-06 --format ofd -o "$tmp/b.out"
cmp -s "$tmp/b.ofd" "$tmp/b.out" && ok || bad "the bulletin by extension and by --format differ"
expect 2 "progress --format" -- "$cli" progress "$data/tonglu-2024.json" "$data/tonglu-2024-actuals.csv" --period 2024-06 --format ofd -o "$tmp/p.xlsx"
has stderr "unknown option '--format'"

# Bad fonts and seals: exit 1, the message names the file, nothing written, an old file kept.
printf '{"body": "%s/nope.ttf"}' "$tmp" >"$tmp/fonts.json"
expect 1 "notice .ofd with a missing font" -- "$cli" notice "$data/wuyi-2022.json" -o "$tmp/m.ofd" --fonts "$tmp/fonts.json"
has stderr "nope.ttf"
[ ! -e "$tmp/m.ofd" ] && ok || bad "an OFD was written despite the bad font"
expect 1 "bulletin .ofd with a missing font" -- "$cli" bulletin "$data/tonglu-2024.json" --period 2024-06 -o "$tmp/m.ofd" --fonts "$tmp/fonts.json"
[ ! -e "$tmp/m.ofd" ] && ok || bad "an OFD bulletin was written despite the bad font"
printf 'not a png' >"$tmp/seal.png"
printf 'old' >"$tmp/old.ofd"
expect 1 "notice .ofd with a bad seal" -- "$cli" notice "$data/wuyi-2022.json" -o "$tmp/old.ofd" --seal "$tmp/seal.png"
has stderr "seal.png"
[ "$(cat "$tmp/old.ofd")" = old ] && ok || bad "the old file changed despite the bad seal"
expect 1 "notice .ofd with a missing seal" -- "$cli" notice "$data/wuyi-2022.json" -o "$tmp/old.ofd" --seal "$tmp/none.png"
[ "$(cat "$tmp/old.ofd")" = old ] && ok || bad "the old file changed despite the missing seal"
expect 3 "notice .ofd into a missing folder" -- "$cli" notice "$data/wuyi-2022.json" -o "$tmp/no/such/n.ofd"
[ "$(ls -A "$tmp" | grep -c '^\.')" -eq 0 ] && ok || bad "a temporary file was left behind"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
