/* The output rule: files replaced atomically with their mode, links written through, hard
 * links kept, devices and pipes written straight through, bad destinations refused with the
 * reason, failures leaving everything as it was. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* mknod */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/internal.h"
#include "support.h"
#include "zhibiao.h"

static char dir[256];

static void path_in(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", dir, name);
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void assert_content(const char *path, const char *want)
{
    size_t n;
    char *got = zbt_slurp(path, &n);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* Entries of the folder other than . and ..: no temporary file may be left behind. */
static int entries(const char *folder)
{
    DIR *d = opendir(folder);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static int setup(void **state)
{
    (void)state;
    return zbt_tmpdir(dir, sizeof dir, "output");
}

static int teardown(void **state)
{
    (void)state;
    return zbt_rmtree(dir);
}

/* Each test works in a fresh subfolder. */
static void fresh(char *sub, size_t size, const char *name)
{
    snprintf(sub, size, "%s/%s", dir, name);
    assert_int_equal(mkdir(sub, 0777), 0);
}

static void test_regular_file_replaced_with_its_mode(void **state)
{
    (void)state;
    char sub[300], p[400];
    fresh(sub, sizeof sub, "regular");
    snprintf(p, sizeof p, "%s/plan.json", sub);
    put(p, "old");
    assert_int_equal(chmod(p, 0640), 0);
    struct stat before, after;
    assert_int_equal(stat(p, &before), 0);
    zb_error e;
    assert_int_equal(zb_write_file(p, "json", "new", 3, &e), ZB_OK);
    assert_int_equal(e.code, ZB_OK);
    assert_content(p, "new");
    assert_int_equal(stat(p, &after), 0);
    assert_int_equal(after.st_mode & 07777, 0640);
    assert_true(after.st_ino != before.st_ino); /* a new file renamed into place */
    assert_int_equal(entries(sub), 1);

    /* A new file gets 0666 less the umask. */
    mode_t old = umask(027);
    snprintf(p, sizeof p, "%s/new.json", sub);
    assert_int_equal(zb_write_file(p, "json", "x", 1, &e), ZB_OK);
    umask(old);
    assert_int_equal(stat(p, &after), 0);
    assert_int_equal(after.st_mode & 07777, 0640);
    assert_int_equal(entries(sub), 2);
}

static void test_symlink_written_through(void **state)
{
    (void)state;
    char sub[300], target[400], link1[400], link2[400], dangling[400], made[400], loop[400];
    fresh(sub, sizeof sub, "links");
    snprintf(target, sizeof target, "%s/target.json", sub);
    snprintf(link1, sizeof link1, "%s/link.json", sub);
    snprintf(link2, sizeof link2, "%s/link2.json", sub);
    put(target, "old");
    assert_int_equal(symlink("target.json", link1), 0); /* relative to the link's folder */
    assert_int_equal(symlink(link1, link2), 0);         /* a chain, absolute */
    zb_error e;
    assert_int_equal(zb_write_file(link2, "json", "new", 3, &e), ZB_OK);
    struct stat st;
    assert_int_equal(lstat(link1, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(lstat(link2, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_content(target, "new");
    assert_int_equal(entries(sub), 3);

    /* A dangling link: the file it names is made. */
    snprintf(dangling, sizeof dangling, "%s/dangling.json", sub);
    snprintf(made, sizeof made, "%s/made.json", sub);
    assert_int_equal(symlink("made.json", dangling), 0);
    assert_int_equal(zb_write_file(dangling, "json", "made", 4, &e), ZB_OK);
    assert_int_equal(lstat(dangling, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_content(made, "made");

    /* A loop is refused with the system's reason. */
    snprintf(loop, sizeof loop, "%s/loop.json", sub);
    assert_int_equal(symlink("loop.json", loop), 0);
    assert_int_equal(zb_write_file(loop, "json", "x", 1, &e), ZB_ERR_WRITE);
    assert_non_null(strstr(e.message, strerror(ELOOP)));
    assert_int_equal(entries(sub), 6);
}

static void test_hard_links_kept(void **state)
{
    (void)state;
    char sub[300], a[400], b[400];
    fresh(sub, sizeof sub, "hard");
    snprintf(a, sizeof a, "%s/a.json", sub);
    snprintf(b, sizeof b, "%s/b.json", sub);
    put(a, "a much longer old text than the new one");
    assert_int_equal(link(a, b), 0);
    zb_error e;
    assert_int_equal(zb_write_file(a, "json", "new", 3, &e), ZB_OK);
    assert_content(a, "new");
    assert_content(b, "new");
    struct stat sa, sb;
    assert_int_equal(stat(a, &sa), 0);
    assert_int_equal(stat(b, &sb), 0);
    assert_int_equal(sa.st_ino, sb.st_ino);
    assert_int_equal(sa.st_nlink, 2);
    assert_int_equal(entries(sub), 2);
}

/* A private TMPDIR for the documents on their way to a device or a pipe, so that the test
 * can see none is left behind. */
static void private_tmpdir(char *tmp, size_t size, const char *sub)
{
    snprintf(tmp, size, "%s/tmp", sub);
    assert_int_equal(mkdir(tmp, 0700), 0);
    setenv("TMPDIR", tmp, 1);
}

static void test_fifo_written_straight_through(void **state)
{
    (void)state;
    char sub[300], fifo[400], got[400], tmp[400];
    fresh(sub, sizeof sub, "fifo");
    private_tmpdir(tmp, sizeof tmp, sub);
    snprintf(fifo, sizeof fifo, "%s/pipe", sub);
    snprintf(got, sizeof got, "%s/got", sub);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        /* The reader: copies what comes through the pipe into a file. */
        int in = open(fifo, O_RDONLY), out = open(got, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        char buf[256];
        ssize_t n;
        while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
            if (write(out, buf, (size_t)n) != n)
                _exit(1);
        _exit(in >= 0 && out >= 0 ? 0 : 1);
    }
    zb_error e;
    assert_int_equal(zb_write_file(fifo, "json", "through the pipe", 16, &e), ZB_OK);
    int status;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_content(got, "through the pipe");
    struct stat st;
    assert_int_equal(lstat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    assert_int_equal(entries(tmp), 0);
    unsetenv("TMPDIR");
}

/* As root the test makes its own nodes (null and full), so that a regression replaces those
 * and never the system's; otherwise the system's, which a regression cannot replace. */
static void device(char *out, size_t size, const char *sub, const char *name, unsigned minor)
{
    if (geteuid() == 0) {
        snprintf(out, size, "%s/%s", sub, name);
        assert_int_equal(mknod(out, S_IFCHR | 0666, makedev(1, minor)), 0);
    } else {
        snprintf(out, size, "/dev/%s", name);
    }
}

static void test_character_devices(void **state)
{
    (void)state;
    char sub[300], null[400], full[400], tmp[400];
    fresh(sub, sizeof sub, "devices");
    private_tmpdir(tmp, sizeof tmp, sub);
    device(null, sizeof null, sub, "null", 3);
    device(full, sizeof full, sub, "full", 7);
    zb_error e;
    assert_int_equal(zb_write_file(null, "pdf", "x", 1, &e), ZB_OK);
    struct stat st;
    assert_int_equal(lstat(null, &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    /* A full disk: the OS's reason, and the node and the folder as they were. */
    assert_int_equal(zb_write_file(full, "pdf", "x", 1, &e), ZB_ERR_WRITE);
    assert_non_null(strstr(e.message, strerror(ENOSPC)));
    assert_non_null(strstr(e.message, full));
    assert_int_equal(lstat(full, &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    assert_int_equal(entries(tmp), 0);
    unsetenv("TMPDIR");
}

/* /dev/stdout and /proc/self/fd/N name what a descriptor is open on: written through,
 * never renamed over. */
static void test_descriptor_written_through(void **state)
{
    (void)state;
    char sub[300], file[400], fdpath[64];
    fresh(sub, sizeof sub, "fd");
    snprintf(file, sizeof file, "%s/redirected", sub);
    put(file, "old old old");
    int fd = open(file, O_RDWR);
    assert_true(fd >= 0);
    struct stat before, after;
    assert_int_equal(fstat(fd, &before), 0);
    snprintf(fdpath, sizeof fdpath, "/proc/self/fd/%d", fd);
    zb_error e;
    assert_int_equal(zb_write_file(fdpath, NULL, "new", 3, &e), ZB_OK);
    assert_int_equal(stat(file, &after), 0);
    assert_int_equal(after.st_ino, before.st_ino);
    assert_content(file, "new");
    assert_int_equal(entries(sub), 1);
    close(fd);
}

static void test_bad_destinations(void **state)
{
    (void)state;
    char sub[300], p[400];
    fresh(sub, sizeof sub, "bad");
    zb_error e;
    /* A directory. */
    assert_int_equal(zb_write_file(sub, NULL, "x", 1, &e), ZB_ERR_WRITE);
    assert_non_null(strstr(e.message, "directory"));
    assert_int_equal(zb_output_check(sub, NULL, &e), ZB_ERR_WRITE);
    /* A missing folder, named with the reason. */
    snprintf(p, sizeof p, "%s/no/such/x.json", sub);
    assert_int_equal(zb_write_file(p, "json", "x", 1, &e), ZB_ERR_WRITE);
    assert_non_null(strstr(e.message, "no/such"));
    assert_non_null(strstr(e.message, strerror(ENOENT)));
    assert_int_equal(zb_output_check(p, "json", &e), ZB_ERR_WRITE);
    /* A folder that is a file. */
    snprintf(p, sizeof p, "%s/file", sub);
    put(p, "x");
    snprintf(p, sizeof p, "%s/file/x.json", sub);
    assert_int_equal(zb_write_file(p, "json", "x", 1, &e), ZB_ERR_WRITE);
    assert_int_equal(zb_output_check(p, NULL, &e), ZB_ERR_WRITE);
    /* Empty and NULL paths. */
    assert_int_equal(zb_output_check("", NULL, &e), ZB_ERR_ARGUMENT);
    assert_int_equal(zb_output_check(NULL, NULL, &e), ZB_ERR_ARGUMENT);
    zb_output out;
    assert_int_equal(zb_output_begin(&out, "", NULL, &e), ZB_ERR_ARGUMENT);
    /* A file the caller may not write (root may write anything). */
    snprintf(p, sizeof p, "%s/readonly.json", sub);
    put(p, "kept");
    assert_int_equal(chmod(p, 0444), 0);
    if (geteuid() != 0) {
        assert_int_equal(zb_write_file(p, "json", "x", 1, &e), ZB_ERR_WRITE);
        assert_non_null(strstr(e.message, strerror(EACCES)));
        assert_content(p, "kept");
    }
    assert_int_equal(entries(sub), 2);
}

static void test_extension(void **state)
{
    (void)state;
    char p[400];
    zb_error e;
    path_in(p, sizeof p, "t.pdf");
    assert_int_equal(zb_output_check(p, "xlsx", &e), ZB_ERR_ARGUMENT);
    assert_non_null(strstr(e.message, ".xlsx"));
    assert_non_null(strstr(e.message, "t.pdf"));
    const char *wrong[] = {"t.xls", "t.XLS", "n.xlsx", "p.csv", "p.txt", "a.docx"};
    const char *right[] = {"t.xlsx", "T.XLSX", "no-extension", "t.2024", "t.final", ".xlsx"};
    for (size_t i = 0; i < 6; i++) {
        path_in(p, sizeof p, wrong[i]);
        assert_int_equal(zb_output_check(p, strstr(wrong[i], "xls") ? "pdf" : "xlsx", &e), ZB_ERR_ARGUMENT);
        path_in(p, sizeof p, right[i]);
        assert_int_equal(zb_output_check(p, "xlsx", &e), ZB_OK);
        assert_int_equal(e.code, ZB_OK);
    }
    /* Only the name counts, not a folder's. */
    path_in(p, sizeof p, "x");
    assert_int_equal(zb_output_check(p, NULL, &e), ZB_OK);
    assert_int_equal(zb_output_check("dir.pdf/t", "xlsx", &e), ZB_ERR_WRITE);
    /* Nothing is written by a refused write. */
    path_in(p, sizeof p, "wrong.pdf");
    assert_int_equal(zb_write_file(p, "json", "x", 1, &e), ZB_ERR_ARGUMENT);
    assert_int_equal(access(p, F_OK), -1);
}

/* Names up to the 255 bytes a name may have, in ASCII and in Chinese. */
static void test_long_names(void **state)
{
    (void)state;
    char sub[300], name[260], p[700];
    fresh(sub, sizeof sub, "long");
    memset(name, 'a', 250);
    strcpy(name + 250, ".json");
    snprintf(p, sizeof p, "%s/%s", sub, name);
    zb_error e;
    assert_int_equal(zb_write_file(p, "json", "x", 1, &e), ZB_OK);
    assert_content(p, "x");
    assert_int_equal(zb_write_file(p, "json", "y", 1, &e), ZB_OK); /* and replaced */
    assert_content(p, "y");
    name[0] = '\0';
    for (int i = 0; i < 83; i++)
        strcat(name, "指"); /* 249 bytes */
    strcat(name, ".json");
    snprintf(p, sizeof p, "%s/%s", sub, name);
    assert_int_equal(zb_write_file(p, "json", "z", 1, &e), ZB_OK);
    assert_content(p, "z");
    assert_int_equal(entries(sub), 2);
}

/* A write that fails half-way (here the file size limit, as a full disk would) leaves the
 * destination as it was and no temporary file. */
static void test_failed_write_changes_nothing(void **state)
{
    (void)state;
    char sub[300], p[400];
    fresh(sub, sizeof sub, "fail");
    snprintf(p, sizeof p, "%s/plan.json", sub);
    put(p, "old");
    struct rlimit saved, small;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
    small = saved;
    small.rlim_cur = 16;
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    char big[4096];
    memset(big, 'x', sizeof big);
    zb_error e;
    zb_status st = zb_write_file(p, "json", big, sizeof big, &e);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &saved), 0);
    signal(SIGXFSZ, prev);
    assert_int_equal(st, ZB_ERR_WRITE);
    assert_non_null(strstr(e.message, strerror(EFBIG)));
    assert_content(p, "old");
    assert_int_equal(entries(sub), 1);

    /* An output begun and abandoned. */
    zb_output out;
    assert_int_equal(zb_output_begin(&out, p, "json", &e), ZB_OK);
    assert_int_equal(access(out.tmp, F_OK), 0);
    zb_output_abort(&out);
    assert_content(p, "old");
    assert_int_equal(entries(sub), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_regular_file_replaced_with_its_mode),
        cmocka_unit_test(test_symlink_written_through),
        cmocka_unit_test(test_hard_links_kept),
        cmocka_unit_test(test_fifo_written_straight_through),
        cmocka_unit_test(test_character_devices),
        cmocka_unit_test(test_descriptor_written_through),
        cmocka_unit_test(test_bad_destinations),
        cmocka_unit_test(test_extension),
        cmocka_unit_test(test_long_names),
        cmocka_unit_test(test_failed_write_changes_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
