/* zb_progress_evaluate on a 10,000-indicator plan with 12 months of actuals (120,000
 * actuals), against a baseline loop that only looks up each indicator's actual for the
 * period through zb_plan_find_actual and sums the values: (a) the evaluation, which also
 * reads every indicator's target, kind, direction and qualifier, applies the rules and
 * writes an explain line per indicator, vs (b) the lookups alone. Then the monitoring
 * workbook: (c) zb_xlsx_write_progress (evaluation included) vs (d) the target table of the
 * same plan, the plainest workbook of the same rows. Alternating runs at 2024-06; the median
 * ratios a/b and c/d are the figures to watch.
 * Usage: bench_progress [RUNS] [INDICATORS]   (default 11 alternating runs, 10000 indicators) */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <unistd.h>

#include "zhibiao/progress.h"
#include "zhibiao/xlsx.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
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

/* Every kind, direction and qualifier, so that every rule and explain form is timed. */
static zb_plan *make_plan(int count)
{
    static const struct {
        const char *name, *target;
        zb_direction dir;
    } kinds[] = {
        {"新增“小升规”企业(家)", "62", ZB_DIR_AUTO},
        {"规上工业增加值增速(%)", "6.5左右", ZB_DIR_AUTO},
        {"完成技术改造投资(亿元)", "15", ZB_DIR_AUTO},
        {"高新技术产业增加值占规上工业增加值比重(%)", "74.5以上", ZB_DIR_AUTO},
        {"工业用能总量(万吨标煤)", "200", ZB_DIR_LOWER},
        {"动态保有上市培育企业(家)", "20左右", ZB_DIR_AUTO},
        {"推进产业协同", "持续提升", ZB_DIR_AUTO},
    };
    zb_plan *plan = zb_plan_new();
    if (!plan || zb_plan_set_years(plan, 2024, 2024))
        return NULL;
    char name[128], period[8];
    for (int i = 0; i < count; i++) {
        int k = i % (int)(sizeof kinds / sizeof *kinds);
        snprintf(name, sizeof name, "%s%d", kinds[k].name, i);
        char category[32];
        snprintf(category, sizeof category, "类别%d", i / 7 + 1); /* ~1,430 categories, as real tables group */
        zb_indicator_def def = {.seq = i + 1, .category = category, .name = name, .target = kinds[k].target,
                                .direction = kinds[k].dir};
        if (zb_plan_add_indicator(plan, &def, NULL))
            return NULL;
    }
    /* Month by month, as a year of reports arrives; one in 20 indicators never reports.
     * Values as reports write them (and as a CSV or JSON loader reads them): one or two
     * decimals, and one in 10 with a long fraction (a computed share), which takes the
     * slower printf path. */
    for (int m = 1; m <= 12; m++) {
        snprintf(period, sizeof period, "2024-%02d", m);
        for (int i = 0; i < count; i++) {
            double v = i % 10 == 9 ? (i % 97) * m / 7.0 : (i % 97) * m * (i % 3 ? 17 : 125) / (i % 3 ? 10.0 : 100.0);
            if (i % 20 != 19 && zb_plan_add_actual(plan, i + 1, period, v, NULL))
                return NULL;
        }
    }
    return plan;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 11;
    int count = argc > 2 ? atoi(argv[2]) : 10000;
    if (runs < 1 || runs > 1000 || count < 1) {
        fprintf(stderr, "usage: bench_progress [RUNS] [INDICATORS]\n");
        return 2;
    }
    zb_plan *plan = make_plan(count);
    double *t = calloc((size_t)runs * 2, sizeof *t);
    if (!plan || !t) {
        fprintf(stderr, "bench_progress: %s\n", plan ? "out of memory" : zb_errmsg(plan));
        return 1;
    }
    const char *period = "2024-06";
    volatile double sink = 0; /* keeps the baseline's lookups from being optimised away */
    size_t counts[ZB_STANDING_COUNT] = {0};
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        zb_progress *p = NULL;
        zb_error err;
        if (zb_progress_evaluate(plan, period, NULL, &p, &err) != ZB_OK) {
            fprintf(stderr, "bench_progress: %s\n", err.message);
            return 1;
        }
        for (int s = 0; s < ZB_STANDING_COUNT; s++)
            counts[s] = zb_progress_count_standing(p, (zb_standing)s);
        zb_progress_free(p);
        double t1 = now();
        double sum = 0;
        size_t n = zb_plan_indicator_count(plan);
        for (size_t i = 0; i < n; i++) {
            size_t a = zb_plan_find_actual(plan, i, period);
            if (a != ZB_NONE)
                sum += zb_plan_actual_value(plan, a);
        }
        sink = sink + sum;
        double t2 = now();
        t[r] = t1 - t0;
        t[runs + r] = t2 - t1;
    }
    double best_a = t[0], best_b = t[runs];
    for (int r = 1; r < runs; r++) {
        if (t[r] < best_a)
            best_a = t[r];
        if (t[runs + r] < best_b)
            best_b = t[runs + r];
    }
    double med_a = median(t, runs), med_b = median(t + runs, runs);
    printf("bench_progress: %d indicators, %zu actuals, period %s, %d runs\n", count, zb_plan_actual_count(plan),
           period, runs);
    printf("  standings:");
    for (int s = 0; s < ZB_STANDING_COUNT; s++)
        printf(" %s %zu", zb_standing_label((zb_standing)s), counts[s]);
    printf("\n");
    printf("  (a) zb_progress_evaluate   best %8.3f ms  median %8.3f ms\n", best_a * 1e3, med_a * 1e3);
    printf("  (b) zb_plan_find_actual    best %8.3f ms  median %8.3f ms\n", best_b * 1e3, med_b * 1e3);
    printf("  ratio a/b: best %.2f, median %.2f\n", best_a / best_b, med_a / med_b);

    char dir[256], wb[300];
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/zb-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(wb, sizeof wb, "%s/w.xlsx", dir);
    for (int r = 0; r < runs; r++) {
        /* Alternate which goes first, so that neither always meets a warm cache. */
        zb_error err;
        zb_status st = ZB_OK;
        for (int k = 0; k < 2 && !st; k++) {
            int progress = (k + r) % 2 == 0;
            double t0 = now();
            st = progress ? zb_xlsx_write_progress(plan, period, wb, NULL, &err)
                          : zb_xlsx_write_target_table(plan, wb, NULL, &err);
            t[progress ? r : runs + r] = now() - t0;
        }
        if (st) {
            fprintf(stderr, "bench_progress: %s\n", err.message);
            return 1;
        }
    }
    unlink(wb);
    rmdir(dir);
    double med_c = median(t, runs), med_d = median(t + runs, runs);
    printf("  (c) zb_xlsx_write_progress      median %8.1f ms\n", med_c * 1e3);
    printf("  (d) zb_xlsx_write_target_table  median %8.1f ms\n", med_d * 1e3);
    printf("  ratio c/d: median %.2f (the workbook holds twice the columns, a formula and an\n"
           "             explanation per row, conditional formats, a summary sheet and a chart)\n",
           med_c / med_d);
    free(t);
    zb_plan_free(plan);
    return sink < 0 ? 1 : 0;
}
