/* footprint.c - input-output footprints of a cluster's products under its plan (spec 10). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "core/abi.h"
#include "core/alloc.h"
#include "core/error.h"
#include "models/network.h"
#include "models/result.h"
#include "solver/blocks.h"
#include "solver/dense.h"

/*
 * The construction (docs/footprint.md). Unknowns: T_p, the whole-chain burden of process p
 * in the plan (one column per pollutant, then virgin import, then labour). A process's burden
 * is its direct emissions and labour, plus the burden of the products it uses (each product
 * a pool whose producers contribute by market share of its supply in the plan; imports carry
 * only their amount as virgin import), plus the treatment of the wastes it generates (WIO: the
 * generator bears its waste's treatment). T_p goes to the process's outputs by allocation:
 * its products, and for treatment and disposal processes the treatment service (per unit of
 * waste received). A waste's treatment reaches its generators along the plan's own flows:
 * links where the waste is linked, pooled shares otherwise; untreated discharge carries its
 * emissions. Waste taken as an input by a production or recycling process is free (the
 * recycler's burden goes with its products), so a recycling loop is counted once.
 * Then T = C + M T, (I - M) T = C, kept sparse (one entry per flow between two running
 * processes) and solved block by block in triangular order (solver/blocks.c): most chains
 * are triangular, and only a loop of the plan's flows (a recycling loop, treatment that uses
 * the products it serves) is a block factorised densely. Every column of M
 * distributes all of a process's burden, so the final demands and exports, plus the
 * treatment of wastes imported from outside, receive exactly the plan's totals.
 */

#define NEXT_EXTRA 2 /* virgin import, labour */

struct cefo_footprint {
    const cefo_result *res;
    cefo_allocation alloc;
    size_t npoll, next, nprod;
    size_t *prod;           /* material index of each final product */
    double *intensity;      /* nprod x next, row-major */
    double *footprint;      /* nprod x next */
    double *totals;         /* next: the sum of the products' footprints and `imported` */
    double *imported;       /* next: treatment of wastes imported from outside */
    double *plan;           /* next: the plan's own totals */
    double residual;        /* largest relative gap between totals and plan */
};

typedef struct fp_work {
    const cefo_network *net;
    const cefo_result *res;
    cefo_allocation alloc;
    size_t n, next;
    long *col;              /* per process: its column, -1 when idle */
    size_t *proc;           /* per column: the process */
    double *wsum;           /* per process: the sum of its allocation weights */
    int *by_mass;           /* per process: market weights all zero, mass used */
    double *supply;         /* per material: production + import */
    double *rem;            /* per material (linked wastes): production not sent by link */
    size_t *lstart;         /* links by source process: lorder[lstart[p] .. lstart[p + 1]) */
    size_t *lorder;
    cefo__triplet a;        /* I - M, sparse (entries at one place add up) */
    int nomem;              /* an entry of `a` could not be stored */
    double *c;              /* C, then T: n x next column-major */
    cefo__block_stats stats;
} fp_work;

/* I - M gets -v at (i, column of process q). */
static void minus(fp_work *w, size_t i, size_t q, double v)
{
    if (v != 0 && cefo__triplet_push(&w->a, (int)i, (int)w->col[q], -v) != 0)
        w->nomem = 1;
}

static int is_waste(const cefo_network *net, size_t m)
{
    return net->materials[m].kind == CEFO__WASTE;
}

static int serves(const cefo__process *p)
{
    return p->kind == CEFO__TREATMENT || p->kind == CEFO__DISPOSAL;
}

static double nz(double v)
{
    return isfinite(v) ? v : 0.0;
}

static double price(const fp_work *w, size_t m, int service)
{
    double s = nz(w->res->shadow[m]);
    return service ? fmax(0.0, -s) : fmax(0.0, s);
}

/* Allocation weight of output m of process p (m == SIZE_MAX: its treatment service). */
static double weight(const fp_work *w, size_t p, size_t m, int by_mass)
{
    const cefo__process *pr = &w->net->processes[p];
    double x = w->res->activity[p], sum = 0;
    if (m != SIZE_MAX) {
        double q = cefo__terms_amount(&pr->outputs, m) * x;
        return by_mass ? q : q * price(w, m, 0);
    }
    if (!serves(pr))
        return 0;
    for (size_t i = 0; i < pr->inputs.n; i++) {
        size_t k = pr->inputs.v[i].item;
        if (is_waste(w->net, k))
            sum += pr->inputs.v[i].amount * x * (by_mass ? 1.0 : price(w, k, 1));
    }
    return sum;
}

static double total_weight(const fp_work *w, size_t p, int by_mass)
{
    const cefo__process *pr = &w->net->processes[p];
    double sum = weight(w, p, SIZE_MAX, by_mass);
    for (size_t i = 0; i < pr->outputs.n; i++)
        if (!is_waste(w->net, pr->outputs.v[i].item))
            sum += weight(w, p, pr->outputs.v[i].item, by_mass);
    return sum;
}

/* Share of process p's burden that goes with output m (SIZE_MAX: the service). */
static double share(const fp_work *w, size_t p, size_t m)
{
    return weight(w, p, m, w->by_mass[p]) / w->wsum[p];
}

/* Share of p's burden per unit of waste it receives for treatment (all its wastes alike). */
static double service_per_unit(const fp_work *w, size_t p)
{
    if (!serves(&w->net->processes[p]) || w->col[p] < 0)
        return 0;
    return share(w, p, SIZE_MAX) / weight(w, p, SIZE_MAX, 1);
}

static cefo_status setup(fp_work *w, cefo_error *err)
{
    const cefo_network *net = w->net;
    const cefo_result *res = w->res;
    for (size_t p = 0; p < net->nprocesses; p++) {
        w->col[p] = -1;
        if (res->activity[p] > 0) {
            w->col[p] = (long)w->n;
            w->proc[w->n++] = p;
            w->by_mass[p] = w->alloc == CEFO_ALLOCATION_MASS;
            w->wsum[p] = total_weight(w, p, w->by_mass[p]);
            if (!(w->wsum[p] > 0) && !w->by_mass[p]) {
                w->by_mass[p] = 1;
                w->wsum[p] = total_weight(w, p, 1);
            }
            if (!(w->wsum[p] > 0))
                return cefo__error(err, CEFO_ERR_INVALID, net->file, net->processes[p].line,
                                   net->processes[p].id,
                                   "process '%s' runs in the plan but makes no product and "
                                   "treats no waste: its footprint has nowhere to go",
                                   net->processes[p].id);
            const cefo__process *pr = &net->processes[p];
            for (size_t i = 0; i < pr->outputs.n; i++)
                w->supply[pr->outputs.v[i].item] += pr->outputs.v[i].amount * res->activity[p];
        }
    }
    for (size_t m = 0; m < net->nmaterials; m++) {
        w->supply[m] += nz(res->import[m]);
        w->rem[m] = 0;
    }
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__process *pr = &net->processes[p];
        if (w->col[p] < 0)
            continue;
        for (size_t i = 0; i < pr->outputs.n; i++) {
            size_t m = pr->outputs.v[i].item;
            if (!is_waste(net, m) || !net->materials[m].linked)
                continue;
            double r = pr->outputs.v[i].amount * res->activity[p];
            for (size_t k = w->lstart[p]; k < w->lstart[p + 1]; k++)
                if (net->links[w->lorder[k]].material == m)
                    r -= nz(res->flow[w->lorder[k]]);
            w->rem[m] += fmax(0.0, r);
        }
    }
    return CEFO_OK;
}

/* Adds `f` times the whole-chain burden of one unit of product m's supply to row i. */
static void add_product(fp_work *w, size_t i, size_t m, double f, double *rhs, size_t ld)
{
    const cefo_network *net = w->net;
    if (!(w->supply[m] > 0))
        return;
    double u = f / w->supply[m];
    for (size_t k = net->user_start[m]; k < net->user_start[m + 1]; k++) {
        size_t q = net->users[k];
        if (w->col[q] < 0 || cefo__terms_find(&net->processes[q].outputs, m) == CEFO__NO_TERM)
            continue;
        minus(w, i, q, u * share(w, q, m));
    }
    rhs[(w->next - NEXT_EXTRA) * ld] += u * nz(w->res->import[m]);
}

/* Discharge emissions of waste m, times f, into rhs (stride ld between pollutants). */
static void add_discharge(const fp_work *w, size_t m, double f, double *rhs, size_t ld)
{
    const cefo__material *mat = &w->net->materials[m];
    double d = nz(w->res->discharge[m]);
    for (size_t e = 0; e < mat->emissions.n; e++)
        rhs[mat->emissions.v[e].item * ld] += f * d * mat->emissions.v[e].amount;
}

/*
 * Adds to row i the treatment of g units of waste m generated by process p (p SIZE_MAX: the
 * imports from outside, pooled only); into the matrix when i is a column, else into `out`.
 */
static void add_waste(fp_work *w, size_t p, size_t m, double g, long i, double *rhs, size_t ld,
                      double *tvec)
{
    const cefo_network *net = w->net;
    const cefo_result *res = w->res;
    if (!net->materials[m].linked) {
        double pool = w->supply[m];
        if (!(pool > 0))
            return;
        double s = g / pool;
        for (size_t k = net->user_start[m]; k < net->user_start[m + 1]; k++) {
            size_t t = net->users[k];
            double in = cefo__terms_amount(&net->processes[t].inputs, m);
            if (w->col[t] < 0 || in <= 0 || !serves(&net->processes[t]))
                continue;
            double c = s * in * res->activity[t] * service_per_unit(w, t);
            if (i >= 0)
                minus(w, (size_t)i, t, c);
            else
                for (size_t e = 0; e < w->next; e++)
                    tvec[e] += c * w->c[(size_t)w->col[t] + e * w->n];
        }
        add_discharge(w, m, s, rhs, ld);
        return;
    }
    double sent = 0;
    for (size_t k = w->lstart[p]; k < w->lstart[p + 1]; k++) {
        size_t l = w->lorder[k];
        const cefo__link *lk = &net->links[l];
        if (lk->material != m || !(nz(res->flow[l]) > 0))
            continue;
        sent += res->flow[l];
        if (w->col[lk->to] >= 0 && serves(&net->processes[lk->to]))
            minus(w, (size_t)i, lk->to, res->flow[l] * service_per_unit(w, lk->to));
    }
    if (w->rem[m] > 0)
        add_discharge(w, m, fmax(0.0, g - sent) / w->rem[m], rhs, ld);
}

static void build(fp_work *w)
{
    const cefo_network *net = w->net;
    const cefo_result *res = w->res;
    size_t n = w->n;
    for (size_t i = 0; i < n; i++) {
        size_t p = w->proc[i];
        const cefo__process *pr = &net->processes[p];
        double x = res->activity[p];
        double *rhs = w->c + i;
        if (cefo__triplet_push(&w->a, (int)i, (int)i, 1.0) != 0)
            w->nomem = 1;
        for (size_t e = 0; e < pr->emissions.n; e++)
            rhs[pr->emissions.v[e].item * n] += pr->emissions.v[e].amount * x;
        rhs[(w->next - 1) * n] += nz(pr->labour) * x;
        for (size_t k = 0; k < pr->inputs.n; k++) {
            size_t m = pr->inputs.v[k].item;
            if (!is_waste(net, m))
                add_product(w, i, m, pr->inputs.v[k].amount * x, rhs, n);
        }
        for (size_t k = 0; k < pr->outputs.n; k++) {
            size_t m = pr->outputs.v[k].item;
            if (is_waste(net, m))
                add_waste(w, p, m, pr->outputs.v[k].amount * x, (long)i, rhs, n, NULL);
        }
    }
}

/* Treatment of wastes imported from outside: a boundary of its own, beside final demand. */
static void imported_wastes(fp_work *w, double *out)
{
    const cefo_network *net = w->net;
    const cefo_result *res = w->res;
    for (size_t m = 0; m < net->nmaterials; m++) {
        double imp = nz(res->import[m]);
        if (!is_waste(net, m) || !(imp > 0))
            continue;
        if (!net->materials[m].linked) {
            add_waste(w, SIZE_MAX, m, imp, -1, out, 1, out);
            continue;
        }
        for (size_t k = net->user_start[m]; k < net->user_start[m + 1]; k++) {
            size_t r = net->users[k];
            double in = cefo__terms_amount(&net->processes[r].inputs, m) * res->activity[r];
            if (w->col[r] < 0 || !(in > 0) || !serves(&net->processes[r]))
                continue;
            for (size_t l = 0; l < net->nlinks; l++)
                if (net->links[l].to == r && net->links[l].material == m)
                    in -= nz(res->flow[l]);
            double c = fmax(0.0, in) * service_per_unit(w, r);
            for (size_t e = 0; e < w->next; e++)
                out[e] += c * w->c[(size_t)w->col[r] + e * w->n];
        }
    }
}

/* Whole-chain burden of all of product m's supply into out (next values). */
static void product_burden(const fp_work *w, size_t m, double *out)
{
    const cefo_network *net = w->net;
    for (size_t k = net->user_start[m]; k < net->user_start[m + 1]; k++) {
        size_t q = net->users[k];
        if (w->col[q] < 0 || cefo__terms_find(&net->processes[q].outputs, m) == CEFO__NO_TERM)
            continue;
        double s = share(w, q, m);
        for (size_t e = 0; e < w->next; e++)
            out[e] += s * w->c[(size_t)w->col[q] + e * w->n];
    }
    out[w->next - NEXT_EXTRA] += nz(w->res->import[m]);
}

static cefo_status solve(fp_work *w, cefo_error *err)
{
    if (w->n == 0)
        return CEFO_OK;
    int bad = -1;
    cefo_status st = cefo__dense_load(err);
    if (st != CEFO_OK)
        return st;
    st = w->nomem ? CEFO_ERR_NOMEM
                  : cefo__block_solve((int)w->n, &w->a, (int)w->next, w->c, &bad, &w->stats);
    if (st == CEFO_ERR_INVALID) {
        const cefo__process *pr = &w->net->processes[w->proc[bad >= 0 ? (size_t)bad : 0]];
        return cefo__error(err, st, w->net->file, pr->line, pr->id,
                           "the plan's flows make a closed loop at process '%s': its burden "
                           "never leaves the cluster (I - A is singular)", pr->id);
    }
    return st == CEFO_OK ? st : cefo__error(err, st, NULL, 0, NULL, "factorisation failed");
}

static cefo_status finish(cefo_footprint *fp, fp_work *w, cefo_error *err)
{
    const cefo_network *net = w->net;
    const cefo_result *res = w->res;
    size_t next = w->next, j = 0;
    for (size_t m = 0; m < net->nmaterials; m++) {
        double d = nz(res->demand[m]) + nz(res->export[m]);
        if (is_waste(net, m) || !(d > 0) || !(w->supply[m] > 0))
            continue;
        double *f = fp->footprint + j * next, *in = fp->intensity + j * next;
        product_burden(w, m, f);
        for (size_t e = 0; e < next; e++) {
            f[e] *= d / w->supply[m];
            in[e] = f[e] / d;
            fp->totals[e] += f[e];
        }
        fp->prod[j++] = m;
    }
    fp->nprod = j;
    imported_wastes(w, fp->imported);
    for (size_t e = 0; e < next; e++)
        fp->totals[e] += fp->imported[e];
    for (size_t k = 0; k < fp->npoll; k++)
        fp->plan[k] = res->emission[k];
    for (size_t m = 0; m < net->nmaterials; m++)
        if (!is_waste(net, m))
            fp->plan[next - NEXT_EXTRA] += nz(res->import[m]);
    for (size_t p = 0; p < net->nprocesses; p++)
        fp->plan[next - 1] += nz(net->processes[p].labour) * nz(res->activity[p]);
    for (size_t e = 0; e < next; e++) {
        double ref = fmax(fabs(fp->plan[e]), fabs(fp->totals[e]));
        double gap = ref > 0 ? fabs(fp->totals[e] - fp->plan[e]) / ref : 0.0;
        fp->residual = fmax(fp->residual, gap);
        if (!(gap <= 1e-9)) {
            const char *what = e < fp->npoll ? net->pollutants[e].id
                               : e == next - NEXT_EXTRA ? "virgin import" : "labour";
            return cefo__error(err, CEFO_ERR_INVALID, net->file, 0, what,
                               "footprints of '%s' add up to %.17g, not the plan's %.17g",
                               what, fp->totals[e], fp->plan[e]);
        }
    }
    return CEFO_OK;
}

void cefo_footprint_free(cefo_footprint *fp)
{
    if (!fp)
        return;
    cefo__free(fp->prod);
    cefo__free(fp->intensity);
    cefo__free(fp->footprint);
    cefo__free(fp->totals);
    cefo__free(fp);
}

static void work_free(fp_work *w)
{
    cefo__free(w->col);
    cefo__free(w->proc);
    cefo__free(w->wsum);
    cefo__free(w->by_mass);
    cefo__free(w->supply);
    cefo__free(w->rem);
    cefo__free(w->lstart);
    cefo__free(w->lorder);
    cefo__triplet_free(&w->a);
    cefo__free(w->c);
}

static cefo_status alloc_all(cefo_footprint *fp, fp_work *w)
{
    const cefo_network *net = w->net;
    size_t np = net->nprocesses, nm = net->nmaterials, next = w->next;
    w->col = cefo__calloc(np + 1, sizeof *w->col);
    w->proc = cefo__calloc(np + 1, sizeof *w->proc);
    w->wsum = cefo__calloc(np + 1, sizeof *w->wsum);
    w->by_mass = cefo__calloc(np + 1, sizeof *w->by_mass);
    w->supply = cefo__calloc(nm + 1, sizeof *w->supply);
    w->rem = cefo__calloc(nm + 1, sizeof *w->rem);
    w->lstart = cefo__calloc(np + 2, sizeof *w->lstart);
    w->lorder = cefo__calloc(net->nlinks + 1, sizeof *w->lorder);
    fp->prod = cefo__calloc(nm + 1, sizeof *fp->prod);
    fp->intensity = cefo__calloc((nm + 1) * next, sizeof *fp->intensity);
    fp->footprint = cefo__calloc((nm + 1) * next, sizeof *fp->footprint);
    fp->totals = cefo__calloc(3 * next, sizeof *fp->totals);
    if (!w->col || !w->proc || !w->wsum || !w->by_mass || !w->supply || !w->rem || !w->lstart
        || !w->lorder || !fp->prod || !fp->intensity || !fp->footprint || !fp->totals)
        return CEFO_ERR_NOMEM;
    for (size_t l = 0; l < net->nlinks; l++)
        w->lstart[net->links[l].from + 2]++;
    for (size_t p = 0; p < np; p++)
        w->lstart[p + 2] += w->lstart[p + 1];
    for (size_t l = 0; l < net->nlinks; l++)
        w->lorder[w->lstart[net->links[l].from + 1]++] = l;
    fp->imported = fp->totals + next;
    fp->plan = fp->totals + 2 * next;
    return CEFO_OK;
}

static cefo_status alloc_system(fp_work *w)
{
    if (w->n == 0)
        return CEFO_OK;
    if (w->n > (size_t)INT32_MAX || w->next > SIZE_MAX / sizeof(double) / w->n)
        return CEFO_ERR_NOMEM;
    w->c = cefo__calloc(w->n * w->next, sizeof *w->c);
    return w->c ? CEFO_OK : CEFO_ERR_NOMEM;
}

cefo_status cefo_footprint_compute(cefo_footprint **out, const cefo_result *res,
                                   cefo_allocation allocation, cefo_error *err)
{
    if (!out || !res || (allocation != CEFO_ALLOCATION_MARKET && allocation != CEFO_ALLOCATION_MASS))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad argument to footprint");
    if (!res->activity || !(res->status == CEFO_SOLVE_OPTIMAL || res->status == CEFO_SOLVE_GAP_LIMIT)
        || (res->net->nprocesses > 0 && isnan(res->activity[0])))
        return cefo__error(err, CEFO_ERR_INVALID, res->net->file, 0, NULL,
                           "no optimal plan (the model is %s): footprints need one",
                           cefo_solve_status_name(res->status));
    fp_work w = {.net = res->net, .res = res, .alloc = allocation};
    w.next = res->net->npollutants + NEXT_EXTRA;
    cefo_footprint *fp = cefo__calloc(1, sizeof *fp);
    cefo_status st = fp ? CEFO_OK : CEFO_ERR_NOMEM;
    if (st == CEFO_OK) {
        fp->res = res;
        fp->alloc = allocation;
        fp->npoll = res->net->npollutants;
        fp->next = w.next;
        st = alloc_all(fp, &w);
    }
    if (st == CEFO_OK)
        st = setup(&w, err);
    if (st == CEFO_OK)
        st = alloc_system(&w);
    if (st == CEFO_OK) {
        build(&w);
        st = solve(&w, err);
    }
    if (st == CEFO_OK)
        st = finish(fp, &w, err);
    if (st == CEFO_ERR_NOMEM)
        cefo__error(err, st, NULL, 0, NULL, "out of memory computing footprints");
    work_free(&w);
    if (st != CEFO_OK) {
        cefo_footprint_free(fp);
        return st;
    }
    *out = fp;
    return CEFO_OK;
}

size_t cefo_footprint_count(const cefo_footprint *fp)
{
    return fp ? fp->nprod : 0;
}

size_t cefo_footprint_pollutants(const cefo_footprint *fp)
{
    return fp ? fp->npoll : 0;
}

static cefo_status footprint_product(const cefo_footprint *fp, size_t i, cefo_footprint_row *row)
{
    if (!fp || !row || i >= fp->nprod)
        return CEFO_ERR_ARG;
    const cefo__material *m = &fp->res->net->materials[fp->prod[i]];
    size_t e = fp->next;
    *row = (cefo_footprint_row){
        .id = m->id, .unit = m->unit,
        .demand = nz(fp->res->demand[fp->prod[i]]), .export = nz(fp->res->export[fp->prod[i]]),
        .intensity = fp->intensity + i * e, .footprint = fp->footprint + i * e,
        .virgin_import = fp->footprint[i * e + e - NEXT_EXTRA],
        .labour = fp->footprint[i * e + e - 1],
        .virgin_import_intensity = fp->intensity[i * e + e - NEXT_EXTRA],
        .labour_intensity = fp->intensity[i * e + e - 1]};
    return CEFO_OK;
}

static cefo_status footprint_totals(const cefo_footprint *fp, cefo_footprint_row *row)
{
    if (!fp || !row)
        return CEFO_ERR_ARG;
    size_t e = fp->next;
    *row = (cefo_footprint_row){.id = "total", .unit = "",
        .intensity = fp->plan, .footprint = fp->totals,
        .virgin_import = fp->totals[e - NEXT_EXTRA], .labour = fp->totals[e - 1],
        .virgin_import_intensity = NAN, .labour_intensity = NAN,
        .imported_waste = fp->imported, .residual = fp->residual};
    return CEFO_OK;
}

const cefo_result *cefo_footprint_result(const cefo_footprint *fp)
{
    return fp ? fp->res : NULL;
}

cefo_allocation cefo_footprint_allocation(const cefo_footprint *fp)
{
    return fp ? fp->alloc : CEFO_ALLOCATION_MARKET;
}

/* The public accessors over the structs of any version (core/abi.h). */
CEFO__ABI_INDEXED(cefo_footprint_product, footprint_product, cefo_footprint,
                  cefo_footprint_row, residual)
CEFO__ABI_WHOLE(cefo_footprint_totals, footprint_totals, cefo_footprint,
                cefo_footprint_row, residual)
