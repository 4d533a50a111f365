#!/usr/bin/env bats
# parse-pdf-text: text in, doc/table/cell/claim records out.

load test_helper

D="$FIX/parse-pdf-text"

# cells_of TABLE: the table and cell records of one table from $output
cells_of() {
	printf '%s\n' "$output" | awk -F'\t' -v t="$1" '($1=="cell"||$1=="table") && $3==t'
}

@test "the stream starts with the version line" {
	run -0 --separate-stderr parse-pdf-text "$D/code.txt"
	assert_line --index 0 "$(printf '#juesuan-stream\t1')"
}

@test "small fixtures give their golden streams" {
	cd "$TOP"
	for f in code panel econ sangong claims pipe html words budget-layout; do
		run -0 --separate-stderr parse-pdf-text "tests/fixtures/parse-pdf-text/$f.txt"
		assert_output "$(cat "tests/fixtures/parse-pdf-text/$f.out")"
	done
}

@test "each of the seed's nine tables matches its golden cells" {
	run -0 parse-pdf-text "$SEED"
	for t in F01 F02 F03 F04 F05 F06 F07 F08 F09; do
		assert_equal "$(cells_of "$t")" "$(cat "$D/seed/$t.out")"
	done
}

@test "the seed's narrative figures match their golden claims" {
	run -0 parse-pdf-text "$SEED"
	assert_equal "$(printf '%s\n' "$output" | grep '^claim')" "$(cat "$D/seed/claims.out")"
}

@test "the seed's doc record has unit, year, kind and scope" {
	run -0 parse-pdf-text "$SEED"
	assert_line --regexp "^doc	wuhan-hrss-info-center-2024-final-unit	.*	武汉市人力资源和社会保障信息中心	2024	决算	单位	tsv	UTF-8$"
}

@test "all nine seed tables are found with canonical ids and no table of contents entry" {
	run -0 parse-pdf-text "$SEED"
	run -0 bash -c 'printf "%s\n" "$1" | grep "^table" | cut -f3,8 | grep "^F"' _ "$output"
	assert_output "$(printf 'F0%d\tfound\n' 1 2 3 4 5 6 7 8 9)"
}

@test "F05 row 2080505 keeps the duplicated figure in 基本支出 and nothing in 项目支出" {
	run -0 parse-pdf-text "$SEED"
	assert_line --partial "$(printf 'F05\t2080505\t机关事业单位基本养老保险缴费支出\t\t基本支出\t2\t54. 61 54. 61\t')"
	assert_line --partial "$(printf 'F05\t2080505\t机关事业单位基本养老保险缴费支出\t\t项目支出\t3\t\t')"
}

@test "a label lost by OCR is recovered from its 行次 and flagged" {
	run -0 parse-pdf-text "$D/panel.txt"
	assert_line --partial "$(printf '本年收入合计\t27\t收入决算数\t1\t10. 00\t\t万元\tnew\tlabel-inferred\t12:5')"
	assert_line --partial "$(printf '年末结转和结余\t59\t支出决算数\t2\t\t\t万元\tnew\tlabel-inferred')"
}

@test "label, 行次 and figure merged in one cell are split" {
	run -0 parse-pdf-text "$D/panel.txt"
	assert_line --partial "$(printf '收入总计\t30\t收入决算数\t1\t10.00\t\t万元\tnew\tmerged\t14:1')"
}

@test "blank template lines without a label or figure are not cells" {
	run -0 parse-pdf-text "$D/panel.txt"
	refute_line --partial "$(printf '\t9\t收入决算数')"
}

@test "a split code is joined and a code printed with its name is separated" {
	run -0 parse-pdf-text "$D/code.txt"
	assert_line --partial "$(printf 'F03\t2010601\t行政运行\t')"
	assert_line --partial "$(printf 'F03\t2010602\t一般行政管理事务\t')"
}

@test "a repeated header row is not read as data" {
	run -0 parse-pdf-text "$D/code.txt"
	refute_line --partial '科目名称'
}

@test "a figure outside every column is reported with its position" {
	run -0 --separate-stderr parse-pdf-text "$D/code.txt"
	assert_equal "$stderr" "parse-pdf-text: $D/code.txt:18:29: figure '7. 77' outside the columns of F03, not read"
}

@test "a table listed in the contents and absent is reported missing" {
	run -0 parse-pdf-text "$D/code.txt"
	assert_line "$(printf 'table\tcode\tF01\t收入支出决算总表\t\t\t\tmissing\t')"
}

@test "the 无… statement under an empty table is kept as its note" {
	run -0 parse-pdf-text "$SEED"
	assert_line --regexp '^table	.*	F07	.*	found	备注: .*无政府性基金预算财政拨款收入支出。$'
}

@test "the three groups of F06 become rows keyed by economic code, with both footers" {
	run -0 parse-pdf-text "$D/econ.txt"
	assert_line --partial "$(printf 'F06\t30201\t办公费\t\t决算数\t\t2.00\t')"
	assert_line --partial "$(printf 'F06\t\t人员经费合计\t\t决算数\t\t8.00\t')"
	assert_line --partial "$(printf 'F06\t\t公用经费合计\t\t决算数\t\t2.00\t')"
}

@test "narrative figures carry subject, relation and position" {
	run -0 parse-pdf-text "$D/claims.txt"
	assert_line "$(printf 'claim\tclaims\t一\t收支总计\tdecline\tpercent\t2.7%%\t\t%%\t6:57\t下降 2.7%%')"
	assert_line --partial "$(printf '社会保障和就业支出/行政事业单位养老支出/事业单位离退休@年初预算\tcompletion\tpercent\t105%%')"
	refute_line --partial '67.5'
}

@test "GB18030, UTF-16 with BOM, UTF-8 with BOM and CRLF give the same cells" {
	iconv -f UTF-8 -t GB18030 "$D/panel.txt" > "$BATS_TEST_TMPDIR/gb.txt"
	{ printf '\357\273\277'; sed 's/$/\r/' "$D/panel.txt"; } > "$BATS_TEST_TMPDIR/bom.txt"
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$D/panel.txt"; } > "$BATS_TEST_TMPDIR/u16.txt"
	run -0 parse-pdf-text "$D/panel.txt"
	want=$(printf '%s\n' "$output" | grep -v '^doc' | sed 's/^\(cell\|table\)\t[^\t]*/\1/')
	for f in gb bom u16; do
		run -0 parse-pdf-text "$BATS_TEST_TMPDIR/$f.txt"
		assert_equal "$(printf '%s\n' "$output" | grep -v '^doc' | sed 's/^\(cell\|table\)\t[^\t]*/\1/')" "$want"
	done
	run -0 parse-pdf-text "$BATS_TEST_TMPDIR/gb.txt"
	assert_line --regexp '	GB18030$'
	run -0 parse-pdf-text "$BATS_TEST_TMPDIR/u16.txt"
	assert_line --regexp '	UTF-16LE$'
}

@test "-e forces the input encoding" {
	iconv -f UTF-8 -t GB18030 "$D/panel.txt" > "$BATS_TEST_TMPDIR/gb.txt"
	run -0 parse-pdf-text -e GBK "$BATS_TEST_TMPDIR/gb.txt"
	assert_line --partial "$(printf '本年收入合计\t27')"
	assert_line --regexp '	GBK$'
}

@test "--doc names the document" {
	run -0 parse-pdf-text --doc mine "$D/econ.txt"
	assert_line --regexp '^doc	mine	'
}

@test "--doc with two files is a usage error" {
	run -2 --separate-stderr parse-pdf-text --doc x "$D/econ.txt" "$D/code.txt"
	assert_equal "${stderr_lines[0]}" "parse-pdf-text: --doc names one document; 2 files given"
}

@test "standard input is read when there is no operand" {
	run -0 bash -c 'parse-pdf-text < "$1"' _ "$D/econ.txt"
	assert_line --regexp '^doc	stdin	-	'
}

@test "a bad option is a usage error" {
	run -2 --separate-stderr parse-pdf-text -Q
	assert_equal "${stderr_lines[-1]}" "usage: parse-pdf-text [-e encoding] [--doc id] [--max-bytes n] [--max-cells n] [file ...]"
}

@test "--help prints the synopsis to stdout" {
	run -0 parse-pdf-text --help
	assert_output "usage: parse-pdf-text [-e encoding] [--doc id] [--max-bytes n] [--max-cells n] [file ...]"
}

@test "--version prints the version" {
	run -0 parse-pdf-text --version
	assert_output --regexp '^parse-pdf-text [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "a missing file is reported and the other files are still read" {
	run -2 --separate-stderr parse-pdf-text "$D/nonexistent.txt" "$D/econ.txt"
	assert_equal "$stderr" "parse-pdf-text: $D/nonexistent.txt: No such file or directory"
	assert_line --regexp '^doc	econ	'
}

@test "invalid bytes are reported with their line and column" {
	printf 'line one\nab\377\377cd\n' > "$BATS_TEST_TMPDIR/bad.txt"
	run -2 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/bad.txt"
	assert_equal "$stderr" "parse-pdf-text: $BATS_TEST_TMPDIR/bad.txt:2:3: invalid UTF-8, and not GB18030 either (give the encoding with -e)"
	refute_output --partial 'doc	'
}

@test "a NUL byte is an error with its position" {
	printf 'abc\ndef\000ghi\n' > "$BATS_TEST_TMPDIR/nul.txt"
	run -2 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/nul.txt"
	assert_equal "$stderr" "parse-pdf-text: $BATS_TEST_TMPDIR/nul.txt:2:4: NUL byte in text"
}

@test "UTF-16 without a byte order mark is refused with advice" {
	iconv -f UTF-8 -t UTF-16LE "$D/econ.txt" > "$BATS_TEST_TMPDIR/u16.txt"
	run -2 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/u16.txt"
	assert_equal "$stderr" "parse-pdf-text: $BATS_TEST_TMPDIR/u16.txt: looks like UTF-16 without a byte order mark; give the encoding with -e UTF-16LE or -e UTF-16BE"
	run -0 parse-pdf-text -e UTF-16LE "$BATS_TEST_TMPDIR/u16.txt"
	assert_line --partial "$(printf '30201\t办公费')"
}

@test "an empty input gives a doc record and no table" {
	: > "$BATS_TEST_TMPDIR/empty.txt"
	run -0 parse-pdf-text "$BATS_TEST_TMPDIR/empty.txt"
	assert_line --regexp '^doc	empty	'
	refute_line --regexp '^(table|cell)'
}

@test "limits on input size and cell count are enforced and can be raised" {
	run -2 --separate-stderr parse-pdf-text --max-bytes 100 "$SEED"
	assert_equal "$stderr" "parse-pdf-text: $SEED: input larger than 100 bytes (raise it with --max-bytes)"
	run -2 --separate-stderr parse-pdf-text --max-cells 10 "$SEED"
	assert_equal "$stderr" "parse-pdf-text: $SEED: more than 10 table cells (raise it with --max-cells)"
	run -0 parse-pdf-text --max-cells 1000 "$SEED"
}

@test "a full standard output is an error" {
	[ -w /dev/full ] || skip "no /dev/full"
	run -2 --separate-stderr bash -c 'parse-pdf-text "$1" > /dev/full' _ "$SEED"
	assert_equal "$stderr" "parse-pdf-text: write error on stdout: No space left on device"
}

@test "markdown pipe tables are read like TAB tables, with their columns" {
	run -0 parse-pdf-text "$D/pipe.txt"
	assert_line "$(printf 'cell\tpipe\tF05\t\t合计\t\t基本支出\t2\t1, 000. 50\t\t万元\tnew\t\t8:20\t1\t2')"
	refute_line --partial -- '---'
}

@test "HTML tables become rows: colspan and rowspan hold their columns, entities decoded" {
	run -0 parse-pdf-text "$D/html.txt"
	assert_line --partial "$(printf 'F03\t208\t社会保障&就业支出\t\t项目支出\t3\t863.87\t')"
	refute_line --partial '<td'
}

@test "single-space text: rows split where a code follows figures, placed by the hierarchy" {
	run -0 --separate-stderr parse-pdf-text "$D/words.txt"
	assert_line --partial "$(printf 'B03\t2010399\t其他政府办公厅(室)及相关机构事务支出\t\t项目支出\t\t300\t\t元\tnew\tinferred-column')"
	assert_line --partial "$(printf 'B03\t208\t社会保障和就业支出\t\t基本支出\t\t500\t\t元\tnew\tinferred-column')"
	assert_line --regexp '^table	words	B03	2026年预算单位支出预算总表	.*	元	2:1	found	$'
	assert_equal "$stderr" ""
}

@test "single-space text: figures no identity places are reported, their cells unknown" {
	sed '/^20103 /d; /^201 /d' "$D/words.txt" > "$BATS_TEST_TMPDIR/w.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/w.txt"
	assert_line --partial "$(printf '2010301\t行政运行\t\t基本支出\t\t\t\t元\tnew\tunplaced')"
	assert_regex "$stderr" "w.txt:[0-9]+:[0-9]+: figure '[0-9,.]+' of row 2010301 of B03: its column is not placed by any identity"
}

@test "single-space panel table: a line is split at its template's labels, the 类 lines placed by the identities" {
	run -0 --separate-stderr parse-pdf-text "$D/words-panel.txt"
	assert_line --regexp '^table	words-panel	B01	2026年预算单位财务收支预算总表	.*	元	2:1	found	$'
	assert_line --partial "$(printf 'B01\t\t财政拨款收入\t\t收入预算数\t\t950,000\t\t元\tnew\t\t9:10')"
	# "3、国有资本经营预算 三、城乡社区支出 50,000 50,000": two labels, no income figure
	assert_line --partial "$(printf 'B01\t\t财政拨款收入/国有资本经营预算\t\t收入预算数\t\t\t\t元\tnew\t\t12:1')"
	assert_line --partial "$(printf 'B01\t\t城乡社区支出\t\t支出预算数\t\t50,000\t\t元\tnew\t\t12:21')"
	assert_line --partial "$(printf 'B01\t\t城乡社区支出\t\t项目支出\t\t50,000\t\t元\tnew\tinferred-column\t12:28')"
	assert_line --partial "$(printf 'B01\t\t一般公共服务支出\t\t项目支出\t\t600,000\t\t元\tnew\tinferred-column')"
	assert_line --partial "$(printf 'B01\t\t教育支出\t\t基本支出/人员经费\t\t200,000\t\t元\tnew\tinferred-column')"
	assert_line --partial "$(printf 'B01\t\t教育支出\t\t基本支出/公用经费\t\t100,000\t\t元\tnew\tinferred-column')"
	assert_line --partial "$(printf 'B01\t\t教育支出\t\t项目支出\t\t\t\t元\tnew\t\t')"
	refute_regex "$stderr" "of B01"
}

@test "single-space panel table: figures no identity places are reported, the table read, its cells unknown" {
	run -0 --separate-stderr parse-pdf-text "$D/words-panel.txt"
	assert_line --regexp '^table	words-panel	B04	2026年预算单位财政拨款收支预算总表	.*	元	14:1	found	$'
	assert_line --partial "$(printf 'B04\t\t政府性基金预算\t\t收入预算数\t\t100,000\t\t元\tnew\t\t19:11')"
	assert_line --partial "$(printf 'B04\t\t支出总计\t\t支出合计\t\t950,000\t\t元\tnew\t\t21:19')"
	# 政府性基金预算 and 国有资本经营预算 are interchangeable in every identity
	assert_line --partial "$(printf 'B04\t\t教育支出\t\t政府性基金预算\t\t\t\t元\tnew\tunplaced')"
	refute_line --regexp '^cell	words-panel	B04	.*	(一般公共预算|政府性基金预算|国有资本经营预算)		[0-9]'
	assert_regex "$stderr" "words-panel.txt:19:34: figure '200,000' of row 教育支出 of B04: its column is not placed by any identity"
	assert_regex "$stderr" "words-panel.txt:21:35: figure '100,000' of row 支出总计 of B04: its column is not placed by any identity"
	assert_equal "$(printf '%s\n' "$stderr" | grep -c 'of B04')" 6
	# figures that break the row identity under every placement: none read
	sed '10s/200,000 100,000/200,000 50,000/' "$D/words-panel.txt" > "$BATS_TEST_TMPDIR/w.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/w.txt"
	assert_regex "$stderr" "w.txt:10:25: figure '300,000' of row 教育支出 of B01: no placement of the row's figures satisfies B01.4, not read"
	assert_line --partial "$(printf 'B01\t\t教育支出\t\t支出预算数\t\t\t\t元\tnew\tunplaced')"
}

@test "single-space panel table: columns its header does not print are no choice, the rest placed by the identities" {
	sed 's/政府性基金预算国有资本经营预算$/政府性基金预算/' "$D/words-panel.txt" > "$BATS_TEST_TMPDIR/w.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/w.txt"
	assert_line --partial "$(printf 'B04\t\t支出总计\t\t一般公共预算\t\t850,000\t\t元\tnew\t\t21:27')"
	assert_line --partial "$(printf 'B04\t\t教育支出\t\t政府性基金预算\t\t100,000\t\t元\tnew\t\t19:42')"
	assert_line --partial "$(printf 'B04\t\t一般公共服务支出\t\t一般公共预算\t\t600,000\t\t元\tnew\tinferred-column')"
	assert_line --partial "$(printf 'B04\t\t城乡社区支出\t\t一般公共预算\t\t50,000\t\t元\tnew\tinferred-column')"
	refute_line --partial "$(printf 'B04\t\t城乡社区支出\t\t国有资本经营预算')"
	assert_equal "$stderr" ""
}

@test "single-space panel table: figures under labels the catalogue lacks are reported, never dropped" {
	sed '17,$s/一般公共服务支出/甲类事项/; 17,$s/教育支出/乙类事项/; 17,$s/三、国有资本经营预算/三、丙类资金/' \
	    "$D/words-panel.txt" > "$BATS_TEST_TMPDIR/w.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/w.txt"
	# an income label it lacks before an expenditure label it knows
	assert_line --partial "$(printf 'B04\t\t城乡社区支出\t\t支出合计\t\t50,000\t\t元\tnew\t\t20:17')"
	refute_line --partial '丙类资金'
	assert_regex "$stderr" "w.txt:18:25: figure '600,000' of B04 belongs to no line its template names \(its label is not the catalogue's\), not read"
	assert_regex "$stderr" "w.txt:19:42: figure '100,000' of B04 belongs to no line its template names"
	printf '2026年预算单位财政拨款收支预算总表\n单位：元\n项目 预算数 项目 合计\n甲 1,000 乙 1,000 1,000\n丙 2,000 丁 2,000 2,000\n' > "$BATS_TEST_TMPDIR/u.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/u.txt"
	assert_line --regexp '^table	u	B04	.*	unread	$'
	assert_regex "$stderr" "u.txt:1: B04: no line of single-space text names a line of the table's template, table not read"
}

@test "a table whose printed figures are not read is unread, not empty; one printing none is empty" {
	run -0 --separate-stderr parse-pdf-text "$FIX/parse-pdf-text/unread.txt"
	assert_line --regexp '^table	unread	F01	收入支出决算总表	.*	unread	$'
	assert_line --regexp '^table	unread	F02	.*	empty	注：本单位本年度无此项收入，本表无数据。$'
	refute_line --regexp '^cell	'
	assert_equal "${stderr_lines[0]}" "parse-pdf-text: $FIX/parse-pdf-text/unread.txt:3: F01: no 栏次 row found, table not read"
}

@test "a text without a table says so; an empty one says it may be a scan without text" {
	run -0 --separate-stderr parse-pdf-text "$FIX/parse-pdf-text/claims.txt"
	assert_equal "$stderr" "parse-pdf-text: $FIX/parse-pdf-text/claims.txt: no table found"
	: >"$BATS_TEST_TMPDIR/empty.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/empty.txt"
	assert_equal "$stderr" "parse-pdf-text: $BATS_TEST_TMPDIR/empty.txt: no table found: the text is empty (a scanned PDF without a text layer?)"
	run -0 --separate-stderr parse-pdf-text "$SEED"
	assert_equal "$stderr" ""
}

@test "Jiangsu budget forms: B02 as a list, B03 as one row, B04 by use, B12; split 类|款|项 codes and 基本支出 sub-columns" {
	run -0 --separate-stderr parse-pdf-text "$D/budget-layout.txt"
	# a 小计 belongs to the group whose items follow it, else to the next group
	assert_line --partial "$(printf 'B02\t\t其他资金\t\t合计\t\t250.50\t')"
	assert_line --partial "$(printf 'B02\t\t一般公共预算资金/公共财政拨款(补助)资金\t\t合计\t\t900.00\t')"
	assert_line --partial "$(printf 'B03\t\t合计\t\t单位预留机动经费\t\t50.25\t')"
	assert_line --partial "$(printf 'B04\t\t支出用途/合计\t\t支出用途预算数\t\t1,000.00\t')"
	assert_line --partial "$(printf 'B05\t2050803\t培训支出\t\t项目支出\t\t100.00\t')"
	assert_line --partial "$(printf 'B05\t20805\t行政事业单位养老支出\t\t基本支出/公用经费\t\t50.00\t')"
	# 三公 with 会议费 and 培训费: 合计 of all three, the 三公 total is the first 小计
	assert_line --partial "$(printf 'B12\t\t三公经费\t\t合计\t\t120.50\t')"
	assert_line --partial "$(printf 'B12\t\t三公经费\t\t三公经费\t\t60.50\t')"
	assert_line --partial "$(printf 'B12\t\t三公经费\t\t公务用车购置及运行维护费\t\t30.00\t')"
	assert_line --partial "$(printf 'B12\t\t三公经费\t\t公务用车购置费\t\t\t')"
	assert_line --partial "$(printf 'B12\t\t三公经费\t\t公务用车运行维护费\t\t30.00\t')"
	[ -z "$stderr" ]
	# and their identities hold
	run -0 bash -c "parse-pdf-text '$D/budget-layout.txt' | normalize-numbers | rollup | reconcile |
	    awk -F'\t' '\$1==\"check\" && \$3 ~ /^B/ {print \$3, \$5}' | sort -u"
	for r in B02.3 B02.4 B02.6 B03.1 B04.1 B04.4 B05.1 B05.2 B05.3 B12.1 B12.2 B12.3; do
		assert_line "$r pass"
	done
	refute_line --partial fail
}

@test "a B02 list figure changed makes its group's identity fail" {
	sed '/其他资金 *小计/s/250\.50/205.50/' "$D/budget-layout.txt" > "$BATS_TEST_TMPDIR/b.txt"
	run -0 bash -c "parse-pdf-text '$BATS_TEST_TMPDIR/b.txt' | normalize-numbers | rollup | reconcile |
	    awk -F'\t' '\$1==\"check\" && \$5==\"fail\" {print \$3}' | sort -u"
	assert_line B02.3
	assert_line B02.6
	assert_equal "${#lines[@]}" 2
}

@test "codes right of a 预算单位 column are rows; the unit's row is reported, and no sub-column without its header word" {
	run -0 --separate-stderr parse-pdf-text "$D/unitcol.txt"
	assert_line --partial "$(printf 'B05\t20508\t进修及培训\t\t合计\t\t100.00\t')"
	assert_line --partial "$(printf 'B05\t208\t社会保障和就业支出\t\t基本支出\t\t200.00\t')"
	refute_line --partial "基本支出/人员经费"
	[ "$(printf '%s\n' "$stderr" | grep -c "unitcol.txt:7:[0-9]*: figure '[0-9.]*' belongs to no row of B05")" -eq 3 ]
}

@test "pdftotext without -layout: code tables whose rows keep their order are read; a table written out of order is unread, with the reason" {
	run -0 --separate-stderr parse-pdf-text "$D/plain.txt"
	assert_line --partial "$(printf 'plain\tUTF-8')"
	assert_line --partial "$(printf 'F03\t\t合计\t\t本年支出合计\t\t300.00\t')"
	# a name wrapped over two lines is joined
	assert_line --partial "$(printf 'F03\t2010602\t一般行政管理事务\t\t项目支出\t\t100.00\t')"
	assert_line --partial "$(printf 'F03\t2010601\t行政运行\t\t基本支出\t\t200.00\t')"
	# columns named after the figures are printed, blank
	assert_line --partial "$(printf 'F03\t2010601\t行政运行\t\t经营支出\t\t\t')"
	assert_line --partial "$(printf 'F05\t一般公共预算财政拨款支出决算表\t\t万元\t72:1\tunread')"
	refute_line --partial "$(printf 'cell\tplain\tF05')"
	assert_equal "$stderr" "parse-pdf-text: $D/plain.txt:72: F05: text of one cell per line (pdftotext without -layout) does not keep this table's rows, table not read; run pdftotext -layout"
}

@test "pdftotext without -layout: a code column written in runs is read in code order where every parent sums its children; the 三公 row is read in pairs" {
	run -0 --separate-stderr parse-pdf-text "$D/plain-runs.txt"
	assert_line --partial "$(printf 'plain\tUTF-8')"
	# codes 2080501 and 2010102 come after figures, out of order: sorted, the figures are theirs
	assert_line --partial "$(printf 'F05\t2010101\t\t\t项目支出\t\t100.00\t')"
	assert_line --partial "$(printf 'F05\t2010102\t\t\t基本支出\t\t50.00\t')"
	assert_line --partial "$(printf 'F05\t208\t社会保障和就业支出\t\t小计\t\t80.00\t')"
	assert_line --partial "$(printf 'F05\t\t合计\t\t基本支出\t\t380.00\t')"
	# a row's cells, each on its own line, are one row: 8 rows, rseq 1 to 8
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1=="cell" && $3=="F05" {print $15}' | uniq | tr '\n' ' ')" = "1 2 3 4 5 6 7 8 " ]
	# twelve figures, the note among them, a 预算数 and its 决算数 a column
	assert_line --partial "$(printf 'F09\t\t三公经费\t\t预算数/合计\t\t30.00\t')"
	assert_line --partial "$(printf 'F09\t\t三公经费\t\t决算数/合计\t\t24.00\t')"
	assert_line --partial "$(printf 'F09\t\t三公经费\t\t预算数/公务用车购置及运行维护费\t\t15.00\t')"
	assert_line --partial "$(printf 'F09\t\t三公经费\t\t决算数/公务接待费\t\t4.00\t')"
	[ "$(printf '%s\n' "$output" | grep -c "$(printf '^cell\tplain-runs\tF09\t\t三公经费\t\t')")" -eq 12 ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1=="cell" && $3=="F09" && $15!=1')" = "" ]
	[ -z "$stderr" ]
}

@test "pdftotext without -layout: a code column in runs whose parent breaks the sum of its children, and a 三公 row written a half at a time, are unread" {
	# the same tables, but for those figures, are read
	run -0 --separate-stderr parse-pdf-text "$D/plain-runs.txt"
	[ "$(printf '%s\n' "$output" | grep -c "$(printf '^cell\tplain-runs\tF0[59]\t')")" -eq 36 ]
	run -0 --separate-stderr parse-pdf-text "$D/plain-refused.txt"
	assert_line --partial "$(printf 'F05\t一般公共预算财政拨款支出决算表\t\t万元\t3:1\tunread')"
	assert_line --partial "$(printf 'F09\t财政拨款“三公”经费支出决算表\t\t万元\t93:1\tunread')"
	refute_line --partial "$(printf 'cell\tplain-refused\t')"
	[ "$(printf '%s\n' "$stderr" | grep -c "plain-refused.txt:\(3: F05\|93: F09\): text of one cell per line (pdftotext without -layout) does not keep this table's rows, table not read; run pdftotext -layout")" -eq 2 ]
}

@test "三公 printed as a list of items is read; a row whose figures break the table's identity under the header's columns is refused" {
	run -0 --separate-stderr parse-pdf-text "$D/b09.txt"
	assert_line --partial "$(printf 'B09\t\t三公经费\t\t合计\t\t246.35\t')"
	assert_line --partial "$(printf 'B09\t\t三公经费\t\t公务用车购置费\t\t205.75\t')"
	assert_line --partial "$(printf 'B09\t\t三公经费\t\t公务接待费\t\t14.60\t')"
	# the page number under the list is no figure
	refute_output --partial "'23'"
	[ "$(printf '%s\n' "$output" | grep -c "$(printf '^cell\tb09\tB09\t')")" -eq 6 ]
	assert_equal "$stderr" "parse-pdf-text: $D/b09.txt:25: B09: the figures of its row break B09.1 under the columns its header words give, row not read"
}

@test "a table outside the catalogue ends the region of the table before it" {
	run -0 --separate-stderr parse-pdf-text "$D/other.txt"
	assert_line --regexp "^table	other	B06	财政拨款政府性基金支出预算表	.*	empty	"
	refute_line --partial "$(printf 'cell\tother\tB06')"
	[ -z "$stderr" ]
}

@test "a panel table's page of totals only, and labels spaced out letter by letter, are read" {
	printf '%s\n' '                              收入支出决算总表' \
	    '部门： 某某局                                                        单位：万元' \
	    '               收入                                        支出' \
	    '     项   目      行次       决算数                    项    目    行次   决算数' \
	    '年初结转和结余         25           0.00       年末结转和结余       51           0.04' \
	    '  收   入   总   计    26         1537.26     支   出 总         计      52   1537.26' \
	    > "$BATS_TEST_TMPDIR/p.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/p.txt"
	assert_line --partial "$(printf 'F01\t\t年末结转和结余\t\t支出决算数\t\t0.04\t')"
	assert_line --partial "$(printf 'F01\t\t收入总计\t\t收入决算数\t\t1537.26\t')"
	assert_line --partial "$(printf 'F01\t\t支出总计\t\t支出决算数\t\t1537.26\t')"
}

@test "基本支出 spanning 人员支出 and 公用经费 is no column of its own; a column only some templates print needs its header word" {
	run -0 --separate-stderr parse-pdf-text "$D/b03-span.txt"
	assert_line --partial "$(printf 'B03\t201\t一般公共服务支出\t\t基本支出/人员经费\t\t600.00\t')"
	assert_line --partial "$(printf 'B03\t201\t一般公共服务支出\t\t基本支出/公用经费\t\t100.00\t')"
	assert_line --partial "$(printf 'B03\t201\t一般公共服务支出\t\t项目支出\t\t300.00\t')"
	refute_line --partial "$(printf '\t基本支出\t\t')"
	refute_line --partial "单位预留机动经费"
}

@test "a figure whose last digits wrapped onto the line below is joined again" {
	printf '%s\n' '                          一般公共预算支出表' \
	    '单位：万元' \
	    '     科目编码        科目名称          合计          基本支出          项目支出' \
	    '                                   1357.4' \
	    '201          一般公共服务支出                        1083.19          274.23' \
	    '                                   2' \
	    > "$BATS_TEST_TMPDIR/w.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/w.txt"
	assert_line --partial "$(printf 'B05\t201\t一般公共服务支出\t\t合计\t\t1357.42\t')"
	assert_line --partial "$(printf 'B05\t201\t一般公共服务支出\t\t项目支出\t\t274.23\t')"
}

@test "a page's first line, behind the form feed that ends the page before, is read with its own page's columns" {
	{ printf '%s\n' '                          一般公共预算支出表' \
	    '单位：万元' \
	    '     科目编码        科目名称                    合计            基本支出            项目支出' \
	    '201          一般公共服务支出                    300.00              100.00              200.00' \
	    '20101        人大事务                           300.00              100.00              200.00'
	  printf '\f2010101   行政运行      300.00   100.00   200.00\n'; } > "$BATS_TEST_TMPDIR/p.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/p.txt"
	assert_line --partial "$(printf 'B05\t2010101\t行政运行\t\t合计\t\t300.00\t')"
	assert_line --partial "$(printf 'B05\t2010101\t行政运行\t\t基本支出\t\t100.00\t')"
	assert_line --partial "$(printf 'B05\t2010101\t行政运行\t\t项目支出\t\t200.00\t')"
	[ -z "$stderr" ]
}

@test "columns whose figures pdftotext moved into each other are parted by their right edges" {
	# 1.50 and 1,264,809.53 join the 公用经费 and 项目支出 columns into one
	# cluster, and the fullest row comes after the first that crosses it
	run -0 --separate-stderr parse-pdf-text "$D/shifted.txt"
	assert_line --partial "$(printf 'B05\t201\t一般公共服务支出\t\t基本支出/公用经费\t\t1.50\t')"
	assert_line --partial "$(printf 'B05\t205\t教育支出\t\t基本支出/人员经费\t\t\t')"
	assert_line --partial "$(printf 'B05\t205\t教育支出\t\t基本支出/公用经费\t\t45,618.27\t')"
	assert_line --partial "$(printf 'B05\t206\t科学技术支出\t\t合计\t\t1,311,729.30\t')"
	assert_line --partial "$(printf 'B05\t206\t科学技术支出\t\t项目支出\t\t1,264,809.53\t')"
	[ -z "$stderr" ]
}

@test "a figure's wrapped last digit is joined across the row line between, a few characters off its end" {
	run -0 --separate-stderr parse-pdf-text "$D/wrapped-between.txt"
	assert_line --partial "$(printf 'B05\t\t合计\t\t合计\t\t481,330.15\t')"
	assert_line --partial "$(printf 'B05\t\t合计\t\t基本支出\t\t381,202.90\t')"
	assert_line --partial "$(printf 'B05\t204\t公共安全支出\t\t合计\t\t475,080.15\t')"
	assert_line --partial "$(printf 'B05\t204\t公共安全支出\t\t项目支出\t\t93,877.25\t')"
}

@test "a figure beside an expenditure label the template does not list is not the income label's on its line" {
	# 人大事务's figure is not 财政专户管理资金's: it is reported, not read
	run -0 --separate-stderr parse-pdf-text "$D/panel-kuan.txt"
	assert_line --partial "$(printf 'B01\t\t财政专户管理资金\t\t收入预算数\t\t\t')"
	[[ $stderr == *"panel-kuan.txt:7:70: figure '1,000.00' belongs to no row of B01, not read"* ]]
}

@test "header words wrapped over lines name their columns, and columns go in the order the header prints them" {
	# "政府性基" over "金预算"; 上年结转结余 printed last, not second as the catalogue lists it
	run -0 --separate-stderr parse-pdf-text "$D/wrapped-header.txt"
	assert_line --partial "$(printf 'B02\t201\t一般公共服务支出\t\t财政拨款收入/政府性基金预算\t\t50.00\t')"
	assert_line --partial "$(printf 'B02\t201\t一般公共服务支出\t\t其他收入\t\t25.00\t')"
	assert_line --partial "$(printf 'B02\t201\t一般公共服务支出\t\t上年结转\t\t25.00\t')"
	assert_line --partial "$(printf 'B02\t201\t一般公共服务支出\t\t财政专户管理资金\t\t\t')"
	refute_line --partial '上级补助收入'
}

@test "a column the catalogue lacks (代编项目资金) is reported where the table's identities reject every column for it" {
	run -0 --separate-stderr parse-pdf-text "$D/unknown-column.txt"
	assert_line --partial "$(printf 'B02\t201\t一般公共服务支出\t\t财政拨款收入/一般公共预算\t\t800.00\t')"
	assert_line --partial "$(printf 'B02\t201\t一般公共服务支出\t\t其他收入\t\t200.00\t')"
	refute_line --regexp "$(printf '\t300.00\t')"
	[[ $stderr == *"unknown-column.txt:6:50: figure '300.00' outside the columns of B02, not read"* ]]
}

@test "a 三公 row printed for two years side by side: the document's year is read, the other reported" {
	run -0 --separate-stderr parse-pdf-text "$D/b09-years.txt"
	assert_line --partial "$(printf 'B09\t\t三公经费\t\t合计\t\t118.00\t')"
	assert_line --partial "$(printf 'B09\t\t三公经费\t\t因公出国(境)费\t\t38.00\t')"
	assert_line --partial "$(printf 'B09\t\t三公经费\t\t公务用车运行费\t\t72.00\t')"
	assert_line --partial "$(printf 'B09\t\t三公经费\t\t公务接待费\t\t8.00\t')"
	refute_line --partial '120.50'
	[[ $stderr == *"b09-years.txt:15:2: figure '120.50' of B09 is under another year than the document's 2026, not read"* ]]
}

@test "a 三公 row whose header words drift is read by its identities, the moved columns marked" {
	# 公务接待费 printed last, 运行维护费's word over 购置费's figures
	run -0 --separate-stderr parse-pdf-text "$D/b09-drift.txt"
	assert_line --regexp "$(printf '^cell\t.*\tB09\t\t三公经费\t\t合计\t\t320.00\t.*\tinferred-column\t')"
	assert_line --regexp "$(printf '^cell\t.*\tB09\t\t三公经费\t\t公务接待费\t\t20.00\t.*\tinferred-column\t')"
	assert_line --partial "$(printf 'B09\t\t三公经费\t\t公务用车购置费\t\t100.00\t')"
	assert_line --partial "$(printf 'B09\t\t三公经费\t\t公务用车运行费\t\t200.00\t')"
	# a row that no placement keeps, or two placements keep, is not read
	sed 's/ 20\.00$/ 21.00/' "$D/b09-drift.txt" > "$BATS_TEST_TMPDIR/b.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/b.txt"
	refute_line --partial '320.00'
	[[ $stderr == *"B09: the figures of its row break B09.1"* ]]
}

@test "the one unit row of a grid of units that prints no 合计 is the table's total" {
	run -0 --separate-stderr parse-pdf-text "$D/unit-row.txt"
	assert_line --partial "$(printf 'B02\t\t合计\t\t合计\t\t1,250.00\t')"
	assert_line --partial "$(printf 'B02\t\t合计\t\t财政拨款收入/政府性基金预算\t\t200.00\t')"
	assert_line --partial "$(printf 'B02\t\t合计\t\t上年结转\t\t50.00\t')"
	[ -z "$stderr" ]
	# two unit rows and no 合计: no row is the total
	sed '$p' "$D/unit-row.txt" > "$BATS_TEST_TMPDIR/u.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/u.txt"
	refute_line --partial "$(printf 'B02\t\t合计\t')"
}

@test "a code printed with its figures but not its name, the name wrapped around the line, is a row" {
	run -0 --separate-stderr parse-pdf-text "$D/code-no-name.txt"
	assert_line --partial "$(printf 'B03\t2080501\t行政单位离退休\t\t合计\t\t300.00\t')"
	assert_line --partial "$(printf 'B03\t2080505\t机关事业单位基本养老保险缴费支出\t\t合计\t\t610.00\t')"
	assert_line --partial "$(printf 'B03\t2080506\t机关事业单位职业年金缴费支出\t\t基本支出\t\t200.00\t')"
	refute_line --partial "figure '610.00'"
}

@test "Shenzhen's 基本支出总表 is outside the catalogue, not a 支出总表 (B03)" {
	printf '%s\n' '                                     基本支出总表' '单位：万元' \
	    '        支出项目类别          总计         一般公共预算拨款' \
	    '     工资福利支出              100.00        100.00' > "$BATS_TEST_TMPDIR/o.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/o.txt"
	refute_line --partial "$(printf '\tB03\t')"
	[[ $stderr == *"no table found"* ]]
}

@test "B04's 上年结余、结转 is its 上年结转 row" {
	run -0 --separate-stderr parse-pdf-text "$D/b04-carry.txt"
	assert_line --partial "$(printf 'B04\t\t上年结转\t\t收入预算数\t\t20.00\t')"
	run -0 bash -c "parse-pdf-text '$D/b04-carry.txt' | normalize-numbers | rollup | reconcile | awk -F'\t' '\$3==\"B04.1\" {print \$5}'"
	assert_output pass
}

@test "rows keyed by two economic codes are read with both in the label, each row once" {
	run -0 --separate-stderr parse-pdf-text "$D/b08-twocodes.txt"
	assert_line --partial "$(printf 'B08\t\t30101基本工资/50101工资奖金津补贴\t\t合计\t\t200.00\t')"
	assert_line --partial "$(printf 'B08\t\t30101基本工资/50501工资福利支出\t\t合计\t\t400.00\t')"
	refute_line --regexp "$(printf '^cell\t[^\t]*\tB08\t301')"
	[[ $stderr == *"b08-twocodes.txt:7: B08: rows keyed by two economic codes"* ]]
}

@test "columns printed twice, for 当年预算 and 上年结转结余: the year's are read, the carried-over group's reported" {
	run -0 --separate-stderr parse-pdf-text "$D/carry-group.txt"
	assert_line --partial "$(printf 'B05\t201\t一般公共服务支出\t\t基本支出\t\t100.00\t')"
	assert_line --partial "$(printf 'B05\t201\t一般公共服务支出\t\t项目支出\t\t20.00\t')"
	# "总计：" is the total row
	assert_line --partial "$(printf 'B05\t\t合计\t\t基本支出/人员经费\t\t80.00\t')"
	refute_line --partial "$(printf '\t30.00\t')"
	[[ $stderr == *"carry-group.txt:10:84: figure '30.00' is under 上年结转结余, which B05 does not print apart, not read"* ]]
}

@test "三公 columns headed 公务用车购置 经费 and 公务用车运行 维护费 are found by those words" {
	run -0 --separate-stderr parse-pdf-text "$D/b09-words.txt"
	assert_line --partial "$(printf 'B09\t\t三公经费\t\t公务用车运行费\t\t4.00\t')"
	assert_line --partial "$(printf 'B09\t\t三公经费\t\t公务用车购置费\t\t\t')"
	assert_line --partial "$(printf 'B09\t\t三公经费\t\t公务接待费\t\t21.00\t')"
}

@test "header words printed a letter a line name their columns; a unit's one row under a 部门(单位)名称 header is the total" {
	run -0 --separate-stderr parse-pdf-text "$D/vertical-header.txt"
	assert_line --partial "$(printf 'B02\t\t合计\t\t合计\t\t300.00\t')"
	assert_line --partial "$(printf 'B02\t\t合计\t\t财政拨款收入/国有资本经营预算\t\t0.00\t')"
	assert_line --partial "$(printf 'B02\t\t合计\t\t财政专户管理资金\t\t0.00\t')"
	assert_line --partial "$(printf 'B02\t\t合计\t\t事业单位经营收入\t\t0.00\t')"
	# the 小计 of 编制预算 is no catalogue column
	[[ $stderr == *"vertical-header.txt:21:33: figure '300.00' outside the columns of B02, not read"* ]]
}

@test "a panel figure on a numbered line the template does not list is that line's, reported, not the next row's" {
	run -0 --separate-stderr parse-pdf-text "$D/panel-own-label.txt"
	assert_line --partial "$(printf 'B01\t\t外交支出\t\t支出预算数\t\t\t')"
	[[ $stderr == *"panel-own-label.txt:4:58: figure '1,000.00' of row '一、部门预算', which B01 does not list, not read"* ]]
}

@test "the identity vote does not take a reading that holds by dropping figures" {
	# 本年收入's 小计 read as 一般公共预算 would make 合计 = 小计 + 上年结转
	# hold on every line, the 某某中心 line included, by dropping five columns
	run -0 --separate-stderr parse-pdf-text "$D/vote-no-drop.txt"
	assert_line --partial "$(printf 'B02\t\t合计\t\t财政拨款收入/一般公共预算\t\t700.00\t')"
	assert_line --partial "$(printf 'B02\t\t合计\t\t财政拨款收入/政府性基金预算\t\t100.00\t')"
	assert_line --partial "$(printf 'B02\t\t合计\t\t事业收入\t\t60.00\t')"
	assert_line --partial "$(printf 'B02\t\t合计\t\t上年结转\t\t100.00\t')"
	refute_line --partial "$(printf '\t900.00\t')"
}

@test "Yantai's 基本支出预算情况表 after B07 is outside the catalogue: its rows are not B07's" {
	printf '%s\n' '                                        国有资本经营预算支出情况表' '单位：万元' \
	    '科目编码        科目名称                      合计          基本支出        项目支出' \
	    '223             国有资本经营预算支出          10.00                          10.00' \
	    '                                                       基本支出预算情况表' '单位：万元' \
	    '科目编码               科目编码                                    合计' \
	    '301        工资福利支出         501        机关工资福利支出     20.00' > "$BATS_TEST_TMPDIR/b7.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/b7.txt"
	assert_line --partial "$(printf 'B07\t223\t国有资本经营预算支出\t\t合计\t\t10.00\t')"
	refute_line --partial '301'
}

@test "a grid of units numbers its units: 114 is no 类 code, its row is reported, not read" {
	run -0 --separate-stderr parse-pdf-text "$D/unit-codes.txt"
	assert_line --partial "$(printf 'B02\t\t合计\t\t财政拨款收入/一般公共预算\t\t500.00\t')"
	refute_line --partial "$(printf 'B02\t114\t')"
	[[ $stderr == *"unit-codes.txt:5:42: figure '500.00' belongs to no row of B02, not read"* ]]
}

@test "a title without 部门 or 单位 still gives its unit: the words between the year and 预算" {
	printf '2018 年度江苏省某某\n 办公室预算公开\n  2018 年 2 月 16 日\n目   录\n' > "$BATS_TEST_TMPDIR/t.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/t.txt"
	assert_line --index 1 --regexp "$(printf '\t江苏省某某办公室\t2018\t预算\t\t')"
}

@test "财政拨款收支总表 headed by 一、本年收入 and 一、本年支出, its sum column headed 总计, reads every line" {
	printf '%s\n' '                                 2026年财政拨款收支总体情况表' \
	    '单位名称：某某局                                                                     单位：万元' \
	    '              收入                                       支出' \
	    '                                                                            政府性基金 国有资本经营' \
	    '      项目           预算数                项目         总计           一般公共预算' \
	    '                                                                              预算    预算' \
	    '一、本年收入                300.00 一、本年支出       300.00         300.00' \
	    '1、一般公共预算拨款收入         300.00  1、一般公共服务支出     200.00         200.00' \
	    '2、政府性基金预算拨款收入                 2、教育支出              100.00         100.00' \
	    '二、上年结转                            二、结转下年' \
	    '      收入总计          300.00        支出合计        300.00         300.00' \
	    > "$BATS_TEST_TMPDIR/b04.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/b04.txt"
	assert_line --partial "$(printf 'B04\t\t本年收入合计\t\t收入预算数\t\t300.00\t')"
	assert_line --partial "$(printf 'B04\t\t一般公共预算\t\t收入预算数\t\t300.00\t')"
	assert_line --partial "$(printf 'B04\t\t本年支出合计\t\t支出合计\t\t300.00\t')"
	assert_line --partial "$(printf 'B04\t\t一般公共服务支出\t\t支出合计\t\t200.00\t')"
	assert_line --partial "$(printf 'B04\t\t教育支出\t\t一般公共预算\t\t100.00\t')"
	assert_line --partial "$(printf 'B04\t\t支出总计\t\t支出合计\t\t300.00\t')"
	[ -z "$stderr" ]
}

@test "a figure one space before a numbered label (\"300.00 1、一般…\") is a cell of its own" {
	printf '%s\n' '                                 2026年财政拨款收支总体情况表' \
	    '单位名称：某某局                                                                     单位：万元' \
	    '              收入                                       支出' \
	    '      项目           预算数                项目         合计           一般公共预算' \
	    '1、一般公共预算拨款收入         300.00 1、一般公共服务支出     200.00         200.00' \
	    '                                   2、教育支出              100.00         100.00' \
	    '      收入总计          300.00        支出总计        300.00         300.00' \
	    > "$BATS_TEST_TMPDIR/b04s.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/b04s.txt"
	assert_line --partial "$(printf 'B04\t\t一般公共预算\t\t收入预算数\t\t300.00\t')"
	assert_line --partial "$(printf 'B04\t\t一般公共服务支出\t\t支出合计\t\t200.00\t')"
	[ -z "$stderr" ]
}

@test "Guangdong's 收支总体情况表: 预算拨款 is 财政拨款收入, 财政专户拨款 财政专户管理资金" {
	printf '%s\n' '                         收支总体情况表' \
	    '单位名称：某某局                                            单位：万元' \
	    '              收入                                 支出' \
	    '         项目         预算                    项目          预算' \
	    '一、预算拨款                      300.00 一、一般公共服务支出                 300.00' \
	    '二、财政专户拨款                     0.00 二、外交支出                           0.00' \
	    '三、事业收入                         0.00' \
	    '      本年收入合计                        300.00        本年支出合计               300.00' \
	    '上年结转结余                              0.00 结转结余下年                           0.00' \
	    '         收入总计                       300.00          支出总计               300.00' \
	    > "$BATS_TEST_TMPDIR/b01.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/b01.txt"
	assert_line --partial "$(printf 'B01\t\t财政拨款收入\t\t收入预算数\t\t300.00\t')"
	assert_line --partial "$(printf 'B01\t\t财政专户管理资金\t\t收入预算数\t\t0.00\t')"
	refute_line --partial "label-unknown"
}

@test "Hunan's 收入总表: 本级财政拨款 with its 其中:经费拨款 stays a column; the part is read apart" {
	printf '%s\n' '                                      2026年部门收入总体情况表' \
	    '部门名称：某某局                                                                                            单位：万元' \
	    '                                               本级财政拨款' \
	    '                                                                     财政专户管理 事业单位经营 上级补助收' \
	    ' 类    款    项           功能科目   合计                                                         其它收入   事业收入   上年结转' \
	    '                                                                      事业收入   服务收入    入' \
	    '                                           金额           其中:经费拨款' \
	    '                合计            300.00       300.00         300.00' \
	    '201             一般公共服务支出      300.00       300.00         300.00' \
	    > "$BATS_TEST_TMPDIR/b02.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/b02.txt"
	assert_line --partial "$(printf 'B02\t201\t一般公共服务支出\t\t财政拨款收入\t\t300.00\t')"
	assert_line --partial "$(printf 'B02\t201\t一般公共服务支出\t\t财政拨款收入/其中\t\t300.00\t')"
	refute_line --partial "$(printf '\t其他收入\t\t300.00')"
}

@test "Hunan's 收支总表: 本级财政拨款收入 is 财政拨款收入" {
	printf '%s\n' '                                      2026年部门收支总体情况表' \
	    '部门名称：某某局                                                                      单位：万元' \
	    '           收入                                             支出' \
	    '           项目                   预算数                     项目                    预算数' \
	    '一、本级财政拨款收入                   300.00     一、基本支出                           300.00' \
	    '         本 年 收 入 合 计              300.00            本 年 支 出 合 计              300.00' \
	    '           收 入 总 计                300.00              支 出 总 计                300.00' \
	    > "$BATS_TEST_TMPDIR/b01h.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/b01h.txt"
	assert_line --partial "$(printf 'B01\t\t财政拨款收入\t\t收入预算数\t\t300.00\t')"
}

@test "B01's 上级补助收入 and 附属单位上缴收入 are read, above or below 本年收入合计; an income line takes no figure of the 款 beside it" {
	printf '%s\n' '                          收支总体情况表' \
	    '部门（单位）：某某局                                             单位：万元' \
	    '                 收 入                                   支   出' \
	    '         项目            预算数                     项目              预算数' \
	    '一、财政拨款收入                    300.00 一般公共服务支出                     300.00' \
	    '二、附属单位上缴收入                           人大事务                          300.00' \
	    '   本 年 收 入 合 计           300.00      本 年 支 出 合 计             400.00' \
	    '上级补助收入                       100.00' \
	    '       收 入 总 计           400.00          支 出 总 计             400.00' \
	    > "$BATS_TEST_TMPDIR/b01y.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/b01y.txt"
	assert_line --partial "$(printf 'B01\t\t上级补助收入\t\t收入预算数\t\t100.00\t')"
	assert_line --partial "$(printf 'B01\t\t附属单位上缴收入\t\t收入预算数\t\t\t')"
	refute_line --partial "$(printf 'B01\t\t附属单位上缴收入\t\t收入预算数\t\t300.00')"
}

@test "a 项 printed as its two digits alone, its name wrapped onto the lines around them, is a row of its own" {
	printf '%s\n' '                          一般公共预算支出表' \
	    '单位：万元' \
	    '     科目编码        科目名称                合计          基本支出          项目支出' \
	    '223             国有资本经营预算支出          64.30                        64.30' \
	    '      01         解决历史遗留问题及改革成       64.30                        64.30' \
	    '                本支出' \
	    '                    国有企业办职教幼教补助' \
	    '           03                       12.50                     12.50' \
	    '                支出' \
	    '           99     其他解决历史遗留问题及       51.80                     51.80' \
	    > "$BATS_TEST_TMPDIR/x.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/x.txt"
	assert_line --partial "$(printf 'B05\t2230103\t国有企业办职教幼教补助支出\t\t合计\t\t12.50\t')"
	assert_line --partial "$(printf 'B05\t2230199\t')"
	[ -z "$stderr" ]
}

@test "a 总计 heading the sum column just above the first figures, beside the other columns' words, is no row" {
	printf '%s\n' '                                     财政拨款收支总体情况表' \
	    '部门（单位）：某某局                                                                                  单位：万元' \
	    '               收 入                                                  支   出' \
	    '       项目              预算数               项目' \
	    '                                                          总计            一般公共预算           政府性基金预算' \
	    '一、一般公共预算收入               300.00 一、一般公共服务支出           200.00          200.00' \
	    '二、政府性基金预算收入                     二、外交支出                   100.00          100.00' \
	    '  本    年   收    入 合 计      300.00    本 年 支 出 合 计         300.00        300.00' \
	    > "$BATS_TEST_TMPDIR/b04y.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/b04y.txt"
	assert_line --partial "$(printf 'B04\t\t一般公共服务支出\t\t支出合计\t\t200.00\t')"
	assert_line --partial "$(printf 'B04\t\t外交支出\t\t一般公共预算\t\t100.00\t')"
	[ -z "$stderr" ]
}

@test "收入总表: 财政拨款收入 needs its own header word (not 使用非财政拨款结余's); a 其中 column under 一般公共预算拨款 is read apart" {
	printf '%s\n' \
	    '                                                               部门综合预算收入总表' \
	    '' \
	    '                                                                                                                                               单位：元' \
	    '                                                                                                   部门预算' \
	    '                                                     一般公共预算拨款' \
	    ' 单位编码                       单位名称                                其中：专项资                                     事业单位经营收 使用非财政拨 对附属单位上 上年结 上年实户资金余' \
	    '                                    合计                                          政府性基金拨款   上级补助收入    事业收入                                        其他收入' \
	    '                                                    小计          金列入部门预                                        入     款结余    缴收入   转     额' \
	    '                                                                   算项目' \
	    '                       合计          90,000,000.00   90,000,000.00 1,000,000.00' \
	    '114            某某市人民政府办公厅          90,000,000.00   90,000,000.00 1,000,000.00' \
	    > "$BATS_TEST_TMPDIR/b02x.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/b02x.txt"
	assert_line --partial "$(printf 'B02\t\t合计\t\t财政拨款收入/一般公共预算\t\t90,000,000.00\t')"
	assert_line --partial "$(printf 'B02\t\t合计\t\t财政拨款收入/其中\t\t1,000,000.00\t')"
	# 114 numbers the unit: no 类 code
	refute_line --partial "$(printf 'B02\t114\t')"
	refute_line --partial "$(printf '\t财政拨款收入\t\t\t')"
	refute_line --partial "$(printf '\t财政专户管理资金\t\t1,000,000.00')"
}

@test "a list's figure printed between two items, a line below its own, is the item's above" {
	printf '%s\n' '                                收入预算总表' \
	    '部门名称：某某厅                                                      单位：万元' \
	    '                            项目名称                                   金额' \
	    '                            收入总计                                     500.00' \
	    '                           小计' \
	    '                                                                     500.00' \
	    '   一般公共预算资金                公共财政拨款（补助）资金' \
	    '                                                                     500.00' \
	    '                           专项收入' \
	    '     政府性基金                 小计' \
	    > "$BATS_TEST_TMPDIR/l.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/l.txt"
	assert_line --partial "$(printf 'B02\t\t一般公共预算资金\t\t合计\t\t500.00\t')"
	assert_line --partial "$(printf 'B02\t\t一般公共预算资金/公共财政拨款(补助)资金\t\t合计\t\t500.00\t')"
	assert_line --partial "$(printf 'B02\t\t一般公共预算资金/专项收入\t\t合计\t\t\t')"
}

@test "财政拨款收支预算总表 by use: a line pdftotext shifted right keeps its income figure in the income panel's one column" {
	printf '%s\n' '四、财政拨款收支预算总表' \
	    '部门：                某某厅                                        单位：万元' \
	    '                  收入                                  支出' \
	    '                                                     支出用途' \
	    '      项目名称                    金额' \
	    '                                              项目名称                金额' \
	    '一、一般公共预算                       1,500.00 一、基本支出                    1,000.00' \
	    '二、政府性基金预算                           二、项目支出             500.00' \
	    '          收入合计          1,500.00       支出合计          1,500.00' \
	    > "$BATS_TEST_TMPDIR/j.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/j.txt"
	assert_line --partial "$(printf 'B04\t\t一般公共预算\t\t收入预算数\t\t1,500.00\t')"
	assert_line --partial "$(printf 'B04\t\t支出用途/基本支出\t\t支出用途预算数\t\t1,000.00\t')"
	assert_line --partial "$(printf 'B04\t\t支出用途/项目支出\t\t支出用途预算数\t\t500.00\t')"
	[ -z "$stderr" ]
}

@test "a catalogue header word of five letters (\"政府性基金\") names its column: Quanzhou's 收入总表 is read under its words" {
	printf '%s\n' \
	    '                                             2026 年度收入预算总表' \
	    '                                                                                                                          单位：万元' \
	    '                                             政府性基金     国有资本经        财政专户' \
	    '                                  一般公共预                                      事业      事业单位     上级补助     附属单位     其他        上年结转' \
	    '          单位名称          总计                   预算拨款收     营预算拨款        管理资金' \
	    '                                  算拨款收入                                      收入      经营收入      收入      上缴收入     收入         结余' \
	    '                                               入        收入           收入' \
	    '合计                       900.00     500.00     0.00          0.00    0.00    0.00     0.00     0.00     0.00     400.00     0.00' \
	    > "$BATS_TEST_TMPDIR/q.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/q.txt"
	assert_line --partial "$(printf 'B02\t\t合计\t\t财政拨款收入/一般公共预算\t\t500.00\t')"
	assert_line --partial "$(printf 'B02\t\t合计\t\t财政拨款收入/政府性基金预算\t\t0.00\t')"
	refute_line --partial "$(printf 'B02\t\t合计\t\t财政拨款收入\t')"
}

@test "a word centred over its parts and their 小计 (财政拨款收入) is the 小计's column" {
	printf '%s\n' \
	    '                                                                        收入总体情况表' \
	    '部门（单位）：某某局                                                                                                          单位：万元' \
	    '  科目编码                                                        财政拨款收入' \
	    '                                                                                   事业收入 事业单位经' \
	    '                                                                             财政专户管 （不含教育                  上级补助收 附属单位上 使用非财政' \
	    '                        科目名称      合计                                                            其他收入                          上年结转' \
	    '                                                           一般公共预 政府性基金 国有资本经 理资金收入  收费）' \
	    '                                                                                         营收入                入    缴收入  拨款结余' \
	    '类     款    项                                   小计' \
	    '                                                            算收入  预算收入 营预算收入' \
	    '                合   计            183,695.46   183,536.46   183,472.16    64.30                    31.00     128.00' \
	    '205             教育支出                 47.20         47.20        47.20' \
	    > "$BATS_TEST_TMPDIR/y.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/y.txt"
	assert_line --partial "$(printf 'B02\t205\t教育支出\t\t财政拨款收入\t\t47.20\t')"
	assert_line --partial "$(printf 'B02\t205\t教育支出\t\t财政拨款收入/一般公共预算\t\t47.20\t')"
	assert_line --partial "$(printf 'B02\t\t合计\t\t财政拨款收入/国有资本经营预算\t\t64.30\t')"
}

@test "政府性基金 wrapped as 政府性基 / 金预算 still heads its column" {
	printf '%s\n' \
	    '                                                            收入总表' \
	    '部门：某某市某某局                                                                                                          单位：万元' \
	    '                                                           本年收入                                         上年结转结余' \
	    ' 部门代                                                  国有资                          附属单                       国有资' \
	    '              部门名称   合计                    一般公共预 政府性基     财政专户管     事业    事业单位 上级补       其他        一般公共 政府性基     财政专户   单位' \
	    '  码                             小计                    本经营                          位上缴        小计             本经营' \
	    '                                             算   金预算       理资金      收入    经营收入 助收入       收入         预算   金预算     管理资金   资金' \
	    '                                                       预算                           收入                       预算' \
	    '             合计      3,728.45   3,728.45    3,728.45' \
	    '017        某某市某某局    3,728.45   3,728.45    3,728.45' \
	    > "$BATS_TEST_TMPDIR/s.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/s.txt"
	assert_line --partial "$(printf 'B02\t\t合计\t\t财政拨款收入/政府性基金预算\t\t\t')"
	assert_line --partial "$(printf 'B02\t\t合计\t\t财政拨款收入/一般公共预算\t\t3,728.45\t')"
}

@test "pdftotext without -layout: F06 reads a run of figures the identities place in one way only; figures after a label that are another row's are reported, their rows unplaced" {
	run -0 --separate-stderr parse-pdf-text "$D/plain-econ.txt"
	assert_line --partial "$(printf 'F06\t一般公共预算财政拨款基本支出决算表\t\t万元\t3:1\tfound')"
	# the last run is 30201 to 公用经费合计: 310 = its items, 302 = 50.50 - 8.00 = 42.50 printed elsewhere
	assert_line --partial "$(printf 'F06\t30201\t\t\t决算数\t\t30.00\t\t万元\tnew\t\t49:1\t')"
	assert_line --partial "$(printf 'F06\t30202\t\t\t决算数\t\t0.00\t')"
	assert_line --partial "$(printf 'F06\t30299\t\t\t决算数\t\t12.50\t')"
	assert_line --partial "$(printf 'F06\t310\t\t\t决算数\t\t8.00\t')"
	assert_line --partial "$(printf 'F06\t31002\t\t\t决算数\t\t8.00\t')"
	assert_line --partial "$(printf 'F06\t\t公用经费合计\t\t决算数\t\t50.50\t')"
	# 42.50 follows 公用经费合计 and 150.00 商品和服务支出: neither is theirs
	assert_line --partial "$(printf 'F06\t302\t\t\t决算数\t\t\t\t万元\tnew\tunplaced\t23:1\t')"
	assert_line --partial "$(printf 'F06\t301\t\t\t决算数\t\t\t\t万元\tnew\tunplaced\t7:1\t')"
	assert_line --partial "$(printf 'F06\t\t人员经费合计\t\t决算数\t\t\t\t万元\tnew\tunplaced\t')"
	[ "$(printf '%s\n' "$output" | grep -c "$(printf '^cell\tplain-econ\tF06\t')")" -eq 13 ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1=="cell" && $3=="F06" && $13!="unplaced"' | wc -l)" -eq 6 ]
	[ "$(printf '%s\n' "$stderr" | grep -c "of F06 could be 301 or 30101 or 30102 or 302 or 303 or 30302 or 人员经费合计, not read")" -eq 7 ]
	[ "$(printf '%s\n' "$stderr" | grep -c "plain-econ.txt:46:1: figure '42.50' of F06")" -eq 1 ]
}

@test "pdftotext without -layout: a panel table (F01) is read where the labels before its figures and its identities place them; figures they leave two rows are reported, their rows unplaced" {
	run -0 --separate-stderr parse-pdf-text "$D/plain-panel.txt"
	assert_line --partial "$(printf 'plain\tUTF-8')"
	assert_line --partial "$(printf 'F01\t收入支出决算总表\t\t万元\t3:1\tfound')"
	# the figure after the header words is the first income line's
	assert_line --partial "$(printf 'F01\t\t一般公共预算财政拨款收入\t\t收入决算数\t\t500.00\t\t万元\tnew\t\t11:1\t')"
	assert_line --partial "$(printf 'F01\t\t事业收入\t\t收入决算数\t\t20.00\t')"
	assert_line --partial "$(printf 'F01\t\t社会保障和就业支出\t\t支出决算数\t\t120.00\t')"
	# after a block of two labels: the last one's
	assert_line --partial "$(printf 'F01\t\t城乡社区支出\t\t支出决算数\t\t200.00\t')"
	assert_line --partial "$(printf 'F01\t\t节能环保支出\t\t支出决算数\t\t\t\t万元\tnew\t\t56:1\t')"
	# 510.00 follows 年初结转和结余 but is 本年支出合计's (the 类 lines' sum)
	assert_line --partial "$(printf 'F01\t\t本年支出合计\t\t支出决算数\t\t510.00\t')"
	assert_line --partial "$(printf 'F01\t\t年初结转和结余\t\t收入决算数\t\t\t\t万元\tnew\tunplaced\t')"
	assert_line --partial "$(printf 'F01\t\t使用非财政拨款结余\t\t收入决算数\t\t\t\t万元\tnew\tunplaced\t')"
	assert_line --partial "$(printf 'F01\t\t结余分配\t\t支出决算数\t\t\t\t万元\tnew\tunplaced\t')"
	assert_line --partial "$(printf 'F01\t\t年末结转和结余\t\t支出决算数\t\t\t\t万元\tnew\tunplaced\t')"
	assert_line --partial "$(printf 'F01\t\t收入总计\t\t收入决算数\t\t550.00\t')"
	assert_line --partial "$(printf 'F01\t\t支出总计\t\t支出决算数\t\t550.00\t')"
	[ "$(printf '%s\n' "$output" | grep -c "$(printf '^cell\tplain-panel\tF01\t')")" -eq 40 ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1=="cell" && $3=="F01" && $9!=""' | wc -l)" -eq 11 ]
	assert_equal "$stderr" "parse-pdf-text: $D/plain-panel.txt:87:1: figure '30.00' of F01 could be 使用非财政拨款结余 or 年初结转和结余, not read
parse-pdf-text: $D/plain-panel.txt:100:1: figure '40.00' of F01 could be 结余分配 or 年末结转和结余, not read"
}

@test "pdftotext without -layout: F04's expenditure panel is read by runs of a 合计 and its parts; the fund columns, which the identities cannot tell apart, are unplaced and their figures reported" {
	run -0 --separate-stderr parse-pdf-text "$D/plain-funds.txt"
	assert_line --partial "$(printf 'F04\t财政拨款收入支出决算总表\t\t万元\t3:1\tfound')"
	assert_line --partial "$(printf 'F04\t\t一般公共预算财政拨款\t\t收入决算数\t\t300.00\t\t万元\tnew\t\t9:1\t')"
	assert_line --partial "$(printf 'F04\t\t本年收入合计\t\t收入决算数\t\t300.00\t')"
	assert_line --partial "$(printf 'F04\t\t收入总计\t\t收入决算数\t\t300.00\t')"
	# a 合计 right after its label, its parts after it
	assert_line --partial "$(printf 'F04\t\t一般公共服务支出\t\t支出合计\t\t200.00\t\t万元\tnew\t\t20:1\t7\t2')"
	assert_line --partial "$(printf 'F04\t\t一般公共服务支出\t\t一般公共预算财政拨款\t\t\t\t万元\tnew\tunplaced\t20:1\t7\t3')"
	assert_line --partial "$(printf 'F04\t\t教育支出\t\t支出合计\t\t60.00\t')"
	# 40.00 40.00 follow 教育支出's run: some unprinted-figure line's
	assert_line --partial "$(printf 'F04\t\t外交支出\t\t支出合计\t\t\t\t万元\tnew\tunplaced\t')"
	assert_line --partial "$(printf 'F04\t\t科学技术支出\t\t支出合计\t\t\t\t万元\tnew\tunplaced\t')"
	assert_line --partial "$(printf 'F04\t\t本年支出合计\t\t支出合计\t\t300.00\t')"
	assert_line --partial "$(printf 'F04\t\t支出总计\t\t支出合计\t\t300.00\t')"
	# no reading gives 年末 a figure: its four cells are read, blank
	[ "$(printf '%s\n' "$output" | grep -c "$(printf '^cell\tplain-funds\tF04\t\t年末财政拨款结转和结余\t\t[^\t]*\t\t\t\t万元\tnew\t\t')")" -eq 4 ]
	[ "$(printf '%s\n' "$output" | grep -c "$(printf '^cell\tplain-funds\tF04\t')")" -eq 34 ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1=="cell" && $3=="F04" && $9!=""' | wc -l)" -eq 7 ]
	[ "$(printf '%s\n' "$output" | awk -F'\t' '$1=="cell" && $3=="F04" && $13=="unplaced"' | wc -l)" -eq 20 ]
	assert_line --partial "$(printf 'F09\t\t三公经费\t\t决算数/合计\t\t16.00\t')"
	assert_equal "$(printf '%s\n' "$stderr" | sed -n 4p)" "parse-pdf-text: $D/plain-funds.txt:38:1: figure '40.00' of F04 could be 外交支出/支出合计 or 科学技术支出/支出合计, not read"
	assert_equal "$(printf '%s\n' "$stderr" | sed -n 1p)" "parse-pdf-text: $D/plain-funds.txt:22:1: figure '200.00' of F04 could be 一般公共服务支出/(一般公共预算财政拨款|政府性基金预算财政拨款|国有资本经营预算财政拨款), not read"
	[ "$(printf '%s\n' "$stderr" | grep -c "of F04 could be")" -eq 9 ]
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 9 ]
}

@test "pdftotext without -layout: an F04 whose 本年支出合计 no reading makes the 类 lines' sum is unread, with the reason" {
	# 310.00 = 290.00 + 20.00, but the 类 lines come to 300.00 and 支出总计 says 300.00
	awk 'NR==60{print "310.00"; next} NR==62{print "290.00"; next} {print}' \
	    "$D/plain-funds.txt" > "$BATS_TEST_TMPDIR/funds.txt"
	run -0 --separate-stderr parse-pdf-text "$BATS_TEST_TMPDIR/funds.txt"
	assert_line --partial "$(printf 'F04\t财政拨款收入支出决算总表\t\t万元\t3:1\tunread')"
	refute_line --partial "$(printf 'cell\tfunds\tF04')"
	assert_line --partial "$(printf 'F09\t\t三公经费\t\t决算数/合计\t\t16.00\t')"
	assert_equal "$stderr" "parse-pdf-text: $BATS_TEST_TMPDIR/funds.txt:3: F04: text of one cell per line (pdftotext without -layout) does not keep this table's rows, table not read; run pdftotext -layout"
}

@test "pdftotext without -layout: a panel table whose figures keep no identity however placed is unread, with the reason" {
	run -0 --separate-stderr parse-pdf-text "$D/plain-panel-refused.txt"
	assert_line --partial "$(printf 'F01\t收入支出决算总表\t\t万元\t3:1\tunread')"
	refute_line --partial "$(printf 'cell\tplain-panel-refused\tF01')"
	assert_line --partial "$(printf 'F09\t\t三公经费\t\t决算数/合计\t\t16.00\t')"
	assert_equal "$stderr" "parse-pdf-text: $D/plain-panel-refused.txt:3: F01: text of one cell per line (pdftotext without -layout) does not keep this table's rows, table not read; run pdftotext -layout"
}

@test "pdftotext without -layout: a panel label wrapped over two lines is joined; words the catalogue does not know leave the figure after them no label, and the identities alone do not place it" {
	run -0 --separate-stderr parse-pdf-text "$D/plain-panel-wrap.txt"
	# 二十三、其他支 / 出
	assert_line --partial "$(printf 'F01\t\t其他支出\t\t支出决算数\t\t40.00\t\t万元\tnew\t\t76:1\t')"
	# 500.00 follows 某某说明: any income line without a figure could be its
	assert_line --partial "$(printf 'F01\t\t一般公共预算财政拨款收入\t\t收入决算数\t\t\t\t万元\tnew\tunplaced\t')"
	assert_line --partial "$(printf 'F01\t\t其他收入\t\t收入决算数\t\t\t\t万元\tnew\tunplaced\t')"
	assert_line --partial "$(printf 'F01\t\t事业收入\t\t收入决算数\t\t20.00\t')"
	assert_line --partial "$(printf 'F01\t\t本年收入合计\t\t收入决算数\t\t520.00\t')"
	refute_line --partial "500.00"
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "parse-pdf-text: $D/plain-panel-wrap.txt:12:1: figure '500.00' of F01 could be 一般公共预算财政拨款收入 or 政府性基金预算财政拨款收入 or 国有资本经营预算财政拨款收入 or 上级补助收入 or 经营收入 or 附属单位上缴收入 or 其他收入, not read"
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 3 ]
}

@test "pdftotext without -layout: a dash alone under a panel label is that line's figure, nil" {
	run -0 --separate-stderr parse-pdf-text "$D/plain-panel-dash.txt"
	assert_line --partial "$(printf 'F01\t\t外交支出\t\t支出决算数\t\t-\t\t万元\tnew\t\t25:1\t')"
	assert_line --partial "$(printf 'F01\t\t本年支出合计\t\t支出决算数\t\t510.00\t')"
	assert_line --partial "$(printf 'F01\t\t一般公共预算财政拨款收入\t\t收入决算数\t\t500.00\t')"
}
