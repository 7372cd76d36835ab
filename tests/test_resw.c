/* test_resw.c - what the plan writers read through the public header: the cost terms' summary
 * columns, whether a plan was solved as a MIP, the one format dispatcher of the writers and
 * the source lines of a plan in text and HTML. Every expected value is derived by hand. */
#include "testutil.h"

#include "writers/fmt.h"
#include "writers/plan.h"
#include "writers/report.h"

/* tests/golden/pollutant-cap.xml with a currency: x_dirty = x_clean = 50 (its .expect), so
 * process costs 10 * 50 + 15 * 50 = 1250, pollution 1 * 125 = 125, objective 1375. */
static const char *const capped =
    "<network version='1' currency='kCNY'>\n"
    "  <material id='widget' unit='t'/>\n"
    "  <pollutant id='CO2' unit='t' damage-cost='1' cap='125'/>\n"
    "  <process id='dirty' cost='10'>\n"
    "    <output material='widget' amount='1'/><emission pollutant='CO2' amount='2'/>\n"
    "  </process>\n"
    "  <process id='clean' cost='15'>\n"
    "    <output material='widget' amount='1'/><emission pollutant='CO2' amount='0.5'/>\n"
    "  </process>\n"
    "  <demand material='widget' amount='100'/>\n"
    "</network>\n";

/* Steel needs 10 t of ore, the mine makes 5 at most and ore cannot be imported: infeasible.
 * Its only decision is the link (OPTIONAL true), so it is a MIP without a plan. */
static const char *const short_ore =
    "<network version='1'>\n"
    "  <material id='ore' unit='t'/>\n"
    "  <material id='steel' unit='t'/>\n"
    "  <process id='mine' cost='1' capacity='5'><output material='ore' amount='1'/></process>\n"
    "  <process id='mill' cost='1'>\n"
    "    <input material='ore' amount='1'/><output material='steel' amount='1'/>\n"
    "  </process>\n"
    "  <link from='mine' to='mill' material='ore' capacity='20' optional='%s'/>\n"
    "  <demand material='steel' amount='10'/>\n"
    "</network>\n";

static cefo_result *solve_text(const char *xml, const char *name, cefo_network **net)
{
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(net, xml, strlen(xml), name, &err), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, *net, &err), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, test_options(), &res, &err), CEFO_OK);
    cefo_problem_free(prob);
    return res;
}

static cefo_result *solve_file(const char *rel, cefo_network **net)
{
    char path[1024];
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_file(net, source_path(path, sizeof path, rel), &err),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, *net, &err), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, test_options(), &res, &err), CEFO_OK);
    cefo_problem_free(prob);
    return res;
}

/* The columns of the terms of `res`, joined by spaces ("-" for NULL), into buf. */
static const char *columns(char *buf, size_t n, const cefo_result *res)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < cefo_result_cost_count(res) && len < n; i++) {
        cefo_cost_term t;
        CU_ASSERT_EQUAL(cefo_result_cost_term(res, i, &t), CEFO_OK);
        len += (size_t)snprintf(buf + len, n - len, "%s%s=%s", i ? " " : "", t.key,
                                t.column ? t.column : "-");
    }
    return buf;
}

/* docs/results.md and docs/scenarios.md name the summary's columns: cost_ and the key, but
 * export_revenue as it is; resources add cost_resource, periods cost_investment. */
static void test_cost_columns(void)
{
    char buf[1024];
    cefo_network *net = NULL;
    cefo_result *res = solve_text(capped, "capped.xml", &net);
    CU_ASSERT_STRING_EQUAL(columns(buf, sizeof buf, res),
                           "process=cost_process link=cost_link import=cost_import "
                           "discharge=cost_discharge pollution=cost_pollution "
                           "export_revenue=export_revenue fixed=cost_fixed total=-");
    /* A program built against the first cefo_cost_term (no column) gets nothing past it. */
    struct {
        cefo_cost_term t;
        char guard[16];
    } old;
    memset(&old, 0x5a, sizeof old);
    size_t first = offsetof(cefo_cost_term, value) + sizeof(double);
    CU_ASSERT_EQUAL(cefo_result_cost_term_sized(res, 0, &old.t, first), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(old.t.key, "process");
    for (size_t i = first; i < sizeof old; i++)
        CU_ASSERT_EQUAL(((unsigned char *)&old)[i], 0x5a);
    cefo_result_free(res);
    cefo_network_free(net);

    res = solve_file("tests/golden/resource-land.xml", &net);
    CU_ASSERT_PTR_NOT_NULL(strstr(columns(buf, sizeof buf, res),
                                  "fixed=cost_fixed resource=cost_resource total=-"));
    cefo_result_free(res);
    cefo_network_free(net);

    res = solve_file("tests/cli/data/report-periods.xml", &net);
    CU_ASSERT_PTR_NOT_NULL(strstr(columns(buf, sizeof buf, res),
                                  "fixed=cost_fixed investment=cost_investment total=-"));
    cefo_result_free(res);
    cefo_network_free(net);
}

/* What `write` writes into a string (free it). */
static char *written(cefo_status (*write)(const cefo_result *, FILE *, const void *),
                     const cefo_result *res, const void *arg, cefo_status *st)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    *st = write(res, m, arg);
    fclose(m);
    return buf;
}

static cefo_status summary_header(const cefo_result *res, FILE *fp, const void *arg)
{
    return cefo_result_write_summary(res, fp, arg, 1, NULL);
}

static cefo_status summary_line(const cefo_result *res, FILE *fp, const void *arg)
{
    return cefo_result_write_summary(res, fp, arg, 0, NULL);
}

static cefo_status as_json(const cefo_result *res, FILE *fp, const void *arg)
{
    (void)arg;
    return cefo_result_write(res, fp, CEFO_FORMAT_JSON, NULL);
}

static cefo_status as_csv(const cefo_result *res, FILE *fp, const void *arg)
{
    (void)arg;
    return cefo_result_write(res, fp, CEFO_FORMAT_CSV, NULL);
}

/* The summary of the capped plan: the columns above, the emission, labour (the only
 * indicator: no waste, nothing importable; 0 as no process has labour) and an empty gap. */
static void test_summary_line(void)
{
    cefo_network *net = NULL;
    cefo_result *res = solve_text(capped, "capped.xml", &net);
    cefo_status st;
    char *s = written(summary_header, res, "point", &st);
    CU_ASSERT_EQUAL(st, CEFO_OK);
    CU_ASSERT_STRING_EQUAL(s, "point,status,objective,cost_process,cost_link,cost_import,"
                              "cost_discharge,cost_pollution,export_revenue,cost_fixed,"
                              "emission:CO2,labour,gap\n");
    free(s);
    s = written(summary_line, res, "7", &st);
    CU_ASSERT_EQUAL(st, CEFO_OK);
    CU_ASSERT_STRING_EQUAL(s, "7,optimal,1375,1250,0,0,0,125,0,0,125,0,\n");
    free(s);
    cefo_result_free(res);
    cefo_network_free(net);
}

/* A MIP says so with its gap (null without a plan) in JSON and CSV; an LP says "mip": null. */
static void test_mip_without_plan(void)
{
    char xml[1024];
    const char *const mip_json =
        "\"mip\": {\"gap\": null, \"shadow_prices\": \"from the LP with every decision fixed\"}";
    for (int optional = 0; optional < 2; optional++) {
        cefo_network *net = NULL;
        snprintf(xml, sizeof xml, short_ore, optional ? "true" : "false");
        cefo_result *res = solve_text(xml, "short-ore.xml", &net);
        CU_ASSERT_EQUAL(cefo_result_status(res), CEFO_SOLVE_INFEASIBLE);
        CU_ASSERT(isnan(cefo_result_gap(res)));
        CU_ASSERT_EQUAL(cefo__plan_is_mip(res), optional);
        cefo_status st;
        char *s = written(as_json, res, NULL, &st);
        CU_ASSERT_EQUAL(st, CEFO_OK);
        CU_ASSERT_EQUAL(strstr(s, mip_json) != NULL, optional);
        CU_ASSERT_EQUAL(strstr(s, "\"mip\": null") != NULL, !optional);
        free(s);
        s = written(as_csv, res, NULL, &st);
        CU_ASSERT_EQUAL(st, CEFO_OK);
        CU_ASSERT_EQUAL(strstr(s, "\nmip,,,,,gap,,\n") != NULL, optional);
        /* the link's decision row: no plan, so no value */
        CU_ASSERT_EQUAL(strstr(s, "\ndecision,,mine,mill,ore,chosen,,\n") != NULL, optional);
        free(s);
        cefo_result_free(res);
        cefo_network_free(net);
    }
}

static void put_t(const void *ctx, FILE *fp)
{
    fprintf(fp, "T%s", (const char *)ctx);
}

static void put_j(const void *ctx, FILE *fp)
{
    fprintf(fp, "J%s", (const char *)ctx);
}

static void put_c(const void *ctx, FILE *fp)
{
    fprintf(fp, "C%s", (const char *)ctx);
}

/* The dispatcher: each format its own writer, to a stream or into a file; any other value
 * refused before a byte is written. */
static void test_dispatcher(void)
{
    const cefo__formats w = {put_t, put_j, put_c};
    const char *const want[] = {"Tx", "Jx", "Cx"};
    for (int f = 0; f < 3; f++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&buf, &len);
        CU_ASSERT_EQUAL(cefo__write_format(&w, (cefo_format)f, "x", m, NULL, NULL), CEFO_OK);
        fclose(m);
        CU_ASSERT_STRING_EQUAL(buf, want[f]);
        free(buf);
    }
    const int bad[] = {-1, 3, 1000};
    for (int k = 0; k < 3; k++) {
        char *buf = NULL;
        size_t len = 0;
        cefo_error err = {0};
        FILE *m = open_memstream(&buf, &len);
        CU_ASSERT_EQUAL(cefo__write_format(&w, (cefo_format)bad[k], "x", m, NULL, &err),
                        CEFO_ERR_ARG);
        CU_ASSERT_STRING_EQUAL(err.message, "bad output format");
        CU_ASSERT_FALSE(cefo__format_ok((cefo_format)bad[k]));
        fclose(m);
        CU_ASSERT_EQUAL(len, 0);
        free(buf);
    }
    char dir[64], path[128], got[8] = "";
    test_make_tree(dir, "cefo-resw");
    snprintf(path, sizeof path, "%s/out.csv", dir);
    CU_ASSERT_EQUAL(cefo__write_format(&w, CEFO_FORMAT_CSV, "y", NULL, path, NULL), CEFO_OK);
    FILE *fp = fopen(path, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    CU_ASSERT_PTR_NOT_NULL(fgets(got, sizeof got, fp));
    fclose(fp);
    CU_ASSERT_STRING_EQUAL(got, "Cy");
    const char *const files[] = {"out.csv", "sub"};
    test_rm_tree(dir, files, 2);
}

/* The public writers keep their own messages for a bad format and a missing path. */
static void test_writer_errors(void)
{
    cefo_network *net = NULL;
    cefo_result *res = solve_text(capped, "capped.xml", &net);
    cefo_error err = {0};
    CU_ASSERT_EQUAL(cefo_result_write(res, stdout, (cefo_format)3, &err), CEFO_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(err.message, "bad arguments to write a result");
    CU_ASSERT_EQUAL(cefo_result_write_file(res, "x.json", (cefo_format)-1, &err), CEFO_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(err.file, "x.json");
    cefo_footprint *fp = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_footprint_compute(&fp, res, CEFO_ALLOCATION_MARKET, &err),
                          CEFO_OK);
    CU_ASSERT_EQUAL(cefo_footprint_write(fp, stdout, (cefo_format)3, &err), CEFO_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(err.message, "bad arguments to write footprints");
    CU_ASSERT_EQUAL(cefo_footprint_write_file(fp, NULL, CEFO_FORMAT_JSON, &err), CEFO_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(err.message, "no output path");
    CU_ASSERT_EQUAL(cefo_footprint_write(fp, NULL, CEFO_FORMAT_JSON, &err), CEFO_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(err.message, "no stream");
    cefo_footprint_free(fp);
    cefo_rank_row rows[1];
    CU_ASSERT_EQUAL(cefo_rank_write(net, rows, 0, 1375, stdout, (cefo_format)3, &err),
                    CEFO_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(err.message, "bad arguments to write a ranking");
    cefo_iotable *table = NULL;
    cefo_io_result *io = NULL;
    cefo_result_free(res);
    cefo_network_free(net);
    /* one product, one producer: a table */
    const char *one =
        "<network version='1'><material id='m' unit='t'/>"
        "<process id='p' cost='1'><output material='m' amount='1'/></process>"
        "<demand material='m' amount='2'/></network>";
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, one, strlen(one), "one.xml", &err),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_iotable_from_network(&table, net, &err), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_iotable_analyse(table, NULL, &io, &err), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_io_result_write(io, stdout, (cefo_format)3, &err), CEFO_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(err.message, "bad arguments to write a result");
    CU_ASSERT_EQUAL(cefo_io_result_write_file(io, NULL, CEFO_FORMAT_CSV, &err), CEFO_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(err.message, "no output path");
    cefo_io_result_free(io);
    cefo_iotable_free(table);
    cefo_network_free(net);
}

/* The scenario and the edits, as text lines and as the report's HTML paragraph. */
static void test_source_lines(void)
{
    const char *sc = "<scenarios version='1'><scenario id='s1' name='dear &amp; clean'>"
                     "<scale sel=\"//process[@id='dirty']\" attr='cost' factor='2'/>"
                     "</scenario></scenarios>";
    cefo_scenarios *s = NULL;
    cefo_network *net = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cefo_scenarios_load_memory(&s, sc, strlen(sc), "sc.xml", &err), CEFO_OK);
    const cefo_edit edits[] = {{CEFO_EDIT_SET, "//demand/@amount", "90", 0},
                               {CEFO_EDIT_REMOVE, "//pollutant/@cap", NULL, 0}};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_edited_memory(&net, capped, strlen(capped), "n<1>.xml",
                                                          s, "s1", edits, 2, &err),
                          CEFO_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    cefo__text_source(m, net);
    cefo__html_source(m, net, 1);
    cefo__html_source(m, net, 0);
    fclose(m);
    CU_ASSERT_STRING_EQUAL(buf,
                           "Plan for n<1>.xml\n"
                           "Scenario: s1 (dear & clean) of sc.xml\n"
                           "Edits: set //demand/@amount=90; remove //pollutant/@cap\n"
                           "<p class=\"source\">Plan for n&lt;1&gt;.xml<br>"
                           "Scenario: s1 (dear &amp; clean) of sc.xml<br>"
                           "Edits: set //demand/@amount=90; remove //pollutant/@cap</p>\n"
                           "<p class=\"source\">Scenario: s1 (dear &amp; clean) of sc.xml<br>"
                           "Edits: set //demand/@amount=90; remove //pollutant/@cap</p>\n");
    free(buf);
    cefo_network_free(net);
    /* Edits alone: the HTML paragraph opens with them; nothing at all: no paragraph. */
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_edited_memory(&net, capped, strlen(capped), "n.xml",
                                                          NULL, NULL, edits + 1, 1, &err),
                          CEFO_OK);
    buf = NULL;
    m = open_memstream(&buf, &len);
    cefo__html_source(m, net, 0);
    cefo__text_source(m, net);
    fclose(m);
    CU_ASSERT_STRING_EQUAL(buf, "<p class=\"source\">Edits: remove //pollutant/@cap</p>\n"
                                "Plan for n.xml\nEdits: remove //pollutant/@cap\n");
    free(buf);
    cefo_network_free(net);
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, capped, strlen(capped), "n.xml", &err),
                          CEFO_OK);
    buf = NULL;
    m = open_memstream(&buf, &len);
    cefo__html_source(m, net, 0);
    fclose(m);
    CU_ASSERT_STRING_EQUAL(buf, "");
    free(buf);
    cefo_network_free(net);
    cefo_scenarios_free(s);
}

static CU_TestInfo resw_tests[] = {
    {"cost terms name their summary columns", test_cost_columns},
    {"a summary line from hand numbers", test_summary_line},
    {"a MIP without a plan is still a MIP", test_mip_without_plan},
    {"one dispatcher picks the writer of each format", test_dispatcher},
    {"the writers' own messages for bad arguments", test_writer_errors},
    {"a plan's scenario and edits in text and HTML", test_source_lines},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("resw", resw_tests)
