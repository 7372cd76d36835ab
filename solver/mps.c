/* mps.c - free MPS at full double precision: GLPK's writer rounds to 12 characters. */
#include "solver/mps.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"

/* One name: the given one, or R<i+1> / C<j+1>. */
static const char *name_of(const char *const *names, char prefix, int k, char *buf, size_t n)
{
    if (names)
        return names[k];
    snprintf(buf, n, "%c%d", prefix, k + 1);
    return buf;
}

/* The row type and its right-hand side (and range, when both bounds are finite and differ). */
static char row_type(double lb, double ub, double *rhs, double *range)
{
    *range = 0;
    if (lb == ub) {
        *rhs = lb;
        return 'E';
    }
    if (isinf(lb) && isinf(ub)) {
        /* A free row stays a constraint row (a second N row would be dropped as another
         * objective and shift every row index): >= -1e30, which the readers take as -inf. */
        *rhs = -1e30;
        return 'G';
    }
    if (isinf(lb)) {
        *rhs = ub;
        return 'L';
    }
    *rhs = lb;
    if (isinf(ub))
        return 'G';
    *range = ub - lb;
    return 'G';
}

static void write_rows(FILE *f, const cefo__lp_data *d, const char *const *names)
{
    char b[32];
    fputs("ROWS\n N cost\n", f);
    for (int i = 0; i < d->nrows; i++) {
        double rhs, range;
        fprintf(f, " %c %s\n", row_type(d->row_lb[i], d->row_ub[i], &rhs, &range),
                name_of(names, 'R', i, b, sizeof b));
    }
}

/* Column-major order of the nonzero entries: start[j]..start[j+1] in `order`. */
static int column_order(const cefo__lp_data *d, size_t **start, size_t **order)
{
    *start = cefo__calloc((size_t)d->ncols + 1, sizeof **start);
    *order = cefo__calloc(d->a->nnz + 1, sizeof **order);
    if (!*start || !*order)
        return -1;
    for (size_t k = 0; k < d->a->nnz; k++)
        if (d->a->val[k] != 0.0)
            (*start)[d->a->col[k] + 1]++;
    for (int j = 0; j < d->ncols; j++)
        (*start)[j + 1] += (*start)[j];
    size_t *next = cefo__calloc((size_t)d->ncols + 1, sizeof *next);
    if (!next)
        return -1;
    memcpy(next, *start, (size_t)d->ncols * sizeof *next);
    for (size_t k = 0; k < d->a->nnz; k++)
        if (d->a->val[k] != 0.0)
            (*order)[next[d->a->col[k]]++] = k;
    cefo__free(next);
    return 0;
}

static void write_columns(FILE *f, const cefo__lp_data *d, const char *const *cols,
                          const char *const *rows, const size_t *start, const size_t *order)
{
    char b[32], rb[32];
    int in_int = 0;
    fputs("COLUMNS\n", f);
    for (int j = 0; j < d->ncols; j++) {
        int bin = d->col_binary && d->col_binary[j];
        if (bin != in_int) {
            fprintf(f, " MARKER 'MARKER' '%s'\n", bin ? "INTORG" : "INTEND");
            in_int = bin;
        }
        const char *cn = name_of(cols, 'C', j, b, sizeof b);
        /* The cost entry always, so that a column without entries is still declared. */
        fprintf(f, " %s cost %.17g\n", cn, d->obj[j]);
        for (size_t k = start[j]; k < start[j + 1]; k++) {
            size_t e = order[k];
            fprintf(f, " %s %s %.17g\n", cn, name_of(rows, 'R', d->a->row[e], rb, sizeof rb),
                    d->a->val[e]);
        }
    }
    if (in_int)
        fputs(" MARKER 'MARKER' 'INTEND'\n", f);
}

static void write_rhs(FILE *f, const cefo__lp_data *d, const char *const *names)
{
    char b[32];
    int any_range = 0;
    fputs("RHS\n", f);
    for (int i = 0; i < d->nrows; i++) {
        double rhs, range;
        row_type(d->row_lb[i], d->row_ub[i], &rhs, &range);
        any_range |= range != 0;
        if (rhs != 0)
            fprintf(f, " RHS %s %.17g\n", name_of(names, 'R', i, b, sizeof b), rhs);
    }
    if (!any_range)
        return;
    /* A G row with range R means lb <= row <= lb + |R|. */
    fputs("RANGES\n", f);
    for (int i = 0; i < d->nrows; i++) {
        double rhs, range;
        row_type(d->row_lb[i], d->row_ub[i], &rhs, &range);
        if (range != 0)
            fprintf(f, " RNG %s %.17g\n", name_of(names, 'R', i, b, sizeof b), range);
    }
}

/* Bounds that differ from MPS's default [0, +inf); binaries always get theirs explicitly. */
static void write_bounds(FILE *f, const cefo__lp_data *d, const char *const *names)
{
    char b[32];
    fputs("BOUNDS\n", f);
    for (int j = 0; j < d->ncols; j++) {
        double lb = d->col_lb[j], ub = d->col_ub[j];
        int bin = d->col_binary && d->col_binary[j];
        const char *cn = name_of(names, 'C', j, b, sizeof b);
        if (lb == ub) {
            fprintf(f, " FX BND %s %.17g\n", cn, lb);
            continue;
        }
        if (isinf(lb) && isinf(ub)) {
            fprintf(f, " FR BND %s\n", cn);
            continue;
        }
        /* The lower bound first: some readers make a negative UP bound imply lb = -inf. */
        if (isinf(lb))
            fprintf(f, " MI BND %s\n", cn);
        else if (lb != 0 || bin)
            fprintf(f, " LO BND %s %.17g\n", cn, lb);
        if (!isinf(ub))
            fprintf(f, " UP BND %s %.17g\n", cn, ub);
        else if (bin)
            fprintf(f, " PL BND %s\n", cn);
    }
}

cefo_status cefo__mps_write(FILE *f, const char *path, const cefo__lp_data *d,
                            const char *const *col_names, const char *const *row_names,
                            cefo_error *err)
{
    size_t *start = NULL, *order = NULL;
    cefo_status st = CEFO_OK;
    if (column_order(d, &start, &order) != 0) {
        st = cefo__error(err, CEFO_ERR_NOMEM, path, 0, NULL, "out of memory writing MPS");
        goto done;
    }
    /* FREE on the NAME line: CBC and CLP read the file as free MPS only when told. */
    fputs("NAME cefo FREE\n", f);
    write_rows(f, d, row_names);
    write_columns(f, d, col_names, row_names, start, order);
    write_rhs(f, d, row_names);
    write_bounds(f, d, col_names);
    fputs("ENDATA\n", f);
    if (ferror(f) || fflush(f) != 0)
        st = cefo__error(err, CEFO_ERR_IO, path, 0, NULL, "cannot write the model: %s",
                         strerror(errno ? errno : EIO));
done:
    cefo__free(start);
    cefo__free(order);
    return st;
}
