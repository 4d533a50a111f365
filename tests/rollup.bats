#!/usr/bin/env bats
# rollup: the sums of the catalogue's identities (golden pairs in
# fixtures/rollup/CASE.in -> CASE.out), their order, pass-through, and the
# stream and command-line contract.

load test_helper

RU="$FIX/rollup"

# golden CASE: rollup over CASE.in writes CASE.out, silently.
golden() {
	run -0 --separate-stderr rollup "$RU/$1.in"
	assert_output "$(cat "$RU/$1.out")"
	assert_equal "$stderr" ""
}

# sums CASE: only the sum records rollup adds to CASE.in.
sums() {
	rollup "$RU/$1.in" | grep '^sum'
}

# cellrec TABLE ROWCODE ROWLABEL COL VALUE STATUS RSEQ CSEQ: one cell record.
cellrec() {
	printf 'cell\td\t%s\t%s\t%s\t\t%s\t\t%s\t%s\t万元\t%s\t\t%s:1\t%s\t%s' \
	    "$1" "$2" "$3" "$4" "$5" "$5" "$6" "$7" "$7" "$8"
}

@test "the code hierarchy sums 项 into 款, 款 into 类 and 类 into 合计, per column" {
	golden hier
}

@test "a parent code that is not printed still gets its sums, before its first child" {
	run -0 sums hier
	assert_line --index 15 "$(printf 'sum\thier\tF05\t21011\t小计\tF05.2\t86.63\t2\tF05[2101102].小计;F05[2101199].小计\tcomplete')"
	assert_line --index 14 --partial "$(printf '\tF05\t210\t小计\tF05.1\t')"
	assert_line --index 18 --partial "$(printf '\tF05\t2101102\t小计\tF05.1\t')"
}

@test "a blank column sums to 0.00 over its blank terms" {
	run -0 sums hier
	assert_line "$(printf 'sum\thier\tF05\t合计\t项目支出\tF05.2\t0.00\t2\tF05[208].项目支出;F05[210].项目支出\tcomplete')"
}

@test "panel identities: down a column, across a row, class lines, every column" {
	golden panel
}

@test "a total line that is not printed gets its sum after its terms" {
	run -0 sums panel
	assert_line --index 1 "$(printf 'sum\tpanel\tF04\t收入总计\t收入决算数\tF04.3\t100.00\t1\tF04[本年收入合计].收入决算数\tcomplete')"
}

@test "term rows that are not printed are left out, not counted as zero" {
	run -0 sums subtract
	assert_line "$(printf 'sum\tsubtract\tF06\t人员经费合计\t决算数\tF06.2\t10.00\t1\tF06[301].决算数\tcomplete')"
	assert_line "$(printf 'sum\tsubtract\tF06\t公用经费合计\t决算数\tF06.3\t3.00\t1\tF06[302].决算数\tcomplete')"
	refute_output --partial "F04.2"
}

@test "a subtracted term is marked with '-' and subtracted" {
	golden subtract
	run -0 sums subtract
	assert_line "$(printf 'sum\tsubtract\tF07\t合计\t年末结转和结余\tF07.1\t15.00\t3\tF07[合计].年初结转和结余;F07[合计].本年收入;-F07[合计].本年支出小计\tcomplete')"
}

@test "economic codes roll up 5 digits into 3 and have no 合计 of classes" {
	run -0 sums subtract
	assert_line "$(printf 'sum\tsubtract\tF06\t301\t决算数\tF06.1\t10.00\t2\tF06[30101].决算数;F06[30102].决算数\tcomplete')"
	refute_output --partial "$(printf '\tF06\t合计\t')"
}

@test "a damaged term makes the sum partial with an empty value" {
	golden partial
	run -0 sums partial
	assert_line "$(printf 'sum\tpartial\tF03\t合计\t基本支出\tF03.2\t\t1\tF03[208].基本支出\tpartial')"
}

@test "every record passes through unchanged and sums follow their own document" {
	golden multi
	# the second version line (left by cat a b) is the only record dropped
	run -0 diff <(rollup "$RU/multi.in" | grep -v '^sum') \
	    <(awk 'NR == 1 || !/^#juesuan-stream/' "$RU/multi.in")
}

@test "a table outside the catalogue and a row without identities give no sums" {
	stream "$(cellrec Z99 '' 合计 小计 1.00 ok 1 1)" \
	    "$(cellrec F05 '' 其他 项目支出 1.00 ok 1 3)" >"$BATS_TEST_TMPDIR/s"
	run -0 rollup "$BATS_TEST_TMPDIR/s"
	refute_output --partial "$(printf '\nsum\t')"
	assert_equal "${#lines[@]}" 3
}

@test "the output is the same under a UTF-8 locale" {
	local loc
	loc=$(locale -a 2>/dev/null | grep -i -m1 -E '^c\.utf-?8$') || skip "no C.UTF-8 locale"
	run -0 env LC_ALL="$loc" rollup "$RU/panel.in"
	assert_output "$(cat "$RU/panel.out")"
}

@test "a malformed figure in a cell is reported with its line and exits 2" {
	stream "$(cellrec F05 '' 合计 小计 '1,731.95' ok 1 1)" \
	    "$(cellrec F05 '' 合计 基本支出 1.00 ok 1 2)" >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr rollup "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "rollup: $BATS_TEST_TMPDIR/s:2: malformed figure '1,731.95' in cell F05[合计].小计"
	assert_line --partial "$(printf 'sum\td\tF05\t合计\t小计\tF05.1\t1.00\t')"
}

@test "-h and --help print the usage on stdout and exit 0" {
	run -0 rollup -h
	assert_output "usage: rollup [--max-line n] [--max-records n] [file ...]"
	run -0 rollup --help
	assert_output "usage: rollup [--max-line n] [--max-records n] [file ...]"
}

@test "--version prints the program's name and version" {
	run -0 rollup --version
	assert_output --regexp '^rollup [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "an unknown option prints the usage on stderr and exits 2" {
	run -2 --separate-stderr rollup --no-such-option
	assert_output ""
	assert_equal "$stderr" "usage: rollup [--max-line n] [--max-records n] [file ...]"
}

@test "an invalid --max-records value is a usage error" {
	run -2 --separate-stderr rollup --max-records 0
	assert_equal "$stderr" "rollup: invalid value for --max-records: '0'"
}

@test "a missing file is reported, the others are read, and the status is 2" {
	run -2 --separate-stderr rollup "$BATS_TEST_TMPDIR/nosuch" "$RU/multi.in"
	assert_equal "$stderr" "rollup: cannot open '$BATS_TEST_TMPDIR/nosuch': No such file or directory"
	assert_output "$(cat "$RU/multi.out")"
}

@test "input without a version line is refused with its position" {
	printf 'cell\tx\n' >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr rollup "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "rollup: $BATS_TEST_TMPDIR/s:1: not a juesuan stream (no '#juesuan-stream' version line)"
}

@test "another stream version is refused with its position" {
	printf '#juesuan-stream\t2\n' >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr rollup "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "rollup: $BATS_TEST_TMPDIR/s:1: unsupported stream version '2' (this is version 1)"
}

@test "a sum record with a wrong number of fields is refused with its line" {
	stream "$(printf 'sum\td\tF05\t合计')" >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr rollup "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "rollup: $BATS_TEST_TMPDIR/s:2: 'sum' record has 4 fields, expected 10"
}

@test "a document cut by a stream error is left out whole, sums and all" {
	stream "$(cellrec F08 '' 合计 合计 3.00 ok 1 1)" "$(cellrec F08 '' 合计 基本支出 3.00 ok 1 2)" \
	    'x-bad\tescape \q' >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr rollup "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "rollup: $BATS_TEST_TMPDIR/s:4: bad escape '\\q' in field 1"
	assert_equal "${#lines[@]}" 1
	refute_output --partial "$(printf '\nsum\t')"
}

@test "--max-records refuses a larger document with its position" {
	run -2 --separate-stderr rollup --max-records 4 "$RU/multi.in"
	assert_equal "${stderr_lines[0]}" "rollup: $RU/multi.in:7: more than 4 records in one document (raise it with --max-records)"
	assert_equal "${stderr_lines[1]}" "rollup: $RU/multi.in: document 'a' left out"
	run -0 rollup --max-records 6 "$RU/multi.in"
}

@test "--max-line refuses a longer line with its position" {
	run -2 --separate-stderr rollup --max-line 100 "$RU/multi.in"
	assert_equal "$stderr" "rollup: $RU/multi.in:3: line longer than 100 bytes (raise it with --max-line)"
}

@test "a write error on stdout exits 2" {
	run -2 --separate-stderr bash -c 'rollup "$1" >/dev/full' _ "$RU/hier.in"
	assert_equal "$stderr" "rollup: write error on stdout: No space left on device"
}
