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

/* What the solver returns; arrays sized by the loaded dimensions, owned by the caller. */
typedef struct cefo__lp_solution {
    cefo_solve_status status;
    int has_point;      /* x holds a feasible point (optimal, or the best found at a limit) */
    int mip;            /* the LP has binary columns: x from branch and bound */
    double gap;         /* MIP: relative gap between the point and the best bound, else 0 */
    double objective;
    double *x;          /* ncols primal values */
    double *row_dual;   /* nrows: d objective / d row bound (0 for a slack row); for a MIP,
                           of the LP with every binary fixed at its value */
    double *col_dual;   /* ncols reduced costs: d objective / d active column bound */
    int iterations;
} cefo__lp_solution;

typedef struct cefo__lp cefo__lp;

/* The operations one back-end provides. Arguments reach it validated. */
typedef struct cefo__lp_backend {
    const char *name;
    cefo_status (*load)(void **impl, const cefo__lp_data *d, cefo_error *err);
    cefo_status (*solve)(void *impl, const cefo_options *opt, cefo__lp_solution *sol,
                         cefo_error *err);
    cefo_status (*set_col_bounds)(void *impl, int j, double lb, double ub, cefo_error *err);
    cefo_status (*set_row_bounds)(void *impl, int i, double lb, double ub, cefo_error *err);
    cefo_status (*set_obj)(void *impl, int j, double c, cefo_error *err);
    cefo_status (*set_coef)(void *impl, int i, int j, double v, cefo_error *err);
    /* Writes the model in free MPS (format 0) or CPLEX LP (1) format to `path`, after naming
     * its rows and columns (names may be NULL). */
    cefo_status (*write)(void *impl, int format, const char *path, const char *const *col_names,
                         const char *const *row_names, cefo_error *err);
    void (*free)(void *impl);
} cefo__lp_backend;

/* The GLPK back-end (solver/lp_glpk.c). */
const cefo__lp_backend *cefo__lp_backend_glpk(void);
/* CBC and CLP run as programs (solver/lp_coin.c): keeps the model, solves with
 * opt->solver, writes full-precision MPS only. */
const cefo__lp_backend *cefo__lp_backend_coin(void);

/*
 * Validates `d` (dimensions, finite values, lb <= ub, indices in range) and loads it into a
 * new LP of back-end `be` (NULL: GLPK). Returns CEFO_OK, CEFO_ERR_ARG (invalid data, with the
 * offending row or column in the message), CEFO_ERR_SOLVER or CEFO_ERR_NOMEM.
 * An LP lives on the thread that loaded it: every later call must come from that thread.
 */
cefo_status cefo__lp_load(cefo__lp **out, const cefo__lp_backend *be, const cefo__lp_data *d,
                          cefo_error *err);
/* Solves; sol's arrays must have room for ncols / nrows values. */
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
