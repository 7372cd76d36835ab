/* test_engines.c - the CBC/CLP back-end: every MPS row and bound kind, a crash, a missing
 * program, and cefo_engines_abort ending a running child and removing its folder. */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "solver/lp.h"
#include "testutil.h"

/*
 * min x + 2y - z + 1.5w  s.t.  r1: 1 <= x + y <= 4 (a range),  r2: x - z >= -10,
 * r3: y + z = 3,  r4: x + y + z + w free;  x in [-1, 5], y in (-inf, 2], z >= 0, w = 2.
 * By hand: z = 3 - y makes the cost x + 3y - 3 + 3; r1 gives x >= 1 - y, so the cost is at
 * least 1 + 2y with x = 5 and y as low as r1 allows: y = -4, z = 7, cost -10 + 3 = -7
 * (r2: 5 - 7 = -2 >= -10 is slack). Basic y and z: 2 = p1 + p3 and -1 = -p2 + p3 with p2 = 0
 * give p = (3, 0, -1, 0); reduced costs x: 1 - 3 = -2 (at its upper bound), w: 1.5.
 */
typedef struct kinds_lp {
    double obj[4], clb[4], cub[4], rlb[4], rub[4];
    cefo__triplet a;
    cefo__lp_data d;
} kinds_lp;

static void kinds_init(kinds_lp *k)
{
    *k = (kinds_lp){{1, 2, -1, 1.5},
                    {-1, -INFINITY, 0, 2},
                    {5, 2, INFINITY, 2},
                    {1, -10, 3, -INFINITY},
                    {4, INFINITY, 3, INFINITY},
                    {0},
                    {0}};
    const int rows[] = {0, 0, 1, 1, 2, 2, 3, 3, 3, 3}, cols[] = {0, 1, 0, 2, 1, 2, 0, 1, 2, 3};
    const double vals[] = {1, 1, 1, -1, 1, 1, 1, 1, 1, 1};
    for (int e = 0; e < 10; e++)
        cefo__triplet_push(&k->a, rows[e], cols[e], vals[e]);
    k->d = (cefo__lp_data){.nrows = 4, .ncols = 4, .obj = k->obj, .col_lb = k->clb,
                           .col_ub = k->cub, .row_lb = k->rlb, .row_ub = k->rub, .a = &k->a};
}

static void test_row_and_bound_kinds(void)
{
    const cefo_solver engines[] = {CEFO_SOLVER_GLPK, CEFO_SOLVER_CBC, CEFO_SOLVER_CLP};
    const char *names[] = {"glpk", "cbc", "clp"};
    for (int e = 0; e < 3; e++) {
        if (e && !test_have_program(names[e])) {
            printf("\n  %s not installed: not checked\n", names[e]);
            continue;
        }
        kinds_lp k;
        cefo__lp *lp = NULL;
        double x[4], rd[4], cd[4];
        cefo__lp_solution s = {.x = x, .row_dual = rd, .col_dual = cd};
        cefo_options opt;
        cefo_error err = {0};
        kinds_init(&k);
        cefo_options_init(&opt);
        opt.solver = engines[e];
        CU_ASSERT_EQUAL_FATAL(cefo__lp_load(&lp, NULL, &k.d, &err), CEFO_OK);
        CU_ASSERT_EQUAL(cefo__lp_solve(lp, &opt, &s, &err), CEFO_OK);
        CU_ASSERT_EQUAL(s.status, CEFO_SOLVE_OPTIMAL);
        ASSERT_CLOSE(s.objective, -7);
        const double want_x[] = {5, -4, 7, 2}, want_rd[] = {3, 0, -1, 0},
                     want_cd[] = {-2, 0, 0, 1.5};
        for (int j = 0; j < 4; j++) {
            ASSERT_CLOSE(x[j], want_x[j]);
            ASSERT_CLOSE(cd[j], want_cd[j]);
            ASSERT_CLOSE(rd[j], want_rd[j]);
        }
        cefo__lp_free(lp);
        cefo__triplet_free(&k.a);
    }
}

/* A private PATH with a fake `cbc` (a shell script) and a private TMPDIR. */
static char fake_dir[256], tmp_dir[300], saved_path[8192];

static void fake_engine(const char *script)
{
    char file[512];
    snprintf(fake_dir, sizeof fake_dir, "/tmp/cefo-test-XXXXXX");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(fake_dir));
    snprintf(file, sizeof file, "%s/cbc", fake_dir);
    FILE *f = fopen(file, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fprintf(f, "#!/bin/sh\n%s\n", script);
    fclose(f);
    chmod(file, 0755);
    snprintf(tmp_dir, sizeof tmp_dir, "%s/tmp", fake_dir);
    mkdir(tmp_dir, 0700);
    snprintf(saved_path, sizeof saved_path, "%s", getenv("PATH") ? getenv("PATH") : "");
    char path[8500];
    snprintf(path, sizeof path, "%s:%s", fake_dir, saved_path);
    setenv("PATH", path, 1);
    setenv("TMPDIR", tmp_dir, 1);
}

static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    if (d)
        closedir(d);
    return n;
}

static void fake_done(void)
{
    char file[512];
    setenv("PATH", saved_path, 1);
    unsetenv("TMPDIR");
    snprintf(file, sizeof file, "%s/cbc", fake_dir);
    unlink(file);
    rmdir(tmp_dir);
    rmdir(fake_dir);
}

typedef struct solve_job {
    cefo_status st;
    cefo_error err;
} solve_job;

static void *solve_with_cbc(void *arg)
{
    solve_job *job = arg;
    kinds_lp k;
    cefo__lp *lp = NULL;
    double x[4], rd[4], cd[4];
    cefo__lp_solution s = {.x = x, .row_dual = rd, .col_dual = cd};
    cefo_options opt;
    kinds_init(&k);
    cefo_options_init(&opt);
    opt.solver = CEFO_SOLVER_CBC;
    job->st = cefo__lp_load(&lp, NULL, &k.d, &job->err);
    if (job->st == CEFO_OK)
        job->st = cefo__lp_solve(lp, &opt, &s, &job->err);
    cefo__lp_free(lp);
    cefo__triplet_free(&k.a);
    return NULL;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void test_abort(void)
{
    fake_engine("exec sleep 60");
    solve_job job = {0};
    pthread_t t;
    double t0 = now();
    CU_ASSERT_EQUAL_FATAL(pthread_create(&t, NULL, solve_with_cbc, &job), 0);
    while (entries(tmp_dir) == 0 && now() - t0 < 10) /* the run's folder appears */
        usleep(10000);
    usleep(200000); /* the child is started */
    CU_ASSERT_EQUAL(entries(tmp_dir), 1);
    cefo_engines_abort();
    pthread_join(t, NULL);
    CU_ASSERT(now() - t0 < 20);
    CU_ASSERT_NOT_EQUAL(job.st, CEFO_OK);
    CU_ASSERT_EQUAL(entries(tmp_dir), 0);
    fake_done();
}

static void test_crash(void)
{
    fake_engine("echo 'out of luck'; kill -SEGV $$");
    solve_job job = {0};
    solve_with_cbc(&job);
    CU_ASSERT_EQUAL(job.st, CEFO_ERR_SOLVER);
    CU_ASSERT_PTR_NOT_NULL(strstr(job.err.message, "out of luck"));
    CU_ASSERT_EQUAL(entries(tmp_dir), 0);
    fake_done();
}

static void test_lies(void)
{
    /* A verdict of optimal without the solution file is an error, not a plan of zeros. */
    fake_engine("for a; do case $p in -solu) echo 'Optimal - objective value 1' >\"$a\";; esac;"
                " p=$a; done");
    solve_job job = {0};
    solve_with_cbc(&job);
    CU_ASSERT_EQUAL(job.st, CEFO_ERR_SOLVER);
    CU_ASSERT_EQUAL(entries(tmp_dir), 0);
    fake_done();
}

static void test_missing(void)
{
    const char *old = getenv("PATH");
    char saved[8192];
    snprintf(saved, sizeof saved, "%s", old ? old : "");
    setenv("PATH", "/nonexistent", 1);
    solve_job job = {0};
    solve_with_cbc(&job);
    setenv("PATH", saved, 1);
    CU_ASSERT_EQUAL(job.st, CEFO_ERR_UNAVAILABLE);
    CU_ASSERT_PTR_NOT_NULL(strstr(job.err.message, "coinor-cbc"));
}

static CU_TestInfo engine_tests[] = {
    {"every MPS row and bound kind, through glpk, cbc and clp", test_row_and_bound_kinds},
    {"cefo_engines_abort ends the child and removes its folder", test_abort},
    {"an engine that crashes: an error quoting its log, no file left", test_crash},
    {"an engine that claims optimal without a solution file", test_lies},
    {"a missing program: CEFO_ERR_UNAVAILABLE naming the package", test_missing},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("engines", engine_tests)
