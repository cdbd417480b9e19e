/* zhibiao: the command-line program. Exit codes: 0 done, 1 bad input or failed validation,
 * 2 usage, 3 cannot write. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "machine.h"
#include "zhibiao.h"

#if defined(__GNUC__)
#define ZB_CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define ZB_CLI_PRINTF(f, a)
#endif

enum { EXIT_DONE = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_WRITE = 3 };

extern const unsigned char zb_demo_tonglu_2024[];
extern const size_t zb_demo_tonglu_2024_size;
extern const unsigned char zb_demo_wuyi_2022[];
extern const size_t zb_demo_wuyi_2022_size;
extern const unsigned char zb_demo_tonglu_2024_actuals[];
extern const size_t zb_demo_tonglu_2024_actuals_size;

/* How this run reports (docs/cli.md): --json and -q anywhere on the line; the plan, fonts
 * and findings of the document written and what was written, for the JSON summary. The
 * program's own state, one run at a time. */
static struct {
    int json;
    int quiet;
    const char *command;
    const zb_plan *plan;
    const zb_fontset *fonts;
    zb_findings *found;
    const char *out, *format, *period;
    size_t bytes;
    int pages;                  /* PDF and OFD; 0 for workbooks */
    size_t fallback_chars;
    char fallback_note[512];
    int in_demo;                /* demo --json: one summary at the end, not one per file */
    jw demo;                    /* demo --json: the files written */
} cli;

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
    const char *usage;
} command;

static const command *find_command(const char *name);

static int usage_error(const char *cmd, const char *what, const char *arg)
{
    /* what has one %s: arg's place. */
    const char *hole = strstr(what, "%s");
    if (cli.json) {
        char msg[ZB_ERROR_MESSAGE_MAX];
        if (hole)
            snprintf(msg, sizeof msg, "%.*s%s%s", (int)(hole - what), what, arg, hole + 2);
        else
            snprintf(msg, sizeof msg, "%s", what);
        machine_error(cmd, ZB_OK, 2, msg, NULL);
        return 2;
    }
    fprintf(stderr, "zhibiao%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    if (hole)
        fprintf(stderr, "%.*s%s%s", (int)(hole - what), what, arg, hole + 2);
    else
        fputs(what, stderr);
    fprintf(stderr, "\nTry 'zhibiao %s%s--help'.\n", cmd ? cmd : "", cmd ? " " : "");
    return EXIT_USAGE;
}

/* Exit code for a library status: what failed decides whether the input or the output is
 * to blame. */
static int exit_for(zb_status st)
{
    switch (st) {
    case ZB_OK: return EXIT_DONE;
    case ZB_ERR_WRITE:
    case ZB_ERR_XLSX: return EXIT_WRITE;
    case ZB_ERR_ARGUMENT: return EXIT_USAGE;
    default: return EXIT_INPUT;
    }
}

/* Reports a failed call: a line, or with --json a JSON object, on stderr; the exit code. */
static int fail_with(zb_status st, const char *message)
{
    if (cli.json)
        machine_error(cli.command, st, exit_for(st), message, NULL);
    else
        fprintf(stderr, "zhibiao: %s\n", message);
    int code = exit_for(st);
    return code;
}

/* The whole of standard input (free()); NULL when it cannot be read. */
static char *read_stdin(size_t *len)
{
    size_t cap = 0, n = 0;
    char *data = NULL;
    for (;;) {
        if (n + 65536 > cap) {
            cap = cap ? cap * 2 : 65536;
            char *p = realloc(data, cap + 1);
            if (!p) {
                free(data);
                return NULL;
            }
            data = p;
        }
        size_t got = fread(data + n, 1, cap - n, stdin);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(stdin)) {
        free(data);
        return NULL;
    }
    data[n] = '\0';
    *len = n;
    return data;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    if (n < m)
        return 0;
    for (size_t i = 0; i < m; i++) {
        char a = s[n - m + i], b = suffix[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (a != b)
            return 0;
    }
    return 1;
}

/* A .csv, .tsv or .txt file (Excel's "Unicode text") is an indicator table; anything else is
 * read as a JSON plan. "-" is standard input: JSON when it starts with '{' (after white space
 * and a byte-order mark), else a table; messages call it <stdin>. */
static zb_status load_plan_quietly(zb_plan *plan, const char *path)
{
    if (strcmp(path, "-") == 0) {
        size_t len = 0;
        char *text = read_stdin(&len);
        if (!text)
            return ZB_ERR_IO;
        size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            i++;
        zb_status st = i < len && text[i] != '{' ? zb_csv_load_string(plan, text, len, "<stdin>", NULL)
                                                 : zb_json_load_string(plan, text, len, "<stdin>");
        free(text);
        return st;
    }
    int table = has_suffix(path, ".csv") || has_suffix(path, ".tsv") || has_suffix(path, ".txt");
    return table ? zb_csv_load(plan, path, NULL) : zb_json_load(plan, path);
}

static int load_plan(zb_plan *plan, const char *path)
{
    zb_status st = load_plan_quietly(plan, path);
    if (st != ZB_OK)
        return fail_with(st, *zb_errmsg(plan) ? zb_errmsg(plan) : "<stdin>: cannot read standard input");
    return EXIT_DONE;
}

static const char *severity_name(zb_severity s)
{
    switch (s) {
    case ZB_SEV_ERROR: return "error";
    case ZB_SEV_WARNING: return "warning";
    default: return "note";
    }
}

/* Prints findings at or above min to stderr; returns the number of errors. */
static size_t report_findings(const zb_findings *f, zb_severity min)
{
    for (size_t i = 0; i < zb_findings_count(f); i++) {
        zb_severity s = zb_findings_severity(f, i);
        if (s < min)
            continue;
        fprintf(stderr, "%s: %s: %s [%s]\n", zb_findings_location(f, i), severity_name(s),
                zb_findings_message(f, i), zb_findings_code(f, i));
    }
    return zb_findings_error_count(f);
}

/* Validates before writing, as that document needs (and, for the progress commands, the
 * actuals at the period): a plan with errors is not written unless forced. Warnings are
 * printed either way. */
static int validate_for_output(const zb_plan *plan, zb_document_kind document, const char *period, int force)
{
    zb_validate_options vo = {0};
    vo.document = document;
    vo.actuals = period != NULL;
    vo.period = period;
    zb_findings *f = NULL;
    zb_status st = zb_plan_validate_opt(plan, &vo, &f);
    if (st == ZB_ERR_VALUE) /* a period not written YYYY-MM: the writer says so */
        st = zb_plan_validate_opt(plan, &(zb_validate_options){document, 0, NULL}, &f);
    if (st != ZB_OK)
        return fail_with(ZB_ERR_NOMEM, "out of memory");
    /* With --json the findings go into the summary or the error object, not on stderr. */
    size_t errors = cli.json ? zb_findings_error_count(f) : report_findings(f, ZB_SEV_WARNING);
    if (errors && !force) {
        char msg[160];
        snprintf(msg, sizeof msg, "%zu error%s: nothing written (--force writes it anyway)", errors,
                 errors == 1 ? "" : "s");
        if (cli.json)
            machine_error(cli.command, ZB_ERR_INVALID, EXIT_INPUT, msg, f);
        else
            fprintf(stderr, "zhibiao: %s\n", msg);
        zb_findings_free(f);
        return EXIT_INPUT;
    }
    zb_findings_free(cli.found);
    cli.found = f;
    return EXIT_DONE;
}

/* The plan a writing command works on: loaded, with the actuals when given, and validated
 * for the document; or NULL with *rc set (the messages already printed). */
static zb_plan *plan_for_output(const char *path, const char *actuals, zb_document_kind document,
                                const char *period, int force, int *rc)
{
    zb_plan *plan = zb_plan_new();
    *rc = plan ? load_plan(plan, path) : EXIT_INPUT;
    if (!*rc && actuals) {
        zb_status st = zb_csv_load_actuals(plan, actuals, NULL);
        if (st != ZB_OK) {
            *rc = fail_with(st, zb_errmsg(plan));
        }
    }
    if (!*rc)
        *rc = validate_for_output(plan, document, period, force);
    if (*rc) {
        zb_plan_free(plan);
        return NULL;
    }
    cli.plan = plan;
    return plan;
}


/* ---- writing: to a file, or for "-o -" to standard output; what was written is kept for
 * the summary ------------------------------------------------------------------------- */

static int to_stdout(const char *out) { return strcmp(out, "-") == 0; }

static size_t file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (size_t)st.st_size : 0;
}

/* Sends the bytes (freed here) to standard output. */
static zb_status emit(char *data, size_t len, zb_error *err)
{
    errno = 0;
    int ok = fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0;
    zb_free(data);
    if (ok)
        return ZB_OK;
    snprintf(err->message, sizeof err->message, "<stdout>: cannot write: %s", strerror(errno ? errno : EIO));
    err->code = ZB_ERR_WRITE;
    return ZB_ERR_WRITE;
}

static void record(const char *out, const char *format, const char *period, size_t bytes, const zb_pdf_info *info)
{
    cli.out = out;
    cli.format = format;
    cli.period = period;
    cli.bytes = bytes;
    cli.pages = info ? info->pages : 0;
    cli.fallback_chars = info ? info->fallback_chars : 0;
    snprintf(cli.fallback_note, sizeof cli.fallback_note, "%s", info ? info->fallback_note : "");
}

/* One wrapper per writer: the library's to-file call, or its to-memory one for "-". */
#define OUT_XLSX(name, file_call, buffer_call, ...)                                          \
    if (to_stdout(out)) {                                                                    \
        char *data = NULL;                                                                   \
        size_t len = 0;                                                                      \
        zb_status st = buffer_call;                                                          \
        if (st == ZB_OK) {                                                                   \
            record(out, name, period_of, len, NULL);                                         \
            st = emit(data, len, err);                                                       \
        }                                                                                    \
        return st;                                                                           \
    }                                                                                        \
    zb_status st = file_call;                                                                \
    if (st == ZB_OK)                                                                         \
        record(out, name, period_of, file_size(out), NULL);                                  \
    return st;

static zb_status out_target_table(const zb_plan *plan, const char *out, const zb_table_options *o, zb_error *err)
{
    const char *period_of = NULL;
    OUT_XLSX("xlsx", zb_xlsx_write_target_table(plan, out, o, err),
             zb_xlsx_target_table_to_buffer(plan, o, &data, &len, err))
}

static zb_status out_breakdown(const zb_plan *plan, const char *out, const zb_breakdown_options *o, zb_error *err)
{
    const char *period_of = NULL;
    OUT_XLSX("xlsx", zb_xlsx_write_breakdown(plan, out, o, err), zb_xlsx_breakdown_to_buffer(plan, o, &data, &len, err))
}

static zb_status out_progress(const zb_plan *plan, const char *period, const char *out,
                              const zb_progress_sheet_options *o, zb_error *err)
{
    const char *period_of = period;
    OUT_XLSX("xlsx", zb_xlsx_write_progress(plan, period, out, o, err),
             zb_xlsx_progress_to_buffer(plan, period, o, &data, &len, err))
}

static zb_status out_assessment(const zb_plan *plan, const char *period, const char *out,
                                const zb_assessment_options *o, zb_error *err)
{
    const char *period_of = period;
    OUT_XLSX("xlsx", zb_xlsx_write_assessment(plan, period, out, o, err),
             zb_xlsx_assessment_to_buffer(plan, period, o, &data, &len, err))
}

static zb_status out_json(const zb_plan *plan, const char *out, zb_error *err)
{
    const char *period_of = NULL;
    OUT_XLSX("json", zb_json_save(plan, out, err), zb_json_dump(plan, &data, &len, err))
}

#define OUT_DOC(name, file_call, buffer_call)                                                \
    if (to_stdout(out)) {                                                                    \
        char *data = NULL;                                                                   \
        size_t len = 0;                                                                      \
        zb_status st = buffer_call;                                                          \
        if (st == ZB_OK) {                                                                   \
            record(out, name, period_of, len, info);                                         \
            st = emit(data, len, err);                                                       \
        }                                                                                    \
        return st;                                                                           \
    }                                                                                        \
    zb_status st = file_call;                                                                \
    if (st == ZB_OK)                                                                         \
        record(out, name, period_of, info->bytes, info);                                     \
    return st;

static zb_status out_pdf_notice(const zb_plan *plan, const zb_fontset *fonts, const char *out,
                                const zb_notice_options *o, zb_pdf_info *info, zb_error *err)
{
    const char *period_of = NULL;
    OUT_DOC("pdf", zb_pdf_write_notice(plan, fonts, out, o, info, err),
            zb_pdf_notice_to_buffer(plan, fonts, o, &data, &len, info, err))
}

static zb_status out_ofd_notice(const zb_plan *plan, const zb_fontset *fonts, const char *out,
                                const zb_notice_options *o, zb_pdf_info *info, zb_error *err)
{
    const char *period_of = NULL;
    OUT_DOC("ofd", zb_ofd_write_notice(plan, fonts, out, o, info, err),
            zb_ofd_notice_to_buffer(plan, fonts, o, &data, &len, info, err))
}

static zb_status out_pdf_bulletin(const zb_plan *plan, const zb_fontset *fonts, const char *period, const char *out,
                                  const zb_bulletin_options *o, zb_pdf_info *info, zb_error *err)
{
    const char *period_of = period;
    OUT_DOC("pdf", zb_pdf_write_bulletin(plan, fonts, period, out, o, info, err),
            zb_pdf_bulletin_to_buffer(plan, fonts, period, o, &data, &len, info, err))
}

static zb_status out_ofd_bulletin(const zb_plan *plan, const zb_fontset *fonts, const char *period, const char *out,
                                  const zb_bulletin_options *o, zb_pdf_info *info, zb_error *err)
{
    const char *period_of = period;
    OUT_DOC("ofd", zb_ofd_write_bulletin(plan, fonts, period, out, o, info, err),
            zb_ofd_bulletin_to_buffer(plan, fonts, period, o, &data, &len, info, err))
}

static const char *const role_keys[ZB_FONT_ROLE_COUNT] = {"body", "title", "heading", "kai", "number"};

/* What was written: the text mode's line on stderr (unless -q), or with --json the summary,
 * on stdout (on stderr when the document itself went to stdout). */
static void wrote(const char *fmt, ...) ZB_CLI_PRINTF(1, 2);
static void wrote(const char *fmt, ...)
{
    if (!cli.json || cli.in_demo) {
        if (cli.quiet || cli.json)
            return;
        va_list ap;
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        return;
    }
    jw w = {0};
    jw_open(&w, '{');
    jw_str(&w, "command", cli.command);
    jw_str(&w, "output", cli.out);
    jw_str(&w, "format", cli.format);
    jw_int(&w, "bytes", (long long)cli.bytes);
    if (cli.pages) {
        jw_int(&w, "pages", cli.pages);
        jw_int(&w, "fallback_chars", (long long)cli.fallback_chars);
        jw_str(&w, "fallback_note", cli.fallback_note);
    }
    if (cli.period)
        jw_str(&w, "period", cli.period);
    if (cli.plan) {
        jw_str(&w, "title", zb_plan_meta(cli.plan, ZB_META_TITLE));
        jw_int(&w, "indicators", (long long)zb_plan_indicator_count(cli.plan));
        jw_int(&w, "categories", (long long)zb_plan_category_count(cli.plan));
        jw_int(&w, "tasks", (long long)zb_plan_task_count(cli.plan));
        jw_int(&w, "units", (long long)zb_plan_unit_count(cli.plan));
    }
    if (cli.fonts) {
        jw_key(&w, "fonts");
        jw_open(&w, '[');
        for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++) {
            jw_open(&w, '{');
            jw_str(&w, "role", role_keys[r]);
            jw_str(&w, "file", zb_fontset_file(cli.fonts, (zb_font_role)r));
            jw_int(&w, "index", zb_fontset_face_index(cli.fonts, (zb_font_role)r));
            jw_str(&w, "describe", zb_fontset_describe(cli.fonts, (zb_font_role)r));
            jw_close(&w, '}');
        }
        jw_close(&w, ']');
    }
    jw_key(&w, "findings");
    jw_open(&w, '[');
    for (size_t i = 0; i < zb_findings_count(cli.found); i++)
        jw_finding(&w, cli.found, i);
    jw_close(&w, ']');
    jw_close(&w, '}');
    jw_flush(&w, cli.out && to_stdout(cli.out) ? stderr : stdout);
}

/* Option parsing shared by the commands: -x VALUE, --long VALUE, --long=VALUE, flags. */
typedef struct opt {
    const char *shortname; /* "-o" or NULL */
    const char *longname;  /* "--output" */
    int takes_value;
    const char **value; /* receives the value, or "1" for a flag */
} opt;

static int parse_args(const char *cmd, int argc, char **argv, const opt *opts, size_t nopts,
                      const char **positional, size_t npositional, size_t *got_positional)
{
    *got_positional = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        /* Read by main() for every command. */
        if (strcmp(a, "--json") == 0 || strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
            continue;
        if (a[0] == '-' && a[1] != '\0') {
            const opt *o = NULL;
            const char *inline_value = NULL;
            for (size_t k = 0; k < nopts && !o; k++) {
                size_t ln = strlen(opts[k].longname);
                if (opts[k].shortname && strcmp(a, opts[k].shortname) == 0)
                    o = &opts[k];
                else if (strncmp(a, opts[k].longname, ln) == 0 && (a[ln] == '\0' || (a[ln] == '=' && opts[k].takes_value))) {
                    o = &opts[k];
                    if (a[ln] == '=')
                        inline_value = a + ln + 1;
                }
            }
            if (!o)
                return usage_error(cmd, "unknown option '%s'", a);
            if (!o->takes_value) {
                *o->value = "1";
            } else if (inline_value) {
                *o->value = inline_value;
            } else if (i + 1 < argc) {
                *o->value = argv[++i];
            } else {
                return usage_error(cmd, "option '%s' needs a value", a);
            }
        } else {
            if (*got_positional >= npositional)
                return usage_error(cmd, "unexpected argument '%s'", a);
            positional[(*got_positional)++] = a;
        }
    }
    return EXIT_DONE;
}

static int wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return 1;
    return 0;
}

static int print_command_help(const char *name)
{
    const command *c = find_command(name);
    printf("usage: zhibiao %s\n\n%s\n", c->usage, c->summary);
    return EXIT_DONE;
}

static int write_table(const zb_plan *plan, const char *out, const zb_table_options *opts)
{
    zb_error err;
    zb_status st = out_target_table(plan, out, opts, &err);
    if (st != ZB_OK) {
        return fail_with(st, err.message);
    }
    return EXIT_DONE;
}

static int cmd_table(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("table");
    const char *out = NULL, *label = NULL, *title = NULL, *unit_column = NULL, *sheet = NULL;
    const char *no_unit_column = NULL, *font_body = NULL, *font_heading = NULL, *font_title = NULL;
    const char *force = NULL;
    const opt opts[] = {
        {"-o", "--output", 1, &out},         {NULL, "--label", 1, &label},
        {NULL, "--force", 0, &force},
        {NULL, "--title", 1, &title},        {NULL, "--sheet", 1, &sheet},
        {NULL, "--unit-column", 0, &unit_column}, {NULL, "--no-unit-column", 0, &no_unit_column},
        {NULL, "--font-body", 1, &font_body},
        {NULL, "--font-heading", 1, &font_heading}, {NULL, "--font-title", 1, &font_title},
    };
    const char *pos[1];
    size_t npos;
    int rc = parse_args("table", argc, argv, opts, sizeof opts / sizeof opts[0], pos, 1, &npos);
    if (rc)
        return rc;
    if (npos != 1)
        return usage_error("table", "%s", "expects one PLAN (.json or .csv)");
    if (!out)
        return usage_error("table", "%s", "needs -o OUT.xlsx");

    zb_plan *plan = plan_for_output(pos[0], NULL, ZB_DOCUMENT_TABLE, NULL, force != NULL, &rc);
    if (!rc) {
        zb_table_options to = {0};
        to.label = label;
        to.title = title;
        to.sheet_name = sheet;
        to.unit_column = unit_column ? 1 : no_unit_column ? -1 : 0;
        to.font_body = font_body;
        to.font_heading = font_heading;
        to.font_title = font_title;
        rc = write_table(plan, out, &to);
        if (!rc)
            wrote("wrote %s (%zu indicators)\n", out, zb_plan_indicator_count(plan));
    }
    zb_plan_free(plan);
    return rc;
}

/* Fonts for PDF documents: the caller's JSON file, then the defaults for what it leaves
 * unset. What serves each role is said on stderr, so a stand-in font is never a surprise. */
static zb_fontset *load_fonts(const char *json, int *rc)
{
    zb_fontset *fonts = zb_fontset_new();
    if (!fonts) {
        *rc = EXIT_INPUT;
        return NULL;
    }
    zb_status st = json ? zb_fontset_load_json(fonts, json) : ZB_OK;
    if (st == ZB_OK)
        st = zb_fontset_load_defaults(fonts);
    if (st != ZB_OK) {
        *rc = fail_with(st, zb_fontset_errmsg(fonts));
        zb_fontset_free(fonts);
        return NULL;
    }
    if (!cli.quiet && !cli.json)
        for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++)
            fprintf(stderr, "font %s\n", zb_fontset_describe(fonts, (zb_font_role)r));
    cli.fonts = fonts;
    *rc = EXIT_DONE;
    return fonts;
}

/* The format of an official document: --format when given, else OFD for an OUT ending in
 * .ofd, else PDF. */
static int document_format(const char *cmd, const char *format, const char *out, int *ofd)
{
    if (format) {
        if (strcmp(format, "pdf") != 0 && strcmp(format, "ofd") != 0)
            return usage_error(cmd, "--format: expected pdf or ofd, got '%s'", format);
        *ofd = strcmp(format, "ofd") == 0;
    } else {
        *ofd = has_suffix(out, ".ofd");
    }
    return EXIT_DONE;
}

static int write_notice(const zb_plan *plan, const zb_fontset *fonts, const char *out,
                        const zb_notice_options *opts, int ofd)
{
    zb_error err;
    zb_pdf_info info;
    zb_status st = ofd ? out_ofd_notice(plan, fonts, out, opts, &info, &err)
                       : out_pdf_notice(plan, fonts, out, opts, &info, &err);
    if (st != ZB_OK) {
        return fail_with(st, err.message);
    }
    if (info.fallback_chars && !cli.quiet && !cli.json)
        fprintf(stderr, "%s: %zu character%s from a fallback font: %s\n", out, info.fallback_chars,
                info.fallback_chars == 1 ? "" : "s", info.fallback_note);
    wrote("wrote %s (%d page%s, %zu bytes)\n", out, info.pages, info.pages == 1 ? "" : "s", info.bytes);
    return EXIT_DONE;
}

static int cmd_notice(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("notice");
    const char *out = NULL, *fonts_json = NULL, *seal = NULL, *sealed = NULL, *no_attach = NULL,
               *no_imprint = NULL, *format = NULL, *force = NULL;
    const opt opts[] = {
        {"-o", "--output", 1, &out},          {NULL, "--fonts", 1, &fonts_json},
        {NULL, "--format", 1, &format},       {NULL, "--force", 0, &force},
        {NULL, "--seal", 1, &seal},           {NULL, "--sealed", 0, &sealed},
        {NULL, "--no-attachments", 0, &no_attach}, {NULL, "--no-imprint", 0, &no_imprint},
    };
    const char *pos[1];
    size_t npos;
    int rc = parse_args("notice", argc, argv, opts, sizeof opts / sizeof opts[0], pos, 1, &npos);
    if (rc)
        return rc;
    if (npos != 1)
        return usage_error("notice", "%s", "expects one PLAN (.json)");
    if (!out)
        return usage_error("notice", "%s", "needs -o OUT.pdf");
    int ofd;
    rc = document_format("notice", format, out, &ofd);
    if (rc)
        return rc;
    zb_plan *plan = plan_for_output(pos[0], NULL, ZB_DOCUMENT_NOTICE, NULL, force != NULL, &rc);
    zb_fontset *fonts = rc ? NULL : load_fonts(fonts_json, &rc);
    if (!rc) {
        zb_notice_options no = {0};
        no.seal_png = seal;
        no.sealed = sealed != NULL;
        no.omit_attachments = no_attach != NULL;
        no.omit_imprint = no_imprint != NULL;
        rc = write_notice(plan, fonts, out, &no, ofd);
    }
    zb_fontset_free(fonts);
    zb_plan_free(plan);
    return rc;
}

/* A number option: the whole text must be a finite number. */
static int number_option(const char *cmd, const char *name, const char *text, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (!*text || *end || errno || v != v)
        return usage_error(cmd, name, text);
    *out = v;
    return EXIT_DONE;
}

/* Shared by progress, bulletin and assess: PLAN [ACTUALS] --period YYYY-MM -o OUT. */
typedef struct progress_args {
    const char *out, *period, *fonts, *title, *doc_number, *scoring, *cap, *tolerance, *format, *force;
    zb_progress_options progress; /* --tolerance, read here for all three commands */
    const char *pos[2];
    size_t npos;
} progress_args;

static int parse_progress_args(const char *cmd, int argc, char **argv, progress_args *a)
{
    memset(a, 0, sizeof *a);
    const opt opts[] = {
        {"-o", "--output", 1, &a->out},        {NULL, "--period", 1, &a->period},
        {NULL, "--fonts", 1, &a->fonts},       {NULL, "--title", 1, &a->title},
        {NULL, "--doc-number", 1, &a->doc_number}, {NULL, "--scoring", 1, &a->scoring},
        {NULL, "--cap", 1, &a->cap},           {NULL, "--tolerance", 1, &a->tolerance},
        {NULL, "--format", 1, &a->format},     {NULL, "--force", 0, &a->force},
    };
    int rc = parse_args(cmd, argc, argv, opts, sizeof opts / sizeof opts[0], a->pos, 2, &a->npos);
    if (rc)
        return rc;
    if (a->npos < 1)
        return usage_error(cmd, "%s", "expects PLAN [ACTUALS.csv]");
    if (!a->period)
        return usage_error(cmd, "%s", "needs --period YYYY-MM");
    if (!a->out)
        return usage_error(cmd, "%s", "needs -o OUT");
    if (a->format && strcmp(cmd, "bulletin") != 0)
        return usage_error(cmd, "unknown option '%s'", "--format");
    if (a->tolerance)
        return number_option(cmd, "--tolerance: not a number: '%s'", a->tolerance, &a->progress.about_tolerance);
    return EXIT_DONE;
}

/* The end of every writing command: the error, or what was written. */
static int written(zb_status st, const zb_error *err, const char *out, const zb_plan *plan, const char *period)
{
    if (st != ZB_OK) {
        return fail_with(st, err->message);
    }
    wrote("wrote %s (%zu indicators at %s)\n", out, zb_plan_indicator_count(plan), period);
    return EXIT_DONE;
}

static int cmd_progress(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("progress");
    progress_args a;
    int rc = parse_progress_args("progress", argc, argv, &a);
    if (rc)
        return rc;
    zb_plan *plan = plan_for_output(a.pos[0], a.npos > 1 ? a.pos[1] : NULL, ZB_DOCUMENT_PROGRESS, a.period,
                                    a.force != NULL, &rc);
    if (!plan)
        return rc;
    zb_progress_sheet_options so = {0};
    so.title = a.title;
    so.progress = &a.progress;
    zb_error err;
    rc = written(out_progress(plan, a.period, a.out, &so, &err), &err, a.out, plan, a.period);
    zb_plan_free(plan);
    return rc;
}

static int cmd_bulletin(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("bulletin");
    progress_args a;
    int rc = parse_progress_args("bulletin", argc, argv, &a);
    int ofd = 0;
    if (!rc)
        rc = document_format("bulletin", a.format, a.out, &ofd);
    if (rc)
        return rc;
    zb_plan *plan = plan_for_output(a.pos[0], a.npos > 1 ? a.pos[1] : NULL, ZB_DOCUMENT_BULLETIN, a.period,
                                    a.force != NULL, &rc);
    zb_fontset *fonts = plan ? load_fonts(a.fonts, &rc) : NULL;
    if (plan && fonts) {
        zb_bulletin_options bo = {0};
        bo.title = a.title;
        bo.doc_number = a.doc_number;
        bo.progress = &a.progress;
        zb_error err;
        zb_pdf_info info;
        zb_status st = ofd ? out_ofd_bulletin(plan, fonts, a.period, a.out, &bo, &info, &err)
                           : out_pdf_bulletin(plan, fonts, a.period, a.out, &bo, &info, &err);
        if (st != ZB_OK) {
            rc = fail_with(st, err.message);
        } else {
            wrote("wrote %s (%d page%s, %zu bytes)\n", a.out, info.pages, info.pages == 1 ? "" : "s", info.bytes);
        }
    }
    zb_fontset_free(fonts);
    zb_plan_free(plan);
    return rc;
}

static int cmd_assess(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("assess");
    progress_args a;
    int rc = parse_progress_args("assess", argc, argv, &a);
    zb_assessment_options ao = {0};
    if (!rc && a.cap)
        rc = number_option("assess", "--cap: not a number: '%s'", a.cap, &ao.cap);
    if (!rc && a.scoring) {
        if (strcmp(a.scoring, "proportional") == 0)
            ao.scoring = ZB_SCORING_PROPORTIONAL;
        else if (strcmp(a.scoring, "all-or-nothing") == 0)
            ao.scoring = ZB_SCORING_ALL_OR_NOTHING;
        else
            rc = usage_error("assess", "--scoring: expected proportional or all-or-nothing, got '%s'", a.scoring);
    }
    if (rc)
        return rc;
    zb_plan *plan = plan_for_output(a.pos[0], a.npos > 1 ? a.pos[1] : NULL, ZB_DOCUMENT_ASSESSMENT, a.period,
                                    a.force != NULL, &rc);
    if (!plan)
        return rc;
    ao.title = a.title;
    ao.progress = &a.progress;
    zb_error err;
    rc = written(out_assessment(plan, a.period, a.out, &ao, &err), &err, a.out, plan, a.period);
    zb_plan_free(plan);
    return rc;
}

static int cmd_import(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("import");
    const char *out = NULL, *strict = NULL, *verbose = NULL;
    const opt opts[] = {{"-o", "--output", 1, &out}, {NULL, "--strict", 0, &strict}, {"-v", "--verbose", 0, &verbose}};
    const char *pos[1];
    size_t npos;
    int rc = parse_args("import", argc, argv, opts, 3, pos, 1, &npos);
    if (rc)
        return rc;
    if (npos != 1)
        return usage_error("import", "%s", "expects one TEXT file");
    if (!out)
        return usage_error("import", "%s", "needs -o PLAN.json");
    zb_plan *plan = zb_plan_new();
    if (!plan)
        return EXIT_INPUT;
    zb_import_options io = {0};
    io.strict = strict != NULL;
    zb_findings *report = NULL;
    zb_status st;
    if (strcmp(pos[0], "-") == 0) {
        size_t len = 0;
        char *text = read_stdin(&len);
        st = text ? zb_import_text_string(plan, text, len, "<stdin>", &io, &report) : ZB_ERR_IO;
        free(text);
    } else {
        st = zb_import_text(plan, pos[0], &io, &report);
    }
    if (report && !cli.json)
        report_findings(report, verbose ? ZB_SEV_NOTE : ZB_SEV_WARNING);
    /* With --json, what the import found goes into the summary or the error object. */
    zb_findings_free(cli.found);
    cli.found = report;
    cli.plan = plan;
    if (st != ZB_OK) {
        const char *msg = *zb_errmsg(plan) ? zb_errmsg(plan) : "<stdin>: cannot read standard input";
        if (cli.json)
            machine_error("import", st, exit_for(st), msg, report);
        else
            fprintf(stderr, "zhibiao: %s\n", msg);
        rc = exit_for(st);
    } else {
        zb_error err;
        st = out_json(plan, out, &err);
        if (st != ZB_OK) {
            rc = fail_with(st, err.message);
        } else {
            wrote("wrote %s: %zu indicators in %zu categories, %zu tasks, %zu prose targets, %zu units\n", out,
                    zb_plan_indicator_count(plan), zb_plan_category_count(plan), zb_plan_task_count(plan),
                    zb_plan_prose_target_count(plan), zb_plan_unit_count(plan));
        }
    }
    zb_plan_free(plan);
    return rc;
}

static int cmd_breakdown(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("breakdown");
    const char *out = NULL, *title = NULL, *force = NULL;
    const opt opts[] = {{"-o", "--output", 1, &out}, {NULL, "--title", 1, &title}, {NULL, "--force", 0, &force}};
    const char *pos[1];
    size_t npos;
    int rc = parse_args("breakdown", argc, argv, opts, sizeof opts / sizeof opts[0], pos, 1, &npos);
    if (rc)
        return rc;
    if (npos != 1)
        return usage_error("breakdown", "%s", "expects one PLAN (.json)");
    if (!out)
        return usage_error("breakdown", "%s", "needs -o OUT.xlsx");
    zb_plan *plan = plan_for_output(pos[0], NULL, ZB_DOCUMENT_BREAKDOWN, NULL, force != NULL, &rc);
    if (!rc) {
        zb_breakdown_options bo = {0};
        bo.title = title;
        zb_error err;
        zb_status st = out_breakdown(plan, out, &bo, &err);
        if (st != ZB_OK) {
            rc = fail_with(st, err.message);
        } else {
            wrote("wrote %s (%zu tasks, %zu units)\n", out, zb_plan_task_count(plan), zb_plan_unit_count(plan));
        }
    }
    zb_plan_free(plan);
    return rc;
}

/* check --json: the findings (or the load failure, as one finding) on stdout. */
static void check_json(const char *path, const zb_plan *plan, zb_status load, const zb_findings *f)
{
    jw w = {0};
    jw_open(&w, '{');
    jw_str(&w, "command", "check");
    jw_str(&w, "file", strcmp(path, "-") == 0 ? "<stdin>" : path);
    jw_bool(&w, "loaded", load == ZB_OK);
    size_t n = zb_findings_count(f), counts[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++)
        counts[zb_findings_severity(f, i)]++;
    if (load != ZB_OK)
        counts[ZB_SEV_ERROR] = 1;
    jw_int(&w, "errors", (long long)counts[ZB_SEV_ERROR]);
    jw_int(&w, "warnings", (long long)counts[ZB_SEV_WARNING]);
    jw_int(&w, "notes", (long long)counts[ZB_SEV_NOTE]);
    jw_int(&w, "indicators", load == ZB_OK ? (long long)zb_plan_indicator_count(plan) : 0);
    jw_int(&w, "categories", load == ZB_OK ? (long long)zb_plan_category_count(plan) : 0);
    jw_key(&w, "findings");
    jw_open(&w, '[');
    if (load != ZB_OK)
        jw_load_failure(&w, load, *zb_errmsg(plan) ? zb_errmsg(plan) : "<stdin>: cannot read standard input");
    for (size_t i = 0; i < n; i++)
        if (!cli.quiet || zb_findings_severity(f, i) == ZB_SEV_ERROR)
            jw_finding(&w, f, i);
    jw_close(&w, ']');
    jw_close(&w, '}');
    jw_flush(&w, stdout);
}

/* A number for CSV and the table: the shortest text that reads back; "" for none. */
static const char *num_text(double v, char *buf, size_t size)
{
    if (v != v) {
        buf[0] = '\0';
        return buf;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return buf;
}

/* One CSV field, quoted when it must be (RFC 4180). */
static void csv_field(const char *s, int last)
{
    if (strpbrk(s, ",\"\r\n")) {
        putchar('"');
        for (; *s; s++) {
            if (*s == '"')
                putchar('"');
            putchar(*s);
        }
        putchar('"');
    } else {
        fputs(s, stdout);
    }
    fputs(last ? "\r\n" : ",", stdout);
}

static int cmd_evaluate(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("evaluate");
    const char *period = NULL, *tolerance = NULL, *csv = NULL;
    const opt opts[] = {{NULL, "--period", 1, &period}, {NULL, "--tolerance", 1, &tolerance}, {NULL, "--csv", 0, &csv}};
    const char *pos[2];
    size_t npos;
    int rc = parse_args("evaluate", argc, argv, opts, sizeof opts / sizeof opts[0], pos, 2, &npos);
    if (rc)
        return rc;
    if (npos < 1)
        return usage_error("evaluate", "%s", "expects PLAN [ACTUALS.csv]");
    if (!period)
        return usage_error("evaluate", "%s", "needs --period YYYY-MM");
    if (csv && cli.json)
        return usage_error("evaluate", "%s", "--json and --csv: give one");
    zb_progress_options po = {0};
    if (tolerance && (rc = number_option("evaluate", "--tolerance: not a number: '%s'", tolerance, &po.about_tolerance)))
        return rc;
    /* Evaluating writes nothing: the plan's errors are reported, never blocking. */
    zb_plan *plan = plan_for_output(pos[0], npos > 1 ? pos[1] : NULL, ZB_DOCUMENT_NONE, period, 1, &rc);
    if (!plan)
        return rc;
    zb_progress *p = NULL;
    zb_error err;
    zb_status st = zb_progress_evaluate(plan, period, &po, &p, &err);
    if (st != ZB_OK) {
        rc = fail_with(st, err.message);
        zb_plan_free(plan);
        return rc;
    }
    size_t n = zb_progress_count(p);
    char b1[40], b2[40], b3[40], b4[40];
    if (cli.json) {
        jw w = {0};
        jw_open(&w, '{');
        jw_str(&w, "command", "evaluate");
        jw_str(&w, "period", zb_progress_period(p));
        jw_str(&w, "title", zb_plan_meta(plan, ZB_META_TITLE));
        jw_int(&w, "indicators", (long long)n);
        jw_key(&w, "counts");
        jw_open(&w, '{');
        for (int k = 0; k < ZB_STANDING_COUNT; k++)
            jw_int(&w, standing_key((zb_standing)k), (long long)zb_progress_count_standing(p, (zb_standing)k));
        jw_close(&w, '}');
        jw_key(&w, "rows");
        jw_open(&w, '[');
        for (size_t i = 0; i < n; i++) {
            size_t ind = zb_progress_indicator(p, i);
            size_t cat = zb_plan_indicator_category(plan, ind);
            zb_standing sd = zb_progress_standing(p, i);
            jw_open(&w, '{');
            jw_int(&w, "seq", zb_progress_seq(p, i));
            jw_str(&w, "name", zb_plan_indicator_name(plan, ind));
            jw_str(&w, "category", cat == ZB_NONE ? NULL : zb_plan_category_name(plan, cat));
            jw_str(&w, "unit", zb_plan_indicator_unit(plan, ind));
            jw_str(&w, "lead", zb_plan_indicator_lead(plan, ind));
            jw_str(&w, "target_text", zb_progress_target_text(p, i));
            jw_int(&w, "target_year", zb_progress_target_year(p, i));
            jw_num(&w, "target", zb_progress_target(p, i));
            jw_num(&w, "actual", zb_progress_actual(p, i));
            jw_num(&w, "completion", zb_progress_completion(p, i));
            jw_num(&w, "expected", zb_progress_expected(p, i));
            jw_str(&w, "standing", standing_key(sd));
            jw_str(&w, "status", zb_standing_label(sd));
            jw_str(&w, "explain", zb_progress_explain(p, i));
            jw_close(&w, '}');
        }
        jw_close(&w, ']');
        jw_key(&w, "findings");
        jw_open(&w, '[');
        for (size_t i = 0; i < zb_findings_count(cli.found); i++)
            jw_finding(&w, cli.found, i);
        jw_close(&w, ']');
        jw_close(&w, '}');
        jw_flush(&w, stdout);
    } else if (csv) {
        static const char *const head[] = {"seq", "name", "category", "unit", "lead", "target_text", "target",
                                           "actual", "completion", "expected", "standing", "status", "explain"};
        for (size_t k = 0; k < sizeof head / sizeof *head; k++)
            csv_field(head[k], k + 1 == sizeof head / sizeof *head);
        for (size_t i = 0; i < n; i++) {
            size_t ind = zb_progress_indicator(p, i);
            size_t cat = zb_plan_indicator_category(plan, ind);
            zb_standing sd = zb_progress_standing(p, i);
            char seq[16];
            snprintf(seq, sizeof seq, "%d", zb_progress_seq(p, i));
            csv_field(seq, 0);
            csv_field(zb_plan_indicator_name(plan, ind), 0);
            csv_field(cat == ZB_NONE ? "" : zb_plan_category_name(plan, cat), 0);
            csv_field(zb_plan_indicator_unit(plan, ind), 0);
            csv_field(zb_plan_indicator_lead(plan, ind), 0);
            csv_field(zb_progress_target_text(p, i), 0);
            csv_field(num_text(zb_progress_target(p, i), b1, sizeof b1), 0);
            csv_field(num_text(zb_progress_actual(p, i), b2, sizeof b2), 0);
            csv_field(num_text(zb_progress_completion(p, i), b3, sizeof b3), 0);
            csv_field(num_text(zb_progress_expected(p, i), b4, sizeof b4), 0);
            csv_field(standing_key(sd), 0);
            csv_field(zb_standing_label(sd), 0);
            csv_field(zb_progress_explain(p, i), 1);
        }
    } else {
        for (size_t i = 0; i < n; i++)
            printf("%3d  %s  %s: %s\n", zb_progress_seq(p, i), zb_standing_label(zb_progress_standing(p, i)),
                   zb_plan_indicator_name(plan, zb_progress_indicator(p, i)), zb_progress_explain(p, i));
        printf("%s: %zu indicators:", zb_progress_period(p), n);
        for (int k = 0; k < ZB_STANDING_COUNT; k++) {
            size_t c = zb_progress_count_standing(p, (zb_standing)k);
            if (c)
                printf(" %s %zu", zb_standing_label((zb_standing)k), c);
        }
        printf("\n");
    }
    rc = fflush(stdout) == 0 ? EXIT_DONE : fail_with(ZB_ERR_WRITE, "<stdout>: cannot write");
    zb_progress_free(p);
    zb_plan_free(plan);
    return rc;
}

static int cmd_check(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("check");
    const char *document = NULL;
    const opt opts[] = {{NULL, "--for", 1, &document}};
    const char *pos[1];
    size_t npos;
    int rc = parse_args("check", argc, argv, opts, sizeof opts / sizeof opts[0], pos, 1, &npos);
    if (rc)
        return rc;
    if (npos != 1)
        return usage_error("check", "%s", "expects one PLAN (.json or .csv)");
    /* The names of the commands that write each document. */
    static const struct {
        const char *name;
        zb_document_kind kind;
    } documents[] = {{"table", ZB_DOCUMENT_TABLE},       {"breakdown", ZB_DOCUMENT_BREAKDOWN},
                     {"progress", ZB_DOCUMENT_PROGRESS}, {"assess", ZB_DOCUMENT_ASSESSMENT},
                     {"notice", ZB_DOCUMENT_NOTICE},     {"bulletin", ZB_DOCUMENT_BULLETIN}};
    zb_validate_options vo = {0};
    if (document) {
        size_t k = 0;
        while (k < sizeof documents / sizeof documents[0] && strcmp(documents[k].name, document) != 0)
            k++;
        if (k == sizeof documents / sizeof documents[0])
            return usage_error("check",
                               "--for: expected table, breakdown, progress, assess, notice or bulletin, got '%s'",
                               document);
        vo.document = documents[k].kind;
    }
    zb_plan *plan = zb_plan_new();
    if (!plan)
        return EXIT_INPUT;
    if (cli.json) {
        /* A plan that does not load is a finding too: the output is one document either way. */
        zb_status st = load_plan_quietly(plan, pos[0]);
        zb_findings *f = NULL;
        if (st == ZB_OK && zb_plan_validate_opt(plan, &vo, &f) != ZB_OK) {
            rc = fail_with(ZB_ERR_NOMEM, "out of memory");
        } else {
            check_json(pos[0], plan, st, f);
            rc = st != ZB_OK ? exit_for(st) : zb_findings_error_count(f) ? EXIT_INPUT : EXIT_DONE;
        }
        zb_findings_free(f);
        zb_plan_free(plan);
        return rc;
    }
    rc = load_plan(plan, pos[0]);
    if (!rc) {
        zb_findings *f = NULL;
        if (zb_plan_validate_opt(plan, &vo, &f) != ZB_OK) {
            fprintf(stderr, "zhibiao: out of memory\n");
            rc = EXIT_INPUT;
        } else {
            size_t errors = report_findings(f, cli.quiet ? ZB_SEV_ERROR : ZB_SEV_NOTE);
            size_t n = zb_findings_count(f), warnings = 0, notes = 0;
            for (size_t i = 0; i < n; i++) {
                warnings += zb_findings_severity(f, i) == ZB_SEV_WARNING;
                notes += zb_findings_severity(f, i) == ZB_SEV_NOTE;
            }
            size_t ni = zb_plan_indicator_count(plan), nc = zb_plan_category_count(plan);
            fprintf(stderr, "%s: %zu indicator%s in %zu categor%s: %zu error%s, %zu warning%s, %zu note%s\n",
                    strcmp(pos[0], "-") == 0 ? "<stdin>" : pos[0], ni, ni == 1 ? "" : "s", nc, nc == 1 ? "y" : "ies", errors,
                    errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", notes, notes == 1 ? "" : "s");
            rc = errors ? EXIT_INPUT : EXIT_DONE;
            zb_findings_free(f);
        }
    }
    zb_plan_free(plan);
    return rc;
}

/* mkdir -p for the output folder of demo. */
static int make_dirs(const char *path)
{
    char *p = strdup(path);
    if (!p)
        return -1;
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = mkdir(p, 0777) != 0 && errno != EEXIST ? -1 : 0;
    free(p);
    return rc;
}

/* Loads a built-in example; its name is what messages call it. */
static zb_plan *demo_plan(const unsigned char *data, size_t size, const char *name, int *rc)
{
    zb_plan *plan = zb_plan_new();
    if (!plan) {
        *rc = EXIT_INPUT;
        return NULL;
    }
    if (zb_json_load_string(plan, (const char *)data, size, name) != ZB_OK) {
        char msg[ZB_ERROR_MESSAGE_MAX + 32];
        snprintf(msg, sizeof msg, "built-in example: %s", zb_errmsg(plan));
        fail_with(ZB_ERR_VALUE, msg);
        zb_plan_free(plan);
        *rc = EXIT_INPUT;
        return NULL;
    }
    return plan;
}

/* What demo wrote: its path on stdout, or with --json an entry of the one summary. */
static void demo_wrote(const char *path)
{
    if (!cli.json) {
        printf("%s\n", path);
        return;
    }
    jw_open(&cli.demo, '{');
    jw_str(&cli.demo, "file", path);
    jw_str(&cli.demo, "format", cli.format);
    jw_int(&cli.demo, "bytes", (long long)cli.bytes);
    jw_close(&cli.demo, '}');
}

static int cmd_demo(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("demo");
    const char *dir = "out", *fonts_json = NULL;
    const opt opts[] = {{"-o", "--output", 1, &dir}, {NULL, "--fonts", 1, &fonts_json}};
    const char *pos[1];
    size_t npos;
    int rc = parse_args("demo", argc, argv, opts, 2, pos, 0, &npos);
    if (rc)
        return rc;
    cli.in_demo = 1;
    jw_open(&cli.demo, '[');
    if (make_dirs(dir) != 0) {
        char msg[4200];
        snprintf(msg, sizeof msg, "%s: cannot create the folder: %s", dir, strerror(errno));
        return fail_with(ZB_ERR_WRITE, msg);
    }
    zb_plan *tonglu = demo_plan(zb_demo_tonglu_2024, zb_demo_tonglu_2024_size, "tonglu-2024.json", &rc);
    zb_plan *wuyi = rc ? NULL : demo_plan(zb_demo_wuyi_2022, zb_demo_wuyi_2022_size, "wuyi-2022.json", &rc);
    zb_fontset *fonts = rc ? NULL : load_fonts(fonts_json, &rc);
    size_t n = strlen(dir) + 64;
    char *path = rc ? NULL : malloc(n);
    if (!rc && !path)
        rc = EXIT_INPUT;
    if (!rc) {
        snprintf(path, n, "%s/tonglu-2024-targets.xlsx", dir);
        zb_table_options to = {0};
        to.label = "附件2";
        rc = write_table(tonglu, path, &to);
        if (!rc)
            demo_wrote(path);
    }
    if (!rc) {
        snprintf(path, n, "%s/tonglu-2024-breakdown.xlsx", dir);
        zb_error err;
        zb_status st = out_breakdown(tonglu, path, NULL, &err);
        if (st != ZB_OK) {
            rc = fail_with(st, err.message);
        } else {
            demo_wrote(path);
        }
    }
    if (!rc && zb_csv_load_actuals_string(tonglu, (const char *)zb_demo_tonglu_2024_actuals,
                                           zb_demo_tonglu_2024_actuals_size, "tonglu-2024-actuals.csv",
                                           NULL) != ZB_OK) {
        char msg[ZB_ERROR_MESSAGE_MAX + 32];
        snprintf(msg, sizeof msg, "built-in example: %s", zb_errmsg(tonglu));
        rc = fail_with(ZB_ERR_VALUE, msg);
    }
    if (!rc) {
        snprintf(path, n, "%s/tonglu-2024-progress.xlsx", dir);
        zb_error err;
        zb_status st = out_progress(tonglu, "2024-06", path, NULL, &err);
        if (st != ZB_OK) {
            rc = fail_with(st, err.message);
        } else {
            demo_wrote(path);
        }
    }
    if (!rc) {
        snprintf(path, n, "%s/tonglu-2024-assessment.xlsx", dir);
        zb_error err;
        zb_status st = out_assessment(tonglu, "2024-12", path, NULL, &err);
        if (st != ZB_OK) {
            rc = fail_with(st, err.message);
        } else {
            demo_wrote(path);
        }
    }
    if (!rc) {
        snprintf(path, n, "%s/tonglu-2024-bulletin.pdf", dir);
        zb_error err;
        zb_pdf_info info;
        zb_status st = out_pdf_bulletin(tonglu, fonts, "2024-06", path, NULL, &info, &err);
        if (st != ZB_OK) {
            rc = fail_with(st, err.message);
        } else {
            demo_wrote(path);
        }
    }
    if (!rc) {
        snprintf(path, n, "%s/wuyi-2022-notice.pdf", dir);
        rc = write_notice(wuyi, fonts, path, NULL, 0);
        if (!rc)
            demo_wrote(path);
    }
    if (!rc) {
        snprintf(path, n, "%s/tonglu-2024-notice.pdf", dir);
        rc = write_notice(tonglu, fonts, path, NULL, 0);
        if (!rc)
            demo_wrote(path);
    }
    /* The same documents as OFD (GB/T 33190), as archives keep them. */
    if (!rc) {
        snprintf(path, n, "%s/wuyi-2022-notice.ofd", dir);
        rc = write_notice(wuyi, fonts, path, NULL, 1);
        if (!rc)
            demo_wrote(path);
    }
    if (!rc) {
        snprintf(path, n, "%s/tonglu-2024-notice.ofd", dir);
        rc = write_notice(tonglu, fonts, path, NULL, 1);
        if (!rc)
            demo_wrote(path);
    }
    if (!rc) {
        snprintf(path, n, "%s/tonglu-2024-bulletin.ofd", dir);
        zb_error err;
        zb_pdf_info info;
        zb_status st = out_ofd_bulletin(tonglu, fonts, "2024-06", path, NULL, &info, &err);
        if (st != ZB_OK) {
            rc = fail_with(st, err.message);
        } else {
            demo_wrote(path);
        }
    }
    jw_close(&cli.demo, ']');
    if (!rc && cli.json) {
        jw w = {0};
        jw_open(&w, '{');
        jw_str(&w, "command", "demo");
        jw_str(&w, "output", dir);
        jw_key(&w, "files");
        jw_raw(&w, cli.demo.s ? cli.demo.s : "[]");
        jw_close(&w, '}');
        jw_flush(&w, stdout);
    }
    free(cli.demo.s);
    memset(&cli.demo, 0, sizeof cli.demo);
    free(path);
    zb_fontset_free(fonts);
    zb_plan_free(wuyi);
    zb_plan_free(tonglu);
    return rc;
}

static const command commands[] = {
    {"demo", cmd_demo,
     "Writes the files of the built-in examples (桐庐 2024, 武义 2022) into DIR (default out):\n"
     "  DIR/tonglu-2024-targets.xlsx    the target table (目标体系表)\n"
     "  DIR/tonglu-2024-breakdown.xlsx  the responsibility breakdown (责任分解表)\n"
     "  DIR/wuyi-2022-notice.pdf        the 武义 notice (武政发〔2022〕11号) with its target table\n"
     "  DIR/tonglu-2024-notice.pdf      the 桐庐 plan with its target table and unit list\n"
     "  DIR/tonglu-2024-progress.xlsx   the June monitoring workbook (made-up actuals)\n"
     "  DIR/tonglu-2024-bulletin.pdf    the second-quarter bulletin\n"
     "  DIR/tonglu-2024-assessment.xlsx the year-end assessment\n"
     "  DIR/*.ofd                       the two notices and the bulletin as OFD (GB/T 33190)\n\n"
     "  --fonts F.json   fonts by role for the PDFs (see 'zhibiao notice --help')",
     "demo [-o DIR] [--fonts F.json]"},
    {"notice", cmd_notice,
     "Writes PLAN (.json) as an official notice (通知) in the GB/T 9704-2012 format: red\n"
     "header, title, recipients, body, attachments list, signature and date, 附注, each\n"
     "attachment on its own page (the target table, the unit list or text), the 版记 and\n"
     "page numbers. The plan is validated first (it needs a title and an issuing organ); with\n"
     "errors nothing is written.\n\n"
     "  -o, --output OUT.pdf   where to write (required); OUT.ofd writes OFD (GB/T 33190)\n"
     "  --format pdf|ofd       the format, whatever OUT's name (default: by OUT's name)\n"
     "  --fonts F.json         fonts by role: {\"body\": \"simfang.ttf\", \"title\": {\"file\":\n"
     "                         \"x.ttc\", \"index\": 0}, \"heading\": …, \"kai\": …, \"number\": …,\n"
     "                         \"fallback\": […]}; unset roles come from $ZHIBIAO_FONT_DIR, then\n"
     "                         free Debian fonts (said on stderr)\n"
     "  --seal PNG             a seal image pressed over the signature and date\n"
     "  --sealed               lay out the signature for a seal stamped by hand\n"
     "  --no-attachments       leave the attachments out\n"
     "  --no-imprint           leave out the 版记 (抄送, 印发机关 and date)\n"
     "  --force                write even when the plan has errors (they are still listed)",
     "notice PLAN -o OUT.pdf|OUT.ofd [--format pdf|ofd] [--fonts F.json] [--seal PNG] [--sealed]"},
    {"table", cmd_table,
     "Writes the target table (目标体系表) of PLAN, a .json plan or a .csv indicator table.\n"
     "The plan is validated first; with errors nothing is written.\n\n"
     "  -o, --output OUT.xlsx   where to write (required)\n"
     "  --label TEXT            top-left label, e.g. 附件2\n"
     "  --title TEXT            title (default: <year>年目标体系表)\n"
     "  --sheet NAME            worksheet name (default: 目标体系表)\n"
     "  --unit-column           a 计量单位 column, names without their unit (default:\n"
     "                          when a unit was given apart from a name, e.g. a 计量单位\n"
     "                          column in the CSV)\n"
     "  --no-unit-column        no 计量单位 column\n"
     "  --font-body NAME        body font (default: 仿宋_GB2312)\n"
     "  --font-heading NAME     label and header font (default: 黑体)\n"
     "  --font-title NAME       title font (default: 方正小标宋简体)\n"
     "  --force                 write even when the plan has errors (they are still listed)",
     "table PLAN -o OUT.xlsx [options]"},
    {"import", cmd_import,
     "Reads a plan as published on a government website (plain text copied from the page) and\n"
     "writes it as a zhibiao/1 JSON plan: header data, notice text, signature and date, the\n"
     "plan's headings, tasks with their responsible units, targets found in the prose, the\n"
     "target table and the unit list. Every line that could not be placed is listed on\n"
     "stderr with its line number; then run 'zhibiao check PLAN.json'.\n\n"
     "  -o, --output PLAN.json   where to write (required)\n"
     "  --strict                 a line that cannot be placed is an error\n"
     "  -v, --verbose            also list what was recognised",
     "import TEXT.txt -o PLAN.json [--strict] [-v]"},
    {"breakdown", cmd_breakdown,
     "Writes the responsibility breakdown (责任分解表) of PLAN: every responsibility item with\n"
     "its lead and cooperating units, counts per unit, and a sheet per unit.\n\n"
     "  -o, --output OUT.xlsx   where to write (required)\n"
     "  --title TEXT            title (default: <plan title>责任分解表)\n"
     "  --force                 write even when the plan has errors (they are still listed)",
     "breakdown PLAN -o OUT.xlsx"},
    {"progress", cmd_progress,
     "Writes the monthly monitoring workbook (月度监测): each indicator's target, year-to-date\n"
     "actual, completion (a live formula), time schedule (序时进度), status and the numbers\n"
     "behind it, with a summary sheet and a chart. ACTUALS.csv has the columns\n"
     "seq,period,actual[,note]; actuals may also be in the plan's JSON. docs/progress.md gives\n"
     "the rules. A month nobody reported, and a year-to-date actual lower than an earlier\n"
     "month's, are warned about.\n\n"
     "  --period YYYY-MM        the month evaluated (required)\n"
     "  -o, --output OUT.xlsx   where to write (required)\n"
     "  --title TEXT            title (default: <year>年<m>月指标监测表)\n"
     "  --tolerance N           how far a 左右 target may be missed (default 0.5 points for %, 2 % else)\n"
     "  --force                 write even when the plan has errors (they are still listed)",
     "progress PLAN [ACTUALS.csv] --period YYYY-MM -o OUT.xlsx"},
    {"bulletin", cmd_bulletin,
     "Writes the quarterly bulletin (季度通报) as a GB/T 9704 document: how many indicators are\n"
     "done, ahead, lagging or unreported, the lagging ones with their lead units, a chart of\n"
     "completion by category, and the progress table as its attachment.\n\n"
     "  --period YYYY-MM        the month evaluated (required)\n"
     "  -o, --output OUT.pdf    where to write (required); OUT.ofd writes OFD (GB/T 33190)\n"
     "  --format pdf|ofd        the format, whatever OUT's name (default: by OUT's name)\n"
     "  --title TEXT            title (default: 关于<year>年第<q>季度…指标进展情况的通报)\n"
     "  --doc-number TEXT       document number, e.g. 桐经信〔2024〕15号\n"
     "  --fonts F.json          fonts by role (see 'zhibiao notice --help')\n"
     "  --tolerance N           as for progress\n"
     "  --force                 as for progress",
     "bulletin PLAN [ACTUALS.csv] --period YYYY-MM -o OUT.pdf|OUT.ofd [--format pdf|ofd]"},
    {"assess", cmd_assess,
     "Writes the annual assessment (年度考核): each indicator's score (its weight times the\n"
     "scoring rule), each lead unit's score and the ranking.\n\n"
     "  --period YYYY-MM        the month evaluated, normally YYYY-12 (required)\n"
     "  -o, --output OUT.xlsx   where to write (required)\n"
     "  --scoring RULE          proportional (default; completion capped) or all-or-nothing\n"
     "  --cap N                 cap on over-completion for proportional scoring (default 1.2)\n"
     "  --title TEXT            title (default: <year>年度指标考核结果)\n"
     "  --force                 write even when the plan has errors (they are still listed)",
     "assess PLAN [ACTUALS.csv] --period YYYY-12 -o OUT.xlsx"},
    {"evaluate", cmd_evaluate,
     "Evaluates PLAN at a month and prints one row per indicator: its target, the year-to-date\n"
     "actual, completion and time schedule (序时进度) as fractions, the status and the numbers\n"
     "behind it (docs/progress.md). ACTUALS.csv as for progress. Nothing is written.\n\n"
     "  --period YYYY-MM   the month evaluated (required)\n"
     "  --json             one JSON object: counts by status and a row per indicator (docs/cli.md)\n"
     "  --csv              CSV with a header row: seq,name,category,unit,lead,target_text,target,\n"
     "                     actual,completion,expected,standing,status,explain\n"
     "  --tolerance N      as for progress",
     "evaluate PLAN [ACTUALS.csv] --period YYYY-MM [--json|--csv]"},
    {"check", cmd_check,
     "Checks PLAN (.json or .csv) and lists what it finds, one per line:\n"
     "LOCATION: SEVERITY: MESSAGE [CODE]. Exits 1 when there are errors. The writing commands\n"
     "run the same check and write nothing when it finds errors (unless --force).\n\n"
     "  -q, --quiet   list errors only\n"
     "  --for CMD     also what the command CMD needs (table, breakdown, progress, assess,\n"
     "                notice, bulletin): a notice needs a title and an issuing organ, a\n"
     "                bulletin the organ",
     "check [-q] [--for CMD] PLAN"},
};

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int print_help(FILE *f)
{
    fprintf(f, "usage: zhibiao COMMAND [ARGS]\n\n"
               "zhibiao (指标) holds an indicator system and writes the files it lives on.\n\n"
               "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %s\n", commands[i].usage);
    fprintf(f, "\nEvery command also takes --json (a JSON summary on stdout, a JSON error on stderr;\n"
               "docs/cli.md) and -q (no font report, no 'wrote' line). PLAN may be '-' for standard\n"
               "input, and -o - writes the document to standard output.\n");
    fprintf(f, "\n'zhibiao COMMAND --help' tells more. Exit codes: 0 done, 1 bad input or failed\n"
               "validation, 2 usage, 3 cannot write.\n");
    return EXIT_DONE;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_help(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
        return print_help(stdout);
    if (strcmp(name, "help") == 0) {
        if (argc > 2 && find_command(argv[2]))
            return print_command_help(argv[2]);
        return print_help(stdout);
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("zhibiao %s\n", zb_version());
        return EXIT_DONE;
    }
    for (int i = 2; i < argc; i++) {
        cli.json |= strcmp(argv[i], "--json") == 0;
        cli.quiet |= strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0;
    }
    const command *c = find_command(name);
    if (!c)
        return usage_error(NULL, "unknown command '%s'", name);
    cli.command = c->name;
    int rc = c->run(argc - 1, argv + 1);
    zb_findings_free(cli.found);
    return rc;
}
