#!/usr/bin/env bats
#
# The scripts and the shell the tests share pass shellcheck (style.md: a
# local disable needs a reason written next to it).

load test_helper

@test "shellcheck passes over scripts/*, tests/*.bash and .ci/run" {
	command -v shellcheck >/dev/null || fail "shellcheck is not installed: make deps"
	local f files=()
	for f in "$TOP"/scripts/* "$TOP"/tests/*.bash "$TOP"/.ci/run; do
		[ -f "$f" ] && files+=("$f")
	done
	run -0 shellcheck "${files[@]}"
	assert_output ""
}
