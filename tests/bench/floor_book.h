/* The floor of the target table, shared by floor_table.c (the whole program) and
 * bench_target_table.c (the same writer in process): the workbook that `zhibiao table
 * IN.csv -o OUT --label 附件2` writes, with libxlsxwriter directly and nothing else. The same
 * cells, one format per look (five), the label, merged title, header row, category merges,
 * a height for every row (characters over characters per line: no line-breaking rules),
 * print setup (A4 portrait, GB/T 9704 margins, one page wide, repeated header row, footer,
 * frozen panes, centred) and document properties; fixed column widths (zhibiao sizes its
 * columns to the texts). It does not check the text, the numbering or the groups, nor keep
 * groups off page breaks: what it leaves out is what zhibiao adds.
 *
 * With constant_memory it writes the same cells in libxlsxwriter's constant_memory mode:
 * rows strictly in order, strings inline instead of in the shared-string table, and each
 * category merge declared at the last row of its group, after the category's cell and the
 * group's formatted blanks are written. */
#ifndef ZB_FLOOR_BOOK_H
#define ZB_FLOOR_BOOK_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

/* One row as the CSV has it: the 类别 on the first row of its group, "" below it. */
typedef struct floor_row {
    const char *seq, *category, *name, *target, *units;
} floor_row;

static size_t floor_utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Lines of 12 pt text in a column `width` characters wide, the simple way. */
static int floor_lines(const char *s, double width)
{
    double per_line = floor(((width * 7 + 5) - 6) * 0.75 / 12.0); /* full-width characters */
    int n = (int)ceil((double)floor_utf8_chars(s) / per_line);
    return n < 1 ? 1 : n;
}

static double floor_height(int lines)
{
    return ceil((lines * 12 * 1.3 + 6) / 0.75) * 0.75;
}

/* A number that General shows as written: digits, at most one point, no trailing zero. */
static int floor_number(const char *s, double *v)
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

static lxw_format *floor_format(lxw_workbook *wb, const char *font, double size, uint8_t align, int cell)
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

static int floor_write(const floor_row *rows, size_t count, const char *path, int constant_memory)
{
    static const double widths[] = {6, 14, 36, 14, 18};
    lxw_workbook_options opt = {0};
    opt.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    if (!wb)
        return -1;
    lxw_worksheet *ws = workbook_add_worksheet(wb, "目标体系表");
    lxw_format *label = floor_format(wb, "黑体", 16, LXW_ALIGN_LEFT, 0);
    lxw_format *title = floor_format(wb, "方正小标宋简体", 22, LXW_ALIGN_CENTER, 0);
    format_set_text_wrap(title);
    lxw_format *header = floor_format(wb, "黑体", 12, LXW_ALIGN_CENTER, 1);
    lxw_format *center = floor_format(wb, "仿宋_GB2312", 12, LXW_ALIGN_CENTER, 1);
    lxw_format *left = floor_format(wb, "仿宋_GB2312", 12, LXW_ALIGN_LEFT, 1);
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
    for (size_t i = 0; i < count;) {
        size_t end = i + 1;
        while (end < count && !rows[end].category[0])
            end++;
        const char *cat = rows[i].category;
        int merged = end - i > 1;
        double above = 0;
        for (size_t j = i; j < end; j++) {
            const floor_row *f = &rows[j];
            lxw_row_t rr = r0 + (lxw_row_t)(j - i);
            double v;
            worksheet_write_number(ws, rr, 0, strtod(f->seq, NULL), center);
            if (!merged || constant_memory) {
                if (j == i)
                    worksheet_write_string(ws, rr, 1, cat, center);
                else
                    worksheet_write_blank(ws, rr, 1, center);
            }
            worksheet_write_string(ws, rr, 2, f->name, left);
            if (floor_number(f->target, &v))
                worksheet_write_number(ws, rr, 3, v, center);
            else
                worksheet_write_string(ws, rr, 3, f->target, center);
            worksheet_write_string(ws, rr, 4, f->units, center);
            int lines = floor_lines(f->name, widths[2]);
            int l = floor_lines(f->target, widths[3]);
            lines = l > lines ? l : lines;
            l = floor_lines(f->units, widths[4]);
            lines = l > lines ? l : lines;
            if (!merged) {
                l = floor_lines(cat, widths[1]);
                lines = l > lines ? l : lines;
            }
            double h = floor_height(lines);
            if (j + 1 == end && merged) {
                double need = floor_height(floor_lines(cat, widths[1]));
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
    /* GB/T 9704 margins, as zhibiao sets them: 28, 26, 37 and 35 mm, the footer 23 mm up. */
    worksheet_set_margins(ws, 28 / 25.4, 26 / 25.4, 37 / 25.4, 35 / 25.4);
    worksheet_center_horizontally(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    lxw_header_footer_options fo = {0};
    fo.margin = 23 / 25.4;
    worksheet_set_footer_opt(ws, "&C— &P —", &fo);
    worksheet_repeat_rows(ws, 2, 2);
    worksheet_freeze_panes(ws, 3, 0);
    lxw_doc_properties props = {0};
    props.title = "2024年目标体系表";
    props.created = 1704067200; /* 2024-01-01, as zhibiao dates a plan without a date */
    workbook_set_properties(wb, &props);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

#endif /* ZB_FLOOR_BOOK_H */
