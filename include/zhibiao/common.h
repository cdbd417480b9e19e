/**
 * @file common.h
 * @brief Status codes, error details, dates and version: what every zhibiao module shares.
 *
 * Error reporting follows one rule. A function that changes a handle (a loader, a setter)
 * returns a ::zb_status and keeps the detailed message on that handle, read with
 * zb_errmsg(). A function that only reads a handle (a writer, validation) may run
 * concurrently with other readers of the same handle, so it takes an optional ::zb_error
 * that receives the detail; pass NULL when the status is enough.
 *
 * The library never prints, never reads the clock for its outputs and has no global
 * mutable state: separate handles may be used from separate threads, and one handle may
 * be read by several threads at once as long as none changes it.
 */
#ifndef ZB_COMMON_H
#define ZB_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define ZB_API
#else
/** Marks a symbol exported from the shared library. */
#define ZB_API __attribute__((visibility("default")))
#endif

/** Library version as a string literal, e.g. "0.1.0"; zb_version() returns the built one. */
#define ZB_VERSION "0.1.0"
/** Library version as a number: major * 10000 + minor * 100 + patch. */
#define ZB_VERSION_NUMBER 100

/**
 * @brief Result of every fallible call. Values are stable and only ever appended.
 *
 * zb_strerror() gives the category in words; the detail is on the handle (zb_errmsg())
 * or in the ::zb_error passed to the call.
 */
typedef enum zb_status {
    ZB_OK = 0,             /**< Success. */
    ZB_ERR_NOMEM = 1,      /**< Out of memory. */
    ZB_ERR_ARGUMENT = 2,   /**< A bad call: NULL where a value is required, an index out of range. */
    ZB_ERR_IO = 3,         /**< A file could not be read. */
    ZB_ERR_WRITE = 4,      /**< An output file could not be written; the destination is unchanged. */
    ZB_ERR_SYNTAX = 5,     /**< Input is not well-formed (JSON or CSV syntax). */
    ZB_ERR_ENCODING = 6,   /**< Input is not valid UTF-8 (for example a GBK file). */
    ZB_ERR_SCHEMA = 7,     /**< Well-formed input of the wrong shape: wrong type, unknown or missing key. */
    ZB_ERR_VALUE = 8,      /**< A value that cannot be used: a bad date, period, number or name. */
    ZB_ERR_DUPLICATE = 9,  /**< Something that must be unique is not: a sequence number, a unit. */
    ZB_ERR_NOT_FOUND = 10, /**< A reference to something that does not exist. */
    ZB_ERR_INVALID = 11,   /**< The plan failed validation (see zb_plan_validate()). */
    ZB_ERR_XLSX = 12,      /**< The xlsx writer (libxlsxwriter) reported an error. */
    ZB_ERR_PDF = 13        /**< The PDF writer (libharu) reported an error. */
} zb_status;

/**
 * @brief The category of a status in words, e.g. "cannot write output".
 * @return A static string, never NULL; "unknown status" for a value outside the enum.
 */
ZB_API const char *zb_strerror(zb_status status);

/** @brief The version of the library that is running, e.g. "0.1.0". Static string. */
ZB_API const char *zb_version(void);

/** Size of the message buffer in ::zb_error, terminating NUL included. */
#define ZB_ERROR_MESSAGE_MAX 1024

/**
 * @brief The detail of a failed read-only call (writer, validation). Caller-owned.
 *
 * Zero-initialise it or leave it as is: every call that takes one sets both fields, to
 * ::ZB_OK and "" on success.
 */
typedef struct zb_error {
    zb_status code;                      /**< Same value the call returned. */
    char message[ZB_ERROR_MESSAGE_MAX];  /**< What went wrong and where, UTF-8. */
} zb_error;

/**
 * @brief A calendar date. All-zero means "not set".
 *
 * Dates are written in documents with Arabic numerals (2022年3月24日), as GB/T 9704-2012 asks.
 */
typedef struct zb_date {
    int year;  /**< e.g. 2022; 0 = unset. */
    int month; /**< 1..12. */
    int day;   /**< 1..31. */
} zb_date;

/** An index that names nothing: what the find functions return when nothing matches. */
#define ZB_NONE ((size_t)-1)

/**
 * @brief Frees memory that the library allocated and handed to the caller
 *        (for example the text from zb_json_dump()). NULL is a no-op.
 */
ZB_API void zb_free(void *ptr);

/**
 * @brief Checks that a document of the given extension can be written at path, without
 *        writing anything: what every writer checks before it writes.
 *
 * The rule every writer follows: a regular file is replaced atomically (a temporary file
 * beside it, renamed over it, with the file's permission bits; a file with other hard links
 * is rewritten in place once the whole document exists); a symbolic link is written through
 * (the link stays); a character device, a FIFO or a file reached through /proc (/dev/stdout)
 * is written straight through. A failed write leaves the destination as it was and no
 * temporary file.
 *
 * @param path       the destination.
 * @param extension  the document's extension without the dot ("xlsx", "pdf", "json"), or
 *                   NULL to skip the name check. A name ending in the extension of another
 *                   known format (t.pdf for a workbook) is refused; no extension, or one
 *                   that names no known format, is accepted.
 * @param error      optional detail.
 * @return ::ZB_OK; ::ZB_ERR_ARGUMENT for an empty path or a wrong extension;
 *         ::ZB_ERR_WRITE (with the reason) for a directory, a missing or unwritable folder,
 *         a file the caller may not write, a block device or a socket.
 */
ZB_API zb_status zb_output_check(const char *path, const char *extension, zb_error *error);

#ifdef __cplusplus
}
#endif

#endif /* ZB_COMMON_H */
