#!/usr/bin/env bats
# normalize-numbers: the figure grammar (golden pairs in
# fixtures/normalize-numbers/CASE.in -> CASE.out), the rules across cells,
# unit conversion, and the stream and command-line contract.

# $stderr is set by bats' run --separate-stderr; $ in single quotes belongs
# to awk programs and inner shells.
# shellcheck disable=SC2154,SC2016

load test_helper

NN="$FIX/normalize-numbers"

# opts CASE: the options a golden case is run with.
opts() {
	case $1 in
	to-yuan) echo "-u 元" ;;
	to-wan) echo "-u 万元" ;;
	to-yi) echo "-u 亿元" ;;
	esac
}

# golden CASE: normalize-numbers over CASE.in writes CASE.out, silently.
golden() {
	local o
	o=$(opts "$1")
	# shellcheck disable=SC2086 # $o is zero or two words
	run -0 --separate-stderr normalize-numbers $o "$NN/$1.in"
	assert_output "$(cat "$NN/$1.out")"
	assert_equal "$stderr" ""
}

# cellrec RAW [UNIT [STATUS]]: one cell record of table F02.
cellrec() {
	printf 'cell\td1\tF02\t208\t社会保障和就业支出\t\t合计\t1\t%s\t\t%s\t%s\t\t7:3\t1\t1' \
	    "$1" "${2-万元}" "${3-new}"
}

# a utf-8 locale other than C, or nothing
utf8_locale() {
	locale -a 2>/dev/null | grep -i -m1 -E '^c\.utf-?8$'
}

@test "spaced thousands separators and decimal points make one figure" {
	golden spaced
}

@test "full-width digits, punctuation and spaces are folded and flagged" {
	golden fullwidth
}

@test "figures with one or no decimal are padded to two and flagged" {
	golden decimals
}

@test "parentheses and a leading minus make a figure negative" {
	golden negative
}

@test "blanks, dashes and rule residue are blank, and a printed 0 is not" {
	golden nil
}

@test "percentages keep the decimals they were printed with" {
	golden percent
}

@test "the same figure twice is a duplicate and two different ones are damage" {
	golden figures
}

@test "letters where digits belong are damage, never read as digits" {
	golden letters
}

@test "a figure with more digits than fit is damaged as overflow" {
	golden overflow
}

@test "a figure cut off or malformed is damaged as truncated" {
	golden truncated
}

@test "a cut figure makes its column's one-decimal figures truncated, no others" {
	golden column
}

@test "the column rule does not reach into the next document" {
	golden documents
}

@test "a fraction alone and the plain integer before it in the row are split" {
	golden split
}

@test "claims get their value in the claim's unit, percentages and counts as printed" {
	golden claims
}

@test "-u 元 converts every amount cell and amount claim exactly" {
	golden to-yuan
}

@test "-u 万元 converts exactly and damages what would need more decimals" {
	golden to-wan
}

@test "-u 亿元 converts exactly and damages what would need more decimals" {
	golden to-yi
}

@test "other records, flags of other filters and reconciled cells pass through" {
	golden passthrough
}

@test "every golden case gives the same bytes under a UTF-8 locale" {
	local loc c o
	loc=$(utf8_locale) || skip "no C.UTF-8 locale"
	for c in "$NN"/*.in; do
		c=${c##*/}
		c=${c%.in}
		o=$(opts "$c")
		# shellcheck disable=SC2086
		run -0 env LC_ALL="$loc" normalize-numbers $o "$NN/$c.in"
		assert_output "$(cat "$NN/$c.out")"
	done
}

@test "a second run over its own output changes nothing" {
	local c
	for c in "$NN"/*.in; do
		c=${c%.in}
		[ -f "$c.out" ] || continue
		case ${c##*/} in to-*) continue ;; esac
		run -0 normalize-numbers "$c.out"
		assert_output "$(cat "$c.out")"
	done
}

@test "converting a normalised stream equals converting while normalising" {
	run -0 normalize-numbers "$NN/to-yuan.in"
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/once"
	run -0 normalize-numbers -u 元 "$BATS_TEST_TMPDIR/once"
	assert_output "$(cat "$NN/to-yuan.out")"
}

@test "a blank cell and a printed 0 stay distinct" {
	stream "$(cellrec '')" "$(cellrec 0)" >"$BATS_TEST_TMPDIR/s"
	run -0 normalize-numbers "$BATS_TEST_TMPDIR/s"
	assert_line --index 1 "$(cellrec '' 万元 blank)"
	assert_line --index 2 "$(printf 'cell\td1\tF02\t208\t社会保障和就业支出\t\t合计\t1\t0\t0.00\t万元\tok\tnodecimal\t7:3\t1\t1')"
}

@test "several operands and '-' give one stream with one version line" {
	stream "$(cellrec '1, 731. 95')" >"$BATS_TEST_TMPDIR/a"
	stream "$(cellrec '—')" >"$BATS_TEST_TMPDIR/b"
	run -0 --separate-stderr normalize-numbers "$BATS_TEST_TMPDIR/a" - <"$BATS_TEST_TMPDIR/b"
	assert_equal "${#lines[@]}" 3
	assert_line --index 0 "$(printf '#juesuan-stream\t1')"
	assert_line --index 1 --partial "$(printf '\t1731.95\t万元\tok\tspaced\t')"
	assert_line --index 2 --partial "$(printf '\t万元\tblank\tdash\t')"
	assert_equal "$stderr" ""
}

@test "the seed document's figures all get a status" {
	command -v parse-pdf-text >/dev/null || skip "parse-pdf-text is not built"
	parse-pdf-text "$SEED" >"$BATS_TEST_TMPDIR/seed" || skip "parse-pdf-text failed"
	run -0 --separate-stderr normalize-numbers "$BATS_TEST_TMPDIR/seed"
	assert_equal "$stderr" ""
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/out"
	run -0 awk -F '\t' '$1 == "cell" && $12 != "ok" && $12 != "blank" && $12 != "damaged"' "$BATS_TEST_TMPDIR/out"
	assert_output ""
	# F01's right-hand column was cut: "1, 547. (" takes "86. 6" with it
	run -0 awk -F '\t' '$1 == "cell" && $9 == "86. 6" { print $3, $12 }' "$BATS_TEST_TMPDIR/out"
	assert_output "F01 damaged"
	# while F02's "65. 2" is a real 65.20
	run -0 awk -F '\t' '$1 == "cell" && $3 == "F02" && $9 == "65. 2" { print $10, $12 }' "$BATS_TEST_TMPDIR/out"
	assert_line "65.20 ok"
	# and the duplicated cell of F05 row 2080505 is 54.61
	run -0 awk -F '\t' '$1 == "cell" && $9 == "54. 61 54. 61" { print $10, $12 }' "$BATS_TEST_TMPDIR/out"
	assert_output "54.61 ok"
}

@test "-h and --help print the usage on stdout and exit 0" {
	run -0 normalize-numbers -h
	assert_output "usage: normalize-numbers [-u unit] [--max-line n] [--max-records n] [file ...]"
	run -0 normalize-numbers --help
	assert_output "usage: normalize-numbers [-u unit] [--max-line n] [--max-records n] [file ...]"
}

@test "--version prints the program's name and version" {
	run -0 normalize-numbers --version
	assert_output --regexp '^normalize-numbers [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "an unknown option prints the usage on stderr and exits 2" {
	run -2 --separate-stderr normalize-numbers -z
	assert_output ""
	[[ "$stderr" == "normalize-numbers: invalid option -- 'z'"$'\n'"usage: normalize-numbers [-u unit] [--max-line n] [--max-records n] [file ...]" ]]
}

@test "a unit other than 元, 万元 or 亿元 for -u is a usage error" {
	run -2 --separate-stderr normalize-numbers -u 千元
	assert_output ""
	[[ "$stderr" == "normalize-numbers: invalid unit '千元' for -u (元, 万元 or 亿元)"$'\n'"usage: "* ]]
}

@test "an invalid --max-line value is a usage error" {
	run -2 --separate-stderr normalize-numbers --max-line 0
	assert_equal "$stderr" "normalize-numbers: invalid value for --max-line: '0'"
}

@test "a missing file is reported, the others are read, and the status is 2" {
	stream "$(cellrec 54)" >"$BATS_TEST_TMPDIR/a"
	run -2 --separate-stderr normalize-numbers "$BATS_TEST_TMPDIR/nosuch" "$BATS_TEST_TMPDIR/a"
	assert_equal "$stderr" "normalize-numbers: cannot open '$BATS_TEST_TMPDIR/nosuch': No such file or directory"
	assert_line --index 1 --partial $'\t54.00\t'
}

@test "input without a version line is refused with its position" {
	printf '%s\n' "$(cellrec 54)" >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr normalize-numbers <"$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "normalize-numbers: stdin:1: not a juesuan stream (no '#juesuan-stream' version line)"
}

@test "another stream version is refused with its position" {
	printf '#juesuan-stream\t2\n' >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr normalize-numbers "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "normalize-numbers: $BATS_TEST_TMPDIR/s:1: unsupported stream version '2' (this is version 1)"
}

@test "empty input is refused" {
	run -2 --separate-stderr normalize-numbers </dev/null
	assert_equal "$stderr" "normalize-numbers: stdin: empty input: no stream version line"
}

@test "a cell with a wrong number of fields is refused with its line" {
	stream "$(cellrec 54)" "$(printf 'cell\td1\tF02\t54')" >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr normalize-numbers "$BATS_TEST_TMPDIR/s"
	assert_equal "${stderr_lines[0]}" "normalize-numbers: $BATS_TEST_TMPDIR/s:3: 'cell' record has 4 fields, expected 16"
	# the batch is cut: none of it is passed on
	assert_equal "${#stderr_lines[@]}" 1
	refute_output --partial $'\t54.00\t'
}

@test "--max-line refuses a longer line with its position" {
	stream "$(cellrec 54)" >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr normalize-numbers --max-line 20 "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "normalize-numbers: $BATS_TEST_TMPDIR/s:2: line longer than 20 bytes (raise it with --max-line)"
}

@test "--max-records refuses a larger document with its position" {
	stream "$(cellrec 1)" "$(cellrec 2)" "$(cellrec 3)" >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr normalize-numbers --max-records 2 "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "normalize-numbers: $BATS_TEST_TMPDIR/s:4: more than 2 records in one document (raise it with --max-records)"
	run -0 normalize-numbers --max-records 3 "$BATS_TEST_TMPDIR/s"
}

@test "-u reports an amount cell without a unit with its line and exits 2" {
	stream "$(cellrec 54 '')" "$(cellrec '' '')" >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr normalize-numbers -u 元 "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "normalize-numbers: $BATS_TEST_TMPDIR/s:2: cannot convert '54' to 元: the cell has no unit"
	assert_line --index 1 --partial $'\t54.00\t\tok\t'
}

@test "a claim of unknown quantity is reported with its line" {
	stream "$(printf 'claim\td1\t一\t收支总计\tvalue\tweight\t12吨\t\t吨\t3:1\t上下文')" >"$BATS_TEST_TMPDIR/s"
	run -2 --separate-stderr normalize-numbers "$BATS_TEST_TMPDIR/s"
	assert_equal "$stderr" "normalize-numbers: $BATS_TEST_TMPDIR/s:2: claim of unknown quantity 'weight'"
}

@test "a write error on stdout exits 2" {
	run -2 --separate-stderr bash -c 'normalize-numbers "$1" >/dev/full' _ "$NN/spaced.in"
	assert_equal "$stderr" "normalize-numbers: write error on stdout: No space left on device"
}

@test "the C unit tests of the grammar pass" {
	local t=${JUESUAN_BIN:-$TOP/bin}/num_test
	[ -x "$t" ] || skip "bin/num_test is not built"
	run -0 "$t"
}
