/* How long zb_json_load and zb_json_dump take on a 10,000-indicator plan (with a month of
 * actuals for each): the loader must stay linear, well under a second.
 * Usage: bench_json [indicators] [runs] */
#define _POSIX_C_SOURCE 200809L
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

int main(int argc, char **argv)
{
    int count = argc > 1 ? atoi(argv[1]) : 10000;
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (count < 1 || runs < 1)
        return 2;
    static const char *const names[] = {"新增“小升规”企业(家)", "规上工业增加值增速(%)", "完成技术改造投资(亿元)",
                                        "高新技术产业增加值占规上工业增加值比重(%)", "单位工业增加值能耗"};
    static const char *const targets[] = {"62", "\"6.5左右\"", "15", "\"74.5以上\"", "\"下降3%\""};
    zb_buf b = {0};
    zb_buf_adds(&b, "{\n  \"format\": \"zhibiao/1\",\n  \"title\": \"基准测试\",\n  \"year\": 2024,\n  \"categories\": [\n");
    int per = count / 10 ? count / 10 : 1, seq = 0;
    for (int c = 0; seq < count; c++) {
        zb_buf_addf(&b, "%s    {\n      \"name\": \"类别%d\",\n      \"indicators\": [\n", c ? ",\n" : "", c + 1);
        for (int i = 0; i < per && seq < count; i++, seq++)
            zb_buf_addf(&b,
                        "%s        {\n          \"seq\": %d,\n          \"name\": \"%s%d\",\n          \"target\": %s,\n"
                        "          \"responsible\": [\"县经信局\", \"县发改局\"]\n        }",
                        i ? ",\n" : "", seq + 1, names[seq % 5], seq, targets[seq % 5]);
        zb_buf_adds(&b, "\n      ]\n    }");
    }
    zb_buf_adds(&b, "\n  ],\n  \"actuals\": [\n");
    for (int i = 0; i < count; i++)
        zb_buf_addf(&b, "%s    {\"seq\": %d, \"period\": \"2024-06\", \"value\": %d.5}", i ? ",\n" : "", i + 1, i % 100);
    zb_buf_adds(&b, "\n  ]\n}\n");
    if (b.failed)
        return 1;

    double best_load = 1e9, best_dump = 1e9;
    for (int r = 0; r < runs; r++) {
        zb_plan *plan = zb_plan_new();
        double t0 = now();
        if (zb_json_load_string(plan, b.data, b.len, "bench.json") != ZB_OK) {
            fprintf(stderr, "%s\n", zb_errmsg(plan));
            return 1;
        }
        double t1 = now();
        char *out;
        size_t len;
        if (zb_json_dump(plan, &out, &len, NULL) != ZB_OK)
            return 1;
        double t2 = now();
        zb_free(out);
        zb_plan_free(plan);
        if (t1 - t0 < best_load)
            best_load = t1 - t0;
        if (t2 - t1 < best_dump)
            best_dump = t2 - t1;
    }
    printf("json: %d indicators, %zu bytes: load %.1f ms, dump %.1f ms (best of %d)\n", count, b.len,
           best_load * 1e3, best_dump * 1e3, runs);
    zb_buf_free(&b);
    return 0;
}
