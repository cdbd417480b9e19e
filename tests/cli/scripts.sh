#!/usr/bin/env bash
# The developer scripts from any earlier state: scripts/test configures its builds with the
# tests on whatever scripts/demo or a developer left in build/, and a step that finds no test
# fails. Runs in a copy of the sources with cmake's build, ctest's runs, valgrind and the
# package installer replaced by stand-ins (configuring is real, so the test lists are too).
set -u
src=${ZB_SOURCE_DIR:?ZB_SOURCE_DIR is not set}
bin=${ZB_BINARY_DIR:?ZB_BINARY_DIR is not set}
# The scripts do not depend on how this build was made; once is enough.
grep -q 'ZB_SANITIZE:BOOL=ON' "$bin/CMakeCache.txt" 2>/dev/null && { echo "0 passed, 0 failed (skipped under sanitizers)"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# Stand-ins: `cmake --build` builds nothing, ctest reports how many tests the build defines
# (and fails on none only when asked to, as the real one does).
mkdir -p "$tmp/stubs"
real_cmake=$(command -v cmake) real_ctest=$(command -v ctest)
cat >"$tmp/stubs/cmake" <<STUB
#!/usr/bin/env bash
# Nothing is compiled; a target asked for by name becomes a program that passes.
if [ "\${1:-}" = --build ]; then
  args=("\$@")
  for ((i = 0; i < \${#args[@]}; i++)); do
    if [ "\${args[i]}" = --target ]; then
      mkdir -p "\$2/tests" && printf '#!/bin/sh\\nexit 0\\n' >"\$2/tests/\${args[i+1]}" && chmod +x "\$2/tests/\${args[i+1]}"
    fi
  done
  exit 0
fi
exec "$real_cmake" "\$@"
STUB
cat >"$tmp/stubs/ctest" <<STUB
#!/usr/bin/env bash
args=("\$@"); dir=.; strict=0; list=0
for ((i = 0; i < \${#args[@]}; i++)); do
  case \${args[i]} in --test-dir) dir=\${args[i+1]} ;; --no-tests=error) strict=1 ;; -N) list=1 ;; esac
done
[ \$list = 1 ] && exec "$real_ctest" "\$@"
n=\$("$real_ctest" --test-dir "\$dir" -N | sed -n 's/^Total Tests: //p')
echo "ran \$n tests in \$dir" >>"$tmp/ran"
if [ "\${n:-0}" = 0 ]; then echo "No tests were found!!!"; [ \$strict = 1 ] && exit 8; fi
exit 0
STUB
# valgrind runs nothing; npm (the OFD reader's packages) installs nothing.
printf '#!/bin/sh\nexit 0\n' >"$tmp/stubs/valgrind"
printf '#!/bin/sh\nmkdir -p node_modules\n' >"$tmp/stubs/npm"
chmod +x "$tmp/stubs/"*
export PATH="$tmp/stubs:$PATH" ZB_FUZZ_SECONDS=0

# fresh_copy NAME: the sources without any build, with a package installer that does nothing.
fresh_copy() {
  mkdir -p "$tmp/$1"
  tar -C "$src" --exclude='./build*' --exclude=./out --exclude=./.git --exclude=node_modules -cf - . | tar -C "$tmp/$1" -xf -
  printf '#!/bin/sh\nexit 0\n' >"$tmp/$1/scripts/deps"
  rm -f "$tmp/ran"
}
cache() { sed -n "s/^$2:[A-Z]*=//p" "$tmp/$1/build/CMakeCache.txt"; }

# scripts/demo then scripts/test: the README's order.
fresh_copy demo
(cd "$tmp/demo" && scripts/demo >/dev/null 2>&1)   # fails at running the unbuilt program
[ "$(cache demo BUILD_TESTING)" = OFF ] && ok || bad "scripts/demo was expected to configure build/ without tests"
(cd "$tmp/demo" && scripts/test >"$tmp/demo.log" 2>&1)
rc=$?
[ $rc = 0 ] && ok || { bad "scripts/test after scripts/demo: exit $rc"; sed 's/^/    /' "$tmp/demo.log"; }
[ "$(cache demo BUILD_TESTING)" = ON ] && ok || bad "scripts/test left build/ without tests"
grep -q "ran [1-9][0-9]* tests in build\$" "$tmp/ran" && ok || bad "ctest ran no tests in build/: $(cat "$tmp/ran")"
grep -q "ran [1-9][0-9]* tests in build-asan\$" "$tmp/ran" && ok || bad "ctest ran no tests in build-asan/"
grep -q "valgrind: [1-9][0-9]* passed, 0 failed" "$tmp/demo.log" && ok || bad "valgrind step ran nothing"
# scripts/demo again keeps the tests a developer has on.
(cd "$tmp/demo" && scripts/demo >/dev/null 2>&1)
[ "$(cache demo BUILD_TESTING)" = ON ] && ok || bad "scripts/demo turned an existing build's tests off"

# A build/ left with a sanitizer and without shared libraries: put back for the normal step.
fresh_copy dev
(cd "$tmp/dev" && cmake -S . -B build -DZB_SANITIZE=ON -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF >/dev/null 2>&1)
(cd "$tmp/dev" && scripts/test >"$tmp/dev.log" 2>&1) && ok || { bad "scripts/test from a developer's build/"; sed 's/^/    /' "$tmp/dev.log"; }
[ "$(cache dev ZB_SANITIZE)" = OFF ] && [ "$(cache dev BUILD_SHARED_LIBS)" = ON ] && ok ||
  bad "scripts/test kept the developer's settings in build/"

# A build/ configured for another source tree (a moved clone) is configured afresh.
fresh_copy moved
(cd "$tmp/moved" && cmake -S . -B build >/dev/null 2>&1)
mv "$tmp/moved" "$tmp/moved2"
(cd "$tmp/moved2" && scripts/test >"$tmp/moved.log" 2>&1) && ok || { bad "scripts/test in a moved clone"; sed 's/^/    /' "$tmp/moved.log"; }

# A step that finds no test fails: a tree with no unit, CLI or golden tests.
fresh_copy empty
rm -f "$tmp/empty"/tests/unit/test_*.c "$tmp/empty"/tests/cli/*.sh "$tmp/empty"/tests/golden/test_*.py \
  "$tmp/empty"/examples/c/*.c "$tmp/empty"/examples/python/*.py
rm -rf "$tmp/empty/bindings/python/tests"
(cd "$tmp/empty" && scripts/test >"$tmp/empty.log" 2>&1)
rc=$?
[ $rc != 0 ] && ok || bad "scripts/test passed with no tests at all"
grep -q "No tests were found" "$tmp/empty.log" && ok || bad "the empty run did not say so"
grep -q "valgrind: no unit tests" "$tmp/empty.log" && ok || bad "the valgrind step did not say it found nothing"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
