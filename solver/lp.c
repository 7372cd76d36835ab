/* lp.c - back-end independent checks in front of every LP back-end call. */
#include "solver/lp.h"

#include <math.h>
#include <string.h>
#include <pthread.h>

#include "core/alloc.h"
#include "core/error.h"

struct cefo__lp {
    const cefo__lp_backend *be;
    void *impl;
    void *coin;         /* the same model for CBC/CLP and the full-precision MPS writer */
    int nrows;
    int ncols;
    pthread_t owner;
};

static cefo_status check_bounds(const double *lb, const double *ub, int n, const char *what,
                                cefo_error *err)
{
    for (int k = 0; k < n; k++) {
        if (isnan(lb[k]) || lb[k] == INFINITY)
            return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                               "%s %d: lower bound %g is neither finite nor -inf", what, k, lb[k]);
        if (isnan(ub[k]) || ub[k] == -INFINITY)
            return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                               "%s %d: upper bound %g is neither finite nor +inf", what, k, ub[k]);
        if (lb[k] > ub[k])
            return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                               "%s %d: lower bound %g exceeds upper bound %g", what, k, lb[k],
                               ub[k]);
    }
    return CEFO_OK;
}

static cefo_status check_data(const cefo__lp_data *d, cefo_error *err)
{
    if (d->nrows < 0 || d->ncols < 0 || !d->a || (d->ncols && (!d->obj || !d->col_lb || !d->col_ub))
        || (d->nrows && (!d->row_lb || !d->row_ub)))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "LP data is incomplete");
    for (int j = 0; j < d->ncols; j++)
        if (!isfinite(d->obj[j]))
            return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                               "column %d: objective coefficient %g is not finite", j, d->obj[j]);
    cefo_status st = check_bounds(d->col_lb, d->col_ub, d->ncols, "column", err);
    if (st == CEFO_OK)
        st = check_bounds(d->row_lb, d->row_ub, d->nrows, "row", err);
    if (st != CEFO_OK)
        return st;
    for (size_t k = 0; k < d->a->nnz; k++) {
        if (d->a->row[k] < 0 || d->a->row[k] >= d->nrows || d->a->col[k] < 0
            || d->a->col[k] >= d->ncols)
            return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                               "matrix entry %zu at (%d, %d) is outside %d x %d", k,
                               d->a->row[k], d->a->col[k], d->nrows, d->ncols);
        if (!isfinite(d->a->val[k]))
            return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                               "row %d: a coefficient (%g) is not finite", d->a->row[k],
                               d->a->val[k]);
    }
    return CEFO_OK;
}

static cefo_status check_use(const cefo__lp *lp, cefo_error *err)
{
    if (!lp)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no LP");
    if (!pthread_equal(lp->owner, pthread_self()))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                           "an LP must be used on the thread that built it");
    return CEFO_OK;
}

cefo_status cefo__lp_load(cefo__lp **out, const cefo__lp_backend *be, const cefo__lp_data *d,
                          cefo_error *err)
{
    if (!out || !d)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no LP data");
    cefo_status st = check_data(d, err);
    if (st != CEFO_OK)
        return st;
    cefo__lp *lp = cefo__calloc(1, sizeof *lp);
    if (!lp)
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    lp->be = be ? be : cefo__lp_backend_glpk();
    lp->nrows = d->nrows;
    lp->ncols = d->ncols;
    lp->owner = pthread_self();
    st = lp->be->load(&lp->impl, d, err);
    if (st == CEFO_OK && (st = cefo__lp_backend_coin()->load(&lp->coin, d, err)) != CEFO_OK)
        lp->be->free(lp->impl);
    if (st != CEFO_OK) {
        cefo__free(lp);
        return st;
    }
    *out = lp;
    return CEFO_OK;
}

cefo_status cefo__lp_solve(cefo__lp *lp, const cefo_options *opt, cefo__lp_solution *sol,
                           cefo_error *err)
{
    cefo_status st = check_use(lp, err);
    if (st != CEFO_OK)
        return st;
    cefo_options defaults;
    if (!opt) {
        cefo_options_init(&defaults);
        opt = &defaults;
    }
    if (isnan(opt->time_limit) || !(opt->mip_gap >= 0) || !sol || (lp->ncols && !sol->x) || (lp->nrows && !sol->row_dual)
        || (lp->ncols && !sol->col_dual))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad solve arguments");
    if (opt->solver == CEFO_SOLVER_CBC || opt->solver == CEFO_SOLVER_CLP)
        return cefo__lp_backend_coin()->solve(lp->coin, opt, sol, err);
    if (opt->solver != CEFO_SOLVER_GLPK)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "unknown solver %d",
                           (int)opt->solver);
    return lp->be->solve(lp->impl, opt, sol, err);
}

static cefo_status check_index_bounds(const cefo__lp *lp, int k, int n, double lb, double ub,
                                      cefo_error *err)
{
    cefo_status st = check_use(lp, err);
    if (st != CEFO_OK)
        return st;
    if (k < 0 || k >= n)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "index %d out of range", k);
    return check_bounds(&lb, &ub, 1, "bound", err);
}

cefo_status cefo__lp_set_col_bounds(cefo__lp *lp, int j, double lb, double ub, cefo_error *err)
{
    cefo_status st = check_index_bounds(lp, j, lp ? lp->ncols : 0, lb, ub, err);
    if (st == CEFO_OK)
        st = cefo__lp_backend_coin()->set_col_bounds(lp->coin, j, lb, ub, err);
    return st != CEFO_OK ? st : lp->be->set_col_bounds(lp->impl, j, lb, ub, err);
}

cefo_status cefo__lp_set_row_bounds(cefo__lp *lp, int i, double lb, double ub, cefo_error *err)
{
    cefo_status st = check_index_bounds(lp, i, lp ? lp->nrows : 0, lb, ub, err);
    if (st == CEFO_OK)
        st = cefo__lp_backend_coin()->set_row_bounds(lp->coin, i, lb, ub, err);
    return st != CEFO_OK ? st : lp->be->set_row_bounds(lp->impl, i, lb, ub, err);
}

cefo_status cefo__lp_set_obj(cefo__lp *lp, int j, double c, cefo_error *err)
{
    cefo_status st = check_index_bounds(lp, j, lp ? lp->ncols : 0, 0.0, 0.0, err);
    if (st == CEFO_OK && !isfinite(c))
        st = cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "cost %g is not finite", c);
    if (st == CEFO_OK)
        st = cefo__lp_backend_coin()->set_obj(lp->coin, j, c, err);
    return st != CEFO_OK ? st : lp->be->set_obj(lp->impl, j, c, err);
}

cefo_status cefo__lp_set_coef(cefo__lp *lp, int i, int j, double v, cefo_error *err)
{
    cefo_status st = check_index_bounds(lp, j, lp ? lp->ncols : 0, 0.0, 0.0, err);
    if (st == CEFO_OK && (i < 0 || i >= lp->nrows || !isfinite(v)))
        st = cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad matrix entry (%d, %d) = %g", i,
                         j, v);
    if (st == CEFO_OK)
        st = cefo__lp_backend_coin()->set_coef(lp->coin, i, j, v, err);
    return st != CEFO_OK ? st : lp->be->set_coef(lp->impl, i, j, v, err);
}

cefo_status cefo__lp_write(cefo__lp *lp, int format, const char *path,
                           const char *const *col_names, const char *const *row_names,
                           cefo_error *err)
{
    cefo_status st = check_use(lp, err);
    if (st == CEFO_OK && (!path || (format != 0 && format != 1)))
        st = cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad model format or path");
    /* Names must be non-empty and fit GLPK's 255 characters. */
    for (int j = 0; st == CEFO_OK && col_names && j < lp->ncols; j++)
        if (!col_names[j] || !*col_names[j] || strlen(col_names[j]) > 255)
            st = cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "column %d: bad name", j);
    for (int i = 0; st == CEFO_OK && row_names && i < lp->nrows; i++)
        if (!row_names[i] || !*row_names[i] || strlen(row_names[i]) > 255)
            st = cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "row %d: bad name", i);
    if (st == CEFO_OK && format == 0) /* full precision, not GLPK's 12 characters */
        return cefo__lp_backend_coin()->write(lp->coin, format, path, col_names, row_names, err);
    return st != CEFO_OK ? st : lp->be->write(lp->impl, format, path, col_names, row_names, err);
}

int cefo__lp_nrows(const cefo__lp *lp)
{
    return lp ? lp->nrows : 0;
}

int cefo__lp_ncols(const cefo__lp *lp)
{
    return lp ? lp->ncols : 0;
}

void cefo__lp_free(cefo__lp *lp)
{
    if (!lp)
        return;
    /* A GLPK object may only be freed on its own thread; elsewhere it is leaked, not corrupted. */
    if (lp->impl && pthread_equal(lp->owner, pthread_self()))
        lp->be->free(lp->impl);
    cefo__lp_backend_coin()->free(lp->coin);
    cefo__free(lp);
}

void cefo_options_init(cefo_options *opt)
{
    if (!opt)
        return;
    *opt = (cefo_options){.method = CEFO_METHOD_AUTO, .presolve = 1, .mip_gap = 0.0,
                          .diagnose = 1};
}
