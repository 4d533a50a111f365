/*
 * forms.h - read the 绩效自评表 attached to a disclosure (部门/单位整体支出
 * 绩效自评表, 项目支出绩效自评表) as table and cell records.
 */
#ifndef JUESUAN_FORMS_H
#define JUESUAN_FORMS_H

#include <stddef.h>
#include <stdio.h>

/*
 * forms_scan - write a table record and the cell records of every
 * 绩效自评表 found in lines[0..n) of document DOC to out (docs/tables.md,
 * "Performance self-evaluation forms").  A form is found by its title
 * line, one that ends in 自评表 after markup, spaces and a leading year
 * are dropped ("2024年度人社信息系统化建设项目自评表"): P01 when the title
 * names 整体 (部门整体/单位整体支出绩效自评表), else P02.  Forms are
 * numbered 1, 2, ... per id in the order printed; the number leads every
 * row key ("2/产出指标/数量指标/月均发送短信量") and is the table record's
 * number field.  A form runs to the next form title, or to the end.
 *
 * lineno[i] is the input line number of lines[i]; skip[i] non-zero marks a
 * line that a catalogue table (F01..F09, B01..B09) already read: such lines
 * are not read as part of a form, so call it before the lines of forms are
 * marked.  Lines are TAB-separated cells (OCR markdown) or, without a TAB,
 * cells separated by two or more spaces (pdftotext -layout).  Figures are
 * written as printed (raw), with status new for normalize-numbers: the
 * amounts in 万元, weights and scores in 分, targets and actuals with the
 * words printed around their figure as unit ("万条", "小时内", "%").  A
 * qualitative target ("有效加强") is no figure and gets no cell.  Lines are
 * not modified.  Nothing is written when no form is found.
 */
void forms_scan(char *const *lines, const unsigned long *lineno,
    const unsigned char *skip, size_t n, const char *doc, FILE *out);

#endif
