/*
 * parse.c - find the tables of a disclosure and read them into records.
 *
 * The text is split into lines; table titles are matched against the
 * catalogue (tpl.h); a title whose region holds no rows is a table of
 * contents entry, not a table.  Each region is cut into a grid of cells
 * (by TAB for OCR markdown, by whitespace geometry for pdftotext -layout)
 * and read through the shape of its template.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claims.h"
#include "forms.h"
#include "enc.h"
#include "layout.h"
#include "parse.h"
#include "rec.h"
#include "tpl.h"
#include "txt.h"
#include "util.h"







/* the first byte decides most calls: tested before strncmp */
static int
starts(const char *s, const char *p)
{
	return p[0] == '\0' || (s[0] == p[0] && strncmp(s, p, strlen(p)) == 0);
}

/* a full-width digit U+FF10..U+FF19 at s? */
static int
fw_digit(const char *s)
{
	return (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99;
}

static int
has_digit(const char *s)
{
	/* an ASCII digit, or the lead byte of a full-width one */
	for (; (s = strpbrk(s, "0123456789\xef")) != NULL; s++)
		if ((*s >= '0' && *s <= '9') || fw_digit(s))
			return 1;
	return 0;
}

/*
 * Full-width digits to ASCII, in place, in a cell that is not a figure:
 * a 行次, 栏次 or code alone, or text holding one (and then the ，．％
 * that follow a digit, the separators of a figure merged with a label).  A figure keeps the
 * form it was printed in (its raw value); normalize-numbers reads it.
 */
static void
fold_digits(char *s)
{
	char *w = s;
	const char *r = s;
	int text = txt_has_cjk(s), digits = 1;

	for (; *r; r++)
		if (!(*r == ' ' || (*r >= '0' && *r <= '9') || fw_digit(r)))
			digits = 0;
		else if (fw_digit(r))
			r += 2;
	if (!text && !digits)
		return;
	for (r = s; *r;) {
		if (fw_digit(r)) {
			*w++ = (char)('0' + ((unsigned char)r[2] - 0x90));
			r += 3;
		} else if (w > s && w[-1] >= '0' && w[-1] <= '9' &&
		    (unsigned char)r[0] == 0xEF && (unsigned char)r[1] == 0xBC &&
		    ((unsigned char)r[2] == 0x8C || (unsigned char)r[2] == 0x8E ||
		    (unsigned char)r[2] == 0x85)) {
			/* ，．％ after a digit: the separators of a merged figure */
			*w++ = (char)(r[2] == '\x8C' ? ',' : r[2] == '\x8E' ? '.' : '%');
			r += 3;
		} else
			*w++ = *r++;
	}
	*w = '\0';
}

/* a cell that holds a figure (possibly damaged): digits and no CJK text */
static int
is_figure(const char *s)
{
	return has_digit(s) && !txt_has_cjk(s);
}

/* an empty cell, or one holding only OCR residue of rules ("_", "-") */
static int
is_empty(const char *s)
{
	return *s == '\0';
}

/* 1..3 ASCII digits, the whole cell: a 行次 or 栏次 */
int
ps_small_int(const char *s, int *v)
{
	int n = 0, x = 0;

	for (; *s == ' '; s++)
		;
	for (; *s >= '0' && *s <= '9'; s++, n++)
		if (n < 3)	/* a longer run is refused below: no overflow */
			x = x * 10 + (*s - '0');
	for (; *s == ' '; s++)
		;
	if (n == 0 || n > 3 || *s != '\0')
		return 0;
	if (v != NULL)
		*v = x;
	return 1;
}

/*
 * A classification code: digits with optional spaces ("2080505",
 * "201 06 01"), 3, 5 or 7 digits in all.  Writes the digits to out[8].
 */
int
ps_code_of(const char *s, char out[8])
{
	size_t n = 0;

	for (; *s; s++) {
		if (*s == ' ')
			continue;
		if (*s < '0' || *s > '9' || n == 7)
			return 0;
		out[n++] = *s;
	}
	out[n] = '\0';
	return n == 3 || n == 5 || n == 7;
}

char *
ps_normdup(const char *s)
{
	char *d = estrdup(s);

	return tpl_norm(d);
}

/* printed label cleaned for output: markup gone, widths folded, no spaces */
char *
ps_labeldup(const char *s)
{
	char *d = estrdup(s);

	txt_strip_markup(d);
	txt_fold(d);
	txt_squeeze(d);
	return d;
}

/* ---- document structure ---------------------------------------------- */

/*
 * The table a line titles, or NULL.  Headings (#), list markers, markup,
 * a leading year ("2024年度") and the unit name before the title are all
 * allowed; sentences are not.
 */
static const struct tpl_table *
title_of(const char *line)
{
	char buf[1024], remark[256] = "", *p;
	const struct tpl_table *t;
	const char *mark = tpl_title_mark();

	if (strnlen(line, sizeof buf) >= sizeof buf || strchr(line, '\t') != NULL)
		return NULL;
	/* most lines are not titles: refuse them before normalising */
	if (mark != NULL && strstr(line, mark) == NULL)
		return NULL;
	strcpy(buf, line);
	p = buf;
	while (*p == '#' || *p == ' ' || *p == '-' || *p == '*')
		p++;
	tpl_norm(p);
	if (strstr(p, "。") != NULL || strstr(p, "，") != NULL || strchr(p, ',') != NULL)
		return NULL;
	/* a contents entry's dot leaders and page number: "…预算总表 ……… 5" */
	{
		size_t n = strlen(p);
		char *paren;

		/* and a closing remark in brackets: "…支出情况表(按功能分类科目)" */
		if (n > 0 && p[n - 1] == ')' && (paren = strrchr(p, '(')) != NULL && paren > p) {
			snprintf(remark, sizeof remark, "%s", paren);
			*paren = '\0';
			n = strlen(p);
		}

		for (;;) {
			if (n >= 3 && strncmp(p + n - 3, "…", 3) == 0)
				n -= 3;
			else if (n > 0 && (p[n - 1] == '.' || (p[n - 1] >= '0' && p[n - 1] <= '9')))
				n--;
			else
				break;
		}
		p[n] = '\0';
	}
	/* a table outside the catalogue whose title ends like one in it */
	if (tpl_other_title(p))
		return NULL;
	t = tpl_by_title(p);
	if (t == NULL && remark[0] != '\0') {
		/* "…明细表(按支出经济分类科目)": the remark tells two tables apart */
		size_t n = strlen(p);

		snprintf(p + n, sizeof buf - (size_t)(p - buf) - n, "%s", remark);
		t = tpl_by_title(p);
		p[n] = '\0';
	}
	if (t == NULL)
		return NULL;
	/* a part heading ("第二部分 …决算表") is not a table title */
	if (starts(p, "第") && strstr(p, "部分") != NULL)
		return NULL;
	return t;
}

/* does the line title a table outside the catalogue? */
static int
other_title(const char *line)
{
	char buf[256], *p;
	size_t n;
	int r;

	if (strstr(line, "表") == NULL || strnlen(line, sizeof buf) >= sizeof buf)
		return 0;
	strcpy(buf, line);
	p = tpl_norm(buf);
	if (strstr(p, "。") != NULL || strstr(p, "，") != NULL)
		return 0;
	n = strlen(p);
	if (n > 0 && p[n - 1] == ')' && strrchr(p, '(') != NULL)
		*strrchr(p, '(') = '\0';
	r = tpl_other_title(p);
	return r;
}

/*
 * A markdown table row "| a | b | c |": three bars at least, and not the
 * "|---|:--|" rule under a header.
 */
static int
pipe_row(const char *s)
{
	int bars = 0, other = 0;

	while (*s == ' ')
		s++;
	if (*s != '|')
		return 0;
	for (; *s; s++) {
		if (*s == '|')
			bars++;
		else if (*s != '-' && *s != ':' && *s != ' ')
			other = 1;
	}
	return bars >= 3 && other;
}

/* does the line look like a table row of this layout? */
static int
rowish(const struct pdoc *d, const char *s)
{
	if (d->layout == LAY_TSV)
		return pipe_row(s) || (strchr(s, '\t') != NULL &&
		    strchr(strchr(s, '\t') + 1, '\t') != NULL);
	if (d->layout == LAY_WORDS)
		return has_digit(s) && strchr(s, ' ') != NULL;
	if (d->layout == LAY_PLAIN)	/* a figure or a code, alone */
		return has_digit(s) && !txt_has_cjk(s);
	return has_digit(s) && strstr(s, "  ") != NULL;
}

static int
is_heading(const char *s)
{
	return s[0] == '#';
}

static int
is_note(const char *s)
{
	while (*s == ' ' || *s == '-')
		s++;
	return starts(s, "注") || starts(s, "备注") || starts(s, "<sup>");
}

/* a sentence of the narrative: it ends a table region */
static int
is_prose(const char *s)
{
	return strstr(s, "。") != NULL && !is_note(s);
}

/* a part heading: "第三部分 …" */
static int
is_part(const char *s)
{
	while (*s == ' ' || *s == '#' || *s == '\t')
		s++;
	return starts(s, "第") && strstr(s, "部分") != NULL && strstr(s, "部分") - s <= 9;
}

/* how many space-separated words of the line are amounts ("1,234", "5.00") */
static int
figure_words(const char *s)
{
	int n = 0;

	while (*s) {
		const char *e;
		int dig = 0, sep = 0, other = 0;

		while (*s == ' ')
			s++;
		for (e = s; *e && *e != ' '; e++) {
			if (*e >= '0' && *e <= '9')
				dig = 1;
			else if (*e == ',' || *e == '.')
				sep = 1;
			else
				other = 1;
		}
		if (dig && sep && !other)
			n++;
		s = e;
	}
	return n;
}

static void
detect_layout(struct pdoc *d)
{
	size_t i, tabs = 0, spaced = 0, lone = 0;

	size_t words = 0;

	for (i = 0; i < d->nline; i++) {
		const char *l = d->line[i];

		if (strchr(l, '\t') != NULL || pipe_row(l))
			tabs++;
		else if (strstr(l, "    ") != NULL)
			spaced++;
		else if (figure_words(l) >= 2 && strstr(l, "。") == NULL && strstr(l, "万元") == NULL &&
		    strchr(l, '%') == NULL)
			words++;	/* "201 一般公共服务支出 1,234,567 1,234,567", not prose */
	}
	/*
	 * pdftotext without -layout: one cell per line, figures and codes
	 * alone on theirs, hardly a line of two cells.
	 */
	for (i = 0; i < d->nline; i++) {
		char c[8];
		const char *l = d->line[i];

		while (*l == ' ')
			l++;
		if (*l != '\0' && strchr(l, ' ') == NULL && (is_figure(l) || ps_code_of(l, c)))
			lone++;
	}
	if (lone >= 20 && lone > 3 * (tabs + spaced + words))
		d->layout = LAY_PLAIN;
	else if (tabs >= spaced && tabs >= words)
		d->layout = LAY_TSV;
	else
		d->layout = spaced >= words ? LAY_SPACE : LAY_WORDS;
}



/*
 * Page text without line ends glues a page's first line, often a table
 * title, to the last line of the page before ("…减少。        2026年预算
 * 单位财务收支预算总表").  Split a line whose end after a run of spaces is
 * a title into two lines of the same number.
 */
static void
split_glued_titles(struct pdoc *d)
{
	size_t i, n = 0, cap = d->nline + 16;
	char **line = ereallocarray(NULL, cap, sizeof *line);
	unsigned long *lineno = ereallocarray(NULL, cap, sizeof *lineno);
	unsigned *page = ereallocarray(NULL, cap, sizeof *page);

	for (i = 0; i < d->nline; i++) {
		char *l = d->line[i], *run = NULL, *p, *end, *m;
		const char *mark = tpl_title_mark();

		if (n + 2 > cap) {
			cap *= 2;
			line = ereallocarray(line, cap, sizeof *line);
			lineno = ereallocarray(lineno, cap, sizeof *lineno);
			page = ereallocarray(page, cap, sizeof *page);
		}
		/*
		 * The last space after which the rest of the line is a title.  A
		 * rest without the title mark is none (see title_of): the search
		 * starts at the line's last mark, and a line without one is passed.
		 */
		if (title_of(l) == NULL) {
			end = l + strlen(l);
			if (mark != NULL) {
				for (p = NULL, m = l; (m = strstr(m, mark)) != NULL; m++)
					p = m;
				end = p != NULL ? p : l;
			}
			for (p = end; p > l; p--)
				if (p[-1] == ' ' && *p != ' ' && *p != '\0' && title_of(p) != NULL) {
					run = p - 1;
					while (run > l && run[-1] == ' ')
						run--;
					break;
				}
		}
		if (run != NULL && run > l) {
			char *q = run;

			while (*q == ' ')
				q++;
			if (txt_has_cjk(q) && !is_note(q)) {
				*run = '\0';
				line[n] = l;
				lineno[n] = d->lineno[i];
				page[n++] = d->page[i];
				line[n] = q;
				lineno[n] = d->lineno[i];
				page[n++] = d->page[i];
				continue;
			}
		}
		line[n] = l;
		lineno[n] = d->lineno[i];
		page[n++] = d->page[i];
	}
	free(d->line);
	free(d->lineno);
	free(d->page);
	d->line = line;
	d->lineno = lineno;
	d->page = page;
	d->nline = n;
}

/* ---- HTML tables ---------------------------------------------------------- */

/* case-insensitive search for an ASCII tag word */
static const char *
tagfind(const char *s, const char *tag)
{
	size_t n = strlen(tag);
	/* the tags and attributes sought are ASCII: their first byte in either case */
	unsigned char c0 = (unsigned char)tag[0] | 0x20;

	if (tag[0] == '<') {	/* no case to it: strchr finds the candidates */
		for (; (s = strchr(s, '<')) != NULL; s++)
			if (strncasecmp(s, tag, n) == 0)
				return s;
		return NULL;
	}
	for (; *s; s++)
		if (((unsigned char)*s | 0x20) == c0 && strncasecmp(s, tag, n) == 0)
			return s;
	return NULL;
}

/* decode the entities OCR and converters leave: &amp; &lt; &nbsp; &#NN; &#xHH; */
static void
entities(char *s)
{
	char *r = s, *w = s;

	while (*r) {
		if (*r == '&') {
			static const struct { const char *e; int32_t cp; } ent[] = {
				{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
				{ "&quot;", '"' }, { "&apos;", '\'' }, { "&nbsp;", ' ' },
			};
			size_t k;
			int done = 0;

			for (k = 0; k < sizeof ent / sizeof ent[0]; k++)
				if (strncmp(r, ent[k].e, strlen(ent[k].e)) == 0) {
					*w++ = (char)ent[k].cp;
					r += strlen(ent[k].e);
					done = 1;
					break;
				}
			if (!done && r[1] == '#') {
				char *end;
				long cp = r[2] == 'x' || r[2] == 'X' ? strtol(r + 3, &end, 16) :
				    strtol(r + 2, &end, 10);

				if (*end == ';' && cp > 0 && cp < 0x110000) {
					w += txt_encode((int32_t)cp, w);
					r = end + 1;
					done = 1;
				}
			}
			if (done)
				continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

/* an attribute's number: colspan="3" */
static int
attr_num(const char *tag, const char *tagend, const char *name)
{
	const char *a = tagfind(tag, name);
	int v = 0;

	if (a == NULL || a > tagend)
		return 1;
	a += strlen(name);
	while (*a == ' ' || *a == '=' || *a == '"' || *a == '\'')
		a++;
	while (*a >= '0' && *a <= '9' && v < 1000)
		v = v * 10 + (*a++ - '0');
	return v > 0 ? v : 1;
}

/*
 * HTML tables, as OCR and PDF-to-markdown tools emit them, become TAB rows
 * the table readers know: one line per <tr>, colspan filled with empty
 * cells, a rowspan leaving an empty cell in the rows below it, tags
 * stripped and entities decoded.  The rows keep the line of their <tr>.
 */
static void
html_tables(struct pdoc *d)
{
	size_t i, nl = 0, cap = 0;
	char **line = NULL;
	unsigned long *lineno = NULL;
	unsigned *page = NULL;

#define PUSH(str, no, pg) do { \
		if (nl == cap) { \
			cap = cap ? cap * 2 : 256; \
			line = ereallocarray(line, cap, sizeof *line); \
			lineno = ereallocarray(lineno, cap, sizeof *lineno); \
			page = ereallocarray(page, cap, sizeof *page); \
		} \
		line[nl] = (str); lineno[nl] = (no); page[nl] = (pg); nl++; \
	} while (0)

	for (i = 0; i < d->nline; i++) {
		const char *t = tagfind(d->line[i], "<table");
		char *buf, *rowbuf = NULL;
		size_t blen, j, k, rlen = 0, rcap = 0;
		int span[64] = { 0 };	/* rows still covered by a rowspan, per column */
		unsigned long rowline = 0;

		if (t == NULL) {
			PUSH(d->line[i], d->lineno[i], d->page[i]);
			continue;
		}
		if (t > d->line[i]) {
			char *pre = estrndup(d->line[i], (size_t)(t - d->line[i]));

			d->own = ereallocarray(d->own, d->nown + 1, sizeof *d->own);
			d->own[d->nown++] = pre;
			PUSH(pre, d->lineno[i], d->page[i]);
		}
		/* the table's text up to </table>, with a line mark per source line */
		buf = estrdup(t);
		blen = strlen(buf);
		for (j = i; tagfind(buf, "</table") == NULL && j + 1 < d->nline; ) {
			j++;
			buf = erealloc(buf, blen + strlen(d->line[j]) + 16);
			blen += (size_t)sprintf(buf + blen, "\x01%s", d->line[j]);
		}
		{
			const char *p = buf, *e;
			unsigned long ln = d->lineno[i];
			int col = 0, inrow = 0;

			while (*p) {
				if (*p == '\x01') {
					ln++;
					p++;
					continue;
				}
				if (*p != '<') {
					p++;
					continue;
				}
				e = strchr(p, '>');
				if (e == NULL)
					break;
				if (strncasecmp(p, "<tr", 3) == 0) {
					inrow = 1;
					col = 0;
					rlen = 0;
					rowline = ln;
				} else if ((strncasecmp(p, "</tr", 4) == 0 || strncasecmp(p, "</table", 7) == 0) &&
				    inrow) {
					char *row = estrndup(rowbuf != NULL ? rowbuf : "", rlen);

					while (col < 64 && span[col] > 0) {	/* trailing rowspans */
						span[col]--;
						col++;
					}
					d->own = ereallocarray(d->own, d->nown + 1, sizeof *d->own);
					d->own[d->nown++] = row;
					PUSH(row, rowline, d->page[i]);
					inrow = 0;
				} else if (inrow && (strncasecmp(p, "<td", 3) == 0 || strncasecmp(p, "<th", 3) == 0)) {
					int cs = attr_num(p, e, "colspan"), rs = attr_num(p, e, "rowspan");
					const char *c0 = e + 1, *c1 = tagfind(c0, "</t");
					char *cell;

					if (c1 == NULL)
						c1 = c0 + strlen(c0);
					/* columns held by rowspans from above come first */
					while (col < 64 && span[col] > 0) {
						span[col]--;
						if (rlen + 2 > rcap)
							rowbuf = erealloc(rowbuf, rcap = rcap * 2 + 64);
						if (col > 0 || rlen > 0)
							rowbuf[rlen++] = '\t';
						col++;
					}
					cell = estrndup(c0, (size_t)(c1 - c0));
					for (k = 0; cell[k]; k++)
						if (cell[k] == '\x01' || cell[k] == '\t')
							cell[k] = ' ';
					txt_strip_markup(cell);
					entities(cell);
					for (k = 0; k < (size_t)cs; k++) {
						const char *txt = k == 0 ? txt_trim(cell) : "";
						size_t tl = strlen(txt);

						if (rlen + tl + 2 > rcap)
							rowbuf = erealloc(rowbuf, rcap = (rlen + tl + 2) * 2);
						if (col > 0)
							rowbuf[rlen++] = '\t';
						memcpy(rowbuf + rlen, txt, tl);
						rlen += tl;
						if (col < 64 && rs > 1)
							span[col] = rs - 1;
						col++;
					}
					free(cell);
					p = c1;
					continue;
				}
				p = e + 1;
			}
		}
		free(buf);
		free(rowbuf);
		i = j;
	}
#undef PUSH
	free(d->line);
	free(d->lineno);
	free(d->page);
	d->line = line;
	d->lineno = lineno;
	d->page = page;
	d->nline = nl;
}

/* ---- grids ------------------------------------------------------------- */

static void
grow_free(struct grow *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->c[i].t);
	free(r->c);
	r->c = NULL;
	r->n = 0;
}

static void
grow_add(struct grow *r, const char *s, size_t len, unsigned long col)
{
	char *t = estrndup(s, len);

	r->c = ereallocarray(r->c, r->n + 1, sizeof *r->c);
	txt_strip_markup(t);
	r->c[r->n].t = estrdup(txt_trim(t));
	fold_digits(r->c[r->n].t);
	r->c[r->n].col = col;
	r->n++;
	free(t);
}

/* split a TAB-separated line into cells, keeping empty ones (positions matter) */
static void
grid_tsv(const char *s, unsigned long line, struct grow *r)
{
	const char *p = s, *q;
	int sep = '\t';

	r->line = line;
	r->c = NULL;
	r->n = 0;
	if (pipe_row(s)) {
		/* "| a | b |": bars part the cells; drop the outer ones */
		sep = '|';
		p = strchr(s, '|') + 1;
	}
	for (;;) {
		q = strchr(p, sep);
		if (sep == '|' && q != NULL && q[strspn(q + 1, " ") + 1] == '\0')
			q = NULL;	/* the closing bar */
		if (q == NULL && sep == '|') {
			const char *e = p + strlen(p);

			while (e > p && (e[-1] == ' ' || e[-1] == '|'))
				e--;
			grow_add(r, p, (size_t)(e - p), (unsigned long)txt_chars(s, (size_t)(p - s)) + 1);
			break;
		}
		if (q == NULL)
			q = p + strlen(p);
		grow_add(r, p, (size_t)(q - p), (unsigned long)txt_chars(s, (size_t)(p - s)) + 1);
		if (*q == '\0')
			break;
		p = q + 1;
	}
}

/*
 * Split a space-aligned line: a run of two or more spaces (or one space
 * between two figures) ends a cell.  Used for pdftotext -layout text.
 */
static void
grid_space(const char *s, unsigned long line, struct grow *r)
{
	const char *p = s, *start;

	r->line = line;
	r->c = NULL;
	r->n = 0;
	while (*p) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		start = p;
		while (*p) {
			if (p[0] == ' ' && (p[1] == ' ' || p[1] == '\0'))
				break;
			p++;
		}
		grow_add(r, start, (size_t)(p - start), (unsigned long)txt_chars(s, (size_t)(start - s)) + 1);
	}
}

static const char *
cell_at(const struct grow *r, int pos)
{
	if (pos < 0 || (size_t)pos >= r->n)
		return "";
	return r->c[pos].t;
}

static unsigned long
col_at(const struct grow *r, int pos)
{
	if (pos < 0 || r->n == 0)
		return 1;
	if ((size_t)pos >= r->n)
		return r->c[r->n - 1].col + 1;
	return r->c[pos].col;
}

/* ---- output cells ------------------------------------------------------ */

void
ps_emit_cell(struct pdoc *d, struct tab *tb, const char *rowcode, const char *rowlabel,
    const char *rowno, int cidx, const char *colno, const char *raw,
    const char *flags, unsigned long line, unsigned long ccol, int panel)
{
	const char *s[7] = { rowcode, rowlabel, rowno, tb->t->cols[cidx], colno, raw, flags };
	char *f[7], *p;
	size_t len[7], n = 0;
	struct ocell *o;
	int i;

	if (d->toobig)
		return;
	if (++d->ncells > d->maxcells) {
		d->toobig = 1;
		return;
	}
	if (tb->noc == tb->coc) {
		tb->coc = tb->coc ? tb->coc * 2 : 64;
		tb->oc = ereallocarray(tb->oc, tb->coc, sizeof *tb->oc);
	}
	o = &tb->oc[tb->noc];
	o->order = tb->noc++;
	/*
	 * The seven strings live and die together, so they share one
	 * allocation, the first's (flush_table frees rowcode alone): seven
	 * estrdup calls a cell were a twentieth of the filter's instructions.
	 */
	for (i = 0; i < 7; i++)
		n += len[i] = strlen(s[i]) + 1;
	p = emalloc(n);
	for (i = 0; i < 7; i++) {
		f[i] = memcpy(p, s[i], len[i]);
		p += len[i];
	}
	o->rowcode = f[0];
	o->rowlabel = f[1];
	o->rowno = f[2];
	o->col = f[3];
	o->colno = f[4];
	o->raw = f[5];
	o->flags = f[6];
	o->cseq = cidx + 1;
	o->line = line;
	o->ccol = ccol;
	o->panel = panel;
	o->rseq = 0;
}

static int
oc_cmp(const void *a, const void *b)
{
	const struct ocell *x = a, *y = b;

	if (x->panel != y->panel)
		return x->panel - y->panel;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/*
 * The decimal digits of v, written backwards so that they end just before
 * end; returns where they start.  snprintf did this for three fields of
 * every cell record, at several hundred instructions a call.
 */
static char *
ulong_digits(char *end, unsigned long v)
{
	do
		*--end = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	return end;
}

/* "%d" of v into buf (room for any int and a NUL); returns the text */
static char *
int_str(char buf[24], int v)
{
	char *p;

	buf[23] = '\0';
	p = ulong_digits(buf + 23, v < 0 ? 0UL - (unsigned long)v : (unsigned long)v);
	if (v < 0)
		*--p = '-';
	return p;
}

const char *
ps_code_name(const struct pdoc *d, const char *code)
{
	size_t i;

	for (i = 0; i < d->nnames; i++)
		if (strcmp(d->ncode[i], code) == 0)
			return d->nname[i];
	return NULL;
}

/* keep the name printed beside a code, the first time it is read */
static void
keep_code_name(struct pdoc *d, const char *code, const char *name)
{
	if (code[0] == '\0' || strlen(code) > 7 || name[0] == '\0' ||
	    ps_code_name(d, code) != NULL)
		return;
	d->ncode = egrowarray(d->ncode, d->nnames, sizeof *d->ncode);
	d->nname = egrowarray(d->nname, d->nnames, sizeof *d->nname);
	snprintf(d->ncode[d->nnames], sizeof *d->ncode, "%s", code);
	d->nname[d->nnames++] = estrdup(name);
}

/* order cells by panel then line, number the rows, write the records */
static void
flush_table(struct pdoc *d, struct tab *tb)
{
	size_t i;
	int rseq = 0;
	char rs[24], cs[24], pos[48];
	const char *prev_key = NULL, *prev_label = NULL;
	int prev_panel = -1;
	unsigned long prev_line = 0;
	unsigned long long seen = 0;	/* the columns of the row so far */

	/*
	 * Most readers emit their cells in order already, and oc_cmp is a
	 * total order (arrival breaks ties), so a table found sorted needs no
	 * qsort; qsort(NULL, 0, ...) would be undefined besides.
	 */
	for (i = 1; i < tb->noc; i++)
		if (oc_cmp(&tb->oc[i - 1], &tb->oc[i]) > 0) {
			qsort(tb->oc, tb->noc, sizeof *tb->oc, oc_cmp);
			break;
		}
	for (i = 0; i < tb->noc; i++) {
		struct ocell *o = &tb->oc[i];
		const char *key = o->rowcode[0] ? o->rowcode : o->rowlabel;
		/*
		 * One cell per line: a row's cells are on lines of their own, and
		 * a new line begins a new row of the same key only where it
		 * repeats a column.
		 */
		unsigned long long bit = o->cseq > 0 && o->cseq <= 64 ? 1ULL << (o->cseq - 1) : 0;
		int newline = o->line != prev_line &&
		    (d->layout != LAY_PLAIN || bit == 0 || (seen & bit) != 0);

		if (prev_key == NULL || o->panel != prev_panel || newline ||
		    strcmp(key, prev_key) != 0 || strcmp(o->rowlabel, prev_label) != 0) {
			rseq++;
			seen = 0;
		}
		seen |= bit;
		if (d->layout == LAY_PLAIN)
			keep_code_name(d, o->rowcode, o->rowlabel);
		prev_key = key;
		prev_label = o->rowlabel;
		prev_panel = o->panel;
		prev_line = o->line;
		o->rseq = rseq;
	}
	for (i = 0; i < tb->noc; i++) {
		struct ocell *o = &tb->oc[i];
		const char *f[C_NF - 1];
		char *p;

		/* "LINE:COL", built from its end */
		pos[sizeof pos - 1] = '\0';
		p = ulong_digits(pos + sizeof pos - 1, o->ccol);
		*--p = ':';
		p = ulong_digits(p, o->line);
		f[C_DOC - 1] = d->id;
		f[C_TABLE - 1] = tb->t->id;
		f[C_ROWCODE - 1] = o->rowcode;
		f[C_ROWLABEL - 1] = o->rowlabel;
		f[C_ROWNO - 1] = o->rowno;
		f[C_COL - 1] = o->col;
		f[C_COLNO - 1] = o->colno;
		f[C_RAW - 1] = o->raw;
		f[C_VALUE - 1] = "";
		f[C_UNIT - 1] = tb->unit;
		f[C_STATUS - 1] = "new";
		f[C_FLAGS - 1] = o->flags;
		f[C_POS - 1] = p;
		f[C_RSEQ - 1] = int_str(rs, o->rseq);
		f[C_CSEQ - 1] = int_str(cs, o->cseq);
		rec_put(d->out, "cell", C_NF - 1, f);
		free(o->rowcode);	/* and the other six: ps_emit_cell */
	}
	free(tb->oc);
	tb->oc = NULL;
	tb->noc = tb->coc = 0;
}

/* a figure in a cell no column claims: report it, never drop it silently */
static void
stray(struct pdoc *d, const struct tab *tb, const struct grow *r, int pos)
{
	warnmsg("%s:%lu:%lu: figure '%s' outside the columns of %s, not read",
	    d->src, r->line, r->c[pos].col, r->c[pos].t, tb->t->id);
}

/* ---- 栏次 rows ------------------------------------------------------------ */

struct lanci {
	int row;		/* index of the 栏次 row in the grid */
	int npanel;
	int label[4];		/* position of each panel's 栏次 (= label) cell */
	int rowno[4];		/* position of each panel's 行次 cell, or -1 */
	int colpos[16];		/* position of 栏次 k+1, or -1 */
	int colpanel[16];
};

static int
is_lanci_word(const char *s)
{
	char *n = ps_normdup(s);
	int r = strcmp(n, "栏次") == 0;

	free(n);
	return r;
}

/*
 * Find the 栏次 row: a row with a "栏次" cell followed by small integers,
 * or (三公 tables) a row of the integers 1, 2, 3, ... alone.  Fills lc.
 */
static int
find_lanci(const struct grow *g, size_t ng, int ncols, struct lanci *lc)
{
	size_t i, j;
	int k, v, found = 0;

	memset(lc, 0, sizeof *lc);
	for (k = 0; k < 16; k++)
		lc->colpos[k] = -1;
	for (i = 0; i < ng && !found; i++) {
		const struct grow *r = &g[i];

		lc->npanel = 0;
		for (j = 0; j < r->n; j++) {
			if (is_lanci_word(r->c[j].t) && lc->npanel < 4) {
				lc->label[lc->npanel] = (int)j;
				lc->rowno[lc->npanel] = -1;
				lc->npanel++;
			} else if (lc->npanel > 0 && ps_small_int(r->c[j].t, &v) &&
			    v >= 1 && v <= ncols && v <= 16) {
				lc->colpos[v - 1] = (int)j;
				lc->colpanel[v - 1] = lc->npanel - 1;
			}
		}
		if (lc->npanel > 0) {
			found = 1;
			lc->row = (int)i;
			break;
		}
		/* a bare run 1, 2, ..., n (n >= 2) */
		{
			int next = 1, first = -1;

			for (j = 0; j < r->n; j++) {
				if (is_empty(r->c[j].t))
					continue;
				if (!ps_small_int(r->c[j].t, &v) || v != next)
					break;
				if (first < 0)
					first = (int)j;
				if (v <= 16) {
					lc->colpos[v - 1] = (int)j;
					lc->colpanel[v - 1] = 0;
				}
				next++;
			}
			if (j == r->n && next > 2) {
				lc->npanel = 1;
				lc->label[0] = first - 1;
				lc->rowno[0] = -1;
				lc->row = (int)i;
				found = 1;
				break;
			}
			for (k = 0; k < 16; k++)
				lc->colpos[k] = -1;
		}
	}
	if (!found)
		return 0;
	/* 行次: the one position between a panel's label and its first figure */
	for (k = 0; k < lc->npanel; k++) {
		int first = -1, c;

		for (c = 0; c < ncols && c < 16; c++)
			if (lc->colpos[c] >= 0 && lc->colpanel[c] == k &&
			    (first < 0 || lc->colpos[c] < first))
				first = lc->colpos[c];
		if (first > lc->label[k] + 1)
			lc->rowno[k] = lc->label[k] + 1;
	}
	return 1;
}

/* ---- code tables: 编码 | 名称 | columns ----------------------------------- */

static int
is_header_repeat(const char *name)
{
	return strstr(name, "科目名称") != NULL || strstr(name, "栏次") != NULL ||
	    strcmp(name, "项目") == 0;
}

static void
read_code_table(struct pdoc *d, struct tab *tb, struct grow *g, size_t ng)
{
	const struct tpl_table *t = tb->t;
	struct lanci lc;
	size_t i;
	int namepos, k, j;

	if (!find_lanci(g, ng, (int)t->ncols, &lc)) {
		warnmsg("%s:%lu: %s: no 栏次 row found, table not read",
		    d->src, d->lineno[tb->title], t->id);
		return;
	}
	namepos = lc.label[0];
	for (i = (size_t)lc.row + 1; i < ng; i++) {
		struct grow *r = &g[i];
		char code[8] = "", cbuf[8], *name;
		int figures = 0, garbled = 0;
		char rowkey_flags[32] = "";

		for (j = 0; j < namepos && (size_t)j < r->n; j++) {
			if (is_empty(r->c[j].t))
				continue;
			if (ps_code_of(r->c[j].t, cbuf) || (strspn(r->c[j].t, "0123456789 ") == strlen(r->c[j].t))) {
				size_t cl = strlen(code);

				for (const char *p = r->c[j].t; *p; p++)
					if (*p >= '0' && *p <= '9' && cl < 7)
						code[cl++] = *p;
				code[cl] = '\0';
			} else {
				garbled = 1;
			}
		}
		if (code[0] && !ps_code_of(code, cbuf))
			code[0] = '\0';
		name = ps_labeldup(cell_at(r, namepos));
		/* code and name printed in one cell: "2080505 机关事业…" */
		if (!code[0] && name[0] >= '0' && name[0] <= '9') {
			const char *orig = cell_at(r, namepos);
			size_t dl = strspn(orig, "0123456789 ");

			if (dl > 0 && orig[dl] != '\0') {
				char tmp[32];

				snprintf(tmp, sizeof tmp, "%.*s", (int)(dl < 31 ? dl : 31), orig);
				if (ps_code_of(tmp, cbuf)) {
					strcpy(code, cbuf);
					free(name);
					name = ps_labeldup(orig + dl);
				}
			}
		}
		(void)garbled;
		for (k = 0; k < (int)t->ncols && k < 16; k++)
			if (lc.colpos[k] >= 0 && is_figure(cell_at(r, lc.colpos[k])))
				figures++;
		if (!code[0] && name[0] == '\0' && figures == 0) {
			free(name);
			continue;
		}
		if (!code[0] && is_header_repeat(name)) {
			free(name);
			continue;
		}
		if (name[0] == '\0' && !code[0]) {
			free(name);
			name = estrdup("?");
		}
		for (k = 0; k < (int)t->ncols && k < 16; k++) {
			char colno[8];

			if (lc.colpos[k] < 0)
				continue;
			snprintf(colno, sizeof colno, "%d", k + 1);
			ps_emit_cell(d, tb, code, code[0] ? name : name, "", k, colno,
			    cell_at(r, lc.colpos[k]), rowkey_flags, r->line,
			    col_at(r, lc.colpos[k]), 0);
		}
		/* figures in positions no 栏次 claims */
		for (j = namepos + 1; (size_t)j < r->n; j++) {
			int claimed = 0;

			for (k = 0; k < 16; k++)
				if (lc.colpos[k] == j)
					claimed = 1;
			if (!claimed && is_figure(r->c[j].t))
				stray(d, tb, r, j);
		}
		free(name);
	}
}
/* ---- panel tables: 项目 | 行次 | figures, side by side ---------------------- */

/* does the printed (normalised) label name template row r? */
int
ps_row_matches(const struct tpl_row *r, const char *printed)
{
	const char *m = r->match != NULL ? r->match : r->label;
	const char *c;

	if (strcmp(printed, m) == 0 || strcmp(printed, r->label) == 0)
		return 1;
	/*
	 * "使用非财政拨款结余(含专用结余)", "一般公共预算拨款收入"; but a
	 * balance carried over is not the income it began as: "财政拨款结余、
	 * 结转" is not 财政拨款(收入).
	 */
	if (starts(printed, m) && strlen(m) >= 9 &&
	    ((strstr(printed + strlen(m), "结余") == NULL && strstr(printed + strlen(m), "结转") == NULL) ||
	    strstr(m, "结余") != NULL || strstr(m, "结转") != NULL || printed[strlen(m)] == '('))
		return 1;
	if (r->code != NULL && (c = tpl_class_code(printed)) != NULL && strcmp(c, r->code) == 0)
		return 1;
	return 0;
}

/* find the template row of panel p matching printed, searching forward from *last */
static int
match_row(const struct tpl_table *t, int p, const char *printed, int *last)
{
	size_t i;

	for (i = (size_t)(*last + 1); i < t->nrows; i++)
		if (t->rows[i].panel == p && ps_row_matches(&t->rows[i], printed)) {
			*last = (int)i;
			return (int)i;
		}
	for (i = 0; i < t->nrows && (int)i <= *last; i++)
		if (t->rows[i].panel == p && ps_row_matches(&t->rows[i], printed))
			return (int)i;
	return -1;
}

static int
row_by_no(const struct tpl_table *t, int p, int no)
{
	size_t i;

	for (i = 0; i < t->nrows; i++)
		if (t->rows[i].panel == p && t->rows[i].no == no)
			return (int)i;
	return -1;
}

/*
 * "总计 30 1,731.95": OCR merged label, 行次 and figure into the label
 * cell.  Split them when the 行次 and figure cells are empty.
 */
static int
split_merged(const char *s, char *label, size_t ll, char *no, size_t nl, char *fig, size_t fl)
{
	const char *p = s + strlen(s), *e;

	/* figure: trailing run of digits, ',', '.', ' ' */
	while (p > s && (strchr("0123456789,. ", p[-1]) != NULL))
		p--;
	while (*p == ' ')
		p++;
	if (*p == '\0' || !has_digit(p))
		return 0;
	/* the run holds "30 1,731.95": the first token is the 行次 */
	e = strchr(p, ' ');
	if (e == NULL)
		return 0;
	if ((size_t)(e - p) >= nl || e - p > 2)
		return 0;
	snprintf(no, nl, "%.*s", (int)(e - p), p);
	if (!ps_small_int(no, NULL))
		return 0;
	while (*e == ' ')
		e++;
	snprintf(fig, fl, "%s", e);
	snprintf(label, ll, "%.*s", (int)(p - s), s);
	txt_trim(label);
	return label[0] != '\0';
}

struct prow {		/* one logical row of one panel */
	int tpl;		/* template row or -1 */
	char *label;		/* canonical or printed label */
	char no[8];
	char flags[48];
	const struct grow *r;
	int panel;
	char *merged_fig;	/* figure split off a merged label cell */
};

static void
read_panel_table(struct pdoc *d, struct tab *tb, struct grow *g, size_t ng)
{
	const struct tpl_table *t = tb->t;
	struct lanci lc;
	struct prow *pr = NULL;
	size_t npr = 0, i;
	int p, k, last[4] = { -1, -1, -1, -1 }, agree = 0, disagree = 0;

	if (!find_lanci(g, ng, (int)t->ncols, &lc)) {
		warnmsg("%s:%lu: %s: no 栏次 row found, table not read",
		    d->src, d->lineno[tb->title], t->id);
		return;
	}
	for (i = (size_t)lc.row + 1; i < ng; i++) {
		struct grow *r = &g[i];

		for (p = 0; p < lc.npanel && p < 2; p++) {
			const char *lab = cell_at(r, lc.label[p]);
			const char *no = lc.rowno[p] >= 0 ? cell_at(r, lc.rowno[p]) : "";
			struct prow x;
			char *n;
			int figs = 0;

			memset(&x, 0, sizeof x);
			x.tpl = -1;
			x.r = r;
			x.panel = p;
			snprintf(x.no, sizeof x.no, "%s", ps_small_int(no, NULL) ? no : "");
			/* label cell holding only the 行次: the label was lost */
			if (ps_small_int(lab, NULL) && x.no[0] == '\0') {
				snprintf(x.no, sizeof x.no, "%s", lab);
				lab = "";
			}
			if (lab[0] != '\0' && is_figure(lab) && txt_has_cjk(lab) == 0) {
				/* a figure alone in the label cell cannot be placed */
				stray(d, tb, r, lc.label[p]);
				lab = "";
			}
			{
				char l[256], nb[8], f[64];

				if (lab[0] != '\0' && split_merged(lab, l, sizeof l, nb, sizeof nb, f, sizeof f) &&
				    x.no[0] == '\0') {
					int c0 = -1;

					for (k = 0; k < 16; k++)
						if (lc.colpos[k] >= 0 && lc.colpanel[k] == p) {
							c0 = lc.colpos[k];
							break;
						}
					if (c0 >= 0 && is_empty(cell_at(r, c0))) {
						snprintf(x.no, sizeof x.no, "%s", nb);
						x.merged_fig = estrdup(f);
						snprintf(x.flags, sizeof x.flags, "merged");
						lab = NULL;
						n = ps_normdup(l);
						goto matched;
					}
				}
			}
			n = ps_normdup(lab);
matched:
			for (k = 0; k < 16; k++)
				if (lc.colpos[k] >= 0 && lc.colpanel[k] == p &&
				    is_figure(cell_at(r, lc.colpos[k])))
					figs++;
			if (n[0] == '\0' && x.no[0] == '\0' && figs == 0 && x.merged_fig == NULL) {
				free(n);
				continue;
			}
			if (n[0] != '\0') {
				x.tpl = match_row(t, p, n, &last[p]);
				if (x.tpl >= 0) {
					int v;

					x.label = estrdup(t->rows[x.tpl].label);
					if (ps_small_int(x.no, &v) && t->rows[x.tpl].no != 0) {
						if (v == t->rows[x.tpl].no)
							agree++;
						else
							disagree++;
					}
					free(n);
				} else {
					x.label = n;
				}
			} else {
				free(n);
			}
			pr = egrowarray(pr, npr, sizeof *pr);
			pr[npr++] = x;
		}
	}
	/* rows whose label was lost: name them by 行次 if the numbering is national */
	for (i = 0; i < npr; i++) {
		int v;

		if (pr[i].label != NULL)
			continue;
		if (ps_small_int(pr[i].no, &v) && agree >= 2 && disagree == 0 &&
		    (pr[i].tpl = row_by_no(t, pr[i].panel, v)) >= 0) {
			pr[i].label = estrdup(t->rows[pr[i].tpl].label);
			snprintf(pr[i].flags + strlen(pr[i].flags), sizeof pr[i].flags - strlen(pr[i].flags),
			    "%slabel-inferred", pr[i].flags[0] ? "," : "");
			continue;
		}
		{
			int figs = 0;

			for (k = 0; k < 16; k++)
				if (lc.colpos[k] >= 0 && lc.colpanel[k] == pr[i].panel &&
				    is_figure(cell_at(pr[i].r, lc.colpos[k])))
					figs++;
			if (figs == 0 && pr[i].merged_fig == NULL) {
				pr[i].label = NULL;	/* a blank template line: nothing to keep */
				continue;
			}
		}
		{
			char buf[32];

			snprintf(buf, sizeof buf, "行次%s", pr[i].no[0] ? pr[i].no : "?");
			pr[i].label = estrdup(buf);
		}
	}
	/*
	 * Under the national numbering every template line prints its 行次; a
	 * line that lost it lost its figures with it ("本年收入合计 | | |"), so
	 * its blank cells are not a printed nil.
	 */
	if (agree >= 2 && disagree == 0)
		for (i = 0; i < npr; i++)
			if (pr[i].label != NULL && pr[i].tpl >= 0 && t->rows[pr[i].tpl].no != 0 &&
			    pr[i].no[0] == '\0')
				snprintf(pr[i].flags + strlen(pr[i].flags),
				    sizeof pr[i].flags - strlen(pr[i].flags), "%slost",
				    pr[i].flags[0] ? "," : "");
	for (i = 0; i < npr; i++) {
		struct prow *x = &pr[i];
		int first = 1;

		if (x->label == NULL)
			continue;
		for (k = 0; k < (int)t->ncols && k < 16; k++) {
			char colno[8];
			const char *raw;
			unsigned long col;

			if (lc.colpos[k] < 0 || lc.colpanel[k] != x->panel)
				continue;
			snprintf(colno, sizeof colno, "%d", k + 1);
			raw = cell_at(x->r, lc.colpos[k]);
			col = col_at(x->r, lc.colpos[k]);
			if (first && x->merged_fig != NULL) {
				raw = x->merged_fig;
				col = col_at(x->r, lc.label[x->panel]);
			}
			first = 0;
			ps_emit_cell(d, tb, "", x->label, x->no, k, colno, raw, x->flags,
			    x->r->line, col, x->panel);
		}
		free(x->label);
		free(x->merged_fig);
	}
	for (i = 0; i < npr; i++)
		if (pr[i].label == NULL)
			free(pr[i].merged_fig);
	free(pr);
}
/* ---- F06: groups of 编码 | 名称 | 决算数 ------------------------------------- */

static void
read_econ_table(struct pdoc *d, struct tab *tb, struct grow *g, size_t ng)
{
	int amt[8], ngrp = 0, k, hdr = -1;
	size_t i, j;

	/* the header row names 决算数 (or 金额) once per group */
	for (i = 0; i < ng && hdr < 0; i++) {
		ngrp = 0;
		for (j = 0; j < g[i].n && ngrp < 8; j++) {
			char *n = ps_normdup(g[i].c[j].t);

			if (strcmp(n, "决算数") == 0 || strcmp(n, "金额") == 0 ||
			    strcmp(n, "预算数") == 0)
				amt[ngrp++] = (int)j;
			free(n);
		}
		if (ngrp > 0)
			hdr = (int)i;
	}
	if (hdr < 0) {
		warnmsg("%s:%lu: %s: no 决算数 header found, table not read",
		    d->src, d->lineno[tb->title], tb->t->id);
		return;
	}
	for (i = (size_t)hdr + 1; i < ng; i++) {
		struct grow *r = &g[i];
		int footer = 0;

		for (j = 0; j < r->n; j++)
			if (strstr(r->c[j].t, "合计") != NULL || strstr(r->c[j].t, "费合") != NULL)
				footer = 1;
		if (footer) {
			/* labels and figures in reading order: a figure belongs to the text before it */
			char text[512] = "";
			unsigned long tcol = 0;

			for (j = 0; j <= r->n; j++) {
				const char *c = j < r->n ? r->c[j].t : NULL;

				if (c != NULL && is_empty(c))
					continue;
				if (c != NULL && !is_figure(c)) {
					if (strlen(text) + strlen(c) + 1 < sizeof text)
						strcat(text, c);
					if (tcol == 0)
						tcol = r->c[j].col;
					continue;
				}
				if (text[0] == '\0') {
					if (c != NULL)
						stray(d, tb, r, (int)j);
					continue;
				}
				{
					char *lab = ps_normdup(text);

					ps_emit_cell(d, tb, "", lab, "", 0, "", c != NULL ? c : "", "",
					    r->line, c != NULL ? r->c[j].col : tcol, 9);
					free(lab);
				}
				text[0] = '\0';
				tcol = 0;
			}
			continue;
		}
		for (k = 0; k < ngrp; k++) {
			int cp = amt[k] - 2, np = amt[k] - 1;
			char code[8], *name;
			const char *fig = cell_at(r, amt[k]);

			if (cp < 0 || !ps_code_of(cell_at(r, cp), code) || strlen(code) > 5) {
				if (is_figure(fig))
					stray(d, tb, r, amt[k]);
				continue;
			}
			name = ps_labeldup(cell_at(r, np));
			ps_emit_cell(d, tb, code, name, "", 0, "", fig, "", r->line,
			    col_at(r, amt[k]), k);
			free(name);
		}
	}
}

/* ---- F09: one row of twelve 三公 figures ------------------------------------ */

static void
read_sangong_table(struct pdoc *d, struct tab *tb, struct grow *g, size_t ng)
{
	const struct tpl_table *t = tb->t;
	struct lanci lc;
	size_t i;
	int k, j;

	if (!find_lanci(g, ng, (int)t->ncols, &lc)) {
		warnmsg("%s:%lu: %s: no 栏次 row found, table not read",
		    d->src, d->lineno[tb->title], t->id);
		return;
	}
	for (i = (size_t)lc.row + 1; i < ng; i++) {
		struct grow *r = &g[i];
		int figs = 0;

		for (j = 0; (size_t)j < r->n; j++)
			if (is_figure(r->c[j].t))
				figs++;
		if (figs == 0)
			continue;
		for (k = 0; k < (int)t->ncols && k < 16; k++) {
			char colno[8];

			if (lc.colpos[k] < 0)
				continue;
			snprintf(colno, sizeof colno, "%d", k + 1);
			ps_emit_cell(d, tb, "", "三公经费", "", k, colno, cell_at(r, lc.colpos[k]),
			    "", r->line, col_at(r, lc.colpos[k]), 0);
		}
		for (j = 0; (size_t)j < r->n; j++) {
			int claimed = 0;

			for (k = 0; k < 16; k++)
				if (lc.colpos[k] == j)
					claimed = 1;
			if (!claimed && is_figure(r->c[j].t))
				stray(d, tb, r, j);
		}
	}
}
/* ---- segmentation ------------------------------------------------------- */

/* the table's unit from its header lines: 万元 unless 元 or 亿元 is printed */
static void
header_info(struct pdoc *d, struct tab *tb)
{
	size_t i;

	strcpy(tb->unit, "");
	for (i = tb->title; i < tb->end; i++) {
		char *n;
		const char *u;

		/*
		 * Only a line with 表 (the number), 元 or 刀 (the unit; 刀儿 and
		 * 刀元 are OCR's 万元) can set either; tpl_norm makes none of them.
		 */
		if (strstr(d->line[i], "表") == NULL && strstr(d->line[i], "元") == NULL &&
		    strstr(d->line[i], "刀") == NULL)
			continue;
		n = ps_normdup(d->line[i]);
		u = strstr(n, "单位:");

		if (tb->number[0] == '\0' && (strstr(n, "公开") != NULL || starts(n, "表")) &&
		    strstr(n, "表") != NULL) {
			const char *a = strstr(n, "公开") ? strstr(n, "公开") : n;
			const char *b = strstr(a, "表");

			if (b != NULL && b - a < 20)
				snprintf(tb->number, sizeof tb->number, "%.*s", (int)(b - a) + 3, a);
		}
		if (tb->unit[0] == '\0') {
			if (strstr(n, "万元") != NULL || strstr(n, "刀儿") != NULL || strstr(n, "刀元") != NULL)
				strcpy(tb->unit, "万元");
			else if (strstr(n, "亿元") != NULL)
				strcpy(tb->unit, "亿元");
			else if (strstr(n, "单位:元") != NULL || strstr(n, "单位:人民币元") != NULL ||
			    (u != NULL && starts(u + strlen("单位:"), "元")))
				strcpy(tb->unit, "元");
		}
		free(n);
	}
	if (tb->unit[0] == '\0')
		strcpy(tb->unit, "万元");
}

/* an "无…收入/支出" or "本表无数据" statement printed with the table */
static void
table_note(struct pdoc *d, struct tab *tb, size_t limit)
{
	size_t i;

	for (i = tb->end; i < limit && i < tb->end + 8; i++) {
		const char *s = d->line[i];

		if (is_heading(s))
			break;
		if ((strstr(s, "无") != NULL && (strstr(s, "收入") || strstr(s, "支出"))) ||
		    strstr(s, "本表无数据") != NULL || strstr(s, "空表") != NULL) {
			char *c = estrdup(s);

			txt_strip_markup(c);
			snprintf(tb->note, sizeof tb->note, "%s", txt_trim(c));
			free(c);
			return;
		}
	}
}

/*
 * Do lines [from, to) print a figure ("811.01", "1,731", "1, 731")?  A
 * table read to no cell whose lines up to the next title do is `unread`,
 * not `empty`.
 */
static int
region_has_figures(const struct pdoc *d, size_t from, size_t to)
{
	size_t i;
	const char *s;

	for (i = from; i < to && !is_prose(d->line[i]) && !is_part(d->line[i]); i++)
		for (s = d->line[i]; *s; s++) {
			const char *p = s + 1;

			if (!(*s >= '0' && *s <= '9') || (*p != '.' && *p != ','))
				continue;
			if (*p == ',' && p[1] == ' ')
				p++;
			if (p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9')
				return 1;
		}
	return 0;
}

static void
read_table(struct pdoc *d, struct tab *tb)
{
	struct grow *g = NULL;
	size_t ng = 0, i, rows = 0;

	/*
	 * Past --max-cells the document is refused whole: stop reading at
	 * once, and refuse before reading a table whose lines of figures
	 * alone outnumber the cells left (each gives one at least), so that
	 * a hostile million-row table costs no more memory than its text.
	 */
	if (d->toobig)
		return;
	for (i = tb->start; i < tb->end; i++)
		rows += has_digit(d->line[i]);
	if (rows > d->maxcells - d->ncells) {
		d->toobig = 1;
		return;
	}
	for (i = tb->start; i < tb->end; i++) {
		if (!rowish(d, d->line[i]))
			continue;
		g = egrowarray(g, ng, sizeof *g);
		if (d->layout == LAY_TSV)
			grid_tsv(d->line[i], d->lineno[i], &g[ng]);
		else
			grid_space(d->line[i], d->lineno[i], &g[ng]);
		ng++;
		d->skip[i] = 1;
	}
	if (tb->t->list != NULL && read_list_table(d, tb))
		goto done;
	if (d->layout == LAY_WORDS) {
		if (tb->t->shape == TPL_PANEL)
			read_words_panel(d, tb);
		else
			read_words_table(d, tb);
		goto done;
	}
	if (d->layout == LAY_PLAIN) {
		if (tb->t->shape == TPL_CODE)
			read_plain_code(d, tb);
		else if (tb->t->shape == TPL_SANGONG && read_plain_sangong(d, tb))
			;
		else if (tb->t->shape == TPL_PANEL && read_plain_panel(d, tb))
			;
		else if (tb->t->shape == TPL_ECON && read_plain_econ(d, tb))
			;
		else if (region_has_figures(d, tb->start, tb->limit))
			/* panels and groups: reading order mixes their cells */
			warnmsg("%s:%lu: %s: text of one cell per line (pdftotext without "
			    "-layout) does not keep this table's rows, table not read; "
			    "run pdftotext -layout", d->src, d->lineno[tb->title], tb->t->id);
		goto done;
	}
	if (d->layout == LAY_SPACE) {
		switch (tb->t->shape) {
		case TPL_CODE:
			read_layout_code(d, tb);
			break;
		case TPL_PANEL:
			read_layout_panel(d, tb);
			break;
		case TPL_ECON:
			read_layout_econ(d, tb);
			break;
		case TPL_SANGONG:
			read_layout_sangong(d, tb);
			break;
		default:
			break;
		}
		goto done;
	}
	switch (tb->t->shape) {
	case TPL_CODE:
		read_code_table(d, tb, g, ng);
		break;
	case TPL_PANEL:
		read_panel_table(d, tb, g, ng);
		break;
	case TPL_ECON:
		read_econ_table(d, tb, g, ng);
		break;
	case TPL_SANGONG:
		read_sangong_table(d, tb, g, ng);
		break;
	default:
		break;
	}
done:
	for (i = 0; i < ng; i++)
		grow_free(&g[i]);
	free(g);
}

static void
put_table(struct pdoc *d, struct tab *tb, const char *status)
{
	char pos[32];
	const char *f[T_NF - 1];

	snprintf(pos, sizeof pos, "%lu:1", d->lineno[tb->title]);
	f[T_DOC - 1] = d->id;
	f[T_ID - 1] = tb->t->id;
	f[T_TITLE - 1] = tb->printed;
	f[T_NUMBER - 1] = tb->number;
	f[T_UNIT - 1] = tb->unit;
	f[T_POS - 1] = status[0] == 'm' ? "" : pos;
	f[T_STATUS - 1] = status;
	f[T_NOTE - 1] = tb->note;
	rec_put(d->out, "table", T_NF - 1, f);
}

/*
 * A title line without rows after it is a table-of-contents entry when it
 * carries an ordinal ("一、收入支出决算总表") or another title follows
 * within three lines; else it titles a table printed without figures.
 */
static int
toc_entry(struct pdoc *d, size_t line, size_t next)
{
	char *c = estrdup(d->line[line]), *p = c;
	int ord;

	txt_strip_markup(c);
	txt_fold(c);
	while (*p == '#' || *p == '-' || *p == '*' || *p == ' ')
		p++;
	/* "9. 2026年…": the number, its point, then no digit */
	if (p[0] >= '0' && p[0] <= '9') {
		const char *q = p;

		while (*q >= '0' && *q <= '9')
			q++;
		if (*q == '.' && !(q[1] >= '0' && q[1] <= '9')) {
			free(c);
			return 1;
		}
	}
	txt_squeeze(p);
	ord = strstr(p, "、") != NULL && (size_t)(strstr(p, "、") - p) <= 9 &&
	    strstr(p, "、") != p;
	/* "9. 2026年…表" and dot leaders "……" are contents entries too */
	if (p[0] >= '0' && p[0] <= '9') {
		const char *q = p;

		while (*q >= '0' && *q <= '9')
			q++;
		if (*q == '.' && !(q[1] >= '0' && q[1] <= '9'))
			ord = 1;
	}
	if (strstr(p, "……") != NULL || strstr(p, "...") != NULL)
		ord = 1;
	free(c);
	return ord || next <= line + 3;
}

/*
 * Find the tables: every title line whose region (up to the next title,
 * a note, or a heading once rows began) holds a row.  A title without rows
 * is a table-of-contents entry; a table the contents list and the document
 * lacks is reported as missing.  Returns how many tables were found.
 */
static size_t
read_tables(struct pdoc *d)
{
	size_t i, j, ncand = 0, nt;
	size_t *cand = NULL;
	const struct tpl_table **ct = NULL;
	int listed[64] = { 0 }, found[64] = { 0 };
	const struct tpl_table *all = tpl_tables(&nt);

	for (i = 0; i < d->nline; i++) {
		const struct tpl_table *t = title_of(d->line[i]);

		if (t == NULL)
			continue;
		cand = egrowarray(cand, ncand, sizeof *cand);
		ct = egrowarray(ct, ncand, sizeof *ct);
		cand[ncand] = i;
		ct[ncand++] = t;
	}
	for (j = 0; j < ncand; j++) {
		struct tab tb;
		size_t limit = j + 1 < ncand ? cand[j + 1] : d->nline, rows = 0;
		int began = 0;
		size_t ti = (size_t)(ct[j] - all);

		memset(&tb, 0, sizeof tb);
		tb.t = ct[j];
		tb.title = cand[j];
		tb.start = cand[j] + 1;
		/* a table the catalogue does not know ends the region too */
		for (i = tb.start; i < limit; i++)
			if (other_title(d->line[i]))
				limit = i;
		for (i = tb.start; i < limit; i++) {
			const char *s = d->line[i];

			if (is_prose(s) || is_part(s))
				break;	/* the narrative, or the next part, begins */
			if (rowish(d, s)) {
				began = 1;
				rows++;
				continue;
			}
			if (began && (is_note(s) || is_heading(s)))
				break;
			if (!began && i - tb.start > 30)
				break;
		}
		tb.end = i;
		/* consecutive numbered titles are the contents, rows or not */
		if ((toc_entry(d, cand[j], j + 1 < ncand ? cand[j + 1] : d->nline) &&
		    ((j + 1 < ncand && cand[j + 1] <= cand[j] + 3) ||
		    (j > 0 && cand[j - 1] + 3 >= cand[j]))) ||
		    (rows == 0 && toc_entry(d, cand[j], j + 1 < ncand ? cand[j + 1] : d->nline))) {
			if (ti < 64)
				listed[ti] = 1;
			continue;
		}
		if (rows == 0) {
			/* a table printed without figures: its region ends at its note */
			for (i = tb.start; i < limit && i < tb.start + 20; i++)
				if (is_note(d->line[i]) || is_heading(d->line[i]))
					break;
			tb.end = i;
		}
		if (ti < 64 && found[ti]) {
			/* a second title for the same table: a continuation page */
		}
		if (ti < 64)
			found[ti] = 1;
		{
			char *c = estrdup(d->line[cand[j]]);
			char *p = c;

			txt_strip_markup(c);
			while (*p == '#' || *p == ' ')
				p++;
			snprintf(tb.printed, sizeof tb.printed, "%s", txt_trim(p));
			free(c);
		}
		tb.limit = limit;
		header_info(d, &tb);
		table_note(d, &tb, limit);
		read_table(d, &tb);
		put_table(d, &tb, tb.noc > 0 ? "found" : tb.note[0] == '\0' &&
		    region_has_figures(d, tb.start, limit) ? "unread" : "empty");
		flush_table(d, &tb);
	}
	for (i = 0; i < nt && i < 64; i++) {
		struct tab tb;

		if (!listed[i] || found[i])
			continue;
		memset(&tb, 0, sizeof tb);
		tb.t = &all[i];
		snprintf(tb.printed, sizeof tb.printed, "%s", all[i].title);
		put_table(d, &tb, "missing");
	}
	free(cand);
	free(ct);
	for (i = 0, j = 0; i < nt && i < 64; i++)
		j += found[i] != 0;
	return j;
}

/* ---- document metadata ---------------------------------------------------- */

struct meta {
	char title[512], unit[256], year[8], kind[8], scope[8];
};

static void
read_meta(struct pdoc *d, struct meta *m)
{
	size_t i;
	char *p;

	memset(m, 0, sizeof *m);
	/*
	 * The title: the first text lines, joined until one names 决算 or
	 * 预算 — cover pages break it anywhere ("上海市普陀区规划和自然" /
	 * "资源局" / "2024 年度部门决算").  Lines without a CJK character
	 * ("." or "- 1 -") are page furniture.
	 */
	for (i = 0; i < d->nline && i < 40; i++) {
		char *c = estrdup(d->line[i]);
		size_t tl;

		txt_strip_markup(c);
		p = c;
		while (*p == '#' || *p == ' ')
			p++;
		p = txt_trim(p);
		if (*p == '\0' || strchr(p, '\t') != NULL || !txt_has_cjk(p)) {
			int stop = m->title[0] != '\0' && *p != '\0';

			free(c);
			if (stop)
				break;
			continue;
		}
		if (m->title[0] != '\0' && (strstr(p, "目录") || strstr(p, "目 录") ||
		    strlen(m->title) + strlen(p) > 200)) {
			free(c);
			break;
		}
		tl = strlen(m->title);
		snprintf(m->title + tl, sizeof m->title - tl, "%s", p);
		free(c);
		if (strstr(m->title, "决算") != NULL || strstr(m->title, "预算") != NULL)
			break;
	}
	{
		char *t = estrdup(m->title);
		char *y;

		txt_fold(t);
		txt_squeeze(t);
		for (y = t; *y; y++)
			if (y[0] == '2' && y[1] == '0' && y[2] >= '0' && y[2] <= '9' &&
			    y[3] >= '0' && y[3] <= '9' && !(y[4] >= '0' && y[4] <= '9')) {
				snprintf(m->year, sizeof m->year, "%.4s", y);
				break;
			}
		strcpy(m->kind, strstr(t, "决算") ? "决算" : strstr(t, "预算") ? "预算" : "");
		strcpy(m->scope, (strstr(t, "单位决算") || strstr(t, "单位预算")) ? "单位" :
		    (strstr(t, "部门决算") || strstr(t, "部门预算")) ? "部门" : "");
		/* the unit: the title without year and suffix */
		if (m->year[0]) {
			char *yp = strstr(t, m->year), *a, *b;

			a = yp + 4;
			if (starts(a, "年度"))
				a += strlen("年度");
			else if (starts(a, "年"))
				a += strlen("年");
			/* "…部门预算", else "…预算公开" without 部门 or 单位 */
			b = strstr(a, m->scope[0] ? m->scope : m->kind[0] ? m->kind : "决算");
			if (b != NULL && b > a && strstr(a, "决算") != a && strstr(a, "预算") != a)
				snprintf(m->unit, sizeof m->unit, "%.*s", (int)(b - a), a);
			else if (yp > t)
				snprintf(m->unit, sizeof m->unit, "%.*s", (int)(yp - t), t);
		}
		free(t);
	}
	/*
	 * "单位: 名称", "预算主管部门：…", "编制部门：…" lines are more reliable
	 * than the title; a unit of measure after the name ("单位：元") is cut.
	 */
	for (i = 0; i < d->nline; i++) {
		static const char *const pre[] = { "单位名称:", "部门名称:", "预算主管部门:",
			"主管部门:", "编制部门:", "编制单位:", "预算单位:", "部门:", "单位:", NULL };
		char *c, *v = NULL, *cut;
		int k;

		/* each prefix ends in a colon, ASCII or full-width before tpl_norm */
		if (strchr(d->line[i], ':') == NULL && strstr(d->line[i], "：") == NULL)
			continue;
		c = ps_normdup(d->line[i]);

		for (k = 0; pre[k] != NULL && v == NULL; k++)
			if (starts(c, pre[k]))
				v = c + strlen(pre[k]);
		if (v != NULL && (cut = strstr(v, "单位:")) != NULL)
			*cut = '\0';
		if (v != NULL && (cut = strstr(v, "目录")) != NULL)
			*cut = '\0';
		if (v != NULL && strchr(d->line[i], '\t') == NULL && strlen(v) > 6 &&
		    strstr(v, "元") == NULL && txt_has_cjk(v)) {
			snprintf(m->unit, sizeof m->unit, "%s", v);
			free(c);
			break;
		}
		free(c);
	}
	/* no 决算/预算 in the title: the kind of the first table titled */
	for (i = 0; i < d->nline && m->kind[0] == '\0'; i++) {
		const struct tpl_table *t = title_of(d->line[i]);

		if (t != NULL)
			strcpy(m->kind, t->id[0] == 'F' ? "决算" : "预算");
	}
	/* no year in the title: the first "20xx年" of the first pages */
	for (i = 0; i < d->nline && i < 60 && m->year[0] == '\0'; i++) {
		char *c = ps_normdup(d->line[i]), *y;

		for (y = c; *y; y++)
			if (y[0] == '2' && y[1] == '0' && y[2] >= '0' && y[2] <= '9' &&
			    y[3] >= '0' && y[3] <= '9' && starts(y + 4, "年")) {
				snprintf(m->year, sizeof m->year, "%.4s", y);
				break;
			}
		free(c);
	}
}

static void
put_doc(struct pdoc *d, const struct meta *m, const char *source, const char *sha,
    const char *encoding)
{
	const char *f[D_NF - 1];

	f[D_ID - 1] = d->id;
	f[D_SOURCE - 1] = source;
	f[D_SHA256 - 1] = sha;
	f[D_TITLE - 1] = m->title;
	f[D_UNIT - 1] = m->unit;
	f[D_YEAR - 1] = m->year;
	f[D_KIND - 1] = m->kind;
	f[D_SCOPE - 1] = m->scope;
	f[D_LAYOUT - 1] = d->layout == LAY_TSV ? "tsv" : d->layout == LAY_SPACE ? "layout" :
	    d->layout == LAY_PLAIN ? "plain" : "words";
	f[D_ENCODING - 1] = encoding;
	rec_put(d->out, "doc", D_NF - 1, f);
}

int
parse_text(char *text, size_t len, const char *docid, const char *source,
    const char *sha256hex, const char *encoding, size_t maxcells, FILE *out)
{
	struct pdoc d;
	struct meta m;
	size_t i, cap = 0, pcap = 0;
	char *p = text, *end = text + len;
	unsigned long no = 0;
	unsigned pg = 0;

	memset(&d, 0, sizeof d);
	d.id = docid;
	d.src = strcmp(source, "-") == 0 ? "stdin" : source;
	d.out = out;
	d.maxcells = maxcells;
	/* lines: LF ends a line, CR before it is dropped, FF (page break) too */
	while (p < end) {
		char *e = memchr(p, '\n', (size_t)(end - p));

		if (e == NULL)
			e = end;
		*e = '\0';
		if (e > p && e[-1] == '\r')
			e[-1] = '\0';
		if (d.nline == cap) {
			cap = cap ? cap * 2 : 1024;
			d.line = ereallocarray(d.line, cap, sizeof *d.line);
			d.lineno = ereallocarray(d.lineno, cap, sizeof *d.lineno);
		}
		if (d.nline == 0 || cap > pcap) {
			d.page = ereallocarray(d.page, cap, sizeof *d.page);
			pcap = cap;
		}
		/*
		 * pdftotext ends a page with a form feed that opens the next
		 * page's first line: that line is the next page's.
		 */
		for (char *q = p; (q = strchr(q, '\f')) != NULL; q++) {
			*q = ' ';
			pg++;
		}
		d.page[d.nline] = pg;
		d.line[d.nline] = p;
		d.lineno[d.nline++] = ++no;
		p = e + 1;
	}
	split_glued_titles(&d);
	for (i = 0; i < d.nline; i++)
		if (tagfind(d.line[i], "<table") != NULL) {
			html_tables(&d);
			break;
		}
	d.skip = ecalloc(d.nline + 1, 1);
	detect_layout(&d);
	read_meta(&d, &m);
	d.year = atoi(m.year);
	put_doc(&d, &m, source, sha256hex, encoding);
	if (read_tables(&d) == 0)
		warnmsg("%s: no table found%s", d.src, len == 0 || d.nline == 0 ?
		    ": the text is empty (a scanned PDF without a text layer?)" : "");
	forms_scan(d.line, d.lineno, d.skip, d.nline, d.id, out);
	for (i = 0; i < d.nline; i++)
		if (rowish(&d, d.line[i]) && d.layout == LAY_TSV)
			d.skip[i] = 1;
	claims_scan(d.line, d.lineno, d.skip, d.nline, d.id, m.unit, out);
	free(d.skip);
	for (i = 0; i < d.nnames; i++)
		free(d.nname[i]);
	free(d.nname);
	free(d.ncode);
	for (i = 0; i < d.nown; i++)
		free(d.own[i]);
	free(d.own);
	free(d.line);
	free(d.lineno);
	free(d.page);
	if (d.toobig) {
		warnmsg("%s: more than %zu table cells (raise it with --max-cells)",
		    source, maxcells);
		return 1;
	}
	return 0;
}

int
parse_file(const char *path, const char *docid, const char *enc,
    size_t maxbytes, size_t maxcells)
{
	struct enc_doc doc;
	char err[512], hex[65], *id;
	int rc;

	if (enc_load(path, enc, maxbytes, &doc, err, sizeof err) < 0) {
		fprintf(stderr, "%s: %s\n", progname, err);
		return 1;
	}
	enc_hex(doc.sha256, hex);
	if (docid != NULL) {
		id = estrdup(docid);
	} else if (strcmp(path, "-") == 0) {
		id = estrdup("stdin");
	} else {
		const char *b = strrchr(path, '/');
		char *dot;

		id = estrdup(b != NULL ? b + 1 : path);
		if ((dot = strrchr(id, '.')) != NULL && dot != id)
			*dot = '\0';
	}
	/*
	 * The document's records are held until it is read whole: one refused
	 * half way (too many cells) leaves nothing behind that could pass for
	 * a complete document.
	 */
	{
		char *buf = NULL;
		size_t blen = 0;
		FILE *mem = open_memstream(&buf, &blen);

		if (mem == NULL)
			die("open_memstream:");
		rc = parse_text(doc.text, doc.len, id, path, hex, doc.encoding, maxcells, mem);
		if (fclose(mem) == EOF)
			die("out of memory:");
		if (rc == 0)
			fwrite(buf, 1, blen, stdout);
		free(buf);
	}
	free(id);
	enc_free(&doc);
	return rc;
}
