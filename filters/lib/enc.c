/*
 * enc.c - whole-document input with encoding detection through iconv(3),
 * and the SHA-256 that identifies a document in archives.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enc.h"
#include "txt.h"
#include "util.h"

/* position "line:col" (1-based, col in characters) of byte off in s */
static void
position(const char *s, size_t off, unsigned long *line, unsigned long *col)
{
	size_t i, bol = 0;

	*line = 1;
	for (i = 0; i < off; i++)
		if (s[i] == '\n') {
			(*line)++;
			bol = i + 1;
		}
	*col = (unsigned long)txt_chars(s + bol, off - bol) + 1;
}

static int
convert(const char *from, const char *in, size_t inlen, struct enc_doc *doc,
    const char *path, char *err, size_t errlen, size_t *badoff)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = inlen * 2 + 16, left, outleft;
	char *out, *ip = (char *)in, *op;

	if (cd == (iconv_t)-1) {
		snprintf(err, errlen, "%s: unknown encoding '%s'", path, from);
		return -1;
	}
	out = emalloc(cap);
	op = out;
	left = inlen;
	outleft = cap - 1;
	while (left > 0) {
		if (iconv(cd, &ip, &left, &op, &outleft) == (size_t)-1) {
			if (errno == E2BIG) {
				size_t used = (size_t)(op - out);

				cap *= 2;
				out = erealloc(out, cap);
				op = out + used;
				outleft = cap - used - 1;
				continue;
			}
			{
				size_t off = (size_t)(ip - in);
				unsigned long line, col;
				size_t done = (size_t)(op - out);

				if (badoff != NULL)
					*badoff = off;
				/* report the position in the text converted so far */
				out[done] = '\0';
				position(out, done, &line, &col);
				snprintf(err, errlen, "%s:%lu:%lu: %s byte sequence in %s input (byte %zu)",
				    path, line, col, errno == EINVAL ? "truncated" : "invalid",
				    from, off);
			}
			iconv_close(cd);
			free(out);
			return -1;
		}
	}
	iconv_close(cd);
	*op = '\0';
	doc->text = out;
	doc->len = (size_t)(op - out);
	return 0;
}

/* VALID: the text is known to be valid UTF-8 already (it was just checked) */
static int
check_utf8(const char *path, struct enc_doc *doc, int valid, char *err, size_t errlen)
{
	size_t bad;
	unsigned long line, col;

	if (valid || txt_valid(doc->text, doc->len, &bad)) {
		/* a BOM after the BOM (text converted twice) is no text either */
		while (doc->len >= 3 && memcmp(doc->text, "\xef\xbb\xbf", 3) == 0) {
			memmove(doc->text, doc->text + 3, doc->len - 2);
			doc->len -= 3;
		}
		return 0;
	}
	position(doc->text, bad, &line, &col);
	snprintf(err, errlen, "%s:%lu:%lu: %s", path, line, col,
	    doc->text[bad] == '\0' ? "NUL byte in text" : "invalid UTF-8");
	free(doc->text);
	doc->text = NULL;
	return -1;
}

int
enc_load(const char *path, const char *forced, size_t maxbytes,
    struct enc_doc *doc, char *err, size_t errlen)
{
	FILE *fp;
	char *buf = NULL;
	size_t len = 0, cap = 0, n, i, nul = 0, gbbad = 0;
	const unsigned char *u;
	int valid;

	memset(doc, 0, sizeof *doc);
	if (strcmp(path, "-") == 0) {
		fp = stdin;
	} else if ((fp = fopen(path, "rb")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	for (;;) {
		if (len + 65536 > cap) {
			cap = cap ? cap * 2 : 65536;
			buf = erealloc(buf, cap + 1);
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
		if (len > maxbytes) {
			snprintf(err, errlen, "%s: input larger than %zu bytes (raise it with --max-bytes)",
			    path, maxbytes);
			goto fail;
		}
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		snprintf(err, errlen, "%s: read error: %s", path, strerror(errno));
		goto fail;
	}
	if (fp != stdin)
		fclose(fp);
	fp = NULL;
	buf[len] = '\0';
	sha256(buf, len, doc->sha256);
	u = (const unsigned char *)buf;

	if (forced != NULL) {
		snprintf(doc->encoding, sizeof doc->encoding, "%s", forced);
		if (convert(forced, buf, len, doc, path, err, errlen, NULL) < 0)
			goto fail;
		free(buf);
		if (doc->len >= 3 && memcmp(doc->text, "\xef\xbb\xbf", 3) == 0) {
			memmove(doc->text, doc->text + 3, doc->len - 2);
			doc->len -= 3;
		}
		return check_utf8(path, doc, 0, err, errlen);
	}
	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		strcpy(doc->encoding, "UTF-8-BOM");
		doc->text = estrndup(buf + 3, len - 3);
		doc->len = len - 3;
		free(buf);
		return check_utf8(path, doc, 0, err, errlen);
	}
	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff))) {
		const char *name = u[0] == 0xff ? "UTF-16LE" : "UTF-16BE";

		strcpy(doc->encoding, name);
		if (convert(name, buf + 2, len - 2, doc, path, err, errlen, NULL) < 0)
			goto fail;
		free(buf);
		return check_utf8(path, doc, 0, err, errlen);
	}
	/*
	 * UTF-16 without a BOM: NUL bytes (the high byte of ASCII characters)
	 * that sit nearly all on one parity of offsets.
	 */
	{
		size_t odd = 0;
		const char *z;

		for (i = 0; i < len && (z = memchr(buf + i, '\0', len - i)) != NULL; i++) {
			i = (size_t)(z - buf);
			nul++;
			odd += i & 1;
		}
		if (nul >= 4 && len % 2 == 0 && (odd * 10 >= nul * 9 || (nul - odd) * 10 >= nul * 9))
			nul = len;	/* flag it below */
	}
	if (nul == len && len > 0) {
		snprintf(err, errlen, "%s: looks like UTF-16 without a byte order mark; give the encoding with -e UTF-16LE or -e UTF-16BE",
		    path);
		goto fail;
	}
	if ((valid = txt_valid(buf, len, NULL)) || nul > 0) {
		strcpy(doc->encoding, "UTF-8");
		doc->text = buf;
		doc->len = len;
		return check_utf8(path, doc, valid, err, errlen);
	}
	strcpy(doc->encoding, "GB18030");
	if (convert("GB18030", buf, len, doc, path, err, errlen, &gbbad) < 0) {
		size_t bad = 0;
		unsigned long line, col;

		txt_valid(buf, len, &bad);
		position(buf, bad, &line, &col);
		/*
		 * Neither.  GB18030 text read well past where it stops being
		 * UTF-8 is GB18030 with a bad byte: say where that is, as -e
		 * GB18030 would; else the first invalid UTF-8.
		 */
		if (gbbad > bad + 64) {
			size_t n = strlen(err);

			snprintf(err + n, errlen - n, ", not UTF-8 either from %lu:%lu (give the encoding with -e)",
			    line, col);
		} else {
			snprintf(err, errlen, "%s:%lu:%lu: invalid UTF-8, and not GB18030 either (give the encoding with -e)",
			    path, line, col);
		}
		goto fail;
	}
	free(buf);
	return check_utf8(path, doc, 0, err, errlen);
fail:
	if (fp != NULL && fp != stdin)
		fclose(fp);
	free(buf);
	return -1;
}

void
enc_free(struct enc_doc *doc)
{
	free(doc->text);
	doc->text = NULL;
}

void
enc_hex(const unsigned char sha[32], char out[65])
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[sha[i] >> 4];
		out[2 * i + 1] = hex[sha[i] & 15];
	}
	out[64] = '\0';
}

/* SHA-256, FIPS 180-4; compact, no tables beyond the round constants */
static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/*
 * The text of every document goes through block(), so it is written for
 * the compiler, 30% fewer instructions than the textbook loop:
 *
 * - the rounds are written out sixteen at a time with the names of the
 *   working variables rotated, instead of the eight values moved each
 *   round, and the schedule is kept in 16 words, w[j] holding w[i] of the
 *   standard while it is needed;
 * - each of the Sigma functions is one chain of rotates (ROR(x, 2) ^
 *   ROR(x, 13) ^ ROR(x, 22) is ROR(ROR(ROR(x, 9) ^ x, 11) ^ x, 2)), which
 *   x86 computes in one register instead of three copies;
 * - Maj(a, b, c) is b ^ ((a ^ b) & (b ^ c)), and b ^ c is the a ^ b of
 *   the round before (bc, ab).
 */
#define ROR(x, n)	(((x) >> (n)) | ((x) << (32 - (n))))
#define CH(x, y, z)	((z) ^ ((x) & ((y) ^ (z))))
#define SUM0(x)		ROR(ROR(ROR(x, 9) ^ (x), 11) ^ (x), 2)
#define SUM1(x)		ROR(ROR(ROR(x, 14) ^ (x), 5) ^ (x), 6)
#define SIG0(x)		(ROR(ROR(x, 11) ^ (x), 7) ^ ((x) >> 3))
#define SIG1(x)		(ROR(ROR(x, 2) ^ (x), 17) ^ ((x) >> 10))

/* round i + j, with the working variables named as they stand in it */
#define ROUND(a, b, c, d, e, f, g, h, i, j) do {				\
	uint32_t t_ = (h) + SUM1(e) + CH(e, f, g) + K[(i) + (j)] + w[j];	\
	ab = (a) ^ (b);								\
	(d) += t_;								\
	(h) = t_ + SUM0(a) + ((b) ^ (ab & bc));	/* Maj(a, b, c) */	\
	bc = ab;								\
} while (0)

/* the same for the first 16 rounds, reading w[i] from the block */
#define ROUNDP(a, b, c, d, e, f, g, h, i, j) do {				\
	w[j] = (uint32_t)p[4 * (j)] << 24 | (uint32_t)p[4 * (j) + 1] << 16 |	\
	    (uint32_t)p[4 * (j) + 2] << 8 | p[4 * (j) + 3];			\
	ROUND(a, b, c, d, e, f, g, h, i, j);					\
} while (0)

/* the same from round 16 on, computing w[i] in the place of w[i - 16] */
#define ROUNDW(a, b, c, d, e, f, g, h, i, j) do {				\
	w[j] += SIG1(w[((j) + 14) & 15]) + w[((j) + 9) & 15] +			\
	    SIG0(w[((j) + 1) & 15]);						\
	ROUND(a, b, c, d, e, f, g, h, i, j);					\
} while (0)

#define ROUNDS16(R, i) do {							\
	R(a, b, c, d, e, f, g, h, i, 0);  R(h, a, b, c, d, e, f, g, i, 1);	\
	R(g, h, a, b, c, d, e, f, i, 2);  R(f, g, h, a, b, c, d, e, i, 3);	\
	R(e, f, g, h, a, b, c, d, i, 4);  R(d, e, f, g, h, a, b, c, i, 5);	\
	R(c, d, e, f, g, h, a, b, i, 6);  R(b, c, d, e, f, g, h, a, i, 7);	\
	R(a, b, c, d, e, f, g, h, i, 8);  R(h, a, b, c, d, e, f, g, i, 9);	\
	R(g, h, a, b, c, d, e, f, i, 10); R(f, g, h, a, b, c, d, e, i, 11);	\
	R(e, f, g, h, a, b, c, d, i, 12); R(d, e, f, g, h, a, b, c, i, 13);	\
	R(c, d, e, f, g, h, a, b, i, 14); R(b, c, d, e, f, g, h, a, i, 15);	\
} while (0)

static void
block(uint32_t hs[8], const unsigned char *p)
{
	uint32_t w[16], a, b, c, d, e, f, g, h, ab, bc;
	int i;

	a = hs[0]; b = hs[1]; c = hs[2]; d = hs[3];
	e = hs[4]; f = hs[5]; g = hs[6]; h = hs[7];
	bc = b ^ c;
	ROUNDS16(ROUNDP, 0);
	for (i = 16; i < 64; i += 16)
		ROUNDS16(ROUNDW, i);
	hs[0] += a; hs[1] += b; hs[2] += c; hs[3] += d;
	hs[4] += e; hs[5] += f; hs[6] += g; hs[7] += h;
}

void
sha256(const void *data, size_t n, unsigned char out[32])
{
	uint32_t h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	const unsigned char *p = data;
	unsigned char tail[128];
	size_t rest, i;
	uint64_t bits = (uint64_t)n * 8;

	for (; n >= 64; n -= 64, p += 64)
		block(h, p);
	rest = n;
	memset(tail, 0, sizeof tail);
	memcpy(tail, p, rest);
	tail[rest] = 0x80;
	n = rest + 1 + 8 <= 64 ? 64 : 128;
	for (i = 0; i < 8; i++)
		tail[n - 1 - i] = (unsigned char)(bits >> (8 * i));
	block(h, tail);
	if (n == 128)
		block(h, tail + 64);
	for (i = 0; i < 8; i++) {
		out[4 * i] = (unsigned char)(h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(h[i] >> 8);
		out[4 * i + 3] = (unsigned char)h[i];
	}
}
