/* lp.h - the LP back-end interface: load a sparse LP, solve, read values, update in place. */
#ifndef CEFO_SOLVER_LP_H
#define CEFO_SOLVER_LP_H

#include "cefo/cefo.h"
#include "core/sparse.h"

/*
 * A linear programme  min obj'x  s.t.  row_lb <= A x <= row_ub,  col_lb <= x <= col_ub,
 * 0-based everywhere. Infinite bounds are +-INFINITY; every other number must be finite.
 * The data is copied by cefo__lp_load: the caller keeps ownership.
 */
typedef struct cefo__lp_data {
    int nrows;
    int ncols;
    const double *obj;
    const double *col_lb;
    const double *col_ub;
    const double *row_lb;
    const double *row_ub;
    const cefo__triplet *a;     /* no duplicate (i, j); zero values are skipped */
    const unsigned char *col_binary; /* optional (NULL): 1 marks a 0/1 column of a MIP */
    const char *const *col_names; /* optional (NULL): used by model writers and messages */
    const char *const *row_names;
} cefo__lp_data;

/*
 * A solution. cefo__lp_solve fills every field; a back-end's solve fills what the contract
 * below says. Arrays are sized by the loaded dimensions and owned by the caller.
 */
typedef struct cefo__lp_solution {
    cefo_solve_status status;
    int has_point;      /* x holds a feasible point (optimal, or the best found at a limit) */
    int has_duals;      /* row_dual and col_dual hold the duals of an optimal LP (for a MIP, of
                           the fixed LP); else they are NAN or meaningless */
    int mip;            /* the LP has binary columns: x from branch and bound */
    double gap;         /* MIP: relative gap between the point and the best bound, else 0 */
    double objective;
    double *x;          /* ncols primal values */
    double *row_dual;   /* nrows: d objective / d row bound (0 for a slack row); for a MIP,
                           of the LP with every binary fixed at its value (NAN without it) */
    double *col_dual;   /* ncols reduced costs: d objective / d active column bound */
    long iterations;    /* simplex iterations (every phase of a MIP) */
} cefo__lp_solution;

typedef struct cefo__lp cefo__lp;

/* One call to a back-end's solve: what to solve and within which limits. */
typedef struct cefo__lp_request {
    int mip;            /* 0: the LP, binary columns relaxed to their bounds; 1: binaries 0/1 */
    double time_limit;  /* seconds this call may take, > 0; INFINITY for none */
    long iteration_limit; /* simplex iterations this call may take, > 0; 0 for none */
    double mip_gap;     /* mip: stop once (incumbent - bound) / |incumbent| <= mip_gap (>= 0) */
    cefo_lp_method method; /* LP: simplex variant; AUTO leaves the choice to the back-end */
    int presolve;       /* 1: the back-end may presolve */
    const char *log_path; /* external engines: append the engine's output here (NULL: drop it) */
    int warm_first;     /* a back-end that keeps its basis starts from the one its first
                           solve with warm_first ended with, not from its last (cefo_warm) */
} cefo__lp_request;

/*
 * The back-end contract. A back-end is a table of functions that solves what it is given;
 * the strategy above it (the relaxation, branch and bound, the LP with every binary fixed for
 * the shadow prices, one deadline and one iteration budget across those phases) lives in
 * lp.c, once for every engine.
 *
 * load   gets the model of lp.h's first comment, validated (finite numbers, lb <= ub, indices
 *        in range, no duplicate entry); it copies what it needs (d is borrowed). col_binary
 *        marks the columns that are 0/1 in a MIP request and continuous in an LP request.
 * set_*  change the loaded model in place (arguments validated; set_coef only on an entry that
 *        exists). A later solve must see every change; it may start from its last state
 *        (basis) when that is still valid: sweeps re-optimise in place this way.
 * solve  solves the model as it is now, as asked by `req`, minimising, and fills `sol`:
 *   status     OPTIMAL (LP optimal; MIP search finished, the point proven optimal),
 *              GAP_LIMIT (MIP stopped within req->mip_gap), INFEASIBLE, UNBOUNDED (an LP, or
 *              a MIP whose relaxation is unbounded), TIME_LIMIT, ITERATION_LIMIT (with or
 *              without a point), UNDEFINED (stopped without a verdict);
 *   has_point  1 when x is feasible (optimal, within the gap, or the best found at a limit);
 *   objective  obj'x at that point;
 *   x          ncols primal values (MIP: binaries within the engine's integrality tolerance);
 *   row_dual   LP only: nrows values d objective / d row bound, i.e. the row's dual (>= 0
 *              on a binding lower bound, <= 0 on a binding upper bound, 0 on a slack row);
 *   col_dual   LP only: ncols reduced costs c_j - a_j' row_dual (the same sign convention);
 *   gap        MIP only: the relative gap at the point (0 when proven optimal);
 *   iterations simplex iterations this call took (0 when the engine does not say).
 *        A MIP request need not fill row_dual and col_dual: lp.c takes them from the fixed
 *        LP. `mip` is set by lp.c. Returns CEFO_OK whenever the engine reached one of those
 *        statuses (infeasible and the limits included), CEFO_ERR_UNSUPPORTED when the engine
 *        cannot solve this kind of model (a MIP given to an LP-only engine),
 *        CEFO_ERR_UNAVAILABLE when its program is not installed, CEFO_ERR_NOMEM, or
 *        CEFO_ERR_SOLVER (the engine failed), each with a message in err.
 * write  writes the model as it is now in free MPS (format 0) or CPLEX LP (1) format to
 *        `path`, its rows and columns named (names may be NULL; checked: non-empty, <= 255).
 * free   releases everything the impl holds (a failed load has cleaned up after itself).
 * Every call may come from any thread, one call per LP at a time: a back-end whose library
 * binds objects to a thread (GLPK) handles that itself. A back-end never prints, exits or
 * aborts, and leaves no temporary file behind on any path.
 */
typedef struct cefo__lp_backend {
    const char *name;
    /* 1: the back-end keeps its state (a basis) between calls; lp.c then solves the
     * relaxation first, and branch and bound starts from its basis. 0: lp.c asks for the MIP
     * straight away (an engine run as a program solves the relaxation inside its own run). */
    int keeps_basis;
    cefo_status (*load)(void **impl, const cefo__lp_data *d, cefo_error *err);
    cefo_status (*solve)(void *impl, const cefo__lp_request *req, cefo__lp_solution *sol,
                         cefo_error *err);
    cefo_status (*set_col_bounds)(void *impl, int j, double lb, double ub, cefo_error *err);
    cefo_status (*set_row_bounds)(void *impl, int i, double lb, double ub, cefo_error *err);
    cefo_status (*set_obj)(void *impl, int j, double c, cefo_error *err);
    cefo_status (*set_coef)(void *impl, int i, int j, double v, cefo_error *err);
    cefo_status (*write)(void *impl, int format, const char *path, const char *const *col_names,
                         const char *const *row_names, cefo_error *err);
    void (*free)(void *impl);
} cefo__lp_backend;

/* The GLPK back-end (solver/lp_glpk.c). */
const cefo__lp_backend *cefo__lp_backend_glpk(void);
/* CBC and CLP run as programs (solver/lp_coin.c): both keep the model as data and share one
 * impl (loaded with either table); each solves with its own program; both write MPS and LP files with
 * cefo's own writers (solver/mps.c). */
const cefo__lp_backend *cefo__lp_backend_cbc(void);
const cefo__lp_backend *cefo__lp_backend_clp(void);
/* The model a CBC/CLP impl holds, as it is now (borrowed; valid until the impl's next call). */
const cefo__lp_data *cefo__coin_data(const void *impl);

/*
 * Validates `d` (dimensions, finite values, lb <= ub, indices in range, no duplicate entry)
 * and loads it into a new LP of back-end `be`. With be NULL, any engine may solve it
 * (opt->solver picks one per solve): the model is kept as data, which CBC and CLP solve and
 * cefo's own writers write at full precision (MPS and LP), and GLPK's copy is loaded on the
 * first GLPK solve only, so a solve by another engine never pays for it. Returns CEFO_OK,
 * CEFO_ERR_ARG (invalid data, with the offending row or column in the message),
 * CEFO_ERR_SOLVER or CEFO_ERR_NOMEM; with be NULL, GLPK's load errors come from the first
 * GLPK solve.
 * An LP may be used and freed from any thread, one call at a time.
 */
cefo_status cefo__lp_load(cefo__lp **out, const cefo__lp_backend *be, const cefo__lp_data *d,
                          cefo_error *err);
/*
 * Solves; sol's arrays must have room for ncols / nrows values. opt->time_limit and
 * opt->iteration_limit bound the whole call. A model with binary columns is solved as a MIP
 * in three phases, each given what remains of the one deadline and iteration budget: the
 * relaxation, branch and bound (to opt->mip_gap), then the LP with every binary fixed at its
 * value, whose duals become the MIP's shadow prices (NAN when no time is left for it).
 */
cefo_status cefo__lp_solve(cefo__lp *lp, const cefo_options *opt, cefo__lp_solution *sol,
                           cefo_error *err);
cefo_status cefo__lp_set_col_bounds(cefo__lp *lp, int j, double lb, double ub, cefo_error *err);
cefo_status cefo__lp_set_row_bounds(cefo__lp *lp, int i, double lb, double ub, cefo_error *err);
cefo_status cefo__lp_set_obj(cefo__lp *lp, int j, double c, cefo_error *err);
/* Sets the matrix entry (i, j) of the model's structure: one loaded, or one the model set to 0
 * before (a back-end may drop zeros from its matrix; the model decides which entries exist). */
cefo_status cefo__lp_set_coef(cefo__lp *lp, int i, int j, double v, cefo_error *err);
cefo_status cefo__lp_write(cefo__lp *lp, int format, const char *path,
                           const char *const *col_names, const char *const *row_names,
                           cefo_error *err);
int cefo__lp_nrows(const cefo__lp *lp);
int cefo__lp_ncols(const cefo__lp *lp);
void cefo__lp_free(cefo__lp *lp);

/*
 * Self-test of the GLPK fence: makes GLPK raise a fatal error (a column index out of range)
 * inside the fence on this thread. Returns CEFO_ERR_SOLVER when the fence caught it; every
 * other GLPK LP of this thread is then lost, exactly as after a real GLPK failure.
 */
cefo_status cefo__glpk_provoke_fatal(cefo_error *err);

#endif
