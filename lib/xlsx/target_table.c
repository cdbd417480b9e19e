/* The target table (目标体系表), laid out as the 附件 of an official document: label, title,
 * header row, one row per indicator with 类别 merged over its group. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/xlsx_internal.h"
#include "zhibiao/xlsx.h"

enum { COLS_MAX = 6 };

/* Column widths in Excel character units: 88 in all, so that the table fills the 172 mm
 * between the margins of A4 portrait at 100%; 目标值 is wide enough for "2024年目标值" on
 * one line. */
static const double widths_plain[] = {6, 14, 36, 14, 18};
static const double widths_unit[] = {6, 14, 28, 10, 14, 16};

/* A table being written; lives on the writer's stack (no global state). */
typedef struct table {
    const zb_plan *plan;
    const char *path;
    zb_xlsx_book *book;
    lxw_worksheet *ws;
    zb_xlsx_style style;
    zb_xlsx_formats fmt;
    int unit_column;
    size_t ncols;
    const double *widths;
    double text_pt[COLS_MAX]; /* width left for text in each column, in points */
    /* Column of each field; the unit column exists only with unit_column. */
    lxw_col_t col_seq, col_category, col_name, col_unit, col_target, col_responsible;
    zb_buf units; /* the responsible units of one row, joined; reused row after row */
    double *heights; /* row heights of one category group; reused group after group */
    size_t heights_cap;
    zb_xlsx_pager pager;
} table;

/* The year or span in front of 年: "2024", "2021—2023"; "" without years. */
static void years_text(const zb_plan *plan, char *buf, size_t size)
{
    int first = zb_plan_first_year(plan), last = zb_plan_last_year(plan);
    if (first <= 0)
        buf[0] = '\0';
    else if (last <= first)
        snprintf(buf, size, "%d年", first);
    else
        snprintf(buf, size, "%d—%d年", first, last);
}

static zb_status check_text(const char *s, const char *what, zb_error *err)
{
    if (s && zb_utf8_check(s, strlen(s)) != strlen(s))
        return zb_error_set(err, ZB_ERR_ARGUMENT, "options->%s is not valid UTF-8", what);
    return ZB_OK;
}

static zb_status check_size(double size, const char *what, zb_error *err)
{
    if (size == 0)
        return ZB_OK;
    if (!(size >= 1 && size <= ZB_XLSX_MAX_FONT_SIZE))
        return zb_error_set(err, ZB_ERR_ARGUMENT, "options->%s must be 0 or 1 to %g points, not %g",
                            what, ZB_XLSX_MAX_FONT_SIZE, size);
    return ZB_OK;
}

static zb_status check_options(const zb_table_options *o, zb_error *err)
{
    const struct {
        const char *text, *name;
    } texts[] = {
        {o->label, "label"},
        {o->title, "title"},
        {o->sheet_name, "sheet_name"},
        {o->header_seq, "header_seq"},
        {o->header_category, "header_category"},
        {o->header_name, "header_name"},
        {o->header_unit, "header_unit"},
        {o->header_target, "header_target"},
        {o->header_responsible, "header_responsible"},
        {o->font_body, "font_body"},
        {o->font_heading, "font_heading"},
        {o->font_title, "font_title"},
    };
    zb_status st = ZB_OK;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0] && !st; i++)
        st = check_text(texts[i].text, texts[i].name, err);
    if (!st)
        st = check_size(o->body_size, "body_size", err);
    if (!st)
        st = check_size(o->title_size, "title_size", err);
    return st;
}

static zb_status lxw_fail(const table *t, lxw_error e, const char *what, zb_error *err)
{
    return zb_xlsx_error(err, e, t->path, what);
}

/* The error of one indicator's row names it, as every message of the library does. */
static zb_status row_fail(const table *t, lxw_error e, size_t i, zb_error *err)
{
    char what[160];
    snprintf(what, sizeof what, "indicator %d", zb_plan_indicator_seq(t->plan, i));
    return zb_xlsx_error(err, e, t->path, what);
}

static void setup_columns(table *t)
{
    t->ncols = t->unit_column ? 6 : 5;
    t->widths = t->unit_column ? widths_unit : widths_plain;
    lxw_col_t c = 0;
    t->col_seq = c++;
    t->col_category = c++;
    t->col_name = c++;
    t->col_unit = t->unit_column ? c++ : 0;
    t->col_target = c++;
    t->col_responsible = c++;
    for (size_t i = 0; i < t->ncols; i++)
        t->text_pt[i] = zb_xlsx_column_text_pt(t->widths[i]);
}

static zb_status write_heading(table *t, const zb_table_options *o, const char *title,
                               lxw_row_t *row, zb_error *err)
{
    lxw_worksheet *ws = t->ws;
    lxw_error e = LXW_NO_ERROR;
    double span_pt = zb_xlsx_span_text_pt(t->widths, 0, t->ncols - 1);
    lxw_col_t last_col = (lxw_col_t)(t->ncols - 1);

    for (size_t c = 0; c < t->ncols && !e; c++)
        e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, t->widths[c], NULL);
    if (e)
        return lxw_fail(t, e, "setting the column widths", err);

    if (o->label && *o->label) {
        /* Left-aligned, unmerged and unwrapped: a long label runs on over the empty cells,
         * so only its line breaks add height. */
        double h = zb_xlsx_text_height(o->label, HUGE_VAL, t->style.label_size);
        zb_xlsx_pager_row(&t->pager, h);
        e = worksheet_write_string(ws, *row, 0, o->label, t->fmt.label);
        if (!e)
            e = worksheet_set_row(ws, *row, h, NULL);
        if (e)
            return lxw_fail(t, e, "writing the label", err);
        (*row)++;
    }

    e = worksheet_merge_range(ws, *row, 0, *row, last_col, title, t->fmt.title);
    /* Half a line more than its text: the space between a 公文 title and what follows. */
    if (!e) {
        double h = zb_xlsx_text_height(title, span_pt, t->style.title_size);
        h = fmin(h + t->style.title_size / 2, ZB_XLSX_MAX_ROW_HEIGHT);
        zb_xlsx_pager_row(&t->pager, h);
        e = worksheet_set_row(ws, *row, h, NULL);
    }
    if (e)
        return lxw_fail(t, e, "writing the title", err);
    (*row)++;

    char year_target[64];
    char years[48];
    years_text(t->plan, years, sizeof years);
    snprintf(year_target, sizeof year_target, "%s目标值", years);
    const char *heads[COLS_MAX];
    heads[t->col_seq] = zb_xlsx_or(o->header_seq, "序号");
    heads[t->col_category] = zb_xlsx_or(o->header_category, "类别");
    heads[t->col_name] = zb_xlsx_or(o->header_name, "指标名称");
    if (t->unit_column)
        heads[t->col_unit] = zb_xlsx_or(o->header_unit, "计量单位");
    heads[t->col_target] = zb_xlsx_or(o->header_target, year_target);
    heads[t->col_responsible] = zb_xlsx_or(o->header_responsible, "责任单位");
    int lines = 1;
    for (size_t c = 0; c < t->ncols && !e; c++) {
        e = worksheet_write_string(ws, *row, (lxw_col_t)c, heads[c], t->fmt.header);
        int l = zb_xlsx_text_lines(heads[c], t->text_pt[c], t->style.body_size);
        if (l > lines)
            lines = l;
    }
    double h = zb_xlsx_row_height(lines, t->style.body_size);
    zb_xlsx_pager_row(&t->pager, h);
    zb_xlsx_pager_body(&t->pager, h);
    if (!e)
        e = worksheet_set_row(ws, *row, h, NULL);
    if (e)
        return lxw_fail(t, e, "writing the header row", err);
    return ZB_OK;
}

/* The responsible units of indicator i joined with 、 into t->units. */
static const char *join_units(table *t, size_t i)
{
    zb_buf *b = &t->units;
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    size_t n = zb_plan_indicator_responsible_count(t->plan, i);
    for (size_t j = 0; j < n; j++) {
        if (j)
            zb_buf_add(b, "、", sizeof "、" - 1);
        zb_buf_adds(b, zb_plan_indicator_responsible(t->plan, i, j));
    }
    if (b->failed)
        return NULL;
    return b->data ? b->data : "";
}

static int max_lines(int a, int b)
{
    return a > b ? a : b;
}

/* Writes indicator i on row r; the category only when it is not merged (category != NULL).
 * *height receives the height its texts need. */
static zb_status write_indicator(table *t, size_t i, lxw_row_t r, const char *category,
                                 double *height, zb_error *err)
{
    const zb_plan *plan = t->plan;
    lxw_worksheet *ws = t->ws;
    double size = t->style.body_size;
    const char *units = join_units(t, i);
    if (!units)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", t->path);
    const char *name = t->unit_column ? zb_plan_indicator_bare_name(plan, i)
                                      : zb_plan_indicator_name(plan, i);
    const char *target = zb_plan_indicator_target_text(plan, i);
    double value;

    /* Text always goes in as a string, so a name that starts with = is never a formula. */
    lxw_error e = worksheet_write_number(ws, r, t->col_seq, zb_plan_indicator_seq(plan, i),
                                         t->fmt.number);
    if (!e && category)
        e = worksheet_write_string(ws, r, t->col_category, category, t->fmt.center);
    if (!e)
        e = worksheet_write_string(ws, r, t->col_name, name, t->fmt.left);
    if (!e && t->unit_column)
        e = worksheet_write_string(ws, r, t->col_unit, zb_plan_indicator_unit(plan, i),
                                   t->fmt.center);
    if (!e) {
        /* A plain number stays a number (sums, filters), written so that it shows as in the
         * plan; anything else (20%, 6.5以上) is the text as published. */
        if (zb_xlsx_plain_number(target, &value))
            e = worksheet_write_number(ws, r, t->col_target, value, t->fmt.number);
        else
            e = worksheet_write_string(ws, r, t->col_target, target, t->fmt.center);
    }
    if (!e)
        e = worksheet_write_string(ws, r, t->col_responsible, units, t->fmt.center);
    if (e)
        return row_fail(t, e, i, err);

    int lines = zb_xlsx_text_lines(name, t->text_pt[t->col_name], size);
    lines = max_lines(lines, zb_xlsx_text_lines(target, t->text_pt[t->col_target], size));
    lines = max_lines(lines, zb_xlsx_text_lines(units, t->text_pt[t->col_responsible], size));
    if (t->unit_column)
        lines = max_lines(lines, zb_xlsx_text_lines(zb_plan_indicator_unit(plan, i),
                                                    t->text_pt[t->col_unit], size));
    if (category)
        lines = max_lines(lines, zb_xlsx_text_lines(category, t->text_pt[t->col_category], size));
    *height = zb_xlsx_row_height(lines, size);
    return ZB_OK;
}

/* Row heights are computed here because nothing else will: Excel grows a wrapped row only
 * when a cell is edited, LibreOffice keeps the stored height on open, and no xlsx writer
 * measures text. A merged 类别 cell is as tall as its rows together, so the last row of a
 * group grows when the category's text needs more than the group's rows give it. */
static zb_status write_body(table *t, lxw_row_t row, zb_error *err)
{
    const zb_plan *plan = t->plan;
    size_t n = zb_plan_indicator_count(plan);
    double size = t->style.body_size;
    for (size_t i = 0; i < n;) {
        size_t cat = zb_plan_indicator_category(plan, i);
        size_t end = i + 1;
        if (cat != ZB_NONE)
            while (end < n && zb_plan_indicator_category(plan, end) == cat)
                end++;
        const char *name = cat != ZB_NONE ? zb_plan_category_name(plan, cat) : "";
        if (!name)
            name = "";
        size_t k = end - i;
        if (zb_grow((void **)&t->heights, &t->heights_cap, k, sizeof *t->heights))
            return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", t->path);
        lxw_row_t top = row;
        double above = 0; /* height of the group's rows before the last */
        for (size_t j = 0; j < k; j++) {
            zb_status st = write_indicator(t, i + j, top + (lxw_row_t)j, k > 1 ? NULL : name,
                                           &t->heights[j], err);
            if (st)
                return st;
            if (j + 1 < k)
                above += t->heights[j];
        }
        lxw_error e = LXW_NO_ERROR;
        if (k > 1) {
            double need = zb_xlsx_text_height(name, t->text_pt[t->col_category], size);
            double *last = &t->heights[k - 1];
            if (above + *last < need)
                *last = fmin(ceil((need - above) / 0.75 - 1e-9) * 0.75, ZB_XLSX_MAX_ROW_HEIGHT);
            e = worksheet_merge_range(t->ws, top, t->col_category, top + (lxw_row_t)(k - 1),
                                      t->col_category, name, t->fmt.center);
            zb_xlsx_pager_group(&t->pager, top, t->heights, k);
        } else {
            zb_xlsx_pager_row(&t->pager, t->heights[0]);
        }
        for (size_t j = 0; j < k && !e; j++)
            e = worksheet_set_row(t->ws, top + (lxw_row_t)j, t->heights[j], NULL);
        if (e)
            return row_fail(t, e, i, err);
        row += (lxw_row_t)k;
        i = end;
    }
    return ZB_OK;
}

static zb_status write_table(table *t, const zb_table_options *o, const char *title,
                             zb_error *err)
{
    lxw_row_t row = 0;
    zb_status st = write_heading(t, o, title, &row, err);
    if (st)
        return st;
    zb_xlsx_page page = {0};
    page.header_first = row;
    page.header_last = row;
    st = zb_xlsx_page_setup(t->book, t->ws, &page, err);
    if (!st)
        st = write_body(t, row + 1, err);
    if (!st)
        st = zb_xlsx_pager_finish(&t->pager, t->book, t->ws, err);
    return st;
}

ZB_API zb_status zb_xlsx_write_target_table(const zb_plan *plan, const char *path,
                                            const zb_table_options *options, zb_error *error)
{
    zb_error_clear(error);
    if (!plan)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no plan given");
    if (!path || !*path)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no output path given");
    zb_table_options defaults;
    memset(&defaults, 0, sizeof defaults);
    const zb_table_options *o = options ? options : &defaults;
    zb_status st = check_options(o, error);
    if (st)
        return st;
    size_t n = zb_plan_indicator_count(plan);
    if (n > LXW_ROW_MAX - 4)
        return zb_error_set(error, ZB_ERR_XLSX, "%s: %zu indicators do not fit in one worksheet",
                            path, n);

    table t;
    memset(&t, 0, sizeof t);
    t.plan = plan;
    t.path = path;
    t.unit_column = o->unit_column != 0;
    zb_xlsx_style_defaults(&t.style);
    t.style.font_body = zb_xlsx_or(o->font_body, t.style.font_body);
    t.style.font_heading = zb_xlsx_or(o->font_heading, t.style.font_heading);
    t.style.font_title = zb_xlsx_or(o->font_title, t.style.font_title);
    if (o->body_size > 0)
        t.style.body_size = o->body_size;
    if (o->title_size > 0)
        t.style.title_size = o->title_size;
    setup_columns(&t);
    zb_xlsx_pager_init(&t.pager, 0, zb_xlsx_span_pt(t.widths, 0, t.ncols - 1));

    char years[48];
    char default_title[96];
    years_text(plan, years, sizeof years);
    snprintf(default_title, sizeof default_title, "%s目标体系表", years);
    const char *title = zb_xlsx_or(o->title, default_title);
    char sheet[ZB_XLSX_SHEET_NAME_SIZE];
    zb_xlsx_sheet_name(o->sheet_name, "目标体系表", sheet);

    zb_xlsx_book book;
    st = zb_xlsx_open(&book, path, o->scratch_dir, error);
    if (st)
        return st;
    t.book = &book;
    t.ws = workbook_add_worksheet(book.wb, sheet);
    if (!t.ws) {
        st = zb_error_set(error, ZB_ERR_XLSX, "%s: cannot add the worksheet %s", path, sheet);
    } else {
        st = zb_xlsx_formats_init(&book, &t.style, &t.fmt, error);
        if (!st)
            st = write_table(&t, o, title, error);
        if (!st) {
            zb_date issued = zb_plan_date(plan, ZB_DATE_ISSUED);
            st = zb_xlsx_set_properties(&book, title, zb_plan_meta(plan, ZB_META_TITLE),
                                        zb_plan_meta(plan, ZB_META_ORGAN),
                                        zb_output_time(issued, zb_plan_first_year(plan)), error);
        }
    }
    zb_buf_free(&t.units);
    free(t.heights);
    zb_xlsx_pager_free(&t.pager);
    if (st) {
        zb_xlsx_discard(&book);
        return st;
    }
    return zb_xlsx_close(&book, error);
}
