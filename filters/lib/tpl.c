/*
 * tpl.c - the table catalogue (docs/tables.md).
 *
 * Final accounts F01..F09 follow the national 公开01表..公开09表; budgets
 * B01..B09 the standard 部门预算 set.  Rows of the panel tables are matched
 * by name in printed order, never by count: older and regional templates
 * leave lines out.
 */
#include <string.h>

#include "tpl.h"
#include "txt.h"

/* 支出功能分类 类, in the order of the national 决算 tables */
static const struct { const char *code, *name; } classes[] = {
	{ "201", "一般公共服务支出" }, { "202", "外交支出" }, { "203", "国防支出" },
	{ "204", "公共安全支出" }, { "205", "教育支出" }, { "206", "科学技术支出" },
	{ "207", "文化旅游体育与传媒支出" }, { "208", "社会保障和就业支出" },
	{ "210", "卫生健康支出" }, { "211", "节能环保支出" }, { "212", "城乡社区支出" },
	{ "213", "农林水支出" }, { "214", "交通运输支出" },
	{ "215", "资源勘探工业信息等支出" }, { "216", "商业服务业等支出" },
	{ "217", "金融支出" }, { "219", "援助其他地区支出" },
	{ "220", "自然资源海洋气象等支出" }, { "221", "住房保障支出" },
	{ "222", "粮油物资储备支出" }, { "223", "国有资本经营预算支出" },
	{ "224", "灾害防治及应急管理支出" }, { "227", "预备费" }, { "229", "其他支出" },
	{ "230", "转移性支出" }, { "231", "债务还本支出" }, { "232", "债务付息支出" },
	{ "233", "债务发行费用支出" }, { "234", "抗疫特别国债安排的支出" },
	/* names before the 2018-2019 reclassification, for older documents */
	{ "207", "文化体育与传媒支出" }, { "210", "医疗卫生与计划生育支出" },
	{ "215", "资源勘探信息等支出" }, { "220", "国土海洋气象等支出" },
	{ "210", "医疗卫生支出" }, { "220", "国土资源气象等支出" },
};

#define CLASSROWS(p, first) \
	{ p, first + 0, "一般公共服务支出", NULL, "201" }, \
	{ p, first + 1, "外交支出", NULL, "202" }, \
	{ p, first + 2, "国防支出", NULL, "203" }, \
	{ p, first + 3, "公共安全支出", NULL, "204" }, \
	{ p, first + 4, "教育支出", NULL, "205" }, \
	{ p, first + 5, "科学技术支出", NULL, "206" }, \
	{ p, first + 6, "文化旅游体育与传媒支出", NULL, "207" }, \
	{ p, first + 7, "社会保障和就业支出", NULL, "208" }, \
	{ p, first + 8, "卫生健康支出", NULL, "210" }, \
	{ p, first + 9, "节能环保支出", NULL, "211" }, \
	{ p, first + 10, "城乡社区支出", NULL, "212" }, \
	{ p, first + 11, "农林水支出", NULL, "213" }, \
	{ p, first + 12, "交通运输支出", NULL, "214" }, \
	{ p, first + 13, "资源勘探工业信息等支出", NULL, "215" }, \
	{ p, first + 14, "商业服务业等支出", NULL, "216" }, \
	{ p, first + 15, "金融支出", NULL, "217" }, \
	{ p, first + 16, "援助其他地区支出", NULL, "219" }, \
	{ p, first + 17, "自然资源海洋气象等支出", NULL, "220" }, \
	{ p, first + 18, "住房保障支出", NULL, "221" }, \
	{ p, first + 19, "粮油物资储备支出", NULL, "222" }, \
	{ p, first + 20, "国有资本经营预算支出", NULL, "223" }, \
	{ p, first + 21, "灾害防治及应急管理支出", NULL, "224" }, \
	{ p, first + 22, "其他支出", NULL, "229" }, \
	{ p, first + 23, "债务还本支出", NULL, "231" }, \
	{ p, first + 24, "债务付息支出", NULL, "232" }, \
	{ p, first + 25, "抗疫特别国债安排的支出", NULL, "234" }

static const struct tpl_row f01_rows[] = {
	{ 0, 1, "一般公共预算财政拨款收入", NULL, NULL },
	{ 0, 2, "政府性基金预算财政拨款收入", NULL, NULL },
	{ 0, 3, "国有资本经营预算财政拨款收入", NULL, NULL },
	{ 0, 4, "上级补助收入", NULL, NULL },
	{ 0, 5, "事业收入", NULL, NULL },
	{ 0, 6, "经营收入", NULL, NULL },
	{ 0, 7, "附属单位上缴收入", NULL, NULL },
	{ 0, 8, "其他收入", NULL, NULL },
	{ 0, 27, "本年收入合计", NULL, NULL },
	{ 0, 28, "使用非财政拨款结余", NULL, NULL },
	{ 0, 29, "年初结转和结余", NULL, NULL },
	{ 0, 30, "收入总计", "总计", NULL },
	CLASSROWS(1, 31),
	{ 1, 57, "本年支出合计", NULL, NULL },
	{ 1, 58, "结余分配", NULL, NULL },
	{ 1, 59, "年末结转和结余", NULL, NULL },
	{ 1, 60, "支出总计", "总计", NULL },
};

static const struct tpl_row f04_rows[] = {
	{ 0, 1, "一般公共预算财政拨款", NULL, NULL },
	{ 0, 2, "政府性基金预算财政拨款", NULL, NULL },
	{ 0, 3, "国有资本经营预算财政拨款", NULL, NULL },
	{ 0, 27, "本年收入合计", NULL, NULL },
	{ 0, 28, "年初财政拨款结转和结余", NULL, NULL },
	{ 0, 29, "年初财政拨款结转和结余/一般公共预算财政拨款", "一般公共预算财政拨款", NULL },
	{ 0, 30, "年初财政拨款结转和结余/政府性基金预算财政拨款", "政府性基金预算财政拨款", NULL },
	{ 0, 31, "年初财政拨款结转和结余/国有资本经营预算财政拨款", "国有资本经营预算财政拨款", NULL },
	{ 0, 32, "收入总计", "总计", NULL },
	CLASSROWS(1, 33),
	{ 1, 59, "本年支出合计", NULL, NULL },
	{ 1, 60, "年末财政拨款结转和结余", NULL, NULL },
	{ 1, 61, "年末财政拨款结转和结余/一般公共预算财政拨款", "一般公共预算财政拨款", NULL },
	{ 1, 62, "年末财政拨款结转和结余/政府性基金预算财政拨款", "政府性基金预算财政拨款", NULL },
	{ 1, 63, "年末财政拨款结转和结余/国有资本经营预算财政拨款", "国有资本经营预算财政拨款", NULL },
	{ 1, 64, "支出总计", "总计", NULL },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const f01_cols[] = { "收入决算数", "支出决算数" };
static const char *const f02_cols[] = { "本年收入合计", "财政拨款收入", "上级补助收入",
	"事业收入", "经营收入", "附属单位上缴收入", "其他收入" };
static const char *const f03_cols[] = { "本年支出合计", "基本支出", "项目支出",
	"上缴上级支出", "经营支出", "对附属单位补助支出" };
static const char *const f04_cols[] = { "收入决算数", "支出合计", "一般公共预算财政拨款",
	"政府性基金预算财政拨款", "国有资本经营预算财政拨款" };
static const char *const f05_cols[] = { "小计", "基本支出", "项目支出" };
static const char *const f06_cols[] = { "决算数" };
static const char *const f07_cols[] = { "年初结转和结余", "本年收入", "本年支出小计",
	"基本支出", "项目支出", "年末结转和结余" };
static const char *const f08_cols[] = { "合计", "基本支出", "项目支出" };
static const char *const f09_cols[] = {
	"预算数/合计", "预算数/因公出国(境)费", "预算数/公务用车购置及运行维护费",
	"预算数/公务用车购置费", "预算数/公务用车运行维护费", "预算数/公务接待费",
	"决算数/合计", "决算数/因公出国(境)费", "决算数/公务用车购置及运行维护费",
	"决算数/公务用车购置费", "决算数/公务用车运行维护费", "决算数/公务接待费" };

static const struct tpl_ident f01_id[] = {
	{ "F01.1", 'c', "收入决算数", "本年收入合计", { "一般公共预算财政拨款收入",
	    "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入",
	    "事业收入", "经营收入", "附属单位上缴收入", "其他收入", NULL } },
	{ "F01.2", 'c', "收入决算数", "收入总计", { "本年收入合计", "使用非财政拨款结余",
	    "年初结转和结余", NULL } },
	{ "F01.4", 'c', "支出决算数", "支出总计", { "本年支出合计", "结余分配",
	    "年末结转和结余", NULL } },
};
static const struct tpl_ident f02_id[] = {
	{ "F02.1", 'r', NULL, "本年收入合计", { "财政拨款收入", "上级补助收入", "事业收入",
	    "经营收入", "附属单位上缴收入", "其他收入", NULL } },
};
static const struct tpl_ident f03_id[] = {
	{ "F03.1", 'r', NULL, "本年支出合计", { "基本支出", "项目支出", "上缴上级支出",
	    "经营支出", "对附属单位补助支出", NULL } },
};
static const struct tpl_ident f04_id[] = {
	{ "F04.1", 'c', "收入决算数", "本年收入合计", { "一般公共预算财政拨款",
	    "政府性基金预算财政拨款", "国有资本经营预算财政拨款", NULL } },
	{ "F04.2", 'c', "收入决算数", "年初财政拨款结转和结余", {
	    "年初财政拨款结转和结余/一般公共预算财政拨款",
	    "年初财政拨款结转和结余/政府性基金预算财政拨款",
	    "年初财政拨款结转和结余/国有资本经营预算财政拨款", NULL } },
	{ "F04.3", 'c', "收入决算数", "收入总计", { "本年收入合计", "年初财政拨款结转和结余", NULL } },
	{ "F04.4", 'r', NULL, "支出合计", { "一般公共预算财政拨款", "政府性基金预算财政拨款",
	    "国有资本经营预算财政拨款", NULL } },
	{ "F04.6", 'c', NULL, "支出总计", { "本年支出合计", "年末财政拨款结转和结余", NULL } },
	{ "F04.9", 'c', NULL, "年末财政拨款结转和结余", {
	    "年末财政拨款结转和结余/一般公共预算财政拨款",
	    "年末财政拨款结转和结余/政府性基金预算财政拨款",
	    "年末财政拨款结转和结余/国有资本经营预算财政拨款", NULL } },
};
static const struct tpl_ident f05_id[] = {
	{ "F05.1", 'r', NULL, "小计", { "基本支出", "项目支出", NULL } },
};
static const struct tpl_ident f06_id[] = {
	{ "F06.2", 'c', "决算数", "人员经费合计", { "301", "303", NULL } },
	{ "F06.3", 'c', "决算数", "公用经费合计", { "302", "307", "309", "310", "399", NULL } },
};
static const struct tpl_ident f07_id[] = {
	{ "F07.1", 'r', NULL, "年末结转和结余", { "年初结转和结余", "本年收入", "-本年支出小计", NULL } },
	{ "F07.2", 'r', NULL, "本年支出小计", { "基本支出", "项目支出", NULL } },
};
static const struct tpl_ident f08_id[] = {
	{ "F08.1", 'r', NULL, "合计", { "基本支出", "项目支出", NULL } },
};
static const struct tpl_ident f09_id[] = {
	{ "F09.1", 'r', NULL, "预算数/合计", { "预算数/因公出国(境)费",
	    "预算数/公务用车购置及运行维护费", "预算数/公务接待费", NULL } },
	{ "F09.2", 'r', NULL, "预算数/公务用车购置及运行维护费", { "预算数/公务用车购置费",
	    "预算数/公务用车运行维护费", NULL } },
	{ "F09.3", 'r', NULL, "决算数/合计", { "决算数/因公出国(境)费",
	    "决算数/公务用车购置及运行维护费", "决算数/公务接待费", NULL } },
	{ "F09.4", 'r', NULL, "决算数/公务用车购置及运行维护费", { "决算数/公务用车购置费",
	    "决算数/公务用车运行维护费", NULL } },
};

static const char *const f01_m[] = { "收入支出决算总表", NULL };
static const char *const f02_m[] = { "收入决算表", NULL };
static const char *const f03_m[] = { "支出决算表", NULL };
static const char *const f04_m[] = { "财政拨款收入支出决算总表", NULL };
static const char *const f05_m[] = { "一般公共预算财政拨款支出决算表", NULL };
static const char *const f06_m[] = { "一般公共预算财政拨款基本支出决算明细表",
	"一般公共预算财政拨款基本支出决算表", NULL };
static const char *const f07_m[] = { "政府性基金预算财政拨款收入支出决算表",
	"政府性基金预算财政拨款支出决算表", NULL };
static const char *const f08_m[] = { "国有资本经营预算财政拨款支出决算表",
	"国有资本经营预算财政拨款收入支出决算表", NULL };
static const char *const f09_m[] = { "财政拨款三公经费支出决算表",
	"一般公共预算财政拨款三公经费支出决算表", NULL };



/* ---- budgets: the standard 部门预算 set ---------------------------------- */

#define BUDGETCLASSES(p) \
	{ p, 0, "一般公共服务支出", NULL, "201" }, { p, 0, "外交支出", NULL, "202" }, \
	{ p, 0, "国防支出", NULL, "203" }, { p, 0, "公共安全支出", NULL, "204" }, \
	{ p, 0, "教育支出", NULL, "205" }, { p, 0, "科学技术支出", NULL, "206" }, \
	{ p, 0, "文化旅游体育与传媒支出", NULL, "207" }, \
	{ p, 0, "社会保障和就业支出", NULL, "208" }, { p, 0, "卫生健康支出", NULL, "210" }, \
	{ p, 0, "节能环保支出", NULL, "211" }, { p, 0, "城乡社区支出", NULL, "212" }, \
	{ p, 0, "农林水支出", NULL, "213" }, { p, 0, "交通运输支出", NULL, "214" }, \
	{ p, 0, "资源勘探工业信息等支出", NULL, "215" }, \
	{ p, 0, "商业服务业等支出", NULL, "216" }, { p, 0, "金融支出", NULL, "217" }, \
	{ p, 0, "援助其他地区支出", NULL, "219" }, \
	{ p, 0, "自然资源海洋气象等支出", NULL, "220" }, \
	{ p, 0, "住房保障支出", NULL, "221" }, { p, 0, "粮油物资储备支出", NULL, "222" }, \
	{ p, 0, "国有资本经营预算支出", NULL, "223" }, \
	{ p, 0, "灾害防治及应急管理支出", NULL, "224" }, { p, 0, "预备费", NULL, "227" }, \
	{ p, 0, "其他支出", NULL, "229" }, { p, 0, "转移性支出", NULL, "230" }, \
	{ p, 0, "债务还本支出", NULL, "231" }, { p, 0, "债务付息支出", NULL, "232" }, \
	{ p, 0, "债务发行费用支出", NULL, "233" }, \
	{ p, 0, "抗疫特别国债安排的支出", NULL, "234" }

static const struct tpl_row b01_rows[] = {
	{ 0, 0, "财政拨款收入", NULL, NULL },
	{ 0, 0, "财政拨款收入", "财政拨款", NULL },
	/* Guangdong: 预算拨款, 财政专户拨款; Changsha: 本级财政拨款收入 */
	{ 0, 0, "财政拨款收入", "预算拨款", NULL },
	{ 0, 0, "财政拨款收入", "本级财政拨款", NULL },
	{ 0, 0, "财政拨款收入/一般公共预算", "一般公共预算", NULL },
	{ 0, 0, "财政拨款收入/政府性基金预算", "政府性基金预算", NULL },
	{ 0, 0, "财政拨款收入/国有资本经营预算", "国有资本经营预算", NULL },
	{ 0, 0, "事业收入", NULL, NULL },
	{ 0, 0, "事业单位经营收入", NULL, NULL },
	{ 0, 0, "其他收入", NULL, NULL },
	{ 0, 0, "财政专户管理资金", NULL, NULL },
	{ 0, 0, "财政专户管理资金", "财政专户拨款", NULL },
	{ 0, 0, "其他资金", NULL, NULL },
	{ 0, 0, "上级补助收入", NULL, NULL },
	{ 0, 0, "附属单位上缴收入", NULL, NULL },
	{ 0, 0, "本年收入合计", NULL, NULL },
	{ 0, 0, "本年收入合计", "当年收入小计", NULL },
	/* Yantai prints them below 本年收入合计 */
	{ 0, 0, "上级补助收入", NULL, NULL },
	{ 0, 0, "附属单位上缴收入", NULL, NULL },
	{ 0, 0, "上年结转", NULL, NULL },
	{ 0, 0, "上年结转", "上年结转资金", NULL },
	{ 0, 0, "上年结转", "上年结余、结转", NULL },
	{ 0, 0, "使用非财政拨款结余", NULL, NULL },
	{ 0, 0, "收入总计", "总计", NULL },
	{ 0, 0, "收入总计", "收入合计", NULL },
	BUDGETCLASSES(1),
	{ 1, 0, "本年支出合计", NULL, NULL },
	{ 1, 0, "本年支出合计", "当年支出小计", NULL },
	{ 1, 0, "结转下年", NULL, NULL },
	{ 1, 0, "结转下年", "结转下年资金", NULL },
	{ 1, 0, "支出总计", "总计", NULL },
	{ 1, 0, "支出总计", "支出合计", NULL },
	/* Jiangsu's third panel: 支出用途 */
	{ 2, 0, "支出用途/基本支出", "基本支出", NULL },
	{ 2, 0, "支出用途/项目支出", "项目支出", NULL },
	{ 2, 0, "支出用途/单位预留机动经费", "单位预留机动经费", NULL },
	{ 2, 0, "支出用途/事业单位经营支出", "事业单位经营支出", NULL },
};

static const struct tpl_row b04_rows[] = {
	/* "一、本年收入" heading its parts (Chongqing, Suzhou, Wuxi) */
	{ 0, 0, "本年收入合计", "本年收入", NULL },
	{ 0, 0, "财政拨款收入", "财政拨款", NULL },
	{ 0, 0, "一般公共预算", NULL, NULL },
	{ 0, 0, "政府性基金预算", NULL, NULL },
	{ 0, 0, "国有资本经营预算", NULL, NULL },
	{ 0, 0, "本年收入合计", NULL, NULL },
	{ 0, 0, "上年结转", NULL, NULL },
	{ 0, 0, "上年结转", "上年结余", NULL },	/* Shenzhen: 上年结余、结转 */
	{ 0, 0, "收入总计", "总计", NULL },
	{ 0, 0, "收入总计", "收入合计", NULL },
	{ 1, 0, "本年支出合计", "本年支出", NULL },
	BUDGETCLASSES(1),
	{ 1, 0, "本年支出合计", NULL, NULL },
	{ 1, 0, "结转下年", NULL, NULL },
	{ 1, 0, "支出总计", "总计", NULL },
	{ 1, 0, "支出总计", "支出合计", NULL },
	/* Jiangsu prints the expenditure by use, as in its B01 */
	{ 2, 0, "支出用途/基本支出", "基本支出", NULL },
	{ 2, 0, "支出用途/项目支出", "项目支出", NULL },
	{ 2, 0, "支出用途/单位预留机动经费", "单位预留机动经费", NULL },
	{ 2, 0, "支出用途/事业单位经营支出", "事业单位经营支出", NULL },
	{ 2, 0, "支出用途/合计", "支出合计", NULL },
};

static const char *const b01_cols[] = { "收入预算数", "支出预算数", "基本支出/人员经费",
	"基本支出/公用经费", "项目支出", "支出用途预算数" };
static const char *const b01_hdr[] = { "预算数", "合计", "人员经费", "公用经费", "项目支出",
	"金额" };
static const char *const b02_cols[] = { "合计", "上年结转", "财政拨款收入",
	"财政拨款收入/一般公共预算", "财政拨款收入/政府性基金预算", "财政拨款收入/国有资本经营预算",
	"财政拨款收入/其中",
	"财政专户管理资金", "事业收入", "事业单位经营收入", "其他收入", "上级补助收入",
	"附属单位上缴收入", "使用非财政拨款结余" };
static const char *const b02_hdr[] = { NULL, "上年结转|上年结余", "财政拨款", "一般公共",
	"政府性基金|政府性基", "国有资本", "其中", "财政专户", NULL, NULL, "其他收入|其它收入", "上级补助",
	"附属单位", "使用非财政" };
static const char *const b03_cols[] = { "合计", "基本支出", "基本支出/人员经费",
	"基本支出/公用经费", "项目支出", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出",
	"单位预留机动经费", "结转下年资金" };
static const char *const b03_hdr[] = { NULL, NULL, "人员经费|人员支出", "公用经费|公用支出|日常公用",
	NULL, NULL, NULL, NULL, "!单位预留|预留机动", "!结转下年" };
static const char *const b04_cols[] = { "收入预算数", "支出合计", "一般公共预算",
	"政府性基金预算", "国有资本经营预算", "支出用途预算数" };
static const char *const b04_hdr[] = { "预算数", "合计", "一般公共", "政府性基金", "国有资本",
	"金额" };
/* some cities print 基本支出 split: 小计, 人员经费, 公用经费 */
static const char *const b05_cols[] = { "合计", "基本支出", "基本支出/人员经费",
	"基本支出/公用经费", "项目支出" };
static const char *const b05_hdr[] = { NULL, NULL, "人员经费|人员支出", "公用经费|公用支出|日常公用",
	"项目支|专项业务" };
/* 基本支出 by function (Xi'an's 表7): as B08's columns */
static const char *const b14_hdr[] = { NULL, "人员经费|人员支出", "公用经费|公用支出" };
/* all 一般公共预算 expenditure by economic class (Xi'an's 表6) */
static const char *const b13_cols[] = { "合计", "人员经费", "公用经费", "项目支出" };
static const char *const b13_hdr[] = { NULL, "人员经费|人员支出", "公用经费|公用支出",
	"项目支|专项业务" };
static const char *const b08_cols[] = { "合计", "人员经费", "公用经费" };
static const char *const b09_cols[] = { "合计", "因公出国(境)费", "公务接待费",
	"公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "机关运行经费" };
/* Quanzhou prints it as a list: 项目 | 预算数 */
static const struct tpl_litem b09_list[] = {
	{ "三公经费", "合计", "合计", 0 },
	{ "三公经费", "因公出国(境)费", "因公出国(境)费", 0 },
	{ "三公经费", "公务接待费", "公务接待费", 0 },
	{ "三公经费", "公务用车购置及运行费", "公务用车购置及运行费", 0 },
	{ "三公经费", "公务用车购置费", "公务用车购置费", 0 },
	{ "三公经费", "公务用车运行费", "公务用车运行费", 0 },
	{ "三公经费", "机关运行经费", "机关运行经费", 0 },
	{ NULL, NULL, NULL, 0 }
};
static const char *const b09_hdr[] = { "合计", "因公出国", "公务接待", "小计", "购置费|车购置",
	"运行费|车运行", "机关运行" };

static const struct tpl_ident b01_id[] = {
	{ "B01.1", 'c', "收入预算数", "财政拨款收入", { "财政拨款收入/一般公共预算",
	    "财政拨款收入/政府性基金预算", "财政拨款收入/国有资本经营预算", NULL } },
	{ "B01.2", 'c', "收入预算数", "收入总计", { "财政拨款收入", "财政拨款收入/一般公共预算",
	    "财政拨款收入/政府性基金预算", "财政拨款收入/国有资本经营预算", "财政专户管理资金",
	    "其他资金", "事业收入", "事业单位经营收入", "其他收入", "上级补助收入", "附属单位上缴收入",
	    "上年结转", "使用非财政拨款结余", NULL } },
	{ "B01.3", 'c', "支出预算数", "支出总计", { "本年支出合计", "结转下年", NULL } },
	{ "B01.4", 'r', NULL, "支出预算数", { "基本支出/人员经费", "基本支出/公用经费", "项目支出",
	    NULL } },
};
static const struct tpl_ident b02_id[] = {
	{ "B02.1", 'r', NULL, "合计", { "上年结转", "财政拨款收入", "财政拨款收入/一般公共预算",
	    "财政拨款收入/政府性基金预算", "财政拨款收入/国有资本经营预算", "财政专户管理资金",
	    "事业收入", "事业单位经营收入", "其他收入", "上级补助收入", "附属单位上缴收入",
	    "使用非财政拨款结余", NULL } },
	{ "B02.7", 'r', NULL, "财政拨款收入", { "财政拨款收入/一般公共预算",
	    "财政拨款收入/政府性基金预算", "财政拨款收入/国有资本经营预算", NULL } },
	/* Jiangsu's list form (b02_list): the 收入总计 and each group's 小计 */
	{ "B02.3", 'c', "合计", "合计", { "一般公共预算资金", "政府性基金", "财政专户管理资金",
	    "其他资金", "上年结转和结余资金", NULL } },
	{ "B02.4", 'c', "合计", "一般公共预算资金", { "一般公共预算资金/公共财政拨款(补助)资金",
	    "一般公共预算资金/专项收入", NULL } },
	{ "B02.5", 'c', "合计", "财政专户管理资金", { "财政专户管理资金/专户管理教育收费",
	    "财政专户管理资金/其他非税收入", NULL } },
	{ "B02.6", 'c', "合计", "其他资金", { "其他资金/事业收入", "其他资金/经营收入",
	    "其他资金/其他收入", "其他资金/债务资金(银行贷款)", NULL } },
};

/*
 * Jiangsu prints B02 as a list, 项目名称 | 金额: 收入总计, then five groups
 * whose first line is their 小计, the group's name printed once beside
 * its lines (often wrapped).  The rows are keyed group/item, a group's
 * 小计 by the group's name; the amount is the 合计 column.
 */
static const struct tpl_litem b02_list[] = {
	{ "合计", NULL, "收入总计", 0 },
	{ "一般公共预算资金", NULL, "小计", 1 },
	{ "一般公共预算资金/公共财政拨款(补助)资金", NULL, "公共财政拨款(补助)资金", 1 },
	{ "一般公共预算资金/专项收入", NULL, "专项收入", 1 },
	{ "政府性基金", NULL, "小计", 2 },
	{ "财政专户管理资金", NULL, "小计", 3 },
	{ "财政专户管理资金/专户管理教育收费", NULL, "专户管理教育收费", 3 },
	{ "财政专户管理资金/其他非税收入", NULL, "其他非税收入", 3 },
	{ "其他资金", NULL, "小计", 4 },
	{ "其他资金/事业收入", NULL, "事业收入", 4 },
	{ "其他资金/经营收入", NULL, "经营收入", 4 },
	{ "其他资金/其他收入", NULL, "其他收入", 4 },
	{ "其他资金/债务资金(银行贷款)", NULL, "债务资金(银行贷款)", 4 },
	{ "上年结转和结余资金", NULL, "小计", 5 },
	{ "上年结转和结余资金/其中:动用上年结转和结余资金", NULL, "其中:动用上年结转和结余资金", 5 },
	{ NULL, NULL, NULL, 0 }
};
static const struct tpl_ident b03_id[] = {
	{ "B03.1", 'r', NULL, "合计", { "基本支出", "基本支出/人员经费", "基本支出/公用经费",
	    "项目支出", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出", "单位预留机动经费",
	    "结转下年资金", NULL } },
	{ "B03.3", 'r', NULL, "基本支出", { "基本支出/人员经费", "基本支出/公用经费", NULL } },
};
static const struct tpl_ident b04_id[] = {
	{ "B04.1", 'c', "收入预算数", "收入总计", { "一般公共预算", "政府性基金预算",
	    "国有资本经营预算", "上年结转", NULL } },
	{ "B04.2", 'r', NULL, "支出合计", { "一般公共预算", "政府性基金预算", "国有资本经营预算", NULL } },
	{ "B04.3", 'c', NULL, "支出总计", { "本年支出合计", "结转下年", NULL } },
	{ "B04.5", 'c', "收入预算数", "财政拨款收入", { "一般公共预算", "政府性基金预算",
	    "国有资本经营预算", NULL } },
	{ "B04.4", 'c', "支出用途预算数", "支出用途/合计", { "支出用途/基本支出",
	    "支出用途/项目支出", "支出用途/单位预留机动经费", "支出用途/事业单位经营支出", NULL } },
};
static const struct tpl_ident b05_id[] = {
	/* 基本支出, or its parts where only those are printed (Xi'an) */
	{ "B05.1", 'r', NULL, "合计", { "基本支出", "基本支出/人员经费", "基本支出/公用经费",
	    "项目支出", NULL } },
	{ "B05.3", 'r', NULL, "基本支出", { "基本支出/人员经费", "基本支出/公用经费", NULL } },
};
static const struct tpl_ident b06_id[] = {
	{ "B06.1", 'r', NULL, "合计", { "基本支出", "项目支出", NULL } },
};
static const struct tpl_ident b07_id[] = {
	{ "B07.1", 'r', NULL, "合计", { "基本支出", "项目支出", NULL } },
};
static const struct tpl_ident b08_id[] = {
	{ "B08.1", 'r', NULL, "合计", { "人员经费", "公用经费", NULL } },
};
static const struct tpl_ident b12_id[] = {
	{ "B12.1", 'r', NULL, "合计", { "三公经费", "会议费", "培训费", NULL } },
	{ "B12.2", 'r', NULL, "三公经费", { "因公出国(境)费", "公务用车购置及运行维护费",
	    "公务接待费", NULL } },
	{ "B12.3", 'r', NULL, "公务用车购置及运行维护费", { "公务用车购置费", "公务用车运行维护费",
	    NULL } },
};
static const struct tpl_ident b13_id[] = {
	{ "B13.1", 'r', NULL, "合计", { "人员经费", "公用经费", "项目支出", NULL } },
};
static const struct tpl_ident b14_id[] = {
	{ "B14.1", 'r', NULL, "合计", { "人员经费", "公用经费", NULL } },
};
static const struct tpl_ident b10_id[] = {
	{ "B10.1", 'r', NULL, "合计", { "基本支出", "基本支出/人员经费", "基本支出/公用经费",
	    "项目支出", NULL } },
	{ "B10.3", 'r', NULL, "基本支出", { "基本支出/人员经费", "基本支出/公用经费", NULL } },
};
static const struct tpl_ident b11_id[] = {
	{ "B11.1", 'r', NULL, "合计", { "人员经费", "公用经费", NULL } },
};
static const struct tpl_ident b09_id[] = {
	{ "B09.1", 'r', NULL, "合计", { "因公出国(境)费", "公务接待费", "公务用车购置及运行费", NULL } },
	{ "B09.2", 'r', NULL, "公务用车购置及运行费", { "公务用车购置费", "公务用车运行费", NULL } },
};

static const char *const b01_m[] = { "财务收支预算总表", "收支预算总表", "部门收支总表",
	"收支总表", "收支总体情况表", "部门收支总体情况表", NULL };
static const char *const b02_m[] = { "收入预算总表", "部门收入总表", "收入总表", "收入总体情况表",
	NULL };
static const char *const b03_m[] = { "支出预算总表", "部门支出总表", "支出总表", "支出总体情况表",
	"本年支出总体情况表", NULL };
static const char *const b04_m[] = { "财政拨款收支预算总表", "财政拨款收支总表",
	"财政拨款收支总体情况表", NULL };
static const char *const b05_m[] = { "一般公共预算支出功能分类预算表", "一般公共预算支出预算表",
	"一般公共预算支出表", "一般公共预算财政拨款支出预算表", "一般公共预算支出情况表",
	"本年一般公共预算支出表", "一般公共预算财政拨款支出表",
	"一般公共预算支出明细表(按支出功能分类科目)", NULL };
static const char *const b06_m[] = { "政府性基金预算支出功能分类预算表", "政府性基金预算支出预算表",
	"政府性基金预算支出表", "政府性基金预算财政拨款支出预算表", "政府性基金预算支出情况表",
	"本年政府性基金预算支出表", "政府性基金财政拨款支出预算表", "政府性基金支出预算表", "政府性基金预算财政拨款支出表", NULL };
static const char *const b07_m[] = { "国有资本经营预算支出功能分类预算表",
	"国有资本经营预算支出预算表", "国有资本经营预算支出表", "国有资本经营预算支出情况表",
	"本年国有资本经营预算支出明细表", "国有资本经营预算财政拨款支出表", NULL };
static const char *const b08_m[] = { "一般公共预算基本支出部门预算经济分类预算表",
	"一般公共预算基本支出经济分类预算表", "一般公共预算基本支出预算表",
	"一般公共预算基本支出表", "一般公共预算基本支出情况表", "本年一般公共预算基本支出表",
	"一般公共预算财政拨款基本支出预算表", "一般公共预算财政拨款基本支出表",
	"一般公共预算基本支出明细表(按支出经济分类科目)", NULL };
/* Xi'an's 综合预算: 明细表 by function and by economic class, told by the remark */
static const char *const b13_m[] = { "一般公共预算支出明细表(按支出经济分类科目)",
	"一般公共预算支出经济分类预算表", NULL };
static const char *const b14_m[] = { "一般公共预算基本支出明细表(按支出功能分类科目)",
	"一般公共预算基本支出功能分类预算表", NULL };
/* Jiangsu's 财政拨款 tables, all funds (一般公共预算 and 政府性基金 together) */
/* Jiangsu: 三公 with 会议费 and 培训费; its 合计 is all three, 三公 a 小计 */
static const char *const b12_cols[] = { "合计", "三公经费", "因公出国(境)费",
	"公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "公务接待费", "会议费",
	"培训费" };
static const char *const b12_hdr[] = { "合计", "小计#1", "因公出", "小计#2", "用车购#2", "用车运",
	"公务接", "会议费", "培训费" };
static const char *const b12_m[] = { "三公经费、会议费、培训费支出预算表", NULL };
static const char *const b10_m[] = { "财政拨款支出预算表", "财政拨款支出表", NULL };
static const char *const b11_m[] = { "财政拨款基本支出预算表", "财政拨款基本支出表", NULL };
static const char *const b09_m[] = { "三公经费和机关运行经费预算表", "三公经费预算表",
	"三公经费支出预算表", "一般公共预算三公经费支出表", "三公经费支出表",
	"一般公共预算三公经费支出情况表", "三公经费支出情况表", NULL };

static struct tpl_table tables[] = {
	{ "F01", "收入支出决算总表", f01_m, TPL_PANEL, f01_cols, N(f01_cols),
	  f01_rows, N(f01_rows), f01_id, N(f01_id), NULL, NULL, NULL, NULL },
	{ "F02", "收入决算表", f02_m, TPL_CODE, f02_cols, N(f02_cols),
	  NULL, 0, f02_id, N(f02_id), "F02.2", "F02.1", NULL, NULL },
	{ "F03", "支出决算表", f03_m, TPL_CODE, f03_cols, N(f03_cols),
	  NULL, 0, f03_id, N(f03_id), "F03.2", "F03.1", NULL, NULL },
	{ "F04", "财政拨款收入支出决算总表", f04_m, TPL_PANEL, f04_cols, N(f04_cols),
	  f04_rows, N(f04_rows), f04_id, N(f04_id), NULL, "F04.4", NULL, NULL },
	{ "F05", "一般公共预算财政拨款支出决算表", f05_m, TPL_CODE, f05_cols, N(f05_cols),
	  NULL, 0, f05_id, N(f05_id), "F05.2", "F05.1", NULL, NULL },
	{ "F06", "一般公共预算财政拨款基本支出决算明细表", f06_m, TPL_ECON, f06_cols,
	  N(f06_cols), NULL, 0, f06_id, N(f06_id), "F06.1", NULL, NULL, NULL },
	{ "F07", "政府性基金预算财政拨款收入支出决算表", f07_m, TPL_CODE, f07_cols,
	  N(f07_cols), NULL, 0, f07_id, N(f07_id), "F07.3", "F07.1", NULL, NULL },
	{ "F08", "国有资本经营预算财政拨款支出决算表", f08_m, TPL_CODE, f08_cols,
	  N(f08_cols), NULL, 0, f08_id, N(f08_id), "F08.2", "F08.1", NULL, NULL },
	{ "F09", "财政拨款\"三公\"经费支出决算表", f09_m, TPL_SANGONG, f09_cols,
	  N(f09_cols), NULL, 0, f09_id, N(f09_id), NULL, "F09.1", NULL, NULL },
	{ "B01", "财务收支预算总表", b01_m, TPL_PANEL, b01_cols, N(b01_cols),
	  b01_rows, N(b01_rows), b01_id, N(b01_id), NULL, NULL, b01_hdr, NULL },
	{ "B02", "收入预算总表", b02_m, TPL_CODE, b02_cols, N(b02_cols),
	  NULL, 0, b02_id, N(b02_id), "B02.2", "B02.1", b02_hdr, b02_list },
	{ "B03", "支出预算总表", b03_m, TPL_CODE, b03_cols, N(b03_cols),
	  NULL, 0, b03_id, N(b03_id), "B03.2", "B03.1", b03_hdr, NULL },
	{ "B04", "财政拨款收支预算总表", b04_m, TPL_PANEL, b04_cols, N(b04_cols),
	  b04_rows, N(b04_rows), b04_id, N(b04_id), NULL, "B04.2", b04_hdr, NULL },
	{ "B05", "一般公共预算支出功能分类预算表", b05_m, TPL_CODE, b05_cols, N(b05_cols),
	  NULL, 0, b05_id, N(b05_id), "B05.2", "B05.1", b05_hdr, NULL },
	{ "B06", "政府性基金预算支出功能分类预算表", b06_m, TPL_CODE, b05_cols, N(b05_cols),
	  NULL, 0, b06_id, N(b06_id), "B06.2", "B06.1", b05_hdr, NULL },
	{ "B07", "国有资本经营预算支出功能分类预算表", b07_m, TPL_CODE, b05_cols, N(b05_cols),
	  NULL, 0, b07_id, N(b07_id), "B07.2", "B07.1", b05_hdr, NULL },
	{ "B08", "一般公共预算基本支出部门预算经济分类预算表", b08_m, TPL_CODE, b08_cols,
	  N(b08_cols), NULL, 0, b08_id, N(b08_id), "B08.2", "B08.1", NULL, NULL },
	{ "B09", "\"三公\"经费和机关运行经费预算表", b09_m, TPL_SANGONG, b09_cols, N(b09_cols),
	  NULL, 0, b09_id, N(b09_id), NULL, "B09.1", b09_hdr, b09_list },
	{ "B10", "财政拨款支出预算表", b10_m, TPL_CODE, b05_cols, N(b05_cols),
	  NULL, 0, b10_id, N(b10_id), "B10.2", "B10.1", b05_hdr, NULL },
	{ "B11", "财政拨款基本支出预算表", b11_m, TPL_CODE, b08_cols, N(b08_cols),
	  NULL, 0, b11_id, N(b11_id), "B11.2", "B11.1", NULL, NULL },
	{ "B12", "\"三公\"经费、会议费、培训费支出预算表", b12_m, TPL_SANGONG, b12_cols,
	  N(b12_cols), NULL, 0, b12_id, N(b12_id), NULL, "B12.1", b12_hdr, NULL },
	{ "B13", "一般公共预算支出经济分类预算表", b13_m, TPL_CODE, b13_cols, N(b13_cols),
	  NULL, 0, b13_id, N(b13_id), "B13.2", "B13.1", b13_hdr, NULL },
	{ "B14", "一般公共预算基本支出功能分类预算表", b14_m, TPL_CODE, b08_cols, N(b08_cols),
	  NULL, 0, b14_id, N(b14_id), "B14.2", "B14.1", b14_hdr, NULL },
};

const struct tpl_table *
tpl_tables(size_t *n)
{
	*n = N(tables);
	return tables;
}

/*
 * Titles of tables outside the catalogue that follow its tables in real
 * documents: their rows must not be read as the rows of the table before.
 */
static const char *const others[] = { "专项业务经费支出表", "政府采购预算表",
	"政府采购支出预算表", "机关运行经费支出预算表", "政府性基金收支表",
	"上年结转资金支出表", "绩效目标表", "项目支出预算表", "项目支出表",
	/* economic classes, and projects, by source of funds (Shenzhen, Yantai) */
	"基本支出总表", "项目支出总表", "基本支出预算情况表", NULL };

int
tpl_other_title(const char *title)
{
	size_t i, tl = strlen(title);

	for (i = 0; others[i] != NULL; i++) {
		size_t ol = strlen(others[i]);

		if (ol <= tl && strcmp(title + tl - ol, others[i]) == 0)
			return 1;
	}
	return 0;
}

const struct tpl_table *
tpl_by_id(const char *id)
{
	size_t i;

	for (i = 0; i < N(tables); i++)
		if (strcmp(tables[i].id, id) == 0)
			return &tables[i];
	return NULL;
}

/*
 * A title matches a form when the form ends the title (the printed title
 * may carry a year and unit before it: "2024年度收入决算表").  The longest
 * form that matches wins.
 */
const struct tpl_table *
tpl_by_title(const char *title)
{
	size_t i, j, tl = strlen(title), best = 0;
	const struct tpl_table *hit = NULL;

	for (i = 0; i < N(tables); i++)
		for (j = 0; tables[i].match[j] != NULL; j++) {
			const char *m = tables[i].match[j];
			size_t ml = strlen(m);

			if (ml <= tl && strcmp(title + tl - ml, m) == 0 && ml > best) {
				best = ml;
				hit = &tables[i];
			}
		}
	return hit;
}

const char *
tpl_title_mark(void)
{
	static char mark[8];
	static int done;
	size_t i, j, ml, n;

	if (done)
		return mark[0] != '\0' ? mark : NULL;
	done = 1;
	/* the last character of the first form: a UTF-8 lead byte and its tail */
	if ((ml = strlen(tables[0].match[0])) == 0)
		return NULL;
	for (n = 1; n < ml && n < sizeof mark - 1 &&
	    ((unsigned char)tables[0].match[0][ml - n] & 0xc0) == 0x80; n++)
		;
	memcpy(mark, tables[0].match[0] + ml - n, n);
	mark[n] = '\0';
	for (i = 0; i < N(tables); i++)
		for (j = 0; tables[i].match[j] != NULL; j++)
			if (strstr(tables[i].match[j], mark) == NULL) {
				mark[0] = '\0';
				return NULL;
			}
	return mark;
}

int
tpl_col_index(const struct tpl_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i], name) == 0)
			return (int)i;
	return -1;
}

/* the first byte decides most calls: tested before strncmp */
static int
starts(const char *s, const char *p)
{
	return p[0] == '\0' || (s[0] == p[0] && strncmp(s, p, strlen(p)) == 0);
}

/* length of a leading ordinal: 一、 十二、 (一) （三） 1. 2、 */
static size_t
ordinal_len(const char *s)
{
	static const char *const num[] = { "一", "二", "三", "四", "五", "六", "七",
		"八", "九", "十", NULL };
	const char *p = s;
	int n = 0, k;

	if (*p == '(') {
		const char *q = strchr(p, ')');

		if (q != NULL && q - p <= 10) {
			const char *r = p + 1;

			while (r < q) {
				for (k = 0; num[k] != NULL; k++)
					if (starts(r, num[k]))
						break;
				if (num[k] == NULL && !(*r >= '0' && *r <= '9'))
					return 0;
				r += num[k] != NULL ? strlen(num[k]) : 1;
			}
			return (size_t)(q - s) + 1;
		}
		return 0;
	}
	for (;;) {
		for (k = 0; num[k] != NULL; k++)
			if (starts(p, num[k]))
				break;
		if (num[k] == NULL)
			break;
		p += strlen(num[k]);
		n++;
	}
	if (n == 0)
		while (*p >= '0' && *p <= '9')
			p++, n++;
	if (n == 0)
		return 0;
	if (starts(p, "、"))
		return (size_t)(p - s) + strlen("、");
	if (*p == '.' && !(p[1] >= '0' && p[1] <= '9'))
		return (size_t)(p - s) + 1;
	return 0;
}

char *
tpl_norm(char *s)
{
	char *r, *w;
	size_t n;

	txt_strip_markup(s);
	txt_fold(s);
	txt_squeeze(s);
	/*
	 * drop quotes of every kind and a leading run of rule glyphs; “”‘’
	 * are E2 80 9C, 9D, 98, 99, tested by byte: this runs on every label
	 */
	for (r = w = s; *r != '\0';) {
		if ((unsigned char)r[0] == 0xe2 && (unsigned char)r[1] == 0x80 &&
		    ((unsigned char)r[2] == 0x9c || (unsigned char)r[2] == 0x9d ||
		    (unsigned char)r[2] == 0x98 || (unsigned char)r[2] == 0x99)) {
			r += 3;
			continue;
		}
		if (*r == '"' || *r == '\'') {
			r++;
			continue;
		}
		if ((unsigned char)r[0] == 0xe5 && starts(r, "単")) {
			memcpy(w, "单", 3);
			w += 3;
			r += 3;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
	r = s;
	while (starts(r, "—") || starts(r, "─") || *r == '-' || *r == '_')
		r += (*r == '-' || *r == '_') ? 1 : 3;
	if ((n = ordinal_len(r)) > 0)
		r += n;
	memmove(s, r, strlen(r) + 1);
	return s;
}

static size_t clen[N(classes)];		/* strlen of each name */
static unsigned char cstrip[N(classes)];	/* may be printed without 支出 */

/*
 * Is NAME (NL bytes) class I: its name, or its name without the final
 * 支出 ("社会保障和就业" = "社会保障和就业支出")?  But "国有资本经营预算"
 * alone names a fund, not the 类 223.
 */
static int
class_is(size_t i, const char *name, size_t nl)
{
	const char *c = classes[i].name;
	size_t cl = clen[i];

	/* one byte compared before memcmp rules out most candidates */
	if (nl > 0 && nl <= cl && name[nl - 1] != c[nl - 1])
		return 0;
	if (nl == cl)
		return memcmp(name, c, nl) == 0;
	return cstrip[i] && nl == cl - 6 && memcmp(name, c, nl) == 0;
}

/*
 * tpl_class_code runs for every row label: the classes a name of length
 * L can be (length L, or L + 6 with 支出) are listed per L once, in
 * catalogue order, since the first match wins.  Longer names, if a class
 * ever had one, are looked up one class after another.
 */
#define CLASS_MAXLEN 64
static unsigned char bylen[CLASS_MAXLEN][N(classes) + 1];	/* index + 1, 0 ends */

static void
class_index(void)
{
	size_t i, l, n[CLASS_MAXLEN] = { 0 };

	for (i = 0; i < N(classes); i++) {
		clen[i] = strlen(classes[i].name);
		cstrip[i] = clen[i] > 6 && strcmp(classes[i].name + clen[i] - 6, "支出") == 0 &&
		    strcmp(classes[i].code, "223") != 0;
		for (l = 0; l < CLASS_MAXLEN; l++)
			if (l == clen[i] || (clen[i] > 6 && l == clen[i] - 6))
				bylen[l][n[l]++] = (unsigned char)(i + 1);
	}
}

const char *
tpl_class_code(const char *name)
{
	size_t i, k, nl = strlen(name);

	if (clen[0] == 0)
		class_index();
	if (nl < CLASS_MAXLEN) {
		for (k = 0; (i = bylen[nl][k]) != 0; k++)
			if (class_is(i - 1, name, nl))
				return classes[i - 1].code;
		return NULL;
	}
	for (i = 0; i < N(classes); i++)
		if (class_is(i, name, nl))
			return classes[i].code;
	return NULL;
}

const char *
tpl_class_name(const char *code)
{
	size_t i;

	for (i = 0; i < N(classes); i++)
		if (strcmp(classes[i].code, code) == 0)
			return classes[i].name;
	return NULL;
}
