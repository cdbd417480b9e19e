/* The GB/T 9704 layout engine, on document content given directly, read back from the page
 * display list it makes: headings kept with their text and no line of a paragraph alone at
 * a page's foot or head, the signature's page showing body text, the 附件说明 and the labels
 * of the attachments, the organ mark's size and lines, the 版头's forms, the page number's
 * dash, one grid of baselines, Chinese punctuation, and valid input that must neither fail nor
 * lose text: long Latin runs, long signatures, printers and copy-to lists, a 版记 longer than
 * the room left or than a page, a table row taller than a page. */
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

#include "layout/document.h"
#include "support.h"
#include "zhibiao.h"

static zb_fontset *fonts;

static int setup(void **state)
{
    (void)state;
    fonts = zb_fontset_new();
    return fonts && zb_fontset_load_defaults(fonts) == ZB_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    zb_fontset_free(fonts);
    return 0;
}

/* ---- reading the display list back ---------------------------------------------------- */

typedef struct laid {
    zb_doc doc;
    zb_error err;
} laid;

static void lay(const zb_document *d, laid *out)
{
    zb_doc_init(&out->doc, fonts, &out->err);
    zb_seal_size seal = {300, 300};
    zb_status st = zb_layout_document(d, d->seal_png ? &seal : NULL, &out->doc);
    if (st)
        fail_msg("layout failed: %s", out->err.message);
}

static void unlay(laid *l)
{
    zb_doc_free(&l->doc);
}

/* The text of item i, NUL-terminated in buf. */
static const char *item_text(const zb_doc *doc, size_t i, char *buf, size_t size)
{
    const zb_item *it = &doc->items[i];
    size_t n = it->len < size - 1 ? it->len : size - 1;
    memcpy(buf, doc->pool.data + it->text, n);
    buf[n] = '\0';
    return buf;
}

/* A full-width glyph's advance (16 pt) is wider than its cell on the grid (156 mm / 28), so
 * a full line's last glyph ends this far past the type area's edge. */
#define OVERHANG (ZB_SIZE_BODY - ZB_CELL + 0.05)

/* Where item i's last glyph ends. */
static double item_right(const zb_doc *doc, size_t i)
{
    const zb_item *it = &doc->items[i];
    double x = it->x;
    const char *s = doc->pool.data + it->text;
    size_t k = 0, count = 0;
    while (k < it->len) {
        size_t n;
        uint32_t cp = zb_utf8_decode(s + k, &n);
        k += n;
        x += (zb_face_advance(it->face, cp) * it->size / 1000.0 + it->char_space) * it->hscale;
        count++;
    }
    return x - (count ? it->char_space * it->hscale : 0);
}

/* All text of page (or of every page, page -1), in drawing order. */
static char *page_text(const zb_doc *doc, int page)
{
    zb_buf b = {0};
    for (size_t i = 0; i < doc->count; i++) {
        const zb_item *it = &doc->items[i];
        if (it->kind == ZB_ITEM_TEXT && (page < 0 || it->page == page))
            zb_buf_add(&b, doc->pool.data + it->text, it->len);
    }
    zb_buf_addc(&b, '\0');
    return zb_buf_take(&b);
}

/* The first text item whose text starts with prefix; ZB_NONE when none. */
static size_t find(const zb_doc *doc, const char *prefix)
{
    size_t n = strlen(prefix);
    for (size_t i = 0; i < doc->count; i++) {
        const zb_item *it = &doc->items[i];
        if (it->kind == ZB_ITEM_TEXT && it->len >= n && memcmp(doc->pool.data + it->text, prefix, n) == 0)
            return i;
    }
    return ZB_NONE;
}

/* The text item whose text is text; ZB_NONE when none. */
static size_t find_exact(const zb_doc *doc, const char *text)
{
    size_t n = strlen(text);
    for (size_t i = 0; i < doc->count; i++) {
        const zb_item *it = &doc->items[i];
        if (it->kind == ZB_ITEM_TEXT && it->len == n && memcmp(doc->pool.data + it->text, text, n) == 0)
            return i;
    }
    return ZB_NONE;
}

/* The grid line an item at 16 pt sits on, or -1 when it is off the grid. */
static int grid_line(const zb_doc *doc, size_t i)
{
    const zb_item *it = &doc->items[i];
    for (int k = 0; k < ZB_GRID_LINES; k++) {
        double base = zb_baseline(zb_fontset_face(fonts, ZB_FONT_BODY), zb_grid_top(k), ZB_SIZE_BODY);
        if (fabs(it->y - base) < 0.01)
            return k;
    }
    return -1;
}

static size_t count_cp(const char *s, const char *needle)
{
    return zbt_count(s, needle);
}

/* Body text of n paragraphs, each of lines full lines (28 characters) long. */
static char *filler(int paragraphs, int lines)
{
    zb_buf b = {0};
    for (int p = 0; p < paragraphs; p++) {
        if (p)
            zb_buf_addc(&b, '\n');
        for (int c = 0; c < lines * 28 - 3; c++)
            zb_buf_adds(&b, c % 7 == 6 ? "，" : "文");
        zb_buf_adds(&b, "。");
    }
    return zb_buf_take(&b);
}

static void base_document(zb_document *d)
{
    memset(d, 0, sizeof *d);
    d->organ = "某县人民政府";
    d->doc_number = "某政发〔2024〕1号";
    d->title = "某县人民政府关于做好某项工作的通知";
    d->signature = "某县人民政府";
    d->date = (zb_date){2024, 5, 31};
}

/* ---- headings, widows, orphans -------------------------------------------------------- */

/* A heading never ends a page: with its text on the next page, it goes there too; a
 * paragraph across a page break leaves two lines at least on either side. Swept over where
 * the heading falls, so that it lands on every line of the page's foot. */
static void test_keep_and_widows(void **state)
{
    (void)state;
    for (int before = 1; before <= 24; before++) {
        zb_buf body = {0};
        for (int i = 0; i < before; i++)
            zb_buf_adds(&body, "一二三四五六七八九十一二三四五六七八九十。\n");
        zb_buf_adds(&body, "（四）推动产业转型升级\n");
        char *para = filler(1, 5);
        zb_buf_adds(&body, para);
        free(para);
        zb_buf_adds(&body, "\n二、重点任务\n（一）深化产业集群培育体系\n");
        para = filler(1, 3);
        zb_buf_adds(&body, para);
        free(para);
        char *text = zb_buf_take(&body);
        zb_document d;
        base_document(&d);
        zb_block b = {-1, text, 0, NULL, 0, "body block", 1};
        d.body = &b;
        d.body_count = 1;
        laid l;
        lay(&d, &l);
        /* the heading and its text's first line */
        size_t h = find(&l.doc, "（四）");
        assert_true(h != ZB_NONE);
        size_t next = ZB_NONE;
        for (size_t i = h + 1; i < l.doc.count && next == ZB_NONE; i++)
            if (l.doc.items[i].kind == ZB_ITEM_TEXT && l.doc.items[i].size == ZB_SIZE_BODY)
                next = i;
        if (l.doc.items[h].page != l.doc.items[next].page)
            fail_msg("%d lines before: the heading ends page %d", before, l.doc.items[h].page + 1);
        /* a level-1 heading keeps two lines: 二、 and （一） and the first two of the text */
        size_t h1 = find(&l.doc, "二、"), h2 = find(&l.doc, "（一）");
        assert_int_equal(l.doc.items[h1].page, l.doc.items[h2].page);
        /* every line on the grid, and no page starting or ending with a lone line of a
         * paragraph: a page's first line is a paragraph's first (indented) or the second of
         * two or more; a page's last line likewise */
        for (size_t i = 0; i < l.doc.count; i++) {
            const zb_item *it = &l.doc.items[i];
            char t[8];
            item_text(&l.doc, i, t, sizeof t);
            if (it->kind == ZB_ITEM_TEXT && it->size == ZB_SIZE_BODY && strstr("一文（二", t) == NULL &&
                (strncmp(t, "一", 3) == 0 || strncmp(t, "文", 3) == 0 || strncmp(t, "（", 3) == 0 ||
                 strncmp(t, "二", 3) == 0))
                assert_true(grid_line(&l.doc, i) >= 0);
        }
        unlay(&l);
        free(text);
    }
}

/* ---- the signature's page -------------------------------------------------------------- */

/* However the body ends, the page with the signature shows body text: two lines or more
 * (or the block is set closer when one line is missing); never a page that opens with the
 * 附件说明 or the signature. */
static void test_signature_page(void **state)
{
    (void)state;
    zb_attached at[2] = {{2, "二〇二四年目标体系表", ZB_ATTACHED_TEXT, "正文。", NULL, 0, NULL, NULL},
                         {3, "县级有关单位名单", ZB_ATTACHED_TEXT, "正文。", NULL, 0, NULL, NULL}};
    for (int sealed = 0; sealed < 2; sealed++) {
        for (int na = 0; na <= 2; na++) {
            for (int lines = 1; lines <= 30; lines++) {
                zb_document d;
                base_document(&d);
                d.sealed = sealed;
                d.note = "（此件公开发布）";
                d.attachments = at;
                d.attachment_count = (size_t)na;
                d.omit_attachments = 1;
                char *text = filler(lines, 1);
                zb_block b = {0, text, 0, NULL, 0, "body block", 1};
                d.body = &b;
                d.body_count = 1;
                laid l;
                lay(&d, &l);
                size_t date = find(&l.doc, "2024年5月31日");
                assert_true(date != ZB_NONE);
                int page = l.doc.items[date].page;
                int body = 0;
                for (size_t i = 0; i < l.doc.count; i++) {
                    const zb_item *it = &l.doc.items[i];
                    body += it->kind == ZB_ITEM_TEXT && it->page == page && it->len >= 3 &&
                            memcmp(l.doc.pool.data + it->text, "文", 3) == 0;
                }
                /* two lines, or what can go over while the page before keeps some */
                int want = lines >= 3 ? 2 : 1;
                if (body < want)
                    fail_msg("%s, %d attachments, %d body lines: the signature's page shows %d lines of body",
                             sealed ? "sealed" : "unsealed", na, lines, body);
                /* everything inside the type area */
                for (size_t i = 0; i < l.doc.count; i++) {
                    const zb_item *it = &l.doc.items[i];
                    if (it->kind == ZB_ITEM_TEXT && it->size == ZB_SIZE_BODY &&
                        !(it->y <= ZB_AREA_BOTTOM && item_right(&l.doc, i) <= ZB_AREA_RIGHT + OVERHANG)) {
                        char buf[64];
                        fail_msg("%s, %d attachments, %d lines: '%s' p%d at (%.2f %.2f)-%.2f", sealed ? "sealed" : "unsealed",
                                 na, lines, item_text(&l.doc, i, buf, sizeof buf), it->page + 1, it->x, it->y,
                                 item_right(&l.doc, i));
                    }
                }
                unlay(&l);
                free(text);
            }
        }
    }
}

/* A 附件说明 with no signature after it (a plan published without one) is held to the same:
 * its page shows body text, never a page that opens with it. */
static void test_attachment_note_page(void **state)
{
    (void)state;
    zb_attached at[2] = {{2, "二〇二四年目标体系表", ZB_ATTACHED_TEXT, "正文。", NULL, 0, NULL, NULL},
                         {3, "县级有关单位名单", ZB_ATTACHED_TEXT, "正文。", NULL, 0, NULL, NULL}};
    for (int na = 1; na <= 2; na++) {
        for (int lines = 1; lines <= 30; lines++) {
            zb_document d;
            base_document(&d);
            d.organ = NULL;
            d.signature = NULL;
            d.date = (zb_date){0, 0, 0};
            d.attachments = at;
            d.attachment_count = (size_t)na;
            d.omit_attachments = 1;
            char *text = filler(lines, 1);
            zb_block b = {0, text, 0, NULL, 0, "body block", 1};
            d.body = &b;
            d.body_count = 1;
            laid l;
            lay(&d, &l);
            size_t note = find(&l.doc, "附件：");
            assert_true(note != ZB_NONE);
            int page = l.doc.items[note].page;
            int body = 0;
            for (size_t i = 0; i < l.doc.count; i++) {
                const zb_item *it = &l.doc.items[i];
                body += it->kind == ZB_ITEM_TEXT && it->page == page && it->len >= 3 &&
                        memcmp(l.doc.pool.data + it->text, "文", 3) == 0;
            }
            int want = lines >= 3 ? 2 : 1;
            if (body < want)
                fail_msg("%d attachments, %d body lines: the 附件说明's page shows %d lines of body", na, lines,
                         body);
            unlay(&l);
            free(text);
        }
    }
}

/* ---- 附件说明 and labels --------------------------------------------------------------- */

static void test_attachment_labels(void **state)
{
    (void)state;
    zb_attached at[2] = {{2, "2024年目标体系表", ZB_ATTACHED_TEXT, "正文。", NULL, 0, NULL, NULL},
                         {3, "县级有关单位名单", ZB_ATTACHED_TEXT, "正文。", NULL, 0, NULL, NULL}};
    zb_document d;
    base_document(&d);
    zb_block b = {0, "正文。", 0, NULL, 0, "body block", 1};
    d.body = &b;
    d.body_count = 1;
    /* one: 附件：title, labelled 附件, whatever number the plan gave it */
    d.attachments = at;
    d.attachment_count = 1;
    laid l;
    lay(&d, &l);
    char *all = page_text(&l.doc, -1);
    assert_non_null(strstr(all, "附件：2024年目标体系表"));
    assert_true(find_exact(&l.doc, "附件2") == ZB_NONE);
    assert_null(strstr(all, "2．"));
    assert_true(find_exact(&l.doc, "附件") != ZB_NONE);
    free(all);
    unlay(&l);
    /* several: 附件：2．…, 3．… aligned, labelled with the same numbers */
    d.attachment_count = 2;
    lay(&d, &l);
    all = page_text(&l.doc, -1);
    assert_non_null(strstr(all, "附件：2．2024年目标体系表"));
    assert_non_null(strstr(all, "3．县级有关单位名单"));
    size_t two = find(&l.doc, "附件：2．"), three = find(&l.doc, "3．");
    /* the second number under the first */
    double x2 = l.doc.items[two].x, x3 = l.doc.items[three].x;
    assert_true(fabs(x3 - (x2 + 3 * ZB_CELL)) < 0.5); /* 附件： is three cells */
    size_t lab2 = find_exact(&l.doc, "附件2"), lab3 = find_exact(&l.doc, "附件3");
    assert_true(lab2 != ZB_NONE && lab3 != ZB_NONE);
    assert_true(l.doc.items[lab3].page > l.doc.items[lab2].page);
    free(all);
    unlay(&l);
}

/* ---- the organ mark -------------------------------------------------------------------- */

/* Characters at most 22 mm tall and 15 mm wide, narrowed no further than half, no tracking,
 * one run a line; a longer name takes more lines; all inside the type area. */
static void test_mark(void **state)
{
    (void)state;
    static const struct {
        int chars;
        int lines;
    } cases[] = {{3, 1}, {7, 1}, {10, 1}, {12, 1}, {16, 1}, {22, 1}, {31, 1}, {40, 2}, {80, 3}, {122, 4}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        zb_buf name = {0};
        for (int i = 0; i < cases[c].chars - 2; i++)
            zb_buf_adds(&name, "某");
        zb_document d;
        base_document(&d);
        char *organ = zb_buf_take(&name);
        d.organ = organ;
        laid l;
        lay(&d, &l);
        int runs = 0;
        double last_y = -1;
        for (size_t i = 0; i < l.doc.count; i++) {
            const zb_item *it = &l.doc.items[i];
            if (it->kind != ZB_ITEM_TEXT || it->ink != ZB_INK_RED)
                continue;
            runs++;
            assert_true(it->size <= 22 * ZB_MM + 0.01);
            assert_true(it->size * it->hscale <= 15 * ZB_MM + 0.01);
            assert_true(it->hscale >= 0.5 - 1e-9);
            assert_true(fabs(it->char_space) < 1e-6);
            assert_true(it->x >= ZB_AREA_LEFT - 0.01 && item_right(&l.doc, i) <= ZB_AREA_RIGHT + OVERHANG);
            assert_true(it->y > last_y);
            last_y = it->y;
        }
        if (runs != cases[c].lines)
            fail_msg("%d characters: %d lines, want %d", cases[c].chars, runs, cases[c].lines);
        /* the width grows with the length until it fills the type area */
        size_t m = find(&l.doc, "某");
        double w = item_right(&l.doc, m) - l.doc.items[m].x;
        if (cases[c].chars <= 10)
            assert_true(fabs(w - cases[c].chars * 15 * ZB_MM) < 1);
        unlay(&l);
        free(organ);
    }
}

/* ---- the 版头's forms ------------------------------------------------------------------ */

static void test_masthead_forms(void **state)
{
    (void)state;
    zb_document d;
    base_document(&d);
    zb_block b = {0, "正文。", 0, NULL, 0, "body block", 1};
    d.body = &b;
    d.body_count = 1;
    d.printer = "某县人民政府办公室";
    d.printed = (zb_date){2024, 6, 1};
    static const char *const copy[] = {"县委办"};
    d.copy_to = copy;
    d.copy_to_count = 1;
    char buf[256];
    laid l;
    /* 文件 */
    lay(&d, &l);
    assert_string_equal(item_text(&l.doc, find(&l.doc, "某县"), buf, sizeof buf), "某县人民政府文件");
    unlay(&l);
    /* the organ alone */
    d.masthead = ZB_MASTHEAD_MARK;
    lay(&d, &l);
    assert_string_equal(item_text(&l.doc, find(&l.doc, "某县"), buf, sizeof buf), "某县人民政府");
    unlay(&l);
    /* 信函格式: the mark 30 mm from the top, double rules, the number flush right, no page
     * number on page 1, a 版记 of 抄送 only, without rules */
    d.masthead = ZB_MASTHEAD_LETTER;
    lay(&d, &l);
    size_t m = find(&l.doc, "某县人民政府");
    assert_true(l.doc.items[m].y > 30 * ZB_MM && l.doc.items[m].y < ZB_AREA_TOP + 18 * ZB_MM);
    size_t num = find(&l.doc, "某政发");
    assert_true(fabs(item_right(&l.doc, num) - ZB_AREA_RIGHT) < 0.5);
    int red_rules = 0, black_rules = 0;
    for (size_t i = 0; i < l.doc.count; i++) {
        red_rules += l.doc.items[i].kind == ZB_ITEM_RULE && l.doc.items[i].ink == ZB_INK_RED;
        black_rules += l.doc.items[i].kind == ZB_ITEM_RULE && l.doc.items[i].ink == ZB_INK_BLACK;
    }
    assert_int_equal(red_rules, 4);
    assert_int_equal(black_rules, 0);
    assert_true(find(&l.doc, "— 1 —") == ZB_NONE);
    assert_true(find(&l.doc, "抄送") != ZB_NONE);
    assert_true(find(&l.doc, "某县人民政府办公室") == ZB_NONE);
    unlay(&l);
    /* none: the title opens the page */
    d.masthead = ZB_MASTHEAD_NONE;
    lay(&d, &l);
    for (size_t i = 0; i < l.doc.count; i++)
        assert_int_not_equal(l.doc.items[i].ink, ZB_INK_RED);
    size_t t = find(&l.doc, "某县人民政府关于");
    assert_int_equal(grid_line(&l.doc, t), -1); /* 22 pt, on line 0 */
    assert_true(l.doc.items[t].y < zb_grid_top(1));
    unlay(&l);
}

/* ---- page numbers and the grid --------------------------------------------------------- */

static void test_page_number_dash(void **state)
{
    (void)state;
    zb_document d;
    base_document(&d);
    laid l;
    lay(&d, &l);
    size_t n = find(&l.doc, "— 1 —");
    assert_true(n != ZB_NONE);
    const zb_item *it = &l.doc.items[n];
    int top = 0;
    assert_true(zb_face_ink(it->face, 0x2014, &top, NULL));
    double ink = it->y - top * it->size / 1000.0;
    assert_true(fabs(ink - (ZB_AREA_BOTTOM + 7 * ZB_MM)) < 0.01);
    unlay(&l);
}

/* Headings in 黑体 and 楷体 sit on the same baselines as the body's 仿宋. */
static void test_one_grid(void **state)
{
    (void)state;
    zb_document d;
    base_document(&d);
    zb_block b = {-1, "一、主要目标\n正文一行。\n（一）深化产业集群\n正文一行。\n1.推进项目。\n（1）加强保障。", 0, NULL, 0,
                  "body block", 1};
    d.body = &b;
    d.body_count = 1;
    laid l;
    lay(&d, &l);
    const char *heads[] = {"一、", "正文一行", "（一）", "1.推进", "（1）"};
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++) {
        size_t i = find(&l.doc, heads[h]);
        assert_true(i != ZB_NONE);
        assert_true(grid_line(&l.doc, i) >= 0);
    }
    unlay(&l);
}

/* ---- punctuation ----------------------------------------------------------------------- */

static void test_punctuation_everywhere(void **state)
{
    (void)state;
    zb_document d;
    base_document(&d);
    d.title = "关于做好(一季度)工作的通知";
    static const char *const recipients[] = {"各乡镇(街道)", "县政府各部门"};
    d.recipients = recipients;
    d.recipient_count = 2;
    zb_block b = {-1, "(一)加强领导.(责任单位:县经信局,县发改局)\n见https://a.gov.cn/x(1).html,并报送;数据1,000家.", 0,
                  NULL, 0, "body block", 1};
    d.body = &b;
    d.body_count = 1;
    d.note = "(此件公开发布)";
    static const char *const copy[] = {"县委办(县委机要局)"};
    d.copy_to = copy;
    d.copy_to_count = 1;
    d.printer = "县政府办(县府办)";
    d.printed = (zb_date){2024, 6, 1};
    laid l;
    lay(&d, &l);
    char *all = page_text(&l.doc, -1);
    static const char *const want[] = {"（一季度）", "各乡镇（街道）", "（一）加强领导。（责任单位：县经信局，县发改局）",
                                       "https://a.gov.cn/x(1).html，并报送；数据1,000家。", "（此件公开发布）",
                                       "县委办（县委机要局）", "县政府办（县府办）"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(all, want[i]))
            fail_msg("'%s' not in '%s'", want[i], all);
    assert_int_equal(count_cp(all, "("), 1); /* the address's own */
    free(all);
    unlay(&l);
}

/* ---- valid input that must neither fail nor lose text --------------------------------- */

/* All of text's characters are drawn, in order, somewhere in the document. */
static void assert_drawn(const zb_doc *doc, const char *text)
{
    char *all = page_text(doc, -1);
    zb_buf want = {0};
    for (const char *p = text; *p; p++)
        if (*p != '\n' && *p != ' ')
            zb_buf_addc(&want, *p);
    zb_buf_addc(&want, '\0');
    char *w = zb_buf_take(&want);
    if (!strstr(all, w))
        fail_msg("text lost: '%.60s…' not drawn", w);
    free(w);
    free(all);
}

/* Nothing drawn outside the type area but the page numbers (and the letter's mark). */
static void assert_inside(const zb_doc *doc)
{
    for (size_t i = 0; i < doc->count; i++) {
        const zb_item *it = &doc->items[i];
        if (it->kind != ZB_ITEM_TEXT)
            continue;
        char buf[64];
        item_text(doc, i, buf, sizeof buf);
        if (strncmp(buf, "—", 3) == 0)
            continue;
        if (it->x < ZB_AREA_LEFT - 0.01 || item_right(doc, i) > ZB_AREA_RIGHT + OVERHANG ||
            it->y > ZB_AREA_BOTTOM + 0.01 || it->y < ZB_AREA_TOP)
            fail_msg("'%s' on page %d at (%.1f, %.1f)-%.1f is outside the type area", buf, it->page + 1, it->x,
                     it->y, item_right(doc, i));
        /* justification never spreads a line thin */
        if (it->char_space >= ZB_CELL)
            fail_msg("'%s' spread %.1f pt apart", buf, it->char_space);
    }
}

static void test_long_runs(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "中文AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA中文结束。",
        "中文12345678901234567890123456789012345678901234567890中文结束。",
        "详见https://www.example.gov.cn/zwgk/art/2024/5/1/abcdefabcdefabcdefabcdefabcdefabcdef.html。",
        "一二三四五六七八九十一二三四五六七八九十一二三四五六abcdefghijklmnopqrstuvwxyzabcdefghijklmnop",
    };
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        zb_document d;
        base_document(&d);
        zb_block b = {0, texts[t], 0, NULL, 0, "body block", 1};
        d.body = &b;
        d.body_count = 1;
        laid l;
        lay(&d, &l);
        assert_drawn(&l.doc, texts[t]);
        assert_inside(&l.doc);
        /* the body's first line is full: the run was broken rather than pushed down */
        char start[7];
        memcpy(start, texts[t], 6);
        start[6] = '\0';
        size_t i = find(&l.doc, start);
        char buf[64];
        if (item_right(&l.doc, i) < ZB_AREA_RIGHT - ZB_CELL)
            fail_msg("'%s' ends at %.1f", item_text(&l.doc, i, buf, sizeof buf), item_right(&l.doc, i));
        unlay(&l);
    }
}

static void test_long_fields(void **state)
{
    (void)state;
    const char *copies[300];
    char names[300][32];
    for (int i = 0; i < 300; i++) {
        snprintf(names[i], sizeof names[i], "县委办公室%d", i);
        copies[i] = names[i];
    }
    static const char sig[] = "某县经济和信息化局、某县发展和改革局、某县财政局、某县商务局、某县科学技术局、某县市场监督管理局";
    static const char printer[] = "某县人民政府办公室某县人民政府办公室某县人民政府办公室某县人民政府办公室";
    for (int sealed = 0; sealed < 2; sealed++) {
        for (size_t nc = 1; nc <= 300; nc = nc * 4 + 1) {
            zb_document d;
            base_document(&d);
            d.sealed = sealed;
            d.signature = sig;
            d.printer = printer;
            d.printed = (zb_date){2024, 6, 1};
            d.copy_to = copies;
            d.copy_to_count = nc;
            char *text = filler(19, 1);
            zb_block b = {0, text, 0, NULL, 0, "body block", 1};
            d.body = &b;
            d.body_count = 1;
            laid l;
            lay(&d, &l);
            assert_drawn(&l.doc, sig);
            assert_drawn(&l.doc, printer);
            assert_drawn(&l.doc, "2024年6月1日印发");
            char *all = page_text(&l.doc, -1);
            for (size_t i = 0; i < nc; i++)
                assert_non_null(strstr(all, names[i]));
            free(all);
            assert_inside(&l.doc);
            /* the 版记 ends on the type area's bottom edge of the last page, and never
             * shares a page's rows with the body above it */
            int last_rule = 0;
            for (size_t i = 0; i < l.doc.count; i++) {
                const zb_item *it = &l.doc.items[i];
                last_rule |= it->kind == ZB_ITEM_RULE && it->page == l.doc.pages - 1 &&
                             fabs(it->y - ZB_AREA_BOTTOM) < 0.01;
            }
            assert_true(last_rule);
            size_t c0 = find(&l.doc, "抄送");
            size_t lastbody = ZB_NONE;
            for (size_t i = 0; i < l.doc.count; i++)
                if (l.doc.items[i].kind == ZB_ITEM_TEXT && l.doc.items[i].page == l.doc.items[c0].page &&
                    l.doc.items[i].size == ZB_SIZE_BODY && l.doc.items[i].y < ZB_AREA_BOTTOM)
                    lastbody = i;
            if (lastbody != ZB_NONE)
                assert_true(l.doc.items[lastbody].y < l.doc.items[c0].y - ZB_SIZE_SMALL);
            unlay(&l);
            free(text);
        }
    }
}

/* A table row taller than a page goes on over the pages it needs, with all its text; so does
 * a category taller than a page. */
static void test_tall_rows(void **state)
{
    (void)state;
    zb_buf big = {0}, cat = {0};
    for (int i = 0; i < 5000; i++)
        zb_buf_adds(&big, "甲");
    for (int i = 0; i < 3000; i++)
        zb_buf_adds(&cat, "乙");
    char *bigs = zb_buf_take(&big), *cats = zb_buf_take(&cat);
    static const double fracs[5] = {0.07, 0.15, 0.34, 0.20, 0.24};
    static const int center[5] = {1, 1, 0, 1, 1};
    static const char *const head[5] = {"序号", "类别", "指标名称", "目标值", "责任单位"};
    const char *cells[6][5] = {
        {"1", cats, "指标一（家）", "10", "县经信局"},  {"2", cats, "指标二（家）", "10", "县经信局"},
        {"3", cats, "指标三（家）", "10", "县经信局"},  {"4", bigs, "指标四（家）", "10", "县经信局"},
        {"5", "丙类", bigs, "10", "县经信局"},          {"6", "丙类", "指标六（家）", "10", "县经信局"},
    };
    zb_table_row rows[6];
    size_t groups[6] = {0, 0, 0, 1, 2, 2};
    for (int r = 0; r < 6; r++) {
        memset(&rows[r], 0, sizeof rows[r]);
        rows[r].cells = cells[r];
        rows[r].group = groups[r];
        rows[r].where = "indicator";
    }
    zb_table_content tc;
    memset(&tc, 0, sizeof tc);
    tc.spec.columns = 5;
    tc.spec.fracs = fracs;
    tc.spec.center = center;
    tc.spec.merge_col = 1;
    tc.header = head;
    tc.rows = rows;
    tc.row_count = 6;
    zb_attached at = {1, "目标表", ZB_ATTACHED_TABLE, NULL, NULL, 0, NULL, &tc};
    zb_document d;
    base_document(&d);
    d.attachments = &at;
    d.attachment_count = 1;
    laid l;
    lay(&d, &l);
    char *all = page_text(&l.doc, -1);
    assert_int_equal(count_cp(all, "甲"), 10000);
    assert_int_equal(count_cp(all, "乙"), 3000);
    for (int r = 0; r < 6; r++)
        assert_non_null(strstr(all, cells[r][2] == bigs ? "10" : cells[r][2]));
    free(all);
    assert_inside(&l.doc);
    /* no rule below the type area */
    for (size_t i = 0; i < l.doc.count; i++)
        if (l.doc.items[i].kind == ZB_ITEM_RULE)
            assert_true(l.doc.items[i].y <= ZB_AREA_BOTTOM + 0.01 && l.doc.items[i].y2 <= ZB_AREA_BOTTOM + 0.01);
    unlay(&l);
    free(bigs);
    free(cats);
}

/* A table cell never ends in one character alone: the lines a cell takes are broken evenly
 * instead (三年攻 / 坚目标, not 三年攻坚目 / 标; 完成限上制造业 / 投资（亿元）, not … / 元）),
 * their number unchanged; a cell that ends well keeps the line breaker's lines. */
static void test_table_cells_no_lone(void **state)
{
    (void)state;
    static const double fracs[5] = {0.07, 0.15, 0.34, 0.20, 0.24};
    static const int center[5] = {1, 1, 0, 1, 1};
    static const char *const head[5] = {"序号", "类别", "指标名称", "目标值", "责任单位"};
    const char *cells[3][5] = {
        {"1", "三年攻坚目标", "完成限上制造业投资（亿元）", "57", "县经信局"},
        {"2", "三年攻坚目标", "招引落地10亿元以上制造业项目（个）", "5以上", "县经信局"},
        {"3", "两年目标", "规上工业增加值增速(%)", "6.5", "县投资促进中心、县发改局"},
    };
    zb_table_row rows[3];
    size_t groups[3] = {0, 1, 2};
    for (int r = 0; r < 3; r++) {
        memset(&rows[r], 0, sizeof rows[r]);
        rows[r].cells = cells[r];
        rows[r].group = groups[r];
        rows[r].where = "indicator";
    }
    zb_table_content tc;
    memset(&tc, 0, sizeof tc);
    tc.spec.columns = 5;
    tc.spec.fracs = fracs;
    tc.spec.center = center;
    tc.spec.merge_col = 1;
    tc.header = head;
    tc.rows = rows;
    tc.row_count = 3;
    zb_attached at = {1, "目标表", ZB_ATTACHED_TABLE, NULL, NULL, 0, NULL, &tc};
    zb_document d;
    base_document(&d);
    d.attachments = &at;
    d.attachment_count = 1;
    laid l;
    lay(&d, &l);
    static const char *const alone[] = {"标", "元）", "个）", "）"};
    for (size_t i = 0; i < l.doc.count; i++) {
        const zb_item *it = &l.doc.items[i];
        if (it->kind != ZB_ITEM_TEXT)
            continue;
        for (size_t k = 0; k < sizeof alone / sizeof *alone; k++)
            if (it->len == strlen(alone[k]) && memcmp(l.doc.pool.data + it->text, alone[k], it->len) == 0)
                fail_msg("a cell's line reads '%s' alone", alone[k]);
    }
    assert_int_not_equal(find_exact(&l.doc, "三年攻"), ZB_NONE);
    assert_int_not_equal(find_exact(&l.doc, "坚目标"), ZB_NONE);
    /* two lines each, as before; the text whole */
    char *all = page_text(&l.doc, -1);
    assert_non_null(strstr(all, "（亿元）"));
    assert_non_null(strstr(all, "增速（%）"));
    free(all);
    assert_inside(&l.doc);
    unlay(&l);
}

/* ---- titles broken between words (GB/T 9704 §7.3.1) ------------------------------------ */

/* A title shaped as the engine shapes it, its word flags (with the plan's words) and its
 * balanced lines; with_words = 0 balances it as if no word were known. */
typedef struct titled {
    zb_doc doc;
    zb_glyphs g;
    unsigned char *words;
    zb_lines lines;
} titled;

static void title_lay(titled *t, const char *title, const char *const *plan_words, size_t count,
                      int with_words)
{
    memset(t, 0, sizeof *t);
    zb_doc_init(&t->doc, fonts, NULL);
    assert_int_equal(zb_shape(&t->doc, &t->g, title, strlen(title), ZB_FONT_TITLE, ZB_SIZE_TITLE,
                              0, ZB_INK_BLACK, "title"),
                     ZB_OK);
    t->words = malloc(t->g.n + 1);
    assert_non_null(t->words);
    zb_title_words(t->g.g, t->g.n, plan_words, count, t->words);
    assert_int_equal(zb_balance_title(t->g.g, t->g.n, ZB_AREA_WIDTH, with_words ? t->words : NULL,
                                      &t->lines),
                     0);
}

static void title_free(titled *t)
{
    free(t->g.g);
    free(t->words);
    free(t->lines.l);
    zb_doc_free(&t->doc);
}

/* Line j of t as text. */
static const char *title_line(const titled *t, size_t j, char *buf)
{
    size_t len = 0;
    for (size_t k = t->lines.l[j].start; k < t->lines.l[j].end; k++)
        len += zb_utf8_encode(t->g.g[k].cp, buf + len);
    buf[len] = '\0';
    return buf;
}

/* Whether a line of t starts inside a word. */
static int splits_a_word(const titled *t)
{
    for (size_t j = 1; j < t->lines.n; j++)
        if (t->words[t->lines.l[j].start])
            return 1;
    return 0;
}

static void test_title_words(void **state)
{
    (void)state;
    static const char *const plan_words[] = {"桐庐县人民政府", "县经信局", "桐庐县经济和信息化局",
                                             "", NULL, "工业发展", "415X", "县数管中心"};
    size_t np = sizeof plan_words / sizeof plan_words[0];
    static const char *const titles[] = {
        "关于2024年第二季度桐庐县“415X”先进制造业集群培育工程工作要点指标进展情况的通报",
        "桐庐县人民政府关于印发《桐庐县数字经济高质量发展三年行动方案（2024—2026年）》的通知",
        "杭州市人民政府办公厅关于进一步优化营商环境推进中小企业高质量发展的实施意见",
        "浙江省经济和信息化厅关于公布2024年度浙江省专精特新中小企业名单的通知",
        "关于2024年上半年全县经济社会发展主要指标完成情况的通报",
        "武义县人民政府关于印发《武义县新一轮制造业“腾笼换鸟、凤凰涅槃”攻坚行动方案》的通知",
        "丽水市发展和改革委员会关于下达2024年第一批市级重点项目年度投资计划的通知",
        "关于印发桐庐县2024年度县级部门目标责任制考核办法的通知",
        "嘉兴市南湖区人民政府关于做好2025年第三季度安全生产和应急管理工作的通知",
        "关于表彰2023年度全市招商引资和项目建设工作先进单位的通报",
        "桐庐县经济和信息化局关于印发《2024年全县工业发展工作要点》的通知",
        "县经信局 县数管中心关于2024年1—6月数字化改革工作进展情况的通报",
        "关于第一季度指标完成情况的通报",
    };
    char buf[512];
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        titled t;
        title_lay(&t, titles[i], plan_words, np, 1);
        if (splits_a_word(&t)) {
            for (size_t j = 0; j < t.lines.n; j++)
                print_message("  %s\n", title_line(&t, j, buf));
            fail_msg("title %zu is broken inside a word", i + 1);
        }
        for (size_t j = 0; j < t.lines.n; j++) {
            const zb_line *l = &t.lines.l[j];
            assert_true(l->width <= ZB_AREA_WIDTH + 0.02);
            if (j + 1 < t.lines.n) {
                /* balanced as before: an upper line not shorter than the next by more than a
                 * character and a half, and none but the last under half the type area */
                assert_true(l->width + 1.5 * ZB_SIZE_TITLE + 0.01 >= t.lines.l[j + 1].width);
                assert_true(l->width > 0.5 * ZB_AREA_WIDTH);
                /* nor a number from its unit, nor 的 from the document type */
                const char *s = title_line(&t, j, buf);
                size_t len = strlen(s);
                assert_false(len >= 3 && strcmp(s + len - 3, "的") == 0);
                assert_false(s[len - 1] >= '0' && s[len - 1] <= '9');
            }
        }
        title_free(&t);
    }

    /* The bulletin's title: balanced as if no word were known, it splits 制造业; with the
     * words, it breaks between two. */
    titled t;
    title_lay(&t, titles[0], plan_words, np, 0);
    assert_true(splits_a_word(&t));
    title_free(&t);
    title_lay(&t, titles[0], plan_words, np, 1);
    assert_false(splits_a_word(&t));
    title_free(&t);
}

/* What zb_title_words() marks: the lexicon's longest word at each glyph, numerals for '#',
 * the organ endings, and the document's words, overlapping ones counted each. */
static void test_title_word_marks(void **state)
{
    (void)state;
    static const char *const plan_words[] = {"数管中心", "中心城区"};
    const char *text = "第十二季度县数管中心城区经信局abc";
    zb_doc doc;
    zb_doc_init(&doc, fonts, NULL);
    zb_glyphs g = {0};
    assert_int_equal(zb_shape(&doc, &g, text, strlen(text), ZB_FONT_TITLE, ZB_SIZE_TITLE, 0,
                              ZB_INK_BLACK, "t"),
                     ZB_OK);
    unsigned char *w = malloc(g.n + 1);
    assert_non_null(w);
    zb_title_words(g.g, g.n, plan_words, 2, w);
    /* 第|十|二|季|度 inside; 度|县 and 县|数 between words */
    for (size_t i = 1; i <= 4; i++)
        assert_true(w[i] >= 1);
    assert_int_equal(w[5], 0);
    assert_int_equal(w[6], 0);
    /* 数管中心 and 中心城区 overlap: 中|心 is inside both */
    assert_int_equal(w[7], 1);
    assert_int_equal(w[8], 1);
    assert_int_equal(w[9], 2);
    assert_int_equal(w[10], 1);
    assert_int_equal(w[11], 1);
    /* 城区|经信局: 经|信, 信|局 inside (经信局, and *局 keeps 局 with its name) */
    assert_true(w[13] >= 1);
    assert_true(w[14] >= 1);
    assert_int_equal(w[0], 0);
    assert_int_equal(w[g.n], 0);
    /* no words at all: only the lexicon */
    zb_title_words(g.g, g.n, NULL, 0, w);
    assert_int_equal(w[9], 0);
    free(w);
    free(g.g);
    zb_doc_free(&doc);
}

/* The document's words reach its titles: a unit name the lexicon does not know is not split
 * in the title, nor in an attachment's title. */
static void test_title_plan_words(void **state)
{
    (void)state;
    static const char *const plan_words[] = {"富春江科技城管理委员会"};
    zb_document d;
    memset(&d, 0, sizeof d);
    d.title = "关于2024年全县重点工作推进情况暨富春江科技城管理委员会重点项目建设情况的通报";
    zb_attached at;
    memset(&at, 0, sizeof at);
    at.number = 1;
    at.title = d.title;
    at.kind = ZB_ATTACHED_TEXT;
    at.text = "一、总体情况";
    d.attachments = &at;
    d.attachment_count = 1;
    d.words = plan_words;
    d.word_count = 1;
    laid l;
    lay(&d, &l);
    char buf[512];
    size_t lines = 0;
    for (size_t i = 0; i < l.doc.count; i++) {
        const zb_item *it = &l.doc.items[i];
        if (it->kind != ZB_ITEM_TEXT || it->size != ZB_SIZE_TITLE)
            continue;
        const char *s = item_text(&l.doc, i, buf, sizeof buf);
        lines++;
        /* the name sits whole on one line */
        if (strstr(s, "富春江") || strstr(s, "委员会"))
            assert_non_null(strstr(s, "富春江科技城管理委员会"));
    }
    assert_true(lines >= 4); /* the title and the attachment's, two lines each at least */
    unlay(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keep_and_widows), cmocka_unit_test(test_signature_page),
        cmocka_unit_test(test_attachment_note_page),
        cmocka_unit_test(test_attachment_labels), cmocka_unit_test(test_mark),
        cmocka_unit_test(test_masthead_forms), cmocka_unit_test(test_page_number_dash),
        cmocka_unit_test(test_one_grid), cmocka_unit_test(test_punctuation_everywhere),
        cmocka_unit_test(test_long_runs), cmocka_unit_test(test_long_fields),
        cmocka_unit_test(test_tall_rows), cmocka_unit_test(test_table_cells_no_lone),
        cmocka_unit_test(test_title_words), cmocka_unit_test(test_title_word_marks),
        cmocka_unit_test(test_title_plan_words),
    };
    return cmocka_run_group_tests_name("layout", tests, setup, teardown);
}
