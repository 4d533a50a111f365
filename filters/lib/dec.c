/*
 * dec.c - exact decimal arithmetic on int64 ten-thousandths.
 *
 * Ratios use a 128-bit intermediate (a compiler extension of gcc and clang)
 * so that 100 * num * 10^4 cannot overflow for any 15-digit figure.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dec.h"

__extension__ typedef __int128 i128;

static const int64_t pow10tab[DEC_DP + 1] = { 1, 10, 100, 1000, 10000 };

int
dec_parse(const char *s, struct dec *d)
{
	const char *p = s;
	int neg = 0, dp = 0, nint = 0;
	int64_t v = 0;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (*p < '0' || *p > '9')
		return -1;
	if (p[0] == '0' && p[1] >= '0' && p[1] <= '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++, nint++) {
		if (v > (INT64_MAX / DEC_ONE - 9) / 10)
			return -2;
		v = v * 10 + (*p - '0');
	}
	v *= DEC_ONE;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return -1;
		for (; *p >= '0' && *p <= '9'; p++) {
			if (dp == DEC_DP)
				return -2;
			dp++;
			v += (int64_t)(*p - '0') * pow10tab[DEC_DP - dp];
		}
	}
	if (*p != '\0')
		return -1;
	(void)nint;
	d->v = neg ? -v : v;
	d->dp = dp;
	return 0;
}

/*
 * Write the decimal digits of v at p, zero-padded to at least width (at
 * most 20), and return the end.  By hand: the figures of every cell and
 * check go through here, and two sprintf calls were a quarter of
 * reconcile's instructions.
 */
static char *
put_digits(char *p, uint64_t v, int width)
{
	char tmp[20];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	while (n < width)
		tmp[n++] = '0';
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

char *
dec_str(struct dec d, int mindp, char *buf)
{
	int dp = d.dp > mindp ? d.dp : mindp;
	uint64_t a = d.v < 0 ? (uint64_t)(-(d.v + 1)) + 1 : (uint64_t)d.v;
	uint64_t ip = a / DEC_ONE, fp = a % DEC_ONE;
	char *p = buf;

	if (dp > DEC_DP)
		dp = DEC_DP;
	if (d.v < 0)
		*p++ = '-';
	p = put_digits(p, ip, 1);
	if (dp > 0) {
		*p++ = '.';
		p = put_digits(p, fp / (uint64_t)pow10tab[DEC_DP - dp], dp);
	}
	*p = '\0';
	return buf;
}

int
dec_add(struct dec a, struct dec b, struct dec *r)
{
	if ((b.v > 0 && a.v > INT64_MAX - b.v) ||
	    (b.v < 0 && a.v < INT64_MIN + 1 - b.v))
		return -1;
	r->v = a.v + b.v;
	r->dp = a.dp > b.dp ? a.dp : b.dp;
	return 0;
}

int
dec_sub(struct dec a, struct dec b, struct dec *r)
{
	b.v = -b.v;
	return dec_add(a, b, r);
}

int
dec_cmp(struct dec a, struct dec b)
{
	return (a.v > b.v) - (a.v < b.v);
}

struct dec
dec_abs(struct dec a)
{
	if (a.v < 0)
		a.v = -a.v;
	return a;
}

struct dec
dec_zero(int dp)
{
	struct dec d = { 0, dp };

	return d;
}

struct dec
dec_envelope(int nterms, int dp)
{
	struct dec d;

	if (nterms < 1)
		nterms = 1;
	if (dp < 0)
		dp = 0;
	if (dp > DEC_DP)
		dp = DEC_DP;
	d.v = (int64_t)((nterms + 1) / 2) * pow10tab[DEC_DP - dp];
	d.dp = dp;
	return d;
}

struct dec
dec_half_ulp(struct dec d)
{
	struct dec h;

	h.dp = d.dp < DEC_DP ? d.dp + 1 : DEC_DP;
	h.v = d.dp < DEC_DP ? 5 * pow10tab[DEC_DP - d.dp - 1] : 0;
	return h;
}

/* floor and ceiling of a / b for b > 0 */
static i128
fdiv(i128 a, i128 b)
{
	i128 q = a / b;

	return (a % b != 0 && a < 0) ? q - 1 : q;
}

static i128
cdiv(i128 a, i128 b)
{
	i128 q = a / b;

	return (a % b != 0 && a > 0) ? q + 1 : q;
}

static int64_t
clamp64(i128 x)
{
	if (x > INT64_MAX)
		return INT64_MAX;
	if (x < -INT64_MAX)
		return -INT64_MAX;
	return (int64_t)x;
}

int
dec_pct_check(struct dec p, struct dec num, struct dec hnum,
    struct dec den, struct dec hden, struct dec *lo, struct dec *hi)
{
	i128 N = num.v, D = den.v, HN = hnum.v, HD = hden.v;
	i128 P = p.v, U = p.dp < DEC_DP ? pow10tab[DEC_DP - p.dp] : 1;
	i128 k = (i128)100 * DEC_ONE;
	i128 dlo = D + HD, dhi = D - HD;
	int ok;

	if (dhi <= 0 || N < 0)
		return -1;
	/* true ratio in [k(N-HN)/dlo, k(N+HN)/dhi]; p covers [P-U/2, P+U/2] */
	ok = 2 * k * (N - HN) <= (2 * P + U) * dlo &&
	    (2 * P - U) * dhi <= 2 * k * (N + HN);
	if (lo != NULL) {
		lo->v = clamp64(fdiv(k * (N - HN), dlo));
		lo->dp = DEC_DP;
	}
	if (hi != NULL) {
		hi->v = clamp64(cdiv(k * (N + HN), dhi));
		hi->dp = DEC_DP;
	}
	return ok;
}

int
dec_pct(struct dec num, struct dec den, int dp, struct dec *r)
{
	i128 q, unit, x;

	if (den.v == 0)
		return -1;
	if (dp < 0)
		dp = 0;
	if (dp > DEC_DP)
		dp = DEC_DP;
	unit = pow10tab[DEC_DP - dp];
	/* x = 100 * num / den in 10^-DEC_DP units, rounded to dp decimals */
	x = (i128)num.v * 100 * DEC_ONE;
	q = x / den.v;
	if (den.v < 0)
		q = -q, x = -x;
	/* round q to a multiple of unit, half away from zero, from the exact ratio */
	{
		i128 d = den.v < 0 ? -(i128)den.v : den.v;
		i128 ax = x < 0 ? -x : x;
		i128 m = unit * d;	/* one output unit, scaled by d */
		i128 qq = (ax + m / 2) / m;

		q = (x < 0 ? -qq : qq) * unit;
	}
	if (q > INT64_MAX || q < -INT64_MAX)
		return -1;
	r->v = (int64_t)q;
	r->dp = dp;
	return 0;
}
