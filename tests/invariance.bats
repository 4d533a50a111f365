#!/usr/bin/env bats
# invariance: the seed damaged the ways OCR and transcoding damage text
# (full-width digits and punctuation, spaced or missing separators,
# GB18030, CRLF and a byte order mark) gives exactly the same figures:
# the value column of facts.csv, key by key.  The damage is done by awk
# and iconv at test time; the comparison is independent of the C code.

# $ in single quotes belongs to awk.
# shellcheck disable=SC2016

load test_helper

# figures [OPTION...] FILE: "table|code|label|row_no|column|column_no=value"
# for every row of facts.csv from the whole chain over FILE, sorted.  The
# document id is fixed, so that the file name does not count.
figures() {
	parse-pdf-text --doc seed "$@" | normalize-numbers | rollup | reconcile |
	    score | emit-csv | awk '
	function csvsplit(line, f,    n, i, c, q, cur) {
		n = 0; cur = ""; q = 0
		for (i = 1; i <= length(line); i++) {
			c = substr(line, i, 1)
			if (q) {
				if (c == "\"") {
					if (substr(line, i + 1, 1) == "\"") { cur = cur c; i++ }
					else q = 0
				} else cur = cur c
			} else if (c == "\"") q = 1
			else if (c == ",") { f[++n] = cur; cur = "" }
			else cur = cur c
		}
		f[++n] = cur
		return n
	}
	FNR == 1 {
		n = csvsplit($0, h)
		for (i = 1; i <= n; i++)
			col[h[i]] = i
		next
	}
	{
		csvsplit($0, f)
		print f[col["table"]] "|" f[col["row_code"]] "|" f[col["row_label"]] "|" \
		    f[col["row_no"]] "|" f[col["column"]] "|" f[col["column_no"]] "=" \
		    f[col["value"]]
	}' | LC_ALL=C sort
}

# damage MODE <TEXT: rewrite the TAB-separated table cells of an OCR text.
#   fullwidth   every ASCII digit , . % ( ) - of every cell to its full-
#               width form (U+FF10.., U+FF0C, U+FF0E, U+FF05, U+FF08,
#               U+FF09, U+FF0D): figures, 行次, 栏次 and codes alike
#   fwfigures   the same in the cells that hold a figure only
#   commas      figures as "1, 731. 95": a space after each separator
#   spaces      figures as "1 731.95": spaces as thousands separators
#   bare        figures as "1731.95": no separator at all
# A figure here is one number "(1,731.95)", "-12.5", "18.1%" as OCR
# printed it, spaces after its separators allowed; cells of two figures
# or of damaged ones are left alone.
damage() {
	awk -v mode="$1" '
	BEGIN {
		for (i = 0; i <= 9; i++)
			fw[i ""] = sprintf("\357\274%c", 144 + i)
		fw[","] = "\357\274\214"; fw["."] = "\357\274\216"
		fw["%"] = "\357\274\205"; fw["("] = "\357\274\210"
		fw[")"] = "\357\274\211"; fw["-"] = "\357\274\215"
	}
	function wide(s,    out, i, c) {
		out = ""
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			out = out ((c in fw) ? fw[c] : c)
		}
		return out
	}
	# one well-formed figure, spaces only after a separator?
	function figure(s,    t) {
		if (s ~ /[0-9] +[0-9]/)
			return 0
		t = s
		gsub(/ /, "", t)
		return t ~ /^[(-]?[0-9]+(,[0-9][0-9][0-9])*(\.[0-9]+)?%?\)?$/ &&
		    t !~ /^[0-9]+$/
	}
	# the integer digits of a figure in groups of three, joined by sep
	function group(d, sep,    out) {
		out = ""
		while (length(d) > 3) {
			out = sep substr(d, length(d) - 2) out
			d = substr(d, 1, length(d) - 3)
		}
		return d out
	}
	function respace(s,    t, pre, post, ip, fp) {
		t = s
		gsub(/[ ,]/, "", t)
		pre = post = ""
		if (t ~ /^[(-]/) { pre = substr(t, 1, 1); t = substr(t, 2) }
		if (t ~ /\)$/) { post = ")"; t = substr(t, 1, length(t) - 1) }
		if (t ~ /%$/) { post = "%" post; t = substr(t, 1, length(t) - 1) }
		ip = t; fp = ""
		if (index(t, ".") > 0) {
			ip = substr(t, 1, index(t, ".") - 1)
			fp = substr(t, index(t, "."))
		}
		if (mode == "commas") {
			if (fp != "")
				fp = ". " substr(fp, 2)
			return pre group(ip, ", ") fp post
		}
		if (mode == "spaces" && fp != "")
			return pre group(ip, " ") fp post
		if (mode == "spaces")
			return pre group(ip, ",") post
		return pre ip fp post
	}
	index($0, "\t") == 0 { print; next }
	{
		n = split($0, c, "\t")
		out = ""
		for (i = 1; i <= n; i++) {
			v = c[i]
			if (mode == "fullwidth")
				v = wide(v)
			else if (mode == "fwfigures" && figure(v))
				v = wide(v)
			else if (mode != "fwfigures" && figure(v))
				v = respace(v)
			out = out (i > 1 ? "\t" : "") v
		}
		print out
	}'
}

setup() {
	figures "$SEED" >"$BATS_TEST_TMPDIR/seed.fig"
}

# same FILE [OPTION...]: the figures of FILE are those of the seed
same() {
	local f=$1
	shift
	figures "$@" "$f" >"$BATS_TEST_TMPDIR/damaged.fig"
	diff "$BATS_TEST_TMPDIR/seed.fig" "$BATS_TEST_TMPDIR/damaged.fig"
}

@test "the seed has figures to compare" {
	run -0 grep -c '=[0-9]' "$BATS_TEST_TMPDIR/seed.fig"
	[ "$output" -ge 150 ]
}

@test "full-width figures give the same figures" {
	damage fwfigures <"$SEED" >"$BATS_TEST_TMPDIR/fw.txt"
	run -0 grep -c '１' "$BATS_TEST_TMPDIR/fw.txt"
	run -0 same "$BATS_TEST_TMPDIR/fw.txt"
}

@test "full-width digits and punctuation in every table cell, 栏次 and codes too, give the same figures" {
	damage fullwidth <"$SEED" >"$BATS_TEST_TMPDIR/fw.txt"
	run -0 same "$BATS_TEST_TMPDIR/fw.txt"
}

@test "figures spaced after their separators give the same figures" {
	damage commas <"$SEED" >"$BATS_TEST_TMPDIR/commas.txt"
	run -0 grep -c '[0-9], [0-9][0-9][0-9]\. [0-9]' "$BATS_TEST_TMPDIR/commas.txt"
	run -0 same "$BATS_TEST_TMPDIR/commas.txt"
}

@test "figures with spaces for thousands separators give the same figures" {
	damage spaces <"$SEED" >"$BATS_TEST_TMPDIR/spaces.txt"
	run -0 grep -c '[0-9] [0-9][0-9][0-9]\.[0-9]' "$BATS_TEST_TMPDIR/spaces.txt"
	run -0 same "$BATS_TEST_TMPDIR/spaces.txt"
}

@test "figures without separators give the same figures" {
	damage bare <"$SEED" >"$BATS_TEST_TMPDIR/bare.txt"
	run -0 grep -c '	1731\.95	' "$BATS_TEST_TMPDIR/bare.txt"
	run -0 same "$BATS_TEST_TMPDIR/bare.txt"
}

@test "the seed in GB18030 gives the same figures, detected or given with -e" {
	iconv -f UTF-8 -t GB18030 "$SEED" >"$BATS_TEST_TMPDIR/gb.txt"
	run -0 same "$BATS_TEST_TMPDIR/gb.txt"
	run -0 same "$BATS_TEST_TMPDIR/gb.txt" -e GB18030
}

@test "the seed with CRLF line ends and a byte order mark gives the same figures" {
	{ printf '\357\273\277'; sed 's/$/\r/' "$SEED"; } >"$BATS_TEST_TMPDIR/crlf.txt"
	run -0 same "$BATS_TEST_TMPDIR/crlf.txt"
}

@test "all the damage at once, in GB18030, gives the same figures" {
	damage commas <"$SEED" | damage fwfigures | sed 's/$/\r/' |
	    iconv -f UTF-8 -t GB18030 >"$BATS_TEST_TMPDIR/all.txt"
	run -0 same "$BATS_TEST_TMPDIR/all.txt"
}
