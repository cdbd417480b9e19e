/* Write the same notice as a PDF and as an OFD (GB/T 33190 版式文档, what e-government
 * archives keep): one layout, two renderers, every character in the same place. The OFD is
 * also written to memory, as a web handler would send it. */
#include <stdio.h>
#include <string.h>

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
    zb_fontset *fonts = zb_fontset_new();
    if (zb_fontset_load_defaults(fonts) != ZB_OK) {
        fprintf(stderr, "%s\n", zb_fontset_errmsg(fonts));
        zb_fontset_free(fonts);
        zb_plan_free(plan);
        return 1;
    }

    zb_pdf_info pdf, ofd;
    zb_error err;
    int rc = 0;
    char *bytes = NULL;
    size_t len = 0;
    if (zb_pdf_write_notice(plan, fonts, "example-notice.pdf", NULL, &pdf, &err) != ZB_OK ||
        zb_ofd_write_notice(plan, fonts, "example-notice.ofd", NULL, &ofd, &err) != ZB_OK ||
        zb_ofd_notice_to_buffer(plan, fonts, NULL, &bytes, &len, NULL, &err) != ZB_OK) {
        fprintf(stderr, "%s\n", err.message);
        rc = 1;
    } else {
        printf("example-notice.pdf: %d pages, %zu bytes\n", pdf.pages, pdf.bytes);
        printf("example-notice.ofd: %d pages, %zu bytes\n", ofd.pages, ofd.bytes);
        printf("in memory: %zu bytes, %s\n", len, len == ofd.bytes ? "the same" : "DIFFERENT");
        rc = len == ofd.bytes && pdf.pages == ofd.pages ? 0 : 1;
    }
    zb_free(bytes);
    zb_fontset_free(fonts);
    zb_plan_free(plan);
    return rc;
}
