/* test_sank.c - the Sankey diagram (SVG): its labels on a sparse grid; the SVG and the report
 * out of memory: an error, never a document with a part missing, and no file left. */
#include <dirent.h>
#include <unistd.h>

#include "testutil.h"

#include "core/alloc.h"
#include "writers/sankey.h"

/* The whole of a stream written so far, NUL-terminated (free it); NULL when out of memory. */
static char *contents(FILE *fp, long *len)
{
    *len = ftell(fp);
    char *s = calloc((size_t)*len + 1, 1);
    rewind(fp);
    if (s && fread(s, 1, (size_t)*len, fp) != (size_t)*len)
        *len = -1;
    return s;
}

static int ends_with(const char *s, long len, const char *tail)
{
    long n = (long)strlen(tail);
    return len >= n && memcmp(s + len - n, tail, (size_t)n) == 0;
}

/*
 * Fails the n-th allocation of cefo_result_write_svg for every n until a run needs fewer:
 * each run with a failed allocation returns CEFO_ERR_NOMEM (never CEFO_OK with "No plan to
 * draw." or labels missing), an OK one writes a whole document (a diagram is never cut off), the sanitizers see no leak and no undefined behaviour, and the run that
 * fails nothing writes the diagram itself.
 */
typedef cefo_status (*writer)(const cefo_result *res, FILE *fp);

static cefo_status write_svg(const cefo_result *res, FILE *fp)
{
    return cefo_result_write_svg(res, fp, NULL);
}

static cefo_status write_report(const cefo_result *res, FILE *fp)
{
    static const char *const labels[] = {"plan"};
    return cefo_report_write(&res, labels, 1, fp, NULL);
}

/* The same for `write`, whose whole output ends with `tail` and holds `mark`. */
static void out_of_memory(const char *rel, long at_least, writer write, const char *tail,
                          const char *mark)
{
    char path[1024];
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_file(&net, source_path(path, sizeof path, rel), NULL),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, NULL, &res, NULL), CEFO_OK);
    FILE *ref = tmpfile();
    CU_ASSERT_PTR_NOT_NULL_FATAL(ref);
    CU_ASSERT_EQUAL_FATAL(write(res, ref), CEFO_OK);
    long reflen;
    char *want = contents(ref, &reflen);
    fclose(ref);
    CU_ASSERT_FATAL(want && strstr(want, mark));
    long n = 1;
    for (int completed = 0; !completed; n++) {
        FILE *sink = tmpfile();
        CU_ASSERT_PTR_NOT_NULL_FATAL(sink);
        cefo__alloc_fail_at(n);
        cefo_status st = write(res, sink);
        completed = cefo__alloc_fail_at(0) < n; /* the n-th allocation never came */
        long len;
        char *got = contents(sink, &len);
        fclose(sink);
        CU_ASSERT_PTR_NOT_NULL_FATAL(got);
        CU_ASSERT_EQUAL(st, completed ? CEFO_OK : CEFO_ERR_NOMEM); /* never a part dropped */
        if (st == CEFO_OK)
            CU_ASSERT(ends_with(got, len, tail));
        if (completed)
            CU_ASSERT(len == reflen && memcmp(got, want, (size_t)len) == 0);
        free(got);
    }
    /* the layout allocates: the loop ran through its failures, not a clean first run */
    CU_ASSERT(n > at_least);
    free(want);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

static void svg_out_of_memory(const char *rel, long at_least)
{
    out_of_memory(rel, at_least, write_svg, "</svg>\n", "class=\"links\"");
}

static void test_svg_oom_cycle(void)
{
    svg_out_of_memory("tests/cli/data/sankey-cycle.xml", 20);
}

static void test_svg_oom_cluster(void)
{
    svg_out_of_memory("examples/zhenan-cluster.xml", 50);
}

/* The report of a programme: its trajectory's tables and charts allocate too. */
static void test_report_oom_programme(void)
{
    out_of_memory("tests/cli/data/report-periods.xml", 50, write_report, "</html>\n",
                  "class=\"trajectory");
}

/* Into a file: a run that ran out of memory leaves no file (and no temporary beside it). */
static void test_report_file_oom(void)
{
    char path[1024], dir[] = "/tmp/cefo-sank-XXXXXX", out[64];
    cefo_network *net = NULL;
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    static const char *const labels[] = {"plan"};
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    snprintf(out, sizeof out, "%s/report.html", dir);
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_file(&net, source_path(path, sizeof path,
                              "tests/cli/data/report-periods.xml"), NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_build(&prob, net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_solve(prob, NULL, &res, NULL), CEFO_OK);
    const cefo_result *rs[] = {res};
    long n = 1, nomem = 0;
    for (int completed = 0; !completed; n++) {
        cefo__alloc_fail_at(n);
        cefo_status st = cefo_report_write_file(rs, labels, 1, out, NULL);
        completed = cefo__alloc_fail_at(0) < n;
        CU_ASSERT(st == CEFO_OK || st == CEFO_ERR_NOMEM);
        CU_ASSERT_EQUAL(access(out, F_OK) == 0, st == CEFO_OK);
        nomem += st == CEFO_ERR_NOMEM;
        remove(out);
        DIR *d = opendir(dir); /* nothing else left behind */
        struct dirent *e;
        int others = 0;
        while (d && (e = readdir(d)))
            others += e->d_name[0] != '.';
        if (d)
            closedir(d);
        CU_ASSERT_EQUAL(others, 0);
    }
    CU_ASSERT(nomem > 50);
    rmdir(dir);
    cefo_result_free(res);
    cefo_problem_free(prob);
    cefo_network_free(net);
}

/*
 * Labels are found free through a grid of buckets: it must cost what is placed, not the
 * diagram's area (which grows as nodes x layers). Three nodes spread over 10^12 px: a grid
 * over the area would need 10^16 bytes. Each label goes right of its node (x + 14 + 4), the
 * last one's left of it (x - 4: right, it would pass the right edge), on its node's centre.
 */
static void test_labels_sparse(void)
{
    cefo__snode nodes[3] = {
        {.kind = CEFO__SNODE_PROCESS, .label = "mill", .x = 0, .y = 0, .h = 20},
        {.kind = CEFO__SNODE_MATERIAL, .label = "slag", .layer = 1, .x = 5e11, .y = 100, .h = 10},
        {.kind = CEFO__SNODE_DEMAND, .label = "final demand", .layer = 2, .x = 1e12 - 14,
         .y = 40, .h = 30},
    };
    cefo__sankey s = {.nodes = nodes, .nnodes = 3, .width = 1e12, .height = 200,
                      .node_width = 14, .bottom = 130, .margin_left = 100, .margin_right = 0};
    const char *amounts[1] = {NULL};
    CU_ASSERT_EQUAL_FATAL(cefo__sankey_place_labels(&s, amounts), 0);
    CU_ASSERT(nodes[0].anchor == 1 && nodes[0].lx == 18 && nodes[0].ly == 10);
    CU_ASSERT(nodes[1].anchor == 1 && nodes[1].lx == 5e11 + 18 && nodes[1].ly == 105);
    CU_ASSERT(nodes[2].anchor == -1 && nodes[2].lx == 1e12 - 18 && nodes[2].ly == 55);
    CU_ASSERT(nodes[0].split == 0 && nodes[2].split == 0);
}

static CU_TestInfo sank_tests[] = {
    {"labels of a diagram 10^12 px wide: placed, at the cost of what is placed",
     test_labels_sparse},
    {"SVG of a plan with a loop, every allocation failed in turn", test_svg_oom_cycle},
    {"SVG of the Zhe-nan cluster, every allocation failed in turn", test_svg_oom_cluster},
    {"report of a programme, every allocation failed in turn", test_report_oom_programme},
    {"report file: out of memory leaves no file", test_report_file_oom},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("sank", sank_tests)
