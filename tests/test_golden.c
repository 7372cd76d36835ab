/* test_golden.c - small networks whose optimum was derived by hand (tests/golden/NAME.expect). */
#include <cefo/cefo.h>
#include <string.h>

#include "json_valid.h"
#include "testutil.h"

/* The value a key of a .expect file names, read through the public API. */
static int lookup(const cefo_result *res, const char *key, double *v)
{
    char kind[32], id[128], field[64];
    const char *dot = strchr(key, '.');
    const char *last = strrchr(key, '.');
    if (strcmp(key, "objective") == 0) {
        *v = cefo_result_objective(res);
        return 1;
    }
    if (strcmp(key, "gap") == 0) {
        *v = cefo_result_gap(res);
        return 1;
    }
    if (!dot || dot == last || (size_t)(dot - key) >= sizeof kind)
        goto cost_or_indicator;
    snprintf(kind, sizeof kind, "%.*s", (int)(dot - key), key);
    snprintf(id, sizeof id, "%.*s", (int)(last - dot - 1), dot + 1);
    snprintf(field, sizeof field, "%s", last + 1);
    if (strcmp(kind, "process") == 0) {
        for (size_t i = 0; i < cefo_result_count(res, CEFO_PROCESS); i++) {
            cefo_process_result r;
            cefo_result_process(res, i, &r);
            if (strcmp(r.id, id) != 0)
                continue;
            const char *names[] = {"activity", "capacity_shadow_price", "chosen"};
            const double vals[] = {r.activity, r.capacity_shadow_price, r.chosen};
            for (int k = 0; k < 3; k++)
                if (strcmp(field, names[k]) == 0)
                    return *v = vals[k], 1;
        }
    } else if (strcmp(kind, "material") == 0) {
        for (size_t i = 0; i < cefo_result_count(res, CEFO_MATERIAL); i++) {
            cefo_material_result r;
            cefo_result_material(res, i, &r);
            if (strcmp(r.id, id) != 0)
                continue;
            const char *names[] = {"import", "export", "discharge", "shadow_price"};
            const double vals[] = {r.import, r.export, r.discharge, r.shadow_price};
            for (int k = 0; k < 4; k++)
                if (strcmp(field, names[k]) == 0)
                    return *v = vals[k], 1;
        }
    } else if (strcmp(kind, "pollutant") == 0) {
        for (size_t i = 0; i < cefo_result_count(res, CEFO_POLLUTANT); i++) {
            cefo_pollutant_result r;
            cefo_result_pollutant(res, i, &r);
            if (strcmp(r.id, id) != 0)
                continue;
            *v = strcmp(field, "emission") == 0 ? r.emission : r.shadow_price;
            return strcmp(field, "emission") == 0 || strcmp(field, "shadow_price") == 0;
        }
    } else if (strcmp(kind, "resource") == 0) {
        for (size_t i = 0; i < cefo_result_count(res, CEFO_RESOURCE); i++) {
            cefo_resource_result r;
            cefo_result_resource(res, i, &r);
            if (strcmp(r.id, id) != 0)
                continue;
            const char *names[] = {"use", "min", "max", "price", "shadow_price"};
            const double vals[] = {r.use, r.min, r.max, r.price, r.shadow_price};
            for (int k = 0; k < 5; k++)
                if (strcmp(field, names[k]) == 0)
                    return *v = vals[k], 1;
        }
    } else if (strcmp(kind, "link") == 0) {
        /* link.FROM.TO.MATERIAL.flow: id holds FROM.TO.MATERIAL */
        for (size_t i = 0; i < cefo_result_count(res, CEFO_LINK); i++) {
            cefo_link_result r;
            char name[256];
            cefo_result_link(res, i, &r);
            snprintf(name, sizeof name, "%s.%s.%s", r.from, r.to, r.material);
            if (strcmp(name, id) == 0 && strcmp(field, "flow") == 0)
                return *v = r.flow, 1;
            if (strcmp(name, id) == 0 && strcmp(field, "chosen") == 0)
                return *v = r.chosen, 1;
        }
    }
cost_or_indicator:
    if (strncmp(key, "diagnosis.", 10) == 0) { /* diagnosis.KIND.ID */
        for (size_t i = 0; i < cefo_result_diagnosis_count(res); i++) {
            cefo_diagnosis_item d;
            cefo_result_diagnosis(res, i, &d);
            char name[256];
            snprintf(name, sizeof name, "diagnosis.%s.%s", d.kind, d.id);
            if (strcmp(name, key) == 0)
                return *v = d.amount, 1;
        }
        return 0;
    }
    if (strncmp(key, "cost.", 5) == 0) { /* every term, through the table that can grow */
        for (size_t i = 0; i < cefo_result_cost_count(res); i++) {
            cefo_cost_term t;
            cefo_result_cost_term(res, i, &t);
            if (strcmp(key + 5, t.key) == 0)
                return *v = t.value, 1;
        }
    }
    if (strncmp(key, "cost.", 5) == 0) {
        cefo_costs c;
        cefo_result_costs(res, &c);
        const char *names[] = {"process", "link", "import", "discharge", "pollution",
                               "export_revenue", "fixed", "total"};
        const double vals[] = {c.process, c.link, c.import, c.discharge, c.pollution,
                               c.export_revenue, c.fixed, c.total};
        for (int k = 0; k < 8; k++)
            if (strcmp(key + 5, names[k]) == 0)
                return *v = vals[k], 1;
    }
    if (strcmp(key, "indicator.count") == 0) /* how many (indicator, unit) rows */
        return *v = (double)cefo_result_indicator_count(res), 1;
    if (strncmp(key, "indicator.", 10) == 0) { /* indicator.KEY.UNIT, or indicator.KEY */
        char name[64];
        const char *unit = strchr(key + 10, '.');
        snprintf(name, sizeof name, "%.*s", unit ? (int)(unit - key - 10) : 63, key + 10);
        for (size_t i = 0; i < cefo_result_indicator_count(res); i++) {
            cefo_indicator_row row;
            cefo_result_indicator(res, i, &row);
            if (strcmp(row.key, name) == 0
                && (unit ? row.unit && strcmp(row.unit, unit + 1) == 0 : !row.unit))
                return *v = row.value, 1;
        }
    }
    return 0;
}

/* A MIP golden states its gap; the file is read again from the start afterwards. */
static int is_mip(FILE *fp)
{
    char line[512];
    int mip = 0;
    while (fgets(line, sizeof line, fp))
        mip |= strncmp(line, "gap ", 4) == 0;
    rewind(fp);
    return mip;
}

/* 1 when the engine under test is CLP, which refuses a MIP with a pointer to CBC. */
static int clp_refused(cefo_status st, const cefo_error *err)
{
    return test_options()->solver == CEFO_SOLVER_CLP && st != CEFO_OK
           && strstr(err->message, "cbc");
}

/* The network of tests/golden/NAME.xml, with one `--set SEL=VALUE` edit when `set` is given,
 * loaded, built and solved with the engine under test; NULL (and a failed assertion) when
 * any step fails, NULL alone when CLP refused a MIP (*refused set). */
static cefo_result *solve_golden(const char *name, const char *set, cefo_network **net,
                                 cefo_problem **prob, int *refused)
{
    char path[1024], rel[256], sel[256];
    cefo_result *res = NULL;
    cefo_error err = {0};
    cefo_edit edit = {CEFO_EDIT_SET, sel, NULL, 0};
    const char *eq = set ? strrchr(set, '=') : NULL;
    *net = NULL;
    *prob = NULL;
    if (eq) {
        snprintf(sel, sizeof sel, "%.*s", (int)(eq - set), set);
        edit.value = eq + 1;
    }
    snprintf(rel, sizeof rel, "tests/golden/%s.xml", name);
    source_path(path, sizeof path, rel);
    cefo_status st = cefo_network_load_edited(net, path, NULL, NULL, &edit, eq ? 1 : 0, &err);
    if (st == CEFO_OK)
        st = cefo_problem_build(prob, *net, &err);
    if (st == CEFO_OK)
        st = cefo_problem_solve(*prob, test_options(), &res, &err);
    *refused = clp_refused(st, &err);
    if (*refused)
        return NULL;
    if (st != CEFO_OK)
        fprintf(stderr, "\n  %s (%s): %s:%d: %s\n", name, set ? set : "as written", err.file,
                err.line, err.message);
    CU_ASSERT_EQUAL(st, CEFO_OK);
    return res;
}

/* One numeric line of an .expect file: KEY WANT, read through lookup(). */
static void check_value(const char *name, const cefo_result *res, const char *key,
                        const char *val)
{
    double got;
    int found = lookup(res, key, &got);
    if (!found)
        fprintf(stderr, "\n  %s: unknown key %s\n", name, key);
    CU_ASSERT(found);
    if (found) {
        if (!close_enough(got, strtod(val, NULL), GOLDEN_RTOL, GOLDEN_ATOL))
            fprintf(stderr, "\n  %s: %s = %.17g, want %s\n", name, key, got, val);
        CU_ASSERT(close_enough(got, strtod(val, NULL), GOLDEN_RTOL, GOLDEN_ATOL));
    }
}

/* `resolve SEL=VALUE KEY WANT`: the network solved again with that one attribute set (a
 * finite difference: how a shadow price the results do not report is checked). */
static void check_resolve(const char *name, const char *set, const char *key, const char *val)
{
    cefo_network *net;
    cefo_problem *prob;
    int refused;
    cefo_result *res = solve_golden(name, set, &net, &prob, &refused);
    if (res)
        check_value(name, res, key, val);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/* Solves tests/golden/NAME.xml and checks every line of NAME.expect. */
static void check_golden(const char *name)
{
    char path[1024], rel[256], line[512];
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    int refused;
    cefo_result *res = solve_golden(name, NULL, &net, &prob, &refused);
    snprintf(rel, sizeof rel, "tests/golden/%s.expect", name);
    FILE *fp = fopen(source_path(path, sizeof path, rel), "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    if (refused) { /* CLP solves LPs only: a MIP is refused with a pointer to CBC */
        CU_ASSERT(is_mip(fp));
        fclose(fp);
        cefo_problem_free(prob);
        cefo_network_free(net);
        return;
    }
    CU_ASSERT_PTR_NOT_NULL_FATAL(res);
    int checked = 0;
    while (fgets(line, sizeof line, fp)) {
        char key[256], val[256], want[128];
        if (line[0] == '#' || sscanf(line, "%255s %255s", key, val) != 2)
            continue;
        checked++;
        if (strcmp(key, "status") == 0) {
            CU_ASSERT_STRING_EQUAL(cefo_solve_status_name(cefo_result_status(res)), val);
            continue;
        }
        if (strcmp(key, "resolve") == 0) { /* resolve SEL=VALUE KEY WANT */
            int ok = sscanf(line, "%*s %255s %255s %127s", val, key, want) == 3;
            CU_ASSERT(ok);
            if (ok)
                check_resolve(name, val, key, want);
            continue;
        }
        if (strncmp(key, "group.", 6) == 0) { /* group.ID.chosen PROCESS */
            int found = 0;
            for (size_t g = 0; g < cefo_result_count(res, CEFO_GROUP); g++) {
                cefo_group_result row;
                cefo_result_group(res, g, &row);
                size_t n = strlen(row.id);
                if (strncmp(key + 6, row.id, n) == 0 && strcmp(key + 6 + n, ".chosen") == 0) {
                    found = 1;
                    CU_ASSERT_STRING_EQUAL(row.chosen ? row.chosen : "closed", val);
                }
            }
            CU_ASSERT(found);
            continue;
        }
        check_value(name, res, key, val);
    }
    fclose(fp);
    CU_ASSERT(checked > 0);
    /* The cost terms always add up to the objective the solver reports. */
    cefo_costs c;
    cefo_result_costs(res, &c);
    if (cefo_result_status(res) == CEFO_SOLVE_OPTIMAL)
        ASSERT_CLOSE(c.total, cefo_result_objective(res));
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

static void test_pooled_reuse(void) { check_golden("pooled-reuse"); }
static void test_linked_chain(void) { check_golden("linked-chain"); }
static void test_pollutant_cap(void) { check_golden("pollutant-cap"); }
static void test_infeasible(void) { check_golden("infeasible"); }
static void test_unbounded(void) { check_golden("unbounded"); }
static void test_rectify(void) { check_golden("rectify"); }
static void test_recycler(void) { check_golden("recycler"); }
static void test_import_limit_pooled(void) { check_golden("import-limit-pooled"); }
static void test_import_limit_linked(void) { check_golden("import-limit-linked"); }
static void test_decision_min(void) { check_golden("decision-min"); }
static void test_units(void) { check_golden("units"); }
static void test_units_scaled(void) { check_golden("units-scaled"); }

/* The validator itself: what it must refuse, so that a pass means something. */
static void test_json_validator(void)
{
    const char *good[] = {"{}", " [1, -0.5e-3, \"a\\u00e9\", null, true, false] ",
                          "{\"a\": {\"b\": []}}"};
    const char *bad[] = {"{\"a\": 1,}", "[1 2]", "{\"a\" 1}", "[NaN]", "[nan]", "[1e]",
                         "[01]", "{\"a\": 1}}", "\"tab\there\"", "[\"\\x\"]", "", "[-]"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        CU_ASSERT(json_valid(good[i]));
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CU_ASSERT(!json_valid(bad[i]));
}

/* Every golden's plan as JSON parses (infeasible, unbounded and MIP plans included), and
 * a plan of an LP has no decision that reads as chosen. */
static void test_json_parses(void)
{
    const char *names[] = {"pooled-reuse", "linked-chain", "pollutant-cap", "infeasible",
                           "unbounded",    "rectify",      "recycler",      "import-limit-pooled",
                           "import-limit-linked", "decision-min", "units", "units-scaled"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        cefo_network *net;
        cefo_problem *prob;
        int refused;
        cefo_result *res = solve_golden(names[i], NULL, &net, &prob, &refused);
        if (!res) { /* CLP refused a MIP */
            cefo_problem_free(prob);
            cefo_network_free(net);
            continue;
        }
        char *buf = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&buf, &len);
        CU_ASSERT_EQUAL(cefo_result_write(res, fp, CEFO_FORMAT_JSON, NULL), CEFO_OK);
        fclose(fp);
        if (!json_valid(buf))
            fprintf(stderr, "\n  %s: the plan is not valid JSON:\n%s", names[i], buf);
        CU_ASSERT(json_valid(buf));
        if (cefo_result_count(res, CEFO_GROUP) == 0 && strstr(buf, "\"mip\": null"))
            CU_ASSERT_PTR_NULL(strstr(buf, "\"chosen\": true"));
        free(buf);
        cefo_result_free(res);
        cefo_problem_free(prob);
        cefo_network_free(net);
    }
}

static void test_resource_quota(void) { check_golden("resource-quota"); }
static void test_resource_land(void) { check_golden("resource-land"); }
static void test_resource_fund(void) { check_golden("resource-fund"); }
static void test_resource_jobs(void) { check_golden("resource-jobs"); }
static void test_resource_intensity(void) { check_golden("resource-intensity"); }
static void test_breakdown(void) { check_golden("breakdown"); }

static CU_TestInfo golden_tests[] = {
    {"resource: a shared quota, the dearer firm cuts", test_resource_quota},
    {"resource: park land per relocation binds the MIP", test_resource_land},
    {"resource: a fund's budget decides which firms rectify", test_resource_fund},
    {"resource: a floor on jobs and its shadow price", test_resource_jobs},
    {"resource: a signed average-intensity rule", test_resource_intensity},
    {"MIP by sector and zone: a firm closes", test_breakdown},
    {"pooled waste reuse", test_pooled_reuse},
    {"linked waste chain with link capacity and cost", test_linked_chain},
    {"binding pollutant cap and its shadow price", test_pollutant_cap},
    {"infeasible network", test_infeasible},
    {"unbounded network", test_unbounded},
    {"MIP: a cap forces rectification", test_rectify},
    {"MIP: a recycler and its link pay off", test_recycler},
    {"binding import limit on a pooled material", test_import_limit_pooled},
    {"binding import limit on a linked material", test_import_limit_linked},
    {"MIP: a built plant runs at its minimum", test_decision_min},
    {"indicators by unit: kg to t, L to m3, pieces apart", test_units},
    {"indicators by unit: g, kt and Mt to t, ML to m3", test_units_scaled},
    {"the JSON validator refuses what is not JSON", test_json_validator},
    {"every golden plan as JSON parses", test_json_parses},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("golden", golden_tests)
