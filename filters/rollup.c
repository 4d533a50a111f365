/*
 * rollup - compute the totals a document's tables should add up to.
 *
 * Reads the record stream (docs/stream.md) one document at a time, passes
 * every record through unchanged and appends one sum record per instance
 * of an identity of the table catalogue (filters/lib/tpl.c, docs/rules.md):
 * the code hierarchy of a table (类 = Σ款, 款 = Σ项, 合计 = Σ类; an
 * economic class = Σ its items), the class lines of a panel table, the
 * identities between single cells (收入总计 = 支出总计, F04's balance per
 * appropriation kind), and the catalogue's identities across the columns
 * of a row (axis 'r') and down the rows of a column (axis 'c').  It
 * decides nothing: reconcile compares each sum with the printed cell.
 *
 * A term that is absent (no cell printed) is left out, not taken as 0: a
 * template that omits a line must not make an identity fail.  A term
 * printed blank counts as 0; a damaged term makes the sum partial.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "doc.h"
#include "idx.h"
#include "rec.h"
#include "tpl.h"
#include "util.h"

static const char synopsis[] =
    "rollup [--max-line n] [--max-records n] [file ...]";

/*
 * The class lines of a panel table: its total line is the sum of the lines
 * that carry a 类 code in the catalogue (tpl_row.code).  The catalogue's
 * idents cannot say this (26 terms), so the rule ids live here until
 * tpl_table grows a field for them.
 */
static const struct {
	const char *table, *rule, *lhs, *col;	/* col NULL: every column */
} classlines[] = {
	{ "F01", "F01.3", "本年支出合计", "支出决算数" },
	{ "F04", "F04.5", "本年支出合计", NULL },
};

/*
 * Identities between cells of one table that share neither a row nor a
 * column: each side names its row and its column.  A term row starting
 * with '-' is subtracted.  Like classlines[], they live here until
 * tpl_ident can name single cells.
 */
struct cellref {
	const char *row, *col;
};

static const struct {
	const char *table, *rule;
	struct cellref lhs;
	struct cellref terms[4];	/* unused ones have row NULL */
} cellids[] = {
	{ "F01", "F01.5", { "收入总计", "收入决算数" },
	    { { "支出总计", "支出决算数" } } },
	{ "F04", "F04.7", { "收入总计", "收入决算数" },
	    { { "支出总计", "支出合计" } } },
	{ "F04", "F04.8", { "本年支出合计", "一般公共预算财政拨款" },
	    { { "一般公共预算财政拨款", "收入决算数" },
	      { "年初财政拨款结转和结余/一般公共预算财政拨款", "收入决算数" },
	      { "-年末财政拨款结转和结余", "一般公共预算财政拨款" } } },
	{ "F04", "F04.8", { "本年支出合计", "政府性基金预算财政拨款" },
	    { { "政府性基金预算财政拨款", "收入决算数" },
	      { "年初财政拨款结转和结余/政府性基金预算财政拨款", "收入决算数" },
	      { "-年末财政拨款结转和结余", "政府性基金预算财政拨款" } } },
	{ "F04", "F04.8", { "本年支出合计", "国有资本经营预算财政拨款" },
	    { { "国有资本经营预算财政拨款", "收入决算数" },
	      { "年初财政拨款结转和结余/国有资本经营预算财政拨款", "收入决算数" },
	      { "-年末财政拨款结转和结余", "国有资本经营预算财政拨款" } } },
};

/* Families, in the order their sums for one cell are written. */
enum { FAM_HIER, FAM_CLASS, FAM_CELL, FAM_IDENT };

/*
 * The order of a row or column with no printed order: after every printed
 * one (idx caps printed orders at 10^8), small enough that twice it plus a
 * document's worth of records still fits a 32-bit long.
 */
#define NOORDER 200000000L

struct row {
	const char *key;
	long ord;		/* printed order (rseq), or after every printed row */
};

struct col {
	const char *name;
	long ord;		/* cseq */
};

/* a code row and the key of the row it rolls up into */
struct child {
	char *parent;
	const struct row *r;
};

struct term {
	const struct idx_cell *c;
	int neg;
};

struct sum {
	long rord, cord;	/* sort keys: 2 x row order (odd: row absent), cseq */
	int fam;
	size_t seq;		/* creation order, the last tie-break */
	const char *table, *col, *rule;
	char *row;
	struct term *t;
	size_t nt;
};

/* One table's rows, columns and the sums found so far. */
struct tab {
	const struct tpl_table *tpl;
	const struct idx *ix;
	struct row *rows;	/* in printed order */
	struct row *bykey;	/* the same, sorted by key for row_get() */
	size_t nrows;
	struct col *cols;
	size_t ncols;
	struct sum *sums;
	size_t nsums, capsums;
};

static doc_fn	rollup_one;
static void	rollup_doc(const struct idx *);
static void	table_scan(struct tab *);
static void	do_hier(struct tab *);
static void	do_classlines(struct tab *);
static void	do_idents(struct tab *);
static void	do_cellids(struct tab *);
static struct sum *sum_new(struct tab *, const char *, const char *,
		    const char *, int);
static void	sum_term(struct sum *, const struct idx_cell *, int);
static void	sum_done(struct tab *, struct sum *);
static void	sum_put(const struct idx *, const struct sum *);
static void	sb_add(char **, size_t *, size_t *, const char *);
static const struct row *row_get(const struct tab *, const char *);
static long	row_order(const struct tab *, const struct sum *);
static int	codekind(const char *);
static int	cmp_long(long, long);
static int	cmp_child(const void *, const void *);
static int	cmp_row_key(const void *, const void *);
static int	cmp_row_name(const void *, const void *);
static int	cmp_row_ord(const void *, const void *);
static int	cmp_col_name(const void *, const void *);
static int	cmp_col_ord(const void *, const void *);
static int	cmp_sum(const void *, const void *);

static struct option longopts[] = {
	{ "max-line", required_argument, NULL, 'L' },
	{ "max-records", required_argument, NULL, 'R' },
	{ NULL, 0, NULL, 0 },
};

int
main(int argc, char *argv[])
{
	size_t maxline = 0, maxrec = 0;
	int ch, status = EXIT_OK;

	util_init(argv[0]);
	opt_std(argc, argv, synopsis);
	opterr = 0;	/* a bad option gets one line: the usage */
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'L':
			maxline = parse_size(optarg, "--max-line");
			break;
		case 'R':
			maxrec = parse_size(optarg, "--max-records");
			break;
		default:
			usage_exit(synopsis);
		}
	}
	argc -= optind;
	argv += optind;

	rec_put_version(stdout);
	if (doc_operands(argc, argv, maxline, maxrec, rollup_one, NULL))
		status = EXIT_ERR;
	if (fshut(stdout, "stdout"))
		status = EXIT_ERR;
	return status ? EXIT_ERR : EXIT_OK;
}

/*
 * One document: its records, then its sums; 1 when a record was malformed.
 * A document cut short by a stream error never gets here (doc_each): sums
 * from part of its cells would look complete.
 */
static int
rollup_one(struct docbuf *db, const char *name, void *arg)
{
	struct idx ix;
	size_t i;
	int bad;

	(void)arg;
	for (i = 0; i < db->n; i++)
		srec_put(stdout, &db->r[i]);
	idx_build(&ix, db, name);
	bad = ix.nbad > 0;
	rollup_doc(&ix);
	idx_free(&ix);
	return bad;
}


/* Every catalogue table with cells in the document, in catalogue order. */
static void
rollup_doc(const struct idx *ix)
{
	const struct tpl_table *tt;
	struct tab tb;
	size_t nt, i, j;

	tt = tpl_tables(&nt);
	for (i = 0; i < nt; i++) {
		memset(&tb, 0, sizeof tb);
		tb.tpl = &tt[i];
		tb.ix = ix;
		table_scan(&tb);
		if (tb.nrows == 0)
			continue;
		if (tb.tpl->hier_rule != NULL)
			do_hier(&tb);
		do_classlines(&tb);
		do_cellids(&tb);
		do_idents(&tb);
		if (tb.nsums > 0)	/* qsort(NULL, 0, ...) is undefined */
			qsort(tb.sums, tb.nsums, sizeof *tb.sums, cmp_sum);
		for (j = 0; j < tb.nsums; j++) {
			sum_put(ix, &tb.sums[j]);
			free(tb.sums[j].t);
			free(tb.sums[j].row);
		}
		free(tb.sums);
		free(tb.rows);
		free(tb.bykey);
		free(tb.cols);
	}
}

/*
 * strcmp(a, b) == 0, its first bytes compared here: a table is scanned for
 * among every cell of the document, and most cells belong to another.
 */
static int
same_id(const char *a, const char *b)
{
	if (a[0] != b[0])
		return 0;
	if (a[0] == '\0')
		return 1;
	if (a[1] != b[1])
		return 0;
	return a[1] == '\0' || strcmp(a + 2, b + 2) == 0;
}

/* the decimal digits of n, in buf (room for 21 bytes); snprintf costs more */
static void
put_count(char *buf, size_t n)
{
	char tmp[24];
	size_t i = 0;

	do
		tmp[i++] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	while (i > 0)
		*buf++ = tmp[--i];
	*buf = '\0';
}

/*
 * Collect the table's distinct rows and columns with their printed order.
 * Sorting by key and merging runs keeps this O(n log n) on hostile input.
 * A row or column with no printed order goes after every printed one, in
 * stream order.
 */
static void
table_scan(struct tab *tb)
{
	const struct idx *ix = tb->ix;
	size_t i, n = 0, k;

	for (i = 0; i < ix->n; i++)
		if (same_id(ix->c[i].table, tb->tpl->id))
			n++;
	if (n == 0)
		return;
	tb->rows = ereallocarray(NULL, n, sizeof *tb->rows);
	tb->cols = ereallocarray(NULL, n, sizeof *tb->cols);
	for (i = 0, k = 0; i < ix->n; i++) {
		const struct idx_cell *c = &ix->c[i];
		int ci;

		if (!same_id(c->table, tb->tpl->id))
			continue;
		tb->rows[k].key = c->row;
		tb->rows[k].ord = c->rseq > 0 ? c->rseq : NOORDER + (long)k;
		tb->cols[k].name = c->col;
		ci = tpl_col_index(tb->tpl, c->col);
		tb->cols[k].ord = c->cseq > 0 ? c->cseq :
		    ci >= 0 ? ci + 1 : NOORDER + (long)k;
		k++;
	}
	/* keep the smallest order of each key: the sort puts it first */
	qsort(tb->rows, n, sizeof *tb->rows, cmp_row_key);
	for (i = 0, k = 0; i < n; i++)
		if (k == 0 || strcmp(tb->rows[k - 1].key, tb->rows[i].key) != 0)
			tb->rows[k++] = tb->rows[i];
	tb->nrows = k;
	tb->bykey = ereallocarray(NULL, k, sizeof *tb->bykey);
	memcpy(tb->bykey, tb->rows, k * sizeof *tb->bykey);
	qsort(tb->rows, tb->nrows, sizeof *tb->rows, cmp_row_ord);
	qsort(tb->cols, n, sizeof *tb->cols, cmp_col_name);
	for (i = 0, k = 0; i < n; i++)
		if (k == 0 || strcmp(tb->cols[k - 1].name, tb->cols[i].name) != 0)
			tb->cols[k++] = tb->cols[i];
	tb->ncols = k;
	qsort(tb->cols, tb->ncols, sizeof *tb->cols, cmp_col_ord);
}

/*
 * The code hierarchy.  Function classification (3/5/7 digits): a 7-digit
 * 项 rolls up into its 5-digit 款, a 款 into its 3-digit 类, a 类 into the
 * row labelled 合计.  Economic classification (F06, 3/5 digits): an item
 * into its class; there is no 合计 of classes.  A parent gets a sum in a
 * column when at least one of its children has a cell there, whether or
 * not the parent itself is printed: a missing parent is a finding.
 * Children are grouped by sorting on their parent's key, so that a table
 * of many codes costs O(n log n), not a scan per parent.
 */
static void
do_hier(struct tab *tb)
{
	int econ = tb->tpl->shape == TPL_ECON;
	struct child *ch;
	size_t i, j, k, m, n = 0;

	ch = ereallocarray(NULL, tb->nrows, sizeof *ch);
	for (i = 0; i < tb->nrows; i++) {
		const char *key = tb->rows[i].key;
		int kind = codekind(key);

		if (kind == 7 && !econ)
			ch[n].parent = estrndup(key, 5);
		else if (kind == 5)
			ch[n].parent = estrndup(key, 3);
		else if (kind == 3 && !econ)
			ch[n].parent = estrdup("合计");
		else
			continue;
		ch[n].r = &tb->rows[i];
		n++;
	}
	qsort(ch, n, sizeof *ch, cmp_child);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(ch[j].parent, ch[i].parent) == 0; j++)
			;
		for (k = 0; k < tb->ncols; k++) {
			struct sum *s;

			s = sum_new(tb, ch[i].parent, tb->cols[k].name,
			    tb->tpl->hier_rule, FAM_HIER);
			for (m = i; m < j; m++) {
				const struct idx_cell *c;

				c = idx_get(tb->ix, tb->tpl->id, ch[m].r->key,
				    tb->cols[k].name);
				if (c != NULL)
					sum_term(s, c, 0);
			}
			sum_done(tb, s);
		}
	}
	for (i = 0; i < n; i++)
		free(ch[i].parent);
	free(ch);
}

/* The total line of a panel table = Σ its 类 lines (see classlines[]). */
static void
do_classlines(struct tab *tb)
{
	const struct tpl_table *t = tb->tpl;
	size_t i, k, m;

	for (i = 0; i < sizeof classlines / sizeof classlines[0]; i++) {
		if (strcmp(classlines[i].table, t->id) != 0)
			continue;
		for (k = 0; k < tb->ncols; k++) {
			const char *col = tb->cols[k].name;
			struct sum *s;

			if (classlines[i].col != NULL &&
			    strcmp(classlines[i].col, col) != 0)
				continue;
			s = sum_new(tb, classlines[i].lhs, col, classlines[i].rule,
			    FAM_CLASS);
			for (m = 0; m < t->nrows; m++) {
				const struct idx_cell *c;

				if (t->rows[m].code == NULL)
					continue;
				/* the line is keyed by its label, or by its code if printed */
				c = idx_get(tb->ix, t->id, t->rows[m].label, col);
				if (c == NULL)
					c = idx_get(tb->ix, t->id, t->rows[m].code, col);
				if (c != NULL)
					sum_term(s, c, 0);
			}
			sum_done(tb, s);
		}
	}
}

/*
 * The identities of single cells (cellids[]).  Only when the lhs cell or a
 * term is printed: a layout without the lines has nothing to check.
 */
static void
do_cellids(struct tab *tb)
{
	const struct tpl_table *t = tb->tpl;
	size_t i, m, maxt;

	for (i = 0; i < sizeof cellids / sizeof cellids[0]; i++) {
		struct sum *s;

		if (strcmp(cellids[i].table, t->id) != 0)
			continue;
		if (idx_get(tb->ix, t->id, cellids[i].lhs.row, cellids[i].lhs.col) == NULL)
			continue;
		s = sum_new(tb, cellids[i].lhs.row, cellids[i].lhs.col, cellids[i].rule,
		    FAM_CELL);
		maxt = sizeof cellids[i].terms / sizeof cellids[i].terms[0];
		for (m = 0; m < maxt && cellids[i].terms[m].row != NULL; m++) {
			const char *tr = cellids[i].terms[m].row;
			int neg = *tr == '-';
			const struct idx_cell *c;

			c = idx_get(tb->ix, t->id, tr + neg, cellids[i].terms[m].col);
			if (c != NULL)
				sum_term(s, c, neg);
		}
		sum_done(tb, s);
	}
}

/*
 * A term "P/x" of an identity that also has the term P, where P is
 * printed (the column P in the row, or the row P in the column): x is part
 * of P, already counted.  (B02.1 adds 财政拨款收入, or its three parts
 * where a city prints only those; B01.2 the same in rows.)
 */
static int
counted_in_parent(const struct tab *tb, const char *row, const char *col,
    const struct tpl_ident *id, const char *term)
{
	const char *slash = strchr(term, '/');
	size_t m, pl;

	if (slash == NULL)
		return 0;
	pl = (size_t)(slash - term);
	for (m = 0; m < sizeof id->terms / sizeof id->terms[0] && id->terms[m] != NULL; m++)
		if (strlen(id->terms[m]) == pl && strncmp(id->terms[m], term, pl) == 0) {
			char parent[128];

			snprintf(parent, sizeof parent, "%.*s", (int)pl, term);
			/* axis 'r': the parent column in the row; 'c': the parent row in the column */
			return id->axis == 'r' ? idx_get(tb->ix, tb->tpl->id, row, parent) != NULL :
			    idx_get(tb->ix, tb->tpl->id, parent, col) != NULL;
		}
	return 0;
}

/*
 * The catalogue's identities.  Axis 'r': in every row that has the lhs
 * column, lhs = Σ the term columns present.  Axis 'c': in the column (or
 * in each column), the lhs row = Σ the term rows present.
 */
static void
do_idents(struct tab *tb)
{
	const struct tpl_table *t = tb->tpl;
	size_t i, j, k, m, maxt;

	for (i = 0; i < t->nidents; i++) {
		const struct tpl_ident *id = &t->idents[i];

		maxt = sizeof id->terms / sizeof id->terms[0];
		if (id->axis == 'r') {
			for (j = 0; j < tb->nrows; j++) {
				const char *row = tb->rows[j].key;
				struct sum *s;

				if (idx_get(tb->ix, t->id, row, id->lhs) == NULL)
					continue;
				s = sum_new(tb, row, id->lhs, id->rule, FAM_IDENT + (int)i);
				for (m = 0; m < maxt && id->terms[m] != NULL; m++) {
					const char *tc = id->terms[m];
					int neg = *tc == '-';
					const struct idx_cell *c;

					if (counted_in_parent(tb, row, NULL, id, tc + neg))
						continue;
					if ((c = idx_get(tb->ix, t->id, row, tc + neg)) != NULL)
						sum_term(s, c, neg);
				}
				sum_done(tb, s);
			}
		} else if (id->axis == 'c') {
			for (k = 0; k < tb->ncols; k++) {
				const char *col = tb->cols[k].name;
				struct sum *s;

				if (id->col != NULL && strcmp(id->col, col) != 0)
					continue;
				s = sum_new(tb, id->lhs, col, id->rule, FAM_IDENT + (int)i);
				for (m = 0; m < maxt && id->terms[m] != NULL; m++) {
					const char *tr = id->terms[m];
					int neg = *tr == '-';
					const struct idx_cell *c;

					if (counted_in_parent(tb, NULL, col, id, tr + neg))
						continue;
					if ((c = idx_get(tb->ix, t->id, tr + neg, col)) != NULL)
						sum_term(s, c, neg);
				}
				sum_done(tb, s);
			}
		}
	}
}

/* Start a sum at the end of the table's list; sum_done() settles it. */
static struct sum *
sum_new(struct tab *tb, const char *row, const char *col, const char *rule,
    int fam)
{
	struct sum *s;
	size_t c;

	if (tb->nsums == tb->capsums) {
		tb->capsums = tb->capsums ? tb->capsums * 2 : 64;
		tb->sums = ereallocarray(tb->sums, tb->capsums, sizeof *tb->sums);
	}
	s = &tb->sums[tb->nsums];
	memset(s, 0, sizeof *s);
	s->seq = tb->nsums++;
	s->table = tb->tpl->id;
	s->row = estrdup(row);
	s->col = col;
	s->rule = rule;
	s->fam = fam;
	s->cord = NOORDER;
	for (c = 0; c < tb->ncols; c++)
		if (strcmp(tb->cols[c].name, col) == 0)
			s->cord = tb->cols[c].ord;
	return s;
}

static void
sum_term(struct sum *s, const struct idx_cell *c, int neg)
{
	s->t = egrowarray(s->t, s->nt, sizeof *s->t);
	s->t[s->nt].c = c;
	s->t[s->nt].neg = neg;
	s->nt++;
}

/*
 * Keep the last sum if it found a term (no term present, no sum: absent
 * is not zero) and give it its place among the rows.
 */
static void
sum_done(struct tab *tb, struct sum *s)
{
	if (s->nt == 0) {
		free(s->t);
		free(s->row);
		tb->nsums--;
		return;
	}
	s->rord = row_order(tb, s);
}

/*
 * The value is exact: Σ of the term figures, blank terms as 0.  A term
 * without a figure leaves the value empty and the sum partial; so does an
 * overflow, which no real budget reaches.
 */
static void
sum_put(const struct idx *ix, const struct sum *s)
{
	struct dec v = dec_zero(2);
	char val[DEC_STRLEN], nterms[32], *terms = NULL;
	const char *f[S_NF - 1];
	size_t i, len = 0, cap = 0;
	int partial = 0;

	for (i = 0; i < s->nt; i++) {
		const struct idx_cell *c = s->t[i].c;

		if (c->state == IDX_UNKNOWN)
			partial = 1;
		else if (!partial && (s->t[i].neg ? dec_sub(v, c->v, &v) :
		    dec_add(v, c->v, &v)) != 0)
			partial = 1;
		/* keys go out unescaped: rec_put escapes the whole field */
		if (i > 0)
			sb_add(&terms, &len, &cap, ";");
		if (s->t[i].neg)
			sb_add(&terms, &len, &cap, "-");
		sb_add(&terms, &len, &cap, c->key);
	}
	put_count(nterms, s->nt);
	f[S_DOC - 1] = ix->doc;
	f[S_TABLE - 1] = s->table;
	f[S_ROW - 1] = s->row;
	f[S_COL - 1] = s->col;
	f[S_RULE - 1] = s->rule;
	f[S_VALUE - 1] = partial ? "" : dec_str(v, 2, val);
	f[S_NTERMS - 1] = nterms;
	f[S_TERMS - 1] = terms;
	f[S_STATUS - 1] = partial ? "partial" : "complete";
	rec_put(stdout, "sum", S_NF - 1, f);
	free(terms);
}

/* append s to the growing string *buf */
static void
sb_add(char **buf, size_t *len, size_t *cap, const char *s)
{
	size_t n = strlen(s);

	if (*len + n + 1 > *cap) {
		while (*len + n + 1 > *cap)
			*cap = *cap ? *cap * 2 : 256;
		*buf = erealloc(*buf, *cap);
	}
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

static const struct row *
row_get(const struct tab *tb, const char *key)
{
	struct row k;

	k.key = key;
	k.ord = 0;
	return bsearch(&k, tb->bykey, tb->nrows, sizeof *tb->bykey, cmp_row_name);
}

/*
 * Where a sum sorts among the rows: at its row when the row is printed,
 * else next to its terms - before the first one for a parent code (it
 * heads its children in print), after the last one for a total line.
 */
static long
row_order(const struct tab *tb, const struct sum *s)
{
	const struct row *r = row_get(tb, s->row);
	long lo = 0, hi = 0, o;
	size_t i;

	if (r != NULL)
		return 2 * r->ord;
	for (i = 0; i < s->nt; i++) {
		r = row_get(tb, s->t[i].c->row);
		o = r != NULL ? r->ord : NOORDER;
		if (i == 0 || o < lo)
			lo = o;
		if (i == 0 || o > hi)
			hi = o;
	}
	return s->fam == FAM_HIER ? 2 * lo - 1 : 2 * hi + 1;
}

/* 3, 5 or 7 for a code of that many digits, else 0 */
static int
codekind(const char *s)
{
	size_t n = 0;

	for (; s[n] != '\0'; n++)
		if (s[n] < '0' || s[n] > '9')
			return 0;
	return n == 3 || n == 5 || n == 7 ? (int)n : 0;
}

static int
cmp_long(long a, long b)
{
	return (a > b) - (a < b);
}

static int
cmp_row_key(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : cmp_long(x->ord, y->ord);
}

/* rows by key alone, for bsearch */
static int
cmp_row_name(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	return strcmp(x->key, y->key);
}

static int
cmp_row_ord(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c = cmp_long(x->ord, y->ord);

	return c != 0 ? c : strcmp(x->key, y->key);
}

static int
cmp_col_name(const void *a, const void *b)
{
	const struct col *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c != 0 ? c : cmp_long(x->ord, y->ord);
}

static int
cmp_col_ord(const void *a, const void *b)
{
	const struct col *x = a, *y = b;
	int c = cmp_long(x->ord, y->ord);

	return c != 0 ? c : strcmp(x->name, y->name);
}

static int
cmp_child(const void *a, const void *b)
{
	const struct child *x = a, *y = b;
	int c = strcmp(x->parent, y->parent);

	return c != 0 ? c : cmp_long(x->r->ord, y->r->ord);
}

static int
cmp_sum(const void *a, const void *b)
{
	const struct sum *x = a, *y = b;
	int c;

	if ((c = cmp_long(x->rord, y->rord)) != 0)
		return c;
	if ((c = cmp_long(x->cord, y->cord)) != 0)
		return c;
	if ((c = (x->fam > y->fam) - (x->fam < y->fam)) != 0)
		return c;
	return (x->seq > y->seq) - (x->seq < y->seq);
}
