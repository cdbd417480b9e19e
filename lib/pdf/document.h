/* The official-document engine: what a GB/T 9704 document says, handed to the layout as
 * plain content, so that the notice (filled from a plan) and the bulletin (filled from an
 * evaluation) are laid out by the same code: 版头, title, 主送机关, body, 附件说明, signature,
 * date and 附注, the text a notice issues, attachments, 版记 and page numbers. Not installed. */
#ifndef ZB_PDF_DOCUMENT_H
#define ZB_PDF_DOCUMENT_H

#include <time.h>

#include "pdf/pdf_internal.h"

/* Draws a figure into the box (x, y, w, h) of page, y from the page's top. */
typedef zb_status (*zb_figure_fn)(const void *ctx, zb_doc *doc, int page, double x, double y, double w,
                                  double h);
/* Draws something that flows over pages (a table) from (*page, *y) down, onto new pages as
 * needed; on return *page and *y are where it ends. */
typedef zb_status (*zb_flow_fn)(const void *ctx, zb_doc *doc, int *page, double *y);

/* A block of the body: text, or a figure. */
typedef struct zb_block {
    /* 0 = paragraphs; 1..4 = a heading of the levels 一、 (一) 1. (1); -1 = read the level of
     * each paragraph from its numbering. */
    int level;
    const char *text;   /* one paragraph a line */
    int centered;       /* set centred on its lines, without indent (a figure's caption) */
    /* A figure instead of text, when set: figure_height points on whole grid lines, across
     * the type area, on a new page when the rest of this one is too short. */
    zb_figure_fn figure;
    const void *figure_ctx;
    double figure_height;
    /* For messages about the text: where, followed by where_number unless it is 0
     * ("body block 3"). */
    const char *where;
    size_t where_number;
} zb_block;

typedef enum zb_attached_kind {
    ZB_ATTACHED_TEXT = 0, /* text: paragraphs, one a line, levels from the numbering */
    ZB_ATTACHED_LIST = 1, /* items joined with 、 in one paragraph (the unit list) */
    ZB_ATTACHED_FLOW = 2  /* drawn by flow (a table) */
} zb_attached_kind;

/* An attachment (附件): named in the 附件说明, then on pages of its own. */
typedef struct zb_attached {
    int number; /* as in 附件N; 0 = 附件 without a number (a document's only attachment) */
    const char *title;
    zb_attached_kind kind;
    const char *text;           /* ZB_ATTACHED_TEXT */
    const char *const *items;   /* ZB_ATTACHED_LIST */
    size_t item_count;
    const char *item_where;     /* what an item is called in messages: "unit" -> "unit 3" */
    zb_flow_fn flow;            /* ZB_ATTACHED_FLOW */
    const void *flow_ctx;
} zb_attached;

/* Everything a document prints. Strings may be NULL or "" for none; an element whose data
 * is missing is left out. Nothing is copied: the content lives through the call. */
typedef struct zb_document {
    const char *organ;      /* 发文机关 */
    const char *organ_mark; /* 发文机关标志; "" = organ + 文件 */
    const char *doc_number; /* 发文字号 */
    const char *title;
    const char *const *recipients;
    size_t recipient_count;
    const zb_block *body;
    size_t body_count;
    const zb_attached *attachments; /* named in the 附件说明, printed unless omit_attachments */
    size_t attachment_count;
    int omit_attachments;
    const char *signature; /* printed as given: the caller falls back to the organ */
    zb_date date;          /* 成文日期 */
    const char *note;      /* 附注 */
    const char *seal_png;  /* implies sealed */
    int sealed;
    /* The text a notice issues (印发…的通知): after the signature, on a new page. */
    const char *annex_title;
    const zb_block *annex;
    size_t annex_count;
    /* 版记 */
    int omit_imprint;
    const char *const *copy_to;
    size_t copy_to_count;
    const char *printer;
    zb_date printed;
    /* Document properties. */
    const char *info_title;
    const char *info_author;
    time_t created;
} zb_document;

/* Lays the content out and writes it to path: checks the seal, fills the roles that fonts
 * lacks (NULL = the defaults) on a fontset of its own, lays out, renders. info may be NULL. */
zb_status zb_document_write(const zb_document *content, const zb_fontset *fonts, const char *path,
                            zb_font_embedding embedding, zb_pdf_info *info, zb_error *error);

/* ---- the bulletin (bulletin.c): its content from an evaluation, kept for the tests ---- */

#include "pdf/chart.h"

typedef struct zb_bulletin {
    const zb_plan *plan;
    const zb_progress *progress;
    int year, month, quarter;
    zb_date date;           /* the last day of the period's month */
    char *title;
    char *attachment_title; /* 2024年6月指标进展情况表 */
    size_t counts[ZB_STANDING_COUNT];
    zb_block *body;
    size_t body_count, body_cap;
    zb_chart chart;         /* completion by category; no bars when nothing is cumulative */
    zb_chart_bar *bars;
    char **strings;         /* every string above, owned */
    size_t string_count, string_cap;
    const char **recipients, **copy_to;
    zb_attached attachment;
    zb_document doc;        /* ready for zb_document_write() */
} zb_bulletin;

/* The quarter (1..4) of a month (1..12). */
int zb_bulletin_quarter(int month);
/* Builds the bulletin's content from plan and its evaluation. */
zb_status zb_bulletin_build(const zb_plan *plan, const zb_progress *progress,
                            const zb_bulletin_options *options, zb_bulletin *b, zb_error *error);
void zb_bulletin_free(zb_bulletin *b);

#endif /* ZB_PDF_DOCUMENT_H */
