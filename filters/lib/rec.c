/*
 * rec.c - read and write the record stream.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rec.h"
#include "util.h"

/* by code; the first letter is compared before strcmp, once per record */
static const struct { const char *kind; size_t nf; } kinds[] = {
	[REC_OTHER] = { "", 0 },
	[REC_DOC] = { "doc", D_NF }, [REC_TABLE] = { "table", T_NF },
	[REC_CELL] = { "cell", C_NF }, [REC_CLAIM] = { "claim", L_NF },
	[REC_SUM] = { "sum", S_NF }, [REC_CHECK] = { "check", K_NF },
	[REC_REPAIR] = { "repair", R_NF }, [REC_SCORE] = { "score", G_NF },
};

int
rec_kind(const char *kind)
{
	int i;

	for (i = REC_OTHER + 1; i < (int)(sizeof kinds / sizeof kinds[0]); i++)
		if (kinds[i].kind[0] == kind[0] && strcmp(kinds[i].kind, kind) == 0)
			return i;
	return REC_OTHER;
}

size_t
rec_nf(const char *kind)
{
	return kinds[rec_kind(kind)].nf;
}

int
rec_open(struct rec_in *in, const char *path, size_t maxline)
{
	memset(in, 0, sizeof *in);
	in->maxline = maxline ? maxline : REC_MAXLINE_DEFAULT;
	if (path == NULL || strcmp(path, "-") == 0) {
		in->fp = stdin;
		in->name = "stdin";
		return 0;
	}
	in->fp = fopen(path, "r");
	if (in->fp == NULL)
		return -1;
	in->name = path;
	in->own = 1;
	return 0;
}

void
rec_close(struct rec_in *in)
{
	if (in->own && in->fp != NULL)
		fclose(in->fp);
	free(in->buf);
	free(in->ubuf);
	memset(in, 0, sizeof *in);
}

/*
 * Read a block after the unread bytes, first moving them (the start of a
 * line) to the front of the buffer, and growing the buffer when that line
 * fills it: never past maxline, since readline() stops a line there.  A
 * read error is kept in in->err and reported when the bytes read before it
 * have been used, where reading a byte at a time would have met it.
 */
static void
fill(struct rec_in *in)
{
	size_t want, n;

	if (in->pos > 0) {
		memmove(in->buf, in->buf + in->pos, in->end - in->pos);
		in->end -= in->pos;
		in->pos = 0;
	}
	if (in->end == in->cap) {
		if (in->cap == 0)
			in->cap = REC_BLOCK;
		else
			in->cap = in->cap < in->maxline / 2 ? in->cap * 2 : in->maxline;
		in->buf = erealloc(in->buf, in->cap);
	}
	want = in->cap - in->end;
	n = fread(in->buf + in->end, 1, want, in->fp);
	in->end += n;
	if (n < want) {
		if (ferror(in->fp))
			in->err = errno ? errno : EIO;
		in->eof = 1;
	}
}

/*
 * Find the next line in the buffer, reading blocks as needed, and take it:
 * *linep points at it (not NUL-terminated), in->nolf tells whether it
 * ended at the end of the input without its LF.  Returns its length
 * without the LF and a CR before it, -1 at EOF, -2 on an error (reported).
 * The errors are those of reading a byte at a time: a NUL byte, or a line
 * of maxline bytes or more, whichever comes first in the line.
 */
static long
readline(struct rec_in *in, char **linep)
{
	char *p, *nl = NULL;
	size_t scanned = 0, len;

	for (;;) {
		if (in->end - in->pos > scanned)
			nl = memchr(in->buf + in->pos + scanned, '\n',
			    in->end - in->pos - scanned);
		if (nl != NULL) {
			len = (size_t)(nl - (in->buf + in->pos));
			break;
		}
		scanned = in->end - in->pos;
		if (scanned >= in->maxline) {
			len = scanned;	/* too long, or a NUL before that */
			break;
		}
		if (in->eof) {
			if (scanned == 0 && in->err == 0)
				return -1;
			len = scanned;
			break;
		}
		fill(in);
	}
	p = in->buf + in->pos;
	/* the fields are C strings: a NUL would cut the record */
	if (memchr(p, '\0', len < in->maxline ? len : in->maxline) != NULL) {
		warnmsg("%s:%lu: NUL byte in the stream", in->name, in->line + 1);
		return -2;
	}
	if (nl == NULL && in->err != 0 && len < in->maxline) {
		errno = in->err;
		warnmsg("%s:%lu: read error:", in->name, in->line + 1);
		return -2;
	}
	if (len >= in->maxline) {
		warnmsg("%s:%lu: line longer than %zu bytes (raise it with --max-line)",
		    in->name, in->line + 1, in->maxline);
		return -2;
	}
	in->nolf = nl == NULL;
	in->pos += len + (nl != NULL);
	in->line++;
	if (len > 0 && p[len - 1] == '\r')
		len--;
	*linep = p;
	return (long)len;
}

static int
is_version_line(const char *s, size_t len)
{
	return len >= sizeof REC_MAGIC &&
	    memcmp(s, REC_MAGIC "\t", sizeof REC_MAGIC) == 0;
}

/*
 * Unescape field fno, s up to its NUL at end, in place (it only shrinks).
 * tab tells that a TAB followed the field, for the message on a backslash
 * that ends it.
 */
static int
unescape(struct rec_in *in, char *s, char *end, size_t fno, int tab)
{
	char *src, *dst;
	char c;

	if ((src = memchr(s, '\\', (size_t)(end - s))) == NULL)
		return 0;
	for (dst = src; src < end; src++) {
		if (*src != '\\') {
			*dst++ = *src;
			continue;
		}
		switch (src[1]) {
		case '\\': *dst++ = '\\'; break;
		case 't': *dst++ = '\t'; break;
		case 'n': *dst++ = '\n'; break;
		case 'r': *dst++ = '\r'; break;
		default:
			c = src[1] != '\0' ? src[1] : tab ? '\t' : ' ';
			warnmsg("%s:%lu: bad escape '\\%c' in field %zu",
			    in->name, in->line, c, fno);
			return -1;
		}
		src++;
	}
	*dst = '\0';
	return 0;
}

int
rec_read(struct rec_in *in, struct rec *r)
{
	long n;
	size_t i, nf, len;
	char *line, *p, *end, *tab;
	int esc;

	for (;;) {
		n = readline(in, &line);
		if (n == -1) {
			if (in->line == 0) {
				warnmsg("%s: empty input: no stream version line", in->name);
				return -1;
			}
			return 0;
		}
		if (n < 0)
			return -1;
		len = (size_t)n;
		if (in->line == 1 || is_version_line(line, len)) {
			const char *v;
			size_t vlen;

			if (!is_version_line(line, len)) {
				warnmsg("%s:%lu: not a juesuan stream (no '%s' version line)",
				    in->name, in->line, REC_MAGIC);
				return -1;
			}
			v = line + sizeof REC_MAGIC;
			vlen = len - sizeof REC_MAGIC;
			if (vlen != sizeof REC_VERSION - 1 ||
			    memcmp(v, REC_VERSION, vlen) != 0) {
				warnmsg("%s:%lu: unsupported stream version '%.*s' (this is version %s)",
				    in->name, in->line, (int)vlen, v, REC_VERSION);
				return -1;
			}
			continue;
		}
		if (len == 0)
			continue;	/* tolerate blank lines */
		if (in->nolf) {
			/* no LF: the writer died in the middle of this record */
			warnmsg("%s:%lu: last line has no end of line (truncated stream?)",
			    in->name, in->line);
			return -1;
		}
		break;
	}
	r->raw = line;
	r->rawlen = len;
	r->line = in->line;
	/*
	 * Split a copy of the line in place: TABs become NULs, and only a
	 * field with a backslash is unescaped (most lines have none).
	 */
	if (len + 1 > in->ucap) {
		in->ucap = len + 1 > 2 * in->ucap ? len + 1 : 2 * in->ucap;
		in->ubuf = erealloc(in->ubuf, in->ucap);
	}
	memcpy(in->ubuf, line, len);
	in->ubuf[len] = '\0';
	esc = memchr(line, '\\', len) != NULL;
	end = in->ubuf + len;
	nf = 0;
	for (p = in->ubuf;; p = tab + 1) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (tab != NULL)
			*tab = '\0';
		r->f[nf++] = p;
		if (esc && unescape(in, p, tab != NULL ? tab : end, nf,
		    tab != NULL) == -1)
			return -1;
		if (tab == NULL)
			break;
		if (nf == REC_MAXF) {
			warnmsg("%s:%lu: more than %d fields", in->name,
			    in->line, REC_MAXF);
			return -1;
		}
	}
	r->nf = nf;
	r->esc = esc;
	r->flen = len + 1;
	for (i = nf; i < REC_MAXF; i++)
		r->f[i] = NULL;
	if (r->f[0][0] == '\0') {
		warnmsg("%s:%lu: record without a kind", in->name, in->line);
		return -1;
	}
	r->kind = rec_kind(r->f[0]);
	if ((nf = kinds[r->kind].nf) != 0 && nf != r->nf) {
		warnmsg("%s:%lu: '%s' record has %zu fields, expected %zu",
		    in->name, in->line, r->f[0], r->nf, nf);
		return -1;
	}
	return 1;
}

void
rec_put_version(FILE *out)
{
	fputs(REC_MAGIC "\t" REC_VERSION "\n", out);
}

/* room for n more bytes (and a NUL) in a growing buffer */
static void
reserve(char **buf, size_t len, size_t *cap, size_t n)
{
	if (len + n + 1 <= *cap)
		return;
	*cap = *cap ? *cap * 2 : 256;
	if (*cap < len + n + 1)
		*cap = len + n + 1;
	*buf = erealloc(*buf, *cap);
}

/*
 * Escape into the buffer a run at a time: a field rarely holds a byte to
 * escape, so this is mostly one strcspn and one memcpy per field (strcspn
 * looks at many bytes at a time; the fields of checks are long).
 */
static void
escape_into(char **buf, size_t *len, size_t *cap, const char *s)
{
	const char *p;

	for (;;) {
		p = s + strcspn(s, "\\\t\n\r");
		reserve(buf, *len, cap, (size_t)(p - s) + 2);
		memcpy(*buf + *len, s, (size_t)(p - s));
		*len += (size_t)(p - s);
		switch (*p) {
		case '\0': return;
		case '\\': (*buf)[(*len)++] = '\\'; (*buf)[(*len)++] = '\\'; break;
		case '\t': (*buf)[(*len)++] = '\\'; (*buf)[(*len)++] = 't'; break;
		case '\n': (*buf)[(*len)++] = '\\'; (*buf)[(*len)++] = 'n'; break;
		case '\r': (*buf)[(*len)++] = '\\'; (*buf)[(*len)++] = 'r'; break;
		}
		s = p + 1;
	}
}

/*
 * The line is built in a buffer kept between calls and written with one
 * fwrite: one lock of out per record instead of a call per byte.
 */
static char *linebuf;
static size_t linecap;

void
rec_put(FILE *out, const char *kind, size_t n, const char *const *fields)
{
	size_t len = 0, i;

	escape_into(&linebuf, &len, &linecap, kind);
	for (i = 0; i < n; i++) {
		reserve(&linebuf, len, &linecap, 1);
		linebuf[len++] = '\t';
		/* a quarter of parse-pdf-text's fields are empty */
		if (fields[i] != NULL && fields[i][0] != '\0')
			escape_into(&linebuf, &len, &linecap, fields[i]);
	}
	reserve(&linebuf, len, &linecap, 1);
	linebuf[len++] = '\n';
	fwrite(linebuf, 1, len, out);
}

/* append n bytes of s to the line */
static void
put_run(size_t *len, const char *s, size_t n)
{
	reserve(&linebuf, *len, &linecap, n);
	memcpy(linebuf + *len, s, n);
	*len += n;
}

/* is field i one of the changed? */
#define CHANGED(changed, i) ((i) < 64 && ((changed) & (uint64_t)1 << (i)) != 0)

void
rec_put_edit(FILE *out, const char *raw, size_t rawlen, size_t nf,
    const char *const *f, uint64_t changed, const char *fields)
{
	const char *p = raw, *end = raw + rawlen, *tab;
	size_t len = 0, i, j, off;

	if (memchr(raw, '\r', rawlen) != NULL) {
		rec_put(out, f[0], nf - 1, f + 1);
		return;
	}
	for (i = 0; i < nf; i = j) {
		if (i > 0) {
			reserve(&linebuf, len, &linecap, 1);
			linebuf[len++] = '\t';
		}
		if (CHANGED(changed, i) || fields == NULL) {
			/* one field: find its end in raw, to go past it */
			if (p > end)
				p = end;	/* raw had fewer fields: empty */
			if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL)
				tab = end;
			if (!CHANGED(changed, i))
				put_run(&len, p, (size_t)(tab - p));
			else if (f[i] != NULL)
				escape_into(&linebuf, &len, &linecap, f[i]);
			p = tab + 1;
			j = i + 1;
			continue;
		}
		/*
		 * fields i..j-1 are unchanged and raw had no escape: they are
		 * one run of raw, from f[i]'s offset to the end of f[j - 1]
		 */
		for (j = i + 1; j < nf && !CHANGED(changed, j); j++)
			;
		off = (size_t)(f[i] - fields);
		if (j == nf) {
			put_run(&len, raw + off, rawlen - off);
		} else {
			p = raw + (f[j - 1] - fields) + strlen(f[j - 1]);
			put_run(&len, raw + off, (size_t)(p - raw) - off);
			p++;
		}
	}
	reserve(&linebuf, len, &linecap, 1);
	linebuf[len++] = '\n';
	fwrite(linebuf, 1, len, out);
}

void
rec_pass(FILE *out, const struct rec *r)
{
	fwrite(r->raw, 1, r->rawlen, out);
	putc_unlocked('\n', out);
}

const char *
rec_cell_row(const struct rec *r)
{
	return r->f[C_ROWCODE][0] != '\0' ? r->f[C_ROWCODE] : r->f[C_ROWLABEL];
}

void
rec_escape_into(char **buf, size_t *len, size_t *cap, const char *s)
{
	escape_into(buf, len, cap, s);
	if (*buf != NULL)
		(*buf)[*len] = '\0';
}
