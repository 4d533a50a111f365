/*
 * re.c - PCRE2 helpers.
 */
#include <stdio.h>

#include "re.h"
#include "util.h"

static pcre2_match_data *md;

pcre2_code *
re_compile(const char *pattern, uint32_t extra)
{
	int errcode;
	PCRE2_SIZE erroff;
	pcre2_code *re;
	PCRE2_UCHAR msg[256];

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | extra, &errcode, &erroff, NULL);
	if (re == NULL) {
		pcre2_get_error_message(errcode, msg, sizeof msg);
		die("regex error at offset %zu: %s", (size_t)erroff, (char *)msg);
	}
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

int
re_match(const pcre2_code *re, const char *s, size_t len, size_t start,
    long *ov, int nov)
{
	int rc, i;
	PCRE2_SIZE *v;

	if (md == NULL) {
		md = pcre2_match_data_create(32, NULL);
		if (md == NULL)
			die("out of memory");
	}
	rc = pcre2_match(re, (PCRE2_SPTR)s, len, start, 0, md, NULL);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(rc, msg, sizeof msg);
		warnmsg("regex match error: %s", (char *)msg);
		return 0;
	}
	if (rc == 0)
		rc = 32;
	v = pcre2_get_ovector_pointer(md);
	for (i = 0; i < rc && i < nov; i++) {
		ov[2 * i] = v[2 * i] == PCRE2_UNSET ? -1 : (long)v[2 * i];
		ov[2 * i + 1] = v[2 * i + 1] == PCRE2_UNSET ? -1 : (long)v[2 * i + 1];
	}
	return rc < nov ? rc : nov;
}
