/* test_resources.c - <resource>: bad input with status and line, updates in place, capacity
 * terms, the diagnosis, and the frontier with a priced resource. Optima derived by hand. */
#include <cefo/cefo.h>
#include <string.h>

#include "testutil.h"

#define HEAD "<?xml version=\"1.0\"?>\n<network version=\"1\">\n"
#define MAT "<material id=\"m\" unit=\"t\" import-cost=\"100\"/>\n"
#define PROC "<process id=\"p\" sector=\"s\" capacity=\"10\"><output material=\"m\" amount=\"1\"/></process>\n"
#define TAIL "</network>\n"

static const invalid_case bad_cases[] = {
    {"a term that matches nothing", HEAD MAT "<resource id=\"q\" unit=\"t\" max=\"5\">\n"
     "<term sector=\"tanning\" of=\"activity\"/>\n</resource>\n" PROC TAIL, 5,
     "matches no process"},
    {"min above max", HEAD MAT "\n<resource id=\"q\" unit=\"t\" min=\"6\" max=\"5\"/>\n" PROC TAIL,
     5, "min 6 exceeds max 5"},
    {"per decision on a process that is no decision", HEAD MAT
     "<resource id=\"land\" unit=\"ha\"/>\n<process id=\"p\" capacity=\"10\">\n"
     "<output material=\"m\" amount=\"1\"/>\n<use resource=\"land\" amount=\"2\" per=\"decision\"/>\n"
     "</process>\n" TAIL, 7, "per=\"decision\" but is no decision"},
    {"per decision on a link that is not optional", HEAD MAT
     "<resource id=\"land\" unit=\"ha\"/>\n" PROC
     "<process id=\"q\"><input material=\"m\" amount=\"1\"/></process>\n"
     "<link from=\"p\" to=\"q\" material=\"m\">\n<use resource=\"land\" amount=\"1\" per=\"decision\"/>\n"
     "</link>\n" TAIL, 8, "per=\"decision\" but is no decision"},
    {"investment without periods", HEAD MAT "<resource id=\"fund\" unit=\"kCNY\">\n"
     "<term sector=\"s\" of=\"investment\"/>\n</resource>\n" PROC TAIL, 5, "needs <periods>"},
    {"an unknown resource", HEAD MAT "<process id=\"p\">\n<output material=\"m\" amount=\"1\"/>\n"
     "<use resource=\"land\" amount=\"1\"/>\n</process>\n" TAIL, 6, "names no resource"},
    {"a term without a selector", HEAD MAT "<resource id=\"q\" unit=\"t\">\n<term of=\"activity\"/>\n"
     "</resource>\n" PROC TAIL, 5, "at least one of sector"},
    {"an unknown of", HEAD MAT "<resource id=\"q\" unit=\"t\">\n<term sector=\"s\" of=\"profit\"/>\n"
     "</resource>\n" PROC TAIL, 5, "of=\"profit\" must be"},
    {"an emission of an unknown pollutant", HEAD MAT "<resource id=\"q\" unit=\"t\">\n"
     "<term sector=\"s\" of=\"emission:COD\"/>\n</resource>\n" PROC TAIL, 5, "names no pollutant"},
    {"a capacity term on a process without capacity", HEAD MAT
     "<resource id=\"q\" unit=\"t\">\n<term sector=\"s\" of=\"capacity\"/>\n</resource>\n"
     "<process id=\"p\" sector=\"s\"><output material=\"m\" amount=\"1\"/></process>\n" TAIL, 5,
     "has no capacity"},
    {"a use without amount", HEAD MAT "<resource id=\"land\" unit=\"ha\"/>\n"
     "<process id=\"p\">\n<output material=\"m\" amount=\"1\"/>\n<use resource=\"land\"/>\n"
     "</process>\n" TAIL, 7, "needs attribute 'amount'"},
    {"a duplicate resource", HEAD MAT "<resource id=\"q\" unit=\"t\"/>\n<resource id=\"q\" unit=\"t\"/>\n"
     PROC TAIL, 5, "duplicate resource id 'q'"},
    {"a child other than term", HEAD MAT "<resource id=\"q\" unit=\"t\">\n<use resource=\"q\" amount=\"1\"/>\n"
     "</resource>\n" PROC TAIL, 5, "not allowed inside <resource>"},
};

static void test_bad_inputs(void)
{
    check_invalid_networks(bad_cases, sizeof bad_cases / sizeof *bad_cases);
}

typedef struct run {
    cefo_network *net;
    cefo_problem *prob;
} run;

static void run_open(run *r, const char *xml)
{
    *r = (run){0};
    cefo_error err = {0};
    if (cefo_network_load_memory(&r->net, xml, strlen(xml), "t.xml", &err) != CEFO_OK
        || cefo_problem_build(&r->prob, r->net, &err) != CEFO_OK)
        fprintf(stderr, "\n  %s:%d: %s\n", err.file, err.line, err.message);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r->prob);
}

static double run_objective(run *r)
{
    cefo_result *res = NULL;
    double obj = NAN;
    if (cefo_problem_solve(r->prob, NULL, &res, NULL) == CEFO_OK)
        obj = cefo_result_objective(res);
    cefo_result_free(res);
    return obj;
}

static void run_close(run *r)
{
    cefo_problem_free(r->prob);
    cefo_network_free(r->net);
}

static double cold_objective(const char *xml)
{
    run r;
    run_open(&r, xml);
    double obj = run_objective(&r);
    run_close(&r);
    return obj;
}

/* tests/golden/resource-land.xml: 10 ha binds at 1700; 12 ha lets both move (1450). */
static void test_set_in_place(void)
{
    char path[1024];
    run r = {0};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_file(&r.net, source_path(path, sizeof path,
                              "tests/golden/resource-land.xml"), NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&r.prob, r.net, NULL), CEFO_OK);
    size_t land;
    CU_ASSERT_EQUAL_FATAL(cefo_network_find(r.net, CEFO_RESOURCE, "park-land", &land), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_network_count(r.net, CEFO_RESOURCE), 1);
    ASSERT_CLOSE(run_objective(&r), 1700);
    CU_ASSERT_EQUAL(cefo_problem_set(r.prob, CEFO_RESOURCE, land, "max", 12), CEFO_OK);
    ASSERT_CLOSE(run_objective(&r), 1450);
    /* a min above the max, a NaN, another attribute, an index out of range */
    CU_ASSERT_EQUAL(cefo_problem_set(r.prob, CEFO_RESOURCE, land, "min", 13), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_problem_set(r.prob, CEFO_RESOURCE, land, "max", NAN), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_problem_set(r.prob, CEFO_RESOURCE, land, "unit", 1), CEFO_ERR_UNSUPPORTED);
    CU_ASSERT_EQUAL(cefo_problem_set(r.prob, CEFO_RESOURCE, 1, "max", 1), CEFO_ERR_ARG);
    /* A price of 10 per hectare on the 12 ha used: 1450 + 120. */
    CU_ASSERT_EQUAL(cefo_problem_set(r.prob, CEFO_RESOURCE, land, "price", 10), CEFO_OK);
    ASSERT_CLOSE(run_objective(&r), 1570);
    /* A min of 13 ha cannot be met (two relocations use 12): infeasible, diagnosed. */
    CU_ASSERT_EQUAL(cefo_problem_set_resource(r.prob, land, 13, 20, 0), CEFO_OK);
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(r.prob, NULL, &res, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_result_status(res), CEFO_SOLVE_INFEASIBLE);
    cefo_resource_result row;
    CU_ASSERT_EQUAL(cefo_result_resource(res, land, &row), CEFO_OK);
    CU_ASSERT(isnan(row.use));
    CU_ASSERT_EQUAL(row.min, 13);
    cefo_result_free(res);
    run_close(&r);
}

/* A capacity term counts the capacity of a process without a decision as a constant, and of
 * a decision as capacity x y; both follow in-place capacity changes. Installed capacity over
 * both plants at most 80; demand 70; p1 (always there) 1/t, p2 (optional, 40 t, fixed 10)
 * 2/t, import 100/t.
 *   cap1 = 50: 50 + 40 > 80, p2 stays out: 50 + 20 * 100           = 2050
 *   cap1 = 30: 30 + 40 <= 80, p2 built: 30 + 40 * 2 + 10            = 120
 *   cap1 = 45: 85 > 80, out again: 45 + 25 * 100                    = 2545
 *   then p2's capacity 35: 45 + 35 = 80, built: 45 + 25 * 2 + 10     = 105 */
#define INSTALLED(cap1, cap2)                                                                  \
    HEAD MAT "<resource id=\"installed\" unit=\"t\" max=\"80\">\n"                             \
             "<term sector=\"s\" of=\"capacity\"/></resource>\n"                              \
             "<process id=\"p1\" sector=\"s\" cost=\"1\" capacity=\"" cap1 "\">"              \
             "<output material=\"m\" amount=\"1\"/></process>\n"                              \
             "<process id=\"p2\" sector=\"s\" cost=\"2\" capacity=\"" cap2 "\" optional=\"true\" " \
             "fixed-cost=\"10\"><output material=\"m\" amount=\"1\"/></process>\n"           \
             "<demand material=\"m\" amount=\"70\"/>\n" TAIL

static void test_capacity_terms(void)
{
    run r;
    run_open(&r, INSTALLED("50", "40"));
    ASSERT_CLOSE(run_objective(&r), 2050);
    CU_ASSERT_EQUAL(cefo_problem_set_capacity(r.prob, 0, 30), CEFO_OK);
    ASSERT_CLOSE(run_objective(&r), 120);
    CU_ASSERT_EQUAL(cefo_problem_set_capacity(r.prob, 0, 45), CEFO_OK);
    ASSERT_CLOSE(run_objective(&r), 2545);
    CU_ASSERT_EQUAL(cefo_problem_set_capacity(r.prob, 1, 35), CEFO_OK);
    ASSERT_CLOSE(run_objective(&r), 105);
    /* an infinite capacity cannot be counted */
    CU_ASSERT_EQUAL(cefo_problem_set_capacity(r.prob, 0, INFINITY), CEFO_ERR_ARG);
    run_close(&r);
    ASSERT_CLOSE(cold_objective(INSTALLED("30", "40")), 120);
    ASSERT_CLOSE(cold_objective(INSTALLED("45", "35")), 105);
}

/* A floor on jobs beyond reach: the diagnosis names the resource and by how much its min
 * must fall (at most 0.5 x 100 = 50 jobs; 80 asked). */
static void test_diagnosis(void)
{
    const char *xml = HEAD "<material id=\"cloth\" unit=\"t\"/>\n"
        "<resource id=\"jobs\" unit=\"person-year\" min=\"80\"><term kind=\"production\" "
        "of=\"labour\"/></resource>\n"
        "<process id=\"manual\" cost=\"12\" capacity=\"100\" labour=\"0.5\"><output "
        "material=\"cloth\" amount=\"1\"/></process>\n"
        "<demand material=\"cloth\" amount=\"100\"/>\n" TAIL;
    run r;
    run_open(&r, xml);
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(r.prob, NULL, &res, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_result_status(res), CEFO_SOLVE_INFEASIBLE);
    CU_ASSERT_EQUAL_FATAL(cefo_result_diagnosis_count(res), 1);
    cefo_diagnosis_item d;
    cefo_result_diagnosis(res, 0, &d);
    CU_ASSERT_STRING_EQUAL(d.kind, "resource");
    CU_ASSERT_STRING_EQUAL(d.id, "jobs");
    ASSERT_CLOSE(d.amount, 30);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.message, "min of resource 'jobs'"));
    cefo_result_free(res);
    run_close(&r);
}

/* The frontier restores a resource's price with the rest of the objective. Quota golden with
 * a price of 2 per tonne of quota used (90 t): 1440 + 180. */
static void test_pareto_keeps_price(void)
{
    const char *xml = HEAD "<material id=\"pu\" unit=\"t\" import-cost=\"50\"/>\n"
        "<pollutant id=\"COD\" unit=\"t\"/>\n"
        "<resource id=\"q\" unit=\"t\" max=\"90\" price=\"2\"><term sector=\"sl\" "
        "of=\"output:pu\"/></resource>\n"
        "<process id=\"a\" sector=\"sl\" cost=\"10\" capacity=\"80\"><output material=\"pu\" "
        "amount=\"1\"/><emission pollutant=\"COD\" amount=\"1\"/></process>\n"
        "<process id=\"b\" sector=\"sl\" cost=\"14\" capacity=\"80\"><output material=\"pu\" "
        "amount=\"1\"/></process>\n<demand material=\"pu\" amount=\"100\"/>\n" TAIL;
    run r;
    run_open(&r, xml);
    ASSERT_CLOSE(run_objective(&r), 1620);
    /* the price moved in place to 5: 1440 + 450, before and after a frontier */
    CU_ASSERT_EQUAL(cefo_problem_set(r.prob, CEFO_RESOURCE, 0, "price", 5), CEFO_OK);
    ASSERT_CLOSE(run_objective(&r), 1890);
    cefo_pareto_point pts[3];
    CU_ASSERT_EQUAL(cefo_problem_pareto(r.prob, 0, 3, NULL, pts, NULL), CEFO_OK);
    ASSERT_CLOSE(run_objective(&r), 1890);
    run_close(&r);
}

/* What a sweep selects on a resource: its kind, index, attribute and value. */
static void test_select(void)
{
    char path[1024];
    cefo_target t[2];
    size_t n = 0;
    cefo_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cefo_network_select(source_path(path, sizeof path,
                                                          "tests/golden/resource-jobs.xml"),
                                              NULL, NULL, NULL, 0,
                                              "//resource[@id='jobs']/@min", t, 2, &n, NULL,
                                              &err), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(n, 1);
    CU_ASSERT_EQUAL(t[0].kind, CEFO_RESOURCE);
    CU_ASSERT_EQUAL(t[0].index, 0);
    CU_ASSERT_STRING_EQUAL(t[0].attribute, "min");
    ASSERT_CLOSE(t[0].value, 30);
}

static CU_TestInfo resource_tests[] = {
    {"bad resources, uses and terms: status, line, message", test_bad_inputs},
    {"min, max and price in place", test_set_in_place},
    {"capacity terms follow capacity changes", test_capacity_terms},
    {"an unreachable floor is diagnosed", test_diagnosis},
    {"the frontier restores a resource's price", test_pareto_keeps_price},
    {"a selector picks a resource's bound", test_select},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("resources", resource_tests)
