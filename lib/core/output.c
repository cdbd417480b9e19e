/* Where a document goes: the one rule every writer follows.
 *
 * - A regular file is replaced atomically: the document is written to a temporary file
 *   beside it, which takes the file's permission bits (and owner and group, where the
 *   process may set them), then renamed over it. A file with other hard links is instead
 *   rewritten in place once the whole document exists, so every name sees the new one.
 * - A symbolic link is written through: the link stays, the file it names is replaced by
 *   the same rule (created when the link dangles).
 * - A character device, a FIFO, or a file reached through /proc (/dev/stdout) is written
 *   straight through: the document is made in a private temporary file first, then
 *   copied; nothing is renamed, so the node survives.
 * - A directory, a missing or unwritable folder, a block device or a socket is refused
 *   with the reason. A failed write leaves the destination as it was and no temporary
 *   file behind. */
#define _GNU_SOURCE /* fallocate(FALLOC_FL_KEEP_SIZE) */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* How long a temporary file's name may take from the destination's: the rest of a 255-byte
 * name is the dot and mkstemp's ".XXXXXX". */
#define TMP_STEM_MAX 200
/* Links followed before giving up, as the kernel does (ELOOP). */
#define MAX_LINKS 40

/* Formats known to be something else than the document being written: a name ending in
 * one of these is a mistake, any other extension (or none) is the caller's business. */
static const char *const known_extensions[] = {
    "xlsx", "xlsm", "xltx", "xltm", "xls", "xlsb", "xlt", "et",   "ods", "ots", "csv", "tsv",
    "txt",  "pdf",  "ofd",  "json", "doc", "docx", "dot", "dotx", "wps", "odt", "rtf", "html",
    "htm",  "xml",  "md",   "zip",  "png", "jpg",  "jpeg", "gif", "svg", "ps",  "eps",
};

static int same_ascii_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        if (x != *b)
            return 0;
    }
    return *a == *b;
}

/* The extension of path's last component without its dot, or NULL (a leading dot, as in
 * ".profile", starts a name rather than an extension). */
static const char *extension_of(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && dot != base && dot[1] ? dot + 1 : NULL;
}

static zb_status check_extension(const char *path, const char *ext, zb_error *err)
{
    const char *have = ext ? extension_of(path) : NULL;
    if (!have || same_ascii_nocase(have, ext))
        return ZB_OK;
    for (size_t i = 0; i < sizeof known_extensions / sizeof known_extensions[0]; i++)
        if (same_ascii_nocase(have, known_extensions[i]))
            return zb_error_set(err, ZB_ERR_ARGUMENT, "%s: the name ends in .%s, but this document is .%s", path,
                                have, ext);
    return ZB_OK;
}

/* The folder part of path ("." when there is none); freed by the caller. */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return zb_strdup(".");
    if (slash == path)
        return zb_strdup("/");
    return zb_strndup(path, (size_t)(slash - path));
}

/* Nonzero when path's folder is under /proc, where links (/proc/self/fd/1) name open
 * files rather than paths: such a destination is written through, never renamed over. */
static int in_proc(const char *path)
{
    char *dir = folder_of(path);
    char *real = dir ? realpath(dir, NULL) : NULL;
    int r = real && strncmp(real, "/proc/", 6) == 0;
    free(real);
    free(dir);
    return r;
}

enum { KIND_REPLACE, KIND_IN_PLACE, KIND_STREAM };

typedef struct destination {
    char *target;    /* the file or node written (links followed) */
    int kind;        /* KIND_* */
    int exists;      /* target exists (a regular file for REPLACE / IN_PLACE) */
    struct stat st;  /* its status when it exists */
} destination;

static zb_status refuse(zb_error *err, const char *path, const char *why)
{
    return zb_error_set(err, ZB_ERR_WRITE, "%s: cannot write: %s", path, why);
}

/* Where path leads and how it is written, without changing anything. */
static zb_status resolve(const char *path, destination *d, zb_error *err)
{
    memset(d, 0, sizeof *d);
    char *cur = zb_strdup(path);
    if (!cur)
        return zb_error_set(err, ZB_ERR_NOMEM, "out of memory");
    for (int hops = 0;; hops++) {
        struct stat ls;
        if (lstat(cur, &ls) != 0) {
            int e = errno;
            if (e != ENOENT) {
                free(cur);
                return refuse(err, path, strerror(e));
            }
            /* A new file: its folder must exist and take new files. */
            char *dir = folder_of(cur);
            struct stat ds;
            zb_status st = ZB_OK;
            if (!dir)
                st = zb_error_set(err, ZB_ERR_NOMEM, "out of memory");
            else if (stat(dir, &ds) != 0)
                st = zb_error_set(err, ZB_ERR_WRITE, "%s: cannot write: the folder %s: %s", path, dir,
                                  strerror(errno));
            else if (!S_ISDIR(ds.st_mode))
                st = zb_error_set(err, ZB_ERR_WRITE, "%s: cannot write: %s is not a folder", path, dir);
            else if (access(dir, W_OK | X_OK) != 0)
                st = zb_error_set(err, ZB_ERR_WRITE, "%s: cannot write: the folder %s: %s", path, dir,
                                  strerror(errno));
            free(dir);
            if (st) {
                free(cur);
                return st;
            }
            d->target = cur;
            d->kind = KIND_REPLACE;
            return ZB_OK;
        }
        if (S_ISLNK(ls.st_mode)) {
            if (in_proc(cur)) {
                /* A descriptor of this process: write through what it is open on. */
                struct stat s;
                if (stat(cur, &s) == 0 && S_ISDIR(s.st_mode)) {
                    free(cur);
                    return refuse(err, path, "it is a directory");
                }
                d->target = cur;
                d->kind = KIND_STREAM;
                return ZB_OK;
            }
            if (hops >= MAX_LINKS) {
                free(cur);
                return refuse(err, path, strerror(ELOOP));
            }
            char link[PATH_MAX];
            ssize_t n = readlink(cur, link, sizeof link - 1);
            if (n < 0) {
                int e = errno;
                free(cur);
                return refuse(err, path, strerror(e));
            }
            link[n] = '\0';
            zb_buf next = {0};
            if (link[0] != '/' && strchr(cur, '/')) {
                char *dir = folder_of(cur);
                zb_buf_adds(&next, dir ? dir : "");
                zb_buf_addc(&next, '/');
                next.failed |= !dir;
                free(dir);
            }
            zb_buf_adds(&next, link);
            free(cur);
            cur = zb_buf_take(&next);
            if (!cur)
                return zb_error_set(err, ZB_ERR_NOMEM, "out of memory");
            continue;
        }
        d->target = cur;
        d->exists = 1;
        d->st = ls;
        if (S_ISDIR(ls.st_mode)) {
            free(cur);
            d->target = NULL;
            return refuse(err, path, "it is a directory");
        }
        if (S_ISCHR(ls.st_mode) || S_ISFIFO(ls.st_mode)) {
            d->kind = KIND_STREAM;
            return ZB_OK;
        }
        if (!S_ISREG(ls.st_mode)) {
            free(cur);
            d->target = NULL;
            return refuse(err, path, S_ISBLK(ls.st_mode)
                                         ? "it is a block device (documents go to files, character devices or pipes)"
                                         : "it is not a file, a character device or a pipe");
        }
        /* A file the caller may not change is not replaced behind its back. */
        if (access(cur, W_OK) != 0) {
            int e = errno;
            free(cur);
            d->target = NULL;
            return refuse(err, path, strerror(e));
        }
        d->kind = ls.st_nlink > 1 ? KIND_IN_PLACE : KIND_REPLACE;
        return ZB_OK;
    }
}

zb_status zb_output_check(const char *path, const char *extension, zb_error *error)
{
    zb_error_clear(error);
    if (!path || !*path)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no output path given");
    zb_status st = check_extension(path, extension, error);
    if (st)
        return st;
    destination d;
    st = resolve(path, &d, error);
    free(d.target);
    return st;
}

/* The mode a new file gets: 0666 less the umask, read without changing it (umask() would
 * race with other threads). */
static mode_t new_file_mode(void)
{
    mode_t mask = 022;
    FILE *f = fopen("/proc/self/status", "r");
    if (f) {
        char line[256];
        while (fgets(line, sizeof line, f)) {
            unsigned m;
            if (sscanf(line, "Umask: %o", &m) == 1) {
                mask = (mode_t)m;
                break;
            }
        }
        fclose(f);
    }
    return 0666 & ~mask;
}

/* "<folder>/.<name>.XXXXXX" for a temporary file beside target, the name cut (on a
 * character boundary) so that the whole stays within the 255 bytes a name may have. */
static char *temp_beside(const char *target)
{
    const char *slash = strrchr(target, '/');
    size_t dir = slash ? (size_t)(slash - target) + 1 : 0;
    const char *base = target + dir;
    size_t stem = strlen(base);
    if (stem > TMP_STEM_MAX) {
        stem = TMP_STEM_MAX;
        while (stem > 0 && ((unsigned char)base[stem] & 0xC0) == 0x80)
            stem--;
    }
    zb_buf b = {0};
    zb_buf_add(&b, target, dir);
    zb_buf_addc(&b, '.');
    zb_buf_add(&b, base, stem);
    zb_buf_adds(&b, ".XXXXXX");
    return zb_buf_take(&b);
}

static char *temp_private(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    zb_buf b = {0};
    zb_buf_addf(&b, "%s/zhibiao-out-XXXXXX", dir);
    return zb_buf_take(&b);
}

zb_status zb_output_begin(zb_output *out, const char *path, const char *extension, zb_error *err)
{
    memset(out, 0, sizeof *out);
    if (!path || !*path)
        return zb_error_set(err, ZB_ERR_ARGUMENT, "no output path given");
    zb_status st = check_extension(path, extension, err);
    if (st)
        return st;
    destination d;
    st = resolve(path, &d, err);
    if (st)
        return st;
    out->path = zb_strdup(path);
    out->target = d.target;
    out->kind = d.kind;
    out->tmp = d.kind == KIND_STREAM ? temp_private() : temp_beside(d.target);
    if (!out->path || !out->tmp) {
        zb_output_abort(out);
        return zb_error_set(err, ZB_ERR_NOMEM, "out of memory");
    }
    int fd = mkstemp(out->tmp);
    if (fd < 0) {
        int e = errno;
        free(out->tmp);
        out->tmp = NULL;
        zb_output_abort(out);
        return zb_error_set(err, ZB_ERR_WRITE, "%s: cannot write: %s", path, strerror(e));
    }
    if (d.kind == KIND_REPLACE) {
        /* The replacement looks like what it replaces. Neither call is fatal: the file is
         * ours and readable by us either way. */
        if (fchmod(fd, d.exists ? d.st.st_mode & 07777 : new_file_mode()) != 0) {
        }
        if (d.exists && (d.st.st_uid != geteuid() || d.st.st_gid != getegid()) &&
            fchown(fd, d.st.st_uid, d.st.st_gid) != 0) {
        }
    }
    close(fd);
    return ZB_OK;
}

/* Copies the finished temporary file into the destination itself. A hard-linked file gets
 * its room reserved first, so that a full disk stops the copy before the file is touched. */
static zb_status copy_into(zb_output *out, zb_error *err)
{
    int in = open(out->tmp, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return zb_error_set(err, ZB_ERR_WRITE, "%s: cannot write: %s", out->path, strerror(errno));
    struct stat st;
    if (fstat(in, &st) != 0) {
        int e = errno;
        close(in);
        return zb_error_set(err, ZB_ERR_WRITE, "%s: cannot write: %s", out->path, strerror(e));
    }
    int flags = O_WRONLY | O_NOCTTY | O_CLOEXEC | (out->kind == KIND_STREAM ? O_TRUNC : 0);
    int fd = open(out->target, flags);
    if (fd < 0) {
        int e = errno;
        close(in);
        return zb_error_set(err, ZB_ERR_WRITE, "%s: cannot write: %s", out->path, strerror(e));
    }
#if defined(__linux__) && defined(FALLOC_FL_KEEP_SIZE)
    /* A file system that cannot reserve (EOPNOTSUPP) is written without. */
    if (out->kind == KIND_IN_PLACE && st.st_size > 0 && fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, st.st_size) != 0 &&
        (errno == ENOSPC || errno == EDQUOT || errno == EFBIG)) {
        int e = errno;
        close(fd);
        close(in);
        return zb_error_set(err, ZB_ERR_WRITE, "%s: cannot write: %s", out->path, strerror(e));
    }
#endif
    char chunk[65536];
    int e = 0;
    for (;;) {
        ssize_t n = read(in, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            e = errno;
            break;
        }
        if (n == 0)
            break;
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(fd, chunk + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                e = w < 0 ? errno : EIO;
                break;
            }
            done += w;
        }
        if (e)
            break;
    }
    if (!e && out->kind == KIND_IN_PLACE && ftruncate(fd, st.st_size) != 0)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    close(in);
    if (e)
        return zb_error_set(err, ZB_ERR_WRITE, "%s: cannot write: %s", out->path, strerror(e));
    return ZB_OK;
}

zb_status zb_output_commit(zb_output *out, zb_error *err)
{
    zb_status st = ZB_OK;
    if (out->kind == KIND_REPLACE) {
        if (rename(out->tmp, out->target) != 0)
            st = zb_error_set(err, ZB_ERR_WRITE, "%s: cannot write: %s", out->path, strerror(errno));
    } else {
        st = copy_into(out, err);
    }
    if (st == ZB_OK && out->kind == KIND_REPLACE) {
        free(out->tmp); /* renamed: nothing to remove */
        out->tmp = NULL;
    }
    if (st == ZB_OK)
        zb_error_clear(err);
    zb_output_abort(out);
    return st;
}

void zb_output_abort(zb_output *out)
{
    if (out->tmp)
        unlink(out->tmp);
    free(out->tmp);
    free(out->path);
    free(out->target);
    memset(out, 0, sizeof *out);
}

zb_status zb_write_file(const char *path, const char *extension, const char *data, size_t len, zb_error *err)
{
    zb_output out;
    zb_status st = zb_output_begin(&out, path, extension, err);
    if (st)
        return st;
    FILE *f = fopen(out.tmp, "wb");
    if (!f) {
        int e = errno;
        zb_output_abort(&out);
        return zb_error_set(err, ZB_ERR_WRITE, "%s: cannot write: %s", path, strerror(e));
    }
    size_t w = fwrite(data, 1, len, f);
    int e = w != len ? errno : 0;
    if (fclose(f) != 0 && !e)
        e = errno ? errno : EIO;
    if (w != len || e) {
        zb_output_abort(&out);
        return zb_error_set(err, ZB_ERR_WRITE, "%s: cannot write: %s", path, strerror(e ? e : EIO));
    }
    return zb_output_commit(&out, err);
}
