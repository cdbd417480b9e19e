/* From a document's content to a file or to memory: the seal checked, the fonts completed,
 * the pages laid out by the engine, then drawn by the renderer of the format asked for. */
#include <stdlib.h>
#include <string.h>

#include "content/content_internal.h"
#include "image/image.h"
#include "plan/plan_internal.h"
#include "render/ofd/render_ofd.h"
#include "render/pdf/render_pdf.h"

char *zb_own(zb_owned *o, zb_buf *buf)
{
    if (buf->failed || zb_grow((void **)&o->items, &o->cap, o->count + 1, sizeof *o->items)) {
        zb_buf_free(buf);
        return NULL;
    }
    char *s = zb_buf_take(buf);
    if (s)
        o->items[o->count++] = s;
    return s;
}

void zb_owned_free(zb_owned *o)
{
    for (size_t i = 0; i < o->count; i++)
        free(o->items[i]);
    free(o->items);
    memset(o, 0, sizeof *o);
}

const char **zb_plan_title_words(const zb_plan *plan, size_t *count)
{
    static const zb_meta metas[] = {ZB_META_ORGAN, ZB_META_SIGNATURE, ZB_META_PRINTER};
    size_t nm = sizeof metas / sizeof metas[0];
    size_t nu = zb_plan_unit_count(plan), nc = zb_plan_category_count(plan);
    const char **w = calloc(nm + 2 * nu + nc + 1, sizeof *w);
    *count = 0;
    if (!w)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < nm; i++)
        w[k++] = zb_plan_meta(plan, metas[i]);
    for (size_t i = 0; i < nu; i++) {
        w[k++] = zb_plan_unit_name(plan, i);
        w[k++] = zb_plan_unit_full_name(plan, i);
    }
    for (size_t i = 0; i < nc; i++)
        w[k++] = zb_plan_category_name(plan, i);
    *count = k;
    return w;
}

/* The renderers, by format. */
static const zb_renderer renderers[] = {
    [ZB_RENDER_PDF] = {"PDF", zb_pdf_render, zb_pdf_render_to_memory},
    [ZB_RENDER_OFD] = {"OFD", zb_ofd_render, zb_ofd_render_to_memory},
};

zb_status zb_document_begin(const zb_plan *plan, const zb_document_target *to, zb_pdf_info *info,
                            zb_error *error)
{
    zb_error_clear(error);
    if (info)
        memset(info, 0, sizeof *info);
    if (!plan)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no plan given");
    if (to->path) {
        if (!*to->path)
            return zb_error_set(error, ZB_ERR_ARGUMENT, "no output path given");
    } else if (!to->out || !to->len) {
        return zb_error_set(error, ZB_ERR_ARGUMENT,
                            "no place given for the bytes (out and len are required)");
    } else {
        *to->out = NULL;
        *to->len = 0;
    }
    return zb_plan_check_texts(plan, 0, error);
}

zb_status zb_document_write(const zb_document *content, const zb_fontset *fonts,
                            const zb_document_target *to, zb_pdf_info *info, zb_error *error)
{
    if ((unsigned)to->format >= sizeof renderers / sizeof *renderers)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "unknown document format %d", (int)to->format);
    const zb_renderer *renderer = &renderers[to->format];
    if (!to->path && !renderer->to_memory)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "the %s renderer writes files only",
                            renderer->name);

    zb_seal_size seal = {0, 0};
    zb_image image;
    memset(&image, 0, sizeof image);
    /* A destination that cannot take the document is said before the pages are made. */
    zb_status st = to->path ? zb_output_check(to->path, to->format == ZB_RENDER_OFD ? "ofd" : "pdf", error) : ZB_OK;
    if (st)
        return st;
    int sealed = content->seal_png || content->seal_data;
    if (!content->seal_data != !content->seal_size)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "a seal given as bytes needs both seal_png_data and "
                                                    "seal_png_size");
    if (content->seal_png && content->seal_data)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "a seal given twice: as a file (%s) and as bytes",
                            content->seal_png);
    if (content->seal_data)
        st = zb_png_decode(content->seal_data, content->seal_size, "seal (bytes in memory)", &image, error);
    else if (content->seal_png)
        st = zb_png_load(content->seal_png, &image, error);
    if (st)
        return st;
    seal.width = image.width;
    seal.height = image.height;

    /* Fill missing roles on a fontset of our own; the caller's is only read. */
    zb_fontset *own = NULL;
    if (!fonts || !zb_fontset_complete(fonts)) {
        own = fonts ? zb_fontset_copy(fonts) : zb_fontset_new();
        if (!own) {
            zb_image_free(&image);
            return zb_error_set(error, ZB_ERR_NOMEM, "out of memory");
        }
        st = zb_fontset_load_defaults(own);
        if (st) {
            zb_error_set(error, st, "%s", zb_fontset_errmsg(own));
            zb_fontset_free(own);
            zb_image_free(&image);
            return st;
        }
        fonts = own;
    }
    zb_doc pages;
    zb_doc_init(&pages, fonts, error);
    pages.image = sealed ? &image : NULL;
    st = zb_layout_document(content, sealed ? &seal : NULL, &pages);
    size_t bytes = 0;
    if (!st) {
        zb_render_options ro;
        memset(&ro, 0, sizeof ro);
        ro.embedding = to->embedding;
        ro.title = content->info_title;
        ro.author = content->info_author;
        ro.created = content->created;
        if (to->path) {
            st = renderer->to_file(&pages, to->path, &ro, &bytes, error);
        } else {
            st = renderer->to_memory(&pages, &ro, to->out, to->len, error);
            bytes = st ? 0 : *to->len;
        }
    }
    if (!st && info) {
        info->pages = pages.pages;
        info->bytes = bytes;
        info->fallback_chars = zb_doc_fallback_note(&pages, info->fallback_note,
                                                    sizeof info->fallback_note);
    }
    zb_doc_free(&pages);
    zb_fontset_free(own);
    zb_image_free(&image);
    return st;
}
