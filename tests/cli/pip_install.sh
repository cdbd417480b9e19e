#!/usr/bin/env bash
# The Python package as the README installs it, into a plain virtual environment of Debian's
# python3 (no --system-site-packages: pip and setuptools only, no wheel) with no index:
# `pip install bindings/python` and `pip install --no-build-isolation bindings/python`. The
# library is then installed into the same prefix with `cmake --install`, and the installed
# package, imported from outside the source tree with no ZHIBIAO_LIBRARY, finds it there;
# without it, the import error lists the places tried.
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
venv=$tmp/venv
py() { (cd "$tmp" && env -u ZHIBIAO_LIBRARY -u PYTHONPATH LD_LIBRARY_PATH= "$venv/bin/python" "$@" 2>&1); }

/usr/bin/python3 -m venv "$venv" >"$tmp/log" 2>&1
check $? "python3 -m venv"
"$venv/bin/python" -c 'import wheel' >/dev/null 2>&1
check $([ $? != 0 ]; echo $?) "the venv is plain (it has no wheel package)"

"$venv/bin/pip" install -q --no-index "$src/bindings/python" >>"$tmp/log" 2>&1
check $? "pip install bindings/python (build isolation, no index)"
cmake --install "$bin" --prefix "$venv" >>"$tmp/log" 2>&1
check $? "cmake --install --prefix VENV"
out=$(py -c '
import sys, zhibiao
p = zhibiao.Plan.load(sys.argv[1])
print(zhibiao.__version__, len(p.indicators), zhibiao.__file__.startswith(sys.argv[2]), zhibiao.library_path)
' "$src/examples/data/tonglu-2024.json" "$venv")
check $([ "$out" = "0.1.0 41 True $venv/lib/libzhibiao.so.0" ]; echo $?) "installed package with the library in its prefix printed '$out'"

"$venv/bin/pip" uninstall -q -y zhibiao >>"$tmp/log" 2>&1
"$venv/bin/pip" install -q --no-index --no-build-isolation "$src/bindings/python" >>"$tmp/log" 2>&1
check $? "pip install --no-build-isolation bindings/python"
out=$(py -c 'import zhibiao; print(zhibiao.library_path)')
check $([ "$out" = "$venv/lib/libzhibiao.so.0" ]; echo $?) "after --no-build-isolation: '$out'"

# Without the library: the error names the prefix's folders and the usual ones.
rm -f "$venv"/lib/libzhibiao.so*
out=$(py -c 'import zhibiao')
if echo "$out" | grep -q "libzhibiao cannot be found"; then
  for want in "ZHIBIAO_LIBRARY: not set" "the package's prefix $venv: $venv/lib/libzhibiao.so.0: no such file" \
              "system (dynamic loader): libzhibiao.so.0" "usual folder: /usr/local/lib/libzhibiao.so.0"; do
    echo "$out" | grep -qF "$want"
    check $? "the error lists '$want'"
  done
else
  echo "(a libzhibiao is installed on the system; the error is not checked): $out"
fi

# An editable install runs the sources in place.
"$venv/bin/pip" uninstall -q -y zhibiao >>"$tmp/log" 2>&1
"$venv/bin/pip" install -q --no-index -e "$src/bindings/python" >>"$tmp/log" 2>&1
check $? "pip install -e bindings/python"
out=$(cd "$tmp" && env -u PYTHONPATH ZHIBIAO_LIBRARY="$bin/lib/libzhibiao.so" "$venv/bin/python" -c 'import zhibiao; print(zhibiao.__file__)' 2>&1)
check $([ "$out" = "$src/bindings/python/zhibiao/__init__.py" ]; echo $?) "editable install imports the sources: '$out'"

[ $fail = 0 ] || cat "$tmp/log"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
