/* mps.c - free MPS and CPLEX LP at full double precision: GLPK's writers round (12 characters,
 * 15 digits). */
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

/* The nonzero entries by column (by_row 0) or by row (1): start[j]..start[j+1] in `order`. */
static int entry_order(const cefo__lp_data *d, int by_row, size_t **start, size_t **order)
{
    int n = by_row ? d->nrows : d->ncols;
    const int *key = by_row ? d->a->row : d->a->col;
    *start = cefo__calloc((size_t)n + 1, sizeof **start);
    *order = cefo__calloc(d->a->nnz + 1, sizeof **order);
    if (!*start || !*order)
        return -1;
    for (size_t k = 0; k < d->a->nnz; k++)
        if (d->a->val[k] != 0.0)
            (*start)[key[k] + 1]++;
    for (int j = 0; j < n; j++)
        (*start)[j + 1] += (*start)[j];
    size_t *next = cefo__calloc((size_t)n + 1, sizeof *next);
    if (!next)
        return -1;
    memcpy(next, *start, (size_t)n * sizeof *next);
    for (size_t k = 0; k < d->a->nnz; k++)
        if (d->a->val[k] != 0.0)
            (*order)[next[key[k]]++] = k;
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
    if (entry_order(d, 0, &start, &order) != 0) {
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

/* CPLEX LP ---------------------------------------------------------------------------- */

/* A name as the LP format takes it ('-' is an operator there), into buf. */
static const char *lp_name(const char *const *names, char prefix, int k, char *buf, size_t n)
{
    if (names)
        snprintf(buf, n, "%s", names[k]);
    else
        snprintf(buf, n, "%c%d", prefix, k + 1);
    for (char *c = buf; *c; c++)
        if (*c == '-')
            *c = '~';
    return buf;
}

/* Terms are written a few to a line: the format ends a term at a line break. */
typedef struct lp_line {
    FILE *f;
    size_t len;
} lp_line;

static void lp_term(lp_line *l, double v, const char *name)
{
    char num[40];
    snprintf(num, sizeof num, "%.17g", fabs(v));
    size_t n = strlen(num) + strlen(name) + 4;
    if (l->len + n > 78) {
        fputs("\n", l->f);
        l->len = 0;
    }
    l->len += (size_t)fprintf(l->f, " %c %s %s", signbit(v) ? '-' : '+', num, name);
}

static void lp_objective(FILE *f, const cefo__lp_data *d, const char *const *cols,
                         const size_t *cstart)
{
    char b[272];
    lp_line l = {f, 0};
    fputs("Minimize\n cost:", f);
    l.len = 6;
    int any = 0;
    for (int j = 0; j < d->ncols; j++)
        if (d->obj[j] != 0 || cstart[j] == cstart[j + 1]) {
            lp_term(&l, d->obj[j], lp_name(cols, 'C', j, b, sizeof b));
            any = 1;
        }
    if (!any && d->ncols)
        lp_term(&l, 0.0, lp_name(cols, 'C', 0, b, sizeof b));
    fputs("\n", f);
}

static void lp_rows(FILE *f, const cefo__lp_data *d, const char *const *cols,
                    const char *const *rows, const size_t *rstart, const size_t *rorder)
{
    char b[272];
    fputs("Subject To\n", f);
    for (int i = 0; i < d->nrows; i++) {
        double lb = d->row_lb[i], ub = d->row_ub[i];
        lp_line l = {f, (size_t)fprintf(f, " %s:", lp_name(rows, 'R', i, b, sizeof b))};
        for (size_t q = rstart[i]; q < rstart[i + 1]; q++) {
            size_t e = rorder[q];
            lp_term(&l, d->a->val[e], lp_name(cols, 'C', d->a->col[e], b, sizeof b));
        }
        if (rstart[i] == rstart[i + 1]) /* an empty row still needs a term */
            lp_term(&l, 0.0, lp_name(cols, 'C', 0, b, sizeof b));
        if (lb == ub)
            fprintf(f, " = %.17g\n", lb);
        else if (isinf(lb) && isinf(ub))
            fputs(" >= -1e+30\n", f);
        else if (isinf(lb))
            fprintf(f, " <= %.17g\n", ub);
        else if (isinf(ub))
            fprintf(f, " >= %.17g\n", lb);
        else
            fprintf(f, " - ~r_%d = 0\n", i + 1);
    }
}

static void lp_bound(FILE *f, const char *name, double lb, double ub, int integer)
{
    if (lb == ub)
        fprintf(f, " %s = %.17g\n", name, lb);
    else if (isinf(lb) && isinf(ub))
        fprintf(f, " %s free\n", name);
    else if (isinf(lb))
        fprintf(f, " -inf <= %s <= %.17g\n", name, ub);
    else if (!isinf(ub))
        fprintf(f, " %.17g <= %s <= %.17g\n", lb, name, ub);
    else if (lb != 0 || integer)
        fprintf(f, " %s >= %.17g\n", name, lb);
}

static void lp_bounds(FILE *f, const cefo__lp_data *d, const char *const *cols)
{
    char b[272];
    fputs("Bounds\n", f);
    for (int i = 0; i < d->nrows; i++)
        if (d->row_lb[i] != d->row_ub[i] && !isinf(d->row_lb[i]) && !isinf(d->row_ub[i]))
            fprintf(f, " %.17g <= ~r_%d <= %.17g\n", d->row_lb[i], i + 1, d->row_ub[i]);
    for (int j = 0; j < d->ncols; j++)
        lp_bound(f, lp_name(cols, 'C', j, b, sizeof b), d->col_lb[j], d->col_ub[j],
                 d->col_binary && d->col_binary[j]);
    int any = 0;
    for (int j = 0; d->col_binary && j < d->ncols; j++)
        if (d->col_binary[j]) {
            fprintf(f, "%s %s\n", any ? "" : "Generals\n", lp_name(cols, 'C', j, b, sizeof b));
            any = 1;
        }
}

cefo_status cefo__lpfile_write(FILE *f, const char *path, const cefo__lp_data *d,
                               const char *const *col_names, const char *const *row_names,
                               cefo_error *err)
{
    size_t *cstart = NULL, *corder = NULL, *rstart = NULL, *rorder = NULL;
    cefo_status st = CEFO_OK;
    if (d->nrows > 0 && d->ncols == 0) {
        st = cefo__error(err, CEFO_ERR_ARG, path, 0, NULL,
                         "an LP file cannot hold rows without columns");
        goto done;
    }
    if (entry_order(d, 0, &cstart, &corder) != 0 || entry_order(d, 1, &rstart, &rorder) != 0) {
        st = cefo__error(err, CEFO_ERR_NOMEM, path, 0, NULL, "out of memory writing the LP");
        goto done;
    }
    fputs("\\* cefo *\\\n", f);
    lp_objective(f, d, col_names, cstart);
    lp_rows(f, d, col_names, row_names, rstart, rorder);
    lp_bounds(f, d, col_names);
    fputs("End\n", f);
    if (ferror(f) || fflush(f) != 0)
        st = cefo__error(err, CEFO_ERR_IO, path, 0, NULL, "cannot write the model: %s",
                         strerror(errno ? errno : EIO));
done:
    cefo__free(cstart);
    cefo__free(corder);
    cefo__free(rstart);
    cefo__free(rorder);
    return st;
}
