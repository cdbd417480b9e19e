/* One rule for which loader reads a plan, shared by the command line and the bindings: by
 * the name when it says (.json; .csv, .tsv, .txt), else by the content. */
#include <stdlib.h>
#include <string.h>

#include "plan_internal.h"
#include "zhibiao/csv.h"
#include "zhibiao/json.h"

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    if (n < m)
        return 0;
    for (size_t i = 0; i < m; i++) {
        char a = s[n - m + i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (a != suffix[i])
            return 0;
    }
    return 1;
}

/* Nonzero when the text is to be read as a table: a UTF-16/32 byte-order mark (how Excel saves
 * "Unicode text"), or a first line with a field separator, before any '{' or '['. */
static int looks_like_table(const char *text, size_t len)
{
    /* A workbook or a PDF: the JSON loader says what it is. */
    if ((len >= 4 && memcmp(text, "PK\x03\x04", 4) == 0) || (len >= 5 && memcmp(text, "%PDF-", 5) == 0))
        return 0;
    if (zb_text_bom_encoding(text, len))
        return 1;
    size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        i++;
    if (i >= len || text[i] == '{' || text[i] == '[')
        return 0;
    for (; i < len && text[i] != '\n' && text[i] != '\r'; i++)
        if (text[i] == ',' || text[i] == '\t' || text[i] == ';')
            return 1;
    return 0;
}

zb_status zb_plan_load_string(zb_plan *plan, const char *text, size_t len, const char *name)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!text && len)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "zb_plan_load_string: no text given");
    if (text && looks_like_table(text, len))
        return zb_csv_load_string(plan, text, len, name, NULL);
    return zb_json_load_string(plan, text, len, name);
}

zb_status zb_plan_load(zb_plan *plan, const char *path)
{
    if (!plan)
        return ZB_ERR_ARGUMENT;
    if (!path || !*path)
        return zb_plan_fail(plan, ZB_ERR_ARGUMENT, "zb_plan_load: no path given");
    if (ends_with(path, ".json"))
        return zb_json_load(plan, path);
    if (ends_with(path, ".csv") || ends_with(path, ".tsv") || ends_with(path, ".txt"))
        return zb_csv_load(plan, path, NULL);
    char *data;
    size_t len;
    zb_error err;
    zb_status st = zb_read_file(path, &data, &len, &err);
    if (st)
        return zb_plan_fail(plan, st, "%s", err.message);
    st = zb_plan_load_string(plan, data, len, path);
    free(data);
    return st;
}
