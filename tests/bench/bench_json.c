/* zb_json_load_string and zb_json_dump on a 10,000-indicator plan (10 categories, one
 * month of actuals for each indicator), against jansson alone on the same text: (a) our
 * load, which validates, locates and builds the plan, vs (b) json_loadb + json_decref; and
 * (c) our dump vs (d) json_dumps of the parsed tree, alternating which goes first; (b') is
 * (b) with the tree freed, as (a) frees it, for information. The loader must stay linear:
 * well under a second for this plan. Goal: a/b at most 1.5.
 * Usage: bench_json [RUNS] [INDICATORS]   (default 5 alternating runs, 10000 indicators) */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/internal.h"
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

static void make_plan(zb_buf *b, int count)
{
    static const char *const names[] = {"新增“小升规”企业(家)", "规上工业增加值增速(%)", "完成技术改造投资(亿元)",
                                        "高新技术产业增加值占规上工业增加值比重(%)", "单位工业增加值能耗"};
    static const char *const targets[] = {"62", "\"6.5左右\"", "15", "\"74.5以上\"", "\"下降3%\""};
    zb_buf_adds(b, "{\n  \"format\": \"zhibiao/1\",\n  \"title\": \"基准测试\",\n  \"year\": 2024,\n  \"categories\": [\n");
    int per = count / 10 ? count / 10 : 1, seq = 0;
    for (int c = 0; seq < count; c++) {
        zb_buf_addf(b, "%s    {\n      \"name\": \"类别%d\",\n      \"indicators\": [\n", c ? ",\n" : "", c + 1);
        for (int i = 0; i < per && seq < count; i++, seq++)
            zb_buf_addf(b,
                        "%s        {\n          \"seq\": %d,\n          \"name\": \"%s%d\",\n          \"target\": %s,\n"
                        "          \"responsible\": [\"县经信局\", \"县发改局\"]\n        }",
                        i ? ",\n" : "", seq + 1, names[seq % 5], seq, targets[seq % 5]);
        zb_buf_adds(b, "\n      ]\n    }");
    }
    zb_buf_adds(b, "\n  ],\n  \"actuals\": [\n");
    for (int i = 0; i < count; i++)
        zb_buf_addf(b, "%s    {\"seq\": %d, \"period\": \"2024-06\", \"value\": %d.5}", i ? ",\n" : "", i + 1, i % 100);
    zb_buf_adds(b, "\n  ]\n}\n");
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    int count = argc > 2 ? atoi(argv[2]) : 10000;
    if (runs < 1 || runs > 1000 || count < 1) {
        fprintf(stderr, "usage: bench_json [RUNS] [INDICATORS]\n");
        return 2;
    }
    zb_buf b = {0};
    make_plan(&b, count);
    if (b.failed)
        return 1;
    double *t = calloc((size_t)runs * 4, sizeof *t);
    if (!t)
        return 1;
    size_t out_len = 0;
    double *tf = calloc((size_t)runs, sizeof *tf);
    if (!tf)
        return 1;
    /* Alternate which goes first, so that neither always inherits the other's heap. */
    for (int r = 0; r < runs; r++) {
        for (int k = 0; k < 2; k++) {
            if ((r + k) % 2 == 0) {
                zb_plan *plan = zb_plan_new();
                double t0 = now();
                if (!plan || zb_json_load_string(plan, b.data, b.len, "bench.json") != ZB_OK) {
                    fprintf(stderr, "%s\n", zb_errmsg(plan));
                    return 1;
                }
                double t1 = now();
                char *out;
                if (zb_json_dump(plan, &out, &out_len, NULL) != ZB_OK)
                    return 1;
                double t2 = now();
                zb_free(out);
                zb_plan_free(plan);
                t[r] = t1 - t0;
                t[2 * runs + r] = t2 - t1;
            } else {
                json_error_t err;
                double t3 = now();
                json_t *root = json_loadb(b.data, b.len, JSON_REJECT_DUPLICATES | JSON_DECODE_INT_AS_REAL, &err);
                if (!root)
                    return 1;
                double t4 = now();
                char *jout = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
                double t5 = now();
                free(jout);
                double t6 = now();
                json_decref(root);
                double t7 = now();
                t[runs + r] = t4 - t3;
                t[3 * runs + r] = t5 - t4;
                tf[r] = (t4 - t3) + (t7 - t6);
            }
        }
    }
    double la = median(t, runs), lb = median(t + runs, runs), da = median(t + 2 * runs, runs),
           db = median(t + 3 * runs, runs);
    printf("plan: %d indicators, %zu bytes in, %zu bytes out; medians of %d runs\n", count, b.len, out_len, runs);
    double lf = median(tf, runs);
    printf("load: (a) zb_json_load_string %.1f ms, (b) json_loadb %.1f ms, a/b %.2f\n", la * 1e3, lb * 1e3, la / lb);
    printf("      (b') json_loadb + json_decref %.1f ms (jansson's tree freed, as (a) frees it), a/b' %.2f\n",
           lf * 1e3, la / lf);
    printf("dump: (c) zb_json_dump %.1f ms, (d) json_dumps %.1f ms, c/d %.2f\n", da * 1e3, db * 1e3, da / db);
    printf("goal: JSON load of %d indicators / jansson's parse  %.2f  (<= 1.5)  %s\n", count, la / lb,
           la / lb <= 1.5 ? "met" : "NOT MET");
    free(t);
    free(tf);
    zb_buf_free(&b);
    return 0;
}
