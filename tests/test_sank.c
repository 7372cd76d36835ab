/* test_sank.c - the Sankey diagram (SVG) when any allocation of its layout fails. */
#include "testutil.h"

#include "core/alloc.h"

/* The whole of a stream written so far, NUL-terminated (free it); NULL when out of memory. */
static char *contents(FILE *fp, long *len)
{
    *len = ftell(fp);
    char *s = calloc((size_t)*len + 1, 1);
    rewind(fp);
    if (s && fread(s, 1, (size_t)*len, fp) != (size_t)*len)
        *len = -1;
    return s;
}

static int ends_with(const char *s, long len, const char *tail)
{
    long n = (long)strlen(tail);
    return len >= n && memcmp(s + len - n, tail, (size_t)n) == 0;
}

/*
 * Fails the n-th allocation of cefo_result_write_svg for every n until a run needs fewer:
 * each run returns CEFO_OK or CEFO_ERR_NOMEM, an OK one writes a whole document (a diagram
 * is never cut off), the sanitizers see no leak and no undefined behaviour, and the run that
 * fails nothing writes the diagram itself.
 */
static void svg_out_of_memory(const char *rel, long at_least)
{
    char path[1024];
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_file(&net, source_path(path, sizeof path, rel), NULL),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, NULL, &res, NULL), CEFO_OK);
    FILE *ref = tmpfile();
    CU_ASSERT_PTR_NOT_NULL_FATAL(ref);
    CU_ASSERT_EQUAL_FATAL(cefo_result_write_svg(res, ref, NULL), CEFO_OK);
    long reflen;
    char *want = contents(ref, &reflen);
    fclose(ref);
    CU_ASSERT_FATAL(want && strstr(want, "class=\"links\""));
    long n = 1;
    for (int completed = 0; !completed; n++) {
        FILE *sink = tmpfile();
        CU_ASSERT_PTR_NOT_NULL_FATAL(sink);
        cefo__alloc_fail_at(n);
        cefo_status st = cefo_result_write_svg(res, sink, NULL);
        completed = cefo__alloc_fail_at(0) < n; /* the n-th allocation never came */
        long len;
        char *got = contents(sink, &len);
        fclose(sink);
        CU_ASSERT_PTR_NOT_NULL_FATAL(got);
        CU_ASSERT(st == CEFO_OK || (st == CEFO_ERR_NOMEM && !completed));
        if (st == CEFO_OK)
            CU_ASSERT(ends_with(got, len, "</svg>\n"));
        if (completed)
            CU_ASSERT(len == reflen && memcmp(got, want, (size_t)len) == 0);
        free(got);
    }
    /* the layout allocates: the loop ran through its failures, not a clean first run */
    CU_ASSERT(n > at_least);
    free(want);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

static void test_svg_oom_cycle(void)
{
    svg_out_of_memory("tests/cli/data/sankey-cycle.xml", 20);
}

static void test_svg_oom_cluster(void)
{
    svg_out_of_memory("examples/zhenan-cluster.xml", 50);
}

static CU_TestInfo sank_tests[] = {
    {"SVG of a plan with a loop, every allocation failed in turn", test_svg_oom_cycle},
    {"SVG of the Zhe-nan cluster, every allocation failed in turn", test_svg_oom_cluster},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("sank", sank_tests)
