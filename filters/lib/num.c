/*
 * num.c - the printed-figure grammar (num.h has it in full) and unit
 * scaling.
 *
 * The text is first folded to one byte per character, so that the grammar
 * below works on plain ASCII and cannot be fooled by multi-byte forms.
 * The figure is then rebuilt in the canonical stream form and handed to
 * dec_parse, which alone decides what fits: there is a single definition
 * of range and decimals for every filter.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "num.h"
#include "txt.h"
#include "util.h"

/* Folded bytes for characters that are not ASCII figures. */
#define C_DASH	'\001'		/* a long dash: nil alone, junk in a figure */
#define C_OTHER	'\002'		/* anything else outside the grammar */

#define FIGMAX	48		/* canonical figure; longer ones overflow anyway */

/* What scan() met. */
enum { F_OK, F_CUT, F_BAD, F_JUNK, F_OVER };

struct fig {
	struct dec v;
	int pct;
	int plain;
};

static const char *const flagnames[NUM_NFLAGS] = {
	"dash", "duplicate", "fullwidth", "letters", "negative", "nodecimal",
	"onedecimal", "overflow", "spaced", "split", "truncated", "twofigures"
};

static char *fold(const char *, unsigned *);
static int isdig(int);
static int isalpha_ascii(int);
static const char *skipws(const char *, int *);
static int scan(const char **, struct fig *, unsigned *);
static int only(const char *, const char *);
static int cmpstr(const void *, const void *);
static size_t rtrim(const char *, size_t);

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
isalpha_ascii(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Fold S to a new string of one byte per character (see num.h).  Every
 * code point yields at most one byte, so the result is never longer.
 */
static char *
fold(const char *s, unsigned *flags)
{
	size_t n = strlen(s);
	const char *p = s, *end = s + n;
	char *out = emalloc(n + 1), *w = out;
	int32_t cp;

	while (p < end) {
		cp = txt_decode(&p, (size_t)(end - p));
		if (cp < 0)
			*w++ = C_OTHER;
		else if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		    cp == '\v' || cp == '\f')
			*w++ = ' ';
		else if (cp < 0x20 || cp == 0x7f)
			*w++ = C_OTHER;
		else if (cp < 0x80)
			*w++ = (char)cp;
		else if (cp >= 0xff01 && cp <= 0xff5e) {
			*w++ = (char)(cp - 0xff01 + 0x21);
			*flags |= NUM_FULLWIDTH;
		} else if (cp == 0x3000 || cp == 0xa0 || (cp >= 0x2000 &&
		    cp <= 0x200a) || cp == 0x202f || cp == 0x205f)
			*w++ = ' ';
		else if ((cp >= 0x200b && cp <= 0x200d) || cp == 0x2060 ||
		    cp == 0xfeff)
			continue;
		else if (cp == 0x2212 || cp == 0x2010 || cp == 0x2011 ||
		    cp == 0xfe63)
			*w++ = '-';
		else if ((cp >= 0x2012 && cp <= 0x2015) || cp == 0x2500 ||
		    cp == 0x2501 || cp == 0x2e3a || cp == 0x2e3b || cp == 0xfe58)
			*w++ = C_DASH;
		else
			*w++ = C_OTHER;
	}
	*w = '\0';
	return out;
}

/* Skip spaces; note in *sp whether there were any. */
static const char *
skipws(const char *p, int *sp)
{
	while (*p == ' ') {
		p++;
		*sp = 1;
	}
	return p;
}

/*
 * Scan one figure at *pp (no leading space).  On F_OK fill *f and leave *pp
 * after the figure, at a space or the end.  F_CUT: the digits end in a
 * point or separator, or junk or an unclosed parenthesis follows them.
 * F_BAD: malformed inside.  F_JUNK: no figure starts here.  F_OVER: too
 * many digits.  Descriptive flags are set as they are met, even when the
 * figure then fails, so a damaged text still says how it was printed.
 */
static int
scan(const char **pp, struct fig *f, unsigned *flags)
{
	const char *p = *pp, *q, *back = NULL;
	char buf[FIGMAX + 2];
	size_t n = 0, nback = 0;
	unsigned fback = 0;
	int paren = 0, neg = 0, over = 0, oback = 0, nlead = 0, sp, comma, rc;

/* c is evaluated once at most: no side effects in it */
#define PUT(c) do { if (n < FIGMAX) buf[n++] = (c); else over = 1; } while (0)

	f->pct = f->plain = 0;
	if (*p == '(' || *p == '-') {
		paren = *p == '(';
		neg = 1;
		sp = 0;
		p = skipws(p + 1, &sp);
		if (sp)
			*flags |= NUM_SPACED;
		if (*p == '\0')
			return F_CUT;
		if (!isdig(*p))
			return F_JUNK;
		*flags |= NUM_NEGATIVE;
	}
	if (!isdig(*p))
		return F_JUNK;
	if (neg)
		PUT('-');
	/* Strict like string2ll: "007" is not a figure but damage. */
	if (*p == '0' && isdig(p[1]))
		return F_BAD;
	for (; isdig(*p); p++, nlead++)
		PUT(*p);

	/*
	 * Thousands groups: exactly three digits after a comma or a space.
	 * A space before anything else ends the figure ("54 61" is two); a
	 * comma before anything else is damage.  A space alone separates
	 * thousands only in a figure with decimals: "1 731.95" is one figure,
	 * but "868 868" is more likely two (a duplicate, or two cells run
	 * together) than 868868, so the groups are given back then.
	 */
	for (;;) {
		sp = comma = 0;
		q = skipws(p, &sp);
		if (*q == ',') {
			comma = 1;
			q = skipws(q + 1, &sp);
		}
		if (!sp && !comma)
			break;
		if (isdig(q[0]) && isdig(q[1]) && isdig(q[2]) && !isdig(q[3])) {
			if (nlead > 3 || buf[neg] == '0') {
				if (comma)
					return F_BAD;
				break;
			}
			if (!comma && back == NULL) {
				back = p;
				nback = n;
				oback = over;
				fback = *flags;
			}
			PUT(q[0]);
			PUT(q[1]);
			PUT(q[2]);
			p = q + 3;
			*flags |= NUM_SPACED;
			continue;
		}
		if (comma)
			return isdig(*q) ? F_BAD : F_CUT;
		break;
	}

	/* Decimals: the OCR puts spaces on either side of the point. */
	sp = 0;
	q = skipws(p, &sp);
	if (*q != '.' && back != NULL) {
		p = back;
		n = nback;
		over = oback;
		*flags = fback;
		q = skipws(p, &sp);
	}
	if (*q == '.') {
		q = skipws(q + 1, &sp);
		if (sp)
			*flags |= NUM_SPACED;
		if (!isdig(*q))
			return F_CUT;
		PUT('.');
		for (; isdig(*q); q++)
			PUT(*q);
		p = q;
	}

	sp = 0;
	q = skipws(p, &sp);
	if (*q == '%') {
		if (sp)
			*flags |= NUM_SPACED;
		f->pct = 1;
		p = q + 1;
	}
	if (paren) {
		sp = 0;
		q = skipws(p, &sp);
		if (*q != ')')
			return F_CUT;
		if (sp)
			*flags |= NUM_SPACED;
		p = q + 1;
	}
	if (*p != '\0' && *p != ' ')
		return F_CUT;
	if (over)
		return F_OVER;
	buf[n] = '\0';
#undef PUT
	rc = dec_parse(buf, &f->v);
	if (rc == -2)
		return F_OVER;
	if (rc != 0)
		return F_BAD;
	f->plain = !neg && !f->pct && strchr(buf, '.') == NULL;
	*pp = p;
	return F_OK;
}

/* Is s made only of bytes from set? */
static int
only(const char *s, const char *set)
{
	for (; *s != '\0'; s++)
		if (strchr(set, *s) == NULL)
			return 0;
	return 1;
}

void
num_parse(const char *s, struct num *n)
{
	unsigned flags = 0;
	char *buf, *t, *e;
	const char *p, *q;
	struct fig f, first;
	int nfig = 0, differ = 0, rc, sp;

	memset(n, 0, sizeof *n);
	memset(&first, 0, sizeof first);
	buf = fold(s, &flags);
	t = buf;
	while (*t == ' ')
		t++;
	e = t + strlen(t);
	while (e > t && e[-1] == ' ')
		*--e = '\0';

	if (*t == '\0') {
		n->status = NUM_BLANK;
		goto out;
	}
	if (only(t, "- \001")) {
		n->status = NUM_BLANK;
		n->flags = NUM_DASH;
		goto out;
	}
	if (only(t, "_ ")) {
		n->status = NUM_BLANK;
		goto out;
	}
	n->status = NUM_DAMAGED;
	for (p = t; *p != '\0'; p++)
		if (*p == C_OTHER || isalpha_ascii((unsigned char)*p))
			break;
	if (*p != '\0' || strpbrk(t, "0123456789") == NULL) {
		n->flags = flags | NUM_LETTERS;
		goto out;
	}

	/* ". 08": the integer part went to the cell before. */
	if (*t == '.') {
		sp = 0;
		q = skipws(t + 1, &sp);
		if (isdig(*q)) {
			while (isdig(*q))
				q++;
			q = skipws(q, &sp);
			if (*q == '\0') {
				if (sp)
					flags |= NUM_SPACED;
				n->flags = flags | NUM_SPLIT;
				goto out;
			}
		}
	}

	p = t;
	for (;;) {
		rc = scan(&p, &f, &flags);
		if (rc == F_JUNK)
			rc = nfig == 0 ? F_BAD : F_CUT;
		if (rc != F_OK) {
			n->flags = flags | (rc == F_OVER ? NUM_OVERFLOW :
			    NUM_TRUNCATED);
			n->cut = rc == F_CUT;
			goto out;
		}
		if (nfig++ == 0)
			first = f;
		else if (dec_cmp(f.v, first.v) != 0 || f.v.dp != first.v.dp ||
		    f.pct != first.pct)
			differ = 1;
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
	}
	if (differ) {
		n->flags = flags | NUM_TWOFIGURES;
		goto out;
	}
	n->status = NUM_OK;
	n->val = first.v;
	n->pct = first.pct;
	n->plain = first.plain && nfig == 1;
	if (nfig > 1)
		flags |= NUM_DUPLICATE;
	if (!n->pct && first.v.dp == 0)
		flags |= NUM_NODECIMAL;
	else if (!n->pct && first.v.dp == 1)
		flags |= NUM_ONEDECIMAL;
	n->flags = flags;
out:
	free(buf);
}

int
num_unit(const char *name)
{
	if (strcmp(name, "元") == 0)
		return NUM_YUAN;
	if (strcmp(name, "万元") == 0)
		return NUM_WAN;
	if (strcmp(name, "亿元") == 0)
		return NUM_YI;
	return -1;
}

const char *
num_unit_name(int unit)
{
	switch (unit) {
	case NUM_YUAN: return "元";
	case NUM_WAN: return "万元";
	case NUM_YI: return "亿元";
	}
	return NULL;
}

/* The length of s[0..len) without trailing spaces, TABs and U+3000. */
static size_t
rtrim(const char *s, size_t len)
{
	for (;;) {
		if (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		else if (len >= 3 && memcmp(s + len - 3, "\343\200\200", 3) == 0)
			len -= 3;
		else
			return len;
	}
}

int
num_strip_unit(char *s)
{
	/* 万元 and 亿元 before 元, which ends both */
	static const int order[] = { NUM_WAN, NUM_YI, NUM_YUAN };
	size_t k = rtrim(s, strlen(s)), ulen, i;
	const char *u;

	for (i = 0; i < sizeof order / sizeof order[0]; i++) {
		u = num_unit_name(order[i]);
		ulen = strlen(u);
		if (k >= ulen && memcmp(s + k - ulen, u, ulen) == 0) {
			s[rtrim(s, k - ulen)] = '\0';
			return order[i];
		}
	}
	return -1;
}

int
num_scale(struct dec *d, int from, int to)
{
	int64_t v = d->v;
	int k, dp, i;
	struct dec r, chk;
	char str[DEC_STRLEN];

	if (from < 0 || from > 18 || to < 0 || to > 18)
		return -1;
	k = from - to;
	for (i = 0; i < k; i++) {
		if (v > INT64_MAX / 10 || v < -(INT64_MAX / 10))
			return -1;
		v *= 10;
	}
	for (i = 0; i < -k; i++) {
		if (v % 10 != 0)
			return -1;
		v /= 10;
	}
	dp = d->dp - k;
	if (dp < 0)
		dp = 0;
	if (dp > DEC_DP)
		dp = DEC_DP;
	r.v = v;
	r.dp = dp;
	/* What other filters could not read back does not fit either. */
	if (dec_parse(dec_str(r, 0, str), &chk) != 0)
		return -1;
	*d = r;
	return 0;
}

const char *
num_flag_name(unsigned bit)
{
	int i;

	for (i = 0; i < NUM_NFLAGS; i++)
		if (bit == 1u << i)
			return flagnames[i];
	return NULL;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *
num_flags_merge(const char *old, unsigned bits)
{
	char *copy, *p, *tok, *out;
	const char **v = NULL;
	size_t nv = 0, len = 0, i, j;

	/* most cells have no flag, or one, and none before: nothing to sort */
	if (*old == '\0') {
		if (bits == 0)
			return estrdup("");
		for (i = 0; i < NUM_NFLAGS; i++)
			if (bits == 1u << i)
				return estrdup(flagnames[i]);
	}
	copy = estrdup(old);
	for (p = copy; p != NULL; p = tok) {
		tok = strchr(p, ',');
		if (tok != NULL)
			*tok++ = '\0';
		if (*p == '\0')
			continue;
		v = ereallocarray(v, nv + 1, sizeof *v);
		v[nv++] = p;
	}
	for (i = 0; i < NUM_NFLAGS; i++) {
		if ((bits & (1u << i)) == 0)
			continue;
		v = ereallocarray(v, nv + 1, sizeof *v);
		v[nv++] = flagnames[i];
	}
	if (nv > 0)
		qsort(v, nv, sizeof *v, cmpstr);
	for (i = 0; i < nv; i++)
		len += strlen(v[i]) + 1;
	out = emalloc(len + 1);
	len = 0;
	for (i = 0; i < nv; i = j) {
		for (j = i + 1; j < nv && strcmp(v[i], v[j]) == 0; j++)
			;
		if (len > 0)
			out[len++] = ',';
		memcpy(out + len, v[i], strlen(v[i]));
		len += strlen(v[i]);
	}
	out[len] = '\0';
	free(v);
	free(copy);
	return out;
}

const char *
num_status_name(enum num_status st)
{
	switch (st) {
	case NUM_OK: return "ok";
	case NUM_BLANK: return "blank";
	case NUM_DAMAGED: return "damaged";
	}
	return "damaged";
}
