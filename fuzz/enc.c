/*
 * enc.c - libFuzzer harness for whole-document input (filters/lib/enc.h):
 * the input is written to a temporary file and loaded with enc_load, once
 * with detection and once with each of a few forced encodings.  A loaded
 * document must keep enc.h's promises: UTF-8 that txt_valid accepts, no
 * NUL byte inside, no BOM left, len bytes long.  Broken promises abort().
 * See docs/fuzzing.md.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "enc.h"
#include "txt.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[4096];
static int fd = -1;

static void
check(int ok)
{
	if (!ok)
		abort();
}

static void
cleanup(void)
{
	if (fd >= 0)
		unlink(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	progname = "fuzz-enc";
	snprintf(path, sizeof path, "%s/fuzz-enc.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	fd = mkstemp(path);
	if (fd < 0)
		abort();
	atexit(cleanup);
	return 0;
}

static void
load(const char *forced, size_t max)
{
	struct enc_doc doc;
	char err[512], hex[65];

	err[0] = '\0';
	if (enc_load(path, forced, max, &doc, err, sizeof err) < 0) {
		check(err[0] != '\0');
		check(memchr(err, '\0', sizeof err) != NULL);
		return;
	}
	check(doc.text != NULL);
	check(strlen(doc.text) == doc.len);
	check(txt_valid(doc.text, doc.len, NULL));
	check(doc.len < 3 || memcmp(doc.text, "\xef\xbb\xbf", 3) != 0);
	check(doc.encoding[0] != '\0');
	enc_hex(doc.sha256, hex);
	check(strlen(hex) == 64);
	enc_free(&doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check(ftruncate(fd, 0) == 0);
	check(pwrite(fd, data, size, 0) == (ssize_t)size);
	load(NULL, 1u << 20);
	load(NULL, size / 2 + 1);	/* the size limit, met half the time */
	load("GB18030", 1u << 20);
	load("UTF-16LE", 1u << 20);
	load("UTF-8", 1u << 20);
	return 0;
}
