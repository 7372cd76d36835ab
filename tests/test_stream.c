/* test_stream.c - plain loads stream (io/netstream.c): every shipped network and hand-made
 * inputs come out of the stream as out of the document, error for error, model for model. */
#include <dirent.h>
#include <sys/wait.h>

#include "streamcheck.h"
#include "testutil.h"

/* The networks that load as documents, and why: their rows come from CSV registries, or an
 * item names another defined after it (a resource's term a material, a material's emission a
 * pollutant), which the stream cannot resolve where it stands. */
static const char *const documents[] = {"examples/registries/rectification.xml",
                                        "examples/rectification-levers.xml",
                                        "tests/golden/pooled-reuse.xml",
                                        "tests/cli/data/no-outlet.xml", NULL};

/* Every .xml of a folder both ways; *total counts the networks the document loads. */
static void folder_both_ways(const char *rel, int *total)
{
    char dir[1024], path[2048], name[1024];
    DIR *d = opendir(source_path(dir, sizeof dir, rel));
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 4, ".xml") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        snprintf(name, sizeof name, "%s/%s", rel, e->d_name);
        int took = 0;
        CU_ASSERT(same_both_ways(NULL, 0, path, &took));
        cefo_network *net = NULL;
        if (cefo__network_load_dom(&net, NULL, 0, path, NULL) == CEFO_OK) {
            ++*total;
            int listed = 0;
            for (int i = 0; documents[i]; i++)
                listed |= strcmp(documents[i], name) == 0;
            if (took == listed)
                fprintf(stderr, "\n  %s: %s\n", name, took ? "streams" : "does not stream");
            CU_ASSERT(took != listed);
        }
        cefo_network_free(net);
    }
    closedir(d);
}

/* The examples, the golden networks, the CLI test data (networks, input-output tables, bad
 * inputs) and the scenario files: the same either way; every network streams but those
 * listed above. */
static void test_shipped(void)
{
    static const char *const folders[] = {"examples", "examples/registries", "tests/golden",
                                          "tests/cli/data", "tests/scenarios"};
    int total = 0;
    for (size_t i = 0; i < sizeof folders / sizeof *folders; i++)
        folder_both_ways(folders[i], &total);
    CU_ASSERT(total >= 35);
}

#define HEAD "<?xml version=\"1.0\"?>\n<network version=\"1\">\n"

/* `xml` comes out the same either way, and the stream alone takes it or not as `takes`. */
static void check_stream(const char *xml, const char *name, int takes)
{
    int took = !takes;
    CU_ASSERT(same_both_ways(xml, strlen(xml), name, &took));
    CU_ASSERT_EQUAL(took, takes);
}

/* Kinds out of the order the document walk loads them (demands and groups before processes,
 * pollutants after materials, <periods> last but referenced by nothing earlier, <at> steps on
 * every kind): the stream takes it and builds the same model, steps put back in kind order. */
static void test_out_of_order(void)
{
    static const char xml[] =
        HEAD "<material id=\"m\" unit=\"t\" import-cost=\"9\"/>\n"
        "<demand material=\"m\" amount=\"5\"/>\n"
        "<pollutant id=\"COD\" unit=\"t\" cap=\"100\"/>\n"
        "<material id=\"w\" unit=\"t\" kind=\"waste\" discharge-cost=\"1\">"
        "<emission pollutant=\"COD\" amount=\"0.5\"/></material>\n"
        "<process id=\"a\" cost=\"2\" capacity=\"4\"><output material=\"m\" amount=\"1\"/>"
        "<output material=\"w\" amount=\"0.2\"/></process>\n"
        "<process id=\"b\" cost=\"3\"><input material=\"w\" amount=\"0.1\"/>"
        "<output material=\"m\" amount=\"1\"/>"
        "<emission pollutant=\"COD\" amount=\"0.1\"/></process>\n"
        "<link from=\"a\" to=\"b\" material=\"w\" capacity=\"3\" optional=\"true\" "
        "fixed-cost=\"1\"/>\n"
        "</network>\n";
    static const char periods[] =
        HEAD "<pollutant id=\"COD\" unit=\"t\" cap=\"100\"/>\n"
        "<periods discount-rate=\"0.05\"><period id=\"y1\"/><period id=\"y2\" years=\"2\"/>"
        "</periods>\n"
        "<material id=\"m\" unit=\"t\" import-cost=\"9\"><at period=\"y2\" import-cost=\"8\"/>"
        "</material>\n"
        "<demand material=\"m\" amount=\"5\"><at period=\"y2\" amount=\"7\"/></demand>\n"
        "<process id=\"a\" cost=\"2\" capacity=\"4\"><output material=\"m\" amount=\"1\"/>"
        "<emission pollutant=\"COD\" amount=\"1\"/><at period=\"y2\" capacity=\"6\"/></process>\n"
        "<material id=\"n\" unit=\"t\"><at period=\"y1\" import-cost=\"3\"/></material>\n"
        "<pollutant id=\"SO2\" unit=\"t\"><at period=\"y2\" cap=\"5\"/></pollutant>\n"
        "</network>\n";
    check_stream(xml, "order.xml", 1);
    check_stream(periods, "steps.xml", 1);
}

/* What the stream cannot take by itself goes to the document, whose answer is the answer: a
 * reference ahead of its target, <at> before <periods>, a registry, a namespace, DOCTYPE. */
static void test_falls_back(void)
{
    static const char *const cases[] = {
        HEAD "<process id=\"p\"><output material=\"m\" amount=\"1\"/></process>\n"
        "<material id=\"m\" unit=\"t\"/>\n</network>\n",
        HEAD "<material id=\"m\" unit=\"t\"><at period=\"y\" import-cost=\"1\"/></material>\n"
        "<periods><period id=\"y\"/></periods>\n"
        "<process id=\"p\"><output material=\"m\" amount=\"1\"/></process>\n</network>\n",
        HEAD "<processes src=\"nowhere.csv\"/>\n</network>\n",
        "<network version=\"1\" xmlns:x=\"urn:x\"><material id=\"m\" unit=\"t\"/>"
        "<process id=\"p\"><output material=\"m\" amount=\"1\"/></process></network>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE network>\n<network version=\"1\"/>\n",
        HEAD "<material id=\"m\" unit=\"t\"/>\n<process id=\"p\"><output material=\"m\" "
        "amount=\"1\"><!-- a note --></output></process>\n</network>\n",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        check_stream(cases[i], "back.xml", 0);
}

/* Attribute values as the document holds them (entities, character references, normalised
 * white space), hand-written <?cefo-src?>, comments: the same network. */
static void test_values_and_markup(void)
{
    static const char xml[] =
        HEAD "<!-- c --><?cefo-src a.csv?>\n<materials><!-- c -->\n"
        "<material id=\"m&amp;n\" unit=\"&lt;t&gt;\" name=\"a&#38;b &#x41; &quot;q&quot;\"/>"
        "</materials>\n"
        "<process id=\"p\" name=\"tab&#9;x\" sector=\"s&amp;#38;t\" zone=\"a\n b\">"
        "<?cefo-src b.csv?><output material=\"m&amp;n\" amount=\"1\"/></process>\n"
        "</network>\n<?cefo-src c.csv?>\n";
    check_stream(xml, "values.xml", 0); /* the tab is a control character: refused by both */
    char *fine = strdup(xml);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fine);
    memcpy(strstr(fine, "&#9;"), "&lt;", 4);
    check_stream(fine, "values.xml", 1);
    cefo_network *net = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&net, fine, strlen(fine), "v.xml", NULL),
                          CEFO_OK);
    size_t i;
    CU_ASSERT_EQUAL(cefo_network_find(net, CEFO_MATERIAL, "m&n", &i), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(cefo_network_input(net, 0), "a.csv");
    CU_ASSERT_STRING_EQUAL(cefo_network_input(net, 1), "b.csv");
    CU_ASSERT_STRING_EQUAL(cefo_network_input(net, 2), "c.csv");
    CU_ASSERT_PTR_NULL(cefo_network_input(net, 3));
    cefo_network_free(net);
    free(fine);
}

/* A pipe is read once: a bad network through a FIFO gets the document's error, not "empty". */
static void test_pipe(void)
{
    static const char bad[] = HEAD "<material id=\"m\" unit=\"t\" cost=\"1\"/>\n</network>\n";
    char dir[] = "/tmp/cefo-fifo-XXXXXX", path[64];
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/net.xml", dir);
    CU_ASSERT_EQUAL_FATAL(mkfifo(path, 0600), 0);
    pid_t pid = fork();
    CU_ASSERT_FATAL(pid >= 0);
    if (pid == 0) {
        FILE *fp = fopen(path, "w");
        if (fp)
            fputs(bad, fp);
        _exit(fp && fclose(fp) == 0 ? 0 : 1);
    }
    cefo_network *net = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL(cefo_network_load_file(&net, path, &err), CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(err.line, 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "unknown attribute 'cost'"));
    int status;
    waitpid(pid, &status, 0);
    unlink(path);
    rmdir(dir);
}

static CU_TestInfo stream_tests[] = {
    {"every shipped network and input: the same either way", test_shipped},
    {"kinds out of loading order stream to the same model", test_out_of_order},
    {"what the stream cannot take loads as a document", test_falls_back},
    {"attribute values, comments and cefo-src as in the document", test_values_and_markup},
    {"a pipe is read once", test_pipe},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("stream", stream_tests)
