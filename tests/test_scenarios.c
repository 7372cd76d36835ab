/* test_scenarios.c - what-if edits: scenario files and edits from a host, effects by hand. */
#include <cefo/cefo.h>
#include <string.h>

#include "testutil.h"

static const char *path(const char *rel)
{
    static char buf[4][1024];
    static int k;
    k = (k + 1) % 4;
    return source_path(buf[k], sizeof buf[k], rel);
}

/* Loads pollutant-cap.xml through a scenario and edits, solves, returns the objective. */
static double solve_edited(const cefo_scenarios *s, const char *id, const cefo_edit *e,
                           size_t ne, cefo_solve_status *st, cefo_error *err)
{
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    double obj = NAN;
    *st = CEFO_SOLVE_UNDEFINED;
    if (cefo_network_load_edited(&net, path("tests/golden/pollutant-cap.xml"), s, id, e, ne,
                                 err) == CEFO_OK
        && cefo_problem_build(&prob, net, err) == CEFO_OK
        && cefo_problem_solve(prob, NULL, &res, err) == CEFO_OK) {
        obj = cefo_result_objective(res);
        *st = cefo_result_status(res);
    }
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
    return obj;
}

/*
 * Base: 100 t of widget; dirty 10/t and 2 t CO2/t, clean 15/t and 0.5 t/t; damage 1/t; cap
 * 125 t: 50/50, 1375 (tests/golden/pollutant-cap.expect).
 */
static void test_scenario_file(void)
{
    cefo_scenarios *s = NULL;
    cefo_error err = {0};
    cefo_solve_status st;
    CU_ASSERT_EQUAL_FATAL(cefo_scenarios_load_file(&s, path("tests/scenarios/cap-cases.xml"),
                                                   &err),
                          CEFO_OK);
    CU_ASSERT_EQUAL(cefo_scenarios_count(s), 5);
    CU_ASSERT_STRING_EQUAL(cefo_scenarios_name(s, 0), "the CO2 cap lifted");
    CU_ASSERT_STRING_EQUAL(cefo_scenarios_name(s, 1), "damage-x4");
    /* No cap: all dirty, 10*100 + 200. */
    ASSERT_CLOSE(solve_edited(s, "no-cap", NULL, 0, &st, &err), 1200);
    /* Damage 4: dirty 18/t against clean 17/t: all clean, 1500 + 4*50. */
    ASSERT_CLOSE(solve_edited(s, "damage-x4", NULL, 0, &st, &err), 1700);
    /* A line at 12/t and 0.1 t/t: x_d + x_n = 100, 2 x_d + 0.1 x_n = 125, x_d = 115/1.9:
     * 10 x_d + 12 x_n + 125 = 1325 - 230/1.9. */
    ASSERT_CLOSE(solve_edited(s, "new-line", NULL, 0, &st, &err), 1325 - 230 / 1.9);
    /* Dirty limited to 30 t: 30 dirty, 70 clean, 95 t of CO2: 300 + 1050 + 95. */
    ASSERT_CLOSE(solve_edited(s, "dirty-capped", NULL, 0, &st, &err), 1445);
    /* Cap 10: even all clean emits 50: infeasible, a result not an error; the diagnosis says
     * the cap must rise by 40 (cutting output instead would take 80 t of widget). */
    solve_edited(s, "too-tight", NULL, 0, &st, &err);
    CU_ASSERT_EQUAL(st, CEFO_SOLVE_INFEASIBLE);
    {
        cefo_network *net = NULL;
        cefo_problem *prob = NULL;
        cefo_result *res = NULL;
        cefo_diagnosis_item d = {0};
        CU_ASSERT_EQUAL_FATAL(cefo_network_load_edited(&net, path("tests/golden/pollutant-cap.xml"),
                                                       s, "too-tight", NULL, 0, &err),
                              CEFO_OK);
        CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, &err), CEFO_OK);
        CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, NULL, &res, &err), CEFO_OK);
        CU_ASSERT_EQUAL(cefo_result_diagnosis_count(res), 1);
        CU_ASSERT_EQUAL(cefo_result_diagnosis(res, 0, &d), CEFO_OK);
        CU_ASSERT_STRING_EQUAL(d.kind, "cap");
        CU_ASSERT_STRING_EQUAL(d.id, "CO2");
        ASSERT_CLOSE(d.amount, 40);
        CU_ASSERT_PTR_NOT_NULL(strstr(d.message, "would have to rise by 40 t"));
        /* Diagnosis off: the same status, no items. */
        cefo_result_free(res);
        cefo_options opt;
        cefo_options_init(&opt);
        opt.diagnose = 0;
        CU_ASSERT_EQUAL(cefo_problem_solve(prob, &opt, &res, &err), CEFO_OK);
        CU_ASSERT_EQUAL(cefo_result_status(res), CEFO_SOLVE_INFEASIBLE);
        CU_ASSERT_EQUAL(cefo_result_diagnosis_count(res), 0);
        cefo_result_free(res);
        cefo_problem_free(prob);
        cefo_network_free(net);
    }
    CU_ASSERT_EQUAL(cefo_network_load_edited(&(cefo_network *){NULL},
                                             path("tests/golden/pollutant-cap.xml"), s,
                                             "no-such-scenario", NULL, 0, &err),
                    CEFO_ERR_ARG);
    cefo_scenarios_free(s);
}

/* Edits from a host (or the command line), applied after the scenario. */
static void test_edits(void)
{
    cefo_error err = {0};
    cefo_solve_status st;
    cefo_edit set = {CEFO_EDIT_SET, "//pollutant[@id='CO2']/@cap", "250", 0};
    ASSERT_CLOSE(solve_edited(NULL, NULL, &set, 1, &st, &err), 1200);
    cefo_edit scale = {CEFO_EDIT_SCALE, "//demand/@amount", NULL, 0.5};
    /* 50 t within cap 125: all dirty (100 t CO2): 500 + 100. */
    ASSERT_CLOSE(solve_edited(NULL, NULL, &scale, 1, &st, &err), 600);
    cefo_edit both[2] = {{CEFO_EDIT_REMOVE, "//process[@id='clean']", NULL, 0},
                         {CEFO_EDIT_SET, "//pollutant/@cap", "200", 0}};
    /* Only dirty left: 100 t, 200 t of CO2 at the new cap: 1000 + 200. */
    ASSERT_CLOSE(solve_edited(NULL, NULL, both, 2, &st, &err), 1200);
    /* Removing the only producer leaves demand unmet: infeasible. */
    ASSERT_CLOSE(solve_edited(NULL, NULL, both, 1, &st, &err), NAN);
    CU_ASSERT_EQUAL(st, CEFO_SOLVE_INFEASIBLE);
    cefo_edit typo = {CEFO_EDIT_SET, "//pollutant[@id='COD']/@cap", "1", 0};
    solve_edited(NULL, NULL, &typo, 1, &st, &err);
    CU_ASSERT_EQUAL(err.code, CEFO_ERR_INVALID);
    CU_ASSERT_STRING_EQUAL(err.file, "command line");
    CU_ASSERT_EQUAL(err.line, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "matches nothing"));
    cefo_edit nan_scale = {CEFO_EDIT_SCALE, "//demand/@amount", NULL, NAN};
    CU_ASSERT_EQUAL(cefo_network_load_edited(&(cefo_network *){NULL},
                                             path("tests/golden/pollutant-cap.xml"), NULL, NULL,
                                             &nan_scale, 1, &err),
                    CEFO_ERR_ARG);
}

/* Bad scenarios: each an error with the scenario file's line, nothing half-applied. */
static void test_bad_scenarios(void)
{
    cefo_scenarios *s = NULL;
    cefo_error err = {0};
    cefo_solve_status st;
    CU_ASSERT_EQUAL_FATAL(cefo_scenarios_load_file(&s, path("tests/scenarios/bad.xml"), &err),
                          CEFO_OK);
    const struct {
        const char *id;
        int line;
        const char *phrase;
    } cases[] = {{"typo", 4, "matches nothing"},
                 {"no-capacity", 7, "no capacity to scale"},
                 {"bad-xpath", 10, "not a valid XPath"},
                 {"breaks-network", 0, "names no material"}};
    for (size_t i = 0; i < 4; i++) {
        memset(&err, 0, sizeof err);
        ASSERT_CLOSE(solve_edited(s, cases[i].id, NULL, 0, &st, &err), NAN);
        int ok = err.code == CEFO_ERR_INVALID && strstr(err.message, cases[i].phrase)
                 && (cases[i].line == 0 || err.line == cases[i].line);
        if (!ok)
            fprintf(stderr, "\n  %s: %s:%d: %s\n", cases[i].id, err.file, err.line, err.message);
        CU_ASSERT(ok);
    }
    cefo_scenarios_free(s);
    /* Not a scenarios file at all. */
    CU_ASSERT_EQUAL(cefo_scenarios_load_file(&s, path("tests/golden/pollutant-cap.xml"), &err),
                    CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(cefo_scenarios_load_file(&s, path("no/such/file.xml"), &err),
                    CEFO_ERR_NOFILE);
}

/* What a selector picks, as model items, and which of them update in place. */
static void test_select(void)
{
    cefo_target t[8];
    size_t n = 0;
    cefo_error err = {0};
    const char *net = path("tests/golden/linked-chain.xml");
    CU_ASSERT_EQUAL(cefo_network_select(net, NULL, NULL, NULL, 0, "//process/@capacity", t, 8,
                                        &n, NULL, &err),
                    CEFO_OK);
    CU_ASSERT_EQUAL(n, 3);
    CU_ASSERT_EQUAL(t[2].kind, CEFO_PROCESS);
    CU_ASSERT_EQUAL(t[2].index, 2);
    CU_ASSERT_STRING_EQUAL(t[2].attribute, "capacity");
    ASSERT_CLOSE(t[2].value, 100);
    CU_ASSERT_EQUAL(cefo_network_select(net, NULL, NULL, NULL, 0,
                                        "//demand[@material='brick']/@amount", t, 8, &n, NULL, &err),
                    CEFO_OK);
    CU_ASSERT_EQUAL(t[0].kind, CEFO_MATERIAL);
    CU_ASSERT_STRING_EQUAL(t[0].attribute, "demand");
    ASSERT_CLOSE(t[0].value + t[0].offset, 40);
    CU_ASSERT_EQUAL(cefo_network_select(net, NULL, NULL, NULL, 0, "//link[2]/@cost", t, 8, &n,
                                        NULL, &err),
                    CEFO_OK);
    CU_ASSERT_EQUAL(t[0].kind, CEFO_LINK);
    CU_ASSERT_EQUAL(t[0].index, 1); /* links in document order */
    CU_ASSERT_EQUAL(cefo_network_select(net, NULL, NULL, NULL, 0, "//process", t, 8, &n, NULL, &err),
                    CEFO_ERR_INVALID);
    /* In place: capacities, demands, damage costs, caps; anything else asks for a rebuild. */
    cefo_network *nw = NULL;
    cefo_problem *prob = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_file(&nw, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, nw, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_problem_set(prob, CEFO_PROCESS, 0, "capacity", 60), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_problem_set(prob, CEFO_MATERIAL, 1, "demand", 30), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_problem_set(prob, CEFO_LINK, 0, "cost", 3), CEFO_ERR_UNSUPPORTED);
    CU_ASSERT_EQUAL(cefo_problem_set(prob, CEFO_PROCESS, 9, "capacity", 60), CEFO_ERR_ARG);
    cefo_problem_free(prob);
    cefo_network_free(nw);
}

static CU_TestInfo scenario_tests[] = {
    {"selectors as model items; in-place parameters", test_select},
    {"scenario file: remove, scale, add, replace", test_scenario_file},
    {"edits from the host", test_edits},
    {"bad scenarios: line and message", test_bad_scenarios},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("scenarios", scenario_tests)
