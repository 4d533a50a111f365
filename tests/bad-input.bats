#!/usr/bin/env bats
# bad-input: hostile and broken input, filter by filter and through the
# whole chain.  Every case ends in a clear message with its position and
# the documented status (2 for input errors), never a crash, and never in
# partial output that looks complete.  Small inputs are in
# fixtures/bad-input/; the big ones (10 MB lines, a million-row table) are
# made at test time in $BATS_TEST_TMPDIR.  `make check-sanitize` runs this
# file on filters built with AddressSanitizer and UBSan.

# $stderr and $stderr_lines are set by bats' run --separate-stderr; $ in
# single quotes belongs to awk and to inner shells.
# shellcheck disable=SC2154,SC2016

load test_helper

B="$FIX/bad-input"
STREAMERS=(normalize-numbers rollup reconcile score emit-csv)

# chain FILE...: the whole chain over FILE..., facts CSV on stdout; the
# status of each stage is left in $BATS_TEST_TMPDIR/st, and the chain's
# status is the largest of them, as scripts/juesuan has it.
chain() {
	parse-pdf-text "$@" | normalize-numbers | rollup | reconcile | score |
	    emit-csv
	local st=("${PIPESTATUS[@]}") s max=0
	echo "${st[*]}" >"$BATS_TEST_TMPDIR/st"
	for s in "${st[@]}"; do
		[ "$s" -le "$max" ] || max=$s
	done
	return "$max"
}

# restchain FILE: the chain after parse-pdf-text over the stream FILE, its
# status the largest of the stages'
restchain() {
	normalize-numbers "$1" | rollup | reconcile | score | emit-csv
	local st=("${PIPESTATUS[@]}") s max=0
	for s in "${st[@]}"; do
		[ "$s" -le "$max" ] || max=$s
	done
	return "$max"
}

# to FILE COMMAND...: COMMAND with its standard output in FILE, so that
# run does not hold tens of megabytes in $output and $lines
to() {
	local out=$1
	shift
	"$@" >"$out"
}

# the stage statuses of the last chain run
stages() {
	cat "$BATS_TEST_TMPDIR/st"
}

HEADER="doc,year,unit_name,table,table_title,row_code,row_label,row_no,column,column_no,value,unit,raw,status,source,flags"

@test "the filters under test are the ones JUESUAN_BIN names" {
	local f
	for f in parse-pdf-text "${STREAMERS[@]}"; do
		run -0 command -v "$f"
		assert_output "${JUESUAN_BIN:-$TOP/bin}/$f"
	done
}

# --- empty input -------------------------------------------------------

@test "an empty stream is refused by every stream filter, which writes no record" {
	local f
	for f in normalize-numbers rollup reconcile score; do
		run -2 --separate-stderr "$f" </dev/null
		assert_equal "$stderr" "$f: stdin: empty input: no stream version line"
		assert_output "$(printf '#juesuan-stream\t1')"
	done
	run -2 --separate-stderr emit-csv </dev/null
	assert_equal "$stderr" "emit-csv: stdin: empty input: no stream version line"
	assert_output "$HEADER"
}

@test "an empty text gives a document without tables or cells, never a made-up one" {
	: >"$BATS_TEST_TMPDIR/empty.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/empty.txt"
	assert_line --index 0 "$(printf '#juesuan-stream\t1')"
	assert_line --index 1 --regexp '^doc	empty	'
	assert_equal "${#lines[@]}" 2
}

# --- binary, NUL bytes, broken UTF-8 -------------------------------------

@test "binary input is refused at its first NUL byte and nothing reaches the CSV" {
	run -2 --separate-stderr chain "$B/binary.bin"
	assert_equal "$stderr" "parse-pdf-text: $B/binary.bin:1:8: NUL byte in text"
	assert_output "$HEADER"
	run -0 stages
	assert_output "2 0 0 0 0 0"
}

@test "a NUL byte in a text is refused with its line and column" {
	run -2 --separate-stderr parse-pdf-text "$B/nul.txt"
	assert_equal "$stderr" "parse-pdf-text: $B/nul.txt:3:11: NUL byte in text"
	assert_output "$(printf '#juesuan-stream\t1')"
}

@test "a NUL byte in a stream is refused by every stream filter with its line" {
	local f
	for f in "${STREAMERS[@]}"; do
		run -2 --separate-stderr "$f" "$B/stream-nul.in"
		assert_equal "${stderr_lines[0]}" "$f: $B/stream-nul.in:5: NUL byte in the stream"
		refute_output --partial $'\t1'$'\t\t'
	done
}

@test "invalid UTF-8 is refused with its line and column, and the other files are still read" {
	run -2 --separate-stderr parse-pdf-text "$B/invalid-utf8.txt" "$B/overflow.txt"
	assert_equal "$stderr" "parse-pdf-text: $B/invalid-utf8.txt:3:13: invalid UTF-8, and not GB18030 either (give the encoding with -e)"
	refute_line --regexp '^doc	invalid-utf8	'
	assert_line --regexp '^doc	overflow	'
}

@test "UTF-8 cut in the middle of a character is refused with its position" {
	run -2 --separate-stderr chain "$B/truncated-utf8.txt"
	assert_equal "$stderr" "parse-pdf-text: $B/truncated-utf8.txt:3:16: invalid UTF-8, and not GB18030 either (give the encoding with -e)"
	assert_output "$HEADER"
}

# --- other encodings -----------------------------------------------------

# cells FILE [OPTION...]: the records of parse-pdf-text but the doc record
cells() {
	local f=$1
	shift
	parse-pdf-text "$@" --doc seed "$f" | grep -v '^doc	'
}

@test "GB18030 text is detected without -e and gives the records of its UTF-8 original" {
	iconv -f UTF-8 -t GB18030 "$SEED" >"$BATS_TEST_TMPDIR/gb18030.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/gb18030.txt"
	assert_line --index 1 --regexp '	GB18030$'
	run -0 diff <(cells "$SEED") <(cells "$BATS_TEST_TMPDIR/gb18030.txt")
}

@test "GBK text, a subset of GB18030, is detected too" {
	iconv -f UTF-8 -t GBK "$B/overflow.txt" >"$BATS_TEST_TMPDIR/gbk.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/gbk.txt"
	assert_line --index 1 --regexp '	GB18030$'
	run -0 diff <(cells "$B/overflow.txt") <(cells "$BATS_TEST_TMPDIR/gbk.txt")
}

@test "a bad byte deep in a GB18030 text is reported at its own position, with -e or without" {
	head -n 30 "$SEED" | iconv -f UTF-8 -t GB18030 >"$BATS_TEST_TMPDIR/gb.txt"
	printf '\272\317\274\306\t1\201 2\n' >>"$BATS_TEST_TMPDIR/gb.txt"
	run -2 --separate-stderr parse-pdf-text -e GB18030 "$BATS_TEST_TMPDIR/gb.txt"
	assert_equal "$stderr" "parse-pdf-text: $BATS_TEST_TMPDIR/gb.txt:31:5: invalid byte sequence in GB18030 input (byte 798)"
	# without -e, neither UTF-8 nor GB18030; read as GB18030 to line 31, the
	# bad byte is reported where it is, and what to do
	run -2 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/gb.txt"
	assert_equal "$stderr" "parse-pdf-text: $BATS_TEST_TMPDIR/gb.txt:31:5: invalid byte sequence in GB18030 input (byte 798), not UTF-8 either from 1:8 (give the encoding with -e)"
}

@test "UTF-16 with a byte order mark, LE and BE, is detected and gives the records of its original" {
	cells "$SEED" >"$BATS_TEST_TMPDIR/utf8.rec"
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$SEED"; } >"$BATS_TEST_TMPDIR/le.txt"
	{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$SEED"; } >"$BATS_TEST_TMPDIR/be.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/le.txt"
	assert_line --index 1 --regexp '	UTF-16LE$'
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/be.txt"
	assert_line --index 1 --regexp '	UTF-16BE$'
	run -0 diff "$BATS_TEST_TMPDIR/utf8.rec" <(cells "$BATS_TEST_TMPDIR/le.txt")
	run -0 diff "$BATS_TEST_TMPDIR/utf8.rec" <(cells "$BATS_TEST_TMPDIR/be.txt")
}

@test "a byte order mark printed twice is dropped twice, in UTF-8 and UTF-16" {
	{ printf '\357\273\277\357\273\277'; cat "$SEED"; } >"$BATS_TEST_TMPDIR/two.txt"
	{ printf '\376\377\376\377'; iconv -f UTF-8 -t UTF-16BE "$SEED"; } >"$BATS_TEST_TMPDIR/two16.txt"
	run -0 diff <(parse-pdf-text --doc seed "$SEED" | sed -n 2p | cut -f 5-9) \
	    <(parse-pdf-text --doc seed "$BATS_TEST_TMPDIR/two.txt" | sed -n 2p | cut -f 5-9)
	run -0 diff <(cells "$SEED") <(cells "$BATS_TEST_TMPDIR/two16.txt")
	run -0 parse-pdf-text "$BATS_TEST_TMPDIR/two16.txt"
	assert_line --index 1 --regexp '^doc	two16	[^	]*	[0-9a-f]{64}	2024 年度武汉市'
}

@test "UTF-16 without a byte order mark is refused with advice, and -e reads it" {
	iconv -f UTF-8 -t UTF-16LE "$SEED" >"$BATS_TEST_TMPDIR/le.txt"
	run -2 --separate-stderr chain "$BATS_TEST_TMPDIR/le.txt"
	assert_equal "$stderr" "parse-pdf-text: $BATS_TEST_TMPDIR/le.txt: looks like UTF-16 without a byte order mark; give the encoding with -e UTF-16LE or -e UTF-16BE"
	assert_output "$HEADER"
	cells "$SEED" >"$BATS_TEST_TMPDIR/utf8.rec"
	run -0 diff "$BATS_TEST_TMPDIR/utf8.rec" <(cells "$BATS_TEST_TMPDIR/le.txt" -e UTF-16LE)
}

# --- size ------------------------------------------------------------------

@test "a 10 MB line of narrative figures is read in linear time, every figure a claim" {
	# 400,000 figures on one line: a position counted from the start of
	# the line for each of them would take hours
	yes '收入 1, 731. 95 万元，' | head -n 400000 | tr -d '\n' >"$BATS_TEST_TMPDIR/long.txt"
	printf '\n' >>"$BATS_TEST_TMPDIR/long.txt"
	run -0 --separate-stderr to "$BATS_TEST_TMPDIR/long.out" timeout 60 parse-pdf-text "$BATS_TEST_TMPDIR/long.txt"
	assert_equal "$stderr" "parse-pdf-text: $BATS_TEST_TMPDIR/long.txt: no table found"
	run -0 awk -F '\t' '$1 == "claim" { n++; last = $10 } END { print n, last }' "$BATS_TEST_TMPDIR/long.out"
	assert_output "400000 1:6799987"	# 17 characters a figure
}

@test "a 10 MB line of table cells or of plain text is read quickly" {
	yes '收入合计	1, 731. 95	' | head -n 400000 | tr -d '\n' >"$BATS_TEST_TMPDIR/tabs.txt"
	yes '收入 合计 支出 ' | head -n 500000 | tr -d '\n' >"$BATS_TEST_TMPDIR/spaces.txt"
	run -0 --separate-stderr to /dev/null timeout 60 parse-pdf-text "$BATS_TEST_TMPDIR/tabs.txt"
	run -0 --separate-stderr to /dev/null timeout 60 parse-pdf-text "$BATS_TEST_TMPDIR/spaces.txt"
}

@test "a 10 MB field goes through every stream filter; --max-line refuses it with its line and says how to raise it" {
	local f
	{
		head -n 3 "$B/stream-unknown.in"
		printf 'x-big\t'
		head -c 10000000 /dev/zero | tr '\0' 'x'
		printf '\n'
		sed -n '4,$p' "$B/stream-unknown.in"
	} >"$BATS_TEST_TMPDIR/big.in"
	for f in normalize-numbers rollup reconcile score; do
		run --separate-stderr to "$BATS_TEST_TMPDIR/big.out" "$f" "$BATS_TEST_TMPDIR/big.in"
		[ "$status" -le 1 ]
		run -0 awk -F '\t' '$1 == "x-big" { print NR, length($2) }' "$BATS_TEST_TMPDIR/big.out"
		assert_output "4 10000000"
		run -2 --separate-stderr to /dev/null "$f" --max-line 1M "$BATS_TEST_TMPDIR/big.in"
		assert_equal "${stderr_lines[0]}" "$f: $BATS_TEST_TMPDIR/big.in:4: line longer than 1048576 bytes (raise it with --max-line)"
	done
	run -0 --separate-stderr to /dev/null emit-csv "$BATS_TEST_TMPDIR/big.in"
}

@test "a text larger than --max-bytes is refused, with how to raise the limit" {
	head -c 3000000 /dev/zero | tr '\0' 'a' >"$BATS_TEST_TMPDIR/big.txt"
	run -2 --separate-stderr parse-pdf-text --max-bytes 2M "$BATS_TEST_TMPDIR/big.txt"
	assert_equal "$stderr" "parse-pdf-text: $BATS_TEST_TMPDIR/big.txt: input larger than 2097152 bytes (raise it with --max-bytes)"
	assert_output "$(printf '#juesuan-stream\t1')"
	run -0 --separate-stderr parse-pdf-text --max-bytes 3M "$BATS_TEST_TMPDIR/big.txt"
}

# table ROWS: the seed's 支出决算表 header and ROWS rows of figures
table() {
	sed -n 132,146p "$SEED"
	awk -v n="$1" 'BEGIN {
		for (i = 0; i < n; i++)
			printf "2080505\t支出\t%d.%02d\t%d.%02d\n", i % 9000 + 1, i % 100,
			    i % 9000 + 1, i % 100
	}'
}

@test "a million-row table is refused past --max-cells with advice, and no part of it is written" {
	table 1000000 >"$BATS_TEST_TMPDIR/million.txt"
	run -2 --separate-stderr to "$BATS_TEST_TMPDIR/million.out" parse-pdf-text "$BATS_TEST_TMPDIR/million.txt"
	assert_equal "$stderr" "parse-pdf-text: $BATS_TEST_TMPDIR/million.txt: more than 200000 table cells (raise it with --max-cells)"
	# a table cut at the limit would pass for the whole table downstream
	run -1 grep -c -E '^(table|cell)	' "$BATS_TEST_TMPDIR/million.out"
	assert_output 0
}

@test "the limits of every stage can be raised to read a 100,000-row table whole" {
	table 100000 >"$BATS_TEST_TMPDIR/rows.txt"
	run -0 --separate-stderr to "$BATS_TEST_TMPDIR/rows.in" parse-pdf-text --max-cells 700k "$BATS_TEST_TMPDIR/rows.txt"
	run -0 grep -c '^cell	' "$BATS_TEST_TMPDIR/rows.in"
	assert_output 600030
	run -2 --separate-stderr to /dev/null normalize-numbers "$BATS_TEST_TMPDIR/rows.in"
	assert_equal "${stderr_lines[0]}" "normalize-numbers: $BATS_TEST_TMPDIR/rows.in:500002: more than 500000 records in one document (raise it with --max-records)"
	run -0 --separate-stderr to "$BATS_TEST_TMPDIR/rows.out" normalize-numbers --max-records 700k "$BATS_TEST_TMPDIR/rows.in"
	run -0 grep -c '^cell	' "$BATS_TEST_TMPDIR/rows.out"
	assert_output 600030
	run -1 grep -c '	new	' "$BATS_TEST_TMPDIR/rows.out"
	assert_output 0
}

@test "every stream filter takes --max-line and --max-records" {
	local f
	stream "$(printf 'doc\td\td.txt\t\t\t\t2024\t决算\t单位\ttsv\tUTF-8')" \
	    "$(printf 'x-note\td\tkept')" >"$BATS_TEST_TMPDIR/s.in"
	for f in "${STREAMERS[@]}"; do
		run -0 --separate-stderr "$f" --max-line 1M --max-records 1000 "$BATS_TEST_TMPDIR/s.in"
		run -0 "$f" --help
		assert_output --partial '[--max-line n] [--max-records n]'
	done
}

# --- figures ---------------------------------------------------------------

@test "figures of 40 digits are flagged overflow and keep their raw text, in a table and in the narrative" {
	run -0 --separate-stderr bash -c 'parse-pdf-text "$1" | normalize-numbers' _ "$B/overflow.txt"
	assert_line $'cell\toverflow\tF03\t\t合计\t\t基本支出\t2\t1234567890123456789012345678901234567890\t\t万元\tdamaged\toverflow\t13:19\t1\t2'
	assert_line --regexp '^claim	overflow	三	支出合计	value	amount	1234567890123456789012345678901234567890万元		万元	'
	run --separate-stderr chain "$B/overflow.txt"
	[ "$status" -le 1 ]
	assert_line 'overflow,2024,武汉市人力资源和社会保障信息中心,F03,支出决算表,,合计,,基本支出,2,,万元,1234567890123456789012345678901234567890,damaged,13:19,overflow'
}

# --- broken streams ----------------------------------------------------------

@test "a stream of another version is refused by every stream filter with its position" {
	local f
	for f in "${STREAMERS[@]}"; do
		run -2 --separate-stderr "$f" "$B/stream-v2.in"
		assert_equal "$stderr" "$f: $B/stream-v2.in:1: unsupported stream version '2' (this is version 1)"
	done
}

@test "a stream without a version line is refused by every stream filter" {
	local f
	for f in "${STREAMERS[@]}"; do
		run -2 --separate-stderr "$f" "$B/stream-noversion.in"
		assert_equal "$stderr" "$f: $B/stream-noversion.in:1: not a juesuan stream (no '#juesuan-stream' version line)"
	done
}

@test "a stream cut in the middle of a record is refused with its line, and every filter leaves the document out" {
	local f
	for f in normalize-numbers rollup reconcile score; do
		run -2 --separate-stderr "$f" "$B/stream-truncated.in"
		assert_equal "${stderr_lines[0]}" "$f: $B/stream-truncated.in:9: last line has no end of line (truncated stream?)"
		assert_equal "${stderr_lines[1]}" "$f: $B/stream-truncated.in: document 'overflow' left out"
		refute_output --partial $'\ncell\t'
	done
	run -2 --separate-stderr emit-csv "$B/stream-truncated.in"
	assert_equal "${stderr_lines[0]}" "emit-csv: $B/stream-truncated.in:9: last line has no end of line (truncated stream?)"
	assert_output "$HEADER"
}

@test "a stream whose last record ends in a broken escape is refused with its line" {
	local f
	for f in "${STREAMERS[@]}"; do
		run -2 --separate-stderr "$f" "$B/stream-badescape.in"
		assert_equal "${stderr_lines[0]}" "$f: $B/stream-badescape.in:9: bad escape '\\ ' in field 16"
	done
}

@test "a stream cut short by a dying writer makes the chain fail, and no CSV row of the cut document" {
	parse-pdf-text "$SEED" | head -c 30000 >"$BATS_TEST_TMPDIR/cut.in"
	run -2 --separate-stderr restchain "$BATS_TEST_TMPDIR/cut.in"
	assert_equal "${stderr_lines[0]}" "normalize-numbers: $BATS_TEST_TMPDIR/cut.in:$(($(wc -l <"$BATS_TEST_TMPDIR/cut.in") + 1)): last line has no end of line (truncated stream?)"
	assert_output "$HEADER"
}

@test "a record of an unknown kind is passed through unchanged, in its place, by every filter" {
	local f
	for f in normalize-numbers rollup reconcile score; do
		run --separate-stderr "$f" "$B/stream-unknown.in"
		[ "$status" -le 1 ]
		assert_line --index 4 $'x-note\toverflow\tkept as it is\\tescapes and all\t\t'
		assert_line --regexp '^x-trailer	$'
	done
	run --separate-stderr bash -c 'normalize-numbers "$1" | rollup | reconcile | score' _ "$B/stream-unknown.in"
	[ "$status" -le 1 ]
	assert_line --index 4 $'x-note\toverflow\tkept as it is\\tescapes and all\t\t'
	# emit-csv is the sink: it reads past the unknown records
	run -0 --separate-stderr emit-csv "$B/stream-unknown.in"
	assert_equal "$stderr" ""
}
