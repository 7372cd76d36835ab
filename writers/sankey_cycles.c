/* sankey_cycles.c - which flows of a Sankey diagram close a cycle and are drawn as loops: a
 * weighted feedback arc set, so that the heaviest flows run left to right. */
#include <string.h>

#include "core/alloc.h"
#include "writers/sankey.h"

#define SIFT_PASSES 4

void cefo__sort_keyed(cefo__keyed *a, cefo__keyed *tmp, size_t n)
{
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = a[j].key < a[i].key ? a[j++] : a[i++];
            while (i < mid)
                tmp[k++] = a[i++];
            while (j < hi)
                tmp[k++] = a[j++];
        }
        memcpy(a, tmp, n * sizeof *a);
    }
}

/* A max-heap of (key, node), ties to the lower node. */
static int heap_above(const cefo__keyed *a, const cefo__keyed *b)
{
    return a->key > b->key || (a->key == b->key && a->v < b->v);
}

static void heap_push(cefo__keyed *h, size_t *n, cefo__keyed e)
{
    size_t i = (*n)++;
    for (; i > 0 && heap_above(&e, &h[(i - 1) / 2]); i = (i - 1) / 2)
        h[i] = h[(i - 1) / 2];
    h[i] = e;
}

static cefo__keyed heap_pop(cefo__keyed *h, size_t *n)
{
    cefo__keyed top = h[0], last = h[--*n];
    size_t i = 0;
    for (size_t c; (c = 2 * i + 1) < *n; i = c) {
        if (c + 1 < *n && heap_above(&h[c + 1], &h[c]))
            c++;
        if (!heap_above(&h[c], &last))
            break;
        h[i] = h[c];
    }
    if (*n)
        h[i] = last;
    return top;
}

/* The greedy order of Eades, Lin and Smyth (1993), weighted by the flows, as it grows. */
typedef struct fas {
    double *pos;            /* a node's place in the order */
    size_t *indeg, *outdeg, *sinks, *sources, nsinks, nsources, nheap;
    double *delta;          /* weight out - weight in, over the links among unplaced nodes */
    unsigned char *placed;
    cefo__keyed *heap;      /* (delta, node), stale entries skipped */
} fas;

/* Places u at `at`; its links to the unplaced nodes leave the graph. */
static void fas_place(fas *f, const cefo__sankey *s, const cefo__adjacency *a, size_t u, size_t at)
{
    f->pos[u] = (double)at;
    f->placed[u] = 1;
    for (int out = 0; out < 2; out++) {
        const size_t *start = out ? a->out_start : a->in_start, *list = out ? a->out : a->in;
        for (size_t e = start[u]; e < start[u + 1]; e++) {
            const cefo__slink *k = &s->links[list[e]];
            size_t v = out ? k->to : k->from;
            if (v == u || f->placed[v])
                continue;
            if (out && --f->indeg[v] == 0) /* v lost an in-link: it may become a source */
                f->sources[f->nsources++] = v;
            if (!out && --f->outdeg[v] == 0)
                f->sinks[f->nsinks++] = v;
            f->delta[v] += out ? k->value : -k->value;
            heap_push(f->heap, &f->nheap, (cefo__keyed){f->delta[v], v});
        }
    }
}

/* Sinks go last and sources first as they appear; otherwise the node whose outflows most
 * exceed its inflows comes next (its remaining inflows will run backward). */
static void greedy_order(fas *f, const cefo__sankey *s, const cefo__adjacency *a)
{
    size_t front = 0, back = s->nnodes;
    for (size_t l = 0; l < s->nlinks; l++) {
        const cefo__slink *k = &s->links[l];
        if (k->from == k->to)
            continue;
        f->outdeg[k->from]++, f->indeg[k->to]++;
        f->delta[k->from] += k->value, f->delta[k->to] -= k->value;
    }
    for (size_t u = s->nnodes; u-- > 0;) { /* stacks: the first nodes come out first */
        if (!f->outdeg[u])
            f->sinks[f->nsinks++] = u;
        else if (!f->indeg[u])
            f->sources[f->nsources++] = u;
        heap_push(f->heap, &f->nheap, (cefo__keyed){f->delta[u], u});
    }
    while (front < back) {
        size_t u;
        if (f->nsinks) {
            if (!f->placed[u = f->sinks[--f->nsinks]])
                fas_place(f, s, a, u, --back);
        } else if (f->nsources) {
            if (!f->placed[u = f->sources[--f->nsources]])
                fas_place(f, s, a, u, front++);
        } else {
            cefo__keyed e = heap_pop(f->heap, &f->nheap);
            if (!f->placed[e.v] && e.key == f->delta[e.v])
                fas_place(f, s, a, e.v, front++);
        }
    }
}

/*
 * Moves node v, the others fixed, to the gap between its neighbours (in the order) where
 * the weight of its links running backward is least, if that beats where it is. nb holds
 * room for its links, tmp as much. Returns 1 when it moved.
 */
static int sift_node(const cefo__sankey *s, const cefo__adjacency *a, double *pos, size_t v,
                     cefo__keyed *nb, cefo__keyed *tmp)
{
    size_t n = 0, gap = 0;
    double cost = 0, now = 0;
    for (int out = 0; out < 2; out++) {
        const size_t *start = out ? a->out_start : a->in_start, *list = out ? a->out : a->in;
        for (size_t e = start[v]; e < start[v + 1]; e++) {
            const cefo__slink *k = &s->links[list[e]];
            size_t u = out ? k->to : k->from;
            if (u == v)
                continue;
            nb[n++] = (cefo__keyed){pos[u], list[e]};
            cost += out ? 0 : k->value; /* v before all: every inflow runs backward */
            now += (out ? pos[u] < pos[v] : pos[u] > pos[v]) ? k->value : 0;
        }
    }
    if (!n)
        return 0;
    cefo__sort_keyed(nb, tmp, n);
    double best = cost;
    for (size_t i = 0; i < n; i++) { /* v just after neighbour i */
        const cefo__slink *k = &s->links[nb[i].v];
        cost += k->to == v ? -k->value : k->value;
        if ((i + 1 == n || nb[i + 1].key > nb[i].key) && cost < best)
            best = cost, gap = i + 1;
    }
    if (!(best < now - 1e-9 * (1 + now)))
        return 0;
    double lo = gap ? nb[gap - 1].key : nb[0].key - 1, hi = gap < n ? nb[gap].key : nb[n - 1].key + 1;
    pos[v] = lo + (hi - lo) * 0.382; /* off the middle: integers stay free */
    return 1;
}

/* Places 0, 1, 2... in the order of pos (ties by node). */
static void renumber(double *pos, size_t n, cefo__keyed *key, cefo__keyed *tmp)
{
    for (size_t i = 0; i < n; i++)
        key[i] = (cefo__keyed){pos[i], i};
    cefo__sort_keyed(key, tmp, n);
    for (size_t i = 0; i < n; i++)
        pos[key[i].v] = (double)i;
}

/*
 * The greedy order, then a few passes of local search (each node to its best gap, a move
 * only when it lowers the weight running backward, so every pass improves the order); the
 * links running backward in it are the loops. O((nodes + links) log links) a pass.
 */
int cefo__sankey_break_cycles(cefo__sankey *s, const cefo__adjacency *a)
{
    size_t n = s->nnodes, big = (n > s->nlinks ? n : s->nlinks) + 1;
    fas f = {0};
    f.pos = cefo__calloc(n + 1, sizeof *f.pos);
    f.indeg = cefo__calloc(4 * (n + 1), sizeof(size_t));
    f.delta = cefo__calloc(n + 1, sizeof *f.delta);
    f.placed = cefo__calloc(n + 1, 1);
    f.heap = cefo__calloc(n + s->nlinks + 2 * big, sizeof *f.heap);
    int rc = f.pos && f.indeg && f.delta && f.placed && f.heap ? 0 : -1;
    if (rc == 0) {
        cefo__keyed *nb = f.heap, *tmp = f.heap + big; /* the heap's room, once it is done */
        f.outdeg = f.indeg + (n + 1), f.sinks = f.outdeg + (n + 1);
        f.sources = f.sinks + (n + 1);
        greedy_order(&f, s, a);
        for (int pass = 0, moved = 1; pass < SIFT_PASSES && moved; pass++) {
            moved = 0;
            for (size_t v = 0; v < n; v++)
                moved |= sift_node(s, a, f.pos, v, nb, tmp);
            renumber(f.pos, n, nb, tmp);
        }
        for (size_t l = 0; l < s->nlinks; l++)
            s->links[l].backward = f.pos[s->links[l].from] >= f.pos[s->links[l].to];
    }
    cefo__free(f.pos);
    cefo__free(f.indeg);
    cefo__free(f.delta);
    cefo__free(f.placed);
    cefo__free(f.heap);
    return rc;
}
