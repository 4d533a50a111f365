#!/usr/bin/env bats
# score: the counts and the score formula of docs/rules.md (golden pair
# fixtures/score/counts.in -> counts.out), --min, and the stream and
# command-line contract.

load test_helper

SC="$FIX/score"

# checkrec STATUS LHS RHS [TABLE]: one check record of document d.
checkrec() {
	printf 'check\td\tF05.1\t%s\t%s\t%s\t%s\t\t0.01\t\tmsg' "${4-F05}" "$1" "$2" "$3"
}

# cellrec VALUE STATUS: one cell record of F05 in document d.
cellrec() {
	printf 'cell\td\tF05\t\t合计\t\t小计\t\t%s\t%s\t万元\t%s\t\t1:1\t1\t1' "$1" "$1" "$2"
}

# docrec: the doc record of document d.
docrec() {
	printf 'doc\td\td.txt\t\t\t\t2024\t决算\t单位\ttsv\tUTF-8'
}

# scores FILE: only the score records score adds to FILE, status kept.
scores() {
	(
		set -o pipefail
		score "$@" | grep '^score'
	)
}

@test "counts and scores per document and per table, document first" {
	run -0 --separate-stderr score "$SC/counts.in"
	assert_output "$(cat "$SC/counts.out")"
	assert_equal "$stderr" ""
}

@test "the score weighs failures by size, unverifiable checks and damaged cells" {
	run -0 scores "$SC/counts.in"
	# Q = 1 - ((1 + 0.1)/2 + (1 + 0.666666)/2 + 1/4) / 6, K = 1 - (1 + 1/2) / 6
	assert_line --index 0 "$(printf 'score\tcounts\tdocument\t54.58\t6\t2\t1\t2\t1\t5\t1\t1')"
	# a table with checks and no cells: K = 1
	assert_line --index 1 "$(printf 'score\tcounts\tF01\t16.67\t1\t0\t0\t1\t0\t0\t0\t0')"
	assert_line --index 2 "$(printf 'score\tcounts\tF03\t45.83\t3\t1\t0\t1\t1\t3\t1\t1')"
	assert_line --index 3 "$(printf 'score\tcounts\tF05\t100.00\t2\t1\t1\t0\t0\t2\t0\t0')"
}

@test "a small failure still costs half a check, a gross one a whole check" {
	stream "$(docrec)" "$(checkrec fail 100.00 99.00)" >"$BATS_TEST_TMPDIR/small"
	stream "$(docrec)" "$(checkrec fail 100.00 -100.00)" >"$BATS_TEST_TMPDIR/gross"
	run -0 scores "$BATS_TEST_TMPDIR/small"
	assert_line --index 0 --partial "$(printf '\tdocument\t49.50\t')"
	run -0 scores "$BATS_TEST_TMPDIR/gross"
	assert_line --index 0 --partial "$(printf '\tdocument\t0.00\t')"
}

@test "rounding costs nothing and an unverifiable check a quarter" {
	stream "$(docrec)" "$(checkrec rounding 1.01 1.00)" "$(checkrec unverifiable '' 1.00)" \
	    >"$BATS_TEST_TMPDIR/s"
	run -0 scores "$BATS_TEST_TMPDIR/s"
	assert_line --index 0 "$(printf 'score\td\tdocument\t87.50\t2\t0\t1\t0\t1\t0\t0\t0')"
}

@test "without checks the score is the share of readable cells" {
	stream "$(docrec)" "$(cellrec 1.00 ok)" "$(cellrec '' blank)" "$(cellrec '' damaged)" \
	    "$(cellrec 2.00 repaired)" >"$BATS_TEST_TMPDIR/s"
	run -0 scores "$BATS_TEST_TMPDIR/s"
	# K = 1 - (1 + 1/2) / 4
	assert_line --index 0 "$(printf 'score\td\tdocument\t62.50\t0\t0\t0\t0\t0\t3\t1\t1')"
	assert_line --index 1 "$(printf 'score\td\tF05\t62.50\t0\t0\t0\t0\t0\t3\t1\t1')"
}

@test "a document with nothing to score scores 100.00" {
	stream "$(docrec)" >"$BATS_TEST_TMPDIR/s"
	run -0 scores "$BATS_TEST_TMPDIR/s"
	assert_output "$(printf 'score\td\tdocument\t100.00\t0\t0\t0\t0\t0\t0\t0\t0')"
}

@test "records before the first doc record are scored under the id they carry" {
	stream "$(checkrec pass 1.00 1.00)" "$(docrec)" >"$BATS_TEST_TMPDIR/s"
	run -0 score "$BATS_TEST_TMPDIR/s"
	assert_line --index 2 "$(printf 'score\td\tdocument\t100.00\t1\t1\t0\t0\t0\t0\t0\t0')"
	assert_line --index 3 --regexp $'^score\td\tF05\t'
	assert_line --index 4 --regexp $'^doc\td\t'
	assert_line --index 5 --regexp $'^score\td\tdocument\t'
}

@test "tables outside the catalogue come after it, by id" {
	stream "$(docrec)" "$(checkrec pass 1.00 1.00 Z01)" "$(checkrec pass 1.00 1.00 B02)" \
	    "$(checkrec pass 1.00 1.00 F09)" >"$BATS_TEST_TMPDIR/s"
	run -0 scores "$BATS_TEST_TMPDIR/s"
	assert_line --index 1 --regexp $'^score\td\tF09\t'
	assert_line --index 2 --regexp $'^score\td\tB02\t'
	assert_line --index 3 --regexp $'^score\td\tZ01\t'
}

@test "--min exits 1 when a document scores below it, and writes every score" {
	run -0 score --min 54.58 "$SC/counts.in"
	run -1 --separate-stderr score --min 54.59 "$SC/counts.in"
	assert_output "$(cat "$SC/counts.out")"
	assert_equal "$stderr" ""
	run -0 score --min 0 "$SC/counts.in"
	run -1 score --min 100 "$SC/counts.in"
}

@test "--min outside 0..100 or not a decimal is a usage error" {
	local v
	for v in 101 100.01 -1 abc 1e2 ''; do
		run -2 --separate-stderr score --min "$v" "$SC/counts.in"
		assert_equal "$stderr" "score: invalid value for --min: '$v' (a decimal from 0 to 100)"
		assert_output ""
	done
}

@test "the whole chain: rounding costs nothing, totals not printed cost a quarter each" {
	run -0 bash -c 'set -o pipefail; rollup "$1" | reconcile | score --min 95' _ "$FIX/reconcile/cross.in"
	# 35 checks: 27 pass, 2 rounding (X.6), 6 unverifiable (no 总计
	# lines, no F04 一般公共预算财政拨款 income line for X.5)
	assert_line "$(printf 'score\tcross\tdocument\t95.71\t35\t27\t2\t0\t6\t31\t0\t0')"
}

@test "a check of unknown status is reported with its line and exits 2" {
	stream "$(docrec)" "$(checkrec maybe 1.00 1.00)" >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr score "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "score: $BATS_TEST_TMPDIR/s:3: unknown check status 'maybe'"
	assert_line --index 3 "$(printf 'score\td\tdocument\t100.00\t0\t0\t0\t0\t0\t0\t0\t0')"
}

@test "a failed check with a malformed figure is reported and weighs fully" {
	stream "$(docrec)" "$(checkrec fail 1,00 1.00)" >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr score "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "score: $BATS_TEST_TMPDIR/s:3: malformed figure in check '1,00' / '1.00'"
	assert_line --index 3 --partial "$(printf '\tdocument\t0.00\t1\t0\t0\t1\t')"
}

@test "unknown kinds pass through unchanged" {
	stream "$(docrec)" 'x-note\tkept\\tas is' >"$BATS_TEST_TMPDIR/s"
	run -0 score "$BATS_TEST_TMPDIR/s"
	assert_line --index 2 'x-note\tkept\\tas is'
}

@test "-h and --help print the usage on stdout and exit 0" {
	run -0 score -h
	assert_output "usage: score [--max-line n] [--max-records n] [--min score] [file ...]"
	run -0 score --help
	assert_output "usage: score [--max-line n] [--max-records n] [--min score] [file ...]"
}

@test "--version prints the program's name and version" {
	run -0 score --version
	assert_output --regexp '^score [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "an unknown option prints the usage on stderr and exits 2" {
	run -2 --separate-stderr score --max
	assert_output ""
	assert_equal "$stderr" "usage: score [--max-line n] [--max-records n] [--min score] [file ...]"
}

@test "a missing file is reported, the others are read, and the status is 2" {
	run -2 --separate-stderr score "$BATS_TEST_TMPDIR/nosuch" "$SC/counts.in"
	assert_equal "$stderr" "score: cannot open '$BATS_TEST_TMPDIR/nosuch': No such file or directory"
	assert_output "$(cat "$SC/counts.out")"
}

@test "input without a version line is refused with its position" {
	docrec >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr score "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "score: $BATS_TEST_TMPDIR/s:1: not a juesuan stream (no '#juesuan-stream' version line)"
}

@test "another stream version is refused with its position" {
	printf '#juesuan-stream\t1.1\n' >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr score "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "score: $BATS_TEST_TMPDIR/s:1: unsupported stream version '1.1' (this is version 1)"
}

@test "a score record with a wrong number of fields is refused with its line" {
	stream "$(docrec)" "$(printf 'score\td\tdocument\t100.00')" >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr score "$BATS_TEST_TMPDIR/s"
	assert_equal "${stderr_lines[0]}" "score: $BATS_TEST_TMPDIR/s:3: 'score' record has 4 fields, expected 12"
	assert_equal "${stderr_lines[1]}" "score: $BATS_TEST_TMPDIR/s: document 'd' left out"
}

@test "--max-records refuses a larger document with its position" {
	run -2 --separate-stderr score --max-records 5 "$SC/counts.in"
	assert_equal "${stderr_lines[0]}" "score: $SC/counts.in:7: more than 5 records in one document (raise it with --max-records)"
}

@test "a write error on stdout exits 2" {
	run -2 --separate-stderr bash -c 'score "$1" >/dev/full' _ "$SC/counts.in"
	assert_equal "$stderr" "score: write error on stdout: No space left on device"
}
