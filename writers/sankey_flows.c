/* sankey_flows.c - a Sankey diagram's nodes and flows, read from a plan through the public API. */
#include "writers/sankey.h"

#include "core/alloc.h"
#include "writers/report.h"

#define MIN_FLOW 1e-9

typedef struct builder {
    cefo__sankey *s;
    size_t cap_nodes, cap_links;
    size_t *material_node;      /* per material: its hub, or NONE */
    size_t terminal[4];         /* import, demand, export, discharge, or NONE */
    size_t *pollutant_node;     /* per pollutant: its terminal, or NONE */
    int oom;
} builder;

#define NONE ((size_t)-1)

static size_t add_node(builder *b, cefo__snode_kind kind, size_t item, const char *label)
{
    cefo__sankey *s = b->s;
    if (b->oom || cefo__grow((void **)&s->nodes, &b->cap_nodes, s->nnodes + 1, sizeof *s->nodes)) {
        b->oom = 1;
        return NONE;
    }
    s->nodes[s->nnodes] = (cefo__snode){.kind = kind, .item = item, .label = label};
    return s->nnodes++;
}

static size_t terminal(builder *b, cefo__snode_kind kind)
{
    static const char *const labels[] = {"imports", "final demand", "exports", "discharged"};
    size_t k = (size_t)kind - CEFO__SNODE_IMPORT;
    if (b->terminal[k] == NONE)
        b->terminal[k] = add_node(b, kind, NONE, labels[k]);
    return b->terminal[k];
}

static size_t hub(builder *b, const cefo_network *net, size_t m)
{
    if (b->material_node[m] == NONE)
        b->material_node[m] = add_node(b, CEFO__SNODE_MATERIAL, m,
                                       cefo_network_id(net, CEFO_MATERIAL, m));
    return b->material_node[m];
}

static size_t pollutant_terminal(builder *b, const cefo_network *net, size_t k)
{
    if (b->pollutant_node[k] == NONE)
        b->pollutant_node[k] = add_node(b, CEFO__SNODE_EMISSION, k,
                                        cefo_network_id(net, CEFO_POLLUTANT, k));
    return b->pollutant_node[k];
}

static void add_link(builder *b, size_t from, size_t to, size_t m, size_t link, double v)
{
    cefo__sankey *s = b->s;
    if (b->oom || from == NONE || to == NONE || !(v > MIN_FLOW))
        return;
    if (cefo__grow((void **)&s->links, &b->cap_links, s->nlinks + 1, sizeof *s->links)) {
        b->oom = 1;
        return;
    }
    s->links[s->nlinks++] = (cefo__slink){.from = from, .to = to, .material = m,
                                          .chain = link != CEFO__NO_LINK, .link = link,
                                          .value = v};
}

static void emission_link(builder *b, size_t from, size_t to, size_t k, double v)
{
    size_t before = b->s->nlinks;
    add_link(b, from, to, k, CEFO__NO_LINK, v);
    if (b->s->nlinks > before)
        b->s->links[before].emission = 1;
}

/* The emissions of process or material i (kind) at `amount` (its activity, or what is
 * discharged of it) as flows from its node to each pollutant's terminal. */
static void emissions(builder *b, const cefo_network *net, cefo_item kind, size_t i, size_t from,
                      double amount)
{
    for (size_t t = 0, n = cefo_network_term_count(net, kind, i, CEFO_EMISSION); t < n; t++) {
        cefo_term_info em;
        if (cefo_network_term(net, kind, i, CEFO_EMISSION, t, &em) != CEFO_OK)
            continue;
        double v = em.amount * amount;
        emission_link(b, from, v > MIN_FLOW ? pollutant_terminal(b, net, em.item) : NONE,
                      em.item, v);
    }
}

/*
 * Each process's activity and its inputs (side 0, CEFO_INPUT) and outputs (side 1,
 * CEFO_OUTPUT), read once through the public API: process p's terms of side d are
 * term[d][start[d][p]] .. term[d][start[d][p + 1] - 1], and linked[d] holds what links carry
 * on each of them.
 */
typedef struct sides {
    double *activity;
    size_t *start[2];
    cefo_term_info *term[2];
    double *linked[2];
} sides;

static void sides_free(sides *d)
{
    cefo__free(d->activity);
    for (int k = 0; k < 2; k++) {
        cefo__free(d->start[k]);
        cefo__free(d->term[k]);
        cefo__free(d->linked[k]);
    }
}

static int sides_read(const cefo_result *r, size_t nprocesses, sides *d)
{
    const cefo_network *net = cefo_result_network(r);
    d->activity = cefo__calloc(nprocesses + 1, sizeof *d->activity);
    for (int k = 0; k < 2; k++)
        d->start[k] = cefo__calloc(nprocesses + 1, sizeof *d->start[k]);
    if (!d->activity || !d->start[0] || !d->start[1])
        return -1;
    for (size_t p = 0; p < nprocesses; p++) {
        cefo_process_result row;
        d->activity[p] = cefo_result_process(r, p, &row) == CEFO_OK ? row.activity : 0;
        for (int k = 0; k < 2; k++)
            d->start[k][p + 1] = d->start[k][p]
                                 + cefo_network_term_count(net, CEFO_PROCESS, p, (cefo_role)k);
    }
    for (int k = 0; k < 2; k++) {
        d->term[k] = cefo__calloc(d->start[k][nprocesses] + 1, sizeof *d->term[k]);
        d->linked[k] = cefo__calloc(d->start[k][nprocesses] + 1, sizeof *d->linked[k]);
        if (!d->term[k] || !d->linked[k])
            return -1;
        for (size_t p = 0; p < nprocesses; p++)
            for (size_t t = d->start[k][p]; t < d->start[k][p + 1]; t++)
                if (cefo_network_term(net, CEFO_PROCESS, p, (cefo_role)k, t - d->start[k][p],
                                      &d->term[k][t]) != CEFO_OK)
                    return -1;
    }
    return 0;
}

/* Adds a link's flow to the term of its material on side k of process p (materials appear
 * once in a list: the loader refuses a repeat). */
static void add_linked(sides *d, int k, size_t p, size_t material, double flow)
{
    for (size_t t = d->start[k][p]; t < d->start[k][p + 1]; t++)
        if (d->term[k][t].item == material) {
            d->linked[k][t] += flow;
            return;
        }
}

/* What enters from and leaves to outside the cluster: imports, final demand, exports and
 * discharges of each material, through its hub. */
static void terminal_flows(builder *b, const cefo_result *r, size_t nmaterials)
{
    const cefo_network *net = cefo_result_network(r);
    for (size_t m = 0; m < nmaterials; m++) {
        cefo_material_result mr;
        if (cefo_result_material(r, m, &mr) != CEFO_OK)
            continue;
        if (mr.import > MIN_FLOW)
            add_link(b, terminal(b, CEFO__SNODE_IMPORT), hub(b, net, m), m, CEFO__NO_LINK, mr.import);
        if (mr.demand > MIN_FLOW && b->material_node[m] != NONE)
            add_link(b, hub(b, net, m), terminal(b, CEFO__SNODE_DEMAND), m, CEFO__NO_LINK, mr.demand);
        if (mr.export > MIN_FLOW)
            add_link(b, hub(b, net, m), terminal(b, CEFO__SNODE_EXPORT), m, CEFO__NO_LINK, mr.export);
        if (mr.discharge > MIN_FLOW)
            add_link(b, hub(b, net, m), terminal(b, CEFO__SNODE_DISCHARGE), m, CEFO__NO_LINK,
                     mr.discharge);
    }
}

/* Nodes and flows of the plan: links as they are, pooled materials through their hub. */
static void collect(builder *b, const cefo_result *r)
{
    const cefo_network *net = cefo_result_network(r);
    size_t nprocesses = cefo_network_count(net, CEFO_PROCESS);
    size_t nmaterials = cefo_network_count(net, CEFO_MATERIAL);
    size_t *proc_node = cefo__calloc(nprocesses + 1, sizeof *proc_node);
    sides d = {0};
    if (!proc_node || sides_read(r, nprocesses, &d) != 0) {
        b->oom = 1;
        goto done;
    }
    for (size_t p = 0; p < nprocesses; p++)
        proc_node[p] = d.activity[p] > MIN_FLOW
                           ? add_node(b, CEFO__SNODE_PROCESS, p, cefo__process_label(net, p))
                           : NONE;
    for (size_t l = 0, n = cefo_network_count(net, CEFO_LINK); l < n; l++) {
        cefo_link_info ln;
        cefo_link_result lr;
        if (cefo_network_link(net, l, &ln) != CEFO_OK || cefo_result_link(r, l, &lr) != CEFO_OK)
            continue;
        add_linked(&d, CEFO_INPUT, ln.to, ln.material, lr.flow);
        add_linked(&d, CEFO_OUTPUT, ln.from, ln.material, lr.flow);
        add_link(b, proc_node[ln.from], proc_node[ln.to], ln.material, l, lr.flow);
    }
    for (size_t p = 0; p < nprocesses; p++) {
        if (proc_node[p] == NONE)
            continue;
        /* Through the hub: everything of a pooled material; for a linked one, what its
         * producers sell and its consumers import (links carry the rest). */
        for (size_t t = d.start[CEFO_OUTPUT][p]; t < d.start[CEFO_OUTPUT][p + 1]; t++) {
            size_t m = d.term[CEFO_OUTPUT][t].item;
            double v = d.term[CEFO_OUTPUT][t].amount * d.activity[p] - d.linked[CEFO_OUTPUT][t];
            add_link(b, proc_node[p], v > MIN_FLOW ? hub(b, net, m) : NONE, m, CEFO__NO_LINK, v);
        }
        for (size_t t = d.start[CEFO_INPUT][p]; t < d.start[CEFO_INPUT][p + 1]; t++) {
            size_t m = d.term[CEFO_INPUT][t].item;
            double v = d.term[CEFO_INPUT][t].amount * d.activity[p] - d.linked[CEFO_INPUT][t];
            add_link(b, v > MIN_FLOW ? hub(b, net, m) : NONE, proc_node[p], m, CEFO__NO_LINK, v);
        }
    }
    terminal_flows(b, r, nmaterials);
    /* Emissions as outflows: each process's, and each discharged waste's, to its pollutant. */
    for (size_t p = 0; p < nprocesses; p++)
        if (proc_node[p] != NONE)
            emissions(b, net, CEFO_PROCESS, p, proc_node[p], d.activity[p]);
    for (size_t m = 0; m < nmaterials; m++) {
        cefo_material_result mr;
        if (cefo_result_material(r, m, &mr) == CEFO_OK && mr.discharge > MIN_FLOW)
            emissions(b, net, CEFO_MATERIAL, m, hub(b, net, m), mr.discharge);
    }
done:
    cefo__free(proc_node);
    sides_free(&d);
}

int cefo__sankey_flows(const cefo_result *r, cefo__sankey *s)
{
    const cefo_network *net = cefo_result_network(r);
    size_t nmaterials = cefo_network_count(net, CEFO_MATERIAL);
    size_t npollutants = cefo_network_count(net, CEFO_POLLUTANT);
    builder b = {.s = s};
    b.material_node = cefo__calloc(nmaterials + 1, sizeof *b.material_node);
    b.pollutant_node = cefo__calloc(npollutants + 1, sizeof *b.pollutant_node);
    for (size_t m = 0; b.material_node && m < nmaterials; m++)
        b.material_node[m] = NONE;
    for (size_t k = 0; b.pollutant_node && k < npollutants; k++)
        b.pollutant_node[k] = NONE;
    for (int k = 0; k < 4; k++)
        b.terminal[k] = NONE;
    if (!b.material_node || !b.pollutant_node)
        b.oom = 1;
    if (!b.oom)
        collect(&b, r);
    cefo__free(b.material_node);
    cefo__free(b.pollutant_node);
    return b.oom ? -1 : 0;
}
