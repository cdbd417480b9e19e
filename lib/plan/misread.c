/* Signs that a plan was read wrongly from its text, for zb_plan_validate() and the
 * importer's verdict: an empty target table, a table kept as text, tasks that name no unit,
 * unit names with unbalanced brackets or a web page's furniture in them, notes that are
 * really lists of units, a responsibility note left in a task's text, a title that is a
 * site's banner or a document's masthead. Each is a warning naming where. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/plan_internal.h"

static int has(const char *s, const char *w) { return strstr(s, w) != NULL; }

static int ends(const char *s, size_t len, const char *w)
{
    size_t n = strlen(w);
    return len >= n && memcmp(s + len - n, w, n) == 0;
}

int zb_plan_name_is_unit(const char *name, size_t len)
{
    static const char *const not_words[] = {"的", "为", "下同", "列出", "第一", "负责", "按照", "职责", "分工",
                                            "以下", "以上", "。", "：", ":", "牵头", "配合"};
    static const char *const suffixes[] = {
        "局", "办", "委", "会", "部", "院", "所", "室", "中心", "公司", "行", "厅", "处", "站", "队", "组", "协",
        "联", "社", "馆", "校", "园", "区", "镇", "乡", "街道", "政府", "集团", "单位", "部门", "机关", "海关",
        "团", "署", "科", "股", "台", "场", "办事处", "管委会", ")", "）", "分局", "支行", "分行"};
    size_t chars = 0, n;
    for (size_t i = 0; i < len; i += n) {
        zb_utf8_decode(name + i, &n);
        chars++;
    }
    if (chars < 2 || chars > 30)
        return 0;
    char *copy = zb_strndup(name, len);
    if (!copy)
        return 0;
    int ok = 1;
    for (size_t i = 0; ok && i < sizeof not_words / sizeof *not_words; i++)
        if (has(copy, not_words[i]))
            ok = 0;
    if (ok && !zb_infer_collective(copy)) {
        ok = 0;
        for (size_t i = 0; !ok && i < sizeof suffixes / sizeof *suffixes; i++)
            ok = ends(copy, len, suffixes[i]);
    }
    free(copy);
    return ok;
}

/* ---- unit names ------------------------------------------------------------------------ */

/* Nonzero when the brackets and quotes of s do not pair up: 各县（市, 县经信局】. */
static int unbalanced(const char *s)
{
    static const uint32_t pairs[][2] = {{'(', ')'},       {0xFF08, 0xFF09}, {0x3010, 0x3011}, {'[', ']'},
                                        {0x201C, 0x201D}, {0x300A, 0x300B}, {0x3014, 0x3015}};
    enum { NP = sizeof pairs / sizeof *pairs };
    int depth[NP] = {0};
    size_t n;
    for (size_t i = 0; s[i]; i += n) {
        uint32_t cp = zb_utf8_decode(s + i, &n);
        for (size_t k = 0; k < NP; k++) {
            /* Full- and half-width round brackets pair with each other in real text. */
            int open = cp == pairs[k][0], close = cp == pairs[k][1];
            if (k == 0 && (cp == 0xFF08 || cp == 0xFF09))
                continue;
            if (k == 1 && (cp == '(' || cp == ')')) {
                open = cp == '(';
                close = cp == ')';
            }
            if (open)
                depth[k]++;
            if (close && --depth[k] < 0)
                return 1;
        }
    }
    for (size_t k = 0; k < NP; k++)
        if (depth[k])
            return 1;
    return 0;
}

/* Words of a web page's furniture that are no part of an organ's name. */
static const char *furniture_word(const char *s)
{
    static const char *const words[] = {"打印", "关闭", "窗口", "扫一扫", "分享", "当前页", "网站", "首页",
                                        "浏览", "访问次数", "上一篇", "下一篇", "ICP", "版权", "字号", "收藏",
                                        "手机", "http", "www."};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (has(s, words[k]))
            return words[k];
    return NULL;
}

/* Names already reported, so that a name used a hundred times is reported once; and names
 * already found to read as units, so that a unit named by thousands of indicators is looked
 * at once (a table open by content: NULL = free slot, at most half full). */
typedef struct seen {
    const char **names;
    size_t count, cap;
    const char **fine;
    size_t fine_count, fine_cap;
} seen;

static size_t name_hash(const char *s)
{
    size_t h = 5381;
    for (; *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h;
}

static int seen_fine(const seen *s, const char *name)
{
    if (!s->fine_cap)
        return 0;
    for (size_t k = name_hash(name) & (s->fine_cap - 1); s->fine[k]; k = (k + 1) & (s->fine_cap - 1))
        if (strcmp(s->fine[k], name) == 0)
            return 1;
    return 0;
}

/* Out of memory only means the name is looked at again next time. */
static void remember_fine(seen *s, const char *name)
{
    if (2 * (s->fine_count + 1) > s->fine_cap) {
        size_t cap = s->fine_cap ? 2 * s->fine_cap : 64;
        const char **t = calloc(cap, sizeof *t);
        if (!t)
            return;
        for (size_t i = 0; i < s->fine_cap; i++) {
            if (!s->fine[i])
                continue;
            size_t k = name_hash(s->fine[i]) & (cap - 1);
            while (t[k])
                k = (k + 1) & (cap - 1);
            t[k] = s->fine[i];
        }
        free(s->fine);
        s->fine = t;
        s->fine_cap = cap;
    }
    size_t k = name_hash(name) & (s->fine_cap - 1);
    while (s->fine[k])
        k = (k + 1) & (s->fine_cap - 1);
    s->fine[k] = name;
    s->fine_count++;
}

static int seen_add(seen *s, const char *name)
{
    for (size_t k = 0; k < s->count; k++)
        if (strcmp(s->names[k], name) == 0)
            return 0;
    if (zb_grow((void **)&s->names, &s->cap, s->count + 1, sizeof *s->names))
        return -1;
    s->names[s->count++] = name;
    return 1;
}

static int check_unit_name(zb_findings *f, seen *s, const char *name, const char *where, const char *what)
{
    if (seen_fine(s, name))
        return 0;
    const char *word = furniture_word(name);
    int bad = unbalanced(name);
    size_t chars = zb_utf8_length(name);
    int sentence = has(name, "。") || has(name, "：") || chars > 40;
    if (!word && !bad && !sentence) {
        remember_fine(s, name);
        return 0;
    }
    int r = seen_add(s, name);
    if (r <= 0)
        return r;
    char why[160];
    if (bad)
        snprintf(why, sizeof why, "its brackets do not pair up");
    else if (word)
        snprintf(why, sizeof why, "it holds “%s”, a web page's furniture", word);
    else
        snprintf(why, sizeof why, "it reads as a sentence, not a name");
    return zb_findings_add(f, ZB_SEV_WARNING, "unit-name", where,
                           "%s “%s” does not read as the name of a unit: %s (misread from the text?)", what, name, why);
}

/* ---- notes that are lists of units ------------------------------------------------------ */

static int is_separator(uint32_t cp)
{
    return cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' || cp == 0x3002 || cp == 0x3000 || cp == ' ';
}

static int is_open(uint32_t cp) { return cp == '(' || cp == 0xFF08 || cp == 0x3010 || cp == '[' || cp == 0x201C; }
static int is_close(uint32_t cp) { return cp == ')' || cp == 0xFF09 || cp == 0x3011 || cp == ']' || cp == 0x201D; }

/* Nonzero when [b, e) of s, split at 、 outside brackets, is names of units none of which the
 * item names (the note lists units the item lost). */
static int lost_units(const zb_plan *plan, size_t t, size_t d, const char *s, size_t b, size_t e)
{
    size_t n, start = b, names = 0;
    int depth = 0;
    for (size_t i = b; i <= e; i += n) {
        uint32_t cp = i < e ? zb_utf8_decode(s + i, &n) : 0;
        if (i == e)
            n = 1;
        if (is_open(cp))
            depth++;
        else if (is_close(cp) && depth > 0)
            depth--;
        if (i < e && (cp != 0x3001 || depth))
            continue;
        if (i > start) {
            if (!zb_plan_name_is_unit(s + start, i - start))
                return 0;
            size_t nr = zb_plan_task_duty_responsible_count(plan, t, d);
            for (size_t k = 0; k < nr; k++) {
                const char *u = zb_plan_task_duty_responsible(plan, t, d, k);
                if (strlen(u) == i - start && memcmp(u, s + start, i - start) == 0)
                    return 0;
            }
            names++;
        }
        start = i + n;
    }
    return names > 0;
}

/* A clause of the note, without a label before a colon and a role word after the names. */
static int note_lists_units(const zb_plan *plan, size_t t, size_t d, const char *note)
{
    static const char *const roles[] = {"按职责分工负责", "按职责负责", "负责", "配合", "协助", "参与", "牵头", "协办"};
    size_t len = strlen(note), start = 0, n;
    int depth = 0;
    for (size_t i = 0; i <= len; i += n) {
        uint32_t cp = i < len ? zb_utf8_decode(note + i, &n) : 0;
        if (i == len)
            n = 1;
        if (is_open(cp))
            depth++;
        else if (is_close(cp) && depth > 0)
            depth--;
        if (i < len && (!is_separator(cp) || depth))
            continue;
        size_t b = start, e = i;
        start = i + n;
        /* 责任科室：经济发展办 → 经济发展办. */
        size_t m;
        for (size_t k = b; k < e; k += m) {
            uint32_t c = zb_utf8_decode(note + k, &m);
            if (c == 0xFF1A || c == ':') {
                b = k + m;
                break;
            }
        }
        int role = 0;
        for (size_t r = 0; r < sizeof roles / sizeof *roles; r++)
            if (e - b > strlen(roles[r]) && ends(note + b, e - b, roles[r])) {
                e -= strlen(roles[r]);
                role = 1;
                break;
            }
        /* X配合 beside the units an item names is a remark a plan may keep (…配合。以下列第一位
         * 的为牵头单位); units in a note of an item that names none, or after a label, are lost. */
        if (role && zb_plan_task_duty_responsible_count(plan, t, d) > 0)
            continue;
        if (e > b && lost_units(plan, t, d, note, b, e))
            return 1;
    }
    return 0;
}

/* A responsibility label left in a task's text (责任科室：…): a note the reader did not know. */
static const char *note_label_in(const char *text)
{
    static const char *const labels[] = {"牵头单位", "责任单位", "配合单位", "责任部门", "牵头部门", "配合部门",
                                         "责任科室", "责任处室", "牵头处室", "牵头科室", "协办单位", "参与单位",
                                         "责任领导", "主办单位", "协办科室"};
    const char *first = NULL;
    for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
        const char *p = strstr(text, labels[k]);
        while (p && (!first || p < first)) {
            const char *q = p + strlen(labels[k]);
            while (*q == ' ')
                q++;
            if (*q == ':' || strncmp(q, "：", strlen("：")) == 0) {
                first = p;
                break;
            }
            p = strstr(q, labels[k]);
        }
    }
    return first;
}

/* ---- tables kept as text ---------------------------------------------------------------- */

/* Nonzero when text looks like a table: rows of cells separated by tabs or by runs of
 * spaces, or header cells one per line (序号, 指标名称, 目标值, 牵头单位 …). */
static int table_like(const char *text)
{
    size_t tab_rows = 0, space_rows = 0, headers = 0, lines = 0;
    static const char *const header_words[] = {"序号", "指标名称", "指标", "目标值", "责任单位", "牵头单位",
                                               "重点任务", "完成时限", "计量单位", "具体举措", "配合单位"};
    const char *p = text;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        lines++;
        size_t tabs = 0, runs = 0;
        for (size_t i = 0; i < len; i++) {
            tabs += p[i] == '\t';
            if (i + 1 < len && p[i] == ' ' && p[i + 1] == ' ' && (i == 0 || p[i - 1] != ' '))
                runs++;
        }
        tab_rows += tabs >= 2;
        space_rows += runs >= 2;
        for (size_t k = 0; k < sizeof header_words / sizeof *header_words; k++) {
            size_t w = strlen(header_words[k]);
            if (len == w && memcmp(p, header_words[k], w) == 0)
                headers++;
        }
        p += len + (e ? 1 : 0);
    }
    return tab_rows >= 3 || space_rows >= 3 || headers >= 3;
}

/* ---- titles ------------------------------------------------------------------------------ */

static const char *banner_kind(const char *title)
{
    size_t len = strlen(title);
    if (!len)
        return NULL;
    if (ends(title, len, "网站") || ends(title, len, "政府网") || ends(title, len, "门户网") || has(title, "首页") ||
        has(title, ">") || has(title, "＞") || has(title, "无障碍"))
        return "a web site's banner or breadcrumb";
    if (ends(title, len, "文件") && !has(title, "关于"))
        return "a red-head document's masthead (发文机关标志)";
    if (has(title, "公报") && zb_utf8_length(title) <= 30)
        return "a gazette's running header";
    static const char *const organs[] = {"人民政府", "政府", "委员会", "办公室", "局", "厅", "管委会"};
    for (size_t k = 0; k < sizeof organs / sizeof *organs; k++)
        if (ends(title, len, organs[k]) && zb_utf8_length(title) <= 20)
            return "an organ's name alone (a site's banner)";
    return NULL;
}

/* A notice whose own title is not in the text (a site shows the plan's title instead): a
 * paragraph issues 《X》 (现将《X》印发给你们), X stands below it as a paragraph of its own, and
 * the plan names no plan it issues. The notice's parts and the plan's text are then one. */
static int check_untitled_notice(const zb_plan *plan, zb_findings *f)
{
    if (*zb_plan_meta(plan, ZB_META_PLAN_TITLE))
        return 0;
    size_t nb = zb_plan_block_count(plan);
    for (size_t b = 0; b < nb; b++) {
        const char *t = zb_plan_block_text(plan, b);
        const char *open = strstr(t, "《"), *close = open ? strstr(open, "》") : NULL;
        if (!close || !has(close, "印发"))
            continue;
        open += strlen("《");
        size_t len = (size_t)(close - open);
        for (size_t c = b + 1; c < nb && len; c++) {
            const char *u = zb_plan_block_text(plan, c);
            if (strlen(u) == len && memcmp(u, open, len) == 0)
                return zb_findings_add(f, ZB_SEV_WARNING, "notice-untitled", "body",
                                       "the text issues 《%s》 as a notice does and “%s” stands below as a paragraph, "
                                       "but no plan is read as issued: the notice's own title (…关于印发…的通知) is "
                                       "not in the text, and the notice and the plan are read as one",
                                       u, u) ? -1 : 1;
        }
    }
    return 0;
}

/* ---- the checks -------------------------------------------------------------------------- */

int zb_plan_check_misread(const zb_plan *plan, zb_findings *f)
{
    int bad = 0;
    const char *title = zb_plan_meta(plan, ZB_META_TITLE);
    const char *kind = banner_kind(title);
    if (kind)
        bad |= zb_findings_add(f, ZB_SEV_WARNING, "title-banner", "title",
                               "the title “%s” reads as %s, not a document's title (misread from the text?)", title,
                               kind);

    /* Attachments: a target table that holds nothing, a table kept as text. */
    size_t na = zb_plan_attachment_count(plan), ni = zb_plan_indicator_count(plan);
    for (size_t a = 0; a < na && !bad; a++) {
        const char *at = zb_plan_attachment_title(plan, a);
        zb_attachment_kind k = zb_plan_attachment_kind(plan, a);
        int number = zb_plan_attachment_number(plan, a);
        char where[32];
        snprintf(where, sizeof where, "附件%d", number);
        int names_table = (has(at, "指标") || has(at, "目标")) && (has(at, "表") || has(at, "体系"));
        if (ni == 0 && (k == ZB_ATTACH_TARGETS || names_table))
            bad |= zb_findings_add(f, ZB_SEV_WARNING, "empty-table", where,
                                   "附件%d (%s) names a target table, but the plan has no indicators: the table was not "
                                   "read",
                                   number, at);
        else if (k == ZB_ATTACH_TEXT && table_like(zb_plan_attachment_text(plan, a)))
            bad |= zb_findings_add(f, ZB_SEV_WARNING, "table-as-text", where,
                                   "附件%d (%s) is kept as text but reads as a table (cells in columns or one per line)",
                                   number, at);
    }
    size_t nb = zb_plan_block_count(plan), rows = 0, first = ZB_NONE;
    for (size_t b = 0; b < nb; b++) {
        const char *t = zb_plan_block_text(plan, b);
        if (strchr(t, '\t') && strchr(strchr(t, '\t') + 1, '\t')) {
            rows++;
            if (first == ZB_NONE)
                first = b;
        }
    }
    if (rows >= 3 && !bad)
        bad |= zb_findings_add(f, ZB_SEV_WARNING, "table-as-text", "body",
                               "%zu paragraphs of the text are rows of cells separated by tabs (from “%.60s”): a table "
                               "kept as text",
                               rows, zb_plan_block_text(plan, first));

    /* Tasks: units named, names that read as units, notes that are lists of units. */
    size_t nt = zb_plan_task_count(plan), without = 0;
    for (size_t t = 0; t < nt; t++) {
        size_t units = 0;
        for (size_t d = 0; d < zb_plan_task_duty_count(plan, t); d++)
            units += zb_plan_task_duty_responsible_count(plan, t, d);
        without += units == 0;
    }
    char where[600];
    if (!nt && !bad) {
        /* No task read, yet paragraphs end in what reads as a responsibility note. */
        static const char *const words[] = {"牵头）", "牵头)", "配合）", "配合)", "负责）", "负责)", "责任单位",
                                            "牵头单位", "责任部门"};
        size_t hits = 0, first_hit = ZB_NONE;
        for (size_t b = 0; b < nb; b++) {
            const char *t = zb_plan_block_text(plan, b);
            for (size_t k = 0; k < sizeof words / sizeof *words; k++)
                if (has(t, words[k])) {
                    if (first_hit == ZB_NONE)
                        first_hit = b;
                    hits++;
                    break;
                }
        }
        if (hits >= 2)
            bad |= zb_findings_add(f, ZB_SEV_WARNING, "task-no-unit", "tasks",
                                   "no task was read, yet %zu paragraphs name responsible units (from “%.40s”): were "
                                   "the responsibility notes read?",
                                   hits, zb_plan_block_text(plan, first_hit));
    }
    if (nt && without == nt && !bad) {
        bad |= zb_findings_add(f, ZB_SEV_WARNING, "task-no-unit", "tasks",
                               "none of the %zu tasks names a responsible unit: were the responsibility notes read?", nt);
    } else {
        for (size_t t = 0; t < nt && without && !bad; t++) {
            size_t units = 0;
            for (size_t d = 0; d < zb_plan_task_duty_count(plan, t); d++)
                units += zb_plan_task_duty_responsible_count(plan, t, d);
            if (units)
                continue;
            const char *src = zb_plan_task_source(plan, t);
            snprintf(where, sizeof where, "%s", *src ? src : "task");
            bad |= zb_findings_add(f, ZB_SEV_WARNING, "task-no-unit", where,
                                   "task %s (%s) names no responsible unit, while %zu other task%s do", zb_plan_task_number(plan, t),
                                   zb_plan_task_title(plan, t), nt - without, nt - without == 1 ? "" : "s");
        }
    }
    seen s = {0};
    for (size_t t = 0; t < nt && !bad; t++) {
        const char *src = zb_plan_task_source(plan, t);
        snprintf(where, sizeof where, "%s", *src ? src : "task");
        const char *left = note_label_in(zb_plan_task_text(plan, t));
        if (left)
            bad |= zb_findings_add(f, ZB_SEV_WARNING, "note-in-text", where,
                                   "task %s: its text holds a responsibility note that was not read (“%.40s”)",
                                   zb_plan_task_number(plan, t), left);
        for (size_t d = 0; d < zb_plan_task_duty_count(plan, t) && !bad; d++) {
            for (size_t k = 0; k < zb_plan_task_duty_responsible_count(plan, t, d) && !bad; k++) {
                int r = check_unit_name(f, &s, zb_plan_task_duty_responsible(plan, t, d, k), where, "responsible unit");
                bad |= r < 0;
            }
            const char *note = zb_plan_task_duty_note(plan, t, d);
            if (*note && note_lists_units(plan, t, d, note))
                bad |= zb_findings_add(f, ZB_SEV_WARNING, "note-units", where,
                                       "task %s: the note “%s” lists units the item does not name (a note form not "
                                       "read?)",
                                       zb_plan_task_number(plan, t), note);
        }
    }
    for (size_t i = 0; i < ni && !bad; i++) {
        const char *src = zb_plan_indicator_source(plan, i), *loc = where;
        if (*src && strlen(src) < sizeof where) {
            loc = src; /* as the copy below would be: no copy for every indicator */
        } else if (*src) {
            memcpy(where, src, sizeof where - 1); /* cut as snprintf would */
            where[sizeof where - 1] = '\0';
        } else {
            snprintf(where, sizeof where, "indicator %d", zb_plan_indicator_seq(plan, i));
        }
        for (size_t k = 0; k < zb_plan_indicator_responsible_count(plan, i) && !bad; k++)
            bad |= check_unit_name(f, &s, zb_plan_indicator_responsible(plan, i, k), loc, "responsible unit") < 0;
    }
    for (size_t u = 0; u < zb_plan_unit_count(plan) && !bad; u++)
        bad |= check_unit_name(f, &s, zb_plan_unit_name(plan, u), "units", "unit") < 0;
    if (!bad)
        bad |= check_untitled_notice(plan, f) < 0;
    free(s.names);
    free(s.fine);
    return bad ? -1 : 0;
}
