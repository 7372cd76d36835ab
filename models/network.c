/* network.c - building, checking and freeing the cluster network. */
#include "models/network.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "core/alloc.h"
#include "core/error.h"

cefo_network *cefo__network_new(const char *file)
{
    cefo_network *net = cefo__calloc(1, sizeof *net);
    if (!net)
        return NULL;
    net->file = cefo__strdup(file ? file : "<memory>");
    if (!net->file) {
        cefo__free(net);
        return NULL;
    }
    return net;
}

static cefo_status nomem(cefo_error *err)
{
    return cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
}

/* Grows `arr`, registers the id, and returns the new zeroed slot. */
static cefo_status add_item(cefo_network *net, void **arr, size_t *n, size_t *cap, size_t size,
                            size_t line_offset, cefo__strmap *ids, const char *kind,
                            const char *id, int line, void **out, cefo_error *err)
{
    if (cefo__grow(arr, cap, *n + 1, size) != 0)
        return nomem(err);
    char *slot = (char *)*arr + *n * size;
    memset(slot, 0, size);
    char *copy = NULL;
    if (id) {
        copy = cefo__strdup(id);
        if (!copy)
            return nomem(err);
        size_t prev;
        if (cefo__strmap_get(ids, copy, &prev)) {
            cefo__free(copy);
            int first;
            memcpy(&first, (const char *)*arr + prev * size + line_offset, sizeof first);
            return cefo__error(err, CEFO_ERR_INVALID, net->file, line, kind,
                               "duplicate %s id '%s' (first defined at line %d)", kind, id, first);
        }
        if (cefo__strmap_put(ids, copy, *n) != 0) {
            cefo__free(copy);
            return nomem(err);
        }
        *(char **)slot = copy; /* id is the first member of every named item */
    }
    (*n)++;
    *out = slot;
    return CEFO_OK;
}

cefo_status cefo__network_add_material(cefo_network *net, const char *id, int line,
                                       cefo__material **out, cefo_error *err)
{
    void *slot = NULL;
    cefo_status st = add_item(net, (void **)&net->materials, &net->nmaterials,
                              &net->cap_materials, sizeof *net->materials,
                              offsetof(cefo__material, line), &net->material_ids, "material", id, line,
                              &slot, err);
    if (st != CEFO_OK)
        return st;
    cefo__material *m = slot;
    m->line = line;
    m->import_cost = m->export_price = m->discharge_cost = NAN;
    m->import_limit = INFINITY;
    *out = m;
    return CEFO_OK;
}

cefo_status cefo__network_add_pollutant(cefo_network *net, const char *id, int line,
                                        cefo__pollutant **out, cefo_error *err)
{
    void *slot = NULL;
    cefo_status st = add_item(net, (void **)&net->pollutants, &net->npollutants,
                              &net->cap_pollutants, sizeof *net->pollutants,
                              offsetof(cefo__pollutant, line), &net->pollutant_ids, "pollutant", id, line,
                              &slot, err);
    if (st != CEFO_OK)
        return st;
    cefo__pollutant *k = slot;
    k->line = line;
    k->cap = INFINITY;
    *out = k;
    return CEFO_OK;
}

cefo_status cefo__network_add_process(cefo_network *net, const char *id, int line,
                                      cefo__process **out, cefo_error *err)
{
    void *slot = NULL;
    cefo_status st = add_item(net, (void **)&net->processes, &net->nprocesses,
                              &net->cap_processes, sizeof *net->processes,
                              offsetof(cefo__process, line), &net->process_ids, "process", id, line,
                              &slot, err);
    if (st != CEFO_OK)
        return st;
    cefo__process *p = slot;
    p->line = line;
    p->capacity = INFINITY;
    p->lifetime = INFINITY;
    p->stage = -1;
    *out = p;
    return CEFO_OK;
}

cefo_status cefo__network_add_link(cefo_network *net, int line, cefo__link **out, cefo_error *err)
{
    void *slot = NULL;
    cefo_status st = add_item(net, (void **)&net->links, &net->nlinks, &net->cap_links,
                              sizeof *net->links, offsetof(cefo__link, line), NULL, "link",
                              NULL, line, &slot, err);
    if (st != CEFO_OK)
        return st;
    cefo__link *l = slot;
    l->line = line;
    l->capacity = INFINITY;
    l->lifetime = INFINITY;
    l->distance = NAN;
    *out = l;
    return CEFO_OK;
}

cefo_status cefo__network_add_resource(cefo_network *net, const char *id, int line,
                                       cefo__resource **out, cefo_error *err)
{
    void *slot = NULL;
    cefo_status st = add_item(net, (void **)&net->resources, &net->nresources,
                              &net->cap_resources, sizeof *net->resources,
                              offsetof(cefo__resource, line), &net->resource_ids, "resource", id,
                              line, &slot, err);
    if (st != CEFO_OK)
        return st;
    cefo__resource *r = slot;
    r->line = line;
    r->min = -INFINITY;
    r->max = INFINITY;
    *out = r;
    return CEFO_OK;
}

cefo_status cefo__terms_add(cefo__terms *t, size_t item, double amount, int line)
{
    if (cefo__grow((void **)&t->v, &t->cap, t->n + 1, sizeof *t->v) != 0)
        return CEFO_ERR_NOMEM;
    t->v[t->n++] = (cefo__term){item, amount, line};
    return CEFO_OK;
}

size_t cefo__terms_find(const cefo__terms *t, size_t item)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->v[i].item == item)
            return i;
    return CEFO__NO_TERM;
}

double cefo__terms_amount(const cefo__terms *t, size_t item)
{
    size_t i = cefo__terms_find(t, item);
    return i == CEFO__NO_TERM ? 0.0 : t->v[i].amount;
}

/* A material or pollutant listed twice in one list is almost surely a typo: refuse it.
 * `owner_kind` and `owner` name the list's holder ("process", "p"). */
static cefo_status check_unique(const cefo_network *net, const cefo__terms *t, const char *what,
                                const char *owner_kind, const char *owner, int is_pollutant,
                                cefo_error *err)
{
    for (size_t i = 1; i < t->n; i++) {
        for (size_t j = 0; j < i; j++) {
            if (t->v[i].item != t->v[j].item)
                continue;
            const char *id = is_pollutant ? net->pollutants[t->v[i].item].id
                                          : net->materials[t->v[i].item].id;
            return cefo__error(err, CEFO_ERR_INVALID, net->file, t->v[i].line, what,
                               "%s '%s' lists %s '%s' twice (also at line %d)", owner_kind,
                               owner, what, id, t->v[j].line);
        }
    }
    return CEFO_OK;
}

/* The checks of a process's numbers, in period `period` (NULL: the network's own values). */
static cefo_status validate_values(const cefo_network *net, const cefo__process *p,
                                   const char *period, cefo_error *err)
{
    char in[160] = "";
    if (period)
        snprintf(in, sizeof in, " in period '%s'", period);
    if (p->min > p->capacity)
        return cefo__error(err, CEFO_ERR_INVALID, net->file, p->line, "process",
                           "process '%s'%s: min %g exceeds capacity %g", p->id, in, p->min,
                           p->capacity);
    if ((p->optional || p->group) && isinf(p->capacity))
        return cefo__error(err, CEFO_ERR_INVALID, net->file, p->line, "process",
                           "process '%s' is %s and so needs a capacity%s", p->id,
                           p->optional ? "optional" : "a group member", in);
    return CEFO_OK;
}

cefo_status cefo__network_validate_values(const cefo_network *net, const char *period,
                                          cefo_error *err)
{
    cefo_status st = CEFO_OK;
    for (size_t i = 0; i < net->nprocesses && st == CEFO_OK; i++)
        st = validate_values(net, &net->processes[i], period, err);
    for (size_t i = 0; i < net->nlinks && st == CEFO_OK; i++) {
        const cefo__link *l = &net->links[i];
        if (l->optional && isinf(l->capacity))
            st = cefo__error(err, CEFO_ERR_INVALID, net->file, l->line, "link",
                             "optional link of '%s' from '%s' needs a capacity%s%s%s",
                             net->materials[l->material].id, net->processes[l->from].id,
                             period ? " in period '" : "", period ? period : "",
                             period ? "'" : "");
    }
    for (size_t i = 0; i < net->nresources && st == CEFO_OK; i++) {
        const cefo__resource *r = &net->resources[i];
        if (r->min > r->max)
            st = cefo__error(err, CEFO_ERR_INVALID, net->file, r->line, "resource",
                             "resource '%s': min %g exceeds max %g%s%s%s", r->id, r->min,
                             r->max, period ? " in period '" : "", period ? period : "",
                             period ? "'" : "");
    }
    return st;
}

static cefo_status validate_process(const cefo_network *net, const cefo__process *p,
                                    cefo_error *err)
{
    cefo_status st = validate_values(net, p, NULL, err);
    if (st != CEFO_OK)
        return st;
    st = check_unique(net, &p->inputs, "input", "process", p->id, 0, err);
    if (st == CEFO_OK)
        st = check_unique(net, &p->outputs, "output", "process", p->id, 0, err);
    if (st == CEFO_OK)
        st = check_unique(net, &p->emissions, "emission", "process", p->id, 1, err);
    return st;
}

static cefo_status validate_link(const cefo_network *net, const cefo__link *l, cefo_error *err)
{
    const cefo__process *from = &net->processes[l->from], *to = &net->processes[l->to];
    const char *m = net->materials[l->material].id;
    if (l->from == l->to)
        return cefo__error(err, CEFO_ERR_INVALID, net->file, l->line, "link",
                           "link of '%s' goes from process '%s' to itself", m, from->id);
    if (cefo__terms_find(&from->outputs, l->material) == CEFO__NO_TERM)
        return cefo__error(err, CEFO_ERR_INVALID, net->file, l->line, "link",
                           "link from '%s' carries '%s', which '%s' does not output", from->id, m,
                           from->id);
    if (cefo__terms_find(&to->inputs, l->material) == CEFO__NO_TERM)
        return cefo__error(err, CEFO_ERR_INVALID, net->file, l->line, "link",
                           "link to '%s' carries '%s', which '%s' does not input", to->id, m,
                           to->id);
    if (l->optional && isinf(l->capacity))
        return cefo__error(err, CEFO_ERR_INVALID, net->file, l->line, "link",
                           "optional link of '%s' from '%s' needs a capacity", m, from->id);
    return CEFO_OK;
}

int cefo__process_is_decision(const cefo__process *p)
{
    return p->optional || p->group;
}

/* Distinct group names in order of first use; each member gets its group's index. */
static cefo_status collect_groups(cefo_network *net, cefo_error *err)
{
    cefo__strmap seen = {0};
    cefo_status st = CEFO_OK;
    cefo__free(net->groups);
    net->groups = NULL;
    net->ngroups = 0;
    size_t cap = 0;
    for (size_t i = 0; i < net->nprocesses && st == CEFO_OK; i++) {
        cefo__process *p = &net->processes[i];
        if (!p->group)
            continue;
        size_t g;
        if (cefo__strmap_get(&seen, p->group, &g)) {
            p->group_index = g;
            continue;
        }
        if (cefo__grow((void **)&net->groups, &cap, net->ngroups + 1, sizeof *net->groups) != 0
            || cefo__strmap_put(&seen, p->group, net->ngroups) != 0) {
            st = cefo__error(err, CEFO_ERR_NOMEM, NULL, 0, NULL, "out of memory");
            break;
        }
        p->group_index = net->ngroups;
        net->groups[net->ngroups++] = p->group;
    }
    cefo__strmap_free(&seen);
    return st;
}

/* Builds the material -> processes index (counting, then filling). 0, or -1 on OOM. */
static int index_users(cefo_network *net)
{
    size_t nm = net->nmaterials, total = 0;
    net->user_start = cefo__calloc(nm + 1, sizeof *net->user_start);
    for (int pass = 0; pass < 2 && net->user_start; pass++) {
        size_t *fill = pass ? cefo__calloc(nm + 1, sizeof *fill) : NULL;
        if (pass && (!fill || !(net->users = cefo__calloc(total + 1, sizeof *net->users)))) {
            cefo__free(fill);
            return -1;
        }
        for (size_t p = 0; p < net->nprocesses; p++) {
            const cefo__terms *lists[2] = {&net->processes[p].inputs, &net->processes[p].outputs};
            for (int k = 0; k < 2; k++) {
                for (size_t t = 0; t < lists[k]->n; t++) {
                    size_t m = lists[k]->v[t].item;
                    if (!pass) {
                        net->user_start[m + 1]++; /* an upper bound: a process may count twice */
                        continue;
                    }
                    size_t at = net->user_start[m] + fill[m];
                    if (fill[m] && net->users[at - 1] == p)
                        continue; /* both an input and an output of p */
                    net->users[at] = p;
                    fill[m]++;
                }
            }
        }
        if (!pass) {
            for (size_t m = 0; m < nm; m++)
                net->user_start[m + 1] += net->user_start[m];
            total = net->user_start[nm];
        } else {
            /* Close the gaps left by processes counted twice: compact in place. */
            size_t w = 0;
            for (size_t m = 0; m < nm; m++) {
                size_t from = net->user_start[m], n = fill[m];
                net->user_start[m] = w;
                memmove(net->users + w, net->users + from, n * sizeof *net->users);
                w += n;
            }
            net->user_start[nm] = w;
            cefo__free(fill);
        }
    }
    return net->user_start ? 0 : -1;
}

/* Appends a warning at `line`; CEFO_OK or CEFO_ERR_NOMEM. */
static cefo_status warn(cefo_network *net, int line, const char *element, const char *msg,
                        cefo_error *err)
{
    if (cefo__grow((void **)&net->warnings, &net->cap_warnings, net->nwarnings + 1,
                   sizeof *net->warnings) != 0)
        return cefo__error(err, CEFO_ERR_NOMEM, net->file, 0, NULL, "out of memory");
    cefo__error(&net->warnings[net->nwarnings++], CEFO_OK, net->file, line, element, "%s", msg);
    return CEFO_OK;
}

/*
 * A consumer of a linked material is supplied by its incoming links or by import only
 * (docs/network-format.md): one that no link reaches is most likely a forgotten <link>.
 * fed[] flags every input term a link reaches (terms numbered process after process).
 */
static cefo_status warn_unlinked_consumers(cefo_network *net, cefo_error *err)
{
    size_t nterms = 0;
    for (size_t p = 0; p < net->nprocesses; p++)
        nterms += net->processes[p].inputs.n;
    size_t *first = cefo__calloc(net->nprocesses + 1, sizeof *first);
    unsigned char *fed = cefo__calloc(nterms + 1, 1);
    cefo_status st = first && fed ? CEFO_OK
                                  : cefo__error(err, CEFO_ERR_NOMEM, net->file, 0, NULL,
                                                "out of memory");
    for (size_t p = 0; st == CEFO_OK && p < net->nprocesses; p++)
        first[p + 1] = first[p] + net->processes[p].inputs.n;
    for (size_t l = 0; st == CEFO_OK && l < net->nlinks; l++) {
        const cefo__link *ln = &net->links[l];
        size_t t = cefo__terms_find(&net->processes[ln->to].inputs, ln->material);
        if (t != CEFO__NO_TERM)
            fed[first[ln->to] + t] = 1;
    }
    for (size_t p = 0; st == CEFO_OK && p < net->nprocesses; p++) {
        const cefo__process *pr = &net->processes[p];
        for (size_t t = 0; t < pr->inputs.n && st == CEFO_OK; t++) {
            const cefo__material *m = &net->materials[pr->inputs.v[t].item];
            if (!m->linked || fed[first[p] + t])
                continue;
            char msg[480];
            snprintf(msg, sizeof msg, "process '%s' consumes '%s', which links carry, but no "
                     "link brings it to '%s': it can only import it%s", pr->id, m->id, pr->id,
                     isnan(m->import_cost) ? " - and it has no import-cost, so the process "
                                             "cannot run" : "");
            st = warn(net, pr->inputs.v[t].line, "input", msg, err);
        }
    }
    cefo__free(first);
    cefo__free(fed);
    return st;
}

size_t cefo_network_warning_count(const cefo_network *net)
{
    return net ? net->nwarnings : 0;
}

const cefo_error *cefo_network_warning(const cefo_network *net, size_t i)
{
    return net && i < net->nwarnings ? &net->warnings[i] : NULL;
}

cefo_status cefo__network_validate(cefo_network *net, cefo_error *err)
{
    net->nwarnings = 0;
    cefo_status st = collect_groups(net, err);
    for (size_t i = 0; i < net->nmaterials && st == CEFO_OK; i++) {
        cefo__material *m = &net->materials[i];
        m->linked = 0;
        if (!isnan(m->discharge_cost) && m->kind != CEFO__WASTE)
            st = cefo__error(err, CEFO_ERR_INVALID, net->file, m->line, "material",
                             "material '%s': discharge-cost is allowed on wastes only", m->id);
        else if (m->emissions.n && isnan(m->discharge_cost))
            st = cefo__error(err, CEFO_ERR_INVALID, net->file, m->emissions.v[0].line,
                             "emission",
                             "material '%s' has discharge emissions but no discharge-cost, so "
                             "it can never be discharged", m->id);
        else
            st = check_unique(net, &m->emissions, "emission", "material", m->id, 1, err);
    }
    for (size_t i = 0; i < net->nprocesses && st == CEFO_OK; i++)
        st = validate_process(net, &net->processes[i], err);
    for (size_t i = 0; i < net->nlinks && st == CEFO_OK; i++) {
        st = validate_link(net, &net->links[i], err);
        net->materials[net->links[i].material].linked = 1;
    }
    if (st == CEFO_OK)
        st = cefo__network_validate_resources(net, err);
    if (st == CEFO_OK && index_users(net) != 0)
        st = cefo__error(err, CEFO_ERR_NOMEM, net->file, 0, NULL, "out of memory");
    if (st == CEFO_OK)
        st = warn_unlinked_consumers(net, err);
    if (st == CEFO_OK)
        st = cefo__network_validate_periods(net, err);
    return st;
}

static void terms_free(cefo__terms *t)
{
    cefo__free(t->v);
}

void cefo_network_free(cefo_network *net)
{
    if (!net)
        return;
    for (size_t i = 0; i < net->nmaterials; i++) {
        cefo__free(net->materials[i].id);
        cefo__free(net->materials[i].unit);
        terms_free(&net->materials[i].emissions);
    }
    for (size_t i = 0; i < net->npollutants; i++) {
        cefo__free(net->pollutants[i].id);
        cefo__free(net->pollutants[i].unit);
    }
    for (size_t i = 0; i < net->nprocesses; i++) {
        cefo__process *p = &net->processes[i];
        cefo__free(p->id);
        cefo__free(p->name);
        cefo__free(p->sector);
        cefo__free(p->zone);
        cefo__free(p->group);
        cefo__free(p->variant);
        terms_free(&p->inputs);
        terms_free(&p->outputs);
        terms_free(&p->emissions);
        cefo__free(p->uses.v);
    }
    for (size_t i = 0; i < net->nlinks; i++)
        cefo__free(net->links[i].uses.v);
    cefo__periods_free(net);
    cefo__resources_free(net);
    cefo__free(net->materials);
    cefo__free(net->pollutants);
    cefo__free(net->processes);
    cefo__free(net->links);
    cefo__free(net->groups);
    cefo__free(net->user_start);
    cefo__free(net->users);
    cefo__free(net->warnings);
    cefo__strmap_free(&net->material_ids);
    cefo__strmap_free(&net->pollutant_ids);
    cefo__strmap_free(&net->process_ids);
    cefo__strmap_free(&net->resource_ids);
    cefo__free(net->file);
    cefo__free(net->currency);
    cefo__free(net->name);
    cefo__source_free(net);
    for (size_t i = 0; i < net->nsrc_files; i++)
        cefo__free(net->src_files[i]);
    cefo__free(net->src_files);
    cefo__free(net);
}

const char *cefo_network_input(const cefo_network *net, size_t i)
{
    return net && i < net->nsrc_files ? net->src_files[i] : NULL;
}

size_t cefo_network_count(const cefo_network *net, cefo_item kind)
{
    if (!net)
        return 0;
    switch (kind) {
    case CEFO_MATERIAL: return net->nmaterials;
    case CEFO_POLLUTANT: return net->npollutants;
    case CEFO_PROCESS: return net->nprocesses;
    case CEFO_LINK: return net->nlinks;
    case CEFO_GROUP: return net->ngroups;
    case CEFO_RESOURCE: return net->nresources;
    }
    return 0;
}

const char *cefo_network_id(const cefo_network *net, cefo_item kind, size_t i)
{
    if (!net || i >= cefo_network_count(net, kind))
        return NULL;
    switch (kind) {
    case CEFO_MATERIAL: return net->materials[i].id;
    case CEFO_POLLUTANT: return net->pollutants[i].id;
    case CEFO_PROCESS: return net->processes[i].id;
    case CEFO_GROUP: return net->groups[i];
    case CEFO_RESOURCE: return net->resources[i].id;
    case CEFO_LINK: break;
    }
    return NULL;
}

cefo_status cefo_network_find(const cefo_network *net, cefo_item kind, const char *id,
                              size_t *index)
{
    if (!net || !id || !index)
        return CEFO_ERR_ARG;
    const cefo__strmap *ids = kind == CEFO_MATERIAL    ? &net->material_ids
                              : kind == CEFO_POLLUTANT ? &net->pollutant_ids
                              : kind == CEFO_PROCESS   ? &net->process_ids
                              : kind == CEFO_RESOURCE  ? &net->resource_ids
                                                       : NULL;
    if (!ids)
        return CEFO_ERR_ARG;
    return cefo__strmap_get(ids, id, index) ? CEFO_OK : CEFO_ERR_INVALID;
}

const char *cefo__material_kind_name(cefo__material_kind k)
{
    static const char *names[] = {"product", "waste", "resource"};
    return names[k];
}

const char *cefo__process_kind_name(cefo__process_kind k)
{
    static const char *names[] = {"production", "treatment", "recycling", "disposal"};
    return names[k];
}
