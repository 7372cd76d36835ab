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

/* An explicit <use resource amount per> inside a process or link (spec section 5). */
typedef struct cefo__use {
    size_t resource;
    double amount;
    int per_decision;       /* 1: x the item's 0/1 decision; 0: x its activity or flow */
    int line;
} cefo__use;

typedef struct cefo__uses {
    cefo__use *v;
    size_t n;
    size_t cap;
} cefo__uses;

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
    double investment;      /* paid once when the decision switches on (periods only) */
    double lifetime;        /* years a build stays available; INFINITY: to the end */
    int stage;              /* position of its variant in its group's order, or -1 */
    int optional;
    cefo__terms inputs;
    cefo__terms outputs;
    cefo__terms emissions;
    cefo__uses uses;
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
    double investment;      /* as a process's (periods only) */
    double lifetime;
    int optional;
    cefo__uses uses;
    int line;
} cefo__link;

/* What a selected <term> of a resource counts per matched process (spec section 5). */
typedef enum cefo__term_of {
    CEFO__OF_ACTIVITY,
    CEFO__OF_CAPACITY,      /* capacity x decision; a constant for a process without one */
    CEFO__OF_LABOUR,
    CEFO__OF_FIXED_COST,    /* x decision */
    CEFO__OF_EMISSION,      /* ref: pollutant */
    CEFO__OF_INPUT,         /* ref: material */
    CEFO__OF_OUTPUT,        /* ref: material */
    CEFO__OF_INVESTMENT     /* x the decision switching on (periods only) */
} cefo__term_of;

/* <term [sector] [zone] [group] [kind] [variant] of amount>: selectors NULL when not given. */
typedef struct cefo__select {
    char *sector, *zone, *group, *kind, *variant;
    cefo__term_of of;
    size_t ref;
    double amount;
    int line;
} cefo__select;

/* A side constraint min <= U <= max over uses, U priced at `price` (spec section 5). */
typedef struct cefo__resource {
    char *id;
    char *unit;
    char *name;
    double min;             /* -INFINITY when not given */
    double max;             /* INFINITY when not given */
    double price;
    int total;              /* scope="total": the bounds hold for the sum over all periods */
    cefo__select *sel;
    size_t nsel, cap_sel;
    int line;
} cefo__resource;

/* <period id [years]> of <periods> (spec section 6). */
typedef struct cefo__period {
    char *id;
    double years;           /* weight of its running costs */
    double start;           /* years before it */
    double discount;        /* (1 + rate)^-start */
    int line;
} cefo__period;

/* The elements an <at> may step, by parent. */
typedef enum cefo__at_kind {
    CEFO__AT_POLLUTANT,
    CEFO__AT_MATERIAL,
    CEFO__AT_PROCESS,
    CEFO__AT_LINK,
    CEFO__AT_DEMAND,
    CEFO__AT_RESOURCE
} cefo__at_kind;

/* One attribute of one <at period ATTR=V>: from `period` on, the field at byte `offset` of
 * item `item` of `kind` is `value` (a step function; later periods override). */
typedef struct cefo__step {
    cefo__at_kind kind;
    size_t item;
    size_t period;
    size_t offset;
    double value;
    int line;
} cefo__step;

/* One <demand>: a material's demand is the sum of its demands (each may step). */
typedef struct cefo__demand {
    size_t material;
    double amount;
    int line;
} cefo__demand;

/* <group id order="v1 v2 ...">: the order its state moves forward through, then closed. */
typedef struct cefo__group_decl {
    char *id;
    char *order;            /* as written: white-space separated variant labels */
    int line;
} cefo__group_decl;

struct cefo_network {
    char *file;
    char *currency;         /* NULL when not given */
    char *name;             /* the network's name attribute: a label, NULL when not given */
    /* Where it came from beyond `file` (cefo_network_source): the scenario applied (NULL
     * when none) and the edits after it, in order, strings owned. */
    char *scenarios_file, *scenario, *scenario_name;
    cefo_edit *edits;
    size_t nedits;
    char **src_files;       /* the registries read (<?cefo-src?>), cefo_network_input */
    size_t nsrc_files;
    cefo__material *materials;
    cefo__pollutant *pollutants;
    cefo__process *processes;
    cefo__link *links;
    cefo__resource *resources;
    char **groups;          /* distinct group names, in order of first use (borrowed) */
    size_t nmaterials, npollutants, nprocesses, nlinks, ngroups;
    size_t nresources, cap_resources;
    size_t cap_materials, cap_pollutants, cap_processes, cap_links;
    cefo__strmap material_ids, pollutant_ids, process_ids, resource_ids;
    /* The processes whose recipe names material m, once each and in process order:
     * users[user_start[m] .. user_start[m + 1]) (set by cefo__network_validate), so work per
     * material visits only them, not every process. */
    size_t *user_start;
    size_t *users;
    cefo_error *warnings;   /* set by cefo__network_validate */
    size_t nwarnings, cap_warnings;
    /* Plans over several periods (spec section 6); nperiods 0 without <periods>. */
    cefo__period *periods;
    size_t nperiods, cap_periods;
    double discount_rate;
    int periods_line;       /* of <periods>, 0 when absent */
    cefo__strmap period_ids;
    cefo__step *steps;
    size_t nsteps, cap_steps;
    cefo__demand *demands;
    size_t ndemands, cap_demands;
    cefo__group_decl *group_decls;
    size_t ngroup_decls, cap_group_decls;
    size_t *group_stages;   /* per group: the number of variants in its order, 0 without */
    /* Per period, the network as it stands in that period (every step applied): arrays of
     * items of its own, everything else borrowed from this network. Set by validation. */
    cefo_network **views;
};

/* An empty network whose errors will name `file` (may be NULL). NULL when out of memory. */
cefo_network *cefo__network_new(const char *file);
/* Records the scenario applied to a network (all three NULL for none) and the edits after
 * it, copied. CEFO_OK or CEFO_ERR_NOMEM (nothing recorded). */
cefo_status cefo__network_set_source(cefo_network *net, const char *scenarios_file,
                                     const char *scenario, const char *scenario_name,
                                     const cefo_edit *edits, size_t nedits, cefo_error *err);
/* Frees that record (cefo_network_free). */
void cefo__source_free(cefo_network *net);

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
cefo_status cefo__network_add_resource(cefo_network *net, const char *id, int line,
                                       cefo__resource **out, cefo_error *err);
/* Appends an explicit use or a selected term; CEFO_OK or CEFO_ERR_NOMEM. A select's strings
 * pass to the resource. */
cefo_status cefo__uses_add(cefo__uses *u, size_t resource, double amount, int per_decision,
                           int line);
cefo_status cefo__resource_add_select(cefo__resource *r, const cefo__select *s);
/* Whether process p matches every selector a term gives. */
int cefo__select_matches(const cefo__select *s, const cefo__process *p);

/*
 * One coefficient of resource r's use U_r, summed over the explicit uses and the selected
 * terms that reach process p: on its activity (`on_decision` 0) or on its 0/1 decision (1),
 * with `capacity` the process's current capacity. For a process without a decision the
 * decision coefficient is a constant of U_r (capacity terms). Links: cefo__link_use.
 */
double cefo__resource_coef(const cefo_network *net, size_t r, size_t p, int on_decision,
                           double capacity);
double cefo__link_use(const cefo__link *l, size_t r, int on_decision);
/* The coefficient of resource r on process p's switch-on column (of="investment" terms). */
double cefo__resource_investment(const cefo_network *net, size_t r, size_t p);
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

/* Resource checks (called by cefo__network_validate): min <= max, every term matches a
 * process, per="decision" only on decisions, capacity terms only on bounded processes. */
cefo_status cefo__network_validate_resources(const cefo_network *net, cefo_error *err);
/* Frees the resources and their terms (cefo_network_free). */
void cefo__resources_free(cefo_network *net);

/* Whether a process is a build/keep decision (optional or a group member). */
int cefo__process_is_decision(const cefo__process *p);

/* periods.c: the numeric attribute `name` an <at> inside a `kind` element may set, its byte
 * offset into the item and whether it may be negative. CEFO_OK or CEFO_ERR_INVALID. */
cefo_status cefo__at_field(cefo__at_kind kind, const char *name, size_t *offset,
                           int *allow_negative);
/* The names an <at> of `kind` allows, "period" first, NULL-terminated (static). */
const char *const *cefo__at_names(cefo__at_kind kind);
/* Appends a step / a demand / a group declaration; CEFO_OK or CEFO_ERR_NOMEM. */
cefo_status cefo__network_add_step(cefo_network *net, const cefo__step *s);
cefo_status cefo__network_add_demand(cefo_network *net, size_t material, double amount,
                                     int line);
cefo_status cefo__network_add_period(cefo_network *net, const char *id, double years,
                                     int line, cefo_error *err);
/* The checks and derived data of periods (called by cefo__network_validate): group orders
 * against their members (process stages), the views per period, each checked as a network
 * is. CEFO_OK, CEFO_ERR_INVALID or CEFO_ERR_NOMEM. */
cefo_status cefo__network_validate_periods(cefo_network *net, cefo_error *err);
/* Frees what periods added to a network (cefo_network_free). */
void cefo__periods_free(cefo_network *net);
/* The number of periods the model has: 1 without <periods>. */
size_t cefo__nperiods(const cefo_network *net);
/* The network as it stands in period t (the network itself without <periods>). */
const cefo_network *cefo__view(const cefo_network *net, size_t t);
/* The checks one period's values must pass (validate_process and resource bounds). */
cefo_status cefo__network_validate_values(const cefo_network *net, const char *period,
                                          cefo_error *err);

const char *cefo__material_kind_name(cefo__material_kind k);
const char *cefo__process_kind_name(cefo__process_kind k);

#endif
