/*
 * rec.h - the juesuan record stream (docs/stream.md is its definition).
 *
 * UTF-8, one record per line, LF; fields separated by TAB; inside a field
 * backslash, TAB, LF and CR are written \\ \t \n \r.  The first line of a
 * stream is the version line "#juesuan-stream<TAB>1".  Field 0 is the kind;
 * the fields of each known kind are fixed (the enums below).  A filter
 * passes every record it does not own through unchanged, unknown kinds
 * included.
 */
#ifndef JUESUAN_REC_H
#define JUESUAN_REC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define REC_MAGIC   "#juesuan-stream"
#define REC_VERSION "1"
#define REC_MAXF    24		/* more fields than this is an error */
#define REC_MAXLINE_DEFAULT (16u * 1024 * 1024)
#define REC_BLOCK   (64u * 1024)	/* bytes read at a time */

/* the known kinds, as codes: rec_kind() */
enum rec_kind { REC_OTHER, REC_DOC, REC_TABLE, REC_CELL, REC_CLAIM, REC_SUM,
	REC_CHECK, REC_REPAIR, REC_SCORE };

/* doc: one per document */
enum { D_ID = 1, D_SOURCE, D_SHA256, D_TITLE, D_UNIT, D_YEAR, D_KIND, D_SCOPE,
	D_LAYOUT, D_ENCODING, D_NF };
/* table: one per table found (or listed and missing) */
enum { T_DOC = 1, T_ID, T_TITLE, T_NUMBER, T_UNIT, T_POS, T_STATUS, T_NOTE,
	T_NF };
/* cell: one per table cell */
enum { C_DOC = 1, C_TABLE, C_ROWCODE, C_ROWLABEL, C_ROWNO, C_COL, C_COLNO,
	C_RAW, C_VALUE, C_UNIT, C_STATUS, C_FLAGS, C_POS, C_RSEQ, C_CSEQ, C_NF };
/* claim: a figure stated in the narrative */
enum { L_DOC = 1, L_SECTION, L_SUBJECT, L_RELATION, L_QUANTITY, L_RAW,
	L_VALUE, L_UNIT, L_POS, L_CONTEXT, L_NF };
/* sum: a total computed by rollup */
enum { S_DOC = 1, S_TABLE, S_ROW, S_COL, S_RULE, S_VALUE, S_NTERMS, S_TERMS,
	S_STATUS, S_NF };
/* check: a reconcile result */
enum { K_DOC = 1, K_RULE, K_TABLE, K_STATUS, K_LHS, K_RHS, K_DIFF, K_TOL,
	K_CELLS, K_MESSAGE, K_NF };
/* repair: a cell value reconcile inferred */
enum { R_DOC = 1, R_TABLE, R_ROW, R_COL, R_RAW, R_VALUE, R_RULE, R_KIND,
	R_NF };
/* score: an integrity score */
enum { G_DOC = 1, G_SCOPE, G_SCORE, G_CHECKS, G_PASS, G_ROUNDING, G_FAIL,
	G_UNVERIFIABLE, G_CELLS, G_DAMAGED, G_REPAIRED, G_NF };

/*
 * One record as read.  f[i] are the unescaped fields, NUL-terminated,
 * owned by the reader and valid until the next rec_read() on it; f[0] is
 * the kind.  The fields lie in one block of flen bytes starting at f[0]
 * (in order, each with its NUL), so that a copy takes one allocation.
 * raw/rawlen is the line as read (without its LF, not NUL-terminated),
 * for pass-through.  line is the record's line number in its input; kind
 * is f[0]'s code (REC_OTHER for a kind not known), to test without strcmp.
 * esc tells that raw held an escape; without one the fields are raw with
 * its TABs as NULs, byte for byte.
 */
struct rec {
	size_t nf;
	int kind;
	int esc;
	char *f[REC_MAXF];
	size_t flen;
	const char *raw;
	size_t rawlen;
	unsigned long line;
};

/*
 * A reader.  Lines are found in blocks read with fread: the unread bytes
 * are buf[pos..end).  A zeroed struct with fp, name and maxline set is a
 * valid reader (the fuzzer builds one on fmemopen).
 */
struct rec_in {
	FILE *fp;
	const char *name;	/* "stdin" or the path, for messages */
	unsigned long line;
	size_t maxline;
	char *buf;		/* the blocks read, REC_BLOCK or up to maxline */
	size_t cap, pos, end;
	int eof;		/* fread met the end of the input or an error */
	int err;		/* errno of that read error, 0 if none */
	int nolf;		/* the line just read ended without its LF */
	char *ubuf;		/* the current record's fields, split in place */
	size_t ucap;
	int own;		/* fp was opened by rec_open */
};

/*
 * rec_open - open PATH ("-" for stdin) for reading a stream.  Returns 0,
 * or -1 with errno set (the caller reports it and goes on with the next
 * operand).  maxline 0 means REC_MAXLINE_DEFAULT.
 */
int rec_open(struct rec_in *in, const char *path, size_t maxline);

/*
 * rec_read - read the next record.  The version line must come first
 * (another version, or none, is an error); a later identical version line,
 * as left by concatenated streams, is skipped.  Returns 1 with *r filled,
 * 0 at end of input, -1 on an error already reported as
 * "prog: name:line: message" (bad version, line too long, too many fields,
 * a known kind with the wrong number of fields, a read error).
 */
int rec_read(struct rec_in *in, struct rec *r);

/* rec_close - close the input if rec_open opened it and free buffers. */
void rec_close(struct rec_in *in);

/* rec_put_version - write the version line to out. */
void rec_put_version(FILE *out);

/*
 * rec_put - write one record: kind then n fields, escaped; a NULL field is
 * written empty.
 */
void rec_put(FILE *out, const char *kind, size_t n, const char *const *fields);

/*
 * rec_put_edit - write a record read as the line raw (rawlen bytes, no
 * LF, nf fields) with each field i whose bit is set in changed replaced by
 * f[i], escaped; the other fields are copied from raw as read, which is
 * what escaping them again would give.  When raw held no escape, fields
 * may give the fields as read (raw with its TABs as NULs), in which an
 * unchanged f[i] points: the runs of unchanged fields are then copied
 * without looking for their TABs; else pass NULL.  A raw line holding a
 * CR (left unescaped by some other writer) is written from f alone, as
 * rec_put() would, so that the result never depends on which fields
 * changed.
 */
void rec_put_edit(FILE *out, const char *raw, size_t rawlen, size_t nf,
    const char *const *f, uint64_t changed, const char *fields);

/* rec_pass - write r exactly as it was read. */
void rec_pass(FILE *out, const struct rec *r);

/* rec_kind - the code of a kind: REC_DOC.., or REC_OTHER when unknown. */
int rec_kind(const char *kind);

/*
 * rec_nf - the field count (kind included) of a known kind, or 0 for an
 * unknown kind.
 */
size_t rec_nf(const char *kind);

/*
 * rec_cell_row - the row key of a cell record: its classification code when
 * one was printed, else its canonical label.
 */
const char *rec_cell_row(const struct rec *r);

/*
 * rec_escape_into - append the escaped form of s to a growing buffer
 * (*buf, *len, *cap), used by writers that build lines themselves.
 */
void rec_escape_into(char **buf, size_t *len, size_t *cap, const char *s);

#endif
