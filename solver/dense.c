/*
 * dense.c - LU factorisation, solves and inverse (LAPACK) and products (BLAS), called in
 * OpenBLAS, which is loaded at the first call of cefo__dense_load and never before: a
 * process that does no input-output analysis (validate, solve, sweep...) neither maps it nor
 * starts its threads nor pays its relocations. The routines are LAPACK's own Fortran entry
 * points, which OpenBLAS exports (no LAPACKE: on Debian it drags the reference LAPACK and BLAS,
 * libgfortran and libtmglib into every process for five pass-through wrappers).
 */
#include "solver/dense.h"

#include <dlfcn.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cefo_config.h"
#include "core/alloc.h"
#include "core/error.h"

/* LAPACK's Fortran interface: every argument by reference, each character argument's length
 * passed by value after the others (gfortran's convention, which OpenBLAS's C routines
 * accept and ignore). */
typedef double dlange_fn(const char *norm, const int *m, const int *n, const double *a,
                         const int *lda, double *work, size_t norm_len);
typedef void dgetrf_fn(const int *m, const int *n, double *a, const int *lda, int *ipiv,
                       int *info);
typedef void dgecon_fn(const char *norm, const int *n, const double *a, const int *lda,
                       const double *anorm, double *rcond, double *work, int *iwork, int *info,
                       size_t norm_len);
typedef void dgetrs_fn(const char *trans, const int *n, const int *nrhs, const double *a,
                       const int *lda, const int *ipiv, double *b, const int *ldb, int *info,
                       size_t trans_len);
typedef void dgetri_fn(const int *n, double *a, const int *lda, const int *ipiv, double *work,
                       const int *lwork, int *info);
typedef void dgemm_fn(const char *transa, const char *transb, const int *m, const int *n,
                      const int *k, const double *alpha, const double *a, const int *lda,
                      const double *b, const int *ldb, const double *beta, double *c,
                      const int *ldc, size_t transa_len, size_t transb_len);

typedef struct lapack {
    dlange_fn *dlange;
    dgetrf_fn *dgetrf;
    dgecon_fn *dgecon;
    dgetrs_fn *dgetrs;
    dgetri_fn *dgetri;
    dgemm_fn *dgemm;
} lapack;

static lapack lib;          /* all set once loaded, all NULL otherwise */
static const char *library; /* the name it was loaded by */
static char why[512];       /* why it could not be loaded */
static pthread_once_t lib_once = PTHREAD_ONCE_INIT;

/* The symbol `name` of `h` into the function pointer at `fn` (POSIX: a dlsym result may be
 * converted to a function pointer; ISO C only allows it through the representation). */
static int sym(void *h, const char *name, void *fn)
{
    void *p = dlsym(h, name);
    if (!p) {
        snprintf(why, sizeof why, "%s has no %s: not a LAPACK", library, name);
        return 0;
    }
    memcpy(fn, &p, sizeof p);
    return 1;
}

static void load(void)
{
    const char *name = getenv("CEFO_BLAS");
    library = name && *name ? name : CEFO_BLAS_LIBRARY;
    /* Kept for the life of the process: OpenBLAS's threads cannot be unloaded. */
    void *h = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        snprintf(why, sizeof why, "%s", e ? e : library);
        return;
    }
    lapack got;
    if (sym(h, "dlange_", &got.dlange) && sym(h, "dgetrf_", &got.dgetrf) &&
        sym(h, "dgecon_", &got.dgecon) && sym(h, "dgetrs_", &got.dgetrs) &&
        sym(h, "dgetri_", &got.dgetri) && sym(h, "dgemm_", &got.dgemm))
        lib = got;
}

/* Loaded (once per process): the functions below load it themselves, so that no path can
 * reach a null pointer; the public entries call cefo__dense_load first for the message. */
static int ready(void)
{
    return pthread_once(&lib_once, load) == 0 && lib.dgemm;
}

cefo_status cefo__dense_load(cefo_error *err)
{
    if (!ready())
        return cefo__error(err, CEFO_ERR_UNAVAILABLE, NULL, 0, NULL,
                           "input-output analysis needs BLAS and LAPACK, which could not be "
                           "loaded: %s (install OpenBLAS, or name a library with both in "
                           "CEFO_BLAS)", why[0] ? why : "pthread_once failed");
    return CEFO_OK;
}

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
    if (!ready())
        return CEFO_ERR_UNAVAILABLE;
    double *work = cefo__malloc(4 * (size_t)n * sizeof *work);
    int *iwork = cefo__malloc((size_t)n * sizeof *iwork);
    cefo_status st = CEFO_ERR_NOMEM;
    if (work && iwork) {
        int info = 0;
        double anorm = lib.dlange("1", &n, &n, a, &n, work, 1);
        lib.dgetrf(&n, &n, a, &n, f->ipiv, &info);
        if (info > 0) {
            *bad = info - 1;
            f->rcond = 0.0;
            st = CEFO_ERR_INVALID;
        } else if (info == 0) {
            lib.dgecon("1", &n, a, &n, &anorm, &f->rcond, work, iwork, &info, 1);
            st = info == 0 ? CEFO_OK : CEFO_ERR_ARG;
        } else {
            st = CEFO_ERR_ARG;
        }
    }
    cefo__free(work);
    cefo__free(iwork);
    return st;
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
    if (!ready())
        return CEFO_ERR_UNAVAILABLE;
    int info = 0;
    lib.dgetrs(trans ? "T" : "N", &f->n, &nrhs, f->lu, &f->n, f->ipiv, b, &f->n, &info, 1);
    return info == 0 ? CEFO_OK : CEFO_ERR_ARG;
}

cefo_status cefo__lu_inverse(const cefo__lu *f, double *out)
{
    if (f->n == 0)
        return CEFO_OK;
    if (!ready())
        return CEFO_ERR_UNAVAILABLE;
    memcpy(out, f->lu, (size_t)f->n * f->n * sizeof *out);
    /* The workspace LAPACK asks for (its block size times n), as LAPACKE allocated it. */
    int info = 0, lwork = -1;
    double query = 0.0;
    lib.dgetri(&f->n, out, &f->n, f->ipiv, &query, &lwork, &info);
    lwork = info == 0 && query >= f->n && query < (double)INT_MAX ? (int)query : f->n;
    double *work = cefo__malloc((size_t)lwork * sizeof *work);
    if (!work)
        return CEFO_ERR_NOMEM;
    lib.dgetri(&f->n, out, &f->n, f->ipiv, work, &lwork, &info);
    cefo__free(work);
    return info == 0 ? CEFO_OK : CEFO_ERR_ARG;
}

void cefo__lu_free(cefo__lu *f)
{
    cefo__free(f->lu);
    cefo__free(f->ipiv);
    memset(f, 0, sizeof *f);
}

void cefo__dense_gemm(int n, const double *a, const double *b, double *c)
{
    const double one = 1.0, zero = 0.0;
    if (ready())
        lib.dgemm("N", "N", &n, &n, &n, &one, a, &n, b, &n, &zero, c, &n, 1, 1);
}
