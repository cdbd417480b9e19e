#!/usr/bin/env bash
# The library as people install it: `cmake --install` into a prefix, then a program outside
# the project built against it with find_package(zhibiao) (shared and static) and with
# pkg-config.
set -u
src=${ZB_SOURCE_DIR:?ZB_SOURCE_DIR is not set}
bin=${ZB_BINARY_DIR:?ZB_BINARY_DIR is not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { if [ "$1" = 0 ]; then pass=$((pass + 1)); else echo "FAIL $2"; fail=$((fail + 1)); fi; }
want="0.1.0 家 cannot write output"

cmake --install "$bin" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1
check $? "cmake --install"; [ $fail = 0 ] || { cat "$tmp/install.log"; echo "$pass passed, $fail failed"; exit 1; }
for f in include/zhibiao.h include/zhibiao/plan.h lib/libzhibiao.a lib/pkgconfig/zhibiao.pc \
         lib/cmake/zhibiao/zhibiaoConfig.cmake bin/zhibiao; do
  [ -e "$tmp/prefix/$f" ] || [ -e "$tmp/prefix/${f/lib\//lib/x86_64-linux-gnu/}" ]
  check $? "installed $f"
done

# Sanitizer builds would need the sanitizer runtime in the consumer too; the flags travel
# only with our own targets, so pass them along.
extra=$(grep -q 'ZB_SANITIZE:BOOL=ON' "$bin/CMakeCache.txt" && echo "-fsanitize=address,undefined")
cmake -S "$src/tests/install" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
  -DCMAKE_C_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" >"$tmp/c.log" 2>&1 &&
  cmake --build "$tmp/consumer" >>"$tmp/c.log" 2>&1
check $? "find_package consumer builds"; [ $fail = 0 ] || cat "$tmp/c.log"
libdir=$(dirname "$(find "$tmp/prefix" -name 'libzhibiao.so*' | head -n1)")
out=$(LD_LIBRARY_PATH="$libdir" "$tmp/consumer/consumer" 2>&1); check $([ "$out" = "$want" ]; echo $?) "shared consumer printed '$out'"
out=$("$tmp/consumer/consumer_static" 2>&1); check $([ "$out" = "$want" ]; echo $?) "static consumer printed '$out'"

pcdir=$(dirname "$(find "$tmp/prefix" -name zhibiao.pc | head -n1)")
# shellcheck disable=SC2046
cc $extra -o "$tmp/pc" "$src/tests/install/consumer.c" $(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs zhibiao) 2>"$tmp/pc.log"
check $? "pkg-config consumer builds"; [ -s "$tmp/pc.log" ] && cat "$tmp/pc.log"
out=$(LD_LIBRARY_PATH="$libdir" "$tmp/pc" 2>&1); check $([ "$out" = "$want" ]; echo $?) "pkg-config consumer printed '$out'"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
