/* csvrec.h - RFC 4180 records of a CSV buffer, shared by every CSV reader of io/. */
#ifndef CEFO_IO_CSVREC_H
#define CEFO_IO_CSVREC_H

#include <stddef.h>

#include "cefo/cefo.h"

/*
 * A cursor over the records of a buffer that it splits in place. Fields are separated by
 * commas, records by LF or CRLF; a field in double quotes may hold commas, line breaks and
 * doubled quotes (""), which stand for one. A UTF-8 byte order mark at the start is skipped;
 * blank lines are skipped. Columns count fields from 1, lines count from 1 (a quoted line
 * break moves the line on).
 */
typedef struct cefo__csv_reader {
    char *p, *end;    /* the unread part of the buffer; *end must be writable (a NUL) */
    int line;         /* the line of *p */
    const char *name; /* the file, in errors */
    cefo_error *err;
    char **field; /* the current record's fields, NUL-terminated, in the buffer */
    size_t nfield, cap;
    int rec_line; /* the line the current record starts on */
} cefo__csv_reader;

/* Starts reading buf[0..len) (buf[len] must exist, as cefo__read_file leaves it). */
void cefo__csv_begin(cefo__csv_reader *r, char *buf, size_t len, const char *name, cefo_error *err);

/*
 * The next record into r->field / r->nfield; *more is 0 (and nothing read) at the end.
 * Errors name the file, the line and the column (err->column): a NUL byte, a quote in an
 * unquoted cell, text after a closing quote, a quote never closed. Returns CEFO_OK,
 * CEFO_ERR_INVALID or CEFO_ERR_NOMEM.
 */
cefo_status cefo__csv_next(cefo__csv_reader *r, int *more);

/* Frees the field list (the buffer stays the caller's). */
void cefo__csv_end(cefo__csv_reader *r);

/* CEFO_ERR_INVALID at a line and column of the file (column 0: the whole line). */
cefo_status cefo__csv_fail(const char *name, cefo_error *err, int line, size_t column,
                           const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
