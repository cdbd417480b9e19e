/* The floor of the target table as a whole program: reads the indicator CSV that gen_plan
 * writes (序号,类别,指标名称,目标值,责任单位; the 类别 on the first row of its group) with
 * libcsv and writes the workbook of floor_book.h (what `zhibiao table IN.csv -o OUT --label
 * 附件2` writes, with libxlsxwriter directly and nothing else).
 *
 * Usage: floor_table IN.csv OUT.xlsx [--constant-memory] */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "floor_book.h"

enum { F_SEQ, F_CATEGORY, F_NAME, F_TARGET, F_UNITS, NFIELDS };

typedef struct row {
    char *f[NFIELDS];
} row;

typedef struct reader {
    row *rows;
    size_t count, cap;
    row cur;
    int field;
    int header_done;
} reader;

static void on_field(void *data, size_t len, void *ctx)
{
    reader *r = ctx;
    if (r->field < NFIELDS) {
        char *s = malloc(len + 1);
        if (!s)
            exit(1);
        memcpy(s, data ? data : "", len);
        s[len] = '\0';
        r->cur.f[r->field] = s;
    }
    r->field++;
}

static void on_row(int c, void *ctx)
{
    (void)c;
    reader *r = ctx;
    if (!r->header_done) {
        for (int i = 0; i < NFIELDS; i++)
            free(r->cur.f[i]);
        r->header_done = 1;
    } else {
        if (r->count == r->cap) {
            r->cap = r->cap ? 2 * r->cap : 1024;
            r->rows = realloc(r->rows, r->cap * sizeof *r->rows);
            if (!r->rows)
                exit(1);
        }
        for (int i = 0; i < NFIELDS; i++)
            if (!r->cur.f[i])
                r->cur.f[i] = calloc(1, 1);
        r->rows[r->count++] = r->cur;
    }
    memset(&r->cur, 0, sizeof r->cur);
    r->field = 0;
}

static int read_csv(const char *path, reader *r)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    struct csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        csv_parse(&p, buf, n, on_field, on_row, r);
    csv_fini(&p, on_field, on_row, r);
    csv_free(&p);
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "--constant-memory") != 0)) {
        fprintf(stderr, "usage: floor_table IN.csv OUT.xlsx [--constant-memory]\n");
        return 2;
    }
    reader r;
    memset(&r, 0, sizeof r);
    if (read_csv(argv[1], &r) != 0)
        return 1;
    floor_row *rows = calloc(r.count ? r.count : 1, sizeof *rows);
    if (!rows)
        return 1;
    for (size_t i = 0; i < r.count; i++) {
        char *const *f = r.rows[i].f;
        rows[i] = (floor_row){f[F_SEQ], f[F_CATEGORY], f[F_NAME], f[F_TARGET], f[F_UNITS]};
    }
    int rc = floor_write(rows, r.count, argv[2], argc == 4) == 0 ? 0 : 1;
    free(rows);
    for (size_t i = 0; i < r.count; i++)
        for (int k = 0; k < NFIELDS; k++)
            free(r.rows[i].f[k]);
    free(r.rows);
    return rc;
}
