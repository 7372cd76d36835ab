/* test_periods.c - plans over several periods (spec section 6): bad input with status and
 * line, and optima derived by hand (each derivation is in the comment above its test). */
#include <cefo/cefo.h>
#include <string.h>

#include "testutil.h"

#define HEAD "<?xml version=\"1.0\"?>\n<network version=\"1\">\n"
#define PERIODS "<periods discount-rate=\"0.1\"><period id=\"y1\"/><period id=\"y2\"/></periods>\n"
#define MAT "<material id=\"m\" unit=\"t\" import-cost=\"100\"/>\n"
#define MAT10 "<material id=\"m\" unit=\"t\" import-cost=\"10\"/>\n"
#define TAIL "</network>\n"

static const invalid_case bad_cases[] = {
    {"an unknown period", HEAD PERIODS MAT "<pollutant id=\"k\" unit=\"t\" cap=\"5\">\n"
     "<at period=\"y9\" cap=\"3\"/>\n</pollutant>\n" TAIL, 6, "period=\"y9\" names no period"},
    {"an attribute the parent does not have", HEAD PERIODS MAT
     "<pollutant id=\"k\" unit=\"t\" cap=\"5\">\n<at period=\"y2\" capacity=\"3\"/>\n</pollutant>\n"
     TAIL, 6, "cannot set 'capacity'"},
    {"an <at> of a process setting an id", HEAD PERIODS MAT
     "<process id=\"p\" capacity=\"4\">\n<output material=\"m\" amount=\"1\"/>\n"
     "<at period=\"y2\" sector=\"x\"/>\n</process>\n" TAIL, 7, "cannot set 'sector'"},
    {"an order naming a non-member", HEAD PERIODS MAT
     "<process id=\"a\" group=\"f\" variant=\"keep\" capacity=\"4\"><output material=\"m\" amount=\"1\"/></process>\n"
     "<process id=\"b\" group=\"f\" variant=\"clean\" capacity=\"4\"><output material=\"m\" amount=\"1\"/></process>\n"
     "\n<group id=\"f\" order=\"keep relocate\"/>\n" TAIL, 8,
     "order names 'relocate', which is not a variant"},
    {"an order leaving a member out", HEAD PERIODS MAT
     "<process id=\"a\" group=\"f\" variant=\"keep\" capacity=\"4\"><output material=\"m\" amount=\"1\"/></process>\n"
     "<process id=\"b\" group=\"f\" variant=\"clean\" capacity=\"4\"><output material=\"m\" amount=\"1\"/></process>\n"
     "<group id=\"f\" order=\"keep\"/>\n" TAIL, 6, "does not name its variant 'clean'"},
    {"a group no process is in", HEAD PERIODS MAT "<group id=\"g\" order=\"keep\"/>\n"
     "<process id=\"p\"><output material=\"m\" amount=\"1\"/></process>\n" TAIL, 5,
     "no process is a member of group 'g'"},
    {"<at> without periods", HEAD MAT "<pollutant id=\"k\" unit=\"t\" cap=\"5\">\n"
     "<at period=\"y1\" cap=\"3\"/>\n</pollutant>\n" TAIL, 5, "needs <periods>"},
    {"an investment without periods", HEAD MAT
     "<process id=\"p\" optional=\"true\" capacity=\"4\" investment=\"9\">\n"
     "<output material=\"m\" amount=\"1\"/></process>\n" TAIL, 4, "investment needs <periods>"},
    {"an investment on no decision", HEAD PERIODS MAT
     "<process id=\"p\" capacity=\"4\" investment=\"9\">\n"
     "<output material=\"m\" amount=\"1\"/></process>\n" TAIL, 5, "is no decision"},
    {"a lifetime of 0", HEAD PERIODS MAT
     "<process id=\"p\" optional=\"true\" capacity=\"4\" lifetime=\"0\">\n"
     "<output material=\"m\" amount=\"1\"/></process>\n" TAIL, 5, "lifetime must be above 0"},
    {"a duplicate period", HEAD "<periods>\n<period id=\"y1\"/>\n<period id=\"y1\"/>\n</periods>\n"
     MAT TAIL, 5, "duplicate period id 'y1'"},
    {"no period", HEAD "<periods discount-rate=\"0.1\">\n</periods>\n" MAT TAIL, 3,
     "needs at least one <period>"},
    {"years of 0", HEAD "<periods>\n<period id=\"y1\" years=\"0\"/>\n</periods>\n" MAT TAIL, 4,
     "years must be above 0"},
    {"a step twice in one period", HEAD PERIODS MAT "<pollutant id=\"k\" unit=\"t\" cap=\"5\">\n"
     "<at period=\"y2\" cap=\"3\"/>\n<at period=\"y2\" cap=\"4\"/>\n</pollutant>\n" TAIL, 7,
     "set twice for period 'y2'"},
    {"a step below a minimum", HEAD PERIODS MAT
     "<process id=\"p\" capacity=\"4\" min=\"2\">\n<output material=\"m\" amount=\"1\"/>\n"
     "<at period=\"y2\" capacity=\"1\"/>\n</process>\n" TAIL, 5,
     "in period 'y2': min 2 exceeds capacity 1"},
    {"a total budget that steps", HEAD PERIODS MAT
     "<resource id=\"fund\" unit=\"k\" max=\"9\" scope=\"total\">\n<at period=\"y2\" max=\"3\"/>\n"
     "</resource>\n<process id=\"p\"><output material=\"m\" amount=\"1\"/></process>\n" TAIL, 6,
     "scope=\"total\""},
    {"a total scope without periods", HEAD MAT
     "<resource id=\"fund\" unit=\"k\" max=\"9\" scope=\"total\"/>\n"
     "<process id=\"p\"><output material=\"m\" amount=\"1\"/></process>\n" TAIL, 4,
     "scope=\"total\" needs <periods>"},
    {"a demand step of an unknown period", HEAD PERIODS MAT
     "<process id=\"p\"><output material=\"m\" amount=\"1\"/></process>\n"
     "<demand material=\"m\" amount=\"1\">\n<at period=\"2013\" amount=\"2\"/></demand>\n" TAIL, 7,
     "names no period"},
};

static void test_bad_inputs(void)
{
    check_invalid_networks(bad_cases, sizeof bad_cases / sizeof *bad_cases);
}


/* Loads, builds and solves `xml`; the result (CU failure and NULL when any step fails). */
static cefo_result *solve_xml(const char *xml, cefo_network **net)
{
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    *net = NULL;
    if (cefo_network_load_memory(net, xml, strlen(xml), "t.xml", &err) != CEFO_OK
        || cefo_problem_build(&prob, *net, &err) != CEFO_OK
        || cefo_problem_solve(prob, test_options(), &res, &err) != CEFO_OK)
        fprintf(stderr, "\n  %s:%d: %s\n", err.file, err.line, err.message);
    CU_ASSERT_PTR_NOT_NULL(res);
    cefo_problem_free(prob);
    return res;
}

static double objective_of(const char *xml)
{
    cefo_network *net;
    cefo_result *res = solve_xml(xml, &net);
    double z = res && cefo_result_status(res) == CEFO_SOLVE_OPTIMAL ? cefo_result_objective(res)
                                                                   : NAN;
    cefo_result_free(res);
    cefo_network_free(net);
    return z;
}

/* The cost term `key` of a result (NAN when it has none). */
static double cost_term(const cefo_result *res, const char *key)
{
    for (size_t i = 0; i < cefo_result_cost_count(res); i++) {
        cefo_cost_term t;
        cefo_result_cost_term(res, i, &t);
        if (strcmp(t.key, key) == 0)
            return t.value;
    }
    return NAN;
}

/*
 * Discounting. Rate 0.1; y1 of 1 year, y2 of 2 years (starting 1 year in). m is only
 * imported at 10, demand 3 in y1 and 5 from y2:
 *   y1: 10 x 3 = 30, weight 1;  y2: 10 x 5 = 50 per year, weight 2 x 1.1^-1.
 *   objective = 30 + 100 / 1.1 = 120.909090...; each period's own cost 30 and 50, and the
 *   shadow price of m in each is 10 per unit (per year, in that period's money).
 */
static void test_discounting(void)
{
    const char *xml = HEAD "<periods discount-rate=\"0.1\"><period id=\"y1\"/>"
                           "<period id=\"y2\" years=\"2\"/></periods>\n" MAT10
                           "<demand material=\"m\" amount=\"3\"><at period=\"y2\" amount=\"5\"/>"
                           "</demand>\n" TAIL;
    cefo_network *net;
    cefo_result *res = solve_xml(xml, &net);
    if (!res)
        return;
    ASSERT_CLOSE(cefo_result_objective(res), 30 + 100 / 1.1);
    CU_ASSERT_EQUAL_FATAL(cefo_result_period_count(res), 2);
    cefo_period_info a, b;
    CU_ASSERT_EQUAL(cefo_result_period_info(res, 0, &a), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_result_period_info(res, 1, &b), CEFO_OK);
    ASSERT_CLOSE(a.objective, 30);
    ASSERT_CLOSE(b.objective, 50);
    ASSERT_CLOSE(b.discount, 1 / 1.1);
    ASSERT_CLOSE(b.start, 1);
    ASSERT_CLOSE(a.discounted + b.discounted, cefo_result_objective(res));
    cefo_material_result m;
    CU_ASSERT_EQUAL(cefo_result_material(cefo_result_period(res, 1), 0, &m), CEFO_OK);
    ASSERT_CLOSE(m.import, 5);
    ASSERT_CLOSE(m.shadow_price, 10);
    /* the programme's import: 3 x 1 + 5 x 2 years */
    CU_ASSERT_EQUAL(cefo_result_material(res, 0, &m), CEFO_OK);
    ASSERT_CLOSE(m.import, 13);
    CU_ASSERT_PTR_NULL(cefo_result_period(res, 2));
    cefo_result_free(res);
    cefo_network_free(net);
}

/*
 * An investment paid once. Rate 0.1, three 1-year periods, demand 4 of m each; import at 10,
 * or an optional plant p (cost 1, investment 50, capacity 10).
 *   Built in y1: 50 + 4 (1 + 1/1.1 + 1/1.21) = 60.942148...; built in y2: 40 + 54/1.1 +
 *   4/1.21 = 92.40; never: 40 (1 + 1/1.1 + 1/1.21) = 109.42. So y1, the investment (50) in
 *   y1's costs only, and the programme's investment term 50.
 * With lifetime="2" the build of y1 serves y1 and y2 only (y3 starts 2 years after it):
 *   rebuild in y3: 50 + 4 + 4/1.1 + 54/1.21 = 102.27; import in y3: 50 + 4 + 4/1.1 + 40/1.21
 *   = 90.694214...; build in y2 for y2 and y3: 40 + 54/1.1 + 4/1.21 = 92.40. So 90.694214,
 *   with p off in y3.
 */
#define PLANT(extra) "<process id=\"p\" optional=\"true\" capacity=\"10\" cost=\"1\" " \
    "investment=\"50\"" extra "><output material=\"m\" amount=\"1\"/></process>\n"
#define THREE "<periods discount-rate=\"0.1\"><period id=\"y1\"/><period id=\"y2\"/>" \
    "<period id=\"y3\"/></periods>\n"
static void test_investment_once(void)
{
    const char *xml = HEAD THREE MAT10 PLANT("") "<demand material=\"m\" amount=\"4\"/>\n" TAIL;
    cefo_network *net;
    cefo_result *res = solve_xml(xml, &net);
    if (!res)
        return;
    ASSERT_CLOSE(cefo_result_objective(res), 50 + 4 * (1 + 1 / 1.1 + 1 / 1.21));
    ASSERT_CLOSE(cost_term(res, "investment"), 50);
    ASSERT_CLOSE(cost_term(cefo_result_period(res, 0), "investment"), 50);
    ASSERT_CLOSE(cost_term(cefo_result_period(res, 1), "investment"), 0);
    ASSERT_CLOSE(cost_term(cefo_result_period(res, 2), "investment"), 0);
    ASSERT_CLOSE(cost_term(res, "total"), cefo_result_objective(res));
    cefo_result_free(res);
    cefo_network_free(net);
}

static void test_lifetime_ends(void)
{
    const char *xml = HEAD THREE MAT10 PLANT(" lifetime=\"2\"")
        "<demand material=\"m\" amount=\"4\"/>\n" TAIL;
    cefo_network *net;
    cefo_result *res = solve_xml(xml, &net);
    if (!res)
        return;
    ASSERT_CLOSE(cefo_result_objective(res), 50 + 4 + 4 / 1.1 + 40 / 1.21);
    cefo_process_result p;
    CU_ASSERT_EQUAL(cefo_result_process(cefo_result_period(res, 1), 0, &p), CEFO_OK);
    CU_ASSERT_EQUAL(p.chosen, 1);
    CU_ASSERT_EQUAL(cefo_result_process(cefo_result_period(res, 2), 0, &p), CEFO_OK);
    CU_ASSERT_EQUAL(p.chosen, 0);
    ASSERT_CLOSE(p.activity, 0);
    cefo_result_free(res);
    cefo_network_free(net);
}

/*
 * Periods of several years and a plant built late. Rate 0.1; y1 of 2 years (start 0,
 * discount 1), y2 of 3 years (start 2, discount 1.1^-2 = 1/1.21). m: import at 10, or the
 * optional plant p (cost 1, investment 50, capacity 10); demand 0 in y1, 10 from y2.
 *   never built: 10 x 10 x 3 / 1.21 = 247.93...;  built in y1: 50 + 1 x 10 x 3 / 1.21
 *   = 74.79...;  built in y2: (50 + 1 x 10 x 3) / 1.21 = 80 / 1.21 = 66.115702...
 * So p is off in y1 and on in y2: part of the programme (on in some period). The programme
 * runs it 10 x 3 years = 30; its investment term is 50 / 1.21 (the discount only); y2's
 * discounted cost 3 / 1.21 x 10 (a year's running cost) + 50 / 1.21 (the investment once) =
 * 80 / 1.21, y1's 0.
 */
static void test_long_periods(void)
{
    const char *xml = HEAD "<periods discount-rate=\"0.1\"><period id=\"y1\" years=\"2\"/>"
                           "<period id=\"y2\" years=\"3\"/></periods>\n" MAT10 PLANT("")
                           "<demand material=\"m\" amount=\"0\"><at period=\"y2\" amount=\"10\"/>"
                           "</demand>\n" TAIL;
    cefo_network *net;
    cefo_result *res = solve_xml(xml, &net);
    if (!res)
        return;
    ASSERT_CLOSE(cefo_result_objective(res), 80 / 1.21);
    cefo_period_info a, b;
    CU_ASSERT_EQUAL(cefo_result_period_info(res, 0, &a), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_result_period_info(res, 1, &b), CEFO_OK);
    ASSERT_CLOSE(b.start, 2);
    ASSERT_CLOSE(b.discount, 1 / 1.21);
    ASSERT_CLOSE(a.discounted, 0);
    ASSERT_CLOSE(b.discounted, 80 / 1.21);
    ASSERT_CLOSE(cost_term(res, "investment"), 50 / 1.21);
    ASSERT_CLOSE(cost_term(res, "total"), 80 / 1.21);
    cefo_process_result p;
    CU_ASSERT_EQUAL(cefo_result_process(cefo_result_period(res, 0), 0, &p), CEFO_OK);
    CU_ASSERT_EQUAL(p.chosen, 0);
    CU_ASSERT_EQUAL(cefo_result_process(res, 0, &p), CEFO_OK);
    CU_ASSERT_EQUAL(p.chosen, 1);
    ASSERT_CLOSE(p.activity, 30);
    cefo_result_free(res);
    cefo_network_free(net);
}

/*
 * A cap tight in one period only. Rate 0, three periods, demand 5 of m (no import). Firm f:
 * "keep" (cost 1, 1 t COD per unit) or "clean" (cost 3, no COD), capacity 10 each. The COD
 * cap is 10, 0 in y2 only.
 *   Free to switch back: keep, clean, keep = 5 + 15 + 5 = 25.
 *   order="keep clean" (never back): keep, clean, clean = 5 + 15 + 15 = 35 (all clean: 45).
 */
#define FIRM "<pollutant id=\"COD\" unit=\"t\" cap=\"10\"><at period=\"y2\" cap=\"0\"/>" \
    "<at period=\"y3\" cap=\"10\"/></pollutant>\n<material id=\"m\" unit=\"t\"/>\n" \
    "<process id=\"f-keep\" group=\"f\" variant=\"keep\" capacity=\"10\" cost=\"1\">" \
    "<output material=\"m\" amount=\"1\"/><emission pollutant=\"COD\" amount=\"1\"/></process>\n" \
    "<process id=\"f-clean\" group=\"f\" variant=\"clean\" capacity=\"10\" cost=\"3\">" \
    "<output material=\"m\" amount=\"1\"/></process>\n<demand material=\"m\" amount=\"5\"/>\n"
#define THREE0 "<periods><period id=\"y1\"/><period id=\"y2\"/><period id=\"y3\"/></periods>\n"
static void check_trajectory(const char *xml, double want, const char *const *states)
{
    cefo_network *net;
    cefo_result *res = solve_xml(xml, &net);
    if (!res)
        return;
    ASSERT_CLOSE(cefo_result_objective(res), want);
    for (size_t t = 0; t < 3; t++) {
        cefo_group_result g;
        CU_ASSERT_EQUAL(cefo_result_trajectory(res, 0, t, &g), CEFO_OK);
        CU_ASSERT(states[t] ? g.variant && strcmp(g.variant, states[t]) == 0 : !g.chosen);
    }
    cefo_result_free(res);
    cefo_network_free(net);
}

static void test_cap_one_period(void)
{
    static const char *const back[] = {"keep", "clean", "keep"};
    static const char *const forward[] = {"keep", "clean", "clean"};
    check_trajectory(HEAD THREE0 FIRM TAIL, 25, back);
    check_trajectory(HEAD THREE0 FIRM "<group id=\"f\" order=\"keep clean\"/>\n" TAIL, 35, forward);
}

/*
 * A closed firm never reopens. As above without "clean": the cap 0 in y2 stops f, and m may
 * be imported at 20; keeping f open costs 1 per period (fixed-cost), idle or not.
 *   Reversible: keep (5 + 1), closed (100), keep (5 + 1) = 112.
 *   order="keep": closing is for good, so f stays open but idle in y2:
 *   6 + (100 + 1) + 6 = 113 (closing for good: 6 + 100 + 100 = 206).
 */
static void test_closed_stays_closed(void)
{
    const char *base = HEAD THREE0
        "<pollutant id=\"COD\" unit=\"t\" cap=\"10\"><at period=\"y2\" cap=\"0\"/>"
        "<at period=\"y3\" cap=\"10\"/></pollutant>\n"
        "<material id=\"m\" unit=\"t\" import-cost=\"20\"/>\n"
        "<process id=\"f-keep\" group=\"f\" variant=\"keep\" capacity=\"10\" cost=\"1\" "
        "fixed-cost=\"1\"><output material=\"m\" amount=\"1\"/>"
        "<emission pollutant=\"COD\" amount=\"1\"/></process>\n"
        "<demand material=\"m\" amount=\"5\"/>\n";
    char xml[2048];
    static const char *const reopened[] = {"keep", NULL, "keep"};
    static const char *const kept[] = {"keep", "keep", "keep"};
    check_trajectory(strcat(strcpy(xml, base), TAIL), 112, reopened);
    check_trajectory(strcat(strcat(strcpy(xml, base), "<group id=\"f\" order=\"keep\"/>\n"), TAIL),
                     113, kept);
}

/*
 * Step functions. Rate 0, four periods, demand 5 of m; import at 10, or p (cost 1, 1 t COD per
 * unit, damage-cost 0) with capacity 2, stepping to 6 from y2; damage-cost 20 from y3 on.
 *   y1: 2 x 1 + 3 x 10 = 32;  y2: 5 x 1 = 5;  y3 and y4 (steps persist): p costs 21 > 10,
 *   so 50 each. Total 137.
 */
static void test_steps(void)
{
    const char *xml = HEAD "<periods><period id=\"y1\"/><period id=\"y2\"/><period id=\"y3\"/>"
        "<period id=\"y4\"/></periods>\n"
        "<pollutant id=\"COD\" unit=\"t\"><at period=\"y3\" damage-cost=\"20\"/></pollutant>\n" MAT10
        "<process id=\"p\" capacity=\"2\" cost=\"1\"><output material=\"m\" amount=\"1\"/>"
        "<emission pollutant=\"COD\" amount=\"1\"/><at period=\"y2\" capacity=\"6\"/></process>\n"
        "<demand material=\"m\" amount=\"5\"/>\n" TAIL;
    cefo_network *net;
    cefo_result *res = solve_xml(xml, &net);
    if (!res)
        return;
    ASSERT_CLOSE(cefo_result_objective(res), 137);
    const double want[] = {32, 5, 50, 50}, cap[] = {2, 6, 6, 6};
    for (size_t t = 0; t < 4; t++) {
        cefo_period_info info;
        cefo_process_result p;
        CU_ASSERT_EQUAL(cefo_result_period_info(res, t, &info), CEFO_OK);
        ASSERT_CLOSE(info.objective, want[t]);
        CU_ASSERT_EQUAL(cefo_result_process(cefo_result_period(res, t), 0, &p), CEFO_OK);
        ASSERT_CLOSE(p.capacity, cap[t]);
    }
    cefo_result_free(res);
    cefo_network_free(net);
}

/*
 * A budget over the programme. Rate 0, three periods; m1 and m2, demand 4 each, import at
 * 10; plants p1 -> m1 and p2 -> m2 (optional, cost 1, investment 50, sector s). A fund counts
 * the investments, max 60:
 *   no fund: both built in y1: 100 + 2 x 4 x 3 = 124;
 *   max 60 per period: p1 in y1, p2 in y2: (50 + 4 + 40) + (50 + 8) + 8 = 160;
 *   max 60 over the programme (scope="total"): one plant only: 50 + 12 + 120 = 182.
 */
#define TWO_PLANTS "<material id=\"m1\" unit=\"t\" import-cost=\"10\"/>\n" \
    "<material id=\"m2\" unit=\"t\" import-cost=\"10\"/>\n" \
    "<process id=\"p1\" sector=\"s\" optional=\"true\" capacity=\"10\" cost=\"1\" investment=\"50\">" \
    "<output material=\"m1\" amount=\"1\"/></process>\n" \
    "<process id=\"p2\" sector=\"s\" optional=\"true\" capacity=\"10\" cost=\"1\" investment=\"50\">" \
    "<output material=\"m2\" amount=\"1\"/></process>\n" \
    "<demand material=\"m1\" amount=\"4\"/><demand material=\"m2\" amount=\"4\"/>\n"
#define FUND(scope) "<resource id=\"fund\" unit=\"k\" max=\"60\"" scope ">" \
    "<term sector=\"s\" of=\"investment\"/></resource>\n"
static void test_total_budget(void)
{
    ASSERT_CLOSE(objective_of(HEAD THREE0 TWO_PLANTS TAIL), 124);
    ASSERT_CLOSE(objective_of(HEAD THREE0 FUND("") TWO_PLANTS TAIL), 160);
    ASSERT_CLOSE(objective_of(HEAD THREE0 FUND(" scope=\"total\"") TWO_PLANTS TAIL), 182);
    cefo_network *net;
    cefo_result *res = solve_xml(HEAD THREE0 FUND(" scope=\"total\"") TWO_PLANTS TAIL, &net);
    if (!res)
        return;
    cefo_resource_result r;
    CU_ASSERT_EQUAL(cefo_result_resource(res, 0, &r), CEFO_OK);
    ASSERT_CLOSE(r.use, 50);
    ASSERT_CLOSE(r.max, 60);
    cefo_result_free(res);
    cefo_network_free(net);
}

/* A network with one period of one year and no discount is the network without periods:
 * the same optimum and the same plan, for every golden network listed. */
static void test_single_period(void)
{
    static const char *const files[] = {"tests/golden/resource-jobs.xml",
                                        "examples/rectification.xml",
                                        "examples/zhenan-cluster.xml"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char path[1024];
        FILE *fp = fopen(source_path(path, sizeof path, files[i]), "rb");
        CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
        static char xml[1 << 20], one[(1 << 20) + 200];
        size_t n = fread(xml, 1, sizeof xml - 1, fp);
        fclose(fp);
        xml[n] = '\0';
        char *root = strstr(xml, "<network");
        char *close = root ? strchr(root, '>') : NULL;
        CU_ASSERT_PTR_NOT_NULL_FATAL(close);
        size_t head = (size_t)(close - xml) + 1;
        snprintf(one, sizeof one, "%.*s<periods><period id=\"only\"/></periods>%s", (int)head, xml,
                 xml + head);
        cefo_network *a, *b;
        cefo_result *ra = solve_xml(xml, &a), *rb = solve_xml(one, &b);
        if (ra && rb) {
            ASSERT_CLOSE(cefo_result_objective(rb), cefo_result_objective(ra));
            const cefo_result *p = cefo_result_period(rb, 0);
            ASSERT_CLOSE(cefo_result_objective(p), cefo_result_objective(ra));
            for (size_t j = 0; j < cefo_result_count(ra, CEFO_POLLUTANT); j++) {
                cefo_pollutant_result x, y;
                cefo_result_pollutant(ra, j, &x);
                cefo_result_pollutant(p, j, &y);
                ASSERT_CLOSE(y.emission, x.emission);
            }
        }
        cefo_result_free(ra);
        cefo_result_free(rb);
        cefo_network_free(a);
        cefo_network_free(b);
    }
}

/* The diagnosis names the period: capacity 10, 2 from y2 on, demand 5 and no import. */
static void test_diagnosis_names_period(void)
{
    const char *xml = HEAD PERIODS "<material id=\"m\" unit=\"t\"/>\n"
        "<process id=\"p\" capacity=\"10\"><output material=\"m\" amount=\"1\"/>"
        "<at period=\"y2\" capacity=\"2\"/></process>\n<demand material=\"m\" amount=\"5\"/>\n" TAIL;
    cefo_network *net;
    cefo_result *res = solve_xml(xml, &net);
    if (!res)
        return;
    CU_ASSERT_EQUAL(cefo_result_status(res), CEFO_SOLVE_INFEASIBLE);
    CU_ASSERT_EQUAL_FATAL(cefo_result_diagnosis_count(res), 1);
    cefo_diagnosis_item d;
    cefo_result_diagnosis(res, 0, &d);
    CU_ASSERT(strstr(d.message, "in period 'y2'") != NULL);
    ASSERT_CLOSE(d.amount, 3);
    cefo_result_free(res);
    cefo_network_free(net);
}

/*
 * In place over periods: an update moves the network's own value, so it reaches the periods
 * before the attribute's first step. The network of test_steps (137): capacity 4 instead of
 * 2 reaches y1 only (6 from y2): y1 4 + 1 x 10 = 14, total 119. Then damage-cost 5 reaches
 * y1 and y2 (20 from y3): p costs 6 < 10, y1 4 x 6 + 10 = 34, y2 5 x 6 = 30: total 164. A
 * demand that steps cannot move as one number: unsupported.
 */
static void test_in_place(void)
{
    const char *xml = HEAD "<periods><period id=\"y1\"/><period id=\"y2\"/><period id=\"y3\"/>"
        "<period id=\"y4\"/></periods>\n"
        "<pollutant id=\"COD\" unit=\"t\"><at period=\"y3\" damage-cost=\"20\"/></pollutant>\n" MAT10
        "<process id=\"p\" capacity=\"2\" cost=\"1\"><output material=\"m\" amount=\"1\"/>"
        "<emission pollutant=\"COD\" amount=\"1\"/><at period=\"y2\" capacity=\"6\"/></process>\n"
        "<demand material=\"m\" amount=\"5\"><at period=\"y4\" amount=\"5\"/></demand>\n" TAIL;
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, xml, strlen(xml), "t.xml", &err), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, &err), CEFO_OK);
    const double want[] = {137, 119, 164};
    for (int i = 0; i < 3; i++) {
        if (i == 1)
            CU_ASSERT_EQUAL(cefo_problem_update(prob, CEFO_PROCESS, 0, "capacity", 4, &err), CEFO_OK);
        if (i == 2)
            CU_ASSERT_EQUAL(cefo_problem_update(prob, CEFO_POLLUTANT, 0, "damage-cost", 5, &err),
                            CEFO_OK);
        CU_ASSERT_EQUAL(cefo_problem_solve(prob, test_options(), &res, &err), CEFO_OK);
        if (res)
            ASSERT_CLOSE(cefo_result_objective(res), want[i]);
        cefo_result_free(res);
        res = NULL;
    }
    CU_ASSERT_EQUAL(cefo_problem_update(prob, CEFO_MATERIAL, 0, "demand", 7, &err),
                    CEFO_ERR_UNSUPPORTED);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

static CU_TestInfo period_tests[] = {
    {"bad periods, steps and orders: status, line, message", test_bad_inputs},
    {"discounting", test_discounting},
    {"an investment paid once", test_investment_once},
    {"a lifetime ending", test_lifetime_ends},
    {"periods of several years, a plant built late", test_long_periods},
    {"a cap tight in one period, with and without an order", test_cap_one_period},
    {"a closed firm never reopens", test_closed_stays_closed},
    {"step functions persist until the next step", test_steps},
    {"a budget per period and over the programme", test_total_budget},
    {"one period is the network without periods", test_single_period},
    {"the diagnosis names the period", test_diagnosis_names_period},
    {"updates in place reach the periods before a step", test_in_place},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("periods", period_tests)
