/* sankey.h - the layout of a plan's material flows as a Sankey diagram (d3-sankey style). */
#ifndef CEFO_WRITERS_SANKEY_H
#define CEFO_WRITERS_SANKEY_H

#include <stddef.h>

#include "cefo/cefo.h"

typedef enum cefo__snode_kind {
    CEFO__SNODE_PROCESS,
    CEFO__SNODE_MATERIAL,   /* a pooled material, or the market of a linked one */
    CEFO__SNODE_IMPORT,     /* terminals: where flows enter and leave the cluster */
    CEFO__SNODE_DEMAND,
    CEFO__SNODE_EXPORT,
    CEFO__SNODE_DISCHARGE,
    CEFO__SNODE_EMISSION    /* one per pollutant: where its emissions go */
} cefo__snode_kind;

typedef struct cefo__snode {
    cefo__snode_kind kind;
    size_t item;            /* process, material or pollutant index */
    const char *label;
    double value;           /* the larger of what enters and what leaves */
    int layer;
    double x, y, h;         /* placed: left edge, top, height */
    double lx, ly;          /* its label: anchor point (centre line of the text) */
    int anchor;             /* -1 end, 0 middle, 1 start */
    size_t split;           /* byte where the label's second line starts, 0 for one line */
} cefo__snode;

#define CEFO__NO_LINK ((size_t)-1)

typedef struct cefo__slink {
    size_t from, to;        /* node indices */
    size_t material;        /* material index, or the pollutant's for an emission */
    int emission;           /* 1: a pollutant emitted (by a process, or by a discharge) */
    int chain;              /* 1: a <link> of a product or waste chain */
    size_t link;            /* that <link>'s index, or CEFO__NO_LINK */
    double value;
    int backward;           /* part of a cycle (a recycling loop): drawn as a loop */
    double sy, ty, w;       /* placed: y at source and target (centre), width */
    double loop_y;          /* a loop: the centre line of its run back (below or above) */
    int amount;             /* 1: its amount is written on it, at (ax, ay) */
    double ax, ay;
} cefo__slink;

typedef struct cefo__sankey {
    cefo__snode *nodes;
    size_t nnodes;
    cefo__slink *links;
    size_t nlinks;
    double width, height, node_width;
    double needed;          /* the height the tallest layer took; more than height: redo */
    double bottom;          /* the lowest point drawn: nodes, loops, labels */
    double top;             /* the highest point drawn by nodes and loops (<= 0) */
    double margin_left, margin_right; /* room for labels beside the first and last layers */
} cefo__sankey;

/* (key, value) pairs; cefo__sort_keyed sorts them by key, stably (merge sort; tmp holds n). */
typedef struct cefo__keyed {
    double key;
    size_t v;
} cefo__keyed;

void cefo__sort_keyed(cefo__keyed *a, cefo__keyed *tmp, size_t n);

/* Each node's outgoing and incoming links, in link order (compressed rows: node i's are
 * out[out_start[i]] .. out[out_start[i + 1] - 1]). */
typedef struct cefo__adjacency {
    size_t *out_start, *out, *in_start, *in;
} cefo__adjacency;

/*
 * sankey_flows.c: the plan's nodes and flows into an empty `s` (nothing placed yet): its
 * running processes, a hub per pooled material (and per linked one's market), the terminals
 * and a node per pollutant emitted; <link> flows as they are, the rest through the hubs.
 * Returns 0, or -1 when out of memory (`s` then holds what was read: cefo__sankey_free it).
 */
int cefo__sankey_flows(const cefo_result *r, cefo__sankey *s);

/*
 * sankey_cycles.c: marks as backward (drawn as loops) the links that close cycles, chosen
 * light: a weighted feedback arc set. Returns 0, or -1 when out of memory.
 */
int cefo__sankey_break_cycles(cefo__sankey *s, const cefo__adjacency *a);

/*
 * Lays out the plan's flows in width x height: nodes in layers (a depth-first order, so that
 * cycles become backward links), relaxed vertically towards their neighbours, links stacked
 * along their ends. Without a plan the diagram is empty. Returns 0, or -1 when out of memory.
 */
int cefo__sankey_layout(const cefo_result *r, double width, double height, cefo__sankey *s);
void cefo__sankey_free(cefo__sankey *s);

/* The number of nodes in the most crowded layer of a laid-out diagram. */
int cefo__sankey_busiest_layer(const cefo__sankey *s);

/* Font size of the labels, and the height of one line of them. */
#define CEFO__SANKEY_FONT 11.0
#define CEFO__SANKEY_LINE 13.0

/*
 * sankey_labels.c: places every node's label (right or left of its node, shifted up or down
 * until it meets no other; a long label on two lines) and the amounts written on the larger
 * flows where they meet no label (amounts[l]: the text for flow l, or NULL), estimating text
 * widths conservatively. Returns 0, or -1 when out of memory.
 */
int cefo__sankey_place_labels(cefo__sankey *s, const char *const *amounts);
/* The estimated width in pixels of `n` bytes of UTF-8 text at the labels' font size. */
double cefo__sankey_text_width(const char *text, size_t n);

#endif
