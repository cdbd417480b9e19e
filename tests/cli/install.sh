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

# pkg-config --cflags gives what the public headers need, no more: they include only the C
# library's headers, so none of the dependencies' folders (harfbuzz, freetype, glib, libpng).
cflags=$(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags zhibiao | sed "s/ *$//")
check $([ "$cflags" = "-I$(PKG_CONFIG_PATH="$pcdir" pkg-config --variable=includedir zhibiao)" ]; echo $?) \
  "pkg-config --cflags zhibiao gives '$cflags'"
# The dependencies are there for a static link (Libs.private), as flags.
static=$(PKG_CONFIG_PATH="$pcdir" pkg-config --libs --static zhibiao)
for l in -lxlsxwriter -ljansson -lharfbuzz -lhpdf; do
  case " $static " in *" $l "*) check 0 "" ;; *) check 1 "pkg-config --libs --static lacks $l: $static" ;; esac
done
# A static link through pkg-config alone.
cc $extra -o "$tmp/pcs" "$src/tests/install/consumer.c" $cflags "$libdir/libzhibiao.a" \
  $(PKG_CONFIG_PATH="$pcdir" pkg-config --libs-only-other --libs-only-l --static zhibiao | sed 's/-lzhibiao//') 2>"$tmp/pcs.log"
check $? "static pkg-config consumer builds"; [ -s "$tmp/pcs.log" ] && cat "$tmp/pcs.log"
out=$("$tmp/pcs" 2>&1); check $([ "$out" = "$want" ]; echo $?) "static pkg-config consumer printed '$out'"
# The CMake package's targets bring no dependency's include folder either.
flags="$tmp/consumer/CMakeFiles/consumer_static.dir/flags.make"
[ -f "$flags" ]; check $? "the consumer's compile flags are in $flags"
grep -qE 'harfbuzz|freetype|glib|libpng' "$flags" 2>/dev/null &&
  check 1 "zhibiao::zhibiao_static passes a dependency's include folder: $(grep _INCLUDES "$flags")" ||
  check 0 ""

# The installed program runs as installed, without LD_LIBRARY_PATH, and still after the whole
# prefix is moved (its RPATH is relative to itself).
if [ -x "$tmp/prefix/bin/zhibiao" ] && ! grep -q 'BUILD_SHARED_LIBS:BOOL=OFF' "$bin/CMakeCache.txt"; then
  out=$(env -u LD_LIBRARY_PATH "$tmp/prefix/bin/zhibiao" --version 2>&1)
  check $([ "$out" = "zhibiao 0.1.0" ]; echo $?) "installed zhibiao --version printed '$out'"
  mv "$tmp/prefix" "$tmp/moved"
  out=$(env -u LD_LIBRARY_PATH "$tmp/moved/bin/zhibiao" demo -o "$tmp/demo" 2>&1 >/dev/null)
  check $? "the moved program writes the demo: $out"
  [ -s "$tmp/demo/tonglu-2024-targets.xlsx" ]; check $? "the moved program wrote the targets"
  mv "$tmp/moved" "$tmp/prefix"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
