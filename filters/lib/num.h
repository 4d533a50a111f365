/*
 * num.h - the grammar of figures as printed in disclosures, and the unit
 * scaling of normalize-numbers.
 *
 * Printed figures come out of pdftotext and OCR in many shapes ("1, 731. 95",
 * "１，７３１．９５", "(12.00)", "—") and damaged in a few ("1, 547. (",
 * "54. 61 65. 20", "1O2.5").  num_parse turns one printed text into an exact
 * struct dec, or says why it cannot, with the flags of docs/stream.md.  It
 * flags, it never guesses: a text is either one figure, nil, or damaged.
 */
#ifndef JUESUAN_NUM_H
#define JUESUAN_NUM_H

#include "dec.h"

/*
 * One bit per flag of docs/stream.md that the grammar can set.  The bits
 * are in the byte order of the names, so writing them in bit order writes
 * them sorted.
 */
#define NUM_DASH	0x001	/* a dash meaning nil */
#define NUM_DUPLICATE	0x002	/* the same figure printed twice */
#define NUM_FULLWIDTH	0x004	/* full-width digits or punctuation folded */
#define NUM_LETTERS	0x008	/* letters or other text where digits belong */
#define NUM_NEGATIVE	0x010	/* a leading minus or parentheses */
#define NUM_NODECIMAL	0x020	/* printed without decimals */
#define NUM_ONEDECIMAL	0x040	/* printed with one decimal */
#define NUM_OVERFLOW	0x080	/* more digits than a struct dec holds */
#define NUM_SPACED	0x100	/* separators or spaces inside the figure */
#define NUM_SPLIT	0x200	/* a fraction without its integer part */
#define NUM_TRUNCATED	0x400	/* cut off, or malformed */
#define NUM_TWOFIGURES	0x800	/* two different figures */
#define NUM_NFLAGS	12

/* Units of money, as powers of ten of 元. */
#define NUM_YUAN	0
#define NUM_WAN		4
#define NUM_YI		8

enum num_status {
	NUM_OK,		/* val holds the figure */
	NUM_BLANK,	/* nothing, a dash or a rule residue: no value */
	NUM_DAMAGED	/* not a figure; the flags say why */
};

struct num {
	enum num_status status;
	unsigned flags;		/* NUM_* bits, descriptive and damage */
	struct dec val;		/* the figure when status is NUM_OK */
	int pct;		/* it was printed with '%' */
	int cut;		/* clearly truncated: a trailing point, */
				/* separator or junk after the digits */
	int plain;		/* one unsigned integer without '%': */
				/* can be the first half of a split */
};

/*
 * num_parse - parse the printed text S (UTF-8, NUL-terminated, any length)
 * into *n.  Never fails: every text gets a status.
 *
 * First the text is folded: full-width forms U+FF01..U+FF5E (０-９ ，．
 * －（）％ and letters) become ASCII and set NUM_FULLWIDTH; U+3000, NBSP,
 * the other Unicode spaces, TAB, CR and LF become a space; zero-width
 * spaces and BOMs are dropped; the minus sign U+2212 and the hyphens
 * U+2010, U+2011, U+FE63 become '-'.  Leading and trailing spaces do not
 * count.  Then, with ws a run of spaces:
 *
 *     text     := nil | figure ( ws figure )*
 *     nil      := ""  |  dash ( ws? dash )*  |  '_' ( ws? '_' )*
 *     dash     := '-' | U+2012..U+2015 | U+2500 | U+2501 | U+2E3A |
 *                 U+2E3B | U+FE58
 *     figure   := '(' ws? number ws? ')'  |  '-' ws? number  |  number
 *     number   := int [ ws? '.' ws? digit+ ] [ ws? '%' ]
 *     int      := '0' | nzdigit digit*
 *              |  nzdigit digit? digit? ( sep digit digit digit )+
 *     sep      := ws? ',' ws?  |  ws
 *
 * where a group after sep is exactly three digits (not followed by a
 * fourth), and ws alone is a sep only in a number with a '.': so
 * "1 731.95" and "1, 547" are one figure, "54 61", "868 868" and
 * "100 200" two.  The value must fit dec_parse: at most DEC_DP decimals
 * and 15 integer digits.
 *
 * Results (status, value, flags):
 *   ""                         NUM_BLANK, no flags
 *   "-", "—", "--", "－"       NUM_BLANK, NUM_DASH
 *   "_", "__"                  NUM_BLANK, no flags (a rule line left by OCR)
 *   "0"                        NUM_OK 0, NUM_NODECIMAL (not blank)
 *   "1, 731. 95"               NUM_OK 1731.95, NUM_SPACED
 *   "１，７３１．９５"         NUM_OK 1731.95, NUM_FULLWIDTH | NUM_SPACED
 *   "65. 2"                    NUM_OK 65.2 (dp 1), NUM_ONEDECIMAL | NUM_SPACED
 *   "54"                       NUM_OK 54 (dp 0), NUM_NODECIMAL, plain
 *   "(12.5)", "-12.5"          NUM_OK -12.5, NUM_NEGATIVE | NUM_ONEDECIMAL
 *   "18.1%"                    NUM_OK 18.1, pct (no decimal flags on pct)
 *   "54. 61 54. 61"            NUM_OK 54.61, NUM_DUPLICATE | NUM_SPACED:
 *                              every figure equal in value, decimals
 *                              and '%'
 *   "54. 61 65. 20"            NUM_DAMAGED, NUM_TWOFIGURES
 *   "1O2.5", "l23", "合计"     NUM_DAMAGED, NUM_LETTERS: any ASCII letter
 *                              or other character outside the grammar;
 *                              also a text with no digit at all ("(")
 *   "1, 547. (", "1,547.",     NUM_DAMAGED, NUM_TRUNCATED, cut: the digits
 *   "12.50)", "(12"            end in a point or separator, or junk or an
 *                              unclosed parenthesis follows them
 *   "1, 73", "00.5", "%5"      NUM_DAMAGED, NUM_TRUNCATED, not cut: a group
 *                              of other than three digits, a leading zero
 *                              (strict as redis string2ll), junk first
 *   ". 08"                     NUM_DAMAGED, NUM_SPLIT: the fraction alone
 *   40 digits, "1.23456"       NUM_DAMAGED, NUM_OVERFLOW (dec_parse -2)
 *
 * The first damage met decides.  NUM_SPACED, NUM_FULLWIDTH and
 * NUM_NEGATIVE describe the print and may accompany any status but blank;
 * NUM_ONEDECIMAL and NUM_NODECIMAL are set only on NUM_OK figures without
 * '%'.  val.dp is the number of decimals printed.  pct, cut and plain are
 * 0 unless stated.  The value is in whatever unit the text was printed in.
 */
void num_parse(const char *s, struct num *n);

/*
 * num_unit - the power of ten of a money unit name: NUM_YUAN for "元",
 * NUM_WAN for "万元", NUM_YI for "亿元"; -1 for anything else, "" included.
 */
int num_unit(const char *name);

/* num_unit_name - the name of a money unit power, or NULL if not one. */
const char *num_unit_name(int unit);

/*
 * num_strip_unit - if S ends in a money unit name (after optional spaces),
 * cut it off in place, trailing spaces included, and return its power;
 * else return -1 and leave S alone.  "万元" is matched before "元".
 */
int num_strip_unit(char *s);

/*
 * num_scale - convert *d from a unit of 10^from 元 to one of 10^to 元,
 * exactly.  The printed decimals move with the point, within 0..DEC_DP:
 * 1731.95 万元 is 17319500 元 with no decimal, 12345.00 元 is 1.2345 万元
 * with four.  Returns 0, or -1 (leaving *d alone) when the result would
 * need more than DEC_DP decimals (12345.67 元 is 1.234567 万元), does not
 * fit, or from or to is outside 0..18.
 */
int num_scale(struct dec *d, int from, int to);

/* num_flag_name - the name of one NUM_* bit, or NULL for another value. */
const char *num_flag_name(unsigned bit);

/*
 * num_flags_merge - the flag field OLD (comma-separated, as read from a
 * record; may be empty, may hold flags of other filters) with the names of
 * BITS added, sorted in byte order, without duplicates or empty names.
 * Returns a string the caller frees; "" when there is no flag.
 */
char *num_flags_merge(const char *old, unsigned bits);

/* num_status_name - "ok", "blank" or "damaged". */
const char *num_status_name(enum num_status st);

#endif
