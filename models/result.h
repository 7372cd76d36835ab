/* result.h - a solved plan in the model's terms (internal layout of cefo_result). */
#ifndef CEFO_MODELS_RESULT_H
#define CEFO_MODELS_RESULT_H

#include "models/formulate.h"

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
    double *block;
    cefo_costs costs;
    cefo_indicators indicators;
};

/* The current parameters of a problem: what in-place updates change. */
typedef struct cefo__params {
    double *capacity;   /* per process */
    double *demand;     /* per material */
    double *damage;     /* per pollutant */
    double *cap;        /* per pollutant */
} cefo__params;

/*
 * Reads an LP solution back into a new result (values only when optimal).
 * Returns CEFO_OK or CEFO_ERR_NOMEM.
 */
cefo_status cefo__result_make(cefo_result **out, const cefo_network *net,
                              const cefo__formulation *f, const cefo__params *par,
                              const cefo__lp_solution *sol, cefo_error *err);

#endif
