/* result.h - a solved plan in the model's terms (internal layout of cefo_result). */
#ifndef CEFO_MODELS_RESULT_H
#define CEFO_MODELS_RESULT_H

#include "models/formulate.h"

typedef struct cefo__diag_item {
    const char *kind;
    const char *id;     /* borrowed from the network */
    double amount;
    const char *unit;   /* borrowed from the network, or "" */
    char message[320];
} cefo__diag_item;

/* Figures per sector or per zone (breakdown.c), areas in order of first use. */
typedef struct cefo__areas {
    size_t n;
    const char **ids;           /* borrowed from the network */
    double *activity_cost, *fixed_cost, *labour;
    size_t *nprocesses;
    double *emission;           /* n x npollutants */
    size_t *groups;             /* n x nvariants: groups by the variant label that runs */
} cefo__areas;

/* One indicator in one unit (terms.c): indicator is its index in the table. */
typedef struct cefo__ind_row {
    size_t indicator;
    const char *unit;   /* "t", "m3", a unit as written (borrowed), or NULL for a total */
    double value;
} cefo__ind_row;

/* Arrays point into one block; values are NAN where they do not exist. */
struct cefo_result {
    const cefo_network *net;
    cefo_solve_status status;
    double objective;
    int iterations;
    int mip;
    double gap;
    double *activity, *capacity, *capacity_shadow, *chosen; /* per process; chosen: y or NAN */
    double *flow, *link_chosen;                             /* per link */
    double *import, *export, *discharge, *demand, *shadow;  /* per material */
    double *emission, *cap, *cap_shadow, *damage;           /* per pollutant */
    double *use, *res_min, *res_max, *res_price, *res_shadow; /* per resource */
    double *block;
    cefo_costs costs;
    double cost_resource;   /* sum of price x use: a term cefo_costs has no field for */
    cefo__areas areas[2];   /* by cefo_area_kind */
    const char **variants;  /* labels groups are counted by, "closed" last (borrowed) */
    size_t nvariants;
    cefo_indicators indicators; /* the sums of cefo_result_indicators, units mixed */
    double *waste;          /* 4 x per material: generated, reused, treated, disposed */
    cefo__ind_row *ind;     /* the indicators by unit (cefo__indicators) */
    size_t nind;
    cefo__diag_item *diag;  /* infeasible and diagnosed: what must move */
    size_t ndiag;
    /* Plans over several periods (spec section 6). The plan itself holds the programme:
     * amounts summed over periods (x years), costs discounted, decisions as in the last
     * period; each period is a result of its own over the network as it stood then, with
     * costs per year in that period's money and shadow prices likewise. */
    int periodic;           /* a plan over several periods, or one of its periods */
    double cost_investment; /* investments paid: in a period, as paid; in the plan, discounted */
    cefo_result **periods;  /* the plan's periods (owned), NULL otherwise */
    size_t nperiods;
    size_t period;          /* a period's index */
    double scale;           /* a period's years x discount (1 otherwise) */
};

/* Writes the problem with named rows and columns to `path` as it is (io/ makes it atomic). */
cefo_status cefo__problem_write_path(cefo_problem *prob, cefo_model_format format,
                                     const char *path, cefo_error *err);

/*
 * Diagnoses an infeasible model with the parameters `par`: solves its elastic version and
 * returns the violations of the least total change (cefo__free the array). Returns CEFO_OK
 * (possibly with no items), CEFO_ERR_NOMEM or CEFO_ERR_SOLVER.
 */
cefo_status cefo__diagnose(const cefo_network *net, const cefo__params *par,
                           const cefo_options *opt, cefo__diag_item **items, size_t *n,
                           cefo_error *err);

/*
 * Reads an LP solution back into a new result (values only when optimal).
 * Returns CEFO_OK, CEFO_ERR_NOMEM, or CEFO_ERR_INVALID when a value of the plan, its costs or
 * its shadow prices is not finite (the message names the element and its line).
 */
cefo_status cefo__result_make(cefo_result **out, const cefo_network *net,
                              const cefo__formulation *f, const cefo__params *par,
                              const cefo__lp_solution *sol, cefo_error *err);

/* The result block of a network (values zero); NULL when out of memory. */
cefo_result *cefo__result_alloc(const cefo_network *net);
/* One plan: of a single-period network (periodic 0, t 0, scale 1), or period t of a plan
 * over several (net its view, f and par its blocks, scale its years x discount). */
cefo_status cefo__result_make_one(cefo_result **out, const cefo_network *net,
                                  const cefo__formulation *f, const cefo__params *par,
                                  const cefo__lp_solution *sol, int periodic, size_t t,
                                  double scale, cefo_error *err);
/* A plan over several periods (plan.c): each period's result and the programme's. */
cefo_status cefo__plan_make(cefo_result **out, const cefo_network *net,
                            const cefo__formulation *f, const cefo__params *par,
                            const cefo__lp_solution *sol, cefo_error *err);

/* What rank.c reads and moves in a problem (problem.c). */
const cefo_network *cefo__problem_network(const cefo_problem *prob);
const cefo__formulation *cefo__problem_formulation(const cefo_problem *prob);
cefo__lp *cefo__problem_lp(cefo_problem *prob);
cefo__lp_solution *cefo__problem_solution(cefo_problem *prob);

/* Fills r->areas and r->variants from its values (CEFO_OK or CEFO_ERR_NOMEM); frees them. */
cefo_status cefo__breakdown(cefo_result *r, cefo_error *err);
void cefo__breakdown_free(cefo_result *r);

/* The objective's terms in the order every writer shows them: the count, and term i (its
 * JSON key, its label for people, its value); "total" is the last. */
size_t cefo__cost_count(const cefo_result *r);
void cefo__cost_term(const cefo_result *r, size_t i, const char **key, const char **label,
                     double *value);
/* Term i's column in a summary line (cefo_result_write_summary); NULL for "total". */
const char *cefo__cost_column(const cefo_result *r, size_t i);

/* terms.c: the unit `unit` is added in (t for mass, m3 for volume, else itself) and
 * `amount` of it converted into that unit; per material the wastes generated, reused,
 * treated and disposed into r->waste (from activities and discharges); the indicators by
 * unit from r->waste, r->import and r->indicators.labour (CEFO_OK or CEFO_ERR_NOMEM). */
const char *cefo__unit_canonical(const char *unit, double amount, double *converted);
void cefo__waste_amounts(cefo_result *r);
cefo_status cefo__indicators(cefo_result *r, cefo_error *err);

#endif
