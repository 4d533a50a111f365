/*
 * rec.c - libFuzzer harness for the record stream reader (filters/lib/rec.h
 * and doc.h): the input is a stream in memory (fmemopen), read record by
 * record with rec_read and, a second time, document by document with
 * doc_read, the way the filters read it.  Every record read is written back
 * with rec_put and read again: the fields must come back unchanged (the
 * escaping is a bijection).  Broken promises abort().  See docs/fuzzing.md.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "rec.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* small limits, so that the fuzzer reaches them */
#define MAXLINE 4096
#define MAXREC 64

static FILE *devnull;

static void
check(int ok)
{
	if (!ok)
		abort();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	progname = "fuzz-rec";
	devnull = fopen("/dev/null", "w");
	if (devnull == NULL)
		abort();
	return 0;
}

static void
open_mem(struct rec_in *in, FILE *fp)
{
	memset(in, 0, sizeof *in);
	in->fp = fp;
	in->name = "fuzz";
	in->maxline = MAXLINE;
}

/*
 * s, with field i changed, written by srec_put() (from its raw line but
 * for that field) must be what rec_put() writes from its fields.
 */
static void
edit_matches(struct srec *s, size_t i)
{
	char *a = NULL, *b = NULL;
	size_t alen = 0, blen = 0;
	FILE *ma = open_memstream(&a, &alen), *mb = open_memstream(&b, &blen);

	check(ma != NULL && mb != NULL);
	srec_set(s, i, i % 2 ? "e\\d\tit" : "");
	srec_put(ma, s);
	rec_put(mb, s->f[0], s->nf - 1, (const char *const *)s->f + 1);
	check(fclose(ma) == 0 && fclose(mb) == 0);
	check(alen == blen && memcmp(a, b, alen) == 0);
	free(a);
	free(b);
}

/* write r with rec_put, read it back, compare the fields */
static void
round_trip(const struct rec *r)
{
	char *buf = NULL;
	size_t len = 0, i;
	FILE *mem = open_memstream(&buf, &len);
	struct rec_in in;
	struct rec back;

	check(mem != NULL);
	rec_put_version(mem);
	rec_put(mem, r->f[0], r->nf - 1, (const char *const *)r->f + 1);
	check(fclose(mem) == 0);
	mem = fmemopen(buf, len, "r");
	check(mem != NULL);
	open_mem(&in, mem);
	in.maxline = 4 * MAXLINE;	/* escaping at most doubles a line */
	check(rec_read(&in, &back) == 1);
	check(back.nf == r->nf);
	for (i = 0; i < r->nf; i++)
		check(strcmp(back.f[i], r->f[i]) == 0);
	rec_close(&in);
	fclose(mem);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rec_in in;
	struct rec r;
	struct docbuf db;
	FILE *fp;
	size_t i, nf;
	int rc;

	if (size == 0)
		return 0;	/* fmemopen refuses a zero size */

	/* record by record */
	fp = fmemopen((void *)data, size, "r");
	check(fp != NULL);
	open_mem(&in, fp);
	while ((rc = rec_read(&in, &r)) == 1) {
		check(r.nf >= 1 && r.nf <= REC_MAXF);
		check(r.f[0][0] != '\0');
		nf = rec_nf(r.f[0]);
		check(nf == 0 || nf == r.nf);
		check(r.rawlen < MAXLINE);
		check(memchr(r.raw, '\n', r.rawlen) == NULL);
		for (i = r.nf; i < REC_MAXF; i++)
			check(r.f[i] == NULL);
		if (strcmp(r.f[0], "cell") == 0)
			check(rec_cell_row(&r) != NULL);
		rec_pass(devnull, &r);
		round_trip(&r);
	}
	check(rc == 0 || rc == -1);
	rec_close(&in);
	fclose(fp);

	/* document by document, as rollup, reconcile, score and emit-csv do */
	fp = fmemopen((void *)data, size, "r");
	check(fp != NULL);
	open_mem(&in, fp);
	doc_init(&db, MAXREC);
	while ((rc = doc_read(&in, &db)) == 1) {
		check(db.n > 0 && db.n <= MAXREC);
		(void)doc_id(&db);
		for (i = 0; i < db.n; i++) {
			if (i == 0 && db.r[i].nf > 1)
				srec_set(&db.r[i], db.r[i].nf, "x");
			else if (db.r[i].nf > 1)
				edit_matches(&db.r[i], i % db.r[i].nf);
			srec_put(devnull, &db.r[i]);
		}
		doc_clear(&db);
	}
	check(rc == 0 || rc == -1);
	doc_free(&db);
	rec_close(&in);
	fclose(fp);
	return 0;
}
