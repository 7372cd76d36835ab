/* error.h - filling the public cefo_error struct. */
#ifndef CEFO_CORE_ERROR_H
#define CEFO_CORE_ERROR_H

#include "cefo/cefo.h"

/*
 * Fills *err (when not NULL) and returns `code`, so callers can write
 * `return cefo__error(err, CEFO_ERR_INVALID, file, line, "process", "...", ...)`.
 * `file` and `element` may be NULL.
 */
cefo_status cefo__error(cefo_error *err, cefo_status code, const char *file, int line,
                        const char *element, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* The escape of a control character (\n, \r, \t or \xNN, into buf), or NULL for any other
 * byte: what diagnostics and text output write instead of a byte that could forge a line. */
const char *cefo__control_escape(unsigned char c, char buf[8]);

#endif
