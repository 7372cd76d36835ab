/* test_solver.c - the LP back-end interface and the GLPK fence. */
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
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

/* A GLPK fatal error becomes a status; LPs of the thread are lost but never touched. */
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
    CU_ASSERT_EQUAL(cefo__lp_solve(before, NULL, sol_init(&b), &err), CEFO_ERR_SOLVER);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "rebuild"));
    cefo__lp_free(before);
    CU_ASSERT_EQUAL_FATAL(cefo__lp_load(&after, NULL, &s.d, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo__lp_solve(after, NULL, sol_init(&b), NULL), CEFO_OK);
    ASSERT_CLOSE(b.s.objective, 9);
    cefo__lp_free(after);
    cefo__triplet_free(&s.a);
}

static void *solve_elsewhere(void *arg)
{
    sol_buf b;
    return (void *)(long)cefo__lp_solve(arg, NULL, sol_init(&b), NULL);
}

static void test_thread_owner(void)
{
    small_lp s;
    cefo__lp *lp = NULL;
    pthread_t t;
    void *ret;
    small_lp_init(&s);
    CU_ASSERT_EQUAL_FATAL(cefo__lp_load(&lp, NULL, &s.d, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(pthread_create(&t, NULL, solve_elsewhere, lp), 0);
    pthread_join(t, &ret);
    CU_ASSERT_EQUAL((long)ret, CEFO_ERR_ARG);
    cefo__lp_free(lp);
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
    {"an LP stays on its own thread", test_thread_owner},
    {"GLPK never prints on stdout", test_silent},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("solver", solver_tests)
