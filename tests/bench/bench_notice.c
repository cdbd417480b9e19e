/* The 桐庐 notice with its attachments (the 41-row target table and the unit list) written
 * (a) as zhibiao writes it, every font subset to the characters drawn, vs (b) the same
 * document embedded with libharu's own loader (HPDF_LoadTTFontFromFile/File2 on the whole
 * font file), and (c) the subsets of (a) with libharu left to map every code through each
 * subset's own cmap, as before zb_pdf_flatten_cmap (ZB_EMBED_SUBSET_UNFLATTENED). Rotating
 * runs; prints the best and median times and the file sizes.
 * Goals: (a) at least 4 times smaller than (b); (a) the same bytes as (c): the per-font work
 * changes the time, not the file.
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

/* 1 when the two files hold the same bytes, 0 when not, -1 when one cannot be read. */
static int same_file(const char *a, const char *b)
{
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    int same = fa && fb ? 1 : -1;
    while (same == 1) {
        int ca = getc(fa), cb = getc(fb);
        if (ca != cb)
            same = 0;
        else if (ca == EOF)
            break;
    }
    if (fa)
        fclose(fa);
    if (fb)
        fclose(fb);
    return same;
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
    char dir[256], path[3][300];
    snprintf(dir, sizeof dir, "%s/zb-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("bench_notice: mkdtemp");
        return 1;
    }
    static const char *const names[3] = {"subset.pdf", "libharu.pdf", "unflattened.pdf"};
    for (int k = 0; k < 3; k++)
        snprintf(path[k], sizeof path[k], "%s/%s", dir, names[k]);

    double *t[3];
    for (int k = 0; k < 3; k++)
        if (!(t[k] = calloc((size_t)runs, sizeof *t[k])))
            return 1;
    zb_pdf_info info[3];
    zb_error err;
    /* Rotate which goes first, so that none always inherits the others' heap and cache. */
    for (int r = 0; r < runs; r++) {
        for (int j = 0; j < 3; j++) {
            int k = (r + j) % 3;
            double t0 = now();
            zb_status st = k == 0   ? zb_pdf_write_notice(plan, fonts, path[0], NULL, &info[0], &err)
                           : k == 1 ? zb_pdf_write_notice_libharu_fonts(plan, fonts, path[1], NULL, &info[1], &err)
                                    : zb_pdf_write_notice_unflattened(plan, fonts, path[2], NULL, &info[2], &err);
            if (st != ZB_OK) {
                fprintf(stderr, "bench_notice: %s\n", err.message);
                return 1;
            }
            t[k][r] = now() - t0;
        }
    }
    double best[3], med[3];
    for (int k = 0; k < 3; k++) {
        best[k] = t[k][0];
        for (int r = 1; r < runs; r++)
            if (t[k][r] < best[k])
                best[k] = t[k][r];
        med[k] = median(t[k], runs);
    }
    static const char *const what[3] = {"(a) zhibiao, fonts subset", "(b) libharu's loader, whole font files",
                                        "(c) (a) without the flattened cmaps"};
    printf("plan: %s, %d pages, %d runs\n", data, info[0].pages, runs);
    printf("%-44s %10s %10s %12s\n", "", "best ms", "median ms", "bytes");
    for (int k = 0; k < 3; k++)
        printf("%-44s %10.1f %10.1f %12zu\n", what[k], best[k] * 1e3, med[k] * 1e3, info[k].bytes);
    double size_ratio = info[0].bytes ? (double)info[1].bytes / (double)info[0].bytes : 0;
    printf("size b/a: %.1f (goal >= 4)   time a/b: %.2f, c/a: %.2f (medians)\n", size_ratio,
           med[1] > 0 ? med[0] / med[1] : 0, med[0] > 0 ? med[2] / med[0] : 0);
    for (int i = 0; i < ZB_FONT_ROLE_COUNT; i++)
        printf("  %s\n", zb_fontset_describe(fonts, (zb_font_role)i));
    int same = same_file(path[0], path[2]);
    printf("goal: notice of %d pages, bytes with the flattened cmaps / without  %s  (unchanged)  %s\n",
           info[0].pages, same > 0 ? "same" : same == 0 ? "differ" : "unreadable", same > 0 ? "met" : "NOT MET");

    for (int k = 0; k < 3; k++) {
        unlink(path[k]);
        free(t[k]);
    }
    rmdir(dir);
    zb_fontset_free(fonts);
    zb_plan_free(plan);
    return 0;
}
