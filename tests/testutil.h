/* testutil.h - what every cefo CUnit executable shares: tolerances, paths, the runner. */
#ifndef CEFO_TESTUTIL_H
#define CEFO_TESTUTIL_H

#include <CUnit/Basic.h>
#include <cefo/cefo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "streamcheck.h"

/* Golden optima are exact rationals; GLPK's simplex reaches them to ~1e-9 relative. */
#define GOLDEN_RTOL 1e-7
#define GOLDEN_ATOL 1e-7

static inline int close_enough(double got, double want, double rtol, double atol)
{
    if (isnan(want))
        return isnan(got);
    return fabs(got - want) <= atol + rtol * fabs(want);
}

#define ASSERT_CLOSE(got, want)                                                                \
    do {                                                                                       \
        double g_ = (got), w_ = (want);                                                        \
        if (!close_enough(g_, w_, GOLDEN_RTOL, GOLDEN_ATOL))                                   \
            fprintf(stderr, "\n  %s:%d: got %.17g, want %.17g\n", __FILE__, __LINE__, g_, w_); \
        CU_ASSERT(close_enough(g_, w_, GOLDEN_RTOL, GOLDEN_ATOL));                             \
    } while (0)

/* A network that must be refused as invalid: with its line and a phrase of the message. */
typedef struct invalid_case {
    const char *what;
    const char *xml;
    int line;
    const char *phrase; /* must appear in the message */
} invalid_case;

/* Each case loads to CEFO_ERR_INVALID naming "bad.xml", its line and its phrase, and no
 * network. */
static inline void check_invalid_networks(const invalid_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const invalid_case *c = &cases[i];
        cefo_network *net = NULL;
        cefo_error err = {0};
        cefo_status st = cefo_network_load_memory(&net, c->xml, strlen(c->xml), "bad.xml", &err);
        int ok = st == CEFO_ERR_INVALID && err.line == c->line && strstr(err.message, c->phrase)
                 && strcmp(err.file, "bad.xml") == 0 && net == NULL;
        if (!ok)
            fprintf(stderr, "\n  case '%s': status %d line %d message '%s'\n", c->what, st,
                    err.line, err.message);
        CU_ASSERT(ok);
        cefo_network_free(net);
        /* The stream refuses it too, and the document's error is the one reported. */
        int streamed = 1;
        CU_ASSERT(same_both_ways(c->xml, strlen(c->xml), "bad.xml", &streamed));
        CU_ASSERT(!streamed);
    }
}

/* A file under the source tree (CEFO_SOURCE_DIR is set by meson for every test). */
static inline const char *source_path(char *buf, size_t n, const char *rel)
{
    const char *root = getenv("CEFO_SOURCE_DIR");
    snprintf(buf, n, "%s/%s", root ? root : ".", rel);
    return buf;
}

/*
 * The options a test solves with: the defaults, with the engine named by CEFO_TEST_SOLVER
 * (glpk, cbc or clp; meson runs the golden and reference suites once per engine).
 */
static inline const cefo_options *test_options(void)
{
    static cefo_options opt;
    static int ready;
    if (!ready) {
        const char *s = getenv("CEFO_TEST_SOLVER");
        cefo_options_init(&opt);
        opt.solver = !s ? CEFO_SOLVER_GLPK
                     : strcmp(s, "cbc") == 0 ? CEFO_SOLVER_CBC
                     : strcmp(s, "clp") == 0 ? CEFO_SOLVER_CLP
                                             : CEFO_SOLVER_GLPK;
        ready = 1;
    }
    return &opt;
}

/* 1 when `program` is an executable in PATH. */
static inline int test_have_program(const char *program)
{
    const char *path = getenv("PATH");
    char file[4096];
    while (path && *path) {
        size_t n = strcspn(path, ":");
        snprintf(file, sizeof file, "%.*s/%s", (int)n, path, program);
        if (access(file, X_OK) == 0)
            return 1;
        path += n + (path[n] == ':');
    }
    return 0;
}

/* 1 when CEFO_TEST_SOLVER names an engine program that is not in PATH (the test skips). */
static inline int test_engine_missing(void)
{
    const char *s = getenv("CEFO_TEST_SOLVER");
    if (!s || strcmp(s, "glpk") == 0 || test_have_program(s))
        return 0;
    printf("SKIP: the %s program is not installed\n", s);
    return 1;
}

/* A private folder under /tmp (its name into dir[64]) holding an empty `sub/`: for inputs
 * that name files beside them or outside their folder. */
static inline void test_make_tree(char dir[64], const char *prefix)
{
    snprintf(dir, 64, "/tmp/%s-XXXXXX", prefix);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    char sub[96];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    CU_ASSERT_EQUAL_FATAL(mkdir(sub, 0700), 0);
}

/* Writes len bytes of data to dir/rel. */
static inline void test_put(const char *dir, const char *rel, const char *data, size_t len)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *fp = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    fwrite(data, 1, len, fp);
    fclose(fp);
}

/* Removes the n files (and empty folders) named relative to dir, then dir. */
static inline void test_rm_tree(const char *dir, const char *const *files, size_t n)
{
    char path[256];
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        remove(path);
    }
    rmdir(dir);
}

/* Registers `suites`, runs them verbosely and returns non-zero when anything failed. */
static inline int run_suites(CU_SuiteInfo *suites)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    if (CU_register_suites(suites) != CUE_SUCCESS) {
        fprintf(stderr, "cannot register suites: %s\n", CU_get_error_msg());
        CU_cleanup_registry();
        return 2;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    /* Read the counts before CU_cleanup_registry() clears them. */
    unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    unsigned run = CU_get_number_of_tests_run();
    CU_cleanup_registry();
    return failed || run == 0 ? 1 : 0;
}

/* main() of a test executable with one suite. */
#define CEFO_TEST_MAIN(suite_name, tests)                                                      \
    int main(void)                                                                             \
    {                                                                                          \
        CU_SuiteInfo suites[] = {{.pName = suite_name, .pTests = tests}, CU_SUITE_INFO_NULL};  \
        return test_engine_missing() ? 77 : run_suites(suites);                                \
    }

#endif
