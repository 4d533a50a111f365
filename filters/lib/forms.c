/*
 * forms.c - the 绩效自评表 (performance self-evaluation forms) of a
 * disclosure as table and cell records (docs/tables.md, "Performance
 * self-evaluation forms").
 *
 * A form has three parts that matter to reconcile: the 预算执行 row
 * (预算数 A, 执行数 B, 执行率, 得分, and the weight printed in its header,
 * "(20分)"), the indicator tree (一级/二级/三级 with their weights
 * "(40分)", each 三级 with its 年初目标值, 实际完成值 and 得分) and the
 * 总分; the 整体 form also prints 基本支出总额 and 项目支出总额.  OCR
 * mangles all of it: merged cells print their label in the middle of the
 * group, "(40" and "分)" land on two lines, a 一级 label may be lost
 * altogether ("741" for 效益指标).  So rows are not read by position
 * alone: an indicator row is a row with a score under the 得分 header, its
 * 二级 is the last 二级 label above it (or on it), and its 一级 follows
 * from the 二级's kind (数量/质量/时效/成本 are 产出; 效益 and, unless the
 * form has a 满意度 一级, 满意度 are 效益).  Weights are read, never
 * derived: the identities that check them are reconcile's (P6).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms.h"
#include "rec.h"
#include "txt.h"
#include "util.h"

#define MAXCELLS 64

/* One cell of a line: its text (a copy) and its first character column. */
struct fcell {
	char *t;		/* as printed */
	char *sq;		/* markup stripped, widths folded, spaces removed */
	unsigned long col;	/* 1-based, in characters */
};

struct fline {
	const char *s;
	unsigned long no;
	struct fcell c[MAXCELLS];
	int n;
};

/* A weight read from a 一级 cell: its label may be lost. */
struct lvl1 {
	char label[64];
	char kind[16];		/* 产出, 效益, 满意度, 成本, or "" */
	const struct fline *l;
	int cell;
	int used;
};

/* The output of one form. */
struct form {
	FILE *out;
	const char *doc;
	const char *id;		/* P01, P02 */
	int occ;		/* its number among the forms of that id */
	unsigned long *rseq;	/* the table's running row order */
	char lastrow[400];
};

/* canonical columns, in cseq order */
static const char *const fcols[] = { "支出总额", "支出总额/小数", "年初预算数",
	"预算数", "执行数", "执行率", "分值", "年初目标值", "实际完成值", "得分" };

static int	is_title(const char *, char *, size_t, const char **);
static void	split_line(struct fline *, const char *, unsigned long);
static void	free_line(struct fline *);
static void	read_form(struct form *, char *const *, const unsigned long *,
		    const unsigned char *, size_t, size_t);
static void	put_cell(struct form *, const char *, const char *,
		    const struct fline *, int, const char *, size_t, size_t,
		    const char *);
static int	fig_span(const char *, size_t *, size_t *);
static int	is_figcell(const char *);
static int	weight_in(const char *, size_t *, size_t *);
static char	*sqdup(const char *);
static int	col_of(const char *);
static const char *kind_of(const char *);

void
forms_scan(char *const *lines, const unsigned long *lineno,
    const unsigned char *skip, size_t n, const char *doc, FILE *out)
{
	size_t i, j, *start = NULL, nt = 0;
	unsigned long seq1 = 0, seq2 = 0;
	int occ1 = 0, occ2 = 0;

	for (i = 0; i < n; i++) {
		char title[512];
		const char *id;

		if ((skip == NULL || !skip[i]) &&
		    is_title(lines[i], title, sizeof title, &id)) {
			start = ereallocarray(start, nt + 1, sizeof *start);
			start[nt++] = i;
		}
	}
	for (j = 0; j < nt; j++) {
		struct form f;
		char title[512];
		const char *tf[T_NF - 1];
		char num[16], pos[32];
		size_t end = j + 1 < nt ? start[j + 1] : n;

		is_title(lines[start[j]], title, sizeof title, &f.id);
		f.out = out;
		f.doc = doc;
		f.lastrow[0] = '\0';
		if (strcmp(f.id, "P01") == 0) {
			f.occ = ++occ1;
			f.rseq = &seq1;
		} else {
			f.occ = ++occ2;
			f.rseq = &seq2;
		}
		snprintf(num, sizeof num, "%d", f.occ);
		snprintf(pos, sizeof pos, "%lu:1", lineno[start[j]]);
		tf[T_DOC - 1] = doc;
		tf[T_ID - 1] = f.id;
		tf[T_TITLE - 1] = title;
		tf[T_NUMBER - 1] = num;
		tf[T_UNIT - 1] = "万元";
		tf[T_POS - 1] = pos;
		tf[T_STATUS - 1] = "found";
		tf[T_NOTE - 1] = "";
		rec_put(out, "table", T_NF - 1, tf);
		read_form(&f, lines, lineno, skip, start[j] + 1, end);
	}
	free(start);
}

/*
 * Is LINE the title of a form?  Its text without markup, '#', spaces and
 * a trailing colon ends in 自评表, it is no sentence (no 。，) and no table
 * row (no TAB).  The title (markup and '#' dropped, spaces trimmed) goes
 * to title; *id gets P01 for a 整体 form, else P02.
 */
static int
is_title(const char *line, char *title, size_t tsize, const char **id)
{
	char *sq, *t;
	size_t len;
	int ok;

	if (strchr(line, '\t') != NULL || strlen(line) > 300)
		return 0;
	/* sqdup drops or folds whole characters: no 表 in the line, none in sq */
	if (strstr(line, "表") == NULL)
		return 0;
	sq = sqdup(line);
	len = strlen(sq);
	while (len > 0 && (sq[len - 1] == ':' || sq[len - 1] == '#'))
		sq[--len] = '\0';
	ok = len >= strlen("自评表") &&
	    strcmp(sq + len - strlen("自评表"), "自评表") == 0 &&
	    strstr(sq, "。") == NULL && strstr(sq, "，") == NULL &&
	    strstr(sq, ",") == NULL && txt_chars(sq, len) <= 60;
	if (ok) {
		*id = strstr(sq, "整体") != NULL ? "P01" : "P02";
		t = estrdup(line);
		txt_strip_markup(t);
		{
			char *p = t, *e;

			while (*p == '#' || *p == ' ')
				p++;
			e = p + strlen(p);
			while (e > p && (e[-1] == ' ' || e[-1] == '#'))
				*--e = '\0';
			snprintf(title, tsize, "%s", p);
		}
		free(t);
	}
	free(sq);
	return ok;
}

/* the text without markup, with widths folded and every space removed */
static char *
sqdup(const char *s)
{
	char *t = estrdup(s);

	txt_strip_markup(t);
	txt_fold(t);
	txt_squeeze(t);
	return t;
}

/*
 * Cells: TAB-separated when the line has a TAB, else separated by runs of
 * two or more spaces.  Each keeps the character column it starts at.
 */
static void
split_line(struct fline *l, const char *s, unsigned long no)
{
	const char *p = s, *a;
	int tabs = strchr(s, '\t') != NULL;

	l->s = s;
	l->no = no;
	l->n = 0;
	while (*p != '\0' && l->n < MAXCELLS) {
		const char *e;

		if (tabs) {
			e = strchr(p, '\t');
			if (e == NULL)
				e = p + strlen(p);
			a = p;
		} else {
			while (*p == ' ')
				p++;
			if (*p == '\0')
				break;
			a = p;
			for (e = p; *e != '\0' && !(e[0] == ' ' && e[1] == ' '); e++)
				;
		}
		l->c[l->n].t = estrndup(a, (size_t)(e - a));
		l->c[l->n].sq = sqdup(l->c[l->n].t);
		l->c[l->n].col = (unsigned long)txt_chars(s, (size_t)(a - s)) + 1;
		l->n++;
		p = *e == '\0' ? e : e + 1;
	}
}

static void
free_line(struct fline *l)
{
	int i;

	for (i = 0; i < l->n; i++) {
		free(l->c[i].t);
		free(l->c[i].sq);
	}
	l->n = 0;
}

/*
 * The character at p as its ASCII counterpart when it can be part of a
 * figure - a digit, ',', '.', '%', a space - full-width forms included
 * ("１，７３１．９５"); *n gets its length in bytes.  0 for anything else.
 */
static int
figch(const char *p, size_t *n)
{
	const unsigned char *u = (const unsigned char *)p;

	*n = 1;
	if ((*p >= '0' && *p <= '9') || *p == ',' || *p == '.' || *p == '%' ||
	    *p == ' ')
		return *p;
	if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
		*n = 3;
		return '0' + (u[2] - 0x90);
	}
	if (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x8C || u[2] == 0x8E ||
	    u[2] == 0x85)) {
		*n = 3;
		return u[2] == 0x8C ? ',' : u[2] == 0x8E ? '.' : '%';
	}
	if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) {	/* U+3000 */
		*n = 3;
		return ' ';
	}
	return 0;
}

/* the length in bytes of the UTF-8 character at p */
static size_t
u8len(const char *p)
{
	unsigned char c = (unsigned char)*p;

	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* is the character at p a digit (any width)? */
static int
isdig(const char *p)
{
	size_t n;
	int c = figch(p, &n);

	return c >= '0' && c <= '9';
}

/* skip the digits at p */
static const char *
digits(const char *p)
{
	size_t n;

	while (isdig(p)) {
		figch(p, &n);
		p += n;
	}
	return p;
}

/* skip spaces at p */
static const char *
spaces(const char *p)
{
	size_t n;

	while (figch(p, &n) == ' ')
		p += n;
	return p;
}

/*
 * The figure in s, in the grammar of num.h: digits, then groups of three
 * after a separator (',' with spaces around, or spaces alone when the
 * figure has a point: "1, 731. 95", "1 731.95"), a point and its digits
 * (spaces allowed: "526. 35"), an optional '%'; full-width forms count.
 * A fraction alone (". 08") starts at its point.  A space not followed by
 * such a group ends it ("11 万条").  *a and *b get its byte span.  Returns
 * 0 when s holds no digit.
 */
static int
fig_span(const char *s, size_t *a, size_t *b)
{
	const char *p = s, *e, *q, *r, *firstws = NULL;
	size_t n;
	int c, point = 0;

	while (*p != '\0' && !isdig(p))
		p += u8len(p);
	if (*p == '\0')
		return 0;
	/* a fraction alone, ". 08", starts at its point */
	for (q = s, r = NULL; q < p; q += u8len(q)) {
		c = figch(q, &n);
		if (c == '.')
			r = q;
		else if (c != ' ')
			r = NULL;
	}
	e = digits(p);
	if (r != NULL) {
		p = r;
		point = 1;
	}
	/* groups of three after a separator */
	while (!point) {
		const char *g = e, *t;
		int comma = 0;

		while ((c = figch(g, &n)) == ' ' || c == ',') {
			comma |= c == ',';
			g += n;
		}
		t = digits(g);
		if (g == e || t == g)
			break;
		/* exactly three digits, not a fourth */
		{
			const char *u = g;
			int k = 0;

			while (u < t) {
				figch(u, &n);
				u += n;
				k++;
			}
			if (k != 3)
				break;
		}
		if (!comma && firstws == NULL)
			firstws = e;
		e = t;
	}
	/* the point and its decimals */
	q = spaces(e);
	if (!point && figch(q, &n) == '.' ) {
		r = spaces(q + n);
		if (isdig(r)) {
			e = digits(r);
			point = 1;
		}
	} else if (point) {
		figch(p, &n);
		e = digits(spaces(p + n));
	}
	/* spaces alone separate groups only in a figure with a point */
	if (!point && firstws != NULL)
		e = firstws;
	q = spaces(e);
	if (figch(q, &n) == '%')
		e = q + n;
	*a = (size_t)(p - s);
	*b = (size_t)(e - s);
	return 1;
}

/*
 * A cell that holds a figure and nothing else but a '%' or a 分: no other
 * CJK text, no second figure.
 */
static int
is_figcell(const char *s)
{
	size_t a, b;
	const char *p;

	if (!fig_span(s, &a, &b))
		return 0;
	for (p = s; *p != '\0'; p += u8len(p)) {
		size_t n;

		if ((size_t)(p - s) >= a && (size_t)(p - s) < b)
			continue;
		if (figch(p, &n) == ' ' || strncmp(p, "分", strlen("分")) == 0)
			continue;
		return 0;
	}
	return 1;
}

/*
 * The weight in a label: the last number followed by 分, or after '('
 * ("(10 分)", "15分)", "(40", "意(10").  *a, *b get the digits' span.
 */
static int
weight_in(const char *s, size_t *a, size_t *b)
{
	const char *p = s, *e, *d, *before = NULL;
	size_t n;
	int found = 0;

	while (*p != '\0') {
		if (!isdig(p)) {
			if (figch(p, &n) != ' ')
				before = p;	/* the last character not a space */
			p += u8len(p);
			continue;
		}
		e = digits(p);
		d = spaces(e);
		if (strncmp(d, "分", strlen("分")) == 0 || (before != NULL &&
		    (*before == '(' || strncmp(before, "（", strlen("（")) == 0))) {
			*a = (size_t)(p - s);
			*b = (size_t)(e - s);
			found = 1;
		}
		before = p;
		p = e;
	}
	return found;
}

/* index of the canonical column, for cseq */
static int
col_of(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof fcols / sizeof fcols[0]; i++)
		if (strcmp(fcols[i], name) == 0)
			return (int)i + 1;
	return (int)(sizeof fcols / sizeof fcols[0]) + 1;
}

/* the 一级 a 二级 label belongs to by its kind, "" when unknown */
static const char *
kind_of(const char *label)
{
	static const struct { const char *word, *kind; } k[] = {
		{ "数量", "产出" }, { "质量", "产出" }, { "时效", "产出" },
		{ "成本", "成本" }, { "满意度", "满意度" }, { "效益", "效益" },
		{ "影响", "效益" }, { "产出", "产出" },
	};
	size_t i;

	for (i = 0; i < sizeof k / sizeof k[0]; i++)
		if (strstr(label, k[i].word) != NULL)
			return k[i].kind;
	return "";
}

/*
 * Write one cell: the figure in s[a..b) of cell ci of line l, in row ROW
 * (the form's number is put in front) and column COL.
 */
static void
put_cell(struct form *f, const char *row, const char *col,
    const struct fline *l, int ci, const char *s, size_t a, size_t b,
    const char *unit)
{
	const char *cf[C_NF - 1];
	char key[400], raw[128], pos[48], rs[24], cs[24];

	snprintf(key, sizeof key, "%d/%s", f->occ, row);
	if (strcmp(key, f->lastrow) != 0) {
		(*f->rseq)++;
		snprintf(f->lastrow, sizeof f->lastrow, "%s", key);
	}
	snprintf(raw, sizeof raw, "%.*s", (int)(b - a), s + a);
	snprintf(pos, sizeof pos, "%lu:%lu", l->no,
	    l->c[ci].col + (unsigned long)txt_chars(s, a));
	snprintf(rs, sizeof rs, "%lu", *f->rseq);
	snprintf(cs, sizeof cs, "%d", col_of(col));
	cf[C_DOC - 1] = f->doc;
	cf[C_TABLE - 1] = f->id;
	cf[C_ROWCODE - 1] = "";
	cf[C_ROWLABEL - 1] = key;
	cf[C_ROWNO - 1] = "";
	cf[C_COL - 1] = col;
	cf[C_COLNO - 1] = "";
	cf[C_RAW - 1] = raw;
	cf[C_VALUE - 1] = "";
	cf[C_UNIT - 1] = unit;
	cf[C_STATUS - 1] = "new";
	cf[C_FLAGS - 1] = "";
	cf[C_POS - 1] = pos;
	cf[C_RSEQ - 1] = rs;
	cf[C_CSEQ - 1] = cs;
	rec_put(f->out, "cell", C_NF - 1, cf);
}

/* A place where a figure was read: line, cell and byte span in the cell. */
struct at {
	const struct fline *l;
	int ci;
	size_t a, b;
	int ok;
};

struct lvl2 {
	char label[96];
	char kind[16];
	struct at w;
	int g;			/* its 一级 group */
};

struct ind {
	int l2;			/* its 二级, -1 when none was printed above it */
	char label[160];
	struct at w, target, actual, score;
};

/* the figure of cell ci of l, if it holds one */
static struct at
at_fig(const struct fline *l, int ci)
{
	struct at r;

	memset(&r, 0, sizeof r);
	if (ci >= 0 && ci < l->n && fig_span(l->c[ci].t, &r.a, &r.b)) {
		r.l = l;
		r.ci = ci;
		r.ok = 1;
	}
	return r;
}

static void
put_at(struct form *f, const char *row, const char *col, const struct at *x,
    const char *unit)
{
	if (x->ok)
		put_cell(f, row, col, x->l, x->ci, x->l->c[x->ci].t, x->a, x->b, unit);
}

/*
 * The unit of a target or actual: the words printed around its figure,
 * spaces removed ("11 万条" → 万条, "4小时内" → 小时内, "99%" → %).
 */
static void
unit_of(const struct at *x, char *buf, size_t size)
{
	const char *s = x->l->c[x->ci].t;
	char *t;
	size_t n;

	n = (size_t)snprintf(buf, size, "%.*s%s", (int)x->a, s, s + x->b);
	if (n >= size)
		buf[size - 1] = '\0';
	t = sqdup(buf);
	snprintf(buf, size, "%s", t);
	free(t);
	if (x->b > x->a && (s[x->b - 1] == '%' || (x->b - x->a >= 3 &&
	    strncmp(s + x->b - 3, "％", 3) == 0)) && strchr(buf, '%') == NULL) {
		n = strlen(buf);
		if (n + 1 < size) {
			buf[n] = '%';
			buf[n + 1] = '\0';
		}
	}
}

/* the first "N分" (or "(N") in cell ci of l, as a weight */
static struct at
at_weight(const struct fline *l, int ci)
{
	struct at r;

	memset(&r, 0, sizeof r);
	if (ci >= 0 && ci < l->n && weight_in(l->c[ci].t, &r.a, &r.b)) {
		r.l = l;
		r.ci = ci;
		r.ok = 1;
	}
	return r;
}

static int
starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static int
has(const char *s, const char *w)
{
	return strstr(s, w) != NULL;
}

/* the label of a cell text up to and with its first 指标 */
static void
label_upto(const char *sq, char *buf, size_t size)
{
	const char *p = strstr(sq, "指标");

	if (p == NULL)
		snprintf(buf, size, "%s", sq);
	else
		snprintf(buf, size, "%.*s", (int)(p - sq + strlen("指标")), sq);
}

/*
 * Strip the weight from the end of a 三级 label: from the last '(' whose
 * rest holds a digit, else the trailing digits, 分, ')' and spaces.
 */
static void
strip_weight(char *s)
{
	char *p = strrchr(s, '('), *e;

	if (p != NULL && strpbrk(p, "0123456789") != NULL) {
		*p = '\0';
		return;
	}
	e = s + strlen(s);
	for (;;) {
		if (e > s && ((e[-1] >= '0' && e[-1] <= '9') || e[-1] == ')' ||
		    e[-1] == ' '))
			e--;
		else if (e - s >= 3 && strncmp(e - 3, "分", 3) == 0)
			e -= 3;
		else
			break;
	}
	*e = '\0';
}


/* the roles of an indicator row's cells, by the header cell above them */
enum { R_NONE, R_L1, R_L2, R_L3, R_T, R_A, R_W, R_S };

/* the role a header cell names */
static int
role_of(const char *sq)
{
	if (has(sq, "一级"))
		return R_L1;
	if (has(sq, "二级"))
		return R_L2;
	if (has(sq, "三级") || has(sq, "级指标"))
		return R_L3;
	if (has(sq, "目标值") || has(sq, "指标值"))
		return R_T;
	if (has(sq, "完成值"))
		return R_A;
	if (has(sq, "分值") || has(sq, "权重"))
		return R_W;
	if (has(sq, "得分"))
		return R_S;
	return R_NONE;
}

/*
 * The role of each cell of the row l under the header h.  TAB-separated
 * rows keep their columns: a cell has the role of the header cell of its
 * index, a cell between two named ones the role of the one before (the
 * three-cell 三级 of the seed), and the first cells before any named one
 * none (the vertical "年度绩效指标").  Space-aligned rows lose their
 * empty cells, so a cell takes the role of the header cell that starts
 * at or before it, a character of slack allowed.
 */
static void
roles(const struct fline *h, const int *hrole, const struct fline *l,
    int *role)
{
	int j, m, last = R_NONE, tabs = strchr(l->s, '\t') != NULL;

	for (j = 0; j < l->n; j++) {
		if (tabs) {
			if (j < h->n && hrole[j] != R_NONE)
				last = hrole[j];
			else if (j < h->n && last == R_T)
				last = R_NONE;
			role[j] = j < h->n && hrole[j] != R_NONE ? hrole[j] :
			    last == R_L1 || last == R_L2 ? R_L3 : last;
			continue;
		}
		role[j] = R_NONE;
		for (m = 0; m < h->n; m++)
			if (hrole[m] != R_NONE && h->c[m].col <= l->c[j].col + 1)
				role[j] = hrole[m];
	}
	/* a trailing figure with no role of its own is the score */
	for (j = l->n - 1; j >= 0; j--)
		if (l->c[j].sq[0] != '\0') {
			if (role[j] != R_S && role[j] != R_W && is_figcell(l->c[j].t))
				role[j] = R_S;
			break;
		}
}

static void
read_form(struct form *f, char *const *lines, const unsigned long *lineno,
    const unsigned char *skip, size_t from, size_t to)
{
	struct fline *L;
	struct lvl1 t1[8];
	struct lvl2 *l2 = NULL;
	struct ind *in = NULL;
	char groups[8][16], glabel[8][96], row[320];
	size_t nl = 0, i;
	int n1 = 0, n2 = 0, nin = 0, ng = 0, g, j, hb = -1, hi = -1;
	int hrole[MAXCELLS], cur2 = -1;

	if (to > from + 150)
		to = from + 150;
	L = ecalloc(to - from + 1, sizeof *L);
	for (i = from; i < to; i++) {
		if (skip != NULL && skip[i])
			continue;
		split_line(&L[nl++], lines[i], lineno[i]);
	}

	/* 基本支出总额 | 项目支出总额 (整体 forms), before the budget header */
	for (i = 0; i < nl; i++) {
		char *sq = sqdup(L[i].s);
		int state = 0, k = 0;
		struct at figs[2][2];

		if (has(sq, "执行数")) {
			free(sq);
			break;
		}
		if (!(has(sq, "基本") && has(sq, "总额"))) {
			free(sq);
			continue;
		}
		free(sq);
		memset(figs, 0, sizeof figs);
		for (j = 0; j < L[i].n; j++) {
			if (has(L[i].c[j].sq, "基本"))
				state = 1, k = 0;
			else if (has(L[i].c[j].sq, "项目"))
				state = 2, k = 0;
			else if (state > 0 && k < 2 && is_figcell(L[i].c[j].t))
				figs[state - 1][k++] = at_fig(&L[i], j);
		}
		for (k = 0; k < 2; k++) {
			const char *r = k == 0 ? "基本支出" : "项目支出";

			put_at(f, r, "支出总额", &figs[k][0], "万元");
			if (figs[k][1].ok && (figs[k][1].l->c[figs[k][1].ci].t[figs[k][1].a] == '.' ||
			    strncmp(figs[k][1].l->c[figs[k][1].ci].t + figs[k][1].a, "\xEF\xBC\x8E", 3) == 0))
				put_at(f, r, "支出总额/小数", &figs[k][1], "万元");
		}
		break;
	}

	/* the 预算执行 header and its row of figures */
	for (i = 0; i < nl && hb < 0; i++) {
		char *sq = sqdup(L[i].s);

		if (has(sq, "执行数") && has(sq, "预算数"))
			hb = (int)i;
		free(sq);
	}
	if (hb >= 0) {
		static const char *const names[] = { "年初预算数", "全年预算数",
			"全年执行数", "预算数", "执行数", "执行率", "分值", "得分" };
		const char *order[8];
		int no = 0, nf = 0;
		char *sq = sqdup(L[hb].s), *p;
		struct at w;

		for (p = sq; *p != '\0' && no < 8;) {
			size_t m, best = 0;
			const char *hit = NULL;

			for (m = 0; m < sizeof names / sizeof names[0]; m++)
				if (strncmp(p, names[m], strlen(names[m])) == 0 &&
				    strlen(names[m]) > best) {
					best = strlen(names[m]);
					hit = names[m];
				}
			if (hit == NULL) {
				p++;
				continue;
			}
			order[no++] = strcmp(hit, "全年预算数") == 0 ? "预算数" :
			    strcmp(hit, "全年执行数") == 0 ? "执行数" : hit;
			p += best;
		}
		free(sq);
		/* the row always ends in its 得分, whatever OCR made of its header */
		if (no > 0 && no < 8 && strcmp(order[no - 1], "得分") != 0) {
			int m, seen = 0;

			for (m = 0; m < no; m++)
				seen |= strcmp(order[m], "得分") == 0;
			if (!seen)
				order[no++] = "得分";
		}
		/* the weight: "(20分)" in the header, else before the figures */
		memset(&w, 0, sizeof w);
		for (j = 0; j < L[hb].n && !w.ok; j++)
			w = at_weight(&L[hb], j);
		for (i = (size_t)hb + 1; i < nl && i <= (size_t)hb + 3; i++) {
			int figs = 0;

			for (j = 0; j < L[i].n; j++)
				figs += is_figcell(L[i].c[j].t);
			if (figs < 2)
				continue;
			for (j = 0; j < L[i].n; j++) {
				struct at x;

				if (!is_figcell(L[i].c[j].t)) {
					if (!w.ok && nf == 0)
						w = at_weight(&L[i], j);
					continue;
				}
				if (nf >= no)
					break;
				x = at_fig(&L[i], j);
				put_at(f, "预算执行", order[nf],  &x,
				    strcmp(order[nf], "执行率") == 0 ? "%" :
				    strcmp(order[nf], "得分") == 0 ||
				    strcmp(order[nf], "分值") == 0 ? "分" : "万元");
				nf++;
			}
			break;
		}
		put_at(f, "预算执行", "分值", &w, "分");
	}

	/* the indicator header: 一级 | 二级 | 三级 | 年初目标值 | 实际完成值 | 得分 */
	for (i = hb >= 0 ? (size_t)hb + 1 : 0; i < nl && hi < 0; i++) {
		char *sq = sqdup(L[i].s);

		if (has(sq, "目标值") || has(sq, "指标值")) {
			hi = (int)i;
			for (j = 0; j < L[i].n; j++)
				hrole[j] = role_of(L[i].c[j].sq);
		}
		free(sq);
	}
	if (hi >= 0) {
		for (i = (size_t)hi + 1; i < nl; i++) {
			struct fline *l = &L[i];
			int role[MAXCELLS], ts = -1, as = -1, ss = -1, ws = -1, k;
			char three[320], *p;
			struct at w3;

			{
				int first = -1;

				for (j = 0; j < l->n; j++)
					if (l->c[j].sq[0] != '\0') {
						first = j;
						break;
					}
				if (first >= 0 && (strncmp(l->c[first].sq, "总分", 6) == 0 ||
				    has(l->c[first].sq, "偏差") || has(l->c[first].sq, "改进")))
					break;
			}
			roles(&L[hi], hrole, l, role);
			for (j = 0; j < l->n; j++) {
				if (l->c[j].sq[0] == '\0')
					continue;
				if (role[j] == R_T && ts < 0)
					ts = j;
				else if (role[j] == R_A && as < 0)
					as = j;
				else if (role[j] == R_W && ws < 0)
					ws = j;
				else if (role[j] == R_S)
					ss = j;
			}
			if (ss >= 0 && !is_figcell(l->c[ss].t))
				ss = -1;
			/* 一级 cells: a label, a weight, or both */
			for (j = 0; j < l->n && n1 < 8; j++) {
				const char *sq = l->c[j].sq;
				struct at w;

				if (role[j] != R_L1 || sq[0] == '\0')
					continue;
				w = at_weight(l, j);
				if (has(sq, "指标")) {
					label_upto(sq, t1[n1].label, sizeof t1[n1].label);
					snprintf(t1[n1].kind, sizeof t1[n1].kind, "%s",
					    kind_of(t1[n1].label));
				} else if (w.ok && n1 > 0 && t1[n1 - 1].label[0] != '\0' &&
				    !at_weight(t1[n1 - 1].l, t1[n1 - 1].cell).ok) {
					/* "效益指标" | "(30分)" on the next line: one cell */
					t1[n1 - 1].l = l;
					t1[n1 - 1].cell = j;
					continue;
				} else if (w.ok) {
					t1[n1].label[0] = '\0';
					t1[n1].kind[0] = '\0';
				} else
					continue;
				t1[n1].l = l;
				t1[n1].cell = j;
				t1[n1].used = 0;
				n1++;
			}
			/* the 二级 cell, and what of the 三级 label it holds */
			three[0] = '\0';
			for (j = 0; j < l->n; j++) {
				const char *t = l->c[j].t, *q;

				if (role[j] != R_L2 || l->c[j].sq[0] == '\0')
					continue;
				if (cur2 >= 0 && starts(l->c[j].sq, "指标")) {
					/* "服务对象满意度" | "指标(10分)": a label wrapped */
					size_t len = strlen(l2[cur2].label);

					if (len < 6 || strcmp(l2[cur2].label + len - 6, "指标") != 0)
						snprintf(l2[cur2].label + len,
						    sizeof l2[cur2].label - len, "指标");
					if (!l2[cur2].w.ok)
						l2[cur2].w = at_weight(l, j);
				} else if (has(l->c[j].sq, "指标") ||
				    kind_of(l->c[j].sq)[0] != '\0') {
					l2 = ereallocarray(l2, (size_t)n2 + 1, sizeof *l2);
					memset(&l2[n2], 0, sizeof l2[n2]);
					label_upto(l->c[j].sq, l2[n2].label, sizeof l2[n2].label);
					strip_weight(l2[n2].label);
					snprintf(l2[n2].kind, sizeof l2[n2].kind, "%s",
					    kind_of(l2[n2].label));
					/* "质量指标(8分) 全年正常运行时": the rest is 三级 */
					q = strstr(t, "指标");
					if (q != NULL) {
						const char *c1 = strchr(q, ')');
						const char *c2 = strstr(q, "）");

						if (c1 != NULL && c1[1] != '\0')
							snprintf(three, sizeof three, "%s", c1 + 1);
						else if (c1 == NULL && c2 != NULL &&
						    c2[strlen("）")] != '\0')
							snprintf(three, sizeof three, "%s",
							    c2 + strlen("）"));
					}
					l2[n2].w = at_weight(l, j);
					cur2 = n2++;
				} else if (cur2 >= 0 && !l2[cur2].w.ok) {
					/* "服务对象满意度" | "指标(10分)": its weight */
					l2[cur2].w = at_weight(l, j);
				}
				break;
			}
			if (ss < 0)
				continue;
			/* the 三级 label and weight */
			memset(&w3, 0, sizeof w3);
			for (j = 0; j < l->n; j++) {
				struct at w;

				if (role[j] != R_L3)
					continue;
				w = at_weight(l, j);
				if (w.ok)
					w3 = w;
				k = (int)strlen(three);
				snprintf(three + k, sizeof three - (size_t)k, "%s", l->c[j].t);
			}
			if (ws >= 0 && is_figcell(l->c[ws].t))
				w3 = at_fig(l, ws);	/* a 分值 column */
			p = sqdup(three);
			strip_weight(p);
			in = ereallocarray(in, (size_t)nin + 1, sizeof *in);
			memset(&in[nin], 0, sizeof in[nin]);
			in[nin].l2 = cur2;
			snprintf(in[nin].label, sizeof in[nin].label, "%s",
			    p[0] != '\0' ? p : "指标");
			free(p);
			in[nin].w = w3;
			in[nin].target = at_fig(l, ts);
			in[nin].actual = at_fig(l, as);
			in[nin].score = at_fig(l, ss);
			nin++;
		}
	}

	/* 一级 groups: by the kinds of their 二级, in printed order */
	for (j = 0; j < n2; j++) {
		const char *kd = l2[j].kind;
		int m, has1 = 0;

		for (m = 0; m < n1; m++)
			if (strcmp(t1[m].kind, kd) == 0)
				has1 = 1;
		if (!has1 && strcmp(kd, "满意度") == 0)
			kd = "效益";
		if (!has1 && strcmp(kd, "成本") == 0)
			kd = "产出";
		if (kd[0] == '\0')
			kd = ng > 0 ? groups[ng - 1] : "产出";
		for (g = 0; g < ng; g++)
			if (strcmp(groups[g], kd) == 0)
				break;
		if (g == ng && ng < 8) {
			snprintf(groups[ng], sizeof groups[ng], "%s", kd);
			snprintf(glabel[ng], sizeof glabel[ng], "%s指标", kd);
			ng++;
		}
		l2[j].g = g < 8 ? g : 7;
	}
	{
		int tok[8];

		for (g = 0; g < ng; g++) {
			int m;

			tok[g] = -1;
			for (m = 0; m < n1; m++)
				if (!t1[m].used && strcmp(t1[m].kind, groups[g]) == 0) {
					tok[g] = m;
					t1[m].used = 1;
					snprintf(glabel[g], sizeof glabel[g], "%s", t1[m].label);
					break;
				}
		}
		for (g = 0; g < ng; g++) {
			int m;

			if (tok[g] >= 0)
				continue;
			for (m = 0; m < n1; m++)
				if (!t1[m].used && t1[m].label[0] == '\0') {
					tok[g] = m;
					t1[m].used = 1;
					break;
				}
		}
		/* write the tree: 一级, its 二级, their 三级 */
		for (g = 0; g < ng; g++) {
			if (tok[g] >= 0) {
				struct at w = at_weight(t1[tok[g]].l, t1[tok[g]].cell);

				put_at(f, glabel[g], "分值", &w, "分");
			}
			for (j = 0; j < n2; j++) {
				int m;

				if (l2[j].g != g)
					continue;
				snprintf(row, sizeof row, "%s/%s", glabel[g], l2[j].label);
				put_at(f, row, "分值", &l2[j].w, "分");
				for (m = 0; m < nin; m++) {
					char unit[64];

					if (in[m].l2 != j)
						continue;
					snprintf(row, sizeof row, "%s/%s/%s", glabel[g],
					    l2[j].label, in[m].label);
					put_at(f, row, "分值", &in[m].w, "分");
					if (in[m].target.ok) {
						unit_of(&in[m].target, unit, sizeof unit);
						put_at(f, row, "年初目标值", &in[m].target, unit);
					}
					if (in[m].actual.ok) {
						unit_of(&in[m].actual, unit, sizeof unit);
						put_at(f, row, "实际完成值", &in[m].actual, unit);
					}
					put_at(f, row, "得分", &in[m].score, "分");
				}
			}
		}
		/* 三级 rows above any 二级 label */
		for (j = 0; j < nin; j++)
			if (in[j].l2 < 0) {
				snprintf(row, sizeof row, "%s", in[j].label);
				put_at(f, row, "分值", &in[j].w, "分");
				put_at(f, row, "得分", &in[j].score, "分");
			}
	}

	/* 总分 */
	for (i = hi >= 0 ? (size_t)hi + 1 : 0; i < nl; i++) {
		int first = -1;

		for (j = 0; j < L[i].n; j++)
			if (L[i].c[j].sq[0] != '\0') {
				first = j;
				break;
			}
		if (first < 0 || strncmp(L[i].c[first].sq, "总分", 6) != 0)
			continue;
		for (j = first + 1; j < L[i].n; j++)
			if (is_figcell(L[i].c[j].t)) {
				struct at x = at_fig(&L[i], j);

				put_at(f, "总分", "得分", &x, "分");
				break;
			}
		break;
	}
	for (i = 0; i < nl; i++)
		free_line(&L[i]);
	free(L);
	free(l2);
	free(in);
}
