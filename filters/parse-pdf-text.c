/*
 * parse-pdf-text - read the text of a 决算/预算 disclosure and write the
 * record stream: one doc record, a table record per table, a cell record
 * per table cell, and a claim record per figure of the narrative.
 *
 * Input is the text of one document per file operand, as OCR tools or
 * pdftotext leave it.  Tables are found by their titles (the table of
 * contents is told apart by having no rows), and read through the table's
 * template (filters/lib/tpl.c): columns by their 栏次 digits, rows by code
 * or by canonical label, side-by-side panels split into logical rows.
 * Headers are never trusted for more than locating the 栏次 row: OCR
 * garbles them.  Figures are passed on as printed; normalize-numbers reads
 * them.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "enc.h"
#include "rec.h"
#include "tpl.h"
#include "txt.h"
#include "util.h"

#include "parse.h"

static const char synopsis[] =
    "parse-pdf-text [-e encoding] [--doc id] [--max-bytes n] [--max-cells n] [file ...]";

static struct option longopts[] = {
	{ "doc", required_argument, NULL, 'd' },
	{ "max-bytes", required_argument, NULL, 'B' },
	{ "max-cells", required_argument, NULL, 'C' },
	{ NULL, 0, NULL, 0 },
};

int
main(int argc, char *argv[])
{
	const char *enc = NULL, *docid = NULL;
	size_t maxbytes = 64u * 1024 * 1024, maxcells = 200000;
	int ch, i, status = EXIT_OK;

	util_init(argv[0]);
	opt_std(argc, argv, synopsis);
	while ((ch = getopt_long(argc, argv, "e:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'e':
			enc = optarg;
			break;
		case 'd':
			docid = optarg;
			break;
		case 'B':
			maxbytes = parse_size(optarg, "--max-bytes");
			break;
		case 'C':
			maxcells = parse_size(optarg, "--max-cells");
			break;
		default:
			usage_exit(synopsis);
		}
	}
	argc -= optind;
	argv += optind;
	if (docid != NULL && argc > 1) {
		warnmsg("--doc names one document; %d files given", argc);
		usage_exit(synopsis);
	}

	rec_put_version(stdout);
	if (argc == 0)
		status |= parse_file("-", docid, enc, maxbytes, maxcells);
	for (i = 0; i < argc; i++)
		status |= parse_file(argv[i], docid, enc, maxbytes, maxcells);
	if (fshut(stdout, "stdout"))
		status = EXIT_ERR;
	return status ? EXIT_ERR : EXIT_OK;
}
