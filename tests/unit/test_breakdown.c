/* The breakdown writer (责任分解表): arguments and errors, safe replacement of the
 * destination, the same bytes for the same plan, the layout of each sheet (任务分解, 按单位,
 * a sheet per unit), the counts, sheet names made valid and unique, text never read as a
 * formula, row heights and page breaks. Cells are read back from the sheet XML; the seed's
 * breakdown as a reader sees it is checked by tests/golden/test_breakdown.py. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
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

#include "xlsx/xlsx_internal.h"
#include "support.h"
#include "zhibiao.h"

/* ---- fixtures ------------------------------------------------------------------------ */

typedef struct fixture {
    char dir[256];
    char path[600];
    zb_plan *plan;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    if (zbt_tmpdir(f->dir, sizeof f->dir, "breakdown") != 0) {
        free(f);
        return -1;
    }
    snprintf(f->path, sizeof f->path, "%s/b.xlsx", f->dir);
    f->plan = zb_plan_new();
    if (!f->plan)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    if (zbt_rmtree(f->dir) != 0)
        return -1;
    zb_plan_free(f->plan);
    free(f);
    return 0;
}

static void add_indicator(zb_plan *plan, int seq, const char *category, const char *name,
                          const char *target, const char *responsible)
{
    zb_indicator_def d;
    memset(&d, 0, sizeof d);
    d.seq = seq;
    d.category = category;
    d.name = name;
    d.target = target;
    d.responsible = responsible;
    assert_int_equal(zb_plan_add_indicator(plan, &d, NULL), ZB_OK);
}

static size_t add_task(zb_plan *plan, const char *number, const char *heading, const char *title,
                       const char *text)
{
    const char *headings[] = {"二、重点任务", heading};
    zb_task_def d;
    memset(&d, 0, sizeof d);
    d.number = number;
    d.headings = heading ? headings : NULL;
    d.heading_count = heading ? 2 : 0;
    d.title = title;
    d.text = text;
    size_t t;
    assert_int_equal(zb_plan_add_task(plan, &d, &t), ZB_OK);
    return t;
}

static void add_duty(zb_plan *plan, size_t t, const char *text, const char *responsible,
                     const char *note)
{
    assert_int_equal(zb_plan_add_task_duty(plan, t, text, responsible, note), ZB_OK);
}

/* A small plan with every case of the layout:
 *  (一) task 1: one item covering the task, which has no text (the item shows the title);
 *       task 2: two items, 县发改局 named twice in the first;
 *  (二) task 3: no item; task 4: one item led by 开发区 (not in the directory);
 *  indicators led and supported by units in and out of the directory. */
static void fill(zb_plan *plan)
{
    zb_date issued = {2024, 5, 31};
    assert_int_equal(zb_plan_set_years(plan, 2024, 2024), ZB_OK);
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_TITLE, "桐庐县2024年工作要点"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_ORGAN, "桐庐县经济和信息化局"), ZB_OK);
    assert_int_equal(zb_plan_set_date(plan, ZB_DATE_ISSUED, issued), ZB_OK);
    assert_int_equal(zb_plan_add_unit(plan, "县经信局", "桐庐县经济和信息化局"), ZB_OK);
    assert_int_equal(zb_plan_add_unit(plan, "县发改局", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_unit(plan, "县科技局", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_unit(plan, "县商务局", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_unit(plan, "县教育局", NULL), ZB_OK);

    size_t t = add_task(plan, "1", "(一)深化集群培育体系", "全面落实产业链“链长+链主”制", NULL);
    add_duty(plan, t, NULL, "县经信局、县发改局", "各产业集群工作组成员单位配合");
    t = add_task(plan, "2", "(一)深化集群培育体系", "推进特色产业协同区建设",
                 "推进特色产业协同区建设。加强协作。");
    add_duty(plan, t, "推进特色产业协同区建设。", "县发改局、县经信局、县发改局", NULL);
    add_duty(plan, t, "加强协作。", "县科技局、县级相关部门", NULL);
    add_task(plan, "3", "(二)提升产业链", "加快培育“新星”产业集群", NULL);
    t = add_task(plan, "4", "(二)提升产业链", "强化企业创新", NULL);
    add_duty(plan, t, NULL, "开发区", NULL);

    add_indicator(plan, 1, "牵引性指标", "规上工业增加值增速(%)", "6.5", "县经信局");
    add_indicator(plan, 2, "牵引性指标", "专利快速预审提速率(%)", "20%", "县市场监管局、县经信局");
    add_indicator(plan, 3, "牵引性指标", "特色小镇年度总产出(亿元)", "250", "县发改局、开发区");
}


/* A workbook read back: its sheet names in order and the shared strings. */
typedef struct book {
    char *workbook;
    char *strings;
    char *names[64];
    size_t count;
} book;

static void xml_unescape(char *s)
{
    static const struct {
        const char *from, *to;
    } ents[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
    char *o = s;
    for (char *p = s; *p;) {
        size_t k = 0;
        for (; k < sizeof ents / sizeof ents[0]; k++)
            if (strncmp(p, ents[k].from, strlen(ents[k].from)) == 0)
                break;
        if (k < sizeof ents / sizeof ents[0]) {
            *o++ = ents[k].to[0];
            p += strlen(ents[k].from);
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
}

static void open_book(book *bk, const char *path)
{
    memset(bk, 0, sizeof *bk);
    bk->workbook = zbt_unzip_member(path, "xl/workbook.xml");
    bk->strings = zbt_unzip_member(path, "xl/sharedStrings.xml");
    assert_non_null(bk->workbook);
    if (!bk->strings) /* a workbook without text has no shared strings */
        bk->strings = zb_strdup("");
    for (const char *p = strstr(bk->workbook, "<sheet name=\""); p;
         p = strstr(p + 1, "<sheet name=\"")) {
        p += strlen("<sheet name=\"");
        const char *end = strchr(p, '"');
        assert_true(bk->count < 64);
        bk->names[bk->count] = zb_strndup(p, (size_t)(end - p));
        xml_unescape(bk->names[bk->count]);
        bk->count++;
    }
}

static void close_book(book *bk)
{
    for (size_t i = 0; i < bk->count; i++)
        free(bk->names[i]);
    free(bk->workbook);
    free(bk->strings);
}

/* The XML of the sheet with this name. */
static char *sheet_xml(const book *bk, const char *path, const char *name)
{
    for (size_t i = 0; i < bk->count; i++) {
        if (strcmp(bk->names[i], name) == 0) {
            char member_name[64];
            snprintf(member_name, sizeof member_name, "xl/worksheets/sheet%zu.xml", i + 1);
            return zbt_unzip_member(path, member_name);
        }
    }
    fail_msg("no sheet named %s", name);
    return NULL;
}

/* Shared string n, unescaped, in buf. */
static const char *shared_string(const book *bk, long n, char *buf, size_t size)
{
    const char *p = bk->strings;
    for (long i = 0; i <= n; i++) {
        p = strstr(p, "<si>");
        assert_non_null(p);
        p += 4;
    }
    const char *t = strstr(p, "<t");
    t = strchr(t, '>') + 1;
    const char *end = strstr(t, "</t>");
    size_t len = (size_t)(end - t);
    assert_true(len < size);
    memcpy(buf, t, len);
    buf[len] = '\0';
    xml_unescape(buf);
    return buf;
}

/* The cell at ref ("B3") as shown: its string, its number as %g, or "" when blank or absent. */
static const char *cell(const book *bk, const char *sheet, const char *ref, char *buf, size_t size)
{
    char key[32];
    snprintf(key, sizeof key, "<c r=\"%s\"", ref);
    const char *c = strstr(sheet, key);
    buf[0] = '\0';
    if (!c)
        return buf;
    const char *close = strchr(c, '>');
    if (close[-1] == '/') /* <c r="A1" s="3"/>: blank */
        return buf;
    const char *v = strstr(c, "<v>");
    const char *end_c = strstr(c, "</c>");
    if (!v || v > end_c)
        return buf;
    long n = strtol(v + 3, NULL, 10);
    const char *t = strstr(c, " t=\"s\"");
    if (t && t < close)
        return shared_string(bk, n, buf, size);
    snprintf(buf, size, "%g", strtod(v + 3, NULL));
    return buf;
}

static void assert_cell(const book *bk, const char *sheet, const char *ref, const char *want)
{
    char buf[4096];
    const char *got = cell(bk, sheet, ref, buf, sizeof buf);
    if (strcmp(got, want) != 0)
        fail_msg("cell %s: got \"%s\", want \"%s\"", ref, got, want);
}

/* Nonzero when the cell holds a number (no t="s"). */
static int is_number(const char *sheet, const char *ref)
{
    char key[32];
    snprintf(key, sizeof key, "<c r=\"%s\"", ref);
    const char *c = strstr(sheet, key);
    if (!c)
        return 0;
    const char *close = strchr(c, '>');
    const char *t = strstr(c, " t=\"");
    return (!t || t > close) && close[-1] != '/';
}

static void assert_merge(const char *sheet, const char *range)
{
    char key[64];
    snprintf(key, sizeof key, "<mergeCell ref=\"%s\"/>", range);
    if (!strstr(sheet, key))
        fail_msg("no merge %s", range);
}

/* The ht="..." of row r (1-based); 0 when it has none. */
static double row_height(const char *sheet, int r)
{
    char key[32];
    snprintf(key, sizeof key, "<row r=\"%d\"", r);
    const char *p = strstr(sheet, key);
    if (!p)
        return 0;
    const char *end = strchr(p, '>');
    const char *ht = strstr(p, " ht=\"");
    if (!ht || ht > end)
        return 0;
    return strtod(ht + 5, NULL);
}

/* Number of UTF-16 units of UTF-8 text. */
static size_t utf16_units(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) != 0x80)
            n++;
        if (*p >= 0xF0)
            n++;
    }
    return n;
}

/* ---- arguments and errors -------------------------------------------------------------- */

static void test_null_arguments(void **state)
{
    fixture *f = *state;
    zb_error err;
    memset(&err, 0x55, sizeof err);
    assert_int_equal(zb_xlsx_write_breakdown(NULL, f->path, NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(err.code, ZB_ERR_ARGUMENT);
    assert_true(strlen(err.message) > 0);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, NULL, NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, "", NULL, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_xlsx_write_breakdown(NULL, NULL, NULL, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zbt_files_in(f->dir), 0);

    /* Success clears the error. */
    memset(&err, 0x55, sizeof err);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, &err), ZB_OK);
    assert_int_equal(err.code, ZB_OK);
    assert_string_equal(err.message, "");
}

static void test_bad_options(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    zb_error err;
    zb_breakdown_options o;
    const char *const fields[] = {"title", "font_body", "font_heading", "font_title"};
    for (size_t i = 0; i < 4; i++) {
        memset(&o, 0, sizeof o);
        const char **slot = i == 0 ? &o.title : i == 1 ? &o.font_body : i == 2 ? &o.font_heading
                                                                              : &o.font_title;
        *slot = "\xe9\x99"; /* truncated UTF-8 */
        assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, &o, &err), ZB_ERR_ARGUMENT);
        assert_non_null(strstr(err.message, fields[i]));
    }
    assert_int_equal(zbt_files_in(f->dir), 0);
}

static void test_destination_is_directory(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[700];
    snprintf(path, sizeof path, "%s/sub", f->dir);
    assert_int_equal(mkdir(path, 0755), 0);
    zb_error err;
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, path, NULL, &err), ZB_ERR_WRITE);
    assert_int_equal(err.code, ZB_ERR_WRITE);
    assert_non_null(strstr(err.message, path));
    assert_int_equal(zbt_files_in(path), 0);
    assert_int_equal(zbt_files_in(f->dir), 1);

    snprintf(path, sizeof path, "%s/no/such/folder/b.xlsx", f->dir);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, path, NULL, &err), ZB_ERR_WRITE);
    assert_non_null(strstr(err.message, "b.xlsx"));
}

static const char old_content[] = "the old breakdown, which must survive a failed write\n";

static void write_old(const char *path)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(old_content, 1, sizeof old_content - 1, fp), sizeof old_content - 1);
    assert_int_equal(fclose(fp), 0);
}

static void assert_old(const char *path)
{
    size_t len;
    char *data = zbt_slurp(path, &len);
    assert_non_null(data);
    assert_int_equal(len, sizeof old_content - 1);
    assert_memory_equal(data, old_content, len);
    free(data);
}

/* A write that fails half-way (the file-size limit stops libxlsxwriter's zip writer) leaves
 * the old file byte for byte and no temporary file; run in a child so that the limit does
 * not outlive the test. */
static void test_failed_write_keeps_old_file(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    write_old(f->path);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {2000, 2000};
        setrlimit(RLIMIT_FSIZE, &rl);
        int fd = open("/dev/null", O_WRONLY); /* libxlsxwriter reports to stderr */
        if (fd >= 0)
            dup2(fd, 2);
        zb_error err;
        zb_status st = zb_xlsx_write_breakdown(f->plan, f->path, NULL, &err);
        _exit(st == ZB_ERR_WRITE && err.code == ZB_ERR_WRITE && strstr(err.message, f->path)
                  ? 0
                  : 10 + (int)st);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_old(f->path);
    assert_int_equal(zbt_files_in(f->dir), 1);

    /* A read-only folder, where the permissions count (not for root). */
    if (geteuid() != 0) {
        char sub[700], inner[720];
        snprintf(sub, sizeof sub, "%s/ro", f->dir);
        assert_int_equal(mkdir(sub, 0755), 0);
        snprintf(inner, sizeof inner, "%s/b.xlsx", sub);
        write_old(inner);
        assert_int_equal(chmod(sub, 0555), 0);
        zb_error err;
        assert_int_equal(zb_xlsx_write_breakdown(f->plan, inner, NULL, &err), ZB_ERR_WRITE);
        assert_int_equal(chmod(sub, 0755), 0);
        assert_old(inner);
        assert_int_equal(zbt_files_in(sub), 1);
    }

    /* And a successful write replaces it. */
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    size_t len;
    char *data = zbt_slurp(f->path, &len);
    assert_non_null(data);
    assert_memory_equal(data, "PK\x03\x04", 4);
    free(data);
    assert_int_equal(zbt_files_in(f->dir), 1);
}

/* A text longer than Excel's 32,767 characters: ZB_ERR_XLSX naming the task, and the
 * destination untouched. */
static void test_text_too_long(void **state)
{
    fixture *f = *state;
    size_t n = 40000;
    char *text = malloc(n + 1);
    assert_non_null(text);
    memset(text, 'x', n);
    text[n] = '\0';
    size_t t = add_task(f->plan, "1", NULL, "短", NULL);
    add_duty(f->plan, t, NULL, "县经信局", NULL);
    t = add_task(f->plan, "2", NULL, "长", NULL);
    add_duty(f->plan, t, text, "县经信局", NULL);
    free(text);
    write_old(f->path);
    zb_error err;
    /* The input is at fault, and the error names the field before anything is written. */
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, &err), ZB_ERR_VALUE);
    assert_int_equal(err.code, ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "task 2 (长): a duty is 40000 characters long; a workbook cell holds at most 32767"));
    assert_old(f->path);
    assert_int_equal(zbt_files_in(f->dir), 1);
}

/* ---- what is written ----------------------------------------------------------------- */

static void test_deterministic(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char a[700], b[700];
    snprintf(a, sizeof a, "%s/a.xlsx", f->dir);
    snprintf(b, sizeof b, "%s/b2.xlsx", f->dir);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, a, NULL, NULL), ZB_OK);
    sleep(1); /* a clock in the file would show now */
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, b, NULL, NULL), ZB_OK);
    size_t la, lb;
    char *da = zbt_slurp(a, &la), *db = zbt_slurp(b, &lb);
    assert_non_null(da);
    assert_non_null(db);
    assert_int_equal(la, lb);
    assert_memory_equal(da, db, la);
    free(da);
    free(db);

    /* The creation time is the plan's 成文日期; the title is the workbook's. */
    char *core = zbt_unzip_member(a, "docProps/core.xml");
    assert_non_null(core);
    assert_non_null(strstr(core, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-05-31T00:00:00Z"));
    assert_non_null(strstr(core, "<dc:title>桐庐县2024年工作要点责任分解表</dc:title>"));
    assert_non_null(strstr(core, "<dc:subject>桐庐县2024年工作要点</dc:subject>"));
    assert_non_null(strstr(core, "<dc:creator>桐庐县经济和信息化局</dc:creator>"));
    free(core);

    /* Without a 成文日期: 1 January of the plan's year (SOURCE_DATE_EPOCH unset). */
    char *saved = getenv("SOURCE_DATE_EPOCH") ? zb_strdup(getenv("SOURCE_DATE_EPOCH")) : NULL;
    unsetenv("SOURCE_DATE_EPOCH");
    zb_date none = {0, 0, 0};
    assert_int_equal(zb_plan_set_date(f->plan, ZB_DATE_ISSUED, none), ZB_OK);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, a, NULL, NULL), ZB_OK);
    core = zbt_unzip_member(a, "docProps/core.xml");
    assert_non_null(core);
    assert_non_null(strstr(core, ">2024-01-01T00:00:00Z<"));
    free(core);
    if (saved)
        setenv("SOURCE_DATE_EPOCH", saved, 1);
    free(saved);
}

static void test_sheets(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    /* 任务分解, 按单位, then a sheet for each unit with something to list, in 按单位's order:
     * 县商务局 and 县教育局 have nothing. */
    const char *want[] = {"任务分解", "按单位", "县经信局", "县发改局", "县科技局",
                          "县级相关部门", "开发区", "县市场监管局"};
    assert_int_equal(bk.count, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < bk.count; i++)
        assert_string_equal(bk.names[i], want[i]);
    close_book(&bk);
}

static void test_tasks_sheet(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    char *s = sheet_xml(&bk, f->path, "任务分解");
    assert_non_null(s);

    /* Title merged across, no label; the header. */
    assert_cell(&bk, s, "A1", "桐庐县2024年工作要点责任分解表");
    assert_merge(s, "A1:F1");
    const char *heads[] = {"序号", "任务", "分工事项", "牵头单位", "配合单位", "备注"};
    for (int c = 0; c < 6; c++) {
        char ref[8];
        snprintf(ref, sizeof ref, "%c2", 'A' + c);
        assert_cell(&bk, s, ref, heads[c]);
    }
    /* The innermost heading as a row across the table where it changes. */
    assert_cell(&bk, s, "A3", "(一)深化集群培育体系");
    assert_merge(s, "A3:F3");
    assert_cell(&bk, s, "A7", "(二)提升产业链");
    assert_merge(s, "A7:F7");
    assert_null(strstr(bk.strings, "<t>二、重点任务</t>"));

    /* Task 1: one item covering a task without text: the item shows the title. */
    assert_cell(&bk, s, "A4", "1");
    assert_true(is_number(s, "A4"));
    assert_cell(&bk, s, "B4", "1. 全面落实产业链“链长+链主”制");
    assert_cell(&bk, s, "C4", "全面落实产业链“链长+链主”制");
    assert_cell(&bk, s, "D4", "县经信局");
    assert_cell(&bk, s, "E4", "县发改局");
    assert_cell(&bk, s, "F4", "各产业集群工作组成员单位配合");
    /* Task 2: two items, the task merged over them; the units as the plan holds them (it
     * drops a unit named twice). */
    assert_merge(s, "B5:B6");
    assert_cell(&bk, s, "B5", "2. 推进特色产业协同区建设");
    assert_cell(&bk, s, "A5", "2");
    assert_cell(&bk, s, "C5", "推进特色产业协同区建设。");
    assert_cell(&bk, s, "D5", "县发改局");
    assert_cell(&bk, s, "E5", "县经信局");
    assert_cell(&bk, s, "A6", "3");
    assert_cell(&bk, s, "C6", "加强协作。");
    assert_cell(&bk, s, "D6", "县科技局");
    assert_cell(&bk, s, "E6", "县级相关部门");
    /* Task 3 has no item: listed, unnumbered, flagged. */
    assert_cell(&bk, s, "A8", "");
    assert_cell(&bk, s, "B8", "3. 加快培育“新星”产业集群");
    assert_cell(&bk, s, "D8", "");
    assert_cell(&bk, s, "F8", "未明确责任单位");
    assert_cell(&bk, s, "A9", "4");
    assert_cell(&bk, s, "D9", "开发区");
    assert_null(strstr(s, "<row r=\"10\""));
    assert_non_null(strstr(s, "<mergeCells count=\"4\">"));

    /* Print: A4 landscape, one page wide, header repeated, footer, frozen below it. */
    assert_non_null(strstr(s, "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"));
    assert_non_null(strstr(s, "<pageSetUpPr fitToPage=\"1\"/>"));
    assert_non_null(strstr(s, "<oddFooter>&amp;C— &amp;P —</oddFooter>"));
    assert_non_null(strstr(s, "<pane ySplit=\"2\" topLeftCell=\"A3\""));
    assert_non_null(strstr(bk.workbook, "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'任务分解'!$2:$2</definedName>"));
    /* Every row has a height. */
    for (int r = 1; r <= 9; r++)
        assert_true(row_height(s, r) >= 15);
    free(s);
    close_book(&bk);
}

static void test_units_sheet(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    char *s = sheet_xml(&bk, f->path, "按单位");
    assert_non_null(s);
    assert_cell(&bk, s, "A1", "桐庐县2024年工作要点责任分解表");
    assert_merge(s, "A1:G1");
    const char *heads[] = {"序号", "单位", "牵头事项", "配合事项", "牵头指标", "配合指标", "备注"};
    for (int c = 0; c < 7; c++) {
        char ref[8];
        snprintf(ref, sizeof ref, "%c2", 'A' + c);
        assert_cell(&bk, s, ref, heads[c]);
    }
    /* The directory in its order, then units named but missing from it in the order they
     * are first named; a unit named twice in one item counts once (县发改局 in task 2). */
    const struct {
        const char *name;
        int counts[4];
        const char *remark;
    } rows[] = {
        {"县经信局", {1, 1, 1, 1}, ""},
        {"县发改局", {1, 1, 1, 0}, ""},
        {"县科技局", {1, 0, 0, 0}, ""},
        {"县商务局", {0, 0, 0, 0}, ""},
        {"县教育局", {0, 0, 0, 0}, ""},
        {"县级相关部门", {0, 1, 0, 0}, "集体名称"},
        {"开发区", {1, 0, 0, 1}, "未列入单位名录"},
        {"县市场监管局", {0, 0, 1, 0}, "未列入单位名录"},
    };
    char ref[16], num[16];
    for (int i = 0; i < 8; i++) {
        int r = 3 + i;
        snprintf(ref, sizeof ref, "A%d", r);
        snprintf(num, sizeof num, "%d", i + 1);
        assert_cell(&bk, s, ref, num);
        snprintf(ref, sizeof ref, "B%d", r);
        assert_cell(&bk, s, ref, rows[i].name);
        for (int k = 0; k < 4; k++) {
            snprintf(ref, sizeof ref, "%c%d", 'C' + k, r);
            snprintf(num, sizeof num, "%d", rows[i].counts[k]);
            assert_cell(&bk, s, ref, num);
            assert_true(is_number(s, ref));
        }
        snprintf(ref, sizeof ref, "G%d", r);
        assert_cell(&bk, s, ref, rows[i].remark);
    }
    /* The total. */
    assert_cell(&bk, s, "A11", "合计");
    assert_merge(s, "A11:B11");
    assert_cell(&bk, s, "C11", "4");
    assert_cell(&bk, s, "D11", "3");
    assert_cell(&bk, s, "E11", "3");
    assert_cell(&bk, s, "F11", "2");
    assert_true(is_number(s, "C11"));
    assert_null(strstr(s, "<row r=\"12\""));
    /* A unit with a sheet links to it; one without does not. */
    assert_non_null(strstr(s, "<hyperlink ref=\"B3\" location=\"'县经信局'!A1\""));
    assert_null(strstr(s, "<hyperlink ref=\"B6\""));
    assert_int_equal(zbt_count(s, "<hyperlink "), 6);
    /* Portrait, like the target table. */
    assert_non_null(strstr(s, "orientation=\"portrait\""));
    assert_non_null(strstr(s, "<pane ySplit=\"2\" topLeftCell=\"A3\""));
    free(s);
    close_book(&bk);
}

static void test_unit_sheet(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    char *s = sheet_xml(&bk, f->path, "县经信局");
    assert_non_null(s);
    assert_cell(&bk, s, "A1", "桐庐县2024年工作要点责任分解表");
    assert_cell(&bk, s, "A2", "责任单位:县经信局(桐庐县经济和信息化局)　　牵头事项1项,配合事项1项,牵头指标1项,配合指标1项");
    assert_merge(s, "A2:F2");
    assert_cell(&bk, s, "B3", "任务/指标");
    assert_cell(&bk, s, "C3", "分工事项/目标值");
    /* A section per role, each numbered from 1. */
    assert_cell(&bk, s, "A4", "一、牵头事项(1项)");
    assert_merge(s, "A4:F4");
    assert_cell(&bk, s, "A5", "1");
    assert_cell(&bk, s, "B5", "1. 全面落实产业链“链长+链主”制");
    assert_cell(&bk, s, "D5", "县经信局");
    assert_cell(&bk, s, "E5", "县发改局");
    assert_cell(&bk, s, "A6", "二、配合事项(1项)");
    assert_cell(&bk, s, "A7", "1");
    assert_cell(&bk, s, "B7", "2. 推进特色产业协同区建设");
    assert_cell(&bk, s, "C7", "推进特色产业协同区建设。");
    assert_cell(&bk, s, "D7", "县发改局");
    assert_cell(&bk, s, "A8", "三、牵头指标(1项)");
    assert_cell(&bk, s, "B9", "规上工业增加值增速(%)");
    assert_cell(&bk, s, "C9", "6.5");
    assert_true(is_number(s, "C9"));
    assert_cell(&bk, s, "D9", "县经信局");
    assert_cell(&bk, s, "A10", "四、配合指标(1项)");
    assert_cell(&bk, s, "B11", "专利快速预审提速率(%)");
    assert_cell(&bk, s, "C11", "20%");
    assert_false(is_number(s, "C11"));
    assert_cell(&bk, s, "D11", "县市场监管局");
    assert_cell(&bk, s, "E11", "县经信局");
    assert_null(strstr(s, "<row r=\"12\""));
    assert_non_null(strstr(s, "orientation=\"landscape\""));
    assert_non_null(strstr(s, "<pane ySplit=\"3\" topLeftCell=\"A4\""));
    assert_non_null(strstr(bk.workbook, "'县经信局'!$3:$3</definedName>"));
    free(s);

    /* Only the sections a unit has, numbered in turn; no full name, no parentheses. */
    s = sheet_xml(&bk, f->path, "开发区");
    assert_non_null(s);
    assert_cell(&bk, s, "A2", "责任单位:开发区　　牵头事项1项,配合事项0项,牵头指标0项,配合指标1项");
    assert_cell(&bk, s, "A4", "一、牵头事项(1项)");
    assert_cell(&bk, s, "B5", "4. 强化企业创新");
    assert_cell(&bk, s, "A6", "二、配合指标(1项)");
    assert_cell(&bk, s, "B7", "特色小镇年度总产出(亿元)");
    assert_cell(&bk, s, "D7", "县发改局");
    assert_cell(&bk, s, "E7", "开发区");
    free(s);
    close_book(&bk);
}

/* A unit in several items of one task: the task is merged over them in its list too. */
static void test_unit_items_of_one_task(void **state)
{
    fixture *f = *state;
    size_t t = add_task(f->plan, "3", NULL, "全力低效整治", NULL);
    add_duty(f->plan, t, "统筹研究工业用地布局。", "县资规局", NULL);
    add_duty(f->plan, t, "加强工业投资项目监督。", "县资规局、县发改局", NULL);
    add_duty(f->plan, t, "深化“标准地”改革。", "县发改局", NULL);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    char *s = sheet_xml(&bk, f->path, "县资规局");
    assert_non_null(s);
    assert_cell(&bk, s, "A4", "一、牵头事项(2项)");
    assert_merge(s, "B5:B6");
    assert_cell(&bk, s, "B5", "3. 全力低效整治");
    assert_cell(&bk, s, "C6", "加强工业投资项目监督。");
    assert_cell(&bk, s, "A6", "2");
    free(s);
    /* Without headings, 任务分解 has no heading rows: the task is merged over rows 3-5. */
    s = sheet_xml(&bk, f->path, "任务分解");
    assert_non_null(s);
    assert_merge(s, "B3:B5");
    assert_non_null(strstr(s, "<mergeCells count=\"2\">"));
    free(s);
    close_book(&bk);
}

/* An item with two leads (牵头单位:A、B): both count as leading and both show as lead. */
static void test_two_leads(void **state)
{
    fixture *f = *state;
    size_t t = add_task(f->plan, "2", NULL, "推进数字化改造", NULL);
    add_duty(f->plan, t, NULL, "市发改委、市经信局、各县（市、区）人民政府", NULL);
    assert_int_equal(zb_plan_set_task_duty_lead_count(f->plan, t, 0, 2), ZB_OK);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    char *s = sheet_xml(&bk, f->path, "任务分解");
    assert_non_null(s);
    assert_cell(&bk, s, "D3", "市发改委、市经信局");
    assert_cell(&bk, s, "E3", "各县（市、区）人民政府");
    free(s);
    s = sheet_xml(&bk, f->path, "市经信局");
    assert_non_null(s);
    assert_cell(&bk, s, "A4", "一、牵头事项(1项)");
    free(s);
    s = sheet_xml(&bk, f->path, "各县（市、区）人民政府");
    assert_non_null(s);
    char buf[4096];
    assert_non_null(strstr(cell(&bk, s, "A2", buf, sizeof buf), "牵头事项0项,配合事项1项"));
    free(s);
    close_book(&bk);
}

static void test_titles(void **state)
{
    fixture *f = *state;
    size_t t = add_task(f->plan, "1", NULL, "任务", NULL);
    add_duty(f->plan, t, NULL, "县经信局", NULL);
    /* No plan title. */
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    char *s = sheet_xml(&bk, f->path, "任务分解");
    assert_cell(&bk, s, "A1", "责任分解表");
    free(s);
    close_book(&bk);

    /* The option's, over every sheet; fonts as asked. */
    zb_breakdown_options o;
    memset(&o, 0, sizeof o);
    o.title = "2024年责任清单";
    o.font_body = "宋体";
    o.font_heading = "微软雅黑";
    o.font_title = "华文中宋";
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, &o, NULL), ZB_OK);
    open_book(&bk, f->path);
    for (size_t i = 0; i < bk.count; i++) {
        s = sheet_xml(&bk, f->path, bk.names[i]);
        assert_cell(&bk, s, "A1", "2024年责任清单");
        free(s);
    }
    char *styles = zbt_unzip_member(f->path, "xl/styles.xml");
    assert_non_null(styles);
    assert_non_null(strstr(styles, "<name val=\"宋体\"/>"));
    assert_non_null(strstr(styles, "<name val=\"微软雅黑\"/>"));
    assert_non_null(strstr(styles, "<name val=\"华文中宋\"/>"));
    assert_null(strstr(styles, "仿宋_GB2312"));
    assert_null(strstr(styles, "黑体"));
    free(styles);
    close_book(&bk);
}

/* A plan with nothing in it: the two summary sheets with their headers and a zero total. */
static void test_empty_plan(void **state)
{
    fixture *f = *state;
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    assert_int_equal(bk.count, 2);
    char *s = sheet_xml(&bk, f->path, "任务分解");
    assert_int_equal(zbt_count(s, "<row "), 2);
    free(s);
    s = sheet_xml(&bk, f->path, "按单位");
    assert_int_equal(zbt_count(s, "<row "), 3);
    assert_cell(&bk, s, "A3", "合计");
    assert_cell(&bk, s, "C3", "0");
    free(s);
    close_book(&bk);
}

/* Text is text: names that start with = stay strings, in cells and in sheet names. */
static void test_formula_stays_text(void **state)
{
    fixture *f = *state;
    size_t t = add_task(f->plan, "=1+1", "=A1", "=SUM(A1:A9)", NULL);
    /* No comma inside: a comma separates units. */
    add_duty(f->plan, t, "+A1", "=HYPERLINK(\"http://x\")、@C3", "-B2");
    add_indicator(f->plan, 1, NULL, "=2*3", "=4", "=HYPERLINK(\"http://x\")");
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    assert_int_equal(bk.count, 4);
    assert_string_equal(bk.names[2], "=HYPERLINK(\"httpx\")");
    for (size_t i = 0; i < bk.count; i++) {
        char *s = sheet_xml(&bk, f->path, bk.names[i]);
        assert_null(strstr(s, "<f>"));
        free(s);
    }
    char *s = sheet_xml(&bk, f->path, "任务分解");
    assert_cell(&bk, s, "A3", "=A1");
    assert_cell(&bk, s, "B4", "=1+1. =SUM(A1:A9)");
    assert_cell(&bk, s, "C4", "+A1");
    assert_cell(&bk, s, "D4", "=HYPERLINK(\"http://x\")");
    assert_cell(&bk, s, "E4", "@C3");
    assert_cell(&bk, s, "F4", "-B2");
    free(s);
    s = sheet_xml(&bk, f->path, "按单位");
    assert_cell(&bk, s, "B3", "=HYPERLINK(\"http://x\")");
    free(s);
    close_book(&bk);
}

/* Sheet names: valid for Excel (31 UTF-16 units, no []:*?/\, no apostrophe at either end,
 * not History) and unique without regard to case, the summary sheets' names included. */
static void test_sheet_names(void **state)
{
    fixture *f = *state;
    const char *long_a = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一甲乙";
    const char *long_b = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一丙丁";
    const struct {
        const char *unit, *sheet;
    } cases[] = {
        {"县经信局", "县经信局"},
        {"县[经]信局", "县经信局 (2)"},
        {"县经信局?", "县经信局 (3)"},
        {"ABC局", "ABC局"},
        {"abc局", "abc局 (2)"},
        {"Ａ局", "Ａ局"},
        {"ａ局", "ａ局 (2)"},
        {"History", "单位8"},
        {"history", "单位9"},
        {"任务分解", "任务分解 (2)"},
        {"按单位", "按单位 (2)"},
        {"a/b:c*d?e\\f", "abcdef"},
        {"'引号'", "引号"},
        {"O'Brien局", "O'Brien局"},
        {"[]", "单位15"},
        {long_a, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"},
        {long_b, "一二三四五六七八九十一二三四五六七八九十一二三四五六七 (2)"},
        {"单位8", "单位8 (2)"},
    };
    size_t n = sizeof cases / sizeof cases[0];
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(zb_plan_add_unit(f->plan, cases[i].unit, NULL), ZB_OK);
        add_indicator(f->plan, (int)i + 1, NULL, "指标", "1", NULL);
        assert_int_equal(zb_plan_add_indicator_responsible(f->plan, i, cases[i].unit), ZB_OK);
    }
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    assert_int_equal(bk.count, n + 2);
    for (size_t i = 0; i < n; i++) {
        const char *got = bk.names[2 + i];
        if (strcmp(got, cases[i].sheet) != 0)
            fail_msg("unit %s: sheet \"%s\", want \"%s\"", cases[i].unit, got, cases[i].sheet);
        assert_true(utf16_units(got) <= 31);
    }
    /* Each sheet's print titles name it, quoted as Excel quotes: O'Brien局 -> 'O''Brien局'. */
    assert_non_null(strstr(bk.workbook, "'O''Brien局'!$3:$3"));
    assert_non_null(strstr(bk.workbook, "'县经信局 (2)'!$3:$3"));
    /* The 按单位 links go to the right sheets. */
    char *s = sheet_xml(&bk, f->path, "按单位");
    assert_non_null(strstr(s, "location=\"'县经信局 (2)'!A1\""));
    assert_non_null(strstr(s, "location=\"'O''Brien局'!A1\""));
    assert_non_null(strstr(s, "location=\"'单位8'!A1\""));
    free(s);
    /* The unit's sheet still names it in full. */
    s = sheet_xml(&bk, f->path, "一二三四五六七八九十一二三四五六七八九十一二三四五六七 (2)");
    char want[256];
    snprintf(want, sizeof want, "责任单位:%s　　", long_b);
    char buf[512];
    assert_non_null(strstr(cell(&bk, s, "A2", buf, sizeof buf), want));
    free(s);
    close_book(&bk);
}

/* Many units whose names clean up to the same one: X, X (2) ... X (12), each once. */
static void test_many_collisions(void **state)
{
    fixture *f = *state;
    char name[64];
    for (int i = 0; i < 12; i++) {
        snprintf(name, sizeof name, "X%.*s", i, "************");
        assert_int_equal(zb_plan_add_unit(f->plan, name, NULL), ZB_OK);
        add_indicator(f->plan, i + 1, NULL, "指标", "1", name);
    }
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    assert_int_equal(bk.count, 14);
    assert_string_equal(bk.names[2], "X");
    for (int i = 1; i < 12; i++) {
        snprintf(name, sizeof name, "X (%d)", i + 1);
        assert_string_equal(bk.names[2 + i], name);
    }
    close_book(&bk);
}

/* Long texts make rows taller; a merged task taller than its items grows the last row. */
static void test_row_heights(void **state)
{
    fixture *f = *state;
    size_t t = add_task(f->plan, "1", NULL, "短", NULL);
    add_duty(f->plan, t, NULL, "县经信局", NULL);
    t = add_task(f->plan, "2", NULL, "短", NULL);
    add_duty(f->plan, t,
              "一段很长的分工事项文字，长到一行放不下，需要折成好几行才能完整显示出来，"
              "再加一些文字让它至少占三行，这样行高就必须随之变大才行。",
              "县经信局", NULL);
    t = add_task(f->plan, "3", NULL,
                 "一个很长很长的任务标题需要好几行才能放得下的那种任务标题再长一点一个很长很长的任务标题需要好几行"
                 "才能放得下的那种任务标题再长一点一个很长很长的任务标题需要好几行才能放得下的那种任务标题再长一点",
                 NULL);
    add_duty(f->plan, t, "甲。", "县经信局", NULL);
    add_duty(f->plan, t, "乙。", "县经信局", NULL);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    char *s = sheet_xml(&bk, f->path, "任务分解");
    double one = row_height(s, 3), text = row_height(s, 4);
    double first = row_height(s, 5), last = row_height(s, 6);
    assert_true(one > 15 && one < 30);
    assert_true(text > 2.5 * one);
    assert_true(fabs(first - one) < 0.01);
    /* 99 characters in a column of at most 30 a line: 4 lines or more over the two rows. */
    assert_true(first + last >= 4 * 12 * 1.3);
    assert_true(last > first);
    free(s);
    close_book(&bk);
}

/* The breakdown prints in the notice's type area as the target table does: the landscape
 * 任务分解 and unit sheets keep it where it is on the paper (37 / 35 mm at the sides, 28 / 26 mm
 * top and bottom), the upright 按单位 sheet has it as a notice's page; ZB_MARGINS_SHEET gives
 * a spreadsheet's own margins. */
static void test_margins(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    char *s = sheet_xml(&bk, f->path, "任务分解");
    assert_non_null(strstr(s, "orientation=\"landscape\""));
    zbt_assert_margins(s, 37, 35, 28, 26);
    free(s);
    s = sheet_xml(&bk, f->path, "按单位");
    assert_null(strstr(s, "orientation=\"landscape\""));
    zbt_assert_margins(s, 28, 26, 37, 35);
    free(s);
    close_book(&bk);

    zb_breakdown_options o = {0};
    o.margins = ZB_MARGINS_SHEET;
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, &o, NULL), ZB_OK);
    open_book(&bk, f->path);
    for (size_t i = 0; i < bk.count; i++) {
        s = sheet_xml(&bk, f->path, bk.names[i]);
        zbt_assert_margins(s, 19.05, 19.05, 25.4, 25.4); /* 0.75 and 1 inch */
        free(s);
    }
    close_book(&bk);
}

/* Many tasks: 任务分解 spans pages, and no page starts with a task's second item nor right
 * after a heading row (a heading is never left at the foot of a page). */
static void test_page_breaks(void **state)
{
    fixture *f = *state;
    char heading[64], title[64], number[16];
    for (int i = 0; i < 200; i++) {
        snprintf(heading, sizeof heading, "(%d)分组标题", i / 5);
        snprintf(title, sizeof title, "任务标题%d", i + 1);
        snprintf(number, sizeof number, "%d", i + 1);
        size_t t = add_task(f->plan, number, heading, title, NULL);
        add_duty(f->plan, t, "第一项。", "县经信局、县发改局", NULL);
        add_duty(f->plan, t, "第二项。", "县经信局", NULL);
    }
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    book bk;
    open_book(&bk, f->path);
    char *s = sheet_xml(&bk, f->path, "任务分解");
    const char *p = strstr(s, "<rowBreaks count=\"");
    assert_non_null(p);
    assert_true(atoi(p + strlen("<rowBreaks count=\"")) >= 5);
    /* Rows (0-based): title, header, then groups of 11: a heading row and five tasks of two
     * rows each. A page may start at a heading or at a task other than a group's first. */
    for (const char *b = strstr(s, "<brk id=\""); b; b = strstr(b + 1, "<brk id=\"")) {
        int id = atoi(b + strlen("<brk id=\""));
        int m = (id - 2) % 11;
        if (!(m == 0 || (m >= 3 && (m - 1) % 2 == 0)))
            fail_msg("a page starts at row %d", id + 1);
    }
    free(s);
    /* 县经信局 leads both items of every task: one section of 200 blocks of two rows
     * (0-based from 4, below title, caption, header and the section's heading row). */
    s = sheet_xml(&bk, f->path, "县经信局");
    assert_non_null(strstr(s, "<rowBreaks"));
    for (const char *b = strstr(s, "<brk id=\""); b; b = strstr(b + 1, "<brk id=\"")) {
        int id = atoi(b + strlen("<brk id=\""));
        if (!(id > 4 && id % 2 == 0))
            fail_msg("a page of 县经信局 starts at row %d", id + 1);
    }
    free(s);
    close_book(&bk);
}

typedef struct job {
    const zb_plan *plan;
    char path[700];
    zb_status status;
} job;

static void *write_job(void *arg)
{
    job *j = arg;
    j->status = zb_xlsx_write_breakdown(j->plan, j->path, NULL, NULL);
    return NULL;
}

/* Writers only read the plan: threads writing at once each get the same bytes. */
static void test_threads(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, f->path, NULL, NULL), ZB_OK);
    size_t rlen;
    char *rdata = zbt_slurp(f->path, &rlen);
    assert_non_null(rdata);
    enum { N = 3 };
    job jobs[N];
    pthread_t th[N];
    for (int i = 0; i < N; i++) {
        jobs[i].plan = f->plan;
        snprintf(jobs[i].path, sizeof jobs[i].path, "%s/t%d.xlsx", f->dir, i);
        assert_int_equal(pthread_create(&th[i], NULL, write_job, &jobs[i]), 0);
    }
    for (int i = 0; i < N; i++) {
        assert_int_equal(pthread_join(th[i], NULL), 0);
        assert_int_equal(jobs[i].status, ZB_OK);
        size_t len;
        char *data = zbt_slurp(jobs[i].path, &len);
        assert_non_null(data);
        assert_int_equal(len, rlen);
        assert_memory_equal(data, rdata, len);
        free(data);
    }
    free(rdata);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_null_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_options, setup, teardown),
        cmocka_unit_test_setup_teardown(test_destination_is_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_write_keeps_old_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_too_long, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sheets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tasks_sheet, setup, teardown),
        cmocka_unit_test_setup_teardown(test_units_sheet, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unit_sheet, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unit_items_of_one_task, setup, teardown),
        cmocka_unit_test_setup_teardown(test_two_leads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_titles, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_plan, setup, teardown),
        cmocka_unit_test_setup_teardown(test_formula_stays_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sheet_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_collisions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_row_heights, setup, teardown),
        cmocka_unit_test_setup_teardown(test_margins, setup, teardown),
        cmocka_unit_test_setup_teardown(test_page_breaks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
    };
    return cmocka_run_group_tests_name("breakdown", tests, NULL, NULL);
}
