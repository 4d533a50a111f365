/*
 * score - rate how well each document and each of its tables holds
 * together, from reconcile's checks and the state of its cells.
 *
 * Reads the record stream (docs/stream.md) one document at a time, passes
 * every record through unchanged and appends score records: the document
 * first, then each table with cells or checks, in catalogue order.  The
 * formula (docs/rules.md, "Score") is computed in integers only, so the
 * same stream gives the same score on every machine.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "doc.h"
#include "idx.h"
#include "rec.h"
#include "tpl.h"
#include "util.h"

__extension__ typedef __int128 i128;

static const char synopsis[] =
    "score [--max-line n] [--max-records n] [--min score] [file ...]";

/* Fixed-point unit of the relative size of a failure: millionths. */
#define PPM 1000000

/* The tallies of one scope. */
struct tally {
	const char *scope;
	long ord;		/* catalogue index, or after the catalogue */
	unsigned long checks, pass, rounding, fail, unverifiable;
	unsigned long cells, damaged, repaired;
	i128 failw;		/* Σ over failures of (PPM + rel), rel in PPM */
};

/* what score_one needs besides the document */
struct score_arg {
	const struct dec *min;
	int *below;
};

static doc_fn	score_one;
static int	score_doc(const struct docbuf *, const struct idx *,
		    const char *, const struct dec *);
static struct tally *tallies(const struct docbuf *, const struct idx *,
		    size_t *);
static struct tally *tally_find(struct tally *, size_t, const char *);
static int	add_check(struct tally *, struct tally *, const struct srec *,
		    const char *);
static unsigned long fail_rel(const struct srec *, const char *, int *);
static struct dec score_of(const struct tally *);
static void	tally_put(const char *, const struct tally *, struct dec);
static int	cmp_scope(const void *, const void *);
static int	cmp_order(const void *, const void *);

static struct option longopts[] = {
	{ "max-line", required_argument, NULL, 'L' },
	{ "max-records", required_argument, NULL, 'R' },
	{ "min", required_argument, NULL, 'm' },
	{ NULL, 0, NULL, 0 },
};

int
main(int argc, char *argv[])
{
	struct dec min, hundred = { 100 * DEC_ONE, 0 };
	const struct dec *minp = NULL;
	size_t maxline = 0, maxrec = 0;
	int ch, bad = 0, below = 0;
	struct score_arg a = { NULL, &below };

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
		case 'm':
			if (dec_parse(optarg, &min) != 0 || min.v < 0 ||
			    dec_cmp(min, hundred) > 0) {
				die("invalid value for --min: '%s' (a decimal from 0 to 100)",
				    optarg);
			}
			minp = &min;
			break;
		default:
			usage_exit(synopsis);
		}
	}
	argc -= optind;
	argv += optind;

	rec_put_version(stdout);
	a.min = minp;
	bad = doc_operands(argc, argv, maxline, maxrec, score_one, &a);
	if (fshut(stdout, "stdout"))
		bad = 1;
	if (bad)
		return EXIT_ERR;
	return below ? EXIT_DATA : EXIT_OK;
}

/* one document: its records, then its score; 1 when a record was malformed */
static int
score_one(struct docbuf *db, const char *name, void *arg)
{
	const struct score_arg *a = arg;
	struct idx ix;
	size_t i;
	int rc, bad;

	for (i = 0; i < db->n; i++)
		srec_put(stdout, &db->r[i]);
	idx_build(&ix, db, name);
	bad = ix.nbad > 0;
	rc = score_doc(db, &ix, name, a->min);
	if (rc & 1)
		bad = 1;
	if (rc & 2)
		*a->below = 1;
	idx_free(&ix);
	return bad;
}


/*
 * Tally and write the scores of one document.  Returns a bit set: 1 a
 * malformed check was met (reported), 2 the document scores below min.
 * A batch with neither a doc record, a cell nor a check (the records
 * before the first doc record, say) gets no score.
 */
static int
score_doc(const struct docbuf *db, const struct idx *ix, const char *name,
    const struct dec *min)
{
	struct tally all, *tabs, *t;
	struct dec sc;
	const char *doc = ix->doc;
	size_t i, ntabs;
	int ret = 0;

	tabs = tallies(db, ix, &ntabs);
	if (ntabs == 0 && !(db->n > 0 && db->r[0].kind == REC_DOC)) {
		free(tabs);
		return 0;
	}
	memset(&all, 0, sizeof all);
	all.scope = "document";
	for (i = 0; i < ix->n; i++) {
		const struct idx_cell *c = &ix->c[i];

		t = tally_find(tabs, ntabs, c->table);
		if (c->state == IDX_UNKNOWN) {
			all.damaged++;
			t->damaged++;
		} else {
			all.cells++;
			t->cells++;
		}
		if (c->repaired) {
			all.repaired++;
			t->repaired++;
		}
	}
	for (i = 0; i < db->n; i++) {
		const struct srec *s = &db->r[i];

		if (s->kind != REC_CHECK)
			continue;
		t = tally_find(tabs, ntabs, s->f[K_TABLE]);
		ret |= add_check(&all, t, s, name);
		/* a batch without doc record or cells: the checks name it */
		if (*doc == '\0')
			doc = s->f[K_DOC];
	}
	sc = score_of(&all);
	tally_put(doc, &all, sc);
	if (min != NULL && dec_cmp(sc, *min) < 0)
		ret |= 2;
	qsort(tabs, ntabs, sizeof *tabs, cmp_order);
	for (i = 0; i < ntabs; i++)
		tally_put(doc, &tabs[i], score_of(&tabs[i]));
	free(tabs);
	return ret;
}

/*
 * An empty tally for each table that has cells or checks, sorted by id
 * for tally_find(): sorting, not a scan per record, so that a hostile
 * stream of many table ids costs O(n log n).
 */
static struct tally *
tallies(const struct docbuf *db, const struct idx *ix, size_t *np)
{
	const struct tpl_table *tt;
	struct tally *t;
	size_t i, j, n = 0, nt;

	/*
	 * A table's cells and checks mostly come in a run: a scope equal to
	 * the one before is left out now rather than after sorting.
	 */
	t = ecalloc(ix->n + db->n, sizeof *t);
	for (i = 0; i < ix->n; i++)
		if (n == 0 || strcmp(t[n - 1].scope, ix->c[i].table) != 0)
			t[n++].scope = ix->c[i].table;
	for (i = 0; i < db->n; i++)
		if (db->r[i].kind == REC_CHECK && (n == 0 ||
		    strcmp(t[n - 1].scope, db->r[i].f[K_TABLE]) != 0))
			t[n++].scope = db->r[i].f[K_TABLE];
	qsort(t, n, sizeof *t, cmp_scope);
	for (i = 0, j = 0; i < n; i++)
		if (j == 0 || strcmp(t[j - 1].scope, t[i].scope) != 0)
			t[j++] = t[i];
	tt = tpl_tables(&nt);
	for (i = 0; i < j; i++) {
		const struct tpl_table *p = tpl_by_id(t[i].scope);

		t[i].ord = p != NULL ? (long)(p - tt) : (long)nt;
	}
	*np = j;
	return t;
}

static struct tally *
tally_find(struct tally *t, size_t n, const char *scope)
{
	struct tally k;

	k.scope = scope;
	return bsearch(&k, t, n, sizeof *t, cmp_scope);
}

/* Count one check in the document and in its table.  Returns 1 if malformed. */
static int
add_check(struct tally *all, struct tally *t, const struct srec *s,
    const char *name)
{
	const char *st = s->f[K_STATUS];
	unsigned long rel;
	int bad = 0;

	if (strcmp(st, "pass") == 0) {
		all->pass++;
		t->pass++;
	} else if (strcmp(st, "rounding") == 0) {
		all->rounding++;
		t->rounding++;
	} else if (strcmp(st, "fail") == 0) {
		rel = fail_rel(s, name, &bad);
		all->fail++;
		t->fail++;
		all->failw += PPM + rel;
		t->failw += PPM + rel;
	} else if (strcmp(st, "unverifiable") == 0) {
		all->unverifiable++;
		t->unverifiable++;
	} else {
		warnmsg("%s:%lu: unknown check status '%s'", name, s->line, st);
		return 1;
	}
	all->checks++;
	t->checks++;
	return bad;
}

/*
 * The relative size of a failure, |lhs - rhs| / max(|lhs|, |rhs|), in
 * millionths rounded down and capped at PPM.  A failure without both
 * figures counts as the largest.
 */
static unsigned long
fail_rel(const struct srec *s, const char *name, int *bad)
{
	struct dec l, r, d, m;
	const char *lf = s->f[K_LHS], *rf = s->f[K_RHS];
	i128 q;

	if (*lf == '\0' || *rf == '\0')
		return PPM;
	if (dec_parse(lf, &l) != 0 || dec_parse(rf, &r) != 0) {
		warnmsg("%s:%lu: malformed figure in check '%s' / '%s'", name,
		    s->line, lf, rf);
		*bad = 1;
		return PPM;
	}
	if (dec_sub(l, r, &d) != 0)
		return PPM;
	d = dec_abs(d);
	m = dec_cmp(dec_abs(l), dec_abs(r)) >= 0 ? dec_abs(l) : dec_abs(r);
	if (m.v == 0)
		return PPM;
	q = (i128)d.v * PPM / m.v;
	return q > PPM ? PPM : (unsigned long)q;
}

/*
 * score = 100 × Q × K, rounded half up to 2 decimals, where
 *   Q = 1 - (Σ_fail (1 + rel)/2 + U/4) / max(checks, 1)
 *   K = 1 - (damaged + repaired/2) / max(cells + damaged, 1)
 * In integers, with weights in units of 1/(2 PPM) of a check:
 *   Q = (2 PPM N - Σ(PPM + rel_ppm) - (PPM/2) U) / (2 PPM N)
 *   K = (2T - 2 damaged - repaired) / 2T
 * and score in hundredths = round(10^4 Q K).  Each numerator lies between
 * 0 and its denominator, so the score lies between 0 and 100.
 */
static struct dec
score_of(const struct tally *t)
{
	i128 n = t->checks > 0 ? (i128)t->checks : 1;
	i128 tt = t->cells + t->damaged > 0 ? (i128)(t->cells + t->damaged) : 1;
	i128 qn, qd, kn, kd, num, den, cents;
	struct dec d;

	qd = 2 * (i128)PPM * n;
	qn = qd - t->failw - (i128)(PPM / 2) * t->unverifiable;
	kd = 2 * tt;
	kn = kd - 2 * (i128)t->damaged - (i128)t->repaired;
	if (qn < 0)
		qn = 0;
	if (kn < 0)
		kn = 0;
	num = 10000 * qn * kn;
	den = qd * kd;
	cents = (2 * num + den) / (2 * den);
	d.v = (int64_t)cents * (DEC_ONE / 100);
	d.dp = 2;
	return d;
}

static void
tally_put(const char *doc, const struct tally *t, struct dec sc)
{
	char buf[8][24], sbuf[DEC_STRLEN];
	const unsigned long v[8] = { t->checks, t->pass, t->rounding, t->fail,
		t->unverifiable, t->cells, t->damaged, t->repaired };
	const char *f[G_NF - 1];
	size_t i;

	f[G_DOC - 1] = doc;
	f[G_SCOPE - 1] = t->scope;
	f[G_SCORE - 1] = dec_str(sc, 2, sbuf);
	for (i = 0; i < 8; i++) {
		snprintf(buf[i], sizeof buf[i], "%lu", v[i]);
		f[G_CHECKS - 1 + i] = buf[i];
	}
	rec_put(stdout, "score", G_NF - 1, f);
}

static int
cmp_scope(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;

	return strcmp(x->scope, y->scope);
}

/* catalogue order, then other tables by id */
static int
cmp_order(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;

	if (x->ord != y->ord)
		return x->ord < y->ord ? -1 : 1;
	return strcmp(x->scope, y->scope);
}
