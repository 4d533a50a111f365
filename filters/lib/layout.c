/*
 * layout.c - tables of text without cell separators: pdftotext -layout
 * output, read by the geometry of its whitespace, and page text with
 * single spaces, read by the order of its cells and the identities of the
 * code hierarchy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "tpl.h"
#include "txt.h"
#include "util.h"

/* ---- pdftotext -layout: tables by whitespace geometry ------------------------ */

/*
 * A token of a space-aligned line, with its extent in characters.  Cells
 * are separated by two or more spaces; one space separates two figures or
 * two code parts too ("1,234.56 789.01", "201 06"), but not the letters of
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

	g->t = egrowarray(g->t, g->n, sizeof *g->t);
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

/* a token of one CJK character ("收"), or of several one space apart ("合 计") */
static int
one_cjk(const struct ltok *t)
{
	const char *p = t->t;

	for (;;) {
		if ((unsigned char)p[0] < 0xe0 || p[1] == '\0' || p[2] == '\0')
			return 0;
		{
			char c[4];

			memcpy(c, p, 3);
			c[3] = '\0';
			if (!txt_has_cjk(c))
				return 0;
		}
		p += 3;
		if (*p == '\0')
			return 1;
		if (*p != ' ')
			return 0;
		p++;
	}
}

/*
 * Do tokens [j, k] of one-letter words, read together, spell a total
 * ("收入总计", "支出总计")?  A cell's letters spread wide are one only then.
 */
static int
spells_total(const struct lgrid *g, size_t j, size_t k)
{
	static const char *const totals[] = { "收入总计", "支出总计", "总计", "合计",
		"本年收入合计", "本年支出合计", NULL };
	char w[64];
	size_t n = 0, q;
	const char *c;
	int i;

	for (q = j; q <= k; q++)
		for (c = g->t[q].t; *c != '\0'; c++)
			if (*c != ' ' && n + 1 < sizeof w)
				w[n++] = *c;
	w[n] = '\0';
	for (i = 0; totals[i] != NULL; i++)
		if (strcmp(w, totals[i]) == 0)
			return 1;
	return 0;
}

/*
 * "收   入   总   计": the letters of a label spaced out to fill its cell
 * are one word, when they are a few spaces apart, or up to ten when they
 * spell a total ("支   出 总         计").
 */
static void
spaced_words(struct lgrid *g, size_t line)
{
	size_t i = g->n, j, k, kw;

	while (i > 0 && g->t[i - 1].line == line)
		i--;
	for (j = i; j + 1 < g->n; j++) {
		for (kw = j; kw + 1 < g->n && one_cjk(&g->t[kw]) && one_cjk(&g->t[kw + 1]) &&
		    g->t[kw + 1].c0 - g->t[kw].c1 <= 10; kw++)
			;
		for (k = j; k + 1 < g->n && one_cjk(&g->t[k]) && one_cjk(&g->t[k + 1]) &&
		    g->t[k + 1].c0 - g->t[k].c1 <= 5; k++)
			;
		if (kw > k && spells_total(g, j, kw))
			k = kw;
		if (k == j)
			continue;
		{
			size_t q, n = 0, len = 1;
			char *w;

			for (q = j; q <= k; q++)
				len += strlen(g->t[q].t);
			w = emalloc(len);
			for (q = j; q <= k; q++) {
				const char *c;

				for (c = g->t[q].t; *c != '\0'; c++)
					if (*c != ' ')
						w[n++] = *c;
				free(g->t[q].t);
			}
			w[n] = '\0';
			g->t[j].t = w;
			g->t[j].x1 = g->t[k].x1;
			g->t[j].c1 = g->t[k].c1;
			g->t[j].w1 = g->t[k].w1;
			memmove(&g->t[j + 1], &g->t[k + 1], (g->n - k - 1) * sizeof *g->t);
			g->n -= k - j;
		}
	}
}

/* does [a, b) hold a byte of a multibyte letter? */
static int
has_high(const char *a, const char *b)
{
	for (; a < b; a++)
		if ((unsigned char)*a >= 0x80)
			return 1;
	return 0;
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
				/*
				 * "1, 731. 95" is one spaced figure; "96.00 二、…" and
				 * "1,234.56 1、一般…" two cells
				 */
				if (f1 && f2 && !(p[-1] == ',' || p[-1] == '.'))
					break;
				if (f1 != f2 && !(f1 && (p[-1] == '.' || p[-1] == ',')) &&
				    (f1 ? has_high(p + 1, e) : (unsigned char)p[-1] >= 0x80 ||
				    p[-1] == ')'))
					break;
			}
			p++;
		}
		word_add(g, line, s, a, p, 3);
	}
	spaced_words(g, line);
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

/* a token of one or two digits alone (a figure's last digits, wrapped) */
static int
digits_frag(const struct ltok *t)
{
	size_t n = strlen(t->t);

	return n >= 1 && n <= 2 && strspn(t->t, "0123456789") == n;
}

/*
 * "1234.5" over "6": a figure too wide for its cell wraps its last digits
 * onto a line of their own below it (pdftotext centres the row between
 * them).  Where a line holds nothing but one- or two-digit fragments, each
 * under the end of a figure one or two lines above that lacks decimals,
 * join them.
 */
static void
join_wrapped_figures(struct lgrid *g)
{
	size_t i, j, k, e;

	for (i = 0; i < g->n; i = e) {
		int frags = 1;

		for (e = i; e < g->n && g->t[e].line == g->t[i].line; e++)
			frags &= digits_frag(&g->t[e]);
		if (!frags)
			continue;
		for (j = i; j < e; j++) {
			struct ltok *f = &g->t[j], *best = NULL;

			for (k = i; k-- > 0 && g->t[k].line + 2 >= f->line;) {
				struct ltok *t = &g->t[k];
				const char *dot = strchr(t->t, '.');

				if (!t->fig || dot == NULL || strlen(dot + 1) >= 2 || t->t[0] == '\0' ||
				    f->x0 < t->x0 || f->x0 > t->x1 + 6)
					continue;
				/* the nearest such figure: a row between can shift it */
				if (best == NULL || f->x0 - t->x1 < f->x0 - best->x1)
					best = t;
				if (f->x0 <= t->x1 + 1)
					break;
			}
			if (best == NULL)
				continue;
			{
				char *w = emalloc(strlen(best->t) + strlen(f->t) + 1);

				strcpy(w, best->t);
				strcat(w, f->t);
				free(best->t);
				best->t = w;
				if (f->x1 > best->x1) {
					best->x1 = f->x1;
					best->c1 = f->c1;
					best->w1 = f->w1;
				}
				f->t[0] = '\0';	/* spent: dropped below */
				f->fig = 0;
			}
		}
	}
	/* drop the spent fragments */
	for (i = 0, j = 0; i < g->n; i++) {
		if (g->t[i].t[0] == '\0' && !g->t[i].fig) {
			free(g->t[i].t);
			continue;
		}
		g->t[j++] = g->t[i];
	}
	g->n = j;
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
static size_t read_layout_onerow(struct pdoc *, struct tab *, struct lgrid *, const char *, int);

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
/*
 * Is column k of a code table taken only where its header word is
 * printed?  Its parts (基本支出/人员经费), which some templates print
 * only, and every column the catalogue names a header word for (`hdr`;
 * '!' marks those only some templates print, Jiangsu's 单位预留机动经费).
 */
static int
needs_word(const struct tpl_table *t, int k)
{
	return t->shape == TPL_CODE && (strchr(t->cols[k], '/') != NULL ||
	    (t->hdr != NULL && t->hdr[k] != NULL));
}

/* the next word of *p, runs of two spaces apart: [*a, *e); 0 at the end */
static int
next_word(const char **p, const char **a, const char **e)
{
	const char *q = *p;

	while (*q == ' ')
		q++;
	if (*q == '\0')
		return 0;
	*a = q;
	while (*q != '\0' && !(q[0] == ' ' && q[1] == ' '))
		q++;
	*e = *p = q;
	return 1;
}

/* the x of p in line l, in display width or characters */
static int
xof(const char *l, const char *p, int width)
{
	return (int)(width ? txt_width(l, (size_t)(p - l)) : txt_chars(l, (size_t)(p - l)));
}

/*
 * A header word wrapped over lines ("政府性基" over "金预算", "国有资" /
 * "本经营" / "预算", or a letter a line as Changchun prints): where does a
 * word of lines [hdr0, hdr1) start that, joined with the words centred
 * under it on the lines below (up to twelve, lines without one passed
 * over), begins with key?  The x of the leftmost such
 * start (width or characters), or -1.
 */
static int
stacked_word(const struct pdoc *d, size_t hdr0, size_t hdr1, const char *key, int width,
    int xmin)
{
	size_t i, j, kl = strlen(key);
	int best = -1;

	if (hdr1 > hdr0 + 30)
		hdr0 = hdr1 - 30;	/* a header is not longer */
	for (i = hdr0; i < hdr1; i++) {
		const char *l = d->line[i], *p = l;

		const char *a, *e;

		while (next_word(&p, &a, &e)) {
			char stack[128];
			size_t n = 0;
			int x0, x1, cx, below = 0;

			if ((size_t)(e - a) >= kl || (size_t)(e - a) >= sizeof stack ||
			    strncmp(a, key, (size_t)(e - a)) != 0)
				continue;	/* whole on its line, or not the key's start */
			x0 = xof(l, a, width);
			x1 = xof(l, e, width);
			if (x0 < xmin || x0 <= 12)
				continue;
			memcpy(stack, a, (size_t)(e - a));
			n = (size_t)(e - a);
			cx = x0 + x1;	/* twice the centre */
			for (j = i + 1; j < hdr1 && below < 12 && n < kl; j++) {
				const char *m = d->line[j], *q = m, *b, *f;
				int got = 0;

				while (!got && next_word(&q, &b, &f)) {
					int y0 = xof(m, b, width), y1 = xof(m, f, width);

					if (y0 + y1 - cx > 4 || cx - (y0 + y1) > 4)
						continue;
					if (n + (size_t)(f - b) >= sizeof stack)
						break;
					memcpy(stack + n, b, (size_t)(f - b));
					n += (size_t)(f - b);
					got = 1;
				}
				below++;
			}
			if (n >= kl && strncmp(stack, key, kl) == 0 && (best < 0 || x0 < best))
				best = x0;	/* the leftmost: 本年 before 上年 */
		}
	}
	return best;
}

/*
 * assign_slots' costs, for vote_slots: c[slot][k] of putting a slot under
 * column k (c[slot][16]: under none), and ord[], the columns in the order
 * the page prints them.
 */
struct ccost {
	long c[16][17];
	int ord[16];
	char found[16];		/* the column's header word is printed */
};

static void
assign_slots(struct pdoc *d, const struct tab *tb, size_t hdr0, size_t hdr1,
    struct slot *s, size_t ns, int first, int ncols, int xmin, int width, int *colx,
    struct ccost *cm)
{
	const struct tpl_table *t = tb->t;
	int k, hx[16], ban[16] = { 0 };
	size_t i;

	for (k = 0; k < ncols && k < 16; k++) {
		const char *name = t->cols[first + k], *slash = strrchr(name, '/');
		int len, minlen;

		char alt[64];
		const char *bar = NULL, *hash;

		hx[k] = -1;
		if (slash != NULL)
			name = slash + 1;
		if (t->hdr != NULL && t->hdr[first + k] != NULL)
			name = t->hdr[first + k] + (t->hdr[first + k][0] == '!');
		else if (strcmp(name, "小计") == 0)
			name = "合计";	/* Shanghai heads the subtotal 合计 */
	next:
		/* "人员经费|人员支出": header words the templates use for one column */
		if ((bar = strchr(name, '|')) != NULL) {
			snprintf(alt, sizeof alt, "%.*s", (int)(bar - name), name);
			name = alt;
		}
		/*
		 * The longest prefix of the name printed in the header, from four
		 * characters down to three (two when that is the whole word):
		 * wrapped headers print "项目支" / "出", and a shorter prefix
		 * ("项目") also heads the label column.  Header words given by the
		 * catalogue are taken whole.
		 */
		minlen = (t->hdr != NULL && t->hdr[first + k] != NULL) || strlen(name) <= 6 ?
		    (int)strlen(name) : 9;
		/* "小计#2": the second of the words so printed, left to right */
		if ((hash = strchr(name, '#')) != NULL) {
			int nth = atoi(hash + 1), xs[32], nx = 0, a2, b2;
			char key[16];

			snprintf(key, sizeof key, "%.*s", (int)(hash - name), name);
			for (i = hdr0; i < hdr1; i++) {
				const char *p = d->line[i];

				while ((p = strstr(p, key)) != NULL && nx < 32) {
					size_t off = (size_t)(p - d->line[i]);
					int x = (int)(width ? txt_width(d->line[i], off) :
					    txt_chars(d->line[i], off));

					if (x >= xmin && (x > 12 || t->shape == TPL_SANGONG))
						xs[nx++] = x;
					p += strlen(key);
				}
			}
			for (a2 = 1; a2 < nx; a2++)
				for (b2 = a2; b2 > 0 && xs[b2 - 1] > xs[b2]; b2--) {
					int tmp = xs[b2];

					xs[b2] = xs[b2 - 1];
					xs[b2 - 1] = tmp;
				}
			if (nth >= 1 && nth <= nx)
				hx[k] = xs[nth - 1] + (int)strlen(key) / 6;
			continue;
		}
	again:
		/* a catalogue word longer than four letters ("政府性基金") whole */
		for (len = minlen > 12 ? minlen : 12; len >= minlen && hx[k] < 0; len -= 3) {
			char key[64];

			if ((int)strlen(name) < len)
				continue;
			snprintf(key, sizeof key, "%.*s", len, name);
			/* from the line nearest the figures up: wrapped headers repeat words */
			for (i = hdr1; i-- > hdr0 && hx[k] < 0;) {
				const char *p = d->line[i];

				while ((p = strstr(p, key)) != NULL) {
					size_t off = (size_t)(p - d->line[i]);
					int x = (int)(width ? txt_width(d->line[i], off) : txt_chars(d->line[i], off));

					/* left of x 12 is the label column, but in a one-row table */
					if (x >= xmin && (x > 12 || t->shape == TPL_SANGONG) &&
					    (tb->hdrmax == 0 || x < tb->hdrmax)) {
						hx[k] = x + len / 6;
						break;
					}
					p += len;
				}
			}
		}
		/* a header word wrapped over lines */
		if (hx[k] < 0 && strlen(name) >= 9) {
			int x;

			if ((x = stacked_word(d, hdr0, hdr1, name, width, xmin)) >= 0 &&
			    (tb->hdrmax == 0 || x < tb->hdrmax))
				hx[k] = x + 2;
		}
		/* the total column is headed 合计 in some templates, 总计 in others */
		if (hx[k] < 0 && strcmp(name, "合计") == 0) {
			name = "总计";
			goto again;
		}
		if (hx[k] < 0 && bar != NULL) {
			name = bar + 1;
			goto next;
		}
	}
	/*
	 * A column whose parts' header words are printed under it (基本支出
	 * over 人员支出 and 公用经费) is a spanning header, not a column,
	 * unless a 小计 heads its total.  An "of which" part (其中:经费拨款)
	 * leaves its parent a column.
	 */
	if (t->shape == TPL_CODE) {
		int subtotal = 0, kk, jj, n = ncols < 16 ? ncols : 16;

		for (i = hdr0; i < hdr1 && !subtotal; i++) {
			char *c = ps_normdup(d->line[i]);	/* "小   计" too */

			subtotal = strstr(c, "小计") != NULL;
			free(c);
		}
		for (kk = 0; kk < n && !subtotal; kk++) {
			size_t pl = strlen(t->cols[first + kk]);

			if (hx[kk] < 0 || strchr(t->cols[first + kk], '/') != NULL)
				continue;
			for (jj = 0; jj < n; jj++)
				if (hx[jj] >= 0 && strncmp(t->cols[first + jj], t->cols[first + kk],
				    pl) == 0 && t->cols[first + jj][pl] == '/' &&
				    strstr(t->cols[first + jj] + pl, "其中") == NULL)
					ban[kk] = 1;
		}
		/*
		 * With a 小计, a column whose word is printed right of its
		 * first part's is the 小计 nearest left of that part, not the
		 * word spanning them all (Yantai: 财政拨款收入 centred over
		 * 小计, 一般公共预算 …).
		 */
		for (kk = 0; kk < n && subtotal; kk++) {
			size_t pl = strlen(t->cols[first + kk]);
			int minc = -1, best = -1;

			if (hx[kk] < 0 || strchr(t->cols[first + kk], '/') != NULL)
				continue;
			for (jj = 0; jj < n; jj++)
				if (hx[jj] >= 0 && strncmp(t->cols[first + jj], t->cols[first + kk],
				    pl) == 0 && t->cols[first + jj][pl] == '/' &&
				    strstr(t->cols[first + jj] + pl, "其中") == NULL &&
				    (minc < 0 || hx[jj] < minc))
					minc = hx[jj];
			if (minc < 0 || hx[kk] <= minc + 2)
				continue;
			for (i = hdr0; i < hdr1; i++) {
				const char *p = d->line[i];

				while ((p = strstr(p, "小计")) != NULL) {
					size_t off = (size_t)(p - d->line[i]);
					int x = (int)(width ? txt_width(d->line[i], off) :
					    txt_chars(d->line[i], off));

					if (x < minc && x > best && x >= xmin)
						best = x;
					p += strlen("小计");
				}
			}
			if (best >= 0)
				hx[kk] = best + 1;
		}
	}
	/* a column whose header word is printed is printed, figures or not */
	for (k = 0; k < ncols && k < 16; k++)
		if (hx[k] >= 0 && !ban[k] && first + k < 16 && colx[first + k] < 0)
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
		int m = (int)ns, n = ncols < 16 ? ncols : 16, jj, kk, ord[16];
		/*
		 * In a code table a slot may also go to no column, at a cost
		 * below a forbidden column's: a cluster of figures under a
		 * header the catalogue does not know (Shenzhen's 政府采购项目)
		 * is reported rather than pushed into a column not printed.
		 */
		long skip = t->shape == TPL_CODE ? 1L << 19 : 1L << 40;

		if (m > 16)
			m = 16;
		/*
		 * The columns come in the order their header words are printed
		 * (Quanzhou prints 其他收入 after 上级补助收入); a whole and its
		 * parts (财政拨款收入 and 财政拨款收入/一般公共预算 …) keep the
		 * catalogue's order among them, at the first of their words; a
		 * column whose word is not printed follows the one before it.
		 * (A code table's words: a one-row table's stack up in several
		 * lines whose drift would reorder them.)
		 */
		{
			int key[16], gk[16];

			for (kk = 0; kk < n; kk++) {
				const char *sl = strchr(t->cols[first + kk], '/');
				size_t gl = sl != NULL ? (size_t)(sl - t->cols[first + kk]) :
				    strlen(t->cols[first + kk]);

				gk[kk] = -1;
				for (jj = 0; jj < n; jj++) {
					const char *o = t->cols[first + jj];

					if (jj != kk && strncmp(o, t->cols[first + kk], gl) == 0 &&
					    (o[gl] == '/' || o[gl] == '\0') &&
					    (sl != NULL || o[gl] == '/'))
						break;
				}
				if (jj == n)
					continue;	/* in no group */
				for (jj = 0; jj < n; jj++) {
					const char *o = t->cols[first + jj];

					if (strncmp(o, t->cols[first + kk], gl) == 0 &&
					    (o[gl] == '/' || o[gl] == '\0') && hx[jj] >= 0 &&
					    (gk[kk] < 0 || hx[jj] < gk[kk]))
						gk[kk] = hx[jj];
				}
			}
			for (kk = 0; kk < n; kk++) {
				key[kk] = t->shape != TPL_CODE ? kk : gk[kk] >= 0 ? gk[kk] :
				    hx[kk] >= 0 && !ban[kk] ? hx[kk] : kk > 0 ? key[kk - 1] : -1;
				for (jj = kk; jj > 0 && key[ord[jj - 1]] > key[kk]; jj--)
					ord[jj] = ord[jj - 1];
				ord[jj] = kk;
			}
		}
		if (cm != NULL) {
			for (jj = 0; jj < 16; jj++) {
				cm->c[jj][16] = skip;	/* the last entry: going to no column */
				cm->found[jj] = jj < n && hx[jj] >= 0 && !ban[jj];
			}
			memcpy(cm->ord, ord, sizeof ord);
		}
		for (jj = 0; jj <= m; jj++)
			for (kk = 0; kk <= n; kk++) {
				cost[jj][kk] = jj == 0 ? 0 : kk == 0 && skip < (1L << 40) ?
				    jj * skip : 1L << 40;
				take[jj][kk] = 2;
			}
		for (jj = 1; jj <= m; jj++)
			for (kk = 1; kk <= n; kk++) {
				long c = 8, t1, t2;
				int q = ord[kk - 1];

				/*
				 * A sub-column of a code table (基本支出/人员经费) is
				 * printed by some templates only: never without its
				 * header word.
				 */
				if (hx[q] < 0 && needs_word(t, first + q))
					c = 1L << 20;
				if (ban[q])
					c = 1L << 20;
				else if (hx[q] >= 0) {
					c = hx[q] - (s[jj - 1].x0 + s[jj - 1].x1) / 2;
					c = c < 0 ? -c : c;
					/* in a code table, not a column's width off its header word */
					if (t->shape == TPL_CODE && c > 14)
						c = 1L << 20;
				}
				if (cm != NULL)
					cm->c[jj - 1][q] = c;
				t1 = cost[jj - 1][kk - 1] + c;
				t2 = cost[jj][kk - 1];
				/* on a tie leave the column: slots take the earliest columns */
				take[jj][kk] = t1 < t2;
				cost[jj][kk] = t1 < t2 ? t1 : t2;
				if (cost[jj - 1][kk] + skip < cost[jj][kk]) {
					take[jj][kk] = 2;
					cost[jj][kk] = cost[jj - 1][kk] + skip;
				}
			}
		for (jj = m, kk = n; jj > 0;) {
			if (kk == 0 || take[jj][kk] == 2) {
				s[jj - 1].col = -1;	/* no column */
				jj--;
			} else if (take[jj][kk]) {
				/* a slot forced onto a sub-column not printed: no column */
				int q = ord[kk - 1], banned = ban[q] || (hx[q] < 0 && needs_word(t, first + q));

				s[jj - 1].col = cost[jj][kk] < (1L << 40) && !banned ? first + q : -1;
				jj--;
				kk--;
			} else {
				kk--;
			}
		}
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
	int stray;		/* a figure of its line fell in no column */
};

/*
 * Give figure t of the anchor's line to column col; one in no column, or
 * in a column already taken, is reported where it is and leaves the
 * row's empty cells unknown.
 */
static void
anchor_fig(const struct pdoc *d, const struct tab *tb, struct anchor *a,
    const struct ltok *t, int col)
{
	if (col < 0 || col >= 16 || a->fig[col] != NULL) {
		warnmsg("%s:%lu:%d: figure '%s' %s of %s, not read", d->src,
		    d->lineno[t->line], t->c0 + 1, t->t, col < 0 || col >= 16 ?
		    "outside the columns" : "in a column taken by another figure", tb->t->id);
		a->stray = 1;
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
			char fl[48];

			if (colx[k] < 0 && f == NULL)
				continue;	/* a column this table does not print */
			/*
			 * a row with a figure in no column: its empty cells may
			 * be where that figure belongs, unknown rather than nil
			 * (a->flags is "" or "label-unknown", before "unplaced")
			 */
			snprintf(fl, sizeof fl, "%s%s%s", a->flags,
			    f == NULL && a->stray && a->flags[0] != '\0' ? "," : "",
			    f == NULL && a->stray ? "unplaced" : "");
			ps_emit_cell(d, tb, a->code, a->label, "", k, "", f != NULL ? f->t : "",
			    fl, d->lineno[f != NULL ? f->line : a->line],
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

/*
 * A page without header words whose rows print fewer columns than the
 * named page, in a table with sub-columns (基本支出: 小计, 人员经费,
 * 公用经费): its figures fit several columns equally well by place, and
 * the first-is-the-total test cannot tell a 小计 from a 项目支出.  They
 * are reported rather than guessed.
 */
static int
unfit(const struct tpl_table *t, const struct slot *ref, size_t nref, size_t nc)
{
	size_t k;

	if (nc >= nref || t->shape != TPL_CODE)
		return 0;
	for (k = 0; k < nref; k++)
		if (ref[k].col >= 0 && (size_t)ref[k].col < t->ncols &&
		    strchr(t->cols[ref[k].col], '/') != NULL)
			return 1;
	return 0;
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* the first index of sorted x[0..n) whose value is v or more */
static int
lower_bound(const int *x, int n, int v)
{
	int lo = 0, hi = n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (x[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Columns by right edges, for a page whose figure extents overlap from
 * column to column (pdftotext moves some lines' figures a few characters).
 * Figures are right-aligned: order the right edges of the figures in use
 * in [p0, p1), and wherever two figures of one line would share a column,
 * cut at the widest gap between their right edges; repeat until no line
 * puts two figures in one column.  The columns go to s[] (the extent of
 * their figures) and cut[k] is column k's greatest right edge, which
 * places each figure (col_by_right).  Returns the count, 0 when none.
 */
static size_t
cluster_right(const struct lgrid *g, const char *use, size_t p0, size_t p1,
    struct slot *s, int *cut, size_t max)
{
	int *x = NULL, nx = 0, changed = 1, k, ncut = 0;
	char *brk;
	size_t i, j, e, n = 0;

	for (i = p0; i < p1; i = e) {
		int m = 0;

		for (e = i; e < p1 && g->t[e].line == g->t[i].line; e++)
			m += use[e] != 0;
		if (m > 16)
			return 0;	/* no table prints so many columns */
		nx += m;
	}
	if (nx == 0 || nx > 20000)
		return 0;
	x = ecalloc((size_t)nx, sizeof *x);
	brk = ecalloc((size_t)nx, 1);	/* brk[k]: a cut between x[k-1] and x[k] */
	for (i = p0, nx = 0; i < p1; i++)
		if (use[i])
			x[nx++] = g->t[i].x1;
	qsort(x, (size_t)nx, sizeof *x, int_cmp);
	while (changed) {
		changed = 0;
		for (i = p0; i < p1; i = e) {
			for (e = i; e < p1 && g->t[e].line == g->t[i].line; e++)
				;
			for (j = i; j < e; j++) {
				size_t q;

				if (!use[j])
					continue;
				for (q = j + 1; q < e; q++) {
					int a = g->t[j].x1, b = g->t[q].x1, lo, hi, best = -1, gap = -1;

					if (!use[q])
						continue;
					if (a > b) {
						int tmp = a;

						a = b;
						b = tmp;
					}
					if (a == b)
						goto none;
					lo = lower_bound(x, nx, a);
					hi = lower_bound(x, nx, b + 1) - 1;
					for (k = lo + 1; k <= hi; k++) {
						if (brk[k])
							break;
						if (x[k] - x[k - 1] > gap) {
							gap = x[k] - x[k - 1];
							best = k;
						}
					}
					if (k > hi) {	/* one column so far: cut it */
						brk[best] = 1;
						changed = 1;
						if (++ncut >= (int)max)
							goto none;
					}
				}
			}
		}
	}
	for (k = 0; k < nx; k++) {
		if (k == 0 || (brk[k] && x[k] != x[k - 1])) {
			if (n == max)
				goto none;
			s[n].x0 = 1 << 30;
			s[n].x1 = -1;
			s[n].col = -1;
			n++;
		}
		cut[n - 1] = x[k];
	}
	for (i = p0; i < p1; i++)
		if (use[i]) {
			size_t c = 0;

			while (c + 1 < n && g->t[i].x1 > cut[c])
				c++;
			if (g->t[i].x0 < s[c].x0)
				s[c].x0 = g->t[i].x0;
			if (g->t[i].x1 > s[c].x1)
				s[c].x1 = g->t[i].x1;
		}
	free(x);
	free(brk);
	return n;
none:
	free(x);
	free(brk);
	return 0;
}

/* the column of cluster_right's cuts that figure t falls in */
static int
col_by_right(const int *cut, size_t n, const struct ltok *t)
{
	size_t c = 0;

	while (c + 1 < n && t->x1 > cut[c])
		c++;
	return (int)c;
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

/* one line of a page, for vote_slots: its figures' slots and values */
struct vline {
	int n;
	int slot[16];
	long long v[16];
};

/* a row identity of a table by column index, for vote_score */
struct rid {
	int lhs, n;
	int term[16], neg[16];
	int whole[16];		/* the term that is this part's whole, -1 none */
};

/* the table's row identities, their columns looked up once */
static int
rids_of(const struct tpl_table *t, struct rid *r, int max)
{
	size_t i;
	int n = 0, m, q;

	for (i = 0; i < t->nidents && n < max; i++) {
		const struct tpl_ident *id = &t->idents[i];
		struct rid *x = &r[n];

		x->lhs = tpl_col_index(t, id->lhs);
		if (id->axis != 'r' || x->lhs < 0 || x->lhs >= 16)
			continue;
		x->n = 0;
		for (m = 0; m < 16 && id->terms[m] != NULL; m++) {
			const char *tr = id->terms[m] + (id->terms[m][0] == '-');
			const char *slash = strchr(tr, '/');
			int c = tpl_col_index(t, tr), w = -1;

			if (c < 0 || c >= 16)
				continue;
			/* its whole a term of the identity too */
			for (q = 0; slash != NULL && q < 16 && id->terms[q] != NULL; q++)
				if (strlen(id->terms[q]) == (size_t)(slash - tr) &&
				    strncmp(id->terms[q], tr, (size_t)(slash - tr)) == 0) {
					w = tpl_col_index(t, id->terms[q]);
					break;
				}
			x->term[x->n] = c;
			x->neg[x->n] = id->terms[m][0] == '-';
			x->whole[x->n++] = w >= 0 && w < 16 ? w : -1;
		}
		n++;
	}
	return n;
}

/*
 * How a reading of the columns fares on the page's lines: for each line
 * and each row identity of the table whose lhs (or a column strict[]
 * says is printed, blank then) and a term the line prints, *holds or
 * *fails counts one (a cent a term); a part counts only where its whole,
 * a term too, is not a column of the reading, as rollup counts it.
 */
static void
vote_score(const struct rid *ids, int nids, const struct vline *vl, size_t nvl, const int *a,
    int na, const char *strict, int *holds, int *fails)
{
	char printed[16] = { 0 };
	size_t r;
	int i, j, m;

	*holds = *fails = 0;
	for (j = 0; j < na; j++)
		if (a[j] >= 0 && a[j] < 16)
			printed[a[j]] = 1;
	for (r = 0; r < nvl; r++) {
		long long val[16];
		char has[16] = { 0 };

		for (j = 0; j < vl[r].n; j++) {
			int c = a[vl[r].slot[j]];

			if (c >= 0 && c < 16) {
				has[c] = 1;
				val[c] = vl[r].v[j];
			}
		}
		for (i = 0; i < nids; i++) {
			const struct rid *id = &ids[i];
			int l = id->lhs, terms = 0;
			long long sum = 0, diff;

			if (!has[l] && (strict == NULL || !strict[l]))
				continue;
			if (!has[l])
				val[l] = 0;	/* strict[l]: the lhs is printed, blank or not */
			for (m = 0; m < id->n; m++) {
				int c = id->term[m];

				if (!has[c] || (id->whole[m] >= 0 && printed[id->whole[m]]))
					continue;
				sum += id->neg[m] ? -val[c] : val[c];
				terms++;
			}
			if (terms == 0)
				continue;
			diff = val[l] - sum;
			if (diff <= terms && diff >= -terms)
				(*holds)++;
			else
				(*fails)++;
		}
	}
}

struct vote {
	const struct tpl_table *t;
	const struct rid *ids;
	int nids;
	const struct vline *vl;
	size_t nvl;
	const struct ccost *cm;
	int ns, first, ncols;
	int a[16], best[16];
	long cost, bcost;
	int bscore, found;
	char strict[16];	/* the total column: a reading leaving it blank fails */
	long visits;
};

/* slots a reading leaves in no column */
static int
skipped(const int *a, int n)
{
	int j, k = 0;

	for (j = 0; j < n; j++)
		k += a[j] < 0;
	return k;
}

static void
vote_dfs(struct vote *v, int j, int last)
{
	int k, h, f;

	if (v->visits++ > 50000)
		return;
	if (j == v->ns) {
		int sc;

		vote_score(v->ids, v->nids, v->vl, v->nvl, v->a, v->ns, v->strict, &h, &f);
		sc = h - f - skipped(v->a, v->ns) * (int)v->nvl;
		if (!v->found || sc > v->bscore || (sc == v->bscore && v->cost < v->bcost)) {
			v->found = 1;
			v->bscore = sc;
			v->bcost = v->cost;
			memcpy(v->best, v->a, sizeof v->best);
		}
		return;
	}
	if (v->cm->c[j][16] < (1L << 20)) {	/* the slot in no column */
		v->a[j] = -1;
		v->cost += v->cm->c[j][16];
		vote_dfs(v, j + 1, last);
		v->cost -= v->cm->c[j][16];
	}
	for (k = last + 1; k < v->ncols && k < 16; k++) {	/* in the page's order */
		int q = v->cm->ord[k];

		if (v->cm->c[j][q] >= (1L << 20))
			continue;
		v->a[j] = v->first + q;
		v->cost += v->cm->c[j][q];
		vote_dfs(v, j + 1, k);
		v->cost -= v->cm->c[j][q];
	}
}

/*
 * Header words drift from their figures on some pages (pdftotext packs
 * lines of CJK text), so the cheapest reading of the columns by the
 * header can put a column's figures under its neighbour.  Where that
 * reading breaks row identities on the page, take among the readings the
 * header allows (each slot under a column at most a column's width from
 * its word, in order) the one under which most identities hold, less
 * those that fail and a line's worth for each slot left in no column (a
 * reading must not hold by dropping figures), the cheapest of those;
 * slot[i - p0] is token i's slot, -1 for none.
 */
static void
vote_slots(const struct tab *tb, const struct lgrid *g, const char *u, size_t p0, size_t p1,
    const int *slot, struct slot *c, size_t nc, int first, int ncols, const struct ccost *cm)
{
	struct vline *vl = NULL;
	size_t nvl = 0, i, e;
	struct vote v;
	struct rid ids[16];
	int h, f, j;

	if (tb->t->shape != TPL_CODE || tb->t->nidents == 0 || nc > 16 || nc == 0)
		return;
	/*
	 * The lines that print a name, each with its figures and those of
	 * the figure-only lines next to it (a wrapped cell: pdftotext
	 * centres the row between the halves), the one below on a tie.
	 */
	{
		size_t *ln = NULL, nl = 0, k;
		char *lab = NULL;

		for (i = p0; i < p1; i = e) {
			struct vline x;
			int label = 0;

			x.n = 0;
			for (e = i; e < p1 && g->t[e].line == g->t[i].line; e++) {
				label |= !g->t[e].fig && txt_has_cjk(g->t[e].t);
				if (u[e] && slot[e - p0] >= 0 && x.n < 16) {
					x.slot[x.n] = slot[e - p0];
					if ((x.v[x.n++] = fig_cents(&g->t[e])) < 0)
						x.n = 17;
				}
			}
			if (x.n == 0 || x.n > 16 || nl >= 256)
				continue;
			vl = egrowarray(vl, nl, sizeof *vl);
			ln = egrowarray(ln, nl, sizeof *ln);
			lab = egrowarray(lab, nl, 1);
			vl[nl] = x;
			ln[nl] = g->t[i].line;
			lab[nl++] = (char)label;
		}
		for (k = 0; k < nl; k++) {
			size_t best = nl, q;
			int m;

			if (lab[k])
				continue;
			for (q = 0; q < nl; q++) {
				size_t dq = ln[q] > ln[k] ? ln[q] - ln[k] : ln[k] - ln[q];
				size_t db = best == nl ? 99 : ln[best] > ln[k] ? ln[best] - ln[k] :
				    ln[k] - ln[best];

				if (lab[q] && dq <= 2 && (dq < db || (dq == db && ln[q] > ln[k])))
					best = q;
			}
			for (m = 0; best < nl && m < vl[k].n; m++) {
				int z;

				for (z = 0; z < vl[best].n && vl[best].slot[z] != vl[k].slot[m]; z++)
					;
				if (z == vl[best].n && vl[best].n < 16) {
					vl[best].slot[vl[best].n] = vl[k].slot[m];
					vl[best].v[vl[best].n++] = vl[k].v[m];
				}
			}
		}
		for (k = 0; k < nl; k++)
			if (lab[k] && vl[k].n >= 2 && nvl < 64)	/* enough to judge by */
				vl[nvl++] = vl[k];
		free(ln);
		free(lab);
	}
	memset(&v, 0, sizeof v);
	v.t = tb->t;
	v.ids = ids;
	v.nids = rids_of(tb->t, ids, 16);
	v.vl = vl;
	v.nvl = nvl;
	v.cm = cm;
	v.ns = (int)nc;
	v.first = first;
	v.ncols = ncols;
	for (j = 0; j < (int)nc; j++)
		v.a[j] = c[j].col;
	if (first >= 0 && first < 16)
		v.strict[first] = 1;	/* a code table's first column is its rows' total */
	vote_score(v.ids, v.nids, vl, nvl, v.a, v.ns, v.strict, &h, &f);
	if (f > 0) {
		vote_dfs(&v, 0, -1);
		if (v.found && v.visits <= 50000 &&
		    v.bscore > h - f - skipped(v.a, v.ns) * (int)nvl)
			for (j = 0; j < (int)nc; j++)
				c[j].col = v.best[j];
	}
	free(vl);
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
	struct ccost cmv, *cm = &cmv;	/* assign_slots' costs, for vote_slots */

	for (p0 = 0; p0 < g->n; p0 = p1) {
		struct slot c[16];
		size_t nc, nr;
		char *u = ecalloc(g->n + 1, 1);
		int conflict = 0, P = 0, j, q, nfig = 0, totfirst, byright = 0, cut[16];

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
		for (i = p0; i < p1; i = e) {	/* P over every line, not up to a conflict */
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
		/* columns by right edges, where they part every line's figures */
		if (conflict && (nr = cluster_right(g, u, p0, p1, c, cut, (size_t)ncols + 2)) > 0 &&
		    nr <= 16) {
			nc = nr;
			byright = 1;
			conflict = 0;
		}
#define SLOT(t) (byright ? col_by_right(cut, nc, (t)) : slot_of(c, nc, (t)))
		if (!conflict && nc > 0) {
			if (nnamed == 0) {
				int *sl = ecalloc(p1 - p0 + 1, sizeof *sl);

				assign_slots(d, tb, hdr0, hdr1, c, nc, first, ncols, xmin, g->width, colx, cm);
				for (i = p0; i < p1; i++)
					sl[i - p0] = u[i] ? SLOT(&g->t[i]) : -1;
				vote_slots(tb, g, u, p0, p1, sl, c, nc, first, ncols, cm);
				free(sl);
				memcpy(named, c, sizeof c);
				nnamed = nc;
			} else {
				fit_slots(c, nc, named, nnamed, totfirst);
				if (unfit(tb->t, named, nnamed, nc))
					for (k2 = 0; k2 < nc; k2++)
						c[k2].col = -1;
			}
			for (k2 = 0; k2 < nc; k2++)
				if (c[k2].col >= 0 && c[k2].col < 16 && colx[c[k2].col] < 0)
					colx[c[k2].col] = c[k2].x0;
			for (i = p0; i < p1; i++)
				if (u[i])
					colof[i] = c[SLOT(&g->t[i])].col;
			free(u);
			continue;
		}
#undef SLOT
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
				    colx, NULL);
				memcpy(named, sl, sizeof sl);
				nnamed = (size_t)P;
			} else {
				fit_slots(sl, (size_t)P, named, nnamed, totfirst);
				if (unfit(tb->t, named, nnamed, (size_t)P))
					for (j = 0; j < P; j++)
						sl[j].col = -1;
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

		assign_slots(d, tb, hdr0, hdr1, none, 0, first, ncols, xmin, g->width, colx, NULL);
	}
}

/*
 * Tokens [i, e) of a line are a name and amounts: "教育支出 41.99 2.00".
 * A code before them is a row's, wherever the line starts (Shenzhen
 * prints a 预算单位 column left of the codes).
 */
static int
named_amounts(const struct lgrid *g, size_t i, size_t e)
{
	size_t k;
	int amounts = 0;

	if (i >= e || g->t[i].fig || !txt_has_cjk(g->t[i].t))
		return 0;
	for (k = i + 1; k < e; k++)
		amounts += amount_like(&g->t[k]);
	return amounts > 0;
}

/*
 * Rows of a code table printed without codes (see read_layout_code): add
 * an anchor for each line after the first 合计 whose first token is a
 * name and which prints amounts; its indentation gives its level.
 */
/* a header word of a grid of units (单位名称 | 总计 | …: one row a unit) */
static int
unit_word(const char *t)
{
	char *n = ps_normdup(t);
	int unit = strcmp(n, "单位名称") == 0 || strcmp(n, "部门名称") == 0 ||
	    strcmp(n, "预算单位") == 0 || strcmp(n, "单位编码") == 0 ||
	    strncmp(n, "部门(单位)名", strlen("部门(单位)名")) == 0 ||
	    strcmp(n, "单位(项目)名称") == 0;

	free(n);
	return unit;
}

static void
named_rows(struct pdoc *d, struct lgrid *g, struct anchor **anp, size_t *nap,
    char *isanchor, char *use)
{
	struct anchor *an = *anp;
	size_t na = *nap, i, e, k, first = d->nline;
	char path[3][256];
	int indent[3] = { -1, -1, -1 }, level;

	for (k = 0; k < na; k++)
		if (an[k].line < first)
			first = an[k].line;
	/*
	 * A grid of units (单位名称 | 总计 | …: one row a unit) is no table of
	 * classes: its columns are not the catalogue's.
	 */
	for (i = 0; i < g->n && g->t[i].line < first; i++)
		if (unit_word(g->t[i].t))
			return;
	for (i = 0; i < g->n; i = e) {
		size_t line = g->t[i].line;
		struct anchor a;
		char *n;
		const char *cc;

		for (e = i; e < g->n && g->t[e].line == line; e++)
			;
		if (line <= first || isanchor[line] || g->t[i].fig || !txt_has_cjk(g->t[i].t) ||
		    !named_amounts(g, i, e))
			continue;
		/* the level: a new indentation deeper than the one above */
		for (level = 0; level < 3 && indent[level] >= 0 && g->t[i].c0 > indent[level];
		    level++)
			;
		if (level == 3)
			level = 2;
		indent[level] = g->t[i].c0;
		for (k = (size_t)level + 1; k < 3; k++)
			indent[k] = -1;
		n = ps_labeldup(g->t[i].t);
		snprintf(path[level], sizeof path[level], "%s", n);
		free(n);
		memset(&a, 0, sizeof a);
		a.line = line;
		a.tpl = -1;
		n = ps_normdup(path[level]);
		cc = level == 0 ? tpl_class_code(n) : NULL;
		free(n);
		if (cc != NULL) {
			snprintf(a.code, sizeof a.code, "%s", cc);
			a.label = estrdup(path[0]);
		} else {
			char key[800];

			snprintf(key, sizeof key, "%s%s%s%s%s", path[0],
			    level >= 1 ? "/" : "", level >= 1 ? path[1] : "",
			    level >= 2 ? "/" : "", level >= 2 ? path[2] : "");
			a.label = estrdup(key);
		}
		an = egrowarray(an, na, sizeof *an);
		an[na++] = a;
		isanchor[line] = 1;
		for (k = i; k < e; k++)
			if (g->t[k].fig && !code_part(g->t[k].t))
				use[k] = 1;
	}
	*anp = an;
	*nap = na;
}

/*
 * Is code c (digits) the next row after prev in a code table: prev's
 * child, or its sibling under one parent (2080501 then 2080505)?
 */
static int
child_or_sibling(const char *prev, const char *c)
{
	size_t pl = strlen(prev), cl = strlen(c);

	if (strspn(c, "0123456789") != cl || (cl != 5 && cl != 7) || pl < 3)
		return 0;
	return (cl == pl + 2 && strncmp(prev, c, pl) == 0) ||
	    (cl == pl && strncmp(prev, c, cl - 2) == 0 && strcmp(prev, c) < 0);
}

/*
 * A header that prints its columns twice, under 当年预算 (or 本年预算) and
 * under 上年结转结余 (or 上年结余) to its right, on lines [h0, h1): the x
 * midway between the two words, where the second group begins; or -1.
 */
static int
carry_split(const struct pdoc *d, size_t h0, size_t h1, int width)
{
	static const char *const cur[] = { "当年预算", "本年预算", NULL };
	static const char *const carry[] = { "上年结转", "上年结余", NULL };
	size_t i;
	int a, b;

	for (i = h0; i < h1 && i < d->nline; i++) {
		const char *l = d->line[i], *p = NULL, *q = NULL;

		for (a = 0; cur[a] != NULL && p == NULL; a++)
			p = strstr(l, cur[a]);
		for (b = 0; carry[b] != NULL && q == NULL; b++)
			q = strstr(l, carry[b]);
		if (p != NULL && q != NULL && p < q) {
			int xp = (int)(width ? txt_width(l, (size_t)(p - l)) : txt_chars(l, (size_t)(p - l)));
			int xq = (int)(width ? txt_width(l, (size_t)(q - l)) : txt_chars(l, (size_t)(q - l)));

			/* the words' middles: four and six letters */
			return (xp + 2 + xq + 3) / 2;
		}
	}
	return -1;
}

/* code tables in space-aligned text */
void
read_layout_code(struct pdoc *d, struct tab *tb)
{
	struct lgrid g = { NULL, 0, 0 };
	struct anchor *an = NULL;
	size_t na = 0, i, j, first_anchor = tb->end;
	char *isanchor = ecalloc(d->nline + 1, 1), *use;
	int *colof, colx[16], k, kx = d->ltpl == tb->t ? d->lkx : -1;
	int ncols = (int)tb->t->ncols, twocodes = 0, unitgrid = 0;

	for (k = 0; k < 16; k++)
		colx[k] = -1;
	for (i = tb->start; i < tb->end; i++)
		tokenize(&g, i, d->line[i]);
	join_wrapped_figures(&g);
	use = ecalloc(g.n + 1, 1);
	colof = ecalloc(g.n + 1, sizeof *colof);
	/* a grid of units: a 单位名称 (…) header word above the first figure */
	for (i = 0; i < g.n && !amount_like(&g.t[i]); i++)
		unitgrid |= unit_word(g.t[i].t);
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
			if (kk == i && (g.t[kk].c0 > 12 || strlen(g.t[kk].t) == 2) &&
			    !(strlen(g.t[kk].t) != 2 && named_amounts(&g, kk + 1, e)) &&
			    !(na > 0 && child_or_sibling(an[na - 1].code, g.t[kk].t) &&
			    kk + 1 < e && amount_like(&g.t[kk + 1])))
				break;
			strcat(code, g.t[kk].t);
		}
		/*
		 * 类 | 款 | 项 printed in three columns, a row giving only its
		 * own part ("205 教育支出", "08 进修及培训", "03 培训支出"): a
		 * two-digit part followed by a name and figures continues the
		 * code of the row before, as a 款 at the 款 column, else a 项.
		 * Its name may be wrapped onto the lines around it, leaving the
		 * part alone before its figures ("03   10.00   10.00").
		 */
		if (code[0] == '\0' && (na > 0 ? an[na - 1].code[0] != '\0' :
		    d->ltpl == tb->t && d->lcode[0] != '\0') &&
		    strlen(g.t[i].t) == 2 && code_part(g.t[i].t) && i + 1 < e &&
		    ((!g.t[i + 1].fig && txt_has_cjk(g.t[i + 1].t)) || amount_like(&g.t[i + 1]))) {
			const char *pc = na > 0 ? an[na - 1].code : d->lcode;
			size_t pl = strlen(pc), m2;
			int amounts = 0, xiang;

			for (m2 = i + 1; m2 < e; m2++)
				amounts += amount_like(&g.t[m2]);
			xiang = pl > 3 && kx >= 0 && g.t[i].c0 > kx + 1;
			if (amounts > 0) {
				snprintf(code, sizeof code, "%.*s%s", xiang ? 5 : 3, pc, g.t[i].t);
				if (!xiang)
					kx = g.t[i].c0;
				kk = i + 1;
			}
		}
		/*
		 * a grid of units numbers its units (Xi'an's 114, Suzhou's 024):
		 * no classification code, which starts 2 (功能), 3 or 5 (经济)
		 */
		if (unitgrid && code[0] != '\0' && code[0] != '2' && code[0] != '3' && code[0] != '5')
			code[0] = '\0';
		if (ps_code_of(code, a.code)) {
			char name[512] = "", code2[16] = "", name2[256] = "";

			for (; kk < e && !g.t[kk].fig; kk++)
				if (strlen(name) + strlen(g.t[kk].t) < sizeof name)
					strcat(name, g.t[kk].t);
			/*
			 * A second code and name after the first: Yantai keys its
			 * B08 by the 部门 and the 政府 economic class together
			 * ("301 01 基本工资 501 01 工资奖金津补贴"), and repeats a
			 * 部门 code under each 政府 one.  No one code tree holds
			 * such rows: they are keyed by both, in the label.
			 */
			while (kk < e && code_part(g.t[kk].t) && strlen(code2) + strlen(g.t[kk].t) <= 7 &&
			    (code2[0] != '\0' || strlen(g.t[kk].t) == 3))
				strcat(code2, g.t[kk++].t);
			for (; code2[0] != '\0' && kk < e && !g.t[kk].fig; kk++)
				if (strlen(name2) + strlen(g.t[kk].t) < sizeof name2)
					strcat(name2, g.t[kk].t);
			if (code2[0] != '\0' && name2[0] != '\0' && kk < e && amount_like(&g.t[kk])) {
				char both[800];

				snprintf(both, sizeof both, "%s %s/%s %s", a.code, name, code2, name2);
				a.code[0] = '\0';
				a.label = ps_labeldup(both);
				if (!twocodes++)
					warnmsg("%s:%lu: %s: rows keyed by two economic codes (部门 and 政府), "
					    "read with both in the label, without the code hierarchy",
					    d->src, d->lineno[line], tb->t->id);
			} else
				a.label = ps_labeldup(name);
		} else {
			size_t words = 0;

			a.code[0] = '\0';
			for (kk = i; kk < e; kk++)
				if (!g.t[kk].fig && txt_has_cjk(g.t[kk].t))
					words++;
			/* "合   计": the letters of a spaced-out total */
			if (words == 2 && i + 2 <= e && !g.t[i].fig && !g.t[i + 1].fig &&
			    strcmp(g.t[i].t, "合") == 0 && strcmp(g.t[i + 1].t, "计") == 0 &&
			    i + 2 < e && g.t[i + 2].fig)
				a.label = estrdup("合计");
			/* "合计" alone with its figures; beside other words it heads a column */
			for (kk = i; kk < e && words == 1; kk++) {
				char *n = ps_normdup(g.t[kk].t);
				size_t nl = strlen(n);
				int tot;

				if (nl > 0 && n[nl - 1] == ':')	/* "总计：" */
					n[nl - 1] = '\0';
				tot = strcmp(n, "合计") == 0 || strcmp(n, "总计") == 0;

				free(n);
				if (!g.t[kk].fig && tot) {
					a.label = estrdup("合计");
					break;
				}
			}
		}
		if (a.label != NULL) {
			an = egrowarray(an, na, sizeof *an);
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
	/*
	 * No code at all, but a 合计 row: the rows are named only (Hangzhou
	 * prints 功能分类科目名称 and 经济分类科目名称 without codes, each level
	 * indented one character more).  Every line after the 合计 of a name
	 * and amounts is a row, keyed by its 类 code where the name is a 类's,
	 * else by its names' path ("公共安全支出/公安/行政运行").
	 */
	if (na > 0) {
		int coded = 0;

		for (j = 0; j < na; j++)
			coded |= an[j].code[0] != '\0';
		if (!coded)
			named_rows(d, &g, &an, &na, isanchor, use);
	}
	if (na > 0) {
		d->ltpl = tb->t;
		memcpy(d->lcode, an[na - 1].code, sizeof d->lcode);
		d->lkx = kx;
	}
	if (na == 0) {
		size_t e;

		/*
		 * No code and no 合计 label, but a line of figures under the
		 * column words: the table's one row is its total (Jiangsu's
		 * 支出预算总表 prints 合计 基本支出 项目支出 … over one row).
		 */
		for (i = 0; i < g.n; i = e) {
			int m = 0;

			for (e = i; e < g.n && g.t[e].line == g.t[i].line; e++)
				m += amount_like(&g.t[e]);
			if (m >= 2)
				break;
		}
		/*
		 * figures alone: a label before them (a unit's name) is a row
		 * this does not know; but the one row of a grid of units that
		 * prints no 合计 is the total (Shenzhen's 收入总表)
		 */
		for (j = i; j < g.n && g.t[j].line == g.t[i].line; j++)
			if (!g.t[j].fig)
				break;
		if (i < g.n && j < g.n && g.t[j].line == g.t[i].line) {
			size_t q, e2, rows = 0;
			int unit = 0;

			for (q = 0; q < g.n && g.t[q].line < g.t[i].line; q++)
				unit |= unit_word(g.t[q].t);
			for (q = 0; q < g.n; q = e2) {
				int m = 0;

				for (e2 = q; e2 < g.n && g.t[e2].line == g.t[q].line; e2++)
					m += amount_like(&g.t[e2]);
				rows += m >= 2;
			}
			if (unit && rows == 1)
				j = g.n;	/* read as the one row */
		}
		if (i < g.n && !(j < g.n && g.t[j].line == g.t[i].line)) {
			size_t row = read_layout_onerow(d, tb, &g, "合计", 1);

			for (i = 0; i < g.n; i++)
				if (g.t[i].line != row && amount_like(&g.t[i]))
					warnmsg("%s:%lu:%d: figure '%s' belongs to no row of %s, not read",
					    d->src, d->lineno[g.t[i].line], g.t[i].c0 + 1, g.t[i].t,
					    tb->t->id);
			goto out;
		}
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
	/*
	 * Columns printed twice, for 当年预算 and for 上年结转结余 (Changchun):
	 * the catalogue's columns are the year's; where it has no 上年结转
	 * column, the carried-over group's figures are reported, not read.
	 */
	if (tpl_col_index(tb->t, "上年结转") < 0 &&
	    (k = carry_split(d, tb->start, first_anchor, g.width)) > 0)
		for (tb->hdrmax = k, i = 0; i < g.n; i++)
			if (use[i] && (g.t[i].x0 + g.t[i].x1) / 2 >= k) {
				use[i] = 0;
				warnmsg("%s:%lu:%d: figure '%s' is under 上年结转结余, which %s does not "
				    "print apart, not read", d->src, d->lineno[g.t[i].line],
				    g.t[i].c0 + 1, g.t[i].t, tb->t->id);
			}
	for (i = 0; i < g.n; i++)
		colof[i] = -1;
	table_columns(d, tb, &g, use, tb->start, first_anchor, 0, ncols, 0, colof, colx);
	for (i = 0; i < g.n; i++) {
		if (!use[i] || !isanchor[g.t[i].line])
			continue;
		for (j = 0; j < na; j++)
			if (an[j].line == g.t[i].line)
				anchor_fig(d, tb, &an[j], &g.t[i], colof[i]);
	}
	{
		/* figure-only lines: give them to rows */
		const struct ltok **pg = NULL;
		int *pc = NULL;
		size_t npg = 0;

		for (i = 0; i < g.n; i++)
			if (use[i] && !isanchor[g.t[i].line]) {
				pg = egrowarray(pg, npg, sizeof *pg);
				pc = egrowarray(pc, npg, sizeof *pc);
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
			char *c = ps_labeldup(g.t[i].t);
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

	if (ps_row_matches(r, printed))
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

/*
 * The token, in figure i's panel on its line, of a numbered label before
 * it ("一、部门预算", "1、财政拨款", "(3)国有资本经营预算收入"): a row of its
 * own.  Its index, or g->n.
 */
static size_t
own_label(const struct lgrid *g, const int *panel, size_t i)
{
	static const char *const num[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九",
		"十", NULL };
	size_t q;
	int k;

	for (q = i; q > 0 && g->t[q - 1].line == g->t[i].line; q--)
		;
	for (; q < i; q++) {
		const char *t = g->t[q].t;

		if (panel[q] != panel[i] || g->t[q].fig || !txt_has_cjk(t))
			continue;
		if (t[0] == '(' || strncmp(t, "（", strlen("（")) == 0 ||
		    (t[0] >= '0' && t[0] <= '9' && strstr(t, "、") != NULL))
			return q;
		for (k = 0; num[k] != NULL; k++)
			if (strncmp(t, num[k], strlen(num[k])) == 0 &&
			    strstr(t, "、") == t + strlen(num[k]))
				return q;
	}
	return g->n;
}

static int
ends_with(const char *s, const char *w)
{
	size_t a = strlen(s), b = strlen(w);

	return a >= b && strcmp(s + a - b, w) == 0;
}

/* panel tables (F01, F04) in space-aligned text */
void
read_layout_panel(struct pdoc *d, struct tab *tb)
{
	const struct tpl_table *t = tb->t;
	struct lgrid g = { NULL, 0, 0 };
	struct anchor *an = NULL;
	size_t na = 0, i, j;
	int xb = -1, xc = -1, *panel, last[3] = { -1, -1, -1 }, np = 2;
	size_t body = (size_t)-1;	/* the first line of 类 labels */
	char *isanchor = ecalloc(d->nline + 1, 1), *use, *hdr;
	size_t first_anchor = tb->end;

	for (i = tb->start; i < tb->end; i++)
		tokenize(&g, i, d->line[i]);
	join_wrapped_figures(&g);
	panel = ecalloc(g.n + 1, sizeof *panel);
	use = ecalloc(g.n + 1, 1);
	hdr = ecalloc(g.n + 1, 1);
	/* the right panel starts where its labels (the 类 lines) start */
	for (i = 0; i < g.n; i++) {
		char *n;
		const char *cc;
		int dummy = -1;

		if (g.t[i].fig)
			continue;
		n = ps_normdup(g.t[i].t);
		cc = tpl_class_code(n);	/* once a token, not twice a row */
		/* a 类 name in full ("国有资本经营预算" alone is an income line) */
		for (j = 0; j < t->nrows; j++)
			if (t->rows[j].panel == 1 && t->rows[j].code != NULL &&
			    (strcmp(t->rows[j].label, n) == 0 ||
			    (cc != NULL && strcmp(cc, t->rows[j].code) == 0 &&
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
	/*
	 * No 类 lines: the expenditure may be printed by use alone (Jiangsu's
	 * 财政拨款收支预算总表: 基本支出, 项目支出, 单位预留机动经费), as the
	 * third panel of a table that has no second.
	 */
	if (xb < 0)
		for (i = 0; i < g.n; i++) {
			char *n;

			if (g.t[i].fig || g.t[i].x0 < 8)
				continue;
			n = ps_normdup(g.t[i].t);
			for (j = 0; j < t->nrows; j++)
				if (t->rows[j].panel == 2 && ps_row_matches(&t->rows[j], n) &&
				    (xc < 0 || g.t[i].x0 < xc)) {
					xc = g.t[i].x0;
					if (g.t[i].line < body)
						body = g.t[i].line;
				}
			free(n);
		}
	if (xb < 0 && xc >= 0)
		xb = xc;
	/*
	 * A page that carries on a table past its 类 lines ("结余分配",
	 * "年末结转和结余", "总计" beside the income panel's last lines): the
	 * right panel starts at a label only it has, or a label of both
	 * right of an income label, printed right of another label.
	 */
	if (xb < 0)
		for (i = 1; i < g.n; i++) {
			char *n;
			int only1 = 0, in0 = 0;

			if (g.t[i].fig || g.t[i - 1].line != g.t[i].line)
				continue;
			n = ps_normdup(g.t[i].t);
			for (j = 0; j < t->nrows; j++)
				if (ps_row_matches(&t->rows[j], n)) {
					if (t->rows[j].panel == 1)
						only1 = 1;
					else
						in0 = 1;
				}
			free(n);
			/* "总计 … 总计": the second of two labels is the right panel's */
			if (only1 && in0) {
				size_t k2;

				for (k2 = i; k2-- > 0 && g.t[k2].line == g.t[i].line;)
					if (!g.t[k2].fig && txt_has_cjk(g.t[k2].t)) {
						char *m2 = ps_normdup(g.t[k2].t);

						for (j = 0; j < t->nrows; j++)
							if (t->rows[j].panel == 0 && ps_row_matches(&t->rows[j], m2))
								in0 = 0;
						free(m2);
						break;
					}
			}
			if (only1 && !in0 && (xb < 0 || g.t[i].x0 < xb)) {
				xb = g.t[i].x0;
				if (g.t[i].line < body)
					body = g.t[i].line;
			}
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
		n = ps_normdup(g.t[i].t);
		for (j = 0; j < t->nrows; j++)
			if (t->rows[j].panel == 2 && ps_row_matches(&t->rows[j], n) &&
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
	 * So too before a 支出用途 label where the expenditure is printed by
	 * use alone (Jiangsu's 财政拨款收支预算总表).
	 */
	for (i = 0; i < g.n; i++) {
		size_t k2;

		if (!g.t[i].fig || !(panel[i] == 1 || (panel[i] == 2 && xb == xc)))
			continue;
		for (k2 = i + 1; k2 < g.n && g.t[k2].line == g.t[i].line; k2++)
			if (!g.t[k2].fig && panel[k2] == panel[i]) {
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
		size_t firstfig = (size_t)-1;

		for (i = 0; i < g.n; i++)
			if (amount_like(&g.t[i]) && g.t[i].line < firstfig)
				firstfig = g.t[i].line;
		/*
		 * Words above the line before the first figure are header: a
		 * column headed "总计" is not the row 支出总计 (Chongqing); nor
		 * is a "总计" without figures before the other columns' words
		 * (Yantai: "总计  一般公共预算  政府性基金预算").
		 */
		for (i = 0; i < g.n; i++) {
			char *n;
			int r, l2 = -1;

			if (g.t[i].fig || firstexact[panel[i]] != (size_t)-1 ||
			    (firstfig != (size_t)-1 && g.t[i].line + 1 < firstfig))
				continue;
			n = ps_normdup(g.t[i].t);
			if (strcmp(n, "总计") == 0 || strcmp(n, "合计") == 0) {
				int figs = 0, after = 0;

				for (j = 0; j < g.n; j++)
					if (g.t[j].line == g.t[i].line) {
						figs += g.t[j].fig;
						after += !g.t[j].fig && j > i;
					}
				if (!figs && after) {
					free(n);
					continue;
				}
			}
			for (r = 0; r < (int)t->nrows; r++)
				if (t->rows[r].panel == panel[i] && ps_row_matches(&t->rows[r], n))
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
		n = ps_normdup(g.t[i].t);
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
			m = ps_normdup(g.t[j].t);
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
			 * An income label the template lacks ("六、上级补助收入"), first on
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
			n = ps_normdup(g.t[i].t);
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
		an = egrowarray(an, na, sizeof *an);
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
			char *n = ps_normdup(g.t[i].t);

			rowno = strcmp(n, "行次") == 0;
			free(n);
		}
		for (i = 0; i < g.n; i++)
			if (g.t[i].fig && (amount_like(&g.t[i]) || isanchor[g.t[i].line]) &&
			    g.t[i].line + 3 >= first_anchor &&
			    !(rowno && ps_small_int(g.t[i].t, NULL)))
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
			/*
			 * A panel of one column has its figures there, however
			 * far pdftotext shifted their line (Jiangsu's 财政拨款收支
			 * 预算总表: "一、一般公共预算 12,345.67" seven places right).
			 */
			if (nc == 1 && colx[c0] >= 0)
				for (i = 0; i < g.n; i++)
					if (u[i] && colof[i] < 0 && amount_like(&g.t[i]))
						colof[i] = c0;
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
				anchor_fig(d, tb, &an[j], &g.t[i], colof[i]);
				continue;
			}
			for (j = 0; j < na; j++) {
				int c0, nc, k2, empty = 1;
				size_t q;

				/*
				 * only total lines span panels, never a 类 line nor
				 * an income line ("五、上级补助收入" beside a 款's figure)
				 */
				if (an[j].line != g.t[i].line || an[j].panel >= panel[i] ||
				    an[j].tpl < 0 || t->rows[an[j].tpl].code != NULL ||
				    (strstr(t->rows[an[j].tpl].label, "合计") == NULL &&
				    strstr(t->rows[an[j].tpl].label, "总计") == NULL))
					continue;
				/*
				 * nor a line whose figure's panel prints a label of its
				 * own (a 款 the template does not list: "公安")
				 */
				for (q = i; q > 0 && g.t[q - 1].line == g.t[i].line; q--)
					;
				for (; q < g.n && g.t[q].line == g.t[i].line; q++)
					if (panel[q] == panel[i] && !g.t[q].fig && txt_has_cjk(g.t[q].t))
						break;
				if (q < g.n && g.t[q].line == g.t[i].line)
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
				anchor_fig(d, tb, &an[j], &g.t[i], c0);
			} else if ((j = (size_t)own_label(&g, panel, i)) < g.n) {
				/*
				 * its line begins a row of its own that the template
				 * does not list ("一、部门预算", Xi'an): no other row's
				 */
				warnmsg("%s:%lu:%d: figure '%s' of row '%s', which %s does not list, not read",
				    d->src, d->lineno[g.t[i].line], g.t[i].c0 + 1, g.t[i].t, g.t[j].t,
				    tb->t->id);
				use[i] = 0;
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
					pg = egrowarray(pg, npg, sizeof *pg);
					pc = egrowarray(pc, npg, sizeof *pc);
					pp = egrowarray(pp, npg, sizeof *pp);
					pc[npg] = colof[i];
					pp[npg] = panel[i];
					pg[npg++] = &g.t[i];
				}
			attach_pending(d, tb, an, na, pg, npg, pc, pp);
			free(pg);
			free(pc);
			free(pp);
		}
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
 * A one-row table's reading by its identities: every figure (in printed
 * order) to a column of its own whose header word is printed (but the
 * total, whose word wraps), each as near its word as assign_slots priced it, plus one for each pair the reading puts out of
 * the catalogue's order; the cheapest reading under which every row
 * identity holds (strict), if no other holding reading costs as little.
 */
struct orow {
	const struct rid *ids;
	int nids;
	const struct vline *x;
	const struct ccost *cm;
	int m, n, a[16], best[16];
	char printed[16];	/* the total and the columns whose words are printed */
	long cost, bcost;
	int nbest;		/* holding readings found at bcost */
	long visits;
};

static void
orow_dfs(struct orow *o, int j)
{
	int k, q, h, f;

	if (o->visits++ > 50000)
		return;
	if (j == o->m) {
		if (o->nbest > 0 && o->cost > o->bcost)
			return;
		vote_score(o->ids, o->nids, o->x, 1, o->a, o->m, o->printed, &h, &f);
		if (f > 0 || h == 0)
			return;
		if (o->nbest == 0 || o->cost < o->bcost) {
			o->nbest = 1;
			o->bcost = o->cost;
			memcpy(o->best, o->a, sizeof o->best);
		} else {
			o->nbest++;
		}
		return;
	}
	for (k = 0; k < o->n && k < 16; k++) {
		long c = o->cm->c[j][k], inv = 0;

		/* a column whose word is not printed: only the total */
		if (c >= (1L << 20) || (k > 0 && !o->cm->found[k]))
			continue;
		for (q = 0; q < j; q++) {
			if (o->a[q] == k)
				break;
			inv += o->a[q] > k;
		}
		if (q < j)
			continue;	/* the column is taken */
		o->a[j] = k;
		o->cost += c + inv;
		if (o->nbest == 0 || o->cost <= o->bcost)
			orow_dfs(o, j + 1);
		o->cost -= c + inv;
	}
}

/* is token t a year: four digits the text follows with 年 ("2025年预算数") */
static int
is_year(const struct pdoc *d, const struct ltok *t)
{
	const char *p = d->line[t->line];
	int c;

	if (strlen(t->t) != 4 || strspn(t->t, "0123456789") != 4)
		return 0;
	for (c = 0; *p != '\0' && c <= t->c1; c++)	/* past the token's last character */
		do
			p++;
		while ((*p & 0xc0) == 0x80);
	while (*p == ' ')
		p++;
	return strncmp(p, "年", strlen("年")) == 0;
}

/*
 * A one-row table printed for two years side by side ("2025年预算数" over
 * one half, "2026年预算数" over the other, Chongqing's and Yantai's 三公):
 * the x range [*lo, *hi) of the half headed by the document's year, from
 * the year words on lines [h0, h1).  0 when the header names fewer than
 * two years or not the document's.
 */
static int
year_half(const struct pdoc *d, size_t h0, size_t h1, int width, int *lo, int *hi)
{
	int yx[8], yv[8], ny = 0, a, b, me = -1;
	size_t i;

	if (d->year == 0)
		return 0;
	for (i = h0; i < h1; i++) {
		const char *l = d->line[i], *p;

		for (p = l; *p != '\0'; p++) {
			const char *q = p + 4;
			int y, k, x;

			if ((p > l && p[-1] >= '0' && p[-1] <= '9') || strspn(p, "0123456789") != 4)
				continue;
			while (*q == ' ')
				q++;
			if (strncmp(q, "年", strlen("年")) != 0)
				continue;
			y = atoi(p);
			x = (int)(width ? txt_width(l, (size_t)(p - l)) : txt_chars(l, (size_t)(p - l)));
			for (k = 0; k < ny && yv[k] != y; k++)
				;
			if (k == ny && ny < 8) {
				yv[ny] = y;
				yx[ny++] = x + 4;	/* about the word's middle */
			}
			p += 3;
		}
	}
	if (ny < 2)
		return 0;
	for (a = 1; a < ny; a++)	/* left to right */
		for (b = a; b > 0 && yx[b - 1] > yx[b]; b--) {
			int t = yx[b], u = yv[b];

			yx[b] = yx[b - 1];
			yv[b] = yv[b - 1];
			yx[b - 1] = t;
			yv[b - 1] = u;
		}
	for (a = 0; a < ny; a++)
		if (yv[a] == d->year)
			me = a;
	if (me < 0)
		return 0;
	*lo = me == 0 ? 0 : (yx[me - 1] + yx[me]) / 2;
	*hi = me == ny - 1 ? 1 << 30 : (yx[me] + yx[me + 1]) / 2;
	return 1;
}

/*
 * A table of one row of figures under header words (the budget's 三公 and
 * 机关运行经费 table): the first line with figures is the row; its figures
 * take the columns whose header words lie over them, in order.
 */
/*
 * Read the first line of two figures or more as the table's one row,
 * labelled label, its columns by the header words above it.  Returns that
 * line's index, or (size_t)-1 when there is none (reported).
 */
static size_t
read_layout_onerow(struct pdoc *d, struct tab *tb, struct lgrid *g, const char *label, int strict)
{
	size_t i, e, k;
	int colx[16], m = 0, q, lo = 0, hi = 1 << 30;
	struct slot s[16];
	const struct ltok *f[16] = { NULL };
	struct ccost cm;
	char moved[16] = { 0 };

	for (q = 0; q < 16; q++)
		colx[q] = -1;
	for (i = 0; i < g->n; i = e) {
		int seq = 1, v;

		m = 0;
		/* strict: amounts only, not the years of a header ("2026 年") */
		for (e = i; e < g->n && g->t[e].line == g->t[i].line; e++)
			if ((strict ? amount_like(&g->t[e]) : g->t[e].fig) && m < 16 &&
			    !is_year(d, &g->t[e])) {
				/* 1 2 3 …: the 栏次 row, not figures */
				if (!ps_small_int(g->t[e].t, &v) || v != m + 1)
					seq = 0;
				f[m++] = &g->t[e];
			}
		if (m >= 2 && !seq)
			break;
		m = 0;
	}
	if (m < 2) {
		for (k = 0; k < g->n; k++)
			if (amount_like(&g->t[k])) {
				warnmsg("%s:%lu: %s: no row of figures found, table not read",
				    d->src, d->lineno[tb->title], tb->t->id);
				break;
			}
		return (size_t)-1;
	}
	/* two years side by side: the document's year's half */
	if (year_half(d, tb->start, f[0]->line, g->width, &lo, &hi)) {
		int n = 0;

		for (q = 0; q < m; q++) {
			int cx = (f[q]->x0 + f[q]->x1) / 2;

			if (cx >= lo && cx < hi)
				f[n++] = f[q];
			else
				warnmsg("%s:%lu:%d: figure '%s' of %s is under another year than the "
				    "document's %d, not read", d->src, d->lineno[f[q]->line],
				    f[q]->c0 + 1, f[q]->t, tb->t->id, d->year);
		}
		m = n;
		if (m == 0)
			return f[0] != NULL ? f[0]->line : (size_t)-1;
	}
	for (q = 0; q < m; q++) {
		s[q].x0 = f[q]->x0;
		s[q].x1 = f[q]->x1;
		s[q].col = -1;
	}
	assign_slots(d, tb, tb->start, f[0]->line, s, (size_t)m, 0, (int)tb->t->ncols, lo,
	    g->width, colx, &cm);
	/*
	 * The row's identities must hold for the columns the header words
	 * gave (a cent a term): where they do not, the words did not say
	 * where the figures go (a grid of units whose header is printed
	 * out of the catalogue's order), and nothing is taken.
	 */
	{
		long long v[16] = { 0 };
		int has[16] = { 0 };
		size_t r;

		for (q = 0; q < m; q++)
			if (s[q].col >= 0 && s[q].col < 16) {
				v[s[q].col] = fig_cents(f[q]);
				has[s[q].col] = 1;
			}
		for (r = 0; r < tb->t->nidents; r++) {
			const struct tpl_ident *id = &tb->t->idents[r];
			int l = tpl_col_index(tb->t, id->lhs), nt = 0, any = 0, c;
			long long sum = 0;

			/* an lhs not printed (a spanning 财政拨款收入) is no check */
			if (id->axis != 'r' || l < 0 || l >= 16 || (!has[l] && l > 0 && colx[l] < 0))
				continue;
			for (c = 0; c < 16 && id->terms[c] != NULL; c++) {
				int tc = tpl_col_index(tb->t, id->terms[c]);

				if (tc >= 0 && tc < 16 && has[tc]) {
					sum += v[tc];
					any = 1;
				}
				nt++;
			}
			if (any && (v[l] - sum > nt || sum - v[l] > nt))
				break;
		}
		/*
		 * The header words drift in some documents (Huzhou's 运行维护费
		 * stands over 购置费's figures): the cheapest reading, in the
		 * catalogue's order, under which every row identity holds.
		 */
		if (r < tb->t->nidents) {
			const struct tpl_ident *id = &tb->t->idents[r];
			struct vline x;
			struct orow o;
			struct rid ids[16];

			x.n = m;
			for (q = 0; q < m; q++) {
				x.slot[q] = q;
				x.v[q] = fig_cents(f[q]);
			}
			memset(&o, 0, sizeof o);
			o.ids = ids;
			o.nids = rids_of(tb->t, ids, 16);
			o.x = &x;
			o.cm = &cm;
			o.m = m;
			o.n = (int)tb->t->ncols;
			for (q = 0; q < 16; q++)
				o.printed[q] = q == 0 || cm.found[q];
			orow_dfs(&o, 0);
			if (o.nbest != 1 || o.visits > 50000) {
				warnmsg("%s:%lu: %s: the figures of its row break %s under the columns "
				    "its header words give%s, row not read", d->src,
				    d->lineno[f[0]->line], tb->t->id, id->rule, o.nbest > 1 ?
				    ", and more than one placement keeps it" : "");
				return f[0]->line;
			}
			for (q = 0; q < m; q++) {
				if (o.best[q] != s[q].col)
					moved[o.best[q]] = 1;
				s[q].col = o.best[q];
			}
		}
	}
	for (k = 0; k < tb->t->ncols && k < 16; k++) {
		const struct ltok *hit = NULL;

		for (q = 0; q < m; q++)
			if (s[q].col == (int)k)
				hit = f[q];
		if (hit == NULL && colx[k] < 0)
			continue;
		ps_emit_cell(d, tb, "", label, "", (int)k, "", hit != NULL ? hit->t : "",
		    moved[k] ? "inferred-column" : "", d->lineno[f[0]->line],
		    (unsigned long)((hit != NULL ? hit->c0 : colx[k]) + 1), 0);
	}
	for (q = 0; q < m; q++)
		if (s[q].col < 0)
			warnmsg("%s:%lu:%d: figure '%s' outside the columns of %s, not read",
			    d->src, d->lineno[f[q]->line], f[q]->c0 + 1, f[q]->t, tb->t->id);
	return f[0]->line;
}

/*
 * The 三公 table: a header row of 预算数/决算数 words (Shanghai interleaves
 * them per item) or of the digits 1..12 gives the columns; figures go to
 * the nearest header word.
 */
void
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
			char *n = ps_normdup(g.t[k].t);

			if (strcmp(n, "预算数") == 0 || strcmp(n, "决算数") == 0)
				kinds++;
			else if (ps_small_int(n, NULL))
				digits++;
			free(n);
		}
		if (kinds >= 6 && kinds == e - i && e - i <= 16) {
			int p = 0, q = 0;

			hl = g.t[i].line;
			for (k = i; k < e; k++) {
				char *n = ps_normdup(g.t[k].t);
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

				ps_small_int(g.t[k].t, &v);
				cx[nh] = (g.t[k].x0 + g.t[k].x1) / 2;
				col[nh++] = v - 1;
			}
			break;
		}
		i = e;
	}
	if (hl == (size_t)-1) {
		read_layout_onerow(d, tb, &g, "三公经费", 0);
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
				ps_emit_cell(d, tb, "", "三公经费", "", h, "", by[h] ? by[h]->t : "", "",
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
void
read_layout_econ(struct pdoc *d, struct tab *tb)
{
	struct lgrid g = { NULL, 0, 0 };
	int gx[4], ng = 0, k;
	size_t i, j, na = 0;
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
		a.label = ps_labeldup(name);
		an = egrowarray(an, na, sizeof *an);
		nameline = egrowarray(nameline, na, sizeof *nameline);
		nameline[na] = nl;
		an[na++] = a;
	}
	/* footers */
	for (i = 0; i < g.n; i++) {
		char *n;
		struct anchor a;

		if (g.t[i].fig)
			continue;
		n = ps_normdup(g.t[i].t);
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
		an = egrowarray(an, na, sizeof *an);
		nameline = egrowarray(nameline, na, sizeof *nameline);
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
				anchor_fig(d, tb, &an[j], t, 0);
				continue;
			}
			pg = egrowarray(pg, npg, sizeof *pg);
			pp = egrowarray(pp, npg, sizeof *pp);
			pp[npg] = grp;
			pg[npg++] = t;
		}
		zero = ecalloc(npg + 1, sizeof *zero);
		attach_pending(d, tb, an, na, pg, npg, zero, pp);
		free(zero);
		free(pg);
		free(pp);
	}
	for (k = 0; k < ng; k++)
		for (i = 0; i < na; i++)
			if (an[i].panel == k) {
				const struct ltok *f = an[i].fig[0];

				ps_emit_cell(d, tb, an[i].tpl == -2 ? "" : an[i].code, an[i].label, "", 0, "",
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
/* does text hdr hold a header word of the catalogue's ("人员经费|人员支出", "小计#2")? */
static int
hdr_has(const char *hdr, const char *words)
{
	while (*words != '\0') {
		size_t n = strcspn(words, "|#");
		char w[64];

		snprintf(w, sizeof w, "%.*s", (int)n, words);
		if (n > 0 && strstr(hdr, w) != NULL)
			return 1;
		words += n;
		words += strcspn(words, "|");	/* past "#2" */
		if (*words == '|')
			words++;
	}
	return 0;
}

static int
words_columns(struct pdoc *d, const struct tab *tb, size_t h0, size_t h1, int *cols)
{
	const struct tpl_table *t = tb->t;
	char *hdr = estrdup("");
	size_t i;
	int k, n = 0;

	for (i = h0; i < h1; i++) {
		char *c = ps_normdup(d->line[i]);

		hdr = erealloc(hdr, strlen(hdr) + strlen(c) + 1);
		strcat(hdr, c);
		free(c);
	}
	for (k = 0; k < (int)t->ncols && n < 16; k++) {
		const char *name = t->cols[k], *slash = strrchr(name, '/');

		if (slash != NULL)
			name = slash + 1;
		if (t->hdr != NULL && t->hdr[k] != NULL)
			name = t->hdr[k] + (t->hdr[k][0] == '!');
		if (hdr_has(hdr, name) || (strcmp(name, "合计") == 0 && strstr(hdr, "总计")) ||
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

/*
 * A figure's value in hundredths (0 when unreadable: only for fitting and
 * comparing); one of more digits than any budget prints (10^13 and more,
 * so that sums of thousands of them stay in range) is -1, which sums to
 * nothing real.
 */
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
			if (v >= 1000000000000LL)
				return -1;
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
void
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

			if (g.t[e - 1].fig && ps_code_of(g.t[e].t, cb) && e - 1 > i &&
			    e + 1 < g.n && g.t[e + 1].line == g.t[i].line &&
			    (!g.t[e + 1].fig || (strlen(g.t[e + 1].t) == 2 &&
			    strspn(g.t[e + 1].t, "0123456789") == 2)))
				break;
		}
		memset(&x, 0, sizeof x);
		x.line = g.t[i].line;
		q = i;
		if (ps_code_of(g.t[i].t, x.code)) {
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
			char *n = ps_normdup(name);

			if (x.code[0] == '\0' && strcmp(n, "合计") != 0 && strcmp(n, "总计") != 0) {
				free(n);
				continue;
			}
			x.label = x.code[0] ? ps_labeldup(name) : estrdup("合计");
			free(n);
		}
		if (x.line < h1)
			h1 = x.line;
		w = egrowarray(w, nw, sizeof *w);
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
	/* each figure no identity placed, where it is (the first is the row's total) */
	for (r = 0; r < (int)nw; r++)
		if (w[r].nopt > 1 && w[r].m > 1)
			for (j = 1; j < w[r].m; j++)
				warnmsg("%s:%lu:%d: figure '%s' of row %s of %s: its column is not "
				    "placed by any identity (the row prints fewer figures than "
				    "columns), not read", d->src, d->lineno[w[r].fig[j]->line],
				    w[r].fig[j]->c0 + 1, w[r].fig[j]->t,
				    w[r].code[0] != '\0' ? w[r].code : w[r].label, tb->t->id);
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

			ps_emit_cell(d, tb, w[r].code, w[r].label, "", cols[k], "", f != NULL ? f->t : "",
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

/* ---- panel tables in single-space text ------------------------------------ */

/*
 * One row of one panel as printed on a line of single-space text: its
 * label, the figures after it, and the columns they may take.
 */
struct wprow {
	int tpl;		/* template row, -1 for a label the catalogue lacks */
	char *label;
	char rowno[8];		/* the printed 行次, if any */
	int panel;
	size_t line;
	int col0;		/* where the label starts, for blank cells */
	const struct ltok *fig[16];
	long long v[16];	/* figure values in hundredths */
	int m;
	int ok;			/* every figure has a value */
	unsigned *opt;		/* placements the row identity allows (bit k: pcols[k]) */
	int nopt;
	unsigned set[16];	/* columns figure j takes in some placement */
	int at[16];		/* column (index into the panel's columns) of figure j, -1 */
	int lost;		/* figures of the row not read */
	int over;		/* more figures than its panel's columns */
};

/* a token standing for a figure: digits, or a dash for nil */
static int
wp_isfig(const struct ltok *t)
{
	const char *p = t->t;

	if (t->fig)
		return 1;
	while (*p == '-' || strncmp(p, "—", 3) == 0 || strncmp(p, "－", 3) == 0)
		p += *p == '-' ? 1 : 3;
	return *p == '\0' && p != t->t;
}

/* a figure's signed value in hundredths; 0 on success, -1 when unreadable */
static int
wp_value(const struct ltok *t, long long *v)
{
	if (!t->fig) {
		*v = 0;		/* a dash */
		return 0;
	}
	if ((*v = fig_cents(t)) < 0)
		return -1;
	if (strchr(t->t, '-') != NULL || strchr(t->t, '(') != NULL)
		*v = -*v;
	return 0;
}

/* does normalised label n name template row r (a 类 in full, not "国有资本经营预算")? */
static int
wp_row_ok(const struct tpl_row *r, const char *n)
{
	if (!ps_row_matches(r, n))
		return 0;
	return r->code == NULL || strcmp(n, r->label) == 0 || ends_with(n, "支出");
}

/* the template row of panel p that label n names, the next after last[p] first */
static int
wp_match(const struct tpl_table *t, int p, const char *n, const int *last)
{
	size_t i;

	for (i = (size_t)(last[p] + 1); i < t->nrows; i++)
		if (t->rows[i].panel == p && wp_row_ok(&t->rows[i], n))
			return (int)i;
	for (i = 0; i < t->nrows && (int)i <= last[p]; i++)
		if (t->rows[i].panel == p && wp_row_ok(&t->rows[i], n))
			return (int)i;
	return -1;
}

/*
 * Split the label words tk[a..b) into labels of rows of panels rising
 * from minp: each piece names a template row.  Shorter first pieces are
 * tried first, then the lower panels: a label matches a row whose name
 * begins it ("国有资本经营预算四、科学技术支出" begins with an income
 * line's), so the longest piece would swallow the next panel's label.  Returns the count of pieces (their ends
 * in end[], rows in row[], panels in pan[]), 0 when none fits.
 */
static int
wp_split(const struct tpl_table *t, const struct ltok *tk, size_t a, size_t b, int minp,
    const int *last, size_t *end, int *row, int *pan, int depth)
{
	size_t e;
	int p;

	if (a == b)
		return depth;
	/* a label is a few words: a longer run is no row's, and costs cubes to split */
	if (depth >= 3 || minp > 2 || b - a > 48)
		return 0;
	for (e = a + 1; e <= b; e++) {
		char *s = estrdup(""), *n;
		size_t k;

		for (k = a; k < e; k++) {
			s = erealloc(s, strlen(s) + strlen(tk[k].t) + 1);
			strcat(s, tk[k].t);
		}
		n = ps_normdup(s);
		free(s);
		for (p = minp; p <= 2; p++) {
			int r = n[0] != '\0' ? wp_match(t, p, n, last) : -1, got;

			if (r < 0)
				continue;
			end[depth] = e;
			row[depth] = r;
			pan[depth] = p;
			got = wp_split(t, tk, e, b, p + 1, last, end, row, pan, depth + 1);
			if (got > 0) {
				free(n);
				return got;
			}
		}
		free(n);
	}
	return 0;
}

/* the row identity of a panel: lhs and terms as positions in its columns */
static int
wp_ident(const struct tpl_table *t, const int *pc, int P, int *lhs, int *terms, int *nt,
    const char **rule)
{
	size_t i;
	int k, j;

	for (i = 0; i < t->nidents; i++) {
		const struct tpl_ident *id = &t->idents[i];

		if (id->axis != 'r')
			continue;
		*lhs = -1;
		*nt = 0;
		for (k = 0; k < P; k++)
			if (strcmp(t->cols[pc[k]], id->lhs) == 0)
				*lhs = k;
		if (*lhs < 0)
			continue;
		for (j = 0; id->terms[j] != NULL; j++)
			for (k = 0; k < P; k++)
				if (id->terms[j][0] != '-' && strcmp(t->cols[pc[k]], id->terms[j]) == 0)
					terms[(*nt)++] = k;
		if (*nt > 0) {
			*rule = id->rule;
			return 1;
		}
	}
	return 0;
}

/* the placements of row w over P columns that the identity allows */
static void
wp_options(struct wprow *w, int P, int hasid, int lhs, const int *terms, int nt)
{
	unsigned mask;
	int j, k;

	w->nopt = 0;
	w->opt = NULL;
	for (j = 0; j < 16; j++) {
		w->set[j] = 0;
		w->at[j] = -1;
	}
	if (w->m > P || P > 12)
		return;
	for (mask = 0; mask < (1u << P); mask++) {
		long long val[16], sum = 0;
		int c = 0;

		for (k = 0; k < P; k++)
			c += (mask >> k) & 1;
		if (c != w->m)
			continue;
		if (w->m < P) {
			/* fewer figures than columns: the identity decides */
			if (!hasid || !w->ok)
				goto keep;
			for (k = 0, j = 0; k < P; k++)
				val[k] = (mask >> k) & 1 ? w->v[j++] : 0;
			for (k = 0; k < nt; k++)
				sum += val[terms[k]];
			if (sum != val[lhs])
				continue;
		}
keep:
		w->opt = egrowarray(w->opt, (size_t)w->nopt, sizeof *w->opt);
		w->opt[w->nopt++] = mask;
	}
}

/* column of the j-th figure under placement mask */
static int
wp_col(unsigned mask, int j)
{
	int k;

	for (k = 0; k < 16; k++)
		if ((mask >> k) & 1 && j-- == 0)
			return k;
	return -1;
}

struct wpfit {
	struct wprow **r;	/* r[0] the parent, then its children */
	int n, P, nonneg;
	long long want[16], sum[16];
	int pick[256];
	long nodes, nsol;
	unsigned set[256][16];
};

static void
wp_dfs(struct wpfit *f, int i)
{
	int o, j, c;

	if (++f->nodes > 200000)
		return;
	if (i == f->n) {
		for (c = 0; c < f->P; c++)
			if (f->sum[c] != f->want[c])
				return;
		f->nsol++;
		for (j = 0; j < f->n; j++)
			for (c = 0; c < f->r[j]->m; c++)
				f->set[j][c] |= 1u << wp_col(f->r[j]->opt[f->pick[j]], c);
		return;
	}
	for (o = 0; o < f->r[i]->nopt; o++) {
		unsigned mask = f->r[i]->opt[o];
		int bad = 0;

		for (j = 0; j < f->r[i]->m; j++) {
			c = wp_col(mask, j);
			f->sum[c] += f->r[i]->v[j];
			if (f->nonneg && f->sum[c] > f->want[c])
				bad = 1;
		}
		f->pick[i] = o;
		if (!bad)
			wp_dfs(f, i + 1);
		for (j = 0; j < f->r[i]->m; j++)
			f->sum[wp_col(mask, j)] -= f->r[i]->v[j];
	}
}

/*
 * Fit the 类 lines of a panel to its total line (本年支出合计, else
 * 支出总计 with 结转下年): every column of the total is the sum of its
 * lines'.  The columns each figure takes over all fits are kept in its
 * set; returns the count of fits (0 also when there were too many to try).
 */
static long
wp_fit(struct wprow **r, int n, int P)
{
	struct wpfit *f;
	long nsol = 0;
	int o, j, c;

	if (n < 2 || n > 256 || P > 16)
		return 0;
	f = ecalloc(1, sizeof *f);
	f->r = r;
	f->n = n;
	f->P = P;
	f->nonneg = 1;
	for (j = 0; j < n; j++) {
		if (!r[j]->ok || r[j]->nopt == 0)
			goto out;
		for (c = 0; c < r[j]->m; c++)
			if (r[j]->v[c] < 0)
				f->nonneg = 0;
	}
	for (o = 0; o < r[0]->nopt; o++) {
		for (c = 0; c < P; c++) {
			f->want[c] = 0;
			f->sum[c] = 0;
		}
		for (j = 0; j < r[0]->m; j++)
			f->want[wp_col(r[0]->opt[o], j)] = r[0]->v[j];
		f->pick[0] = o;
		wp_dfs(f, 1);
	}
	if (f->nodes > 200000)
		goto out;
	nsol = f->nsol;
	for (j = 0; j < n && nsol > 0; j++)
		for (c = 0; c < r[j]->m; c++)
			r[j]->set[c] = f->set[j][c];
out:
	free(f);
	return nsol;
}

static int
wp_one_bit(unsigned s)
{
	return s != 0 && (s & (s - 1)) == 0;
}

/*
 * Panel tables (B01, B04, F01, F04) in single-space text: a line holds the
 * income label, its figure, the expenditure label and its figures, blank
 * cells dropped.  The line is split at the labels the catalogue knows;
 * each panel's figures go to that panel's printed columns.  A panel row
 * that prints fewer figures than columns has them placed where its row
 * identity (合计 = parts), and with it the sum of the 类 lines, leaves one
 * column only (flag inferred-column); any other figure is reported, not
 * guessed, and the row's empty cells are unknown (flag unplaced).
 */
void
read_words_panel(struct pdoc *d, struct tab *tb)
{
	const struct tpl_table *t = tb->t;
	struct lgrid g = { NULL, 0, 0 };
	struct wprow *w = NULL;
	size_t nw = 0, i, e, body = tb->end;
	int cols[16], nc, pc[3][16], np[3] = { 0, 0, 0 }, last[3] = { -1, -1, -1 };
	int p, k, j, rowno = 0;
	char *seen = ecalloc(t->nrows + 1, 1);

	for (i = tb->start; i < tb->end; i++)
		tokenize_words(&g, i, d->line[i]);
	/* the body starts at the first line with a known label and a figure */
	for (i = 0; i < g.n && body == tb->end; i = e) {
		int lab = 0, fig = 0;

		for (e = i; e < g.n && g.t[e].line == g.t[i].line; e++) {
			if (wp_isfig(&g.t[e]))
				fig = 1;
			else {
				char *n = ps_normdup(g.t[e].t);

				for (p = 0; p < 3; p++)
					if (n[0] != '\0' && wp_match(t, p, n, last) >= 0)
						lab = 1;
				free(n);
			}
		}
		if (lab && fig)
			body = g.t[i].line;
	}
	if (body == tb->end) {
		int amount = 0;

		for (i = 0; i < g.n; i++)
			amount |= amount_like(&g.t[i]);
		if (amount)
			warnmsg("%s:%lu: %s: no line of single-space text names a line of the "
			    "table's template, table not read", d->src, d->lineno[tb->title], t->id);
		goto out;
	}
	nc = words_columns(d, tb, tb->start, body, cols);
	{
		char *hdr = estrdup("");

		for (i = tb->start; i < body; i++) {
			char *c = ps_normdup(d->line[i]);

			hdr = erealloc(hdr, strlen(hdr) + strlen(c) + 1);
			strcat(hdr, c);
			free(c);
		}
		rowno = strstr(hdr, "行次") != NULL;
		free(hdr);
	}
	for (p = 0; p < 3; p++) {
		int c0, n;

		panel_cols(t, p, &c0, &n);
		for (k = 0; k < nc; k++)
			if (cols[k] >= c0 && cols[k] < c0 + n)
				pc[p][np[p]++] = cols[k];
	}
	/* rows: each line split at its labels */
	for (i = 0; i < g.n; i = e) {
		size_t a, b, f, q;
		int minp = 0, nofig = 1;

		for (e = i; e < g.n && g.t[e].line == g.t[i].line; e++)
			if (wp_isfig(&g.t[e]))
				nofig = 0;
		if (g.t[i].line < body)
			continue;
		for (a = i; a < e; a = f) {
			size_t end[3];
			int row[3], pan[3], np2, s;

			for (b = a; b < e && !wp_isfig(&g.t[b]); b++)
				;
			for (f = b; f < e && wp_isfig(&g.t[f]); f++)
				;
			np2 = b > a ? wp_split(t, g.t, a, b, minp, last, end, row, pan, 0) : 0;
			/*
			 * An income label the catalogue lacks before an expenditure
			 * label it knows: the figures are the latter's.
			 */
			for (q = a + 1; np2 == 0 && q < b; q++)
				if ((np2 = wp_split(t, g.t, q, b, minp > 1 ? minp : 1, last, end,
				    row, pan, 0)) > 0)
					a = q;
			if (np2 == 0) {
				/* figures under no label the catalogue knows */
				int amount = 0;

				for (q = b; q < f; q++)
					amount |= amount_like(&g.t[q]);
				for (q = b; q < f && (amount || a < b); q++)
					warnmsg("%s:%lu:%d: figure '%s' of %s belongs to no line its "
					    "template names%s, not read", d->src, d->lineno[g.t[q].line],
					    g.t[q].c0 + 1, g.t[q].t, t->id, a < b ? " (its label is "
					    "not the catalogue's)" : "");
				continue;
			}
			for (s = 0; s < np2; s++) {
				struct wprow x;
				size_t from = s == 0 ? a : end[s - 1];

				/* header words repeated after a page break: no second row */
				if (nofig && seen[row[s]])
					continue;
				seen[row[s]] = 1;

				memset(&x, 0, sizeof x);
				x.tpl = row[s];
				x.label = estrdup(t->rows[row[s]].label);
				x.panel = pan[s];
				x.line = g.t[a].line;
				x.col0 = g.t[from].c0;
				x.ok = 1;
				for (k = 0; k < 16; k++)
					x.at[k] = -1;
				last[pan[s]] = row[s];
				minp = pan[s] + 1;
				if (s == np2 - 1) {
					q = b;
					if (rowno && q < f && ps_small_int(g.t[q].t, NULL) &&
					    !amount_like(&g.t[q]) && strlen(g.t[q].t) < sizeof x.rowno)
						strcpy(x.rowno, g.t[q++].t);
					for (; q < f; q++) {
						if (x.m < 16)
							x.fig[x.m] = &g.t[q];
						if (x.m < 16 && wp_value(&g.t[q], &x.v[x.m]) < 0)
							x.ok = 0;
						x.m++;
					}
				}
				w = egrowarray(w, nw, sizeof *w);
				w[nw++] = x;
			}
		}
	}
	/* placements: by the row identity, then by the sum of the 类 lines */
	for (p = 0; p < 3; p++) {
		int lhs = -1, terms[16], nt = 0, hasid;
		const char *rule = NULL;
		struct wprow **grp = NULL;
		int ng = 0, par = -1;

		hasid = wp_ident(t, pc[p], np[p], &lhs, terms, &nt, &rule);
		for (i = 0; i < nw; i++) {
			struct wprow *x = &w[i];

			if (x->panel != p)
				continue;
			if (x->m > np[p]) {
				x->over = 1;
				x->m = x->m > 16 ? 16 : x->m;
				continue;
			}
			wp_options(x, np[p], hasid, lhs, terms, nt);
			for (j = 0; j < x->nopt; j++)
				for (k = 0; k < x->m; k++)
					x->set[k] |= 1u << wp_col(x->opt[j], k);
		}
		/* the total line the 类 lines sum to */
		for (i = 0; i < nw && np[p] > 1; i++)
			if (w[i].panel == p && strcmp(w[i].label, "本年支出合计") == 0)
				par = (int)i;
		for (i = 0; i < nw && np[p] > 1 && par < 0; i++)
			if (w[i].panel == p && strcmp(w[i].label, "支出总计") == 0)
				par = (int)i;
		if (par >= 0 && !w[par].over) {
			grp = egrowarray(grp, (size_t)ng, sizeof *grp);
			grp[ng++] = &w[par];
			for (i = 0; i < nw; i++) {
				const struct tpl_row *r = &t->rows[w[i].tpl];

				if (w[i].panel != p || (int)i == par || w[i].over)
					continue;
				if (r->code != NULL || (strcmp(w[par].label, "支出总计") == 0 &&
				    strchr(r->label, '/') == NULL && strstr(r->label, "合计") == NULL &&
				    strstr(r->label, "总计") == NULL)) {
					grp = egrowarray(grp, (size_t)ng, sizeof *grp);
					grp[ng++] = &w[i];
				}
			}
			if (ng > 1)
				wp_fit(grp, ng, np[p]);
		}
		free(grp);
		for (i = 0; i < nw; i++) {
			struct wprow *x = &w[i];
			char who[300];

			if (x->panel != p)
				continue;
			snprintf(who, sizeof who, "row %s of %s", x->label, t->id);
			for (j = 0; j < x->m && j < 16; j++) {
				if (!x->over && wp_one_bit(x->set[j])) {
					x->at[j] = wp_col(x->set[j], 0);
					continue;
				}
				x->lost = 1;
				if (x->over)
					warnmsg("%s:%lu:%d: figure '%s' of %s: the row prints %d figures "
					    "for its panel's %d columns, not read", d->src,
					    d->lineno[x->fig[j]->line], x->fig[j]->c0 + 1, x->fig[j]->t,
					    who, x->m, np[p]);
				else if (x->nopt == 0)
					warnmsg("%s:%lu:%d: figure '%s' of %s: no placement of the row's "
					    "figures satisfies %s, not read", d->src,
					    d->lineno[x->fig[j]->line], x->fig[j]->c0 + 1, x->fig[j]->t,
					    who, rule != NULL ? rule : "its identity");
				else
					warnmsg("%s:%lu:%d: figure '%s' of %s: its column is not placed by "
					    "any identity (the row prints fewer figures than columns), "
					    "not read", d->src, d->lineno[x->fig[j]->line],
					    x->fig[j]->c0 + 1, x->fig[j]->t, who);
			}
		}
	}
	/* cells, panel by panel */
	for (p = 0; p < 3; p++)
		for (i = 0; i < nw; i++) {
			struct wprow *x = &w[i];

			if (x->panel != p || np[p] == 0)
				continue;
			for (k = 0; k < np[p]; k++) {
				const struct ltok *f = NULL;
				const char *fl = "";

				for (j = 0; j < x->m && j < 16; j++)
					if (x->at[j] == k)
						f = x->fig[j];
				if (f != NULL && x->m < np[p] && k > 0)
					fl = "inferred-column";
				else if (f == NULL && x->lost)
					fl = "unplaced";
				ps_emit_cell(d, tb, "", x->label, x->rowno, pc[p][k], "",
				    f != NULL ? f->t : "", fl, d->lineno[x->line],
				    (unsigned long)((f != NULL ? f->c0 : x->col0) + 1), p);
			}
		}
out:
	for (i = 0; i < nw; i++) {
		free(w[i].label);
		free(w[i].opt);
	}
	free(w);
	free(seen);
	lgrid_free(&g);
}

/* ---- tables printed as a list of labels and one amount --------------------- */

/*
 * The item whose (normalised) name the normalised text t of a line holds:
 * the one that ends last, the longest on a tie; else one whose name a
 * wrapped label begins, four characters of it or more ending the text.
 * Returns the index of the first item with that name, or -1.
 */
static int
list_match(char *const *names, size_t n, const char *t)
{
	size_t j, tl = strlen(t), bestend = 0, bestlen = 0, len;
	int best = -1;

	for (j = 0; j < n; j++) {
		const char *p = strstr(t, names[j]), *q;
		size_t nl = strlen(names[j]), end;

		if (p == NULL)
			continue;
		while ((q = strstr(p + 1, names[j])) != NULL)
			p = q;
		end = (size_t)(p - t) + nl;
		if (best < 0 || end > bestend || (end == bestend && nl > bestlen)) {
			best = (int)j;
			bestend = end;
			bestlen = nl;
		}
	}
	if (best >= 0)
		return best;
	for (j = 0; j < n; j++)
		for (len = strlen(names[j]); len-- > 12;)
			if (len <= tl && strncmp(t + tl - len, names[j], len) == 0 &&
			    (len > bestlen || best < 0)) {
				best = (int)j;
				bestlen = len;
				break;
			}
	return best;
}

/* do two items of the list share a name (小计)? */
static int
list_shares(char *const *names, size_t n)
{
	size_t a, b;

	for (a = 0; a < n; a++)
		for (b = a + 1; b < n; b++)
			if (strcmp(names[a], names[b]) == 0)
				return 1;
	return 0;
}

/* how many items does the text name, each once, without overlap? */
static int
list_count(char *const *names, size_t n, const char *t)
{
	size_t j, k;
	int c = 0;

	for (j = 0; j < n; j++) {
		const char *p = strstr(t, names[j]);

		if (p == NULL)
			continue;
		/* a name inside a longer one named too is not another */
		for (k = 0; k < n; k++)
			if (k != j && strlen(names[k]) > strlen(names[j]) &&
			    strstr(names[k], names[j]) != NULL && strstr(t, names[k]) != NULL)
				break;
		if (k < n)
			continue;
		for (k = 0; k < j; k++)	/* a name several items share counts once */
			if (strcmp(names[k], names[j]) == 0)
				break;
		c += k == j;
	}
	return c;
}

int
read_list_table(struct pdoc *d, struct tab *tb)
{
	const struct tpl_litem *li = tb->t->list;
	struct lgrid g = { NULL, 0, 0 };
	size_t ni, i, j, nl = tb->end - tb->start;
	char **names;
	int *item, *at, found = 0, prev, q, k;
	const struct ltok **fig, **pend = NULL;
	size_t npend = 0;

	if (li == NULL || nl == 0)
		return 0;
	for (ni = 0; li[ni].row != NULL; ni++)
		;
	names = ecalloc(ni, sizeof *names);
	for (j = 0; j < ni; j++)
		names[j] = ps_normdup(li[j].match);
	item = ecalloc(nl, sizeof *item);	/* per line: the item it names, or -1 */
	at = ecalloc(ni, sizeof *at);		/* per item: its line + 1, or 0 */
	fig = ecalloc(ni, sizeof *fig);
	for (i = 0; i < nl; i++) {
		char *c = estrdup(d->line[tb->start + i]), *p;
		size_t before = g.n;

		for (p = c; *p != '\0'; p++)
			if (*p == '\t')
				*p = ' ';
		tokenize(&g, tb->start + i, c);
		free(c);
		item[i] = -1;
		{
			char txt[512] = "", *n;
			size_t tl = 0;

			for (j = before; j < g.n; j++) {
				char code[8];

				/* a code at the margin: a code table, not a list */
				if (j == before && g.t[j].fig && ps_code_of(g.t[j].t, code))
					goto no;
				if (!g.t[j].fig && tl + strlen(g.t[j].t) < sizeof txt) {
					strcpy(txt + tl, g.t[j].t);
					tl += strlen(g.t[j].t);
				}
			}
			if (tl == 0)
				continue;
			n = ps_normdup(txt);
			/* a line naming two items is a header over columns: no list */
			if (list_count(names, ni, n) >= 2) {
				free(n);
				goto no;
			}
			/* "公开03表": the next table's number, not a row */
			if (strstr(n, "表") != NULL)
				for (j = before; j < g.n; j++)
					g.t[j].fig = 0;
			item[i] = list_match(names, ni, n);
			free(n);
		}
	}
	/*
	 * The list is there when its first item, the total, is, and two
	 * lines or more name a group's first item (小计): a header that
	 * names 收入总计 and 事业收入 over columns is not a list.
	 */
	{
		int shared = 0;

		for (i = 0; i < nl; i++)
			if (item[i] > 0) {
				for (j = 0; j < ni; j++)
					if (j != (size_t)item[i] && strcmp(names[j], names[item[i]]) == 0)
						break;
				shared += j < ni;
			}
		for (i = 0; i < nl; i++)
			if (item[i] == 0)
				break;
		if (i == nl || (list_shares(names, ni) && shared < 2))
			goto no;
	}
	/*
	 * A name several groups share (小计) is the group's whose items
	 * follow it, else the next group after the one before it.
	 */
	prev = 0;
	for (i = 0; i < nl; i++) {
		int m = item[i], g2 = -1;
		size_t l2;

		if (m < 0)
			continue;
		for (j = 0; j < ni; j++)
			if (j != (size_t)m && strcmp(names[j], names[m]) == 0)
				break;
		if (j < ni) {
			for (l2 = i + 1; l2 < nl && g2 < 0; l2++)
				if (item[l2] >= 0 && strcmp(names[item[l2]], names[m]) == 0)
					break;
				else if (item[l2] >= 0)
					g2 = li[item[l2]].group;
			if (g2 <= prev)
				g2 = -1;
			for (j = 0, m = -1; j < ni; j++)
				if (strcmp(names[j], names[item[i]]) == 0 && li[j].group > prev &&
				    (g2 < 0 ? m < 0 : li[j].group == g2))
					m = (int)j;
			item[i] = m;
		}
		if (m < 0)
			continue;
		if (at[m] != 0) {	/* named twice: the second is no row */
			item[i] = -1;
			continue;
		}
		at[m] = (int)i + 1;
		prev = li[m].group;
		found++;
	}
	/* one amount column: a line naming an item with two figures is a row of a grid */
	for (j = 0; j + 1 < g.n; j++)
		if (g.t[j].fig && g.t[j + 1].fig && g.t[j].line == g.t[j + 1].line &&
		    item[g.t[j].line - tb->start] >= 0) {
			found = 0;
			goto no;
		}
	/* figures: to the item of their line, else to the nearest item without one */
	for (j = 0; j < g.n; j++) {
		const struct ltok *t = &g.t[j];
		int m = item[t->line - tb->start];

		if (!t->fig)
			continue;
		/* a line of a small number alone is a page number */
		if (m < 0 && ps_small_int(t->t, NULL) && (j == 0 || g.t[j - 1].line != t->line) &&
		    (j + 1 == g.n || g.t[j + 1].line != t->line))
			continue;
		if (m >= 0 && fig[m] == NULL) {
			fig[m] = t;
		} else if (m >= 0) {
			warnmsg("%s:%lu:%d: figure '%s' outside the columns of %s, not read",
			    d->src, d->lineno[t->line], t->c0 + 1, t->t, tb->t->id);
		} else {
			pend = egrowarray(pend, npend, sizeof *pend);
			pend[npend++] = t;
		}
	}
	for (j = 0; j < npend; j++) {
		const struct ltok *t = pend[j];
		long bd = 1L << 30;
		int best = -1;

		for (k = 0; k < (int)ni; k++) {
			long dd;

			if (at[k] == 0 || fig[k] != NULL)
				continue;
			dd = (long)(tb->start + (size_t)at[k] - 1) - (long)t->line;
			/*
			 * on a tie the one above: the 2019 江苏省高级人民法院 prints
			 * each figure a little below its item's line
			 */
			dd = dd < 0 ? -2 * dd - 1 : 2 * dd;
			if (dd < bd) {
				bd = dd;
				best = k;
			}
		}
		if (best >= 0 && bd <= 4)
			fig[best] = t;
		else
			warnmsg("%s:%lu:%d: figure '%s' belongs to no row of %s, not read",
			    d->src, d->lineno[t->line], t->c0 + 1, t->t, tb->t->id);
	}
	for (k = 0; k < (int)ni; k++) {
		size_t line;

		if (at[k] == 0)
			continue;
		line = fig[k] != NULL ? fig[k]->line : tb->start + (size_t)at[k] - 1;
		q = tpl_col_index(tb->t, li[k].col != NULL ? li[k].col : "合计");
		ps_emit_cell(d, tb, "", li[k].row, "", q, "", fig[k] != NULL ? fig[k]->t : "", "",
		    d->lineno[line], (unsigned long)(fig[k] != NULL ? fig[k]->c0 + 1 : 1), 0);
	}
	free(pend);
no:
	for (j = 0; j < ni; j++)
		free(names[j]);
	free(names);
	free(item);
	free(at);
	free(fig);
	lgrid_free(&g);
	return found > 0;
}

/* ---- pdftotext without -layout: one cell per line ------------------------- */

/*
 * A code table of one-cell-per-line text: a code alone on its line starts
 * a row, the lines after it up to its figures are its name (wrapped), its
 * figures follow, and a line of words after the figures is no longer the
 * row's (a header repeated on the next page).  The figures printed before
 * the first code, under the header, are the 合计 row's when the header
 * names 合计.  Rows joined so, one line each with single spaces, are the
 * single-space layout, read by the code hierarchy (read_words_table):
 * empty cells are dropped here as there.
 */
/*
 * The template column a header line (with the line after it, when the
 * name is wrapped) names, or -1; *two is set when both lines were used.
 * Shanghai heads 小计 合计.
 */
static int
plain_col(const struct tpl_table *t, const char *l, const char *next, int *two)
{
	char *n = ps_normdup(l), *nn = NULL;
	size_t k;
	int hit = -1;

	*two = 0;
	if (next != NULL) {
		char *j = emalloc(strlen(l) + strlen(next) + 1);

		strcpy(j, l);
		strcat(j, next);
		nn = ps_normdup(j);
		free(j);
	}
	for (k = 0; k < t->ncols && hit < 0; k++) {
		const char *c = t->cols[k];

		if (strcmp(n, c) == 0 || (strcmp(c, "小计") == 0 && strcmp(n, "合计") == 0))
			hit = (int)k;
		else if (nn != NULL && strcmp(nn, c) == 0) {
			hit = (int)k;
			*two = 1;
		}
	}
	free(n);
	free(nn);
	return hit;
}

static int lone_fig(const char *);

/* the word at p (up to a space) is an amount */
static int
lone_fig_word(const char *p)
{
	size_t n = strcspn(p, " ");

	return n > 0 && figlike(p, n) && memchr(p, '.', n) != NULL;
}

/* does the table's region, up to the next title, print an amount? */
static int
region_figs(const struct pdoc *d, const struct tab *tb)
{
	size_t i;

	for (i = tb->start; i < tb->limit && i < d->nline; i++) {
		const char *p = d->line[i];

		while (*p == ' ')
			p++;
		if (lone_fig(p))
			return 1;
	}
	return 0;
}

/*
 * Does code (its first cl bytes) come in tree order after the codes
 * before it: a 款 after its 类, a 项 after its 款?  last[0] and last[1]
 * keep the last 类 and 款 seen.
 */
static int
in_tree_order(const char *code, size_t cl, char last[2][8])
{
	int ok = !((cl >= 5 && strncmp(code, last[0], 3) != 0) ||
	    (cl == 7 && strncmp(code, last[1], 5) != 0));

	if (cl == 3)
		snprintf(last[0], 8, "%.3s", code);
	else if (cl == 5)
		snprintf(last[1], 8, "%.5s", code);
	return ok;
}

/* is the trimmed line a figure alone / a code alone? */
static int
lone_fig(const char *l)
{
	return *l != '\0' && strchr(l, ' ') == NULL && !txt_has_cjk(l) &&
	    (strchr(l, '.') != NULL || strchr(l, ',') != NULL) && figlike(l, strlen(l));
}

static int
lone_code(const char *l, char code[8])
{
	return strchr(l, ' ') == NULL && strspn(l, "0123456789") == strlen(l) &&
	    ps_code_of(l, code);
}

static int
code_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/*
 * Sorted codes, each once, every 款 under a printed 类 and every 项 under
 * a printed 款: a tree whose order is its sort order.
 */
static int
tree_complete(char (*codes)[8], size_t nc)
{
	size_t i, j;

	for (i = 0; i < nc; i++) {
		size_t l = strlen(codes[i]);
		int parent = l == 3;

		if (i > 0 && strcmp(codes[i - 1], codes[i]) == 0)
			return 0;
		for (j = 0; j < i && !parent; j++)
			parent = strlen(codes[j]) == l - 2 && strncmp(codes[j], codes[i], l - 2) == 0;
		if (!parent)
			return 0;
	}
	return 1;
}

static long long
str_cents(const char *s)
{
	struct ltok tk;

	tk.t = (char *)s;
	return fig_cents(&tk);
}

/*
 * The figures of the sorted codes, nk a row, the total's row first
 * (totfirst 1), last (0) or none (-1): in every column each 类 and 款
 * printed with children equals their sum, and the total the sum of the
 * 类, within a cent a term.
 */
static int
tree_sums(char (*codes)[8], size_t nc, const char **fig, size_t nk, int totfirst)
{
	size_t r, c, q, off = totfirst == 1;

	for (r = 0; r <= nc; r++) {
		const char *pc = r < nc ? codes[r] : "";
		size_t pl = strlen(pc), pg = r < nc ? r + off : (totfirst == 1 ? 0 : nc);

		if (r == nc && totfirst < 0)
			break;
		if (pl == 7)
			continue;
		for (q = 0; q < nk; q++) {
			long long sum = 0, n = 0, v = str_cents(fig[pg * nk + q]);

			for (c = 0; c < nc; c++)
				if (strlen(codes[c]) == (pl ? pl + 2 : 3) && strncmp(codes[c], pc, pl) == 0) {
					sum += str_cents(fig[(c + off) * nk + q]);
					n++;
				}
			if (n > 0 && (v < 0 || v - sum > n || sum - v > n))
				return 0;
		}
	}
	return 1;
}

/*
 * One cell per line, but every row printing the same number of figures,
 * as many as the header words before the first figure name columns: the
 * figures, in order, are the rows' in order, k at a time, whether
 * pdftotext wrote each row's cells together or the codes, the names and
 * the figures of a block each in a run.  The 合计 row's group is the
 * first when its label comes before the codes, else the last.  Each
 * group's first figure must be the sum of the others (the total column
 * first, within a cent a term), or nothing is taken.  Returns 1 when
 * the table was read so.
 */
static int
plain_groups(struct pdoc *d, struct tab *tb)
{
	const struct tpl_table *t = tb->t;
	int cols[16], nk = 0, printed[16] = { 0 }, two, ok = 1, totfirst = -1, sorted = 0;
	size_t i, nc = 0, nf = 0, g, r, q;
	char (*codes)[8] = NULL;
	const char **fig = NULL;
	unsigned long *figl = NULL, *codel = NULL;
	char **names = NULL;
	size_t firstfig = tb->end, firstcode = tb->end;

	for (i = tb->start; i < tb->end; i++) {
		const char *l = d->line[i];
		char code[8];
		int c;

		while (*l == ' ')
			l++;
		if (*l == '\0')
			continue;
		if (lone_code(l, code)) {
			codes = egrowarray(codes, nc, sizeof *codes);
			names = egrowarray(names, nc, sizeof *names);
			codel = egrowarray(codel, nc, sizeof *codel);
			memcpy(codes[nc], code, 8);
			names[nc] = NULL;
			codel[nc++] = d->lineno[i];
			if (firstcode == tb->end)
				firstcode = i;
			continue;
		}
		if (lone_fig(l)) {
			fig = egrowarray(fig, nf, sizeof *fig);
			figl = egrowarray(figl, nf, sizeof *figl);
			fig[nf] = l;
			figl[nf++] = d->lineno[i];
			if (firstfig == tb->end)
				firstfig = i;
			continue;
		}
		if (!txt_has_cjk(l))
			continue;
		{
			const char *next = NULL;
			size_t j;

			for (j = i + 1; j < tb->end && next == NULL; j++)
				if (d->line[j][strspn(d->line[j], " ")] != '\0')
					next = d->line[j] + strspn(d->line[j], " ");
			c = plain_col(t, l, next != NULL && txt_has_cjk(next) ? next : NULL, &two);
			/* 合计 heads 小计 once, in the header; after it, it labels the total */
			if (c >= 0 && c < 16 && (strcmp(l, "合计") == 0 || strcmp(l, "总计") == 0) &&
			    (printed[c] || firstfig < tb->end))
				c = -1;
			if (c >= 0 && c < 16) {
				if (!printed[c] && i < firstfig && nk < 16)
					cols[nk++] = c;
				printed[c] = 1;
				if (two)
					i = j - 1;
				continue;
			}
			if (strcmp(l, "合计") == 0 || strcmp(l, "总计") == 0) {
				totfirst = i < firstcode ? (i < firstfig || firstfig < firstcode) : 0;
				continue;
			}
			/* a name: the last code's, while its figures have not begun */
			if (nc > 0 && (nf == 0 || figl[nf - 1] < codel[nc - 1])) {
				size_t ol = names[nc - 1] ? strlen(names[nc - 1]) : 0;

				names[nc - 1] = erealloc(names[nc - 1], ol + strlen(l) + 1);
				strcpy(names[nc - 1] + ol, l);
			}
		}
	}
	if (nk < 2 || nc == 0 || nf != (size_t)nk * (nc + (totfirst >= 0)))
		ok = 0;
	/*
	 * The codes in tree order, each after its parent and its parent's
	 * parent: pdftotext also writes a column's cells out of order, and
	 * the figures could then not be the codes' in turn.
	 */
	{
		char last[2][8] = { "", "" };
		int tree = 1;

		for (i = 0; ok && tree && i < nc; i++)
			tree = in_tree_order(codes[i], strlen(codes[i]), last);
		/*
		 * Codes out of order, figures in rows: pdftotext wrote the code
		 * column in several runs but the rows' figures top to bottom.
		 * The codes sorted are the printed order of a complete tree, and
		 * the figures are theirs if every parent then sums its children
		 * (checked below).  The names cannot be told apart from the
		 * runs: a code's is the one a table before printed beside it
		 * (支出决算表 prints every code), else a 类's from the catalogue.
		 */
		if (ok && !tree) {
			sorted = 1;
			qsort(codes, nc, sizeof *codes, code_cmp);
			ok = tree_complete(codes, nc);
			for (i = 0; i < nc; i++) {
				free(names[i]);
				names[i] = NULL;
			}
		}
	}
	/* every group: the total column first, equal to the sum of the rest */
	for (g = 0; ok && g < nf / (size_t)nk; g++) {
		struct ltok tk;
		long long sum = 0, first = 0;

		for (q = 0; q < (size_t)nk; q++) {
			tk.t = (char *)fig[g * (size_t)nk + q];
			if (q == 0)
				first = fig_cents(&tk);
			else
				sum += fig_cents(&tk);
		}
		/* printed figures are rounded: a cent per term either way */
		if (first - sum > nk - 1 || sum - first > nk - 1)
			ok = 0;
	}
	if (ok && sorted)
		ok = tree_sums(codes, nc, fig, (size_t)nk, totfirst);
	if (ok) {
		size_t ng = nf / (size_t)nk;

		for (r = 0; r < ng; r++) {
			int tot = totfirst >= 0 && (totfirst ? r == 0 : r == ng - 1);
			size_t row = totfirst == 1 ? r - (r > 0) : r;
			const char *code = tot ? "" : codes[row];
			const char *other = tot ? NULL : ps_code_name(d, code);
			char *label = tot ? estrdup("合计") : names[row] ? ps_labeldup(names[row]) :
			    other != NULL ? estrdup(other) :
			    estrdup(strlen(code) == 3 && tpl_class_name(code) ? tpl_class_name(code) : "");
			unsigned long line = figl[r * (size_t)nk];
			size_t k;

			for (k = 0; k < t->ncols && k < 16; k++) {
				const char *raw = "";

				if (!printed[k])
					continue;
				for (q = 0; q < (size_t)nk; q++)
					if (cols[q] == (int)k) {
						raw = fig[r * (size_t)nk + q];
						line = figl[r * (size_t)nk + q];
					}
				ps_emit_cell(d, tb, code, label, "", (int)k, "", raw, "", line, 1, 0);
			}
			free(label);
		}
	}
	for (i = 0; i < nc; i++)
		free(names[i]);
	free(names);
	free(codes);
	free(codel);
	free(fig);
	free(figl);
	return ok;
}

void
read_plain_code(struct pdoc *d, struct tab *tb)
{
	struct pdoc td = *d;
	struct tab tt = *tb;
	char **jl = NULL;
	unsigned long *jn = NULL;
	size_t nj = 0, i, cur = (size_t)-1;
	int figs = 0, seen_code = 0, total = 0;
	char *pre = NULL;		/* figures before the first code */
	size_t prelen = 0;
	unsigned long preline = 0;

	if (plain_groups(d, tb)) {
		for (i = tb->start; i < tb->end; i++)
			d->skip[i] = 1;
		return;
	}
	jl = egrowarray(jl, nj, sizeof *jl);
	jn = egrowarray(jn, nj, sizeof *jn);
	jl[nj] = estrdup(d->line[tb->title]);
	jn[nj++] = d->lineno[tb->title];
	for (i = tb->start; i < tb->end; i++) {
		const char *l = d->line[i];
		char code[8];
		size_t ll;

		while (*l == ' ')
			l++;
		if (*l == '\0')
			continue;
		ll = strlen(l);
		d->skip[i] = 1;
		if (lone_code(l, code)) {
			jl = egrowarray(jl, nj, sizeof *jl);
			jn = egrowarray(jn, nj, sizeof *jn);
			jl[nj] = estrdup(l);
			jn[nj] = d->lineno[i];
			cur = nj++;
			figs = 0;
			seen_code = 1;
			continue;
		}
		if (!seen_code) {
			char *n = ps_normdup(l);

			if (strcmp(n, "合计") == 0 || strcmp(n, "总计") == 0)
				total = 1;
			free(n);
			/* amounts under the header: the total row's */
			if (strchr(l, ' ') == NULL && !txt_has_cjk(l) && (strchr(l, '.') || strchr(l, ','))) {
				pre = erealloc(pre, prelen + ll + 2);
				pre[prelen++] = ' ';
				memcpy(pre + prelen, l, ll + 1);
				prelen += ll;
				if (preline == 0)
					preline = d->lineno[i];
			}
			continue;
		}
		if (cur == (size_t)-1)
			continue;
		if (txt_has_cjk(l) && figs > 0) {
			cur = (size_t)-1;	/* words after the figures: not this row's */
			continue;
		}
		if (!txt_has_cjk(l))
			figs++;
		jl[cur] = erealloc(jl[cur], strlen(jl[cur]) + ll + 2);
		strcat(jl[cur], " ");
		strcat(jl[cur], l);
	}
	if (pre != NULL && total) {
		/* the 合计 row goes first, as printed */
		jl = egrowarray(jl, nj, sizeof *jl);
		jn = egrowarray(jn, nj, sizeof *jn);
		memmove(jl + 2, jl + 1, (nj - 1) * sizeof *jl);
		memmove(jn + 2, jn + 1, (nj - 1) * sizeof *jn);
		jl[1] = emalloc(strlen("合计") + prelen + 1);
		strcpy(jl[1], "合计");
		strcat(jl[1], pre);
		jn[1] = preline;
		nj++;
	} else if (pre != NULL) {
		char *p, *q = pre;

		/* figures under a header without 合计: no row to give them to */
		while ((p = strtok(q, " ")) != NULL) {
			q = NULL;
			warnmsg("%s:%lu: figure '%s' belongs to no row of %s, not read",
			    d->src, preline, p, tb->t->id);
		}
	}
	free(pre);
	/*
	 * A code row without a figure, or codes out of tree order: pdftotext
	 * wrote the table a column at a time, out of order, and no row can
	 * be trusted with the figures that follow it.
	 */
	{
		char last[2][8] = { "", "" };
		size_t r;
		int scrambled = 0;

		for (r = 1; r < nj && !scrambled; r++) {
			const char *sp = strchr(jl[r], ' ');
			size_t cl = sp != NULL ? (size_t)(sp - jl[r]) : strlen(jl[r]);
			int anyfig = 0;
			const char *p;

			if (strncmp(jl[r], "合计", strlen("合计")) == 0)
				continue;
			for (p = jl[r]; p != NULL; p = strchr(p + 1, ' '))
				if (p != jl[r] && lone_fig_word(p + 1))
					anyfig = 1;
			if (!anyfig || !in_tree_order(jl[r], cl, last))
				scrambled = 1;
		}
		if (scrambled) {
			if (region_figs(d, tb))
				warnmsg("%s:%lu: %s: text of one cell per line (pdftotext without "
				    "-layout) does not keep this table's rows, table not read; "
				    "run pdftotext -layout", d->src, d->lineno[tb->title], tb->t->id);
			goto out;
		}
	}
	td.line = jl;
	td.lineno = jn;
	td.nline = nj;
	tt.title = 0;
	tt.start = 1;
	tt.end = nj;
	read_words_table(&td, &tt);
	d->ncells = td.ncells;
	d->toobig = td.toobig;
	tb->oc = tt.oc;
	tb->noc = tt.noc;
	tb->coc = tt.coc;
out:
	for (i = 0; i < nj; i++)
		free(jl[i]);
	free(jl);
	free(jn);
}

/*
 * A panel table (F01) of one-cell-per-line text, each panel one column.
 * pdftotext writes the labels in blocks and the figures among them,
 * mostly right after their own label, but not always (the tail of
 * Shanghai's 收入支出决算总表 is out of order).  A figure's printed
 * label is the template row whose label is the last before it (header
 * words between skipped; a figure after a figure has none).  Every
 * figure of the region must be some printed row's, one a row, and every
 * identity of the table hold (the catalogue's column sums and 本年支出合计
 * = the 类 lines, a cent a term); of those readings, the ones that keep
 * the most figures at their printed label are taken.  A row is read where
 * they all give it the same figure, blank where they all give it none;
 * else its cell is flagged `unplaced` and its figures are reported with
 * the rows they could be.  No reading, or too many to try: 0, the
 * table is not read.  F04's expenditure panel of four columns: pf_read.
 */
#define PP_MAXF 64
#define PP_MAXSOL 256
#define PP_MAXSTEPS 600000	/* an invented F01 takes 530,000 */

struct ppid {
	int lhs, nt, t[32], sg[32];
};

struct pp {
	int nrow, nf, nid, nonneg;
	int *printed;		/* row: line index of its label, -1 */
	long long v[PP_MAXF];
	int pos[PP_MAXF][2];	/* printed label's rows (two where "总计" names both), -1 */
	int at[PP_MAXF];	/* row of figure, -1 */
	int *cell;		/* row: figure, -1 */
	struct ppid id[8];
	int keep[PP_MAXF];	/* 1: at its printed label in this pass */
	long nodes;
	int nsol, over;
	int (*sol)[PP_MAXF];
};

static int
pp_ok(struct pp *x, int leaf)
{
	int i, k;
	long long maxleft = -1;	/* the largest figure not yet placed, when needed */

	for (i = 0; i < x->nid; i++) {
		const struct ppid *id = &x->id[i];
		long long s = 0, l;
		int nz = 0, f, neg = 0;

		for (k = 0; k < id->nt; k++) {
			if ((f = x->cell[id->t[k]]) < 0)
				continue;
			s += id->sg[k] * x->v[f];
			nz++;
			neg |= id->sg[k] < 0;
		}
		f = x->cell[id->lhs];
		l = f >= 0 ? x->v[f] : 0;
		nz += f >= 0;
		if (leaf) {
			if (llabs(l - s) > nz)
				return 0;
		} else if (x->nonneg && !neg) {
			if (f >= 0 && s > l + id->nt + 1)
				return 0;
			if (f < 0 && maxleft < 0)
				for (k = 0, maxleft = 0; k < x->nf; k++)
					if (x->at[k] < 0 && x->v[k] > maxleft)
						maxleft = x->v[k];
			if (f < 0 && s > maxleft + id->nt + 1)
				return 0;
		}
	}
	return 1;
}

/* one more step of the search, or 0 once it has taken too many (over) */
static int
pp_step(struct pp *x)
{
	if (x->over || ++x->nodes > PP_MAXSTEPS) {
		x->over = 1;
		return 0;
	}
	return 1;
}

static void
pp_dfs(struct pp *x, int k)
{
	int r;

	if (!pp_step(x))
		return;
	while (k < x->nf && x->at[k] >= 0)
		k++;
	if (k == x->nf) {
		if (!pp_ok(x, 1))
			return;
		if (x->nsol == PP_MAXSOL) {
			x->over = 1;
			return;
		}
		memcpy(x->sol[x->nsol++], x->at, sizeof x->at);
		return;
	}
	for (r = 0; r < x->nrow; r++) {
		/* an unkept figure off its printed label */
		if (x->printed[r] < 0 || x->cell[r] >= 0 || r == x->pos[k][0] || r == x->pos[k][1])
			continue;
		x->cell[r] = k;
		x->at[k] = r;
		if (pp_ok(x, 0))
			pp_dfs(x, k + 1);
		x->cell[r] = -1;
		x->at[k] = -1;
	}
}

/* the kept figures at their labels (two choices where a label names two rows) */
static void
pp_kept(struct pp *x, int k)
{
	int j;

	if (!pp_step(x))
		return;
	while (k < x->nf && !x->keep[k])
		k++;
	if (k == x->nf) {
		if (pp_ok(x, 0))
			pp_dfs(x, 0);
		return;
	}
	for (j = 0; j < 2; j++) {
		int r = x->pos[k][j];

		if (r < 0 || x->printed[r] < 0 || x->cell[r] >= 0)
			continue;
		x->cell[r] = k;
		x->at[k] = r;
		pp_kept(x, k + 1);
		x->cell[r] = -1;
		x->at[k] = -1;
	}
}

/*
 * The expenditure panel of several columns (F04: 支出合计 and its three
 * fund columns).  A row's figures come together, its 合计 first, then its
 * parts (F04.4: 合计 = their sum, a cent a term), in columns the
 * identities cannot tell apart: they are symmetric in the three funds.
 * So a reading is a split of the figures, in the order printed, into runs:
 * one figure a row of the one-column panel, a 合计 and 0..3 parts a row of
 * the other; the column identities are checked on the 合计s alone.  Of
 * the readings, those that keep the most runs at their printed label are
 * taken.
 */
#define PF_MAXSOL 4096
#define PF_MAXNODES 2000000L	/* past it the table is not read */

struct pf {
	struct pp *x;
	const struct tpl_table *t;
	int multi;		/* panel of several columns */
	int role[PP_MAXF];	/* 0 a row's 合计 (or its one figure), 1 a part */
	int *npart;		/* row: parts */
	int nlab[PP_MAXF + 1];	/* labelled figures from k on */
	int score, best, nsol, over;
	int (*sat)[PP_MAXF], (*srole)[PP_MAXF], (*snp)[128];
};

static void
pf_dfs(struct pf *f, int k, int score)
{
	struct pp *x = f->x;
	int r, m, j, pass;

	if (f->over || ++x->nodes > PF_MAXNODES) {
		f->over = 1;
		return;
	}
	if (score + f->nlab[k] < f->best)
		return;
	if (k == x->nf) {
		if (!pp_ok(x, 1))
			return;
		if (score > f->best) {
			f->best = score;
			f->nsol = 0;
		}
		if (f->nsol == PF_MAXSOL) {
			f->over = 1;
			return;
		}
		memcpy(f->sat[f->nsol], x->at, sizeof x->at);
		memcpy(f->srole[f->nsol], f->role, sizeof f->role);
		for (r = 0; r < x->nrow && r < 128; r++)
			f->snp[f->nsol][r] = f->npart[r];
		f->nsol++;
		return;
	}
	/* its printed label's rows first, the rest after */
	for (pass = 0; pass < 2; pass++)
		for (r = 0; r < x->nrow; r++) {
			int lab = r == x->pos[k][0] || r == x->pos[k][1];

			if (lab != (pass == 0) || x->printed[r] < 0 || x->cell[r] >= 0)
				continue;
			if (f->t->rows[r].panel != f->multi) {
				x->cell[r] = k;
				x->at[k] = r;
				f->role[k] = 0;
				if (pp_ok(x, 0))
					pf_dfs(f, k + 1, score + lab);
				x->cell[r] = -1;
				x->at[k] = -1;
				continue;
			}
			for (m = 0; m <= 3 && k + m < x->nf; m++) {
				long long s = 0;

				/* a part follows its 合计: no label between */
				if (m > 0 && x->pos[k + m][0] >= 0)
					break;
				for (j = 1; j <= m; j++)
					s += x->v[k + j];
				if (llabs(x->v[k] - s) > m + 1)
					continue;
				x->cell[r] = k;
				f->npart[r] = m;
				for (j = 0; j <= m; j++) {
					x->at[k + j] = r;
					f->role[k + j] = j > 0;
				}
				if (pp_ok(x, 0))
					pf_dfs(f, k + m + 1, score + lab);
				for (j = 0; j <= m; j++) {
					x->at[k + j] = -1;
					f->role[k + j] = 0;
				}
				f->npart[r] = 0;
				x->cell[r] = -1;
			}
		}
}

/* every subset of the labelled figures of size s, as keep[] */
static void
pp_subsets(struct pp *x, const int *lab, int nl, int s, int from)
{
	int i;

	if (!pp_step(x))
		return;
	if (s == 0) {
		pp_kept(x, 0);
		return;
	}
	for (i = from; i <= nl - s; i++) {
		x->keep[lab[i]] = 1;
		pp_subsets(x, lab, nl, s - 1, i + 1);
		x->keep[lab[i]] = 0;
	}
}

static int
pp_row(const struct tpl_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].label, name) == 0)
			return (int)i;
	return -1;
}

/* a dash alone: a figure, nil */
static int
pp_dash(const char *l)
{
	const char *p = l;

	while (*p == '-' || strncmp(p, "—", 3) == 0 || strncmp(p, "－", 3) == 0)
		p += *p == '-' ? 1 : 3;
	return *p == '\0' && p != l;
}

/* words of a panel table's header, its unit or its note (normalised n, printed l) */
static int
pp_header(const struct tpl_table *t, const char *n, const char *l)
{
	static const char *const w[] = { "项目", "收入", "支出", "决算数", "预算数", "金额",
	    "行次", "栏次", "合计", NULL };
	size_t k;

	if (n[0] == '\0' || strncmp(l, "注", strlen("注")) == 0 ||
	    strncmp(l, "单位", strlen("单位")) == 0 || strstr(l, "决算表") != NULL ||
	    strstr(l, "决算总表") != NULL)
		return 1;
	for (k = 0; w[k] != NULL; k++)
		if (strcmp(n, w[k]) == 0)
			return 1;
	for (k = 0; k < t->ncols; k++)
		if (strcmp(n, t->cols[k]) == 0)
			return 1;
	return 0;
}

/*
 * F04's shape: two panels, the second's 合计 the sum of its three other
 * columns by an identity (F04.4).  B04, whose third panel is 支出用途, is
 * not tried.
 */
static int
pf_shape(const struct tpl_table *t)
{
	size_t i;
	int k;

	for (i = 0; i < t->nrows; i++)
		if (t->rows[i].panel == 2)
			return 0;
	if (t->ncols != 5)
		return 0;
	for (i = 0; i < t->nidents; i++) {
		const struct tpl_ident *id = &t->idents[i];

		if (id->axis != 'r' || strcmp(id->lhs, t->cols[1]) != 0)
			continue;
		for (k = 0; k < 3 && id->terms[k] != NULL; k++)
			if (strcmp(id->terms[k], t->cols[2 + k]) != 0)
				break;
		if (k == 3 && id->terms[3] == NULL)
			return 1;
	}
	return 0;
}

static void
pf_add(char **rows, int *nr, const char *w)
{
	if (strstr(*rows, w) != NULL)
		return;
	*rows = erealloc(*rows, strlen(*rows) + strlen(w) + 5);
	if ((*nr)++ > 0)
		strcat(*rows, " or ");
	strcat(*rows, w);
}

/* the readings of a panel table with F04's expenditure panel, emitted */
static int
pf_read(struct pdoc *d, struct tab *tb, struct pp *x, int multi, const size_t *fl,
    const char *const *ft)
{
	const struct tpl_table *t = tb->t;
	struct pf f;
	int r, k, s, p, c0, n, c, i;
	int *totread, *partread;
	unsigned long ln;
	char w[512];

	memset(&f, 0, sizeof f);
	f.x = x;
	f.t = t;
	f.multi = multi;
	f.npart = ecalloc((size_t)x->nrow, sizeof *f.npart);
	for (k = x->nf - 1; k >= 0; k--)
		f.nlab[k] = f.nlab[k + 1] + (x->pos[k][0] >= 0);
	f.sat = emalloc(PF_MAXSOL * sizeof *f.sat);
	f.srole = emalloc(PF_MAXSOL * sizeof *f.srole);
	f.snp = emalloc(PF_MAXSOL * sizeof *f.snp);
	/* the most labels kept first: a bound that cuts the rest */
	for (k = f.nlab[0]; k >= 0 && f.nsol == 0 && !f.over; k--) {
		f.best = k;
		pf_dfs(&f, 0, 0);
	}
	if (f.nsol == 0 || f.over) {
		free(f.npart);
		free(f.sat);
		free(f.srole);
		free(f.snp);
		return 0;
	}
	totread = ecalloc((size_t)x->nrow, sizeof *totread);
	partread = ecalloc((size_t)x->nrow, sizeof *partread);
	for (p = 0; p < 3; p++) {
		panel_cols(t, p, &c0, &n);
		for (r = 0; r < x->nrow; r++) {
			int f0 = -1, same = 1, blank = 1, parts = 0;

			if (t->rows[r].panel != p || x->printed[r] < 0 || n == 0)
				continue;
			for (s = 0; s < f.nsol; s++) {
				int g = -1;

				for (k = 0; k < x->nf; k++)
					if (f.sat[s][k] == r && f.srole[s][k] == 0)
						g = k;
				if (g >= 0)
					blank = 0;
				if (s == 0)
					f0 = g;
				else if ((g < 0) != (f0 < 0) || (g >= 0 && x->v[g] != x->v[f0]))
					same = 0;
				parts |= f.snp[s][r] > 0;
			}
			/* a row's cells on one line: its figure's, else its label's */
			ln = same && f0 >= 0 ? d->lineno[fl[f0]] : d->lineno[x->printed[r]];
			ps_emit_cell(d, tb, "", t->rows[r].label, "", c0, "",
			    same && f0 >= 0 ? ft[f0] : "", same && (f0 >= 0 || blank) ? "" :
			    "unplaced", ln, 1, p);
			totread[r] = same;
			partread[r] = !parts;
			/* the fund columns: read only where no reading gives the row a part */
			for (c = 1; c < n; c++)
				ps_emit_cell(d, tb, "", t->rows[r].label, "", c0 + c, "", "",
				    parts ? "unplaced" : "", ln, 1, p);
		}
	}
	for (k = 0; k < x->nf; k++) {
		char *rows = estrdup("");
		int bad = 0, nr = 0;

		for (s = 0; s < f.nsol; s++) {
			r = f.sat[s][k];
			if (f.srole[s][k] == 0) {
				bad |= !totread[r];
				if (t->rows[r].panel == multi)
					snprintf(w, sizeof w, "%s/%s", t->rows[r].label,
					    t->cols[1]);
				else
					snprintf(w, sizeof w, "%s", t->rows[r].label);
			} else {
				bad |= !partread[r];
				i = snprintf(w, sizeof w, "%s/(%s", t->rows[r].label, t->cols[2]);
				for (c = 3; c < (int)t->ncols && i > 0 && (size_t)i < sizeof w; c++)
					i += snprintf(w + i, sizeof w - (size_t)i, "|%s", t->cols[c]);
				if (i > 0 && (size_t)i < sizeof w - 2)
					strcat(w, ")");
			}
			pf_add(&rows, &nr, w);
		}
		if (bad)
			warnmsg("%s:%lu:1: figure '%s' of %s could be %s, not read", d->src,
			    d->lineno[fl[k]], ft[k], t->id, rows);
		free(rows);
	}
	for (i = (int)tb->start; (size_t)i < tb->limit && (size_t)i < d->nline; i++)
		d->skip[i] = 1;
	free(totread);
	free(partread);
	free(f.npart);
	free(f.sat);
	free(f.srole);
	free(f.snp);
	return 1;
}

int
read_plain_panel(struct pdoc *d, struct tab *tb)
{
	const struct tpl_table *t = tb->t;
	struct pp x;
	size_t i, fl[PP_MAXF];
	const char *ft[PP_MAXF];
	int lab[PP_MAXF], nl = 0, last[2] = { -1, -1 }, r, k, s, p, done = 0, c0, n;
	int multi = -1;
	size_t j;

	if (t->shape != TPL_PANEL || t->nrows == 0)
		return 0;
	for (p = 0; p < 3; p++) {
		panel_cols(t, p, &c0, &n);
		if (n > 1 && (p != 1 || n != 4 || t->nrows > 128 || !pf_shape(t)))
			return 0;	/* one column a panel (F01), or F04's */
		if (n > 1)
			multi = p;
	}
	memset(&x, 0, sizeof x);
	x.nrow = (int)t->nrows;
	x.nonneg = 1;
	x.printed = emalloc(t->nrows * sizeof *x.printed);
	x.cell = emalloc(t->nrows * sizeof *x.cell);
	for (r = 0; r < x.nrow; r++)
		x.printed[r] = x.cell[r] = -1;
	for (i = tb->start; i < tb->limit && i < d->nline; i++) {
		const char *l = d->line[i] + strspn(d->line[i], " ");
		char *nm;
		int hit[2] = { -1, -1 }, nh = 0;
		size_t i0 = i;

		if (*l == '\0')
			continue;
		if (lone_fig(l) || pp_dash(l)) {
			long long v = pp_dash(l) ? 0 : str_cents(l);

			if (x.nf == PP_MAXF || v < 0)
				goto out;
			if (!pp_dash(l) && (strchr(l, '-') != NULL || strchr(l, '(') != NULL)) {
				v = -v;
				x.nonneg = 0;
			}
			fl[x.nf] = i;
			ft[x.nf] = l;
			x.v[x.nf] = v;
			x.pos[x.nf][0] = last[0];
			x.pos[x.nf][1] = last[1];
			x.at[x.nf] = -1;
			if (last[0] >= 0)
				lab[nl++] = x.nf;
			x.nf++;
			last[0] = last[1] = -1;	/* a figure after a figure: no label */
			continue;
		}
		nm = ps_normdup(l);
		for (r = 0; r < x.nrow && nh < 2; r++)
			if (nm[0] != '\0' && wp_row_ok(&t->rows[r], nm))
				hit[nh++] = r;
		/* a label wrapped onto the next line */
		for (j = i + 1; nh == 0 && j < tb->limit && j < d->nline; j++) {
			const char *l2 = d->line[j] + strspn(d->line[j], " ");
			char *jn, *n2;

			if (*l2 == '\0')
				continue;
			if (lone_fig(l2))
				break;
			jn = emalloc(strlen(l) + strlen(l2) + 1);
			strcpy(jn, l);
			strcat(jn, l2);
			n2 = ps_normdup(jn);
			free(jn);
			for (r = 0; r < x.nrow && nh < 2; r++)
				if (n2[0] != '\0' && wp_row_ok(&t->rows[r], n2))
					hit[nh++] = r;
			free(n2);
			if (nh > 0)
				i = j;
			break;
		}
		if (nh == 0) {
			/*
			 * Header words and the note are skipped; words the catalogue
			 * does not know may be a line of their own: what follows is
			 * no known line's.
			 */
			if (!pp_header(t, nm, l))
				last[0] = last[1] = -1;
			free(nm);
			continue;
		}
		free(nm);
		/* "总计" names both panels' totals: the first unprinted of them is this line */
		for (k = 0; k < nh; k++)
			if (x.printed[hit[k]] < 0) {
				x.printed[hit[k]] = (int)i0;
				break;
			}
		last[0] = hit[0];
		last[1] = hit[1];
	}
	if (x.nf == 0)
		goto out;
	/* identities: the catalogue's column sums, and 本年支出合计 = the 类 lines */
	for (j = 0; j < t->nidents && x.nid < 7; j++) {
		const struct tpl_ident *id = &t->idents[j];
		struct ppid *q = &x.id[x.nid];

		if (id->axis != 'c' || (q->lhs = pp_row(t, id->lhs)) < 0)
			continue;
		q->nt = 0;
		for (k = 0; id->terms[k] != NULL && q->nt < 32; k++) {
			const char *tn = id->terms[k] + (id->terms[k][0] == '-');

			if ((r = pp_row(t, tn)) < 0)
				continue;
			q->sg[q->nt] = id->terms[k][0] == '-' ? -1 : 1;
			q->t[q->nt++] = r;
		}
		x.nid++;
	}
	if ((r = pp_row(t, "本年支出合计")) >= 0) {
		struct ppid *q = &x.id[x.nid];

		q->lhs = r;
		q->nt = 0;
		for (k = 0; k < x.nrow && q->nt < 32; k++)
			if (t->rows[k].code != NULL && t->rows[k].panel == t->rows[r].panel) {
				q->sg[q->nt] = 1;
				q->t[q->nt++] = k;
			}
		if (q->nt > 0)
			x.nid++;
	}
	if (multi >= 0) {
		done = pf_read(d, tb, &x, multi, fl, ft);
		goto out;
	}
	x.sol = emalloc(PP_MAXSOL * sizeof *x.sol);
	for (s = nl; s >= 0 && x.nsol == 0 && !x.over; s--)
		pp_subsets(&x, lab, nl, s, 0);
	if (x.nsol == 0 || x.over)
		goto out;
	/* cells: the readings' consensus */
	for (p = 0; p < 3; p++) {
		panel_cols(t, p, &c0, &n);
		for (r = 0; r < x.nrow; r++) {
			int f0 = -1, same = 1, blank = 1;

			if (t->rows[r].panel != p || x.printed[r] < 0 || n == 0)
				continue;
			for (s = 0; s < x.nsol; s++) {
				int f = -1;

				for (k = 0; k < x.nf; k++)
					if (x.sol[s][k] == r)
						f = k;
				if (f >= 0)
					blank = 0;
				if (s == 0)
					f0 = f;
				else if ((f < 0) != (f0 < 0) || (f >= 0 && x.v[f] != x.v[f0]))
					same = 0;
			}
			if (same && f0 >= 0)
				ps_emit_cell(d, tb, "", t->rows[r].label, "", c0, "", ft[f0], "",
				    d->lineno[fl[f0]], 1, p);
			else
				ps_emit_cell(d, tb, "", t->rows[r].label, "", c0, "", "",
				    same && blank ? "" : "unplaced", d->lineno[x.printed[r]], 1, p);
			x.cell[r] = same ? 1 : 0;	/* reused: 1 read */
		}
	}
	/* figures some reading puts in a row the others do not */
	for (k = 0; k < x.nf; k++) {
		char *rows = estrdup("");
		int bad = 0, nr = 0, q;

		for (s = 0; s < x.nsol; s++) {
			r = x.sol[s][k];
			bad |= !x.cell[r];
			for (q = 0; q < s && x.sol[q][k] != r; q++)
				;
			if (q < s)
				continue;	/* said */
			rows = erealloc(rows, strlen(rows) + strlen(t->rows[r].label) + 5);
			if (nr++ > 0)
				strcat(rows, " or ");
			strcat(rows, t->rows[r].label);
		}
		if (bad)
			warnmsg("%s:%lu:1: figure '%s' of %s could be %s, not read", d->src,
			    d->lineno[fl[k]], ft[k], t->id, rows);
		free(rows);
	}
	for (i = tb->start; i < tb->limit && i < d->nline; i++)
		d->skip[i] = 1;
	done = 1;
out:
	free(x.printed);
	free(x.cell);
	free(x.sol);
	return done;
}

/*
 * The 三公 row without -layout.  pdftotext writes the header words, then
 * the figures of the one row left to right, in runs that the note may
 * split: twelve figures under six 预算数 and six 决算数 are the catalogue's
 * columns in pairs (合计, 因公出国(境)费, 公务用车购置及运行维护费,
 * 公务用车购置费, 公务用车运行维护费, 公务接待费, each 预算数 then
 * 决算数).  The identities confirm it, a cent a term: in both halves the
 * 合计 is the sum of 出国, 公务用车 and 接待, and 公务用车 of its two parts
 * (figures read a half at a time, or a column out of place, break them).
 */
int
read_plain_sangong(struct pdoc *d, struct tab *tb)
{
	const struct tpl_table *t = tb->t;
	const char *fig[12];
	unsigned long figl[12];
	long long v[12];
	size_t i, nf = 0;
	int budget = 0, final = 0, k;

	if (t->ncols != 12)
		return 0;
	/* the figures may follow the note: up to the next title */
	for (i = tb->start; i < tb->limit && i < d->nline; i++) {
		const char *l = d->line[i] + strspn(d->line[i], " ");
		char *n;

		if (lone_fig(l)) {
			if (nf == 12 || strchr(l, '-') != NULL)
				return 0;
			figl[nf] = d->lineno[i];
			fig[nf++] = l;
			continue;
		}
		n = ps_normdup(l);
		budget += strcmp(n, "预算数") == 0;
		final += strcmp(n, "决算数") == 0;
		free(n);
	}
	if (nf != 12 || budget != 6 || final != 6)
		return 0;
	/* figure 2p is column p's 预算数, 2p+1 its 决算数 */
	for (i = 0; i < 12; i++)
		if ((v[i % 2 * 6 + i / 2] = str_cents(fig[i])) < 0)
			return 0;
	for (k = 0; k < 12; k += 6)
		if (llabs(v[k] - v[k + 1] - v[k + 2] - v[k + 5]) > 3 ||
		    llabs(v[k + 2] - v[k + 3] - v[k + 4]) > 2)
			return 0;
	for (i = 0; i < 12; i++)
		ps_emit_cell(d, tb, "", "三公经费", "", (int)(i % 2 * 6 + i / 2), "", fig[i], "",
		    figl[i], 1, 0);
	for (i = tb->start; i < tb->limit && i < d->nline && d->lineno[i] <= figl[11]; i++)
		d->skip[i] = 1;
	return 1;
}

/*
 * F06 (economic classes in two groups, 人员经费 and 公用经费) of
 * one-cell-per-line text.  pdftotext writes a group's codes in runs, its
 * names in runs and its figures in runs, interleaved with the other
 * group's: a figure after a label is often another row's (Shanghai's
 * 邮电费 is followed by 30110's figure).  A group's rows are its printed
 * printed codes in tree order, then its 合计 when printed.  A run of figures
 * (lines of figures alone, no other line between) is read as the figures
 * of consecutive rows of a group only where that is the one way to read
 * it: every identity whose rows all fall in the run holds (a class = its
 * printed items, a 合计 = its printed classes, a cent a term), at least
 * one does, and an identity with one printed row outside the run implies
 * a figure printed elsewhere in the table.  Rows no run gives a figure
 * are emitted empty, flagged `unplaced`; their figures are reported.  0:
 * nothing to read so (the table is refused).
 */
#define PE_MAXR 256
#define PE_MAXF 512
#define PE_MAXWORK 4000000L

struct pe_id {
	int lhs, nt, t[PE_MAXR];
};

int
read_plain_econ(struct pdoc *d, struct tab *tb)
{
	const struct tpl_table *t = tb->t;
	char (*code)[8] = NULL;
	int *grp = NULL, *cell = NULL, *by = NULL, *figrun = NULL, *used = NULL;
	size_t *rline = NULL, fl[PE_MAXF];
	long long v[PE_MAXF];
	const char *ft[PE_MAXF];
	int nr = 0, nf = 0, nid = 0, r, k, g, done = 0;
	int tot[2] = { -1, -1 }, totid[2] = { -1, -1 };
	struct pe_id *id = NULL;
	size_t i, j;
	int run0, run1;
	long work = 0;

	if (t->shape != TPL_ECON || t->nidents < 1)
		return 0;
	code = emalloc(PE_MAXR * sizeof *code);
	grp = emalloc(PE_MAXR * sizeof *grp);
	rline = emalloc(PE_MAXR * sizeof *rline);
	figrun = emalloc(PE_MAXF * sizeof *figrun);
	/* rows: the codes, then the two 合计 lines; figures, each with its run */
	for (i = tb->start, k = 0; i < tb->limit && i < d->nline; i++) {
		const char *l = d->line[i] + strspn(d->line[i], " ");
		char *n;

		if (*l == '\0')
			continue;
		if (lone_fig(l) || pp_dash(l)) {
			if (nf == PE_MAXF)
				goto out;
			v[nf] = pp_dash(l) ? 0 : str_cents(l);
			if (v[nf] < 0 || (!pp_dash(l) && (strchr(l, '-') != NULL ||
			    strchr(l, '(') != NULL)))
				goto out;	/* negative figures: not this reading */
			fl[nf] = i;
			ft[nf] = l;
			figrun[nf++] = k;
			continue;
		}
		k++;		/* any other line ends a run of figures */
		if (econ_code(l)) {
			if (nr == PE_MAXR - 2)
				goto out;
			for (r = 0; r < nr; r++)
				if (strcmp(code[r], l) == 0)
					goto out;	/* a code twice */
			strcpy(code[nr], l);
			rline[nr] = i;
			grp[nr++] = -1;
			continue;
		}
		n = ps_normdup(l);
		if (strcmp(n, "人员经费合计") == 0 && tot[0] < 0)
			tot[0] = -2 - (int)i;
		else if (strcmp(n, "公用经费合计") == 0 && tot[1] < 0)
			tot[1] = -2 - (int)i;
		free(n);
	}
	if (nr == 0 || nf == 0)
		goto out;
	/* the groups: the 合计 identity whose terms hold the row's class */
	for (g = 0; g < 2; g++)
		for (j = 0; j < t->nidents; j++)
			if (t->idents[j].axis == 'c' && strcmp(t->idents[j].lhs,
			    g == 0 ? "人员经费合计" : "公用经费合计") == 0)
				totid[g] = (int)j;
	if (totid[0] < 0 || totid[1] < 0)
		goto out;
	for (r = 0; r < nr; r++) {
		for (g = 0; g < 2; g++)
			for (k = 0; t->idents[totid[g]].terms[k] != NULL; k++)
				if (strncmp(t->idents[totid[g]].terms[k], code[r], 3) == 0)
					grp[r] = g;
		if (grp[r] < 0)
			goto out;	/* a class the catalogue does not group */
	}
	/* a group's figures come in the codes' tree order, its sort order */
	for (r = 1; r < nr; r++)
		for (k = r; k > 0 && strcmp(code[k], code[k - 1]) < 0; k--) {
			char tc[8];
			size_t tl = rline[k];

			g = grp[k];
			grp[k] = grp[k - 1];
			grp[k - 1] = g;
			rline[k] = rline[k - 1];
			rline[k - 1] = tl;
			memcpy(tc, code[k], sizeof tc);
			memcpy(code[k], code[k - 1], sizeof tc);
			memcpy(code[k - 1], tc, sizeof tc);
		}
	/* the 合计 rows, last of their group */
	for (g = 0; g < 2; g++)
		if (tot[g] != -1) {
			rline[nr] = (size_t)(-2 - tot[g]);
			code[nr][0] = '\0';
			grp[nr] = g;
			tot[g] = nr++;
		}
	/* identities: each printed class of its printed items, each 合计 of its classes */
	id = emalloc((size_t)(nr + 2) * sizeof *id);
	for (r = 0; r < nr; r++) {
		struct pe_id *q = &id[nid];

		if (strlen(code[r]) != 3)
			continue;
		q->lhs = r;
		q->nt = 0;
		for (k = 0; k < nr; k++)
			if (strlen(code[k]) == 5 && strncmp(code[k], code[r], 3) == 0)
				q->t[q->nt++] = k;
		nid += q->nt > 0;
	}
	for (g = 0; g < 2; g++) {
		struct pe_id *q = &id[nid];

		if (tot[g] < 0)
			continue;
		q->lhs = tot[g];
		q->nt = 0;
		for (k = 0; k < nr; k++)
			if (strlen(code[k]) == 3 && grp[k] == g)
				q->t[q->nt++] = k;
		nid += q->nt > 0;
	}
	/* each run, at each place in each group: the ones confirmed */
	cell = emalloc((size_t)nr * sizeof *cell);
	by = emalloc((size_t)nr * sizeof *by);
	used = ecalloc((size_t)nf, sizeof *used);
	for (r = 0; r < nr; r++)
		by[r] = -1;	/* run0 of the reading giving the row, -2: two readings */
	for (run0 = 0; run0 < nf; run0 = run1) {
		int m, ok = 0, okg = -1, oko = -1;

		for (run1 = run0; run1 < nf && figrun[run1] == figrun[run0]; run1++)
			;
		m = run1 - run0;
		if (m < 2)
			continue;
		for (g = 0; g < 2 && ok < 2; g++) {
			int row[PE_MAXR], ng = 0, o;

			for (r = 0; r < nr; r++)
				if (grp[r] == g)
					row[ng++] = r;
			for (o = 0; o + m <= ng && ok < 2; o++) {
				int full = 0, bad = 0, q;

				/* a bound on the work: a text of many runs is refused */
				if ((work += nr + nid + m) > PE_MAXWORK)
					goto out;
				for (r = 0; r < nr; r++)
					cell[r] = -1;
				for (k = 0; k < m; k++)
					cell[row[o + k]] = run0 + k;
				for (q = 0; q < nid && !bad; q++) {
					long long s = 0, want;
					int out = 0, miss = -1, f;

					if (grp[id[q].lhs] != g)
						continue;
					if (cell[id[q].lhs] < 0) {
						out++;
						miss = -1;
					} else
						s -= v[cell[id[q].lhs]];
					for (k = 0; k < id[q].nt; k++) {
						if (cell[id[q].t[k]] < 0) {
							out++;
							miss = k;
						} else
							s += v[cell[id[q].t[k]]];
					}
					if (out == 0) {
						full++;
						bad = llabs(s) > id[q].nt + 1;
					} else if (out == 1) {
						/* the row outside: its figure, printed elsewhere */
						want = miss < 0 ? s : -s;
						if (want < -(id[q].nt + 1)) {
							bad = 1;
							continue;
						}
						work += nf;
						for (f = 0; f < nf; f++)
							if ((f < run0 || f >= run1) &&
							    llabs(v[f] - want) <= id[q].nt + 1)
								break;
						bad = f == nf;
					}
				}
				if (!bad && full > 0) {
					ok++;
					okg = g;
					oko = o;
				}
			}
		}
		if (ok != 1)
			continue;
		{
			int row[PE_MAXR], ng = 0;

			for (r = 0; r < nr; r++)
				if (grp[r] == okg)
					row[ng++] = r;
			for (k = 0; k < m; k++) {
				r = row[oko + k];
				by[r] = by[r] == -1 ? run0 + k : -2;
			}
		}
	}
	/* cells: groups in turn, rows in printed order */
	for (g = 0; g < 2; g++)
		for (r = 0; r < nr; r++) {
			if (grp[r] != g)
				continue;
			if (by[r] >= 0) {
				used[by[r]] = 1;
				ps_emit_cell(d, tb, code[r], code[r][0] ? "" : (g == 0 ? "人员经费合计" :
				    "公用经费合计"), "", 0, "", ft[by[r]], "", d->lineno[fl[by[r]]], 1,
				    code[r][0] ? g : 9);
			} else
				ps_emit_cell(d, tb, code[r], code[r][0] ? "" : (g == 0 ? "人员经费合计" :
				    "公用经费合计"), "", 0, "", "", "unplaced", d->lineno[rline[r]], 1,
				    code[r][0] ? g : 9);
		}
	{
		char *rows = estrdup("");
		int n = 0;

		for (r = 0; r < nr; r++)
			if (by[r] < 0) {
				const char *w = code[r][0] ? code[r] : (grp[r] == 0 ? "人员经费合计" :
				    "公用经费合计");

				rows = erealloc(rows, strlen(rows) + strlen(w) + 5);
				if (n++ > 0)
					strcat(rows, " or ");
				strcat(rows, w);
			}
		for (k = 0; k < nf; k++)
			if (!used[k])
				warnmsg("%s:%lu:1: figure '%s' of %s could be %s, not read", d->src,
				    d->lineno[fl[k]], ft[k], t->id, rows);
		free(rows);
	}
	for (i = tb->start; i < tb->limit && i < d->nline; i++)
		d->skip[i] = 1;
	done = 1;
out:
	free(code);
	free(grp);
	free(rline);
	free(figrun);
	free(cell);
	free(by);
	free(used);
	free(id);
	return done;
}
