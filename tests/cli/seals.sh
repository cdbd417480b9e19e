#!/usr/bin/env bash
# Seal images as seal makers save them (tests/data/seals): every one draws, its transparency
# kept as a soft mask; damaged or empty ones are refused with the reason, never a crash.
set -u
cli=$1
src=${ZB_SOURCE_DIR:?ZB_SOURCE_DIR is not set}
data=${ZB_TEST_DATA:?ZB_TEST_DATA is not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
plan=$src/examples/data/wuyi-2022.json

# Opaque images have no mask; every other one keeps its transparency.
opaque=" rgb8-interlaced.png grey16.png grey1-interlaced.png "
for f in "$data"/seals/*.png; do
  name=$(basename "$f")
  "$cli" notice "$plan" -o "$tmp/n.pdf" --seal "$f" >"$tmp/out" 2>&1
  rc=$?
  if [ $rc -ne 0 ]; then bad "$name: exit $rc"; sed 's/^/    /' "$tmp/out"; continue; fi
  ok
  images=$(pdfimages -list "$tmp/n.pdf" | awk 'NR > 2 {print $3}' | sort | tr '\n' ' ')
  case "$opaque" in
    *" $name "*) want="image " ;;
    *) want="image smask " ;;
  esac
  if [ "$images" = "$want" ]; then ok; else bad "$name: images '$images', want '$want'"; fi
done

# Refused with the reason and exit 1: a cut file, text, a file with nothing visible.
head -c 3000 "$data/seals/rgba8-interlaced.png" >"$tmp/cut.png"
echo "not a picture" >"$tmp/text.png"
# A 4 x 4 RGBA PNG whose every pixel is transparent.
/usr/bin/python3 - "$tmp/clear.png" <<'PY'
import struct, sys, zlib
def chunk(t, b):
    return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b))
raw = b"".join(b"\0" + b"\0" * 16 for _ in range(4))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 6, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
open(sys.argv[1], "wb").write(png)
PY
for f in cut text clear; do
  "$cli" notice "$plan" -o "$tmp/r.pdf" --seal "$tmp/$f.png" >"$tmp/out" 2>&1
  rc=$?
  if [ $rc -eq 1 ]; then ok; else bad "$f.png: exit $rc, want 1"; sed 's/^/    /' "$tmp/out"; fi
  if grep -q "seal image $tmp/$f.png" "$tmp/out"; then ok; else bad "$f.png: no reason"; sed 's/^/    /' "$tmp/out"; fi
done
grep -q "transparent" "$tmp/out" && ok || bad "clear.png: reason does not say transparent"
[ -e "$tmp/r.pdf" ] && bad "a refused seal wrote a file" || ok

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
