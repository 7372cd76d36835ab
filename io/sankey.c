/* sankey.c - Sankey layout: layers by depth, iterative relaxation, link stacking, cycles kept. */
#include "io/sankey.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

#define MIN_FLOW 1e-9
#define NODE_PAD 14.0
#define ITERATIONS 32

typedef struct builder {
    cefo__sankey *s;
    size_t cap_nodes, cap_links;
    size_t *material_node;      /* per material: its hub, or NONE */
    size_t terminal[4];         /* import, demand, export, discharge, or NONE */
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
        b->material_node[m] = add_node(b, CEFO__SNODE_MATERIAL, m, net->materials[m].id);
    return b->material_node[m];
}

static void add_link(builder *b, size_t from, size_t to, size_t m, int chain, double v)
{
    cefo__sankey *s = b->s;
    if (b->oom || from == NONE || to == NONE || !(v > MIN_FLOW))
        return;
    if (cefo__grow((void **)&s->links, &b->cap_links, s->nlinks + 1, sizeof *s->links)) {
        b->oom = 1;
        return;
    }
    s->links[s->nlinks++] = (cefo__slink){.from = from, .to = to, .material = m, .chain = chain,
                                          .value = v};
}

/*
 * The link flow on each process's input and output terms, in one pass over the links:
 * in[base_in[p] + t] is what p's input t receives by links (outputs likewise).
 */
static int linked_flows(const cefo_result *r, size_t **base, double **in, double **out)
{
    const cefo_network *net = r->net;
    size_t total_in = 0, total_out = 0;
    base[0] = cefo__calloc(net->nprocesses + 1, sizeof **base);
    base[1] = cefo__calloc(net->nprocesses + 1, sizeof **base);
    if (!base[0] || !base[1])
        return -1;
    for (size_t p = 0; p < net->nprocesses; p++) {
        base[0][p] = total_in;
        base[1][p] = total_out;
        total_in += net->processes[p].inputs.n;
        total_out += net->processes[p].outputs.n;
    }
    *in = cefo__calloc(total_in + 1, sizeof **in);
    *out = cefo__calloc(total_out + 1, sizeof **out);
    if (!*in || !*out)
        return -1;
    for (size_t l = 0; l < net->nlinks; l++) {
        const cefo__link *ln = &net->links[l];
        size_t ti = cefo__terms_find(&net->processes[ln->to].inputs, ln->material);
        size_t to = cefo__terms_find(&net->processes[ln->from].outputs, ln->material);
        if (ti != CEFO__NO_TERM)
            (*in)[base[0][ln->to] + ti] += r->flow[l];
        if (to != CEFO__NO_TERM)
            (*out)[base[1][ln->from] + to] += r->flow[l];
    }
    return 0;
}

/* Nodes and flows of the plan: links as they are, pooled materials through their hub. */
static void collect(builder *b, const cefo_result *r)
{
    const cefo_network *net = r->net;
    size_t *proc_node = cefo__calloc(net->nprocesses, sizeof *proc_node);
    size_t *base[2] = {NULL, NULL};
    double *in = NULL, *out = NULL;
    if (!proc_node || linked_flows(r, base, &in, &out) != 0) {
        b->oom = 1;
        goto done;
    }
    for (size_t p = 0; p < net->nprocesses; p++)
        proc_node[p] = r->activity[p] > MIN_FLOW
                           ? add_node(b, CEFO__SNODE_PROCESS, p, net->processes[p].id)
                           : NONE;
    for (size_t l = 0; l < net->nlinks; l++) {
        const cefo__link *ln = &net->links[l];
        add_link(b, proc_node[ln->from], proc_node[ln->to], ln->material, 1, r->flow[l]);
    }
    for (size_t p = 0; p < net->nprocesses; p++) {
        const cefo__process *pr = &net->processes[p];
        if (proc_node[p] == NONE)
            continue;
        /* Through the hub: everything of a pooled material; for a linked one, what its
         * producers sell and its consumers import (links carry the rest). */
        for (size_t t = 0; t < pr->outputs.n; t++) {
            size_t m = pr->outputs.v[t].item;
            double v = pr->outputs.v[t].amount * r->activity[p] - out[base[1][p] + t];
            add_link(b, proc_node[p], v > MIN_FLOW ? hub(b, net, m) : NONE, m, 0, v);
        }
        for (size_t t = 0; t < pr->inputs.n; t++) {
            size_t m = pr->inputs.v[t].item;
            double v = pr->inputs.v[t].amount * r->activity[p] - in[base[0][p] + t];
            add_link(b, v > MIN_FLOW ? hub(b, net, m) : NONE, proc_node[p], m, 0, v);
        }
    }
    for (size_t m = 0; m < net->nmaterials; m++) {
        if (r->import[m] > MIN_FLOW)
            add_link(b, terminal(b, CEFO__SNODE_IMPORT), hub(b, net, m), m, 0, r->import[m]);
        if (r->demand[m] > MIN_FLOW && b->material_node[m] != NONE)
            add_link(b, hub(b, net, m), terminal(b, CEFO__SNODE_DEMAND), m, 0, r->demand[m]);
        if (r->export[m] > MIN_FLOW)
            add_link(b, hub(b, net, m), terminal(b, CEFO__SNODE_EXPORT), m, 0, r->export[m]);
        if (r->discharge[m] > MIN_FLOW)
            add_link(b, hub(b, net, m), terminal(b, CEFO__SNODE_DISCHARGE), m, 0,
                     r->discharge[m]);
    }
done:
    cefo__free(proc_node);
    cefo__free(base[0]);
    cefo__free(base[1]);
    cefo__free(in);
    cefo__free(out);
}

/* Depth-first search marking the links that close a cycle (recycling loops) as backward. */
static int mark_backward(cefo__sankey *s)
{
    unsigned char *state = cefo__calloc(s->nnodes, 1); /* 0 new, 1 on the stack, 2 done */
    size_t *stack = cefo__calloc(s->nnodes + 1, sizeof *stack);
    size_t *next = cefo__calloc(s->nnodes + 1, sizeof *next); /* next link to look at */
    if (!state || !stack || !next) {
        cefo__free(state);
        cefo__free(stack);
        cefo__free(next);
        return -1;
    }
    /* Roots: first the nodes nothing flows into (imports, sources), so that primary flows run
     * forward and only the edges that close a loop (recycling) come out backward. */
    size_t *indegree = next; /* reused as scratch before the search */
    for (size_t l = 0; l < s->nlinks; l++)
        indegree[s->links[l].to]++;
    size_t nroots = 0;
    for (size_t i = 0; i < s->nnodes; i++)
        if (!indegree[i])
            stack[nroots++] = i;
    for (size_t i = 0; i < s->nnodes; i++)
        if (indegree[i])
            stack[nroots++] = i;
    size_t *roots = cefo__calloc(s->nnodes + 1, sizeof *roots);
    if (!roots) {
        cefo__free(state);
        cefo__free(stack);
        cefo__free(next);
        return -1;
    }
    memcpy(roots, stack, s->nnodes * sizeof *roots);
    for (size_t r = 0; r < s->nnodes; r++) {
        size_t root = roots[r];
        if (state[root])
            continue;
        size_t top = 0;
        stack[top++] = root;
        state[root] = 1;
        next[root] = 0;
        while (top) {
            size_t u = stack[top - 1];
            size_t l = next[u]++;
            if (l >= s->nlinks) {
                state[u] = 2;
                top--;
                continue;
            }
            if (s->links[l].from != u)
                continue;
            size_t v = s->links[l].to;
            if (state[v] == 1)
                s->links[l].backward = 1;
            else if (state[v] == 0) {
                state[v] = 1;
                next[v] = 0;
                stack[top++] = v;
            }
        }
    }
    cefo__free(roots);
    cefo__free(state);
    cefo__free(stack);
    cefo__free(next);
    return 0;
}

/* Longest path from the sources over forward links; terminal sinks go to the last layer. */
static int assign_layers(cefo__sankey *s)
{
    int last = 0, changed = 1;
    for (size_t pass = 0; changed && pass <= s->nnodes; pass++) {
        changed = 0;
        for (size_t l = 0; l < s->nlinks; l++) {
            cefo__slink *k = &s->links[l];
            if (!k->backward && s->nodes[k->to].layer < s->nodes[k->from].layer + 1) {
                s->nodes[k->to].layer = s->nodes[k->from].layer + 1;
                changed = 1;
            }
        }
    }
    for (size_t i = 0; i < s->nnodes; i++)
        last = s->nodes[i].layer > last ? s->nodes[i].layer : last;
    for (size_t i = 0; i < s->nnodes; i++)
        if (s->nodes[i].kind >= CEFO__SNODE_DEMAND)
            s->nodes[i].layer = last;
    return last;
}

static double centre(const cefo__snode *n)
{
    return n->y + n->h / 2;
}

/* Pushes overlapping nodes of one layer apart, then back inside the height. */
static void resolve(cefo__sankey *s, int layer, size_t *order, size_t n)
{
    for (size_t i = 1; i < n; i++) /* insertion sort by y: layers are small */
        for (size_t j = i; j > 0 && s->nodes[order[j]].y < s->nodes[order[j - 1]].y; j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    double y = 0;
    for (size_t i = 0; i < n; i++) {
        cefo__snode *nd = &s->nodes[order[i]];
        if (nd->y < y)
            nd->y = y;
        y = nd->y + nd->h + NODE_PAD;
    }
    double bottom = s->height;
    for (size_t i = n; i-- > 0;) {
        cefo__snode *nd = &s->nodes[order[i]];
        if (nd->y + nd->h > bottom)
            nd->y = bottom - nd->h;
        bottom = nd->y - NODE_PAD;
    }
    (void)layer;
}

/* Moves each node towards the value-weighted centre of its neighbours on one side. */
static void relax(cefo__sankey *s, int incoming, double alpha)
{
    for (size_t i = 0; i < s->nnodes; i++) {
        double sum = 0, weight = 0;
        for (size_t l = 0; l < s->nlinks; l++) {
            const cefo__slink *k = &s->links[l];
            size_t self = incoming ? k->to : k->from, other = incoming ? k->from : k->to;
            if (self != i || k->backward)
                continue;
            sum += centre(&s->nodes[other]) * k->value;
            weight += k->value;
        }
        if (weight > 0)
            s->nodes[i].y += (sum / weight - centre(&s->nodes[i])) * alpha;
    }
}

static int place_nodes(cefo__sankey *s, int last)
{
    size_t *order = cefo__calloc(s->nnodes + 1, sizeof *order);
    if (!order)
        return -1;
    double ky = INFINITY;
    for (int layer = 0; layer <= last; layer++) {
        double total = 0;
        size_t n = 0;
        for (size_t i = 0; i < s->nnodes; i++)
            if (s->nodes[i].layer == layer)
                total += s->nodes[i].value, n++;
        if (total > 0)
            ky = fmin(ky, (s->height - (double)(n ? n - 1 : 0) * NODE_PAD) / total);
    }
    ky = isfinite(ky) && ky > 0 ? ky : 1;
    for (int layer = 0; layer <= last; layer++) {
        double y = 0;
        for (size_t i = 0; i < s->nnodes; i++) {
            cefo__snode *nd = &s->nodes[i];
            if (nd->layer != layer)
                continue;
            nd->h = fmax(1.0, nd->value * ky);
            nd->x = last ? (s->width - s->node_width) * layer / last : 0;
            nd->y = y;
            y += nd->h + NODE_PAD;
        }
    }
    for (int it = 0; it < ITERATIONS; it++) {
        double alpha = pow(0.99, it);
        relax(s, 1, alpha);
        relax(s, 0, alpha);
        for (int layer = 0; layer <= last; layer++) {
            size_t n = 0;
            for (size_t i = 0; i < s->nnodes; i++)
                if (s->nodes[i].layer == layer)
                    order[n++] = i;
            resolve(s, layer, order, n);
        }
    }
    for (size_t l = 0; l < s->nlinks; l++)
        s->links[l].w = fmax(1.0, s->links[l].value * ky);
    cefo__free(order);
    return 0;
}

/* Stacks links along each node, ordered by the y of their other end (fewer crossings). */
static void place_links(cefo__sankey *s)
{
    for (size_t i = 0; i < s->nnodes; i++) {
        double out = s->nodes[i].y, in = s->nodes[i].y;
        for (int pass = 0; pass < 2; pass++) {
            int outgoing = pass == 0;
            double *cursor = outgoing ? &out : &in;
            /* Repeatedly take the unplaced link whose other end is highest. */
            for (;;) {
                size_t best = NONE;
                for (size_t l = 0; l < s->nlinks; l++) {
                    const cefo__slink *k = &s->links[l];
                    if ((outgoing ? k->from : k->to) != i)
                        continue;
                    double placed = outgoing ? k->sy : k->ty;
                    if (placed != 0)
                        continue;
                    size_t other = outgoing ? k->to : k->from;
                    if (best == NONE
                        || s->nodes[other].y < s->nodes[outgoing ? s->links[best].to
                                                                 : s->links[best].from].y)
                        best = l;
                }
                if (best == NONE)
                    break;
                cefo__slink *k = &s->links[best];
                double y = *cursor + k->w / 2;
                if (outgoing)
                    k->sy = y;
                else
                    k->ty = y;
                *cursor += k->w;
            }
        }
    }
}

int cefo__sankey_busiest_layer(const cefo__sankey *s)
{
    int most = 0;
    for (size_t i = 0; i < s->nnodes; i++) {
        int n = 0;
        for (size_t j = 0; j < s->nnodes; j++)
            n += s->nodes[j].layer == s->nodes[i].layer;
        most = n > most ? n : most;
    }
    return most;
}

int cefo__sankey_layout(const cefo_result *r, double width, double height, cefo__sankey *s)
{
    memset(s, 0, sizeof *s);
    s->width = width;
    s->height = height;
    s->node_width = 14;
    if (!r || isnan(r->objective))
        return 0;
    builder b = {.s = s};
    b.material_node = cefo__calloc(r->net->nmaterials, sizeof *b.material_node);
    for (size_t m = 0; b.material_node && m < r->net->nmaterials; m++)
        b.material_node[m] = NONE;
    for (int k = 0; k < 4; k++)
        b.terminal[k] = NONE;
    if (!b.material_node)
        b.oom = 1;
    if (!b.oom)
        collect(&b, r);
    cefo__free(b.material_node);
    if (b.oom || mark_backward(s) != 0) {
        cefo__sankey_free(s);
        return -1;
    }
    for (size_t l = 0; l < s->nlinks; l++) { /* a node is as tall as its larger side */
        s->nodes[s->links[l].from].value += s->links[l].value;
    }
    double *in = cefo__calloc(s->nnodes + 1, sizeof *in);
    if (!in) {
        cefo__sankey_free(s);
        return -1;
    }
    for (size_t l = 0; l < s->nlinks; l++)
        in[s->links[l].to] += s->links[l].value;
    for (size_t i = 0; i < s->nnodes; i++)
        s->nodes[i].value = fmax(s->nodes[i].value, in[i]);
    cefo__free(in);
    if (place_nodes(s, assign_layers(s)) != 0) {
        cefo__sankey_free(s);
        return -1;
    }
    place_links(s);
    return 0;
}

void cefo__sankey_free(cefo__sankey *s)
{
    cefo__free(s->nodes);
    cefo__free(s->links);
    memset(s, 0, sizeof *s);
}
