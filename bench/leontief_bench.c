/* leontief_bench.c - Leontief solve and inverse through libcefo against dgemm, same run. */
#include <cefo/cefo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/alloc.h"
#include "models/iotable.h"
#include "solver/dense.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* A deterministic table: column sums of A about 0.6, so I - A is well conditioned. */
static cefo_iotable *make_table(size_t n, unsigned long long seed)
{
    cefo_iotable *t = cefo__iotable_new("bench", n, 1);
    if (!t)
        return NULL;
    char id[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(id, sizeof id, "s%zu", i);
        t->ids[i] = cefo__strdup(id);
        cefo__strmap_put(&t->sector_ids, t->ids[i], i);
        t->x[i] = 1.0; /* Z is then A itself */
        t->y[i] = 1.0 + (double)(i % 7);
        t->f[i] = 0.5 + (double)(i % 3);
    }
    t->ext_ids[0] = cefo__strdup("CO2");
    t->ext_units[0] = cefo__strdup("t");
    for (size_t k = 0; k < n * n; k++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        t->z[k] = (double)(seed >> 11) / 9007199254740992.0 * 1.2 / (double)n;
    }
    return t;
}

/* Best of `reps` wall times of one analysis. */
static double time_analyse(const cefo_iotable *t, int inverse, int reps, double *check)
{
    double best = INFINITY;
    for (int r = 0; r < reps; r++) {
        cefo_io_options opt;
        cefo_io_options_init(&opt);
        opt.inverse = inverse;
        cefo_io_result *res = NULL;
        double t0 = now();
        if (cefo_iotable_analyse(t, &opt, &res, NULL) != CEFO_OK)
            return NAN;
        double dt = now() - t0;
        cefo_io_vectors v;
        cefo_io_result_vectors(res, &v);
        *check = v.total_output[0];
        cefo_io_result_free(res);
        best = dt < best ? dt : best;
    }
    return best;
}

/* The bare LAPACK factorisation of the same I - A, for the breakdown. */
static double time_lu(size_t n, const double *a, int reps)
{
    double best = INFINITY;
    for (int r = 0; r < reps; r++) {
        double *m = malloc(n * n * sizeof *m);
        if (!m)
            return NAN;
        for (size_t k = 0; k < n * n; k++)
            m[k] = -a[k];
        for (size_t i = 0; i < n; i++)
            m[i * n + i] += 1.0;
        cefo__lu lu;
        int bad;
        double t0 = now();
        cefo__lu_factor(&lu, (int)n, m, &bad);
        double dt = now() - t0;
        cefo__lu_free(&lu); /* frees m */
        best = dt < best ? dt : best;
    }
    return best;
}

static double time_gemm(size_t n, const double *a, int reps)
{
    double *c = malloc(n * n * sizeof *c);
    double best = INFINITY;
    for (int r = 0; r < reps && c; r++) {
        double t0 = now();
        cefo__dense_gemm((int)n, a, a, c);
        double dt = now() - t0;
        best = dt < best ? dt : best;
    }
    free(c);
    return best;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "/tmp";
    size_t sizes[] = {500, 2000, 4000};
    cefo_error err;
    if (cefo__dense_load(&err) != CEFO_OK) {
        fprintf(stderr, "leontief_bench: %s\n", err.message);
        return 1;
    }
    printf("n,gemm_s,gemm_gflops,solve_s,solve_gflops,solve_vs_gemm,inverse_s,inverse_gflops,"
           "inverse_vs_gemm,lu_s,lu_gflops,lu_vs_gemm,x0\n");
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        size_t n = sizes[s];
        int reps = n <= 500 ? 5 : n <= 2000 ? 3 : 2;
        cefo_iotable *t = make_table(n, 42 + n);
        if (!t)
            return 1;
        /* The same A for numpy: raw little-endian doubles, row-major. */
        char path[512];
        snprintf(path, sizeof path, "%s/leontief-%zu.bin", dir, n);
        FILE *fp = fopen(path, "wb");
        if (!fp || fwrite(t->z, sizeof(double), n * n, fp) != n * n)
            return 1;
        fwrite(t->y, sizeof(double), n, fp);
        fclose(fp);
        double x0 = 0, dn = (double)n;
        double g = time_gemm(n, t->z, reps);
        double ts = time_analyse(t, 0, reps, &x0);
        double ti = time_analyse(t, 1, reps, &x0);
        double tl = time_lu(n, t->z, reps);
        double lf = 2.0 / 3.0 * dn * dn * dn / tl * 1e-9;
        /* Flop counts: gemm 2n^3; LU 2n^3/3 (+ the O(n^2) solves); LU + inverse 2n^3. */
        double gf = 2 * dn * dn * dn / g * 1e-9;
        double sf = 2.0 / 3.0 * dn * dn * dn / ts * 1e-9;
        double inf = 2 * dn * dn * dn / ti * 1e-9;
        printf("%zu,%.4f,%.2f,%.4f,%.2f,%.2f,%.4f,%.2f,%.2f,%.4f,%.2f,%.2f,%.12g\n", n, g, gf, ts,
               sf, sf / gf, ti, inf, inf / gf, tl, lf, lf / gf, x0);
        fflush(stdout);
        cefo_iotable_free(t);
    }
    return 0;
}
