#!/usr/bin/env bats
#
# Pipeline tests of the driver, scripts/juesuan.  The first half runs the
# driver over stub filters (a copy of the script next to a bin/ of small
# shell scripts that log their arguments and exit as told), so the option
# handling, the PDF step and the exit statuses are tested on their own; the
# second half runs the real chain over the seed.

load test_helper

SEED_ID=wuhan-hrss-info-center-2024-final-unit
# The seed's exit status: 1.  Its narrative says 事业运行 (2080150) spent
# 完成年初预算的118.6%, where 613.86 / 571.56 is 107.4%: reconcile fails N5.3.
SEED_STATUS=1
FACTS_HEADER=doc,year,unit_name,table,table_title,row_code,row_label,row_no,column,column_no,value,unit,raw,status,source,flags

# csv2tsv: RFC 4180 CSV on stdin to one TAB-separated line per record on
# stdout; backslash, TAB, CR and LF inside a field become \\ \t \r \n.
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
			else if (!q && c == "\r") ;
			else if (c == "\n") f = f "\\n"
			else if (c == "\r") f = f "\\r"
			else if (c == "\t") f = f "\\t"
			else if (c == "\\") f = f "\\\\"
			else f = f c
		}
	}'
}

# csv_pick FILE 'NAME=VALUE...' 'NAME...': the named fields, TAB-separated,
# of every record of the CSV FILE (with a header row) whose fields equal all
# the NAME=VALUE pairs (TAB-separated; values as csv2tsv escapes them).
csv_pick() {
	csv2tsv <"$1" | WHERE=$2 FIELDS=$3 awk -F '\t' '
	NR == 1 {
		for (i = 1; i <= NF; i++) col[$i] = i
		nw = split(ENVIRON["WHERE"], w, "\t")
		for (i = 1; i <= nw; i++) {
			k = index(w[i], "=")
			wk[i] = substr(w[i], 1, k - 1); wv[i] = substr(w[i], k + 1)
			if (!(wk[i] in col)) { print "no column " wk[i] > "/dev/stderr"; exit 2 }
		}
		nf = split(ENVIRON["FIELDS"], fl, " ")
		next
	}
	{
		for (i = 1; i <= nw; i++) if ($col[wk[i]] != wv[i]) next
		s = ""
		for (i = 1; i <= nf; i++) s = s (i > 1 ? "\t" : "") $col[fl[i]]
		print s
	}'
}

# stub_tree: $TREE/scripts/juesuan beside $TREE/bin/ holding one stub per
# filter.  A stub writes its arguments, NUL-terminated, to $LOG/STAGE.args;
# parse-pdf-text also copies each file operand to $LOG/in.N and writes a
# version line, the others copy stdin to stdout.  Then each exits with
# $STUB_STAGE (dashes as underscores), or kills itself with SIGTERM when that
# is "die", with SIGPIPE when it is "pipe".
stub_tree() {
	# the stubs, not a build make check-sanitize names
	unset JUESUAN_BIN
	TREE=$BATS_TEST_TMPDIR/tree
	LOG=$BATS_TEST_TMPDIR/log
	mkdir -p "$TREE/scripts" "$TREE/bin" "$LOG"
	cp "$TOP/scripts/juesuan" "$TREE/scripts/"
	local s v
	for s in parse-pdf-text normalize-numbers rollup reconcile score emit-csv; do
		v=STUB_${s//-/_}
		{
			printf '#!/bin/sh\n'
			printf 'printf "%%s\\0" "$@" >"$LOG/%s.args"\n' "$s"
			if [ "$s" = parse-pdf-text ]; then
				printf 'n=0; ops=0\n'
				printf 'for a; do if [ $ops = 1 ]; then n=$((n + 1)); cat -- "$a" >"$LOG/in.$n"; fi; [ "$a" = -- ] && ops=1; done\n'
				printf 'printf "#juesuan-stream\\t1\\n"\n'
			else
				printf 'cat\n'
			fi
			printf 'case ${%s:-0} in die) kill -s TERM $$ ;; pipe) kill -s PIPE $$ ;; *) exit ${%s:-0} ;; esac\n' "$v" "$v"
		} >"$TREE/bin/$s"
		chmod +x "$TREE/bin/$s"
	done
	export LOG
}

# args STAGE: the arguments the stub STAGE was called with, one per line.
args() {
	tr '\0' '\n' <"$LOG/$1.args"
}

# --- options ----------------------------------------------------------------

@test "-h and --help print the usage on stdout and exit 0" {
	run -0 juesuan -h
	assert_line --index 0 "usage: juesuan [-e encoding] [-o dir] [--min n] file ..."
	run -0 juesuan --help
	assert_line --index 0 "usage: juesuan [-e encoding] [-o dir] [--min n] file ..."
}

@test "--version prints the Makefile's VERSION, the filters' version" {
	local v
	v=$(sed -n 's/^VERSION *= *//p' "$TOP/Makefile")
	run -0 juesuan --version
	assert_output "juesuan $v"
	if [ -x "$TOP/bin/parse-pdf-text" ]; then
		run -0 parse-pdf-text --version
		assert_output "parse-pdf-text $v"
	fi
}

@test "an unknown option is an error with the usage on stderr, status 2" {
	run -2 --separate-stderr juesuan -x "$SEED"
	assert_output ""
	assert_equal "${stderr_lines[0]}" "juesuan: unknown option '-x'"
	assert_equal "${stderr_lines[1]}" "usage: juesuan [-e encoding] [-o dir] [--min n] file ..."
}

@test "no operand, an option without its argument, a bad --min: status 2" {
	run -2 --separate-stderr juesuan
	assert_equal "${stderr_lines[0]}" "juesuan: no input files"
	run -2 --separate-stderr juesuan "$SEED" -o
	assert_equal "${stderr_lines[0]}" "juesuan: option '-o' needs an argument"
	run -2 --separate-stderr juesuan --min 9x "$SEED"
	assert_equal "${stderr_lines[0]}" "juesuan: invalid value for --min: '9x'"
	run -2 --separate-stderr juesuan -o '' "$SEED"
	assert_equal "${stderr_lines[0]}" "juesuan: empty output directory"
}

# --- over stub filters --------------------------------------------------------

@test "all files go to one parse-pdf-text, after --, dash names as ./NAME" {
	stub_tree
	cd "$BATS_TEST_TMPDIR"
	printf 'a\n' >a.txt
	printf 'dash\n' >-d.txt
	printf 'space\n' >'b c.txt'
	run -0 "$TREE/scripts/juesuan" a.txt -- -d.txt 'b c.txt'
	run -0 args parse-pdf-text
	assert_output "$(printf '%s\n' -- a.txt ./-d.txt 'b c.txt')"
	assert_equal "$(cat "$LOG/in.2")" dash
}

@test "-e goes to parse-pdf-text, --min to score, -o to emit-csv" {
	stub_tree
	run -0 "$TREE/scripts/juesuan" -e GB18030 --min 95 -o "$BATS_TEST_TMPDIR/out" "$SEED"
	run -0 args parse-pdf-text
	assert_output "$(printf '%s\n' -e GB18030 -- "$SEED")"
	run -0 args score
	assert_output "$(printf '%s\n' --min 95)"
	run -0 args emit-csv
	assert_output "$(printf '%s\n' -o "$BATS_TEST_TMPDIR/out")"
	[ -d "$BATS_TEST_TMPDIR/out" ]
	run -0 args reconcile
	assert_output ""
}

@test "options may follow the operands, and take the -oDIR and --min=N forms" {
	stub_tree
	run -0 "$TREE/scripts/juesuan" "$SEED" -eUTF-8 --min=80 -o"$BATS_TEST_TMPDIR/o"
	run -0 args parse-pdf-text
	assert_output "$(printf '%s\n' -e UTF-8 -- "$SEED")"
	run -0 args score
	assert_output "$(printf '%s\n' --min 80)"
	run -0 args emit-csv
	assert_output "$(printf '%s\n' -o "$BATS_TEST_TMPDIR/o")"
}

@test "without -o emit-csv gets no option and its stdout is the driver's" {
	stub_tree
	run -0 "$TREE/scripts/juesuan" "$SEED"
	assert_output "$(printf '#juesuan-stream\t1')"
	run -0 args emit-csv
	assert_output ""
}

@test "the status is 1 when reconcile or score finds data problems" {
	stub_tree
	STUB_reconcile=1 run -1 "$TREE/scripts/juesuan" "$SEED"
	STUB_score=1 run -1 "$TREE/scripts/juesuan" "$SEED"
	STUB_reconcile=1 STUB_score=1 run -1 "$TREE/scripts/juesuan" "$SEED"
}

@test "the status is 2 when any stage fails with 2, whatever the others say" {
	stub_tree
	local s
	for s in parse_pdf_text normalize_numbers rollup reconcile score emit_csv; do
		run -2 env "STUB_$s=2" "$TREE/scripts/juesuan" "$SEED"
	done
	STUB_reconcile=1 STUB_emit_csv=2 run -2 "$TREE/scripts/juesuan" "$SEED"
	STUB_score=1 STUB_parse_pdf_text=2 run -2 "$TREE/scripts/juesuan" "$SEED"
}

@test "a stage killed by a signal makes the status 2 and is named" {
	stub_tree
	STUB_rollup=die run -2 --separate-stderr "$TREE/scripts/juesuan" "$SEED"
	assert_equal "$stderr" "juesuan: rollup died (status 143)"
}

@test "a stage killed by SIGPIPE makes the status 2 without a message" {
	stub_tree
	STUB_emit_csv=pipe run -2 --separate-stderr "$TREE/scripts/juesuan" "$SEED"
	assert_equal "$stderr" ""
}

@test "the filters are found beside the script, also through a symlink" {
	stub_tree
	mkdir "$BATS_TEST_TMPDIR/elsewhere"
	ln -s "$TREE/scripts/juesuan" "$BATS_TEST_TMPDIR/elsewhere/js"
	run -0 "$BATS_TEST_TMPDIR/elsewhere/js" "$SEED"
	[ -f "$LOG/emit-csv.args" ]
}

@test "JUESUAN_BIN names the filters' directory, before the script's own; one without them is an error" {
	stub_tree
	mv "$TREE/bin" "$BATS_TEST_TMPDIR/other"
	JUESUAN_BIN=$BATS_TEST_TMPDIR/other run -0 "$TREE/scripts/juesuan" "$SEED"
	[ -f "$LOG/emit-csv.args" ]
	JUESUAN_BIN=$BATS_TEST_TMPDIR/none run -2 --separate-stderr "$TREE/scripts/juesuan" "$SEED"
	assert_equal "$stderr" "juesuan: JUESUAN_BIN is '$BATS_TEST_TMPDIR/none', which holds no parse-pdf-text"
}

@test "missing filters are an error naming the first, status 2" {
	unset JUESUAN_BIN
	mkdir "$BATS_TEST_TMPDIR/alone"
	cp "$TOP/scripts/juesuan" "$BATS_TEST_TMPDIR/alone/"
	PATH=/usr/bin:/bin run -2 --separate-stderr "$BATS_TEST_TMPDIR/alone/juesuan" "$SEED"
	assert_equal "$stderr" "juesuan: cannot find parse-pdf-text (run make, or put the filters on PATH)"
}

@test "a missing file is reported, the others still run, status 2" {
	stub_tree
	run -2 --separate-stderr "$TREE/scripts/juesuan" "$BATS_TEST_TMPDIR/nope.txt" "$SEED"
	assert_equal "$stderr" "juesuan: cannot read '$BATS_TEST_TMPDIR/nope.txt': no such file"
	run -0 args parse-pdf-text
	assert_output "$(printf '%s\n' -- "$SEED")"
	run -2 --separate-stderr "$TREE/scripts/juesuan" "$BATS_TEST_TMPDIR"
	assert_equal "$stderr" "juesuan: cannot read '$BATS_TEST_TMPDIR': is a directory"
}

@test "'-' is the standard input, once" {
	stub_tree
	run -0 "$TREE/scripts/juesuan" - <"$SEED"
	run -0 args parse-pdf-text
	assert_output "$(printf '%s\n' -- -)"
	run -2 --separate-stderr "$TREE/scripts/juesuan" - "$SEED" - <"$SEED"
	assert_equal "$stderr" "juesuan: document id 'stdin' of '-' is already that of '-'"
}

@test "two documents with one id are refused, status 2" {
	stub_tree
	mkdir "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	printf 'x\n' >"$BATS_TEST_TMPDIR/a/doc.txt"
	printf 'y\n' >"$BATS_TEST_TMPDIR/b/doc.txt"
	run -2 --separate-stderr "$TREE/scripts/juesuan" "$BATS_TEST_TMPDIR/a/doc.txt" "$BATS_TEST_TMPDIR/b/doc.txt"
	assert_equal "$stderr" "juesuan: document id 'doc' of '$BATS_TEST_TMPDIR/b/doc.txt' is already that of '$BATS_TEST_TMPDIR/a/doc.txt'"
	run -0 args parse-pdf-text
	assert_output "$(printf '%s\n' -- "$BATS_TEST_TMPDIR/a/doc.txt")"
}

@test "a PDF goes through pdftotext -layout into NAME.txt in a private directory, removed after" {
	stub_tree
	mkdir "$BATS_TEST_TMPDIR/tmp"
	cp "$FIX/juesuan/tiny.pdf" "$BATS_TEST_TMPDIR/Tiny Doc.PDF"
	TMPDIR=$BATS_TEST_TMPDIR/tmp run -0 "$TREE/scripts/juesuan" "$BATS_TEST_TMPDIR/Tiny Doc.PDF" "$SEED"
	run -0 args parse-pdf-text
	assert_equal "${lines[0]}" --
	assert_line --index 1 --regexp "^$BATS_TEST_TMPDIR/tmp/juesuan\.[^/]+/1/Tiny Doc\.txt\$"
	assert_line --index 2 "$SEED"
	run -0 cat "$LOG/in.1"
	assert_output --partial "juesuan tiny fixture"
	run -0 ls -A "$BATS_TEST_TMPDIR/tmp"
	assert_output ""
}

@test "with -e the PDF's text is converted to that encoding" {
	stub_tree
	run -0 "$TREE/scripts/juesuan" -e UTF-16LE "$FIX/juesuan/tiny.pdf"
	run -0 iconv -f UTF-16LE -t UTF-8 "$LOG/in.1"
	assert_output --partial "juesuan tiny fixture"
}

@test "a PDF pdftotext cannot read is reported, the others still run, status 2" {
	stub_tree
	printf 'not a pdf\n' >"$BATS_TEST_TMPDIR/bad.pdf"
	run -2 --separate-stderr "$TREE/scripts/juesuan" "$BATS_TEST_TMPDIR/bad.pdf" "$SEED"
	# pdftotext's own message comes first
	assert_equal "${stderr_lines[${#stderr_lines[@]} - 1]}" "juesuan: pdftotext failed on '$BATS_TEST_TMPDIR/bad.pdf'"
	run -0 args parse-pdf-text
	assert_output "$(printf '%s\n' -- "$SEED")"
}

# --- the real chain over the seed -------------------------------------------

@test "the seed goes end to end into DIR/DOC/ with every CSV and F01..F09" {
	run "-$SEED_STATUS" juesuan -o "$BATS_TEST_TMPDIR/out" "$SEED"
	local d=$BATS_TEST_TMPDIR/out/$SEED_ID t
	for t in facts checks scores claims; do
		assert [ -s "$d/$t.csv" ]
	done
	for t in F01 F02 F03 F04 F05 F06 F07 F08 F09; do
		assert [ -s "$d/tables/$t.csv" ]
	done
}

@test "facts: F05 2080505 has 基本支出 54.61 and a blank 项目支出" {
	run "-$SEED_STATUS" juesuan -o "$BATS_TEST_TMPDIR/out" "$SEED"
	local f=$BATS_TEST_TMPDIR/out/$SEED_ID/facts.csv
	run -0 csv_pick "$f" "$(printf 'table=F05\trow_code=2080505\tcolumn=基本支出')" "value status"
	assert_output "$(printf '54.61\tok')"
	run -0 csv_pick "$f" "$(printf 'table=F05\trow_code=2080505\tcolumn=项目支出')" "value status"
	assert_output "$(printf '\tblank')"
}

@test "facts: a cut-off figure keeps its raw text and flags; repaired, it gets a value" {
	# F01's 社会保障和就业支出 is printed "1, 547. (": normalize-numbers
	# marks it damaged, reconcile infers 1547.08 from F01's column total,
	# confirmed by F03.  Without the repair it would stay damaged, valueless.
	run "-$SEED_STATUS" juesuan -o "$BATS_TEST_TMPDIR/out" "$SEED"
	run -0 csv_pick "$BATS_TEST_TMPDIR/out/$SEED_ID/facts.csv" "$(printf 'table=F01\traw=1, 547. (')" "row_label value status flags"
	assert_output "$(printf '社会保障和就业支出\t1547.08\trepaired\tspaced,truncated')"
}

@test "facts: before reconcile a cut-off figure is damaged, raw text kept, no value" {
	# Up to normalize-numbers the cell is damaged; emit-csv shows it so.
	run -0 bash -c 'parse-pdf-text "$1" | normalize-numbers | emit-csv' _ "$SEED"
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/facts.csv"
	run -0 csv_pick "$BATS_TEST_TMPDIR/facts.csv" "$(printf 'table=F01\traw=1, 547. (')" "row_label value status"
	assert_output "$(printf '社会保障和就业支出\t\tdamaged')"
}

@test "without -o the facts CSV of the seed goes to stdout" {
	run "-$SEED_STATUS" --separate-stderr juesuan "$SEED"
	assert_line --index 0 "$FACTS_HEADER"
	assert_line --partial "$SEED_ID,2024,"
}

# doc_rows CSV DOC: the records of DOC in the facts CSV, without the doc
# field, sorted.
doc_rows() {
	csv2tsv <"$1" | awk -F '\t' -v d="$2" '$1 == d' | cut -f2- | sort
}

@test "two files give one CSV with one header and both documents" {
	cp "$SEED" "$BATS_TEST_TMPDIR/second.txt"
	run "-$SEED_STATUS" --separate-stderr juesuan "$SEED" "$BATS_TEST_TMPDIR/second.txt"
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/both.csv"
	run -0 grep -c -x "$FACTS_HEADER" "$BATS_TEST_TMPDIR/both.csv"
	assert_output 1
	run -0 doc_rows "$BATS_TEST_TMPDIR/both.csv" "$SEED_ID"
	local a=$output
	refute_output ""
	run -0 doc_rows "$BATS_TEST_TMPDIR/both.csv" second
	assert_output "$a"
}

@test "two runs, under two locales, give byte-identical outputs" {
	run "-$SEED_STATUS" env LC_ALL=C juesuan -o "$BATS_TEST_TMPDIR/one" "$SEED"
	run "-$SEED_STATUS" env LC_ALL=C.UTF-8 juesuan -o "$BATS_TEST_TMPDIR/two" "$SEED"
	run -0 diff -r "$BATS_TEST_TMPDIR/one" "$BATS_TEST_TMPDIR/two"
	run "-$SEED_STATUS" bash -c 'LC_ALL=C juesuan "$1" >"$2"' _ "$SEED" "$BATS_TEST_TMPDIR/one.csv"
	run "-$SEED_STATUS" bash -c 'LC_ALL=C.UTF-8 juesuan "$1" >"$2"' _ "$SEED" "$BATS_TEST_TMPDIR/two.csv"
	run -0 cmp "$BATS_TEST_TMPDIR/one.csv" "$BATS_TEST_TMPDIR/two.csv"
	run -0 cmp "$BATS_TEST_TMPDIR/one.csv" "$BATS_TEST_TMPDIR/one/$SEED_ID/facts.csv"
}

@test "file names with spaces, quotes, a leading dash, a newline, non-ASCII work" {
	local n d=$BATS_TEST_TMPDIR/names
	mkdir "$d"
	for n in 'with space' "it's \"quoted\"" '-dash' $'new\nline' '武汉 二〇二四'; do
		cp "$SEED" "$d/$n.txt"
	done
	cd "$d"
	run "-$SEED_STATUS" --separate-stderr juesuan -- *.txt
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/names.csv"
	run -0 doc_ids "$BATS_TEST_TMPDIR/names.csv"
	assert_output "$(printf '%s\n' '-dash' "it's \"quoted\"" 'new\nline' 'with space' '武汉 二〇二四' | sort)"
}

# doc_ids CSV: the distinct values of the first field, sorted.
doc_ids() {
	csv2tsv <"$1" | sed 1d | cut -f1 | sort -u
}

@test "a PDF goes through pdftotext and its document id appears" {
	cp "$FIX/juesuan/tiny.pdf" "$BATS_TEST_TMPDIR/tiny fixture.pdf"
	run -0 juesuan -o "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/tiny fixture.pdf"
	assert [ -d "$BATS_TEST_TMPDIR/out/tiny fixture" ]
	run -0 csv_pick "$BATS_TEST_TMPDIR/out/tiny fixture/scores.csv" "scope=document" "doc"
	assert_output "tiny fixture"
}

@test "real PDFs of the corpus go through one run; planted errors fail, status 1" {
	need_corpus
	local pdf=$SHARED/corpus/pdf/sh-putuo-finance-2024-final-dept
	run -1 --separate-stderr juesuan -o "$BATS_TEST_TMPDIR/out" "$pdf.pdf" "$pdf-planted-errors.pdf"
	# pdftotext's font warnings are not passed on when it succeeds
	[[ $stderr != *"Syntax Warning"* ]]
	local d=$BATS_TEST_TMPDIR/out/sh-putuo-finance-2024-final-dept
	run -0 csv_pick "$d/facts.csv" "table=F01" "status"
	assert_line ok
	run -0 csv_pick "$d-planted-errors/facts.csv" "table=F01" "status"
	assert_line ok
	run -0 csv_pick "$d-planted-errors/checks.csv" "status=fail" "rule"
	refute_output ""
}
