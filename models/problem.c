/* problem.c - the public problem lifecycle: build, solve, update in place, free. */
#include <math.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "models/result.h"

struct cefo_problem {
    const cefo_network *net;
    cefo__formulation f;
    cefo__lp *lp;
    cefo__params par;
    double *par_block;
    cefo__lp_solution sol;
    double *sol_block;
};

const cefo_network *cefo__problem_network(const cefo_problem *prob)
{
    return prob->net;
}

const cefo__formulation *cefo__problem_formulation(const cefo_problem *prob)
{
    return &prob->f;
}

cefo__lp *cefo__problem_lp(cefo_problem *prob)
{
    return prob->lp;
}

cefo__lp_solution *cefo__problem_solution(cefo_problem *prob)
{
    return &prob->sol;
}

void cefo_problem_free(cefo_problem *prob)
{
    if (!prob)
        return;
    cefo__lp_free(prob->lp);
    cefo__formulation_free(&prob->f);
    cefo__free(prob->par_block);
    cefo__free(prob->sol_block);
    cefo__free(prob);
}

static int alloc_buffers(cefo_problem *p)
{
    const cefo_network *net = p->net;
    size_t np = net->nprocesses, nm = net->nmaterials, nk = net->npollutants;
    size_t nr = net->nresources;
    p->par_block = cefo__calloc(np + nm + 2 * nk + 3 * nr, sizeof(double));
    p->sol_block = cefo__calloc(2 * (size_t)p->f.ncols + (size_t)p->f.nrows, sizeof(double));
    if (!p->par_block || !p->sol_block)
        return -1;
    double *d = p->par_block;
    p->par.capacity = d, d += np;
    p->par.demand = d, d += nm;
    p->par.damage = d, d += nk;
    p->par.cap = d, d += nk;
    p->par.res_min = d, d += nr;
    p->par.res_max = d, d += nr;
    p->par.res_price = d;
    for (size_t i = 0; i < nr; i++) {
        p->par.res_min[i] = net->resources[i].min;
        p->par.res_max[i] = net->resources[i].max;
        p->par.res_price[i] = net->resources[i].price;
    }
    for (size_t i = 0; i < np; i++)
        p->par.capacity[i] = net->processes[i].capacity;
    for (size_t i = 0; i < nm; i++)
        p->par.demand[i] = net->materials[i].demand;
    for (size_t i = 0; i < nk; i++) {
        p->par.damage[i] = net->pollutants[i].damage_cost;
        p->par.cap[i] = net->pollutants[i].cap;
    }
    p->sol.x = p->sol_block;
    p->sol.col_dual = p->sol_block + p->f.ncols;
    p->sol.row_dual = p->sol_block + 2 * (size_t)p->f.ncols;
    return 0;
}

cefo_status cefo_problem_build(cefo_problem **out, const cefo_network *net, cefo_error *err)
{
    if (!out || !net)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no network");
    cefo_problem *p = cefo__calloc(1, sizeof *p);
    if (!p)
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    p->net = net;
    cefo_status st = cefo__formulate(net, NULL, 0, &p->f, err);
    if (st == CEFO_OK && alloc_buffers(p) != 0)
        st = cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    if (st == CEFO_OK) {
        cefo__lp_data d = cefo__formulation_data(&p->f);
        st = cefo__lp_load(&p->lp, NULL, &d, err);
    }
    if (st != CEFO_OK) {
        cefo_problem_free(p);
        return st;
    }
    cefo__formulation_drop_data(&p->f);
    *out = p;
    return CEFO_OK;
}

cefo_status cefo_problem_solve(cefo_problem *prob, const cefo_options *opt, cefo_result **out,
                               cefo_error *err)
{
    if (!prob || !out)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no problem or no result pointer");
    cefo_status st = cefo__lp_solve(prob->lp, opt, &prob->sol, err);
    cefo_result *res = NULL;
    if (st == CEFO_OK)
        st = cefo__result_make(&res, prob->net, &prob->f, &prob->par, &prob->sol, err);
    if (st == CEFO_OK && res->status == CEFO_SOLVE_INFEASIBLE && (!opt || opt->diagnose))
        st = cefo__diagnose(prob->net, &prob->par, opt, &res->diag, &res->ndiag, err);
    if (st != CEFO_OK) {
        cefo_result_free(res);
        return st;
    }
    *out = res;
    return CEFO_OK;
}

static int bad_value(double v, int may_be_inf)
{
    return isnan(v) || v < 0 || (!may_be_inf && isinf(v));
}

/*
 * Capacity terms of resources: a decision's capacity is its coefficient in the resource rows,
 * and a process without a decision adds capacity x amount to a row's constant. With `check`,
 * only says whether `cap` can be set (an infinite capacity cannot be counted); else applies it.
 */
static cefo_status resource_capacity(cefo_problem *prob, size_t p, double cap, int check)
{
    const cefo_network *net = prob->net;
    int y = prob->f.build_col[p];
    cefo_status st = CEFO_OK;
    for (size_t r = 0; r < net->nresources && st == CEFO_OK; r++) {
        double per = cefo__resource_coef(net, r, p, 1, 1.0) - cefo__resource_coef(net, r, p, 1, 0);
        if (per == 0)
            continue;
        if (check) {
            if (isinf(cap))
                st = CEFO_ERR_ARG;
            continue;
        }
        int row = prob->f.use_row[r];
        if (y >= 0) {
            st = cefo__lp_set_coef(prob->lp, row, y, cefo__resource_coef(net, r, p, 1, cap), NULL);
            continue;
        }
        double old = prob->par.capacity[p];
        prob->par.capacity[p] = cap;
        double c = cefo__resource_constant(net, r, prob->par.capacity);
        prob->par.capacity[p] = old;
        st = cefo__lp_set_row_bounds(prob->lp, row, -c, -c, NULL);
    }
    return st;
}

cefo_status cefo_problem_set_capacity(cefo_problem *prob, size_t process, double cap)
{
    if (!prob || process >= prob->net->nprocesses || bad_value(cap, 1)
        || cap < prob->net->processes[process].min)
        return CEFO_ERR_ARG;
    int row = prob->f.cap_row[process];
    if (row >= 0 && isinf(cap))
        return CEFO_ERR_ARG; /* a build/keep decision needs a finite capacity */
    /* A decision's capacity is also the coefficient of its 0/1 column in x - cap y <= 0. */
    double lb = row >= 0 ? 0.0 : prob->net->processes[process].min;
    cefo_status st = resource_capacity(prob, process, cap, 1);
    if (st == CEFO_OK)
        st = cefo__lp_set_col_bounds(prob->lp, prob->f.activity_col[process], lb, cap, NULL);
    if (st == CEFO_OK && row >= 0)
        st = cefo__lp_set_coef(prob->lp, row, prob->f.build_col[process], -cap, NULL);
    if (st == CEFO_OK)
        st = resource_capacity(prob, process, cap, 0);
    if (st == CEFO_OK)
        prob->par.capacity[process] = cap;
    return st;
}

cefo_status cefo_problem_set_demand(cefo_problem *prob, size_t material, double amount)
{
    if (!prob || material >= prob->net->nmaterials || bad_value(amount, 0))
        return CEFO_ERR_ARG;
    cefo_status st = cefo__lp_set_row_bounds(prob->lp, prob->f.demand_row[material], amount,
                                             amount, NULL);
    if (st == CEFO_OK)
        prob->par.demand[material] = amount;
    return st;
}

cefo_status cefo_problem_set_damage_cost(cefo_problem *prob, size_t pollutant, double cost)
{
    if (!prob || pollutant >= prob->net->npollutants || bad_value(cost, 0))
        return CEFO_ERR_ARG;
    cefo_status st = cefo__lp_set_obj(prob->lp, prob->f.emission_col[pollutant], cost, NULL);
    if (st == CEFO_OK)
        prob->par.damage[pollutant] = cost;
    return st;
}

cefo_status cefo_problem_set_cap(cefo_problem *prob, size_t pollutant, double cap)
{
    if (!prob || pollutant >= prob->net->npollutants || bad_value(cap, 1))
        return CEFO_ERR_ARG;
    cefo_status st = cefo__lp_set_col_bounds(prob->lp, prob->f.emission_col[pollutant], 0, cap,
                                             NULL);
    if (st == CEFO_OK)
        prob->par.cap[pollutant] = cap;
    return st;
}

cefo_status cefo_problem_set_resource(cefo_problem *prob, size_t resource, double min,
                                      double max, double price)
{
    if (!prob || resource >= prob->net->nresources || isnan(min) || isnan(max) || min > max
        || !isfinite(price) || min == INFINITY || max == -INFINITY)
        return CEFO_ERR_ARG;
    int j = prob->f.use_col[resource];
    cefo_status st = cefo__lp_set_col_bounds(prob->lp, j, min, max, NULL);
    if (st == CEFO_OK)
        st = cefo__lp_set_obj(prob->lp, j, price, NULL);
    if (st == CEFO_OK) {
        prob->par.res_min[resource] = min;
        prob->par.res_max[resource] = max;
        prob->par.res_price[resource] = price;
    }
    return st;
}

/* A resource's "min", "max" or "price" (a finite number) in place. */
static cefo_status set_resource_attr(cefo_problem *prob, size_t r, const char *attr, double v)
{
    if (r >= prob->net->nresources || !isfinite(v))
        return CEFO_ERR_ARG;
    double min = prob->par.res_min[r], max = prob->par.res_max[r], price = prob->par.res_price[r];
    if (strcmp(attr, "min") == 0)
        min = v;
    else if (strcmp(attr, "max") == 0)
        max = v;
    else if (strcmp(attr, "price") == 0)
        price = v;
    else
        return CEFO_ERR_UNSUPPORTED;
    return cefo_problem_set_resource(prob, r, min, max, price);
}

cefo_status cefo_problem_set(cefo_problem *prob, cefo_item kind, size_t index,
                             const char *attribute, double value)
{
    if (!prob || !attribute)
        return CEFO_ERR_ARG;
    if (kind == CEFO_RESOURCE)
        return set_resource_attr(prob, index, attribute, value);
    if (kind == CEFO_PROCESS && strcmp(attribute, "capacity") == 0)
        return cefo_problem_set_capacity(prob, index, value);
    if (kind == CEFO_POLLUTANT && strcmp(attribute, "damage-cost") == 0)
        return cefo_problem_set_damage_cost(prob, index, value);
    if (kind == CEFO_POLLUTANT && strcmp(attribute, "cap") == 0)
        return cefo_problem_set_cap(prob, index, value);
    if (kind == CEFO_MATERIAL && strcmp(attribute, "demand") == 0)
        return cefo_problem_set_demand(prob, index, value);
    return CEFO_ERR_UNSUPPORTED;
}

/* Sets every objective coefficient to `only` == j ? 1 : 0, or back to the model's (only < 0). */
static cefo_status switch_objective(cefo_problem *prob, int only)
{
    cefo_status st = CEFO_OK;
    for (int j = 0; j < prob->f.ncols && st == CEFO_OK; j++) {
        double c = only < 0 ? prob->f.obj[j] : j == only ? 1.0 : 0.0;
        if (only < 0 && prob->f.cols[j].kind == CEFO__VAR_EMISSION) /* damage may have moved */
            c = prob->par.damage[prob->f.cols[j].item];
        if (only < 0 && prob->f.cols[j].kind == CEFO__VAR_USE) /* and a resource's price */
            c = prob->par.res_price[prob->f.cols[j].item];
        st = cefo__lp_set_obj(prob->lp, j, c, NULL);
    }
    return st;
}

static cefo_status least_emission(cefo_problem *prob, size_t k, const cefo_options *opt,
                                  double *lo, cefo_error *err)
{
    cefo_status st = switch_objective(prob, prob->f.emission_col[(size_t)k]);
    if (st == CEFO_OK)
        st = cefo__lp_solve(prob->lp, opt, &prob->sol, err);
    *lo = prob->sol.x[prob->f.emission_col[k]];
    if (st == CEFO_OK && !prob->sol.has_point)
        st = cefo__error(err, CEFO_ERR_INVALID, prob->net->file, 0, NULL,
                         "no plan minimises '%s': the model is %s",
                         prob->net->pollutants[k].id, cefo_solve_status_name(prob->sol.status));
    cefo_status back = switch_objective(prob, -1);
    return st != CEFO_OK ? st : back;
}

cefo_status cefo_problem_pareto(cefo_problem *prob, size_t pollutant, size_t npoints,
                                const cefo_options *opt, cefo_pareto_point *points,
                                cefo_error *err)
{
    if (!prob || !points || npoints == 0 || pollutant >= prob->net->npollutants)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments for a frontier");
    cefo_options defaults;
    if (!opt) {
        cefo_options_init(&defaults);
        opt = &defaults;
    }
    int col = prob->f.emission_col[pollutant];
    double cap0 = prob->par.cap[pollutant], hi, lo;
    cefo_status st = cefo__lp_solve(prob->lp, opt, &prob->sol, err);
    if (st == CEFO_OK && !prob->sol.has_point)
        return cefo__error(err, CEFO_ERR_INVALID, prob->net->file, 0, NULL,
                           "no least-cost plan to start the frontier from: the model is %s",
                           cefo_solve_status_name(prob->sol.status));
    hi = prob->sol.x[col];
    if (st == CEFO_OK)
        st = least_emission(prob, pollutant, opt, &lo, err);
    for (size_t i = 0; st == CEFO_OK && i < npoints; i++) {
        double cap = npoints == 1 ? hi : hi - (hi - lo) * (double)i / (double)(npoints - 1);
        st = cefo_problem_set_cap(prob, pollutant, cap < lo ? lo : cap);
        if (st == CEFO_OK)
            st = cefo__lp_solve(prob->lp, opt, &prob->sol, err);
        if (st == CEFO_OK)
            points[i] = (cefo_pareto_point){cap, prob->sol.has_point ? prob->sol.x[col] : NAN,
                                            prob->sol.has_point ? prob->sol.objective : NAN,
                                            prob->sol.status};
    }
    cefo_status back = cefo_problem_set_cap(prob, pollutant, cap0);
    return st != CEFO_OK ? st : back;
}

cefo_status cefo__problem_write_path(cefo_problem *prob, cefo_model_format format,
                                     const char *path, cefo_error *err)
{
    char **cols = NULL, **rows = NULL;
    cefo_status st = CEFO_OK;
    if (cefo__formulation_names(prob->net, &prob->f, &cols, &rows) != 0)
        st = cefo__error(err, CEFO_ERR_NOMEM, path, 0, NULL, "out of memory");
    if (st == CEFO_OK)
        st = cefo__lp_write(prob->lp, (int)format, path, (const char *const *)cols,
                            (const char *const *)rows, err);
    cefo__names_free(cols, prob->f.ncols);
    cefo__names_free(rows, prob->f.nrows);
    return st;
}
