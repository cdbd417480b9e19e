#include <stdlib.h>

#include "zhibiao/common.h"

const char *zb_strerror(zb_status status)
{
    switch (status) {
    case ZB_OK: return "success";
    case ZB_ERR_NOMEM: return "out of memory";
    case ZB_ERR_ARGUMENT: return "invalid argument";
    case ZB_ERR_IO: return "cannot read input";
    case ZB_ERR_WRITE: return "cannot write output";
    case ZB_ERR_SYNTAX: return "syntax error";
    case ZB_ERR_ENCODING: return "bad text encoding";
    case ZB_ERR_SCHEMA: return "wrong structure";
    case ZB_ERR_VALUE: return "bad value";
    case ZB_ERR_DUPLICATE: return "duplicate";
    case ZB_ERR_NOT_FOUND: return "not found";
    case ZB_ERR_INVALID: return "validation failed";
    case ZB_ERR_XLSX: return "xlsx writer error";
    case ZB_ERR_PDF: return "PDF writer error";
    }
    return "unknown status";
}

const char *zb_version(void) { return ZB_VERSION; }

void zb_free(void *ptr) { free(ptr); }
