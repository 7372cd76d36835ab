/* csvnum.h - numeric CSV files (Z, extensions) referenced by an input-output table's src=. */
#ifndef CEFO_IO_CSVNUM_H
#define CEFO_IO_CSVNUM_H

#include <stddef.h>

#include "cefo/cefo.h"

/*
 * Reads a plain numeric CSV: comma-separated strict numbers, an empty cell meaning 0, with an
 * optional header row and an optional header column (detected as non-numeric text; quoted
 * fields allowed there). Returns the values row by row in a new array (cefo__free) with its
 * shape. Errors name the CSV file and line. Returns CEFO_OK, CEFO_ERR_NOFILE, CEFO_ERR_IO,
 * CEFO_ERR_INVALID or CEFO_ERR_NOMEM.
 */
cefo_status cefo__csv_numbers(const char *path, double **values, size_t *rows, size_t *cols,
                              cefo_error *err);

/* `rel` resolved against the directory of `base` (a file path) unless absolute; cefo__free. */
char *cefo__path_beside(const char *base, const char *rel);

#endif
