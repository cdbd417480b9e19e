#!/usr/bin/env bash
# What the documents cannot hold, as the program meets it: texts longer than a cell, control
# characters, font names longer than a workbook keeps, numbers in every JSON form, -0, fonts
# that are not files, NUL and UTF-32 in imported text. Each is refused with its place and
# field, or written right; never met half-way by a writer.
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
  if [ $rc -eq "$want" ]; then ok; else bad "$what: exit $rc, want $want"; sed 's/^/    /' "$tmp/stderr" | cut -c1-300; fi
}
has() { if grep -qF -- "$2" "$tmp/$1"; then ok; else bad "$1 lacks '$2'"; sed 's/^/    /' "$tmp/$1" | cut -c1-300; fi; }
lacks() { if grep -qF -- "$2" "$tmp/$1"; then bad "$1 has '$2'"; sed 's/^/    /' "$tmp/$1" | cut -c1-300; else ok; fi; }
plan=$src/examples/data/wuyi-2022.json

# A 40,000-character name: check says so, the writers refuse it naming the field (the
# input's fault: exit 1), even when forced past validation.
/usr/bin/python3 - "$tmp/long.json" <<'PY'
import json, sys
name = "指" * 40000 + "(家)"
json.dump({"format": "zhibiao/1", "title": "某县工作要点", "organ": "某县人民政府", "year": 2024,
           "categories": [{"name": "甲类", "indicators": [{"seq": 1, "name": name, "target": 10}]}]},
          open(sys.argv[1], "w"), ensure_ascii=False)
PY
expect 1 "check a 40,000-character name" -- "$cli" check "$tmp/long.json"
has stderr "the name is 40003 characters long; a workbook cell holds at most 32767 [text-too-long]"
expect 1 "table of it" -- "$cli" table "$tmp/long.json" -o "$tmp/long.xlsx"
expect 1 "table of it, forced" -- "$cli" table "$tmp/long.json" -o "$tmp/long.xlsx" --force
has stderr "indicator 1 (指指指指指指指指指指指指指指指指指指指指指指指指…): the name is 40003 characters long"
lacks stderr "libxlsxwriter"
expect 1 "breakdown of it, forced" -- "$cli" breakdown "$tmp/long.json" -o "$tmp/long.xlsx" --force
[ ! -e "$tmp/long.xlsx" ] && ok || bad "a workbook was written"
# A notice has no cell: the name is no error for it, and it is written.
expect 0 "check --for notice" -- "$cli" check --for notice "$tmp/long.json"
lacks stderr "text-too-long"
expect 0 "notice of it" -- "$cli" notice "$tmp/long.json" -o "$tmp/long.pdf" -q

# Cells made of several texts: 2,500 responsible units joined with 、 (46,389 characters), a
# duty's units likewise, a task's number and title (32,769): said by check, refused by the
# workbooks naming the field (exit 1), never libxlsxwriter's error 21 (exit 3).
/usr/bin/python3 - "$tmp" <<'PY'
import json, sys, copy
units = [f"某某某某某某某某某某某某单位{i}" for i in range(2500)]
base = {"format": "zhibiao/1", "title": "某县工作要点", "organ": "某县人民政府", "year": 2024,
        "categories": [{"name": "甲类", "indicators": [{"seq": 1, "name": "新增企业(家)", "target": 10,
                                                      "responsible": ["县经信局"]}]}]}
p = copy.deepcopy(base); p["categories"][0]["indicators"][0]["responsible"] = units
json.dump(p, open(sys.argv[1] + "/units.json", "w"), ensure_ascii=False)
p = copy.deepcopy(base); p["tasks"] = [{"number": "1", "title": "任务", "duties": [{"responsible": units}]}]
json.dump(p, open(sys.argv[1] + "/duty.json", "w"), ensure_ascii=False)
p = copy.deepcopy(base); p["tasks"] = [{"number": "12345", "title": "任" * 32762, "duties": [{"responsible": ["县经信局"]}]}]
json.dump(p, open(sys.argv[1] + "/label.json", "w"), ensure_ascii=False)
PY
expect 1 "check joined units" -- "$cli" check "$tmp/units.json"
has stderr "indicator 1 (新增企业(家)): the responsible units joined (责任单位) make a cell of 46389 characters; a workbook cell holds at most 32767 [text-too-long]"
for c in table breakdown "progress --period 2024-06" "assess --period 2024-12"; do
  # shellcheck disable=SC2086
  expect 1 "${c%% *} of joined units, forced" -- "$cli" $c "$tmp/units.json" -o "$tmp/u.xlsx" --force
  has stderr "zhibiao: $tmp/units.json:1:"
  lacks stderr "libxlsxwriter"
done
expect 1 "check a duty's joined units" -- "$cli" check "$tmp/duty.json"
has stderr "task 1 (任务): a duty's responsible units joined make a cell of 46389 characters"
expect 1 "breakdown of them, forced" -- "$cli" breakdown "$tmp/duty.json" -o "$tmp/u.xlsx" --force
lacks stderr "libxlsxwriter"
expect 1 "check a task's number and title" -- "$cli" check "$tmp/label.json"
has stderr "the number and the title make a cell of 32769 characters"
expect 1 "breakdown of it, forced" -- "$cli" breakdown "$tmp/label.json" -o "$tmp/u.xlsx" --force
lacks stderr "libxlsxwriter"
[ ! -e "$tmp/u.xlsx" ] && ok || bad "a workbook was written"
# A target of a whole cell's 32,767 characters: every workbook writes it (the explain line
# quotes its start); a unit given apart that makes "name(unit)" too long is said and refused.
/usr/bin/python3 - "$tmp" <<'PY'
import json, sys
ind = {"seq": 1, "name": "营商环境", "target": "完成" * 16383 + "务", "responsible": ["县发改局"]}
p = {"format": "zhibiao/1", "title": "某县工作要点", "year": 2024, "categories": [{"name": "甲类", "indicators": [ind]}],
     "actuals": [{"seq": 1, "period": "2024-06", "value": 1}, {"seq": 1, "period": "2024-12", "value": 1}]}
json.dump(p, open(sys.argv[1] + "/cell.json", "w"), ensure_ascii=False)
ind.update(target=10, unit="家" * 32767)
json.dump(p, open(sys.argv[1] + "/unit.json", "w"), ensure_ascii=False)
PY
for c in table breakdown "progress --period 2024-06" "assess --period 2024-12"; do
  # shellcheck disable=SC2086
  expect 0 "${c%% *} of a target of 32,767 characters" -- "$cli" $c "$tmp/cell.json" -o "$tmp/c.xlsx" -q
  expect 1 "${c%% *} of a name and a unit too long together" -- "$cli" $c "$tmp/unit.json" -o "$tmp/c.xlsx" -q --force
  has stderr "indicator 1 (营商环境): the name and its unit make a cell of 32773 characters"
  lacks stderr "libxlsxwriter"
done

# Control characters: refused where they are, by every loader.
printf '{"format": "zhibiao/1", "title": "某县\\u0007工作要点", "categories": []}' >"$tmp/bell.json"
expect 1 "a BEL in JSON" -- "$cli" check "$tmp/bell.json"
has stderr "bell.json:1:37: control character U+0007 in a text"
# "\\u0007" is a backslash and text, not a control character.
printf '{"format": "zhibiao/1", "title": "某县\\\\u0007工作要点", "categories": []}' >"$tmp/text.json"
expect 0 "an escaped backslash" -- "$cli" check "$tmp/text.json"
printf '某县2025年工作要点\n\n一、主要目标\n\n新增企业30\x01家。\n' >"$tmp/ctl.txt"
expect 1 "import with a control character" -- "$cli" import "$tmp/ctl.txt" -o "$tmp/ctl.json"
has stderr "ctl.txt:5:7: control character U+0001"
printf '某县2025年工作要点\n\n一、主要目标\n\n新增企业30\x00家。\n' >"$tmp/nul.txt"
expect 1 "import with a NUL" -- "$cli" import "$tmp/nul.txt" -o "$tmp/nul.json"
has stderr "nul.txt:5:7: NUL byte in the text"
[ ! -e "$tmp/nul.json" ] && ok || bad "a plan was written from text with a NUL"
printf '\xff\xfe\x00\x00a\x00\x00\x00' >"$tmp/u32.txt"
expect 1 "import UTF-32" -- "$cli" import "$tmp/u32.txt" -o "$tmp/u32.json"
has stderr "u32.txt:1:1: the file is UTF-32LE (by its byte-order mark)"
expect 2 "a title option with a control character" -- "$cli" table "$plan" -o "$tmp/t.xlsx" --title "$(printf 'a\tb\x01')"
has stderr "zhibiao table: --title holds the control character U+0001 (character 4)"
# Option texts are checked before anything is read: nothing but the usage error is printed,
# for the workbooks and the documents alike.
only_usage() {
  local n; n=$(wc -l <"$tmp/stderr")
  if [ "$n" -eq 2 ] && grep -q "^Try 'zhibiao" "$tmp/stderr"; then ok; else bad "more than the usage error on stderr:"; sed 's/^/    /' "$tmp/stderr" | cut -c1-200; fi
}
only_usage
tonglu=$src/examples/data/tonglu-2024.json actuals=$src/examples/data/tonglu-2024-actuals.csv
expect 2 "a bulletin title with a control character" -- "$cli" bulletin "$tonglu" "$actuals" --period 2024-06 -o "$tmp/b.pdf" --title "$(printf 'a\x01')"
has stderr "zhibiao bulletin: --title holds the control character U+0001"
only_usage
expect 2 "a 发文字号 that is not UTF-8" -- "$cli" bulletin "$tonglu" "$actuals" --period 2024-06 -o "$tmp/b.pdf" --doc-number "$(printf '\xff')"
has stderr "zhibiao bulletin: --doc-number is not UTF-8 text (byte 1)"
only_usage
expect 2 "a breakdown title with DEL" -- "$cli" breakdown "$tonglu" -o "$tmp/b.xlsx" --title "$(printf 'a\x7f')"
only_usage
expect 2 "a progress title with a C1 control" -- "$cli" progress "$tonglu" "$actuals" --period 2024-06 -o "$tmp/p.xlsx" --title "$(printf '\xc2\x85')"
has stderr "U+0085"
only_usage
expect 2 "a label longer than a cell" -- "$cli" table "$tonglu" -o "$tmp/t.xlsx" --label "$(printf '%32768s' '' | tr ' ' x)"
has stderr "--label is 32768 characters long; a workbook cell holds at most 32767"
only_usage
[ ! -e "$tmp/b.pdf" ] && [ ! -e "$tmp/b.xlsx" ] && [ ! -e "$tmp/p.xlsx" ] && ok || bad "a document was written"
expect 0 "a title with a tab and a line feed" -- "$cli" table "$plan" -o "$tmp/t.xlsx" --title "$(printf 'a\tb\nc')"

# Font names: a workbook keeps 127 bytes; a longer one is refused, not cut mid-character.
long_font=$(printf '仿%.0s' $(seq 50))
expect 2 "a 150-byte font name" -- "$cli" table "$plan" -o "$tmp/f.xlsx" --font-body "$long_font"
has stderr "zhibiao table: --font-body is 150 bytes long; a workbook keeps a font name of at most 127 bytes"
only_usage
font42=$(printf '仿%.0s' $(seq 42))
expect 0 "a 126-byte font name" -- "$cli" table "$plan" -o "$tmp/f.xlsx" --font-body "$font42"
unzip -p "$tmp/f.xlsx" xl/styles.xml | grep -qF "$font42" && ok || bad "the font name was not kept whole"

# Numbers in every JSON form are numbers; -0 is 0.
cat >"$tmp/numbers.json" <<'JSON'
{"format": "zhibiao/1", "year": 2024, "categories": [{"name": "甲类", "indicators": [
  {"seq": 1, "name": "地区生产总值(元)", "target": 1e+15},
  {"seq": 2, "name": "单位能耗(吨标煤)", "target": 1e-5},
  {"seq": 3, "name": "新增企业(家)", "target": 1E3},
  {"seq": 4, "name": "事故起数(起)", "target": -0, "direction": "lower"},
  {"seq": 5, "name": "新增就业(人)", "target": 2.5e2}]}]}
JSON
expect 0 "check numbers in every form" -- "$cli" check "$tmp/numbers.json"
lacks stderr "target-not-number"
has stderr "0 errors, 0 warnings"
expect 0 "table of them" -- "$cli" table "$tmp/numbers.json" -o "$tmp/n.xlsx"
unzip -p "$tmp/n.xlsx" xl/sharedStrings.xml xl/worksheets/sheet1.xml >"$tmp/cells"
for v in 1000000000000000 "(0.00001|1E-05)" 1000 250; do grep -qE ">$v<" "$tmp/cells" && ok || bad "no cell reads $v"; done
grep -qE '>-0<|e\+|e-0|E\+|INF|inf<' "$tmp/cells" && bad "a cell holds -0 or an exponent: $(grep -oE '>[^<]*(-0|e\+|E\+|INF)[^<]*<' "$tmp/cells" | head -3)" || ok

# A target written in a table as a number beyond what a plan holds: check names it, and no
# document is written from it.
printf '序号,指标名称,目标值\n1,地区生产总值(元),100000000000000000000\n' >"$tmp/huge.csv"
expect 1 "check a huge target" -- "$cli" check "$tmp/huge.csv"
has stderr "huge.csv:2: error: indicator 1 (地区生产总值(元)): the target 100000000000000000000 is beyond the numbers a plan holds"
expect 1 "table of it" -- "$cli" table "$tmp/huge.csv" -o "$tmp/huge.xlsx"

# Which loader: the name when it says, else the content; anything else is told the forms.
printf '序号,指标名称,目标值\n1,新增企业(家),5\n' >"$tmp/plan.dat"
expect 0 "a table under another name" -- "$cli" check "$tmp/plan.dat"
expect 0 "a table on standard input" -- sh -c "\"$cli\" check - <\"$tmp/plan.dat\""
printf 'title: 某县工作要点\n' >"$tmp/plan.yaml"
expect 1 "YAML" -- "$cli" table "$tmp/plan.yaml" -o "$tmp/y.xlsx"
has stderr "plan.yaml: not a JSON plan (it begins \"title: 某县工作要点\"); zhibiao reads a plan as zhibiao/1 JSON"
cp "$tmp/n.xlsx" "$tmp/wb.xlsx"
expect 1 "a workbook as a plan" -- "$cli" check "$tmp/wb.xlsx"
has stderr "wb.xlsx: not a plan but a zip file (an Excel workbook?)"

# Fonts that are not files: refused at once, not read for ever.
mkfifo "$tmp/fifo.ttf"
printf '{"body": "%s"}' "$tmp/fifo.ttf" >"$tmp/fifo.json"
expect 1 "a FIFO as a font" -- timeout 20 "$cli" notice "$plan" -o "$tmp/f.pdf" --fonts "$tmp/fifo.json"
has stderr "fifo.ttf: is a FIFO, not a font file"
printf '{"body": "/dev/zero"}' >"$tmp/zero.json"
expect 1 "/dev/zero as a font" -- timeout 20 "$cli" notice "$plan" -o "$tmp/f.pdf" --fonts "$tmp/zero.json"
has stderr "/dev/zero: is a device, not a font file"
# A plan from /dev/zero stops at the size limit.
expect 1 "a plan from /dev/zero" -- timeout 60 "$cli" check /dev/zero
has stderr "/dev/zero: more than 256 MB: too large to be read"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
