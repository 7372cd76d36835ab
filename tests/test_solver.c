/* test_solver.c - the LP back-end interface and the GLPK fence. */
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "solver/lp.h"
#include "testutil.h"

/*
 * min 2x + 3y  s.t.  x + y >= 4,  x + 3y >= 6,  x, y >= 0.
 * By hand: the vertex (3, 1) costs 9 (the others, (0,4) and (6,0), cost 12); the duals solve
 * p1 + p2 = 2, p1 + 3 p2 = 3, so p = (1.5, 0.5).
 */
typedef struct small_lp {
    double obj[2], clb[2], cub[2], rlb[2], rub[2];
    cefo__triplet a;
    cefo__lp_data d;
} small_lp;

static void small_lp_init(small_lp *s)
{
    *s = (small_lp){{2, 3}, {0, 0}, {INFINITY, INFINITY}, {4, 6}, {INFINITY, INFINITY}, {0}, {0}};
    cefo__triplet_push(&s->a, 0, 0, 1);
    cefo__triplet_push(&s->a, 0, 1, 1);
    cefo__triplet_push(&s->a, 1, 0, 1);
    cefo__triplet_push(&s->a, 1, 1, 3);
    s->d = (cefo__lp_data){.nrows = 2,
                           .ncols = 2,
                           .obj = s->obj,
                           .col_lb = s->clb,
                           .col_ub = s->cub,
                           .row_lb = s->rlb,
                           .row_ub = s->rub,
                           .a = &s->a};
}

typedef struct sol_buf {
    double x[2], rd[2], cd[2];
    cefo__lp_solution s;
} sol_buf;

static cefo__lp_solution *sol_init(sol_buf *b)
{
    b->s = (cefo__lp_solution){.x = b->x, .row_dual = b->rd, .col_dual = b->cd};
    return &b->s;
}

static void test_small_lp(void)
{
    small_lp s;
    sol_buf b;
    cefo__lp *lp = NULL;
    small_lp_init(&s);
    CU_ASSERT_EQUAL_FATAL(cefo__lp_load(&lp, NULL, &s.d, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo__lp_solve(lp, NULL, sol_init(&b), NULL), CEFO_OK);
    CU_ASSERT_EQUAL(b.s.status, CEFO_SOLVE_OPTIMAL);
    ASSERT_CLOSE(b.s.objective, 9);
    ASSERT_CLOSE(b.x[0], 3);
    ASSERT_CLOSE(b.x[1], 1);
    ASSERT_CLOSE(b.rd[0], 1.5);
    ASSERT_CLOSE(b.rd[1], 0.5);
    /* Warm re-solve after moving a bound: x <= 1 gives y = 3 (cost 11; x + 3y = 10 slack). */
    CU_ASSERT_EQUAL(cefo__lp_set_col_bounds(lp, 0, 0, 1, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo__lp_solve(lp, NULL, sol_init(&b), NULL), CEFO_OK);
    ASSERT_CLOSE(b.s.objective, 11);
    ASSERT_CLOSE(b.x[1], 3);
    /* And after a cost change: with x at 10 per unit and no bound, y alone: y = 4, cost 12. */
    CU_ASSERT_EQUAL(cefo__lp_set_col_bounds(lp, 0, 0, INFINITY, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo__lp_set_obj(lp, 0, 10, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo__lp_solve(lp, NULL, sol_init(&b), NULL), CEFO_OK);
    ASSERT_CLOSE(b.s.objective, 12);
    cefo__lp_free(lp);
    cefo__triplet_free(&s.a);
}

static cefo_status load_with(small_lp *s)
{
    cefo__lp *lp = NULL;
    cefo_error err = {0};
    cefo_status st = cefo__lp_load(&lp, NULL, &s->d, &err);
    CU_ASSERT(st == CEFO_OK || err.message[0] != '\0');
    cefo__lp_free(lp);
    return st;
}

/* Nothing that would make GLPK abort reaches it: each is refused with CEFO_ERR_ARG. */
static void test_validation(void)
{
    small_lp s;
    small_lp_init(&s);
    s.obj[1] = NAN;
    CU_ASSERT_EQUAL(load_with(&s), CEFO_ERR_ARG);
    s.obj[1] = 3;
    s.clb[0] = 5, s.cub[0] = 1;
    CU_ASSERT_EQUAL(load_with(&s), CEFO_ERR_ARG);
    s.clb[0] = 0, s.cub[0] = INFINITY;
    s.rlb[1] = INFINITY;
    CU_ASSERT_EQUAL(load_with(&s), CEFO_ERR_ARG);
    s.rlb[1] = 6;
    s.a.row[2] = 7;
    CU_ASSERT_EQUAL(load_with(&s), CEFO_ERR_ARG);
    s.a.row[2] = 0; /* now (0,0) twice: a duplicate */
    CU_ASSERT_EQUAL(load_with(&s), CEFO_ERR_ARG);
    s.a.row[2] = 1;
    s.a.val[3] = INFINITY;
    CU_ASSERT_EQUAL(load_with(&s), CEFO_ERR_ARG);
    s.a.val[3] = 3;
    CU_ASSERT_EQUAL(load_with(&s), CEFO_OK);
    cefo__lp *lp = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo__lp_load(&lp, NULL, &s.d, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo__lp_set_col_bounds(lp, 2, 0, 1, NULL), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo__lp_set_row_bounds(lp, -1, 0, 1, NULL), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo__lp_set_obj(lp, 0, NAN, NULL), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo__lp_set_col_bounds(lp, 0, NAN, 1, NULL), CEFO_ERR_ARG);
    cefo__lp_free(lp);
    cefo__triplet_free(&s.a);
}

/*
 * A scripted back-end that records what lp.c asks of it: the MIP strategy above the table
 * (relaxation, branch and bound, the fixed LP; one deadline and one iteration budget).
 * Column 0 is binary. Branch and bound takes 200 ms and 20 iterations and returns x0 = 0.9999
 * (rounded to 1 for the fixed LP); each LP takes 10 iterations.
 */
typedef struct mock_call {
    int mip;
    double time_limit;
    long iteration_limit;
    double gap;
} mock_call;

typedef struct mock {
    mock_call calls[8];
    int ncalls;
    double lb0, ub0; /* column 0's bounds as the back-end holds them */
    int fixed_seen;  /* column 0 was fixed at 1 during an LP after branch and bound */
    cefo_solve_status mip_status;
} mock;

static mock the_mock;

static cefo_status mock_load(void **impl, const cefo__lp_data *d, cefo_error *err)
{
    (void)err;
    the_mock.lb0 = d->col_lb[0];
    the_mock.ub0 = d->col_ub[0];
    *impl = &the_mock;
    return CEFO_OK;
}

static cefo_status mock_solve(void *impl, const cefo__lp_request *req, cefo__lp_solution *sol,
                              cefo_error *err)
{
    (void)err;
    mock *m = impl;
    if (m->ncalls < 8)
        m->calls[m->ncalls++] = (mock_call){req->mip, req->time_limit, req->iteration_limit,
                                            req->mip_gap};
    sol->x[0] = req->mip ? 0.9999 : m->lb0 == m->ub0 ? m->lb0 : 0.5;
    sol->x[1] = 2;
    sol->row_dual[0] = sol->row_dual[1] = 7;
    sol->col_dual[0] = sol->col_dual[1] = 0;
    if (!req->mip && m->lb0 == 1 && m->ub0 == 1)
        m->fixed_seen = 1;
    if (req->mip) {
        struct timespec t = {0, 200 * 1000 * 1000};
        nanosleep(&t, NULL);
        sol->status = m->mip_status;
        sol->gap = 0.01;
        sol->iterations = 20;
        sol->objective = 5;
    } else {
        sol->status = CEFO_SOLVE_OPTIMAL;
        sol->iterations = 10;
        sol->objective = 4;
    }
    sol->has_point = 1;
    return CEFO_OK;
}

static cefo_status mock_col_bounds(void *impl, int j, double lb, double ub, cefo_error *err)
{
    (void)err;
    mock *m = impl;
    if (j == 0)
        m->lb0 = lb, m->ub0 = ub;
    return CEFO_OK;
}

static cefo_status mock_other(void *impl, int k, double a, double b, cefo_error *err)
{
    (void)impl, (void)k, (void)a, (void)b, (void)err;
    return CEFO_OK;
}

static cefo_status mock_obj(void *impl, int j, double c, cefo_error *err)
{
    return mock_other(impl, j, c, c, err);
}

static void mock_free(void *impl)
{
    (void)impl;
}

static const cefo__lp_backend mock_backend = {.name = "mock", .keeps_basis = 1,
                                              .load = mock_load,
                                              .solve = mock_solve,
                                              .set_col_bounds = mock_col_bounds,
                                              .set_row_bounds = mock_other, .set_obj = mock_obj,
                                              .free = mock_free};

static cefo__lp *mock_lp(small_lp *s, unsigned char *binary, cefo_solve_status mip_status)
{
    cefo__lp *lp = NULL;
    small_lp_init(s);
    binary[0] = 1, binary[1] = 0;
    s->cub[0] = 1;
    s->d.col_binary = binary;
    the_mock = (mock){.mip_status = mip_status};
    CU_ASSERT_EQUAL(cefo__lp_load(&lp, &mock_backend, &s->d, NULL), CEFO_OK);
    return lp;
}

static void test_mip_phases(void)
{
    small_lp s;
    sol_buf b;
    unsigned char binary[2];
    cefo__lp *lp = mock_lp(&s, binary, CEFO_SOLVE_GAP_LIMIT);
    cefo_options opt;
    cefo_options_init(&opt);
    CU_ASSERT_DOUBLE_EQUAL(opt.mip_gap, 1e-4, 1e-15); /* the default gap of every engine */
    opt.time_limit = 1.0;
    opt.iteration_limit = 100;
    CU_ASSERT_EQUAL_FATAL(cefo__lp_solve(lp, &opt, sol_init(&b), NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(the_mock.ncalls, 3);
    /* relaxation, branch and bound, fixed LP: each gets what remains of one limit */
    CU_ASSERT(!the_mock.calls[0].mip && the_mock.calls[1].mip && !the_mock.calls[2].mip);
    CU_ASSERT(the_mock.calls[0].time_limit <= 1.0 && the_mock.calls[0].time_limit > 0.9);
    CU_ASSERT(the_mock.calls[1].time_limit <= the_mock.calls[0].time_limit);
    CU_ASSERT(the_mock.calls[2].time_limit <= 0.8 && the_mock.calls[2].time_limit > 0.5);
    CU_ASSERT_EQUAL(the_mock.calls[0].iteration_limit, 100);
    CU_ASSERT_EQUAL(the_mock.calls[1].iteration_limit, 90);
    CU_ASSERT_EQUAL(the_mock.calls[2].iteration_limit, 70);
    CU_ASSERT_DOUBLE_EQUAL(the_mock.calls[1].gap, 1e-4, 1e-15);
    /* the binary was fixed at its rounded value for the last LP, then freed again */
    CU_ASSERT(the_mock.fixed_seen);
    CU_ASSERT(the_mock.lb0 == 0 && the_mock.ub0 == 1);
    /* the MIP's status and gap, the fixed LP's point and duals */
    CU_ASSERT_EQUAL(b.s.status, CEFO_SOLVE_GAP_LIMIT);
    CU_ASSERT(b.s.mip && b.s.has_point);
    ASSERT_CLOSE(b.s.gap, 0.01);
    ASSERT_CLOSE(b.x[0], 1);
    ASSERT_CLOSE(b.rd[0], 7);
    CU_ASSERT_EQUAL(b.s.iterations, 40);
    cefo__lp_free(lp);
    cefo__triplet_free(&s.a);
}

/* No time left after branch and bound: its point stays, without shadow prices. */
static void test_mip_deadline(void)
{
    small_lp s;
    sol_buf b;
    unsigned char binary[2];
    cefo__lp *lp = mock_lp(&s, binary, CEFO_SOLVE_TIME_LIMIT);
    cefo_options opt;
    cefo_options_init(&opt);
    opt.time_limit = 0.1; /* branch and bound alone takes 0.2 s */
    CU_ASSERT_EQUAL_FATAL(cefo__lp_solve(lp, &opt, sol_init(&b), NULL), CEFO_OK);
    CU_ASSERT_EQUAL(the_mock.ncalls, 2);
    CU_ASSERT_EQUAL(b.s.status, CEFO_SOLVE_TIME_LIMIT);
    CU_ASSERT(b.s.has_point);
    ASSERT_CLOSE(b.x[0], 0.9999);
    CU_ASSERT(isnan(b.rd[0]) && isnan(b.cd[1]));
    cefo__lp_free(lp);
    cefo__triplet_free(&s.a);
}

/* A GLPK fatal error becomes a status, and loses only the LP it hit: the others, on GLPK
 * threads of their own, still solve. */
static void test_fence(void)
{
    small_lp s;
    sol_buf b;
    cefo__lp *before = NULL, *after = NULL;
    cefo_error err = {0};
    small_lp_init(&s);
    CU_ASSERT_EQUAL_FATAL(cefo__lp_load(&before, NULL, &s.d, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo__glpk_provoke_fatal(&err), CEFO_ERR_SOLVER);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "GLPK failed"));
    CU_ASSERT_EQUAL(cefo__lp_solve(before, NULL, sol_init(&b), &err), CEFO_OK);
    ASSERT_CLOSE(b.s.objective, 9);
    cefo__lp_free(before);
    CU_ASSERT_EQUAL_FATAL(cefo__lp_load(&after, NULL, &s.d, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo__lp_solve(after, NULL, sol_init(&b), NULL), CEFO_OK);
    ASSERT_CLOSE(b.s.objective, 9);
    cefo__lp_free(after);
    cefo__triplet_free(&s.a);
}

typedef struct thread_job {
    cefo__lp *lp;
    cefo_status st;
    double objective;
} thread_job;

static void *solve_elsewhere(void *arg)
{
    thread_job *j = arg;
    sol_buf b;
    j->st = cefo__lp_solve(j->lp, NULL, sol_init(&b), NULL);
    j->objective = b.s.objective;
    return NULL;
}

static void *free_elsewhere(void *arg)
{
    cefo__lp_free(((thread_job *)arg)->lp);
    return NULL;
}

/* An LP built on this thread solves on others (its optimum, 9, by hand above), one call at a
 * time, and is freed on yet another without a leak (the sanitizer build checks leaks). */
static void test_any_thread(void)
{
    small_lp s;
    thread_job j = {0};
    pthread_t t;
    small_lp_init(&s);
    CU_ASSERT_EQUAL_FATAL(cefo__lp_load(&j.lp, NULL, &s.d, NULL), CEFO_OK);
    for (int k = 0; k < 3; k++) {
        j.st = CEFO_ERR_SOLVER;
        CU_ASSERT_EQUAL_FATAL(pthread_create(&t, NULL, solve_elsewhere, &j), 0);
        pthread_join(t, NULL);
        CU_ASSERT_EQUAL(j.st, CEFO_OK);
        ASSERT_CLOSE(j.objective, 9);
    }
    CU_ASSERT_EQUAL_FATAL(pthread_create(&t, NULL, free_elsewhere, &j), 0);
    pthread_join(t, NULL);
    cefo__triplet_free(&s.a);
}

/* GLPK writes nothing to stdout: not on an infeasible LP, not on a fatal error. */
static void test_silent(void)
{
    char path[] = "/tmp/cefo-stdout-XXXXXX";
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    dup2(fd, STDOUT_FILENO);
    small_lp s;
    sol_buf b;
    cefo__lp *lp = NULL;
    small_lp_init(&s);
    s.cub[0] = s.cub[1] = 1; /* x + y <= 2 < 4: infeasible */
    int loaded = cefo__lp_load(&lp, NULL, &s.d, NULL) == CEFO_OK;
    cefo_status st = loaded ? cefo__lp_solve(lp, NULL, sol_init(&b), NULL) : CEFO_ERR_SOLVER;
    cefo__glpk_provoke_fatal(NULL);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    CU_ASSERT(loaded);
    CU_ASSERT_EQUAL(st, CEFO_OK);
    CU_ASSERT_EQUAL(b.s.status, CEFO_SOLVE_INFEASIBLE);
    CU_ASSERT_EQUAL(lseek(fd, 0, SEEK_END), 0);
    close(fd);
    unlink(path);
    cefo__lp_free(lp);
    cefo__triplet_free(&s.a);
}

static CU_TestInfo solver_tests[] = {
    {"small LP: primal, duals, warm re-solves", test_small_lp},
    {"invalid LP data is refused before GLPK", test_validation},
    {"GLPK fatal error is fenced", test_fence},
    {"an LP is used and freed from any thread", test_any_thread},
    {"GLPK never prints on stdout", test_silent},
    {"MIP phases share one deadline and iteration budget", test_mip_phases},
    {"a MIP out of time keeps its point, without duals", test_mip_deadline},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("solver", solver_tests)
