/* lp.c - back-end independent checks and the MIP strategy in front of every LP back-end. */
#include "solver/lp.h"

#include <limits.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "core/alloc.h"
#include "core/error.h"

struct cefo__lp {
    const cefo__lp_backend *be;
    void *impl;         /* be's model; with `coin`, GLPK's, loaded on the first GLPK solve */
    void *coin;         /* be == NULL at load: the model as data, which CBC and CLP solve and
                           the full-precision MPS and LP writers write */
    int nrows;
    int ncols;
    int nbin;
    int *bin;           /* the binary columns */
    int *bin_of;        /* ncols: the column's index in bin, or -1 */
    double *bin_lb;     /* their current bounds, restored after the fixed LP */
    double *bin_ub;
    double *bin_x;      /* branch and bound's point, kept while the fixed LP runs */
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

/* No (i, j) twice: counted by column, then each column's rows marked. */
static cefo_status check_duplicates(const cefo__lp_data *d, cefo_error *err)
{
    size_t nnz = d->a->nnz, *start = cefo__calloc((size_t)d->ncols + 2, sizeof *start);
    size_t *order = cefo__calloc(nnz + 1, sizeof *order);
    int *seen = cefo__calloc((size_t)d->nrows + 1, sizeof *seen);
    cefo_status st = CEFO_OK;
    if (!start || !order || !seen) {
        st = cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory checking the LP");
        goto done;
    }
    for (size_t k = 0; k < nnz; k++)
        start[d->a->col[k] + 2]++;
    for (int j = 0; j < d->ncols; j++)
        start[j + 2] += start[j + 1];
    for (size_t k = 0; k < nnz; k++)
        order[start[d->a->col[k] + 1]++] = k;
    for (int j = 0; j < d->ncols && st == CEFO_OK; j++)
        for (size_t q = start[j]; q < start[j + 1]; q++) {
            size_t k = order[q];
            if (seen[d->a->row[k]] == j + 1) {
                st = cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                                 "matrix entry %zu at (%d, %d) is a duplicate", k, d->a->row[k],
                                 j);
                break;
            }
            seen[d->a->row[k]] = j + 1;
        }
done:
    cefo__free(start);
    cefo__free(order);
    cefo__free(seen);
    return st;
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
    return check_duplicates(d, err);
}

static cefo_status check_use(const cefo__lp *lp, cefo_error *err)
{
    if (!lp)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no LP");
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
    for (int j = 0; d->col_binary && j < d->ncols; j++)
        lp->nbin += d->col_binary[j] != 0;
    if (lp->nbin) {
        lp->bin = cefo__calloc((size_t)lp->nbin, sizeof *lp->bin);
        lp->bin_lb = cefo__calloc((size_t)lp->nbin, sizeof *lp->bin_lb);
        lp->bin_ub = cefo__calloc((size_t)lp->nbin, sizeof *lp->bin_ub);
        lp->bin_x = cefo__calloc((size_t)d->ncols, sizeof *lp->bin_x);
        lp->bin_of = cefo__calloc((size_t)d->ncols, sizeof *lp->bin_of);
        if (!lp->bin || !lp->bin_lb || !lp->bin_ub || !lp->bin_x || !lp->bin_of) {
            cefo__lp_free(lp);
            return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
        }
        for (int j = 0, k = 0; j < d->ncols; j++) {
            lp->bin_of[j] = d->col_binary[j] ? k : -1;
            if (d->col_binary[j]) {
                lp->bin[k] = j;
                lp->bin_lb[k] = d->col_lb[j];
                lp->bin_ub[k++] = d->col_ub[j];
            }
        }
    }
    /* Without a back-end named, only the model as data is kept: CBC and CLP solve it from
     * there, and GLPK's copy is built on the first GLPK solve (never, when another engine
     * solves: at 10,000 firms that load is a sizeable part of a CLP run). */
    if (be && (st = be->load(&lp->impl, d, err)) != CEFO_OK)
        lp->impl = NULL;
    if (!be && (st = cefo__lp_backend_cbc()->load(&lp->coin, d, err)) != CEFO_OK)
        lp->coin = NULL;
    if (st != CEFO_OK) {
        cefo__lp_free(lp);
        return st;
    }
    *out = lp;
    return CEFO_OK;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* The one deadline and iteration budget of a solve, shared by its phases. */
typedef struct budget {
    double deadline;    /* INFINITY: none */
    long iterations;    /* left; LONG_MAX: none */
} budget;

/* Fills `req` with what remains of `b`; 0 when nothing remains for another phase. */
static int remaining(const budget *b, cefo__lp_request *req)
{
    req->time_limit = isinf(b->deadline) ? INFINITY : b->deadline - now();
    req->iteration_limit = b->iterations == LONG_MAX ? 0 : b->iterations;
    return req->time_limit > 0 && b->iterations > 0;
}

/* The back-end and model that one solve uses. */
typedef struct engine {
    const cefo__lp_backend *be;
    void *impl;
} engine;

static cefo_status pick_engine(cefo__lp *lp, cefo_solver solver, engine *e, cefo_error *err)
{
    if (solver == CEFO_SOLVER_GLPK && lp->coin && !lp->impl) {
        cefo_status st = lp->be->load(&lp->impl, cefo__coin_data(lp->coin), err);
        if (st != CEFO_OK) {
            lp->impl = NULL;
            return st;
        }
    }
    *e = (engine){lp->be, lp->impl};
    if (solver == CEFO_SOLVER_GLPK || !lp->coin)
        return solver == CEFO_SOLVER_GLPK ? CEFO_OK
                                          : cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                                                        "this LP has one engine only");
    if (solver == CEFO_SOLVER_CBC)
        *e = (engine){cefo__lp_backend_cbc(), lp->coin};
    else if (solver == CEFO_SOLVER_CLP)
        *e = (engine){cefo__lp_backend_clp(), lp->coin};
    else
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "unknown solver %d", (int)solver);
    return CEFO_OK;
}

static cefo_status phase(const engine *e, budget *b, cefo__lp_request *req,
                         cefo__lp_solution *sol, long *iterations, cefo_error *err)
{
    sol->iterations = 0;
    cefo_status st = e->be->solve(e->impl, req, sol, err);
    if (st != CEFO_OK)
        return st;
    *iterations += sol->iterations;
    if (b->iterations != LONG_MAX)
        b->iterations -= sol->iterations;
    return CEFO_OK;
}

/*
 * The LP with every binary fixed at branch and bound's value: its continuous part is optimal
 * for those decisions and its duals are the MIP's shadow prices. Without it (no time left, or
 * it fails), branch and bound's point stays and the duals are NAN.
 */
static cefo_status fixed_lp(cefo__lp *lp, const engine *e, budget *b, cefo__lp_request *req,
                            cefo__lp_solution *sol, long *iterations, cefo_error *err)
{
    cefo__lp_solution mip = *sol;
    memcpy(lp->bin_x, sol->x, (size_t)lp->ncols * sizeof *sol->x);
    cefo_status st = CEFO_OK;
    int solved = 0;
    if (remaining(b, req)) {
        for (int k = 0; k < lp->nbin && st == CEFO_OK; k++) {
            double v = round(sol->x[lp->bin[k]]);
            v = v < lp->bin_lb[k] ? lp->bin_lb[k] : v > lp->bin_ub[k] ? lp->bin_ub[k] : v;
            st = e->be->set_col_bounds(e->impl, lp->bin[k], v, v, err);
        }
        req->mip = 0;
        if (st == CEFO_OK)
            st = phase(e, b, req, sol, iterations, err);
        solved = st == CEFO_OK && sol->status == CEFO_SOLVE_OPTIMAL;
        for (int k = 0; k < lp->nbin; k++) {
            cefo_status back = e->be->set_col_bounds(e->impl, lp->bin[k], lp->bin_lb[k],
                                                     lp->bin_ub[k], err);
            st = st != CEFO_OK ? st : back;
        }
    }
    sol->status = mip.status;
    sol->has_point = 1;
    sol->has_duals = solved;
    sol->gap = mip.gap;
    if (!solved) {
        sol->objective = mip.objective;
        memcpy(sol->x, lp->bin_x, (size_t)lp->ncols * sizeof *sol->x);
        for (int j = 0; j < lp->ncols; j++)
            sol->col_dual[j] = NAN;
        for (int i = 0; i < lp->nrows; i++)
            sol->row_dual[i] = NAN;
    }
    return st;
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
    if (isnan(opt->time_limit) || !(opt->mip_gap >= 0) || !sol || (lp->ncols && !sol->x)
        || (lp->nrows && !sol->row_dual) || (lp->ncols && !sol->col_dual))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad solve arguments");
    if (opt->method != CEFO_METHOD_AUTO && opt->method != CEFO_METHOD_PRIMAL
        && opt->method != CEFO_METHOD_DUAL)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                           "unknown simplex method %d (auto 0, primal 1, dual 2)",
                           (int)opt->method);
    budget b = {opt->time_limit > 0 ? now() + opt->time_limit : INFINITY,
                opt->iteration_limit > 0 ? opt->iteration_limit : LONG_MAX};
    cefo__lp_request req = {.method = opt->method, .presolve = opt->presolve != 0,
                            .mip_gap = opt->mip_gap, .log_path = opt->solver_log,
                            .warm_first = opt->warm == CEFO_WARM_FIRST};
    long iterations = 0;
    engine e;
    st = pick_engine(lp, opt->solver, &e, err);
    if (st != CEFO_OK)
        return st;
    remaining(&b, &req);
    sol->status = CEFO_SOLVE_OPTIMAL;
    /* The relaxation first, when the engine keeps its basis for branch and bound. */
    if (!lp->nbin || e.be->keeps_basis)
        st = phase(&e, &b, &req, sol, &iterations, err);
    sol->mip = lp->nbin > 0;
    sol->gap = 0;
    if (st == CEFO_OK && sol->mip && sol->status == CEFO_SOLVE_OPTIMAL) {
        req.mip = 1;
        if (!remaining(&b, &req)) {
            sol->status = b.iterations > 0 ? CEFO_SOLVE_TIME_LIMIT : CEFO_SOLVE_ITERATION_LIMIT;
            sol->has_point = 0;
        } else {
            st = phase(&e, &b, &req, sol, &iterations, err);
            /* A search that stops at the gap with the bound met is a proof of optimality. */
            if (st == CEFO_OK && sol->status == CEFO_SOLVE_GAP_LIMIT && sol->gap <= 1e-9)
                sol->status = CEFO_SOLVE_OPTIMAL;
            if (st == CEFO_OK && sol->has_point)
                st = fixed_lp(lp, &e, &b, &req, sol, &iterations, err);
        }
        if (st == CEFO_OK && sol->status == CEFO_SOLVE_OPTIMAL)
            sol->gap = 0;
    } else if (st == CEFO_OK && sol->mip) {
        sol->has_point = 0; /* a relaxation's point is no plan */
    }
    if (!sol->mip)
        sol->has_duals = st == CEFO_OK && sol->status == CEFO_SOLVE_OPTIMAL;
    else if (!sol->has_point)
        sol->has_duals = 0;
    sol->iterations = iterations;
    return st;
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
    if (st == CEFO_OK && lp->coin)
        st = cefo__lp_backend_cbc()->set_col_bounds(lp->coin, j, lb, ub, err);
    if (st == CEFO_OK && lp->impl)
        st = lp->be->set_col_bounds(lp->impl, j, lb, ub, err);
    if (st == CEFO_OK && lp->nbin && lp->bin_of[j] >= 0) {
        lp->bin_lb[lp->bin_of[j]] = lb;
        lp->bin_ub[lp->bin_of[j]] = ub;
    }
    return st;
}

cefo_status cefo__lp_set_row_bounds(cefo__lp *lp, int i, double lb, double ub, cefo_error *err)
{
    cefo_status st = check_index_bounds(lp, i, lp ? lp->nrows : 0, lb, ub, err);
    if (st == CEFO_OK && lp->coin)
        st = cefo__lp_backend_cbc()->set_row_bounds(lp->coin, i, lb, ub, err);
    return st != CEFO_OK || !lp->impl ? st : lp->be->set_row_bounds(lp->impl, i, lb, ub, err);
}

cefo_status cefo__lp_set_obj(cefo__lp *lp, int j, double c, cefo_error *err)
{
    cefo_status st = check_index_bounds(lp, j, lp ? lp->ncols : 0, 0.0, 0.0, err);
    if (st == CEFO_OK && !isfinite(c))
        st = cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "cost %g is not finite", c);
    if (st == CEFO_OK && lp->coin)
        st = cefo__lp_backend_cbc()->set_obj(lp->coin, j, c, err);
    return st != CEFO_OK || !lp->impl ? st : lp->be->set_obj(lp->impl, j, c, err);
}

cefo_status cefo__lp_set_coef(cefo__lp *lp, int i, int j, double v, cefo_error *err)
{
    cefo_status st = check_index_bounds(lp, j, lp ? lp->ncols : 0, 0.0, 0.0, err);
    if (st == CEFO_OK && (i < 0 || i >= lp->nrows || !isfinite(v)))
        st = cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad matrix entry (%d, %d) = %g", i,
                         j, v);
    if (st == CEFO_OK && lp->coin)
        st = cefo__lp_backend_cbc()->set_coef(lp->coin, i, j, v, err);
    return st != CEFO_OK || !lp->impl ? st : lp->be->set_coef(lp->impl, i, j, v, err);
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
    /* cefo's own writers, at full precision (GLPK's MPS has 12 characters, its LP 15 digits) */
    if (st == CEFO_OK && lp->coin)
        return cefo__lp_backend_cbc()->write(lp->coin, format, path, col_names, row_names, err);
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
    if (lp->impl)
        lp->be->free(lp->impl);
    if (lp->coin)
        cefo__lp_backend_cbc()->free(lp->coin);
    cefo__free(lp->bin);
    cefo__free(lp->bin_lb);
    cefo__free(lp->bin_ub);
    cefo__free(lp->bin_x);
    cefo__free(lp->bin_of);
    cefo__free(lp);
}

void cefo_options_init(cefo_options *opt)
{
    if (!opt)
        return;
    *opt = (cefo_options){.method = CEFO_METHOD_AUTO, .presolve = 1, .mip_gap = 1e-4,
                          .diagnose = 1};
}
