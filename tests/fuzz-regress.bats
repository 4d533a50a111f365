#!/usr/bin/env bats
# fuzz-regress: every input with which a fuzz harness of fuzz/ once found a
# crash, a hang or a broken promise, run through the real filter.  The
# inputs are fixtures/fuzz-regress/HARNESS-WHAT, where HARNESS names the
# harness that found it and so the filter that reads it:
#
#   parse_text-*  a text for parse-pdf-text (default limits, and
#                 --max-cells 16 as the harness runs it)
#   enc-*         a file of any bytes for parse-pdf-text, with detection
#                 and with -e GB18030
#   num-*         the raw text of a table cell and of a claim, for
#                 normalize-numbers
#   rec-*         a record stream, for every stream filter
#
# A filter must end with 0, 1 or 2 within 10 seconds; under `make
# check-sanitize` a sanitizer report aborts it (status 134), which fails
# the test.  docs/fuzzing.md says how a crash becomes such a fixture.

# $stderr is set by bats' run --separate-stderr.
# shellcheck disable=SC2154

load test_helper

R="$FIX/fuzz-regress"

# survives CMD...: CMD ends within 10 seconds with 0, 1 or 2 and writes no
# sanitizer report
survives() {
	run --separate-stderr timeout 10 "$@"
	if [ "$status" -gt 2 ]; then
		printf 'status %s from: %s\n%s\n' "$status" "$*" "$stderr" >&2
		return 1
	fi
	if [[ "$stderr" == *"Sanitizer"* || "$stderr" == *"runtime error"* ]]; then
		printf 'sanitizer report from: %s\n%s\n' "$*" "$stderr" >&2
		return 1
	fi
}

# field <FILE: the bytes of FILE as one escaped stream field
field() {
	sed -e 's/\\/\\\\/g' -e 's/\t/\\t/g' -e 's/\r/\\r/g' | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n/\\n/g'
}

@test "the regression inputs are all named after a harness" {
	local f n=0
	for f in "$R"/*; do
		[ -e "$f" ] || continue
		n=$((n + 1))
		case ${f##*/} in
		parse_text-* | enc-* | num-* | rec-*) ;;
		*) fail "fixture '${f##*/}' names no harness" ;;
		esac
	done
	[ "$n" -gt 0 ]
}

@test "parse-pdf-text survives every text that crashed fuzz/parse_text.c" {
	local f
	for f in "$R"/parse_text-*; do
		[ -e "$f" ] || continue
		survives parse-pdf-text "$f"
		survives parse-pdf-text --max-cells 16 "$f"
	done
}

@test "parse-pdf-text survives every file that crashed fuzz/enc.c" {
	local f
	for f in "$R"/enc-*; do
		[ -e "$f" ] || continue
		survives parse-pdf-text "$f"
		survives parse-pdf-text -e GB18030 "$f"
		survives parse-pdf-text -e UTF-16LE "$f"
	done
}

@test "normalize-numbers survives every cell text that crashed fuzz/num.c" {
	local f raw
	for f in "$R"/num-*; do
		[ -e "$f" ] || continue
		raw=$(field <"$f")
		stream "$(printf 'doc\td1\td1.txt\t\t\t\t2024\t决算\t单位\ttsv\tUTF-8')" \
		    "$(printf 'table\td1\tF02\tt\t\t万元\t1:1\tfound\t')" \
		    "$(printf 'cell\td1\tF02\t\t行1\t\t列1\t\t%s\t\t万元\tnew\t\t3:5\t1\t1' "$raw")" \
		    "$(printf 'claim\td1\t一\t收入\tvalue\tamount\t%s万元\t\t万元\t9:1\tx' "$raw")" \
		    >"$BATS_TEST_TMPDIR/num.in"
		survives normalize-numbers "$BATS_TEST_TMPDIR/num.in"
		survives normalize-numbers -u 元 "$BATS_TEST_TMPDIR/num.in"
	done
}

@test "every stream filter survives every stream that crashed fuzz/rec.c" {
	local f s
	for f in "$R"/rec-*; do
		[ -e "$f" ] || continue
		for s in normalize-numbers rollup reconcile score emit-csv; do
			survives "$s" "$f"
		done
	done
}
