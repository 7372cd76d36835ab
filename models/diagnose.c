/* diagnose.c - why an infeasible model has no plan, from its elastic version. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "models/result.h"

/* Violations below this are LP round-off, not advice. */
#define TINY 1e-7

/* With periods: net, par and f are the blocks of the violation's period. */
typedef struct ctx {
    const cefo_network *net;
    const cefo__params *par;
    const cefo__formulation *f;
    const double *x;
} ctx;

/* ", at capacity: a (60), b (20)" for the producers of m running at their capacity. */
static void at_capacity(const ctx *c, size_t m, char *buf, size_t n)
{
    size_t len = 0, count = 0;
    buf[0] = '\0';
    const cefo_network *net = c->net;
    for (size_t u = net->user_start[m]; u < net->user_start[m + 1] && count < 3; u++) {
        size_t p = net->users[u];
        const cefo__process *pr = &net->processes[p];
        double cap = c->par->capacity[p], out = cefo__terms_amount(&pr->outputs, m);
        if (out <= 0 || isinf(cap) || c->x[c->f->activity_col[p]] < cap - 1e-9 * (1 + cap))
            continue;
        int w = snprintf(buf + len, n - len, "%s%s (%g)", count ? ", " : "; at capacity: ",
                         pr->id, cap);
        if (w < 0 || (size_t)w >= n - len)
            break;
        len += (size_t)w;
        count++;
    }
}

static void describe(const ctx *c, const cefo__slot *s, double v, cefo__diag_item *d)
{
    const cefo_network *net = c->net;
    char extra[200];
    switch (s->kind) {
    case CEFO__VAR_SHORT: {
        const cefo__material *m = &net->materials[s->item];
        d->id = m->id;
        d->unit = m->unit;
        if (s->proc != CEFO__NONE) {
            d->kind = "input";
            snprintf(d->message, sizeof d->message,
                     "'%s' lacks %g %s of '%s': its links and imports cannot bring more",
                     net->processes[s->proc].id, v, m->unit, m->id);
        } else if (c->par->demand[s->item] > 0) {
            d->kind = "demand";
            at_capacity(c, s->item, extra, sizeof extra);
            snprintf(d->message, sizeof d->message,
                     "demand for '%s' (%g %s) exceeds what the cluster can supply by %g %s%s",
                     m->id, c->par->demand[s->item], m->unit, v, m->unit, extra);
        } else {
            d->kind = "shortage";
            snprintf(d->message, sizeof d->message,
                     "'%s': %g %s more is used than the cluster can make or import", m->id, v,
                     m->unit);
        }
        break;
    }
    case CEFO__VAR_SURPLUS: {
        const cefo__material *m = &net->materials[s->item];
        *d = (cefo__diag_item){.kind = "surplus", .id = m->id, .unit = m->unit};
        snprintf(d->message, sizeof d->message,
                 "'%s': %g %s of surplus has nowhere to go (give it an export-price%s)", m->id,
                 v, m->unit, m->kind == CEFO__WASTE ? " or a discharge-cost" : "");
        break;
    }
    case CEFO__VAR_EXTRA_CAPACITY: {
        const cefo__process *p = &net->processes[s->item];
        *d = (cefo__diag_item){.kind = "capacity", .id = p->id, .unit = ""};
        snprintf(d->message, sizeof d->message, "the capacity of '%s' (%g) would have to rise by %g",
                 p->id, c->par->capacity[s->item], v);
        break;
    }
    case CEFO__VAR_LACK: {
        const cefo__process *p = &net->processes[s->item];
        *d = (cefo__diag_item){.kind = "minimum", .id = p->id, .unit = ""};
        snprintf(d->message, sizeof d->message,
                 "'%s' cannot reach its minimum level %g: %g short", p->id, p->min, v);
        break;
    }
    case CEFO__VAR_EXCESS: {
        const cefo__pollutant *k = &net->pollutants[s->item];
        *d = (cefo__diag_item){.kind = "cap", .id = k->id, .unit = k->unit};
        snprintf(d->message, sizeof d->message,
                 "the cap on '%s' (%g %s) would have to rise by %g %s", k->id,
                 c->par->cap[s->item], k->unit, v, k->unit);
        break;
    }
    case CEFO__VAR_LINK_EXTRA: {
        const cefo__link *l = &net->links[s->item];
        const cefo__material *m = &net->materials[l->material];
        *d = (cefo__diag_item){.kind = "link-capacity", .id = m->id, .unit = m->unit};
        snprintf(d->message, sizeof d->message,
                 "the capacity of the link %s -> %s for '%s' (%g %s) would have to rise by %g %s",
                 net->processes[l->from].id, net->processes[l->to].id, m->id, l->capacity,
                 m->unit, v, m->unit);
        break;
    }
    case CEFO__VAR_RES_OVER:
    case CEFO__VAR_RES_UNDER: {
        const cefo__resource *r = &net->resources[s->item];
        int over = s->kind == CEFO__VAR_RES_OVER;
        *d = (cefo__diag_item){.kind = "resource", .id = r->id, .unit = r->unit};
        snprintf(d->message, sizeof d->message,
                 "the %s of resource '%s' (%g %s) would have to %s by %g %s", over ? "max" : "min",
                 r->id, over ? c->par->res_max[s->item] : c->par->res_min[s->item], r->unit,
                 over ? "rise" : "fall", v, r->unit);
        break;
    }
    default: return;
    }
    d->amount = v;
}

/* With periods, "in period P: " before the message (a total-scope bound holds over all). */
static void in_period(const cefo_network *net, const cefo__slot *s, cefo__diag_item *d)
{
    if (!net->nperiods
        || ((s->kind == CEFO__VAR_RES_OVER || s->kind == CEFO__VAR_RES_UNDER)
            && net->resources[s->item].total))
        return;
    char msg[sizeof d->message + 200];
    snprintf(msg, sizeof msg, "in period '%.100s': %s", net->periods[s->period].id, d->message);
    size_t n = strlen(msg) < sizeof d->message ? strlen(msg) : sizeof d->message - 1;
    memcpy(d->message, msg, n);
    d->message[n] = '\0';
}

static int is_violation(cefo__var_kind k)
{
    return k >= CEFO__VAR_SHORT && k <= CEFO__VAR_RES_UNDER;
}

/* ------------------------------------------------------------------ no outlet */

/*
 * An output with no way out: what process p makes of m can go nowhere, so p cannot run.
 * Export, discharge and a demand take any producer's output; a linked material otherwise
 * leaves its producer only over its links, a pooled one reaches any process that takes it in.
 */
static int has_outlet(const cefo_network *net, const cefo__params *par, size_t p, size_t m)
{
    const cefo__material *mat = &net->materials[m];
    if (!isnan(mat->export_price) || !isnan(mat->discharge_cost) || par->demand[m] > 0)
        return 1;
    if (mat->linked) {
        for (size_t l = 0; l < net->nlinks; l++)
            if (net->links[l].from == p && net->links[l].material == m)
                return 1;
        return 0;
    }
    for (size_t u = net->user_start[m]; u < net->user_start[m + 1]; u++)
        if (net->users[u] != p && cefo__terms_amount(&net->processes[net->users[u]].inputs, m) > 0)
            return 1;
    return 0;
}

/* blocked[m] = 1 for each material some process makes with no outlet; their number. */
static size_t find_blocked(const cefo_network *net, const cefo__params *par,
                           unsigned char *blocked)
{
    size_t count = 0;
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__terms *out = &net->processes[p].outputs;
        for (size_t t = 0; t < out->n; t++) {
            size_t m = out->v[t].item;
            if (out->v[t].amount > 0 && !blocked[m] && !has_outlet(net, par, p, m))
                count += blocked[m] = 1;
        }
    }
    return count;
}

/* The elastic model of `net` solved: its formulation, LP and solution (free with done()). */
typedef struct elastic {
    cefo__formulation f;
    cefo__lp *lp;
    double *buf;
    cefo__lp_solution sol;
    int formulated;
} elastic;

static void done(elastic *e)
{
    cefo__free(e->buf);
    cefo__lp_free(e->lp);
    if (e->formulated)
        cefo__formulation_free(&e->f);
}

/* Solves the elastic model; with `blocked`, every blocked material may also be discharged at
 * a price far below any violation's, free of emissions: the least each blocked producer must
 * get rid of. */
static cefo_status solve_elastic(const cefo_network *net, const cefo__params *par,
                                 const cefo_options *opt, const unsigned char *blocked,
                                 elastic *e, cefo_error *err)
{
    cefo_status st = cefo__formulate(net, par, 1, &e->f, err);
    if (st != CEFO_OK)
        return st;
    e->formulated = 1;
    for (int j = 0; blocked && j < e->f.ncols; j++)
        if (e->f.cols[j].kind == CEFO__VAR_DISCHARGE && blocked[e->f.cols[j].item])
            e->f.obj[j] = 1e-6;
    cefo__lp_data d = cefo__formulation_data(&e->f);
    st = cefo__lp_load(&e->lp, NULL, &d, err);
    size_t n = 2 * (size_t)e->f.ncols + (size_t)e->f.nrows;
    e->buf = st == CEFO_OK ? cefo__calloc(n, sizeof *e->buf) : NULL;
    if (st == CEFO_OK && !e->buf)
        st = cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    e->sol = (cefo__lp_solution){.x = e->buf, .col_dual = e->buf + e->f.ncols,
                                 .row_dual = e->buf + 2 * (size_t)e->f.ncols};
    cefo_options o;
    cefo_options_init(&o);
    if (opt) { /* the caller's limits, not its method: the elastic model is always feasible */
        o.time_limit = opt->time_limit;
        o.iteration_limit = opt->iteration_limit;
    }
    if (st == CEFO_OK)
        st = cefo__lp_solve(e->lp, &o, &e->sol, err);
    return st;
}

/* The network with every blocked material dischargeable, free of emissions: a copy of the
 * handle sharing everything but its materials (which the caller frees). */
static cefo_status open_outlets(const cefo_network *net, const unsigned char *blocked,
                                cefo_network *copy, cefo_error *err)
{
    *copy = *net;
    copy->materials = cefo__calloc(net->nmaterials + 1, sizeof *copy->materials);
    if (!copy->materials)
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    for (size_t m = 0; m < net->nmaterials; m++) {
        copy->materials[m] = net->materials[m];
        if (blocked[m]) {
            copy->materials[m].discharge_cost = 0;
            copy->materials[m].emissions.n = 0;
        }
    }
    return CEFO_OK;
}

/* "waste 'x' made by 'p' has no outlet: ..." for a discharge the opened model needed. */
static void no_outlet(const cefo_network *net, size_t m, size_t p, double v, cefo__diag_item *d)
{
    const cefo__material *mat = &net->materials[m];
    int waste = mat->kind == CEFO__WASTE;
    *d = (cefo__diag_item){.kind = "no-outlet", .id = mat->id, .unit = mat->unit, .amount = v};
    snprintf(d->message, sizeof d->message,
             "%s '%s' made by '%s' has no outlet: no link, %s, export or discharge (the least "
             "plan makes %g %s of it there)", waste ? "waste" : mat->kind == CEFO__PRODUCT
                                                                ? "product" : "material",
             mat->id, net->processes[p].id, waste ? "treatment" : "consumer", v, mat->unit);
}

/* The producer of blocked material m whose output the opened model had to discharge: the
 * discharge column's own process (linked) or the active blocked producers (pooled). */
static size_t describe_blocked(const cefo_network *net, const cefo__params *par,
                               const elastic *e, const unsigned char *blocked,
                               cefo__diag_item *items)
{
    size_t n = 0;
    for (int j = 0; j < e->f.ncols; j++) {
        const cefo__slot *s = &e->f.cols[j];
        if (s->kind != CEFO__VAR_DISCHARGE || !blocked[s->item] || e->sol.x[j] <= TINY)
            continue;
        for (size_t p = 0; p < net->nprocesses; p++) {
            double made = cefo__terms_amount(&net->processes[p].outputs, s->item)
                          * e->sol.x[e->f.activity_col[p]];
            if ((s->proc == CEFO__NONE || s->proc == p) && made > TINY
                && !has_outlet(net, par, p, s->item) && items)
                no_outlet(net, s->item, p, made, &items[n]);
            n += (s->proc == CEFO__NONE || s->proc == p) && made > TINY
                 && !has_outlet(net, par, p, s->item);
        }
    }
    return n;
}

/* The violations of a solved elastic model into *items (allocated with room for `extra`
 * items first); their number in *n. */
static cefo_status describe_all(const cefo_network *net, const cefo__params *par,
                                const elastic *e, size_t extra, cefo__diag_item **items,
                                size_t *n, cefo_error *err)
{
    size_t count = extra;
    for (int j = 0; e->sol.has_point && j < e->f.ncols; j++)
        count += is_violation(e->f.cols[j].kind) && e->sol.x[j] > TINY;
    *n = 0;
    if (!count)
        return CEFO_OK;
    *items = cefo__calloc(count, sizeof **items);
    if (!*items)
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    *n = extra;
    for (int j = 0; e->sol.has_point && j < e->f.ncols; j++)
        if (is_violation(e->f.cols[j].kind) && e->sol.x[j] > TINY) {
            /* with periods, the blocks of the violation's period */
            size_t t = e->f.cols[j].period;
            cefo__formulation m = cefo__map_at(&e->f, net, t);
            cefo__params q = cefo__params_at(par, net, t);
            ctx c = {cefo__view(net, t), &q, &m, e->sol.x};
            cefo__diag_item *item = &(*items)[(*n)++];
            describe(&c, &e->f.cols[j], e->sol.x[j], item);
            in_period(net, &e->f.cols[j], item);
        }
    return CEFO_OK;
}

/*
 * A process whose output has no outlet (a waste whose sewer link was left out) cannot run;
 * the least violation of the elastic model then points elsewhere (a demand, a cap). So when
 * some output has no outlet, the model is solved again with an outlet opened for it: if that
 * model needs the outlet, the missing outlet is the cause, named first, followed by whatever
 * that model still violates; otherwise the plain diagnosis stands.
 */
cefo_status cefo__diagnose(const cefo_network *net, const cefo__params *par,
                           const cefo_options *opt, cefo__diag_item **items, size_t *n,
                           cefo_error *err)
{
    *items = NULL;
    *n = 0;
    unsigned char *blocked = cefo__calloc(net->nmaterials + 1, 1);
    if (!blocked)
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    elastic e = {0};
    cefo_network opened;
    cefo_status st = CEFO_OK;
    size_t nblocked = 0;
    /* Over several periods the outlets would have to open in every period's network: the
     * plain diagnosis (each violation named with its period) stands there. */
    if (!net->nperiods && find_blocked(net, par, blocked)) {
        st = open_outlets(net, blocked, &opened, err);
        if (st == CEFO_OK)
            st = solve_elastic(&opened, par, opt, blocked, &e, err);
        nblocked = st == CEFO_OK && e.sol.has_point
                       ? describe_blocked(net, par, &e, blocked, NULL) : 0;
        if (nblocked)
            st = describe_all(net, par, &e, nblocked, items, n, err);
        if (nblocked && st == CEFO_OK)
            describe_blocked(net, par, &e, blocked, *items);
        cefo__free(opened.materials);
        done(&e);
        e = (elastic){0};
    }
    if (st == CEFO_OK && !nblocked) {
        st = solve_elastic(net, par, opt, NULL, &e, err);
        if (st == CEFO_OK)
            st = describe_all(net, par, &e, 0, items, n, err);
        done(&e);
    }
    cefo__free(blocked);
    return st;
}
