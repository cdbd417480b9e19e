/* The monthly monitoring workbook (月度监测表): a sheet with one row per indicator — its
 * target, the year-to-date actual, completion as a live formula carrying its value, the
 * time schedule, the status and the numbers behind it — and a summary sheet that counts
 * the statuses by category and by lead unit, with a chart of completion by category.
 *
 * The plan is evaluated once (zb_progress_evaluate); everything written comes from those
 * results, so the workbook, the bulletin and the assessment agree. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/xlsx_internal.h"
#include "zhibiao/xlsx.h"
#include "plan/plan_internal.h"

#define SHEET_MAIN "指标监测"
#define SHEET_SUMMARY "汇总"

/* The monitoring sheet's columns; 计量单位 only when a unit was given apart from a name (the
 * names then lose their unit group), so that no unit vanishes and none shows twice. */
enum {
    COL_SEQ,
    COL_CATEGORY,
    COL_NAME,
    COL_UNIT,
    COL_TARGET,
    COL_ACTUAL,
    COL_COMPLETION,
    COL_EXPECTED,
    COL_STATUS,
    COL_EXPLAIN,
    COL_RESPONSIBLE,
    NCOLS
};

/* Column widths in Excel character units: 132 in all, the 259 mm between the margins of A4
 * landscape at 100% (ten columns do not fit portrait). 本期累计 and 序时进度 take their four
 * characters on one line; 说明 holds a line such as 累计 230 / 目标 450 = 51.1%，序时进度
 * 50.0%（6/12） in two lines. */
static const double widths_main[NCOLS] = {5, 10, 26, 0, 9, 10, 8, 10, 8, 34, 12};
static const double widths_unit[NCOLS] = {5, 10, 22, 8, 9, 9, 8, 10, 8, 31, 12};
static const char *const heads_main[NCOLS] = {"序号",   "类别",     "指标名称", "计量单位", "目标值", "本期累计",
                                              "完成率", "序时进度", "状态",     "说明",     "责任单位"};

/* Standings in the order a reader takes them in: done, ahead, behind (cumulative), within,
 * warning, over (caps), met, not met (rates and levels), qualitative, then the rows that
 * cannot be judged. The seven that every plan can have are always shown; the others only
 * when some indicator has them. */
static const zb_standing standing_order[ZB_STANDING_COUNT] = {
    ZB_STANDING_DONE,     ZB_STANDING_AHEAD,   ZB_STANDING_BEHIND,      ZB_STANDING_WITHIN,
    ZB_STANDING_WARNING,  ZB_STANDING_EXCEEDED, ZB_STANDING_MET,        ZB_STANDING_NOT_MET,
    ZB_STANDING_QUALITATIVE, ZB_STANDING_MISSING, ZB_STANDING_NO_TARGET};

static int always_shown(zb_standing s)
{
    return s <= ZB_STANDING_NO_TARGET;
}

/* The summary's tables share one grid: a name, 指标数, a column per standing shown,
 * 平均完成率; 85 wide with the seven, A4 portrait at 100% like the target table; landscape
 * when more standings are shown. */
enum { SUM_NAME, SUM_TOTAL, SUM_FIRST_STANDING, SUM_COLS_MAX = SUM_FIRST_STANDING + ZB_STANDING_COUNT + 1 };
#define SUM_NAME_WIDTH 20
#define SUM_COUNT_WIDTH 7
#define SUM_AVERAGE_WIDTH 9

/* The chart under the category table: as wide as the table, 360 px high, 8 px below the
 * table, on rows of 15 pt (20 px) reserved for it. */
#define CHART_HEIGHT_PX 360
#define CHART_OFFSET_PX 8
#define CHART_ROW_PT 15.0
#define CHART_ROWS ((CHART_HEIGHT_PX + CHART_OFFSET_PX + 19) / 20 + 1)

/* Status colours, as Excel's Good / Bad / Neutral cell styles and their lighter kin:
 * {fill, font}. */
typedef struct status_colour {
    zb_standing standing;
    lxw_color_t fill;
    lxw_color_t font;
} status_colour;

static const status_colour status_colours[] = {
    /* 未达标 before 达标: "达标" is inside "未达标", and the first matching rule wins. */
    {ZB_STANDING_NOT_MET, 0xFCE4D6, 0xC65911},
    {ZB_STANDING_MET, 0xC6EFCE, 0x006100},
    {ZB_STANDING_DONE, 0xC6EFCE, 0x006100},
    {ZB_STANDING_AHEAD, 0xE2EFDA, 0x375623},
    {ZB_STANDING_BEHIND, 0xFFC7CE, 0x9C0006},
    {ZB_STANDING_MISSING, 0xE7E6E6, 0x595959},
    /* Only when they occur, so that a plan without them gets the workbook it always got. */
    {ZB_STANDING_EXCEEDED, 0xFFC7CE, 0x9C0006},
    {ZB_STANDING_WARNING, 0xFFEB9C, 0x9C5700},
    {ZB_STANDING_WITHIN, 0xE2EFDA, 0x375623},
    {ZB_STANDING_QUALITATIVE, 0xDDEBF7, 0x1F4E79},
};

/* Counts of a group of indicators (a category, a lead unit, all). */
typedef struct tally {
    size_t count[ZB_STANDING_COUNT];
    size_t total;
    double completion_sum; /* over the cumulative indicators with a completion */
    size_t completion_n;
} tally;

/* The whole write; lives on the writer's stack (no global state). */
typedef struct pw {
    const zb_plan *plan;
    const zb_progress *pr;
    const char *path;
    zb_xlsx_book *book;
    zb_xlsx_style style;
    zb_xlsx_formats fmt;
    lxw_format *percent;       /* 0.0%, centred, bordered */
    lxw_format *total_percent; /* the same in the header face, for 合计 rows */
    lxw_format *whole;         /* 0%, for a share of exactly 100% in a narrow column */
    lxw_format *total_whole;   /* the same in the header face */
    lxw_format *caption;       /* a line under a title, a section heading: heading face, left */
    const char *title;
    int year, month;
    size_t n;                  /* results, one per indicator */
    int unit_column;           /* 计量单位 is shown */
    lxw_col_t col[NCOLS];      /* where each column is on the sheet */
    size_t ncols;
    double widths[NCOLS];      /* the sheet's columns, in order */
    double text_pt[NCOLS];     /* width left for text in each column of the monitoring sheet */
    zb_standing shown[ZB_STANDING_COUNT]; /* the standings the summary shows, in order */
    size_t nshown;
    size_t sum_cols;           /* name, 指标数, the standings shown, 平均完成率 */
    size_t sum_average;        /* the column of 平均完成率 */
    double widths_summary[SUM_COLS_MAX];
    double sum_text_pt[SUM_COLS_MAX];
    zb_buf join;               /* the responsible units of one row, joined */
    double *heights;           /* row heights of a category group */
    size_t heights_cap;
    size_t *splits; /* where a category's pages start; reused */
    size_t splits_cap;
    int *lines; /* each result's lines, its category aside, measured before writing */
    double *ahead_h; /* the rows' heights from them, and where a category starts: the pager */
    unsigned char *ahead_first; /* looks ahead with them */
    char **evens;   /* categories set on even lines, freed at the end */
    size_t nevens, evens_cap;
    /* The summary, counted before anything is written. */
    tally all;
    tally *categories;         /* the plan's categories, then one for indicators without */
    size_t ncategories;        /* the plan's count; categories[ncategories] is "none" */
    const char **leads;        /* lead unit of each result */
    size_t *lead_ids;
    tally *units;              /* by lead unit, in the order first named */
    size_t nunits;
    double expected;           /* the plan's time schedule at the period; NaN when none */
} pw;

/* ---- small helpers ------------------------------------------------------------------- */

static zb_status nomem(const pw *w, zb_error *err)
{
    return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", w->path);
}

static zb_status lxw_fail(const pw *w, lxw_error e, const char *what, zb_error *err)
{
    return zb_xlsx_error(err, e, w->path, what);
}

/* The error of one indicator's row names it, as every message of the library does. */
static zb_status row_fail(const pw *w, lxw_error e, size_t ind, zb_error *err)
{
    char what[160];
    snprintf(what, sizeof what, "sheet %s, indicator %d", SHEET_MAIN,
             zb_plan_indicator_seq(w->plan, ind));
    return zb_xlsx_error(err, e, w->path, what);
}

static zb_status check_text(const char *s, const char *what, zb_error *err)
{
    return zb_xlsx_check_text(s, what, err);
}

/* Excel's name of column c (< 26 here) and row r (0-based), e.g. E12. */
static void cell_name(lxw_col_t c, lxw_row_t r, char *out, size_t size)
{
    snprintf(out, size, "%c%lu", 'A' + (int)c, (unsigned long)r + 1);
}

/* The responsible units of indicator ind joined with 、; NULL out of memory. */
static const char *join_units(pw *w, size_t ind)
{
    zb_buf *b = &w->join;
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    size_t n = zb_plan_indicator_responsible_count(w->plan, ind);
    for (size_t j = 0; j < n; j++) {
        if (j)
            zb_buf_add(b, "、", sizeof "、" - 1);
        zb_buf_adds(b, zb_xlsx_safe(zb_plan_indicator_responsible(w->plan, ind, j)));
    }
    if (b->failed)
        return NULL;
    return b->data ? b->data : "";
}

/* ---- columns ------------------------------------------------------------------------- */

/* The monitoring sheet's columns: 计量单位 when some indicator's unit was given apart from
 * its name; the widths moved between columns so that no header, category or name leaves a
 * character alone on a line (zb_xlsx_fit_widths, looking at the first rows). */
static void setup_columns(pw *w)
{
    const zb_plan *plan = w->plan;
    size_t n = zb_plan_indicator_count(plan);
    for (size_t i = 0; i < n && !w->unit_column; i++)
        w->unit_column = zb_plan_indicator_unit_given(plan, i) && *zb_plan_indicator_unit(plan, i);
    const double *widths = w->unit_column ? widths_unit : widths_main;
    double fit[NCOLS];
    static const double mins[NCOLS] = {4, 6, 14, 5, 6, 6, 6, 6, 5, 20, 8};
    size_t rows = w->n < ZB_XLSX_FIT_ROWS ? w->n : ZB_XLSX_FIT_ROWS;
    size_t ncat = zb_plan_category_count(plan);
    const char **cells = calloc((1 + rows + ncat) * NCOLS, sizeof *cells);
    char **units = calloc(rows ? rows : 1, sizeof *units);
    memcpy(fit, widths, sizeof fit);
    if (cells && units) {
        for (size_t c = 0; c < NCOLS; c++)
            cells[c] = heads_main[c];
        int ok = 1;
        for (size_t i = 0; i < rows && ok; i++) {
            const char **r = cells + (1 + i) * NCOLS;
            size_t ind = zb_progress_indicator(w->pr, i);
            size_t cat = zb_plan_indicator_category(plan, ind);
            int alone = cat == ZB_NONE ||
                        ((i == 0 || zb_plan_indicator_category(plan, zb_progress_indicator(w->pr, i - 1)) != cat) &&
                         (i + 1 >= w->n || zb_plan_indicator_category(plan, zb_progress_indicator(w->pr, i + 1)) != cat));
            r[COL_CATEGORY] = alone && cat != ZB_NONE ? zb_xlsx_safe(zb_plan_category_name(plan, cat)) : NULL;
            r[COL_NAME] = zb_xlsx_safe(w->unit_column ? zb_plan_indicator_bare_name(plan, ind)
                                                      : zb_plan_indicator_name(plan, ind));
            r[COL_UNIT] = zb_xlsx_safe(zb_plan_indicator_unit(plan, ind));
            r[COL_TARGET] = zb_xlsx_safe(zb_progress_target_text(w->pr, i));
            r[COL_STATUS] = zb_standing_label(zb_progress_standing(w->pr, i));
            r[COL_EXPLAIN] = zb_xlsx_safe(zb_progress_explain(w->pr, i));
            const char *u = join_units(w, ind);
            ok = u && (units[i] = zb_strdup(u)) != NULL;
            r[COL_RESPONSIBLE] = units[i];
        }
        for (size_t k = 0; k < ncat; k++)
            cells[(1 + rows + k) * NCOLS + COL_CATEGORY] = zb_xlsx_safe(zb_plan_category_name(plan, k));
        if (ok) {
            /* Without 计量单位, that column is left out of the sharing. */
            if (!w->unit_column)
                for (size_t r = 0; r < 1 + rows + ncat; r++)
                    cells[r * NCOLS + COL_UNIT] = NULL;
            double lo[NCOLS], weight[NCOLS];
            memcpy(lo, mins, sizeof lo);
            for (size_t c = 0; c < NCOLS; c++) /* 说明 is a sentence */
                weight[c] = c == COL_EXPLAIN ? 0.0001 : 0.05;
            /* The figures (本期累计, 完成率, 序时进度) keep the width they were given: a
             * number that does not fit shows as ###. */
            lo[COL_ACTUAL] = widths[COL_ACTUAL];
            lo[COL_COMPLETION] = widths[COL_COMPLETION];
            lo[COL_EXPECTED] = widths[COL_EXPECTED];
            if (!w->unit_column)
                lo[COL_UNIT] = 0;
            zb_xlsx_fit_widths(fit, lo, weight, NCOLS, cells, 1 + rows + ncat, 1 + rows, w->style.body_size, 0);
        }
    }
    for (size_t i = 0; units && i < rows; i++)
        free(units[i]);
    free(units);
    free(cells);
    w->ncols = 0;
    for (size_t c = 0; c < NCOLS; c++) {
        w->text_pt[c] = zb_xlsx_column_text_pt(fit[c]);
        if (c == COL_UNIT && !w->unit_column)
            continue;
        w->col[c] = (lxw_col_t)w->ncols;
        w->widths[w->ncols++] = fit[c];
    }
}

/* The summary's columns: the standings every plan can have, and the others that occur. */
static void setup_summary(pw *w)
{
    w->nshown = 0;
    for (size_t k = 0; k < ZB_STANDING_COUNT; k++)
        if (always_shown(standing_order[k]) || w->all.count[standing_order[k]])
            w->shown[w->nshown++] = standing_order[k];
    w->sum_average = SUM_FIRST_STANDING + w->nshown;
    w->sum_cols = w->sum_average + 1;
    w->widths_summary[SUM_NAME] = SUM_NAME_WIDTH;
    w->widths_summary[SUM_TOTAL] = SUM_COUNT_WIDTH;
    for (size_t k = 0; k < w->nshown; k++)
        w->widths_summary[SUM_FIRST_STANDING + k] = SUM_COUNT_WIDTH;
    w->widths_summary[w->sum_average] = SUM_AVERAGE_WIDTH;
    /* The names (categories, lead units; broken into even lines where they wrap) and
     * 平均完成率 share what the counts leave of the page, so that none leaves a character
     * alone. */
    size_t rows = 1 + w->ncategories + 1 + w->nunits;
    if (rows > ZB_XLSX_FIT_ROWS)
        rows = ZB_XLSX_FIT_ROWS;
    const char **cells = calloc(rows * 2, sizeof *cells);
    if (cells) {
        cells[0] = "牵头单位";
        cells[1] = "平均完成率";
        size_t r = 1;
        for (size_t c = 0; c <= w->ncategories && r < rows; c++, r++)
            cells[r * 2] = c < w->ncategories ? zb_xlsx_safe(zb_plan_category_name(w->plan, c)) : "未分类";
        for (size_t i = 0; i < w->n; i++) { /* each lead once */
            size_t at = r + w->lead_ids[i];
            if (at < rows && !cells[at * 2])
                cells[at * 2] = *w->leads[i] ? w->leads[i] : "未明确牵头单位";
        }
        double room, fit[2] = {w->widths_summary[SUM_NAME], w->widths_summary[w->sum_average]};
        static const double lo[2] = {12, 7};
        zb_xlsx_page_area(w->nshown > 7, 1, &room, NULL);
        room -= zb_xlsx_span_pt(w->widths_summary, SUM_TOTAL, w->sum_average - 1);
        zb_xlsx_fit_widths(fit, lo, NULL, 2, cells, rows, 1, w->style.body_size, room);
        w->widths_summary[SUM_NAME] = fit[0];
        w->widths_summary[w->sum_average] = fit[1];
        free(cells);
    }
    for (size_t c = 0; c < w->sum_cols; c++)
        w->sum_text_pt[c] = zb_xlsx_column_text_pt(w->widths_summary[c]);
}

/* ---- counting ------------------------------------------------------------------------ */

static void tally_add(tally *t, zb_standing s, double completion)
{
    if ((unsigned)s < ZB_STANDING_COUNT)
        t->count[s]++;
    t->total++;
    if (isfinite(completion)) {
        t->completion_sum += completion;
        t->completion_n++;
    }
}

/* The completion that goes into averages: a cumulative indicator's, when it has one. */
static double result_completion(const pw *w, size_t i)
{
    size_t ind = zb_progress_indicator(w->pr, i);
    if (zb_plan_indicator_kind(w->plan, ind) != ZB_KIND_CUMULATIVE)
        return NAN;
    return zb_progress_completion(w->pr, i);
}

/* Counts every result into the whole, its category and its lead unit. */
static zb_status count_results(pw *w, zb_error *err)
{
    size_t n = w->n;
    w->ncategories = zb_plan_category_count(w->plan);
    w->categories = calloc(w->ncategories + 1, sizeof *w->categories);
    w->leads = malloc((n ? n : 1) * sizeof *w->leads);
    w->lead_ids = malloc((n ? n : 1) * sizeof *w->lead_ids);
    if (!w->categories || !w->leads || !w->lead_ids)
        return nomem(w, err);
    for (size_t i = 0; i < n; i++)
        w->leads[i] = zb_xlsx_safe(zb_plan_indicator_lead(w->plan, zb_progress_indicator(w->pr, i)));
    if (zb_xlsx_number_keys(w->leads, n, w->lead_ids, &w->nunits))
        return nomem(w, err);
    w->units = calloc(w->nunits ? w->nunits : 1, sizeof *w->units);
    if (!w->units)
        return nomem(w, err);
    w->expected = NAN;
    for (size_t i = 0; i < n; i++) {
        size_t ind = zb_progress_indicator(w->pr, i);
        zb_standing s = zb_progress_standing(w->pr, i);
        double c = result_completion(w, i);
        size_t cat = zb_plan_indicator_category(w->plan, ind);
        if (cat == ZB_NONE || cat >= w->ncategories)
            cat = w->ncategories;
        tally_add(&w->all, s, c);
        tally_add(&w->categories[cat], s, c);
        tally_add(&w->units[w->lead_ids[i]], s, c);
        double e = zb_progress_expected(w->pr, i);
        if (isnan(w->expected) && isfinite(e))
            w->expected = e;
    }
    setup_summary(w);
    return ZB_OK;
}

/* ---- formats ------------------------------------------------------------------------- */

static lxw_format *cell_format(pw *w, const char *font, const char *num_format)
{
    return zb_xlsx_cell_format(w->book, &w->style, font, num_format);
}

static zb_status make_formats(pw *w, zb_error *err)
{
    zb_status st = zb_xlsx_formats_init(w->book, &w->style, &w->fmt, err);
    if (st)
        return st;
    w->percent = cell_format(w, w->style.font_body, "0.0%");
    w->total_percent = cell_format(w, w->style.font_heading, "0.0%");
    w->whole = cell_format(w, w->style.font_body, "0%");
    w->total_whole = cell_format(w, w->style.font_heading, "0%");
    w->caption = cell_format(w, w->style.font_heading, NULL);
    if (!w->percent || !w->total_percent || !w->whole || !w->total_whole || !w->caption)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory creating cell formats", w->path);
    format_set_align(w->caption, LXW_ALIGN_LEFT);
    return ZB_OK;
}

/* ---- the monitoring sheet ------------------------------------------------------------ */

/* Title merged across, a caption with the period and the schedule, the header row. */
static zb_status main_heading(pw *w, lxw_worksheet *ws, zb_xlsx_pager *pager, lxw_row_t *row,
                              zb_error *err)
{
    lxw_error e = LXW_NO_ERROR;
    for (size_t c = 0; c < w->ncols && !e; c++)
        e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w->widths[c], NULL);
    if (e)
        return lxw_fail(w, e, "setting the column widths", err);
    lxw_col_t last = (lxw_col_t)(w->ncols - 1);
    double span_pt = zb_xlsx_span_text_pt(w->widths, 0, last);

    /* Half a line more than its text: the space between a 公文 title and what follows. */
    double h = zb_xlsx_text_height(w->title, span_pt, w->style.title_size);
    h = fmin(h + w->style.title_size / 2, ZB_XLSX_MAX_ROW_HEIGHT);
    e = worksheet_merge_range(ws, *row, 0, *row, last, w->title, w->fmt.title);
    if (!e)
        e = worksheet_set_row(ws, *row, h, NULL);
    if (e)
        return lxw_fail(w, e, "writing the title", err);
    zb_xlsx_pager_row(pager, h);
    (*row)++;

    char caption[160];
    int len = snprintf(caption, sizeof caption, "数据截至%d年%d月底", w->year, w->month);
    if (isfinite(w->expected) && len > 0 && (size_t)len < sizeof caption)
        snprintf(caption + len, sizeof caption - (size_t)len, "　　序时进度%.1f%%", w->expected * 100);
    h = zb_xlsx_text_height(caption, span_pt, w->style.body_size);
    e = worksheet_merge_range(ws, *row, 0, *row, last, caption, w->caption);
    if (!e)
        e = worksheet_set_row(ws, *row, h, NULL);
    if (e)
        return lxw_fail(w, e, "writing the caption", err);
    zb_xlsx_pager_row(pager, h);
    (*row)++;

    int lines = 1;
    for (size_t c = 0; c < NCOLS && !e; c++) {
        if (c == COL_UNIT && !w->unit_column)
            continue;
        e = worksheet_write_string(ws, *row, w->col[c], heads_main[c], w->fmt.header);
        lines = zb_xlsx_max_int(lines, zb_xlsx_text_lines(heads_main[c], w->text_pt[c], w->style.body_size));
    }
    h = zb_xlsx_row_height(lines, w->style.body_size);
    if (!e)
        e = worksheet_set_row(ws, *row, h, NULL);
    if (e)
        return lxw_fail(w, e, "writing the header row", err);
    zb_xlsx_pager_row(pager, h);
    zb_xlsx_pager_body(pager, h);
    return ZB_OK;
}

/* 完成率 of result i on row r: a formula over the row's cells (=E12/D12, or =E12/450 when
 * the target is text such as 62家; target over actual, =D12/E12, where lower is better)
 * carrying the value the evaluation computed, so that a viewer that does not recalculate
 * shows the same number. Written only where the formula gives exactly that value;
 * otherwise the number alone. */
static lxw_error write_completion(pw *w, lxw_worksheet *ws, size_t i, size_t ind, lxw_row_t r,
                                  int target_in_cell, double target_value)
{
    double c = zb_progress_completion(w->pr, i);
    double a = zb_progress_actual(w->pr, i);
    double t = zb_progress_target(w->pr, i);
    if (zb_plan_indicator_kind(w->plan, ind) != ZB_KIND_CUMULATIVE || !isfinite(c))
        return worksheet_write_blank(ws, r, w->col[COL_COMPLETION], w->percent);
    /* The evaluation decides which way the ratio goes (a 以下 on the target turns it). */
    int up = a / t == c, down = !up && t / a == c;
    if (!isfinite(a) || !isfinite(t) || (!up && !down))
        return worksheet_write_number(ws, r, w->col[COL_COMPLETION], c, w->percent);
    char actual[16], target[32], formula[80];
    cell_name(w->col[COL_ACTUAL], r, actual, sizeof actual);
    if (target_in_cell && target_value == t)
        cell_name(w->col[COL_TARGET], r, target, sizeof target);
    else
        zb_format_number(t, target);
    snprintf(formula, sizeof formula, "=%s/%s", up ? actual : target, up ? target : actual);
    return worksheet_write_formula_num(ws, r, w->col[COL_COMPLETION], formula, w->percent, c);
}

/* Writes result i on row r; the category only when it is not merged (category != NULL).
 * *height receives the height its texts need. */
static zb_status write_result(pw *w, lxw_worksheet *ws, size_t i, lxw_row_t r,
                              const char *category, double *height, zb_error *err)
{
    const zb_plan *plan = w->plan;
    size_t ind = zb_progress_indicator(w->pr, i);
    double size = w->style.body_size;
    const char *units = join_units(w, ind);
    if (!units)
        return nomem(w, err);
    const char *name = zb_xlsx_safe(w->unit_column ? zb_plan_indicator_bare_name(plan, ind)
                                                   : zb_plan_indicator_name(plan, ind));
    const char *unit = zb_xlsx_safe(zb_plan_indicator_unit(plan, ind));
    /* The target the period is judged against: the year's own in a plan of several years. */
    const char *target = zb_xlsx_safe(zb_progress_target_text(w->pr, i));
    const char *status = zb_standing_label(zb_progress_standing(w->pr, i));
    const char *explain = zb_xlsx_safe(zb_progress_explain(w->pr, i));
    double actual = zb_progress_actual(w->pr, i);
    double expected = zb_progress_expected(w->pr, i);
    double target_value = NAN;
    int target_in_cell = zb_xlsx_plain_number(target, &target_value);

    /* Text always goes in as a string, so a name that starts with = is never a formula. */
    lxw_error e = worksheet_write_number(ws, r, w->col[COL_SEQ], zb_plan_indicator_seq(plan, ind),
                                         w->fmt.number);
    if (!e && category)
        e = worksheet_write_string(ws, r, w->col[COL_CATEGORY], category, w->fmt.center);
    if (!e)
        e = worksheet_write_string(ws, r, w->col[COL_NAME], name, w->fmt.left);
    if (!e && w->unit_column)
        e = worksheet_write_string(ws, r, w->col[COL_UNIT], unit, w->fmt.center);
    if (!e) {
        /* A plain number stays a number (the formula divides by it), shown as in the plan;
         * anything else (20%, 6.5以上) is the text as published. */
        if (target_in_cell)
            e = worksheet_write_number(ws, r, w->col[COL_TARGET], target_value, w->fmt.number);
        else
            e = worksheet_write_string(ws, r, w->col[COL_TARGET], target, w->fmt.center);
    }
    if (!e)
        e = isfinite(actual) ? worksheet_write_number(ws, r, w->col[COL_ACTUAL], actual, w->fmt.number)
                             : worksheet_write_blank(ws, r, w->col[COL_ACTUAL], w->fmt.number);
    if (!e)
        e = write_completion(w, ws, i, ind, r, target_in_cell, target_value);
    if (!e)
        e = isfinite(expected) ? worksheet_write_number(ws, r, w->col[COL_EXPECTED], expected, w->percent)
                               : worksheet_write_blank(ws, r, w->col[COL_EXPECTED], w->percent);
    if (!e)
        e = worksheet_write_string(ws, r, w->col[COL_STATUS], status, w->fmt.center);
    if (!e)
        e = worksheet_write_string(ws, r, w->col[COL_EXPLAIN], explain, w->fmt.left);
    if (!e)
        e = worksheet_write_string(ws, r, w->col[COL_RESPONSIBLE], units, w->fmt.center);
    if (e)
        return row_fail(w, e, ind, err);

    int lines = w->lines[i];
    if (category)
        lines = zb_xlsx_max_int(lines, zb_xlsx_text_lines(category, w->text_pt[COL_CATEGORY], size));
    *height = zb_xlsx_row_height(lines, size);
    return ZB_OK;
}

/* The lines of result i, its category aside: the pager looks ahead with them. -1 when out
 * of memory. */
static int result_lines(pw *w, size_t i)
{
    const zb_plan *plan = w->plan;
    size_t ind = zb_progress_indicator(w->pr, i);
    double size = w->style.body_size;
    const char *units = join_units(w, ind);
    if (!units)
        return -1;
    const char *name = zb_xlsx_safe(w->unit_column ? zb_plan_indicator_bare_name(plan, ind)
                                                   : zb_plan_indicator_name(plan, ind));
    const char *target = zb_xlsx_safe(zb_progress_target_text(w->pr, i));
    const char *status = zb_standing_label(zb_progress_standing(w->pr, i));
    const char *explain = zb_xlsx_safe(zb_progress_explain(w->pr, i));
    int lines = zb_xlsx_text_lines(name, w->text_pt[COL_NAME], size);
    lines = zb_xlsx_max_int(lines, zb_xlsx_text_lines(target, w->text_pt[COL_TARGET], size));
    if (w->unit_column)
        lines = zb_xlsx_max_int(lines, zb_xlsx_text_lines(zb_xlsx_safe(zb_plan_indicator_unit(plan, ind)),
                                                          w->text_pt[COL_UNIT], size));
    lines = zb_xlsx_max_int(lines, zb_xlsx_text_lines(status, w->text_pt[COL_STATUS], size));
    lines = zb_xlsx_max_int(lines, zb_xlsx_text_lines(explain, w->text_pt[COL_EXPLAIN], size));
    lines = zb_xlsx_max_int(lines, zb_xlsx_text_lines(units, w->text_pt[COL_RESPONSIBLE], size));
    return lines;
}

/* One row per result from row, 类别 merged over each run of two or more rows of one
 * category, kept on one page when it fits (as in the target table). */
static zb_status main_body(pw *w, lxw_worksheet *ws, zb_xlsx_pager *pager, lxw_row_t row,
                           zb_error *err)
{
    const zb_plan *plan = w->plan;
    size_t n = w->n;
    double size = w->style.body_size;
    free(w->lines);
    free(w->ahead_h);
    free(w->ahead_first);
    w->lines = malloc((n ? n : 1) * sizeof *w->lines);
    w->ahead_h = malloc((n ? n : 1) * sizeof *w->ahead_h);
    w->ahead_first = malloc(n ? n : 1);
    if (!w->lines || !w->ahead_h || !w->ahead_first)
        return nomem(w, err);
    for (size_t i = 0; i < n; i++) {
        if ((w->lines[i] = result_lines(w, i)) < 0)
            return nomem(w, err);
        w->ahead_h[i] = zb_xlsx_row_height(w->lines[i], size);
        size_t cat = zb_plan_indicator_category(plan, zb_progress_indicator(w->pr, i));
        w->ahead_first[i] = i == 0 || cat == ZB_NONE ||
                            zb_plan_indicator_category(plan, zb_progress_indicator(w->pr, i - 1)) != cat;
    }
    pager->ahead_h = w->ahead_h;
    pager->ahead_first = w->ahead_first;
    pager->ahead_n = n;
    for (size_t i = 0; i < n;) {
        size_t cat = zb_plan_indicator_category(plan, zb_progress_indicator(w->pr, i));
        size_t end = i + 1;
        if (cat != ZB_NONE)
            while (end < n && zb_plan_indicator_category(plan, zb_progress_indicator(w->pr, end)) == cat)
                end++;
        const char *name = cat != ZB_NONE ? zb_xlsx_safe(zb_plan_category_name(plan, cat)) : "";
        /* A category that would leave a character alone is set on even lines. */
        char *even = zb_xlsx_balance_text(name, w->text_pt[COL_CATEGORY], size);
        if (even) {
            if (zb_grow((void **)&w->evens, &w->evens_cap, w->nevens + 1, sizeof *w->evens)) {
                free(even);
                return nomem(w, err);
            }
            w->evens[w->nevens++] = even;
            name = even;
        }
        size_t k = end - i;
        if (zb_grow((void **)&w->heights, &w->heights_cap, k, sizeof *w->heights))
            return nomem(w, err);
        lxw_row_t top = row;
        double above = 0; /* height of the group's rows before the last */
        for (size_t j = 0; j < k; j++) {
            zb_status st = write_result(w, ws, i + j, top + (lxw_row_t)j, k > 1 ? NULL : name,
                                        &w->heights[j], err);
            if (st)
                return st;
            if (j + 1 < k)
                above += w->heights[j];
        }
        lxw_error e = LXW_NO_ERROR;
        if (k > 1) {
            /* Kept on one page only when that costs less than a third of a page; else merged
             * per page, each part's last row growing when the name needs more. */
            double need = zb_xlsx_text_height(name, w->text_pt[COL_CATEGORY], size);
            (void)above;
            if (zb_grow((void **)&w->splits, &w->splits_cap, k + 1, sizeof *w->splits))
                return nomem(w, err);
            pager->ahead_at = end;
            size_t nsplit = zb_xlsx_pager_category(pager, top, w->heights, k, need, w->splits);
            w->splits[nsplit] = k;
            size_t from = 0;
            for (size_t p = 0; p <= nsplit && !e; p++) {
                size_t to = w->splits[p];
                double have = 0;
                for (size_t j = from; j + 1 < to; j++)
                    have += w->heights[j];
                double *last = &w->heights[to - 1];
                if (have + *last < need) {
                    double h = fmin(ceil((need - have) / 0.75 - 1e-9) * 0.75, ZB_XLSX_MAX_ROW_HEIGHT);
                    if (p == nsplit)
                        pager->used += h - *last;
                    *last = h;
                }
                lxw_col_t cc = w->col[COL_CATEGORY];
                if (to - from > 1)
                    e = worksheet_merge_range(ws, top + (lxw_row_t)from, cc, top + (lxw_row_t)(to - 1), cc, name,
                                              w->fmt.center);
                else
                    e = worksheet_write_string(ws, top + (lxw_row_t)from, cc, name, w->fmt.center);
                from = to;
            }
        } else {
            zb_xlsx_pager_row(pager, w->heights[0]);
        }
        for (size_t j = 0; j < k && !e; j++)
            e = worksheet_set_row(ws, top + (lxw_row_t)j, w->heights[j], NULL);
        if (e)
            return row_fail(w, e, zb_progress_indicator(w->pr, i), err);
        row += (lxw_row_t)k;
        i = end;
    }
    return ZB_OK;
}

/* The status colours over the 状态 column: a rule per label, by the text it contains (the
 * way a user would set them up in Excel or WPS, and what they can edit). */
static zb_status status_formats(pw *w, lxw_worksheet *ws, lxw_row_t first, lxw_row_t last,
                                zb_error *err)
{
    for (size_t k = 0; k < sizeof status_colours / sizeof status_colours[0]; k++) {
        zb_standing st = status_colours[k].standing;
        if (!always_shown(st) && !w->all.count[st])
            continue;
        lxw_format *f = workbook_add_format(w->book->wb);
        if (!f)
            return nomem(w, err);
        format_set_bg_color(f, status_colours[k].fill);
        format_set_font_color(f, status_colours[k].font);
        lxw_conditional_format cf;
        memset(&cf, 0, sizeof cf);
        cf.type = LXW_CONDITIONAL_TYPE_TEXT;
        cf.criteria = LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING;
        cf.value_string = (char *)zb_standing_label(status_colours[k].standing); /* copied */
        cf.format = f;
        cf.stop_if_true = LXW_TRUE;
        lxw_error e = worksheet_conditional_format_range(ws, first, w->col[COL_STATUS], last, w->col[COL_STATUS], &cf);
        if (e)
            return lxw_fail(w, e, "adding the status colours", err);
    }
    return ZB_OK;
}

static zb_status write_main(pw *w, zb_error *err)
{
    lxw_worksheet *ws = workbook_add_worksheet(w->book->wb, SHEET_MAIN);
    if (!ws)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory adding the worksheet %s",
                            w->path, SHEET_MAIN);
    zb_xlsx_pager pager;
    zb_xlsx_pager_init(&pager, 1, zb_xlsx_span_pt(w->widths, 0, w->ncols - 1));
    lxw_row_t row = 0;
    zb_status st = main_heading(w, ws, &pager, &row, err);
    zb_xlsx_page page = {0};
    page.landscape = 1;
    page.sheet_margins = 1; /* a working sheet: a spreadsheet's margins */
    page.header_first = page.header_last = row;
    lxw_row_t first = row + 1, last = row + (lxw_row_t)w->n;
    if (!st)
        st = zb_xlsx_page_setup(w->book, ws, &page, err);
    if (!st)
        st = main_body(w, ws, &pager, first, err);
    if (!st) {
        /* The filter covers the header row and every row below it. */
        lxw_error e = worksheet_autofilter(ws, row, 0, last, (lxw_col_t)(w->ncols - 1));
        if (e)
            st = lxw_fail(w, e, "adding the filter", err);
    }
    if (!st && w->n > 0)
        st = status_formats(w, ws, first, last, err);
    if (!st)
        st = zb_xlsx_pager_finish(&pager, w->book, ws, err);
    zb_xlsx_pager_free(&pager);
    return st;
}

/* ---- the summary sheet --------------------------------------------------------------- */

typedef struct summary {
    lxw_worksheet *ws;
    zb_xlsx_pager pager;
    lxw_row_t row;
    double span_pt;
} summary;

static zb_status summary_fail(const pw *w, const summary *s, lxw_error e, zb_error *err)
{
    char what[96];
    snprintf(what, sizeof what, "sheet %s, row %lu", SHEET_SUMMARY, (unsigned long)s->row + 1);
    return zb_xlsx_error(err, e, w->path, what);
}

/* A line across the sheet in the caption face (a section heading, the caption). Returns
 * its height; it is left to the caller to tell the pager. */
static lxw_error summary_line(pw *w, summary *s, const char *text, double *height)
{
    *height = zb_xlsx_text_height(text, s->span_pt, w->style.body_size);
    lxw_error e = worksheet_merge_range(s->ws, s->row, 0, s->row, (lxw_col_t)(w->sum_cols - 1), text, w->caption);
    if (!e)
        e = worksheet_set_row(s->ws, s->row, *height, NULL);
    s->row++;
    return e;
}

/* A header row over columns [0, ncols); returns its height. */
static lxw_error summary_header(pw *w, summary *s, const char *const *heads, size_t ncols,
                                double *height)
{
    lxw_error e = LXW_NO_ERROR;
    int lines = 1;
    for (size_t c = 0; c < ncols && !e; c++) {
        e = worksheet_write_string(s->ws, s->row, (lxw_col_t)c, heads[c], w->fmt.header);
        lines = zb_xlsx_max_int(lines, zb_xlsx_text_lines(heads[c], w->sum_text_pt[c], w->style.body_size));
    }
    *height = zb_xlsx_row_height(lines, w->style.body_size);
    if (!e)
        e = worksheet_set_row(s->ws, s->row, *height, NULL);
    s->row++;
    return e;
}

/* A section heading, its header row and its first row are kept on one page. */
static void page_section(summary *s, lxw_row_t first, double heading, double header, double row)
{
    double h[3] = {heading, header, row};
    zb_xlsx_pager_group(&s->pager, first, h, row > 0 ? 3 : 2);
}

/* 一、按状态统计: a row per standing with its count and share, then 合计. */
static zb_status status_table(pw *w, summary *s, zb_error *err)
{
    static const char *const heads[] = {"状态", "指标数", "占比"};
    lxw_row_t first = s->row;
    double h_heading, h_header;
    lxw_error e = summary_line(w, s, "一、按状态统计", &h_heading);
    if (!e)
        e = summary_header(w, s, heads, 3, &h_header);
    double h = zb_xlsx_row_height(1, w->style.body_size);
    double n = (double)w->all.total;
    for (size_t k = 0; k < w->nshown && !e; k++) {
        zb_standing st = w->shown[k];
        double count = (double)w->all.count[st];
        e = worksheet_write_string(s->ws, s->row, 0, zb_standing_label(st), w->fmt.center);
        if (!e)
            e = worksheet_write_number(s->ws, s->row, 1, count, w->fmt.number);
        /* 100.0% would not fit the column: a whole share shows as 100%. */
        if (!e)
            e = n > 0 ? worksheet_write_number(s->ws, s->row, 2, count / n,
                                               count == n ? w->whole : w->percent)
                      : worksheet_write_blank(s->ws, s->row, 2, w->percent);
        if (!e)
            e = worksheet_set_row(s->ws, s->row, h, NULL);
        if (!e) {
            if (k == 0)
                page_section(s, first, h_heading, h_header, h);
            else
                zb_xlsx_pager_row(&s->pager, h);
            s->row++;
        }
    }
    if (!e)
        e = worksheet_write_string(s->ws, s->row, 0, "合计", w->fmt.header);
    if (!e)
        e = worksheet_write_number(s->ws, s->row, 1, n, w->fmt.header);
    if (!e)
        e = n > 0 ? worksheet_write_number(s->ws, s->row, 2, 1.0, w->total_whole)
                  : worksheet_write_blank(s->ws, s->row, 2, w->total_percent);
    if (!e)
        e = worksheet_set_row(s->ws, s->row, h, NULL);
    if (e)
        return summary_fail(w, s, e, err);
    zb_xlsx_pager_row(&s->pager, h);
    s->row++;
    return ZB_OK;
}

/* One row of a tally table: name, 指标数, the standings, 平均完成率. */
static lxw_error tally_row(pw *w, summary *s, const char *name, const tally *t, int total,
                           double *height)
{
    lxw_format *text = total ? w->fmt.header : w->fmt.center;
    lxw_format *num = total ? w->fmt.header : w->fmt.number;
    lxw_format *pct = total ? w->total_percent : w->percent;
    lxw_row_t r = s->row;
    /* A name that wraps is broken into even lines, the same in every program. */
    char *even = zb_xlsx_balance_text(name, w->sum_text_pt[SUM_NAME], w->style.body_size);
    if (even)
        name = even;
    lxw_error e = worksheet_write_string(s->ws, r, SUM_NAME, name, text);
    if (!e)
        e = worksheet_write_number(s->ws, r, SUM_TOTAL, (double)t->total, num);
    for (size_t k = 0; k < w->nshown && !e; k++)
        e = worksheet_write_number(s->ws, r, (lxw_col_t)(SUM_FIRST_STANDING + k), (double)t->count[w->shown[k]],
                                   num);
    lxw_col_t avg = (lxw_col_t)w->sum_average;
    if (!e)
        e = t->completion_n ? worksheet_write_number(s->ws, r, avg, t->completion_sum / (double)t->completion_n, pct)
                            : worksheet_write_blank(s->ws, r, avg, pct);
    *height = zb_xlsx_text_height(name, w->sum_text_pt[SUM_NAME], w->style.body_size);
    free(even);
    if (!e)
        e = worksheet_set_row(s->ws, r, *height, NULL);
    s->row++;
    return e;
}

/* A section of rows [names[k], tallies[k]] for the k with indicators, then 合计. *first_row
 * and *last_row receive the rows of the groups (for the chart); *rows their count. */
static zb_status tally_table(pw *w, summary *s, const char *heading, const char *name_head,
                             const char *const *names, const tally *tallies, size_t count,
                             lxw_row_t *first_row, size_t *rows, zb_error *err)
{
    const char *heads[SUM_COLS_MAX];
    heads[SUM_NAME] = name_head;
    heads[SUM_TOTAL] = "指标数";
    for (size_t k = 0; k < w->nshown; k++)
        heads[SUM_FIRST_STANDING + k] = zb_standing_label(w->shown[k]);
    heads[w->sum_average] = "平均完成率";
    lxw_row_t first = s->row;
    double h_heading, h_header, h;
    lxw_error e = summary_line(w, s, heading, &h_heading);
    if (!e)
        e = summary_header(w, s, heads, w->sum_cols, &h_header);
    *first_row = s->row;
    *rows = 0;
    for (size_t k = 0; k < count && !e; k++) {
        if (!tallies[k].total)
            continue;
        e = tally_row(w, s, names[k], &tallies[k], 0, &h);
        if (e)
            break;
        if (*rows == 0)
            page_section(s, first, h_heading, h_header, h);
        else
            zb_xlsx_pager_row(&s->pager, h);
        (*rows)++;
    }
    if (!e && *rows == 0)
        page_section(s, first, h_heading, h_header, 0);
    if (!e)
        e = tally_row(w, s, "合计", &w->all, 1, &h);
    if (e)
        return summary_fail(w, s, e, err);
    zb_xlsx_pager_row(&s->pager, h);
    return ZB_OK;
}

static void chart_font(lxw_chart_font *f, const char *name, double size)
{
    memset(f, 0, sizeof *f);
    f->name = (char *)name; /* copied by libxlsxwriter */
    f->size = size;
}

/* A column chart of 平均完成率 by category, from the table's cells, on rows reserved below
 * it; a category without a completion to average is a gap, not a zero. */
static zb_status completion_chart(pw *w, summary *s, lxw_row_t first, size_t rows, zb_error *err)
{
    lxw_chart *chart = workbook_add_chart(w->book->wb, LXW_CHART_COLUMN);
    if (!chart)
        return nomem(w, err);
    lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
    if (!series)
        return nomem(w, err);
    lxw_row_t last = first + (lxw_row_t)rows - 1;
    chart_series_set_categories(series, SHEET_SUMMARY, first, SUM_NAME, last, SUM_NAME);
    chart_series_set_values(series, SHEET_SUMMARY, first, (lxw_col_t)w->sum_average, last,
                            (lxw_col_t)w->sum_average);
    chart_series_set_name(series, "平均完成率");
    chart_series_set_labels(series);
    chart_series_set_labels_num_format(series, "0.0%");
    lxw_chart_fill fill;
    memset(&fill, 0, sizeof fill);
    fill.color = 0x2F5597;
    chart_series_set_fill(series, &fill);

    char title[160];
    if (isfinite(w->expected))
        snprintf(title, sizeof title, "各类别累计型指标平均完成率（序时进度%.1f%%）", w->expected * 100);
    else
        snprintf(title, sizeof title, "各类别累计型指标平均完成率");
    lxw_chart_font title_font, axis_font, label_font;
    chart_font(&title_font, w->style.font_heading, 12);
    chart_font(&axis_font, w->style.font_body, 9);
    chart_font(&label_font, w->style.font_body, 9);
    chart_title_set_name(chart, title);
    chart_title_set_name_font(chart, &title_font);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    chart_axis_set_num_font(chart->x_axis, &axis_font);
    chart_axis_set_num_font(chart->y_axis, &axis_font);
    chart_axis_set_num_format(chart->y_axis, "0%");
    chart_axis_set_min(chart->y_axis, 0);
    chart_series_set_labels_font(series, &label_font);

    /* The reserved rows, then the chart over them, as wide as the table. */
    lxw_row_t top = s->row;
    double h[CHART_ROWS];
    lxw_error e = LXW_NO_ERROR;
    for (size_t k = 0; k < CHART_ROWS && !e; k++) {
        h[k] = CHART_ROW_PT;
        e = worksheet_set_row(s->ws, top + (lxw_row_t)k, CHART_ROW_PT, NULL);
    }
    double width_px = zb_xlsx_span_pt(w->widths_summary, 0, w->sum_cols - 1) / 0.75;
    lxw_chart_options opt;
    memset(&opt, 0, sizeof opt);
    opt.y_offset = CHART_OFFSET_PX;
    opt.x_scale = width_px / 480.0; /* libxlsxwriter's default chart is 480 x 288 px */
    opt.y_scale = CHART_HEIGHT_PX / 288.0;
    opt.object_position = LXW_OBJECT_MOVE_DONT_SIZE;
    if (!e)
        e = worksheet_insert_chart_opt(s->ws, top, 0, chart, &opt);
    if (e)
        return lxw_fail(w, e, "adding the chart", err);
    zb_xlsx_pager_group(&s->pager, top, h, CHART_ROWS);
    s->row += CHART_ROWS;
    return ZB_OK;
}

static zb_status write_summary(pw *w, zb_error *err)
{
    summary s;
    memset(&s, 0, sizeof s);
    s.ws = workbook_add_worksheet(w->book->wb, SHEET_SUMMARY);
    if (!s.ws)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory adding the worksheet %s",
                            w->path, SHEET_SUMMARY);
    /* Seven standings fit A4 portrait; more turn the page. */
    int landscape = w->nshown > 7;
    s.span_pt = zb_xlsx_span_text_pt(w->widths_summary, 0, w->sum_cols - 1);
    zb_xlsx_pager_init(&s.pager, landscape, zb_xlsx_span_pt(w->widths_summary, 0, w->sum_cols - 1));
    lxw_error e = LXW_NO_ERROR;
    for (size_t c = 0; c < w->sum_cols && !e; c++)
        e = worksheet_set_column(s.ws, (lxw_col_t)c, (lxw_col_t)c, w->widths_summary[c], NULL);
    if (e)
        return lxw_fail(w, e, "setting the column widths", err);

    double h = zb_xlsx_text_height(w->title, s.span_pt, w->style.title_size);
    h = fmin(h + w->style.title_size / 2, ZB_XLSX_MAX_ROW_HEIGHT);
    e = worksheet_merge_range(s.ws, 0, 0, 0, (lxw_col_t)(w->sum_cols - 1), w->title, w->fmt.title);
    if (!e)
        e = worksheet_set_row(s.ws, 0, h, NULL);
    if (e)
        return lxw_fail(w, e, "writing the title", err);
    zb_xlsx_pager_row(&s.pager, h);
    zb_xlsx_pager_body(&s.pager, h);
    s.row = 1;
    /* Several tables on one sheet: the title is what repeats on every page. */
    zb_xlsx_page page = {0};
    page.landscape = landscape;
    page.sheet_margins = 1;
    zb_status st = zb_xlsx_page_setup(w->book, s.ws, &page, err);
    if (st) {
        zb_xlsx_pager_free(&s.pager);
        return st;
    }

    char caption[200];
    snprintf(caption, sizeof caption, "数据截至%d年%d月底，共%zu项指标", w->year, w->month,
             w->all.total);
    e = summary_line(w, &s, caption, &h);
    if (e) {
        zb_xlsx_pager_free(&s.pager);
        return summary_fail(w, &s, e, err);
    }
    zb_xlsx_pager_row(&s.pager, h);

    st = status_table(w, &s, err);
    const char **names = NULL;
    if (!st) {
        size_t nc = w->ncategories;
        names = malloc((nc + 1 + w->nunits) * sizeof *names);
        if (!names)
            st = nomem(w, err);
        for (size_t c = 0; c < nc && names; c++)
            names[c] = zb_xlsx_safe(zb_plan_category_name(w->plan, c));
        if (names)
            names[nc] = "未分类";
    }
    lxw_row_t first = 0;
    size_t rows = 0;
    if (!st) {
        s.row++; /* a blank line between tables */
        st = tally_table(w, &s, "二、按类别统计", "类别", names, w->categories, w->ncategories + 1,
                         &first, &rows, err);
    }
    if (!st && rows > 0)
        st = completion_chart(w, &s, first, rows, err);
    if (!st) {
        /* Lead units by their number, in the order first named. */
        const char **unit_names = names + w->ncategories + 1;
        for (size_t i = 0; i < w->n; i++)
            unit_names[w->lead_ids[i]] = *w->leads[i] ? w->leads[i] : "未明确牵头单位";
        s.row++;
        st = tally_table(w, &s, "三、按牵头单位统计", "牵头单位", unit_names, w->units, w->nunits,
                         &first, &rows, err);
    }
    free(names);
    if (!st)
        st = zb_xlsx_pager_finish(&s.pager, w->book, s.ws, err);
    zb_xlsx_pager_free(&s.pager);
    return st;
}

/* ---- the writer ---------------------------------------------------------------------- */

static void pw_free(pw *w)
{
    zb_buf_free(&w->join);
    free(w->heights);
    free(w->splits);
    free(w->lines);
    free(w->ahead_h);
    free(w->ahead_first);
    for (size_t i = 0; i < w->nevens; i++)
        free(w->evens[i]);
    free(w->evens);
    free(w->categories);
    free(w->leads);
    free(w->lead_ids);
    free(w->units);
}

static zb_status write_book(pw *w, zb_error *err)
{
    zb_status st = make_formats(w, err);
    if (!st)
        st = write_main(w, err);
    if (!st)
        st = write_summary(w, err);
    if (!st) {
        zb_date issued = zb_plan_date(w->plan, ZB_DATE_ISSUED);
        st = zb_xlsx_set_properties(w->book, w->title, zb_plan_meta(w->plan, ZB_META_TITLE),
                                    zb_plan_meta(w->plan, ZB_META_ORGAN),
                                    zb_output_time(issued, zb_plan_first_year(w->plan)), err);
    }
    return st;
}

ZB_API zb_status zb_xlsx_write_progress(const zb_plan *plan, const char *period, const char *path,
                                        const zb_progress_sheet_options *options, zb_error *error)
{
    zb_error_clear(error);
    if (!plan)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no plan given");
    if (!period)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no period given");
    if (!path || !*path)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no output path given");
    zb_progress_sheet_options defaults;
    memset(&defaults, 0, sizeof defaults);
    const zb_progress_sheet_options *o = options ? options : &defaults;
    zb_status st = check_text(o->title, "title", error);
    if (!st)
        st = check_text(o->font_body, "font_body", error);
    if (!st)
        st = check_text(o->font_heading, "font_heading", error);
    if (!st)
        st = check_text(o->font_title, "font_title", error);
    /* Texts no document can carry are refused with their field, not met half-way. */
    if (!st)
        st = zb_plan_check_texts(plan, 1, error);
    if (st)
        return st;
    size_t n = zb_plan_indicator_count(plan);
    if (n > LXW_ROW_MAX - 8)
        return zb_error_set(error, ZB_ERR_XLSX, "%s: %zu indicators do not fit in one worksheet",
                            path, n);

    /* Evaluated before the destination is touched: a bad period leaves no trace. */
    zb_progress *pr = NULL;
    st = zb_progress_evaluate(plan, period, o->progress, &pr, error);
    if (st)
        return st;

    pw w;
    memset(&w, 0, sizeof w);
    w.plan = plan;
    w.pr = pr;
    w.path = path;
    w.n = zb_progress_count(pr);
    const char *p = zb_progress_period(pr);
    w.year = atoi(p);
    w.month = atoi(p + 5);
    zb_xlsx_style_defaults(&w.style);
    w.style.font_body = zb_xlsx_or(o->font_body, w.style.font_body);
    w.style.font_heading = zb_xlsx_or(o->font_heading, w.style.font_heading);
    w.style.font_title = zb_xlsx_or(o->font_title, w.style.font_title);
    setup_columns(&w);
    char default_title[64];
    snprintf(default_title, sizeof default_title, "%d年%d月指标监测表", w.year, w.month);
    w.title = zb_xlsx_or(o->title, default_title);

    st = count_results(&w, error);
    zb_xlsx_book book;
    if (!st)
        st = zb_xlsx_open(&book, path, o->scratch_dir, error);
    if (!st) {
        w.book = &book;
        st = write_book(&w, error);
        if (st)
            zb_xlsx_discard(&book);
        else
            st = zb_xlsx_close(&book, error);
    }
    pw_free(&w);
    zb_progress_free(pr);
    return st;
}
