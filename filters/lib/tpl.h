/*
 * tpl.h - the table catalogue: canonical ids, titles, columns and the
 * identities between columns of one row.  docs/tables.md is its prose
 * form; the two must agree (tests/tables.bats checks the ids and titles).
 */
#ifndef JUESUAN_TPL_H
#define JUESUAN_TPL_H

#include <stddef.h>

/* How a table is laid out in print, which decides how it is parsed. */
enum tpl_shape {
	TPL_PANEL,	/* 项目 | 行次 | amounts, side by side panels (F01, F04) */
	TPL_CODE,	/* 编码 | 名称 | columns by 栏次 (F02, F03, F05, F07, F08) */
	TPL_ECON,	/* groups of 编码 | 名称 | 决算数 (F06) */
	TPL_SANGONG,	/* one row of 三公 figures (F09, B09) */
	TPL_OTHER
};

/* A canonical row of a panel table, in printed order. */
struct tpl_row {
	int panel;		/* 0 left (收入), 1 right (支出) */
	int no;			/* 行次 in the national layout, 0 if none */
	const char *label;	/* canonical label (the row key) */
	const char *match;	/* printed name to match, normalised; NULL = label */
	const char *code;	/* 支出功能分类 类 code of the line, or NULL */
};

/*
 * A row identity "lhs = t1 + t2 + ..." between the columns of one row
 * (axis 'r') or between rows of one column of a panel table (axis 'c').
 * A term starting with '-' is subtracted.
 */
struct tpl_ident {
	const char *rule;	/* stable id, docs/rules.md */
	char axis;
	const char *col;	/* for axis 'c': the column; NULL = every amount column */
	const char *lhs;
	const char *terms[16];	/* NULL-terminated */
};

/*
 * An item of a table printed as a list of labels and one amount (Jiangsu's
 * B02, Quanzhou's B09): the row and column it keys (NULL: 合计), the
 * printed name (normalised), and its group; items of one group follow each
 * other, and the group's first item may share its name with other groups'
 * ("小计").
 */
struct tpl_litem {
	const char *row;
	const char *col;
	const char *match;
	int group;
};

struct tpl_table {
	const char *id;			/* "F01" */
	const char *title;		/* canonical Chinese title */
	const char *const *match;	/* normalised title forms, most specific first */
	enum tpl_shape shape;
	const char *const *cols;	/* canonical columns in 栏次 order */
	size_t ncols;
	const struct tpl_row *rows;	/* panel rows, or NULL */
	size_t nrows;
	const struct tpl_ident *idents;
	size_t nidents;
	const char *hier_rule;		/* rule id of the code hierarchy, or NULL */
	const char *row_rule;		/* rule id of the per-row identity, or NULL */
	/*
	 * Header words that locate each column in a space-aligned header, in
	 * cols order; NULL (or a NULL entry) means the column name's own
	 * prefix.  Needed where names share a prefix (公务用车…).
	 */
	const char *const *hdr;
	/* the items of the list form, NULL-terminated; NULL when none */
	const struct tpl_litem *list;
};

/* tpl_tables - the catalogue, in id order; *n receives its length. */
const struct tpl_table *tpl_tables(size_t *n);

/* tpl_by_id - the table with this id, or NULL. */
const struct tpl_table *tpl_by_id(const char *id);

/*
 * tpl_by_title - the table whose title matches TITLE, already normalised
 * by tpl_norm() (no spaces, no year prefix).  Returns NULL when none does.
 * The longest matching title form wins, so "一般公共预算财政拨款支出决算表"
 * is F05, not a prefix of another.
 */
const struct tpl_table *tpl_by_title(const char *title);

/*
 * tpl_other_title - does the normalised TITLE (no closing remark) name a
 * table outside the catalogue (专项业务经费支出表, 政府采购预算表 …)?
 */
int tpl_other_title(const char *title);

/*
 * tpl_title_mark - a character every title form of the catalogue holds
 * (the last of the first form: "表"), as a string, or NULL if some form
 * lacks it.  A line that does not hold it cannot be a title: in valid
 * UTF-8 (parse_text's text) tpl_norm() drops or replaces whole characters
 * and never makes this one, and tpl_by_title() matches a whole form at
 * the end of the title.
 */
const char *tpl_title_mark(void);

/* tpl_col_index - index of column NAME in t->cols, or -1. */
int tpl_col_index(const struct tpl_table *t, const char *name);

/*
 * tpl_norm - normalise a printed label in place for matching: fold widths,
 * strip markup, spaces, quotes, ordinal prefixes ("一、", "（一）", "1."),
 * leading rule glyphs ("———"), and map 単→单.  Returns s.
 */
char *tpl_norm(char *s);

/*
 * tpl_class_code - the 3-digit 支出功能分类 类 code of a normalised 类
 * name ("社会保障和就业支出" or "社会保障和就业"), or NULL.
 */
const char *tpl_class_code(const char *name);

/* tpl_class_name - the canonical 类 name of a 3-digit code, or NULL. */
const char *tpl_class_name(const char *code);

#endif
