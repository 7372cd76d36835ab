/* csvnum.h - numeric CSV files (Z, extensions) referenced by an input-output table's src=. */
#ifndef CEFO_IO_CSVNUM_H
#define CEFO_IO_CSVNUM_H

#include <stddef.h>

#include "cefo/cefo.h"
#include "io/xmlattr.h"

/*
 * A plain numeric CSV as read: values row by row, and the labels of its optional header row
 * (one per value column) and header column (one per value row), with the line of each row.
 */
typedef struct cefo__csv {
    double *v;
    size_t rows, cols;
    char **col_head;    /* cols labels, or NULL when there is no header row */
    char **row_head;    /* rows labels, or NULL when there is no header column */
    int head_line;      /* line of the header row */
    int *row_line;      /* rows lines */
    int head_col;       /* 1 when there is a header column: value column j is CSV column j + 2 */
} cefo__csv;

/*
 * Reads `path` (named `name` in errors): comma-separated strict numbers, an empty cell
 * meaning 0, with an optional header row and an optional header column (detected as
 * non-numeric text; quoted fields allowed there). A NUL byte is an error. Errors name the
 * file, line and column (err->column), never the content of a cell. Returns CEFO_OK (free
 * *out with cefo__csv_free), CEFO_ERR_NOFILE, CEFO_ERR_IO, CEFO_ERR_INVALID or CEFO_ERR_NOMEM.
 */
cefo_status cefo__csv_read(const char *path, const char *name, cefo__csv *out, cefo_error *err);
void cefo__csv_free(cefo__csv *c);

/* cefo__csv_read keeping only the values (a new array, cefo__free) and their shape. */
cefo_status cefo__csv_numbers(const char *path, double **values, size_t *rows, size_t *cols,
                              cefo_error *err);

/* `rel` resolved against the directory of `base` (a file path) unless absolute; cefo__free. */
char *cefo__path_beside(const char *base, const char *rel);

/*
 * Whether `path` (an existing file) lies inside the directory of `base` (a file path, or the
 * working directory when it names no directory), symlinks resolved: 1 inside, 0 outside,
 * -1 when either cannot be resolved. The resolved path goes to `real` (PATH_MAX bytes), to
 * open that very file.
 */
int cefo__path_inside(const char *base, const char *path, char *real);

/*
 * The file a src= attribute names (on `element`, at `line` of the XML file x->file): its path
 * beside the XML file into *path (cefo__free; the name errors give), and the path to open into
 * *open (`real` or *path). Unless `flags` has CEFO_LOAD_SRC_ANYWHERE the file must lie inside
 * the XML file's folder: else CEFO_ERR_INVALID, its message ending in `hint` (how to allow
 * it, or NULL). Returns CEFO_OK, CEFO_ERR_NOFILE, CEFO_ERR_IO, CEFO_ERR_INVALID or
 * CEFO_ERR_NOMEM (*path is NULL on error).
 */
cefo_status cefo__src_resolve(const cefo__xctx *x, int line, const char *element, const char *src,
                              unsigned flags, const char *hint, char **path, char *real,
                              const char **open);

#endif
