/* diagnose.c - why an infeasible model has no plan, from its elastic version. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "models/result.h"

/* Violations below this are LP round-off, not advice. */
#define TINY 1e-7

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

static int is_violation(cefo__var_kind k)
{
    return k >= CEFO__VAR_SHORT && k <= CEFO__VAR_RES_UNDER;
}

cefo_status cefo__diagnose(const cefo_network *net, const cefo__params *par,
                           const cefo_options *opt, cefo__diag_item **items, size_t *n,
                           cefo_error *err)
{
    cefo__formulation f;
    cefo__lp *lp = NULL;
    double *buf = NULL;
    *items = NULL;
    *n = 0;
    cefo_status st = cefo__formulate(net, par, 1, &f, err);
    if (st != CEFO_OK)
        return st;
    cefo__lp_data d = cefo__formulation_data(&f);
    st = cefo__lp_load(&lp, NULL, &d, err);
    buf = st == CEFO_OK ? cefo__calloc(2 * (size_t)f.ncols + (size_t)f.nrows, sizeof *buf) : NULL;
    if (st == CEFO_OK && !buf)
        st = cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    cefo__lp_solution sol = {.x = buf, .col_dual = buf + f.ncols,
                             .row_dual = buf + 2 * (size_t)f.ncols};
    cefo_options o;
    cefo_options_init(&o);
    if (opt) { /* the caller's limits, not its method: the elastic model is always feasible */
        o.time_limit = opt->time_limit;
        o.iteration_limit = opt->iteration_limit;
    }
    if (st == CEFO_OK)
        st = cefo__lp_solve(lp, &o, &sol, err);
    size_t count = 0;
    for (int j = 0; st == CEFO_OK && sol.has_point && j < f.ncols; j++)
        count += is_violation(f.cols[j].kind) && sol.x[j] > TINY;
    if (st == CEFO_OK && count) {
        *items = cefo__calloc(count, sizeof **items);
        if (!*items)
            st = cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    }
    ctx c = {net, par, &f, sol.x};
    for (int j = 0; st == CEFO_OK && *items && j < f.ncols; j++)
        if (is_violation(f.cols[j].kind) && sol.x[j] > TINY)
            describe(&c, &f.cols[j], sol.x[j], &(*items)[(*n)++]);
    cefo__free(buf);
    cefo__lp_free(lp);
    cefo__formulation_free(&f);
    return st;
}
