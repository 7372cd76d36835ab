/* iotable.h - an input-output table in memory (spec section 2), shared by io/ and models/. */
#ifndef CEFO_MODELS_IOTABLE_H
#define CEFO_MODELS_IOTABLE_H

#include <stddef.h>

#include "cefo/cefo.h"
#include "core/strmap.h"

/* Dense arrays are row-major. Sizes: n sectors, k extensions, w wastes. */
struct cefo_iotable {
    char *file;
    size_t n;
    char **ids;
    int *treatment;     /* kind="treatment" */
    int *line;
    double *z;          /* n x n transactions */
    double *y;          /* n final demand */
    double *x;          /* n total output as given, NAN where not given */
    size_t k;
    char **ext_ids;
    char **ext_units;
    double *f;          /* k x n direct amounts */
    size_t w;
    char **waste_ids;
    double *g;          /* w x n net waste generation */
    double *gy;         /* w net waste from final demand */
    double *s;          /* n x w allocation shares (rows of treatment sectors) */
    cefo__strmap sector_ids;
    cefo__strmap waste_index;
    char **inputs;      /* the src= files read, in order (cefo_iotable_input) */
    size_t ninputs;
};

/* A table of n sectors and k extensions with zeroed arrays (ids to be set), or NULL. */
cefo_iotable *cefo__iotable_new(const char *file, size_t n, size_t k);
/* Records `path` (taken over) as a file the table was read from. 0, or -1 out of memory (then
 * `path` is freed). */
int cefo__iotable_add_input(cefo_iotable *t, char *path);
/* Adds room for w wastes (net generation and allocation). 0, or -1 when out of memory. */
int cefo__iotable_set_wastes(cefo_iotable *t, size_t w);

#endif
