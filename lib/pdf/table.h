/* Tables in the type area: thin borders, text wrapped with the line breaker, the header row
 * repeated on every page, and a merged column (类别) split into one merged cell per page. */
#ifndef ZB_PDF_TABLE_H
#define ZB_PDF_TABLE_H

#include "pdf/layout.h"
#include "zhibiao/plan.h"

/* Draws the plan's target table (序号, 类别, 指标名称, <years>目标值, 责任单位) from (*page, *y)
 * down, onto new pages as needed. On return *page and *y are where the table ends. */
zb_status zb_table_targets(zb_doc *doc, const zb_plan *plan, int *page, double *y);

#endif /* ZB_PDF_TABLE_H */
