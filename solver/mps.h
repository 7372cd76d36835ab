/* mps.h - the model written as free MPS or CPLEX LP at full double precision (export, CBC/CLP). */
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

/*
 * Writes `d` to `f` in CPLEX LP format, every number in %.17g, readable by GLPK's, CBC's and
 * CPLEX's LP readers: the objective `cost`, then each row, then Bounds and Generals (the
 * binary columns, with explicit bounds). The format's names cannot hold '-': it is written
 * '~' (names.c never makes a '~', so names stay unique). A row with two different finite
 * bounds is written as GLPK's writer does, `row: terms - ~r_I = 0` with
 * `lb <= ~r_I <= ub` (I the row's 1-based index): both bounds exact, one more column. A free
 * row is written `>= -1e+30`. Every column appears in the objective when it has a cost or no
 * matrix entry, so none is lost. Returns CEFO_OK, CEFO_ERR_NOMEM, CEFO_ERR_IO, or CEFO_ERR_ARG
 * for a model with rows and no column (the format cannot write it).
 */
cefo_status cefo__lpfile_write(FILE *f, const char *path, const cefo__lp_data *d,
                               const char *const *col_names, const char *const *row_names,
                               cefo_error *err);

#endif
