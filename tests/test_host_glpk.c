/* test_host_glpk.c - cefo inside a host that uses GLPK itself, on the same threads. */
#include <cefo/cefo.h>
#include <glpk.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

/* The host's own LP: max x + y  s.t.  x + 2y <= 4,  3x + y <= 6,  x, y >= 0.
 * By hand: the vertex x = 8/5, y = 6/5 gives 14/5. */
static glp_prob *host_problem(void)
{
    glp_prob *P = glp_create_prob();
    glp_set_obj_dir(P, GLP_MAX);
    glp_add_rows(P, 2);
    glp_add_cols(P, 2);
    glp_set_row_bnds(P, 1, GLP_UP, 0, 4);
    glp_set_row_bnds(P, 2, GLP_UP, 0, 6);
    for (int j = 1; j <= 2; j++) {
        glp_set_col_bnds(P, j, GLP_LO, 0, 0);
        glp_set_obj_coef(P, j, 1);
    }
    int ia[] = {0, 1, 1, 2, 2}, ja[] = {0, 1, 2, 1, 2};
    double ar[] = {0, 1, 2, 3, 1};
    glp_load_matrix(P, 4, ia, ja, ar);
    return P;
}

/* Solves it with GLPK's messages on: they must reach the host's own hook. */
static double host_solve(glp_prob *P)
{
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_ALL;
    glp_std_basis(P);
    if (glp_simplex(P, &parm) != 0)
        return NAN;
    return glp_get_obj_val(P);
}

static int host_lines;

static int host_hook(void *info, const char *s)
{
    (void)s;
    ++*(int *)info;
    return 1;
}

/* What cefo solves meanwhile: golden pollutant-cap.xml. By hand: 100 t of widget, the dirty
 * line at 10 + 2 t CO2 x 1 per t, the clean one at 15 + 0.5 x 1; the 125 t cap allows
 * 2d + 0.5 (100 - d) <= 125, d = 50: 50 x 12 + 50 x 15.5 = 1375. */
typedef struct cefo_job {
    cefo_network *net;
    cefo_problem *prob;
} cefo_job;

static void cefo_build(cefo_job *j)
{
    char path[1024];
    CU_ASSERT_EQUAL(cefo_network_load_file(&j->net, source_path(path, sizeof path,
                                                                "tests/golden/pollutant-cap.xml"),
                                           NULL),
                    CEFO_OK);
    CU_ASSERT_EQUAL(cefo_problem_build(&j->prob, j->net, NULL), CEFO_OK);
}

static void cefo_solve_check(cefo_job *j)
{
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(j->prob, NULL, &res, NULL), CEFO_OK);
    ASSERT_CLOSE(cefo_result_objective(res), 1375);
    cefo_result_free(res);
}

static void cefo_free_job(cefo_job *j)
{
    cefo_problem_free(j->prob);
    cefo_network_free(j->net);
}

/* The host's problem still solves, its output still reaches its hook. */
static void host_check(glp_prob *P)
{
    host_lines = 0;
    ASSERT_CLOSE(host_solve(P), 14.0 / 5);
    CU_ASSERT(host_lines > 0);
}

/* Standard output goes to a temporary file while `fn` runs; returns its length. */
static long stdout_during(void *(*fn)(void *))
{
    char path[] = "/tmp/cefo-host-XXXXXX";
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    dup2(fd, STDOUT_FILENO);
    /* On a fresh thread: each scenario starts without any GLPK environment. */
    pthread_t t;
    CU_ASSERT_FATAL(pthread_create(&t, NULL, fn, NULL) == 0);
    pthread_join(t, NULL);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    long n = (long)lseek(fd, 0, SEEK_END);
    close(fd);
    unlink(path);
    return n;
}

/* The host uses GLPK first, then cefo before, between and after its own solves. */
static void *host_first(void *arg)
{
    (void)arg;
    glp_term_hook(host_hook, &host_lines);
    glp_prob *P = host_problem();
    host_check(P);
    cefo_job j = {0};
    cefo_build(&j);
    host_check(P);
    cefo_solve_check(&j);
    host_check(P);
    cefo_free_job(&j);
    host_check(P);
    glp_delete_prob(P);
    glp_free_env();
    return NULL;
}

/* cefo uses GLPK first on the thread; the host's problem outlives cefo's last one. */
static void *cefo_first(void *arg)
{
    (void)arg;
    cefo_job j = {0};
    cefo_build(&j);
    cefo_solve_check(&j);
    glp_term_hook(host_hook, &host_lines);
    glp_prob *P = host_problem();
    host_check(P);
    cefo_free_job(&j); /* cefo's last problem on this thread */
    host_check(P);
    cefo_build(&j);
    cefo_solve_check(&j);
    cefo_free_job(&j);
    host_check(P);
    glp_delete_prob(P);
    glp_free_env();
    return NULL;
}

static void test_host_first(void)
{
    CU_ASSERT_EQUAL(stdout_during(host_first), 0);
}

static void test_cefo_first(void)
{
    CU_ASSERT_EQUAL(stdout_during(cefo_first), 0);
}

/* The host's error hook survives cefo's calls: a fatal error of the host's own comes back to
 * it (without it, GLPK would abort the test). */
static jmp_buf host_jump;
static int host_caught;

static void host_error(void *info)
{
    (void)info;
    host_caught = 1;
    longjmp(host_jump, 1);
}

static void *error_hook_kept(void *arg)
{
    (void)arg;
    glp_term_hook(host_hook, &host_lines);
    glp_error_hook(host_error, NULL);
    glp_prob *P = host_problem();
    cefo_job j = {0};
    cefo_build(&j);
    cefo_solve_check(&j);
    cefo_free_job(&j);
    if (setjmp(host_jump) == 0)
        glp_set_col_bnds(P, 99, GLP_LO, 0, 0); /* no column 99: a fatal error in GLPK */
    glp_free_env(); /* GLPK's rule after a fatal error */
    return NULL;
}

static void test_error_hook_kept(void)
{
    host_caught = 0;
    CU_ASSERT_EQUAL(stdout_during(error_hook_kept), 0);
    CU_ASSERT(host_caught);
}

/* A problem built on one thread, solved on a second and freed on a third: the same optimum,
 * and nothing leaks (the sanitizer build checks leaks at exit). */
static void *build_job(void *arg)
{
    cefo_build(arg);
    return NULL;
}

static void *solve_job(void *arg)
{
    cefo_solve_check(arg);
    return NULL;
}

/* Without the cap, all 100 t come from the dirty line at 10 + 2 x 1 per t: 1200. */
static void *uncap_job(void *arg)
{
    cefo_job *j = arg;
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL(cefo_problem_set_cap(j->prob, 0, INFINITY), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(j->prob, NULL, &res, NULL), CEFO_OK);
    ASSERT_CLOSE(cefo_result_objective(res), 1200);
    cefo_result_free(res);
    return NULL;
}

static void *free_job(void *arg)
{
    cefo_free_job(arg);
    return NULL;
}

static void run_on_thread(void *(*fn)(void *), void *arg)
{
    pthread_t t;
    CU_ASSERT_FATAL(pthread_create(&t, NULL, fn, arg) == 0);
    pthread_join(t, NULL);
}

static void test_handle_across_threads(void)
{
    cefo_job j = {0};
    run_on_thread(build_job, &j);
    CU_ASSERT_PTR_NOT_NULL_FATAL(j.prob);
    run_on_thread(solve_job, &j);
    run_on_thread(solve_job, &j);
    solve_job(&j);
    run_on_thread(uncap_job, &j);
    run_on_thread(free_job, &j);
}

static CU_TestInfo host_tests[] = {
    {"the host's GLPK first, cefo between its solves", test_host_first},
    {"cefo's GLPK first, the host's problem outlives cefo's", test_cefo_first},
    {"the host's error hook survives cefo", test_error_hook_kept},
    {"a problem built, solved and freed on different threads", test_handle_across_threads},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("host_glpk", host_tests)
