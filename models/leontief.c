/* leontief.c - Leontief and waste input-output analysis on one LU factorisation of I - A. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/abi.h"
#include "core/alloc.h"
#include "core/error.h"
#include "models/iotable.h"
#include "solver/dense.h"

struct cefo_io_result {
    const cefo_iotable *t;
    size_t n, k;
    double rcond;
    double *y, *x, *mult;   /* n each */
    double *a;              /* n x n, row-major */
    double *inv;            /* n x n, row-major, or NULL */
    double *direct, *total, *footprint; /* k x n each */
    double *sum;            /* k */
};

void cefo_io_options_init(cefo_io_options *opt)
{
    if (opt)
        *opt = (cefo_io_options){.rcond_min = 1e-12};
}

void cefo_io_result_free(cefo_io_result *r)
{
    if (!r)
        return;
    cefo__free(r->y);
    cefo__free(r->x);
    cefo__free(r->mult);
    cefo__free(r->a);
    cefo__free(r->inv);
    cefo__free(r->direct);
    cefo__free(r->total);
    cefo__free(r->footprint);
    cefo__free(r->sum);
    cefo__free(r);
}

static int is_wio_row(const cefo_iotable *t, size_t i)
{
    return t->w > 0 && t->treatment[i];
}

/*
 * Total output as given, else: for a sector, what it sells plus its final demand; for a WIO
 * treatment sector, the net waste allocated to it, sum_w S[i,w] (sum_j G[w,j] + gy[w]).
 */
static void base_output(const cefo_iotable *t, double *x)
{
    size_t n = t->n;
    for (size_t i = 0; i < n; i++) {
        if (isfinite(t->x[i])) {
            x[i] = t->x[i];
            continue;
        }
        double v = 0;
        if (is_wio_row(t, i)) {
            for (size_t w = 0; w < t->w; w++) {
                double gen = t->gy[w];
                for (size_t j = 0; j < n; j++)
                    gen += t->g[w * n + j];
                v += t->s[i * t->w + w] * gen;
            }
        } else {
            for (size_t j = 0; j < n; j++)
                v += t->z[i * n + j];
            v += t->y[i];
        }
        x[i] = v;
    }
}

/* Final demand of the table: a WIO treatment sector's is the waste of final demand, S gy. */
static void base_demand(const cefo_iotable *t, double *y)
{
    for (size_t i = 0; i < t->n; i++) {
        y[i] = t->y[i];
        if (is_wio_row(t, i))
            for (size_t w = 0; w < t->w; w++)
                y[i] += t->s[i * t->w + w] * t->gy[w];
    }
}

/*
 * I - A into m (row-major), and A into a when the caller keeps it: A = Z diag(x)^-1, with WIO
 * treatment rows S G diag(x)^-1; a column of zero output is 0. One pass, no second n^2 array
 * unless asked: at n = 4000 each is 128 MB of page faults. Returns the first column whose
 * total output or coefficients are not finite, or n; *negative tells whether a coefficient of
 * an industry row is below 0.
 */
static size_t coefficients(const cefo_iotable *t, const double *x, double *m, double *a,
                           int *negative)
{
    size_t n = t->n, bad = n;
    *negative = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            double v = 0;
            if (is_wio_row(t, i)) {
                for (size_t w = 0; w < t->w; w++)
                    v += t->s[i * t->w + w] * t->g[w * n + j];
            } else {
                v = t->z[i * n + j];
                *negative |= v < 0;
            }
            v = x[j] != 0 ? v / x[j] : 0.0;
            if (!isfinite(v) || !isfinite(x[j]))
                bad = j < bad ? j : bad;
            m[i * n + j] = (i == j) - v;
            if (a)
                a[i * n + j] = v;
        }
    }
    return bad;
}

/*
 * Whether the industry can make what it uses itself (Hawkins and Simon): outputs x > 0 with
 * x > A+ x, where A+ keeps the non-negative coefficients of the industry rows and columns.
 * Negative coefficients (a by-product recorded as a negative input, a waste used as input)
 * are credits and WIO treatment rows are the waste allocation: neither enters the check.
 * I - A+ is a Z-matrix, so it is a non-singular M-matrix exactly when (I - A+)^-T 1 > 0: the
 * output multipliers of A+. For a table with no credit and no WIO rows, A+ = A and those are
 * the multipliers already solved (`mult`); otherwise the industry block is factored apart
 * from `m` (I - A, row-major), before the main factorisation takes it over. Returns CEFO_OK,
 * CEFO_ERR_NOMEM or CEFO_ERR_INVALID naming the sector with the lowest multiplier.
 */
typedef struct industry_check {
    size_t nb;
    size_t *sector; /* block index -> sector */
    cefo__lu lu;
    int singular;   /* block index of a vanished pivot, or -1 */
} industry_check;

static cefo_status industry_block(const cefo_iotable *t, const double *m, industry_check *c)
{
    size_t n = t->n, nb = 0;
    c->sector = cefo__malloc(n * sizeof *c->sector);
    if (!c->sector)
        return CEFO_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        if (!is_wio_row(t, i))
            c->sector[nb++] = i;
    c->nb = nb;
    double *b = cefo__malloc(nb * nb * sizeof *b);
    if (!b)
        return CEFO_ERR_NOMEM;
    for (size_t r = 0; r < nb; r++) {
        for (size_t q = 0; q < nb; q++) {
            size_t i = c->sector[r], j = c->sector[q];
            double aij = (i == j) - m[i * n + j];
            b[r * nb + q] = (i == j) - (aij > 0 ? aij : 0.0);
        }
    }
    cefo_status st = cefo__lu_factor(&c->lu, (int)nb, b, &c->singular); /* lu owns b */
    return st == CEFO_ERR_INVALID ? CEFO_OK : st;
}

static cefo_status check_productive(const cefo_iotable *t, const double *mult,
                                    industry_check *c, cefo_error *err)
{
    size_t nb = c->sector ? c->nb : t->n, worst = 0;
    int ok = 0;
    if (nb == 0)
        return CEFO_OK;
    double *s = NULL;
    if (c->sector && c->singular >= 0) {
        worst = (size_t)c->singular; /* I - A+ singular: a multiplier without bound */
    } else {
        if (c->sector) {
            if (!(s = cefo__malloc(nb * sizeof *s)))
                return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
            for (size_t r = 0; r < nb; r++)
                s[r] = 1.0;
            cefo__lu_solve(&c->lu, 0, 1, s); /* lu holds (I - A+)^T */
            mult = s;
        }
        ok = 1;
        for (size_t r = 0; r < nb && ok; r++) {
            ok = isfinite(mult[r]);
            if (!ok || mult[r] < mult[worst])
                worst = r;
        }
        ok = ok && mult[worst] > 0;
    }
    char low[64] = "unbounded";
    if (!ok && !(c->sector && c->singular >= 0))
        snprintf(low, sizeof low, "%.6g", mult[worst]);
    cefo__free(s);
    if (ok)
        return CEFO_OK;
    size_t j = c->sector ? c->sector[worst] : worst;
    return cefo__error(err, CEFO_ERR_INVALID, t->file, t->line[j], "sector",
                       "the table is not productive: its industry cannot make what it uses "
                       "itself (no outputs x > 0 with x > A x, the Hawkins-Simon condition); "
                       "the lowest output multiplier, %s, is at sector '%s'", low, t->ids[j]);
}

cefo_status cefo_iotable_final_demand(const cefo_iotable *t, double *out)
{
    if (!t || !out)
        return CEFO_ERR_ARG;
    base_demand(t, out);
    return CEFO_OK;
}

static cefo_io_result *result_alloc(const cefo_iotable *t, const cefo_io_options *opt)
{
    size_t n = t->n, k = t->k;
    cefo_io_result *r = cefo__calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->t = t;
    r->n = n;
    r->k = k;
    r->y = cefo__calloc(n, sizeof *r->y);
    r->x = cefo__calloc(n, sizeof *r->x);
    r->mult = cefo__calloc(n, sizeof *r->mult);
    /* Both are fully written by the analysis. */
    r->a = opt->coefficients ? cefo__malloc(n * n * sizeof *r->a) : NULL;
    r->inv = opt->inverse ? cefo__malloc(n * n * sizeof *r->inv) : NULL;
    r->direct = cefo__calloc(k * n, sizeof *r->direct);
    r->total = cefo__calloc(k * n, sizeof *r->total);
    r->footprint = cefo__calloc(k * n, sizeof *r->footprint);
    r->sum = cefo__calloc(k, sizeof *r->sum);
    if (!r->y || !r->x || !r->mult || (opt->coefficients && !r->a) || (opt->inverse && !r->inv)
        || !r->direct || !r->total
        || !r->footprint || !r->sum) {
        cefo_io_result_free(r);
        return NULL;
    }
    return r;
}

/*
 * Factors (I - A)^T, taking over m: the row-major I - A, read by LAPACK as column-major, is its
 * transpose, so no n^2 transposed copy is made. Solving with (I - A) then uses trans = 1 and with (I - A)^T
 * trans = 0, and the inverse of the factored matrix, read back row-major, is L itself.
 * Its 1-norm condition number is the infinity-norm condition number of I - A.
 */
static cefo_status factor(const cefo_iotable *t, double *m, double rcond_min, cefo__lu *lu,
                          cefo_error *err)
{
    size_t n = t->n;
    int bad;
    cefo_status st = cefo__lu_factor(lu, (int)n, m, &bad); /* lu now owns m */
    if (st == CEFO_ERR_INVALID)
        return cefo__error(err, CEFO_ERR_INVALID, t->file, t->line[bad], "sector",
                           "I - A is singular: no independent pivot at sector '%s'", t->ids[bad]);
    if (st != CEFO_OK)
        return cefo__error(err, st, NULL, 0, NULL, "out of memory");
    if (!(lu->rcond >= rcond_min)) {
        int j = cefo__lu_weakest_column(lu);
        return cefo__error(err, CEFO_ERR_INVALID, t->file, t->line[j], "sector",
                           "I - A is near-singular (reciprocal condition number %.3g < %.3g); "
                           "the weakest pivot is at sector '%s'", lu->rcond, rcond_min,
                           t->ids[j]);
    }
    return CEFO_OK;
}

/*
 * Multipliers and total intensities in one solve with (I - A)^T: (I - A)^T [m T] = [1 F'].
 * Returns CEFO_OK, CEFO_ERR_NOMEM, or CEFO_ERR_INVALID with *bad the first sector whose direct
 * intensity overflows (its extension over a tiny total output).
 */
static cefo_status intensities(cefo_io_result *r, const cefo__lu *lu, const double *xb,
                               size_t *bad)
{
    size_t n = r->n, k = r->k;
    const cefo_iotable *t = r->t;
    double *b = cefo__calloc(n * (k + 1), sizeof *b);
    if (!b)
        return CEFO_ERR_NOMEM;
    *bad = n;
    for (size_t j = 0; j < n; j++)
        b[j] = 1.0;
    for (size_t e = 0; e < k; e++) {
        for (size_t j = 0; j < n; j++) {
            double d = xb[j] != 0 ? t->f[e * n + j] / xb[j] : 0;
            r->direct[e * n + j] = b[(e + 1) * n + j] = d;
            if (!isfinite(d) && j < *bad)
                *bad = j;
        }
    }
    cefo_status st = *bad < n ? CEFO_ERR_INVALID : cefo__lu_solve(lu, 0, (int)(k + 1), b);
    if (st == CEFO_OK) { /* lu holds (I - A)^T */
        memcpy(r->mult, b, n * sizeof *b);
        memcpy(r->total, b + n, k * n * sizeof *b);
    }
    cefo__free(b);
    return st;
}

static cefo_status overflow(const cefo_iotable *t, size_t j, const char *what, cefo_error *err)
{
    return cefo__error(err, CEFO_ERR_INVALID, t->file, t->line[j], "sector",
                       "sector '%s': its %s overflow (beyond 1.8e308)", t->ids[j], what);
}

/* The first sector with a non-finite result (n when there is none): never report one. */
static size_t first_nonfinite(const cefo_io_result *r)
{
    size_t n = r->n;
    for (size_t j = 0; j < n; j++) {
        int ok = isfinite(r->x[j]) && isfinite(r->mult[j]);
        for (size_t e = 0; ok && e < r->k; e++)
            ok = isfinite(r->total[e * n + j]) && isfinite(r->footprint[e * n + j])
                 && isfinite(r->sum[e]);
        for (size_t i = 0; ok && r->inv && i < n; i++)
            ok = isfinite(r->inv[i * n + j]);
        if (!ok)
            return j;
    }
    return n;
}

static cefo_status analyse(cefo_io_result *r, const cefo_io_options *opt, cefo_error *err)
{
    const cefo_iotable *t = r->t;
    size_t n = r->n, bad;
    int negative;
    cefo__lu lu = {0};
    industry_check ind = {.singular = -1};
    double *xb = cefo__calloc(n, sizeof *xb);
    double *m = xb ? cefo__malloc(n * n * sizeof *m) : NULL;
    if (!m) {
        cefo__free(xb);
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    }
    base_output(t, xb);
    bad = coefficients(t, xb, m, r->a, &negative);
    if (bad < n) {
        cefo__free(m);
        cefo__free(xb);
        return overflow(t, bad, "total output or input coefficients (what it buys over its "
                                "total output)", err);
    }
    if (opt->final_demand)
        memcpy(r->y, opt->final_demand, n * sizeof *r->y);
    else
        base_demand(t, r->y);
    cefo_status st = negative || t->w > 0 ? industry_block(t, m, &ind) : CEFO_OK;
    if (st != CEFO_OK)
        cefo__free(m);
    else
        st = factor(t, m, opt->rcond_min, &lu, err);
    r->rcond = lu.rcond;
    if (st == CEFO_OK) {
        memcpy(r->x, r->y, n * sizeof *r->x);
        st = cefo__lu_solve(&lu, 1, 1, r->x); /* (I - A) x = y */
    }
    if (st == CEFO_OK && (st = intensities(r, &lu, xb, &bad)) == CEFO_ERR_INVALID)
        overflow(t, bad, "direct intensities (extension over total output)", err);
    if (st == CEFO_OK)
        st = check_productive(t, r->mult, &ind, err);
    if (st == CEFO_OK && r->inv)
        st = cefo__lu_inverse(&lu, r->inv); /* ((I - A)^T)^-1 column-major = L row-major */
    for (size_t e = 0; st == CEFO_OK && e < r->k; e++) {
        for (size_t j = 0; j < n; j++) {
            r->footprint[e * n + j] = r->total[e * n + j] * r->y[j];
            r->sum[e] += r->footprint[e * n + j];
        }
    }
    if (st == CEFO_OK && (bad = first_nonfinite(r)) < n)
        st = overflow(t, bad, "results", err);
    if (st != CEFO_OK && err && err->code != st)
        cefo__error(err, st, NULL, 0, NULL, "%s", cefo_strerror(st));
    cefo__lu_free(&lu);
    cefo__lu_free(&ind.lu);
    cefo__free(ind.sector);
    cefo__free(xb);
    return st;
}

cefo_status cefo_iotable_analyse(const cefo_iotable *t, const cefo_io_options *opt,
                                 cefo_io_result **out, cefo_error *err)
{
    cefo_io_options defaults;
    if (!opt) {
        cefo_io_options_init(&defaults);
        opt = &defaults;
    }
    if (!t || !out || isnan(opt->rcond_min))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no table or no result pointer");
    for (size_t i = 0; opt->final_demand && i < t->n; i++)
        if (!isfinite(opt->final_demand[i]))
            return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                               "final demand of sector '%s' is not finite", t->ids[i]);
    cefo_status st = cefo__dense_load(err);
    if (st != CEFO_OK)
        return st;
    cefo_io_result *r = result_alloc(t, opt);
    if (!r)
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    st = analyse(r, opt, err);
    if (st != CEFO_OK) {
        cefo_io_result_free(r);
        return st;
    }
    *out = r;
    return CEFO_OK;
}

static cefo_status io_result_vectors(const cefo_io_result *r, cefo_io_vectors *out)
{
    if (!r || !out)
        return CEFO_ERR_ARG;
    *out = (cefo_io_vectors){r->n, (const char *const *)r->t->ids, r->y, r->x, r->mult, r->a,
                             r->inv, r->rcond};
    return CEFO_OK;
}

size_t cefo_io_result_extensions(const cefo_io_result *r)
{
    return r ? r->k : 0;
}

static cefo_status io_result_extension(const cefo_io_result *r, size_t k, cefo_io_extension *out)
{
    if (!r || !out || k >= r->k)
        return CEFO_ERR_ARG;
    size_t n = r->n;
    *out = (cefo_io_extension){r->t->ext_ids[k], r->t->ext_units[k], r->direct + k * n,
                               r->total + k * n, r->footprint + k * n, r->sum[k]};
    return CEFO_OK;
}

/* The public accessors over the structs of any version (core/abi.h). */
CEFO__ABI_WHOLE(cefo_io_result_vectors, io_result_vectors, cefo_io_result, cefo_io_vectors, rcond)
CEFO__ABI_INDEXED(cefo_io_result_extension, io_result_extension, cefo_io_result,
                  cefo_io_extension, total)
