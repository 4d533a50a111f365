#!/usr/bin/env bats
#
# scripts/juesuan-diff: the facts of two outputs compared, keyed by unit,
# table, row and column, with exact differences and rates.  Handmade facts
# in fixtures/archive/diff (old/ and new/, one folder per document) with
# their expected outputs, and two years made from the seed with sed.

load test_helper

HEADER=unit,table,row_code,row_label,column,old,new,diff,rate,change

# seed_years DIR: DIR/wuhan-hrss-2023.txt and DIR/wuhan-hrss-2024.txt, the
# seed as year 2024 and, for 2023, the seed a year earlier whose totals
# read 1,466.86 instead of 1,731.95.
seed_years() {
	mkdir -p -- "$1"
	cp -- "$SEED" "$1/wuhan-hrss-2024.txt"
	sed -e 's/2023/2022/g; s/2024/2023/g; s/2025/2024/g' \
	    -e 's/1, 731\. 95/1, 466. 86/g; s/1,731\.95/1,466.86/g; s/1, 731\. 9/1, 466. 8/g' \
	    "$SEED" >"$1/wuhan-hrss-2023.txt"
}

# outputs DIR FILE...: juesuan -o DIR FILE...; its status (0, or 1 for
# failing checks) is not what these tests are about.
outputs() {
	local st=0
	juesuan -o "$@" 2>/dev/null || st=$?
	[ "$st" -le 1 ]
}

@test "juesuan-diff without two folders is a usage error" {
	run -2 --separate-stderr juesuan-diff "$FIX/archive/diff/old"
	assert_output ""
	[ "${stderr_lines[0]}" = "juesuan-diff: need two folders to compare" ]
	[ "${stderr_lines[1]}" = "usage: juesuan-diff [-a] old new" ]
	run -2 --separate-stderr juesuan-diff -x a b
	[ "${stderr_lines[0]}" = "juesuan-diff: unknown option '-x'" ]
}

@test "juesuan-diff refuses a folder that holds no juesuan output" {
	mkdir -p "$BATS_TEST_TMPDIR/empty/sub"
	run -2 --separate-stderr juesuan-diff "$BATS_TEST_TMPDIR/empty" "$FIX/archive/diff/new"
	assert_output ""
	[ "$stderr" = "juesuan-diff: '$BATS_TEST_TMPDIR/empty' holds no juesuan output (no facts.csv in it or its folders)" ]
	run -2 --separate-stderr juesuan-diff "$BATS_TEST_TMPDIR/absent" "$FIX/archive/diff/new"
	[ "$stderr" = "juesuan-diff: cannot read '$BATS_TEST_TMPDIR/absent': not a folder" ]
	printf 'not,a,facts,file\n' >"$BATS_TEST_TMPDIR/empty/sub/facts.csv"
	run -2 --separate-stderr juesuan-diff "$BATS_TEST_TMPDIR/empty/sub" "$FIX/archive/diff/new/unit-2024"
	assert_output ""
	[ "$stderr" = "juesuan-diff: $BATS_TEST_TMPDIR/empty/sub/facts.csv: not a facts CSV" ]
}

@test "two document folders: facts added, removed and changed, with exact differences and rates" {
	run -1 juesuan-diff "$FIX/archive/diff/old/unit-2023" "$FIX/archive/diff/new/unit-2024"
	assert_output "$(cat "$FIX/archive/diff-pair.out")"
	# a total
	assert_line "测试单位,F01,,收入总计,收入决算数,1466.86,1731.95,265.09,18.07,changed"
	# the same code under a new label is the same row, shown with the new label
	assert_line "测试单位,F03,208,社会保障和就业,本年支出合计,1000.00,1100.00,100.00,10.00,changed"
	# a printed blank counts as 0; no rate over 0
	assert_line "测试单位,F05,,合计,小计,,10.00,10.00,,changed"
	# figures beyond 2^53, exactly
	assert_line "测试单位,F06,30101,基本工资,决算数,123456789012345678.91,123456789012345679.01,0.10,0.00,changed"
	# a table in 元 one year and 万元 the next, compared in 元
	assert_line "测试单位,F09,,三公经费,预算数/合计,15000.00,16000.00,1000.00,6.67,changed"
	refute_line --partial "决算数/合计"
	# commas and quotes in a label
	assert_line '测试单位,F01,,"其他,""收入""",收入决算数,1.00,2.00,1.00,100.00,changed'
}

@test "folders of documents are matched by unit name, else by id without its year" {
	run -1 juesuan-diff "$FIX/archive/diff/old" "$FIX/archive/diff/new"
	assert_output "$(cat "$FIX/archive/diff-folders.out")"
	assert_line "nameless-*,F01,,收入总计,收入决算数,3.00,4.00,1.00,33.33,changed"
	assert_line "另一单位,F01,,收入总计,收入决算数,9.00,,,,removed"
}

@test "-a prints the unchanged facts too, and a folder against itself has no differences" {
	run -1 juesuan-diff -a "$FIX/archive/diff/old/unit-2023" "$FIX/archive/diff/new/unit-2024"
	assert_line "测试单位,F03,20801,人力资源和社会保障管理事务,本年支出合计,100.00,100.00,0.00,,same"
	assert_line "测试单位,F09,,三公经费,决算数/合计,14700.00,14700.00,0.00,,same"
	run -0 juesuan-diff "$FIX/archive/diff/old" "$FIX/archive/diff/old"
	assert_output "$HEADER"
}

@test "two years of one unit made from the seed: the totals changed by 265.09, 18.07%" {
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out
	seed_years "$src"
	outputs "$out" "$src/wuhan-hrss-2023.txt" "$src/wuhan-hrss-2024.txt"
	run -1 juesuan-diff "$out/wuhan-hrss-2023" "$out/wuhan-hrss-2024"
	assert_line --index 0 "$HEADER"
	assert_line "武汉市人力资源和社会保障信息中心,F01,,收入总计,收入决算数,1466.86,1731.95,265.09,18.07,changed"
	assert_line "武汉市人力资源和社会保障信息中心,F05,,合计,小计,1466.86,1731.95,265.09,18.07,changed"
	# nothing else changed: every change is one of the totals
	refute_line --regexp ',(added|removed)$'
	local first=$output
	# the same again, byte for byte, in the same order
	run -1 juesuan-diff "$out/wuhan-hrss-2023" "$out/wuhan-hrss-2024"
	[ "$output" = "$first" ]
	# and the other way round, the differences negated
	run -1 juesuan-diff "$out/wuhan-hrss-2024" "$out/wuhan-hrss-2023"
	assert_line "武汉市人力资源和社会保障信息中心,F01,,收入总计,收入决算数,1731.95,1466.86,-265.09,-15.31,changed"
}

@test "two archive folders of different years are matched by unit" {
	local src=$BATS_TEST_TMPDIR/src
	seed_years "$src"
	mkdir "$src/2023" "$src/2024"
	mv "$src/wuhan-hrss-2023.txt" "$src/2023/"
	mv "$src/wuhan-hrss-2024.txt" "$src/2024/"
	local st=0
	juesuan-archive "$src/2023" "$BATS_TEST_TMPDIR/a2023" 2>/dev/null || st=$?
	juesuan-archive "$src/2024" "$BATS_TEST_TMPDIR/a2024" 2>/dev/null || st=$?
	[ "$st" -le 1 ]
	run -1 juesuan-diff "$BATS_TEST_TMPDIR/a2023" "$BATS_TEST_TMPDIR/a2024"
	assert_line "武汉市人力资源和社会保障信息中心,F01,,收入总计,收入决算数,1466.86,1731.95,265.09,18.07,changed"
	refute_line --regexp ',(added|removed)$'
}

@test "the rows come sorted by unit, table, row code, label and column, as bytes" {
	run -1 juesuan-diff "$FIX/archive/diff/old" "$FIX/archive/diff/new"
	# the keys of the rows without quoted fields, in order
	run -0 sh -c 'tail -n +2 "$1" | grep -v "\"" | cut -d, -f1-5' sh "$FIX/archive/diff-folders.out"
	local keys=$output
	run -0 sh -c 'printf "%s\n" "$1" | LC_ALL=C sort -t, -k1,1 -k2,2 -k3,3 -k4,4 -k5,5' sh "$keys"
	[ "$output" = "$keys" ]
}

@test "on the Jiangsu party office's budget tables, juesuan-diff shows the changes year by year" {
	need_corpus
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out y
	mkdir -p "$src"
	cp "$SHARED"/corpus/pdf/js-party-office-*-budget-tables.pdf "$src/"
	outputs "$out" "$src"/*.pdf
	for y in 2017:2018 2018:2019; do
		run -1 juesuan-diff "$out/js-party-office-${y%:*}-budget-tables" "$out/js-party-office-${y#*:}-budget-tables"
		assert_line --index 0 "$HEADER"
		assert_line --regexp '^[^,]*,B01,,收入总计,收入预算数,[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+,changed$'
	done
	# 2017 to 2018: from the 收入预算总计 each year's narrative states to
	# the next, by the change the 2018 narrative states
	local old new said change rate
	old=$(joined "$SHARED/corpus/pdf/js-party-office-2017-budget-doc.pdf" | grep -o '（一）收入预算总计[0-9.]*万元' | head -1 | tr -dc 0-9.)
	new=$(joined "$SHARED/corpus/pdf/js-party-office-2018-budget-doc.pdf" | grep -o '（一）收入预算总计[0-9.]*万元' | head -1 | tr -dc 0-9.)
	said=$(joined "$SHARED/corpus/pdf/js-party-office-2018-budget-doc.pdf" | grep -o '收、支预算总计各增加[0-9.]*万元' | head -1 | tr -dc 0-9.)
	[ -n "$old" ] && [ -n "$new" ] && [ -n "$said" ]
	change=$(awk -v a="$old" -v b="$new" 'BEGIN { printf "%.2f", b - a }')
	rate=$(awk -v a="$old" -v b="$new" 'BEGIN { printf "%.2f", (b - a) * 100 / a }')
	assert_equal "$change" "$said"
	run -1 juesuan-diff "$out/js-party-office-2017-budget-tables" "$out/js-party-office-2018-budget-tables"
	assert_line --regexp ",B01,,收入总计,收入预算数,${old//./\\.},${new//./\\.},${change//./\\.},${rate//./\\.},changed\$"
}

@test "on every Jiangsu department's three budgets, juesuan-diff shows the 收入总计 change year by year" {
	need_corpus
	local src=$BATS_TEST_TMPDIR/src out=$BATS_TEST_TMPDIR/out d y k n=0
	local -A pick
	mkdir -p "$src"
	# a year's tables when they were published apart, else its document
	# (the npc office's 2019 document holds no table text: its tables come
	# as a PDF of their own)
	for d in cppcc-office high-court npc-office party-office procuratorate; do
		for y in 2017 2018 2019; do
			for k in tables doc; do
				if [ -f "$SHARED/corpus/pdf/js-$d-$y-budget-$k.pdf" ]; then
					cp "$SHARED/corpus/pdf/js-$d-$y-budget-$k.pdf" "$src/"
					pick[$d-$y]=js-$d-$y-budget-$k
					break
				fi
			done
		done
	done
	[ "${#pick[@]}" -eq 15 ]
	outputs "$out" "$src"/*.pdf
	for d in cppcc-office high-court npc-office party-office procuratorate; do
		for y in 2017:2018 2018:2019; do
			run -1 juesuan-diff "$out/${pick[$d-${y%:*}]}" "$out/${pick[$d-${y#*:}]}"
			assert_line --regexp '^[^,]*,B01,,收入总计,收入预算数,[0-9]+\.[0-9][0-9],[0-9]+\.[0-9][0-9],[0-9]+\.[0-9][0-9],[0-9.]+,changed$'
			n=$((n + 1))
		done
	done
	[ "$n" -eq 10 ]
}
