/*
 * idx.c - an index of a document's cells by cell key.
 *
 * Keys are hashed piecewise (FNV-1a runs byte by byte, so hashing the parts
 * TABLE, "[", ROW, "].", COL equals hashing the joined key) so that a
 * lookup by parts allocates nothing: rollup does one per term of every
 * identity.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "doc.h"
#include "idx.h"
#include "rec.h"
#include "util.h"

#define FNV_OFFSET UINT64_C(14695981039346656037)
#define FNV_PRIME  UINT64_C(1099511628211)

static uint64_t
fnv(uint64_t h, const char *s)
{
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= FNV_PRIME;
	}
	return h;
}

static uint64_t
hash3(const char *table, const char *row, const char *col)
{
	return fnv(fnv(fnv(fnv(fnv(FNV_OFFSET, table), "["), row), "]."), col);
}

/* does KEY spell TABLE[ROW].COL? */
static int
keyeq(const char *key, const char *table, const char *row, const char *col)
{
	size_t n;

	n = strlen(table);
	if (strncmp(key, table, n) != 0 || key[n] != '[')
		return 0;
	key += n + 1;
	n = strlen(row);
	if (strncmp(key, row, n) != 0 || key[n] != ']' || key[n + 1] != '.')
		return 0;
	return strcmp(key + n + 2, col) == 0;
}

/* a printed order: up to 9 digits, anything else is 0 (absent) */
static long
seqnum(const char *s)
{
	long v = 0;

	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > 10000000L)
			return 0;
		v = v * 10 + (*s - '0');
	}
	return v;
}

char *
idx_key_into(char *k, const char *table, const char *row, const char *col)
{
	size_t tl = strlen(table), rl = strlen(row), cl = strlen(col);

	memcpy(k, table, tl);
	k[tl] = '[';
	memcpy(k + tl + 1, row, rl);
	memcpy(k + tl + 1 + rl, "].", 2);
	memcpy(k + tl + rl + 3, col, cl + 1);
	return k;
}

char *
idx_key(const char *table, const char *row, const char *col)
{
	return idx_key_into(emalloc(strlen(table) + strlen(row) + strlen(col) + 4),
	    table, row, col);
}

/* the row key of a stored cell record, as rec_cell_row() */
static const char *
cell_row(const struct srec *s)
{
	return s->f[C_ROWCODE][0] != '\0' ? s->f[C_ROWCODE] : s->f[C_ROWLABEL];
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* is NAME one of the comma-separated flags of FLAGS? */
static int
hasflag(const char *flags, const char *name)
{
	size_t n = strlen(name);
	const char *p = flags;

	while (*p != '\0') {
		if (strncmp(p, name, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
		if ((p = strchr(p, ',')) == NULL)
			break;
		p++;
	}
	return 0;
}

/*
 * Read the cell's contribution.  Only a canonical figure is a figure: the
 * stream promises that normalize-numbers wrote one, so anything else is an
 * input error, reported with its line.
 */
static void
readcell(struct idx *ix, struct idx_cell *c, const struct srec *s,
    const char *name)
{
	const char *val = s->f[C_VALUE];
	int rc;

	c->v = dec_zero(2);
	c->repaired = strcmp(c->status, "repaired") == 0 ||
	    strcmp(c->status, "ambiguous") == 0;
	if (*val == '\0') {
		if (c->repaired)
			c->state = IDX_BLANK;	/* a figure moved away */
		else if (strcmp(c->status, "blank") == 0 && !hasflag(c->flags, "lost"))
			c->state = IDX_BLANK;
		else
			c->state = IDX_UNKNOWN;
		return;
	}
	if ((rc = dec_parse(val, &c->v)) != 0) {
		warnmsg("%s:%lu: %s figure '%s' in cell %s", name, s->line,
		    rc == -2 ? "out of range" : "malformed", val, c->key);
		ix->nbad++;
		c->v = dec_zero(2);
		c->state = IDX_UNKNOWN;
		return;
	}
	c->state = strcmp(c->status, "damaged") == 0 ? IDX_UNKNOWN : IDX_FIGURE;
	if (c->state == IDX_UNKNOWN)
		c->v = dec_zero(2);
}

void
idx_build(struct idx *ix, const struct docbuf *db, const char *name)
{
	size_t i, n = 0, j;

	size_t kn = 0, nt = 0;
	char *k;

	memset(ix, 0, sizeof *ix);
	ix->doc = doc_id(db);
	/* one block holds every key: one malloc, not one per cell */
	for (i = 0; i < db->n; i++) {
		const struct srec *s = &db->r[i];

		if (s->kind != REC_CELL)
			continue;
		n++;
		kn += strlen(s->f[C_TABLE]) + strlen(cell_row(s)) +
		    strlen(s->f[C_COL]) + 4;
	}
	ix->c = ecalloc(n, sizeof *ix->c);
	ix->keys = k = emalloc(kn + 1);
	ix->tables = ereallocarray(NULL, n + 1, sizeof *ix->tables);
	for (ix->nslot = 16; ix->nslot <= 2 * n; ix->nslot *= 2)
		;
	ix->slot = ecalloc(ix->nslot, sizeof *ix->slot);
	for (i = 0; i < db->n; i++) {
		const struct srec *s = &db->r[i];
		struct idx_cell *c;

		if (s->kind != REC_CELL)
			continue;
		c = &ix->c[ix->n];
		c->rec = i;
		c->table = s->f[C_TABLE];
		c->row = cell_row(s);
		c->col = s->f[C_COL];
		c->pos = s->f[C_POS];
		c->unit = s->f[C_UNIT];
		c->status = s->f[C_STATUS];
		c->flags = s->f[C_FLAGS];
		c->raw = s->f[C_RAW];
		c->rowlabel = s->f[C_ROWLABEL];
		c->key = idx_key_into(k, c->table, c->row, c->col);
		k += strlen(c->key) + 1;
		/* a table's cells come in a run: most are not listed again */
		if (nt == 0 || strcmp(ix->tables[nt - 1], c->table) != 0)
			ix->tables[nt++] = c->table;
		c->rseq = seqnum(s->f[C_RSEQ]);
		c->cseq = seqnum(s->f[C_CSEQ]);
		readcell(ix, c, s, name);
		if (*ix->doc == '\0')
			ix->doc = s->f[C_DOC];
		if (idx_find(ix, c->key) == NULL) {
			j = fnv(FNV_OFFSET, c->key) & (ix->nslot - 1);
			while (ix->slot[j] != 0)
				j = (j + 1) & (ix->nslot - 1);
			ix->slot[j] = ix->n + 1;
		}
		ix->n++;
	}
	qsort(ix->tables, nt, sizeof *ix->tables, cmp_str);
	for (i = 0, j = 0; i < nt; i++)
		if (j == 0 || strcmp(ix->tables[j - 1], ix->tables[i]) != 0)
			ix->tables[j++] = ix->tables[i];
	ix->ntables = j;
}

void
idx_free(struct idx *ix)
{
	free(ix->keys);
	free(ix->tables);
	free(ix->c);
	free(ix->slot);
	memset(ix, 0, sizeof *ix);
}

const struct idx_cell *
idx_get(const struct idx *ix, const char *table, const char *row,
    const char *col)
{
	size_t j;

	if (ix->nslot == 0)
		return NULL;
	j = hash3(table, row, col) & (ix->nslot - 1);
	for (; ix->slot[j] != 0; j = (j + 1) & (ix->nslot - 1))
		if (keyeq(ix->c[ix->slot[j] - 1].key, table, row, col))
			return &ix->c[ix->slot[j] - 1];
	return NULL;
}

const struct idx_cell *
idx_find(const struct idx *ix, const char *key)
{
	size_t j;

	if (ix->nslot == 0)
		return NULL;
	j = fnv(FNV_OFFSET, key) & (ix->nslot - 1);
	for (; ix->slot[j] != 0; j = (j + 1) & (ix->nslot - 1))
		if (strcmp(ix->c[ix->slot[j] - 1].key, key) == 0)
			return &ix->c[ix->slot[j] - 1];
	return NULL;
}

void
idx_repair(struct idx *ix, const struct idx_cell *cc, struct dec v, int nil,
    int ambiguous)
{
	struct idx_cell *c = &ix->c[cc - ix->c];

	c->v = nil ? dec_zero(2) : v;
	c->state = nil ? IDX_BLANK : IDX_FIGURE;
	c->status = ambiguous ? "ambiguous" : "repaired";
	c->repaired = 1;
}

int
idx_has_table(const struct idx *ix, const char *table)
{
	return ix->ntables > 0 && bsearch(&table, ix->tables, ix->ntables,
	    sizeof *ix->tables, cmp_str) != NULL;
}
