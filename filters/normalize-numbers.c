/*
 * normalize-numbers - give every cell and claim of a juesuan record stream
 * its exact value.
 *
 * Reads the stream (docs/stream.md) from the file operands, or stdin when
 * there are none or for '-', and writes it to stdout.  A cell's printed
 * text becomes its value, status and flags by the grammar of num.h; a
 * claim's printed text becomes its value in the claim's unit.  Every other
 * record passes through unchanged.
 *
 * Two rules look beyond one cell, so the stream is read one document at a
 * time (doc.h): a fraction printed alone (". 08") takes the integer in the
 * cell before it down with it, since the figure was split over the two;
 * and a column in which one figure was clearly cut off ("1, 547. (") has
 * its one-decimal figures ("86. 6") treated as cut too, since the page
 * edge cut the whole column, while elsewhere "65. 2" is a real 65.20.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "doc.h"
#include "num.h"
#include "rec.h"
#include "util.h"

#define SYNOPSIS \
	"normalize-numbers [-u unit] [--max-line n] [--max-records n] [file ...]"

/* What to do with a cell record (SKIP is 0: ecalloc'ed cells skip). */
enum { SKIP, PARSE, DONE };

/* The columns and row of a cell, for the rules across cells. */
struct key {
	const char *table, *rowcode, *rowlabel, *col;
	long cseq;		/* -1 when not a number */
};

struct cell {
	int what;		/* SKIP: not a cell, or repaired/ambiguous; */
				/* DONE: already normalised (blank, damaged, */
				/* ok with a value); PARSE: any other */
	int asis;		/* a percentage, or a count in another unit */
				/* (个, 分): printed as is, never scaled */
	struct num n;
	struct key k;
};

static int tounit = -1;		/* -u, as a power of ten of 元 */
static size_t maxline, maxrec;
static int status = EXIT_OK;
static struct cell *cells;	/* of the document being processed */

static void usage(void);
static doc_fn normalize_doc;
static void process(struct docbuf *, const char *);
static void rule_column(const size_t *, size_t);
static void rule_split(const size_t *, size_t);
static void put_cell(struct srec *, struct cell *, const char *);
static void convert_done(struct srec *, const struct cell *, const char *);
static void put_claim(struct srec *, const char *);
static void claim_amount(struct srec *, const char *);
static int strip_suffix(char *, const char *);
static int keycmp_col(const struct key *, const struct key *);
static int keycmp_row(const struct key *, const struct key *);
static int qcmp_col(const void *, const void *);
static int qcmp_row(const void *, const void *);
static int bcmp_col(const void *, const void *);
static int bcmp_row(const void *, const void *);
static long parse_cseq(const char *);

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "max-line", required_argument, NULL, 'L' },
		{ "max-records", required_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	util_init(argv[0]);
	opt_std(argc, argv, SYNOPSIS);
	while ((c = getopt_long(argc, argv, "u:", longopts, NULL)) != -1) {
		switch (c) {
		case 'L':
			maxline = parse_size(optarg, "--max-line");
			break;
		case 'R':
			maxrec = parse_size(optarg, "--max-records");
			break;
		case 'u':
			if ((tounit = num_unit(optarg)) < 0) {
				warnmsg("invalid unit '%s' for -u (元, 万元 or 亿元)",
				    optarg);
				usage();
			}
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;

	rec_put_version(stdout);
	if (doc_operands(argc, argv, maxline, maxrec, normalize_doc, NULL))
		status = EXIT_ERR;
	if (fshut(stdout, "stdout"))
		status = EXIT_ERR;
	return status;
}

static void
usage(void)
{
	usage_exit(SYNOPSIS);
}

/* one document: its figures read, its records written */
static int
normalize_doc(struct docbuf *db, const char *name, void *arg)
{
	size_t i;

	(void)arg;
	process(db, name);
	for (i = 0; i < db->n; i++)
		srec_put(stdout, &db->r[i]);
	return 0;
}


/* is word one of the comma-separated flags? */
static int
has_flag(const char *flags, const char *word)
{
	size_t n = strlen(word);

	while (*flags != '\0') {
		if (strncmp(flags, word, n) == 0 && (flags[n] == ',' || flags[n] == '\0'))
			return 1;
		flags = strchr(flags, ',');
		if (flags == NULL)
			break;
		flags++;
	}
	return 0;
}

static void
process(struct docbuf *db, const char *name)
{
	size_t i, nidx = 0, *idx;
	struct srec *s;
	struct cell *c;
	const char *st;

	cells = ecalloc(db->n, sizeof *cells);
	idx = ecalloc(db->n, sizeof *idx);
	for (i = 0; i < db->n; i++) {
		s = &db->r[i];
		c = &cells[i];
		if (s->kind != REC_CELL || s->nf != C_NF)
			continue;
		st = s->f[C_STATUS];
		/* reconcile's word on a cell is final */
		if (strcmp(st, "repaired") == 0 || strcmp(st, "ambiguous") == 0)
			continue;
		/* an "ok" without a value was never normalised */
		c->what = (strcmp(st, "ok") == 0 && s->f[C_VALUE][0] != '\0') ||
		    strcmp(st, "blank") == 0 || strcmp(st, "damaged") == 0 ?
		    DONE : PARSE;
		num_parse(s->f[C_RAW], &c->n);
		c->asis = c->n.pct || (s->f[C_UNIT][0] != '\0' &&
		    num_unit(s->f[C_UNIT]) < 0);
		if (c->asis)
			c->n.flags &= ~(unsigned)(NUM_ONEDECIMAL | NUM_NODECIMAL);
		/*
		 * parse-pdf-text flags "lost" a row that lost its printed 行次 and
		 * with it its figures, and "unplaced" the cells of a row whose
		 * figures it could not put in columns: their blank is not a
		 * printed nil, it is unknown.
		 */
		if (c->what == PARSE && c->n.status == NUM_BLANK &&
		    (has_flag(s->f[C_FLAGS], "lost") || has_flag(s->f[C_FLAGS], "unplaced")))
			c->n.status = NUM_DAMAGED;
		c->k.table = s->f[C_TABLE];
		c->k.rowcode = s->f[C_ROWCODE];
		c->k.rowlabel = s->f[C_ROWLABEL];
		c->k.col = s->f[C_COL];
		c->k.cseq = parse_cseq(s->f[C_CSEQ]);
		idx[nidx++] = i;
	}
	rule_column(idx, nidx);
	rule_split(idx, nidx);
	/* in stream order, so that messages come in line order */
	for (i = 0; i < db->n; i++) {
		s = &db->r[i];
		if (cells[i].what == PARSE)
			put_cell(s, &cells[i], name);
		else if (cells[i].what == DONE && tounit >= 0)
			convert_done(s, &cells[i], name);
		else if (s->kind == REC_CLAIM && s->nf == L_NF)
			put_claim(s, name);
	}
	free(idx);
	free(cells);
	cells = NULL;
}

/*
 * A figure that ends in junk or in a bare point shows the page edge or the
 * OCR cut its column; the column's other figures with one decimal ("86. 6"
 * for 86.63) were then most likely cut at the same place, and are damaged
 * rather than read as 86.60.  Figures in other columns are left alone.
 */
static void
rule_column(const size_t *idx, size_t nidx)
{
	size_t *cut, ncut = 0, i;
	struct cell *c;

	cut = ecalloc(nidx, sizeof *cut);
	for (i = 0; i < nidx; i++)
		if (cells[idx[i]].n.cut)
			cut[ncut++] = idx[i];
	if (ncut > 0) {
		qsort(cut, ncut, sizeof *cut, qcmp_col);
		for (i = 0; i < nidx; i++) {
			c = &cells[idx[i]];
			if (c->what != PARSE || c->n.status != NUM_OK ||
			    c->asis || c->n.val.dp != 1)
				continue;
			if (bsearch(&c->k, cut, ncut, sizeof *cut, bcmp_col) == NULL)
				continue;
			c->n.status = NUM_DAMAGED;
			c->n.flags |= NUM_TRUNCATED;
		}
	}
	free(cut);
}

/*
 * "868" | ". 08": the fraction alone is damaged by the grammar; the plain
 * integer in the same row, one column before, is the other half and is
 * no figure of its own either.  Joining them would be a guess (the cells
 * may be unrelated), so both are flagged and reconcile decides.
 */
static void
rule_split(const size_t *idx, size_t nidx)
{
	size_t *row, i;
	const size_t *hit;
	struct cell *c, *prev;
	struct key k;

	/* sorting every cell for a rule that rarely applies costs a tenth */
	for (i = 0; i < nidx; i++) {
		c = &cells[idx[i]];
		if (c->what == PARSE && (c->n.flags & NUM_SPLIT) != 0 &&
		    c->k.cseq > 1)
			break;
	}
	if (i == nidx)
		return;
	row = ereallocarray(NULL, nidx, sizeof *row);
	memcpy(row, idx, nidx * sizeof *row);
	qsort(row, nidx, sizeof *row, qcmp_row);
	for (i = 0; i < nidx; i++) {
		c = &cells[idx[i]];
		if (c->what != PARSE || (c->n.flags & NUM_SPLIT) == 0 ||
		    c->k.cseq <= 1)
			continue;
		k = c->k;
		k.cseq--;
		hit = bsearch(&k, row, nidx, sizeof *row, bcmp_row);
		if (hit == NULL)
			continue;
		prev = &cells[*hit];
		if (prev->what != PARSE || prev->n.status != NUM_OK ||
		    !prev->n.plain)
			continue;
		prev->n.status = NUM_DAMAGED;
		prev->n.flags |= NUM_SPLIT;
	}
	free(row);
}

/* Write the value, status and flags of a cell parsed in this run. */
static void
put_cell(struct srec *s, struct cell *c, const char *name)
{
	char buf[DEC_STRLEN], *flags;
	const char *value = "";
	struct dec d;
	int from;

	if (c->n.status == NUM_OK)
		value = dec_str(c->n.val, c->asis ? 0 : 2, buf);
	if (tounit >= 0 && !c->asis) {
		from = num_unit(s->f[C_UNIT]);
		if (from >= 0) {
			d = c->n.val;
			if (c->n.status == NUM_OK) {
				if (num_scale(&d, from, tounit) == 0)
					value = dec_str(d, 2, buf);
				else {
					value = "";
					c->n.status = NUM_DAMAGED;
					c->n.flags |= NUM_OVERFLOW;
				}
			}
			srec_set(s, C_UNIT, num_unit_name(tounit));
		} else if (s->f[C_UNIT][0] == '\0' && c->n.status == NUM_OK) {
			warnmsg("%s:%lu: cannot convert '%s' to %s: the cell has no unit",
			    name, s->line, s->f[C_RAW], num_unit_name(tounit));
			status = EXIT_ERR;
		}
	}
	flags = num_flags_merge(s->f[C_FLAGS], c->n.flags);
	srec_set(s, C_VALUE, value);
	srec_set(s, C_STATUS, num_status_name(c->n.status));
	srec_set(s, C_FLAGS, flags);
	free(flags);
}

/*
 * -u on a cell normalised before (by an earlier run): its value is in the
 * unit its record states, whatever the raw text shows, so convert that.
 */
static void
convert_done(struct srec *s, const struct cell *c, const char *name)
{
	char buf[DEC_STRLEN], *flags;
	struct dec d;
	int from;

	if (c->asis)
		return;
	from = num_unit(s->f[C_UNIT]);
	if (from < 0) {
		if (s->f[C_UNIT][0] == '\0' && s->f[C_VALUE][0] != '\0') {
			warnmsg("%s:%lu: cannot convert '%s' to %s: the cell has no unit",
			    name, s->line, s->f[C_VALUE], num_unit_name(tounit));
			status = EXIT_ERR;
		}
		return;
	}
	if (s->f[C_VALUE][0] != '\0') {
		if (dec_parse(s->f[C_VALUE], &d) != 0) {
			warnmsg("%s:%lu: cannot convert '%s' to %s: not a figure",
			    name, s->line, s->f[C_VALUE], num_unit_name(tounit));
			status = EXIT_ERR;
			return;
		}
		if (num_scale(&d, from, tounit) == 0)
			srec_set(s, C_VALUE, dec_str(d, 2, buf));
		else {
			flags = num_flags_merge(s->f[C_FLAGS], NUM_OVERFLOW);
			srec_set(s, C_VALUE, "");
			srec_set(s, C_STATUS, "damaged");
			srec_set(s, C_FLAGS, flags);
			free(flags);
		}
	}
	srec_set(s, C_UNIT, num_unit_name(tounit));
}

/*
 * A claim's value is filled once, from its raw text; a claim that has a
 * value was normalised before, and only -u still applies to it.  A claim
 * that is no figure keeps an empty value: claims have no flags, and the
 * raw text is kept for whoever looks.
 */
static void
put_claim(struct srec *s, const char *name)
{
	const char *q = s->f[L_QUANTITY];
	char buf[DEC_STRLEN], *raw;
	struct num n;

	if (strcmp(q, "amount") == 0) {
		claim_amount(s, name);
		return;
	}
	if (strcmp(q, "direction") == 0)
		return;		/* words, no figure: "决算数大于年初预算数" */
	if (strcmp(q, "percent") != 0 && strcmp(q, "count") != 0) {
		warnmsg("%s:%lu: claim of unknown quantity '%s'", name, s->line, q);
		status = EXIT_ERR;
		return;
	}
	if (s->f[L_VALUE][0] != '\0')
		return;
	raw = estrdup(s->f[L_RAW]);
	if (strcmp(q, "count") == 0)
		strip_suffix(raw, s->f[L_UNIT]);
	num_parse(raw, &n);
	free(raw);
	if (n.status != NUM_OK)
		return;
	if (strcmp(q, "count") == 0 && (n.pct || n.val.dp != 0 || n.val.v < 0))
		return;
	srec_set(s, L_VALUE, dec_str(n.val, 0, buf));
}

/*
 * An amount claim's raw text usually carries its unit ("1, 731. 95万元");
 * the value is written in the claim's unit field, or in -u's unit, and
 * the field is filled in when the text alone names it.
 */
static void
claim_amount(struct srec *s, const char *name)
{
	char buf[DEC_STRLEN], *raw;
	int field = num_unit(s->f[L_UNIT]), from, to;
	struct num n;
	struct dec d;

	if (s->f[L_VALUE][0] != '\0') {
		if (tounit < 0)
			return;
		if (field < 0 || dec_parse(s->f[L_VALUE], &d) != 0) {
			warnmsg("%s:%lu: cannot convert '%s' to %s: unit '%s' is not 元, 万元 or 亿元",
			    name, s->line, s->f[L_VALUE], num_unit_name(tounit),
			    s->f[L_UNIT]);
			status = EXIT_ERR;
			return;
		}
		if (num_scale(&d, field, tounit) == 0)
			srec_set(s, L_VALUE, dec_str(d, 2, buf));
		else
			srec_set(s, L_VALUE, "");
		srec_set(s, L_UNIT, num_unit_name(tounit));
		return;
	}
	raw = estrdup(s->f[L_RAW]);
	from = num_strip_unit(raw);
	num_parse(raw, &n);
	free(raw);
	if (from < 0)
		from = field;
	to = tounit >= 0 ? tounit : field >= 0 ? field : from;
	if (n.status != NUM_OK || n.pct) {
		if (to >= 0 && to != field)
			srec_set(s, L_UNIT, num_unit_name(to));
		return;
	}
	d = n.val;
	if (from < 0) {
		if (tounit >= 0) {
			warnmsg("%s:%lu: cannot convert '%s' to %s: the claim has no unit",
			    name, s->line, s->f[L_RAW], num_unit_name(tounit));
			status = EXIT_ERR;
		}
		srec_set(s, L_VALUE, dec_str(d, 2, buf));
		return;
	}
	if (num_scale(&d, from, to) == 0)
		srec_set(s, L_VALUE, dec_str(d, 2, buf));
	if (to != field)
		srec_set(s, L_UNIT, num_unit_name(to));
}

/* Cut suffix (and the spaces before it) off the end of s; 1 if it was there. */
static int
strip_suffix(char *s, const char *suffix)
{
	size_t len = strlen(s), n = strlen(suffix);

	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (n == 0 || len < n || memcmp(s + len - n, suffix, n) != 0)
		return 0;
	len -= n;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	s[len] = '\0';
	return 1;
}

static long
parse_cseq(const char *s)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	return v;
}

static int
keycmp_col(const struct key *a, const struct key *b)
{
	int r;

	if ((r = strcmp(a->table, b->table)) != 0)
		return r;
	return strcmp(a->col, b->col);
}

static int
keycmp_row(const struct key *a, const struct key *b)
{
	int r;

	if ((r = strcmp(a->table, b->table)) != 0)
		return r;
	if ((r = strcmp(a->rowcode, b->rowcode)) != 0)
		return r;
	if ((r = strcmp(a->rowlabel, b->rowlabel)) != 0)
		return r;
	return (a->cseq > b->cseq) - (a->cseq < b->cseq);
}

/* qsort and bsearch work on indices into cells[]; bsearch keys are keys. */
static int
qcmp_col(const void *a, const void *b)
{
	return keycmp_col(&cells[*(const size_t *)a].k,
	    &cells[*(const size_t *)b].k);
}

static int
qcmp_row(const void *a, const void *b)
{
	return keycmp_row(&cells[*(const size_t *)a].k,
	    &cells[*(const size_t *)b].k);
}

static int
bcmp_col(const void *key, const void *b)
{
	return keycmp_col(key, &cells[*(const size_t *)b].k);
}

static int
bcmp_row(const void *key, const void *b)
{
	return keycmp_row(key, &cells[*(const size_t *)b].k);
}
