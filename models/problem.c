/* problem.c - the public problem lifecycle: build, solve, update in place, free. */
#include <math.h>
#include <string.h>

#include "core/abi.h"
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

/* The parameters of period t from the network as it stands then. */
static void fill_params(const cefo__params *q, const cefo_network *v)
{
    for (size_t i = 0; i < v->nresources; i++) {
        q->res_min[i] = v->resources[i].min;
        q->res_max[i] = v->resources[i].max;
        q->res_price[i] = v->resources[i].price;
    }
    for (size_t i = 0; i < v->nprocesses; i++)
        q->capacity[i] = v->processes[i].capacity;
    for (size_t i = 0; i < v->nmaterials; i++)
        q->demand[i] = v->materials[i].demand;
    for (size_t i = 0; i < v->npollutants; i++) {
        q->damage[i] = v->pollutants[i].damage_cost;
        q->cap[i] = v->pollutants[i].cap;
    }
}

static int alloc_buffers(cefo_problem *p)
{
    const cefo_network *net = p->net;
    size_t T = cefo__nperiods(net);
    size_t np = T * net->nprocesses, nm = T * net->nmaterials, nk = T * net->npollutants;
    size_t nr = T * net->nresources;
    p->par_block = cefo__calloc(np + nm + 2 * nk + 3 * nr + 1, sizeof(double));
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
    for (size_t t = 0; t < T; t++) {
        cefo__params q = cefo__params_at(&p->par, net, t);
        fill_params(&q, cefo__view(net, t));
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

/* Where an item of the network is, for a setter's error. */
typedef struct item_at {
    const char *kind;
    const char *id;
    int line;
} item_at;

static cefo_status refuse(const cefo_problem *prob, item_at at, const char *attribute, double v,
                          const char *why, cefo_error *err)
{
    return cefo__error(err, CEFO_ERR_ARG, prob->net->file, at.line, at.id,
                       "%s '%s': %s %g %s", at.kind, at.id, attribute, v, why);
}

/*
 * A value a setter may put into the LP: a number in [0, CEFO_MAX_VALUE] (or +inf where
 * `may_be_inf`). Larger ones overflow once GLPK scales the model, or drown every other
 * number of the model in rounding.
 */
static cefo_status check_value(const cefo_problem *prob, item_at at, const char *attribute,
                               double v, int may_be_inf, cefo_error *err)
{
    if (isnan(v) || v < 0)
        return refuse(prob, at, attribute, v, "is not a number >= 0", err);
    if (isinf(v) && !may_be_inf)
        return refuse(prob, at, attribute, v, "must be finite", err);
    if (isfinite(v) && v > CEFO_MAX_VALUE)
        return refuse(prob, at, attribute, v, "is above 1e+15 (CEFO_MAX_VALUE)", err);
    return CEFO_OK;
}

static cefo_status resource_capacity(cefo_problem *prob, size_t t, size_t p, double cap,
                                     int check);

/*
 * The periods an update of a network's own value reaches: with periods, those before the
 * first <at> that sets that attribute of that item (later periods keep their steps); 1
 * (the one model) without.
 */
static size_t reach(const cefo_network *net, cefo__at_kind kind, size_t item, size_t offset)
{
    size_t upto = cefo__nperiods(net);
    for (size_t i = 0; i < net->nsteps; i++) {
        const cefo__step *s = &net->steps[i];
        if (s->kind == kind && s->item == item && s->offset == offset && s->period < upto)
            upto = s->period;
    }
    return upto;
}

/* Period t's blocks of the map and of the parameters. */
#define MAP(prob, t) cefo__map_at(&(prob)->f, (prob)->net, t)
#define PAR(prob, t) cefo__params_at(&(prob)->par, (prob)->net, t)

static cefo_status set_capacity(cefo_problem *prob, size_t i, double cap, cefo_error *err)
{
    const cefo__process *p = &prob->net->processes[i];
    item_at at = {"process", p->id, p->line};
    int row = prob->f.cap_row[i];
    /* A build/keep decision needs a finite capacity: it is the big-M of x - cap y <= 0. */
    cefo_status st = check_value(prob, at, "capacity", cap, row < 0, err);
    if (st == CEFO_OK && cap < p->min)
        st = refuse(prob, at, "capacity", cap, "is below the process's minimum", err);
    /* A resource term of="capacity" counts the capacity: it must be finite there too. */
    if (st == CEFO_OK && resource_capacity(prob, 0, i, cap, 1) != CEFO_OK)
        st = refuse(prob, at, "capacity", cap, "must be finite (a resource counts it)", err);
    double lb = row >= 0 ? 0.0 : p->min;
    size_t upto = reach(prob->net, CEFO__AT_PROCESS, i, offsetof(cefo__process, capacity));
    for (size_t t = 0; t < upto && st == CEFO_OK; t++) {
        cefo__formulation m = MAP(prob, t);
        st = cefo__lp_set_col_bounds(prob->lp, m.activity_col[i], lb, cap, err);
        if (st == CEFO_OK && row >= 0)
            st = cefo__lp_set_coef(prob->lp, m.cap_row[i], m.build_col[i], -cap, err);
        if (st == CEFO_OK)
            st = resource_capacity(prob, t, i, cap, 0);
        if (st == CEFO_OK)
            PAR(prob, t).capacity[i] = cap;
    }
    return st;
}

/* Whether a demand of material m steps (a material's total demand cannot then be moved as
 * one number in place). */
static int demand_steps(const cefo_network *net, size_t m)
{
    for (size_t i = 0; i < net->nsteps; i++)
        if (net->steps[i].kind == CEFO__AT_DEMAND && net->demands[net->steps[i].item].material == m)
            return 1;
    return 0;
}

static cefo_status set_demand(cefo_problem *prob, size_t i, double amount, cefo_error *err)
{
    const cefo__material *m = &prob->net->materials[i];
    cefo_status st = check_value(prob, (item_at){"material", m->id, m->line}, "demand", amount, 0,
                                 err);
    if (st == CEFO_OK && demand_steps(prob->net, i))
        return cefo__error(err, CEFO_ERR_UNSUPPORTED, prob->net->file, m->line, m->id,
                           "the demand of '%s' steps by period: rebuild the problem from an "
                           "edited network", m->id);
    for (size_t t = 0; t < cefo__nperiods(prob->net) && st == CEFO_OK; t++) {
        st = cefo__lp_set_row_bounds(prob->lp, MAP(prob, t).demand_row[i], amount, amount, err);
        if (st == CEFO_OK)
            PAR(prob, t).demand[i] = amount;
    }
    return st;
}

static cefo_status set_pollutant(cefo_problem *prob, size_t i, int is_cap, double v,
                                 cefo_error *err)
{
    const cefo__pollutant *k = &prob->net->pollutants[i];
    cefo_status st = check_value(prob, (item_at){"pollutant", k->id, k->line},
                                 is_cap ? "cap" : "damage-cost", v, is_cap, err);
    size_t upto = reach(prob->net, CEFO__AT_POLLUTANT, i,
                        is_cap ? offsetof(cefo__pollutant, cap)
                               : offsetof(cefo__pollutant, damage_cost));
    for (size_t t = 0; t < upto && st == CEFO_OK; t++) {
        int col = MAP(prob, t).emission_col[i];
        cefo__params q = PAR(prob, t);
        st = is_cap ? cefo__lp_set_col_bounds(prob->lp, col, 0, v, err)
                    : cefo__lp_set_obj(prob->lp, col, v * prob->f.scale[t], err);
        if (st == CEFO_OK)
            *(is_cap ? &q.cap[i] : &q.damage[i]) = v;
    }
    return st;
}

static cefo_status update_resource(cefo_problem *prob, size_t r, const char *attr, double v,
                                   cefo_error *err);

cefo_status cefo_problem_update(cefo_problem *prob, cefo_item kind, size_t index,
                                const char *attribute, double value, cefo_error *err)
{
    if (!prob || !attribute)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "no problem or no attribute");
    if (kind == CEFO_RESOURCE)
        return update_resource(prob, index, attribute, value, err);
    enum { CAPACITY, DEMAND, DAMAGE, CAP, NONE } what =
        kind == CEFO_PROCESS && strcmp(attribute, "capacity") == 0        ? CAPACITY
        : kind == CEFO_MATERIAL && strcmp(attribute, "demand") == 0       ? DEMAND
        : kind == CEFO_POLLUTANT && strcmp(attribute, "damage-cost") == 0 ? DAMAGE
        : kind == CEFO_POLLUTANT && strcmp(attribute, "cap") == 0         ? CAP
                                                                          : NONE;
    if (what == NONE)
        return cefo__error(err, CEFO_ERR_UNSUPPORTED, prob->net->file, 0, NULL,
                           "'%s' cannot be set in place: rebuild the problem from an edited "
                           "network", attribute);
    size_t n = cefo_network_count(prob->net, kind);
    if (index >= n)
        return cefo__error(err, CEFO_ERR_ARG, prob->net->file, 0, NULL,
                           "item %zu is out of range (the network has %zu of that kind)", index,
                           n);
    switch (what) {
    case CAPACITY: return set_capacity(prob, index, value, err);
    case DEMAND: return set_demand(prob, index, value, err);
    default: return set_pollutant(prob, index, what == CAP, value, err);
    }
}

/*
 * Capacity terms of resources in period t: a decision's capacity is its coefficient in the
 * resource rows, and a process without a decision adds capacity x amount to a row's
 * constant. With `check`, only says whether `cap` can be set (an infinite capacity cannot be
 * counted); else applies it.
 */
static cefo_status resource_capacity(cefo_problem *prob, size_t t, size_t p, double cap,
                                     int check)
{
    const cefo_network *net = cefo__view(prob->net, t);
    cefo__formulation m = MAP(prob, t);
    cefo__params q = PAR(prob, t);
    int y = m.build_col[p];
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
        int row = m.use_row[r];
        if (y >= 0) {
            st = cefo__lp_set_coef(prob->lp, row, y, cefo__resource_coef(net, r, p, 1, cap), NULL);
            continue;
        }
        double old = q.capacity[p];
        q.capacity[p] = cap;
        double c = cefo__resource_constant(net, r, q.capacity);
        q.capacity[p] = old;
        st = cefo__lp_set_row_bounds(prob->lp, row, -c, -c, NULL);
    }
    return st;
}

cefo_status cefo_problem_set_capacity(cefo_problem *prob, size_t process, double cap)
{
    return cefo_problem_update(prob, CEFO_PROCESS, process, "capacity", cap, NULL);
}

cefo_status cefo_problem_set_demand(cefo_problem *prob, size_t material, double amount)
{
    return cefo_problem_update(prob, CEFO_MATERIAL, material, "demand", amount, NULL);
}

cefo_status cefo_problem_set_damage_cost(cefo_problem *prob, size_t pollutant, double cost)
{
    return cefo_problem_update(prob, CEFO_POLLUTANT, pollutant, "damage-cost", cost, NULL);
}

cefo_status cefo_problem_set_cap(cefo_problem *prob, size_t pollutant, double cap)
{
    return cefo_problem_update(prob, CEFO_POLLUTANT, pollutant, "cap", cap, NULL);
}

/* A resource's bound in period t, or over the programme for a total-scope one (its total
 * column); its price on every period's use, weighted as the period's running costs. */
static cefo_status resource_in(cefo_problem *prob, size_t r, size_t t, int bounds, double min,
                               double max, int price_too, double price)
{
    const cefo__formulation *f = &prob->f;
    int j = MAP(prob, t).use_col[r];
    cefo__params q = PAR(prob, t);
    cefo_status st = CEFO_OK;
    if (bounds) {
        int total = f->total_col && f->total_col[r] >= 0;
        st = cefo__lp_set_col_bounds(prob->lp, total ? f->total_col[r] : j, min, max, NULL);
        if (st == CEFO_OK) {
            q.res_min[r] = min;
            q.res_max[r] = max;
        }
    }
    if (st == CEFO_OK && price_too)
        st = cefo__lp_set_obj(prob->lp, j, price * f->scale[t], NULL);
    if (st == CEFO_OK && price_too)
        q.res_price[r] = price;
    return st;
}

cefo_status cefo_problem_set_resource(cefo_problem *prob, size_t resource, double min,
                                      double max, double price)
{
    if (!prob || resource >= prob->net->nresources || isnan(min) || isnan(max) || min > max
        || !isfinite(price) || min == INFINITY || max == -INFINITY)
        return CEFO_ERR_ARG;
    const cefo_network *net = prob->net;
    size_t T = cefo__nperiods(net);
    int total = net->resources[resource].total;
    size_t upto_min = total ? T : reach(net, CEFO__AT_RESOURCE, resource,
                                        offsetof(cefo__resource, min));
    size_t upto_max = total ? T : reach(net, CEFO__AT_RESOURCE, resource,
                                        offsetof(cefo__resource, max));
    size_t upto_price = reach(net, CEFO__AT_RESOURCE, resource, offsetof(cefo__resource, price));
    cefo_status st = CEFO_OK;
    for (size_t t = 0; t < T && st == CEFO_OK; t++) {
        cefo__params q = PAR(prob, t);
        /* Steps keep their bounds: only the sides the update reaches move. */
        double lo = t < upto_min ? min : q.res_min[resource];
        double hi = t < upto_max ? max : q.res_max[resource];
        if (lo > hi)
            return CEFO_ERR_ARG;
        st = resource_in(prob, resource, t, (!total || t == 0) && (t < upto_min || t < upto_max),
                         lo, hi, t < upto_price, price);
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

/* set_resource_attr with the error detail of cefo_problem_update. */
static cefo_status update_resource(cefo_problem *prob, size_t r, const char *attr, double v,
                                   cefo_error *err)
{
    const cefo_network *net = prob->net;
    if (r >= net->nresources)
        return cefo__error(err, CEFO_ERR_ARG, net->file, 0, NULL,
                           "resource %zu is out of range (the network has %zu)", r,
                           net->nresources);
    cefo_status st = set_resource_attr(prob, r, attr, v);
    const cefo__resource *res = &net->resources[r];
    if (st == CEFO_ERR_UNSUPPORTED)
        return cefo__error(err, st, net->file, res->line, res->id,
                           "'%s' cannot be set in place: rebuild the problem from an edited "
                           "network", attr);
    if (st == CEFO_ERR_ARG)
        return cefo__error(err, st, net->file, res->line, res->id,
                           "resource '%s': %s %g is not finite or crosses the other bound",
                           res->id, attr, v);
    return st;
}

cefo_status cefo_problem_set(cefo_problem *prob, cefo_item kind, size_t index,
                             const char *attribute, double value)
{
    return cefo_problem_update(prob, kind, index, attribute, value, NULL);
}

/* Sets every objective coefficient to `only` == j ? 1 : 0, or back to the model's (only < 0). */
static cefo_status switch_objective(cefo_problem *prob, int only)
{
    cefo_status st = CEFO_OK;
    for (int j = 0; j < prob->f.ncols && st == CEFO_OK; j++) {
        double c = only < 0 ? prob->f.obj[j] : j == only ? 1.0 : 0.0;
        const cefo__slot *s = &prob->f.cols[j];
        cefo__params q = PAR(prob, s->period);
        if (only < 0 && s->kind == CEFO__VAR_EMISSION) /* damage may have moved */
            c = q.damage[s->item] * prob->f.scale[s->period];
        if (only < 0 && s->kind == CEFO__VAR_USE) /* and a resource's price */
            c = q.res_price[s->item] * prob->f.scale[s->period];
        st = cefo__lp_set_obj(prob->lp, j, c, NULL);
    }
    return st;
}

/*
 * What a frontier trades against cost: a pollutant's total (E_k), or with periods its total
 * over the programme (the sum of years x E_k,t), capped through that column's bound.
 */
static int frontier_col(const cefo_problem *prob, size_t k)
{
    return prob->net->nperiods ? prob->f.emission_total_col[k] : prob->f.emission_col[k];
}

static cefo_status frontier_cap(cefo_problem *prob, size_t k, double cap)
{
    if (!prob->net->nperiods)
        return cefo_problem_set_cap(prob, k, cap);
    return cefo__lp_set_col_bounds(prob->lp, prob->f.emission_total_col[k], 0, cap, NULL);
}

static cefo_status least_emission(cefo_problem *prob, size_t k, const cefo_options *opt,
                                  double *lo, cefo_error *err)
{
    cefo_status st = switch_objective(prob, frontier_col(prob, k));
    if (st == CEFO_OK)
        st = cefo__lp_solve(prob->lp, opt, &prob->sol, err);
    *lo = prob->sol.x[frontier_col(prob, k)];
    if (st == CEFO_OK && !prob->sol.has_point)
        st = cefo__error(err, CEFO_ERR_INVALID, prob->net->file, 0, NULL,
                         "no plan minimises '%s': the model is %s",
                         prob->net->pollutants[k].id, cefo_solve_status_name(prob->sol.status));
    cefo_status back = switch_objective(prob, -1);
    return st != CEFO_OK ? st : back;
}

static cefo_status pareto(cefo_problem *prob, size_t pollutant, size_t npoints,
                          const cefo_options *opt, cefo_pareto_point *points, cefo_error *err)
{
    if (!prob || !points || npoints == 0 || pollutant >= prob->net->npollutants)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments for a frontier");
    cefo_options defaults;
    if (!opt) {
        cefo_options_init(&defaults);
        opt = &defaults;
    }
    int col = frontier_col(prob, pollutant);
    double cap0 = prob->net->nperiods ? INFINITY : prob->par.cap[pollutant], hi, lo;
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
        st = frontier_cap(prob, pollutant, cap < lo ? lo : cap);
        if (st == CEFO_OK)
            st = cefo__lp_solve(prob->lp, opt, &prob->sol, err);
        if (st == CEFO_OK)
            points[i] = (cefo_pareto_point){cap, prob->sol.has_point ? prob->sol.x[col] : NAN,
                                            prob->sol.has_point ? prob->sol.objective : NAN,
                                            prob->sol.status};
    }
    cefo_status back = frontier_cap(prob, pollutant, cap0);
    return st != CEFO_OK ? st : back;
}

/* The points go through the library's own array, then out at the caller's struct size. */
cefo_status cefo_problem_pareto_sized(cefo_problem *prob, size_t pollutant, size_t npoints,
                                      const cefo_options *opt, cefo_pareto_point *points,
                                      cefo_error *err, size_t size)
{
    if (cefo__abi_check(points, size, CEFO__END(cefo_pareto_point, status)) != CEFO_OK)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments for a frontier");
    cefo_pareto_point *full = cefo__calloc(npoints ? npoints : 1, sizeof *full);
    if (!full)
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    cefo_status st = pareto(prob, pollutant, npoints, opt, full, err);
    if (st == CEFO_OK)
        cefo__abi_array_out(points, npoints, size, full, sizeof *full);
    cefo__free(full);
    return st;
}

CEFO_API cefo_status(cefo_problem_pareto)(cefo_problem *prob, size_t pollutant, size_t npoints,
                                          const cefo_options *opt, cefo_pareto_point *points,
                                          cefo_error *err);
CEFO_API cefo_status(cefo_problem_pareto)(cefo_problem *prob, size_t pollutant, size_t npoints,
                                          const cefo_options *opt, cefo_pareto_point *points,
                                          cefo_error *err)
{
    return cefo_problem_pareto_sized(prob, pollutant, npoints, opt, points, err,
                                     CEFO__END(cefo_pareto_point, status));
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
