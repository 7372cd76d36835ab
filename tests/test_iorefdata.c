/* test_iorefdata.c - Leontief and WIO results against published tables in ../shared/refdata. */
#include <cefo/cefo.h>
#include <string.h>

#include "core/alloc.h"
#include "io/csvnum.h"
#include "testutil.h"

#define SKIP 77
#define RTOL 1e-6 /* the reproduction tolerance */

static const char *ref(char *buf, size_t n, const char *rel)
{
    const char *root = getenv("CEFO_REFDATA");
    snprintf(buf, n, "%s/%s", root ? root : "../shared/refdata", rel);
    return buf;
}

/* A numeric CSV of the reference data (header row and label column dropped). */
static double *csv(const char *rel, size_t *rows, size_t *cols)
{
    char path[1024];
    double *v = NULL;
    cefo_error err = {0};
    if (cefo__csv_numbers(ref(path, sizeof path, rel), &v, rows, cols, &err) != CEFO_OK)
        fprintf(stderr, "\n  %s:%d: %s\n", err.file, err.line, err.message);
    return v;
}

/* pymrio's test MRIO keeps 2 header rows and `labels` label columns, tab-separated. */
static double *tsv(const char *rel, int labels, size_t *rows, size_t *cols)
{
    char path[1024], line[1 << 16];
    FILE *fp = fopen(ref(path, sizeof path, rel), "r");
    double *v = NULL;
    size_t n = 0, cap = 0;
    *rows = *cols = 0;
    for (int lineno = 0; fp && fgets(line, sizeof line, fp); lineno++) {
        if (lineno < 2)
            continue;
        size_t c = 0;
        char *save = NULL;
        int field = 0;
        for (char *tok = strtok_r(line, "\t\n", &save); tok; tok = strtok_r(NULL, "\t\n", &save)) {
            if (field++ < labels)
                continue;
            cefo__grow((void **)&v, &cap, n + 1, sizeof *v);
            v[n++] = strtod(tok, NULL);
            c++;
        }
        *cols = c;
        (*rows)++;
    }
    if (fp)
        fclose(fp);
    return v;
}

/* Writes an <iotable> with inline rows, final demand y and extensions f (k x n). */
static char *iotable_xml(size_t n, const double *z, const double *y, size_t k, const double *f)
{
    size_t cap = 256 + n * 64 + (n + k) * n * 26, len = 0;
    char *buf = malloc(cap);
#define OUT(...) (len += (size_t)snprintf(buf + len, cap - len, __VA_ARGS__))
    OUT("<iotable version=\"1\">\n");
    for (size_t i = 0; i < n; i++)
        OUT("<sector id=\"s%zu\" final-demand=\"%.17g\"/>\n", i, y[i]);
    OUT("<transactions>\n");
    for (size_t i = 0; i < n; i++) {
        OUT("<row sector=\"s%zu\">", i);
        for (size_t j = 0; j < n; j++)
            OUT(" %.17g", z[i * n + j]);
        OUT("</row>\n");
    }
    OUT("</transactions>\n");
    for (size_t e = 0; e < k; e++) {
        OUT("<extension id=\"e%zu\" unit=\"u\">", e);
        for (size_t j = 0; j < n; j++)
            OUT(" %.17g", f[e * n + j]);
        OUT("</extension>\n");
    }
    OUT("</iotable>\n");
#undef OUT
    return buf;
}

static cefo_io_result *analyse(const char *xml, const double *y, int inverse, cefo_iotable **t)
{
    cefo_error err = {0};
    cefo_io_result *r = NULL;
    cefo_io_options opt;
    cefo_io_options_init(&opt);
    opt.final_demand = y;
    opt.inverse = inverse;
    opt.coefficients = inverse;
    if (cefo_iotable_load_memory(t, xml, strlen(xml), "ref.xml", &err) != CEFO_OK
        || cefo_iotable_analyse(*t, &opt, &r, &err) != CEFO_OK)
        fprintf(stderr, "\n  %s:%d: %s\n", err.file, err.line, err.message);
    return r;
}

static int all_close(const double *got, const double *want, size_t n, double rtol, double atol)
{
    int ok = 1;
    for (size_t i = 0; i < n; i++) {
        if (!close_enough(got[i], want[i], rtol, atol)) {
            if (ok)
                fprintf(stderr, "\n  [%zu] got %.17g want %.17g\n", i, got[i], want[i]);
            ok = 0;
        }
    }
    return ok;
}

/* pymrio's small MRIO: x, A, L, M = S L, D_pba and D_cba (per region, by product sector). */
static void test_pymrio_small(void)
{
    size_t n, c, r2, k;
    double *z = csv("pymrio-small-mrio/input_Z.csv", &n, &c);
    double *yy = csv("pymrio-small-mrio/input_Y.csv", &r2, &c);
    double *f = csv("pymrio-small-mrio/input_F.csv", &k, &c);
    CU_ASSERT_FATAL(z && yy && f && n == 6 && r2 == 6 && c == 6 && k == 2);
    double y[6], yreg[2][6];
    for (size_t i = 0; i < n; i++) {
        y[i] = yy[i * 2] + yy[i * 2 + 1];
        yreg[0][i] = yy[i * 2];
        yreg[1][i] = yy[i * 2 + 1];
    }
    char *xml = iotable_xml(n, z, y, k, f);
    cefo_iotable *t = NULL;
    cefo_io_result *r = analyse(xml, NULL, 1, &t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    cefo_io_vectors v;
    cefo_io_result_vectors(r, &v);
    size_t rr, cc;
    double *x = csv("pymrio-small-mrio/expected_x.csv", &rr, &cc);
    double *A = csv("pymrio-small-mrio/expected_A.csv", &rr, &cc);
    double *L = csv("pymrio-small-mrio/expected_L.csv", &rr, &cc);
    double *M = csv("pymrio-small-mrio/expected_M.csv", &rr, &cc);
    double *Dp = csv("pymrio-small-mrio/expected_D_pba.csv", &rr, &cc);
    double *Dc = csv("pymrio-small-mrio/expected_D_cba.csv", &rr, &cc);
    CU_ASSERT(all_close(v.total_output, x, n, RTOL, 1e-12));
    CU_ASSERT(all_close(v.coefficients, A, n * n, RTOL, 1e-12));
    CU_ASSERT(all_close(v.inverse, L, n * n, RTOL, 1e-12));
    for (size_t e = 0; e < k; e++) {
        cefo_io_extension ext;
        cefo_io_result_extension(r, e, &ext);
        CU_ASSERT(all_close(ext.total_intensity, M + e * n, n, RTOL, 1e-12));
        double pba[6];
        for (size_t j = 0; j < n; j++)
            pba[j] = ext.direct_intensity[j] * v.total_output[j];
        CU_ASSERT(all_close(pba, Dp + e * n, n, RTOL, 1e-12));
    }
    /* D_cba column (region r, sector s): region r's final demand for sector s products from
     * every region, i.e. the footprint of Y[:, r] summed over the producing regions. */
    double cba[2][6] = {{0}};
    for (int reg = 0; reg < 2; reg++) {
        cefo_iotable *t2 = NULL;
        cefo_io_result *r2r = analyse(xml, yreg[reg], 0, &t2);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r2r);
        for (size_t e = 0; e < k; e++) {
            cefo_io_extension ext;
            cefo_io_result_extension(r2r, e, &ext);
            for (size_t j = 0; j < n; j++)
                cba[e][reg * 3 + j % 3] += ext.footprint[j];
        }
        cefo_io_result_free(r2r);
        cefo_iotable_free(t2);
    }
    CU_ASSERT(all_close(cba[0], Dc, 6, RTOL, 1e-12));
    CU_ASSERT(all_close(cba[1], Dc + 6, 6, RTOL, 1e-12));
    free(xml);
    cefo_io_result_free(r);
    cefo_iotable_free(t);
    double *bufs[] = {z, yy, f, x, A, L, M, Dp, Dc};
    for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++)
        cefo__free(bufs[i]);
}

/* pymrio's test MRIO (6 regions x 8 sectors): factor-input (value added) multipliers M. */
static void test_pymrio_testmrio(void)
{
    size_t n, c, ry, cy, rf, cf;
    double *z = tsv("pymrio-testmrio/trade_flows_Z.tsv", 3, &n, &c);
    double *yy = tsv("pymrio-testmrio/finald_demand_Y.tsv", 3, &ry, &cy);
    double *f = tsv("pymrio-testmrio/factor_input.tsv", 2, &rf, &cf);
    CU_ASSERT_FATAL(z && yy && f && n == 48 && c == 48 && ry == 48 && rf == 1 && cf == 48);
    double y[48];
    for (size_t i = 0; i < n; i++) {
        y[i] = 0;
        for (size_t j = 0; j < cy; j++)
            y[i] += yy[i * cy + j];
    }
    char *xml = iotable_xml(n, z, y, 1, f);
    cefo_iotable *t = NULL;
    cefo_io_result *r = analyse(xml, NULL, 0, &t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    /* expected_factor_inputs_M_and_M_down.csv: stressor,region,sector,M,M_down. */
    char path[1024], line[256];
    FILE *fp = fopen(ref(path, sizeof path, "pymrio-testmrio/expected_factor_inputs_M_and_M_down.csv"),
                     "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    cefo_io_extension e;
    cefo_io_result_extension(r, 0, &e);
    size_t j = 0;
    int ok = 1;
    while (fgets(line, sizeof line, fp)) {
        char *p = line;
        for (int field = 0; field < 3 && p; field++)
            p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL;
        if (!p || strncmp(line, "stressor", 8) == 0)
            continue;
        double want = strtod(p, NULL);
        /* Stored rounded to 8 decimals: up to 5e-9 absolute, beside 1e-6 relative. */
        if (j >= n || !close_enough(e.total_intensity[j], want, RTOL, 5e-9)) {
            fprintf(stderr, "\n  sector %zu: got %.10g want %.10g\n", j,
                    j < n ? e.total_intensity[j] : NAN, want);
            ok = 0;
        }
        j++;
    }
    fclose(fp);
    CU_ASSERT(ok);
    CU_ASSERT_EQUAL(j, n);
    free(xml);
    cefo_io_result_free(r);
    cefo_iotable_free(t);
    cefo__free(z);
    cefo__free(yy);
    cefo__free(f);
}

/* The Japan WIO table 2000 (Nakamura, v0.06b): 103 goods, 13 treatment sectors, 79 wastes. */
enum { NG = 103, NT = 13, NS = NG + NT, NW = 79 };

static char *japan_xml(void)
{
    size_t r, c, rw, cw, ra, ca, rf, cf;
    double *ze = csv("wio-japan-2000/ZYeconomy.csv", &r, &c);
    double *zw = csv("wio-japan-2000/ZYwaste.csv", &rw, &cw);
    double *al = csv("wio-japan-2000/Allocation.csv", &ra, &ca);
    double *f = csv("wio-japan-2000/F.csv", &rf, &cf);
    char *buf = NULL;
    if (!ze || !zw || !al || !f || r != NG || rw != 2 * NW || ra != NT || ca != NW || rf != 11
        || c < NS || cw != c || cf < NS)
        goto done;
    size_t cap = 1 << 24, len = 0;
    buf = malloc(cap);
#define OUT(...) (len += (size_t)snprintf(buf + len, cap - len, __VA_ARGS__))
    OUT("<iotable version=\"1\">\n<sectors>\n");
    for (size_t i = 0; i < NS; i++) {
        double y = 0;
        for (size_t j = NS; i < NG && j < c; j++)
            y += ze[i * c + j];
        OUT("<sector id=\"s%zu\" final-demand=\"%.17g\"%s/>\n", i + 1, y,
            i < NG ? "" : " kind=\"treatment\"");
    }
    OUT("</sectors>\n<transactions>\n");
    for (size_t i = 0; i < NG; i++) {
        OUT("<row sector=\"s%zu\">", i + 1);
        for (size_t j = 0; j < NS; j++)
            OUT(" %.17g", ze[i * c + j]);
        OUT("</row>\n");
    }
    OUT("</transactions>\n<wastes>\n");
    for (size_t w = 0; w < NW; w++) { /* net generation: output rows minus input rows */
        double fd = 0;
        for (size_t j = NS; j < c; j++)
            fd += zw[w * c + j] - zw[(NW + w) * c + j];
        OUT("<waste id=\"w%zu\" final-demand=\"%.17g\">", w + 1, fd);
        for (size_t j = 0; j < NS; j++)
            OUT(" %.17g", zw[w * c + j] - zw[(NW + w) * c + j]);
        OUT("</waste>\n");
    }
    OUT("</wastes>\n");
    for (size_t t = 0; t < NT; t++)
        for (size_t w = 0; w < NW; w++)
            if (al[t * NW + w] != 0)
                OUT("<allocation waste=\"w%zu\" treatment=\"s%zu\" share=\"%.17g\"/>\n", w + 1,
                    NG + t + 1, al[t * NW + w]);
    /* F rows 7, 8, 9: CO2 (t), landfill area (m2), landfill volume (m3). */
    const char *ids[] = {"CO2", "landfill-area", "landfill-volume"};
    const char *units[] = {"t", "m2", "m3"};
    for (size_t e = 0; e < 3; e++) {
        OUT("<extension id=\"%s\" unit=\"%s\">", ids[e], units[e]);
        for (size_t j = 0; j < NS; j++)
            OUT(" %.17g", f[(7 + e) * cf + j]);
        OUT("</extension>\n");
    }
    OUT("</iotable>\n");
#undef OUT
done:
    cefo__free(ze);
    cefo__free(zw);
    cefo__free(al);
    cefo__free(f);
    return buf;
}

/* expected_footprints_by_final_demand_sector.csv: index,sector,x,y,area,volume,co2. */
static int japan_expected(char names[NS][96], double want[NS][5])
{
    char path[1024], line[512];
    FILE *fp = fopen(ref(path, sizeof path,
                         "wio-japan-2000/expected_footprints_by_final_demand_sector.csv"), "r");
    int n = 0;
    while (fp && fgets(line, sizeof line, fp) && n < NS) {
        char *comma[5];
        char *p = line + strlen(line);
        int k = 5;
        while (k > 0 && p > line)
            if (*--p == ',')
                comma[--k] = p;
        char *first = strchr(line, ',');
        if (k || !first || strncmp(line, "index", 5) == 0)
            continue;
        snprintf(names[n], 96, "%.*s", (int)(comma[0] - first - 1), first + 1);
        for (int i = 0; i < 5; i++)
            want[n][i] = strtod(comma[i] + 1, NULL);
        n++;
    }
    if (fp)
        fclose(fp);
    return n;
}

static void test_japan_wio(void)
{
    static char names[NS][96];
    static double want[NS][5];
    char *xml = japan_xml();
    CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
    CU_ASSERT_EQUAL_FATAL(japan_expected(names, want), NS);
    cefo_iotable *t = NULL;
    cefo_io_result *r = analyse(xml, NULL, 0, &t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    cefo_io_vectors v;
    cefo_io_result_vectors(r, &v);
    double col[NS];
    for (size_t i = 0; i < NS; i++)
        col[i] = want[i][0];
    CU_ASSERT(all_close(v.total_output, col, NS, RTOL, 1e-6));
    for (size_t i = 0; i < NS; i++)
        col[i] = want[i][1];
    CU_ASSERT(all_close(v.final_demand, col, NS, RTOL, 1e-3));
    /* Published (Exercise 3 of the WIO course notebook): top five landfill-area footprints. */
    const struct {
        const char *name;
        double m2;
    } top[] = {{"Landfill", 7.417132e+07},
               {"Building construction", 6.785285e+07},
               {"Water supply", 1.493733e+07},
               {"Shredding: automobiles", 1.487708e+07},
               {"Other civil engineering and construction", 1.003893e+07}};
    cefo_io_extension area, vol, co2;
    cefo_io_result_extension(r, 0, &co2);
    cefo_io_result_extension(r, 1, &area);
    cefo_io_result_extension(r, 2, &vol);
    for (size_t k = 0; k < 5; k++) {
        size_t i = 0;
        while (i < NS && strcmp(names[i], top[k].name) != 0)
            i++;
        CU_ASSERT_FATAL(i < NS);
        /* printed to 7 significant digits */
        CU_ASSERT(close_enough(area.footprint[i], top[k].m2, 1e-6, 0));
    }
    /* Every sector, all three stressors, against the derived table (WIO has negative entries:
     * an absolute floor relative to the largest footprint). */
    const cefo_io_extension *ext[3] = {&area, &vol, &co2};
    for (int e = 0; e < 3; e++) {
        double big = 0;
        for (size_t i = 0; i < NS; i++) {
            col[i] = want[i][2 + e];
            big = fabs(col[i]) > big ? fabs(col[i]) : big;
        }
        CU_ASSERT(all_close(ext[e]->footprint, col, NS, RTOL, 1e-9 * big));
    }
    /* Footprint totals equal direct totals (published: 148461363.268 m2, 65776799.739 m3,
     * 1112873240.281 t CO2). */
    CU_ASSERT(close_enough(area.total, 148461363.268, 1e-9, 0));
    CU_ASSERT(close_enough(vol.total, 65776799.739, 1e-9, 0));
    CU_ASSERT(close_enough(co2.total, 1112873240.281, 1e-9, 0));
    free(xml);
    cefo_io_result_free(r);
    cefo_iotable_free(t);
}

static CU_TestInfo io_tests[] = {
    {"pymrio small MRIO: x, A, L, M, D_pba, D_cba", test_pymrio_small},
    {"pymrio test MRIO: factor-input multipliers", test_pymrio_testmrio},
    {"Japan WIO 2000: landfill, CO2 footprints", test_japan_wio},
    CU_TEST_INFO_NULL,
};

int main(void)
{
    char path[1024];
    FILE *probe = fopen(ref(path, sizeof path, "pymrio-small-mrio/input_Z.csv"), "r");
    if (!probe) {
        printf("SKIP: %s is absent\n", path);
        return SKIP;
    }
    fclose(probe);
    CU_SuiteInfo suites[] = {
        {.pName = "refdata: input-output", .pTests = io_tests},
        CU_SUITE_INFO_NULL,
    };
    return run_suites(suites);
}
