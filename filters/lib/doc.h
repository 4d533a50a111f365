/*
 * doc.h - gather the records of one document at a time.
 *
 * In a stream a document's records follow its doc record up to the next
 * doc record.  Filters that need a whole document (sums, checks, scores,
 * CSV order) read it into a struct docbuf, work on it, write it out and
 * free it, so memory is bounded by one document, not by the archive.
 */
#ifndef JUESUAN_DOC_H
#define JUESUAN_DOC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "rec.h"

#define DOC_MAXREC_DEFAULT 500000u

/*
 * The memory of one document's records: blocks handed out in order and
 * all given back at once by doc_clear(), so that reading a record costs
 * no malloc and clearing a document no free per record.  Requests come
 * from chunks kept from one document to the next; one of more than a
 * quarter of a chunk gets a block of its own, freed at the next clear.
 */
struct docarena {
	struct achunk *chunk;	/* the chunks kept, in the order used */
	struct achunk *cur;	/* the chunk p points into */
	struct achunk *big;	/* blocks of their own */
	char *p, *end;		/* the free part of the current chunk */
};

/*
 * A stored record, editable.  A record read is one block, blk: its field
 * pointers, its raw line and its fields.  A record of a docbuf has its
 * block from the docbuf's arena (ar), and so has a field srec_set()
 * changes; a record copied by srec_copy() alone (ar NULL) has it from
 * malloc, and so has such a field.  Bit i of own tells that f[i] was
 * changed; fown that srec_set() grew f.  Reading a document thus costs
 * no malloc per record, a record passed through is one fwrite of raw, and
 * a record with a few fields changed is written from raw but for them.
 */
struct srec {
	size_t nf;
	int kind;		/* f[0]'s code, REC_OTHER for an unknown kind */
	char **f;		/* f[0] is the kind */
	unsigned long line;	/* line in the input stream */
	int dirty;		/* a field was changed: write from f, not raw */
	char *raw;		/* the line as read and its LF, or NULL */
	size_t rawlen;		/* raw's length without the LF */
	int esc;		/* raw held an escape (struct rec) */
	void *blk;		/* the block holding f, raw and the fields */
	uint64_t own;		/* bit i: f[i] was changed by srec_set() */
	int fown;		/* f was grown by srec_set() */
	struct docarena *ar;	/* where blk came from; NULL: malloc */
};

struct docbuf {
	struct srec *r;
	size_t n, cap;
	size_t max;		/* most records per document (--max-records) */
	int pending;		/* a doc record read ahead is in next */
	struct srec next;	/* malloc'ed: it outlives doc_clear() */
	int eof;
	struct docarena ar;	/* the records of r[] */
};

/*
 * doc_init - an empty buffer; max 0 means DOC_MAXREC_DEFAULT.
 */
void doc_init(struct docbuf *db, size_t max);

/*
 * doc_read - read the next document from in: its doc record (if any: the
 * records before the first doc record form a batch of their own, with no
 * doc record) and every record up to the next doc record or the end.
 * Returns 1 with db->r[0..n) filled, 0 when in is exhausted, -1 on an
 * error already reported (stream errors, more than max records in one
 * document).  The previous batch must have been freed with doc_clear().
 */
int doc_read(struct rec_in *in, struct docbuf *db);

/*
 * doc_each - read path ("-" is stdin) a document at a time and call
 * fn(db, name, arg) on each whole one; fn writes what it writes and
 * returns a bit set of its own, or'ed into the result.  A document cut
 * short by a stream error (a truncated last line, a malformed record,
 * too many records) is not given to fn: it is left out whole, with a
 * message, because a partial document would look complete downstream.
 * Stops early once stdout has an error.  Returns the or'ed bits, or -1
 * when path could not be opened or its stream had an error (reported).
 */
typedef int doc_fn(struct docbuf *db, const char *name, void *arg);
int doc_each(const char *path, size_t maxline, size_t maxrec, doc_fn *fn, void *arg);

/*
 * doc_operands - doc_each over each of the argc operands in argv, or over
 * stdin when there is none; stops early once stdout has an error.  Returns
 * 1 when an operand could not be read or had a stream error (reported;
 * the others are still read) or fn returned non-zero for a document, else 0.
 */
int doc_operands(int argc, char *argv[], size_t maxline, size_t maxrec,
    doc_fn *fn, void *arg);

/* doc_clear - free the records of the current batch (not the read-ahead). */
void doc_clear(struct docbuf *db);

/* doc_free - free everything. */
void doc_free(struct docbuf *db);

/* doc_id - the id of the batch's document ("" when it has no doc record). */
const char *doc_id(const struct docbuf *db);

/*
 * srec_set - replace field i with a copy of v (NULL is empty), growing the
 * record with empty fields if needed, and mark it dirty.  i must be below
 * 64.
 */
void srec_set(struct srec *s, size_t i, const char *v);

/* srec_put - write s: its raw line when unchanged, else from its fields. */
void srec_put(FILE *out, const struct srec *s);

/* doc_add - a new record of kind, nf fields in all, the others empty. */
struct srec *doc_add(struct docbuf *db, const char *kind, size_t nf);

/* srec_copy - make s a copy of the record r as read, in one malloc'ed block. */
void srec_copy(struct srec *s, const struct rec *r);

/* srec_free - free a stored record's fields and clear it. */
void srec_free(struct srec *s);

#endif
