/* The 桐庐 notice with its attachments (the 41-row target table and the unit list) written
 * (a) as zhibiao writes it, every font subset to the characters drawn, vs (b) the same
 * document embedded with libharu's own loader (HPDF_LoadTTFontFromFile/File2 on the whole
 * font file). Alternating runs; prints the best and median times and the file sizes.
 * Goal: (a) at least 4 times smaller than (b).
 * Usage: bench_notice [RUNS] [PLAN.json]   (default 5 runs, examples/data/tonglu-2024.json;
 * run from the repository's root, as scripts/bench does) */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "content/content_internal.h"
#include "zhibiao/json.h"

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

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    const char *data = argc > 2 ? argv[2] : "examples/data/tonglu-2024.json";
    if (runs < 1 || runs > 1000) {
        fprintf(stderr, "usage: bench_notice [RUNS] [PLAN.json]\n");
        return 2;
    }
    zb_plan *plan = zb_plan_new();
    if (!plan || zb_json_load(plan, data) != ZB_OK) {
        fprintf(stderr, "bench_notice: %s\n", plan ? zb_errmsg(plan) : "out of memory");
        return 1;
    }
    /* Fonts are loaded once, as a server embedding the library would. */
    zb_fontset *fonts = zb_fontset_new();
    if (!fonts || zb_fontset_load_defaults(fonts) != ZB_OK) {
        fprintf(stderr, "bench_notice: %s\n", fonts ? zb_fontset_errmsg(fonts) : "out of memory");
        return 1;
    }
    const char *tmp = getenv("TMPDIR");
    char dir[256], a[300], b[300];
    snprintf(dir, sizeof dir, "%s/zb-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("bench_notice: mkdtemp");
        return 1;
    }
    snprintf(a, sizeof a, "%s/subset.pdf", dir);
    snprintf(b, sizeof b, "%s/libharu.pdf", dir);

    double *ta = calloc((size_t)runs, sizeof *ta), *tb = calloc((size_t)runs, sizeof *tb);
    if (!ta || !tb)
        return 1;
    zb_pdf_info ia, ib;
    zb_error err;
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        if (zb_pdf_write_notice(plan, fonts, a, NULL, &ia, &err) != ZB_OK) {
            fprintf(stderr, "bench_notice: %s\n", err.message);
            return 1;
        }
        double t1 = now();
        if (zb_pdf_write_notice_libharu_fonts(plan, fonts, b, NULL, &ib, &err) != ZB_OK) {
            fprintf(stderr, "bench_notice: %s\n", err.message);
            return 1;
        }
        double t2 = now();
        ta[r] = t1 - t0;
        tb[r] = t2 - t1;
    }
    double best_a = ta[0], best_b = tb[0];
    for (int r = 1; r < runs; r++) {
        if (ta[r] < best_a)
            best_a = ta[r];
        if (tb[r] < best_b)
            best_b = tb[r];
    }
    double med_a = median(ta, runs), med_b = median(tb, runs);
    printf("plan: %s, %d pages, %d runs\n", data, ia.pages, runs);
    printf("%-44s %10s %10s %12s\n", "", "best ms", "median ms", "bytes");
    printf("%-44s %10.1f %10.1f %12zu\n", "(a) zhibiao, fonts subset", best_a * 1e3, med_a * 1e3,
           ia.bytes);
    printf("%-44s %10.1f %10.1f %12zu\n", "(b) libharu's loader, whole font files", best_b * 1e3,
           med_b * 1e3, ib.bytes);
    double size_ratio = ia.bytes ? (double)ib.bytes / (double)ia.bytes : 0;
    printf("size b/a: %.1f (goal >= 4)   time a/b: %.2f (median)\n", size_ratio,
           med_b > 0 ? med_a / med_b : 0);
    for (int i = 0; i < ZB_FONT_ROLE_COUNT; i++)
        printf("  %s\n", zb_fontset_describe(fonts, (zb_font_role)i));

    unlink(a);
    unlink(b);
    rmdir(dir);
    free(ta);
    free(tb);
    zb_fontset_free(fonts);
    zb_plan_free(plan);
    return 0;
}
