/*
 * num.c - libFuzzer harness for the figure grammar of normalize-numbers
 * (filters/lib/num.h): num_parse on any text, then the contracts num.h
 * states, checked with abort() so a broken promise is a crash the fuzzer
 * keeps.  Also drives num_strip_unit, num_unit, num_scale and
 * num_flags_merge with pieces of the same input.  See docs/fuzzing.md.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "num.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ALLFLAGS ((1u << NUM_NFLAGS) - 1)

static void
check(int ok)
{
	if (!ok)
		abort();
}

/* a comma-separated flag list is sorted, without duplicates or empties */
static void
check_flags(const char *s)
{
	const char *prev = NULL, *p = s, *q;
	size_t plen = 0, n;

	if (*s == '\0')
		return;
	for (;;) {
		q = strchr(p, ',');
		n = q != NULL ? (size_t)(q - p) : strlen(p);
		check(n > 0);
		if (prev != NULL) {
			int c = strncmp(prev, p, n < plen ? n : plen);

			check(c < 0 || (c == 0 && plen < n));
		}
		prev = p;
		plen = n;
		if (q == NULL)
			break;
		p = q + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct num n, again;
	struct dec d;
	char *s, *t, *m, buf[DEC_STRLEN];
	unsigned bits;
	int u;

	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	num_parse(s, &n);
	check(n.status == NUM_OK || n.status == NUM_BLANK ||
	    n.status == NUM_DAMAGED);
	check((n.flags & ~ALLFLAGS) == 0);
	if (n.status == NUM_BLANK)
		check((n.flags & ~(unsigned)NUM_DASH) == 0);
	if (n.status != NUM_OK || n.pct)
		check((n.flags & (NUM_ONEDECIMAL | NUM_NODECIMAL)) == 0);
	if (n.status == NUM_OK) {
		check(n.val.dp >= 0 && n.val.dp <= DEC_DP);
		/* the figure written back in plain ASCII reads the same */
		dec_str(n.val, 0, buf);
		num_parse(buf, &again);
		check(again.status == NUM_OK && dec_cmp(again.val, n.val) == 0);
		/* scaling there and back is exact when it succeeds */
		d = n.val;
		if (num_scale(&d, NUM_WAN, NUM_YUAN) == 0) {
			check(num_scale(&d, NUM_YUAN, NUM_WAN) == 0);
			check(dec_cmp(d, n.val) == 0);
		}
	}

	/*
	 * The flags of the result merged into a flag field made of the input:
	 * whatever the old field holds, the result is sorted, without
	 * duplicates or empty names, and merging again changes nothing.
	 */
	bits = (n.flags | (size > 0 ? (unsigned)data[0] << 4 : 0u)) & ALLFLAGS;
	m = num_flags_merge(s, bits);
	check_flags(m);
	t = num_flags_merge(m, bits);
	check(strcmp(t, m) == 0);
	free(t);
	free(m);

	/* a unit cut off the end */
	t = strdup(s);
	if (t != NULL) {
		size_t before = strlen(t);

		u = num_strip_unit(t);
		check(u == -1 || u == NUM_YUAN || u == NUM_WAN || u == NUM_YI);
		check(u != -1 || strlen(t) == before);
		check(strlen(t) <= before);
		free(t);
	}
	u = num_unit(s);
	check(u == -1 || num_unit_name(u) != NULL);
	free(s);
	return 0;
}
