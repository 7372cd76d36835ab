/* csvrec.c - splitting a CSV buffer into RFC 4180 records, in place. */
#include "io/csvrec.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"

cefo_status cefo__csv_fail(const char *name, cefo_error *err, int line, size_t column,
                           const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cefo__error(err, CEFO_ERR_INVALID, name, line, NULL, "%s", msg);
    if (err) err->column = column > INT_MAX ? 0 : (int)column;
    return CEFO_ERR_INVALID;
}

void cefo__csv_begin(cefo__csv_reader *r, char *buf, size_t len, const char *name, cefo_error *err)
{
    *r = (cefo__csv_reader){.p = buf, .end = buf + len, .line = 1, .name = name, .err = err};
    if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) r->p += 3;
}

void cefo__csv_end(cefo__csv_reader *r)
{
    cefo__free(r->field);
    r->field = NULL;
    r->nfield = r->cap = 0;
}

static int at_eol(const cefo__csv_reader *r, const char *p)
{
    return p == r->end || *p == '\n' || (*p == '\r' && p + 1 < r->end && p[1] == '\n');
}

static cefo_status nul(const cefo__csv_reader *r, size_t col)
{
    return cefo__csv_fail(r->name, r->err, r->line, col, "column %zu holds a NUL byte", col);
}

/* A quoted field from the opening quote at r->p, unescaped into w; r->p past its end. */
static cefo_status quoted(cefo__csv_reader *r, char **w, size_t col)
{
    int open = r->line;
    char *p = r->p + 1, *o = *w;
    for (;;) {
        if (p == r->end)
            return cefo__csv_fail(r->name, r->err, open, col,
                                  "column %zu opens a quote that is never closed", col);
        if (*p == '\0') {
            r->p = p;
            return nul(r, col);
        }
        if (*p == '"') {
            if (p + 1 < r->end && p[1] == '"') {
                *o++ = '"';
                p += 2;
                continue;
            }
            p++;
            break;
        }
        r->line += *p == '\n';
        *o++ = *p++;
    }
    r->p = p;
    *w = o;
    if (*p != ',' && !at_eol(r, p))
        return cefo__csv_fail(r->name, r->err, r->line, col,
                              "column %zu has text after its closing quote (a quote inside a "
                              "quoted cell is written twice: \"\")",
                              col);
    return CEFO_OK;
}

/* An unquoted field from r->p, copied down to w; r->p at its comma or line end. */
static cefo_status plain(cefo__csv_reader *r, char **w, size_t col)
{
    char *p = r->p, *o = *w;
    for (; *p != ',' && !at_eol(r, p); p++) {
        r->p = p;
        if (*p == '\0') return nul(r, col);
        if (*p == '"')
            return cefo__csv_fail(r->name, r->err, r->line, col,
                                  "column %zu has a quote inside an unquoted cell (quote the "
                                  "whole cell and write the quote twice)",
                                  col);
        *o++ = *p;
    }
    r->p = p;
    *w = o;
    return CEFO_OK;
}

cefo_status cefo__csv_next(cefo__csv_reader *r, int *more)
{
    /* Blank lines separate nothing: skip them. */
    while (r->p < r->end && (*r->p == '\n' || (*r->p == '\r' && at_eol(r, r->p)))) {
        r->p += *r->p == '\r' ? 2 : 1;
        r->line++;
    }
    *more = r->p < r->end;
    r->nfield = 0;
    r->rec_line = r->line;
    while (*more) {
        size_t col = r->nfield + 1;
        if (cefo__grow((void **)&r->field, &r->cap, col, sizeof *r->field) != 0)
            return cefo__error(r->err, CEFO_ERR_NOMEM, r->name, 0, NULL, "out of memory");
        char *w = r->p;
        r->field[r->nfield++] = w;
        cefo_status st = *r->p == '"' ? quoted(r, &w, col) : plain(r, &w, col);
        if (st != CEFO_OK) return st;
        char *next = r->p == r->end ? r->p : r->p + (*r->p == '\r' ? 2 : 1);
        int comma = r->p < r->end && *r->p == ',';
        *w = '\0'; /* at or before r->p, which was read already */
        r->line += r->p < r->end && !comma;
        r->p = next;
        if (!comma) break;
    }
    return CEFO_OK;
}
