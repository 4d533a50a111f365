/*
 * util.h - allocation that dies on failure, error messages, stdout shutdown,
 * and the option conventions every juesuan filter shares.
 */
#ifndef JUESUAN_UTIL_H
#define JUESUAN_UTIL_H

#include <stddef.h>
#include <stdio.h>

/* Exit statuses of every filter (docs/stream.md, "Exit status"). */
#define EXIT_OK    0	/* success */
#define EXIT_DATA  1	/* data problems found (a failing check, a score below --min) */
#define EXIT_ERR   2	/* usage or input error */

#ifndef VERSION
#define VERSION "0.0.0"
#endif

/* The program name used as message prefix; set once by util_init(). */
extern const char *progname;

/*
 * util_init - remember the program name (basename of argv0) for messages
 * and set LC_CTYPE from the environment (numbers stay in the C locale).
 */
void util_init(const char *argv0);

/*
 * die - print "prog: message" to stderr and exit with EXIT_ERR.  A format
 * ending in ':' appends ": strerror(errno)" (sbase eprintf convention).
 */
void die(const char *fmt, ...);

/* warnmsg - like die() but returns; the caller decides the exit status. */
void warnmsg(const char *fmt, ...);

/*
 * emalloc, ecalloc, erealloc, ereallocarray, estrdup, estrndup - as their
 * libc namesakes, but never return NULL: they die on exhaustion, and
 * ereallocarray/ecalloc die when nmemb * size overflows.  erealloc(NULL, n)
 * allocates; a size of 0 is treated as 1 so the result is always freeable.
 */
void *emalloc(size_t size);
void *ecalloc(size_t nmemb, size_t size);
void *erealloc(void *p, size_t size);
void *ereallocarray(void *p, size_t nmemb, size_t size);

/*
 * egrowarray - room for element n of an array that grows one element at a
 * time from NULL: reallocates only when n is 0 or a power of two (>= 8),
 * to twice n, so n appends cost O(n) copying whatever the allocator (under
 * AddressSanitizer every realloc copies).  The capacity is implied by n:
 * the array must start NULL and grow through egrowarray alone.
 */
void *egrowarray(void *p, size_t n, size_t size);
char *estrdup(const char *s);
char *estrndup(const char *s, size_t n);

/*
 * fshut - flush and close fp; on a write error (full disk, broken pipe)
 * warn "prog: write error on NAME: reason" and return 1, else 0.  Every
 * filter ends with `status |= fshut(stdout, "stdout")`.
 */
int fshut(FILE *fp, const char *name);

/*
 * opt_std - handle --help and --version before getopt runs.  Scans argv up
 * to "--"; on "--help" or "-h" prints "usage: SYNOPSIS" to stdout and exits
 * 0; on "--version" prints "prog VERSION" and exits 0.  Returns otherwise.
 */
void opt_std(int argc, char *argv[], const char *synopsis);

/* usage_exit - print "usage: SYNOPSIS" to stderr and exit EXIT_ERR. */
void usage_exit(const char *synopsis);

/*
 * parse_size - parse a positive decimal count with an optional k/M/G suffix
 * (powers of 1024) for the limit options.  Dies with a usage message naming
 * OPT on anything else, including 0 and overflow.
 */
size_t parse_size(const char *s, const char *opt);

#endif
