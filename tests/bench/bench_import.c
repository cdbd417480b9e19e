/* zb_import_text_string on published text, against a baseline that only reads the same text
 * line by line and checks it is UTF-8:
 *   (a) the 桐庐 seed repeated 100 times as one text, imported into a fresh plan;
 *   (b) the baseline on that text;
 *   (c) the seed imported 100 times, one fresh plan each (a real document every time: the
 *       repeated text of (a) after the first copy mostly lands in attachments).
 * Prints the median time of each, MB/s, and the ratios a/b and c/b per megabyte.
 * Usage: bench_import [RUNS] [SEED.txt]   (default 5 runs and the 桐庐 seed, 000_….txt, from
 * $ZB_SEEDS_DIR, else ../shared/seeds beside the source tree ($ZB_SOURCE_DIR), as the tests
 * find it; without it, examples/data/published-plan.txt, which is said) */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>

#include "core/internal.h"
#include "zhibiao/import.h"

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

/* The baseline: every line found and checked, nothing understood. */
static size_t baseline(const char *text, size_t len)
{
    size_t lines = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n')
            continue;
        if (zb_utf8_check(text + start, i - start) == i - start)
            lines++;
        start = i + 1;
    }
    return lines;
}

static int import_once(const char *text, size_t len)
{
    zb_plan *plan = zb_plan_new();
    zb_findings *report = NULL;
    zb_status st = zb_import_text_string(plan, text, len, "bench.txt", NULL, &report);
    zb_findings_free(report);
    zb_plan_free(plan);
    return st == ZB_OK ? 0 : -1;
}

int main(int argc, char **argv)
{
    char fallback[1024];
    const char *path = argc > 2 ? argv[2] : NULL;
    if (!path) {
        const char *src = getenv("ZB_SOURCE_DIR"), *seeds = getenv("ZB_SEEDS_DIR");
        if (!src || !*src)
            src = ".";
        if (seeds && *seeds)
            snprintf(fallback, sizeof fallback, "%s/000_63027711b8e1e1d4.txt", seeds);
        else
            snprintf(fallback, sizeof fallback, "%s/../shared/seeds/000_63027711b8e1e1d4.txt", src);
        if (access(fallback, R_OK) != 0) {
            snprintf(fallback, sizeof fallback, "%s/examples/data/published-plan.txt", src);
            printf("bench_import: no seed document (ZB_SEEDS_DIR); importing %s instead\n", fallback);
        }
        path = fallback;
    }
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    if (runs < 1)
        runs = 1;
    char *seed;
    size_t seed_len;
    zb_error err;
    if (zb_read_file(path, &seed, &seed_len, &err) != ZB_OK) {
        fprintf(stderr, "bench_import: %s\n", err.message);
        return 1;
    }
    zb_buf big = {0};
    for (int k = 0; k < 100; k++)
        zb_buf_add(&big, seed, seed_len);
    if (big.failed)
        return 1;
    double mb = (double)big.len / 1e6;

    double *ta = calloc((size_t)runs, sizeof *ta), *tb = calloc((size_t)runs, sizeof *tb),
           *tc = calloc((size_t)runs, sizeof *tc);
    size_t sink = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        if (import_once(big.data, big.len)) {
            fprintf(stderr, "bench_import: the repeated text did not import\n");
            return 1;
        }
        double t1 = now();
        sink += baseline(big.data, big.len);
        double t2 = now();
        for (int k = 0; k < 100; k++)
            if (import_once(seed, seed_len)) {
                fprintf(stderr, "bench_import: %s did not import\n", path);
                return 1;
            }
        double t3 = now();
        ta[r] = t1 - t0;
        tb[r] = t2 - t1;
        tc[r] = t3 - t2;
    }
    double a = median(ta, runs), b = median(tb, runs), c = median(tc, runs);
    printf("input: %s, %zu bytes; repeated 100 times: %.2f MB (%d runs, medians)\n", path, seed_len, mb, runs);
    printf("(a) import of the 100x text:      %8.2f ms  %7.1f ms/MB  %6.1f MB/s\n", a * 1e3, a * 1e3 / mb, mb / a);
    printf("(b) baseline (lines + UTF-8):      %8.2f ms  %7.1f ms/MB  %6.1f MB/s\n", b * 1e3, b * 1e3 / mb, mb / b);
    printf("(c) the seed imported 100 times:   %8.2f ms  %7.1f ms/MB  (%.3f ms per document)\n", c * 1e3,
           c * 1e3 / mb, c * 1e3 / 100);
    printf("ratio a/b: %.1f   c/b: %.1f   (lines seen: %zu)\n", a / b, c / b, sink / (size_t)runs);
    free(ta);
    free(tb);
    free(tc);
    zb_buf_free(&big);
    free(seed);
    return 0;
}
