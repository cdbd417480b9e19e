/* Workbooks closing in parallel: docProps/core.xml is written by zhibiao's own writer (no
 * gmtime(), whose buffer the whole process shares), which libxlsxwriter's packager really
 * calls, with the same bytes libxlsxwriter writes; and four threads writing workbooks of
 * four different dates at once each get their own date. Built also with ZB_TSAN=ON (scripts/test),
 * where ThreadSanitizer reports any race on the way. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/xlsx_internal.h"
#include "support.h"
#include "zhibiao.h"

/* ---- fixtures ------------------------------------------------------------------------ */

static int setup(void **state)
{
    char *dir = calloc(1, 256);
    if (!dir || zbt_tmpdir(dir, 256, "xlsx-threads") != 0)
        return -1;
    /* Dates come from the plans here, not from the environment. */
    unsetenv("SOURCE_DATE_EPOCH");
    *state = dir;
    return 0;
}

static int teardown(void **state)
{
    char *dir = *state;
    zbt_rmtree(dir);
    free(dir);
    return 0;
}

static zb_plan *plan_of(zb_date issued, const char *title)
{
    zb_plan *plan = zb_plan_new();
    assert_non_null(plan);
    assert_int_equal(zb_plan_set_years(plan, issued.year, issued.year), ZB_OK);
    assert_int_equal(zb_plan_set_date(plan, ZB_DATE_ISSUED, issued), ZB_OK);
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_TITLE, title), ZB_OK);
    assert_int_equal(zb_plan_set_meta(plan, ZB_META_ORGAN, "桐庐县经济和信息化局"), ZB_OK);
    static const char *const names[] = {"新增“小升规”企业(家)", "规上工业增加值增速(%)",
                                        "完成技术改造投资(亿元)"};
    static const char *const targets[] = {"62", "6.5", "15"};
    for (int i = 0; i < 120; i++) {
        zb_indicator_def d;
        memset(&d, 0, sizeof d);
        d.seq = i + 1;
        d.category = i < 60 ? "企业培育" : "项目投资";
        d.name = names[i % 3];
        d.target = targets[i % 3];
        d.responsible = "县经信局、县发改局";
        assert_int_equal(zb_plan_add_indicator(plan, &d, NULL), ZB_OK);
    }
    return plan;
}

/* ---- the writer is the one libxlsxwriter calls ---------------------------------------- */

static void test_binding(void **state)
{
    (void)state;
    /* On Linux the packager's slot for lxw_core_assemble_xml_file points here: closes need
     * no lock. */
    assert_int_equal(zb_xlsx_core_is_ours(), 1);
}

/* The bytes libxlsxwriter 1.1.4 writes for the same properties, escaping included. */
static void test_same_bytes(void **state)
{
    const char *dir = *state;
    char path[512];
    zbt_path(dir, "props.xlsx", path, sizeof path);
    lxw_workbook *wb = workbook_new(path);
    assert_non_null(wb);
    assert_non_null(workbook_add_worksheet(wb, NULL));
    lxw_doc_properties p;
    memset(&p, 0, sizeof p);
    p.title = "R&D <plan>";
    p.subject = "“415X” 集群";
    p.author = "桐庐县经济和信息化局";
    p.keywords = "a, b";
    p.comments = "x > y";
    p.category = "计划";
    p.status = "终稿";
    p.created = 1717113600; /* 2024-05-31 */
    assert_int_equal(workbook_set_properties(wb, &p), LXW_NO_ERROR);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    char *xml = zbt_unzip_member(path, "docProps/core.xml");
    assert_non_null(xml);
    assert_string_equal(
        xml,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        "<dc:title>R&amp;D &lt;plan&gt;</dc:title><dc:subject>“415X” 集群</dc:subject>"
        "<dc:creator>桐庐县经济和信息化局</dc:creator><cp:keywords>a, b</cp:keywords>"
        "<dc:description>x &gt; y</dc:description><cp:lastModifiedBy>桐庐县经济和信息化局</cp:lastModifiedBy>"
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-05-31T00:00:00Z</dcterms:created>"
        "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-05-31T00:00:00Z</dcterms:modified>"
        "<cp:category>计划</cp:category><cp:contentStatus>终稿</cp:contentStatus></cp:coreProperties>");
    free(xml);

    /* No properties at all: empty creator, as libxlsxwriter writes it. */
    zbt_path(dir, "bare.xlsx", path, sizeof path);
    wb = workbook_new(path);
    assert_non_null(wb);
    assert_non_null(workbook_add_worksheet(wb, NULL));
    memset(&p, 0, sizeof p);
    p.created = 86400 * 365;
    assert_int_equal(workbook_set_properties(wb, &p), LXW_NO_ERROR);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    xml = zbt_unzip_member(path, "docProps/core.xml");
    assert_non_null(xml);
    assert_non_null(strstr(xml, "<dc:creator></dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>"
                                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">1971-01-01T00:00:00Z"));
    assert_null(strstr(xml, "<dc:title>"));
    free(xml);
}

/* ---- four threads, four dates -------------------------------------------------------- */

enum { THREADS = 4, BOOKS = 5 };

typedef struct job {
    const char *dir;
    int id;
    const zb_plan *plan;
    zb_status st[BOOKS];
} job;

static void *write_books(void *arg)
{
    job *j = arg;
    for (int k = 0; k < BOOKS; k++) {
        char name[64], path[512];
        snprintf(name, sizeof name, "t%d-%d.xlsx", j->id, k);
        zbt_path(j->dir, name, path, sizeof path);
        zb_error err;
        /* Every writer: the target table, the breakdown, the monitoring workbook. */
        if (k % 3 == 1)
            j->st[k] = zb_xlsx_write_breakdown(j->plan, path, NULL, &err);
        else
            j->st[k] = zb_xlsx_write_target_table(j->plan, path, NULL, &err);
    }
    return NULL;
}

static void test_four_dates(void **state)
{
    const char *dir = *state;
    static const zb_date dates[THREADS] = {{2021, 1, 1}, {2022, 6, 15}, {2023, 12, 31}, {2024, 5, 31}};
    static const char *const stamps[THREADS] = {"2021-01-01T00:00:00Z", "2022-06-15T00:00:00Z",
                                                "2023-12-31T00:00:00Z", "2024-05-31T00:00:00Z"};
    job jobs[THREADS];
    pthread_t th[THREADS];
    for (int i = 0; i < THREADS; i++) {
        char title[64];
        snprintf(title, sizeof title, "%d年工作要点", dates[i].year);
        jobs[i].dir = dir;
        jobs[i].id = i;
        jobs[i].plan = plan_of(dates[i], title);
    }
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&th[i], NULL, write_books, &jobs[i]), 0);
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    for (int i = 0; i < THREADS; i++) {
        for (int k = 0; k < BOOKS; k++) {
            assert_int_equal(jobs[i].st[k], ZB_OK);
            char name[64], path[512];
            snprintf(name, sizeof name, "t%d-%d.xlsx", i, k);
            zbt_path(dir, name, path, sizeof path);
            char *xml = zbt_unzip_member(path, "docProps/core.xml");
            assert_non_null(xml);
            /* Its own date, twice (created and modified), and no other. */
            assert_int_equal(zbt_count(xml, stamps[i]), 2);
            assert_int_equal(zbt_count(xml, "T00:00:00Z"), 2);
            free(xml);
        }
        zb_plan_free((zb_plan *)jobs[i].plan);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binding),
        cmocka_unit_test_setup_teardown(test_same_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_four_dates, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
