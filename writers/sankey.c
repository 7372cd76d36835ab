/* sankey.c - Sankey layout: layers by depth, iterative relaxation, link stacking, cycles kept. */
#include "writers/sankey.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

#define NODE_PAD 14.0
#define ITERATIONS 32
#define EMISSION_MAX 60.0 /* px: the tallest a pollutant's emissions draw (flow_widths) */
#define LOOP_GAP 6.0

static void adjacency_free(cefo__adjacency *a)
{
    cefo__free(a->out_start);
    cefo__free(a->out);
    cefo__free(a->in_start);
    cefo__free(a->in);
}

static int adjacency_build(const cefo__sankey *s, cefo__adjacency *a)
{
    a->out_start = cefo__calloc(s->nnodes + 2, sizeof(size_t));
    a->in_start = cefo__calloc(s->nnodes + 2, sizeof(size_t));
    a->out = cefo__calloc(s->nlinks + 1, sizeof(size_t));
    a->in = cefo__calloc(s->nlinks + 1, sizeof(size_t));
    if (!a->out_start || !a->in_start || !a->out || !a->in)
        return -1;
    for (size_t l = 0; l < s->nlinks; l++) {
        a->out_start[s->links[l].from + 2]++;
        a->in_start[s->links[l].to + 2]++;
    }
    for (size_t i = 2; i < s->nnodes + 2; i++) {
        a->out_start[i] += a->out_start[i - 1];
        a->in_start[i] += a->in_start[i - 1];
    }
    for (size_t l = 0; l < s->nlinks; l++) { /* start[i + 1] is node i's fill cursor */
        a->out[a->out_start[s->links[l].from + 1]++] = l;
        a->in[a->in_start[s->links[l].to + 1]++] = l;
    }
    return 0;
}

/* Longest path from the sources over forward links (a topological order: forward links make
 * no cycle); terminal sinks go to the last layer. Returns the last layer, or -1 (memory). */
static int assign_layers(cefo__sankey *s, const cefo__adjacency *a)
{
    size_t *pending = cefo__calloc(s->nnodes + 1, sizeof *pending);
    size_t *queue = cefo__calloc(s->nnodes + 1, sizeof *queue);
    int last = 0;
    if (!pending || !queue) {
        cefo__free(pending);
        cefo__free(queue);
        return -1;
    }
    for (size_t l = 0; l < s->nlinks; l++)
        pending[s->links[l].to] += !s->links[l].backward;
    size_t head = 0, tail = 0;
    for (size_t i = 0; i < s->nnodes; i++)
        if (!pending[i])
            queue[tail++] = i;
    while (head < tail) {
        size_t u = queue[head++];
        for (size_t e = a->out_start[u]; e < a->out_start[u + 1]; e++) {
            const cefo__slink *k = &s->links[a->out[e]];
            if (k->backward)
                continue;
            if (s->nodes[k->to].layer < s->nodes[u].layer + 1)
                s->nodes[k->to].layer = s->nodes[u].layer + 1;
            if (--pending[k->to] == 0)
                queue[tail++] = k->to;
        }
    }
    cefo__free(pending);
    cefo__free(queue);
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

/* Nodes by layer, each layer in node order (compressed rows), and scratch for sorting. */
typedef struct layers {
    size_t *start, *node;
    cefo__keyed *key, *tmp;
} layers;

static void layers_free(layers *g)
{
    cefo__free(g->start);
    cefo__free(g->node);
    cefo__free(g->key);
    cefo__free(g->tmp);
}

static int layers_build(const cefo__sankey *s, int last, layers *g)
{
    size_t n = (size_t)last + 1, big = s->nnodes > s->nlinks ? s->nnodes : s->nlinks;
    g->start = cefo__calloc(n + 2, sizeof *g->start);
    g->node = cefo__calloc(s->nnodes + 1, sizeof *g->node);
    g->key = cefo__calloc(big + 1, sizeof *g->key);
    g->tmp = cefo__calloc(big + 1, sizeof *g->tmp);
    if (!g->start || !g->node || !g->key || !g->tmp)
        return -1;
    for (size_t i = 0; i < s->nnodes; i++)
        g->start[s->nodes[i].layer + 2]++;
    for (size_t k = 2; k < n + 2; k++)
        g->start[k] += g->start[k - 1];
    for (size_t i = 0; i < s->nnodes; i++)
        g->node[g->start[s->nodes[i].layer + 1]++] = i;
    return 0;
}

/* Pushes overlapping nodes of one layer apart, then back inside the height. */
static void resolve(cefo__sankey *s, const layers *g, int layer)
{
    size_t first = g->start[layer], n = g->start[layer + 1] - first;
    cefo__keyed *order = g->key;
    for (size_t i = 0; i < n; i++)
        order[i] = (cefo__keyed){s->nodes[g->node[first + i]].y, g->node[first + i]};
    cefo__sort_keyed(order, g->tmp, n);
    double y = 0;
    for (size_t i = 0; i < n; i++) {
        cefo__snode *nd = &s->nodes[order[i].v];
        if (nd->y < y)
            nd->y = y;
        y = nd->y + nd->h + NODE_PAD;
    }
    double bottom = s->height;
    for (size_t i = n; i-- > 0;) {
        cefo__snode *nd = &s->nodes[order[i].v];
        if (nd->y + nd->h > bottom)
            nd->y = bottom - nd->h;
        bottom = nd->y - NODE_PAD;
    }
}

/* Moves each node towards the value-weighted centre of its neighbours on one side. */
static void relax(cefo__sankey *s, const cefo__adjacency *a, int incoming, double alpha)
{
    const size_t *start = incoming ? a->in_start : a->out_start, *list = incoming ? a->in : a->out;
    for (size_t i = 0; i < s->nnodes; i++) {
        double sum = 0, weight = 0;
        for (size_t e = start[i]; e < start[i + 1]; e++) {
            const cefo__slink *k = &s->links[list[e]];
            size_t other = incoming ? k->from : k->to;
            if (k->backward)
                continue;
            sum += centre(&s->nodes[other]) * k->value;
            weight += k->value;
        }
        if (weight > 0)
            s->nodes[i].y += (sum / weight - centre(&s->nodes[i])) * alpha;
    }
}

/*
 * Widths: material flows at the scale ky that fits the busiest layer; emissions, in their
 * pollutants' own units, at that scale too unless a pollutant's total would then be taller
 * than EMISSION_MAX (CO2 in tonnes dwarfs every material), in which case that pollutant's
 * flows share EMISSION_MAX (said in the tooltips and docs/report.md). Every node is at least
 * as tall as the flows on each of its sides, so no flow spills out of its node.
 */
static int flow_widths(cefo__sankey *s, const cefo__adjacency *a, double ky, size_t npollutants)
{
    double *total = cefo__calloc(npollutants + 1, sizeof *total);
    if (!total)
        return -1;
    for (size_t l = 0; l < s->nlinks; l++)
        if (s->links[l].emission)
            total[s->links[l].material] += s->links[l].value;
    for (size_t l = 0; l < s->nlinks; l++) {
        cefo__slink *k = &s->links[l];
        double scale = k->emission && total[k->material] * ky > EMISSION_MAX
                           ? EMISSION_MAX / total[k->material]
                           : ky;
        k->w = fmax(1.0, k->value * scale);
    }
    cefo__free(total);
    for (size_t i = 0; i < s->nnodes; i++) {
        double in = 0, out = 0;
        for (size_t e = a->in_start[i]; e < a->in_start[i + 1]; e++)
            in += s->links[a->in[e]].w;
        for (size_t e = a->out_start[i]; e < a->out_start[i + 1]; e++)
            out += s->links[a->out[e]].w;
        s->nodes[i].h = fmax(fmax(1.0, s->nodes[i].value * ky), fmax(in, out));
    }
    return 0;
}

static int place_nodes(cefo__sankey *s, const cefo__adjacency *a, const layers *g, int last,
                       size_t npollutants)
{
    double ky = INFINITY;
    for (int layer = 0; layer <= last; layer++) {
        double total = 0;
        size_t n = 0;
        for (size_t e = g->start[layer]; e < g->start[layer + 1]; e++)
            total += s->nodes[g->node[e]].value, n++;
        if (total > 0)
            ky = fmin(ky, (s->height - (double)(n ? n - 1 : 0) * NODE_PAD) / total);
    }
    ky = isfinite(ky) && ky > 0 ? ky : 1;
    if (flow_widths(s, a, ky, npollutants) != 0)
        return -1;
    s->needed = 0;
    for (int layer = 0; layer <= last; layer++) {
        double y = 0;
        for (size_t e = g->start[layer]; e < g->start[layer + 1]; e++) {
            cefo__snode *nd = &s->nodes[g->node[e]];
            nd->x = last ? (s->width - s->node_width) * layer / last : 0;
            nd->y = y;
            y += nd->h + NODE_PAD;
        }
        s->needed = fmax(s->needed, y - NODE_PAD);
    }
    for (int it = 0; it < ITERATIONS; it++) {
        double alpha = pow(0.99, it);
        relax(s, a, 1, alpha);
        relax(s, a, 0, alpha);
        for (int layer = 0; layer <= last; layer++)
            resolve(s, g, layer);
    }
    return 0;
}

/*
 * Loops (backward links) as d3-sankey-circular draws them: out of the source's right side,
 * round the nodes of the layers they span on the nearer side - over the top when their ends
 * sit in the upper half of those layers, else under the bottom - and into the target's left
 * side; the shorter loops nearer the nodes, none over another.
 */
static int route_loops(cefo__sankey *s, const layers *g, int last)
{
    size_t n = (size_t)last + 1, nloops = 0;
    double *floor_ = cefo__calloc(2 * (n + 1), sizeof *floor_), *ceil_ = floor_ + n + 1;
    if (!floor_)
        return -1;
    s->bottom = 0;
    s->top = 0;
    for (size_t layer = 0; layer < n; layer++)
        ceil_[layer] = INFINITY;
    for (size_t i = 0; i < s->nnodes; i++) {
        const cefo__snode *nd = &s->nodes[i];
        floor_[nd->layer] = fmax(floor_[nd->layer], nd->y + nd->h);
        ceil_[nd->layer] = fmin(ceil_[nd->layer], nd->y);
        s->bottom = fmax(s->bottom, nd->y + nd->h);
        s->top = fmin(s->top, nd->y);
    }
    for (size_t l = 0; l < s->nlinks; l++) /* shorter spans first: key on the span */
        if (s->links[l].backward) {
            const cefo__slink *k = &s->links[l];
            g->key[nloops++] = (cefo__keyed){s->nodes[k->from].layer - s->nodes[k->to].layer, l};
        }
    cefo__sort_keyed(g->key, g->tmp, nloops);
    for (size_t i = 0; i < nloops; i++) {
        cefo__slink *k = &s->links[g->key[i].v];
        int lo = s->nodes[k->to].layer, hi = s->nodes[k->from].layer;
        double down = 0, up = INFINITY;
        for (int layer = lo; layer <= hi; layer++) {
            down = fmax(down, floor_[layer]);
            up = fmin(up, ceil_[layer]);
        }
        int over = (k->sy - up) + (k->ty - up) < (down - k->sy) + (down - k->ty);
        k->loop_y = over ? up - LOOP_GAP - k->w / 2 : down + LOOP_GAP + k->w / 2;
        for (int layer = lo; layer <= hi; layer++) {
            if (over)
                ceil_[layer] = k->loop_y - k->w / 2;
            else
                floor_[layer] = k->loop_y + k->w / 2;
        }
        s->bottom = fmax(s->bottom, k->loop_y + k->w / 2);
        s->top = fmin(s->top, k->loop_y - k->w / 2);
    }
    cefo__free(floor_);
    return 0;
}

/* Stacks links along each node, ordered by the y of their other end (fewer crossings). */
static void place_links(cefo__sankey *s, const cefo__adjacency *a, const layers *g)
{
    for (size_t i = 0; i < s->nnodes; i++) {
        for (int outgoing = 1; outgoing >= 0; outgoing--) {
            const size_t *start = outgoing ? a->out_start : a->in_start;
            const size_t *list = outgoing ? a->out : a->in;
            size_t n = 0;
            for (size_t e = start[i]; e < start[i + 1]; e++) {
                const cefo__slink *k = &s->links[list[e]];
                g->key[n++] = (cefo__keyed){s->nodes[outgoing ? k->to : k->from].y, list[e]};
            }
            cefo__sort_keyed(g->key, g->tmp, n);
            double cursor = s->nodes[i].y;
            for (size_t e = 0; e < n; e++) {
                cefo__slink *k = &s->links[g->key[e].v];
                if (outgoing)
                    k->sy = cursor + k->w / 2;
                else
                    k->ty = cursor + k->w / 2;
                cursor += k->w;
            }
        }
    }
}

int cefo__sankey_busiest_layer(const cefo__sankey *s)
{
    int last = 0, most = 0;
    for (size_t i = 0; i < s->nnodes; i++)
        last = s->nodes[i].layer > last ? s->nodes[i].layer : last;
    int *count = cefo__calloc((size_t)last + 1, sizeof *count);
    if (!count) /* an estimate that still leaves room: every node in one layer */
        return (int)s->nnodes;
    for (size_t i = 0; i < s->nnodes; i++)
        if (++count[s->nodes[i].layer] > most)
            most = count[s->nodes[i].layer];
    cefo__free(count);
    return most;
}

int cefo__sankey_layout(const cefo_result *r, double width, double height, cefo__sankey *s)
{
    memset(s, 0, sizeof *s);
    s->width = width;
    s->height = height;
    s->node_width = 14;
    if (!r || isnan(cefo_result_objective(r)))
        return 0;
    size_t npollutants = cefo_network_count(cefo_result_network(r), CEFO_POLLUTANT);
    int oom = cefo__sankey_flows(r, s) != 0;
    cefo__adjacency a = {0};
    layers g = {0};
    int last = -1;
    if (!oom && adjacency_build(s, &a) == 0 && cefo__sankey_break_cycles(s, &a) == 0) {
        double *into = cefo__calloc(s->nnodes + 1, sizeof *into); /* as tall as its larger side */
        for (size_t l = 0; into && l < s->nlinks; l++) {
            if (s->links[l].emission) /* drawn to their own scale (place_nodes) */
                continue;
            s->nodes[s->links[l].from].value += s->links[l].value;
            into[s->links[l].to] += s->links[l].value;
        }
        for (size_t i = 0; into && i < s->nnodes; i++)
            s->nodes[i].value = fmax(s->nodes[i].value, into[i]);
        if (into)
            last = assign_layers(s, &a);
        for (size_t l = 0; last >= 0 && l < s->nlinks; l++) /* runs forward all the same */
            if (s->nodes[s->links[l].from].layer < s->nodes[s->links[l].to].layer)
                s->links[l].backward = 0;
        cefo__free(into);
    }
    int rc = last >= 0 && layers_build(s, last, &g) == 0 ? 0 : -1;
    if (rc == 0)
        rc = place_nodes(s, &a, &g, last, npollutants);
    if (rc == 0) {
        place_links(s, &a, &g);
        rc = route_loops(s, &g, last);
    }
    adjacency_free(&a);
    layers_free(&g);
    if (rc != 0)
        cefo__sankey_free(s);
    return rc;
}

void cefo__sankey_free(cefo__sankey *s)
{
    cefo__free(s->nodes);
    cefo__free(s->links);
    memset(s, 0, sizeof *s);
}
