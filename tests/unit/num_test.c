/*
 * num_test - unit tests of the figure grammar (filters/lib/num.c).
 *
 * Table driven: each case is a printed text and what num_parse must make
 * of it.  Prints every failure and exits 1 if there was one, else prints
 * the number of checks and exits 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "num.h"
#include "util.h"

struct pcase {
	const char *in;
	enum num_status st;
	const char *value;	/* dec_str(val, 0), for NUM_OK */
	const char *flags;	/* num_flags_merge("", flags) */
	int pct, cut, plain;
};

static const struct pcase pcases[] = {
	/* nil and blank */
	{ "", NUM_BLANK, NULL, "", 0, 0, 0 },
	{ " \t ", NUM_BLANK, NULL, "", 0, 0, 0 },
	{ "\343\200\200", NUM_BLANK, NULL, "", 0, 0, 0 },
	{ "-", NUM_BLANK, NULL, "dash", 0, 0, 0 },
	{ "--", NUM_BLANK, NULL, "dash", 0, 0, 0 },
	{ "\342\200\224", NUM_BLANK, NULL, "dash", 0, 0, 0 },		/* — */
	{ "\342\200\224\342\200\224", NUM_BLANK, NULL, "dash", 0, 0, 0 },
	{ "\342\200\223", NUM_BLANK, NULL, "dash", 0, 0, 0 },		/* – */
	{ "\357\274\215", NUM_BLANK, NULL, "dash", 0, 0, 0 },		/* － */
	{ "_", NUM_BLANK, NULL, "", 0, 0, 0 },
	{ "0", NUM_OK, "0", "nodecimal", 0, 0, 1 },
	/* figures */
	{ "1731.95", NUM_OK, "1731.95", "", 0, 0, 0 },
	{ "1, 731. 95", NUM_OK, "1731.95", "spaced", 0, 0, 0 },
	{ "1 731.95", NUM_OK, "1731.95", "spaced", 0, 0, 0 },
	{ "1,731.95", NUM_OK, "1731.95", "spaced", 0, 0, 0 },
	{ "1\357\274\214731\357\274\21695", NUM_OK, "1731.95", "fullwidth,spaced", 0, 0, 0 },
	{ "12 345 678.90", NUM_OK, "12345678.90", "spaced", 0, 0, 0 },
	{ "1, 547", NUM_OK, "1547", "nodecimal,spaced", 0, 0, 1 },
	{ "868 . 08", NUM_OK, "868.08", "spaced", 0, 0, 0 },
	{ "65. 2", NUM_OK, "65.2", "onedecimal,spaced", 0, 0, 0 },
	{ "54", NUM_OK, "54", "nodecimal", 0, 0, 1 },
	{ "868", NUM_OK, "868", "nodecimal", 0, 0, 1 },
	{ "(12.50)", NUM_OK, "-12.50", "negative", 0, 0, 0 },
	{ "-12.50", NUM_OK, "-12.50", "negative", 0, 0, 0 },
	{ "\357\274\210\357\274\221\357\274\222\357\274\211", NUM_OK, "-12",
	    "fullwidth,negative,nodecimal", 0, 0, 0 },			/* （１２） */
	{ "\342\210\2227.25", NUM_OK, "-7.25", "negative", 0, 0, 0 },	/* −7.25 */
	{ "18.1%", NUM_OK, "18.1", "", 1, 0, 0 },
	{ "18. 1 %", NUM_OK, "18.1", "spaced", 1, 0, 0 },
	{ "1.2345", NUM_OK, "1.2345", "", 0, 0, 0 },
	{ "99999999999999.99", NUM_OK, "99999999999999.99", "", 0, 0, 0 },
	/* the same figure twice */
	{ "54. 61 54. 61", NUM_OK, "54.61", "duplicate,spaced", 0, 0, 0 },
	{ "54.61 54.61", NUM_OK, "54.61", "duplicate", 0, 0, 0 },
	{ "868 868", NUM_OK, "868", "duplicate,nodecimal", 0, 0, 0 },
	/* damage */
	{ "54. 61 65. 20", NUM_DAMAGED, NULL, "spaced,twofigures", 0, 0, 0 },
	{ "65.2 65.20", NUM_DAMAGED, NULL, "twofigures", 0, 0, 0 },
	{ "54 61", NUM_DAMAGED, NULL, "twofigures", 0, 0, 0 },
	{ "100 200", NUM_DAMAGED, NULL, "twofigures", 0, 0, 0 },
	{ "1 731", NUM_DAMAGED, NULL, "twofigures", 0, 0, 0 },
	{ "1,731 950", NUM_DAMAGED, NULL, "spaced,twofigures", 0, 0, 0 },
	/* the groups given back do not count against the length */
	{ "123 456 789 123 456 789 123 456 789 123 456 789 123 456 789 123 456 "
	    "789", NUM_DAMAGED, NULL, "twofigures", 0, 0, 0 },
	{ "123 123 123 123 123 123 123 123 123 123 123 123 123 123 123 123 123 "
	    "123", NUM_OK, "123", "duplicate,nodecimal", 0, 0, 0 },
	{ "1O2.5", NUM_DAMAGED, NULL, "letters", 0, 0, 0 },
	{ "l23", NUM_DAMAGED, NULL, "letters", 0, 0, 0 },
	{ "\345\220\210\350\256\241", NUM_DAMAGED, NULL, "letters", 0, 0, 0 },	/* 合计 */
	{ "(", NUM_DAMAGED, NULL, "letters", 0, 0, 0 },
	{ "\377", NUM_DAMAGED, NULL, "letters", 0, 0, 0 },		/* bad UTF-8 */
	{ "1, 547. (", NUM_DAMAGED, NULL, "spaced,truncated", 0, 1, 0 },
	{ "1,547.", NUM_DAMAGED, NULL, "spaced,truncated", 0, 1, 0 },
	{ "1,", NUM_DAMAGED, NULL, "truncated", 0, 1, 0 },
	{ "12.50)", NUM_DAMAGED, NULL, "truncated", 0, 1, 0 },
	{ "(12", NUM_DAMAGED, NULL, "negative,truncated", 0, 1, 0 },
	{ "1, 547 (", NUM_DAMAGED, NULL, "spaced,truncated", 0, 1, 0 },
	{ "1, 73", NUM_DAMAGED, NULL, "truncated", 0, 0, 0 },
	{ "1,7315", NUM_DAMAGED, NULL, "truncated", 0, 0, 0 },
	{ "00.5", NUM_DAMAGED, NULL, "truncated", 0, 0, 0 },
	{ "007", NUM_DAMAGED, NULL, "truncated", 0, 0, 0 },
	{ "%5", NUM_DAMAGED, NULL, "truncated", 0, 0, 0 },
	{ ". 08", NUM_DAMAGED, NULL, "spaced,split", 0, 0, 0 },
	{ ".87", NUM_DAMAGED, NULL, "split", 0, 0, 0 },
	{ "1234567890123456789012345678901234567890", NUM_DAMAGED, NULL,
	    "overflow", 0, 0, 0 },
	{ "1.23456", NUM_DAMAGED, NULL, "overflow", 0, 0, 0 },
	{ "14789031420314208675679567890314203142086784567890123", NUM_DAMAGED,
	    NULL, "overflow", 0, 0, 0 },
	{ "1.47890314203142086756795678903142031420867845678901234567",
	    NUM_DAMAGED, NULL, "overflow", 0, 0, 0 },
	{ "1, 478, 903, 142, 031, 420, 867, 567, 956, 789, 031, 420, 314, 208, "
	    "678, 456, 789. 01", NUM_DAMAGED, NULL, "overflow,spaced", 0, 0, 0 },
	{ "922337203685477.00", NUM_DAMAGED, NULL, "overflow", 0, 0, 0 },
};

static int nfail, ncheck;

static void
check(int ok, const char *what, const char *in, const char *got,
    const char *want)
{
	ncheck++;
	if (ok)
		return;
	nfail++;
	printf("FAIL %s '%s': got '%s', want '%s'\n", what, in, got, want);
}

static void
test_parse(void)
{
	size_t i;
	struct num n;
	char buf[DEC_STRLEN], *flags;
	const struct pcase *c;

	for (i = 0; i < sizeof pcases / sizeof pcases[0]; i++) {
		c = &pcases[i];
		num_parse(c->in, &n);
		check(n.status == c->st, "status", c->in,
		    num_status_name(n.status), num_status_name(c->st));
		if (c->st == NUM_OK) {
			dec_str(n.val, 0, buf);
			check(strcmp(buf, c->value) == 0, "value", c->in, buf,
			    c->value);
		}
		flags = num_flags_merge("", n.flags);
		check(strcmp(flags, c->flags) == 0, "flags", c->in, flags,
		    c->flags);
		free(flags);
		check(n.pct == c->pct, "pct", c->in, n.pct ? "1" : "0",
		    c->pct ? "1" : "0");
		check(n.cut == c->cut, "cut", c->in, n.cut ? "1" : "0",
		    c->cut ? "1" : "0");
		check(n.plain == c->plain, "plain", c->in, n.plain ? "1" : "0",
		    c->plain ? "1" : "0");
	}
}

static void
test_scale(void)
{
	static const struct {
		const char *in;
		int from, to;
		const char *want;	/* dec_str(.., 0), or NULL for -1 */
	} cases[] = {
		{ "1731.95", NUM_WAN, NUM_YUAN, "17319500" },
		{ "0.01", NUM_WAN, NUM_YUAN, "100" },
		{ "12345.00", NUM_YUAN, NUM_WAN, "1.2345" },
		{ "12345.67", NUM_YUAN, NUM_WAN, NULL },
		{ "100000000", NUM_YUAN, NUM_YI, "1.0000" },
		{ "1.5", NUM_YI, NUM_WAN, "15000" },
		{ "-20000.00", NUM_YUAN, NUM_WAN, "-2.0000" },
		{ "99999999999.99", NUM_WAN, NUM_YUAN, NULL },
		{ "65.20", NUM_WAN, NUM_WAN, "65.20" },
		{ "1", -1, NUM_WAN, NULL },
		{ "1", NUM_WAN, 19, NULL },
	};
	size_t i;
	struct dec d;
	char buf[DEC_STRLEN];
	int rc;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (dec_parse(cases[i].in, &d) != 0) {
			check(0, "scale input", cases[i].in, "", "a figure");
			continue;
		}
		rc = num_scale(&d, cases[i].from, cases[i].to);
		if (cases[i].want == NULL) {
			check(rc == -1, "scale", cases[i].in, dec_str(d, 0, buf),
			    "-1");
			check(strcmp(dec_str(d, 0, buf), cases[i].in) == 0,
			    "scale leaves", cases[i].in, buf, cases[i].in);
		} else {
			check(rc == 0, "scale rc", cases[i].in, "-1", "0");
			check(strcmp(dec_str(d, 0, buf), cases[i].want) == 0,
			    "scale", cases[i].in, buf, cases[i].want);
		}
	}
}

static void
test_units(void)
{
	static const struct {
		const char *in, *rest;
		int unit;
	} cases[] = {
		{ "1, 731. 95\344\270\207\345\205\203", "1, 731. 95", NUM_WAN },
		{ "265.09 \344\270\207\345\205\203", "265.09", NUM_WAN },
		{ "1.2\344\272\277\345\205\203", "1.2", NUM_YI },
		{ "12,345\345\205\203 ", "12,345", NUM_YUAN },
		{ "12,345\343\200\200\345\205\203", "12,345", NUM_YUAN },
		{ "18.1%", "18.1%", -1 },
		{ "\345\205\203", "", NUM_YUAN },
		{ "", "", -1 },
	};
	size_t i;
	char buf[64];
	int u;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(buf, sizeof buf, "%s", cases[i].in);
		u = num_strip_unit(buf);
		check(u == cases[i].unit, "strip unit", cases[i].in,
		    u >= 0 ? num_unit_name(u) : "-1",
		    cases[i].unit >= 0 ? num_unit_name(cases[i].unit) : "-1");
		check(strcmp(buf, cases[i].rest) == 0, "strip rest",
		    cases[i].in, buf, cases[i].rest);
	}
	check(num_unit("\345\205\203") == NUM_YUAN, "unit", "元", "", "");
	check(num_unit("\344\270\207\345\205\203") == NUM_WAN, "unit", "万元",
	    "", "");
	check(num_unit("\344\272\277\345\205\203") == NUM_YI, "unit", "亿元",
	    "", "");
	check(num_unit("") == -1, "unit", "", "", "-1");
	check(num_unit("%") == -1, "unit", "%", "", "-1");
	check(num_unit_name(3) == NULL, "unit name", "3", "", "NULL");
}

static void
test_flags(void)
{
	static const struct {
		const char *old;
		unsigned bits;
		const char *want;
	} cases[] = {
		{ "", 0, "" },
		{ ",,", 0, "" },
		{ "", NUM_SPACED | NUM_DASH, "dash,spaced" },
		{ "merged,label-inferred", NUM_SPACED, "label-inferred,merged,spaced" },
		{ "spaced,spaced", NUM_SPACED, "spaced" },
		{ "truncated", NUM_ONEDECIMAL | NUM_TRUNCATED, "onedecimal,truncated" },
		{ "zeta,,alpha", 0, "alpha,zeta" },
	};
	size_t i;
	char *got;
	unsigned b;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = num_flags_merge(cases[i].old, cases[i].bits);
		check(strcmp(got, cases[i].want) == 0, "merge", cases[i].old,
		    got, cases[i].want);
		free(got);
	}
	/* every bit has a name, and the names are in byte order */
	for (b = 1; b < (1u << NUM_NFLAGS); b <<= 1) {
		check(num_flag_name(b) != NULL, "flag name", "", "NULL", "a name");
		if (b > 1 && num_flag_name(b) != NULL)
			check(strcmp(num_flag_name(b >> 1), num_flag_name(b)) < 0,
			    "flag order", num_flag_name(b), "", "");
	}
	check(num_flag_name(3) == NULL, "flag name", "3", "", "NULL");
}

int
main(int argc, char *argv[])
{
	(void)argc;
	util_init(argv[0]);
	test_parse();
	test_scale();
	test_units();
	test_flags();
	if (nfail > 0) {
		printf("%d of %d checks failed\n", nfail, ncheck);
		return 1;
	}
	printf("%d checks passed\n", ncheck);
	return 0;
}
