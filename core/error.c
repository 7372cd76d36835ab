/* error.c - status names and the error struct. */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cefo_config.h"

static void copy_trunc(char *dst, size_t size, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= size)
        n = size - 1;
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

cefo_status cefo__error(cefo_error *err, cefo_status code, const char *file, int line,
                        const char *element, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    err->line = line;
    err->column = 0;
    copy_trunc(err->file, sizeof err->file, file);
    copy_trunc(err->element, sizeof err->element, element);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

const char *cefo_strerror(cefo_status code)
{
    switch (code) {
    case CEFO_OK: return "success";
    case CEFO_ERR_NOMEM: return "out of memory";
    case CEFO_ERR_ARG: return "invalid argument";
    case CEFO_ERR_NOFILE: return "no such file";
    case CEFO_ERR_IO: return "input/output error";
    case CEFO_ERR_PARSE: return "malformed XML";
    case CEFO_ERR_INVALID: return "invalid model";
    case CEFO_ERR_SOLVER: return "solver failure";
    case CEFO_ERR_UNSUPPORTED: return "not supported";
    case CEFO_ERR_CREATE: return "cannot create output";
    case CEFO_ERR_UNAVAILABLE: return "solver program not installed";
    }
    return "unknown status";
}

const char *cefo_version(void)
{
    return CEFO_VERSION_STRING;
}
