/* A web back end's view: the plan arrives as a request body, the fonts and the seal come
 * from a database as bytes, and the workbook and the notice go back as bytes. Only the
 * workbook needs scratch files (libxlsxwriter writes to files), in a folder the caller
 * chooses; the PDF never touches the disk. tests/cli/memory_io.sh traces it with strace. */
#include <stdio.h>
#include <stdlib.h>

#include "zhibiao.h"

/* Stands for a database read: the bytes of a file. */
static char *blob(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    long n = -1;
    if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (data = malloc((size_t)n)) != NULL && fread(data, 1, (size_t)n, f) != (size_t)n) {
        free(data);
        data = NULL;
    }
    if (f)
        fclose(f);
    *len = data ? (size_t)n : 0;
    return data;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "examples/data";
    char path[4096];
    size_t len;
    snprintf(path, sizeof path, "%s/tonglu-2024.json", dir);
    char *body = blob(path, &len);
    zb_plan *plan = zb_plan_new();
    if (!body || zb_json_load_string(plan, body, len, "request body") != ZB_OK) {
        fprintf(stderr, "%s\n", body ? zb_errmsg(plan) : "cannot read the plan");
        return 1;
    }
    free(body);

    /* Fonts by role from bytes: here the free fonts the library would pick, read into
     * memory; the fontset keeps its own copy. */
    zb_fontset *found = zb_fontset_new(), *fonts = zb_fontset_new();
    if (zb_fontset_load_defaults(found) != ZB_OK) {
        fprintf(stderr, "%s\n", zb_fontset_errmsg(found));
        return 1;
    }
    for (int r = 0; r < ZB_FONT_ROLE_COUNT; r++) {
        char *font = blob(zb_fontset_file(found, (zb_font_role)r), &len);
        zb_status st = font ? zb_fontset_set_role_memory(fonts, (zb_font_role)r, font, len,
                                                         zb_fontset_face_index(found, (zb_font_role)r),
                                                         "font from the database")
                            : ZB_ERR_IO;
        free(font);
        if (st != ZB_OK) {
            fprintf(stderr, "%s\n", zb_fontset_errmsg(fonts));
            return 1;
        }
    }
    for (size_t i = 0; i < zb_fontset_fallback_count(found); i++) {
        char *font = blob(zb_fontset_fallback_file(found, i), &len);
        if (font)
            zb_fontset_add_fallback_memory(fonts, font, len, 0, "fallback from the database");
        free(font);
    }
    zb_fontset_free(found);

    snprintf(path, sizeof path, "%s/../../tests/data/seals/rgba8.png", dir);
    size_t seal_len;
    char *seal = blob(path, &seal_len);

    zb_table_options table = {0};
    table.label = "附件2";
    table.scratch_dir = getenv("ZB_SCRATCH"); /* NULL: TMPDIR, else /tmp */
    zb_notice_options notice = {0};
    notice.seal_png_data = seal; /* NULL when the seal is not there: then unsealed */
    notice.seal_png_size = seal_len;
    char *xlsx = NULL, *pdf = NULL;
    size_t xlsx_len = 0, pdf_len = 0;
    zb_pdf_info info;
    zb_error err;
    int rc = 0;
    if (zb_xlsx_target_table_to_buffer(plan, &table, &xlsx, &xlsx_len, &err) != ZB_OK ||
        zb_pdf_notice_to_buffer(plan, fonts, &notice, &pdf, &pdf_len, &info, &err) != ZB_OK) {
        fprintf(stderr, "%s\n", err.message);
        rc = 1;
    } else {
        printf("target table: %zu bytes; notice: %d pages, %zu bytes%s\n", xlsx_len, info.pages, pdf_len,
               seal ? ", sealed" : "");
    }
    zb_free(xlsx);
    zb_free(pdf);
    free(seal);
    zb_fontset_free(fonts);
    zb_plan_free(plan);
    return rc;
}
