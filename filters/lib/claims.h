/*
 * claims.h - read the figures of a disclosure's narrative as claim records.
 */
#ifndef JUESUAN_CLAIMS_H
#define JUESUAN_CLAIMS_H

#include <stdio.h>

/*
 * claims_scan - write a claim record to out for every figure stated in the
 * narrative lines lines[0..n) of document DOC.  skip[i] non-zero marks a
 * line that belongs to a table (not narrative).  lineno[i] is the input
 * line number of lines[i].  unitname, when not empty, is dropped from the
 * start of subjects ("武汉市…中心机关运行经费支出").  Lines are not modified.
 */
void claims_scan(char *const *lines, const unsigned long *lineno,
    const unsigned char *skip, size_t n, const char *doc, const char *unitname,
    FILE *out);

/*
 * claims_direction - the direction a compare claim's printed words give
 * the 决算 against the 预算: '>' (大于, 高于, 超过), '<' (小于, 低于), '='
 * (一致, 持平, 相等, 等于, 相同) or '~' (基本持平, 基本一致), and 0 when
 * they give none.  RAW is a claim's raw text (relation compare).
 */
int claims_direction(const char *raw);

#endif
