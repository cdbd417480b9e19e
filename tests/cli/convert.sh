#!/usr/bin/env bash
# zhibiao convert: a plan kept as a table (no title, organ or dates) made a whole plan with the
# metadata given on the command line, so that notice and bulletin take it, also through a pipe.
set -u
cli=$1
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
absent() { [ ! -e "$1" ] && ok || bad "$1 was written"; }
field() { /usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps(d.get(sys.argv[2]), ensure_ascii=False))' "$1" "$2"; }
same() { if [ "$1" = "$2" ]; then ok; else bad "$3: '$1', want '$2'"; fi; }

printf '序号,类别,指标名称,2025年目标值,责任单位\n1,甲类,规上工业增加值(亿元),450,县经信局\n2,,新增企业(家),10,县经信局\n' >"$tmp/t.csv"

# Every field given lands in the plan, lists split outside brackets.
expect 0 "convert with metadata" -- "$cli" convert "$tmp/t.csv" -o "$tmp/p.json" --title "某县2025年主要指标" \
  --organ 某县人民政府 --doc-number "某政发〔2025〕3号" --date 2025-03-01 \
  --recipients "各乡镇人民政府、各县（市、区）人民政府,县政府各部门" --copy-to "县委；县人大" \
  --printer 某县人民政府办公室 --printed 2025年3月2日 --note "（此件公开发布）" --signature 某县人民政府
same "$(field "$tmp/p.json" title)" '"某县2025年主要指标"' title
same "$(field "$tmp/p.json" organ)" '"某县人民政府"' organ
same "$(field "$tmp/p.json" doc_number)" '"某政发〔2025〕3号"' doc_number
same "$(field "$tmp/p.json" date)" '"2025-03-01"' date
same "$(field "$tmp/p.json" printed)" '"2025-03-02"' printed
same "$(field "$tmp/p.json" recipients)" '["各乡镇人民政府", "各县（市、区）人民政府", "县政府各部门"]' recipients
same "$(field "$tmp/p.json" copy_to)" '["县委", "县人大"]' copy_to
same "$(field "$tmp/p.json" note)" '"（此件公开发布）"' note
# The table's indicators are all there.
n=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(len(c["indicators"]) for c in d["categories"]))' "$tmp/p.json")
same "$n" 2 "indicators"

# The notice writes it with no finding to refuse; the CSV alone is refused.
expect 0 "notice of the converted plan" -- "$cli" notice "$tmp/p.json" -o "$tmp/n.pdf" -q
[ -s "$tmp/n.pdf" ] && ok || bad "n.pdf not written"
txt=$(pdftotext "$tmp/n.pdf" - 2>/dev/null | tr -d ' \n')
case "$txt" in *某县人民政府文件*某政发〔2025〕3号*) ok ;; *) bad "the notice lacks its 版头 and 文号" ;; esac
expect 1 "notice of the table alone" -- "$cli" notice "$tmp/t.csv" -o "$tmp/m.pdf"
absent "$tmp/m.pdf"

# Through a pipe: convert -o - | notice -.
"$cli" convert "$tmp/t.csv" -o - --title 标题 --organ 某县人民政府 --date 2025-03-01 2>/dev/null |
  "$cli" notice - -o "$tmp/piped.pdf" -q 2>"$tmp/stderr"
[ -s "$tmp/piped.pdf" ] && ok || { bad "the piped notice was not written"; cat "$tmp/stderr"; }

# Bad values: usage errors before anything is read (exit 2), a date that does not exist and a
# missing file are input errors (exit 1); nothing written.
expect 2 "a date in another form" -- "$cli" convert "$tmp/t.csv" -o "$tmp/x.json" --date 2025/3/1
has stderr "--date: not a date: '2025/3/1' (write 2024-05-31 or 2024年5月31日)"
absent "$tmp/x.json"
expect 1 "a date that does not exist" -- "$cli" convert "$tmp/t.csv" -o "$tmp/x.json" --date 2025-02-30
has stderr "2025-02-30 does not exist"
absent "$tmp/x.json"
expect 2 "a control character" -- "$cli" convert "$tmp/t.csv" -o "$tmp/x.json" --organ $'某县\x01政府'
has stderr "--organ holds the control character U+0001"
expect 2 "another format's name" -- "$cli" convert "$tmp/t.csv" -o "$tmp/x.pdf"
expect 2 "no output" -- "$cli" convert "$tmp/t.csv"
expect 1 "a missing plan" -- "$cli" convert "$tmp/none.csv" -o "$tmp/x.json"
has stderr "cannot open"
absent "$tmp/x.json"

# --json: the summary names what was written.
expect 0 "convert --json" -- "$cli" convert "$tmp/t.csv" -o "$tmp/j.json" --organ 某县人民政府 --json
has stdout '"command": "convert"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
