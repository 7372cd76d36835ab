/* test_leontief.c - Leontief and WIO analysis on textbook tables, the network view, bad tables. */
#include <cefo/cefo.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "json_valid.h"
#include "testutil.h"

static cefo_iotable *table(const char *xml)
{
    cefo_iotable *t = NULL;
    cefo_error err = {0};
    if (cefo_iotable_load_memory(&t, xml, strlen(xml), "table.xml", &err) != CEFO_OK)
        fprintf(stderr, "\n  %s:%d: %s\n", err.file, err.line, err.message);
    return t;
}

static const char *miller_blair =
    "<iotable version=\"1\">\n"
    "<sector id=\"agriculture\" final-demand=\"350\"/>\n"
    "<sector id=\"manufacturing\" final-demand=\"1700\"/>\n"
    "<transactions><row sector=\"agriculture\">150 500</row>\n"
    "<row sector=\"manufacturing\">200 100</row></transactions>\n"
    "<extension id=\"labour\" unit=\"person-years\">300 500</extension>\n"
    "</iotable>\n";

/* Miller & Blair (2009) ch. 2: L to the book's 8 digits, x for the new demand (600, 1500). */
static void test_miller_blair(void)
{
    cefo_iotable *t = table(miller_blair);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    cefo_io_options opt;
    cefo_io_options_init(&opt);
    opt.inverse = 1;
    opt.coefficients = 1;
    double y[2] = {600, 1500};
    opt.final_demand = y;
    cefo_io_result *r = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_iotable_analyse(t, &opt, &r, NULL), CEFO_OK);
    cefo_io_vectors v;
    cefo_io_result_vectors(r, &v);
    const double L[4] = {1.25412541, 0.330033, 0.2640264, 1.12211221};
    for (int i = 0; i < 4; i++)
        CU_ASSERT(close_enough(v.inverse[i], L[i], 1e-6, 0));
    ASSERT_CLOSE(v.total_output[0], 1247.5247524752);
    ASSERT_CLOSE(v.total_output[1], 1841.5841584158);
    ASSERT_CLOSE(v.coefficients[0 * 2 + 1], 0.25);
    ASSERT_CLOSE(v.coefficients[1 * 2 + 0], 0.2);
    /* Labour coefficients 0.3 and 0.25: the new x needs 374.257... + 460.396... */
    cefo_io_extension e;
    CU_ASSERT_EQUAL(cefo_io_result_extension(r, 0, &e), CEFO_OK);
    ASSERT_CLOSE(e.direct_intensity[0], 0.3);
    ASSERT_CLOSE(e.total, 0.3 * 1247.5247524752 + 0.25 * 1841.5841584158);
    cefo_io_result_free(r);
    cefo_iotable_free(t);
}

/* Kitzes (2013): T, y and q give total intensities f L = (1.6, 1.2) and footprints (4.8, 7.2). */
static void test_kitzes(void)
{
    cefo_iotable *t = table("<iotable version=\"1\"><sector id=\"a\" final-demand=\"3\"/>"
                            "<sector id=\"b\" final-demand=\"6\"/><transactions>"
                            "<row sector=\"a\">8 5</row><row sector=\"b\">4 2</row>"
                            "</transactions><extension id=\"q\" unit=\"t\">8 4</extension>"
                            "</iotable>");
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    cefo_io_result *r = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_iotable_analyse(t, NULL, &r, NULL), CEFO_OK);
    cefo_io_extension e;
    cefo_io_result_extension(r, 0, &e);
    ASSERT_CLOSE(e.total_intensity[0], 1.6);
    ASSERT_CLOSE(e.total_intensity[1], 1.2);
    ASSERT_CLOSE(e.footprint[0], 4.8);
    ASSERT_CLOSE(e.footprint[1], 7.2);
    ASSERT_CLOSE(e.total, 12); /* footprints add up to the direct total 8 + 4 */
    cefo_io_vectors v;
    cefo_io_result_vectors(r, &v);
    ASSERT_CLOSE(v.output_multipliers[0], 2.6666666667 + 0.8); /* column sums of L */
    CU_ASSERT_PTR_NULL(v.inverse);
    CU_ASSERT_PTR_NULL(v.coefficients);
    cefo_io_result_free(r);
    cefo_iotable_free(t);
}

/*
 * A 2-goods, 2-treatment WIO (numbers of ../shared/refdata/wio-toy-derived, computed there
 * independently with numpy): unit total outputs make Z the coefficients and the waste rows the
 * net generation per unit. Allocation S1 (w1 -> incineration, w2 -> landfill) gives
 * x = (137.873614, 103.373613, 57.912084, 51.592577) and CO2 212.12741; S2 (half of w1
 * landfilled) x_landfill 75.62793 and CO2 182.678163.
 */
static const char *wio_toy(int half)
{
    static char buf[2048];
    snprintf(buf, sizeof buf,
             "<iotable version=\"1\">\n"
             "<sector id=\"good1\" final-demand=\"100\" total-output=\"1\"/>\n"
             "<sector id=\"good2\" final-demand=\"50\" total-output=\"1\"/>\n"
             "<sector id=\"incineration\" kind=\"treatment\" total-output=\"1\"/>\n"
             "<sector id=\"landfill\" kind=\"treatment\" total-output=\"1\"/>\n"
             "<transactions>\n<row sector=\"good1\">0.1 0.2 0.05 0.01</row>\n"
             "<row sector=\"good2\">0.3 0.1 0.02 0.01</row>\n</transactions>\n"
             "<waste id=\"w1\" final-demand=\"20\">0.2 0.1 0 0</waste>\n"
             "<waste id=\"w2\" final-demand=\"5\">0.05 0.3 0.15 0</waste>\n"
             "<allocation waste=\"w1\" treatment=\"incineration\" share=\"%s\"/>\n"
             "%s"
             "<allocation waste=\"w2\" treatment=\"landfill\" share=\"1\"/>\n"
             "<extension id=\"CO2\" unit=\"t\">0.5 0.8 1.0 0.05</extension>\n"
             "</iotable>\n",
             half ? "0.5" : "1",
             half ? "<allocation waste=\"w1\" treatment=\"landfill\" share=\"0.5\"/>\n" : "");
    return buf;
}

static void test_wio_toy(void)
{
    const double x1[4] = {137.873614, 103.373613, 57.912084, 51.592577};
    for (int half = 0; half < 2; half++) {
        cefo_iotable *t = table(wio_toy(half));
        CU_ASSERT_PTR_NOT_NULL_FATAL(t);
        cefo_io_result *r = NULL;
        CU_ASSERT_EQUAL_FATAL(cefo_iotable_analyse(t, NULL, &r, NULL), CEFO_OK);
        cefo_io_vectors v;
        cefo_io_extension e;
        cefo_io_result_vectors(r, &v);
        cefo_io_result_extension(r, 0, &e);
        for (int i = 0; i < 4 && !half; i++)
            CU_ASSERT(close_enough(v.total_output[i], x1[i], 1e-8, 0));
        CU_ASSERT(close_enough(e.total, half ? 182.678163 : 212.12741, 1e-8, 0));
        if (half)
            CU_ASSERT(close_enough(v.total_output[3], 75.62793, 1e-8, 0));
        /* Waste of final demand reaches the treatment sectors' final demand: S w_y. */
        ASSERT_CLOSE(v.final_demand[2], half ? 10 : 20);
        ASSERT_CLOSE(v.final_demand[3], half ? 15 : 5);
        cefo_io_result_free(r);
        cefo_iotable_free(t);
    }
}

/* The network view: one product per process, technology from the recipes. */
static void test_network_view(void)
{
    /* steel: 0.1 coal per t; car: 1.5 steel per car. Demand 10 cars: 15 t steel + ...
     * x_steel = 15 / (1 - 0) with no self-use, CO2 2 t per t steel and 0.5 per car:
     * footprint 10 * 0.5 + 15 * 2 = 35. Coal is bought in: "input:coal" 1.5 t. */
    const char *xml = "<network version=\"1\">"
                      "<material id=\"coal\" unit=\"t\" kind=\"resource\" import-cost=\"1\"/>"
                      "<material id=\"steel\" unit=\"t\"/><material id=\"car\" unit=\"car\"/>"
                      "<pollutant id=\"CO2\" unit=\"t\"/>"
                      "<process id=\"mill\"><input material=\"coal\" amount=\"0.2\"/>"
                      "<output material=\"steel\" amount=\"2\"/>"
                      "<emission pollutant=\"CO2\" amount=\"4\"/></process>"
                      "<process id=\"plant\" labour=\"3\"><input material=\"steel\" amount=\"1.5\"/>"
                      "<output material=\"car\" amount=\"1\"/>"
                      "<emission pollutant=\"CO2\" amount=\"0.5\"/></process>"
                      "<demand material=\"car\" amount=\"10\"/></network>";
    cefo_iotable *t = table(xml);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(cefo_iotable_size(t), 2);
    cefo_io_result *r = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_iotable_analyse(t, NULL, &r, NULL), CEFO_OK);
    cefo_io_vectors v;
    cefo_io_result_vectors(r, &v);
    size_t steel, car;
    CU_ASSERT_EQUAL(cefo_iotable_find(t, "steel", &steel), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_iotable_find(t, "car", &car), CEFO_OK);
    ASSERT_CLOSE(v.total_output[steel], 15);
    ASSERT_CLOSE(v.total_output[car], 10);
    const char *want[] = {"CO2", "labour", "input:coal"};
    const double total[] = {35, 30, 1.5};
    CU_ASSERT_EQUAL_FATAL(cefo_io_result_extensions(r), 3);
    for (size_t k = 0; k < 3; k++) {
        cefo_io_extension e;
        cefo_io_result_extension(r, k, &e);
        CU_ASSERT_STRING_EQUAL(e.id, want[k]);
        ASSERT_CLOSE(e.total, total[k]);
    }
    cefo_io_result_free(r);
    cefo_iotable_free(t);

    /* Two producers of one product: refused, naming the product and both processes. */
    cefo_error err = {0};
    char path[1024];
    CU_ASSERT_EQUAL(cefo_iotable_load_file(
                        &t, source_path(path, sizeof path, "examples/zhenan-cluster.xml"), &err),
                    CEFO_ERR_INVALID);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "exactly one producer"));
    CU_ASSERT(err.line > 0);
}

typedef struct bad_table {
    const char *what, *xml, *phrase;
    int line;
} bad_table;

#define T0 "<iotable version=\"1\">\n<sector id=\"a\" final-demand=\"1\"/>\n"
static const bad_table bad_tables[] = {
    {"no sectors", "<iotable version=\"1\">\n<transactions/>\n</iotable>", "no sectors", 1},
    {"missing row", T0 "<sector id=\"b\"/>\n<transactions><row sector=\"a\">0 0</row>"
     "</transactions></iotable>", "no row", 3},
    {"short row", T0 "<transactions>\n<row sector=\"a\">0 0</row></transactions></iotable>",
     "2 values for 1", 4},
    {"bad number", T0 "<transactions>\n<row sector=\"a\">\n0x5</row></transactions></iotable>",
     "0x5", 5},
    {"unknown sector", T0 "<transactions>\n<row sector=\"z\">0</row></transactions></iotable>",
     "names no sector", 4},
    {"shares not summing to 1", T0 "<sector id=\"t\" kind=\"treatment\"/>\n<transactions>"
     "<row sector=\"a\">0 0</row></transactions>\n<waste id=\"w\">1 0</waste>\n"
     "<allocation waste=\"w\" treatment=\"t\" share=\"0.7\"/></iotable>", "sum to 0.7", 5},
    {"allocation to an industry", T0 "<sector id=\"t\" kind=\"treatment\"/>\n<transactions>"
     "<row sector=\"a\">0 0</row></transactions>\n<waste id=\"w\">1 0</waste>\n"
     "<allocation waste=\"w\" treatment=\"a\" share=\"1\"/></iotable>", "kind treatment", 6},
    {"missing CSV", T0 "<transactions src=\"no-such.csv\"/></iotable>", "cannot open", 0},
    {"wrong root", "<table version=\"1\"/>", "<iotable> or <network>", 1},
    {"duplicate sector", T0 "<sector id=\"b\"/>\n<sector id=\"a\"/>\n<transactions/></iotable>",
     "duplicate sector id 'a'", 4},
    {"duplicate waste", T0 "<transactions><row sector=\"a\">0</row></transactions>\n"
     "<waste id=\"w\">1</waste>\n<waste id=\"w\">2</waste></iotable>",
     "duplicate waste id 'w'", 5},
    {"grouping element with attributes", T0 "<sectors x=\"1\"/></iotable>",
     "takes no attributes", 3},
};

static void test_bad_tables(void)
{
    for (size_t i = 0; i < sizeof bad_tables / sizeof *bad_tables; i++) {
        const bad_table *c = &bad_tables[i];
        cefo_iotable *t = NULL;
        cefo_error err = {0};
        cefo_status st = cefo_iotable_load_memory(&t, c->xml, strlen(c->xml), "bad.xml", &err);
        int ok = st != CEFO_OK && t == NULL && err.line == c->line && strstr(err.message, c->phrase);
        if (!ok)
            fprintf(stderr, "\n  case '%s': status %d line %d '%s'\n", c->what, st, err.line,
                    err.message);
        CU_ASSERT(ok);
    }
}

/* A sector that only feeds itself at 100% makes I - A singular: refused, naming it. */
static void test_singular(void)
{
    cefo_iotable *t = table("<iotable version=\"1\">\n<sector id=\"a\" final-demand=\"1\"/>\n"
                            "<sector id=\"loop\" total-output=\"5\"/>\n<transactions>"
                            "<row sector=\"a\">1 0</row><row sector=\"loop\">0 5</row>"
                            "</transactions></iotable>");
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    cefo_io_result *r = NULL;
    cefo_error err = {0};
    CU_ASSERT_EQUAL(cefo_iotable_analyse(t, NULL, &r, &err), CEFO_ERR_INVALID);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "'loop'"));
    CU_ASSERT_EQUAL(err.line, 3);
    cefo_iotable_free(t);
    /* Near-singular: 0.999999 self-use, refused under rcond_min 1e-3 but not by default. */
    t = table("<iotable version=\"1\">\n<sector id=\"a\" final-demand=\"1\"/>\n"
              "<sector id=\"b\" total-output=\"1\"/>\n<transactions>"
              "<row sector=\"a\">1 0</row><row sector=\"b\">0 0.999999</row>"
              "</transactions></iotable>");
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    cefo_io_options opt;
    cefo_io_options_init(&opt);
    opt.rcond_min = 1e-3;
    CU_ASSERT_EQUAL(cefo_iotable_analyse(t, &opt, &r, &err), CEFO_ERR_INVALID);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "near-singular"));
    CU_ASSERT_EQUAL(cefo_iotable_analyse(t, NULL, &r, &err), CEFO_OK);
    cefo_io_result_free(r);
    double bad[2] = {1, NAN};
    opt.final_demand = bad;
    opt.rcond_min = 0;
    CU_ASSERT_EQUAL(cefo_iotable_analyse(t, &opt, &r, &err), CEFO_ERR_ARG);
    cefo_iotable_free(t);
}

/* The error of analysing `xml` with the table's own demand (CEFO_OK when it is accepted). */
static cefo_status analyse_error(const char *xml, cefo_error *err)
{
    cefo_iotable *t = NULL;
    cefo_io_result *r = NULL;
    cefo_status st = cefo_iotable_load_memory(&t, xml, strlen(xml), "table.xml", err);
    if (st == CEFO_OK)
        st = cefo_iotable_analyse(t, NULL, &r, err);
    cefo_io_result_free(r);
    cefo_iotable_free(t);
    return st;
}

/*
 * A table whose industry cannot even make what it uses (no x > 0 with x > A x: Hawkins and
 * Simon) is refused, naming a sector, instead of reporting negative outputs. By hand, with
 * unit outputs A = [[0.5, 0.5], [0.6, 0.5]]: (I - A)^-T 1 = (-22, -20), so 'a' is the sector
 * named (the lowest output multiplier); a one-sector table with A = 1.2 gives x = -5 y.
 */
static void test_not_productive(void)
{
    cefo_error err = {0};
    const char *two = "<iotable version=\"1\">\n"
                      "<sector id=\"a\" final-demand=\"1\" total-output=\"1\"/>\n"
                      "<sector id=\"b\" final-demand=\"1\" total-output=\"1\"/>\n"
                      "<transactions><row sector=\"a\">0.5 0.5</row>\n"
                      "<row sector=\"b\">0.6 0.5</row></transactions></iotable>\n";
    CU_ASSERT_EQUAL(analyse_error(two, &err), CEFO_ERR_INVALID);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "not productive"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "sector 'a'"));
    CU_ASSERT_EQUAL(err.line, 2);
    const char *one = "<iotable version=\"1\">\n<sector id=\"steel\" final-demand=\"10\" "
                      "total-output=\"1\"/>\n<transactions><row sector=\"steel\">1.2</row>"
                      "</transactions></iotable>\n";
    CU_ASSERT_EQUAL(analyse_error(one, &err), CEFO_ERR_INVALID);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "sector 'steel'"));
    CU_ASSERT_EQUAL(err.line, 2);
    /* The same in a WIO table: its goods block is judged, whatever the treatment rows. */
    const char *wio = "<iotable version=\"1\">\n"
                      "<sector id=\"a\" final-demand=\"1\" total-output=\"1\"/>\n"
                      "<sector id=\"b\" final-demand=\"1\" total-output=\"1\"/>\n"
                      "<sector id=\"t\" kind=\"treatment\" total-output=\"1\"/>\n"
                      "<transactions><row sector=\"a\">0.5 0.5 0</row>\n"
                      "<row sector=\"b\">0.6 0.5 0</row></transactions>\n"
                      "<waste id=\"w\">0.1 -0.05 0</waste>\n"
                      "<allocation waste=\"w\" treatment=\"t\" share=\"1\"/></iotable>\n";
    CU_ASSERT_EQUAL(analyse_error(wio, &err), CEFO_ERR_INVALID);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "sector 'a'"));
    CU_ASSERT_EQUAL(err.line, 2);
}

/*
 * What stays accepted. A column summing past 1 is not by itself unproductive: with
 * A = [[0.6, 0.1], [0.5, 0.2]] (column a sums to 1.1) the eigenvalues are 0.7 and 0.1, and by
 * hand x = (I - A)^-1 (1, 1) = (0.9, 0.9) / 0.27 = (10/3, 10/3). Negative coefficients (a
 * by-product recorded as a negative input) are credits: A = [[0.5, -0.5], [0.6, 0.5]] has
 * I - A = [[0.5, 0.5], [-0.6, 0.5]], determinant 0.55, x = (0, 1.1) / 0.55 = (0, 2).
 */
static void test_productive_kept(void)
{
    const char *xml[] = {"<iotable version=\"1\"><sector id=\"a\" final-demand=\"1\" "
                         "total-output=\"1\"/><sector id=\"b\" final-demand=\"1\" "
                         "total-output=\"1\"/><transactions><row sector=\"a\">0.6 0.1</row>"
                         "<row sector=\"b\">0.5 0.2</row></transactions></iotable>",
                         "<iotable version=\"1\"><sector id=\"a\" final-demand=\"1\" "
                         "total-output=\"1\"/><sector id=\"b\" final-demand=\"1\" "
                         "total-output=\"1\"/><transactions><row sector=\"a\">0.5 -0.5</row>"
                         "<row sector=\"b\">0.6 0.5</row></transactions></iotable>"};
    const double want[2][2] = {{10.0 / 3, 10.0 / 3}, {0, 2}};
    for (int k = 0; k < 2; k++) {
        cefo_iotable *t = table(xml[k]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(t);
        cefo_io_result *r = NULL;
        CU_ASSERT_EQUAL_FATAL(cefo_iotable_analyse(t, NULL, &r, NULL), CEFO_OK);
        cefo_io_vectors v;
        cefo_io_result_vectors(r, &v);
        CU_ASSERT(close_enough(v.total_output[0], want[k][0], 1e-12, 1e-12));
        CU_ASSERT(close_enough(v.total_output[1], want[k][1], 1e-12, 1e-12));
        cefo_io_result_free(r);
        cefo_iotable_free(t);
    }
}

/*
 * Overflow: a row of 1.7e308 (its sum is infinite, which made a zero column of A) is refused
 * as a number; a tiny total output turns 1e15 of sales into a coefficient of 1e315, refused
 * naming the sector whose column overflows.
 */
static void test_io_overflow(void)
{
    cefo_error err = {0};
    CU_ASSERT_EQUAL(analyse_error(T0 "<transactions>\n<row sector=\"a\">1.7e308</row>"
                                     "</transactions></iotable>", &err), CEFO_ERR_INVALID);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "too large"));
    CU_ASSERT_EQUAL(err.line, 4);
    CU_ASSERT_EQUAL(analyse_error("<iotable version=\"1\">\n<sector id=\"a\" final-demand=\"1\"/>\n"
                                  "<sector id=\"b\" total-output=\"1e-300\"/>\n<transactions>"
                                  "<row sector=\"a\">0 1e15</row><row sector=\"b\">0 0</row>"
                                  "</transactions></iotable>", &err), CEFO_ERR_INVALID);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "sector 'b'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "overflow"));
    CU_ASSERT_EQUAL(err.line, 3);
}

/* A private folder with `sub/`, for tables and their src= files; removed by rm_tree. */
static char tmpdir[64];

static void put(const char *rel, const char *data, size_t len)
{
    test_put(tmpdir, rel, data, len);
}

static void put_str(const char *rel, const char *data)
{
    put(rel, data, strlen(data));
}

/* Loads tmpdir/rel with `flags`: the status, *err filled, the table freed. */
static cefo_status load_rel(const char *rel, unsigned flags, cefo_error *err)
{
    char path[256];
    cefo_iotable *t = NULL;
    snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
    memset(err, 0, sizeof *err);
    cefo_status st = cefo_iotable_load_file_flags(&t, path, flags, err);
    cefo_iotable_free(t);
    return st;
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

#define TAB2 "<iotable version=\"1\">\n<sector id=\"a\" final-demand=\"3\"/>\n" \
             "<sector id=\"b\" final-demand=\"6\"/>\n"

static void make_tmpdir(void)
{
    test_make_tree(tmpdir, "cefo-src");
}

static void rm_tree(void)
{
    static const char *const files[] = {"sub/link.csv", "sub/t.xml", "sub/Z.csv", "Z.csv",
                                        "t.xml",        "E.csv",     "sub"};
    test_rm_tree(tmpdir, files, sizeof files / sizeof *files);
}

/*
 * Headers of a src= CSV must list the sector ids in the table's order (docs/leontief.md):
 * the same table with its columns swapped gave other numbers silently, and any header was
 * accepted. A mismatch names the CSV, the line and the column, and the id expected there.
 */
static void test_csv_headers(void)
{
    make_tmpdir();
    cefo_error err;
    put_str("t.xml", TAB2 "<transactions src=\"Z.csv\"/>\n</iotable>\n");
    put_str("Z.csv", "sector,a,b\na,8,5\nb,4,2\n");
    CU_ASSERT_EQUAL(load_rel("t.xml", 0, &err), CEFO_OK);
    put_str("Z.csv", "sector,b,a\nb,2,4\na,5,8\n"); /* reordered: refused, not reread */
    CU_ASSERT_EQUAL(load_rel("t.xml", 0, &err), CEFO_ERR_INVALID);
    CU_ASSERT(ends_with(err.file, "/Z.csv"));
    CU_ASSERT_EQUAL(err.line, 1);
    CU_ASSERT_EQUAL(err.column, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "column 2"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "sector 'a'"));
    put_str("Z.csv", "sector,apples,pears\na,8,5\nb,4,2\n");
    CU_ASSERT_EQUAL(load_rel("t.xml", 0, &err), CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(err.line, 1);
    CU_ASSERT_EQUAL(err.column, 2);
    CU_ASSERT_PTR_NULL(strstr(err.message, "apples")); /* the position, not the content */
    put_str("Z.csv", "sector,a,b\na,8,5\nz,4,2\n"); /* header column, line 3 */
    CU_ASSERT_EQUAL(load_rel("t.xml", 0, &err), CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(err.line, 3);
    CU_ASSERT_EQUAL(err.column, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "sector 'b'"));
    /* An extension in one row: its header row is checked, its row label is the user's. */
    put_str("t.xml", TAB2 "<transactions><row sector=\"a\">8 5</row><row sector=\"b\">4 2</row>"
                          "</transactions>\n<extension id=\"q\" unit=\"t\" src=\"E.csv\"/>\n"
                          "</iotable>\n");
    put_str("E.csv", "stressor,a,b\nCO2 (t),8,4\n");
    CU_ASSERT_EQUAL(load_rel("t.xml", 0, &err), CEFO_OK);
    put_str("E.csv", "stressor,b,a\nCO2 (t),4,8\n");
    CU_ASSERT_EQUAL(load_rel("t.xml", 0, &err), CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(err.column, 2);
    put_str("E.csv", "a,8\nb,4\n"); /* one column, a header column of ids */
    CU_ASSERT_EQUAL(load_rel("t.xml", 0, &err), CEFO_OK);
    put_str("E.csv", "b,8\na,4\n");
    CU_ASSERT_EQUAL(load_rel("t.xml", 0, &err), CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(err.line, 1);
    CU_ASSERT_EQUAL(err.column, 1);
    rm_tree();
}

/*
 * Nothing beside src= or inside a value list is ignored: text beside src=, a child element
 * inside <row> (whose text was read as a value) and data after a NUL byte in a CSV are
 * errors with their line; a bad CSV cell is named by its position, never quoted (a secret
 * token of another file was echoed).
 */
static void test_src_content(void)
{
    make_tmpdir();
    cefo_error err;
    put_str("Z.csv", "8,5\n4,2\n");
    put_str("t.xml", TAB2 "<transactions src=\"Z.csv\">\n1 2 3 4</transactions>\n</iotable>\n");
    CU_ASSERT_EQUAL(load_rel("t.xml", 0, &err), CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(err.line, 5); /* the text's own line */
    put_str("t.xml", TAB2 "<transactions>\n<row sector=\"a\">8\n<v>5</v></row>\n"
                          "<row sector=\"b\">4 2</row></transactions>\n</iotable>\n");
    CU_ASSERT_EQUAL(load_rel("t.xml", 0, &err), CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(err.line, 6);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "not allowed"));
    /* Values across lines keep their line, comments included. */
    put_str("t.xml", TAB2 "<transactions>\n<row sector=\"a\">8 <!-- two\nlines -->\n"
                          "5</row>\n<row sector=\"b\">4\nx</row></transactions>\n</iotable>\n");
    CU_ASSERT_EQUAL(load_rel("t.xml", 0, &err), CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(err.line, 9);
    put_str("t.xml", TAB2 "<transactions src=\"Z.csv\"/>\n</iotable>\n");
    put("Z.csv", "8,5\n4,\0" "2\n", 9);
    CU_ASSERT_EQUAL(load_rel("t.xml", 0, &err), CEFO_ERR_INVALID);
    CU_ASSERT(ends_with(err.file, "/Z.csv"));
    CU_ASSERT_EQUAL(err.line, 2);
    CU_ASSERT_EQUAL(err.column, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "NUL"));
    put_str("Z.csv", "8,5\n4,token-s3cr3t\n");
    CU_ASSERT_EQUAL(load_rel("t.xml", 0, &err), CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(err.line, 2);
    CU_ASSERT_EQUAL(err.column, 2);
    CU_ASSERT_PTR_NULL(strstr(err.message, "s3cr3t"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "column 2"));
    rm_tree();
}

/*
 * src= stays inside the XML file's folder unless the caller allows more: a path going up, an
 * absolute path elsewhere and a symlink leading out are refused by default, for files and
 * for the in-memory loader (against the folder of its `name`).
 */
static void test_src_confined(void)
{
    make_tmpdir();
    cefo_error err;
    char abs[160], xml[512], link[160];
    put_str("Z.csv", "8,5\n4,2\n");
    put_str("sub/Z.csv", "8,5\n4,2\n");
    put_str("sub/t.xml", TAB2 "<transactions src=\"Z.csv\"/>\n</iotable>\n");
    CU_ASSERT_EQUAL(load_rel("sub/t.xml", 0, &err), CEFO_OK);
    put_str("sub/t.xml", TAB2 "<transactions src=\"../Z.csv\"/>\n</iotable>\n");
    CU_ASSERT_EQUAL(load_rel("sub/t.xml", 0, &err), CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(err.line, 4);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "outside"));
    CU_ASSERT_EQUAL(load_rel("sub/t.xml", CEFO_LOAD_SRC_ANYWHERE, &err), CEFO_OK);
    snprintf(abs, sizeof abs, "%s/Z.csv", tmpdir);
    snprintf(xml, sizeof xml, TAB2 "<transactions src=\"%s\"/>\n</iotable>\n", abs);
    put_str("sub/t.xml", xml);
    CU_ASSERT_EQUAL(load_rel("sub/t.xml", 0, &err), CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(load_rel("sub/t.xml", CEFO_LOAD_SRC_ANYWHERE, &err), CEFO_OK);
    snprintf(link, sizeof link, "%s/sub/link.csv", tmpdir);
    CU_ASSERT_EQUAL_FATAL(symlink(abs, link), 0);
    put_str("sub/t.xml", TAB2 "<transactions src=\"link.csv\"/>\n</iotable>\n");
    CU_ASSERT_EQUAL(load_rel("sub/t.xml", 0, &err), CEFO_ERR_INVALID);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "outside"));
    /* In memory: against the folder of `name`. */
    const char *up = TAB2 "<transactions src=\"../Z.csv\"/>\n</iotable>\n";
    char name[160];
    snprintf(name, sizeof name, "%s/sub/mem.xml", tmpdir);
    cefo_iotable *t = NULL;
    CU_ASSERT_EQUAL(cefo_iotable_load_memory(&t, up, strlen(up), name, &err), CEFO_ERR_INVALID);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "outside"));
    CU_ASSERT_EQUAL(cefo_iotable_load_memory_flags(&t, up, strlen(up), name,
                                                   CEFO_LOAD_SRC_ANYWHERE, &err), CEFO_OK);
    cefo_iotable_free(t);
    rm_tree();
}

/* JSON and CSV carry the contract's keys (spec section 4) and the documented columns. */
static void test_writers(void)
{
    cefo_iotable *t = table(miller_blair);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    cefo_io_options opt;
    cefo_io_options_init(&opt);
    opt.inverse = 1;
    cefo_io_result *r = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_iotable_analyse(t, &opt, &r, NULL), CEFO_OK);
    char buf[8192] = {0};
    FILE *fp = fmemopen(buf, sizeof buf - 1, "w");
    CU_ASSERT_EQUAL(cefo_io_result_write(r, fp, CEFO_FORMAT_JSON, NULL), CEFO_OK);
    fclose(fp);
    const char *keys[] = {"\"sectors\": [\"agriculture\", \"manufacturing\"]",
                          "\"total_output\": [1000, 2000]", "\"output_multipliers\": [",
                          "\"leontief_inverse\": [\n", "\"extensions\": [",
                          "\"direct_intensity\": [0.3, 0.25]", "\"total_intensity\": [",
                          "\"footprint\": ["};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        CU_ASSERT_PTR_NOT_NULL(strstr(buf, keys[i]));
    CU_ASSERT(json_valid(buf));
    memset(buf, 0, sizeof buf);
    fp = fmemopen(buf, sizeof buf - 1, "w");
    CU_ASSERT_EQUAL(cefo_io_result_write(r, fp, CEFO_FORMAT_CSV, NULL), CEFO_OK);
    fclose(fp);
    CU_ASSERT_EQUAL(strncmp(buf, "section,sector,column,quantity,value,unit\n", 42), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "sector,agriculture,,total_output,1000,\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "extension,manufacturing,labour,direct_intensity,0.25,\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "inverse,agriculture,manufacturing,leontief_inverse,"));
    CU_ASSERT_EQUAL(cefo_io_result_write(r, NULL, CEFO_FORMAT_CSV, NULL), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_io_result_write_file(r, NULL, CEFO_FORMAT_CSV, NULL), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_io_result_write_file(r, "", CEFO_FORMAT_CSV, NULL), CEFO_ERR_ARG);
    cefo_io_result_free(r);
    cefo_iotable_free(t);
}

static CU_TestInfo leontief_tests[] = {
    {"JSON and CSV writers", test_writers},
    {"Miller & Blair 2009 ch. 2", test_miller_blair},
    {"Kitzes 2013 footprints", test_kitzes},
    {"waste input-output toy, two allocations", test_wio_toy},
    {"the input-output view of a network", test_network_view},
    {"bad tables: status, line, message", test_bad_tables},
    {"singular and near-singular I - A", test_singular},
    {"a table that is not productive is refused", test_not_productive},
    {"productive tables with large columns or credits are kept", test_productive_kept},
    {"overflowing tables are refused", test_io_overflow},
    {"src= CSV headers must match the sector ids", test_csv_headers},
    {"nothing beside src= or inside values is ignored", test_src_content},
    {"src= stays in the XML file's folder", test_src_confined},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("leontief", leontief_tests)
