/* dense.c - LU factorisation, solves and inverse through LAPACKE, products through CBLAS. */
#include "solver/dense.h"

#include <cblas.h>
#include <lapacke.h>
#include <math.h>
#include <string.h>

#include "core/alloc.h"

cefo_status cefo__lu_factor(cefo__lu *f, int n, double *a, int *bad)
{
    memset(f, 0, sizeof *f);
    *bad = -1;
    f->n = n;
    f->lu = a;
    f->ipiv = cefo__calloc((size_t)(n > 0 ? n : 1), sizeof *f->ipiv);
    if (!f->ipiv)
        return CEFO_ERR_NOMEM;
    if (n == 0) {
        f->rcond = 1.0;
        return CEFO_OK;
    }
    double anorm = LAPACKE_dlange(LAPACK_COL_MAJOR, '1', n, n, a, n);
    lapack_int info = LAPACKE_dgetrf(LAPACK_COL_MAJOR, n, n, a, n, f->ipiv);
    if (info > 0) {
        *bad = (int)info - 1;
        f->rcond = 0.0;
        return CEFO_ERR_INVALID;
    }
    if (info < 0)
        return CEFO_ERR_NOMEM; /* LAPACKE's workspace allocation failed */
    info = LAPACKE_dgecon(LAPACK_COL_MAJOR, '1', n, a, n, anorm, &f->rcond);
    return info == 0 ? CEFO_OK : CEFO_ERR_NOMEM;
}

int cefo__lu_weakest_column(const cefo__lu *f)
{
    int worst = 0;
    for (int j = 1; j < f->n; j++)
        if (fabs(f->lu[(size_t)j * f->n + j]) < fabs(f->lu[(size_t)worst * f->n + worst]))
            worst = j;
    return worst;
}

cefo_status cefo__lu_solve(const cefo__lu *f, int trans, int nrhs, double *b)
{
    if (f->n == 0 || nrhs == 0)
        return CEFO_OK;
    lapack_int info = LAPACKE_dgetrs(LAPACK_COL_MAJOR, trans ? 'T' : 'N', f->n, nrhs, f->lu,
                                     f->n, f->ipiv, b, f->n);
    return info == 0 ? CEFO_OK : CEFO_ERR_ARG;
}

cefo_status cefo__lu_inverse(const cefo__lu *f, double *out)
{
    if (f->n == 0)
        return CEFO_OK;
    memcpy(out, f->lu, (size_t)f->n * f->n * sizeof *out);
    lapack_int info = LAPACKE_dgetri(LAPACK_COL_MAJOR, f->n, out, f->n, f->ipiv);
    return info == 0 ? CEFO_OK : CEFO_ERR_NOMEM;
}

void cefo__lu_free(cefo__lu *f)
{
    cefo__free(f->lu);
    cefo__free(f->ipiv);
    memset(f, 0, sizeof *f);
}

void cefo__dense_gemm(int n, const double *a, const double *b, double *c)
{
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
}
