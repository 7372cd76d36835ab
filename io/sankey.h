/* sankey.h - the layout of a plan's material flows as a Sankey diagram (d3-sankey style). */
#ifndef CEFO_IO_SANKEY_H
#define CEFO_IO_SANKEY_H

#include <stddef.h>

#include "models/result.h"

typedef enum cefo__snode_kind {
    CEFO__SNODE_PROCESS,
    CEFO__SNODE_MATERIAL,   /* a pooled material, or the market of a linked one */
    CEFO__SNODE_IMPORT,     /* terminals: where flows enter and leave the cluster */
    CEFO__SNODE_DEMAND,
    CEFO__SNODE_EXPORT,
    CEFO__SNODE_DISCHARGE
} cefo__snode_kind;

typedef struct cefo__snode {
    cefo__snode_kind kind;
    size_t item;            /* process or material index */
    const char *label;
    double value;           /* the larger of what enters and what leaves */
    int layer;
    double x, y, h;         /* placed: left edge, top, height */
} cefo__snode;

#define CEFO__NO_LINK ((size_t)-1)

typedef struct cefo__slink {
    size_t from, to;        /* node indices */
    size_t material;
    int chain;              /* 1: a <link> of a product or waste chain */
    size_t link;            /* that <link>'s index, or CEFO__NO_LINK */
    double value;
    int backward;           /* part of a cycle (a recycling loop): drawn as a loop */
    double sy, ty, w;       /* placed: y at source and target (centre), width */
} cefo__slink;

typedef struct cefo__sankey {
    cefo__snode *nodes;
    size_t nnodes;
    cefo__slink *links;
    size_t nlinks;
    double width, height, node_width;
} cefo__sankey;

/*
 * Lays out the plan's flows in width x height: nodes in layers (a depth-first order, so that
 * cycles become backward links), relaxed vertically towards their neighbours, links stacked
 * along their ends. Without a plan the diagram is empty. Returns 0, or -1 when out of memory.
 */
int cefo__sankey_layout(const cefo_result *r, double width, double height, cefo__sankey *s);
void cefo__sankey_free(cefo__sankey *s);

/* The number of nodes in the most crowded layer of a laid-out diagram. */
int cefo__sankey_busiest_layer(const cefo__sankey *s);

#endif
