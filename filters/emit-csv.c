/*
 * emit-csv - write the record stream as CSV: the last stage of the chain.
 *
 * Reads a juesuan stream (docs/stream.md) one document at a time and
 * writes minimal RFC 4180 CSV through libcsv, one of facts (cell
 * records), checks, scores or claims to stdout, or with -o a directory per
 * document holding all four and each table in its printed wide shape.
 * Lines end in LF, not CRLF, so that diff(1), sort(1) and grep(1) see one
 * line per row.  Other record kinds are ignored: this is the sink.
 *
 * Output is byte-identical across runs and locales: rows are put in a
 * total order (ties broken by stream order), strings compare with
 * strcmp(), never strcoll(), figures are copied as the stream holds them
 * (already C-locale decimals) and nothing records a time or a path.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "rec.h"
#include "tpl.h"
#include "util.h"

#define SYNOPSIS "emit-csv [-o dir | -t kind] [--max-line n] [--max-records n] [file ...]"

enum { OUT_FACTS, OUT_CHECKS, OUT_SCORES, OUT_CLAIMS, OUT_NKINDS };

/* One document's records of each output kind, as indices into db->r. */
struct docview {
	const struct docbuf *db;
	const char *name;		/* input name, for messages */
	const char *year, *unit;	/* from the doc record; "" without one */
	size_t *cell, ncell;		/* facts order */
	size_t *check, ncheck;		/* table id, then stream order */
	size_t *score, nscore;		/* scope "document" first */
	size_t *claim, nclaim;		/* stream order */
	size_t *table, ntable;		/* table records, for printed titles */
};

static const char *const kindname[OUT_NKINDS] = {
	"facts", "checks", "scores", "claims"
};

static const char *const header[OUT_NKINDS][17] = {
	{ "doc", "year", "unit_name", "table", "table_title", "row_code",
	  "row_label", "row_no", "column", "column_no", "value", "unit", "raw",
	  "status", "source", "flags", NULL },
	{ "doc", "rule", "table", "status", "lhs", "rhs", "diff", "tolerance",
	  "cells", "message", NULL },
	{ "doc", "scope", "score", "checks", "pass", "rounding", "fail",
	  "unverifiable", "cells", "damaged", "repaired", NULL },
	{ "doc", "section", "subject", "relation", "quantity", "value", "unit",
	  "raw", "source", "context", NULL },
};

static const char *oflag;	/* -o: output directory */
static size_t maxline;		/* --max-line, 0 = the default */
static size_t maxrec;		/* --max-records, 0 = the default */

static struct option longopts[] = {
	{ "max-line", required_argument, NULL, 'L' },
	{ "max-records", required_argument, NULL, 'R' },
	{ NULL, 0, NULL, 0 },
};
static int tflag = OUT_FACTS;	/* -t: the kind written to stdout */
static int tset;		/* -t was given */
static mode_t fmode;		/* mode of created files: 0666 less umask */

/*
 * A cell's rseq or cseq as cmp_num() orders it, read once before sorting:
 * a string of at most 18 significant digits is its value, so that two of
 * them compare as integers.  num is 0 for anything else, which compares
 * with cmp_num() on the string.
 */
struct seqkey {
	uint64_t v;
	const char *s;
	int num;
};

/* qsort() has no context argument: the batch being sorted, its cells' keys */
static const struct docbuf *sortdb;
static struct seqkey (*sortseq)[2];	/* by record index: rseq, cseq */

static void usage(void);
static doc_fn emit_one;
static int emit_doc(const struct docbuf *db, const char *name);
static void view_build(struct docview *v, const struct docbuf *db,
    const char *name);
static void view_free(struct docview *v);
static int cmp_num(const char *a, const char *b);
static void seq_key(struct seqkey *k, const char *s);
static int cmp_seq(const struct seqkey *a, const struct seqkey *b);
static int cmp_cell(const void *pa, const void *pb);
static int cmp_wide(const void *pa, const void *pb);
static int cmp_check(const void *pa, const void *pb);
static int cmp_col(const struct docview *v, size_t ia, size_t ib);
static const char *table_title(const struct docview *v, const char *id);
static void put_field(const char *s, int first);
static void put_line(FILE *fp, const char *const *f, size_t n);
static void put_header(FILE *fp, int kind);
static void put_rows(FILE *fp, int kind, const struct docview *v);
static void put_wide(FILE *fp, const struct docview *v, const size_t *c,
    size_t n, const char *out);
static int emit_dir(const struct docview *v);
static int emit_file(const struct docview *v, const char *dir,
    const char *base, int kind, const size_t *c, size_t n);
static int emit_tables(const struct docview *v, const char *dir);
static int sweep(const char *tdir, const char *const *ids, size_t nids);
static int valid_name(const char *s);
static char *path_join(const char *a, const char *b);
static int mkdir_one(const char *path);
static int mkdirs(const char *path);

static void
usage(void)
{
	usage_exit(SYNOPSIS);
}

int
main(int argc, char *argv[])
{
	char *dir;
	mode_t mask;
	size_t n;
	int c, i, status = EXIT_OK;

	util_init(argv[0]);
	opt_std(argc, argv, SYNOPSIS);
	/* our own messages: glibc's would name argv[0] as typed, path and all */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:t:", longopts, NULL)) != -1) {
		switch (c) {
		case 'L':
			maxline = parse_size(optarg, "--max-line");
			break;
		case 'R':
			maxrec = parse_size(optarg, "--max-records");
			break;
		case 'o':
			oflag = optarg;
			break;
		case 't':
			for (i = 0; i < OUT_NKINDS; i++)
				if (strcmp(optarg, kindname[i]) == 0)
					break;
			if (i == OUT_NKINDS) {
				warnmsg("unknown kind '%s' for -t (facts, checks, scores or claims)",
				    optarg);
				usage();
			}
			tflag = i;
			tset = 1;
			break;
		case ':':
			warnmsg("option '-%c' needs an argument", optopt);
			usage();
			break;
		default:
			warnmsg("unknown option '-%c'", optopt);
			usage();
		}
	}
	argc -= optind;
	argv += optind;

	if (oflag != NULL && tset) {
		warnmsg("-o and -t cannot be used together");
		usage();
	}
	if (oflag != NULL) {
		if (*oflag == '\0') {
			warnmsg("empty directory name for -o");
			usage();
		}
		/* "out/" and "out" must name files alike in messages */
		dir = estrdup(oflag);
		for (n = strlen(dir); n > 1 && dir[n - 1] == '/'; n--)
			dir[n - 1] = '\0';
		oflag = dir;
		if (mkdirs(oflag) == -1)
			die("cannot create directory '%s':", oflag);
		mask = umask(0);
		umask(mask);
		fmode = 0666 & ~mask;
	} else {
		put_header(stdout, tflag);
	}

	if (doc_operands(argc, argv, maxline, maxrec, emit_one, NULL))
		status = EXIT_ERR;
	if (fshut(stdout, "stdout"))
		status = EXIT_ERR;
	return status ? EXIT_ERR : EXIT_OK;
}

/*
 * One document.  A document cut short by a stream error never gets here
 * (doc_each): a partial document would look complete to whoever reads the
 * CSV.
 */
static int
emit_one(struct docbuf *db, const char *name, void *arg)
{
	(void)arg;
	return emit_doc(db, name);
}

/* emit_doc - write one batch; returns EXIT_OK or EXIT_ERR (reported). */
static int
emit_doc(const struct docbuf *db, const char *name)
{
	struct docview v;
	int status = EXIT_OK;

	view_build(&v, db, name);
	if (oflag != NULL)
		status = emit_dir(&v);
	else
		put_rows(stdout, tflag, &v);
	view_free(&v);
	return status;
}

/*
 * view_build - index the batch's records by kind and sort them into
 * output order.  The records stay in db; v only points at them.
 */
static void
view_build(struct docview *v, const struct docbuf *db, const char *name)
{
	size_t i;

	memset(v, 0, sizeof *v);
	v->db = db;
	v->name = name;
	v->year = v->unit = "";
	if (db->n > 0 && db->r[0].kind == REC_DOC) {
		v->year = db->r[0].f[D_YEAR];
		v->unit = db->r[0].f[D_UNIT];
	}
	v->cell = ereallocarray(NULL, db->n, sizeof *v->cell);
	v->check = ereallocarray(NULL, db->n, sizeof *v->check);
	v->score = ereallocarray(NULL, db->n, sizeof *v->score);
	v->claim = ereallocarray(NULL, db->n, sizeof *v->claim);
	v->table = ereallocarray(NULL, db->n, sizeof *v->table);
	for (i = 0; i < db->n; i++) {
		switch (db->r[i].kind) {
		case REC_CELL:
			v->cell[v->ncell++] = i;
			break;
		case REC_CHECK:
			v->check[v->ncheck++] = i;
			break;
		case REC_CLAIM:
			v->claim[v->nclaim++] = i;
			break;
		case REC_TABLE:
			v->table[v->ntable++] = i;
			break;
		}
	}
	/* scores: the document's own first, the rest as they came */
	for (i = 0; i < db->n; i++)
		if (db->r[i].kind == REC_SCORE &&
		    strcmp(db->r[i].f[G_SCOPE], "document") == 0)
			v->score[v->nscore++] = i;
	for (i = 0; i < db->n; i++)
		if (db->r[i].kind == REC_SCORE &&
		    strcmp(db->r[i].f[G_SCOPE], "document") != 0)
			v->score[v->nscore++] = i;
	sortdb = db;
	sortseq = ereallocarray(sortseq, db->n > 0 ? db->n : 1, sizeof *sortseq);
	for (i = 0; i < v->ncell; i++) {
		seq_key(&sortseq[v->cell[i]][0], db->r[v->cell[i]].f[C_RSEQ]);
		seq_key(&sortseq[v->cell[i]][1], db->r[v->cell[i]].f[C_CSEQ]);
	}
	qsort(v->cell, v->ncell, sizeof *v->cell, cmp_cell);
	qsort(v->check, v->ncheck, sizeof *v->check, cmp_check);
}

static void
view_free(struct docview *v)
{
	free(v->cell);
	free(v->check);
	free(v->score);
	free(v->claim);
	free(v->table);
}

/*
 * cmp_num - order the sequence fields rseq and cseq: decimal digit strings
 * by value, of any length (no overflow to guard against), before anything
 * else, which compares with strcmp().  The stream promises digits, but a
 * sink should order whatever it is given the same way every time.
 */
static int
cmp_num(const char *a, const char *b)
{
	size_t la, lb;
	int na, nb;

	na = *a != '\0' && strspn(a, "0123456789") == strlen(a);
	nb = *b != '\0' && strspn(b, "0123456789") == strlen(b);
	if (na != nb)
		return na ? -1 : 1;
	if (!na)
		return strcmp(a, b);
	while (a[0] == '0' && a[1] != '\0')
		a++;
	while (b[0] == '0' && b[1] != '\0')
		b++;
	la = strlen(a);
	lb = strlen(b);
	if (la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a, b);
}

static void
seq_key(struct seqkey *k, const char *s)
{
	const char *p;

	k->s = s;
	k->num = 0;
	k->v = 0;
	for (p = s; *p >= '0' && *p <= '9'; p++)
		;
	if (p == s || *p != '\0')
		return;
	while (s[0] == '0' && s[1] != '\0')
		s++;
	if (p - s > 18)
		return;
	for (; s < p; s++)
		k->v = 10 * k->v + (uint64_t)(*s - '0');
	k->num = 1;
}

static int
cmp_seq(const struct seqkey *a, const struct seqkey *b)
{
	if (a->num && b->num)
		return a->v < b->v ? -1 : a->v > b->v;
	return cmp_num(a->s, b->s);
}

#define STREAM_ORDER(ia, ib) ((ia) < (ib) ? -1 : (ia) > (ib))

/* facts: table id, rseq, cseq, then stream order */
static int
cmp_cell(const void *pa, const void *pb)
{
	size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
	char **a = sortdb->r[ia].f, **b = sortdb->r[ib].f;
	int c;

	if ((c = strcmp(a[C_TABLE], b[C_TABLE])) != 0)
		return c;
	if ((c = cmp_seq(&sortseq[ia][0], &sortseq[ib][0])) != 0)
		return c;
	if ((c = cmp_seq(&sortseq[ia][1], &sortseq[ib][1])) != 0)
		return c;
	return STREAM_ORDER(ia, ib);
}

/*
 * wide tables: as facts, but cells that share an rseq and not the row
 * itself (a stream that numbers two rows alike) are kept apart, so each
 * line of a wide table is one row.
 */
static int
cmp_wide(const void *pa, const void *pb)
{
	size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
	char **a = sortdb->r[ia].f, **b = sortdb->r[ib].f;
	int c;

	if ((c = strcmp(a[C_TABLE], b[C_TABLE])) != 0)
		return c;
	if ((c = cmp_seq(&sortseq[ia][0], &sortseq[ib][0])) != 0)
		return c;
	if ((c = strcmp(a[C_ROWCODE], b[C_ROWCODE])) != 0)
		return c;
	if ((c = strcmp(a[C_ROWLABEL], b[C_ROWLABEL])) != 0)
		return c;
	if ((c = strcmp(a[C_ROWNO], b[C_ROWNO])) != 0)
		return c;
	if ((c = cmp_seq(&sortseq[ia][1], &sortseq[ib][1])) != 0)
		return c;
	return STREAM_ORDER(ia, ib);
}

/* checks: table id, then stream order */
static int
cmp_check(const void *pa, const void *pb)
{
	size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
	int c;

	c = strcmp(sortdb->r[ia].f[K_TABLE], sortdb->r[ib].f[K_TABLE]);
	return c != 0 ? c : STREAM_ORDER(ia, ib);
}

/* extra wide-table columns: by the cseq of their first cell, which came first */
static int
cmp_col(const struct docview *v, size_t ia, size_t ib)
{
	int c;

	c = cmp_num(v->db->r[ia].f[C_CSEQ], v->db->r[ib].f[C_CSEQ]);
	return c != 0 ? c : STREAM_ORDER(ia, ib);
}

/*
 * table_title - the canonical title, the same every year whatever was
 * printed; for a table the catalogue does not know, the title printed in
 * this document's first table record with that id, else "".
 */
static const char *
table_title(const struct docview *v, const char *id)
{
	static const struct tpl_table *last;
	const struct tpl_table *t;
	size_t i;

	/* facts come table by table: the catalogue is searched once a run */
	if (last != NULL && strcmp(last->id, id) == 0)
		return last->title;
	if ((t = tpl_by_id(id)) != NULL) {
		last = t;
		return t->title;
	}
	for (i = 0; i < v->ntable; i++)
		if (strcmp(v->db->r[v->table[i]].f[T_ID], id) == 0)
			return v->db->r[v->table[i]].f[T_TITLE];
	return "";
}

/*
 * The CSV line being built: written with one fwrite per line rather than
 * a call per field.
 */
static char *csvline;
static size_t csvlen, csvcap;

static void
line_reserve(size_t n)
{
	if (csvlen + n <= csvcap)
		return;
	csvcap = csvcap ? 2 * csvcap : 1024;
	if (csvcap < csvlen + n)
		csvcap = csvlen + n;
	csvline = erealloc(csvline, csvcap);
}

/*
 * put_field - add one CSV field to the line, quoted only when a reader
 * needs the quotes: for a comma, quote, CR or LF inside, or white space at
 * either end (which some readers trim).  Minimal quoting keeps plain
 * fields greppable and diffs small.
 */
static void
put_field(const char *s, int first)
{
	size_t n = strcspn(s, ",\"\r\n");

	line_reserve(1);
	if (!first)
		csvline[csvlen++] = ',';
	if (s[n] != '\0' || (n > 0 && (s[0] == ' ' || s[0] == '\t' ||
	    s[n - 1] == ' ' || s[n - 1] == '\t'))) {
		n += strlen(s + n);
		/* quoted, its quotes doubled: at most 2n + 2 bytes */
		line_reserve(2 * n + 2);
		csvlen += csv_write(csvline + csvlen, 2 * n + 2, s, n);
		return;
	}
	line_reserve(n);
	memcpy(csvline + csvlen, s, n);
	csvlen += n;
}

static void
put_line(FILE *fp, const char *const *f, size_t n)
{
	size_t i;

	csvlen = 0;
	for (i = 0; i < n; i++)
		put_field(f[i], i == 0);
	line_reserve(1);
	csvline[csvlen++] = '\n';
	fwrite(csvline, 1, csvlen, fp);
}

static void
put_header(FILE *fp, int kind)
{
	size_t n;

	for (n = 0; header[kind][n] != NULL; n++)
		;
	put_line(fp, header[kind], n);
}

/* put_rows - the document's rows of one kind, in output order, no header */
static void
put_rows(FILE *fp, int kind, const struct docview *v)
{
	const char *o[16];
	char **f;
	size_t i;

	switch (kind) {
	case OUT_FACTS:
		for (i = 0; i < v->ncell; i++) {
			f = v->db->r[v->cell[i]].f;
			o[0] = f[C_DOC];
			o[1] = v->year;
			o[2] = v->unit;
			o[3] = f[C_TABLE];
			o[4] = table_title(v, f[C_TABLE]);
			o[5] = f[C_ROWCODE];
			o[6] = f[C_ROWLABEL];
			o[7] = f[C_ROWNO];
			o[8] = f[C_COL];
			o[9] = f[C_COLNO];
			o[10] = f[C_VALUE];
			o[11] = f[C_UNIT];
			o[12] = f[C_RAW];
			o[13] = f[C_STATUS];
			o[14] = f[C_POS];
			o[15] = f[C_FLAGS];
			put_line(fp, o, 16);
		}
		break;
	case OUT_CHECKS:
		/* the record's fields after its kind are the columns, in order */
		for (i = 0; i < v->ncheck; i++)
			put_line(fp, (const char *const *)v->db->r[v->check[i]].f + 1,
			    K_NF - 1);
		break;
	case OUT_SCORES:
		for (i = 0; i < v->nscore; i++)
			put_line(fp, (const char *const *)v->db->r[v->score[i]].f + 1,
			    G_NF - 1);
		break;
	case OUT_CLAIMS:
		for (i = 0; i < v->nclaim; i++) {
			f = v->db->r[v->claim[i]].f;
			o[0] = f[L_DOC];
			o[1] = f[L_SECTION];
			o[2] = f[L_SUBJECT];
			o[3] = f[L_RELATION];
			o[4] = f[L_QUANTITY];
			o[5] = f[L_VALUE];
			o[6] = f[L_UNIT];
			o[7] = f[L_RAW];
			o[8] = f[L_POS];
			o[9] = f[L_CONTEXT];
			put_line(fp, o, 10);
		}
		break;
	}
}

/*
 * put_wide - one table in its wide shape: row_code, row_label, row_no,
 * then the catalogue's columns in 栏次 order, then any column the
 * catalogue lacks (all of them for a table it does not know) by cseq and
 * first appearance.  c[0..n) are the table's cells in cmp_wide() order.
 * A second cell for the same row and column cannot show: it is reported
 * and stays in facts.csv only.  out names the file, for that message.
 */
static void
put_wide(FILE *fp, const struct docview *v, const size_t *c, size_t n,
    const char *out)
{
	const struct tpl_table *t;
	const char **name, **val, **line;
	const char *s;
	char **f, **g;
	size_t *first, *from, i, j, k, ncol, nfix, row;

	t = tpl_by_id(v->db->r[c[0]].f[C_TABLE]);
	nfix = t != NULL ? t->ncols : 0;
	name = ereallocarray(NULL, nfix + n, sizeof *name);
	first = ereallocarray(NULL, nfix + n, sizeof *first);
	for (ncol = 0; ncol < nfix; ncol++)
		name[ncol] = t->cols[ncol];
	for (i = 0; i < n; i++) {
		f = v->db->r[c[i]].f;
		for (j = 0; j < ncol && strcmp(name[j], f[C_COL]) != 0; j++)
			;
		if (j == ncol) {
			name[ncol] = f[C_COL];
			first[ncol++] = c[i];
		} else if (j >= nfix && c[i] < first[j]) {
			first[j] = c[i];
		}
	}
	/* the extra columns by the cseq of their first cell (few: insertion sort) */
	for (i = nfix + 1; i < ncol; i++)
		for (j = i; j > nfix && cmp_col(v, first[j - 1], first[j]) > 0; j--) {
			s = name[j], name[j] = name[j - 1], name[j - 1] = s;
			k = first[j], first[j] = first[j - 1], first[j - 1] = k;
		}

	line = ereallocarray(NULL, ncol + 3, sizeof *line);
	val = line + 3;
	from = ereallocarray(NULL, ncol, sizeof *from);
	line[0] = "row_code";
	line[1] = "row_label";
	line[2] = "row_no";
	for (j = 0; j < ncol; j++)
		val[j] = name[j];
	put_line(fp, line, ncol + 3);

	for (row = 0; row < n; row = i) {
		g = v->db->r[c[row]].f;
		line[0] = g[C_ROWCODE];
		line[1] = g[C_ROWLABEL];
		line[2] = g[C_ROWNO];
		for (j = 0; j < ncol; j++)
			val[j] = NULL;
		for (i = row; i < n; i++) {
			f = v->db->r[c[i]].f;
			if (i > row && (cmp_seq(&sortseq[c[i]][0],
			    &sortseq[c[row]][0]) != 0 ||
			    strcmp(f[C_ROWCODE], g[C_ROWCODE]) != 0 ||
			    strcmp(f[C_ROWLABEL], g[C_ROWLABEL]) != 0 ||
			    strcmp(f[C_ROWNO], g[C_ROWNO]) != 0))
				break;
			for (j = 0; strcmp(name[j], f[C_COL]) != 0; j++)
				;
			if (val[j] != NULL) {
				warnmsg("%s:%lu: second cell for %s[%s].%s left out of '%s' (first on line %lu)",
				    v->name, v->db->r[c[i]].line, f[C_TABLE],
				    f[C_ROWCODE][0] != '\0' ? f[C_ROWCODE] : f[C_ROWLABEL],
				    f[C_COL], out, v->db->r[from[j]].line);
				continue;
			}
			/* blank and damaged cells have no figure to show */
			if (strcmp(f[C_STATUS], "blank") == 0 ||
			    strcmp(f[C_STATUS], "damaged") == 0)
				val[j] = "";
			else
				val[j] = f[C_VALUE];
			from[j] = c[i];
		}
		for (j = 0; j < ncol; j++)
			if (val[j] == NULL)
				val[j] = "";
		put_line(fp, line, ncol + 3);
	}
	free(from);
	free(line);
	free(first);
	free(name);
}

/*
 * emit_dir - write the document's directory under -o: facts, checks,
 * scores and claims always (a header alone says "none"), and tables/ for
 * the tables that have cells.  Returns EXIT_OK or EXIT_ERR (reported);
 * a file that could not be written leaves its previous version in place.
 */
static int
emit_dir(const struct docview *v)
{
	const struct docbuf *db = v->db;
	const char *id;
	char *dir, *tdir;
	size_t i;
	int status = EXIT_OK;

	if (db->n == 0 || db->r[0].kind != REC_DOC) {
		/* no doc record, no directory name: only a problem if it costs output */
		for (i = 0; i < db->n; i++) {
			id = db->r[i].f[0];
			if (db->r[i].kind == REC_CELL || db->r[i].kind == REC_CHECK ||
			    db->r[i].kind == REC_SCORE || db->r[i].kind == REC_CLAIM) {
				warnmsg("%s:%lu: '%s' record before any 'doc' record: no directory to write it to",
				    v->name, db->r[i].line, id);
				return EXIT_ERR;
			}
		}
		return EXIT_OK;
	}
	id = doc_id(db);
	if (!valid_name(id)) {
		warnmsg("%s:%lu: document id '%s' cannot be a directory name (empty, '.', '..' or with '/'): document skipped",
		    v->name, db->r[0].line, id);
		return EXIT_ERR;
	}
	dir = path_join(oflag, id);
	if (mkdir_one(dir) == -1) {
		warnmsg("cannot create directory '%s':", dir);
		free(dir);
		return EXIT_ERR;
	}
	status |= emit_file(v, dir, "facts.csv", OUT_FACTS, NULL, 0);
	status |= emit_file(v, dir, "checks.csv", OUT_CHECKS, NULL, 0);
	status |= emit_file(v, dir, "scores.csv", OUT_SCORES, NULL, 0);
	status |= emit_file(v, dir, "claims.csv", OUT_CLAIMS, NULL, 0);
	tdir = path_join(dir, "tables");
	if (v->ncell > 0) {
		status |= emit_tables(v, tdir);
	} else {
		/* tables/ exists only for tables with cells, even after a rerun */
		status |= sweep(tdir, NULL, 0);
		if (rmdir(tdir) == -1 && errno != ENOENT && errno != ENOTEMPTY &&
		    errno != EEXIST) {
			warnmsg("cannot remove directory '%s':", tdir);
			status = EXIT_ERR;
		}
	}
	free(tdir);
	free(dir);
	return status;
}

/*
 * emit_file - write dir/base through a temporary beside it and rename()
 * it into place, so a reader (or a killed run) never sees half a CSV.
 * kind is OUT_FACTS..OUT_CLAIMS, or -1 for the wide table of cells
 * c[0..n).  The temporary is a dot file, which sweep() leaves alone.
 * Returns EXIT_OK, or EXIT_ERR after reporting and removing the
 * temporary.
 */
static int
emit_file(const struct docview *v, const char *dir, const char *base,
    int kind, const size_t *c, size_t n)
{
	FILE *fp;
	char *path, *tmp;
	size_t len;
	int bad = 0, fd;

	path = path_join(dir, base);
	len = strlen(dir) + strlen(base) + sizeof "/..XXXXXX";
	tmp = emalloc(len);
	snprintf(tmp, len, "%s/.%s.XXXXXX", dir, base);
	if ((fd = mkstemp(tmp)) == -1) {
		warnmsg("cannot create '%s':", tmp);
		free(tmp);
		free(path);
		return EXIT_ERR;
	}
	/* mkstemp() makes 0600; the CSVs are as readable as any new file */
	if (fchmod(fd, fmode) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		warnmsg("cannot write '%s':", tmp);
		close(fd);
		unlink(tmp);
		free(tmp);
		free(path);
		return EXIT_ERR;
	}
	if (kind < 0) {
		put_wide(fp, v, c, n, path);
	} else {
		put_header(fp, kind);
		put_rows(fp, kind, v);
	}
	if (fflush(fp) == EOF || ferror(fp))
		bad = 1;
	if (fclose(fp) == EOF)
		bad = 1;
	if (bad)
		warnmsg("write error on '%s':", path);
	else if (rename(tmp, path) == -1) {
		warnmsg("cannot rename '%s' to '%s':", tmp, path);
		bad = 1;
	}
	if (bad)
		unlink(tmp);
	free(tmp);
	free(path);
	return bad ? EXIT_ERR : EXIT_OK;
}

/*
 * emit_tables - write tdir/ID.csv for each table with cells, then remove
 * the ID.csv files a previous run left for tables this document no longer
 * has.  A table id unfit for a file name is reported and its wide file
 * skipped; its cells are in facts.csv all the same.
 */
static int
emit_tables(const struct docview *v, const char *tdir)
{
	const char **ids;
	char **f, *base;
	size_t *c, i, j, nids = 0;
	int status = EXIT_OK;

	if (mkdir_one(tdir) == -1) {
		warnmsg("cannot create directory '%s':", tdir);
		return EXIT_ERR;
	}
	c = ereallocarray(NULL, v->ncell, sizeof *c);
	memcpy(c, v->cell, v->ncell * sizeof *c);
	sortdb = v->db;
	qsort(c, v->ncell, sizeof *c, cmp_wide);
	ids = ereallocarray(NULL, v->ncell, sizeof *ids);
	for (i = 0; i < v->ncell; i = j) {
		f = v->db->r[c[i]].f;
		for (j = i + 1; j < v->ncell &&
		    strcmp(v->db->r[c[j]].f[C_TABLE], f[C_TABLE]) == 0; j++)
			;
		if (!valid_name(f[C_TABLE])) {
			warnmsg("%s:%lu: table id '%s' cannot be a file name (empty, '.', '..' or with '/'): its wide table skipped",
			    v->name, v->db->r[c[i]].line, f[C_TABLE]);
			status = EXIT_ERR;
			continue;
		}
		ids[nids++] = f[C_TABLE];
		base = emalloc(strlen(f[C_TABLE]) + sizeof ".csv");
		strcpy(base, f[C_TABLE]);
		strcat(base, ".csv");
		status |= emit_file(v, tdir, base, -1, c + i, j - i);
		free(base);
	}
	status |= sweep(tdir, ids, nids);
	free(ids);
	free(c);
	return status;
}

/*
 * sweep - remove tdir/NAME.csv unless NAME is one of ids[0..nids), so a
 * rerun over an old output directory leaves no table the input no longer
 * has.  Dot files (our temporaries, perhaps another run's) and files not
 * ending in .csv are not ours to remove.  A missing tdir is fine.
 */
static int
sweep(const char *tdir, const char *const *ids, size_t nids)
{
	struct dirent *e;
	DIR *d;
	char *path;
	size_t i, len;
	int status = EXIT_OK;

	if ((d = opendir(tdir)) == NULL) {
		if (errno == ENOENT)
			return EXIT_OK;
		warnmsg("cannot read directory '%s':", tdir);
		return EXIT_ERR;
	}
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len <= 4 ||
		    strcmp(e->d_name + len - 4, ".csv") != 0)
			continue;
		for (i = 0; i < nids; i++)
			if (strlen(ids[i]) == len - 4 &&
			    strncmp(ids[i], e->d_name, len - 4) == 0)
				break;
		if (i < nids)
			continue;
		path = path_join(tdir, e->d_name);
		if (unlink(path) == -1 && errno != ENOENT) {
			warnmsg("cannot remove '%s':", path);
			status = EXIT_ERR;
		}
		free(path);
	}
	closedir(d);
	return status;
}

/* valid_name - can s name one directory entry of ours? */
static int
valid_name(const char *s)
{
	return *s != '\0' && strcmp(s, ".") != 0 && strcmp(s, "..") != 0 &&
	    strchr(s, '/') == NULL;
}

/* path_join - "a/b", malloc'ed */
static char *
path_join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *p = emalloc(la + lb + 2);

	memcpy(p, a, la);
	p[la] = '/';
	memcpy(p + la + 1, b, lb + 1);
	return p;
}

/* mkdir_one - make path a directory unless it is one; -1 with errno */
static int
mkdir_one(const char *path)
{
	struct stat st;

	if (mkdir(path, 0777) == 0)
		return 0;
	if (errno != EEXIST)
		return -1;
	if (stat(path, &st) == -1)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

/* mkdirs - mkdir -p: path and every missing parent; -1 with errno */
static int
mkdirs(const char *path)
{
	char *p, *s;
	int rc = 0;

	p = estrdup(path);
	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		rc = mkdir_one(p);
		*s = '/';
		if (rc == -1)
			break;
	}
	if (rc == 0)
		rc = mkdir_one(p);
	free(p);
	return rc;
}
