/* Writes the inputs of the whole-process benchmarks (scripts/bench):
 *
 *   gen_plan table N OUT.csv      the synthetic table of bench_data.h with N indicators, as
 *                                 Excel saves a target table: 序号,类别,指标名称,2024年目标值,
 *                                 责任单位, the 类别 only on the first row of its group;
 *   gen_plan notice N PLAN OUT    PLAN (a zhibiao/1 JSON plan) with its categories repeated
 *                                 (numbered on: 类别（续1）...) until it holds N indicators,
 *                                 so that the notice's target table, and with it the notice,
 *                                 grows: the 41 indicators of tonglu-2024.json take 9 pages,
 *                                 60 take 10 and 760 take 50. */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_data.h"

static int write_table(size_t n, const char *path)
{
    bench_table t;
    if (bench_table_make(&t, n) != 0)
        return 1;
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return 1;
    }
    fputs("序号,类别,指标名称,2024年目标值,责任单位\n", f);
    size_t prev = (size_t)-1;
    for (size_t i = 0; i < t.count; i++) {
        const bench_row *r = &t.rows[i];
        /* No field holds a comma, a quote or a line break: none needs quoting. */
        fprintf(f, "%d,%s,%s,%s,%s\n", r->seq, r->category != prev ? t.cats[r->category] : "",
                r->name, r->target, r->units);
        prev = r->category;
    }
    bench_table_free(&t);
    return fclose(f) == 0 ? 0 : 1;
}

static int write_notice(int count, const char *in, const char *out)
{
    json_error_t e;
    json_t *plan = json_load_file(in, 0, &e);
    if (!plan) {
        fprintf(stderr, "%s:%d: %s\n", in, e.line, e.text);
        return 1;
    }
    json_t *cats = json_object_get(plan, "categories");
    json_t *all = json_array();
    if (count < 1 || !json_is_array(cats)) {
        fprintf(stderr, "gen_plan: at least one indicator from a plan with categories\n");
        return 1;
    }
    /* Copies of the categories, in order, until the plan holds `count` indicators. */
    int seq = 0;
    for (int k = 0; seq < count; k++) {
        size_t i;
        json_t *cat;
        json_array_foreach(cats, i, cat) {
            if (seq >= count)
                break;
            json_t *c = json_deep_copy(cat);
            char name[256];
            if (k)
                snprintf(name, sizeof name, "%s（续%d）", json_string_value(json_object_get(c, "name")), k);
            else
                snprintf(name, sizeof name, "%s", json_string_value(json_object_get(c, "name")));
            json_object_set_new(c, "name", json_string(name));
            json_t *inds = json_object_get(c, "indicators");
            while (json_array_size(inds) > (size_t)(count - seq))
                json_array_remove(inds, json_array_size(inds) - 1);
            size_t j;
            json_t *ind;
            json_array_foreach(inds, j, ind)
                json_object_set_new(ind, "seq", json_integer(++seq));
            json_array_append_new(all, c);
        }
    }
    json_object_set_new(plan, "categories", all);
    /* Tasks and actuals name indicators by seq; the copies keep the first copy's numbers. */
    int rc = json_dump_file(plan, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0 ? 0 : 1;
    json_decref(plan);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "table") == 0)
        return write_table((size_t)strtoul(argv[2], NULL, 10), argv[3]);
    if (argc == 5 && strcmp(argv[1], "notice") == 0)
        return write_notice(atoi(argv[2]), argv[3], argv[4]);
    fprintf(stderr, "usage: gen_plan table N OUT.csv | gen_plan notice N PLAN.json OUT.json\n");
    return 2;
}
