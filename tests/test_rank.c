/* test_rank.c - cefo_problem_rank on small cases whose values are derived by hand. */
#include <cefo/cefo.h>
#include <string.h>

#include "testutil.h"

/*
 * tests/golden/rank.xml: 10 t of leather and 10 t of board demanded; leather from the tannery
 * (10/t, a group that may close) or import (35/t); its 10 t of scrap are discharged (20/t) or
 * used by the fibre-board plant (optional, fixed 100, 5/t, one t of scrap per t of board) or
 * the chrome-recovery plant (optional, fixed 300, 2/t); board is imported at 40/t otherwise.
 *   optimum: tannery 100 + fibre-board 100 + 50                    = 250
 *   fibre-board forbidden: 100 + board import 400 + discharge 200   = 700: value 450
 *   tannery closed: leather 350 + board 400 (no scrap)              = 750: value 500
 *   chrome recovery forced: 250 + its fixed 300 (it runs at 0)      = 550: regret 300
 */
/* The network of `xml` and its problem, built. */
static void open_xml(const char *xml, cefo_network **net, cefo_problem **prob)
{
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(net, xml, strlen(xml), "x", NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(prob, *net, NULL), CEFO_OK);
}

static void open_rank(cefo_network **net, cefo_problem **prob)
{
    char path[1024];
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_file(net, source_path(path, sizeof path,
                              "tests/golden/rank.xml"), NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(prob, *net, NULL), CEFO_OK);
}

static void test_rank_by_hand(void)
{
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    open_rank(&net, &prob);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_decision_count(prob), 3);
    cefo_rank_row rows[3];
    double z0 = 0;
    CU_ASSERT_EQUAL_FATAL(cefo_problem_rank(prob, NULL, NULL, 3, rows, &z0, NULL), CEFO_OK);
    ASSERT_CLOSE(z0, 250);
    static const struct {
        const char *id;
        cefo_item kind;
        int chosen;
        double value, regret;
    } want[] = {{"tannery", CEFO_GROUP, 1, 500, 0},
                {"fibreboard", CEFO_PROCESS, 1, 450, 0},
                {"chrome-recovery", CEFO_PROCESS, 0, 0, 300}};
    for (int i = 0; i < 3; i++) {
        CU_ASSERT_STRING_EQUAL(rows[i].id, want[i].id);
        CU_ASSERT_EQUAL(rows[i].kind, want[i].kind);
        CU_ASSERT_EQUAL(rows[i].chosen, want[i].chosen);
        ASSERT_CLOSE(rows[i].value, want[i].value);
        ASSERT_CLOSE(rows[i].regret, want[i].regret);
    }
    /* Every bound moved was restored: the problem solves to the optimum again. */
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, NULL, &res, NULL), CEFO_OK);
    ASSERT_CLOSE(cefo_result_objective(res), 250);
    cefo_result_free(res);
    /* A subset by number: decision 1 is chrome-recovery; a member stands for its group. */
    size_t which = 1, d = 9;
    CU_ASSERT_EQUAL(cefo_problem_rank(prob, NULL, &which, 1, rows, NULL, NULL), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(rows[0].id, "chrome-recovery");
    ASSERT_CLOSE(rows[0].regret, 300);
    CU_ASSERT_EQUAL(cefo_problem_decision_of(prob, CEFO_PROCESS, 0, &d), CEFO_OK);
    CU_ASSERT_EQUAL(d, 2);
    which = 3;
    CU_ASSERT_EQUAL(cefo_problem_rank(prob, NULL, &which, 1, rows, NULL, NULL), CEFO_ERR_ARG);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/* The only producer, with nothing to import: closing it leaves no plan (value INFINITY). */
static void test_indispensable(void)
{
    const char *xml = "<network version=\"1\"><material id=\"m\" unit=\"t\"/>"
                      "<process id=\"p\" group=\"g\" cost=\"2\" capacity=\"5\"><output "
                      "material=\"m\" amount=\"1\"/></process><demand material=\"m\" "
                      "amount=\"4\"/></network>";
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    open_xml(xml, &net, &prob);
    cefo_rank_row row;
    double z0;
    CU_ASSERT_EQUAL_FATAL(cefo_problem_rank(prob, NULL, NULL, 1, &row, &z0, NULL), CEFO_OK);
    ASSERT_CLOSE(z0, 8);
    CU_ASSERT(isinf(row.value) && row.value > 0);
    CU_ASSERT_EQUAL(row.forbidden_status, CEFO_SOLVE_INFEASIBLE);
    CU_ASSERT_EQUAL(row.regret, 0);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/*
 * A firm the optimum closes, forced to stay open. m is imported at 10 or made by the firm's
 * only variant p (cost 20, fixed 5); demand 4. Optimum: import, 40, the firm closed. Forced
 * open (one member on): it runs at 0 (20 > 10) and pays its fixed 5: 45, regret 5.
 */
static void test_group_forced(void)
{
    const char *xml = "<network version=\"1\"><material id=\"m\" unit=\"t\" import-cost=\"10\"/>"
                      "<process id=\"p\" group=\"g\" variant=\"keep\" cost=\"20\" fixed-cost=\"5\" "
                      "capacity=\"5\"><output material=\"m\" amount=\"1\"/></process>"
                      "<demand material=\"m\" amount=\"4\"/></network>";
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    open_xml(xml, &net, &prob);
    cefo_rank_row row;
    double z0;
    CU_ASSERT_EQUAL_FATAL(cefo_problem_rank(prob, test_options(), NULL, 1, &row, &z0, NULL),
                          CEFO_OK);
    ASSERT_CLOSE(z0, 40);
    CU_ASSERT_EQUAL(row.kind, CEFO_GROUP);
    CU_ASSERT_EQUAL(row.chosen, 0);
    CU_ASSERT_EQUAL(row.forced_status, CEFO_SOLVE_OPTIMAL);
    ASSERT_CLOSE(row.regret, 5);
    ASSERT_CLOSE(row.value, 0);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/*
 * The writer reads a caller's rows at the caller's struct size: rows of a newer, bigger struct
 * give the same table as the library's own, row by row (three decisions, so the stride shows).
 */
static void test_write_wide_rows(void)
{
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    open_rank(&net, &prob);
    cefo_rank_row rows[3];
    struct {
        cefo_rank_row r;
        double future[3];
    } wide[3];
    double z0 = 0;
    CU_ASSERT_EQUAL_FATAL(cefo_problem_rank(prob, NULL, NULL, 3, rows, &z0, NULL), CEFO_OK);
    memset(wide, 0xA5, sizeof wide);
    for (int i = 0; i < 3; i++)
        wide[i].r = rows[i];
    char *a = NULL, *b = NULL;
    size_t la = 0, lb = 0;
    FILE *fa = open_memstream(&a, &la), *fb = open_memstream(&b, &lb);
    CU_ASSERT_FATAL(fa && fb);
    CU_ASSERT_EQUAL(cefo_rank_write(net, rows, 3, z0, fa, CEFO_FORMAT_CSV, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_rank_write_sized(net, &wide[0].r, 3, z0, fb, CEFO_FORMAT_CSV, NULL,
                                          sizeof wide[0]),
                    CEFO_OK);
    fclose(fa);
    fclose(fb);
    CU_ASSERT(la > 0 && la == lb && memcmp(a, b, la) == 0);
    /* the hand ranking's order: tannery 500, fibre-board 450, chrome recovery 0 */
    const char *t = b ? strstr(b, "tannery") : NULL, *f = t ? strstr(t, "fibreboard") : NULL;
    CU_ASSERT_PTR_NOT_NULL(f ? strstr(f, "chrome-recovery") : NULL);
    free(a);
    free(b);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

static CU_TestInfo rank_tests[] = {
    {"values and regrets by hand; bounds restored; subsets", test_rank_by_hand},
    {"an indispensable firm", test_indispensable},
    {"a closed firm forced open: its regret", test_group_forced},
    {"the writer reads rows at the caller's struct size", test_write_wide_rows},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("rank", rank_tests)
