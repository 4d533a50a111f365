#!/usr/bin/env bats
# reconcile: checks of sums and cross-table identities (golden pairs in
# fixtures/reconcile/CASE.in -> CASE.out), the tolerance classes, the exit
# status, and the stream and command-line contract.

load test_helper

RC="$FIX/reconcile"

# golden CASE STATUS: reconcile over CASE.in writes CASE.out, silently,
# and exits with STATUS.
golden() {
	run "-$2" --separate-stderr reconcile "$RC/$1.in"
	assert_output "$(cat "$RC/$1.out")"
	assert_equal "$stderr" ""
}

# checks CASE: only the check records reconcile adds, from the rule on;
# the status is reconcile's.
checks() {
	(
		set -o pipefail
		reconcile "$RC/$1.in" | grep '^check' | cut -f3-
	)
}

# cellrec TABLE ROWCODE ROWLABEL COL VALUE STATUS RSEQ CSEQ [UNIT]: one cell.
cellrec() {
	printf 'cell\td\t%s\t%s\t%s\t\t%s\t\t%s\t%s\t%s\t%s\t\t%s:1\t%s\t%s' \
	    "$1" "$2" "$3" "$4" "$5" "$5" "${9-万元}" "$6" "$7" "$7" "$8"
}

@test "a sum check of each status, and a failing one makes the exit status 1" {
	golden sums 1
}

@test "an exact identity passes with its message for people" {
	run -1 checks sums
	assert_line --index 0 "$(printf 'F03.1\tF03\tpass\t1731.95\t1731.95\t0.00\t0.03\t%s\t%s' \
	    'F03[合计].本年支出合计@11:11;F03[合计].基本支出@11:21;F03[合计].项目支出@11:31;F03[合计].上缴上级支出@11:41;F03[合计].经营支出@11:51;F03[合计].对附属单位补助支出@11:61' \
	    'row 合计: 本年支出合计 1731.95 = 基本支出 868.08 + 项目支出 863.87 + 上缴上级支出 0.00 + 经营支出 0.00 + 对附属单位补助支出 0.00')"
}

@test "a difference within the envelope of its terms is rounding, not a failure" {
	run -1 checks sums
	assert_line --index 3 --regexp $'^F03\\.1\tF03\trounding\t1547\\.08\t1547\\.07\t0\\.01\t0\\.03\t'
	assert_line --index 7 --regexp $'^F07\\.1\tF07\trounding\t15\\.01\t15\\.00\t0\\.01\t0\\.02\t.*本年收入 50\\.00 - 本年支出小计 45\\.00 = 15\\.00 \\(diff 0\\.01, within rounding 0\\.02\\)$'
}

@test "a difference beyond the envelope fails and the message says by how much" {
	run -1 checks sums
	assert_line --index 5 --regexp $'^F03\\.1\tF03\tfail\t86\\.63\t86\\.58\t0\\.05\t0\\.03\t.*= 86\\.58 \\(off by 0\\.05, rounding allows 0\\.03\\)$'
}

@test "a damaged lhs, a partial sum and a missing lhs are unverifiable" {
	run -1 checks sums
	assert_line --index 6 --regexp $'^F03\\.1\tF03\tunverifiable\t\t98\\.24\t\t0\\.03\t.*\\(unverifiable: F03\\[221\\]\\.本年支出合计 is damaged\\)$'
	assert_line --index 1 --regexp $'^F03\\.2\tF03\tunverifiable\t1731\\.95\t\t\t0\\.02\t.*221 \\? \\(unverifiable: F03\\[221\\]\\.本年支出合计 is damaged\\)$'
	assert_line --index 4 "$(printf 'F03.2\tF03\tunverifiable\t\t10.00\t\t0.01\t%s\t%s' \
	    'F03[20801].本年支出合计;F03[2080101].本年支出合计@13:11' \
	    'column 本年支出合计: 20801 ? = 2080101 10.00 (unverifiable: no printed cell F03[20801].本年支出合计)')"
}

@test "a blank lhs counts as 0.00" {
	run -1 checks sums
	assert_line --index 2 --regexp $'^F03\\.2\tF03\tpass\t0\\.00\t0\\.00\t0\\.00\t0\\.02\t'
}

@test "cross-table checks of the seed's figures pass, 86.64 vs 86.63 is rounding" {
	golden cross 0
	run -0 checks cross
	assert_line "$(printf 'X.6\tF04\trounding\t86.64\t86.63\t0.01\t0.01\t%s\t%s' \
	    'F04[卫生健康支出].一般公共预算财政拨款@24:31;F05[210].小计@29:11' \
	    'F04[卫生健康支出].一般公共预算财政拨款 86.64 ≈ F05[210].小计 86.63 (diff 0.01, within rounding 0.01)')"
	assert_line --regexp $'^X\\.6\tF04\trounding\t98\\.23\t98\\.24\t-0\\.01\t0\\.01\t'
	assert_line --regexp $'^X\\.8\tF05\tpass\t868\\.08\t868\\.08\t0\\.00\t0\\.02\t'
}

@test "a 类 printed blank on the panel and absent from the code table is not compared" {
	run -0 checks cross
	refute_output --partial "教育支出"
}

@test "cross-table checks are skipped for absent tables, unverifiable for absent cells" {
	golden crossfail 1
	run -1 checks crossfail
	assert_line --index 0 --regexp $'^X\\.1\tF01\tfail\t1731\\.95\t1731\\.59\t0\\.36\t0\\.01\t'
	refute_output --partial "X.3"
	refute_output --partial "X.4"
	refute_output --partial "X.8"
	assert_line --partial "(unverifiable: no printed cell F05[210].小计)"
	assert_line --partial "(unverifiable: F04[本年支出合计].一般公共预算财政拨款 is damaged)"
}

@test "a comparison of cells in different units is unverifiable" {
	stream "$(cellrec F01 '' 本年收入合计 收入决算数 1731.95 ok 1 1)" \
	    "$(cellrec F02 '' 合计 本年收入合计 17319500.00 ok 1 1 元)" >"$BATS_TEST_TMPDIR/s"
	run -0 reconcile "$BATS_TEST_TMPDIR/s"
	assert_line --partial "$(printf 'X.1\tF01\tunverifiable\t1731.95\t17319500.00\t\t0.01\t')"
	assert_line --partial "(unverifiable: units differ (万元 and 元))"
}

@test "rollup then reconcile: checks follow each document's records" {
	run -0 bash -c 'rollup "$1" | reconcile' _ "$FIX/rollup/multi.in"
	assert_line --index 8 --regexp $'^sum\ta\t'
	assert_line --index 9 --regexp $'^check\ta\tF08\\.1\tF08\tpass\t3\\.00\t'
	assert_line --index 10 --regexp $'^doc\tb\t'
	assert_line --index 15 --regexp $'^check\tb\tF08\\.1\tF08\tpass\t5\\.00\t'
}

@test "unknown kinds and records of other filters pass through unchanged" {
	stream 'x-note\ta\\tb' "$(printf 'repair\td\tF05\t合计\t小计\t8?.6\t86.63\tF05.2\tunique')" \
	    "$(printf 'score\td\tdocument\t100.00\t0\t0\t0\t0\t0\t0\t0\t0')" >"$BATS_TEST_TMPDIR/s"
	run -0 reconcile "$BATS_TEST_TMPDIR/s"
	assert_output "$(cat "$BATS_TEST_TMPDIR/s")"
}

@test "a sum with a malformed term count or figure is reported with its line" {
	stream "$(printf 'sum\td\tF05\t合计\t小计\tF05.1\t1.00\ttwo\tF05[合计].基本支出\tcomplete')" \
	    "$(printf 'sum\td\tF05\t合计\t小计\tF05.1\t1,00\t1\tF05[合计].基本支出\tcomplete')" >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr reconcile "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "reconcile: $BATS_TEST_TMPDIR/s:2: bad term count 'two' in sum
reconcile: $BATS_TEST_TMPDIR/s:3: malformed figure '1,00' in sum"
	refute_output --partial "$(printf '\ncheck\t')"
}

@test "-h and --help print the usage on stdout and exit 0" {
	run -0 reconcile -h
	assert_output "usage: reconcile [--max-line n] [--max-records n] [file ...]"
	run -0 reconcile --help
	assert_output "usage: reconcile [--max-line n] [--max-records n] [file ...]"
}

@test "--version prints the program's name and version" {
	run -0 reconcile --version
	assert_output --regexp '^reconcile [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "an unknown option prints the usage on stderr and exits 2" {
	run -2 --separate-stderr reconcile -z
	assert_output ""
	assert_equal "$stderr" "usage: reconcile [--max-line n] [--max-records n] [file ...]"
}

@test "a missing file is reported, the others are read, and the status is 2" {
	run -2 --separate-stderr reconcile "$BATS_TEST_TMPDIR/nosuch" "$RC/cross.in"
	assert_equal "$stderr" "reconcile: cannot open '$BATS_TEST_TMPDIR/nosuch': No such file or directory"
	assert_output "$(cat "$RC/cross.out")"
}

@test "a missing file outranks a failing check: the status is 2" {
	run -2 --separate-stderr reconcile "$RC/sums.in" "$BATS_TEST_TMPDIR/nosuch"
	assert_output "$(cat "$RC/sums.out")"
}

@test "input without a version line is refused with its position" {
	printf 'sum\tx\n' >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr reconcile <"$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "reconcile: stdin:1: not a juesuan stream (no '#juesuan-stream' version line)"
	assert_output "$(printf '#juesuan-stream\t1')"
}

@test "another stream version is refused with its position" {
	printf '#juesuan-stream\t0\n' >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr reconcile "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "reconcile: $BATS_TEST_TMPDIR/s:1: unsupported stream version '0' (this is version 1)"
}

@test "empty input is refused" {
	run -2 --separate-stderr reconcile </dev/null
	assert_equal "$stderr" "reconcile: stdin: empty input: no stream version line"
}

@test "a check record with a wrong number of fields is refused with its line" {
	stream "$(printf 'check\td\tX.1')" >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr reconcile "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "reconcile: $BATS_TEST_TMPDIR/s:2: 'check' record has 3 fields, expected 11"
}

@test "--max-records refuses a larger document with its position" {
	run -2 --separate-stderr reconcile --max-records 3 "$RC/crossfail.in"
	assert_equal "$stderr" "reconcile: $RC/crossfail.in:5: more than 3 records in one document (raise it with --max-records)"
}

@test "--max-line refuses a longer line with its position" {
	run -2 --separate-stderr reconcile --max-line 50 "$RC/crossfail.in"
	assert_equal "$stderr" "reconcile: $RC/crossfail.in:2: line longer than 50 bytes (raise it with --max-line)"
}

@test "a write error on stdout exits 2" {
	run -2 --separate-stderr bash -c 'reconcile "$1" >/dev/full' _ "$RC/cross.in"
	assert_equal "$stderr" "reconcile: write error on stdout: No space left on device"
}
