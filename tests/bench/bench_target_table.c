/* Benchmark: the target table of 10,000 indicators (bench_data.h), in process, alternating
 *
 *   (a) zb_xlsx_write_target_table() from a plan built through the plan API (as zhibiao
 *       writes a table of this size: in row order, constant_memory),
 *   (b) the plain libxlsxwriter program of floor_table.c on the same data held in C arrays:
 *       the same cells, one format per look, widths, label, merged title, header, category
 *       merges, a height for every row (characters over characters per line), print setup
 *       and properties, in libxlsxwriter's default mode, and (c) the same in its
 *       constant_memory mode,
 *   (d) zb_csv_load_string() of the table as Excel saves it (序号,类别,指标名称,2024年目标值,
 *       责任单位), and (e) the whole `zhibiao table` work on it: load, validate, write.
 *
 * Goals: a/b at most 1.0 (the whole-process figure, with reading, is scripts/bench's), and
 * CSV + plan building (d) at most 15 % of the run (e).
 * Usage: bench_target_table [RUNS] [INDICATORS]   (default 5, 10000) */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "bench_data.h"
#include "core/internal.h"
#include "zhibiao.h"

/* ---- the plan and the CSV --------------------------------------------------------------- */

static zb_plan *make_plan(const bench_table *t)
{
    zb_plan *plan = zb_plan_new();
    if (!plan || zb_plan_set_years(plan, 2024, 2024))
        return NULL;
    for (size_t i = 0; i < t->count; i++) {
        const bench_row *r = &t->rows[i];
        zb_indicator_def d;
        memset(&d, 0, sizeof d);
        d.seq = r->seq;
        d.category = t->cats[r->category];
        d.name = r->name;
        d.target = r->target;
        d.responsible = r->units;
        if (zb_plan_add_indicator(plan, &d, NULL) != ZB_OK) {
            fprintf(stderr, "bench: %s\n", zb_errmsg(plan));
            return NULL;
        }
    }
    return plan;
}

/* The table as gen_plan writes it. */
static void make_csv(const bench_table *t, zb_buf *b)
{
    zb_buf_adds(b, "序号,类别,指标名称,2024年目标值,责任单位\n");
    size_t prev = (size_t)-1;
    for (size_t i = 0; i < t->count; i++) {
        const bench_row *r = &t->rows[i];
        zb_buf_addf(b, "%d,%s,%s,%s,%s\n", r->seq, r->category != prev ? t->cats[r->category] : "", r->name,
                    r->target, r->units);
        prev = r->category;
    }
}

/* ---- the baseline: plain libxlsxwriter ------------------------------------------------- */

/* Lines of 12 pt text in a column `width` characters wide, the simple way. */
static int simple_lines(const char *s, double width)
{
    double per_line = floor(((width * 7 + 5) - 6) * 0.75 / 12.0); /* full-width characters */
    int n = (int)ceil((double)bench_utf8_chars(s) / per_line);
    return n < 1 ? 1 : n;
}

static double simple_height(int lines)
{
    return ceil((lines * 12 * 1.3 + 6) / 0.75) * 0.75;
}

static lxw_format *fmt(lxw_workbook *wb, const char *font, double size, uint8_t align, int cell)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, font);
    format_set_font_size(f, size);
    format_set_font_family(f, 3);
    format_set_font_charset(f, 134);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_align(f, align);
    if (cell) {
        format_set_text_wrap(f);
        format_set_border(f, LXW_BORDER_THIN);
    }
    return f;
}

static int baseline(const bench_table *t, const char *path, int constant_memory)
{
    static const double widths[] = {6, 14, 36, 14, 18};
    lxw_workbook_options opt = {0};
    opt.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "目标体系表");
    lxw_format *label = fmt(wb, "黑体", 16, LXW_ALIGN_LEFT, 0);
    lxw_format *title = fmt(wb, "方正小标宋简体", 22, LXW_ALIGN_CENTER, 0);
    format_set_text_wrap(title);
    lxw_format *header = fmt(wb, "黑体", 12, LXW_ALIGN_CENTER, 1);
    lxw_format *center = fmt(wb, "仿宋_GB2312", 12, LXW_ALIGN_CENTER, 1);
    lxw_format *left = fmt(wb, "仿宋_GB2312", 12, LXW_ALIGN_LEFT, 1);
    for (lxw_col_t c = 0; c < 5; c++)
        worksheet_set_column(ws, c, c, widths[c], NULL);
    worksheet_write_string(ws, 0, 0, "附件2", label);
    worksheet_set_row(ws, 0, 27, NULL);
    worksheet_merge_range(ws, 1, 0, 1, 4, "2024年目标体系表", title);
    worksheet_set_row(ws, 1, 46.25, NULL);
    const char *heads[] = {"序号", "类别", "指标名称", "2024年目标值", "责任单位"};
    for (lxw_col_t c = 0; c < 5; c++)
        worksheet_write_string(ws, 2, c, heads[c], header);
    worksheet_set_row(ws, 2, 21.75, NULL);

    lxw_row_t r0 = 3;
    for (size_t i = 0; i < t->count;) {
        size_t end = i + 1;
        while (end < t->count && t->rows[end].category == t->rows[i].category)
            end++;
        const char *cat = t->cats[t->rows[i].category];
        int merged = end - i > 1;
        double above = 0;
        for (size_t j = i; j < end; j++) {
            const bench_row *r = &t->rows[j];
            lxw_row_t rr = r0 + (lxw_row_t)(j - i);
            worksheet_write_number(ws, rr, 0, r->seq, center);
            if (!merged || constant_memory) {
                if (j == i)
                    worksheet_write_string(ws, rr, 1, cat, center);
                else
                    worksheet_write_blank(ws, rr, 1, center);
            }
            worksheet_write_string(ws, rr, 2, r->name, left);
            if (r->numeric)
                worksheet_write_number(ws, rr, 3, r->value, center);
            else
                worksheet_write_string(ws, rr, 3, r->target, center);
            worksheet_write_string(ws, rr, 4, r->units, center);
            int lines = simple_lines(r->name, widths[2]);
            int l = simple_lines(r->target, widths[3]);
            lines = l > lines ? l : lines;
            l = simple_lines(r->units, widths[4]);
            lines = l > lines ? l : lines;
            if (!merged) {
                l = simple_lines(cat, widths[1]);
                lines = l > lines ? l : lines;
            }
            double h = simple_height(lines);
            if (j + 1 == end && merged) {
                double need = simple_height(simple_lines(cat, widths[1]));
                if (above + h < need)
                    h = need - above;
            }
            above += h;
            worksheet_set_row(ws, rr, h, NULL);
        }
        if (merged)
            worksheet_merge_range(ws, r0, 1, r0 + (lxw_row_t)(end - i - 1), 1, cat, center);
        r0 += (lxw_row_t)(end - i);
        i = end;
    }
    worksheet_set_paper(ws, 9);
    worksheet_set_portrait(ws);
    worksheet_set_margins(ws, 0.75, 0.75, 1.0, 1.0);
    worksheet_center_horizontally(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_footer(ws, "&C— &P —");
    worksheet_repeat_rows(ws, 2, 2);
    worksheet_freeze_panes(ws, 3, 0);
    lxw_doc_properties props = {0};
    props.title = "2024年目标体系表";
    props.created = 1704067200; /* 2024-01-01 */
    workbook_set_properties(wb, &props);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

/* ---- timing --------------------------------------------------------------------------- */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* The whole of `zhibiao table` on the CSV text: load, validate, write. ms of the load in *load. */
static int whole_run(const zb_buf *csv, const char *path, const zb_table_options *opt, double *load)
{
    double t0 = now_ms();
    zb_plan *plan = zb_plan_new();
    if (!plan || zb_csv_load_string(plan, csv->data, csv->len, "bench.csv", NULL) != ZB_OK) {
        fprintf(stderr, "bench: %s\n", plan ? zb_errmsg(plan) : "out of memory");
        return -1;
    }
    *load = now_ms() - t0;
    zb_findings *f = NULL;
    zb_error err;
    int rc = zb_plan_validate(plan, &f) == ZB_OK && zb_findings_error_count(f) == 0 &&
                     zb_xlsx_write_target_table(plan, path, opt, &err) == ZB_OK
                 ? 0
                 : -1;
    if (rc)
        fprintf(stderr, "bench: the whole run failed\n");
    zb_findings_free(f);
    zb_plan_free(plan);
    return rc;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    int count = argc > 2 ? atoi(argv[2]) : 10000;
    if (runs < 1 || runs > 1000 || count < 1) {
        fprintf(stderr, "usage: bench_target_table [RUNS] [INDICATORS]\n");
        return 2;
    }
    bench_table data;
    if (bench_table_make(&data, (size_t)count) != 0)
        return 1;
    zb_plan *plan = make_plan(&data);
    zb_buf csv = {0};
    make_csv(&data, &csv);
    if (!plan || csv.failed)
        return 1;

    const char *tmp = getenv("TMPDIR");
    char dir[512], a[600], b[600], c[600], e[600];
    snprintf(dir, sizeof dir, "%s/zb-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("bench: mkdtemp");
        return 1;
    }
    snprintf(a, sizeof a, "%s/zhibiao.xlsx", dir);
    snprintf(b, sizeof b, "%s/floor.xlsx", dir);
    snprintf(c, sizeof c, "%s/floor-cm.xlsx", dir);
    snprintf(e, sizeof e, "%s/whole.xlsx", dir);

    zb_table_options opt;
    memset(&opt, 0, sizeof opt);
    opt.label = "附件2";
    double *t = calloc((size_t)runs * 5, sizeof *t);
    if (!t)
        return 1;
    int rc = 0;
    /* Rotate which goes first, so that none always inherits the others' heap and cache. */
    for (int i = 0; i < runs && !rc; i++) {
        for (int k = 0; k < 4 && !rc; k++) {
            int which = (k + i) % 4;
            double t0 = now_ms(), load = 0;
            zb_error err;
            switch (which) {
            case 0:
                if (zb_xlsx_write_target_table(plan, a, &opt, &err) != ZB_OK) {
                    fprintf(stderr, "bench: %s\n", err.message);
                    rc = 1;
                }
                break;
            case 1:
                rc = baseline(&data, b, 0) != 0;
                break;
            case 2:
                rc = baseline(&data, c, 1) != 0;
                break;
            default:
                rc = whole_run(&csv, e, &opt, &load) != 0;
                t[3 * runs + i] = load;
                break;
            }
            double ms = now_ms() - t0;
            t[(which == 3 ? 4 : which) * runs + i] = ms;
        }
    }
    if (!rc) {
        double ma = median(t, runs), mb = median(t + runs, runs), mc = median(t + 2 * runs, runs),
               md = median(t + 3 * runs, runs), me = median(t + 4 * runs, runs);
        printf("target table: %d indicators in %zu categories, %d rotating runs\n", count, data.ncats, runs);
        printf("  (a) zb_xlsx_write_target_table     median %8.1f ms  %ld bytes\n", ma, file_size(a));
        printf("  (b) plain libxlsxwriter            median %8.1f ms  %ld bytes\n", mb, file_size(b));
        printf("  (c) the same, constant_memory      median %8.1f ms  %ld bytes\n", mc, file_size(c));
        printf("  a/b %.2f (goal <= 1.0), a/c %.2f\n", ma / mb, ma / mc);
        printf("  (d) zb_csv_load_string of its CSV  median %8.1f ms  (%zu bytes)\n", md, csv.len);
        printf("  (e) load + validate + write        median %8.1f ms\n", me);
        printf("  CSV + plan building d/e %.1f %% (goal <= 15 %%)\n", 100 * md / me);
        printf("goal: CSV + plan building, share of a %d-row table run  %.1f %%  (<= 15 %%)  %s\n", count,
               100 * md / me, md / me <= 0.15 ? "met" : "NOT MET");
    }
    unlink(a);
    unlink(b);
    unlink(c);
    unlink(e);
    rmdir(dir);
    free(t);
    zb_buf_free(&csv);
    zb_plan_free(plan);
    bench_table_free(&data);
    return rc;
}
