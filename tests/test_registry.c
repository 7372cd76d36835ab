/* test_registry.c - firm registries: CSV rows as network elements (spec section 9). */
#include <cefo/cefo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "models/network.h"
#include "testutil.h"

/* A private folder with `sub/`, for networks and their registries; removed by rm_tree. */
static char tmpdir[64];

static void put(const char *rel, const char *data)
{
    test_put(tmpdir, rel, data, strlen(data));
}

static void make_tmpdir(void)
{
    test_make_tree(tmpdir, "cefo-registry");
}

static void rm_tree(void)
{
    static const char *const files[] = {"n.xml",     "x.xml",       "materials.csv",
                                        "pollutants.csv", "firms.csv", "links.csv",
                                        "demands.csv",    "resources.csv", "sub/n.xml", "sub"};
    test_rm_tree(tmpdir, files, sizeof files / sizeof *files);
}

static const char *in_tmp(char *buf, size_t n, const char *rel)
{
    snprintf(buf, n, "%s/%s", tmpdir, rel);
    return buf;
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

/*
 * The golden network, once as XML and once with every element kind in a registry.
 * By hand: the smelter must make exactly the 10 widgets demanded (no export of widgets), so
 * x_smelt = 10: activity 10 x 1 = 10, ore 20 x 2 = 40, COD 5 x 10 = 50. Its 5 t of slag go
 * down the link to the brickworks (0.2 + 0.5 - 1 export price = -0.3 per t, against 5 per t
 * discharged): link 1, brickworks 2.5, export revenue -5. Optimum 10 + 40 + 50 + 1 + 2.5 - 5
 * = 98.5. The registry variant writes every number another way (quoted, padded, exponent)
 * that the XML reads the same.
 */
static const char golden_xml[] =
    "<network version=\"1\">\n"
    "<pollutant id=\"COD\" unit=\"t\" damage-cost=\"10\"/>\n"
    "<material id=\"ore\" unit=\"t\" import-cost=\"2\"/>\n"
    "<material id=\"widget\" unit=\"t\"/>\n"
    "<material id=\"slag\" unit=\"t\" kind=\"waste\" discharge-cost=\"5\"/>\n"
    "<material id=\"brick\" unit=\"t\" export-price=\"1\"/>\n"
    "<process id=\"smelt\" name=\"Smelter, &quot;north&quot;\" cost=\"1\" capacity=\"100\">\n"
    "  <input material=\"ore\" amount=\"2\"/><output material=\"widget\" amount=\"1\"/>\n"
    "  <output material=\"slag\" amount=\"0.5\"/><emission pollutant=\"COD\" amount=\"0.5\"/>\n"
    "</process>\n"
    "<process id=\"bricks\" kind=\"recycling\" cost=\"0.5\">\n"
    "  <input material=\"slag\" amount=\"1\"/><output material=\"brick\" amount=\"1\"/>\n"
    "</process>\n"
    "<link from=\"smelt\" to=\"bricks\" material=\"slag\" cost=\"0.2\"/>\n"
    "<demand material=\"widget\" amount=\"10\"/>\n"
    "</network>\n";
#define GOLDEN 98.5

static void put_golden_registries(void)
{
    put("n.xml", "<?xml version=\"1.0\"?>\n<network version=\"1\">\n"
                 "  <pollutants src=\"pollutants.csv\"/>\n"
                 "  <materials src=\"materials.csv\"/>\n"
                 "  <processes src=\"firms.csv\"/>\n"
                 "  <links><links src=\"links.csv\"/></links>\n"
                 "  <demands src=\"demands.csv\"/>\n"
                 "</network>\n");
    put("pollutants.csv", "id,unit,damage-cost\nCOD,t,1e1\n");
    /* a byte order mark, CRLF line ends, blank lines and a quoted unit */
    put("materials.csv", "\xef\xbb\xbfid,unit,kind,import-cost,export-price,discharge-cost\r\n"
                         "ore,t,,2,,\r\n\r\nwidget,\"t\",,,,\r\nslag,t,waste,,, 5 \r\n"
                         "brick,t,product,,1.0,\r\n");
    put("firms.csv", "id,name,kind,cost,capacity,input:ore,input:slag,output:widget,"
                     "output:slag,output:brick,emission:COD\n"
                     "smelt,\"Smelter, \"\"north\"\"\",,1,100,2,,1,.5,,0.5\n"
                     "bricks,,recycling,0.5,,,1,,,1,\n");
    put("links.csv", "from,to,material,cost\nsmelt,bricks,slag,0.2");
    put("demands.csv", "material,amount\nwidget,10\n");
}

static double solve_objective(cefo_network *net)
{
    cefo_problem *prob = NULL;
    cefo_result *res = NULL;
    cefo_error err = {0};
    double obj = NAN;
    if (cefo_problem_build(&prob, net, &err) == CEFO_OK
        && cefo_problem_solve(prob, test_options(), &res, &err) == CEFO_OK
        && cefo_result_status(res) == CEFO_SOLVE_OPTIMAL)
        obj = cefo_result_objective(res);
    cefo_result_free(res);
    cefo_problem_free(prob);
    return obj;
}

static void test_golden_equivalence(void)
{
    make_tmpdir();
    put_golden_registries();
    char path[256];
    cefo_network *xml = NULL, *csv = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_memory(&xml, golden_xml, strlen(golden_xml), NULL,
                                                   &err), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_network_load_file(&csv, in_tmp(path, sizeof path, "n.xml"), &err),
                    CEFO_OK);
    if (!csv)
        fprintf(stderr, "\n  %s:%d: %s\n", err.file, err.line, err.message);
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    ASSERT_CLOSE(solve_objective(xml), GOLDEN);
    ASSERT_CLOSE(solve_objective(csv), GOLDEN);
    CU_ASSERT_EQUAL(csv->nmaterials, 4);
    CU_ASSERT_EQUAL(csv->nprocesses, 2);
    CU_ASSERT_EQUAL(csv->nlinks, 1);
    CU_ASSERT_STRING_EQUAL(csv->processes[0].name, xml->processes[0].name);
    CU_ASSERT_EQUAL(csv->processes[0].inputs.n, 1);
    CU_ASSERT_EQUAL(csv->processes[0].outputs.n, 2);
    CU_ASSERT_EQUAL(csv->processes[1].kind, CEFO__RECYCLING);
    CU_ASSERT_EQUAL(csv->materials[2].kind, CEFO__WASTE);
    CU_ASSERT_EQUAL(csv->materials[1].demand, 10.0);
    cefo_network_free(xml);
    cefo_network_free(csv);
    rm_tree();
}

/* Scenario edits see the rows: doubling the smelter's cost adds 10 (its activity is 10). */
static void test_xpath_sees_rows(void)
{
    make_tmpdir();
    put_golden_registries();
    char path[256];
    cefo_network *net = NULL;
    cefo_error err = {0};
    cefo_edit e = {.kind = CEFO_EDIT_SCALE, .sel = "//process[@id='smelt']/@cost", .factor = 2};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_edited(&net, in_tmp(path, sizeof path, "n.xml"), NULL,
                                                   NULL, &e, 1, &err), CEFO_OK);
    ASSERT_CLOSE(solve_objective(net), GOLDEN + 10);
    cefo_network_free(net);
    /* Without the link slag is pooled: the brickworks take it all the same, without the
     * link's 0.2 x 5 = 1: 97.5. */
    cefo_edit r = {.kind = CEFO_EDIT_REMOVE, .sel = "//link[@from='smelt']"};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_edited(&net, path, NULL, NULL, &r, 1, &err), CEFO_OK);
    ASSERT_CLOSE(solve_objective(net), GOLDEN - 1);
    cefo_network_free(net);
    rm_tree();
}

/* RFC 4180: quoted commas, doubled quotes, a line break in a cell (a space, as in XML). */
static void test_quoting(void)
{
    make_tmpdir();
    char path[256];
    put("n.xml", "<network version=\"1\"><material id=\"m\" unit=\"t\" export-price=\"0\"/>"
                 "<processes src=\"firms.csv\"/></network>");
    put("firms.csv", "id,name,sector,output:m\r\n"
                     "\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",1\r\n"
                     "plain,\"\",\"tab\there\",\"\"\r\n"
                     "last,x,\"three\nline\ncell\",2");
    cefo_network *net = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_file(&net, in_tmp(path, sizeof path, "n.xml"), &err),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(net->nprocesses, 3);
    CU_ASSERT_STRING_EQUAL(net->processes[0].id, "a,b");
    CU_ASSERT_STRING_EQUAL(net->processes[0].name, "say \"hi\"");
    CU_ASSERT_STRING_EQUAL(net->processes[0].sector, "two lines");
    CU_ASSERT_PTR_NULL(net->processes[1].name);            /* an empty cell: no attribute */
    CU_ASSERT_STRING_EQUAL(net->processes[1].sector, "tab here");
    CU_ASSERT_EQUAL(net->processes[1].outputs.n, 0);       /* an empty amount: no child */
    CU_ASSERT_STRING_EQUAL(net->processes[2].sector, "three line cell");
    CU_ASSERT_EQUAL(net->processes[2].outputs.v[0].amount, 2.0);
    cefo_network_free(net);
    rm_tree();
}

typedef struct bad_case {
    const char *what;
    const char *csv; /* firms.csv, under a network with materials m and COD */
    int line, column;
    const char *phrase;
} bad_case;

static const bad_case bad_cases[] = {
    {"unknown header", "id,cost,colour\np,1,red\n", 1, 3, "unknown header 'colour'"},
    {"child of another kind", "id,from\np,q\n", 1, 2, "unknown header 'from'"},
    {"child without a name", "id,input:\np,1\n", 1, 2, "names no material"},
    {"repeated header", "id,cost,input:m,cost\np,1,1,1\n", 1, 4, "repeats the header 'cost'"},
    {"repeated child header", "id,input:m,input:m\np,1,1\n", 1, 3, "of column 2"},
    {"no id column", "name,cost\np,1\n", 1, 0, "no column 'id'"},
    {"empty file", "", 1, 0, "empty"},
    {"empty id", "id,cost\np,1\n,2\n", 3, 1, "column 1 (id) is empty"},
    {"NaN", "id,cost\np,NaN\n", 2, 2, "column 2 (cost)"},
    {"hex", "id,cost\np,0x10\n", 2, 2, "column 2 (cost)"},
    {"decimal comma, quoted", "id,cost\np,\"3,5\"\n", 2, 2, "column 2 (cost)"},
    {"too large", "id,capacity\np,1e999\n", 2, 2, "too large"},
    {"trailing junk", "id,cost\np,3t\n", 2, 2, "column 2 (cost)"},
    {"negative", "id,cost\np,-1\n", 2, 2, "negative"},
    {"negative amount", "id,output:m\np,-1\n", 2, 2, "negative"},
    {"bad kind", "id,kind\np,factory\n", 2, 2, "not a kind"},
    {"bad boolean", "id,optional\np,yes\n", 2, 2, "true or false"},
    {"duplicate id", "id,cost\np,1\nq,1\np,2\n", 4, 1, "repeats the id 'p' of line 2"},
    {"too few cells", "id,cost,capacity\np,1\n", 2, 3, "2 cells where the header has 3"},
    {"too many cells", "id,cost\np,1,2,3\n", 2, 3, "4 cells where the header has 2"},
    {"quote in an unquoted cell", "id,name\np,the \"big\" one\n", 2, 2, "quote inside"},
    {"text after a closing quote", "id,name\np,\"big\" one\n", 2, 2, "after its closing quote"},
    {"quote never closed", "id,name\np,1\nq,\"open\n\nr,2\n", 3, 2, "never closed"},
    {"line after a quoted break", "id,name\np,\"a\nb\"\nq,\"x\"y\n", 4, 2, "closing quote"},
    {"control character", "id,name\np,a\x01z\n", 2, 2, "control character (U+0001)"},
    {"DEL", "id,name\np,a\x7fz\n", 2, 2, "control character"},
    {"invalid UTF-8", "id,name\np,caf\xe9\n", 2, 2, "UTF-8"},
    {"CRLF lines", "id,cost\r\np,1\r\n\r\nq,x\r\n", 4, 2, "column 2 (cost)"},
    {"CRLF inside a quoted cell", "id,name,cost\r\np,\"a\r\nb\",1\r\nq,y,x\r\n", 4, 3, "(cost)"},
    {"control in a header", "id,na\x02me\np,1\n", 1, 2, "control character"},
};

static void test_bad_cells(void)
{
    make_tmpdir();
    char path[256];
    put("n.xml", "<network version=\"1\"><pollutant id=\"COD\" unit=\"t\"/>\n"
                 "<material id=\"m\" unit=\"t\"/>\n<processes src=\"firms.csv\"/></network>");
    in_tmp(path, sizeof path, "n.xml");
    for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
        const bad_case *b = &bad_cases[i];
        put("firms.csv", b->csv);
        cefo_network *net = NULL;
        cefo_error err = {0};
        cefo_status st = cefo_network_load_file(&net, path, &err);
        int ok = st == CEFO_ERR_INVALID && !net && ends_with(err.file, "/firms.csv")
                 && err.line == b->line && err.column == b->column
                 && strstr(err.message, b->phrase);
        if (!ok)
            fprintf(stderr, "\n  %s: status %d, %s:%d:%d: %s\n", b->what, st, err.file, err.line,
                    err.column, err.message);
        CU_ASSERT(ok);
        cefo_network_free(net);
    }
    /* A NUL byte, which a C string cannot hold. */
    char file[256];
    FILE *fp = fopen(in_tmp(file, sizeof file, "firms.csv"), "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    fwrite("id,name\np,a\0b\n", 1, 14, fp);
    fclose(fp);
    cefo_network *net = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL(cefo_network_load_file(&net, path, &err), CEFO_ERR_INVALID);
    CU_ASSERT(err.line == 2 && err.column == 2 && strstr(err.message, "NUL"));
    rm_tree();
}

/* Errors of the src= element itself: on the XML file's line. */
static void test_bad_src(void)
{
    make_tmpdir();
    char path[256], file[256];
    cefo_network *net = NULL;
    cefo_error err = {0};
    in_tmp(path, sizeof path, "n.xml");
    put("firms.csv", "id\np\n");
    put("n.xml", "<network version=\"1\">\n<material id=\"m\" unit=\"t\"/>\n"
                 "<processes src=\"firms.csv\"><process id=\"q\"/></processes></network>");
    CU_ASSERT_EQUAL(cefo_network_load_file(&net, path, &err), CEFO_ERR_INVALID);
    CU_ASSERT(ends_with(err.file, "/n.xml") && err.line == 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "holds no elements of its own"));
    put("n.xml", "<network version=\"1\">\n<material id=\"m\" unit=\"t\"/>\n"
                 "<processes src=\"missing.csv\"/></network>");
    CU_ASSERT_EQUAL(cefo_network_load_file(&net, path, &err), CEFO_ERR_NOFILE);
    CU_ASSERT(ends_with(err.file, "/missing.csv"));
    /* Confined to the XML file's folder, as an input-output table's src= is. */
    put("sub/n.xml", "<network version=\"1\">\n<material id=\"m\" unit=\"t\"/>\n"
                     "<processes src=\"../firms.csv\"/></network>");
    CU_ASSERT_EQUAL(cefo_network_load_file(&net, in_tmp(file, sizeof file, "sub/n.xml"), &err),
                    CEFO_ERR_INVALID);
    CU_ASSERT(ends_with(err.file, "/sub/n.xml") && err.line == 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "outside the folder"));
    /* A reference the registry cannot resolve is the loader's: the src= element's line. */
    put("firms.csv", "id,input:x\np,1\n");
    put("n.xml", "<network version=\"1\">\n<material id=\"m\" unit=\"t\"/>\n"
                 "<processes src=\"firms.csv\"/></network>");
    CU_ASSERT_EQUAL(cefo_network_load_file(&net, path, &err), CEFO_ERR_INVALID);
    CU_ASSERT(ends_with(err.file, "/n.xml") && err.line == 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "names no material"));
    /* A registry beside a network loaded from memory: relative to the name given. */
    put("firms.csv", "id,output:m\np,1\n");
    static const char xml[] = "<network version=\"1\"><material id=\"m\" unit=\"t\" "
                              "export-price=\"0\"/><processes src=\"firms.csv\"/></network>";
    CU_ASSERT_EQUAL(cefo_network_load_memory(&net, xml, strlen(xml), path, &err), CEFO_OK);
    CU_ASSERT(net && net->nprocesses == 1);
    cefo_network_free(net);
    rm_tree();
}

/* The rectification example kept as registries gives the XML example's optimum. */
static void test_rectification_csv(void)
{
    char a[512], b[512];
    cefo_network *xml = NULL, *csv = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cefo_network_load_file(&xml, source_path(a, sizeof a,
                                                 "examples/rectification.xml"), &err), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_network_load_file(&csv, source_path(b, sizeof b,
                                           "examples/registries/rectification.xml"), &err),
                    CEFO_OK);
    if (!csv)
        fprintf(stderr, "\n  %s:%d: %s\n", err.file, err.line, err.message);
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    CU_ASSERT_EQUAL(csv->nprocesses, xml->nprocesses);
    CU_ASSERT_EQUAL(csv->nmaterials, xml->nmaterials);
    double ox = solve_objective(xml), oc = solve_objective(csv);
    CU_ASSERT(!isnan(ox));
    ASSERT_CLOSE(oc, ox);
    cefo_network_free(xml);
    cefo_network_free(csv);
}

static CU_TestInfo registry_tests[] = {
    {"a network in registries solves to the hand optimum of its XML", test_golden_equivalence},
    {"scenario edits select registry rows", test_xpath_sees_rows},
    {"RFC 4180 quoting, CRLF, line breaks in cells", test_quoting},
    {"bad headers and cells: CSV file, line and column", test_bad_cells},
    {"bad src=: mixed, missing, outside, unresolved", test_bad_src},
    {"the rectification example as registries", test_rectification_csv},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("registry", registry_tests)
