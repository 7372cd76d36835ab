/* mps.h - the model written as free MPS at full double precision (for export and CBC/CLP). */
#ifndef CEFO_SOLVER_MPS_H
#define CEFO_SOLVER_MPS_H

#include <stdio.h>

#include "solver/lp.h"

/*
 * Writes `d` to `f` as free MPS: every number in %.17g (it reads back as the same double),
 * binary columns between INTORG/INTEND markers with explicit bounds, the objective row named
 * `cost`. Rows and columns are named by `row_names`/`col_names`, or generically R1..Rm and
 * C1..Cn when those are NULL (what an engine is given: its answer is mapped back by index).
 * Matrix entries equal to zero are left out. Returns CEFO_OK, CEFO_ERR_NOMEM or CEFO_ERR_IO
 * (a write failed; the stream's error flag is set). `path` only names the file in messages.
 */
cefo_status cefo__mps_write(FILE *f, const char *path, const cefo__lp_data *d,
                            const char *const *col_names, const char *const *row_names,
                            cefo_error *err);

#endif
