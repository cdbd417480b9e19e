/* Benchmark: the target table of 10,000 indicators (bench_data.h), in process, alternating
 *
 *   (a) zb_xlsx_write_target_table() from a plan built through the plan API (as zhibiao
 *       writes a table of this size: in row order, constant_memory),
 *   (b) the floor: the writer of floor_table.c (floor_book.h), plain libxlsxwriter, on the
 *       same rows as that program holds them after reading the CSV, in libxlsxwriter's
 *       default mode, and (c) the same in its constant_memory mode,
 *   (d) zb_csv_load_string() of the table as Excel saves it (序号,类别,指标名称,2024年目标值,
 *       责任单位), and (e) the whole `zhibiao table` work on it: load, validate, write.
 *
 * Goals: a/b at most 1.0 (the whole-process figure, with reading, is scripts/bench's), and
 * CSV + plan building (d) at most 15 % of the run (e).
 * Usage: bench_target_table [RUNS] [INDICATORS]   (default 5, 10000) */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench_data.h"
#include "floor_book.h"
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

/* ---- the floor ------------------------------------------------------------------------- */

/* The rows as the floor program holds them after reading the CSV (floor_book.h), pointing
 * into the table; seq texts in seqs (count × 12 bytes). */
static floor_row *floor_rows(const bench_table *t, char (*seqs)[12])
{
    floor_row *rows = calloc(t->count ? t->count : 1, sizeof *rows);
    if (!rows)
        return NULL;
    for (size_t i = 0; i < t->count; i++) {
        const bench_row *r = &t->rows[i];
        snprintf(seqs[i], sizeof seqs[i], "%d", r->seq);
        int first = i == 0 || t->rows[i - 1].category != r->category;
        rows[i] = (floor_row){seqs[i], first ? t->cats[r->category] : "", r->name, r->target, r->units};
    }
    return rows;
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
    char(*seqs)[12] = calloc(data.count ? data.count : 1, sizeof *seqs);
    floor_row *rows = seqs ? floor_rows(&data, seqs) : NULL;
    if (!plan || csv.failed || !rows)
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
                rc = floor_write(rows, data.count, b, 0) != 0;
                break;
            case 2:
                rc = floor_write(rows, data.count, c, 1) != 0;
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
        printf("  (b) the floor, plain libxlsxwriter median %8.1f ms  %ld bytes\n", mb, file_size(b));
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
    free(rows);
    free(seqs);
    zb_buf_free(&csv);
    zb_plan_free(plan);
    bench_table_free(&data);
    return rc;
}
