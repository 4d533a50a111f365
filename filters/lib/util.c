/*
 * util.c - allocation, messages and stdout shutdown for every filter.
 */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

const char *progname = "juesuan";

void
util_init(const char *argv0)
{
	const char *p;

	if (argv0 != NULL && *argv0 != '\0') {
		p = strrchr(argv0, '/');
		progname = p != NULL ? p + 1 : argv0;
	}
	setlocale(LC_CTYPE, "");
}

static void
vmsg(const char *fmt, va_list ap)
{
	int saved = errno;
	size_t n = strlen(fmt);

	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	exit(EXIT_ERR);
}

void
warnmsg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void *
emalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		die("out of memory:");
	return p;
}

void *
ecalloc(size_t nmemb, size_t size)
{
	void *p;

	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	p = calloc(nmemb, size);
	if (p == NULL)
		die("out of memory:");
	return p;
}

void *
erealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (p == NULL)
		die("out of memory:");
	return p;
}

void *
ereallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		die("out of memory: %zu * %zu overflows", nmemb, size);
	return erealloc(p, nmemb * size);
}

void *
egrowarray(void *p, size_t n, size_t size)
{
	if (n == 0 || p == NULL)
		return ereallocarray(p, n < 8 ? 8 : 2 * n, size);
	if (n < 8 || (n & (n - 1)) != 0)
		return p;
	if (n > SIZE_MAX / 2)
		die("out of memory: %zu * 2 overflows", n);
	return ereallocarray(p, 2 * n, size);
}

char *
estrdup(const char *s)
{
	size_t len = strlen(s);
	char *p = emalloc(len + 1);

	memcpy(p, s, len + 1);
	return p;
}

char *
estrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p;

	p = emalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

int
fshut(FILE *fp, const char *name)
{
	int bad = 0;

	if (fflush(fp) == EOF || ferror(fp))
		bad = 1;
	if (fclose(fp) == EOF)
		bad = 1;
	if (bad) {
		warnmsg("write error on %s:", name);
		return 1;
	}
	return 0;
}

void
opt_std(int argc, char *argv[], const char *synopsis)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			printf("usage: %s\n", synopsis);
			exit(fshut(stdout, "stdout") ? EXIT_ERR : EXIT_OK);
		}
		if (strcmp(argv[i], "--version") == 0) {
			printf("%s %s\n", progname, VERSION);
			exit(fshut(stdout, "stdout") ? EXIT_ERR : EXIT_OK);
		}
	}
}

void
usage_exit(const char *synopsis)
{
	fprintf(stderr, "usage: %s\n", synopsis);
	exit(EXIT_ERR);
}

size_t
parse_size(const char *s, const char *opt)
{
	unsigned long long v = 0, mul = 1;
	const char *p = s;

	if (*p < '0' || *p > '9')
		die("invalid value for %s: '%s'", opt, s);
	while (*p >= '0' && *p <= '9') {
		if (v > (ULLONG_MAX - 9) / 10)
			die("value for %s too large: '%s'", opt, s);
		v = v * 10 + (unsigned)(*p++ - '0');
	}
	switch (*p) {
	case '\0': break;
	case 'k': case 'K': mul = 1024ULL; p++; break;
	case 'm': case 'M': mul = 1024ULL * 1024; p++; break;
	case 'g': case 'G': mul = 1024ULL * 1024 * 1024; p++; break;
	default: die("invalid value for %s: '%s'", opt, s);
	}
	if (*p != '\0' || v == 0)
		die("invalid value for %s: '%s'", opt, s);
	if (v > SIZE_MAX / mul)
		die("value for %s too large: '%s'", opt, s);
	return (size_t)(v * mul);
}
