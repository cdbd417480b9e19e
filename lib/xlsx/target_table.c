/* The target table (目标体系表), laid out as the 附件 of an official document: label, title,
 * header row, one row per indicator with 类别 merged over its group. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/xlsx_internal.h"
#include "zhibiao/xlsx.h"
#include "plan/plan_internal.h"

/* Column widths in Excel character units, in proportion: the seed's five columns (and six
 * with 计量单位) share the page's width as these do (88 in all filled the 172 mm between a
 * spreadsheet's margins); a table with more columns gives each extra one a fixed width and
 * the name what is left, turning to landscape when portrait would leave the name too
 * narrow. The page's width is the type area's (or the spreadsheet margins'), and the widths
 * are then moved between columns so that no header or name leaves a character alone on a
 * line (zb_xlsx_fit_widths). */
static const double widths_plain[] = {6, 14, 36, 14, 18};
static const double widths_unit[] = {6, 14, 28, 10, 14, 16};
#define NAME_MIN_WIDTH 20.0
#define NAME_MAX_WIDTH 36.0

/* What a column holds. */
typedef enum field {
    F_SEQ,
    F_CATEGORY,
    F_NAME,
    F_UNIT,
    F_ATTRIBUTE,
    F_BASE,
    F_TARGET, /* one per target year (0 = the targets tied to no year) */
    F_RESPONSIBLE,
    F_NOTE
} field;

typedef struct column {
    field field;
    int year;       /* F_TARGET: the year its targets are for */
    double width;
    double text_pt; /* width left for text, in points */
    const char *head; /* an option's text, or buf */
    char buf[64];
} column;

/* Tables of more rows than this are written in row order (zb_xlsx_open_in_row_order):
 * measured on the plain libxlsxwriter program of tests/bench, its CPU time is the same at
 * 100 rows and 3.5 % less at 200, 7 % at 1,000, about 20 % at 10,000, with a fifth of the
 * memory at 100,000; the seed-sized tables below it keep the shared-string layout. */
#define IN_ROW_ORDER_ABOVE 200

/* The 类别 cell of a row. */
typedef enum category_cell {
    CAT_TEXT,         /* a group of one row: the text, measured with the row */
    CAT_MERGED_TOP,   /* in row order: the text of a merged group, on its first row */
    CAT_MERGED_BLANK  /* in row order: a formatted blank under it */
} category_cell;

/* A table being written; lives on the writer's stack (no global state). */
typedef struct table {
    const zb_plan *plan;
    const char *path;
    zb_xlsx_book *book;
    lxw_worksheet *ws;
    zb_xlsx_style style;
    zb_xlsx_formats fmt;
    int unit_column;  /* names lose the unit group they gave */
    int in_row_order; /* the workbook is in constant_memory mode: cells go in row by row */
    int landscape;
    int sheet_margins;
    column *cols;
    size_t ncols;
    size_t col_category; /* where 类别 is, for the merges */
    double width;        /* of all columns */
    double *widths;      /* the columns' widths in order, for the span helpers */
    zb_buf units; /* the responsible units of one row, joined; reused row after row */
    double *heights; /* row heights of one category group; reused group after group */
    size_t heights_cap;
    size_t *splits;  /* where a group's pages start; reused */
    size_t splits_cap;
    int *lines;      /* each indicator's lines (its category aside), measured before writing */
    double *ahead_h; /* the rows' heights from them, and where a category starts: the pager */
    unsigned char *ahead_first; /* looks ahead with them */
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
    return zb_xlsx_check_text(s, what, err);
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
        {o->header_attribute, "header_attribute"},
        {o->header_base, "header_base"},
        {o->header_note, "header_note"},
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

static int year_listed(const int *years, size_t n, int y)
{
    for (size_t k = 0; k < n; k++)
        if (years[k] == y)
            return 1;
    return 0;
}

static const char *join_units(table *t, size_t i);
static const char *attribute_text(zb_attribute a);

/* The text indicator i shows in column col ("" for none). */
static const char *cell_text(table *t, size_t i, const column *col)
{
    const zb_plan *plan = t->plan;
    switch (col->field) {
    case F_NAME:
        return t->unit_column ? zb_plan_indicator_bare_name(plan, i) : zb_plan_indicator_name(plan, i);
    case F_UNIT:
        return zb_plan_indicator_unit(plan, i);
    case F_ATTRIBUTE:
        return attribute_text(zb_plan_indicator_attribute(plan, i));
    case F_BASE:
        return zb_plan_indicator_base_text(plan, i);
    case F_TARGET: {
        size_t k = zb_plan_indicator_find_target(plan, i, col->year);
        return k != ZB_NONE ? zb_plan_indicator_target_text_at(plan, i, k) : "";
    }
    case F_NOTE:
        return zb_plan_indicator_note(plan, i);
    default:
        return "";
    }
}

/* Widths so that no header, category or name leaves a character alone on a line, then
 * rows as low as they can be (zb_xlsx_fit_widths), looking at the header and the first
 * rows. ZB_OK or ZB_ERR_NOMEM. */
static zb_status fit_columns(table *t)
{
    const zb_plan *plan = t->plan;
    size_t n = zb_plan_indicator_count(plan), nc = t->ncols;
    if (n > ZB_XLSX_FIT_ROWS)
        n = ZB_XLSX_FIT_ROWS;
    size_t ncat = zb_plan_category_count(plan);
    size_t rows = 1 + n + ncat;
    const char **cells = calloc(rows * nc, sizeof *cells);
    char **units = calloc(n ? n : 1, sizeof *units);
    double *min = calloc(nc, sizeof *min), *w = calloc(nc, sizeof *w);
    zb_status st = ZB_OK;
    if (!cells || !units || !min || !w) {
        st = ZB_ERR_NOMEM;
        goto done;
    }
    for (size_t c = 0; c < nc; c++) {
        const column *col = &t->cols[c];
        cells[c] = col->head;
        w[c] = col->width;
        static const double mins[] = {4, 6, 14, 5, 5, 6, 6, 8, 6};
        min[c] = mins[col->field];
    }
    size_t r = 1;
    for (size_t i = 0; i < n; i++, r++) {
        size_t cat = zb_plan_indicator_category(plan, i);
        int alone = cat == ZB_NONE || ((i == 0 || zb_plan_indicator_category(plan, i - 1) != cat) &&
                                       (i + 1 >= zb_plan_indicator_count(plan) ||
                                        zb_plan_indicator_category(plan, i + 1) != cat));
        for (size_t c = 0; c < nc; c++) {
            const column *col = &t->cols[c];
            if (col->field == F_SEQ)
                continue;
            if (col->field == F_CATEGORY) {
                const char *name = cat != ZB_NONE ? zb_plan_category_name(plan, cat) : "";
                cells[r * nc + c] = alone ? name : NULL;
            } else if (col->field == F_RESPONSIBLE) {
                const char *u = join_units(t, i);
                if (!u || !(units[i] = zb_strdup(u))) {
                    st = ZB_ERR_NOMEM;
                    goto done;
                }
                cells[r * nc + c] = units[i];
            } else {
                cells[r * nc + c] = cell_text(t, i, col);
            }
        }
    }
    /* The categories' texts, merged over their rows: only their lone characters count. */
    for (size_t k = 0; k < ncat; k++, r++)
        cells[r * nc + t->col_category] = zb_plan_category_name(plan, k);
    double room;
    zb_xlsx_page_area(t->landscape, t->sheet_margins, &room, NULL);
    zb_xlsx_fit_widths(w, min, NULL, nc, cells, rows, 1 + n, t->style.body_size, room);
    for (size_t c = 0; c < nc; c++)
        t->cols[c].width = w[c];
done:
    for (size_t i = 0; units && i < n; i++)
        free(units[i]);
    free(units);
    free(cells);
    free(min);
    free(w);
    return st;
}

/* The columns the plan needs: 计量单位 when a unit was given apart from a name (or as the
 * option says), 属性 when an indicator has one, the base when one has it, a 目标值 per target
 * year, 备注 when one has a note. */
static zb_status setup_columns(table *t, const zb_table_options *o, zb_error *err)
{
    const zb_plan *plan = t->plan;
    size_t n = zb_plan_indicator_count(plan);
    int auto_unit = 0, attribute = 0, base = 0, note = 0, base_year = -1;
    int *years = NULL;
    size_t nyears = 0, cap = 0;
    for (size_t i = 0; i < n; i++) {
        auto_unit |= zb_plan_indicator_unit_given(plan, i) && *zb_plan_indicator_unit(plan, i);
        attribute |= zb_plan_indicator_attribute(plan, i) != ZB_ATTR_NONE;
        note |= *zb_plan_indicator_note(plan, i) != '\0';
        if (*zb_plan_indicator_base_text(plan, i)) {
            int y = zb_plan_indicator_base_year(plan, i);
            base = 1;
            base_year = base_year == -1 || base_year == y ? y : 0;
        }
        size_t nt = zb_plan_indicator_target_count(plan, i);
        for (size_t k = 0; k < nt; k++) {
            int y = zb_plan_indicator_target_year(plan, i, k);
            if (year_listed(years, nyears, y))
                continue;
            if (zb_grow((void **)&years, &cap, nyears + 1, sizeof *years)) {
                free(years);
                return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", t->path);
            }
            /* In year order, 0 first. */
            size_t at = nyears;
            while (at > 0 && years[at - 1] > y)
                at--;
            memmove(years + at + 1, years + at, (nyears - at) * sizeof *years);
            years[at] = y;
            nyears++;
        }
    }
    if (nyears == 0)
        nyears = 1, years = NULL; /* one empty 目标值 column */
    t->unit_column = o->unit_column > 0 || (o->unit_column == 0 && auto_unit);
    size_t max = 8 + nyears;
    t->cols = calloc(max, sizeof *t->cols);
    t->widths = calloc(max, sizeof *t->widths);
    if (!t->cols || !t->widths) {
        free(years);
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", t->path);
    }
    char year_target[64], span[48];
    years_text(plan, span, sizeof span);
    snprintf(year_target, sizeof year_target, "%s目标值", span);

    column *c = t->cols;
    size_t k = 0;
    /* A generated heading is copied into the column; an option's is pointed at. */
#define ADD(f, w, h)                                                                               \
    (c[k].field = (f), c[k].width = (w),                                                           \
     c[k].head = (h) == head ? (snprintf(c[k].buf, sizeof c[k].buf, "%s", head), c[k].buf) : (h), k++)
    char head[64] = "";
    ADD(F_SEQ, 5, zb_xlsx_or(o->header_seq, "序号"));
    t->col_category = k;
    ADD(F_CATEGORY, 10, zb_xlsx_or(o->header_category, "类别"));
    ADD(F_NAME, 0, zb_xlsx_or(o->header_name, "指标名称"));
    if (t->unit_column)
        ADD(F_UNIT, 9, zb_xlsx_or(o->header_unit, "计量单位"));
    if (attribute)
        ADD(F_ATTRIBUTE, 8, zb_xlsx_or(o->header_attribute, "属性"));
    if (base) {
        if (base_year > 0)
            snprintf(head, sizeof head, "%d年基期值", base_year);
        else
            snprintf(head, sizeof head, "基期值");
        ADD(F_BASE, 10, zb_xlsx_or(o->header_base, head));
    }
    for (size_t y = 0; y < nyears; y++) {
        int year = years ? years[y] : 0;
        if (nyears == 1 || year == 0)
            snprintf(head, sizeof head, "%s", nyears == 1 ? year_target : "目标值");
        else
            snprintf(head, sizeof head, "%d年目标值", year);
        c[k].year = year;
        ADD(F_TARGET, 11, (nyears == 1 || year == 0) ? zb_xlsx_or(o->header_target, head) : head);
    }
    ADD(F_RESPONSIBLE, 14, zb_xlsx_or(o->header_responsible, "责任单位"));
    if (note)
        ADD(F_NOTE, 12, zb_xlsx_or(o->header_note, "备注"));
#undef ADD
    t->ncols = k;
    free(years);

    /* The seed's layouts share the page as they did; others give the name what is left. */
    int plain = !attribute && !base && !note && nyears == 1;
    double portrait = zb_xlsx_page_units(0, t->sheet_margins, k);
    double landscape = zb_xlsx_page_units(1, t->sheet_margins, k);
    if (plain) {
        const double *w = t->unit_column ? widths_unit : widths_plain;
        double sum = 0;
        for (size_t j = 0; j < k; j++)
            sum += w[j];
        double left = portrait;
        for (size_t j = 0; j < k; j++) {
            c[j].width = j + 1 < k ? floor(w[j] * portrait / sum + 0.5) : left;
            left -= c[j].width;
        }
    } else {
        double fixed = 0;
        for (size_t j = 0; j < k; j++)
            fixed += c[j].width;
        double page = fixed + NAME_MIN_WIDTH <= portrait ? portrait : landscape;
        t->landscape = page == landscape;
        c[2].width = fmax(NAME_MIN_WIDTH, fmin(page - fixed, NAME_MAX_WIDTH));
        /* What the name does not need goes to the columns whose texts wrap: targets such
         * as 完成市下达任务, units, remarks. */
        double extra = page - fixed - c[2].width;
        size_t flexible = 0;
        for (size_t j = 0; j < k; j++)
            flexible += c[j].field >= F_UNIT && c[j].field != F_ATTRIBUTE;
        for (size_t j = 0; j < k && extra > 0 && flexible; j++)
            if (c[j].field >= F_UNIT && c[j].field != F_ATTRIBUTE)
                c[j].width += floor(extra / (double)flexible);
    }
    zb_status st = fit_columns(t);
    if (st)
        return zb_error_set(err, st, "%s: out of memory", t->path);
    t->width = 0;
    for (size_t j = 0; j < k; j++) {
        c[j].text_pt = zb_xlsx_column_text_pt(c[j].width);
        t->widths[j] = c[j].width;
        t->width += c[j].width;
    }
    return ZB_OK;
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
        zb_xlsx_pager_row_at(&t->pager, *row, h);
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
        zb_xlsx_pager_row_at(&t->pager, *row, h);
        e = worksheet_set_row(ws, *row, h, NULL);
    }
    if (e)
        return lxw_fail(t, e, "writing the title", err);
    (*row)++;

    int lines = 1;
    for (size_t c = 0; c < t->ncols && !e; c++) {
        e = worksheet_write_string(ws, *row, (lxw_col_t)c, t->cols[c].head, t->fmt.header);
        int l = zb_xlsx_text_lines(t->cols[c].head, t->cols[c].text_pt, t->style.body_size);
        if (l > lines)
            lines = l;
    }
    double h = zb_xlsx_row_height(lines, t->style.body_size);
    zb_xlsx_pager_row_at(&t->pager, *row, h);
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

/* A cell as written: a plain number stays a number (sums, filters), written so that it shows
 * as in the plan; anything else (20%, 6.5以上, 完成市下达任务, —) is the text as published. */
static lxw_error write_value(table *t, lxw_row_t r, lxw_col_t c, const char *text)
{
    double value;
    if (zb_xlsx_plain_number(text, &value))
        return worksheet_write_number(t->ws, r, c, value, t->fmt.number);
    return worksheet_write_string(t->ws, r, c, text, t->fmt.center);
}

static const char *attribute_text(zb_attribute a)
{
    return a == ZB_ATTR_BINDING ? "约束性" : a == ZB_ATTR_ANTICIPATORY ? "预期性" : "";
}

/* Writes indicator i on row r with its 类别 cell as cat says (category: the group's text).
 * *height receives the height its texts need. */
static zb_status write_indicator(table *t, size_t i, lxw_row_t r, const char *category, category_cell cat,
                                 double *height, zb_error *err)
{
    const zb_plan *plan = t->plan;
    lxw_worksheet *ws = t->ws;
    double size = t->style.body_size;
    const char *units = join_units(t, i);
    if (!units)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", t->path);
    int lines = t->lines[i];
    lxw_error e = LXW_NO_ERROR;
    for (size_t c = 0; c < t->ncols && !e; c++) {
        const column *col = &t->cols[c];
        lxw_col_t x = (lxw_col_t)c;
        const char *text = NULL; /* what the cell shows, for its height */
        /* Text always goes in as a string, so a name that starts with = is never a formula. */
        switch (col->field) {
        case F_SEQ:
            e = worksheet_write_number(ws, r, x, zb_plan_indicator_seq(plan, i), t->fmt.number);
            break;
        case F_CATEGORY:
            if (cat == CAT_TEXT)
                text = category;
            if (cat == CAT_TEXT || cat == CAT_MERGED_TOP)
                e = worksheet_write_string(ws, r, x, category, t->fmt.center);
            else if (cat == CAT_MERGED_BLANK)
                e = worksheet_write_blank(ws, r, x, t->fmt.center);
            break;
        case F_NAME:
            text = t->unit_column ? zb_plan_indicator_bare_name(plan, i) : zb_plan_indicator_name(plan, i);
            e = worksheet_write_string(ws, r, x, text, t->fmt.left);
            break;
        case F_UNIT:
            text = zb_plan_indicator_unit(plan, i);
            e = worksheet_write_string(ws, r, x, text, t->fmt.center);
            break;
        case F_ATTRIBUTE:
            text = attribute_text(zb_plan_indicator_attribute(plan, i));
            e = worksheet_write_string(ws, r, x, text, t->fmt.center);
            break;
        case F_BASE:
            text = zb_plan_indicator_base_text(plan, i);
            e = write_value(t, r, x, text);
            break;
        case F_TARGET: {
            size_t k = zb_plan_indicator_find_target(plan, i, col->year);
            text = k != ZB_NONE ? zb_plan_indicator_target_text_at(plan, i, k) : "";
            e = write_value(t, r, x, text);
            break;
        }
        case F_RESPONSIBLE:
            text = units;
            e = worksheet_write_string(ws, r, x, text, t->fmt.center);
            break;
        case F_NOTE:
            text = zb_plan_indicator_note(plan, i);
            e = worksheet_write_string(ws, r, x, text, t->fmt.left);
            break;
        }
        if (text && col->field == F_CATEGORY)
            lines = max_lines(lines, zb_xlsx_text_lines(text, col->text_pt, size));
    }
    if (e)
        return row_fail(t, e, i, err);
    *height = zb_xlsx_row_height(lines, size);
    return ZB_OK;
}

/* Each indicator's lines, its category aside, before anything is written: the pager looks
 * ahead with them. ZB_OK or ZB_ERR_NOMEM. */
static zb_status measure_rows(table *t, zb_error *err)
{
    size_t n = zb_plan_indicator_count(t->plan);
    t->lines = malloc((n ? n : 1) * sizeof *t->lines);
    if (!t->lines)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", t->path);
    double size = t->style.body_size;
    for (size_t i = 0; i < n; i++) {
        int lines = 1;
        for (size_t c = 0; c < t->ncols; c++) {
            const column *col = &t->cols[c];
            const char *text = NULL;
            if (col->field == F_RESPONSIBLE) {
                text = join_units(t, i);
                if (!text)
                    return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", t->path);
            } else if (col->field != F_SEQ && col->field != F_CATEGORY) {
                text = cell_text(t, i, col);
            }
            if (text && *text)
                lines = max_lines(lines, zb_xlsx_text_lines(text, col->text_pt, size));
        }
        t->lines[i] = lines;
    }
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
    zb_status mst = measure_rows(t, err);
    if (mst)
        return mst;
    t->ahead_h = malloc((n ? n : 1) * sizeof *t->ahead_h);
    t->ahead_first = malloc(n ? n : 1);
    if (!t->ahead_h || !t->ahead_first)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", t->path);
    for (size_t i = 0; i < n; i++) {
        t->ahead_h[i] = zb_xlsx_row_height(t->lines[i], size);
        size_t cat = zb_plan_indicator_category(plan, i);
        t->ahead_first[i] = i == 0 || cat == ZB_NONE || zb_plan_indicator_category(plan, i - 1) != cat;
    }
    t->pager.ahead_h = t->ahead_h;
    t->pager.ahead_first = t->ahead_first;
    t->pager.ahead_n = n;
    lxw_col_t cc = (lxw_col_t)t->col_category;
    for (size_t i = 0; i < n;) {
        size_t cat = zb_plan_indicator_category(plan, i);
        size_t end = i + 1;
        if (cat != ZB_NONE)
            while (end < n && zb_plan_indicator_category(plan, end) == cat)
                end++;
        const char *name = cat != ZB_NONE ? zb_plan_category_name(plan, cat) : "";
        if (!name)
            name = "";
        /* A category that wraps is broken into even lines, the same in every program. */
        char *even = zb_xlsx_balance_text(name, t->cols[t->col_category].text_pt, size);
        if (even)
            name = even;
        size_t k = end - i;
        lxw_row_t top = row;
        lxw_error e = LXW_NO_ERROR;
        zb_status st = ZB_OK;
        if (k == 1) {
            double h;
            st = write_indicator(t, i, top, name, CAT_TEXT, &h, err);
            if (!st) {
                zb_xlsx_pager_row_at(&t->pager, top, h);
                e = worksheet_set_row(t->ws, top, h, NULL);
            }
        } else if (zb_grow((void **)&t->heights, &t->heights_cap, k, sizeof *t->heights) ||
                   zb_grow((void **)&t->splits, &t->splits_cap, k + 1, sizeof *t->splits)) {
            st = zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", t->path);
        } else {
            /* Where the pages break is known before a row is written (the rows' heights were
             * measured): the category's cell is merged over its rows on each page they print
             * on, its text on each part's first row; a part's last row grows when the text
             * needs more. */
            for (size_t j = 0; j < k; j++)
                t->heights[j] = t->ahead_h[i + j];
            double need = zb_xlsx_text_height(name, t->cols[t->col_category].text_pt, size);
            t->pager.ahead_at = end;
            size_t nsplit = zb_xlsx_pager_category(&t->pager, top, t->heights, k, need, t->splits);
            t->splits[nsplit] = k;
            size_t from = 0;
            for (size_t p = 0; p <= nsplit; p++) {
                size_t to = t->splits[p];
                double have = 0;
                for (size_t j = from; j + 1 < to; j++)
                    have += t->heights[j];
                double *last = &t->heights[to - 1];
                if (have + *last < need) {
                    double h = fmin(ceil((need - have) / 0.75 - 1e-9) * 0.75, ZB_XLSX_MAX_ROW_HEIGHT);
                    if (p == nsplit)
                        t->pager.used += h - *last;
                    *last = h;
                }
                from = to;
            }
            /* Row by row (the order constant_memory needs), each height in before the next
             * row begins, each part's merge while its last row is the current one (in row
             * order it adds only its range: the cells are written already). */
            from = 0;
            for (size_t p = 0; p <= nsplit && !st && !e; p++) {
                size_t to = t->splits[p];
                for (size_t j = from; j < to && !st && !e; j++) {
                    double h;
                    st = write_indicator(t, i + j, top + (lxw_row_t)j, name,
                                         j == from ? CAT_MERGED_TOP : CAT_MERGED_BLANK, &h, err);
                    if (!st)
                        e = worksheet_set_row(t->ws, top + (lxw_row_t)j, t->heights[j], NULL);
                }
                if (!st && !e && to - from > 1)
                    e = worksheet_merge_range(t->ws, top + (lxw_row_t)from, cc, top + (lxw_row_t)(to - 1), cc,
                                              name, t->fmt.center);
                from = to;
            }
        }
        free(even);
        if (st)
            return st;
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
    page.landscape = t->landscape;
    page.sheet_margins = t->sheet_margins;
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
    /* Texts no document can carry are refused with their field, not met half-way. */
    if (!st)
        st = zb_plan_check_texts(plan, 1, error);
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
    zb_xlsx_style_defaults(&t.style);
    t.style.font_body = zb_xlsx_or(o->font_body, t.style.font_body);
    t.style.font_heading = zb_xlsx_or(o->font_heading, t.style.font_heading);
    t.style.font_title = zb_xlsx_or(o->font_title, t.style.font_title);
    if (o->body_size > 0)
        t.style.body_size = o->body_size;
    if (o->title_size > 0)
        t.style.title_size = o->title_size;
    t.sheet_margins = o->margins == ZB_MARGINS_SHEET;
    st = setup_columns(&t, o, error);
    if (st) {
        zb_buf_free(&t.units);
        free(t.cols);
        free(t.widths);
        return st;
    }
    zb_xlsx_pager_init_margins(&t.pager, t.landscape, t.sheet_margins, zb_xlsx_span_pt(t.widths, 0, t.ncols - 1));

    char years[48];
    char default_title[96];
    years_text(plan, years, sizeof years);
    snprintf(default_title, sizeof default_title, "%s目标体系表", years);
    const char *title = zb_xlsx_or(o->title, default_title);
    char sheet[ZB_XLSX_SHEET_NAME_SIZE];
    zb_xlsx_sheet_name(o->sheet_name, "目标体系表", sheet);

    zb_xlsx_book book;
    t.in_row_order = n > IN_ROW_ORDER_ABOVE;
    st = t.in_row_order ? zb_xlsx_open_in_row_order(&book, path, o->scratch_dir, error)
                        : zb_xlsx_open(&book, path, o->scratch_dir, error);
    if (st) {
        zb_buf_free(&t.units);
        free(t.cols);
        free(t.widths);
        return st;
    }
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
    free(t.splits);
    free(t.lines);
    free(t.ahead_h);
    free(t.ahead_first);
    free(t.cols);
    free(t.widths);
    zb_xlsx_pager_free(&t.pager);
    if (st) {
        zb_xlsx_discard(&book);
        return st;
    }
    return zb_xlsx_close(&book, error);
}
