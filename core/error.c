/* error.c - status names and the error struct. */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cefo_config.h"

/*
 * src into dst (size bytes with the NUL), every control character written as an escape (\n,
 * \r, \t, \xNN): a name or message read from a file can never forge a line of a
 * `FILE:LINE: message` diagnostic. Cut, if it must be, between two characters of UTF-8.
 */
const char *cefo__control_escape(unsigned char c, char buf[8])
{
    if (c >= 0x20 && c != 0x7f)
        return NULL;
    if (c == '\n' || c == '\r' || c == '\t')
        return c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
    snprintf(buf, 8, "\\x%02x", c);
    return buf;
}

static void copy_escaped(char *dst, size_t size, const char *src)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)src; p && *p; p++) {
        char b[8], e[2] = {(char)*p, 0};
        const char *esc = cefo__control_escape(*p, b);
        const char *put = esc ? esc : e;
        size_t k = strlen(put);
        if (n + k >= size) {
            if ((*p & 0xC0) == 0x80) { /* back off the unfinished character, lead byte too */
                while (n > 0 && ((unsigned char)dst[n - 1] & 0xC0) == 0x80)
                    n--;
                n -= n > 0;
            }
            break;
        }
        memcpy(dst + n, put, k);
        n += k;
    }
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
    copy_escaped(err->file, sizeof err->file, file);
    copy_escaped(err->element, sizeof err->element, element);
    char msg[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    copy_escaped(err->message, sizeof err->message, msg);
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
