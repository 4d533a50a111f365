#!/usr/bin/env bats
#
# scripts/juesuan-archive: a folder of documents into a folder of outputs,
# in parallel, again only for what changed, safe against kills and a second
# run; and scripts/juesuan-yoy, which it runs.  Most tests use small
# narrative notes (no tables, so no checks, so status 0 whatever reconcile
# learns next); the year-over-year tests use two years made from the seed
# with sed, and handmade outputs in fixtures/archive/yoy.

load test_helper

# note FILE [TEXT]: a small text document without tables.
note() {
	mkdir -p -- "$(dirname -- "$1")"
	printf '测试文本\n\n### 一、情况说明\n\n%s\n' "${2:-这是一个用于测试的文件。}" >"$1"
}

# seed_years DIR: DIR/wuhan-hrss-2023.txt and DIR/wuhan-hrss-2024.txt, the
# seed as year 2024 and, for 2023, the seed a year earlier whose totals
# read 1,466.86 instead of 1,731.95 (as the 2024 narrative says: +265.09,
# +18.1%).
seed_years() {
	mkdir -p -- "$1"
	cp -- "$SEED" "$1/wuhan-hrss-2024.txt"
	sed -e 's/2023/2022/g; s/2024/2023/g; s/2025/2024/g' \
	    -e 's/1, 731\. 95/1, 466. 86/g; s/1,731\.95/1,466.86/g; s/1, 731\. 9/1, 466. 8/g' \
	    "$SEED" >"$1/wuhan-hrss-2023.txt"
}

# csv2tsv: CSV on stdin to one TAB-separated line per record; backslash,
# TAB, CR and LF inside a field become \\ \t \r \n.
csv2tsv() {
	awk '
	{ buf = buf $0 "\n" }
	END {
		n = length(buf); f = ""; q = 0
		for (i = 1; i <= n; i++) {
			c = substr(buf, i, 1)
			if (q && c == "\"") {
				if (substr(buf, i + 1, 1) == "\"") { f = f c; i++ } else q = 0
			} else if (!q && c == "\"") q = 1
			else if (!q && c == ",") { printf "%s\t", f; f = "" }
			else if (!q && c == "\n") { printf "%s\n", f; f = "" }
			else if (c == "\n") f = f "\\n"
			else if (c == "\r") f = f "\\r"
			else if (c == "\t") f = f "\\t"
			else if (c == "\\") f = f "\\\\"
			else f = f c
		}
	}'
}

# field CSV DOC COLUMN: the COLUMN of the row of document DOC (escaped).
field() {
	csv2tsv <"$1" | D=$2 C=$3 awk -F '\t' '
	NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$1 == ENVIRON["D"] { print $col[ENVIRON["C"]] }'
}

# complete DIR: every document folder in DIR has its four CSVs and stamp.
complete() {
	local d f n=0
	for d in "$1"/*/; do
		for f in facts.csv checks.csv scores.csv claims.csv .juesuan-stamp; do
			[ -f "$d$f" ] || fail "incomplete document: $d lacks $f"
		done
		n=$((n + 1))
	done
	echo "$n"
}

inode() { stat -c %i -- "$1"; }

@test "juesuan-archive without two folders is a usage error" {
	run -2 --separate-stderr juesuan-archive "$BATS_TEST_TMPDIR"
	assert_output ""
	[ "${stderr_lines[0]}" = "juesuan-archive: need a source folder and an output folder" ]
	[ "${stderr_lines[1]}" = "usage: juesuan-archive [-f] [-j jobs] [-n docs] [--no-wait] [-S login] [--slf file] src_dir out_dir" ]
}

@test "juesuan-archive refuses an unknown option and a bad number with status 2" {
	run -2 --separate-stderr juesuan-archive -x a b
	[ "${stderr_lines[0]}" = "juesuan-archive: unknown option '-x'" ]
	run -2 --separate-stderr juesuan-archive -j 0 a b
	[ "${stderr_lines[0]}" = "juesuan-archive: not a positive number: '0'" ]
	run -2 --separate-stderr juesuan-archive "$BATS_TEST_TMPDIR/absent" "$BATS_TEST_TMPDIR/out"
	[ "${stderr_lines[0]}" = "juesuan-archive: cannot read '$BATS_TEST_TMPDIR/absent': not a folder" ]
}

@test "juesuan-archive makes each document as juesuan -o does, and writes summary.csv and run.log" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out ref=$BATS_TEST_TMPDIR/ref
	note "$src/a.txt"
	note "$src/2024/b.txt" "第二个文件。"
	run -0 --separate-stderr juesuan-archive "$src" "$out"
	assert_output ""
	[ -z "$stderr" ]
	run -0 juesuan -o "$ref" "$src/a.txt" "$src/2024/b.txt"
	run -0 diff -r -x .juesuan-stamp "$ref/a" "$out/a"
	run -0 diff -r -x .juesuan-stamp "$ref/b" "$out/b"
	run -0 cat "$out/summary.csv"
	assert_line --index 0 "doc,source,sha256,unit,year,kind,tables,pass,rounding,fail,unverifiable,score,status,seconds"
	assert_line --index 1 --regexp "^a,a\\.txt,$(sha256sum <"$src/a.txt" | cut -c1-64),,,,0,0,0,0,0,100\\.00,ok,[0-9]+\\.[0-9]{3}\$"
	assert_line --index 2 --regexp '^b,2024/b\.txt,[0-9a-f]{64},,,,0,0,0,0,0,100\.00,ok,'
	[ "${#lines[@]}" -eq 3 ]
	run -0 cat "$out/run.log"
	assert_line --index 0 --regexp "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z run [0-9]+ start: $src -> $out\$"
	assert_line --regexp '^[0-9TZ:-]{20} doc a ok [0-9.]+s \(a\.txt\)$'
	assert_line --regexp ' run [0-9]+ end: status 0, 2 found, 2 made \(0 with problems\), 0 unchanged, 0 failed, [0-9.]+s$'
	run -0 cat "$out/yoy-checks.csv"
	assert_output "doc,rule,table,status,lhs,rhs,diff,tolerance,cells,message"
	run -0 head -2 "$out/a/.juesuan-stamp"
	assert_line --index 0 "juesuan-archive-stamp 1"
	assert_line --index 1 "sha256 $(sha256sum <"$src/a.txt" | cut -c1-64)"
}

@test "a second run over unchanged documents makes nothing and leaves the outputs as they were" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out i
	for i in 1 2 3 4 5; do note "$src/doc$i.txt" "第$i个。"; done
	run -0 juesuan-archive "$src" "$out"
	local before sum
	before=$(inode "$out/doc1"):$(inode "$out/doc5")
	sum=$(cat "$out/summary.csv")
	run -0 --separate-stderr juesuan-archive "$src" "$out"
	assert_output ""
	[ -z "$stderr" ]
	[ "$(inode "$out/doc1"):$(inode "$out/doc5")" = "$before" ]
	[ "$(cat "$out/summary.csv")" = "$sum" ]
	run -0 tail -1 "$out/run.log"
	assert_output --regexp 'end: status 0, 5 found, 0 made \(0 with problems\), 5 unchanged, 0 failed'
	run -0 grep -c ' doc ' "$out/run.log"
	assert_output 5
}

@test "a changed document alone is made again" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out
	note "$src/a.txt"
	note "$src/b.txt" "第二个。"
	run -0 juesuan-archive "$src" "$out"
	local a b
	a=$(inode "$out/a") b=$(inode "$out/b")
	note "$src/b.txt" "第二个，改了。"
	run -0 juesuan-archive "$src" "$out"
	[ "$(inode "$out/a")" = "$a" ]
	[ "$(inode "$out/b")" != "$b" ]
	# the last two lines but the filters' messages (these notes hold no table)
	run -0 bash -c 'grep -v " message: " "$1" | tail -2' _ "$out/run.log"
	assert_line --index 0 --regexp ' doc b ok '
	assert_line --index 1 --regexp 'end: status 0, 2 found, 1 made .*, 1 unchanged, 0 failed'
	run -0 field "$out/summary.csv" b sha256
	assert_output "$(sha256sum <"$src/b.txt" | cut -c1-64)"
}

@test "a document stamped by another tool version is made again, and -f makes every one again" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out
	note "$src/a.txt"
	note "$src/b.txt" "第二个。"
	run -0 juesuan-archive "$src" "$out"
	sed -i '3s/.*/version juesuan-archive 0.0.1/' "$out/a/.juesuan-stamp"
	run -0 juesuan-archive "$src" "$out"
	run -0 tail -1 "$out/run.log"
	assert_output --regexp '2 found, 1 made .*, 1 unchanged'
	run -0 juesuan-archive -f "$src" "$out"
	run -0 tail -1 "$out/run.log"
	assert_output --regexp '2 found, 2 made .*, 0 unchanged'
}

@test "a PDF goes through pdftotext and keeps its base name as document id" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out
	mkdir -p "$src"
	cp "$FIX/archive/note.pdf" "$src/Note Doc.PDF"
	run -0 juesuan-archive "$src" "$out"
	[ -f "$out/Note Doc/facts.csv" ]
	run -0 field "$out/summary.csv" "Note Doc" status
	assert_output ok
	run -0 field "$out/summary.csv" "Note Doc" source
	assert_output "Note Doc.PDF"
}

@test "a document that cannot be made fails alone: reported on stderr, the others made, status 2" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out
	note "$src/good.txt"
	note "$src/more.txt" "第二个。"
	printf 'not a PDF at all\n' >"$src/broken.pdf"
	run -2 --separate-stderr juesuan-archive -n 3 "$src" "$out"
	assert_output ""
	[ "${stderr_lines[0]}" = "juesuan-archive: 'broken.pdf': pdftotext cannot read it" ]
	[ -f "$out/good/facts.csv" ] && [ -f "$out/more/facts.csv" ]
	[ ! -e "$out/broken" ]
	run -0 field "$out/summary.csv" broken status
	assert_output failed
	run -0 field "$out/summary.csv" good status
	assert_output ok
	run -0 tail -1 "$out/run.log"
	assert_output --regexp 'end: status 2, 3 found, 2 made .*, 0 unchanged, 1 failed'
	# a failed document is tried again on the next run
	run -2 --separate-stderr juesuan-archive "$src" "$out"
	[ "${stderr_lines[0]}" = "juesuan-archive: 'broken.pdf': pdftotext cannot read it" ]
	rm "$src/broken.pdf"
	run -0 juesuan-archive "$src" "$out"
}

@test "a second file with a document id already taken fails, and the first goes through" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out
	note "$src/a/same.txt"
	note "$src/b/same.txt" "别的。"
	note "$src/run.log.txt"
	run -2 --separate-stderr juesuan-archive "$src" "$out"
	[ "${stderr_lines[0]}" = "juesuan-archive: 'b/same.txt': document id 'same' is already that of 'a/same.txt'" ]
	[ "${stderr_lines[1]}" = "juesuan-archive: 'run.log.txt': document id 'run.log' is reserved for the archive's own files" ]
	[ -f "$out/same/facts.csv" ]
	[ -f "$out/run.log" ] && [ ! -d "$out/run.log" ]
	run -0 field "$out/summary.csv" same source
	assert_line --index 0 "a/same.txt"
	assert_line --index 1 "b/same.txt"
}

@test "hostile file names go through find -print0, parallel, the outputs and the summary" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out n
	local -a names=('a b' $'new\nline' '-dash' "q'uote" 'd"quote' '中文 文件' 'back\slash'
		$'tab\there' '$(touch pwned)' '`touch pwned`' 'semi;colon' 'star*' '[x]' ' lead' 'trail '
		$'ends in a line feed\n' '-')
	mkdir -p "$src/sub dir" "$src/-n"
	for n in "${names[@]}"; do note "$src/sub dir/$n.txt" "$n"; done
	note "$src/-n/-e.txt"
	cd "$BATS_TEST_TMPDIR"
	run -0 --separate-stderr juesuan-archive -n 3 -- "$src" "$out"
	[ -z "$stderr" ]
	[ ! -e "$BATS_TEST_TMPDIR/pwned" ] && [ ! -e "$out/pwned" ] && [ ! -e "$src/pwned" ]
	for n in "${names[@]}" -e; do
		[ -f "$out/$n/facts.csv" ] || fail "no outputs for '$n'"
		[ -f "$out/$n/.juesuan-stamp" ] || fail "no stamp for '$n'"
	done
	run -0 complete "$out"
	assert_output $((${#names[@]} + 1))
	run -0 field "$out/summary.csv" $'new\\nline' source
	assert_output 'sub dir/new\nline.txt'
	run -0 field "$out/summary.csv" 'back\\slash' status
	assert_output ok
	run -0 field "$out/summary.csv" '-e' source
	assert_output '-n/-e.txt'
	# and nothing to do the second time
	run -0 juesuan-archive -- "$src" "$out"
	run -0 tail -1 "$out/run.log"
	assert_output --regexp "$((${#names[@]} + 1)) found, 0 made .*, $((${#names[@]} + 1)) unchanged, 0 failed"
}

@test "a run killed with SIGKILL leaves only complete documents, and the next run finishes the rest" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out i pid pg n=0
	for i in $(seq -w 1 40); do note "$src/doc$i.txt" "第$i个。"; done
	setsid juesuan-archive -j 1 -n 1 "$src" "$out" </dev/null >/dev/null 2>&1 3>&- &
	pid=$!
	for i in $(seq 300); do
		n=$(find "$out" -mindepth 1 -maxdepth 1 -name 'doc*' 2>/dev/null | wc -l)
		[ "$n" -lt 3 ] || break
		sleep 0.02
	done
	# setsid made the run a process group of its own: kill all of it
	pg=$(awk '{ print $5 }' "/proc/$pid/stat")
	kill -9 -- "-$pg"
	wait "$pid" || true
	[ "$n" -lt 40 ] || skip "the run ended before it could be killed"
	run -0 complete "$out"
	[ "$output" -lt 40 ]
	[ ! -e "$out/summary.csv" ]
	run -0 --separate-stderr juesuan-archive "$src" "$out"
	[ -z "$stderr" ]
	run -0 complete "$out"
	assert_output 40
	run -0 find "$out" -maxdepth 1 -name '.tmp.*'
	assert_output ""
	run -0 tail -1 "$out/run.log"
	assert_output --regexp 'end: status 0, 40 found, [0-9]+ made \(0 with problems\), [0-9]+ unchanged, 0 failed'
	[ "$(($(wc -l <"$out/summary.csv") - 1))" -eq 40 ]
}

@test "stale temporaries of a killed run are removed at the start of the next" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out
	note "$src/a.txt"
	mkdir -p "$out/.tmp.4242/job.x/out/a"
	: >"$out/.tmp.4242/job.x/out/a/facts.csv"
	run -0 juesuan-archive "$src" "$out"
	[ ! -e "$out/.tmp.4242" ]
	[ -f "$out/a/.juesuan-stamp" ]
}

@test "a second run waits for the run that holds the lock, or with --no-wait refuses with status 2" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out i pid
	for i in $(seq -w 1 30); do note "$src/doc$i.txt" "第$i个。"; done
	juesuan-archive -j 1 -n 1 "$src" "$out" </dev/null >/dev/null 2>&1 3>&- &
	pid=$!
	for i in $(seq 500); do
		compgen -G "$out/.tmp.*" >/dev/null && break
		sleep 0.01
	done
	run -2 --separate-stderr juesuan-archive --no-wait "$src" "$out"
	assert_output ""
	[ "$stderr" = "juesuan-archive: another run is writing in '$out' (it holds '$out/.lock'); not waiting" ]
	run -0 --separate-stderr juesuan-archive "$src" "$out"
	[ -z "$stderr" ]
	wait "$pid"
	# the waiting run started when the first had ended, and found it all done
	run -0 grep -E ' run [0-9]+ (start|end)' "$out/run.log"
	[ "${#lines[@]}" -eq 4 ]
	assert_line --index 1 --regexp 'end: status 0, 30 found, 30 made'
	assert_line --index 2 --regexp 'start: '
	assert_line --index 3 --regexp 'end: status 0, 30 found, 0 made .*, 30 unchanged'
}

@test "jobs go to the logins given with -S and --slf (here the local computer, ':')" {
	local src=$BATS_TEST_TMPDIR/src i
	for i in 1 2 3 4; do note "$src/doc$i.txt" "第$i个。"; done
	run -0 juesuan-archive -S 2/: -n 1 "$src" "$BATS_TEST_TMPDIR/out1"
	run -0 complete "$BATS_TEST_TMPDIR/out1"
	assert_output 4
	printf '# this computer\n1/:\n' >"$BATS_TEST_TMPDIR/logins"
	run -0 juesuan-archive --slf "$BATS_TEST_TMPDIR/logins" "$src" "$BATS_TEST_TMPDIR/out2"
	run -0 complete "$BATS_TEST_TMPDIR/out2"
	assert_output 4
}

@test "the year-over-year claims of year N are checked against year N-1 into yoy-checks.csv" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out ref=$BATS_TEST_TMPDIR/ref
	seed_years "$src"
	# the archive's status is the worst of its documents' (what juesuan
	# says of them) and of its new year-over-year failures
	local st=0 yst=0
	juesuan -o "$ref" "$src/wuhan-hrss-2023.txt" "$src/wuhan-hrss-2024.txt" 2>/dev/null || st=$?
	juesuan-yoy "$ref" >/dev/null || yst=$?
	[ "$st" -le 1 ] && [ "$yst" -le 1 ]
	run -"$((st > yst ? st : yst))" juesuan-archive "$src" "$out"
	run -0 cut -d, -f1-8 "$out/yoy-checks.csv"
	assert_line --index 0 "doc,rule,table,status,lhs,rhs,diff,tolerance"
	assert_line "wuhan-hrss-2024,Y.1,F01,pass,265.09,265.09,0.00,0.01"
	assert_line "wuhan-hrss-2024,Y.2,F01,pass,18.1,18.1,0.00,0.005"
	refute_line --partial "wuhan-hrss-2023,"
	run -0 grep -F 'wuhan-hrss-2024,Y.1,F01,pass,265.09' "$out/yoy-checks.csv"
	assert_output --partial 'wuhan-hrss-2023:F01[收入总计].收入决算数@'
	assert_output --partial '1731.95 (2024) - 1466.86 (2023) = 265.09'
	# the same from juesuan-yoy over the juesuan -o outputs
	run -"$yst" juesuan-yoy "$ref"
	[ "$output" = "$(cat "$out/yoy-checks.csv")" ]
}

@test "a new failing year-over-year check makes the status 1, the same one on the next run does not" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out
	note "$src/note-2023.txt" "收、支总计均为 100.00 万元。"
	note "$src/note-2024.txt" "收、支总计均为 120.00 万元。与上年相比,收、支总计增加 30.00 万元,增长 20.0%。"
	run -1 --separate-stderr juesuan-archive "$src" "$out"
	[ -z "$stderr" ]
	run -0 cut -d, -f1-8 "$out/yoy-checks.csv"
	assert_line --index 1 "note-2024,Y.1,,fail,30.00,20.00,10.00,0.01"
	assert_line --index 2 "note-2024,Y.2,,pass,20.0,20.0,0.00,0.005"
	run -0 juesuan-archive "$src" "$out"
	run -0 tail -1 "$out/run.log"
	assert_output --regexp 'end: status 0, '
	note "$src/note-2024.txt" "收、支总计均为 120.00 万元。与上年相比,收、支总计增加 20.00 万元,增长 20.0%。"
	run -0 juesuan-archive "$src" "$out"
	run -0 cut -d, -f1-4 "$out/yoy-checks.csv"
	assert_line --index 1 "note-2024,Y.1,,pass"
}

@test "juesuan-yoy checks changes and rates: pass, rounding, fail, unverifiable" {
	run -1 juesuan-yoy "$FIX/archive/yoy"
	assert_output "$(cat "$FIX/archive/yoy.out")"
	# one document's folders, pooled, give the same checks
	run -1 juesuan-yoy "$FIX/archive/yoy/unit-2023" "$FIX/archive/yoy/unit-2024" "$FIX/archive/yoy/other-2023"
	assert_output "$(cat "$FIX/archive/yoy.out")"
	# a year alone has nothing to be checked against
	run -0 juesuan-yoy "$FIX/archive/yoy/unit-2024"
	assert_output "doc,rule,table,status,lhs,rhs,diff,tolerance,cells,message"
}

@test "juesuan-yoy refuses a missing folder and an unknown option with status 2" {
	run -2 --separate-stderr juesuan-yoy "$BATS_TEST_TMPDIR/absent"
	[ "$stderr" = "juesuan-yoy: cannot read '$BATS_TEST_TMPDIR/absent': not a folder" ]
	run -2 --separate-stderr juesuan-yoy -q "$BATS_TEST_TMPDIR"
	[ "${stderr_lines[0]}" = "juesuan-yoy: unknown option '-q'" ]
}

@test "make install puts the scripts and their pages under DESTDIR, the crontab line runs them, and make uninstall removes them" {
	local root=$BATS_TEST_TMPDIR/root src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out f
	# -o all: install what is built, do not build here
	run -0 make -s -C "$TOP" -o all install PREFIX=/usr/local DESTDIR="$root"
	for f in juesuan juesuan-archive juesuan-diff parse-pdf-text emit-csv; do
		[ -x "$root/usr/local/bin/$f" ] || fail "$f is not installed"
	done
	for f in juesuan-archive juesuan-diff; do
		[ -f "$root/usr/local/share/man/man1/$f.1" ] || fail "$f.1 is not installed"
	done
	[ -x "$root/usr/local/bin/juesuan-yoy" ] ||
		skip "the Makefile does not install juesuan-yoy yet (SCRIPTS)"
	[ -f "$root/usr/local/share/man/man1/juesuan-yoy.1" ]
	note "$src/a b.txt"
	# what cron does: /bin/sh, PATH=/usr/bin:/bin, the line of docs/archive.md
	run -0 env -i HOME="$BATS_TEST_TMPDIR" PATH=/usr/bin:/bin SHELL=/bin/sh LOGNAME=cron \
	    /bin/sh -c "$root/usr/local/bin/juesuan-archive $src $out"
	assert_output ""
	[ -f "$out/a b/facts.csv" ]
	run -0 make -s -C "$TOP" uninstall PREFIX=/usr/local DESTDIR="$root"
	run -0 find "$root" -type f
	assert_output ""
}

@test "on the Jiangsu party office's three budgets, the year-over-year claims of 2018 and 2019 are checked" {
	need_corpus
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out ref=$BATS_TEST_TMPDIR/ref
	mkdir -p "$src"
	cp "$SHARED"/corpus/pdf/js-party-office-*-budget-*.pdf "$src/"
	local st=0 yst=0
	juesuan -o "$ref" "$src"/*.pdf 2>/dev/null || st=$?
	juesuan-yoy "$ref" >/dev/null || yst=$?
	[ "$st" -le 1 ] && [ "$yst" -le 1 ]
	run -"$((st > yst ? st : yst))" juesuan-archive "$src" "$out"
	# the narratives of 2018 and 2019 state changes against the year
	# before; many agree with the year before's own figures
	run -0 grep -c '^js-party-office-2018-budget-doc,Y.1,[^,]*,pass,' "$out/yoy-checks.csv"
	[ "$output" -ge 5 ]
	run -0 grep -c '^js-party-office-2019-budget-doc,Y.2,[^,]*,pass,' "$out/yoy-checks.csv"
	[ "$output" -ge 5 ]
	run -0 cut -d, -f1 "$out/yoy-checks.csv"
	refute_line --regexp '^js-party-office-2017'
	# the change of 一般公共服务(类)支出 the 2018 narrative states is the
	# one the 2017 and 2018 figures give
	local said
	said=$(joined "$src/js-party-office-2018-budget-doc.pdf" | awk '{
	    s = substr($0, index($0, "一般公共服务（类）支出"))
	    s = substr(s, index(s, "与上年相比增加") + length("与上年相比增加"))
	    if (match(s, /^[0-9]+\.[0-9]+/)) print substr(s, 1, RLENGTH) }')
	[ -n "$said" ]
	run -0 grep -F 'js-party-office-2018-budget-doc,Y.1' "$out/yoy-checks.csv"
	assert_output --partial ",pass,$said,$said,0.00,0.01,"
}
