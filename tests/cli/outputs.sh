#!/usr/bin/env bash
# Where documents go, as the program meets it: files replaced with their mode, links written
# through, hard links kept, device nodes and pipes written straight through, -o - for every
# command, bad destinations and wrong names refused before anything is read, long names,
# and a full disk leaving everything as it was.
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
# Only the named files are in the folder: no temporary file was left.
only() { local d=$1; shift; local got want; got=$(cd "$d" && ls -A | sort | tr '\n' ' '); want=$(printf '%s\n' "$@" | sort | tr '\n' ' ');
  [ "$got" = "$want" ] && ok || bad "$d holds '$got', want '$want'"; }
is_xlsx() { [ "$(head -c 2 "$1" 2>/dev/null)" = PK ] && ok || bad "$1 is not a workbook"; }
is_pdf() { [ "$(head -c 5 "$1" 2>/dev/null)" = "%PDF-" ] && ok || bad "$1 is not a PDF"; }

plan=$src/examples/data/wuyi-2022.json
tonglu=$src/examples/data/tonglu-2024.json actuals=$src/examples/data/tonglu-2024-actuals.csv

# A regular file: replaced, its permission bits kept.
d=$tmp/regular && mkdir "$d"
echo old >"$d/t.xlsx" && chmod 640 "$d/t.xlsx"
expect 0 "table over a file" -- "$cli" table "$plan" -o "$d/t.xlsx"
is_xlsx "$d/t.xlsx"
[ "$(stat -c %a "$d/t.xlsx")" = 640 ] && ok || bad "mode became $(stat -c %a "$d/t.xlsx")"
has stderr "wrote $d/t.xlsx (16 indicators, "
only "$d" t.xlsx

# A symbolic link: the link stays, the file it names gets the document; a dangling link
# makes the file.
d=$tmp/links && mkdir "$d"
echo old >"$d/target.xlsx" && ln -s target.xlsx "$d/link.xlsx" && ln -s made.pdf "$d/dangling.pdf"
expect 0 "table through a link" -- "$cli" table "$plan" -o "$d/link.xlsx"
[ -L "$d/link.xlsx" ] && ok || bad "the link was replaced"
is_xlsx "$d/target.xlsx"
expect 0 "notice through a dangling link" -- "$cli" notice "$plan" -o "$d/dangling.pdf"
[ -L "$d/dangling.pdf" ] && ok || bad "the dangling link was replaced"
is_pdf "$d/made.pdf"
only "$d" target.xlsx link.xlsx dangling.pdf made.pdf

# A hard link: both names see the new document.
d=$tmp/hard && mkdir "$d"
echo old >"$d/a.xlsx" && ln "$d/a.xlsx" "$d/b.xlsx"
expect 0 "table over a hard link" -- "$cli" table "$plan" -o "$d/a.xlsx"
is_xlsx "$d/b.xlsx"
[ "$(stat -c %h "$d/a.xlsx")" = 2 ] && [ "$(stat -c %i "$d/a.xlsx")" = "$(stat -c %i "$d/b.xlsx")" ] && ok ||
  bad "the hard link was broken"
only "$d" a.xlsx b.xlsx

# Device nodes survive: as root the test makes its own (null 1,3 and full 1,7), so that a
# failure destroys those and never the system's; otherwise the system's cannot be replaced.
d=$tmp/dev && mkdir "$d"
if [ "$(id -u)" = 0 ]; then
  mknod -m 666 "$d/null" c 1 3 && mknod -m 666 "$d/full" c 1 7
  null=$d/null full=$d/full
else
  null=/dev/null full=/dev/full
fi
for c in "table $plan" "notice $plan" "breakdown $tonglu" "import $src/tests/data/import/notice.txt"; do
  # shellcheck disable=SC2086
  expect 0 "${c%% *} -o $null" -- "$cli" $c -o "$null"
  [ -c "$null" ] && ok || bad "${c%% *} replaced the node $null"
done
# The summary counts what was written, not the node's size (0).
expect 0 "table -o $null" -- "$cli" table "$plan" -o "$null"
has stderr "wrote $null (16 indicators, $(stat -c %s "$tmp/regular/t.xlsx") bytes)"
expect 3 "table -o a full disk" -- "$cli" table "$plan" -o "$full"
has stderr "$full: cannot write: No space left on device"
[ -c "$full" ] && ok || bad "the node $full was replaced"
expect 3 "bulletin -o a full disk" -- "$cli" bulletin "$tonglu" "$actuals" --period 2024-06 -o "$full"
has stderr "No space left on device"

# A FIFO: written straight through to its reader.
d=$tmp/fifo && mkdir "$d" && mkfifo "$d/pipe"
timeout 60 cat "$d/pipe" >"$d/got" &
reader=$!
expect 0 "notice into a FIFO" -- timeout 60 "$cli" notice "$plan" -o "$d/pipe"
wait $reader
is_pdf "$d/got"
has stderr "wrote $d/pipe ("
has stderr " pages, $(stat -c %s "$d/got") bytes)"
[ -p "$d/pipe" ] && ok || bad "the FIFO was replaced"

# -o - for every command that writes a document; nothing named '-' appears.
d=$tmp/dash && mkdir "$d" && cd "$d" || exit 1
"$cli" table "$plan" -o - >"$d/t.xlsx" 2>"$tmp/stderr" && ok || bad "table -o -"
is_xlsx "$d/t.xlsx"
has stderr "wrote standard output (16 indicators, "
"$cli" breakdown "$tonglu" -o - >"$d/b.xlsx" 2>/dev/null && ok || bad "breakdown -o -"
is_xlsx "$d/b.xlsx"
"$cli" progress "$tonglu" "$actuals" --period 2024-06 -o - >"$d/p.xlsx" 2>/dev/null && ok || bad "progress -o -"
is_xlsx "$d/p.xlsx"
"$cli" assess "$tonglu" "$actuals" --period 2024-12 -o - >"$d/a.xlsx" 2>/dev/null && ok || bad "assess -o -"
is_xlsx "$d/a.xlsx"
"$cli" notice "$plan" -o - >"$d/n.pdf" 2>/dev/null && ok || bad "notice -o -"
is_pdf "$d/n.pdf"
"$cli" bulletin "$tonglu" "$actuals" --period 2024-06 -o - >"$d/q.pdf" 2>/dev/null && ok || bad "bulletin -o -"
is_pdf "$d/q.pdf"
"$cli" notice "$plan" --format ofd -o - >"$d/n.ofd" 2>/dev/null && ok || bad "notice --format ofd -o -"
is_xlsx "$d/n.ofd" # a zip package too
"$cli" import "$src/tests/data/import/notice.txt" -o - >"$d/p.json" 2>/dev/null && ok || bad "import -o -"
grep -q '"format": "zhibiao/1"' "$d/p.json" && ok || bad "import -o - wrote no plan"
# The same bytes as to a file.
"$cli" table "$plan" -o "$d/file.xlsx" 2>/dev/null
cmp -s "$d/t.xlsx" "$d/file.xlsx" && ok || bad "-o - and a file differ"
# Into a pipe.
"$cli" notice "$plan" -o - 2>/dev/null | head -c 5 >"$d/head" && [ "$(cat "$d/head")" = "%PDF-" ] && ok || bad "notice -o - | head"
only "$d" t.xlsx b.xlsx p.xlsx a.xlsx n.pdf q.pdf n.ofd p.json file.xlsx head
cd "$tmp" || exit 1

# Bad destinations: exit 3 with the reason, before the input is read.
expect 3 "a directory" -- "$cli" table "$plan" -o "$tmp"
has stderr "cannot write: it is a directory"
expect 3 "a missing folder" -- "$cli" notice "$plan" -o "$tmp/no/such/n.pdf"
has stderr "$tmp/no/such/n.pdf: cannot write: the folder $tmp/no/such: No such file or directory"
lacks stderr "font " # refused before the fonts were loaded
expect 3 "a folder that is a file" -- "$cli" breakdown "$tonglu" -o "$tmp/dash/t.xlsx/b.xlsx"
has stderr "cannot write: Not a directory"
expect 3 "a missing folder, with a bad plan" -- "$cli" table "$tmp/none.json" -o "$tmp/no/t.xlsx"

# Names of another format: exit 2 naming the expected one, nothing read or written.
expect 2 "table -o t.pdf" -- "$cli" table "$plan" -o "$tmp/t.pdf"
has stderr "zhibiao table: $tmp/t.pdf: the name ends in .pdf, but this document is .xlsx"
expect 2 "table -o t.xls" -- "$cli" table "$plan" -o "$tmp/t.xls"
has stderr "but this document is .xlsx"
expect 2 "notice -o n.xlsx" -- "$cli" notice "$plan" -o "$tmp/n.xlsx"
has stderr "the name ends in .xlsx, but this document is .pdf"
lacks stderr "font "
expect 2 "bulletin -o b.xlsx" -- "$cli" bulletin "$tonglu" "$actuals" --period 2024-06 -o "$tmp/b.xlsx"
expect 2 "progress -o p.pdf" -- "$cli" progress "$tonglu" "$actuals" --period 2024-06 -o "$tmp/p.pdf"
expect 2 "assess -o a.csv" -- "$cli" assess "$tonglu" "$actuals" --period 2024-12 -o "$tmp/a.csv"
expect 2 "breakdown -o b.docx" -- "$cli" breakdown "$tonglu" -o "$tmp/b.docx"
expect 2 "import -o p.txt" -- "$cli" import "$src/tests/data/import/notice.txt" -o "$tmp/p.txt"
has stderr "but this document is .json"
for f in t.pdf t.xls n.xlsx b.xlsx p.pdf a.csv b.docx p.txt; do [ ! -e "$tmp/$f" ] && ok || bad "$f was written"; done
# No extension, or one that names no format, is the caller's business; case does not matter.
expect 0 "table -o no extension" -- "$cli" table "$plan" -o "$tmp/targets"
is_xlsx "$tmp/targets"
expect 0 "table -o T.XLSX" -- "$cli" table "$plan" -o "$tmp/T.XLSX"
expect 0 "table -o t.2024" -- "$cli" table "$plan" -o "$tmp/t.2024"

# Long legal names: 255 bytes, ASCII and Chinese.
d=$tmp/long && mkdir "$d"
name=$(printf 'a%.0s' $(seq 250)).xlsx
expect 0 "a 255-byte name" -- "$cli" table "$plan" -o "$d/$name"
expect 0 "a 255-byte name, again" -- "$cli" table "$plan" -o "$d/$name"
name=$(printf '指%.0s' $(seq 83)).pdf
expect 0 "a 252-byte Chinese name" -- "$cli" notice "$plan" -o "$d/$name"
is_pdf "$d/$name"
only "$d" "$(printf 'a%.0s' $(seq 250)).xlsx" "$name"

# A disk that fills during the write (here the file size limit): exit 3 with the OS's
# reason, the old file kept, no temporary file.
d=$tmp/full && mkdir "$d"
echo old >"$d/n.pdf"
(trap '' XFSZ; ulimit -f 20; exec "$cli" notice "$plan" -o "$d/n.pdf") >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?
[ $rc = 3 ] && ok || { bad "notice on a full disk: exit $rc, want 3"; cat "$tmp/stderr"; }
has stderr "cannot write"
has stderr "File too large"
lacks stderr "libharu"
[ "$(cat "$d/n.pdf")" = old ] && ok || bad "the old notice was changed"
(trap '' XFSZ; ulimit -f 4; exec "$cli" table "$plan" -o "$d/t.xlsx") >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?
[ $rc = 3 ] && ok || { bad "table on a full disk: exit $rc, want 3"; cat "$tmp/stderr"; }
only "$d" n.pdf

# A disk that is full when the PDF is saved: a 64 KB tmpfs, mounted in a private mount
# namespace (or directly as root) so that nothing outside the test sees it. The fonts'
# temporary files go to $TMPDIR, so only the document itself meets the full disk.
d=$tmp/tiny && mkdir "$d"
cat >"$tmp/tiny.sh" <<EOF
mount -t tmpfs -o size=64k tmpfs "$d" || exit 77
echo old >"$d/n.pdf"
"$cli" notice "$plan" -o "$d/n.pdf" 2>"$tmp/stderr"
rc=\$?
[ "\$(cat "$d/n.pdf")" = old ] || rc=101
[ "\$(ls -A "$d")" = n.pdf ] || rc=102
umount "$d" 2>/dev/null
exit \$rc
EOF
if unshare -rm true 2>/dev/null; then unshare -rm sh "$tmp/tiny.sh"; rc=$?
elif [ "$(id -u)" = 0 ]; then sh "$tmp/tiny.sh"; rc=$?
else rc=77; fi
case $rc in
  3) ok; has stderr "$d/n.pdf: cannot write: No space left on device"; lacks stderr "libharu" ;;
  77) echo "skipped: no way to mount a small file system" ;;
  101) bad "a full disk changed the old notice" ;;
  102) bad "a full disk left a temporary file" ;;
  *) bad "notice on a full tmpfs: exit $rc, want 3"; cat "$tmp/stderr" ;;
esac

# A file the user may not write (root may write anything).
if [ "$(id -u)" != 0 ]; then
  echo old >"$tmp/ro.xlsx" && chmod 444 "$tmp/ro.xlsx"
  expect 3 "a read-only file" -- "$cli" table "$plan" -o "$tmp/ro.xlsx"
  has stderr "Permission denied"
fi

# The demo's folder.
expect 2 "demo -o ''" -- "$cli" demo -o ""
has stderr "the folder's name is empty"
expect 2 "demo -o -" -- "$cli" demo -o -
echo x >"$tmp/afile"
expect 3 "demo -o a file" -- "$cli" demo -o "$tmp/afile"
has stderr "cannot create the folder: Not a directory"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
