/* rank.c - the value of each decision (spec section 8): the optimum with it forbidden and
 * with it forced, each re-solved in place from the solved model. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/abi.h"
#include "core/alloc.h"
#include "core/error.h"
#include "models/result.h"

/* Decisions in a fixed order: optional processes outside groups, optional links, groups. */
typedef struct choice {
    cefo_item kind;
    size_t index;
} choice;

static size_t list_decisions(const cefo_network *net, choice *d)
{
    size_t n = 0;
    for (size_t p = 0; p < net->nprocesses; p++)
        if (net->processes[p].optional && !net->processes[p].group) {
            if (d)
                d[n] = (choice){CEFO_PROCESS, p};
            n++;
        }
    for (size_t l = 0; l < net->nlinks; l++)
        if (net->links[l].optional) {
            if (d)
                d[n] = (choice){CEFO_LINK, l};
            n++;
        }
    for (size_t g = 0; g < net->ngroups; g++) {
        if (d)
            d[n] = (choice){CEFO_GROUP, g};
        n++;
    }
    return n;
}

size_t cefo_problem_decision_count(const cefo_problem *prob)
{
    return prob ? list_decisions(cefo__problem_network(prob), NULL) : 0;
}

cefo_status cefo_problem_decision_of(const cefo_problem *prob, cefo_item kind, size_t index,
                                     size_t *decision)
{
    if (!prob || !decision)
        return CEFO_ERR_ARG;
    const cefo_network *net = cefo__problem_network(prob);
    if (kind == CEFO_PROCESS && index < net->nprocesses && net->processes[index].group) {
        kind = CEFO_GROUP;
        index = net->processes[index].group_index;
    }
    size_t total = list_decisions(net, NULL);
    choice *all = cefo__calloc(total, sizeof *all);
    if (!all)
        return CEFO_ERR_NOMEM;
    list_decisions(net, all);
    cefo_status st = CEFO_ERR_ARG;
    for (size_t d = 0; d < total && st != CEFO_OK; d++)
        if (all[d].kind == kind && all[d].index == index) {
            *decision = d;
            st = CEFO_OK;
        }
    cefo__free(all);
    return st;
}

/* Forbids (state 0), forces (1) or frees (-1) a decision in place; with periods, in every
 * period (forbidden: never taken; forced: taken throughout). */
static cefo_status set_state(cefo_problem *prob, choice d, int state)
{
    const cefo_network *net = cefo__problem_network(prob);
    cefo__lp *lp = cefo__problem_lp(prob);
    double lo = state == 1 ? 1 : 0, hi = state == 0 ? 0 : 1;
    cefo_status st = CEFO_OK;
    for (size_t t = 0; t < cefo__nperiods(net) && st == CEFO_OK; t++) {
        cefo__formulation f = cefo__map_at(cefo__problem_formulation(prob), net, t);
        if (d.kind == CEFO_GROUP) /* sum of the members' y: <= 1 free, = 0 closed, = 1 runs */
            st = cefo__lp_set_row_bounds(lp, f.group_row[d.index], state == 1 ? 1 : -INFINITY,
                                         hi, NULL);
        else
            st = cefo__lp_set_col_bounds(lp, d.kind == CEFO_PROCESS ? f.build_col[d.index]
                                                                    : f.link_build_col[d.index],
                                         lo, hi, NULL);
    }
    return st;
}

/* Whether the solved plan takes decision d (a group: one of its members is on) in a period. */
static int taken(const cefo_problem *prob, choice d, const double *x)
{
    const cefo_network *net = cefo__problem_network(prob);
    for (size_t t = 0; t < cefo__nperiods(net); t++) {
        cefo__formulation f = cefo__map_at(cefo__problem_formulation(prob), net, t);
        if (d.kind == CEFO_PROCESS && x[f.build_col[d.index]] > 0.5)
            return 1;
        if (d.kind == CEFO_LINK && x[f.link_build_col[d.index]] > 0.5)
            return 1;
        for (size_t p = 0; d.kind == CEFO_GROUP && p < net->nprocesses; p++)
            if (net->processes[p].group && net->processes[p].group_index == d.index
                && x[f.build_col[p]] > 0.5)
                return 1;
    }
    return 0;
}

/* The objective with d in `state`, minus the optimum; INFINITY when no plan exists then. */
static cefo_status delta(cefo_problem *prob, choice d, int state, const cefo_options *opt,
                         double z0, double *out, cefo_solve_status *status, cefo_error *err)
{
    cefo__lp_solution *sol = cefo__problem_solution(prob);
    cefo_status st = set_state(prob, d, state);
    if (st == CEFO_OK)
        st = cefo__lp_solve(cefo__problem_lp(prob), opt, sol, err);
    cefo_status back = set_state(prob, d, -1);
    if (st != CEFO_OK)
        return st;
    *status = sol->status;
    *out = sol->has_point ? sol->objective - z0
                          : sol->status == CEFO_SOLVE_INFEASIBLE ? INFINITY : NAN;
    return back;
}

static int by_value(const void *a, const void *b)
{
    const cefo_rank_row *x = a, *y = b;
    double u = isnan(x->value) ? -INFINITY : x->value, v = isnan(y->value) ? -INFINITY : y->value;
    if (u != v)
        return u > v ? -1 : 1;
    return x->decision < y->decision ? -1 : x->decision > y->decision;
}

static const char *decision_id(const cefo_network *net, choice d)
{
    return d.kind == CEFO_PROCESS ? net->processes[d.index].id
           : d.kind == CEFO_GROUP ? net->groups[d.index]
                                  : NULL;
}

static cefo_status rank(cefo_problem *prob, const cefo_options *opt, const size_t *which,
                        size_t n, cefo_rank_row *rows, double *optimum, cefo_error *err)
{
    if (!prob || (n && !rows))
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments to rank decisions");
    const cefo_network *net = cefo__problem_network(prob);
    size_t total = list_decisions(net, NULL);
    if (!which && n != total)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL,
                           "%zu rows for %zu decisions", n, total);
    for (size_t i = 0; which && i < n; i++)
        if (which[i] >= total)
            return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "decision %zu of %zu",
                               which[i], total);
    choice *all = cefo__calloc(total, sizeof *all);
    double *x0 = cefo__calloc(cefo__problem_formulation(prob)->ncols, sizeof *x0);
    if (!all || !x0) {
        cefo__free(all);
        cefo__free(x0);
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    }
    list_decisions(net, all);
    cefo__lp_solution *sol = cefo__problem_solution(prob);
    cefo_status st = cefo__lp_solve(cefo__problem_lp(prob), opt, sol, err);
    if (st == CEFO_OK && !sol->has_point)
        st = cefo__error(err, CEFO_ERR_INVALID, net->file, 0, NULL,
                         "no plan to rank against: the model is %s",
                         cefo_solve_status_name(sol->status));
    double z0 = st == CEFO_OK ? sol->objective : NAN;
    if (st == CEFO_OK)
        memcpy(x0, sol->x, (size_t)cefo__problem_formulation(prob)->ncols * sizeof *x0);
    if (optimum)
        *optimum = z0;
    for (size_t i = 0; i < n && st == CEFO_OK; i++) {
        size_t k = which ? which[i] : i;
        choice d = all[k];
        cefo_rank_row *r = &rows[i];
        *r = (cefo_rank_row){.kind = d.kind, .index = d.index, .decision = k,
                             .id = decision_id(net, d), .chosen = taken(prob, d, x0),
                             .forbidden_status = CEFO_SOLVE_OPTIMAL,
                             .forced_status = CEFO_SOLVE_OPTIMAL};
        /* The optimum already takes (or leaves) it: that side costs nothing more. */
        if (r->chosen)
            st = delta(prob, d, 0, opt, z0, &r->value, &r->forbidden_status, err);
        else
            st = delta(prob, d, 1, opt, z0, &r->regret, &r->forced_status, err);
    }
    if (st == CEFO_OK)
        qsort(rows, n, sizeof *rows, by_value);
    cefo__free(all);
    cefo__free(x0);
    return st;
}

/* The rows go through the library's own array, then out at the caller's struct size. */
cefo_status cefo_problem_rank_sized(cefo_problem *prob, const cefo_options *opt,
                                    const size_t *which, size_t n, cefo_rank_row *rows,
                                    double *optimum, cefo_error *err, size_t size)
{
    if (n && cefo__abi_check(rows, size, CEFO__END(cefo_rank_row, forced_status)) != CEFO_OK)
        return cefo__error(err, CEFO_ERR_ARG, NULL, 0, NULL, "bad arguments to rank decisions");
    cefo_rank_row *full = cefo__calloc(n ? n : 1, sizeof *full);
    if (!full)
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    cefo_status st = rank(prob, opt, which, n, full, optimum, err);
    if (st == CEFO_OK)
        cefo__abi_array_out(rows, n, size, full, sizeof *full);
    cefo__free(full);
    return st;
}

CEFO_API cefo_status(cefo_problem_rank)(cefo_problem *prob, const cefo_options *opt,
                                        const size_t *which, size_t n, cefo_rank_row *rows,
                                        double *optimum, cefo_error *err);
CEFO_API cefo_status(cefo_problem_rank)(cefo_problem *prob, const cefo_options *opt,
                                        const size_t *which, size_t n, cefo_rank_row *rows,
                                        double *optimum, cefo_error *err)
{
    return cefo_problem_rank_sized(prob, opt, which, n, rows, optimum, err,
                                   CEFO__END(cefo_rank_row, forced_status));
}
