/*
 * enc.h - read a whole input document and turn it into UTF-8 with iconv(3).
 *
 * Accepted: UTF-8 with or without BOM, UTF-16LE/BE with BOM, GB18030 (and
 * so GBK and GB2312, its subsets).  Detection: a BOM decides; else valid
 * UTF-8 is UTF-8; else the input must convert cleanly from GB18030.  A
 * forced encoding (-e NAME, any name iconv knows) skips detection.
 */
#ifndef JUESUAN_ENC_H
#define JUESUAN_ENC_H

#include <stddef.h>

struct enc_doc {
	char *text;		/* UTF-8, NUL-terminated, no BOM; caller frees */
	size_t len;		/* bytes in text */
	char encoding[32];	/* "UTF-8", "UTF-8-BOM", "UTF-16LE", "GB18030", ... */
	unsigned char sha256[32];	/* of the input bytes as read */
};

/*
 * enc_load - read PATH ("-" = stdin) completely, at most maxbytes bytes,
 * and convert it to UTF-8.  forced is NULL for detection or an iconv name.
 * Returns 0 and fills *doc; on failure returns -1 after writing a message
 * "path:line:col: reason" (or "path: reason") into err (errlen bytes):
 * unreadable file, too large, NUL byte, undecodable bytes under the forced
 * or detected encoding, UTF-16 without BOM (detected by its NUL pattern).
 */
int enc_load(const char *path, const char *forced, size_t maxbytes,
    struct enc_doc *doc, char *err, size_t errlen);

/* enc_free - free doc->text. */
void enc_free(struct enc_doc *doc);

/* enc_hex - the sha256 as 64 lowercase hex digits into out[65]. */
void enc_hex(const unsigned char sha[32], char out[65]);

/* sha256 - the SHA-256 digest of data[0..n) (FIPS 180-4). */
void sha256(const void *data, size_t n, unsigned char out[32]);

#endif
