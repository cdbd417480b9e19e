/* Tests of what names and target texts say: zb_infer_unit, zb_infer_kind,
 * zb_infer_direction, zb_parse_target and zb_normalize_name. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/plan_internal.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

static void test_infer_unit(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        const char *unit;
    } cases[] = {
        {"培育智能工厂(数字化车间)(家)", "家"},
        {"规上工业增加值增速(%)", "%"},
        {"新增市级以上首台(套)项目", ""},
        {"保障新上重大制造业项目用能(万吨标煤)", "万吨标煤"},
        {"单位工业增加值能耗（吨标煤/万元）", "吨标煤/万元"},
        {"新增“小升规”企业(家)", "家"},
        {"招引落地总投资10亿元以上(或1亿美元以上)制造业项目(个)", "个"},
        {"企业数(含(小微))", "含(小微)"}, /* nesting-aware */
        {"企业数(家) ", "家"},            /* trailing space */
        {"企业数( 家 )", "家"},           /* spaces inside */
        {"企业数（家)", "家"},            /* mixed brackets */
        {"(家)", ""},                    /* nothing but a group */
        {"企业数家)", ""},               /* unbalanced */
        {"企业数()", ""},
        {"企业数", ""},
        {"", ""},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        char buf[64];
        size_t n = zb_infer_unit(cases[i].name, buf, sizeof buf);
        assert_string_equal(buf, cases[i].unit);
        assert_int_equal(n, strlen(cases[i].unit));
    }
}

static void test_infer_unit_buffers(void **state)
{
    (void)state;
    char buf[8] = "xxxxxxx";
    /* NULL name gives "". */
    assert_int_equal(zb_infer_unit(NULL, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    /* NULL buffer or size 0: length only, nothing written. */
    assert_int_equal(zb_infer_unit("用能(万吨标煤)", NULL, 0), 12);
    memcpy(buf, "abc", 4);
    assert_int_equal(zb_infer_unit("用能(万吨标煤)", buf, 0), 12);
    assert_string_equal(buf, "abc");
    /* Truncation keeps whole characters: 5 bytes of room hold one 3-byte character. */
    char small[6];
    assert_int_equal(zb_infer_unit("用能(万吨标煤)", small, sizeof small), 12);
    assert_string_equal(small, "万");
    char exact[13];
    assert_int_equal(zb_infer_unit("用能(万吨标煤)", exact, sizeof exact), 12);
    assert_string_equal(exact, "万吨标煤");
    char one[1];
    zb_infer_unit("a(b)", one, 1);
    assert_string_equal(one, "");
    /* Not UTF-8: read safely. */
    assert_int_equal(zb_infer_unit("\xff(\xe4)", buf, sizeof buf), 1);
    assert_int_equal(zb_infer_unit("abc(\xe4", buf, sizeof buf), 0);
}

static void test_infer_kind(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        zb_kind kind;
    } cases[] = {
        {"规上工业增加值增速(%)", ZB_KIND_RATE},
        {"规上工业亩均增加值增速(%)", ZB_KIND_RATE},
        {"数字经济核心产业增加值增长(%)", ZB_KIND_RATE},
        {"营业收入增幅(%)", ZB_KIND_RATE},
        {"制造业外资占比(%)", ZB_KIND_LEVEL},
        {"高新技术产业增加值占规上工业增加值比重(%)", ZB_KIND_LEVEL},
        {"规上工业企业数字化改造覆盖率(%)", ZB_KIND_LEVEL},
        {"专利快速预审提速率(%)", ZB_KIND_LEVEL},
        {"动态保有上市培育企业(家)", ZB_KIND_LEVEL},
        {"工业用地容积率", ZB_KIND_LEVEL},
        {"研发投入强度(%)", ZB_KIND_LEVEL},
        {"新增“小升规”企业(家)", ZB_KIND_CUMULATIVE},
        {"完成技术改造投资(亿元)", ZB_KIND_CUMULATIVE},
        {"新增市级以上首台(套)项目", ZB_KIND_CUMULATIVE},
        {"单位工业增加值能耗(吨标煤/万元)", ZB_KIND_LEVEL},
        {"单位GDP二氧化碳排放", ZB_KIND_LEVEL},
        {"规上制造业全员劳动生产率(万元/人)", ZB_KIND_LEVEL},
        {"保障新上重大制造业项目用能(万吨标煤)", ZB_KIND_CUMULATIVE},
        {"", ZB_KIND_CUMULATIVE},
        {NULL, ZB_KIND_CUMULATIVE},
    };
    for (size_t i = 0; i < COUNT(cases); i++)
        assert_int_equal(zb_infer_kind(cases[i].name), cases[i].kind);
}

static void test_infer_direction(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        zb_direction dir;
    } cases[] = {
        {"单位工业增加值能耗(吨标煤/万元)", ZB_DIR_LOWER},
        {"二氧化碳排放量(万吨)", ZB_DIR_LOWER},
        {"较大生产安全事故(起)", ZB_DIR_LOWER},
        {"工矿商贸死亡人数(人)", ZB_DIR_LOWER},
        {"职业病发生率(%)", ZB_DIR_LOWER},
        {"单位工业增加值能耗下降(%)", ZB_DIR_HIGHER},
        {"单位能耗降低率(%)", ZB_DIR_HIGHER},
        {"事故起数减少(%)", ZB_DIR_HIGHER},
        {"排放削减量(万吨)", ZB_DIR_HIGHER},
        {"节约能耗(万吨标煤)", ZB_DIR_HIGHER},
        {"新增“小升规”企业(家)", ZB_DIR_HIGHER},
        {"", ZB_DIR_HIGHER},
        {NULL, ZB_DIR_HIGHER},
    };
    for (size_t i = 0; i < COUNT(cases); i++)
        assert_int_equal(zb_infer_direction(cases[i].name), cases[i].dir);
}

static void test_parse_target(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int ok;
        double value;
        zb_qualifier q;
    } cases[] = {
        {"450", 1, 450, ZB_QUAL_NONE},
        {"20%", 1, 20, ZB_QUAL_NONE},
        {"20％", 1, 20, ZB_QUAL_NONE},
        {"6.5以上", 1, 6.5, ZB_QUAL_AT_LEAST},
        {"6.5及以上", 1, 6.5, ZB_QUAL_AT_LEAST},
        {"≥6.5", 1, 6.5, ZB_QUAL_AT_LEAST},
        {">=6.5", 1, 6.5, ZB_QUAL_AT_LEAST},
        {"＞＝6.5", 1, 6.5, ZB_QUAL_AT_LEAST},
        {"不低于6.5", 1, 6.5, ZB_QUAL_AT_LEAST},
        {"不少于40", 1, 40, ZB_QUAL_AT_LEAST},
        {"5左右", 1, 5, ZB_QUAL_ABOUT},
        {"约5", 1, 5, ZB_QUAL_ABOUT},
        {"≈5", 1, 5, ZB_QUAL_ABOUT},
        {"~5", 1, 5, ZB_QUAL_ABOUT},
        {"3以下", 1, 3, ZB_QUAL_AT_MOST},
        {"3以内", 1, 3, ZB_QUAL_AT_MOST},
        {"不超过3", 1, 3, ZB_QUAL_AT_MOST},
        {"不高于3", 1, 3, ZB_QUAL_AT_MOST},
        {"≤3", 1, 3, ZB_QUAL_AT_MOST},
        {"<=3", 1, 3, ZB_QUAL_AT_MOST},
        {"<5.5", 1, 5.5, ZB_QUAL_AT_MOST},        /* a strict bound is read as the bound */
        {"＜5.5%", 1, 5.5, ZB_QUAL_AT_MOST},
        {">90", 1, 90, ZB_QUAL_AT_LEAST},
        {"＞90%", 1, 90, ZB_QUAL_AT_LEAST},
        {"＜＝3", 1, 3, ZB_QUAL_AT_MOST},
        {"<5以上", 0, NAN, ZB_QUAL_NONE},
        {"达到95%", 1, 95, ZB_QUAL_NONE},
        {"控制在5.5%以内", 1, 5.5, ZB_QUAL_AT_MOST},
        {"6.5%左右", 1, 6.5, ZB_QUAL_ABOUT},
        {"力争20", 1, 20, ZB_QUAL_NONE},
        {"力争 20% 以上", 1, 20, ZB_QUAL_AT_LEAST},
        {"约5左右", 1, 5, ZB_QUAL_ABOUT},
        {"1,200", 1, 1200, ZB_QUAL_NONE},
        {"1,234,567.5", 1, 1234567.5, ZB_QUAL_NONE},
        {"１，２００．５", 1, 1200.5, ZB_QUAL_NONE},
        {"２０％", 1, 20, ZB_QUAL_NONE},
        {"  0.5 \u3000", 1, 0.5, ZB_QUAL_NONE},
        {"-3.5", 1, -3.5, ZB_QUAL_NONE},
        {"+3", 1, 3, ZB_QUAL_NONE},
        {"－3", 1, -3, ZB_QUAL_NONE},
        {"0.1", 1, 0.1, ZB_QUAL_NONE},
        {".5", 1, 0.5, ZB_QUAL_NONE},
        {"12345678901234567890", 0, NAN, ZB_QUAL_NONE}, /* beyond the numbers a plan holds */
        {"1000000000000000", 1, 1e15, ZB_QUAL_NONE},
        {"0.000000001", 1, 1e-9, ZB_QUAL_NONE},
        {"0.0000000001", 0, NAN, ZB_QUAL_NONE},
        {"-0", 1, 0, ZB_QUAL_NONE},
        {"持续提升", 0, NAN, ZB_QUAL_NONE},
        {"", 0, NAN, ZB_QUAL_NONE},
        {"   ", 0, NAN, ZB_QUAL_NONE},
        {"1 2", 0, NAN, ZB_QUAL_NONE},
        {"3-5", 0, NAN, ZB_QUAL_NONE},
        {"12,34", 0, NAN, ZB_QUAL_NONE},
        {"1234,567", 0, NAN, ZB_QUAL_NONE},
        {"5.", 0, NAN, ZB_QUAL_NONE},
        {"≥5以下", 0, NAN, ZB_QUAL_NONE},
        {"62家", 1, 62, ZB_QUAL_NONE},
        {"5个以上", 1, 5, ZB_QUAL_AT_LEAST},
        {"0.5万千瓦", 1, 0.5, ZB_QUAL_NONE},
        {"18亿千瓦时以上", 1, 18, ZB_QUAL_AT_LEAST},
        {"62家家家家家家家家家", 0, NAN, ZB_QUAL_NONE},
        {"62家3", 0, NAN, ZB_QUAL_NONE},
        {"以上", 0, NAN, ZB_QUAL_NONE},
        {"%", 0, NAN, ZB_QUAL_NONE},
        {"\xff", 0, NAN, ZB_QUAL_NONE},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        double v = 42;
        zb_qualifier q = ZB_QUAL_AUTO;
        int ok = zb_parse_target(cases[i].text, &v, &q);
        if (ok != cases[i].ok)
            fail_msg("\"%s\": returned %d", cases[i].text, ok);
        assert_int_equal(q, cases[i].q);
        if (cases[i].ok)
            assert_true(v == cases[i].value);
        else
            assert_true(isnan(v));
    }
}

static void test_parse_target_null(void **state)
{
    (void)state;
    double v = 0;
    zb_qualifier q = ZB_QUAL_AUTO;
    assert_int_equal(zb_parse_target(NULL, &v, &q), 0);
    assert_true(isnan(v));
    assert_int_equal(q, ZB_QUAL_NONE);
    /* Either output may be NULL. */
    assert_int_equal(zb_parse_target("6.5以上", NULL, NULL), 1);
    assert_int_equal(zb_parse_target("6.5以上", &v, NULL), 1);
    assert_true(v == 6.5);
    assert_int_equal(zb_parse_target("6.5以上", NULL, &q), 1);
    assert_int_equal(q, ZB_QUAL_AT_LEAST);
}

static void test_infer_collective(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        int collective;
    } cases[] = {
        {"县级相关部门", 1},
        {"县级有关单位", 1},
        {"产业集群工作组各成员单位", 1},
        {"产业集群工作组成员单位", 1},
        {"各产业集群工作组成员单位", 1},
        {"县制造业高质量发展领导小组有关成员单位", 1},
        {"各乡镇（街道）", 1},
        {"各镇人民政府", 1},
        {"县政府各部门", 1},
        {"县经信局等", 1},
        {"县经信局等部门", 1},
        {"县经信局等 ", 1}, /* trailing space */
        {"县经信局", 0},
        {"县规划和自然资源局", 0},
        {"县“低散乱污”整治办", 0},
        {"市生态环境局武义分局", 0},
        {"人行桐庐县支行", 0},
        {"县等级评定中心", 0}, /* 等 inside a name */
        {"", 0},
        {"\xff\xfe", 0}, /* not UTF-8: no crash, not collective */
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        if (zb_infer_collective(cases[i].name) != cases[i].collective)
            fail_msg("%s: expected %d", cases[i].name, cases[i].collective);
    }
    assert_int_equal(zb_infer_collective(NULL), 0);
}

static void test_normalize_name(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        const char *out;
    } cases[] = {
        {"牵\u00a0引\u00a0性\u00a0指\u00a0标", "牵引性指标"},
        {"新增“ 品字标浙江制造”认证企业(家)", "新增“品字标浙江制造”认证企业(家)"},
        {"培育“ 浙江制造 精品”(个)", "培育“浙江制造精品”(个)"},
        {"县经信局\u3000", "县经信局"},
        {"  hello \t  world  ", "hello world"},
        {"GDP 增速", "GDP增速"},
        {"5G 基站(个)", "5G基站(个)"},
        {"a\u3000b", "a b"},
        {"a\u2003\u200bb", "a b"},
        {"（ 家 ）", "（家）"},
        {"", ""},
        {" \u00a0 ", ""},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        char *s = zb_normalize_name(cases[i].in);
        assert_non_null(s);
        assert_string_equal(s, cases[i].out);
        free(s);
    }
    char *s = zb_normalize_name(NULL);
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
    /* Bytes that are not UTF-8 pass through without being read past. */
    s = zb_normalize_name("a \xe4");
    assert_non_null(s);
    assert_string_equal(s, "a \xe4");
    free(s);

    /* Every white-space character goes between two Chinese ones, and its neighbours in the
     * code charts, which are not white space, stay; a name without any is copied as is. */
    static const char *const spaces[] = {" ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u1680",
                                         "\u2000", "\u2005", "\u200a", "\u200b", "\u2028", "\u2029",
                                         "\u202f", "\u205f", "\u3000", "\ufeff"};
    static const char *const others[] = {"\u00a1", "\u1681", "\u200c", "\u2010", "\u201c", "\u2027",
                                         "\u202a", "\u2030", "\u205e", "\u2060", "\u3001", "\ufefe",
                                         "\xe2\x80", "\xe3\x80", "\xc2", "\x1f"};
    char in[64], want[64];
    for (size_t i = 0; i < COUNT(spaces); i++) {
        snprintf(in, sizeof in, "指%s标", spaces[i]);
        s = zb_normalize_name(in);
        assert_non_null(s);
        if (strcmp(s, "指标") != 0)
            fail_msg("space %zu: \"%s\"", i, s);
        free(s);
    }
    for (size_t i = 0; i < COUNT(others); i++) {
        snprintf(in, sizeof in, "指%s标", others[i]);
        snprintf(want, sizeof want, "%s", in);
        s = zb_normalize_name(in);
        assert_non_null(s);
        if (strcmp(s, want) != 0)
            fail_msg("other %zu: \"%s\"", i, s);
        free(s);
    }
}

/* Plain decimals (the most common target cell) are classified by a short cut: it reads
 * them as zb_parse_target() does, to the last bit. */
static void test_classify_plain_decimals(void **state)
{
    (void)state;
    static const char *const texts[] = {"0", "7", "007", "0.5", "96.5", "1725", "0.000001", "123456789012345",
                                        "1234567890123456", "12345678901234.5", "5.", ".5", "1.2.3", "3.14159"};
    char buf[40];
    uint64_t x = 0x2545F4914F6CDD1Du;
    for (size_t i = 0; i < COUNT(texts) + 5000; i++) {
        const char *text = texts[i % COUNT(texts)];
        if (i >= COUNT(texts)) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            snprintf(buf, sizeof buf, "%llu.%0*llu", (unsigned long long)(x % 100000000u), (int)(x % 7) + 1,
                     (unsigned long long)((x >> 20) % 1000000u));
            text = buf;
        }
        double a, b;
        zb_qualifier qa, qb;
        zb_change ca;
        zb_target_class cls = zb_classify_target(text, &a, &qa, &ca);
        int parsed = zb_parse_target(text, &b, &qb);
        if (parsed) {
            assert_int_equal(cls, ZB_TARGET_NUMERIC);
            if (memcmp(&a, &b, sizeof a) != 0)
                fail_msg("%s: %.17g, not %.17g", text, a, b);
            assert_int_equal(qa, qb);
            assert_int_equal(ca, ZB_CHANGE_NONE);
        } else {
            assert_true(cls != ZB_TARGET_NUMERIC || ca != ZB_CHANGE_NONE);
        }
    }
}

/* Every form of target cell that published tables hold, and what it reads as. */
static void test_classify_target(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        zb_target_class cls;
        double number;
        zb_qualifier qualifier;
        zb_change change;
    } cases[] = {
        /* placeholders and empty cells */
        {"", ZB_TARGET_NONE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"  ", ZB_TARGET_NONE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"—", ZB_TARGET_NONE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"——", ZB_TARGET_NONE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"-", ZB_TARGET_NONE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"--", ZB_TARGET_NONE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"－", ZB_TARGET_NONE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"/", ZB_TARGET_NONE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"／", ZB_TARGET_NONE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"\\", ZB_TARGET_NONE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"无", ZB_TARGET_NONE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {" 暂无 ", ZB_TARGET_NONE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"不适用", ZB_TARGET_NONE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        /* numbers */
        {"450", ZB_TARGET_NUMERIC, 450, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"-3", ZB_TARGET_NUMERIC, -3, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"≥520", ZB_TARGET_NUMERIC, 520, ZB_QUAL_AT_LEAST, ZB_CHANGE_NONE},
        {"≤10", ZB_TARGET_NUMERIC, 10, ZB_QUAL_AT_MOST, ZB_CHANGE_NONE},
        {"6.5左右", ZB_TARGET_NUMERIC, 6.5, ZB_QUAL_ABOUT, ZB_CHANGE_NONE},
        {"1000以内", ZB_TARGET_NUMERIC, 1000, ZB_QUAL_AT_MOST, ZB_CHANGE_NONE},
        {"20%", ZB_TARGET_NUMERIC, 20, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        /* stated changes */
        {"下降3%", ZB_TARGET_NUMERIC, -3, ZB_QUAL_NONE, ZB_CHANGE_PERCENT},
        {"降低5%", ZB_TARGET_NUMERIC, -5, ZB_QUAL_NONE, ZB_CHANGE_PERCENT},
        {"增长8%", ZB_TARGET_NUMERIC, 8, ZB_QUAL_NONE, ZB_CHANGE_PERCENT},
        {"增长 8 %", ZB_TARGET_NUMERIC, 8, ZB_QUAL_NONE, ZB_CHANGE_PERCENT},
        {"提高2个百分点", ZB_TARGET_NUMERIC, 2, ZB_QUAL_NONE, ZB_CHANGE_POINTS},
        {"提升0.5百分点", ZB_TARGET_NUMERIC, 0.5, ZB_QUAL_NONE, ZB_CHANGE_POINTS},
        {"下降1个百分点以上", ZB_TARGET_NUMERIC, -1, ZB_QUAL_AT_LEAST, ZB_CHANGE_POINTS},
        {"下降3%以上", ZB_TARGET_NUMERIC, -3, ZB_QUAL_AT_LEAST, ZB_CHANGE_PERCENT},
        {"增长8%左右", ZB_TARGET_NUMERIC, 8, ZB_QUAL_ABOUT, ZB_CHANGE_PERCENT},
        {"比上年增长5%", ZB_TARGET_NUMERIC, 5, ZB_QUAL_NONE, ZB_CHANGE_PERCENT},
        {"较2020年下降13.5%", ZB_TARGET_NUMERIC, -13.5, ZB_QUAL_NONE, ZB_CHANGE_PERCENT},
        {"较2020年末下降13.5%", ZB_TARGET_NUMERIC, -13.5, ZB_QUAL_NONE, ZB_CHANGE_PERCENT},
        {"同比增长6%", ZB_TARGET_NUMERIC, 6, ZB_QUAL_NONE, ZB_CHANGE_PERCENT},
        {"减少10家", ZB_TARGET_NUMERIC, -10, ZB_QUAL_NONE, ZB_CHANGE_AMOUNT},
        {"压减5万吨以上", ZB_TARGET_NUMERIC, -5, ZB_QUAL_AT_LEAST, ZB_CHANGE_AMOUNT},
        {"增加１２０亩", ZB_TARGET_NUMERIC, 120, ZB_QUAL_NONE, ZB_CHANGE_AMOUNT},
        {"年均增长6.5%左右", ZB_TARGET_NUMERIC, 6.5, ZB_QUAL_ABOUT, ZB_CHANGE_ANNUAL},
        /* qualitative */
        {"完成上级下达任务", ZB_TARGET_QUALITATIVE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"完成省下达任务", ZB_TARGET_QUALITATIVE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"完成市下达任务", ZB_TARGET_QUALITATIVE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"完成县下达任务", ZB_TARGET_QUALITATIVE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"完成省下达的2025年目标", ZB_TARGET_QUALITATIVE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"持续提升", ZB_TARGET_QUALITATIVE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"稳步提升", ZB_TARGET_QUALITATIVE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"保持稳定", ZB_TARGET_QUALITATIVE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"确保完成", ZB_TARGET_QUALITATIVE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"不低于上年", ZB_TARGET_QUALITATIVE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"与经济增长同步", ZB_TARGET_QUALITATIVE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"下降", ZB_TARGET_QUALITATIVE, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        /* neither */
        {"六十二", ZB_TARGET_UNRECOGNISED, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"见专项规划", ZB_TARGET_UNRECOGNISED, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"3或4", ZB_TARGET_UNRECOGNISED, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"下降3%或4%", ZB_TARGET_UNRECOGNISED, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
        {"年均增长5家", ZB_TARGET_UNRECOGNISED, NAN, ZB_QUAL_NONE, ZB_CHANGE_NONE},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        double v = 99;
        zb_qualifier q = ZB_QUAL_AUTO;
        zb_change c = (zb_change)99;
        zb_target_class cls = zb_classify_target(cases[i].text, &v, &q, &c);
        if (cls != cases[i].cls || q != cases[i].qualifier || c != cases[i].change ||
            !(isnan(cases[i].number) ? isnan(v) : v == cases[i].number))
            fail_msg("\"%s\": class %d, %g, qualifier %d, change %d", cases[i].text, cls, v, q, c);
        assert_int_equal(zb_classify_target(cases[i].text, NULL, NULL, NULL), cases[i].cls);
    }
    assert_int_equal(zb_classify_target(NULL, NULL, NULL, NULL), ZB_TARGET_NONE);
    /* Invalid UTF-8 is never read past. */
    assert_int_equal(zb_classify_target("下降\xe4", NULL, NULL, NULL), ZB_TARGET_QUALITATIVE);
    assert_int_equal(zb_classify_target("\xff", NULL, NULL, NULL), ZB_TARGET_UNRECOGNISED);
}

static void test_infer_kind_with_unit(void **state)
{
    (void)state;
    static const struct {
        const char *name, *unit;
        zb_kind kind;
    } cases[] = {
        {"规上工业亩均税收", "万元/亩", ZB_KIND_LEVEL},      /* a unit per something */
        {"规上工业亩均税收(万元/亩)", NULL, ZB_KIND_LEVEL}, /* the same written in the name */
        {"单位工业增加值能耗", "吨标煤/万元", ZB_KIND_LEVEL},
        {"工业用地容积率", "%", ZB_KIND_LEVEL},
        {"数字经济占比", "％", ZB_KIND_LEVEL},
        {"出生缺陷发生率", "‰", ZB_KIND_LEVEL},
        {"全员劳动生产率", "万元/人", ZB_KIND_LEVEL},
        {"每万人口发明专利拥有量", "件", ZB_KIND_LEVEL},
        {"人均预期寿命", "岁", ZB_KIND_LEVEL},
        {"新增“小升规”企业", "家", ZB_KIND_CUMULATIVE},
        {"规上工业营业收入", "亿元", ZB_KIND_CUMULATIVE},
        {"规上工业增加值增速", "%", ZB_KIND_RATE},
        {"新增企业", "", ZB_KIND_CUMULATIVE},
        {"新增企业", NULL, ZB_KIND_CUMULATIVE},
    };
    for (size_t i = 0; i < COUNT(cases); i++)
        if (zb_infer_kind_with_unit(cases[i].name, cases[i].unit) != cases[i].kind)
            fail_msg("%s / %s: %d", cases[i].name, cases[i].unit ? cases[i].unit : "NULL",
                     zb_infer_kind_with_unit(cases[i].name, cases[i].unit));
    assert_int_equal(zb_infer_kind_with_unit(NULL, NULL), ZB_KIND_CUMULATIVE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_infer_unit),      cmocka_unit_test(test_infer_unit_buffers),
        cmocka_unit_test(test_infer_kind),      cmocka_unit_test(test_infer_direction),
        cmocka_unit_test(test_parse_target),    cmocka_unit_test(test_parse_target_null),
        cmocka_unit_test(test_normalize_name),  cmocka_unit_test(test_infer_collective),
        cmocka_unit_test(test_classify_plain_decimals),
        cmocka_unit_test(test_classify_target), cmocka_unit_test(test_infer_kind_with_unit),
    };
    return cmocka_run_group_tests_name("infer", tests, NULL, NULL);
}
