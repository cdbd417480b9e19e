/* Benchmark: zb_xlsx_write_target_table() against a plain libxlsxwriter program writing the
 * same workbook, on a 10,000-indicator plan in about 1,500 categories.
 *
 * Usage: bench_target_table [RUNS]   (default 5; the two writers alternate RUNS times)
 *
 * The baseline holds the table in plain C arrays, ready to write, as an application that
 * already has its data would (filling them is not timed). It writes the same cells with
 * the same six formats, the same column widths, label, merged title and header row, the
 * same category merges, a row height for every row (computed the simplest way: characters
 * divided by characters per line, no line-breaking rules), the same print setup (A4
 * portrait, margins, one page wide, repeated header row, footer, frozen panes, centred),
 * the document properties, and closes the workbook into the temporary folder.
 *
 * What the library does on top, and the ratio pays for: reading the plan through its
 * getters, joining the responsible units, checking the options, measuring each text with
 * the line-breaking rules, keeping category groups off page breaks, and writing to a
 * temporary file renamed into place. The goal is a ratio of at most 1.15. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "zhibiao.h"

#define INDICATORS 10000
#define CATEGORIES 1500

/* ---- data: deterministic, realistic Chinese texts ------------------------------------ */

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state << 13; /* xorshift64 */
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const verbs[] = {"新增", "培育", "实施", "完成", "推动", "建设", "引进", "创建",
                                    "提升", "打造", "认定", "动态保有", "整治提升", "招引落地"};
static const char *const subjects[] = {
    "规上工业", "制造业", "高新技术", "专精特新", "数字化", "绿色低碳", "智能", "小微企业园",
    "科技型中小企业", "市级以上研发机构", "技术改造", "重大项目", "上市后备", "产业链",
    "“415X”先进制造业集群", "未来工厂", "首台(套)", "“品字标浙江制造”", "高耗低效", "省级以上"};
static const char *const objects[] = {"企业", "项目", "投资", "增加值", "营业收入", "覆盖率", "比重",
                                      "增速", "园区", "工厂", "认证企业", "改造项目", "技术中心"};
static const char *const unit_groups[] = {"(家)", "(个)", "(亿元)", "(%)", "(项)", "(万千瓦)", "(亩)", "(人)"};
static const char *const cat_verbs[] = {"深化", "提升", "推动", "强化", "加快", "优化", "做强", "构建",
                                        "健全", "完善", "培育", "壮大", "拓展", "夯实", "促进", "加强",
                                        "实施", "深入", "全面", "持续", "着力", "统筹", "聚焦", "扩大",
                                        "稳定", "引导", "支持", "保障", "推进", "落实", "创新", "协同",
                                        "打响", "筑牢", "激发", "厚植", "畅通", "巩固", "升级", "赋能"};
static const char *const cat_objects[] = {
    "集群培育体系", "产业链供应链韧性", "产业科技创新能力", "产业转型升级", "数实深度融合",
    "工业绿色发展", "优质企业培育", "集群品质提升", "要素保障", "招商引资", "人才支撑",
    "金融服务", "土地集约利用", "营商环境", "开放合作", "质量品牌", "标准建设", "知识产权",
    "安全生产", "节能降碳", "数字经济", "服务型制造", "工业设计", "中小企业梯队", "龙头企业",
    "产业平台", "园区建设", "技术改造", "智能制造", "未来工厂", "小微企业园", "亩均效益",
    "要素市场化配置", "产业基金", "项目攻坚", "企业上市", "创新载体", "成果转化", "产学研合作",
    "工业互联网"};
static const char *const units[] = {
    "县经信局", "县发改局", "县科技局", "县商务局", "县市场监管局", "县财政局", "县人社局",
    "县规划和自然资源局", "市生态环境局桐庐分局", "县住建局", "县交通运输局", "县统计局",
    "县税务局", "县数据资源局", "县委人才办", "县委改革办", "开发区", "县供电公司", "县应急管理局",
    "县金融办", "县教育局", "县农业农村局", "县文化和广电旅游体育局", "人行桐庐县支行",
    "县卫生健康局", "县司法局", "县公安局", "县医疗保障局", "县科协", "桐庐邮管局"};

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* One row as the baseline holds it. */
typedef struct row {
    int seq;
    int category; /* index into cats */
    char name[160];
    char target[32];
    int numeric; /* target is a plain number */
    double value;
    char units[160];
    char *resp[3];
    int nresp;
} row;

static char cats[CATEGORIES][64];

static void make_name(char *out, size_t size)
{
    for (;;) {
        snprintf(out, size, "%s%s%s", verbs[rnd(COUNT(verbs))], subjects[rnd(COUNT(subjects))],
                 objects[rnd(COUNT(objects))]);
        while (utf8_chars(out) < 8 || rnd(3) == 0) {
            size_t len = strlen(out);
            snprintf(out + len, size - len, "%s", subjects[rnd(COUNT(subjects))]);
        }
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s", unit_groups[rnd(COUNT(unit_groups))]);
        size_t n = utf8_chars(out);
        if (n >= 10 && n <= 30)
            return;
    }
}

static void make_data(row *rows)
{
    for (size_t c = 0; c < CATEGORIES; c++)
        snprintf(cats[c], sizeof cats[c], "%s%s", cat_verbs[c % COUNT(cat_verbs)],
                 cat_objects[(c / COUNT(cat_verbs)) % COUNT(cat_objects)]);
    /* Groups of 1 to 12 rows, then nudged one row at a time until they add up. */
    static int sizes[CATEGORIES];
    int total = 0;
    for (int c = 0; c < CATEGORIES; c++)
        total += sizes[c] = 1 + (int)rnd(12);
    while (total != INDICATORS) {
        int c = (int)rnd(CATEGORIES), d = total < INDICATORS ? 1 : -1;
        if (sizes[c] + d >= 1 && sizes[c] + d <= 13) {
            sizes[c] += d;
            total += d;
        }
    }
    int cat = 0, left = sizes[0];
    for (int i = 0; i < INDICATORS; i++) {
        row *r = &rows[i];
        memset(r, 0, sizeof *r);
        if (left == 0)
            left = sizes[++cat];
        left--;
        r->seq = i + 1;
        r->category = cat;
        make_name(r->name, sizeof r->name);
        uint32_t k = rnd(20);
        if (k < 14) {
            if (rnd(2))
                snprintf(r->target, sizeof r->target, "%u", 1 + rnd(5000));
            else
                snprintf(r->target, sizeof r->target, "%u.5", rnd(100));
            r->numeric = 1;
            r->value = strtod(r->target, NULL);
        } else if (k < 17) {
            snprintf(r->target, sizeof r->target, "%u%%", 1 + rnd(100));
        } else if (k < 19) {
            snprintf(r->target, sizeof r->target, "%u以上", 1 + rnd(100));
        } else {
            snprintf(r->target, sizeof r->target, "持续提升");
        }
        r->nresp = 1 + (int)rnd(3);
        for (int j = 0; j < r->nresp; j++) {
            r->resp[j] = (char *)units[rnd(COUNT(units))];
            if (j)
                strcat(r->units, "、");
            strcat(r->units, r->resp[j]);
        }
    }
}

static zb_plan *make_plan(const row *rows)
{
    zb_plan *plan = zb_plan_new();
    zb_date issued = {2024, 5, 31};
    if (!plan || zb_plan_set_years(plan, 2024, 2024) || zb_plan_set_date(plan, ZB_DATE_ISSUED, issued) ||
        zb_plan_set_meta(plan, ZB_META_ORGAN, "桐庐县经济和信息化局"))
        return NULL;
    for (int i = 0; i < INDICATORS; i++) {
        zb_indicator_def d;
        memset(&d, 0, sizeof d);
        d.seq = rows[i].seq;
        d.category = cats[rows[i].category];
        d.name = rows[i].name;
        d.target = rows[i].target;
        d.responsible = rows[i].units;
        if (zb_plan_add_indicator(plan, &d, NULL) != ZB_OK) {
            fprintf(stderr, "bench: %s\n", zb_errmsg(plan));
            return NULL;
        }
    }
    return plan;
}

/* ---- the baseline: plain libxlsxwriter ------------------------------------------------ */

/* Lines of text at 12 pt in a column `width` characters wide, the simple way. */
static int simple_lines(const char *s, double width)
{
    double per_line = floor(((width * 7 + 5) - 6) * 0.75 / 12.0); /* full-width chars */
    int n = (int)ceil((double)utf8_chars(s) / per_line);
    return n < 1 ? 1 : n;
}

static double simple_height(int lines)
{
    return ceil((lines * 12 * 1.3 + 6) / 0.75) * 0.75;
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

static int baseline(const row *rows, const char *path)
{
    static const double widths[] = {6, 14, 36, 14, 18};
    lxw_workbook_options opt = {0};
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "目标体系表");
    lxw_format *label = fmt(wb, "黑体", 16, LXW_ALIGN_LEFT, 0);
    lxw_format *title = fmt(wb, "方正小标宋简体", 22, LXW_ALIGN_CENTER, 0);
    format_set_text_wrap(title);
    lxw_format *header = fmt(wb, "黑体", 12, LXW_ALIGN_CENTER, 1);
    lxw_format *center = fmt(wb, "仿宋_GB2312", 12, LXW_ALIGN_CENTER, 1);
    lxw_format *left = fmt(wb, "仿宋_GB2312", 12, LXW_ALIGN_LEFT, 1);
    lxw_format *number = fmt(wb, "仿宋_GB2312", 12, LXW_ALIGN_CENTER, 1);
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
    for (int i = 0; i < INDICATORS;) {
        int end = i + 1;
        while (end < INDICATORS && rows[end].category == rows[i].category)
            end++;
        const char *cat = cats[rows[i].category];
        double above = 0;
        for (int j = i; j < end; j++) {
            const row *r = &rows[j];
            lxw_row_t rr = r0 + (lxw_row_t)(j - i);
            worksheet_write_number(ws, rr, 0, r->seq, number);
            if (end - i == 1)
                worksheet_write_string(ws, rr, 1, cat, center);
            worksheet_write_string(ws, rr, 2, r->name, left);
            if (r->numeric)
                worksheet_write_number(ws, rr, 3, r->value, number);
            else
                worksheet_write_string(ws, rr, 3, r->target, center);
            worksheet_write_string(ws, rr, 4, r->units, center);
            int lines = simple_lines(r->name, widths[2]);
            int l = simple_lines(r->target, widths[3]);
            lines = l > lines ? l : lines;
            l = simple_lines(r->units, widths[4]);
            lines = l > lines ? l : lines;
            if (end - i == 1) {
                l = simple_lines(cat, widths[1]);
                lines = l > lines ? l : lines;
            }
            double h = simple_height(lines);
            if (j + 1 == end && end - i > 1) {
                double need = simple_height(simple_lines(cat, widths[1]));
                if (above + h < need)
                    h = need - above;
            }
            above += h;
            worksheet_set_row(ws, rr, h, NULL);
        }
        if (end - i > 1)
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
    props.author = "桐庐县经济和信息化局";
    props.created = 1717113600; /* 2024-05-31 */
    workbook_set_properties(wb, &props);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

/* ---- timing --------------------------------------------------------------------------- */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
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

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    if (runs < 1 || runs > 1000) {
        fprintf(stderr, "usage: bench_target_table [RUNS]\n");
        return 2;
    }
    row *rows = malloc(sizeof *rows * INDICATORS);
    if (!rows)
        return 1;
    make_data(rows);
    zb_plan *plan = make_plan(rows);
    if (!plan)
        return 1;

    const char *tmp = getenv("TMPDIR");
    char dir[512], a[600], b[600];
    snprintf(dir, sizeof dir, "%s/zb-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("bench: mkdtemp");
        return 1;
    }
    snprintf(a, sizeof a, "%s/zhibiao.xlsx", dir);
    snprintf(b, sizeof b, "%s/baseline.xlsx", dir);

    zb_table_options opt;
    memset(&opt, 0, sizeof opt);
    opt.label = "附件2";
    double *ta = calloc((size_t)runs, sizeof *ta), *tb = calloc((size_t)runs, sizeof *tb);
    if (!ta || !tb)
        return 1;
    int rc = 0;
    /* Alternate which goes first, so that neither always inherits the other's heap and
     * page cache. */
    for (int i = 0; i < runs && !rc; i++) {
        for (int k = 0; k < 2 && !rc; k++) {
            double t0 = now_ms();
            if ((k + i) % 2 == 0) {
                zb_error err;
                if (zb_xlsx_write_target_table(plan, a, &opt, &err) != ZB_OK) {
                    fprintf(stderr, "bench: %s\n", err.message);
                    rc = 1;
                }
                ta[i] = now_ms() - t0;
            } else {
                if (baseline(rows, b) != 0) {
                    fprintf(stderr, "bench: the baseline failed\n");
                    rc = 1;
                }
                tb[i] = now_ms() - t0;
            }
        }
    }
    if (!rc) {
        long sa = file_size(a), sb = file_size(b);
        double ba = ta[0], bb = tb[0];
        for (int i = 1; i < runs; i++) {
            ba = fmin(ba, ta[i]);
            bb = fmin(bb, tb[i]);
        }
        double ma = median(ta, runs), mb = median(tb, runs);
        printf("target table: %d indicators in %d categories, %d alternating runs\n", INDICATORS, CATEGORIES, runs);
        printf("  (a) zb_xlsx_write_target_table  best %8.1f ms  median %8.1f ms  %ld bytes\n", ba, ma, sa);
        printf("  (b) plain libxlsxwriter         best %8.1f ms  median %8.1f ms  %ld bytes\n", bb, mb, sb);
        printf("  ratio a/b                       best %8.2f     median %8.2f     goal <= 1.15\n", ba / bb, ma / mb);
    }
    unlink(a);
    unlink(b);
    rmdir(dir);
    free(ta);
    free(tb);
    free(rows);
    zb_plan_free(plan);
    return rc;
}
