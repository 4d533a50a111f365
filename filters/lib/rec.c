/*
 * rec.c - read and write the record stream.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rec.h"
#include "util.h"

static const struct { const char *kind; size_t nf; } kinds[] = {
	{ "doc", D_NF }, { "table", T_NF }, { "cell", C_NF },
	{ "claim", L_NF }, { "sum", S_NF }, { "check", K_NF },
	{ "repair", R_NF }, { "score", G_NF },
};

size_t
rec_nf(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return kinds[i].nf;
	return 0;
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
 * Read one line into in->buf without its LF.  Returns its length, -1 at
 * EOF, -2 on error (reported).  Reading by chunks keeps a hostile line from
 * growing the buffer past maxline.
 */
static long
readline(struct rec_in *in)
{
	size_t len = 0;
	int c;

	for (;;) {
		c = getc_unlocked(in->fp);
		if (c == EOF) {
			if (ferror(in->fp)) {
				warnmsg("%s:%lu: read error:", in->name, in->line + 1);
				return -2;
			}
			if (len == 0)
				return -1;
			break;
		}
		if (c == '\n')
			break;
		if (c == '\0') {
			/* the fields are C strings: a NUL would cut the record */
			warnmsg("%s:%lu: NUL byte in the stream", in->name, in->line + 1);
			return -2;
		}
		if (len + 2 > in->cap) {
			if (in->cap >= in->maxline) {
				warnmsg("%s:%lu: line longer than %zu bytes (raise it with --max-line)",
				    in->name, in->line + 1, in->maxline);
				return -2;
			}
			in->cap = in->cap ? in->cap * 2 : 4096;
			if (in->cap > in->maxline)
				in->cap = in->maxline;
			in->buf = erealloc(in->buf, in->cap);
		}
		in->buf[len++] = (char)c;
	}
	in->line++;
	if (len > 0 && in->buf[len - 1] == '\r')
		len--;
	if (in->buf == NULL)
		in->buf = emalloc(in->cap = 4096);
	in->buf[len] = '\0';
	return (long)len;
}

static int
is_version_line(const char *s)
{
	return strncmp(s, REC_MAGIC "\t", sizeof REC_MAGIC) == 0;
}

int
rec_read(struct rec_in *in, struct rec *r)
{
	long n;
	size_t i, nf;
	char *src, *dst;

	for (;;) {
		n = readline(in);
		if (n == -1) {
			if (in->line == 0) {
				warnmsg("%s: empty input: no stream version line", in->name);
				return -1;
			}
			return 0;
		}
		if (n < 0)
			return -1;
		if (in->line == 1 || is_version_line(in->buf)) {
			if (!is_version_line(in->buf)) {
				warnmsg("%s:%lu: not a juesuan stream (no '%s' version line)",
				    in->name, in->line, REC_MAGIC);
				return -1;
			}
			if (strcmp(in->buf + sizeof REC_MAGIC, REC_VERSION) != 0) {
				warnmsg("%s:%lu: unsupported stream version '%s' (this is version %s)",
				    in->name, in->line, in->buf + sizeof REC_MAGIC, REC_VERSION);
				return -1;
			}
			continue;
		}
		if (n == 0)
			continue;	/* tolerate blank lines */
		if (feof(in->fp)) {
			/* no LF: the writer died in the middle of this record */
			warnmsg("%s:%lu: last line has no end of line (truncated stream?)",
			    in->name, in->line);
			return -1;
		}
		break;
	}
	if ((size_t)n + 1 > in->ucap) {
		in->ucap = (size_t)n + 1;
		in->ubuf = erealloc(in->ubuf, in->ucap);
	}
	r->raw = in->buf;
	r->rawlen = (size_t)n;
	r->line = in->line;
	/* split and unescape into ubuf */
	nf = 0;
	src = in->buf;
	dst = in->ubuf;
	r->f[nf++] = dst;
	for (; *src != '\0'; src++) {
		if (*src == '\t') {
			*dst++ = '\0';
			if (nf == REC_MAXF) {
				warnmsg("%s:%lu: more than %d fields", in->name,
				    in->line, REC_MAXF);
				return -1;
			}
			r->f[nf++] = dst;
		} else if (*src == '\\') {
			switch (src[1]) {
			case '\\': *dst++ = '\\'; break;
			case 't': *dst++ = '\t'; break;
			case 'n': *dst++ = '\n'; break;
			case 'r': *dst++ = '\r'; break;
			default:
				warnmsg("%s:%lu: bad escape '\\%c' in field %zu",
				    in->name, in->line, src[1] ? src[1] : ' ', nf);
				return -1;
			}
			src++;
		} else {
			*dst++ = *src;
		}
	}
	*dst = '\0';
	r->nf = nf;
	for (i = nf; i < REC_MAXF; i++)
		r->f[i] = NULL;
	if (r->f[0][0] == '\0') {
		warnmsg("%s:%lu: record without a kind", in->name, in->line);
		return -1;
	}
	if ((nf = rec_nf(r->f[0])) != 0 && nf != r->nf) {
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

static void
put_escaped(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\': fputs("\\\\", out); break;
		case '\t': fputs("\\t", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		default: putc_unlocked(*s, out);
		}
	}
}

void
rec_put(FILE *out, const char *kind, size_t n, const char *const *fields)
{
	size_t i;

	put_escaped(out, kind);
	for (i = 0; i < n; i++) {
		putc_unlocked('\t', out);
		if (fields[i] != NULL)
			put_escaped(out, fields[i]);
	}
	putc_unlocked('\n', out);
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
	for (; *s != '\0'; s++) {
		char e = 0;

		switch (*s) {
		case '\\': e = '\\'; break;
		case '\t': e = 't'; break;
		case '\n': e = 'n'; break;
		case '\r': e = 'r'; break;
		}
		if (*len + 3 > *cap) {
			*cap = *cap ? *cap * 2 : 256;
			*buf = erealloc(*buf, *cap);
		}
		if (e) {
			(*buf)[(*len)++] = '\\';
			(*buf)[(*len)++] = e;
		} else {
			(*buf)[(*len)++] = *s;
		}
	}
	if (*buf != NULL)
		(*buf)[*len] = '\0';
}
