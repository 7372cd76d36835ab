/* fmt.h - number and string formatting, C-locale output and atomic files for every writer. */
#ifndef CEFO_WRITERS_FMT_H
#define CEFO_WRITERS_FMT_H

#include <stdio.h>

#include "cefo/cefo.h"
#include "core/numfmt.h"

void cefo__json_str(FILE *fp, const char *s);
/* A JSON string, or null for NULL. */
void cefo__json_str_or_null(FILE *fp, const char *s);
/* "key": number (null when missing), followed by ", " unless last. */
void cefo__json_num(FILE *fp, const char *key, double v, int last);
/* [v0, v1, ...] with nulls for missing values. */
void cefo__json_array(FILE *fp, const double *v, size_t n);
void cefo__csv_field(FILE *fp, const char *s);
/* The network's currency for people: its `currency`, else "currency units". */
const char *cefo__currency(const cefo_network *net);
/* Text for people: s with its control characters escaped (\n, \xNN...), never a forged line;
 * and its width in terminal columns (UTF-8 characters, an escape as written). */
void cefo__text_str(FILE *fp, const char *s);
size_t cefo__text_width(const char *s);
/* One CSV line: the n text fields, then the number v and its unit (the long tables' shape). */
void cefo__csv_line(FILE *fp, const char *const *fields, int n, double v, const char *unit);
/* table_write.c: the cost terms and the indicators as JSON objects; the indicators as text
 * lines; an indicator row's unit as written after its number ("t", "t/t" for a rate, "" for a
 * total) and its name, for people ("waste generated (t)") or as a column ("waste_generated:t"),
 * both in `buf` when they do not fit a static string. */
#define CEFO__UNIT_MAX 192
void cefo__json_costs(FILE *fp, const cefo_result *r);
void cefo__json_indicators(FILE *fp, const cefo_result *r);
void cefo__text_indicators(FILE *fp, const cefo_result *r);
const char *cefo__indicator_unit(char buf[CEFO__UNIT_MAX], const cefo_indicator_row *row);
const char *cefo__indicator_name(char buf[CEFO__UNIT_MAX], const cefo_indicator_row *row,
                                 int column);
/* The lines people read: every row of the result, and a line without a unit for an
 * indicator that has no row (an amount of wastes in a network without any: 0). Start with
 * an iterator of zeros; 0 at the end. The value of such a line, or of a row, of a result. */
typedef struct cefo__ind_iter {
    size_t i, j;
    int shown;
} cefo__ind_iter;
int cefo__indicator_next(const cefo_result *r, cefo__ind_iter *it, cefo_indicator_row *row);
double cefo__indicator_shown(const cefo_result *r, const char *key, const char *unit);
/* shadow_write.c: every shadow price that is not 0, in words with its unit ("one more t of
 * pu-leather demand costs 16.03 kCNY (16.03 kCNY/t)"); nothing when all are 0. */
void cefo__text_shadow_words(FILE *fp, const cefo_result *r);

/* Calls write(ctx, fp) with numbers in the C locale, then checks the stream (NULL: an error). */
typedef void (*cefo__writer)(const void *ctx, FILE *fp);
/* A writer that could not allocate what a part of its output needs calls this: the output is
 * then CEFO_ERR_NOMEM (an atomic file is not committed) rather than a document that looks
 * whole with the part missing. Per thread; cleared at the start of each write. */
void cefo__write_nomem(void);
/* Runs write(ctx, fp) in the C locale; 1 when it called cefo__write_nomem, else 0. */
int cefo__write_run(cefo__writer write, const void *ctx, FILE *fp);
cefo_status cefo__write_stream(cefo__writer write, const void *ctx, FILE *fp, cefo_error *err);
/* The same into `path` through one output (writers/output.c): atomically when it is a regular file
 * (a NULL or empty path is an error there). */
cefo_status cefo__write_atomic(cefo__writer write, const void *ctx, const char *path,
                               cefo_error *err);

/* One output in every cefo_format: its writers for text, JSON and CSV. cefo__format_ok says
 * whether `format` is one of them (each public writer refuses any other with its own message);
 * cefo__write_format writes `ctx` with the writer of `format` to `fp` (cefo__write_stream) or,
 * when `path` is not NULL, into `path` (cefo__write_atomic); CEFO_ERR_ARG for a bad format. */
typedef struct cefo__formats {
    cefo__writer text, json, csv;
} cefo__formats;
int cefo__format_ok(cefo_format format);
cefo_status cefo__write_format(const cefo__formats *w, cefo_format format, const void *ctx,
                               FILE *fp, const char *path, cefo_error *err);

#endif
