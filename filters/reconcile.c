/*
 * reconcile - compare the printed totals of a document with the sums they
 * should equal, and its tables with each other.
 *
 * Reads the record stream (docs/stream.md) one document at a time, passes
 * every record through unchanged and appends one check record per sum
 * record (written by rollup) and per cross-table identity (X.n in
 * docs/rules.md).  A check is pass (equal), rounding (within the rounding
 * envelope of docs/rules.md R0.4, never an error), fail, or unverifiable
 * (the printed cell is missing or damaged, or a term has no figure).
 *
 * Exit 1 when a check fails: a pipeline stage, or cron, can tell a
 * document that does not add up from one that does.
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
    "reconcile [--max-line n] [--max-records n] [file ...]";

/* A cell named by table, row key and column. */
struct xref {
	const char *table, *row, *col;
};

/*
 * Cross-table identities: lhs = Σ rhs, the same quantity printed in two
 * tables.  With classes set, one check per 类 line of the lhs table (the
 * catalogue's panel rows carry the code): the line in lhs.col against the
 * row of that code in the rhs table; the row fields are then unused.
 */
static const struct xrule {
	const char *rule;
	int classes;
	struct xref lhs;
	struct xref rhs[2];	/* unused ones have table NULL */
} xrules[] = {
	{ "X.1", 0, { "F01", "本年收入合计", "收入决算数" },
	    { { "F02", "合计", "本年收入合计" } } },
	{ "X.3", 0, { "F01", "本年支出合计", "支出决算数" },
	    { { "F03", "合计", "本年支出合计" } } },
	{ "X.4", 1, { "F01", NULL, "支出决算数" },
	    { { "F03", NULL, "本年支出合计" } } },
	{ "X.5", 0, { "F04", "本年收入合计", "收入决算数" },
	    { { "F02", "合计", "财政拨款收入" } } },
	{ "X.6", 0, { "F04", "本年支出合计", "一般公共预算财政拨款" },
	    { { "F05", "合计", "小计" } } },
	{ "X.6", 1, { "F04", NULL, "一般公共预算财政拨款" },
	    { { "F05", NULL, "小计" } } },
	{ "X.8", 0, { "F05", "合计", "基本支出" },
	    { { "F06", "人员经费合计", "决算数" }, { "F06", "公用经费合计", "决算数" } } },
};

/*
 * Cross-table tolerance per compared cell (R0.5): each table rounds its
 * own 元 figures to 万元, so the same quantity may differ by 0.01.
 */
#define XTOL_UNITS 100	/* 0.01 in dec units */

/* How the message names the terms. */
enum { NAME_COL, NAME_ROW, NAME_KEY };

/* One side of a check: a cell, or the key of a cell that is not printed. */
struct side {
	const struct idx_cell *c;
	const char *key;
	int neg;
};

struct chk {
	const char *doc, *rule, *table;
	struct side l;
	struct side *t;
	size_t nt;
	int rhsknown;
	struct dec rhs;
	struct dec tol;
	int naming;
	const char *row, *col;	/* the sum's row and column, for the prefix */
};

/* A growing string. */
struct sb {
	char *s;
	size_t len, cap;
};

static int	reconcile_file(const char *, size_t, size_t, int *);
static int	check_sum(const struct idx *, const struct srec *, const char *,
		    int *);
static void	check_cross(const struct idx *, int *);
static void	cross_one(const struct idx *, const struct xrule *,
		    const struct idx_cell *, const char *, const struct idx_cell **,
		    char **, size_t, int *);
static int	check_put(const struct chk *);
static const char *unknown_reason(const struct side *, struct sb *);
static void	describe(struct sb *, const struct chk *, const char *);
static const char *side_name(const struct chk *, const struct side *);
static void	side_cell(struct sb *, const struct side *);
static int	known(const struct side *);
static int	parse_count(const char *, size_t *);
static void	sb_add(struct sb *, const char *);
static void	sb_dec(struct sb *, struct dec);

static struct option longopts[] = {
	{ "max-line", required_argument, NULL, 'L' },
	{ "max-records", required_argument, NULL, 'R' },
	{ NULL, 0, NULL, 0 },
};

int
main(int argc, char *argv[])
{
	size_t maxline = 0, maxrec = 0;
	int ch, i, bad = 0, failed = 0;

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
	if (argc == 0)
		bad |= reconcile_file("-", maxline, maxrec, &failed);
	for (i = 0; i < argc; i++)
		bad |= reconcile_file(argv[i], maxline, maxrec, &failed);
	if (fshut(stdout, "stdout"))
		bad = 1;
	if (bad)
		return EXIT_ERR;
	return failed ? EXIT_DATA : EXIT_OK;
}

/*
 * Process one operand; *failed is set when a check fails.  A document cut
 * short by a stream error is passed through unchecked.
 */
static int
reconcile_file(const char *path, size_t maxline, size_t maxrec, int *failed)
{
	struct rec_in in;
	struct docbuf db;
	struct idx ix;
	size_t i;
	int rc, bad = 0;

	if (rec_open(&in, path, maxline) < 0) {
		warnmsg("cannot open '%s':", path);
		return 1;
	}
	doc_init(&db, maxrec);
	while ((rc = doc_read(&in, &db)) != 0) {
		for (i = 0; i < db.n; i++)
			srec_put(stdout, &db.r[i]);
		if (rc < 0) {
			bad = 1;
			break;
		}
		idx_build(&ix, &db, in.name);
		if (ix.nbad > 0)
			bad = 1;
		for (i = 0; i < db.n; i++)
			if (strcmp(db.r[i].f[0], "sum") == 0)
				bad |= check_sum(&ix, &db.r[i], in.name, failed);
		check_cross(&ix, failed);
		idx_free(&ix);
		doc_clear(&db);
	}
	doc_free(&db);
	rec_close(&in);
	return bad;
}

/*
 * The check of one sum record: its printed lhs cell against its value,
 * with the envelope of its number of terms.  Returns 1 on a malformed
 * sum (reported), which gets no check.
 */
static int
check_sum(const struct idx *ix, const struct srec *s, const char *name,
    int *failed)
{
	struct chk k;
	char *terms, *p, *q;
	size_t nterms, n = 0;
	const char *val = s->f[S_VALUE];
	int rc, allrow = 1;

	if (parse_count(s->f[S_NTERMS], &nterms) != 0 || nterms == 0) {
		warnmsg("%s:%lu: bad term count '%s' in sum", name, s->line,
		    s->f[S_NTERMS]);
		return 1;
	}
	memset(&k, 0, sizeof k);
	if (*val != '\0') {
		if ((rc = dec_parse(val, &k.rhs)) != 0) {
			warnmsg("%s:%lu: %s figure '%s' in sum", name, s->line,
			    rc == -2 ? "out of range" : "malformed", val);
			return 1;
		}
		k.rhsknown = 1;
	}
	k.doc = s->f[S_DOC];
	k.rule = s->f[S_RULE];
	k.table = s->f[S_TABLE];
	k.row = s->f[S_ROW];
	k.col = s->f[S_COL];
	k.l.key = idx_key(k.table, k.row, k.col);
	k.l.c = idx_get(ix, k.table, k.row, k.col);
	k.tol = dec_envelope(nterms > 1000000 ? 1000000 : (int)nterms, 2);

	/* the terms field: keys separated by ';', '-' before a subtracted one */
	terms = estrdup(s->f[S_TERMS]);
	for (p = terms; *p != '\0'; p = q) {
		if ((q = strchr(p, ';')) != NULL)
			*q++ = '\0';
		else
			q = p + strlen(p);
		if (*p == '\0')
			continue;
		k.t = ereallocarray(k.t, n + 1, sizeof *k.t);
		k.t[n].neg = *p == '-';
		k.t[n].key = p + k.t[n].neg;
		k.t[n].c = idx_find(ix, k.t[n].key);
		if (k.t[n].c == NULL || strcmp(k.t[n].c->row, k.row) != 0)
			allrow = 0;
		n++;
	}
	k.nt = n;
	/* a row identity names its columns, the others their rows */
	k.naming = allrow ? NAME_COL : NAME_ROW;
	if (check_put(&k) == 2)
		*failed = 1;
	free(k.t);
	free(terms);
	free((char *)k.l.key);
	return 0;
}

/* The cross-table identities whose tables are all in the document. */
static void
check_cross(const struct idx *ix, int *failed)
{
	const struct xrule *x;
	const struct tpl_table *t;
	const struct idx_cell *rc[2];
	char *rk[2];
	size_t i, j, m, n;
	int present;

	for (i = 0; i < sizeof xrules / sizeof xrules[0]; i++) {
		x = &xrules[i];
		/* a table the document lacks: no check at all */
		present = idx_has_table(ix, x->lhs.table);
		for (n = 0; n < 2 && x->rhs[n].table != NULL; n++)
			if (!idx_has_table(ix, x->rhs[n].table))
				present = 0;
		if (!present)
			continue;
		if (!x->classes) {
			const struct idx_cell *l;
			char *lk;

			lk = idx_key(x->lhs.table, x->lhs.row, x->lhs.col);
			l = idx_get(ix, x->lhs.table, x->lhs.row, x->lhs.col);
			for (j = 0; j < n; j++) {
				rk[j] = idx_key(x->rhs[j].table, x->rhs[j].row,
				    x->rhs[j].col);
				rc[j] = idx_get(ix, x->rhs[j].table, x->rhs[j].row,
				    x->rhs[j].col);
			}
			cross_one(ix, x, l, lk, rc, rk, n, failed);
			for (j = 0; j < n; j++)
				free(rk[j]);
			free(lk);
			continue;
		}
		if ((t = tpl_by_id(x->lhs.table)) == NULL)
			continue;
		for (m = 0; m < t->nrows; m++) {
			const struct tpl_row *tr = &t->rows[m];
			const struct idx_cell *l;
			char *lk;

			if (tr->code == NULL)
				continue;
			/* the line is keyed by its label, or by its code if printed */
			l = idx_get(ix, t->id, tr->label, x->lhs.col);
			if (l == NULL)
				l = idx_get(ix, t->id, tr->code, x->lhs.col);
			rc[0] = idx_get(ix, x->rhs[0].table, tr->code, x->rhs[0].col);
			/*
			 * A class nobody spends on is printed blank on the
			 * panel and left out of the code table: nothing to
			 * compare.
			 */
			if (l == NULL && rc[0] == NULL)
				continue;
			if (l == NULL && rc[0]->state != IDX_UNKNOWN && rc[0]->v.v == 0)
				continue;
			if (rc[0] == NULL && l->state != IDX_UNKNOWN && l->v.v == 0)
				continue;
			lk = l != NULL ? estrdup(l->key) :
			    idx_key(t->id, tr->label, x->lhs.col);
			rk[0] = idx_key(x->rhs[0].table, tr->code, x->rhs[0].col);
			cross_one(ix, x, l, lk, rc, rk, 1, failed);
			free(rk[0]);
			free(lk);
		}
	}
}

/*
 * One cross-table comparison: lhs against the sum of n cells, with 0.01
 * per compared cell.  A missing or damaged cell makes it unverifiable.
 */
static void
cross_one(const struct idx *ix, const struct xrule *x, const struct idx_cell *l,
    const char *lk, const struct idx_cell **rc, char **rk, size_t n,
    int *failed)
{
	struct side t[2];
	struct chk k;
	size_t j;

	memset(&k, 0, sizeof k);
	k.doc = ix->doc;
	k.rule = x->rule;
	k.table = x->lhs.table;
	k.l.c = l;
	k.l.key = lk;
	k.rhs = dec_zero(2);
	k.rhsknown = 1;
	for (j = 0; j < n; j++) {
		t[j].c = rc[j];
		t[j].key = rk[j];
		t[j].neg = 0;
		if (!known(&t[j]) || dec_add(k.rhs, rc[j]->v, &k.rhs) != 0)
			k.rhsknown = 0;
	}
	k.t = t;
	k.nt = n;
	k.tol.v = XTOL_UNITS * (int64_t)n;
	k.tol.dp = 2;
	k.naming = NAME_KEY;
	if (check_put(&k) == 2)
		*failed = 1;
}

/*
 * Decide and write a check.  Returns 0 pass, 1 rounding, 2 fail,
 * 3 unverifiable.
 */
static int
check_put(const struct chk *k)
{
	static const char *const names[] = { "pass", "rounding", "fail",
		"unverifiable" };
	struct dec diff, ad;
	struct sb msg = { 0 }, cells = { 0 }, why = { 0 };
	const char *f[K_NF - 1], *reason = NULL;
	char lhs[DEC_STRLEN], rhs[DEC_STRLEN], dif[DEC_STRLEN], tol[DEC_STRLEN];
	size_t i;
	int st;

	reason = unknown_reason(&k->l, &why);
	for (i = 0; reason == NULL && i < k->nt; i++)
		reason = unknown_reason(&k->t[i], &why);
	if (reason == NULL && !k->rhsknown)
		reason = "the sum is partial";
	if (reason == NULL && k->l.c->unit[0] != '\0')
		for (i = 0; i < k->nt; i++)
			if (k->t[i].c != NULL && k->t[i].c->unit[0] != '\0' &&
			    strcmp(k->t[i].c->unit, k->l.c->unit) != 0) {
				sb_add(&why, "units differ (");
				sb_add(&why, k->l.c->unit);
				sb_add(&why, " and ");
				sb_add(&why, k->t[i].c->unit);
				sb_add(&why, ")");
				reason = why.s;
				break;
			}
	if (reason != NULL || dec_sub(k->l.c->v, k->rhs, &diff) != 0) {
		st = 3;
		if (reason == NULL)
			reason = "the difference overflows";
	} else {
		ad = dec_abs(diff);
		st = ad.v == 0 ? 0 : dec_cmp(ad, k->tol) <= 0 ? 1 : 2;
	}

	sb_add(&cells, "");
	side_cell(&cells, &k->l);
	for (i = 0; i < k->nt; i++) {
		sb_add(&cells, ";");
		side_cell(&cells, &k->t[i]);
	}
	describe(&msg, k, st == 0 ? " = " : st == 1 ? " ≈ " : st == 2 ? " ≠ " : " = ");
	if (st == 1 || st == 2) {
		if (k->nt > 1) {
			sb_add(&msg, " = ");
			sb_dec(&msg, k->rhs);
		}
		sb_add(&msg, st == 1 ? " (diff " : " (off by ");
		sb_dec(&msg, st == 1 ? diff : dec_abs(diff));
		sb_add(&msg, st == 1 ? ", within rounding " : ", rounding allows ");
		sb_dec(&msg, k->tol);
		sb_add(&msg, ")");
	} else if (st == 3) {
		sb_add(&msg, " (unverifiable: ");
		sb_add(&msg, reason);
		sb_add(&msg, ")");
	}

	f[K_DOC - 1] = k->doc;
	f[K_RULE - 1] = k->rule;
	f[K_TABLE - 1] = k->table;
	f[K_STATUS - 1] = names[st];
	f[K_LHS - 1] = known(&k->l) ? dec_str(k->l.c->v, 2, lhs) : "";
	f[K_RHS - 1] = k->rhsknown ? dec_str(k->rhs, 2, rhs) : "";
	f[K_DIFF - 1] = st <= 2 ? dec_str(diff, 2, dif) : "";
	f[K_TOL - 1] = dec_str(k->tol, 2, tol);
	f[K_CELLS - 1] = cells.s;
	f[K_MESSAGE - 1] = msg.s;
	rec_put(stdout, "check", K_NF - 1, f);
	free(msg.s);
	free(cells.s);
	free(why.s);
	return st;
}

/* Why a side decides nothing, or NULL when it has a figure (or blank). */
static const char *
unknown_reason(const struct side *sd, struct sb *why)
{
	if (known(sd))
		return NULL;
	if (sd->c == NULL) {
		sb_add(why, "no printed cell ");
		sb_add(why, sd->key);
	} else {
		sb_add(why, sd->key);
		sb_add(why, strcmp(sd->c->status, "damaged") == 0 ?
		    " is damaged" : " has no figure");
	}
	return why->s;
}

/*
 * The message for people: "row 合计: 本年支出合计 1731.95 = 基本支出
 * 868.08 + 项目支出 863.87".  The coordinate the cells share goes in
 * front so each term is named by one word.
 */
static void
describe(struct sb *m, const struct chk *k, const char *op)
{
	size_t i;

	sb_add(m, "");
	if (k->naming == NAME_COL) {
		sb_add(m, "row ");
		sb_add(m, k->row);
		sb_add(m, ": ");
	} else if (k->naming == NAME_ROW) {
		sb_add(m, "column ");
		sb_add(m, k->col);
		sb_add(m, ": ");
	}
	sb_add(m, side_name(k, &k->l));
	sb_add(m, " ");
	if (known(&k->l))
		sb_dec(m, k->l.c->v);
	else
		sb_add(m, "?");
	sb_add(m, op);
	for (i = 0; i < k->nt; i++) {
		const struct side *t = &k->t[i];

		if (i > 0)
			sb_add(m, t->neg ? " - " : " + ");
		else if (t->neg)
			sb_add(m, "-");
		sb_add(m, side_name(k, t));
		sb_add(m, " ");
		if (known(t))
			sb_dec(m, t->c->v);
		else
			sb_add(m, "?");
	}
}

static const char *
side_name(const struct chk *k, const struct side *sd)
{
	if (k->naming == NAME_KEY)
		return sd->key;
	if (sd == &k->l)
		return k->naming == NAME_COL ? k->col : k->row;
	if (sd->c == NULL)
		return sd->key;
	return k->naming == NAME_COL ? sd->c->col : sd->c->row;
}

/* KEY@LINE:COL, or the bare key of a cell with no position or not printed */
static void
side_cell(struct sb *b, const struct side *sd)
{
	sb_add(b, sd->key);
	if (sd->c != NULL && sd->c->pos[0] != '\0') {
		sb_add(b, "@");
		sb_add(b, sd->c->pos);
	}
}

/* a printed figure or a blank: something an identity can use */
static int
known(const struct side *sd)
{
	return sd->c != NULL && sd->c->state != IDX_UNKNOWN;
}

/* a count: digits only, no sign, at most 9 digits */
static int
parse_count(const char *s, size_t *n)
{
	size_t v = 0, len = 0;

	for (; *s >= '0' && *s <= '9' && len < 9; s++, len++)
		v = v * 10 + (size_t)(*s - '0');
	if (len == 0 || *s != '\0')
		return -1;
	*n = v;
	return 0;
}

static void
sb_add(struct sb *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		while (b->len + n + 1 > b->cap)
			b->cap = b->cap ? b->cap * 2 : 256;
		b->s = erealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

static void
sb_dec(struct sb *b, struct dec d)
{
	char buf[DEC_STRLEN];

	sb_add(b, dec_str(d, 2, buf));
}
