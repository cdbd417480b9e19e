/* zhibiao: the command-line program. Exit codes: 0 done, 1 bad input or failed validation,
 * 2 usage, 3 cannot write. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
        zb_status st = zb_plan_load_string(plan, text, len, "<stdin>");
        free(text);
        return st;
    }
    /* The library's rule: by the name, else by the content. */
    return zb_plan_load(plan, path);
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

/* Findings about the 版头 and the 版记 that the form of the 版头 a command writes makes
 * moot (none: no red 版头; letter: no 印发机关). */
enum { HIDE_NUMBER = 1, HIDE_IMPRINT = 2 };

static int hidden(const char *code, unsigned hide)
{
    return ((hide & HIDE_NUMBER) && strcmp(code, "no-document-number") == 0) ||
           ((hide & HIDE_IMPRINT) && strcmp(code, "no-imprint") == 0);
}

/* Prints findings at or above min to stderr, but those hidden; returns the number of
 * errors. */
static size_t report_findings_of(const zb_findings *f, zb_severity min, unsigned hide)
{
    for (size_t i = 0; i < zb_findings_count(f); i++) {
        zb_severity s = zb_findings_severity(f, i);
        if (s < min || hidden(zb_findings_code(f, i), hide))
            continue;
        fprintf(stderr, "%s: %s: %s [%s]\n", zb_findings_location(f, i), severity_name(s),
                zb_findings_message(f, i), zb_findings_code(f, i));
    }
    return zb_findings_error_count(f);
}

/* Prints findings at or above min to stderr; returns the number of errors. */
static size_t report_findings(const zb_findings *f, zb_severity min)
{
    return report_findings_of(f, min, 0);
}

/* Validates before writing, as that document needs (and, for the progress commands, the
 * actuals at the period): a plan with errors is not written unless forced. Warnings are
 * printed either way. */
static int validate_for_output(const zb_plan *plan, zb_document_kind document, const char *period, int force,
                               unsigned hide)
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
    size_t errors = cli.json ? zb_findings_error_count(f) : report_findings_of(f, ZB_SEV_WARNING, hide);
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
                                const char *period, int force, unsigned hide, int *rc)
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
        *rc = validate_for_output(plan, document, period, force, hide);
    if (*rc) {
        zb_plan_free(plan);
        return NULL;
    }
    cli.plan = plan;
    return plan;
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

/* A text option (a title, a label, a sheet's or a font's name), checked before any file is
 * read by the rules the writers apply to it: UTF-8, no control character (tab, line feed
 * and carriage return aside; also DEL, C1, U+FFFE/U+FFFF), no longer than a workbook cell
 * (32,767 characters), and for a font name no longer than a workbook keeps whole (127
 * bytes). */
static int text_option(const char *cmd, const char *name, const char *value, int font)
{
    if (!value)
        return EXIT_DONE;
    const unsigned char *s = (const unsigned char *)value;
    size_t n = strlen(value), chars = 0;
    char msg[200];
    for (size_t i = 0; i < n; chars++) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        unsigned long cp = k == 1 ? c : k == 2 ? c & 0x1Fu : k == 3 ? c & 0x0Fu : c & 0x07u;
        int ok = k > 0 && i + k <= n;
        for (size_t j = 1; ok && j < k; j++) {
            ok = (s[i + j] & 0xC0) == 0x80;
            cp = cp << 6 | (s[i + j] & 0x3Fu);
        }
        static const unsigned long least[] = {0, 0, 0x80, 0x800, 0x10000};
        if (!ok || cp < least[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            snprintf(msg, sizeof msg, "%s is not UTF-8 text (byte %zu)", name, i + 1);
            return usage_error(cmd, "%s", msg);
        }
        if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE ||
            cp == 0xFFFF) {
            snprintf(msg, sizeof msg, "%s holds the control character U+%04lX (character %zu): no document can print it or keep it",
                     name, cp, chars + 1);
            return usage_error(cmd, "%s", msg);
        }
        i += k;
    }
    if (font && n > 127) {
        snprintf(msg, sizeof msg, "%s is %zu bytes long; a workbook keeps a font name of at most 127 bytes", name, n);
        return usage_error(cmd, "%s", msg);
    }
    if (chars > 32767) {
        snprintf(msg, sizeof msg, "%s is %zu characters long; a workbook cell holds at most 32767", name, chars);
        return usage_error(cmd, "%s", msg);
    }
    return EXIT_DONE;
}

/* A file an option names (a seal, a font list), looked at before the plan is read, so that
 * a mistyped name is said first rather than after the plan's findings. Only opened (without
 * blocking on a pipe), not read: what it holds is for the library to judge. */
static int option_file(const char *what, const char *path)
{
    if (!path)
        return EXIT_DONE;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    int e = fd < 0 ? errno : 0;
    struct stat sb;
    if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode))
        e = EISDIR;
    if (fd >= 0)
        close(fd);
    if (!e)
        return EXIT_DONE;
    char msg[4200];
    snprintf(msg, sizeof msg, "%s%s: cannot %s: %s", what, path, e == EISDIR ? "read" : "open", strerror(e));
    return fail_with(ZB_ERR_IO, msg);
}

/* ---- where documents go ------------------------------------------------------------ */

static int is_stdout(const char *out) { return strcmp(out, "-") == 0; }

/* What the summary lines call the destination. */
static const char *shown(const char *out) { return is_stdout(out) ? "standard output" : out; }

/* -o OUT, checked before any input is read: "-" is standard output (not a terminal, for a
 * binary document); any other name must suit the document (ext) and be a place it can be
 * written, by the library's own rule. */
static int check_output(const char *cmd, const char *out, const char *ext)
{
    if (is_stdout(out)) {
        if (strcmp(ext, "json") != 0 && isatty(STDOUT_FILENO))
            return usage_error(cmd, "-o -: standard output is a terminal; redirect it or write to a file (.%s)", ext);
        return EXIT_DONE;
    }
    zb_error err;
    zb_status st = zb_output_check(out, ext, &err);
    if (st == ZB_ERR_ARGUMENT)
        return usage_error(cmd, "%s", err.message);
    if (st != ZB_OK) {
        return fail_with(st, err.message);
    }
    return EXIT_DONE;
}

/* One document to write: which, from what, with which options. */
typedef enum doc_kind { DOC_TABLE, DOC_BREAKDOWN, DOC_PROGRESS, DOC_ASSESSMENT, DOC_NOTICE, DOC_BULLETIN, DOC_PLAN } doc_kind;

typedef struct job {
    doc_kind kind;
    int ofd;                 /* official documents: OFD instead of PDF */
    const zb_plan *plan;
    const zb_fontset *fonts;
    const char *period;
    const void *options;     /* the kind's option struct */
    zb_pdf_info info;        /* filled for official documents */
    size_t bytes;            /* what was written */
} job;

/* The library's writer for the job: to path, or to memory when path is NULL. */
static zb_status produce(job *j, const char *path, char **data, size_t *len, zb_error *err)
{
    const zb_plan *p = j->plan;
    switch (j->kind) {
    case DOC_TABLE:
        return path ? zb_xlsx_write_target_table(p, path, j->options, err)
                    : zb_xlsx_target_table_to_buffer(p, j->options, data, len, err);
    case DOC_BREAKDOWN:
        return path ? zb_xlsx_write_breakdown(p, path, j->options, err)
                    : zb_xlsx_breakdown_to_buffer(p, j->options, data, len, err);
    case DOC_PROGRESS:
        return path ? zb_xlsx_write_progress(p, j->period, path, j->options, err)
                    : zb_xlsx_progress_to_buffer(p, j->period, j->options, data, len, err);
    case DOC_ASSESSMENT:
        return path ? zb_xlsx_write_assessment(p, j->period, path, j->options, err)
                    : zb_xlsx_assessment_to_buffer(p, j->period, j->options, data, len, err);
    case DOC_NOTICE:
        if (j->ofd)
            return path ? zb_ofd_write_notice(p, j->fonts, path, j->options, &j->info, err)
                        : zb_ofd_notice_to_buffer(p, j->fonts, j->options, data, len, &j->info, err);
        return path ? zb_pdf_write_notice(p, j->fonts, path, j->options, &j->info, err)
                    : zb_pdf_notice_to_buffer(p, j->fonts, j->options, data, len, &j->info, err);
    case DOC_BULLETIN:
        if (j->ofd)
            return path ? zb_ofd_write_bulletin(p, j->fonts, j->period, path, j->options, &j->info, err)
                        : zb_ofd_bulletin_to_buffer(p, j->fonts, j->period, j->options, data, len, &j->info, err);
        return path ? zb_pdf_write_bulletin(p, j->fonts, j->period, path, j->options, &j->info, err)
                    : zb_pdf_bulletin_to_buffer(p, j->fonts, j->period, j->options, data, len, &j->info, err);
    case DOC_PLAN:
        return path ? zb_json_save(p, path, err) : zb_json_dump(p, data, len, err);
    }
    err->code = ZB_ERR_ARGUMENT;
    snprintf(err->message, sizeof err->message, "unknown document kind %d", (int)j->kind);
    return ZB_ERR_ARGUMENT;
}

/* Writes len bytes to fd; 0, or the errno of the failure. */
static int write_all(int fd, const char *data, size_t len)
{
    for (size_t done = 0; done < len;) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return w < 0 ? errno : EIO;
        done += (size_t)w;
    }
    return 0;
}

/* A character device or a pipe (after links): what the library writes straight through.
 * The document is made in memory here instead, so that the summary can count its bytes
 * (the node's size says nothing); written the same way, opened without creating or
 * truncating anything. -1 when out is not such a node (the library's rule then writes it),
 * else the exit code. */
static int deliver_to_node(job *j, const char *out)
{
    struct stat sb;
    if (stat(out, &sb) != 0 || !(S_ISCHR(sb.st_mode) || S_ISFIFO(sb.st_mode)))
        return -1;
    zb_error err;
    char *data = NULL;
    size_t len = 0;
    zb_status st = produce(j, NULL, &data, &len, &err);
    if (st != ZB_OK)
        return fail_with(st, err.message);
    int fd = open(out, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    int e = fd < 0 ? errno : 0;
    if (fd >= 0 && (fstat(fd, &sb) != 0 || !(S_ISCHR(sb.st_mode) || S_ISFIFO(sb.st_mode)))) {
        /* Replaced by something else since: the library's rule decides. */
        close(fd);
        zb_free(data);
        return -1;
    }
    if (!e)
        e = write_all(fd, data, len);
    if (fd >= 0 && close(fd) != 0 && !e)
        e = errno;
    zb_free(data);
    if (e) {
        char msg[4200];
        snprintf(msg, sizeof msg, "%s: cannot write: %s", out, strerror(e));
        return fail_with(ZB_ERR_WRITE, msg);
    }
    j->bytes = len;
    return EXIT_DONE;
}

/* Writes the job to out ("-": standard output, from memory); prints the error and returns
 * the exit code. */
static int deliver(job *j, const char *out)
{
    zb_error err;
    zb_status st;
    memset(&j->info, 0, sizeof j->info);
    int rc = is_stdout(out) ? -1 : deliver_to_node(j, out);
    if (rc > 0)
        return rc;
    if (rc == 0) {
        st = ZB_OK;
    } else if (!is_stdout(out)) {
        st = produce(j, out, NULL, NULL, &err);
        if (st == ZB_OK) {
            struct stat sb;
            j->bytes = j->info.bytes ? j->info.bytes : stat(out, &sb) == 0 ? (size_t)sb.st_size : 0;
        }
    } else {
        char *data = NULL;
        size_t len = 0;
        st = produce(j, NULL, &data, &len, &err);
        if (st == ZB_OK) {
            j->bytes = len;
            if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
                char msg[256];
                snprintf(msg, sizeof msg, "standard output: cannot write: %s", strerror(errno));
                zb_free(data);
                return fail_with(ZB_ERR_WRITE, msg);
            }
        }
        zb_free(data);
    }
    if (st != ZB_OK)
        return fail_with(st, err.message);
    cli.out = out;
    cli.format = j->kind == DOC_PLAN ? "json" : j->kind == DOC_NOTICE || j->kind == DOC_BULLETIN ? (j->ofd ? "ofd" : "pdf") : "xlsx";
    cli.period = j->period;
    cli.bytes = j->bytes;
    cli.pages = j->kind == DOC_NOTICE || j->kind == DOC_BULLETIN ? j->info.pages : 0;
    cli.fallback_chars = j->info.fallback_chars;
    snprintf(cli.fallback_note, sizeof cli.fallback_note, "%s", j->info.fallback_note);
    return EXIT_DONE;
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
    jw_flush(&w, cli.out && is_stdout(cli.out) ? stderr : stdout);
}


static const char *plural(size_t n, const char *one, const char *many) { return n == 1 ? one : many; }

/* --margins document|sheet: where a workbook prints. */
static int margins_option(const char *cmd, const char *value, zb_sheet_margins *out)
{
    *out = ZB_MARGINS_DOCUMENT;
    if (!value || strcmp(value, "document") == 0)
        return EXIT_DONE;
    if (strcmp(value, "sheet") == 0) {
        *out = ZB_MARGINS_SHEET;
        return EXIT_DONE;
    }
    return usage_error(cmd, "--margins: '%s' is not document or sheet", value);
}

static int cmd_table(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("table");
    const char *out = NULL, *label = NULL, *title = NULL, *unit_column = NULL, *sheet = NULL;
    const char *no_unit_column = NULL, *font_body = NULL, *font_heading = NULL, *font_title = NULL;
    const char *force = NULL, *margins = NULL;
    const opt opts[] = {
        {"-o", "--output", 1, &out},         {NULL, "--label", 1, &label},
        {NULL, "--force", 0, &force},        {NULL, "--margins", 1, &margins},
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
    rc = check_output("table", out, "xlsx");
    const struct { const char *name, *value; int font; } texts[] = {
        {"--label", label, 0},        {"--title", title, 0},
        {"--sheet", sheet, 0},        {"--font-body", font_body, 1},
        {"--font-heading", font_heading, 1}, {"--font-title", font_title, 1},
    };
    for (size_t i = 0; !rc && i < sizeof texts / sizeof texts[0]; i++)
        rc = text_option("table", texts[i].name, texts[i].value, texts[i].font);
    zb_sheet_margins m;
    if (!rc)
        rc = margins_option("table", margins, &m);
    if (rc)
        return rc;

    zb_plan *plan = plan_for_output(pos[0], NULL, ZB_DOCUMENT_TABLE, NULL, force != NULL, 0, &rc);
    if (!rc) {
        zb_table_options to = {0};
        to.label = label;
        to.title = title;
        to.sheet_name = sheet;
        to.unit_column = unit_column ? 1 : no_unit_column ? -1 : 0;
        to.font_body = font_body;
        to.font_heading = font_heading;
        to.font_title = font_title;
        to.margins = m;
        job j = {.kind = DOC_TABLE, .plan = plan, .options = &to};
        rc = deliver(&j, out);
        if (!rc) {
            size_t n = zb_plan_indicator_count(plan);
            wrote("wrote %s (%zu %s, %zu bytes)\n", shown(out), n, plural(n, "indicator", "indicators"), j.bytes);
        }
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
 * .ofd, else PDF; and the extension its name must then have. */
static int document_format(const char *cmd, const char *format, const char *out, int *ofd)
{
    if (format) {
        if (strcmp(format, "pdf") != 0 && strcmp(format, "ofd") != 0)
            return usage_error(cmd, "--format: expected pdf or ofd, got '%s'", format);
        *ofd = strcmp(format, "ofd") == 0;
    } else {
        *ofd = has_suffix(out, ".ofd");
    }
    return check_output(cmd, out, *ofd ? "ofd" : "pdf");
}

/* Writes an official document and says what was written (and which characters came from a
 * fallback font). */
static int write_document(job *j, const char *out)
{
    int rc = deliver(j, out);
    if (rc)
        return rc;
    const zb_pdf_info *info = &j->info;
    if (info->fallback_chars)
        fprintf(stderr, "%s: %zu character%s from a fallback font: %s\n", shown(out), info->fallback_chars,
                info->fallback_chars == 1 ? "" : "s", info->fallback_note);
    wrote("wrote %s (%d %s, %zu bytes)\n", shown(out), info->pages, plural((size_t)info->pages, "page", "pages"),
            j->bytes);
    return EXIT_DONE;
}

static int write_notice(const zb_plan *plan, const zb_fontset *fonts, const char *out,
                        const zb_notice_options *opts, int ofd)
{
    job j = {.kind = DOC_NOTICE, .ofd = ofd, .plan = plan, .fonts = fonts, .options = opts};
    return write_document(&j, out);
}

/* --masthead FORM: file, mark, letter or none. */
static int masthead_option(const char *cmd, const char *value, zb_masthead *out)
{
    static const char *const names[] = {"file", "mark", "letter", "none"};
    *out = ZB_MASTHEAD_FILE;
    if (!value)
        return EXIT_DONE;
    for (int i = 0; i < 4; i++)
        if (strcmp(value, names[i]) == 0) {
            *out = (zb_masthead)i;
            return EXIT_DONE;
        }
    return usage_error(cmd, "--masthead: '%s' is not file, mark, letter or none", value);
}

/* What the 版头's form makes moot of the checks of the 版头 and the 版记. */
static unsigned masthead_hide(zb_masthead m)
{
    return m == ZB_MASTHEAD_NONE ? HIDE_NUMBER | HIDE_IMPRINT : m == ZB_MASTHEAD_LETTER ? HIDE_IMPRINT : 0;
}

static int cmd_notice(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("notice");
    const char *out = NULL, *fonts_json = NULL, *seal = NULL, *sealed = NULL, *no_attach = NULL,
               *no_imprint = NULL, *format = NULL, *force = NULL, *masthead = NULL;
    const opt opts[] = {
        {"-o", "--output", 1, &out},          {NULL, "--fonts", 1, &fonts_json},
        {NULL, "--format", 1, &format},       {NULL, "--force", 0, &force},
        {NULL, "--seal", 1, &seal},           {NULL, "--sealed", 0, &sealed},
        {NULL, "--no-attachments", 0, &no_attach}, {NULL, "--no-imprint", 0, &no_imprint},
        {NULL, "--masthead", 1, &masthead},
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
    zb_masthead form = ZB_MASTHEAD_FILE;
    if (!rc)
        rc = masthead_option("notice", masthead, &form);
    if (!rc)
        rc = option_file("cannot read the seal image: ", seal);
    if (!rc)
        rc = option_file("", fonts_json);
    if (rc)
        return rc;
    zb_plan *plan = plan_for_output(pos[0], NULL, ZB_DOCUMENT_NOTICE, NULL, force != NULL,
                                    masthead_hide(form) | (no_imprint ? HIDE_IMPRINT : 0), &rc);
    zb_fontset *fonts = rc ? NULL : load_fonts(fonts_json, &rc);
    if (!rc) {
        zb_notice_options no = {0};
        no.seal_png = seal;
        no.sealed = sealed != NULL;
        no.omit_attachments = no_attach != NULL;
        no.omit_imprint = no_imprint != NULL;
        no.masthead = form;
        rc = write_notice(plan, fonts, out, &no, ofd);
    }
    zb_fontset_free(fonts);
    zb_plan_free(plan);
    return rc;
}

/* A number option, strictly: an optional sign, digits with an optional decimal part and
 * exponent, nothing else (no 0x10, inf, nan or spaces), and finite. */
static int number_option(const char *cmd, const char *name, const char *text, double *out)
{
    const char *p = text;
    if (*p == '+' || *p == '-')
        p++;
    size_t digits = 0;
    while (*p >= '0' && *p <= '9')
        p++, digits++;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++)
            digits++;
    if (digits && (*p == 'e' || *p == 'E')) {
        const char *e = p + 1;
        if (*e == '+' || *e == '-')
            e++;
        if (*e >= '0' && *e <= '9') {
            while (*e >= '0' && *e <= '9')
                e++;
            p = e;
        }
    }
    char *end;
    errno = 0;
    double v = digits && !*p ? strtod(text, &end) : 0;
    if (!digits || *p || errno == ERANGE || !(v - v == 0))
        return usage_error(cmd, name, text);
    *out = v;
    return EXIT_DONE;
}

/* Shared by progress, bulletin and assess: PLAN [ACTUALS] --period YYYY-MM -o OUT. Every
 * option is checked here, before any file is read. */
typedef struct progress_args {
    const char *out, *period, *fonts, *title, *doc_number, *scoring, *cap, *tolerance, *format, *seal, *sealed, *force,
        *masthead;
    char month[8];                /* --period as YYYY-MM */
    zb_masthead form;             /* --masthead */
    zb_progress_options progress; /* --tolerance, read here for all three commands */
    zb_assessment_options assessment;
    int ofd;
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
        {NULL, "--format", 1, &a->format},     {NULL, "--seal", 1, &a->seal},
        {NULL, "--sealed", 0, &a->sealed},     {NULL, "--force", 0, &a->force},
        {NULL, "--masthead", 1, &a->masthead},
    };
    int rc = parse_args(cmd, argc, argv, opts, sizeof opts / sizeof opts[0], a->pos, 2, &a->npos);
    if (rc)
        return rc;
    /* Options that belong to another of the three commands. */
    int bulletin = strcmp(cmd, "bulletin") == 0, assess = strcmp(cmd, "assess") == 0;
    const struct { const char *value, *name; int ok; } only[] = {
        {a->format, "--format", bulletin}, {a->fonts, "--fonts", bulletin},
        {a->doc_number, "--doc-number", bulletin}, {a->seal, "--seal", bulletin},
        {a->sealed, "--sealed", bulletin}, {a->masthead, "--masthead", bulletin},
        {a->scoring, "--scoring", assess}, {a->cap, "--cap", assess},
    };
    for (size_t i = 0; i < sizeof only / sizeof only[0]; i++)
        if (only[i].value && !only[i].ok)
            return usage_error(cmd, "unknown option '%s'", only[i].name);
    if (a->npos < 1)
        return usage_error(cmd, "%s", "expects PLAN [ACTUALS.csv]");
    if (!a->period)
        return usage_error(cmd, "%s", "needs --period YYYY-MM");
    zb_error err;
    if (zb_progress_parse_period(a->period, a->month, &err) != ZB_OK)
        return usage_error(cmd, "%s", err.message);
    if (!a->out)
        return usage_error(cmd, "%s", "needs -o OUT");
    if (a->tolerance) {
        rc = number_option(cmd, "--tolerance: not a number: '%s'", a->tolerance, &a->progress.about_tolerance);
        if (rc)
            return rc;
    }
    if (a->cap) {
        rc = number_option(cmd, "--cap: not a number: '%s'", a->cap, &a->assessment.cap);
        if (!rc && !(a->assessment.cap >= 1 && a->assessment.cap <= 100))
            rc = usage_error(cmd, "--cap: '%s' is outside 1 to 100 (1.2 lets completion count up to 120 %)", a->cap);
        if (rc)
            return rc;
    }
    if (a->scoring && zb_xlsx_parse_scoring(a->scoring, &a->assessment.scoring, &err) != ZB_OK)
        return usage_error(cmd, "--scoring: %s", err.message);
    if ((rc = text_option(cmd, "--title", a->title, 0)) || (rc = text_option(cmd, "--doc-number", a->doc_number, 0)))
        return rc;
    if (bulletin && (rc = masthead_option(cmd, a->masthead, &a->form)))
        return rc;
    if (bulletin)
        return document_format(cmd, a->format, a->out, &a->ofd);
    return check_output(cmd, a->out, "xlsx");
}

/* The summary of the progress commands' workbooks. */
static int wrote_workbook(job *j, const char *out, const zb_plan *plan, const char *period)
{
    int rc = deliver(j, out);
    if (!rc) {
        size_t n = zb_plan_indicator_count(plan);
        wrote("wrote %s (%zu %s at %s, %zu bytes)\n", shown(out), n, plural(n, "indicator", "indicators"),
                period, j->bytes);
    }
    return rc;
}

static int cmd_progress(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("progress");
    progress_args a;
    int rc = parse_progress_args("progress", argc, argv, &a);
    if (rc)
        return rc;
    zb_plan *plan = plan_for_output(a.pos[0], a.npos > 1 ? a.pos[1] : NULL, ZB_DOCUMENT_PROGRESS, a.month,
                                    a.force != NULL, 0, &rc);
    if (!plan)
        return rc;
    zb_progress_sheet_options so = {0};
    so.title = a.title;
    so.progress = &a.progress;
    job j = {.kind = DOC_PROGRESS, .plan = plan, .period = a.month, .options = &so};
    rc = wrote_workbook(&j, a.out, plan, a.month);
    zb_plan_free(plan);
    return rc;
}

static int cmd_bulletin(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("bulletin");
    progress_args a;
    int rc = parse_progress_args("bulletin", argc, argv, &a);
    if (!rc)
        rc = option_file("cannot read the seal image: ", a.seal);
    if (!rc)
        rc = option_file("", a.fonts);
    if (rc)
        return rc;
    zb_plan *plan = plan_for_output(a.pos[0], a.npos > 1 ? a.pos[1] : NULL, ZB_DOCUMENT_BULLETIN, a.month,
                                    a.force != NULL, masthead_hide(a.form), &rc);
    zb_fontset *fonts = plan ? load_fonts(a.fonts, &rc) : NULL;
    /* The plan's 发文字号 is the plan's: the bulletin's is --doc-number. */
    if (plan && fonts && !a.doc_number && a.form != ZB_MASTHEAD_NONE &&
        (*zb_plan_meta(plan, ZB_META_ORGAN) || *zb_plan_meta(plan, ZB_META_ORGAN_MARK)))
        fprintf(stderr, "doc_number: warning: the bulletin prints a red 版头 (organ mark and red "
                        "rule) with no 发文字号 under it: give --doc-number, or choose another 版头 "
                        "(--masthead mark, letter or none) [no-document-number]\n");
    if (plan && fonts) {
        zb_bulletin_options bo = {0};
        bo.title = a.title;
        bo.doc_number = a.doc_number;
        bo.progress = &a.progress;
        bo.seal_png = a.seal;
        bo.sealed = a.sealed != NULL;
        bo.masthead = a.form;
        job j = {.kind = DOC_BULLETIN, .ofd = a.ofd, .plan = plan, .fonts = fonts, .period = a.month, .options = &bo};
        rc = write_document(&j, a.out);
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
    if (rc)
        return rc;
    zb_plan *plan = plan_for_output(a.pos[0], a.npos > 1 ? a.pos[1] : NULL, ZB_DOCUMENT_ASSESSMENT, a.month,
                                    a.force != NULL, 0, &rc);
    if (!plan)
        return rc;
    a.assessment.title = a.title;
    a.assessment.progress = &a.progress;
    job j = {.kind = DOC_ASSESSMENT, .plan = plan, .period = a.month, .options = &a.assessment};
    rc = wrote_workbook(&j, a.out, plan, a.month);
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
    rc = check_output("import", out, "json");
    if (rc)
        return rc;
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
    /* The findings, then a short summary and the verdict (kept for the end). */
    const char *verdict = NULL;
    zb_severity verdict_sev = ZB_SEV_NOTE;
    for (size_t i = 0; report && !cli.json && i < zb_findings_count(report); i++) {
        const char *code = zb_findings_code(report, i);
        zb_severity s = zb_findings_severity(report, i);
        if (strcmp(code, "verdict") == 0) {
            verdict = zb_findings_message(report, i);
            verdict_sev = s;
            continue;
        }
        if (strcmp(code, "summary") == 0 || s < (verbose ? ZB_SEV_NOTE : ZB_SEV_WARNING))
            continue;
        fprintf(stderr, "%s: %s: %s [%s]\n", zb_findings_location(report, i), severity_name(s),
                zb_findings_message(report, i), code);
    }
    /* With --json, what the import found goes into the summary or the error object. */
    zb_findings_free(cli.found);
    cli.found = report;
    report = NULL;
    cli.plan = plan;
    if (st != ZB_OK) {
        const char *msg = *zb_errmsg(plan) ? zb_errmsg(plan) : "<stdin>: cannot read standard input";
        if (cli.json)
            machine_error("import", st, exit_for(st), msg, cli.found);
        else
            fprintf(stderr, "zhibiao: %s\n", msg);
        rc = exit_for(st);
    } else {
        size_t items = 0, unplaced = 0;
        for (size_t t = 0; t < zb_plan_task_count(plan); t++)
            items += zb_plan_task_duty_count(plan, t);
        for (size_t i = 0; i < zb_findings_count(cli.found); i++)
            unplaced += strcmp(zb_findings_code(cli.found, i), "unplaced") == 0;
        const char *title = zb_plan_meta(plan, ZB_META_TITLE), *number = zb_plan_meta(plan, ZB_META_DOC_NUMBER);
        if (!cli.json && !cli.quiet) {
            fprintf(stderr, "title:       %s\n", *title ? title : "(none found)");
            fprintf(stderr, "文号:        %s\n", *number ? number : "(none)");
            fprintf(stderr, "tasks:       %zu, with %zu responsibility items\n", zb_plan_task_count(plan), items);
            fprintf(stderr, "indicators:  %zu in %zu categories\n", zb_plan_indicator_count(plan),
                    zb_plan_category_count(plan));
            fprintf(stderr, "attachments: %zu\n", zb_plan_attachment_count(plan));
            fprintf(stderr, "unplaced:    %zu\n", unplaced);
            if (verdict)
                fprintf(stderr, "verdict:     %s%s\n", verdict_sev >= ZB_SEV_WARNING ? "warning: " : "", verdict);
        }
        job j = {.kind = DOC_PLAN, .plan = plan};
        rc = deliver(&j, out);
        if (!rc)
            wrote("wrote %s\n", shown(out));
    }
    zb_findings_free(report);
    zb_plan_free(plan);
    return rc;
}

static int cmd_breakdown(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("breakdown");
    const char *out = NULL, *title = NULL, *force = NULL, *margins = NULL;
    const opt opts[] = {{"-o", "--output", 1, &out}, {NULL, "--title", 1, &title}, {NULL, "--force", 0, &force},
                        {NULL, "--margins", 1, &margins}};
    const char *pos[1];
    size_t npos;
    int rc = parse_args("breakdown", argc, argv, opts, sizeof opts / sizeof opts[0], pos, 1, &npos);
    if (rc)
        return rc;
    if (npos != 1)
        return usage_error("breakdown", "%s", "expects one PLAN (.json)");
    if (!out)
        return usage_error("breakdown", "%s", "needs -o OUT.xlsx");
    rc = check_output("breakdown", out, "xlsx");
    if (!rc)
        rc = text_option("breakdown", "--title", title, 0);
    zb_sheet_margins m;
    if (!rc)
        rc = margins_option("breakdown", margins, &m);
    if (rc)
        return rc;
    zb_plan *plan = plan_for_output(pos[0], NULL, ZB_DOCUMENT_BREAKDOWN, NULL, force != NULL, 0, &rc);
    if (!rc) {
        zb_breakdown_options bo = {0};
        bo.title = title;
        bo.margins = m;
        job j = {.kind = DOC_BREAKDOWN, .plan = plan, .options = &bo};
        rc = deliver(&j, out);
        size_t items = 0, units = 0;
        if (!rc && zb_xlsx_breakdown_count(plan, &items, &units, NULL) == ZB_OK)
            wrote("wrote %s (%zu responsibility %s, %zu unit %s, %zu bytes)\n", shown(out), items,
                    plural(items, "item", "items"), units, plural(units, "sheet", "sheets"), j.bytes);
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
    zb_plan *plan = plan_for_output(pos[0], npos > 1 ? pos[1] : NULL, ZB_DOCUMENT_NONE, period, 1, 0, &rc);
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
    char b1[ZB_NUMBER_TEXT], b2[ZB_NUMBER_TEXT], b3[ZB_NUMBER_TEXT], b4[ZB_NUMBER_TEXT];
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
            csv_field(number_text(zb_progress_target(p, i), b1, sizeof b1), 0);
            csv_field(number_text(zb_progress_actual(p, i), b2, sizeof b2), 0);
            csv_field(number_text(zb_progress_completion(p, i), b3, sizeof b3), 0);
            csv_field(number_text(zb_progress_expected(p, i), b4, sizeof b4), 0);
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

/* A date given on the command line: YYYY-MM-DD, or as written in Chinese (2024年5月31日). */
static int date_option(const char *cmd, const char *name, const char *text, zb_date *d)
{
    memset(d, 0, sizeof *d);
    if (!text)
        return EXIT_DONE;
    int y = 0, m = 0, day = 0, n = 0;
    if (!((sscanf(text, "%4d-%2d-%2d%n", &y, &m, &day, &n) == 3 && !text[n]) ||
          (sscanf(text, "%4d年%2d月%2d日%n", &y, &m, &day, &n) == 3 && !text[n])) ||
        y < 1900 || m < 1 || m > 12 || day < 1 || day > 31) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s: not a date: '%.60s' (write 2024-05-31 or 2024年5月31日)", name, text);
        return usage_error(cmd, "%s", msg);
    }
    d->year = y;
    d->month = m;
    d->day = day;
    return EXIT_DONE;
}

/* Names given as one text, split at 、，,; outside brackets (各县（市、区）人民政府 stays
 * whole), each added by add. */
static zb_status add_names(zb_plan *plan, const char *list, zb_status (*add)(zb_plan *, const char *))
{
    size_t n = strlen(list);
    char *buf = malloc(n + 1);
    if (!buf)
        return ZB_ERR_NOMEM;
    int depth = 0;
    size_t len = 0;
    zb_status st = ZB_OK;
    for (size_t i = 0; i <= n && st == ZB_OK;) {
        static const char *const opens[] = {"（", "(", "《", "“"}, *const closes[] = {"）", ")", "》", "”"};
        static const char *const seps[] = {"、", "，", ",", "；", ";"};
        size_t k = 0;
        int sep = i == n;
        for (size_t j = 0; !sep && !k && j < 4; j++) {
            if (strncmp(list + i, opens[j], strlen(opens[j])) == 0)
                k = strlen(opens[j]), depth++;
            else if (strncmp(list + i, closes[j], strlen(closes[j])) == 0)
                k = strlen(closes[j]), depth -= depth > 0;
        }
        for (size_t j = 0; !sep && !k && !depth && j < 5; j++)
            if (strncmp(list + i, seps[j], strlen(seps[j])) == 0)
                k = strlen(seps[j]), sep = 1;
        if (sep) {
            while (len && buf[len - 1] == ' ')
                len--;
            buf[len] = '\0';
            size_t lead = strspn(buf, " ");
            if (buf[lead])
                st = add(plan, buf + lead);
            len = 0;
            i += i == n ? 1 : k;
            continue;
        }
        if (!k)
            k = 1;
        memcpy(buf + len, list + i, k);
        len += k;
        i += k;
    }
    free(buf);
    return st;
}

/* A plan kept as a table (a CSV has no title, organ or dates) made a whole plan: read by the
 * loaders' rule, given the metadata on the command line, written as zhibiao/1 JSON, which
 * notice and bulletin then take (also through a pipe: -o - and PLAN -). */
static int cmd_convert(int argc, char **argv)
{
    if (wants_help(argc, argv))
        return print_command_help("convert");
    const char *out = NULL, *title = NULL, *organ = NULL, *mark = NULL, *number = NULL, *signature = NULL,
               *date = NULL, *recipients = NULL, *copy_to = NULL, *printer = NULL, *printed = NULL, *note = NULL;
    const opt opts[] = {{"-o", "--output", 1, &out},           {NULL, "--title", 1, &title},
                        {NULL, "--organ", 1, &organ},          {NULL, "--organ-mark", 1, &mark},
                        {NULL, "--doc-number", 1, &number},    {NULL, "--signature", 1, &signature},
                        {NULL, "--date", 1, &date},            {NULL, "--recipients", 1, &recipients},
                        {NULL, "--copy-to", 1, &copy_to},      {NULL, "--printer", 1, &printer},
                        {NULL, "--printed", 1, &printed},      {NULL, "--note", 1, &note}};
    const char *pos[1];
    size_t npos;
    int rc = parse_args("convert", argc, argv, opts, sizeof opts / sizeof opts[0], pos, 1, &npos);
    if (rc)
        return rc;
    if (npos != 1)
        return usage_error("convert", "%s", "expects one PLAN (.json, .csv, .tsv or .txt table)");
    if (!out)
        return usage_error("convert", "%s", "needs -o PLAN.json");
    const struct {
        const char *name, *value;
        zb_meta field;
    } texts[] = {{"--title", title, ZB_META_TITLE},          {"--organ", organ, ZB_META_ORGAN},
                 {"--organ-mark", mark, ZB_META_ORGAN_MARK}, {"--doc-number", number, ZB_META_DOC_NUMBER},
                 {"--signature", signature, ZB_META_SIGNATURE}, {"--printer", printer, ZB_META_PRINTER},
                 {"--note", note, ZB_META_NOTE}};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0] && !rc; i++)
        rc = text_option("convert", texts[i].name, texts[i].value, 0);
    if (!rc)
        rc = text_option("convert", "--recipients", recipients, 0);
    if (!rc)
        rc = text_option("convert", "--copy-to", copy_to, 0);
    zb_date issued, printed_on;
    if (!rc)
        rc = date_option("convert", "--date", date, &issued);
    if (!rc)
        rc = date_option("convert", "--printed", printed, &printed_on);
    if (!rc)
        rc = check_output("convert", out, "json");
    if (rc)
        return rc;
    zb_plan *plan = zb_plan_new();
    rc = plan ? load_plan(plan, pos[0]) : EXIT_INPUT;
    zb_status st = ZB_OK;
    for (size_t i = 0; !rc && st == ZB_OK && i < sizeof texts / sizeof texts[0]; i++)
        if (texts[i].value)
            st = zb_plan_set_meta(plan, texts[i].field, texts[i].value);
    if (!rc && st == ZB_OK && date)
        st = zb_plan_set_date(plan, ZB_DATE_ISSUED, issued);
    if (!rc && st == ZB_OK && printed)
        st = zb_plan_set_date(plan, ZB_DATE_PRINTED, printed_on);
    if (!rc && st == ZB_OK && recipients)
        st = add_names(plan, recipients, zb_plan_add_recipient);
    if (!rc && st == ZB_OK && copy_to)
        st = add_names(plan, copy_to, zb_plan_add_copy_to);
    if (!rc && st != ZB_OK)
        rc = fail_with(st, *zb_errmsg(plan) ? zb_errmsg(plan) : "out of memory");
    if (!rc) {
        cli.plan = plan;
        job j = {.kind = DOC_PLAN, .plan = plan};
        rc = deliver(&j, out);
        if (!rc)
            wrote("wrote %s\n", shown(out));
    }
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

/* mkdir -p for the output folder of demo; -1 with errno set on failure. */
static int make_dirs(const char *path)
{
    if (!*path) {
        errno = ENOENT;
        return -1;
    }
    char *p = strdup(path);
    if (!p)
        return -1;
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            int e = errno;
            free(p);
            errno = e;
            return -1;
        }
        *s = '/';
    }
    int rc = 0;
    struct stat st;
    if (mkdir(p, 0777) != 0 && !(errno == EEXIST && stat(p, &st) == 0 && S_ISDIR(st.st_mode))) {
        rc = -1;
        if (errno == EEXIST)
            errno = ENOTDIR;
    }
    int e = errno;
    free(p);
    errno = e;
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

/* One file of the demo: written, then its path printed. */
static int demo_file(job *j, const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    if (!path)
        return EXIT_INPUT;
    snprintf(path, n, "%s/%s", dir, name);
    int rc = deliver(j, path);
    if (!rc)
        demo_wrote(path);
    free(path);
    return rc;
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
    if (!*dir)
        return usage_error("demo", "%s", "-o: the folder's name is empty");
    if (is_stdout(dir))
        return usage_error("demo", "%s", "-o -: the demo writes seven files into a folder, not to standard output");
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
    zb_table_options to = {0};
    to.label = "附件2";
    job table = {.kind = DOC_TABLE, .plan = tonglu, .options = &to};
    job breakdown = {.kind = DOC_BREAKDOWN, .plan = tonglu};
    job progress = {.kind = DOC_PROGRESS, .plan = tonglu, .period = "2024-06"};
    job assessment = {.kind = DOC_ASSESSMENT, .plan = tonglu, .period = "2024-12"};
    job bulletin = {.kind = DOC_BULLETIN, .plan = tonglu, .fonts = fonts, .period = "2024-06"};
    if (!rc)
        rc = demo_file(&table, dir, "tonglu-2024-targets.xlsx");
    if (!rc)
        rc = demo_file(&breakdown, dir, "tonglu-2024-breakdown.xlsx");
    if (!rc && zb_csv_load_actuals_string(tonglu, (const char *)zb_demo_tonglu_2024_actuals,
                                           zb_demo_tonglu_2024_actuals_size, "tonglu-2024-actuals.csv",
                                           NULL) != ZB_OK) {
        char msg[ZB_ERROR_MESSAGE_MAX + 32];
        snprintf(msg, sizeof msg, "built-in example: %s", zb_errmsg(tonglu));
        rc = fail_with(ZB_ERR_VALUE, msg);
    }
    if (!rc)
        rc = demo_file(&progress, dir, "tonglu-2024-progress.xlsx");
    if (!rc)
        rc = demo_file(&assessment, dir, "tonglu-2024-assessment.xlsx");
    if (!rc)
        rc = demo_file(&bulletin, dir, "tonglu-2024-bulletin.pdf");
    job notice = {.kind = DOC_NOTICE, .plan = wuyi, .fonts = fonts};
    if (!rc)
        rc = demo_file(&notice, dir, "wuyi-2022-notice.pdf");
    notice.plan = tonglu;
    if (!rc)
        rc = demo_file(&notice, dir, "tonglu-2024-notice.pdf");
    /* The same documents as OFD (GB/T 33190), as archives keep them. */
    notice.ofd = bulletin.ofd = 1;
    notice.plan = wuyi;
    if (!rc)
        rc = demo_file(&notice, dir, "wuyi-2022-notice.ofd");
    notice.plan = tonglu;
    if (!rc)
        rc = demo_file(&notice, dir, "tonglu-2024-notice.ofd");
    if (!rc)
        rc = demo_file(&bulletin, dir, "tonglu-2024-bulletin.ofd");
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
     "  -o, --output DIR  the folder (made when missing)\n"
     "  --fonts F.json    fonts by role for the PDFs (see 'zhibiao notice --help')",
     "demo [-o DIR] [--fonts F.json]"},
    {"notice", cmd_notice,
     "Writes PLAN (.json) as an official notice (通知) in the GB/T 9704-2012 format: red\n"
     "header, title, recipients, body, attachments list, signature and date, 附注, each\n"
     "attachment on its own page (the target table, the unit list or text), the 版记 and\n"
     "page numbers. The plan is validated first (it needs a title and an issuing organ); with\n"
     "errors nothing is written.\n\n"
     "  -o, --output OUT.pdf   where to write (required); OUT.ofd writes OFD (GB/T 33190);\n"
     "                         - writes to standard output\n"
     "  --format pdf|ofd       the format when OUT's name does not say it (default: PDF)\n"
     "  --fonts F.json         fonts by role: {\"body\": \"simfang.ttf\", \"title\": {\"file\":\n"
     "                         \"x.ttc\", \"index\": 0}, \"heading\": …, \"kai\": …, \"number\": …,\n"
     "                         \"fallback\": […]}; unset roles come from $ZHIBIAO_FONT_DIR, then\n"
     "                         free Debian fonts (said on stderr)\n"
     "  --seal PNG             a seal image pressed over the signature and date\n"
     "  --sealed               lay out the signature for a seal stamped by hand\n"
     "  --no-attachments       leave the attachments out\n"
     "  --no-imprint           leave out the 版记 (抄送, 印发机关 and date)\n"
     "  --masthead FORM        the 版头: file (organ + 文件, the default), mark (the organ\n"
     "                         alone), letter (信函格式) or none; a red 版头 without a\n"
     "                         doc_number is reported\n"
     "  --force                write even when the plan has errors (they are still listed)",
     "notice PLAN -o OUT.pdf|OUT.ofd [--format pdf|ofd] [--fonts F.json] [--seal PNG] [--sealed]\n"
     "       [--masthead FORM]"},
    {"table", cmd_table,
     "Writes the target table (目标体系表) of PLAN, a .json plan or a .csv indicator table.\n"
     "The plan is validated first; with errors nothing is written.\n\n"
     "  -o, --output OUT.xlsx   where to write (required); - writes to standard output\n"
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
     "  --margins WHERE         document: in the type area of the notice it is attached to\n"
     "                          (GB/T 9704, the default); sheet: a spreadsheet's own margins\n"
     "  --force                 write even when the plan has errors (they are still listed)",
     "table PLAN -o OUT.xlsx [options]"},
    {"import", cmd_import,
     "Reads a plan as published (text copied from a government site, a Word file or a PDF)\n"
     "and writes it as a zhibiao/1 JSON plan: header data, title, notice parts, headings,\n"
     "tasks with their responsible units, targets in the prose, tables (target tables and\n"
     "task breakdowns) and unit lists. Every line that could not be placed is listed on\n"
     "stderr with its line number, and what looks misread; then a summary (title, 文号,\n"
     "tasks, indicators, attachments, unplaced lines) and a verdict. See docs/import.md.\n\n"
     "  -o, --output PLAN.json   where to write (required); - writes to standard output\n"
     "  --strict                 a line that cannot be placed is an error\n"
     "  -v, --verbose            also list what was recognised",
     "import TEXT.txt -o PLAN.json [--strict] [-v]"},
    {"breakdown", cmd_breakdown,
     "Writes the responsibility breakdown (责任分解表) of PLAN: every responsibility item with\n"
     "its lead and cooperating units, counts per unit, and a sheet per unit.\n\n"
     "  -o, --output OUT.xlsx   where to write (required); - writes to standard output\n"
     "  --title TEXT            title (default: <plan title>责任分解表)\n"
     "  --margins WHERE         document (the type area, the default) or sheet (see table)\n"
     "  --force                 write even when the plan has errors (they are still listed)",
     "breakdown PLAN -o OUT.xlsx [--margins document|sheet]"},
    {"progress", cmd_progress,
     "Writes the monthly monitoring workbook (月度监测): each indicator's target, year-to-date\n"
     "actual, completion (a live formula), time schedule (序时进度), status and the numbers\n"
     "behind it, with a summary sheet and a chart. ACTUALS.csv has the columns\n"
     "seq,period,actual[,note]; actuals may also be in the plan's JSON. docs/progress.md gives\n"
     "the rules. A month nobody reported, and a year-to-date actual lower than an earlier\n"
     "month's, are warned about.\n\n"
     "  --period YYYY-MM        the month evaluated (required); 2024-06, 2024-6, 2024.06,\n"
     "                          2024/6 and 2024年6月 are the same month, as in ACTUALS.csv\n"
     "  -o, --output OUT.xlsx   where to write (required); - writes to standard output\n"
     "  --title TEXT            title (default: <year>年<m>月指标监测表)\n"
     "  --tolerance N           how far a 左右 target may be missed (default 0.5 points for %, 2 % else)\n"
     "  --force                 write even when the plan has errors (they are still listed)",
     "progress PLAN [ACTUALS.csv] --period YYYY-MM -o OUT.xlsx"},
    {"bulletin", cmd_bulletin,
     "Writes the quarterly bulletin (季度通报) as a GB/T 9704 document: how many indicators are\n"
     "done, ahead, lagging or unreported, the lagging ones with their lead units, a chart of\n"
     "completion by category, and the progress table as its attachment.\n\n"
     "  --period YYYY-MM        the month evaluated (required), spelt as for progress\n"
     "  -o, --output OUT.pdf    where to write (required); OUT.ofd writes OFD (GB/T 33190);\n"
     "                          - writes to standard output\n"
     "  --format pdf|ofd        the format when OUT's name does not say it (default: PDF)\n"
     "  --title TEXT            title (default: 关于<year>年第<q>季度…指标进展情况的通报)\n"
     "  --doc-number TEXT       document number, e.g. 桐经信〔2024〕15号\n"
     "  --masthead FORM         file, mark, letter or none (see 'zhibiao notice --help')\n"
     "  --fonts F.json          fonts by role (see 'zhibiao notice --help')\n"
     "  --seal PNG              a seal image pressed over the signature and date\n"
     "  --sealed                lay out the signature for a seal stamped by hand\n"
     "  --tolerance N           as for progress\n"
     "  --force                 as for progress",
     "bulletin PLAN [ACTUALS.csv] --period YYYY-MM -o OUT.pdf|OUT.ofd [--format pdf|ofd] [--seal PNG] [--sealed]"},
    {"assess", cmd_assess,
     "Writes the annual assessment (年度考核): each indicator's score (its weight times the\n"
     "scoring rule), each lead unit's score and the ranking.\n\n"
     "  --period YYYY-MM        the month evaluated, normally YYYY-12 (required), spelt as for\n"
     "                          progress\n"
     "  -o, --output OUT.xlsx   where to write (required); - writes to standard output\n"
     "  --scoring RULE          proportional (default; completion capped) or all-or-nothing\n"
     "                          (also written all_or_nothing)\n"
     "  --cap N                 cap on over-completion for proportional scoring, at least 1\n"
     "                          (default 1.2)\n"
     "  --tolerance N           as for progress\n"
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
    {"convert", cmd_convert,
     "Writes PLAN (a .json plan, or a .csv/.tsv/.txt indicator table) as a zhibiao/1 JSON plan,\n"
     "with the metadata a notice or a bulletin needs given here (a table has none): then\n"
     "'zhibiao notice PLAN.json' writes it. Texts are checked as the writers check them.\n\n"
     "  -o, --output PLAN.json  where to write (required); - writes to standard output\n"
     "  --title TEXT            the plan's title (标题)\n"
     "  --organ TEXT            the issuing organ (发文机关)\n"
     "  --organ-mark TEXT       the 发文机关标志 (default: the organ and 文件)\n"
     "  --doc-number TEXT       the document number (发文字号), e.g. 某政发〔2025〕3号\n"
     "  --signature TEXT        the 署名 (default: the organ)\n"
     "  --date DATE             the 成文日期: 2025-03-01 or 2025年3月1日\n"
     "  --recipients LIST       主送机关, added to the plan's: names split at 、，,; outside\n"
     "                          brackets (各县（市、区）人民政府 stays whole)\n"
     "  --copy-to LIST          抄送机关, split the same way\n"
     "  --printer TEXT          印发机关\n"
     "  --printed DATE          印发日期\n"
     "  --note TEXT             附注, e.g. （此件公开发布）",
     "convert PLAN -o PLAN.json [--title T] [--organ O] [--doc-number N] [--date D] [...]"},
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

/* Optimal string alignment distance of two short ASCII words (a swap of two neighbours
 * counts once: tabel -> table). */
static size_t edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 31 || m > 31)
        return (size_t)-1;
    size_t d[32][32];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m];
}

/* The command a mistyped name most likely meant: within two edits, or the only one it
 * starts; NULL when none is close. */
static const command *nearest_command(const char *name)
{
    const command *best = NULL, *prefixed = NULL;
    size_t best_d = 3, prefixes = 0;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        size_t d = edit_distance(name, commands[i].name);
        if (d < best_d) {
            best_d = d;
            best = &commands[i];
        }
        if (*name && strncmp(commands[i].name, name, strlen(name)) == 0) {
            prefixed = &commands[i];
            prefixes++;
        }
    }
    if (best && best_d < strlen(best->name))
        return best;
    return prefixes == 1 ? prefixed : NULL;
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
    if (!c) {
        const command *near = nearest_command(name);
        if (near) {
            fprintf(stderr, "zhibiao: unknown command '%s'; did you mean '%s'?\n", name, near->name);
            fprintf(stderr, "Try 'zhibiao --help'.\n");
            return EXIT_USAGE;
        }
        return usage_error(NULL, "unknown command '%s'", name);
    }
    cli.command = c->name;
    int rc = c->run(argc - 1, argv + 1);
    zb_findings_free(cli.found);
    return rc;
}
