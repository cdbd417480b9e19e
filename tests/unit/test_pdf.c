/* The PDF module: the line breaker (禁则, runs that never split, justification), title
 * balancing, dates and heading numbers, the notice writer's arguments and errors (a
 * character no font has, a bad seal, an unwritable destination), the same bytes for the
 * same plan, threads sharing a fontset, and what zb_pdf_info reports. The pages as a
 * reader sees them are checked by tests/golden/test_notice.py. */
#define _GNU_SOURCE /* RTLD_DEFAULT */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dlfcn.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "content/content_internal.h"
#include "font/font_internal.h"
#include "image/image.h"
#include "render/pdf/render_pdf.h"
#include <hpdf_utils.h>
#include "support.h"
#include "zhibiao.h"

/* ---- fixtures ------------------------------------------------------------------------ */

typedef struct fixture {
    char dir[256];
    zb_plan *plan;
    zb_fontset *fonts;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    if (zbt_tmpdir(f->dir, sizeof f->dir, "pdf") != 0) {
        free(f);
        return -1;
    }
    f->plan = zb_plan_new();
    f->fonts = zb_fontset_new();
    if (!f->plan || !f->fonts || zb_fontset_load_defaults(f->fonts) != ZB_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    int rc = zbt_rmtree(f->dir);
    zb_plan_free(f->plan);
    zb_fontset_free(f->fonts);
    free(f);
    return rc;
}

/* A small notice: 版头, title, recipients, body, an attachment of each kind, 版记. */
static void fill(zb_plan *p)
{
    assert_int_equal(zb_plan_set_meta(p, ZB_META_TITLE, "武义县人民政府关于印发《武义县新一轮制造业“腾笼换鸟、凤凰涅槃”攻坚行动方案》的通知"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_ORGAN, "武义县人民政府"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_DOC_NUMBER, "武政发〔2022〕11号"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_NOTE, "(此件公开发布)"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_PRINTER, "武义县人民政府办公室"), ZB_OK);
    zb_date issued = {2022, 3, 24}, printed = {2022, 3, 29};
    assert_int_equal(zb_plan_set_date(p, ZB_DATE_ISSUED, issued), ZB_OK);
    assert_int_equal(zb_plan_set_date(p, ZB_DATE_PRINTED, printed), ZB_OK);
    assert_int_equal(zb_plan_set_years(p, 2021, 2023), ZB_OK);
    assert_int_equal(zb_plan_add_recipient(p, "各镇人民政府、街道办事处、联盟"), ZB_OK);
    assert_int_equal(zb_plan_add_recipient(p, "县政府各部门"), ZB_OK);
    assert_int_equal(zb_plan_add_copy_to(p, "县委办"), ZB_OK);
    assert_int_equal(zb_plan_add_block(p, 0, "现将《武义县新一轮制造业“腾笼换鸟、凤凰涅槃”攻坚行动方案》印发给你们，请认真组织实施。"), ZB_OK);
    assert_int_equal(zb_plan_add_block(p, 1, "一、总体要求"), ZB_OK);
    assert_int_equal(zb_plan_add_block(p, 0, "（一）更大决心淘汰落后产能。到2023年，整治提升高耗低效企业400家，规上工业增加值年均增速达到13%以上。"), ZB_OK);
    assert_int_equal(zb_plan_add_unit(p, "县经济商务局", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_unit(p, "县发改局", NULL), ZB_OK);
    zb_indicator_def d = {0};
    d.category = "三年攻坚目标";
    d.name = "整治提升高耗低效企业(家)";
    d.target = "400";
    d.responsible = "县经济商务局、县发改局";
    assert_int_equal(zb_plan_add_indicator(p, &d, NULL), ZB_OK);
    d.name = "出让工业用地(亩)";
    d.target = "2000";
    d.responsible = "县资规局";
    assert_int_equal(zb_plan_add_indicator(p, &d, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_attachment(p, 1, ZB_ATTACH_TARGETS, "攻坚行动目标", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_attachment(p, 2, ZB_ATTACH_UNITS, "责任单位名单", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_attachment(p, 3, ZB_ATTACH_TEXT, "说明", "第一段。\n第二段。"), ZB_OK);
}

static int contains(const char *data, size_t len, const char *what)
{
    size_t n = strlen(what);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(data + i, what, n) == 0)
            return 1;
    return 0;
}

static void write_old(const char *path)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs("old", fp);
    fclose(fp);
}

static void assert_old(const char *path)
{
    size_t len;
    char *s = zbt_slurp(path, &len);
    assert_non_null(s);
    assert_string_equal(s, "old");
    free(s);
}

/* ---- the line breaker ---------------------------------------------------------------- */

/* Breaks text set as body type on lines `cells` characters wide; returns the lines
 * separated by '|' and checks that every broken line is justified to the full width. */
static char *break_text(const zb_fontset *fonts, const char *text, double cells)
{
    zb_error err;
    zb_doc doc;
    zb_doc_init(&doc, fonts, &err);
    zb_glyphs g = {0};
    zb_lines l = {0};
    assert_int_equal(zb_shape(&doc, &g, text, strlen(text), ZB_FONT_BODY, ZB_SIZE_BODY,
                              ZB_CHAR_SPACE, ZB_INK_BLACK, "test"),
                     ZB_OK);
    double width = cells * ZB_CELL;
    assert_int_equal(zb_break_lines(g.g, g.n, width, width, &l), 0);
    zb_buf out = {0};
    for (size_t i = 0; i < l.n; i++) {
        const zb_line *ln = &l.l[i];
        if (i)
            zb_buf_addc(&out, '|');
        for (size_t k = ln->start; k < ln->end; k++) {
            char u[8];
            zb_buf_add(&out, u, zb_utf8_encode(g.g[k].cp, u));
        }
        assert_true(ln->width <= width + 0.02);
        assert_int_equal(ln->last, i + 1 == l.n);
        if (!ln->last && ln->end - ln->start > 1) {
            double extra = zb_justify_extra(g.g, ln, width);
            double filled = ln->width + extra * (double)(ln->end - ln->start - 1);
            assert_true(fabs(filled - width) < 0.01);
        }
    }
    free(g.g);
    free(l.l);
    zb_doc_free(&doc);
    return zb_buf_take(&out);
}

static void test_line_breaking(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *text;
        double cells;
        const char *lines;
    } cases[] = {
        {"一二三四五六七八", 5, "一二三四五|六七八"},
        /* 禁则: a closing mark never starts a line: the character before it goes down. */
        {"一二三四五，六七", 5, "一二三四|五，六七"},
        {"一二三四五。”六七", 5, "一二三四|五。”六七"},
        {"一二三四五）六", 5, "一二三四|五）六"},
        {"一二三四五、六", 5, "一二三四|五、六"},
        {"一二三四五》六", 5, "一二三四|五》六"},
        {"一二三四五：六", 5, "一二三四|五：六"},
        {"一二三四五!六", 5, "一二三四|五！六"}, /* set full-width inside Chinese */
        /* an opening mark never ends one */
        {"一二三四《五六》", 5, "一二三四|《五六》"},
        {"一二三四“五六”", 5, "一二三四|“五六”"},
        {"一二三四（五）", 5, "一二三四|（五）"},
        {"一二三四〔五〕", 5, "一二三四|〔五〕"},
        /* —— and …… stay whole and never start a line */
        {"一二三四——五", 5, "一二三|四——五"},
        {"一二三四……五", 5, "一二三|四……五"},
        /* numbers and Latin words never split */
        {"一二三四2024年", 5, "一二三四|2024年"},
        {"一二三四6.5%", 5, "一二三四|6.5%"},
        {"一二三“415X”四", 5, "一二三|“415X”四"},
        {"一二三abcdefgh", 5, "一二三|abcdefgh"},
        {"一二三四五(R&D)六", 6, "一二三四五|（R&D）六"},
        /* spaces are dropped at a break */
        {"ab cd ef gh ij kl mn op", 3, "ab cd|ef gh|ij kl|mn op"},
        /* a full line of 28 fills the type area exactly */
        {"一二三四五六七八九十一二三四五六七八九十一二三四五六七八", 28,
         "一二三四五六七八九十一二三四五六七八九十一二三四五六七八"},
        {"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九", 28,
         "一二三四五六七八九十一二三四五六七八九十一二三四五六七八|九"},
        {"", 5, ""},
    };
    /* A run longer than a line is broken where the line is full. */
    char *runs = break_text(f->fonts, "abcdefghijklmnopqrstuvwxyz0123456789", 5);
    assert_true(strchr(runs, '|') != NULL);
    for (char *s = runs; *s;) {
        size_t n = strcspn(s, "|");
        assert_true(n >= 1);
        s += n + (s[n] == '|');
    }
    free(runs);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = break_text(f->fonts, cases[i].text, cases[i].cells);
        if (strcmp(got, cases[i].lines) != 0)
            fail_msg("%s at %g cells: got %s, want %s", cases[i].text, cases[i].cells, got,
                     cases[i].lines);
        free(got);
    }
}

static void test_break_rules(void **state)
{
    fixture *f = *state;
    zb_doc doc;
    zb_doc_init(&doc, f->fonts, NULL);
    zb_glyphs g = {0};
    const char *text = "现将“415X”“腾笼换鸟”——6.5%……《方案》，";
    assert_int_equal(zb_shape(&doc, &g, text, strlen(text), ZB_FONT_BODY, 16, 0, 0, "t"), ZB_OK);
    for (size_t i = 1; i < g.n; i++) {
        uint32_t a = g.g[i - 1].cp, b = g.g[i].cp;
        int allowed = zb_break_allowed(g.g, g.n, i);
        if (b == 0x201D || b == 0xFF0C || b == 0x2014 || b == 0x2026 || b == '%' || b == 0x300B)
            assert_false(allowed);
        if (a == 0x201C || a == 0x300A)
            assert_false(allowed);
        if ((a >= '0' && a <= '9') && (b >= '0' && b <= '9'))
            assert_false(allowed);
    }
    assert_int_equal(zb_char_flags(0x3002) & ZB_G_NO_START, ZB_G_NO_START);
    assert_int_equal(zb_char_flags(0x300A) & ZB_G_NO_END, ZB_G_NO_END);
    assert_int_equal(zb_char_flags('7') & ZB_G_WORD, ZB_G_WORD);
    assert_int_equal(zb_char_flags(' '), ZB_G_SPACE);
    /* Full-width characters take one cell whatever their advance, half-width ones theirs. */
    for (size_t i = 0; i < g.n; i++) {
        if (g.g[i].flags & ZB_G_FULL)
            assert_true(fabs(g.g[i].width - 16) < 1e-9);
        else
            assert_true(fabs(g.g[i].width - g.g[i].adv) < 1e-9);
    }
    free(g.g);
    zb_doc_free(&doc);
}

/* ---- title balancing ----------------------------------------------------------------- */

static size_t balance(const zb_fontset *fonts, const char *title, char lines[][256], size_t max,
                      double *widths)
{
    zb_doc doc;
    zb_doc_init(&doc, fonts, NULL);
    zb_glyphs g = {0};
    zb_lines l = {0};
    assert_int_equal(zb_shape(&doc, &g, title, strlen(title), ZB_FONT_TITLE, ZB_SIZE_TITLE, 0, 0, "t"),
                     ZB_OK);
    assert_int_equal(zb_balance_lines(g.g, g.n, ZB_AREA_WIDTH, &l), 0);
    assert_true(l.n <= max);
    for (size_t i = 0; i < l.n; i++) {
        size_t len = 0;
        for (size_t k = l.l[i].start; k < l.l[i].end; k++)
            len += zb_utf8_encode(g.g[k].cp, lines[i] + len);
        lines[i][len] = '\0';
        widths[i] = l.l[i].width;
        assert_true(l.l[i].width <= ZB_AREA_WIDTH + 0.02);
    }
    size_t n = l.n;
    free(g.g);
    free(l.l);
    zb_doc_free(&doc);
    return n;
}

static int ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

static void test_title_balance(void **state)
{
    fixture *f = *state;
    char lines[8][256];
    double w[8];
    static const char *const titles[] = {
        "武义县人民政府关于印发《武义县新一轮制造业“腾笼换鸟、凤凰涅槃”攻坚行动方案》的通知",
        "桐庐县“415X”先进制造业集群培育工程2024年工作要点",
        "国务院办公厅关于印发2024年政务公开工作要点的通知",
        "浙江省人民政府关于加快推进新一轮制造业“腾笼换鸟、凤凰涅槃”攻坚行动的实施意见",
        "关于2024年第一季度指标完成情况的通报",
    };
    for (size_t t = 0; t < sizeof titles / sizeof titles[0]; t++) {
        size_t n = balance(f->fonts, titles[t], lines, 8, w);
        assert_true(n >= 1);
        for (size_t i = 0; i < n; i++) {
            assert_false(ends_with(lines[i], "《") || ends_with(lines[i], "“"));
            /* upper lines are not shorter than lower ones by more than a character and a half */
            if (i + 1 < n)
                assert_true(w[i] + 1.5 * ZB_SIZE_TITLE + 0.01 >= w[i + 1]);
            /* near-equal lengths: no line under half the longest but the last */
            if (i + 1 < n)
                assert_true(w[i] > 0.5 * ZB_AREA_WIDTH);
        }
        /* never a number away from its unit, never 的 away from the document type */
        for (size_t i = 0; i + 1 < n; i++) {
            assert_false(ends_with(lines[i], "2024"));
            assert_false(ends_with(lines[i], "的"));
        }
    }
    size_t n = balance(f->fonts, titles[1], lines, 8, w);
    assert_int_equal(n, 2);
    assert_string_equal(lines[0], "桐庐县“415X”先进制造业");
    assert_string_equal(lines[1], "集群培育工程2024年工作要点");
    n = balance(f->fonts, titles[0], lines, 8, w);
    assert_int_equal(n, 3);
    assert_string_equal(lines[0], "武义县人民政府关于印发《武义县新一轮");
    n = balance(f->fonts, titles[4], lines, 8, w);
    assert_int_equal(n, 1);
}

/* ---- small texts --------------------------------------------------------------------- */

static void test_dates_and_headings(void **state)
{
    (void)state;
    char buf[64];
    zb_date d = {2022, 3, 24};
    zb_format_date(d, "", buf, sizeof buf);
    assert_string_equal(buf, "2022年3月24日");
    zb_format_date(d, "印发", buf, sizeof buf);
    assert_string_equal(buf, "2022年3月24日印发");
    zb_date d2 = {2024, 12, 1};
    zb_format_date(d2, NULL, buf, sizeof buf);
    assert_string_equal(buf, "2024年12月1日");
    zb_date none = {0, 0, 0};
    zb_format_date(none, "印发", buf, sizeof buf);
    assert_string_equal(buf, "");

    static const struct {
        const char *text;
        int level;
    } h[] = {
        {"一、总体要求", 1},      {"十二、其他", 1},        {"（一）更大决心", 2},
        {"(二)更严要求", 2},      {"1.明确整治对象。", 3},  {"12．推进平台", 3},
        {"（1）加强", 4},         {"(2)推进", 4},           {"2.0%的增速", 0},
        {"2024年，力争", 0},      {"一是加强", 0},          {"为推进", 0},
        {"一、", 0},              {"", 0},                  {"(一", 0},
    };
    for (size_t i = 0; i < sizeof h / sizeof h[0]; i++)
        if (zb_heading_level(h[i].text) != h[i].level)
            fail_msg("%s: level %d, want %d", h[i].text, zb_heading_level(h[i].text), h[i].level);
    assert_int_equal(zb_heading_length("（一）更大决心淘汰落后产能。到2023年"),
                     strlen("（一）更大决心淘汰落后产能。"));
    assert_int_equal(zb_heading_length("一、总体要求"), strlen("一、总体要求"));
}

/* ---- the writer ---------------------------------------------------------------------- */

static void test_null_arguments(void **state)
{
    fixture *f = *state;
    zb_error err;
    char path[600];
    zbt_path(f->dir, "n.pdf", path, sizeof path);
    assert_int_equal(zb_pdf_write_notice(NULL, f->fonts, path, NULL, NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(err.code, ZB_ERR_ARGUMENT);
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, NULL, NULL, NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, "", NULL, NULL, NULL), ZB_ERR_ARGUMENT);
    /* An empty plan is a page with its number. */
    zb_pdf_info info;
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, path, NULL, &info, &err), ZB_OK);
    assert_int_equal(err.code, ZB_OK);
    assert_string_equal(err.message, "");
    assert_int_equal(info.pages, 1);
}

static void test_info_and_defaults(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[600];
    zbt_path(f->dir, "n.pdf", path, sizeof path);
    zb_pdf_info info;
    memset(&info, 0xAB, sizeof info);
    zb_error err;
    /* NULL fonts: the writer loads the defaults itself. */
    assert_int_equal(zb_pdf_write_notice(f->plan, NULL, path, NULL, &info, &err), ZB_OK);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(info.bytes, (size_t)sb.st_size);
    /* body, targets, units, text attachments: at least 4 pages, and an even count for the 版记 */
    assert_true(info.pages >= 4);
    assert_int_equal(info.pages % 2, 0);
    assert_true(strlen(info.fallback_note) < sizeof info.fallback_note);
    assert_int_equal(info.fallback_chars == 0, info.fallback_note[0] == '\0');
    size_t len;
    char *pdf = zbt_slurp(path, &len);
    assert_non_null(pdf);
    assert_memory_equal(pdf, "%PDF-", 5);
    assert_true(contains(pdf, len, "%%EOF"));
    free(pdf);

    /* An incomplete fontset is completed on a copy; the caller's stays as it was. */
    zb_fontset *partial = zb_fontset_new();
    assert_int_equal(zb_fontset_set(partial, ZB_FONT_BODY, zb_fontset_file(f->fonts, ZB_FONT_BODY),
                                    zb_fontset_face_index(f->fonts, ZB_FONT_BODY)),
                     ZB_OK);
    assert_int_equal(zb_pdf_write_notice(f->plan, partial, path, NULL, &info, &err), ZB_OK);
    assert_string_equal(zb_fontset_file(partial, ZB_FONT_TITLE), "");
    zb_fontset_free(partial);

    /* Leaving out the attachments and the 版记 gives fewer pages. */
    zb_notice_options o = {0};
    o.omit_attachments = 1;
    o.omit_imprint = 1;
    zb_pdf_info small;
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, path, &o, &small, &err), ZB_OK);
    assert_true(small.pages < info.pages);
    assert_true(small.bytes < info.bytes);
}

static void test_unprintable(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[600];
    zbt_path(f->dir, "u.pdf", path, sizeof path);
    zb_error err;

    /* Beyond U+FFFF: named, with where it is. */
    assert_int_equal(zb_plan_set_meta(f->plan, ZB_META_TITLE, "关于😀的通知"), ZB_OK);
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, path, NULL, NULL, &err), ZB_ERR_VALUE);
    assert_int_equal(err.code, ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "U+1F600"));
    assert_non_null(strstr(err.message, "😀"));
    assert_non_null(strstr(err.message, "title"));
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(zb_plan_set_meta(f->plan, ZB_META_TITLE, "通知"), ZB_OK);

    /* A character no font has, in a body block and in an indicator's name. */
    static const uint32_t candidates[] = {0x0F40, 0x1200, 0x13A0, 0x1780, 0xA000, 0x0D05, 0x10D0};
    uint32_t missing = 0;
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0] && !missing; i++) {
        int found = 0;
        for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++)
            found |= zb_fontset_pick(f->fonts, (zb_font_role)r, candidates[i]) != NULL;
        if (!found)
            missing = candidates[i];
    }
    if (missing) {
        char ch[8], text[64], code[16];
        ch[zb_utf8_encode(missing, ch)] = '\0';
        snprintf(text, sizeof text, "第三段%s。", ch);
        snprintf(code, sizeof code, "U+%04X", (unsigned)missing);
        assert_int_equal(zb_plan_add_block(f->plan, 0, text), ZB_OK);
        assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, path, NULL, NULL, &err), ZB_ERR_VALUE);
        assert_non_null(strstr(err.message, code));
        assert_non_null(strstr(err.message, ch));
        assert_non_null(strstr(err.message, "body block 4"));

        zb_plan *p = zb_plan_new();
        zb_indicator_def d = {0};
        d.name = "指标一";
        assert_int_equal(zb_plan_add_indicator(p, &d, NULL), ZB_OK);
        snprintf(text, sizeof text, "指标%s", ch);
        d.name = text;
        d.seq = 12;
        assert_int_equal(zb_plan_add_indicator(p, &d, NULL), ZB_OK);
        assert_int_equal(zb_plan_add_attachment(p, 1, ZB_ATTACH_TARGETS, "目标", NULL), ZB_OK);
        assert_int_equal(zb_pdf_write_notice(p, f->fonts, path, NULL, NULL, &err), ZB_ERR_VALUE);
        assert_non_null(strstr(err.message, "indicator 12 name"));
        assert_non_null(strstr(err.message, code));
        zb_plan_free(p);
    }

    /* Control characters are refused too. */
    zb_plan *p = zb_plan_new();
    assert_int_equal(zb_plan_add_block(p, 0, "一\x01二"), ZB_OK);
    assert_int_equal(zb_pdf_write_notice(p, f->fonts, path, NULL, NULL, &err), ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "U+0001"));
    zb_plan_free(p);
}

static void test_bad_seal(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[600], seal[600];
    zbt_path(f->dir, "s.pdf", path, sizeof path);
    write_old(path);
    zb_error err;
    zb_notice_options o = {0};
    zbt_path(f->dir, "missing.png", seal, sizeof seal);
    o.seal_png = seal;
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, path, &o, NULL, &err), ZB_ERR_IO);
    assert_non_null(strstr(err.message, seal));
    zbt_path(f->dir, "text.png", seal, sizeof seal);
    write_old(seal);
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, path, &o, NULL, &err), ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "not a PNG"));
    /* A PNG header over garbage: libharu's error, and the old file stays. */
    static const unsigned char head[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                                         'I', 'H', 'D', 'R', 0, 0, 0, 8, 0, 0, 0, 8, 8, 6, 0, 0, 0};
    FILE *fp = fopen(seal, "wb");
    assert_non_null(fp);
    fwrite(head, 1, sizeof head, fp);
    fclose(fp);
    assert_int_not_equal(zb_pdf_write_notice(f->plan, f->fonts, path, &o, NULL, &err), ZB_OK);
    assert_old(path);
}

/* A 2 × 2 red PNG with an alpha channel. */
static const unsigned char red_png[] = {
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x06, 0x00, 0x00, 0x00, 0x72,
    0xB6, 0x0D, 0x24, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x78,
    0x20, 0x20, 0x70, 0x00, 0x84, 0x19, 0x60, 0x0C, 0x00, 0x3F, 0xD2, 0x07, 0x01, 0xF6, 0x25,
    0xD8, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};

static void test_seal(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[600], seal[600];
    zbt_path(f->dir, "seal.pdf", path, sizeof path);
    zbt_path(f->dir, "seal.png", seal, sizeof seal);
    FILE *fp = fopen(seal, "wb");
    assert_non_null(fp);
    fwrite(red_png, 1, sizeof red_png, fp);
    fclose(fp);
    zb_notice_options o = {0};
    o.seal_png = seal;
    zb_pdf_info info;
    zb_error err;
    zb_status st = zb_pdf_write_notice(f->plan, f->fonts, path, &o, &info, &err);
    if (st)
        fail_msg("%s", err.message);
    size_t len;
    char *pdf = zbt_slurp(path, &len);
    assert_non_null(pdf);
    assert_true(contains(pdf, len, "/Subtype /Image"));
    free(pdf);
    /* sealed without an image: the layout only */
    o.seal_png = NULL;
    o.sealed = 1;
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, path, &o, &info, &err), ZB_OK);
}

/* Valid input that once failed in libharu (character spacing over its limit: error 0x1056)
 * or lost text: every one writes, with all of its text. */
static void test_valid_input_writes(void **state)
{
    fixture *f = *state;
    zb_buf latin = {0}, digits = {0}, mark = {0}, organ = {0}, big = {0};
    zb_buf_adds(&latin, "中文");
    zb_buf_adds(&digits, "中文");
    for (int i = 0; i < 60; i++) {
        zb_buf_addc(&latin, 'A');
        zb_buf_addc(&digits, (char)('0' + i % 10));
    }
    zb_buf_adds(&latin, "中文结束。");
    zb_buf_adds(&digits, "中文结束。");
    for (int i = 0; i < 120; i++) {
        zb_buf_adds(&mark, "某");
        zb_buf_adds(&organ, "局");
    }
    zb_buf_adds(&mark, "文件");
    for (int i = 0; i < 5000; i++)
        zb_buf_adds(&big, "甲");
    char *s_latin = zb_buf_take(&latin), *s_digits = zb_buf_take(&digits), *s_mark = zb_buf_take(&mark),
         *s_organ = zb_buf_take(&organ), *s_big = zb_buf_take(&big);
    static const char sig[] = "某县经济和信息化局、某县发展和改革局、某县财政局、某县商务局、某县科学技术局联合";
    static const char printer[] = "某县人民政府办公室某县人民政府办公室某县人民政府办公室某县人民政府办公室";
    for (int k = 0; k < 6; k++) {
        zb_plan *p = zb_plan_new();
        assert_int_equal(zb_plan_set_meta(p, ZB_META_TITLE, "关于某事的通知"), ZB_OK);
        assert_int_equal(zb_plan_set_meta(p, ZB_META_ORGAN, k == 2 ? s_organ : "某县人民政府"), ZB_OK);
        if (k == 3)
            assert_int_equal(zb_plan_set_meta(p, ZB_META_ORGAN_MARK, s_mark), ZB_OK);
        assert_int_equal(zb_plan_set_meta(p, ZB_META_SIGNATURE, k == 4 ? sig : "某县人民政府"), ZB_OK);
        assert_int_equal(zb_plan_set_meta(p, ZB_META_PRINTER, k == 4 ? printer : "某县办公室"), ZB_OK);
        zb_date d = {2024, 5, 1};
        assert_int_equal(zb_plan_set_date(p, ZB_DATE_ISSUED, d), ZB_OK);
        assert_int_equal(zb_plan_set_date(p, ZB_DATE_PRINTED, d), ZB_OK);
        assert_int_equal(zb_plan_set_years(p, 2024, 2024), ZB_OK);
        assert_int_equal(zb_plan_add_block(p, 0, k == 1 ? s_digits : s_latin), ZB_OK);
        for (int c = 0; c < (k == 4 ? 200 : 1); c++) {
            char name[32];
            snprintf(name, sizeof name, "县委办公室%d", c);
            assert_int_equal(zb_plan_add_copy_to(p, name), ZB_OK);
        }
        zb_indicator_def def = {0};
        def.seq = 1;
        def.category = k == 5 ? s_big : "甲类";
        def.name = "新增企业(家)";
        def.target = "10";
        def.responsible = "县经信局";
        assert_int_equal(zb_plan_add_indicator(p, &def, NULL), ZB_OK);
        assert_int_equal(zb_plan_add_attachment(p, 1, ZB_ATTACH_TARGETS, "目标表", NULL), ZB_OK);
        char *out = NULL;
        size_t len = 0;
        zb_pdf_info info;
        zb_error err;
        zb_status st = zb_pdf_notice_to_buffer(p, f->fonts, NULL, &out, &len, &info, &err);
        if (st)
            fail_msg("case %d: %s", k, err.message);
        assert_true(len > 1000);
        if (k == 5)
            assert_true(info.pages > 5); /* the category's 5,000 characters go on over pages */
        zb_free(out);
        zb_plan_free(p);
    }
    free(s_latin);
    free(s_digits);
    free(s_mark);
    free(s_organ);
    free(s_big);
}

static void test_unwritable(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[600];
    zb_error err;
    /* A folder that does not exist. */
    zbt_path(f->dir, "no/such/folder/n.pdf", path, sizeof path);
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, path, NULL, NULL, &err), ZB_ERR_WRITE);
    assert_int_equal(err.code, ZB_ERR_WRITE);

    /* A write that fails half-way (a file size limit): the old file stays, nothing is left. */
    zbt_path(f->dir, "n.pdf", path, sizeof path);
    write_old(path);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {4000, 4000};
        setrlimit(RLIMIT_FSIZE, &rl);
        zb_status st = zb_pdf_write_notice(f->plan, f->fonts, path, NULL, NULL, &err);
        _exit(st == ZB_ERR_WRITE && err.code == ZB_ERR_WRITE && strstr(err.message, path) ? 0
                                                                                            : 10 + (int)st);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_old(path);

    /* A failure in the layout leaves the old file too. */
    assert_int_equal(zb_plan_set_meta(f->plan, ZB_META_NOTE, "😀"), ZB_OK);
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, path, NULL, NULL, &err), ZB_ERR_VALUE);
    assert_old(path);

    /* A read-only folder, where the permissions count (not for root). */
    if (geteuid() != 0) {
        assert_int_equal(zb_plan_set_meta(f->plan, ZB_META_NOTE, NULL), ZB_OK);
        char sub[700], inner[720];
        snprintf(sub, sizeof sub, "%s/ro", f->dir);
        assert_int_equal(mkdir(sub, 0755), 0);
        snprintf(inner, sizeof inner, "%s/n.pdf", sub);
        write_old(inner);
        assert_int_equal(chmod(sub, 0555), 0);
        assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, inner, NULL, NULL, &err), ZB_ERR_WRITE);
        assert_int_equal(chmod(sub, 0755), 0);
        assert_old(inner);
    }
}

static void test_deterministic(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char a[600], b[600];
    zbt_path(f->dir, "a.pdf", a, sizeof a);
    zbt_path(f->dir, "b.pdf", b, sizeof b);
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, a, NULL, NULL, NULL), ZB_OK);
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, b, NULL, NULL, NULL), ZB_OK);
    size_t la, lb;
    char *x = zbt_slurp(a, &la), *y = zbt_slurp(b, &lb);
    assert_non_null(x);
    assert_non_null(y);
    assert_int_equal(la, lb);
    assert_memory_equal(x, y, la);
    /* The creation date is the issuing date, not the clock. */
    assert_true(contains(x, la, "D:20220324"));
    free(x);
    free(y);
}

typedef struct job {
    const zb_plan *plan;
    const zb_fontset *fonts;
    char path[600];
    zb_status st;
} job;

static void *write_job(void *arg)
{
    job *j = arg;
    j->st = zb_pdf_write_notice(j->plan, j->fonts, j->path, NULL, NULL, NULL);
    return NULL;
}

static void test_threads(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    enum { N = 4 };
    pthread_t th[N];
    job jobs[N];
    for (int i = 0; i < N; i++) {
        jobs[i].plan = f->plan;
        jobs[i].fonts = f->fonts;
        snprintf(jobs[i].path, sizeof jobs[i].path, "%s/t%d.pdf", f->dir, i);
        assert_int_equal(pthread_create(&th[i], NULL, write_job, &jobs[i]), 0);
    }
    for (int i = 0; i < N; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    size_t l0;
    char *first = zbt_slurp(jobs[0].path, &l0);
    assert_non_null(first);
    for (int i = 0; i < N; i++) {
        assert_int_equal(jobs[i].st, ZB_OK);
        size_t li;
        char *other = zbt_slurp(jobs[i].path, &li);
        assert_non_null(other);
        assert_int_equal(li, l0);
        assert_memory_equal(first, other, l0);
        free(other);
    }
    free(first);
}

static void test_subset_smaller(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char a[600], b[600];
    zbt_path(f->dir, "sub.pdf", a, sizeof a);
    zbt_path(f->dir, "full.pdf", b, sizeof b);
    zb_pdf_info sub, full;
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, a, NULL, &sub, NULL), ZB_OK);
    assert_int_equal(zb_pdf_write_notice_libharu_fonts(f->plan, f->fonts, b, NULL, &full, NULL), ZB_OK);
    assert_int_equal(sub.pages, full.pages);
    assert_true(sub.bytes * 4 <= full.bytes);
}

/* libharu's glyph for every code, from a subset of scattered characters (many cmap
 * segments), is the same after zb_pdf_flatten_cmap() as before, and the map is one segment. */
static void test_flatten_cmap(void **state)
{
    fixture *f = *state;
    const zb_face *face = zb_fontset_face(f->fonts, ZB_FONT_BODY);
    assert_non_null(face);
    uint32_t cps[3000];
    size_t n = 0;
    for (uint32_t cp = 0x20; cp < 0x7F; cp += 3)
        cps[n++] = cp;
    for (uint32_t cp = 0x3001; cp <= 0x3011; cp += 2)
        cps[n++] = cp;
    for (uint32_t cp = 0x4E00; cp <= 0x9FA5 && n < 2900; cp += 7)
        cps[n++] = cp;
    cps[n++] = 0xFF08;
    cps[n++] = 0xFF09;
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(zb_face_subset(face, cps, n, &data, &len, NULL), ZB_OK);
    char path[600];
    zbt_path(f->dir, "subset.ttf", path, sizeof path);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
    free(data);

    HPDF_Doc plain = HPDF_New(NULL, NULL), flat = HPDF_New(NULL, NULL);
    assert_non_null(plain);
    assert_non_null(flat);
    const char *a = HPDF_LoadTTFontFromFile(plain, path, HPDF_TRUE);
    const char *b = HPDF_LoadTTFontFromFile(flat, path, HPDF_TRUE);
    assert_non_null(a);
    assert_non_null(b);
    HPDF_FontDef da = HPDF_GetFontDef(plain, a), db = HPDF_GetFontDef(flat, b);
    HPDF_UINT16 segs = ((HPDF_TTFontDefAttr)da->attr)->cmap.seg_count_x2 / 2;
    assert_true(segs > 100); /* the scan that is saved */
    assert_int_equal(zb_pdf_flatten_cmap(flat, b), 1);
    assert_int_equal(((HPDF_TTFontDefAttr)db->attr)->cmap.seg_count_x2, 2);
    size_t mapped = 0;
    for (uint32_t u = 0; u <= 0xFFFF; u++) {
        HPDF_UINT16 ga = HPDF_TTFontDef_GetGlyphid(da, (HPDF_UINT16)u);
        HPDF_UINT16 gb = HPDF_TTFontDef_GetGlyphid(db, (HPDF_UINT16)u);
        if (ga != gb)
            fail_msg("U+%04X: glyph %u, flattened %u", (unsigned)u, ga, gb);
        mapped += ga != 0;
    }
    assert_true(mapped > 2000 && mapped <= n); /* what the face has of them */
    /* Not a TrueType font of this document: left alone. */
    assert_int_equal(zb_pdf_flatten_cmap(flat, "Helvetica"), 0);
    HPDF_Free(plain);
    HPDF_Free(flat);
}

/* libharu's HPDF_MemCpy and HPDF_MemSet as zhibiao defines them: libharu's calls are bound
 * to them, and they give what libharu's one-byte loops give, overlapping copies included. */
static void test_hpdf_byte_helpers(void **state)
{
    (void)state;
    /* The process resolves the names to this program's definitions (zhibiao's), which is
     * where libharu's calls through its PLT go. */
    static const char *const names[] = {"HPDF_MemCpy", "HPDF_MemSet"};
    for (size_t k = 0; k < 2; k++) {
        Dl_info info;
        void *f = dlsym(RTLD_DEFAULT, names[k]);
        assert_non_null(f);
        assert_true(dladdr(f, &info) != 0);
        if (!info.dli_fname || strstr(info.dli_fname, "libhpdf"))
            fail_msg("%s resolves to %s, not zhibiao's", names[k], info.dli_fname ? info.dli_fname : "?");
    }
    HPDF_BYTE want[96], got[96];
    for (size_t n = 0; n <= 40; n++)
        for (int shift = -8; shift <= 8; shift++) {
            for (size_t k = 0; k < sizeof want; k++)
                want[k] = got[k] = (HPDF_BYTE)(k * 7 + 1);
            HPDF_BYTE *wo = want + 32 + shift, *go = got + 32 + shift;
            const HPDF_BYTE *wi = want + 32, *gi = got + 32;
            size_t k = n;
            while (k > 0) /* libharu's loop */
                *wo++ = *wi++, k--;
            HPDF_BYTE *end = HPDF_MemCpy(go, gi, (HPDF_UINT)n);
            assert_ptr_equal(end, got + 32 + shift + n);
            if (memcmp(want, got, sizeof want) != 0)
                fail_msg("HPDF_MemCpy of %zu bytes %d away differs from the byte loop", n, shift);
        }
    memset(want, 0x5A, sizeof want);
    memset(want + 10, 0, 50);
    memset(got, 0x5A, sizeof got);
    assert_ptr_equal(HPDF_MemSet(got + 10, 0, 50), got + 60);
    assert_ptr_equal(HPDF_MemSet(got + 10, 0, 0), got + 10);
    assert_memory_equal(want, got, sizeof want);
}

static void test_layout_pages(void **state)
{
    fixture *f = *state;
    /* A long body: every page but the last full, the signature never alone on a page. */
    assert_int_equal(zb_plan_set_meta(f->plan, ZB_META_ORGAN, "武义县人民政府"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(f->plan, ZB_META_TITLE, "关于印发方案的通知"), ZB_OK);
    zb_date issued = {2022, 3, 24};
    assert_int_equal(zb_plan_set_date(f->plan, ZB_DATE_ISSUED, issued), ZB_OK);
    char para[400];
    for (int i = 0; i < 40; i++) {
        snprintf(para, sizeof para, "第%d段：推进传统产业重塑再造，加快培育壮大新兴产业，深化“腾笼换鸟、凤凰涅槃”攻坚行动。", i + 1);
        assert_int_equal(zb_plan_add_block(f->plan, 0, para), ZB_OK);
        char path[600];
        zbt_path(f->dir, "p.pdf", path, sizeof path);
        zb_pdf_info info;
        zb_error err;
        zb_status st = zb_pdf_write_notice(f->plan, f->fonts, path, NULL, &info, &err);
        if (st)
            fail_msg("%d paragraphs: %s", i + 1, err.message);
        assert_true(info.pages >= 1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_line_breaking, setup, teardown),
        cmocka_unit_test_setup_teardown(test_break_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(test_title_balance, setup, teardown),
        cmocka_unit_test(test_dates_and_headings),
        cmocka_unit_test_setup_teardown(test_null_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_info_and_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unprintable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_seal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_seal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_valid_input_writes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_subset_smaller, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flatten_cmap, setup, teardown),
        cmocka_unit_test(test_hpdf_byte_helpers),
        cmocka_unit_test_setup_teardown(test_layout_pages, setup, teardown),
    };
    return cmocka_run_group_tests_name("pdf", tests, NULL, NULL);
}
