/* test_scenarios.c - what-if edits: scenario files and edits from a host, effects by hand. */
#include <cefo/cefo.h>
#include <string.h>
#include <time.h>

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

static void assert_target(const cefo_target *t, cefo_item kind, size_t index, const char *attr,
                          double value)
{
    CU_ASSERT_EQUAL(t->kind, kind);
    CU_ASSERT_EQUAL(t->index, index);
    CU_ASSERT_STRING_EQUAL(t->attribute, attr);
    ASSERT_CLOSE(t->value, value);
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
    assert_target(&t[2], CEFO_PROCESS, 2, "capacity", 100);
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

/* Loads pollutant-cap.xml through scenario "s" of the scenarios text `xml`: its status, *err. */
static cefo_status load_with(const char *xml, cefo_error *err)
{
    cefo_scenarios *s = NULL;
    cefo_network *net = NULL;
    cefo_status st = cefo_scenarios_load_memory(&s, xml, strlen(xml), "edits.xml", err);
    if (st == CEFO_OK)
        st = cefo_network_load_edited(&net, path("tests/golden/pollutant-cap.xml"), s, "s", NULL,
                                      0, err);
    cefo_network_free(net);
    cefo_scenarios_free(s);
    return st;
}

#define SCENARIO(edit)                                                                         \
    "<scenarios version=\"1\">\n<scenario id=\"s\">\n" edit "\n</scenario>\n</scenarios>\n"

/* Namespace nodes, comments and text are no place for an edit: an error with the edit's line
 * (a namespace selection crashed add and scale; a comment was called the root element). */
static void test_node_kinds(void)
{
    static const char *const edits[] = {
        SCENARIO("<add sel=\"/network/namespace::*\"><material id=\"x\" unit=\"t\"/></add>"),
        SCENARIO("<scale sel=\"/network/namespace::*\" attr=\"cap\" factor=\"2\"/>"),
        SCENARIO("<scale sel=\"/network/namespace::*\" factor=\"2\"/>"),
        SCENARIO("<remove sel=\"/network/namespace::*\"/>"),
        SCENARIO("<replace sel=\"/network/namespace::*\">5</replace>"),
        SCENARIO("<remove sel=\"//comment()\"/>"),
        SCENARIO("<scale sel=\"//comment()\" attr=\"cap\" factor=\"2\"/>"),
    };
    for (size_t i = 0; i < sizeof edits / sizeof *edits; i++) {
        cefo_error err = {0};
        CU_ASSERT_EQUAL(load_with(edits[i], &err), CEFO_ERR_INVALID);
        CU_ASSERT_STRING_EQUAL(err.file, "edits.xml");
        CU_ASSERT_EQUAL(err.line, 3);
        const char *kind = i < 5 ? "selects a namespace" : "selects a comment at line 2";
        if (!strstr(err.message, kind) || strstr(err.message, "root"))
            fprintf(stderr, "\n  edit %zu: %s\n", i, err.message);
        CU_ASSERT_PTR_NOT_NULL(strstr(err.message, kind));
        CU_ASSERT_PTR_NULL(strstr(err.message, "root"));
    }
}

/* <remove attr=> removes that attribute of the selected elements, not the elements. */
static void test_remove_attr(void)
{
    cefo_error err = {0};
    cefo_solve_status st;
    cefo_scenarios *s = NULL;
    const char *xml = SCENARIO("<remove sel=\"//pollutant\" attr=\"cap\"/>");
    CU_ASSERT_EQUAL_FATAL(cefo_scenarios_load_memory(&s, xml, strlen(xml), "edits.xml", &err),
                          CEFO_OK);
    /* The cap gone, the pollutant kept: all dirty, 10*100 + 1*200. */
    ASSERT_CLOSE(solve_edited(s, "s", NULL, 0, &st, &err), 1200);
    cefo_scenarios_free(s);
    /* An element without that attribute is an error, as for scale. */
    CU_ASSERT_EQUAL(load_with(SCENARIO("<remove sel=\"//process\" attr=\"capacity\"/>"), &err),
                    CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(err.line, 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "has no capacity to remove"));
    /* factor= belongs to scale only. */
    CU_ASSERT_EQUAL(load_with(SCENARIO("<remove sel=\"//pollutant\" factor=\"2\"/>"), &err),
                    CEFO_ERR_INVALID);
}

/* Processor time: what a selector costs, whatever else the machine runs. */
static double seconds(void)
{
    return (double)clock() / CLOCKS_PER_SEC;
}

/* A selector that nests node-set scans (about 40^8 steps here, minutes of work) is stopped
 * with a clear error in well under a few seconds (even under the sanitizers), on edits and on
 * sweep selections alike. */
static void test_costly_xpath(void)
{
    const char *sel = "//node()[count(//node()[count(//node()[count(//node()[count(//node()"
                      "[count(//node()[count(//node()[count(//node())>0])>0])>0])>0])>0])>0])"
                      ">0]/@cap";
    char xml[1024];
    snprintf(xml, sizeof xml, SCENARIO("<remove sel=\"%s\"/>"), sel);
    cefo_error err = {0};
    double t0 = seconds();
    CU_ASSERT_EQUAL(load_with(xml, &err), CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(err.line, 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "takes too much work"));
    cefo_target t[4];
    size_t n;
    CU_ASSERT_EQUAL(cefo_network_select(path("tests/golden/pollutant-cap.xml"), NULL, NULL, NULL,
                                        0, sel, t, 4, &n, NULL, &err),
                    CEFO_ERR_INVALID);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "takes too much work"));
    double took = seconds() - t0;
    if (took >= 5)
        fprintf(stderr, "\n  the costly selectors took %.1f s\n", took);
    CU_ASSERT(took < 5);
}

/* Several <demand> elements of one material: setting each selected one to v. */
static void test_demand_targets(void)
{
    cefo_target t[4];
    size_t n = 0;
    cefo_error err = {0};
    const char *net = path("tests/cli/data/two-demands.xml"); /* 60 + 40 t of widget */
    CU_ASSERT_EQUAL_FATAL(cefo_network_select(net, NULL, NULL, NULL, 0, "//demand/@amount", t, 4,
                                              &n, NULL, &err),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(n, 2);
    /* Both selected: the total is 2 v, whichever target is applied last. */
    for (size_t i = 0; i < 2; i++) {
        CU_ASSERT_STRING_EQUAL(t[i].attribute, "demand");
        ASSERT_CLOSE(t[i].offset + t[i].weight * 50, 100);
        ASSERT_CLOSE(t[i].offset + t[i].weight * 30, 60);
    }
    /* One selected: the other 40 t stay. */
    CU_ASSERT_EQUAL_FATAL(cefo_network_select(net, NULL, NULL, NULL, 0, "//demand[1]/@amount", t,
                                              4, &n, NULL, &err),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(n, 1);
    ASSERT_CLOSE(t[0].offset + t[0].weight * 50, 90);
}

/* Recipe amounts and emission factors are targets that rebuild (not settable in place). */
static void test_child_targets(void)
{
    cefo_target t[4];
    size_t n = 0;
    cefo_error err = {0};
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_network_select(path("tests/golden/pollutant-cap.xml"), NULL, NULL,
                                              NULL, 0, "//process[@id='clean']/emission/@amount",
                                              t, 4, &n, &net, &err),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(n, 1);
    assert_target(&t[0], CEFO_PROCESS, 1, "emission/amount", 0.5);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, &err), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_problem_set(prob, t[0].kind, t[0].index, t[0].attribute, 1),
                    CEFO_ERR_UNSUPPORTED);
    cefo_problem_free(prob);
    cefo_network_free(net);
    CU_ASSERT_EQUAL(cefo_network_select(path("tests/golden/pollutant-cap.xml"), NULL, NULL, NULL,
                                        0, "//process/output/@amount", t, 4, &n, NULL, &err),
                    CEFO_OK);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT_STRING_EQUAL(t[1].attribute, "output/amount");
    CU_ASSERT_EQUAL(cefo_network_select(path("tests/golden/pollutant-cap.xml"), NULL, NULL, NULL,
                                        0, "/network/@version", t, 4, &n, NULL, &err),
                    CEFO_ERR_INVALID);
}

/* A decision's capacity set to 0 and back: the 0 must not lose the matrix entry (GLPK drops
 * zeros). By hand (tests/golden/rectify.expect): rectify at capacity 0 or 50 loses to keep
 * with 40 t imported, 1220; at 100 it is 1188 again. */
static void test_zero_capacity(void)
{
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    size_t rectify;
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_file(&net, path("tests/golden/rectify.xml"), &err),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_network_find(net, CEFO_PROCESS, "plating-rectify", &rectify),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, &err), CEFO_OK);
    const double caps[] = {0, 50, 100, 0, 100}, want[] = {1220, 1220, 1188, 1220, 1188};
    for (size_t i = 0; i < 5; i++) {
        CU_ASSERT_EQUAL(cefo_problem_set_capacity(prob, rectify, caps[i]), CEFO_OK);
        CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, NULL, &res, &err), CEFO_OK);
        ASSERT_CLOSE(cefo_result_objective(res), want[i]);
        cefo_result_free(res);
    }
    cefo_problem_free(prob);
    cefo_network_free(net);
    /* Built at capacity 0 (no entry at first), then raised. */
    cefo_edit zero = {CEFO_EDIT_SET, "//process[@id='plating-rectify']/@capacity", "0", 0};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_edited(&net, path("tests/golden/rectify.xml"), NULL,
                                                   NULL, &zero, 1, &err),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, &err), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_problem_set_capacity(prob, rectify, 100), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, NULL, &res, &err), CEFO_OK);
    ASSERT_CLOSE(cefo_result_objective(res), 1188);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/* A value an edit wrote that the network's checks refuse is blamed on the edit. */
static void test_edit_blame(void)
{
    cefo_error err = {0};
    cefo_solve_status st;
    cefo_edit set[2] = {{CEFO_EDIT_SCALE, "//demand/@amount", NULL, 2},
                        {CEFO_EDIT_SET, "//pollutant[@id='CO2']/@cap", "-3", 0}};
    solve_edited(NULL, NULL, set, 2, &st, &err);
    CU_ASSERT_EQUAL(err.code, CEFO_ERR_INVALID);
    CU_ASSERT_STRING_EQUAL(err.file, "command line");
    CU_ASSERT_EQUAL(err.line, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "pollutant-cap.xml:5"));
    cefo_edit scale = {CEFO_EDIT_SCALE, "//demand/@amount", NULL, 0.5};
    ASSERT_CLOSE(solve_edited(NULL, NULL, &scale, 1, &st, &err), 600);
    /* An element added by a scenario: its own line in the scenario file. */
    CU_ASSERT_EQUAL(load_with(SCENARIO("<add sel=\"/network\">\n"
                                       "<process id=\"p\" cost=\"-1\"/></add>"),
                              &err),
                    CEFO_ERR_INVALID);
    CU_ASSERT_STRING_EQUAL(err.file, "edits.xml");
    CU_ASSERT_EQUAL(err.line, 4);
}

/* A network records where it came from: its file, the scenario applied (id, name, scenarios
 * file) and the edits after it, in order; a network read from bytes the name it was given. */
static void test_source(void)
{
    cefo_error err = {0};
    cefo_scenarios *s = NULL;
    cefo_network *net = NULL;
    const char *file = path("tests/golden/pollutant-cap.xml");
    const char *sfile = path("tests/scenarios/cap-cases.xml");
    CU_ASSERT_EQUAL_FATAL(cefo_scenarios_load_file(&s, sfile, &err), CEFO_OK);
    cefo_edit e[2] = {{CEFO_EDIT_SET, "//pollutant/@cap", "200", 0},
                      {CEFO_EDIT_SCALE, "//demand/@amount", NULL, 0.5}};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_edited(&net, file, s, "no-cap", e, 2, &err), CEFO_OK);
    cefo_scenarios_free(s); /* the record is the network's own */
    CU_ASSERT_STRING_EQUAL(cefo_network_file(net), file);
    CU_ASSERT_STRING_EQUAL(cefo_network_scenario(net), "no-cap");
    CU_ASSERT_STRING_EQUAL(cefo_network_scenario_name(net), "the CO2 cap lifted");
    CU_ASSERT_STRING_EQUAL(cefo_network_scenarios_file(net), sfile);
    CU_ASSERT_EQUAL_FATAL(cefo_network_edit_count(net), 2);
    cefo_edit got;
    CU_ASSERT_EQUAL(cefo_network_edit(net, 0, &got), CEFO_OK);
    CU_ASSERT_EQUAL(got.kind, CEFO_EDIT_SET);
    CU_ASSERT_STRING_EQUAL(got.sel, "//pollutant/@cap");
    CU_ASSERT_STRING_EQUAL(got.value, "200");
    CU_ASSERT_EQUAL(cefo_network_edit(net, 1, &got), CEFO_OK);
    CU_ASSERT_EQUAL(got.kind, CEFO_EDIT_SCALE);
    CU_ASSERT_STRING_EQUAL(got.sel, "//demand/@amount");
    CU_ASSERT_PTR_NULL(got.value);
    CU_ASSERT_EQUAL(got.factor, 0.5);
    CU_ASSERT_EQUAL(cefo_network_edit(net, 2, &got), CEFO_ERR_ARG);
    cefo_network_free(net);
    /* Without a scenario or edits: only the file. */
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_file(&net, file, &err), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(cefo_network_file(net), file);
    CU_ASSERT_PTR_NULL(cefo_network_scenario(net));
    CU_ASSERT_PTR_NULL(cefo_network_scenario_name(net));
    CU_ASSERT_PTR_NULL(cefo_network_scenarios_file(net));
    CU_ASSERT_EQUAL(cefo_network_edit_count(net), 0);
    cefo_network_free(net);
    /* From bytes, edited: the name given stands for the file. */
    static const char doc[] = "<network version=\"1\"><material id=\"w\" unit=\"t\"/>"
                              "<pollutant id=\"CO2\" unit=\"t\" cap=\"5\"/>"
                              "<process id=\"p\" cost=\"1\"><output material=\"w\" "
                              "amount=\"1\"/></process></network>";
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_edited_memory(&net, doc, sizeof doc - 1,
                                                          "standard input", NULL, NULL, e, 1,
                                                          &err), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(cefo_network_file(net), "standard input");
    CU_ASSERT_EQUAL(cefo_network_edit_count(net), 1);
    cefo_network_free(net);
    CU_ASSERT_PTR_NULL(cefo_network_file(NULL));
    CU_ASSERT_EQUAL(cefo_network_edit_count(NULL), 0);
}

static CU_TestInfo scenario_tests[] = {
    {"a network records its file, scenario and edits", test_source},
    {"selectors as model items; in-place parameters", test_select},
    {"scenario file: remove, scale, add, replace", test_scenario_file},
    {"edits from the host", test_edits},
    {"bad scenarios: line and message", test_bad_scenarios},
    {"namespace, comment and text selections refused", test_node_kinds},
    {"remove attr= removes the attribute", test_remove_attr},
    {"a costly selector is stopped", test_costly_xpath},
    {"several demands of one material", test_demand_targets},
    {"recipe amounts and emission factors as targets", test_child_targets},
    {"a decision's capacity through 0", test_zero_capacity},
    {"edits blamed for what they wrote", test_edit_blame},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("scenarios", scenario_tests)
