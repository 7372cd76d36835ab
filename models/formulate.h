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
    CEFO__VAR_USE,          /* item: resource; its total use U, min <= U <= max, priced */
    /* Plans over several periods only. */
    CEFO__VAR_SWITCH_ON,    /* item: process; 0/1: built (switched on) in this period */
    CEFO__VAR_LINK_SWITCH_ON, /* item: link; 0/1: built in this period */
    CEFO__VAR_TOTAL,        /* item: resource of scope="total": the sum of its uses */
    CEFO__VAR_EMISSION_TOTAL /* item: pollutant: sum over periods of years x E_k */
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
    CEFO__ROW_RESOURCE,     /* item: resource; sum of its uses - U = -(constant uses) */
    /* Plans over several periods only (the period of the row's slot is its last one). */
    CEFO__ROW_BUILT,        /* item: process; y_t - builds still alive at t <= 0 */
    CEFO__ROW_LINK_BUILT,   /* item: link; the same */
    CEFO__ROW_ORDER,        /* item: group; proc: stage s; members before s never return */
    CEFO__ROW_TOTAL,        /* item: resource; sum_t U_t - total = 0 */
    CEFO__ROW_EMISSION_TOTAL /* item: pollutant; sum_t years_t E_t - Etot = 0 */
} cefo__row_kind;

#define CEFO__NONE ((size_t)-1)

typedef struct cefo__slot {
    cefo__var_kind kind; /* a cefo__row_kind for rows */
    size_t item;
    size_t proc;
    size_t period;       /* 0 without <periods> */
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
    /* The map for in-place updates and for reading results. With periods, each array below
     * holds one block per period: period t's entry of item i is at [t * n + i], n the
     * count of that kind (cefo__map_at gives a period's block). */
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
    /* Plans over several periods (NULL / 1 without). */
    size_t nperiods;
    double *scale;      /* per period: years x discount, the weight of its running costs */
    int *switch_col;    /* per period and process: its switch-on column, or -1 */
    int *link_switch_col; /* per period and link */
    int *total_col;     /* per resource: the total column of scope="total", or -1 */
    int *emission_total_col; /* per pollutant: the programme's total emission */
} cefo__formulation;

/* The blocks of period t of the map (pointers into f's arrays; scalars copied): what the
 * single-period code reads. */
cefo__formulation cefo__map_at(const cefo__formulation *f, const cefo_network *net, size_t t);

/* The current parameters of a problem: what in-place updates change. With periods, one
 * block per period as in the map (cefo__params_at gives period t's). */
typedef struct cefo__params {
    double *capacity;   /* per process */
    double *demand;     /* per material */
    double *damage;     /* per pollutant */
    double *cap;        /* per pollutant */
    double *res_min, *res_max, *res_price; /* per resource */
} cefo__params;

cefo__params cefo__params_at(const cefo__params *par, const cefo_network *net, size_t t);

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
