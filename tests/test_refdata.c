/* test_refdata.c - published reference answers reached through cefo networks (../shared/refdata). */
#include <cefo/cefo.h>
#include <string.h>

#include "testutil.h"

#define SKIP 77 /* meson's "skipped" exit code */
#define MAXP 16

static const char *refdata(char *buf, size_t n, const char *rel)
{
    const char *root = getenv("CEFO_REFDATA");
    snprintf(buf, n, "%s/%s", root ? root : "../shared/refdata", rel);
    return buf;
}

/* Wang & Smith (1994), example 1: limiting data of four water-using processes. */
typedef struct wprocess {
    double load_kg_h, cin, cout;
} wprocess;

static int read_processes(wprocess *p, int *n)
{
    char path[1024], line[256];
    FILE *fp = fopen(refdata(path, sizeof path, "water-reuse-wang-smith-1994/processes.csv"), "r");
    if (!fp)
        return -1;
    *n = 0;
    while (fgets(line, sizeof line, fp) && *n < MAXP) {
        int id;
        double limiting;
        if (sscanf(line, "%d,%lf,%lf,%lf,%lf", &id, &p[*n].load_kg_h, &p[*n].cin, &p[*n].cout,
                   &limiting) == 5)
            (*n)++;
    }
    fclose(fp);
    return 0;
}

static double expected(const char *quantity)
{
    char path[1024], line[512];
    double v = NAN;
    FILE *fp = fopen(refdata(path, sizeof path, "water-reuse-wang-smith-1994/expected.csv"), "r");
    while (fp && fgets(line, sizeof line, fp)) {
        size_t n = strlen(quantity);
        if (strncmp(line, quantity, n) == 0 && line[n] == ',')
            v = strtod(line + n + 1, NULL);
    }
    if (fp)
        fclose(fp);
    return v;
}

/*
 * A separate formulation of water reuse with fixed outlet concentrations, written as a cefo
 * network: material w_i is the outlet water of process i (at cout_i); process use_s_i sends
 * one tonne from source s (fresh water at 0 ppm, or w_j) through process i, yielding one
 * tonne of w_i, (cout_i - c_s)/1000 kg of contaminant pick-up (material load_i, whose demand
 * is process i's load) and (cin_i - c_s) of inlet "headroom" (material room_i, which may not
 * go negative: its surplus leaves at price 0). Fresh water costs 1 per tonne, so the optimum
 * is the minimum freshwater flow.
 */
static size_t water_network(char *buf, size_t cap, const wprocess *p, int n, int reuse)
{
    size_t len = 0;
#define OUT(...) (len += (size_t)snprintf(buf + len, len < cap ? cap - len : 0, __VA_ARGS__))
    OUT("<network version=\"1\">\n<material id=\"fresh\" unit=\"t/h\" kind=\"resource\" "
        "import-cost=\"1\"/>\n");
    for (int i = 0; i < n; i++) {
        OUT("<material id=\"w%d\" unit=\"t/h\" kind=\"waste\" discharge-cost=\"0\"/>\n", i);
        OUT("<material id=\"load%d\" unit=\"kg/h\"/>\n", i);
        OUT("<material id=\"room%d\" unit=\"ppm*t/h\" export-price=\"0\"/>\n", i);
        OUT("<demand material=\"load%d\" amount=\"%.17g\"/>\n", i, p[i].load_kg_h);
    }
    for (int i = 0; i < n; i++) {
        for (int s = -1; s < n; s++) {
            double c = s < 0 ? 0.0 : p[s].cout;
            if (s == i || c >= p[i].cout || (s >= 0 && !reuse))
                continue;
            OUT("<process id=\"use%d_%d\">", s, i);
            if (s < 0)
                OUT("<input material=\"fresh\" amount=\"1\"/>");
            else
                OUT("<input material=\"w%d\" amount=\"1\"/>", s);
            OUT("<output material=\"w%d\" amount=\"1\"/>", i);
            OUT("<output material=\"load%d\" amount=\"%.17g\"/>", i, (p[i].cout - c) / 1000);
            if (c <= p[i].cin)
                OUT("<output material=\"room%d\" amount=\"%.17g\"/>", i, p[i].cin - c);
            else
                OUT("<input material=\"room%d\" amount=\"%.17g\"/>", i, c - p[i].cin);
            OUT("</process>\n");
        }
    }
    OUT("</network>\n");
#undef OUT
    return len;
}

static double min_freshwater(const wprocess *p, int n, int reuse)
{
    static char xml[1 << 16];
    size_t len = water_network(xml, sizeof xml, p, n, reuse);
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    double obj = NAN;
    CU_ASSERT_FATAL(len < sizeof xml);
    if (cefo_network_load_memory(&net, xml, len, "wang-smith.xml", &err) == CEFO_OK
        && cefo_problem_build(&prob, net, &err) == CEFO_OK
        && cefo_problem_solve(prob, test_options(), &res, &err) == CEFO_OK
        && cefo_result_status(res) == CEFO_SOLVE_OPTIMAL)
        obj = cefo_result_objective(res);
    else
        fprintf(stderr, "\n  %s:%d: %s\n", err.file, err.line, err.message);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
    return obj;
}

static wprocess procs[MAXP];
static int nprocs;

static void test_wang_smith_target(void)
{
    CU_ASSERT_EQUAL_FATAL(nprocs, 4);
    double want = expected("freshwater_min_target");
    CU_ASSERT_FATAL(isfinite(want));
    ASSERT_CLOSE(min_freshwater(procs, nprocs, 1), want); /* published: 90 t/h */
}

static void test_wang_smith_no_reuse(void)
{
    double want = expected("freshwater_no_reuse");
    CU_ASSERT_FATAL(isfinite(want));
    ASSERT_CLOSE(min_freshwater(procs, nprocs, 0), want); /* 20 + 50 + 37.5 + 5 */
}

static CU_TestInfo water_tests[] = {
    {"Wang & Smith 1994 minimum freshwater (published 90 t/h)", test_wang_smith_target},
    {"Wang & Smith 1994 without reuse (112.5 t/h)", test_wang_smith_no_reuse},
    CU_TEST_INFO_NULL,
};

int main(void)
{
    if (test_engine_missing())
        return SKIP;
    if (read_processes(procs, &nprocs) != 0) {
        printf("SKIP: ../shared/refdata/water-reuse-wang-smith-1994 is absent\n");
        return SKIP;
    }
    CU_SuiteInfo suites[] = {
        {.pName = "refdata: water reuse", .pTests = water_tests},
        CU_SUITE_INFO_NULL,
    };
    return run_suites(suites);
}
