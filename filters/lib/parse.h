/*
 * parse.h - the document reader behind parse-pdf-text: text in, records out.
 * Kept in the library so the fuzz harness can drive it without a process.
 */
#ifndef JUESUAN_PARSE_H
#define JUESUAN_PARSE_H

#include <stddef.h>
#include <stdio.h>

/*
 * parse_file - load PATH ("-" = stdin) with enc_load (forced encoding ENC
 * or detection), and write its records to stdout.  DOCID NULL means the
 * file's base name without extension ("stdin" for stdin).  Returns 0, or
 * 1 after reporting an input error (unreadable, undecodable, too large,
 * too many cells); nothing is written for a document that fails to load.
 */
int parse_file(const char *path, const char *docid, const char *enc,
    size_t maxbytes, size_t maxcells);

/*
 * parse_text - parse TEXT[0..len) (UTF-8, NUL-terminated, modified in
 * place) as document DOCID read from SOURCE and write its records to out.
 * sha256hex and encoding go into the doc record.  Returns 0, or 1 when the
 * document had more than maxcells cells (reported; the records written so
 * far end with no partial table).
 */
int parse_text(char *text, size_t len, const char *docid, const char *source,
    const char *sha256hex, const char *encoding, size_t maxcells, FILE *out);

#endif
