/* periods.c - plans over several periods (spec section 6): periods, step changes (<at>), group
 * orders, and the network as it stands in each period. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"
#include "models/network.h"

/* The numeric attributes an <at> may set, by parent: the same names as the parent's own. */
typedef struct at_field {
    const char *name;
    size_t offset;
    int negative;
} at_field;

#define F(type, name, field, neg) {name, offsetof(type, field), neg}
static const at_field pollutant_fields[] = {F(cefo__pollutant, "damage-cost", damage_cost, 0),
                                            F(cefo__pollutant, "cap", cap, 0)};
static const at_field material_fields[] = {
    F(cefo__material, "import-cost", import_cost, 0),
    F(cefo__material, "import-limit", import_limit, 0),
    F(cefo__material, "export-price", export_price, 0),
    F(cefo__material, "discharge-cost", discharge_cost, 0)};
static const at_field process_fields[] = {
    F(cefo__process, "capacity", capacity, 0),     F(cefo__process, "min", min, 0),
    F(cefo__process, "cost", cost, 0),             F(cefo__process, "labour", labour, 0),
    F(cefo__process, "fixed-cost", fixed_cost, 0), F(cefo__process, "investment", investment, 0),
    F(cefo__process, "lifetime", lifetime, 0)};
static const at_field link_fields[] = {
    F(cefo__link, "cost", cost, 0),             F(cefo__link, "capacity", capacity, 0),
    F(cefo__link, "distance", distance, 0),     F(cefo__link, "fixed-cost", fixed_cost, 0),
    F(cefo__link, "investment", investment, 0), F(cefo__link, "lifetime", lifetime, 0)};
static const at_field demand_fields[] = {F(cefo__demand, "amount", amount, 0)};
static const at_field resource_fields[] = {F(cefo__resource, "min", min, 1),
                                           F(cefo__resource, "max", max, 1),
                                           F(cefo__resource, "price", price, 1)};
#undef F

static const struct {
    const at_field *f;
    size_t n;
    const char *names[9];
} at_kinds[] = {
    {pollutant_fields, 2, {"period", "damage-cost", "cap", NULL}},
    {material_fields, 4,
     {"period", "import-cost", "import-limit", "export-price", "discharge-cost", NULL}},
    {process_fields, 7,
     {"period", "capacity", "min", "cost", "labour", "fixed-cost", "investment", "lifetime",
      NULL}},
    {link_fields, 6,
     {"period", "cost", "capacity", "distance", "fixed-cost", "investment", "lifetime", NULL}},
    {demand_fields, 1, {"period", "amount", NULL}},
    {resource_fields, 3, {"period", "min", "max", "price", NULL}},
};

cefo_status cefo__at_field(cefo__at_kind kind, const char *name, size_t *offset,
                           int *allow_negative)
{
    for (size_t i = 0; i < at_kinds[kind].n; i++)
        if (strcmp(at_kinds[kind].f[i].name, name) == 0) {
            *offset = at_kinds[kind].f[i].offset;
            *allow_negative = at_kinds[kind].f[i].negative;
            return CEFO_OK;
        }
    return CEFO_ERR_INVALID;
}

const char *const *cefo__at_names(cefo__at_kind kind)
{
    return at_kinds[kind].names;
}

static const char *field_name(cefo__at_kind kind, size_t offset)
{
    for (size_t i = 0; i < at_kinds[kind].n; i++)
        if (at_kinds[kind].f[i].offset == offset)
            return at_kinds[kind].f[i].name;
    return "?";
}

cefo_status cefo__network_add_step(cefo_network *net, const cefo__step *s)
{
    if (cefo__grow((void **)&net->steps, &net->cap_steps, net->nsteps + 1, sizeof *net->steps))
        return CEFO_ERR_NOMEM;
    net->steps[net->nsteps++] = *s;
    return CEFO_OK;
}

cefo_status cefo__network_add_demand(cefo_network *net, size_t material, double amount,
                                     int line)
{
    if (cefo__grow((void **)&net->demands, &net->cap_demands, net->ndemands + 1,
                   sizeof *net->demands))
        return CEFO_ERR_NOMEM;
    net->demands[net->ndemands++] = (cefo__demand){material, amount, line};
    return CEFO_OK;
}

cefo_status cefo__network_add_period(cefo_network *net, const char *id, double years, int line,
                                     cefo_error *err)
{
    size_t prev;
    if (cefo__strmap_get(&net->period_ids, id, &prev))
        return cefo__error(err, CEFO_ERR_INVALID, net->file, line, "period",
                           "duplicate period id '%s' (first defined at line %d)", id,
                           net->periods[prev].line);
    char *copy = cefo__strdup(id);
    if (!copy
        || cefo__grow((void **)&net->periods, &net->cap_periods, net->nperiods + 1,
                      sizeof *net->periods)
        || cefo__strmap_put(&net->period_ids, copy, net->nperiods)) {
        cefo__free(copy);
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    }
    double start = 0;
    if (net->nperiods)
        start = net->periods[net->nperiods - 1].start + net->periods[net->nperiods - 1].years;
    net->periods[net->nperiods++] = (cefo__period){copy, years, start, 1.0, line};
    return CEFO_OK;
}

size_t cefo__nperiods(const cefo_network *net)
{
    return net->nperiods ? net->nperiods : 1;
}

const cefo_network *cefo__view(const cefo_network *net, size_t t)
{
    return net->views ? net->views[t] : net;
}

/* The variant labels of a group's order, one by one: the next label of `order` from *at. */
static size_t next_label(const char *order, size_t *at, size_t *len)
{
    size_t i = *at;
    while (order[i] == ' ' || order[i] == '\t' || order[i] == '\n' || order[i] == '\r')
        i++;
    size_t start = i;
    while (order[i] && order[i] != ' ' && order[i] != '\t' && order[i] != '\n' && order[i] != '\r')
        i++;
    *len = i - start;
    *at = i;
    return start;
}

static int label_is(const char *order, size_t start, size_t len, const char *label)
{
    return label && strlen(label) == len && strncmp(order + start, label, len) == 0;
}

/* One <group id order>: every label names a variant of the group once; members get stages. */
static cefo_status order_group(cefo_network *net, const cefo__group_decl *d, cefo_error *err)
{
    size_t g = 0;
    while (g < net->ngroups && strcmp(net->groups[g], d->id) != 0)
        g++;
    if (g == net->ngroups)
        return cefo__error(err, CEFO_ERR_INVALID, net->file, d->line, "group",
                           "<group id=\"%s\">: no process is a member of group '%s'", d->id,
                           d->id);
    if (net->group_stages[g])
        return cefo__error(err, CEFO_ERR_INVALID, net->file, d->line, "group",
                           "group '%s' is declared twice", d->id);
    size_t at = 0, len, stage = 0;
    for (size_t start = next_label(d->order, &at, &len); len;
         start = next_label(d->order, &at, &len), stage++) {
        int found = 0;
        for (size_t p = 0; p < net->nprocesses; p++) {
            cefo__process *pr = &net->processes[p];
            if (!pr->group || pr->group_index != g || !label_is(d->order, start, len, pr->variant))
                continue;
            if (pr->stage >= 0)
                return cefo__error(err, CEFO_ERR_INVALID, net->file, d->line, "group",
                                   "group '%s': order names variant '%s' twice", d->id,
                                   pr->variant);
            pr->stage = (int)stage;
            found = 1;
        }
        if (!found)
            return cefo__error(err, CEFO_ERR_INVALID, net->file, d->line, "group",
                               "group '%s': order names '%.*s', which is not a variant of the "
                               "group", d->id, (int)len, d->order + start);
    }
    if (!stage)
        return cefo__error(err, CEFO_ERR_INVALID, net->file, d->line, "group",
                           "group '%s': order names no variant", d->id);
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__process *pr = &net->processes[p];
        if (pr->group && pr->group_index == g && pr->stage < 0)
            return cefo__error(err, CEFO_ERR_INVALID, net->file, pr->line, "process",
                               "process '%s' is a member of group '%s', whose order does not name "
                               "its variant '%s'", pr->id, d->id, pr->variant ? pr->variant : "");
    }
    net->group_stages[g] = stage;
    return CEFO_OK;
}

static void view_free(cefo_network *v)
{
    if (!v)
        return;
    cefo__free(v->materials);
    cefo__free(v->pollutants);
    cefo__free(v->processes);
    cefo__free(v->links);
    cefo__free(v->resources);
    cefo__free(v);
}

static void *dup_array(const void *a, size_t n, size_t size)
{
    void *d = cefo__calloc(n ? n : 1, size);
    if (d && n)
        memcpy(d, a, n * size);
    return d;
}

static void *step_target(cefo_network *v, double *demand, const cefo__step *s)
{
    switch (s->kind) {
    case CEFO__AT_POLLUTANT: return &v->pollutants[s->item];
    case CEFO__AT_MATERIAL: return &v->materials[s->item];
    case CEFO__AT_PROCESS: return &v->processes[s->item];
    case CEFO__AT_LINK: return &v->links[s->item];
    case CEFO__AT_RESOURCE: return &v->resources[s->item];
    case CEFO__AT_DEMAND: return (char *)&demand[s->item] - offsetof(cefo__demand, amount);
    }
    return NULL;
}

/* The network in period t: its items copied, every step up to t applied in period order. */
static cefo_network *make_view(const cefo_network *net, size_t t, double *demand)
{
    cefo_network *v = cefo__calloc(1, sizeof *v);
    if (!v)
        return NULL;
    *v = *net;
    v->materials = dup_array(net->materials, net->nmaterials, sizeof *net->materials);
    v->pollutants = dup_array(net->pollutants, net->npollutants, sizeof *net->pollutants);
    v->processes = dup_array(net->processes, net->nprocesses, sizeof *net->processes);
    v->links = dup_array(net->links, net->nlinks, sizeof *net->links);
    v->resources = dup_array(net->resources, net->nresources, sizeof *net->resources);
    v->views = NULL;
    v->nperiods = 0;
    v->steps = NULL;
    v->nsteps = 0;
    if (!v->materials || !v->pollutants || !v->processes || !v->links || !v->resources) {
        view_free(v);
        return NULL;
    }
    for (size_t d = 0; d < net->ndemands; d++)
        demand[d] = net->demands[d].amount;
    for (size_t u = 0; u <= t; u++)
        for (size_t i = 0; i < net->nsteps; i++) {
            const cefo__step *s = &net->steps[i];
            if (s->period == u)
                memcpy((char *)step_target(v, demand, s) + s->offset, &s->value, sizeof s->value);
        }
    for (size_t m = 0; m < net->nmaterials; m++)
        v->materials[m].demand = 0;
    for (size_t d = 0; d < net->ndemands; d++)
        v->materials[net->demands[d].material].demand += demand[d];
    return v;
}

/* Two <at> of one element setting one attribute for one period; a step on the bounds of a
 * total-scope resource (which hold for the whole programme, not per period). */
static cefo_status check_steps(const cefo_network *net, cefo_error *err)
{
    for (size_t i = 0; i < net->nsteps; i++) {
        const cefo__step *s = &net->steps[i];
        if (s->kind == CEFO__AT_RESOURCE && net->resources[s->item].total
            && s->offset != offsetof(cefo__resource, price))
            return cefo__error(err, CEFO_ERR_INVALID, net->file, s->line, "at",
                               "resource '%s' has scope=\"total\": its %s holds for the whole "
                               "programme and cannot change by period",
                               net->resources[s->item].id, field_name(s->kind, s->offset));
        for (size_t j = i; j-- > 0;) {
            const cefo__step *o = &net->steps[j];
            if (o->kind != s->kind || o->item != s->item)
                break;
            if (o->period == s->period && o->offset == s->offset)
                return cefo__error(err, CEFO_ERR_INVALID, net->file, s->line, "at",
                                   "'%s' is set twice for period '%s' (also at line %d)",
                                   field_name(s->kind, s->offset), net->periods[s->period].id,
                                   o->line);
        }
    }
    return CEFO_OK;
}

static cefo_status build_views(cefo_network *net, cefo_error *err)
{
    double *demand = cefo__calloc(net->ndemands + 1, sizeof *demand);
    net->views = cefo__calloc(net->nperiods, sizeof *net->views);
    cefo_status st = demand && net->views ? CEFO_OK
                                          : cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL,
                                                        "out of memory");
    for (size_t t = 0; t < net->nperiods && st == CEFO_OK; t++) {
        net->views[t] = make_view(net, t, demand);
        if (!net->views[t])
            st = cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
        else
            st = cefo__network_validate_values(net->views[t], net->periods[t].id, err);
    }
    cefo__free(demand);
    return st;
}

cefo_status cefo__network_validate_periods(cefo_network *net, cefo_error *err)
{
    for (size_t t = 0; net->views && t < net->nperiods; t++)
        view_free(net->views[t]);
    cefo__free(net->views);
    cefo__free(net->group_stages);
    net->views = NULL;
    net->group_stages = cefo__calloc(net->ngroups + 1, sizeof *net->group_stages);
    if (!net->group_stages)
        return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    for (size_t p = 0; p < net->nprocesses; p++)
        net->processes[p].stage = -1;
    cefo_status st = CEFO_OK;
    for (size_t i = 0; i < net->ngroup_decls && st == CEFO_OK; i++)
        if (net->group_decls[i].order)
            st = order_group(net, &net->group_decls[i], err);
    for (size_t t = 0; t < net->nperiods; t++)
        net->periods[t].discount = pow(1.0 + net->discount_rate, -net->periods[t].start);
    if (st == CEFO_OK && net->nperiods)
        st = check_steps(net, err);
    if (st == CEFO_OK && net->nperiods)
        st = build_views(net, err);
    return st;
}

void cefo__periods_free(cefo_network *net)
{
    for (size_t t = 0; net->views && t < net->nperiods; t++)
        view_free(net->views[t]);
    cefo__free(net->views);
    for (size_t t = 0; t < net->nperiods; t++)
        cefo__free(net->periods[t].id);
    cefo__free(net->periods);
    cefo__strmap_free(&net->period_ids);
    cefo__free(net->steps);
    cefo__free(net->demands);
    for (size_t i = 0; i < net->ngroup_decls; i++) {
        cefo__free(net->group_decls[i].id);
        cefo__free(net->group_decls[i].order);
    }
    cefo__free(net->group_decls);
    cefo__free(net->group_stages);
}
