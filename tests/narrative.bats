#!/usr/bin/env bats
# narrative: reconcile's checks of the 情况说明 (claim records) against the
# tables and against each other - docs/rules.md, "The narrative (N.n)".

load test_helper

# seed_checks: the narrative checks of the seed, rule to message
seed_checks() {
	parse-pdf-text "$1" | normalize-numbers | rollup | reconcile |
	    awk -F '\t' '$1 == "check" && $4 == "narrative"' | cut -f3,5-11
}

# claimrec SECTION SUBJECT RELATION QUANTITY VALUE UNIT POS: one claim of d
claimrec() {
	printf 'claim\td\t%s\t%s\t%s\t%s\t%s%s\t%s\t%s\t%s\t%s' "$1" "$2" "$3" "$4" \
	    "$5" "$6" "$5" "$6" "$7" "$2 $5$6"
}

# cellrec TABLE ROWCODE ROWLABEL COL VALUE: one printed cell of d
cellrec() {
	printf 'cell\td\t%s\t%s\t%s\t\t%s\t\t%s\t%s\t万元\tok\t\t9:9\t1\t1' "$1" "$2" "$3" "$4" "$5" "$5"
}

# narr FILE: the narrative checks reconcile makes of the stream FILE
# (reconcile's status is the function's)
narr() {
	local st
	reconcile "$1" >"$1.out"
	st=$?
	awk -F '\t' '$1 == "check" && $4 == "narrative"' "$1.out" | cut -f3,5,11
	return "$st"
}

@test "the seed's 事业运行 完成年初预算的118.6% fails: 613.86 / 571.56 is 107.40%" {
	run -0 seed_checks "$SEED"
	assert_line "$(printf 'N5.3\tfail\t118.60\t107.40\t11.20\t0.06\t%s\t%s' \
	    'claim[五(三):社会保障和就业支出/人力资源和社会保障管理事务/事业运行@年初预算].completion@392:78;claim[五(三):社会保障和就业支出/人力资源和社会保障管理事务/事业运行].final@392:61;claim[五(三):社会保障和就业支出/人力资源和社会保障管理事务/事业运行].budget@392:47' \
	    '五(三) 事业运行 118.6% (of the 预算) ≠ 五(三) 事业运行 613.86 万元 / 五(三) 事业运行 571.56万元 = 107.40% (interval 107.39–107.41%)')"
}

@test "the seed's 100.6% for 住房公积金 and 提租补贴 are rounding: only the interval admits them" {
	run -0 seed_checks "$SEED"
	assert_line --regexp $'^N5\\.3\trounding\t100\\.60\t100\\.55\t.*住房公积金 60\\.88万元 / .* 60\\.55万元 = 100\\.55% \\(interval 100\\.52–100\\.57%\\)$'
	assert_line --regexp $'^N5\\.3\trounding\t100\\.60\t100\\.68\t.*提租补贴 11\\.85万元 / .* 11\\.77万元 = 100\\.68% \\(interval 100\\.59–100\\.77%\\)$'
}

@test "every other narrative check of the seed passes" {
	run -0 seed_checks "$SEED"
	run -0 awk -F '\t' '$2 != "pass" && !/事业运行|住房公积金|提租补贴/' <<<"$output"
	assert_output ""
}

@test "the seed's 0 年初预算 of 信息化建设 carries no percentage, and every 项 has its paragraph" {
	run -0 seed_checks "$SEED"
	assert_line --regexp $'^N5\\.4\tpass\t.*信息化建设 0万元: a 0 预算, and no percentage of it$'
	run -0 grep -c $'^N5\\.5\tpass' <<<"$output"
	assert_output 11
}

@test "the seed's year-over-year rates agree with their change: 265.09 / 1466.86 is 18.07%" {
	run -0 seed_checks "$SEED"
	assert_line --regexp $'^N1\\.2\tpass\t18\\.10\t18\\.07\t.*收支总计 18\\.1% \\(change over the prior year\\) = .*265\\.09 万元 / \\(.*1,731\\.95 万元 - 265\\.09 万元\\) = 18\\.07%'
}

@test "a rate that does not follow from the change and the current figure fails" {
	stream "$(claimrec 一 收支总计 value amount 100.00 万元 1:1)" \
	    "$(claimrec 一 收支总计 increase amount 20.00 万元 1:9)" \
	    "$(claimrec 一 收支总计 growth percent 20 % 1:20)" >"$BATS_TEST_TMPDIR/s"
	run -1 narr "$BATS_TEST_TMPDIR/s"
	assert_line "$(printf 'N1.2\tfail\t%s' '一 收支总计 20% (change over the prior year) ≠ 一 收支总计 20.00万元 / (一 收支总计 100.00万元 - 20.00万元) = 25.00% (interval 24.99–25.01%)')"
}

@test "a rise stated with a decline fails" {
	stream "$(claimrec 一 收支总计 value amount 100.00 万元 1:1)" \
	    "$(claimrec 一 收支总计 decrease amount 20.00 万元 1:9)" \
	    "$(claimrec 一 收支总计 growth percent 25 % 1:20)" >"$BATS_TEST_TMPDIR/s"
	run -1 narr "$BATS_TEST_TMPDIR/s"
	assert_line --regexp $'^N1\\.2\tfail\t.*a rise and a fall at once$'
}

@test "a percentage of a 0 年初预算 fails N5.4" {
	stream "$(claimrec '五(三)' 社会保障和就业支出/人力资源和社会保障管理事务/信息化建设 budget amount 0 万元 1:1)" \
	    "$(claimrec '五(三)' 社会保障和就业支出/人力资源和社会保障管理事务/信息化建设 final amount 526.35 万元 1:9)" \
	    "$(claimrec '五(三)' 社会保障和就业支出/人力资源和社会保障管理事务/信息化建设@年初预算 completion percent 100 % 1:20)" \
	    >"$BATS_TEST_TMPDIR/s"
	run -1 narr "$BATS_TEST_TMPDIR/s"
	assert_line --regexp $'^N5\\.4\tfail\t.*信息化建设 100%: a percentage of a 0 预算 \\(.*信息化建设 0万元\\)$'
}

@test "a stated amount is compared with its table cell, and a 类 share with the 五(二) total" {
	stream "$(cellrec F05 '' 合计 小计 1731.95)" "$(cellrec F05 208 社会保障和就业支出 小计 1547.08)" \
	    "$(claimrec '五(二)' 一般公共预算财政拨款支出 value amount 1731.95 万元 1:1)" \
	    "$(claimrec '五(二)' 社会保障和就业支出 value amount 1547.80 万元 2:1)" \
	    "$(claimrec '五(二)' 社会保障和就业支出@ share percent 89.3 % 2:9)" >"$BATS_TEST_TMPDIR/s"
	run -1 narr "$BATS_TEST_TMPDIR/s"
	assert_line "$(printf 'N5.1\tpass\t五(二) 一般公共预算财政拨款支出 1731.95万元 = F05[合计].小计 1731.95')"
	assert_line "$(printf 'N5.2\tfail\t五(二) 社会保障和就业支出 1547.80万元 ≠ F05[208].小计 1547.08 (off by 0.72)')"
	# the share is of the stated figure: 1547.80 / 1731.95 = 89.37%
	assert_line --regexp $'^N5\\.2\tfail\t.*89\\.3% \\(share\\) ≠ .* = 89\\.37%'
}

@test "an amount printed with fewer decimals is compared within half its last unit" {
	stream "$(cellrec F02 '' 合计 其他收入 6.20)" "$(claimrec 二 其他收入 value amount 6.2 万元 1:1)" \
	    "$(cellrec F02 '' 合计 事业收入 1731.95)" "$(claimrec 二 事业收入 value amount 1732 万元 2:1)" \
	    >"$BATS_TEST_TMPDIR/s"
	run -0 narr "$BATS_TEST_TMPDIR/s"
	assert_line "$(printf 'N2.1\tpass\t二 其他收入 6.2万元 = F02[合计].其他收入 6.20')"
	assert_line "$(printf 'N2.1\trounding\t二 事业收入 1732万元 ≈ F02[合计].事业收入 1731.95')"
}

@test "政府采购: goods, works and services add up to the total; 中小企业 within it" {
	stream "$(claimrec 十一 政府采购支出总额 value amount 677.64 万元 1:1)" \
	    "$(claimrec 十一 政府采购货物支出 value amount 23.67 万元 1:2)" \
	    "$(claimrec 十一 政府采购工程支出 value amount 0 万元 1:3)" \
	    "$(claimrec 十一 政府采购服务支出 value amount 653.79 万元 1:4)" \
	    "$(claimrec 十一 授予中小企业合同金额 value amount 281.96 万元 1:5)" \
	    "$(claimrec 十一 授予中小企业合同金额@政府采购支出总额 share percent 41.6 % 1:6)" \
	    >"$BATS_TEST_TMPDIR/s"
	run -1 narr "$BATS_TEST_TMPDIR/s"
	assert_line "$(printf 'N11.1\tfail\t%s' '十一 政府采购支出总额 677.64万元 ≠ 23.67万元 + 0万元 + 653.79万元 = 677.46')"
	assert_line --regexp $'^N11\\.2\tpass\t.*41\\.6% \\(share\\) = .*281\\.96万元 / .*677\\.64万元 = 41\\.61%'
	assert_line --regexp $'^N11\\.3\tpass\t十一 授予中小企业合同金额 281\\.96万元 ≤ 十一 政府采购支出总额 677\\.64万元$'
}

@test "机关运行经费 above F06's 公用经费合计 fails N10.1" {
	stream "$(cellrec F06 '' 公用经费合计 决算数 57.07)" \
	    "$(claimrec 十 机关运行经费支出 value amount 60.00 万元 1:1)" >"$BATS_TEST_TMPDIR/s"
	run -1 narr "$BATS_TEST_TMPDIR/s"
	assert_line "$(printf 'N10.1\tfail\t十 机关运行经费支出 60.00万元 > F06[公用经费合计].决算数 57.07 (off by 2.93)')"
}

@test "a subject the tables do not print is left alone" {
	stream "$(cellrec F05 '' 合计 小计 1731.95)" \
	    "$(claimrec 四 电子社保卡 value amount 916.19 万元 1:1)" >"$BATS_TEST_TMPDIR/s"
	run -0 narr "$BATS_TEST_TMPDIR/s"
	assert_output ""
}

@test "the planted 收入支出总计 0 万元 of the Shanghai copy fails N1.1 against F01" {
	need_corpus
	local f=$BATS_TEST_TMPDIR/planted.txt
	pdftotext -layout "$SHARED/corpus/pdf/sh-putuo-finance-2024-final-dept-planted-errors.pdf" "$f" 2>/dev/null
	run -0 bash -c 'parse-pdf-text "$1" 2>/dev/null | normalize-numbers | rollup | reconcile |
	    awk -F "\t" "\$1 == \"check\" && \$3 == \"N1.1\"" | cut -f5,11' _ "$f"
	# F01's figure is the 总计 its page prints (the first on the line)
	local total
	total=$(awk '$1 == "总计" { print $2; exit }' "$f" | tr -d ,)
	[ -n "$total" ]
	assert_line "$(printf 'fail\t一 收入支出总计 0 万元 ≠ F01[收入总计].收入决算数 %s (off by %s)' "$total" "$total")"
}

@test "完成 spaced out as \"完 成\" is still a completion rate, its base read after it" {
	printf '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1.行政运行(项)。年初预算为 10.00 万元，支出决算为 9.00 万元，完 成年初预算的 90.0%%。\n' > "$BATS_TEST_TMPDIR/c.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/c.txt"
	assert_line --partial "$(printf '@年初预算\tcompletion\tpercent\t90.0%%')"
}

@test "决算数大于/小于/持平…预算数 agree with the item's stated figures (N5.8, N9.4); a changed word fails" {
	run -0 bash -c "chain_of() { parse-pdf-text \"\$1\" | normalize-numbers | rollup | reconcile; }
	    chain_of '$SEED' | awk -F'\t' '\$1==\"check\" && (\$3==\"N5.8\" || \$3==\"N9.4\") {print \$3, \$5}' | sort | uniq -c"
	assert_output "$(printf '      7 N5.8 pass\n      1 N9.4 pass')"
	# 事业运行 spent 613.86 of 571.56: "小于" is wrong
	sed '/事业运行/s/决算数大于年初预算数/决算数小于年初预算数/' "$SEED" > "$BATS_TEST_TMPDIR/s.txt"
	run -0 bash -c "parse-pdf-text '$BATS_TEST_TMPDIR/s.txt' | normalize-numbers | rollup | reconcile |
	    awk -F'\t' '\$1==\"check\" && \$3==\"N5.8\" && \$5==\"fail\" {print \$11}'"
	assert_output "五(三) 事业运行 决算数小于年初预算数: the 决算 is not below the 预算: 五(三) 事业运行 613.86 万元 against 五(三) 事业运行 571.56万元"
}

@test "a template's 决算数大于(小于)预算数 makes no compare check" {
	printf '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1.行政运行(项)。年初预算为 10.00 万元，支出决算为 9.00 万元。决算数大于(小于)预算数的主要原因是XX。\n' > "$BATS_TEST_TMPDIR/t.txt"
	run -0 bash -c "parse-pdf-text '$BATS_TEST_TMPDIR/t.txt' 2>/dev/null | normalize-numbers | rollup | reconcile | awk -F'\t' '\$1==\"check\" && \$3==\"N5.8\"'"
	assert_output ""
}
