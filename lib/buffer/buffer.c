/* The workbooks written to memory (zb_xlsx_*_to_buffer): libxlsxwriter 1.1.4 writes a
 * workbook only to a named file (and each of its parts to a temporary file first), so each
 * call runs its path writer into a private folder made with mkdtemp() in the scratch folder
 * (the options' scratch_dir, else TMPDIR, else /tmp), so that calls in several threads
 * never meet, reads the file back and removes the file and the folder. The bytes in memory
 * are the file's bytes. The PDFs are made in memory (lib/content, lib/render/pdf) and need
 * no scratch at all. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/internal.h"
#include "zhibiao/xlsx.h"

/* What a message calls the document instead of the scratch path it was written to. */
#define IN_MEMORY ZB_IN_MEMORY

typedef struct scratch {
    char *dir;  /* $TMPDIR/zhibiao-buffer-XXXXXX, ours alone */
    char *path; /* dir/name: what the path writer is asked to write */
} scratch;

/* Checks the out arguments and makes the private folder. */
static zb_status scratch_begin(scratch *s, const char *name, const char *scratch_dir, char **out, size_t *len,
                               zb_error *err)
{
    memset(s, 0, sizeof *s);
    zb_error_clear(err);
    if (!out || !len)
        return zb_error_set(err, ZB_ERR_ARGUMENT, "no place given for the bytes (out and len are required)");
    *out = NULL;
    *len = 0;
    const char *tmp;
    zb_status st = zb_scratch_dir(scratch_dir, "the scratch_dir option", &tmp, err);
    if (st)
        return st;
    size_t n = strlen(tmp) + sizeof "/zhibiao-buffer-XXXXXX";
    s->dir = malloc(n);
    s->path = malloc(n + 1 + strlen(name));
    if (!s->dir || !s->path) {
        free(s->dir);
        free(s->path);
        return zb_error_set(err, ZB_ERR_NOMEM, "out of memory");
    }
    snprintf(s->dir, n, "%s/zhibiao-buffer-XXXXXX", tmp);
    if (!mkdtemp(s->dir)) {
        int e = errno;
        free(s->dir);
        free(s->path);
        s->dir = s->path = NULL;
        if (scratch_dir && *scratch_dir)
            return zb_error_set(err, ZB_ERR_WRITE, "%s (the scratch_dir option): cannot make a temporary folder: %s",
                                tmp, strerror(e));
        return zb_error_set(err, ZB_ERR_WRITE, "%s%s: cannot make a temporary folder: %s",
                            getenv("TMPDIR") && *getenv("TMPDIR") ? "TMPDIR=" : "", tmp, strerror(e));
    }
    snprintf(s->path, n + 1 + strlen(name), "%s/%s", s->dir, name);
    return ZB_OK;
}

/* Replaces every occurrence of what in the message by IN_MEMORY. */
static void rename_in_message(zb_error *err, const char *what)
{
    size_t skip = 0;
    char *at;
    while ((at = strstr(err->message + skip, what)) != NULL) {
        char rest[ZB_ERROR_MESSAGE_MAX];
        snprintf(rest, sizeof rest, "%s", at + strlen(what));
        size_t head = (size_t)(at - err->message);
        snprintf(at, sizeof err->message - head, "%s%s", IN_MEMORY, rest);
        skip = head + strlen(IN_MEMORY);
    }
}

/* Reads the written file into *out (on success of the writer), then removes everything
 * in the folder (a writer's own temporary file included, should one be left) and the
 * folder itself. Returns the status of the whole call. */
static zb_status scratch_end(scratch *s, zb_status st, char **out, size_t *len, zb_error *err)
{
    if (st == ZB_OK) {
        st = zb_read_file(s->path, out, len, err);
        if (st != ZB_OK) {
            *out = NULL;
            *len = 0;
        }
    }
    /* Messages name the document as the caller knows it, not our scratch path. */
    if (st != ZB_OK && err) {
        rename_in_message(err, s->path);
        rename_in_message(err, s->dir);
    }
    DIR *d = opendir(s->dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            size_t n = strlen(s->dir) + 2 + strlen(e->d_name);
            char *p = malloc(n);
            if (p) {
                snprintf(p, n, "%s/%s", s->dir, e->d_name);
                unlink(p);
                free(p);
            }
        }
        closedir(d);
    }
    rmdir(s->dir);
    free(s->dir);
    free(s->path);
    s->dir = s->path = NULL;
    return st;
}

ZB_API zb_status zb_xlsx_target_table_to_buffer(const zb_plan *plan, const zb_table_options *options,
                                                char **out, size_t *len, zb_error *error)
{
    scratch s;
    zb_status st = scratch_begin(&s, "target-table.xlsx", options ? options->scratch_dir : NULL, out, len, error);
    if (st)
        return st;
    st = zb_xlsx_write_target_table(plan, s.path, options, error);
    return scratch_end(&s, st, out, len, error);
}

ZB_API zb_status zb_xlsx_breakdown_to_buffer(const zb_plan *plan, const zb_breakdown_options *options,
                                             char **out, size_t *len, zb_error *error)
{
    scratch s;
    zb_status st = scratch_begin(&s, "breakdown.xlsx", options ? options->scratch_dir : NULL, out, len, error);
    if (st)
        return st;
    st = zb_xlsx_write_breakdown(plan, s.path, options, error);
    return scratch_end(&s, st, out, len, error);
}

ZB_API zb_status zb_xlsx_progress_to_buffer(const zb_plan *plan, const char *period,
                                            const zb_progress_sheet_options *options, char **out,
                                            size_t *len, zb_error *error)
{
    scratch s;
    zb_status st = scratch_begin(&s, "progress.xlsx", options ? options->scratch_dir : NULL, out, len, error);
    if (st)
        return st;
    st = zb_xlsx_write_progress(plan, period, s.path, options, error);
    return scratch_end(&s, st, out, len, error);
}

ZB_API zb_status zb_xlsx_assessment_to_buffer(const zb_plan *plan, const char *period,
                                              const zb_assessment_options *options, char **out,
                                              size_t *len, zb_error *error)
{
    scratch s;
    zb_status st = scratch_begin(&s, "assessment.xlsx", options ? options->scratch_dir : NULL, out, len, error);
    if (st)
        return st;
    st = zb_xlsx_write_assessment(plan, period, s.path, options, error);
    return scratch_end(&s, st, out, len, error);
}
