/* breakdown.c - a plan by firm, sector and zone (spec section 8): costs, labour, emissions
 * and the count of groups by chosen variant, per sector and per zone. */
#include <math.h>
#include <string.h>

#include "core/abi.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/strmap.h"
#include "models/result.h"

static const char *area_of(const cefo__process *p, cefo_area_kind kind)
{
    return kind == CEFO_SECTOR ? p->sector : p->zone;
}

/* Distinct names in order of first use: ids[] borrowed, index in *map. -1 on OOM. */
static int add_name(cefo__strmap *map, const char ***ids, size_t *n, size_t *cap,
                    const char *name, size_t *at)
{
    if (cefo__strmap_get(map, name, at))
        return 0;
    if (cefo__grow((void **)ids, cap, *n + 1, sizeof **ids) != 0
        || cefo__strmap_put(map, name, *n) != 0)
        return -1;
    (*ids)[*n] = name;
    *at = (*n)++;
    return 0;
}

static const char *variant_label(const cefo__process *p)
{
    return p->variant ? p->variant : "running";
}

/* The member of each group that runs, as cefo_result_group says, or NONE when the firm
 * closed (or there is no plan). */
static void chosen_members(const cefo_result *r, size_t *member)
{
    const cefo_network *net = r->net;
    for (size_t g = 0; g < net->ngroups; g++) {
        cefo_group_result row;
        member[g] = CEFO__NONE;
        if (cefo_result_group(r, g, &row) == CEFO_OK && row.chosen)
            cefo_network_find(net, CEFO_PROCESS, row.chosen, &member[g]);
    }
}

static int alloc_area(cefo__areas *a, size_t nk, size_t nv)
{
    size_t n = a->n;
    a->activity_cost = cefo__calloc(n, sizeof(double));
    a->fixed_cost = cefo__calloc(n, sizeof(double));
    a->labour = cefo__calloc(n, sizeof(double));
    a->nprocesses = cefo__calloc(n, sizeof(size_t));
    a->emission = cefo__calloc(n * nk, sizeof(double));
    a->groups = cefo__calloc(n * nv, sizeof(size_t));
    return a->activity_cost && a->fixed_cost && a->labour && a->nprocesses && a->emission
                   && a->groups
               ? 0
               : -1;
}

static int fill_area(cefo_result *r, cefo_area_kind kind, const size_t *member,
                     const size_t *first, cefo__strmap *variants)
{
    const cefo_network *net = r->net;
    cefo__areas *a = &r->areas[kind];
    cefo__strmap map = {0};
    size_t cap = 0, at, nk = net->npollutants, nv = r->nvariants;
    int bad = 0;
    for (size_t p = 0; p < net->nprocesses && !bad; p++)
        if (area_of(&net->processes[p], kind))
            bad = add_name(&map, &a->ids, &a->n, &cap, area_of(&net->processes[p], kind), &at);
    bad = bad || alloc_area(a, nk, nv);
    for (size_t p = 0; p < net->nprocesses && !bad; p++) {
        const cefo__process *pr = &net->processes[p];
        if (!area_of(pr, kind) || !cefo__strmap_get(&map, area_of(pr, kind), &at))
            continue;
        double x = r->activity[p];
        a->nprocesses[at]++;
        a->activity_cost[at] += pr->cost * x;
        a->labour[at] += pr->labour * x;
        if (cefo__process_is_decision(pr))
            a->fixed_cost[at] += pr->fixed_cost * r->chosen[p];
        for (size_t t = 0; t < pr->emissions.n; t++)
            a->emission[at * nk + pr->emissions.v[t].item] += pr->emissions.v[t].amount * x;
    }
    /* A group counts where its chosen member is (a relocation moves it to the park's zone),
     * or, closed, where its first member is. */
    for (size_t g = 0; g < net->ngroups && !bad && !isnan(r->objective); g++) {
        size_t p = member[g] != CEFO__NONE ? member[g] : first[g], v = nv - 1;
        const char *name = area_of(&net->processes[p], kind);
        if (member[g] != CEFO__NONE)
            cefo__strmap_get(variants, variant_label(&net->processes[p]), &v);
        if (name && cefo__strmap_get(&map, name, &at))
            a->groups[at * nv + v]++;
    }
    cefo__strmap_free(&map);
    return bad ? -1 : 0;
}

cefo_status cefo__breakdown(cefo_result *r, cefo_error *err)
{
    const cefo_network *net = r->net;
    cefo__strmap variants = {0};
    size_t cap = 0, at, ng = net->ngroups;
    size_t *member = cefo__calloc(2 * ng, sizeof *member), *first = member + ng;
    int bad = !member;
    for (size_t g = 0; g < ng && !bad; g++)
        first[g] = CEFO__NONE;
    for (size_t p = 0; p < net->nprocesses && !bad; p++) {
        const cefo__process *pr = &net->processes[p];
        if (!pr->group)
            continue;
        if (first[pr->group_index] == CEFO__NONE)
            first[pr->group_index] = p;
        bad = add_name(&variants, &r->variants, &r->nvariants, &cap, variant_label(pr), &at);
    }
    if (!bad && ng)
        bad = add_name(&variants, &r->variants, &r->nvariants, &cap, "closed", &at);
    if (!bad)
        chosen_members(r, member);
    for (int kind = 0; kind < 2 && !bad; kind++)
        bad = fill_area(r, (cefo_area_kind)kind, member, first, &variants);
    cefo__strmap_free(&variants);
    cefo__free(member);
    return bad ? cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory") : CEFO_OK;
}

void cefo__breakdown_free(cefo_result *r)
{
    for (int k = 0; k < 2; k++) {
        cefo__areas *a = &r->areas[k];
        cefo__free(a->ids);
        cefo__free(a->activity_cost);
        cefo__free(a->fixed_cost);
        cefo__free(a->labour);
        cefo__free(a->nprocesses);
        cefo__free(a->emission);
        cefo__free(a->groups);
    }
    cefo__free(r->variants);
}

size_t cefo_result_area_count(const cefo_result *res, cefo_area_kind kind)
{
    return res && (kind == CEFO_SECTOR || kind == CEFO_ZONE) ? res->areas[kind].n : 0;
}

cefo_status cefo_result_area_sized(const cefo_result *res, cefo_area_kind kind, size_t i,
                                   cefo_area_result *row, size_t size)
{
    cefo_status st = cefo__abi_check(row, size, CEFO__END(cefo_area_result, labour));
    if (st != CEFO_OK || i >= cefo_result_area_count(res, kind))
        return CEFO_ERR_ARG;
    const cefo__areas *a = &res->areas[kind];
    cefo_area_result full = {a->ids[i], a->nprocesses[i], a->activity_cost[i], a->fixed_cost[i],
                             a->labour[i]};
    return cefo__abi_put(row, size, &full, sizeof full);
}

CEFO_API cefo_status(cefo_result_area)(const cefo_result *res, cefo_area_kind kind, size_t i,
                                       cefo_area_result *row);
CEFO_API cefo_status(cefo_result_area)(const cefo_result *res, cefo_area_kind kind, size_t i,
                                       cefo_area_result *row)
{
    return cefo_result_area_sized(res, kind, i, row, CEFO__END(cefo_area_result, labour));
}

double cefo_result_area_emission(const cefo_result *res, cefo_area_kind kind, size_t i,
                                 size_t pollutant)
{
    if (i >= cefo_result_area_count(res, kind) || pollutant >= res->net->npollutants)
        return NAN;
    return res->areas[kind].emission[i * res->net->npollutants + pollutant];
}

size_t cefo_result_variant_count(const cefo_result *res)
{
    return res ? res->nvariants : 0;
}

const char *cefo_result_variant(const cefo_result *res, size_t j)
{
    return res && j < res->nvariants ? res->variants[j] : NULL;
}

size_t cefo_result_area_groups(const cefo_result *res, cefo_area_kind kind, size_t i,
                               size_t variant)
{
    if (i >= cefo_result_area_count(res, kind) || variant >= res->nvariants)
        return 0;
    return res->areas[kind].groups[i * res->nvariants + variant];
}

static cefo_status result_process_figures(const cefo_result *res, size_t i,
                                          cefo_process_figures *out)
{
    if (!res || !out || i >= res->net->nprocesses)
        return CEFO_ERR_ARG;
    const cefo__process *p = &res->net->processes[i];
    double x = res->activity[i];
    double fixed = cefo__process_is_decision(p) ? p->fixed_cost * res->chosen[i] : 0.0;
    *out = (cefo_process_figures){p->cost * x + fixed, fixed, p->labour * x};
    return CEFO_OK;
}

double cefo_result_process_emission(const cefo_result *res, size_t i, size_t pollutant)
{
    if (!res || i >= res->net->nprocesses || pollutant >= res->net->npollutants)
        return NAN;
    return cefo__terms_amount(&res->net->processes[i].emissions, pollutant) * res->activity[i];
}

/* The public accessors over the structs of any version (core/abi.h). */
CEFO__ABI_INDEXED(cefo_result_process_figures, result_process_figures, cefo_result,
                  cefo_process_figures, labour)
