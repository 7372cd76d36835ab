/* test_footprint.c - product footprints of a plan: hand-derived cases and conservation. */
#include <cefo/cefo.h>
#include <string.h>

#include "json_valid.h"
#include "solver/blocks.h"
#include "testutil.h"

/* A network solved and its footprints, freed together. */
typedef struct case_run {
    cefo_network *net;
    cefo_problem *prob;
    cefo_result *res;
    cefo_footprint *fp;
} case_run;

static void run_free(case_run *r)
{
    cefo_footprint_free(r->fp);
    cefo_result_free(r->res);
    cefo_problem_free(r->prob);
    cefo_network_free(r->net);
}

static cefo_status run(case_run *r, const char *xml, const char *path, cefo_allocation alloc)
{
    cefo_error err = {0};
    *r = (case_run){0};
    cefo_status st = xml ? cefo_network_load_memory(&r->net, xml, strlen(xml), "case.xml", &err)
                         : cefo_network_load_file(&r->net, path, &err);
    if (st == CEFO_OK)
        st = cefo_problem_build(&r->prob, r->net, &err);
    if (st == CEFO_OK)
        st = cefo_problem_solve(r->prob, test_options(), &r->res, &err);
    if (st == CEFO_OK && cefo_result_status(r->res) == CEFO_SOLVE_OPTIMAL)
        st = cefo_footprint_compute(&r->fp, r->res, alloc, &err);
    if (st != CEFO_OK)
        fprintf(stderr, "\n  %s:%d: %s\n", err.file, err.line, err.message);
    return st;
}

/* The row of product `id`; asserts it exists. */
static cefo_footprint_row product(const case_run *r, const char *id)
{
    cefo_footprint_row row = {0};
    for (size_t i = 0; i < cefo_footprint_count(r->fp); i++) {
        cefo_footprint_product(r->fp, i, &row);
        if (strcmp(row.id, id) == 0)
            return row;
    }
    CU_FAIL("product missing");
    static const double zero[8] = {0};
    row.intensity = row.footprint = zero;
    return row;
}

/*
 * Two producers of a part: A (2 t CO2 per t, capacity 30, cheaper) and B (5 t CO2). The widget
 * needs 2 parts and emits 1 t. Plan: 200 parts, A 30 and B 170 (shares 0.15, 0.85); a part
 * carries 0.15*2 + 0.85*5 = 4.55 t, a widget 1 + 2*4.55 = 10.1 t, 100 widgets 1010 t (= 60 +
 * 850 + 100). Ore is imported: 2 t of virgin import per widget.
 */
static const char two_producers[] =
    "<network version=\"1\"><pollutant id=\"CO2\" unit=\"t\"/>"
    "<material id=\"ore\" unit=\"t\" kind=\"resource\" import-cost=\"1\"/>"
    "<material id=\"part\" unit=\"t\"/><material id=\"widget\" unit=\"t\"/>"
    "<process id=\"A\" cost=\"1\" capacity=\"30\"><input material=\"ore\" amount=\"1\"/>"
    "<output material=\"part\" amount=\"1\"/><emission pollutant=\"CO2\" amount=\"2\"/></process>"
    "<process id=\"B\" cost=\"2\"><input material=\"ore\" amount=\"1\"/>"
    "<output material=\"part\" amount=\"1\"/><emission pollutant=\"CO2\" amount=\"5\"/></process>"
    "<process id=\"W\" cost=\"1\" labour=\"0.5\"><input material=\"part\" amount=\"2\"/>"
    "<output material=\"widget\" amount=\"1\"/><emission pollutant=\"CO2\" amount=\"1\"/>"
    "</process><demand material=\"widget\" amount=\"100\"/></network>";

static void test_two_producers(void)
{
    case_run r;
    CU_ASSERT_EQUAL_FATAL(run(&r, two_producers, NULL, CEFO_ALLOCATION_MARKET), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_footprint_count(r.fp), 1);
    cefo_footprint_row w = product(&r, "widget");
    ASSERT_CLOSE(w.intensity[0], 10.1);
    ASSERT_CLOSE(w.footprint[0], 1010);
    ASSERT_CLOSE(w.virgin_import, 200);
    ASSERT_CLOSE(w.virgin_import_intensity, 2);
    ASSERT_CLOSE(w.labour, 50);
    run_free(&r);
}

/*
 * P makes 1 t of a and 3 t of b per unit for 10 kCNY and 12 t CO2; a may be imported at 6, b
 * at 2. Demand a 10, b 60: P runs at 10 (a has no export), b's other 30 t are imported. Shadow
 * prices: b 2 (imported at the margin), a 10 - 3*2 = 4 (P is basic). Market: values 40 and 60,
 * so a carries 0.4*120 = 48 t (4.8 per t) and b 72 t over its 60 t supply (1.2 per t, the
 * imported half clean). Mass: a 1/4 -> 30 t (3 per t), b 90 t over 60 (1.5 per t).
 */
static const char coproduct[] =
    "<network version=\"1\"><pollutant id=\"CO2\" unit=\"t\"/>"
    "<material id=\"a\" unit=\"t\" import-cost=\"6\"/><material id=\"b\" unit=\"t\" "
    "import-cost=\"2\"/><process id=\"P\" cost=\"10\"><output material=\"a\" amount=\"1\"/>"
    "<output material=\"b\" amount=\"3\"/><emission pollutant=\"CO2\" amount=\"12\"/></process>"
    "<demand material=\"a\" amount=\"10\"/><demand material=\"b\" amount=\"60\"/></network>";

static void test_coproduct(void)
{
    case_run r;
    CU_ASSERT_EQUAL_FATAL(run(&r, coproduct, NULL, CEFO_ALLOCATION_MARKET), CEFO_OK);
    ASSERT_CLOSE(product(&r, "a").intensity[0], 4.8);
    ASSERT_CLOSE(product(&r, "a").footprint[0], 48);
    ASSERT_CLOSE(product(&r, "b").intensity[0], 1.2);
    ASSERT_CLOSE(product(&r, "b").footprint[0], 72);
    ASSERT_CLOSE(product(&r, "b").virgin_import, 30);
    CU_ASSERT_EQUAL(cefo_footprint_allocation(r.fp), CEFO_ALLOCATION_MARKET);
    run_free(&r);
    CU_ASSERT_EQUAL_FATAL(run(&r, coproduct, NULL, CEFO_ALLOCATION_MASS), CEFO_OK);
    ASSERT_CLOSE(product(&r, "a").intensity[0], 3);
    ASSERT_CLOSE(product(&r, "b").intensity[0], 1.5);
    ASSERT_CLOSE(product(&r, "b").footprint[0], 90);
    run_free(&r);
}

/*
 * M makes 100 t of goods (1 t COD each) and 2 t of sludge per t. Pooled sludge: T1 (0.5 t COD
 * per t, capacity 80, cheaper) and T2 (0.2) treat 80 and 120 t: 40 + 24 = 64 t over 200 t, 0.32
 * per t of sludge; goods carry 1 + 2*0.32 = 1.64 per t. The linked variant sends G1's sludge
 * (1 t per t of g1) to T1 only and G2's (2 t per t of g2) to T2 only: g1 carries 1 + 0.5 = 1.5
 * per t, g2 3 + 2*0.2 = 3.4 per t (pooled shares would mix them).
 */
static const char waste_pooled[] =
    "<network version=\"1\"><pollutant id=\"COD\" unit=\"t\"/>"
    "<material id=\"goods\" unit=\"t\"/><material id=\"sludge\" unit=\"t\" kind=\"waste\"/>"
    "<process id=\"M\" cost=\"1\"><output material=\"goods\" amount=\"1\"/>"
    "<output material=\"sludge\" amount=\"2\"/><emission pollutant=\"COD\" amount=\"1\"/>"
    "</process><process id=\"T1\" kind=\"treatment\" cost=\"1\" capacity=\"80\">"
    "<input material=\"sludge\" amount=\"1\"/><emission pollutant=\"COD\" amount=\"0.5\"/>"
    "</process><process id=\"T2\" kind=\"treatment\" cost=\"2\">"
    "<input material=\"sludge\" amount=\"1\"/><emission pollutant=\"COD\" amount=\"0.2\"/>"
    "</process><demand material=\"goods\" amount=\"100\"/></network>";

static const char waste_linked[] =
    "<network version=\"1\"><pollutant id=\"COD\" unit=\"t\"/>"
    "<material id=\"g1\" unit=\"t\"/><material id=\"g2\" unit=\"t\"/>"
    "<material id=\"sludge\" unit=\"t\" kind=\"waste\"/>"
    "<process id=\"G1\"><output material=\"g1\" amount=\"1\"/>"
    "<output material=\"sludge\" amount=\"1\"/><emission pollutant=\"COD\" amount=\"1\"/>"
    "</process><process id=\"G2\"><output material=\"g2\" amount=\"1\"/>"
    "<output material=\"sludge\" amount=\"2\"/><emission pollutant=\"COD\" amount=\"3\"/>"
    "</process><process id=\"T1\" kind=\"treatment\" cost=\"1\">"
    "<input material=\"sludge\" amount=\"1\"/><emission pollutant=\"COD\" amount=\"0.5\"/>"
    "</process><process id=\"T2\" kind=\"treatment\" cost=\"2\">"
    "<input material=\"sludge\" amount=\"1\"/><emission pollutant=\"COD\" amount=\"0.2\"/>"
    "</process><link from=\"G1\" to=\"T1\" material=\"sludge\"/>"
    "<link from=\"G2\" to=\"T2\" material=\"sludge\"/>"
    "<demand material=\"g1\" amount=\"100\"/><demand material=\"g2\" amount=\"50\"/></network>";

static void test_waste_two_plants(void)
{
    case_run r;
    CU_ASSERT_EQUAL_FATAL(run(&r, waste_pooled, NULL, CEFO_ALLOCATION_MARKET), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_footprint_count(r.fp), 1); /* the waste is no final product */
    ASSERT_CLOSE(product(&r, "goods").intensity[0], 1.64);
    ASSERT_CLOSE(product(&r, "goods").footprint[0], 164);
    run_free(&r);
    CU_ASSERT_EQUAL_FATAL(run(&r, waste_linked, NULL, CEFO_ALLOCATION_MARKET), CEFO_OK);
    ASSERT_CLOSE(product(&r, "g1").intensity[0], 1.5);
    ASSERT_CLOSE(product(&r, "g2").intensity[0], 3.4);
    ASSERT_CLOSE(product(&r, "g2").footprint[0], 170);
    run_free(&r);
}

/*
 * A recycling loop: P makes paper from pulp (1 t CO2 and 0.5 t scrap per t); R turns 1 t of
 * scrap and 0.1 t of paper into 0.8 t of pulp (0.5 t CO2); the rest of the pulp is imported.
 * x_P = 100 + 0.1 x_R, x_R = 0.5 x_P: x_P = 100/0.95. Emissions x_P + 0.5 x_R = 1.25 x_P, all
 * of it carried by the 100 t of paper: 1.25/0.95 per t, counted once around the loop.
 */
static const char recycling_loop[] =
    "<network version=\"1\"><pollutant id=\"CO2\" unit=\"t\"/>"
    "<material id=\"paper\" unit=\"t\"/><material id=\"pulp\" unit=\"t\" import-cost=\"10\"/>"
    "<material id=\"scrap\" unit=\"t\" kind=\"waste\"/>"
    "<process id=\"P\" cost=\"1\"><input material=\"pulp\" amount=\"1\"/>"
    "<output material=\"paper\" amount=\"1\"/><output material=\"scrap\" amount=\"0.5\"/>"
    "<emission pollutant=\"CO2\" amount=\"1\"/></process>"
    "<process id=\"R\" kind=\"recycling\" cost=\"1\"><input material=\"scrap\" amount=\"1\"/>"
    "<input material=\"paper\" amount=\"0.1\"/><output material=\"pulp\" amount=\"0.8\"/>"
    "<emission pollutant=\"CO2\" amount=\"0.5\"/></process>"
    "<demand material=\"paper\" amount=\"100\"/></network>";

static void test_recycling_loop(void)
{
    case_run r;
    CU_ASSERT_EQUAL_FATAL(run(&r, recycling_loop, NULL, CEFO_ALLOCATION_MARKET), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_footprint_count(r.fp), 1);
    ASSERT_CLOSE(product(&r, "paper").intensity[0], 1.25 / 0.95);
    ASSERT_CLOSE(product(&r, "paper").footprint[0], 125 / 0.95);
    /* virgin pulp: x_P - 0.8 x_R = 0.6 x_P */
    ASSERT_CLOSE(product(&r, "paper").virgin_import, 60 / 0.95);
    run_free(&r);
}

/*
 * With one producer per product and nothing imported, the footprint per unit of a product is
 * the Leontief total intensity of the network view (cefo leontief): a separate formulation.
 */
static const char single_producers[] =
    "<network version=\"1\"><pollutant id=\"CO2\" unit=\"t\"/>"
    "<material id=\"steel\" unit=\"t\" export-price=\"0\"/><material id=\"power\" unit=\"MWh\"/>"
    "<material id=\"car\" unit=\"car\"/>"
    "<process id=\"S\"><input material=\"power\" amount=\"0.5\"/>"
    "<output material=\"steel\" amount=\"1\"/><emission pollutant=\"CO2\" amount=\"2\"/></process>"
    "<process id=\"E\"><input material=\"steel\" amount=\"0.1\"/>"
    "<output material=\"power\" amount=\"1\"/><emission pollutant=\"CO2\" amount=\"1\"/></process>"
    "<process id=\"C\"><input material=\"steel\" amount=\"1\"/>"
    "<input material=\"power\" amount=\"2\"/><output material=\"car\" amount=\"1\"/>"
    "<emission pollutant=\"CO2\" amount=\"0.5\"/></process>"
    "<demand material=\"car\" amount=\"10\"/><demand material=\"power\" amount=\"5\"/>"
    "</network>";

static void test_agrees_with_leontief(void)
{
    case_run r;
    CU_ASSERT_EQUAL_FATAL(run(&r, single_producers, NULL, CEFO_ALLOCATION_MARKET), CEFO_OK);
    cefo_iotable *t = NULL;
    cefo_io_result *io = NULL;
    CU_ASSERT_EQUAL_FATAL(cefo_iotable_from_network(&t, r.net, NULL), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_iotable_analyse(t, NULL, &io, NULL), CEFO_OK);
    cefo_io_extension e = {0};
    size_t k = 0;
    for (; k < cefo_io_result_extensions(io); k++)
        if (cefo_io_result_extension(io, k, &e) == CEFO_OK && strcmp(e.id, "CO2") == 0)
            break;
    CU_ASSERT_FATAL(k < cefo_io_result_extensions(io));
    const char *ids[] = {"car", "power"};
    for (int i = 0; i < 2; i++) {
        size_t s;
        CU_ASSERT_EQUAL_FATAL(cefo_iotable_find(t, ids[i], &s), CEFO_OK);
        CU_ASSERT(close_enough(product(&r, ids[i]).intensity[0], e.total_intensity[s], 1e-9, 0));
    }
    cefo_io_result_free(io);
    cefo_iotable_free(t);
    run_free(&r);
}

/* Footprints of final demands and exports add up to the plan's emissions, on every golden
 * network and example, by both allocations (summed here, independently of the library). */
static void check_conservation(const char *rel)
{
    char path[4096];
    for (int a = 0; a < 2; a++) {
        case_run r;
        CU_ASSERT_EQUAL_FATAL(run(&r, NULL, source_path(path, sizeof path, rel),
                                  a ? CEFO_ALLOCATION_MASS : CEFO_ALLOCATION_MARKET), CEFO_OK);
        if (!r.fp) { /* infeasible or unbounded: no plan, nothing to conserve */
            CU_ASSERT_NOT_EQUAL(cefo_result_status(r.res), CEFO_SOLVE_OPTIMAL);
            run_free(&r);
            continue;
        }
        cefo_footprint_row tot, row;
        cefo_footprint_totals(r.fp, &tot);
        for (size_t k = 0; k < cefo_footprint_pollutants(r.fp); k++) {
            cefo_pollutant_result pr;
            cefo_result_pollutant(r.res, k, &pr);
            double sum = tot.imported_waste[k];
            for (size_t i = 0; i < cefo_footprint_count(r.fp); i++) {
                cefo_footprint_product(r.fp, i, &row);
                sum += row.footprint[k];
                CU_ASSERT(close_enough(row.footprint[k],
                                       row.intensity[k] * (row.demand + row.export), 1e-12,
                                       1e-12));
            }
            if (!close_enough(sum, pr.emission, 1e-9, 1e-12))
                fprintf(stderr, "\n  %s %s: %.17g against %.17g\n", rel, pr.id, sum, pr.emission);
            CU_ASSERT(close_enough(sum, pr.emission, 1e-9, 1e-12));
        }
        run_free(&r);
    }
}

static void test_conservation(void)
{
    const char *files[] = {"examples/zhenan-cluster.xml", "examples/rectification.xml",
                           "tests/golden/decision-min.xml", "tests/golden/import-limit-linked.xml",
                           "tests/golden/import-limit-pooled.xml", "tests/golden/infeasible.xml",
                           "tests/golden/linked-chain.xml", "tests/golden/pollutant-cap.xml",
                           "tests/golden/pooled-reuse.xml", "tests/golden/rectify.xml",
                           "tests/golden/recycler.xml", "tests/golden/unbounded.xml"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        check_conservation(files[i]);
}

static void test_writers_and_errors(void)
{
    case_run r;
    CU_ASSERT_EQUAL_FATAL(run(&r, two_producers, NULL, CEFO_ALLOCATION_MARKET), CEFO_OK);
    char buf[8192] = {0};
    FILE *fp = fmemopen(buf, sizeof buf - 1, "w");
    CU_ASSERT_EQUAL(cefo_footprint_write(r.fp, fp, CEFO_FORMAT_JSON, NULL), CEFO_OK);
    fclose(fp);
    CU_ASSERT(json_valid(buf));
    const char *keys[] = {"\"products\": [", "\"id\": \"widget\"", "\"unit\": \"t\"",
                          "\"demand\": 100", "\"export\": 0", "\"intensity\": {\"CO2\": 10.1}",
                          "\"footprint\": {\"CO2\": 1010}", "\"virgin_import\": 200",
                          "\"labour\": 50", "\"totals\": {\"CO2\": 1010}", "\"boundary\": "};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        CU_ASSERT_PTR_NOT_NULL(strstr(buf, keys[i]));
    memset(buf, 0, sizeof buf);
    fp = fmemopen(buf, sizeof buf - 1, "w");
    CU_ASSERT_EQUAL(cefo_footprint_write(r.fp, fp, CEFO_FORMAT_CSV, NULL), CEFO_OK);
    fclose(fp);
    CU_ASSERT_EQUAL(strncmp(buf, "product,column,quantity,value,unit\n", 35), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "widget,CO2,footprint,1010,t\n"));
    memset(buf, 0, sizeof buf);
    fp = fmemopen(buf, sizeof buf - 1, "w");
    CU_ASSERT_EQUAL(cefo_footprint_write(r.fp, fp, CEFO_FORMAT_TEXT, NULL), CEFO_OK);
    fclose(fp);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "imported materials enter and exported materials leave"));
    CU_ASSERT_EQUAL(cefo_footprint_write(r.fp, NULL, CEFO_FORMAT_CSV, NULL), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_footprint_write_file(r.fp, "", CEFO_FORMAT_CSV, NULL), CEFO_ERR_ARG);
    cefo_footprint_row row;
    CU_ASSERT_EQUAL(cefo_footprint_product(r.fp, 1, &row), CEFO_ERR_ARG);
    CU_ASSERT_EQUAL(cefo_footprint_compute(NULL, r.res, CEFO_ALLOCATION_MASS, NULL), CEFO_ERR_ARG);
    run_free(&r);
    /* a running process that makes nothing and treats nothing: its burden has no product */
    static const char nowhere[] =
        "<network version=\"1\"><pollutant id=\"CO2\" unit=\"t\"/><material id=\"a\" unit=\"t\"/>"
        "<process id=\"P\"><output material=\"a\" amount=\"1\"/></process>\n"
        "<process id=\"burner\" min=\"1\" capacity=\"2\">"
        "<emission pollutant=\"CO2\" amount=\"1\"/></process>"
        "<demand material=\"a\" amount=\"1\"/></network>";
    cefo_error err = {0};
    CU_ASSERT_EQUAL(cefo_network_load_memory(&r.net, nowhere, strlen(nowhere), "n.xml", &err),
                    CEFO_OK);
    CU_ASSERT_EQUAL(cefo_problem_build(&r.prob, r.net, &err), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_problem_solve(r.prob, test_options(), &r.res, &err), CEFO_OK);
    r.fp = NULL;
    CU_ASSERT_EQUAL(cefo_footprint_compute(&r.fp, r.res, CEFO_ALLOCATION_MARKET, &err),
                    CEFO_ERR_INVALID);
    CU_ASSERT_EQUAL(err.line, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "burner"));
    run_free(&r);
}

/*
 * The sparse solve behind footprints. Rows 0 and 1 depend on each other (a loop), row 1 on
 * row 2, row 2 on row 3:  x0 - 0.5 x1 = b0,  -0.2 x0 + x1 - 0.1 x2 = b1,  x2 - 0.3 x3 = b2,
 * 2 x3 = b3 (the -0.5 given as two entries that add up). By hand, for b = (1, 2, 3, 4):
 * x3 = 2, x2 = 3.6, then x0 = 1 + 0.5 x1 and 0.9 x1 = 2.36 + 0.2 = 2.56; for b = (0, 0, 0, 2):
 * x3 = 1, x2 = 0.3, x0 = 0.5 x1 and 0.9 x1 = 0.03.
 */
static void test_block_solve(void)
{
    cefo__triplet a = {0};
    const int rows[] = {0, 0, 0, 1, 1, 1, 2, 2, 3}, cols[] = {0, 1, 1, 0, 1, 2, 2, 3, 3};
    const double vals[] = {1, -0.25, -0.25, -0.2, 1, -0.1, 1, -0.3, 2};
    for (int e = 0; e < 9; e++)
        CU_ASSERT_EQUAL_FATAL(cefo__triplet_push(&a, rows[e], cols[e], vals[e]), 0);
    double b[8] = {1, 2, 3, 4, 0, 0, 0, 2};
    int bad = 0;
    cefo__block_stats st = {0};
    CU_ASSERT_EQUAL(cefo__block_solve(4, &a, 2, b, &bad, &st), CEFO_OK);
    const double x1 = 2.56 / 0.9, y1 = 0.03 / 0.9;
    const double want[8] = {1 + 0.5 * x1, x1, 3.6, 2, 0.5 * y1, y1, 0.3, 1};
    for (int k = 0; k < 8; k++)
        ASSERT_CLOSE(b[k], want[k]);
    CU_ASSERT_EQUAL(bad, -1);
    CU_ASSERT_EQUAL(st.blocks, 3);
    CU_ASSERT_EQUAL(st.largest, 2);
    CU_ASSERT_EQUAL(st.nnz, 8);
    /* The loop made singular: x0 - x1 = 1, -x0 + x1 = ... has no unique solution. */
    a.val[1] = a.val[2] = -0.5;
    a.val[3] = -1;
    a.val[5] = 0;
    CU_ASSERT_EQUAL(cefo__block_solve(4, &a, 2, b, &bad, NULL), CEFO_ERR_INVALID);
    CU_ASSERT(bad == 0 || bad == 1);
    a.row[0] = 4;
    CU_ASSERT_EQUAL(cefo__block_solve(4, &a, 2, b, &bad, NULL), CEFO_ERR_ARG);
    cefo__triplet_free(&a);
    /* A chain of 200,000 rows, x_i - 0.5 x_(i+1) = 1, x_last = 1: x_i = 2 - 0.5^(last - i),
     * solved without recursion and without n^2 memory. */
    int n = 200000;
    cefo__triplet c = {0};
    double *x = calloc((size_t)n, sizeof *x);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    for (int i = 0; i < n; i++) {
        x[i] = 1;
        cefo__triplet_push(&c, i, i, 1.0);
        if (i + 1 < n)
            cefo__triplet_push(&c, i, i + 1, -0.5);
    }
    CU_ASSERT_EQUAL(cefo__block_solve(n, &c, 1, x, &bad, &st), CEFO_OK);
    CU_ASSERT_EQUAL(st.blocks, n);
    CU_ASSERT_EQUAL(st.largest, 1);
    ASSERT_CLOSE(x[n - 1], 1);
    ASSERT_CLOSE(x[n - 3], 1.75);
    ASSERT_CLOSE(x[0], 2);
    free(x);
    cefo__triplet_free(&c);
}

/*
 * A treatment plant with a product: M makes 100 t of goods (1 t CO2 each) and 1 t of waste per
 * t, which only the incinerator I takes (cost 5, 2 t CO2 per t); I makes 1 t of steam per t,
 * and steam is also imported at 3; demand steam 150. Plan: M 100, I 100, steam import 50.
 * Shadow prices: steam 3 (imported at the margin); waste -2 (a t less to burn saves 5, buys 3
 * of steam). Market allocation of I's 200 t: steam 3 x 100 = 300, the treatment service
 * 2 x 100 = 200 (the waste's price, unsigned), so 0.6 and 0.4: goods carry 100 + 0.4 x 200 =
 * 180 t (1.8 per t), steam 0.6 x 200 = 120 t over its 150 t (0.8 per t, the imported third
 * clean); 180 + 120 = 300, the plan's CO2.
 */
static const char incinerator[] =
    "<network version=\"1\"><pollutant id=\"CO2\" unit=\"t\"/>"
    "<material id=\"goods\" unit=\"t\"/><material id=\"steam\" unit=\"t\" import-cost=\"3\"/>"
    "<material id=\"waste\" unit=\"t\" kind=\"waste\"/>"
    "<process id=\"M\" cost=\"1\"><output material=\"goods\" amount=\"1\"/>"
    "<output material=\"waste\" amount=\"1\"/><emission pollutant=\"CO2\" amount=\"1\"/>"
    "</process><process id=\"I\" kind=\"treatment\" cost=\"5\">"
    "<input material=\"waste\" amount=\"1\"/><output material=\"steam\" amount=\"1\"/>"
    "<emission pollutant=\"CO2\" amount=\"2\"/></process>"
    "<demand material=\"goods\" amount=\"100\"/><demand material=\"steam\" amount=\"150\"/>"
    "</network>";

static void test_treatment_with_product(void)
{
    case_run r;
    CU_ASSERT_EQUAL_FATAL(run(&r, incinerator, NULL, CEFO_ALLOCATION_MARKET), CEFO_OK);
    ASSERT_CLOSE(product(&r, "goods").intensity[0], 1.8);
    ASSERT_CLOSE(product(&r, "goods").footprint[0], 180);
    ASSERT_CLOSE(product(&r, "steam").intensity[0], 0.8);
    ASSERT_CLOSE(product(&r, "steam").footprint[0], 120);
    run_free(&r);
}

static CU_TestInfo footprint_tests[] = {
    {"the sparse solve by blocks: a loop, a chain, duplicates, a singular loop",
     test_block_solve},
    {"two producers of a part at market shares", test_two_producers},
    {"a co-product by market value and by mass", test_coproduct},
    {"a waste treated by two plants, pooled and linked", test_waste_two_plants},
    {"a treatment plant with a product: its service valued at the waste's price",
     test_treatment_with_product},
    {"a recycling loop counted once", test_recycling_loop},
    {"single producers agree with cefo leontief", test_agrees_with_leontief},
    {"conservation on the golden networks and examples", test_conservation},
    {"writers and errors", test_writers_and_errors},
    CU_TEST_INFO_NULL,
};

CEFO_TEST_MAIN("footprint", footprint_tests)
