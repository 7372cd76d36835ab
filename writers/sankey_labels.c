/* sankey_labels.c - where a Sankey diagram's labels go so that none overlaps another: node
 * labels beside their nodes, amounts on the larger flows, greedily, on a sparse grid. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "writers/sankey.h"

#define CELL_W 64.0
#define CELL_H 16.0
#define WRAP 22         /* bytes: a longer label goes on two lines */
#define MAX_AMOUNTS 400 /* flows that may carry their amount, widest first */
#define SHIFTS 12       /* line heights a label may move up or down from its node's centre */

/*
 * Width estimate for DejaVu Sans and Liberation Sans (what Debian's sans-serif resolves to),
 * erring wide: narrow letters, wide letters, capitals, the rest; any non-ASCII character as a
 * full em (CJK).
 */
double cefo__sankey_text_width(const char *text, size_t n)
{
    double em = 0;
    for (size_t i = 0; i < n && text[i]; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x80) {
            if ((c & 0xc0) != 0x80) /* count each code point once */
                em += 1.0;
        } else if (strchr("il.,:;'|!j", c)) {
            em += 0.34;
        } else if (strchr("ftr -()/[]", c)) {
            em += 0.45;
        } else if (strchr("mwMW%@", c)) {
            em += 1.02;
        } else if (c >= 'A' && c <= 'Z') {
            em += 0.78;
        } else {
            em += 0.66;
        }
    }
    return em * CEFO__SANKEY_FONT + 2;
}

typedef struct box {
    double x0, y0, x1, y1;
} box;

/*
 * Boxes bucketed by the cells of a CELL_W x CELL_H grid they cover. Only the cells that hold
 * a box are stored (a hash table of cell -> its first entry), so the grid costs what is
 * placed, not the diagram's area: that area grows as nodes x layers.
 */
typedef struct grid {
    double left, top;
    size_t cols, rows;      /* cells beyond them are clamped to the edge ones */
    size_t *key, *head;     /* per slot: cell + 1 (0: free), and that cell's first entry */
    size_t bits, used;      /* 2^bits slots, `used` of them taken */
    size_t *next, *which;   /* entries: next in its cell, the box it holds */
    size_t nentries, cap_next, cap_which;
    box *boxes;
    size_t nboxes, cap_boxes;
} grid;

#define NONE ((size_t)-1)

static size_t cell_of(double v, double origin, double size, size_t n)
{
    double c = floor((v - origin) / size);
    return c < 0 ? 0 : c >= (double)n ? n - 1 : (size_t)c;
}

/* The slot of `cell`, or the free slot where it would go (Fibonacci hashing, linear probes). */
static size_t slot_of(const grid *g, size_t cell)
{
    size_t mask = ((size_t)1 << g->bits) - 1;
    size_t i = (size_t)(((unsigned long long)cell * 0x9E3779B97F4A7C15ull) >> (64 - g->bits));
    while (g->key[i] && g->key[i] != cell + 1)
        i = (i + 1) & mask;
    return i;
}

static size_t first_entry(const grid *g, size_t cell)
{
    size_t i = slot_of(g, cell);
    return g->key[i] ? g->head[i] : NONE;
}

/* 2^bits empty slots holding what the old ones held. 0, or -1 when out of memory. */
static int rehash(grid *g, size_t bits)
{
    grid old = *g;
    g->bits = bits;
    g->key = cefo__calloc((size_t)1 << bits, sizeof *g->key);
    g->head = cefo__calloc((size_t)1 << bits, sizeof *g->head);
    if (!g->key || !g->head) {
        cefo__free(g->key);
        cefo__free(g->head);
        g->key = old.key, g->head = old.head, g->bits = old.bits;
        return -1;
    }
    for (size_t i = 0; old.key && i < (size_t)1 << old.bits; i++)
        if (old.key[i]) {
            size_t j = slot_of(g, old.key[i] - 1);
            g->key[j] = old.key[i];
            g->head[j] = old.head[i];
        }
    cefo__free(old.key);
    cefo__free(old.head);
    return 0;
}

static int overlaps(const box *a, const box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static int collides(const grid *g, const box *b)
{
    size_t c0 = cell_of(b->x0, g->left, CELL_W, g->cols), c1 = cell_of(b->x1, g->left, CELL_W, g->cols);
    size_t r0 = cell_of(b->y0, g->top, CELL_H, g->rows), r1 = cell_of(b->y1, g->top, CELL_H, g->rows);
    for (size_t r = r0; r <= r1; r++)
        for (size_t c = c0; c <= c1; c++)
            for (size_t e = first_entry(g, r * g->cols + c); e != NONE; e = g->next[e])
                if (overlaps(&g->boxes[g->which[e]], b))
                    return 1;
    return 0;
}

/* Puts entry e first in `cell`, taking a slot for it when it has none. */
static int file_entry(grid *g, size_t cell, size_t e)
{
    if (2 * (g->used + 1) > (size_t)1 << g->bits && rehash(g, g->bits + 1) != 0)
        return -1;
    size_t i = slot_of(g, cell);
    if (!g->key[i]) {
        g->key[i] = cell + 1;
        g->head[i] = NONE;
        g->used++;
    }
    g->next[e] = g->head[i];
    g->head[i] = e;
    return 0;
}

static int add_box(grid *g, const box *b)
{
    if (cefo__grow((void **)&g->boxes, &g->cap_boxes, g->nboxes + 1, sizeof *g->boxes))
        return -1;
    g->boxes[g->nboxes] = *b;
    size_t c0 = cell_of(b->x0, g->left, CELL_W, g->cols), c1 = cell_of(b->x1, g->left, CELL_W, g->cols);
    size_t r0 = cell_of(b->y0, g->top, CELL_H, g->rows), r1 = cell_of(b->y1, g->top, CELL_H, g->rows);
    for (size_t r = r0; r <= r1; r++)
        for (size_t c = c0; c <= c1; c++) {
            if (cefo__grow((void **)&g->next, &g->cap_next, g->nentries + 1, sizeof *g->next)
                || cefo__grow((void **)&g->which, &g->cap_which, g->nentries + 1, sizeof *g->which)
                || file_entry(g, r * g->cols + c, g->nentries) != 0)
                return -1;
            g->which[g->nentries++] = g->nboxes;
        }
    g->nboxes++;
    return 0;
}

/* Where a long label breaks: the space nearest its middle (0: it stays on one line). */
static size_t split_at(const char *label)
{
    size_t n = strlen(label), best = 0;
    if (n <= WRAP)
        return 0;
    for (size_t i = 1; i + 1 < n; i++)
        if (label[i] == ' ' && (!best || fabs((double)i - n / 2.0) < fabs((double)best - n / 2.0)))
            best = i + 1;
    return best;
}

static box label_box(const cefo__snode *n, double x, double y, int anchor)
{
    size_t len = strlen(n->label);
    double w = n->split ? fmax(cefo__sankey_text_width(n->label, n->split - 1),
                               cefo__sankey_text_width(n->label + n->split, len - n->split))
                        : cefo__sankey_text_width(n->label, len);
    double half = (n->split ? 2 : 1) * CEFO__SANKEY_LINE / 2 + 1;
    double x0 = anchor > 0 ? x : anchor < 0 ? x - w : x - w / 2;
    return (box){x0, y - half, x0 + w, y + half};
}

static int inside(const cefo__sankey *s, const box *b)
{
    return b->x0 >= -s->margin_left && b->x1 <= s->width + s->margin_right && b->y0 >= -20;
}

/* Right of the node, else left, else shifted up and down a line at a time. */
static int place_node_label(cefo__sankey *s, grid *g, cefo__snode *n)
{
    double cy = n->y + n->h / 2;
    for (int shift = 0; shift <= 4 * SHIFTS; shift++) {
        double dy = (shift + 1) / 2 * (CEFO__SANKEY_LINE + 1) * (shift % 2 ? -1 : 1);
        for (int side = 1; side >= -1; side -= 2) {
            double x = side > 0 ? n->x + s->node_width + 4 : n->x - 4;
            box b = label_box(n, x, cy + dy, side);
            if (inside(s, &b) && !collides(g, &b)) {
                n->lx = x, n->ly = cy + dy, n->anchor = side;
                return add_box(g, &b);
            }
        }
    }
    /* Nowhere free nearby: below everything drawn, where nothing else is. */
    n->lx = n->x, n->ly = s->bottom + 2 * CEFO__SANKEY_LINE, n->anchor = 1;
    box b = label_box(n, n->lx, n->ly, 1);
    s->bottom = b.y1;
    return add_box(g, &b);
}

typedef struct flow {
    double w;
    size_t l;
} flow;

static int wider_first(const void *pa, const void *pb)
{
    const flow *a = pa, *b = pb;
    return a->w > b->w ? -1 : a->w < b->w ? 1 : a->l < b->l ? -1 : a->l > b->l;
}

int cefo__sankey_place_labels(cefo__sankey *s, const char *const *amounts)
{
    grid g = {.left = -s->margin_left, .top = -40};
    g.cols = (size_t)((s->width + s->margin_left + s->margin_right) / CELL_W) + 2;
    g.rows = (size_t)((s->bottom + 80 + 2 * CEFO__SANKEY_LINE * (double)s->nnodes) / CELL_H) + 2;
    if (g.rows > 4 * (s->nnodes + 64)) /* the last rows catch whatever falls below */
        g.rows = 4 * (s->nnodes + 64);
    flow *order = cefo__calloc(s->nlinks + 1, sizeof *order);
    int rc = order && rehash(&g, 10) == 0 ? 0 : -1;
    /* Nodes in order (the layout's: sources, then processes, hubs, terminals): stable. */
    for (size_t i = 0; rc == 0 && i < s->nnodes; i++) {
        s->nodes[i].split = split_at(s->nodes[i].label);
        rc = place_node_label(s, &g, &s->nodes[i]);
    }
    /* Amounts on forward flows tall enough to hold a line of text, widest first. */
    size_t n = 0;
    for (size_t l = 0; rc == 0 && l < s->nlinks; l++) {
        cefo__slink *k = &s->links[l];
        k->amount = 0;
        if (amounts[l] && !k->backward && k->w >= CEFO__SANKEY_LINE - 2)
            order[n++] = (flow){k->w, l};
    }
    if (n) /* order is NULL when out of memory */
        qsort(order, n, sizeof *order, wider_first);
    for (size_t i = 0; rc == 0 && i < n && i < MAX_AMOUNTS; i++) {
        size_t l = order[i].l;
        cefo__slink *k = &s->links[l];
        const cefo__snode *a = &s->nodes[k->from], *b = &s->nodes[k->to];
        double x = (a->x + s->node_width + b->x) / 2, y = (k->sy + k->ty) / 2;
        double w = cefo__sankey_text_width(amounts[l], strlen(amounts[l]));
        box bx = {x - w / 2, y - CEFO__SANKEY_LINE / 2 - 1, x + w / 2, y + CEFO__SANKEY_LINE / 2 + 1};
        if (b->x - (a->x + s->node_width) < w + 8 || collides(&g, &bx))
            continue;
        k->amount = 1, k->ax = x, k->ay = y;
        rc = add_box(&g, &bx);
    }
    cefo__free(order);
    cefo__free(g.key);
    cefo__free(g.head);
    cefo__free(g.next);
    cefo__free(g.which);
    cefo__free(g.boxes);
    return rc;
}
