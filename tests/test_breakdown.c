/* test_breakdown.c - a plan by firm, sector and zone (spec section 8), derived by hand. */
#include <cefo/cefo.h>
#include <string.h>

#include "testutil.h"

/*
 * tests/golden/breakdown.xml: as resource-land.xml (f1 relocates, 50 t; f2 keeps, 25 t; 25 t
 * imported; objective 1700), and f3 (100/t, dearer than import at 30) closes.
 *   tanning: f1-relocate 12 x 50 = 600, fixed 100, labour 0.1 x 50 = 5, COD 0.1 x 50 = 5;
 *            groups: relocate 1.
 *   plating: f2-keep 10 x 25 = 250, labour 0.3 x 25 = 7.5, COD 25; keep 1, closed 1 (f3).
 *   town (first named by f1-keep): f2-keep and f3-keep: 250, 7.5 jobs, COD 25; keep 1,
 *            closed 1.  park: f1-relocate: 600, 100, 5, COD 5; relocate 1.
 *   Labels in order of first use: keep, relocate, closed.
 */
static void test_by_sector_and_zone(void)
{
    char path[1024];
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_file(&net, source_path(path, sizeof path,
                              "tests/golden/breakdown.xml"), NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, NULL, &res, NULL), CEFO_OK);
    ASSERT_CLOSE(cefo_result_objective(res), 1700);
    CU_ASSERT_EQUAL_FATAL(cefo_result_variant_count(res), 3);
    CU_ASSERT_STRING_EQUAL(cefo_result_variant(res, 0), "keep");
    CU_ASSERT_STRING_EQUAL(cefo_result_variant(res, 1), "relocate");
    CU_ASSERT_STRING_EQUAL(cefo_result_variant(res, 2), "closed");
    CU_ASSERT_PTR_NULL(cefo_result_variant(res, 3));

    static const struct {
        cefo_area_kind kind;
        const char *id;
        size_t processes;
        double cost, fixed, labour, cod;
        size_t groups[3];
    } want[] = {
        {CEFO_SECTOR, "tanning", 2, 600, 100, 5, 5, {0, 1, 0}},
        {CEFO_SECTOR, "plating", 3, 250, 0, 7.5, 25, {1, 0, 1}},
        {CEFO_ZONE, "town", 3, 250, 0, 7.5, 25, {1, 0, 1}},
        {CEFO_ZONE, "park", 2, 600, 100, 5, 5, {0, 1, 0}},
    };
    CU_ASSERT_EQUAL(cefo_result_area_count(res, CEFO_SECTOR), 2);
    CU_ASSERT_EQUAL(cefo_result_area_count(res, CEFO_ZONE), 2);
    for (size_t w = 0; w < sizeof want / sizeof *want; w++) {
        size_t i = w % 2;
        cefo_area_result a;
        CU_ASSERT_EQUAL_FATAL(cefo_result_area(res, want[w].kind, i, &a), CEFO_OK);
        CU_ASSERT_STRING_EQUAL(a.id, want[w].id);
        CU_ASSERT_EQUAL(a.processes, want[w].processes);
        ASSERT_CLOSE(a.activity_cost, want[w].cost);
        ASSERT_CLOSE(a.fixed_cost, want[w].fixed);
        ASSERT_CLOSE(a.labour, want[w].labour);
        ASSERT_CLOSE(cefo_result_area_emission(res, want[w].kind, i, 0), want[w].cod);
        for (size_t v = 0; v < 3; v++)
            CU_ASSERT_EQUAL(cefo_result_area_groups(res, want[w].kind, i, v), want[w].groups[v]);
    }
    /* per process: f1-relocate (index 1) costs 600 + 100, its labour 5, its COD 5 */
    cefo_process_figures f;
    CU_ASSERT_EQUAL(cefo_result_process_figures(res, 1, &f), CEFO_OK);
    ASSERT_CLOSE(f.cost, 700);
    ASSERT_CLOSE(f.fixed_cost, 100);
    ASSERT_CLOSE(f.labour, 5);
    ASSERT_CLOSE(cefo_result_process_emission(res, 1, 0), 5);
    ASSERT_CLOSE(cefo_result_process_emission(res, 2, 0), 25);
    /* out of range */
    CU_ASSERT_EQUAL(cefo_result_area(res, CEFO_ZONE, 2, &(cefo_area_result){0}), CEFO_ERR_ARG);
    CU_ASSERT(isnan(cefo_result_area_emission(res, CEFO_SECTOR, 0, 1)));
    CU_ASSERT_EQUAL(cefo_result_process_figures(res, 5, &f), CEFO_ERR_ARG);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/* Without sectors or zones there is nothing to break down, and no plan counts no group. */
static void test_nothing_to_break_down(void)
{
    const char *xml = "<network version=\"1\"><material id=\"m\" unit=\"t\"/>"
                      "<process id=\"p\" group=\"g\" capacity=\"1\"><output material=\"m\" "
                      "amount=\"1\"/></process><demand material=\"m\" amount=\"2\"/></network>";
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, xml, strlen(xml), "x", NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, NULL, &res, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_result_status(res), CEFO_SOLVE_INFEASIBLE);
    CU_ASSERT_EQUAL(cefo_result_area_count(res, CEFO_SECTOR), 0);
    CU_ASSERT_EQUAL(cefo_result_area_count(res, CEFO_ZONE), 0);
    CU_ASSERT_EQUAL(cefo_result_variant_count(res), 2); /* "running", "closed" */
    cefo_process_figures f;
    CU_ASSERT_EQUAL(cefo_result_process_figures(res, 0, &f), CEFO_OK);
    CU_ASSERT(isnan(f.cost));
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

static CU_TestInfo breakdown_tests[] = {
    {"by sector and by zone, firms counted by variant", test_by_sector_and_zone},
    {"nothing to break down", test_nothing_to_break_down},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("breakdown", breakdown_tests)
