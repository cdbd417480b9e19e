/* Workbooks in parallel: 40 target tables of a 2,000-indicator plan (the table of
 * bench_data.h) written by one thread, then by two threads taking tables from a shared
 * counter, alternating which goes first. The plan is shared: a plan may be read by several
 * threads at once. Prints the median times and the speed-up of two threads over one.
 * Goal: at least 1.8 on two cores.
 * Usage: bench_parallel [RUNS] [INDICATORS] */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench_data.h"
#include "zhibiao.h"

#define TABLES 40

typedef struct job {
    const zb_plan *plan;
    const char *dir;
    atomic_int next;
    atomic_int failed;
} job;

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

static void *worker(void *arg)
{
    job *j = arg;
    zb_table_options opt;
    memset(&opt, 0, sizeof opt);
    opt.label = "附件2";
    for (int k; (k = atomic_fetch_add(&j->next, 1)) < TABLES;) {
        char path[600];
        snprintf(path, sizeof path, "%s/table-%02d.xlsx", j->dir, k);
        zb_error err;
        if (zb_xlsx_write_target_table(j->plan, path, &opt, &err) != ZB_OK) {
            fprintf(stderr, "bench_parallel: %s\n", err.message);
            atomic_store(&j->failed, 1);
        }
    }
    return NULL;
}

/* CPU time spent by the whole machine (every program, in seconds, from /proc/stat) and by
 * this process: what others took while the runs went is their difference. -1 when
 * /proc/stat cannot be read. */
static double machine_busy(void)
{
    FILE *f = fopen("/proc/stat", "r");
    if (!f)
        return -1;
    unsigned long long v[8] = {0};
    int n = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5],
                   &v[6], &v[7]);
    fclose(f);
    long hz = sysconf(_SC_CLK_TCK);
    if (n < 4 || hz <= 0)
        return -1;
    /* user nice system idle iowait irq softirq steal: all but idle and iowait is work. */
    unsigned long long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
    return (double)busy / (double)hz;
}

static double own_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Seconds to write the 40 tables with `threads` threads. */
static double run(const zb_plan *plan, const char *dir, int threads)
{
    job j;
    j.plan = plan;
    j.dir = dir;
    atomic_init(&j.next, 0);
    atomic_init(&j.failed, 0);
    pthread_t t[2];
    double t0 = now();
    for (int i = 1; i < threads; i++)
        if (pthread_create(&t[i], NULL, worker, &j) != 0)
            return -1;
    worker(&j);
    for (int i = 1; i < threads; i++)
        pthread_join(t[i], NULL);
    double t1 = now();
    return atomic_load(&j.failed) ? -1 : t1 - t0;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    int count = argc > 2 ? atoi(argv[2]) : 2000;
    if (runs < 1 || runs > 1000 || count < 1) {
        fprintf(stderr, "usage: bench_parallel [RUNS] [INDICATORS]\n");
        return 2;
    }
    bench_table data;
    if (bench_table_make(&data, (size_t)count) != 0)
        return 1;
    zb_plan *plan = zb_plan_new();
    if (!plan || zb_plan_set_years(plan, 2024, 2024))
        return 1;
    for (size_t i = 0; i < data.count; i++) {
        zb_indicator_def d;
        memset(&d, 0, sizeof d);
        d.seq = data.rows[i].seq;
        d.category = data.cats[data.rows[i].category];
        d.name = data.rows[i].name;
        d.target = data.rows[i].target;
        d.responsible = data.rows[i].units;
        if (zb_plan_add_indicator(plan, &d, NULL) != ZB_OK) {
            fprintf(stderr, "bench_parallel: %s\n", zb_errmsg(plan));
            return 1;
        }
    }
    const char *tmp = getenv("TMPDIR");
    char dir[512];
    snprintf(dir, sizeof dir, "%s/zb-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("bench_parallel: mkdtemp");
        return 1;
    }
    double *one = calloc((size_t)runs, sizeof *one), *two = calloc((size_t)runs, sizeof *two);
    if (!one || !two)
        return 1;
    int rc = 0;
    double busy0 = machine_busy(), own0 = own_cpu(), wall0 = now();
    for (int r = 0; r < runs && !rc; r++) {
        for (int k = 0; k < 2 && !rc; k++) {
            int threads = (r + k) % 2 ? 2 : 1;
            double s = run(plan, dir, threads);
            if (s < 0)
                rc = 1;
            (threads == 1 ? one : two)[r] = s;
        }
    }
    double busy1 = machine_busy(), own1 = own_cpu(), wall1 = now();
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    /* The share of the cores other programs took meanwhile: two threads cannot be twice as
     * fast on a core someone else is using. */
    double others = busy0 >= 0 && busy1 >= 0 && cores > 0 && wall1 > wall0
                        ? ((busy1 - busy0) - (own1 - own0)) / ((wall1 - wall0) * (double)cores)
                        : -1;
    if (others < 0 && busy0 >= 0)
        others = 0; /* clock ticks are coarser than the process clock */
    if (!rc) {
        double m1 = median(one, runs), m2 = median(two, runs);
        printf("parallel: %d target tables of %d indicators, %d alternating runs, %ld cores\n", TABLES,
               count, runs, sysconf(_SC_NPROCESSORS_ONLN));
        printf("  (a) one thread    median %8.1f ms\n", m1 * 1e3);
        printf("  (b) two threads   median %8.1f ms\n", m2 * 1e3);
        printf("  speed-up a/b      median %8.2f     goal >= 1.8\n", m1 / m2);
        char load[64] = "";
        if (others >= 0) {
            printf("  other programs took %.0f %% of the %ld cores meanwhile\n", 100 * others, cores);
            snprintf(load, sizeof load, ", others took %.0f %% of the cores", 100 * others);
        }
        printf("goal: 40 target tables, two threads / one thread (speed-up%s)  %.2f  (>= 1.8)  %s\n", load, m1 / m2,
               m1 / m2 >= 1.8 ? "met" : "NOT MET");
    }
    for (int k = 0; k < TABLES; k++) {
        char path[600];
        snprintf(path, sizeof path, "%s/table-%02d.xlsx", dir, k);
        unlink(path);
    }
    rmdir(dir);
    free(one);
    free(two);
    zb_plan_free(plan);
    bench_table_free(&data);
    return rc;
}
