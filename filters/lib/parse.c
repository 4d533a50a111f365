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
#include "enc.h"
#include "parse.h"
#include "rec.h"
#include "tpl.h"
#include "txt.h"
#include "util.h"

enum layout { LAY_TSV, LAY_SPACE, LAY_WORDS };

struct gcell {
	char *t;		/* cleaned text, owned */
	unsigned long col;	/* 1-based character column in the line */
};

struct grow {
	unsigned long line;
	struct gcell *c;
	size_t n;
};

struct ocell {
	char *rowcode, *rowlabel, *rowno, *col, *colno, *raw, *flags;
	unsigned long line, ccol;
	int panel;		/* sort key before rseq is known */
	size_t order;		/* arrival order */
	int rseq, cseq;
};

struct tab {
	const struct tpl_table *t;
	size_t title;		/* line index of the title */
	size_t start, end;	/* region [start, end) */
	char number[64];
	char unit[16];
	char note[512];
	char printed[256];
	struct ocell *oc;
	size_t noc, coc;
};

struct pdoc {
	const char *id;
	const char *src;	/* the input's name, for messages */
	char **line;
	unsigned long *lineno;
	unsigned *page;		/* page of each line (form feeds seen before it) */
	size_t nline;
	char **own;		/* lines made here (HTML rows), freed at the end */
	size_t nown;
	enum layout layout;
	unsigned char *skip;
	size_t ncells, maxcells;
	int toobig;
	FILE *out;
};

static int
starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static int
has_digit(const char *s)
{
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			return 1;
	return 0;
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
static int
small_int(const char *s, int *v)
{
	int n = 0, x = 0;

	for (; *s == ' '; s++)
		;
	for (; *s >= '0' && *s <= '9'; s++, n++)
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
static int
code_of(const char *s, char out[8])
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

static char *
normdup(const char *s)
{
	char *d = estrdup(s);

	return tpl_norm(d);
}

/* printed label cleaned for output: markup gone, widths folded, no spaces */
static char *
labeldup(const char *s)
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
	char buf[1024], *p;
	const struct tpl_table *t;

	if (strnlen(line, sizeof buf) >= sizeof buf || strchr(line, '\t') != NULL)
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
	t = tpl_by_title(p);
	if (t == NULL)
		return NULL;
	/* a part heading ("第二部分 …决算表") is not a table title */
	if (starts(p, "第") && strstr(p, "部分") != NULL)
		return NULL;
	return t;
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
	size_t i, tabs = 0, spaced = 0;

	size_t words = 0;

	for (i = 0; i < d->nline; i++) {
		const char *l = d->line[i];

		if (strchr(l, '\t') != NULL || pipe_row(l))
			tabs++;
		else if (strstr(l, "    ") != NULL)
			spaced++;
		else if (figure_words(l) >= 2 && strstr(l, "。") == NULL && strstr(l, "万元") == NULL &&
		    strchr(l, '%') == NULL)
			words++;	/* "201 一般公共服务支出 3,353,072 3,353,072", not prose */
	}
	if (tabs >= spaced && tabs >= words)
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
		char *l = d->line[i], *run = NULL, *p;

		if (n + 2 > cap) {
			cap *= 2;
			line = ereallocarray(line, cap, sizeof *line);
			lineno = ereallocarray(lineno, cap, sizeof *lineno);
			page = ereallocarray(page, cap, sizeof *page);
		}
		/* the last space after which the rest of the line is a title */
		if (title_of(l) == NULL)
			for (p = l + strlen(l); p > l; p--)
				if (p[-1] == ' ' && *p != ' ' && *p != '\0' && title_of(p) != NULL) {
					run = p - 1;
					while (run > l && run[-1] == ' ')
						run--;
					break;
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

	for (; *s; s++)
		if (strncasecmp(s, tag, n) == 0)
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

static void
emit_cell(struct pdoc *d, struct tab *tb, const char *rowcode, const char *rowlabel,
    const char *rowno, int cidx, const char *colno, const char *raw,
    const char *flags, unsigned long line, unsigned long ccol, int panel)
{
	struct ocell *o;

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
	o->rowcode = estrdup(rowcode);
	o->rowlabel = estrdup(rowlabel);
	o->rowno = estrdup(rowno);
	o->col = estrdup(tb->t->cols[cidx]);
	o->cseq = cidx + 1;
	o->colno = estrdup(colno);
	o->raw = estrdup(raw);
	o->flags = estrdup(flags);
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

/* order cells by panel then line, number the rows, write the records */
static void
flush_table(struct pdoc *d, struct tab *tb)
{
	size_t i;
	int rseq = 0;
	char rs[16], cs[16], pos[48];
	const char *prev_key = NULL, *prev_label = NULL;
	int prev_panel = -1;
	unsigned long prev_line = 0;

	if (tb->noc > 0)	/* qsort(NULL, 0, ...) is undefined */
		qsort(tb->oc, tb->noc, sizeof *tb->oc, oc_cmp);
	for (i = 0; i < tb->noc; i++) {
		struct ocell *o = &tb->oc[i];
		const char *key = o->rowcode[0] ? o->rowcode : o->rowlabel;

		if (prev_key == NULL || o->panel != prev_panel || o->line != prev_line ||
		    strcmp(key, prev_key) != 0 || strcmp(o->rowlabel, prev_label) != 0)
			rseq++;
		prev_key = key;
		prev_label = o->rowlabel;
		prev_panel = o->panel;
		prev_line = o->line;
		o->rseq = rseq;
	}
	for (i = 0; i < tb->noc; i++) {
		struct ocell *o = &tb->oc[i];
		const char *f[C_NF - 1];

		snprintf(rs, sizeof rs, "%d", o->rseq);
		snprintf(cs, sizeof cs, "%d", o->cseq);
		snprintf(pos, sizeof pos, "%lu:%lu", o->line, o->ccol);
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
		f[C_POS - 1] = pos;
		f[C_RSEQ - 1] = rs;
		f[C_CSEQ - 1] = cs;
		rec_put(d->out, "cell", C_NF - 1, f);
		free(o->rowcode);
		free(o->rowlabel);
		free(o->rowno);
		free(o->col);
		free(o->colno);
		free(o->raw);
		free(o->flags);
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
	char *n = normdup(s);
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
			} else if (lc->npanel > 0 && small_int(r->c[j].t, &v) &&
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
				if (!small_int(r->c[j].t, &v) || v != next)
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
			if (code_of(r->c[j].t, cbuf) || (strspn(r->c[j].t, "0123456789 ") == strlen(r->c[j].t))) {
				size_t cl = strlen(code);

				for (const char *p = r->c[j].t; *p; p++)
					if (*p >= '0' && *p <= '9' && cl < 7)
						code[cl++] = *p;
				code[cl] = '\0';
			} else {
				garbled = 1;
			}
		}
		if (code[0] && !code_of(code, cbuf))
			code[0] = '\0';
		name = labeldup(cell_at(r, namepos));
		/* code and name printed in one cell: "2080505 机关事业…" */
		if (!code[0] && name[0] >= '0' && name[0] <= '9') {
			const char *orig = cell_at(r, namepos);
			size_t dl = strspn(orig, "0123456789 ");

			if (dl > 0 && orig[dl] != '\0') {
				char tmp[32];

				snprintf(tmp, sizeof tmp, "%.*s", (int)(dl < 31 ? dl : 31), orig);
				if (code_of(tmp, cbuf)) {
					strcpy(code, cbuf);
					free(name);
					name = labeldup(orig + dl);
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
			emit_cell(d, tb, code, code[0] ? name : name, "", k, colno,
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
static int
row_matches(const struct tpl_row *r, const char *printed)
{
	const char *m = r->match != NULL ? r->match : r->label;
	const char *c;

	if (strcmp(printed, m) == 0 || strcmp(printed, r->label) == 0)
		return 1;
	if (starts(printed, m) && strlen(m) >= 9)
		return 1;	/* "使用非财政拨款结余(含专用结余)" */
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
		if (t->rows[i].panel == p && row_matches(&t->rows[i], printed)) {
			*last = (int)i;
			return (int)i;
		}
	for (i = 0; i < t->nrows && (int)i <= *last; i++)
		if (t->rows[i].panel == p && row_matches(&t->rows[i], printed))
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
	if (!small_int(no, NULL))
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
			snprintf(x.no, sizeof x.no, "%s", small_int(no, NULL) ? no : "");
			/* label cell holding only the 行次: the label was lost */
			if (small_int(lab, NULL) && x.no[0] == '\0') {
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
						n = normdup(l);
						goto matched;
					}
				}
			}
			n = normdup(lab);
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
					if (small_int(x.no, &v) && t->rows[x.tpl].no != 0) {
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
			pr = ereallocarray(pr, npr + 1, sizeof *pr);
			pr[npr++] = x;
		}
	}
	/* rows whose label was lost: name them by 行次 if the numbering is national */
	for (i = 0; i < npr; i++) {
		int v;

		if (pr[i].label != NULL)
			continue;
		if (small_int(pr[i].no, &v) && agree >= 2 && disagree == 0 &&
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
			emit_cell(d, tb, "", x->label, x->no, k, colno, raw, x->flags,
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
			char *n = normdup(g[i].c[j].t);

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
					char *lab = normdup(text);

					emit_cell(d, tb, "", lab, "", 0, "", c != NULL ? c : "", "",
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

			if (cp < 0 || !code_of(cell_at(r, cp), code) || strlen(code) > 5) {
				if (is_figure(fig))
					stray(d, tb, r, amt[k]);
				continue;
			}
			name = labeldup(cell_at(r, np));
			emit_cell(d, tb, code, name, "", 0, "", fig, "", r->line,
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
			emit_cell(d, tb, "", "三公经费", "", k, colno, cell_at(r, lc.colpos[k]),
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
/* ---- pdftotext -layout: tables by whitespace geometry ------------------------ */

/*
 * A token of a space-aligned line, with its extent in characters.  Cells
 * are separated by two or more spaces; one space separates two figures or
 * two code parts too ("2,336.91 603.14", "201 06"), but not the letters of
 * a spaced-out label ("因 公 出 国").
 */
struct ltok {
	size_t line;		/* index into d->line */
	int x0, x1;		/* first and last column, 0-based, in the metric in force */
	int c0, c1;		/* ... counted in characters */
	int w0, w1;		/* ... counted in display width (CJK = 2) */
	char *t;
	int fig;		/* looks like a figure (digits, no CJK) */
};

struct lgrid {
	struct ltok *t;
	size_t n;
	int width;		/* x counts display width, not characters */
};

static int
figlike(const char *s, size_t n)
{
	size_t i;
	int dig = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= '0' && c <= '9')
			dig = 1;
		else if (c >= 0x80 || (strchr(",.-()%", c) == NULL))
			return 0;
	}
	return dig;
}

static void
ltok_add(struct lgrid *g, size_t line, const char *s, const char *a, const char *b)
{
	struct ltok *t;

	g->t = ereallocarray(g->t, g->n + 1, sizeof *g->t);
	t = &g->t[g->n++];
	t->line = line;
	t->c0 = (int)txt_chars(s, (size_t)(a - s));
	t->c1 = t->c0 + (int)txt_chars(a, (size_t)(b - a)) - 1;
	t->w0 = (int)txt_width(s, (size_t)(a - s));
	t->w1 = t->w0 + (int)txt_width(a, (size_t)(b - a)) - 1;
	t->x0 = t->c0;
	t->x1 = t->c1;
	t->t = estrndup(a, (size_t)(b - a));
	t->fig = figlike(a, (size_t)(b - a));
}

/*
 * Add the word [a, p) of line s; a code glued to its name ("310资本性支出",
 * "2070308群众体育") becomes two tokens when its digits number mindigits
 * to seven.
 */
static void
word_add(struct lgrid *g, size_t line, const char *s, const char *a, const char *p,
    int mindigits)
{
	const char *q = a;

	while (q < p && *q >= '0' && *q <= '9')
		q++;
	if (q - a >= mindigits && q - a <= 7 && q < p && (unsigned char)*q >= 0x80) {
		ltok_add(g, line, s, a, q);
		ltok_add(g, line, s, q, p);
		return;
	}
	ltok_add(g, line, s, a, p);
}

static void
tokenize(struct lgrid *g, size_t line, const char *s)
{
	const char *p = s;

	while (*p) {
		const char *a, *e;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		a = p;
		for (;;) {
			while (*p && *p != ' ')
				p++;
			if (*p == '\0' || p[1] == ' ' || p[1] == '\0')
				break;
			/* one space: keep going unless it parts two figures */
			e = p + 1;
			while (*e && *e != ' ')
				e++;
			{
				const char *q = p;
				int f1, f2;

				/* the word before the space, and the one after it */
				while (q > a && q[-1] != ' ')
					q--;
				f1 = figlike(q, (size_t)(p - q));
				f2 = figlike(p + 1, (size_t)(e - p - 1));
				/* "1, 731. 95" is one spaced figure; "96.00 二、…" two cells */
				if (f1 && f2 && !(p[-1] == ',' || p[-1] == '.'))
					break;
				if (f1 != f2 && !(f1 && (p[-1] == '.' || p[-1] == ',')) &&
				    (f1 ? (unsigned char)p[1] >= 0x80 : (unsigned char)p[-1] >= 0x80 ||
				    p[-1] == ')'))
					break;
			}
			p++;
		}
		word_add(g, line, s, a, p, 3);
	}
}


/* split on every space: cells of single-space text */
static void
tokenize_words(struct lgrid *g, size_t line, const char *s)
{
	const char *p = s, *a;

	while (*p) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		a = p;
		while (*p && *p != ' ')
			p++;
		word_add(g, line, s, a, p, 2);	/* "01基本工资" too */
	}
}

static void
lgrid_free(struct lgrid *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		free(g->t[i].t);
	free(g->t);
	g->t = NULL;
	g->n = 0;
}

/* a code part: 2-3 digits (类 3, 款 2, 项 2) or a whole 3/5/7-digit code */
static int
code_part(const char *s)
{
	size_t n = strlen(s);

	return strspn(s, "0123456789") == n && (n == 2 || n == 3 || n == 5 || n == 7);
}

static long long fig_cents(const struct ltok *);

/* a column slot: the extent of a column's figures, and its template column */
struct slot {
	int x0, x1;
	int col;	/* template column, -1 unknown */
};

static size_t
cluster(const struct lgrid *g, const char *use, struct slot *s, size_t max)
{
	size_t i, j, n = 0;
	int merged = 1;

	/* figures of one column overlap horizontally: merge overlapping extents */
	for (i = 0; i < g->n; i++) {
		const struct ltok *t = &g->t[i];

		if (!t->fig || (use != NULL && !use[i]))
			continue;
		for (j = 0; j < n; j++)
			if (t->x0 <= s[j].x1 && t->x1 >= s[j].x0) {
				if (t->x0 < s[j].x0)
					s[j].x0 = t->x0;
				if (t->x1 > s[j].x1)
					s[j].x1 = t->x1;
				break;
			}
		if (j == n && n < max) {
			s[n].x0 = t->x0;
			s[n].x1 = t->x1;
			s[n].col = -1;
			n++;
		}
	}
	while (merged) {	/* widened extents may now overlap */
		merged = 0;
		for (i = 0; i < n && !merged; i++)
			for (j = i + 1; j < n; j++)
				if (s[i].x0 <= s[j].x1 && s[i].x1 >= s[j].x0) {
					if (s[j].x0 < s[i].x0)
						s[i].x0 = s[j].x0;
					if (s[j].x1 > s[i].x1)
						s[i].x1 = s[j].x1;
					s[j] = s[--n];
					merged = 1;
					break;
				}
	}
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && s[j].x1 < s[j - 1].x1; j--) {
			struct slot tmp = s[j];

			s[j] = s[j - 1];
			s[j - 1] = tmp;
		}
	return n;
}

/*
 * pdftotext shifts the figures of lines heavy with CJK text, so one column
 * can come out as several clusters: merge the closest neighbours until
 * there are no more clusters than columns.
 */
static size_t
merge_slots(struct slot *s, size_t n, size_t max)
{
	while (n > max && n > 1) {
		size_t j, best = 0;
		int bg = 1 << 30;

		for (j = 0; j + 1 < n; j++)
			if (s[j + 1].x0 - s[j].x1 < bg) {
				bg = s[j + 1].x0 - s[j].x1;
				best = j;
			}
		s[best].x1 = s[best + 1].x1;
		for (j = best + 1; j + 1 < n; j++)
			s[j] = s[j + 1];
		n--;
	}
	return n;
}

static int
slot_of(const struct slot *s, size_t n, const struct ltok *t)
{
	size_t j;

	for (j = 0; j < n; j++)
		if (t->x0 <= s[j].x1 && t->x1 >= s[j].x0)
			return (int)j;
	return -1;
}

/*
 * Slots for the figures f[0..m) of one line, left to right.  Where every
 * figure overlaps a slot of its own, that is the answer; pdftotext squeezes
 * some lines, so otherwise take the order-keeping assignment nearest to the
 * slots' centres (a small dynamic programme).  out[i] = slot or -1.
 */
static void
assign_line(const struct ltok *const *f, int m, const struct slot *s, int n, int *out)
{
	int i, j, ok = 1, prev = -1;
	long cost[17][17];
	signed char from[17][17];

	for (i = 0; i < m; i++) {
		out[i] = slot_of(s, (size_t)n, f[i]);
		if (out[i] <= prev)
			ok = 0;
		prev = out[i];
	}
	if (ok || m > 16 || n > 16)
		return;
	/* cost[i][j]: best for the first i figures using slots < j */
	for (i = 0; i <= m; i++)
		for (j = 0; j <= n; j++)
			cost[i][j] = i == 0 ? 0 : 1L << 40;
	for (i = 1; i <= m; i++)
		for (j = 1; j <= n; j++) {
			long c = (f[i - 1]->x0 + f[i - 1]->x1) - (s[j - 1].x0 + s[j - 1].x1);
			long take = cost[i - 1][j - 1] + (c < 0 ? -c : c), skip = cost[i][j - 1];

			if (take <= skip) {
				cost[i][j] = take;
				from[i][j] = 1;
			} else {
				cost[i][j] = skip;
				from[i][j] = 0;
			}
		}
	for (i = 0; i < m; i++)
		out[i] = -1;
	if (cost[m][n] >= (1L << 40))
		return;
	for (i = m, j = n; i > 0 && j > 0;) {
		if (from[i][j]) {
			out[i - 1] = j - 1;
			i--;
			j--;
		} else {
			j--;
		}
	}
}

/*
 * Give the figure slots their template columns.  Header words above the
 * table name the columns ("基本支出", "项目支出" …); a slot takes the
 * column whose header text lies over it.  Columns the header does not
 * settle are taken in order.  cols[first..first+ncols) are the candidates.
 */
static void
assign_slots(struct pdoc *d, const struct tab *tb, size_t hdr0, size_t hdr1,
    struct slot *s, size_t ns, int first, int ncols, int xmin, int width, int *colx)
{
	const struct tpl_table *t = tb->t;
	int k, hx[16], used[16] = { 0 };
	size_t i, j;

	for (k = 0; k < ncols && k < 16; k++) {
		const char *name = t->cols[first + k], *slash = strrchr(name, '/');
		int len, minlen;

		hx[k] = -1;
		if (slash != NULL)
			name = slash + 1;
		if (t->hdr != NULL && t->hdr[first + k] != NULL)
			name = t->hdr[first + k];
		else if (strcmp(name, "小计") == 0)
			name = "合计";	/* Shanghai heads the subtotal 合计 */
		/*
		 * The longest prefix of the name printed in the header, from four
		 * characters down to three (two when that is the whole word):
		 * wrapped headers print "项目支" / "出", and a shorter prefix
		 * ("项目") also heads the label column.  Header words given by the
		 * catalogue are taken whole.
		 */
		minlen = (t->hdr != NULL && t->hdr[first + k] != NULL) || strlen(name) <= 6 ?
		    (int)strlen(name) : 9;
	again:
		for (len = 12; len >= minlen && hx[k] < 0; len -= 3) {
			char key[16];

			if ((int)strlen(name) < len)
				continue;
			snprintf(key, sizeof key, "%.*s", len, name);
			/* from the line nearest the figures up: wrapped headers repeat words */
			for (i = hdr1; i-- > hdr0 && hx[k] < 0;) {
				const char *p = d->line[i];

				while ((p = strstr(p, key)) != NULL) {
					size_t off = (size_t)(p - d->line[i]);
					int x = (int)(width ? txt_width(d->line[i], off) : txt_chars(d->line[i], off));

					if (x >= xmin && x > 12) {
						hx[k] = x + len / 6;
						break;
					}
					p += len;
				}
			}
		}
		/* the total column is headed 合计 in some templates, 总计 in others */
		if (hx[k] < 0 && strcmp(name, "合计") == 0) {
			name = "总计";
			goto again;
		}
	}
	/* a column whose header word is printed is printed, figures or not */
	for (k = 0; k < ncols && k < 16; k++)
		if (hx[k] >= 0 && first + k < 16 && colx[first + k] < 0)
			colx[first + k] = hx[k];
	/*
	 * Slots and columns both run left to right: choose the order-keeping
	 * assignment of every slot to a column that is cheapest, a slot under
	 * its column's header word costing the distance to it, a column whose
	 * header was not found a fixed 8.
	 */
	{
		long cost[17][17];
		signed char take[17][17];
		int m = (int)ns, n = ncols < 16 ? ncols : 16, jj, kk;

		if (m > 16)
			m = 16;
		for (jj = 0; jj <= m; jj++)
			for (kk = 0; kk <= n; kk++)
				cost[jj][kk] = jj == 0 ? 0 : 1L << 40;
		for (jj = 1; jj <= m; jj++)
			for (kk = 1; kk <= n; kk++) {
				long c = 8, t1, t2;

				if (hx[kk - 1] >= 0) {
					c = hx[kk - 1] - (s[jj - 1].x0 + s[jj - 1].x1) / 2;
					c = c < 0 ? -c : c;
				}
				t1 = cost[jj - 1][kk - 1] + c;
				t2 = cost[jj][kk - 1];
				/* on a tie leave the column: slots take the earliest columns */
				take[jj][kk] = t1 < t2;
				cost[jj][kk] = t1 < t2 ? t1 : t2;
			}
		for (jj = m, kk = n; jj > 0 && kk > 0;) {
			if (take[jj][kk]) {
				s[jj - 1].col = cost[jj][kk] < (1L << 40) ? first + kk - 1 : -1;
				jj--;
				kk--;
			} else {
				kk--;
			}
		}
		(void)used;
		(void)j;
	}
}

struct anchor {
	size_t line;
	char code[8];
	char *label;
	int tpl;		/* panel template row */
	int panel;
	const struct ltok *fig[16];	/* by slot */
	char flags[32];
};

static void
anchor_fig(struct anchor *a, const struct ltok *t, int col, size_t *stray_n)
{
	if (col < 0 || col >= 16 || a->fig[col] != NULL) {
		(*stray_n)++;
		return;
	}
	a->fig[col] = t;
}

/*
 * Figures alone on their lines belong to a row whose label sits lower (or
 * higher): pdftotext centres each cell of a wrapped row vertically.  Give
 * each such figure (tk[i], in column col[i] of panel panel[i]) to the
 * nearest anchor of its panel whose cell in that column is free, the one
 * below on a tie.
 */
static void
attach_pending(struct pdoc *d, struct tab *tb, struct anchor *an, size_t na,
    const struct ltok *const *tk, size_t nt, const int *col, const int *panel)
{
	size_t i, j;

	for (i = 0; i < nt; i++) {
		const struct ltok *t = tk[i];
		int c = col[i], p = panel != NULL ? panel[i] : 0;
		size_t best = na;

		if (c < 0 || c >= 16) {
			warnmsg("%s:%lu:%d: figure '%s' outside the columns of %s, not read",
			    d->src, d->lineno[t->line], t->c0 + 1, t->t, tb->t->id);
			continue;
		}
		/* the nearest row with the cell free; on a tie the one below */
		{
			long bd = 1L << 30;

			for (j = 0; j < na; j++) {
				long dd;

				if (an[j].panel != p || an[j].fig[c] != NULL || an[j].line == t->line)
					continue;
				dd = (long)an[j].line - (long)t->line;
				dd = dd < 0 ? -2 * dd : 2 * dd - 1;
				if (dd < bd) {
					bd = dd;
					best = j;
				}
			}
		}
		if (best == na) {
			warnmsg("%s:%lu:%d: figure '%s' belongs to no row of %s, not read",
			    d->src, d->lineno[t->line], t->c0 + 1, t->t, tb->t->id);
			continue;
		}
		an[best].fig[c] = t;
	}
}

/* emit the cells of the anchors of one panel: every template column of it */
static void
emit_anchors(struct pdoc *d, struct tab *tb, struct anchor *an, size_t na,
    int first, int ncols, int panel, const int *colx)
{
	size_t i;
	int k;

	for (i = 0; i < na; i++) {
		struct anchor *a = &an[i];

		if (a->panel != panel || a->label == NULL)
			continue;
		for (k = first; k < first + ncols && k < 16; k++) {
			const struct ltok *f = a->fig[k];

			if (colx[k] < 0 && f == NULL)
				continue;	/* a column this table does not print */

			emit_cell(d, tb, a->code, a->label, "", k, "", f != NULL ? f->t : "",
			    a->flags, d->lineno[f != NULL ? f->line : a->line],
			    (unsigned long)((f != NULL ? f->c0 : colx[k] >= 0 ? colx[k] : 0) + 1), panel);
		}
	}
}

/* a figure with decimals or separators: not a code, 行次 or list number ("1.") */
static int
amount_like(const struct ltok *t)
{
	size_t n = strlen(t->t);

	return t->fig && (strchr(t->t, '.') != NULL || strchr(t->t, ',') != NULL) &&
	    t->t[n - 1] != '.' && t->t[n - 1] != ',';
}

/*
 * Fit m positions x[] (right edges, left to right) to P reference right
 * edges ref[] under some shift: the order-keeping assignment whose
 * distances are least, and among as good ones the smallest shift from
 * shift0.  out[i] receives the reference index of x[i], or -1.
 */
static void
fit_shift(const long *x, int m, const long *ref, int P, long shift0, int first0, int *out)
{
	int a, b, q;
	long best = 1L << 60;

	for (q = 0; q < m; q++)
		out[q] = -1;
	for (a = 0; a < m; a++)
		for (b = 0; b < P; b++) {
			if (first0 && (a != 0 || b != 0))
				continue;	/* the first figure is the total: column 0 */
			long shift = x[a] - ref[b], cost[17][17], total, dshift;
			signed char tk[17][17];
			int xi, y, tmp[16];

			for (xi = 0; xi <= m; xi++)
				for (y = 0; y <= P; y++)
					cost[xi][y] = xi == 0 ? 0 : 1L << 40;
			for (xi = 1; xi <= m; xi++)
				for (y = 1; y <= P; y++) {
					long c = x[xi - 1] - shift - ref[y - 1], t1, t2;

					c = c < 0 ? -c : c;
					t1 = cost[xi - 1][y - 1] + c;
					t2 = cost[xi][y - 1];
					tk[xi][y] = t1 <= t2;
					cost[xi][y] = t1 <= t2 ? t1 : t2;
				}
			if (cost[m][P] >= (1L << 40))
				continue;
			/*
			 * Evenly spaced columns fit two figures equally well in
			 * several places: among fits as good, the one that moves
			 * least wins.
			 */
			dshift = shift - shift0;
			total = cost[m][P] * 8 + (dshift < 0 ? -dshift : dshift);
			if (total >= best)
				continue;
			best = total;
			for (xi = m, y = P; xi > 0 && y > 0;) {
				if (tk[xi][y]) {
					tmp[xi - 1] = y - 1;
					xi--;
					y--;
				} else {
					y--;
				}
			}
			if (first0 && tmp[0] != 0)
				continue;
			for (q = 0; q < m; q++)
				out[q] = tmp[q];
		}
}

/* the template columns of slots c[0..nc), fitted to the named slots ref[0..nref) */
static void
fit_slots(struct slot *c, size_t nc, const struct slot *ref, size_t nref, int first0)
{
	long x[16] = { 0 }, r[16] = { 0 };
	int out[16];
	size_t k;

	if (nref == 1 && nc == 1) {	/* one column on both pages: the same one */
		c[0].col = ref[0].col;
		return;
	}

	for (k = 0; k < nc && k < 16; k++)
		x[k] = c[k].x1;
	for (k = 0; k < nref && k < 16; k++)
		r[k] = ref[k].x1;
	fit_shift(x, (int)nc, r, (int)nref, 0, first0, out);
	for (k = 0; k < nc && k < 16; k++)
		c[k].col = out[k] >= 0 ? ref[out[k]].col : -1;
}

/*
 * The columns of the figures marked in use, page by page: a page break may
 * move every column.  On a page where the figures of each column overlap
 * and no line puts two figures in one cluster, the clusters are the
 * columns.  Elsewhere pdftotext kept the order of a row's cells but not
 * their place (a long name pushes the figures of its row to the right):
 * columns are then learnt as offsets from the last figure of the rows that
 * print the most figures, and each row is fitted to them under a shift.
 * The first page's columns are named through the header words; later
 * pages' by fitting them to the first page's.  colof[i] receives the
 * template column of token i (or -1); colx[k] an x for column k.
 */
static void
table_columns(struct pdoc *d, const struct tab *tb, struct lgrid *g, const char *use,
    size_t hdr0, size_t hdr1, int first, int ncols, int xmin, int *colof, int *colx)
{
	struct slot named[16];
	size_t nnamed = 0, p0, p1, i, e, k2;
	int any = 0;

	for (p0 = 0; p0 < g->n; p0 = p1) {
		struct slot c[16];
		size_t nc;
		char *u = ecalloc(g->n + 1, 1);
		int conflict = 0, P = 0, j, q, nfig = 0, totfirst;

		for (p1 = p0; p1 < g->n && d->page[g->t[p1].line] == d->page[g->t[p0].line]; p1++)
			if (use[p1]) {
				u[p1] = 1;
				nfig++;
			}
		if (nfig == 0) {
			free(u);
			continue;
		}
		any = 1;
		/*
		 * Where every row of the page that prints two figures or more
		 * prints its total first (the first equals the sum of the rest),
		 * the page's first column is the table's total column.
		 */
		{
			int multi = 0, ok = 1;

			for (i = p0; i < p1; i = e) {
				long long f0 = -1, rest = 0;
				int m = 0;

				for (e = i; e < p1 && g->t[e].line == g->t[i].line; e++)
					if (u[e]) {
						if (m++ == 0)
							f0 = fig_cents(&g->t[e]);
						else
							rest += fig_cents(&g->t[e]);
					}
				if (m >= 2) {
					multi++;
					if (f0 != rest)
						ok = 0;
				}
			}
			totfirst = multi > 0 && ok;
		}
		nc = merge_slots(c, cluster(g, u, c, 16), (size_t)ncols);
		for (i = p0; i < p1 && !conflict; i = e) {
			int seen[16] = { 0 }, m = 0;

			for (e = i; e < p1 && g->t[e].line == g->t[i].line; e++) {
				int sl;

				if (!u[e])
					continue;
				m++;
				sl = slot_of(c, nc, &g->t[e]);
				if (sl < 0 || seen[sl]++)
					conflict = 1;
			}
			if (m > P)
				P = m;
		}
		/*
		 * One figure per line at most: one column, whose figures some
		 * squeezed lines moved (Jiangsu's single 金额 column).
		 */
		if (!conflict && P == 1 && nc > 1) {
			for (k2 = 1; k2 < nc; k2++) {
				if (c[k2].x0 < c[0].x0)
					c[0].x0 = c[k2].x0;
				if (c[k2].x1 > c[0].x1)
					c[0].x1 = c[k2].x1;
			}
			nc = 1;
		}
		if (!conflict && nc > 0) {
			if (nnamed == 0) {
				assign_slots(d, tb, hdr0, hdr1, c, nc, first, ncols, xmin, g->width, colx);
				memcpy(named, c, sizeof c);
				nnamed = nc;
			} else {
				fit_slots(c, nc, named, nnamed, totfirst);
			}
			for (k2 = 0; k2 < nc; k2++)
				if (c[k2].col >= 0 && c[k2].col < 16 && colx[c[k2].col] < 0)
					colx[c[k2].col] = c[k2].x0;
			for (i = p0; i < p1; i++)
				if (u[i])
					colof[i] = c[slot_of(c, nc, &g->t[i])].col;
			free(u);
			continue;
		}
		/* offsets from the last figure of the page's fullest rows */
		{
			long ref[16] = { 0 }, nfull = 0;
			struct slot sl[16];
			int have = 0;

			if (P > 16)
				P = 16;
			for (i = p0; i < p1; i = e) {
				const struct ltok *f[16];
				int m = 0;

				for (e = i; e < p1 && g->t[e].line == g->t[i].line; e++)
					if (u[e] && m < 16)
						f[m++] = &g->t[e];
				if (m != P)
					continue;
				for (j = 0; j < P; j++)
					ref[j] += f[j]->x1 - f[P - 1]->x1;
				if (!have) {
					for (j = 0; j < P; j++) {
						sl[j].x0 = f[j]->x0;
						sl[j].x1 = f[j]->x1;
						sl[j].col = -1;
					}
					have = 1;
				}
				nfull++;
			}
			for (j = 0; j < P; j++)
				ref[j] /= nfull;
			if (nnamed == 0) {
				assign_slots(d, tb, hdr0, hdr1, sl, (size_t)P, first, ncols, xmin, g->width,
				    colx);
				memcpy(named, sl, sizeof sl);
				nnamed = (size_t)P;
			} else {
				fit_slots(sl, (size_t)P, named, nnamed, totfirst);
			}
			for (j = 0; j < P; j++)
				if (sl[j].col >= 0 && sl[j].col < 16 && colx[sl[j].col] < 0)
					colx[sl[j].col] = sl[j].x0;
			for (i = p0; i < p1; i = e) {
				const struct ltok *f[16];
				size_t idx[16];
				long x[16];
				int m = 0, out[16];

				for (e = i; e < p1 && g->t[e].line == g->t[i].line; e++)
					if (u[e] && m < 16) {
						idx[m] = e;
						x[m] = g->t[e].x1;
						f[m++] = &g->t[e];
					}
				if (m == 0)
					continue;
				if (m == P) {
					for (q = 0; q < m; q++)
						colof[idx[q]] = sl[q].col;
					continue;
				}
				fit_shift(x, m, ref, P, sl[P - 1].x1, totfirst && named[0].col == first, out);
				for (q = 0; q < m; q++)
					colof[idx[q]] = out[q] >= 0 ? sl[out[q]].col : -1;
				(void)f;
			}
		}
		free(u);
	}
	if (!any) {
		/* no figures: the header words still say which columns are printed */
		struct slot none[1];

		assign_slots(d, tb, hdr0, hdr1, none, 0, first, ncols, xmin, g->width, colx);
	}
}

/* code tables in space-aligned text */
static void
read_layout_code(struct pdoc *d, struct tab *tb)
{
	struct lgrid g = { NULL, 0, 0 };
	struct anchor *an = NULL;
	size_t na = 0, i, j, first_anchor = tb->end, stray_n = 0;
	char *isanchor = ecalloc(d->nline + 1, 1), *use;
	int *colof, colx[16], k;
	int ncols = (int)tb->t->ncols;

	for (k = 0; k < 16; k++)
		colx[k] = -1;
	for (i = tb->start; i < tb->end; i++)
		tokenize(&g, i, d->line[i]);
	use = ecalloc(g.n + 1, 1);
	colof = ecalloc(g.n + 1, sizeof *colof);
	/* anchors: a code at the left margin, or the 合计 label */
	for (i = 0; i < g.n;) {
		size_t line = g.t[i].line, e = i, kk;
		char code[16] = "";
		struct anchor a;

		while (e < g.n && g.t[e].line == line)
			e++;
		memset(&a, 0, sizeof a);
		a.line = line;
		a.tpl = -1;
		for (kk = i; kk < e && code_part(g.t[kk].t) && strlen(code) + strlen(g.t[kk].t) <= 7; kk++) {
			if (kk == i && (g.t[kk].c0 > 12 || strlen(g.t[kk].t) == 2))
				break;
			strcat(code, g.t[kk].t);
		}
		if (code_of(code, a.code)) {
			char name[512] = "";

			for (; kk < e && !g.t[kk].fig; kk++)
				if (strlen(name) + strlen(g.t[kk].t) < sizeof name)
					strcat(name, g.t[kk].t);
			a.label = labeldup(name);
		} else {
			size_t words = 0;

			a.code[0] = '\0';
			for (kk = i; kk < e; kk++)
				if (!g.t[kk].fig && txt_has_cjk(g.t[kk].t))
					words++;
			/* "合计" alone with its figures; beside other words it heads a column */
			for (kk = i; kk < e && words == 1; kk++) {
				char *n = normdup(g.t[kk].t);
				int tot = strcmp(n, "合计") == 0 || strcmp(n, "总计") == 0;

				free(n);
				if (!g.t[kk].fig && tot) {
					a.label = estrdup("合计");
					break;
				}
			}
		}
		if (a.label != NULL) {
			an = ereallocarray(an, na + 1, sizeof *an);
			an[na++] = a;
			isanchor[line] = 1;
			if (line < first_anchor)
				first_anchor = line;
			for (kk = i; kk < e; kk++)
				if (g.t[kk].fig && !code_part(g.t[kk].t))
					use[kk] = 1;
		}
		i = e;
	}
	if (na == 0) {
		/* a table printed without rows is empty, not unreadable */
		for (i = 0; i < g.n; i++)
			if (amount_like(&g.t[i])) {
				warnmsg("%s:%lu: %s: no rows found, table not read", d->src,
				    d->lineno[tb->title], tb->t->id);
				break;
			}
		goto out;
	}
	for (i = 0; i < g.n; i++)
		if (!isanchor[g.t[i].line] && amount_like(&g.t[i]) && g.t[i].line + 4 >= first_anchor)
			use[i] = 1;
	for (i = 0; i < g.n; i++)
		colof[i] = -1;
	table_columns(d, tb, &g, use, tb->start, first_anchor, 0, ncols, 0, colof, colx);
	for (i = 0; i < g.n; i++) {
		if (!use[i] || !isanchor[g.t[i].line])
			continue;
		for (j = 0; j < na; j++)
			if (an[j].line == g.t[i].line)
				anchor_fig(&an[j], &g.t[i], colof[i], &stray_n);
	}
	{
		/* figure-only lines: give them to rows */
		const struct ltok **pg = NULL;
		int *pc = NULL;
		size_t npg = 0;

		for (i = 0; i < g.n; i++)
			if (use[i] && !isanchor[g.t[i].line]) {
				pg = ereallocarray(pg, npg + 1, sizeof *pg);
				pc = ereallocarray(pc, npg + 1, sizeof *pc);
				pc[npg] = colof[i];
				pg[npg++] = &g.t[i];
			}
		attach_pending(d, tb, an, na, pg, npg, pc, NULL);
		free(pg);
		free(pc);
	}
	/*
	 * Label lines without code or figure: a wrapped name, of the nearest
	 * row (pdftotext centres a row's cells, so the name may start above
	 * its code); on a tie the row still without a name.
	 */
	for (i = 0; i < g.n; i++) {
		size_t line = g.t[i].line, best = na;
		long bd = 1L << 30;

		if (isanchor[line] || g.t[i].fig || !txt_has_cjk(g.t[i].t) || line < first_anchor)
			continue;
		for (j = 0; j < na; j++) {
			long dd = (long)an[j].line - (long)line;

			dd = dd < 0 ? -dd : dd;
			if (dd < bd || (dd == bd && best < na && an[best].label[0] != '\0' &&
			    an[j].label[0] == '\0')) {
				bd = dd;
				best = j;
			}
		}
		if (best < na && an[best].code[0] != '\0' && bd <= 2) {
			char *c = labeldup(g.t[i].t);
			char *nl = emalloc(strlen(an[best].label) + strlen(c) + 1);

			if (an[best].line > line) {
				strcpy(nl, c);
				strcat(nl, an[best].label);
			} else {
				strcpy(nl, an[best].label);
				strcat(nl, c);
			}
			free(c);
			free(an[best].label);
			an[best].label = nl;
		}
	}
	if (stray_n > 0)
		warnmsg("%s:%lu: %s: %zu figures fell in no column", d->src,
		    d->lineno[tb->title], tb->t->id, stray_n);
	emit_anchors(d, tb, an, na, 0, ncols, 0, colx);
out:
	for (i = 0; i < na; i++)
		free(an[i].label);
	free(an);
	free(use);
	free(colof);
	free(isanchor);
	lgrid_free(&g);
}

/* does the printed label name this row, allowing a label cut by wrapping? */
static int
row_matches_wrapped(const struct tpl_row *r, const char *printed)
{
	const char *m = r->match != NULL ? r->match : r->label;
	size_t pl = strlen(printed);

	if (row_matches(r, printed))
		return 1;
	/* "文化旅游体育与传媒支" is the first line of "文化旅游体育与传媒支出" */
	return pl >= 12 && strncmp(m, printed, pl) == 0;
}

static int
match_row_wrapped(const struct tpl_table *t, int p, const char *printed, int *last)
{
	size_t i;

	for (i = (size_t)(*last + 1); i < t->nrows; i++)
		if (t->rows[i].panel == p && row_matches_wrapped(&t->rows[i], printed)) {
			*last = (int)i;
			return (int)i;
		}
	return -1;
}

/*
 * The columns of panel p: the first column is the income panel's, the
 * rest the expenditure panel's, but for the columns the catalogue gives
 * to a third panel (its last, when the table has panel-2 rows).
 */
static void
panel_cols(const struct tpl_table *t, int p, int *c0, int *nc)
{
	size_t i;
	int three = 0;

	for (i = 0; i < t->nrows; i++)
		if (t->rows[i].panel == 2)
			three = 1;
	if (p == 0) {
		*c0 = 0;
		*nc = 1;
	} else if (p == 1) {
		*c0 = 1;
		*nc = (int)t->ncols - 1 - three;
	} else {
		*c0 = (int)t->ncols - 1;
		*nc = three;
	}
}

static int
ends_with(const char *s, const char *w)
{
	size_t a = strlen(s), b = strlen(w);

	return a >= b && strcmp(s + a - b, w) == 0;
}

/* panel tables (F01, F04) in space-aligned text */
static void
read_layout_panel(struct pdoc *d, struct tab *tb)
{
	const struct tpl_table *t = tb->t;
	struct lgrid g = { NULL, 0, 0 };
	struct anchor *an = NULL;
	size_t na = 0, i, j;
	int xb = -1, xc = -1, *panel, last[3] = { -1, -1, -1 }, np = 2;
	size_t body = (size_t)-1;	/* the first line of 类 labels */
	char *isanchor = ecalloc(d->nline + 1, 1), *use, *hdr;
	size_t stray_n = 0, first_anchor = tb->end;

	for (i = tb->start; i < tb->end; i++)
		tokenize(&g, i, d->line[i]);
	panel = ecalloc(g.n + 1, sizeof *panel);
	use = ecalloc(g.n + 1, 1);
	hdr = ecalloc(g.n + 1, 1);
	/* the right panel starts where its labels (the 类 lines) start */
	for (i = 0; i < g.n; i++) {
		char *n;
		int dummy = -1;

		if (g.t[i].fig)
			continue;
		n = normdup(g.t[i].t);
		/* a 类 name in full ("国有资本经营预算" alone is an income line) */
		for (j = 0; j < t->nrows; j++)
			if (t->rows[j].panel == 1 && t->rows[j].code != NULL &&
			    (strcmp(t->rows[j].label, n) == 0 ||
			    (tpl_class_code(n) != NULL && strcmp(tpl_class_code(n), t->rows[j].code) == 0 &&
			    ends_with(n, "支出"))))
				dummy = 0;
		if (dummy == 0 || strcmp(n, "本年支出合计") == 0) {
			if (strcmp(n, "总计") != 0 && (xb < 0 || g.t[i].x0 < xb))
				xb = g.t[i].x0;
			if (g.t[i].line < body)
				body = g.t[i].line;
		}
		free(n);
	}
	if (xb < 0) {
		warnmsg("%s:%lu: %s: no expenditure panel found, table not read",
		    d->src, d->lineno[tb->title], t->id);
		goto out;
	}
	/* a third panel (支出用途: 基本支出, 项目支出 …) right of the 类 lines */
	for (i = 0; i < g.n; i++) {
		char *n;

		if (g.t[i].fig || g.t[i].x0 < xb + 8 || g.t[i].line < body)
			continue;	/* header words are not labels */
		n = normdup(g.t[i].t);
		for (j = 0; j < t->nrows; j++)
			if (t->rows[j].panel == 2 && row_matches(&t->rows[j], n) &&
			    (xc < 0 || g.t[i].x0 < xc))
				xc = g.t[i].x0;
		free(n);
	}
	if (xc >= 0)
		np = 3;
	for (i = 0; i < g.n; i++) {
		int x = g.t[i].fig ? g.t[i].x1 : g.t[i].x0;

		/* label starts wobble by a character or two; figures end where they end */
		int tol = g.t[i].fig ? 0 : 3;

		panel[i] = np == 3 && x >= xc - tol ? 2 : x >= xb - tol;
	}
	/*
	 * On a line with an expenditure label, a figure before the label is
	 * the income panel's, whatever its column: pdftotext shifts lines.
	 */
	for (i = 0; i < g.n; i++) {
		size_t k2;

		if (!g.t[i].fig || panel[i] != 1)
			continue;
		for (k2 = i + 1; k2 < g.n && g.t[k2].line == g.t[i].line; k2++)
			if (!g.t[k2].fig && panel[k2] == 1) {
				panel[i] = 0;
				break;
			}
	}
	/*
	 * Anchors: labels that name a template row of their panel, from the
	 * first line with a whole label on: wrapped header words ("国有资本经营")
	 * would otherwise pass for cut labels.
	 */
	{
		size_t firstexact[3] = { (size_t)-1, (size_t)-1, (size_t)-1 };

		for (i = 0; i < g.n; i++) {
			char *n;
			int r, l2 = -1;

			if (g.t[i].fig || firstexact[panel[i]] != (size_t)-1)
				continue;
			n = normdup(g.t[i].t);
			for (r = 0; r < (int)t->nrows; r++)
				if (t->rows[r].panel == panel[i] && row_matches(&t->rows[r], n))
					l2 = r;
			free(n);
			if (l2 >= 0)
				firstexact[panel[i]] = g.t[i].line;
		}
		/*
		 * Column headers name funds over the right panels; over the
		 * income panel only words above the line before the first
		 * figure ("本年收入") are header: a wrapped first label ("一、财政"
		 * / "拨款") sits on the line before its figure.
		 */
		size_t firstfig = (size_t)-1;

		for (i = 0; i < g.n; i++)
			if (amount_like(&g.t[i]) && g.t[i].line < firstfig)
				firstfig = g.t[i].line;
		for (i = 0; i < g.n; i++)
			if (!g.t[i].fig && (panel[i] > 0 ? g.t[i].line < firstexact[panel[i]] :
			    g.t[i].line + 1 < firstfig))
				hdr[i] = 1;	/* header: no anchor */
	}
	for (i = 0; i < g.n; i++) {
		struct anchor a;
		char *n;
		int r;

		if (g.t[i].fig || hdr[i])
			continue;
		n = normdup(g.t[i].t);
		r = n[0] != '\0' ? match_row_wrapped(t, panel[i], n, &last[panel[i]]) : -1;
		/*
		 * A label wrapped over two or three lines ("一、财政" / "拨款",
		 * "1. 一 般 公" / "共预算"): join the text under it in its panel.
		 */
		for (j = i + 1; r < 0 && n[0] != '\0' && j < g.n &&
		    g.t[j].line <= g.t[i].line + 2; j++) {
			char *m, *both;

			if (g.t[j].line == g.t[i].line || g.t[j].fig || hdr[j] ||
			    panel[j] != panel[i] || g.t[j].x0 > g.t[i].x0 + 4 ||
			    g.t[j].x0 + 6 < g.t[i].x0)
				continue;
			m = normdup(g.t[j].t);
			both = emalloc(strlen(n) + strlen(m) + 1);
			strcpy(both, n);
			strcat(both, m);
			free(m);
			free(n);
			n = both;
			r = match_row_wrapped(t, panel[i], n, &last[panel[i]]);
			if (r >= 0)
				hdr[j] = 1;	/* consumed */
		}
		free(n);
		memset(&a, 0, sizeof a);
		if (r < 0) {
			/*
			 * An income label the template lacks ("一、预算拨款"), first on
			 * its line and with a figure after it, is a row of its own:
			 * kept under its printed name rather than its figure lost.
			 */
			size_t k2;
			int first = 1, fig = 0;

			for (k2 = i; k2-- > 0 && g.t[k2].line == g.t[i].line;)
				if (panel[k2] == panel[i])
					first = 0;
			for (k2 = i + 1; k2 < g.n && g.t[k2].line == g.t[i].line; k2++) {
				if (!g.t[k2].fig)
					break;
				if (amount_like(&g.t[k2]) && panel[k2] == panel[i])
					fig = 1;
			}
			n = normdup(g.t[i].t);
			/* only income lines: the expenditure side lists 款 and 项 under its 类 */
			if (!first || !fig || strlen(n) < 6 || !txt_has_cjk(n) || panel[i] != 0) {
				free(n);
				continue;
			}
			a.label = n;
			a.tpl = -1;
			strcpy(a.flags, "label-unknown");
		} else {
			a.label = estrdup(t->rows[r].label);
			a.tpl = r;
		}
		a.line = g.t[i].line;
		a.panel = panel[i];
		an = ereallocarray(an, na + 1, sizeof *an);
		an[na++] = a;
		isanchor[a.line] = 1;
		if (a.line < first_anchor)
			first_anchor = a.line;
	}
	if (na == 0)
		goto out;
	/* under a 行次 header the small integers are 行次, not figures */
	{
		int rowno = 0;

		for (i = 0; i < g.n && !rowno; i++) {
			char *n = normdup(g.t[i].t);

			rowno = strcmp(n, "行次") == 0;
			free(n);
		}
		for (i = 0; i < g.n; i++)
			if (g.t[i].fig && (amount_like(&g.t[i]) || isanchor[g.t[i].line]) &&
			    g.t[i].line + 3 >= first_anchor &&
			    !(rowno && small_int(g.t[i].t, NULL)))
				use[i] = 1;
	}
	/* columns per panel, named through the header */
	{
		int *colof = ecalloc(g.n + 1, sizeof *colof), colx[16], k;

		for (k = 0; k < 16; k++)
			colx[k] = -1;
		for (i = 0; i < g.n; i++)
			colof[i] = -1;
		for (j = 0; j < (size_t)np; j++) {
			char *u = ecalloc(g.n + 1, 1);
			int c0, nc;

			for (i = 0; i < g.n; i++)
				u[i] = use[i] && panel[i] == (int)j;
			panel_cols(t, (int)j, &c0, &nc);
			table_columns(d, tb, &g, u, tb->start, first_anchor, c0, nc,
			    j == 0 ? 0 : j == 1 ? xb : xc, colof, colx);
			free(u);
		}
		/*
		 * Figures on a label's line of their panel; a figure in a panel
		 * with no label on its line but to the right of a label without
		 * figures belongs to that label ("支出合计" spanning 功能分类 and
		 * 支出用途); else pending.
		 */
		for (i = 0; i < g.n; i++) {
			if (!use[i])
				continue;
			for (j = 0; j < na; j++)
				if (an[j].line == g.t[i].line && an[j].panel == panel[i])
					break;
			if (j < na) {
				anchor_fig(&an[j], &g.t[i], colof[i], &stray_n);
				continue;
			}
			for (j = 0; j < na; j++) {
				int c0, nc, k2, empty = 1;

				/* only total lines span panels, never a 类 line */
				if (an[j].line != g.t[i].line || an[j].panel >= panel[i] ||
				    an[j].tpl < 0 || t->rows[an[j].tpl].code != NULL)
					continue;
				panel_cols(t, an[j].panel, &c0, &nc);
				for (k2 = c0; k2 < c0 + nc && k2 < 16; k2++)
					if (an[j].fig[k2] != NULL)
						empty = 0;
				if (empty)
					break;
			}
			if (j < na) {
				int c0, nc;

				panel_cols(t, an[j].panel, &c0, &nc);
				anchor_fig(&an[j], &g.t[i], c0, &stray_n);
			} else {
				use[i] = 2;
			}
		}
		{
			const struct ltok **pg = NULL;
			int *pc = NULL, *pp = NULL;
			size_t npg = 0;

			for (i = 0; i < g.n; i++)
				if (use[i] == 2) {
					pg = ereallocarray(pg, npg + 1, sizeof *pg);
					pc = ereallocarray(pc, npg + 1, sizeof *pc);
					pp = ereallocarray(pp, npg + 1, sizeof *pp);
					pc[npg] = colof[i];
					pp[npg] = panel[i];
					pg[npg++] = &g.t[i];
				}
			attach_pending(d, tb, an, na, pg, npg, pc, pp);
			free(pg);
			free(pc);
			free(pp);
		}
		if (stray_n > 0)
			warnmsg("%s:%lu: %s: %zu figures fell in no column", d->src,
			    d->lineno[tb->title], t->id, stray_n);
		for (j = 0; j < (size_t)np; j++) {
			int c0, nc;

			panel_cols(t, (int)j, &c0, &nc);
			emit_anchors(d, tb, an, na, c0, nc, (int)j, colx);
		}
		free(colof);
	}
out:
	for (i = 0; i < na; i++)
		free(an[i].label);
	free(an);
	free(use);
	free(hdr);
	free(panel);
	free(isanchor);
	lgrid_free(&g);
}

/*
 * A table of one row of figures under header words (the budget's 三公 and
 * 机关运行经费 table): the first line with figures is the row; its figures
 * take the columns whose header words lie over them, in order.
 */
static void
read_layout_onerow(struct pdoc *d, struct tab *tb, struct lgrid *g)
{
	size_t i, e, k;
	int colx[16], m = 0, q;
	struct slot s[16];
	const struct ltok *f[16] = { NULL };

	for (q = 0; q < 16; q++)
		colx[q] = -1;
	for (i = 0; i < g->n; i = e) {
		m = 0;
		for (e = i; e < g->n && g->t[e].line == g->t[i].line; e++)
			if (g->t[e].fig && m < 16)
				f[m++] = &g->t[e];
		if (m >= 2)
			break;
	}
	if (m < 2) {
		for (k = 0; k < g->n; k++)
			if (amount_like(&g->t[k])) {
				warnmsg("%s:%lu: %s: no row of figures found, table not read",
				    d->src, d->lineno[tb->title], tb->t->id);
				break;
			}
		return;
	}
	for (q = 0; q < m; q++) {
		s[q].x0 = f[q]->x0;
		s[q].x1 = f[q]->x1;
		s[q].col = -1;
	}
	assign_slots(d, tb, tb->start, f[0]->line, s, (size_t)m, 0, (int)tb->t->ncols, 0,
	    g->width, colx);
	for (k = 0; k < tb->t->ncols && k < 16; k++) {
		const struct ltok *hit = NULL;

		for (q = 0; q < m; q++)
			if (s[q].col == (int)k)
				hit = f[q];
		if (hit == NULL && colx[k] < 0)
			continue;
		emit_cell(d, tb, "", "三公经费", "", (int)k, "", hit != NULL ? hit->t : "", "",
		    d->lineno[f[0]->line], (unsigned long)((hit != NULL ? hit->c0 : colx[k]) + 1), 0);
	}
	for (q = 0; q < m; q++)
		if (s[q].col < 0)
			warnmsg("%s:%lu:%d: figure '%s' outside the columns of %s, not read",
			    d->src, d->lineno[f[q]->line], f[q]->c0 + 1, f[q]->t, tb->t->id);
}

/*
 * The 三公 table: a header row of 预算数/决算数 words (Shanghai interleaves
 * them per item) or of the digits 1..12 gives the columns; figures go to
 * the nearest header word.
 */
static void
read_layout_sangong(struct pdoc *d, struct tab *tb)
{
	struct lgrid g = { NULL, 0, 0 };
	size_t i, hl = (size_t)-1, k;
	int cx[16], col[16], nh = 0;

	for (i = tb->start; i < tb->end; i++)
		tokenize(&g, i, d->line[i]);
	for (i = 0; i < g.n;) {
		size_t e = i, kinds = 0, digits = 0;

		while (e < g.n && g.t[e].line == g.t[i].line)
			e++;
		for (k = i; k < e; k++) {
			char *n = normdup(g.t[k].t);

			if (strcmp(n, "预算数") == 0 || strcmp(n, "决算数") == 0)
				kinds++;
			else if (small_int(n, NULL))
				digits++;
			free(n);
		}
		if (kinds >= 6 && kinds == e - i && e - i <= 16) {
			int p = 0, q = 0;

			hl = g.t[i].line;
			for (k = i; k < e; k++) {
				char *n = normdup(g.t[k].t);
				int budget = strcmp(n, "预算数") == 0;

				free(n);
				cx[nh] = (g.t[k].x0 + g.t[k].x1) / 2;
				/* 预算数 pairs with the item's 决算数 that follows it */
				col[nh] = budget ? p++ : 6 + q++;
				nh++;
			}
			break;
		}
		if (digits >= 6 && digits == e - i && e - i <= 16) {
			hl = g.t[i].line;
			for (k = i; k < e; k++) {
				int v;

				small_int(g.t[k].t, &v);
				cx[nh] = (g.t[k].x0 + g.t[k].x1) / 2;
				col[nh++] = v - 1;
			}
			break;
		}
		i = e;
	}
	if (hl == (size_t)-1) {
		read_layout_onerow(d, tb, &g);
		lgrid_free(&g);
		return;
	}
	for (i = 0; i < g.n;) {
		const struct ltok *row0;
		const struct ltok *by[16] = { NULL };
		size_t e = i;
		int any = 0, h;

		if (g.t[i].line <= hl) {
			i++;
			continue;
		}
		while (e < g.n && g.t[e].line == g.t[i].line)
			e++;
		{
			/* figures to header words, in order, nearest */
			const struct ltok *f[16];
			struct slot hs[16];
			int m = 0, out[16], q;

			for (h = 0; h < nh; h++) {
				hs[h].x0 = cx[h] - 1;
				hs[h].x1 = cx[h] + 1;
				hs[h].col = col[h];
			}
			for (k = i; k < e; k++)
				if (g.t[k].fig && m < 16)
					f[m++] = &g.t[k];
			assign_line(f, m, hs, nh, out);
			for (q = 0; q < m; q++) {
				int c = out[q] >= 0 ? col[out[q]] : -1;

				if (c >= 0 && c < 12 && by[c] == NULL) {
					by[c] = f[q];
					any = 1;
				} else {
					warnmsg("%s:%lu:%d: figure '%s' outside the columns of %s, not read",
					    d->src, d->lineno[f[q]->line], f[q]->c0 + 1, f[q]->t, tb->t->id);
				}
			}
		}
		row0 = &g.t[i];
		if (any)
			for (h = 0; h < 12 && h < (int)tb->t->ncols; h++)
				emit_cell(d, tb, "", "三公经费", "", h, "", by[h] ? by[h]->t : "", "",
				    d->lineno[by[h] ? by[h]->line : row0->line],
				    (unsigned long)((by[h] ? by[h]->x0 : 0) + 1), 0);
		i = e;
	}
	lgrid_free(&g);
}

/* a 支出经济分类 code as printed: 3xx or 3xxxx */
static int
econ_code(const char *s)
{
	size_t n = strlen(s);

	return (n == 3 || n == 5) && s[0] == '3' && strspn(s, "0123456789") == n;
}

/*
 * F06 in space-aligned text: groups side by side, each a column of
 * economic codes (301, 30101) with the item number beside or under a class
 * code ("301 01", or "302" over "01 办公费"), the name beside the code or on
 * the next line, and the figure on the code's line, on the name's line, or
 * above them (pdftotext centres a wrapped row).
 */
static void
read_layout_econ(struct pdoc *d, struct tab *tb)
{
	struct lgrid g = { NULL, 0, 0 };
	int gx[4], ng = 0, k;
	size_t i, j, na = 0, stray_n = 0;
	struct anchor *an = NULL;
	size_t *nameline = NULL;
	int xs[512], nx = 0;

	for (i = tb->start; i < tb->end; i++)
		tokenize(&g, i, d->line[i]);
	/* groups: clusters of the columns where codes start */
	for (i = 0; i < g.n && nx < 512; i++)
		if (econ_code(g.t[i].t))
			xs[nx++] = g.t[i].x0;
	for (k = 1; k < nx; k++)
		for (j = (size_t)k; j > 0 && xs[j] < xs[j - 1]; j--) {
			int tmp = xs[j];

			xs[j] = xs[j - 1];
			xs[j - 1] = tmp;
		}
	for (k = 0; k < nx; k++)
		if ((k == 0 || xs[k] - xs[k - 1] > 8) && ng < 4)
			gx[ng++] = xs[k];
	if (ng == 0) {
		warnmsg("%s:%lu: %s: no economic codes found, table not read",
		    d->src, d->lineno[tb->title], tb->t->id);
		goto out;
	}
	/* anchors: the codes, with the item number of a class code beside or below it */
	for (i = 0; i < g.n; i++) {
		const struct ltok *t = &g.t[i];
		struct anchor a;
		int grp = 0, lim;
		size_t m, nl = (size_t)-1;
		char name[256] = "";

		if (!econ_code(t->t))
			continue;
		for (k = 0; k < ng; k++)
			if (t->x0 + 3 >= gx[k])
				grp = k;
		lim = grp + 1 < ng ? gx[grp + 1] - 1 : 1 << 30;
		memset(&a, 0, sizeof a);
		a.line = t->line;
		a.panel = grp;
		a.tpl = -1;
		strcpy(a.code, t->t);
		for (m = i + 1; m < g.n && g.t[m].line <= t->line + 1; m++) {
			const struct ltok *u = &g.t[m];
			int first_on_line = m == 0 || g.t[m - 1].line != u->line ||
			    g.t[m - 1].x0 + 3 < gx[grp];

			if (u->x0 + 3 < gx[grp] || u->x0 > lim)
				continue;
			if (econ_code(u->t))
				break;	/* the next row */
			if (strlen(a.code) == 3 && strlen(u->t) == 2 &&
			    strspn(u->t, "0123456789") == 2 && (u->line == t->line || first_on_line)) {
				strcat(a.code, u->t);
				continue;
			}
			if (!u->fig && txt_has_cjk(u->t) && name[0] == '\0' &&
			    strlen(u->t) < sizeof name) {
				strcpy(name, u->t);
				nl = u->line;
			}
		}
		a.label = labeldup(name);
		an = ereallocarray(an, na + 1, sizeof *an);
		nameline = ereallocarray(nameline, na + 1, sizeof *nameline);
		nameline[na] = nl;
		an[na++] = a;
	}
	/* footers */
	for (i = 0; i < g.n; i++) {
		char *n;
		struct anchor a;

		if (g.t[i].fig)
			continue;
		n = normdup(g.t[i].t);
		if (strcmp(n, "人员经费合计") != 0 && strcmp(n, "公用经费合计") != 0) {
			free(n);
			continue;
		}
		memset(&a, 0, sizeof a);
		a.line = g.t[i].line;
		for (k = 0; k < ng; k++)
			if (g.t[i].x1 >= gx[k])
				a.panel = k;
		a.label = n;
		a.tpl = -2;
		an = ereallocarray(an, na + 1, sizeof *an);
		nameline = ereallocarray(nameline, na + 1, sizeof *nameline);
		nameline[na] = a.line;
		an[na++] = a;
	}
	/* anchors in line order, for the attachment downwards */
	for (i = 1; i < na; i++)
		for (j = i; j > 0 && an[j].line < an[j - 1].line; j--) {
			struct anchor tmp = an[j];
			size_t tl = nameline[j];

			an[j] = an[j - 1];
			an[j - 1] = tmp;
			nameline[j] = nameline[j - 1];
			nameline[j - 1] = tl;
		}
	{
		const struct ltok **pg = NULL;
		int *pp = NULL, *zero;
		size_t npg = 0;

		for (i = 0; i < g.n; i++) {
			const struct ltok *t = &g.t[i];
			int grp = 0;

			if (!amount_like(t))
				continue;
			for (k = 0; k < ng; k++)
				if (t->x0 >= gx[k])
					grp = k;
			/* the row on this line, else the row whose name is on it */
			for (j = 0; j < na; j++)
				if (an[j].panel == grp && an[j].line == t->line && an[j].fig[0] == NULL)
					break;
			if (j == na)
				for (j = 0; j < na; j++)
					if (an[j].panel == grp && nameline[j] == t->line && an[j].fig[0] == NULL)
						break;
			if (j < na) {
				anchor_fig(&an[j], t, 0, &stray_n);
				continue;
			}
			pg = ereallocarray(pg, npg + 1, sizeof *pg);
			pp = ereallocarray(pp, npg + 1, sizeof *pp);
			pp[npg] = grp;
			pg[npg++] = t;
		}
		zero = ecalloc(npg + 1, sizeof *zero);
		attach_pending(d, tb, an, na, pg, npg, zero, pp);
		free(zero);
		free(pg);
		free(pp);
	}
	if (stray_n > 0)
		warnmsg("%s:%lu: %s: %zu figures fell in no row", d->src,
		    d->lineno[tb->title], tb->t->id, stray_n);
	for (k = 0; k < ng; k++)
		for (i = 0; i < na; i++)
			if (an[i].panel == k) {
				const struct ltok *f = an[i].fig[0];

				emit_cell(d, tb, an[i].tpl == -2 ? "" : an[i].code, an[i].label, "", 0, "",
				    f != NULL ? f->t : "", "", d->lineno[f != NULL ? f->line : an[i].line],
				    (unsigned long)((f != NULL ? f->c0 : gx[k]) + 1),
				    an[i].tpl == -2 ? 9 : k);
			}
out:
	for (i = 0; i < na; i++)
		free(an[i].label);
	free(an);
	free(nameline);
	lgrid_free(&g);
}


/* ---- single-space text: cells in order, blanks dropped ------------------------- */

/*
 * The printed columns of a table whose header words are glued together
 * ("合计 财政拨款收入事业收入事业单位 经营收入其他收入"): the template's
 * columns whose names (or header words) occur in the header text, in
 * template order.  Returns their count; cols[] their indexes.
 */
static int
words_columns(struct pdoc *d, const struct tab *tb, size_t h0, size_t h1, int *cols)
{
	const struct tpl_table *t = tb->t;
	char *hdr = estrdup("");
	size_t i;
	int k, n = 0;

	for (i = h0; i < h1; i++) {
		char *c = normdup(d->line[i]);

		hdr = erealloc(hdr, strlen(hdr) + strlen(c) + 1);
		strcat(hdr, c);
		free(c);
	}
	for (k = 0; k < (int)t->ncols && n < 16; k++) {
		const char *name = t->cols[k], *slash = strrchr(name, '/');

		if (slash != NULL)
			name = slash + 1;
		if (t->hdr != NULL && t->hdr[k] != NULL)
			name = t->hdr[k];
		if (strstr(hdr, name) != NULL || (strcmp(name, "合计") == 0 && strstr(hdr, "总计")) ||
		    (strcmp(name, "小计") == 0 && strstr(hdr, "合计")))
			cols[n++] = k;
	}
	free(hdr);
	if (n == 0)		/* nothing legible: the template's columns */
		for (k = 0; k < (int)t->ncols && k < 16; k++)
			cols[n++] = k;
	return n;
}

struct wrow {
	char code[8];
	char *label;
	size_t line;
	const struct ltok *fig[16];
	int m;			/* figures printed */
	int at[16];		/* column index (into cols[]) of each figure, -1 unknown */
	int nopt;		/* assignments possible */
	int parent;		/* row index of the parent code, -1 none, -2 the total */
};

/* the k-th (0-based) increasing choice of r positions among 1..n-1 */
static int
combo(int n, int r, long k, int *out)
{
	int i, p = 1;

	for (i = 0; i < r; i++) {
		while (p < n) {
			/* count of combinations with out[i] = p */
			long c = 1;
			int a = n - p - 1, b = r - i - 1, j;

			for (j = 0; j < b; j++)
				c = c * (a - j) / (j + 1);
			if (b > a)
				c = 0;
			if (k < c)
				break;
			k -= c;
			p++;
		}
		if (p >= n)
			return -1;
		out[i] = p++;
	}
	return 0;
}

static long
choose(int n, int r)
{
	long c = 1;
	int j;

	if (r < 0 || r > n)
		return 0;
	for (j = 0; j < r; j++)
		c = c * (n - j) / (j + 1);
	return c;
}

/* a figure's value in hundredths (0 when unreadable: only for fitting) */
static long long
fig_cents(const struct ltok *t)
{
	long long v = 0;
	int dp = -1;
	const char *p;

	for (p = t->t; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (dp >= 0 && ++dp > 2)
				continue;
			v = v * 10 + (*p - '0');
		} else if (*p == '.') {
			dp = 0;
		}
	}
	if (dp < 0)
		dp = 0;
	for (; dp < 2; dp++)
		v *= 10;
	return v;
}

/*
 * Place the figures of the children of one parent so that each column of
 * the parent equals the sum of its children (the hierarchy identity): try
 * every combination of the children's possible placements, up to a bound.
 * Returns 1 when exactly one fits (the placements are kept), else 0.
 */
static int
fit_children(struct wrow *w, const int *kids, int nk, int P, const struct wrow *par)
{
	long total = 1, k, found = 0, hit = -1;
	int i, j, c;
	long long want[16], sum[16];
	int pos[16];

	for (i = 0; i < nk; i++) {
		total *= w[kids[i]].nopt;
		if (total > 65536)
			return 0;
	}
	for (c = 0; c < P; c++)
		want[c] = 0;
	for (j = 0; j < par->m; j++)
		if (par->at[j] >= 0)
			want[par->at[j]] = fig_cents(par->fig[j]);
	for (k = 0; k < total && found < 2; k++) {
		long r = k;

		for (c = 0; c < P; c++)
			sum[c] = 0;
		for (i = 0; i < nk; i++) {
			struct wrow *x = &w[kids[i]];
			long o = r % x->nopt;

			r /= x->nopt;
			pos[0] = 0;
			if (x->m > 1 && combo(P, x->m - 1, o, pos + 1) < 0)
				break;
			for (j = 0; j < x->m; j++)
				sum[pos[j]] += fig_cents(x->fig[j]);
		}
		if (i < nk)
			continue;
		for (c = 0; c < P; c++)
			if (sum[c] != want[c])
				break;
		if (c == P) {
			found++;
			hit = k;
		}
	}
	if (found != 1)
		return 0;
	for (i = 0, k = hit; i < nk; i++) {
		struct wrow *x = &w[kids[i]];
		long o = k % x->nopt;

		k /= x->nopt;
		x->at[0] = 0;
		if (x->m > 1)
			combo(P, x->m - 1, o, x->at + 1);
		x->nopt = 1;
	}
	return 1;
}

/*
 * Code tables in single-space text: a row is its code, its name and the
 * figures it prints, blanks dropped.  The first figure is the row's total;
 * where fewer figures than columns are printed, the others are placed so
 * that every parent equals the sum of its children, column by column; a
 * row whose placement no identity settles keeps its total only, and its
 * other figures are reported, not guessed.
 */
static void
read_words_table(struct pdoc *d, struct tab *tb)
{
	struct lgrid g = { NULL, 0, 0 };
	struct wrow *w = NULL;
	size_t nw = 0, i, e, h1 = tb->end;
	int cols[16], P, r, j, k;

	for (i = tb->start; i < tb->end; i++)
		tokenize_words(&g, i, d->line[i]);
	for (i = 0; i < g.n; i = e) {
		struct wrow x;
		size_t q;
		char name[256] = "";

		/*
		 * A row runs to the end of its line, or to a code after its
		 * figures: page text glues the first row of a page to the last
		 * of the page before.
		 */
		for (e = i + 1; e < g.n && g.t[e].line == g.t[i].line; e++) {
			char cb[8];

			if (g.t[e - 1].fig && code_of(g.t[e].t, cb) && e - 1 > i &&
			    e + 1 < g.n && g.t[e + 1].line == g.t[i].line &&
			    (!g.t[e + 1].fig || (strlen(g.t[e + 1].t) == 2 &&
			    strspn(g.t[e + 1].t, "0123456789") == 2)))
				break;
		}
		memset(&x, 0, sizeof x);
		x.line = g.t[i].line;
		q = i;
		if (code_of(g.t[i].t, x.code)) {
			q++;
			/* "301 01": a class and its item number */
			if (q < e && strlen(x.code) == 3 && strlen(g.t[q].t) == 2 &&
			    strspn(g.t[q].t, "0123456789") == 2) {
				strcat(x.code, g.t[q].t);
				q++;
			}
		}
		for (; q < e && !amount_like(&g.t[q]) && !(g.t[q].fig && q > i); q++)
			if (strlen(name) + strlen(g.t[q].t) < sizeof name)
				strcat(name, g.t[q].t);
		for (; q < e && x.m < 16; q++)
			if (g.t[q].fig)
				x.fig[x.m++] = &g.t[q];
		{
			char *n = normdup(name);

			if (x.code[0] == '\0' && strcmp(n, "合计") != 0 && strcmp(n, "总计") != 0) {
				free(n);
				continue;
			}
			x.label = x.code[0] ? labeldup(name) : estrdup("合计");
			free(n);
		}
		if (x.line < h1)
			h1 = x.line;
		w = ereallocarray(w, nw + 1, sizeof *w);
		w[nw++] = x;
	}
	if (nw == 0)
		goto out;
	P = words_columns(d, tb, tb->start, h1, cols);
	/* parents and placements */
	for (r = 0; r < (int)nw; r++) {
		size_t cl = strlen(w[r].code);

		w[r].parent = -1;
		if (cl == 3)
			w[r].parent = -2;
		for (j = 0; j < (int)nw && (cl == 5 || cl == 7); j++)
			if (strlen(w[j].code) == cl - 2 && strncmp(w[j].code, w[r].code, cl - 2) == 0)
				w[r].parent = j;
		for (k = 0; k < 16; k++)
			w[r].at[k] = -1;
		if (w[r].m > P) {
			warnmsg("%s:%lu: %s: row %s prints %d figures for %d columns, not read",
			    d->src, d->lineno[w[r].line], tb->t->id, w[r].code[0] ? w[r].code : w[r].label,
			    w[r].m, P);
			w[r].m = 0;
		}
		w[r].nopt = w[r].m == 0 ? 1 : (int)choose(P - 1, w[r].m - 1);
		if (w[r].m > 0)
			w[r].at[0] = 0;	/* the first figure is the row's total */
		if (w[r].nopt == 1)
			for (k = 1; k < w[r].m; k++)
				w[r].at[k] = P - w[r].m + k;
	}
	/* top down: the total's children (the 类), then each parent's */
	{
		int tot = -1, pass;

		for (r = 0; r < (int)nw; r++)
			if (w[r].code[0] == '\0')
				tot = r;
		/* a placement settles the parent of the next level: repeat */
		for (pass = 0; pass < 8; pass++)
			for (r = -1; r < (int)nw; r++) {
				int nk = 0, par = r < 0 ? tot : r;

				if (par < 0 || w[par].nopt != 1)
					continue;
				for (j = 0; j < (int)nw; j++)
					if ((r < 0 ? w[j].parent == -2 : w[j].parent == r) && w[j].nopt > 1)
						nk++;
				if (nk == 0)
					continue;
				/* the fixed siblings count in the sums too */
				{
					int all[256], na2 = 0;

					for (j = 0; j < (int)nw && na2 < 256; j++)
						if (r < 0 ? w[j].parent == -2 : w[j].parent == r)
							all[na2++] = j;
					fit_children(w, all, na2, P, &w[par]);
				}
			}
	}
	{
		int unplaced = 0, first = -1;

		for (r = 0; r < (int)nw; r++)
			if (w[r].nopt > 1 && w[r].m > 1) {
				unplaced += w[r].m - 1;
				if (first < 0)
					first = r;
			}
		if (unplaced > 0)
			warnmsg("%s:%lu: %s: %d figures of rows that print fewer figures than columns could not be placed by any identity (the first on line %lu), not read",
			    d->src, d->lineno[tb->title], tb->t->id, unplaced, d->lineno[w[first].line]);
	}
	for (r = 0; r < (int)nw; r++) {
		int placed[16];

		for (k = 0; k < 16; k++)
			placed[k] = -1;
		for (j = 0; j < w[r].m; j++) {
			if (w[r].nopt > 1 && j > 0)
				continue;	/* reported above */
			if (w[r].at[j] >= 0)
				placed[w[r].at[j]] = j;
		}
		for (k = 0; k < P; k++) {
			const struct ltok *f = placed[k] >= 0 ? w[r].fig[placed[k]] : NULL;
			int inferred = f != NULL && w[r].m < P && k > 0;
			/* a row whose figures were not placed: its other cells are unknown */
			int unplaced = f == NULL && k > 0 && w[r].nopt > 1 && w[r].m > 1;

			emit_cell(d, tb, w[r].code, w[r].label, "", cols[k], "", f != NULL ? f->t : "",
			    inferred ? "inferred-column" : unplaced ? "unplaced" : "", d->lineno[w[r].line],
			    (unsigned long)((f != NULL ? f->c0 : 0) + 1), 0);
		}
	}
out:
	for (i = 0; i < nw; i++)
		free(w[i].label);
	free(w);
	lgrid_free(&g);
}

/* ---- segmentation ------------------------------------------------------- */

/* the table's unit from its header lines: 万元 unless 元 or 亿元 is printed */
static void
header_info(struct pdoc *d, struct tab *tb)
{
	size_t i;

	strcpy(tb->unit, "");
	for (i = tb->title; i < tb->end; i++) {
		char *n = normdup(d->line[i]);
		const char *u = strstr(n, "单位:");

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

static void
read_table(struct pdoc *d, struct tab *tb)
{
	struct grow *g = NULL;
	size_t ng = 0, i;

	for (i = tb->start; i < tb->end; i++) {
		if (!rowish(d, d->line[i]))
			continue;
		g = ereallocarray(g, ng + 1, sizeof *g);
		if (d->layout == LAY_TSV)
			grid_tsv(d->line[i], d->lineno[i], &g[ng]);
		else
			grid_space(d->line[i], d->lineno[i], &g[ng]);
		ng++;
		d->skip[i] = 1;
	}
	if (d->layout == LAY_WORDS) {
		read_words_table(d, tb);
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
 * lacks is reported as missing.
 */
static void
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
		cand = ereallocarray(cand, ncand + 1, sizeof *cand);
		ct = ereallocarray(ct, ncand + 1, sizeof *ct);
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
		header_info(d, &tb);
		table_note(d, &tb, limit);
		read_table(d, &tb);
		put_table(d, &tb, tb.noc == 0 ? "empty" : "found");
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
			free(c);
			if (m->title[0] != '\0' && *p != '\0')
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
			b = strstr(a, m->scope[0] ? m->scope : "决算");
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
		char *c = normdup(d->line[i]), *v = NULL, *cut;
		int k;

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
		char *c = normdup(d->line[i]), *y;

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
	f[D_LAYOUT - 1] = d->layout == LAY_TSV ? "tsv" : d->layout == LAY_SPACE ? "layout" : "words";
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
		d.page[d.nline] = pg;
		for (char *q = p; *q; q++)
			if (*q == '\f') {
				*q = ' ';
				pg++;
			}
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
	put_doc(&d, &m, source, sha256hex, encoding);
	read_tables(&d);
	for (i = 0; i < d.nline; i++)
		if (rowish(&d, d.line[i]) && d.layout == LAY_TSV)
			d.skip[i] = 1;
	claims_scan(d.line, d.lineno, d.skip, d.nline, d.id, m.unit, out);
	free(d.skip);
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
	rc = parse_text(doc.text, doc.len, id, path, hex, doc.encoding, maxcells, stdout);
	free(id);
	enc_free(&doc);
	return rc;
}
