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

/*
 * The arena.  A chunk is big enough that a document of the usual size
 * (a few hundred kB of stream) takes a handful; AKEEP of them stay from
 * one document to the next, so the memory kept after a huge document is
 * bounded.  Blocks are aligned for the field pointers they start with.
 */
#define ACHUNK	(256u * 1024)
#define AKEEP	16
#define AALIGN	(2 * sizeof(void *))

struct achunk {
	struct achunk *next;
	size_t size;		/* bytes after this header */
};

static void *
arena_alloc(struct docarena *ar, size_t n)
{
	struct achunk *c;
	char *q;

	n = (n + AALIGN - 1) & ~(AALIGN - 1);
	if (ar->p != NULL && (size_t)(ar->end - ar->p) >= n) {
		q = ar->p;
		ar->p += n;
		return q;
	}
	if (n > ACHUNK / 4) {
		c = emalloc(sizeof *c + n);
		c->next = ar->big;
		c->size = n;
		ar->big = c;
		return c + 1;
	}
	if (ar->cur != NULL && ar->cur->next != NULL) {
		c = ar->cur->next;
	} else {
		c = emalloc(sizeof *c + ACHUNK);
		c->next = NULL;
		c->size = ACHUNK;
		if (ar->cur != NULL)
			ar->cur->next = c;
		else
			ar->chunk = c;
	}
	ar->cur = c;
	ar->p = (char *)(c + 1) + n;
	ar->end = (char *)(c + 1) + c->size;
	return c + 1;
}

/* give back every block; keep up to AKEEP chunks for the next document */
static void
arena_reset(struct docarena *ar, size_t keep)
{
	struct achunk *c, *next, **link = &ar->chunk;
	size_t n = 0;

	for (c = ar->big; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	ar->big = NULL;
	for (c = ar->chunk; c != NULL; c = next) {
		next = c->next;
		if (n++ < keep) {
			link = &c->next;
			continue;
		}
		*link = NULL;
		free(c);
	}
	ar->cur = ar->chunk;
	ar->p = ar->chunk != NULL ? (char *)(ar->chunk + 1) : NULL;
	ar->end = ar->chunk != NULL ? ar->p + ar->chunk->size : NULL;
}

/* copy r into the block b, of the size copy_size() gives */
static size_t
copy_size(const struct rec *r)
{
	return r->nf * sizeof(char *) + r->rawlen + 1 + r->flen;
}

static void
copy_into(struct srec *s, const struct rec *r, char *b)
{
	size_t fsz = r->nf * sizeof *s->f, i;
	char *fields;

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
	s->esc = r->esc;
	s->line = r->line;
	s->dirty = 0;
	s->own = 0;
	s->fown = 0;
}

void
srec_copy(struct srec *s, const struct rec *r)
{
	copy_into(s, r, emalloc(copy_size(r)));
	s->ar = NULL;
}

/* srec_copy, into the arena ar */
static void
arena_copy(struct docarena *ar, struct srec *s, const struct rec *r)
{
	copy_into(s, r, arena_alloc(ar, copy_size(r)));
	s->ar = ar;
}

void
srec_free(struct srec *s)
{
	size_t i;

	if (s->ar == NULL) {
		for (i = 0; s->own != 0 && i < s->nf; i++)
			if (s->own & (uint64_t)1 << i)
				free(s->f[i]);
		if (s->fown)
			free(s->f);
		free(s->blk);
	}
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
		arena_copy(&db->ar, push(db), &r);
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

	/* the arena's records go all at once; the read-ahead came from malloc */
	for (i = 0; i < db->n; i++)
		if (db->r[i].ar == NULL)
			srec_free(&db->r[i]);
	db->n = 0;
	arena_reset(&db->ar, AKEEP);
}

void
doc_free(struct docbuf *db)
{
	doc_clear(db);
	arena_reset(&db->ar, 0);
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
	size_t n;

	if (i >= 64)
		die("srec_set: field %zu out of range", i);
	if (v == NULL)
		v = "";
	if (i >= s->nf) {
		char **f;
		size_t j;

		if (s->ar != NULL) {
			f = arena_alloc(s->ar, (i + 1) * sizeof *f);
			memcpy(f, s->f, s->nf * sizeof *f);
		} else {
			f = ereallocarray(s->fown ? s->f : NULL, i + 1, sizeof *f);
			if (!s->fown && s->nf > 0)
				memcpy(f, s->f, s->nf * sizeof *f);
		}
		for (j = s->nf; j <= i; j++)
			f[j] = empty;
		s->f = f;
		s->fown = 1;
		s->nf = i + 1;
	}
	if (s->ar != NULL) {
		n = strlen(v) + 1;
		s->f[i] = memcpy(arena_alloc(s->ar, n), v, n);
	} else {
		if (s->own & (uint64_t)1 << i)
			free(s->f[i]);
		s->f[i] = estrdup(v);
	}
	if (i == 0)
		s->kind = rec_kind(s->f[0]);
	s->own |= (uint64_t)1 << i;
	s->dirty = 1;
}

/*
 * The fields of a record as read, when they mirror its raw line byte for
 * byte (TABs as NULs): when raw held no escape.  They follow raw in its
 * block (copy_into).  NULL when raw had an escape.
 */
static const char *
raw_fields(const struct srec *s)
{
	return s->esc ? NULL : s->raw + s->rawlen + 1;
}

/*
 * A record read and then changed is written from its raw line but for
 * the fields changed: the others are copied as read, not escaped again.
 */
void
srec_put(FILE *out, const struct srec *s)
{
	if (!s->dirty && s->raw != NULL)
		fwrite(s->raw, 1, s->rawlen + 1, out);
	else if (s->raw != NULL && !s->fown)
		rec_put_edit(out, s->raw, s->rawlen, s->nf,
		    (const char *const *)s->f, s->own, raw_fields(s));
	else
		rec_put(out, s->f[0], s->nf - 1, (const char *const *)s->f + 1);
}

struct srec *
doc_add(struct docbuf *db, const char *kind, size_t nf)
{
	struct srec *s = push(db);
	size_t fsz = nf * sizeof *s->f, i;
	char *b;

	b = arena_alloc(&db->ar, fsz + strlen(kind) + 1);
	s->blk = b;
	s->ar = &db->ar;
	s->nf = nf;
	s->kind = rec_kind(kind);
	s->f = (char **)(void *)b;
	s->f[0] = strcpy(b + fsz, kind);
	for (i = 1; i < nf; i++)
		s->f[i] = empty;
	s->dirty = 1;
	return s;
}
