/* Core: status strings in step with the enum, version, UTF-8, files, time. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/internal.h"
#include "zhibiao.h"

/* Every ZB_* value declared in common.h's zb_status has its own message, and values past
 * the last are "unknown status": read the header itself so the two cannot drift apart. */
static void test_strerror_matches_header(void **state)
{
    (void)state;
    const char *src = getenv("ZB_SOURCE_DIR");
    if (!src)
        skip();
    char path[4096];
    snprintf(path, sizeof path, "%s/include/zhibiao/common.h", src);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[512];
    int count = 0, max = -1;
    const char *seen[64] = {0};
    while (fgets(line, sizeof line, f)) {
        char name[64];
        int value;
        if (sscanf(line, " ZB_%63[A-Z_] = %d", name, &value) == 2 && (strncmp(name, "ERR_", 4) == 0 || strcmp(name, "OK") == 0)) {
            const char *msg = zb_strerror((zb_status)value);
            assert_string_not_equal(msg, "unknown status");
            for (int k = 0; k < count; k++)
                assert_string_not_equal(seen[k], msg);
            assert_true(count < 64);
            seen[count++] = msg;
            if (value > max)
                max = value;
        }
    }
    fclose(f);
    assert_true(count >= 13);
    assert_int_equal(max + 1, count); /* values are dense from 0 */
    assert_string_equal(zb_strerror((zb_status)(max + 1)), "unknown status");
    assert_string_equal(zb_strerror((zb_status)-1), "unknown status");
}

static void test_version(void **state)
{
    (void)state;
    assert_string_equal(zb_version(), ZB_VERSION);
    int a, b, c;
    assert_int_equal(sscanf(zb_version(), "%d.%d.%d", &a, &b, &c), 3);
    assert_int_equal(a * 10000 + b * 100 + c, ZB_VERSION_NUMBER);
    zb_free(NULL);
}

static void test_utf8_check(void **state)
{
    (void)state;
    const char ok[] = "牵引性指标 ok “415X”";
    assert_int_equal(zb_utf8_check(ok, strlen(ok)), strlen(ok));
    const struct { const char *s; size_t len, bad; } cases[] = {
        {"ab\xff", 3, 2},           /* never valid */
        {"a\xc0\xaf", 3, 1},        /* overlong */
        {"\xe4\xb8", 2, 0},         /* truncated */
        {"x\xed\xa0\x80", 4, 1},    /* surrogate */
        {"\xf4\x90\x80\x80", 4, 0}, /* above U+10FFFF */
        {"\xe4\xb8\x41", 3, 0},     /* bad continuation */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(zb_utf8_check(cases[i].s, cases[i].len), cases[i].bad);
}

/* The checker as the standard states it, one code point at a time: what the fast one must
 * agree with, to the byte. */
static size_t reference_check(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t min, cp;
        if (c >= 0xC2 && c <= 0xDF)
            n = 2, min = 0x80, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 3, min = 0x800, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 4, min = 0x10000, cp = c & 0x07;
        else
            return i;
        if (i + n > len)
            return i;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n;
    }
    return len;
}

static void test_utf8_check_exhaustive(void **state)
{
    (void)state;
    /* Every lead and second byte, with third and fourth bytes at the edges of the ranges,
     * after 0 to 9 ASCII bytes (the fast path takes eight at a time) and cut inside them. */
    static const unsigned char tails[] = {0x41, 0x80, 0x9F, 0xBF, 0xC0};
    unsigned char buf[32];
    for (unsigned a = 0x80; a < 0x100; a++) {
        for (unsigned b = 0; b < 0x100; b++) {
            for (size_t t = 0; t < sizeof tails; t++) {
                size_t pad = (a + b + t) % 10;
                memset(buf, 'x', pad);
                buf[pad] = (unsigned char)a;
                buf[pad + 1] = (unsigned char)b;
                buf[pad + 2] = tails[t];
                buf[pad + 3] = tails[(t + 3) % sizeof tails];
                memcpy(buf + pad + 4, "\xE6\x8C\x87ok", 5);
                for (size_t len = pad + 1; len <= pad + 5; len++)
                    if (zb_utf8_check((const char *)buf, len) != reference_check(buf, len))
                        fail_msg("%02X %02X %02X %02X after %zu, length %zu: %zu, not %zu", a, b, tails[t],
                                 tails[(t + 3) % sizeof tails], pad, len, zb_utf8_check((const char *)buf, len),
                                 reference_check(buf, len));
            }
        }
    }
    /* Long texts of random characters, a bad byte now and then. */
    uint64_t x = 0x9E3779B97F4A7C15u;
    static const char *const pieces[] = {"指", "标", "a", "bcdefghij", "é", "😀", "（", "\x80", "\xED\xA0\x80",
                                         "\xF4\x90\x80\x80", "\xC1\xBF", "  "};
    for (int round = 0; round < 2000; round++) {
        char text[512];
        size_t n = 0;
        while (n < sizeof text - 16) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            const char *piece = pieces[x % (round % 3 ? 7 : 12)];
            memcpy(text + n, piece, strlen(piece));
            n += strlen(piece);
        }
        assert_int_equal(zb_utf8_check(text, n), reference_check((const unsigned char *)text, n));
    }
}

/* zb_format_number's short cuts for whole numbers and a few decimals print what the long
 * road (%.15g, %.16g or %.17g, whichever reads back) prints. */
static void test_format_number_short_cuts(void **state)
{
    (void)state;
    uint64_t x = 0x2545F4914F6CDD1Du;
    for (int i = 0; i < 30000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double v;
        switch (i % 6) {
        case 0: v = (double)(int64_t)(x % 2000000000000000u) - 1e15; break; /* whole, to ±10^15 */
        case 1: v = (double)(int64_t)(x % 20000001u - 10000000) / 10.0; break;
        case 2: v = (double)(int64_t)(x % 2000001u - 1000000) / 100.0; break;
        case 3: v = (double)(x % 100000000u) / pow(10, (double)(x % 9)); break;
        case 4: v = (double)(x >> 11) / 9007199254740992.0 * pow(10, (double)(x % 13) - 6); break;
        default: v = (double)(x % 1000u) / 1000.0 - 0.5; break;
        }
        char want[32], got[32];
        for (int prec = 15; prec <= 17; prec++) {
            snprintf(want, sizeof want, "%.*g", prec, v);
            if (strtod(want, NULL) == v)
                break;
        }
        zb_format_number(v, got);
        /* The same digits; an exponent written out. */
        if (strtod(got, NULL) != v || strchr(got, 'e') || (!strchr(want, 'e') && strcmp(got, want) != 0))
            fail_msg("%.17g: \"%s\", not \"%s\"", v, got, want);
    }
    char buf[32];
    /* Digits, never an exponent, for the numbers a plan holds: they read back as targets. */
    assert_string_equal(zb_format_number(-0.0, buf), "0");
    assert_string_equal(zb_format_number(1e15, buf), "1000000000000000");
    assert_string_equal(zb_format_number(-1.5e15, buf), "-1500000000000000");
    assert_string_equal(zb_format_number(0.00005, buf), "0.00005");
    assert_string_equal(zb_format_number(1e-9, buf), "0.000000001");
    assert_string_equal(zb_format_number(-1.2345e-7, buf), "-0.00000012345");
    assert_string_equal(zb_format_number(1.0 / 3e6, buf), "0.00000033333333333333335");
    assert_string_equal(zb_format_number(1e17, buf), "100000000000000000");
    assert_string_equal(zb_format_number(1e300, buf), "1e+300"); /* beyond a plan: left as is */
    assert_string_equal(zb_format_number(6.5, buf), "6.5");
    /* Made of a plan's numbers (10^15 / 10^-9 as a percentage): still digits. */
    assert_string_equal(zb_format_number(-1e26, buf), "-100000000000000000000000000");
    assert_string_equal(zb_format_number(5.0000000000000002e25, buf), "50000000000000000000000000");
    assert_string_equal(zb_format_number(1.5e28, buf), "15000000000000000000000000000");
    /* Rounded to significant digits: no float noise, no exponent. */
    assert_string_equal(zb_format_rounded(0.1 + 0.2, 15, buf), "0.3");
    assert_string_equal(zb_format_rounded(123456789012.5, 15, buf), "123456789012.5");
    assert_string_equal(zb_format_rounded(0.00001, 15, buf), "0.00001");
    assert_string_equal(zb_format_rounded(1e24 * 100, 15, buf), "100000000000000000000000000");
    assert_string_equal(zb_format_rounded(-0.0, 15, buf), "0");
    assert_string_equal(zb_format_rounded(2.9166666666666665, 6, buf), "2.91667");
    double plan_numbers[] = {1e15, 1e-9, 0.00005, 123456.789e-10, 9.999999999999999e14};
    for (size_t k = 0; k < sizeof plan_numbers / sizeof *plan_numbers; k++) {
        double v;
        assert_true(zb_parse_target(zb_format_number(plan_numbers[k], buf), &v, NULL));
        assert_true(v == plan_numbers[k]);
    }
}

static void test_utf8_codec_and_position(void **state)
{
    (void)state;
    char buf[4];
    const uint32_t cps[] = {0x41, 0xA0, 0x4E2D, 0x1F600};
    for (size_t i = 0; i < 4; i++) {
        size_t n = zb_utf8_encode(cps[i], buf), m;
        assert_int_equal(zb_utf8_decode(buf, &m), cps[i]);
        assert_int_equal(n, m);
    }
    assert_int_equal(zb_utf8_length("指标ab"), 4);
    const char *t = "ab\n指标x";
    int line, col;
    zb_text_position(t, strlen(t), strlen("ab\n指标"), &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 3);
    zb_text_position(t, strlen(t), 0, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 1);
    assert_true(zb_is_cjk(0x4E2D));
    assert_true(zb_is_cjk(0x201C)); /* “ */
    assert_true(zb_is_cjk(0xFF08)); /* （ */
    assert_false(zb_is_cjk('A'));
}

static void test_gbk_detection(void **state)
{
    (void)state;
    /* 序号,类别 in GBK */
    const char gbk[] = "\xd0\xf2\xba\xc5,\xc0\xe0\xb1\xf0\n";
    assert_true(zb_looks_like_gbk(gbk, strlen(gbk)));
    assert_false(zb_looks_like_gbk("plain ascii", 11));
    assert_false(zb_looks_like_gbk("\xff\xff\x01", 3));
    const char gb18030[] = "\x81\x30\x81\x30";
    assert_true(zb_looks_like_gbk(gb18030, 4));
}

static void test_format_number(void **state)
{
    (void)state;
    char buf[32];
    assert_string_equal(zb_format_number(450, buf), "450");
    assert_string_equal(zb_format_number(6.5, buf), "6.5");
    assert_string_equal(zb_format_number(0.1, buf), "0.1");
    assert_string_equal(zb_format_number(115.16, buf), "115.16");
    assert_true(strtod(zb_format_number(1.0 / 3.0, buf), NULL) == 1.0 / 3.0);
}

static void test_buf(void **state)
{
    (void)state;
    zb_buf b = {0};
    zb_buf_adds(&b, "指标");
    zb_buf_addc(&b, ':');
    zb_buf_addf(&b, "%d-%s", 41, "x");
    for (int i = 0; i < 100; i++)
        zb_buf_addf(&b, "%0300d", i); /* longer than the formatting scratch */
    assert_int_equal(b.len, strlen("指标:41-x") + 30000);
    char *s = zb_buf_take(&b);
    assert_memory_equal(s, "指标:41-x", strlen("指标:41-x"));
    free(s);
    assert_null(b.data);
    char *empty = zb_buf_take(&b);
    assert_string_equal(empty, "");
    free(empty);
    char *d = zb_strndup("abcdef", 3);
    assert_string_equal(d, "abc");
    free(d);
    assert_null(zb_strdup(NULL));
}

static void test_error(void **state)
{
    (void)state;
    zb_error e;
    assert_int_equal(zb_error_set(&e, ZB_ERR_VALUE, "%s:%d", "x", 3), ZB_ERR_VALUE);
    assert_int_equal(e.code, ZB_ERR_VALUE);
    assert_string_equal(e.message, "x:3");
    zb_error_clear(&e);
    assert_int_equal(e.code, ZB_OK);
    assert_string_equal(e.message, "");
    assert_int_equal(zb_error_set(NULL, ZB_ERR_IO, "ignored"), ZB_ERR_IO);
}

static char tmpdir[64];

static void test_files(void **state)
{
    (void)state;
    char path[128], *data;
    size_t len;
    zb_error e;
    snprintf(path, sizeof path, "%s/a.txt", tmpdir);
    assert_int_equal(zb_write_file(path, NULL, "hello", 5, &e), ZB_OK);
    assert_int_equal(zb_read_file(path, &data, &len, &e), ZB_OK);
    assert_int_equal(len, 5);
    assert_string_equal(data, "hello");
    free(data);

    /* An aborted output leaves the destination as it was and no temporary file. */
    zb_output out;
    assert_int_equal(zb_output_begin(&out, path, NULL, &e), ZB_OK);
    assert_int_equal(access(out.tmp, F_OK), 0);
    zb_output_abort(&out);
    assert_int_equal(zb_read_file(path, &data, &len, &e), ZB_OK);
    assert_string_equal(data, "hello");
    free(data);

    char missing[160];
    snprintf(missing, sizeof missing, "%s/no/such/x.txt", tmpdir);
    assert_int_equal(zb_write_file(missing, NULL, "x", 1, &e), ZB_ERR_WRITE);
    assert_non_null(strstr(e.message, "no/such/x.txt"));
    assert_int_equal(zb_read_file(missing, &data, &len, &e), ZB_ERR_IO);
    assert_null(data);
    assert_int_equal(zb_write_file(tmpdir, NULL, "x", 1, &e), ZB_ERR_WRITE); /* a directory */
    assert_non_null(strstr(e.message, "directory"));
    assert_int_equal(zb_output_begin(&out, "", NULL, &e), ZB_ERR_ARGUMENT);
}

static void test_time(void **state)
{
    (void)state;
    assert_int_equal(zb_date_to_time(1970, 1, 1), 0);
    assert_int_equal(zb_date_to_time(2024, 5, 31), 1717113600);
    assert_true(zb_date_valid((zb_date){2024, 2, 29}));
    assert_false(zb_date_valid((zb_date){2023, 2, 29}));
    assert_false(zb_date_valid((zb_date){2024, 13, 1}));
    assert_false(zb_date_valid((zb_date){0, 0, 0}));
    assert_int_equal(zb_output_time((zb_date){2022, 3, 24}, 2021), zb_date_to_time(2022, 3, 24));
    setenv("SOURCE_DATE_EPOCH", "86400", 1);
    assert_int_equal(zb_output_time((zb_date){0, 0, 0}, 2021), 86400);
    assert_int_equal(zb_output_time((zb_date){2022, 3, 24}, 2021), zb_date_to_time(2022, 3, 24));
    setenv("SOURCE_DATE_EPOCH", "junk", 1);
    assert_int_equal(zb_output_time((zb_date){0, 0, 0}, 2021), zb_date_to_time(2021, 1, 1));
    unsetenv("SOURCE_DATE_EPOCH");
    assert_int_equal(zb_output_time((zb_date){0, 0, 0}, 0), zb_date_to_time(1980, 1, 1));
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "%s/zbcoreXXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Chinese punctuation in Chinese text; numbers, Latin text and addresses keep theirs. NULL
 * in the table = unchanged. */
static void test_punct(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        /* the marks beside Chinese */
        {"(此件公开发布)", "（此件公开发布）"},
        {"(一)推动产业转型升级", "（一）推动产业转型升级"},
        {"(1)加强要素保障", "（1）加强要素保障"},
        {"新增企业(家)", "新增企业（家）"},
        {"规上工业增加值增速(%)", "规上工业增加值增速（%）"},
        {"(责任单位:县经信局,县发改局)", "（责任单位：县经信局，县发改局）"},
        {"县经信局, 县发改局; 县科技局", "县经信局，县发改局；县科技局"},
        {"是否完成?请报送!", "是否完成？请报送！"},
        {"全面推进智能制造.(责任单位:县经信局)", "全面推进智能制造。（责任单位：县经信局）"},
        {"任务完成.", "任务完成。"},
        {"打造\"桐庐样板\",现将", "打造“桐庐样板”，现将"},
        {"深化\"415X\"先进制造业", "深化“415X”先进制造业"},
        {"AI(人工智能)", "AI（人工智能）"},
        {"2024年,全县", "2024年，全县"},
        {"共3项,其中", "共3项，其中"},
        {"（已是全角）、“引号”。", NULL},
        /* numbers keep theirs */
        {"营收1,000亿元", NULL},
        {"会议10:30开始", NULL},
        {"增速6.5%以上", NULL},
        {"1.全面落实产业链制度", NULL},
        {"第1.2节", NULL},
        /* Latin text keeps its own */
        {"Hello, world: (a test).", NULL},
        {"see \"quoted\" text", NULL},
        {"Mr. Li", NULL},
        /* addresses keep theirs; the mark after one is the sentence's */
        {"详见https://www.example.gov.cn/a(b),c.html", NULL},
        {"详见https://a.cn/x.html,并报送", "详见https://a.cn/x.html，并报送"},
        {"联系邮箱:office@tonglu.gov.cn.", "联系邮箱：office@tonglu.gov.cn."},
        {"访问www.zj.gov.cn:8080/x", NULL},
        /* unmatched */
        {"备注(见附件", "备注（见附件"},
        {"见附件)后", "见附件）后"},
        {"", NULL},
        {"纯中文无标点", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        zb_buf out = {0};
        int rc = zb_text_punct(cases[i].in, strlen(cases[i].in), &out);
        const char *want = cases[i].out ? cases[i].out : cases[i].in;
        const char *got = rc == 1 ? out.data : cases[i].in;
        if (rc < 0 || strcmp(got, want) != 0 || (rc == 1) != (cases[i].out != NULL))
            fail_msg("'%s': got '%s' (rc %d), want '%s'", cases[i].in, got, rc, want);
        /* the result is its own result */
        zb_buf again = {0};
        assert_int_equal(zb_text_punct(got, strlen(got), &again), 0);
        zb_buf_free(&again);
        zb_buf_free(&out);
    }
    /* invalid UTF-8 is left for the caller to report */
    zb_buf out = {0};
    assert_int_equal(zb_text_punct("中\xff,文", 7, &out), 0);
    assert_null(out.data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strerror_matches_header),
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_utf8_check),
        cmocka_unit_test(test_utf8_check_exhaustive),
        cmocka_unit_test(test_format_number_short_cuts),
        cmocka_unit_test(test_utf8_codec_and_position),
        cmocka_unit_test(test_gbk_detection),
        cmocka_unit_test(test_format_number),
        cmocka_unit_test(test_buf),
        cmocka_unit_test(test_error),
        cmocka_unit_test(test_files),
        cmocka_unit_test(test_time),
        cmocka_unit_test(test_punct),
    };
    return cmocka_run_group_tests_name("core", tests, setup, teardown);
}
