/* The synthetic indicator table the table benchmarks share: deterministic, realistic
 * Chinese texts (names of 10 to 30 characters with a unit in brackets, plain-number,
 * percent, 以上 and 左右 targets, 1 to 3 responsible units), in categories of 1 to 13
 * rows, about one category for every 6.7 indicators. The same count gives the same table
 * every time, in every program that includes this file. */
#ifndef ZB_BENCH_DATA_H
#define ZB_BENCH_DATA_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BENCH_COUNT(a) (sizeof(a) / sizeof((a)[0]))

typedef struct bench_rng {
    uint64_t state;
} bench_rng;

static uint32_t bench_rnd(bench_rng *g, uint32_t n)
{
    g->state ^= g->state << 13; /* xorshift64 */
    g->state ^= g->state >> 7;
    g->state ^= g->state << 17;
    return (uint32_t)(g->state % n);
}

static const char *const bench_verbs[] = {"新增", "培育", "实施", "完成", "推动", "建设", "引进",
                                          "创建", "提升", "打造", "认定", "动态保有", "整治提升",
                                          "招引落地"};
static const char *const bench_subjects[] = {
    "规上工业", "制造业", "高新技术", "专精特新", "数字化", "绿色低碳", "智能", "小微企业园",
    "科技型中小企业", "市级以上研发机构", "技术改造", "重大项目", "上市后备", "产业链",
    "“415X”先进制造业集群", "未来工厂", "首台(套)", "“品字标浙江制造”", "高耗低效", "省级以上"};
static const char *const bench_objects[] = {"企业", "项目", "投资", "增加值", "营业收入", "覆盖率",
                                            "比重", "增速", "园区", "工厂", "认证企业", "改造项目",
                                            "技术中心"};
static const char *const bench_unit_groups[] = {"(家)", "(个)", "(亿元)", "(%)",
                                                "(项)", "(万千瓦)", "(亩)", "(人)"};
static const char *const bench_cat_verbs[] = {
    "深化", "提升", "推动", "强化", "加快", "优化", "做强", "构建", "健全", "完善",
    "培育", "壮大", "拓展", "夯实", "促进", "加强", "实施", "深入", "全面", "持续",
    "着力", "统筹", "聚焦", "扩大", "稳定", "引导", "支持", "保障", "推进", "落实",
    "创新", "协同", "打响", "筑牢", "激发", "厚植", "畅通", "巩固", "升级", "赋能"};
static const char *const bench_cat_objects[] = {
    "集群培育体系", "产业链供应链韧性", "产业科技创新能力", "产业转型升级", "数实深度融合",
    "工业绿色发展", "优质企业培育", "集群品质提升", "要素保障", "招商引资", "人才支撑",
    "金融服务", "土地集约利用", "营商环境", "开放合作", "质量品牌", "标准建设", "知识产权",
    "安全生产", "节能降碳", "数字经济", "服务型制造", "工业设计", "中小企业梯队", "龙头企业",
    "产业平台", "园区建设", "技术改造", "智能制造", "未来工厂", "小微企业园", "亩均效益",
    "要素市场化配置", "产业基金", "项目攻坚", "企业上市", "创新载体", "成果转化", "产学研合作",
    "工业互联网"};
static const char *const bench_units[] = {
    "县经信局", "县发改局", "县科技局", "县商务局", "县市场监管局", "县财政局", "县人社局",
    "县规划和自然资源局", "市生态环境局桐庐分局", "县住建局", "县交通运输局", "县统计局",
    "县税务局", "县数据资源局", "县委人才办", "县委改革办", "开发区", "县供电公司", "县应急管理局",
    "县金融办", "县教育局", "县农业农村局", "县文化和广电旅游体育局", "人行桐庐县支行",
    "县卫生健康局", "县司法局", "县公安局", "县医疗保障局", "县科协", "桐庐邮管局"};

static size_t bench_utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* One indicator as a program that already has its data would hold it. */
typedef struct bench_row {
    int seq;
    size_t category; /* index into the table's categories */
    char name[160];
    char target[32];
    int numeric; /* the target is a plain number */
    double value;
    char units[160]; /* joined with 、 */
} bench_row;

typedef struct bench_table {
    bench_row *rows;
    size_t count;
    char (*cats)[64];
    size_t ncats;
} bench_table;

static void bench_make_name(bench_rng *g, char *out, size_t size)
{
    for (;;) {
        snprintf(out, size, "%s%s%s", bench_verbs[bench_rnd(g, BENCH_COUNT(bench_verbs))],
                 bench_subjects[bench_rnd(g, BENCH_COUNT(bench_subjects))],
                 bench_objects[bench_rnd(g, BENCH_COUNT(bench_objects))]);
        while (bench_utf8_chars(out) < 8 || bench_rnd(g, 3) == 0) {
            size_t len = strlen(out);
            snprintf(out + len, size - len, "%s",
                     bench_subjects[bench_rnd(g, BENCH_COUNT(bench_subjects))]);
        }
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s",
                 bench_unit_groups[bench_rnd(g, BENCH_COUNT(bench_unit_groups))]);
        size_t n = bench_utf8_chars(out);
        if (n >= 10 && n <= 30)
            return;
    }
}

/* Fills t with count indicators; 0 = ok, -1 = out of memory. Free with bench_table_free. */
static int bench_table_make(bench_table *t, size_t count)
{
    bench_rng g = {0x9E3779B97F4A7C15u};
    memset(t, 0, sizeof *t);
    t->count = count;
    t->ncats = count * 3 / 20 ? count * 3 / 20 : 1;
    t->rows = calloc(count ? count : 1, sizeof *t->rows);
    t->cats = calloc(t->ncats, sizeof *t->cats);
    int *sizes = calloc(t->ncats, sizeof *sizes);
    if (!t->rows || !t->cats || !sizes) {
        free(sizes);
        return -1;
    }
    size_t nv = BENCH_COUNT(bench_cat_verbs), no = BENCH_COUNT(bench_cat_objects);
    for (size_t c = 0; c < t->ncats; c++) {
        /* Past verbs × objects names repeat: number them, as real categories never repeat. */
        if (c < nv * no)
            snprintf(t->cats[c], sizeof t->cats[c], "%s%s", bench_cat_verbs[c % nv],
                     bench_cat_objects[(c / nv) % no]);
        else
            snprintf(t->cats[c], sizeof t->cats[c], "%s%s%zu", bench_cat_verbs[c % nv],
                     bench_cat_objects[(c / nv) % no], c / (nv * no) + 1);
    }
    /* Groups of 1 to 12 rows, then nudged one row at a time until they add up. */
    long total = 0;
    for (size_t c = 0; c < t->ncats; c++)
        total += sizes[c] = 1 + (int)bench_rnd(&g, 12);
    while (total != (long)count && count >= t->ncats) {
        size_t c = bench_rnd(&g, (uint32_t)t->ncats);
        int d = total < (long)count ? 1 : -1;
        if (sizes[c] + d >= 1 && sizes[c] + d <= 13) {
            sizes[c] += d;
            total += d;
        }
    }
    size_t cat = 0;
    int left = sizes[0];
    for (size_t i = 0; i < count; i++) {
        bench_row *r = &t->rows[i];
        if (left == 0 && cat + 1 < t->ncats)
            left = sizes[++cat];
        left--;
        r->seq = (int)i + 1;
        r->category = cat;
        bench_make_name(&g, r->name, sizeof r->name);
        uint32_t k = bench_rnd(&g, 20);
        if (k < 14) {
            if (bench_rnd(&g, 2))
                snprintf(r->target, sizeof r->target, "%u", 1 + bench_rnd(&g, 5000));
            else
                snprintf(r->target, sizeof r->target, "%u.5", bench_rnd(&g, 100));
            r->numeric = 1;
            r->value = strtod(r->target, NULL);
        } else if (k < 17) {
            /* A percentage only where the name's unit is %, as a valid plan has it. */
            size_t len = strlen(r->name);
            int percent = len > 3 && strcmp(r->name + len - 3, "(%)") == 0;
            snprintf(r->target, sizeof r->target, percent ? "%u%%" : "%u以上", 1 + bench_rnd(&g, 100));
        } else if (k < 19) {
            snprintf(r->target, sizeof r->target, "%u以上", 1 + bench_rnd(&g, 100));
        } else {
            snprintf(r->target, sizeof r->target, "%u左右", 1 + bench_rnd(&g, 100));
        }
        int nresp = 1 + (int)bench_rnd(&g, 3);
        uint32_t picked[3];
        for (int j = 0; j < nresp; j++) {
            uint32_t u = bench_rnd(&g, BENCH_COUNT(bench_units));
            for (int m = 0; m < j; m++)
                if (picked[m] == u) /* a unit is named once */
                    u = (u + 1) % BENCH_COUNT(bench_units), m = -1;
            picked[j] = u;
            if (j)
                strcat(r->units, "、");
            strcat(r->units, bench_units[u]);
        }
    }
    free(sizes);
    return 0;
}

static void bench_table_free(bench_table *t)
{
    free(t->rows);
    free(t->cats);
    memset(t, 0, sizeof *t);
}

#endif /* ZB_BENCH_DATA_H */
