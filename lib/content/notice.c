/* The notice (通知) that issues a plan: its content from the plan's metadata, body blocks
 * and attachments, laid out by the GB/T 9704 engine. */
#include <stdlib.h>
#include <string.h>

#include "content/content_internal.h"
#include "plan/plan_internal.h"

/* What the notice's content points into, freed after writing. */
typedef struct notice_arrays {
    const char **recipients, **copy_to, **units, **words;
    zb_block *body, *annex;
    zb_attached *attachments;
    zb_targets_table targets; /* built when an attachment is the target table */
} notice_arrays;

static void arrays_free(notice_arrays *a)
{
    zb_targets_table_free(&a->targets);
    free(a->recipients);
    free(a->copy_to);
    free(a->units);
    free(a->words);
    free(a->body);
    free(a->annex);
    free(a->attachments);
}

static void *alloc_n(size_t count, size_t size)
{
    return calloc(count ? count : 1, size);
}

/* The document's content from the plan's metadata, blocks and attachments. */
static int notice_content(const zb_plan *plan, const zb_notice_options *o, zb_document *d,
                          notice_arrays *a)
{
    memset(d, 0, sizeof *d);
    memset(a, 0, sizeof *a);
    size_t nr = zb_plan_recipient_count(plan), nc = zb_plan_copy_to_count(plan);
    size_t nu = zb_plan_unit_count(plan), nb = zb_plan_block_count(plan);
    size_t na = zb_plan_attachment_count(plan);
    a->recipients = alloc_n(nr, sizeof *a->recipients);
    a->copy_to = alloc_n(nc, sizeof *a->copy_to);
    a->units = alloc_n(nu, sizeof *a->units);
    a->body = alloc_n(nb, sizeof *a->body);
    a->annex = alloc_n(nb, sizeof *a->annex);
    a->attachments = alloc_n(na, sizeof *a->attachments);
    a->words = zb_plan_title_words(plan, &d->word_count);
    if (!a->recipients || !a->copy_to || !a->units || !a->body || !a->annex || !a->attachments ||
        !a->words)
        return -1;
    d->words = a->words;

    d->masthead = o->masthead;
    d->organ = zb_plan_meta(plan, ZB_META_ORGAN);
    d->organ_mark = zb_plan_meta(plan, ZB_META_ORGAN_MARK);
    d->doc_number = zb_plan_meta(plan, ZB_META_DOC_NUMBER);
    d->title = zb_plan_meta(plan, ZB_META_TITLE);
    for (size_t i = 0; i < nr; i++)
        a->recipients[i] = zb_plan_recipient(plan, i);
    d->recipients = a->recipients;
    d->recipient_count = nr;

    /* Blocks are named by their place among all of the plan's blocks, whichever part. */
    for (size_t b = 0; b < nb; b++) {
        int level = zb_plan_block_level(plan, b);
        int annex = zb_plan_block_part(plan, b) == ZB_PART_PLAN;
        zb_block *blk = annex ? &a->annex[d->annex_count++] : &a->body[d->body_count++];
        blk->level = level > 0 ? level : -1;
        blk->text = zb_plan_block_text(plan, b);
        blk->where = "body block";
        blk->where_number = b + 1;
    }
    d->body = a->body;
    d->annex = a->annex;
    d->annex_title = zb_plan_meta(plan, ZB_META_PLAN_TITLE);

    for (size_t i = 0; i < nu; i++)
        a->units[i] = zb_plan_unit_name(plan, i);
    for (size_t i = 0; i < na; i++) {
        zb_attached *at = &a->attachments[i];
        at->number = zb_plan_attachment_number(plan, i);
        at->title = zb_plan_attachment_title(plan, i);
        switch (zb_plan_attachment_kind(plan, i)) {
        case ZB_ATTACH_TARGETS:
            if (!a->targets.rows) {
                int r = zb_targets_table_build(plan, &a->targets);
                if (r)
                    return r;
            }
            at->kind = ZB_ATTACHED_TABLE;
            at->table = &a->targets.content;
            break;
        case ZB_ATTACH_UNITS:
            at->kind = ZB_ATTACHED_LIST;
            at->items = a->units;
            at->item_count = nu;
            at->item_where = "unit";
            break;
        default:
            at->kind = ZB_ATTACHED_TEXT;
            at->text = zb_plan_attachment_text(plan, i);
            break;
        }
    }
    d->attachments = a->attachments;
    d->attachment_count = na;
    d->omit_attachments = o->omit_attachments;

    d->signature = zb_plan_meta(plan, ZB_META_SIGNATURE);
    if (!*d->signature)
        d->signature = d->organ;
    d->date = zb_plan_date(plan, ZB_DATE_ISSUED);
    d->note = zb_plan_meta(plan, ZB_META_NOTE);
    d->seal_png = o->seal_png;
    d->seal_data = o->seal_png_data;
    d->seal_size = o->seal_png_size;
    d->sealed = o->sealed;

    d->omit_imprint = o->omit_imprint;
    for (size_t i = 0; i < nc; i++)
        a->copy_to[i] = zb_plan_copy_to(plan, i);
    d->copy_to = a->copy_to;
    d->copy_to_count = nc;
    d->printer = zb_plan_meta(plan, ZB_META_PRINTER);
    d->printed = zb_plan_date(plan, ZB_DATE_PRINTED);

    d->info_title = d->title;
    d->info_author = d->organ;
    d->created = zb_output_time(d->date, zb_plan_first_year(plan));
    return 0;
}

zb_status zb_notice_write(const zb_plan *plan, const zb_fontset *fonts,
                          const zb_notice_options *options, const zb_document_target *to,
                          zb_pdf_info *info, zb_error *error)
{
    zb_status st = zb_document_begin(plan, to, info, error);
    if (st)
        return st;
    zb_notice_options defaults;
    memset(&defaults, 0, sizeof defaults);
    const zb_notice_options *o = options ? options : &defaults;

    zb_document d;
    notice_arrays a;
    int r = notice_content(plan, o, &d, &a);
    if (r == -2)
        st = zb_error_set(error, ZB_ERR_VALUE,
                          "the target table has targets for more years than a notice's table has room for "
                          "(%d columns in all); write it with zb_xlsx_write_target_table()",
                          ZB_TABLE_COLS_MAX);
    else if (r)
        st = zb_error_set(error, ZB_ERR_NOMEM, "out of memory");
    else
        st = zb_document_write(&d, fonts, to, info, error);
    arrays_free(&a);
    return st;
}

static zb_document_target file_target(zb_render_format format, zb_font_embedding embedding,
                                      const char *path)
{
    zb_document_target to;
    memset(&to, 0, sizeof to);
    to.format = format;
    to.embedding = embedding;
    to.path = path ? path : ""; /* "": no output path given */
    return to;
}

zb_status zb_pdf_write_notice_embedding(const zb_plan *plan, const zb_fontset *fonts,
                                        const char *path, const zb_notice_options *options,
                                        zb_font_embedding embedding, zb_pdf_info *info,
                                        zb_error *error)
{
    zb_document_target to = file_target(ZB_RENDER_PDF, embedding, path);
    return zb_notice_write(plan, fonts, options, &to, info, error);
}

ZB_API zb_status zb_pdf_write_notice(const zb_plan *plan, const zb_fontset *fonts, const char *path,
                                     const zb_notice_options *options, zb_pdf_info *info,
                                     zb_error *error)
{
    return zb_pdf_write_notice_embedding(plan, fonts, path, options, ZB_EMBED_SUBSET, info, error);
}

ZB_API zb_status zb_ofd_write_notice(const zb_plan *plan, const zb_fontset *fonts, const char *path,
                                     const zb_notice_options *options, zb_pdf_info *info,
                                     zb_error *error)
{
    zb_document_target to = file_target(ZB_RENDER_OFD, ZB_EMBED_SUBSET, path);
    return zb_notice_write(plan, fonts, options, &to, info, error);
}

ZB_API zb_status zb_ofd_notice_to_buffer(const zb_plan *plan, const zb_fontset *fonts,
                                         const zb_notice_options *options, char **out, size_t *len,
                                         zb_pdf_info *info, zb_error *error)
{
    if (out)
        *out = NULL; /* cleared whatever fails */
    if (len)
        *len = 0;
    zb_document_target to;
    memset(&to, 0, sizeof to);
    to.format = ZB_RENDER_OFD;
    to.out = out;
    to.len = len;
    return zb_notice_write(plan, fonts, options, &to, info, error);
}

ZB_API zb_status zb_pdf_notice_to_buffer(const zb_plan *plan, const zb_fontset *fonts,
                                         const zb_notice_options *options, char **out, size_t *len,
                                         zb_pdf_info *info, zb_error *error)
{
    zb_document_target to;
    memset(&to, 0, sizeof to);
    to.format = ZB_RENDER_PDF;
    to.embedding = ZB_EMBED_SUBSET;
    to.out = out;
    to.len = len;
    return zb_notice_write(plan, fonts, options, &to, info, error);
}
