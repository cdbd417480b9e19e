/* The responsibility breakdown (责任分解表): who leads and who supports each task item and
 * each indicator. Three kinds of sheets: every responsibility item in task order (任务分解),
 * one row of counts per unit (按单位), and a sheet per unit with its own list — each laid
 * out and printed like the target table.
 *
 * The plan is read once into per-unit lists (a hash from unit name to unit), so writing is
 * linear in the number of items, indicators and the units they name. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/xlsx_internal.h"
#include "zhibiao/xlsx.h"
#include "plan/plan_internal.h"

#define SHEET_TASKS "任务分解"
#define SHEET_UNITS "按单位"

enum { COLS_MAX = 7 };

/* Column widths in Excel character units, in proportion (they filled the 259 and 172 mm
 * between a spreadsheet's margins at 100%): the two item tables are landscape, since a
 * duty's sentences need the width more than they need the height; 按单位 is short and
 * portrait; 备注 fits 未列入单位名录. They are scaled to the page (the type area, or the
 * spreadsheet's margins), then moved between columns so that no header, task or name leaves a
 * character alone on a line (zb_xlsx_fit_widths). */
static const double widths_tasks[] = {6, 24, 39, 17, 24, 22};
static const double widths_units[] = {6, 24, 10, 10, 10, 10, 17};

/* The four ways a unit is named, in the order of the 按单位 columns and of a unit's sheet. */
enum { LEAD_ITEM, COOP_ITEM, LEAD_IND, COOP_IND, ROLES };
static const char *const role_names[ROLES] = {"牵头事项", "配合事项", "牵头指标", "配合指标"};

/* A responsibility item: duty d of task t, or a task with no item (duty ZB_NONE), which is
 * listed too so that a task nobody was given shows up. */
typedef struct item {
    size_t task;
    size_t duty;
} item;

/* A unit named anywhere in the plan. */
typedef struct unit {
    const char *name;      /* owned by the plan */
    const char *full_name; /* "" when none */
    int listed;            /* in the plan's unit directory */
    int collective;        /* 县级相关部门 and the like */
    size_t stamp;          /* id of the item or indicator that named it last (ids start at 1) */
    size_t *refs[ROLES];   /* items (indexes into bd.items) or indicators, in the plan's order */
    size_t count[ROLES];
    size_t cap[ROLES];
    char sheet[ZB_XLSX_SHEET_NAME_SIZE]; /* its sheet; "" when it has nothing to list */
} unit;

/* Open addressing from a string to a number; the keys are not owned unless said so. */
typedef struct map_slot {
    const char *key; /* NULL: empty */
    size_t hash;
    size_t value;
} map_slot;

typedef struct name_map {
    map_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t count;
} name_map;

/* One worksheet being written. */
typedef struct sheet {
    lxw_worksheet *ws;
    const char *name;
    const double *widths;
    size_t ncols;
    double text_pt[COLS_MAX]; /* width left for text in each column */
    double span_pt;           /* width left for text in a row merged across */
    zb_xlsx_pager pager;
    lxw_row_t row;  /* the next row to write */
    double keep;    /* height of a group row waiting to be kept with what follows; 0: none */
    lxw_row_t keep_row;
} sheet;

/* The whole write; lives on the writer's stack (no global state). */
typedef struct bd {
    const zb_plan *plan;
    const char *path;
    zb_xlsx_book *book;
    zb_xlsx_style style;
    zb_xlsx_formats fmt;
    lxw_format *group;   /* a group row: heading face, left, bordered */
    lxw_format *caption; /* the line under a unit sheet's title: heading face, left */
    const char *title;
    item *items;
    size_t nitems;
    size_t items_cap;
    unit *units;
    size_t nunits;
    size_t units_cap;
    name_map by_name;  /* unit name -> index into units */
    name_map sheets;   /* folded sheet name (owned) -> next " (k)" to try */
    size_t links;      /* hyperlinks written to 按单位 */
    zb_buf join;       /* cooperating units of one row, joined */
    zb_buf leads;      /* lead units of one row, joined */
    zb_buf label;      /* "1. 任务标题" */
    zb_buf line;       /* a unit sheet's caption; a link to a sheet */
    double *heights;   /* heights of a block of rows; [0] is for a kept group row */
    size_t heights_cap;
    size_t *range;     /* indexes of one task's items in 任务分解 */
    size_t range_cap;
    int sheet_margins; /* zb_breakdown_options.margins */
    double w_items[6]; /* the columns of 任务分解 and of the units' sheets */
    double w_units[7]; /* the columns of 按单位 */
} bd;

/* ---- small helpers ------------------------------------------------------------------- */

static zb_status nomem(const bd *b, zb_error *err)
{
    return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory", b->path);
}

static zb_status lxw_fail(const bd *b, lxw_error e, const char *what, zb_error *err)
{
    return zb_xlsx_error(err, e, b->path, what);
}

/* A failed cell names the sheet and what was being written, as every message does. */
static zb_status cell_fail(const bd *b, const sheet *s, lxw_error e, const char *what,
                           size_t n, zb_error *err)
{
    char buf[200];
    snprintf(buf, sizeof buf, "sheet %s, %s %zu", s->name, what, n);
    return zb_xlsx_error(err, e, b->path, buf);
}

static const char *buf_text(const zb_buf *z)
{
    return z->failed ? NULL : z->data ? z->data : "";
}

static void buf_reset(zb_buf *z)
{
    z->len = 0;
    if (z->data)
        z->data[0] = '\0';
}

/* ---- name maps ----------------------------------------------------------------------- */

static size_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)h;
}

static map_slot *map_slot_for(const name_map *m, const char *key, size_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        map_slot *sl = &m->slots[i];
        if (!sl->key || (sl->hash == h && strcmp(sl->key, key) == 0))
            return sl;
    }
}

/* The slot of key, or NULL when absent. */
static map_slot *map_get(const name_map *m, const char *key)
{
    if (!m->cap)
        return NULL;
    map_slot *sl = map_slot_for(m, key, hash_str(key));
    return sl->key ? sl : NULL;
}

/* Adds key (absent) with value; 0 = ok. Kept at most half full. */
static int map_put(name_map *m, const char *key, size_t value)
{
    if ((m->count + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        map_slot *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return -1;
        name_map grown = {slots, cap, m->count};
        for (size_t i = 0; i < m->cap; i++)
            if (m->slots[i].key)
                *map_slot_for(&grown, m->slots[i].key, m->slots[i].hash) = m->slots[i];
        free(m->slots);
        *m = grown;
    }
    size_t h = hash_str(key);
    map_slot *sl = map_slot_for(m, key, h);
    sl->key = key;
    sl->hash = h;
    sl->value = value;
    m->count++;
    return 0;
}

static void map_free(name_map *m, int own_keys)
{
    if (own_keys)
        for (size_t i = 0; i < m->cap; i++)
            free((char *)m->slots[i].key);
    free(m->slots);
    memset(m, 0, sizeof *m);
}

/* ---- who is named where -------------------------------------------------------------- */

static zb_status add_unit(bd *b, const char *name, const char *full_name, int listed,
                          size_t *index, zb_error *err)
{
    if (zb_grow((void **)&b->units, &b->units_cap, b->nunits + 1, sizeof *b->units))
        return nomem(b, err);
    unit *u = &b->units[b->nunits];
    memset(u, 0, sizeof *u);
    u->name = name;
    u->full_name = zb_xlsx_safe(full_name);
    u->listed = listed;
    u->collective = zb_infer_collective(name);
    if (map_put(&b->by_name, name, b->nunits))
        return nomem(b, err);
    *index = b->nunits++;
    return ZB_OK;
}

/* Records that unit `name` is named in `role` by item or indicator `ref`; id tells one
 * item or indicator from another, so that a unit named twice in one (as lead and again
 * among the cooperating units) counts once, in the first role it was named in. */
static zb_status mention(bd *b, const char *name, int role, size_t ref, size_t id, zb_error *err)
{
    if (!name || !*name)
        return ZB_OK;
    map_slot *sl = map_get(&b->by_name, name);
    size_t k;
    if (sl) {
        k = sl->value;
    } else {
        zb_status st = add_unit(b, name, "", 0, &k, err);
        if (st)
            return st;
    }
    unit *u = &b->units[k];
    if (u->stamp == id)
        return ZB_OK;
    u->stamp = id;
    if (zb_grow((void **)&u->refs[role], &u->cap[role], u->count[role] + 1, sizeof *u->refs[role]))
        return nomem(b, err);
    u->refs[role][u->count[role]++] = ref;
    return ZB_OK;
}

/* The directory first, in its order; then units named in tasks and indicators but missing
 * from it, in the order they are first named (tasks before indicators, as in a plan). */
static zb_status collect(bd *b, zb_error *err)
{
    const zb_plan *plan = b->plan;
    zb_status st = ZB_OK;
    size_t nu = zb_plan_unit_count(plan);
    for (size_t i = 0; i < nu && !st; i++) {
        const char *name = zb_plan_unit_name(plan, i);
        size_t k;
        if (name && *name && !map_get(&b->by_name, name))
            st = add_unit(b, name, zb_plan_unit_full_name(plan, i), 1, &k, err);
    }
    size_t nt = zb_plan_task_count(plan);
    size_t id = 0;
    for (size_t t = 0; t < nt && !st; t++) {
        size_t nd = zb_plan_task_duty_count(plan, t);
        for (size_t d = 0; d < (nd ? nd : 1) && !st; d++) {
            if (zb_grow((void **)&b->items, &b->items_cap, b->nitems + 1, sizeof *b->items))
                return nomem(b, err);
            size_t ref = b->nitems++;
            b->items[ref].task = t;
            b->items[ref].duty = nd ? d : ZB_NONE;
            if (!nd)
                continue;
            id++;
            /* An item may have several leads (牵头单位:A、B): each counts as leading. */
            size_t nr = zb_plan_task_duty_responsible_count(plan, t, d);
            size_t leads = zb_plan_task_duty_lead_count(plan, t, d);
            for (size_t k = 0; k < nr && !st; k++)
                st = mention(b, zb_plan_task_duty_responsible(plan, t, d, k),
                             k < leads ? LEAD_ITEM : COOP_ITEM, ref, id, err);
        }
    }
    size_t ni = zb_plan_indicator_count(plan);
    for (size_t i = 0; i < ni && !st; i++) {
        id++;
        size_t nr = zb_plan_indicator_responsible_count(plan, i);
        for (size_t k = 0; k < nr && !st; k++)
            st = mention(b, zb_plan_indicator_responsible(plan, i, k), k ? COOP_IND : LEAD_IND, i,
                         id, err);
    }
    return st;
}

/* ---- sheet names --------------------------------------------------------------------- */

/* Excel compares sheet names without case, in every script it knows: fold the cases that
 * can occur in names of units (ASCII, full-width Latin, Latin-1, Greek, Cyrillic). Each
 * folding keeps the UTF-8 length, so out is as long as name. */
static void fold_case(const char *name, char *out)
{
    size_t o = 0;
    for (const char *p = name; *p;) {
        size_t n;
        uint32_t cp = zb_utf8_decode(p, &n);
        if (cp >= 'A' && cp <= 'Z')
            cp += 0x20;
        else if (cp >= 0xFF21 && cp <= 0xFF3A)
            cp += 0x20;
        else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
            cp += 0x20;
        else if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
            cp += 0x20;
        else if (cp >= 0x410 && cp <= 0x42F)
            cp += 0x20;
        else if (cp >= 0x400 && cp <= 0x40F)
            cp += 0x50;
        o += zb_utf8_encode(cp, out + o);
        p += n;
    }
    out[o] = '\0';
}

/* Reserves name (case-folded); 1 when it was free, 0 when taken, -1 out of memory.
 * *slot receives its entry either way (NULL out of memory). */
static int reserve_name(bd *b, const char *name, map_slot **slot)
{
    char folded[ZB_XLSX_SHEET_NAME_SIZE];
    fold_case(name, folded);
    map_slot *sl = map_get(&b->sheets, folded);
    if (sl) {
        *slot = sl;
        return 0;
    }
    char *key = zb_strdup(folded);
    *slot = NULL;
    if (!key || map_put(&b->sheets, key, 2)) {
        free(key);
        return -1;
    }
    *slot = map_get(&b->sheets, folded);
    return 1;
}

/* base + " (k)", base cut so that the whole stays within Excel's 31 UTF-16 units. */
static void suffixed(const char *base, size_t k, char *out)
{
    char suffix[32];
    int sl = snprintf(suffix, sizeof suffix, " (%zu)", k);
    int room = 31 - sl, units = 0;
    size_t o = 0;
    for (const char *p = base; *p;) {
        size_t n;
        uint32_t cp = zb_utf8_decode(p, &n);
        int u = cp >= 0x10000 ? 2 : 1;
        if (units + u > room)
            break;
        memcpy(out + o, p, n);
        o += n;
        units += u;
        p += n;
    }
    while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '\''))
        o--;
    memcpy(out + o, suffix, (size_t)sl + 1);
}

/* A valid name, unique in the workbook without regard to case, for each unit that has
 * something to list; 按单位 and 任务分解 are taken first. The fallback 单位N (N: its row in
 * 按单位) stands in for a name with nothing valid left, or Excel's reserved History. */
static zb_status name_sheets(bd *b, zb_error *err)
{
    map_slot *sl;
    if (reserve_name(b, SHEET_TASKS, &sl) < 0 || reserve_name(b, SHEET_UNITS, &sl) < 0)
        return nomem(b, err);
    for (size_t i = 0; i < b->nunits; i++) {
        unit *u = &b->units[i];
        size_t total = 0;
        for (int r = 0; r < ROLES; r++)
            total += u->count[r];
        if (!total)
            continue;
        char fallback[32], base[ZB_XLSX_SHEET_NAME_SIZE];
        snprintf(fallback, sizeof fallback, "单位%zu", i + 1);
        zb_xlsx_sheet_name(u->name, fallback, base);
        int r = reserve_name(b, base, &sl);
        if (r < 0)
            return nomem(b, err);
        if (r > 0) {
            memcpy(u->sheet, base, strlen(base) + 1);
            continue;
        }
        /* Taken: try base (k) from where the last clash with this base stopped, so that
         * many clashes cost no more than one each. */
        map_slot *base_slot = sl;
        for (size_t k = base_slot->value;; k++) {
            char name[ZB_XLSX_SHEET_NAME_SIZE];
            suffixed(base, k, name);
            map_slot *got;
            r = reserve_name(b, name, &got);
            if (r < 0)
                return nomem(b, err);
            if (r > 0) {
                /* The map may have grown: find the base's entry again. */
                char folded[ZB_XLSX_SHEET_NAME_SIZE];
                fold_case(base, folded);
                map_get(&b->sheets, folded)->value = k + 1;
                memcpy(u->sheet, name, strlen(name) + 1);
                break;
            }
        }
    }
    return ZB_OK;
}

/* ---- texts of a row ------------------------------------------------------------------ */

/* Units [from, to) of an item joined with 、 into z; NULL out of memory. */
static const char *join_item_units(bd *b, zb_buf *z, const item *it, size_t from, size_t to)
{
    buf_reset(z);
    size_t n = zb_plan_task_duty_responsible_count(b->plan, it->task, it->duty);
    for (size_t k = from; k < n && k < to; k++) {
        if (k > from)
            zb_buf_adds(z, "、");
        zb_buf_adds(z, zb_xlsx_safe(zb_plan_task_duty_responsible(b->plan, it->task, it->duty, k)));
    }
    return buf_text(z);
}

static const char *join_indicator_units(bd *b, size_t i, size_t from)
{
    buf_reset(&b->join);
    size_t n = zb_plan_indicator_responsible_count(b->plan, i);
    for (size_t k = from; k < n; k++) {
        if (k > from)
            zb_buf_adds(&b->join, "、");
        zb_buf_adds(&b->join, zb_xlsx_safe(zb_plan_indicator_responsible(b->plan, i, k)));
    }
    return buf_text(&b->join);
}

/* "1. 全面落实产业链“链长+链主”制", or the title alone for a task without a number. */
static const char *task_label(bd *b, size_t t)
{
    const char *number = zb_xlsx_safe(zb_plan_task_number(b->plan, t));
    const char *title = zb_xlsx_safe(zb_plan_task_title(b->plan, t));
    buf_reset(&b->label);
    if (*number) {
        zb_buf_adds(&b->label, number);
        zb_buf_adds(&b->label, ". ");
    }
    zb_buf_adds(&b->label, title);
    return buf_text(&b->label);
}

/* What the item asks for: its own sentences; for an item that covers the whole task, the
 * task's text, or its title when the plan holds no text. */
static const char *item_text(const bd *b, const item *it)
{
    const zb_plan *plan = b->plan;
    if (it->duty != ZB_NONE) {
        const char *text = zb_plan_task_duty_text(plan, it->task, it->duty);
        if (text && *text)
            return text;
    }
    const char *text = zb_plan_task_text(plan, it->task);
    return text && *text ? text : zb_xlsx_safe(zb_plan_task_title(plan, it->task));
}

/* The lead units, joined; NULL out of memory. */
static const char *item_lead(bd *b, const item *it)
{
    if (it->duty == ZB_NONE)
        return "";
    return join_item_units(b, &b->leads, it, 0, zb_plan_task_duty_lead_count(b->plan, it->task, it->duty));
}

static const char *item_note(const bd *b, const item *it)
{
    if (it->duty == ZB_NONE)
        return "未明确责任单位";
    return zb_xlsx_safe(zb_plan_task_duty_note(b->plan, it->task, it->duty));
}

/* ---- sheets -------------------------------------------------------------------------- */

static int lines_in(const bd *b, const sheet *s, size_t col, const char *text)
{
    return zb_xlsx_text_lines(text, s->text_pt[col], b->style.body_size);
}

/* Adds a worksheet with its columns, merged title, an optional caption line and the
 * header row, set up for print with the header repeated on every page. */
static zb_status open_sheet(bd *b, sheet *s, const char *name, const double *widths,
                            size_t ncols, int landscape, const char *caption,
                            const char *const *heads, zb_error *err)
{
    memset(s, 0, sizeof *s);
    s->name = name;
    s->widths = widths;
    s->ncols = ncols;
    for (size_t c = 0; c < ncols; c++)
        s->text_pt[c] = zb_xlsx_column_text_pt(widths[c]);
    s->span_pt = zb_xlsx_span_text_pt(widths, 0, ncols - 1);
    zb_xlsx_pager_init_margins(&s->pager, landscape, b->sheet_margins, zb_xlsx_span_pt(widths, 0, ncols - 1));
    /* Names are made valid and unique beforehand, so libxlsxwriter (which would print a
     * warning) never refuses one: NULL here is memory. */
    s->ws = workbook_add_worksheet(b->book->wb, name);
    if (!s->ws)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory adding the worksheet %s",
                            b->path, name);
    lxw_worksheet *ws = s->ws;
    lxw_col_t last = (lxw_col_t)(ncols - 1);
    lxw_error e = LXW_NO_ERROR;
    for (size_t c = 0; c < ncols && !e; c++)
        e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    if (e)
        return lxw_fail(b, e, "setting the column widths", err);

    /* Half a line more than its text: the space between a 公文 title and what follows. */
    double h = zb_xlsx_text_height(b->title, s->span_pt, b->style.title_size);
    h = fmin(h + b->style.title_size / 2, ZB_XLSX_MAX_ROW_HEIGHT);
    e = worksheet_merge_range(ws, s->row, 0, s->row, last, b->title, b->fmt.title);
    if (!e)
        e = worksheet_set_row(ws, s->row, h, NULL);
    if (e)
        return lxw_fail(b, e, "writing the title", err);
    zb_xlsx_pager_row_at(&s->pager, s->row, h);
    s->row++;

    if (caption) {
        h = zb_xlsx_text_height(caption, s->span_pt, b->style.body_size);
        e = worksheet_merge_range(ws, s->row, 0, s->row, last, caption, b->caption);
        if (!e)
            e = worksheet_set_row(ws, s->row, h, NULL);
        if (e)
            return lxw_fail(b, e, "writing the caption", err);
        zb_xlsx_pager_row_at(&s->pager, s->row, h);
        s->row++;
    }

    int lines = 1;
    for (size_t c = 0; c < ncols && !e; c++) {
        e = worksheet_write_string(ws, s->row, (lxw_col_t)c, heads[c], b->fmt.header);
        lines = zb_xlsx_max_int(lines, lines_in(b, s, c, heads[c]));
    }
    h = zb_xlsx_row_height(lines, b->style.body_size);
    if (!e)
        e = worksheet_set_row(ws, s->row, h, NULL);
    if (e)
        return lxw_fail(b, e, "writing the header row", err);
    zb_xlsx_pager_row_at(&s->pager, s->row, h);
    zb_xlsx_pager_body(&s->pager, h);
    zb_xlsx_page page = {0};
    page.landscape = landscape;
    page.sheet_margins = b->sheet_margins;
    page.header_first = page.header_last = s->row;
    s->row++;
    return zb_xlsx_page_setup(b->book, ws, &page, err);
}

static zb_status close_sheet(bd *b, sheet *s, zb_error *err)
{
    return zb_xlsx_pager_finish(&s->pager, b->book, s->ws, err);
}

/* Room for n rows of heights after the slot of a kept group row. */
static int reserve_heights(bd *b, size_t n)
{
    return zb_grow((void **)&b->heights, &b->heights_cap, n + 1, sizeof *b->heights);
}

/* Tells the pager about rows [first, first + n) whose heights are in b->heights[1..n],
 * kept together, with the group row above them when one is waiting. */
static void page_block(bd *b, sheet *s, lxw_row_t first, size_t n)
{
    if (s->keep > 0) {
        b->heights[0] = s->keep;
        zb_xlsx_pager_group(&s->pager, s->keep_row, b->heights, n + 1);
        s->keep = 0;
    } else if (n > 1) {
        zb_xlsx_pager_group(&s->pager, first, b->heights + 1, n);
    } else {
        zb_xlsx_pager_row_at(&s->pager, first, b->heights[1]);
    }
}

/* A row merged across the table that heads a group (a task's heading, a section of a
 * unit's list); kept on the page of the rows that follow it. */
static zb_status group_row(bd *b, sheet *s, const char *text, zb_error *err)
{
    if (s->keep > 0) /* a group with nothing in it: it flows as a row of its own */
        zb_xlsx_pager_row_at(&s->pager, s->keep_row, s->keep);
    double h = zb_xlsx_text_height(text, s->span_pt, b->style.body_size);
    lxw_error e = worksheet_merge_range(s->ws, s->row, 0, s->row, (lxw_col_t)(s->ncols - 1), text,
                                        b->group);
    if (!e)
        e = worksheet_set_row(s->ws, s->row, h, NULL);
    if (e)
        return cell_fail(b, s, e, "row", (size_t)s->row + 1, err);
    s->keep = h;
    s->keep_row = s->row;
    s->row++;
    return ZB_OK;
}

/* A text cell: always a string, so that a name starting with = is never a formula. */
static lxw_error put(sheet *s, lxw_row_t r, size_t c, const char *text, lxw_format *f)
{
    return worksheet_write_string(s->ws, r, (lxw_col_t)c, text, f);
}

/* 序号: a number, or a bordered blank for 0. */
static lxw_error put_seq(bd *b, sheet *s, lxw_row_t r, size_t seq)
{
    if (!seq)
        return worksheet_write_blank(s->ws, r, 0, b->fmt.number);
    return worksheet_write_number(s->ws, r, 0, (double)seq, b->fmt.number);
}

/* Writes the items items[0..n) of one task (indexes into b->items) from s->row: 序号 |
 * task | item text | lead | cooperating units | note, the task merged over the rows when
 * there are several. *seq numbers the rows and is advanced (it is not for a task with no
 * item). A merged task is as tall as its rows together: the last row grows when the task
 * needs more than they give. */
static zb_status item_block(bd *b, sheet *s, const size_t *items, size_t n, size_t *seq,
                            zb_error *err)
{
    if (reserve_heights(b, n))
        return nomem(b, err);
    const item *first = &b->items[items[0]];
    size_t t = first->task;
    const char *label = task_label(b, t);
    if (!label)
        return nomem(b, err);
    int task_lines = lines_in(b, s, 1, label);
    lxw_row_t top = s->row;
    double above = 0;
    lxw_error e = LXW_NO_ERROR;
    for (size_t j = 0; j < n; j++) {
        const item *it = &b->items[items[j]];
        lxw_row_t r = top + (lxw_row_t)j;
        const char *text = item_text(b, it);
        const char *lead = item_lead(b, it);
        const char *note = item_note(b, it);
        if (!lead)
            return nomem(b, err);
        int counted = it->duty != ZB_NONE;
        e = put_seq(b, s, r, counted ? (*seq)++ : 0);
        if (!e && n == 1)
            e = put(s, r, 1, label, b->fmt.left);
        if (!e)
            e = put(s, r, 2, text, b->fmt.left);
        if (!e)
            e = put(s, r, 3, lead, b->fmt.center);
        const char *coop = "";
        if (!e && counted &&
            !(coop = join_item_units(b, &b->join, it, zb_plan_task_duty_lead_count(b->plan, it->task, it->duty),
                                     (size_t)-1)))
            return nomem(b, err);
        if (!e)
            e = put(s, r, 4, coop, b->fmt.center);
        if (!e)
            e = put(s, r, 5, note, b->fmt.left);
        if (e)
            break;
        int lines = n == 1 ? task_lines : 1;
        lines = zb_xlsx_max_int(lines, lines_in(b, s, 2, text));
        lines = zb_xlsx_max_int(lines, lines_in(b, s, 3, lead));
        lines = zb_xlsx_max_int(lines, lines_in(b, s, 4, coop));
        lines = zb_xlsx_max_int(lines, lines_in(b, s, 5, note));
        b->heights[1 + j] = zb_xlsx_row_height(lines, b->style.body_size);
        if (j + 1 < n)
            above += b->heights[1 + j];
    }
    if (!e && n > 1) {
        double need = zb_xlsx_row_height(task_lines, b->style.body_size);
        double *last = &b->heights[n];
        if (above + *last < need)
            *last = fmin(ceil((need - above) / 0.75 - 1e-9) * 0.75, ZB_XLSX_MAX_ROW_HEIGHT);
        e = worksheet_merge_range(s->ws, top, 1, top + (lxw_row_t)(n - 1), 1, label, b->fmt.left);
    }
    for (size_t j = 0; j < n && !e; j++)
        e = worksheet_set_row(s->ws, top + (lxw_row_t)j, b->heights[1 + j], NULL);
    if (e) {
        /* Named by its number as printed, else by its place. */
        char what[200];
        const char *number = zb_xlsx_safe(zb_plan_task_number(b->plan, t));
        if (*number)
            snprintf(what, sizeof what, "sheet %s, task %s", s->name, number);
        else
            snprintf(what, sizeof what, "sheet %s, task %zu", s->name, t + 1);
        return zb_xlsx_error(err, e, b->path, what);
    }
    page_block(b, s, top, n);
    s->row += (lxw_row_t)n;
    return ZB_OK;
}

/* Nonzero when tasks a and b sit under the same headings. */
static int same_headings(const zb_plan *plan, size_t a, size_t b)
{
    size_t n = zb_plan_task_heading_count(plan, a);
    if (n != zb_plan_task_heading_count(plan, b))
        return 0;
    for (size_t k = 0; k < n; k++)
        if (strcmp(zb_xlsx_safe(zb_plan_task_heading(plan, a, k)), zb_xlsx_safe(zb_plan_task_heading(plan, b, k))))
            return 0;
    return 1;
}

/* 任务分解: every item in task order, a task's heading (its innermost, e.g. (一)深化…) as a
 * row across the table where it changes. A heading row rather than a merged column: the
 * headings are long, and a row never straddles a page break. */
static zb_status write_tasks(bd *b, zb_error *err)
{
    static const char *const heads[] = {"序号", "任务", "分工事项", "牵头单位", "配合单位", "备注"};
    sheet s;
    zb_status st = open_sheet(b, &s, SHEET_TASKS, b->w_items, 6, 1, NULL, heads, err);
    size_t seq = 1;
    for (size_t i = 0; i < b->nitems && !st;) {
        size_t t = b->items[i].task;
        size_t end = i + 1;
        while (end < b->nitems && b->items[end].task == t)
            end++;
        size_t nh = zb_plan_task_heading_count(b->plan, t);
        if (nh && (i == 0 || !same_headings(b->plan, b->items[i - 1].task, t)))
            st = group_row(b, &s, zb_xlsx_safe(zb_plan_task_heading(b->plan, t, nh - 1)), err);
        /* The block's items are consecutive: list their indexes. */
        if (!st && zb_grow((void **)&b->range, &b->range_cap, end - i, sizeof *b->range))
            st = nomem(b, err);
        for (size_t k = i; k < end && !st; k++)
            b->range[k - i] = k;
        if (!st)
            st = item_block(b, &s, b->range, end - i, &seq, err);
        i = end;
    }
    if (!st && s.keep > 0)
        zb_xlsx_pager_row_at(&s.pager, s.keep_row, s.keep);
    if (!st)
        st = close_sheet(b, &s, err);
    else
        zb_xlsx_pager_free(&s.pager);
    return st;
}

/* What 按单位 says of a unit besides its counts. */
static const char *unit_remark(const bd *b, const unit *u)
{
    if (u->collective)
        return "集体名称";
    /* Without a directory, every unit would be "missing" from it. */
    if (!u->listed && zb_plan_unit_count(b->plan) > 0)
        return "未列入单位名录";
    return "";
}

/* "internal:'name'!A1" with apostrophes doubled, as Excel quotes sheet names. */
static const char *sheet_link(bd *b, const char *name)
{
    zb_buf *z = &b->line;
    buf_reset(z);
    zb_buf_adds(z, "internal:'");
    for (const char *p = name; *p; p++) {
        if (*p == '\'')
            zb_buf_addc(z, '\'');
        zb_buf_addc(z, *p);
    }
    zb_buf_adds(z, "'!A1");
    return buf_text(z);
}

/* 按单位: a row of counts per unit and a total; a unit with a sheet links to it. */
static zb_status write_units(bd *b, zb_error *err)
{
    static const char *const heads[] = {"序号", "单位", "牵头事项", "配合事项", "牵头指标", "配合指标", "备注"};
    sheet s;
    zb_status st = open_sheet(b, &s, SHEET_UNITS, b->w_units, 7, 0, NULL, heads, err);
    if (st) {
        zb_xlsx_pager_free(&s.pager);
        return st;
    }
    if (reserve_heights(b, 2)) {
        zb_xlsx_pager_free(&s.pager);
        return nomem(b, err);
    }
    double total[ROLES] = {0};
    double size = b->style.body_size;
    double last_h = 0;
    lxw_error e = LXW_NO_ERROR;
    for (size_t i = 0; i < b->nunits && !e; i++) {
        const unit *u = &b->units[i];
        lxw_row_t r = s.row;
        const char *remark = unit_remark(b, u);
        e = worksheet_write_number(s.ws, r, 0, (double)(i + 1), b->fmt.number);
        if (!e) {
            /* A link to the unit's sheet shows as plain text in the body format; Excel
             * allows 65,530 links a sheet. */
            if (*u->sheet && b->links < LXW_MAX_NUMBER_URLS) {
                const char *url = sheet_link(b, u->sheet);
                if (!url) {
                    zb_xlsx_pager_free(&s.pager);
                    return nomem(b, err);
                }
                e = worksheet_write_url_opt(s.ws, r, 1, url, b->fmt.center, u->name, NULL);
                b->links++;
            } else {
                e = put(&s, r, 1, u->name, b->fmt.center);
            }
        }
        for (int k = 0; k < ROLES && !e; k++) {
            e = worksheet_write_number(s.ws, r, (lxw_col_t)(2 + k), (double)u->count[k],
                                       b->fmt.number);
            total[k] += (double)u->count[k];
        }
        if (!e)
            e = put(&s, r, 6, remark, b->fmt.center);
        if (e)
            break;
        int lines = zb_xlsx_max_int(lines_in(b, &s, 1, u->name), lines_in(b, &s, 6, remark));
        double h = zb_xlsx_row_height(lines, size);
        e = worksheet_set_row(s.ws, r, h, NULL);
        /* The last row is kept with the total below it. */
        if (last_h > 0)
            zb_xlsx_pager_row_at(&s.pager, r - 1, last_h);
        last_h = h;
        s.row++;
    }
    if (e) {
        zb_xlsx_pager_free(&s.pager);
        return cell_fail(b, &s, e, "row", (size_t)s.row + 1, err);
    }
    lxw_row_t r = s.row;
    e = worksheet_merge_range(s.ws, r, 0, r, 1, "合计", b->fmt.header);
    for (int k = 0; k < ROLES && !e; k++)
        e = worksheet_write_number(s.ws, r, (lxw_col_t)(2 + k), total[k], b->fmt.header);
    if (!e)
        e = worksheet_write_blank(s.ws, r, 6, b->fmt.header);
    double h = zb_xlsx_row_height(1, size);
    if (!e)
        e = worksheet_set_row(s.ws, r, h, NULL);
    if (e) {
        zb_xlsx_pager_free(&s.pager);
        return cell_fail(b, &s, e, "row", (size_t)r + 1, err);
    }
    if (last_h > 0) {
        b->heights[1] = last_h;
        b->heights[2] = h;
        zb_xlsx_pager_group(&s.pager, r - 1, b->heights + 1, 2);
    } else {
        zb_xlsx_pager_row_at(&s.pager, r, h);
    }
    return close_sheet(b, &s, err);
}

/* One indicator of a unit's list: 序号 | name | target | lead | cooperating units | "". */
static zb_status indicator_row(bd *b, sheet *s, size_t i, size_t seq, zb_error *err)
{
    if (reserve_heights(b, 1))
        return nomem(b, err);
    const zb_plan *plan = b->plan;
    lxw_row_t r = s->row;
    const char *name = zb_xlsx_safe(zb_plan_indicator_name(plan, i));
    const char *target = zb_xlsx_safe(zb_plan_indicator_target_text(plan, i));
    const char *lead = zb_xlsx_safe(zb_plan_indicator_lead(plan, i));
    double value;
    lxw_error e = put_seq(b, s, r, seq);
    if (!e)
        e = put(s, r, 1, name, b->fmt.left);
    if (!e) {
        /* A plain number stays a number, shown as in the plan; 20%, 6.5以上 stay text. */
        if (zb_xlsx_plain_number(target, &value))
            e = worksheet_write_number(s->ws, r, 2, value, b->fmt.number);
        else
            e = put(s, r, 2, target, b->fmt.center);
    }
    if (!e)
        e = put(s, r, 3, lead, b->fmt.center);
    const char *coop = join_indicator_units(b, i, 1);
    if (!coop)
        return nomem(b, err);
    if (!e)
        e = put(s, r, 4, coop, b->fmt.center);
    if (!e)
        e = worksheet_write_blank(s->ws, r, 5, b->fmt.left);
    int lines = lines_in(b, s, 1, name);
    lines = zb_xlsx_max_int(lines, lines_in(b, s, 2, target));
    lines = zb_xlsx_max_int(lines, lines_in(b, s, 3, lead));
    lines = zb_xlsx_max_int(lines, lines_in(b, s, 4, coop));
    b->heights[1] = zb_xlsx_row_height(lines, b->style.body_size);
    if (!e)
        e = worksheet_set_row(s->ws, r, b->heights[1], NULL);
    if (e)
        return cell_fail(b, s, e, "indicator", (size_t)zb_plan_indicator_seq(plan, i), err);
    page_block(b, s, r, 1);
    s->row++;
    return ZB_OK;
}

/* A unit's own list: a caption naming it with its counts, then a section per role it has,
 * each headed by a group row (一、牵头事项(3项)) and numbered from 1. One table rather than
 * four: its single header row can repeat on every printed page. */
static zb_status write_unit(bd *b, const unit *u, zb_error *err)
{
    static const char *const heads[] = {"序号", "任务/指标", "分工事项/目标值", "牵头单位", "配合单位", "备注"};
    static const char *const numerals[] = {"一", "二", "三", "四"};
    zb_buf *z = &b->line;
    buf_reset(z);
    zb_buf_adds(z, "责任单位:");
    zb_buf_adds(z, u->name);
    if (*u->full_name && strcmp(u->full_name, u->name))
        zb_buf_addf(z, "(%s)", u->full_name);
    zb_buf_adds(z, "　　");
    for (int k = 0; k < ROLES; k++)
        zb_buf_addf(z, "%s%s%zu项", k ? "," : "", role_names[k], u->count[k]);
    size_t rows = 0;
    for (int k = 0; k < ROLES; k++)
        rows += u->count[k] + 1;
    if (rows > LXW_ROW_MAX - 8)
        return zb_error_set(err, ZB_ERR_XLSX, "%s: the list of %s does not fit in one worksheet",
                            b->path, u->name);
    char *caption = zb_buf_take(z);
    if (!caption)
        return nomem(b, err);
    sheet s;
    zb_status st = open_sheet(b, &s, u->sheet, b->w_items, 6, 1, caption, heads, err);
    free(caption);
    int section = 0;
    for (int k = 0; k < ROLES && !st; k++) {
        size_t n = u->count[k];
        if (!n)
            continue;
        char head[96];
        snprintf(head, sizeof head, "%s、%s(%zu项)", numerals[section++], role_names[k], n);
        st = group_row(b, &s, head, err);
        size_t seq = 1;
        if (k == LEAD_IND || k == COOP_IND) {
            for (size_t j = 0; j < n && !st; j++)
                st = indicator_row(b, &s, u->refs[k][j], seq++, err);
            continue;
        }
        /* A unit named in several items of one task: the task is merged over them. */
        for (size_t j = 0; j < n && !st;) {
            size_t end = j + 1;
            while (end < n && b->items[u->refs[k][end]].task == b->items[u->refs[k][j]].task)
                end++;
            st = item_block(b, &s, u->refs[k] + j, end - j, &seq, err);
            j = end;
        }
    }
    if (!st && s.keep > 0)
        zb_xlsx_pager_row_at(&s.pager, s.keep_row, s.keep);
    if (!st)
        st = close_sheet(b, &s, err);
    else
        zb_xlsx_pager_free(&s.pager);
    return st;
}

static zb_status check_text(const char *s, const char *what, zb_error *err)
{
    return zb_xlsx_check_text(s, what, err);
}

/* The formats beyond the shared ones, created once for the workbook. */
static zb_status extra_formats(bd *b, zb_error *err)
{
    lxw_workbook *wb = b->book->wb;
    b->group = zb_xlsx_new_format(wb, b->style.font_heading, b->style.body_size);
    b->caption = zb_xlsx_new_format(wb, b->style.font_heading, b->style.body_size);
    if (!b->group || !b->caption)
        return zb_error_set(err, ZB_ERR_NOMEM, "%s: out of memory creating cell formats", b->path);
    lxw_format *both[] = {b->group, b->caption};
    for (size_t i = 0; i < 2; i++) {
        format_set_align(both[i], LXW_ALIGN_LEFT);
        format_set_text_wrap(both[i]);
    }
    format_set_border(b->group, LXW_BORDER_THIN);
    return ZB_OK;
}

/* Copies of texts made while measuring (the writers' buffers are reused), freed together. */
typedef struct zb_owned_text {
    char **items;
    size_t count, cap;
} zb_owned_text;

static const char *owned_copy(zb_owned_text *o, const char *text)
{
    if (zb_grow((void **)&o->items, &o->cap, o->count + 1, sizeof *o->items))
        return NULL;
    char *c = zb_strdup(text);
    if (c)
        o->items[o->count++] = c;
    return c;
}

static void owned_free(zb_owned_text *o)
{
    for (size_t i = 0; i < o->count; i++)
        free(o->items[i]);
    free(o->items);
}

/* Widths scaled from proportions to the page's n columns. */
static void scale_widths(const double *from, double *to, size_t n, int landscape, int sheet_margins)
{
    double sum = 0, page = zb_xlsx_page_units(landscape, sheet_margins, n), left = page;
    for (size_t c = 0; c < n; c++)
        sum += from[c];
    for (size_t c = 0; c < n; c++) {
        to[c] = c + 1 < n ? floor(from[c] * page / sum + 0.5) : left;
        left -= to[c];
    }
}

/* The columns' widths: the page's, shared so that no header, task, item, indicator or unit
 * name leaves a character alone, looking at the first rows of each table. */
static zb_status choose_widths(bd *b, zb_error *err)
{
    static const char *const items_heads[] = {"序号", "任务/指标", "分工事项/目标值", "牵头单位", "配合单位", "备注"};
    static const char *const units_heads[] = {"序号", "单位", "牵头事项", "配合事项", "牵头指标", "配合指标", "备注"};
    /* 备注 holds sentences: never a column a few characters wide with a cell of many lines. */
    static const double items_min[] = {4, 10, 16, 6, 8, 11};
    static const double units_min[] = {4, 10, 5, 5, 5, 5, 8};
    /* The duties and remarks are sentences: a character alone there matters less. */
    static const double items_weight[] = {1, 1, 0.01, 1, 1, 0.01};
    scale_widths(widths_tasks, b->w_items, 6, 1, b->sheet_margins);
    scale_widths(widths_units, b->w_units, 7, 0, b->sheet_margins);
    const zb_plan *plan = b->plan;
    size_t ni = b->nitems < ZB_XLSX_FIT_ROWS ? b->nitems : ZB_XLSX_FIT_ROWS;
    size_t nd = zb_plan_indicator_count(plan);
    if (nd > ZB_XLSX_FIT_ROWS)
        nd = ZB_XLSX_FIT_ROWS;
    size_t rows = 1 + ni + nd, nu = b->nunits < ZB_XLSX_FIT_ROWS ? b->nunits : ZB_XLSX_FIT_ROWS;
    const char **cells = calloc(rows * 6 + (1 + nu) * 7, sizeof *cells);
    zb_owned_text own = {0};
    zb_status st = ZB_OK;
    if (!cells)
        return nomem(b, err);
    const char **uc = cells + rows * 6;
    for (size_t c = 0; c < 6; c++)
        cells[c] = items_heads[c];
    size_t r = 1;
    for (size_t i = 0; i < ni && !st; i++, r++) {
        const item *it = &b->items[i];
        const char *v[5] = {task_label(b, it->task), item_text(b, it), item_lead(b, it), "", item_note(b, it)};
        if (it->duty != ZB_NONE)
            v[3] = join_item_units(b, &b->join, it, zb_plan_task_duty_lead_count(plan, it->task, it->duty), (size_t)-1);
        for (size_t c = 0; c < 5 && !st; c++) {
            if (!v[c] || !(cells[r * 6 + 1 + c] = owned_copy(&own, v[c])))
                st = nomem(b, err);
        }
    }
    for (size_t i = 0; i < nd && !st; i++, r++) {
        const char *v[4] = {zb_xlsx_safe(zb_plan_indicator_name(plan, i)), zb_xlsx_safe(zb_plan_indicator_target_text(plan, i)),
                            zb_xlsx_safe(zb_plan_indicator_lead(plan, i)), join_indicator_units(b, i, 1)};
        for (size_t c = 0; c < 4 && !st; c++) {
            if (!v[c] || !(cells[r * 6 + 1 + c] = owned_copy(&own, v[c])))
                st = nomem(b, err);
        }
    }
    for (size_t c = 0; c < 7; c++)
        uc[c] = units_heads[c];
    for (size_t i = 0; i < nu; i++) {
        uc[(1 + i) * 7 + 1] = b->units[i].name;
        uc[(1 + i) * 7 + 6] = unit_remark(b, &b->units[i]);
    }
    if (!st) {
        double landscape, portrait;
        zb_xlsx_page_area(1, b->sheet_margins, &landscape, NULL);
        zb_xlsx_page_area(0, b->sheet_margins, &portrait, NULL);
        zb_xlsx_fit_widths(b->w_items, items_min, items_weight, 6, cells, rows, rows, b->style.body_size,
                           landscape);
        zb_xlsx_fit_widths(b->w_units, units_min, NULL, 7, uc, 1 + nu, 1 + nu, b->style.body_size, portrait);
    }
    owned_free(&own);
    free(cells);
    return st;
}

static zb_status write_book(bd *b, zb_error *err)
{
    zb_status st = zb_xlsx_formats_init(b->book, &b->style, &b->fmt, err);
    if (!st)
        st = extra_formats(b, err);
    if (!st)
        st = write_tasks(b, err);
    if (!st)
        st = write_units(b, err);
    for (size_t i = 0; i < b->nunits && !st; i++)
        if (*b->units[i].sheet)
            st = write_unit(b, &b->units[i], err);
    if (!st) {
        zb_date issued = zb_plan_date(b->plan, ZB_DATE_ISSUED);
        st = zb_xlsx_set_properties(b->book, b->title, zb_plan_meta(b->plan, ZB_META_TITLE),
                                    zb_plan_meta(b->plan, ZB_META_ORGAN),
                                    zb_output_time(issued, zb_plan_first_year(b->plan)), err);
    }
    return st;
}

static void bd_free(bd *b)
{
    for (size_t i = 0; i < b->nunits; i++)
        for (int k = 0; k < ROLES; k++)
            free(b->units[i].refs[k]);
    free(b->units);
    free(b->items);
    free(b->heights);
    free(b->range);
    map_free(&b->by_name, 0);
    map_free(&b->sheets, 1);
    zb_buf_free(&b->join);
    zb_buf_free(&b->leads);
    zb_buf_free(&b->label);
    zb_buf_free(&b->line);
}

ZB_API zb_status zb_xlsx_write_breakdown(const zb_plan *plan, const char *path,
                                         const zb_breakdown_options *options, zb_error *error)
{
    zb_error_clear(error);
    if (!plan)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no plan given");
    if (!path || !*path)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no output path given");
    zb_breakdown_options defaults;
    memset(&defaults, 0, sizeof defaults);
    const zb_breakdown_options *o = options ? options : &defaults;
    zb_status st = check_text(o->title, "title", error);
    if (!st)
        st = check_text(o->font_body, "font_body", error);
    if (!st)
        st = check_text(o->font_heading, "font_heading", error);
    if (!st)
        st = check_text(o->font_title, "font_title", error);
    /* Texts no document can carry are refused with their field, not met half-way. */
    if (!st)
        st = zb_plan_check_texts(plan, 1, error);
    if (st)
        return st;

    bd b;
    memset(&b, 0, sizeof b);
    b.plan = plan;
    b.path = path;
    zb_xlsx_style_defaults(&b.style);
    b.style.font_body = zb_xlsx_or(o->font_body, b.style.font_body);
    b.style.font_heading = zb_xlsx_or(o->font_heading, b.style.font_heading);
    b.style.font_title = zb_xlsx_or(o->font_title, b.style.font_title);
    const char *plan_title = zb_plan_meta(plan, ZB_META_TITLE);
    char *default_title = NULL;
    if (!(o->title && *o->title) && plan_title && *plan_title) {
        size_t n = strlen(plan_title);
        default_title = malloc(n + sizeof "责任分解表");
        if (!default_title)
            return zb_error_set(error, ZB_ERR_NOMEM, "%s: out of memory", path);
        memcpy(default_title, plan_title, n);
        memcpy(default_title + n, "责任分解表", sizeof "责任分解表");
    }
    b.title = zb_xlsx_or(o->title, default_title ? default_title : "责任分解表");

    st = collect(&b, error);
    /* Group rows at most double the item rows; a unit's sheet has fewer rows than that. */
    if (!st && b.nitems > (LXW_ROW_MAX - 8) / 2)
        st = zb_error_set(error, ZB_ERR_XLSX, "%s: %zu responsibility items do not fit in one worksheet",
                          path, b.nitems);
    if (!st && b.nunits > LXW_ROW_MAX - 8)
        st = zb_error_set(error, ZB_ERR_XLSX, "%s: %zu units do not fit in one worksheet", path,
                          b.nunits);
    if (!st && zb_plan_indicator_count(plan) > LXW_ROW_MAX - 16)
        st = zb_error_set(error, ZB_ERR_XLSX, "%s: %zu indicators do not fit in one worksheet",
                          path, zb_plan_indicator_count(plan));
    if (!st)
        st = name_sheets(&b, error);
    b.sheet_margins = o->margins == ZB_MARGINS_SHEET;
    if (!st)
        st = choose_widths(&b, error);
    if (st) {
        bd_free(&b);
        free(default_title);
        return st;
    }

    zb_xlsx_book book;
    st = zb_xlsx_open(&book, path, o->scratch_dir, error);
    if (!st) {
        b.book = &book;
        st = write_book(&b, error);
        if (st)
            zb_xlsx_discard(&book);
        else
            st = zb_xlsx_close(&book, error);
    }
    bd_free(&b);
    free(default_title);
    return st;
}

ZB_API zb_status zb_xlsx_breakdown_count(const zb_plan *plan, size_t *items, size_t *units, zb_error *error)
{
    zb_error_clear(error);
    if (items)
        *items = 0;
    if (units)
        *units = 0;
    if (!plan)
        return zb_error_set(error, ZB_ERR_ARGUMENT, "no plan given");
    bd b;
    memset(&b, 0, sizeof b);
    b.plan = plan;
    b.path = "breakdown";
    zb_status st = collect(&b, error);
    if (!st) {
        size_t n = 0;
        for (size_t i = 0; i < b.nunits; i++) {
            size_t total = 0;
            for (int r = 0; r < ROLES; r++)
                total += b.units[i].count[r];
            n += total > 0;
        }
        if (items)
            *items = b.nitems;
        if (units)
            *units = n;
    }
    bd_free(&b);
    return st;
}
