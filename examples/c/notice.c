/* Write a plan as an official notice (通知) in the GB/T 9704-2012 format, with a fontset
 * loaded once and reused, as a server writing many documents would. */
#include <stdio.h>

#include "zhibiao.h"

int main(int argc, char **argv)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/wuyi-2022.json", argc > 1 ? argv[1] : "examples/data");
    zb_plan *plan = zb_plan_new();
    if (zb_json_load(plan, path) != ZB_OK) {
        fprintf(stderr, "%s\n", zb_errmsg(plan));
        zb_plan_free(plan);
        return 1;
    }

    /* Roles left unset come from $ZHIBIAO_FONT_DIR, then free Debian fonts. */
    zb_fontset *fonts = zb_fontset_new();
    if (zb_fontset_load_defaults(fonts) != ZB_OK) {
        fprintf(stderr, "%s\n", zb_fontset_errmsg(fonts));
        return 1;
    }
    printf("%s\n", zb_fontset_describe(fonts, ZB_FONT_BODY));

    zb_notice_options opts = {0};
    opts.sealed = 1; /* signature and date placed for a seal stamped by hand */
    zb_pdf_info info;
    zb_error err;
    int rc = 0;
    if (zb_pdf_write_notice(plan, fonts, "example-notice.pdf", &opts, &info, &err) != ZB_OK) {
        fprintf(stderr, "%s\n", err.message);
        rc = 1;
    } else {
        printf("wrote example-notice.pdf: %d pages, %zu bytes\n", info.pages, info.bytes);
    }
    /* The same as a letter (信函格式): the organ's name between red double rules. */
    opts.masthead = ZB_MASTHEAD_LETTER;
    if (!rc && zb_pdf_write_notice(plan, fonts, "example-letter.pdf", &opts, &info, &err) != ZB_OK) {
        fprintf(stderr, "%s\n", err.message);
        rc = 1;
    } else if (!rc) {
        printf("wrote example-letter.pdf: %d pages\n", info.pages);
    }
    zb_fontset_free(fonts);
    zb_plan_free(plan);
    return rc;
}
