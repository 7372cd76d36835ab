/* test_dense.c - BLAS and LAPACK are loaded at the first input-output analysis, never before:
 * loading, checking and solving a network (GLPK) leave OpenBLAS unmapped; the first analysis
 * maps it and gives Miller & Blair's numbers (ch. 2, by hand below). Its own process: the
 * order of the tests is the point. */
#define _GNU_SOURCE
#include <cefo/cefo.h>
#include <link.h>
#include <string.h>

#include "testutil.h"

static int seen_blas(struct dl_phdr_info *info, size_t size, void *found)
{
    (void)size;
    if (info->dlpi_name && (strstr(info->dlpi_name, "openblas") || strstr(info->dlpi_name, "lapack")))
        *(int *)found = 1;
    return 0;
}

static int blas_mapped(void)
{
    int found = 0;
    dl_iterate_phdr(seen_blas, &found);
    return found;
}

/* A firm making 10 t of a part from 20 t of a resource at 3 per t, demand 10: cost 60 + 5 x 10. */
static const char *net_xml =
    "<network version=\"1\" currency=\"kCNY\">\n"
    "<materials><material id=\"ore\" unit=\"t\" kind=\"resource\" import-cost=\"3\"/>\n"
    "<material id=\"part\" unit=\"t\"/></materials>\n"
    "<processes><process id=\"firm\" cost=\"5\"><input material=\"ore\" amount=\"2\"/>\n"
    "<output material=\"part\" amount=\"1\"/></process></processes>\n"
    "<demands><demand material=\"part\" amount=\"10\"/></demands>\n"
    "</network>\n";

static void test_not_loaded_by_a_solve(void)
{
    CU_ASSERT_FALSE_FATAL(blas_mapped()); /* the test program does not link it either */
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, net_xml, strlen(net_xml), "net.xml",
                                                   NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, test_options(), &res, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_result_status(res), CEFO_SOLVE_OPTIMAL);
    CU_ASSERT_DOUBLE_EQUAL(cefo_result_objective(res), 2 * 10 * 3 + 5 * 10, 1e-9);
    CU_ASSERT_FALSE(blas_mapped());
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/* examples/miller-blair.xml: A = [0.15 0.25; 0.2 0.05]; det(I - A) = 0.85 x 0.95 - 0.25 x 0.2 = 0.7575; the column sums of
 * L = (I - A)^-1 = [0.95 0.25; 0.2 0.85] / 0.7575 are 1.15 / 0.7575 and 1.1 / 0.7575. */
static void test_loaded_by_the_first_analysis(void)
{
    char path[1024];
    cefo_iotable *t = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_iotable_load_file(&t, source_path(path, sizeof path,
                                                 "examples/miller-blair.xml"), NULL), CEFO_OK);
    CU_ASSERT_FALSE(blas_mapped());
    cefo_io_options opt;
    cefo_io_options_init(&opt);
    opt.inverse = 1;
    cefo_io_result *r = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_iotable_analyse(t, &opt, &r, NULL), CEFO_OK);
    CU_ASSERT_TRUE(blas_mapped());
    cefo_io_vectors v;
    CU_ASSERT_EQUAL_FATAL(cefo_io_result_vectors(r, &v), CEFO_OK);
    CU_ASSERT_DOUBLE_EQUAL(v.output_multipliers[0], 1.15 / 0.7575, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(v.output_multipliers[1], 1.1 / 0.7575, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(v.inverse[0], 0.95 / 0.7575, 1e-12); /* L row-major */
    CU_ASSERT_DOUBLE_EQUAL(v.inverse[1], 0.25 / 0.7575, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(v.inverse[2], 0.2 / 0.7575, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(v.inverse[3], 0.85 / 0.7575, 1e-12);
    cefo_io_result_free(r);
    cefo_iotable_free(t);
}

static CU_TestInfo dense_tests[] = {
    {"no BLAS mapped by loading and solving a network", test_not_loaded_by_a_solve},
    {"BLAS mapped by the first analysis, Miller & Blair by hand",
     test_loaded_by_the_first_analysis},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("dense", dense_tests)
