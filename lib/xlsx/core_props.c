/* docProps/core.xml without gmtime(), so that workbooks close in parallel.
 *
 * libxlsxwriter (1.1.4 up to at least 1.2.3) formats the workbook's dates in
 * lxw_core_assemble_xml_file() with gmtime(), whose result lives in one buffer shared by the
 * whole process: two workbooks closing at once in two threads could swap dates. That is its
 * only use of gmtime(), and its packager calls the function through its PLT. This file
 * defines the same function, writing the same bytes through libxlsxwriter's own XML writer,
 * with gmtime_r() into the caller's stack: the dynamic linker binds the packager's call to
 * it, since zhibiao (or the program it is linked into) comes before libxlsxwriter in the
 * lookup order. Nothing is shared between threads.
 *
 * Whether the packager really calls this definition is checked before each close, by
 * reading libxlsxwriter's own relocation slot for the function (zb_xlsx_core_is_ours): when
 * it does not (a platform without ELF symbol interposition, libxlsxwriter loaded earlier in
 * a separate namespace, another definition preloaded), zb_xlsx_close() takes a lock instead
 * and the closes run one at a time, as they must. */
#define _GNU_SOURCE /* dl_iterate_phdr */
#include <string.h>
#include <time.h>

#include "xlsx/xlsx_internal.h"

#include <xlsxwriter/core.h>
#include <xlsxwriter/xmlwriter.h>

#if defined(__ELF__) && defined(__linux__)
#include <link.h>
#define ZB_CAN_CHECK_BINDING 1
#endif

/* "2024-05-31T00:00:00Z", as libxlsxwriter writes it; 0 means now, as there. */
static void iso_date(time_t t, char *out, size_t size)
{
    struct tm tm;
    if (t == 0)
        t = time(NULL);
    if (!gmtime_r(&t, &tm) || strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(out, size, "1970-01-01T00:00:00Z"); /* a year past 9999 does not fit */
}

static void data_element(FILE *f, const char *tag, const char *text)
{
    if (text)
        lxw_xml_data_element(f, tag, text, NULL);
}

/* Replaces libxlsxwriter's function of the same name (see above); the elements, their order
 * and the escaping are its own. */
__attribute__((visibility("default"))) void lxw_core_assemble_xml_file(lxw_core *self)
{
    FILE *f = self->file;
    const lxw_doc_properties *p = self->properties;
    char date[32];
    iso_date(p->created, date, sizeof date);
    lxw_xml_declaration(f);
    fputs("<cp:coreProperties"
          " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
          " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
          " xmlns:dcterms=\"http://purl.org/dc/terms/\""
          " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\""
          " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
          f);
    data_element(f, "dc:title", p->title);
    data_element(f, "dc:subject", p->subject);
    data_element(f, "dc:creator", p->author ? p->author : "");
    data_element(f, "cp:keywords", p->keywords);
    data_element(f, "dc:description", p->comments);
    data_element(f, "cp:lastModifiedBy", p->author ? p->author : "");
    fprintf(f, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>", date);
    fprintf(f, "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>", date);
    data_element(f, "cp:category", p->category);
    data_element(f, "cp:contentStatus", p->status);
    lxw_xml_end_tag(f, "cp:coreProperties");
}

/* This file's definition itself, whatever the lookup order makes of the name. */
extern __typeof__(lxw_core_assemble_xml_file) zb_xlsx_core_self
    __attribute__((alias("lxw_core_assemble_xml_file"), visibility("hidden")));

#ifdef ZB_CAN_CHECK_BINDING

typedef struct slot_search {
    uintptr_t anchor; /* an address inside libxlsxwriter */
    uintptr_t target; /* what its slot for the function holds; 0: not found */
    int found;
} slot_search;

/* A dynamic-section address: relocated in place by glibc on most targets, not on all. */
static uintptr_t dyn_addr(ElfW(Addr) base, ElfW(Addr) value)
{
    return value < base ? base + value : value;
}

/* Looks through the relocations [rel, rel + size) of type `type` (DT_RELA or DT_REL) for
 * one against the function. */
static uintptr_t find_in(ElfW(Addr) base, uintptr_t rel, size_t size, int type,
                           const ElfW(Sym) *symtab, const char *strtab)
{
    size_t entsize = type == DT_RELA ? sizeof(ElfW(Rela)) : sizeof(ElfW(Rel));
    for (size_t off = 0; off + entsize <= size; off += entsize) {
        const ElfW(Rel) *r = (const ElfW(Rel) *)(rel + off); /* Rela starts like Rel */
#if __SIZEOF_POINTER__ == 8
        size_t sym = ELF64_R_SYM(r->r_info);
#else
        size_t sym = ELF32_R_SYM(r->r_info);
#endif
        if (sym == 0 || strcmp(strtab + symtab[sym].st_name, "lxw_core_assemble_xml_file") != 0)
            continue;
        return *(const uintptr_t *)(base + r->r_offset);
    }
    return 0;
}

static int search_object(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    slot_search *s = data;
    const ElfW(Phdr) *dynamic = NULL;
    int inside = 0;
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t start = info->dlpi_addr + ph->p_vaddr;
        if (ph->p_type == PT_LOAD && s->anchor >= start && s->anchor < start + ph->p_memsz)
            inside = 1;
        if (ph->p_type == PT_DYNAMIC)
            dynamic = ph;
    }
    if (!inside)
        return 0;
    s->found = 1;
    if (!dynamic)
        return 1;
    ElfW(Addr) base = info->dlpi_addr;
    const ElfW(Sym) *symtab = NULL;
    const char *strtab = NULL;
    uintptr_t jmprel = 0, rel = 0, rela = 0;
    size_t jmprel_size = 0, rel_size = 0, rela_size = 0;
    int pltrel = DT_RELA;
    for (const ElfW(Dyn) *d = (const ElfW(Dyn) *)(base + dynamic->p_vaddr); d->d_tag != DT_NULL; d++) {
        switch (d->d_tag) {
        case DT_SYMTAB: symtab = (const ElfW(Sym) *)dyn_addr(base, d->d_un.d_ptr); break;
        case DT_STRTAB: strtab = (const char *)dyn_addr(base, d->d_un.d_ptr); break;
        case DT_JMPREL: jmprel = dyn_addr(base, d->d_un.d_ptr); break;
        case DT_PLTRELSZ: jmprel_size = d->d_un.d_val; break;
        case DT_PLTREL: pltrel = (int)d->d_un.d_val; break;
        case DT_RELA: rela = dyn_addr(base, d->d_un.d_ptr); break;
        case DT_RELASZ: rela_size = d->d_un.d_val; break;
        case DT_REL: rel = dyn_addr(base, d->d_un.d_ptr); break;
        case DT_RELSZ: rel_size = d->d_un.d_val; break;
        default: break;
        }
    }
    if (!symtab || !strtab)
        return 1;
    /* A call through the PLT, or through a GOT entry (-fno-plt). */
    if (jmprel)
        s->target = find_in(base, jmprel, jmprel_size, pltrel, symtab, strtab);
    if (!s->target && rela)
        s->target = find_in(base, rela, rela_size, DT_RELA, symtab, strtab);
    if (!s->target && rel)
        s->target = find_in(base, rel, rel_size, DT_REL, symtab, strtab);
    return 1;
}

int zb_xlsx_core_is_ours(void)
{
    /* lxw_core_new() lives in the same object as the packager and nothing else defines it. */
    slot_search s = {(uintptr_t)lxw_core_new, 0, 0};
    dl_iterate_phdr(search_object, &s);
    return s.found && s.target == (uintptr_t)zb_xlsx_core_self;
}

#else

int zb_xlsx_core_is_ours(void)
{
    return 0;
}

#endif
