/* lp_glpk.c - the GLPK back-end, on threads of its own, fenced so that GLPK can neither print
 * nor abort the host. */
#include <float.h>
#include <glpk.h>
#include <limits.h>
#include <pthread.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "solver/lp.h"

/*
 * GLPK binds its objects to the thread that made them (one environment per thread; freeing
 * it frees them all; one terminal and error hook per thread). So each LP gets a GLPK thread
 * of its own, and every call on the LP runs there while the caller waits:
 * - the host's threads never see a GLPK call from cefo: a host that uses GLPK itself keeps
 *   its environment, its problems and its hooks, untouched;
 * - an LP may be used and freed from any thread (one call at a time, as every handle);
 * - the thread's environment is cefo's alone, so it is freed when the LP is (nothing leaks,
 *   whichever thread frees), and a GLPK fatal error loses only the LP it hit.
 */
typedef struct glpk_lp glpk_lp;
typedef void (*glpk_call)(glpk_lp *lp, void *arg);

enum { IDLE, PENDING, DONE, QUIT };

typedef struct glpk_lp {
    glp_prob *P;
    int lost;           /* a GLPK fatal error freed the environment, and P with it */
    int has_basis;
    int *first_basis;   /* warm_first: row then column statuses the first such solve left */
    int scaled;         /* glp_scale_prob has run (before the first solve, not at load) */
    int bounds_moved;   /* since the last solve: re-optimise with the dual simplex */
    int costs_moved;    /* since the last solve: re-optimise with the primal simplex */
    char log[1024];     /* the tail of GLPK's terminal output, for error messages */
    size_t loglen;
    jmp_buf *fence;     /* where a GLPK fatal error returns to */
    /* The GLPK thread and the one call it runs at a time. */
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int state;
    glpk_call fn;
    void *arg;
    cefo_error *err;
    cefo_status st;
} glpk_lp;

static int term_hook(void *info, const char *s)
{
    glpk_lp *lp = info;
    size_t n = strlen(s), room = sizeof lp->log - 1;
    if (n >= room) {
        s += n - room;
        n = room;
    }
    if (lp->loglen + n > room) {
        size_t drop = lp->loglen + n - room;
        memmove(lp->log, lp->log + drop, lp->loglen - drop);
        lp->loglen -= drop;
    }
    memcpy(lp->log + lp->loglen, s, n);
    lp->loglen += n;
    lp->log[lp->loglen] = '\0';
    return 1; /* non-zero: GLPK writes nothing itself */
}

static void error_hook(void *info)
{
    glpk_lp *lp = info;
    longjmp(*lp->fence, 1);
}

/* On the GLPK thread: fn(lp, arg) with GLPK's fatal errors turned into a status. */
static cefo_status fenced(glpk_lp *lp, glpk_call fn, void *arg, cefo_error *err)
{
    if (lp->lost)
        return cefo__error(err, CEFO_ERR_SOLVER, NULL, 0, NULL,
                           "the LP was lost to an earlier GLPK failure; rebuild it");
    jmp_buf here;
    if (setjmp(here)) {
        /* GLPK's rule after a fatal error: free the environment (this thread's alone). */
        glp_free_env();
        lp->lost = 1;
        lp->P = NULL;
        return cefo__error(err, CEFO_ERR_SOLVER, NULL, 0, NULL, "GLPK failed: %s", lp->log);
    }
    lp->fence = &here;
    glp_term_hook(term_hook, lp); /* this thread's environment: set on each call, as GLPK */
    glp_error_hook(error_hook, lp); /* recreates it after a fatal error */
    fn(lp, arg);
    lp->fence = NULL;
    return CEFO_OK;
}

static void *glpk_thread(void *arg)
{
    glpk_lp *lp = arg;
    pthread_mutex_lock(&lp->mu);
    for (;;) {
        while (lp->state != PENDING && lp->state != QUIT)
            pthread_cond_wait(&lp->cv, &lp->mu);
        if (lp->state == QUIT)
            break;
        pthread_mutex_unlock(&lp->mu);
        cefo_status st = fenced(lp, lp->fn, lp->arg, lp->err);
        pthread_mutex_lock(&lp->mu);
        lp->st = st;
        lp->state = DONE;
        pthread_cond_broadcast(&lp->cv);
    }
    pthread_mutex_unlock(&lp->mu);
    if (!lp->lost) {
        glp_term_hook(term_hook, lp);
        if (lp->P)
            glp_delete_prob(lp->P);
        glp_free_env();
    }
    return NULL;
}

/* Runs fn(lp, arg) on the LP's GLPK thread and waits for it. */
static cefo_status on_glpk_thread(glpk_lp *lp, glpk_call fn, void *arg, cefo_error *err)
{
    pthread_mutex_lock(&lp->mu);
    lp->fn = fn;
    lp->arg = arg;
    lp->err = err;
    lp->state = PENDING;
    pthread_cond_broadcast(&lp->cv);
    while (lp->state != DONE)
        pthread_cond_wait(&lp->cv, &lp->mu);
    lp->state = IDLE;
    cefo_status st = lp->st;
    pthread_mutex_unlock(&lp->mu);
    return st;
}

/*
 * A new LP with its GLPK thread started. Signals are blocked in that thread from its first
 * instruction: they belong to the host's threads, never to one that runs GLPK.
 */
static glpk_lp *glpk_new(void)
{
    glpk_lp *lp = cefo__calloc(1, sizeof *lp);
    if (!lp)
        return NULL;
    if (pthread_mutex_init(&lp->mu, NULL) != 0) {
        cefo__free(lp);
        return NULL;
    }
    if (pthread_cond_init(&lp->cv, NULL) != 0) {
        pthread_mutex_destroy(&lp->mu);
        cefo__free(lp);
        return NULL;
    }
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int started = pthread_create(&lp->thread, NULL, glpk_thread, lp) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (!started) {
        pthread_cond_destroy(&lp->cv);
        pthread_mutex_destroy(&lp->mu);
        cefo__free(lp);
        return NULL;
    }
    return lp;
}

static void glpk_free(void *impl)
{
    glpk_lp *lp = impl;
    if (!lp)
        return;
    pthread_mutex_lock(&lp->mu);
    lp->state = QUIT;
    pthread_cond_broadcast(&lp->cv);
    pthread_mutex_unlock(&lp->mu);
    pthread_join(lp->thread, NULL);
    cefo__free(lp->first_basis);
    pthread_cond_destroy(&lp->cv);
    pthread_mutex_destroy(&lp->mu);
    cefo__free(lp);
}

static void set_bounds(glpk_lp *lp, int is_row, int k, double lb, double ub)
{
    int type;
    if (isinf(lb) && isinf(ub))
        type = GLP_FR;
    else if (isinf(ub))
        type = GLP_LO;
    else if (isinf(lb))
        type = GLP_UP;
    else
        type = lb == ub ? GLP_FX : GLP_DB;
    double l = isinf(lb) ? 0.0 : lb, u = isinf(ub) ? 0.0 : ub;
    if (is_row)
        glp_set_row_bnds(lp->P, k + 1, type, l, u);
    else
        glp_set_col_bnds(lp->P, k + 1, type, l, u);
}

typedef struct coef_args {
    int i, j;
    double v;
} coef_args;

static void do_coef(glpk_lp *lp, void *arg)
{
    coef_args *a = arg;
    int n = glp_get_num_cols(lp->P);
    int *ind = glp_alloc(n + 1, sizeof(int));
    double *val = glp_alloc(n + 1, sizeof(double));
    int len = glp_get_mat_row(lp->P, a->i + 1, ind, val);
    int missing = 1;
    for (int k = 1; k <= len; k++) {
        if (ind[k] == a->j + 1) {
            val[k] = a->v;
            missing = 0;
        }
    }
    if (missing) { /* GLPK drops an entry set to 0: it comes back (len < n, so it fits) */
        ind[++len] = a->j + 1;
        val[len] = a->v;
    }
    glp_set_mat_row(lp->P, a->i + 1, len, ind, val);
    glp_free(ind);
    glp_free(val);
    lp->bounds_moved = lp->costs_moved = 1; /* a matrix change: neither simplex is favoured */
}

static cefo_status glpk_coef(void *impl, int i, int j, double v, cefo_error *err)
{
    coef_args a = {i, j, v};
    return on_glpk_thread(impl, do_coef, &a, err);
}

typedef struct write_args {
    int format;
    const char *path;
    const char *const *cols, *const *rows;
    int ret;
} write_args;

static void do_write(glpk_lp *lp, void *arg)
{
    write_args *a = arg;
    glp_set_prob_name(lp->P, "cefo");
    for (int j = 0; a->cols && j < glp_get_num_cols(lp->P); j++)
        glp_set_col_name(lp->P, j + 1, a->cols[j]);
    for (int i = 0; a->rows && i < glp_get_num_rows(lp->P); i++)
        glp_set_row_name(lp->P, i + 1, a->rows[i]);
    a->ret = a->format == 0 ? glp_write_mps(lp->P, GLP_MPS_FILE, NULL, a->path)
                            : glp_write_lp(lp->P, NULL, a->path);
}

static cefo_status glpk_write(void *impl, int format, const char *path,
                              const char *const *col_names, const char *const *row_names,
                              cefo_error *err)
{
    glpk_lp *lp = impl;
    write_args a = {format, path, col_names, row_names, 0};
    cefo_status st = on_glpk_thread(lp, do_write, &a, err);
    if (st == CEFO_OK && a.ret != 0)
        st = cefo__error(err, CEFO_ERR_CREATE, path, 0, NULL, "GLPK could not write the model");
    return st;
}

typedef struct load_args {
    const cefo__lp_data *d;
    int *ia, *ja;
    double *ar;
    int ne;
    int dup;
} load_args;

static void do_load(glpk_lp *lp, void *arg)
{
    load_args *a = arg;
    const cefo__lp_data *d = a->d;
    lp->P = glp_create_prob();
    glp_set_obj_dir(lp->P, GLP_MIN);
    if (d->nrows)
        glp_add_rows(lp->P, d->nrows);
    if (d->ncols)
        glp_add_cols(lp->P, d->ncols);
    for (int i = 0; i < d->nrows; i++) {
        set_bounds(lp, 1, i, d->row_lb[i], d->row_ub[i]);
        if (d->row_names && d->row_names[i] && strlen(d->row_names[i]) <= 255)
            glp_set_row_name(lp->P, i + 1, d->row_names[i]);
    }
    for (int j = 0; j < d->ncols; j++) {
        set_bounds(lp, 0, j, d->col_lb[j], d->col_ub[j]);
        glp_set_obj_coef(lp->P, j + 1, d->obj[j]);
        if (d->col_names && d->col_names[j] && strlen(d->col_names[j]) <= 255)
            glp_set_col_name(lp->P, j + 1, d->col_names[j]);
    }
    /* Integer within the column's own bounds (GLP_BV would reset them to [0, 1]). */
    for (int j = 0; d->col_binary && j < d->ncols; j++)
        if (d->col_binary[j])
            glp_set_col_kind(lp->P, j + 1, GLP_IV);
    a->dup = glp_check_dup(d->nrows, d->ncols, a->ne, a->ia, a->ja);
    if (a->dup == 0) {
        glp_load_matrix(lp->P, a->ne, a->ia, a->ja, a->ar);
    }
}

static cefo_status glpk_load(void **impl, const cefo__lp_data *d, cefo_error *err)
{
    cefo_status st = CEFO_OK;
    load_args a = {.d = d};
    glpk_lp *lp = glpk_new();
    a.ia = cefo__calloc(d->a->nnz + 1, sizeof *a.ia);
    a.ja = cefo__calloc(d->a->nnz + 1, sizeof *a.ja);
    a.ar = cefo__calloc(d->a->nnz + 1, sizeof *a.ar);
    if (!lp || !a.ia || !a.ja || !a.ar || d->a->nnz >= INT_MAX) {
        st = cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory loading the LP");
        goto done;
    }
    for (size_t k = 0; k < d->a->nnz; k++) {
        if (d->a->val[k] == 0.0)
            continue;
        a.ne++;
        a.ia[a.ne] = d->a->row[k] + 1;
        a.ja[a.ne] = d->a->col[k] + 1;
        a.ar[a.ne] = d->a->val[k];
    }
    st = on_glpk_thread(lp, do_load, &a, err);
    if (st == CEFO_OK && a.dup != 0)
        st = cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                         "LP matrix entry %d is %s", abs(a.dup),
                         a.dup < 0 ? "out of range" : "a duplicate");
done:
    cefo__free(a.ia);
    cefo__free(a.ja);
    cefo__free(a.ar);
    if (st != CEFO_OK) {
        glpk_free(lp);
        return st;
    }
    *impl = lp;
    return CEFO_OK;
}

typedef struct solve_args {
    const cefo__lp_request *req;
    cefo__lp_solution *sol;
    int ret;
} solve_args;

/* A limit as GLPK takes it: an int, INT_MAX for none. */
static int glpk_limit(double v)
{
    return isinf(v) || v <= 0 || v >= INT_MAX ? INT_MAX : v < 1 ? 1 : (int)v;
}

static int run_simplex(glpk_lp *lp, const cefo__lp_request *req, int presolve)
{
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_ERR;
    parm.presolve = presolve ? GLP_ON : GLP_OFF;
    if (req->method == CEFO_METHOD_PRIMAL)
        parm.meth = GLP_PRIMAL;
    else if (req->method == CEFO_METHOD_DUAL)
        parm.meth = GLP_DUALP;
    else if (lp->has_basis && !lp->costs_moved)
        parm.meth = GLP_DUALP; /* bounds moved: the old basis stays dual feasible */
    else
        parm.meth = GLP_PRIMAL;
    parm.tm_lim = glpk_limit(req->time_limit * 1000);
    parm.it_lim = glpk_limit((double)req->iteration_limit);
    return glp_simplex(lp->P, &parm);
}

static cefo_solve_status status_of(glpk_lp *lp, int ret)
{
    if (ret == GLP_EITLIM)
        return CEFO_SOLVE_ITERATION_LIMIT;
    if (ret == GLP_ETMLIM)
        return CEFO_SOLVE_TIME_LIMIT;
    if (ret != 0)
        return CEFO_SOLVE_UNDEFINED;
    /* glp_get_status, not the return code, decides optimality. */
    switch (glp_get_status(lp->P)) {
    case GLP_OPT: return CEFO_SOLVE_OPTIMAL;
    case GLP_NOFEAS: return CEFO_SOLVE_INFEASIBLE;
    case GLP_UNBND: return CEFO_SOLVE_UNBOUNDED;
    default: break;
    }
    if (glp_get_prim_stat(lp->P) == GLP_NOFEAS)
        return CEFO_SOLVE_INFEASIBLE;
    if (glp_get_dual_stat(lp->P) == GLP_NOFEAS && glp_get_prim_stat(lp->P) == GLP_FEAS)
        return CEFO_SOLVE_UNBOUNDED;
    return CEFO_SOLVE_UNDEFINED;
}

static void read_lp(glpk_lp *lp, cefo__lp_solution *s)
{
    int m = glp_get_num_rows(lp->P), n = glp_get_num_cols(lp->P);
    s->objective = glp_get_obj_val(lp->P);
    for (int j = 1; j <= n; j++) {
        s->x[j - 1] = glp_get_col_prim(lp->P, j);
        s->col_dual[j - 1] = glp_get_col_dual(lp->P, j);
    }
    for (int i = 1; i <= m; i++)
        s->row_dual[i - 1] = glp_get_row_dual(lp->P, i);
}

/* warm_first: the basis of the first such solve, kept once, put back before every later one
 * (GLPK turns a status that no longer fits a bound into one that does). */
static void first_basis(glpk_lp *lp, const cefo__lp_request *req)
{
    int m = glp_get_num_rows(lp->P), n = glp_get_num_cols(lp->P);
    if (!req->warm_first)
        return;
    if (lp->first_basis) {
        for (int i = 1; i <= m; i++)
            glp_set_row_stat(lp->P, i, lp->first_basis[i - 1]);
        for (int j = 1; j <= n; j++)
            glp_set_col_stat(lp->P, j, lp->first_basis[m + j - 1]);
        lp->has_basis = 1;
    } else if (lp->has_basis && (lp->first_basis = cefo__calloc((size_t)(m + n) + 1,
                                                                 sizeof *lp->first_basis))) {
        for (int i = 1; i <= m; i++)
            lp->first_basis[i - 1] = glp_get_row_stat(lp->P, i);
        for (int j = 1; j <= n; j++)
            lp->first_basis[m + j - 1] = glp_get_col_stat(lp->P, j);
    }
}

/* The LP (binaries relaxed): warm from the last basis when there is one (or the first's). */
static void solve_lp(glpk_lp *lp, const cefo__lp_request *req, cefo__lp_solution *s, int *retp)
{
    if (lp->first_basis)
        first_basis(lp, req);
    int warm = lp->has_basis;
    if (!warm && !req->presolve)
        glp_adv_basis(lp->P, 0);
    int ret = run_simplex(lp, req, !warm && req->presolve);
    if (ret == GLP_ENOPFS || ret == GLP_ENODFS || ret == GLP_EBADB || ret == GLP_ESING
        || ret == GLP_ECOND) {
        /* The presolver proves infeasibility without a basis, and a warm basis can go bad:
         * solve again from an advanced basis so the verdict comes from the simplex itself. */
        glp_adv_basis(lp->P, 0);
        ret = run_simplex(lp, req, 0);
    }
    *retp = ret;
    s->status = status_of(lp, ret);
    lp->has_basis = glp_get_status(lp->P) != GLP_UNDEF;
    if (!lp->first_basis)
        first_basis(lp, req);
    lp->bounds_moved = lp->costs_moved = 0;
    s->has_point = s->status == CEFO_SOLVE_OPTIMAL;
    read_lp(lp, s);
}

typedef struct mip_watch {
    double gap;         /* at the last incumbent or selection; DBL_MAX before an incumbent */
    double bound;       /* the best bound seen (NAN before the first node) */
    int it_start;
    long it_lim;
    int it_hit;
} mip_watch;

static void watch_mip(glp_tree *tree, void *info)
{
    mip_watch *w = info;
    int reason = glp_ios_reason(tree);
    if (reason == GLP_ISELECT || reason == GLP_IBINGO)
        w->gap = glp_ios_mip_gap(tree);
    int best = glp_ios_best_node(tree);
    if (best)
        w->bound = glp_ios_node_bound(tree, best);
    if (w->it_lim > 0 && glp_get_it_cnt(glp_ios_get_prob(tree)) - w->it_start >= w->it_lim
        && !w->it_hit) {
        w->it_hit = 1;
        glp_ios_terminate(tree);
    }
}

static cefo_solve_status mip_status(glpk_lp *lp, int ret, const mip_watch *w)
{
    int feasible = glp_mip_status(lp->P) == GLP_FEAS || glp_mip_status(lp->P) == GLP_OPT;
    if (ret == GLP_ESTOP && w->it_hit)
        return CEFO_SOLVE_ITERATION_LIMIT;
    if (ret == GLP_ETMLIM)
        return CEFO_SOLVE_TIME_LIMIT;
    if (ret == GLP_EMIPGAP && feasible)
        return CEFO_SOLVE_GAP_LIMIT;
    switch (glp_mip_status(lp->P)) {
    case GLP_OPT: return CEFO_SOLVE_OPTIMAL;
    case GLP_NOFEAS: return CEFO_SOLVE_INFEASIBLE;
    default: return CEFO_SOLVE_UNDEFINED;
    }
}

/* Branch and bound, from the optimal relaxation (solved first when the basis is not). */
static void solve_mip(glpk_lp *lp, const cefo__lp_request *req, cefo__lp_solution *s, int *retp)
{
    if (glp_get_status(lp->P) != GLP_OPT || lp->bounds_moved || lp->costs_moved) {
        solve_lp(lp, req, s, retp);
        if (s->status != CEFO_SOLVE_OPTIMAL) {
            s->has_point = 0;
            return;
        }
    }
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_ERR;
    parm.presolve = GLP_OFF; /* the relaxation is already optimal */
    parm.gmi_cuts = parm.mir_cuts = parm.cov_cuts = parm.clq_cuts = GLP_ON;
    /* The feasibility pump finds a first plan early (bench/README.md: on seed-scale
     * rectification programmes, the 1e-3 gap 2.7x to 1.4x sooner); proximity search and
     * GLPK's MIP presolver were measured too and did not help reliably. */
    parm.fp_heur = GLP_ON;
    parm.mip_gap = req->mip_gap;
    parm.tm_lim = glpk_limit(req->time_limit * 1000);
    mip_watch w = {DBL_MAX, NAN, glp_get_it_cnt(lp->P), req->iteration_limit, 0};
    parm.cb_func = watch_mip;
    parm.cb_info = &w;
    int ret = glp_intopt(lp->P, &parm);
    *retp = ret == GLP_EFAIL ? GLP_EFAIL : 0;
    s->status = mip_status(lp, ret, &w);
    s->has_point = glp_mip_status(lp->P) == GLP_OPT || glp_mip_status(lp->P) == GLP_FEAS;
    if (!s->has_point)
        return;
    s->objective = glp_mip_obj_val(lp->P);
    /* A plan found after the last callback (the pump's, say) has no gap of GLPK's: take it
     * from the best bound seen, which is never above the final one (a safe gap). */
    double from_bound = fabs(s->objective - w.bound) / (fabs(s->objective) + DBL_EPSILON);
    s->gap = s->status == CEFO_SOLVE_OPTIMAL ? 0
             : isnan(from_bound) ? w.gap
                                 : fmin(w.gap, from_bound);
    for (int j = 1; j <= glp_get_num_cols(lp->P); j++)
        s->x[j - 1] = glp_mip_col_val(lp->P, j);
}

static void do_solve(glpk_lp *lp, void *arg)
{
    solve_args *a = arg;
    if (!lp->scaled) {
        /* As glpsol does: cluster models mix tonnes, kilotonnes and kilograms per unit. Done
         * here rather than at load, so a model that is only exported is not scaled; the
         * factors depend on the matrix alone and stay valid through bound and cost updates. */
        glp_scale_prob(lp->P, GLP_SF_AUTO);
        lp->scaled = 1;
    }
    int before = glp_get_it_cnt(lp->P);
    if (a->req->mip)
        solve_mip(lp, a->req, a->sol, &a->ret);
    else
        solve_lp(lp, a->req, a->sol, &a->ret);
    a->sol->iterations = glp_get_it_cnt(lp->P) - before;
}

static cefo_status glpk_solve(void *impl, const cefo__lp_request *req, cefo__lp_solution *sol,
                              cefo_error *err)
{
    glpk_lp *lp = impl;
    solve_args a = {.req = req, .sol = sol};
    lp->loglen = 0;
    lp->log[0] = '\0';
    cefo_status st = on_glpk_thread(lp, do_solve, &a, err);
    if (st == CEFO_OK && a.ret == GLP_EFAIL)
        return cefo__error(err, CEFO_ERR_SOLVER, NULL, 0, NULL, "GLPK %s failed: %s",
                           req->mip ? "branch and bound" : "simplex", lp->log);
    return st;
}

typedef struct update_args {
    int is_row, k;
    double lb, ub;
} update_args;

static void do_bounds(glpk_lp *lp, void *arg)
{
    update_args *a = arg;
    set_bounds(lp, a->is_row, a->k, a->lb, a->ub);
    lp->bounds_moved = 1;
}

static void do_obj(glpk_lp *lp, void *arg)
{
    update_args *a = arg;
    glp_set_obj_coef(lp->P, a->k + 1, a->lb);
    lp->costs_moved = 1;
}

static cefo_status glpk_col_bounds(void *impl, int j, double lb, double ub, cefo_error *err)
{
    update_args a = {0, j, lb, ub};
    return on_glpk_thread(impl, do_bounds, &a, err);
}

static cefo_status glpk_row_bounds(void *impl, int i, double lb, double ub, cefo_error *err)
{
    update_args a = {1, i, lb, ub};
    return on_glpk_thread(impl, do_bounds, &a, err);
}

static cefo_status glpk_obj(void *impl, int j, double c, cefo_error *err)
{
    update_args a = {0, j, c, c};
    return on_glpk_thread(impl, do_obj, &a, err);
}

const cefo__lp_backend *cefo__lp_backend_glpk(void)
{
    static const cefo__lp_backend be = {
        .name = "glpk",
        .keeps_basis = 1,
        .load = glpk_load,
        .solve = glpk_solve,
        .set_col_bounds = glpk_col_bounds,
        .set_row_bounds = glpk_row_bounds,
        .set_obj = glpk_obj,
        .set_coef = glpk_coef,
        .write = glpk_write,
        .free = glpk_free,
    };
    return &be;
}

static void do_provoke(glpk_lp *lp, void *arg)
{
    (void)arg;
    lp->P = glp_create_prob();
    glp_set_col_bnds(lp->P, 99, GLP_LO, 0.0, 0.0); /* no column 99: a GLPK fatal error */
}

cefo_status cefo__glpk_provoke_fatal(cefo_error *err)
{
    glpk_lp *lp = glpk_new();
    if (!lp)
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "cannot start a GLPK thread");
    cefo_status st = on_glpk_thread(lp, do_provoke, NULL, err);
    glpk_free(lp);
    return st;
}
