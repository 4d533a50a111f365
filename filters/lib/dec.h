/*
 * dec.h - exact decimal figures.  No floating point anywhere.
 *
 * A struct dec holds a figure as a signed count of ten-thousandths (DEC_ONE
 * units per 1) plus the number of decimals it was printed with, so "65.2"
 * and "65.20" compare equal but the interval checks know how much rounding
 * the printed form hides.  int64 gives 15 integer digits, which covers any
 * budget in 元; longer figures are rejected as out of range, not wrapped.
 */
#ifndef JUESUAN_DEC_H
#define JUESUAN_DEC_H

#include <stdint.h>

#define DEC_DP     4			/* decimals kept internally */
#define DEC_ONE    INT64_C(10000)	/* 10^DEC_DP */
#define DEC_STRLEN 32			/* room for any dec_str() result */

struct dec {
	int64_t v;	/* value in units of 10^-DEC_DP */
	int dp;		/* decimals as printed, 0..DEC_DP */
};

/*
 * dec_parse - parse the canonical stream form of a figure:
 *
 *     figure := ['-'] digits ['.' digits]
 *
 * with 1..DEC_DP digits after the point and no sign, space, '+' or
 * exponent anywhere else; "-0" is accepted as 0; leading zeros are
 * accepted only as the single digit before the point ("0.5", not "00.5").
 * Returns 0 and fills *d, -1 on a syntax error, -2 when the value does not
 * fit.  *d is untouched on failure.  The empty string is a syntax error.
 */
int dec_parse(const char *s, struct dec *d);

/*
 * dec_str - write d with max(d.dp, mindp) decimals into buf (DEC_STRLEN
 * bytes) in the C locale ("-1731.95"), and return buf.
 */
char *dec_str(struct dec d, int mindp, char *buf);

/*
 * dec_add, dec_sub - *r = a + b, a - b with dp = max(a.dp, b.dp).  Return
 * 0, or -1 on overflow (then *r is untouched).
 */
int dec_add(struct dec a, struct dec b, struct dec *r);
int dec_sub(struct dec a, struct dec b, struct dec *r);

/* dec_cmp - <0, 0, >0 as a is less than, equal to, greater than b. */
int dec_cmp(struct dec a, struct dec b);

/* dec_abs - |a| (INT64_MIN cannot occur: dec_parse rejects it). */
struct dec dec_abs(struct dec a);

/* dec_zero - 0 printed with dp decimals. */
struct dec dec_zero(int dp);

/*
 * dec_envelope - the rounding envelope of an identity over nterms terms,
 * each printed with dp decimals: floor((nterms + 1) / 2) units of the last
 * printed decimal, i.e. (n + 1) * 0.005 rounded down to a printable figure
 * (docs/rules.md, "Tolerance").  nterms < 1 counts as 1.
 */
struct dec dec_envelope(int nterms, int dp);

/*
 * dec_pct_check - is the printed percentage p a possible rounding of
 * 100 * num / den, given that num and den may each be off by up to hnum
 * and hden (their own rounding)?  The true ratio lies in
 * [100(num-hnum)/(den+hden), 100(num+hnum)/(den-hden)]; p printed with p.dp
 * decimals is accepted when that interval meets [p - u/2, p + u/2] with
 * u = 10^-p.dp.  Writes the interval's ends (rounded outwards to DEC_DP)
 * to *lo and *hi when not NULL.  Returns 1 accepted, 0 rejected, -1 when
 * den - hden <= 0 or num < 0 (the ratio is undefined).
 */
int dec_pct_check(struct dec p, struct dec num, struct dec hnum,
    struct dec den, struct dec hden, struct dec *lo, struct dec *hi);

/*
 * dec_half_ulp - half a unit of the last printed decimal of d: the most
 * its printed rounding can hide (0.005 for 2 decimals, 0.5 for none).
 */
struct dec dec_half_ulp(struct dec d);

/*
 * dec_pct - 100 * num / den rounded half away from zero to dp decimals.
 * Returns 0, or -1 if den is 0 or the result does not fit.
 */
int dec_pct(struct dec num, struct dec den, int dp, struct dec *r);

#endif
