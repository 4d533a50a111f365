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
	assert_line --index 0 "$(printf 'F03.1\tF03\tpass\t1731.95\t1731.95\t0.00\t0.01\t%s\t%s' \
	    'F03[合计].本年支出合计@11:11;F03[合计].基本支出@11:21;F03[合计].项目支出@11:31;F03[合计].上缴上级支出@11:41;F03[合计].经营支出@11:51;F03[合计].对附属单位补助支出@11:61' \
	    'row 合计: 本年支出合计 1731.95 = 基本支出 868.08 + 项目支出 863.87 + 上缴上级支出 0.00 + 经营支出 0.00 + 对附属单位补助支出 0.00')"
}

@test "a difference within the envelope of its printed figures is rounding, not a failure" {
	run -1 checks sums
	# three figures (the lhs, 基本, 项目; blanks are exact): below 0.015
	assert_line --index 3 --regexp $'^F03\\.1\tF03\trounding\t1547\\.08\t1547\\.07\t0\\.01\t0\\.01\t'
	# a subtracted term can reach the bound: four figures, 0.02
	assert_line --index 7 --regexp $'^F07\\.1\tF07\trounding\t15\\.01\t15\\.00\t0\\.01\t0\\.02\t.*本年收入 50\\.00 - 本年支出小计 45\\.00 = 15\\.00 \\(diff 0\\.01, within rounding 0\\.02\\)$'
}

@test "a difference beyond the envelope fails and the message says by how much" {
	run -1 checks sums
	assert_line --index 5 --regexp $'^F03\\.1\tF03\tfail\t86\\.63\t86\\.58\t0\\.05\t0\\.00\t.*= 86\\.58 \\(off by 0\\.05, rounding allows 0\\.00\\)$'
}

@test "a damaged lhs, a partial sum and a missing lhs are unverifiable" {
	run -1 checks sums
	assert_line --index 6 --regexp $'^F03\\.1\tF03\tunverifiable\t\t98\\.24\t\t0\\.00\t.*\\(unverifiable: F03\\[221\\]\\.本年支出合计 is damaged\\)$'
	assert_line --index 1 --regexp $'^F03\\.2\tF03\tunverifiable\t1731\\.95\t\t\t0\\.01\t.*221 \\? \\(unverifiable: F03\\[221\\]\\.本年支出合计 is damaged\\)$'
	assert_line --index 4 "$(printf 'F03.2\tF03\tunverifiable\t\t10.00\t\t0.00\t%s\t%s' \
	    'F03[20801].本年支出合计;F03[2080101].本年支出合计@13:11' \
	    'column 本年支出合计: 20801 ? = 2080101 10.00 (unverifiable: no printed cell F03[20801].本年支出合计)')"
}

@test "a blank lhs counts as 0.00" {
	run -1 checks sums
	assert_line --index 2 --regexp $'^F03\\.2\tF03\tpass\t0\\.00\t0\\.00\t0\\.00\t0\\.00\t'
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

# seed FILE: the text FILE (the seed) through the chain up to reconcile
seed() {
	parse-pdf-text "$1" | normalize-numbers | rollup | reconcile
}

@test "the seed's cut-off F01 figures are repaired from F03 and confirmed by F01.3; 86.63 and 98.24 are ambiguous" {
	run -1 bash -c "$(declare -f seed); set -o pipefail; seed \"\$1\" | grep '^repair' | cut -f3- | grep '^F0'" _ "$SEED"
	assert_output "$(printf '%s\n' \
	    $'F01\t社会保障和就业支出\t支出决算数\t1, 547. (\t1547.08\tX.4;F01.3\tunique' \
	    $'F01\t卫生健康支出\t支出决算数\t86. 6\t86.63\tX.4;F01.3\tambiguous' \
	    $'F01\t住房保障支出\t支出决算数\t98. 2\t98.24\tX.4;F01.3\tambiguous' \
	    $'F01\t本年支出合计\t支出决算数\t1, 731. 9\t1731.95\tX.3;F01.3\tunique' \
	    $'F01\t支出总计\t支出决算数\t1, 731. 9\t1731.95\tF01.5;F01.4\tunique' \
	    $'F04\t本年收入合计\t收入决算数\t\t1731.95\tF04.1;F04.3\tunique' \
	    $'F04\t年初财政拨款结转和结余\t收入决算数\t\t0.00\tF04.2;F04.3\tunique')"
}

@test "a repaired cell keeps its raw text and flags and gets its value and status" {
	run -1 bash -c "$(declare -f seed); set -o pipefail; seed \"\$1\" | grep -P '^cell\t[^\t]*\tF01\t\t(社会保障和就业支出|卫生健康支出)\t' | cut -f9-13" _ "$SEED"
	assert_output "$(printf '%s\n' $'1, 547. (\t1547.08\t万元\trepaired\tspaced,truncated' \
	    $'86. 6\t86.63\t万元\tambiguous\tonedecimal,spaced,truncated')"
}

@test "the seed's 0.01 differences between F04 and F05 are rounding, and it fails only N5.3" {
	run -1 bash -c "$(declare -f seed); set -o pipefail; seed \"\$1\" | grep '^check' | cut -f3,5 | grep -v 'pass$' | sort | uniq -c" _ "$SEED"
	assert_output "$(printf '%s\n' '      1 N5.3	fail' '      2 N5.3	rounding' '      2 X.6	rounding')"
}

@test "the repaired figures make the identities that needed them pass" {
	run -1 bash -c "$(declare -f seed); set -o pipefail; seed \"\$1\" | grep -P '^check\t[^\t]*\t(F01\.3|X\.5)\t' | cut -f3,5 | sort -u" _ "$SEED"
	assert_output "$(printf '%s\n' $'F01.3\tpass' $'X.5\tpass')"
}

@test "a damaged cell solved by one identity and confirmed by another is repaired; unconfirmed, it stays damaged" {
	stream "$(cellrec F05 '' 合计 小计 1731.95 ok 1 1)" "$(cellrec F05 '' 合计 基本支出 868.08 ok 1 2)" \
	    "$(cellrec F05 '' 合计 项目支出 863.87 ok 1 3)" \
	    "$(printf 'cell\td\tF05\t208\t社会保障和就业支出\t\t小计\t\t1, 731. 9\t\t万元\tdamaged\ttruncated\t2:1\t2\t1')" \
	    "$(cellrec F05 208 社会保障和就业支出 基本支出 868.08 ok 2 2)" \
	    "$(cellrec F05 208 社会保障和就业支出 项目支出 863.87 ok 2 3)" >"$BATS_TEST_TMPDIR/s"
	run -0 bash -c 'rollup "$1" | reconcile' _ "$BATS_TEST_TMPDIR/s"
	assert_line "$(printf 'repair\td\tF05\t208\t小计\t1, 731. 9\t1731.95\tF05.2;F05.1\tunique')"
	assert_line --partial "$(printf 'cell\td\tF05\t208\t社会保障和就业支出\t\t小计\t\t1, 731. 9\t1731.95\t万元\trepaired\ttruncated')"
	# without the 合计 row there is nothing to confirm F05.1 with
	grep -v $'\t合计\t' "$BATS_TEST_TMPDIR/s" >"$BATS_TEST_TMPDIR/t"
	run -0 bash -c 'rollup "$1" | reconcile' _ "$BATS_TEST_TMPDIR/t"
	refute_line --regexp '^repair'
	assert_line --partial $'unverifiable: F05[208].小计 is damaged'
}

@test "a value the truncated print rules out is not taken, and R.1 fails naming both cells" {
	stream "$(cellrec F05 '' 合计 小计 1731.95 ok 1 1)" "$(cellrec F05 '' 合计 基本支出 868.08 ok 1 2)" \
	    "$(cellrec F05 '' 合计 项目支出 863.87 ok 1 3)" \
	    "$(printf 'cell\td\tF05\t208\t社会保障和就业支出\t\t小计\t\t1, 732. (\t\t万元\tdamaged\ttruncated\t2:1\t2\t1')" \
	    "$(cellrec F05 208 社会保障和就业支出 基本支出 868.08 ok 2 2)" \
	    "$(cellrec F05 208 社会保障和就业支出 项目支出 863.87 ok 2 3)" >"$BATS_TEST_TMPDIR/s"
	run -1 bash -c 'rollup "$1" | reconcile' _ "$BATS_TEST_TMPDIR/s"
	refute_line --regexp '^repair'
	assert_line "$(printf 'check\td\tR.1\tF05\tfail\t\t1731.95\t\t\t%s\t%s' \
	    'F05[208].小计@2:1;F05[合计].小计@1:1' \
	    "F05[208].小计 printed '1, 732. (' cannot be 1731.95, which F05.2 requires")"
}

@test "a 三公 row whose figures lost their columns is placed by F09.1-F09.4 and the narrative, and marked" {
	parse-pdf-text "$SEED" | normalize-numbers |
	    awk -F '\t' 'BEGIN { OFS = "\t" } $1 == "cell" && $3 == "F09" {
		if ($16 <= 6) { $9 = "1.47"; $10 = "1.47"; $12 = "ok" } else { $9 = ""; $10 = ""; $12 = "blank" } } { print }' \
	    >"$BATS_TEST_TMPDIR/s"
	run -1 bash -c 'set -o pipefail; rollup "$1" | reconcile | grep -P "^(cell|check)\t[^\t]*\tF09" | cut -f3,7,10,12' _ "$BATS_TEST_TMPDIR/s"
	assert_line "$(printf 'F09\t预算数/合计\t1.47\tok')"
	assert_line "$(printf 'F09\t预算数/因公出国(境)费\t\tambiguous')"
	assert_line "$(printf 'F09\t预算数/公务用车运行维护费\t1.47\tok')"
	assert_line "$(printf 'F09\t决算数/合计\t1.47\tambiguous')"
	assert_line "$(printf 'F09\t决算数/公务用车运行维护费\t1.47\tambiguous')"
	assert_line "$(printf 'F09\t决算数/公务接待费\t\tblank')"
	refute_line --regexp $'^F09\\.[1-4]\t[^\t]*\t[^\t]*\tfail'
}

@test "F05 above F03 fails X.9, a code F03 does not print fails X.11, F09 below F06 fails X.13" {
	stream "$(cellrec F03 208 社会保障和就业支出 本年支出合计 10.00 ok 1 1)" \
	    "$(cellrec F05 208 社会保障和就业支出 小计 12.00 ok 1 1)" \
	    "$(cellrec F05 210 卫生健康支出 小计 3.00 ok 2 1)" \
	    "$(cellrec F06 30217 公务接待费 决算数 2.00 ok 1 1)" \
	    "$(cellrec F09 '' 三公经费 决算数/公务接待费 1.00 ok 1 12)" >"$BATS_TEST_TMPDIR/s"
	run -1 bash -c 'set -o pipefail; reconcile "$1" | grep "^check" | cut -f3,5,11' _ "$BATS_TEST_TMPDIR/s"
	assert_line "$(printf 'X.9\tfail\tF05[208].小计 12.00 > F03[208].本年支出合计 10.00 (off by 2.00, rounding allows 0.01)')"
	assert_line "$(printf 'X.11\tfail\tF05[210].小计 3.00, but F03[210].本年支出合计 is not printed')"
	assert_line "$(printf 'X.13\tfail\tF09[三公经费].决算数/公务接待费 1.00 < F06[30217].决算数 2.00 (off by 1.00, rounding allows 0.01)')"
}

@test "a table listed and not printed fails D.1; an empty fund table needs its 无 statement" {
	stream "$(printf 'doc\td\td.txt\t\t\t\t2024\t决算\t单位\ttsv\tUTF-8')" \
	    "$(printf 'table\td\tF03\t支出决算表\t\t万元\t\tmissing\t')" \
	    "$(printf 'table\td\tF07\t政府性基金预算财政拨款收入支出决算表\t\t万元\t9:1\tfound\t')" \
	    "$(cellrec F07 '' 合计 本年收入 '' blank 1 2)" >"$BATS_TEST_TMPDIR/s"
	run -1 bash -c 'set -o pipefail; reconcile "$1" | grep "^check" | cut -f3-5,10,11' _ "$BATS_TEST_TMPDIR/s"
	assert_line "$(printf 'D.1\tF03\tfail\tF03\tF03 支出决算表 is listed in the contents but not printed')"
	assert_line "$(printf 'D.1\tF07\tpass\tF07@9:1\tF07 政府性基金预算财政拨款收入支出决算表 is printed')"
	assert_line "$(printf 'F07.4\tF07\tfail\tF07@9:1\tF07 has no figure other than 0 and no "无…" statement')"
	refute_line --partial "$(printf 'D.1\tF01')"
}

@test "the Shanghai finance bureau's planted errors fail checks its clean original passes" {
	need_corpus
	local f out=$BATS_TEST_TMPDIR
	for f in sh-putuo-finance-2024-final-dept sh-putuo-finance-2024-final-dept-planted-errors; do
		pdftotext -layout "$SHARED/corpus/pdf/$f.pdf" "$out/$f.txt" 2>/dev/null
		parse-pdf-text "$out/$f.txt" 2>/dev/null | normalize-numbers | rollup | reconcile |
		    awk -F '\t' '$1 == "check" && $5 == "fail" { print $3 "\t" $4 }' | sort -u >"$out/$f.fails" || true
	done
	run -0 comm -13 "$out/sh-putuo-finance-2024-final-dept.fails" \
	    "$out/sh-putuo-finance-2024-final-dept-planted-errors.fails"
	assert_line "$(printf 'D.1\tF03')"
	assert_line "$(printf 'F09.5\tF09')"
	assert_line "$(printf 'N1.1\tnarrative')"
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
	assert_equal "${stderr_lines[0]}" "reconcile: $RC/crossfail.in:5: more than 3 records in one document (raise it with --max-records)"
	assert_equal "${stderr_lines[1]}" "reconcile: $RC/crossfail.in: document 'crossfail' left out"
}

@test "--max-line refuses a longer line with its position" {
	run -2 --separate-stderr reconcile --max-line 50 "$RC/crossfail.in"
	assert_equal "$stderr" "reconcile: $RC/crossfail.in:2: line longer than 50 bytes (raise it with --max-line)"
}

@test "a write error on stdout exits 2" {
	run -2 --separate-stderr bash -c 'reconcile "$1" >/dev/full' _ "$RC/cross.in"
	assert_equal "$stderr" "reconcile: write error on stdout: No space left on device"
}

@test "a budget table the contents list and the text lacks fails D.1; the ones printed give no D.1" {
	{ printf '目录\n一、收入预算总表\n二、支出预算总表\n三、国有资本经营预算支出预算表\n\n'
	  cat "$FIX/parse-pdf-text/budget-layout.txt"; } > "$BATS_TEST_TMPDIR/b.txt"
	run -0 bash -c "parse-pdf-text '$BATS_TEST_TMPDIR/b.txt' 2>/dev/null | normalize-numbers | rollup | reconcile |
	    awk -F'\t' '\$1==\"check\" && \$3==\"D.1\" {print \$4, \$5, \$11}'"
	assert_output "B07 fail B07 国有资本经营预算支出功能分类预算表 is listed in the contents but not printed"
}
