/* network.h - the in-memory cluster network (spec section 1), shared by io/ and models/. */
#ifndef CEFO_MODELS_NETWORK_H
#define CEFO_MODELS_NETWORK_H

#include <stddef.h>

#include "cefo/cefo.h"
#include "core/strmap.h"

typedef enum cefo__material_kind { CEFO__PRODUCT, CEFO__WASTE, CEFO__RESOURCE } cefo__material_kind;

typedef enum cefo__process_kind {
    CEFO__PRODUCTION,
    CEFO__TREATMENT,
    CEFO__RECYCLING,
    CEFO__DISPOSAL
} cefo__process_kind;

/* One coefficient per unit of activity (or per unit discharged): a material or pollutant. */
typedef struct cefo__term {
    size_t item;
    double amount;
    int line;
} cefo__term;

typedef struct cefo__terms {
    cefo__term *v;
    size_t n;
    size_t cap;
} cefo__terms;

/* Absent optional numbers: costs are NAN ("not allowed"), limits and capacities INFINITY. */
typedef struct cefo__material {
    char *id;
    char *unit;
    cefo__material_kind kind;
    double import_cost;     /* NAN: may not be imported */
    double import_limit;
    double export_price;    /* NAN: may not be exported */
    double discharge_cost;  /* NAN: may not be discharged */
    cefo__terms emissions;  /* pollutants per unit discharged */
    double demand;          /* sum of its <demand> elements */
    int linked;             /* at least one <link> carries it (set by cefo__network_validate) */
    int line;
} cefo__material;

typedef struct cefo__pollutant {
    char *id;
    char *unit;
    double damage_cost;
    double cap;
    int line;
} cefo__pollutant;

typedef struct cefo__process {
    char *id;
    char *name;
    char *sector;
    char *zone;
    char *group;
    char *variant;          /* label of a group member: keep, rectify, relocate... */
    size_t group_index;     /* into cefo_network.groups (set by cefo__network_validate) */
    cefo__process_kind kind;
    double capacity;
    double min;
    double cost;
    double labour;
    double fixed_cost;
    int optional;
    cefo__terms inputs;
    cefo__terms outputs;
    cefo__terms emissions;
    int line;
} cefo__process;

typedef struct cefo__link {
    size_t from;
    size_t to;
    size_t material;
    double cost;
    double capacity;
    double distance;        /* NAN when not given: a label carried into results */
    double fixed_cost;
    int optional;
    int line;
} cefo__link;

struct cefo_network {
    char *file;
    char *currency;         /* NULL when not given */
    cefo__material *materials;
    cefo__pollutant *pollutants;
    cefo__process *processes;
    cefo__link *links;
    char **groups;          /* distinct group names, in order of first use (borrowed) */
    size_t nmaterials, npollutants, nprocesses, nlinks, ngroups;
    size_t cap_materials, cap_pollutants, cap_processes, cap_links;
    cefo__strmap material_ids, pollutant_ids, process_ids;
    /* The processes whose recipe names material m, once each and in process order:
     * users[user_start[m] .. user_start[m + 1]) (set by cefo__network_validate), so work per
     * material visits only them, not every process. */
    size_t *user_start;
    size_t *users;
    cefo_error *warnings;   /* set by cefo__network_validate */
    size_t nwarnings, cap_warnings;
};

/* An empty network whose errors will name `file` (may be NULL). NULL when out of memory. */
cefo_network *cefo__network_new(const char *file);

/*
 * Appends a zero-initialised item with the given id (duplicated) and returns its address
 * through *out; the caller fills the other fields, taking ownership of their strings to the
 * network. Returns CEFO_OK, CEFO_ERR_INVALID (duplicate id, message names the first line)
 * or CEFO_ERR_NOMEM.
 */
cefo_status cefo__network_add_material(cefo_network *net, const char *id, int line,
                                       cefo__material **out, cefo_error *err);
cefo_status cefo__network_add_pollutant(cefo_network *net, const char *id, int line,
                                        cefo__pollutant **out, cefo_error *err);
cefo_status cefo__network_add_process(cefo_network *net, const char *id, int line,
                                      cefo__process **out, cefo_error *err);
cefo_status cefo__network_add_link(cefo_network *net, int line, cefo__link **out,
                                   cefo_error *err);
/* The index of the term of t naming `item` (a validated list names each item once), or
 * CEFO__NO_TERM; and that term's amount, 0 when there is none. */
#define CEFO__NO_TERM ((size_t)-1)
size_t cefo__terms_find(const cefo__terms *t, size_t item);
double cefo__terms_amount(const cefo__terms *t, size_t item);
/* Appends a term; CEFO_OK or CEFO_ERR_NOMEM. */
cefo_status cefo__terms_add(cefo__terms *t, size_t item, double amount, int line);

/*
 * Semantic checks a schema cannot make (links consistent with recipes, no duplicate term in
 * a list, min <= capacity, ...) and derived fields (material.linked, the groups). Every error
 * carries the line of the offending element. Returns CEFO_OK, CEFO_ERR_INVALID or
 * CEFO_ERR_NOMEM.
 */
cefo_status cefo__network_validate(cefo_network *net, cefo_error *err);

/* Whether a process is a build/keep decision (optional or a group member). */
int cefo__process_is_decision(const cefo__process *p);

const char *cefo__material_kind_name(cefo__material_kind k);
const char *cefo__process_kind_name(cefo__process_kind k);

#endif
