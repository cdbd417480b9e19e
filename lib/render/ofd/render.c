/* The OFD renderer: the pages of the layout engine as a GB/T 33190-2016 package, built in
 * memory with libzip.
 *
 *   OFD.xml                        the entry: document information, where the document is
 *   Doc_0/Document.xml             page area (A4, mm), resources, the pages
 *   Doc_0/PublicRes.xml            the fonts
 *   Doc_0/DocumentRes.xml          the seal (only when there is one)
 *   Doc_0/Pages/Page_N/Content.xml one layer of text, path and image objects per page
 *   Doc_0/Res/font_N.ttf           one TrueType subset per face, as the PDF embeds it
 *   Doc_0/Res/image_0.png          the seal: the PDF's pixels, with their transparency
 *
 * Units are millimetres; positions are written to 0.01 mm. Each character lands where the
 * PDF renderer's text operators put it: the origin of a run, then the face's advance plus
 * the run's character spacing, scaled horizontally, for each next one (DeltaX). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "render/ofd/render_ofd.h"

#define NS "http://www.ofdspec.org/2016"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define PT_TO_MM (25.4 / 72.0)

/* One part of the package. */
typedef struct part {
    char *name;
    char *data;
    size_t len;
    int store; /* already compressed (PNG): stored, not deflated */
} part;

/* One font file: the faces that share a file and face index, and the code points drawn
 * with them (as in the PDF, where they are one font). */
typedef struct font_file {
    const zb_face *face;
    unsigned char *bits; /* 65536 bits: which BMP code points are drawn */
    size_t count;
} font_file;

/* One font resource: a font file in one role, named after the role's standard face. */
typedef struct font_res {
    size_t file;
    zb_font_role role;
    unsigned id;
} font_res;

typedef struct ofd {
    const zb_doc *doc;
    const zb_render_options *o;
    zb_error *err;
    font_file *files;
    size_t nfiles, files_cap;
    font_res *res;
    size_t nres, res_cap;
    part *parts;
    size_t nparts, parts_cap;
    unsigned next_id;
    unsigned image_id; /* 0: no image drawn */
    const zb_item **order;
    zb_buf xml;
} ofd;

static zb_status nomem(ofd *w)
{
    return zb_error_set(w->err, ZB_ERR_NOMEM, "out of memory while writing the OFD package");
}

/* ---------------------------------------------------------------------------------- */
/* Parts and small writers */

/* Takes the XML buffer's text as the part called name. */
static zb_status add_part(ofd *w, const char *name, char *data, size_t len, int store)
{
    if (zb_grow((void **)&w->parts, &w->parts_cap, w->nparts + 1, sizeof *w->parts)) {
        free(data);
        return nomem(w);
    }
    part *p = &w->parts[w->nparts];
    p->name = zb_strdup(name);
    if (!p->name) {
        free(data);
        return nomem(w);
    }
    p->data = data;
    p->len = len;
    p->store = store;
    w->nparts++;
    return ZB_OK;
}

static zb_status add_xml_part(ofd *w, const char *name)
{
    if (w->xml.failed)
        return nomem(w);
    size_t len = w->xml.len;
    char *data = zb_buf_take(&w->xml);
    if (!data)
        return nomem(w);
    return add_part(w, name, data, len, 0);
}

static void put(ofd *w, const char *s) { zb_buf_adds(&w->xml, s); }

static void put_text(ofd *w, const char *s, size_t n) { zb_xml_escape(&w->xml, s, n, 0); }

/* name="value" with value escaped. */
static void put_attr(ofd *w, const char *name, const char *value)
{
    zb_buf_addf(&w->xml, " %s=\"", name);
    zb_xml_escape(&w->xml, value, strlen(value), 1);
    zb_buf_addc(&w->xml, '"');
}

static void put_uint_attr(ofd *w, const char *name, unsigned v)
{
    zb_buf_addf(&w->xml, " %s=\"%u\"", name, v);
}

/* A length in hundredths of a millimetre, as millimetres. */
static void put_cmm(ofd *w, long long v) { zb_xml_number(&w->xml, (double)v / 100.0, 2); }

static long long to_cmm(double pt) { return llround(pt * PT_TO_MM * 100.0); }

/* "x y w h" in hundredths of a millimetre. */
static void put_box(ofd *w, long long x, long long y, long long width, long long height)
{
    put(w, " Boundary=\"");
    put_cmm(w, x);
    put(w, " ");
    put_cmm(w, y);
    put(w, " ");
    put_cmm(w, width);
    put(w, " ");
    put_cmm(w, height);
    put(w, "\"");
}

/* The PDF's inks in RGB: black, the red of the 版头 (CMYK ZB_RED_* of layout.h, 0 80 80 0:
 * 255 × (1 − 0.8) = 51), a chart's grey. */
static const char *ink_rgb(int ink)
{
    static const char red[] = "255 51 51";
    switch (ink) {
    case ZB_INK_RED: return red;
    case ZB_INK_GREY: return "158 158 158"; /* 0.62 of 255 */
    default: return "0 0 0";
    }
}

/* ---------------------------------------------------------------------------------- */
/* Fonts */

static font_file *file_for(ofd *w, const zb_face *face, size_t *index)
{
    for (size_t i = 0; i < w->nfiles; i++)
        if (w->files[i].face == face ||
            (zb_face_index(w->files[i].face) == zb_face_index(face) &&
             strcmp(zb_face_path(w->files[i].face), zb_face_path(face)) == 0)) {
            *index = i;
            return &w->files[i];
        }
    if (zb_grow((void **)&w->files, &w->files_cap, w->nfiles + 1, sizeof *w->files))
        return NULL;
    font_file *f = &w->files[w->nfiles];
    memset(f, 0, sizeof *f);
    f->face = face;
    f->bits = calloc(65536 / 8, 1);
    if (!f->bits)
        return NULL;
    *index = w->nfiles++;
    return f;
}

/* The resource of (face, role), made on first use. */
static font_res *res_for(ofd *w, const zb_face *face, zb_font_role role)
{
    size_t file;
    if (!file_for(w, face, &file))
        return NULL;
    for (size_t i = 0; i < w->nres; i++)
        if (w->res[i].file == file && w->res[i].role == role)
            return &w->res[i];
    if (zb_grow((void **)&w->res, &w->res_cap, w->nres + 1, sizeof *w->res))
        return NULL;
    font_res *r = &w->res[w->nres++];
    r->file = file;
    r->role = role;
    r->id = 0;
    return r;
}

/* Every font file and resource the pages use, with the code points drawn: the code points
 * of the PDF's subsets, so that the files are the same. */
static zb_status collect_fonts(ofd *w)
{
    const zb_doc *doc = w->doc;
    for (size_t i = 0; i < doc->count; i++) {
        const zb_item *it = &doc->items[i];
        if (it->kind != ZB_ITEM_TEXT || !it->face)
            continue;
        font_res *r = res_for(w, it->face, it->role);
        if (!r)
            return nomem(w);
        font_file *f = &w->files[r->file];
        const char *s = doc->pool.data + it->text;
        for (size_t k = 0; k < it->len;) {
            size_t n;
            uint32_t cp = zb_utf8_decode(s + k, &n);
            k += n;
            if (cp <= 0xFFFF && !(f->bits[cp >> 3] & (1u << (cp & 7)))) {
                f->bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
                f->count++;
            }
        }
    }
    return ZB_OK;
}

/* The subsets, as Res/font_N.ttf. */
static zb_status font_parts(ofd *w)
{
    for (size_t i = 0; i < w->nfiles; i++) {
        font_file *f = &w->files[i];
        uint32_t *cps = malloc((f->count ? f->count : 1) * sizeof *cps);
        if (!cps)
            return nomem(w);
        size_t n = 0;
        for (uint32_t cp = 0; cp <= 0xFFFF; cp++)
            if (f->bits[cp >> 3] & (1u << (cp & 7)))
                cps[n++] = cp;
        char *data = NULL;
        size_t len = 0;
        zb_status st = zb_face_subset(f->face, cps, n, &data, &len, w->err);
        free(cps);
        if (st)
            return st;
        char name[64];
        snprintf(name, sizeof name, "Doc_0/Res/font_%zu.ttf", i);
        st = add_part(w, name, data, len, 0);
        if (st)
            return st;
    }
    return ZB_OK;
}

static zb_status public_res(ofd *w)
{
    put(w, XML_DECL "<ofd:Res xmlns:ofd=\"" NS "\" BaseLoc=\"Res\">\n");
    if (w->nres) {
        put(w, "<ofd:Fonts>\n");
        for (size_t i = 0; i < w->nres; i++) {
            const char *name = zb_font_role_standard(w->res[i].role);
            put(w, "<ofd:Font");
            put_uint_attr(w, "ID", w->res[i].id);
            put_attr(w, "FontName", name);
            put_attr(w, "FamilyName", name);
            zb_buf_addf(&w->xml, "><ofd:FontFile>font_%zu.ttf</ofd:FontFile></ofd:Font>\n",
                        w->res[i].file);
        }
        put(w, "</ofd:Fonts>\n");
    }
    put(w, "</ofd:Res>\n");
    return add_xml_part(w, "Doc_0/PublicRes.xml");
}

/* The seal: the pixels the PDF draws, as a PNG with their transparency. */
static zb_status document_res(ofd *w)
{
    char *data = NULL;
    size_t len = 0;
    zb_status st = zb_ofd_png_encode(w->doc->image, &data, &len, w->err);
    if (st)
        return st;
    st = add_part(w, "Doc_0/Res/image_0.png", data, len, 1);
    if (st)
        return st;
    put(w, XML_DECL "<ofd:Res xmlns:ofd=\"" NS "\" BaseLoc=\"Res\">\n<ofd:MultiMedias>\n");
    put(w, "<ofd:MultiMedia");
    put_uint_attr(w, "ID", w->image_id);
    put(w, " Type=\"Image\" Format=\"PNG\"><ofd:MediaFile>image_0.png</ofd:MediaFile></ofd:MultiMedia>\n");
    put(w, "</ofd:MultiMedias>\n</ofd:Res>\n");
    return add_xml_part(w, "Doc_0/DocumentRes.xml");
}

/* ---------------------------------------------------------------------------------- */
/* Pages */

/* Characters that draw nothing. Readers trim them from the ends of a text (JavaScript's
 * trim() among them), which would shift every position after them, so a run never starts
 * or ends with one. */
static int is_blank(uint32_t cp)
{
    return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

/* Appends DeltaX from the positions p[0..n) (hundredths of a millimetre): one value per
 * gap, with a run of three or more equal gaps as "g N v". */
static void put_delta_x(ofd *w, const long long *p, size_t n)
{
    put(w, " DeltaX=\"");
    int first = 1;
    for (size_t i = 1; i < n;) {
        long long d = p[i] - p[i - 1];
        size_t j = i + 1;
        while (j < n && p[j] - p[j - 1] == d)
            j++;
        size_t same = j - i;
        if (!first)
            put(w, " ");
        first = 0;
        if (same >= 3) {
            zb_buf_addf(&w->xml, "g %zu ", same);
            put_cmm(w, d);
            i = j;
        } else {
            put_cmm(w, d);
            i++;
        }
    }
    put(w, "\"");
}

/* The advance of cp as PDF readers take it: from the font's width array, which libharu
 * writes in whole 1/1000 em, truncated (HPDF_TTFontDef_GetGidWidth). The engine measured
 * with rounded widths; placing each character by the PDF's keeps the two files the same
 * page to the hundredth of a millimetre. */
static int pdf_advance(const zb_face *face, uint32_t cp)
{
    unsigned upem;
    int units = zb_face_advance_units(face, cp, &upem);
    return units > 0 && upem ? (int)((unsigned long)units * 1000 / upem) : 0;
}

typedef struct glyph_pos {
    uint32_t cp;
    size_t at, len; /* bytes in the pool */
    double x;       /* origin, points */
    double adv;     /* advance, points */
} glyph_pos;

static zb_status text_object(ofd *w, const zb_item *it, glyph_pos **gp, size_t *gp_cap,
                             long long **pos, size_t *pos_cap)
{
    const char *s = w->doc->pool.data + it->text;
    /* Where each character lands: the PDF's text operators, replayed. */
    size_t n = 0;
    double x = it->x;
    for (size_t k = 0; k < it->len;) {
        size_t m;
        uint32_t cp = zb_utf8_decode(s + k, &m);
        if (zb_grow((void **)gp, gp_cap, n + 1, sizeof **gp))
            return nomem(w);
        glyph_pos *g = &(*gp)[n++];
        g->cp = cp;
        g->at = k;
        g->len = m;
        g->x = x;
        g->adv = pdf_advance(it->face, cp) * it->size / 1000.0;
        x += (g->adv + it->char_space) * it->hscale;
        k += m;
    }
    size_t a = 0, e = n;
    while (a < e && is_blank((*gp)[a].cp))
        a++;
    while (e > a && is_blank((*gp)[e - 1].cp))
        e--;
    if (a == e)
        return ZB_OK;
    if (zb_grow((void **)pos, pos_cap, e - a, sizeof **pos))
        return nomem(w);
    for (size_t i = a; i < e; i++)
        (*pos)[i - a] = to_cmm((*gp)[i].x);

    font_res *r = res_for(w, it->face, it->role);
    if (!r)
        return nomem(w);
    /* The box holds every glyph with room to spare: readers may clip to it. */
    long long size = to_cmm(it->size);
    long long base = to_cmm(it->y);
    long long left = (*pos)[0] - size / 2;
    long long top = base - size * 5 / 4;
    long long right = (*pos)[e - a - 1] + to_cmm((*gp)[e - 1].adv * it->hscale) + size / 2;
    long long bottom = base + size / 2;

    put(w, "<ofd:TextObject");
    put_uint_attr(w, "ID", w->next_id++);
    put_box(w, left, top, right - left, bottom - top);
    put_uint_attr(w, "Font", r->id);
    put(w, " Size=\"");
    zb_xml_number(&w->xml, it->size * PT_TO_MM, 4);
    put(w, "\"");
    if (fabs(it->hscale - 1) > 1e-9) {
        put(w, " HScale=\"");
        zb_xml_number(&w->xml, it->hscale, 4);
        put(w, "\"");
    }
    zb_buf_addf(&w->xml, "><ofd:FillColor Value=\"%s\"/><ofd:TextCode X=\"", ink_rgb(it->ink));
    put_cmm(w, (*pos)[0] - left);
    put(w, "\" Y=\"");
    put_cmm(w, base - top);
    put(w, "\"");
    if (e - a > 1)
        put_delta_x(w, *pos, e - a);
    put(w, ">");
    size_t from = (*gp)[a].at, to = (*gp)[e - 1].at + (*gp)[e - 1].len;
    put_text(w, s + from, to - from);
    put(w, "</ofd:TextCode></ofd:TextObject>\n");
    return ZB_OK;
}

/* A rule: a stroked line as wide as the PDF's, in a box that holds its ends and its width. */
static void path_object(ofd *w, const zb_item *it)
{
    double half = it->h / 2;
    long long x0 = to_cmm(it->x), y0 = to_cmm(it->y), x1 = to_cmm(it->x2), y1 = to_cmm(it->y2);
    long long left = to_cmm((it->x < it->x2 ? it->x : it->x2) - half);
    long long top = to_cmm((it->y < it->y2 ? it->y : it->y2) - half);
    long long right = to_cmm((it->x > it->x2 ? it->x : it->x2) + half);
    long long bottom = to_cmm((it->y > it->y2 ? it->y : it->y2) + half);
    put(w, "<ofd:PathObject");
    put_uint_attr(w, "ID", w->next_id++);
    put_box(w, left, top, right - left, bottom - top);
    put(w, " LineWidth=\"");
    zb_xml_number(&w->xml, it->h * PT_TO_MM, 3);
    zb_buf_addf(&w->xml, "\" Stroke=\"true\" Fill=\"false\"><ofd:StrokeColor Value=\"%s\"/>",
                ink_rgb(it->ink));
    put(w, "<ofd:AbbreviatedData>M ");
    put_cmm(w, x0 - left);
    put(w, " ");
    put_cmm(w, y0 - top);
    put(w, " L ");
    put_cmm(w, x1 - left);
    put(w, " ");
    put_cmm(w, y1 - top);
    put(w, "</ofd:AbbreviatedData></ofd:PathObject>\n");
}

/* The seal: the image fills the unit square, which CTM scales to its size. */
static void image_object(ofd *w, const zb_item *it)
{
    long long x = to_cmm(it->x), y = to_cmm(it->y), iw = to_cmm(it->w), ih = to_cmm(it->h);
    put(w, "<ofd:ImageObject");
    put_uint_attr(w, "ID", w->next_id++);
    put_box(w, x, y, iw, ih);
    put(w, " CTM=\"");
    put_cmm(w, iw);
    put(w, " 0 0 ");
    put_cmm(w, ih);
    put(w, " 0 0\"");
    put_uint_attr(w, "ResourceID", w->image_id);
    put(w, "/>\n");
}

static int cmp_order(const void *a, const void *b)
{
    const zb_item *x = *(const zb_item *const *)a, *y = *(const zb_item *const *)b;
    if (x->page != y->page)
        return x->page < y->page ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Every page's Content.xml; page_ids receives the pages' own IDs. */
static zb_status pages(ofd *w, unsigned *page_ids)
{
    const zb_doc *doc = w->doc;
    glyph_pos *gp = NULL;
    long long *pos = NULL;
    size_t gp_cap = 0, pos_cap = 0;
    zb_status st = ZB_OK;
    size_t k = 0;
    for (int pg = 0; pg < doc->pages && !st; pg++) {
        page_ids[pg] = w->next_id++;
        put(w, XML_DECL "<ofd:Page xmlns:ofd=\"" NS "\">\n<ofd:Content>\n<ofd:Layer");
        put_uint_attr(w, "ID", w->next_id++);
        put(w, " Type=\"Body\">\n");
        for (; k < doc->count && w->order[k]->page == pg && !st; k++) {
            const zb_item *it = w->order[k];
            if (it->kind == ZB_ITEM_TEXT)
                st = text_object(w, it, &gp, &gp_cap, &pos, &pos_cap);
            else if (it->kind == ZB_ITEM_RULE)
                path_object(w, it);
            else if (w->image_id)
                image_object(w, it);
        }
        put(w, "</ofd:Layer>\n</ofd:Content>\n</ofd:Page>\n");
        if (!st) {
            char name[64];
            snprintf(name, sizeof name, "Doc_0/Pages/Page_%d/Content.xml", pg);
            st = add_xml_part(w, name);
        }
    }
    free(gp);
    free(pos);
    return st;
}

static zb_status document(ofd *w, const unsigned *page_ids)
{
    put(w, XML_DECL "<ofd:Document xmlns:ofd=\"" NS "\">\n<ofd:CommonData>\n");
    zb_buf_addf(&w->xml, "<ofd:MaxUnitID>%u</ofd:MaxUnitID>\n", w->next_id - 1);
    put(w, "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>\n"
           "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>\n");
    if (w->image_id)
        put(w, "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>\n");
    put(w, "</ofd:CommonData>\n<ofd:Pages>\n");
    for (int pg = 0; pg < w->doc->pages; pg++) {
        put(w, "<ofd:Page");
        put_uint_attr(w, "ID", page_ids[pg]);
        zb_buf_addf(&w->xml, " BaseLoc=\"Pages/Page_%d/Content.xml\"/>\n", pg);
    }
    put(w, "</ofd:Pages>\n</ofd:Document>\n");
    return add_xml_part(w, "Doc_0/Document.xml");
}

/* ---------------------------------------------------------------------------------- */
/* The entry file */

/* A name-based UUID of every part's name and bytes: the same content, the same identifier;
 * another content, another one. */
static void doc_id(const ofd *w, char out[33])
{
    zb_sha1 s;
    zb_ofd_uuid_begin(&s);
    for (size_t i = 0; i < w->nparts; i++) {
        const part *p = &w->parts[i];
        zb_sha1_update(&s, p->name, strlen(p->name) + 1);
        zb_sha1_update(&s, p->data, p->len);
    }
    zb_ofd_uuid_end(&s, out);
}

static zb_status entry(ofd *w)
{
    char id[33];
    doc_id(w, id);
    struct tm tm;
    time_t t = w->o->created;
    int have_date = gmtime_r(&t, &tm) != NULL;
    put(w, XML_DECL "<ofd:OFD xmlns:ofd=\"" NS "\" Version=\"1.0\" DocType=\"OFD\">\n"
           "<ofd:DocBody>\n<ofd:DocInfo>\n");
    zb_buf_addf(&w->xml, "<ofd:DocID>%s</ofd:DocID>\n", id);
    if (w->o->title && *w->o->title) {
        put(w, "<ofd:Title>");
        put_text(w, w->o->title, strlen(w->o->title));
        put(w, "</ofd:Title>\n");
    }
    if (w->o->author && *w->o->author) {
        put(w, "<ofd:Author>");
        put_text(w, w->o->author, strlen(w->o->author));
        put(w, "</ofd:Author>\n");
    }
    if (have_date)
        zb_buf_addf(&w->xml, "<ofd:CreationDate>%04d-%02d-%02d</ofd:CreationDate>\n",
                    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    put(w, "<ofd:Creator>zhibiao</ofd:Creator>\n<ofd:CreatorVersion>" ZB_VERSION
           "</ofd:CreatorVersion>\n</ofd:DocInfo>\n<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>\n"
           "</ofd:DocBody>\n</ofd:OFD>\n");
    return add_xml_part(w, "OFD.xml");
}

/* ---------------------------------------------------------------------------------- */
/* The zip */

static zb_status zip_fail(ofd *w, const char *what, zip_error_t *ze)
{
    return zb_error_set(w->err, ZB_ERR_WRITE, "cannot build the OFD package (%s): %s", what,
                        zip_error_strerror(ze));
}

/* MS-DOS date and time of t in UTC (the zip's own clock fields), so that the bytes do not
 * depend on the time zone. */
static void dos_time(time_t t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
    struct tm tm;
    if (!gmtime_r(&t, &tm) || tm.tm_year < 80 || tm.tm_year > 207) {
        *dtime = 0;
        *ddate = (zip_uint16_t)(1 << 5 | 1); /* 1980-01-01 */
        return;
    }
    *dtime = (zip_uint16_t)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
    *ddate = (zip_uint16_t)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
}

/* OFD.xml first, then the parts in the order they were made. */
static zb_status zip_parts(ofd *w, char **out, size_t *len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!src) {
        zb_status st = zip_fail(w, "a buffer", &ze);
        zip_error_fini(&ze);
        return st;
    }
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    if (!za) {
        zb_status st = zip_fail(w, "opening", &ze);
        zip_source_free(src);
        zip_error_fini(&ze);
        return st;
    }
    zip_source_keep(src);
    zip_uint16_t dtime, ddate;
    dos_time(w->o->created, &dtime, &ddate);
    zb_status st = ZB_OK;
    for (size_t n = 0; n < w->nparts && !st; n++) {
        const part *p = &w->parts[n == 0 ? w->nparts - 1 : n - 1];
        zip_source_t *s = zip_source_buffer(za, p->data, p->len, 0);
        zip_int64_t idx = s ? zip_file_add(za, p->name, s, 0) : -1;
        if (idx < 0) {
            if (s)
                zip_source_free(s);
            st = zip_fail(w, p->name, zip_get_error(za));
        } else if (zip_set_file_compression(za, (zip_uint64_t)idx,
                                            p->store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0 ||
                   zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate, 0) < 0) {
            st = zip_fail(w, p->name, zip_get_error(za));
        }
    }
    if (st) {
        zip_discard(za);
    } else if (zip_close(za) < 0) {
        st = zip_fail(w, "writing", zip_get_error(za));
        zip_discard(za);
    }
    if (!st) {
        zip_stat_t zs;
        zip_stat_init(&zs);
        if (zip_source_stat(src, &zs) < 0 || zip_source_open(src) < 0) {
            st = zip_fail(w, "reading back", zip_source_error(src));
        } else {
            size_t size = (size_t)zs.size;
            char *data = malloc(size ? size : 1);
            if (!data) {
                st = nomem(w);
            } else if (zip_source_read(src, data, size) != (zip_int64_t)size) {
                st = zip_fail(w, "reading back", zip_source_error(src));
                free(data);
            } else {
                *out = data;
                *len = size;
            }
            zip_source_close(src);
        }
    }
    zip_source_free(src);
    zip_error_fini(&ze);
    return st;
}

/* ---------------------------------------------------------------------------------- */

static zb_status render_all(ofd *w, char **out, size_t *len)
{
    const zb_doc *doc = w->doc;
    zb_status st = collect_fonts(w);
    if (st)
        return st;
    w->next_id = 1;
    for (size_t i = 0; i < w->nres; i++)
        w->res[i].id = w->next_id++;
    for (size_t i = 0; i < doc->count && !w->image_id; i++)
        if (doc->items[i].kind == ZB_ITEM_IMAGE && doc->image)
            w->image_id = w->next_id++;

    w->order = malloc((doc->count ? doc->count : 1) * sizeof *w->order);
    unsigned *page_ids = calloc(doc->pages > 0 ? (size_t)doc->pages : 1, sizeof *page_ids);
    if (!w->order || !page_ids) {
        free(page_ids);
        return nomem(w);
    }
    for (size_t i = 0; i < doc->count; i++)
        w->order[i] = &doc->items[i];
    qsort(w->order, doc->count, sizeof *w->order, cmp_order);

    st = pages(w, page_ids);
    if (!st)
        st = document(w, page_ids);
    free(page_ids);
    if (!st)
        st = public_res(w);
    if (!st && w->image_id)
        st = document_res(w);
    if (!st)
        st = font_parts(w);
    if (!st)
        st = entry(w);
    if (!st)
        st = zip_parts(w, out, len);
    return st;
}

zb_status zb_ofd_render_to_memory(const zb_doc *doc, const zb_render_options *options, char **out,
                                  size_t *len, zb_error *err)
{
    *out = NULL;
    *len = 0;
    zb_render_options defaults;
    memset(&defaults, 0, sizeof defaults);
    ofd w;
    memset(&w, 0, sizeof w);
    w.doc = doc;
    w.o = options ? options : &defaults;
    w.err = err;
    zb_status st = render_all(&w, out, len);
    for (size_t i = 0; i < w.nfiles; i++)
        free(w.files[i].bits);
    free(w.files);
    free(w.res);
    for (size_t i = 0; i < w.nparts; i++) {
        free(w.parts[i].name);
        free(w.parts[i].data);
    }
    free(w.parts);
    free(w.order);
    zb_buf_free(&w.xml);
    return st;
}

zb_status zb_ofd_render(const zb_doc *doc, const char *path, const zb_render_options *options,
                        size_t *bytes, zb_error *err)
{
    char *data = NULL;
    size_t len = 0;
    zb_status st = zb_ofd_render_to_memory(doc, options, &data, &len, err);
    if (!st)
        st = zb_write_file(path, "ofd", data, len, err);
    if (bytes)
        *bytes = st ? 0 : len;
    free(data);
    return st;
}
