#!/usr/bin/env bash
# The Python package as the README installs it: `pip install --no-build-isolation` into a
# fresh virtual environment of Debian's python3 (no index is reached), then imported from
# outside the source tree against the library just built.
set -u
src=${ZB_SOURCE_DIR:?ZB_SOURCE_DIR is not set}
bin=${ZB_BINARY_DIR:?ZB_BINARY_DIR is not set}
if grep -q 'ZB_SANITIZE:BOOL=ON' "$bin/CMakeCache.txt" 2>/dev/null; then
  echo "a sanitizer build: the interpreter is not instrumented, so this runs in the normal build only"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { if [ "$1" = 0 ]; then pass=$((pass + 1)); else echo "FAIL $2"; fail=$((fail + 1)); fi; }

/usr/bin/python3 -m venv --system-site-packages "$tmp/venv" >"$tmp/log" 2>&1
check $? "python3 -m venv"
"$tmp/venv/bin/pip" install -q --no-index --no-build-isolation "$src/bindings/python" >>"$tmp/log" 2>&1
check $? "pip install --no-build-isolation bindings/python"
lib=$(ls "$bin"/lib/libzhibiao.so 2>/dev/null)
out=$(cd "$tmp" && ZHIBIAO_LIBRARY="$lib" "$tmp/venv/bin/python" -c '
import zhibiao, sys
p = zhibiao.Plan.load(sys.argv[1])
print(zhibiao.__version__, len(p.indicators), zhibiao.__file__.startswith(sys.argv[2]))
' "$src/examples/data/tonglu-2024.json" "$tmp/venv" 2>&1)
check $([ "$out" = "0.1.0 41 True" ]; echo $?) "installed package printed '$out'"
[ $fail = 0 ] || cat "$tmp/log"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
