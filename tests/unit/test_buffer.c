/* The writers to memory (zb_*_to_buffer): the bytes are those the path writer puts in a
 * file, errors come back as the path writer reports them (naming <memory> rather than a
 * scratch path), bad arguments are refused, nothing is left in TMPDIR, and threads writing
 * at once each get their own bytes. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support.h"
#include "zhibiao.h"

/* ---- fixtures ------------------------------------------------------------------------ */

typedef struct fixture {
    char dir[256]; /* files written to a path */
    char tmp[300]; /* TMPDIR during the test: must be empty after every call */
    zb_plan *plan;
    zb_fontset *fonts;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    if (zbt_tmpdir(f->dir, sizeof f->dir, "buffer") != 0) {
        free(f);
        return -1;
    }
    zbt_path(f->dir, "tmp", f->tmp, sizeof f->tmp);
    if (mkdir(f->tmp, 0700) != 0 || setenv("TMPDIR", f->tmp, 1) != 0)
        return -1;
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
    unsetenv("TMPDIR");
    int rc = zbt_rmtree(f->dir);
    zb_plan_free(f->plan);
    zb_fontset_free(f->fonts);
    free(f);
    return rc;
}

static size_t files_in(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

/* A year's plan with metadata for a document, units, two categories, a task and the
 * actuals of June. */
static void fill(zb_plan *p)
{
    assert_int_equal(zb_plan_set_years(p, 2024, 2024), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_TITLE, "某县制造业2024年工作要点"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_ORGAN, "某县人民政府"), ZB_OK);
    assert_int_equal(zb_plan_set_meta(p, ZB_META_DOC_NUMBER, "某政发〔2024〕3号"), ZB_OK);
    zb_date issued = {2024, 3, 1};
    assert_int_equal(zb_plan_set_date(p, ZB_DATE_ISSUED, issued), ZB_OK);
    assert_int_equal(zb_plan_add_recipient(p, "各乡镇人民政府"), ZB_OK);
    assert_int_equal(zb_plan_add_block(p, 0, "现将工作要点印发给你们，请认真贯彻落实。"), ZB_OK);
    assert_int_equal(zb_plan_add_unit(p, "县经信局", "某县经济和信息化局"), ZB_OK);
    assert_int_equal(zb_plan_add_unit(p, "县发改局", NULL), ZB_OK);
    static const struct {
        const char *category, *name, *target, *responsible;
    } rows[] = {
        {"牵引性指标", "规上工业增加值增速(%)", "7以上", "县经信局"},
        {"牵引性指标", "制造业投资(亿元)", "30", "县发改局、县经信局"},
        {"企业培育", "新增“小升规”企业(家)", "50", "县经信局"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        zb_indicator_def d;
        memset(&d, 0, sizeof d);
        d.category = rows[i].category;
        d.name = rows[i].name;
        d.target = rows[i].target;
        d.responsible = rows[i].responsible;
        assert_int_equal(zb_plan_add_indicator(p, &d, NULL), ZB_OK);
    }
    zb_task_def t;
    memset(&t, 0, sizeof t);
    t.number = "1";
    t.title = "加快企业培育";
    t.text = "加快企业培育。实施小升规三年行动。";
    assert_int_equal(zb_plan_add_task(p, &t, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_task_duty(p, 0, NULL, "县经信局、县发改局", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_attachment(p, 1, ZB_ATTACH_TARGETS, "2024年目标体系表", NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(p, 1, "2024-06", 7.4, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(p, 2, "2024-06", 12, NULL), ZB_OK);
}

/* The buffer holds the bytes of the file, and the error was cleared. */
static void assert_same(const char *path, char *data, size_t len, const zb_error *err)
{
    size_t flen = 0;
    char *file = zbt_slurp(path, &flen);
    assert_non_null(file);
    assert_non_null(data);
    assert_true(len > 0);
    assert_int_equal(len, flen);
    assert_memory_equal(data, file, len);
    assert_int_equal(err->code, ZB_OK);
    assert_string_equal(err->message, "");
    free(file);
    zb_free(data);
}

/* ---- the same bytes as the file ------------------------------------------------------ */

static void test_target_table(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[600];
    zbt_path(f->dir, "t.xlsx", path, sizeof path);
    zb_table_options o;
    memset(&o, 0, sizeof o);
    o.label = "附件1";
    assert_int_equal(zb_xlsx_write_target_table(f->plan, path, &o, NULL), ZB_OK);
    char *data = NULL;
    size_t len = 0;
    zb_error err = {ZB_ERR_IO, "stale"};
    assert_int_equal(zb_xlsx_target_table_to_buffer(f->plan, &o, &data, &len, &err), ZB_OK);
    assert_same(path, data, len, &err);
    assert_int_equal(files_in(f->tmp), 0);
}

static void test_breakdown(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[600];
    zbt_path(f->dir, "b.xlsx", path, sizeof path);
    assert_int_equal(zb_xlsx_write_breakdown(f->plan, path, NULL, NULL), ZB_OK);
    char *data = NULL;
    size_t len = 0;
    zb_error err;
    assert_int_equal(zb_xlsx_breakdown_to_buffer(f->plan, NULL, &data, &len, &err), ZB_OK);
    assert_same(path, data, len, &err);
    assert_int_equal(files_in(f->tmp), 0);
}

static void test_notice(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[600];
    zbt_path(f->dir, "n.pdf", path, sizeof path);
    zb_notice_options o;
    memset(&o, 0, sizeof o);
    o.sealed = 1;
    zb_pdf_info to_file, to_memory;
    assert_int_equal(zb_pdf_write_notice(f->plan, f->fonts, path, &o, &to_file, NULL), ZB_OK);
    char *data = NULL;
    size_t len = 0;
    zb_error err;
    assert_int_equal(zb_pdf_notice_to_buffer(f->plan, f->fonts, &o, &data, &len, &to_memory, &err), ZB_OK);
    assert_int_equal(to_memory.pages, to_file.pages);
    assert_int_equal(to_memory.bytes, len);
    assert_int_equal(to_memory.fallback_chars, to_file.fallback_chars);
    assert_memory_equal(data, "%PDF-", 5);
    assert_same(path, data, len, &err);
    assert_int_equal(files_in(f->tmp), 0);
}

static void test_progress(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[600];
    zbt_path(f->dir, "p.xlsx", path, sizeof path);
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", path, NULL, NULL), ZB_OK);
    char *data = NULL;
    size_t len = 0;
    zb_error err;
    assert_int_equal(zb_xlsx_progress_to_buffer(f->plan, "2024-06", NULL, &data, &len, &err), ZB_OK);
    assert_same(path, data, len, &err);

    /* A period outside the plan's span is the writer's error, passed on. */
    data = (char *)"not touched";
    assert_int_equal(zb_xlsx_progress_to_buffer(f->plan, "2031-06", NULL, &data, &len, &err), ZB_ERR_VALUE);
    assert_int_equal(err.code, ZB_ERR_VALUE);
    assert_null(data);
    assert_int_equal(len, 0);
    assert_null(strstr(err.message, f->tmp));
    assert_int_equal(files_in(f->tmp), 0);
}

static void test_assessment(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    assert_int_equal(zb_plan_add_actual(f->plan, 1, "2024-12", 7.1, NULL), ZB_OK);
    assert_int_equal(zb_plan_add_actual(f->plan, 3, "2024-12", 52, "含年底认定"), ZB_OK);
    char path[600];
    zbt_path(f->dir, "a.xlsx", path, sizeof path);
    zb_assessment_options o;
    memset(&o, 0, sizeof o);
    o.scoring = ZB_SCORING_ALL_OR_NOTHING;
    assert_int_equal(zb_xlsx_write_assessment(f->plan, "2024-12", path, &o, NULL), ZB_OK);
    char *data = NULL;
    size_t len = 0;
    zb_error err;
    assert_int_equal(zb_xlsx_assessment_to_buffer(f->plan, "2024-12", &o, &data, &len, &err), ZB_OK);
    assert_same(path, data, len, &err);
    assert_int_equal(zb_xlsx_assessment_to_buffer(f->plan, "2024-13", &o, &data, &len, &err), ZB_ERR_VALUE);
    assert_null(data);
    assert_int_equal(files_in(f->tmp), 0);
}

static void test_bulletin(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char path[600];
    zbt_path(f->dir, "bulletin.pdf", path, sizeof path);
    zb_pdf_info to_file, to_memory;
    assert_int_equal(zb_pdf_write_bulletin(f->plan, f->fonts, "2024-06", path, NULL, &to_file, NULL), ZB_OK);
    char *data = NULL;
    size_t len = 0;
    zb_error err;
    assert_int_equal(zb_pdf_bulletin_to_buffer(f->plan, f->fonts, "2024-06", NULL, &data, &len, &to_memory, &err),
                     ZB_OK);
    assert_int_equal(to_memory.pages, to_file.pages);
    assert_int_equal(to_memory.bytes, len);
    assert_same(path, data, len, &err);
    assert_int_equal(zb_pdf_bulletin_to_buffer(f->plan, f->fonts, "June", NULL, &data, &len, &to_memory, &err),
                     ZB_ERR_VALUE);
    assert_null(data);
    assert_int_equal(files_in(f->tmp), 0);
}

/* ---- arguments and errors ------------------------------------------------------------ */

static void test_arguments(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char *data = NULL;
    size_t len = 7;
    zb_error err;
    assert_int_equal(zb_xlsx_target_table_to_buffer(f->plan, NULL, NULL, &len, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(err.code, ZB_ERR_ARGUMENT);
    assert_true(strlen(err.message) > 0);
    assert_int_equal(zb_xlsx_breakdown_to_buffer(f->plan, NULL, &data, NULL, NULL), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_pdf_notice_to_buffer(f->plan, f->fonts, NULL, NULL, NULL, NULL, NULL), ZB_ERR_ARGUMENT);

    /* No plan: the path writer's refusal, with the out arguments cleared. */
    data = (char *)"not touched";
    assert_int_equal(zb_xlsx_target_table_to_buffer(NULL, NULL, &data, &len, &err), ZB_ERR_ARGUMENT);
    assert_null(data);
    assert_int_equal(len, 0);
    assert_non_null(strstr(err.message, "plan"));
    zb_pdf_info info;
    info.pages = 99;
    assert_int_equal(zb_pdf_notice_to_buffer(NULL, f->fonts, NULL, &data, &len, &info, &err), ZB_ERR_ARGUMENT);
    assert_int_equal(info.pages, 0);
    assert_null(data);
    assert_int_equal(files_in(f->tmp), 0);
}

/* The writer's own errors come back with their code and message. */
static void test_writer_errors(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char *data = NULL;
    size_t len = 0;
    zb_error err;

    zb_table_options o;
    memset(&o, 0, sizeof o);
    o.label = "\xe9\x99"; /* truncated UTF-8 */
    assert_int_equal(zb_xlsx_target_table_to_buffer(f->plan, &o, &data, &len, &err), ZB_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "label"));
    assert_null(data);

    char seal[600];
    zbt_path(f->dir, "no-such-seal.png", seal, sizeof seal);
    zb_notice_options no;
    memset(&no, 0, sizeof no);
    no.seal_png = seal;
    assert_int_equal(zb_pdf_notice_to_buffer(f->plan, f->fonts, &no, &data, &len, NULL, &err), ZB_ERR_IO);
    assert_int_equal(err.code, ZB_ERR_IO);
    assert_non_null(strstr(err.message, "no-such-seal.png"));
    assert_null(data);
    assert_int_equal(files_in(f->tmp), 0);
}

/* A message that names the file the writer was given names <memory> instead. */
static void test_message_names_memory(void **state)
{
    fixture *f = *state;
    size_t n = 40000;
    char *name = malloc(n + 1);
    assert_non_null(name);
    memset(name, 'x', n);
    name[n] = '\0';
    zb_indicator_def d;
    memset(&d, 0, sizeof d);
    d.seq = 7;
    d.name = name;
    d.target = "1";
    assert_int_equal(zb_plan_add_indicator(f->plan, &d, NULL), ZB_OK);
    free(name);
    char *data = NULL;
    size_t len = 0;
    zb_error err;
    assert_int_equal(zb_xlsx_target_table_to_buffer(f->plan, NULL, &data, &len, &err), ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "indicator 7"));
    assert_null(strstr(err.message, f->tmp));
    assert_null(data);
    assert_int_equal(files_in(f->tmp), 0);
}

static void test_no_temporary_folder(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char missing[600];
    zbt_path(f->dir, "missing", missing, sizeof missing);
    assert_int_equal(setenv("TMPDIR", missing, 1), 0);
    char *data = NULL;
    size_t len = 0;
    zb_error err;
    assert_int_equal(zb_xlsx_target_table_to_buffer(f->plan, NULL, &data, &len, &err), ZB_ERR_WRITE);
    char want[700];
    snprintf(want, sizeof want, "TMPDIR=%s: cannot hold temporary files: No such file or directory", missing);
    assert_string_equal(err.message, want);
    assert_null(data);
    assert_int_equal(len, 0);
    /* the path writer checks it too, instead of libxlsxwriter falling back elsewhere */
    char path[600];
    zbt_path(f->dir, "t.xlsx", path, sizeof path);
    assert_int_equal(zb_xlsx_write_target_table(f->plan, path, NULL, &err), ZB_ERR_WRITE);
    assert_string_equal(err.message, want);

    /* the option wins over TMPDIR, and is named when it cannot be used */
    zb_table_options o;
    memset(&o, 0, sizeof o);
    o.scratch_dir = f->tmp;
    assert_int_equal(zb_xlsx_target_table_to_buffer(f->plan, &o, &data, &len, &err), ZB_OK);
    zb_free(data);
    assert_int_equal(files_in(f->tmp), 0);
    o.scratch_dir = path; /* not a folder */
    assert_int_equal(zb_xlsx_target_table_to_buffer(f->plan, &o, &data, &len, &err), ZB_ERR_WRITE);
    snprintf(want, sizeof want, "%s (the scratch_dir option): cannot hold temporary files: No such file or directory", path);
    assert_string_equal(err.message, want);
    zb_breakdown_options bo;
    memset(&bo, 0, sizeof bo);
    bo.scratch_dir = missing;
    assert_int_equal(zb_xlsx_breakdown_to_buffer(f->plan, &bo, &data, &len, &err), ZB_ERR_WRITE);
    assert_non_null(strstr(err.message, "(the scratch_dir option)"));
    zb_progress_sheet_options po;
    memset(&po, 0, sizeof po);
    po.scratch_dir = missing;
    assert_int_equal(zb_xlsx_write_progress(f->plan, "2024-06", path, &po, &err), ZB_ERR_WRITE);
    assert_non_null(strstr(err.message, "(the scratch_dir option)"));
    zb_assessment_options ao;
    memset(&ao, 0, sizeof ao);
    ao.scratch_dir = missing;
    assert_int_equal(zb_xlsx_assessment_to_buffer(f->plan, "2024-12", &ao, &data, &len, &err), ZB_ERR_WRITE);
    assert_non_null(strstr(err.message, "(the scratch_dir option)"));

    /* the PDFs need no scratch at all */
    assert_int_equal(zb_pdf_notice_to_buffer(f->plan, f->fonts, NULL, &data, &len, NULL, &err), ZB_OK);
    zb_free(data);
    assert_int_equal(zb_pdf_bulletin_to_buffer(f->plan, f->fonts, "2024-06", NULL, &data, &len, NULL, &err), ZB_OK);
    zb_free(data);
}

/* Fonts and a seal given as bytes give the bytes the files give. */
static void test_inputs_from_memory(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    char seal[600];
    snprintf(seal, sizeof seal, "%s/tests/data/seals/rgba8.png", getenv("ZB_SOURCE_DIR"));
    size_t seal_len = 0;
    char *seal_bytes = zbt_slurp(seal, &seal_len);
    assert_non_null(seal_bytes);

    zb_notice_options from_file;
    memset(&from_file, 0, sizeof from_file);
    from_file.seal_png = seal;
    char *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0;
    zb_error err;
    assert_int_equal(zb_pdf_notice_to_buffer(f->plan, f->fonts, &from_file, &a, &alen, NULL, &err), ZB_OK);

    /* every role and fallback of the fontset, read into memory */
    zb_fontset *mem = zb_fontset_new();
    for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++) {
        size_t n = 0;
        char *font = zbt_slurp(zb_fontset_file(f->fonts, (zb_font_role)r), &n);
        assert_non_null(font);
        assert_int_equal(zb_fontset_set_role_memory(mem, (zb_font_role)r, font, n,
                                                    zb_fontset_face_index(f->fonts, (zb_font_role)r), "upload"),
                         ZB_OK);
        free(font);
    }
    for (size_t i = 0; i < zb_fontset_fallback_count(f->fonts); i++) {
        size_t n = 0;
        char *font = zbt_slurp(zb_fontset_fallback_file(f->fonts, i), &n);
        assert_non_null(font);
        assert_int_equal(zb_fontset_add_fallback_memory(mem, font, n, 0, NULL), ZB_OK);
        free(font);
    }
    zb_notice_options from_memory;
    memset(&from_memory, 0, sizeof from_memory);
    from_memory.seal_png_data = seal_bytes;
    from_memory.seal_png_size = seal_len;
    assert_int_equal(zb_pdf_notice_to_buffer(f->plan, mem, &from_memory, &b, &blen, NULL, &err), ZB_OK);
    assert_int_equal(alen, blen);
    assert_memory_equal(a, b, alen);
    zb_free(b);

    /* the seal as bytes in the bulletin, to a file */
    char path[600];
    zbt_path(f->dir, "sealed.pdf", path, sizeof path);
    zb_bulletin_options bo;
    memset(&bo, 0, sizeof bo);
    bo.seal_png_data = seal_bytes;
    bo.seal_png_size = seal_len;
    assert_int_equal(zb_pdf_write_bulletin(f->plan, mem, "2024-06", path, &bo, NULL, &err), ZB_OK);
    bo.seal_png_data = NULL;
    bo.seal_png_size = 0;
    bo.seal_png = seal;
    assert_int_equal(zb_pdf_bulletin_to_buffer(f->plan, f->fonts, "2024-06", &bo, &b, &blen, NULL, &err), ZB_OK);
    assert_same(path, b, blen, &err);

    /* refusals: both kinds of seal, a size without bytes, bytes that are not a PNG */
    from_memory.seal_png = seal;
    assert_int_equal(zb_pdf_notice_to_buffer(f->plan, mem, &from_memory, &b, &blen, NULL, &err), ZB_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "a seal given twice"));
    from_memory.seal_png = NULL;
    from_memory.seal_png_data = NULL;
    assert_int_equal(zb_pdf_notice_to_buffer(f->plan, mem, &from_memory, &b, &blen, NULL, &err), ZB_ERR_ARGUMENT);
    from_memory.seal_png_data = "not a png";
    from_memory.seal_png_size = 9;
    assert_int_equal(zb_pdf_notice_to_buffer(f->plan, mem, &from_memory, &b, &blen, NULL, &err), ZB_ERR_VALUE);
    assert_non_null(strstr(err.message, "seal (bytes in memory)"));
    assert_null(b);

    zb_free(a);
    free(seal_bytes);
    zb_fontset_free(mem);
    assert_int_equal(files_in(f->tmp), 0);
}

/* ---- threads ------------------------------------------------------------------------- */

typedef struct job {
    const zb_plan *plan;
    const zb_fontset *fonts;
    int pdf;
    char *data;
    size_t len;
    zb_status st;
} job;

static void *run(void *arg)
{
    job *j = arg;
    if (j->pdf)
        j->st = zb_pdf_notice_to_buffer(j->plan, j->fonts, NULL, &j->data, &j->len, NULL, NULL);
    else
        j->st = zb_xlsx_target_table_to_buffer(j->plan, NULL, &j->data, &j->len, NULL);
    return NULL;
}

static void test_threads(void **state)
{
    fixture *f = *state;
    fill(f->plan);
    enum { N = 4 };
    for (int pdf = 0; pdf <= 1; pdf++) {
        job jobs[N];
        pthread_t th[N];
        for (int i = 0; i < N; i++) {
            memset(&jobs[i], 0, sizeof jobs[i]);
            jobs[i].plan = f->plan;
            jobs[i].fonts = f->fonts;
            jobs[i].pdf = pdf;
            assert_int_equal(pthread_create(&th[i], NULL, run, &jobs[i]), 0);
        }
        for (int i = 0; i < N; i++)
            assert_int_equal(pthread_join(th[i], NULL), 0);
        for (int i = 0; i < N; i++) {
            assert_int_equal(jobs[i].st, ZB_OK);
            assert_int_equal(jobs[i].len, jobs[0].len);
            assert_memory_equal(jobs[i].data, jobs[0].data, jobs[0].len);
        }
        for (int i = 0; i < N; i++)
            zb_free(jobs[i].data);
    }
    assert_int_equal(files_in(f->tmp), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_target_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_breakdown, setup, teardown),
        cmocka_unit_test_setup_teardown(test_notice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress, setup, teardown),
        cmocka_unit_test_setup_teardown(test_assessment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bulletin, setup, teardown),
        cmocka_unit_test_setup_teardown(test_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_writer_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_message_names_memory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_temporary_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inputs_from_memory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
    };
    return cmocka_run_group_tests_name("buffer", tests, NULL, NULL);
}
