/* The renderer: draws a display list with libharu. Fonts are subset per face (only the
 * characters the document draws) and embedded as CID TrueType fonts with UTF-8 text. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <hpdf.h>
#include <hpdf_utils.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render/pdf/render_pdf.h"

/* What libharu's error handler saw; one per document, so documents may be written from
 * several threads at once. */
typedef struct hpdf_ctx {
    HPDF_STATUS error_no;
    HPDF_STATUS detail_no;
    int sys_errno; /* errno when it was raised: the OS's reason for a file error */
} hpdf_ctx;

static void HPDF_STDCALL on_hpdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user)
{
    hpdf_ctx *ctx = user;
    if (!ctx->error_no) {
        ctx->error_no = error_no;
        ctx->detail_no = detail_no;
        ctx->sys_errno = errno;
    }
}

/* One font in the file: the faces that share a file and face index, and the code points
 * drawn with them. */
typedef struct font_use {
    const zb_face *face;
    unsigned char *bits; /* 65536 bits: which BMP code points are drawn */
    size_t count;
    const char *name;    /* libharu's name for it */
    HPDF_Font font;
} font_use;

typedef struct render {
    const zb_doc *doc;
    const char *path;
    zb_error *err;
    hpdf_ctx ctx;
    HPDF_Doc pdf;
    font_use *fonts;
    size_t nfonts, fonts_cap;
    HPDF_Image image;
    zb_buf scratch;
} render;

static zb_status nomem(render *r)
{
    return zb_error_set(r->err, ZB_ERR_NOMEM, "%s: out of memory", r->path);
}

static zb_status hpdf_fail(render *r, const char *what)
{
    if (r->ctx.error_no)
        return zb_error_set(r->err, ZB_ERR_PDF, "%s: libharu error 0x%04X (detail %u) while %s",
                            r->path, (unsigned)r->ctx.error_no, (unsigned)r->ctx.detail_no, what);
    return zb_error_set(r->err, ZB_ERR_PDF, "%s: libharu failed while %s", r->path, what);
}

/* Faces loaded separately from the same file and index are the same font in the PDF: two
 * fonts of one name would be taken for one by libharu. */
static font_use *font_for(render *r, const zb_face *face)
{
    for (size_t i = 0; i < r->nfonts; i++)
        if (r->fonts[i].face == face)
            return &r->fonts[i];
    for (size_t i = 0; i < r->nfonts; i++)
        if (zb_face_same(r->fonts[i].face, face))
            return &r->fonts[i];
    if (zb_grow((void **)&r->fonts, &r->fonts_cap, r->nfonts + 1, sizeof *r->fonts))
        return NULL;
    font_use *u = &r->fonts[r->nfonts];
    memset(u, 0, sizeof *u);
    u->face = face;
    u->bits = calloc(65536 / 8, 1);
    if (!u->bits)
        return NULL;
    r->nfonts++;
    return u;
}

static zb_status collect_fonts(render *r)
{
    const zb_doc *doc = r->doc;
    for (size_t i = 0; i < doc->count; i++) {
        const zb_item *it = &doc->items[i];
        if (it->kind != ZB_ITEM_TEXT)
            continue;
        font_use *u = font_for(r, it->face);
        if (!u)
            return nomem(r);
        const char *s = doc->pool.data + it->text;
        for (size_t k = 0; k < it->len;) {
            size_t n;
            uint32_t cp = zb_utf8_decode(s + k, &n);
            k += n;
            if (cp <= 0xFFFF && !(u->bits[cp >> 3] & (1u << (cp & 7)))) {
                u->bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
                u->count++;
            }
        }
    }
    return ZB_OK;
}

/* libharu 2.3.0 reads TrueType fonts from files only (HPDF_LoadTTFontFromFile). These are
 * the steps of that function (LoadTTFontFromStream in its hpdf_doc.c) on a memory stream, so
 * that a subset never touches the disk and the PDF is byte for byte what the file path
 * gave: the same font definition, the same subset tag (HPDFAA, HPDFAB, ...). */
static const char *load_tt_memory(HPDF_Doc pdf, const char *data, size_t len)
{
    if (len > 0x7FFFFFFF)
        return NULL;
    HPDF_Stream s = HPDF_MemStream_New(pdf->mmgr, (HPDF_UINT)len);
    if (!s)
        return NULL;
    if (HPDF_Stream_Write(s, (const HPDF_BYTE *)data, (HPDF_UINT)len) != HPDF_OK ||
        HPDF_Stream_Seek(s, 0, HPDF_SEEK_SET) != HPDF_OK) {
        HPDF_Stream_Free(s);
        return NULL;
    }
    /* The font definition owns the stream from here on, failed or not. */
    HPDF_FontDef def = HPDF_TTFontDef_Load(pdf->mmgr, s, HPDF_TRUE);
    if (!def)
        return NULL;
    HPDF_FontDef known = HPDF_Doc_FindFontDef(pdf, def->base_font);
    if (known) {
        HPDF_FontDef_Free(def);
        return known->base_font;
    }
    if (HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK) {
        HPDF_FontDef_Free(def);
        return NULL;
    }
    if (pdf->ttfont_tag[0] == 0) {
        memcpy(pdf->ttfont_tag, "HPDFAA", 6);
    } else {
        for (int i = 5; i >= 0; i--) {
            pdf->ttfont_tag[i] += 1;
            if (pdf->ttfont_tag[i] > 'Z')
                pdf->ttfont_tag[i] = 'A';
            else
                break;
        }
    }
    HPDF_TTFontDef_SetTagName(def, (char *)pdf->ttfont_tag);
    return def->base_font;
}

static int is_collection(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char tag[4] = {0};
    size_t n = fread(tag, 1, 4, f);
    fclose(f);
    return n == 4 && memcmp(tag, "ttcf", 4) == 0;
}

/* libharu 2.3.0 gives a UTF-8 font a ToUnicode CMap that uses cidrange operators, which
 * readers reject ("Invalid 'begincidrange' operator in ToUnicode CMap"). The codes of the
 * UTF-8 encoder are the Unicode values, so the right map is the identity over the code
 * points used, written here in place of libharu's. */
static void fix_to_unicode(render *r, font_use *u)
{
#if defined(HPDF_MAJOR_VERSION) && HPDF_MAJOR_VERSION == 2 && HPDF_MINOR_VERSION == 3
    HPDF_Dict cmap = HPDF_Dict_GetItem(u->font, "ToUnicode", HPDF_OCLASS_DICT);
    if (!cmap || !cmap->stream || cmap->stream->type != HPDF_STREAM_MEMORY)
        return;
    zb_buf *b = &r->scratch;
    b->len = 0;
    zb_buf_adds(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                   "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    /* One range per 256 code points that has any in use, at most 100 to a block. */
    int rows[256];
    int nrows = 0;
    for (int hi = 0; hi < 256; hi++) {
        int any = 0;
        for (int k = 0; k < 32 && !any; k++)
            any = u->bits[hi * 32 + k] != 0;
        if (any && (hi < 0xD8 || hi > 0xDF))
            rows[nrows++] = hi;
    }
    for (int i = 0; i < nrows; i += 100) {
        int m = nrows - i < 100 ? nrows - i : 100;
        zb_buf_addf(b, "%d beginbfrange\n", m);
        for (int j = i; j < i + m; j++)
            zb_buf_addf(b, "<%02X00> <%02XFF> <%02X00>\n", rows[j], rows[j], rows[j]);
        zb_buf_adds(b, "endbfrange\n");
    }
    zb_buf_adds(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    if (b->failed)
        return;
    HPDF_MemStream_FreeData(cmap->stream);
    HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b->data, (HPDF_UINT)b->len);
#else
    (void)r;
    (void)u;
#endif
}

/* libharu 2.3.0 maps every one of the 65,536 codes of a UTF-8 font to a glyph when it sets
 * the font up (CIDFontType2_New), and again for every character drawn, each time by a
 * linear scan of the font's cmap segments: a subset of a few hundred scattered characters
 * has about as many segments, so that was a quarter of a notice's time. The same map as one
 * segment over a table of the 65,536 glyph ids answers each code in one step. Only libharu's
 * parsed copy changes: the file embeds the cmap table as the font file has it. */
int zb_pdf_flatten_cmap(HPDF_Doc pdf, const char *name)
{
#if defined(HPDF_MAJOR_VERSION) && HPDF_MAJOR_VERSION == 2 && HPDF_MINOR_VERSION == 3
    HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
    if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE || !def->attr)
        return 0;
    HPDF_TTF_CmapRange *c = &((HPDF_TTFontDefAttr)def->attr)->cmap;
    unsigned segs = c->seg_count_x2 / 2u;
    if (c->format != 4 || segs == 0 || !c->end_count || !c->start_count || !c->id_delta ||
        !c->id_range_offset)
        return 0;
    HPDF_UINT16 *map = HPDF_GetMem(def->mmgr, 65536 * sizeof *map);
    HPDF_UINT16 *end = HPDF_GetMem(def->mmgr, sizeof *end);
    HPDF_UINT16 *start = HPDF_GetMem(def->mmgr, sizeof *start);
    HPDF_INT16 *delta = HPDF_GetMem(def->mmgr, sizeof *delta);
    HPDF_UINT16 *range = HPDF_GetMem(def->mmgr, sizeof *range);
    int ok = map && end && start && delta && range;
    /* HPDF_TTFontDef_GetGlyphid's answer for each code; the segment of code u is the first
     * whose end is at least u, which never moves back as u grows. */
    unsigned p = 0;
    for (uint32_t u = 0; ok && u <= 0xFFFF; u++) {
        while (p < segs && u > c->end_count[p])
            p++;
        if (p == segs) { /* no final 0xFFFF segment: leave libharu to it */
            ok = 0;
            break;
        }
        HPDF_UINT16 gid = 0;
        if (c->start_count[p] > u)
            gid = 0;
        else if (c->id_range_offset[p] == 0)
            gid = (HPDF_UINT16)(u + (uint32_t)(int32_t)c->id_delta[p]);
        else {
            HPDF_UINT idx = c->id_range_offset[p] / 2u + (u - c->start_count[p]) - (segs - p);
            if (c->glyph_id_array && idx < c->glyph_id_array_count)
                gid = (HPDF_UINT16)(c->glyph_id_array[idx] + (uint32_t)(int32_t)c->id_delta[p]);
        }
        map[u] = gid;
    }
    if (!ok) {
        HPDF_UINT16 *mine[] = {map, end, start, range};
        for (size_t i = 0; i < sizeof mine / sizeof mine[0]; i++)
            if (mine[i])
                HPDF_FreeMem(def->mmgr, mine[i]);
        if (delta)
            HPDF_FreeMem(def->mmgr, delta);
        HPDF_ResetError(pdf); /* a table that could not be made is no error of the file */
        return 0;
    }
    HPDF_FreeMem(def->mmgr, c->end_count);
    HPDF_FreeMem(def->mmgr, c->start_count);
    HPDF_FreeMem(def->mmgr, c->id_delta);
    HPDF_FreeMem(def->mmgr, c->id_range_offset);
    if (c->glyph_id_array)
        HPDF_FreeMem(def->mmgr, c->glyph_id_array);
    /* One segment, 0 to 0xFFFF, whose range offset makes glyph_id_array[u] the entry of u. */
    end[0] = 0xFFFF;
    start[0] = 0;
    delta[0] = 0;
    range[0] = 2;
    c->seg_count_x2 = 2;
    c->end_count = end;
    c->start_count = start;
    c->id_delta = delta;
    c->id_range_offset = range;
    c->glyph_id_array = map;
    c->glyph_id_array_count = 65536;
    return 1;
#else
    (void)pdf;
    (void)name;
    return 0;
#endif
}

static zb_status load_fonts(render *r, zb_font_embedding embedding)
{
    for (size_t i = 0; i < r->nfonts; i++) {
        font_use *u = &r->fonts[i];
        const char *name;
        if (embedding == ZB_EMBED_LIBHARU) {
            const char *file = zb_face_path(u->face);
            if (zb_face_in_memory(u->face))
                return zb_error_set(r->err, ZB_ERR_ARGUMENT,
                                    "%s: %s is a font given as bytes; embedding whole fonts needs a file",
                                    r->path, file);
            if (is_collection(file))
                name = HPDF_LoadTTFontFromFile2(r->pdf, file, (HPDF_UINT)zb_face_index(u->face),
                                                HPDF_TRUE);
            else
                name = HPDF_LoadTTFontFromFile(r->pdf, file, HPDF_TRUE);
        } else {
            uint32_t *cps = malloc((u->count ? u->count : 1) * sizeof *cps);
            if (!cps)
                return nomem(r);
            size_t n = 0;
            for (uint32_t cp = 0; cp <= 0xFFFF; cp++)
                if (u->bits[cp >> 3] & (1u << (cp & 7)))
                    cps[n++] = cp;
            char *data = NULL;
            size_t len = 0;
            zb_status st = zb_face_subset(u->face, cps, n, &data, &len, r->err);
            free(cps);
            if (st)
                return st;
            name = load_tt_memory(r->pdf, data, len);
            free(data);
        }
        if (!name) {
            char what[600];
            snprintf(what, sizeof what, "loading the font %s (face %d)", zb_face_path(u->face),
                     zb_face_index(u->face));
            return hpdf_fail(r, what);
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(r->fonts[j].name, name) == 0)
                return zb_error_set(r->err, ZB_ERR_PDF,
                                    "%s: the fonts %s and %s have the same name (%s); a PDF "
                                    "cannot hold both",
                                    r->path, zb_face_path(r->fonts[j].face),
                                    zb_face_path(u->face), name);
        u->name = name;
        if (embedding != ZB_EMBED_SUBSET_UNFLATTENED)
            zb_pdf_flatten_cmap(r->pdf, name);
        u->font = HPDF_GetFont(r->pdf, name, "UTF-8");
        if (!u->font)
            return hpdf_fail(r, "setting up a font for UTF-8 text");
        fix_to_unicode(r, u);
    }
    return ZB_OK;
}

/* Drawing state of a page, so that operators are written only when something changes. */
typedef struct pen {
    int in_text;
    HPDF_Font font;
    double size, char_space, hscale;
    int fill, stroke;
    double line_width;
} pen;

static void set_fill(HPDF_Page page, pen *p, int ink)
{
    if (p->fill == ink)
        return;
    if (ink == ZB_INK_RED)
        HPDF_Page_SetCMYKFill(page, ZB_RED_C, ZB_RED_M, ZB_RED_Y, ZB_RED_K);
    else if (ink == ZB_INK_GREY)
        HPDF_Page_SetGrayFill(page, ZB_GREY_LEVEL);
    else
        HPDF_Page_SetGrayFill(page, 0);
    p->fill = ink;
}

static void set_stroke(HPDF_Page page, pen *p, int ink)
{
    if (p->stroke == ink)
        return;
    if (ink == ZB_INK_RED)
        HPDF_Page_SetCMYKStroke(page, ZB_RED_C, ZB_RED_M, ZB_RED_Y, ZB_RED_K);
    else if (ink == ZB_INK_GREY)
        HPDF_Page_SetGrayStroke(page, ZB_GREY_LEVEL);
    else
        HPDF_Page_SetGrayStroke(page, 0);
    p->stroke = ink;
}

static void end_text(HPDF_Page page, pen *p)
{
    if (p->in_text)
        HPDF_Page_EndText(page);
    p->in_text = 0;
}

static zb_status draw_text(render *r, HPDF_Page page, pen *p, const zb_item *it)
{
    font_use *u = font_for(r, it->face);
    if (!u)
        return nomem(r);
    if (!p->in_text) {
        HPDF_Page_BeginText(page);
        p->in_text = 1;
    }
    set_fill(page, p, it->ink);
    if (p->font != u->font || p->size != it->size) {
        HPDF_Page_SetFontAndSize(page, u->font, (HPDF_REAL)it->size);
        p->font = u->font;
        p->size = it->size;
    }
    zb_buf *b = &r->scratch;
    b->len = 0;
    zb_buf_add(b, r->doc->pool.data + it->text, it->len);
    if (b->failed)
        return nomem(r);
    double tc = it->char_space, th = it->hscale;
    /* libharu refuses character spacing outside -30..300 pt and horizontal scaling outside
     * 10..300 %; such a run is drawn a glyph at a time, each where the run puts it. */
    int whole = tc >= -30 && tc <= 300 && th >= 0.1 && th <= 3;
    if (!whole)
        tc = 0, th = 1;
    if (p->char_space != tc) {
        HPDF_Page_SetCharSpace(page, (HPDF_REAL)tc);
        p->char_space = tc;
    }
    if (p->hscale != th) {
        HPDF_Page_SetHorizontalScalling(page, (HPDF_REAL)(th * 100));
        p->hscale = th;
    }
    double y = ZB_PAGE_HEIGHT - it->y;
    if (whole) {
        HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, (HPDF_REAL)it->x, (HPDF_REAL)y);
        HPDF_Page_ShowText(page, b->data);
        return ZB_OK;
    }
    double x = it->x;
    for (size_t k = 0; k < b->len;) {
        size_t n;
        uint32_t cp = zb_utf8_decode(b->data + k, &n);
        char one[8];
        memcpy(one, b->data + k, n);
        one[n] = '\0';
        k += n;
        HPDF_Page_SetTextMatrix(page, (HPDF_REAL)it->hscale, 0, 0, 1, (HPDF_REAL)x, (HPDF_REAL)y);
        HPDF_Page_ShowText(page, one);
        x += (zb_face_advance(it->face, cp) * it->size / 1000.0 + it->char_space) * it->hscale;
    }
    return ZB_OK;
}

static int cmp_order(const void *a, const void *b)
{
    const zb_item *x = *(const zb_item *const *)a, *y = *(const zb_item *const *)b;
    if (x->page != y->page)
        return x->page < y->page ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

static zb_status draw_pages(render *r)
{
    const zb_doc *doc = r->doc;
    const zb_item **order = malloc((doc->count ? doc->count : 1) * sizeof *order);
    if (!order)
        return nomem(r);
    for (size_t i = 0; i < doc->count; i++)
        order[i] = &doc->items[i];
    qsort(order, doc->count, sizeof *order, cmp_order);
    zb_status st = ZB_OK;
    size_t k = 0;
    for (int pg = 0; pg < doc->pages && !st; pg++) {
        HPDF_Page page = HPDF_AddPage(r->pdf);
        if (!page) {
            st = hpdf_fail(r, "adding a page");
            break;
        }
        HPDF_Page_SetWidth(page, (HPDF_REAL)ZB_PAGE_WIDTH);
        HPDF_Page_SetHeight(page, (HPDF_REAL)ZB_PAGE_HEIGHT);
        pen p = {0, NULL, 0, 0, 1, 0, 0, 1};
        for (; k < doc->count && order[k]->page == pg && !st; k++) {
            const zb_item *it = order[k];
            if (it->kind == ZB_ITEM_TEXT) {
                st = draw_text(r, page, &p, it);
                continue;
            }
            end_text(page, &p);
            if (it->kind == ZB_ITEM_RULE) {
                set_stroke(page, &p, it->ink);
                if (p.line_width != it->h) {
                    HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->h);
                    p.line_width = it->h;
                }
                HPDF_Page_MoveTo(page, (HPDF_REAL)it->x, (HPDF_REAL)(ZB_PAGE_HEIGHT - it->y));
                HPDF_Page_LineTo(page, (HPDF_REAL)it->x2, (HPDF_REAL)(ZB_PAGE_HEIGHT - it->y2));
                HPDF_Page_Stroke(page);
            } else if (r->image) {
                HPDF_Page_DrawImage(page, r->image, (HPDF_REAL)it->x,
                                    (HPDF_REAL)(ZB_PAGE_HEIGHT - it->y - it->h), (HPDF_REAL)it->w,
                                    (HPDF_REAL)it->h);
            }
        }
        end_text(page, &p);
        if (!st && r->ctx.error_no)
            st = hpdf_fail(r, "drawing a page");
    }
    free(order);
    return st;
}

static void set_date(render *r, HPDF_InfoType type, time_t t)
{
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return;
    HPDF_Date d;
    memset(&d, 0, sizeof d);
    d.year = tm.tm_year + 1900;
    d.month = tm.tm_mon + 1;
    d.day = tm.tm_mday;
    d.hour = tm.tm_hour;
    d.minutes = tm.tm_min;
    d.seconds = tm.tm_sec;
    d.ind = 'Z';
    HPDF_SetInfoDateAttr(r->pdf, type, d);
}

/* The seal from its decoded pixels: an RGB image, and its alpha as a soft mask (PDF 1.4) so
 * that what is transparent in the PNG lets the text under the seal show. */
static zb_status load_image(render *r, const zb_image *img)
{
    r->image = HPDF_LoadRawImageFromMem(r->pdf, img->rgb, img->width, img->height,
                                        HPDF_CS_DEVICE_RGB, 8);
    if (!r->image)
        return hpdf_fail(r, "adding the seal image");
    if (img->alpha) {
        HPDF_Image mask = HPDF_LoadRawImageFromMem(r->pdf, img->alpha, img->width, img->height,
                                                   HPDF_CS_DEVICE_GRAY, 8);
        if (!mask || HPDF_Image_AddSMask(r->image, mask) != HPDF_OK)
            return hpdf_fail(r, "adding the seal image's transparency");
#if defined(HPDF_MAJOR_VERSION) && HPDF_MAJOR_VERSION == 2 && HPDF_MINOR_VERSION == 3
        /* A soft mask needs PDF 1.4; libharu 2.3.0 has no call that says so. */
        if (r->pdf->pdf_version < HPDF_VER_14)
            r->pdf->pdf_version = HPDF_VER_14;
#endif
    }
    return ZB_OK;
}

static zb_status render_all(render *r, const zb_render_options *o, char **out, size_t *bytes)
{
    zb_status st = collect_fonts(r);
    if (st)
        return st;
    r->pdf = HPDF_New(on_hpdf_error, &r->ctx);
    if (!r->pdf)
        return nomem(r);
    HPDF_SetCompressionMode(r->pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(r->pdf);
    HPDF_SetCurrentEncoder(r->pdf, "UTF-8");
    if (r->ctx.error_no)
        return hpdf_fail(r, "setting up the document");
    st = load_fonts(r, o->embedding);
    if (st)
        return st;
    int images = 0;
    for (size_t i = 0; i < r->doc->count; i++)
        images |= r->doc->items[i].kind == ZB_ITEM_IMAGE;
    if (images && r->doc->image) {
        st = load_image(r, r->doc->image);
        if (st)
            return st;
    }
    st = draw_pages(r);
    if (st)
        return st;

    if (o->title && *o->title)
        HPDF_SetInfoAttr(r->pdf, HPDF_INFO_TITLE, o->title);
    if (o->author && *o->author)
        HPDF_SetInfoAttr(r->pdf, HPDF_INFO_AUTHOR, o->author);
    HPDF_SetInfoAttr(r->pdf, HPDF_INFO_CREATOR, "zhibiao " ZB_VERSION);
    set_date(r, HPDF_INFO_CREATION_DATE, o->created);
    if (r->ctx.error_no)
        return hpdf_fail(r, "setting the document properties");

    /* Saved to memory (libharu's own stream), then handed over or written out: no scratch
     * file, and the same bytes either way. */
    if (HPDF_SaveToStream(r->pdf) != HPDF_OK)
        return hpdf_fail(r, "writing the document");
    HPDF_UINT32 size = HPDF_GetStreamSize(r->pdf);
    char *data = malloc(size ? size : 1);
    if (!data)
        return nomem(r);
    HPDF_UINT32 done = 0;
    while (done < size) {
        HPDF_UINT32 n = size - done;
        HPDF_STATUS rs = HPDF_ReadFromStream(r->pdf, (HPDF_BYTE *)data + done, &n);
        done += n;
        if (rs != HPDF_OK && rs != HPDF_STREAM_EOF)
            break;
        if (n == 0)
            break;
    }
    if (done != size) {
        free(data);
        return hpdf_fail(r, "reading back the document");
    }
    *bytes = size;
    if (out) {
        *out = data;
        return ZB_OK;
    }
    st = zb_write_file(r->path, "pdf", data, size, r->err);
    free(data);
    return st;
}

/* Draws the document to path, or to memory when out is given. */
static zb_status render_doc(const zb_doc *doc, const char *path, const zb_render_options *options, char **out,
                            size_t *bytes, zb_error *err)
{
    render r;
    memset(&r, 0, sizeof r);
    r.doc = doc;
    r.path = path;
    r.err = err;
    zb_render_options defaults;
    memset(&defaults, 0, sizeof defaults);
    size_t size = 0;
    if (out)
        *out = NULL;
    zb_status st = render_all(&r, options ? options : &defaults, out, &size);
    if (bytes)
        *bytes = size;
    if (r.pdf)
        HPDF_Free(r.pdf);
    for (size_t i = 0; i < r.nfonts; i++)
        free(r.fonts[i].bits);
    free(r.fonts);
    zb_buf_free(&r.scratch);
    return st;
}

zb_status zb_pdf_render(const zb_doc *doc, const char *path, const zb_render_options *options, size_t *bytes,
                        zb_error *err)
{
    return render_doc(doc, path, options, NULL, bytes, err);
}

zb_status zb_pdf_render_to_memory(const zb_doc *doc, const zb_render_options *options, char **out, size_t *len,
                                  zb_error *err)
{
    return render_doc(doc, ZB_IN_MEMORY, options, out, len, err);
}

/* ---- libharu's byte helpers ------------------------------------------------------------ */

/* libharu (2.3.0, and 2.4 alike) copies and clears memory with HPDF_MemCpy() and
 * HPDF_MemSet(), loops of one byte at a time, and calls them through its PLT. Each font of
 * each document costs it a 128 KB table cleared and its 65,536 entries copied two bytes at
 * a time (CIDFontType2_New), and every font program and stream is copied through them:
 * about a fifth of a notice's instructions. zhibiao defines both here with the same results,
 * and the dynamic linker binds libharu's calls to them, as it binds libxlsxwriter's to
 * core_props.c, since zhibiao (or the program it is linked into) comes before libharu in
 * the lookup order. Where it does not, libharu's own loops run: the same bytes, slower.
 * They live in this file so that a static link that renders PDF has them too. */
/* Copies n bytes forward and returns out + n. libharu's loop copies one byte at a time from
 * the first: where out lies inside [in, in + n) that repeats the head, and so does this. */
__attribute__((visibility("default"))) HPDF_BYTE *HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
    if (n == 0)
        return out;
    uintptr_t o = (uintptr_t)out, i = (uintptr_t)in;
    /* Most calls copy two or four bytes: a call to memmove would cost more than they do. */
    if (n <= 16 || (o > i && o - i < n)) {
        while (n > 0) {
            *out++ = *in++;
            n--;
        }
        return out;
    }
    memmove(out, in, n);
    return out + n;
}

/* Sets n bytes to c and returns s + n. */
__attribute__((visibility("default"))) void *HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
    if (n == 0)
        return s;
    memset(s, c, n);
    return (HPDF_BYTE *)s + n;
}
