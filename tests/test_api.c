/* test_api.c - the public API as an embedding host uses it: misuse, updates, writers, faults. */
#include <cefo/cefo.h>
#include <dirent.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/alloc.h"
#include "io/xmldoc.h"
#include "json_valid.h"
#include "testutil.h"

static cefo_network *load(const char *rel)
{
    char path[1024];
    cefo_network *net = NULL;
    cefo_error err = {0};
    if (cefo_network_load_file(&net, source_path(path, sizeof path, rel), &err) != CEFO_OK)
        fprintf(stderr, "\n  %s:%d: %s\n", err.file, err.line, err.message);
    return net;
}

static double solve(cefo_problem *prob, cefo_solve_status *status)
{
    cefo_result *res = NULL;
    double obj = NAN;
    if (cefo_problem_solve(prob, NULL, &res, NULL) == CEFO_OK) {
        obj = cefo_result_objective(res);
        *status = cefo_result_status(res);
    }
    cefo_result_free(res);
    return obj;
}

/* The host survives every misuse with an error status. */
static void test_misuse(void)
{
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL(cefo_network_load_file(NULL, "x", &err), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_network_load_file(&net, NULL, NULL), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_network_load_memory(&net, NULL, 5, NULL, NULL), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_network_load_memory(&net, "\0\1\2garbage", 10, NULL, &err),
                    CEFO_ERR_PARSE);
    CU_ASSERT_EQUAL(cefo_problem_build(&prob, NULL, &err), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_problem_solve(NULL, NULL, &res, &err), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_result_write(NULL, stdout, CEFO_FORMAT_JSON, NULL), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_problem_set_capacity(NULL, 0, 1), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_result_process(NULL, 0, (cefo_process_result *)NULL), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_network_count(NULL, CEFO_PROCESS), 0);
    CU_ASSERT(isnan(cefo_result_objective(NULL)));
    CU_ASSERT_STRING_EQUAL(cefo_strerror((cefo_status)999), "unknown status");
    cefo_network_free(NULL);
    cefo_problem_free(NULL);
    cefo_result_free(NULL);

    net = load("tests/golden/pollutant-cap.xml");
    CU_ASSERT_PTR_NOT_NULL_FATAL(net);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_problem_set_capacity(prob, 99, 1), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_problem_set_cap(prob, 0, NAN), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_problem_set_cap(prob, 0, -1), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_problem_set_demand(prob, 0, INFINITY), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_problem_set_damage_cost(prob, 0, NAN), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_problem_solve(prob, NULL, &res, NULL), CEFO_OK);
    cefo_process_result row;
    CU_ASSERT_EQUAL(cefo_result_process(res, 2, &row), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_result_write(res, stdout, (cefo_format)7, NULL), CEFO_ERR_ARG);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/* In-place updates re-optimise to the optimum computed by hand for the changed model. */
static void test_updates(void)
{
    cefo_solve_status st = CEFO_SOLVE_UNDEFINED;
    cefo_problem *prob = NULL;
    cefo_network *net = load("tests/golden/pollutant-cap.xml");
    CU_ASSERT_PTR_NOT_NULL_FATAL(net);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 1375);
    /* Cap 250 no longer binds: all 100 t dirty, 10*100 + 1*200. */
    CU_ASSERT_EQUAL(cefo_problem_set_cap(prob, 0, 250), CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 1200);
    /* Damage 4: dirty costs 10 + 8 = 18 > clean 15 + 2 = 17: all clean, 1500 + 4*50. */
    CU_ASSERT_EQUAL(cefo_problem_set_damage_cost(prob, 0, 4), CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 1700);
    /* Demand 40 at the same prices: 17 * 40. */
    CU_ASSERT_EQUAL(cefo_problem_set_demand(prob, 0, 40), CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 680);
    /* Cap 10 with clean at 0.5 t/t: 40 t need 20 t of CO2: infeasible. */
    CU_ASSERT_EQUAL(cefo_problem_set_cap(prob, 0, 10), CEFO_OK);
    solve(prob, &st);
    CU_ASSERT_EQUAL(st, CEFO_SOLVE_INFEASIBLE);
    /* And back: the same problem recovers from an infeasible re-solve. */
    CU_ASSERT_EQUAL(cefo_problem_set_cap(prob, 0, INFINITY), CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 680);
    CU_ASSERT_EQUAL(st, CEFO_SOLVE_OPTIMAL);
    cefo_problem_free(prob);
    cefo_network_free(net);

    /* Pooled case, leather demand 50: tannery 50 (hide 60), all 15 t of scrap recycled into
     * 7.5 t of board, 7.5 t imported: 20*50 + 10*60 + 5*15 + 40*7.5 = 1975. */
    net = load("tests/golden/pooled-reuse.xml");
    CU_ASSERT_PTR_NOT_NULL_FATAL(net);
    size_t leather, recycler;
    CU_ASSERT_EQUAL(cefo_network_find(net, CEFO_MATERIAL, "leather", &leather), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_network_find(net, CEFO_PROCESS, "recycler", &recycler), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_problem_set_demand(prob, leather, 50), CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 1975);
    /* Recycler cut by 60% to 8: 8 t recycled (4 board), 7 t discharged at 56, 11 board at 40:
     * 1000 + 600 + 40 + 440 + 392 = 2472. */
    CU_ASSERT_EQUAL(cefo_problem_set_capacity(prob, recycler, 8), CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 2472);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

static cefo_result *solved(cefo_network **net, cefo_problem **prob, const char *rel)
{
    cefo_result *res = NULL;
    *net = load(rel);
    if (*net && cefo_problem_build(prob, *net, NULL) == CEFO_OK)
        cefo_problem_solve(*prob, NULL, &res, NULL);
    return res;
}

static void test_writers(void)
{
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = solved(&net, &prob, "tests/golden/linked-chain.xml");
    CU_ASSERT_PTR_NOT_NULL_FATAL(res);
    char buf[8192] = {0};
    FILE *fp = fmemopen(buf, sizeof buf - 1, "w");
    CU_ASSERT_EQUAL(cefo_result_write(res, fp, CEFO_FORMAT_JSON, NULL), CEFO_OK);
    fclose(fp);
    const char *keys[] = {"\"status\": \"optimal\"", "\"objective\": 1428", "\"costs\"",
                          "\"processes\"", "\"links\"", "\"materials\"", "\"pollutants\"",
                          "\"indicators\"", "\"shadow_price\"", "\"reuse_rate\"",
                          "\"flow\": 6"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        CU_ASSERT_PTR_NOT_NULL(strstr(buf, keys[i]));
    CU_ASSERT(json_valid(buf));

    memset(buf, 0, sizeof buf);
    fp = fmemopen(buf, sizeof buf - 1, "w");
    CU_ASSERT_EQUAL(cefo_result_write(res, fp, CEFO_FORMAT_CSV, NULL), CEFO_OK);
    fclose(fp);
    CU_ASSERT_EQUAL(strncmp(buf, "section,id,from,to,material,quantity,value,unit\n", 48), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "link,,millA,kiln,sludge,flow,6,t\n"));

    /* A full device fails the write with an I/O status. */
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        CU_ASSERT_EQUAL(cefo_result_write(res, full, CEFO_FORMAT_TEXT, NULL), CEFO_ERR_IO);
        fclose(full);
    }
    /* An output path that cannot be created: an error, and no file of any name left. */
    cefo_error err = {0};
    CU_ASSERT_EQUAL(cefo_result_write_file(res, "/nonexistent-dir/plan.json", CEFO_FORMAT_JSON,
                                           &err),
                    CEFO_ERR_CREATE);
    char dir[] = "/tmp/cefo-write-XXXXXX", path[64];
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/plan.csv", dir);
    CU_ASSERT_EQUAL(cefo_result_write_file(res, path, CEFO_FORMAT_CSV, NULL), CEFO_OK);
    struct stat sb;
    CU_ASSERT_EQUAL(stat(path, &sb), 0);
    CU_ASSERT(sb.st_size > 100);
    unlink(path);
    CU_ASSERT_EQUAL(rmdir(dir), 0); /* empty: no temporary left beside the output */
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/* Fail the n-th allocation for every n over load, build, solve and write. */
static void test_out_of_memory(void)
{
    char path[1024];
    char *xml = NULL;
    size_t len = 0;
    FILE *src = fopen(source_path(path, sizeof path, "tests/golden/linked-chain.xml"), "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(src);
    char buf[8192];
    len = fread(buf, 1, sizeof buf, src);
    fclose(src);
    xml = buf;
    int completed = 0;
    for (long n = 1; n < 100000 && !completed; n++) {
        cefo_network *net = NULL;
        cefo_problem *prob = NULL;
        cefo_result *res = NULL;
        cefo__alloc_fail_at(n);
        cefo_status st = cefo_network_load_memory(&net, xml, len, "oom.xml", NULL);
        if (st == CEFO_OK)
            st = cefo_problem_build(&prob, net, NULL);
        if (st == CEFO_OK)
            st = cefo_problem_solve(prob, NULL, &res, NULL);
        FILE *sink = fopen("/dev/null", "w");
        if (st == CEFO_OK)
            st = cefo_result_write(res, sink, CEFO_FORMAT_JSON, NULL);
        fclose(sink);
        long made = cefo__alloc_fail_at(0);
        if (st == CEFO_OK) {
            completed = made < n; /* the n-th allocation never came: a clean run */
            CU_ASSERT(completed);
        } else if (st != CEFO_ERR_NOMEM) {
            fprintf(stderr, "\n  allocation %ld: status %d\n", n, st);
            CU_FAIL("a failed allocation gave a status other than CEFO_ERR_NOMEM");
        }
        cefo_result_free(res);
        cefo_problem_free(prob);
        cefo_network_free(net);
    }
    CU_ASSERT(completed);
}

/* Four threads load and solve different networks at once, each with the right optimum. */
typedef struct job {
    const char *rel;
    double want;
    double got;
} job;

static void *run_job(void *arg)
{
    job *j = arg;
    for (int rep = 0; rep < 20; rep++) {
        cefo_network *net = NULL;
        cefo_problem *prob = NULL;
        cefo_result *res = solved(&net, &prob, j->rel);
        j->got = cefo_result_objective(res);
        cefo_result_free(res);
        cefo_problem_free(prob);
        cefo_network_free(net);
        if (!close_enough(j->got, j->want, GOLDEN_RTOL, GOLDEN_ATOL))
            break;
    }
    return NULL;
}

static void test_threads(void)
{
    job jobs[4] = {{"tests/golden/pooled-reuse.xml", 4060, NAN},
                   {"tests/golden/linked-chain.xml", 1428, NAN},
                   {"tests/golden/pollutant-cap.xml", 1375, NAN},
                   {"tests/golden/linked-chain.xml", 1428, NAN}};
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, run_job, &jobs[i]), 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        ASSERT_CLOSE(jobs[i].got, jobs[i].want);
    }
}

/* A solver limit is a solve status with no plan, not an error. */
static void test_limits(void)
{
    cefo_network *net = load("examples/zhenan-cluster.xml");
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_options opt;
    CU_ASSERT_PTR_NOT_NULL_FATAL(net);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    cefo_options_init(&opt);
    opt.presolve = 0;
    opt.iteration_limit = 1;
    CU_ASSERT_EQUAL(cefo_problem_solve(prob, &opt, &res, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_result_status(res), CEFO_SOLVE_ITERATION_LIMIT);
    CU_ASSERT_STRING_EQUAL(cefo_solve_status_name(cefo_result_status(res)), "iteration-limit");
    CU_ASSERT(isnan(cefo_result_objective(res)));
    cefo_result_free(res);
    res = NULL;
    /* The same problem then finishes from where it stopped. */
    CU_ASSERT_EQUAL(cefo_problem_solve(prob, NULL, &res, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_result_status(res), CEFO_SOLVE_OPTIMAL);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

static size_t index_of(const cefo_network *net, cefo_item kind, const char *id)
{
    size_t i = (size_t)-1;
    CU_ASSERT_EQUAL(cefo_network_find(net, kind, id, &i), CEFO_OK);
    return i;
}

static const char *chosen_in_group(cefo_problem *prob)
{
    static char id[64];
    cefo_result *res = NULL;
    cefo_group_result g = {0};
    if (cefo_problem_solve(prob, NULL, &res, NULL) == CEFO_OK)
        cefo_result_group(res, 0, &g);
    snprintf(id, sizeof id, "%s", g.chosen ? g.chosen : "closed");
    cefo_result_free(res);
    return id;
}

/* Build/keep decisions re-optimised in place, each optimum derived by hand. */
static void test_mip_updates(void)
{
    cefo_solve_status st = CEFO_SOLVE_UNDEFINED;
    cefo_problem *prob = NULL;
    cefo_network *net = load("tests/golden/recycler.xml");
    CU_ASSERT_PTR_NOT_NULL_FATAL(net);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 2400);
    /* 100 t of paper, 50 t of sludge: discharge (250) beats 400 of fixed costs: 1000 + 250. */
    CU_ASSERT_EQUAL(cefo_problem_set_demand(prob, index_of(net, CEFO_MATERIAL, "paper"), 100),
                    CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 1250);
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL(cefo_problem_solve(prob, NULL, &res, NULL), CEFO_OK);
    cefo_process_result row;
    cefo_result_process(res, index_of(net, CEFO_PROCESS, "recycler"), &row);
    CU_ASSERT_EQUAL(row.chosen, 0);
    cefo_costs c;
    cefo_result_costs(res, &c);
    ASSERT_CLOSE(c.fixed, 0);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);

    net = load("tests/golden/rectify.xml");
    CU_ASSERT_PTR_NOT_NULL_FATAL(net);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(chosen_in_group(prob), "plating-rectify");
    /* Cap 4 kg: rectify could make only 40 t (1544 with imports); relocating makes all 80 t
     * with 1.6 kg: 500 + 960 + 1.6. */
    CU_ASSERT_EQUAL(cefo_problem_set_cap(prob, 0, 4), CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 1461.6);
    CU_ASSERT_STRING_EQUAL(chosen_in_group(prob), "plating-park");
    CU_ASSERT_EQUAL(cefo_problem_set_cap(prob, 0, 20), CEFO_OK);
    /* Rectify's capacity cut to 50: 300 + 550 + 5 + 30 imported at 20 = 1455, above keep's
     * 1220 (40 t within the cap, 40 t imported). */
    size_t rect = index_of(net, CEFO_PROCESS, "plating-rectify");
    CU_ASSERT_EQUAL(cefo_problem_set_capacity(prob, rect, 50), CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 1220);
    CU_ASSERT_STRING_EQUAL(chosen_in_group(prob), "plating-keep");
    /* Raised to 200 (above the original 100) with 150 t demanded: rectify makes all 150 t,
     * 15 kg: 300 + 1650 + 15 = 1965. A stale x <= 100 y would force imports (2410). */
    CU_ASSERT_EQUAL(cefo_problem_set_capacity(prob, rect, 200), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_problem_set_demand(prob, index_of(net, CEFO_MATERIAL, "plated"), 150),
                    CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 1965);
    CU_ASSERT_EQUAL(cefo_problem_set_capacity(prob, rect, INFINITY), CEFO_ERR_ARG);
    cefo_problem_free(prob);
    cefo_network_free(net);

    /* With imports at 5, every variant loses to closing the firm: 80 * 5. */
    const char *xml = "<network version=\"1\"><material id=\"p\" unit=\"t\" import-cost=\"5\"/>"
                      "<process id=\"keep\" group=\"firm\" cost=\"10\" capacity=\"100\">"
                      "<output material=\"p\" amount=\"1\"/></process>"
                      "<process id=\"park\" group=\"firm\" cost=\"6\" capacity=\"100\" "
                      "fixed-cost=\"100\"><output material=\"p\" amount=\"1\"/></process>"
                      "<demand material=\"p\" amount=\"80\"/></network>";
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, xml, strlen(xml), "closed.xml", NULL),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 400);
    CU_ASSERT_STRING_EQUAL(chosen_in_group(prob), "closed");
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/* The bundled examples solve to optimality, or within the default gap of 1e-4 (the README's
 * commands rely on it). */
static void test_examples(void)
{
    const char *files[] = {"examples/zhenan-cluster.xml", "examples/rectification.xml"};
    for (size_t i = 0; i < 2; i++) {
        cefo_network *net = NULL;
        cefo_problem *prob = NULL;
        cefo_result *res = solved(&net, &prob, files[i]);
        CU_ASSERT(cefo_result_status(res) == CEFO_SOLVE_OPTIMAL
                  || (cefo_result_status(res) == CEFO_SOLVE_GAP_LIMIT
                      && cefo_result_gap(res) <= 1e-4));
        cefo_costs c;
        CU_ASSERT_EQUAL(cefo_result_costs(res, &c), CEFO_OK);
        ASSERT_CLOSE(c.total, cefo_result_objective(res));
        if (i == 1)
            CU_ASSERT_EQUAL(cefo_result_count(res, CEFO_GROUP), 30);
        cefo_result_free(res);
        cefo_problem_free(prob);
        cefo_network_free(net);
    }
}

/* The cost-CO2 frontier of pollutant-cap.xml, by hand: the least-cost plan emits the cap,
 * 125 t; the least emission is 50 t (all clean); between, a cap c puts (c - 50)/1.5 t on the
 * dirty line: cost 1500 - 5 (c - 50)/1.5 + c. */
static void test_pareto(void)
{
    cefo_network *net = load("tests/golden/pollutant-cap.xml");
    cefo_problem *prob = NULL;
    cefo_pareto_point pt[4];
    cefo_solve_status st;
    CU_ASSERT_PTR_NOT_NULL_FATAL(net);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_pareto(prob, 0, 4, NULL, pt, NULL), CEFO_OK);
    for (int i = 0; i < 4; i++) {
        double c = 125 - 25 * i;
        ASSERT_CLOSE(pt[i].cap, c);
        ASSERT_CLOSE(pt[i].emission, c);
        ASSERT_CLOSE(pt[i].objective, 1500 - 5 * (c - 50) / 1.5 + c);
        CU_ASSERT_EQUAL(pt[i].status, CEFO_SOLVE_OPTIMAL);
    }
    /* The problem is as before: its own objective and cap. */
    ASSERT_CLOSE(solve(prob, &st), 1375);
    CU_ASSERT_EQUAL(cefo_problem_pareto(prob, 5, 4, NULL, pt, NULL), CEFO_ERR_ARG);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/* A host's label with a line break cannot forge a line of the text comparison. */
static void test_compare_labels_escaped(void)
{
    cefo_network *net = load("tests/golden/pollutant-cap.xml");
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(net);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, NULL, &res, NULL), CEFO_OK);
    const cefo_result *r[] = {res, res};
    const char *labels[] = {"base", "two\nstatus   forged"};
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    CU_ASSERT_EQUAL(cefo_results_compare(r, labels, 2, fp, CEFO_FORMAT_TEXT, NULL), CEFO_OK);
    fclose(fp);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "two\\nstatus   forged"));
    CU_ASSERT_PTR_NULL(strstr(text, "\nstatus   forged"));
    free(text);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/* OWASP's CSV-injection guard and RFC 4180 quoting, the same for every CSV writer. */
static void test_csv_cell(void)
{
    static const char *const cases[][2] = {
        {"plain", "plain"},           {"=1+1", "'=1+1"},         {"+CO2", "'+CO2"},
        {"-t", "'-t"},                {"@SUM(A1)", "'@SUM(A1)"}, {"\tx", "'\tx"},
        {"\rx", "\"'\rx\""},          {"-12.5", "-12.5"},        {"+3e-7", "+3e-7"},
        {"-inf", "'-inf"},            {"-0x10", "'-0x10"},       {"-2+3", "'-2+3"},
        {"a,b", "\"a,b\""},           {"=a,\"b\"", "\"'=a,\"\"b\"\"\""}, {"x\ny", "\"x\ny\""},
        {"", ""},                     {"a=b", "a=b"},
    };
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = cefo_csv_cell(buf, sizeof buf, cases[i][0]);
        if (strcmp(buf, cases[i][1]) != 0)
            fprintf(stderr, "\n  cell of '%s' is '%s', want '%s'\n", cases[i][0], buf,
                    cases[i][1]);
        CU_ASSERT_STRING_EQUAL(buf, cases[i][1]);
        CU_ASSERT_EQUAL(n, strlen(cases[i][1]));
    }
    CU_ASSERT_EQUAL(cefo_csv_cell(NULL, 0, "=x"), 3);
    CU_ASSERT_EQUAL(cefo_csv_cell(buf, 3, "=x,y"), 7); /* cut: the length of the whole cell */
    CU_ASSERT_STRING_EQUAL(buf, "\"'");
}

/*
 * Firms b and c can each make all of Q at no cost (same waste, the cap loose): every split of
 * the 12 t between them is optimal (objective 12 * 0.3 * 3 = 10.8 of discharge), and the
 * fixed cost of 0 leaves the binary of an idle one free. GLPK switches b on and runs it at
 * 0 here: a firm that produces nothing must be reported closed, whatever its binary.
 */
static void test_idle_member_closed(void)
{
    static const char xml[] =
        "<network version=\"1\">\n<material id=\"P\" unit=\"t\"/>\n"
        "<material id=\"Q\" unit=\"t\"/>\n"
        "<material id=\"W\" unit=\"t\" kind=\"waste\" discharge-cost=\"3\"/>\n"
        "<pollutant id=\"E\" unit=\"t\" cap=\"20\"/>\n"
        "<process id=\"a-rect\" group=\"a\" variant=\"rectify\" cost=\"2\" capacity=\"5\" "
        "fixed-cost=\"5\"><output material=\"P\" amount=\"1\"/>"
        "<emission pollutant=\"E\" amount=\"2\"/></process>\n"
        "<process id=\"b-keep\" group=\"b\" variant=\"keep\" cost=\"0\" capacity=\"10\" "
        "fixed-cost=\"0\"><output material=\"Q\" amount=\"1\"/><output material=\"W\" "
        "amount=\"0.3\"/><emission pollutant=\"E\" amount=\"0.5\"/></process>\n"
        "<process id=\"c-move\" group=\"c\" variant=\"relocate\" cost=\"0\" capacity=\"20\" "
        "fixed-cost=\"0\"><output material=\"Q\" amount=\"1\"/><output material=\"W\" "
        "amount=\"0.3\"/><emission pollutant=\"E\" amount=\"1\"/></process>\n"
        "<process id=\"import\" cost=\"10\"><output material=\"Q\" amount=\"1\"/></process>\n"
        "<demand material=\"Q\" amount=\"12\"/>\n</network>\n";
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, xml, strlen(xml), "idle.xml", NULL),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, NULL, &res, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_result_status(res), CEFO_SOLVE_OPTIMAL);
    ASSERT_CLOSE(cefo_result_objective(res), 10.8);
    double made = 0;
    for (size_t g = 0; g < cefo_result_count(res, CEFO_GROUP); g++) {
        cefo_group_result row;
        CU_ASSERT_EQUAL_FATAL(cefo_result_group(res, g, &row), CEFO_OK);
        cefo_process_result p = {0};
        const char *member = strcmp(row.id, "a") == 0 ? "a-rect"
                             : strcmp(row.id, "b") == 0 ? "b-keep" : "c-move";
        cefo_result_process(res, index_of(net, CEFO_PROCESS, member), &p);
        made += p.activity;
        if (row.chosen) {
            CU_ASSERT_STRING_EQUAL(row.chosen, member);
            CU_ASSERT(p.activity > 1e-6);
        } else {
            CU_ASSERT(fabs(p.activity) <= 1e-9);
            CU_ASSERT_PTR_NULL(row.variant);
        }
        if (row.chosen && strcmp(row.id, "a") == 0)
            fprintf(stderr, "\n  firm a makes P, which nobody needs\n");
        CU_ASSERT(!(row.chosen && strcmp(row.id, "a") == 0));
    }
    ASSERT_CLOSE(made, 12);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/*
 * Setters refuse what the LP cannot hold, with the detail of every other call: the item, its
 * file and line, the value and why. The problem is untouched and still solves (1375, by hand
 * in pollutant-cap.xml: half the widgets on each line under the 125 t cap).
 */
static void test_setter_detail(void)
{
    cefo_network *net = load("tests/golden/pollutant-cap.xml");
    cefo_problem *prob = NULL;
    cefo_error err = {0};
    cefo_solve_status st;
    size_t dirty = 0, co2 = 0, widget = 0;
    CU_ASSERT_PTR_NOT_NULL_FATAL(net);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_network_find(net, CEFO_PROCESS, "dirty", &dirty), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_network_find(net, CEFO_POLLUTANT, "CO2", &co2), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_network_find(net, CEFO_MATERIAL, "widget", &widget), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_problem_set_capacity(prob, dirty, 1e308), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_problem_update(prob, CEFO_PROCESS, dirty, "capacity", 1e308, &err),
                    CEFO_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(err.element, "dirty");
    CU_ASSERT_EQUAL(err.line, 6);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.file, "pollutant-cap.xml"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "capacity"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "1e+15"));
    CU_ASSERT_EQUAL(cefo_problem_update(prob, CEFO_MATERIAL, widget, "demand", -1, &err),
                    CEFO_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(err.element, "widget");
    CU_ASSERT_EQUAL(cefo_problem_update(prob, CEFO_POLLUTANT, co2, "damage-cost", 1e300, &err),
                    CEFO_ERR_ARG);
    CU_ASSERT_STRING_EQUAL(err.element, "CO2");
    CU_ASSERT_EQUAL(err.line, 5);
    CU_ASSERT_EQUAL(cefo_problem_update(prob, CEFO_POLLUTANT, co2, "cap", NAN, &err),
                    CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_problem_update(prob, CEFO_POLLUTANT, 7, "cap", 1, &err), CEFO_ERR_ARG);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "out of range"));
    CU_ASSERT_EQUAL(cefo_problem_update(prob, CEFO_PROCESS, dirty, "cost", 1, &err),
                    CEFO_ERR_UNSUPPORTED);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "cost"));
    ASSERT_CLOSE(solve(prob, &st), 1375);
    /* The largest value accepted is accepted, and re-solves: the dirty line's capacity no
     * longer limits anything. */
    CU_ASSERT_EQUAL(cefo_problem_update(prob, CEFO_PROCESS, dirty, "capacity", 1e15, &err),
                    CEFO_OK);
    ASSERT_CLOSE(solve(prob, &st), 1375);
    /* A method that does not exist is refused, not taken for the default. */
    cefo_options opt;
    cefo_options_init(&opt);
    opt.method = (cefo_lp_method)77;
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL(cefo_problem_solve(prob, &opt, &res, &err), CEFO_ERR_ARG);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "method"));
    CU_ASSERT_PTR_NULL(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/* A scenario id with no scenario set is an error, not silently ignored. */
static void test_scenario_without_set(void)
{
    char path[1024];
    cefo_network *net = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL(cefo_network_load_edited(&net,
                                             source_path(path, sizeof path,
                                                         "tests/golden/pollutant-cap.xml"),
                                             NULL, "cod-x2", NULL, 0, &err),
                    CEFO_ERR_ARG);
    CU_ASSERT_PTR_NULL(net);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "cod-x2"));
    cefo_network_free(net);
}

/*
 * The iteration limit reaches branch and bound, and covers the whole solve: on the
 * rectification example (relaxation and search take a few hundred simplex iterations), some
 * budget stops the search with its best plan so far and no iterations left for the fixed LP,
 * so the plan comes without shadow prices (NAN) rather than as an error. Which budget does
 * depends on the search, so a range of them is tried; none may be an error.
 */
static void test_mip_iteration_limit(void)
{
    cefo_network *net = load("examples/rectification.xml");
    CU_ASSERT_PTR_NOT_NULL_FATAL(net);
    int stopped_with_plan = 0;
    for (int limit = 100; limit <= 600 && !stopped_with_plan; limit += 10) {
        cefo_problem *prob = NULL;
        cefo_result *res = NULL;
        cefo_options opt;
        CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
        cefo_options_init(&opt);
        opt.iteration_limit = limit;
        CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, &opt, &res, NULL), CEFO_OK);
        cefo_material_result m;
        CU_ASSERT_EQUAL(cefo_result_material(res, 0, &m), CEFO_OK);
        stopped_with_plan = cefo_result_status(res) == CEFO_SOLVE_ITERATION_LIMIT
                            && isfinite(cefo_result_objective(res)) && isnan(m.shadow_price);
        cefo_result_free(res);
        cefo_problem_free(prob);
    }
    CU_ASSERT(stopped_with_plan);
    cefo_network_free(net);
}

/*
 * libxml2 running out of memory while it parses: CEFO_ERR_NOMEM (exit 70), never a parse or
 * encoding error (exit 65). The host's allocator for libxml2 fails its n-th allocation and
 * every later one, for each n until the parse needs fewer.
 */
static long xml_alloc_left; /* < 0: no failure */

static int xml_alloc_fails(void)
{
    return xml_alloc_left >= 0 && xml_alloc_left-- == 0 ? (xml_alloc_left = 0, 1) : 0;
}

static void *xml_fail_malloc(size_t n)
{
    return xml_alloc_fails() ? NULL : malloc(n);
}

static void *xml_fail_realloc(void *p, size_t n)
{
    return xml_alloc_fails() ? NULL : realloc(p, n);
}

static char *xml_fail_strdup(const char *s)
{
    return xml_alloc_fails() ? NULL : strdup(s);
}

static void test_xml_out_of_memory(void)
{
    const char *xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                      "<network version=\"1\"><material id=\"caf\xe9\" unit=\"t\"/>"
                      "<process id=\"p\" cost=\"2\"><output material=\"caf\xe9\" amount=\"1\"/>"
                      "</process><demand material=\"caf\xe9\" amount=\"3\"/></network>";
    xmlFreeFunc old_free;
    xmlMallocFunc old_malloc;
    xmlReallocFunc old_realloc;
    xmlStrdupFunc old_strdup;
    xmlMemGet(&old_free, &old_malloc, &old_realloc, &old_strdup);
    xmlMemSetup(free, xml_fail_malloc, xml_fail_realloc, xml_fail_strdup);
    int parsed = 0, wrong = 0;
    for (long n = 0; n < 100000 && !parsed; n++) {
        xmlDoc *doc = NULL;
        cefo_error err = {0};
        xml_alloc_left = n;
        cefo_status st = cefo__xml_parse(xml, strlen(xml), "oom.xml", &doc, &err);
        int failed_alloc = xml_alloc_left == 0 && n > 0;
        xml_alloc_left = -1;
        xmlFreeDoc(doc);
        if (st == CEFO_OK)
            parsed = !failed_alloc;
        else if (st != CEFO_ERR_NOMEM && !wrong++)
            fprintf(stderr, "\n  allocation %ld: status %d: %s\n", n, st, err.message);
    }
    xmlMemSetup(old_free, old_malloc, old_realloc, old_strdup);
    CU_ASSERT(parsed);
    CU_ASSERT_EQUAL(wrong, 0);
}

/* Labels as written: a process's name, sector and zone, a resource's name, NULL otherwise. */
static void test_labels(void)
{
    const char *xml = "<network version='1'><material id='m' unit='t'/>"
                      "<resource id='land' unit='ha' name='park land'/>"
                      "<process id='p' name='Dyeworks' sector='textiles' zone='east'>"
                      "<output material='m' amount='1'/></process>"
                      "<process id='q'><output material='m' amount='1'/></process></network>";
    cefo_network *net = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, xml, strlen(xml), "x.xml", NULL),
                          CEFO_OK);
    const char *name = cefo_network_label(net, CEFO_PROCESS, 0, "name");
    const char *sector = cefo_network_label(net, CEFO_PROCESS, 0, "sector");
    const char *zone = cefo_network_label(net, CEFO_PROCESS, 0, "zone");
    CU_ASSERT(name && strcmp(name, "Dyeworks") == 0);
    CU_ASSERT(sector && strcmp(sector, "textiles") == 0);
    CU_ASSERT(zone && strcmp(zone, "east") == 0);
    CU_ASSERT_PTR_NULL(cefo_network_label(net, CEFO_PROCESS, 1, "zone"));
    CU_ASSERT_PTR_NULL(cefo_network_label(net, CEFO_PROCESS, 0, "unit"));
    CU_ASSERT_PTR_NULL(cefo_network_label(net, CEFO_PROCESS, 2, "name"));
    const char *land = cefo_network_label(net, CEFO_RESOURCE, 0, "name");
    CU_ASSERT(land && strcmp(land, "park land") == 0);
    CU_ASSERT_PTR_NULL(cefo_network_label(net, CEFO_MATERIAL, 0, "name"));
    cefo_network_free(net);
}

/* A commit that cannot rename its temporary into place (a folder now stands at the output's
 * path) fails with CEFO_ERR_CREATE and removes the temporary: the folder holds nothing else. */
static void test_output_commit_fails_cleanly(void)
{
    char dir[] = "/tmp/cefo-commit-XXXXXX", path[64];
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out.txt", dir);
    cefo_output *o = NULL;
    FILE *fp = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_output_open(&o, path, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_output_stream(o, &fp, NULL), CEFO_OK);
    fputs("plan\n", fp);
    CU_ASSERT_EQUAL_FATAL(mkdir(path, 0700), 0);
    char keep[80];
    snprintf(keep, sizeof keep, "%s/inside", path); /* rename() replaces an empty folder */
    FILE *k = fopen(keep, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(k);
    fclose(k);
    cefo_error err = {0};
    CU_ASSERT_EQUAL(cefo_output_commit(o, &err), CEFO_ERR_CREATE);
    DIR *d = opendir(dir);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    int others = 0;
    for (struct dirent *e; (e = readdir(d));)
        others += e->d_name[0] != '.' && strcmp(e->d_name, "out.txt") != 0;
    closedir(d);
    CU_ASSERT_EQUAL(others, 0); /* no temporary left beside it */
    remove(keep);
    rmdir(path);
    rmdir(dir);
}

static CU_TestInfo api_tests[] = {
    {"labels as written: name, sector, zone", test_labels},
    {"CSV cells guarded against formulas", test_csv_cell},
    {"text comparison labels escaped", test_compare_labels_escaped},
    {"a firm switched on but idle is closed", test_idle_member_closed},
    {"cost-emission frontier", test_pareto},
    {"bundled examples solve", test_examples},
    {"MIP decisions re-optimised in place", test_mip_updates},
    {"a solver limit is a status", test_limits},
    {"misuse returns a status", test_misuse},
    {"in-place updates re-optimise", test_updates},
    {"text, JSON, CSV and atomic files", test_writers},
    {"every allocation failure is clean", test_out_of_memory},
    {"four threads at once", test_threads},
    {"setters refuse with the error detail", test_setter_detail},
    {"a scenario id without a scenario set", test_scenario_without_set},
    {"the iteration limit reaches branch and bound", test_mip_iteration_limit},
    {"libxml2 out of memory is CEFO_ERR_NOMEM", test_xml_out_of_memory},
    {"a commit that cannot rename leaves no temporary", test_output_commit_fails_cleanly},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("api", api_tests)
