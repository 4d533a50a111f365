/*
 * idx.h - the cells of one document, found by cell key, with their figures
 * read once.  rollup, reconcile and score share it so that all three agree
 * on what a cell contributes to an identity (docs/rules.md, R0.1).
 */
#ifndef JUESUAN_IDX_H
#define JUESUAN_IDX_H

#include <stddef.h>

#include "dec.h"
#include "doc.h"

/* What a cell contributes to an identity. */
enum idx_state {
	IDX_FIGURE,	/* a figure was read (ok, repaired, ambiguous, new) */
	IDX_BLANK,	/* printed blank: counts as 0 */
	IDX_UNKNOWN	/* damaged, lost, or no figure yet: decides nothing */
};

/*
 * One cell record.  The string members point into the record's fields in
 * the docbuf the index was built from, so they live as long as that batch.
 */
struct idx_cell {
	size_t rec;		/* index of the record in db->r */
	const char *table;
	const char *row;	/* row key: rowcode, else rowlabel */
	const char *col;
	const char *pos;	/* LINE:COL in the input text, may be "" */
	const char *unit;
	const char *status;	/* as read, or "repaired"/"ambiguous" after idx_repair */
	const char *flags;
	const char *raw;
	const char *rowlabel;
	char *key;		/* TABLE[ROW].COL, in the index's keys */
	enum idx_state state;
	struct dec v;		/* the figure; 0.00 when blank or unknown */
	long rseq, cseq;	/* printed row and column order; 0 when absent */
	int repaired;		/* status repaired or ambiguous */
};

struct idx {
	struct idx_cell *c;	/* every cell record, in stream order */
	size_t n;
	size_t *slot;		/* open addressing: cell index + 1, 0 = free */
	size_t nslot;		/* a power of two, more than twice n */
	const char *doc;	/* the batch's document id (see idx_build) */
	size_t nbad;		/* cells whose figure is not canonical */
	const char **tables;	/* the cells' table ids, sorted, each once */
	size_t ntables;
	char *keys;		/* the keys c[i].key point into */
};

/*
 * idx_build - index the cell records of the batch db.  NAME is the input's
 * name for messages.  A value field that is not a canonical figure
 * (dec_parse) is reported as "prog: NAME:LINE: ..." and makes its cell
 * unknown; ix->nbad counts these so the caller can exit 2.  A cell whose
 * status is damaged is unknown even if a value is present, and so is a
 * cell without a figure flagged `lost` whatever its status (the row lost
 * its printed figures: its blank is not a printed nil).  A cell with status
 * repaired or ambiguous and no value is a figure moved away: blank.  When a key
 * occurs twice the first cell is the one found; both stay in c[].
 * ix->doc is the doc record's id, else the doc field of the first cell,
 * else "".  db must not be changed while the index is in use.
 */
void idx_build(struct idx *ix, const struct docbuf *db, const char *name);

/* idx_free - free what idx_build allocated (not the records). */
void idx_free(struct idx *ix);

/* idx_get - the cell TABLE[ROW].COL, or NULL when there is none. */
const struct idx_cell *idx_get(const struct idx *ix, const char *table,
    const char *row, const char *col);

/* idx_find - the cell with the cell key KEY, or NULL. */
const struct idx_cell *idx_find(const struct idx *ix, const char *key);

/*
 * idx_repair - give cell C the inferred figure V: its state becomes
 * IDX_FIGURE (IDX_BLANK when nil is 1: a figure moved away from the cell),
 * its status "repaired", or "ambiguous" when ambiguous is non-zero.  The
 * record itself is not touched: the caller writes the repair into it.
 */
void idx_repair(struct idx *ix, const struct idx_cell *c, struct dec v,
    int nil, int ambiguous);

/* idx_has_table - whether any cell of TABLE is in the batch. */
int idx_has_table(const struct idx *ix, const char *table);

/* idx_key - a new string "TABLE[ROW].COL" (docs/stream.md); free it. */
char *idx_key(const char *table, const char *row, const char *col);

/*
 * idx_key_into - write "TABLE[ROW].COL" at k, which has room for it
 * (strlen of the three + 4), and return k.
 */
char *idx_key_into(char *k, const char *table, const char *row, const char *col);

#endif
