#!/usr/bin/env bats
# emit-csv: the stream as CSV on stdout (-t) or as a directory per document (-o).

# stderr and stderr_lines are set by bats' run --separate-stderr
# shellcheck disable=SC2154

load test_helper

F="$FIX/emit-csv"
SYNOPSIS='emit-csv [-o dir | -t kind] [--max-line n] [--max-records n] [file ...]'

# rec FIELD...: one record line, the fields joined by TABs.
rec() {
	local IFS=$'\t'
	printf '%s' "$*"
}

# docrec ID: a doc record for document ID.
docrec() {
	rec doc "$1" - 0000 title 某单位 2024 决算 单位 tsv UTF-8
}

# cellrec DOC TABLE LABEL RSEQ COL CSEQ VALUE: an ok cell without a code.
cellrec() {
	rec cell "$1" "$2" "" "$3" "" "$5" "" "$7" "$7" 万元 ok "" 1:1 "$4" "$6"
}

# csv ARG...: emit-csv ARG... with stdout, byte for byte, in $BATS_TEST_TMPDIR/out.
csv() {
	emit-csv "$@" >"$BATS_TEST_TMPDIR/out"
}

# to_full ARG...: emit-csv ARG... writing to a full device.
to_full() {
	emit-csv "$@" >/dev/full
}

# same FILE: FILE and $BATS_TEST_TMPDIR/out hold the same bytes.
same() {
	run -0 diff -u "$1" "$BATS_TEST_TMPDIR/out"
}

@test "--help prints the man page's synopsis to stdout and exits 0" {
	run -0 emit-csv --help
	assert_output "usage: $SYNOPSIS"
	command -v mandoc >/dev/null || skip "mandoc is absent"
	run -0 sh -c "mandoc -Tascii '$TOP/docs/man/emit-csv.1' | col -b | sed -n '/^SYNOPSIS/{n;p;}'"
	assert_equal "$(printf '%s' "$output" | sed 's/^ *//')" "$SYNOPSIS"
}

@test "--version prints the program name and version" {
	run -0 emit-csv --version
	assert_output --regexp '^emit-csv [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "an unknown option is named on stderr with the synopsis, exit 2" {
	run -2 --separate-stderr emit-csv -x "$F/two-docs.in"
	assert_output ""
	assert_equal "${stderr_lines[0]}" "emit-csv: unknown option '-x'"
	assert_equal "${stderr_lines[1]}" "usage: $SYNOPSIS"
	assert_equal "${#stderr_lines[@]}" 2
}

@test "an option without its argument is a usage error" {
	run -2 --separate-stderr emit-csv -t
	assert_equal "${stderr_lines[0]}" "emit-csv: option '-t' needs an argument"
	assert_equal "${stderr_lines[1]}" "usage: $SYNOPSIS"
}

@test "-t refuses a kind it does not write" {
	run -2 --separate-stderr emit-csv -t tables "$F/two-docs.in"
	assert_output ""
	assert_equal "${stderr_lines[0]}" "emit-csv: unknown kind 'tables' for -t (facts, checks, scores or claims)"
	assert_equal "${stderr_lines[1]}" "usage: $SYNOPSIS"
}

@test "-o and -t together are a usage error" {
	run -2 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/o" -t checks "$F/two-docs.in"
	assert_equal "${stderr_lines[0]}" "emit-csv: -o and -t cannot be used together"
	assert_equal "${stderr_lines[1]}" "usage: $SYNOPSIS"
	[ ! -e "$BATS_TEST_TMPDIR/o" ]
}

@test "a two-document stream becomes one facts CSV with one header" {
	run -0 --separate-stderr csv "$F/two-docs.in"
	assert_equal "$stderr" ""
	same "$F/two-docs.out"
	run -0 grep -c '^doc,' "$BATS_TEST_TMPDIR/out"
	assert_output 1
}

@test "stdin, '-' and a file operand give the same CSV" {
	run -0 --separate-stderr csv <"$F/two-docs.in"
	same "$F/two-docs.out"
	run -0 --separate-stderr csv - <"$F/two-docs.in"
	same "$F/two-docs.out"
}

@test "several operands make one CSV, as their concatenation on stdin does" {
	run -0 --separate-stderr csv "$F/two-docs.in" "$F/quoting.in"
	cp "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/operands"
	run -0 grep -c '^doc,' "$BATS_TEST_TMPDIR/out"
	assert_output 1
	run -0 --separate-stderr csv < <(cat "$F/two-docs.in" "$F/quoting.in")
	same "$BATS_TEST_TMPDIR/operands"
	run -0 sh -c "{ cat '$F/two-docs.out'; tail -n +2 '$F/quoting.out'; } | cmp - '$BATS_TEST_TMPDIR/out'"
}

@test "facts are ordered by table id, then rseq and cseq as numbers, whatever the input order" {
	run -0 --separate-stderr csv < <(stream "$(docrec d)" \
		"$(cellrec d F05 十 10 小计 1 10.00)" \
		"$(cellrec d F05 九 9 项目支出 3 9.30)" \
		"$(cellrec d F05 九 9 小计 1 9.10)" \
		"$(cellrec d F01 一 1 收入决算数 1 1.00)" \
		"$(cellrec d F05 九 9 基本支出 2 9.20)" \
		"$(cellrec d F05 九 9 小计 1 9.11)")
	run -0 cut -d, -f4,7,11 "$BATS_TEST_TMPDIR/out"
	assert_output "table,row_label,value
F01,一,1.00
F05,九,9.10
F05,九,9.11
F05,九,9.20
F05,九,9.30
F05,十,10.00"
}

@test "documents stay in stream order, not sorted by id" {
	run -0 --separate-stderr csv < <(stream "$(docrec z)" "$(cellrec z F01 一 1 收入决算数 1 1.00)" \
		"$(docrec a)" "$(cellrec a F01 一 1 收入决算数 1 2.00)")
	run -0 cut -d, -f1 "$BATS_TEST_TMPDIR/out"
	assert_output "doc
z
a"
}

@test "fields with commas, quotes, line ends or edge spaces are quoted, others are not" {
	run -0 --separate-stderr csv "$F/quoting.in"
	assert_equal "$stderr" ""
	same "$F/quoting.out"
	run -0 --separate-stderr csv -t checks "$F/quoting.in"
	same "$F/quoting.checks.out"
}

@test "-t checks writes checks ordered by table id, then stream order" {
	run -0 --separate-stderr csv -t checks "$F/two-docs.in"
	same "$F/two-docs.checks.out"
}

@test "-t scores writes each document's own score first" {
	run -0 --separate-stderr csv -t scores "$F/two-docs.in"
	same "$F/two-docs.scores.out"
}

@test "-t claims writes claims in stream order" {
	run -0 --separate-stderr csv -t claims "$F/two-docs.in"
	same "$F/two-docs.claims.out"
}

@test "-t facts is the default" {
	run -0 --separate-stderr csv -t facts "$F/two-docs.in"
	same "$F/two-docs.out"
}

@test "a stream with no documents gives the header alone" {
	run -0 --separate-stderr csv < <(stream)
	run -0 cat "$BATS_TEST_TMPDIR/out"
	assert_output "doc,year,unit_name,table,table_title,row_code,row_label,row_no,column,column_no,value,unit,raw,status,source,flags"
}

@test "records before the first doc record come out with an empty year and unit name" {
	run -0 --separate-stderr csv < <(stream "$(cellrec x F01 一 1 收入决算数 1 1.00)")
	run -0 sed -n 2p "$BATS_TEST_TMPDIR/out"
	assert_output "x,,,F01,收入支出决算总表,,一,,收入决算数,,1.00,万元,1.00,ok,1:1,"
}

@test "-o writes a directory per document, each file with its header, nothing on stdout" {
	run -0 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/o" "$F/two-docs.in"
	assert_output ""
	assert_equal "$stderr" ""
	run -0 diff -r "$F/two-docs.dir" "$BATS_TEST_TMPDIR/o"
	run -0 find "$BATS_TEST_TMPDIR/o" -name '.*'
	assert_output ""
}

@test "-o writes the facts of a document exactly as stdout would" {
	run -0 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/o" "$F/quoting.in"
	run -0 cmp "$F/quoting.out" "$BATS_TEST_TMPDIR/o/quote-doc/facts.csv"
	run -0 cmp "$F/quoting.checks.out" "$BATS_TEST_TMPDIR/o/quote-doc/checks.csv"
}

@test "-o writes each table in its wide shape: catalogue columns first, extra columns by cseq" {
	run -0 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/o" "$F/wide.in"
	run -0 diff -r "$F/wide.dir" "$BATS_TEST_TMPDIR/o"
	run -0 cmp "$F/wide.out" "$BATS_TEST_TMPDIR/o/wide-doc/facts.csv"
}

@test "-o reports a second cell for one row and column, keeping it in facts" {
	run -0 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/o" "$F/wide.in"
	assert_equal "$stderr" "emit-csv: $F/wide.in:7: second cell for F05[201].小计 left out of '$BATS_TEST_TMPDIR/o/wide-doc/tables/F05.csv' (first on line 6)"
	run -0 grep -c '^wide-doc,.*,201,.*,小计,' "$BATS_TEST_TMPDIR/o/wide-doc/facts.csv"
	assert_output 2
}

@test "-o creates missing parent directories" {
	run -0 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/a/b/c/" "$F/two-docs.in"
	[ -f "$BATS_TEST_TMPDIR/a/b/c/wuhan-b-2023-final-unit/tables/F09.csv" ]
}

@test "-o files get the usual mode of new files" {
	umask 022
	run -0 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/o" "$F/two-docs.in"
	run -0 stat -c %a "$BATS_TEST_TMPDIR/o/wuhan-a-2024-final-unit/facts.csv" \
		"$BATS_TEST_TMPDIR/o/wuhan-a-2024-final-unit/tables/F01.csv"
	assert_output "644
644"
}

@test "-o rerun removes table files the document no longer has, and nothing else" {
	local t="$BATS_TEST_TMPDIR/o/wuhan-a-2024-final-unit/tables"
	run -0 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/o" "$F/two-docs.in"
	touch "$t/F07.csv" "$t/.F07.csv.tmp" "$t/notes.txt"
	run -0 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/o" "$F/two-docs.in"
	[ ! -e "$t/F07.csv" ]
	[ -e "$t/.F07.csv.tmp" ]
	[ -e "$t/notes.txt" ]
	rm "$t/.F07.csv.tmp" "$t/notes.txt"
	run -0 diff -r "$F/two-docs.dir" "$BATS_TEST_TMPDIR/o"
}

@test "-o gives a document without cells no tables directory, even on a rerun" {
	run -0 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/o" < <(stream "$(docrec d)" \
		"$(cellrec d F01 一 1 收入决算数 1 1.00)")
	[ -f "$BATS_TEST_TMPDIR/o/d/tables/F01.csv" ]
	run -0 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/o" < <(stream "$(docrec d)")
	[ ! -e "$BATS_TEST_TMPDIR/o/d/tables" ]
	run -0 ls "$BATS_TEST_TMPDIR/o/d"
	assert_output "checks.csv
claims.csv
facts.csv
scores.csv"
	run -0 cat "$BATS_TEST_TMPDIR/o/d/facts.csv"
	assert_output "doc,year,unit_name,table,table_title,row_code,row_label,row_no,column,column_no,value,unit,raw,status,source,flags"
}

@test "output is byte-identical across runs" {
	run -0 --separate-stderr csv "$F/two-docs.in" "$F/quoting.in" "$F/wide.in"
	mv "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/first"
	run -0 --separate-stderr csv "$F/two-docs.in" "$F/quoting.in" "$F/wide.in"
	run -0 cmp "$BATS_TEST_TMPDIR/first" "$BATS_TEST_TMPDIR/out"
}

@test "output is byte-identical under LC_ALL=C and LC_ALL=C.UTF-8" {
	locale -a 2>/dev/null | grep -qix 'c\.utf-\{0,1\}8' || skip "no C.UTF-8 locale"
	local k
	for k in facts checks scores claims; do
		LC_ALL=C.UTF-8 run -0 --separate-stderr csv -t "$k" "$F/two-docs.in" "$F/quoting.in"
		mv "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/utf8"
		LC_ALL=C run -0 --separate-stderr csv -t "$k" "$F/two-docs.in" "$F/quoting.in"
		run -0 cmp "$BATS_TEST_TMPDIR/utf8" "$BATS_TEST_TMPDIR/out"
	done
	LC_ALL=C.UTF-8 run -0 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/o" "$F/two-docs.in"
	run -0 diff -r "$F/two-docs.dir" "$BATS_TEST_TMPDIR/o"
}

@test "a missing file is reported, the other operands are still written, exit 2" {
	run -2 --separate-stderr csv "$BATS_TEST_TMPDIR/nosuch" "$F/two-docs.in"
	assert_equal "$stderr" "emit-csv: cannot open '$BATS_TEST_TMPDIR/nosuch': No such file or directory"
	same "$F/two-docs.out"
}

@test "input without the version line is refused with its position, exit 2" {
	run -2 --separate-stderr csv < <(printf '%s\n' "$(docrec d)")
	assert_equal "$stderr" "emit-csv: stdin:1: not a juesuan stream (no '#juesuan-stream' version line)"
	run -0 wc -l <"$BATS_TEST_TMPDIR/out"
	assert_output 1
}

@test "another stream version is refused, exit 2" {
	run -2 --separate-stderr csv < <(printf '#juesuan-stream\t2\n%s\n' "$(docrec d)")
	assert_equal "$stderr" "emit-csv: stdin:1: unsupported stream version '2' (this is version 1)"
}

@test "empty input is an error, exit 2" {
	run -2 --separate-stderr csv </dev/null
	assert_equal "$stderr" "emit-csv: stdin: empty input: no stream version line"
}

@test "a malformed record leaves its document out, earlier documents are written, exit 2" {
	run -2 --separate-stderr csv < <(stream "$(docrec a)" "$(cellrec a F01 一 1 收入决算数 1 1.00)" \
		"$(docrec b)" "$(cellrec b F01 一 1 收入决算数 1 2.00)" "$(rec cell b F01 short)")
	assert_equal "${stderr_lines[0]}" "emit-csv: stdin:6: 'cell' record has 4 fields, expected 16"
	assert_equal "${stderr_lines[1]}" "emit-csv: stdin: document 'b' left out"
	run -0 cut -d, -f1,11 "$BATS_TEST_TMPDIR/out"
	assert_output "doc,value
a,1.00"
}

@test "-o refuses document ids that are not directory names, writes the others, exit 2" {
	local o="$BATS_TEST_TMPDIR/w/o"
	run -2 --separate-stderr emit-csv -o "$o" < <(stream "$(docrec ..)" "$(cellrec .. F01 一 1 收入决算数 1 1.00)" \
		"$(docrec ../x)" "$(docrec '')" "$(docrec .)" "$(docrec good)" "$(cellrec good F01 一 1 收入决算数 1 1.00)")
	assert_output ""
	assert_equal "${stderr_lines[0]}" "emit-csv: stdin:2: document id '..' cannot be a directory name (empty, '.', '..' or with '/'): document skipped"
	assert_equal "${stderr_lines[1]}" "emit-csv: stdin:4: document id '../x' cannot be a directory name (empty, '.', '..' or with '/'): document skipped"
	assert_equal "${stderr_lines[2]}" "emit-csv: stdin:5: document id '' cannot be a directory name (empty, '.', '..' or with '/'): document skipped"
	assert_equal "${stderr_lines[3]}" "emit-csv: stdin:6: document id '.' cannot be a directory name (empty, '.', '..' or with '/'): document skipped"
	assert_equal "${#stderr_lines[@]}" 4
	run -0 ls -A "$BATS_TEST_TMPDIR/w"
	assert_output "o"
	run -0 ls -A "$o"
	assert_output "good"
	run -0 ls "$o/good/tables"
	assert_output "F01.csv"
}

@test "-o refuses a table id that is not a file name but keeps its cells in facts, exit 2" {
	local o="$BATS_TEST_TMPDIR/o"
	run -2 --separate-stderr emit-csv -o "$o" < <(stream "$(docrec d)" "$(cellrec d ../F01 一 1 收入决算数 1 1.00)" \
		"$(cellrec d F05 一 1 小计 1 2.00)")
	assert_equal "$stderr" "emit-csv: stdin:3: table id '../F01' cannot be a file name (empty, '.', '..' or with '/'): its wide table skipped"
	run -0 ls "$o/d/tables"
	assert_output "F05.csv"
	run -0 grep -c '^d,2024,某单位,\.\./F01,' "$o/d/facts.csv"
	assert_output 1
}

@test "-o reports records before any doc record, which have no directory, exit 2" {
	run -2 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/o" < <(stream "$(rec note x)" \
		"$(cellrec x F01 一 1 收入决算数 1 1.00)" "$(docrec d)")
	assert_equal "$stderr" "emit-csv: stdin:3: 'cell' record before any 'doc' record: no directory to write it to"
	[ -f "$BATS_TEST_TMPDIR/o/d/facts.csv" ]
}

@test "-o into a regular file fails before reading, exit 2" {
	touch "$BATS_TEST_TMPDIR/file"
	run -2 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/file" "$F/two-docs.in"
	assert_equal "$stderr" "emit-csv: cannot create directory '$BATS_TEST_TMPDIR/file': Not a directory"
}

@test "-o reports a failed rename, leaves no temporary and writes the other files, exit 2" {
	local d="$BATS_TEST_TMPDIR/o/wuhan-b-2023-final-unit"
	mkdir -p "$d/facts.csv"
	run -2 --separate-stderr emit-csv -o "$BATS_TEST_TMPDIR/o" "$F/two-docs.in"
	assert_output ""
	assert_equal "${#stderr_lines[@]}" 1
	assert_regex "$stderr" "^emit-csv: cannot rename '$d/\.facts\.csv\.[A-Za-z0-9]{6}' to '$d/facts\.csv': Is a directory$"
	run -0 find "$BATS_TEST_TMPDIR/o" -name '.*'
	assert_output ""
	run -0 cmp "$F/two-docs.dir/wuhan-b-2023-final-unit/checks.csv" "$d/checks.csv"
	run -0 diff -r "$F/two-docs.dir/wuhan-a-2024-final-unit" "$BATS_TEST_TMPDIR/o/wuhan-a-2024-final-unit"
}

@test "-o reports a write error, keeps the previous file and leaves no temporary, exit 2" {
	local d="$BATS_TEST_TMPDIR/o/wuhan-a-2024-final-unit"
	mkdir -p "$d"
	echo previous >"$d/facts.csv"
	# 1 KiB file size limit; XFSZ ignored so the write fails with EFBIG
	# shellcheck disable=SC2016 # $1 and $2 are the inner shell's
	run -2 --separate-stderr bash -c 'trap "" XFSZ; ulimit -f 1; exec emit-csv -o "$1" "$2"' _ \
		"$BATS_TEST_TMPDIR/o" "$F/two-docs.in"
	assert_equal "${stderr_lines[0]}" "emit-csv: write error on '$d/facts.csv': File too large"
	assert_equal "${#stderr_lines[@]}" 1
	run -0 cat "$d/facts.csv"
	assert_output previous
	run -0 find "$BATS_TEST_TMPDIR/o" -name '.*'
	assert_output ""
	run -0 cmp "$F/two-docs.dir/wuhan-a-2024-final-unit/checks.csv" "$d/checks.csv"
}

@test "a full stdout is a write error, exit 2" {
	run -2 --separate-stderr to_full "$F/two-docs.in"
	assert_equal "$stderr" "emit-csv: write error on stdout: No space left on device"
}

@test "a full stdout is a write error for --help too" {
	run -2 --separate-stderr to_full --help
	assert_equal "$stderr" "emit-csv: write error on stdout: No space left on device"
}
