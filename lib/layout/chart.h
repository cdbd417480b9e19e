/* A horizontal bar chart drawn into the display list with rules and text: one bar a
 * category, labelled with its name and value, an axis of percentages and a reference line
 * (the bulletin's completion by category against the time schedule). Not installed. */
#ifndef ZB_LAYOUT_CHART_H
#define ZB_LAYOUT_CHART_H

#include "layout/layout.h"

typedef struct zb_chart_bar {
    const char *label;
    double value; /* a fraction, 1 = 100 %; NaN = no bar, shown as "—" */
} zb_chart_bar;

typedef struct zb_chart {
    const zb_chart_bar *bars;
    size_t count;
    double reference;            /* a fraction; NaN = no reference line */
    const char *reference_label; /* e.g. 序时进度; the value is added */
} zb_chart;

/* The height a chart of count bars wants: about 70 mm for 7 to 10 bars, less for fewer,
 * more beyond. */
double zb_chart_height(size_t count);
/* The largest value on the axis: 100 %, or more in steps of 20 % when a bar passes it (at
 * most 200 %; longer bars stop at the end and keep their value as text). */
double zb_chart_axis_max(const zb_chart *chart);
/* Draws the chart into the box (x, y, w, h) of page (y from the page's top); text in the
 * body face at small sizes. Errors (a character no font has) go to doc->err. */
zb_status zb_chart_draw(zb_doc *doc, int page, double x, double y, double w, double h,
                        const zb_chart *chart);

#endif /* ZB_LAYOUT_CHART_H */
