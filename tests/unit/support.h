/* Helpers shared by the unit tests that write files: a scratch folder, reading files back,
 * and one member of a zip (xlsx) through the unzip program. Header-only, static inline, so
 * each test program takes what it uses. */
#ifndef ZB_TEST_SUPPORT_H
#define ZB_TEST_SUPPORT_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"

/* A new folder $TMPDIR/zb-<tag>-XXXXXX (or under /tmp) in dir; 0 on success. */
static inline int zbt_tmpdir(char *dir, size_t size, const char *tag)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, size, "%s/zb-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", tag);
    return mkdtemp(dir) ? 0 : -1;
}

/* Removes a folder made by zbt_tmpdir, read-only leftovers of a failed test included. */
static inline int zbt_rmtree(const char *dir)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
    return system(cmd) == 0 ? 0 : -1;
}

static inline void zbt_path(const char *dir, const char *name, char *out, size_t size)
{
    snprintf(out, size, "%s/%s", dir, name);
}

/* The whole file, NUL-terminated (free()); NULL when it cannot be read. */
static inline char *zbt_slurp(const char *path, size_t *len)
{
    char *data = NULL;
    size_t n = 0;
    if (zb_read_file(path, &data, &n, NULL) != ZB_OK)
        data = NULL;
    if (len)
        *len = n;
    return data;
}

/* One member of a zip file (free()); NULL when unzip fails. */
static inline char *zbt_unzip_member(const char *zip, const char *name)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s'", zip, name);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    zb_buf b = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        zb_buf_add(&b, chunk, n);
    if (pclose(p) != 0) {
        zb_buf_free(&b);
        return NULL;
    }
    return zb_buf_take(&b);
}

/* How often needle occurs in hay. */
static inline size_t zbt_count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* Number of entries in a folder (no . and ..); -1 when it cannot be read. */
static inline int zbt_files_in(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    if (!d)
        return -1;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

/* The page margins a sheet's XML asks for, in mm (left, right, top, bottom), held to want
 * within 0.01 mm. Needs cmocka.h included before. */
static inline void zbt_assert_margins(const char *sheet, double left, double right, double top,
                                      double bottom)
{
    static const char *const keys[4] = {" left=\"", " right=\"", " top=\"", " bottom=\""};
    const double want[4] = {left, right, top, bottom};
    const char *p = strstr(sheet, "<pageMargins");
    assert_non_null(p);
    for (int k = 0; k < 4; k++) {
        const char *v = strstr(p, keys[k]);
        assert_non_null(v);
        double mm = strtod(v + strlen(keys[k]), NULL) * 25.4;
        if (mm - want[k] > 0.01 || want[k] - mm > 0.01)
            fail_msg("margin %s is %.3f mm, want %.1f", keys[k] + 1, mm, want[k]);
    }
}

#endif /* ZB_TEST_SUPPORT_H */
