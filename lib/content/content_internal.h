/* Content builders: what a notice or a bulletin says — from a plan, and from its evaluation —
 * as a zb_document for the layout engine (lib/layout), and the one path every official
 * document takes to a file: lay out, then render. Builders never lay out; the engine never
 * reads a plan. Not installed. */
#ifndef ZB_CONTENT_INTERNAL_H
#define ZB_CONTENT_INTERNAL_H

#include "layout/document.h"
#include "render/render.h"
#include "zhibiao/ofd.h"
#include "zhibiao/pdf.h"

/* ---- strings a builder owns until the document is written ---- */
typedef struct zb_owned {
    char **items;
    size_t count, cap;
} zb_owned;
/* Takes buf's text (the buffer is reset); NULL when out of memory or buf failed. */
char *zb_own(zb_owned *o, zb_buf *buf);
void zb_owned_free(zb_owned *o);

/* ---- the plan's own words, kept whole in titles ---- */
/* The names a plan gives (organ, signature, printer, the units' short and full names, the
 * categories) as plain strings owned by the plan, in an array the caller frees; *count
 * receives their number. NULL when out of memory. */
const char **zb_plan_title_words(const zb_plan *plan, size_t *count);

/* ---- sizing table columns to their texts ---- */
/* The type area's width (156 mm) and the room a table keeps on each side of a cell's text. */
#define ZB_TYPE_AREA_PT (156.0 / 25.4 * 72.0)
#define ZB_CELL_PAD_PT 3.5
/* Width of the longest line of s in ems: a full-width character is one, anything else a
 * little over half (enough to size a column; the layout engine measures exactly). */
double zb_text_ems(const char *s);

/* ---- the target table (序号, 类别, 指标名称, [计量单位, 属性, 基期值], a 目标值 per year,
 * 责任单位, [备注]): the columns the target table workbook shows ---- */
typedef struct zb_targets_table {
    zb_table_content content;
    zb_table_row *rows;
    const char **cells; /* rows × columns */
    zb_owned strings;
    size_t columns;
    double fracs[ZB_TABLE_COLS_MAX];
    int center[ZB_TABLE_COLS_MAX];
    const char *where[ZB_TABLE_COLS_MAX];
} zb_targets_table;
/* Fills t from plan; 0, -1 when out of memory, -2 when the target years are more than the
 * columns a page holds (ZB_TARGETS_YEARS_MAX with every other column). Free with
 * zb_targets_table_free(). */
int zb_targets_table_build(const zb_plan *plan, zb_targets_table *t);
void zb_targets_table_free(zb_targets_table *t);

/* ---- from content to file ---- */
/* Where a document goes, and in which format. */
typedef struct zb_document_target {
    zb_render_format format;
    zb_font_embedding embedding; /* PDF only */
    const char *path;            /* a file; NULL: memory, into *out (free()) and *len */
    char **out;
    size_t *len;
} zb_document_target;

/* What every document writer checks first: clears error and info (may be NULL), then
 * wants a plan, a target naming a path or a place for the bytes (which it clears), and the
 * plan's texts fit for a document (refused with their field, not met half-way). */
zb_status zb_document_begin(const zb_plan *plan, const zb_document_target *to, zb_pdf_info *info,
                            zb_error *error);

/* Lays content out and writes it where to says, in its format: checks the seal, fills the
 * roles that fonts lacks (NULL = the defaults) on a fontset of its own, lays out, renders.
 * info may be NULL. */
zb_status zb_document_write(const zb_document *content, const zb_fontset *fonts,
                            const zb_document_target *to, zb_pdf_info *info, zb_error *error);

/* The notice of plan, written where to says. */
zb_status zb_notice_write(const zb_plan *plan, const zb_fontset *fonts,
                          const zb_notice_options *options, const zb_document_target *to,
                          zb_pdf_info *info, zb_error *error);

/* The bulletin of plan at period, written where to says. */
zb_status zb_bulletin_write(const zb_plan *plan, const zb_fontset *fonts, const char *period,
                            const zb_bulletin_options *options, const zb_document_target *to,
                            zb_pdf_info *info, zb_error *error);

/* zb_pdf_write_notice() with a choice of font embedding. */
zb_status zb_pdf_write_notice_embedding(const zb_plan *plan, const zb_fontset *fonts,
                                        const char *path, const zb_notice_options *options,
                                        zb_font_embedding embedding, zb_pdf_info *info,
                                        zb_error *error);

/* For the benchmark: the same notice with every font embedded by libharu's own loader from
 * the whole font file (HPDF_LoadTTFontFromFile, or HPDF_LoadTTFontFromFile2 for a .ttc). */
static inline zb_status zb_pdf_write_notice_libharu_fonts(const zb_plan *plan,
                                                          const zb_fontset *fonts,
                                                          const char *path,
                                                          const zb_notice_options *options,
                                                          zb_pdf_info *info, zb_error *error)
{
    return zb_pdf_write_notice_embedding(plan, fonts, path, options, ZB_EMBED_LIBHARU, info, error);
}

/* For the benchmark: the same notice, its subsets' cmaps left as they are for libharu to
 * scan code by code (ZB_EMBED_SUBSET_UNFLATTENED): the same bytes, the time before the
 * flattening. */
static inline zb_status zb_pdf_write_notice_unflattened(const zb_plan *plan, const zb_fontset *fonts,
                                                        const char *path, const zb_notice_options *options,
                                                        zb_pdf_info *info, zb_error *error)
{
    return zb_pdf_write_notice_embedding(plan, fonts, path, options, ZB_EMBED_SUBSET_UNFLATTENED, info, error);
}

/* ---- the bulletin (bulletin.c): its content from an evaluation, kept for the tests ---- */
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
    zb_owned strings;       /* every string above and in the table, owned */
    const char **recipients, **copy_to;
    const char **words;     /* the plan's names, kept whole in titles */
    zb_table_content table; /* the progress table, the attachment */
    zb_table_row *rows;
    const char **cells;
    size_t columns;         /* of the table: the seed's nine, and 计量单位, 属性, 基期值 when the plan has them */
    int extra_columns;      /* more than the nine: widths fitted to the texts */
    double fracs[ZB_TABLE_COLS_MAX];
    int center[ZB_TABLE_COLS_MAX];
    const char *head[ZB_TABLE_COLS_MAX];
    const char *where[ZB_TABLE_COLS_MAX];
    zb_attached attachment;
    zb_document doc;        /* ready for zb_document_write() */
} zb_bulletin;

/* The quarter (1..4) of a month (1..12). */
int zb_bulletin_quarter(int month);
/* Builds the bulletin's content from plan and its evaluation. */
zb_status zb_bulletin_build(const zb_plan *plan, const zb_progress *progress,
                            const zb_bulletin_options *options, zb_bulletin *b, zb_error *error);
void zb_bulletin_free(zb_bulletin *b);

#endif /* ZB_CONTENT_INTERNAL_H */
