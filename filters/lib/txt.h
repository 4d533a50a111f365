/*
 * txt.h - UTF-8 text helpers: decoding, validation, width folding, trimming
 * and markup stripping.  All work in place or into caller buffers; none
 * allocate.
 */
#ifndef JUESUAN_TXT_H
#define JUESUAN_TXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * txt_decode - decode the UTF-8 sequence at *p (n bytes available) and
 * return its code point, advancing *p past it.  An invalid, overlong,
 * surrogate or truncated sequence returns -1 and advances *p by one byte.
 * n must be > 0.
 */
int32_t txt_decode(const char **p, size_t n);

/*
 * txt_valid - 1 if s[0..n) is valid UTF-8 without NUL bytes, else 0 with
 * the byte offset of the first offending byte in *bad (if not NULL).
 */
int txt_valid(const char *s, size_t n, size_t *bad);

/* txt_encode - write cp as UTF-8 to out (4 bytes room); return its length. */
int txt_encode(int32_t cp, char *out);

/*
 * txt_fold - fold full-width ASCII forms (U+FF01..U+FF5E) to ASCII, the
 * ideographic space U+3000 and NBSP to a space, and the CJK punctuation that
 * stands for ASCII in figures (U+3002 "。" is left alone: it ends
 * sentences) in place.  The result is never longer than the input.  Returns
 * the new length; s is NUL-terminated after it.
 */
size_t txt_fold(char *s);

/*
 * txt_strip_markup - remove the HTML tags (<b>, </b>, <u>, <sup>, ...) and
 * LaTeX math ($...$) that OCR tools leave in text, in place; "$\geq$" and
 * "$\leq$" become "≥" and "≤".  Returns s.
 */
char *txt_strip_markup(char *s);

/* txt_trim - strip leading and trailing ASCII white space in place. */
char *txt_trim(char *s);

/*
 * txt_squeeze - remove every ASCII space and tab in place (OCR splits CJK
 * words with spaces: "附属单位上缴收 入").  Returns s.
 */
char *txt_squeeze(char *s);

/* txt_is_cjk - 1 for a CJK unified ideograph (U+3400..U+9FFF, U+F900..). */
int txt_is_cjk(int32_t cp);

/* txt_has_cjk - 1 if s contains at least one CJK ideograph. */
int txt_has_cjk(const char *s);

/*
 * txt_width - display columns of s[0..n): 2 for wide (CJK, full-width)
 * characters, 1 otherwise; invalid bytes count 1.  Used to turn byte
 * offsets into the columns users see.
 */
size_t txt_width(const char *s, size_t n);

/* txt_chars - number of code points in s[0..n) (invalid bytes count 1). */
size_t txt_chars(const char *s, size_t n);

#endif
