/*
 * doc.c - per-document batches of records.
 */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "util.h"

void
doc_init(struct docbuf *db, size_t max)
{
	memset(db, 0, sizeof *db);
	db->max = max ? max : DOC_MAXREC_DEFAULT;
}

/* the value of the empty fields of doc_add() and srec_set() */
static char empty[1];

void
srec_copy(struct srec *s, const struct rec *r)
{
	size_t fsz = r->nf * sizeof *s->f, i;
	char *b, *fields;

	b = emalloc(fsz + r->rawlen + 1 + r->flen);
	s->blk = b;
	s->nf = r->nf;
	s->kind = r->kind;
	s->f = (char **)(void *)b;	/* at the start: aligned */
	s->raw = b + fsz;
	memcpy(s->raw, r->raw, r->rawlen);
	s->raw[r->rawlen] = '\n';
	s->rawlen = r->rawlen;
	fields = s->raw + r->rawlen + 1;
	memcpy(fields, r->f[0], r->flen);
	for (i = 0; i < r->nf; i++)
		s->f[i] = fields + (r->f[i] - r->f[0]);
	s->line = r->line;
	s->dirty = 0;
	s->own = 0;
	s->fown = 0;
}

void
srec_free(struct srec *s)
{
	size_t i;

	for (i = 0; s->own != 0 && i < s->nf; i++)
		if (s->own & (uint64_t)1 << i)
			free(s->f[i]);
	if (s->fown)
		free(s->f);
	free(s->blk);
	memset(s, 0, sizeof *s);
}

static struct srec *
push(struct docbuf *db)
{
	if (db->n == db->cap) {
		db->cap = db->cap ? db->cap * 2 : 256;
		db->r = ereallocarray(db->r, db->cap, sizeof *db->r);
	}
	memset(&db->r[db->n], 0, sizeof db->r[db->n]);
	return &db->r[db->n++];
}

int
doc_read(struct rec_in *in, struct docbuf *db)
{
	struct rec r;
	int rc;

	if (db->pending) {
		*push(db) = db->next;
		memset(&db->next, 0, sizeof db->next);
		db->pending = 0;
	} else if (db->eof) {
		return 0;
	}
	for (;;) {
		rc = rec_read(in, &r);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			db->eof = 1;
			return db->n > 0;
		}
		if (r.kind == REC_DOC && db->n > 0) {
			srec_copy(&db->next, &r);
			db->pending = 1;
			return 1;
		}
		if (db->n >= db->max) {
			warnmsg("%s:%lu: more than %zu records in one document (raise it with --max-records)",
			    in->name, r.line, db->max);
			return -1;
		}
		srec_copy(push(db), &r);
	}
}

int
doc_each(const char *path, size_t maxline, size_t maxrec, doc_fn *fn, void *arg)
{
	struct rec_in in;
	struct docbuf db;
	int rc, bits = 0;

	if (rec_open(&in, path, maxline) == -1) {
		warnmsg("cannot open '%s':", path);
		return -1;
	}
	doc_init(&db, maxrec);
	while ((rc = doc_read(&in, &db)) == 1) {
		bits |= fn(&db, in.name, arg);
		doc_clear(&db);
		/* a broken stdout will not mend: stop reading, fshut() reports */
		if (ferror(stdout))
			break;
	}
	if (rc == -1) {
		if (db.n > 0 && db.r[0].kind == REC_DOC)
			warnmsg("%s: document '%s' left out", in.name, doc_id(&db));
		bits = -1;
	}
	doc_free(&db);
	rec_close(&in);
	return bits;
}

int
doc_operands(int argc, char *argv[], size_t maxline, size_t maxrec,
    doc_fn *fn, void *arg)
{
	int i, bad = 0;

	if (argc == 0)
		return doc_each("-", maxline, maxrec, fn, arg) != 0;
	for (i = 0; i < argc && !ferror(stdout); i++)
		bad |= doc_each(argv[i], maxline, maxrec, fn, arg) != 0;
	return bad;
}

void
doc_clear(struct docbuf *db)
{
	size_t i;

	for (i = 0; i < db->n; i++)
		srec_free(&db->r[i]);
	db->n = 0;
}

void
doc_free(struct docbuf *db)
{
	doc_clear(db);
	free(db->r);
	if (db->pending)
		srec_free(&db->next);
	memset(db, 0, sizeof *db);
}

const char *
doc_id(const struct docbuf *db)
{
	if (db->n > 0 && db->r[0].kind == REC_DOC && db->r[0].nf > D_ID)
		return db->r[0].f[D_ID];
	return "";
}

void
srec_set(struct srec *s, size_t i, const char *v)
{
	if (i >= 64)
		die("srec_set: field %zu out of range", i);
	if (i >= s->nf) {
		char **f;
		size_t j;

		f = ereallocarray(s->fown ? s->f : NULL, i + 1, sizeof *f);
		if (!s->fown && s->nf > 0)
			memcpy(f, s->f, s->nf * sizeof *f);
		for (j = s->nf; j <= i; j++)
			f[j] = empty;
		s->f = f;
		s->fown = 1;
		s->nf = i + 1;
	}
	if (s->own & (uint64_t)1 << i)
		free(s->f[i]);
	s->f[i] = estrdup(v != NULL ? v : "");
	if (i == 0)
		s->kind = rec_kind(s->f[0]);
	s->own |= (uint64_t)1 << i;
	s->dirty = 1;
}

void
srec_put(FILE *out, const struct srec *s)
{
	if (!s->dirty && s->raw != NULL) {
		fwrite(s->raw, 1, s->rawlen + 1, out);
		return;
	}
	rec_put(out, s->f[0], s->nf - 1, (const char *const *)s->f + 1);
}

struct srec *
doc_add(struct docbuf *db, const char *kind, size_t nf)
{
	struct srec *s = push(db);
	size_t fsz = nf * sizeof *s->f, i;
	char *b;

	b = emalloc(fsz + strlen(kind) + 1);
	s->blk = b;
	s->nf = nf;
	s->kind = rec_kind(kind);
	s->f = (char **)(void *)b;
	s->f[0] = strcpy(b + fsz, kind);
	for (i = 1; i < nf; i++)
		s->f[i] = empty;
	s->dirty = 1;
	return s;
}
