# Shared set-up for every tests/*.bats file: load it with `load test_helper`.
# shellcheck shell=bash

bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

TOP="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
# JUESUAN_BIN lets `make check-sanitize` run the same tests on other builds.
PATH="${JUESUAN_BIN:-$TOP/bin}:$TOP/scripts:$PATH"
LC_ALL=C
TZ=UTC
export PATH LC_ALL TZ

# FIX and SEED are read by the .bats files that load this helper.
# shellcheck disable=SC2034
FIX="$BATS_TEST_DIRNAME/fixtures"
SHARED="$TOP/../shared"
# shellcheck disable=SC2034
SEED="$TOP/samples/wuhan-hrss-info-center-2024-final-unit.txt"

# need_corpus: skip the test when ../shared/corpus is absent (it is outside
# the repository and absent for anyone outside the team).
need_corpus() {
	[ -d "$SHARED/corpus" ] || skip "../shared/corpus is absent"
}

# joined PDF: the text of PDF (pdftotext -layout) without its spaces, line
# breaks and page breaks, so that a sentence wrapped over lines or pages
# reads whole.  Corpus tests take the figures a document states from it
# rather than quote them (no text of the corpus goes into the repository).
joined() {
	pdftotext -layout "$1" - 2>/dev/null | tr -d ' \n\f'
}

# stream: print a version line followed by the records given as arguments,
# each a TAB-separated line, so tests can build small streams inline.
stream() {
	printf '#juesuan-stream\t1\n'
	local r
	for r in "$@"; do
		printf '%s\n' "$r"
	done
}
