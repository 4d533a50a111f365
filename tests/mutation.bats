#!/usr/bin/env bats
# mutation: every printed figure of the seed's tables changed by one digit,
# one at a time; reconcile should fail a check that names the changed cell
# (docs/rules.md, "How often a wrong figure is caught").  About 740
# mutants, rollup and reconcile each: some ten seconds.

load test_helper

MUT="$FIX/mutation/mutate.awk"

setup_file() {
	parse-pdf-text "$SEED" | normalize-numbers >"$BATS_FILE_TMPDIR/seed.norm"
	awk -v mode=list -f "$MUT" "$BATS_FILE_TMPDIR/seed.norm" >"$BATS_FILE_TMPDIR/mutants"
	# run each mutant once; misses go to a file for the tests below
	: >"$BATS_FILE_TMPDIR/missed"
	local line k key
	while read -r line k key; do
		if ! awk -v mode=apply -v line="$line" -v k="$k" -f "$MUT" \
		    "$BATS_FILE_TMPDIR/seed.norm" | rollup | reconcile 2>/dev/null |
		    awk -F '\t' -v key="$key" '
			$1 == "check" && $5 == "fail" {
				n = split($10, c, ";")
				for (i = 1; i <= n; i++)
					if (c[i] == key)
						found = 1
			}
			END { exit !found }'; then
			printf '%s %s %s\n' "$line" "$k" "$key" >>"$BATS_FILE_TMPDIR/missed"
		fi
	done <"$BATS_FILE_TMPDIR/mutants"
}

# last_digit LINE K: is the K-th digit the last printed digit of the cell?
last_digit() {
	awk -F '\t' -v l="$1" -v k="$2" '
		NR == l {
			v = $10 != "" ? $10 : $9
			pad = $10 == "" ? 0 : $13 ~ /onedecimal/ ? 1 : $13 ~ /nodecimal/ ? 2 : 0
			exit !(k == gsub(/[0-9]/, "&", v) - pad)
		}' "$BATS_FILE_TMPDIR/seed.norm"
}

@test "the seed has some 700 table digits to change" {
	run -0 wc -l <"$BATS_FILE_TMPDIR/mutants"
	[ "$output" -gt 700 ]
}

@test "a table figure changed by one digit fails a check naming its cell in over 95% of cases" {
	local total missed
	total=$(wc -l <"$BATS_FILE_TMPDIR/mutants")
	missed=$(wc -l <"$BATS_FILE_TMPDIR/missed")
	printf '# mutation: %d of %d caught (%d.%d%%)\n' "$((total - missed))" "$total" \
	    "$(((total - missed) * 100 / total))" "$(((total - missed) * 1000 / total % 10))" >&3
	[ "$((missed * 100))" -lt "$((total * 5))" ]
}

@test "every change missed is one of the last digit, which rounding explains" {
	local line k key
	while read -r line k key; do
		last_digit "$line" "$k" || fail "digit $k of $key is missed and is not its last"
	done <"$BATS_FILE_TMPDIR/missed"
}

@test "a damaged figure changed so its print rules out the value is failed as R.1" {
	sed 's/1, 547\. (/1, 647. (/' "$BATS_FILE_TMPDIR/seed.norm" >"$BATS_TEST_TMPDIR/s"
	run -1 bash -c 'set -o pipefail; rollup "$1" | reconcile | grep "^check" | cut -f3-5,10,11' _ "$BATS_TEST_TMPDIR/s"
	assert_line "$(printf 'R.1\tF01\tfail\t%s\t%s' \
	    'F01[社会保障和就业支出].支出决算数@71:26;F03[208].本年支出合计@143:15' \
	    "F01[社会保障和就业支出].支出决算数 printed '1, 647. (' cannot be 1547.08, which X.4 requires")"
}

@test "the seed itself fails no table identity" {
	run -1 bash -c 'set -o pipefail; rollup "$1" | reconcile | grep "^check" | cut -f3,5' _ "$BATS_FILE_TMPDIR/seed.norm"
	refute_line --regexp $'^[FXDR][^\t]*\tfail$'
}
