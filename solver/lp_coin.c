/* lp_coin.c - the CBC and CLP back-end: the model kept here, solved by Debian's programs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/alloc.h"
#include "core/error.h"
#include "solver/engine.h"
#include "solver/mps.h"

/*
 * CBC and CLP are EPL-1.0, which cannot be linked into GPL cefo: the model is kept here as
 * data, written as full-precision MPS with generic names R1.., C1.. for each solve, and the
 * engine's answer (a binary solution file) is mapped back by index.
 */
typedef struct coin_lp {
    cefo__lp_data d;        /* views of the arrays below */
    double *block;          /* obj, col_lb, col_ub (ncols each), row_lb, row_ub (nrows each) */
    unsigned char *binary;  /* NULL for an LP */
    cefo__triplet a;
    int nbin;
} coin_lp;

static void coin_free(void *impl)
{
    coin_lp *lp = impl;
    if (!lp)
        return;
    cefo__free(lp->block);
    cefo__free(lp->binary);
    cefo__triplet_free(&lp->a);
    cefo__free(lp);
}

/* memcpy of `bytes`, none for an empty model (whose arrays may be NULL: memcpy may not be
 * passed NULL even for 0 bytes). */
static void copy(void *dst, const void *src, size_t bytes)
{
    if (bytes)
        memcpy(dst, src, bytes);
}


static cefo_status coin_load(void **impl, const cefo__lp_data *d, cefo_error *err)
{
    size_t m = (size_t)d->nrows, n = (size_t)d->ncols, nnz = d->a->nnz;
    coin_lp *lp = cefo__calloc(1, sizeof *lp);
    if (lp) {
        lp->block = cefo__calloc(3 * n + 2 * m + 1, sizeof *lp->block);
        lp->a.row = cefo__calloc(nnz + 1, sizeof *lp->a.row);
        lp->a.col = cefo__calloc(nnz + 1, sizeof *lp->a.col);
        lp->a.val = cefo__calloc(nnz + 1, sizeof *lp->a.val);
        lp->a.nnz = lp->a.cap = nnz;
        for (size_t j = 0; d->col_binary && j < n; j++)
            lp->nbin += d->col_binary[j] != 0;
        if (lp->nbin)
            lp->binary = cefo__calloc(n, 1);
    }
    if (!lp || !lp->block || !lp->a.row || !lp->a.col || !lp->a.val || (lp->nbin && !lp->binary)) {
        coin_free(lp);
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory loading the LP");
    }
    double *b = lp->block;
    copy(b, d->obj, n * sizeof *b);
    copy(b + n, d->col_lb, n * sizeof *b);
    copy(b + 2 * n, d->col_ub, n * sizeof *b);
    copy(b + 3 * n, d->row_lb, m * sizeof *b);
    copy(b + 3 * n + m, d->row_ub, m * sizeof *b);
    if (lp->binary)
        copy(lp->binary, d->col_binary, n);
    copy(lp->a.row, d->a->row, nnz * sizeof *lp->a.row);
    copy(lp->a.col, d->a->col, nnz * sizeof *lp->a.col);
    copy(lp->a.val, d->a->val, nnz * sizeof *lp->a.val);
    lp->d = (cefo__lp_data){.nrows = d->nrows, .ncols = d->ncols, .obj = b, .col_lb = b + n,
                            .col_ub = b + 2 * n, .row_lb = b + 3 * n, .row_ub = b + 3 * n + m,
                            .a = &lp->a, .col_binary = lp->binary};
    *impl = lp;
    return CEFO_OK;
}

static cefo_status coin_col_bounds(void *impl, int j, double lb, double ub, cefo_error *err)
{
    coin_lp *lp = impl;
    (void)err;
    ((double *)lp->d.col_lb)[j] = lb;
    ((double *)lp->d.col_ub)[j] = ub;
    return CEFO_OK;
}

static cefo_status coin_row_bounds(void *impl, int i, double lb, double ub, cefo_error *err)
{
    coin_lp *lp = impl;
    (void)err;
    ((double *)lp->d.row_lb)[i] = lb;
    ((double *)lp->d.row_ub)[i] = ub;
    return CEFO_OK;
}

static cefo_status coin_obj(void *impl, int j, double c, cefo_error *err)
{
    coin_lp *lp = impl;
    (void)err;
    ((double *)lp->d.obj)[j] = c;
    return CEFO_OK;
}

static cefo_status coin_coef(void *impl, int i, int j, double v, cefo_error *err)
{
    coin_lp *lp = impl;
    for (size_t k = 0; k < lp->a.nnz; k++) {
        if (lp->a.row[k] == i && lp->a.col[k] == j) {
            lp->a.val[k] = v; /* an entry set to 0 stays, so it can be set again */
            return CEFO_OK;
        }
    }
    return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no matrix entry at (%d, %d)", i, j);
}

const cefo__lp_data *cefo__coin_data(const void *impl)
{
    return &((const coin_lp *)impl)->d;
}

static cefo_status write_model(int format, const cefo__lp_data *d, const char *path,
                               const char *const *cols, const char *const *rows, cefo_error *err)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return cefo__error(err, CEFO_ERR_CREATE, path, 0, NULL, "cannot create the model file");
    cefo_status st = format == 0 ? cefo__mps_write(f, path, d, cols, rows, err)
                                 : cefo__lpfile_write(f, path, d, cols, rows, err);
    if (fclose(f) != 0 && st == CEFO_OK)
        st = cefo__error(err, CEFO_ERR_IO, path, 0, NULL, "cannot write the model file");
    return st;
}

static cefo_status coin_write(void *impl, int format, const char *path,
                              const char *const *col_names, const char *const *row_names,
                              cefo_error *err)
{
    coin_lp *lp = impl;
    return write_model(format, &lp->d, path, col_names, row_names, err);
}

/* One engine program and the Debian package that has it. */
typedef struct engine {
    const char *program;
    const char *package;
} engine;

static const engine engines[] = {[CEFO_SOLVER_CBC] = {"cbc", "coinor-cbc"},
                                 [CEFO_SOLVER_CLP] = {"clp", "coinor-clp"}};

/* What one run of the engine said. */
typedef struct outcome {
    cefo_solve_status status;
    int has_point;
    double objective;
    double gap;
} outcome;

/*
 * The engine's verdict, the first line of its printed solution ("Optimal - objective value
 * ...", "Stopped on time (no integer solution - continuous used) - ...").
 */
static void parse_status(const char *line, const cefo__lp_request *req, int mip, outcome *o)
{
    int no_integer = strstr(line, "no integer solution") != NULL;
    o->has_point = 0;
    if (strncmp(line, "Optimal (within gap", 19) == 0) {
        o->status = CEFO_SOLVE_GAP_LIMIT;
        o->has_point = 1;
    } else if (strncmp(line, "Optimal", 7) == 0) {
        o->status = CEFO_SOLVE_OPTIMAL;
        o->has_point = 1;
    } else if (strncmp(line, "Infeasible", 10) == 0 || strncmp(line, "Integer infeasible", 18) == 0) {
        o->status = CEFO_SOLVE_INFEASIBLE;
    } else if (strncmp(line, "Unbounded", 9) == 0 || strncmp(line, "Integer unbounded", 17) == 0) {
        o->status = CEFO_SOLVE_UNBOUNDED;
    } else if (strncmp(line, "Stopped on time", 15) == 0
               || (strncmp(line, "Stopped on iterations or time", 29) == 0
                   && isfinite(req->time_limit))) {
        o->status = CEFO_SOLVE_TIME_LIMIT;
        o->has_point = mip && !no_integer; /* an LP stopped early has no proven point */
    } else if (strncmp(line, "Stopped on iterations", 21) == 0) {
        o->status = CEFO_SOLVE_ITERATION_LIMIT;
        o->has_point = mip && !no_integer;
    } else {
        o->status = CEFO_SOLVE_UNDEFINED;
    }
}

/* CBC's closing summary has "Lower bound: B": the gap of the plan found against it. */
static double log_gap(const cefo__engine_dir *dir, double objective)
{
    char path[sizeof dir->path + 16], line[256];
    double bound = NAN, v;
    FILE *f = fopen(cefo__engine_file(dir, "log.txt", path, sizeof path), "r");
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "Lower bound: %lf", &v) == 1)
            bound = v;
    if (f)
        fclose(f);
    if (isnan(bound) || !isfinite(objective))
        return 0;
    double gap = fabs(objective - bound) / (fabs(objective) + 2.220446049250313e-16);
    return gap;
}

/* The last line of the engine's log, for an error message. */
static void log_tail(const cefo__engine_dir *dir, char *out, size_t n)
{
    char path[sizeof dir->path + 16], line[512];
    out[0] = '\0';
    FILE *f = fopen(cefo__engine_file(dir, "log.txt", path, sizeof path), "r");
    while (f && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0])
            snprintf(out, n, "%s", line);
    }
    if (f)
        fclose(f);
}

/*
 * The binary solution file (`saveSolution`): int rows, int columns, double objective, then
 * row activities, row duals, column values and reduced costs, all full doubles. Returns 0,
 * or -1 when it is missing or does not match the model.
 */
static int read_solution(const cefo__engine_dir *dir, int m, int n, double *objective,
                         double *x, double *row_dual, double *col_dual)
{
    char path[sizeof dir->path + 16];
    FILE *f = fopen(cefo__engine_file(dir, "sol.bin", path, sizeof path), "rb");
    int dims[2];
    int ok = f && fread(dims, sizeof(int), 2, f) == 2 && dims[0] == m && dims[1] == n
             && fread(objective, sizeof(double), 1, f) == 1;
    ok = ok && fseek(f, (long)m * (long)sizeof(double), SEEK_CUR) == 0 /* activities */
         && fread(row_dual, sizeof(double), (size_t)m, f) == (size_t)m
         && fread(x, sizeof(double), (size_t)n, f) == (size_t)n
         && fread(col_dual, sizeof(double), (size_t)n, f) == (size_t)n && fgetc(f) == EOF;
    if (f)
        fclose(f);
    return ok ? 0 : -1;
}

/* The command line of one run; numbers go into `num` (room for three). */
static void build_argv(const engine *e, const cefo__lp_request *req, const cefo__engine_dir *dir,
                       int mip, char *const files[3], char num[3][32], const char *argv[24])
{
    int k = 0;
    argv[k++] = e->program;
    argv[k++] = files[0];
    if (isfinite(req->time_limit)) {
        snprintf(num[0], 32, "%.17g", req->time_limit);
        argv[k++] = "-sec";
        argv[k++] = num[0];
    }
    if (req->iteration_limit > 0) {
        snprintf(num[1], 32, "%ld", req->iteration_limit);
        argv[k++] = "-maxIt";
        argv[k++] = num[1];
    }
    if (mip) {
        snprintf(num[2], 32, "%.17g", req->mip_gap);
        argv[k++] = "-ratio";
        argv[k++] = num[2];
    }
    if (e == &engines[CEFO_SOLVER_CLP] && !req->presolve) {
        argv[k++] = "-presolve";
        argv[k++] = "off";
    }
    argv[k++] = e == &engines[CEFO_SOLVER_CBC] || req->method == CEFO_METHOD_AUTO ? "-solve"
                : req->method == CEFO_METHOD_PRIMAL                               ? "-primalS"
                                                                                  : "-dualS";
    /* Only the verdict line is printed (no name matches Q*); the numbers come from the
     * binary file at full precision (the printed ones have 8 digits). */
    argv[k++] = "-printM";
    argv[k++] = "Q*";
    argv[k++] = "-solu";
    argv[k++] = files[1];
    argv[k++] = "-saveS";
    argv[k++] = files[2];
    argv[k] = NULL;
    (void)dir;
}

/*
 * One run: writes `d` (a MIP when it has binaries), runs the engine, reads its verdict and,
 * when there is a point, the values into x/row_dual/col_dual.
 */
static cefo_status run_once(const engine *e, const cefo__lp_data *d, const cefo__lp_request *req,
                            cefo__engine_dir *dir, outcome *o, double *x, double *row_dual,
                            double *col_dual, cefo_error *err)
{
    char model[sizeof dir->path + 16], status[sizeof dir->path + 16], sol[sizeof dir->path + 16];
    char *files[3] = {model, status, sol}, num[3][32], line[256] = "";
    const char *argv[24];
    int mip = d->col_binary != NULL, code = 0;
    cefo__engine_file(dir, "model.mps", model, sizeof model);
    cefo__engine_file(dir, "status.txt", status, sizeof status);
    cefo__engine_file(dir, "sol.bin", sol, sizeof sol);
    remove(status);
    remove(sol);
    cefo_status st = write_model(0, d, model, NULL, NULL, err);
    if (st != CEFO_OK)
        return st;
    build_argv(e, req, dir, mip, files, num, argv);
    st = cefo__engine_run(dir, (char *const *)argv, e->package,
                          isfinite(req->time_limit) ? 2 * req->time_limit + 10 : 0, &code, err);
    if (st == CEFO_OK && req->log_path)
        st = cefo__engine_keep_log(dir, req->log_path, err);
    if (st != CEFO_OK)
        return st;
    FILE *f = fopen(status, "r");
    int got = f && fgets(line, sizeof line, f);
    if (f)
        fclose(f);
    if (!got) {
        char tail[512];
        log_tail(dir, tail, sizeof tail);
        return cefo__error(err, CEFO_ERR_SOLVER, NULL, 0, NULL,
                           "%s gave no solution (exit %d): %s", e->program, code, tail);
    }
    parse_status(line, req, mip, o);
    if (read_solution(dir, d->nrows, d->ncols, &o->objective, x, row_dual, col_dual) != 0) {
        if (o->has_point)
            return cefo__error(err, CEFO_ERR_SOLVER, NULL, 0, NULL,
                               "%s wrote no usable solution file", e->program);
        o->objective = NAN;
    }
    o->gap = o->status == CEFO_SOLVE_OPTIMAL || !mip || !o->has_point
                 ? 0 : log_gap(dir, o->objective);
    return CEFO_OK;
}

/* One solve by program `e` of the model as it is now: a MIP or its LP, as `req` asks. */
static cefo_status coin_solve(coin_lp *lp, const engine *e, const cefo__lp_request *req,
                              cefo__lp_solution *sol, cefo_error *err)
{
    if (e == &engines[CEFO_SOLVER_CLP] && req->mip)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                           "the model has on/off decisions (a MIP): CLP solves LPs only; use "
                           "--solver cbc");
    cefo__lp_data d = lp->d;
    if (!req->mip)
        d.col_binary = NULL;
    cefo__engine_dir dir;
    cefo_status st = cefo__engine_dir_make(&dir, err);
    outcome o = {0};
    if (st == CEFO_OK)
        st = run_once(e, &d, req, &dir, &o, sol->x, sol->row_dual, sol->col_dual, err);
    if (st == CEFO_OK) {
        sol->status = o.status;
        sol->has_point = o.has_point;
        sol->gap = o.gap;
        sol->objective = o.objective;
        sol->iterations = 0;
    }
    cefo__engine_dir_remove(&dir);
    return st;
}

static cefo_status cbc_solve(void *impl, const cefo__lp_request *req, cefo__lp_solution *sol,
                             cefo_error *err)
{
    return coin_solve(impl, &engines[CEFO_SOLVER_CBC], req, sol, err);
}

static cefo_status clp_solve(void *impl, const cefo__lp_request *req, cefo__lp_solution *sol,
                             cefo_error *err)
{
    return coin_solve(impl, &engines[CEFO_SOLVER_CLP], req, sol, err);
}

#define COIN_BACKEND(NAME, SOLVE)                                                               \
    {.name = NAME, .keeps_basis = 0, .load = coin_load, .solve = SOLVE,                        \
     .set_col_bounds = coin_col_bounds, .set_row_bounds = coin_row_bounds, .set_obj = coin_obj, \
     .set_coef = coin_coef, .write = coin_write, .free = coin_free}

const cefo__lp_backend *cefo__lp_backend_cbc(void)
{
    static const cefo__lp_backend be = COIN_BACKEND("cbc", cbc_solve);
    return &be;
}

const cefo__lp_backend *cefo__lp_backend_clp(void)
{
    static const cefo__lp_backend be = COIN_BACKEND("clp", clp_solve);
    return &be;
}
