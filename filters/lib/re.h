/*
 * re.h - PCRE2 (8-bit, UTF) compile-or-die with JIT, and a match helper.
 */
#ifndef JUESUAN_RE_H
#define JUESUAN_RE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

/*
 * re_compile - compile PATTERN with PCRE2_UTF | PCRE2_UCP | extra, and JIT
 * compile it when the library has JIT (falling back to the interpreter
 * silently otherwise).  A bad pattern is a programming error: die with
 * the PCRE2 message and offset.  The code lives until exit.
 */
pcre2_code *re_compile(const char *pattern, uint32_t extra);

/*
 * re_match - match re against s[0..len) from byte offset start.  Returns
 * the number of pairs set in ov (ov[2i], ov[2i+1] byte offsets, -1 for an
 * unset group; room for nov pairs), 0 for no match.  A match error other
 * than "no match" (e.g. the match limit) is reported and treated as no
 * match.
 */
int re_match(const pcre2_code *re, const char *s, size_t len, size_t start,
    long *ov, int nov);

#endif
