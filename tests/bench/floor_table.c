/* The floor of the target table: a plain C program that reads the indicator CSV that
 * gen_plan writes (序号,类别,指标名称,目标值,责任单位; the 类别 on the first row of its
 * group) with libcsv and writes the workbook that `zhibiao table IN.csv -o OUT --label 附件2`
 * writes, with libxlsxwriter directly and nothing else: the same cells, one format per look
 * (five), the same column widths, label, merged title, header row, category merges, a height
 * for every row (characters over characters per line: no line-breaking rules), print setup
 * (A4 portrait, margins, one page wide, repeated header row, footer, frozen panes, centred)
 * and document properties. It does not check the text, the numbering or the groups, nor keep
 * groups off page breaks: what it leaves out is what zhibiao adds.
 *
 * With --constant-memory it writes the same cells in libxlsxwriter's constant_memory mode:
 * rows strictly in order, strings inline instead of in the shared-string table, and each
 * category merge declared at the last row of its group, after the category's cell and the
 * group's formatted blanks are written.
 *
 * Usage: floor_table IN.csv OUT.xlsx [--constant-memory] */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <xlsxwriter.h>

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

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Lines of 12 pt text in a column `width` characters wide, the simple way. */
static int simple_lines(const char *s, double width)
{
    double per_line = floor(((width * 7 + 5) - 6) * 0.75 / 12.0); /* full-width characters */
    int n = (int)ceil((double)utf8_chars(s) / per_line);
    return n < 1 ? 1 : n;
}

static double simple_height(int lines)
{
    return ceil((lines * 12 * 1.3 + 6) / 0.75) * 0.75;
}

/* A number that General shows as written: digits, at most one point, no trailing zero. */
static int plain_number(const char *s, double *v)
{
    const char *p = s;
    int dot = 0, digits = 0;
    if (*p == '-')
        p++;
    for (; *p; p++) {
        if (*p == '.' && !dot)
            dot = 1;
        else if (*p >= '0' && *p <= '9')
            digits++;
        else
            return 0;
    }
    if (!digits || strlen(s) > 11 || (dot && p[-1] == '0') || p[-1] == '.')
        return 0;
    *v = strtod(s, NULL);
    return 1;
}

static lxw_format *fmt(lxw_workbook *wb, const char *font, double size, uint8_t align, int cell)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, font);
    format_set_font_size(f, size);
    format_set_font_family(f, 3);
    format_set_font_charset(f, 134);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_align(f, align);
    if (cell) {
        format_set_text_wrap(f);
        format_set_border(f, LXW_BORDER_THIN);
    }
    return f;
}

static int write_book(const reader *r, const char *path, int constant_memory)
{
    static const double widths[] = {6, 14, 36, 14, 18};
    lxw_workbook_options opt = {0};
    opt.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    if (!wb)
        return -1;
    lxw_worksheet *ws = workbook_add_worksheet(wb, "目标体系表");
    lxw_format *label = fmt(wb, "黑体", 16, LXW_ALIGN_LEFT, 0);
    lxw_format *title = fmt(wb, "方正小标宋简体", 22, LXW_ALIGN_CENTER, 0);
    format_set_text_wrap(title);
    lxw_format *header = fmt(wb, "黑体", 12, LXW_ALIGN_CENTER, 1);
    lxw_format *center = fmt(wb, "仿宋_GB2312", 12, LXW_ALIGN_CENTER, 1);
    lxw_format *left = fmt(wb, "仿宋_GB2312", 12, LXW_ALIGN_LEFT, 1);
    for (lxw_col_t c = 0; c < 5; c++)
        worksheet_set_column(ws, c, c, widths[c], NULL);
    worksheet_write_string(ws, 0, 0, "附件2", label);
    worksheet_set_row(ws, 0, 27, NULL);
    worksheet_merge_range(ws, 1, 0, 1, 4, "2024年目标体系表", title);
    worksheet_set_row(ws, 1, 46.25, NULL);
    const char *heads[] = {"序号", "类别", "指标名称", "2024年目标值", "责任单位"};
    for (lxw_col_t c = 0; c < 5; c++)
        worksheet_write_string(ws, 2, c, heads[c], header);
    worksheet_set_row(ws, 2, 21.75, NULL);

    lxw_row_t r0 = 3;
    for (size_t i = 0; i < r->count;) {
        size_t end = i + 1;
        while (end < r->count && !r->rows[end].f[F_CATEGORY][0])
            end++;
        const char *cat = r->rows[i].f[F_CATEGORY];
        int merged = end - i > 1;
        double above = 0;
        for (size_t j = i; j < end; j++) {
            char *const *f = r->rows[j].f;
            lxw_row_t rr = r0 + (lxw_row_t)(j - i);
            double v;
            worksheet_write_number(ws, rr, 0, strtod(f[F_SEQ], NULL), center);
            if (!merged || constant_memory) {
                if (j == i)
                    worksheet_write_string(ws, rr, 1, cat, center);
                else
                    worksheet_write_blank(ws, rr, 1, center);
            }
            worksheet_write_string(ws, rr, 2, f[F_NAME], left);
            if (plain_number(f[F_TARGET], &v))
                worksheet_write_number(ws, rr, 3, v, center);
            else
                worksheet_write_string(ws, rr, 3, f[F_TARGET], center);
            worksheet_write_string(ws, rr, 4, f[F_UNITS], center);
            int lines = simple_lines(f[F_NAME], widths[2]);
            int l = simple_lines(f[F_TARGET], widths[3]);
            lines = l > lines ? l : lines;
            l = simple_lines(f[F_UNITS], widths[4]);
            lines = l > lines ? l : lines;
            if (!merged) {
                l = simple_lines(cat, widths[1]);
                lines = l > lines ? l : lines;
            }
            double h = simple_height(lines);
            if (j + 1 == end && merged) {
                double need = simple_height(simple_lines(cat, widths[1]));
                if (above + h < need)
                    h = need - above;
            }
            above += h;
            worksheet_set_row(ws, rr, h, NULL);
        }
        /* In constant_memory mode the rows above are written out already: the merge only
         * declares the range; the cells are the ones written above. */
        if (merged)
            worksheet_merge_range(ws, r0, 1, r0 + (lxw_row_t)(end - i - 1), 1, cat, center);
        r0 += (lxw_row_t)(end - i);
        i = end;
    }
    worksheet_set_paper(ws, 9);
    worksheet_set_portrait(ws);
    worksheet_set_margins(ws, 0.75, 0.75, 1.0, 1.0);
    worksheet_center_horizontally(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_footer(ws, "&C— &P —");
    worksheet_repeat_rows(ws, 2, 2);
    worksheet_freeze_panes(ws, 3, 0);
    lxw_doc_properties props = {0};
    props.title = "2024年目标体系表";
    props.created = 1704067200; /* 2024-01-01, as zhibiao dates a plan without a date */
    workbook_set_properties(wb, &props);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
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
    int rc = write_book(&r, argv[2], argc == 4) == 0 ? 0 : 1;
    for (size_t i = 0; i < r.count; i++)
        for (int k = 0; k < NFIELDS; k++)
            free(r.rows[i].f[k]);
    free(r.rows);
    return rc;
}
