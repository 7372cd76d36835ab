/* result.c - turns LP values into flows, costs, shadow prices and the spec's indicators. */
#include "models/result.h"

#include <math.h>
#include <string.h>

#include "core/abi.h"
#include "core/alloc.h"
#include "core/error.h"

cefo_result *cefo__result_alloc(const cefo_network *net)
{
    size_t np = net->nprocesses, nl = net->nlinks, nm = net->nmaterials, nk = net->npollutants;
    size_t nr = net->nresources;
    cefo_result *r = cefo__calloc(1, sizeof *r);
    double *d = cefo__calloc(4 * np + 2 * nl + 5 * nm + 4 * nk + 5 * nr, sizeof *d);
    double *waste = cefo__calloc(4 * nm + 1, sizeof *waste);
    if (!r || !d || !waste) {
        cefo__free(r);
        cefo__free(d);
        cefo__free(waste);
        return NULL;
    }
    r->waste = waste;
    r->block = d;
    r->activity = d, d += np;
    r->capacity = d, d += np;
    r->capacity_shadow = d, d += np;
    r->chosen = d, d += np;
    r->flow = d, d += nl;
    r->link_chosen = d, d += nl;
    r->import = d, d += nm;
    r->export = d, d += nm;
    r->discharge = d, d += nm;
    r->demand = d, d += nm;
    r->shadow = d, d += nm;
    r->emission = d, d += nk;
    r->cap = d, d += nk;
    r->cap_shadow = d, d += nk;
    r->damage = d, d += nk;
    r->use = d, d += nr;
    r->res_min = d, d += nr;
    r->res_max = d, d += nr;
    r->res_price = d, d += nr;
    r->res_shadow = d;
    r->net = net;
    return r;
}

/* d objective / d upper bound of a column: its reduced cost when it sits at that bound. */
static double upper_bound_shadow(double ub, double reduced_cost)
{
    if (isinf(ub))
        return NAN;
    return reduced_cost < 0 ? reduced_cost : 0.0;
}

static void read_columns(cefo_result *r, const cefo__formulation *f, const cefo__lp_solution *s)
{
    for (int j = 0; j < f->ncols; j++) {
        const cefo__slot *c = &f->cols[j];
        double v = s->x[j];
        if (c->period != r->period)
            continue;
        switch (c->kind) {
        case CEFO__VAR_ACTIVITY: r->activity[c->item] = v; break;
        case CEFO__VAR_FLOW: r->flow[c->item] = v; break;
        case CEFO__VAR_IMPORT: r->import[c->item] += v; break;
        case CEFO__VAR_EXPORT: r->export[c->item] += v; break;
        case CEFO__VAR_DISCHARGE: r->discharge[c->item] += v; break;
        case CEFO__VAR_SALE: break;
        case CEFO__VAR_EMISSION: r->emission[c->item] = v; break;
        case CEFO__VAR_BUILD: r->chosen[c->item] = round(v); break;
        case CEFO__VAR_LINK_BUILD: r->link_chosen[c->item] = round(v); break;
        case CEFO__VAR_USE: r->use[c->item] = v; break;
        case CEFO__VAR_SWITCH_ON:
            r->cost_investment += r->net->processes[c->item].investment * round(v);
            break;
        case CEFO__VAR_LINK_SWITCH_ON:
            r->cost_investment += r->net->links[c->item].investment * round(v);
            break;
        default: break; /* the elastic model's violations are read by the diagnosis */
        }
    }
}

static void costs_and_indicators(cefo_result *r)
{
    const cefo_network *net = r->net;
    cefo_costs *c = &r->costs;
    cefo_indicators *ind = &r->indicators;
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__process *pr = &net->processes[p];
        double x = r->activity[p];
        c->process += pr->cost * x;
        ind->labour += pr->labour * x;
        for (size_t t = 0; t < pr->outputs.n; t++)
            if (net->materials[pr->outputs.v[t].item].kind == CEFO__WASTE)
                ind->waste_generated += pr->outputs.v[t].amount * x;
        for (size_t t = 0; t < pr->inputs.n; t++) {
            if (net->materials[pr->inputs.v[t].item].kind != CEFO__WASTE)
                continue;
            double used = pr->inputs.v[t].amount * x;
            if (pr->kind == CEFO__TREATMENT)
                ind->waste_treated += used;
            else if (pr->kind == CEFO__DISPOSAL)
                ind->waste_disposed += used;
            else
                ind->waste_reused += used;
        }
    }
    for (size_t l = 0; l < net->nlinks; l++) {
        c->link += net->links[l].cost * r->flow[l];
        if (net->links[l].optional)
            c->fixed += net->links[l].fixed_cost * r->link_chosen[l];
    }
    for (size_t p = 0; p < net->nprocesses; p++)
        if (cefo__process_is_decision(&net->processes[p]))
            c->fixed += net->processes[p].fixed_cost * r->chosen[p];
    for (size_t m = 0; m < net->nmaterials; m++) {
        const cefo__material *mat = &net->materials[m];
        if (r->import[m] != 0)
            c->import += mat->import_cost * r->import[m];
        if (r->export[m] != 0)
            c->export_revenue += mat->export_price * r->export[m];
        if (r->discharge[m] != 0)
            c->discharge += mat->discharge_cost * r->discharge[m];
        if (mat->kind == CEFO__WASTE)
            ind->waste_disposed += r->discharge[m];
        ind->virgin_import += r->import[m];
    }
    for (size_t k = 0; k < net->npollutants; k++)
        c->pollution += r->damage[k] * r->emission[k];
    r->cost_resource = 0;
    for (size_t i = 0; i < net->nresources; i++)
        r->cost_resource += r->res_price[i] * r->use[i];
    c->total = c->process + c->link + c->import + c->discharge + c->pollution
               - c->export_revenue + c->fixed + r->cost_resource + r->cost_investment;
    ind->reuse_rate = ind->waste_generated > 0 ? ind->waste_reused / ind->waste_generated : NAN;
    cefo__waste_amounts(r);
}

/*
 * A plan is only reported when every number of it is finite: inputs are bounded (io/number.h)
 * but a chain of recipes can still multiply activities past the largest double, and GLPK then
 * calls the point optimal. The error names the first element whose value, cost or shadow price
 * overflows (NAN stands for "does not exist" only where a bound is infinite).
 */
static int overflows(double v)
{
    return !isfinite(v);
}

static cefo_status overflow_error(const cefo_network *net, int line, const char *element,
                                  const char *what, const char *id, cefo_error *err)
{
    return cefo__error(err, CEFO_ERR_INVALID, net->file, line, element,
                       "%s '%s': its %s overflows (beyond 1.8e308): the network's numbers span "
                       "too many orders of magnitude; rescale its units", element, id, what);
}

static cefo_status check_finite(const cefo_result *r, int has_duals, cefo_error *err)
{
    const cefo_network *net = r->net;
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__process *pr = &net->processes[p];
        double x = r->activity[p], cs = r->capacity_shadow[p];
        const char *what = overflows(x)                     ? "activity"
                           : overflows(pr->cost * x)        ? "cost"
                           : overflows(pr->labour * x)      ? "labour"
                           : has_duals && (isinf(cs) || (isnan(cs) && isfinite(r->capacity[p])))
                               ? "shadow price"
                                                            : NULL;
        if (what)
            return overflow_error(net, pr->line, "process", what, pr->id, err);
    }
    for (size_t l = 0; l < net->nlinks; l++) {
        const cefo__link *ln = &net->links[l];
        if (overflows(r->flow[l]) || overflows(ln->cost * r->flow[l]))
            return overflow_error(net, ln->line, "link", "flow",
                                  net->materials[ln->material].id, err);
    }
    for (size_t m = 0; m < net->nmaterials; m++) {
        const cefo__material *mat = &net->materials[m];
        double v[] = {r->import[m], r->export[m], r->discharge[m]};
        double price[] = {mat->import_cost, mat->export_price, mat->discharge_cost};
        const char *what = has_duals && overflows(r->shadow[m]) ? "shadow price" : NULL;
        for (int i = 0; i < 3 && !what; i++)
            if (overflows(v[i]) || (v[i] != 0 && overflows(price[i] * v[i])))
                what = i == 0 ? "import" : i == 1 ? "export" : "discharge";
        if (what)
            return overflow_error(net, mat->line, "material", what, mat->id, err);
    }
    for (size_t k = 0; k < net->npollutants; k++) {
        const cefo__pollutant *pl = &net->pollutants[k];
        double e = r->emission[k], cs = r->cap_shadow[k];
        if (overflows(e) || overflows(r->damage[k] * e)
            || (has_duals && (isinf(cs) || (isnan(cs) && isfinite(r->cap[k])))))
            return overflow_error(net, pl->line, "pollutant", "emission", pl->id, err);
    }
    const cefo_costs *c = &r->costs;
    const cefo_indicators *ind = &r->indicators;
    double totals[] = {r->objective, c->total, ind->waste_generated, ind->waste_reused,
                       ind->waste_treated, ind->waste_disposed, ind->virgin_import, ind->labour};
    for (size_t i = 0; i < sizeof totals / sizeof *totals; i++)
        if (overflows(totals[i]))
            return cefo__error(err, CEFO_ERR_INVALID, net->file, 0, NULL,
                               "the plan's totals overflow (beyond 1.8e308): the network's "
                               "numbers span too many orders of magnitude; rescale its units");
    return CEFO_OK;
}

static void fill_nan(double *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = NAN;
}

static cefo_status finish(cefo_result *r, cefo_result **out, cefo_error *err)
{
    cefo_status st = cefo__breakdown(r, err);
    if (st == CEFO_OK)
        st = cefo__indicators(r, err);
    if (st != CEFO_OK) {
        cefo_result_free(r);
        return st;
    }
    *out = r;
    return CEFO_OK;
}

/*
 * One plan from the LP values: of a single-period network, or of period t of a plan over
 * several (net its view, f and par its blocks; `scale` its years x discount, by which its
 * duals are divided into that period's money per year, and its objective its own costs).
 */
cefo_status cefo__result_make_one(cefo_result **out, const cefo_network *net,
                                  const cefo__formulation *f, const cefo__params *par,
                                  const cefo__lp_solution *sol, int periodic, size_t t,
                                  double scale, cefo_error *err)
{
    cefo_result *r = cefo__result_alloc(net);
    if (!r)
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    r->periodic = periodic;
    r->period = t;
    r->scale = scale;
    size_t np = net->nprocesses, nm = net->nmaterials, nk = net->npollutants;
    r->status = sol->status;
    r->iterations = sol->iterations;
    r->mip = sol->mip;
    r->gap = sol->mip && sol->has_point ? sol->gap : NAN;
    fill_nan(r->chosen, np);
    fill_nan(r->link_chosen, net->nlinks);
    memcpy(r->capacity, par->capacity, np * sizeof *r->capacity);
    memcpy(r->demand, par->demand, nm * sizeof *r->demand);
    memcpy(r->cap, par->cap, nk * sizeof *r->cap);
    memcpy(r->damage, par->damage, nk * sizeof *r->damage);
    size_t nr = net->nresources;
    memcpy(r->res_min, par->res_min, nr * sizeof *r->res_min);
    memcpy(r->res_max, par->res_max, nr * sizeof *r->res_max);
    memcpy(r->res_price, par->res_price, nr * sizeof *r->res_price);
    for (size_t i = 0; i < nr; i++)
        if (net->resources[i].total) { /* bounded over the programme, not in a period */
            r->res_min[i] = -INFINITY;
            r->res_max[i] = INFINITY;
        }
    if (!sol->has_point) {
        /* No plan to report: every value is "does not exist". */
        r->objective = NAN;
        fill_nan(r->activity, np);
        fill_nan(r->capacity_shadow, np);
        fill_nan(r->flow, net->nlinks);
        fill_nan(r->import, 3 * nm); /* import, export, discharge are contiguous */
        fill_nan(r->shadow, nm);
        fill_nan(r->emission, nk);
        fill_nan(r->cap_shadow, nk);
        fill_nan(r->use, nr);
        fill_nan(r->res_shadow, nr);
        r->cost_resource = r->cost_investment = NAN;
        double nan = NAN;
        r->costs = (cefo_costs){nan, nan, nan, nan, nan, nan, nan, nan};
        r->indicators = (cefo_indicators){nan, nan, nan, nan, nan, nan, nan};
        fill_nan(r->waste, 4 * nm);
        return finish(r, out, err);
    }
    r->objective = sol->objective;
    read_columns(r, f, sol);
    for (size_t p = 0; p < np; p++) {
        r->capacity_shadow[p] = upper_bound_shadow(par->capacity[p],
                                                   sol->col_dual[f->activity_col[p]] / scale);
        /* A decision's capacity also binds through x - cap y <= 0 (y fixed for the duals). */
        if (f->cap_row[p] >= 0)
            r->capacity_shadow[p] = r->chosen[p] > 0.5 ? r->capacity_shadow[p]
                                                             + sol->row_dual[f->cap_row[p]] / scale
                                                       : 0.0;
    }
    for (size_t m = 0; m < nm; m++)
        r->shadow[m] = sol->row_dual[f->demand_row[m]] / scale;
    for (size_t k = 0; k < nk; k++)
        r->cap_shadow[k] = upper_bound_shadow(par->cap[k],
                                              sol->col_dual[f->emission_col[k]] / scale);
    /* U_r sits at its binding bound with that bound's d objective / d bound as reduced cost
     * (<= 0 for a max, >= 0 for a min), or strictly inside them with 0. In a MIP, a resource
     * used by decisions only is a constant of the LP with the decisions fixed: moving its
     * bound changes nothing there (0), whatever degenerate dual that LP happens to report. */
    for (size_t i = 0; i < nr; i++)
        r->res_shadow[i] = isinf(par->res_min[i]) && isinf(par->res_max[i]) ? NAN
                           : net->resources[i].total                 ? NAN
                           : sol->mip && f->use_on_decisions_only[i] ? 0.0
                                                      : sol->col_dual[f->use_col[i]] / scale + 0.0;
    costs_and_indicators(r);
    if (periodic)
        r->objective = r->costs.total;
    cefo_status st = check_finite(r, sol->has_duals, err);
    if (st != CEFO_OK) {
        cefo_result_free(r);
        return st;
    }
    return finish(r, out, err);
}

cefo_status cefo__result_make(cefo_result **out, const cefo_network *net,
                              const cefo__formulation *f, const cefo__params *par,
                              const cefo__lp_solution *sol, cefo_error *err)
{
    if (net->nperiods)
        return cefo__plan_make(out, net, f, par, sol, err);
    return cefo__result_make_one(out, net, f, par, sol, 0, 0, 1.0, err);
}

void cefo_result_free(cefo_result *res)
{
    if (!res)
        return;
    for (size_t t = 0; t < res->nperiods; t++)
        cefo_result_free(res->periods[t]);
    cefo__free(res->periods);
    cefo__breakdown_free(res);
    cefo__free(res->block);
    cefo__free(res->diag);
    cefo__free(res->waste);
    cefo__free(res->ind);
    cefo__free(res);
}

cefo_solve_status cefo_result_status(const cefo_result *res)
{
    return res ? res->status : CEFO_SOLVE_UNDEFINED;
}

double cefo_result_objective(const cefo_result *res)
{
    return res ? res->objective : NAN;
}

const char *cefo_solve_status_name(cefo_solve_status s)
{
    switch (s) {
    case CEFO_SOLVE_OPTIMAL: return "optimal";
    case CEFO_SOLVE_INFEASIBLE: return "infeasible";
    case CEFO_SOLVE_UNBOUNDED: return "unbounded";
    case CEFO_SOLVE_ITERATION_LIMIT: return "iteration-limit";
    case CEFO_SOLVE_TIME_LIMIT: return "time-limit";
    case CEFO_SOLVE_GAP_LIMIT: return "gap-limit";
    case CEFO_SOLVE_UNDEFINED: break;
    }
    return "undefined";
}

const char *cefo_solve_status_words(cefo_solve_status s)
{
    switch (s) {
    case CEFO_SOLVE_OPTIMAL: return "optimal";
    case CEFO_SOLVE_INFEASIBLE: return "the model is infeasible";
    case CEFO_SOLVE_UNBOUNDED: return "the model is unbounded";
    case CEFO_SOLVE_ITERATION_LIMIT: return "stopped at the iteration limit";
    case CEFO_SOLVE_TIME_LIMIT: return "stopped at the time limit";
    case CEFO_SOLVE_GAP_LIMIT: return "stopped within the requested gap";
    case CEFO_SOLVE_UNDEFINED: break;
    }
    return "the solver stopped without a verdict";
}

size_t cefo_result_count(const cefo_result *res, cefo_item kind)
{
    return res ? cefo_network_count(res->net, kind) : 0;
}

static cefo_status result_process(const cefo_result *res, size_t i, cefo_process_result *row)
{
    if (!res || !row || i >= res->net->nprocesses)
        return CEFO_ERR_ARG;
    const cefo__process *p = &res->net->processes[i];
    int chosen = !cefo__process_is_decision(p) ? -1 : isnan(res->chosen[i]) ? -2
                                                                             : res->chosen[i] > 0.5;
    *row = (cefo_process_result){p->id,           cefo__process_kind_name(p->kind),
                                 res->activity[i], res->capacity[i],
                                 res->capacity_shadow[i], chosen,
                                 p->group,        p->variant};
    return CEFO_OK;
}

static cefo_status result_link(const cefo_result *res, size_t i, cefo_link_result *row)
{
    if (!res || !row || i >= res->net->nlinks)
        return CEFO_ERR_ARG;
    const cefo_network *net = res->net;
    const cefo__link *l = &net->links[i];
    int chosen = !l->optional ? -1 : isnan(res->link_chosen[i]) ? -2 : res->link_chosen[i] > 0.5;
    *row = (cefo_link_result){net->processes[l->from].id, net->processes[l->to].id,
                              net->materials[l->material].id, res->flow[i], l->capacity, chosen};
    return CEFO_OK;
}

static cefo_status result_material(const cefo_result *res, size_t i, cefo_material_result *row)
{
    if (!res || !row || i >= res->net->nmaterials)
        return CEFO_ERR_ARG;
    const cefo__material *m = &res->net->materials[i];
    *row = (cefo_material_result){m->id, m->unit, cefo__material_kind_name(m->kind),
                                  res->import[i], res->export[i], res->discharge[i],
                                  res->demand[i], res->shadow[i]};
    return CEFO_OK;
}

static cefo_status result_pollutant(const cefo_result *res, size_t i, cefo_pollutant_result *row)
{
    if (!res || !row || i >= res->net->npollutants)
        return CEFO_ERR_ARG;
    const cefo__pollutant *k = &res->net->pollutants[i];
    *row = (cefo_pollutant_result){k->id, k->unit, res->emission[i], res->cap[i],
                                   res->damage[i], res->cap_shadow[i]};
    return CEFO_OK;
}

/* Activity above LP noise, relative to the process's capacity (GLPK's tolerances are ~1e-7
 * relative; an activity at its bound 0 is exactly 0). */
static int runs(const cefo_result *res, size_t p)
{
    double cap = res->capacity[p];
    return fabs(res->activity[p]) > 1e-9 * (isfinite(cap) && fabs(cap) > 1 ? fabs(cap) : 1);
}

static cefo_status result_resource(const cefo_result *res, size_t i, cefo_resource_result *row)
{
    if (!res || !row || i >= res->net->nresources)
        return CEFO_ERR_ARG;
    const cefo__resource *r = &res->net->resources[i];
    *row = (cefo_resource_result){r->id,          r->unit,          r->name,
                                  res->use[i],    res->res_min[i],  res->res_max[i],
                                  res->res_price[i], res->res_shadow[i]};
    return CEFO_OK;
}

static cefo_status result_group(const cefo_result *res, size_t i, cefo_group_result *row)
{
    if (!res || !row || i >= res->net->ngroups)
        return CEFO_ERR_ARG;
    if (res->nperiods) /* a programme's groups: their state at its end */
        return cefo_result_group(res->periods[res->nperiods - 1], i, row);
    const cefo_network *net = res->net;
    *row = (cefo_group_result){net->groups[i], NULL, NULL, 0.0};
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__process *pr = &net->processes[p];
        if (!pr->group || pr->group_index != i || !(res->chosen[p] > 0.5))
            continue;
        /* A member switched on but producing nothing (a tie: its fixed cost is 0 and another
         * plan costs the same) leaves a single-period firm closed: the group reports what
         * runs, not the binary. The fixed cost it was switched on with is still the one paid. */
        row->fixed_cost = pr->fixed_cost;
        /* Over several periods the 0/1 decision is the firm's state, which irreversible
         * orders constrain: a member on but idle in a period keeps the firm open. */
        if (runs(res, p) || res->periodic) {
            row->chosen = pr->id;
            row->variant = pr->variant;
        }
    }
    if (isnan(res->objective))
        row->fixed_cost = NAN;
    return CEFO_OK;
}

size_t cefo_result_diagnosis_count(const cefo_result *res)
{
    return res ? res->ndiag : 0;
}

static cefo_status result_diagnosis(const cefo_result *res, size_t i, cefo_diagnosis_item *out)
{
    if (!res || !out || i >= res->ndiag)
        return CEFO_ERR_ARG;
    const cefo__diag_item *d = &res->diag[i];
    *out = (cefo_diagnosis_item){d->kind, d->id, d->amount, d->unit, d->message};
    return CEFO_OK;
}

double cefo_result_gap(const cefo_result *res)
{
    return res && res->mip ? res->gap : NAN;
}

static cefo_status result_costs(const cefo_result *res, cefo_costs *out)
{
    if (!res || !out)
        return CEFO_ERR_ARG;
    *out = res->costs;
    return CEFO_OK;
}

static cefo_status result_indicators(const cefo_result *res, cefo_indicators *out)
{
    if (!res || !out)
        return CEFO_ERR_ARG;
    *out = res->indicators;
    return CEFO_OK;
}

/* The public accessors over the structs of any version (core/abi.h). */
CEFO__ABI_INDEXED(cefo_result_process, result_process, cefo_result, cefo_process_result, variant)
CEFO__ABI_INDEXED(cefo_result_link, result_link, cefo_result, cefo_link_result, chosen)
CEFO__ABI_INDEXED(cefo_result_material, result_material, cefo_result,
                  cefo_material_result, shadow_price)
CEFO__ABI_INDEXED(cefo_result_pollutant, result_pollutant, cefo_result,
                  cefo_pollutant_result, shadow_price)
CEFO__ABI_INDEXED(cefo_result_resource, result_resource, cefo_result,
                  cefo_resource_result, shadow_price)
CEFO__ABI_INDEXED(cefo_result_group, result_group, cefo_result, cefo_group_result, fixed_cost)
CEFO__ABI_INDEXED(cefo_result_diagnosis, result_diagnosis, cefo_result,
                  cefo_diagnosis_item, message)
CEFO__ABI_WHOLE(cefo_result_costs, result_costs, cefo_result, cefo_costs, total)
CEFO__ABI_WHOLE(cefo_result_indicators, result_indicators, cefo_result, cefo_indicators, labour)
