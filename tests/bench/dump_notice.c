/* Writes what a notice draws, for the ReportLab peer (peer_notice.py): the notice of PLAN is
 * laid out by zhibiao and, instead of being rendered, its display list is written as
 * tab-separated lines
 *
 *   T page x y size char_space hscale ink font-file face-index text
 *   R page x y x2 y2 width ink
 *
 * (points, y from the top of the page, pages from 0; ink 0 black, 1 red, 2 grey). Linked
 * with --wrap=zb_pdf_render: the library is unchanged, this program only sees what it would
 * have rendered. The seal (an image) is left out.
 * Usage: dump_notice PLAN.json OUT.tsv */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/pdf/render_pdf.h"
#include "zhibiao/json.h"
#include "zhibiao/pdf.h"

static FILE *out;

zb_status __wrap_zb_pdf_render(const zb_doc *doc, const char *path, const zb_render_options *options,
                               size_t *bytes, zb_error *err);

zb_status __wrap_zb_pdf_render(const zb_doc *doc, const char *path, const zb_render_options *options,
                               size_t *bytes, zb_error *err)
{
    (void)path;
    (void)options;
    (void)err;
    fprintf(out, "P\t%d\n", doc->pages);
    for (size_t i = 0; i < doc->count; i++) {
        const zb_item *it = &doc->items[i];
        if (it->kind == ZB_ITEM_TEXT)
            fprintf(out, "T\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.4f\t%d\t%s\t%d\t%.*s\n", it->page, it->x, it->y,
                    it->size, it->char_space, it->hscale, it->ink, zb_face_path(it->face),
                    zb_face_index(it->face), (int)it->len, doc->pool.data + it->text);
        else if (it->kind == ZB_ITEM_RULE)
            fprintf(out, "R\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\n", it->page, it->x, it->y, it->x2,
                    it->y2, it->h, it->ink);
    }
    if (bytes)
        *bytes = 0;
    return ZB_OK;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: dump_notice PLAN.json OUT.tsv\n");
        return 2;
    }
    zb_plan *plan = zb_plan_new();
    if (!plan || zb_json_load(plan, argv[1]) != ZB_OK) {
        fprintf(stderr, "dump_notice: %s\n", plan ? zb_errmsg(plan) : "out of memory");
        return 1;
    }
    out = fopen(argv[2], "w");
    if (!out) {
        perror(argv[2]);
        return 1;
    }
    zb_error err;
    /* The path is checked but never written: the wrapped renderer only lists the items. */
    char pdf[4096];
    snprintf(pdf, sizeof pdf, "%s.pdf", argv[2]);
    zb_status st = zb_pdf_write_notice(plan, NULL, pdf, NULL, NULL, &err);
    zb_plan_free(plan);
    if (fclose(out) != 0 || st != ZB_OK) {
        fprintf(stderr, "dump_notice: %s\n", st ? err.message : "cannot write the list");
        return 1;
    }
    return 0;
}
