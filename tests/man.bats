#!/usr/bin/env bats
#
# The manual pages: every docs/man/*.1 is mandoc -Tlint clean, and every
# program's `--help` prints its page's SYNOPSIS (style.md: usage() prints
# exactly the SYNOPSIS).  A program whose page or executable does not exist
# yet is skipped, not failed.

load test_helper

# synopsis PAGE: the SYNOPSIS section of the mdoc PAGE as mandoc renders it,
# on one line, runs of blanks made one space.
synopsis() {
	mandoc -T ascii -O width=1000 "$1" |
	sed "s/.$(printf '\b')//g" |
	awk '/^[A-Z][A-Z ]*$/ { on = ($0 == "SYNOPSIS"); next } on' |
	tr -s ' \n' '  ' | sed 's/^ //; s/ $//'
}

# usage_matches PROG: the first line of `PROG --help` is "usage: " and the
# SYNOPSIS of docs/man/PROG.1.
usage_matches() {
	local prog=$1 page=$TOP/docs/man/$1.1 exe
	if [ -x "$TOP/bin/$prog" ]; then
		exe=$TOP/bin/$prog
	elif [ -x "$TOP/scripts/$prog" ]; then
		exe=$TOP/scripts/$prog
	else
		skip "$prog is not built yet"
	fi
	[ -f "$page" ] || skip "docs/man/$prog.1 is not written yet"
	run -0 synopsis "$page"
	refute_output ""
	local want="usage: $output"
	run -0 "$exe" --help
	assert_equal "${lines[0]}" "$want"
}

@test "every page in docs/man is mandoc -Tlint clean at level warning" {
	local page n=0
	for page in "$TOP"/docs/man/*.1; do
		[ -f "$page" ] || continue
		run -0 mandoc -T lint -W warning "$page"
		assert_output ""
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || skip "no pages yet"
}

@test "parse-pdf-text --help prints its page's SYNOPSIS" {
	usage_matches parse-pdf-text
}

@test "normalize-numbers --help prints its page's SYNOPSIS" {
	usage_matches normalize-numbers
}

@test "rollup --help prints its page's SYNOPSIS" {
	usage_matches rollup
}

@test "reconcile --help prints its page's SYNOPSIS" {
	usage_matches reconcile
}

@test "score --help prints its page's SYNOPSIS" {
	usage_matches score
}

@test "emit-csv --help prints its page's SYNOPSIS" {
	usage_matches emit-csv
}

@test "juesuan --help prints its page's SYNOPSIS" {
	usage_matches juesuan
}

@test "juesuan-archive --help prints its page's SYNOPSIS" {
	usage_matches juesuan-archive
}

@test "juesuan-diff --help prints its page's SYNOPSIS" {
	usage_matches juesuan-diff
}

@test "every other page whose program exists matches its --help too" {
	local page prog n=0
	for page in "$TOP"/docs/man/*.1; do
		[ -f "$page" ] || continue
		prog=$(basename "$page" .1)
		case " parse-pdf-text normalize-numbers rollup reconcile score emit-csv juesuan juesuan-archive juesuan-diff " in
		*" $prog "*) continue ;;
		esac
		[ -x "$TOP/bin/$prog" ] || [ -x "$TOP/scripts/$prog" ] || continue
		usage_matches "$prog"
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || skip "no other page"
}
