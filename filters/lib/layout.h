/*
 * layout.h - the parser's inside, shared by parse.c (documents, titles,
 * TAB, pipe and HTML tables) and layout.c (space-aligned and single-space
 * text).  Not an interface: parse.h is.
 */
#ifndef JUESUAN_LAYOUT_H
#define JUESUAN_LAYOUT_H

#include <stddef.h>
#include <stdio.h>

#include "tpl.h"

enum layout { LAY_TSV, LAY_SPACE, LAY_WORDS, LAY_PLAIN };

struct gcell {
	char *t;		/* cleaned text, owned */
	unsigned long col;	/* 1-based character column in the line */
};

struct grow {
	unsigned long line;
	struct gcell *c;
	size_t n;
};

struct ocell {
	/* one allocation, rowcode's: ps_emit_cell */
	char *rowcode, *rowlabel, *rowno, *col, *colno, *raw, *flags;
	unsigned long line, ccol;
	int panel;		/* sort key before rseq is known */
	size_t order;		/* arrival order */
	int rseq, cseq;
};

struct tab {
	const struct tpl_table *t;
	size_t title;		/* line index of the title */
	size_t start, end;	/* region [start, end) */
	size_t limit;		/* the next title's line: end's bound */
	char number[64];
	char unit[16];
	char note[512];
	char printed[256];
	struct ocell *oc;
	size_t noc, coc;
	int hdrmax;		/* header words from this x on head no column; 0 none */
};

struct pdoc {
	const char *id;
	const char *src;	/* the input's name, for messages */
	char **line;
	unsigned long *lineno;
	unsigned *page;		/* page of each line (form feeds seen before it) */
	size_t nline;
	char **own;		/* lines made here (HTML rows), freed at the end */
	size_t nown;
	enum layout layout;
	unsigned char *skip;
	size_t ncells, maxcells;
	int toobig;
	FILE *out;
	/*
	 * The last code read in a table of split 类|款|项 codes, and its 款
	 * column, for the same table printed on: a page that repeats the
	 * title starts with a 项 of the page before.
	 */
	const struct tpl_table *ltpl;
	char lcode[8];
	int lkx;
	/*
	 * One cell per line: the name printed beside each code in the tables
	 * read so far, for a later table whose names cannot be told apart.
	 */
	char (*ncode)[8];
	char **nname;
	size_t nnames;
	int year;		/* the document's, from its title; 0 unknown */
};

/* ps_code_name - the name a table read before printed beside code, or NULL */
const char *ps_code_name(const struct pdoc *d, const char *code);

/* ps_small_int - a 1-3 digit integer alone (a 行次 or 栏次); its value in *v */
int ps_small_int(const char *s, int *v);

/* ps_code_of - a classification code, 3/5/7 digits, spaces allowed; digits to out */
int ps_code_of(const char *s, char out[8]);

/* ps_normdup - a normalised copy of a label (tpl_norm); caller frees */
char *ps_normdup(const char *s);

/* ps_labeldup - a printed label cleaned for output; caller frees */
char *ps_labeldup(const char *s);

/* ps_row_matches - does the normalised printed label name template row r? */
int ps_row_matches(const struct tpl_row *r, const char *printed);

/*
 * ps_emit_cell - queue a cell of table tb (column cidx of its template) for
 * output; panel orders the rows of side-by-side panels.
 */
void ps_emit_cell(struct pdoc *d, struct tab *tb, const char *rowcode, const char *rowlabel,
    const char *rowno, int cidx, const char *colno, const char *raw,
    const char *flags, unsigned long line, unsigned long ccol, int panel);

/*
 * read_layout_code, read_layout_panel, read_layout_econ,
 * read_layout_sangong - read table tb of pdftotext -layout text from the
 * lines [tb->start, tb->end) by the geometry of its whitespace.
 */
void read_layout_code(struct pdoc *d, struct tab *tb);
void read_layout_panel(struct pdoc *d, struct tab *tb);
void read_layout_econ(struct pdoc *d, struct tab *tb);
void read_layout_sangong(struct pdoc *d, struct tab *tb);

/*
 * read_list_table - read table tb printed as a list of labels with one
 * amount each (its template's list, Jiangsu's B02), in any layout.
 * Returns 0, having emitted nothing, when the lines are not that list.
 */
int read_list_table(struct pdoc *d, struct tab *tb);

/*
 * read_plain_code - read a code table of pdftotext text without -layout
 * (one cell per line) by joining each row's lines into single-space text
 * for read_words_table.
 */
void read_plain_code(struct pdoc *d, struct tab *tb);

/*
 * read_plain_sangong - read the one row of a 三公 table (F09) of text
 * without -layout: twelve figures, a 预算数 and its 决算数 per column in
 * the catalogue's order, that satisfy the table's identities.  Returns 0,
 * having emitted nothing, when they are not that.
 */
int read_plain_sangong(struct pdoc *d, struct tab *tb);

/*
 * read_plain_panel - read a panel table of one column a panel (F01), or
 * F04's (expenditure: 支出合计 and three fund columns), of text of one cell
 * per line: the cells each figure's place and the identities determine;
 * 0 when none is read.
 */
int read_plain_panel(struct pdoc *d, struct tab *tb);

/*
 * read_plain_econ - read F06 (economic classes in two groups) of text of
 * one cell per line: runs of figures the identities place in one way
 * only; the other rows empty, flagged unplaced, their figures reported.
 * 0 when nothing can be read so.
 */
int read_plain_econ(struct pdoc *d, struct tab *tb);

/* read_words_table - read a code table of single-space text */
void read_words_table(struct pdoc *d, struct tab *tb);

/*
 * read_words_panel - read a panel table of single-space text: each line
 * split at the labels of its template, figures placed by the identities
 */
void read_words_panel(struct pdoc *d, struct tab *tb);

#endif
