/* test_engines.c - the CBC/CLP back-end: every MPS row and bound kind, a crash, a missing
 * program, and cefo_engines_abort ending a running child and removing its folder. */
#include <dirent.h>
#include <errno.h>
#include <glpk.h>
#include <math.h>
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

/*
 * GLPK's copy is made at the first GLPK solve, from the model as it is then: it must see the
 * changes made before (while CLP solved), and follow those made after. The kinds LP with
 * r3: y + z = 4: z = 4 - y makes the cost x + 3y - 1, lowest at x = 5, y = -4: -8. Then
 * with cost 4 on x: 4x + 3y - 1 with y = 1 - x (r1) is x + 2, lowest at x = -1: 1.
 */
static void test_glpk_copy_made_late(void)
{
    if (!test_have_program("clp")) {
        printf("\n  clp not installed: not checked\n");
        return;
    }
    kinds_lp k;
    cefo__lp *lp = NULL;
    double x[4], rd[4], cd[4];
    cefo__lp_solution s = {.x = x, .row_dual = rd, .col_dual = cd};
    cefo_options glpk, clp;
    cefo_options_init(&glpk);
    cefo_options_init(&clp);
    clp.solver = CEFO_SOLVER_CLP;
    kinds_init(&k);
    CU_ASSERT_EQUAL_FATAL(cefo__lp_load(&lp, NULL, &k.d, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo__lp_solve(lp, &clp, &s, NULL), CEFO_OK);
    ASSERT_CLOSE(s.objective, -7);
    CU_ASSERT_EQUAL(cefo__lp_set_row_bounds(lp, 2, 4, 4, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo__lp_solve(lp, &glpk, &s, NULL), CEFO_OK);
    ASSERT_CLOSE(s.objective, -8);
    CU_ASSERT_EQUAL(cefo__lp_set_obj(lp, 0, 4, NULL), CEFO_OK);
    for (int e = 0; e < 2; e++) {
        CU_ASSERT_EQUAL(cefo__lp_solve(lp, e ? &clp : &glpk, &s, NULL), CEFO_OK);
        ASSERT_CLOSE(s.objective, 1);
        ASSERT_CLOSE(x[0], -1);
    }
    cefo__lp_free(lp);
    cefo__triplet_free(&k.a);
}

/*
 * A model whose numbers need all 17 digits, with every row and bound kind cefo's writers know
 * (a range, a free row, fixed, free and half-bounded columns, a binary, a column that appears
 * nowhere, names with '-'), read back by GLPK's own readers (a separate implementation).
 * (GLPK's MPS reader drops entries below about 1e-12 in magnitude: none is that small.)
 */
enum { RT_M = 4, RT_N = 6 };
static const char *const rt_rows[RT_M] = {"range-row", "ge", "eq", "free-row"};
static const char *const rt_cols[RT_N] = {"x-1", "y", "z", "w", "b", "nowhere"};

typedef struct rt_lp {
    double obj[RT_N], clb[RT_N], cub[RT_N], rlb[RT_M], rub[RT_M];
    unsigned char bin[RT_N];
    cefo__triplet a;
    cefo__lp_data d;
} rt_lp;

static void rt_init(rt_lp *k)
{
    *k = (rt_lp){{0.1, 2.0 / 3.0, -1e-7 / 3.0, 123456789.123456789, 1.0 / 7.0, 0.0},
                 {-0.3, -INFINITY, 0, 2.0 / 3.0, 0, 0},
                 {5.1, 2.2, INFINITY, 2.0 / 3.0, 1, INFINITY},
                 {0.1, -10.000000000000002, 1.0 / 3.0, -INFINITY},
                 {0.7, INFINITY, 1.0 / 3.0, INFINITY},
                 {0, 0, 0, 0, 1, 0},
                 {0},
                 {0}};
    const int rows[] = {0, 0, 1, 1, 2, 2, 2, 3}, cols[] = {0, 1, 0, 2, 1, 2, 4, 3};
    const double vals[] = {1.1, -0.3, 3.141592653589793, -1e-9 / 3, 1e300, 0.2, -1, 9.99};
    for (int e = 0; e < 8; e++)
        cefo__triplet_push(&k->a, rows[e], cols[e], vals[e]);
    k->d = (cefo__lp_data){.nrows = RT_M, .ncols = RT_N, .obj = k->obj, .col_lb = k->clb,
                           .col_ub = k->cub, .row_lb = k->rlb, .row_ub = k->rub, .a = &k->a,
                           .col_binary = k->bin};
}

/* GLPK's bounds of a row or column as [lb, ub] with +-inf. */
static void glpk_bounds(int type, double lb, double ub, double *l, double *u)
{
    *l = type == GLP_FR || type == GLP_UP ? -INFINITY : lb;
    *u = type == GLP_FR || type == GLP_LO ? INFINITY : ub;
}

/* The row (is_row) or column k of GLPK's problem P, found by its cefo name in `format`
 * (1: LP, where '-' is written '~'). */
static int rt_find(glp_prob *P, int is_row, int k, int format)
{
    char name[64];
    snprintf(name, sizeof name, "%s", is_row ? rt_rows[k] : rt_cols[k]);
    for (char *c = name; format == 1 && *c; c++)
        *c = *c == '-' ? '~' : *c;
    return is_row ? glp_find_row(P, name) : glp_find_col(P, name);
}

/* Every number of `k` is in P bit for bit (the range row as the LP file writes it). */
static void rt_compare(glp_prob *P, const rt_lp *k, int format)
{
    double l, u;
    CU_ASSERT_EQUAL(glp_get_num_cols(P), RT_N + (format == 1)); /* LP: + the range's column */
    CU_ASSERT_EQUAL(glp_get_num_rows(P), RT_M);
    for (int j = 0; j < RT_N; j++) {
        int c = rt_find(P, 0, j, format);
        CU_ASSERT_FATAL(c > 0);
        CU_ASSERT_EQUAL(glp_get_obj_coef(P, c), k->obj[j]);
        glpk_bounds(glp_get_col_type(P, c), glp_get_col_lb(P, c), glp_get_col_ub(P, c), &l, &u);
        CU_ASSERT_EQUAL(l, k->clb[j]);
        CU_ASSERT_EQUAL(u, k->cub[j]);
        CU_ASSERT_EQUAL(glp_get_col_kind(P, c) != GLP_CV, k->bin[j]);
    }
    for (size_t e = 0; e < k->a.nnz; e++) {
        int r = rt_find(P, 1, k->a.row[e], format), c = rt_find(P, 0, k->a.col[e], format);
        int ind[RT_N + 2], n = glp_get_mat_row(P, r, ind, NULL), hit = 0;
        double val[RT_N + 2];
        glp_get_mat_row(P, r, ind, val);
        for (int q = 1; q <= n; q++)
            if (ind[q] == c)
                hit = val[q] == k->a.val[e];
        CU_ASSERT(hit);
    }
    for (int i = 1; i < RT_M; i++) { /* rows 1, 2 exactly; the free row as >= -1e30 */
        int r = rt_find(P, 1, i, format);
        glpk_bounds(glp_get_row_type(P, r), glp_get_row_lb(P, r), glp_get_row_ub(P, r), &l, &u);
        CU_ASSERT_EQUAL(l, i == 3 ? -1e30 : k->rlb[i]);
        CU_ASSERT_EQUAL(u, k->rub[i]);
    }
    int r = rt_find(P, 1, 0, format);
    glpk_bounds(glp_get_row_type(P, r), glp_get_row_lb(P, r), glp_get_row_ub(P, r), &l, &u);
    if (format == 1) { /* range-row: terms - ~r_1 = 0, ~r_1 in [0.1, 0.7] exactly */
        int c = glp_find_col(P, "~r_1");
        CU_ASSERT_FATAL(c > 0);
        CU_ASSERT(l == 0 && u == 0);
        CU_ASSERT_EQUAL(glp_get_col_lb(P, c), k->rlb[0]);
        CU_ASSERT_EQUAL(glp_get_col_ub(P, c), k->rub[0]);
    } else { /* MPS: RANGES give lb + (ub - lb), the upper bound within one rounding */
        CU_ASSERT_EQUAL(l, k->rlb[0]);
        CU_ASSERT(fabs(u - k->rub[0]) <= 2 * 2.220446049250313e-16 * k->rub[0]);
    }
}

static int quiet(void *info, const char *s)
{
    (void)info, (void)s;
    return 1;
}

static void test_model_files_round_trip(void)
{
    char dir[] = "/tmp/cefo-rt-XXXXXX", path[64];
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    rt_lp k;
    rt_init(&k);
    cefo__lp *lp = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cefo__lp_load(&lp, NULL, &k.d, &err), CEFO_OK);
    glp_term_hook(quiet, NULL);
    for (int format = 0; format < 2; format++) {
        snprintf(path, sizeof path, "%s/m.%s", dir, format ? "lp" : "mps");
        CU_ASSERT_EQUAL_FATAL(cefo__lp_write(lp, format, path, rt_cols, rt_rows, &err), CEFO_OK);
        glp_prob *P = glp_create_prob();
        int rc = format ? glp_read_lp(P, NULL, path) : glp_read_mps(P, GLP_MPS_FILE, NULL, path);
        CU_ASSERT_EQUAL_FATAL(rc, 0);
        glp_create_index(P);
        rt_compare(P, &k, format);
        glp_delete_prob(P);
        remove(path);
    }
    glp_term_hook(NULL, NULL);
    cefo__lp_free(lp);
    cefo__triplet_free(&k.a);
    rmdir(dir);
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
    double time_limit;       /* in: 0 for none */
    cefo__lp_solution sol;   /* out: status, has_point, has_duals */
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
    opt.time_limit = job->time_limit;
    job->st = cefo__lp_load(&lp, NULL, &k.d, &job->err);
    if (job->st == CEFO_OK)
        job->st = cefo__lp_solve(lp, &opt, &s, &job->err);
    job->sol = (cefo__lp_solution){.status = s.status, .has_point = s.has_point,
                                   .has_duals = s.has_duals};
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

/* The real cbc behind the fake, its arguments kept in args beside the fake (for the tests
 * below: the verdict and the command line are what they check, the numbers are cbc's). */
#define REAL_CBC "echo \"$@\" >>\"$(dirname \"$0\")/args\"; PATH=${PATH#*:} cbc \"$@\" || exit $?; "

static void fake_cleanup(void)
{
    char file[600];
    snprintf(file, sizeof file, "%s/args", fake_dir);
    unlink(file);
    fake_done();
}

/*
 * An LP that the engine says it stopped on time (the verdict line of CBC's own printing when
 * -sec runs out) is no plan, even with a solution file: only a MIP stopped early has a point
 * (an integer plan found), an LP's simplex point is not feasible yet.
 */
static void test_lp_stopped_on_time(void)
{
    if (!test_have_program("cbc"))
        return;
    fake_engine(REAL_CBC "p=; for a; do case $p in -solu) "
                "echo 'Stopped on time - objective value -7' >\"$a\";; esac; p=$a; done");
    solve_job job = {.time_limit = 100};
    solve_with_cbc(&job);
    CU_ASSERT_EQUAL(job.st, CEFO_OK);
    CU_ASSERT_EQUAL(job.sol.status, CEFO_SOLVE_TIME_LIMIT);
    CU_ASSERT_EQUAL(job.sol.has_point, 0);
    CU_ASSERT_EQUAL(job.sol.has_duals, 0);
    fake_cleanup();
}

/*
 * --gap is relative (docs/cli.md: the MIP stops within that fraction of the bound): CBC's
 * -ratioGap, not -allowableGap, which is absolute. A MIP solved with mip_gap 0.05 passes
 * "-ratio 0.05" to the program and no absolute gap.
 */
static void test_cbc_gap_relative(void)
{
    if (!test_have_program("cbc"))
        return;
    fake_engine(REAL_CBC);
    const char *xml = "<network version='1'><material id='m' unit='t' import-cost='10'/>"
                      "<process id='p' optional='true' fixed-cost='5' cost='1' capacity='9'>"
                      "<output material='m' amount='1'/></process>"
                      "<demand material='m' amount='4'/></network>";
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_options opt;
    cefo_options_init(&opt);
    opt.solver = CEFO_SOLVER_CBC;
    opt.mip_gap = 0.05;
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, xml, strlen(xml), "x.xml", NULL),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_problem_solve(prob, &opt, &res, NULL), CEFO_OK);
    /* by hand: p built, 5 + 4 x 1 = 9 against 40 imported */
    ASSERT_CLOSE(cefo_result_objective(res), 9);
    char file[600], line[4096];
    int ratio = 0, absolute = 0;
    snprintf(file, sizeof file, "%s/args", fake_dir);
    FILE *f = fopen(file, "r");
    CU_ASSERT_PTR_NOT_NULL(f);
    while (f && fgets(line, sizeof line, f)) {
        ratio += strstr(line, " -ratio 0.05") != NULL;
        absolute += strstr(line, " -allow") != NULL;
    }
    if (f)
        fclose(f);
    CU_ASSERT_EQUAL(ratio, 1);
    CU_ASSERT_EQUAL(absolute, 0);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
    fake_cleanup();
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

/* Networks without processes (nothing to copy into the engine's model but bounds): every
 * engine solves them, by hand 0 and 2 x 1.5 = 3. */
static void test_no_processes(void)
{
    static const char *const xml[] = {
        "<network version='1'><material id='m' unit='t'/></network>",
        "<network version='1'><material id='m' unit='t' import-cost='1.5'/>"
        "<demand material='m' amount='2'/></network>"};
    const double want[] = {0, 3};
    const cefo_solver engines[] = {CEFO_SOLVER_GLPK, CEFO_SOLVER_CBC, CEFO_SOLVER_CLP};
    const char *names[] = {"glpk", "cbc", "clp"};
    for (int e = 0; e < 3; e++) {
        if (e && !test_have_program(names[e]))
            continue;
        for (int k = 0; k < 2; k++) {
            cefo_network *net = NULL;
            cefo_problem *prob = NULL;
            cefo_result *res = NULL;
            cefo_options opt;
            cefo_options_init(&opt);
            opt.solver = engines[e];
            CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, xml[k], strlen(xml[k]), "x.xml",
                                                           NULL),
                                  CEFO_OK);
            CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
            CU_ASSERT_EQUAL(cefo_problem_solve(prob, &opt, &res, NULL), CEFO_OK);
            CU_ASSERT_EQUAL(cefo_result_status(res), CEFO_SOLVE_OPTIMAL);
            ASSERT_CLOSE(cefo_result_objective(res), want[k]);
            cefo_result_free(res);
            cefo_problem_free(prob);
            cefo_network_free(net);
        }
    }
}

static CU_TestInfo engine_tests[] = {
    {"every MPS row and bound kind, through glpk, cbc and clp", test_row_and_bound_kinds},
    {"GLPK's copy, made at its first solve, sees every change", test_glpk_copy_made_late},
    {"MPS and LP files read back by GLPK bit for bit", test_model_files_round_trip},
    {"cefo_engines_abort ends the child and removes its folder", test_abort},
    {"an engine that crashes: an error quoting its log, no file left", test_crash},
    {"an engine that claims optimal without a solution file", test_lies},
    {"a missing program: CEFO_ERR_UNAVAILABLE naming the package", test_missing},
    {"an LP stopped on time is no plan, whatever file the engine left", test_lp_stopped_on_time},
    {"the MIP gap reaches CBC as its relative gap", test_cbc_gap_relative},
    {"networks without processes, through every engine", test_no_processes},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("engines", engine_tests)
