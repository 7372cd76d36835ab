/* plan.c - the result of a plan over several periods (spec section 6): one result per period
 * and the programme's totals, discounted costs and group trajectories. */
#include <math.h>
#include <string.h>

#include "core/abi.h"
#include "core/alloc.h"
#include "core/error.h"
#include "models/result.h"

/* acc += w * v over n values (a NAN value, "does not exist", leaves acc alone). */
static void add_weighted(double *acc, const double *v, size_t n, double w)
{
    for (size_t i = 0; i < n; i++)
        if (!isnan(v[i]))
            acc[i] += w * v[i];
}

static void fill_nan(double *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = NAN;
}

/*
 * The programme from its periods: amounts (activities, flows, imports, exports, discharges,
 * emissions, demands, indicators) summed over periods x years, resource uses summed as their
 * totals are; costs weighted by years x discount, investments by the discount; a decision
 * chosen when it is on in some period; groups as they end (cefo_result_group). Capacities, caps and per-period shadow prices have no one
 * value over the programme (NAN); a total-scope resource has its bounds and shadow price.
 */
static void sum_periods(cefo_result *r, const cefo__formulation *f, const cefo__params *par,
                        const cefo__lp_solution *sol)
{
    const cefo_network *net = r->net;
    size_t np = net->nprocesses, nl = net->nlinks, nm = net->nmaterials, nk = net->npollutants;
    size_t nr = net->nresources;
    fill_nan(r->capacity, 2 * np); /* capacity, capacity_shadow */
    fill_nan(r->chosen, np);
    fill_nan(r->link_chosen, nl);
    fill_nan(r->shadow, nm);
    fill_nan(r->cap, 2 * nk); /* cap, cap_shadow */
    fill_nan(r->damage, nk);
    fill_nan(r->res_min, 2 * nr); /* res_min, res_max */
    fill_nan(r->res_price, 2 * nr); /* res_price, res_shadow */
    cefo_costs *c = &r->costs;
    cefo_indicators *ind = &r->indicators;
    for (size_t t = 0; t < r->nperiods; t++) {
        const cefo_result *q = r->periods[t];
        const cefo__period *pe = &net->periods[t];
        double y = pe->years, w = q->scale;
        add_weighted(r->activity, q->activity, np, y);
        add_weighted(r->flow, q->flow, nl, y);
        add_weighted(r->import, q->import, 3 * nm, y); /* import, export, discharge */
        add_weighted(r->demand, q->demand, nm, y);
        add_weighted(r->waste, q->waste, 4 * nm, y);
        add_weighted(r->emission, q->emission, nk, y);
        add_weighted(r->use, q->use, nr, 1.0);
        const cefo_costs *qc = &q->costs;
        c->process += w * qc->process;
        c->link += w * qc->link;
        c->import += w * qc->import;
        c->discharge += w * qc->discharge;
        c->pollution += w * qc->pollution;
        c->export_revenue += w * qc->export_revenue;
        c->fixed += w * qc->fixed;
        r->cost_resource += w * q->cost_resource;
        r->cost_investment += pe->discount * q->cost_investment;
        const cefo_indicators *qi = &q->indicators;
        ind->waste_generated += y * qi->waste_generated;
        ind->waste_reused += y * qi->waste_reused;
        ind->waste_treated += y * qi->waste_treated;
        ind->waste_disposed += y * qi->waste_disposed;
        ind->virgin_import += y * qi->virgin_import;
        ind->labour += y * qi->labour;
    }
    /* A decision is part of the programme when it is on in some period. */
    for (size_t t = 0; t < r->nperiods; t++) {
        const cefo_result *q = r->periods[t];
        for (size_t p = 0; p < np; p++)
            if (!isnan(q->chosen[p]) && (isnan(r->chosen[p]) || q->chosen[p] > r->chosen[p]))
                r->chosen[p] = q->chosen[p];
        for (size_t l = 0; l < nl; l++)
            if (!isnan(q->link_chosen[l])
                && (isnan(r->link_chosen[l]) || q->link_chosen[l] > r->link_chosen[l]))
                r->link_chosen[l] = q->link_chosen[l];
    }
    for (size_t i = 0; i < nr; i++)
        if (f->total_col[i] >= 0) {
            r->use[i] = sol->x[f->total_col[i]];
            r->res_min[i] = par->res_min[i];
            r->res_max[i] = par->res_max[i];
            r->res_shadow[i] = isinf(par->res_min[i]) && isinf(par->res_max[i])
                                   ? NAN
                                   : sol->col_dual[f->total_col[i]] + 0.0;
        }
    c->total = c->process + c->link + c->import + c->discharge + c->pollution
               - c->export_revenue + c->fixed + r->cost_resource + r->cost_investment;
    ind->reuse_rate = ind->waste_generated > 0 ? ind->waste_reused / ind->waste_generated : NAN;
}

cefo_status cefo__plan_make(cefo_result **out, const cefo_network *net,
                            const cefo__formulation *f, const cefo__params *par,
                            const cefo__lp_solution *sol, cefo_error *err)
{
    cefo_result *r = cefo__result_alloc(net);
    cefo_status st = r ? CEFO_OK : cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    if (st == CEFO_OK) {
        r->periods = cefo__calloc(net->nperiods, sizeof *r->periods);
        if (!r->periods)
            st = cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    }
    for (size_t t = 0; st == CEFO_OK && t < net->nperiods; t++) {
        cefo__formulation m = cefo__map_at(f, net, t);
        cefo__params q = cefo__params_at(par, net, t);
        st = cefo__result_make_one(&r->periods[t], net->views[t], &m, &q, sol, 1, t,
                                   f->scale[t], err);
        r->nperiods += st == CEFO_OK;
    }
    if (st == CEFO_OK) {
        r->periodic = 1;
        r->scale = 1.0;
        r->status = sol->status;
        r->iterations = (int)sol->iterations;
        r->mip = sol->mip;
        r->gap = sol->mip && sol->has_point ? sol->gap : NAN;
        r->objective = sol->has_point ? sol->objective : NAN;
        if (sol->has_point) {
            sum_periods(r, f, par, sol);
        } else {
            fill_nan(r->block, 4 * net->nprocesses + 2 * net->nlinks + 5 * net->nmaterials
                                   + 4 * net->npollutants + 5 * net->nresources);
            double nan = NAN;
            r->costs = (cefo_costs){nan, nan, nan, nan, nan, nan, nan, nan};
            r->indicators = (cefo_indicators){nan, nan, nan, nan, nan, nan, nan};
            fill_nan(r->waste, 4 * net->nmaterials);
            r->cost_resource = r->cost_investment = NAN;
        }
        st = cefo__breakdown(r, err);
        if (st == CEFO_OK)
            st = cefo__indicators(r, err);
    }
    if (st != CEFO_OK) {
        cefo_result_free(r);
        return st;
    }
    *out = r;
    return CEFO_OK;
}

size_t cefo_network_period_count(const cefo_network *net)
{
    return net ? net->nperiods : 0;
}

const char *cefo_network_period_id(const cefo_network *net, size_t t)
{
    return net && t < net->nperiods ? net->periods[t].id : NULL;
}

size_t cefo_result_period_count(const cefo_result *res)
{
    return res ? res->nperiods : 0;
}

const cefo_result *cefo_result_period(const cefo_result *res, size_t t)
{
    return res && t < res->nperiods ? res->periods[t] : NULL;
}

static cefo_status result_period_info(const cefo_result *res, size_t t, cefo_period_info *out)
{
    if (!res || !out || t >= res->nperiods)
        return CEFO_ERR_ARG;
    const cefo__period *p = &res->net->periods[t];
    const cefo_result *q = res->periods[t];
    double running = q->costs.total - q->cost_investment;
    *out = (cefo_period_info){p->id, p->years, p->start, p->discount, q->objective,
                              q->scale * running + p->discount * q->cost_investment};
    return CEFO_OK;
}

cefo_status cefo_result_trajectory_sized(const cefo_result *res, size_t group, size_t t,
                                         cefo_group_result *row, size_t size)
{
    if (!res || t >= res->nperiods)
        return CEFO_ERR_ARG;
    return cefo_result_group_sized(res->periods[t], group, row, size);
}

CEFO_API cefo_status(cefo_result_trajectory)(const cefo_result *res, size_t group, size_t t,
                                             cefo_group_result *row);
CEFO_API cefo_status(cefo_result_trajectory)(const cefo_result *res, size_t group, size_t t,
                                             cefo_group_result *row)
{
    return cefo_result_trajectory_sized(res, group, t, row, CEFO__END(cefo_group_result,
                                                                       fixed_cost));
}

/* The public accessors over the structs of any version (core/abi.h). */
CEFO__ABI_INDEXED(cefo_result_period_info, result_period_info, cefo_result,
                  cefo_period_info, discounted)
