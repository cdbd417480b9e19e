/* The second stage of the importer: what each clean line is part of.
 *
 * A published document comes in parts, in this order: site furniture (banners, breadcrumbs,
 * menus, 打印本页), the header block a site prints (索引号, 发布机构, 文号 …, possibly again
 * after the title), a red-head document's masthead (XX人民政府文件) and document number, the
 * title (on one line or several), and for a notice its recipients (主送机关), its own text,
 * its list of attachments (附件说明), signature, date and 附注, then the plan it issues;
 * then the attachments (附件2 …) and the furniture at the page's foot. Each line gets its
 * role; header fields are read into label and value. The title is chosen by evidence: its
 * shape (关于…的通知, …方案, …要点), its place just before the body, the same words again
 * as the 标题 field, the plan a notice issues, an entry of its 附件说明 or an attachment's
 * title — never a banner, breadcrumb, masthead or running header. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_internal.h"

/* ---- small readers ------------------------------------------------------------------- */

static int is_ideograph(uint32_t cp) { return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF); }

static int is_colon(uint32_t cp) { return cp == ':' || cp == 0xFF1A; }

/* Separators of a site's header layout: white space, |, ｜, •, ·. */
static int is_field_separator(uint32_t cp)
{
    return zb_imp_is_space(cp) || cp == '|' || cp == 0xFF5C || cp == 0x2022 || cp == 0x00B7 || cp == 0x25CF ||
           cp == 0x25C6 || cp == 0x25A0 || cp == 0x30FB;
}

static int has(const char *s, const char *word) { return strstr(s, word) != NULL; }

/* s without white space, 【】[]•|·, colons: how furniture and labels are compared. */
static char *flatten(const char *s)
{
    size_t len = strlen(s), o = 0, n;
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i += n) {
        uint32_t cp = zb_imp_cp(s + i, &n);
        if (is_field_separator(cp) || cp == 0x3010 || cp == 0x3011 || cp == '[' || cp == ']' || is_colon(cp))
            continue;
        memcpy(out + o, s + i, n);
        o += n;
    }
    out[o] = '\0';
    return out;
}

/* ---- header labels -------------------------------------------------------------------- */

typedef struct label_def {
    const char *text;
    int kind;
} label_def;

/* The labels sites print, by what they say (spaces inside a label are removed first:
 * `索 引 号`, `文　　号`). */
static const label_def labels[] = {
    {"索引号", ZB_FIELD_INDEX},         {"信息索引号", ZB_FIELD_INDEX},     {"索取号", ZB_FIELD_INDEX},
    {"发布机构", ZB_FIELD_PUBLISHER},   {"发布单位", ZB_FIELD_PUBLISHER},   {"发布部门", ZB_FIELD_PUBLISHER},
    {"信息来源", ZB_FIELD_PUBLISHER},   {"来源", ZB_FIELD_PUBLISHER},       {"来源单位", ZB_FIELD_PUBLISHER},
    {"发布日期", ZB_FIELD_PUBLISHED},   {"发布时间", ZB_FIELD_PUBLISHED},   {"公开日期", ZB_FIELD_PUBLISHED},
    {"公开时间", ZB_FIELD_PUBLISHED},   {"成文日期", ZB_FIELD_ISSUED},
    {"成文时间", ZB_FIELD_ISSUED},      {"发文日期", ZB_FIELD_ISSUED},      {"发文时间", ZB_FIELD_ISSUED},
    {"签发日期", ZB_FIELD_ISSUED},      {"印发日期", ZB_FIELD_PRINTED},     {"文号", ZB_FIELD_DOC_NUMBER},
    {"发文字号", ZB_FIELD_DOC_NUMBER},  {"文件编号", ZB_FIELD_DOC_NUMBER},  {"发文文号", ZB_FIELD_DOC_NUMBER},
    {"文件字号", ZB_FIELD_DOC_NUMBER},  {"文件文号", ZB_FIELD_DOC_NUMBER},  {"有效性", ZB_FIELD_VALIDITY},
    {"文件效力", ZB_FIELD_VALIDITY},    {"时效", ZB_FIELD_VALIDITY},        {"时效性", ZB_FIELD_VALIDITY},
    {"是否有效", ZB_FIELD_VALIDITY},    {"效力状态", ZB_FIELD_VALIDITY},    {"有效状态", ZB_FIELD_VALIDITY},
    {"公开方式", ZB_FIELD_DISCLOSURE},  {"公开形式", ZB_FIELD_DISCLOSURE},  {"公开属性", ZB_FIELD_DISCLOSURE},
    {"发文机关", ZB_FIELD_ORGAN},       {"发文单位", ZB_FIELD_ORGAN},       {"发文机构", ZB_FIELD_ORGAN},
    {"制发机关", ZB_FIELD_ORGAN},       {"标题", ZB_FIELD_TITLE},           {"文件名称", ZB_FIELD_TITLE},
    {"名称", ZB_FIELD_TITLE},           {"主题分类", ZB_FIELD_KEEP},        {"信息分类", ZB_FIELD_KEEP},
    {"体裁分类", ZB_FIELD_KEEP},        {"组配分类", ZB_FIELD_KEEP},        {"服务对象", ZB_FIELD_KEEP},
    {"公开范围", ZB_FIELD_KEEP},        {"公开时限", ZB_FIELD_KEEP},        {"生效日期", ZB_FIELD_KEEP},
    {"施行日期", ZB_FIELD_KEEP},        {"废止日期", ZB_FIELD_KEEP},        {"失效日期", ZB_FIELD_KEEP},
    {"统一编号", ZB_FIELD_KEEP},        {"关联文件", ZB_FIELD_KEEP},        {"主题词", ZB_FIELD_KEEP},
    {"关键词", ZB_FIELD_KEEP},          {"所属机构", ZB_FIELD_KEEP},        {"文种", ZB_FIELD_KEEP},
    {"分类", ZB_FIELD_KEEP},            {"信息类别", ZB_FIELD_KEEP},        {"内容分类", ZB_FIELD_KEEP},
    {"发布层级", ZB_FIELD_KEEP},        {"所属主题", ZB_FIELD_KEEP},        {"信息类型", ZB_FIELD_KEEP},
    {"访问次数", ZB_FIELD_FURNITURE},   {"浏览次数", ZB_FIELD_FURNITURE},   {"阅读次数", ZB_FIELD_FURNITURE},
    {"点击数", ZB_FIELD_FURNITURE},     {"点击量", ZB_FIELD_FURNITURE},     {"字号", ZB_FIELD_FURNITURE},
    {"字体", ZB_FIELD_FURNITURE},       {"分享", ZB_FIELD_FURNITURE},       {"分享到", ZB_FIELD_FURNITURE},
    {"打印", ZB_FIELD_FURNITURE},       {"关闭", ZB_FIELD_FURNITURE},       {"打印本页", ZB_FIELD_FURNITURE},
    {"关闭窗口", ZB_FIELD_FURNITURE},   {"当前位置", ZB_FIELD_FURNITURE},   {"收藏", ZB_FIELD_FURNITURE},
};

static const label_def *find_label(const char *flat)
{
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (strcmp(flat, labels[i].text) == 0)
            return &labels[i];
    return NULL;
}

/* A label at s: ideographs (single runs of white space between them allowed, as in
 * `索 引 号` and `文　　号`) then a colon; or, without a colon, a known label written
 * without spaces and followed directly by its value (索引号M059/…). Returns the bytes the
 * label (and its colon and the spaces after it) take, 0 when none; *kind the field (or
 * ZB_FIELD_UNKNOWN), label the label without spaces (64 bytes). colon_only: an unknown or
 * spaced label needs its colon. */
static size_t label_at(const char *s, int allow_unknown, int *kind, char *label)
{
    const char *p = s;
    size_t n, chars = 0, lo = 0;
    char flat[64];
    size_t best = 0;
    int best_kind = -1;
    char best_label[64] = "";
    int spaced = 0, colon = 0;
    size_t part = 0; /* characters since the last space: a spaced label is spaced one by one */
    if (*p == 0x5B /* [ */ || zb_imp_starts(p, "【"))
        return 0; /* rewritten by the caller */
    while (chars < 8) {
        uint32_t cp = zb_imp_cp(p, &n);
        if (!n || !is_ideograph(cp))
            break;
        if (lo + n >= sizeof flat)
            break;
        if (spaced && part >= 1)
            break; /* 有效　　公开日期: a value, then a label, not one label */
        memcpy(flat + lo, p, n);
        lo += n;
        flat[lo] = '\0';
        chars++;
        part++;
        p += n;
        /* What follows this prefix: a colon (after spaces), or the value. */
        const char *q = p;
        while (zb_imp_is_space(zb_imp_cp(q, &n)) && n)
            q += n;
        uint32_t next = zb_imp_cp(q, &n);
        const label_def *def = find_label(flat);
        if (is_colon(next) && n) {
            const char *v = q + n;
            while (zb_imp_is_space(zb_imp_cp(v, &n)) && n)
                v += n;
            if (def || (allow_unknown && chars >= 2 && chars <= 6)) {
                best = (size_t)(v - s);
                best_kind = def ? def->kind : ZB_FIELD_UNKNOWN;
                memcpy(best_label, flat, lo + 1);
                colon = 1;
            }
        } else if (def && !spaced && !colon && (chars >= 3 || memchr(p, '\t', (size_t)(q - p)))) {
            /* 索引号M059…, 发布机构县经信局, or a label cell followed by its value cell; a
             * label of two characters only as a cell (文号 | …). */
            const char *v = p;
            while (zb_imp_is_space(zb_imp_cp(v, &n)) && n)
                v += n;
            best = (size_t)(v - s);
            best_kind = def->kind;
            memcpy(best_label, flat, lo + 1);
        }
        /* A single run of white space between the characters of a label. */
        const char *r = p;
        size_t ws = 0;
        while (zb_imp_is_space(zb_imp_cp(r, &n)) && n && ws < 4) {
            r += n;
            ws++;
        }
        if (ws && is_ideograph(zb_imp_cp(r, &n)) && part == 1) {
            /* Only when the spaced label ends in a colon; checked when it does. */
            p = r;
            spaced = 1;
            part = 0;
        }
    }
    if (best_kind < 0)
        return 0;
    *kind = best_kind;
    memcpy(label, best_label, strlen(best_label) + 1);
    return best;
}

/* A copy of the line with `[label]`, `【label】` written as `label：` and `|` as a tab, so
 * that one reader takes every layout. */
static char *rewrite_header(const char *s)
{
    size_t len = strlen(s), o = 0, n;
    char *out = malloc(len * 2 + 8);
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i += n) {
        uint32_t cp = zb_imp_cp(s + i, &n);
        if (cp == '|' || cp == 0xFF5C) {
            out[o++] = '\t';
            continue;
        }
        if (cp == '[' || cp == 0x3010) {
            uint32_t close = cp == '[' ? ']' : 0x3011;
            size_t j = i + n, m, chars = 0;
            while (j < len && chars < 10) {
                uint32_t c = zb_imp_cp(s + j, &m);
                if (c == close || !(is_ideograph(c) || zb_imp_is_space(c)))
                    break;
                j += m;
                chars++;
            }
            uint32_t c = j < len ? zb_imp_cp(s + j, &m) : 0;
            if (c == close && chars >= 2) {
                out[o++] = '\t';
                memcpy(out + o, s + i + n, j - i - n);
                o += j - i - n;
                memcpy(out + o, "：", strlen("："));
                o += strlen("：");
                n = j + m - i;
                continue;
            }
        }
        memcpy(out + o, s + i, n);
        o += n;
    }
    out[o] = '\0';
    return out;
}

static int push_field(zb_imp_seg *seg, int kind, const char *label, const char *value, size_t vlen, int line)
{
    if (zb_grow((void **)&seg->fields, &seg->fields_cap, seg->nfields + 1, sizeof *seg->fields))
        return -1;
    zb_imp_field f = {kind, zb_strdup(label), zb_imp_trim(value, vlen), line};
    if (!f.label || !f.value) {
        free(f.label);
        free(f.value);
        return -1;
    }
    /* The brackets of 【字号：大 中 小】 and a cell's trailing | are furniture too. */
    size_t l = strlen(f.value);
    while (l && (zb_imp_ends(f.value, l, "】") || zb_imp_ends(f.value, l, "【")))
        f.value[l -= strlen("】")] = '\0';
    char *t = zb_imp_trim(f.value, l);
    free(f.value);
    f.value = t;
    if (!t) {
        free(f.label);
        return -1;
    }
    seg->fields[seg->nfields++] = f;
    return 0;
}

/* Reads a header line into fields: label value label value … in any of the layouts. Returns
 * the number of fields (0: not a header line; the caller then keeps it), -1 out of memory.
 * A line is a header line when it starts with a label (after bullets and pipes) and, if
 * that label is unknown, has a known one too. */
static int read_header_line(zb_imp_seg *seg, const char *line, int number, int unknown_only)
{
    char *s = rewrite_header(line);
    if (!s)
        return -1;
    size_t len = strlen(s), i = 0, n;
    while (i < len && is_field_separator(zb_imp_cp(s + i, &n)))
        i += n;
    int kind;
    char label[64];
    size_t k = label_at(s + i, 1, &kind, label);
    if (!k) {
        free(s);
        return 0;
    }
    /* Every label on the line, with where its value starts. */
    typedef struct hit {
        size_t at, value;
        int kind;
        char label[64];
    } hit;
    hit hits[24];
    size_t nhits = 0, known = 0;
    uint32_t prev = ' ';
    for (size_t p = i; p < len && nhits < 24; p += n) {
        uint32_t cp = zb_imp_cp(s + p, &n);
        /* A label starts a token: after a separator, or glued after a value that is not
         * Chinese (17:27访问次数). Unknown labels need a separator and a colon. */
        int token = is_field_separator(prev) || p == i;
        int glued = !token && prev < 0x80 && prev != 0;
        if (is_ideograph(cp) && (token || glued)) {
            size_t m = label_at(s + p, token, &kind, label);
            if (m) {
                hit *h = &hits[nhits++];
                h->at = p;
                h->value = p + m;
                h->kind = kind;
                memcpy(h->label, label, strlen(label) + 1);
                known += kind != ZB_FIELD_UNKNOWN;
                prev = ' ';
                n = m;
                continue;
            }
        }
        prev = cp;
    }
    /* A line of unknown labels only (联系电话：…) is a header line above the body. */
    if (!known && !(unknown_only && nhits && hits[0].at == i && hits[0].value < len)) {
        free(s);
        return 0;
    }
    for (size_t h = 0; h < nhits; h++) {
        size_t end = h + 1 < nhits ? hits[h + 1].at : len;
        if (push_field(seg, hits[h].kind, hits[h].label, s + hits[h].value, end - hits[h].value, number)) {
            free(s);
            return -1;
        }
    }
    free(s);
    return (int)nhits;
}

/* ---- furniture --------------------------------------------------------------------------- */

static const char *const menu_words[] = {
    "无障碍", "无障碍浏览", "长者模式", "长者版", "关怀版", "适老化", "简体", "繁体", "繁體", "登录", "注册",
    "网站首页", "首页", "政务公开", "政务服务", "互动交流", "公众参与", "走进", "English", "手机版", "网站地图",
    "联系我们", "设为首页", "加入收藏", "智能问答", "搜索", "移动版", "读屏专用", "关闭", "打印", "返回顶部",
    "信息公开", "政府信息公开", "专题专栏", "新闻中心", "办事服务", "数据开放", "微信", "微博", "政务微博",
    "政务微信", "智能机器人", "English版"};

static int is_menu_word(const char *w)
{
    for (size_t k = 0; k < sizeof menu_words / sizeof *menu_words; k++)
        if (strcmp(w, menu_words[k]) == 0)
            return 1;
    return 0;
}

/* A line of a site's menus: every word, split at | • · and white space, is a menu word. */
static int menu_line(const char *s)
{
    size_t len = strlen(s), start = 0, n, words = 0;
    for (size_t i = 0; i <= len; i += n) {
        uint32_t cp = i < len ? zb_imp_cp(s + i, &n) : 0;
        if (i == len)
            n = 1;
        if (i < len && !is_field_separator(cp) && cp != 0xFF5C)
            continue;
        if (i > start) {
            char w[128];
            size_t l = i - start < sizeof w - 1 ? i - start : sizeof w - 1;
            memcpy(w, s + start, l);
            w[l] = '\0';
            if (!is_menu_word(w))
                return 0;
            words++;
        }
        start = i + n;
    }
    return words > 0;
}

/* What a line of site or page furniture is, or NULL. top: the line lies before the body. */
static const char *furniture_kind(const char *s, int top)
{
    size_t chars = zb_utf8_length(s);
    if (menu_line(s))
        return "menu";
    char *f = flatten(s);
    if (!f)
        return NULL;
    const char *kind = NULL;
    static const char *const prefixes[] = {"上一篇", "下一篇", "相关链接", "相关阅读", "相关文件", "相关新闻",
                                           "网站标识码", "版权所有", "Copyright", "copyright", "©", "技术支持",
                                           "扫一扫", "用手机扫", "手机扫描", "分享到", "您当前", "您的位置",
                                           "当前位置", "所在位置", "您现在的位置", "现在的位置"};
    static const char *const whole[] = {"打印本页关闭窗口", "打印本页", "关闭窗口", "打印关闭", "打印", "关闭",
                                        "分享", "收藏", "返回顶部", "网站地图", "联系我们", "字号大中小",
                                        "字体大中小", "字号大中小打印关闭", "打印此页", "关闭本页", "纠错",
                                        "我要纠错", "视力保护色"};
    for (size_t k = 0; !kind && k < sizeof prefixes / sizeof *prefixes; k++)
        if (zb_imp_starts(f, prefixes[k]))
            kind = "page";
    for (size_t k = 0; !kind && k < sizeof whole / sizeof *whole; k++)
        if (strcmp(f, whole[k]) == 0)
            kind = "page";
    if (!kind && (has(f, "ICP备") || has(f, "公网安备") || has(f, "ICP证")))
        kind = "page";
    if (!kind && (zb_imp_starts(f, "主办") || zb_imp_starts(f, "承办")) &&
        (has(f, "承办") + has(f, "网站") + has(f, "技术支持") + has(f, "维护") >= 1) && chars <= 80 &&
        !has(s, "。"))
        kind = "page";
    /* Breadcrumbs: 首页 > 政务公开 > …. */
    if (!kind && (has(s, ">") || has(s, "＞") || has(s, "»") || has(s, "›")) && chars <= 80 && !has(s, "。"))
        kind = "breadcrumb";
    /* A site's banner: XX县人民政府门户网站. */
    size_t fl = strlen(f);
    if (!kind && chars <= 30 &&
        (zb_imp_ends(f, fl, "门户网站") || zb_imp_ends(f, fl, "政府网") || zb_imp_ends(f, fl, "官方网站") ||
         zb_imp_ends(f, fl, "网站") || zb_imp_ends(f, fl, "门户网") || zb_imp_ends(f, fl, "政务网")))
        kind = "banner";
    (void)top;
    free(f);
    return kind;
}

/* ---- shapes ------------------------------------------------------------------------------ */

static const char *const doc_words[] = {
    "通知", "通报", "决定", "意见", "方案", "要点", "计划", "规划", "办法", "细则", "清单", "分解表", "任务表",
    "指标表", "目标表", "责任表", "一览表", "函", "批复", "报告", "纲要", "措施", "举措", "指南", "行动", "工程",
    "条例", "规定", "安排", "要求", "任务", "重点", "实施意见", "指导意见", "公告", "通告", "纪要", "总结"};

/* The title without a trailing bracketed group such as （2025—2027年）, （试行）. */
static size_t core_length(const char *s)
{
    size_t len = strlen(s);
    if (zb_imp_ends(s, len, "）") || zb_imp_ends(s, len, ")")) {
        const char *open = NULL;
        for (const char *p = s; *p; p++) {
            if (zb_imp_starts(p, "（") || *p == '(')
                open = p;
        }
        if (open && open > s)
            return (size_t)(open - s);
    }
    return len;
}

static int has_doc_shape(const char *s)
{
    size_t len = core_length(s);
    for (size_t k = 0; k < sizeof doc_words / sizeof *doc_words; k++)
        if (zb_imp_ends(s, len, doc_words[k]))
            return 1;
    return 0;
}

/* A title that stands alone: its shape, and 关于 or an organ or place at its start. */
static int complete_title(const char *s)
{
    if (!has_doc_shape(s))
        return 0;
    if (has(s, "关于"))
        return 1;
    size_t n, chars = 0;
    for (const char *p = s; *p && chars < 10; p += n, chars++) {
        uint32_t cp = zb_imp_cp(p, &n);
        if (cp == 0x7701 || cp == 0x5E02 || cp == 0x53BF || cp == 0x533A || cp == 0x9547 || cp == 0x4E61 ||
            cp == 0x5DDE || cp == 0x76DF) /* 省 市 县 区 镇 乡 州 盟 */
            return 1;
    }
    return 0;
}

/* XX人民政府文件, 中共XX委员会文件, XX办公室文件: a red-head document's organ mark. */
static int masthead_like(const char *s)
{
    size_t len = strlen(s), chars = zb_utf8_length(s);
    return chars >= 4 && chars <= 40 && zb_imp_ends(s, len, "文件") && !has(s, "关于") && !has(s, "的");
}

/* A gazette's masthead or running header: XX省人民政府公报, 2025年第6期. */
static int masthead_words_line(const char *s)
{
    if (zb_utf8_length(s) > 40)
        return 0;
    static const char *const words[] = {"公报", "政报", "简报", "年第"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (has(s, words[k]))
            return 1;
    return 0;
}

/* A name of an organ alone: a banner before the title, or a signature after the body. */
static int organ_only(const char *s)
{
    size_t len = strlen(s), chars = zb_utf8_length(s);
    if (chars < 3 || chars > 30 || has_doc_shape(s))
        return 0;
    static const char *const ends[] = {"人民政府", "政府", "委员会", "办公室", "局", "厅", "委", "管委会", "开发区",
                                       "高新区", "园区", "中心"};
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++)
        if (zb_imp_ends(s, len, ends[k]))
            return 1;
    return 0;
}

int zb_imp_doc_number_like(const char *s, size_t len)
{
    /* Organ abbreviation (Chinese and maybe Latin), a year in brackets, a number, 号. */
    size_t i = 0, n, org = 0;
    while (i < len) {
        uint32_t cp = zb_utf8_decode(s + i, &n);
        if (!(is_ideograph(cp) || (cp < 0x80 && ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')))))
            break;
        i += n;
        org++;
    }
    if (!org || org > 16 || i >= len)
        return 0;
    uint32_t open = zb_utf8_decode(s + i, &n);
    if (open != 0x3014 && open != '[' && open != 0xFF08 && open != '(' && open != 0x3010 && open != 0xFE5D &&
        open != 0x3016 && open != 0xFF3B)
        return 0;
    i += n;
    while (i < len && s[i] == ' ')
        i++;
    int digits = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9') {
        i++;
        digits++;
    }
    while (i < len && s[i] == ' ')
        i++;
    if (digits != 4 || i >= len)
        return 0;
    uint32_t close = zb_utf8_decode(s + i, &n);
    if (close != 0x3015 && close != ']' && close != 0xFF09 && close != ')' && close != 0x3011 && close != 0xFE5E &&
        close != 0x3017 && close != 0xFF3D)
        return 0;
    i += n;
    while (i < len && s[i] == ' ')
        i++;
    digits = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9') {
        i++;
        digits++;
    }
    while (i < len && s[i] == ' ')
        i++;
    return digits >= 1 && digits <= 5 && i + strlen("号") == len && zb_imp_starts(s + i, "号");
}

/* A title: of some length, Chinese, not a sentence, heading, date, label line or breadcrumb. */
int zb_imp_title_like(const char *s)
{
    size_t len = strlen(s), chars = zb_utf8_length(s);
    char number[32];
    size_t marker;
    zb_date d;
    if (chars < 4 || chars > 120 || zb_imp_heading(s, &marker, number) || zb_imp_date_line(s, &d))
        return 0;
    if (has(s, ">") || has(s, "|") || has(s, "»") || has(s, "＞") || has(s, ":") || has(s, "：") || has(s, "\t"))
        return 0;
    if (zb_imp_ends(s, len, "。") || zb_imp_ends(s, len, "，") || zb_imp_ends(s, len, "；") ||
        zb_imp_ends(s, len, "、"))
        return 0;
    if (has(s, "。"))
        return 0;
    size_t n;
    for (size_t i = 0; i < len; i += n)
        if (is_ideograph(zb_utf8_decode(s + i, &n)))
            return 1;
    return 0;
}

/* 附件2, 附件 2, 附件2：标题, 附件二, or 附件 alone. *number: 0 when not given; *title: what
 * follows a colon, or NULL. */
int zb_imp_attachment_header(const char *s, int *number, const char **title)
{
    size_t k = zb_imp_starts(s, "附件"), n;
    if (!k)
        k = zb_imp_starts(s, "附表");
    if (!k)
        return 0;
    const char *p = s + k;
    while (zb_imp_is_space(zb_imp_cp(p, &n)) && n)
        p += n;
    int v = 0, digits = 0, d;
    while ((d = zb_imp_digit(zb_imp_cp(p, &n))) >= 0 && n && digits < 3) {
        v = v * 10 + d;
        digits++;
        p += n;
    }
    if (!digits) {
        static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        for (int c = 0; c < 10; c++) {
            size_t m = zb_imp_starts(p, cn[c]);
            if (m) {
                v = c + 1;
                digits = 1;
                p += m;
                break;
            }
        }
    }
    while (zb_imp_is_space(zb_imp_cp(p, &n)) && n)
        p += n;
    *title = NULL;
    if (*p) {
        if (!digits || !((k = zb_imp_starts(p, ":")) || (k = zb_imp_starts(p, "：")) || (k = zb_imp_starts(p, "、")) ||
                         (k = zb_imp_starts(p, "."))))
            return 0;
        p += k;
        while (zb_imp_is_space(zb_imp_cp(p, &n)) && n)
            p += n;
        if (*p)
            *title = p;
    }
    *number = v;
    return 1;
}

/* 附件：1.XXX, 附件:XXX, 附件1：XXX — a notice's list of attachments, in its text. */
static int attach_list_line(const char *s)
{
    size_t k = zb_imp_starts(s, "附件");
    if (!k)
        return 0;
    const char *p = s + k;
    size_t n;
    while (zb_imp_is_space(zb_imp_cp(p, &n)) && n)
        p += n;
    while (zb_imp_digit(zb_imp_cp(p, &n)) >= 0 && n)
        p += n;
    return (zb_imp_starts(p, "：") || zb_imp_starts(p, ":")) && zb_utf8_length(p) > 2;
}

/* A recipients line (主送机关): organs, ending in a colon. */
static int recipients_like(const char *s)
{
    size_t len = strlen(s);
    if (!(zb_imp_ends(s, len, "：") || zb_imp_ends(s, len, ":")) || zb_utf8_length(s) > 200 || has(s, "。"))
        return 0;
    char number[32];
    size_t marker;
    if (zb_imp_heading(s, &marker, number))
        return 0;
    static const char *const words[] = {"各", "政府", "部门", "单位", "局", "委", "办", "处室", "街道", "管委会",
                                        "机关", "公司", "厅", "院", "中心"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (has(s, words[k]))
            return 1;
    return 0;
}

/* 署名: a short line without punctuation; an organ's name. */
int zb_imp_signature_like(const char *s)
{
    size_t chars = zb_utf8_length(s);
    char number[32];
    size_t marker;
    if (chars < 2 || chars > 30 || zb_imp_heading(s, &marker, number))
        return 0;
    static const char *const punct[] = {"。", "，", ",", "；", ";", "：", ":", "、", "！", "？", "\t"};
    for (size_t k = 0; k < sizeof punct / sizeof *punct; k++)
        if (has(s, punct[k]))
            return 0;
    return 1;
}

/* (此件公开发布): a short line entirely in brackets. */
int zb_imp_note_like(const char *s)
{
    size_t len = strlen(s);
    int open = zb_imp_starts(s, "(") || zb_imp_starts(s, "（");
    int close = zb_imp_ends(s, len, ")") || zb_imp_ends(s, len, "）");
    return open && close && zb_utf8_length(s) <= 40 && !has(s, "单位") && !has(s, "牵头");
}

/* A year span on a line of its own: （2025—2027年）, (2021-2023). */
static int span_line(const char *s)
{
    size_t len = strlen(s);
    if (!((zb_imp_starts(s, "（") || zb_imp_starts(s, "(")) && (zb_imp_ends(s, len, "）") || zb_imp_ends(s, len, ")"))))
        return 0;
    int to = 0, a = 0, b = 0, w = 0;
    zb_imp_scan_years(s, &to, &a, &b, &w);
    return a && zb_utf8_length(s) <= 20;
}

/* What ends the top of the document: its body. */
static int body_like(const char *s)
{
    char number[32];
    size_t marker;
    int a;
    const char *t;
    if (zb_imp_heading(s, &marker, number) || zb_imp_attachment_header(s, &a, &t) || recipients_like(s))
        return 1;
    size_t chars = zb_utf8_length(s);
    return has(s, "。") || (chars > 60 && (has(s, "，") || has(s, ","))) || chars > 120;
}

/* ---- the stage --------------------------------------------------------------------------- */

void zb_imp_seg_free(zb_imp_seg *seg)
{
    free(seg->roles);
    for (size_t i = 0; i < seg->nfields; i++) {
        free(seg->fields[i].label);
        free(seg->fields[i].value);
    }
    free(seg->fields);
    free(seg->title);
    free(seg->issued);
    for (size_t i = 0; i < seg->nlisted; i++)
        free(seg->listed[i]);
    free(seg->listed);
    memset(seg, 0, sizeof *seg);
}

/* The plan a notice issues: 关于印发《X》的通知 → X; 关于印发X的通知 → X. */
static char *issued_of(const char *title)
{
    size_t len = strlen(title);
    if (!zb_imp_ends(title, len, "通知"))
        return NULL;
    const char *issue = strstr(title, "印发");
    if (!issue)
        issue = strstr(title, "转发");
    if (!issue)
        return NULL;
    const char *b = strstr(issue, "《"), *e = NULL;
    if (b) {
        b += strlen("《");
        e = strstr(b, "》");
    } else {
        b = issue + strlen("印发");
        e = strstr(b, "的通知");
    }
    if (!e || e <= b)
        return NULL;
    return zb_strndup(b, (size_t)(e - b));
}

/* Nonzero when line reads as the plan X: the same words, or X and a year span. */
static int same_title(const char *line, const char *x)
{
    char *a = zb_imp_fold_title(line), *b = zb_imp_fold_title(x);
    int same = 0;
    if (a && b) {
        size_t la = strlen(a), lb = strlen(b);
        same = strcmp(a, b) == 0;
        /* One of them carries a year span the other leaves out: X（2025—2027年）. */
        if (!same && la != lb) {
            const char *longer = la > lb ? a : b, *shorter = la > lb ? b : a;
            size_t ls = strlen(shorter);
            same = ls >= 6 && strncmp(longer, shorter, ls) == 0 && span_line(longer + ls);
        }
    }
    free(a);
    free(b);
    return same;
}

static int listed_push(zb_imp_seg *seg, const char *text, size_t len)
{
    if (zb_grow((void **)&seg->listed, &seg->listed_cap, seg->nlisted + 1, sizeof *seg->listed))
        return -1;
    char *t = zb_imp_trim(text, len);
    if (!t)
        return -1;
    seg->listed[seg->nlisted++] = t;
    return 0;
}

/* The 附件说明: 附件：1.XXX, then 2.YYY …, a title broken over lines joined again. */
static int read_attach_list(zb_imp_seg *seg, const zb_imp_doc *doc, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        const char *s = doc->lines[i].text;
        if (!*s)
            continue;
        if (i == from) {
            s += zb_imp_starts(s, "附件");
            size_t n;
            while (zb_imp_digit(zb_imp_cp(s, &n)) >= 0 && n)
                s += n;
            s += zb_imp_starts(s, "：") ? strlen("：") : 1;
        }
        while (zb_imp_is_space((unsigned char)*s))
            s++;
        char number[32];
        size_t marker = 0;
        int numbered = zb_imp_heading(s, &marker, number) == 3;
        if (numbered || !seg->nlisted || i == from) {
            if (listed_push(seg, s + marker, strlen(s + marker)))
                return -1;
        } else {
            /* A continuation: the title ran on. */
            char *prev = seg->listed[seg->nlisted - 1];
            size_t a = strlen(prev), b = strlen(s);
            char *m = realloc(prev, a + b + 1);
            if (!m)
                return -1;
            memcpy(m + a, s, b + 1);
            seg->listed[seg->nlisted - 1] = m;
        }
    }
    return 0;
}

static size_t next_kept(const zb_imp_doc *doc, const zb_imp_role *roles, size_t i)
{
    for (size_t k = i + 1; k < doc->count; k++)
        if (*doc->lines[k].text && roles[k] != ZB_ROLE_FURNITURE)
            return k;
    return ZB_NONE;
}

int zb_imp_segment(const zb_imp_doc *doc, unsigned off, zb_imp_seg *seg)
{
    memset(seg, 0, sizeof *seg);
    seg->plan_from = ZB_NONE;
    seg->title_at = ZB_NONE;
    size_t count = doc->count;
    seg->roles = calloc(count + 1, sizeof *seg->roles);
    if (!seg->roles)
        return -1;
    zb_imp_role *roles = seg->roles;
    zb_date d;

    /* Furniture, anywhere; attachments start at 附件N outside a notice's own text. */
    for (size_t i = 0; i < count; i++) {
        const char *s = doc->lines[i].text;
        if (!*s)
            roles[i] = ZB_ROLE_BLANK;
        else if (!(off & ZB_IMP_OFF_FURNITURE) && furniture_kind(s, 0)) {
            roles[i] = ZB_ROLE_FURNITURE;
            seg->furniture++;
        } else
            roles[i] = ZB_ROLE_UNPLACED;
    }

    /* The top: header lines, banners, masthead, document number and title candidates, up to
     * the first line of the body. */
    size_t body = count;
    for (size_t i = 0; i < count; i++) {
        if (roles[i] != ZB_ROLE_UNPLACED)
            continue;
        const char *s = doc->lines[i].text;
        char *rest[40];
        size_t nr = 0;
        for (size_t k = i; k < count && nr < 40; k++)
            if (*doc->lines[k].text)
                rest[nr++] = doc->lines[k].text;
        int table = zb_imp_table_starts(rest, nr, off);
        if (table < 0)
            return -1;
        if (table) {
            body = i; /* a table with no heading above it: the body starts */
            break;
        }
        int r = has(s, "。") ? 0 : read_header_line(seg, s, doc->lines[i].number, 1);
        if (r < 0)
            return -1;
        if (r > 0) {
            roles[i] = ZB_ROLE_HEADER;
            seg->header_lines++;
            continue;
        }
        if (zb_imp_doc_number_like(s, strlen(s))) {
            roles[i] = ZB_ROLE_DOC_NUMBER;
            continue;
        }
        if (masthead_like(s) && !(off & ZB_IMP_OFF_TITLE)) {
            roles[i] = ZB_ROLE_MASTHEAD;
            continue;
        }
        if (body_like(s) && !zb_imp_title_like(s)) {
            body = i;
            break;
        }
        int a;
        const char *t;
        if (zb_imp_attachment_header(s, &a, &t)) {
            body = i;
            break;
        }
        if (zb_imp_date_line(s, &d))
            roles[i] = ZB_ROLE_DATE_LINE;
    }

    /* The 标题 field, the plan a notice issues and the attachments' titles are evidence. */
    const char *field_title = NULL;
    for (size_t f = 0; f < seg->nfields; f++)
        if (seg->fields[f].kind == ZB_FIELD_TITLE && *seg->fields[f].value)
            field_title = seg->fields[f].value;

    /* Title candidates: runs of up to three title-like lines, joined when the first is not a
     * title alone and the joined text is, or the next is a year span. */
    size_t best = ZB_NONE, best_lines = 0;
    int best_score = -100;
    for (size_t i = 0; i < body; i++) {
        if (roles[i] != ZB_ROLE_UNPLACED || !zb_imp_title_like(doc->lines[i].text))
            continue;
        const char *s = doc->lines[i].text;
        zb_buf joined = {0};
        zb_buf_adds(&joined, s);
        size_t lines = 1, k = i;
        while (lines < 3) {
            size_t j = k + 1;
            if (j >= body || roles[j] != ZB_ROLE_UNPLACED)
                break;
            const char *nx = doc->lines[j].text;
            int span = span_line(nx);
            if (!zb_imp_title_like(nx) && !span)
                break;
            /* 关于印发 / …的通知 over two lines: the first does not stand alone. */
            size_t jl = strlen(joined.data);
            int dangling = !has_doc_shape(joined.data) &&
                           (has(joined.data, "关于") || zb_imp_ends(joined.data, jl, "印发") ||
                            zb_imp_ends(joined.data, jl, "转发") || zb_imp_ends(joined.data, jl, "的"));
            if (!span && (complete_title(joined.data) || (complete_title(nx) && !dangling)))
                break;
            zb_buf_adds(&joined, nx);
            lines++;
            k = j;
        }
        if (joined.failed) {
            zb_buf_free(&joined);
            return -1;
        }
        const char *t = joined.data;
        int score = 0;
        if (has_doc_shape(t))
            score += 4;
        if (complete_title(t))
            score += 2;
        if (masthead_like(t) || masthead_words_line(t) || (organ_only(t) && lines == 1))
            score -= 10;
        if (field_title && same_title(t, field_title))
            score += 3;
        /* Repeated later: the plan's title after a notice, an attachment's title. */
        for (size_t m = body; m < count && m < body + 4000; m++)
            if (roles[m] == ZB_ROLE_UNPLACED && m != i && zb_utf8_length(doc->lines[m].text) >= 6 &&
                same_title(doc->lines[m].text, t)) {
                score += 2;
                break;
            }
        /* The nearest to the body. */
        size_t after = k + 1;
        while (after < body && roles[after] != ZB_ROLE_UNPLACED)
            after++;
        if (after == body)
            score += 2;
        /* The best; of equals, the later. Without evidence: the first. */
        if (off & ZB_IMP_OFF_TITLE)
            score = best == ZB_NONE ? 0 : -100;
        if (score >= best_score) {
            best_score = score;
            best = i;
            best_lines = lines;
            free(seg->title);
            seg->title = zb_buf_take(&joined);
            if (!seg->title)
                return -1;
        } else {
            zb_buf_free(&joined);
        }
        i = k; /* the lines joined are not candidates of their own */
    }
    if (best != ZB_NONE && best_score > -5) {
        seg->title_at = best;
        seg->title_lines = best_lines;
        for (size_t k = best; k < best + best_lines; k++)
            roles[k] = ZB_ROLE_TITLE;
    } else {
        free(seg->title);
        seg->title = NULL;
    }
    /* Other lines of the top: a banner with the organ's name, or unplaced. */
    for (size_t i = 0; i < body; i++) {
        if (roles[i] != ZB_ROLE_UNPLACED)
            continue;
        if (off & ZB_IMP_OFF_FURNITURE)
            break;
        if (organ_only(doc->lines[i].text) && (seg->title_at == ZB_NONE || i < seg->title_at)) {
            roles[i] = ZB_ROLE_FURNITURE;
            seg->furniture++;
            seg->banners++;
        } else if (masthead_words_line(doc->lines[i].text)) {
            roles[i] = ZB_ROLE_FURNITURE;
            seg->furniture++;
        }
    }

    /* After the title: recipients, the notice's text, its 附件说明, signature, date and 附注,
     * then the plan it issues. */
    if (seg->title) {
        seg->notice = zb_imp_ends(seg->title, strlen(seg->title), "通知");
        if (!(seg->issued = issued_of(seg->title)) && has(seg->title, "印发") && seg->notice) {
            /* 印发 without a title to find: the notice holds its text itself. */
        }
        if (seg->issued && !*seg->issued) {
            free(seg->issued);
            seg->issued = NULL;
        }
    }
    size_t i = body;
    /* Recipients right after the title. */
    size_t first = i < count && roles[i] == ZB_ROLE_UNPLACED ? i : next_kept(doc, roles, i == 0 ? 0 : i - 1);
    if (first != ZB_NONE && first < count && recipients_like(doc->lines[first].text)) {
        roles[first] = ZB_ROLE_RECIPIENTS;
        i = first + 1;
    }
    /* The first attachment header outside a notice's text. */
    size_t attach = count;
    /* Signature, date, 附注: the first date line after the title (with the organ's name
     * before it when there is one). */
    size_t date_at = ZB_NONE;
    for (size_t k = i; k < count; k++) {
        if (roles[k] != ZB_ROLE_UNPLACED)
            continue;
        const char *s = doc->lines[k].text;
        int a;
        const char *t;
        if (zb_imp_attachment_header(s, &a, &t) && !attach_list_line(s)) {
            /* In a notice, an attachment comes after its date. */
            if (!seg->notice || date_at != ZB_NONE)
                break;
        }
        if (zb_imp_date_line(s, &d)) {
            date_at = k;
            break;
        }
    }
    if (date_at != ZB_NONE) {
        roles[date_at] = ZB_ROLE_DATE;
        size_t p = date_at;
        while (p > i && roles[p - 1] == ZB_ROLE_BLANK)
            p--;
        if (p > i && roles[p - 1] == ZB_ROLE_UNPLACED && zb_imp_signature_like(doc->lines[p - 1].text))
            roles[p - 1] = ZB_ROLE_SIGNATURE;
        size_t nn = next_kept(doc, roles, date_at);
        if (nn != ZB_NONE && zb_imp_note_like(doc->lines[nn].text))
            roles[nn] = ZB_ROLE_NOTE;
        /* 附件说明 in the notice's text, before the signature. */
        size_t end = date_at;
        while (end > i && roles[end - 1] != ZB_ROLE_UNPLACED && roles[end - 1] != ZB_ROLE_BLANK)
            end--;
        for (size_t k = i; k < end; k++) {
            if (roles[k] == ZB_ROLE_UNPLACED && attach_list_line(doc->lines[k].text)) {
                size_t stop = k + 1;
                while (stop < end && (roles[stop] == ZB_ROLE_UNPLACED || roles[stop] == ZB_ROLE_BLANK))
                    stop++;
                if (read_attach_list(seg, doc, k, stop))
                    return -1;
                for (size_t m = k; m < stop; m++)
                    if (roles[m] == ZB_ROLE_UNPLACED)
                        roles[m] = ZB_ROLE_ATTACH_LIST;
                seg->attach_list_line = doc->lines[k].number;
                break;
            }
        }
    }

    /* The body and the attachments. A notice's own text ends at its date; the plan it
     * issues starts at its title (a line, or an attachment with that title) or right after
     * the date. */
    int in_notice = seg->issued != NULL && date_at != ZB_NONE;
    size_t after_date = date_at == ZB_NONE ? ZB_NONE : date_at;
    int in_attachment = 0, plan_attachment = 0;
    for (size_t k = i; k < count; k++) {
        zb_imp_role r = roles[k];
        if (r != ZB_ROLE_UNPLACED && r != ZB_ROLE_DATE_LINE)
            continue;
        const char *s = doc->lines[k].text;
        int a;
        const char *t;
        int past_date = after_date == ZB_NONE || k > after_date;
        if (past_date && zb_imp_attachment_header(s, &a, &t) && !(in_notice && k < after_date)) {
            /* Its title: on this line, or the next, a year span on the line after joined. */
            size_t tl = ZB_NONE;
            zb_buf title = {0};
            if (t) {
                zb_buf_adds(&title, t);
            } else {
                tl = next_kept(doc, roles, k);
                if (tl != ZB_NONE && (roles[tl] == ZB_ROLE_UNPLACED) && !zb_imp_attachment_header(doc->lines[tl].text, &a, &t))
                    zb_buf_adds(&title, doc->lines[tl].text);
                else
                    tl = ZB_NONE;
            }
            size_t span = next_kept(doc, roles, tl != ZB_NONE ? tl : k);
            int with_span = span != ZB_NONE && roles[span] == ZB_ROLE_UNPLACED && span_line(doc->lines[span].text);
            if (with_span)
                zb_buf_adds(&title, doc->lines[span].text);
            zb_buf_adds(&title, "");
            if (title.failed) {
                zb_buf_free(&title);
                return -1;
            }
            plan_attachment = seg->issued && seg->plan_from == ZB_NONE && same_title(title.data, seg->issued);
            zb_buf_free(&title);
            roles[k] = plan_attachment ? ZB_ROLE_PLAN_HEAD : ZB_ROLE_ATTACH_HEAD;
            if (tl != ZB_NONE)
                roles[tl] = plan_attachment ? ZB_ROLE_PLAN_TITLE : ZB_ROLE_ATTACH_TITLE;
            if (with_span)
                roles[span] = plan_attachment ? ZB_ROLE_PLAN_TITLE : ZB_ROLE_ATTACH_TITLE;
            if (plan_attachment) {
                seg->plan_from = k;
                in_attachment = 0;
            } else {
                in_attachment = 1;
                if (attach == count)
                    attach = k;
            }
            if (with_span)
                k = span;
            else if (tl != ZB_NONE)
                k = tl;
            continue;
        }
        if (in_attachment) {
            roles[k] = ZB_ROLE_ATTACHMENT;
            continue;
        }
        if (in_notice && k < after_date) {
            roles[k] = ZB_ROLE_NOTICE;
            continue;
        }
        if (seg->issued && seg->plan_from == ZB_NONE && past_date && same_title(s, seg->issued)) {
            roles[k] = ZB_ROLE_PLAN_TITLE;
            seg->plan_from = k;
            size_t span = next_kept(doc, roles, k);
            if (span != ZB_NONE && span_line(doc->lines[span].text) && roles[span] == ZB_ROLE_UNPLACED) {
                roles[span] = ZB_ROLE_PLAN_TITLE;
                k = span;
            }
            continue;
        }
        if (in_notice && seg->plan_from == ZB_NONE)
            seg->plan_from = k; /* the plan's text starts right after the notice's date */
        roles[k] = ZB_ROLE_BODY;
    }
    (void)attach;
    return 0;
}
