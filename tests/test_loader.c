/* test_loader.c - the network loader: bad input with status and line, forms, strict numbers. */
#include <cefo/cefo.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/number.h"
#include "testutil.h"

#define HEAD "<?xml version=\"1.0\"?>\n<network version=\"1\">\n"
#define MAT "<material id=\"m\" unit=\"t\"/>\n"
#define PROC "<process id=\"p\"><output material=\"m\" amount=\"1\"/></process>\n"
#define TAIL "</network>\n"
#define N10 "<a><a><a><a><a><a><a><a><a><a>"

typedef struct bad_case {
    const char *what;
    const char *xml;
    cefo_status status;
    int line;
    const char *phrase; /* must appear in the message */
} bad_case;

static const bad_case bad_cases[] = {
    {"empty input", "", CEFO_ERR_PARSE, 1, "empty"},
    {"truncated", HEAD MAT "<process id=\"p\"", CEFO_ERR_PARSE, 4, ""},
    {"two roots", HEAD TAIL "<network version=\"1\"/>\n", CEFO_ERR_PARSE, 4, ""},
    {"invalid UTF-8", HEAD "<material id=\"\xff\xfe\" unit=\"t\"/>\n" TAIL, CEFO_ERR_PARSE, 3, ""},
    {"DOCTYPE refused",
     "<?xml version=\"1.0\"?>\n<!DOCTYPE network [<!ENTITY a \"aaaa\">]>\n<network version=\"1\"/>\n",
     CEFO_ERR_PARSE, 2, "DOCTYPE"},
    {"external entity refused",
     "<?xml version=\"1.0\"?>\n<!DOCTYPE n SYSTEM \"file:///etc/passwd\">\n<network version=\"1\"/>\n",
     CEFO_ERR_PARSE, 2, "DOCTYPE"},
    {"wrong root", "<?xml version=\"1.0\"?>\n<iotable version=\"1\"/>\n", CEFO_ERR_INVALID, 2,
     "<network>"},
    {"missing version", "<network>\n</network>\n", CEFO_ERR_INVALID, 1, "version"},
    {"unknown element", HEAD MAT "<proces id=\"p\"/>\n" TAIL, CEFO_ERR_INVALID, 4, "proces"},
    {"unknown attribute", HEAD "<material id=\"m\" unit=\"t\" imprt-cost=\"1\"/>\n" TAIL,
     CEFO_ERR_INVALID, 3, "imprt-cost"},
    {"missing id", HEAD "<material unit=\"t\"/>\n" TAIL, CEFO_ERR_INVALID, 3, "'id'"},
    {"missing unit", HEAD "<material id=\"m\"/>\n" TAIL, CEFO_ERR_INVALID, 3, "'unit'"},
    {"duplicate id", HEAD MAT "\n" MAT TAIL, CEFO_ERR_INVALID, 5, "line 3"},
    {"NaN", HEAD "<material id=\"m\" unit=\"t\" import-cost=\"NaN\"/>\n" TAIL, CEFO_ERR_INVALID, 3,
     "NaN"},
    {"Inf", HEAD "<material id=\"m\" unit=\"t\" import-cost=\"inf\"/>\n" TAIL, CEFO_ERR_INVALID, 3,
     "inf"},
    {"1e999", HEAD "<material id=\"m\" unit=\"t\" import-cost=\"1e999\"/>\n" TAIL,
     CEFO_ERR_INVALID, 3, "too large"},
    {"hex number", HEAD "<material id=\"m\" unit=\"t\" import-cost=\"0x10\"/>\n" TAIL,
     CEFO_ERR_INVALID, 3, "0x10"},
    {"trailing junk", HEAD "<material id=\"m\" unit=\"t\" import-cost=\"3t\"/>\n" TAIL,
     CEFO_ERR_INVALID, 3, "3t"},
    {"decimal comma", HEAD "<material id=\"m\" unit=\"t\" import-cost=\"3,5\"/>\n" TAIL,
     CEFO_ERR_INVALID, 3, "3,5"},
    {"negative amount", HEAD MAT "<process id=\"p\">\n<output material=\"m\" amount=\"-1\"/>\n"
     "</process>\n" TAIL, CEFO_ERR_INVALID, 5, "negative"},
    {"unknown material", HEAD MAT "<process id=\"p\">\n<input material=\"x\" amount=\"1\"/>\n"
     "</process>\n" TAIL, CEFO_ERR_INVALID, 5, "names no material"},
    {"unknown pollutant", HEAD MAT "<process id=\"p\">\n<emission pollutant=\"COD\" amount=\"1\"/>\n"
     "</process>\n" TAIL, CEFO_ERR_INVALID, 5, "names no pollutant"},
    {"bad kind", HEAD "<material id=\"m\" unit=\"t\" kind=\"garbage\"/>\n" TAIL, CEFO_ERR_INVALID,
     3, "kind"},
    {"link to itself", HEAD MAT "<process id=\"p\"><input material=\"m\" amount=\"1\"/>"
     "<output material=\"m\" amount=\"1\"/></process>\n<link from=\"p\" to=\"p\" material=\"m\"/>\n"
     TAIL, CEFO_ERR_INVALID, 5, "itself"},
    {"link from a non-producer", HEAD MAT PROC "<process id=\"q\"/>\n"
     "<link from=\"q\" to=\"p\" material=\"m\"/>\n" TAIL, CEFO_ERR_INVALID, 6, "does not output"},
    {"link to a non-consumer", HEAD MAT PROC "<process id=\"q\"/>\n"
     "<link from=\"p\" to=\"q\" material=\"m\"/>\n" TAIL, CEFO_ERR_INVALID, 6, "does not input"},
    {"unknown process in link", HEAD MAT PROC "<link from=\"p\" to=\"zz\" material=\"m\"/>\n" TAIL,
     CEFO_ERR_INVALID, 5, "names no process"},
    {"input listed twice", HEAD MAT "<process id=\"p\">\n<input material=\"m\" amount=\"1\"/>\n"
     "<input material=\"m\" amount=\"2\"/>\n</process>\n" TAIL, CEFO_ERR_INVALID, 6,
     "process 'p' lists input 'm' twice"},
    {"min above capacity", HEAD MAT "<process id=\"p\" min=\"5\" capacity=\"2\"/>\n" TAIL,
     CEFO_ERR_INVALID, 4, "exceeds"},
    {"optional without capacity", HEAD MAT "<process id=\"p\" optional=\"true\"/>\n" TAIL,
     CEFO_ERR_INVALID, 4, "capacity"},
    {"fixed-cost without optional", HEAD MAT "<process id=\"p\" fixed-cost=\"5\"/>\n" TAIL,
     CEFO_ERR_INVALID, 4, "fixed-cost"},
    {"variant without group", HEAD MAT "<process id=\"p\" variant=\"keep\"/>\n" TAIL,
     CEFO_ERR_INVALID, 4, "no group"},
    {"group member without capacity", HEAD MAT "<process id=\"p\" group=\"g\"/>\n" TAIL,
     CEFO_ERR_INVALID, 4, "group member"},
    {"bad boolean", HEAD MAT "<process id=\"p\" optional=\"yes\" capacity=\"1\"/>\n" TAIL,
     CEFO_ERR_INVALID, 4, "true or false"},
    {"discharge-cost on a product", HEAD "<material id=\"m\" unit=\"t\" discharge-cost=\"1\"/>\n"
     TAIL, CEFO_ERR_INVALID, 3, "wastes only"},
    {"import-limit without import-cost", HEAD "<material id=\"m\" unit=\"t\" import-limit=\"5\"/>\n"
     TAIL, CEFO_ERR_INVALID, 3, "import-cost"},
    {"demand without amount", HEAD MAT "<demand material=\"m\"/>\n" TAIL, CEFO_ERR_INVALID, 4,
     "amount"},
    {"stray text", HEAD MAT "\n\nhello\n\n" TAIL, CEFO_ERR_INVALID, 6, "text"},
    {"stray text inside an element", HEAD MAT "<process id=\"p\">\n\n  hello\n  world "
     "<output material=\"m\" amount=\"1\"/></process>\n" TAIL, CEFO_ERR_INVALID, 6,
     "text inside <process>"},
    {"child of a link", HEAD MAT PROC "<link from=\"p\" to=\"p\" material=\"m\"><x/></link>\n" TAIL,
     CEFO_ERR_INVALID, 5, "not allowed"},
    {"gzip input", "\x1f\x8b\x08\x00", CEFO_ERR_INVALID, 0, "compressed"},
    {"empty network", "<?xml version=\"1.0\"?>\n<network version=\"1\">\n</network>\n",
     CEFO_ERR_INVALID, 2, "empty"},
    {"grouping nested 9 deep", HEAD "<materials><materials><materials><materials>\n"
     "<materials><materials><materials><materials><materials>\n" MAT "</materials></materials>"
     "</materials></materials></materials></materials></materials></materials></materials>\n"
     TAIL, CEFO_ERR_INVALID, 4, "grouping elements nest at most 8 deep"},
    {"grouping nested 10 deep", HEAD "<materials><materials><materials><materials><materials>"
     "<materials><materials><materials><materials><materials>\n" MAT "</materials></materials>"
     "</materials></materials></materials></materials></materials></materials></materials>"
     "</materials>\n" TAIL, CEFO_ERR_INVALID, 3, "grouping elements nest at most 8 deep"},
    {"nesting past libxml2's depth limit", HEAD N10 N10 N10 N10 N10 N10 N10 N10 N10 N10 N10 N10
     N10 N10 N10 N10 N10 N10 N10 N10 N10 N10 N10 N10 N10 N10 "\n" TAIL, CEFO_ERR_PARSE, 3,
     "depth"},
    {"a line feed in an id", HEAD MAT "<material id=\"a&#10;bad.xml:1: forged\" unit=\"t\"/>\n"
     TAIL, CEFO_ERR_INVALID, 4, "control character (U+000A)"},
    {"a carriage return in a unit", HEAD "<material id=\"m\" unit=\"t&#13;\"/>\n" TAIL,
     CEFO_ERR_INVALID, 3, "control character (U+000D)"},
    {"a tab in a name", HEAD MAT "<pollutant id=\"c\" unit=\"t\" name=\"a&#9;b\"/>\n" TAIL,
     CEFO_ERR_INVALID, 4, "control character (U+0009)"},
    {"a delete in a reference", HEAD MAT "<demand material=\"m&#127;\" amount=\"1\"/>\n" TAIL,
     CEFO_ERR_INVALID, 4, "control character (U+007F)"},
    /* Magnitudes: numbers beyond 1e15 and numbers that underflow are refused where they stand
     * (docs/network-format.md, "Numbers"), so no sum or product of the model can overflow. */
    {"a demand of 1.7e308", HEAD MAT PROC "<demand material=\"m\" amount=\"1.7e308\"/>\n" TAIL,
     CEFO_ERR_INVALID, 5, "too large"},
    {"two demands of 1.7e308", HEAD MAT PROC "<demand material=\"m\" amount=\"1e15\"/>\n"
     "<demand material=\"m\" amount=\"1.7e308\"/>\n" TAIL, CEFO_ERR_INVALID, 6, "too large"},
    {"a cost of 1e300", HEAD MAT "<process id=\"p\" cost=\"1e300\">\n"
     "<output material=\"m\" amount=\"1\"/></process>\n" TAIL, CEFO_ERR_INVALID, 4, "too large"},
    {"a capacity just past 1e15", HEAD MAT "<process id=\"p\" capacity=\"1000000000000001\"/>\n"
     TAIL, CEFO_ERR_INVALID, 4, "1e15"},
    {"an amount of 1e16", HEAD MAT "<process id=\"p\">\n<output material=\"m\" amount=\"1e16\"/>\n"
     "</process>\n" TAIL, CEFO_ERR_INVALID, 5, "too large"},
    {"an underflowing cost", HEAD "<material id=\"m\" unit=\"t\" import-cost=\"1e-400\"/>\n" TAIL,
     CEFO_ERR_INVALID, 3, "too small"},
    {"a subnormal emission", HEAD "<pollutant id=\"k\" unit=\"t\"/>\n" MAT
     "<process id=\"p\">\n<emission pollutant=\"k\" amount=\"2e-310\"/>\n</process>\n" TAIL,
     CEFO_ERR_INVALID, 6, "too small"},
    {"a unit on a link", HEAD MAT PROC "<process id=\"q\"><input material=\"m\" amount=\"1\"/>"
     "</process>\n<link from=\"p\" to=\"q\" material=\"m\" unit=\"kg\"/>\n" TAIL,
     CEFO_ERR_INVALID, 6, "unknown attribute 'unit'"},
};

static void test_bad_inputs(void)
{
    for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
        const bad_case *c = &bad_cases[i];
        cefo_network *net = NULL;
        cefo_error err = {0};
        cefo_status st = cefo_network_load_memory(&net, c->xml, strlen(c->xml), "bad.xml", &err);
        int ok = st == c->status && err.line == c->line && strstr(err.message, c->phrase)
                 && strcmp(err.file, "bad.xml") == 0 && net == NULL;
        if (!ok)
            fprintf(stderr, "\n  case '%s': status %d line %d message '%s'\n", c->what, st,
                    err.line, err.message);
        CU_ASSERT(ok);
        cefo_network_free(net);
        /* The stream refuses it too, and the document's error is the one reported. */
        int streamed = 1;
        CU_ASSERT(same_both_ways(c->xml, strlen(c->xml), "bad.xml", &streamed));
        CU_ASSERT(!streamed);
    }
}

/* No control character of an input reaches a diagnostic: each is written as an escape. */
static void test_diagnostics_escaped(void)
{
    cefo_network *net = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL(cefo_network_load_file(&net, "/nonexistent\nx.xml:1: forged\r\x1b[2J", &err),
                    CEFO_ERR_NOFILE);
    CU_ASSERT_STRING_EQUAL(err.file, "/nonexistent\\nx.xml:1: forged\\r\\x1b[2J");
    for (const char *p = err.message; *p; p++)
        CU_ASSERT((unsigned char)*p >= 0x20 && *p != 0x7f);
    CU_ASSERT_PTR_NULL(net);
    /* libxml2's two-line message on bad UTF-8 becomes one line, after FILE:LINE. */
    const char *bad = HEAD "<material id=\"\xff\xfe\" unit=\"t\"/>\n" TAIL;
    CU_ASSERT_EQUAL(cefo_network_load_memory(&net, bad, strlen(bad), "u.xml", &err),
                    CEFO_ERR_PARSE);
    CU_ASSERT_EQUAL(err.line, 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "UTF-8"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "0xFF 0xFE"));
    CU_ASSERT_PTR_NULL(strchr(err.message, '\n'));
    CU_ASSERT_PTR_NULL(strstr(err.message, "\\n"));
}

/* Grouping elements nest up to 8 deep (docs/robustness.md). */
static void test_grouping_depth(void)
{
    const char *xml = HEAD "<materials><materials><materials><materials><materials><materials>"
                           "<materials><materials>" MAT "</materials></materials></materials>"
                           "</materials></materials></materials></materials></materials>" PROC
                           TAIL;
    cefo_network *net = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL(cefo_network_load_memory(&net, xml, strlen(xml), "deep.xml", &err), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_network_count(net, CEFO_MATERIAL), 1);
    cefo_network_free(net);
}

/*
 * A consumer of a linked material with no incoming link can only import it: accepted, with a
 * warning at its <input> line (it used to pass in silence); a consumer with a link has none.
 */
static void test_warnings(void)
{
    const char *xml = HEAD MAT PROC
        "<process id=\"q\"><input material=\"m\" amount=\"1\"/></process>\n"
        "<process id=\"r\">\n<input material=\"m\" amount=\"1\"/></process>\n"
        "<link from=\"p\" to=\"q\" material=\"m\"/>\n" TAIL;
    cefo_network *net = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, xml, strlen(xml), "warn.xml", &err),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_network_warning_count(net), 1);
    const cefo_error *w = cefo_network_warning(net, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    CU_ASSERT_EQUAL(w->line, 7);
    CU_ASSERT_STRING_EQUAL(w->file, "warn.xml");
    CU_ASSERT_STRING_EQUAL(w->element, "input");
    CU_ASSERT_PTR_NOT_NULL(strstr(w->message, "process 'r'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(w->message, "'m'"));
    CU_ASSERT_PTR_NULL(cefo_network_warning(net, 1));
    cefo_network_free(net);
    const char *fine = HEAD MAT PROC
        "<process id=\"q\"><input material=\"m\" amount=\"1\"/></process>\n"
        "<link from=\"p\" to=\"q\" material=\"m\"/>\n" TAIL;
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, fine, strlen(fine), "fine.xml", &err),
                          CEFO_OK);
    CU_ASSERT_EQUAL(cefo_network_warning_count(net), 0);
    CU_ASSERT_PTR_NULL(cefo_network_warning(net, 0));
    cefo_network_free(net);
    CU_ASSERT_EQUAL(cefo_network_warning_count(NULL), 0);
}

static double solve_objective(const char *xml)
{
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    double obj = NAN;
    if (cefo_network_load_memory(&net, xml, strlen(xml), "form.xml", NULL) == CEFO_OK
        && cefo_problem_build(&prob, net, NULL) == CEFO_OK
        && cefo_problem_solve(prob, NULL, &res, NULL) == CEFO_OK)
        obj = cefo_result_objective(res);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
    return obj;
}

/*
 * Every number within 1e15, yet a chain of twelve processes each making 1e-15 t per unit of
 * activity from 1e15 t of the next one's product multiplies activities by 1e30 per step: by
 * hand, p_i runs at 1e30^(i+1), so p9 at 1e300 and p10 beyond the largest double. Such a plan
 * is an error naming p10 and its line, never an "optimal" plan with a missing objective.
 */
static void test_overflowing_plan(void)
{
    char xml[4096];
    size_t len = (size_t)snprintf(xml, sizeof xml, HEAD);
    for (int i = 0; i < 12; i++) /* lines 3..14 */
        len += (size_t)snprintf(xml + len, sizeof xml - len, "<material id=\"m%d\" unit=\"t\"/>\n", i);
    for (int i = 0; i < 12; i++) { /* lines 15..26 */
        len += (size_t)snprintf(xml + len, sizeof xml - len,
                                "<process id=\"p%d\" cost=\"1\"><output material=\"m%d\" "
                                "amount=\"1e-15\"/>", i, i);
        if (i < 11)
            len += (size_t)snprintf(xml + len, sizeof xml - len,
                                    "<input material=\"m%d\" amount=\"1e15\"/>", i + 1);
        len += (size_t)snprintf(xml + len, sizeof xml - len, "</process>\n");
    }
    snprintf(xml + len, sizeof xml - len, "<demand material=\"m0\" amount=\"1e15\"/>\n" TAIL);
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, xml, strlen(xml), "chain.xml", &err),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, &err), CEFO_OK);
    cefo_status st = cefo_problem_solve(prob, NULL, &res, &err);
    if (st == CEFO_OK)
        fprintf(stderr, "\n  status %s, objective %g\n",
                cefo_solve_status_name(cefo_result_status(res)), cefo_result_objective(res));
    CU_ASSERT_EQUAL(st, CEFO_ERR_INVALID);
    CU_ASSERT_PTR_NULL(res);
    CU_ASSERT_EQUAL(err.line, 25);
    CU_ASSERT_STRING_EQUAL(err.file, "chain.xml");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "'p10'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "overflow"));
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/* The same cluster written flat, grouped and in another order gives the same plan. */
static void test_flat_and_grouped(void)
{
    const char *flat = HEAD "<material id=\"m\" unit=\"t\" import-cost=\"4\"/>\n"
                            "<process id=\"p\" cost=\"3\" capacity=\"10\">"
                            "<output material=\"m\" amount=\"1\"/></process>\n"
                            "<demand material=\"m\" amount=\"12\"/>\n" TAIL;
    const char *grouped = HEAD "<demands><demand material=\"m\" amount=\"12\"/></demands>\n"
                               "<processes><process id=\"p\" cost=\"3\" capacity=\"10\">"
                               "<output material=\"m\" amount=\"1\"/></process></processes>\n"
                               "<materials><material id=\"m\" unit=\"t\" import-cost=\"4\"/>"
                               "</materials>\n" TAIL;
    /* By hand: 10 made at 3, 2 imported at 4. */
    ASSERT_CLOSE(solve_objective(flat), 38);
    ASSERT_CLOSE(solve_objective(grouped), 38);
}

static void test_demands_add_up(void)
{
    const char *xml = HEAD "<material id=\"m\" unit=\"t\" import-cost=\"2\"/>\n"
                           "<demand material=\"m\" amount=\"3\"/><demand material=\"m\" amount=\"4\"/>\n"
                           TAIL;
    ASSERT_CLOSE(solve_objective(xml), 14);
}

static void test_numbers(void)
{
    struct {
        const char *s;
        int ok;
        double v;
    } cases[] = {{"1", 1, 1},       {" 2.5 ", 1, 2.5}, {"-3e2", 1, -300}, {".5", 1, 0.5},
                 {"5.", 1, 5},      {"1e-400", 0, 0},  {"nan", 0, 0},    {"Infinity", 0, 0},
                 {"0x1p3", 0, 0},   {"1e", 0, 0},      {"", 0, 0},       {"1 2", 0, 0},
                 {"1e999", 0, 0},   {"+", 0, 0},       {"1,5", 0, 0},    {"\xc2\xa0" "1", 0, 0},
                 /* magnitudes: up to 1e15; no underflow to 0 or to a subnormal */
                 {"1e15", 1, 1e15}, {"-1e15", 1, -1e15}, {"999999999999999.9", 1, 999999999999999.9},
                 {"1000000000000000.2", 0, 0}, {"1e16", 0, 0}, {"-2e15", 0, 0},
                 {"1e-300", 1, 1e-300}, {"2.2250738585072014e-308", 1, 2.2250738585072014e-308},
                 {"2e-308", 0, 0},  {"-1e-320", 0, 0}, {"0e-400", 1, 0},   {"0.000e-999", 1, 0},
                 {"-0", 1, 0},      {"00000.00001e-400", 0, 0}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        double v = -1;
        const char *why = NULL;
        int ok = cefo__parse_number(cases[i].s, &v, &why) == 0;
        CU_ASSERT_EQUAL(ok, cases[i].ok);
        if (ok && cases[i].ok)
            CU_ASSERT_EQUAL(v, cases[i].v);
        if (!ok)
            CU_ASSERT_PTR_NOT_NULL(why);
    }
}

/* The fast path agrees with strtod to the last bit on many generated decimals. */
static void test_numbers_match_strtod(void)
{
    unsigned long long seed = 12345;
    char buf[64];
    int mismatches = 0;
    for (int i = 0; i < 200000; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        int digits = 1 + (int)(seed >> 60);                 /* 1..16 significant digits */
        int point = (int)((seed >> 52) & 31) - 8;           /* point position */
        int exp = (int)((seed >> 40) & 63) - 32;             /* exponent -32..31 */
        int len = 0;
        unsigned long long d = seed;
        if (seed & 1)
            buf[len++] = '-';
        for (int k = 0; k < digits; k++, d /= 10) {
            if (k == point && k > 0)
                buf[len++] = '.';
            buf[len++] = (char)('0' + d % 10);
        }
        if (seed & 2)
            len += snprintf(buf + len, sizeof buf - (size_t)len, "e%d", exp);
        buf[len] = '\0';
        double got, want = strtod(buf, NULL);
        const char *why;
        int ok = cefo__parse_number(buf, &got, &why) == 0;
        if (fabs(want) > 1e15) { /* beyond the magnitude cefo reads: refused */
            if (ok && mismatches++ < 3)
                fprintf(stderr, "\n  %s: accepted beyond 1e15\n", buf);
        } else if (!ok || (got != want && !(got == 0 && want == 0))) {
            if (mismatches++ < 3)
                fprintf(stderr, "\n  %s: %.17g, strtod %.17g\n", buf, got, want);
        }
    }
    CU_ASSERT_EQUAL(mismatches, 0);
}

static void test_missing_file(void)
{
    cefo_network *net = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL(cefo_network_load_file(&net, "/nonexistent/cluster.xml", &err),
                    CEFO_ERR_NOFILE);
    CU_ASSERT_STRING_EQUAL(err.file, "/nonexistent/cluster.xml");
    CU_ASSERT_EQUAL(cefo_network_load_file(&net, "/", &err), CEFO_ERR_IO);
    CU_ASSERT_PTR_NULL(net);
}

static void test_example_loads(void)
{
    char path[1024];
    cefo_network *net = NULL;
    cefo_error err = {0};
    cefo_status st = cefo_network_load_file(
        &net, source_path(path, sizeof path, "examples/zhenan-cluster.xml"), &err);
    if (st != CEFO_OK)
        fprintf(stderr, "\n  %s:%d: %s\n", err.file, err.line, err.message);
    CU_ASSERT_EQUAL(st, CEFO_OK);
    CU_ASSERT(cefo_network_count(net, CEFO_PROCESS) >= 15);
    size_t idx;
    CU_ASSERT_EQUAL(cefo_network_find(net, CEFO_POLLUTANT, "COD", &idx), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_network_find(net, CEFO_POLLUTANT, "nope", &idx), CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(cefo_network_find(net, CEFO_LINK, "x", &idx), CEFO_ERR_ARG);
    cefo_network_free(net);
}

/* Inputs that upset libxml2's encoding layer are errors, and nothing reaches stderr (found by
 * fuzzing: libxml2 reports them on its generic channel, not the parser's). */
static void test_silent_on_bad_encoding(void)
{
    static const struct {
        const char *bytes;
        size_t len;
#define BYTES(s) {s, sizeof s - 1}
    } cases[] = {BYTES("\xff\xfe<\0n\0e\0t\0w\0o\0r\0k\0/\0>\0\0\xd8" "A\0"),
                 BYTES("<?xml version=\"1.0\" encoding=\"EUC-JP\"?><network version=\"1\">"
                       "<material id=\"\x8e\xff\" unit=\"t\"/></network>"),
                 BYTES("\0\0\0\0<network/>"),
                 BYTES("<?xml version=\"1.0\" encoding=\"UTF-16\"?>~~~~~~~~~~~"),
                 BYTES("<?xml version=\"1.0\" encoding=\"no-such-charset\"?><network/>"),
                 BYTES("\xfe\xff\x00<\x00n\xd8\x00")};
#undef BYTES
    char path[] = "/tmp/cefo-stderr-XXXXXX";
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    dup2(fd, STDERR_FILENO);
    int all_failed = 1;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cefo_network *net = NULL;
        cefo_error err = {0};
        cefo_status st = cefo_network_load_memory(&net, cases[i].bytes, cases[i].len, "enc.xml",
                                                  &err);
        all_failed &= st == CEFO_ERR_PARSE && err.message[0] != '\0';
        cefo_network_free(net);
    }
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    CU_ASSERT(all_failed);
    off_t printed = lseek(fd, 0, SEEK_END);
    if (printed)
        fprintf(stderr, "\n  %lld bytes reached stderr\n", (long long)printed);
    CU_ASSERT_EQUAL(printed, 0);
    close(fd);
    unlink(path);
}

/* A network of 70000 materials after its first line, then `tail` (malloc'd; *len bytes). */
static char *long_network(const char *tail, size_t *len)
{
    size_t cap = 4 << 20, n = 0;
    char *xml = malloc(cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
    n += (size_t)snprintf(xml + n, cap - n, "<network version=\"1\">\n");
    for (int i = 0; i < 70000; i++)
        n += (size_t)snprintf(xml + n, cap - n, "<material id=\"m%d\" unit=\"t\"/>\n", i);
    n += (size_t)snprintf(xml + n, cap - n, "%s", tail);
    *len = n;
    return xml;
}

/* Errors past line 65,535 carry their exact line (libxml2 only estimates such lines). */
static void test_big_line_numbers(void)
{
    size_t len;
    char *xml = long_network("<material id=\"bad\"\n unit=\"t\" import-cost=\"NaN\"/>\n"
                             "</network>\n", &len);
    cefo_network *net = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL(cefo_network_load_memory(&net, xml, len, "long.xml", &err), CEFO_ERR_INVALID);
    /* 1 line of <network>, 70000 materials: the bad one starts on line 70002, its start tag
     * ends on 70003, which is the line libxml2 gives elements. */
    CU_ASSERT_EQUAL(err.line, 70003);
    free(xml);
}

/* A streamed network keeps exact lines past 65,535 too (its warnings name them), as the
 * document does. */
static void test_big_lines_streamed(void)
{
    size_t len;
    char *xml = long_network("<material id=\"x\" unit=\"t\"/>\n<process id=\"p\">\n"
                             "<output material=\"x\" amount=\"1\"/></process>\n"
                             "<process id=\"q\"><input material=\"x\" amount=\"1\"/>\n"
                             "<output material=\"m1\" amount=\"1\"/></process>\n"
                             "<link from=\"p\" to=\"q\" material=\"x\"/>\n"
                             "<process id=\"r\"\n><input material=\"x\" amount=\"1\"/>"
                             "<output material=\"m2\" amount=\"1\"/></process>\n</network>\n",
                             &len);
    int took = 0;
    CU_ASSERT(same_both_ways(xml, len, "long.xml", &took));
    CU_ASSERT(took);
    cefo_network *net = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, xml, len, "long.xml", NULL), CEFO_OK);
    /* x on line 70002, p 70003-70004, q 70005-70006, the link on 70007; r's start tag ends on
     * line 70009. */
    CU_ASSERT_EQUAL_FATAL(cefo_network_warning_count(net), 1);
    CU_ASSERT_EQUAL(cefo_network_warning(net, 0)->line, 70009);
    cefo_network_free(net);
    free(xml);
}

static CU_TestInfo loader_tests[] = {
    {"line numbers past 65535", test_big_line_numbers},
    {"line numbers past 65535 in a streamed network", test_big_lines_streamed},
    {"bad encodings: an error, and silence", test_silent_on_bad_encoding},
    {"bad inputs: status, line and message", test_bad_inputs},
    {"control characters never reach a diagnostic", test_diagnostics_escaped},
    {"grouping elements nest 8 deep", test_grouping_depth},
    {"warnings: a consumer of a linked material without a link", test_warnings},
    {"flat and grouped forms agree", test_flat_and_grouped},
    {"several demands of one material add up", test_demands_add_up},
    {"strict numbers", test_numbers},
    {"a plan that overflows is an error, not optimal", test_overflowing_plan},
    {"numbers equal strtod's to the bit", test_numbers_match_strtod},
    {"missing file and directory", test_missing_file},
    {"bundled example loads", test_example_loads},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("loader", loader_tests)
