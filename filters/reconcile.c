/*
 * reconcile - decide whether a document adds up: its totals against the
 * sums rollup computed, its tables against each other, its narrative
 * against its tables, and its 绩效自评 forms against their own weights.
 *
 * Reads the record stream (docs/stream.md) one document at a time and
 * writes every record through, then a repair record per cell it inferred
 * and a check record per instance of a rule of docs/rules.md.  A check is
 * pass (equal), rounding (within the rounding envelope, never an error),
 * fail, or unverifiable (a cell it needs is missing or damaged).
 *
 * Repairs come first: a damaged cell that is the single unknown of an
 * identity gets the value that identity gives it when a second identity
 * confirms it (docs/rules.md, "Repairs"); its cell record then carries the
 * value and the status repaired, or ambiguous when another printed value
 * satisfies every identity too.  The raw text is never changed.
 *
 * Exit 1 when a check fails: a pipeline stage, or cron, can tell a
 * document that does not add up from one that does.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "dec.h"
#include "doc.h"
#include "idx.h"
#include "rec.h"
#include "tpl.h"
#include "txt.h"
#include "util.h"

__extension__ typedef __int128 i128;

static const char synopsis[] =
    "reconcile [--max-line n] [--max-records n] [file ...]";

/* How the two sides of an identity compare. */
enum { REL_EQ, REL_LE, REL_GE, REL_ALT };

/* Check statuses, in the order of their names. */
enum { ST_PASS, ST_ROUNDING, ST_FAIL, ST_UNVERIFIABLE, ST_UNDECIDED };
static const char *const stname[] = { "pass", "rounding", "fail",
	"unverifiable" };

/* How a message names the cells of an identity. */
enum { NAME_COL, NAME_ROW, NAME_KEY };

/* A cell named by table, row key and column. */
struct xref {
	const char *table, *row, *col;
};

/*
 * Cross-table identities (X.n): lhs against the sum of up to three cells
 * of other tables.  Mode XM_ONE compares the named cells; XM_CLASS one
 * pair per 类 line of the lhs panel table (the catalogue's rows carry the
 * code) against the row of that code; XM_CODE one per code row of the lhs
 * code table against the same code, the row fields unused.  REL_ALT rules
 * are no checks: they name where else a figure is printed, for repairs
 * (docs/rules.md, "Repairs").
 */
enum { XM_ONE, XM_CLASS, XM_CODE };

static const struct xrule {
	const char *rule;
	int rel, mode;
	struct xref lhs;
	struct xref rhs[3];	/* unused ones have table NULL */
} xrules[] = {
	{ "X.1", REL_EQ, XM_ONE, { "F01", "本年收入合计", "收入决算数" },
	    { { "F02", "合计", "本年收入合计" } } },
	{ "X.2", REL_EQ, XM_ONE, { "F02", "合计", "财政拨款收入" },
	    { { "F01", "一般公共预算财政拨款收入", "收入决算数" },
	      { "F01", "政府性基金预算财政拨款收入", "收入决算数" },
	      { "F01", "国有资本经营预算财政拨款收入", "收入决算数" } } },
	{ "X.2", REL_EQ, XM_ONE, { "F02", "合计", "上级补助收入" },
	    { { "F01", "上级补助收入", "收入决算数" } } },
	{ "X.2", REL_EQ, XM_ONE, { "F02", "合计", "事业收入" },
	    { { "F01", "事业收入", "收入决算数" } } },
	{ "X.2", REL_EQ, XM_ONE, { "F02", "合计", "经营收入" },
	    { { "F01", "经营收入", "收入决算数" } } },
	{ "X.2", REL_EQ, XM_ONE, { "F02", "合计", "附属单位上缴收入" },
	    { { "F01", "附属单位上缴收入", "收入决算数" } } },
	{ "X.2", REL_EQ, XM_ONE, { "F02", "合计", "其他收入" },
	    { { "F01", "其他收入", "收入决算数" } } },
	{ "X.3", REL_EQ, XM_ONE, { "F01", "本年支出合计", "支出决算数" },
	    { { "F03", "合计", "本年支出合计" } } },
	{ "X.4", REL_EQ, XM_CLASS, { "F01", NULL, "支出决算数" },
	    { { "F03", NULL, "本年支出合计" } } },
	{ "X.5", REL_EQ, XM_ONE, { "F04", "本年收入合计", "收入决算数" },
	    { { "F02", "合计", "财政拨款收入" } } },
	{ "X.5", REL_EQ, XM_ONE, { "F04", "一般公共预算财政拨款", "收入决算数" },
	    { { "F01", "一般公共预算财政拨款收入", "收入决算数" } } },
	{ "X.5", REL_EQ, XM_ONE, { "F04", "政府性基金预算财政拨款", "收入决算数" },
	    { { "F01", "政府性基金预算财政拨款收入", "收入决算数" } } },
	{ "X.5", REL_EQ, XM_ONE, { "F04", "国有资本经营预算财政拨款", "收入决算数" },
	    { { "F01", "国有资本经营预算财政拨款收入", "收入决算数" } } },
	{ "X.6", REL_EQ, XM_ONE, { "F04", "本年支出合计", "一般公共预算财政拨款" },
	    { { "F05", "合计", "小计" } } },
	{ "X.6", REL_EQ, XM_CLASS, { "F04", NULL, "一般公共预算财政拨款" },
	    { { "F05", NULL, "小计" } } },
	{ "X.7", REL_EQ, XM_ONE, { "F04", "本年支出合计", "政府性基金预算财政拨款" },
	    { { "F07", "合计", "本年支出小计" } } },
	{ "X.7", REL_EQ, XM_CLASS, { "F04", NULL, "政府性基金预算财政拨款" },
	    { { "F07", NULL, "本年支出小计" } } },
	{ "X.7", REL_EQ, XM_ONE, { "F04", "政府性基金预算财政拨款", "收入决算数" },
	    { { "F07", "合计", "本年收入" } } },
	{ "X.7", REL_EQ, XM_ONE,
	    { "F04", "年初财政拨款结转和结余/政府性基金预算财政拨款", "收入决算数" },
	    { { "F07", "合计", "年初结转和结余" } } },
	{ "X.7", REL_EQ, XM_ONE,
	    { "F04", "年末财政拨款结转和结余", "政府性基金预算财政拨款" },
	    { { "F07", "合计", "年末结转和结余" } } },
	{ "X.7", REL_EQ, XM_ONE, { "F04", "本年支出合计", "国有资本经营预算财政拨款" },
	    { { "F08", "合计", "合计" } } },
	{ "X.7", REL_EQ, XM_CLASS, { "F04", NULL, "国有资本经营预算财政拨款" },
	    { { "F08", NULL, "合计" } } },
	{ "X.8", REL_EQ, XM_ONE, { "F05", "合计", "基本支出" },
	    { { "F06", "人员经费合计", "决算数" }, { "F06", "公用经费合计", "决算数" } } },
	{ "X.9", REL_LE, XM_CODE, { "F05", NULL, "小计" },
	    { { "F03", NULL, "本年支出合计" } } },
	{ "X.9", REL_LE, XM_CODE, { "F05", NULL, "基本支出" },
	    { { "F03", NULL, "基本支出" } } },
	{ "X.9", REL_LE, XM_CODE, { "F05", NULL, "项目支出" },
	    { { "F03", NULL, "项目支出" } } },
	{ "X.10", REL_LE, XM_ONE, { "F04", "本年收入合计", "收入决算数" },
	    { { "F01", "本年收入合计", "收入决算数" } } },
	{ "X.10", REL_LE, XM_ONE, { "F04", "年初财政拨款结转和结余", "收入决算数" },
	    { { "F01", "年初结转和结余", "收入决算数" } } },
	{ "X.10", REL_LE, XM_ONE, { "F04", "年末财政拨款结转和结余", "支出合计" },
	    { { "F01", "年末结转和结余", "支出决算数" } } },
	{ "X.10", REL_LE, XM_ONE, { "F04", "收入总计", "收入决算数" },
	    { { "F01", "收入总计", "收入决算数" } } },
	{ "X.13", REL_GE, XM_ONE, { "F09", "三公经费", "决算数/因公出国(境)费" },
	    { { "F06", "30212", "决算数" } } },
	{ "X.13", REL_GE, XM_ONE, { "F09", "三公经费", "决算数/公务用车购置费" },
	    { { "F06", "31013", "决算数" } } },
	{ "X.13", REL_GE, XM_ONE, { "F09", "三公经费", "决算数/公务用车运行维护费" },
	    { { "F06", "30231", "决算数" } } },
	{ "X.13", REL_GE, XM_ONE, { "F09", "三公经费", "决算数/公务接待费" },
	    { { "F06", "30217", "决算数" } } },
	/* where else the same figure is printed: candidates for repairs */
	{ "X.4", REL_ALT, XM_CLASS, { "F01", NULL, "支出决算数" },
	    { { "F04", NULL, "支出合计" } } },
	{ "X.3", REL_ALT, XM_ONE, { "F01", "本年支出合计", "支出决算数" },
	    { { "F04", "本年支出合计", "支出合计" } } },
	{ "X.6", REL_ALT, XM_CLASS, { "F04", NULL, "一般公共预算财政拨款" },
	    { { "F03", NULL, "本年支出合计" } } },
};

/*
 * Cross-table tolerance per compared cell (R0.5): each table rounds its
 * own 元 figures to 万元, so the same quantity may differ by 0.01.
 */
#define XTOL_UNITS 100	/* 0.01 in dec units */
#define CENT       100	/* 0.01 in dec units */

/* One side of an identity: a cell, or the key of a cell not printed. */
struct side {
	const struct idx_cell *c;
	const char *key;
	int neg;
};

/*
 * An identity instance between table cells: lhs REL Σ ±terms.  Sums of
 * rollup use the envelope of their term count (tol); cross-table ones
 * 0.01 per compared cell.
 */
struct ident {
	const char *rule, *table;
	int rel;
	int intable;		/* a rollup sum: inside one table */
	struct side l;
	struct side *t;
	size_t nt;
	struct dec tol;
	int naming;
	const char *row, *col;	/* for the message prefix */
	int rank;		/* repair preference: lower wins */
	int absentfail;		/* an absent term is a failure (X.11), not unknown */
	int issrc;		/* a repair was solved from it */
};

/* The repair state of a cell that was printed without a usable figure. */
struct rcell {
	int solved, rejected, ambiguous;
	struct dec v;
	size_t src;		/* the ident it was solved from */
	size_t conf;		/* an ident that confirmed it */
	size_t *ids;		/* the idents it is in */
	size_t nids;
	int contra;		/* an identity gave a value its print rules out */
	struct dec cv;
	size_t cid;
};

/* A figure of the narrative (a claim record), its subject parsed. */
struct claim {
	size_t rec;
	const char *section, *rel, *qty, *raw, *unit, *pos;
	char *top;		/* the top-level section: "五" of "五(三)" */
	char *subj;		/* normalised subject, before '@' */
	char *base;		/* after '@', or NULL */
	struct dec v;
	int hasv;
	int used;
};

/* A growing string. */
struct sb {
	char *s;
	size_t len, cap;
};

/* Everything known about the document being reconciled. */
struct ctx {
	struct docbuf *db;
	struct idx *ix;
	const char *name, *doc;
	struct ident *id;
	size_t nid, capid;
	struct rcell *rc;	/* one per cell of ix */
	char **pool;		/* blocks of the strings owned by this document */
	size_t npool, cappool;
	char *pnext;		/* the free part of the last chunk */
	size_t pfree;
	struct claim *cl;
	size_t ncl;
	FILE *out;		/* repairs and checks, written after the records */
	char *obuf;
	size_t olen;
	int failed, bad;
};

static doc_fn	reconcile_one;
static int	reconcile_doc(struct docbuf *, struct idx *, const char *,
		    int *);
static const char *pdup(struct ctx *, const char *);
static struct dec envelope_of(const struct ident *);
static const char *pkey(struct ctx *, const char *, const char *,
		    const char *);
static struct ident *ident_new(struct ctx *, const char *, const char *, int);
static void	ident_term(struct ident *, const struct idx_cell *,
		    const char *, int);
static int	idents_from_sums(struct ctx *);
static void	idents_cross(struct ctx *);
static void	cross_one(struct ctx *, const struct xrule *,
		    const struct xref *, const struct xref *, size_t);
static int	xcell_zero(const struct idx_cell *);
static int	cell_val(const struct ctx *, const struct idx_cell *,
		    struct dec *);
static int	ident_eval(const struct ctx *, const struct ident *,
		    struct dec *, struct dec *);
static void	idents_forms(struct ctx *);
static void	repair(struct ctx *);
static int	solve_for(const struct ctx *, const struct ident *,
		    const struct idx_cell *, struct dec *);
static int	prefix_ok(const struct ctx *, const struct idx_cell *,
		    struct dec);
static int	letters_ok(const char *, struct dec);
static const struct idx_cell *split_half(const struct ctx *,
		    const struct idx_cell *);
static int	split_join(const struct idx_cell *, const struct idx_cell *,
		    struct dec *);
static void	repair_confirm(struct ctx *);
static void	repair_ambiguity(struct ctx *);
static void	repair_apply(struct ctx *);
static void	repair_contra(struct ctx *);
static void	place_sangong(struct ctx *);
static void	claims_load(struct ctx *);
static void	ident_checks(struct ctx *);
static void	ident_put(struct ctx *, const struct ident *);
static void	table_checks(struct ctx *);
static void	narrative_checks(struct ctx *);
static void	compare_checks(struct ctx *);
static void	form_checks(struct ctx *);
static void	check_out(struct ctx *, const char *, const char *, int,
		    const struct dec *, const struct dec *, const struct dec *,
		    const struct dec *, int, const char *, const char *);
static int	status_of(struct dec, struct dec, struct dec, int);
static void	describe(struct sb *, const struct ident *, const char *);
static const char *side_name(const struct ident *, const struct side *);
static void	side_cell(struct sb *, const struct side *);
static int	known(const struct side *);
static int	parse_count(const char *, size_t *);
static void	sb_add(struct sb *, const char *);
static void	sb_dec(struct sb *, struct dec);
static void	sb_cell(struct sb *, const struct idx_cell *);

static struct option longopts[] = {
	{ "max-line", required_argument, NULL, 'L' },
	{ "max-records", required_argument, NULL, 'R' },
	{ NULL, 0, NULL, 0 },
};

int
main(int argc, char *argv[])
{
	size_t maxline = 0, maxrec = 0;
	int ch, bad = 0, failed = 0;

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
	bad = doc_operands(argc, argv, maxline, maxrec, reconcile_one, &failed);
	if (fshut(stdout, "stdout"))
		bad = 1;
	if (bad)
		return EXIT_ERR;
	return failed ? EXIT_DATA : EXIT_OK;
}

/* one document, checked; *(int *)failed is set when a check fails */
static int
reconcile_one(struct docbuf *db, const char *name, void *failed)
{
	struct idx ix;
	int bad;

	idx_build(&ix, db, name);
	bad = ix.nbad > 0;
	bad |= reconcile_doc(db, &ix, name, failed);
	idx_free(&ix);
	return bad;
}


/*
 * One document: gather the identities, repair what they allow, write the
 * records (repaired cells updated), then the repairs and the checks.
 * Returns 1 when a malformed record was met (reported).
 */
static int
reconcile_doc(struct docbuf *db, struct idx *ix, const char *name, int *failed)
{
	struct ctx k;
	size_t i;

	memset(&k, 0, sizeof k);
	k.db = db;
	k.ix = ix;
	k.name = name;
	k.doc = ix->doc;
	if ((k.out = open_memstream(&k.obuf, &k.olen)) == NULL)
		die("open_memstream:");
	k.bad = idents_from_sums(&k);
	idents_cross(&k);
	idents_forms(&k);
	k.rc = ecalloc(ix->n + 1, sizeof *k.rc);
	repair(&k);
	claims_load(&k);
	place_sangong(&k);
	ident_checks(&k);
	table_checks(&k);
	narrative_checks(&k);
	form_checks(&k);
	if (fclose(k.out) != 0)
		die("write to memory:");
	for (i = 0; i < db->n; i++)
		srec_put(stdout, &db->r[i]);
	if (k.olen > 0)
		fwrite(k.obuf, 1, k.olen, stdout);
	free(k.obuf);
	for (i = 0; i < k.nid; i++)
		free(k.id[i].t);
	free(k.id);
	for (i = 0; i < ix->n; i++)
		free(k.rc[i].ids);
	free(k.rc);
	for (i = 0; i < k.ncl; i++) {
		free(k.cl[i].top);
		free(k.cl[i].subj);
		free(k.cl[i].base);
	}
	free(k.cl);
	for (i = 0; i < k.npool; i++)
		free(k.pool[i]);
	free(k.pool);
	if (k.failed)
		*failed = 1;
	return k.bad;
}

/*
 * The strings that live as long as the document (thousands of them: keys,
 * terms, labels) come from chunks freed together at its end, rather than
 * a malloc and a free each.
 */
#define POOLCHUNK (64u * 1024)

static void
pool_add(struct ctx *k, char *b)
{
	if (k->npool == k->cappool) {
		k->cappool = k->cappool ? 2 * k->cappool : 64;
		k->pool = ereallocarray(k->pool, k->cappool, sizeof *k->pool);
	}
	k->pool[k->npool++] = b;
}

static char *
palloc(struct ctx *k, size_t n)
{
	char *p;

	if (n > POOLCHUNK / 4) {
		p = emalloc(n);
		pool_add(k, p);
		return p;
	}
	if (k->pfree < n) {
		k->pnext = emalloc(POOLCHUNK);
		k->pfree = POOLCHUNK;
		pool_add(k, k->pnext);
	}
	p = k->pnext;
	k->pnext += n;
	k->pfree -= n;
	return p;
}

/* a copy of s that lives as long as the document */
static const char *
pdup(struct ctx *k, const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(palloc(k, n), s, n);
}

/* the cell key TABLE[ROW].COL, living as long as the document */
static const char *
pkey(struct ctx *k, const char *table, const char *row, const char *col)
{
	return idx_key_into(palloc(k, strlen(table) + strlen(row) + strlen(col) + 4), table,
	    row, col);
}

/*
 * The rounding envelope of an in-table identity.  Each printed figure is
 * its true value rounded half up to the hundredth, so its error e lies in
 * (-0.005, +0.005]; the difference lhs - Σ terms is e(lhs) - Σ e(term),
 * which lies strictly between -m × 0.005 and +m × 0.005 for the m cells
 * that print a figure (the bound needs a term exactly on -0.005, which
 * half-up rounding never gives).  A difference is a multiple of 0.01, so
 * the envelope is the largest multiple of 0.01 below m × 0.005:
 * floor((m - 1) / 2) hundredths - 0 for a figure against one other, 0.01
 * for two terms, 0.13 for F01's 26 类 lines.  With a subtracted term the
 * bound can be reached, and floor(m / 2) hundredths are allowed.  A blank
 * is a printed nil, exactly 0: it hides no rounding and does not count.
 * An absent or unknown cell counts as a figure (the check will not be
 * decided on it anyway).
 */
static struct dec
envelope_of(const struct ident *d)
{
	size_t i, m = 0;
	int sub = 0;
	struct dec e;

	m += d->l.c == NULL || d->l.c->state != IDX_BLANK;
	for (i = 0; i < d->nt; i++) {
		m += d->t[i].c == NULL || d->t[i].c->state != IDX_BLANK;
		sub |= d->t[i].neg;
	}
	e.v = (int64_t)(sub ? m / 2 : m > 0 ? (m - 1) / 2 : 0) * CENT;
	e.dp = 2;
	return e;
}

static struct ident *
ident_new(struct ctx *k, const char *rule, const char *table, int rel)
{
	struct ident *d;

	if (k->nid == k->capid) {
		k->capid = k->capid ? 2 * k->capid : 256;
		k->id = ereallocarray(k->id, k->capid, sizeof *k->id);
	}
	d = &k->id[k->nid++];
	memset(d, 0, sizeof *d);
	d->rule = rule;
	d->table = table;
	d->rel = rel;
	return d;
}

static void
ident_term(struct ident *d, const struct idx_cell *c, const char *key, int neg)
{
	d->t = ereallocarray(d->t, d->nt + 1, sizeof *d->t);
	d->t[d->nt].c = c;
	d->t[d->nt].key = key;
	d->t[d->nt].neg = neg;
	d->nt++;
}

/*
 * The identities of rollup's sum records: the printed lhs cell against its
 * terms, with the envelope of its number of terms.  The sum's own value is
 * validated but not used: the terms are summed again after repairs.
 * Returns 1 on a malformed sum (reported), which gets no check.
 */
static int
idents_from_sums(struct ctx *k)
{
	struct dec v;
	size_t i, nterms;
	int bad = 0, rc;

	for (i = 0; i < k->db->n; i++) {
		const struct srec *s = &k->db->r[i];
		const char *val, *row, *col;
		struct ident *d;
		char *terms, *p, *q;
		int allrow = 1, allcol = 1;

		if (s->kind != REC_SUM)
			continue;
		val = s->f[S_VALUE];
		if (parse_count(s->f[S_NTERMS], &nterms) != 0 || nterms == 0) {
			warnmsg("%s:%lu: bad term count '%s' in sum", k->name, s->line,
			    s->f[S_NTERMS]);
			bad = 1;
			continue;
		}
		if (*val != '\0' && (rc = dec_parse(val, &v)) != 0) {
			warnmsg("%s:%lu: %s figure '%s' in sum", k->name, s->line,
			    rc == -2 ? "out of range" : "malformed", val);
			bad = 1;
			continue;
		}
		row = pdup(k, s->f[S_ROW]);
		col = pdup(k, s->f[S_COL]);
		d = ident_new(k, pdup(k, s->f[S_RULE]), pdup(k, s->f[S_TABLE]), REL_EQ);
		d->intable = 1;
		d->row = row;
		d->col = col;
		d->l.key = pkey(k, d->table, row, col);
		d->l.c = idx_get(k->ix, d->table, row, col);
		terms = estrdup(s->f[S_TERMS]);
		for (p = terms; *p != '\0'; p = q) {
			const struct idx_cell *c;
			int neg;

			if ((q = strchr(p, ';')) != NULL)
				*q++ = '\0';
			else
				q = p + strlen(p);
			if (*p == '\0')
				continue;
			neg = *p == '-';
			c = idx_find(k->ix, p + neg);
			if (c == NULL || strcmp(c->row, row) != 0)
				allrow = 0;
			if (c == NULL || strcmp(c->col, col) != 0)
				allcol = 0;
			ident_term(d, c, pdup(k, p + neg), neg);
		}
		free(terms);
		d->naming = allrow ? NAME_COL : allcol ? NAME_ROW : NAME_KEY;
		d->tol = envelope_of(d);
	}
	return bad;
}

/*
 * The cross-table identities whose tables are all in the document.  A
 * table the document lacks gives no check at all (D.1 reports it); a
 * comparison where one side is not printed and the printed side is nil
 * (blank or 0) is not made: a class nobody spends on is left out of the
 * code tables, and a layout may omit a line.
 */
static void
idents_cross(struct ctx *k)
{
	const struct idx *ix = k->ix;
	size_t i, j, n, m;

	for (i = 0; i < sizeof xrules / sizeof xrules[0]; i++) {
		const struct xrule *x = &xrules[i];
		const struct tpl_table *t;
		int present = idx_has_table(ix, x->lhs.table);

		for (n = 0; n < 3 && x->rhs[n].table != NULL; n++)
			if (!idx_has_table(ix, x->rhs[n].table))
				present = 0;
		if (!present)
			continue;
		if (x->mode == XM_ONE) {
			cross_one(k, x, &x->lhs, x->rhs, n);
		} else if (x->mode == XM_CLASS) {
			if ((t = tpl_by_id(x->lhs.table)) == NULL)
				continue;
			for (m = 0; m < t->nrows; m++) {
				struct xref l = x->lhs, r = x->rhs[0];

				if (t->rows[m].code == NULL)
					continue;
				/* the line is keyed by its label, or by its code if printed */
				l.row = t->rows[m].label;
				if (idx_get(ix, l.table, l.row, l.col) == NULL &&
				    idx_get(ix, l.table, t->rows[m].code, l.col) != NULL)
					l.row = t->rows[m].code;
				r.row = t->rows[m].code;
				if (tpl_by_id(r.table) != NULL &&
				    tpl_by_id(r.table)->shape == TPL_PANEL) {
					r.row = t->rows[m].label;
					if (idx_get(ix, r.table, r.row, r.col) == NULL &&
					    idx_get(ix, r.table, t->rows[m].code, r.col) != NULL)
						r.row = t->rows[m].code;
				}
				cross_one(k, x, &l, &r, 1);
			}
		} else {
			for (j = 0; j < ix->n; j++) {
				const struct idx_cell *c = &ix->c[j];
				struct xref l = x->lhs, r = x->rhs[0];
				size_t len = strlen(c->row);

				if (strcmp(c->table, l.table) != 0 ||
				    strcmp(c->col, l.col) != 0 ||
				    (len != 3 && len != 5 && len != 7) ||
				    strspn(c->row, "0123456789") != len ||
				    idx_get(ix, c->table, c->row, c->col) != c)
					continue;
				l.row = r.row = c->row;
				cross_one(k, x, &l, &r, 1);
			}
		}
	}
}

/* blank, or a figure 0: nothing printed that a comparison could miss */
static int
xcell_zero(const struct idx_cell *c)
{
	return c != NULL && c->state != IDX_UNKNOWN && c->v.v == 0;
}

/* One cross-table identity between the cell l and the n cells r. */
static void
cross_one(struct ctx *k, const struct xrule *x, const struct xref *l,
    const struct xref *r, size_t n)
{
	const struct idx_cell *lc, *rc[3];
	struct ident *d;
	size_t j, absent = 0, nonzero = 0;

	lc = idx_get(k->ix, l->table, l->row, l->col);
	absent += lc == NULL;
	nonzero += lc != NULL && !xcell_zero(lc);
	for (j = 0; j < n; j++) {
		rc[j] = idx_get(k->ix, r[j].table, r[j].row, r[j].col);
		absent += rc[j] == NULL;
		nonzero += rc[j] != NULL && !xcell_zero(rc[j]);
	}
	if (absent == n + 1 || (absent > 0 && nonzero == 0))
		return;
	/* X.9 over a code F03 does not print: X.11 */
	if (x->mode == XM_CODE && rc[0] == NULL && strcmp(x->rule, "X.9") == 0) {
		if (strcmp(l->col, "小计") != 0)
			return;
		d = ident_new(k, "X.11", x->lhs.table, REL_LE);
		d->absentfail = 1;
	} else
		d = ident_new(k, x->rule, x->lhs.table, x->rel);
	d->l.c = lc;
	d->l.key = pkey(k, l->table, l->row, l->col);
	/* of several terms, those not printed are left out, as in rollup */
	for (j = 0; j < n; j++)
		if (rc[j] != NULL || absent - (lc == NULL) == n)
			ident_term(d, rc[j], pkey(k, r[j].table, r[j].row, r[j].col), 0);
	d->tol.v = XTOL_UNITS * (int64_t)d->nt;
	d->tol.dp = 2;
	d->naming = NAME_KEY;
	d->rank = 1 + (int)(x - xrules);
}

/*
 * The figure a cell contributes now: printed, blank (0), or solved by a
 * repair not rejected.  Returns 0 when it has none.
 */
static int
cell_val(const struct ctx *k, const struct idx_cell *c, struct dec *v)
{
	const struct rcell *r;

	if (c == NULL)
		return 0;
	if (c->state != IDX_UNKNOWN) {
		*v = c->v;
		return 1;
	}
	r = &k->rc[c - k->ix->c];
	if (r->solved && !r->rejected) {
		*v = r->v;
		return 1;
	}
	return 0;
}

/*
 * Evaluate an identity with the figures known now: *lhs and *rhs get its
 * two sides.  Returns its status, or ST_UNDECIDED when a cell has no
 * figure or is absent.
 */
static int
ident_eval(const struct ctx *k, const struct ident *d, struct dec *lhs,
    struct dec *rhs)
{
	struct dec v, r = dec_zero(2), l;
	size_t i;

	if (!cell_val(k, d->l.c, &l))
		return ST_UNDECIDED;
	for (i = 0; i < d->nt; i++) {
		if (!cell_val(k, d->t[i].c, &v))
			return ST_UNDECIDED;
		if ((d->t[i].neg ? dec_sub(r, v, &r) : dec_add(r, v, &r)) != 0)
			return ST_UNDECIDED;
	}
	*lhs = l;
	*rhs = r;
	return status_of(l, r, d->tol, d->rel);
}

/* pass, rounding or fail of lhs REL rhs within tol */
static int
status_of(struct dec l, struct dec r, struct dec tol, int rel)
{
	struct dec diff;

	if (dec_sub(l, r, &diff) != 0)
		return ST_FAIL;
	if (rel == REL_LE && diff.v <= 0)
		return ST_PASS;
	if (rel == REL_GE && diff.v >= 0)
		return ST_PASS;
	if (diff.v == 0)
		return ST_PASS;
	return dec_cmp(dec_abs(diff), tol) <= 0 ? ST_ROUNDING : ST_FAIL;
}

/*
 * Repairs (docs/rules.md, "Repairs").  Solve: every equality with exactly
 * one cell without a figure gives that cell the value that makes it
 * exact; in-table identities before cross-table ones, cross-table ones in
 * the order of xrules[] (the lineage: F01 lines come from F03, F04 lines
 * from F05).  Solving repeats while it finds new cells, since one repair
 * can leave another cell the single unknown of an identity.  Then each
 * solved cell must be confirmed (repair_confirm) and is tested for a
 * second solution (repair_ambiguity) before it is written (repair_apply).
 */
static void
repair(struct ctx *k)
{
	const struct idx *ix = k->ix;
	struct { int has; struct dec v; size_t id; } *best;
	size_t i, j, nunknown = 0;
	int changed;

	for (i = 0; i < ix->n; i++)
		if (ix->c[i].state == IDX_UNKNOWN)
			nunknown++;
	if (nunknown == 0)
		return;
	/* which identities each unknown cell is in */
	for (i = 0; i < k->nid; i++) {
		const struct ident *d = &k->id[i];

		for (j = 0; j <= d->nt; j++) {
			const struct idx_cell *c = j == 0 ? d->l.c : d->t[j - 1].c;
			struct rcell *r;

			if (c == NULL || c->state != IDX_UNKNOWN)
				continue;
			r = &k->rc[c - ix->c];
			if (r->nids > 0 && r->ids[r->nids - 1] == i)
				continue;
			r->ids = ereallocarray(r->ids, r->nids + 1, sizeof *r->ids);
			r->ids[r->nids++] = i;
		}
	}
	best = ecalloc(ix->n, sizeof *best);
	do {
		changed = 0;
		memset(best, 0, ix->n * sizeof *best);
		for (i = 0; i < k->nid; i++) {
			const struct ident *d = &k->id[i];
			const struct idx_cell *x = NULL, *c;
			struct dec v;
			size_t nx = 0, ci;

			if (d->rel != REL_EQ)
				continue;
			for (j = 0; j <= d->nt; j++) {
				c = j == 0 ? d->l.c : d->t[j - 1].c;
				if (c == NULL) {
					nx = 2;	/* an absent cell: nothing to solve */
					break;
				}
				if (!cell_val(k, c, &v)) {
					x = c;
					nx++;
				}
			}
			if (nx != 1 || k->rc[x - ix->c].rejected)
				continue;
			if (solve_for(k, d, x, &v) != 0 || v.v < 0)
				continue;
			ci = (size_t)(x - ix->c);
			if (!prefix_ok(k, x, v)) {
				if (!k->rc[ci].contra) {
					k->rc[ci].contra = 1;
					k->rc[ci].cv = v;
					k->rc[ci].cid = i;
				}
				continue;
			}
			if (!best[ci].has || d->rank < k->id[best[ci].id].rank) {
				best[ci].has = 1;
				best[ci].v = v;
				best[ci].id = i;
			}
		}
		for (i = 0; i < ix->n; i++)
			if (best[i].has) {
				k->rc[i].solved = 1;
				k->rc[i].v = best[i].v;
				k->rc[i].src = best[i].id;
				k->id[best[i].id].issrc = 1;
				changed = 1;
			}
	} while (changed);
	free(best);
	repair_confirm(k);
	repair_ambiguity(k);
	repair_apply(k);
	repair_contra(k);
}

/*
 * R.1: a figure cut short, or split over two cells, whose printed digits
 * rule out the value an identity of printed figures requires ("1, 647. ("
 * where X.4 requires 1547.08; letters read for digits are too uncertain):
 * the print and the identity disagree, and the check says so, naming
 * every cell.  Only when the identity's other cells are all printed
 * figures: a value built on repairs proves nothing against the print.
 */
static void
repair_contra(struct ctx *k)
{
	const struct idx *ix = k->ix;
	size_t i, j;

	for (i = 0; i < ix->n; i++) {
		const struct rcell *rc = &k->rc[i];
		const struct ident *d;
		struct sb msg = { 0 }, cells = { 0 };
		char v[DEC_STRLEN];
		int printed = 1;

		if (!rc->contra || (rc->solved && !rc->rejected) ||
		    (strstr(ix->c[i].flags, "truncated") == NULL &&
		    strstr(ix->c[i].flags, "split") == NULL))
			continue;
		d = &k->id[rc->cid];
		for (j = 0; j <= d->nt; j++) {
			const struct idx_cell *c = j == 0 ? d->l.c : d->t[j - 1].c;

			if (c != &ix->c[i] && (c == NULL || c->state == IDX_UNKNOWN ||
			    c->repaired))
				printed = 0;
		}
		if (!printed)
			continue;
		side_cell(&cells, &(struct side){ &ix->c[i], ix->c[i].key, 0 });
		sb_add(&msg, ix->c[i].key);
		sb_add(&msg, " printed '");
		sb_add(&msg, ix->c[i].raw);
		sb_add(&msg, "' cannot be ");
		sb_add(&msg, dec_str(rc->cv, 2, v));
		sb_add(&msg, ", which ");
		sb_add(&msg, d->rule);
		sb_add(&msg, " requires");
		for (j = 0; j <= d->nt; j++) {
			const struct side *sd = j == 0 ? &d->l : &d->t[j - 1];

			if (sd->c == &ix->c[i])
				continue;
			sb_add(&cells, ";");
			side_cell(&cells, sd);
		}
		check_out(k, "R.1", ix->c[i].table, ST_FAIL, NULL, &rc->cv, NULL, NULL,
		    2, cells.s, msg.s);
		free(msg.s);
		free(cells.s);
	}
}

/*
 * The value of x that makes the equality d exact, the other cells as they
 * are now.  Returns 0, or -1 on overflow.
 */
static int
solve_for(const struct ctx *k, const struct ident *d, const struct idx_cell *x,
    struct dec *out)
{
	struct dec acc = dec_zero(2), v;
	size_t i;
	int sign = 1;

	/* acc = lhs - Σ ±terms over the cells other than x */
	if (d->l.c != x) {
		if (!cell_val(k, d->l.c, &v) || dec_add(acc, v, &acc) != 0)
			return -1;
	} else
		sign = -1;
	for (i = 0; i < d->nt; i++) {
		if (d->t[i].c == x) {
			sign = d->t[i].neg ? -1 : 1;
			continue;
		}
		if (!cell_val(k, d->t[i].c, &v))
			return -1;
		if ((d->t[i].neg ? dec_add(acc, v, &acc) : dec_sub(acc, v, &acc)) != 0)
			return -1;
	}
	/* x is lhs: 0 = x - Σ  =>  x = -(acc - x) = Σ; a term: acc = sign·x */
	if (sign < 0)
		acc.v = -acc.v;
	acc.dp = 2;
	*out = acc;
	return 0;
}

/*
 * Is v what the damaged cell c printed?  A figure cut short ("1, 547. (",
 * "86. 6") still shows its first digits: v must begin with them.  One
 * split over two cells ("868" | ". 08") must be the two read as one.  One
 * with letters for digits must have its shape (letters_ok).  A lost cell
 * printed nothing, and two figures in one cell leave it to the identities.
 */
static int
prefix_ok(const struct ctx *k, const struct idx_cell *c, struct dec v)
{
	char want[64], buf[DEC_STRLEN];
	const char *p;
	size_t n = 0;

	if (strstr(c->flags, "split") != NULL) {
		const struct idx_cell *fr = split_half(k, c);
		struct dec j;

		return fr == NULL || split_join(c, fr, &j) != 0 || dec_cmp(j, v) == 0;
	}
	if (strstr(c->flags, "truncated") == NULL)
		return c->raw[0] == '\0' || strstr(c->flags, "twofigures") != NULL ||
		    letters_ok(c->raw, v);
	for (p = c->raw; *p != '\0' && n + 1 < sizeof want; p++) {
		if ((*p >= '0' && *p <= '9') || *p == '.')
			want[n++] = *p;
		else if (*p != ' ' && *p != ',')
			break;
	}
	want[n] = '\0';
	dec_str(v, 2, buf);
	return strncmp(buf, want, n) == 0;
}

/*
 * A figure with letters for digits ("1O2.5", "8?.6") still shows its
 * shape: read each other character as any digit, and the value printed
 * with as many decimals must match it whole.
 */
static int
letters_ok(const char *raw, struct dec v)
{
	char pat[64], buf[DEC_STRLEN];
	const char *p, *dot;
	size_t n = 0, i;
	int dp = 0;

	for (p = raw; *p != '\0' && n + 1 < sizeof pat; p++) {
		if (*p == ' ' || *p == ',')
			continue;
		if ((unsigned char)*p >= 0x80) {
			/* one wildcard per multi-byte character */
			while ((p[1] & 0xC0) == 0x80)
				p++;
			pat[n++] = '?';
		} else
			pat[n++] = (*p >= '0' && *p <= '9') || *p == '.' ? *p : '?';
	}
	pat[n] = '\0';
	if ((dot = strchr(pat, '.')) != NULL)
		dp = (int)strlen(dot + 1);
	if (dp > DEC_DP)
		return 0;
	/* v printed with dp decimals, exactly (no rounding) */
	if (v.v % (int64_t)(dp == 0 ? 10000 : dp == 1 ? 1000 : dp == 2 ? 100 :
	    dp == 3 ? 10 : 1) != 0)
		return 0;
	v.dp = dp;
	dec_str(v, 0, buf);
	if (strlen(buf) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (pat[i] != '?' && pat[i] != buf[i])
			return 0;
	return 1;
}

/*
 * A solved cell is kept only when a second identity confirms it: one it
 * is in, other than the one it was solved from and other than any that
 * solved another cell, that holds with every figure known.  An identity
 * it is in that fails rejects it, and so does the rejection of a cell its
 * own identity used.  Repeated until nothing changes, since a rejection
 * can take another's confirmation away.
 */
static void
repair_confirm(struct ctx *k)
{
	const struct idx *ix = k->ix;
	struct dec l, r;
	size_t i, j, m;
	int changed;

	do {
		changed = 0;
		for (i = 0; i < ix->n; i++) {
			struct rcell *rc = &k->rc[i];
			const struct ident *src;
			int ok = 1, conf = 0;

			if (!rc->solved || rc->rejected)
				continue;
			src = &k->id[rc->src];
			for (j = 0; j <= src->nt && ok; j++) {
				const struct idx_cell *c = j == 0 ? src->l.c : src->t[j - 1].c;

				if (c != &ix->c[i] && c->state == IDX_UNKNOWN &&
				    k->rc[c - ix->c].rejected)
					ok = 0;
			}
			for (m = 0; m < rc->nids && ok; m++) {
				const struct ident *d = &k->id[rc->ids[m]];
				int st;

				if (d->rel == REL_ALT)
					continue;
				st = ident_eval(k, d, &l, &r);
				if (st == ST_FAIL)
					ok = 0;
				else if (st != ST_UNDECIDED && rc->ids[m] != rc->src &&
				    !d->issrc && !conf) {
					conf = 1;
					rc->conf = rc->ids[m];
				}
			}
			if (!ok || !conf) {
				rc->rejected = 1;
				changed = 1;
			}
		}
	} while (changed);
}

/*
 * Is another value as good?  The figures printed elsewhere for the same
 * quantity (REL_ALT rules, and cross-table identities other than the
 * source) are tried together as a second world: when every identity of
 * the changed cells still holds - in-table ones exactly as they did,
 * cross-table ones within tolerance - the cells that differ are
 * ambiguous, and keep the value of their lineage (docs/rules.md).
 */
static void
repair_ambiguity(struct ctx *k)
{
	const struct idx *ix = k->ix;
	struct dec *alt, *keep, l, r, l2, r2;
	int *has;
	size_t i, m, j;
	int any = 0, ok = 1;

	alt = ecalloc(ix->n, sizeof *alt);
	keep = ecalloc(ix->n, sizeof *keep);
	has = ecalloc(ix->n, sizeof *has);
	for (i = 0; i < ix->n; i++) {
		struct rcell *rc = &k->rc[i];

		if (!rc->solved || rc->rejected)
			continue;
		for (m = 0; m < rc->nids; m++) {
			const struct ident *d = &k->id[rc->ids[m]];
			const struct idx_cell *o;
			struct dec v;

			/* a pair: this cell against one other printed figure */
			if (d->intable || d->nt != 1 || rc->ids[m] == rc->src)
				continue;
			o = d->l.c == &ix->c[i] ? d->t[0].c : d->l.c;
			if (o == NULL || o->state == IDX_UNKNOWN || d->t[0].neg)
				continue;
			v = o->v;
			if (dec_cmp(v, rc->v) == 0 || !prefix_ok(k, &ix->c[i], v) ||
			    dec_cmp(dec_abs((struct dec){ v.v - rc->v.v, 2 }), d->tol) > 0)
				continue;
			alt[i] = v;
			has[i] = 1;
			any = 1;
			break;
		}
	}
	if (!any)
		goto done;
	/* evaluate every identity of a changed cell in both worlds */
	for (i = 0; i < k->nid && ok; i++) {
		const struct ident *d = &k->id[i];
		int touched = 0, s1, s2;

		if (d->rel == REL_ALT)
			continue;
		for (j = 0; j <= d->nt; j++) {
			const struct idx_cell *c = j == 0 ? d->l.c : d->t[j - 1].c;

			if (c != NULL && has[c - ix->c])
				touched = 1;
		}
		if (!touched)
			continue;
		s1 = ident_eval(k, d, &l, &r);
		for (j = 0; j < ix->n; j++)
			if (has[j]) {
				keep[j] = k->rc[j].v;
				k->rc[j].v = alt[j];
			}
		s2 = ident_eval(k, d, &l2, &r2);
		for (j = 0; j < ix->n; j++)
			if (has[j])
				k->rc[j].v = keep[j];
		if (s1 == ST_UNDECIDED)
			continue;
		if (s2 == ST_FAIL || s2 == ST_UNDECIDED || (d->intable && s1 == ST_PASS && s2 != ST_PASS))
			ok = 0;
	}
	if (ok)
		for (i = 0; i < ix->n; i++)
			if (has[i])
				k->rc[i].ambiguous = 1;
done:
	free(alt);
	free(keep);
	free(has);
}

/*
 * Write the accepted repairs: into the index (the checks see the figures),
 * into the cell records (value and status; raw is kept) and as repair
 * records, in stream order.
 */
static void
repair_apply(struct ctx *k)
{
	struct idx *ix = k->ix;
	size_t i;

	for (i = 0; i < ix->n; i++) {
		struct rcell *rc = &k->rc[i];
		const struct idx_cell *c = &ix->c[i];
		struct srec *s = &k->db->r[c->rec];
		char val[DEC_STRLEN], *rule;
		const char *f[R_NF - 1];
		size_t len;

		if (!rc->solved || rc->rejected)
			continue;
		dec_str(rc->v, 2, val);
		len = strlen(k->id[rc->src].rule) + strlen(k->id[rc->conf].rule) + 2;
		rule = emalloc(len);
		snprintf(rule, len, "%s;%s", k->id[rc->src].rule, k->id[rc->conf].rule);
		idx_repair(ix, c, rc->v, 0, rc->ambiguous);
		f[R_DOC - 1] = k->doc;
		f[R_TABLE - 1] = c->table;
		f[R_ROW - 1] = c->row;
		f[R_COL - 1] = c->col;
		f[R_RAW - 1] = c->raw;
		f[R_VALUE - 1] = val;
		f[R_RULE - 1] = rule;
		f[R_KIND - 1] = rc->ambiguous ? "ambiguous" : "unique";
		rec_put(k->out, "repair", R_NF - 1, f);
		srec_set(s, C_VALUE, val);
		srec_set(s, C_STATUS, c->status);
		/* the fraction printed apart ("868" | ". 08") was part of it */
		if (strstr(c->flags, "split") != NULL &&
		    (c = split_half(k, c)) != NULL) {
			s = &k->db->r[c->rec];
			idx_repair(ix, c, dec_zero(2), 1, rc->ambiguous);
			f[R_ROW - 1] = c->row;
			f[R_COL - 1] = c->col;
			f[R_RAW - 1] = c->raw;
			f[R_VALUE - 1] = "";
			rec_put(k->out, "repair", R_NF - 1, f);
			srec_set(s, C_VALUE, "");
			srec_set(s, C_STATUS, c->status);
		}
		free(rule);
	}
}

/*
 * The fraction half of a figure split over two cells: the cell of the
 * same row in column "COL/小数", damaged with the split flag.
 */
static const struct idx_cell *
split_half(const struct ctx *k, const struct idx_cell *c)
{
	const struct idx_cell *fr;
	char *col;
	size_t n = strlen(c->col);

	col = emalloc(n + sizeof "/小数");
	memcpy(col, c->col, n);
	memcpy(col + n, "/小数", sizeof "/小数");
	fr = idx_get(k->ix, c->table, c->row, col);
	free(col);
	if (fr == NULL || fr->state != IDX_UNKNOWN || strstr(fr->flags, "split") == NULL)
		return NULL;
	return fr;
}

/* the figure of "868" and ". 08" read as one: 868.08 */
static int
split_join(const struct idx_cell *a, const struct idx_cell *b, struct dec *v)
{
	char buf[64];
	size_t n = 0;
	const char *p;

	for (p = a->raw; *p != '\0' && n + 1 < sizeof buf; p++)
		if (*p >= '0' && *p <= '9')
			buf[n++] = *p;
	for (p = b->raw; *p != '\0' && n + 1 < sizeof buf; p++)
		if ((*p >= '0' && *p <= '9') || *p == '.')
			buf[n++] = *p;
	buf[n] = '\0';
	return dec_parse(buf, v);
}

/*
 * Write the check of every identity, with the figures after repairs.
 */
static void
ident_checks(struct ctx *k)
{
	size_t i;

	for (i = 0; i < k->nid; i++)
		if (k->id[i].rel != REL_ALT)
			ident_put(k, &k->id[i]);
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
		sb_add(why, strstr(sd->c->flags, "lost") != NULL ? " was lost" :
		    strcmp(sd->c->status, "damaged") == 0 ? " is damaged" :
		    " has no figure");
	}
	return why->s;
}

/*
 * Decide and write the check of one identity: the printed lhs cell
 * against the terms as they are after repairs.
 */
static void
ident_put(struct ctx *k, const struct ident *d)
{
	static const char *const ops[] = { " = ", " ≤ ", " ≥ " };
	struct dec rhs = dec_zero(2), diff = dec_zero(2), v;
	struct sb msg = { 0 }, cells = { 0 }, why = { 0 };
	const char *reason = NULL, *op;
	size_t i;
	int st, rhsknown = 1;

	for (i = 0; i < d->nt; i++)
		if (!known(&d->t[i]) ||
		    (d->t[i].neg ? dec_sub(rhs, d->t[i].c->v, &rhs) :
		    dec_add(rhs, d->t[i].c->v, &rhs)) != 0)
			rhsknown = 0;
	if (d->absentfail && d->nt == 1 && d->t[0].c == NULL) {
		st = ST_FAIL;
		sb_add(&why, "");
	} else {
		reason = unknown_reason(&d->l, &why);
		for (i = 0; reason == NULL && i < d->nt; i++)
			reason = unknown_reason(&d->t[i], &why);
		if (reason == NULL && !rhsknown)
			reason = "the sum overflows";
		if (reason == NULL && d->l.c->unit[0] != '\0')
			for (i = 0; i < d->nt; i++)
				if (d->t[i].c->unit[0] != '\0' &&
				    strcmp(d->t[i].c->unit, d->l.c->unit) != 0) {
					sb_add(&why, "units differ (");
					sb_add(&why, d->l.c->unit);
					sb_add(&why, " and ");
					sb_add(&why, d->t[i].c->unit);
					sb_add(&why, ")");
					reason = why.s;
					break;
				}
		if (reason != NULL)
			st = ST_UNVERIFIABLE;
		else {
			st = status_of(d->l.c->v, rhs, d->tol, d->rel);
			dec_sub(d->l.c->v, rhs, &diff);
		}
	}

	sb_add(&cells, "");
	side_cell(&cells, &d->l);
	for (i = 0; i < d->nt; i++) {
		sb_add(&cells, ";");
		side_cell(&cells, &d->t[i]);
	}
	op = ops[d->rel == REL_LE ? 1 : d->rel == REL_GE ? 2 : 0];
	if (d->absentfail && st == ST_FAIL) {
		sb_add(&msg, d->l.key);
		sb_add(&msg, " ");
		sb_dec(&msg, d->l.c->v);
		sb_add(&msg, ", but ");
		sb_add(&msg, d->t[0].key);
		sb_add(&msg, " is not printed");
	} else {
		describe(&msg, d, st == ST_FAIL && d->rel == REL_EQ ? " ≠ " :
		    st == ST_FAIL && d->rel == REL_LE ? " > " :
		    st == ST_FAIL && d->rel == REL_GE ? " < " :
		    st == ST_ROUNDING && d->rel == REL_EQ ? " ≈ " : op);
		if (st == ST_ROUNDING || st == ST_FAIL) {
			if (d->nt > 1) {
				sb_add(&msg, " = ");
				sb_dec(&msg, rhs);
			}
			sb_add(&msg, st == ST_ROUNDING ? " (diff " : " (off by ");
			sb_dec(&msg, st == ST_ROUNDING ? diff : dec_abs(diff));
			sb_add(&msg, st == ST_ROUNDING ? ", within rounding " :
			    ", rounding allows ");
			sb_dec(&msg, d->tol);
			sb_add(&msg, ")");
		} else if (st == ST_UNVERIFIABLE) {
			sb_add(&msg, " (unverifiable: ");
			sb_add(&msg, reason);
			sb_add(&msg, ")");
		}
	}
	v = known(&d->l) ? d->l.c->v : dec_zero(2);
	check_out(k, d->rule, d->table, st, known(&d->l) ? &v : NULL,
	    rhsknown && !(d->absentfail && d->t[0].c == NULL) ? &rhs : NULL,
	    st <= ST_FAIL && !(d->absentfail && d->t[0].c == NULL) ? &diff : NULL,
	    &d->tol, 2, cells.s, msg.s);
	free(msg.s);
	free(cells.s);
	free(why.s);
}

/*
 * Write one check record.  lhs, rhs, diff and tol may be NULL (empty
 * fields); figures are written with at least mindp decimals.
 */
static void
check_out(struct ctx *k, const char *rule, const char *table, int st,
    const struct dec *lhs, const struct dec *rhs, const struct dec *diff,
    const struct dec *tol, int mindp, const char *cells, const char *msg)
{
	const char *f[K_NF - 1];
	char lb[DEC_STRLEN], rb[DEC_STRLEN], db[DEC_STRLEN], tb[DEC_STRLEN];

	f[K_DOC - 1] = k->doc;
	f[K_RULE - 1] = rule;
	f[K_TABLE - 1] = table;
	f[K_STATUS - 1] = stname[st];
	f[K_LHS - 1] = lhs != NULL ? dec_str(*lhs, mindp, lb) : "";
	f[K_RHS - 1] = rhs != NULL ? dec_str(*rhs, mindp, rb) : "";
	f[K_DIFF - 1] = diff != NULL ? dec_str(*diff, mindp, db) : "";
	f[K_TOL - 1] = tol != NULL ? dec_str(*tol, mindp, tb) : "";
	f[K_CELLS - 1] = cells;
	f[K_MESSAGE - 1] = msg;
	rec_put(k->out, "check", K_NF - 1, f);
	if (st == ST_FAIL)
		k->failed = 1;
}

/*
 * The message for people: "row 合计: 本年支出合计 1731.95 = 基本支出
 * 868.08 + 项目支出 863.87".  The coordinate the cells share goes in
 * front so each term is named by one word.
 */
static void
describe(struct sb *m, const struct ident *d, const char *op)
{
	size_t i;

	sb_add(m, "");
	if (d->naming == NAME_COL) {
		sb_add(m, "row ");
		sb_add(m, d->row);
		sb_add(m, ": ");
	} else if (d->naming == NAME_ROW) {
		sb_add(m, "column ");
		sb_add(m, d->col);
		sb_add(m, ": ");
	}
	sb_add(m, side_name(d, &d->l));
	sb_add(m, " ");
	if (known(&d->l))
		sb_dec(m, d->l.c->v);
	else
		sb_add(m, "?");
	sb_add(m, op);
	for (i = 0; i < d->nt; i++) {
		const struct side *t = &d->t[i];

		if (i > 0)
			sb_add(m, t->neg ? " - " : " + ");
		else if (t->neg)
			sb_add(m, "-");
		sb_add(m, side_name(d, t));
		sb_add(m, " ");
		if (known(t))
			sb_dec(m, t->c->v);
		else
			sb_add(m, "?");
	}
}

static const char *
side_name(const struct ident *d, const struct side *sd)
{
	if (d->naming == NAME_KEY)
		return sd->key;
	if (sd == &d->l)
		return d->naming == NAME_COL ? d->col : d->row;
	if (sd->c == NULL)
		return sd->key;
	return d->naming == NAME_COL ? sd->c->col : sd->c->row;
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

/* the same for a cell of the index */
static void
sb_cell(struct sb *b, const struct idx_cell *c)
{
	sb_add(b, c->key);
	if (c->pos[0] != '\0') {
		sb_add(b, "@");
		sb_add(b, c->pos);
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


/*
 * The tables themselves.  D.1: a 决算 document prints the nine tables
 * F01..F09 (an empty one with its "无…" statement); a table listed in the
 * contents and not found fails, and so does one not found at all when
 * five or more of the nine are printed (a stream of a few tables is no
 * table set: it says nothing of the others).  F07.4, F08.3: a
 * fund table without a figure other than 0 carries the "无…" statement,
 * and one with figures does not.  F09.5: a 三公 table printed without a
 * figure row carries it.
 */
static const struct {
	const char *table, *rule;
	int norows;		/* empty means: no cells at all (else: no non-zero figure) */
} emptyrules[] = {
	{ "F07", "F07.4", 0 },
	{ "F08", "F08.3", 0 },
	{ "F09", "F09.5", 1 },
};

static const struct srec *
table_rec(const struct ctx *k, const char *id)
{
	size_t i;

	for (i = 0; i < k->db->n; i++) {
		const struct srec *s = &k->db->r[i];

		if (s->kind == REC_TABLE && strcmp(s->f[T_ID], id) == 0)
			return s;
	}
	return NULL;
}

static void
table_checks(struct ctx *k)
{
	const struct srec *dr = k->db->n > 0 && k->db->r[0].kind == REC_DOC ?
	    &k->db->r[0] : NULL;
	size_t i, j, n;
	char id[4];

	/* how many of the nine are printed: a stream of a few is no 决算 set */
	for (i = 1, j = 0; i <= 9; i++) {
		const struct srec *t;

		snprintf(id, sizeof id, "F%02zu", i);
		t = table_rec(k, id);
		if ((t != NULL && strcmp(t->f[T_STATUS], "missing") != 0) ||
		    idx_has_table(k->ix, id))
			j++;
	}
	for (i = 0, n = 0; i < k->db->n; i++)
		n += k->db->r[i].kind == REC_TABLE;
	/* a stream without table records does not say what was looked for */
	if (dr != NULL && strcmp(dr->f[D_KIND], "决算") == 0 && j > 0 && n > 0)
		for (i = 1; i <= 9; i++) {
			const struct srec *t;
			struct sb msg = { 0 }, cells = { 0 };
			int st;

			snprintf(id, sizeof id, "F%02zu", i);
			t = table_rec(k, id);
			st = (t != NULL && strcmp(t->f[T_STATUS], "missing") != 0) ||
			    idx_has_table(k->ix, id) ? ST_PASS : ST_FAIL;
			/* not listed, not printed, in a stream of a few tables */
			if (st == ST_FAIL && t == NULL && j < 5)
				continue;
			sb_add(&msg, id);
			sb_add(&msg, " ");
			sb_add(&msg, tpl_by_id(id)->title);
			if (st == ST_PASS)
				sb_add(&msg, " is printed");
			else if (t != NULL)
				sb_add(&msg, " is listed in the contents but not printed");
			else
				sb_add(&msg, " is not printed");
			sb_add(&cells, id);
			if (t != NULL && t->f[T_POS][0] != '\0') {
				sb_add(&cells, "@");
				sb_add(&cells, t->f[T_POS]);
			}
			check_out(k, "D.1", id, st, NULL, NULL, NULL, NULL, 2, cells.s,
			    msg.s);
			free(msg.s);
			free(cells.s);
		}
	/*
	 * Any other table the contents list and the document does not print
	 * (a budget's, a 决算's outside the nine): D.1 fails for it too.
	 */
	for (i = 0; i < k->db->n; i++) {
		const struct srec *t = &k->db->r[i];
		const struct tpl_table *tt;
		struct sb msg = { 0 }, cells = { 0 };
		size_t q;
		int printed = 0;

		if (strcmp(t->f[0], "table") != 0 || strcmp(t->f[T_STATUS], "missing") != 0 ||
		    (dr != NULL && strcmp(dr->f[D_KIND], "决算") == 0 && j > 0 &&
		    t->f[T_ID][0] == 'F' && t->f[T_ID][1] == '0'))
			continue;	/* the nine of a 决算: above */
		for (q = 0; q < k->db->n && !printed; q++)
			printed = strcmp(k->db->r[q].f[0], "table") == 0 &&
			    strcmp(k->db->r[q].f[T_ID], t->f[T_ID]) == 0 &&
			    strcmp(k->db->r[q].f[T_STATUS], "missing") != 0;
		if (printed || idx_has_table(k->ix, t->f[T_ID]))
			continue;
		tt = tpl_by_id(t->f[T_ID]);
		sb_add(&msg, t->f[T_ID]);
		sb_add(&msg, " ");
		sb_add(&msg, tt != NULL ? tt->title : t->f[T_TITLE]);
		sb_add(&msg, " is listed in the contents but not printed");
		sb_add(&cells, t->f[T_ID]);
		check_out(k, "D.1", t->f[T_ID], ST_FAIL, NULL, NULL, NULL, NULL, 2, cells.s, msg.s);
		free(msg.s);
		free(cells.s);
	}
	for (i = 0; i < sizeof emptyrules / sizeof emptyrules[0]; i++) {
		const struct srec *t = table_rec(k, emptyrules[i].table);
		struct sb msg = { 0 }, cells = { 0 };
		int empty = 1, note, st;

		/* not printed, or printed and not read: nothing to compare */
		if (t == NULL || strcmp(t->f[T_STATUS], "missing") == 0 ||
		    strcmp(t->f[T_STATUS], "unread") == 0)
			continue;
		for (j = 0; j < k->ix->n && empty; j++) {
			const struct idx_cell *c = &k->ix->c[j];

			if (strcmp(c->table, emptyrules[i].table) != 0)
				continue;
			if (emptyrules[i].norows || c->state == IDX_UNKNOWN || c->v.v != 0)
				empty = 0;
		}
		note = strstr(t->f[T_NOTE], "无") != NULL;
		st = empty == note ? ST_PASS : ST_FAIL;
		sb_add(&msg, emptyrules[i].table);
		sb_add(&msg, empty ? (emptyrules[i].norows ? " prints no figure row" :
		    " has no figure other than 0") : " has figures");
		sb_add(&msg, note ? " and says: " : " and no \"无…\" statement");
		if (note)
			sb_add(&msg, t->f[T_NOTE]);
		sb_add(&cells, emptyrules[i].table);
		if (t->f[T_POS][0] != '\0') {
			sb_add(&cells, "@");
			sb_add(&cells, t->f[T_POS]);
		}
		check_out(k, emptyrules[i].rule, emptyrules[i].table, st, NULL, NULL,
		    NULL, NULL, 2, cells.s, msg.s);
		free(msg.s);
		free(cells.s);
	}
}

/* ---- 绩效自评表 (P01, P02): forms.c writes them, docs/tables.md ---- */

/* the path of a form row after its "N/", and N */
static const char *
form_path(const struct idx_cell *c, long *occ)
{
	const char *p = c->row;
	long n = 0;

	if (!(*p >= '1' && *p <= '9'))
		return NULL;
	for (; *p >= '0' && *p <= '9'; p++)
		if (n < 100000)
			n = n * 10 + (*p - '0');
	if (*p != '/')
		return NULL;
	*occ = n;
	return p + 1;
}

static int
is_form(const char *table)
{
	return strcmp(table, "P01") == 0 || strcmp(table, "P02") == 0;
}

/* indicator depth of a path: 1 一级, 2 二级, 3 三级; 0 for the other rows */
static int
form_depth(const char *path)
{
	int d = 1;

	if (strcmp(path, "预算执行") == 0 || strcmp(path, "总分") == 0 ||
	    strcmp(path, "基本支出") == 0 || strcmp(path, "项目支出") == 0)
		return 0;
	for (; *path != '\0'; path++)
		if (*path == '/')
			d++;
	return d;
}

/* the cell TABLE["N/path"].col */
static const struct idx_cell *
form_cell(const struct ctx *k, const char *table, long occ, const char *path,
    const char *col)
{
	char row[512];

	snprintf(row, sizeof row, "%ld/%s", occ, path);
	return idx_get(k->ix, table, row, col);
}

static void
form_key(struct ctx *k, struct side *sd, const char *table, long occ,
    const char *path, const char *col)
{
	char row[512];

	snprintf(row, sizeof row, "%ld/%s", occ, path);
	sd->c = idx_get(k->ix, table, row, col);
	sd->key = pkey(k, table, row, col);
	sd->neg = 0;
}

/*
 * The tolerance of a sum of weights or scores: none when every figure is
 * printed whole (weights are exact, and so are whole scores), else the
 * envelope of the finest printed decimals.
 */
static struct dec
form_tol(const struct ident *d)
{
	size_t i;
	int dp = d->l.c != NULL && d->l.c->state == IDX_FIGURE ? d->l.c->v.dp : 0;

	for (i = 0; i < d->nt; i++)
		if (d->t[i].c != NULL && d->t[i].c->state == IDX_FIGURE &&
		    d->t[i].c->v.dp > dp)
			dp = d->t[i].c->v.dp;
	return dp == 0 ? dec_zero(0) : dec_envelope((int)d->nt, dp);
}

/*
 * The identities of a form, before repairs so that they can repair it
 * ("868" | ". 08"): P6.1 a 二级 weight is the sum of its 三级 weights,
 * P6.2 a 一级 weight the sum of its 二级 weights, P6.4 the 总分 the sum of
 * the scores; P7.1 (整体) 执行数 = 基本支出总额 + 项目支出总额; P7.2 the
 * 整体 figures are F05's 合计 line; P7.3 a project's 执行数 is at most
 * F05's 项目支出.
 */
static void
idents_forms(struct ctx *k)
{
	const struct idx *ix = k->ix;
	size_t i, j;

	for (i = 0; i < ix->n; i++) {
		const struct idx_cell *c = &ix->c[i];
		const char *path;
		struct ident *d;
		long occ;
		int depth;

		if (!is_form(c->table) || (path = form_path(c, &occ)) == NULL ||
		    idx_get(ix, c->table, c->row, c->col) != c)
			continue;
		depth = form_depth(path);
		if ((depth == 1 || depth == 2) && strcmp(c->col, "分值") == 0) {
			size_t pl = strlen(path);

			d = ident_new(k, depth == 2 ? "P6.1" : "P6.2", c->table, REL_EQ);
			d->intable = 1;
			d->l.c = c;
			d->l.key = c->key;
			for (j = 0; j < ix->n; j++) {
				const struct idx_cell *t = &ix->c[j];
				const char *tp;
				long to;

				if (strcmp(t->table, c->table) != 0 ||
				    strcmp(t->col, "分值") != 0 ||
				    (tp = form_path(t, &to)) == NULL || to != occ ||
				    form_depth(tp) != depth + 1 ||
				    strncmp(tp, path, pl) != 0 || tp[pl] != '/')
					continue;
				ident_term(d, t, t->key, 0);
			}
			if (d->nt == 0) {
				free(d->t);
				k->nid--;
				continue;
			}
			d->tol = form_tol(d);
			d->naming = NAME_ROW;
			d->row = c->row;
			d->col = c->col;
		} else if (depth == 0 && strcmp(path, "总分") == 0 &&
		    strcmp(c->col, "得分") == 0) {
			d = ident_new(k, "P6.4", c->table, REL_EQ);
			d->intable = 1;
			d->l.c = c;
			d->l.key = c->key;
			for (j = 0; j < ix->n; j++) {
				const struct idx_cell *t = &ix->c[j];
				const char *tp;
				long to;

				if (strcmp(t->table, c->table) != 0 ||
				    strcmp(t->col, "得分") != 0 ||
				    (tp = form_path(t, &to)) == NULL || to != occ ||
				    (form_depth(tp) != 3 && strcmp(tp, "预算执行") != 0))
					continue;
				ident_term(d, t, t->key, 0);
			}
			d->tol = form_tol(d);
			d->naming = NAME_ROW;
			d->row = c->row;
			d->col = c->col;
		} else if (depth == 0 && strcmp(path, "预算执行") == 0 &&
		    strcmp(c->col, "执行数") == 0) {
			if (strcmp(c->table, "P01") == 0 &&
			    form_cell(k, c->table, occ, "基本支出", "支出总额") != NULL) {
				d = ident_new(k, "P7.1", c->table, REL_EQ);
				d->intable = 1;
				d->l.c = c;
				d->l.key = c->key;
				d->t = ecalloc(2, sizeof *d->t);
				d->nt = 2;
				form_key(k, &d->t[0], c->table, occ, "基本支出", "支出总额");
				form_key(k, &d->t[1], c->table, occ, "项目支出", "支出总额");
				d->tol = dec_envelope(2, 2);
				d->naming = NAME_KEY;
			}
			if (!idx_has_table(ix, "F05"))
				continue;
			if (strcmp(c->table, "P01") == 0) {
				static const char *const pc[][3] = {
					{ "预算执行", "执行数", "小计" },
					{ "基本支出", "支出总额", "基本支出" },
					{ "项目支出", "支出总额", "项目支出" } };
				size_t m;

				for (m = 0; m < 3; m++) {
					struct side l;

					form_key(k, &l, c->table, occ, pc[m][0], pc[m][1]);
					if (l.c == NULL)
						continue;
					d = ident_new(k, "P7.2", c->table, REL_EQ);
					d->l = l;
					ident_term(d, idx_get(ix, "F05", "合计", pc[m][2]),
					    pkey(k, "F05", "合计", pc[m][2]), 0);
					d->tol.v = XTOL_UNITS;
					d->tol.dp = 2;
					d->naming = NAME_KEY;
					d->rank = 1000;
				}
			} else {
				d = ident_new(k, "P7.3", c->table, REL_LE);
				d->l.c = c;
				d->l.key = c->key;
				ident_term(d, idx_get(ix, "F05", "合计", "项目支出"),
				    pkey(k, "F05", "合计", "项目支出"), 0);
				d->tol.v = XTOL_UNITS;
				d->tol.dp = 2;
				d->naming = NAME_KEY;
				d->rank = 1000;
			}
		}
	}
}

/*
 * Does the printed score P agree with W·N/D capped at W, given that N and
 * D may be off by HN and HD and P is rounded to its printed decimals?
 * The true value lies in [W(N-HN)/(D+HD), W(N+HN)/(D-HD)], capped at W;
 * P covers [P - U/2, P + U/2].  Returns 1 yes, 0 no, -1 when D - HD <= 0.
 * *pt gets W·N/D capped at W, to DEC_DP decimals.
 */
static int
ratio_check(struct dec p, struct dec w, struct dec n, struct dec hn,
    struct dec d, struct dec hd, struct dec *pt)
{
	static const int64_t ulp[] = { 10000, 1000, 100, 10, 1 };
	i128 P = p.v, U = ulp[p.dp < 0 ? 0 : p.dp > 4 ? 4 : p.dp];
	i128 W = w.v, N = n.v, D = d.v, HN = hn.v, HD = hd.v, x;
	int c1, c2;

	if (D - HD <= 0 || N < 0 || W < 0)
		return -1;
	x = W * N * 2 / D;
	x = (x + (x >= 0 ? 1 : -1)) / 2;	/* half away from zero */
	if (x > W)
		x = W;
	pt->v = (int64_t)x;
	pt->dp = DEC_DP;
	c1 = 2 * P - U <= 2 * W && (2 * P - U) * (D - HD) <= 2 * W * (N + HN);
	c2 = (2 * P + U) * (D + HD) >= 2 * W * (N - HN) || 2 * P + U >= 2 * W;
	return c1 && c2;
}

/* is the point value, rounded as P is printed, P itself? */
static int
rounds_to(struct dec p, struct dec x)
{
	static const int64_t ulp[] = { 10000, 1000, 100, 10, 1 };
	int64_t u = ulp[p.dp < 0 ? 0 : p.dp > 4 ? 4 : p.dp];
	int64_t r = (x.v >= 0 ? x.v + u / 2 : x.v - u / 2) / u * u;

	return r == p.v;
}

/* a side for the cells list, or nothing when the cell is absent */
static void
cells_add(struct sb *b, const struct idx_cell *c)
{
	if (c == NULL)
		return;
	if (b->len > 0)
		sb_add(b, ";");
	sb_cell(b, c);
}

static int
has_fig(const struct idx_cell *c)
{
	return c != NULL && c->state == IDX_FIGURE;
}

static void
sb_num(struct sb *b, struct dec d)
{
	char buf[DEC_STRLEN];

	sb_add(b, dec_str(d, 0, buf));
}

/*
 * One score: printed P against W·N/D (capped at W), as a check of RULE.
 * Unverifiable when a figure is missing.
 */
static void
score_check(struct ctx *k, const char *rule, const char *table,
    const char *what, const struct idx_cell *pc, const struct idx_cell *wc,
    const struct idx_cell *nc, const struct idx_cell *dc, struct dec h,
    const char *how, int percent)
{
	struct sb msg = { 0 }, cells = { 0 };
	struct dec pt, diff, tol, w;
	int ok, st;

	cells_add(&cells, pc);
	cells_add(&cells, wc);
	cells_add(&cells, nc);
	cells_add(&cells, dc);
	sb_add(&msg, what);
	sb_add(&msg, ": ");
	if (!has_fig(pc) || (!percent && !has_fig(wc)) || !has_fig(nc) ||
	    !has_fig(dc)) {
		sb_add(&msg, "unverifiable: ");
		sb_add(&msg, !has_fig(pc) ? "the printed figure" : !percent &&
		    !has_fig(wc) ? "the weight" : "a figure it is computed from");
		sb_add(&msg, " is not read");
		check_out(k, rule, table, ST_UNVERIFIABLE, has_fig(pc) ? &pc->v : NULL,
		    NULL, NULL, NULL, 2, cells.s != NULL ? cells.s : "", msg.s);
		free(msg.s);
		free(cells.s);
		return;
	}
	w = percent ? (struct dec){ 100 * DEC_ONE, 0 } : wc->v;
	ok = ratio_check(pc->v, w, nc->v, h, dc->v, h, &pt);
	if (percent && ok >= 0) {
		/* a rate is not capped: 执行率 may pass 100% */
		struct dec lo, hi;

		ok = dec_pct_check(pc->v, nc->v, h, dc->v, h, &lo, &hi);
		if (dec_pct(nc->v, dc->v, 2, &pt) != 0)
			ok = -1;
	}
	if (ok < 0) {
		sb_add(&msg, "unverifiable: the divisor is 0");
		check_out(k, rule, table, ST_UNVERIFIABLE, &pc->v, NULL, NULL, NULL,
		    2, cells.s, msg.s);
		free(msg.s);
		free(cells.s);
		return;
	}
	{
		struct dec pd;

		if (percent)
			st = !ok ? ST_FAIL : dec_pct(nc->v, dc->v, pc->v.dp, &pd) == 0 &&
			    dec_cmp(pd, pc->v) == 0 ? ST_PASS : ST_ROUNDING;
		else
			st = !ok ? ST_FAIL : rounds_to(pc->v, pt) ? ST_PASS : ST_ROUNDING;
	}
	/* shown with two decimals */
	pt.v = (pt.v >= 0 ? pt.v + 50 : pt.v - 50) / 100 * 100;
	pt.dp = 2;
	dec_sub(pc->v, pt, &diff);
	tol = dec_half_ulp(pc->v);
	sb_num(&msg, pc->v);
	sb_add(&msg, st == ST_FAIL ? " ≠ " : st == ST_ROUNDING ? " ≈ " : " = ");
	if (!percent) {
		sb_num(&msg, wc->v);
		sb_add(&msg, " × ");
	}
	sb_num(&msg, nc->v);
	sb_add(&msg, " / ");
	sb_num(&msg, dc->v);
	sb_add(&msg, percent ? " = " : " = ");
	sb_dec(&msg, pt);
	sb_add(&msg, how);
	check_out(k, rule, table, st, &pc->v, &pt, &diff, &tol, 2, cells.s, msg.s);
	free(msg.s);
	free(cells.s);
}

/*
 * The scores of each form, recomputed from its own weights: P1.1 执行率 =
 * 执行数 / 预算数; P1.2 预算执行得分 = weight × 执行率; P2 a quantitative
 * indicator scores weight × B/A (A/B for a target to stay under: 以内,
 * 以下, ≤), capped at its weight; P3 a qualitative one scores between 0 and
 * its weight; P6.3 the weights add up to 100.
 */
static void
form_checks(struct ctx *k)
{
	const struct idx *ix = k->ix;
	const struct dec h = { 50, 2 }, zero = { 0, 0 };
	size_t i, j;

	for (i = 0; i < ix->n; i++) {
		const struct idx_cell *c = &ix->c[i];
		const char *path;
		char what[600];
		long occ;

		if (!is_form(c->table) || (path = form_path(c, &occ)) == NULL ||
		    idx_get(ix, c->table, c->row, c->col) != c)
			continue;
		if (strcmp(path, "预算执行") == 0 && strcmp(c->col, "执行率") == 0) {
			snprintf(what, sizeof what, "%s 执行率 = 执行数 / 预算数", c->row);
			score_check(k, "P1.1", c->table, what, c,
			    NULL, form_cell(k, c->table, occ, path, "执行数"),
			    form_cell(k, c->table, occ, path, "预算数"), h, "%", 1);
		} else if (strcmp(path, "预算执行") == 0 && strcmp(c->col, "得分") == 0) {
			snprintf(what, sizeof what, "%s 得分 = 分值 × 执行数 / 预算数",
			    c->row);
			score_check(k, "P1.2", c->table, what, c,
			    form_cell(k, c->table, occ, path, "分值"),
			    form_cell(k, c->table, occ, path, "执行数"),
			    form_cell(k, c->table, occ, path, "预算数"), h,
			    " (capped at the weight)", 0);
		} else if (form_depth(path) == 3 && strcmp(c->col, "得分") == 0) {
			const struct idx_cell *a, *b, *w;
			int rev;

			w = form_cell(k, c->table, occ, path, "分值");
			a = form_cell(k, c->table, occ, path, "年初目标值");
			b = form_cell(k, c->table, occ, path, "实际完成值");
			if (a != NULL && b != NULL) {
				rev = strstr(a->unit, "内") != NULL ||
				    strstr(a->unit, "以下") != NULL ||
				    strstr(a->unit, "≤") != NULL ||
				    strstr(a->unit, "<") != NULL ||
				    strstr(a->unit, "不超过") != NULL ||
				    strstr(a->unit, "不高于") != NULL;
				snprintf(what, sizeof what, "%s 得分 = 分值 × %s", c->row,
				    rev ? "A/B (反向)" : "B/A (正向)");
				score_check(k, "P2.1", c->table, what, c, w, rev ? a : b,
				    rev ? b : a, zero, " (capped at the weight)", 0);
			} else {
				struct sb msg = { 0 }, cells = { 0 };
				int st;

				cells_add(&cells, c);
				cells_add(&cells, w);
				sb_add(&msg, c->row);
				sb_add(&msg, " (qualitative): 0 ≤ 得分 ");
				if (!has_fig(c) || !has_fig(w)) {
					sb_add(&msg, "? ≤ 分值 ? (unverifiable: not read)");
					st = ST_UNVERIFIABLE;
				} else {
					st = c->v.v >= 0 && dec_cmp(c->v, w->v) <= 0 ?
					    ST_PASS : ST_FAIL;
					sb_num(&msg, c->v);
					sb_add(&msg, st == ST_PASS ? " ≤ 分值 " : " > 分值 ");
					sb_num(&msg, w->v);
				}
				check_out(k, "P3.1", c->table, st,
				    has_fig(c) ? &c->v : NULL,
				    has_fig(w) ? &w->v : NULL, NULL, NULL, 2, cells.s,
				    msg.s);
				free(msg.s);
				free(cells.s);
			}
		} else if (strcmp(path, "总分") == 0 && strcmp(c->col, "得分") == 0) {
			/* P6.3: Σ 一级 weights + 预算执行 weight = 100 */
			struct sb msg = { 0 }, cells = { 0 };
			struct dec sum = dec_zero(0), hundred = { 100 * DEC_ONE, 0 };
			const struct idx_cell *bw;
			int unknown = 0, n = 0, st;

			bw = form_cell(k, c->table, occ, "预算执行", "分值");
			sb_add(&msg, "");
			for (j = 0; j < ix->n; j++) {
				const struct idx_cell *t = &ix->c[j];
				const char *tp;
				long to;

				if (strcmp(t->table, c->table) != 0 ||
				    strcmp(t->col, "分值") != 0 ||
				    (tp = form_path(t, &to)) == NULL || to != occ ||
				    (form_depth(tp) != 1 && t != bw))
					continue;
				cells_add(&cells, t);
				if (n++ > 0)
					sb_add(&msg, " + ");
				sb_add(&msg, tp);
				sb_add(&msg, " ");
				if (!has_fig(t)) {
					unknown = 1;
					sb_add(&msg, "?");
				} else {
					dec_add(sum, t->v, &sum);
					sb_num(&msg, t->v);
				}
			}
			if (n == 0) {
				free(msg.s);
				free(cells.s);
				continue;
			}
			st = unknown ? ST_UNVERIFIABLE : dec_cmp(sum, hundred) == 0 ?
			    ST_PASS : ST_FAIL;
			sb_add(&msg, st == ST_FAIL ? " ≠ 100" : " = 100");
			if (unknown)
				sb_add(&msg, " (unverifiable: a weight is not read)");
			{
				char pre[64];
				struct sb m2 = { 0 };

				snprintf(pre, sizeof pre, "%ld: weights ", occ);
				sb_add(&m2, pre);
				sb_add(&m2, msg.s);
				check_out(k, "P6.3", c->table, st, unknown ? NULL : &sum,
				    &hundred, NULL, NULL, 2, cells.s, m2.s);
				free(m2.s);
			}
			free(msg.s);
			free(cells.s);
		}
	}
}

/* ---- the narrative: claim records against the tables (N.n) ---- */

/* buf = a b c d e, cut to size */
static void
catf(char *buf, size_t size, const char *a, const char *b, const char *c,
    const char *d, const char *e)
{
	const char *p[5];
	size_t i, n = 0;

	p[0] = a, p[1] = b, p[2] = c, p[3] = d, p[4] = e;
	for (i = 0; i < 5; i++) {
		size_t l = strlen(p[i]);

		if (n + l >= size)
			l = size - 1 - n;
		memmove(buf + n, p[i], l);
		n += l;
	}
	buf[n] = '\0';
}

/* A quantity a narrative check compares: a claim or a cell. */
struct qty {
	int ok;
	struct dec v, h;	/* the figure and how much its rounding hides */
	char name[320];		/* for the message */
	char cell[640];		/* KEY@LINE:COL */
};

/* Amount claims the tables print: subject (normalised) to cells. */
static const struct nmap {
	const char *rule, *sect;	/* top-level section, "" for any */
	const char *subj[4];
	int budget;			/* a 预算 figure, else 决算 */
	struct xref cell[2];
	int all;			/* against each cell, else the first printed */
} nmaps[] = {
	{ "N1.1", "一", { "收支总计", "收入支出总计", "收、支总计" }, 0,
	    { { "F01", "收入总计", "收入决算数" }, { "F01", "支出总计", "支出决算数" } }, 1 },
	{ "N2.1", "二", { "收入合计", "本年收入合计" }, 0,
	    { { "F02", "合计", "本年收入合计" }, { "F01", "本年收入合计", "收入决算数" } }, 0 },
	{ "N2.1", "二", { "财政拨款收入" }, 0, { { "F02", "合计", "财政拨款收入" } }, 0 },
	{ "N2.1", "二", { "上级补助收入" }, 0, { { "F02", "合计", "上级补助收入" } }, 0 },
	{ "N2.1", "二", { "事业收入" }, 0, { { "F02", "合计", "事业收入" } }, 0 },
	{ "N2.1", "二", { "经营收入" }, 0, { { "F02", "合计", "经营收入" } }, 0 },
	{ "N2.1", "二", { "附属单位上缴收入" }, 0, { { "F02", "合计", "附属单位上缴收入" } }, 0 },
	{ "N2.1", "二", { "其他收入" }, 0, { { "F02", "合计", "其他收入" } }, 0 },
	{ "N3.1", "三", { "支出合计", "本年支出合计" }, 0,
	    { { "F03", "合计", "本年支出合计" }, { "F01", "本年支出合计", "支出决算数" } }, 0 },
	{ "N3.1", "三", { "基本支出" }, 0,
	    { { "F03", "合计", "基本支出" }, { "F05", "合计", "基本支出" } }, 0 },
	{ "N3.1", "三", { "项目支出" }, 0,
	    { { "F03", "合计", "项目支出" }, { "F05", "合计", "项目支出" } }, 0 },
	{ "N4.1", "四", { "财政拨款收支总计", "财政拨款收入支出总计" }, 0,
	    { { "F04", "收入总计", "收入决算数" }, { "F04", "支出总计", "支出合计" } }, 1 },
	{ "N4.1", "四", { "一般公共预算财政拨款收入" }, 0,
	    { { "F04", "一般公共预算财政拨款", "收入决算数" } }, 0 },
	{ "N5.1", "五", { "一般公共预算财政拨款支出" }, 0, { { "F05", "合计", "小计" } }, 0 },
	{ "N5.3", "五", { "基本支出" }, 0, { { "F05", "合计", "基本支出" } }, 0 },
	{ "N5.3", "五", { "项目支出" }, 0, { { "F05", "合计", "项目支出" } }, 0 },
	{ "N6.1", "六", { "一般公共预算财政拨款基本支出", "基本支出" }, 0,
	    { { "F05", "合计", "基本支出" } }, 0 },
	{ "N6.1", "六", { "人员经费" }, 0, { { "F06", "人员经费合计", "决算数" } }, 0 },
	{ "N6.1", "六", { "公用经费" }, 0, { { "F06", "公用经费合计", "决算数" } }, 0 },
	{ "N9.1", "", { "三公经费财政拨款支出", "三公经费", "三公经费支出" }, 1,
	    { { "F09", "三公经费", "预算数/合计" } }, 0 },
	{ "N9.1", "", { "三公经费财政拨款支出", "三公经费", "三公经费支出" }, 0,
	    { { "F09", "三公经费", "决算数/合计" } }, 0 },
	{ "N9.1", "", { "因公出国(境)费", "因公出国(境)费支出" }, 1,
	    { { "F09", "三公经费", "预算数/因公出国(境)费" } }, 0 },
	{ "N9.1", "", { "因公出国(境)费", "因公出国(境)费支出" }, 0,
	    { { "F09", "三公经费", "决算数/因公出国(境)费" } }, 0 },
	{ "N9.1", "", { "公务用车购置及运行费", "公务用车购置及运行维护费" }, 1,
	    { { "F09", "三公经费", "预算数/公务用车购置及运行维护费" } }, 0 },
	{ "N9.1", "", { "公务用车购置及运行费", "公务用车购置及运行维护费" }, 0,
	    { { "F09", "三公经费", "决算数/公务用车购置及运行维护费" } }, 0 },
	{ "N9.1", "", { "公务用车购置费支出", "公务用车购置费" }, 1,
	    { { "F09", "三公经费", "预算数/公务用车购置费" } }, 0 },
	{ "N9.1", "", { "公务用车购置费支出", "公务用车购置费" }, 0,
	    { { "F09", "三公经费", "决算数/公务用车购置费" } }, 0 },
	{ "N9.1", "", { "公务用车运行费支出", "公务用车运行费", "公务用车运行维护费",
	    "公务用车运行维护费支出" }, 1,
	    { { "F09", "三公经费", "预算数/公务用车运行维护费" } }, 0 },
	{ "N9.1", "", { "公务用车运行费支出", "公务用车运行费", "公务用车运行维护费",
	    "公务用车运行维护费支出" }, 0,
	    { { "F09", "三公经费", "决算数/公务用车运行维护费" } }, 0 },
	{ "N9.1", "", { "公务接待费", "公务接待费支出" }, 1,
	    { { "F09", "三公经费", "预算数/公务接待费" } }, 0 },
	{ "N9.1", "", { "公务接待费", "公务接待费支出" }, 0,
	    { { "F09", "三公经费", "决算数/公务接待费" } }, 0 },
};

static int
starts_with(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* remove every occurrence of w from s, in place */
static void
strip_all(char *s, const char *w)
{
	size_t n = strlen(w);
	char *p;

	while ((p = strstr(s, w)) != NULL)
		memmove(p, p + n, strlen(p + n) + 1);
}

/*
 * A subject as the tables would name it: widths folded, spaces, quotes
 * and the (类)/(款)/(项) markers removed, a leading year ("2024年度"), the
 * unit's name and an ordinal dropped.
 */
static char *
subj_norm(const char *s, const char *unit)
{
	char *t = estrdup(s), *p;

	txt_fold(t);
	txt_squeeze(t);
	strip_all(t, "(类)");
	strip_all(t, "(款)");
	strip_all(t, "(项)");
	strip_all(t, "“");
	strip_all(t, "”");
	strip_all(t, "\"");
	p = t;
	if (p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' &&
	    p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
	    starts_with(p + 4, "年")) {
		p += 4 + strlen("年");
		if (starts_with(p, "度"))
			p += strlen("度");
	}
	if (unit != NULL && *unit != '\0' && starts_with(p, unit))
		p += strlen(unit);
	while ((*p >= '0' && *p <= '9') || *p == '.' || starts_with(p, "、")) {
		p += starts_with(p, "、") ? strlen("、") : 1;
	}
	memmove(t, p, strlen(p) + 1);
	return t;
}

/* Read the claim records of the document. */
static void
claims_load(struct ctx *k)
{
	const struct srec *dr = k->db->n > 0 && k->db->r[0].kind == REC_DOC ?
	    &k->db->r[0] : NULL;
	char *unit = dr != NULL ? subj_norm(dr->f[D_UNIT], NULL) : NULL;
	size_t i;

	for (i = 0; i < k->db->n; i++) {
		const struct srec *s = &k->db->r[i];
		struct claim *c;
		char *at, *subj;
		size_t n;

		if (s->kind != REC_CLAIM)
			continue;
		k->cl = ereallocarray(k->cl, k->ncl + 1, sizeof *k->cl);
		c = &k->cl[k->ncl++];
		memset(c, 0, sizeof *c);
		c->rec = i;
		c->section = s->f[L_SECTION];
		c->rel = s->f[L_RELATION];
		c->qty = s->f[L_QUANTITY];
		c->raw = s->f[L_RAW];
		c->unit = s->f[L_UNIT];
		c->pos = s->f[L_POS];
		n = strcspn(c->section, "(（");
		c->top = estrndup(c->section, n);
		subj = estrdup(s->f[L_SUBJECT]);
		if ((at = strchr(subj, '@')) != NULL) {
			*at = '\0';
			c->base = subj_norm(at + 1, unit);
		}
		c->subj = subj_norm(subj, unit);
		free(subj);
		c->hasv = s->f[L_VALUE][0] != '\0' && dec_parse(s->f[L_VALUE], &c->v) == 0;
	}
	free(unit);
}

static int
is_amount(const struct claim *c)
{
	return c->hasv && strcmp(c->qty, "amount") == 0;
}

static int
rel_is(const struct claim *c, const char *r)
{
	return strcmp(c->rel, r) == 0;
}

/* a 决算 figure: value or final */
static int
is_final(const struct claim *c)
{
	return rel_is(c, "value") || rel_is(c, "final");
}

/* the last path component, for messages */
static const char *
leaf(const char *subj)
{
	const char *p = strrchr(subj, '/');

	return p != NULL ? p + 1 : subj;
}

static void
qty_claim(const struct ctx *k, const struct claim *c, struct qty *q)
{
	const struct srec *s = &k->db->r[c->rec];

	memset(q, 0, sizeof *q);
	q->ok = c->hasv;
	q->v = c->v;
	q->h = strcmp(c->qty, "amount") == 0 ? (struct dec){ 50, 2 } : dec_zero(2);
	if (strcmp(c->qty, "amount") == 0 && c->v.dp > 2)
		q->h = dec_half_ulp(c->v);
	snprintf(q->name, sizeof q->name, "%s %s %s", c->section,
	    c->subj[0] != '\0' ? leaf(c->subj) : "(no subject)", c->raw);
	snprintf(q->cell, sizeof q->cell, "claim[%s:%s].%s@%s", c->section,
	    s->f[L_SUBJECT], c->rel, c->pos);
}

static void
qty_cell(const struct idx_cell *c, struct qty *q)
{
	char buf[DEC_STRLEN];

	memset(q, 0, sizeof *q);
	if (c == NULL)
		return;
	q->ok = c->state != IDX_UNKNOWN;
	q->v = c->v;
	q->h = (struct dec){ 50, 2 };
	snprintf(q->name, sizeof q->name, "%s %s", c->key,
	    q->ok ? dec_str(c->v, 2, buf) : "?");
	snprintf(q->cell, sizeof q->cell, "%s%s%s", c->key, c->pos[0] ? "@" : "",
	    c->pos);
}

/* the first printed cell of an nmap entry, else the first named */
static const struct idx_cell *
nmap_cell(const struct ctx *k, const struct nmap *m, int which)
{
	const struct xref *x = &m->cell[which];

	if (x->table == NULL)
		return NULL;
	return idx_get(k->ix, x->table, x->row, x->col);
}

/* the nmap entry of a claim, or NULL */
static const struct nmap *
nmap_of(const struct claim *c, int budget)
{
	size_t i, j;

	for (i = 0; i < sizeof nmaps / sizeof nmaps[0]; i++) {
		const struct nmap *m = &nmaps[i];

		if (m->budget != budget || (m->sect[0] != '\0' && strcmp(m->sect, c->top) != 0))
			continue;
		for (j = 0; j < 4 && m->subj[j] != NULL; j++)
			if (strcmp(m->subj[j], c->subj) == 0)
				return m;
	}
	return NULL;
}

/*
 * A stated amount against a cell: equal within 0.01, or within half a
 * unit of its last printed decimal when the narrative prints fewer ("6.2
 * 万元", "1,732万元").
 */
static void
amount_check(struct ctx *k, const char *rule, const struct claim *c,
    const struct idx_cell *cell, const char *cellkey, int rel)
{
	struct qty a, b;
	struct sb msg = { 0 }, cells = { 0 };
	struct dec diff, tol = { XTOL_UNITS, 2 }, hu;
	int st;

	qty_claim(k, c, &a);
	qty_cell(cell, &b);
	if (c->v.dp < 2 && dec_cmp(hu = dec_half_ulp(c->v), tol) > 0)
		tol = hu;
	sb_add(&cells, a.cell);
	sb_add(&cells, ";");
	sb_add(&cells, cell != NULL ? b.cell : cellkey);
	sb_add(&msg, a.name);
	if (!b.ok) {
		st = ST_UNVERIFIABLE;
		sb_add(&msg, " = ");
		sb_add(&msg, cell != NULL ? b.name : cellkey);
		sb_add(&msg, cell != NULL ? " (unverifiable: the cell has no figure)" :
		    " (unverifiable: the cell is not printed)");
		check_out(k, rule, "narrative", st, &a.v, NULL, NULL, &tol, 2, cells.s,
		    msg.s);
	} else {
		st = status_of(a.v, b.v, tol, rel);
		dec_sub(a.v, b.v, &diff);
		sb_add(&msg, st == ST_FAIL ? (rel == REL_LE ? " > " : " ≠ ") :
		    st == ST_ROUNDING ? " ≈ " : rel == REL_LE ? " ≤ " : " = ");
		sb_add(&msg, b.name);
		if (st == ST_FAIL) {
			sb_add(&msg, " (off by ");
			sb_dec(&msg, dec_abs(diff));
			sb_add(&msg, ")");
		}
		check_out(k, rule, "narrative", st, &a.v, &b.v, &diff, &tol, 2, cells.s,
		    msg.s);
	}
	free(msg.s);
	free(cells.s);
}

/*
 * A stated percentage p against num/den as an interval (R0.7,
 * dec_pct_check): pass when the point value rounds to p as printed,
 * rounding when only the interval admits it, fail otherwise.
 */
static void
pct_check(struct ctx *k, const char *rule, const struct claim *p,
    const struct qty *num, const struct qty *den, const char *what)
{
	struct qty pq;
	struct sb msg = { 0 }, cells = { 0 };
	struct dec lo, hi, pt, diff, tol, u;
	char buf[DEC_STRLEN];
	int ok, st;

	qty_claim(k, p, &pq);
	sb_add(&cells, pq.cell);
	if (num->cell[0] != '\0') {
		sb_add(&cells, ";");
		sb_add(&cells, num->cell);
	}
	if (den->cell[0] != '\0') {
		sb_add(&cells, ";");
		sb_add(&cells, den->cell);
	}
	sb_add(&msg, pq.name);
	sb_add(&msg, " ");
	sb_add(&msg, what);
	if (!num->ok || !den->ok) {
		sb_add(&msg, " (unverifiable: ");
		sb_add(&msg, !num->ok ? num->name : den->name);
		sb_add(&msg, " has no figure)");
		check_out(k, rule, "narrative", ST_UNVERIFIABLE, &p->v, NULL, NULL,
		    NULL, 2, cells.s, msg.s);
		free(msg.s);
		free(cells.s);
		return;
	}
	ok = dec_pct_check(p->v, num->v, num->h, den->v, den->h, &lo, &hi);
	if (ok < 0 || dec_pct(num->v, den->v, 2, &pt) != 0) {
		sb_add(&msg, ": ");
		sb_add(&msg, num->name);
		sb_add(&msg, " / ");
		sb_add(&msg, den->name);
		sb_add(&msg, " (unverifiable: the divisor is 0)");
		check_out(k, rule, "narrative", ST_UNVERIFIABLE, &p->v, NULL, NULL,
		    NULL, 2, cells.s, msg.s);
		free(msg.s);
		free(cells.s);
		return;
	}
	{
		struct dec pd;

		st = !ok ? ST_FAIL : dec_pct(num->v, den->v, p->v.dp, &pd) == 0 &&
		    dec_cmp(pd, p->v) == 0 ? ST_PASS : ST_ROUNDING;
	}
	dec_sub(p->v, pt, &diff);
	/* the most |p - x| the interval admits */
	u = dec_half_ulp(p->v);
	{
		struct dec a, b;

		dec_sub(hi, pt, &a);
		dec_sub(pt, lo, &b);
		tol = dec_cmp(a, b) > 0 ? a : b;
		dec_add(tol, u, &tol);
		tol.v = (tol.v + 99) / 100 * 100;
		tol.dp = 2;
	}
	sb_add(&msg, st == ST_FAIL ? " ≠ " : st == ST_ROUNDING ? " ≈ " : " = ");
	sb_add(&msg, num->name);
	sb_add(&msg, " / ");
	sb_add(&msg, den->name);
	sb_add(&msg, " = ");
	sb_add(&msg, dec_str(pt, 2, buf));
	sb_add(&msg, "% (interval ");
	lo.v = lo.v / 100 * 100;
	lo.dp = 2;
	hi.v = (hi.v + 99) / 100 * 100;
	hi.dp = 2;
	sb_add(&msg, dec_str(lo, 2, buf));
	sb_add(&msg, "–");
	sb_add(&msg, dec_str(hi, 2, buf));
	sb_add(&msg, "%)");
	check_out(k, rule, "narrative", st, &p->v, &pt, &diff, &tol, 2, cells.s, msg.s);
	free(msg.s);
	free(cells.s);
}

/*
 * The nearest claim before index i in the same section with subject
 * subj and a relation accepted by want ("final": value or final;
 * "budget"; "change"; "rate").  Returns its index or -1.
 */
static long
claim_near(const struct ctx *k, size_t i, const char *subj, const char *want,
    int after)
{
	size_t j;

	for (j = 0; j < k->ncl; j++) {
		size_t m = after ? i + 1 + j : i - 1 - j;
		const struct claim *c;

		if ((after && m >= k->ncl) || (!after && j >= i))
			break;
		c = &k->cl[m];
		if (strcmp(c->section, k->cl[i].section) != 0)
			continue;
		if (subj != NULL && strcmp(c->subj, subj) != 0)
			continue;
		if (strcmp(want, "final") == 0 ? !is_final(c) :
		    strcmp(want, "change") == 0 ? !(rel_is(c, "increase") ||
		    rel_is(c, "decrease")) :
		    strcmp(want, "rate") == 0 ? !(rel_is(c, "growth") ||
		    rel_is(c, "decline")) : !rel_is(c, want))
			continue;
		if (!c->hasv)
			continue;
		return (long)m;
	}
	return -1;
}

/* the F05 项 (7-digit) row a path "类/款/项" names, or NULL */
static const char *
path_code(const struct ctx *k, const char *path)
{
	const struct idx *ix = k->ix;
	const char *lf = leaf(path), *hit = NULL;
	char mid[256];
	size_t i, nhit = 0;
	const char *p = strchr(path, '/'), *q = strrchr(path, '/');

	mid[0] = '\0';
	if (p != NULL && q != NULL && q > p)
		snprintf(mid, sizeof mid, "%.*s", (int)(q - p - 1), p + 1);
	for (i = 0; i < ix->n; i++) {
		const struct idx_cell *c = &ix->c[i];
		char *lab;

		if (strcmp(c->table, "F05") != 0 || strcmp(c->col, "小计") != 0 ||
		    strlen(c->row) != 7)
			continue;
		lab = subj_norm(c->rowlabel, NULL);
		if (strcmp(lab, lf) == 0) {
			if (nhit > 0 && mid[0] != '\0') {
				/* two 项 of that name: the 款 decides */
				char kc[6];
				const struct idx_cell *kk;

				memcpy(kc, c->row, 5);
				kc[5] = '\0';
				kk = idx_get(ix, "F05", kc, "小计");
				if (kk != NULL) {
					char *kl = subj_norm(kk->rowlabel, NULL);

					if (strcmp(kl, mid) == 0)
						hit = c->row, nhit = 1;
					free(kl);
				}
			} else {
				hit = c->row;
				nhit++;
			}
		}
		free(lab);
	}
	return nhit == 1 ? hit : NULL;
}

/* the F05 项 row whose 小计 is v, when exactly one is */
static const char *
value_code(const struct ctx *k, struct dec v)
{
	const struct idx *ix = k->ix;
	const char *hit = NULL;
	size_t i, n = 0;

	for (i = 0; i < ix->n; i++) {
		const struct idx_cell *c = &ix->c[i];

		if (strcmp(c->table, "F05") == 0 && strcmp(c->col, "小计") == 0 &&
		    strlen(c->row) == 7 && c->state == IDX_FIGURE &&
		    dec_cmp(c->v, v) == 0) {
			hit = c->row;
			n++;
		}
	}
	return n == 1 ? hit : NULL;
}

static int
sangong_subj(const char *s)
{
	return strstr(s, "三公") != NULL || strstr(s, "公务用车") != NULL ||
	    strstr(s, "因公出国") != NULL || strstr(s, "公务接待") != NULL;
}

static int
proc_subj(const char *s)
{
	return strstr(s, "采购") != NULL || strstr(s, "中小企业") != NULL ||
	    strstr(s, "小微") != NULL;
}

/* procurement claims: 0 total, 1 goods, 2 works, 3 services, 4 SME, 5 micro */
static int
proc_kind(const struct claim *c)
{
	const char *s = c->subj;
	int sme = strstr(s, "中小企业") != NULL, micro = strstr(s, "小微") != NULL;

	if (!is_amount(c) || !is_final(c))
		return -1;
	if (micro)
		return 5;
	if (sme && strstr(s, "货物") == NULL && strstr(s, "工程") == NULL &&
	    strstr(s, "服务") == NULL)
		return 4;
	if (sme || strstr(s, "授予") != NULL || strstr(s, "预留") != NULL ||
	    strstr(s, "采购") == NULL)
		return -1;
	if (strstr(s, "货物") != NULL)
		return 1;
	if (strstr(s, "工程") != NULL)
		return 2;
	if (strstr(s, "服务") != NULL)
		return 3;
	if (strstr(s, "政府采购") != NULL &&
	    (strstr(s, "总额") != NULL || strstr(s, "金额") != NULL))
		return 0;
	return -1;
}

/* the first claim of a procurement kind, or -1 */
static long
proc_find(const struct ctx *k, int kind)
{
	size_t i;

	for (i = 0; i < k->ncl; i++)
		if (proc_kind(&k->cl[i]) == kind)
			return (long)i;
	return -1;
}

/* the rule family of a share or completion claim */
static const char *
pct_rule(const struct claim *c, int completion)
{
	const char *b = c->base != NULL ? c->base : "";

	if (sangong_subj(c->subj) || sangong_subj(b))
		return completion ? "N9.2" : "N9.1";
	if (proc_subj(c->subj) || proc_subj(b))
		return "N11.2";
	if (strstr(b, "项目支出总额") != NULL || starts_with(c->subj, "项目全年") ||
	    strcmp(c->top, "十三") == 0)
		return completion ? "N13.3" : "N13.2";
	if (strcmp(c->top, "二") == 0)
		return "N2.2";
	if (strcmp(c->top, "三") == 0)
		return "N3.2";
	if (strcmp(c->top, "五") == 0)
		return completion ? "N5.3" : starts_with(c->section, "五(一)") ? "N5.1" :
		    "N5.2";
	return "N0.1";
}

/* The totals a share of no named base is of, in a section. */
static const char *const totals[] = { "收入合计", "本年收入合计", "支出合计",
	"本年支出合计", "一般公共预算财政拨款支出", "收支总计", "收入支出总计", NULL };

static int
in_list(const char *s, const char *const *l)
{
	for (; *l != NULL; l++)
		if (strcmp(s, *l) == 0)
			return 1;
	return 0;
}

/* the numerator of a share claim: the figure it is a share of */
static void
share_num(const struct ctx *k, size_t i, struct qty *q)
{
	const struct claim *c = &k->cl[i];
	const struct nmap *m;
	const char *code;
	long j;

	memset(q, 0, sizeof *q);
	if (c->subj[0] == '\0') {
		/* "…万元，占20.51%": the figure just before it */
		if (i > 0 && strcmp(k->cl[i - 1].section, c->section) == 0 &&
		    is_amount(&k->cl[i - 1]))
			qty_claim(k, &k->cl[i - 1], q);
		return;
	}
	if ((j = claim_near(k, i, c->subj, "final", 0)) >= 0 &&
	    is_amount(&k->cl[j])) {
		qty_claim(k, &k->cl[j], q);
		return;
	}
	if ((m = nmap_of(c, 0)) != NULL) {
		qty_cell(nmap_cell(k, m, 0), q);
		return;
	}
	if ((code = tpl_class_code(c->subj)) != NULL)
		qty_cell(idx_get(k->ix, "F05", code, "小计"), q);
}

/* the first present cell of a list of alternatives */
static void
qty_first(const struct ctx *k, struct qty *q, const struct xref *x, size_t n)
{
	size_t i;

	memset(q, 0, sizeof *q);
	for (i = 0; i < n; i++) {
		const struct idx_cell *c = idx_get(k->ix, x[i].table, x[i].row, x[i].col);

		if (c != NULL) {
			qty_cell(c, q);
			return;
		}
	}
}

/*
 * The base of a share of 收入合计 or 支出合计 (total): the amount the same
 * section states for it ("收入合计" or "本年收入合计"), else the tables' (x[0..1]).
 */
static void
total_base(const struct ctx *k, const struct claim *c, struct qty *q,
    const char *total, const struct xref *x)
{
	size_t j;

	for (j = 0; j < k->ncl; j++) {
		const struct claim *t = &k->cl[j];

		if (strcmp(t->section, c->section) == 0 && is_amount(t) &&
		    is_final(t) && (strcmp(t->subj, total) == 0 ||
		    (starts_with(t->subj, "本年") && strcmp(t->subj + strlen("本年"), total) == 0))) {
			qty_claim(k, t, q);
			return;
		}
	}
	qty_first(k, q, x, 2);
}

/* the base of a share claim ("占本年支出", "占…的", "占服务支出金额") */
static void
share_base(const struct ctx *k, size_t i, struct qty *q)
{
	static const struct xref inc[] = { { "F02", "合计", "本年收入合计" },
		{ "F01", "本年收入合计", "收入决算数" } };
	static const struct xref exp[] = { { "F03", "合计", "本年支出合计" },
		{ "F01", "本年支出合计", "支出决算数" } };
	static const struct xref gen[] = { { "F05", "合计", "小计" } };
	static const struct xref prj[] = { { "F05", "合计", "项目支出" } };
	const struct claim *c = &k->cl[i];
	const char *b = c->base != NULL ? c->base : "";
	size_t j;
	long m;

	memset(q, 0, sizeof *q);
	if (b[0] == '\0') {
		for (j = 0; j < k->ncl; j++) {
			const struct claim *t = &k->cl[j];

			if (j != i && strcmp(t->section, c->section) == 0 && is_amount(t) &&
			    is_final(t) && in_list(t->subj, totals)) {
				qty_claim(k, t, q);
				return;
			}
		}
		if (strcmp(c->top, "二") == 0)
			qty_first(k, q, inc, 2);
		else if (strcmp(c->top, "三") == 0)
			qty_first(k, q, exp, 2);
		else if (strcmp(c->top, "五") == 0)
			qty_first(k, q, gen, 1);
		return;
	}
	if (starts_with(b, "本年收入") || strcmp(b, "收入合计") == 0) {
		total_base(k, c, q, "收入合计", inc);
		return;
	}
	if (starts_with(b, "本年支出") || strcmp(b, "支出合计") == 0) {
		total_base(k, c, q, "支出合计", exp);
		return;
	}
	if (strstr(b, "项目支出总额") != NULL) {
		qty_first(k, q, prj, 1);
		return;
	}
	if (strstr(b, "采购") != NULL && (strstr(b, "总额") != NULL ||
	    strstr(b, "金额") != NULL) && strstr(b, "中小") == NULL) {
		if ((m = proc_find(k, 0)) >= 0)
			qty_claim(k, &k->cl[m], q);
		return;
	}
	if (strstr(b, "中小企业") != NULL) {
		if ((m = proc_find(k, 4)) >= 0)
			qty_claim(k, &k->cl[m], q);
		return;
	}
	if (strstr(b, "货物") != NULL || strstr(b, "工程") != NULL ||
	    strstr(b, "服务") != NULL) {
		if ((m = proc_find(k, strstr(b, "货物") != NULL ? 1 :
		    strstr(b, "工程") != NULL ? 2 : 3)) >= 0)
			qty_claim(k, &k->cl[m], q);
		return;
	}
	for (j = 0; j < k->ncl; j++)
		if (is_amount(&k->cl[j]) && is_final(&k->cl[j]) &&
		    strcmp(k->cl[j].subj, b) == 0) {
			qty_claim(k, &k->cl[j], q);
			return;
		}
}

/* the sum of some claims as one quantity (N5.6, N5.7, N11.1) */
static void
qty_sum(const struct ctx *k, const long *idx, size_t n, struct qty *q)
{
	size_t i, len;

	memset(q, 0, sizeof *q);
	q->ok = 1;
	q->v = dec_zero(2);
	for (i = 0; i < n; i++) {
		struct qty a;

		qty_claim(k, &k->cl[idx[i]], &a);
		if (!a.ok || dec_add(q->v, a.v, &q->v) != 0)
			q->ok = 0;
		len = strlen(q->cell);
		snprintf(q->cell + len, sizeof q->cell - len, "%s%s", i ? ";" : "",
		    a.cell);
		len = strlen(q->name);
		snprintf(q->name + len, sizeof q->name - len, "%s%s", i ? " + " : "",
		    k->cl[idx[i]].raw);
	}
}

/* lhs REL Σ quantities, with the envelope of n terms */
static void
qty_check(struct ctx *k, const char *rule, const struct qty *l,
    const struct qty *r, int n, int rel)
{
	struct sb msg = { 0 }, cells = { 0 };
	struct dec tol = dec_envelope(n, 2), diff;
	int st;

	sb_add(&cells, l->cell);
	sb_add(&cells, ";");
	sb_add(&cells, r->cell);
	sb_add(&msg, l->name);
	if (!l->ok || !r->ok) {
		sb_add(&msg, rel == REL_LE ? " ≤ " : " = ");
		sb_add(&msg, r->name);
		sb_add(&msg, " (unverifiable: a figure is missing)");
		check_out(k, rule, "narrative", ST_UNVERIFIABLE, l->ok ? &l->v : NULL,
		    r->ok ? &r->v : NULL, NULL, &tol, 2, cells.s, msg.s);
	} else {
		st = status_of(l->v, r->v, tol, rel);
		dec_sub(l->v, r->v, &diff);
		sb_add(&msg, st == ST_FAIL ? (rel == REL_LE ? " > " : " ≠ ") :
		    st == ST_ROUNDING ? " ≈ " : rel == REL_LE ? " ≤ " : " = ");
		sb_add(&msg, r->name);
		if (n > 1) {
			sb_add(&msg, " = ");
			sb_dec(&msg, r->v);
		}
		check_out(k, rule, "narrative", st, &l->v, &r->v, &diff, &tol, 2,
		    cells.s, msg.s);
	}
	free(msg.s);
	free(cells.s);
}

/* a check with a message only (counts, presence) */
static void
note_check(struct ctx *k, const char *rule, const char *table, int st,
    const char *cells, const char *msg)
{
	check_out(k, rule, table, st, NULL, NULL, NULL, NULL, 2, cells, msg);
}

/*
 * A narrative check on the quantity a and, when b is not NULL, b: cells
 * "A;B", message "A-name MID B-name TAIL".
 */
static void
note_pair(struct ctx *k, const char *rule, int st, const struct qty *a,
    const struct qty *b, const char *mid, const char *tail)
{
	struct sb cells = { 0 }, msg = { 0 };

	sb_add(&cells, a->cell);
	sb_add(&msg, a->name);
	sb_add(&msg, mid);
	if (b != NULL) {
		sb_add(&cells, ";");
		sb_add(&cells, b->cell);
		sb_add(&msg, b->name);
	}
	sb_add(&msg, tail);
	note_check(k, rule, "narrative", st, cells.s, msg.s);
	free(cells.s);
	free(msg.s);
}

/* the cells of the forms: P02 count, their 执行数 and 预算数 */
static int
form_count(const struct ctx *k, const char *id)
{
	size_t i;
	int n = 0;

	for (i = 0; i < k->db->n; i++)
		if (k->db->r[i].kind == REC_TABLE &&
		    strcmp(k->db->r[i].f[T_ID], id) == 0)
			n++;
	return n;
}

/*
 * The narrative against the tables (docs/rules.md, "The narrative").
 * Claims whose subject names nothing the tables print are left alone:
 * every check here is one an auditor would make with the claim and the
 * table side by side.
 */
static void
narrative_checks(struct ctx *k)
{
	size_t i, j;
	long *budgets = NULL;
	size_t nbud = 0;
	char **covered = NULL;
	size_t ncov = 0;
	int any5 = 0;

	if (k->ncl == 0)
		return;
	for (i = 0; i < k->ncl; i++) {
		const struct claim *c = &k->cl[i];
		const struct nmap *m;
		const char *code;
		struct qty a, b;
		char what[160];

		if (!c->hasv)
			continue;
		/* amounts the tables print */
		if (is_amount(c) && (is_final(c) || rel_is(c, "budget"))) {
			if (strchr(c->subj, '/') != NULL && strcmp(c->top, "五") == 0) {
				code = path_code(k, c->subj);
				if (rel_is(c, "budget")) {
					budgets = ereallocarray(budgets, nbud + 1, sizeof *budgets);
					budgets[nbud++] = (long)i;
					any5 = 1;
				} else if (code != NULL) {
					amount_check(k, "N5.3", c, idx_get(k->ix, "F05", code,
					    "小计"), NULL, REL_EQ);
				} else {
					struct sb cells = { 0 }, msg = { 0 };

					qty_claim(k, c, &a);
					sb_add(&cells, a.cell);
					sb_add(&msg, a.name);
					sb_add(&msg, " (unverifiable: F05 prints no single 项 named ");
					sb_add(&msg, leaf(c->subj));
					sb_add(&msg, ")");
					note_check(k, "N5.3", "narrative", ST_UNVERIFIABLE, cells.s,
					    msg.s);
					free(cells.s);
					free(msg.s);
				}
				if (code != NULL) {
					covered = ereallocarray(covered, ncov + 1, sizeof *covered);
					covered[ncov++] = (char *)code;
				}
				continue;
			}
			if (strcmp(c->top, "五") == 0 && strchr(c->section, '(') != NULL &&
			    (c->subj[0] == '\0' || (nmap_of(c, rel_is(c, "budget")) == NULL &&
			    tpl_class_code(c->subj) == NULL &&
			    strcmp(c->subj, "一般公共预算财政拨款支出") != 0))) {
				/* a paragraph whose subject was not read: its 决算 names it */
				if (rel_is(c, "budget")) {
					budgets = ereallocarray(budgets, nbud + 1, sizeof *budgets);
					budgets[nbud++] = (long)i;
					any5 = 1;
				} else if ((code = value_code(k, c->v)) != NULL) {
					covered = ereallocarray(covered, ncov + 1, sizeof *covered);
					covered[ncov++] = (char *)code;
				}
				continue;
			}
			if ((m = nmap_of(c, rel_is(c, "budget"))) != NULL) {
				const struct idx_cell *cell = nmap_cell(k, m, 0);
				char *key;

				if (m->all) {
					for (j = 0; j < 2 && m->cell[j].table != NULL; j++) {
						cell = nmap_cell(k, m, (int)j);
						if (cell != NULL || idx_has_table(k->ix, m->cell[j].table)) {
							key = idx_key(m->cell[j].table, m->cell[j].row,
							    m->cell[j].col);
							amount_check(k, m->rule, c, cell, key, REL_EQ);
							free(key);
						}
					}
					continue;
				}
				for (j = 0; cell == NULL && j < 2 && m->cell[j].table != NULL; j++)
					cell = nmap_cell(k, m, (int)j);
				if (cell == NULL && !idx_has_table(k->ix, m->cell[0].table))
					continue;
				key = idx_key(m->cell[0].table, m->cell[0].row, m->cell[0].col);
				amount_check(k, m->rule, c, cell, key, REL_EQ);
				free(key);
				continue;
			}
			if (strcmp(c->top, "五") == 0 && is_final(c) &&
			    (code = tpl_class_code(c->subj)) != NULL &&
			    idx_has_table(k->ix, "F05")) {
				char *key = idx_key("F05", code, "小计");

				amount_check(k, "N5.2", c, idx_get(k->ix, "F05", code, "小计"),
				    key, REL_EQ);
				free(key);
				continue;
			}
			if (strstr(c->subj, "机关运行经费") != NULL && is_final(c) &&
			    idx_has_table(k->ix, "F06")) {
				amount_check(k, "N10.1", c, idx_get(k->ix, "F06", "公用经费合计",
				    "决算数"), "F06[公用经费合计].决算数", REL_LE);
				continue;
			}
		}
		/* year over year: (current, change, rate) agree */
		if (rel_is(c, "growth") || rel_is(c, "decline")) {
			long ch = claim_near(k, i, c->subj, "change", 0), cur;
			struct qty num, den, d;

			if (ch < 0)
				continue;
			qty_claim(k, &k->cl[ch], &d);
			cur = claim_near(k, (size_t)ch, c->subj, "final", 0);
			if (cur >= 0)
				qty_claim(k, &k->cl[cur], &a);
			else if ((m = nmap_of(c, 0)) != NULL)
				qty_cell(nmap_cell(k, m, 0), &a);
			else
				memset(&a, 0, sizeof a);
			num = d;
			den = a;
			if (a.ok && d.ok) {
				int inc = rel_is(&k->cl[ch], "increase");

				if ((inc ? dec_sub(a.v, d.v, &den.v) :
				    dec_add(a.v, d.v, &den.v)) != 0)
					den.ok = 0;
				dec_add(a.h, d.h, &den.h);
				catf(den.name, sizeof den.name, "(", a.name, inc ? " - " : " + ",
				    k->cl[ch].raw, ")");
				catf(den.cell, sizeof den.cell, a.cell, ";", d.cell, "", "");
				num.cell[0] = '\0';
			} else if (!a.ok)
				snprintf(den.name, sizeof den.name, "the current figure of %s",
				    c->subj);
			if (rel_is(c, "growth") != rel_is(&k->cl[ch], "increase")) {
				qty_claim(k, c, &b);
				note_pair(k, "N1.2", ST_FAIL, &b, &d, " and ",
				    ": a rise and a fall at once");
				continue;
			}
			snprintf(what, sizeof what, "(change over the prior year)");
			pct_check(k, "N1.2", c, &num, &den, what);
			continue;
		}
		/* shares: 占 x% */
		if (rel_is(c, "share")) {
			struct qty num, den;

			share_num(k, i, &num);
			if (num.cell[0] == '\0')
				continue;	/* nothing stated to take a share of */
			share_base(k, i, &den);
			if (den.cell[0] == '\0')
				continue;
			pct_check(k, pct_rule(c, 0), c, &num, &den, "(share)");
			continue;
		}
		/* completion: 完成…预算的 x% */
		if (rel_is(c, "completion")) {
			long fi = claim_near(k, i, c->subj, "final", 0);
			long bi = claim_near(k, i, c->subj, "budget", 0);
			struct qty num, den;

			if (fi < 0 && c->subj[0] == '\0')
				continue;
			/* stated figures first, else the table's */
			if (fi >= 0)
				qty_claim(k, &k->cl[fi], &num);
			else if ((m = nmap_of(c, 0)) != NULL && nmap_cell(k, m, 0) != NULL)
				qty_cell(nmap_cell(k, m, 0), &num);
			else {
				memset(&num, 0, sizeof num);
				snprintf(num.name, sizeof num.name, "the 决算 of %s", c->subj);
			}
			if (bi >= 0)
				qty_claim(k, &k->cl[bi], &den);
			else if ((m = nmap_of(c, 1)) != NULL && nmap_cell(k, m, 0) != NULL)
				qty_cell(nmap_cell(k, m, 0), &den);
			else {
				memset(&den, 0, sizeof den);
				snprintf(den.name, sizeof den.name, "the 预算 of %s", c->subj);
			}
			if (bi >= 0 && den.ok && den.v.v == 0) {
				qty_claim(k, c, &a);
				note_pair(k, "N5.4", ST_FAIL, &a, &den,
				    ": a percentage of a 0 预算 (", ")");
				continue;
			}
			pct_check(k, pct_rule(c, 1), c, &num, &den, "(of the 预算)");
			continue;
		}
	}

	/* N5.4: a 0 年初预算 carries no percentage */
	for (i = 0; i < nbud; i++) {
		const struct claim *c = &k->cl[budgets[i]];
		struct qty a;
		struct sb cells = { 0 }, msg = { 0 };
		int pct = 0;

		if (c->v.v != 0 || c->subj[0] == '\0')
			continue;
		for (j = 0; j < k->ncl; j++)
			if (rel_is(&k->cl[j], "completion") &&
			    strcmp(k->cl[j].section, c->section) == 0 &&
			    strcmp(k->cl[j].subj, c->subj) == 0)
				pct = 1;
		if (pct)
			continue;	/* the completion check reported it */
		qty_claim(k, c, &a);
		sb_add(&cells, a.cell);
		sb_add(&msg, a.name);
		sb_add(&msg, ": a 0 预算, and no percentage of it");
		note_check(k, "N5.4", "narrative", ST_PASS, cells.s, msg.s);
		free(cells.s);
		free(msg.s);
	}
	/* N5.5: every 项 F05 spends on has its paragraph */
	if (any5) {
		for (i = 0; i < k->ix->n; i++) {
			const struct idx_cell *c = &k->ix->c[i];
			struct sb cells = { 0 }, msg = { 0 };
			int found = 0;

			if (strcmp(c->table, "F05") != 0 || strcmp(c->col, "小计") != 0 ||
			    strlen(c->row) != 7 || c->state == IDX_UNKNOWN || c->v.v == 0)
				continue;
			for (j = 0; j < ncov; j++)
				if (strcmp(covered[j], c->row) == 0)
					found = 1;
			sb_cell(&cells, c);
			sb_add(&msg, c->row);
			sb_add(&msg, " ");
			sb_add(&msg, c->rowlabel);
			sb_add(&msg, found ? " has its paragraph in 五(三)" :
			    " spends but has no paragraph in 五(三)");
			note_check(k, "N5.5", "narrative", found ? ST_PASS : ST_FAIL, cells.s,
			    msg.s);
			free(cells.s);
			free(msg.s);
		}
	}
	/* N5.6: the 年初预算 total is the sum of the items' */
	for (i = 0; i < k->ncl && nbud > 0; i++) {
		const struct claim *c = &k->cl[i];
		struct qty l, r;
		size_t nrows = 0;

		if (!(strcmp(c->top, "五") == 0 && rel_is(c, "budget") && is_amount(c) &&
		    strcmp(c->subj, "一般公共预算财政拨款支出") == 0))
			continue;
		for (j = 0; j < k->ix->n; j++) {
			const struct idx_cell *x = &k->ix->c[j];

			if (strcmp(x->table, "F05") == 0 && strcmp(x->col, "小计") == 0 &&
			    strlen(x->row) == 7 && x->state != IDX_UNKNOWN)
				nrows++;
		}
		qty_claim(k, c, &l);
		qty_sum(k, budgets, nbud, &r);
		if (nbud != nrows) {
			char m[120];

			snprintf(m, sizeof m, " (%zu 预算 read for %zu 项)", nbud, nrows);
			r.ok = 0;
			strncat(r.name, m, sizeof r.name - strlen(r.name) - 1);
		}
		qty_check(k, "N5.6", &l, &r, (int)nbud, REL_EQ);
		break;
	}
	/* N5.7: the projects named after 项目支出 add up to it */
	for (i = 0; i < k->ncl; i++) {
		const struct claim *c = &k->cl[i];
		size_t line = strtoul(c->pos, NULL, 10);
		struct qty l;
		long *pr = NULL;
		size_t np = 0;

		if (!(strcmp(c->top, "五") == 0 && strcmp(c->subj, "项目支出") == 0 &&
		    is_amount(c) && is_final(c)))
			continue;
		for (j = i + 1; j < k->ncl; j++) {
			const struct claim *t = &k->cl[j];

			if (strtoul(t->pos, NULL, 10) != line)
				break;
			if (is_amount(t) && rel_is(t, "value") && t->subj[0] != '\0' &&
			    strchr(t->subj, '/') == NULL && !in_list(t->subj, totals) &&
			    strcmp(t->subj, "基本支出") != 0) {
				pr = ereallocarray(pr, np + 1, sizeof *pr);
				pr[np++] = (long)j;
			}
		}
		if (np > 0) {
			struct qty r;

			qty_claim(k, c, &l);
			qty_sum(k, pr, np, &r);
			qty_check(k, "N5.7", &l, &r, (int)np, REL_EQ);
		}
		free(pr);
		break;
	}
	/* N9.3: vehicles */
	for (i = 0; i < k->ncl; i++) {
		const struct claim *c = &k->cl[i];
		struct qty a, b;

		if (strcmp(c->qty, "count") != 0 || !c->hasv || strcmp(c->unit, "辆") != 0)
			continue;
		if (strstr(c->subj, "购置") != NULL && idx_has_table(k->ix, "F09")) {
			const struct idx_cell *f = idx_get(k->ix, "F09", "三公经费",
			    "决算数/公务用车购置费");
			int st;

			qty_claim(k, c, &a);
			qty_cell(f, &b);
			st = !b.ok ? ST_UNVERIFIABLE : (c->v.v == 0) == (b.v.v == 0) ?
			    ST_PASS : ST_FAIL;
			note_pair(k, "N9.3", st, &a, f != NULL ? &b : NULL,
			    f != NULL ? " and " : " and no 公务用车购置费",
			    st == ST_PASS ? ": no car bought and no purchase cost, or both" :
			    st == ST_FAIL ? ": a car bought without cost, or a cost without car" :
			    " (unverifiable)");
		} else if (strstr(c->subj, "保有量") != NULL) {
			for (j = 0; j < k->ncl; j++) {
				const struct claim *t = &k->cl[j];

				if (strcmp(t->qty, "count") == 0 && t->hasv &&
				    strcmp(t->unit, "辆") == 0 && strstr(t->subj, "共有车辆") != NULL) {
					qty_claim(k, c, &a);
					qty_claim(k, t, &b);
					qty_check(k, "N9.3", &a, &b, 1, REL_LE);
					break;
				}
			}
		}
	}
	/* N11: procurement */
	{
		long t = proc_find(k, 0), g = proc_find(k, 1), w = proc_find(k, 2),
		    s = proc_find(k, 3), sme = proc_find(k, 4), mic = proc_find(k, 5);
		struct qty l, r;

		if (t >= 0 && g >= 0 && w >= 0 && s >= 0) {
			long parts[3];

			parts[0] = g;
			parts[1] = w;
			parts[2] = s;
			qty_claim(k, &k->cl[t], &l);
			qty_sum(k, parts, 3, &r);
			qty_check(k, "N11.1", &l, &r, 3, REL_EQ);
		}
		if (t >= 0 && sme >= 0) {
			qty_claim(k, &k->cl[sme], &l);
			qty_claim(k, &k->cl[t], &r);
			qty_check(k, "N11.3", &l, &r, 1, REL_LE);
		}
		if (sme >= 0 && mic >= 0) {
			qty_claim(k, &k->cl[mic], &l);
			qty_claim(k, &k->cl[sme], &r);
			qty_check(k, "N11.3", &l, &r, 1, REL_LE);
		}
	}
	/* N13: the 绩效 section against the forms */
	if (form_count(k, "P01") + form_count(k, "P02") > 0) {
		int np = form_count(k, "P02"), nb = 0, nf = 0;

		for (i = 0; i < k->ncl; i++) {
			const struct claim *c = &k->cl[i];
			const struct srec *s = &k->db->r[c->rec];
			struct qty a, b;

			if (strcmp(c->qty, "count") == 0 && c->hasv &&
			    strcmp(c->unit, "个") == 0 && strstr(s->f[L_CONTEXT], "涉及") != NULL &&
			    strstr(s->f[L_CONTEXT], "项目") != NULL) {
				struct sb cells = { 0 }, msg = { 0 };
				struct dec n = { (int64_t)np * DEC_ONE, 0 };

				qty_claim(k, c, &a);
				sb_add(&cells, a.cell);
				sb_add(&msg, a.name);
				sb_add(&msg, dec_cmp(n, c->v) == 0 ? " = " : " ≠ ");
				{
					char nb2[32];

					snprintf(nb2, sizeof nb2, "%d", np);
					sb_add(&msg, nb2);
				}
				sb_add(&msg, " 项目支出绩效自评表 (P02) attached");
				check_out(k, "N13.1", "narrative", dec_cmp(n, c->v) == 0 ?
				    ST_PASS : ST_FAIL, &c->v, &n, NULL, NULL, 0, cells.s, msg.s);
				free(cells.s);
				free(msg.s);
			} else if (is_amount(c) && is_final(c) && strcmp(c->top, "十三") == 0 &&
			    strcmp(c->subj, "资金") == 0) {
				int whole = 0;

				for (j = 0; j < k->ncl; j++) {
					const struct srec *t = &k->db->r[k->cl[j].rec];

					if (strcmp(k->cl[j].section, c->section) == 0 &&
					    strstr(t->f[L_CONTEXT], "整体") != NULL)
						whole = 1;
				}
				qty_claim(k, c, &a);
				if (whole)
					qty_cell(form_cell(k, "P01", 1, "预算执行", "执行数"), &b);
				else {
					long cnt = 0;
					size_t m2;

					memset(&b, 0, sizeof b);
					b.ok = np > 0;
					b.v = dec_zero(2);
					for (m2 = 1; m2 <= (size_t)np; m2++) {
						const struct idx_cell *e = form_cell(k, "P02",
						    (long)m2, "预算执行", "执行数");
						size_t len = strlen(b.cell);

						if (e == NULL || e->state == IDX_UNKNOWN) {
							b.ok = 0;
							continue;
						}
						dec_add(b.v, e->v, &b.v);
						snprintf(b.cell + len, sizeof b.cell - len, "%s%s@%s",
						    cnt++ ? ";" : "", e->key, e->pos);
					}
					snprintf(b.name, sizeof b.name,
					    "the 执行数 of the %d P02 forms", np);
				}
				if (b.cell[0] != '\0')
					qty_check(k, "N13.2", &a, &b, whole ? 1 : np, REL_EQ);
			} else if (is_amount(c) && strcmp(c->top, "十三") == 0 &&
			    starts_with(c->subj, "项目") &&
			    (rel_is(c, "budget") || rel_is(c, "final"))) {
				int nth = rel_is(c, "budget") ? ++nb : ++nf;
				const struct idx_cell *e = form_cell(k, "P02", nth, "预算执行",
				    rel_is(c, "budget") ? "预算数" : "执行数");

				if (e != NULL)
					amount_check(k, "N13.3", c, e, NULL, REL_EQ);
			}
		}
	}
	free(budgets);
	free(covered);
	compare_checks(k);
}

/*
 * N5.8, N9.4: "决算数大于年初预算数" and its like agree with the item's
 * stated 决算 and 预算, else with its stated 完成…预算的 x%: 大于 means the
 * 决算 is above the 预算, 小于 below, 持平 or 一致 equal (within their
 * printed rounding), 基本持平 within 1% of the 预算.  Figures that print
 * equal cannot say 大于 or 小于 wrong: rounding.
 */
static void
compare_checks(struct ctx *k)
{
	size_t i;

	for (i = 0; i < k->ncl; i++) {
		const struct claim *c = &k->cl[i];
		const char *rule, *what;
		struct qty cq, f, b;
		struct sb cells = { 0 }, msg = { 0 };
		struct dec d, hundred = { 100 * DEC_ONE, 0 };
		long fi, bi, pi;
		int dir, cmp, st;

		if (!rel_is(c, "compare") || c->subj[0] == '\0' ||
		    (dir = claims_direction(c->raw)) == 0)
			continue;
		rule = sangong_subj(c->subj) ? "N9.4" : strcmp(c->top, "五") == 0 ? "N5.8" :
		    "N0.2";
		what = dir == '>' ? "above" : dir == '<' ? "below" : dir == '=' ? "equal to" :
		    "within 1% of";
		qty_claim(k, c, &cq);
		sb_add(&cells, cq.cell);
		sb_add(&msg, cq.name);
		fi = claim_near(k, i, c->subj, "final", 0);
		bi = claim_near(k, i, c->subj, "budget", 0);
		pi = claim_near(k, i, c->subj, "completion", 0);
		if (fi >= 0 && bi >= 0) {
			qty_claim(k, &k->cl[fi], &f);
			qty_claim(k, &k->cl[bi], &b);
			sb_add(&cells, ";");
			sb_add(&cells, f.cell);
			sb_add(&cells, ";");
			sb_add(&cells, b.cell);
			cmp = dec_cmp(f.v, b.v);
			dec_sub(f.v, b.v, &d);
			d = dec_abs(d);
			if (dir == '~') {
				/* 100 |决算 - 预算| <= |预算|, in ten-thousandths */
				st = d.v <= dec_abs(b.v).v / 100 ? ST_PASS : ST_FAIL;
			} else if (dir == '=') {
				struct dec h;

				dec_add(f.h, b.h, &h);
				st = cmp == 0 ? ST_PASS : dec_cmp(d, h) <= 0 ? ST_ROUNDING : ST_FAIL;
			} else {
				st = cmp == 0 ? ST_ROUNDING :
				    (cmp > 0) == (dir == '>') ? ST_PASS : ST_FAIL;
			}
			sb_add(&msg, st == ST_FAIL ? ": the 决算 is not " : ": the 决算 is ");
			sb_add(&msg, what);
			sb_add(&msg, " the 预算: ");
			sb_add(&msg, f.name);
			sb_add(&msg, " against ");
			sb_add(&msg, b.name);
		} else if (pi >= 0) {
			struct qty p;

			qty_claim(k, &k->cl[pi], &p);
			sb_add(&cells, ";");
			sb_add(&cells, p.cell);
			cmp = dec_cmp(p.v, hundred);
			dec_sub(p.v, hundred, &d);
			d = dec_abs(d);
			if (dir == '~')
				st = d.v <= DEC_ONE ? ST_PASS : ST_FAIL;
			else if (dir == '=')
				st = cmp == 0 ? ST_PASS : ST_FAIL;
			else
				st = cmp == 0 ? ST_ROUNDING : (cmp > 0) == (dir == '>') ? ST_PASS :
				    ST_FAIL;
			sb_add(&msg, st == ST_FAIL ? ": the 决算 is not " : ": the 决算 is ");
			sb_add(&msg, what);
			sb_add(&msg, " the 预算: ");
			sb_add(&msg, p.name);
		} else {
			st = ST_UNVERIFIABLE;
			sb_add(&msg, ": no 决算 and 预算, nor a 完成 rate, stated for it");
		}
		note_check(k, rule, "narrative", st, cells.s, msg.s);
		free(cells.s);
		free(msg.s);
	}
}

/* ---- F09: a row of 三公 figures whose positions were lost ---- */

/*
 * OCR may print the six figures of a twelve-column 三公 row without their
 * positions ("1. 47 1.47 1. 47 1. 47 1. 47 1. 47"), and a parser then puts
 * them in the first columns.  When an F09 identity fails, every way of
 * putting the printed figures, in their printed order, into the twelve
 * columns is tried: the ones that satisfy F09.1-F09.4 and every 三公 figure
 * the narrative states (N9.1) are the candidates.  One candidate: the
 * cells are placed (status repaired); several: the one whose 预算 columns
 * are nil or not where its 决算 columns are is taken, and marked
 * ambiguous; none: nothing changes and the checks fail.
 */
static void
place_sangong(struct ctx *k)
{
	const struct tpl_table *t = tpl_by_id("F09");
	const struct idx_cell *cell[12];
	struct dec fig[12], want[12], val[12], best[12];
	int haswant[12], nf = 0, nsol = 0, failing = 0, bestmis = 13;
	unsigned mask;
	size_t i, j;

	if (t == NULL || t->ncols != 12)
		return;
	for (j = 0; j < 12; j++) {
		cell[j] = idx_get(k->ix, "F09", "三公经费", t->cols[j]);
		if (cell[j] == NULL || cell[j]->state == IDX_UNKNOWN)
			return;
		if (cell[j]->state == IDX_FIGURE)
			fig[nf++] = cell[j]->v;
		haswant[j] = 0;
	}
	for (i = 0; i < k->nid; i++) {
		struct dec l, r;

		if (strcmp(k->id[i].table, "F09") == 0 && k->id[i].intable &&
		    ident_eval(k, &k->id[i], &l, &r) == ST_FAIL)
			failing = 1;
	}
	if (!failing || nf == 0)
		return;
	/* what the narrative says the columns hold */
	for (i = 0; i < k->ncl; i++) {
		const struct claim *c = &k->cl[i];
		const struct nmap *m;

		if (!is_amount(c) || !(is_final(c) || rel_is(c, "budget")) ||
		    (m = nmap_of(c, rel_is(c, "budget"))) == NULL ||
		    strcmp(m->cell[0].table, "F09") != 0)
			continue;
		for (j = 0; j < 12; j++)
			if (strcmp(t->cols[j], m->cell[0].col) == 0) {
				want[j] = c->v;
				haswant[j] = 1;
			}
	}
	for (mask = 0; mask < 4096; mask++) {
		int n = 0, ok = 1;
		struct dec a, b;

		for (j = 0; j < 12; j++)
			n += (mask >> j) & 1;
		if (n != nf)
			continue;
		for (j = 0, n = 0; j < 12; j++)
			val[j] = (mask >> j) & 1 ? fig[n++] : dec_zero(2);
		/* 预算 and 决算: 合计 = 出国 + 小计 + 接待, 小计 = 购置 + 运行 */
		for (j = 0; j < 12 && ok; j += 6) {
			dec_add(val[j + 1], val[j + 2], &a);
			dec_add(a, val[j + 5], &a);
			dec_add(val[j + 3], val[j + 4], &b);
			ok = dec_cmp(a, val[j]) == 0 && dec_cmp(b, val[j + 2]) == 0;
		}
		for (j = 0; j < 12 && ok; j++)
			if (haswant[j] && dec_cmp(dec_abs((struct dec){ want[j].v - val[j].v, 2 }),
			    (struct dec){ XTOL_UNITS, 2 }) > 0)
				ok = 0;
		if (!ok)
			continue;
		/* of several, the one whose 预算 looks most like its 决算 */
		for (j = 0, n = 0; j < 6; j++)
			n += (val[j].v != 0) != (val[j + 6].v != 0);
		if (nsol++ == 0 || n < bestmis) {
			memcpy(best, val, sizeof best);
			bestmis = n;
		}
	}
	if (nsol == 0)
		return;
	for (j = 0; j < 12; j++) {
		const struct idx_cell *c = cell[j];
		int nil = best[j].v == 0 && !(c->state == IDX_FIGURE && c->v.v == 0);
		char v[DEC_STRLEN];
		const char *f[R_NF - 1];
		struct srec *s = &k->db->r[c->rec];

		if (c->state == IDX_FIGURE ? dec_cmp(c->v, best[j]) == 0 && !nil :
		    best[j].v == 0)
			continue;
		idx_repair(k->ix, c, best[j], nil, nsol > 1);
		f[R_DOC - 1] = k->doc;
		f[R_TABLE - 1] = c->table;
		f[R_ROW - 1] = c->row;
		f[R_COL - 1] = c->col;
		f[R_RAW - 1] = c->raw;
		f[R_VALUE - 1] = nil ? "" : dec_str(best[j], 2, v);
		f[R_RULE - 1] = "F09.1;N9.1";
		f[R_KIND - 1] = nsol > 1 ? "ambiguous" : "unique";
		rec_put(k->out, "repair", R_NF - 1, f);
		srec_set(s, C_VALUE, nil ? "" : v);
		srec_set(s, C_STATUS, c->status);
	}
}
