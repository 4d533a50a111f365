/*
 * claims.c - read the figures stated in a disclosure's narrative.
 *
 * The narrative (第三部分 情况说明, up to the next part) is joined into
 * sentences: a numbered item or a heading starts a new one, a line break
 * does not (OCR breaks lines, and even words, anywhere).  Each figure with
 * its unit is a claim; what it is about comes from the text before it in
 * its clause, or from the clause before, and from a (类)(款)(项) path when
 * the sentence names one.  The relation (增加, 增长, 占, 年初预算,
 * 完成…的) comes from the words just before the figure.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "re.h"
#include "rec.h"
#include "txt.h"
#include "util.h"

struct seg {		/* where a stretch of the joined text came from */
	size_t off;		/* byte offset in the joined text */
	unsigned long line;
	unsigned long col0;	/* character column of its first byte, 0-based */
	const char *src;	/* folded text of the line from that point */
	char *mem;		/* the folded line, freed when the text is reset */
};

struct narr {
	char *buf;
	size_t len, cap;
	struct seg *seg;
	size_t nseg, cseg;
	char section[32];
	char path[512];		/* the (类)(款)(项) path of the current item */
	char last[600];		/* the subject of the last claim of the section */
	size_t kseg, koff, kchars;	/* cursor: characters up to koff in segment kseg */
	const char *doc;
	FILE *out;
};

/* the first byte decides most calls: tested before strncmp */
static int
starts(const char *s, const char *p)
{
	return p[0] == '\0' || (s[0] == p[0] && strncmp(s, p, strlen(p)) == 0);
}

static const char *const numerals[] = { "十", "一", "二", "三", "四", "五", "六", "七",
	"八", "九", NULL };

/* length of a run of Chinese numerals at s */
static size_t
numeral_run(const char *s)
{
	const char *p = s;
	int k, more = 1;

	while (more) {
		more = 0;
		for (k = 0; numerals[k] != NULL; k++)
			if (starts(p, numerals[k])) {
				p += strlen(numerals[k]);
				more = 1;
				break;
			}
	}
	return (size_t)(p - s);
}

/* does the (folded, marker-stripped) line start a numbered item? */
static int
is_item(const char *s)
{
	size_t n;

	if ((n = numeral_run(s)) > 0 && starts(s + n, "、"))
		return 1;
	if (s[0] == '(' && (n = numeral_run(s + 1)) > 0 && s[1 + n] == ')')
		return 1;
	if (s[0] == '(' && s[1] >= '0' && s[1] <= '9')
		return 1;
	if (s[0] >= '0' && s[0] <= '9') {
		const char *p = s;

		while (*p >= '0' && *p <= '9')
			p++;
		return (*p == '.' && p[1] != '\0' && !(p[1] >= '0' && p[1] <= '9')) ||
		    starts(p, "、");
	}
	return 0;
}

static void
track_section(struct narr *n, const char *s)
{
	size_t k;
	char num[32];

	if ((k = numeral_run(s)) > 0 && starts(s + k, "、") && k < 16) {
		snprintf(n->section, sizeof n->section, "%.*s", (int)k, s);
	} else if (s[0] == '(' && (k = numeral_run(s + 1)) > 0 && s[1 + k] == ')' && k < 16) {
		char *paren = strchr(n->section, '(');

		if (paren != NULL)
			*paren = '\0';
		snprintf(num, sizeof num, "(%.*s)", (int)k, s + 1);
		if (strlen(n->section) + strlen(num) < sizeof n->section)
			strcat(n->section, num);
	}
}

static void
append(struct narr *n, const char *s, size_t len)
{
	if (n->len + len + 1 > n->cap) {
		n->cap = (n->len + len + 1) * 2;
		n->buf = erealloc(n->buf, n->cap);
	}
	memcpy(n->buf + n->len, s, len);
	n->len += len;
	n->buf[n->len] = '\0';
}

/* position of byte offset off of the joined text */
static void
where(struct narr *n, size_t off, unsigned long *line, unsigned long *col)
{
	size_t lo = 0, hi = n->nseg;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (n->seg[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = n->seg[lo].line;
	/*
	 * Claims come in order: count characters on from the last position
	 * asked for, not from the start of the line, or a 10 MB line of
	 * figures would take hours.
	 */
	if (n->kseg != lo || n->koff > off) {
		n->kseg = lo;
		n->koff = n->seg[lo].off;
		n->kchars = 0;
	}
	n->kchars += txt_chars(n->seg[lo].src + (n->koff - n->seg[lo].off), off - n->koff);
	n->koff = off;
	*col = n->seg[lo].col0 + n->kchars + 1;
}

/* ---- subjects -------------------------------------------------------------- */

/* remove every occurrence of w from s */
static void
cut(char *s, const char *w)
{
	char *p;
	size_t l = strlen(w);

	while ((p = strstr(s, w)) != NULL)
		memmove(p, p + l, strlen(p + l) + 1);
}

/* drop a leading year ("2024年度", "2024年") and "与2023年度相比" */
static char *
drop_year(char *s)
{
	if (s[0] == '2' && s[1] == '0' && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9') {
		if (starts(s + 4, "年度"))
			return s + 4 + strlen("年度");
		if (starts(s + 4, "年"))
			return s + 4 + strlen("年");
	}
	return s;
}

static int
ends(const char *s, const char *w)
{
	size_t a = strlen(s), b = strlen(w);

	return a >= b && strcmp(s + a - b, w) == 0;
}

static void
chop(char *s, const char *w)
{
	if (ends(s, w))
		s[strlen(s) - strlen(w)] = '\0';
}

/*
 * The subject of a figure from the clause text before it, with the
 * relation words removed; "" when nothing is left (the figure then speaks
 * of the previous clause's subject).
 */
static void
subject_of(const char *pre, const char *unitname, char *out, size_t outlen)
{
	char *s = estrdup(pre), *p;
	static const char *const tails[] = { "均为", "各为", "为", "是",
		"各增加", "各减少", "增加", "减少", "增长", "下降", "达到", "约", NULL };
	int k, again = 1;

	txt_squeeze(s);
	cut(s, "、");
	cut(s, "\"");
	cut(s, "“");
	cut(s, "”");
	p = s;
	while (*p == '-' || *p == '*' || starts(p, "、"))
		p += starts(p, "、") ? strlen("、") : 1;
	/* list ordinals: "1.", "(1)", "一是" */
	if (*p >= '0' && *p <= '9') {
		char *q = p;

		while (*q >= '0' && *q <= '9')
			q++;
		if (*q == '.' || starts(q, "、"))
			p = q + (*q == '.' ? 1 : strlen("、"));
	} else if (*p == '(' && strchr(p, ')') != NULL && strchr(p, ')') - p <= 12) {
		p = strchr(p, ')') + 1;
	}
	{
		size_t k2 = numeral_run(p);

		if (k2 > 0 && starts(p + k2, "是"))
			p += k2 + strlen("是");
	}
	if (unitname != NULL && unitname[0] != '\0' && starts(p, unitname))
		p += strlen(unitname);
	p = drop_year(p);
	if (starts(p, "其中"))
		p += strlen("其中");
	if (starts(p, "本年度"))
		p += strlen("本年度");
	if (unitname != NULL && unitname[0] != '\0' && starts(p, unitname))
		p += strlen(unitname);
	if ((s[0] != '\0') && strstr(p, "主要用于") != NULL)
		p = strstr(p, "主要用于") + strlen("主要用于");
	if (starts(p, "比") || starts(p, "较")) {
		/* "比2023年度决算数增加": the comparison names no subject */
		p += strlen(p);
	}
	while (again) {
		again = 0;
		for (k = 0; tails[k] != NULL; k++)
			if (ends(p, tails[k])) {
				chop(p, tails[k]);
				again = 1;
			}
		if (ends(p, "类支出")) {
			chop(p, "类支出");
			again = 1;
		}
		if (ends(p, "(类)")) {
			chop(p, "(类)");
			again = 1;
		}
	}
	/* relation phrases name the quantity, not the subject */
	chop(p, "支出决算");
	chop(p, "年初预算");
	chop(p, "全年预算");
	chop(p, "预算数");
	chop(p, "全年预算数");
	chop(p, "执行数");
	chop(p, "决算");
	snprintf(out, outlen, "%s", p);
	free(s);
}

/* "(类)…(款)…(项)": the 项 path a budget-execution paragraph is about */
static int
item_path(const char *sent, char *out, size_t outlen)
{
	const char *a = strstr(sent, "(类)"), *b, *c, *start;
	char *t, *x;
	size_t n;

	if (a == NULL || (b = strstr(a, "(款)")) == NULL || (c = strstr(b, "(项)")) == NULL)
		return 0;
	/* the 类 name starts after the item number */
	start = a;
	while (start > sent && start[-1] != '.' &&
	    !(start - sent >= 3 && starts(start - 3, "、")) &&
	    start[-1] != ')' && start[-1] != ',' && start[-1] != ':')
		start--;
	n = (size_t)(c - start);
	t = estrndup(start, n);
	txt_squeeze(t);
	while ((x = strstr(t, "(类)")) != NULL || (x = strstr(t, "(款)")) != NULL) {
		*x = '/';
		memmove(x + 1, x + strlen("(类)"), strlen(x + strlen("(类)")) + 1);
	}
	snprintf(out, outlen, "%s", t);
	free(t);
	return 1;
}

/*
 * snprintf(dst, size, "%.*s", n, src) without the format machinery, which
 * cost more than the rest of sentence(): a copy per figure.
 */
static void
copyn(char *dst, size_t size, const char *src, size_t n)
{
	size_t len = strnlen(src, n);

	if (len >= size)
		len = size - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* ---- claims ------------------------------------------------------------------ */

static pcre2_code *re_fig;

static void
put_claim(struct narr *n, const char *subject, const char *relation,
    const char *quantity, const char *raw, const char *unit, size_t off,
    const char *context)
{
	char pos[48];
	unsigned long line, col;
	const char *f[L_NF - 1];

	where(n, off, &line, &col);
	snprintf(pos, sizeof pos, "%lu:%lu", line, col);
	if (subject[0] != '\0' && subject != n->last)
		copyn(n->last, sizeof n->last, subject, SIZE_MAX);
	f[L_DOC - 1] = n->doc;
	f[L_SECTION - 1] = n->section;
	f[L_SUBJECT - 1] = subject;
	f[L_RELATION - 1] = relation;
	f[L_QUANTITY - 1] = quantity;
	f[L_RAW - 1] = raw;
	f[L_VALUE - 1] = "";
	f[L_UNIT - 1] = unit;
	f[L_POS - 1] = pos;
	f[L_CONTEXT - 1] = context;
	rec_put(n->out, "claim", L_NF - 1, f);
}

static const struct {
	const char *word;
	int dir;
} dirwords[] = {
	{ "基本持平", '~' }, { "基本一致", '~' }, { "基本相当", '~' },
	{ "大于", '>' }, { "高于", '>' }, { "超过", '>' },
	{ "小于", '<' }, { "低于", '<' },
	{ "一致", '=' }, { "持平", '=' }, { "相等", '=' }, { "等于", '=' }, { "相同", '=' },
};

int
claims_direction(const char *raw)
{
	size_t i;
	int dir = 0;

	for (i = 0; i < sizeof dirwords / sizeof dirwords[0]; i++)
		if (strstr(raw, dirwords[i].word) != NULL) {
			if (dir == 0)
				dir = dirwords[i].dir;
			else if (dir != dirwords[i].dir && dir != '~')
				return 0;	/* a template's "大于(小于)": no direction */
		}
	return dir;
}

/*
 * "决算数大于年初预算数", "决算数与全年预算数基本持平": the 决算 compared with
 * the 预算 in words, within a few characters.  Returns the phrase's start
 * and length in s, from 决算 to 预算数 (or 预算).
 */
static int
direction_phrase(const char *s, size_t *at, size_t *len)
{
	const char *p = s, *q, *b, *w;
	size_t i;

	while ((p = strstr(p, "决算")) != NULL) {
		/* the comparing word within 12 bytes after 决算, 预算 within 24 after it */
		for (i = 0; i < sizeof dirwords / sizeof dirwords[0]; i++) {
			w = strstr(p + strlen("决算"), dirwords[i].word);
			if (w == NULL || w - p > 18)
				continue;
			q = strstr(p, "预算");
			if (q == NULL || q - p > 48)
				continue;
			b = q + strlen("预算");
			if (strncmp(b, "数", strlen("数")) == 0)
				b += strlen("数");
			if (w + strlen(dirwords[i].word) > b)
				b = w + strlen(dirwords[i].word);
			*at = (size_t)(p - s);
			*len = (size_t)(b - p);
			return 1;
		}
		p += strlen("决算");
	}
	return 0;
}

/* a thousands separator: a digit before the comma, three digits after it */
static int
comma_in_figure(const char *s, size_t i, size_t len)
{
	size_t j = i + 1, k = 0;

	if (i == 0 || s[i - 1] < '0' || s[i - 1] > '9')
		return 0;
	if (j < len && s[j] == ' ')
		j++;
	while (j < len && s[j] >= '0' && s[j] <= '9')
		j++, k++;
	return k == 3;
}

/* split a sentence into clauses and read the figures of each */
static void
sentence(struct narr *n, size_t s0, size_t s1, const char *unitname)
{
	char *sent = estrndup(n->buf + s0, s1 - s0);
	char path[512] = "", prev[1200] = "";
	size_t c0 = 0, i, len = s1 - s0, dat, dlen;
	int has_path = item_path(sent, path, sizeof path), carried, pathy;

	/*
	 * An item names its path once; the 年初预算 / 支出决算 / 完成 figures
	 * of its later sentences speak of it.
	 */
	if (has_path)
		snprintf(n->path, sizeof n->path, "%s", path);
	else if (n->path[0] != '\0')
		snprintf(path, sizeof path, "%s", n->path);
	carried = !has_path && n->path[0] != '\0';
	pathy = has_path || carried;

	for (i = 0; i <= len; i++) {
		char ch = i < len ? sent[i] : ',';
		size_t c1, at;
		long ov[6];

		if (ch != ',' && ch != ':' && ch != ';')
			continue;
		if (ch == ',' && i < len && comma_in_figure(sent, i, len))
			continue;
		c1 = i;
		at = c0;
		while (at < c1 && re_match(re_fig, sent, c1, at, ov, 3) >= 3) {
			char pre[1024], subj[600], raw[128], unit[32], full[1200], ctx[1024];
			const char *rel = "value", *qty = "amount";
			size_t a = (size_t)ov[0], b = (size_t)ov[1];
			const char *zhan;

			/* the words since the previous figure of the clause, or its start */
			copyn(pre, sizeof pre, sent + at, a - at);
			copyn(raw, sizeof raw, sent + a, b - a);
			copyn(unit, sizeof unit, sent + ov[4], (size_t)(ov[5] - ov[4]));
			copyn(ctx, sizeof ctx, sent + c0, c1 - c0);
			txt_trim(ctx);
			{
				char *sq = estrdup(pre);

				txt_squeeze(sq);
				if (strcmp(unit, "%") == 0) {
					qty = "percent";
					if (ends(sq, "增长") || ends(sq, "增加"))
						rel = "growth";
					else if (ends(sq, "下降") || ends(sq, "减少"))
						rel = "decline";
					else if (strstr(sq, "完成") != NULL)
						rel = "completion";
					else if (strstr(sq, "占") != NULL)
						rel = "share";
					else
						rel = "value";
				} else if (strcmp(unit, "万元") == 0 || strcmp(unit, "元") == 0 ||
				    strcmp(unit, "亿元") == 0) {
					if (ends(sq, "增加") || ends(sq, "增长"))
						rel = "increase";
					else if (ends(sq, "减少") || ends(sq, "下降"))
						rel = "decrease";
					else if (ends(sq, "年初预算为") || ends(sq, "全年预算为") ||
					    ends(sq, "全年预算数为") || ends(sq, "预算数为") ||
					    ends(sq, "年初预算"))
						rel = "budget";
					else if (ends(sq, "支出决算为") || ends(sq, "执行数为") ||
					    ends(sq, "决算数为") || ends(sq, "支出决算"))
						rel = "final";
				} else {
					qty = "count";
					rel = "count";
				}
				free(sq);
			}
			/* a carried path names the execution figures only */
			has_path = !carried ? has_path : strcmp(rel, "budget") == 0 ||
			    strcmp(rel, "final") == 0 || strcmp(rel, "completion") == 0;
			/* 占: the subject is before it, the base after it */
			zhan = strstr(pre, "占");
			if (strcmp(rel, "share") == 0 && zhan != NULL) {
				char before[1024], base[512];

				copyn(before, sizeof before, pre, (size_t)(zhan - pre));
				subject_of(before, unitname, subj, sizeof subj);
				copyn(base, sizeof base, zhan + strlen("占"), SIZE_MAX);
				txt_squeeze(base);
				chop(base, "的");
				if (ends(base, "比"))
					chop(base, "比");
				if (subj[0] == '\0')
					snprintf(subj, sizeof subj, "%.500s", has_path ? path : prev);
				snprintf(full, sizeof full, "%.600s@%.500s", subj, base);
			} else if (strcmp(rel, "completion") == 0) {
				/* "完 成" is 完成 once squeezed, as it was found */
				char base[512], sp[1024], *w;

				copyn(sp, sizeof sp, pre, SIZE_MAX);
				txt_squeeze(sp);
				w = strstr(sp, "完成");
				copyn(base, sizeof base, w != NULL ? w + strlen("完成") : "", SIZE_MAX);
				txt_squeeze(base);
				chop(base, "的");
				snprintf(full, sizeof full, "%.600s@%.500s", has_path ? path : prev, base);
			} else {
				subject_of(pre, unitname, subj, sizeof subj);
				if (has_path)
					copyn(full, sizeof full, path, SIZE_MAX);
				else if (subj[0] != '\0')
					copyn(full, sizeof full, subj, SIZE_MAX);
				else
					copyn(full, sizeof full, prev, SIZE_MAX);
				if (!has_path)
					copyn(prev, sizeof prev, full, SIZE_MAX);
			}
			put_claim(n, full, rel, qty, raw, unit, s0 + a, ctx);
			at = b;
		}
		c0 = i + 1;
	}
	/*
	 * "决算数大于年初预算数的主要原因是…": a compare claim, of the item
	 * whose figures the sentence or the one before it gave.
	 */
	if (direction_phrase(sent, &dat, &dlen)) {
		char raw[256], ctx[1024];
		char subj[600];

		/* a completion's subject is "X@年初预算": X */
		copyn(subj, sizeof subj, pathy ? path : prev[0] != '\0' ? prev : n->last, SIZE_MAX);
		if (strchr(subj, '@') != NULL)
			*strchr(subj, '@') = '\0';
		copyn(raw, sizeof raw, sent + dat, dlen);
		txt_squeeze(raw);
		copyn(ctx, sizeof ctx, sent, SIZE_MAX);
		txt_trim(ctx);
		put_claim(n, subj, "compare", "direction", raw, "", s0 + dat, ctx);
	}
	free(sent);
}

static void
reset(struct narr *n)
{
	size_t i;

	n->path[0] = '\0';
	n->last[0] = '\0';
	n->kseg = (size_t)-1;

	for (i = 0; i < n->nseg; i++)
		free(n->seg[i].mem);
	n->nseg = 0;
	n->len = 0;
}

static void
flush_text(struct narr *n, const char *unitname)
{
	size_t i, s0 = 0;

	for (i = 0; i <= n->len; i++) {
		if (i < n->len && n->buf[i] != '\n' && !starts(n->buf + i, "。"))
			continue;
		if (i > s0)
			sentence(n, s0, i, unitname);
		s0 = i + (i < n->len && n->buf[i] == '\n' ? 1 : strlen("。"));
		if (i < n->len && n->buf[i] != '\n')
			i += strlen("。") - 1;
	}
}

void
claims_scan(char *const *lines, const unsigned long *lineno,
    const unsigned char *skip, size_t nl, const char *doc, const char *unitname,
    FILE *out)
{
	struct narr n;
	size_t i, from = 0, to = nl;
	int found = 0;

	if (re_fig == NULL)
		re_fig = re_compile("(?<![0-9.,])([0-9]{1,3}(?:, ?[0-9]{3})+(?:\\. ?[0-9]{1,4})?|"
		    "[0-9]+(?:\\. ?[0-9]{1,4})?) ?(万元|亿元|元|%|个|辆|人次|台\\(套\\)|台|项)"
		    "(?!以上|以下|左右)", 0);
	/*
	 * The narrative: the last line that starts 第三部分 (the first ones are
	 * the table of contents) up to the next part.  Without one, all text.
	 * A part heading holds 第 (squeezing drops only spaces and tabs): the
	 * other lines are passed without a copy (the third case below never
	 * holds for them either: from <= i whenever it is tested).
	 */
	for (i = 0; i < nl; i++) {
		char *c, *p;

		if (strstr(lines[i], "第") == NULL)
			continue;
		c = p = estrdup(lines[i]);
		txt_squeeze(c);
		while (*p == '#' || *p == '-')
			p++;
		if (starts(p, "第三部分")) {
			from = i + 1;
			found = 1;
		} else if (found && i > from && (starts(p, "第四部分") || starts(p, "第五部分") ||
		    starts(p, "第六部分") || starts(p, "第七部分")) && to == nl) {
			to = i;
		} else if (starts(p, "第三部分") == 0 && found && i < from) {
			to = nl;
		}
		free(c);
	}
	if (found) {
		/* the end is the first later part after the last 第三部分 */
		to = nl;
		for (i = from; i < nl; i++) {
			char *c, *p;
			int stop;

			if (strstr(lines[i], "第") == NULL)
				continue;
			c = p = estrdup(lines[i]);
			txt_squeeze(c);
			while (*p == '#' || *p == '-')
				p++;
			stop = starts(p, "第四部分") || starts(p, "第五部分") ||
			    starts(p, "第六部分") || starts(p, "第七部分");
			free(c);
			if (stop) {
				to = i;
				break;
			}
		}
	}
	memset(&n, 0, sizeof n);
	n.kseg = (size_t)-1;
	n.doc = doc;
	n.out = out;
	for (i = from; i < to; i++) {
		char *f, *p;
		size_t pre;

		if (skip[i])
			continue;
		f = estrdup(lines[i]);
		txt_strip_markup(f);
		txt_fold(f);
		p = f;
		while (*p == '#' || *p == ' ' || *p == '-' || *p == '*' || *p == '\t')
			p++;
		/* page furniture: a page number alone ("12", "- 3 -", "第 3 页") */
		if (*p == '\0' || strspn(p, "0123456789-— ") == strlen(p)) {
			free(f);
			continue;
		}
		if (lines[i][0] == '#' || is_item(p)) {
			/* a heading or numbered item ends the sentence before it */
			append(&n, "\n", 1);
			flush_text(&n, unitname);
			reset(&n);
			track_section(&n, p);
		}
		pre = txt_chars(f, (size_t)(p - f));
		if (n.nseg == n.cseg) {
			n.cseg = n.cseg ? n.cseg * 2 : 64;
			n.seg = ereallocarray(n.seg, n.cseg, sizeof *n.seg);
		}
		n.seg[n.nseg].off = n.len;
		n.seg[n.nseg].line = lineno[i];
		n.seg[n.nseg].col0 = (unsigned long)pre;
		n.seg[n.nseg].src = p;
		n.seg[n.nseg].mem = f;
		n.nseg++;
		append(&n, p, strlen(p));
		if (lines[i][0] == '#' || (is_item(p) && strstr(p, "。") == NULL &&
		    strpbrk(p, "0123456789") == NULL)) {
			/* a heading, or an item line that is a heading: "(三)…具体情况" */
			append(&n, "\n", 1);
			flush_text(&n, unitname);
			reset(&n);
		}
	}
	flush_text(&n, unitname);
	reset(&n);
	free(n.buf);
	free(n.seg);
}
