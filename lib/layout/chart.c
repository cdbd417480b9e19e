/* The bar chart of the bulletin, drawn with rules (a bar is a rule as thick as the bar, with
 * butt ends) and text runs, so that it is vector, prints sharp and is read back as text. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/chart.h"

#define LABEL_SIZE 10.5 /* 五号: category names and values */
#define TICK_SIZE 9.0   /* 小五: the axis */
#define TOP_BAND 18.0   /* above the bars: the reference line's label */
#define AXIS_BAND 20.0  /* below the bars: ticks and their labels */
#define ROW_MIN 15.0    /* pitch of the bars: a label needs this much */
#define ROW_PREF 24.0   /* and looks best with this much */
#define PLOT_MIN 60.0   /* the bars' area for one or two bars */
#define PLOT_MAX 160.0  /* and from about seven bars on (the chart then ~70 mm high) */
#define BAR_MAX 14.0    /* thickness of a bar, at most */
#define GAP 4.0
#define LABEL_SHARE 0.32 /* the names take at most this share of the width */
#define AXIS_RULE 0.6
#define GRID_RULE 0.3
#define REF_RULE 0.9
#define DASH 3.0
#define DASH_GAP 2.0

typedef struct chart_ctx {
    zb_doc *doc;
    int page;
    zb_glyphs g;
    char where[64];
} chart_ctx;

double zb_chart_height(size_t count)
{
    double plot = fmin(fmax((double)count * ROW_PREF, PLOT_MIN), PLOT_MAX);
    return TOP_BAND + AXIS_BAND + fmax(plot, (double)count * ROW_MIN);
}

double zb_chart_axis_max(const zb_chart *chart)
{
    double top = 1;
    for (size_t i = 0; i < chart->count; i++)
        if (chart->bars[i].value > top)
            top = chart->bars[i].value;
    if (!isnan(chart->reference) && chart->reference > top)
        top = chart->reference;
    /* Steps of 20 %, rounded so that 1.2000000001 does not become 140 %. */
    double steps = ceil(top / 0.2 - 1e-9);
    if (steps > 10)
        steps = 10;
    return steps * 0.2 < 1 ? 1 : steps * 0.2;
}

static void percent(double v, char *buf, size_t size)
{
    snprintf(buf, size, "%.1f%%", v * 100);
}

/* Shapes text into c->g at size in the body face. */
static zb_status shape(chart_ctx *c, const char *text, double size, int ink)
{
    c->g.n = 0;
    return zb_shape(c->doc, &c->g, text, strlen(text), ZB_FONT_BODY, size, 0, ink, c->where);
}

/* Draws the glyphs in c->g with their em box centred on y, from x (align 0), centred on x
 * (1) or ending at x (2), squeezed to fit max_w when wider (0 = no limit). */
static zb_status put(chart_ctx *c, double x, double y, int align, double max_w)
{
    if (!c->g.n)
        return ZB_OK;
    double w = zb_glyphs_width(c->g.g, 0, c->g.n);
    double hscale = max_w > 0 && w > max_w ? max_w / w : 1;
    w *= hscale;
    double size = c->g.g[0].size;
    double x0 = align == 0 ? x : align == 1 ? x - w / 2 : x - w;
    double base = zb_baseline(c->g.g[0].face, y - size / 2, size);
    return zb_emit(c->doc, c->page, x0, base, c->g.g, 0, c->g.n, 0, hscale);
}

static zb_status draw(chart_ctx *c, double x, double y, double w, double h, const zb_chart *ch)
{
    zb_status st = ZB_OK;
    char text[48];
    double max_v = zb_chart_axis_max(ch);

    /* The names' column: as wide as the longest name, at most a share of the width. */
    double label_w = 0;
    for (size_t i = 0; i < ch->count && !st; i++) {
        snprintf(c->where, sizeof c->where, "chart label %zu", i + 1);
        st = shape(c, ch->bars[i].label ? ch->bars[i].label : "", LABEL_SIZE, ZB_INK_BLACK);
        double lw = zb_glyphs_width(c->g.g, 0, c->g.n);
        if (lw > label_w)
            label_w = lw;
    }
    if (st)
        return st;
    if (label_w > w * LABEL_SHARE)
        label_w = w * LABEL_SHARE;
    /* Room on the right for the value of a bar that reaches the end of the axis. */
    snprintf(c->where, sizeof c->where, "chart");
    st = shape(c, "200.0%", LABEL_SIZE, ZB_INK_BLACK);
    if (st)
        return st;
    double value_w = zb_glyphs_width(c->g.g, 0, c->g.n) + GAP;
    double x0 = x + label_w + 2 * GAP, x1 = x + w - value_w;
    double top = y + TOP_BAND, bottom = y + h - AXIS_BAND;
    double scale = (x1 - x0) / max_v;

    /* The grid and the axis with its ticks, every 20 % (every 40 % beyond 120 %). */
    double step = max_v > 1.2 + 1e-9 ? 0.4 : 0.2;
    int ticks = (int)floor(max_v / step + 1e-9);
    for (int k = 0; k <= ticks && !st; k++) {
        double v = k * step, xt = x0 + v * scale;
        if (k > 0)
            st = zb_doc_rule(c->doc, c->page, xt, top, xt, bottom, GRID_RULE, ZB_INK_GREY);
        if (!st)
            st = zb_doc_rule(c->doc, c->page, xt, bottom, xt, bottom + 3, AXIS_RULE, ZB_INK_BLACK);
        snprintf(text, sizeof text, "%d%%", (int)lround(v * 100));
        if (!st)
            st = shape(c, text, TICK_SIZE, ZB_INK_BLACK);
        if (!st)
            st = put(c, xt, bottom + 3 + 2 + TICK_SIZE / 2, 1, 0);
    }
    if (!st)
        st = zb_doc_rule(c->doc, c->page, x0, bottom, x1, bottom, AXIS_RULE, ZB_INK_BLACK);
    if (!st)
        st = zb_doc_rule(c->doc, c->page, x0, top, x0, bottom, AXIS_RULE, ZB_INK_BLACK);

    /* The bars, top down in the given order, each with its name and value; a value that
     * would be crossed by the reference line goes to the line's right. */
    double xr = isnan(ch->reference) ? -1 : x0 + fmin(fmax(ch->reference, 0), max_v) * scale;
    double row = ch->count ? (bottom - top) / (double)ch->count : 0;
    double thick = fmin(row * 0.6, BAR_MAX);
    for (size_t i = 0; i < ch->count && !st; i++) {
        const zb_chart_bar *b = &ch->bars[i];
        double yc = top + row * ((double)i + 0.5);
        snprintf(c->where, sizeof c->where, "chart label %zu", i + 1);
        st = shape(c, b->label ? b->label : "", LABEL_SIZE, ZB_INK_BLACK);
        if (!st)
            st = put(c, x0 - GAP, yc, 2, label_w);
        if (st)
            break;
        double end = x0;
        if (isnan(b->value)) {
            snprintf(text, sizeof text, "—");
        } else {
            double v = b->value < 0 ? 0 : b->value > max_v ? max_v : b->value;
            end = x0 + v * scale;
            if (end > x0)
                st = zb_doc_rule(c->doc, c->page, x0, yc, end, yc, thick, ZB_INK_GREY);
            percent(b->value, text, sizeof text);
        }
        if (!st)
            st = shape(c, text, LABEL_SIZE, ZB_INK_BLACK);
        if (st)
            break;
        double xv = end + GAP, tw = zb_glyphs_width(c->g.g, 0, c->g.n);
        if (xr >= 0 && xv - 1 < xr && xr < xv + tw + 1)
            xv = xr + GAP;
        st = put(c, xv, yc, 0, 0);
    }

    /* The reference line, dashed in red over the bars, its label above it. */
    if (!st && xr >= 0) {
        for (double ys = top - 4; ys < bottom && !st; ys += DASH + DASH_GAP)
            st = zb_doc_rule(c->doc, c->page, xr, ys, xr, fmin(ys + DASH, bottom), REF_RULE,
                             ZB_INK_RED);
        snprintf(text, sizeof text, "%s", ch->reference_label ? ch->reference_label : "");
        size_t len = strlen(text);
        percent(ch->reference, text + len, sizeof text - len);
        snprintf(c->where, sizeof c->where, "chart");
        if (!st)
            st = shape(c, text, LABEL_SIZE, ZB_INK_RED);
        if (!st) {
            /* Centred over the line, kept inside the box. */
            double tw = zb_glyphs_width(c->g.g, 0, c->g.n);
            double xc = fmin(fmax(xr, x + tw / 2), x + w - tw / 2);
            st = put(c, xc, y + TOP_BAND / 2 - 3, 1, 0);
        }
    }
    return st;
}

zb_status zb_chart_draw(zb_doc *doc, int page, double x, double y, double w, double h,
                        const zb_chart *chart)
{
    chart_ctx c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.page = page;
    zb_doc_touch(doc, page);
    zb_status st = draw(&c, x, y, w, h, chart);
    free(c.g.g);
    return st;
}
