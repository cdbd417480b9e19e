#!/usr/bin/env bash
# What the writers to memory put on the disk, seen with strace: the C example to_memory
# (plan, fonts and seal from bytes; the target table and the notice to bytes) opens no file
# for writing except libxlsxwriter's scratch, in the folder the caller chose (ZB_SCRATCH
# → the scratch_dir option, else TMPDIR), and leaves nothing behind. The notice alone opens
# nothing for writing. An unusable scratch folder is named with what chose it.
set -u
cli=$1
bin=${ZB_BINARY_DIR:?ZB_BINARY_DIR is not set}
src=${ZB_SOURCE_DIR:?ZB_SOURCE_DIR is not set}
example=$bin/examples/example_to_memory
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
if ! command -v strace >/dev/null; then
  echo "strace is not installed (Debian: strace): skipped"; echo "0 passed, 0 failed"; exit 0
fi
if ! strace -f -o /dev/null true 2>/dev/null; then
  echo "strace cannot trace here (no ptrace): skipped"; echo "0 passed, 0 failed"; exit 0
fi

# LeakSanitizer cannot run under ptrace: the traced runs of a sanitized build check the rest.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
sanitized=0
ldd "$example" 2>/dev/null | grep -q 'libasan' && sanitized=1

# Every open for writing or creating, and every file made, renamed or removed.
writes() {
  grep -E 'openat\(.*O_(WRONLY|RDWR|CREAT)|mkdir\(|rename\(|unlink\(|rmdir\(' "$1" | grep -v ' = -1 '
}

mkdir "$tmp/scratch" "$tmp/tmpdir"
ZB_SCRATCH=$tmp/scratch TMPDIR=$tmp/tmpdir strace -f -e trace=openat,open,creat,mkdir,rename,unlink,rmdir \
  -o "$tmp/trace" "$example" "$src/examples/data" >"$tmp/out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q "notice: .* bytes, sealed" "$tmp/out"; then ok; else bad "to_memory: exit $rc"; cat "$tmp/out"; fi
writes "$tmp/trace" >"$tmp/writes"
if [ -s "$tmp/writes" ]; then ok; else bad "the workbook's scratch files do not show in the trace"; fi
# Nothing outside the chosen folder; within it, the private folder and libxlsxwriter's files.
outside=$(grep -v "\"$tmp/scratch/" "$tmp/writes")
if [ -z "$outside" ]; then ok; else bad "written outside the scratch folder:"; echo "$outside"; fi
if grep -q "zhibiao-font-\|\.pdf" "$tmp/writes"; then bad "a font subset or a PDF touched the disk"; grep "font\|pdf" "$tmp/writes"; else ok; fi
if grep -q "\"$tmp/scratch/zhibiao-buffer-[^/\"]*/\.target-table\.xlsx" "$tmp/writes" &&
   grep -q "\"$tmp/scratch/tmp\.[^/\"]*\", O_RDWR|O_CREAT|O_EXCL" "$tmp/writes"; then ok
else bad "expected the workbook and libxlsxwriter's parts in the scratch folder:"; cat "$tmp/writes"; fi
left=$(find "$tmp/scratch" "$tmp/tmpdir" -mindepth 1)
if [ -z "$left" ]; then ok; else bad "left behind: $left"; fi

# The notice alone: no file opened for writing at all, even with no usable TMPDIR.
cat >"$tmp/notice.c" <<'C'
#include <stdio.h>
#include "zhibiao.h"
int main(int argc, char **argv)
{
    zb_plan *plan = zb_plan_new();
    zb_fontset *fonts = zb_fontset_new();
    char *pdf = NULL;
    size_t len = 0;
    zb_error err;
    if (zb_json_load(plan, argv[1]) || zb_fontset_load_defaults(fonts) ||
        zb_pdf_notice_to_buffer(plan, fonts, NULL, &pdf, &len, NULL, &err)) {
        fprintf(stderr, "failed: %s\n", err.message);
        return 1;
    }
    printf("%zu\n", len);
    zb_free(pdf);
    zb_fontset_free(fonts);
    zb_plan_free(plan);
    return argc > 2;
}
C
if [ $sanitized = 1 ]; then
  echo "the notice check needs a program linked like the library: skipped in a sanitized build"
elif cc -I"$src/include" "$tmp/notice.c" -L"$bin/lib" -lzhibiao -Wl,-rpath,"$bin/lib" -o "$tmp/notice" 2>"$tmp/cc"; then
  TMPDIR=/nonexistent strace -f -e trace=openat,open,creat,mkdir,rename,unlink -o "$tmp/trace2" \
    "$tmp/notice" "$src/examples/data/wuyi-2022.json" >"$tmp/out2" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then ok; else bad "notice to memory with TMPDIR=/nonexistent: exit $rc"; cat "$tmp/out2"; fi
  w=$(writes "$tmp/trace2")
  if [ -z "$w" ]; then ok; else bad "the notice to memory wrote:"; echo "$w"; fi
else
  echo "no C compiler for the notice check (sanitizer build?):"; head -3 "$tmp/cc"
fi

# An unusable scratch folder is named, with what chose it.
ZB_SCRATCH= TMPDIR=/nonexistent "$example" "$src/examples/data" >"$tmp/out3" 2>&1
if grep -q "^TMPDIR=/nonexistent: cannot hold temporary files: No such file or directory$" "$tmp/out3"; then ok
else bad "TMPDIR=/nonexistent:"; cat "$tmp/out3"; fi
ZB_SCRATCH=$tmp/none "$example" "$src/examples/data" >"$tmp/out4" 2>&1
if grep -q "^$tmp/none (the scratch_dir option): cannot hold temporary files" "$tmp/out4"; then ok
else bad "scratch_dir $tmp/none:"; cat "$tmp/out4"; fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
