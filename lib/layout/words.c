/* Words a title keeps whole when it is broken over lines (GB/T 9704-2012 §7.3.1: 词意完整).
 * The lexicon below holds the words government titles are made of; the document adds its own
 * names (organ, units, categories), matched the same way. */
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"

/* The words of government titles, from the fifteen document types of 《党政机关公文处理工作
 * 条例》 (2012), the names of the organs of a people's government at province, city and county
 * level as the institutional reform plans list them, and the nouns and time phrases that the
 * titles of work plans, bulletins and notices of Zhejiang's county governments repeat.
 * A '#' stands for a run of numerals (2024, 二, 十二); a leading '*' for any one ideograph
 * before the rest, so that an organ's ending stays with its name (经信|局, 发改|委员会). */
static const char *const lexicon[] = {
    /* document types and document words */
    "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示",
    "批复", "议案", "纪要", "工作要点", "实施方案", "行动方案", "工作方案", "建设方案",
    "实施意见", "指导意见", "若干意见", "实施细则", "管理办法", "考核办法", "暂行办法",
    "评价办法", "考评办法", "若干措施", "政策措施", "若干政策", "工作计划", "行动计划",
    "实施计划", "发展规划", "专项规划", "工作规则", "工作制度", "进展情况", "完成情况",
    "推进情况", "落实情况", "执行情况", "运行情况", "目标任务", "主要目标", "工作目标",
    "重点任务", "工作任务", "任务分工", "责任分工", "任务清单", "责任清单", "指标体系",
    "考核结果", "考核细则", "考核评价", "综合考评", "目标管理", "目标责任制", "绩效考核",
    "工作总结", "工作报告", "工作情况", "督查情况", "通报表扬", "通报批评", "进展情况表",
    "分解表", "情况表", "统计表", "汇总表", "一览表", "责任单位", "牵头单位", "配合单位",
    "有关事项", "有关问题", "工作机制", "领导小组", "工作专班", "联席会议", "指挥部",
    /* organs and their endings */
    "国务院", "人民政府", "人民代表大会", "常务委员会", "人大常委会", "政协", "*委员会",
    "*办公室", "*办公厅", "*管委会", "*局", "*厅", "党委", "党组", "县委", "市委", "省委",
    "县政府", "市政府", "省政府", "区政府", "镇政府", "县府办", "市府办", "区府办", "县委办",
    "市委办", "人民政府办公室", "人民政府办公厅", "经济和信息化", "经信局", "经信委",
    "发展和改革", "发改局", "发改委", "财政局", "统计局", "商务局", "科技局", "教育局",
    "人力资源和社会保障", "人力社保局", "自然资源和规划", "生态环境", "住房和城乡建设",
    "交通运输", "农业农村", "水利局", "文化和旅游", "文广旅体局", "卫生健康", "应急管理",
    "市场监督管理", "市场监管局", "审计局", "税务局", "民政局", "司法局", "公安局",
    "退役军人事务", "医疗保障", "医保局", "数据资源管理", "大数据发展管理", "投资促进",
    "综合行政执法", "行政审批", "政务服务", "机关事务管理", "信访局", "供销社", "管理委员会",
    "开发区", "高新区", "经济开发区", "工业园区", "产业园区", "街道办事处", "乡镇", "街道",
    /* common nouns of titles */
    "制造业", "先进制造业", "产业集群", "集群", "高质量发展", "培育工程", "攻坚行动",
    "专项行动", "三年行动", "攻坚战", "数字经济", "营商环境", "乡村振兴", "共同富裕",
    "示范区", "经济社会发展", "国民经济和社会发展", "工业经济", "规上工业", "规模以上工业",
    "工业增加值", "固定资产投资", "招商引资", "项目建设", "重大项目", "重点项目", "民营经济",
    "中小企业", "小微企业", "科技创新", "创新驱动", "数字化改革", "数字化转型", "智能制造",
    "新能源", "新材料", "生物医药", "现代服务业", "服务业", "文化旅游", "全域旅游", "生态文明",
    "美丽乡村", "城乡融合", "新型城镇化", "城市更新", "安全生产", "疫情防控", "政务公开",
    "最多跑一次", "腾笼换鸟", "凤凰涅槃", "亩均效益", "低效工业用地", "节能降耗", "碳达峰",
    "碳中和", "人才工作", "就业创业", "社会保障", "民生实事", "基础设施", "重点工作",
    "经济运行", "开放型经济", "外贸出口", "消费市场", "农村改革", "山区海岛县", "跨越式发展",
    "县域经济", "块状经济", "特色产业", "产业链", "链长制", "专精特新", "小升规", "企业",
    "指标", "工作", "情况", "进展", "实施", "考核", "目标", "任务", "方案", "措施",
    /* the verbs and adverbs titles open with */
    "关于", "印发", "转发", "公布", "下达", "表彰", "做好", "加快", "加强", "推进", "推动",
    "促进", "优化", "提升", "支持", "开展", "组织", "申报", "认定", "实施", "建设", "深化",
    "进一步", "全面", "深入", "切实", "扎实", "持续", "大力",
    /* time */
    "上半年", "下半年", "全年", "年度", "#年度", "#年", "#月份", "#月", "第#季度", "#季度",
    "前#季度", "一季度", "第#批", "第#次", "第#届", "第#期", "新一轮", "十四五", "十五五",
    "#—#", "#～#", "#-#", "#－#", /* a span of numbers: 1—6月, 2024—2026年 */
};

/* A numeral a '#' stands for. */
static int numeral(uint32_t cp)
{
    static const uint32_t chinese[] = {0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                       0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E}; /* 〇零一…十百 */
    if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))
        return 1;
    for (size_t i = 0; i < sizeof chinese / sizeof chinese[0]; i++)
        if (cp == chinese[i])
            return 1;
    return 0;
}

static int ideograph(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

/* The end of word (UTF-8, pattern marks when pattern is set) matched at glyph i, or i when it
 * does not match there. */
static size_t match(const zb_glyph *g, size_t n, size_t i, const char *word, int pattern)
{
    size_t k = i;
    const char *s = word;
    if (pattern && *s == '*') {
        if (k >= n || !ideograph(g[k].cp))
            return i;
        k++, s++;
    }
    while (*s) {
        if (pattern && *s == '#') {
            size_t run = k;
            while (run < n && numeral(g[run].cp))
                run++;
            if (run == k)
                return i;
            k = run, s++;
            continue;
        }
        size_t len;
        uint32_t cp = zb_utf8_decode(s, &len);
        if (k >= n || g[k].cp != cp)
            return i;
        k++, s += len;
    }
    return k;
}

/* Marks the breaks inside the match [i, e): every place between two of its glyphs. */
static void mark(unsigned char *inside, size_t i, size_t e)
{
    for (size_t k = i + 1; k < e; k++)
        if (inside[k] < 255)
            inside[k]++;
}

void zb_title_words(const zb_glyph *g, size_t n, const char *const *words, size_t count,
                    unsigned char *inside)
{
    memset(inside, 0, n + 1);
    for (size_t i = 0; i < n; i++) {
        /* The longest lexicon word that starts here; words of the document all count, as a
         * break inside any of them splits a name. */
        size_t longest = i;
        for (size_t w = 0; w < sizeof lexicon / sizeof lexicon[0]; w++) {
            size_t e = match(g, n, i, lexicon[w], 1);
            if (e > longest)
                longest = e;
        }
        if (longest > i + 1)
            mark(inside, i, longest);
        for (size_t w = 0; w < count; w++) {
            if (!words[w] || !*words[w])
                continue;
            size_t e = match(g, n, i, words[w], 0);
            if (e > i + 1)
                mark(inside, i, e);
        }
    }
}
