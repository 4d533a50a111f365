/*
 * txt.c - UTF-8 helpers.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "txt.h"

/*
 * A valid three-byte sequence that needs none of txt_decode's checks for
 * overlong forms (E0) and surrogates (ED): most CJK text is made of them.
 */
static int
plain3(const unsigned char *p, size_t n)
{
	return p[0] >= 0xe1 && p[0] <= 0xef && p[0] != 0xed && n >= 3 &&
	    (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80;
}

int32_t
txt_decode(const char **pp, size_t n)
{
	const unsigned char *p = (const unsigned char *)*pp;
	int32_t cp;
	size_t len, i;

	if (p[0] < 0x80) {
		*pp += 1;
		return p[0];
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2;
		cp = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3;
		cp = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		cp = p[0] & 0x07;
	} else {
		*pp += 1;
		return -1;
	}
	if (n < len) {
		*pp += 1;
		return -1;
	}
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80) {
			*pp += 1;
			return -1;
		}
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff)) {
		*pp += 1;
		return -1;
	}
	*pp += len;
	return cp;
}

int
txt_valid(const char *s, size_t n, size_t *bad)
{
	const char *p = s, *end = s + n, *q;

	while (p < end) {
		q = p;
		if ((unsigned char)*p - 1u < 0x7fu) {	/* ASCII but NUL: most of it */
			p++;
			continue;
		}
		if (plain3((const unsigned char *)p, (size_t)(end - p))) {
			p += 3;
			continue;
		}
		if (*p == '\0' || txt_decode(&p, (size_t)(end - p)) < 0) {
			if (bad != NULL)
				*bad = (size_t)(q - s);
			return 0;
		}
	}
	return 1;
}

int
txt_encode(int32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * Only three forms change: U+FF01..U+FF5E (EF BC 81..EF BD 9E), U+3000
 * (E3 80 80) and NBSP (C2 A0); every other byte stays, valid or not (、
 * too: it separates list items).  So the bytes are matched where they
 * stand, without decoding: a lead byte is never part of another sequence,
 * and these continuation bytes are never a lead, so the matches are the
 * characters txt_decode would find.
 */
size_t
txt_fold(char *s)
{
	const unsigned char *r = (const unsigned char *)s;
	unsigned char *w;

	while (*r != '\0' && *r != 0xef && *r != 0xe3 && *r != 0xc2)
		r++;
	for (w = (unsigned char *)s + (r - (const unsigned char *)s); *r != '\0';) {
		if (r[0] == 0xef && r[1] == 0xbc && r[2] >= 0x81 && r[2] <= 0xbf) {
			*w++ = (unsigned char)(r[2] - 0x81 + 0x21);	/* U+FF01..U+FF3F */
			r += 3;
		} else if (r[0] == 0xef && r[1] == 0xbd && r[2] >= 0x80 && r[2] <= 0x9e) {
			*w++ = (unsigned char)(r[2] - 0x80 + 0x60);	/* U+FF40..U+FF5E */
			r += 3;
		} else if (r[0] == 0xe3 && r[1] == 0x80 && r[2] == 0x80) {
			*w++ = ' ';
			r += 3;
		} else if (r[0] == 0xc2 && r[1] == 0xa0) {
			*w++ = ' ';
			r += 2;
		} else
			*w++ = *r++;
	}
	*w = '\0';
	return (size_t)((char *)w - s);
}

char *
txt_strip_markup(char *s)
{
	char *r = s + strcspn(s, "<$"), *w = r;	/* most text has neither */

	while (*r != '\0') {
		if (*r == '<') {
			/* a tag: <name ...> or </name>, letters only, short */
			const char *q = r + 1;

			if (*q == '/')
				q++;
			if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')) {
				char *e = strchr(q, '>');

				if (e != NULL && e - r < 64 && memchr(r + 1, '<', (size_t)(e - r - 1)) == NULL) {
					r = e + 1;
					continue;
				}
			}
		} else if (*r == '$') {
			char *e = strchr(r + 1, '$');

			if (e != NULL && e - r < 128) {
				if (strstr(r, "\\geq") != NULL && strstr(r, "\\geq") < e)
					w += txt_encode(0x2265, w);
				else if (strstr(r, "\\leq") != NULL && strstr(r, "\\leq") < e)
					w += txt_encode(0x2264, w);
				r = e + 1;
				continue;
			}
		}
		*w++ = *r++;
	}
	*w = '\0';
	return s;
}

char *
txt_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\f' || *s == '\v')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	    e[-1] == '\n' || e[-1] == '\f' || e[-1] == '\v'))
		e--;
	*e = '\0';
	return s;
}

char *
txt_squeeze(char *s)
{
	char *r = s + strcspn(s, " \t"), *w = r;

	for (; *r != '\0'; r++)
		if (*r != ' ' && *r != '\t')
			*w++ = *r;
	*w = '\0';
	return s;
}

int
txt_is_cjk(int32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x20000 && cp <= 0x2ffff);
}

int
txt_has_cjk(const char *s)
{
	const char *end = s + strlen(s);

	while (s < end)
		if (txt_is_cjk(txt_decode(&s, (size_t)(end - s))))
			return 1;
	return 0;
}

static int
is_wide(int32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
}

size_t
txt_width(const char *s, size_t n)
{
	const char *end = s + n;
	size_t w = 0;

	while (s < end) {
		int32_t cp;

		if ((unsigned char)*s < 0x80) {	/* ASCII is narrow */
			s++;
			w++;
			continue;
		}
		cp = txt_decode(&s, (size_t)(end - s));
		w += (cp >= 0 && is_wide(cp)) ? 2 : 1;
	}
	return w;
}

size_t
txt_chars(const char *s, size_t n)
{
	const char *end = s + n;
	size_t c = 0;

	while (s < end) {
		if ((unsigned char)*s < 0x80)
			s++;
		else if (plain3((const unsigned char *)s, (size_t)(end - s)))
			s += 3;
		else
			txt_decode(&s, (size_t)(end - s));
		c++;
	}
	return c;
}
