#!/usr/bin/env bats
# forms: the 绩效自评表 - filters/lib/forms.c reads them into tables P01
# and P02 (docs/tables.md, "Performance self-evaluation forms"), reconcile
# recomputes their scores from their own weights (docs/rules.md, P.n).

load test_helper

FO="$FIX/forms"

# need_forms: skip unless parse-pdf-text calls forms_scan()
need_forms() {
	parse-pdf-text "$SEED" | grep -q $'^table\t[^\t]*\tP01\t' ||
	    skip "parse-pdf-text does not read the forms yet (forms_scan is not called)"
}

# fcell TABLE ROW COL VALUE UNIT [STATUS]: one cell of a form of document d
fcell() {
	printf 'cell\td\t%s\t\t%s\t\t%s\t\t%s\t%s\t%s\t%s\t\t%s:1\t1\t1' "$1" "$2" "$3" "$4" \
	    "$4" "$5" "${6-ok}" "$((${#2} % 90 + 1))"
}

# pchecks FILE: the form checks reconcile makes of the stream FILE,
# rule, status and message; reconcile's status is the function's
pchecks() {
	local st
	reconcile "$1" >"$1.out"
	st=$?
	awk -F '\t' '$1 == "check" && $4 ~ /^P0/' "$1.out" | cut -f3,5,11
	return "$st"
}

# a project form: 预算执行 weight 10, one quantitative and one qualitative
# indicator under 产出 and 效益
form() {
	stream "$(fcell P02 1/预算执行 预算数 120.00 万元)" "$(fcell P02 1/预算执行 执行数 96.00 万元)" \
	    "$(fcell P02 1/预算执行 执行率 80 %)" "$(fcell P02 1/预算执行 分值 10 分)" \
	    "$(fcell P02 1/预算执行 得分 8 分)" \
	    "$(fcell P02 1/产出指标 分值 50 分)" "$(fcell P02 1/产出指标/数量指标 分值 50 分)" \
	    "$(fcell P02 1/产出指标/数量指标/培训人次 分值 50 分)" \
	    "$(fcell P02 1/产出指标/数量指标/培训人次 年初目标值 500 人次)" \
	    "$(fcell P02 1/产出指标/数量指标/培训人次 实际完成值 400 人次)" \
	    "$(fcell P02 1/产出指标/数量指标/培训人次 得分 "$1" 分)" \
	    "$(fcell P02 1/效益指标 分值 40 分)" "$(fcell P02 1/效益指标/社会效益指标 分值 40 分)" \
	    "$(fcell P02 1/效益指标/社会效益指标/知晓度 分值 "$2" 分)" \
	    "$(fcell P02 1/效益指标/社会效益指标/知晓度 得分 "$3" 分)" \
	    "$(fcell P02 1/总分 得分 "$4" 分)"
}

@test "a form whose scores follow from its weights passes every P check" {
	form 40 40 40 88 >"$BATS_TEST_TMPDIR/s"
	run -0 pchecks "$BATS_TEST_TMPDIR/s"
	assert_line "$(printf 'P2.1\tpass\t1/产出指标/数量指标/培训人次 得分 = 分值 × B/A (正向): 40 = 50 × 400 / 500 = 40.00 (capped at the weight)')"
	assert_line "$(printf 'P1.2\tpass\t1/预算执行 得分 = 分值 × 执行数 / 预算数: 8 = 10 × 96.00 / 120.00 = 8.00 (capped at the weight)')"
	assert_line "$(printf 'P6.3\tpass\t1: weights 预算执行 10 + 产出指标 50 + 效益指标 40 = 100')"
	refute_line --regexp $'\t(fail|rounding|unverifiable)\t'
}

@test "a score that does not follow from weight × B/A fails P2.1 and names its cells" {
	form 45 40 40 93 >"$BATS_TEST_TMPDIR/s"
	run -1 bash -c 'set -o pipefail; reconcile "$1" | grep -P "^check\td\tP2\\.1\t" | cut -f5-11' _ "$BATS_TEST_TMPDIR/s"
	assert_output "$(printf 'fail\t45.00\t40.00\t5.00\t0.50\t%s\t%s' \
	    'P02[1/产出指标/数量指标/培训人次].得分@41:1;P02[1/产出指标/数量指标/培训人次].分值@41:1;P02[1/产出指标/数量指标/培训人次].实际完成值@41:1;P02[1/产出指标/数量指标/培训人次].年初目标值@41:1' \
	    '1/产出指标/数量指标/培训人次 得分 = 分值 × B/A (正向): 45 ≠ 50 × 400 / 500 = 40.00 (capped at the weight)')"
}

@test "weights that do not add up fail P6.1, and a qualitative score above its weight P3.1" {
	form 40 30 35 83 >"$BATS_TEST_TMPDIR/s"
	run -1 pchecks "$BATS_TEST_TMPDIR/s"
	assert_line --regexp $'^P6\\.1\tfail\tcolumn 分值: 1/效益指标/社会效益指标 40\\.00 ≠ 1/效益指标/社会效益指标/知晓度 30\\.00 '
	assert_line "$(printf 'P3.1\tfail\t1/效益指标/社会效益指标/知晓度 (qualitative): 0 ≤ 得分 35 > 分值 30')"
}

@test "a 总分 that is not the sum of the scores fails P6.4" {
	form 40 40 40 90 >"$BATS_TEST_TMPDIR/s"
	run -1 pchecks "$BATS_TEST_TMPDIR/s"
	assert_line --regexp $'^P6\\.4\tfail\tcolumn 得分: 1/总分 90\\.00 ≠ 1/预算执行 8\\.00 \\+ .* = 88\\.00 \\(off by 2\\.00, rounding allows 0\\.00\\)$'
}

@test "a target to stay under scores weight × A/B" {
	stream "$(fcell P02 1/产出指标/时效指标/办结时限 分值 10 分)" \
	    "$(fcell P02 1/产出指标/时效指标/办结时限 年初目标值 5 ≤天)" \
	    "$(fcell P02 1/产出指标/时效指标/办结时限 实际完成值 10 天)" \
	    "$(fcell P02 1/产出指标/时效指标/办结时限 得分 5 分)" >"$BATS_TEST_TMPDIR/s"
	run -0 pchecks "$BATS_TEST_TMPDIR/s"
	assert_line "$(printf 'P2.1\tpass\t1/产出指标/时效指标/办结时限 得分 = 分值 × A/B (反向): 5 = 10 × 5 / 10 = 5.00 (capped at the weight)')"
}

@test "the 整体 form's 执行数 is checked against F05's 合计 line" {
	stream "$(fcell F05 合计 小计 1731.95 万元)" "$(fcell P01 1/预算执行 执行数 1731.59 万元)" \
	    >"$BATS_TEST_TMPDIR/s"
	run -1 pchecks "$BATS_TEST_TMPDIR/s"
	assert_line "$(printf 'P7.2\tfail\tP01[1/预算执行].执行数 1731.59 ≠ F05[合计].小计 1731.95 (off by 0.36, rounding allows 0.01)')"
}

@test "the seed's forms are one P01 and two P02, numbered in printed order" {
	need_forms
	run -0 bash -c 'parse-pdf-text "$1" | grep -P "^table\t[^\t]*\tP0" | cut -f3-9' _ "$SEED"
	assert_output "$(printf '%s\n' \
	    $'P01\t武汉市人力资源和社会保障信息中心部门整体绩效自评表\t1\t万元\t553:1\tfound\t' \
	    $'P02\t2024年度人社信息系统化建设项目自评表\t1\t万元\t589:1\tfound\t' \
	    $'P02\t2024年度日常系统运行经费项目自评表\t2\t万元\t618:1\tfound\t')"
}

@test "the seed's forms give weights, targets and scores, the split 868 | . 08 flagged" {
	need_forms
	run -0 bash -c 'parse-pdf-text "$1" | normalize-numbers | grep -P "^cell\t[^\t]*\tP0" | cut -f3,5,7,9,10,11,12,13' _ "$SEED"
	assert_line "$(printf 'P01\t1/基本支出\t支出总额\t868\t\t万元\tdamaged\tnodecimal,split')"
	assert_line "$(printf 'P01\t1/基本支出\t支出总额/小数\t. 08\t\t万元\tdamaged\tspaced,split')"
	assert_line "$(printf 'P01\t1/预算执行\t分值\t20\t20\t分\tok\t')"
	# the 一级 whose label OCR lost ("741") is named after its 二级
	assert_line "$(printf 'P01\t1/效益指标\t分值\t40\t40\t分\tok\t')"
	assert_line "$(printf 'P02\t2/产出指标/时效指标/机房故障处理时效\t年初目标值\t4\t4\t小时内\tok\t')"
	assert_line "$(printf 'P02\t2/总分\t得分\t100\t100\t分\tok\t')"
	# a qualitative target is no figure
	refute_line --partial $'推动"互联网+人社"发展\t年初目标值'
}

@test "the seed's forms pass every P check once 868 | . 08 is repaired" {
	need_forms
	run -1 bash -c 'set -o pipefail; parse-pdf-text "$1" | normalize-numbers | rollup | reconcile |
	    grep -P "^(repair|check)\t[^\t]*\t(P|N13)"' _ "$SEED"
	assert_line "$(printf 'repair\twuhan-hrss-info-center-2024-final-unit\tP01\t1/基本支出\t支出总额\t868\t868.08\tP7.1;P7.2\tunique')"
	refute_line --regexp $'^check\t[^\t]*\t[^\t]*\t[^\t]*\t(fail|unverifiable)\t'
	run -0 grep -c $'^check\t' <<<"$output"
	[ "$output" -gt 60 ]
}

@test "a space-aligned form is read by the columns of its header, wrapped labels joined" {
	need_forms
	run -0 bash -c 'parse-pdf-text "$1" | normalize-numbers | grep -P "^cell\t[^\t]*\tP02" | cut -f5,7,10,11' _ "$FO/layout.txt"
	assert_line "$(printf '1/预算执行\t年初预算数\t100.00\t万元')"
	assert_line "$(printf '1/产出指标\t分值\t50\t分')"
	assert_line "$(printf '1/满意度指标/服务对象满意度指标\t分值\t10\t分')"
	assert_line "$(printf '1/产出指标/时效指标/办结时限\t年初目标值\t5\t≤天')"
	run -0 bash -c 'parse-pdf-text "$1" | normalize-numbers | rollup | reconcile |
	    awk -F "\t" "\$1 == \"check\" { print \$3, \$5 }" | sort | uniq -c' _ "$FO/layout.txt"
	refute_line --regexp ' (fail|unverifiable|rounding)$'
	assert_line --regexp '^ +5 P2\.1 pass$'
}

@test "a text without a 自评表 gets no form table" {
	need_forms
	head -n 500 "$SEED" >"$BATS_TEST_TMPDIR/noforms.txt"
	run -0 bash -c 'parse-pdf-text "$1" | grep -c -P "^(table|cell)\t[^\t]*\tP0" || true' _ "$BATS_TEST_TMPDIR/noforms.txt"
	assert_output 0
}
