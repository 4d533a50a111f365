#!/usr/bin/env bats
# docs/tables.md and the catalogue in filters/lib/tpl.c agree.

load test_helper

@test "every catalogue id and title is listed in docs/tables.md" {
	run -0 grep -o '{ "[FB][01][0-9]", "[^"]*\(\\"[^"]*\\"[^"]*\)*"' "$TOP/filters/lib/tpl.c"
	[ "${#lines[@]}" -eq 23 ]
	for l in "${lines[@]}"; do
		id=${l:3:3}
		title=$(printf '%s' "$l" | sed 's/^{ "[FB][01][0-9]", "//; s/"$//; s/\\"/"/g')
		run -0 grep -F "| $id | $title" "$TOP/docs/tables.md"
	done
}

@test "every id in docs/tables.md is in the catalogue" {
	run -0 grep -oE '^\| [FB][01][0-9] ' "$TOP/docs/tables.md"
	for l in "${lines[@]}"; do
		id=${l:2:3}
		run -0 grep -F "{ \"$id\", " "$TOP/filters/lib/tpl.c"
	done
}
