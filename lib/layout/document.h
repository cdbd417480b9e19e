/* The GB/T 9704 layout engine's input: what an official document says, as plain data,
 * so that every content builder (the notice from a plan, the bulletin from an evaluation,
 * lib/content) is laid out by the same code — 版头, title, 主送机关, body, 附件说明, signature,
 * date and 附注, the text a notice issues, attachments, 版记 and page numbers — into pages
 * (layout/layout.h) that any renderer draws (lib/render). The engine never knows which
 * renderer draws; content builders never lay out. Not installed. */
#ifndef ZB_LAYOUT_DOCUMENT_H
#define ZB_LAYOUT_DOCUMENT_H

#include <time.h>

#include "layout/chart.h"
#include "layout/table.h"
#include "zhibiao/pdf.h"

/* A table as content: the engine draws it with lib/layout/table.c, the header repeated on
 * every page and the merged column split into one cell per page. */
typedef struct zb_table_row {
    const char *const *cells; /* one text a column; a line feed is a forced break */
    unsigned strong;          /* bit c set: column c in the heading face */
    size_t group;             /* consecutive rows of one group share the merged column's cell */
    const char *where;        /* the row in messages, e.g. "indicator 12" */
} zb_table_row;

typedef struct zb_table_content {
    zb_table_spec spec;              /* columns, widths, centring, merged column, type size */
    const char *const *header;       /* the header's texts, one a column */
    const char *const *where_suffix; /* a column's name in messages after the row's where,
                                        e.g. " name"; NULL = none */
    const zb_table_row *rows;
    size_t row_count;
} zb_table_content;

/* A block of the body: text, or a figure. */
typedef struct zb_block {
    /* 0 = paragraphs; 1..4 = a heading of the levels 一、 (一) 1. (1); -1 = read the level of
     * each paragraph from its numbering. */
    int level;
    const char *text;   /* one paragraph a line */
    int centered;       /* set centred on its lines, without indent (a figure's caption) */
    /* A chart instead of text, when set: figure_height points on whole grid lines, across
     * the type area, on a new page when the rest of this one is too short. */
    const zb_chart *chart;
    double figure_height;
    /* For messages about the text: where, followed by where_number unless it is 0
     * ("body block 3"). */
    const char *where;
    size_t where_number;
} zb_block;

typedef enum zb_attached_kind {
    ZB_ATTACHED_TEXT = 0, /* text: paragraphs, one a line, levels from the numbering */
    ZB_ATTACHED_LIST = 1, /* items joined with 、 in one paragraph (the unit list) */
    ZB_ATTACHED_TABLE = 2 /* a table */
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
    const zb_table_content *table; /* ZB_ATTACHED_TABLE */
} zb_attached;

/* Everything a document prints. Strings may be NULL or "" for none; an element whose data
 * is missing is left out. Nothing is copied: the content lives through the call. */
typedef struct zb_document {
    int masthead;           /* the 版头's form: a zb_masthead */
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
    const void *seal_data; /* the seal as PNG bytes instead of a file; implies sealed */
    size_t seal_size;
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
    /* Names the titles keep whole when broken over lines, besides the built-in lexicon
     * (zb_title_words()): the organ's, the units', the categories'. */
    const char *const *words;
    size_t word_count;
    /* Document properties. */
    const char *info_title;
    const char *info_author;
    time_t created;
} zb_document;

/* The seal as the layout needs it: its size in pixels, which gives its height at the
 * printed width. The renderers draw the decoded pixels (zb_doc.image). */
typedef struct zb_seal_size {
    double width, height;
} zb_seal_size;

/* Lays content out into pages, which the caller has set up with zb_doc_init() on a complete
 * fontset and frees with zb_doc_free(); seal is NULL when content has none. Errors (a
 * character no font has, naming where) go to pages->err. */
zb_status zb_layout_document(const zb_document *content, const zb_seal_size *seal, zb_doc *pages);

#endif /* ZB_LAYOUT_DOCUMENT_H */
