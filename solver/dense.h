/* dense.h - the dense linear algebra of input-output analysis (LAPACK and BLAS, loaded at first use). */
#ifndef CEFO_SOLVER_DENSE_H
#define CEFO_SOLVER_DENSE_H

#include "cefo/cefo.h"

/*
 * Loads BLAS and LAPACK (OpenBLAS, or the library named by the environment variable CEFO_BLAS)
 * once per process (the functions below load it too, and return CEFO_ERR_UNAVAILABLE when it
 * cannot be loaded; cefo__dense_gemm then does nothing). CEFO_OK or CEFO_ERR_UNAVAILABLE with
 * the loader's reason in the message: call it first where an error can be told.
 */
cefo_status cefo__dense_load(cefo_error *err);

/* Matrices are column-major, n x n, as LAPACK keeps them: no hidden transposes. */
typedef struct cefo__lu {
    int n;
    double *lu;     /* L and U factors, owned */
    int *ipiv;      /* owned */
    double rcond;   /* reciprocal condition number in the 1-norm (LAPACK dgecon) */
} cefo__lu;

/*
 * Factors `a` (n x n, column-major; taken over by the factorisation, freed with it) with
 * dgetrf and estimates its condition number with dgecon. Returns CEFO_OK, CEFO_ERR_NOMEM, or
 * CEFO_ERR_INVALID for an exactly singular matrix, with *bad set to the 0-based column whose
 * pivot vanished (-1 when not singular).
 */
cefo_status cefo__lu_factor(cefo__lu *f, int n, double *a, int *bad);

/* The column whose pivot |U_jj| is smallest: where near-singularity shows first. */
int cefo__lu_weakest_column(const cefo__lu *f);

/* Solves A X = B (trans 0) or A^T X = B (trans 1) in place; B is n x nrhs column-major. */
cefo_status cefo__lu_solve(const cefo__lu *f, int trans, int nrhs, double *b);

/* Writes A^-1 (n x n, column-major) into `out`. CEFO_OK or CEFO_ERR_NOMEM. */
cefo_status cefo__lu_inverse(const cefo__lu *f, double *out);

void cefo__lu_free(cefo__lu *f);

/* C = A B for n x n column-major matrices (dgemm); for benchmarks against the LU path. */
void cefo__dense_gemm(int n, const double *a, const double *b, double *c);

#endif
