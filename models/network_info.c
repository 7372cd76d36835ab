/* network_info.c - the network as written, through the public API (for writers and hosts). */
#include <math.h>

#include "core/abi.h"
#include "models/network.h"
#include "models/result.h"

const char *cefo_network_name(const cefo_network *net)
{
    return net ? net->name : NULL;
}

const char *cefo_network_currency(const cefo_network *net)
{
    return net ? net->currency : NULL;
}

const char *cefo_network_file(const cefo_network *net)
{
    return net ? net->file : NULL;
}

cefo_status cefo_network_process_sized(const cefo_network *net, size_t i, cefo_process_info *row,
                                       size_t size)
{
    if (!net || i >= net->nprocesses
        || cefo__abi_check(row, size, CEFO__END(cefo_process_info, optional)) != CEFO_OK)
        return CEFO_ERR_ARG;
    const cefo__process *p = &net->processes[i];
    cefo_process_info full = {
        .id = p->id, .kind = cefo__process_kind_name(p->kind), .name = p->name,
        .sector = p->sector, .zone = p->zone, .group = p->group, .variant = p->variant,
        .capacity = p->capacity, .min = p->min, .cost = p->cost, .labour = p->labour,
        .fixed_cost = p->fixed_cost, .optional = cefo__process_is_decision(p)};
    return cefo__abi_put(row, size, &full, sizeof full);
}

cefo_status cefo_network_link_sized(const cefo_network *net, size_t i, cefo_link_info *row,
                                    size_t size)
{
    if (!net || i >= net->nlinks
        || cefo__abi_check(row, size, CEFO__END(cefo_link_info, optional)) != CEFO_OK)
        return CEFO_ERR_ARG;
    const cefo__link *l = &net->links[i];
    cefo_link_info full = {.from = l->from, .to = l->to, .material = l->material,
                           .cost = l->cost, .capacity = l->capacity, .distance = l->distance,
                           .fixed_cost = l->fixed_cost, .optional = l->optional};
    return cefo__abi_put(row, size, &full, sizeof full);
}

cefo_status cefo_network_material_sized(const cefo_network *net, size_t i,
                                        cefo_material_info *row, size_t size)
{
    if (!net || i >= net->nmaterials
        || cefo__abi_check(row, size, CEFO__END(cefo_material_info, linked)) != CEFO_OK)
        return CEFO_ERR_ARG;
    const cefo__material *m = &net->materials[i];
    cefo_material_info full = {
        .id = m->id, .unit = m->unit, .kind = cefo__material_kind_name(m->kind),
        .import_cost = m->import_cost, .import_limit = m->import_limit,
        .export_price = m->export_price, .discharge_cost = m->discharge_cost,
        .demand = m->demand, .linked = m->linked};
    return cefo__abi_put(row, size, &full, sizeof full);
}

const size_t *cefo_network_material_users(const cefo_network *net, size_t m, size_t *n)
{
    size_t count = net && m < net->nmaterials ? net->user_start[m + 1] - net->user_start[m] : 0;
    if (n)
        *n = count;
    return net && m < net->nmaterials ? net->users + net->user_start[m] : NULL;
}

const cefo_network *cefo_result_network(const cefo_result *res)
{
    return res ? res->net : NULL;
}

/* The terms of `role` of process or material i, NULL when there are none of that kind. */
static const cefo__terms *terms_of(const cefo_network *net, cefo_item kind, size_t i,
                                   cefo_role role)
{
    if (!net)
        return NULL;
    if (kind == CEFO_PROCESS && i < net->nprocesses) {
        const cefo__process *p = &net->processes[i];
        return role == CEFO_INPUT    ? &p->inputs
               : role == CEFO_OUTPUT ? &p->outputs
               : role == CEFO_EMISSION ? &p->emissions
                                       : NULL;
    }
    if (kind == CEFO_MATERIAL && i < net->nmaterials && role == CEFO_EMISSION)
        return &net->materials[i].emissions;
    return NULL;
}

size_t cefo_network_term_count(const cefo_network *net, cefo_item kind, size_t i, cefo_role role)
{
    const cefo__terms *t = terms_of(net, kind, i, role);
    return t ? t->n : 0;
}

cefo_status cefo_network_term_sized(const cefo_network *net, cefo_item kind, size_t i,
                                    cefo_role role, size_t k, cefo_term_info *row, size_t size)
{
    const cefo__terms *t = terms_of(net, kind, i, role);
    if (!t || k >= t->n
        || cefo__abi_check(row, size, CEFO__END(cefo_term_info, amount)) != CEFO_OK)
        return CEFO_ERR_ARG;
    const cefo__term *term = &t->v[k];
    cefo_term_info full = {term->item,
                           role == CEFO_EMISSION ? net->pollutants[term->item].id
                                                 : net->materials[term->item].id,
                           term->amount};
    return cefo__abi_put(row, size, &full, sizeof full);
}
