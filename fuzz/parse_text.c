/*
 * parse_text.c - libFuzzer harness for the document reader behind
 * parse-pdf-text (filters/lib/parse.h): parse_text over the input, as
 * parse_file hands it over after enc_load, that is UTF-8 without NUL bytes
 * (other inputs are skipped: enc_load refuses them, and fuzz/enc.c covers
 * that).  The records go to /dev/null.  A second pass with a small cell
 * limit drives the --max-cells path.  See docs/fuzzing.md.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "txt.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *devnull;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	progname = "fuzz-parse-text";
	devnull = fopen("/dev/null", "w");
	if (devnull == NULL)
		abort();
	return 0;
}

static void
run(const uint8_t *data, size_t size, size_t maxcells)
{
	char *text = malloc(size + 1);
	int rc;

	if (text == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	rc = parse_text(text, size, "fuzz", "fuzz.txt",
	    "0000000000000000000000000000000000000000000000000000000000000000",
	    "UTF-8", maxcells, devnull);
	if (rc != 0 && rc != 1)
		abort();
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!txt_valid((const char *)data, size, NULL))
		return 0;	/* NUL or invalid UTF-8: enc_load's to refuse */
	run(data, size, 200000);
	run(data, size, 16);
	return 0;
}
