/* The annual assessment (年度考核): every indicator scored at the period from its weight and
 * its standing (指标得分), and the lead units ranked by the share of their weight they
 * earned (单位排名).
 *
 * Scores come from one evaluation (zb_progress_evaluate), so they agree with the monitoring
 * workbook and the bulletin. Where a score is simple arithmetic on the row's cells it is a
 * live formula carrying its computed value, so that an office that changes a weight sees
 * the score follow and a viewer that does not recalculate shows the same number. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/xlsx_internal.h"
#include "zhibiao/xlsx.h"
#include "plan/plan_internal.h"

#define SHEET_SCORES "指标得分"
#define SHEET_RANKING "单位排名"

#define DEFAULT_CAP 1.2
#define NO_LEAD "未明确牵头单位"

/* 指标得分: landscape, 132 wide like the other wide tables; 说明 carries the numbers behind
 * the standing (target, actual) so that each score can be checked on the row. */
enum { SC_SEQ, SC_NAME, SC_LEAD, SC_WEIGHT, SC_STATUS, SC_COMPLETION, SC_SCORE, SC_EXPLAIN, SC_COLS };
static const double widths_scores[SC_COLS] = {6, 34, 16, 8, 10, 10, 10, 38};
static const char *const heads_scores[SC_COLS] = {"序号", "指标名称", "牵头单位", "权重",
                                                  "状态", "完成率",   "得分",     "说明"};

/* 单位排名: portrait, 84 wide. */
enum { RK_UNIT, RK_COUNT, RK_WEIGHT, RK_SCORE, RK_RATE, RK_RANK, RK_COLS };
static const double widths_ranking[RK_COLS] = {30, 10, 11, 11, 11, 9};
static const char *const heads_ranking[RK_COLS] = {"牵头单位", "指标数", "权重合计",
                                                   "得分合计", "得分率", "排名"};

enum { COLS_MAX = SC_COLS };

/* A lead unit's totals. */
typedef struct unit_score {
    const char *name; /* owned by the plan; "" for indicators without a lead */
    size_t count;
    double weight;
    double score;
    double rate;      /* score / weight */
    int rank;         /* 1 = best; 0 for the indicators without a lead */
    size_t order;     /* place of first appearance, which breaks ties in the listing */
} unit_score;

/* The whole write; lives on the writer's stack (no global state). */
typedef struct aw {
    const zb_plan *plan;
    const zb_progress *pr;
    const char *path;
    zb_xlsx_book *book;
    zb_xlsx_style style;
    zb_xlsx_formats fmt;
    lxw_format *percent;       /* 0.0%, centred, bordered */
    lxw_format *total_percent; /* the same in the header face */
    lxw_format *score;         /* 0.00, centred, bordered */
    lxw_format *total_score;   /* the same in the header face */
    lxw_format *caption;       /* the rule line under the title: body face, left, wrapped */
    const char *title;
    char rule[600];            /* the scoring rule in words */
    zb_scoring scoring;
    double cap;
    int year, month;
    size_t n;
    double *scores;            /* score of each result */
    size_t *lead_ids;
    const char **leads;
    unit_score *units;
    size_t nunits;
    size_t *ranked;            /* indexes into units, in the listing's order */
    size_t qualitative;        /* indicators with a qualitative target (定性) */
    size_t caps;               /* caps judged before their last month (受控, 预警, 超出) */
    zb_buf named;              /* a name with its unit, row after row */
} aw;

/* One worksheet being written. */
typedef struct sheet {
    lxw_worksheet *ws;
    const char *name;
    const double *widths;
    size_t ncols;
    double text_pt[COLS_MAX];
    zb_xlsx_pager pager;
    lxw_row_t row;
} sheet;

/* ---- small helpers ------------------------------------------------------------------- */

static zb_status nomem(const aw *a, zb_error *err)
{
    return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", a->path);
}

static zb_status lxw_fail(const aw *a, lxw_error e, const char *what, zb_error *err)
{
    return zb_xlsx_error(err, e, a->path, what);
}

static zb_status cell_fail(const aw *a, const sheet *s, lxw_error e, zb_error *err)
{
    char what[96];
    snprintf(what, sizeof what, "sheet %s, row %lu", s->name, (unsigned long)s->row + 1);
    return zb_xlsx_error(err, e, a->path, what);
}

static zb_status check_text(const char *s, const char *what, zb_error *err)
{
    return zb_xlsx_check_text(s, what, err);
}

/* Excel's name of column c (< 26 here) and row r (0-based), e.g. D12. */
static void cell_name(lxw_col_t c, lxw_row_t r, char *out, size_t size)
{
    snprintf(out, size, "%c%lu", 'A' + (int)c, (unsigned long)r + 1);
}

/* ---- scoring ------------------------------------------------------------------------- */

/* Whether result i is scored by its completion (proportional, cumulative, with one). */
static int completion_scored(const zb_plan *plan, const zb_progress *pr, size_t i, zb_scoring scoring)
{
    size_t ind = zb_progress_indicator(pr, i);
    return scoring == ZB_SCORING_PROPORTIONAL && zb_plan_indicator_kind(plan, ind) == ZB_KIND_CUMULATIVE &&
           isfinite(zb_progress_completion(pr, i));
}

static int scored_by_completion(const aw *a, size_t i) { return completion_scored(a->plan, a->pr, i, a->scoring); }

/* The rule of xlsx.h: proportional gives weight × completion capped (never below 0) to a
 * cumulative indicator and the whole weight or nothing to a rate or level, met or not;
 * all-or-nothing gives the weight to what is done or met. Unreported and untargeted
 * indicators score 0. */
static int is_cap(zb_standing s)
{
    return s == ZB_STANDING_EXCEEDED || s == ZB_STANDING_WARNING || s == ZB_STANDING_WITHIN;
}

/* A cap not exceeded earns its weight, an exceeded one nothing. A qualitative indicator is
 * not scored here (另行评定): it earns nothing and its weight counts in no total. */
static double score_by_rule(const zb_plan *plan, const zb_progress *pr, size_t i, zb_scoring scoring, double cap)
{
    double weight = zb_plan_indicator_weight(plan, zb_progress_indicator(pr, i));
    zb_standing s = zb_progress_standing(pr, i);
    if (!isfinite(weight) || s == ZB_STANDING_MISSING || s == ZB_STANDING_NO_TARGET ||
        s == ZB_STANDING_QUALITATIVE || s == ZB_STANDING_EXCEEDED)
        return 0;
    if (completion_scored(plan, pr, i, scoring))
        return weight * fmax(0.0, fmin(zb_progress_completion(pr, i), cap));
    return s == ZB_STANDING_DONE || s == ZB_STANDING_MET || is_cap(s) ? weight : 0;
}

/* The weight that counts in the totals: none for a qualitative indicator. */
static double counted_weight(const aw *a, size_t i)
{
    if (zb_progress_standing(a->pr, i) == ZB_STANDING_QUALITATIVE)
        return 0;
    return zb_plan_indicator_weight(a->plan, zb_progress_indicator(a->pr, i));
}

static double score_of(const aw *a, size_t i) { return score_by_rule(a->plan, a->pr, i, a->scoring, a->cap); }

ZB_API double zb_xlsx_assessment_score(const zb_plan *plan, const zb_progress *progress, size_t i,
                                       const zb_assessment_options *options)
{
    if (!plan || !progress || i >= zb_progress_count(progress))
        return NAN;
    zb_scoring scoring = options ? options->scoring : ZB_SCORING_PROPORTIONAL;
    double cap = options && options->cap != 0 ? options->cap : DEFAULT_CAP;
    if ((scoring != ZB_SCORING_PROPORTIONAL && scoring != ZB_SCORING_ALL_OR_NOTHING) || !(cap >= 1 && cap <= 100))
        return NAN;
    return score_by_rule(plan, progress, i, scoring, cap);
}

static int by_rank(const void *x, const void *y)
{
    const unit_score *u = x, *v = y;
    if (u->rank != v->rank) /* the unranked row (0) goes last */
        return u->rank == 0 ? 1 : v->rank == 0 ? -1 : u->rank < v->rank ? -1 : 1;
    return u->order < v->order ? -1 : u->order > v->order;
}

/* Rates compared to 1e-9: sums of the same scores in another order must tie. */
static double rate_key(double rate)
{
    return round(rate * 1e9);
}

static int by_rate(const void *x, const void *y)
{
    const unit_score *u = x, *v = y;
    double ku = rate_key(u->rate), kv = rate_key(v->rate);
    if (ku != kv)
        return ku > kv ? -1 : 1;
    return u->order < v->order ? -1 : u->order > v->order;
}

/* Scores every result, totals them by lead unit and ranks the units: equal rates share a
 * rank and the next rank skips (1, 1, 3), listed by rank, then by first appearance. */
static zb_status score_all(aw *a, zb_error *err)
{
    size_t n = a->n;
    a->scores = malloc((n ? n : 1) * sizeof *a->scores);
    a->leads = malloc((n ? n : 1) * sizeof *a->leads);
    a->lead_ids = malloc((n ? n : 1) * sizeof *a->lead_ids);
    if (!a->scores || !a->leads || !a->lead_ids)
        return nomem(a, err);
    for (size_t i = 0; i < n; i++) {
        a->scores[i] = score_of(a, i);
        a->leads[i] = zb_xlsx_safe(zb_plan_indicator_lead(a->plan, zb_progress_indicator(a->pr, i)));
    }
    if (zb_xlsx_number_keys(a->leads, n, a->lead_ids, &a->nunits))
        return nomem(a, err);
    a->units = calloc(a->nunits ? a->nunits : 1, sizeof *a->units);
    if (!a->units)
        return nomem(a, err);
    for (size_t i = 0; i < n; i++) {
        unit_score *u = &a->units[a->lead_ids[i]];
        u->name = a->leads[i];
        u->order = a->lead_ids[i];
        u->count++;
        u->weight += counted_weight(a, i);
        u->score += a->scores[i];
        a->qualitative += zb_progress_standing(a->pr, i) == ZB_STANDING_QUALITATIVE;
        a->caps += is_cap(zb_progress_standing(a->pr, i));
    }
    for (size_t k = 0; k < a->nunits; k++) {
        unit_score *u = &a->units[k];
        u->rate = u->weight > 0 ? u->score / u->weight : 0;
    }
    qsort(a->units, a->nunits, sizeof *a->units, by_rate);
    int ranked = 0;
    double last_key = 0;
    int last_rank = 0;
    for (size_t k = 0; k < a->nunits; k++) {
        unit_score *u = &a->units[k];
        if (!*u->name)
            continue; /* indicators without a lead are listed, not ranked */
        double key = rate_key(u->rate);
        u->rank = ranked > 0 && key == last_key ? last_rank : ranked + 1;
        ranked++;
        last_key = key;
        last_rank = u->rank;
    }
    qsort(a->units, a->nunits, sizeof *a->units, by_rank);
    return ZB_OK;
}

/* ---- formats ------------------------------------------------------------------------- */

static lxw_format *cell_format(aw *a, const char *font, const char *num_format)
{
    return zb_xlsx_cell_format(a->book, &a->style, font, num_format);
}

static zb_status make_formats(aw *a, zb_error *err)
{
    zb_status st = zb_xlsx_formats_init(a->book, &a->style, &a->fmt, err);
    if (st)
        return st;
    a->percent = cell_format(a, a->style.font_body, "0.0%");
    a->total_percent = cell_format(a, a->style.font_heading, "0.0%");
    a->score = cell_format(a, a->style.font_body, "0.00");
    a->total_score = cell_format(a, a->style.font_heading, "0.00");
    a->caption = cell_format(a, a->style.font_body, NULL);
    if (!a->percent || !a->total_percent || !a->score || !a->total_score || !a->caption)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory creating cell formats", a->path);
    format_set_align(a->caption, LXW_ALIGN_LEFT);
    return ZB_OK;
}

/* ---- sheets -------------------------------------------------------------------------- */

/* Adds a worksheet: columns, the title merged across, the rule line, the header row,
 * repeated on every printed page. */
static zb_status open_sheet(aw *a, sheet *s, const char *name, const double *widths,
                            size_t ncols, int landscape, const char *const *heads, zb_error *err)
{
    memset(s, 0, sizeof *s);
    s->name = name;
    s->widths = widths;
    s->ncols = ncols;
    for (size_t c = 0; c < ncols; c++)
        s->text_pt[c] = zb_xlsx_column_text_pt(widths[c]);
    double span_pt = zb_xlsx_span_text_pt(widths, 0, ncols - 1);
    zb_xlsx_pager_init(&s->pager, landscape, zb_xlsx_span_pt(widths, 0, ncols - 1));
    s->ws = workbook_add_worksheet(a->book->wb, name);
    if (!s->ws)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory adding the worksheet %s",
                            a->path, name);
    lxw_worksheet *ws = s->ws;
    lxw_col_t last = (lxw_col_t)(ncols - 1);
    lxw_error e = LXW_NO_ERROR;
    for (size_t c = 0; c < ncols && !e; c++)
        e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    if (e)
        return lxw_fail(a, e, "setting the column widths", err);

    /* Half a line more than its text: the space between a 公文 title and what follows. */
    double h = zb_xlsx_text_height(a->title, span_pt, a->style.title_size);
    h = fmin(h + a->style.title_size / 2, ZB_XLSX_MAX_ROW_HEIGHT);
    e = worksheet_merge_range(ws, s->row, 0, s->row, last, a->title, a->fmt.title);
    if (!e)
        e = worksheet_set_row(ws, s->row, h, NULL);
    if (e)
        return lxw_fail(a, e, "writing the title", err);
    zb_xlsx_pager_row(&s->pager, h);
    s->row++;

    h = zb_xlsx_text_height(a->rule, span_pt, a->style.body_size);
    e = worksheet_merge_range(ws, s->row, 0, s->row, last, a->rule, a->caption);
    if (!e)
        e = worksheet_set_row(ws, s->row, h, NULL);
    if (e)
        return lxw_fail(a, e, "writing the rule", err);
    zb_xlsx_pager_row(&s->pager, h);
    s->row++;

    int lines = 1;
    for (size_t c = 0; c < ncols && !e; c++) {
        e = worksheet_write_string(ws, s->row, (lxw_col_t)c, heads[c], a->fmt.header);
        lines = zb_xlsx_max_int(lines, zb_xlsx_text_lines(heads[c], s->text_pt[c], a->style.body_size));
    }
    h = zb_xlsx_row_height(lines, a->style.body_size);
    if (!e)
        e = worksheet_set_row(ws, s->row, h, NULL);
    if (e)
        return lxw_fail(a, e, "writing the header row", err);
    zb_xlsx_pager_row(&s->pager, h);
    zb_xlsx_pager_body(&s->pager, h);
    zb_xlsx_page page = {0};
    page.landscape = landscape;
    page.sheet_margins = 1; /* a working sheet: a spreadsheet's margins */
    page.header_first = page.header_last = s->row;
    s->row++;
    return zb_xlsx_page_setup(a->book, ws, &page, err);
}

/* The body's last row is kept with the 合计 row under it. */
static void page_total(sheet *s, double last_h, double total_h)
{
    if (last_h > 0) {
        double h[2] = {last_h, total_h};
        zb_xlsx_pager_group(&s->pager, s->row - 1, h, 2);
    } else {
        zb_xlsx_pager_row(&s->pager, total_h);
    }
}

/* 得分 of result i on row r: =D12*MAX(0,MIN(F12,1.2)) when scored by completion, else
 * =IF(OR(E12="已完成",E12="达标"),D12,0), each with the value computed here. */
static lxw_error write_score(aw *a, sheet *s, size_t i, lxw_row_t r)
{
    char weight[16], status[16], completion[16], formula[160], cap[32];
    cell_name(SC_WEIGHT, r, weight, sizeof weight);
    cell_name(SC_STATUS, r, status, sizeof status);
    cell_name(SC_COMPLETION, r, completion, sizeof completion);
    zb_standing st = zb_progress_standing(a->pr, i);
    if (st == ZB_STANDING_QUALITATIVE)
        return worksheet_write_string(s->ws, r, SC_SCORE, "另行评定", a->fmt.center);
    if (scored_by_completion(a, i))
        snprintf(formula, sizeof formula, "=%s*MAX(0,MIN(%s,%s))", weight, completion,
                 zb_format_number(a->cap, cap));
    else if (is_cap(st))
        snprintf(formula, sizeof formula, "=IF(%s=\"%s\",0,%s)", status, zb_standing_label(ZB_STANDING_EXCEEDED),
                 weight);
    else
        snprintf(formula, sizeof formula, "=IF(OR(%s=\"%s\",%s=\"%s\"),%s,0)", status,
                 zb_standing_label(ZB_STANDING_DONE), status, zb_standing_label(ZB_STANDING_MET),
                 weight);
    return worksheet_write_formula_num(s->ws, r, SC_SCORE, formula, a->score, a->scores[i]);
}

static zb_status write_scores(aw *a, zb_error *err)
{
    sheet s;
    zb_status st = open_sheet(a, &s, SHEET_SCORES, widths_scores, SC_COLS, 1, heads_scores, err);
    if (st) {
        zb_xlsx_pager_free(&s.pager);
        return st;
    }
    const zb_plan *plan = a->plan;
    double size = a->style.body_size;
    lxw_row_t first = s.row;
    double weights = 0, scores = 0, last_h = 0;
    lxw_error e = LXW_NO_ERROR;
    for (size_t i = 0; i < a->n && !e; i++) {
        size_t ind = zb_progress_indicator(a->pr, i);
        lxw_row_t r = s.row;
        /* A unit given apart from the name goes with it, as the name (单位) is read: the
         * numbers in 说明 are in that unit. */
        const char *name = zb_xlsx_safe(zb_plan_indicator_name(plan, ind));
        const char *unit = zb_xlsx_safe(zb_plan_indicator_unit(plan, ind));
        if (zb_plan_indicator_unit_given(plan, ind) && *unit &&
            strcmp(zb_xlsx_safe(zb_plan_indicator_bare_name(plan, ind)), name) == 0) {
            a->named.len = 0;
            zb_buf_addf(&a->named, "%s(%s)", name, unit);
            if (a->named.failed) {
                e = LXW_ERROR_MEMORY_MALLOC_FAILED;
                break;
            }
            name = a->named.data;
        }
        const char *lead = a->leads[i];
        const char *status = zb_standing_label(zb_progress_standing(a->pr, i));
        const char *explain = zb_xlsx_safe(zb_progress_explain(a->pr, i));
        double weight = zb_plan_indicator_weight(plan, ind);
        double completion = zb_plan_indicator_kind(plan, ind) == ZB_KIND_CUMULATIVE
                                ? zb_progress_completion(a->pr, i)
                                : NAN;
        /* Text always goes in as a string, so a name that starts with = is never a formula. */
        e = worksheet_write_number(s.ws, r, SC_SEQ, zb_plan_indicator_seq(plan, ind), a->fmt.number);
        if (!e)
            e = worksheet_write_string(s.ws, r, SC_NAME, name, a->fmt.left);
        if (!e)
            e = worksheet_write_string(s.ws, r, SC_LEAD, lead, a->fmt.center);
        if (!e)
            e = worksheet_write_number(s.ws, r, SC_WEIGHT, weight, a->fmt.number);
        if (!e)
            e = worksheet_write_string(s.ws, r, SC_STATUS, status, a->fmt.center);
        if (!e)
            e = isfinite(completion)
                    ? worksheet_write_number(s.ws, r, SC_COMPLETION, completion, a->percent)
                    : worksheet_write_blank(s.ws, r, SC_COMPLETION, a->percent);
        if (!e)
            e = write_score(a, &s, i, r);
        if (!e)
            e = worksheet_write_string(s.ws, r, SC_EXPLAIN, explain, a->fmt.left);
        int lines = zb_xlsx_text_lines(name, s.text_pt[SC_NAME], size);
        lines = zb_xlsx_max_int(lines, zb_xlsx_text_lines(lead, s.text_pt[SC_LEAD], size));
        lines = zb_xlsx_max_int(lines, zb_xlsx_text_lines(status, s.text_pt[SC_STATUS], size));
        lines = zb_xlsx_max_int(lines, zb_xlsx_text_lines(explain, s.text_pt[SC_EXPLAIN], size));
        double h = zb_xlsx_row_height(lines, size);
        if (!e)
            e = worksheet_set_row(s.ws, r, h, NULL);
        if (e)
            break;
        if (last_h > 0)
            zb_xlsx_pager_row(&s.pager, last_h);
        last_h = h;
        weights += counted_weight(a, i);
        scores += a->scores[i];
        s.row++;
    }
    if (e) {
        zb_xlsx_pager_free(&s.pager);
        return cell_fail(a, &s, e, err);
    }

    /* 合计: sums over the rows above, live like the scores. */
    lxw_row_t r = s.row;
    char formula[120], top[16], bottom[16];
    e = worksheet_merge_range(s.ws, r, SC_SEQ, r, SC_LEAD, "合计", a->fmt.header);
    if (!e && a->n > 0) {
        cell_name(SC_WEIGHT, first, top, sizeof top);
        cell_name(SC_WEIGHT, r - 1, bottom, sizeof bottom);
        if (a->qualitative) {
            /* Qualitative indicators are assessed apart: their weights are not summed. */
            char stop[16], sbottom[16];
            cell_name(SC_STATUS, first, stop, sizeof stop);
            cell_name(SC_STATUS, r - 1, sbottom, sizeof sbottom);
            snprintf(formula, sizeof formula, "=SUMIF(%s:%s,\"<>%s\",%s:%s)", stop, sbottom,
                     zb_standing_label(ZB_STANDING_QUALITATIVE), top, bottom);
        } else {
            snprintf(formula, sizeof formula, "=SUM(%s:%s)", top, bottom);
        }
        e = worksheet_write_formula_num(s.ws, r, SC_WEIGHT, formula, a->fmt.header, weights);
        cell_name(SC_SCORE, first, top, sizeof top);
        cell_name(SC_SCORE, r - 1, bottom, sizeof bottom);
        snprintf(formula, sizeof formula, "=SUM(%s:%s)", top, bottom);
        if (!e)
            e = worksheet_write_formula_num(s.ws, r, SC_SCORE, formula, a->total_score, scores);
    } else if (!e) {
        e = worksheet_write_number(s.ws, r, SC_WEIGHT, 0, a->fmt.header);
        if (!e)
            e = worksheet_write_number(s.ws, r, SC_SCORE, 0, a->total_score);
    }
    if (!e)
        e = worksheet_write_blank(s.ws, r, SC_STATUS, a->fmt.header);
    if (!e)
        e = worksheet_write_blank(s.ws, r, SC_COMPLETION, a->total_percent);
    if (!e)
        e = worksheet_write_blank(s.ws, r, SC_EXPLAIN, a->fmt.header);
    double h = zb_xlsx_row_height(1, size);
    if (!e)
        e = worksheet_set_row(s.ws, r, h, NULL);
    if (e) {
        zb_xlsx_pager_free(&s.pager);
        return cell_fail(a, &s, e, err);
    }
    page_total(&s, last_h, h);
    s.row++;
    return zb_xlsx_pager_finish(&s.pager, a->book, s.ws, err);
}

/* One row of 单位排名; rank 0 leaves the rank blank. 得分率 is =D/C with its value. */
static lxw_error ranking_row(aw *a, sheet *s, const char *name, size_t count, double weight,
                             double score, int rank, int total, double *height)
{
    lxw_row_t r = s->row;
    lxw_format *text = total ? a->fmt.header : a->fmt.center;
    lxw_format *num = total ? a->fmt.header : a->fmt.number;
    lxw_format *sc = total ? a->total_score : a->score;
    lxw_format *pct = total ? a->total_percent : a->percent;
    lxw_error e = worksheet_write_string(s->ws, r, RK_UNIT, name, text);
    if (!e)
        e = worksheet_write_number(s->ws, r, RK_COUNT, (double)count, num);
    if (!e)
        e = worksheet_write_number(s->ws, r, RK_WEIGHT, weight, num);
    if (!e)
        e = worksheet_write_number(s->ws, r, RK_SCORE, score, sc);
    if (!e) {
        if (weight > 0) {
            char w[16], sco[16], formula[48];
            cell_name(RK_WEIGHT, r, w, sizeof w);
            cell_name(RK_SCORE, r, sco, sizeof sco);
            snprintf(formula, sizeof formula, "=%s/%s", sco, w);
            e = worksheet_write_formula_num(s->ws, r, RK_RATE, formula, pct, score / weight);
        } else {
            e = worksheet_write_blank(s->ws, r, RK_RATE, pct);
        }
    }
    if (!e)
        e = rank > 0 ? worksheet_write_number(s->ws, r, RK_RANK, rank, num)
                     : worksheet_write_blank(s->ws, r, RK_RANK, num);
    *height = zb_xlsx_text_height(name, s->text_pt[RK_UNIT], a->style.body_size);
    if (!e)
        e = worksheet_set_row(s->ws, r, *height, NULL);
    return e;
}

static zb_status write_ranking(aw *a, zb_error *err)
{
    sheet s;
    zb_status st = open_sheet(a, &s, SHEET_RANKING, widths_ranking, RK_COLS, 0, heads_ranking, err);
    if (st) {
        zb_xlsx_pager_free(&s.pager);
        return st;
    }
    double last_h = 0, h = 0;
    size_t count = 0;
    double weights = 0, scores = 0;
    lxw_error e = LXW_NO_ERROR;
    for (size_t k = 0; k < a->nunits && !e; k++) {
        const unit_score *u = &a->units[k];
        e = ranking_row(a, &s, *u->name ? u->name : NO_LEAD, u->count, u->weight, u->score,
                        u->rank, 0, &h);
        if (e)
            break;
        if (last_h > 0)
            zb_xlsx_pager_row(&s.pager, last_h);
        last_h = h;
        count += u->count;
        weights += u->weight;
        scores += u->score;
        s.row++;
    }
    if (!e)
        e = ranking_row(a, &s, "合计", count, weights, scores, 0, 1, &h);
    if (e) {
        zb_xlsx_pager_free(&s.pager);
        return cell_fail(a, &s, e, err);
    }
    page_total(&s, last_h, h);
    s.row++;
    return zb_xlsx_pager_finish(&s.pager, a->book, s.ws, err);
}

/* ---- the writer ---------------------------------------------------------------------- */

/* The rule in words, under each title: what an office states with its results. */
static void describe_rule(aw *a)
{
    char cap[32];
    snprintf(cap, sizeof cap, "%.6g", a->cap * 100);
    /* What only some plans have is said only when they have it. */
    char extra[200] = "";
    if (a->caps)
        snprintf(extra, sizeof extra, "控制类（上限）指标未超上限得全部权重，超出不得分。");
    if (a->qualitative)
        snprintf(extra + strlen(extra), sizeof extra - strlen(extra),
                 "定性指标%zu项另行评定，不计入权重合计和得分率。", a->qualitative);
    if (a->scoring == ZB_SCORING_ALL_OR_NOTHING)
        snprintf(a->rule, sizeof a->rule,
                 "数据截至%d年%d月底。计分规则：完成即得分，已完成或达标的指标得全部权重，"
                 "否则不得分；未报送、无目标值的指标不得分。%s得分率 = 得分合计 ÷ 权重合计，"
                 "得分率相同者名次并列。",
                 a->year, a->month, extra);
    else
        snprintf(a->rule, sizeof a->rule,
                 "数据截至%d年%d月底。计分规则：比例计分，超额完成按%s%%封顶。累计型指标得分 = "
                 "权重 × 完成率；增速、水平类指标达标得全部权重，未达标不得分；未报送、"
                 "无目标值的指标不得分。%s得分率 = 得分合计 ÷ 权重合计，得分率相同者名次并列。",
                 a->year, a->month, cap, extra);
}

static void aw_free(aw *a)
{
    zb_buf_free(&a->named);
    free(a->scores);
    free(a->leads);
    free(a->lead_ids);
    free(a->units);
}

static zb_status write_book(aw *a, zb_error *err)
{
    zb_status st = make_formats(a, err);
    if (!st)
        st = write_scores(a, err);
    if (!st)
        st = write_ranking(a, err);
    if (!st) {
        zb_date issued = zb_plan_date(a->plan, ZB_DATE_ISSUED);
        st = zb_xlsx_set_properties(a->book, a->title, zb_plan_meta(a->plan, ZB_META_TITLE),
                                    zb_plan_meta(a->plan, ZB_META_ORGAN),
                                    zb_output_time(issued, zb_plan_first_year(a->plan)), err);
    }
    return st;
}

static zb_status check_options(const zb_assessment_options *o, zb_error *err)
{
    zb_status st = check_text(o->title, "title", err);
    if (!st)
        st = check_text(o->font_body, "font_body", err);
    if (!st)
        st = check_text(o->font_heading, "font_heading", err);
    if (!st)
        st = check_text(o->font_title, "font_title", err);
    if (st)
        return st;
    if (o->scoring != ZB_SCORING_PROPORTIONAL && o->scoring != ZB_SCORING_ALL_OR_NOTHING)
        return zb_error_set(err, ZB_ERR_ARGUMENT, "options->scoring: unknown rule %d", (int)o->scoring);
    /* Below 1 the cap would take away credit for meeting a target exactly. */
    if (o->cap != 0 && !(o->cap >= 1 && o->cap <= 100))
        return zb_error_set(err, ZB_ERR_ARGUMENT,
                            "options->cap must be 0 (120%%) or a fraction from 1 to 100, not %g",
                            o->cap);
    return ZB_OK;
}

ZB_API zb_status zb_xlsx_write_assessment(const zb_plan *plan, const char *period, const char *path,
                                          const zb_assessment_options *options, zb_error *error)
{
    zb_error_clear(error);
    if (!plan)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no plan given");
    if (!period)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no period given");
    if (!path || !*path)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no output path given");
    zb_assessment_options defaults;
    memset(&defaults, 0, sizeof defaults);
    const zb_assessment_options *o = options ? options : &defaults;
    zb_status st = check_options(o, error);
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

    aw a;
    memset(&a, 0, sizeof a);
    a.plan = plan;
    a.pr = pr;
    a.path = path;
    a.n = zb_progress_count(pr);
    a.scoring = o->scoring;
    a.cap = o->cap != 0 ? o->cap : DEFAULT_CAP;
    const char *p = zb_progress_period(pr);
    a.year = atoi(p);
    a.month = atoi(p + 5);
    zb_xlsx_style_defaults(&a.style);
    a.style.font_body = zb_xlsx_or(o->font_body, a.style.font_body);
    a.style.font_heading = zb_xlsx_or(o->font_heading, a.style.font_heading);
    a.style.font_title = zb_xlsx_or(o->font_title, a.style.font_title);
    char default_title[64];
    snprintf(default_title, sizeof default_title, "%d年度指标考核结果", a.year);
    a.title = zb_xlsx_or(o->title, default_title);

    st = score_all(&a, error);
    describe_rule(&a);
    zb_xlsx_book book;
    if (!st)
        st = zb_xlsx_open(&book, path, o->scratch_dir, error);
    if (!st) {
        a.book = &book;
        st = write_book(&a, error);
        if (st)
            zb_xlsx_discard(&book);
        else
            st = zb_xlsx_close(&book, error);
    }
    aw_free(&a);
    zb_progress_free(pr);
    return st;
}

ZB_API zb_status zb_xlsx_parse_scoring(const char *text, zb_scoring *out, zb_error *error)
{
    zb_error_clear(error);
    if (!text || !out)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no scoring rule given");
    static const struct {
        const char *name;
        zb_scoring rule;
    } names[] = {{"proportional", ZB_SCORING_PROPORTIONAL},
                 {"all-or-nothing", ZB_SCORING_ALL_OR_NOTHING},
                 {"all_or_nothing", ZB_SCORING_ALL_OR_NOTHING}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *a = text, *b = names[i].name;
        while (*a && (*a >= 'A' && *a <= 'Z' ? *a - 'A' + 'a' : *a) == *b)
            a++, b++;
        if (!*a && !*b) {
            *out = names[i].rule;
            return ZB_OK;
        }
    }
    size_t n = strlen(text);
    if (n > 64 || zb_utf8_check(text, n) != n)
        return zb_error_set(error, ZB_ERR_VALUE, "expected proportional or all-or-nothing");
    return zb_error_set(error, ZB_ERR_VALUE, "expected proportional or all-or-nothing, got '%s'", text);
}
