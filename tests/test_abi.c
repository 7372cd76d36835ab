/* test_abi.c - the result structs grow without breaking programs built against older headers. */
#include "testutil.h"

#include <stddef.h>

#include "core/abi.h"

/* What a struct-filling accessor is called on: plans and tables solved once. */
typedef struct fixture {
    cefo_network *net[4];
    cefo_problem *prob[4];
    cefo_result *res[4];
    cefo_iotable *table;
    cefo_io_result *io;
    cefo_footprint *fp;
} fixture;

static fixture fx;

enum { PROGRAMME, LINKED, RESOURCE, INFEASIBLE };

static const char *const infeasible_xml =
    "<network version='1'><material id='m' unit='t'/>"
    "<process id='p' capacity='1' cost='1'><output material='m' amount='1'/></process>"
    "<demand material='m' amount='5'/></network>";

static int setup(void)
{
    const char *files[] = {"tests/cli/data/periods-order.xml", "tests/golden/recycler.xml",
                           "tests/golden/resource-quota.xml", NULL};
    char path[4096];
    for (int k = 0; k < 4; k++) {
        cefo_status st = files[k]
                             ? cefo_network_load_file(&fx.net[k],
                                                      source_path(path, sizeof path, files[k]),
                                                      NULL)
                             : cefo_network_load_memory(&fx.net[k], infeasible_xml,
                                                        strlen(infeasible_xml), "bad.xml", NULL);
        if (st == CEFO_OK)
            st = cefo_problem_build(&fx.prob[k], fx.net[k], NULL);
        if (st == CEFO_OK)
            st = cefo_problem_solve(fx.prob[k], test_options(), &fx.res[k], NULL);
        if (st != CEFO_OK)
            return 1;
    }
    if (cefo_footprint_compute(&fx.fp, fx.res[LINKED], CEFO_ALLOCATION_MASS, NULL) != CEFO_OK
        || cefo_iotable_load_file(&fx.table,
                                  source_path(path, sizeof path, "examples/miller-blair.xml"),
                                  NULL) != CEFO_OK
        || cefo_iotable_analyse(fx.table, NULL, &fx.io, NULL) != CEFO_OK)
        return 1;
    return 0;
}

static int teardown(void)
{
    cefo_footprint_free(fx.fp);
    cefo_io_result_free(fx.io);
    cefo_iotable_free(fx.table);
    for (int k = 0; k < 4; k++) {
        cefo_result_free(fx.res[k]);
        cefo_problem_free(fx.prob[k]);
        cefo_network_free(fx.net[k]);
    }
    return 0;
}

/* One accessor called with the caller's struct size, on the first row it has. */
typedef cefo_status (*getter)(void *row, size_t size);

static cefo_status get_process(void *r, size_t s)
{
    return cefo_result_process_sized(fx.res[PROGRAMME], 0, r, s);
}
static cefo_status get_link(void *r, size_t s)
{
    return cefo_result_link_sized(fx.res[LINKED], 0, r, s);
}
static cefo_status get_material(void *r, size_t s)
{
    return cefo_result_material_sized(fx.res[PROGRAMME], 0, r, s);
}
static cefo_status get_pollutant(void *r, size_t s)
{
    return cefo_result_pollutant_sized(fx.res[PROGRAMME], 0, r, s);
}
static cefo_status get_resource(void *r, size_t s)
{
    return cefo_result_resource_sized(fx.res[RESOURCE], 0, r, s);
}
static cefo_status get_group(void *r, size_t s)
{
    return cefo_result_group_sized(fx.res[PROGRAMME], 0, r, s);
}
static cefo_status get_diagnosis(void *r, size_t s)
{
    return cefo_result_diagnosis_sized(fx.res[INFEASIBLE], 0, r, s);
}
static cefo_status get_cost_term(void *r, size_t s)
{
    return cefo_result_cost_term_sized(fx.res[PROGRAMME], 0, r, s);
}
static cefo_status get_costs(void *r, size_t s)
{
    return cefo_result_costs_sized(fx.res[PROGRAMME], r, s);
}
static cefo_status get_indicators(void *r, size_t s)
{
    return cefo_result_indicators_sized(fx.res[PROGRAMME], r, s);
}
static cefo_status get_indicator(void *r, size_t s)
{
    return cefo_result_indicator_sized(fx.res[PROGRAMME], 0, r, s);
}
static cefo_status get_period_info(void *r, size_t s)
{
    return cefo_result_period_info_sized(fx.res[PROGRAMME], 1, r, s);
}
static cefo_status get_trajectory(void *r, size_t s)
{
    return cefo_result_trajectory_sized(fx.res[PROGRAMME], 0, 2, r, s);
}
static cefo_status get_figures(void *r, size_t s)
{
    return cefo_result_process_figures_sized(fx.res[PROGRAMME], 0, r, s);
}
static cefo_status get_area(void *r, size_t s)
{
    return cefo_result_area_sized(fx.res[PROGRAMME], CEFO_SECTOR, 0, r, s);
}
static cefo_status get_vectors(void *r, size_t s)
{
    return cefo_io_result_vectors_sized(fx.io, r, s);
}
static cefo_status get_extension(void *r, size_t s)
{
    return cefo_io_result_extension_sized(fx.io, 0, r, s);
}
static cefo_status get_product(void *r, size_t s)
{
    return cefo_footprint_product_sized(fx.fp, 0, r, s);
}
static cefo_status get_totals(void *r, size_t s)
{
    return cefo_footprint_totals_sized(fx.fp, r, s);
}

typedef struct abi_case {
    const char *name;
    getter get;
    size_t first; /* the struct's first version: up to its last field when the promise began */
    size_t full;  /* this library's */
} abi_case;

#define CASE(fn, type, last) {#fn, fn, CEFO__END(type, last), sizeof(type)}

static const abi_case cases[] = {
    CASE(get_process, cefo_process_result, variant),
    CASE(get_link, cefo_link_result, chosen),
    CASE(get_material, cefo_material_result, shadow_price),
    CASE(get_pollutant, cefo_pollutant_result, shadow_price),
    CASE(get_resource, cefo_resource_result, shadow_price),
    CASE(get_group, cefo_group_result, fixed_cost),
    CASE(get_diagnosis, cefo_diagnosis_item, message),
    CASE(get_cost_term, cefo_cost_term, value),
    CASE(get_costs, cefo_costs, total),
    CASE(get_indicators, cefo_indicators, labour),
    CASE(get_indicator, cefo_indicator_row, value),
    CASE(get_period_info, cefo_period_info, discounted),
    CASE(get_trajectory, cefo_group_result, fixed_cost),
    CASE(get_figures, cefo_process_figures, labour),
    CASE(get_area, cefo_area_result, labour),
    CASE(get_vectors, cefo_io_vectors, rcond),
    CASE(get_extension, cefo_io_extension, total),
    CASE(get_product, cefo_footprint_row, residual),
    CASE(get_totals, cefo_footprint_row, residual),
};

enum { CANARY = 0xA5, ROOM = 1024 };

static size_t count_byte(const unsigned char *b, size_t from, size_t to, unsigned char v)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += b[i] == v;
    return n;
}

/* An older caller (the first version's size) gets no byte past its struct; a newer one (a
 * bigger struct) reads zero in the fields this library does not have; a size below the first
 * version is refused before anything is written. */
static void test_sizes(void)
{
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const abi_case *c = &cases[k];
        unsigned char old[ROOM], now[ROOM], newer[ROOM], small[ROOM];
        memset(old, CANARY, ROOM);
        memset(now, CANARY, ROOM);
        memset(newer, CANARY, ROOM);
        memset(small, CANARY, ROOM);
        CU_ASSERT_FATAL(c->full + 64 < ROOM);
        int ok = c->get(now, c->full) == CEFO_OK && c->get(old, c->first) == CEFO_OK
                 && c->get(newer, c->full + 40) == CEFO_OK
                 && count_byte(old, c->first, ROOM, CANARY) == ROOM - c->first
                 && count_byte(newer, c->full, c->full + 40, 0) == 40
                 && count_byte(newer, c->full + 40, ROOM, CANARY) == ROOM - c->full - 40
                 && c->get(small, c->first - 1) == CEFO_ERR_ARG
                 && count_byte(small, 0, ROOM, CANARY) == ROOM && c->get(NULL, c->full)
                 == CEFO_ERR_ARG;
        if (!ok)
            fprintf(stderr, "\n  %s: sizes %zu/%zu not honoured\n", c->name, c->first, c->full);
        CU_ASSERT(ok);
    }
}

/* The fields themselves: a struct read at a bigger size carries the same values. */
static void test_values(void)
{
    struct {
        cefo_process_result row;
        double future[4];
    } wide;
    cefo_process_result row;
    CU_ASSERT_EQUAL_FATAL(cefo_result_process(fx.res[PROGRAMME], 1, &row), CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_result_process_sized(fx.res[PROGRAMME], 1, &wide.row,
                                                    sizeof wide),
                          CEFO_OK);
    CU_ASSERT_STRING_EQUAL(row.id, "f-clean");
    CU_ASSERT_STRING_EQUAL(wide.row.id, row.id);
    CU_ASSERT_STRING_EQUAL(wide.row.variant, "clean");
    CU_ASSERT_DOUBLE_EQUAL(wide.row.activity, row.activity, 0);
    CU_ASSERT_EQUAL(wide.future[0], 0);
    CU_ASSERT_EQUAL(wide.future[3], 0);
}

/* The symbols programs built before the sized accessors call still answer, with the first
 * version of each struct. Declared as the older header did (the parentheses keep the macros
 * of today's header out). */
cefo_status(cefo_result_pollutant)(const cefo_result *res, size_t i, cefo_pollutant_result *row);
cefo_status(cefo_result_trajectory)(const cefo_result *res, size_t group, size_t t,
                                    cefo_group_result *row);
cefo_status(cefo_result_area)(const cefo_result *res, cefo_area_kind kind, size_t i,
                              cefo_area_result *row);

static void test_old_symbols(void)
{
    cefo_pollutant_result a, b;
    CU_ASSERT_EQUAL((cefo_result_pollutant)(fx.res[PROGRAMME], 0, &a), CEFO_OK);
    CU_ASSERT_EQUAL(cefo_result_pollutant(fx.res[PROGRAMME], 0, &b), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(a.id, "COD");
    CU_ASSERT_DOUBLE_EQUAL(a.emission, b.emission, 0);
    cefo_group_result g;
    CU_ASSERT_EQUAL((cefo_result_trajectory)(fx.res[PROGRAMME], 0, 0, &g), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(g.variant, "keep");
    CU_ASSERT_EQUAL((cefo_result_trajectory)(fx.res[PROGRAMME], 0, 1, &g), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(g.variant, "clean");
    cefo_area_result area;
    CU_ASSERT_EQUAL((cefo_result_area)(fx.res[PROGRAMME], CEFO_SECTOR, 0, &area), CEFO_OK);
    CU_ASSERT_STRING_EQUAL(area.id, "tanning");
    CU_ASSERT_EQUAL((cefo_result_area)(fx.res[PROGRAMME], CEFO_SECTOR, 1, &area), CEFO_ERR_ARG);
}

/* Arrays are laid out at the caller's struct size: a caller with a bigger struct gets each
 * element at its own stride, and the writer reads rows at that stride. */
typedef struct wide_point {
    cefo_pareto_point p;
    double future;
} wide_point;

typedef struct wide_row {
    cefo_rank_row r;
    char future[24];
} wide_row;

static void test_arrays(void)
{
    cefo_pareto_point p[3];
    wide_point w[3];
    memset(w, CANARY, sizeof w);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_pareto(fx.prob[PROGRAMME], 0, 3, test_options(), p, NULL),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_pareto_sized(fx.prob[PROGRAMME], 0, 3, test_options(),
                                                    &w[0].p, NULL, sizeof w[0]),
                          CEFO_OK);
    for (int i = 0; i < 3; i++) {
        CU_ASSERT_DOUBLE_EQUAL(w[i].p.cap, p[i].cap, 1e-9 * (1 + fabs(p[i].cap)));
        CU_ASSERT_DOUBLE_EQUAL(w[i].p.objective, p[i].objective, 1e-9 * (1 + p[i].objective));
        CU_ASSERT_EQUAL(w[i].future, 0);
    }
    CU_ASSERT_EQUAL(cefo_problem_pareto_sized(fx.prob[PROGRAMME], 0, 3, NULL, &w[0].p, NULL,
                                              CEFO__END(cefo_pareto_point, status) - 1),
                    CEFO_ERR_ARG);

    size_t n = cefo_problem_decision_count(fx.prob[PROGRAMME]);
    CU_ASSERT_FATAL(n > 0 && n <= 4);
    cefo_rank_row rows[4];
    wide_row wrows[4];
    double z0 = NAN, z1 = NAN;
    CU_ASSERT_EQUAL_FATAL(cefo_problem_rank(fx.prob[PROGRAMME], test_options(), NULL, n, rows,
                                            &z0, NULL),
                          CEFO_OK);
    CU_ASSERT_EQUAL_FATAL(cefo_problem_rank_sized(fx.prob[PROGRAMME], test_options(), NULL, n,
                                                  &wrows[0].r, &z1, NULL, sizeof wrows[0]),
                          CEFO_OK);
    for (size_t i = 0; i < n; i++) {
        CU_ASSERT_EQUAL(wrows[i].r.decision, rows[i].decision);
        CU_ASSERT_EQUAL(count_byte((const unsigned char *)wrows[i].future, 0, 24, 0), 24);
    }
}

/* The writer reads the caller's rows at the caller's stride: the same text either way. */
static void test_rank_write_stride(void)
{
    size_t n = cefo_problem_decision_count(fx.prob[PROGRAMME]);
    CU_ASSERT_FATAL(n > 0 && n <= 4);
    cefo_rank_row rows[4];
    wide_row wrows[4];
    double z0 = NAN;
    CU_ASSERT_EQUAL_FATAL(cefo_problem_rank(fx.prob[PROGRAMME], test_options(), NULL, n, rows,
                                            &z0, NULL),
                          CEFO_OK);
    memset(wrows, CANARY, sizeof wrows);
    for (size_t i = 0; i < n; i++)
        wrows[i].r = rows[i];
    char *a = NULL, *b = NULL;
    size_t la = 0, lb = 0;
    FILE *fa = open_memstream(&a, &la), *fb = open_memstream(&b, &lb);
    CU_ASSERT_FATAL(fa && fb);
    CU_ASSERT_EQUAL(cefo_rank_write(fx.net[PROGRAMME], rows, n, z0, fa, CEFO_FORMAT_CSV, NULL),
                    CEFO_OK);
    CU_ASSERT_EQUAL(cefo_rank_write_sized(fx.net[PROGRAMME], &wrows[0].r, n, z0, fb,
                                          CEFO_FORMAT_CSV, NULL, sizeof wrows[0]),
                    CEFO_OK);
    fclose(fa);
    fclose(fb);
    CU_ASSERT(la > 0 && la == lb && memcmp(a, b, la) == 0);
    CU_ASSERT_PTR_NOT_NULL(a && strstr(a, "group,f,"));
    free(a);
    free(b);
}

static CU_TestInfo abi_tests[] = {
    {"every accessor honours the caller's struct size", test_sizes},
    {"a bigger struct carries the same values", test_values},
    {"the symbols of programs built before the sized accessors", test_old_symbols},
    {"arrays at the caller's stride: frontier and ranking", test_arrays},
    {"the ranking writer reads rows at the caller's stride", test_rank_write_stride},
    CU_TEST_INFO_NULL,
};

int main(void)
{
    CU_SuiteInfo suites[] = {{.pName = "abi", .pInitFunc = setup, .pCleanupFunc = teardown,
                              .pTests = abi_tests},
                             CU_SUITE_INFO_NULL};
    return test_engine_missing() ? 77 : run_suites(suites);
}
