/* test_periods.c - plans over several periods (spec section 6): bad input with status and
 * line, and optima derived by hand (each derivation is in the comment above its test). */
#include <cefo/cefo.h>
#include <string.h>

#include "testutil.h"

#define HEAD "<?xml version=\"1.0\"?>\n<network version=\"1\">\n"
#define PERIODS "<periods discount-rate=\"0.1\"><period id=\"y1\"/><period id=\"y2\"/></periods>\n"
#define MAT "<material id=\"m\" unit=\"t\" import-cost=\"100\"/>\n"
#define TAIL "</network>\n"

typedef struct bad_case {
    const char *what;
    const char *xml;
    int line;
    const char *phrase; /* must appear in the message */
} bad_case;

static const bad_case bad_cases[] = {
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
    for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
        const bad_case *c = &bad_cases[i];
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
    }
}

static CU_TestInfo period_tests[] = {
    {"bad periods, steps and orders: status, line, message", test_bad_inputs},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("periods", period_tests)
