/* Tables in published text, and the other things an attachment holds.
 *
 * A table arrives in one of three layouts: one cell per line (a web page's HTML table
 * flattened), rows of cells separated by tabs (a table pasted from a browser, Word or
 * Excel), or rows aligned with runs of spaces (a PDF's layout text). Its header names the
 * columns in the words the CSV reader of indicator tables knows (序号, 类别, 指标名称, 计量单位,
 * 属性, 基期值/YYYY年基数, YYYY年目标值 …, 责任单位, 备注), or those of a task breakdown
 * (序号, 重点任务, 具体举措, 牵头单位, 配合单位, 完成时限).
 *
 * One cell per line, rows are anchored on their sequence numbers 1, 2, 3…; a row may lack
 * the cells merged over the rows of a group (类别, 重点任务, a shared 牵头单位) and may have
 * more lines than cells where a long name was broken over lines: the reading whose cells
 * fit their columns best (a unit where the unit goes, a number or a phrase such as 完成市下达
 * 任务 where a target goes, names of organs where the units go) is taken. An indicator table
 * is then read by the CSV reader's own code (zb_csv_load_rows), a task breakdown into tasks
 * and their responsibility items. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv/csv_internal.h"
#include "import/import_internal.h"

enum tcol {
    T_EMPTY = 0,
    T_SEQ,
    T_CATEGORY,
    T_NAME,
    T_UNIT,
    T_TARGET,
    T_BASE,
    T_ATTRIBUTE,
    T_KIND,
    T_DIRECTION,
    T_WEIGHT,
    T_RESP,
    T_NOTE,
    T_YEAR,
    T_TASK,     /* 重点任务 */
    T_MEASURE,  /* 具体举措 */
    T_LEAD,     /* 牵头单位 in a task breakdown */
    T_COOP,     /* 配合单位 */
    T_DEADLINE, /* 完成时限 */
    T_UNKNOWN
};

#define MAX_COLS 16

/* The words of a task breakdown's header. */
static int task_column(const char *key)
{
    static const struct {
        const char *text;
        int col;
    } words[] = {
        {"重点任务", T_TASK},   {"主要任务", T_TASK},     {"任务", T_TASK},       {"工作任务", T_TASK},
        {"重点工作", T_TASK},   {"任务名称", T_TASK},     {"工作事项", T_TASK},   {"事项", T_TASK},
        {"具体举措", T_MEASURE}, {"工作举措", T_MEASURE}, {"主要举措", T_MEASURE}, {"具体措施", T_MEASURE},
        {"工作措施", T_MEASURE}, {"主要内容", T_MEASURE}, {"具体内容", T_MEASURE}, {"工作内容", T_MEASURE},
        {"任务内容", T_MEASURE}, {"具体任务", T_MEASURE}, {"举措", T_MEASURE},     {"主要措施", T_MEASURE},
        {"配合单位", T_COOP},   {"配合部门", T_COOP},     {"协办单位", T_COOP},   {"参与单位", T_COOP},
        {"配合处室", T_COOP},   {"配合科室", T_COOP},     {"完成时限", T_DEADLINE}, {"完成时间", T_DEADLINE},
        {"时间节点", T_DEADLINE}, {"时限", T_DEADLINE},   {"时间要求", T_DEADLINE}, {"进度安排", T_DEADLINE},
        {"完成期限", T_DEADLINE}, {"时间安排", T_DEADLINE},
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(key, words[i].text) == 0)
            return words[i].col;
    return T_UNKNOWN;
}

/* A header cell: the CSV reader's vocabulary, else a task breakdown's. off: with
 * ZB_IMP_OFF_TABLES only the words the first importer knew. */
static int header_col(const char *cell, unsigned off, int *year)
{
    char *key = zb_csv_header_key(cell);
    if (!key)
        return T_UNKNOWN;
    int first = 0, last = 0, col = T_UNKNOWN;
    int k = zb_csv_header_kind(cell, &first, &last);
    static const int map[] = {[ZB_CSVH_EMPTY] = T_EMPTY,         [ZB_CSVH_SEQ] = T_SEQ,
                              [ZB_CSVH_CATEGORY] = T_CATEGORY,   [ZB_CSVH_NAME] = T_NAME,
                              [ZB_CSVH_UNIT] = T_UNIT,           [ZB_CSVH_TARGET] = T_TARGET,
                              [ZB_CSVH_BASE] = T_BASE,           [ZB_CSVH_ATTRIBUTE] = T_ATTRIBUTE,
                              [ZB_CSVH_KIND] = T_KIND,           [ZB_CSVH_DIRECTION] = T_DIRECTION,
                              [ZB_CSVH_WEIGHT] = T_WEIGHT,       [ZB_CSVH_RESPONSIBLE] = T_RESP,
                              [ZB_CSVH_NOTE] = T_NOTE,           [ZB_CSVH_YEAR] = T_YEAR};
    if (k >= 0 && k <= ZB_CSVH_YEAR)
        col = map[k];
    if (col == T_UNKNOWN)
        col = task_column(key);
    if (off & ZB_IMP_OFF_TABLES) {
        /* The first importer's words: 序号 类别 指标名称 (计量单位) 目标值 责任单位 备注. */
        if (col != T_SEQ && col != T_CATEGORY && col != T_NAME && col != T_UNIT && col != T_RESP && col != T_NOTE &&
            !(col == T_TARGET))
            col = T_UNKNOWN;
    }
    *year = last;
    free(key);
    return col;
}

/* ---- what a cell holds ------------------------------------------------------------------- */

static int has_digit(const char *s)
{
    for (; *s; s++)
        if (*s >= '0' && *s <= '9')
            return 1;
    return 0;
}

static int is_cjk_text(const char *s)
{
    size_t n;
    for (size_t i = 0; s[i]; i += n)
        if (zb_utf8_decode(s + i, &n) >= 0x4E00)
            return 1;
    return 0;
}

/* The line as a sequence number: its value when it is only ASCII digits (at most 6), else -1. */
static long seq_value(const char *s)
{
    long v = 0;
    size_t digits = 0;
    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || ++digits > 6)
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

static int unit_like(const char *s)
{
    static const char *const units[] = {"%", "％", "个", "家", "项", "亩", "人", "元", "万元", "亿元", "万千瓦", "千瓦",
                                        "吨", "万吨", "台", "套", "座", "条", "公里", "平方米", "万平方米", "个百分点",
                                        "百分点", "次", "件", "场", "户", "所", "名", "批", "处", "万人次", "人次",
                                        "万元/亩", "万元/人", "吨标准煤", "万吨标准煤", "吨标煤/万元", "辆", "株", "篇"};
    size_t chars = zb_utf8_length(s);
    if (!chars || chars > 8 || has_digit(s))
        return 0;
    for (size_t k = 0; k < sizeof units / sizeof *units; k++)
        if (strcmp(s, units[k]) == 0)
            return 2;
    return chars <= 4 && !strchr(s, ' ') ? 1 : 0;
}

static int units_like(const char *s)
{
    size_t len = strlen(s), start = 0, n, names = 0;
    int depth = 0;
    if (!len)
        return 0;
    for (size_t i = 0; i <= len; i += n) {
        uint32_t cp = i < len ? zb_utf8_decode(s + i, &n) : 0;
        if (i == len)
            n = 1;
        if (cp == 0xFF08 || cp == '(' || cp == 0x201C)
            depth++;
        else if ((cp == 0xFF09 || cp == ')' || cp == 0x201D) && depth > 0)
            depth--;
        if (i < len && (depth || !(cp == 0x3001 || cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';')))
            continue;
        if (i > start) {
            if (!zb_imp_looks_like_unit(s + start, i - start))
                return 0;
            names++;
        }
        start = i + n;
    }
    return names > 0;
}

/* How well a cell fits its column: 2 well, 1 plausibly, 0 no telling, -3 not at all. */
static int fit(int col, const char *s)
{
    if (!*s)
        return col == T_NOTE || col == T_BASE ? 0 : -1;
    switch (col) {
    case T_SEQ:
        return seq_value(s) >= 0 ? 2 : -3;
    case T_UNIT:
        return unit_like(s) ? unit_like(s) : -3;
    case T_TARGET:
    case T_BASE:
    case T_YEAR: {
        zb_target_class c = zb_classify_target(s, NULL, NULL, NULL);
        if (c == ZB_TARGET_NUMERIC)
            return 2;
        if (c == ZB_TARGET_QUALITATIVE || c == ZB_TARGET_NONE)
            return 1;
        return zb_utf8_length(s) > 12 ? -3 : -1;
    }
    case T_ATTRIBUTE:
        return strstr(s, "约束") || strstr(s, "预期") || !strcmp(s, "—") ? 2 : -3;
    case T_RESP:
    case T_LEAD:
    case T_COOP:
        return units_like(s) ? 2 : has_digit(s) ? -3 : -1;
    case T_NOTE:
        return units_like(s) ? -1 : 0;
    case T_DEADLINE:
        return strstr(s, "年") || strstr(s, "月") || strstr(s, "季度") || strstr(s, "持续") || strstr(s, "长期") ||
                       strstr(s, "前") || strstr(s, "每")
                   ? 2
                   : 0;
    case T_NAME:
    case T_MEASURE:
    case T_TASK:
    case T_CATEGORY:
        if (!is_cjk_text(s))
            return -3;
        if (unit_like(s) == 2 || units_like(s))
            return col == T_CATEGORY ? -1 : -2;
        /* 比重, 投资: the tail of a name broken over two lines, not a name. */
        if (col == T_NAME && zb_utf8_length(s) <= 3)
            return -2;
        return 1;
    default:
        return 0;
    }
}

/* Columns whose cell a row may lack (a cell merged over the rows of a group), and columns
 * whose text may run over several lines. */
static int mergeable(int col)
{
    return col == T_CATEGORY || col == T_TASK || col == T_LEAD || col == T_COOP || col == T_DEADLINE || col == T_RESP;
}

/* Columns whose cell may be empty; a web page's copy drops the empty line. */
static int optional(int col)
{
    return col == T_NOTE || col == T_BASE || col == T_ATTRIBUTE || col == T_WEIGHT || col == T_KIND ||
           col == T_DIRECTION || col == T_EMPTY;
}

static int wrappable(int col)
{
    return col == T_NAME || col == T_MEASURE || col == T_TASK || col == T_CATEGORY || col == T_NOTE || col == T_RESP ||
           col == T_LEAD || col == T_COOP;
}

/* ---- rows --------------------------------------------------------------------------------- */

typedef struct trow {
    char *cells[MAX_COLS]; /* malloc'd; NULL = merged from the row above */
    int line;
} trow;

typedef struct table {
    int cols[MAX_COLS];
    int years[MAX_COLS];
    char *heads[MAX_COLS];
    size_t ncols;
    size_t header_lines; /* lines the header takes */
    char **sub;          /* a second header row (the years under 目标值), or NULL */
    size_t nsub;
    int sub_line;
    trow *rows;
    size_t nrows, cap;
    int tasks; /* a task breakdown */
} table;

static void table_free(table *t)
{
    for (size_t k = 0; k < t->ncols; k++)
        free(t->heads[k]);
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t k = 0; k < t->ncols; k++)
            free(t->rows[r].cells[k]);
    for (size_t k = 0; k < t->nsub; k++)
        free(t->sub[k]);
    free(t->sub);
    free(t->rows);
    memset(t, 0, sizeof *t);
}

static trow *row_new(table *t, int line)
{
    if (zb_grow((void **)&t->rows, &t->cap, t->nrows + 1, sizeof *t->rows))
        return NULL;
    trow *r = &t->rows[t->nrows++];
    memset(r, 0, sizeof *r);
    r->line = line;
    return r;
}

/* Settles which columns a table has: a task breakdown when it has a task or measure column;
 * then 牵头单位 leads and 责任单位 cooperates, or leads when no column says 牵头. An indicator
 * table needs a name and a target; every header cell must be known. */
static int settle_columns(table *t)
{
    int has_task = 0, has_name = 0, has_target = 0, has_lead = 0, unknown = 0;
    for (size_t k = 0; k < t->ncols; k++) {
        int c = t->cols[k];
        has_task |= c == T_TASK || c == T_MEASURE;
        has_name |= c == T_NAME;
        has_target |= c == T_TARGET || c == T_YEAR || c == T_BASE;
        unknown |= c == T_UNKNOWN;
        if (c == T_RESP && strstr(t->heads[k], "牵头"))
            has_lead = 1;
    }
    if (unknown || t->ncols < 3)
        return 0;
    if (has_task && !has_name && !has_target) {
        t->tasks = 1;
        for (size_t k = 0; k < t->ncols; k++)
            if (t->cols[k] == T_RESP)
                t->cols[k] = strstr(t->heads[k], "牵头") || !has_lead ? T_LEAD : T_COOP;
        return 1;
    }
    return has_name && has_target && !has_task;
}

/* The best way to lay the lines of one row over the columns (the number excluded): a row
 * may lack merged cells and may have a name broken over lines. Returns the score (higher
 * is better; INT_MIN/2 when nothing fits) and the cells, pointing into lines; a column's
 * extra lines are joined later (wrap[k] lines after cell k). */
typedef struct layout {
    int present[MAX_COLS]; /* 0: merged from above */
    int wrap[MAX_COLS];    /* extra lines joined to this column's cell */
    int score;
} layout;

#define NO_FIT (-100000)

static int score_layout(const table *t, char *const *lines, size_t count, layout *L)
{
    size_t at = 0;
    int score = 0;
    for (size_t k = 1; k < t->ncols; k++) {
        if (!L->present[k]) {
            score -= 1; /* a merged cell, when the row could have had it */
            continue;
        }
        if (at >= count)
            return NO_FIT;
        int f = fit(t->cols[k], lines[at]);
        score += f;
        for (int w = 0; w < L->wrap[k]; w++) {
            if (at + 1 + (size_t)w >= count)
                return NO_FIT;
            const char *x = lines[at + 1 + (size_t)w];
            /* A broken name goes on in words (often a short tail), not in what the next
             * column holds. */
            score += seq_value(x) >= 0 || unit_like(x) == 2 || has_digit(x) ? -3 : zb_utf8_length(x) <= 4 ? 0 : -1;
        }
        at += 1 + (size_t)L->wrap[k];
    }
    return at == count ? score : NO_FIT;
}

/* Tries the layouts of count lines over the columns after the number: some mergeable or
 * optional cells left out, and the lines over what is left shared with wrappable columns. */
static int best_layout(const table *t, char *const *lines, size_t count, layout *best)
{
    size_t cells = t->ncols - 1;
    int best_score = NO_FIT;
    size_t idx[MAX_COLS], nm = 0, widx[MAX_COLS], nw = 0;
    for (size_t k = 1; k < t->ncols; k++) {
        if (mergeable(t->cols[k]) || optional(t->cols[k]))
            idx[nm++] = k;
        if (wrappable(t->cols[k]))
            widx[nw++] = k;
    }
    if (nm > 8)
        nm = 8;
    for (unsigned mask = 0; mask < (1u << nm); mask++) {
        size_t missing = (size_t)__builtin_popcount(mask);
        if (missing > 3 || missing > cells || count + missing < cells)
            continue;
        size_t extra = count + missing - cells;
        if (extra > 4 || (extra && !nw))
            continue;
        layout L;
        memset(&L, 0, sizeof L);
        for (size_t k = 0; k < t->ncols; k++)
            L.present[k] = 1;
        for (size_t b = 0; b < nm; b++)
            if (mask & (1u << b))
                L.present[idx[b]] = 0;
        /* Every way of sharing the extra lines among the wrappable columns present. */
        int counts[MAX_COLS] = {0};
        for (;;) {
            size_t sum = 0;
            for (size_t b = 0; b < nw; b++)
                sum += (size_t)counts[b];
            int ok = sum == extra;
            for (size_t b = 0; ok && b < nw; b++)
                ok = !counts[b] || L.present[widx[b]];
            if (ok) {
                for (size_t b = 0; b < nw; b++)
                    L.wrap[widx[b]] = counts[b];
                L.score = score_layout(t, lines, count, &L);
                if (L.score > best_score) {
                    best_score = L.score;
                    *best = L;
                }
            }
            size_t b = 0;
            while (b < nw) {
                if ((size_t)++counts[b] <= extra)
                    break;
                counts[b++] = 0;
            }
            if (b == nw || !extra)
                break;
        }
    }
    return best_score;
}

static char *join_lines(char *const *lines, size_t count)
{
    zb_buf b = {0};
    for (size_t i = 0; i < count; i++) {
        /* Latin words broken over lines keep a space. */
        if (i && b.len && (unsigned char)b.data[b.len - 1] < 0x80 && (unsigned char)lines[i][0] < 0x80 &&
            b.data[b.len - 1] != ' ')
            zb_buf_adds(&b, " ");
        zb_buf_adds(&b, lines[i]);
    }
    zb_buf_adds(&b, "");
    return zb_buf_take(&b);
}

/* Rows of a table whose cells come one per line, after a header of t->header_lines lines.
 * Returns the lines used from the start of the table, -1 out of memory. *wrapped counts
 * names joined from several lines, *merged cells taken from the row above. */
static long read_cell_rows(table *t, char *const *lines, const int *numbers, size_t count, size_t *wrapped,
                           size_t *merged)
{
    size_t i = t->header_lines;
    long expected = i < count ? seq_value(lines[i]) : -1;
    if (expected < 0)
        return (long)i;
    size_t cells = t->ncols - 1;
    while (i < count && seq_value(lines[i]) == expected) {
        /* Where the row ends: before the next number, or (the last row) where it fits. */
        layout best, L;
        int best_score = NO_FIT;
        size_t best_end = 0;
        size_t lo = i + 1, hi = i + 1 + cells + 4;
        for (size_t end = lo + 1; end <= hi && end <= count; end++) {
            int next = end < count && seq_value(lines[end]) == expected + 1;
            int last = end == count;
            if (!next && !last && end - lo < cells)
                continue;
            int sc = best_layout(t, lines + lo, end - lo, &L);
            if (sc == NO_FIT)
                continue;
            /* A row that ends at the next number is worth more than one that stops anywhere. */
            if (next || last)
                sc += 4;
            if (sc > best_score) {
                best_score = sc;
                best = L;
                best_end = end;
            }
        }
        if (best_score == NO_FIT || best_score < (int)cells - 2)
            break;
        trow *r = row_new(t, numbers[i]);
        if (!r || !(r->cells[0] = zb_strdup(lines[i])))
            return -1;
        size_t at = lo;
        for (size_t k = 1; k < t->ncols; k++) {
            if (!best.present[k]) {
                /* Merged from the row above, or an empty cell. */
                if (optional(t->cols[k])) {
                    if (!(r->cells[k] = zb_strdup("")))
                        return -1;
                } else {
                    (*merged)++;
                }
                continue;
            }
            size_t n = 1 + (size_t)best.wrap[k];
            if (n > 1)
                (*wrapped)++;
            if (!(r->cells[k] = join_lines(lines + at, n)))
                return -1;
            at += n;
        }
        i = best_end;
        expected++;
    }
    return (long)i;
}

/* Splits a line into cells: at tabs, or at runs of two or more spaces (U+3000 too). */
static size_t split_cells(const char *s, int tabs, char **out, size_t max)
{
    size_t len = strlen(s), start = 0, n, count = 0;
    for (size_t i = 0; i <= len && count < max; i += n) {
        uint32_t cp = i < len ? zb_utf8_decode(s + i, &n) : 0;
        if (i == len)
            n = 1;
        size_t sep = 0;
        if (i < len) {
            if (tabs) {
                sep = cp == '\t';
            } else if (cp == 0x3000 || cp == ' ') {
                /* A run of two or more spaces (or a U+3000) parts two cells. */
                size_t j = i, m, run = 0;
                while (j < len) {
                    uint32_t c = zb_utf8_decode(s + j, &m);
                    if (c != ' ' && c != 0x3000)
                        break;
                    run += c == ' ' ? 1 : 2;
                    j += m;
                }
                if (run >= 2)
                    sep = j - i;
            }
        }
        if (i < len && !sep)
            continue;
        char *cell = zb_imp_trim(s + start, i - start);
        if (!cell)
            return (size_t)-1;
        out[count++] = cell;
        if (i < len && !tabs) {
            n = sep;
            start = i + sep;
        } else {
            start = i + n;
        }
    }
    return count;
}

static void free_cells(char **cells, size_t n)
{
    for (size_t k = 0; k < n; k++)
        free(cells[k]);
}

/* Rows separated by tabs or aligned with spaces; the header is line 0 (and the years under a
 * 目标值 heading on line 1). A row broken inside a cell (a browser's copy of <br>) comes as two
 * lines whose cells add up to the header's plus one: joined. */
static long read_split_rows(table *t, char *const *lines, const int *numbers, size_t count, int tabs, size_t *wrapped,
                            size_t *merged)
{
    size_t i = t->header_lines;
    char *cells[MAX_COLS + 2];
    while (i < count) {
        size_t n = split_cells(lines[i], tabs, cells, MAX_COLS + 2);
        if (n == (size_t)-1)
            return -1;
        while (n > t->ncols && !*cells[n - 1]) /* padding after the last column */
            free(cells[--n]);
        if (n < 2 || n > t->ncols || seq_value(cells[0]) < 0) {
            free_cells(cells, n);
            break;
        }
        /* A row broken inside a cell: the next line carries on the last cell. */
        while (n < t->ncols && i + 1 < count && tabs) {
            char *more[MAX_COLS + 2];
            size_t m = split_cells(lines[i + 1], tabs, more, MAX_COLS + 2);
            if (m == (size_t)-1) {
                free_cells(cells, n);
                return -1;
            }
            if (m == 0 || n + m - 1 > t->ncols || seq_value(more[0]) >= 0) {
                free_cells(more, m);
                break;
            }
            size_t a = strlen(cells[n - 1]), b = strlen(more[0]);
            char *j = realloc(cells[n - 1], a + b + 1);
            if (!j) {
                free_cells(more, m);
                free_cells(cells, n);
                return -1;
            }
            memcpy(j + a, more[0], b + 1);
            cells[n - 1] = j;
            free(more[0]);
            for (size_t k = 1; k < m; k++)
                cells[n++] = more[k];
            (*wrapped)++;
            i++;
        }
        trow *r = row_new(t, numbers[i]);
        if (!r) {
            free_cells(cells, n);
            return -1;
        }
        for (size_t k = 0; k < t->ncols; k++) {
            if (k < n && *cells[k]) {
                r->cells[k] = cells[k];
            } else {
                /* An empty cell under a merged one: taken from the row above. */
                if (k < n)
                    free(cells[k]);
                if (mergeable(t->cols[k]) && t->nrows > 1)
                    (*merged)++;
                else if (!(r->cells[k] = zb_strdup(""))) {
                    for (size_t j = k + 1; j < n; j++)
                        free(cells[j]);
                    return -1;
                }
            }
        }
        i++;
    }
    return (long)i;
}

/* The header at the start of lines, in any layout: the columns, the lines it takes and the
 * layout (0 one cell per line, 1 tabs, 2 spaces). 0 when there is none. */
static int read_header(table *t, char *const *lines, const int *numbers, size_t count, unsigned off, int *layout_out)
{
    memset(t, 0, sizeof *t);
    if (!count)
        return 0;
    char *cells[MAX_COLS + 2];
    for (int tabs = 1; tabs >= 0; tabs--) {
        if (off & ZB_IMP_OFF_TABLES)
            break;
        if (tabs && !strchr(lines[0], '\t'))
            continue;
        size_t n = split_cells(lines[0], tabs, cells, MAX_COLS + 2);
        if (n == (size_t)-1)
            return -1;
        int ok = n >= 3 && n <= MAX_COLS;
        /* Trailing empty cells are padding. */
        while (ok && n > 3 && !*cells[n - 1]) {
            free(cells[--n]);
        }
        for (size_t k = 0; ok && k < n; k++) {
            int y = 0;
            t->cols[k] = *cells[k] ? header_col(cells[k], off, &y) : T_EMPTY;
            t->years[k] = y;
            ok = t->cols[k] != T_UNKNOWN;
        }
        if (ok && (t->cols[0] == T_SEQ || t->cols[1] == T_NAME || t->cols[0] == T_NAME)) {
            t->ncols = n;
            memcpy(t->heads, cells, n * sizeof *cells);
            t->header_lines = 1;
            *layout_out = tabs ? 1 : 2;
            /* The years under a 目标值 heading, on the next line. */
            if (count > 1) {
                char *sub[MAX_COLS + 2];
                size_t m = split_cells(lines[1], tabs, sub, MAX_COLS + 2);
                if (m == (size_t)-1)
                    return -1;
                int years = 0, other = 0;
                for (size_t k = 0; k < m; k++) {
                    int y, c = *sub[k] ? header_col(sub[k], off, &y) : T_EMPTY;
                    years += c == T_YEAR || c == T_TARGET || c == T_BASE;
                    other += c != T_YEAR && c != T_TARGET && c != T_BASE && c != T_EMPTY;
                }
                if (years && !other) {
                    t->sub = malloc(m * sizeof *t->sub);
                    if (!t->sub) {
                        free_cells(sub, m);
                        return -1;
                    }
                    memcpy(t->sub, sub, m * sizeof *sub);
                    t->nsub = m;
                    t->sub_line = numbers[1];
                    t->header_lines = 2;
                } else {
                    free_cells(sub, m);
                }
            }
            return settle_columns(t) ? 1 : 0;
        }
        free_cells(cells, n);
    }
    /* One cell per line. */
    size_t n = 0;
    while (n < count && n < MAX_COLS && !strchr(lines[n], '\t')) {
        int y, c = header_col(lines[n], off, &y);
        if (c == T_UNKNOWN || c == T_EMPTY)
            break;
        int dup = 0;
        for (size_t k = 0; k < n; k++)
            dup |= t->cols[k] == c && c != T_TARGET && c != T_YEAR;
        if (dup)
            break;
        t->cols[n] = c;
        t->years[n] = y;
        if (!(t->heads[n] = zb_strdup(lines[n])))
            return -1;
        n++;
    }
    t->ncols = n;
    t->header_lines = n;
    *layout_out = 0;
    return n >= 3 && t->cols[0] == T_SEQ && settle_columns(t);
}

/* ---- building ------------------------------------------------------------------------------ */

static const char *cell_of(const table *t, const trow *r, int col)
{
    for (size_t k = 0; k < t->ncols; k++)
        if (t->cols[k] == col)
            return r->cells[k] ? r->cells[k] : "";
    return NULL;
}

/* Fills the cells merged from above with the row above's. */
static int fill_merged(table *t)
{
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t k = 0; k < t->ncols; k++)
            if (!t->rows[r].cells[k] && !(t->rows[r].cells[k] = zb_strdup(r ? t->rows[r - 1].cells[k] : "")))
                return -1;
    return 0;
}

/* An indicator table, read by the CSV reader's code. */
static zb_status build_indicators(zb_plan *plan, const char *name, table *t, size_t *rows)
{
    size_t n = t->nrows + 1 + (t->nsub ? 1 : 0), r = 0;
    char **row_ptrs[2] = {0};
    char *const **rowv = malloc(n * sizeof *rowv);
    size_t *ncells = malloc(n * sizeof *ncells), *lines = malloc(n * sizeof *lines);
    zb_status st = ZB_ERR_NOMEM;
    (void)row_ptrs;
    if (rowv && ncells && lines) {
        rowv[r] = t->heads;
        ncells[r] = t->ncols;
        lines[r++] = 0;
        if (t->nsub) {
            rowv[r] = t->sub;
            ncells[r] = t->nsub;
            lines[r++] = (size_t)t->sub_line;
        }
        for (size_t k = 0; k < t->nrows; k++) {
            rowv[r] = t->rows[k].cells;
            ncells[r] = t->ncols;
            lines[r++] = (size_t)t->rows[k].line;
        }
        st = zb_csv_load_rows(plan, name, rowv, ncells, lines, n);
        if (st == ZB_OK)
            *rows = zb_plan_indicator_count(plan);
    }
    free(rowv);
    free(ncells);
    free(lines);
    return st;
}

/* Names joined with 、 (a cell may separate them with ，; ; or spaces); *count their number. */
static int add_units(zb_buf *b, const char *cell, size_t *count)
{
    size_t len = strlen(cell), start = 0, n;
    int depth = 0;
    for (size_t i = 0; i <= len; i += n) {
        uint32_t cp = i < len ? zb_utf8_decode(cell + i, &n) : 0;
        if (i == len)
            n = 1;
        if (cp == 0xFF08 || cp == '(' || cp == 0x201C)
            depth++;
        else if ((cp == 0xFF09 || cp == ')' || cp == 0x201D) && depth > 0)
            depth--;
        if (i < len && (depth || !(cp == 0x3001 || cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' ||
                                   zb_imp_is_space(cp))))
            continue;
        if (i > start) {
            if (b->len)
                zb_buf_adds(b, "、");
            zb_buf_add(b, cell + start, i - start);
            (*count)++;
        }
        start = i + n;
    }
    return b->failed ? -1 : 0;
}

/* A task breakdown: each 重点任务 (merged over its rows) a task, each row a responsibility
 * item with its leads, cooperating units and deadline. */
static int build_tasks(zb_plan *plan, zb_findings *report, const char *name, table *t, size_t *tasks, size_t *items)
{
    char where[600];
    size_t r = 0;
    int number = 0;
    while (r < t->nrows) {
        const char *task = cell_of(t, &t->rows[r], T_TASK);
        size_t end = r + 1;
        while (task && end < t->nrows && strcmp(cell_of(t, &t->rows[end], T_TASK), task) == 0)
            end++;
        zb_buf text = {0};
        for (size_t k = r; k < end; k++) {
            const char *m = cell_of(t, &t->rows[k], T_MEASURE);
            if (m && *m)
                zb_buf_addf(&text, "%s%s", text.len ? "\n" : "", m);
        }
        zb_buf_adds(&text, "");
        char num[16];
        snprintf(num, sizeof num, "%d", ++number);
        snprintf(where, sizeof where, "%s:%d", name, t->rows[r].line);
        const char *measure = cell_of(t, &t->rows[r], T_MEASURE);
        char *title = NULL;
        if (task && *task) {
            title = zb_strdup(task);
        } else if (measure) {
            title = zb_imp_trim(measure, zb_imp_first_sentence(measure));
            size_t tl = title ? strlen(title) : 0;
            if (title && zb_imp_ends(title, tl, "。"))
                title[tl - strlen("。")] = '\0';
        }
        if (text.failed || !title) {
            zb_buf_free(&text);
            free(title);
            return -1;
        }
        zb_task_def def = {0};
        def.number = num;
        def.title = title;
        def.text = text.data;
        def.source = where;
        size_t index;
        zb_status st = zb_plan_add_task(plan, &def, &index);
        zb_buf_free(&text);
        free(title);
        if (st == ZB_ERR_NOMEM)
            return -1;
        if (st) {
            if (zb_findings_add(report, ZB_SEV_WARNING, "unplaced", where, "task breakdown row: %s", zb_errmsg(plan)))
                return -1;
            r = end;
            continue;
        }
        (*tasks)++;
        for (size_t k = r; k < end; k++) {
            const trow *row = &t->rows[k];
            zb_buf units = {0}, note = {0};
            size_t leads = 0, coop = 0;
            const char *lead = cell_of(t, row, T_LEAD), *co = cell_of(t, row, T_COOP);
            const char *deadline = cell_of(t, row, T_DEADLINE), *remark = cell_of(t, row, T_NOTE);
            if ((lead && add_units(&units, lead, &leads)) || (co && add_units(&units, co, &coop)))
                return -1;
            if (deadline && *deadline)
                zb_buf_addf(&note, "完成时限：%s", deadline);
            if (remark && *remark)
                zb_buf_addf(&note, "%s%s", note.len ? "；" : "", remark);
            zb_buf_adds(&units, "");
            zb_buf_adds(&note, "");
            const char *m = cell_of(t, row, T_MEASURE);
            if (units.failed || note.failed) {
                zb_buf_free(&units);
                zb_buf_free(&note);
                return -1;
            }
            st = zb_plan_add_task_duty(plan, index, m && *m && end - r > 1 ? m : NULL, units.data, note.data);
            if (st == ZB_OK) {
                (*items)++;
                size_t d = zb_plan_task_duty_count(plan, index) - 1;
                size_t nr = zb_plan_task_duty_responsible_count(plan, index, d);
                if (leads > 1 && leads <= nr)
                    st = zb_plan_set_task_duty_lead_count(plan, index, d, leads);
            }
            zb_buf_free(&units);
            zb_buf_free(&note);
            if (st == ZB_ERR_NOMEM)
                return -1;
        }
        r = end;
    }
    return 0;
}

/* ---- attachments and the body ----------------------------------------------------------- */

int zb_imp_table_starts(char *const *lines, size_t count, unsigned off)
{
    table t;
    int lay = 0, numbers[MAX_COLS * 2 + 2] = {0};
    if (count > MAX_COLS * 2)
        count = MAX_COLS * 2;
    int h = read_header(&t, lines, numbers, count, off, &lay);
    table_free(&t);
    return h;
}

int zb_imp_read_table(zb_plan *plan, zb_findings *report, const char *name, char *const *lines, const int *numbers,
                      size_t count, unsigned off, zb_imp_table_result *out)
{
    memset(out, 0, sizeof *out);
    table t;
    int lay = 0;
    int h = read_header(&t, lines, numbers, count, off, &lay);
    if (h < 0) {
        table_free(&t);
        return -1;
    }
    if (!h) {
        table_free(&t);
        return 0;
    }
    size_t wrapped = 0, merged = 0;
    long used = lay == 0 ? read_cell_rows(&t, lines, numbers, count, &wrapped, &merged)
                         : read_split_rows(&t, lines, numbers, count, lay == 1, &wrapped, &merged);
    if (used < 0) {
        table_free(&t);
        return -1;
    }
    if (!t.nrows) {
        table_free(&t);
        return 0;
    }
    if (fill_merged(&t)) {
        table_free(&t);
        return -1;
    }
    char where[600];
    snprintf(where, sizeof where, "%s:%d", name, numbers[0]);
    static const char *const layouts[] = {"one cell per line", "cells separated by tabs", "columns aligned with spaces"};
    zb_buf heads = {0};
    for (size_t k = 0; k < t.ncols; k++)
        zb_buf_addf(&heads, "%s%s", k ? ", " : "", t.heads[k] ? t.heads[k] : "");
    zb_buf_adds(&heads, "");
    if (heads.failed) {
        table_free(&t);
        return -1;
    }
    int bad = 0;
    if (t.tasks) {
        size_t tasks = 0, items = 0;
        bad = build_tasks(plan, report, name, &t, &tasks, &items);
        if (!bad) {
            out->found = 1;
            out->tasks = tasks;
            out->items = items;
            out->used = (size_t)used;
            bad = zb_findings_add(report, ZB_SEV_NOTE, "recognised", where,
                                  "task breakdown (%s; columns %s): %zu rows read into %zu tasks with %zu "
                                  "responsibility items%s",
                                  layouts[lay], heads.data, t.nrows, tasks, items,
                                  merged ? "; merged cells taken from the row above" : "");
        }
    } else {
        size_t rows = 0;
        size_t before_categories = zb_plan_category_count(plan);
        zb_status st = build_indicators(plan, name, &t, &rows);
        if (st == ZB_ERR_NOMEM) {
            bad = 1;
        } else if (st) {
            bad = zb_findings_add(report, ZB_SEV_WARNING, "unplaced", where,
                                  "a table (columns %s) that could not be read: %s; kept as text", heads.data,
                                  zb_errmsg(plan));
        } else {
            out->found = 1;
            out->targets = 1;
            out->rows = rows;
            out->used = (size_t)used;
            for (size_t k = 0; k < t.ncols; k++)
                if ((t.cols[k] == T_TARGET || t.cols[k] == T_YEAR) && t.years[k] && !out->table_year)
                    out->table_year = t.years[k];
            zb_buf extra = {0};
            if (wrapped)
                zb_buf_addf(&extra, "; %zu name%s broken over lines joined", wrapped, wrapped == 1 ? "" : "s");
            if (merged)
                zb_buf_addf(&extra, "; %zu merged cell%s taken from the row above", merged, merged == 1 ? "" : "s");
            zb_buf_adds(&extra, "");
            bad = extra.failed ||
                  zb_findings_add(report, ZB_SEV_NOTE, "recognised", where,
                                  "target table (%s; columns %s): %zu indicators, %zu new categories%s", layouts[lay],
                                  heads.data, rows, zb_plan_category_count(plan) - before_categories, extra.data);
            zb_buf_free(&extra);
        }
    }
    zb_buf_free(&heads);
    table_free(&t);
    return bad ? -1 : 0;
}

static int add_attachment(zb_plan *plan, zb_findings *report, const char *where, int number, zb_attachment_kind kind,
                          const char *title, const char *text)
{
    zb_status st = zb_plan_add_attachment(plan, number, kind, title, text);
    if (st == ZB_ERR_DUPLICATE) {
        st = zb_plan_add_attachment(plan, 0, kind, title, text);
        if (st == ZB_OK &&
            zb_findings_add(report, ZB_SEV_WARNING, "renumbered", where, "附件%d appears twice; the second is 附件%d",
                            number, zb_plan_attachment_number(plan, zb_plan_attachment_count(plan) - 1)))
            return -1;
    }
    if (st == ZB_ERR_NOMEM)
        return -1;
    if (st != ZB_OK)
        return zb_findings_add(report, ZB_SEV_WARNING, "unplaced", where, "附件%d: %s", number, zb_errmsg(plan));
    return 0;
}

/* Splits the lines at 、 (and ，, ；;) into names when they read as a list of units. */
static int read_unit_list(zb_plan *plan, zb_findings *report, const char *name, char *const *lines,
                          const int *numbers, size_t count, size_t *added, int *is_list)
{
    size_t names = 0, units = 0, n;
    *is_list = 0;
    *added = 0;
    for (size_t pass = 0; pass < 2; pass++) {
        for (size_t l = 0; l < count; l++) {
            const char *s = lines[l];
            size_t len = strlen(s), start = 0;
            int depth = 0;
            if (zb_imp_ends(s, len, "。") || zb_imp_ends(s, len, ":") || zb_imp_ends(s, len, "："))
                return 0;
            for (size_t i = 0; i <= len; i += n) {
                uint32_t cp = i < len ? zb_utf8_decode(s + i, &n) : 0;
                if (i == len)
                    n = 1;
                if (cp == 0xFF08 || cp == '(' || cp == 0x201C)
                    depth++;
                else if ((cp == 0xFF09 || cp == ')' || cp == 0x201D) && depth > 0)
                    depth--;
                if (i < len && (depth || (cp != 0x3001 && cp != 0xFF0C && cp != ',' && cp != 0xFF1B && cp != ';')))
                    continue;
                char *u = zb_imp_trim(s + start, i - start);
                if (!u)
                    return -1;
                if (*u && pass == 0) {
                    names++;
                    units += (size_t)zb_imp_looks_like_unit(u, strlen(u));
                } else if (*u) {
                    zb_status st = zb_plan_add_unit(plan, u, NULL);
                    char where[512];
                    snprintf(where, sizeof where, "%s:%d", name, numbers[l]);
                    int bad = 0;
                    if (st == ZB_ERR_NOMEM)
                        bad = 1;
                    else if (st == ZB_ERR_DUPLICATE)
                        bad = zb_findings_add(report, ZB_SEV_NOTE, "recognised", where,
                                              "unit list: %s is listed twice; kept once", u);
                    else if (st != ZB_OK)
                        bad = zb_findings_add(report, ZB_SEV_WARNING, "unplaced", where, "unit list: %s: %s", u,
                                              zb_errmsg(plan));
                    else
                        (*added)++;
                    if (bad) {
                        free(u);
                        return -1;
                    }
                }
                free(u);
                start = i + n;
            }
        }
        /* A list: several names, nearly all of them organs. */
        if (pass == 0 && (names < 2 || units * 5 < names * 4))
            return 0;
        *is_list = 1;
    }
    return 0;
}

int zb_imp_read_attachment(zb_plan *plan, zb_findings *report, const char *name, int number, const char *title,
                           char *const *lines, const int *numbers, size_t count, unsigned off,
                           zb_imp_attachment_result *out)
{
    memset(out, 0, sizeof *out);
    char where[512];
    snprintf(where, sizeof where, "%s:%d", name, count ? numbers[0] : 0);

    zb_imp_table_result tr;
    if (zb_imp_read_table(plan, report, name, lines, numbers, count, off, &tr))
        return -1;
    if (tr.found && tr.targets) {
        out->kind = ZB_ATTACH_TARGETS;
        out->rows = tr.rows;
        out->used = tr.used;
        out->table_year = tr.table_year;
        if (zb_findings_add(report, ZB_SEV_NOTE, "recognised", where, "附件%d: target table %s", number, title))
            return -1;
        return add_attachment(plan, report, where, number, ZB_ATTACH_TARGETS, title, NULL);
    }
    if (tr.found) {
        /* A task breakdown: its tasks are the plan's; the attachment keeps its title. */
        out->kind = ZB_ATTACH_TEXT;
        out->tasks = tr.tasks;
        out->items = tr.items;
        out->used = tr.used;
        return add_attachment(plan, report, where, number, ZB_ATTACH_TEXT, title, NULL);
    }

    size_t added;
    int is_list;
    if (read_unit_list(plan, report, name, lines, numbers, count, &added, &is_list))
        return -1;
    if (is_list) {
        out->kind = ZB_ATTACH_UNITS;
        out->units = added;
        out->used = count;
        if (zb_findings_add(report, ZB_SEV_NOTE, "recognised", where, "附件%d: unit list %s: %zu units", number, title,
                            added))
            return -1;
        return add_attachment(plan, report, where, number, ZB_ATTACH_UNITS, title, NULL);
    }

    zb_buf text = {0};
    for (size_t l = 0; l < count; l++) {
        /* Prose is cleaned; what is laid out in columns keeps its spaces and tabs. */
        int laid_out = strchr(lines[l], '\t') || strstr(lines[l], "  ");
        char *c = laid_out ? zb_strdup(lines[l]) : zb_imp_clean(lines[l], NULL);
        if (!c) {
            zb_buf_free(&text);
            return -1;
        }
        zb_buf_addf(&text, "%s%s", l ? "\n" : "", c);
        free(c);
    }
    zb_buf_adds(&text, "");
    if (text.failed)
        return -1;
    out->kind = ZB_ATTACH_TEXT;
    out->used = count;
    int bad = zb_findings_add(report, ZB_SEV_NOTE, "recognised", where, "附件%d: text %s: %zu lines", number, title,
                              count) ||
              add_attachment(plan, report, where, number, ZB_ATTACH_TEXT, title, text.data);
    zb_buf_free(&text);
    return bad ? -1 : 0;
}
