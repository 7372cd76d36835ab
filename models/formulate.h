/* formulate.h - the linear programme of a network (spec section 1) and its model-to-LP map. */
#ifndef CEFO_MODELS_FORMULATE_H
#define CEFO_MODELS_FORMULATE_H

#include "models/network.h"
#include "solver/lp.h"

/* What one LP column stands for. `proc` is the process of a per-process column, else NONE. */
typedef enum cefo__var_kind {
    CEFO__VAR_ACTIVITY,     /* item: process */
    CEFO__VAR_FLOW,         /* item: link */
    CEFO__VAR_IMPORT,       /* item: material; proc: consumer of a linked material, or NONE */
    CEFO__VAR_EXPORT,       /* item: material */
    CEFO__VAR_DISCHARGE,    /* item: material; proc: producer of a linked material, or NONE */
    CEFO__VAR_SALE,         /* item: material; proc: producer selling to the cluster market */
    CEFO__VAR_EMISSION,     /* item: pollutant */
    CEFO__VAR_BUILD,        /* item: process; 0/1: the optional process runs / the variant is chosen */
    CEFO__VAR_LINK_BUILD,   /* item: link; 0/1: the optional link is built */
    /* Elastic formulation only (infeasibility diagnosis): violations, each priced. */
    CEFO__VAR_SHORT,        /* item: material; proc: consumer, or NONE for the cluster balance */
    CEFO__VAR_SURPLUS,      /* item: material: output with nowhere to go */
    CEFO__VAR_EXTRA_CAPACITY, /* item: process */
    CEFO__VAR_LACK,         /* item: process: below its minimum level */
    CEFO__VAR_EXCESS,       /* item: pollutant: emission beyond the cap */
    CEFO__VAR_LINK_EXTRA,   /* item: link: flow beyond its capacity */
    CEFO__VAR_RES_OVER,     /* item: resource: use beyond its max */
    CEFO__VAR_RES_UNDER,    /* item: resource: use short of its min */
    /* Both models. */
    CEFO__VAR_USE           /* item: resource; its total use U, min <= U <= max, priced */
} cefo__var_kind;

typedef enum cefo__row_kind {
    CEFO__ROW_BALANCE,      /* pooled material: the cluster balance */
    CEFO__ROW_CONSUMER,     /* linked material, one consumer */
    CEFO__ROW_PRODUCER,     /* linked material, one producer */
    CEFO__ROW_MARKET,       /* linked material: the cluster market */
    CEFO__ROW_IMPORT_LIMIT, /* linked material with an import-limit */
    CEFO__ROW_EMISSION,     /* pollutant: definition of its total E_k */
    CEFO__ROW_SWITCH,       /* item: process or link; x - cap y <= 0, or x - min y >= 0 */
    CEFO__ROW_GROUP,        /* item: group; sum of its members' y <= 1 */
    CEFO__ROW_ELASTIC,      /* elastic only: x - extra <= capacity, x + lack >= min, ... */
    CEFO__ROW_RESOURCE      /* item: resource; sum of its uses - U = -(constant uses) */
} cefo__row_kind;

#define CEFO__NONE ((size_t)-1)

typedef struct cefo__slot {
    cefo__var_kind kind; /* a cefo__row_kind for rows */
    size_t item;
    size_t proc;
} cefo__slot;

typedef struct cefo__formulation {
    int ncols;
    int nrows;
    cefo__slot *cols;
    cefo__slot *rows;
    double *obj, *col_lb, *col_ub, *row_lb, *row_ub;
    cefo__triplet a;
    unsigned char *col_binary; /* per column: 1 for a 0/1 decision */
    int nbinary;
    /* The map for in-place updates and for reading results. */
    int *activity_col;  /* per process */
    int *build_col;     /* per process: its 0/1 column, or -1 when it is no decision */
    int *cap_row;       /* per process: the row x - cap y <= 0, or -1 */
    int *min_row;       /* per process: the row x - min y >= 0, or -1 */
    int *link_build_col; /* per link: its 0/1 column, or -1 */
    int *link_cap_row;  /* per link: the row f - cap y <= 0 of an optional link, or -1 */
    int *emission_col;  /* per pollutant */
    int *demand_row;    /* per material: its balance or market row */
    int *flow_col;      /* per link */
    int *group_row;     /* per group: sum of its members' y <= 1 */
    int *use_col;       /* per resource: its U column */
    int *use_row;       /* per resource: its definition row */
    unsigned char *use_on_decisions_only; /* per resource: no activity or flow in its row */
} cefo__formulation;

/* The current parameters of a problem: what in-place updates change. */
typedef struct cefo__params {
    double *capacity;   /* per process */
    double *demand;     /* per material */
    double *damage;     /* per pollutant */
    double *cap;        /* per pollutant */
    double *res_min, *res_max, *res_price; /* per resource */
} cefo__params;

/*
 * The part of resource r's use that is no variable: capacity terms on processes without a
 * decision, at the capacities `capacity` (per process). The definition row's bounds are its
 * negative.
 */
double cefo__resource_constant(const cefo_network *net, size_t r, const double *capacity);

/*
 * Formulates `net` (validated) with the parameters `par` (NULL: the network's own) into *f.
 * With `elastic`, every balance, capacity, minimum level, cap and link capacity may be
 * violated at a price and nothing else costs anything: the optimum is the least violation,
 * the diagnosis of an infeasible model. Returns CEFO_OK, CEFO_ERR_NOMEM, or CEFO_ERR_INVALID
 * when the LP would exceed the back-end's int indices. On error *f holds nothing to free.
 */
cefo_status cefo__formulate(const cefo_network *net, const cefo__params *par, int elastic,
                            cefo__formulation *f, cefo_error *err);

/* The formulation as LP data for cefo__lp_load (borrows f's arrays). */
cefo__lp_data cefo__formulation_data(const cefo__formulation *f);

/* Frees the numeric arrays needed only to load the LP, keeping the map and the objective
 * (which an objective switch, as for a Pareto frontier, restores from). */
void cefo__formulation_drop_data(cefo__formulation *f);
void cefo__formulation_free(cefo__formulation *f);

/* Unique names of every column and row (names.c), freed with cefo__names_free. 0 or -1. */
int cefo__formulation_names(const cefo_network *net, const cefo__formulation *f, char ***cols,
                            char ***rows);
void cefo__names_free(char **names, int n);

#endif
